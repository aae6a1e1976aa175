#!/usr/bin/env bash
# Start PostgreSQL, Redis and maildev on loopback (project-local, under .data/),
# then serve AuthService in the foreground: public API on 127.0.0.1:8001,
# admin on 127.0.0.1:8002. Ctrl-C / SIGTERM stops everything it started.
# Environment variables override .env, which overrides the defaults below;
# a given DATABASE__URL / REDIS__URL / SMTP__HOST means "use that server".
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

DATA="$ROOT/.data"
# Host/Configuration/RunScriptDefaults.cs gives the one-off verbs (create-admin,
# migrate) these same addresses and .data/keys, so they work from a second shell.
PG_PORT=5433
REDIS_PORT=6380
SMTP_PORT=1025
MAILDEV_WEB_PORT=1080

APP_PID=
stop_app() {
  pid_alive "$APP_PID" || return 0
  # The app runs in its own process group (setsid): signal `dotnet run` and
  # the service process it launched together.
  kill -TERM -- "-$APP_PID" 2>/dev/null || true
  local i
  for ((i = 0; i < 150; i++)); do
    pid_alive "$APP_PID" || break
    sleep 0.1
  done
  pid_alive "$APP_PID" && kill -KILL -- "-$APP_PID" 2>/dev/null
  wait "$APP_PID" 2>/dev/null || true
  rm -f "$DATA/app.pid"
}
# shellcheck disable=SC2317 # called from the EXIT trap
finish() {
  local rc=$?
  trap - EXIT INT TERM
  pid_alive "$APP_PID" && say "stopping AuthService"
  stop_app
  [ ${#CLEANUP_ACTIONS[@]} -gt 0 ] && say "stopping services"
  run_cleanup
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

acquire_lock run
ensure_dotnet
# The service reads the breached-password list from .tools/ (npm), tests included.
ensure_npm_tools "${NPM_TOOLS[@]}"
load_dotenv "$ROOT/.env"
mkdir -p "$DATA"
started=$EPOCHREALTIME

# A previous run killed with -9 leaves its app process group behind.
if [ -f "$DATA/app.pid" ]; then
  old=$(cat "$DATA/app.pid" 2>/dev/null || true)
  if pid_alive "$old" && [ "$(readlink "/proc/$old/cwd" 2>/dev/null)" = "$ROOT" ] &&
    tr '\0' ' ' <"/proc/$old/cmdline" 2>/dev/null | grep -q 'dotnet run --project Host'; then
    say "stopping AuthService left over from a previous run (pid $old)"
    APP_PID=$old
    stop_app
    APP_PID=
  fi
  rm -f "$DATA/app.pid"
fi

export SERVER__PUBLIC_PORT=${SERVER__PUBLIC_PORT:-8001}
export SERVER__ADMIN_PORT=${SERVER__ADMIN_PORT:-8002}
require_free_port "$SERVER__PUBLIC_PORT" "AuthService (public listener)" "set SERVER__PUBLIC_PORT to another port"
require_free_port "$SERVER__ADMIN_PORT" "AuthService (admin listener)" "set SERVER__ADMIN_PORT to another port"

# Build while the services start; the app then starts with --no-build.
say "building Host (Release) in the background, log: .data/build.log"
start_build "$DATA/build.log" Host/Host.csproj -c Release

if [ -z "${DATABASE__URL:-}" ]; then
  pg_dir=$(pg_cluster_dir "$DATA/pg" "/tmp/authservice-$(path_hash "$ROOT")-pg")
  start_postgres "$pg_dir" "$PG_PORT" authservice
  export DATABASE__URL=$PG_URL
  say "DATABASE__URL=$DATABASE__URL"
else
  say "DATABASE__URL is set: not starting PostgreSQL"
fi

if [ -z "${REDIS__URL:-}" ]; then
  start_redis "$DATA/redis" "$REDIS_PORT"
  export REDIS__URL=$REDIS_URL_STARTED
  say "REDIS__URL=$REDIS__URL"
else
  say "REDIS__URL is set: not starting Redis"
fi

if [ -z "${SMTP__HOST:-}" ]; then
  start_maildev "$DATA/maildev" "$SMTP_PORT" "$MAILDEV_WEB_PORT"
  export SMTP__HOST=127.0.0.1 SMTP__PORT=$SMTP_PORT
  say "mail catcher: SMTP 127.0.0.1:$SMTP_PORT, inbox http://127.0.0.1:$MAILDEV_WEB_PORT"
else
  say "SMTP__HOST is set: not starting maildev"
fi

export DATABASE__MIGRATE_ON_START=${DATABASE__MIGRATE_ON_START:-true}
export JWT__SIGNING_KEYS_DIR=${JWT__SIGNING_KEYS_DIR:-$DATA/keys}
say "services ready in $(elapsed_since "$started")s"

say "waiting for the build"
if ! wait_build "$DATA/build.log"; then
  grep -E ': (error|warning) [A-Z]+[0-9]*:' "$DATA/build.log" | sort -u | head -n 40 >&2 || tail -n 30 "$DATA/build.log" >&2
  die "the build failed (full log: .data/build.log)"
fi
say "starting AuthService: public http://127.0.0.1:$SERVER__PUBLIC_PORT  admin http://127.0.0.1:$SERVER__ADMIN_PORT"

# Background + wait (not a plain foreground command) so a SIGTERM sent to this
# script is handled at once rather than after the app exits. --no-launch-profile:
# settings come from the environment above, not Host/Properties/launchSettings.json.
setsid dotnet run --project Host -c Release --no-build --no-launch-profile </dev/null 9>&- &
APP_PID=$!
printf '%s\n' "$APP_PID" >"$DATA/app.pid"
rc=0
wait "$APP_PID" || rc=$?
APP_PID=
rm -f "$DATA/app.pid"
[ "$rc" -eq 0 ] || say "AuthService exited with code $rc"
exit "$rc"
