-- Tests for types/single.lua (and the option helpers in types/choice.lua).
-- Expected values are worked out by hand from the rules in types/single.lua (and teachback-quiz(5)).

local T = ...
local single = require("types.single")

-- Six header lines, so the body starts on line 7 (error positions below).
local HEAD = "id: q1\ntype: single\ntopic: t\nprompt: Pick one.\nexplain: x\nsource: doc#sec\n"

local FOUR = HEAD .. [[
options:
  - text: Bone
    correct: true
    feedback: Most common.
  - text: Skin
    feedback: Rare.
  - text: Liver
  - text: None of the above
    fixed: true
]]

T.test("single: options are converted (booleans, defaults)", function()
  local q = T.question(FOUR)
  T.eq(q.options[1].correct, true)
  T.eq(q.options[2].correct, false)
  T.eq(q.options[4].fixed, true)
  T.eq(q.options[1].fixed, false)
end)

T.test("single: the right option scores 1, any other 0", function()
  local q = T.question(FOUR)
  T.eq(single.score(q, 1), 1)
  T.eq(single.score(q, 2), 0)
  T.eq(single.score(q, 4), 0)
end)

T.test("single: parse reads a label in file order without perm", function()
  local q = T.question(FOUR)
  T.eq(single.parse(q, "B"), 2)
  T.eq(single.parse(q, "b"), 2)
  T.eq(single.parse(q, "  c "), 3)
  T.eq(single.parse(q, { "D" }), 4)
end)

T.test("single: parse maps a display label through perm", function()
  local q = T.question(FOUR)
  T.eq(single.parse(q, "A", { 3, 1, 2, 4 }), 3)
  T.eq(single.parse(q, "B", { 3, 1, 2, 4 }), 1)
end)

T.test("single: parse refuses an unknown label, naming it", function()
  local q = T.question(FOUR)
  local r, why = single.parse(q, "E")
  T.eq(r, nil)
  T.eq(why, "There is no option E; choose A to D.")
  r, why = single.parse(q, "7")
  T.eq(r, nil)
  T.eq(why, "There is no option 7; choose A to D.")
end)

T.test("single: two options say 'A or B'", function()
  local q = T.question(HEAD .. "options:\n  - text: Yes\n    correct: true\n  - text: No\n")
  local r, why = single.parse(q, "C")
  T.eq(r, nil)
  T.eq(why, "There is no option C; choose A or B.")
end)

T.test("single: parse refuses two labels and an empty answer", function()
  local q = T.question(FOUR)
  local r, why = single.parse(q, "A C")
  T.eq(r, nil)
  T.eq(why, "Choose one option only, one letter A to D.")
  r, why = single.parse(q, "AC")
  T.eq(why, "Choose one option only, one letter A to D.")
  r, why = single.parse(q, "")
  T.eq(r, nil)
  T.eq(why, "Type the letter of one option, A to D.")
  r, why = single.parse(q, { x = "A" })
  T.eq(r, nil)
  T.eq(why, "Type the letter of one option, A to D.")
end)

T.test("single: no shuffle gives file order (nil)", function()
  local q = T.question(FOUR)
  T.eq(single.shuffle(q, T.rng(1), false), nil)
end)

T.test("single: shuffle is deterministic and keeps fixed options in place", function()
  local q = T.question(FOUR)
  local moved = false
  for seed = 1, 40 do
    local a = single.shuffle(q, T.rng(seed), true)
    local b = single.shuffle(q, T.rng(seed), true)
    T.eq(a, b, "same seed, same order")
    T.eq(a[4], 4, "'None of the above' stays last")
    local sorted = { a[1], a[2], a[3] }
    table.sort(sorted)
    T.eq(sorted, { 1, 2, 3 }, "a permutation")
    if a[1] ~= 1 or a[2] ~= 2 then moved = true end
  end
  T.ok(moved, "some seed moves something")
end)

T.test("single: labels shown after a shuffle parse back to the file option", function()
  local q = T.question(FOUR)
  for seed = 1, 10 do
    local perm = single.shuffle(q, T.rng(seed), true)
    local view = single.present(q, perm)
    for pos, item in ipairs(view.blocks[1].items) do
      local i = single.parse(q, item.label, perm)
      T.eq(q.options[i].text, item.text)
      T.eq(i, perm[pos])
    end
  end
end)

T.test("single: present shows labelled options and how to answer", function()
  local q = T.question(FOUR)
  local view = single.present(q, { 2, 3, 1, 4 })
  T.eq(view.prompt, "Pick one.")
  T.eq(view.input, "single")
  T.eq(view.blocks[1].items, {
    { label = "A", text = "Skin" }, { label = "B", text = "Liver" },
    { label = "C", text = "Bone" }, { label = "D", text = "None of the above" } })
  T.eq(view.how, "Type the letter of one answer, for example B.")
end)

