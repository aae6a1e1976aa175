namespace AuthService.Integration.Tests.Outbox;

/// <summary>A change that rolls back sends nothing: its message was only ever in its transaction.</summary>
public sealed class OutboxAtomicityTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    [Fact]
    public async Task RegistrationRolledBackAtCommit_SendsNothing()
    {
        // The commit itself fails, after the user, the code and the message were all written.
        await app.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'injected failure at commit'; END $$;
            DROP TRIGGER IF EXISTS test_fail_commit ON outbox_messages;
            CREATE CONSTRAINT TRIGGER test_fail_commit AFTER INSERT ON outbox_messages
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.recipient LIKE 'rollback-%') EXECUTE FUNCTION test_fail_commit();
            """);
        var api = app.Api();
        var email = $"rollback-{Guid.NewGuid():N}@example.test";
        var control = ApiClient.NewEmail();

        var failed = await api.PostAsync("/api/v1/auth/register", new { email, password = ApiClient.Password });
        await Expect.ErrorAsync(failed, 500, "INTERNAL_SERVER_ERROR");
        await Expect.StatusAsync(await api.PostAsync("/api/v1/auth/register", new { email = control, password = ApiClient.Password }), 201);

        // The control registration's code arrives; by then the rolled-back one would have too.
        await api.Mail.WaitForCodeAsync(control);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, await api.Mail.CountAsync(email));
        Assert.Equal(0, await app.QueryAsync<int>("SELECT count(*)::int FROM users WHERE email = @email", new { email }));
        Assert.Equal(0, await app.QueryAsync<int>("SELECT count(*)::int FROM outbox_messages WHERE recipient = @email", new { email }));
    }
}
