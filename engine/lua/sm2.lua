-- sm2.lua: SuperMemo's SM-2 (Wozniak 1990) exactly as published, and how
-- an answer's correctness and certainty become SM-2's quality grade.
--
-- Reading of the published ambiguity: strict (the algorithm's step 6
-- applied before step 5's repetition count).  A grade below 3 restarts
-- the repetitions (next interval 1 day) without changing the E-Factor;
-- a grade of 3 or more counts a repetition and updates the E-Factor.
--
--   I(1) = 1, I(2) = 6, I(n) = ceil(I(n-1) * EF)
--   EF' = max(1.3, EF + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02))
--
-- Days are whole local days (day numbers); only a question's first answer
-- on a day schedules it: SM-2's same-day repeats are practice.

local util = require("util")

local M = {}

M.EF_START, M.EF_FLOOR = 2.5, 1.3

function M.new()
  return { n = 0, ef = M.EF_START, interval = 0, due = nil, last = nil }
end

-- Apply one graded repetition on day `day`; returns the card.
function M.review(card, q, day)
  assert(q >= 0 and q <= 5 and math.type(q) == "integer", "SM-2 grades are 0 to 5")
  if q >= 3 then
    card.n = card.n + 1
    if card.n == 1 then card.interval = 1
    elseif card.n == 2 then card.interval = 6
    else card.interval = math.ceil(card.interval * card.ef - 1e-9) end
    local d = 5 - q
    card.ef = math.max(M.EF_FLOOR, card.ef + (0.1 - d * (0.08 + d * 0.02)))
  else
    card.n, card.interval = 0, 1
  end
  card.due = day + card.interval
  card.last, card.q = day, q
  return card
end

-- The quality grade of one answered question.
--
--   fully right, first try, "very sure" (certainty 3)          5
--   fully right, first try, certainty 2 or none asked          4
--   fully right, but "not sure" (1) or only after a retry      3
--   partly right                                               2
--   wrong                                                      1
--   wrong while "very sure", or skipped                        0
--
-- So a question not fully right (grade below 3) always comes back the
-- next day; a confident mistake or a skip counts as a blackout.
function M.quality(r)
  if r.skipped then return 0 end
  local f = r.fraction or 0
  if util.is_right(f) then
    if r.certainty == 1 or (r.tries or 1) > 1 then return 3 end
    if r.certainty == 3 then return 5 end
    return 4
  end
  if util.has_credit(f) then return 2 end
  if r.certainty == 3 then return 0 end
  return 1
end

-- The local day number of a time (seconds) at a UTC offset (seconds).
function M.day_of(t, offset)
  return (t + (offset or 0)) // 86400
end

-- Cards from a history: rows in time order, each { key, at (seconds),
-- fraction, certainty, tries, skipped, red_flag }.  Returns cards by key,
-- each with its last result kept (missed, red_flag) for ordering.
function M.cards(rows, offset)
  local cards, order = {}, {}
  for _, r in ipairs(rows) do
    local day = M.day_of(r.at, offset)
    local c = cards[r.key]
    if not c then
      c = M.new()
      c.key = r.key
      cards[r.key] = c
      order[#order + 1] = c
    end
    if c.last ~= day then
      M.review(c, M.quality(r), day)
      c.missed = M.quality(r) < 3
      c.red_flag = r.red_flag and true or false
      c.row = r
    end
  end
  return cards, order
end

-- Cards due on `day`, in review order: red-flag questions missed first,
-- then other missed questions, then the most overdue, then by key.
function M.due(order, day)
  local out = {}
  for _, c in ipairs(order) do
    if c.due and c.due <= day then out[#out + 1] = c end
  end
  local function rank(c)
    if c.missed and c.red_flag then return 0 end
    if c.missed then return 1 end
    return 2
  end
  table.sort(out, function(a, b)
    if rank(a) ~= rank(b) then return rank(a) < rank(b) end
    if a.due ~= b.due then return a.due < b.due end
    return a.key < b.key
  end)
  return out
end

return M
