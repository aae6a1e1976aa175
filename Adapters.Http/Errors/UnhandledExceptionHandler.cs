using System.Text.Json;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AuthService.Adapters.Http.Errors;

/// <summary>
/// The last line: anything a handler did not turn into a result becomes an envelope. Client
/// mistakes the framework detects (bad JSON, oversized body) keep their 4xx; a dependency that
/// is down is a 503, a value a dependency refuses to store is a 422; everything else is a 500
/// that says nothing about the cause.
/// </summary>
internal sealed class UnhandledExceptionHandler(
    IEnumerable<IOutageClassifier> outages,
    IEnumerable<IRejectedInputClassifier> rejections,
    ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>A restart of PostgreSQL takes a few seconds; the pool reconnects as soon as it answers.</summary>
    public static readonly TimeSpan OutageRetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Minimal APIs wrap body-read failures (such as Kestrel's 413) in their own 400.
        if (exception is BadHttpRequestException { InnerException: BadHttpRequestException inner })
        {
            exception = inner;
        }

        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                await ErrorEnvelope.WriteAsync(httpContext, 413, "PAYLOAD_TOO_LARGE", BodyLimit.Message(httpContext));
                return true;
            case BadHttpRequestException { InnerException: JsonException json }:
                await ErrorEnvelope.WriteAsync(httpContext, 400, "MALFORMED_REQUEST", JsonProblem.Describe(json));
                return true;
            case BadHttpRequestException:
                await ErrorEnvelope.WriteAsync(httpContext, 400, "MALFORMED_REQUEST", "The request could not be read.");
                return true;
            case Application.Sessions.SessionLimitReachedException limit:
                await ErrorEnvelope.WriteAsync(httpContext, 409, "SESSION_LIMIT_REACHED", limit.Message);
                return true;
            case CapacityExceededException busy:
                await ErrorEnvelope.WriteAsync(httpContext, 503, "SERVICE_UNAVAILABLE",
                    "The service is busy. Retry shortly.", retryAfter: busy.RetryAfter);
                return true;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true;
            case var _ when Outage(exception) is { } dependency:
                // One line at Information, no stack trace: during an outage every request lands here
                // (the readiness probe and the dependency itself say more).
                logger.LogInformation("{Dependency} unavailable on {Method} {Path}: {Failure}",
                    dependency, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
                await ErrorEnvelope.WriteAsync(httpContext, 503, "SERVICE_UNAVAILABLE",
                    "A service this request needs is unavailable. Retry shortly.", retryAfter: OutageRetryAfter);
                return true;
            case var _ when Rejection(exception) is { } known:
                logger.LogInformation("Request refused by a dependency as {Code} on {Method} {Path}: {Reason}",
                    known.Code, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
                await ErrorEnvelope.WriteAsync(httpContext, known);
                return true;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                await ErrorEnvelope.WriteAsync(httpContext, 500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side.");
                return true;
        }
    }

    private string? Outage(Exception exception)
    {
        foreach (var classifier in outages)
        {
            if (classifier.Classify(exception) is { } dependency)
            {
                return dependency;
            }
        }

        return null;
    }

    private Domain.Common.Error? Rejection(Exception exception) =>
        rejections.Select(c => c.Classify(exception)).FirstOrDefault(e => e is not null);
}
