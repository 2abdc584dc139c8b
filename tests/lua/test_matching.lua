-- Tests for types/matching.lua.  Right-hand items are indexed as listed:
-- the pairs' rights (1 tumour, 2 nodes, 3 spread), then the distractor
-- (4 grade).  Scoring: 0/1 per row, fraction = rows right / 3.

local T = ...
local matching = require("types.matching")

local HEAD = "id: q1\ntype: matching\ntopic: t\nprompt: Match.\nexplain: x\nsource: doc#sec\n"

local function tnm()
  return T.question(HEAD .. [[
pairs:
  - left: T
    right: Tumour size
  - left: N
    right: Lymph nodes
  - left: M
    right: Distant spread
distractors:
  - Tumour grade
]])
end

T.test("matching: 0/1 per row, hand-worked", function()
  local q = tnm()
  local f, parts = matching.score(q, { 1, 2, 3 })
  T.eq(f, 1)
  T.eq(parts, { 1, 1, 1 })
  f, parts = matching.score(q, { 1, 3, 2 })
  T.eq(f, 1 / 3, "rows 2 and 3 swapped")
  T.eq(parts, { 1, 0, 0 })
  T.eq(matching.score(q, { [2] = 2 }), 1 / 3, "only row 2 answered, right")
  T.eq(matching.score(q, { 4, 2, 4 }), 1 / 3, "distractor twice")
  T.eq(matching.score(q, { 2, 1, 4 }), 0)
  T.eq(matching.score(q, {}), 0, "nothing answered")
end)

T.test("matching: parse terminal notations", function()
  local q = tnm()
  T.eq(matching.parse(q, "1A 2B 3C"), { 1, 2, 3 })
  T.eq(matching.parse(q, "1a, 2b, 3c"), { 1, 2, 3 })
  T.eq(matching.parse(q, "1:B 2:A 3:D"), { 2, 1, 4 })
  T.eq(matching.parse(q, "1 B 2 A 3 C"), { 2, 1, 3 })
  T.eq(matching.parse(q, "3C 1B 2A"), { 2, 1, 3 }, "any row order")
  T.eq(matching.parse(q, "B A C"), { 2, 1, 3 }, "letters only, in row order")
end)

T.test("matching: an answers-file mapping may leave rows out", function()
  local q = tnm()
  T.eq(matching.parse(q, { ["1"] = "A", ["2"] = "B" }), { 1, 2 })
  T.eq(matching.parse(q, { [3] = "d" }), { [3] = 4 })
  T.eq(matching.parse(q, { ["1"] = host.null, ["2"] = "B" }), { [2] = 2 })
  T.eq(matching.parse(q, { "C", "B", "A" }), { 3, 2, 1 }, "a list is rows in order")
end)

T.test("matching: at the terminal every row must be answered", function()
  local q = tnm()
  local r, why = matching.parse(q, "1A 2B")
  T.eq(r, nil)
  T.eq(why, "Answer every row: row 3 is missing; type each row number with a letter, " ..
            "for example 1B 2A 3C.")
  r, why = matching.parse(q, "2B")
  T.eq(why, "Answer every row: rows 1, 3 are missing; type each row number with a letter, " ..
            "for example 1B 2A 3C.")
end)

T.test("matching: parse refuses bad rows and labels, naming them", function()
  local q = tnm()
  local cases = {
    { "1E 2A 3B", "Row 1: there is no right-hand item E; choose A to D." },
    { "4A 1A 2B 3C", "There is no row 4; rows are 1 to 3." },
    { "1A 1B 2C 3D", "Row 1 is given twice." },
    { "1AB 2C 3D", "Row 1 takes one letter, not 2." },
    { "A 2B 3C", "Give either a number before every letter or no numbers at all; type " ..
                 "each row number with a letter, for example 1B 2A 3C." },
    { "1A 2B 3C!", "Could not read '!'; type each row number with a letter, for example " ..
                   "1B 2A 3C." },
    { { x = "A" }, "'x' is not a row number; rows are 1 to 3." },
    { { ["0"] = "A" }, "There is no row 0; rows are 1 to 3." },
  }
  for _, c in ipairs(cases) do
    local r, why = matching.parse(q, c[1])
    T.eq(r, nil, T.show(c[1]))
    T.eq(why, c[2])
  end
end)

