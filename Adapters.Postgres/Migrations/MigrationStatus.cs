namespace AuthService.Adapters.Postgres.Migrations;

/// <summary>One line of <c>migrate --list</c>.</summary>
public sealed record MigrationStatus(long Version, string Description, bool Applied, DateTime? AppliedOn);
