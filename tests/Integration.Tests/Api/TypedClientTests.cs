using System.Diagnostics;

namespace AuthService.Integration.Tests.Api;

/// <summary>
/// The TypeScript client typed from docs/openapi/public.json (tests/client, compiled by
/// scripts/check-api-docs.sh in ./test.sh) runs against the real service: the generated
/// types compile and the answers they describe are the answers the server gives.
/// </summary>
public sealed class TypedClientTests(AuthServiceApp app) : IClassFixture<AuthServiceApp>
{
    [Fact]
    public async Task GeneratedClient_RegistersLogsInListsSessionsRefreshesAndLogsOut()
    {
        var script = Path.Combine(OpenApiDocumentTests.RepositoryRoot(), ".test-data", "client", "out", "client.js");
        Assert.True(File.Exists(script), $"{script} is missing: ./test.sh compiles it (scripts/check-api-docs.sh) before the tests run.");

        var start = new ProcessStartInfo("node", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["AUTHSERVICE_URL"] = $"http://127.0.0.1:{app.PublicPort}",
                ["MAILDEV_URL"] = TestServices.MaildevUrl,
                ["CLIENT_EMAIL"] = ApiClient.NewEmail(),
            },
        };
        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"the typed client failed: {await errors}\n{await output}");
        Assert.Equal(
            ["register 201 email", "verify 200", $"login 200 Bearer", "sessions 200 1 typed client true", "refresh 200 true true", "logout 204"],
            (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Trim));
    }

    // The login line carries the email and "date" (created_at parsed as a date); keep the stable part.
    private static string Trim(string line) =>
        line.StartsWith("login 200 Bearer ", StringComparison.Ordinal) && line.EndsWith(" date", StringComparison.Ordinal) ? "login 200 Bearer" : line;
}
