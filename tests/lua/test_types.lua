-- Tests for types/staging.lua.  (tests/lua/test_staging.lua tests the
-- staging table itself; tests/lua/test_contracts.lua what every type must
-- pass.)

local T = ...
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
