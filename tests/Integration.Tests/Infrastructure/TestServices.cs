namespace AuthService.Integration.Tests.Infrastructure;

/// <summary>Where ./test.sh started the real servers. Missing settings fail loudly.</summary>
public static class TestServices
{
    public static string DatabaseUrl => Require("TEST_DATABASE_URL");

    public static string RedisUrl => Require("TEST_REDIS_URL");

    /// <summary>
    /// The same Redis server, another logical database: for tests that remove shared keys (the
    /// revocation cache's marker), which would otherwise reach into every other test's state.
    /// </summary>
    public static string RedisUrlOnDatabase(int database) =>
        new UriBuilder(RedisUrl) { Path = "/" + database.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Uri.ToString();

    public static string SmtpHost => Require("TEST_SMTP_HOST");

    public static string SmtpPort => Require("TEST_SMTP_PORT");

    public static string MaildevUrl => Require("TEST_MAILDEV_URL");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. The integration tests run against real PostgreSQL, Redis and a mail catcher: " +
                "run ./test.sh, which starts them and exports TEST_DATABASE_URL, TEST_REDIS_URL, TEST_SMTP_HOST, " +
                "TEST_SMTP_PORT and TEST_MAILDEV_URL.");
}
