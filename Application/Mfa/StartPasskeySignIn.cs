using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

/// <param name="Email">Optional: with the email of a known account, its passkeys are listed.</param>
public sealed record StartPasskeySignInCommand(string? Email);

public interface IStartPasskeySignIn
{
    /// <summary>Request options; with an email of a known account, its passkeys are listed (else any discoverable one).</summary>
    Task<Result<string>> ExecuteAsync(StartPasskeySignInCommand command, CancellationToken ct);
}

internal sealed class StartPasskeySignInCommandValidator : AbstractValidator<StartPasskeySignInCommand>
{
    private const int MaxEmailLength = 254;

    public StartPasskeySignInCommandValidator() =>
        RuleFor(c => c.Email).Must(e => string.IsNullOrWhiteSpace(e) || e.Length <= MaxEmailLength).WithMessage("is too long");
}

/// <summary>Passwordless sign-in with a discoverable credential: a passkey with user verification is two factors by itself.</summary>
internal sealed class StartPasskeySignIn(
    IValidator<StartPasskeySignInCommand> validator,
    IUserRepository users,
    IPasskeyRepository passkeys,
    IWebAuthn webAuthn,
    IUnitOfWork uow,
    TimeProvider clock) : IStartPasskeySignIn
{
    public async Task<Result<string>> ExecuteAsync(StartPasskeySignInCommand command, CancellationToken ct)
    {
        if (await validator.CheckAsync(command, ct) is { } invalid)
        {
            return invalid;
        }

        IReadOnlyList<byte[]> allowed = [];
        if (!string.IsNullOrWhiteSpace(command.Email))
        {
            // An unknown address gets the same answer as a known one without passkeys: no probing.
            var email = ContactLookup.Normalize(IdentifierKind.Email, command.Email);
            var user = await ContactLookup.FindAsync(users, IdentifierKind.Email, email, ct);
            if (user is { IsActive: true })
            {
                allowed = (await passkeys.ListAsync(user.Id, ct)).Select(p => p.CredentialId).ToArray();
            }
        }

        var ceremony = webAuthn.RequestOptions(allowed);
        await passkeys.SaveChallengeAsync(
            PasskeyCeremonies.Challenge(ceremony, WebAuthnPurpose.Passwordless, null, null, clock.GetUtcNow()), ct);
        await uow.CommitAsync(ct);
        return ceremony.OptionsJson;
    }
}
