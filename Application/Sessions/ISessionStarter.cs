using AuthService.Domain.Users;

namespace AuthService.Application.Sessions;

/// <summary>Opens a session for a signed-in user inside the current unit of work; the caller commits.</summary>
public interface ISessionStarter
{
    /// <summary>The session's amr follows from its auth method (see <see cref="Domain.Sessions.Amr.ForMethod"/>).</summary>
    Task<TokenResponse> StartAsync(User user, string authMethod, string? deviceName, ClientInfo client, CancellationToken ct);

    /// <summary>A session proven by more than its auth method (a second factor: <paramref name="amr"/> says which).</summary>
    Task<TokenResponse> StartAsync(
        User user, string authMethod, string? deviceName, ClientInfo client, IReadOnlyList<string> amr, CancellationToken ct);
}
