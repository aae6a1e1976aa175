// better-auth peer configuration, shared by migrate.mjs and server.mjs.
// Production-style settings: no debug logging, a pooled pg connection, rate
// limiting off (the AuthService run also has RATE_LIMIT__ENABLED=false), no
// email verification required to sign in.
import { betterAuth } from "better-auth";
import pg from "pg";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is required (postgresql://user@host:port/db)");
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8301);

export const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env.PG_POOL_MAX ?? 20),
});

export const auth = betterAuth({
  baseURL: process.env.BETTER_AUTH_URL ?? `http://127.0.0.1:${port}`,
  secret:
    process.env.BETTER_AUTH_SECRET ??
    "bench-only-secret-0123456789abcdef0123456789abcdef",
  database: pool,
  emailAndPassword: {
    enabled: true,
    requireEmailVerification: false,
    autoSignIn: true,
  },
  session: {
    // better-auth has no refresh-token rotation. Its nearest equivalent is the
    // sliding session refresh done by get-session once `updateAge` seconds have
    // passed (default: one day). The bench sets BA_SESSION_UPDATE_AGE=0 so that
    // every plain get-session performs that refresh (UPDATE session + new
    // cookie): that is the "refresh" scenario. The "current user" scenario calls
    // get-session?disableRefresh=true, which is exactly what the default
    // configuration does on every call within the day (a read only).
    updateAge: Number(process.env.BA_SESSION_UPDATE_AGE ?? 60 * 60 * 24),
  },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  logger: { level: "error" },
  advanced: {
    useSecureCookies: false,
  },
});
