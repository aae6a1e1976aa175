using FluentMigrator;

namespace AuthService.Migrations;

[Migration(1, "init")]
public sealed class M0001Init() : SqlScriptMigration("0001_init.sql");
