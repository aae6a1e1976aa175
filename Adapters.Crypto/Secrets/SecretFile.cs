namespace AuthService.Adapters.Crypto.Secrets;

/// <summary>
/// Key material from its variable or, in a development setup that keeps signing keys in a folder
/// (JWT__SIGNING_KEYS_DIR), from a file generated once beside them, readable by the service's user
/// only (mode 600). A generated file holds text, so its content can later be moved into the
/// variable and everything made with it stays valid.
/// </summary>
internal static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The variable's value when it is set (<paramref name="configured"/> not null), else the
    /// generated file's (trimmed). A failure names the variable (never the value) in <paramref name="error"/>.
    /// </summary>
    /// <param name="requirement">What a valid value is, for the message ("at least 32 characters").</param>
    public static bool TryRead(
        string variable,
        string requirement,
        string? configured,
        string? keysDir,
        string fileName,
        Func<string> generate,
        Func<string, bool> isValid,
        out string text,
        out string error)
    {
        (text, error) = (configured ?? string.Empty, string.Empty);
        if (configured is not null)
        {
            error = isValid(text) ? string.Empty : $"{variable} must be {requirement}.";
            return error.Length == 0;
        }

        if (string.IsNullOrWhiteSpace(keysDir))
        {
            error = $"{variable} is required ({requirement}), or set JWT__SIGNING_KEYS_DIR to keep a generated one there.";
            return false;
        }

        var path = Path.Combine(keysDir, fileName);
        try
        {
            TryCreate(path, generate());
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{variable} is not set and {path} (under JWT__SIGNING_KEYS_DIR) cannot be used: {e.Message}";
            return false;
        }

        error = isValid(text) ? string.Empty : $"{variable} is not set and {path} (under JWT__SIGNING_KEYS_DIR) does not hold {requirement}.";
        return error.Length == 0;
    }

    /// <summary>Creates the file only if it does not exist; false when another process won the race.</summary>
    public static bool TryCreate(string path, string content)
    {
        var directory = Path.GetDirectoryName(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        else
        {
            if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
            }

            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(content);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }
}
