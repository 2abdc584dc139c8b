-- Tests for types/matrix.lua.
--   one answer per row: 0/1 per row
--   multiple response: per column, right ticks - wrong ticks, floored at 0,
--   summed over columns, divided by the keyed cells (reference 1.5: 5/8)

local T = ...
local matrix = require("types.matrix")
local json = require("json")

local HEAD = "id: q1\ntype: matrix\ntopic: t\nprompt: Classify.\nexplain: x\nsource: doc#sec\n"

-- Keys: 1 A, 2 B, 3 C, 4 B.
local function one()
  return T.question(HEAD .. [[
columns: [Cord compression, High calcium, Brain]
rows:
  - text: Back pain, weak legs
    answer: Cord compression
  - text: Thirst
    answer: High calcium
  - text: Morning headache
    answer: Brain
  - text: Constipation
    answer: High calcium
]])
end

-- Keyed cells: Pneumonia rows 1, 2, 5 (3); UTI rows 2, 3 (2); Influenza
-- rows 2, 4, 6 (3): 8 in all.  Row 6's single answer counts as a list.
local function multi()
  return T.question(HEAD .. [[
columns: [Pneumonia, UTI, Influenza]
rows:
  - text: Productive cough
    answer: [Pneumonia]
  - text: Fever
    answer: [Pneumonia, UTI, Influenza]
  - text: Burning on urination
    answer: [UTI]
  - text: Muscle aches
    answer: [Influenza]
  - text: Crackles
    answer: [Pneumonia]
  - text: Sudden onset
    answer: Influenza
]])
end

T.test("matrix: one answer per row scores 0/1 per row", function()
  local q = one()
  local f, parts = matrix.score(q, { 1, 2, 3, 2 })
  T.eq(f, 1)
  T.eq(parts, { 1, 1, 1, 1 })
  f, parts = matrix.score(q, { 1, 2, 3, 3 })
  T.eq(f, 3 / 4)
  T.eq(parts, { 1, 1, 1, 0 })
  T.eq(matrix.score(q, { [1] = 1 }), 1 / 4, "answers file: one row given")
  T.eq(matrix.score(q, {}), 0)
end)

T.test("matrix: multiple response, the reference's 5/8 worked check", function()
  local q = multi()
  -- Pneumonia 3 right; UTI 2 right; Influenza 1 right (row 4) and 1 wrong
  -- (row 3) = 0.  Total (3 + 2 + 0) / 8.
  local resp = { { 1 }, { 1, 2 }, { 2, 3 }, { 3 }, { 1 }, {} }
  T.eq(matrix.score(q, resp), 5 / 8)
end)

T.test("matrix: multiple response floors each column, not the total", function()
  local q = multi()
  -- Pneumonia 3 right = 3; UTI 0 right, 2 wrong (rows 1, 4) = max(0, -2) = 0.
  -- A floor on the total would give (3 - 2) / 8 = 1/8.
  T.eq(matrix.score(q, { { 1, 2 }, { 1 }, nil, { 2 }, { 1 } }), 3 / 8)
  -- Every cell ticked: Pneumonia 3 - 3, UTI 2 - 4, Influenza 3 - 3: all 0.
  local all = {}
  for r = 1, 6 do all[r] = { 1, 2, 3 } end
  T.eq(matrix.score(q, all), 0)
  T.eq(matrix.score(q, { { 1 }, { 1, 2, 3 }, { 2 }, { 3 }, { 1 }, { 3 } }), 1)
  T.eq(matrix.score(q, {}), 0)
end)

T.test("matrix: parse a one-answer grid", function()
  local q = one()
  T.eq(matrix.parse(q, "1A 2B 3C 4B"), { 1, 2, 3, 2 })
  T.eq(matrix.parse(q, "A B C B"), { 1, 2, 3, 2 })
  T.eq(matrix.parse(q, "abcb"), { 1, 2, 3, 2 })
  T.eq(matrix.parse(q, { ["1"] = "A", ["4"] = "B" }), { [1] = 1, [4] = 2 })
  local cases = {
    { "1AB 2B 3C 4B", "Row 1 takes one column, not 2." },
    { "1D 2B 3C 4B", "Row 1: there is no column D; choose A to C." },
    { "1A 2B 3C", "Answer every row: row 4 is missing; type each row number with a " ..
                  "letter, for example 1A 2B." },
    { { ["5"] = "A" }, "There is no row 5; rows are 1 to 4." },
  }
  for _, c in ipairs(cases) do
    local r, why = matrix.parse(q, c[1])
    T.eq(r, nil, T.show(c[1]))
    T.eq(why, c[2])
  end
end)

