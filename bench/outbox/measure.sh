#!/usr/bin/env bash
# Outbox throughput: how many messages per second the dispatcher of one instance
# hands to a local mail catcher (maildev), from a backlog.
#   1. the service starts with its mail server down (SMTP on a closed port) and
#      OUTBOX_MESSAGES users register (each registration writes one message);
#   2. it stops (SIGTERM); the backlog is made due; it starts again with maildev;
#   3. throughput = messages / (last finished_at - first finished_at), read from
#      outbox_messages, and maildev's count of what arrived.
# Everything runs on loopback under bench/.data-outbox (wiped at start) on its own
# ports (OUTBOX_PORT_BASE, default 200 above the bench's: PG 5640, Redis 6590,
# SMTP 1235/web 1290, service 8501/8502). Run it as `flock /work/tools/bench.lock
# bench/outbox/measure.sh` on a shared machine.
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
# shellcheck source=../../scripts/lib.sh
. scripts/lib.sh

N=${OUTBOX_MESSAGES:-500}
BASE=${OUTBOX_PORT_BASE:-200}
PG_PORT=$((5440 + BASE)) REDIS_PORT=$((6390 + BASE)) SMTP_PORT=$((1035 + BASE)) WEB_PORT=$((1090 + BASE))
PUBLIC_PORT=$((8301 + BASE)) ADMIN_PORT=$((8302 + BASE))
DATA=$ROOT/bench/.data-outbox
trap run_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_dotnet
rm -rf "$DATA" && mkdir -p "$DATA"
start_postgres "$(pg_cluster_dir "$DATA/pg" "/tmp/authservice-$(path_hash "$ROOT")-outbox-pg")" "$PG_PORT" outbox fast
start_redis "$DATA/redis" "$REDIS_PORT"
start_maildev "$DATA/maildev" "$SMTP_PORT" "$WEB_PORT"
say "building Host (Release)"
dotnet build Host/Host.csproj -c Release >"$DATA/build.log" 2>&1 || { show_log_tail "$DATA/build.log"; die "build failed"; }
DLL=$(ls "$ROOT"/Host/bin/Release/*/AuthService.Host.dll | head -n1)
psql_q() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d outbox -XtAc "$1"; }

# run_service SMTP_PORT: the service in the background; SERVICE_PID set.
run_service() {
  DATABASE__URL=$PG_URL DATABASE__MIGRATE_ON_START=true REDIS__URL=redis://127.0.0.1:$REDIS_PORT/0 \
    SMTP__HOST=127.0.0.1 SMTP__PORT=$1 JWT__SIGNING_KEYS_DIR=$DATA/keys RATE_LIMIT__ENABLED=false \
    SERVER__PUBLIC_PORT=$PUBLIC_PORT SERVER__ADMIN_PORT=$ADMIN_PORT Logging__LogLevel__Default=Error \
    dotnet "$DLL" >>"$DATA/service.log" 2>&1 9>&- &
  SERVICE_PID=$!
  on_cleanup kill "$SERVICE_PID"
  wait_until "AuthService" "$DATA/service.log" "$SERVICE_PID" curl -fsS -o /dev/null "http://127.0.0.1:$PUBLIC_PORT/health/live"
}

say "registering $N users with the mail server down"
run_service 1
seq 1 "$N" | xargs -P 8 -I{} curl -fsS -o /dev/null -H 'content-type: application/json' \
  -d '{"email":"outbox-{}@example.test","password":"correct horse battery staple"}' \
  "http://127.0.0.1:$PUBLIC_PORT/api/v1/auth/register"
kill -TERM "$SERVICE_PID"; wait "$SERVICE_PID" || true
say "backlog: $(psql_q "SELECT count(*) FROM outbox_messages WHERE status = 'pending'") pending"

psql_q "UPDATE outbox_messages SET next_attempt_at = now()" >/dev/null
t0=$EPOCHREALTIME
run_service "$SMTP_PORT"
while [ "$(psql_q "SELECT count(*) FROM outbox_messages WHERE status = 'pending'")" != 0 ]; do sleep 0.2; done
wall=$(elapsed_since "$t0")
read -r sent span <<<"$(psql_q "SELECT count(*), extract(epoch FROM max(finished_at) - min(finished_at)) FROM outbox_messages WHERE status = 'sent'" | tr '|' ' ')"
arrived=$(curl -fsS "http://127.0.0.1:$WEB_PORT/email" | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s).length))')
printf 'outbox: %s sent, %s arrived at maildev, first to last send %.2f s = %.0f messages/s; %s s from service start (startup included); load average at end: %s\n' \
  "$sent" "$arrived" "$span" "$(awk -v n="$sent" -v s="$span" 'BEGIN { print (s > 0 ? n / s : 0) }')" "$wall" "$(cut -d' ' -f1-3 /proc/loadavg)"
