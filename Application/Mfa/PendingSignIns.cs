using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

internal sealed record PendingAttempt(PendingSignIn SignIn, User User);

/// <summary>How a second step proves its factor.</summary>
/// <param name="Method">What the failure audit calls it (<c>code</c>, <c>passkey</c>).</param>
/// <param name="Amr">The reference the session's amr gains.</param>
/// <param name="Refused">The answer to a proof that fails (the burned attempt is kept).</param>
/// <param name="ProveAsync">The factor proven (<c>totp</c>, <c>recovery_code</c>, <c>passkey</c>); null when the proof fails.</param>
internal sealed record SecondFactorProof(string Method, string Amr, Error Refused, Func<PendingSignIn, Task<string?>> ProveAsync);

/// <summary>Takes an attempt on an mfa_token, and completes the sign-in once a factor was proven.</summary>
internal sealed class PendingSignIns(
    IPendingSignInRepository pending,
    IUserRepository users,
    ISessionStarter sessions,
    ISecretHasher hasher,
    Auditor audit,
    IUnitOfWork uow,
    TimeProvider clock)
{
    private const int MaxTokenLength = 128;

    /// <summary>
    /// The second step of a sign-in: an attempt on the mfa_token, the proof, and the session when
    /// it holds. Five failed proofs void the token.
    /// </summary>
    public async Task<Result<TokenResponse>> ProveAsync(string token, ClientInfo client, SecondFactorProof proof, CancellationToken ct)
    {
        var attempt = await BeginAttemptAsync(token, client, ct);
        if (!attempt.IsSuccess)
        {
            return attempt.Error!;
        }

        var signIn = attempt.Value.SignIn;
        var factor = await proof.ProveAsync(signIn);
        if (factor is null)
        {
            // The burned attempt is kept: five failures void the token.
            await audit.RecordAsync(MfaAuditActions.Failed, signIn.UserId, client, ct,
                new Dictionary<string, object?> { ["method"] = proof.Method, ["attempt"] = signIn.Attempts });
            await uow.CommitAsync(ct);
            return proof.Refused;
        }

        return await CompleteAsync(attempt.Value, proof.Amr, factor, client, ct);
    }

    /// <summary>
    /// Burns an attempt (committed at once, so a failure later in the request still counts) and
    /// checks the token's binding. Unknown, used, expired, voided and foreign tokens answer alike.
    /// </summary>
    private async Task<Result<PendingAttempt>> BeginAttemptAsync(string token, ClientInfo client, CancellationToken ct)
    {
        // One conditional statement burns the try (it mirrors PendingSignIn.TryBeginAttempt), so
        // parallel guesses cannot overshoot the limit.
        var signIn = token.Length <= MaxTokenLength
            ? await pending.BeginAttemptAsync(hasher.Hash(token), clock.GetUtcNow(), ct)
            : null;
        await uow.CommitAsync(ct);
        if (signIn is null || !signIn.IsFrom(client.Ip, client.UserAgent))
        {
            return Invalid;
        }

        var user = await users.FindByIdAsync(signIn.UserId, ct);
        if (user is null || !user.IsActive)
        {
            return new Error(ErrorCode.AccountDisabled, "This account is disabled.");
        }

        return new PendingAttempt(signIn, user);
    }

    /// <summary>The sign-in behind the token if it could still be completed from this client, without using an attempt.</summary>
    public async Task<PendingSignIn?> FindUsableAsync(string token, ClientInfo client, CancellationToken ct)
    {
        var signIn = token.Length <= MaxTokenLength ? await pending.FindUsableAsync(hasher.Hash(token), clock.GetUtcNow(), ct) : null;
        return signIn is not null && signIn.IsFrom(client.Ip, client.UserAgent) ? signIn : null;
    }

    /// <summary>Uses the token up and opens the session, proven by the first step and <paramref name="amr"/>.</summary>
    private async Task<Result<TokenResponse>> CompleteAsync(
        PendingAttempt attempt, string amr, string factor, ClientInfo client, CancellationToken ct)
    {
        var (signIn, now) = (attempt.SignIn, clock.GetUtcNow());
        if (!signIn.TryConsume(now) || !await pending.ConsumeAsync(signIn.Id, now, ct))
        {
            await uow.CommitAsync(ct);
            return Invalid;
        }

        var tokens = await sessions.StartAsync(
            attempt.User, signIn.AuthMethod, signIn.DeviceName, client, Amr.WithSecondFactor(signIn.Amr, amr), ct);
        await audit.RecordAsync(MfaAuditActions.Verified, signIn.UserId, client, ct,
            new Dictionary<string, object?> { ["factor"] = factor, ["session_id"] = tokens.SessionId });
        await audit.RecordAsync(AuditAction.LoginSucceeded, signIn.UserId, client, ct,
            new Dictionary<string, object?> { ["method"] = signIn.AuthMethod, ["factor"] = factor, ["session_id"] = tokens.SessionId });
        await uow.CommitAsync(ct);
        return tokens;
    }

    private static Error Invalid => new(
        ErrorCode.InvalidToken, "The mfa_token is not valid: it is unknown, expired, used up or from another client. Sign in again.");
}
