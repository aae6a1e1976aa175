// A tiny client of the public API, typed only by what openapi-typescript generates from
// docs/openapi/public.json: register -> verify -> login -> sessions -> refresh -> logout.
// ./test.sh type-checks it (tsc, strict) and the integration tests run it against a live
// service, so a document that drifts from the server breaks the build or the run.
import type { components, paths } from "authservice-api";

// Node's globals, declared here rather than pulled in from @types/node.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

type Schemas = components["schemas"];
type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type RequestOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer R } ? Json<R> : never;
type ResponseOf<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: infer R };
}
  ? Json<R>
  : never;

// The generated types of this flow must not fall back to `unknown` (or `any`) anywhere inside.
type UnknownOrAny<T> = unknown extends T ? true : false;
type HasUnknown<T> = UnknownOrAny<T> extends true
  ? true
  : T extends readonly (infer E)[]
    ? HasUnknown<E>
    : T extends object
      ? true extends { [K in keyof T]-?: HasUnknown<T[K]> }[keyof T]
        ? true
        : false
      : false;
type Known<T> = HasUnknown<T> extends false ? T : never;
type NoUnknown<T extends false> = T;
export type Checked = [
  NoUnknown<HasUnknown<RequestOf<"/api/v1/auth/register", "post">>>,
  NoUnknown<HasUnknown<ResponseOf<"/api/v1/auth/register", "post", 201>>>,
  NoUnknown<HasUnknown<RequestOf<"/api/v1/auth/verify/email", "post">>>,
  NoUnknown<HasUnknown<RequestOf<"/api/v1/auth/login", "post">>>,
  NoUnknown<HasUnknown<ResponseOf<"/api/v1/auth/login", "post", 200>>>,
  NoUnknown<HasUnknown<ResponseOf<"/api/v1/sessions", "get", 200>>>,
  NoUnknown<HasUnknown<RequestOf<"/api/v1/auth/refresh", "post">>>,
  NoUnknown<HasUnknown<ResponseOf<"/api/v1/auth/refresh", "post", 200>>>,
  NoUnknown<HasUnknown<Schemas["ErrorEnvelope"]>>,
];

type Env = { base: string; maildev: string; email: string };

async function call<T>(env: Env, method: string, path: string, expect: number, body?: object, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(env.base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  if (response.status !== expect) {
    const error = text ? (JSON.parse(text) as Known<Schemas["ErrorEnvelope"]>) : undefined;
    throw new Error(`${method} ${path}: expected ${expect}, got ${response.status} ${error?.error.code ?? ""}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

async function codeFor(env: Env): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const mails = (await (await fetch(`${env.maildev}/email`)).json()) as { to: { address: string }[]; text: string }[];
    const mine = mails.filter((m) => m.to.some((t) => t.address === env.email));
    const code = mine.at(-1)?.text.match(/\b\d{6}\b/)?.[0];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code arrived for ${env.email}`);
}

export async function run(env: Env): Promise<string[]> {
  const steps: string[] = [];
  const password = "correct horse battery staple";
  const register: Known<RequestOf<"/api/v1/auth/register", "post">> = { email: env.email, password, name: "Typed Client" };
  const created = await call<Known<ResponseOf<"/api/v1/auth/register", "post", 201>>>(env, "POST", "/api/v1/auth/register", 201, register);
  steps.push(`register 201 ${created.verification.channel}`);

  const verify: Known<RequestOf<"/api/v1/auth/verify/email", "post">> = { email: env.email, code: await codeFor(env) };
  await call(env, "POST", "/api/v1/auth/verify/email", 200, verify);
  steps.push("verify 200");

  const login: Known<RequestOf<"/api/v1/auth/login", "post">> = { email: env.email, password, device_name: "typed client" };
  const tokens = await call<Known<ResponseOf<"/api/v1/auth/login", "post", 200>>>(env, "POST", "/api/v1/auth/login", 200, login);
  const createdAt: string = tokens.user.created_at;
  steps.push(`login 200 ${tokens.token_type} ${tokens.user.email} ${Number.isNaN(Date.parse(createdAt)) ? "bad-date" : "date"}`);

  const sessions = await call<Known<ResponseOf<"/api/v1/sessions", "get", 200>>>(env, "GET", "/api/v1/sessions", 200, undefined, tokens.access_token);
  const current = sessions.items.find((s) => s.current);
  steps.push(`sessions 200 ${sessions.items.length} ${current?.device_name ?? "none"} ${current?.id === tokens.session_id}`);

  const refresh: Known<RequestOf<"/api/v1/auth/refresh", "post">> = { refresh_token: tokens.refresh_token };
  const next = await call<Known<ResponseOf<"/api/v1/auth/refresh", "post", 200>>>(env, "POST", "/api/v1/auth/refresh", 200, refresh);
  steps.push(`refresh 200 ${next.refresh_token !== tokens.refresh_token} ${next.session_id === tokens.session_id}`);

  await call(env, "POST", "/api/v1/auth/logout", 204, undefined, next.access_token);
  steps.push("logout 204");
  return steps;
}

const base = process.env.AUTHSERVICE_URL;
if (base) {
  const env: Env = { base, maildev: process.env.MAILDEV_URL ?? "http://127.0.0.1:1080", email: process.env.CLIENT_EMAIL ?? `typed-${Date.now()}@example.test` };
  run(env).then(
    (steps) => console.log(steps.join("\n")),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
