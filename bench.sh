#!/usr/bin/env bash
# Benchmarks AuthService side by side with ASP.NET Core Identity and
# better-auth, against the Argon2id ceiling of this machine.
#
# Provisions everything on loopback under bench/.data/ (wiped at start): one
# PostgreSQL server with a database per system, Redis, maildev; builds the
# service and the peers in Release; seeds users and sessions through each
# system's API; runs every scenario x concurrency x system cell with wrk
# (interleaved: for each scenario and level, the systems one after another);
# writes bench/results/<date>.md and <date>.json. Stops everything at exit.
#
# Settings (environment):
#   BENCH_DURATION   measured seconds per cell            (default 15)
#   BENCH_WARMUP     warm-up seconds per cell, not counted (default 2)
#   BENCH_LEVELS     concurrency levels                    (default "1 16 64")
#   BENCH_SCENARIOS  subset of "login refresh me sessions register introspect
#                    introspect-consume" (the last two: AuthService only), plus
#                    (AuthService alone, not in the default set) "flood" and
#                    "enum": see bench/scenarios/isolation.sh
#   BENCH_SYSTEMS    subset of "authservice identity better-auth"
#   BENCH_USERS      seeded users per system for login     (default 100)
#   BENCH_CEILING_SECONDS  Argon2id ceiling measurement    (default 10)
#   BENCH_ADJACENT_CEILING_SECONDS  the ceiling again just before and just
#                    after each AuthService login cell      (default 4)
#   BENCH_RESULTS    output folder                         (default bench/results)
#   BENCH_SOURCE     worktree: build AuthService from the working tree (default);
#                    head: from a clean export of the HEAD commit (git archive),
#                    unaffected by uncommitted edits and by other builds;
#                    snapshot: from a copy of the working tree (uncommitted
#                    edits included, own bin/obj, unaffected by other builds)
#   PASSWORD__ARGON2_MEMORY_KIB / PASSWORD__ARGON2_ITERATIONS  passed to the
#                    service and the ceiling alike (defaults 19456 / 2)
# See bench/README.md for what each scenario calls and how to run one cell.
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

BENCH_DURATION=${BENCH_DURATION:-15}
BENCH_WARMUP=${BENCH_WARMUP:-2}
BENCH_LEVELS=${BENCH_LEVELS:-"1 16 64"}
BENCH_SCENARIOS=${BENCH_SCENARIOS:-"login refresh me sessions register introspect introspect-consume"}
BENCH_SYSTEMS=${BENCH_SYSTEMS:-"authservice identity better-auth"}
BENCH_USERS=${BENCH_USERS:-100}
BENCH_CEILING_SECONDS=${BENCH_CEILING_SECONDS:-10}
BENCH_ADJACENT_CEILING_SECONDS=${BENCH_ADJACENT_CEILING_SECONDS:-4}
BENCH_RESULTS=${BENCH_RESULTS:-$ROOT/bench/results}
BENCH_SOURCE=${BENCH_SOURCE:-worktree}
# The AuthService commit measured, taken now: HEAD may move during a long run.
AUTH_REV=$(git rev-parse HEAD 2>/dev/null || echo HEAD)
AUTH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ "$BENCH_SOURCE" != head ] && [ -n "$(git status --porcelain -- ':!bench' 2>/dev/null)" ]; then
  AUTH_COMMIT+=" + uncommitted changes"
fi
export BENCH_PASSWORD=${BENCH_PASSWORD:-Bench-Passw0rd-2026!}
export PASSWORD__ARGON2_MEMORY_KIB=${PASSWORD__ARGON2_MEMORY_KIB:-19456}
export PASSWORD__ARGON2_ITERATIONS=${PASSWORD__ARGON2_ITERATIONS:-2}

DATA="$ROOT/bench/.data"
CELLS="$DATA/cells"
SEED="$DATA/seed"
LOGS="$DATA/logs"
PG_PORT=5440
REDIS_PORT=6390
SMTP_PORT=1035
MAILDEV_WEB_PORT=1090
declare -A PORT=([authservice]=8101 [identity]=8201 [better-auth]=8301)
AUTH_ADMIN_PORT=8102
declare -A DB=([authservice]=bench_authservice [identity]=bench_identity [better-auth]=bench_betterauth)
declare -A NOTE=()
STARTED_AT=$SECONDS
PG=""

