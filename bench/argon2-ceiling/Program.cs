// The Argon2id ceiling: raw libsodium Argon2id hashes per second on this
// machine with the service's parameters, on all cores, through the same
// function the service calls (crypto_pwhash_str_alg, Debian's libsodium23).
// Also measures, on one core each, the service's Argon2id and ASP.NET Core
// Identity's PasswordHasher (read back from the hash it produces), so the
// results can normalise login throughput by hash cost.
//
//   dotnet Argon2Ceiling.dll [--seconds N] [--single-seconds N] [--threads N]
//
// Parameters: PASSWORD__ARGON2_MEMORY_KIB (default 19456), PASSWORD__ARGON2_ITERATIONS (default 2).
// Prints one JSON object on stdout.
using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

var seconds = ArgDouble("--seconds", 10);
var singleSeconds = ArgDouble("--single-seconds", 3);
var threads = (int)ArgDouble("--threads", Environment.ProcessorCount);
var memKib = EnvInt("PASSWORD__ARGON2_MEMORY_KIB", 19456);
var iterations = EnvInt("PASSWORD__ARGON2_ITERATIONS", 2);

if (Sodium.sodium_init() < 0)
{
    Console.Error.WriteLine("sodium_init failed");
    return 1;
}

var password = Encoding.UTF8.GetBytes("Bench-Passw0rd-2026!");
var sample = Argon2Hash(password, iterations, memKib);

// Warm-up: one hash per thread.
Parallel.For(0, threads, _ => Argon2Hash(password, iterations, memKib));

var ceiling = RunOnThreads(threads, seconds, () => Argon2Hash(password, iterations, memKib));
var argonSingle = RunOnThreads(1, singleSeconds, () => Argon2Hash(password, iterations, memKib));

var hasher = new PasswordHasher<object>();
var identityHash = hasher.HashPassword(new object(), "Bench-Passw0rd-2026!");
var (prf, iterCount) = DecodeIdentityV3(identityHash);
var pbkdf2Single = RunOnThreads(1, singleSeconds, () => hasher.HashPassword(new object(), "Bench-Passw0rd-2026!"));

var result = new Dictionary<string, object>
{
    ["cores"] = Environment.ProcessorCount,
    ["argon2id"] = new Dictionary<string, object>
    {
        ["library"] = "libsodium " + Marshal.PtrToStringAnsi(Sodium.sodium_version_string()),
        ["memory_kib"] = memKib,
        ["iterations"] = iterations,
        ["parallelism"] = 1,
        ["phc_prefix"] = string.Join('$', sample.Split('$')[..4]),
        ["threads"] = threads,
        ["seconds"] = ceiling.Seconds,
        ["hashes"] = ceiling.Count,
        ["hashes_per_sec"] = ceiling.PerSec,
        ["single_core_hashes_per_sec"] = argonSingle.PerSec,
    },
    ["identity_pbkdf2"] = new Dictionary<string, object>
    {
        ["format"] = "ASP.NET Core Identity PasswordHasher V3",
        ["prf"] = prf,
        ["iterations"] = iterCount,
        ["single_core_hashes_per_sec"] = pbkdf2Single.PerSec,
    },
};
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;

static string Argon2Hash(byte[] password, int opslimit, int memKib)
{
    var buf = new byte[128];
    var rc = Sodium.crypto_pwhash_str_alg(buf, password, (ulong)password.Length, (ulong)opslimit,
        (nuint)((long)memKib * 1024), Sodium.AlgArgon2id13);
    if (rc != 0)
    {
        throw new InvalidOperationException("crypto_pwhash_str_alg failed (out of memory?)");
    }
    return Encoding.ASCII.GetString(buf, 0, Array.IndexOf(buf, (byte)0));
}

static Measured RunOnThreads(int threads, double seconds, Action work)
{
    var counts = new long[threads];
    var sw = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(seconds);
    var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
    {
        long n = 0;
        while (sw.Elapsed < deadline)
        {
            work();
            n++;
        }
        counts[i] = n;
    }) { IsBackground = true }).ToList();
    workers.ForEach(t => t.Start());
    workers.ForEach(t => t.Join());
    var elapsed = sw.Elapsed.TotalSeconds;
    var total = counts.Sum();
    return new Measured(total, elapsed, total / elapsed);
}

static (string Prf, int Iterations) DecodeIdentityV3(string hash)
{
    var bytes = Convert.FromBase64String(hash);
    if (bytes[0] != 0x01)
    {
        return ("unknown (format marker " + bytes[0] + ")", 0);
    }
    var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) switch
    {
        0 => "HMAC-SHA1",
        1 => "HMAC-SHA256",
        2 => "HMAC-SHA512",
        var other => "prf#" + other,
    };
    return ("PBKDF2-" + prf, (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
}

double ArgDouble(string name, double fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

static int EnvInt(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

internal readonly record struct Measured(long Count, double Seconds, double PerSec);

internal static partial class Sodium
{
    public const int AlgArgon2id13 = 2;

    [LibraryImport("libsodium.so.23")]
    public static partial int sodium_init();

    [LibraryImport("libsodium.so.23")]
    public static partial IntPtr sodium_version_string();

    [LibraryImport("libsodium.so.23")]
    public static partial int crypto_pwhash_str_alg(byte[] output, byte[] passwd, ulong passwdlen,
        ulong opslimit, nuint memlimit, int alg);
}
