-- itemstats.lua: item analysis as Moodle's quiz statistics report computes
-- it (question/classes/statistics/questions/calculator.php and
-- mod/quiz/report/statistics/classes/calculator.php), plus a distractor
-- table and flags for items that look broken.
--
-- Input: items { {id, max, options = {"A", "B", ...} or nil, key = {A=true}} }
-- and attempts { {marks = {[id] = mark}, choices = {[id] = {"B"}}} }.
-- Every attempt counts as one independent learner.  An attempt has a mark
-- for each question it was given (one skipped or left unanswered has 0);
-- a question it was never given (a draw left it out, a sheet had no
-- column for it) has none, and that attempt does not count for that item
-- at all: as Moodle does for the questions a random slot draws, each
-- item's figures are over the attempts that were given it.
--
-- Notation for one item over the s attempts given it: x its mark, T the
-- attempt's total, O = T - x the rest of the test.  Variances and
-- covariances divide by s - 1.  A statistic that is undefined (s too
-- small, a zero variance) is nil, never 0: Moodle shows such cells empty.
-- Percentages as Moodle displays them.

local M = {}

local function mean(xs)
  local s = 0
  for _, x in ipairs(xs) do s = s + x end
  return #xs > 0 and s / #xs or nil
end

-- Sample covariance (divides by n - 1); nil for fewer than two values.
local function cov(xs, ys)
  local n = #xs
  if n <= 1 then return nil end
  local mx, my, s = mean(xs), mean(ys), 0
  for i = 1, n do s = s + (xs[i] - mx) * (ys[i] - my) end
  return s / (n - 1)
end
M.cov = cov

