using AuthService.Adapters.Postgres;
using AuthService.Application.Abstractions;
using AuthService.Application.ApiKeys;
using AuthService.Domain.ApiKeys;
using AuthService.Integration.Tests.Postgres;
using AuthService.Migrations;
using Dapper;

namespace AuthService.Integration.Tests.ApiKeys;

/// <summary>
/// Both kinds of key in the one api_keys table, and the conditional statements held to the same
/// cases as the entity methods they mirror (<see cref="ApiKey.Revoke"/>, <see cref="ApiKey.RecordUse"/>).
/// </summary>
public sealed class ApiKeyStoreTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Now = TestData.Now;

    public static TheoryData<int?> RevokedSecondsAgo => new() { null, 1, 3600 };

    public static TheoryData<int?> LastUsedSecondsAgo => new() { null, 1, 30, 59, 60, 61, 3600 };

    private Task<T> KeysAsync<T>(Func<IApiKeyRepository, Task<T>> work) =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<IApiKeyRepository>()));

    private async Task<ApiKey> StoredServiceKeyAsync(DateTimeOffset? revokedAt = null, DateTimeOffset? lastUsedAt = null)
    {
        var key = ApiKey.ForService(Guid.CreateVersion7(), "svc", null, null, TestData.Unique("p")[..8], TestData.Unique("h"), Now, null);
        await KeysAsync(async k => { await k.AddAsync(key, CancellationToken.None); return 0; });
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @revokedAt, last_used_at = @lastUsedAt WHERE id = @Id", new { key.Id, revokedAt, lastUsedAt });
        return key;
    }

    [Theory]
    [MemberData(nameof(RevokedSecondsAgo))]
    public async Task SaveRevocation_AppliesTheRuleOfApiKeyRevoke(int? revokedSecondsAgo)
    {
        DateTimeOffset? revokedAt = revokedSecondsAgo is { } s ? Now.AddSeconds(-s) : null;
        var stored = await StoredServiceKeyAsync(revokedAt);
        var entitySays = (await KeysAsync(k => k.FindAsync(stored.Id, CancellationToken.None)))!.Revoke(Now);

        // A request that loaded the key while it was unrevoked revoked its copy; the store answers as the entity does for the stored state.
        var loadedEarlier = ApiKey.ForService(stored.Id, "svc", null, null, stored.Prefix, stored.KeyHash, Now, null);
        Assert.True(loadedEarlier.Revoke(Now));

        Assert.Equal(entitySays, await KeysAsync(k => k.SaveRevocationAsync(loadedEarlier, CancellationToken.None)));
        Assert.Equal(revokedAt ?? Now, (await KeysAsync(k => k.FindAsync(stored.Id, CancellationToken.None)))!.RevokedAt);
    }

    [Theory]
    [MemberData(nameof(LastUsedSecondsAgo))]
    public async Task TouchLastUsed_AppliesTheRuleOfApiKeyRecordUse(int? lastUsedSecondsAgo)
    {
        DateTimeOffset? lastUsedAt = lastUsedSecondsAgo is { } s ? Now.AddSeconds(-s) : null;
        var stored = await StoredServiceKeyAsync(lastUsedAt: lastUsedAt);
        var entity = (await KeysAsync(k => k.FindAsync(stored.Id, CancellationToken.None)))!;

        var entitySays = entity.RecordUse(Now);
        await KeysAsync(async k =>
        {
            await k.TouchLastUsedAsync(stored.Id, Now, Now - ApiKey.UseRecordInterval, CancellationToken.None);
            return 0;
        });

        var written = (await KeysAsync(k => k.FindAsync(stored.Id, CancellationToken.None)))!.LastUsedAt == Now;
        Assert.Equal(entitySays, written);
    }

    [Fact]
    public async Task ServiceKeys_AreListedApart_AndOutliveTheirIssuersKeys()
    {
        var user = TestData.NewUser(TestData.Unique("k") + "@example.com");
        await fixture.InScopeAsync(s => s.GetRequiredService<IUserRepository>().AddAsync(user, CancellationToken.None));
        var userKey = ApiKey.ForUser(Guid.CreateVersion7(), user.Id, "mine", TestData.Unique("u")[..8], TestData.Unique("h"), ["read"], Now, null);
        var serviceKey = ApiKey.ForService(Guid.CreateVersion7(), "svc", "cvmaker", user.Id, TestData.Unique("s")[..8], TestData.Unique("h"), Now, null);
        Assert.True(await KeysAsync(k => k.AddWithinCapAsync(userKey, 50, Now, CancellationToken.None)));
        await KeysAsync(async k => { await k.AddAsync(serviceKey, CancellationToken.None); return 0; });

        var services = await KeysAsync(k => k.ListUnrevokedServiceKeysAsync(CancellationToken.None));
        var users = await KeysAsync(k => k.ListUnrevokedForUserAsync(user.Id, CancellationToken.None));
        Assert.Contains(services, k => k.Id == serviceKey.Id && k.Kind == ApiKeyKind.Service && k.Service == "cvmaker" && k.CreatedBy == user.Id);
        Assert.DoesNotContain(services, k => k.Id == userKey.Id);
        Assert.Equal([userKey.Id], users.Select(k => k.Id));
        Assert.Equal([ApiKey.IntrospectScope], services.Single(k => k.Id == serviceKey.Id).Scopes);

        // The issuer's credential change ends their own keys only.
        Assert.Equal(1, await KeysAsync(k => k.RevokeAllForUserAsync(user.Id, Now, CancellationToken.None)));
        Assert.Null((await KeysAsync(k => k.FindAsync(serviceKey.Id, CancellationToken.None)))!.RevokedAt);
    }

    [Fact]
    public async Task Migration0009_MovesServiceKeys_WithTheirHashes()
    {
        var databaseUrl = await fixture.CreateDatabaseAsync();
        var id = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(databaseUrl))
        {
            await connection.ExecuteAsync(MigrationTests.FormerHistorySql);
            for (var version = 1; version <= 8; version++)
            {
                var name = typeof(SqlScriptMigration).Assembly.GetManifestResourceNames()
                    .Single(n => n.StartsWith($"{version:D4}_", StringComparison.Ordinal));
                await connection.ExecuteAsync(SqlScriptMigration.Read(name));
                await connection.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, 'x')", new { version, name });
            }

            await connection.ExecuteAsync("""
                INSERT INTO service_keys (id, name, service, prefix, key_hash, created_at, created_by, expires_at, last_used_at)
                VALUES (@id, 'old', 'ocr', 'abcd1234', 'hash-of-old', @Now, NULL, @expires, @Now)
                """, new { id, Now, expires = Now.AddYears(1) });
        }

        await using var services = PostgresFixture.BuildServices(databaseUrl);
        Assert.Contains(9L, await services.MigrateDatabaseAsync(CancellationToken.None));

        await using var scope = services.CreateAsyncScope();
        var moved = Assert.Single(await scope.ServiceProvider.GetRequiredService<IApiKeyRepository>().FindByPrefixAsync("abcd1234", CancellationToken.None));
        Assert.Equal((id, ApiKeyKind.Service, "hash-of-old", "ocr"), (moved.Id, moved.Kind, moved.KeyHash, moved.Service));
        Assert.Equal([ApiKey.IntrospectScope], moved.Scopes);
        Assert.Equal((Now.AddYears(1), Now), (moved.ExpiresAt!.Value, moved.LastUsedAt!.Value));
        await using var check = new NpgsqlConnection(databaseUrl);
        Assert.False(await check.ExecuteScalarAsync<bool>("SELECT to_regclass('service_keys') IS NOT NULL"));
    }
}
