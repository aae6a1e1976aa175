namespace AuthService.Application.ApiKeys;

/// <summary>Audit actions of the API key use cases, next to them rather than in the shared Domain list.</summary>
public static class ApiKeyAuditActions
{
    public const string Created = "api_key.create";
    public const string Revoked = "api_key.revoke";
}
