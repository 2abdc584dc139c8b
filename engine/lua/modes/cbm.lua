-- modes/cbm.lua: certainty-based marking (Gardner-Medwin; as in Moodle).
--
-- After each answer the learner says how sure they are: 1, 2 or 3.  Right
-- earns 1, 2 or 3; wrong earns 0, -2 or -6.  A partly right answer earns
-- right[C] times its fraction, with no penalty (Moodle's rule).  No
-- certainty given counts as C=1.

local json = require("json")
local practice = require("modes.practice")
local util = require("util")

-- No running score: marks and points are different scales.
local M = { name = "cbm", immediate = true, running_score = false }

M.commands = practice.commands

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

function M.intro()
  return "Certainty-based marking: after each answer, say how sure you are. " ..
    "1 unsure: right +1, wrong 0. 2 mid: right +2, wrong -2. 3 quite sure: " ..
    "right +3, wrong -6. Choose 3 only when you are more than 80% sure."
end

-- What each certainty level earns, for a front end that shows it beside
-- the choice (the web's three buttons).
M.certainty_marks = { "right +1, wrong 0", "right +2, wrong −2", "right +3, wrong −6" }

M.certainty_help = "Type 1, 2 or 3 (or unsure, mid, quite). Right earns 1, 2 or 3 marks; " ..
  "wrong earns 0, -2 or -6. s goes on without one (it counts as 1), q stops."

-- After an answer: the certainty given and what it earned.
function M.feedback_lines(_, item)
  if #item.steps == 0 then return {} end
  local marks = M.grade(item) * item.q.points
  return { ("Certainty %d: %s %s."):format(item.certainty or 1, util.fmt_num(marks),
                                           math.abs(marks) == 1 and "mark" or "marks") }
end

-- tot.cbm is summary()'s figures (nil when there were no marks to sum).
-- Every figure as the other summaries give theirs (util.num: at most two
-- decimals, "44.44%", "80%"); the result JSON keeps four.
function M.summary_lines(s, tot)
  if not tot.cbm then return practice.summary_lines(s, tot) end
  return {
    ("Accuracy: %s%% — %s (pass mark %s%%)."):format(util.num(tot.cbm.accuracy),
      tot.passed and "passed" or "not passed", util.num(s.settings.pass)),
    ("Certainty-based marks: %s of a possible %s; average %s a question, bonus %s%%, " ..
     "certainty-based accuracy %s%%."):format(util.num(tot.score), util.num(3 * tot.max),
      util.num(tot.cbm.average), util.num(tot.cbm.bonus), util.num(tot.cbm.cb_accuracy)),
  }
end

function M.result_fields(_, tot)
  if not tot.cbm then return {}, {} end
  return { "cbm" }, { cbm = json.object({ "accuracy", "average", "bonus", "cb_accuracy" }, {
    accuracy = util.round(tot.cbm.accuracy), average = util.round(tot.cbm.average),
    bonus = util.round(tot.cbm.bonus), cb_accuracy = util.round(tot.cbm.cb_accuracy) }) }
end

return M
