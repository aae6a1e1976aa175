namespace AuthService.Application.Sessions;

/// <summary>What a revocation ends, built by one of the factories below; <see cref="SessionRevoker"/> carries it out.</summary>
internal sealed record Revocation
{
    private Revocation(Guid userId, string reason) => (UserId, Reason) = (userId, reason);

    public Guid UserId { get; }

    /// <summary>Why, one of <see cref="Domain.Sessions.RevocationReason"/>; stored on each session it ends.</summary>
    public string Reason { get; }

    /// <summary>The one session to end; null for all of the user's.</summary>
    public Guid? Only { get; private init; }

    /// <summary>With <see cref="Only"/>: when it is no active session of the user, nothing at all happens.</summary>
    public bool OnlyIfActive { get; private init; }

    /// <summary>The one session of the user to keep (the caller's own).</summary>
    public Guid? Keep { get; private init; }

    public bool ApiKeys { get; private init; }

    public bool Nothing { get; private init; }

    /// <summary>
    /// One session of the user. With <paramref name="onlyIfActive"/>, an unknown id, someone
    /// else's session or one already ended changes, records and publishes nothing; otherwise the
    /// session counts as ended either way (publishing it again costs one idempotent write).
    /// </summary>
    public static Revocation Session(Guid userId, Guid sessionId, string reason, bool onlyIfActive = false) =>
        new(userId, reason) { Only = sessionId, OnlyIfActive = onlyIfActive };

    /// <summary>Every active session of the user but <paramref name="keep"/>.</summary>
    public static Revocation Sessions(Guid userId, string reason, Guid? keep = null) => new(userId, reason) { Keep = keep };

    /// <summary>
    /// Every way into the account that does not need its credentials again: sessions (all, or all
    /// but <paramref name="keep"/>) and API keys. A credential change ends them, so a stolen
    /// session or key dies with the password it was obtained under.
    /// </summary>
    public static Revocation Access(Guid userId, string reason, Guid? keep = null) =>
        new(userId, reason) { Keep = keep, ApiKeys = true };

    /// <summary>Nothing to end this time: only the audit row is written (and committed).</summary>
    public static Revocation None(Guid userId) => new(userId, "") { Nothing = true };
}

/// <summary>What a revocation ended: the sessions (published to the cache after the commit) and how many API keys.</summary>
internal sealed record RevokedAccess(IReadOnlyList<Guid> Sessions, int ApiKeys)
{
    public static readonly RevokedAccess Empty = new([], 0);
}

/// <summary>
/// The audit row that says why access ended, written in the revocation's transaction;
/// <paramref name="Data"/> may use what was ended (counts).
/// </summary>
internal sealed record RevocationAudit(
    string Action,
    ClientInfo Client,
    Func<RevokedAccess, IReadOnlyDictionary<string, object?>?>? Data = null,
    Guid? ActorId = null);
