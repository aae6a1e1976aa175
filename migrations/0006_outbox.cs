using FluentMigrator;

namespace AuthService.Migrations;

[Migration(6, "outbox")]
public sealed class M0006Outbox() : SqlScriptMigration("0006_outbox.sql");
