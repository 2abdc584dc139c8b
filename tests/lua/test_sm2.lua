-- SM-2: intervals and E-Factors pinned for a sequence of grades (worked by
-- hand from the published steps), the quality mapping, and review order.
local T = ...
local sm2 = require("sm2")

local function r2(x) return math.floor(x * 100 + 0.5) / 100 end

T.test("sm2: intervals and E-Factor over a sequence of grades", function()
  local c = sm2.new()
  local steps = {
    -- day, q  ->  n, interval, EF, due
    { 0, 5, 1, 1, 2.6, 1 },
    { 1, 5, 2, 6, 2.7, 7 },
    { 7, 4, 3, 17, 2.7, 24 },      -- ceil(6 * 2.7) = ceil(16.2)
    { 24, 3, 4, 46, 2.56, 70 },    -- ceil(17 * 2.7) = ceil(45.9); EF - 0.14
    { 70, 2, 0, 1, 2.56, 71 },     -- below 3: restart, E-Factor kept (reading a)
    { 71, 5, 1, 1, 2.66, 72 },
    { 72, 4, 2, 6, 2.66, 78 },
    { 78, 4, 3, 16, 2.66, 94 },    -- ceil(6 * 2.66) = ceil(15.96)
  }
  for i, st in ipairs(steps) do
    sm2.review(c, st[2], st[1])
    T.eq({ c.n, c.interval, r2(c.ef), c.due }, { st[3], st[4], st[5], st[6] }, "step " .. i)
  end
end)

T.test("sm2: the E-Factor never falls below 1.3", function()
  local c = sm2.new()
  local efs = {}
  for day = 1, 10 do
    sm2.review(c, 3, day * 100)
    efs[day] = r2(c.ef)
  end
  T.eq(efs, { 2.36, 2.22, 2.08, 1.94, 1.8, 1.66, 1.52, 1.38, 1.3, 1.3 })
  local d = sm2.new()
  sm2.review(d, 0, 5)
  T.eq({ d.n, d.interval, d.ef, d.due }, { 0, 1, 2.5, 6 }, "a blackout keeps EF 2.5")
end)

T.test("sm2: correctness and certainty map to quality", function()
  local q = sm2.quality
  T.eq(q { fraction = 1, certainty = 3 }, 5)
  T.eq(q { fraction = 1, certainty = 2 }, 4)
  T.eq(q { fraction = 1 }, 4)
  T.eq(q { fraction = 1, certainty = 1 }, 3)
  T.eq(q { fraction = 1, tries = 2, certainty = 3 }, 3)
  T.eq(q { fraction = 0.5, certainty = 3 }, 2)
  T.eq(q { fraction = 0 }, 1)
  T.eq(q { fraction = 0, certainty = 2 }, 1)
  T.eq(q { fraction = 0, certainty = 3 }, 0)
  T.eq(q { fraction = 1, skipped = true }, 0)
end)

T.test("sm2: missed today comes back tomorrow, red flags first", function()
  local DAY = 86400
  local rows = {
    { key = "a", at = 10 * DAY, fraction = 1 },
    { key = "b", at = 10 * DAY, fraction = 0 },
    { key = "c", at = 10 * DAY, fraction = 0, red_flag = true },
    { key = "d", at = 10 * DAY, fraction = 1, red_flag = true },
    -- A second answer the same day is practice: it does not reschedule.
    { key = "b", at = 10 * DAY + 60, fraction = 1 },
  }
  local cards, order = sm2.cards(rows, 0)
  T.eq(cards.b.due, 11)
  T.eq(cards.a.due, 11)
  local due = sm2.due(order, 11)
  local keys = {}
  for i, c in ipairs(due) do keys[i] = c.key end
  T.eq(keys, { "c", "b", "a", "d" })
  T.eq(#sm2.due(order, 10), 0, "nothing is due the day it was answered")
  -- Local days: 23:30 UTC at UTC+1 is already the next day.
  T.eq(sm2.day_of(10 * DAY + 23 * 3600 + 1800, 3600), 11)
end)

T.test("records: a learner's first id is made from the name, the same in every writer", function()
  local records = require("records")
  -- FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector);
  -- the top two bits cleared keep it a positive 62-bit id.
  T.eq(records.name_id("a"), 0x2f63dc4c8601ec8c)
  T.eq(records.name_id("ana"), records.name_id("ana"))
  T.ok(records.name_id("ana") ~= records.name_id("anna"))
  T.ok(records.name_id("") > 0)
end)
