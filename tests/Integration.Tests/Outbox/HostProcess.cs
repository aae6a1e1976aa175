using System.Diagnostics;
using System.Globalization;
using AuthService.Integration.Tests.Adapters;
using AuthService.Integration.Tests.Adapters.Crypto;

namespace AuthService.Integration.Tests.Outbox;

/// <summary>
/// The built service as its own process (AuthService.Host.dll beside the tests), so a test can
/// SIGKILL it or SIGTERM it like an orchestrator would.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, int publicPort)
    {
        _process = process;
        PublicPort = publicPort;
    }

    public int PublicPort { get; }

    public HttpClient Public() => new() { BaseAddress = new Uri($"http://127.0.0.1:{PublicPort}"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the service over <paramref name="connectionString"/> and returns once it answers /health/live.</summary>
    public static async Task<HostProcess> StartAsync(string connectionString, string keysDir, int smtpPort, params (string Key, string Value)[] extra)
    {
        var publicPort = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AuthService.Host.dll"));
        var environment = new Dictionary<string, string>
        {
            ["DATABASE__URL"] = connectionString,
            ["DATABASE__MIGRATE_ON_START"] = "true",
            ["REDIS__URL"] = TestServices.RedisUrl,
            ["REDIS__TIMEOUT_MS"] = "2000",
            ["SMTP__HOST"] = TestServices.SmtpHost,
            ["SMTP__PORT"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["JWT__SIGNING_KEYS_DIR"] = keysDir,
            ["CRYPTO__MASTER_KEY"] = CryptoSettings.MasterKey,
            ["AUTH__HMAC_SECRET"] = CryptoSettings.HmacSecret,
            ["RATE_LIMIT__ENABLED"] = "false",
            ["SERVER__PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
            ["SERVER__ADMIN_PORT"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, publicPort);
        await host.WaitUntilLiveAsync();
        return host;
    }

    /// <summary>What an OOM killer or a pulled plug does: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>What an orchestrator does first: SIGTERM, then wait for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan wait)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(wait);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var http = Public();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited at start with code {_process.ExitCode}.");
            }

            try
            {
                using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The service did not start within 60 s.");
    }
}