local function sorted(xs)
  local c = table.move(xs, 1, #xs, 1, {})
  table.sort(c)
  return c
end

local function median(xs)
  local c, n = sorted(xs), #xs
  if n == 0 then return nil end
  if n % 2 == 1 then return c[(n + 1) // 2] end
  return (c[n // 2] + c[n // 2 + 1]) / 2
end

-- The whole test: mean, median, SD, skewness, kurtosis, Cronbach's alpha
-- (CIC), error ratio and standard error, from totals and the sum of the
-- item variances.
-- The totals' count, mean, median and moments about the mean (m2..m4
-- divide by n): all test_from needs, whether summed here or by the store.
local function moments(totals)
  local s = #totals
  local m = { n = s }
  if s == 0 then return m end
  m.mean = mean(totals)
  m.median = median(totals)
  local m2, m3, m4 = 0, 0, 0
  for _, x in ipairs(totals) do
    local d = x - m.mean
    m2, m3, m4 = m2 + d ^ 2, m3 + d ^ 3, m4 + d ^ 4
  end
  m.m2, m.m3, m.m4 = m2 / s, m3 / s, m4 / s
  return m
end

local function test_from(m, sum_var, p, maxtotal)
  local s = m.n
  local t = { n = s, max = maxtotal, sum_of_item_variances = sum_var }
  if s == 0 then return t end
  t.mean, t.median = m.mean, m.median
  local m2, m3, m4 = m.m2, m.m3, m.m4
  if s > 1 then
    t.sd = math.sqrt(m2 * s / (s - 1))
    t.k2 = s * m2 / (s - 1)
  end
  if s > 2 and t.k2 > 0 then
    local k3 = s * s * m3 / ((s - 1) * (s - 2))
    t.skewness = k3 / t.k2 ^ 1.5
  end
  if s > 3 and t.k2 > 0 then
    local k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
    t.kurtosis = k4 / (t.k2 * t.k2)
  end
  if p > 1 and s > 2 and t.k2 and t.k2 ~= 0 then
    t.cic = 100 * p / (p - 1) * (1 - sum_var / t.k2)
    -- An alpha below 0 leaves no real error ratio; Moodle shows none.
    if t.cic <= 100 and t.cic >= 0 then
      t.error_ratio = 100 * math.sqrt(1 - t.cic / 100)
      t.standard_error = t.error_ratio * t.sd / 100
    end
  end
  return t
end

-- Each option's choice count, and its pull: the share of the upper third
-- (by rest-of-test score) that chose it minus the share of the lower third,
-- in percentage points.  A distractor should pull the weaker learners
-- (negative pull); one that pulls the stronger learners, or that nobody
-- chooses, is flagged.
-- counts[label] = {n, up, low}: choices by all, the upper and the lower third.
local function distractor_rows(item, s, g, counts)
  local rows = {}
  for _, label in ipairs(item.options) do
    local c = counts[label] or {}
    local n, up, low = c.n or 0, c.up or 0, c.low or 0
    rows[#rows + 1] = {
      label = label, correct = item.key and item.key[label] or false, count = n,
      percent = s > 0 and 100 * n / s or nil,
      pull = g > 0 and 100 * (up - low) / g or nil,
    }
  end
  return rows
end

-- who[k]: the attempt (its index in attempts) of the item's k-th mark,
-- rest[k] its rest of the test.
local function distractors(item, attempts, who, rest)
  if not item.options then return nil end
  local s = #who
  local order = {}
  for k = 1, s do order[k] = k end
  table.sort(order, function(a, b)
    if rest[a] ~= rest[b] then return rest[a] > rest[b] end
    return a < b
  end)
  local g = s // 3
  local upper, lower = {}, {}
  for i = 1, g do
    upper[order[i]] = true
    lower[order[s - i + 1]] = true
  end
  local counts = {}
  for a = 1, s do
    local at = attempts[who[a]]
    for _, c in ipairs(at.choices and at.choices[item.id] or {}) do
      local k = counts[c] or { n = 0, up = 0, low = 0 }
      counts[c] = k
      k.n = k.n + 1
      if upper[a] then k.up = k.up + 1 end
      if lower[a] then k.low = k.low + 1 end
    end
  end
  return distractor_rows(item, s, g, counts)
end

local function flags_of(it)
  local f = {}
  if it.n == 0 then return f end     -- never given: nothing to judge
  if it.discrimination and it.discrimination < 0 then
    f[#f + 1] = "negative discrimination"
  end
  if it.facility and it.facility > 95 then f[#f + 1] = "facility above 95%" end
  if it.facility and it.facility < 20 then f[#f + 1] = "facility below 20%" end
  for _, d in ipairs(it.distractors or {}) do
    if not d.correct and d.count == 0 then
      f[#f + 1] = ("distractor %s chosen by nobody"):format(d.label)
    elseif not d.correct and d.pull and d.pull > 0 then
      f[#f + 1] = ("distractor %s pulls the stronger learners"):format(d.label)
    end
  end
  return f
end

-- A variance or covariance below 1e-12 is rounding noise of a true zero
-- (its sign depends on the order of the sums): it is zero, whichever
-- store or language summed it.
local function snap(x)
  if x and math.abs(x) < 1e-12 then return 0 end
  return x
end

-- One item's figures from its sums (st, as from_sums takes them).
local function item_figures(item, st)
  local it = { id = item.id, max = item.max, n = st.n }
  st = { n = st.n, mean = st.mean, var = snap(st.var), cov_total = snap(st.cov_total),
         cov_rest = snap(st.cov_rest), var_rest = snap(st.var_rest),
         cov_sorted = snap(st.cov_sorted) }
  local mx, vx = st.mean, st.var
  if item.max ~= 0 and mx then it.facility = 100 * mx / item.max end
  if vx then
    it.var = vx
    if item.max ~= 0 then it.sd = 100 * math.sqrt(vx) / item.max end
  end
  it.cov_total = st.cov_total
  local cxo, vo = st.cov_rest, st.var_rest
  if cxo and vx * vo ~= 0 then
    it.discrimination = 100 * cxo / math.sqrt(vx * vo)
  end
  if cxo then
    local cmax = st.cov_sorted
    if cmax ~= 0 then it.efficiency = 100 * cxo / cmax end
  end
  return it
end

-- The test's maximum: what an attempt can score, on average over the
-- attempts (each item's maximum times the share of attempts given it); with
-- no draws, the sum of the items' maxima.  Intended weights are shares of it.
local function test_max(out, s)
  local max = 0
  for _, it in ipairs(out) do max = max + it.max * (s > 0 and it.n or 1) end
  return s > 0 and max / s or max
end

-- Intended and effective weights, flags and the whole test's figures.
-- Cronbach's alpha and the effective weights need every attempt to have
-- been given the same items (those given to nobody left out); when draws
-- gave attempts different items they are undefined (nil).
local function finish(out, m, totals)
  local s, p, same = m.n, 0, true
  local sum_var, sum_sqrt_cov = 0, 0
  local max = test_max(out, s)
  for _, it in ipairs(out) do
    -- (None for an item no attempt was given, once there are attempts.)
    if max ~= 0 and (it.n > 0 or s == 0) then it.intended_weight = 100 * it.max / max end
    if it.n > 0 then
      p = p + 1
      if it.n ~= s then same = false end
    end
    sum_var = sum_var + (it.var or 0)
    if it.cov_total and it.cov_total >= 0 then
      sum_sqrt_cov = sum_sqrt_cov + math.sqrt(it.cov_total)
    end
  end
  for _, it in ipairs(out) do
    if same and it.cov_total and it.cov_total >= 0 and sum_sqrt_cov > 0 then
      it.effective_weight = 100 * math.sqrt(it.cov_total) / sum_sqrt_cov
    end
    it.cov_total, it.var = nil, nil
    it.flags = flags_of(it)
  end
  local t = test_from(m, sum_var, same and p or 0, max)
  t.same_items = same
  return { items = out, test = t, totals = totals }
end

function M.analyse(items, attempts)
  local s = #attempts
  local totals = {}
  for a, at in ipairs(attempts) do
    local t = 0
    for _, item in ipairs(items) do t = t + (at.marks[item.id] or 0) end
    totals[a] = t
  end
  local out = {}
  for i, item in ipairs(items) do
    -- Only the attempts given this item.
    local x, tot, rest, who = {}, {}, {}, {}
    for a = 1, s do
      local m = attempts[a].marks[item.id]
      if m then
        local k = #x + 1
        x[k], tot[k], rest[k], who[k] = m, totals[a], totals[a] - m, a
      end
    end
    local st = { n = #x, mean = mean(x), var = cov(x, x), cov_total = cov(x, tot),
                 cov_rest = cov(x, rest), var_rest = cov(rest, rest) }
    if st.cov_rest then st.cov_sorted = cov(sorted(x), sorted(rest)) end
    out[i] = item_figures(item, st)
    out[i].distractors = distractors(item, attempts, who, rest)
  end
  return finish(out, moments(totals), totals)
end

-- The same analysis from sums the store computed where the responses are
-- (store_pg.c's named queries, itemsql.lua): sums[id] = {n, mean, var,
-- cov_total, cov_rest, var_rest, cov_sorted} over the attempts given the
-- item (none: an item given to nobody), choices[id][label] = {n, up, low},
-- totals each attempt's total (one number per attempt).
function M.from_sums(items, sums, choices, totals)
  local m = moments(totals)
  local out = {}
  for i, item in ipairs(items) do
    local st = sums[item.id] or { n = 0 }
    out[i] = item_figures(item, st)
    if item.options then
      out[i].distractors = distractor_rows(item, st.n, st.n // 3, choices[item.id] or {})
    end
  end
  return finish(out, m, totals)
end

return M
