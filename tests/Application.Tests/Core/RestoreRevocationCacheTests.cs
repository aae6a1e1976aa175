using AuthService.Application.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthService.Application.Tests.Core;

public sealed class RestoreRevocationCacheTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(16);
    private readonly Fakes _f = new();

    public RestoreRevocationCacheTests() => _f.Revocations.Horizon.Returns(Horizon);

    private RestoreRevocationCache Sut() => new(_f.Revocations, _f.Sessions, _f.Clock, NullLogger<RestoreRevocationCache>.Instance);

    [Fact]
    public async Task EmptiedCache_IsRefilledWithTheRevocationsOfTheHorizon()
    {
        Guid[] revoked = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        _f.Revocations.IsCompleteAsync(Arg.Any<CancellationToken>()).Returns(false);
        _f.Revocations.BeginRestoreAsync(Arg.Any<CancellationToken>()).Returns("ticket");
        _f.Sessions.ListRevokedSinceAsync(Fakes.Start - Horizon, Arg.Any<CancellationToken>()).Returns(revoked);
        _f.Revocations.RestoreAsync("ticket", revoked, Arg.Any<CancellationToken>()).Returns(true);

        Assert.Equal(2, await Sut().ExecuteAsync(CancellationToken.None));

        Received.InOrder(() =>
        {
            _f.Revocations.BeginRestoreAsync(Arg.Any<CancellationToken>());
            _f.Sessions.ListRevokedSinceAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
            _f.Revocations.RestoreAsync("ticket", revoked, Arg.Any<CancellationToken>());
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public async Task CompleteOrUnreachableCache_IsLeftAlone(bool? complete)
    {
        _f.Revocations.IsCompleteAsync(Arg.Any<CancellationToken>()).Returns(complete);

        Assert.Null(await Sut().ExecuteAsync(CancellationToken.None));

        await _f.Revocations.DidNotReceiveWithAnyArgs().BeginRestoreAsync(default);
        await _f.Sessions.DidNotReceiveWithAnyArgs().ListRevokedSinceAsync(default, default);
        await _f.Revocations.DidNotReceiveWithAnyArgs().RestoreAsync(default!, default!, default);
    }

    [Fact]
    public async Task FailedRefill_ReportsNothingRestored()
    {
        _f.Revocations.IsCompleteAsync(Arg.Any<CancellationToken>()).Returns(false);
        _f.Revocations.BeginRestoreAsync(Arg.Any<CancellationToken>()).Returns("ticket");
        _f.Sessions.ListRevokedSinceAsync(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns([Guid.CreateVersion7()]);
        _f.Revocations.RestoreAsync("ticket", Arg.Any<IReadOnlyCollection<Guid>>(), Arg.Any<CancellationToken>()).Returns(false);

        Assert.Null(await Sut().ExecuteAsync(CancellationToken.None));
    }
}
