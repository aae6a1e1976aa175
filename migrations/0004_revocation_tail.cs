using FluentMigrator;

namespace AuthService.Migrations;

[Migration(4, "revocation_tail")]
public sealed class M0004RevocationTail() : SqlScriptMigration("0004_revocation_tail.sql");
