using AuthService.Application.Mfa;
using AuthService.Domain.Audit;

namespace AuthService.Application.Events;

/// <summary>
/// The webhook events of API.md, and which audited action is which event: every change worth an
/// event is already audited in its own transaction, so the event is recorded beside the audit row.
/// </summary>
public static class AuthEventTypes
{
    public const string UserCreated = "user.created";
    public const string UserVerified = "user.verified";
    public const string UserUpdated = "user.updated";
    public const string UserDisabled = "user.disabled";
    public const string UserDeleted = "user.deleted";
    public const string PasswordChanged = "user.password_changed";
    public const string SessionCreated = "session.created";
    public const string SessionRevoked = "session.revoked";
    public const string IdentityLinked = "identity.linked";
    public const string IdentityUnlinked = "identity.unlinked";
    public const string MfaEnabled = "mfa.enabled";
    public const string MfaDisabled = "mfa.disabled";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        UserCreated, UserVerified, UserUpdated, UserDisabled, UserDeleted, PasswordChanged,
        SessionCreated, SessionRevoked, IdentityLinked, IdentityUnlinked, MfaEnabled, MfaDisabled,
    };

    /// <summary>Audit data keys an event may carry: identifiers only, never a secret, code or hash.</summary>
    public static readonly IReadOnlySet<string> DataKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "session_id", "provider", "method", "status", "roles", "plan", "reason", "factor",
    };

    /// <summary>The event an audited action is, or null when it is none.</summary>
    public static string? ForAudit(string action, IReadOnlyDictionary<string, object?>? data) => action switch
    {
        AuditAction.Register => UserCreated,
        AuditAction.Verify => UserVerified,
        AuditAction.ProfileUpdated or AuditAction.RolesChanged or AuditAction.PlanChanged => UserUpdated,
        AuditAction.StatusChanged => data?.GetValueOrDefault("status") as string == "disabled" ? UserDisabled : UserUpdated,
        AuditAction.AccountDeleted => UserDeleted,
        AuditAction.PasswordChanged or AuditAction.PasswordReset => PasswordChanged,
        AuditAction.LoginSucceeded or AuditAction.OtpLogin or AuditAction.OAuthLogin => SessionCreated,
        AuditAction.SessionRevoked or AuditAction.SessionsRevoked or AuditAction.Logout => SessionRevoked,
        AuditAction.IdentityLinked => IdentityLinked,
        AuditAction.IdentityUnlinked => IdentityUnlinked,
        MfaAuditActions.TotpEnabled or MfaAuditActions.PasskeyAdded => MfaEnabled,
        MfaAuditActions.TotpDisabled or MfaAuditActions.PasskeyRemoved => MfaDisabled,
        _ => null,
    };
}
