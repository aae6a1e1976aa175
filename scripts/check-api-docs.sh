#!/usr/bin/env bash
# Treat the committed OpenAPI documents as a client would (./test.sh runs this):
#  1. Redocly CLI lints docs/openapi/public.json and admin.json with its
#     recommended rules: any error fails (warnings are printed and counted);
#  2. openapi-typescript generates types from public.json into
#     .test-data/client/api.d.ts;
#  3. tsc (strict) type-checks tests/client/client.ts against them, which also
#     asserts that the types of register/login/sessions/refresh contain no
#     `unknown`, and compiles it to .test-data/client/out/client.js, which
#     the integration tests run against a live service.
# The tools are pinned in DOC_TOOLS (scripts/lib.sh) and installed into .tools/.
set -Eeuo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ensure_npm_tools "${DOC_TOOLS[@]}"
# The README walkthrough, which the integration tests paste into bash, uses curl and jq.
ensure_apt_package jq jq
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
bin="$TOOLS_DIR/node_modules/.bin"
out=.test-data/client
mkdir -p "$out"

rc=0
for doc in docs/openapi/public.json docs/openapi/admin.json; do
  json="$out/$(basename "$doc" .json)-lint.json"
  "$bin/redocly" lint "$doc" --format=json >"$json" 2>"$json.log" || true
  counts=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const t = r.totals || { errors: -1, warnings: -1 };
    for (const p of r.problems || []) console.error(`    ${p.severity} ${p.ruleId}: ${p.message.split("\n")[0]} (${(p.location?.[0]?.pointer) || ""})`);
    process.stdout.write(`${t.errors} ${t.warnings}`);' "$json" 2>"$json.problems") || counts="-1 -1"
  read -r errors warnings <<<"$counts"
  say "redocly lint $doc: $errors errors, $warnings warnings"
  if [ "$errors" != 0 ]; then
    cat "$json.problems" "$json.log" >&2
    rc=1
  fi
done

"$bin/openapi-typescript" docs/openapi/public.json -o "$out/api.d.ts" >"$out/openapi-typescript.log" 2>&1 ||
  { cat "$out/openapi-typescript.log" >&2; die "openapi-typescript failed"; }
say "openapi-typescript: $out/api.d.ts"
if "$bin/tsc" -p tests/client/tsconfig.json; then
  say "tsc: tests/client/client.ts type-checks against the generated types"
else
  rc=1
fi
exit "$rc"
