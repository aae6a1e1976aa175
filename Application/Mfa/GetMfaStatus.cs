namespace AuthService.Application.Mfa;

public interface IGetMfaStatus
{
    Task<MfaSummary> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

internal sealed class GetMfaStatus(IMfaFactorRepository factors) : IGetMfaStatus
{
    public Task<MfaSummary> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct) =>
        factors.GetSummaryAsync(principal.UserId, ct);
}
