using AuthService.Application.Abstractions;
using AuthService.Application.Admin;
using AuthService.Application.Common;
using AuthService.Domain.Audit;

namespace AuthService.Integration.Tests.Postgres;

public sealed class AuditRepositoryTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private Task RecordAsync(AuditEvent e) =>
        fixture.InScopeAsync(s => s.GetRequiredService<IAuditLog>().RecordAsync(e, CancellationToken.None));

    private Task<PagedList<AuditEvent>> SearchAsync(AuditQuery query) =>
        fixture.InScopeAsync(s => s.GetRequiredService<IAuditQueries>().SearchAsync(query, CancellationToken.None));

    private static AuditEvent Event(Guid userId, string action, int minute, IReadOnlyDictionary<string, object?>? data = null) =>
        new(Guid.CreateVersion7(), TestData.Now.AddMinutes(minute), action, userId, null, "198.51.100.1", "tests", "req-1", data);

    [Fact]
    public async Task Search_ByUser_NewestFirst_WithDataAndTotal()
    {
        var userId = Guid.CreateVersion7();
        await RecordAsync(Event(userId, AuditAction.LoginSucceeded, 1, new Dictionary<string, object?> { ["method"] = "password", ["attempt"] = 2 }));
        await RecordAsync(Event(userId, AuditAction.Logout, 2));
        await RecordAsync(Event(Guid.CreateVersion7(), AuditAction.Logout, 3));

        var page = await SearchAsync(new AuditQuery(userId, null, 1, 10));

        Assert.Equal(2, page.Total);
        Assert.Equal([AuditAction.Logout, AuditAction.LoginSucceeded], page.Items.Select(e => e.Action));
        var login = page.Items[1];
        Assert.Equal(("198.51.100.1", "tests", "req-1", TestData.Now.AddMinutes(1)), (login.Ip, login.UserAgent, login.RequestId, login.At));
        Assert.Equal("password", ((JsonElement)login.Data!["method"]!).GetString());
        Assert.Equal(2, ((JsonElement)login.Data["attempt"]!).GetInt32());
        Assert.Null(page.Items[0].Data);
    }

    [Fact]
    public async Task Search_ByUserAndAction_Pages()
    {
        var userId = Guid.CreateVersion7();
        for (var i = 0; i < 5; i++)
        {
            await RecordAsync(Event(userId, AuditAction.LoginFailed, i));
        }

        await RecordAsync(Event(userId, AuditAction.Register, 10));

        var second = await SearchAsync(new AuditQuery(userId, AuditAction.LoginFailed, 2, 2));

        Assert.Equal(5, second.Total);
        Assert.Equal((2, 2), (second.Page, second.PageSize));
        Assert.Equal([TestData.Now.AddMinutes(2), TestData.Now.AddMinutes(1)], second.Items.Select(e => e.At));
    }

    [Fact]
    public async Task Record_NotCommitted_LeavesNoRow()
    {
        var userId = Guid.CreateVersion7();
        await using (var scope = fixture.NewScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(Event(userId, AuditAction.Register, 0), CancellationToken.None);
        }

        Assert.Equal(0, (await SearchAsync(new AuditQuery(userId, null, 1, 10))).Total);
    }
}
