-- Scenario 5: registration with a unique email per request (mail is sent by
-- AuthService to the catcher and never read).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
local path = common.install({
  authservice = "/api/v1/auth/register",
  identity = "/register",
  ["better-auth"] = "/api/auth/sign-up/email",
})

local n, prefix, headers

function init(args)
  n = 0
  prefix = string.format("reg-%s-%d-", os.getenv("BENCH_RUN_ID") or tostring(os.time()), tid)
  headers = common.post_headers()
end

function request()
  n = n + 1
  local email = prefix .. n .. "@bench.test"
  local body
  if common.system == "identity" then
    body = string.format('{"email":"%s","password":"%s"}', email, common.password)
  else
    body = string.format('{"email":"%s","password":"%s","name":"Bench User"}', email, common.password)
  end
  return wrk.format("POST", path, headers, body)
end
