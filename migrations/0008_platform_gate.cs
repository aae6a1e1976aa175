using FluentMigrator;

namespace AuthService.Migrations;

[Migration(8, "platform_gate")]
public sealed class M0008PlatformGate() : SqlScriptMigration("0008_platform_gate.sql");
