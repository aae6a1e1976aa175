using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthService.Adapters.Http.Errors;

/// <summary>Details are the per-field messages, or the object a client acts on (MFA_REQUIRED's mfa_token).</summary>
internal sealed record ErrorBody(string Code, string Message, object? Details);

internal sealed record ErrorDetails(IReadOnlyDictionary<string, string[]> Fields);

/// <summary>The contract's error shape, used by every layer that can fail a request.</summary>
internal sealed record ErrorEnvelope(ErrorBody Error, string RequestId, DateTimeOffset Timestamp)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new Contracts.UtcTimestampConverter() },
    };

    public static Task WriteAsync(HttpContext context, Error error)
    {
        var (status, wire) = ErrorCodes.Map(error.Code);
        if (error.Details is not null)
        {
            // Such details carry a secret (an mfa_token): no cache may keep the answer.
            context.Response.Headers.CacheControl = "no-store";
        }

        return WriteAsync(context, status, wire, error.Message, error.Fields, error.RetryAfter, error.Details);
    }

    public static async Task WriteAsync(
        HttpContext context,
        int status,
        string code,
        string message,
        IReadOnlyDictionary<string, string[]>? fields = null,
        TimeSpan? retryAfter = null,
        IReadOnlyDictionary<string, object>? details = null)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var envelope = new ErrorEnvelope(
            new ErrorBody(code, message, fields is not null ? new ErrorDetails(fields) : details),
            context.TraceIdentifier,
            TimeProvider.System.GetUtcNow());
        await JsonSerializer.SerializeAsync(response.Body, envelope, Json, context.RequestAborted);
    }
}
