using System.Security.Cryptography;

namespace AuthService.Application.Mfa;

/// <summary>
/// Ten single-use codes such as <c>k7qm2-xd9fa</c>: 50 random bits each from an alphabet without
/// look-alikes, stored only as HMACs bound to the user id (equal codes of two users never share a hash).
/// </summary>
internal sealed class RecoveryCodes(ISecretHasher hasher)
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const int Length = 10;

    public static IReadOnlyList<string> Generate()
    {
        var codes = new string[Count];
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Count; i++)
        {
            for (var j = 0; j < Length; j++)
            {
                chars[j] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }

            codes[i] = string.Concat(chars[..5], "-", chars[5..]);
        }

        return codes;
    }

    public string Hash(Guid userId, string code) => hasher.Hash($"recovery:{userId:N}:{code}");

    public IReadOnlyList<string> Hashes(Guid userId, IReadOnlyList<string> codes) => codes.Select(c => Hash(userId, c)).ToArray();

    /// <summary>Lower case, without separators or spaces, as typed from a printout; null when it cannot be one.</summary>
    public static string? Normalize(string code)
    {
        Span<char> chars = stackalloc char[Length];
        var n = 0;
        foreach (var c in code)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (n == Length || !Alphabet.Contains(lower, StringComparison.Ordinal))
            {
                return null;
            }

            chars[n++] = lower;
        }

        return n == Length ? string.Concat(chars[..5], "-", chars[5..]) : null;
    }
}
