-- Item analysis: Moodle's quiz statistics formulas on a worked vector
-- (six attempts, four items) computed by hand, digit for digit.
local T = ...
local itemstats = require("itemstats")

local function r2(x) return x and math.floor(x * 100 + 0.5) / 100 end
local function r4(x) return x and math.floor(x * 10000 + 0.5) / 10000 end

local ROWS = { { 1, 1, 0, 2 }, { 1, 0, 0, 1 }, { 0, 1, 1, 2 }, { 1, 1, 1, 2 },
               { 0, 0, 0, 0 }, { 1, 0, 1, 1 } }

local function vector()
  local items = { { id = "i1", max = 1 }, { id = "i2", max = 1 }, { id = "i3", max = 1 },
                  { id = "i4", max = 2 } }
  local attempts = {}
  for a, row in ipairs(ROWS) do
    attempts[a] = { marks = { i1 = row[1], i2 = row[2], i3 = row[3], i4 = row[4] } }
  end
  return itemstats.analyse(items, attempts)
end

T.test("itemstats: Moodle's worked vector, per item", function()
  local r = vector()
  local want = {
    { 66.67, 51.64, 20, 18.15, 15.81, 18.18 },
    { 50.00, 54.77, 20, 25.67, 66.23, 100.00 },
    { 50.00, 54.77, 20, 22.23, 36.12, 42.86 },
    { 66.67, 40.82, 40, 33.95, 86.96, 100.00 },
  }
  for i, w in ipairs(want) do
    local it = r.items[i]
    T.eq({ r2(it.facility), r2(it.sd), r2(it.intended_weight), r2(it.effective_weight),
           r2(it.discrimination), r2(it.efficiency) }, w, "item " .. i)
  end
  T.eq(r.totals, { 4, 2, 4, 5, 0, 3 })
end)

T.test("itemstats: Moodle's worked vector, whole test", function()
  local t = vector().test
  T.eq({ t.mean, r4(t.sd), r4(t.skewness), r4(t.kurtosis), r4(t.sum_of_item_variances),
         r4(t.k2), r2(t.cic), r2(t.error_ratio), r4(t.standard_error), t.median, t.n },
       { 3.0, 1.7889, -0.9433, 0.5859, 1.5333, 3.2, 69.44, 55.28, 0.9888, 3.5, 6 })
end)

T.test("itemstats: undefined statistics are nil, not 0", function()
  local one = itemstats.analyse({ { id = "a", max = 1 }, { id = "b", max = 1 } },
                                { { marks = { a = 1, b = 0 } } })
  local it = one.items[1]
  T.eq(it.facility, 100)
  T.eq(it.sd, nil)
  T.eq(it.discrimination, nil)
  T.eq(it.efficiency, nil)
  T.eq(one.test.cic, nil)
  T.eq(one.test.sd, nil)
  -- Everyone right: zero variance, so no discrimination index.
  local same = itemstats.analyse({ { id = "a", max = 1 }, { id = "b", max = 1 } },
    { { marks = { a = 1, b = 1 } }, { marks = { a = 1, b = 0 } }, { marks = { a = 1, b = 1 } } })
  T.eq(same.items[1].discrimination, nil)
  T.eq(same.items[1].facility, 100)
  T.eq(same.items[1].flags, { "facility above 95%" })
end)

T.test("itemstats: distractor counts, pull and flags", function()
  -- Six learners on a 3-option item (key B) plus a second item that sets
  -- the rest-of-test order: learners 1-2 strongest, 5-6 weakest.
  local items = { { id = "q", max = 1, options = { "A", "B", "C" }, key = { B = true } },
                  { id = "r", max = 3 } }
  local picks = { "A", "A", "B", "B", "B", "B" }
  local rest = { 3, 3, 2, 2, 0, 0 }
  local attempts = {}
  for a = 1, 6 do
    attempts[a] = { marks = { q = picks[a] == "B" and 1 or 0, r = rest[a] },
                    choices = { q = { picks[a] } } }
  end
  local it = itemstats.analyse(items, attempts).items[1]
  T.eq(it.distractors, {
    { label = "A", correct = false, count = 2, percent = 100 * 2 / 6, pull = 100 },
    { label = "B", correct = true, count = 4, percent = 100 * 4 / 6, pull = -100 },
    { label = "C", correct = false, count = 0, percent = 0, pull = 0 },
  })
  -- x = 0,0,1,1,1,1 against rest 3,3,2,2,0,0: cov = -8/15, var(x) = 4/15,
  -- var(rest) = 28/15, so the index is 100 * (-8/15) / sqrt(112/225) = -75.59.
  T.eq(r2(it.discrimination), -75.59)
  T.eq(it.flags, { "negative discrimination", "distractor A pulls the stronger learners",
                   "distractor C chosen by nobody" })
end)

