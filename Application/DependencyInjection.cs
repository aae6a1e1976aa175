using AuthService.Application.Otp;
using AuthService.Application.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthService.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers every use case by convention (class <c>X</c> implementing <c>IX</c>) and every
    /// validator, so a new use case is one interface and one class, with no registration line;
    /// likewise every background job (<see cref="Jobs.IPeriodicJob"/>, run by the Host's one runner).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.Scan(scan => scan
            .FromAssemblyOf<SessionSettings>()
            .AddClasses(c => c.Where(t => t.GetInterfaces().Any(i => i.Name == "I" + t.Name)), publicOnly: false)
            .AsMatchingInterface()
            .WithScopedLifetime()
            .AddClasses(c => c.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<Jobs.IPeriodicJob>(), publicOnly: false)
            .As<Jobs.IPeriodicJob>()
            .WithSingletonLifetime());

        services.AddScoped<OtpService>();
        services.AddScoped<Cooldown>();
        services.AddScoped<ContactCodeSender>();
        services.TryAddSingleton(new CodeRequestTiming());
        services.AddScoped<OAuth.AppCodeRedeemer>();
        services.AddScoped<Auditor>();
        services.AddScoped<Events.EventRecorder>();
        services.AddScoped<SessionRevoker>();
        services.AddSingleton<SystemConfig.SystemSettingsProvider>();
        services.AddSingleton<SystemConfig.ISystemSettings>(sp => sp.GetRequiredService<SystemConfig.SystemSettingsProvider>());
        services.AddSingleton<Abstractions.IRuntimeSettings>(sp => sp.GetRequiredService<SystemConfig.SystemSettingsProvider>());
        services.AddScoped<SystemConfig.SettingsChangePublisher>();
        services.AddScoped<Admin.AdminBootstrapper>();
        services.AddScoped<Invites.InviteGate>();
        services.AddScoped<ApiKeys.ApiKeyVerifier>();
        services.AddScoped<ApiKeys.ApiKeyIssuer>();
        services.AddSingleton<ServiceKeys.ServiceKeyCache>();
        services.AddSingleton<ServiceKeys.ServiceCallTally>();
        services.AddScoped<Mfa.RecoveryCodes>();
        services.AddScoped<Mfa.FactorCodeVerifier>();
        services.AddScoped<Mfa.PendingSignIns>();
        services.AddScoped<Mfa.FactorChangeGuard>();
        services.AddScoped<Mfa.PasskeyAssertions>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
