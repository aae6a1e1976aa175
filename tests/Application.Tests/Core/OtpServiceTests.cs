using AuthService.Application.Otp;
using AuthService.Application.Outbox;
using AuthService.Domain.Otp;
using AuthService.Domain.Outbox;

namespace AuthService.Application.Tests.Core;

public sealed class OtpServiceTests
{
    private readonly Fakes _f = new();

    private OtpService Sut() => new(_f.Otps, _f.Secrets, _f.Hasher, _f.Outbox, _f.Cipher, Substitute.For<IOtpFailureCounter>(), _f.Ids, _f.Clock);

    [Fact]
    public async Task Issue_StoresOnlyAHashBoundToTheRow_AndTheMessageSealedToItsOwnRow()
    {
        OtpCode? stored = null;
        OutgoingMessage? message = null;
        await _f.Otps.ReplaceAsync(Arg.Do<OtpCode>(c => stored = c), Arg.Any<CancellationToken>());
        await _f.Outbox.AddMessageAsync(Arg.Do<OutgoingMessage>(m => message = m), Arg.Any<CancellationToken>());

        await Sut().IssueAsync(OtpPurpose.VerifyEmail, "a@example.test", null, OutboxChannel.Email, CancellationToken.None);

        Assert.NotNull(stored);
        Assert.DoesNotContain("123456", stored!.CodeHash.Replace($"{stored.Id:N}:123456", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal($"h:{stored.Id:N}:123456", stored.CodeHash);
        Assert.Equal(Fakes.Start.AddMinutes(10), stored.ExpiresAt);

        Assert.NotNull(message);
        Assert.Equal(("a@example.test", OutboxChannel.Email), (message!.Recipient, message.Channel));
        Assert.DoesNotContain("123456", message.Body, StringComparison.Ordinal);
        Assert.StartsWith($"sealed:{message.Id:N}:outbox-body:", message.Body, StringComparison.Ordinal);
        Assert.Contains("123456", FakeCipher.Open(message.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consume_WrongCode_BurnsAnAttempt_RightCodeAfterLimit_IsRefused()
    {
        var code = Stored();
        _f.Otps.TryReserveAttemptAsync(code.Id, 5, Arg.Any<CancellationToken>()).Returns(true, false);

        Assert.Equal(ErrorCode.InvalidOtp, (await Sut().ConsumeAsync(OtpPurpose.Login, "a@example.test", "000000", CancellationToken.None))!.Code);
        Assert.Equal(ErrorCode.OtpAttemptsExceeded, (await Sut().ConsumeAsync(OtpPurpose.Login, "a@example.test", "123456", CancellationToken.None))!.Code);
        await _f.Otps.DidNotReceiveWithAnyArgs().TryConsumeAsync(default, default, default);
    }

    [Fact]
    public async Task Consume_Expired_IsOtpExpired_WithoutBurning()
    {
        Stored();
        _f.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(ErrorCode.OtpExpired, (await Sut().ConsumeAsync(OtpPurpose.Login, "a@example.test", "123456", CancellationToken.None))!.Code);
        await _f.Otps.DidNotReceiveWithAnyArgs().TryReserveAttemptAsync(default, default, default);
    }

    [Fact]
    public async Task Consume_RightCode_ConsumesOnce()
    {
        var code = Stored();
        _f.Otps.TryReserveAttemptAsync(code.Id, 5, Arg.Any<CancellationToken>()).Returns(true);
        _f.Otps.TryConsumeAsync(code.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(true, false);

        Assert.Null(await Sut().ConsumeAsync(OtpPurpose.Login, "a@example.test", "123456", CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidOtp, (await Sut().ConsumeAsync(OtpPurpose.Login, "a@example.test", "123456", CancellationToken.None))!.Code);
    }

    private OtpCode Stored()
    {
        var id = Guid.CreateVersion7();
        var code = new OtpCode
        {
            Id = id,
            Purpose = OtpPurpose.Login,
            Destination = "a@example.test",
            CodeHash = $"h:{id:N}:123456",
            CreatedAt = Fakes.Start,
            ExpiresAt = Fakes.Start.AddMinutes(10),
        };
        _f.Otps.FindLatestAsync(OtpPurpose.Login, "a@example.test", Arg.Any<CancellationToken>()).Returns(code);
        return code;
    }
}
