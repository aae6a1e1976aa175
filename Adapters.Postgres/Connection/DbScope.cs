namespace AuthService.Adapters.Postgres.Connection;

/// <summary>The unit of work's connection and transaction, handed to a repository for its Dapper calls.</summary>
internal readonly record struct DbScope(NpgsqlConnection Connection, NpgsqlTransaction Transaction);

/// <summary>A connection for reads, in the unit of work's transaction when one is under way.</summary>
internal readonly record struct ReadScope(NpgsqlConnection Connection, NpgsqlTransaction? Transaction);
