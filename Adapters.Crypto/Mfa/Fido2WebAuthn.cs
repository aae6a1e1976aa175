using System.Buffers.Text;
using System.Text.Json;
using AuthService.Application.Mfa;
using AuthService.Domain.Mfa;
using Fido2NetLib;
using Fido2NetLib.Exceptions;
using Fido2NetLib.Objects;

namespace AuthService.Adapters.Crypto.Mfa;

/// <summary>
/// WebAuthn with the Fido2 package: attestation "none" (we trust the key, not its maker),
/// user verification required (so a passkey alone is two factors), resident keys preferred
/// (so passwordless sign-in can discover them).
/// </summary>
internal sealed class Fido2WebAuthn(IFido2 fido2) : IWebAuthn
{
    public WebAuthnCeremony CreationOptions(Guid userId, string name, string displayName, IReadOnlyList<byte[]> existing)
    {
        var options = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = userId.ToByteArray(bigEndian: true), Name = name, DisplayName = displayName },
            ExcludeCredentials = existing.Select(id => new PublicKeyCredentialDescriptor(id)).ToArray(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Preferred,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
            Extensions = new AuthenticationExtensionsClientInputs { CredProps = true },
        });
        return new WebAuthnCeremony(Base64Url.EncodeToString(options.Challenge), options.ToJson());
    }

    public async Task<NewCredential?> VerifyRegistrationAsync(string optionsJson, string credentialJson, CancellationToken ct)
    {
        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(credentialJson);
            if (response?.Response is null)
            {
                return null;
            }

            var credential = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),

                // Uniqueness is the passkeys table's unique index, checked when the row is added.
                IsCredentialIdUniqueToUserCallback = static (_, _) => Task.FromResult(true),
            }, ct);
            return new NewCredential(
                credential.Id,
                credential.PublicKey,
                credential.SignCount,
                (credential.Transports ?? []).Select(t => t.ToString().ToLowerInvariant()).ToArray(),
                credential.AaGuid);
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public WebAuthnCeremony RequestOptions(IReadOnlyList<byte[]> allowed)
    {
        var options = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = allowed.Select(id => new PublicKeyCredentialDescriptor(id)).ToArray(),
            UserVerification = UserVerificationRequirement.Required,
        });
        return new WebAuthnCeremony(Base64Url.EncodeToString(options.Challenge), options.ToJson());
    }

    public string? ChallengeOf(string credentialJson)
    {
        try
        {
            using var document = JsonDocument.Parse(credentialJson);
            return ChallengeOf(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public AssertionClaims? ReadAssertion(string credentialJson)
    {
        try
        {
            using var document = JsonDocument.Parse(credentialJson);
            var root = document.RootElement;
            if (ChallengeOf(root) is not { } challenge
                || !root.TryGetProperty("rawId", out var rawId) || rawId.ValueKind != JsonValueKind.String
                || Decode(rawId.GetString()) is not { Length: > 0 } credentialId)
            {
                return null;
            }

            byte[]? userHandle = null;
            if (root.GetProperty("response").TryGetProperty("userHandle", out var handle) && handle.ValueKind == JsonValueKind.String)
            {
                userHandle = Decode(handle.GetString());
            }

            return new AssertionClaims(challenge, credentialId, userHandle);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    public async Task<AssertionResult> VerifyAssertionAsync(string optionsJson, string credentialJson, Passkey stored, CancellationToken ct)
    {
        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(credentialJson);
            if (response?.Response is null)
            {
                return new AssertionResult(AssertionOutcome.Invalid, 0);
            }

            var result = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = stored.PublicKey,
                StoredSignatureCounter = (uint)stored.SignCount,

                // The caller already matched the user handle to the credential's owner.
                IsUserHandleOwnerOfCredentialIdCallback = static (_, _) => Task.FromResult(true),
            }, ct);
            return new AssertionResult(AssertionOutcome.Valid, result.SignCount);
        }
        catch (Fido2VerificationException e) when (e.Code == Fido2ErrorCode.InvalidSignCount)
        {
            return new AssertionResult(AssertionOutcome.CounterNotIncreased, 0);
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return new AssertionResult(AssertionOutcome.Invalid, 0);
        }
    }

    /// <summary>The challenge inside <c>response.clientDataJSON</c>; nothing in it is trusted until verified.</summary>
    private static string? ChallengeOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
            || !response.TryGetProperty("clientDataJSON", out var clientData) || clientData.ValueKind != JsonValueKind.String
            || Decode(clientData.GetString()) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var client = JsonDocument.Parse(bytes);
            return client.RootElement.ValueKind == JsonValueKind.Object
                && client.RootElement.TryGetProperty("challenge", out var challenge) && challenge.ValueKind == JsonValueKind.String
                ? challenge.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string? base64Url) =>
        base64Url is not null && Base64Url.IsValid(base64Url) ? Base64Url.DecodeFromChars(base64Url) : null;
}
