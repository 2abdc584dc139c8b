-- The engine's modules are embedded as bytecode without their local
-- variables' names, nor their upvalues' but _ENV's (scripts/embed.c): an
-- error in one still names its file and line, and a global as a global.
local T = ...
local textnorm = require("textnorm")

-- The line of the first line of engine/lua/NAME.lua holding `text`.
local function line_of(name, text)
  local src = assert(host.read_text("engine/lua/" .. name .. ".lua", 1 << 20))
  local n = 1
  for line in src:gmatch("([^\n]*)\n") do
    if line:find(text, 1, true) then return n end
    n = n + 1
  end
  error("no line holds " .. text)
end

T.test("embed: an engine error names the module's file and line", function()
  local ok, msg = pcall(textnorm.pieces, nil)
  T.eq(ok, false)
  T.eq(msg, ("engine/lua/textnorm.lua:%d: attempt to index a nil value"):format(
    line_of("textnorm", 'local star = pattern:find("*", start, true)')))
end)

T.test("embed: a global stays named as a global", function()
  -- util.lazy's proxy calls the global require when first indexed.
  local proxy = require("util").lazy("no.such.module")
  local saved = _ENV.require
  _ENV.require = nil
  local ok, msg = pcall(function() return proxy.x end)
  _ENV.require = saved
  T.eq(ok, false)
  T.eq(msg, ("engine/lua/util.lua:%d: attempt to call a nil value (global 'require')"):format(
    line_of("util", "local m = require(name)")))
end)