finish() {
  local rc=$?
  trap - EXIT INT TERM
  [ ${#CLEANUP_ACTIONS[@]} -gt 0 ] && say "stopping everything bench.sh started"
  run_cleanup
  [ "$rc" -eq 0 ] || say "bench.sh failed (exit code $rc); logs in ${LOGS#"$ROOT"/}"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One bench.sh per clone at a time. A pid file rather than a held file lock:
# the servers it starts would inherit a lock descriptor and keep it after a
# kill -9, while a pid file is simply taken over when its process is gone.
LOCK="$ROOT/bench/.bench.pid"
if other=$(cat "$LOCK" 2>/dev/null) && [ "$other" != $$ ] && pid_alive "$other" &&
  tr '\0' ' ' <"/proc/$other/cmdline" 2>/dev/null | grep -q 'bench\.sh'; then
  die "another ./bench.sh (pid $other) is already running in $ROOT"
fi
echo $$ >"$LOCK"
on_cleanup rm -f "$LOCK"
ensure_dotnet
# The flood scenario opens 1000+ connections: the service and wrk (started from here) need the descriptors.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# ------------------------------------------------------------------ tools
ensure_apt_package wrk wrk
ensure_apt_package jq jq
ensure_apt_package psql postgresql-client
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 ||
  ensure_apt_package /usr/lib/postgresql/15/bin/pg_ctl postgresql
command -v node >/dev/null 2>&1 || die "node not found; install Node.js 20+ with npm"
ensure_npm_tools "${NPM_TOOLS[@]}" # the breached-password list the service reads

has_system() { [[ " $BENCH_SYSTEMS " == *" $1 "* ]]; }
drop_system() {
  NOTE[$1]=$2
  warn "$1 left out of this run: $2"
  BENCH_SYSTEMS=$(printf '%s\n' $BENCH_SYSTEMS | grep -vx -- "$1" | xargs)
}

# ------------------------------------------------------------------ fresh data folder
if [ -d "$DATA" ]; then
  stop_stale_postgres "$DATA/pg"
  [ -f "$DATA/pg/WHERE-IS-THE-CLUSTER.txt" ] && stop_stale_postgres "/tmp/authservice-$(path_hash "$ROOT")-bench-pg"
  for f in "$DATA"/run/*.pid; do [ -f "$f" ] && stop_stale_pidfile "$f" "$(basename "$f" .pid)"; done
  stop_stale_pidfile "$DATA/redis/redis.pid" redis-server
  stop_stale_pidfile "$DATA/maildev/maildev.pid" maildev
fi
rm -rf "$DATA"
mkdir -p "$CELLS" "$SEED" "$LOGS" "$DATA/run" "$BENCH_RESULTS"

# ------------------------------------------------------------------ build (Release)
BUILD_FLAGS=(-c Release -nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false)
say "building (Release): argon2 ceiling, Identity peer"
dotnet build bench/argon2-ceiling/Argon2Ceiling.csproj "${BUILD_FLAGS[@]}" >"$LOGS/build-ceiling.log" 2>&1 ||
  { show_log_tail "$LOGS/build-ceiling.log"; die "build of bench/argon2-ceiling failed"; }
if has_system identity; then
  dotnet build bench/peers/identity/IdentityPeer.csproj "${BUILD_FLAGS[@]}" >"$LOGS/build-identity.log" 2>&1 ||
    { show_log_tail "$LOGS/build-identity.log"; die "build of the Identity peer failed"; }
fi
if has_system authservice; then
  AUTH_SRC=$ROOT
  if [ "$BENCH_SOURCE" = head ]; then
    AUTH_SRC=$DATA/src
    mkdir -p "$AUTH_SRC"
    git archive "$AUTH_REV" | tar -x -C "$AUTH_SRC"
  elif [ "$BENCH_SOURCE" = snapshot ]; then
    AUTH_SRC=$DATA/src
    mkdir -p "$AUTH_SRC"
    tar --exclude=./bench --exclude=bin --exclude=obj --exclude=.git --exclude=node_modules \
      --exclude=./.data --exclude=./.test-data --exclude=./.tools -cf - . | tar -xf - -C "$AUTH_SRC"
  fi
  say "building (Release): AuthService ($BENCH_SOURCE, $AUTH_COMMIT)"
  if dotnet build "$AUTH_SRC/Host/Host.csproj" "${BUILD_FLAGS[@]}" >"$LOGS/build-authservice.log" 2>&1; then
    AUTH_DLL=$(ls "$AUTH_SRC"/Host/bin/Release/*/AuthService.Host.dll | head -n1)
  else
    show_log_tail "$LOGS/build-authservice.log"
    drop_system authservice "the service did not build (see bench/.data/logs/build-authservice.log)"
  fi
fi
if has_system better-auth; then
  say "installing the better-auth peer (npm ci)"
  (cd bench/peers/better-auth && npm ci --no-audit --no-fund --loglevel=error) >"$LOGS/npm-better-auth.log" 2>&1 ||
    { show_log_tail "$LOGS/npm-better-auth.log"; die "npm ci in bench/peers/better-auth failed"; }
fi

# ------------------------------------------------------------------ services
pg_dir=$(pg_cluster_dir "$DATA/pg" "/tmp/authservice-$(path_hash "$ROOT")-bench-pg")
if [ "$pg_dir" != "$DATA/pg" ]; then rm -rf "$pg_dir/data"; fi
start_postgres "$pg_dir" "$PG_PORT" postgres
PG="postgresql://postgres@127.0.0.1:$PG_PORT"
for s in authservice identity better-auth; do
  createdb -h 127.0.0.1 -p "$PG_PORT" -U postgres "${DB[$s]}"
done
start_redis "$DATA/redis" "$REDIS_PORT"
start_maildev "$DATA/maildev" "$SMTP_PORT" "$MAILDEV_WEB_PORT"

http_ok() { curl -fs -o /dev/null --max-time 2 "$1"; }

# The service's environment, for the server and for its command-line verbs alike.
AUTH_ENV=()
set_auth_env() {
  AUTH_ENV=(DATABASE__URL="$PG/${DB[authservice]}" REDIS__URL="redis://127.0.0.1:$REDIS_PORT/0"
    SMTP__HOST=127.0.0.1 SMTP__PORT="$SMTP_PORT"
    SERVER__PUBLIC_PORT="${PORT[authservice]}" SERVER__ADMIN_PORT="$AUTH_ADMIN_PORT"
    DATABASE__MIGRATE_ON_START=true RATE_LIMIT__ENABLED=false
    JWT__SIGNING_KEYS_DIR="$DATA/keys" JWT__ISSUER="http://127.0.0.1:${PORT[authservice]}"
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production)
}

start_authservice() {
  set_auth_env
  require_free_port "${PORT[authservice]}" AuthService "free the port"
  require_free_port "$AUTH_ADMIN_PORT" "AuthService (admin)" "free the port"
  say "starting AuthService on 127.0.0.1:${PORT[authservice]}"
  mkdir -p "$DATA/keys"
  start_bg authservice "$LOGS/authservice.log" "$DATA/run/AuthService.Host.pid" \
    env "${AUTH_ENV[@]}" dotnet "$AUTH_DLL"
  local pid=$LAST_BG_PID deadline=$((SECONDS + 60))
  until http_ok "http://127.0.0.1:$AUTH_ADMIN_PORT/health/ready" || http_ok "http://127.0.0.1:${PORT[authservice]}/health/ready"; do
    if ! pid_alive "$pid" || ((SECONDS > deadline)); then
      show_log_tail "$LOGS/authservice.log"
      return 1
    fi
    sleep 0.3
  done
}

start_identity() {
  require_free_port "${PORT[identity]}" "the Identity peer" "free the port"
  say "starting the ASP.NET Core Identity peer on 127.0.0.1:${PORT[identity]}"
  start_bg identity "$LOGS/identity.log" "$DATA/run/IdentityPeer.pid" \
    env DATABASE_URL="$PG/${DB[identity]}" ASPNETCORE_ENVIRONMENT=Production \
    dotnet bench/peers/identity/bin/Release/net10.0/IdentityPeer.dll --urls "http://127.0.0.1:${PORT[identity]}"
  wait_until "Identity peer" "$LOGS/identity.log" "$LAST_BG_PID" http_ok "http://127.0.0.1:${PORT[identity]}/health"
}

start_better_auth() {
  require_free_port "${PORT[better-auth]}" "the better-auth peer" "free the port"
  say "migrating and starting the better-auth peer on 127.0.0.1:${PORT[better-auth]}"
  (cd bench/peers/better-auth && DATABASE_URL="$PG/${DB[better-auth]}" PORT="${PORT[better-auth]}" node migrate.mjs) \
    >"$LOGS/better-auth-migrate.log" 2>&1 || { show_log_tail "$LOGS/better-auth-migrate.log"; die "better-auth migration failed"; }
  start_bg better-auth "$LOGS/better-auth.log" "$DATA/run/server.mjs.pid" \
    env DATABASE_URL="$PG/${DB[better-auth]}" PORT="${PORT[better-auth]}" NODE_ENV=production \
    BA_SESSION_UPDATE_AGE=0 node bench/peers/better-auth/server.mjs
  wait_until "better-auth peer" "$LOGS/better-auth.log" "$LAST_BG_PID" http_ok "http://127.0.0.1:${PORT[better-auth]}/health"
}

if has_system authservice; then
  start_authservice || drop_system authservice "the service did not become ready (see bench/.data/logs/authservice.log)"
fi
has_system identity && start_identity
has_system better-auth && start_better_auth
[ -n "$BENCH_SYSTEMS" ] || die "no system to benchmark"
say "systems up: $BENCH_SYSTEMS ($((SECONDS - STARTED_AT))s since start)"

# ------------------------------------------------------------------ hash costs (machine idle)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "load average before measuring: $LOAD_BEFORE (anything well above 0 means other work shares the cores)"
say "measuring the Argon2id ceiling (${BENCH_CEILING_SECONDS}s, all cores) and each system's hash cost"
dotnet bench/argon2-ceiling/bin/Release/net10.0/Argon2Ceiling.dll --seconds "$BENCH_CEILING_SECONDS" --single-seconds 3 \
  >"$DATA/hash-dotnet.json" 2>"$LOGS/ceiling.log" || { show_log_tail "$LOGS/ceiling.log"; die "argon2 ceiling failed"; }
if [ -d bench/peers/better-auth/node_modules ]; then
  (cd bench/peers/better-auth && node hashcost.mjs 3) >"$DATA/hash-better-auth.json" 2>>"$LOGS/ceiling.log" ||
    die "better-auth hash cost measurement failed"
else
  echo '{}' >"$DATA/hash-better-auth.json"
fi
say "ceiling: $(jq -r '.argon2id.hashes_per_sec | floor' "$DATA/hash-dotnet.json") Argon2id hashes/s"

# ------------------------------------------------------------------ seeding
seed() { node bench/tools/seed.mjs "$@"; }
url_of() { printf 'http://127.0.0.1:%s' "${PORT[$1]}"; }

mark_verified() {
  [ "$1" = authservice ] || return 0
  psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${DB[authservice]}" \
    -c "UPDATE users SET email_verified = true WHERE email LIKE '%@bench.test' AND NOT email_verified" >/dev/null
}

say "seeding $BENCH_USERS users per system"
for s in $BENCH_SYSTEMS; do
  t0=$SECONDS
  seed users --system "$s" --url "$(url_of "$s")" --count "$BENCH_USERS" --prefix user --out "$SEED/users-$s.txt" \
    --concurrency 4 2>"$LOGS/seed-$s.log" || { cat "$LOGS/seed-$s.log" >&2; die "seeding $s failed"; }
  seed users --system "$s" --url "$(url_of "$s")" --count 1 --prefix sessions --out "$SEED/sessions-user-$s.txt" \
    2>>"$LOGS/seed-$s.log" || { cat "$LOGS/seed-$s.log" >&2; die "seeding $s failed"; }
  mark_verified "$s"
  say "  $s: $((SECONDS - t0))s"
done

# The introspection scenarios call as a downstream service: with a service key
# (the create-service-key verb), about users on the unlimited plan, so that
# every consume is counted and none is refused.
if [[ " $BENCH_SCENARIOS " == *" introspect"* && " $BENCH_SYSTEMS " == *" authservice "* ]]; then
  BENCH_SERVICE_KEY=$(env "${AUTH_ENV[@]}" dotnet "$AUTH_DLL" create-service-key --name bench 2>>"$LOGS/seed-authservice.log" | tail -n1)
  [ -n "$BENCH_SERVICE_KEY" ] || die "create-service-key failed (see ${LOGS#"$ROOT"/}/seed-authservice.log)"
  export BENCH_SERVICE_KEY
  psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${DB[authservice]}" \
    -c "UPDATE users SET plan = 'enterprise' WHERE email LIKE '%@bench.test'" >/dev/null
fi

# ------------------------------------------------------------------ cells
LEVELS_SUM=0
for c in $BENCH_LEVELS; do LEVELS_SUM=$((LEVELS_SUM + c)); done
MAX_LEVEL=$(printf '%s\n' $BENCH_LEVELS | sort -n | tail -n1)

supports() { # scenario system
  case $1 in introspect*) [ "$2" = authservice ] || return 1 ;; esac
  [ "$1" = sessions ] && [ "$2" = identity ] && return 1
  return 0
}

seed_scenario() { # scenario system -> data file on stdout
  local scen=$1 s=$2 out
  case $scen in
    login) echo "$SEED/users-$s.txt" ;;
    register) echo /dev/null ;;
    refresh)
      out="$SEED/refresh-$s.txt"
      # Fresh chains for every run (warm-up and measured, each level): no run
      # starts from a token an earlier run rotated.
      seed sessions --system "$s" --url "$(url_of "$s")" --users "$SEED/users-$s.txt" \
        --count $((2 * LEVELS_SUM)) --kind refresh --out "$out" --concurrency 4 >&2 || return 1
      echo "$out" ;;
    introspect | introspect-consume)
      out="$SEED/introspect-$s.txt"
      seed sessions --system "$s" --url "$(url_of "$s")" --users "$SEED/users-$s.txt" \
        --count "$MAX_LEVEL" --kind access --out "$out" --concurrency 4 >&2 || return 1
      echo "$out" ;;
    me)
      out="$SEED/access-$s.txt"
      seed sessions --system "$s" --url "$(url_of "$s")" --users "$SEED/users-$s.txt" \
        --count "$MAX_LEVEL" --kind access --out "$out" --concurrency 4 >&2 || return 1
      echo "$out" ;;
    sessions)
      out="$SEED/sessions-$s.txt"
      seed sessions --system "$s" --url "$(url_of "$s")" --email "$(head -n1 "$SEED/sessions-user-$s.txt")" \
        --count 20 --kind access --last-only --out "$out" >&2 || return 1
      echo "$out" ;;
  esac
}

