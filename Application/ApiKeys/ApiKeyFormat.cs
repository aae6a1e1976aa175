using System.Security.Cryptography;
using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>
/// <c>ask_&lt;prefix&gt;_&lt;secret&gt;</c>: a recognisable type marker (secret scanners and humans
/// can tell an API key from a JWT), a public 8-character prefix for display and lookup, and a
/// 43-character base64url secret (256 random bits). Only an HMAC of the whole key is stored.
/// Service keys (issued by admins, for introspection) have the same shape behind their own
/// marker, <c>ssk_</c>: the HMAC covers the marker, so neither kind ever verifies as the other.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Marker = "ask_";
    public const string ServiceMarker = "ssk_";
    public const int PrefixLength = 8;
    public const int SecretLength = 43;
    public const int KeyLength = 4 + PrefixLength + 1 + SecretLength;

    // Lower-case letters and digits only, so the prefix reads well and never contains the separator.
    private const string PrefixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string MarkerOf(ApiKeyKind kind) => kind == ApiKeyKind.Service ? ServiceMarker : Marker;

    public static string NewPrefix() => RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);

    public static string Compose(string prefix, string secret, string marker = Marker) => $"{marker}{prefix}_{secret}";

    public static bool LooksLikeKey(string token) => token.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The prefix of a well-formed key; null for anything else (no lookup is made for it).</summary>
    public static string? PrefixOf(string key, string marker = Marker)
    {
        if (key.Length != KeyLength || !key.StartsWith(marker, StringComparison.Ordinal) || key[Marker.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = key.AsSpan(Marker.Length, PrefixLength);
        var secret = key.AsSpan(Marker.Length + PrefixLength + 1);
        foreach (var c in prefix)
        {
            if (!PrefixAlphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }

        foreach (var c in secret)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return null;
            }
        }

        return prefix.ToString();
    }
}
