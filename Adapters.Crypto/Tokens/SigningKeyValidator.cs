using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto.Tokens;

/// <summary>Loads the keys at start, so a bad key stops the host with one line naming the variable.</summary>
internal sealed class SigningKeyValidator(TimeProvider time) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        SigningKeyRing.TryLoad(options, time, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(error);
}
