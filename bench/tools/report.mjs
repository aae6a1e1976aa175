// Renders the raw JSON of a bench run (bench/results/<date>.json) as Markdown.
//   node report.mjs bench/results/2026-11-22.json > bench/results/2026-11-22.md
import { readFileSync } from "node:fs";

const raw = JSON.parse(readFileSync(process.argv[2], "utf8"));
const SYSTEMS = ["authservice", "identity", "better-auth"];
const LABEL = { authservice: "AuthService", identity: "ASP.NET Core Identity", "better-auth": "better-auth" };
const SCENARIOS = ["login", "refresh", "me", "sessions", "register"];
// AuthService only: a downstream service asking about a user's token, measured beside "me".
const INTROSPECT = { introspect: "consume: false", "introspect-consume": "consume: true (one metered call counted)" };
const TITLE = {
  login: "1. Password login",
  refresh: "2. Refresh-token rotation",
  me: "3. Authenticated read of the current user",
  sessions: "4. List sessions (user with 20 sessions)",
  register: "5. Register",
};
const ENDPOINT = {
  login: { authservice: "POST /api/v1/auth/login", identity: "POST /login", "better-auth": "POST /api/auth/sign-in/email" },
  refresh: {
    authservice: "POST /api/v1/auth/refresh",
    identity: "POST /refresh",
    "better-auth": "GET /api/auth/get-session (sliding refresh¹)",
  },
  me: {
    authservice: "GET /api/v1/users/me",
    identity: "GET /manage/info",
    "better-auth": "GET /api/auth/get-session?disableRefresh=true",
  },
  sessions: {
    authservice: "GET /api/v1/sessions",
    identity: "— (no such endpoint)",
    "better-auth": "GET /api/auth/list-sessions?disableRefresh=true",
  },
  register: { authservice: "POST /api/v1/auth/register", identity: "POST /register", "better-auth": "POST /api/auth/sign-up/email" },
};

// Throughput counts successful (2xx) answers only: a fast 503 is not a login.
const good = (x) => (x.requests - x.non2xx) / x.duration_s;
const f = (x, d = 0) => (x == null || Number.isNaN(x) ? "—" : Number(x).toFixed(d));
const cell = (scen, sys, c) => raw.cells.find((x) => x.scenario === scen && x.system === sys && x.concurrency === c);
const levels = raw.config.levels;
const systems = SYSTEMS.filter((s) => raw.config.systems.includes(s) || raw.cells.some((c) => c.system === s));
const out = [];
const p = (s = "") => out.push(s);

p(`# Benchmark results ${raw.date.slice(0, 10)}`);
p();
p(`- Machine: ${raw.machine.cores} cores, ${raw.machine.cpu_model}, ${raw.machine.memory} RAM, Linux ${raw.machine.kernel}`);
p(
  `- Versions: AuthService ${raw.versions.commit}, .NET SDK ${raw.versions.dotnet}, Node ${raw.versions.node}, ` +
    `better-auth ${raw.versions["better-auth"]}, PostgreSQL ${raw.versions.postgres}, Redis ${raw.versions.redis}, wrk ${raw.versions.wrk}`,
);
p(
  `- Run: ${raw.config.duration_s} s measured + ${raw.config.warmup_s} s warm-up per cell, concurrency ${levels.join(", ")}, ` +
    `${raw.config.seeded_users} seeded users per system, whole run ${Math.round(raw.config.elapsed_s / 60)} min. ` +
    `Everything (load generator, PostgreSQL, Redis, the systems) shares the same ${raw.machine.cores} cores on loopback.`,
);
if (raw.machine.loadavg_before) {
  const l1 = Number(raw.machine.loadavg_before.split(" ")[0]);
  p(
    `- Load average (1, 5, 15 min) before the measurements: ${raw.machine.loadavg_before}` +
      (l1 > 0.5 ? " — **other work was running on the machine; the numbers are not trustworthy**" : " (idle)"),
  );
}
for (const [s, note] of Object.entries(raw.notes ?? {})) p(`- **${LABEL[s]} was not measured in this run:** ${note}`);
p();
p(
  "`req/s` counts successful (2xx) answers only; `errors` = non-2xx answers + socket errors (connect, read, write, " +
    "timeout); p50/p99 are over all answers. A cell where no request completed within the window shows 0.",
);
p("`AuthService ×` = AuthService req/s ÷ that system's req/s at the same concurrency (> 1: AuthService is faster).");
p();

