using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using AuthService.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// Argon2id in PHC string format through libsodium. Each hash costs tens of MiB and milliseconds
/// of CPU, so a semaphore bounds how many run at once. A login flood queues (up to
/// <c>MAX_QUEUED_HASHES</c> waiting, each for at most <c>QUEUE_TIMEOUT_MS</c>), then gets
/// <see cref="CapacityExceededException"/> instead of exhausting memory or every core.
/// </summary>
internal sealed class Argon2PasswordHasher : IPasswordHasher, IDisposable
{
    private const string CurrentPrefix = "$argon2id$v=19$";
    private const int MaxHashStringLength = 512;

    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _queueTimeout;
    private readonly int _maxQueued;
    private readonly ulong _opsLimit;
    private readonly nuint _memLimit;
    private readonly Lazy<byte[]> _dummyHash;
    private int _queued;

    public Argon2PasswordHasher(IOptions<PasswordOptions> options)
    {
        Sodium.EnsureInitialized();
        var o = options.Value;
        _opsLimit = (ulong)o.Iterations;
        _memLimit = (nuint)o.MemoryKib * 1024;
        _queueTimeout = TimeSpan.FromMilliseconds(o.QueueTimeoutMs);
        _maxQueued = o.MaxQueuedHashes;
        _slots = new SemaphoreSlim(o.MaxConcurrentHashes, o.MaxConcurrentHashes);

        // Made with the current parameters, so verifying an unknown account costs what a real one does.
        _dummyHash = new Lazy<byte[]>(() => HashToNullTerminated(RandomNumberGenerator.GetHexString(32)));
    }

    public async Task<string> HashAsync(string password, CancellationToken ct)
    {
        await AcquireSlotAsync(ct);
        try
        {
            var hash = await Task.Run(() => HashToNullTerminated(password), ct);
            return Encoding.ASCII.GetString(hash, 0, hash.Length - 1);
        }
        finally
        {
            _slots.Release();
        }
    }

    public async Task<PasswordVerification> VerifyAsync(string hash, string password, CancellationToken ct)
    {
        if (ToNullTerminatedAscii(hash) is not { } hashBytes)
        {
            return PasswordVerification.Failed;
        }

        await AcquireSlotAsync(ct);
        try
        {
            var ok = await Task.Run(() => Verify(hashBytes, password), ct);
            if (!ok)
            {
                return PasswordVerification.Failed;
            }

            return NeedsRehash(hash, hashBytes) ? PasswordVerification.SucceededRehashNeeded : PasswordVerification.Succeeded;
        }
        finally
        {
            _slots.Release();
        }
    }

    public async Task VerifyDummyAsync(string password, CancellationToken ct)
    {
        await AcquireSlotAsync(ct);
        try
        {
            await Task.Run(() => Verify(_dummyHash.Value, password), ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>Makes the dummy hash now (at host start), so the first unknown-account login costs no more than others.</summary>
    internal Task WarmUpAsync(CancellationToken ct) => Task.Run(() => _ = _dummyHash.Value, ct);

    private async Task AcquireSlotAsync(CancellationToken ct)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return;
        }

        try
        {
            if (Interlocked.Increment(ref _queued) > _maxQueued || !await _slots.WaitAsync(_queueTimeout, ct))
            {
                throw new CapacityExceededException("Too many password hashes are in progress.")
                {
                    RetryAfter = TimeSpan.FromSeconds(1),
                };
            }
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    private byte[] HashToNullTerminated(string password)
    {
        var output = new byte[Sodium.HashStringBytes];
        var rc = WithUtf8(password, (pw, length) =>
            Sodium.PwhashStrAlg(output, pw, length, _opsLimit, _memLimit, Sodium.AlgorithmArgon2id13));
        if (rc != 0)
        {
            // Only fails when the process cannot get the memory; not a caller error.
            throw new InvalidOperationException("Argon2id hashing failed (out of memory?).");
        }

        var end = Array.IndexOf(output, (byte)0);
        return output.AsSpan(0, end + 1).ToArray();
    }

    private static bool Verify(byte[] hash, string password) =>
        WithUtf8(password, (pw, length) => Sodium.PwhashStrVerify(hash, pw, length)) == 0;

    /// <summary>
    /// libsodium compares only m and t; we also want hashes of other variants or parallelism
    /// (argon2-cffi's p=4, argon2i) moved to our own format on the next login.
    /// </summary>
    private bool NeedsRehash(string hash, byte[] hashBytes) =>
        !hash.StartsWith(CurrentPrefix, StringComparison.Ordinal)
        || !hash.Contains(",p=1$", StringComparison.Ordinal)
        || Sodium.PwhashStrNeedsRehash(hashBytes, _opsLimit, _memLimit) != 0;

    /// <summary>Passes the password's UTF-8 bytes in a pooled buffer that is wiped afterwards.</summary>
    private static int WithUtf8(string password, Utf8Call call)
    {
        // At least one byte, so the native side never sees a null pointer for an empty password.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(password.Length)));
        try
        {
            var length = Encoding.UTF8.GetBytes(password, buffer);
            return call(buffer, (ulong)length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[]? ToNullTerminatedAscii(string hash)
    {
        if (hash.Length is 0 or > MaxHashStringLength || !Ascii.IsValid(hash) || hash.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = new byte[hash.Length + 1];
        Encoding.ASCII.GetBytes(hash, bytes);
        return bytes;
    }

    private delegate int Utf8Call(ReadOnlySpan<byte> password, ulong length);
}
