using System.Text.Json;
using AuthService.Application.SystemConfig;

namespace AuthService.Adapters.Postgres.SystemConfig;

internal sealed class SystemConfigRepository(UnitOfWork uow) : ISystemConfigRepository
{
    public async Task<IReadOnlyList<StoredSetting>> ListAsync(CancellationToken ct)
    {
        const string Sql = "SELECT key, value::text AS value, category, updated_at, updated_by FROM system_config";
        var db = await uow.ReadAsync(ct);
        var rows = await db.Connection.QueryAsync<Row>(new CommandDefinition(Sql, null, db.Transaction, cancellationToken: ct));
        return [.. rows.Select(r => new StoredSetting(r.Key, Parse(r.Value), r.Category, r.UpdatedAt, r.UpdatedBy))];
    }

    public async Task UpsertAsync(StoredSetting setting, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO system_config (key, value, category, updated_at, updated_by)
            VALUES (@Key, CAST(@Value AS jsonb), @Category, @UpdatedAt, @UpdatedBy)
            ON CONFLICT (key) DO UPDATE
            SET value = excluded.value, category = excluded.category, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """;
        var args = new { setting.Key, Value = setting.Value.GetRawText(), setting.Category, setting.UpdatedAt, setting.UpdatedBy };
        var db = await uow.EnlistAsync(ct);
        await db.Connection.ExecuteAsync(new CommandDefinition(Sql, args, db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct)
    {
        const string Sql = "DELETE FROM system_config WHERE key = @key";
        var db = await uow.EnlistAsync(ct);
        return await db.Connection.ExecuteAsync(new CommandDefinition(Sql, new { key }, db.Transaction, cancellationToken: ct)) > 0;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private sealed class Row
    {
        public string Key { get; init; } = "";
        public string Value { get; init; } = "null";
        public string Category { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public Guid? UpdatedBy { get; init; }
    }
}
