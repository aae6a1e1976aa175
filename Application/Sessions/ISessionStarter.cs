using AuthService.Application.Common;
using AuthService.Domain.Users;

namespace AuthService.Application.Sessions;

/// <summary>Opens a session for a signed-in user inside the current unit of work; the caller commits.</summary>
public interface ISessionStarter
{
    Task<TokenResponse> StartAsync(User user, string authMethod, string? deviceName, ClientInfo client, CancellationToken ct);
}
