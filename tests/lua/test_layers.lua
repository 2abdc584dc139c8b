-- The attempt, its views and its dialogue are layers: none requires what
-- is built on it, at the top of a file or lazily inside a function, so
-- there is no require cycle among them (read from the sources).
local T = ...
local modes = require("modes")
local quiz = require("quiz")

-- The modules `name` requires by a literal name; the registries' plug-ins
-- (required by a name made at run time) are counted as theirs.
local function requires(name)
  -- lexvocab is data made at build time (scripts/lexvocab.lua): no requires.
  if name == "lexvocab" then return {} end
  local path = "engine/lua/" .. name:gsub("%.", "/") .. ".lua"
  local text, why = host.read_text(path, 1 << 20)
  T.ok(text, tostring(why))
  local out = {}
  for dep in text:gmatch('require%("([%w_%.]+)"%)') do out[#out + 1] = dep end
  if name == "modes" then
    for _, m in ipairs(modes.NAMES) do out[#out + 1] = "modes." .. m end
  elseif name == "quiz" then
    for _, t in ipairs(quiz.TYPES) do out[#out + 1] = "types." .. t end
  end
  return out
end

-- Every module `name` reaches through requires.
local function reach(name)
  local seen, todo = {}, { name }
  while #todo > 0 do
    local m = table.remove(todo)
    for _, dep in ipairs(requires(m)) do
      if not seen[dep] then
        seen[dep] = true
        todo[#todo + 1] = dep
      end
    end
  end
  return seen
end

T.test("layers: the attempt needs no view or dialogue, the views no dialogue", function()
  local from_attempt, from_report, from_dialogue = reach("attempt"), reach("report"),
    reach("dialogue")
  for _, up in ipairs({ "report", "dialogue", "session", "cli" }) do
    T.eq(from_attempt[up], nil, "attempt reaches " .. up)
  end
  for _, up in ipairs({ "dialogue", "session", "cli" }) do
    T.eq(from_report[up], nil, "report reaches " .. up)
  end
  T.eq(from_dialogue.session, nil, "dialogue reaches session")
  T.ok(from_dialogue.report and from_dialogue.attempt and from_report.attempt, "the layers are used")
  T.ok(from_attempt["modes.cbm"] and from_attempt["types.teachback"], "the plug-ins are counted")
end)

T.test("layers: no module of the attempt, its views, dialogue or modes requires itself back",
       function()
  local names = { "attempt", "report", "dialogue", "session", "modes" }
  for _, m in ipairs(modes.NAMES) do names[#names + 1] = "modes." .. m end
  for _, name in ipairs(names) do
    T.eq(reach(name)[name], nil, name .. " is in a require cycle")
  end
end)
