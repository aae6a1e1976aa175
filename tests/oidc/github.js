// A stand-in for the three GitHub endpoints an OAuth app uses, shaped like the real ones:
// errors from the token endpoint come back as HTTP 200 with an "error" field, user ids are
// numbers, and the verified primary address is only in /user/emails.
import * as http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

const loginShape = /^[a-z0-9][a-z0-9-]{0,38}$/;

function userFor(login) {
  const id = parseInt(createHash('sha256').update(login).digest('hex').slice(0, 8), 16);
  const verified = !login.startsWith('unverified');
  return {
    user: {
      login, id, name: `Octo ${login}`, email: null, avatar_url: `https://avatars.example.test/u/${id}`,
    },
    emails: [
      { email: `${login}@example.test`, primary: true, verified, visibility: 'private' },
      { email: `${login}-other@example.test`, primary: false, verified: true, visibility: null },
    ],
  };
}

// Like oidc-provider's native clients (RFC 8252 section 7.3): any port on a loopback IP.
function withoutLoopbackPort(uri) {
  try {
    const url = new URL(uri);
    if (url.hostname === '127.0.0.1' || url.hostname === '[::1]') url.port = '';
    return url.toString();
  } catch {
    return undefined;
  }
}

function redirectAllowed(uri, allowed) {
  if (!uri) return false;
  if (allowed.includes(uri)) return true;
  const stripped = withoutLoopbackPort(uri);
  return stripped !== undefined && allowed.some((a) => withoutLoopbackPort(a) === stripped);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function startGitHubStub({
  host, port, clientId, clientSecret, redirectUris,
}) {
  const codes = new Map();
  const tokens = new Map();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, `http://${host}:${port}`);
    try {
      if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
        const q = url.searchParams;
        const redirectUri = q.get('redirect_uri');
        if (q.get('client_id') !== clientId || !redirectAllowed(redirectUri, redirectUris)) {
          return send(res, 400, { error: 'redirect_uri_mismatch' });
        }
        const login = q.get('login');
        if (!login || !loginShape.test(login)) {
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<form method="get"><input name="login"/><button>Sign in</button></form>');
        }
        const code = randomBytes(16).toString('hex');
        codes.set(code, {
          login, redirectUri, challenge: q.get('code_challenge'), expires: Date.now() + 600_000,
        });
        const target = new URL(redirectUri);
        target.searchParams.set('code', code);
        if (q.has('state')) target.searchParams.set('state', q.get('state'));
        res.writeHead(302, { location: target.toString() });
        return res.end();
      }

      if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
        const form = await readForm(req);
        let id = form.get('client_id');
        let secret = form.get('client_secret');
        const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
        if (basic) {
          [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent);
        }
        if (id !== clientId || secret !== clientSecret) {
          return send(res, 200, { error: 'incorrect_client_credentials' });
        }
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!grant || grant.expires < Date.now() || grant.redirectUri !== form.get('redirect_uri')) {
          return send(res, 200, { error: 'bad_verification_code' });
        }
        if (grant.challenge) {
          const verifier = form.get('code_verifier') ?? '';
          const computed = createHash('sha256').update(verifier).digest('base64url');
          if (computed !== grant.challenge) return send(res, 200, { error: 'bad_verification_code' });
        }
        const token = `gho_${randomBytes(18).toString('hex')}`;
        tokens.set(token, grant.login);
        return send(res, 200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
      }

      if (req.method === 'GET' && (url.pathname === '/user' || url.pathname === '/user/emails')) {
        const m = /^(?:Bearer|token) (.+)$/i.exec(req.headers.authorization ?? '');
        const login = m && tokens.get(m[1]);
        if (!login) return send(res, 401, { message: 'Bad credentials' });
        const { user, emails } = userFor(login);
        return send(res, 200, url.pathname === '/user' ? user : emails);
      }

      return send(res, 404, { message: 'Not Found' });
    } catch (err) {
      console.error('github stub error', err);
      return send(res, 500, { message: 'stub error' });
    }
  });

  server.listen(port, host, () => console.log(`github stub listening on ${host}:${port}`));
  return server;
}
