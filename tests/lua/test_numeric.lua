-- Tests for types/numeric.lua.  Right when |x - answer| <= tolerance
-- (absolute, or tolerance_pct of |answer|), boundary included.

local T = ...
local numeric = require("types.numeric")

local HEAD = "id: q1\ntype: numeric\ntopic: t\nprompt: How many?\nexplain: x\nsource: doc#sec\n"

local function percent()
  return T.question(HEAD .. 'answer: 70\ntolerance: 5\nunit: "%"\n')
end

local function mg()
  return T.question(HEAD .. "answer: 4\ntolerance_pct: 10\nunit: mg\n")
end

T.test("numeric: absolute tolerance, boundary included", function()
  local q = percent()
  T.eq(numeric.score(q, 70), 1)
  T.eq(numeric.score(q, 75), 1, "exactly on the upper boundary")
  T.eq(numeric.score(q, 65), 1, "exactly on the lower boundary")
  T.eq(numeric.score(q, 75.0001), 0)
  T.eq(numeric.score(q, 64.9), 0)
end)

T.test("numeric: tolerance_pct is a percentage of the answer", function()
  local q = mg() -- 10% of 4 = 0.4
  T.eq(numeric.score(q, 4.4), 1)
  T.eq(numeric.score(q, 3.6), 1)
  T.eq(numeric.score(q, 4.41), 0)
  T.eq(numeric.score(q, 3.59), 0)
end)

T.test("numeric: tolerance_pct of a negative answer uses |answer|", function()
  local q = T.question(HEAD .. "answer: -10\ntolerance_pct: 5\n") -- 0.5
  T.eq(numeric.score(q, -10.5), 1)
  T.eq(numeric.score(q, -9.5), 1)
  T.eq(numeric.score(q, -9.4), 0)
end)

T.test("numeric: no tolerance means exact; float noise on a boundary is forgiven", function()
  local q = T.question(HEAD .. "answer: 2.5\n")
  T.eq(numeric.score(q, 2.5), 1)
  T.eq(numeric.score(q, 2.51), 0)
  local q2 = T.question(HEAD .. "answer: 0.3\ntolerance: 0.1\n")
  -- 0.4 - 0.3 is 0.10000000000000003 in binary floating point.
  T.eq(numeric.score(q2, 0.4), 1)
  T.eq(numeric.score(q2, 0.2), 1)
  T.eq(numeric.score(q2, 0.4001), 0)
end)

T.test("numeric: parse decimal point, decimal comma, and the unit", function()
  local q = percent()
  T.eq(numeric.parse(q, "72,5"), 72.5)
  T.eq(numeric.parse(q, "72.5"), 72.5)
  T.eq(numeric.parse(q, "70%"), 70)
  T.eq(numeric.parse(q, " 70 % "), 70)
  T.eq(numeric.parse(q, "-3"), -3)
  local m = mg()
  T.eq(numeric.parse(m, "4 MG"), 4, "unit in any case")
  T.eq(numeric.parse(m, "4mg"), 4)
  T.eq(numeric.parse(m, "4,4 mg"), 4.4)
end)

T.test("numeric: parse refuses words, other units and lists", function()
  local q = percent()
  for _, s in ipairs({ "seventy", "70 mg", "", "7O", "70%%", { "70" } }) do
    local r, why = numeric.parse(q, s)
    T.eq(r, nil, T.show(s))
    T.eq(why, "Type a number in figures (in %); a decimal point or a comma both work.")
  end
  local r, why = numeric.parse(T.question(HEAD .. "answer: 1\n"), "1 kg")
  T.eq(r, nil)
  T.eq(why, "Type a number in figures; a decimal point or a comma both work.")
end)

T.test("numeric: present, explain, encode, show", function()
  local q = percent()
  local view = numeric.present(q, numeric.shuffle(q, T.rng(1), true))
  T.eq(view.how, "Type a number in figures (in %); a decimal point or a comma both work.")
  T.eq(view.input, "numeric")
  T.eq(numeric.explain(q, 80), { answer = "70% (anything from 65% to 75% counts)", notes = {} })
  T.eq(numeric.explain(mg(), 1).answer, "4 mg (anything from 3.6 mg to 4.4 mg counts)")
  T.eq(numeric.explain(T.question(HEAD .. "answer: 2.5\n"), nil).answer, "2.5")
  T.eq(numeric.encode(q, 72.5), 72.5)
  T.eq(numeric.show(q, 70), "70%")
  T.eq(numeric.show(mg(), 4.4), "4.4 mg")
end)

T.test("numeric: the answer may be written with a decimal comma", function()
  T.eq(T.question(HEAD .. "answer: 72,5\n").answer, 72.5)
end)

T.test("numeric: validate errors", function()
  T.eq(T.errors(HEAD .. "answer: abc\n"), { "7:9: 'answer' must be a number, found 'abc'" })
  T.eq(T.errors(HEAD), { "1:1: missing field 'answer'" })
  T.eq(T.errors(HEAD .. "answer: 5\ntolerance: 1\ntolerance_pct: 10\n"),
       { "9:16: give 'tolerance' or 'tolerance_pct', not both" })
  T.eq(T.errors(HEAD .. "answer: 5\ntolerance: -1\n"),
       { "8:12: 'tolerance' must be between 0 and inf, found -1" })
end)
