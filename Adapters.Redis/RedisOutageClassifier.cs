using AuthService.Application.Abstractions;
using StackExchange.Redis;

namespace AuthService.Adapters.Redis;

/// <summary>
/// Redis calls go through <see cref="RedisCalls"/>, which degrades instead of throwing; this
/// catches whatever still escapes (a call made outside it), so it is a 503 and not a 500.
/// </summary>
internal sealed class RedisOutageClassifier : IOutageClassifier
{
    public string? Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException or RedisTimeoutException)
            {
                return "redis";
            }
        }

        return null;
    }
}
