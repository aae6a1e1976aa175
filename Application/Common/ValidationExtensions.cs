using System.Text.Json;
using FluentValidation.Results;

namespace AuthService.Application.Common;

internal static class ValidationExtensions
{
    /// <summary>Runs the validator; null when valid, else a VALIDATION_ERROR listing every field.</summary>
    public static async Task<Error?> CheckAsync<T>(this IValidator<T> validator, T command, CancellationToken ct)
    {
        ValidationResult result = await validator.ValidateAsync(command, ct);
        if (result.IsValid)
        {
            return null;
        }

        var fields = result.Errors
            .GroupBy(e => FieldName(e.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        return new Error(ErrorCode.ValidationError, "The request is invalid.", fields);
    }

    /// <summary>Runs <paramref name="next"/> with a valid command; an invalid one is the VALIDATION_ERROR of <see cref="CheckAsync"/>.</summary>
    public static async Task<Result<TOut>> ThenAsync<T, TOut>(
        this IValidator<T> validator, T command, Func<T, Task<Result<TOut>>> next, CancellationToken ct) =>
        await validator.CheckAsync(command, ct) is { } invalid ? invalid : await next(command);

    // Field names in details.fields are the wire names the client sent: snake_case.
    private static string FieldName(string propertyName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(propertyName);
}
