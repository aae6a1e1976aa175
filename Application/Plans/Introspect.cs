using AuthService.Application.ApiKeys;
using AuthService.Application.Auth;
using AuthService.Application.ServiceKeys;
using AuthService.Domain.Plans;

namespace AuthService.Application.Plans;

/// <summary>
/// <paramref name="ServiceKey"/> authenticates the calling service; <paramref name="Token"/> is an
/// access token or an API key; <paramref name="Consume"/> counts one call of <paramref name="Service"/>.
/// </summary>
public sealed record IntrospectCommand(string? ServiceKey, string? Token, string? Service, bool Consume);

/// <summary>RFC 7662 style: an inactive answer carries nothing else.</summary>
public sealed record Introspection(
    bool Active,
    Guid? Subject = null,
    Guid? SessionId = null,
    string? Scope = null,
    string? Plan = null,
    IReadOnlyList<string>? Roles = null,
    DateTimeOffset? ExpiresAt = null,
    QuotaStatus? Quota = null)
{
    public static readonly Introspection Inactive = new(false);
}

internal sealed class IntrospectCommandValidator : AbstractValidator<IntrospectCommand>
{
    public IntrospectCommandValidator()
    {
        RuleFor(c => c.Token).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("is required").OverridePropertyName("token");
        RuleFor(c => c.Service).NotNull().When(c => c.Consume).WithMessage("is required when consume is true").OverridePropertyName("service");
    }
}

public interface IIntrospect
{
    Task<Result<Introspection>> ExecuteAsync(IntrospectCommand command, CancellationToken ct);
}

/// <summary>
/// For downstream services, each authenticated by a service key (RFC 7662 §2.1: the endpoint is
/// protected, so nobody holding a user's token can burn their quota or probe tokens). Every reason a token is not usable (malformed, bad signature,
/// expired, revoked, unknown key, disabled owner) gives the same bare <c>active: false</c>, so the
/// endpoint is no oracle. Only mistakes in the request itself (no token, unknown service) are errors.
/// The plan and roles come from the user row, not the token, so a downgrade or a removed role
/// counts at once; scope and expiry are those of the token or key.
/// </summary>
internal sealed class Introspect(
    IValidator<IntrospectCommand> validator,
    IAuthenticateServiceKey serviceKeys,
    ServiceCallTally tally,
    IAuthenticateAccessToken accessTokens,
    IAuthenticateApiKey apiKeys,
    IUserRepository users,
    IPlanRepository plans,
    IQuotaCounter counters,
    TimeProvider clock) : IIntrospect
{
    private const int MaxTokenLength = 4096;

    public async Task<Result<Introspection>> ExecuteAsync(IntrospectCommand command, CancellationToken ct)
    {
        var caller = await serviceKeys.ExecuteAsync(command.ServiceKey, ct);
        if (!caller.IsSuccess)
        {
            return caller.Error!;
        }

        if (command.Service is not null && !caller.Value.MayMeter(command.Service))
        {
            return new Error(ErrorCode.Forbidden, "This service key may only introspect for its own service.");
        }

        tally.Record(caller.Value.Id, command.Consume);
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        if (command.Service is not null && !await plans.IsKnownServiceAsync(command.Service, ct))
        {
            return Error.Validation("service", "is not a known service");
        }

        if (command.Token!.Length > MaxTokenLength || await ResolveAsync(command.Token.Trim(), ct) is not { } active)
        {
            return Introspection.Inactive;
        }

        if (command.Service is not { } service)
        {
            return active;
        }

        var now = clock.GetUtcNow();
        var limit = Plan.DailyQuotaOf(await plans.ListPlansAsync(ct), active.Plan!);
        var resetsAt = QuotaWindow.ResetsAt(now);
        var day = QuotaWindow.Day(now);
        long used;
        if (command.Consume)
        {
            // Fail open: with Redis down the call is allowed, and the unknown count reads 0.
            // Counters are all Redis holds and may be lost; refusing every metered call during an
            // outage would turn a degraded cache into an outage of every downstream service.
            var consumption = await counters.TryConsumeAsync(active.Subject!.Value, service, day, limit, ct);
            if (consumption is { Allowed: false })
            {
                return new Error(
                    ErrorCode.QuotaExceeded,
                    $"The daily quota of {limit} calls to '{service}' is used up; it resets at 00:00 UTC.",
                    RetryAfter: resetsAt - now);
            }

            used = consumption?.Used ?? 0;
        }
        else
        {
            used = (await counters.GetUsedAsync(active.Subject!.Value, [service], day, ct))?[0] ?? 0;
        }

        return active with { Quota = new QuotaStatus(service, used, limit, resetsAt) };
    }

    private async Task<Introspection?> ResolveAsync(string token, CancellationToken ct)
    {
        if (ApiKeyFormat.LooksLikeKey(token))
        {
            if (await apiKeys.ExecuteAsync(token, ct) is not { IsSuccess: true } key)
            {
                return null;
            }

            var (apiKey, owner) = (key.Value.ApiKey, key.Value.User);
            return new Introspection(true, owner.Id, null, string.Join(' ', apiKey.Scopes), owner.Plan, owner.Roles, apiKey.ExpiresAt);
        }

        var access = await accessTokens.ExecuteAsync(token, ct);
        if (!access.IsSuccess)
        {
            return null;
        }

        var principal = access.Value;
        return await users.FindByIdAsync(principal.UserId, ct) is { IsActive: true } user
            ? new Introspection(true, user.Id, principal.SessionId, principal.Scope, user.Plan, user.Roles, principal.ExpiresAt)
            : null;
    }
}
