-- Scenario 4: list the sessions of a user who has 20 active sessions.
--   AuthService  GET /api/v1/sessions
--   better-auth  GET /api/auth/list-sessions?disableRefresh=true
--   Identity     has no such endpoint (not run)
-- BENCH_DATA: the token (cookie) of that user's newest session.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
local path = common.install({
  authservice = "/api/v1/sessions",
  ["better-auth"] = "/api/auth/list-sessions?disableRefresh=true",
})

local req

function init(args)
  local token = common.read_lines(os.getenv("BENCH_DATA"))[1]
  req = wrk.format("GET", path, common.auth_headers(token), nil)
end

function request()
  return req
end
