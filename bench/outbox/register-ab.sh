#!/usr/bin/env bash
# Register latency, before vs after, side by side in one run: two builds of the
# service (BEFORE_DLL, AFTER_DLL) over one PostgreSQL/Redis/maildev, the bench's
# register scenario with wrk, cells interleaved (before, after, before, after...).
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
ROOT=$PWD
. scripts/lib.sh
BASE=${OUTBOX_PORT_BASE:-210}
PG_PORT=$((5440 + BASE)) REDIS_PORT=$((6390 + BASE)) SMTP_PORT=$((1035 + BASE)) WEB_PORT=$((1090 + BASE))
DURATION=${BENCH_DURATION:-8} LEVELS=${BENCH_LEVELS:-"1 16"} ROUNDS=${ROUNDS:-2}
DATA=$ROOT/bench/.data-ab
trap run_cleanup EXIT
rm -rf "$DATA" && mkdir -p "$DATA"
start_postgres "$(pg_cluster_dir "$DATA/pg" "/tmp/authservice-$(path_hash "$ROOT")-ab-pg")" "$PG_PORT" postgres fast
for db in before after; do createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"; done
start_redis "$DATA/redis" "$REDIS_PORT"
start_maildev "$DATA/maildev" "$SMTP_PORT" "$WEB_PORT"
declare -A PORT=([before]=$((8301 + BASE)) [after]=$((8311 + BASE))) DLL=([before]=$BEFORE_DLL [after]=$AFTER_DLL)
for s in before after; do
  (cd "$(dirname "${DLL[$s]}")" && DATABASE__URL=postgresql://postgres@127.0.0.1:$PG_PORT/$s DATABASE__MIGRATE_ON_START=true \
    REDIS__URL=redis://127.0.0.1:$REDIS_PORT/0 SMTP__HOST=127.0.0.1 SMTP__PORT=$SMTP_PORT JWT__SIGNING_KEYS_DIR=$DATA/keys-$s \
    RATE_LIMIT__ENABLED=false SERVER__PUBLIC_PORT=${PORT[$s]} SERVER__ADMIN_PORT=$((${PORT[$s]} + 1)) Logging__LogLevel__Default=Warning \
    exec dotnet "${DLL[$s]}") >"$DATA/$s.log" 2>&1 9>&- &
  on_cleanup kill $!
  wait_until "$s" "$DATA/$s.log" $! curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$s]}/health/live"
done
for round in $(seq 1 "$ROUNDS"); do
  for c in $LEVELS; do
    for s in before after; do
      t=$((c < 2 ? c : 2))
      BENCH_SYSTEM=authservice BENCH_THREADS=$t BENCH_RUN_ID="$s$RANDOM$round" BENCH_OUT="$DATA/$s-c$c-r$round.json" \
        wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 30s -s bench/scenarios/register.lua "http://127.0.0.1:${PORT[$s]}" >/dev/null 2>&1
      printf '%s c=%s round %s: %s\n' "$s" "$c" "$round" "$(cat "$DATA/$s-c$c-r$round.json")"
      sleep 2
    done
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
