using System.Security.Cryptography;
using System.Text;

namespace AuthService.Application.OAuth;

/// <summary>RFC 7636 helpers.</summary>
internal static class Pkce
{
    /// <summary>S256: BASE64URL(SHA-256(ASCII(verifier))).</summary>
    public static string ChallengeOf(string verifier) =>
        Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".</summary>
    public static bool IsValidVerifier(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 }
        && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
