using FluentMigrator;

namespace AuthService.Migrations;

[Migration(3, "login_lockout")]
public sealed class M0003LoginLockout() : SqlScriptMigration("0003_login_lockout.sql");
