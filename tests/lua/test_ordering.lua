-- Tests for types/ordering.lua.  Items are listed in the right order
-- (1 Report, 2 Steroid, 3 MRI, 4 Radiotherapy).  `pairs` scoring counts the
-- 3 adjacent pairs 1-2, 2-3, 3-4 kept next to each other, in order.

local T = ...
local ordering = require("types.ordering")

local HEAD = "id: q1\ntype: ordering\ntopic: t\nprompt: Order.\nexplain: x\nsource: doc#sec\n"
local ITEMS = "items:\n  - Report\n  - Steroid\n  - MRI\n  - Radiotherapy\n"

local function four(scoring)
  return T.question(HEAD .. (scoring and ("scoring: " .. scoring .. "\n") or "") .. ITEMS)
end

T.test("ordering: all-or-nothing is the default", function()
  local q = four()
  T.eq(q.scoring, "all-or-nothing")
  T.eq(ordering.score(q, { 1, 2, 3, 4 }), 1)
  T.eq(ordering.score(q, { 2, 1, 3, 4 }), 0)
  T.eq(ordering.score(q, { 1, 2, 4, 3 }), 0)
end)

T.test("ordering: pairs, hand-worked", function()
  local q = four("pairs")
  T.eq(ordering.score(q, { 1, 2, 3, 4 }), 1)
  T.eq(ordering.score(q, { 2, 1, 3, 4 }), 1 / 3, "BACD keeps only C-D")
  T.eq(ordering.score(q, { 1, 2, 4, 3 }), 1 / 3, "ABDC keeps only A-B")
  T.eq(ordering.score(q, { 3, 4, 1, 2 }), 2 / 3, "CDAB keeps A-B and C-D")
  T.eq(ordering.score(q, { 2, 3, 4, 1 }), 2 / 3, "BCDA keeps B-C and C-D")
  T.eq(ordering.score(q, { 4, 3, 2, 1 }), 0, "reversed keeps none")
end)

T.test("ordering: pairs with two items", function()
  local q = T.question(HEAD .. "scoring: pairs\nitems: [First, Second]\n")
  T.eq(ordering.score(q, { 1, 2 }), 1)
  T.eq(ordering.score(q, { 2, 1 }), 0)
end)

T.test("ordering: parse reads letters in the order given", function()
  local q = four()
  T.eq(ordering.parse(q, "C A B D"), { 3, 1, 2, 4 })
  T.eq(ordering.parse(q, "C,A,B,D"), { 3, 1, 2, 4 })
  T.eq(ordering.parse(q, "cabd"), { 3, 1, 2, 4 })
  T.eq(ordering.parse(q, { "B", "A", "C", "D" }), { 2, 1, 3, 4 })
end)

T.test("ordering: parse needs every item exactly once", function()
  local q = four()
  local cases = {
    { "A B C", "Put all 4 items in order; missing: D." },
    { "B D", "Put all 4 items in order; missing: A, C." },
    { "A B C C", "Item C is given twice." },
    { "A B C E", "There is no item E; choose A to D." },
    { {}, "Put all 4 items in order; missing: A, B, C, D." },
  }
  for _, c in ipairs(cases) do
    local r, why = ordering.parse(q, c[1])
    T.eq(r, nil, T.show(c[1]))
    T.eq(why, c[2])
  end
end)

T.test("ordering: display labels map back through perm", function()
  local q = four()
  local perm = { 3, 1, 4, 2 } -- shown: A MRI, B Report, C Radiotherapy, D Steroid
  T.eq(ordering.parse(q, "B D A C", perm), { 1, 2, 3, 4 })
  local r, why = ordering.parse(q, "B D A", perm)
  T.eq(r, nil)
  T.eq(why, "Put all 4 items in order; missing: C.", "named by the label shown")
end)

T.test("ordering: always scrambled, never the listed order, deterministic", function()
  for n = 2, 5 do
    local list = {}
    for i = 1, n do list[i] = "  - item " .. i end
    local q = T.question(HEAD .. "items:\n" .. table.concat(list, "\n") .. "\n")
    for seed = 1, 50 do
      for _, shuffle in ipairs({ true, false }) do
        local perm = ordering.shuffle(q, T.rng(seed), shuffle)
        T.eq(perm, ordering.shuffle(q, T.rng(seed), shuffle), "same seed, same order")
        local identity = true
        for i = 1, n do identity = identity and perm[i] == i end
        T.ok(not identity, ("n=%d seed=%d is the listed order"):format(n, seed))
      end
    end
  end
  local two = T.question(HEAD .. "items: [a, b]\n")
  T.eq(ordering.shuffle(two, T.rng(1), false), { 2, 1 })
end)

T.test("ordering: present after a shuffle; typing the shown labels right scores 1", function()
  local q = four()
  local perm = ordering.shuffle(q, T.rng(11), true)
  local view = ordering.present(q, perm)
  T.eq(view.how, "Type the letters in the right order, first to last, for example A B C D.")
  local label_of = {}
  for _, it in ipairs(view.blocks[1].items) do label_of[it.text] = it.label end
  local line = table.concat({ label_of.Report, label_of.Steroid, label_of.MRI,
                              label_of.Radiotherapy }, " ")
  local resp = ordering.parse(q, line, perm)
  T.eq(resp, { 1, 2, 3, 4 })
  T.eq(ordering.score(q, resp), 1)
end)

T.test("ordering: explain, encode, show", function()
  local q = four()
  T.eq(ordering.explain(q, { 2, 1, 3, 4 }), {
    answer = "1. Report; 2. Steroid; 3. MRI; 4. Radiotherapy",
    notes = {
      { mark = "wrong", text = "Step 1: Steroid (right: Report)" },
      { mark = "wrong", text = "Step 2: Report (right: Steroid)" },
    } })
  T.eq(ordering.encode(q, { 2, 1, 3, 4 }), { "B", "A", "C", "D" })
  T.eq(ordering.show(q, { 2, 1, 3, 4 }), "1. Steroid; 2. Report; 3. MRI; 4. Radiotherapy")
end)

T.test("ordering: validate errors", function()
  T.eq(T.errors(HEAD .. "items: [only]\n"), { "7:8: 'items' needs at least 2 items, found 1" })
  T.eq(T.errors(HEAD .. "scoring: pair\nitems: [a, b, a]\n"), {
    "7:10: 'scoring' must be one of all-or-nothing, pairs, found 'pair'; did you mean 'pairs'?",
    "8:15: item 3 repeats item 1; every item must differ",
  })
end)