for (const scen of SCENARIOS) {
  if (!raw.cells.some((c) => c.scenario === scen)) continue;
  p(`## ${TITLE[scen]}`);
  p();
  p("| c | system | endpoint | req/s | p50 ms | p99 ms | errors | AuthService × |");
  p("|---:|---|---|---:|---:|---:|---:|---:|");
  for (const c of levels) {
    const ours = cell(scen, "authservice", c);
    for (const s of systems) {
      const x = cell(scen, s, c);
      if (!x) {
        if (scen === "sessions" && s === "identity") p(`| ${c} | ${LABEL[s]} | ${ENDPOINT[scen][s]} | n/a | | | | |`);
        continue;
      }
      const ratio = ours && s !== "authservice" && good(x) > 0 ? `${f(good(ours) / good(x), 2)}×` : s === "authservice" ? "1.00×" : "—";
      if (x.requests === 0) {
        p(`| ${c} | ${LABEL[s]} | ${ENDPOINT[scen][s]} | 0 | — | — | ${x.errors} (no request completed) | — |`);
        continue;
      }
      p(
        `| ${c} | ${LABEL[s]} | ${ENDPOINT[scen][s]} | ${f(good(x), 1)} | ${f(x.p50_ms, 2)} | ${f(x.p99_ms, 2)} | ${x.errors} | ${ratio} |`,
      );
    }
  }
  p();
  if (scen === "refresh") {
    p(
      "¹ better-auth has no refresh token. Its nearest equivalent is the sliding session refresh of `get-session` " +
        "(UPDATE of the session's expiry and a new cookie), which the peer is configured to do on every call " +
        "(`session.updateAge = 0`). ASP.NET Core Identity's `/refresh` issues new tokens but does not invalidate the " +
        "old refresh token (no rotation or reuse detection); AuthService rotates and stores only hashes. " +
        "Each virtual user keeps its own chain (one wrk connection per thread).",
    );
    p();
  }
}

if (raw.cells.some((c) => c.scenario in INTROSPECT)) {
  p("## 6. Introspection by a downstream service (AuthService only)");
  p();
  p(
    "`POST /api/v1/introspect` with a service key in `X-API-Key` and a user's access token, `service: cvmaker`. " +
      "`÷ me` = its req/s ÷ AuthService's `GET /api/v1/users/me` req/s at the same concurrency (same run).",
  );
  p();
  p("| c | variant | req/s | p50 ms | p99 ms | errors | ÷ me |");
  p("|---:|---|---:|---:|---:|---:|---:|");
  for (const c of levels) {
    const me = cell("me", "authservice", c);
    for (const [scen, label] of Object.entries(INTROSPECT)) {
      const x = cell(scen, "authservice", c);
      if (!x) continue;
      const ratio = me && good(me) > 0 ? `${f(good(x) / good(me), 2)}×` : "—";
      p(`| ${c} | ${label} | ${f(good(x), 1)} | ${f(x.p50_ms, 2)} | ${f(x.p99_ms, 2)} | ${x.errors} | ${ratio} |`);
    }
  }
  p();
}

const h = raw.hash ?? {};
// The ceiling is measured before and after the cells; the higher one counts
// (on a shared machine, other work can only lower a measurement).
const argonRuns = [h.dotnet?.argon2id, h.dotnet_after?.argon2id].filter(Boolean);
const argon = argonRuns.length
  ? {
      ...argonRuns.reduce((a, b) => (b.hashes_per_sec > a.hashes_per_sec ? b : a)),
      single_core_hashes_per_sec: Math.max(...argonRuns.map((a) => a.single_core_hashes_per_sec)),
    }
  : undefined;
// The higher of the two ceilings measured just before and after a login cell, when there are.
const adjacentCeiling = (x) => {
  const v = (x.ceiling_adjacent ?? []).filter((n) => typeof n === "number" && n > 0);
  return v.length ? Math.max(...v) : null;
};
const pbkdf2 = h.dotnet?.identity_pbkdf2;
const scrypt = h.better_auth;
const cores = raw.machine.cores;
const bestLogin = (s) =>
  raw.cells.filter((x) => x.scenario === "login" && x.system === s).sort((a, b) => good(b) - good(a))[0];