-- Six attempts, each given two of the three items a, b, c (a draw), and
-- an item d nobody was given.  Marks (- = not given):
--   attempt  a  b  c   total
--      1     1  1  -     2
--      2     0  -  1     1
--      3     -  0  0     0
--      4     1  0  -     1
--      5     1  -  1     2
--      6     -  1  1     2
-- Item a over attempts 1, 2, 4, 5: x = 1,0,1,1, T = 2,1,1,2, O = 1,1,0,1.
-- mean 3/4 (facility 75, not the 50 of counting 3 and 4 as zeros);
-- var(x) = 0.75/3 = 1/4 (SD 50%); var(O) = 1/4; cov(x, O) = -0.25/3 = -1/12,
-- so discrimination 100 * (-1/12) / (1/4) = -33.33; sorted x and O are
-- both 0,1,1,1, cov 1/4, so efficiency -33.33 too.
-- Item b over 1, 3, 4, 6: x = 1,0,0,1, O = 1,0,1,1: mean 1/2, var(x) 1/3
-- (SD 57.74%), var(O) 1/4, cov(x, O) = 0.5/3 = 1/6, discrimination
-- 100 * (1/6) / sqrt(1/12) = 57.74; sorted O = 0,1,1,1: cov 1/6,
-- efficiency 100.  Item c over 2, 3, 5, 6: x = 1,0,1,1, O = 0,0,1,1:
-- facility 75, SD 50, cov(x, O) = 1/6 over sqrt(1/4 * 1/3): 57.74; sorted
-- x = 0,1,1,1, O = 0,0,1,1: cov 1/6, efficiency 100.
-- Every attempt can score 2 (the test maximum, 3 items x 4/6 given), so
-- each intended weight is 50; d, given to nobody, has none.  Alpha and effective
-- weights are undefined: the attempts were given different items.
local function drawn()
  local items = { { id = "a", max = 1, options = { "A", "B", "C" }, key = { A = true } },
                  { id = "b", max = 1 }, { id = "c", max = 1 },
                  { id = "d", max = 1, options = { "A", "B" }, key = { A = true } } }
  local rows = { { 1, 1, nil }, { 0, nil, 1 }, { nil, 0, 0 }, { 1, 0, nil }, { 1, nil, 1 },
                 { nil, 1, 1 } }
  local pick = { "A", "B", nil, "A", "A", nil }
  local attempts = {}
  for i, r in ipairs(rows) do
    attempts[i] = { marks = { a = r[1], b = r[2], c = r[3] },
                    choices = { a = pick[i] and { pick[i] } or nil } }
  end
  return itemstats.analyse(items, attempts)
end

T.test("itemstats: a question an attempt was not given is not counted as 0", function()
  local r = drawn()
  local want = {
    { 4, 75, 50, 50, -33.33, -33.33 },
    { 4, 50, 57.74, 50, 57.74, 100 },
    { 4, 75, 50, 50, 57.74, 100 },
  }
  for i, w in ipairs(want) do
    local it = r.items[i]
    T.eq({ it.n, r2(it.facility), r2(it.sd), r2(it.intended_weight), r2(it.discrimination),
           r2(it.efficiency) }, w, "item " .. it.id)
    T.eq(it.effective_weight, nil, "item " .. it.id)
  end
  T.eq(r.totals, { 2, 1, 0, 1, 2, 2 })
  local t = r.test
  T.eq({ t.n, t.max, t.median, t.cic, t.error_ratio, t.same_items }, { 6, 2, 1.5, nil, nil, false })
  -- Item a's thirds are over its 4 attempts (g = 1): by rest 1, 1, 0, 1
  -- the upper one is attempt 1 (chose A), the lower attempt 4 (chose A).
  T.eq(r.items[1].distractors, {
    { label = "A", correct = true, count = 3, percent = 75, pull = 0 },
    { label = "B", correct = false, count = 1, percent = 25, pull = 0 },
    { label = "C", correct = false, count = 0, percent = 0, pull = 0 },
  })
  T.eq(r.items[1].flags, { "negative discrimination", "distractor C chosen by nobody" })
  -- d: given to nobody, so no figures and nothing flagged.
  local d = r.items[4]
  T.eq({ d.n, d.facility, d.sd, d.discrimination, d.intended_weight }, { 0, nil, nil, nil, nil })
  T.eq(d.flags, {})
  T.eq(d.distractors, {
    { label = "A", correct = true, count = 0, percent = nil, pull = nil },
    { label = "B", correct = false, count = 0, percent = nil, pull = nil },
  })
end)

T.test("itemstats: an item nobody was given leaves the worked vector as it was", function()
  local items = { { id = "i1", max = 1 }, { id = "i2", max = 1 }, { id = "i3", max = 1 },
                  { id = "i4", max = 2 }, { id = "i5", max = 3 } }
  local attempts = {}
  for a, row in ipairs(ROWS) do
    attempts[a] = { marks = { i1 = row[1], i2 = row[2], i3 = row[3], i4 = row[4] } }
  end
  local r = itemstats.analyse(items, attempts)
  T.eq({ r2(r.test.cic), r2(r.test.error_ratio), r.test.max, r.test.same_items },
       { 69.44, 55.28, 5, true })
  T.eq({ r2(r.items[4].intended_weight), r2(r.items[4].effective_weight) }, { 40, 33.95 })
  T.eq({ r.items[5].n, r.items[5].facility, r.items[5].intended_weight }, { 0, nil, nil })
end)