T.test("single: explain a wrong answer: chosen (wrong) and missed (right)", function()
  local q = T.question(FOUR)
  T.eq(single.explain(q, 2), { answer = "Bone", notes = {
    { mark = "wrong", text = "Skin", feedback = "Rare." },
    { mark = "missed", text = "Bone", feedback = "Most common." } } })
end)

T.test("single: explain a right answer and an unanswered one", function()
  local q = T.question(FOUR)
  T.eq(single.explain(q, 1), { answer = "Bone", notes = {
    { mark = "right", text = "Bone", feedback = "Most common." } } })
  T.eq(single.explain(q, nil), { answer = "Bone", notes = {
    { mark = "missed", text = "Bone", feedback = "Most common." } } })
end)

T.test("single: encode uses file-order labels; show the option text", function()
  local q = T.question(FOUR)
  T.eq(single.encode(q, 3), "C")
  T.eq(single.show(q, 3), "Liver")
end)

T.test("single: no correct option is an error at the list", function()
  T.eq(T.errors(HEAD .. "options:\n  - text: A\n  - text: B\n"), {
    "8:3: question 'q1' has no correct option; mark exactly one with 'correct: true'" })
end)

T.test("single: two correct options is an error naming the count", function()
  T.eq(T.errors(HEAD .. [[
options:
  - text: A
    correct: true
  - text: B
    correct: true
  - text: C
    correct: true
]]), { "8:3: question 'q1' has 3 correct options; a single-answer question needs exactly " ..
       "one (use type: multiple for several)" })
end)

T.test("single: bad option fields are errors at the option", function()
  T.eq(T.errors(HEAD .. [[
options:
  - text: A
    corect: true
  - feedback: no text
  - text: C
    correct: yes
]]), {
    "8:3: question 'q1' has no correct option; mark exactly one with 'correct: true'",
    "9:5: unknown field 'corect' in option 1; did you mean 'correct'?",
    "10:5: missing field 'text'",
    "12:14: 'correct' must be true or false, found 'yes'",
  })
end)

T.test("single: fewer than two options, or no list at all", function()
  T.eq(T.errors(HEAD .. "options:\n  - text: A\n    correct: true\n"),
       { "8:3: 'options' needs at least 2 options, found 1" })
  T.eq(T.errors(HEAD .. "options: Bone\n"), { "7:10: 'options' must be a list, found text" })
  T.eq(T.errors(HEAD), { "1:1: missing field 'options'" })
end)

T.test("single: a missed right option keeps its why, not its 'Yes.' to the one who chose it", function()
  local choice = require("types.choice")
  T.eq(choice.for_missed("Yes. This can be a blood clot."), "This can be a blood clot.")
  T.eq(choice.for_missed("Correct."), nil)
  T.eq(choice.for_missed("That's right, it protects the bone."), "It protects the bone.")
  T.eq(choice.for_missed("Yesterday's dose counts."), "Yesterday's dose counts.")
  T.eq(choice.for_missed(nil), nil)
end)

T.test("single and multiple: the notes of a skip or a wrong choice", function()
  local single = require("types.single")
  local multiple = require("types.multiple")
  local q = T.question(HEAD .. [[
options:
  - text: Call your care team now
    correct: true
    feedback: Yes. It can be a clot.
  - text: Wait a week
    feedback: No. A clot needs a call now.
]])
  -- Chosen right: the feedback as written.
  T.eq(single.explain(q, 1).notes, { { mark = "right", text = "Call your care team now",
                                      feedback = "Yes. It can be a clot." } })
  -- Chosen wrong: its own feedback, and the missed right one without "Yes."
  T.eq(single.explain(q, 2).notes, {
    { mark = "wrong", text = "Wait a week", feedback = "No. A clot needs a call now." },
    { mark = "missed", text = "Call your care team now", feedback = "It can be a clot." } })
  -- Skipped: the missed right one, without "Yes."
  T.eq(single.explain(q, nil).notes, {
    { mark = "missed", text = "Call your care team now", feedback = "It can be a clot." } })
  local m = T.question(HEAD:gsub("type: single", "type: multiple") .. [[
options:
  - text: Fever
    correct: true
    feedback: Correct.
  - text: Chills
    correct: true
    feedback: Yes, chills count too.
  - text: A good appetite
]])
  T.eq(multiple.explain(m, { 1 }).notes, {
    { mark = "right", text = "Fever", feedback = "Correct." },
    { mark = "missed", text = "Chills", feedback = "Chills count too." } })
  T.eq(multiple.explain(m, {}).notes, {
    { mark = "missed", text = "Fever" },
    { mark = "missed", text = "Chills", feedback = "Chills count too." } })
end)
