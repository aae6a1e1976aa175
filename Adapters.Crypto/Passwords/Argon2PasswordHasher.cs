using System.Buffers;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AuthService.Application.Abstractions;
using AuthService.Application.Common;
using Geralt;
using Microsoft.Extensions.Options;

namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// Argon2id in PHC string format through libsodium (Geralt, with the native library from the
/// NuGet package; a managed Argon2 was measured 4.7-4.8x slower, see the README). Each hash costs tens of MiB and milliseconds
/// of CPU, so a semaphore bounds how many run at once, on threads of their own at a lower priority
/// than request threads (<see cref="HashingThreads"/>). A login flood queues (up to
/// <c>MAX_QUEUED_HASHES</c> waiting, each for at most <c>QUEUE_TIMEOUT_MS</c>), then gets
/// <see cref="CapacityExceededException"/> instead of exhausting memory or every core.
/// </summary>
internal sealed class Argon2PasswordHasher : IPasswordHasher, IDisposable
{
    private const string CurrentPrefix = "$argon2id$v=19$";
    private const int MaxHashStringLength = 512;

    private readonly SemaphoreSlim _slots;
    private readonly HashingThreads _threads;
    private readonly TimeSpan _queueTimeout;
    private readonly int _maxQueued;
    private readonly int _iterations;
    private readonly int _memoryBytes;
    private readonly Lazy<string> _dummyHash;
    private int _queued;

    public Argon2PasswordHasher(IOptions<PasswordOptions> options)
    {
        var o = options.Value;
        _iterations = o.Iterations;
        _memoryBytes = checked(o.MemoryKib * 1024);
        _queueTimeout = TimeSpan.FromMilliseconds(o.QueueTimeoutMs);
        _maxQueued = o.MaxQueuedHashes;
        _slots = new SemaphoreSlim(o.MaxConcurrentHashes, o.MaxConcurrentHashes);
        _threads = new HashingThreads(o.MaxConcurrentHashes);

        // Made with the current parameters, so verifying an unknown account costs what a real one does.
        _dummyHash = new Lazy<string>(() => Hash(RandomNumberGenerator.GetHexString(32)));
    }

    public async Task<string> HashAsync(string password, CancellationToken ct)
    {
        await AcquireSlotAsync(ct);
        try
        {
            return await _threads.RunAsync(() => Hash(password), ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public async Task<PasswordVerification> VerifyAsync(string hash, string password, CancellationToken ct)
    {
        if (!IsPlausibleHash(hash))
        {
            return PasswordVerification.Failed;
        }

        await AcquireSlotAsync(ct);
        try
        {
            var ok = await _threads.RunAsync(() => Verify(hash, password), ct);
            if (!ok)
            {
                return PasswordVerification.Failed;
            }

            return NeedsRehash(hash) ? PasswordVerification.SucceededRehashNeeded : PasswordVerification.Succeeded;
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
            await _threads.RunAsync(() => Verify(_dummyHash.Value, password), ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public bool IsSaturated => _slots.CurrentCount == 0 && Volatile.Read(ref _queued) >= _maxQueued;

    public void Dispose()
    {
        _threads.Dispose();
        _slots.Dispose();
    }

    /// <summary>Makes the dummy hash now (at host start), so the first unknown-account login costs no more than others.</summary>
    internal Task WarmUpAsync(CancellationToken ct) => Task.Run(() => _ = _dummyHash.Value, ct);

    private async Task AcquireSlotAsync(CancellationToken ct)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            AuthMetrics.HashStartedAtOnce();
            return;
        }

        var queuedAt = Stopwatch.GetTimestamp();
        AuthMetrics.HashQueued();
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
            AuthMetrics.HashDequeued(Stopwatch.GetElapsedTime(queuedAt));
        }
    }

    private string Hash(string password)
    {
        var output = new char[Argon2id.HashSize];
        WithUtf8(password, pw =>
        {
            Argon2id.ComputeHash(output, pw, _iterations, _memoryBytes);
            return true;
        });

        // The PHC string is followed by NUL padding up to HashSize.
        var end = Array.IndexOf(output, '\0');
        return new string(output, 0, end < 0 ? output.Length : end);
    }

    /// <summary>A malformed stored hash is a failed verification, never an exception.</summary>
    private static bool Verify(string hash, string password)
    {
        try
        {
            return WithUtf8(password, pw => Argon2id.VerifyHash(hash, pw));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// libsodium compares only m and t; we also want hashes of other parallelism (argon2-cffi's
    /// p=4) moved to our own format on the next login.
    /// </summary>
    private bool NeedsRehash(string hash) =>
        !hash.StartsWith(CurrentPrefix, StringComparison.Ordinal)
        || !hash.Contains(",p=1$", StringComparison.Ordinal)
        || Argon2id.NeedsRehash(hash, _iterations, _memoryBytes);

    /// <summary>Passes the password's UTF-8 bytes in a pooled buffer that is wiped afterwards.</summary>
    private static bool WithUtf8(string password, Utf8Call call)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(password.Length)));
        try
        {
            var length = Encoding.UTF8.GetBytes(password, buffer);
            return call(buffer.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsPlausibleHash(string hash) =>
        hash.Length is > 0 and <= MaxHashStringLength && Ascii.IsValid(hash) && !hash.Contains('\0', StringComparison.Ordinal);

    private delegate bool Utf8Call(ReadOnlySpan<byte> password);
}
