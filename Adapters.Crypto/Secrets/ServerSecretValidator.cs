using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>Fails start when AUTH__HMAC_SECRET is missing or weak and no keys folder can hold a generated one.</summary>
internal sealed class ServerSecretValidator : IValidateOptions<ServerSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerSecretOptions options) =>
        ServerSecret.TryLoad(options, out _, out var error)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(error);
}
