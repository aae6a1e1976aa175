using AuthService.Application.ApiKeys;
using AuthService.Application.Tests.Core;
using AuthService.Domain.ApiKeys;
using AuthService.Domain.Audit;

namespace AuthService.Application.Tests.ApiKeys;

public sealed class CreateApiKeyTests
{
    private readonly ApiKeyFakes _f = new();

    private Task<Result<IssuedApiKey>> Create(string? name = "ci", IReadOnlyList<string?>? scopes = null, string? expiresAt = null) =>
        _f.CreateApiKey().ExecuteAsync(
            ApiKeyFakes.PrincipalOf(_f.Core.VerifiedUser()), new CreateApiKeyCommand(name, scopes, expiresAt, ClientInfo.None),
            CancellationToken.None);

    private static string[] FieldErrors(Result<IssuedApiKey> result, string field)
    {
        Assert.Equal(ErrorCode.ValidationError, result.Error!.Code);
        return result.Error.Fields![field];
    }

    [Fact]
    public async Task Valid_StoresOnlyTheHmac_AndShowsTheKeyOnce()
    {
        var result = await Create(" CI deploy ", ["read", "write", "read"], "2027-01-31T12:00:00+01:00");

        var issued = result.Value;
        Assert.Matches("^ask_[a-z0-9]{8}_.+$", issued.Key);
        Assert.Equal(issued.ApiKey.Prefix, issued.Key[4..12]);
        var stored = (ApiKey)_f.Keys.ReceivedCalls().Single().GetArguments()[0]!;
        Assert.Equal("h:" + issued.Key, stored.KeyHash);
        Assert.Equal("CI deploy", issued.ApiKey.Name);
        Assert.Equal(["read", "write"], issued.ApiKey.Scopes);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 11, 0, 0, TimeSpan.Zero), issued.ApiKey.ExpiresAt);
        Assert.Equal(TimeSpan.Zero, issued.ApiKey.ExpiresAt!.Value.Offset);
        await _f.Keys.Received(1).AddWithinCapAsync(
            Arg.Is<ApiKey>(k => k.KeyHash == "h:" + issued.Key),
            ApiKeyRules.MaxActiveKeysPerUser, Fakes.Start, Arg.Any<CancellationToken>());
        await _f.Core.AuditLog.Received(1).RecordAsync(
            Arg.Is<AuditEvent>(e => e.Action == ApiKeyAuditActions.Created), Arg.Any<CancellationToken>());
        await _f.Core.Uow.Received(1).CommitAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NoScopesNoExpiry_IsAnOpenEndedKeyWithoutScopes()
    {
        var issued = (await Create()).Value;

        Assert.Empty(issued.ApiKey.Scopes);
        Assert.Null(issued.ApiKey.ExpiresAt);
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("   ", "must be 1 to 100 characters without control characters")]
    public async Task MissingOrBlankName_IsAValidationErrorOnName(string? name, string message)
    {
        Assert.Contains(message, FieldErrors(await Create(name), "name"));
        await _f.Keys.DidNotReceiveWithAnyArgs().AddWithinCapAsync(default!, default, default, default);
    }

    [Fact]
    public async Task NameOver100Characters_IsRejected() =>
        Assert.NotEmpty(FieldErrors(await Create(new string('n', 101)), "name"));

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("-leading")]
    [InlineData(null)]
    public async Task InsaneScope_IsAValidationErrorOnScopes(string? scope) =>
        Assert.NotEmpty(FieldErrors(await Create(scopes: ["ok", scope]), "scopes"));

    [Fact]
    public async Task ScopeOver64Characters_OrMoreThan20Scopes_AreRejected()
    {
        Assert.NotEmpty(FieldErrors(await Create(scopes: [new string('s', 65)]), "scopes"));
        Assert.NotEmpty(FieldErrors(await Create(scopes: [.. Enumerable.Range(0, 21).Select(i => $"s{i}")]), "scopes"));
        Assert.True((await Create(scopes: [new string('s', 64), "users:read", "a/b.c_d-e"])).IsSuccess);
    }

    [Theory]
    [InlineData("2026-11-22T09:59:59Z", "must be in the future")]
    [InlineData("2026-11-22T10:00:00Z", "must be in the future")]
    [InlineData("tomorrow", "must be an RFC 3339 timestamp with an offset, such as 2030-01-31T12:00:00Z")]
    [InlineData("2027-01-31T12:00:00", "must be an RFC 3339 timestamp with an offset, such as 2030-01-31T12:00:00Z")]
    [InlineData("2027-02-30T12:00:00Z", "must be an RFC 3339 timestamp with an offset, such as 2030-01-31T12:00:00Z")]
    public async Task BadExpiry_IsAValidationErrorOnExpiresAt(string expiresAt, string message) =>
        Assert.Equal([message], FieldErrors(await Create(expiresAt: expiresAt), "expires_at"));

    [Fact]
    public async Task CapReached_IsAValidationError_AndNothingIsCommitted()
    {
        _f.Keys.AddWithinCapAsync(default!, default, default, default).ReturnsForAnyArgs(false);

        var result = await Create();

        Assert.Equal(ErrorCode.ValidationError, result.Error!.Code);
        Assert.Contains("50", result.Error.Message, StringComparison.Ordinal);
        await _f.Core.Uow.DidNotReceiveWithAnyArgs().CommitAsync(default);
        await _f.Core.AuditLog.DidNotReceiveWithAnyArgs().RecordAsync(default!, default);
    }
}
