using AuthService.Application.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthService.Application.Admin;

/// <summary>
/// At start, grants admin to the ADMIN__BOOTSTRAP_EMAILS accounts already verified; retried every
/// <c>JOBS__ADMIN_BOOTSTRAP_RETRY_SECONDS</c> (30) until PostgreSQL answers, then done. Later
/// verifications are granted as they happen.
/// </summary>
internal sealed class AdminBootstrapJob(
    IServiceScopeFactory scopes, BootstrapAdminSettings admins, JobSettings settings, ILogger<AdminBootstrapJob> logger) : IPeriodicJob
{
    public string Name => "admin bootstrap";

    public JobSchedule Schedule => admins.Emails.Count == 0 ? JobSchedule.Off : new(settings.AdminBootstrapRetry);

    public async Task<JobRound> RunOnceAsync(CancellationToken ct)
    {
        var granted = await scopes.InScopeAsync<IBootstrapAdmins, int>(b => b.ExecuteAsync(ct));
        logger.LogInformation("ADMIN__BOOTSTRAP_EMAILS: granted admin to {Count} verified account(s)", granted);
        return JobRound.Finished;
    }
}
