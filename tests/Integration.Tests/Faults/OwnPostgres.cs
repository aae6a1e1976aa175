using System.Diagnostics;
using AuthService.Integration.Tests.Adapters;

namespace AuthService.Integration.Tests.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own, on a free port in a temporary folder, that the test may
/// kill and restart (the shared server of ./test.sh is never touched). Started the way
/// scripts/lib.sh starts one: initdb with trust on loopback, no Unix socket, durability off;
/// as root its tools run as the `postgres` user, which PostgreSQL requires.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "authservice-fault-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _bin = BinDir();

    private OwnPostgres()
    {
        Port = LoopbackPorts.Free();
    }

    public int Port { get; }

    public string Url => $"postgresql://postgres@127.0.0.1:{Port}/postgres";

    private string Data => Path.Combine(_dir, "data");

    public static async Task<OwnPostgres> StartAsync()
    {
        var pg = new OwnPostgres();
        Directory.CreateDirectory(pg._dir);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", pg._dir);
        }

        await pg.PgAsync("initdb", "-D", pg.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        // fsync off is safe here (the kernel keeps what a killed server wrote); synchronous_commit
        // stays on, or a kill would lose commits the service had already acknowledged.
        await File.AppendAllTextAsync(
            Path.Combine(pg.Data, "postgresql.conf"),
            "listen_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nfull_page_writes = off\n");
        await pg.StartAgainAsync();
        return pg;
    }

    /// <summary>Starts the stopped cluster and returns once it accepts connections.</summary>
    public Task StartAgainAsync() =>
        PgAsync("pg_ctl", "start", "-D", Data, "-l", Path.Combine(_dir, "postgres.log"), "-o", $"-p {Port}", "-w", "-t", "60");

    /// <summary>A crash as far as clients can tell: every backend is killed at once, no checkpoint.</summary>
    public Task KillAsync() => PgAsync("pg_ctl", "stop", "-D", Data, "-m", "immediate", "-w", "-t", "30");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        await RunAsync("rm", "-rf", _dir);
    }

    private Task PgAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    /// <summary>As scripts/lib.sh's pg_bindir: PG_BIN, else the newest /usr/lib/postgresql/*/bin.</summary>
    private static string BinDir()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        string[] versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var candidates = versions.Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0);
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found (set PG_BIN); ./test.sh installs them.");
    }
}
