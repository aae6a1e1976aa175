using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Http.Endpoints;

/// <summary>A JSON body a route accepts but does not require (e.g. on DELETE).</summary>
internal static class OptionalJsonBody
{
    /// <summary>Null when there is no body; MALFORMED_REQUEST when there is one that is not JSON of that shape.</summary>
    public static async Task<Result<T?>> ReadAsync<T>(HttpContext http, CancellationToken ct)
        where T : class
    {
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && http.Request.Headers.TransferEncoding.Count == 0))
        {
            return Result<T?>.Ok(null);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return Result<T?>.Ok(await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, ct));
        }
        catch (JsonException e)
        {
            return new Error(ErrorCode.MalformedRequest, Errors.JsonProblem.Describe(e));
        }
    }
}
