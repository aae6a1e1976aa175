using AuthService.Application.Abstractions;
using AuthService.Application.ApiKeys;
using AuthService.Application.Auth;
using AuthService.Application.ServiceKeys;
using AuthService.Domain.Common;
using AuthService.Domain.Users;

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
        if (string.IsNullOrWhiteSpace(command.Token))
        {
            return Error.Validation("token", "is required");
        }

        if (command.Service is null && command.Consume)
        {
            return Error.Validation("service", "is required when consume is true");
        }

        if (command.Service is not null && !(await plans.ListServicesAsync(ct)).Any(s => s.Code == command.Service))
        {
            return Error.Validation("service", "is not a known service");
        }

        if (command.Token.Length > MaxTokenLength || await ResolveAsync(command.Token.Trim(), ct) is not { } active)
        {
            return Introspection.Inactive;
        }

        if (command.Service is not { } service)
        {
            return active;
        }

        var now = clock.GetUtcNow();
        var limit = PlanQuota.DailyQuotaOf(await plans.ListPlansAsync(ct), active.Plan!);
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
            var key = await apiKeys.ExecuteAsync(token, ct);
            return key.IsSuccess
                ? Describe(key.Value.User, null, string.Join(' ', key.Value.ApiKey.Scopes), key.Value.ApiKey.ExpiresAt)
                : null;
        }

        var access = await accessTokens.ExecuteAsync(token, ct);
        if (!access.IsSuccess)
        {
            return null;
        }

        var principal = access.Value;
        return await users.FindByIdAsync(principal.UserId, ct) is { IsActive: true } user
            ? Describe(user, principal.SessionId, principal.Scope, principal.ExpiresAt)
            : null;
    }

    private static Introspection Describe(User user, Guid? sessionId, string scope, DateTimeOffset? expiresAt) =>
        new(true, user.Id, sessionId, scope, user.Plan, user.Roles, expiresAt);
}
