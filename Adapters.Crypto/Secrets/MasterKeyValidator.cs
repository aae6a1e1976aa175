using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>Fails start when CRYPTO__MASTER_KEY (or a previous key) is missing, malformed or short.</summary>
internal sealed class MasterKeyValidator : IValidateOptions<MasterKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, MasterKeyOptions options) =>
        MasterKeyRing.TryLoad(options, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(error);
}
