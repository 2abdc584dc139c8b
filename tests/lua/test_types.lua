-- Tests for types/staging.lua, and checks every question type must pass:
-- the interface, answers-file round trips of encode(), unanswered reviews.
-- (tests/lua/test_staging.lua tests the staging table itself.)

local T = ...
local json = require("json")
local stype = require("types.staging")

local function head(tname)
  return ("id: q1\ntype: %s\ntopic: t\nprompt: Stage it.\nexplain: x\nsource: doc#sec\n")
    :format(tname)
end
local HEAD = head("staging")

local function case(t, n, m)
  return T.question(HEAD .. ("case: {t: %s, n: %s, m: %s}\n"):format(t, n, m))
end

T.test("staging type: the key comes from staging.group", function()
  local q = case("T2", "N1", "M0")
  T.eq(stype.score(q, "IIB"), 1)
  T.eq(stype.score(q, "IIA"), 0)
  T.eq(stype.score(case("T1c", "N1mi", "M0"), "IB"), 1)
  T.eq(stype.score(case("T1", "N0", "M1"), "IV"), 1)
end)

T.test("staging type: parse accepts Roman or Arabic numerals, any case", function()
  local q = case("T2", "N1", "M0")
  T.eq(stype.parse(q, "IIB"), "IIB")
  T.eq(stype.parse(q, "2b"), "IIB")
  T.eq(stype.parse(q, "stage iib"), "IIB")
  T.eq(stype.parse(q, " iv "), "IV")
end)

T.test("staging type: parse refuses what is not a stage group", function()
  local q = case("T2", "N1", "M0")
  local r, why = stype.parse(q, "II")
  T.eq(r, nil)
  T.eq(why, "There is no plain stage II in the anatomic table; say IIA or IIB.")
  r, why = stype.parse(q, "5")
  T.eq(r, nil)
  T.eq(why, "'5' is not a stage group; type a stage group such as IIIA or 3a.")
  r, why = stype.parse(q, { "IIB" })
  T.eq(r, nil)
  T.eq(why, "Type the stage group as text, for example IIIA or 3a.")
end)

T.test("staging type: present shows the case; explain, encode, show", function()
  local q = case("T2", "N1", "M0")
  T.eq(stype.shuffle(q, T.rng(1), true), nil)
  local view = stype.present(q)
  T.eq(view.prompt, "Stage it.\nT2 N1 M0")
  T.eq(view.input, "staging")
  T.eq(stype.explain(q, "IIA"), { answer = "Stage IIB (T2 N1 M0)", notes = {} })
  T.eq(stype.encode(q, "IIB"), "IIB")
  T.eq(stype.show(q, "IIB"), "Stage IIB")
end)

T.test("staging type: a case with no stage group is an error quoting the reason", function()
  T.eq(T.errors(HEAD .. "case: {t: TX, n: N0, m: M0}\n"), {
    "7:7: 'case' cannot be staged: TX N0 M0 has no stage group in the AJCC 8 anatomic " ..
      "table; stage unknown until the tumour can be assessed" })
  T.eq(T.errors(HEAD .. "case: {t: T9, n: N0, m: M0}\n"),
       { "7:7: 'case' cannot be staged: unknown T category 'T9'" })
end)

T.test("staging type: case fields are checked", function()
  T.eq(T.errors(HEAD .. "case:\n  t: T2\n  n: N1\n  g: G2\n"), {
    "8:3: missing field 'm'",
    "10:3: unknown field 'g' in case; did you mean 'm'?",
  })
  T.eq(T.errors(HEAD .. "case: T2 N1 M0\n"),
       { "7:7: 'case' must be a mapping of fields, found text" })
  T.eq(T.errors(HEAD), { "1:1: missing field 'case'" })
end)

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
}

T.test("types: every module has the whole interface", function()
  for _, s in ipairs(SAMPLES) do
    local t = require("types." .. s[1])
    T.ok(type(t.fields) == "table", s[1] .. ".fields")
    for _, fn in ipairs({ "validate", "shuffle", "present", "parse", "score", "explain",
                          "encode", "show" }) do
      T.ok(type(t[fn]) == "function", s[1] .. "." .. fn)
    end
  end
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
    local says = s[1] == "numeric" and "in figures" or "for example"
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
