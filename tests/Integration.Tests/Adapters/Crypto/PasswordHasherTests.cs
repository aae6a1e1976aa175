using AuthService.Adapters.Crypto;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;

namespace AuthService.Integration.Tests.Adapters.Crypto;

public sealed class PasswordHasherTests
{
    // Made with Debian's reference CLI, as argon2-cffi would (its defaults are m=65536,t=3,p=4):
    //   echo -n password | argon2 somesaltsomesalt -id -t 3 -m 16 -p 4 -e
    private const string FourLaneVector = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$gduXp+Z6iReEolmbyHn5V8s1EtJzmEvZfYoY/Fn/AeI";

    //   echo -n 'correct horse' | argon2 c2FsdHNhbHRzYWx0 -id -t 3 -m 12 -p 4 -l 32 -e
    private const string SmallFourLaneVector = "$argon2id$v=19$m=4096,t=3,p=4$YzJGc2RITmhiSFJ6WVd4MA$vre0wrycS63GJIVhLtoi8di1PHjB+SmWJ9WL3mb+6q8";

    [Fact]
    public async Task Hash_ThenVerify_Succeeds()
    {
        using var sp = Start(memoryKib: 1024, iterations: 1);
        var hasher = sp.GetRequiredService<IPasswordHasher>();

        var hash = await hasher.HashAsync("correct horse battery staple", default);

        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", hash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.Succeeded, await hasher.VerifyAsync(hash, "correct horse battery staple", default));
    }

