namespace AuthService.Domain.Identities;

/// <summary>A provider account (provider + subject) linked to one user.</summary>
public sealed class ExternalIdentity
{
    private string? _email;
    private bool _emailVerified;

    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required string Provider { get; init; }
    public required string Subject { get; init; }

    /// <summary>The provider's address for the account, as of the last sign-in with it.</summary>
    public string? Email { get => _email; init => _email = value; }

    public bool EmailVerified { get => _emailVerified; init => _emailVerified = value; }

    public required DateTimeOffset LinkedAt { get; init; }

    /// <summary>Takes the provider's current address; false when nothing changed (nothing to save).</summary>
    public bool RefreshEmail(string? email, bool verified)
    {
        if (_email == email && _emailVerified == verified)
        {
            return false;
        }

        _email = email;
        _emailVerified = verified;
        return true;
    }
}
