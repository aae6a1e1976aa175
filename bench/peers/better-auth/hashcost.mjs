// Measures better-auth's own password hash (scrypt N=16384, r=16, p=1, dkLen=64
// through node:crypto, as in @better-auth/utils/password.node) on one core:
// hashes are run one after another (one libuv worker busy at a time).
// Prints one JSON line.
import { hashPassword } from "better-auth/crypto";

const seconds = Number(process.argv[2] ?? process.env.HASH_SECONDS ?? 5);
await hashPassword("warm-up-password-123!");
const end = performance.now() + seconds * 1000;
const start = performance.now();
let n = 0;
while (performance.now() < end) {
  await hashPassword("Bench-Passw0rd-2026!");
  n++;
}
const elapsed = (performance.now() - start) / 1000;
console.log(
  JSON.stringify({
    system: "better-auth",
    algorithm: "scrypt N=16384 r=16 p=1 dkLen=64 (node:crypto, libuv pool)",
    threads: 1,
    seconds: elapsed,
    hashes: n,
    hashes_per_sec: n / elapsed,
  }),
);
