-- Scenario 3: authenticated read of the current user.
--   AuthService  GET /api/v1/users/me            (Bearer access token)
--   Identity     GET /manage/info                (Bearer token)
--   better-auth  GET /api/auth/get-session?disableRefresh=true (session cookie;
--                what its default config does within a session's update age)
-- BENCH_DATA: one token (cookie) per line, from distinct logins; each thread
-- cycles through them.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
local path = common.install({
  authservice = "/api/v1/users/me",
  identity = "/manage/info",
  ["better-auth"] = "/api/auth/get-session?disableRefresh=true",
})

function init(args)
  local reqs = {}
  for k, t in ipairs(common.read_lines(os.getenv("BENCH_DATA"))) do
    reqs[k] = wrk.format("GET", path, common.auth_headers(t), nil)
  end
  common.cycle(reqs)
end
