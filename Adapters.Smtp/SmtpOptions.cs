using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Smtp;

internal sealed class SmtpOptions
{
    public const string Section = "SMTP";

    [ConfigurationKeyName("HOST")]
    public string Host { get; set; } = "127.0.0.1";

    [ConfigurationKeyName("PORT")]
    public int Port { get; set; } = 1025;

    [ConfigurationKeyName("FROM")]
    public string From { get; set; } = "AuthService <no-reply@authservice.local>";

    [ConfigurationKeyName("USERNAME")]
    public string? Username { get; set; }

    [ConfigurationKeyName("PASSWORD")]
    public string? Password { get; set; }

    [ConfigurationKeyName("ENABLE_SSL")]
    public bool EnableSsl { get; set; }
}
