-- Scenario 6: introspection by a downstream service (AuthService only).
--   POST /api/v1/introspect  X-API-Key: <service key>
--   {"token": "<a user's access token>", "service": "cvmaker", "consume": false}
-- introspect-consume.lua is the same with "consume": true (one metered call
-- counted per request; the seeded users are on the unlimited plan, so every
-- call is counted and none is refused).
-- BENCH_DATA: one access token per line, from distinct logins; each thread
-- cycles through them. BENCH_SERVICE_KEY: the key from `create-service-key`.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local consume = INTROSPECT_CONSUME and "true" or "false"
local key = os.getenv("BENCH_SERVICE_KEY") or ""

function init(args)
  local headers = { ["Content-Type"] = "application/json", ["X-API-Key"] = key }
  local reqs = {}
  for k, t in ipairs(common.read_lines(os.getenv("BENCH_DATA"))) do
    local body = string.format('{"token":"%s","service":"cvmaker","consume":%s}', t, consume)
    reqs[k] = wrk.format("POST", "/api/v1/introspect", headers, body)
  end
  common.cycle(reqs)
end
