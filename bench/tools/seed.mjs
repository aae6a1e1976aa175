// Seeds users and sessions for the bench scenarios through each system's API.
//
//   node seed.mjs users    --system S --url U --count N --prefix P --out FILE [--concurrency C]
//       registers P-00000..@bench.test ... and writes their emails, one a line
//   node seed.mjs sessions --system S --url U --users FILE --count N --kind refresh|access --out FILE
//       logs in N times (user k mod pool) and writes one refresh token / access
//       token (better-auth: session cookie) a line
//   node seed.mjs sessions ... --email E --count 20
//       the same, always as user E (a user with 20 sessions); with --last-only
//       only the newest session's token is written
//
// Password: BENCH_PASSWORD (default Bench-Passw0rd-2026!). Exits non-zero on
// the first request that fails, printing its status and body.
import { writeFileSync, readFileSync } from "node:fs";

const [cmd, ...rest] = process.argv.slice(2);
const opt = {};
for (let i = 0; i < rest.length; i++) {
  const k = rest[i].replace(/^--/, "");
  const v = rest[i + 1] && !rest[i + 1].startsWith("--") ? rest[++i] : "true";
  opt[k] = v;
}
const system = opt.system;
const base = opt.url;
const password = process.env.BENCH_PASSWORD ?? "Bench-Passw0rd-2026!";
const concurrency = Number(opt.concurrency ?? 4);

const registerReq = {
  authservice: (email) => ["/api/v1/auth/register", { email, password, name: "Bench User" }],
  identity: (email) => ["/register", { email, password }],
  "better-auth": (email) => ["/api/auth/sign-up/email", { email, password, name: "Bench User" }],
};
const loginReq = {
  authservice: (email) => ["/api/v1/auth/login", { email, password, device_name: "seed" }],
  identity: (email) => ["/login", { email, password }],
  "better-auth": (email) => ["/api/auth/sign-in/email", { email, password }],
};

async function post(path, body) {
  const res = await fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${system} POST ${path} -> ${res.status} ${text.slice(0, 400)}`);
  }
  return { res, json: text ? JSON.parse(text) : null };
}

function tokenOf(kind, { res, json }) {
  if (system === "better-auth") {
    const cookies = res.headers.getSetCookie();
    const c = cookies.map((s) => s.split(";")[0]).find((s) => s.startsWith("better-auth.session_token="));
    if (!c) throw new Error("better-auth: no session cookie in sign-in answer");
    return c;
  }
  if (system === "identity") return kind === "refresh" ? json.refreshToken : json.accessToken;
  return kind === "refresh" ? json.refresh_token : json.access_token;
}

async function pool(n, fn) {
  const out = new Array(n);
  let next = 0;
  async function worker() {
    while (next < n) {
      const k = next++;
      out[k] = await fn(k);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return out;
}

const count = Number(opt.count);
if (cmd === "users") {
  const emails = Array.from({ length: count }, (_, k) => `${opt.prefix}-${String(k).padStart(5, "0")}@bench.test`);
  await pool(count, (k) => post(...registerReq[system](emails[k])));
  writeFileSync(opt.out, emails.join("\n") + "\n");
} else if (cmd === "sessions") {
  const users = opt.email ? [opt.email] : readFileSync(opt.users, "utf8").split("\n").filter(Boolean);
  // Sessions of one user are created one after another so "newest" is well defined.
  const tokens = opt.email
    ? await (async () => {
        const t = [];
        for (let k = 0; k < count; k++) t.push(tokenOf(opt.kind, await post(...loginReq[system](users[0]))));
        return t;
      })()
    : await pool(count, async (k) => tokenOf(opt.kind, await post(...loginReq[system](users[k % users.length]))));
  const lines = opt["last-only"] === "true" ? [tokens[tokens.length - 1]] : tokens;
  writeFileSync(opt.out, lines.join("\n") + "\n");
} else {
  console.error("usage: seed.mjs users|sessions ...");
  process.exit(2);
}
