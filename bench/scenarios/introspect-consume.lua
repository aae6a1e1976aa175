-- Scenario 7: introspection with "consume": true; see introspect.lua.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
INTROSPECT_CONSUME = true
dofile(dir .. "introspect.lua")
