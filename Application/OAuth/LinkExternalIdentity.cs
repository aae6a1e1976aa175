namespace AuthService.Application.OAuth;

/// <summary>Links a provider account to the signed-in user from a code the app obtained itself.</summary>
public sealed record LinkExternalIdentityCommand(
    Guid UserId,
    string Provider,
    string? Code,
    string? CodeVerifier,
    string? RedirectUri,
    string? Nonce,
    ClientInfo Client) : IAppCodeCommand;

public interface ILinkExternalIdentity
{
    Task<Result<IdentityView>> ExecuteAsync(LinkExternalIdentityCommand command, CancellationToken ct);
}

internal sealed class LinkExternalIdentityCommandValidator : AbstractValidator<LinkExternalIdentityCommand>
{
    public LinkExternalIdentityCommandValidator(OAuthSettings settings)
    {
        this.AppCodeGrant(settings);
    }
}

internal sealed class LinkExternalIdentity(
    IValidator<LinkExternalIdentityCommand> validator,
    AppCodeRedeemer redeemer,
    IOAuthAccountResolver accounts,
    IUnitOfWork uow) : ILinkExternalIdentity
{
    public async Task<Result<IdentityView>> ExecuteAsync(LinkExternalIdentityCommand command, CancellationToken ct)
    {
        var identity = await redeemer.RedeemAsync(validator, command, ct);
        if (!identity.IsSuccess)
        {
            return identity.Error!;
        }

        var linked = await accounts.LinkAsync(command.UserId, identity.Value, command.Client, ct);
        if (!linked.IsSuccess)
        {
            return linked.Error!;
        }

        await uow.CommitAsync(ct);
        return IdentityView.From(linked.Value);
    }
}
