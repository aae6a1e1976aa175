using AuthService.Domain.ApiKeys;

namespace AuthService.Application.ApiKeys;

/// <summary>The account a user's key stands for, as the key's caller may see it.</summary>
public sealed record KeyOwner(Guid Id, string? Email, IReadOnlyList<string> Roles, string Plan);

/// <summary>A verified, active key and its active owner.</summary>
public sealed record ApiKeyPrincipal(ApiKeyView ApiKey, KeyOwner User);

public interface IAuthenticateApiKey
{
    Task<Result<ApiKeyPrincipal>> ExecuteAsync(string key, CancellationToken ct);
}

/// <summary>
/// A user's key (<c>ask_</c>) through <see cref="ApiKeyVerifier"/>, then its owner must be active.
/// Every failure is the same vague INVALID_TOKEN: a caller learns nothing about whether a prefix
/// exists, a key was revoked, or its owner was disabled.
/// </summary>
internal sealed class AuthenticateApiKey(ApiKeyVerifier verifier, IUserRepository users) : IAuthenticateApiKey
{
    private static readonly Error Invalid = new(ErrorCode.InvalidToken, "The API key is not valid.");

    public async Task<Result<ApiKeyPrincipal>> ExecuteAsync(string key, CancellationToken ct)
    {
        if (await verifier.FindActiveAsync(key, ApiKeyKind.User, ct) is not { } apiKey
            || await users.FindByIdAsync(apiKey.UserId!.Value, ct) is not { IsActive: true } user)
        {
            return Invalid;
        }

        await verifier.RecordUseAsync(apiKey, ct);
        return new ApiKeyPrincipal(ApiKeyView.From(apiKey), new KeyOwner(user.Id, user.Email, user.Roles, user.Plan));
    }
}
