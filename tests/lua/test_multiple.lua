-- Tests for types/multiple.lua (select all that apply).  Every expected
-- fraction is worked out by hand from the rules in types/multiple.lua (and teachback-quiz(5)):
--   plus-minus     max(0, R - W) / K
--   all-or-nothing 1 only for exactly the correct set
--   partial        max(0, R / K - W / max(X, 2))
-- (R right chosen, W wrong chosen, K correct options, X wrong options).

local T = ...
local multiple = require("types.multiple")
local json = require("json")

local HEAD = "id: q1\ntype: multiple\ntopic: t\nprompt: Pick all.\nexplain: x\nsource: doc#sec\n"

-- Options A, B, C correct; D, E wrong.
local function five(scoring)
  return T.question(HEAD .. (scoring and ("scoring: " .. scoring .. "\n") or "") .. [[
options:
  - text: Bone pain
    correct: true
    feedback: Yes, the most common sign.
  - text: Thirst
    correct: true
  - text: Confusion
    correct: true
  - text: Hair growth
    feedback: Not a sign.
  - text: Better sleep
]])
end

-- 2 correct (A, B) and 4 wrong options.
local function six_two(scoring)
  return T.question(HEAD .. "scoring: " .. scoring .. "\noptions:\n" ..
    "  - text: a\n    correct: true\n  - text: b\n    correct: true\n" ..
    "  - text: c\n  - text: d\n  - text: e\n  - text: f\n")
end

T.test("multiple: scoring defaults to plus-minus", function()
  T.eq(five().scoring, "plus-minus")
end)

T.test("multiple: plus-minus, hand-worked", function()
  local q = five("plus-minus")
  T.eq(multiple.score(q, { 1, 2, 3 }), 1)
  T.eq(multiple.score(q, { 1, 2, 3, 4, 5 }), 1 / 3, "all 5 chosen: (3 - 2) / 3")
  T.eq(multiple.score(q, { 1, 2, 4 }), 1 / 3, "(2 - 1) / 3")
  T.eq(multiple.score(q, { 1, 2 }), 2 / 3)
  T.eq(multiple.score(q, { 1 }), 1 / 3)
  T.eq(multiple.score(q, { 1, 4 }), 0, "(1 - 1) / 3")
  T.eq(multiple.score(q, { 4, 5 }), 0, "floored at 0, not -2/3")
  T.eq(multiple.score(q, {}), 0, "nothing chosen")
end)

T.test("multiple: plus-minus, NCLEX worked check 4 keyed + 2 wrong picked = 2/4", function()
  local q = T.question(HEAD .. "options:\n" ..
    "  - text: a\n    correct: true\n  - text: b\n    correct: true\n" ..
    "  - text: c\n    correct: true\n  - text: d\n    correct: true\n" ..
    "  - text: e\n  - text: f\n  - text: g\n")
  T.eq(multiple.score(q, { 1, 2, 3, 4, 5, 6 }), 0.5)
end)

T.test("multiple: all-or-nothing, hand-worked", function()
  local q = five("all-or-nothing")
  T.eq(multiple.score(q, { 1, 2, 3 }), 1)
  T.eq(multiple.score(q, { 1, 2, 3, 4, 5 }), 0, "all 5 chosen")
  T.eq(multiple.score(q, { 1, 2, 3, 4 }), 0)
  T.eq(multiple.score(q, { 1, 2 }), 0)
  T.eq(multiple.score(q, {}), 0)
end)

T.test("multiple: partial, hand-worked (2 wrong options: divisor max(2, 2) = 2)", function()
  local q = five("partial")
  T.eq(multiple.score(q, { 1, 2, 3 }), 1)
  T.eq(multiple.score(q, { 1, 2, 3, 4, 5 }), 0, "all 5 chosen: 3/3 - 2/2")
  T.eq(multiple.score(q, { 1, 2, 4 }), 1 / 6, "2/3 - 1/2")
  T.eq(multiple.score(q, { 1, 2 }), 2 / 3)
  T.eq(multiple.score(q, { 1, 4 }), 0, "1/3 - 1/2 floored")
  T.eq(multiple.score(q, {}), 0)
end)

T.test("multiple: partial with 4 wrong options divides wrong picks by 4", function()
  local q = six_two("partial")
  T.eq(multiple.score(q, { 1, 2, 3 }), 0.75, "2/2 - 1/4")
  T.eq(multiple.score(q, { 1, 2, 3, 4 }), 0.5, "2/2 - 2/4")
  T.eq(multiple.score(q, { 1, 3, 4 }), 0, "1/2 - 2/4")
  T.eq(multiple.score(q, { 2 }), 0.5)
end)

T.test("multiple: partial with one wrong option still divides by 2", function()
  local q = T.question(HEAD .. "scoring: partial\noptions:\n" ..
    "  - text: a\n    correct: true\n  - text: b\n    correct: true\n  - text: c\n")
  T.eq(multiple.score(q, { 1, 2, 3 }), 0.5, "2/2 - 1/max(1, 2)")
  T.eq(multiple.score(q, { 1, 3 }), 0, "1/2 - 1/2")
end)

