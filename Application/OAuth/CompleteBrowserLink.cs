using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Domain.Common;
using AuthService.Domain.Identities;

namespace AuthService.Application.OAuth;

public sealed record CompleteBrowserLinkCommand(Guid UserId, string Provider, string? Code, ClientInfo Client);

public interface ICompleteBrowserLink
{
    Task<Result<ExternalIdentity>> ExecuteAsync(CompleteBrowserLinkCommand command, CancellationToken ct);
}

/// <summary>
/// The last step of a link started with a ticket: the code the callback sent to the app links the
/// provider account only for the user who got the ticket. Opened by anyone else (a ticket URL sent
/// to a victim), it links nothing.
/// </summary>
internal sealed class CompleteBrowserLink(IOAuthExchangeCodeStore grants, IOAuthAccountResolver accounts, IUnitOfWork uow)
    : ICompleteBrowserLink
{
    private const int MaxCodeLength = 128;

    public async Task<Result<ExternalIdentity>> ExecuteAsync(CompleteBrowserLinkCommand command, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(command.Code))
        {
            return Error.Validation("code", "is required");
        }

        var grant = command.Code.Length <= MaxCodeLength ? await grants.TakeAsync(command.Code, ct) : null;
        if (grant is not { Kind: OAuthGrantKind.LinkCompletion, Identity: { } identity }
            || grant.UserId != command.UserId
            || grant.Provider != command.Provider)
        {
            return new Error(ErrorCode.InvalidOAuthState, "The code is unknown, has expired, was already used or was not issued to this account.");
        }

        var linked = await accounts.LinkAsync(command.UserId, identity, command.Client, ct);
        if (!linked.IsSuccess)
        {
            return linked;
        }

        await uow.CommitAsync(ct);
        return linked;
    }
}
