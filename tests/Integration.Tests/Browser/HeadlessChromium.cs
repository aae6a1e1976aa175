using System.Diagnostics;

namespace AuthService.Integration.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, with a throwaway profile, driven over the DevTools protocol.
/// ./test.sh installs it when missing; CHROMIUM_PATH points elsewhere.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, DevTools devTools)
    {
        _process = process;
        _profile = profile;
        DevTools = devTools;
    }

    public DevTools DevTools { get; }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium not found at {path}: ./test.sh installs Debian's chromium (or set CHROMIUM_PATH).");
        }

        var profile = Directory.CreateTempSubdirectory("authservice-chromium-").FullName;
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // --no-sandbox: root cannot use Chromium's sandbox, and containers often lack the user
        // namespaces it needs; this browser only ever opens the pages the test serves. The network
        // flags keep it from calling Google's services, which this machine's network refuses.
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Chromium writes the port and browser path it listens on to this file once it is ready.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Chromium did not start (exit code {(process.HasExited ? process.ExitCode : -1)}).");
            }

            await Task.Delay(50);
        }

        var lines = File.ReadAllLines(portFile);
        var devTools = await DevTools.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"));
        return new HeadlessChromium(process, profile, devTools);
    }

    /// <summary>A new tab; the DevTools session id that addresses it.</summary>
    public async Task<string> NewPageAsync()
    {
        var target = await DevTools.SendAsync("Target.createTarget", new { url = "about:blank" });
        var attached = await DevTools.SendAsync(
            "Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true });
        var session = attached.GetProperty("sessionId").GetString()!;
        await DevTools.SendAsync("Page.enable", null, session);
        return session;
    }

    public async Task NavigateAsync(string session, string url)
    {
        await DevTools.SendAsync("Page.navigate", new { url }, session);
        for (var i = 0; i < 200; i++)
        {
            var ready = await EvaluateAsync(session, "document.readyState === 'complete' && typeof window.authservice === 'object'");
            if (ready.ValueKind == JsonValueKind.True)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException($"The page {url} did not load.");
    }

    /// <summary>Evaluates an expression in the page, awaiting a promise, and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string session, string expression)
    {
        var result = await DevTools.SendAsync(
            "Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true }, session);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException("In the page: " + exception.GetRawText());
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DevTools.SendAsync("Browser.close");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }

        await DevTools.DisposeAsync();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
