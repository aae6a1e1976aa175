using AuthService.Application.Abstractions;
using Microsoft.Extensions.Hosting;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// Loads libsodium, makes the dummy hash and reads the breached-password list at start: a missing
/// library or list stops the host, not the first login or registration.
/// </summary>
internal sealed class PasswordHasherWarmup(Argon2PasswordHasher hasher, IPasswordScreen screen) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = screen.Count;
        return hasher.WarmUpAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