if (argon) {
  p("## Argon2id ceiling");
  p();
  p(
    `Raw ${argon.library} \`crypto_pwhash_str_alg\` (Argon2id, m=${argon.memory_kib} KiB, t=${argon.iterations}, p=1 — ` +
      `the service's parameters) on ${argon.threads} threads for ${f(argon.seconds, 1)} s: ` +
      `**${f(argon.hashes_per_sec, 1)} hashes/s** (one core alone: ${f(argon.single_core_hashes_per_sec, 1)}/s)` +
      (argonRuns.length > 1
        ? `; the higher of two measurements, before the load tests (${f(argonRuns[0].hashes_per_sec, 1)}/s) and after them (${f(argonRuns[1].hashes_per_sec, 1)}/s).`
        : "."),
  );
  p();
  const rows = levels.map((c) => [c, cell("login", "authservice", c)]).filter(([, x]) => x);
  if (rows.length) {
    p(
      "The machine's capacity drifts when it is shared, so each login cell is also compared with the ceiling " +
        "measured just before and just after it (the higher of the two; an empty cell when not measured).",
    );
    p();
    p("| c | AuthService login req/s | ÷ run ceiling | ceiling beside the cell (before / after) | ÷ ceiling beside the cell |");
    p("|---:|---:|---:|---:|---:|");
    for (const [c, x] of rows) {
      const adj = adjacentCeiling(x);
      p(
        `| ${c} | ${f(good(x), 1)} | ${f(good(x) / argon.hashes_per_sec, 2)} | ` +
          `${x.ceiling_adjacent ? x.ceiling_adjacent.map((v) => f(v, 1)).join(" / ") : ""} | ${adj ? f(good(x) / adj, 2) : ""} |`,
      );
    }
    p();
  }
  const managed = h.dotnet?.isopoh_vs_libsodium;
  if (managed) {
    p("### Isopoh.Cryptography.Argon2 (managed) beside libsodium, same parameters");
    p();
    p("Why the service hashes through libsodium, not the managed Argon2 the design card names (one core each; peak RSS of a fresh process making two hashes at once).");
    p();
    p("| library | hash/s per core | ms per hash | managed MiB allocated per hash | gen-2 GCs per hash | peak RSS, 2 parallel hashes (MiB) |");
    p("|---|---:|---:|---:|---:|---:|");
    for (const [name, m] of [["libsodium (Geralt)", managed.libsodium], ["Isopoh.Cryptography.Argon2", managed.isopoh]]) {
      p(`| ${name} | ${f(m.single_core_hashes_per_sec, 1)} | ${f(m.ms_per_hash, 1)} | ${f(m.managed_mib_allocated_per_hash, 1)} | ${f(m.gen2_collections_per_hash, 2)} | ${f(m.peak_rss_mib_two_parallel_hashes, 1)} |`);
    }
    p();
    p(`Isopoh is ${f(managed.libsodium.single_core_hashes_per_sec / managed.isopoh.single_core_hashes_per_sec, 1)}× slower per hash in this run.`);
    p();
  }
}

if (argon || pbkdf2 || scrypt) {
  p("## Password hash and login throughput normalised by hash cost");
  p();
  p(
    "Login throughput mostly measures the password hash. `hash/s per core` is one hash after another on one core; " +
      `\`login ÷ hash capacity\` = best login req/s ÷ (${cores} cores × hash/s per core): the share of the machine's ` +
      "hashing capacity a system turns into logins (1.0 would mean the rest of the login costs nothing and the load " +
      "generator and database take no CPU).",
  );
  p();
  p("| system | password hash | hash/s per core | ms per hash | best login req/s (c) | login ÷ hash capacity |");
  p("|---|---|---:|---:|---:|---:|");
  const rows = [
    ["authservice", argon && `Argon2id m=${argon.memory_kib} KiB, t=${argon.iterations}, p=1 (libsodium)`, argon?.single_core_hashes_per_sec],
    ["identity", pbkdf2 && `${pbkdf2.prf}, ${pbkdf2.iterations} iterations (PasswordHasher V3)`, pbkdf2?.single_core_hashes_per_sec],
    ["better-auth", scrypt?.algorithm && `scrypt N=16384, r=16, p=1, 64-byte key (node:crypto)`, scrypt?.hashes_per_sec],
  ];
  for (const [s, name, rate] of rows) {
    if (!name) continue;
    const b = bestLogin(s);
    p(
      `| ${LABEL[s]} | ${name} | ${f(rate, 1)} | ${f(rate ? 1000 / rate : null, 1)} | ` +
        `${b ? `${f(good(b), 1)} (${b.concurrency})` : "—"} | ${b && rate ? f(good(b) / (cores * rate), 2) : "—"} |`,
    );
  }
  p();
}

// Targets of issue 4, with what this run reached (best concurrency level of each system).
const best = (scen, s) =>
  raw.cells.filter((x) => x.scenario === scen && x.system === s && x.requests > 0).sort((a, b) => good(b) - good(a))[0];
