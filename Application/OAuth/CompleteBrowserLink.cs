namespace AuthService.Application.OAuth;

public sealed record CompleteBrowserLinkCommand(Guid UserId, string Provider, string? Code, ClientInfo Client);

public interface ICompleteBrowserLink
{
    Task<Result<IdentityView>> ExecuteAsync(CompleteBrowserLinkCommand command, CancellationToken ct);
}

internal sealed class CompleteBrowserLinkCommandValidator : AbstractValidator<CompleteBrowserLinkCommand>
{
    public CompleteBrowserLinkCommandValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithMessage("is required");
    }
}

/// <summary>
/// The last step of a link started with a ticket: the code the callback sent to the app links the
/// provider account only for the user who got the ticket. Opened by anyone else (a ticket URL sent
/// to a victim), it links nothing.
/// </summary>
internal sealed class CompleteBrowserLink(
    IValidator<CompleteBrowserLinkCommand> validator, IOAuthExchangeCodeStore grants, IOAuthAccountResolver accounts, IUnitOfWork uow)
    : ICompleteBrowserLink
{
    public async Task<Result<IdentityView>> ExecuteAsync(CompleteBrowserLinkCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        var grant = await grants.TakeOneTimeAsync(command.Code!, ct);
        if (grant is not { Kind: OAuthGrantKind.LinkCompletion, Identity: { } identity }
            || grant.UserId != command.UserId
            || grant.Provider != command.Provider)
        {
            return new Error(ErrorCode.InvalidOAuthState, "The code is unknown, has expired, was already used or was not issued to this account.");
        }

        var linked = await accounts.LinkAsync(command.UserId, identity, command.Client, ct);
        if (!linked.IsSuccess)
        {
            return linked.Error!;
        }

        await uow.CommitAsync(ct);
        return IdentityView.From(linked.Value);
    }
}
