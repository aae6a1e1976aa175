// Measures the breached-password screen: load time, size, and the cost of one lookup
// (lower-casing, hashing, binary search) over a mix of listed and unlisted passwords.
// Usage: dotnet bench/password-screen/bin/Release/net10.0/PasswordScreen.dll [lookups]
using System.Diagnostics;
using AuthService.Adapters.Crypto.Passwords;

var lookups = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000;
var path = BreachedPasswordFile.Find(Environment.GetEnvironmentVariable("PASSWORD__BREACHED_LIST_FILE"));

var started = Stopwatch.GetTimestamp();
var list = BreachedPasswordList.Load(path);
var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

string[] probes =
[
    "Password1234", "qwertyuiop123", "correct horse battery staple", "iloveyou12345", "Summer2024!!x",
    "plum orchard at dusk 71", "1234567890123", "letmein123456", "a sturdy walker passphrase 42", "QWERTYUIOP123",
];
var hits = 0;
for (var i = 0; i < 100_000; i++)
{
    hits += list.IsCommon(probes[i % probes.Length]) ? 1 : 0; // warm-up (JIT tiers)
}

started = Stopwatch.GetTimestamp();
hits = 0;
for (var i = 0; i < lookups; i++)
{
    hits += list.IsCommon(probes[i % probes.Length]) ? 1 : 0;
}

var elapsed = Stopwatch.GetElapsedTime(started);
Console.WriteLine(
    $"{{\"file\":\"{Path.GetFileName(path)}\",\"entries\":{list.Count},\"load_ms\":{loadMs:F0},"
    + $"\"lookups\":{lookups},\"ns_per_lookup\":{elapsed.TotalNanoseconds / lookups:F1},\"listed_share\":{(double)hits / lookups:F2}}}");