const ratio = (scen, peer) => {
  const a = best(scen, "authservice");
  const b = best(scen, peer);
  return a && b && good(b) > 0 ? good(a) / good(b) : null;
};
if (raw.cells.some((x) => x.system === "authservice")) {
  const yes = (ok) => (ok == null ? "—" : ok ? "yes" : "**no**");
  const loginBest = best("login", "authservice");
  const loginCells = raw.cells.filter((x) => x.scenario === "login" && x.system === "authservice");
  const loginFracRun = loginBest && argon ? good(loginBest) / argon.hashes_per_sec : null;
  const adjFracs = loginCells.filter(adjacentCeiling).map((x) => good(x) / adjacentCeiling(x));
  const loginFracAdj = adjFracs.length ? Math.max(...adjFracs) : null;
  const rBa = ratio("refresh", "better-auth");
  const rId = ratio("refresh", "identity");
  const mId = ratio("me", "identity");
  const top = Math.max(...levels);
  const errs = raw.cells.filter((x) => x.system === "authservice" && x.concurrency === top);
  const errCount = errs.reduce((n, x) => n + x.errors, 0);
  p("## Targets (issue 4)");
  p();
  p("Ratios compare each system's best concurrency level.");
  p();
  p("| target | reached | met |");
  p("|---|---:|:---:|");
  p(`| password login ≥ 0.9× the Argon2id ceiling of the run | ${loginFracRun == null ? "—" : `${f(loginFracRun, 2)}×`} | ${yes(loginFracRun == null ? null : loginFracRun >= 0.9)} |`);
  p(`| password login ≥ 0.9× the ceiling measured beside its cell | ${loginFracAdj == null ? "—" : `${f(loginFracAdj, 2)}×`} | ${yes(loginFracAdj == null ? null : loginFracAdj >= 0.9)} |`);
  p(`| refresh ≥ 2× better-auth's session refresh | ${rBa == null ? "—" : `${f(rBa, 2)}×`} | ${yes(rBa == null ? null : rBa >= 2)} |`);
  p(`| refresh ≥ 1× ASP.NET Core Identity \`/refresh\` | ${rId == null ? "—" : `${f(rId, 2)}×`} | ${yes(rId == null ? null : rId >= 1)} |`);
  p(`| current user ≥ 1.5× Identity \`/manage/info\` | ${mId == null ? "—" : `${f(mId, 2)}×`} | ${yes(mId == null ? null : mId >= 1.5)} |`);
  const errDetail = errs
    .filter((x) => x.errors > 0)
    .map((x) => `${x.scenario} ${x.errors}/${x.requests}`)
    .join(", ");
  p(`| zero errors at ${top} concurrent | ${errs.length ? `${errCount} errors${errDetail ? ` (${errDetail})` : ""}` : "—"} | ${yes(errs.length ? errCount === 0 : null)} |`);
  p();
}

// Scenarios of AuthService against itself (bench/scenarios/isolation.sh).
const flood = raw.cells.find((x) => x.scenario === "flood");
if (flood) {
  p("## Login flood isolation");
  p();
  p(
    `${flood.flood_connections} connections send password logins as fast as they are answered; meanwhile 4 connections ` +
      "read the current user, then 4 refresh their tokens. Idle: the same probes with no flood.",
  );
  p();
  p("| probe | idle p50 | idle p99 | flood p50 | flood p99 | p99 × idle | probe errors during the flood |");
  p("|---|---:|---:|---:|---:|---:|---:|");
  for (const [name, label] of [["me", "GET /users/me"], ["refresh", "POST /auth/refresh"]]) {
    const { idle, busy } = flood[name];
    p(`| ${label} | ${f(idle.p50_ms, 1)} ms | ${f(idle.p99_ms, 1)} ms | ${f(busy.p50_ms, 1)} ms | ${f(busy.p99_ms, 1)} ms | ` +
      `${f(busy.p99_ms / idle.p99_ms, 1)}× | ${busy.errors} |`);
  }
  const l = flood.login;
  p();
  p(
    `Flood: ${l.requests} login answers in ${f(l.duration_s, 0)} s, ${l.requests - l.non2xx} of them 200 ` +
      `(${f((l.requests - l.non2xx) / l.duration_s, 1)}/s), the rest 503 with Retry-After (hashing queue full); ` +
      `socket errors ${l.socket_errors.connect + l.socket_errors.read + l.socket_errors.write + l.socket_errors.timeout}. ` +
      `Peak RSS during the flood: ${f(flood.peak_rss_mb, 0)} MB (${f(flood.rss_before_mb, 0)} MB before it).`,
  );
  p();
}
const enumCell = raw.cells.find((x) => x.scenario === "enum");
if (enumCell) {
  p("## Enumeration timing (known ÷ unknown account)");
  p();
  p(`${enumCell.samples} requests per route and kind, one at a time, known and unknown interleaved.`);
  p();
  p("| route | known median | unknown median | ratio | known p90 | unknown p90 | ratio | answers |");
  p("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const [route, r] of Object.entries(enumCell.routes)) {
    p(`| ${route} | ${f(r.known_median_ms, 1)} ms | ${f(r.unknown_median_ms, 1)} ms | ${f(r.median_ratio, 2)} | ` +
      `${f(r.known_p90_ms, 1)} ms | ${f(r.unknown_p90_ms, 1)} ms | ${f(r.p90_ratio, 2)} | ${r.answers.join(", ")} |`);
  }
  p();
}

p("Raw numbers: the JSON file of the same name. How to reproduce: `./bench.sh` (see bench/README.md).");
process.stdout.write(out.join("\n") + "\n");
