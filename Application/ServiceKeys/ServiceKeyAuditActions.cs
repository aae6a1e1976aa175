namespace AuthService.Application.ServiceKeys;

/// <summary>Audit actions of the service key use cases.</summary>
public static class ServiceKeyAuditActions
{
    public const string Created = "service_key.create";
    public const string Revoked = "service_key.revoke";

    /// <summary>One row per key per summary period: how many introspections it made, never a row per call.</summary>
    public const string IntrospectionSummary = "introspect.summary";
}
