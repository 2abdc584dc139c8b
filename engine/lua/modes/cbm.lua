-- modes/cbm.lua: certainty-based marking (Gardner-Medwin; as in Moodle).
--
-- After each answer the learner says how sure they are: 1, 2 or 3.  Right
-- earns 1, 2 or 3; wrong earns 0, -2 or -6.  A partly right answer earns
-- right[C] times its fraction, with no penalty (Moodle's rule).  No
-- certainty given counts as C=1.

local util = require("util")

local M = { name = "cbm", immediate = true }

M.RIGHT = { 1, 2, 3 }
M.WRONG = { 0, -2, -6 }

function M.tries() return 1 end
function M.asks_certainty() return true end

function M.mark(fraction, certainty)
  local c = certainty or 1
  if util.has_credit(fraction) then return M.RIGHT[c] * fraction end
  return M.WRONG[c]
end

function M.grade(item)
  local last = item.steps[#item.steps]
  if not last then return 0 end
  return M.mark(last.fraction, item.certainty)
end

-- Moodle's CBM summary: accuracy ignores certainty; the bonus compares the
-- average mark with the best a learner of that accuracy could get with one
-- fixed certainty level.  items: list of {fraction, mark, weight}.
function M.summary(items)
  local w, wf, m = 0, 0, 0
  for _, it in ipairs(items) do
    w = w + it.weight
    wf = wf + it.weight * it.fraction
    m = m + it.mark * it.weight
  end
  if w == 0 then return nil end
  local acc, avg = wf / w, m / w
  local best = -math.huge
  for c = 1, 3 do
    best = math.max(best, acc * M.RIGHT[c] + (1 - acc) * M.WRONG[c])
  end
  local bonus = 0.1 * (avg - best)
  return { accuracy = 100 * acc, average = avg, bonus = 100 * bonus,
           cb_accuracy = 100 * (acc + bonus) }
end

return M