T.test("matching: right-hand items are always scrambled, deterministically", function()
  local q = tnm()
  for seed = 1, 30 do
    for _, shuffle in ipairs({ true, false }) do
      local perm = matching.shuffle(q, T.rng(seed), shuffle)
      T.eq(perm, matching.shuffle(q, T.rng(seed), shuffle))
      T.ok(not (perm[1] == 1 and perm[2] == 2 and perm[3] == 3 and perm[4] == 4),
           "never the listed order")
      local sorted = { table.unpack(perm) }
      table.sort(sorted)
      T.eq(sorted, { 1, 2, 3, 4 })
    end
  end
end)

T.test("matching: labels shown after a shuffle parse back to the right items", function()
  local q = tnm()
  local perm = matching.shuffle(q, T.rng(7), true)
  local view = matching.present(q, perm)
  T.eq(view.blocks[1].items, { { label = "1", text = "T" }, { label = "2", text = "N" },
                               { label = "3", text = "M" } })
  local rights = { "Tumour size", "Lymph nodes", "Distant spread", "Tumour grade" }
  local line = {}
  for r = 1, 3 do
    -- Find the display label of each row's right item, as a learner would.
    for _, it in ipairs(view.blocks[2].items) do
      if it.text == rights[r] then line[#line + 1] = r .. it.label end
    end
  end
  local resp = matching.parse(q, table.concat(line, " "), perm)
  T.eq(resp, { 1, 2, 3 })
  T.eq(matching.score(q, resp), 1)
  T.eq(view.how, "Type each number with the letter it matches, for example 1B 2A 3C.")
end)

T.test("matching: explain notes wrong and missing rows with the right answer", function()
  local q = tnm()
  T.eq(matching.explain(q, { 1, 4 }), {
    answer = "T → Tumour size; N → Lymph nodes; M → Distant spread",
    notes = {
      { mark = "wrong", text = "N → Tumour grade (right: Lymph nodes)" },
      { mark = "missed", text = "M → not answered (right: Distant spread)" },
    } })
  T.eq(matching.explain(q, nil).notes, {})
end)

T.test("matching: encode with file-order labels and string keys; show", function()
  local q = tnm()
  T.eq(matching.encode(q, { 1, 3, 2 }), { ["1"] = "A", ["2"] = "C", ["3"] = "B" })
  T.eq(matching.encode(q, { [2] = 4 }), { ["2"] = "D" })
  T.eq(require("json").encode(matching.encode(q, { 3, 1, 2 })), '{"1":"C","2":"A","3":"B"}')
  T.eq(matching.show(q, { 2, 1 }), "1 → Lymph nodes; 2 → Tumour size")
  T.eq(matching.show(q, {}), "(nothing chosen)")
end)

T.test("matching: fewer than two pairs is an error", function()
  T.eq(T.errors(HEAD .. "pairs:\n  - left: T\n    right: Tumour\n"),
       { "8:3: 'pairs' needs at least 2 pairs, found 1" })
end)

T.test("matching: right-hand texts must all differ", function()
  T.eq(T.errors(HEAD .. [[
pairs:
  - left: T
    right: Tumour
  - left: N
    right: Nodes
  - left: X
    right: Tumour
distractors:
  - Nodes
  - Grade
]]), {
    "13:12: right-hand text 'Tumour' is used twice (also in pair 1); each must differ",
    "15:5: right-hand text 'Nodes' is used twice (also in pair 2); each must differ",
  })
end)

T.test("matching: bad pair fields", function()
  T.eq(T.errors(HEAD .. "pairs:\n  - left: T\n    rigth: a\n  - right: b\n  - x\n"), {
    "8:5: missing field 'right'",
    "9:5: unknown field 'rigth' in pair 1",
    "10:5: missing field 'left'",
    "11:5: pair 3 must be a mapping of fields, found text",
  })
end)
