// A real OpenID provider (the npm package oidc-provider) and a tiny GitHub stand-in, both on
// loopback, for AuthService's integration tests. No internet is needed.
//
// OpenID provider (OIDC_PORT, default 9090): one confidential client from the environment,
// PKCE S256 required, dev interactions (the login form is an ordinary HTML form that a test can
// submit with an HttpClient and a cookie container: POST /interaction/<uid> prompt=login&login=<name>,
// then, on the consent page that native clients always get, POST /interaction/<uid> prompt=consent).
//
// Accounts are made up from the login name, so parallel tests never share one:
//   alice -> alice@example.test, verified     bob -> bob@example.test, NOT verified
//   <name> -> <name>@example.test, verified unless <name> starts with "unverified"
//   <name>+badnonce  the ID token is re-signed with a nonce that was never sent
//   <name>+tampered  the ID token's payload is changed after signing (signature no longer matches)
//   <name>+alg-none  the ID token is re-issued unsigned (alg "none")
//   <name>+otherkey  the ID token is signed with a key the JWKS does not publish (unknown kid)
//
// GitHub stand-in (GITHUB_PORT, default 9091): /login/oauth/authorize (pass &login=<name> to
// sign in without a page), /login/oauth/access_token, /user, /user/emails.
import * as http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';

import Provider from 'oidc-provider';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';

import { startGitHubStub } from './github.js';

const host = '127.0.0.1';
const oidcPort = Number(process.env.OIDC_PORT ?? 9090);
const githubPort = Number(process.env.GITHUB_PORT ?? 9091);
const issuer = process.env.OIDC_ISSUER ?? `http://${host}:${oidcPort}`;
const clientId = process.env.OIDC_CLIENT_ID ?? 'authservice-test';
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? 'authservice-test-secret-0123456789abcdef';

// Our callback URLs for the provider names the tests configure, plus the SPA/mobile app addresses
// used by the code-exchange flow. The client is a "native" one, so, as RFC 8252 section 7.3 asks,
// any port is accepted on 127.0.0.1 and [::1]: every test starts the service on a free port.
const defaultRedirects = [];
for (const base of ['http://127.0.0.1:8001']) {
  for (const name of ['test', 'oidc', 'github']) {
    defaultRedirects.push(`${base}/api/v1/auth/oauth/${name}/callback`);
  }
}
defaultRedirects.push('http://localhost:3000/callback', 'http://127.0.0.1:3000/callback');
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? defaultRedirects.join(','))
  .split(',').map((s) => s.trim()).filter(Boolean);

const loginShape = /^[a-z0-9][a-z0-9._-]{0,62}(\+[a-z-]+)*$/;

function accountFor(id) {
  if (!loginShape.test(id)) return undefined;
  const [base] = id.split('+');
  const verified = !(base === 'bob' || base.startsWith('unverified'));
  return {
    accountId: id,
    async claims() {
      return {
        sub: id, email: `${base}@example.test`, email_verified: verified, name: `Test ${base}`,
      };
    },
  };
}

const signing = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(signing.privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
const stranger = await generateKeyPair('RS256', { extractable: true });

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    application_type: 'native',
  }],
  clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
  jwks: { keys: [signingJwk] },
  pkce: { required: () => true },
  findAccount: async (ctx, id) => accountFor(id),
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the scope's claims in the ID token, as Google, Keycloak and Auth0 do.
  conformIdTokenClaims: false,
  cookies: { keys: [randomBytes(32).toString('hex')] },
  features: { devInteractions: { enabled: true } },
});

function b64(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

async function misbehave(idToken) {
  const claims = decodeJwt(idToken);
  const flags = String(claims.sub ?? '').split('+').slice(1);
  if (flags.includes('badnonce')) {
    return new SignJWT({ ...claims, nonce: randomUUID() })
      .setProtectedHeader(decodeProtectedHeader(idToken)).sign(signing.privateKey);
  }
  if (flags.includes('tampered')) {
    const [header, , signature] = idToken.split('.');
    return `${header}.${b64({ ...claims, email: 'alice@example.test' })}.${signature}`;
  }
  if (flags.includes('alg-none')) {
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  }
  if (flags.includes('otherkey')) {
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .sign(stranger.privateKey);
  }
  return idToken;
}

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token) {
    ctx.body = { ...ctx.body, id_token: await misbehave(ctx.body.id_token) };
  }
});

provider.on('server_error', (ctx, err) => console.error('oidc server_error', err));

const oidcServer = http.createServer(provider.callback());
oidcServer.listen(oidcPort, host, () => {
  console.log(`oidc-provider ${issuer} listening on ${host}:${oidcPort}`);
});

const githubServer = startGitHubStub({
  host, port: githubPort, clientId, clientSecret, redirectUris,
});

function shutdown() {
  oidcServer.close();
  githubServer.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
