using AuthService.Application.Events;

namespace AuthService.Application.Webhooks;

public sealed record CreateWebhookCommand(string? Url, IReadOnlyList<string>? Events, string? Description);

/// <param name="Secret">Shown once: only its ciphertext is kept.</param>
public sealed record CreatedWebhook(WebhookEndpoint Endpoint, string Secret);

public interface ICreateWebhook
{
    Task<Result<CreatedWebhook>> ExecuteAsync(CreateWebhookCommand command, CancellationToken ct);
}

internal sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(WebhookSettings settings)
    {
        RuleFor(c => c.Url).Must((_, url, context) =>
        {
            var problem = WebhookTargets.Problem(url, settings.AllowPrivateTargets);
            context.MessageFormatter.AppendArgument("Problem", problem);
            return problem is null;
        }).WithMessage("{Problem}");
        RuleFor(c => c.Events).NotEmpty().WithMessage("must list at least one event, or [\"*\"]")
            .Must(e => e is null || e.All(t => t == "*" || AuthEventTypes.All.Contains(t)))
            .WithMessage("must be events from the list in the API (user.created, session.revoked, ...) or \"*\"");
        RuleFor(c => c.Description).MaximumLength(500).WithMessage("must be at most 500 characters");
    }
}

internal sealed class CreateWebhook(
    IValidator<CreateWebhookCommand> validator,
    IWebhookEndpointRepository endpoints,
    ISecretCipher cipher,
    IUnitOfWork uow,
    IIdGenerator ids,
    TimeProvider clock) : ICreateWebhook
{
    public Task<Result<CreatedWebhook>> ExecuteAsync(CreateWebhookCommand command, CancellationToken ct) =>
        validator.ThenAsync(command, valid => CreateAsync(valid, ct), ct);

    private async Task<Result<CreatedWebhook>> CreateAsync(CreateWebhookCommand command, CancellationToken ct)
    {
        var id = ids.NewId();
        var secret = WebhookSecrets.New();
        var endpoint = new WebhookEndpoint(
            id, null, command.Url!, [.. command.Events!.Distinct(StringComparer.Ordinal)], command.Description?.Trim(),
            WebhookSecrets.Seal(cipher, id, secret), clock.GetUtcNow());
        await endpoints.AddAsync(endpoint, ct);
        await uow.CommitAsync(ct);
        return new CreatedWebhook(endpoint, secret);
    }
}
