namespace AuthService.Domain.ApiKeys;

/// <summary>Who a key stands for: a user (their own key), or a downstream service (issued by an admin, for introspection).</summary>
public enum ApiKeyKind
{
    User,
    Service,
}
