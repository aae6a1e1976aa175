using System.Runtime.InteropServices;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// The four libsodium functions we need, bound to Debian's libsodium23. Its Argon2 is
/// SIMD-optimised and audited; a managed Argon2 would be slower and ours to maintain.
/// </summary>
internal static partial class Sodium
{
    private const string Library = "libsodium.so.23";

    /// <summary>crypto_pwhash_STRBYTES: the PHC string, NUL-terminated, fits in it.</summary>
    internal const int HashStringBytes = 128;

    /// <summary>crypto_pwhash_ALG_ARGON2ID13.</summary>
    internal const int AlgorithmArgon2id13 = 2;

    private static readonly Lazy<bool> Initialized = new(() => NativeInit() >= 0);

    /// <summary>sodium_init picks the fastest implementation for this CPU; it must run once before use.</summary>
    internal static void EnsureInitialized()
    {
        bool ok;
        try
        {
            ok = Initialized.Value;
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException($"{Library} is missing: install Debian's libsodium23.", e);
        }

        if (!ok)
        {
            throw new InvalidOperationException("sodium_init failed.");
        }
    }

    [LibraryImport(Library, EntryPoint = "sodium_init")]
    private static partial int NativeInit();

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_str_alg")]
    internal static partial int PwhashStrAlg(
        Span<byte> output, ReadOnlySpan<byte> password, ulong passwordLength, ulong opsLimit, nuint memLimit, int algorithm);

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_str_verify")]
    internal static partial int PwhashStrVerify(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> password, ulong passwordLength);

    [LibraryImport(Library, EntryPoint = "crypto_pwhash_str_needs_rehash")]
    internal static partial int PwhashStrNeedsRehash(ReadOnlySpan<byte> hash, ulong opsLimit, nuint memLimit);
}
