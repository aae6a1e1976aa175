using System.Text.Json;
using AuthService.Application.SystemConfig;

namespace AuthService.Adapters.Http.Contracts;

/// <summary>Any JSON value; the setting's own rule decides (a missing one is a 422 naming it).</summary>
public sealed record SettingRequest(JsonElement? Value);

/// <summary><c>source</c>: database (set through this API), environment, or default.</summary>
public sealed record SettingResponse(
    string Key, JsonElement Value, string Category, DateTimeOffset? UpdatedAt, Guid? UpdatedBy, string Source)
{
    public static SettingResponse From(SettingValue v) =>
        new(v.Key, v.Value, v.Category, v.UpdatedAt, v.UpdatedBy, v.Source.ToString().ToLowerInvariant());
}
