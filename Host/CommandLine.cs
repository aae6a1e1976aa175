using AuthService.Adapters.Postgres;
using AuthService.Application.Admin;
using AuthService.Application.Common;
using AuthService.Application.ServiceKeys;

namespace AuthService.Host;

/// <summary>
/// Verbs that run once and exit: <c>migrate</c> (with <c>--list</c>: what is applied and
/// what is pending, changing nothing); <c>create-admin --email E</c> with the
/// password read from ADMIN_PASSWORD or standard input (never from the command line, where
/// it would sit in the shell history and the process list); and <c>create-service-key --name N
/// [--service S]</c>, which prints a new service key (alone on standard output, for scripts).
/// </summary>
internal static class CommandLine
{
    public static bool IsVerb(string arg) => arg is "migrate" or "create-admin" or "create-service-key";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args[0] == "migrate" && args.Contains("--list"))
        {
            return await ListMigrationsAsync(app);
        }

        var applied = await app.Services.MigrateDatabaseAsync(CancellationToken.None);
        app.Logger.LogInformation("Migrations applied: {Count}", applied.Count);
        if (args[0] == "migrate")
        {
            return 0;
        }

        if (args[0] == "create-service-key")
        {
            return await CreateServiceKeyAsync(app, args);
        }

        var email = Option(args, "--email");
        var password = Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? Console.In.ReadLine();
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --email ADDRESS  (password from ADMIN_PASSWORD or stdin)");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICreateAdmin>().ExecuteAsync(email, password, CancellationToken.None);
        if (!result.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"create-admin: {result.Error!.Message} {string.Join("; ", result.Error.Fields?.Select(f => $"{f.Key} {string.Join(", ", f.Value)}") ?? [])}");
            return 1;
        }

        await Console.Out.WriteLineAsync(result.Value.Summary);
        return 0;
    }

    private static async Task<int> ListMigrationsAsync(WebApplication app)
    {
        foreach (var m in await app.Services.ListMigrationsAsync(CancellationToken.None))
        {
            var state = m.Applied ? $"applied {m.AppliedOn:yyyy-MM-dd HH:mm:ss}" : "pending";
            await Console.Out.WriteLineAsync($"{m.Version:D4}  {m.Description,-32}  {state}");
        }

        return 0;
    }

    private static async Task<int> CreateServiceKeyAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var command = new CreateServiceKeyCommand(Option(args, "--name"), Option(args, "--service"), null, new ClientInfo(null, "cli", null));
        var result = await scope.ServiceProvider.GetRequiredService<ICreateServiceKey>().ExecuteAsync(null, command, CancellationToken.None);
        if (!result.IsSuccess)
        {
            await Console.Error.WriteLineAsync(
                $"create-service-key: {string.Join("; ", result.Error!.Fields?.Select(f => $"{f.Key} {string.Join(", ", f.Value)}") ?? [result.Error.Message])}"
                + " (usage: create-service-key --name NAME [--service CODE])");
            return 1;
        }

        await Console.Out.WriteLineAsync(result.Value.Key);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
