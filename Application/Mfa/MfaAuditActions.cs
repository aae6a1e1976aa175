namespace AuthService.Application.Mfa;

internal static class MfaAuditActions
{
    public const string Challenged = "mfa.challenge";
    public const string Verified = "mfa.verify";
    public const string Failed = "mfa.failure";
    public const string TotpEnabled = "mfa.totp_enabled";
    public const string TotpDisabled = "mfa.totp_disabled";
    public const string RecoveryCodesRegenerated = "mfa.recovery_codes";
    public const string PasskeyAdded = "mfa.passkey_added";
    public const string PasskeyRemoved = "mfa.passkey_removed";
    public const string PasskeyRenamed = "mfa.passkey_renamed";
    public const string PasskeyCloneSuspected = "mfa.passkey_clone";

    /// <summary>The user has no second factor left (TOTP disabled, last passkey removed).</summary>
    public const string AllFactorsRemoved = "mfa.disabled";
}
