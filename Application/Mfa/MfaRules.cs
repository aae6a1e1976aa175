using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

/// <summary>Field rules shared by the second-factor commands, with the messages clients see in details.fields.</summary>
internal static class MfaRules
{
    /// <summary>A recovery code as printed is 11 characters; anything far longer is not worth hashing.</summary>
    public const int MaxFactorCodeLength = 32;

    /// <summary>A browser's credential JSON is a few kilobytes; anything far beyond is refused unread.</summary>
    public const int MaxCredentialLength = 64 * 1024;

    /// <summary>A TOTP code or a recovery code, as typed.</summary>
    public static IRuleBuilderOptions<T, string?> FactorCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => !string.IsNullOrWhiteSpace(c) && c.Length <= MaxFactorCodeLength)
            .WithMessage("is required: a 6-digit code from the authenticator app or a recovery code");

    public static IRuleBuilderOptions<T, string?> MfaToken<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => !string.IsNullOrEmpty(t)).WithMessage("is required");

    /// <summary>What PublicKeyCredential.toJSON() returned, as JSON text.</summary>
    public static IRuleBuilderOptions<T, string?> Credential<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("is required: the object PublicKeyCredential.toJSON() returns")
            .Must(c => c is null || c.Length <= MaxCredentialLength).WithMessage("is too large")
            .OverridePropertyName("credential");

    /// <summary>An optional passkey name (blank: the default one), at most 100 characters once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalPasskeyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => Passkey.NameOrDefault(n).Length <= Passkey.MaxNameLength)
            .WithMessage($"must be at most {Passkey.MaxNameLength} characters");
}
