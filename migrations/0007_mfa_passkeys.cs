using FluentMigrator;

namespace AuthService.Migrations;

[Migration(7, "mfa_passkeys")]
public sealed class M0007MfaPasskeys() : SqlScriptMigration("0007_mfa_passkeys.sql");
