using System.Linq.Expressions;
using FluentValidation;

namespace AuthService.Application.OAuth;

/// <summary>Field rules for a provider code that an app obtained itself and hands to us.</summary>
internal static class AppCodeRules
{
    public const int MaxCodeLength = 2048;
    public const int MaxNonceLength = 512;

    public static IRuleBuilderOptions<T, string?> ProviderCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("is required")
            .MaximumLength(MaxCodeLength).WithMessage($"must be at most {MaxCodeLength} characters");

    public static IRuleBuilderOptions<T, string?> CodeVerifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Pkce.IsValidVerifier)
            .WithMessage("must be 43 to 128 characters of letters, digits, '-', '.', '_' or '~' (RFC 7636)");

    public static IRuleBuilderOptions<T, string?> Nonce<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxNonceLength).WithMessage($"must be at most {MaxNonceLength} characters");

    /// <summary>The four fields of an app-side code exchange (wire names come from the property names).</summary>
    public static void AppCodeGrant<T>(
        this AbstractValidator<T> validator,
        Expression<Func<T, string?>> code,
        Expression<Func<T, string?>> codeVerifier,
        Expression<Func<T, string?>> redirectUri,
        Expression<Func<T, string?>> nonce)
    {
        validator.RuleFor(code).ProviderCode();
        validator.RuleFor(codeVerifier).CodeVerifier();
        validator.RuleFor(redirectUri).NotEmpty().WithMessage("is required");
        validator.RuleFor(nonce).Nonce();
    }
}