T.test("matrix: parse a multiple-response grid", function()
  local q = multi()
  T.eq(matrix.parse(q, "1A 2ABC 3B 4C 5A 6C"), { { 1 }, { 1, 2, 3 }, { 2 }, { 3 }, { 1 }, { 3 } })
  T.eq(matrix.parse(q, "1A 2 C,B,A 3B 4C 5A 6C")[2], { 1, 2, 3 }, "letters after a number")
  T.eq(matrix.parse(q, { ["1"] = { "A" }, ["2"] = { "C", "A" }, ["3"] = "B" }),
       { [1] = { 1 }, [2] = { 1, 3 }, [3] = { 2 } })
  T.eq(matrix.parse(q, { ["2"] = "AC" }), { [2] = { 1, 3 } })
  T.eq(matrix.parse(q, { ["2"] = {} }), { [2] = {} }, "an empty list: nothing ticked")
  local r, why = matrix.parse(q, "1AA 2B 3B 4C 5A 6C")
  T.eq(r, nil)
  T.eq(why, "Row 1 names column A twice.")
end)

T.test("matrix: rows and columns keep their order", function()
  T.eq(matrix.shuffle(one(), T.rng(1), true), nil)
  local view = matrix.present(one(), nil)
  T.eq(view.blocks[1].items[4], { label = "4", text = "Constipation" })
  T.eq(view.blocks[2].items, { { label = "A", text = "Cord compression" },
    { label = "B", text = "High calcium" }, { label = "C", text = "Brain" } })
  T.eq(view.how, "Type the letter of the column, one row at a time, or all rows at once, " ..
       "for example 1A 2B.")
  T.eq(matrix.present(multi(), nil).how, "Type the letters of every column that applies, " ..
       "one row at a time, or all rows at once, for example 1AC 2B.")
end)

T.test("matrix: explain notes wrong and missing rows with the right columns", function()
  T.eq(matrix.explain(one(), { 1, 3, nil, 2 }), {
    answer = "1 → Cord compression; 2 → High calcium; 3 → Brain; 4 → High calcium",
    notes = {
      { mark = "wrong", text = "Thirst: Brain (right: High calcium)" },
      { mark = "missed", text = "Morning headache: not answered (right: Brain)" },
    } })
  local ex = matrix.explain(multi(), { { 1 }, { 1, 2 }, { 2, 3 }, { 3 }, { 1 }, {} })
  T.eq(ex.answer, "1 → Pneumonia; 2 → Pneumonia, UTI, Influenza; 3 → UTI; 4 → Influenza; " ..
                  "5 → Pneumonia; 6 → Influenza")
  T.eq(ex.notes, {
    { mark = "wrong", text = "Fever: Pneumonia, UTI (right: Pneumonia, UTI, Influenza)" },
    { mark = "wrong", text = "Burning on urination: UTI, Influenza (right: UTI)" },
    { mark = "missed", text = "Sudden onset: not answered (right: Influenza)" },
  })
end)

T.test("matrix: encode and show", function()
  T.eq(matrix.encode(one(), { 1, 2, [4] = 2 }), { ["1"] = "A", ["2"] = "B", ["4"] = "B" })
  local q = multi()
  T.eq(matrix.encode(q, { [1] = { 1 }, [2] = { 1, 3 } }), { ["1"] = { "A" }, ["2"] = { "A", "C" } })
  T.eq(json.encode(matrix.encode(q, { [3] = {} })), '{"3":[]}')
  T.eq(matrix.show(q, { [1] = { 1 }, [2] = { 1, 3 } }), "1 → Pneumonia; 2 → Pneumonia, Influenza")
  T.eq(matrix.show(one(), { 1, [3] = 3 }), "1 → Cord compression; 3 → Brain")
end)

T.test("matrix: an unknown column text is an error at that answer", function()
  T.eq(T.errors(HEAD .. [[
columns: [Pneumonia, UTI]
rows:
  - text: Cough
    answer: Pneumonai
  - text: Fever
    answer: [UTI, Flu, UTI]
]]), {
    "10:13: answer 'Pneumonai' of row 1 is not one of the columns; did you mean 'Pneumonia'?",
    "12:19: answer 'Flu' of row 2 is not one of the columns",
    "12:24: row 2 names column 'UTI' twice",
  })
end)

T.test("matrix: columns and rows are checked", function()
  T.eq(T.errors(HEAD .. [[
columns: [A, B, A]
rows:
  - text: x
  - answer: B
    note: y
  - text: z
    answer: []
]]), {
    "7:17: column 3 repeats column 1; every column must differ",
    "9:5: missing field 'answer'",
    "10:5: missing field 'text'",
    "11:5: unknown field 'note' in row 2",
    "13:13: 'answer' needs at least 1 column, found 0",
  })
  T.eq(T.errors(HEAD .. "columns: [only]\nrows: []\n"), {
    "7:10: 'columns' needs at least 2 columns, found 1",
    "8:7: 'rows' needs at least 1 row, found 0",
  })
end)
