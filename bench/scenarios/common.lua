-- Shared helpers for the wrk scenarios. Each scenario script does
--   local common = dofile(<dir> .. "common.lua")
-- Configuration comes from the environment (wrk passes no args to setup/done):
--   BENCH_SYSTEM   authservice | identity | better-auth
--   BENCH_OUT      file that done() writes the cell's JSON result to (optional)
--   BENCH_THREADS  the -t value (lets threads interleave their work)
--   BENCH_DATA     scenario data file (users / tokens), one item per line
--   BENCH_OFFSET   first line of BENCH_DATA this run may use (refresh chains)
--   BENCH_PASSWORD password of the seeded users
--   BENCH_RUN_ID   unique id of this run (register scenario)
local M = {}

M.system = os.getenv("BENCH_SYSTEM") or "authservice"
M.nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
M.password = os.getenv("BENCH_PASSWORD") or "Bench-Passw0rd-2026!"

local threads = {}
local nextid = 0

-- Installs the global setup/done functions wrk calls in its main Lua state,
-- and a response() that counts non-2xx answers (a scenario may define its own).
-- paths: the scenario's path per system; returns the one for BENCH_SYSTEM.
function M.install(paths)
  function response(status, headers, body)
    M.count(status, body)
  end

  function setup(thread)
    nextid = nextid + 1
    thread:set("tid", nextid)
    table.insert(threads, thread)
  end

  function done(summary, latency, requests)
    local non2xx = 0
    for _, t in ipairs(threads) do
      non2xx = non2xx + (t:get("non2xx") or 0)
    end
    local e = summary.errors
    local secs = summary.duration / 1e6
    local out = string.format(
      '{"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,' ..
      '"max_ms":%.3f,"mean_ms":%.3f,"non2xx":%d,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
      '"errors":%d,"threads":%d}',
      summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000, non2xx,
      e.connect, e.read, e.write, e.timeout,
      non2xx + e.connect + e.read + e.write + e.timeout, #threads)
    local path = os.getenv("BENCH_OUT")
    if path and path ~= "" then
      local f = assert(io.open(path, "w"))
      f:write(out, "\n")
      f:close()
    end
    io.write(out, "\n")
  end

  return paths and assert(paths[M.system], "no endpoint for " .. M.system)
end

-- Sends the prebuilt requests round-robin, each thread starting at its own.
function M.cycle(reqs)
  local i = tid - 1
  function request()
    i = i + 1
    return reqs[(i % #reqs) + 1]
  end
end

-- Per-thread: counts non-2xx answers (wrk itself only counts >= 400).
non2xx = 0
M.first_bad_status = nil
function M.count(status, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 3 and os.getenv("BENCH_DEBUG") then
      io.stderr:write(string.format("[%s] HTTP %d: %s\n", M.system, status, (body or ""):sub(1, 300)))
    end
  end
end

function M.read_lines(path)
  local lines = {}
  local f = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  for line in f:lines() do
    if line ~= "" then table.insert(lines, line) end
  end
  f:close()
  assert(#lines > 0, "no data in " .. path)
  return lines
end

-- Authentication header for a token line: better-auth uses its session
-- cookie (its recommended, default transport); the others a Bearer token.
function M.auth_headers(token)
  if M.system == "better-auth" then
    return { ["Cookie"] = token }
  end
  return { ["Authorization"] = "Bearer " .. token }
end

M.json = { ["Content-Type"] = "application/json" }

-- better-auth checks the Origin of cookie-less POSTs against its base URL.
function M.post_headers()
  if M.system == "better-auth" then
    return { ["Content-Type"] = "application/json", ["Origin"] = os.getenv("BENCH_ORIGIN") or "http://127.0.0.1" }
  end
  return M.json
end

return M
