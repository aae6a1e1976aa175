using System.Security.Cryptography;
using AuthService.Domain.Mfa;

namespace AuthService.Application.Mfa;

public sealed record TotpEnrolmentView(string Secret, string OtpAuthUri, string QrSvg);

public interface IEnrolTotp
{
    Task<Result<TotpEnrolmentView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct);
}

/// <summary>Starts TOTP enrolment: a new seed, pending until a first code confirms it.</summary>
internal sealed class EnrolTotp(
    FactorChangeGuard guard,
    IMfaFactorRepository factors,
    ITotpAlgorithm totp,
    ISecretCipher cipher,
    IUnitOfWork uow,
    TimeProvider clock) : IEnrolTotp
{
    public async Task<Result<TotpEnrolmentView>> ExecuteAsync(CurrentPrincipal principal, CancellationToken ct)
    {
        var context = await guard.CheckAsync(principal, ct);
        if (!context.IsSuccess)
        {
            return context.Error!;
        }

        var user = context.Value.User;
        var secret = totp.NewSecret();
        var factor = TotpFactor.Enrol(user.Id, cipher.Encrypt(secret, FactorCodeVerifier.Context(user.Id)), clock.GetUtcNow());
        if (!await factors.SavePendingTotpAsync(factor, ct))
        {
            return Error.Validation("totp", "is already enabled; disable it before enrolling a new authenticator");
        }

        await uow.CommitAsync(ct);
        var (uri, svg) = totp.Provisioning(secret, context.Value.Account);
        var view = new TotpEnrolmentView(totp.ToBase32(secret), uri, svg);
        CryptographicOperations.ZeroMemory(secret);
        return view;
    }
}
