using Microsoft.Extensions.Configuration;

namespace AuthService.Adapters.Crypto.Mfa;

/// <summary>The WebAuthn relying party; its name is also the issuer shown by TOTP apps.</summary>
internal sealed class WebAuthnSettings
{
    public const string Section = "WEBAUTHN";

    /// <summary>The registrable domain passkeys are bound to (WEBAUTHN__RP_ID).</summary>
    [ConfigurationKeyName("RP_ID")]
    public string RpId { get; set; } = "localhost";

    [ConfigurationKeyName("RP_NAME")]
    public string RpName { get; set; } = "AuthService";

    /// <summary>Comma-separated origins allowed to run ceremonies; default: the first CORS__ORIGINS entry, else http://localhost:8001.</summary>
    [ConfigurationKeyName("ORIGINS")]
    public string? Origins { get; set; }

    public IReadOnlyList<string> OriginList(string? corsOrigins)
    {
        var configured = Split(Origins);
        if (configured.Count > 0)
        {
            return configured;
        }

        var cors = Split(corsOrigins);
        return cors.Count > 0 ? [cors[0]] : ["http://localhost:8001"];
    }

    private static List<string> Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => o.TrimEnd('/')).ToList();
}
