using FluentMigrator;

namespace AuthService.Integration.Tests.Postgres.FailingMigrations;

[Migration(1, "ok")]
public sealed class M0001Ok : ForwardOnlyMigration
{
    public override void Up() => Execute.Sql("CREATE TABLE ok (id int);");
}

[Migration(2, "broken")]
public sealed class M0002Broken : ForwardOnlyMigration
{
    public override void Up() => Execute.Sql("CREATE TABLE half (id int); SELECT id FROM missing_table;");
}
