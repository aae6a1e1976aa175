namespace AuthService.Application.OAuth;

/// <summary>The browser binding secret kept in the OAuth cookie: an opaque token of ours, nothing else.</summary>
public static class OAuthBrowserBinding
{
    /// <summary>
    /// A binding the browser already holds is reused, so two tabs signing in at once both finish;
    /// anything that is not 43 base64url characters (what <c>NewOpaqueToken</c> makes) is replaced.
    /// </summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
