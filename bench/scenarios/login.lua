-- Scenario 1: password login. Users were seeded (and verified) beforehand;
-- BENCH_DATA lists their emails. Threads interleave over the list, so each
-- request logs in a different user until the list wraps around.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
local path = common.install({
  authservice = "/api/v1/auth/login",
  identity = "/login",
  ["better-auth"] = "/api/auth/sign-in/email",
})

local users, i, headers

function init(args)
  users = common.read_lines(os.getenv("BENCH_DATA"))
  i = tid - 1
  headers = common.post_headers()
end

function request()
  local email = users[(i % #users) + 1]
  i = i + common.nthreads
  local body
  if common.system == "authservice" then
    body = string.format('{"email":"%s","password":"%s","device_name":"wrk"}', email, common.password)
  else
    body = string.format('{"email":"%s","password":"%s"}', email, common.password)
  end
  return wrk.format("POST", path, headers, body)
end
