namespace AuthService.Application.Abstractions;

/// <summary>
/// Keyed hash (HMAC-SHA256 with a server secret) for high-entropy and short secrets alike:
/// refresh tokens, one-time codes, API keys. A leaked table reveals nothing without the key.
/// </summary>
public interface ISecretHasher
{
    string Hash(string secret);

    /// <summary>Constant-time comparison of <paramref name="secret"/>'s hash with <paramref name="hash"/>.</summary>
    bool Matches(string secret, string hash);
}
