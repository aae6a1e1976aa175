namespace AuthService.Integration.Tests.OAuth;

/// <summary>Where ./test.sh started the OpenID provider and the GitHub stand-in (tests/oidc).</summary>
public static class OidcTestServices
{
    public static string Issuer => Require("TEST_OIDC_ISSUER");

    public static string ClientId => Environment.GetEnvironmentVariable("TEST_OIDC_CLIENT_ID") is { Length: > 0 } id ? id : "authservice-test";

    public static string ClientSecret =>
        Environment.GetEnvironmentVariable("TEST_OIDC_CLIENT_SECRET") is { Length: > 0 } secret
            ? secret
            : "authservice-test-secret-0123456789abcdef";

    public static string GitHubUrl => Require("TEST_GITHUB_URL");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value.TrimEnd('/')
            : throw new InvalidOperationException(
                $"{name} is not set. The OAuth integration tests drive a real OpenID provider (tests/oidc, the npm " +
                "package oidc-provider) and a GitHub stand-in: run ./test.sh, which starts both and exports " +
                "TEST_OIDC_ISSUER, TEST_OIDC_CLIENT_ID, TEST_OIDC_CLIENT_SECRET and TEST_GITHUB_URL " +
                "(or start them with: node tests/oidc/server.js).");
}
