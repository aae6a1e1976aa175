namespace AuthService.Application.OAuth;

/// <summary>Why a browser was sent to the provider: to sign in, or to link to the signed-in account.</summary>
public enum OAuthIntent
{
    Login,
    Link,
}

public static class OAuthIntents
{
    /// <summary>The <c>intent</c> query value (absent means login); null when it is neither.</summary>
    public static OAuthIntent? Parse(string? value) => value switch
    {
        null or "" or "login" => OAuthIntent.Login,
        "link" => OAuthIntent.Link,
        _ => null,
    };
}
