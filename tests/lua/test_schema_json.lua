-- schema/quiz.schema.json must name exactly the fields quiz.lua and the
-- question types accept, so editors never offer a field `check` refuses
-- or miss one it takes.  (Validation itself is compared with ajv in
-- tests/e2e/cases/70-interop.sh.)

local T = ...
local quiz = require("quiz")

local function load_schema()
  local data, where = host.read_yaml("schema/quiz.schema.json")
  assert(data, where)
  return data
end

local function keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return out
end

local function set_keys(set)
  return keys(set)
end

T.test("schema json: quiz and settings fields are quiz.lua's", function()
  local s = load_schema()
  T.eq(keys(s.properties), set_keys(quiz.QUIZ_FIELDS), "quiz fields")
  T.eq(keys(s.properties.settings.properties), set_keys(quiz.SETTINGS_FIELDS), "settings")
  T.eq(s.properties.audience.enum, quiz.AUDIENCES, "audiences")
  T.eq(s.properties.settings.properties.mode.enum, quiz.MODES, "modes")
end)

T.test("schema json: every type, with its fields, and no other", function()
  local s = load_schema()
  local q = s.definitions.question
  T.eq(q.properties.type.enum, quiz.TYPES, "types")
  T.eq(#q.allOf, #quiz.TYPES, "one variant per type")
  for i, tname in ipairs(quiz.TYPES) do
    local variant = q.allOf[i]
    T.eq(variant["if"].properties.type.const, tname, "variant " .. i)
    local want = {}
    for _, f in ipairs(quiz.COMMON_FIELDS) do want[f] = true end
    for _, f in ipairs(quiz.type_module(tname).fields) do want[f] = true end
    T.eq(keys(variant["then"].properties), keys(want), tname .. " fields")
    local scoring = quiz.type_module(tname).SCORING
    if scoring then T.eq(variant["then"].properties.scoring.enum, scoring, tname .. " scoring") end
  end
end)

