// Compares, against one Redis, the service's fixed-window Lua script (Adapters.Redis/RedisRateLimiter)
// with RedisRateLimiting 1.2.1's RedisFixedWindowRateLimiter, both over StackExchange.Redis 3.4.35:
// hits per second one at a time and 64 at a time, then what each does when Redis is unreachable.
//   dotnet run -c Release --project bench/rate-limiter -- 127.0.0.1:6390 30000
using System.Diagnostics;
using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

var url = args[0];
var n = int.Parse(args[1]);
var mux = await ConnectionMultiplexer.ConnectAsync(url + ",abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000");
var db = mux.GetDatabase();

const string Script = """
    local count = redis.call('INCR', KEYS[1])
    if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
      redis.call('PEXPIRE', KEYS[1], ARGV[1])
    end
    return count
    """;

async Task<long> Lua(string key) => (long)await db.ScriptEvaluateAsync(Script, [key], [61000]);

var limiters = new System.Collections.Concurrent.ConcurrentDictionary<string, RedisFixedWindowRateLimiter<string>>();
RedisFixedWindowRateLimiter<string> Limiter(string key) => limiters.GetOrAdd(key, k => new RedisFixedWindowRateLimiter<string>(k,
    new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => mux, PermitLimit = 1_000_000, Window = TimeSpan.FromMinutes(1) }));

async Task<bool> Rrl(string key) { using var lease = await Limiter(key).AcquireAsync(1); return lease.IsAcquired; }

foreach (var conc in new[] { 1, 64 })
{
    foreach (var (name, f) in new (string, Func<string, Task>)[] { ("RedisRateLimiting", k => Rrl(k)), ("lua", k => Lua(k)), ("RedisRateLimiting", k => Rrl(k)), ("lua", k => Lua(k)) })
    {
        for (var w = 0; w < 2; w++)
        {
            var sw = Stopwatch.StartNew();
            var per = n / conc;
            await Task.WhenAll(Enumerable.Range(0, conc).Select(async t => { for (var i = 0; i < per; i++) await f("bench:" + name + ":" + (i % 100)); }));
            if (w == 1) Console.WriteLine($"{name} c={conc}: {per * conc / sw.Elapsed.TotalSeconds:F0} ops/s, {sw.Elapsed.TotalMicroseconds / (per * conc) * conc:F0} us/op latency");
        }
    }
}

// Outage: a multiplexer to a closed port.
var dead = await ConnectionMultiplexer.ConnectAsync("127.0.0.1:1,abortConnect=false,connectTimeout=500,syncTimeout=500,asyncTimeout=500");
var deadLimiter = new RedisFixedWindowRateLimiter<string>("x", new RedisFixedWindowRateLimiterOptions { ConnectionMultiplexerFactory = () => dead, PermitLimit = 5, Window = TimeSpan.FromMinutes(1) });
try { using var lease = await deadLimiter.AcquireAsync(1); Console.WriteLine($"outage: acquired={lease.IsAcquired}"); }
catch (Exception e) { Console.WriteLine($"outage: throws {e.GetType().Name}: {e.Message.Split('\n')[0]}"); }
