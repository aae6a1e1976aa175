using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using AuthService.Application.Sessions;
using AuthService.Domain.Audit;
using AuthService.Domain.Common;
using AuthService.Domain.Mfa;
using AuthService.Domain.Sessions;
using AuthService.Domain.Users;

namespace AuthService.Application.Mfa;

internal sealed record PendingAttempt(PendingSignIn SignIn, User User);

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
    /// Burns an attempt (committed at once, so a failure later in the request still counts) and
    /// checks the token's binding. Unknown, used, expired, voided and foreign tokens answer alike.
    /// </summary>
    public async Task<Result<PendingAttempt>> BeginAttemptAsync(string? token, ClientInfo client, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Error.Validation("mfa_token", "is required");
        }

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

    /// <summary>Uses the token up and opens the session, proven by the first step and <paramref name="amr"/>.</summary>
    public async Task<Result<TokenResponse>> CompleteAsync(
        PendingAttempt attempt, string amr, string factor, ClientInfo client, CancellationToken ct)
    {
        var signIn = attempt.SignIn;
        if (!await pending.ConsumeAsync(signIn.Id, clock.GetUtcNow(), ct))
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
