using AuthService.Adapters.Crypto;
using AuthService.Adapters.Http;
using AuthService.Adapters.Http.Endpoints;
using AuthService.Adapters.Http.OAuth;
using AuthService.Adapters.Http.OpenApi;
using AuthService.Adapters.Oidc;
using AuthService.Adapters.Postgres;
using AuthService.Adapters.Redis;
using AuthService.Adapters.Smtp;
using AuthService.Adapters.Webhooks;
using AuthService.Adapters.Http.Middleware;
using AuthService.Application;
using AuthService.Application.Abstractions;
using AuthService.Host.Configuration;
using AuthService.Host.Telemetry;
using Microsoft.AspNetCore.HttpOverrides;

namespace AuthService.Host;

/// <summary>The composition root: configuration, listeners, adapters, middleware and routes.</summary>
internal static class ServiceHost
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddDotEnv(Path.Combine(Directory.GetCurrentDirectory(), ".env"));
        if (args.Length > 0 && CommandLine.IsVerb(args[0]))
        {
            // A verb run from a second shell beside ./run.sh finds its database and keys.
            builder.Configuration.AddRunScriptDefaults(Console.Error);
        }

        var configuration = builder.Configuration;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section));
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var server = context.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
            var address = server.BindAddress();
            kestrel.Listen(address, server.PublicPort);
            kestrel.Listen(address, server.AdminPort, listen => listen.Use(next => connection =>
            {
                connection.Items[HttpAdapter.AdminListenerTag.Key] = HttpAdapter.AdminListenerTag.AdminValue;
                return next(connection);
            }));
        });

        // SIGTERM: stop accepting, let in-flight requests and the outbox's current batch finish.
        var shutdown = TimeSpan.FromSeconds(SessionSettingsReader.Setting(configuration, "HOST:SHUTDOWN_SECONDS", 20, 1, 600));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdown);
        builder.Services.AddSingleton(SessionSettingsReader.Read(configuration));
        builder.Services.AddSingleton(SessionSettingsReader.ReadLockout(configuration));
        builder.Services.AddSingleton(SessionSettingsReader.ReadTokens(configuration));
        builder.Services.AddSingleton(new Application.Otp.CodeRequestTiming
        {
            Floor = TimeSpan.FromMilliseconds(SessionSettingsReader.Setting(configuration, "AUTH:CODE_REQUEST_FLOOR_MS", 50, 0, 5000)),
        });
        builder.Services.Configure<SecurityHeaderOptions>(o => o.Hsts = configuration.GetValue("SERVER:HSTS", false));
        builder.Services.AddSingleton(WebhookSettingsReader.Read(configuration, builder.Environment.IsDevelopment()));
        builder.Services.AddSingleton(Application.SystemConfig.SettingCatalogue.ReadEnvironment(
            name => configuration[name.Replace("__", ":", StringComparison.Ordinal)]));
        builder.Services.AddSingleton(JobSettingsReader.Read(configuration));
        builder.Services.AddSingleton(Application.Admin.BootstrapAdminSettings.Parse(configuration["ADMIN:BOOTSTRAP_EMAILS"]));
        builder.Services
            .AddApplication()
            .AddPostgres(configuration)
            .AddRedis(configuration)
            .AddOidc(configuration, HttpAdapter.OAuthPrefix)
            .AddCrypto(configuration)
            .AddSmtp(configuration)
            .AddWebhooks()
            .AddHttp()
            .AddTelemetry(configuration);
        builder.Services.AddHostedService<Jobs.PeriodicJobRunner>();

        var app = builder.Build();

        if (args.Length > 0 && CommandLine.IsVerb(args[0]))
        {
            Environment.ExitCode = await CommandLine.RunAsync(app, args);
            return;
        }

        if (configuration.GetValue("DATABASE:MIGRATE_ON_START", false))
        {
            await app.Services.MigrateDatabaseAsync(CancellationToken.None);
        }

        UseTrustedProxies(app, configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions());
        app.UseHttp();

        var api = app.MapGroup(HttpAdapter.ApiPrefix).WithInputChecks().WithGeneralRateLimit();
        api.MapGroup("/auth").MapAuthEndpoints();
        api.MapGroup("/sessions").MapSessionEndpoints();
        api.MapGroup(HttpAdapter.OAuthRoutes).MapOAuthEndpoints();
        api.MapGroup("/users/me/identities").MapIdentityEndpoints();
        api.MapGroup("/users").MapUserEndpoints();
        api.MapGroup("/auth/mfa").MapMfaSignInEndpoints();
        api.MapGroup("/users/me/mfa").MapMfaEndpoints();
        api.MapGroup("/users/me/passkeys").MapPasskeyEndpoints();
        api.MapGroup("/auth/passkey").MapPasskeySignInEndpoints();
        api.MapGroup("/auth/mfa/passkey").MapPasskeyMfaEndpoints();
        api.MapGroup("/api-keys").MapApiKeyEndpoints();
        api.MapPlanEndpoints();
        api.MapGroup("/admin").MapAdminEndpoints();
        api.MapGroup("/admin/service-keys").MapAdminServiceKeyEndpoints();
        api.MapGroup("/admin").MapOutboxEndpoints();
        api.MapGroup("/admin/webhooks").MapWebhookEndpoints();
        api.MapGroup("/admin/invites").MapAdminInviteEndpoints();
        api.MapGroup("/admin/config").MapAdminConfigEndpoints();
        app.MapGroup("/health").MapHealthEndpoints();
        app.MapKeyEndpoints();
        app.MapMetrics();
        app.MapDocs();

        await app.RunAsync();
    }

    /// <summary>
    /// Behind trusted proxies the client is the right-most X-Forwarded-For entry that is not one of
    /// them; without any configured, the header is ignored (the framework's default would trust loopback).
    /// </summary>
    private static void UseTrustedProxies(WebApplication app, ServerOptions server)
    {
        var proxies = server.TrustedProxyNetworks();
        if (proxies.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var network in proxies)
        {
            options.KnownIPNetworks.Add(network);
        }

        app.UseForwardedHeaders(options);
    }
}
