using AuthService.Application.Abstractions;
using AuthService.Application.Mfa;
using AuthService.Domain.Mfa;
using AuthService.Integration.Tests.Postgres;
using Dapper;

namespace AuthService.Integration.Tests.Mfa;

/// <summary>
/// Where a race forces a second-factor rule into one conditional SQL statement, the statement
/// mirrors an entity method: each table of cases runs through both, and both must answer alike.
/// </summary>
public sealed class MfaRuleMirrorTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Now = TestData.Now;

    [Theory]
    [InlineData(100, 99, false)]
    [InlineData(100, 100, false)]   // the same code again
    [InlineData(100, 101, true)]
    [InlineData(0, 1, true)]
    public async Task TotpStep_IsAcceptedOnce_ByTheEntityAndTheStatement(long lastUsed, long step, bool accepted)
    {
        var factor = new TotpFactor { UserId = await NewUserAsync(), SecretCiphertext = "v1.x.y", CreatedAt = Now, ConfirmedAt = Now, LastUsedStep = lastUsed };
        await InsertAsync(factor);

        Assert.Equal(accepted, factor.TryAcceptStep(step));
        Assert.Equal(accepted, await FactorsAsync(r => r.AcceptTotpStepAsync(factor.UserId, step, null, CancellationToken.None)));
        Assert.Equal(factor.LastUsedStep, (await FactorsAsync(r => r.FindTotpAsync(factor.UserId, CancellationToken.None)))!.LastUsedStep);
    }

    [Theory]
    [InlineData(false, 0, 1, true)]
    [InlineData(false, 5, 5, false)]
    [InlineData(false, 5, 4, false)]
    [InlineData(true, 100, 101, false)]   // confirmed once is confirmed for good
    public async Task TotpConfirmation_ByTheEntityAndTheStatement(bool confirmed, long lastUsed, long step, bool accepted)
    {
        var factor = new TotpFactor
        {
            UserId = await NewUserAsync(),
            SecretCiphertext = "v1.x.y",
            CreatedAt = Now,
            ConfirmedAt = confirmed ? Now : null,
            LastUsedStep = lastUsed,
        };
        await InsertAsync(factor);
        var at = Now.AddMinutes(1);

        Assert.Equal(accepted, factor.TryConfirm(step, at));
        Assert.Equal(accepted, await FactorsAsync(r => r.ConfirmTotpAsync(factor.UserId, step, at, CancellationToken.None)));
        var stored = await FactorsAsync(r => r.FindTotpAsync(factor.UserId, CancellationToken.None));
        Assert.Equal((factor.ConfirmedAt, factor.LastUsedStep), (stored!.ConfirmedAt, stored.LastUsedStep));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]   // burned already
    public async Task RecoveryCode_IsBurnedOnce_ByTheEntityAndTheStatement(bool used, bool accepted)
    {
        var code = new RecoveryCode { UserId = await NewUserAsync(), CodeHash = TestData.Unique("rc-"), CreatedAt = Now, UsedAt = used ? Now : null };
        await ExecuteAsync(
            "INSERT INTO recovery_codes (code_hash, user_id, created_at, used_at) VALUES (@CodeHash, @UserId, @CreatedAt, @UsedAt)", code);
        var at = Now.AddMinutes(1);

        Assert.Equal(accepted, code.TryUse(at));
        Assert.Equal(accepted, await FactorsAsync(r => r.UseRecoveryCodeAsync(code.UserId, code.CodeHash, at, CancellationToken.None)));
        Assert.Equal(code.UsedAt, (await FactorsAsync(r => r.FindRecoveryCodeAsync(code.UserId, code.CodeHash, CancellationToken.None)))!.UsedAt);
    }

    [Theory]
    [InlineData(0, 0, true)]    // an authenticator that does not count
    [InlineData(0, 1, true)]
    [InlineData(5, 6, true)]
    [InlineData(5, 5, false)]   // a clone replaying the same counter
    [InlineData(5, 4, false)]
    [InlineData(5, 0, false)]
    public async Task PasskeyCounter_MovesForward_ByTheEntityAndTheStatement(long stored, long reported, bool accepted)
    {
        var userId = await NewUserAsync();
        var passkey = new Passkey
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CredentialId = Guid.NewGuid().ToByteArray(),
            PublicKey = [2],
            SignCount = stored,
            Name = "key",
            CreatedAt = Now,
        };
        Assert.True(await InScopeAsync<IPasskeyRepository, bool>(r => r.AddAsync(passkey, CancellationToken.None)));
        var at = Now.AddMinutes(1);

        Assert.Equal(accepted, passkey.TryAdvanceCounter(reported, at));
        Assert.Equal(accepted, await InScopeAsync<IPasskeyRepository, bool>(r => r.AdvanceCounterAsync(passkey.Id, reported, at, CancellationToken.None)));
        var row = await InScopeAsync<IPasskeyRepository, Passkey?>(r => r.FindAsync(userId, passkey.Id, CancellationToken.None));
        Assert.Equal((passkey.SignCount, passkey.LastUsedAt), (row!.SignCount, row.LastUsedAt));
    }

    public static TheoryData<int, bool, int, bool> PendingCases => new()
    {
        // attempts so far, consumed, seconds before expiry at the try, whether it may go on
        { 0, false, 60, true },
        { PendingSignIn.MaxAttempts - 1, false, 60, true },
        { PendingSignIn.MaxAttempts, false, 60, false },   // out of attempts
        { 0, false, 1, true },
        { 0, false, 0, false },                            // expired
        { 0, true, 60, false },                            // used
    };

    [Theory]
    [MemberData(nameof(PendingCases))]
    public async Task PendingSignIn_Attempt_ByTheEntityAndTheStatement(int attempts, bool consumed, int secondsLeft, bool accepted)
    {
        var (signIn, hash) = await NewPendingAsync(attempts, consumed);
        var at = signIn.ExpiresAt.AddSeconds(-secondsLeft);

        Assert.Equal(accepted, signIn.IsUsable(at));
        Assert.Equal(accepted, await InScopeAsync<IPendingSignInRepository, PendingSignIn?>(r => r.FindUsableAsync(hash, at, CancellationToken.None)) is not null);

        Assert.Equal(accepted, signIn.TryBeginAttempt(at));
        var row = await InScopeAsync<IPendingSignInRepository, PendingSignIn?>(r => r.BeginAttemptAsync(hash, at, CancellationToken.None));
        Assert.Equal(accepted, row is not null);
        Assert.Equal(signIn.Attempts, row?.Attempts ?? attempts);
    }

    [Theory]
    [InlineData(false, 60, true)]
    [InlineData(false, 1, true)]
    [InlineData(false, 0, false)]   // expired
    [InlineData(true, 60, false)]   // used
    public async Task PendingSignIn_Consume_ByTheEntityAndTheStatement(bool consumed, int secondsLeft, bool accepted)
    {
        var (signIn, _) = await NewPendingAsync(PendingSignIn.MaxAttempts, consumed);
        var at = signIn.ExpiresAt.AddSeconds(-secondsLeft);

        Assert.Equal(accepted, signIn.TryConsume(at));
        Assert.Equal(accepted, await InScopeAsync<IPendingSignInRepository, bool>(r => r.ConsumeAsync(signIn.Id, at, CancellationToken.None)));
        Assert.False(signIn.TryConsume(at));
        Assert.False(await InScopeAsync<IPendingSignInRepository, bool>(r => r.ConsumeAsync(signIn.Id, at, CancellationToken.None)));
    }

    private async Task<(PendingSignIn SignIn, string Hash)> NewPendingAsync(int attempts, bool consumed)
    {
        var fresh = PendingSignIn.Begin(Guid.CreateVersion7(), await NewUserAsync(), "password", ["pwd"], null, "10.0.0.1", "tests", Now);
        var signIn = new PendingSignIn
        {
            Id = fresh.Id,
            UserId = fresh.UserId,
            AuthMethod = fresh.AuthMethod,
            Amr = fresh.Amr,
            Ip = fresh.Ip,
            UserAgent = fresh.UserAgent,
            CreatedAt = fresh.CreatedAt,
            ExpiresAt = fresh.ExpiresAt,
            Attempts = attempts,
            ConsumedAt = consumed ? Now : null,
        };
        var hash = TestData.Unique("mfa-");
        await InScopeAsync<IPendingSignInRepository, bool>(async r =>
        {
            await r.CreateAsync(signIn, hash, CancellationToken.None);
            return true;
        });
        await ExecuteAsync("UPDATE mfa_challenges SET attempts = @Attempts, consumed_at = @ConsumedAt WHERE id = @Id", signIn);
        return (signIn, hash);
    }

    private Task InsertAsync(TotpFactor factor) => ExecuteAsync("""
        INSERT INTO totp_factors (user_id, secret_ciphertext, created_at, confirmed_at, last_used_step)
        VALUES (@UserId, @SecretCiphertext, @CreatedAt, @ConfirmedAt, @LastUsedStep)
        """, factor);

    private async Task<Guid> NewUserAsync()
    {
        var user = TestData.NewUser(TestData.Unique("m") + "@example.com");
        await InScopeAsync<IUserRepository, IReadOnlyList<string>>(r => r.AddAsync(user, CancellationToken.None));
        return user.Id;
    }

    private Task<T> FactorsAsync<T>(Func<IMfaFactorRepository, Task<T>> work) => InScopeAsync<IMfaFactorRepository, T>(work);

    private Task<T> InScopeAsync<TRepository, T>(Func<TRepository, Task<T>> work)
        where TRepository : notnull =>
        fixture.InScopeAsync(s => work(s.GetRequiredService<TRepository>()));

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.ExecuteAsync(sql, args);
    }
}