# run_wrk scenario system concurrency seconds datafile offset outfile
run_wrk() {
  local scen=$1 s=$2 c=$3 secs=$4 data=$5 offset=$6 out=$7 t
  if [ "$scen" = refresh ]; then t=$c; else t=$((c < 2 ? c : 2)); fi
  BENCH_SYSTEM=$s BENCH_THREADS=$t BENCH_DATA=$data BENCH_OFFSET=$offset BENCH_OUT=$out \
    BENCH_ORIGIN="$(url_of "$s")" BENCH_RUN_ID="$RANDOM$RANDOM-$SECONDS" \
    wrk -t"$t" -c"$c" -d"${secs}s" --timeout 30s -s "bench/scenarios/$scen.lua" "$(url_of "$s")" \
    >>"$LOGS/wrk.log" 2>&1
}

# wait_drained SYSTEM: a connection wrk closes at the end of a run does not
# cancel its request: a server may go on hashing the passwords of the last
# run's in-flight logins for seconds, and that work would land on the next
# cell (maybe another system's). Wait until the process uses < 10% of a core.
declare -A PIDFILE=([authservice]=AuthService.Host [identity]=IdentityPeer [better-auth]=server.mjs)
wait_drained() {
  local pid ticks t0 t1 deadline=$((SECONDS + 60))
  pid=$(cat "$DATA/run/${PIDFILE[$1]}.pid" 2>/dev/null) || return 0
  ticks=$(getconf CLK_TCK)
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
  t0=$(cpu_ticks "$pid")
  while ((SECONDS < deadline)); do
    sleep 0.5
    t1=$(cpu_ticks "$pid")
    (((t1 - t0) * 20 < ticks)) && return 0
    t0=$t1
  done
  warn "$1 still busy 60 s after its last run"
}

