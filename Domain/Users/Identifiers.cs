using System.Text.RegularExpressions;

namespace AuthService.Domain.Users;

/// <summary>Canonical forms of identifiers so that lookups and uniqueness agree.</summary>
public static partial class Identifiers
{
    public static string NormalizeEmail(string email) => Compatible(email.Trim()).ToLowerInvariant();

    public static string NormalizeUsername(string username) => Compatible(username.Trim()).ToLowerInvariant();

    /// <summary>
    /// NFKC, so look-alike forms of one identifier (full-width letters, composed and decomposed
    /// accents) find the same account. Text that is not valid Unicode has no normal form; it is
    /// returned as it is and refused by validation.
    /// </summary>
    private static string Compatible(string value)
    {
        try
        {
            return value.IsNormalized(System.Text.NormalizationForm.FormKC) ? value : value.Normalize(System.Text.NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return value;
        }
    }

    /// <summary>Phone numbers are E.164: '+' then 8 to 15 digits, the first not zero.</summary>
    public static bool IsE164(string phone) => E164().IsMatch(phone);

    public static bool IsEmail(string email) =>
        email.Length <= 254 && EmailShape().IsMatch(email);

    public static bool IsUsername(string username) => UsernameShape().IsMatch(username);

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    // Deliberately simple: one '@', no spaces or control characters, a dot in the domain.
    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[^@\s\p{C}]+\.[^@\s\p{C}]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9._-]{2,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernameShape();
}