    [Fact]
    public async Task Verify_WrongPassword_Fails()
    {
        using var sp = Start(memoryKib: 1024, iterations: 1);
        var hasher = sp.GetRequiredService<IPasswordHasher>();
        var hash = await hasher.HashAsync("correct horse battery staple", default);

        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, "correct horse battery stable", default));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, string.Empty, default));
    }

    [Fact]
    public async Task Hash_SamePasswordTwice_UsesFreshSalts()
    {
        using var sp = Start(memoryKib: 1024, iterations: 1);
        var hasher = sp.GetRequiredService<IPasswordHasher>();

        Assert.NotEqual(await hasher.HashAsync("pässwörd ✓ 密码", default), await hasher.HashAsync("pässwörd ✓ 密码", default));
    }

    [Fact]
    public async Task Verify_NonAsciiPassword_UsesUtf8()
    {
        using var sp = Start(memoryKib: 1024, iterations: 1);
        var hasher = sp.GetRequiredService<IPasswordHasher>();
        var hash = await hasher.HashAsync("pässwörd ✓ 密码", default);

        Assert.Equal(PasswordVerification.Succeeded, await hasher.VerifyAsync(hash, "pässwörd ✓ 密码", default));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, "passwort ✓ 密码", default));
    }

    [Fact]
    public async Task Verify_AfterParametersChange_AsksForRehash()
    {
        string hash;
        using (var old = Start(memoryKib: 1024, iterations: 1))
        {
            hash = await old.GetRequiredService<IPasswordHasher>().HashAsync("correct horse battery staple", default);
        }

        using var current = Start(memoryKib: 2048, iterations: 2);
        var hasher = current.GetRequiredService<IPasswordHasher>();

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, await hasher.VerifyAsync(hash, "correct horse battery staple", default));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, "wrong", default));
    }

    [Theory]
    [InlineData(FourLaneVector, "password")]
    [InlineData(SmallFourLaneVector, "correct horse")]
    public async Task Verify_HashMadeElsewhereWithFourLanes_SucceedsAndAsksForRehash(string hash, string password)
    {
        using var sp = Start(memoryKib: 65536, iterations: 3);
        var hasher = sp.GetRequiredService<IPasswordHasher>();

        // Same m and t as ours for the first vector: the rehash is asked for because of p=4.
        Assert.Equal(PasswordVerification.SucceededRehashNeeded, await hasher.VerifyAsync(hash, password, default));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(hash, password + "!", default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$")]
    [InlineData("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW")]
    public async Task Verify_MalformedOrForeignHash_Fails(string hash)
    {
        using var sp = Start(memoryKib: 1024, iterations: 1);

        Assert.Equal(PasswordVerification.Failed, await sp.GetRequiredService<IPasswordHasher>().VerifyAsync(hash, "password", default));
    }

    [Fact]
    public async Task VerifyDummy_AfterHostStart_Completes()
    {
        using var sp = Start(memoryKib: 1024, iterations: 1);
        foreach (var service in sp.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await service.StartAsync(default);
        }

        await sp.GetRequiredService<IPasswordHasher>().VerifyDummyAsync("whatever", default);
    }

    [Fact]
    public async Task Hash_BeyondConcurrencyBound_ThrowsCapacityExceeded()
    {
        using var sp = Start(memoryKib: 65536, iterations: 4, maxConcurrent: 1, queueTimeoutMs: 5);
        var hasher = sp.GetRequiredService<IPasswordHasher>();

        var attempts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => hasher.HashAsync("password", default))).ToArray();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                await t;
                return (Exception?)null;
            }
            catch (CapacityExceededException e)
            {
                return e;
            }
        }));

        Assert.Contains(outcomes, o => o is null);
        var rejected = Assert.IsType<CapacityExceededException>(outcomes.First(o => o is not null));
        Assert.Equal(TimeSpan.FromSeconds(1), rejected.RetryAfter);
    }

    [Fact]
    public async Task Hash_WithTheQueueFull_ThrowsCapacityExceededAtOnce()
    {
        using var sp = Start(memoryKib: 65536, iterations: 4, maxConcurrent: 1, queueTimeoutMs: 60_000, maxQueued: 1);
        var hasher = sp.GetRequiredService<IPasswordHasher>();
        var running = hasher.HashAsync("password", default);   // takes the only slot
        var queued = hasher.HashAsync("password", default);    // the only place in the queue

        // Neither waits the 60 s timeout: the third finds the queue full and is turned away.
        var rejected = await Assert.ThrowsAsync<CapacityExceededException>(() => hasher.HashAsync("password", default));

        Assert.Equal(TimeSpan.FromSeconds(1), rejected.RetryAfter);

        // Said before any work to a caller that asks first (the HTTP filter of the hashing routes).
        Assert.True(hasher.IsSaturated);
        Assert.StartsWith("$argon2id$", await running, StringComparison.Ordinal);
        Assert.StartsWith("$argon2id$", await queued, StringComparison.Ordinal);
        Assert.False(hasher.IsSaturated);
    }

    [Fact]
    public async Task Hashes_RunOnThreadsOfTheirOwn_AtALowerPriority()
    {
        using var sp = Start(memoryKib: 1024, iterations: 1, maxConcurrent: 2);
        await sp.GetRequiredService<IPasswordHasher>().HashAsync("correct horse battery staple", default);

        // /proc/self/task/<tid>/stat: field 2 is the thread's name, field 19 its nice value.
        var nice = Directory.GetDirectories("/proc/self/task")
            .Select(ReadStat)
            .Where(stat => stat.Contains("(argon2-", StringComparison.Ordinal))
            .Select(stat => int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.NotEmpty(nice);
        Assert.All(nice, n => Assert.Equal(10, n));
    }

    // Other tests' threads come and go while the folder is read: a vanished one reads as nothing.
    private static string ReadStat(string task)
    {
        try
        {
            return File.ReadAllText(Path.Combine(task, "stat"));
        }
        catch (IOException)
        {
            return "";
        }
    }

    [Theory]
    [InlineData("PASSWORD:ARGON2_ITERATIONS", "0", "PASSWORD__ARGON2_ITERATIONS")]
    [InlineData("PASSWORD:MAX_QUEUED_HASHES", "-1", "PASSWORD__MAX_QUEUED_HASHES")]
    [InlineData("PASSWORD:ARGON2_MEMORY_KIB", "4", "PASSWORD__ARGON2_MEMORY_KIB")]
    [InlineData("PASSWORD:MAX_CONCURRENT_HASHES", "0", "PASSWORD__MAX_CONCURRENT_HASHES")]
    public void Start_WithBadParameter_FailsNamingTheVariable(string key, string value, string variable)
    {
        var settings = CryptoSettings.WithPrivateKey();
        settings[key] = value;

        Assert.Contains(variable, CryptoSettings.StartFailure(settings), StringComparison.Ordinal);
    }

    internal static ServiceProvider Start(int memoryKib, int iterations, int maxConcurrent = 2, int queueTimeoutMs = 2000, int maxQueued = 128)
    {
        var settings = CryptoSettings.WithPrivateKey();
        settings["PASSWORD:ARGON2_MEMORY_KIB"] = memoryKib.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["PASSWORD:ARGON2_ITERATIONS"] = iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["PASSWORD:MAX_CONCURRENT_HASHES"] = maxConcurrent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["PASSWORD:QUEUE_TIMEOUT_MS"] = queueTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["PASSWORD:MAX_QUEUED_HASHES"] = maxQueued.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CryptoSettings.Start(settings);
    }
}
