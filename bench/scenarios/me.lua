-- Scenario 3: authenticated read of the current user.
--   AuthService  GET /api/v1/users/me            (Bearer access token)
--   Identity     GET /manage/info                (Bearer token)
--   better-auth  GET /api/auth/get-session?disableRefresh=true (session cookie;
--                what its default config does within a session's update age)
-- BENCH_DATA: one token (cookie) per line, from distinct logins; each thread
-- cycles through them.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local paths = {
  authservice = "/api/v1/users/me",
  identity = "/manage/info",
  ["better-auth"] = "/api/auth/get-session?disableRefresh=true",
}

local reqs = {}
local i

function init(args)
  local tokens = common.read_lines(os.getenv("BENCH_DATA"))
  for k, t in ipairs(tokens) do
    reqs[k] = wrk.format("GET", paths[common.system], common.auth_headers(t), nil)
  end
  i = tid - 1
end

function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end

function response(status, headers, body)
  common.count(status, body)
end
