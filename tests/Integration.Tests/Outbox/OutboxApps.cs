using System.Globalization;
using AuthService.Integration.Tests.Adapters.Crypto;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>The service with its mail server behind a switch (down at first).</summary>
public sealed class SwitchableSmtpApp : AuthServiceApp
{
    public SwitchableSmtp Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["SMTP:PORT"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["CRYPTO:MASTER_KEY"] = CryptoSettings.MasterKey,
    };

    protected override ValueTask AfterDisposeAsync()
    {
        Smtp.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The service with a master key fixed, so a second instance can share its database.</summary>
public sealed class SharedKeyApp : AuthServiceApp
{
    public SharedKeyApp()
    {
    }

    private SharedKeyApp(string database)
        : base(database)
    {
    }

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["CRYPTO:MASTER_KEY"] = CryptoSettings.MasterKey,
    };

    /// <summary>Another instance of the service over this one's database (started by its caller).</summary>
    public SharedKeyApp Peer() => new(DatabaseName);
}
