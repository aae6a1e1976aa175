using Microsoft.Extensions.Options;

namespace AuthService.Host;

/// <summary>Turns configuration failures at start into one readable line; anything else is not ours to describe.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join("; ", aggregate.InnerExceptions.Select(Describe)),
        InvalidOperationException invalid when invalid.Message.Contains("__", StringComparison.Ordinal) => invalid.Message,
        _ => null,
    };
}
