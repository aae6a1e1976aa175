using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>
/// Loads key material once at start to check it (the master key, the HMAC secret, the signing
/// keys), so a missing, malformed or weak one stops the host with one line naming the variable.
/// </summary>
/// <param name="problem">Why the options' key material cannot be loaded; null when it can.</param>
internal sealed class KeyMaterialValidator<TOptions>(Func<TOptions, string?> problem) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        problem(options) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
