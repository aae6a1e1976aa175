namespace AuthService.Domain.Otp;

/// <summary>What one try of a code did (<see cref="OtpCode.Attempt"/>).</summary>
public enum OtpAttempt
{
    /// <summary>The right code: it is consumed now.</summary>
    Accepted,

    /// <summary>A wrong code: one attempt burned.</summary>
    Wrong,

    /// <summary>Past its lifetime; nothing burned.</summary>
    Expired,

    /// <summary>No attempt left: refused before any comparison, the right code included.</summary>
    Exhausted,

    /// <summary>Consumed already, or voided by a newer code.</summary>
    Used,
}
