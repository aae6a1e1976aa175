using FluentMigrator;

namespace AuthService.Migrations;

[Migration(5, "lockout_in_redis")]
public sealed class M0005LockoutInRedis() : SqlScriptMigration("0005_lockout_in_redis.sql");
