-- Scenario 2: refresh-token rotation. Each virtual user keeps its own chain:
-- the refresh token of every answer is the one sent next.
--
-- wrk cannot tell which connection a response() belongs to, so bench.sh runs
-- this scenario with ONE CONNECTION PER THREAD (-t C -c C): the thread's Lua
-- state then holds exactly one chain, and wrk never has two requests of the
-- same thread in flight (no pipelining), so every request carries the token
-- parsed from the previous answer.
--
-- BENCH_DATA holds fresh refresh tokens (better-auth: session cookies), one per
-- line; thread n of this run uses line BENCH_OFFSET + n, so no run starts
-- from a token that an earlier run already rotated.
--
-- better-auth has no refresh token: its nearest equivalent is the sliding
-- session refresh of get-session (UPDATE of the session's expiry + new
-- cookie), which the peer performs on every call (BA_SESSION_UPDATE_AGE=0).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local token, headers

function init(args)
  local lines = common.read_lines(os.getenv("BENCH_DATA"))
  local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
  token = assert(lines[offset + tid], "not enough seeded refresh tokens for thread " .. tid)
  headers = common.post_headers()
end

function request()
  if common.system == "authservice" then
    return wrk.format("POST", "/api/v1/auth/refresh", headers,
      '{"refresh_token":"' .. token .. '"}')
  elseif common.system == "identity" then
    return wrk.format("POST", "/refresh", headers, '{"refreshToken":"' .. token .. '"}')
  else
    return wrk.format("GET", "/api/auth/get-session", { ["Cookie"] = token }, nil)
  end
end

function response(status, hdrs, body)
  common.count(status, body)
  if status ~= 200 then return end
  local new
  if common.system == "authservice" then
    new = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  elseif common.system == "identity" then
    new = body:match('"refreshToken"%s*:%s*"([^"]+)"')
  else
    local sc = hdrs["Set-Cookie"] or hdrs["set-cookie"]
    if sc then
      new = sc:match("(better%-auth%.session_token=[^;]+)")
    end
  end
  if new then token = new end
end
