// Enumeration timing: do login, OTP start, resend and forgot-password answer a known account
// and an unknown one in the same time? Sequential requests (one at a time), known and unknown
// interleaved, each known account used once per route (the per-address code cooldown would
// otherwise answer 429 to the second). Wrong passwords for login (each account once: no lock).
//
//   node enum-timing.mjs --url U --users FILE [--samples N] [--out FILE]
//
// Prints and writes JSON: per route, median and p90 (ms) for known and unknown and their ratios.
import { readFileSync, writeFileSync } from "node:fs";

const opt = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) opt[argv[i].replace(/^--/, "")] = argv[i + 1];
const base = opt.url;
const users = readFileSync(opt.users, "utf8").split("\n").filter(Boolean);
const samples = Math.min(Number(opt.samples ?? users.length), users.length);
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const routes = {
  login: (email) => ["/api/v1/auth/login", { email, password: "not the password, surely" }],
  otp_start: (email) => ["/api/v1/auth/otp/start", { email }],
  resend: (email) => ["/api/v1/auth/verify/resend", { email }],
  forgot: (email) => ["/api/v1/auth/password/forgot", { email }],
};

async function timed(path, body) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: res.status, code: text.includes('"code"') ? JSON.parse(text).error.code : "" };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const result = { samples, routes: {} };
for (const [name, make] of Object.entries(routes)) {
  const known = [], unknown = [], answers = new Set();
  for (let k = 0; k < samples; k++) {
    // Alternate which goes first, so drift over the run hits both alike.
    const pair = [[known, users[k]], [unknown, `nobody-${run}-${name}-${k}@bench.test`]];
    if (k % 2) pair.reverse();
    for (const [into, email] of pair) {
      const [path, body] = make(email);
      const r = await timed(path, body);
      into.push(r.ms);
      answers.add(`${into === known ? "known" : "unknown"}:${r.status}:${r.code}`);
    }
  }
  const m = (xs) => pct(xs, 50), p90 = (xs) => pct(xs, 90);
  result.routes[name] = {
    known_median_ms: +m(known).toFixed(2), unknown_median_ms: +m(unknown).toFixed(2),
    known_p90_ms: +p90(known).toFixed(2), unknown_p90_ms: +p90(unknown).toFixed(2),
    median_ratio: +(m(known) / m(unknown)).toFixed(3), p90_ratio: +(p90(known) / p90(unknown)).toFixed(3),
    answers: [...answers].sort(),
  };
}
const json = JSON.stringify(result);
if (opt.out) writeFileSync(opt.out, json + "\n");
console.log(json);
