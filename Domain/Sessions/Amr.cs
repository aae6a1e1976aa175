namespace AuthService.Domain.Sessions;

/// <summary>
/// Authentication method references (RFC 8176) saying how a session was proven; they travel in
/// the access token's <c>amr</c> claim and stay with the session through refreshes.
/// </summary>
public static class Amr
{
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";
    public const string Federated = "fed";
    public const string HardwareKey = "hwk";
    public const string MultiFactor = "mfa";

    /// <summary>What the first step of a sign-in proves, from the session's auth method.</summary>
    public static IReadOnlyList<string> ForMethod(string authMethod) => authMethod switch
    {
        AuthMethods.Password => [Password],
        AuthMethods.Otp => [OneTimePassword],

        // A passkey with user verification is something held plus something known or are.
        AuthMethods.Passkey => [HardwareKey, MultiFactor],
        _ when authMethod.StartsWith("oauth:", StringComparison.Ordinal) => [Federated],
        _ => [],
    };

    /// <summary>The first step's references plus the second factor's, and <c>mfa</c>.</summary>
    public static IReadOnlyList<string> WithSecondFactor(IReadOnlyList<string> first, string factor) =>
        first.Append(factor).Append(MultiFactor).Distinct(StringComparer.Ordinal).ToArray();

    public static bool PassedMfa(IReadOnlyList<string> amr) => amr.Contains(MultiFactor, StringComparer.Ordinal);
}
