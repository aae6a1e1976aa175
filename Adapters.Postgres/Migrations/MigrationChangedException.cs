namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>An already-applied migration file no longer matches the checksum recorded for it.</summary>
internal sealed class MigrationChangedException : InvalidOperationException
{
    public MigrationChangedException()
    {
    }

    public MigrationChangedException(string message)
        : base(message)
    {
    }

    public MigrationChangedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
