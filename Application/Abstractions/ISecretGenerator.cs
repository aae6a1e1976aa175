namespace AuthService.Application.Abstractions;

public interface ISecretGenerator
{
    /// <summary>An opaque token with 256 bits from a CSPRNG, URL-safe.</summary>
    string NewOpaqueToken();

    /// <summary>
    /// The successor of a refresh token: a keyed function of it, so that a replay inside the
    /// grace window can be answered with the same successor without storing any plaintext.
    /// </summary>
    string SuccessorOf(string refreshToken);

    /// <summary>A uniformly random 6-digit code.</summary>
    string NewOtpCode();
}
