-- Contracts (engine/lua/contracts.lua): what every registered question
-- type and mode must keep, the view blocks and the host library; and, for
-- one valid question of each type, the checks every type must pass.

local T = ...
local contracts = require("contracts")
local json = require("json")
local quiz = require("quiz")

local function head(tname)
  return ("id: q1\ntype: %s\ntopic: t\nprompt: Stage it.\nexplain: x\nsource: doc#sec\n")
    :format(tname)
end

-- One valid question of each type, with a response of each, for the
-- checks every type must pass.
local SAMPLES = {
  { "single", "options:\n  - text: a\n    correct: true\n  - text: b\n", 2 },
  { "multiple", "options:\n  - text: a\n    correct: true\n  - text: b\n  - text: c\n",
    { 1, 3 } },
  { "truefalse", "answer: false\n", false },
  { "matching", "pairs:\n  - {left: a, right: x}\n  - {left: b, right: y}\n" ..
                "distractors: [z]\n", { [1] = 3, [2] = 2 } },
  { "ordering", "items: [a, b, c]\n", { 3, 1, 2 } },
  { "numeric", "answer: 70\nunit: '%'\n", 72.5 },
  { "text", "accept: [osteoclast*]\n", "Osteoclasts" },
  { "cloze", "text: '{{1}} {{2}}'\nblanks:\n  - {options: [a, b], answer: a}\n" ..
             "  - {options: [c, d], answer: d}\n", { [2] = 1 } },
  { "matrix", "columns: [x, y]\nrows:\n  - {text: a, answer: x}\n  - {text: b, answer: y}\n",
    { [1] = 2 } },
  { "matrix", "columns: [x, y]\nrows:\n  - {text: a, answer: [x, y]}\n" ..
              "  - {text: b, answer: y}\n", { [1] = { 1 }, [2] = { 1, 2 } } },
  { "staging", "case: {t: T3, n: N0, m: M0}\n", "IIB" },
  { "teachback", "key_points:\n  - {id: call, says: Call the team now., any: [call* * now]}\n",
    "I would call the team now" },
}

T.test("types: every registered type has a sample here and keeps its contract", function()
  local sampled = {}
  for _, s in ipairs(SAMPLES) do sampled[s[1]] = true end
  for _, name in ipairs(quiz.TYPES) do
    T.ok(sampled[name], "no sample for type " .. name)
    T.eq(quiz.type_module(name), require("types." .. name))
    contracts.check_type(name, require("types." .. name))
  end
  T.eq(#quiz.TYPES, 11)
end)

T.test("contracts: a type or mode missing a function is refused by name", function()
  local ok, err = pcall(contracts.check_type, "broken", { fields = {} })
  T.eq(ok, false)
  T.ok(err:find("question type 'broken' breaks its contract: no function 'validate'", 1, true), err)
  ok, err = pcall(contracts.check_type, "broken", "x")
  T.ok(err:find("question type 'broken' breaks its contract: it returned string, not a table",
                1, true), err)
  ok, err = pcall(contracts.check_mode, "slow", { name = "slow", immediate = true,
                                                  tries = function() end })
  T.eq(ok, false)
  T.ok(err:find("mode 'slow' breaks its contract: no function 'asks_certainty'", 1, true), err)
  ok, err = pcall(contracts.check_mode, "slow", { name = "fast" })
  T.ok(err:find("mode 'slow' breaks its contract: its name is 'fast'", 1, true), err)
end)

T.test("modes: every registered mode keeps its contract", function()
  local session = require("session")
  for _, name in ipairs(quiz.MODES) do
    T.eq(session.mode_module(name).name, name)
  end
  T.eq(quiz.MODES, { "practice", "exam", "adaptive", "cbm" })
end)

T.test("host: the library C gives the Lua side is whole", function()
  T.eq(contracts.host_fault(host), nil)
  T.eq(contracts.host_fault({}), "host.read_yaml is not a function")
end)

T.test("views: the menu is made of documented block kinds", function()
  local rows, view = require("cli").menu("tests/e2e/fixtures/catalog")
  T.eq(#rows, 2)
  T.eq(view[1].kind, "subheading")
  T.eq(view[2], { kind = "item", label = "1",
                  text = "A quiz in a .yaml file — 1 question, about 1 min" })
  T.eq(contracts.view_fault(view), nil)
  T.eq(contracts.view_fault({ { kind = "banner", text = "x" } }), "block 1: unknown kind 'banner'")
end)

T.test("types: encode gives answers-file notation that parses back", function()
  for _, s in ipairs(SAMPLES) do
    local t = require("types." .. s[1])
    local q = T.question(head(s[1]) .. s[2])
    local enc = t.encode(q, s[3])
    json.encode(enc) -- must not raise
    local back, why = t.parse(q, enc, nil)
    T.eq(back, s[3], s[1] .. " round trip " .. tostring(why))
  end
end)

T.test("types: score is a fraction in [0, 1]; show is text", function()
  for _, s in ipairs(SAMPLES) do
    local t = require("types." .. s[1])
    local q = T.question(head(s[1]) .. s[2])
    local f = t.score(q, s[3])
    T.ok(type(f) == "number" and f >= 0 and f <= 1, s[1] .. " fraction " .. tostring(f))
    T.ok(type(t.show(q, s[3])) == "string", s[1] .. " show")
  end
end)

T.test("types: explain works for an unanswered question", function()
  for _, s in ipairs(SAMPLES) do
    local t = require("types." .. s[1])
    local q = T.question(head(s[1]) .. s[2])
    local ex = t.explain(q, nil)
    T.ok(type(ex.answer) == "string" and #ex.answer > 0, s[1] .. " answer")
    T.ok(type(ex.notes) == "table", s[1] .. " notes")
  end
end)

T.test("types: present gives a prompt, blocks, how and the input kind", function()
  for _, s in ipairs(SAMPLES) do
    local t = require("types." .. s[1])
    local q = T.question(head(s[1]) .. s[2])
    local view = t.present(q, t.shuffle(q, T.rng(5), true))
    T.ok(type(view.prompt) == "string", s[1] .. " prompt")
    T.ok(type(view.blocks) == "table", s[1] .. " blocks")
    -- Every how gives an example, except numeric's: a fixed number there
    -- read like a hint at the answer, so it says how to write one instead.
    -- and teach-back's asks for the learner's own words.
    local says = s[1] == "numeric" and "in figures" or s[1] == "teachback" and "own words" or
      "for example"
    T.ok(type(view.how) == "string" and view.how:find(says, 1, true), s[1] .. " how")
    T.eq(view.input, s[1])
  end
end)

T.test("types: validating twice (a script's question is re-checked) changes nothing", function()
  local schema = require("schema")
  for _, s in ipairs(SAMPLES) do
    local t = require("types." .. s[1])
    local q = T.question(head(s[1]) .. s[2])
    local v = schema.new("again", {})
    t.validate(q, v)
    T.eq(v.errors, 0, s[1])
  end
end)
