using AuthService.Application.Mfa;
using AuthService.Domain.Mfa;

namespace AuthService.Adapters.Postgres.Mfa;

internal sealed class PasskeyRepository(UnitOfWork uow) : IPasskeyRepository
{
    private const string Columns = """
        id, user_id, credential_id, public_key, sign_count, name, transports, aaguid, created_at, last_used_at
        """;

    public Task<IReadOnlyList<Passkey>> ListAsync(Guid userId, CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM passkeys WHERE user_id = @userId ORDER BY created_at, id", new { userId }, ct);

    public Task<IReadOnlyList<Passkey>> ListLockedAsync(Guid userId, CancellationToken ct) =>
        QueryAsync($"SELECT {Columns} FROM passkeys WHERE user_id = @userId ORDER BY created_at, id FOR UPDATE", new { userId }, ct);

    public async Task<Passkey?> FindAsync(Guid userId, Guid id, CancellationToken ct) =>
        (await QueryAsync($"SELECT {Columns} FROM passkeys WHERE id = @id AND user_id = @userId", new { userId, id }, ct))
        .SingleOrDefault();

    public async Task<Passkey?> FindByCredentialIdAsync(byte[] credentialId, CancellationToken ct) =>
        (await QueryAsync($"SELECT {Columns} FROM passkeys WHERE credential_id = @credentialId", new { credentialId }, ct))
        .SingleOrDefault();

    public async Task<bool> AddAsync(Passkey passkey, CancellationToken ct)
    {
        const string Sql = $"""
            INSERT INTO passkeys ({Columns})
            VALUES (@Id, @UserId, @CredentialId, @PublicKey, @SignCount, @Name, @Transports, @AaGuid, @CreatedAt, @LastUsedAt)
            ON CONFLICT (credential_id) DO NOTHING
            """;
        var args = new
        {
            passkey.Id,
            passkey.UserId,
            passkey.CredentialId,
            passkey.PublicKey,
            passkey.SignCount,
            passkey.Name,
            Transports = passkey.Transports.ToArray(),
            passkey.AaGuid,
            passkey.CreatedAt,
            passkey.LastUsedAt,
        };
        return await ExecuteAsync(Sql, args, ct) == 1;
    }

    public async Task<bool> AdvanceCounterAsync(Guid id, long signCount, DateTimeOffset now, CancellationToken ct)
    {
        // mirrors Passkey.TryAdvanceCounter; the row lock makes two uses of one counter value
        // (a replay racing the original) succeed once.
        const string Sql = """
            UPDATE passkeys SET sign_count = @signCount, last_used_at = @now
            WHERE id = @id AND (sign_count < @signCount OR (sign_count = 0 AND @signCount = 0))
            """;
        return await ExecuteAsync(Sql, new { id, signCount, now }, ct) == 1;
    }

    public async Task<bool> RenameAsync(Guid userId, Guid id, string name, CancellationToken ct) =>
        await ExecuteAsync("UPDATE passkeys SET name = @name WHERE id = @id AND user_id = @userId", new { userId, id, name }, ct) == 1;

    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct) =>
        await ExecuteAsync("DELETE FROM passkeys WHERE id = @id AND user_id = @userId", new { userId, id }, ct) == 1;

    public Task SaveChallengeAsync(WebAuthnChallenge challenge, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO webauthn_challenges (challenge, purpose, user_id, mfa_challenge_id, options, expires_at)
            VALUES (@Challenge, @Purpose, @UserId, @PendingSignInId, @OptionsJson, @ExpiresAt)
            """;
        return ExecuteAsync(Sql, new
        {
            challenge.Challenge,
            Purpose = PurposeText(challenge.Purpose),
            challenge.UserId,
            challenge.PendingSignInId,
            challenge.OptionsJson,
            challenge.ExpiresAt,
        }, ct);
    }

    public async Task<WebAuthnChallenge?> TakeChallengeAsync(string challenge, WebAuthnPurpose purpose, DateTimeOffset now, CancellationToken ct)
    {
        // Deleted whatever happens next: a challenge is good for one answer, right or wrong.
        const string Sql = """
            WITH taken AS (DELETE FROM webauthn_challenges WHERE challenge = @challenge RETURNING *)
            SELECT user_id, mfa_challenge_id, options, expires_at FROM taken
            WHERE purpose = @purpose AND expires_at > @now
            """;
        var db = await uow.EnlistAsync(ct);
        var row = await db.Connection.QuerySingleOrDefaultAsync<ChallengeRow>(new CommandDefinition(
            Sql, new { challenge, purpose = PurposeText(purpose), now }, db.Transaction, cancellationToken: ct));
        return row is null ? null : new WebAuthnChallenge(challenge, purpose, row.UserId, row.MfaChallengeId, row.Options, row.ExpiresAt);
    }

    private static string PurposeText(WebAuthnPurpose purpose) => purpose switch
    {
        WebAuthnPurpose.Register => "register",
        WebAuthnPurpose.Mfa => "mfa",
        _ => "passwordless",
    };

    private async Task<IReadOnlyList<Passkey>> QueryAsync(string sql, object args, CancellationToken ct)
    {
        var db = await uow.EnlistAsync(ct);
        var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToArray();
    }

    private async Task<int> ExecuteAsync(string sql, object args, CancellationToken ct)
    {
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(sql, args, db.Transaction, cancellationToken: ct));
    }

    private sealed class ChallengeRow
    {
        public Guid? UserId { get; init; }
        public Guid? MfaChallengeId { get; init; }
        public string Options { get; init; } = "";
        public DateTimeOffset ExpiresAt { get; init; }
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid UserId { get; init; }
        public byte[] CredentialId { get; init; } = [];
        public byte[] PublicKey { get; init; } = [];
        public long SignCount { get; init; }
        public string Name { get; init; } = "";
        public string[] Transports { get; init; } = [];
        public Guid? Aaguid { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }

        public Passkey ToDomain() => new()
        {
            Id = Id,
            UserId = UserId,
            CredentialId = CredentialId,
            PublicKey = PublicKey,
            SignCount = SignCount,
            Name = Name,
            Transports = Transports,
            AaGuid = Aaguid,
            CreatedAt = CreatedAt,
            LastUsedAt = LastUsedAt,
        };
    }
}
