using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using AuthService.Application.Mfa;

namespace AuthService.Adapters.Http.Contracts;

/// <summary>Every WebAuthn options route answers <c>{"publicKey": ...}</c> in the WebAuthn Level 3 JSON form.</summary>
public sealed record WebAuthnOptionsResponse([property: JsonPropertyName("publicKey")] JsonElement PublicKey)
{
    public static WebAuthnOptionsResponse From(string optionsJson)
    {
        using var document = JsonDocument.Parse(optionsJson);
        return new WebAuthnOptionsResponse(document.RootElement.Clone());
    }
}

/// <summary><c>credential</c> is what the browser's PublicKeyCredential.toJSON() returns.</summary>
public sealed record PasskeyRegisterRequest([Required] JsonElement? Credential, string? Name);

public sealed record PasskeyRenameRequest([Required] string? Name);

public sealed record PasskeyOptionsRequest(string? Email);

public sealed record PasskeySignInRequest([Required] JsonElement? Credential, string? DeviceName);

public sealed record MfaTokenRequest([Required] string? MfaToken);

public sealed record MfaPasskeyVerifyRequest([Required] string? MfaToken, [Required] JsonElement? Credential);

public sealed record PasskeyResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    public static PasskeyResponse From(PasskeyView view) => new(view.Id, view.Name, view.CreatedAt, view.LastUsedAt);
}

internal static class CredentialJson
{
    /// <summary>The credential as JSON text for the use case; null when absent or not an object.</summary>
    public static string? Text(JsonElement? credential) =>
        credential is { ValueKind: JsonValueKind.Object } value ? value.GetRawText() : null;
}