T.test("multiple: partial when every option is correct", function()
  local q = T.question(HEAD .. "scoring: partial\noptions:\n" ..
    "  - text: a\n    correct: true\n  - text: b\n    correct: true\n")
  T.eq(multiple.score(q, { 1 }), 0.5)
  T.eq(multiple.score(q, { 1, 2 }), 1)
end)

T.test("multiple: parse accepts spaces, commas, run-together letters and lists", function()
  local q = five()
  T.eq(multiple.parse(q, "A C"), { 1, 3 })
  T.eq(multiple.parse(q, "a,c"), { 1, 3 })
  T.eq(multiple.parse(q, "C, A"), { 1, 3 }, "sorted")
  T.eq(multiple.parse(q, "CA"), { 1, 3 })
  T.eq(multiple.parse(q, "c;a"), { 1, 3 })
  T.eq(multiple.parse(q, { "E", "B" }), { 2, 5 })
  T.eq(multiple.parse(q, {}), {}, "an empty list is an answer: nothing chosen")
end)

T.test("multiple: parse refuses duplicate and unknown labels", function()
  local q = five()
  local r, why = multiple.parse(q, "A C A")
  T.eq(r, nil)
  T.eq(why, "Option A is given twice.")
  r, why = multiple.parse(q, { "b", "B" })
  T.eq(r, nil)
  T.eq(why, "Option B is given twice.")
  r, why = multiple.parse(q, "A F")
  T.eq(r, nil)
  T.eq(why, "There is no option F; choose A to E.")
  r, why = multiple.parse(q, { "A", host.null })
  T.eq(r, nil)
  T.eq(why, "Entry 2 of the list is empty; expected a letter.")
end)

T.test("multiple: parse maps display labels through perm", function()
  local q = five()
  T.eq(multiple.parse(q, "A B", { 5, 4, 3, 2, 1 }), { 4, 5 })
  T.eq(multiple.parse(q, "C D E", { 5, 4, 3, 2, 1 }), { 1, 2, 3 })
end)

T.test("multiple: present after shuffle, labels parse back to file options", function()
  local q = five()
  local perm = multiple.shuffle(q, T.rng(42), true)
  T.eq(perm, multiple.shuffle(q, T.rng(42), true))
  local view = multiple.present(q, perm)
  T.eq(view.input, "multiple")
  T.eq(view.how, "Type the letters of every answer that applies, for example A C.")
  local labels = {}
  for _, it in ipairs(view.blocks[1].items) do labels[#labels + 1] = it.label end
  T.eq(labels, { "A", "B", "C", "D", "E" })
  local all = multiple.parse(q, table.concat(labels, " "), perm)
  T.eq(all, { 1, 2, 3, 4, 5 })
  for pos, it in ipairs(view.blocks[1].items) do
    local got = multiple.parse(q, it.label, perm)
    T.eq(q.options[got[1]].text, it.text)
    T.eq(got[1], perm[pos])
  end
end)

T.test("multiple: explain notes every chosen option and every right one missed", function()
  local q = five()
  T.eq(multiple.explain(q, { 1, 4 }), {
    answer = "Bone pain; Thirst; Confusion",
    notes = {
      { mark = "right", text = "Bone pain", feedback = "Yes, the most common sign." },
      { mark = "missed", text = "Thirst" },
      { mark = "missed", text = "Confusion" },
      { mark = "wrong", text = "Hair growth", feedback = "Not a sign." },
    } })
  T.eq(#multiple.explain(q, nil).notes, 3, "unanswered: the 3 right options")
end)

T.test("multiple: encode and show", function()
  local q = five()
  T.eq(multiple.encode(q, { 1, 3 }), { "A", "C" })
  T.eq(json.encode(multiple.encode(q, {})), "[]")
  T.eq(multiple.show(q, { 1, 3 }), "Bone pain; Confusion")
  T.eq(multiple.show(q, {}), "(nothing chosen)")
end)

T.test("multiple: no correct option, and an unknown scoring rule", function()
  T.eq(T.errors(HEAD .. "scoring: plus_minus\noptions:\n  - text: a\n  - text: b\n"), {
    "7:10: 'scoring' must be one of plus-minus, all-or-nothing, partial, found " ..
      "'plus_minus'; did you mean 'plus-minus'?",
    "9:3: question 'q1' has no correct option; mark at least one with 'correct: true'",
  })
end)

T.test("multiple: unknown fields in an option", function()
  T.eq(T.errors(HEAD .. "options:\n  - text: a\n    correct: true\n    feedbak: x\n" ..
                "  - text: b\n    why: y\n"), {
    "10:5: unknown field 'feedbak' in option 1; did you mean 'feedback'?",
    "12:5: unknown field 'why' in option 2",
  })
end)
