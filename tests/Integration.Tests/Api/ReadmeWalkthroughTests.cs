using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AuthService.Integration.Tests.Api;

/// <summary>
/// The README's first-session walkthrough, pasted into bash as a newcomer would (curl, jq and the
/// mail catcher's REST API), against a live service: every step answers the status it shows.
/// </summary>
public sealed partial class ReadmeWalkthroughTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    [Fact]
    public async Task Walkthrough_RunsAsPasted_FromRegisterToLoggedOut()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("## A first session", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md has no '## A first session' section");
        var script = string.Join("\n", ShellBlock().Matches(readme[start..end]).Select(m => m.Groups[1].Value))
            .Replace("API=http://127.0.0.1:8001", $"API=http://127.0.0.1:{app.PublicPort}", StringComparison.Ordinal)
            .Replace("MAIL=http://127.0.0.1:1080", $"MAIL={TestServices.MaildevUrl}", StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{app.PublicPort}", script, StringComparison.Ordinal);

        var bash = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(bash)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        var statuses = HttpLine().Matches(await output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(
            statuses.SequenceEqual([201, 200, 200, 200, 200, 200, 204, 401, 401]),
            $"statuses {string.Join(", ", statuses)}\n{await output}\n{await errors}");
        Assert.Contains("SESSION_REVOKED", await output, StringComparison.Ordinal);
        Assert.Equal(0, process.ExitCode);
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("^HTTP ([0-9]{3})$", RegexOptions.Multiline)]
    private static partial Regex HttpLine();
}
