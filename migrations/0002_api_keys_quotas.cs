using FluentMigrator;

namespace AuthService.Migrations;

[Migration(2, "api_keys_quotas")]
public sealed class M0002ApiKeysQuotas() : SqlScriptMigration("0002_api_keys_quotas.sql");
