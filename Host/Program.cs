using AuthService.Host;

try
{
    await ServiceHost.RunAsync(args);
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } reason)
{
    // A bad or missing setting stops the process with one line naming the variable, not a stack trace.
    await Console.Error.WriteLineAsync("authservice: cannot start: " + reason);
    Environment.ExitCode = 1;
}

/// <summary>Entry point type, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
