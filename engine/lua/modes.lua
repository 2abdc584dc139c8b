-- modes.lua: the registry of modes (modes/NAME.lua).
--
-- A mode is a plug-in as a question type is: it owns how many tries a
-- question gets, whether certainty is asked, the marks, and every word that
-- depends on them (its intro, its lines in the feedback and the summary, its
-- fields in the result, the commands it offers).  The attempt, the views and
-- the front ends ask the mode; none of them names one.  C asks this module
-- for the list (main.c: --mode and --help).
--
-- Adding a mode: modes/NAME.lua keeping contracts.MODE, and a test; it is
-- registered by being built in (host.modules), and tests/lua/test_modes.lua
-- runs every registered mode.

local contracts = require("contracts")

local M = {}

-- The registered modes, in the order --help and messages list them: the
-- four first, then any other mode built in, by name.
M.NAMES = { "practice", "exam", "adaptive", "cbm" }

local checked = {}

-- A mode's module by name, its contract checked the first time.
function M.get(name)
  local m = checked[name]
  if m then return m end
  m = contracts.check_mode(name, require("modes." .. name))
  checked[name] = m
  return m
end

-- Is `name` a registered mode?
function M.known(name)
  for _, n in ipairs(M.NAMES) do
    if n == name then return true end
  end
  return false
end

-- Every modes/NAME.lua built into the binary is registered.
for _, module in ipairs(host.modules("modes.")) do
  local name = module:sub(#"modes." + 1)
  if not M.known(name) then M.NAMES[#M.NAMES + 1] = name end
end

-- Register a mode made elsewhere (a test's, a site's own): checked now,
-- then known by name like the bundled ones.
function M.register(m)
  local name = type(m) == "table" and m.name or "?"
  checked[name] = contracts.check_mode(tostring(name), m)
  if not M.known(name) then M.NAMES[#M.NAMES + 1] = name end
  return m
end

-- Take a registered mode off the list again (a test cleaning up).
function M.unregister(name)
  for i, n in ipairs(M.NAMES) do
    if n == name then table.remove(M.NAMES, i) break end
  end
  checked[name] = nil
end

-- "practice, exam, adaptive or cbm": the list as a sentence says it.
function M.list_text()
  local n = #M.NAMES
  if n == 1 then return M.NAMES[1] end
  return table.concat(M.NAMES, ", ", 1, n - 1) .. " or " .. M.NAMES[n]
end

-- "practice|exam|adaptive|cbm": the list as a usage line says it.
function M.usage_text()
  return table.concat(M.NAMES, "|")
end

return M
