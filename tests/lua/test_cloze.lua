-- Tests for types/cloze.lua.  0/1 per blank; fraction = blanks right / 3.
-- Keys: blank 1 A (PTHrP), blank 2 B (IV fluids), blank 3 A (bisphosphonate).

local T = ...
local cloze = require("types.cloze")

local HEAD = "id: q1\ntype: cloze\ntopic: t\nprompt: Choose.\nexplain: x\nsource: doc#sec\n"

local function hc()
  return T.question(HEAD .. [[
text: Caused by {{1}} from tumour cells; treat with {{2}} and an IV {{3}}.
blanks:
  - options: [PTHrP, oestrogen, insulin]
    answer: PTHrP
  - options: [fluid restriction, IV fluids]
    answer: IV fluids
  - options: [bisphosphonate, calcium, CDK4/6 inhibitor]
    answer: bisphosphonate
]])
end

T.test("cloze: 0/1 per blank, hand-worked", function()
  local q = hc()
  local f, parts = cloze.score(q, { 1, 2, 1 })
  T.eq(f, 1)
  T.eq(parts, { 1, 1, 1 })
  f, parts = cloze.score(q, { 1, 1, 1 })
  T.eq(f, 2 / 3, "blank 2 wrong")
  T.eq(parts, { 1, 0, 1 })
  T.eq(cloze.score(q, { [2] = 2 }), 1 / 3, "only blank 2 answered")
  T.eq(cloze.score(q, { 2, 1, 3 }), 0)
  T.eq(cloze.score(q, {}), 0)
end)

T.test("cloze: parse numbered and in-order letters", function()
  local q = hc()
  T.eq(cloze.parse(q, "1A 2B 3A"), { 1, 2, 1 })
  T.eq(cloze.parse(q, "3c 1b 2a"), { 2, 1, 3 })
  T.eq(cloze.parse(q, "A B A"), { 1, 2, 1 })
  T.eq(cloze.parse(q, "a,b,a"), { 1, 2, 1 })
  T.eq(cloze.parse(q, "ABA"), { 1, 2, 1 }, "one letter per blank, run together")
  T.eq(cloze.parse(q, { ["1"] = "A", ["3"] = "A" }), { [1] = 1, [3] = 1 }, "answers file: partial")
  T.eq(cloze.parse(q, { "B", "A" }), { 2, 1 })
end)

T.test("cloze: parse refuses unknown options, blanks and missing blanks", function()
  local q = hc()
  local cases = {
    { "1D 2A 3A", "Blank 1 has no option D; choose A to C." },
    { "1A 2C 3A", "Blank 2 has no option C; choose A or B." },
    { { ["2"] = "C" }, "Blank 2 has no option C; choose A or B." },
    { "1A 2B", "Answer every blank: blank 3 is missing; type each blank number with a " ..
               "letter, for example 1A 2B." },
    { "A B", "Answer every blank: blank 3 is missing; type each blank number with a " ..
             "letter, for example 1A 2B." },
    { "4A 1A 2B 3A", "There is no blank 4; blanks are 1 to 3." },
    { "1AB 2B 3A", "Blank 1 takes one letter, not 2." },
  }
  for _, c in ipairs(cases) do
    local r, why = cloze.parse(q, c[1])
    T.eq(r, nil, T.show(c[1]))
    T.eq(why, c[2])
  end
end)

T.test("cloze: present shows the text with [n] and a block per blank", function()
  local q = hc()
  local view = cloze.present(q, nil)
  T.eq(view.prompt, "Choose.\nCaused by [1] from tumour cells; treat with [2] and an IV [3].")
  T.eq(view.blocks[2], { title = "Blank 2", items = {
    { label = "A", text = "fluid restriction" }, { label = "B", text = "IV fluids" } } })
  T.eq(#view.blocks, 3)
  T.eq(view.input, "cloze")
end)

T.test("cloze: per-blank shuffles are deterministic and parse back", function()
  local q = hc()
  T.eq(cloze.shuffle(q, T.rng(3), false), nil)
  for seed = 1, 10 do
    local perm = cloze.shuffle(q, T.rng(seed), true)
    T.eq(perm, cloze.shuffle(q, T.rng(seed), true))
    local view = cloze.present(q, perm)
    local line = {}
    for b, block in ipairs(view.blocks) do
      for _, it in ipairs(block.items) do
        if it.text == q.blanks[b].answer then line[#line + 1] = b .. it.label end
      end
    end
    local resp = cloze.parse(q, table.concat(line, " "), perm)
    T.eq(resp, { 1, 2, 1 })
    T.eq(cloze.score(q, resp), 1)
  end
end)

T.test("cloze: explain, encode, show", function()
  local q = hc()
  T.eq(cloze.explain(q, { 2, nil, 1 }), {
    answer = "1 → PTHrP; 2 → IV fluids; 3 → bisphosphonate",
    notes = {
      { mark = "wrong", text = "Blank 1: oestrogen (right: PTHrP)" },
      { mark = "missed", text = "Blank 2: not answered (right: IV fluids)" },
    } })
  T.eq(cloze.encode(q, { 1, 2, 1 }), { ["1"] = "A", ["2"] = "B", ["3"] = "A" })
  T.eq(cloze.show(q, { [1] = 1, [3] = 3 }), "1 → PTHrP; 3 → CDK4/6 inhibitor")
end)

T.test("cloze: placeholders and blanks must correspond", function()
  T.eq(T.errors(HEAD .. [[
text: "{{1}} and {{3}} and {{1}}"
blanks:
  - options: [a, b]
    answer: a
  - options: [c, d]
    answer: d
]]), {
    "7:7: placeholder {{1}} is used twice in 'text'",
    "7:7: placeholder {{3}} has no blank; 'blanks' lists 2 blanks",
    "11:5: blank 2 has no placeholder {{2}} in 'text'",
  })
end)

T.test("cloze: a blank's answer must be one of its options", function()
  T.eq(T.errors(HEAD .. [[
text: "{{1}}"
blanks:
  - options: [a]
    answer: b
    hint: x
]]), {
    "9:14: 'options' needs at least 2 options, found 1",
    "11:5: unknown field 'hint' in blank 1",
  })
  T.eq(T.errors(HEAD .. "text: '{{1}}'\nblanks:\n  - options: [a, b]\n    answer: c\n"),
       { "10:13: answer 'c' of blank 1 is not one of its options" })
  T.eq(T.errors(HEAD .. "text: no gaps\nblanks: []\n"),
       { "8:9: 'blanks' needs at least 1 blank, found 0" })
end)
