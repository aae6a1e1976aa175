namespace AuthService.Application.OAuth;

/// <summary>Why a browser was sent to the provider: to sign in, or to link to the signed-in account.</summary>
public enum OAuthIntent
{
    Login,
    Link,
}
