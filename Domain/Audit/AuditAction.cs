namespace AuthService.Domain.Audit;

public static class AuditAction
{
    public const string Register = "user.register";
    public const string Verify = "user.verify";
    public const string LoginSucceeded = "login.success";
    public const string LoginFailed = "login.failure";
    public const string OtpLogin = "login.otp";
    public const string RefreshReuse = "session.refresh_reuse";
    public const string SessionRevoked = "session.revoke";
    public const string SessionsRevoked = "session.revoke_all";
    public const string Logout = "session.logout";
    public const string PasswordChanged = "password.change";
    public const string PasswordChangeFailed = "password.change_failure";
    public const string PasswordReset = "password.reset";
    public const string ProfileUpdated = "user.update";
    public const string AccountDeleted = "user.delete";
    public const string IdentityLinked = "identity.link";
    public const string IdentityUnlinked = "identity.unlink";
    public const string OAuthLogin = "login.oauth";
    public const string StatusChanged = "admin.status";
    public const string RolesChanged = "admin.roles";
    public const string PlanChanged = "admin.plan";

    /// <summary>The first proof of a contact dropped everything its unproven holder had set.</summary>
    public const string AccountStartedOver = "user.start_over";

    /// <summary>A registration took a contact that another account held unproven.</summary>
    public const string ContactReleased = "user.contact_released";
}
