namespace AuthService.Adapters.Postgres.Connection;

/// <summary>
/// Turns <c>DATABASE__URL</c> into an Npgsql connection string. Accepts the libpq URL form
/// (<c>postgresql://user:pass@host:port/db?sslmode=require</c>, also <c>postgres://</c>, with
/// percent-encoded user and password) or an Npgsql connection string as it is.
/// Error messages never repeat the value: it may hold a password.
/// </summary>
internal static class DatabaseUrl
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        var scheme = Array.Find(Schemes, s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = scheme is null ? new NpgsqlConnectionStringBuilder(value) : FromUrl(value[scheme.Length..]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or KeyNotFoundException)
        {
            throw new FormatException(
                "DATABASE__URL is neither a postgresql://user:pass@host:port/db URL nor an Npgsql connection string.", e);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException("DATABASE__URL names no host.");
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string rest)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? "" : rest[(queryStart + 1)..];
        rest = queryStart < 0 ? rest : rest[..queryStart];

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var database = pathStart < 0 ? "" : Uri.UnescapeDataString(rest[(pathStart + 1)..]);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        SetHostAndPort(builder, authority);

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = Uri.UnescapeDataString(eq < 0 ? "" : pair[(eq + 1)..]);
            SetQueryParameter(builder, key, value);
        }

        return builder;
    }

    private static void SetHostAndPort(NpgsqlConnectionStringBuilder builder, string authority)
    {
        if (authority.Length == 0)
        {
            return; // e.g. postgresql://user@/db?host=/var/run/postgresql
        }

        if (authority.Contains(',', StringComparison.Ordinal))
        {
            builder.Host = authority; // several hosts: Npgsql takes "h1:5432,h2:5433" as it is
            return;
        }

        var portColon = authority.LastIndexOf(':');
        var closingBracket = authority.LastIndexOf(']');
        if (portColon > closingBracket)
        {
            builder.Port = int.Parse(authority[(portColon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            authority = authority[..portColon];
        }

        builder.Host = Uri.UnescapeDataString(authority.Trim('[', ']'));
    }

    private static void SetQueryParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "sslmode":
                builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                break;
            case "host":
                builder.Host = value;
                break;
            case "port":
                builder.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password = value;
                break;
            case "dbname":
                builder.Database = value;
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "options":
                builder.Options = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            default:
                builder[key] = value; // any Npgsql keyword, e.g. "Maximum Pool Size=50"
                break;
        }
    }
}