# measure_ceiling OUT: the Argon2id ceiling right beside a login cell. The
# machine's capacity drifts over minutes when it is shared, so each login cell
# is compared with the ceiling measured just before and just after it.
measure_ceiling() {
  dotnet bench/argon2-ceiling/bin/Release/net10.0/Argon2Ceiling.dll --seconds "$BENCH_ADJACENT_CEILING_SECONDS" \
    --single-seconds 0.5 --no-isopoh >"$1" 2>>"$LOGS/ceiling.log" || echo '{"argon2id":{}}' >"$1"
}

# shellcheck source=bench/scenarios/isolation.sh
. bench/scenarios/isolation.sh

declare -A DATAFILE=()
ncells=0
for scen in $BENCH_SCENARIOS; do
  say "scenario $scen"
  if [ "$scen" = flood ] || [ "$scen" = enum ]; then
    has_system authservice || continue
    cell="$CELLS/${scen}__authservice__c$([ "$scen" = flood ] && echo "$FLOOD_CONNECTIONS" || echo 1).json"
    "run_$scen" "$cell" || die "scenario $scen failed"
    ncells=$((ncells + 1))
    continue
  fi
  for s in $BENCH_SYSTEMS; do
    supports "$scen" "$s" || continue
    DATAFILE[$s]=$(seed_scenario "$scen" "$s" 2>>"$LOGS/seed-$s.log") ||
      { tail -n 5 "$LOGS/seed-$s.log" >&2; die "seeding $scen for $s failed"; }
  done
  declare -A OFFSET=()
  round=0
  for c in $BENCH_LEVELS; do
    # Interleave the systems, rotating who goes first at each level.
    order=($BENCH_SYSTEMS)
    n=${#order[@]}
    for ((k = 0; k < n; k++)); do
      s=${order[$(((k + round) % n))]}
      supports "$scen" "$s" || continue
      off=${OFFSET[$s]:-0}
      if [ "$BENCH_WARMUP" != 0 ]; then
        run_wrk "$scen" "$s" "$c" "$BENCH_WARMUP" "${DATAFILE[$s]}" "$off" /dev/null
        off=$((off + c))
        wait_drained "$s"
      fi
      cell="$CELLS/${scen}__${s}__c${c}.json"
      adjacent=$([ "$scen/$s" = login/authservice ] && echo yes || echo no)
      [ "$adjacent" = yes ] && measure_ceiling "$DATA/ceiling-c$c-before.json"
      run_wrk "$scen" "$s" "$c" "$BENCH_DURATION" "${DATAFILE[$s]}" "$off" "$cell"
      wait_drained "$s"
      if [ "$adjacent" = yes ]; then
        measure_ceiling "$DATA/ceiling-c$c-after.json"
        jq --slurpfile b "$DATA/ceiling-c$c-before.json" --slurpfile a "$DATA/ceiling-c$c-after.json" \
          '.ceiling_adjacent = [$b[0].argon2id.hashes_per_sec, $a[0].argon2id.hashes_per_sec]' "$cell" >"$cell.tmp" &&
          mv "$cell.tmp" "$cell"
      fi
      OFFSET[$s]=$((off + c))
      ncells=$((ncells + 1))
      printf '    %-9s c=%-3s %-12s %s\n' "$scen" "$c" "$s" \
        "$(jq -r '"\((.requests - .non2xx) / .duration_s * 10 | floor / 10) req/s (2xx)  p50 \(.p50_ms) ms  p99 \(.p99_ms) ms  errors \(.errors)"' "$cell" 2>/dev/null || echo 'no result')"
    done
    round=$((round + 1))
  done
  unset OFFSET
done

# ------------------------------------------------------------------ ceiling again
# Measured once more now that the load is gone: on a shared machine either
# measurement can be disturbed; the report takes the higher one.
say "measuring the Argon2id ceiling again (${BENCH_CEILING_SECONDS}s)"
dotnet bench/argon2-ceiling/bin/Release/net10.0/Argon2Ceiling.dll --seconds "$BENCH_CEILING_SECONDS" --single-seconds 3 --no-isopoh \
  >"$DATA/hash-dotnet-after.json" 2>>"$LOGS/ceiling.log" || echo '{}' >"$DATA/hash-dotnet-after.json"

# ------------------------------------------------------------------ report
DATE=$(date -u +%F)
RAW="$BENCH_RESULTS/$DATE.json"
notes_json=$(for s in "${!NOTE[@]}"; do jq -n --arg k "$s" --arg v "${NOTE[$s]}" '{($k): $v}'; done | jq -s 'add // {}')
jq -n \
  --arg date "$(date -u +%FT%TZ)" \
  --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  --arg cores "$(nproc)" \
  --arg mem "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')" \
  --arg kernel "$(uname -r)" \
  --arg commit "$AUTH_COMMIT" \
  --arg dotnet "$(dotnet --version)" --arg node "$(node --version)" \
  --arg postgres "$(psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc 'SHOW server_version')" \
  --arg redis "$(redis-server --version | awk '{print $3}' | cut -d= -f2)" \
  --arg wrk "$(wrk -v 2>&1 | head -n1 | awk '{print $2}')" \
  --arg better_auth "$(jq -r .version bench/peers/better-auth/node_modules/better-auth/package.json 2>/dev/null || echo n/a)" \
  --arg duration "$BENCH_DURATION" --arg warmup "$BENCH_WARMUP" --arg levels "$BENCH_LEVELS" \
  --arg load_before "$LOAD_BEFORE" --arg load_after "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg users "$BENCH_USERS" --arg systems "$BENCH_SYSTEMS" --arg elapsed "$((SECONDS - STARTED_AT))" \
  --argjson notes "$notes_json" \
  --slurpfile hash "$DATA/hash-dotnet.json" --slurpfile hashafter "$DATA/hash-dotnet-after.json" \
  --slurpfile bahash "$DATA/hash-better-auth.json" \
  '{date: $date,
    machine: {cores: ($cores|tonumber), cpu_model: $cpu, memory: $mem, kernel: $kernel,
             loadavg_before: $load_before, loadavg_after: $load_after},
    versions: {commit: $commit, dotnet: $dotnet, node: $node, postgres: $postgres, redis: $redis, wrk: $wrk, "better-auth": $better_auth},
    config: {duration_s: ($duration|tonumber), warmup_s: ($warmup|tonumber), levels: ($levels|split(" ")|map(select(.!="")|tonumber)),
             seeded_users: ($users|tonumber), systems: ($systems|split(" ")|map(select(.!=""))), elapsed_s: ($elapsed|tonumber)},
    notes: $notes,
    hash: {dotnet: $hash[0], dotnet_after: $hashafter[0], better_auth: $bahash[0]},
    cells: []}' >"$RAW.tmp"
for f in "$CELLS"/*.json; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .json)
  scen=${name%%__*} rest=${name#*__}
  s=${rest%%__*} c=${rest##*__}
  jq --arg scen "$scen" --arg s "$s" --arg c "${c#c}" \
    '.scenario = $scen | .system = $s | .concurrency = ($c|tonumber)' "$f" >"$f.tagged"
done
jq --slurpfile cells <(cat "$CELLS"/*.tagged 2>/dev/null) '.cells = $cells' "$RAW.tmp" >"$RAW"
rm -f "$RAW.tmp"
node bench/tools/report.mjs "$RAW" >"$BENCH_RESULTS/$DATE.md"
say "$ncells cells in $((SECONDS - STARTED_AT))s; results: ${BENCH_RESULTS#"$ROOT"/}/$DATE.md (raw: $DATE.json)"
