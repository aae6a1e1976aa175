namespace AuthService.Integration.Tests.Browser;

/// <summary>
/// What a web app's sign-in page does with our routes: fetch options, hand them to
/// navigator.credentials, post what the browser returns (PublicKeyCredential.toJSON()).
/// Each function answers {status, body, credential} so the test can assert on it.
/// </summary>
internal static class PasskeyPage
{
    public const string Html = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>passkeys</title></head><body>
        <script>
        async function call(path, body, token) {
          const headers = { 'content-type': 'application/json' };
          if (token) headers.authorization = 'Bearer ' + token;
          const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
          return { status: response.status, body: await response.json().catch(() => null) };
        }
        async function create(options) {
          const credential = await navigator.credentials.create(
            { publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey) });
          return credential.toJSON();
        }
        async function get(options) {
          const credential = await navigator.credentials.get(
            { publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey) });
          return credential.toJSON();
        }
        window.authservice = {
          call,
          async register(token, name) {
            const options = await call('/api/v1/users/me/passkeys/options', {}, token);
            if (options.status !== 200) return options;
            const credential = await create(options.body);
            return { ...(await call('/api/v1/users/me/passkeys', { credential, name }, token)), credential };
          },
          async signIn(email) {
            const options = await call('/api/v1/auth/passkey/options', email ? { email } : {});
            if (options.status !== 200) return options;
            const credential = await get(options.body);
            return { ...(await call('/api/v1/auth/passkey/verify', { credential })), credential };
          },
          async secondFactor(mfaToken) {
            const options = await call('/api/v1/auth/mfa/passkey/options', { mfa_token: mfaToken });
            if (options.status !== 200) return options;
            const credential = await get(options.body);
            return { ...(await call('/api/v1/auth/mfa/passkey/verify', { mfa_token: mfaToken, credential })), credential };
          },
        };
        </script></body></html>
        """;
}
