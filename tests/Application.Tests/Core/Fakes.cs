using AuthService.Application.ApiKeys;
using AuthService.Application.Events;
using AuthService.Application.Otp;
using AuthService.Application.Outbox;
using AuthService.Application.Sessions;
using AuthService.Domain.Users;
using Microsoft.Extensions.Logging.Abstractions;

namespace AuthService.Application.Tests.Core;

/// <summary>Substitutes for every port a use case may need, with sensible defaults.</summary>
internal sealed class Fakes
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    public IUserRepository Users { get; } = Substitute.For<IUserRepository>();
    public ISessionRepository Sessions { get; } = Substitute.For<ISessionRepository>();
    public IOtpRepository Otps { get; } = Substitute.For<IOtpRepository>();
    public IPasswordHasher Passwords { get; } = Substitute.For<IPasswordHasher>();
    public ITokenIssuer Tokens { get; } = Substitute.For<ITokenIssuer>();
    public ISecretGenerator Secrets { get; } = Substitute.For<ISecretGenerator>();
    public ISecretHasher Hasher { get; } = Substitute.For<ISecretHasher>();
    public IAuditLog AuditLog { get; } = Substitute.For<IAuditLog>();
    public IUnitOfWork Uow { get; } = Substitute.For<IUnitOfWork>();
    public IRevocationCache Revocations { get; } = Substitute.For<IRevocationCache>();
    public IOutbox Outbox { get; } = Substitute.For<IOutbox>();
    public FakeCipher Cipher { get; } = new();
    public IRateLimiter Limiter { get; } = Substitute.For<IRateLimiter>();
    public IIdGenerator Ids { get; } = Substitute.For<IIdGenerator>();
    public ManualClock Clock { get; } = new(Start);
    public SessionSettings Settings { get; } = new() { RefreshReuseGrace = TimeSpan.FromSeconds(10) };

    public Fakes()
    {
        Ids.NewId().Returns(_ => Guid.CreateVersion7());
        Hasher.Hash(Arg.Any<string>()).Returns(c => "h:" + c.Arg<string>());
        Hasher.Matches(Arg.Any<string>(), Arg.Any<string>()).Returns(c => "h:" + c.ArgAt<string>(0) == c.ArgAt<string>(1));
        Secrets.NewOpaqueToken().Returns(_ => "rt-" + Guid.NewGuid().ToString("N"));
        Secrets.SuccessorOf(Arg.Any<string>()).Returns(c => c.Arg<string>() + "+1");
        Secrets.NewOtpCode().Returns("123456");
        Tokens.Issue(Arg.Any<User>(), Arg.Any<Domain.Sessions.Session>(), Arg.Any<DateTimeOffset>())
            .Returns(new IssuedAccessToken("access", 900));
        Limiter.HitAsync(default!, default, default, default).ReturnsForAnyArgs(RateLimitDecision.Allow);
    }

    public Auditor Auditor => new(AuditLog, new EventRecorder(Outbox, Ids), Ids, Clock);

    public IApiKeyRepository ApiKeys { get; } = Substitute.For<IApiKeyRepository>();

    public SessionRevoker Revoker() =>
        new(Sessions, ApiKeys, Revocations, Auditor, Uow, Clock, NullLogger<SessionRevoker>.Instance);

    public User VerifiedUser(string email = "ada@example.test") => new()
    {
        Id = Guid.CreateVersion7(),
        Email = email,
        EmailVerified = true,
        PasswordHash = "$argon2id$stored",
        CreatedAt = Start,
    };
}
