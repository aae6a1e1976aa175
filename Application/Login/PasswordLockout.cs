using AuthService.Application.Outbox;
using AuthService.Domain.Outbox;
using AuthService.Domain.Users;

namespace AuthService.Application.Login;

/// <summary>
/// The password lockout, per identifier (an email, phone number or username, whether or not an
/// account has it). Sign-in asks it before hashing and tells it each failure; other password
/// checks (changing the password) report their wrong guesses through it too, so they count toward
/// the same lock. The owner of an identifier gets one e-mail when a lock starts (an outbox row in
/// the caller's unit of work: the caller commits it).
/// </summary>
public interface IPasswordLockout
{
    /// <summary>How long password sign-in with this identifier stays locked, or null.</summary>
    Task<TimeSpan?> LockedForAsync(IdentifierKind kind, string normalized, CancellationToken ct);

    /// <summary>The longest lock on any of the user's identifiers, or null.</summary>
    Task<TimeSpan?> LockedForAsync(User user, CancellationToken ct);

    /// <summary>Counts a failed password for this identifier; true when it started a lock.</summary>
    Task<bool> RecordFailureAsync(IdentifierKind kind, string normalized, User? owner, CancellationToken ct);

    /// <summary>Counts a failed password against every identifier of the user; true when it started a lock.</summary>
    Task<bool> RecordFailureAsync(User user, CancellationToken ct);

    /// <summary>Forgets the failures and lifts the locks of all the user's identifiers (a reset, a success).</summary>
    Task ReleaseAsync(User user, CancellationToken ct);
}

internal sealed class PasswordLockout(
    ILockoutStore store,
    ISecretHasher hasher,
    IOutbox outbox,
    ISecretCipher cipher,
    IIdGenerator ids,
    LockoutSettings settings,
    TimeProvider clock) : IPasswordLockout
{
    private const string LockedSubject = "Password sign-in to your account is locked";

    public async Task<TimeSpan?> LockedForAsync(IdentifierKind kind, string normalized, CancellationToken ct) =>
        settings.Enabled ? await store.LockedForAsync(Key(kind, normalized), ct) : null;

    public async Task<TimeSpan?> LockedForAsync(User user, CancellationToken ct)
    {
        TimeSpan? longest = null;
        foreach (var (kind, value) in IdentifiersOf(user))
        {
            if (await LockedForAsync(kind, value, ct) is { } left && (longest is null || left > longest))
            {
                longest = left;
            }
        }

        return longest;
    }

    public async Task<bool> RecordFailureAsync(IdentifierKind kind, string normalized, User? owner, CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            return false;
        }

        var key = Key(kind, normalized);
        var rule = settings.Rule;
        if (await store.CountFailureAsync(key, rule.Window, ct) is not { } failures
            || !rule.StartsLock(failures)
            || !await store.TryLockAsync(key, rule.Duration, ct))
        {
            return false;
        }

        if (owner is { Email: { } email, EmailVerified: true })
        {
            // Through the outbox, in the caller's unit of work: it goes out when the caller commits.
            var id = ids.NewId();
            await outbox.AddMessageAsync(
                new OutgoingMessage(id, OutboxChannel.Email, email, LockedSubject, OutboxBody.Seal(cipher, id, LockedText()), clock.GetUtcNow()), ct);
        }

        return true;
    }

    public async Task<bool> RecordFailureAsync(User user, CancellationToken ct)
    {
        var started = false;
        foreach (var (kind, value) in IdentifiersOf(user))
        {
            // One e-mail however many of the user's identifiers lock at once.
            started |= await RecordFailureAsync(kind, value, started ? null : user, ct);
        }

        return started;
    }

    public Task ReleaseAsync(User user, CancellationToken ct) =>
        settings.Enabled ? store.ClearAsync([.. IdentifiersOf(user).Select(i => Key(i.Kind, i.Value))], ct) : Task.CompletedTask;

    // A keyed hash: no address or username is written into the store.
    private string Key(IdentifierKind kind, string normalized) => hasher.Hash("password-lockout:" + kind + ":" + normalized);

    private static IEnumerable<(IdentifierKind Kind, string Value)> IdentifiersOf(User user)
    {
        if (user.Email is { } email)
        {
            yield return (IdentifierKind.Email, email);
        }

        if (user.Phone is { } phone)
        {
            yield return (IdentifierKind.Phone, phone);
        }

        if (user.Username is { } username)
        {
            yield return (IdentifierKind.Username, username);
        }
    }

    private string LockedText() =>
        $"There were {settings.MaxFailedAttempts} failed attempts to sign in to your account with a password, "
        + $"so password sign-in is locked for {(int)settings.Duration.TotalMinutes} minutes.\n\n"
        + "If this was you, wait, sign in with a one-time code, or reset your password (which also lifts the lock). "
        + "If it was not you, your password was not accepted; consider changing it to one you use nowhere else.";
}
