using System.ComponentModel.DataAnnotations;
using AuthService.Application.Mfa;

namespace AuthService.Adapters.Http.Contracts;

public sealed record MfaVerifyRequest([Required] string? MfaToken, [Required] string? Code);

public sealed record MfaCodeRequest([Required] string? Code);

public sealed record MfaStatusResponse(bool Totp, int Passkeys, int RecoveryCodesLeft)
{
    public static MfaStatusResponse From(MfaSummary summary) => new(summary.Totp, summary.Passkeys, summary.RecoveryCodesLeft);
}

public sealed record TotpEnrolmentResponse(string Secret, string OtpauthUri, string QrSvg)
{
    public static TotpEnrolmentResponse From(TotpEnrolmentView view) => new(view.Secret, view.OtpAuthUri, view.QrSvg);
}

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
