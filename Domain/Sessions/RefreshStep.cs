namespace AuthService.Domain.Sessions;

/// <summary>What <see cref="Session.Refresh"/> allows a presented refresh token.</summary>
public enum RefreshStep
{
    /// <summary>The current token of an active session: it is rotated, and the session slides its expiry.</summary>
    Rotate,

    /// <summary>Rotated moments ago: answered with its successor if that is still the current token, else reuse.</summary>
    ReplayWithinGrace,

    /// <summary>Rotated away earlier and presented again: someone holds a copy, the session is revoked.</summary>
    Reuse,
}
