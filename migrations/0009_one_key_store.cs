using FluentMigrator;

namespace AuthService.Migrations;

[Migration(9, "one_key_store")]
public sealed class M0009OneKeyStore() : SqlScriptMigration("0009_one_key_store.sql");
