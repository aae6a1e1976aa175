// The Argon2id ceiling: raw libsodium Argon2id hashes per second on this
// machine with the service's parameters, on all cores, through the same
// call the service makes (Geralt's Argon2id.ComputeHash, libsodium from the
// NuGet package). Also measures, on one core each, the service's Argon2id and
// ASP.NET Core Identity's PasswordHasher (read back from the hash it produces),
// so the results can normalise login throughput by hash cost, and the managed
// Isopoh.Cryptography.Argon2 the design card names beside libsodium (rate,
// managed allocation and gen-2 collections per hash, peak RSS of two hashes
// at once, each in a process of its own), which is why the service does not use it.
//
//   dotnet Argon2Ceiling.dll [--seconds N] [--single-seconds N] [--threads N] [--no-isopoh]
//
// Parameters: PASSWORD__ARGON2_MEMORY_KIB (default 19456), PASSWORD__ARGON2_ITERATIONS (default 2).
// Prints one JSON object on stdout.
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Geralt;
using Isopoh.Cryptography.Argon2;
using Microsoft.AspNetCore.Identity;

var seconds = ArgDouble("--seconds", 10);
var singleSeconds = ArgDouble("--single-seconds", 3);
var threads = (int)ArgDouble("--threads", Environment.ProcessorCount);
var memKib = EnvInt("PASSWORD__ARGON2_MEMORY_KIB", 19456);
var iterations = EnvInt("PASSWORD__ARGON2_ITERATIONS", 2);

if (Array.IndexOf(args, "--peak-rss") is var peak and >= 0)
{
    // Child mode: two hashes at once with one library, then this process's peak RSS in MiB.
    var library = args[peak + 1];
    Parallel.For(0, 2, _ => HashWith(library, "Bench-Passw0rd-2026!", iterations, memKib));
    Console.WriteLine(Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024));
    return 0;
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
        ["library"] = "libsodium (Geralt " + typeof(Argon2id).Assembly.GetName().Version + ")",
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
if (Array.IndexOf(args, "--no-isopoh") < 0)
{
    result["isopoh_vs_libsodium"] = new Dictionary<string, object>
    {
        ["libsodium"] = Profile("libsodium", singleSeconds, iterations, memKib),
        ["isopoh"] = Profile("isopoh", singleSeconds, iterations, memKib),
    };
}

Console.WriteLine(JsonSerializer.Serialize(result));
return 0;

static string Argon2Hash(byte[] password, int opslimit, int memKib)
{
    var buf = new char[Argon2id.HashSize];
    Argon2id.ComputeHash(buf, password, opslimit, memKib * 1024);
    var end = Array.IndexOf(buf, '\0');
    return new string(buf, 0, end < 0 ? buf.Length : end);
}

static string HashWith(string library, string password, int iterations, int memKib) => library == "isopoh"
    ? Argon2.Hash(password, timeCost: iterations, memoryCost: memKib, parallelism: 1, type: Argon2Type.HybridAddressing)
    : Argon2Hash(Encoding.UTF8.GetBytes(password), iterations, memKib);

// One core: hashes per second, managed bytes allocated and gen-2 collections per hash, and
// the peak RSS of a fresh process making two hashes at once.
static Dictionary<string, object> Profile(string library, double seconds, int iterations, int memKib)
{
    HashWith(library, "warm-up", iterations, memKib);
    var gen2 = GC.CollectionCount(2);
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var measured = RunOnThreads(1, Math.Max(seconds, 2), () => HashWith(library, "Bench-Passw0rd-2026!", iterations, memKib));
    return new Dictionary<string, object>
    {
        ["hashes"] = measured.Count,
        ["single_core_hashes_per_sec"] = measured.PerSec,
        ["ms_per_hash"] = 1000 / measured.PerSec,
        ["managed_mib_allocated_per_hash"] = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024) / Math.Max(1, measured.Count),
        ["gen2_collections_per_hash"] = (GC.CollectionCount(2) - gen2) / (double)Math.Max(1, measured.Count),
        ["peak_rss_mib_two_parallel_hashes"] = PeakRss(library),
    };
}

static double PeakRss(string library)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (!Environment.ProcessPath!.EndsWith("Argon2Ceiling", StringComparison.Ordinal))
    {
        start.ArgumentList.Add(typeof(Measured).Assembly.Location);
    }

    start.ArgumentList.Add("--peak-rss");
    start.ArgumentList.Add(library);
    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    return Math.Round(double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture), 1);
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
