namespace AuthService.Adapters.Http.OpenApi;

/// <summary>The prose of the documents: introductions and one description per tag.</summary>
internal static class DocumentText
{
    public static readonly string PublicIntro = $"""
        AuthService is the identity service of the platform: it registers users, signs them in
        (password, one-time code, OAuth/OpenID Connect providers), keeps their sessions and API keys,
        and issues the access tokens that every other service verifies.

        **Listeners.** This document describes the public listener (`127.0.0.1:8001` under `./run.sh`).
        Operators use the admin listener ([127.0.0.1:8002/docs](http://127.0.0.1:8002/docs) under
        `./run.sh`), which serves its own document at `/openapi/admin.json`.

        **Tokens.** Sign-in answers a token response: an `access_token` (an ES256 JWT, 15 minutes,
        verifiable offline with `/.well-known/jwks.json`) and an opaque `refresh_token` (30 days) that
        `POST /api/v1/auth/refresh` rotates on every use. Send the access token as
        `Authorization: Bearer <access_token>`; the padlock on an operation says which schemes it takes.

        **Requests.** JSON bodies (`Content-Type: application/json`, at most 64 KiB), `snake_case` fields,
        RFC 3339 UTC timestamps, UUIDv7 ids. Every response carries `X-Request-ID`.

        **Errors.** Every error has the same envelope (`ErrorEnvelope`), whatever layer produced it; each
        operation lists its statuses with the codes they carry. A wrong method on an existing path is
        `405 METHOD_NOT_ALLOWED` with an `Allow` header; 429, 423 and 503 carry `Retry-After`.

        {ErrorCatalog.Table()}
        """;

    public const string AdminIntro = """
        The operator API of AuthService, served only on the admin listener (`127.0.0.1:8002` under
        `./run.sh`); its paths answer 404 on the public listener, whose API is described at
        [127.0.0.1:8001/docs](http://127.0.0.1:8001/docs). Every `/api/v1/admin` call needs the
        access token of a user with the `admin` role (`Authorization: Bearer <access_token>`): make one
        with `dotnet run --project Host -c Release -- create-admin --email ops@example.com`, sign in on
        the public listener (`POST /api/v1/auth/login`), then use **Authorize** here.

        The health probes and `/metrics` are served here as well. Errors use the same envelope as the
        public API (`ErrorEnvelope`).
        """;

    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Authentication"] = "Register, verify an email or phone with a 6-digit code, sign in with a password or a one-time code, rotate the refresh token, sign out, reset a forgotten password.",
        ["Sessions"] = "The signed-in user's sessions (one per sign-in): list them, revoke one, or revoke all but the current one.",
        ["OAuth"] = "Sign in with an OpenID Connect provider or GitHub: the browser redirect flow (authorize, callback, exchange) or the code-exchange flow for apps that run PKCE themselves.",
        ["Identities"] = "The ways the signed-in user can sign in: linked provider accounts and the password.",
        ["Current user"] = "The signed-in user's profile, password and account.",
        ["API keys"] = "Long-lived keys a user makes for scripts and servers; a key is shown once and sent as `X-API-Key`.",
        ["Plans and quotas"] = "Plans, metered services, the caller's usage, and introspection for downstream services.",
        ["Health"] = "Liveness and readiness probes for orchestrators and load balancers.",
        ["Keys"] = "The public keys that verify access tokens.",
        ["Admin"] = "Operator routes: search and manage users, roles, plans and sessions; read the audit log and statistics.",
        ["Second factor"] = "TOTP and recovery codes: enrolment, and the step that finishes a sign-in (403 MFA_REQUIRED, then POST /api/v1/auth/mfa/verify with its mfa_token).",
        ["MFA"] = "Second factors: TOTP, recovery codes and passkeys, and the step that finishes a sign-in with them.",
        ["Passkeys"] = "WebAuthn passkeys: sign-in without a password and management of registered passkeys.",
        ["Discovery"] = "Metadata for token validators: OpenID Connect discovery and OAuth authorization server metadata.",
        ["Webhooks"] = "Signed notifications of auth events to subscribed endpoints.",
        ["Admin: service keys"] = "Keys for downstream services that call introspection (scope `introspect`), issued only here.",
        ["Invites"] = "Invitations for invite-only registration.",
        ["Settings"] = "Settings that apply to every instance within seconds, without a restart.",
        ["Metrics"] = "Prometheus metrics.",
    };
}
