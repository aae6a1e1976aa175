using Microsoft.Extensions.Hosting;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>Loads libsodium and makes the dummy hash at start: a missing library stops the host, not the first login.</summary>
internal sealed class PasswordHasherWarmup(Argon2PasswordHasher hasher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => hasher.WarmUpAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
