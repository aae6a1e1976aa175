// better-auth peer: node's http server + toNodeHandler, mounted at /api/auth.
import http from "node:http";
import { toNodeHandler } from "better-auth/node";
import { auth } from "./auth.mjs";

const port = Number(process.env.PORT ?? 8301);
const host = process.env.HOST ?? "127.0.0.1";
const handler = toNodeHandler(auth);

const server = http.createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
    return;
  }
  if (req.url.startsWith("/api/auth")) {
    handler(req, res);
    return;
  }
  res.writeHead(404);
  res.end();
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  console.log(`better-auth peer listening on http://${host}:${port}`);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
