namespace AuthService.Domain.Sessions;

public static class RevocationReason
{
    public const string Logout = "logout";
    public const string UserRevoked = "user_revoked";
    public const string TokenReuse = "refresh_token_reuse";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string AccountDeleted = "account_deleted";
    public const string AccountDisabled = "account_disabled";
    public const string AdminRevoked = "admin_revoked";

    /// <summary>The least recently used session, revoked to make room under AUTH__MAX_SESSIONS_PER_USER.</summary>
    public const string SessionLimit = "session_limit";

    /// <summary>The first proof of a contact started the account over (pre-hijacking defence).</summary>
    public const string AccountStartedOver = "account_started_over";
}
