namespace AuthService.Application.OAuth;

/// <summary>Field rules of the OAuth commands: provider codes an app obtained itself, and our redirect allow-list.</summary>
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

    /// <summary>An app address the service may send a browser or a code to (exact match, see <see cref="OAuthSettings"/>).</summary>
    public static IRuleBuilderOptions<T, string?> AllowListedRedirect<T>(this IRuleBuilder<T, string?> rule, OAuthSettings settings) =>
        rule.Must(settings.IsAllowedRedirect).WithMessage("must be one of the allow-listed redirect URIs");

    /// <summary>The four fields of an app-side code exchange (wire names come from the property names).</summary>
    public static void AppCodeGrant<T>(this AbstractValidator<T> validator, OAuthSettings settings)
        where T : IAppCodeCommand
    {
        validator.RuleFor(c => c.Code).ProviderCode();
        validator.RuleFor(c => c.CodeVerifier).CodeVerifier();
        validator.RuleFor(c => c.RedirectUri).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("is required")
            .AllowListedRedirect(settings);
        validator.RuleFor(c => c.Nonce).Nonce();
    }
}
