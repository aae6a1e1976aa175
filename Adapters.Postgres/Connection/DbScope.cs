using Npgsql;

namespace AuthService.Adapters.Postgres.Connection;

/// <summary>The unit of work's connection and transaction, handed to a repository for its Dapper calls.</summary>
internal readonly record struct DbScope(NpgsqlConnection Connection, NpgsqlTransaction Transaction);
