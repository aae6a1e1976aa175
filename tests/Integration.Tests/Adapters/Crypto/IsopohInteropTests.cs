using AuthService.Application.Abstractions;
using Isopoh.Cryptography.Argon2;

namespace AuthService.Integration.Tests.Adapters.Crypto;

/// <summary>
/// Users moved here from a system that hashed with Isopoh.Cryptography.Argon2 (the managed
/// Argon2 the design card names) keep their passwords: its PHC strings verify through libsodium,
/// and ours verify there, two lanes included.
/// </summary>
public sealed class IsopohInteropTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Verify_HashMadeByIsopoh_Succeeds_AndAsksForRehashToOurParameters(int lanes)
    {
        using var sp = PasswordHasherTests.Start(memoryKib: 1024, iterations: 1);
        var hasher = sp.GetRequiredService<IPasswordHasher>();
        var isopoh = Argon2.Hash("pässwörd ✓ 密码", timeCost: 2, memoryCost: 4096, parallelism: lanes, type: Argon2Type.HybridAddressing);

        Assert.StartsWith($"$argon2id$v=19$m=4096,t=2,p={lanes}$", isopoh, StringComparison.Ordinal);
        Assert.Equal(PasswordVerification.SucceededRehashNeeded, await hasher.VerifyAsync(isopoh, "pässwörd ✓ 密码", default));
        Assert.Equal(PasswordVerification.Failed, await hasher.VerifyAsync(isopoh, "passwort ✓ 密码", default));
    }

    [Fact]
    public async Task Hash_MadeHere_VerifiesInIsopoh()
    {
        using var sp = PasswordHasherTests.Start(memoryKib: 1024, iterations: 1);
        var hash = await sp.GetRequiredService<IPasswordHasher>().HashAsync("correct horse battery staple", default);

        Assert.True(Argon2.Verify(hash, "correct horse battery staple"));
        Assert.False(Argon2.Verify(hash, "correct horse battery stable"));
    }
}
