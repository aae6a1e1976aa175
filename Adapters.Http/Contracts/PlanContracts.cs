using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AuthService.Application.Plans;

namespace AuthService.Adapters.Http.Contracts;

public sealed record PlanResponse(string Code, string Name, int? DailyQuota)
{
    public static PlanResponse From(PlanView plan) => new(plan.Code, plan.Name, plan.DailyQuota);
}

public sealed record ServiceResponse(string Code, string Name)
{
    public static ServiceResponse From(ServiceView service) => new(service.Code, service.Name);
}

public sealed record UsageItemResponse(string Service, long Used, int? Limit, DateTimeOffset ResetsAt);

public sealed record UsageResponse(string Plan, IReadOnlyList<UsageItemResponse> Items)
{
    public static UsageResponse From(Usage usage) => new(
        usage.Plan, [.. usage.Items.Select(i => new UsageItemResponse(i.Service, i.Used, i.Limit, i.ResetsAt))]);
}

public sealed record IntrospectRequest([Required] string? Token, string? Service, bool? Consume);

/// <summary>An unusable token: RFC 7662 says nothing more than that.</summary>
public sealed record InactiveTokenResponse([AllowedValues(false)] bool Active);

public sealed record QuotaResponse(string Service, long Used, int? Limit, long? Remaining);

/// <summary><c>exp</c> is seconds since the epoch, as in the token itself; null for a key that never expires.</summary>
public sealed record IntrospectionResponse(
    [AllowedValues(true)] bool Active,
    Guid Sub,
    Guid? Sid,
    string Scope,
    string Plan,
    IReadOnlyList<string> Roles,
    long? Exp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QuotaResponse? Quota)
{
    public static IntrospectionResponse From(Introspection i) => new(
        true, i.Subject!.Value, i.SessionId, i.Scope ?? "", i.Plan ?? "", i.Roles ?? [], i.ExpiresAt?.ToUnixTimeSeconds(),
        i.Quota is { } q ? new QuotaResponse(q.Service, q.Used, q.Limit, q.Remaining) : null);
}
