# shellcheck shell=bash
# Scenarios that measure AuthService against itself rather than against the peers; sourced by
# bench.sh, which has started the service and seeded $SEED/users-authservice.txt.
#
# flood: the p99 of GET /users/me and POST /auth/refresh (4 connections each, one after the
#   other) with the service idle, then again while FLOOD_CONNECTIONS (1000) connections send
#   password logins as fast as they are answered; and the service's peak resident memory
#   during the flood (VmHWM, reset just before it).
# enum: login (wrong password), OTP start, verification resend and forgot-password, one request
#   at a time, for seeded accounts and for unknown addresses: median and p90 of each and their
#   ratio known / unknown (bench/tools/enum-timing.mjs).
FLOOD_CONNECTIONS=${FLOOD_CONNECTIONS:-1000}
FLOOD_PROBE_CONNECTIONS=4

# run_flood CELL: writes the cell's JSON.
run_flood() {
  local cell=$1 s=authservice url pid d=$BENCH_DURATION access refresh flood_pid
  url=$(url_of authservice)
  pid=$(cat "$DATA/run/AuthService.Host.pid")
  access=$(seed_scenario me authservice) || return 1
  refresh="$SEED/flood-refresh.txt"
  seed sessions --system "$s" --url "$url" --users "$SEED/users-$s.txt" --count $((4 * FLOOD_PROBE_CONNECTIONS)) \
    --kind refresh --out "$refresh" --concurrency 4 >&2 || return 1

  say "  flood: idle probes (${d}s each)"
  run_wrk me "$s" "$FLOOD_PROBE_CONNECTIONS" "$d" "$access" 0 "$DATA/flood-me-idle.json"
  run_wrk refresh "$s" "$FLOOD_PROBE_CONNECTIONS" "$d" "$refresh" 0 "$DATA/flood-refresh-idle.json"
  wait_drained "$s"

  # Peak RSS from here on: writing 5 to clear_refs resets VmHWM to the current RSS.
  echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || warn "cannot reset the peak RSS of $pid; VmHWM covers the whole run"
  local rss_before
  rss_before=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  say "  flood: $FLOOD_CONNECTIONS connections logging in, probes again"
  run_wrk login "$s" "$FLOOD_CONNECTIONS" $((2 * d + 6)) "$SEED/users-$s.txt" 0 "$DATA/flood-login.json" &
  flood_pid=$!
  sleep 3
  run_wrk me "$s" "$FLOOD_PROBE_CONNECTIONS" "$d" "$access" 0 "$DATA/flood-me-busy.json"
  run_wrk refresh "$s" "$FLOOD_PROBE_CONNECTIONS" "$d" "$refresh" "$((2 * FLOOD_PROBE_CONNECTIONS))" "$DATA/flood-refresh-busy.json"
  wait "$flood_pid" || true
  local hwm
  hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  wait_drained "$s"
  jq -n --slurpfile mi "$DATA/flood-me-idle.json" --slurpfile mb "$DATA/flood-me-busy.json" \
    --slurpfile ri "$DATA/flood-refresh-idle.json" --slurpfile rb "$DATA/flood-refresh-busy.json" \
    --slurpfile login "$DATA/flood-login.json" --arg hwm "$hwm" --arg before "$rss_before" --arg c "$FLOOD_CONNECTIONS" \
    '{flood_connections: ($c|tonumber), me: {idle: $mi[0], busy: $mb[0]}, refresh: {idle: $ri[0], busy: $rb[0]},
      login: $login[0], rss_before_mb: (($before|tonumber) / 1024), peak_rss_mb: (($hwm|tonumber) / 1024),
      requests: 0, non2xx: 0, duration_s: 1, errors: 0, p50_ms: null, p99_ms: null}' >"$cell"
}

# run_enum CELL
run_enum() {
  node bench/tools/enum-timing.mjs --url "$(url_of authservice)" --users "$SEED/users-authservice.txt" \
    --samples "$BENCH_USERS" --out "$1.enum" >/dev/null || return 1
  jq '. + {requests: 0, non2xx: 0, duration_s: 1, errors: 0, p50_ms: null, p99_ms: null}' "$1.enum" >"$1"
}
