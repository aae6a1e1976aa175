using AuthService.Adapters.Postgres.Connection;

namespace AuthService.Integration.Tests.Postgres;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void Parse_Url_DecodesUserAndPasswordAndReadsSslMode()
    {
        var builder = DatabaseUrl.Parse("postgresql://app%40svc:p%3Ass%2Fw%40rd@db.example.com:6543/auth%20db?sslmode=verify-full&application_name=x");

        Assert.Equal(("app@svc", "p:ss/w@rd"), (builder.Username, builder.Password));
        Assert.Equal(("db.example.com", 6543, "auth db"), (builder.Host, builder.Port, builder.Database));
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("x", builder.ApplicationName);
    }

    [Fact]
    public void Parse_PostgresSchemeWithoutPortOrPassword_UsesDefaults()
    {
        var builder = DatabaseUrl.Parse("postgres://postgres@127.0.0.1/postgres");

        Assert.Equal(("postgres", null, "127.0.0.1", 5432), (builder.Username, builder.Password, builder.Host, builder.Port));
    }

    [Fact]
    public void Parse_SocketDirectoryAndIpv6()
    {
        Assert.Equal("/var/run/postgresql", DatabaseUrl.Parse("postgresql://u@/db?host=/var/run/postgresql").Host);
        var v6 = DatabaseUrl.Parse("postgresql://u@[::1]:5499/db");
        Assert.Equal(("::1", 5499), (v6.Host, v6.Port));
    }

    [Fact]
    public void Parse_ConnectionString_IsTakenAsItIs()
    {
        var builder = DatabaseUrl.Parse("Host=localhost;Port=5499;Username=u;Password=p;Database=d;Maximum Pool Size=7");

        Assert.Equal(("localhost", 5499, "d", 7), (builder.Host, builder.Port, builder.Database, builder.MaxPoolSize));
    }

    [Theory]
    [InlineData("postgresql://u:secret@h:notaport/db")]
    [InlineData("postgresql://u:secret@h/db?nonsense=1")]
    [InlineData("Nonsense=1;Password=secret")]
    [InlineData("postgresql://u:secret@/db")]
    public void Parse_Garbage_FailsWithoutRepeatingTheSecret(string value)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseUrl.Parse(value));

        Assert.Contains("DATABASE__URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
