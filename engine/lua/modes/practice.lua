-- modes/practice.lua: one try, feedback and explanation right after each
-- question.  The mark is the type's fraction.  The other modes take what
-- they do not change from here.

local util = require("util")

local M = { name = "practice", immediate = true, running_score = true }

-- What a learner may type at a question besides an answer, as help lists it.
M.commands = {
  { key = "?", action = "help", says = "help" },
  { key = "s", action = "skip", says = "skip this question" },
  { key = "q", action = "quit", says = "stop the quiz" },
}

function M.tries() return 1 end
function M.asks_certainty(settings) return settings.ask_certainty end

-- Mark per point, from the steps the learner took.
function M.grade(item)
  local last = item.steps[#item.steps]
  return last and last.fraction or 0
end

-- How the mode works, said once before the first question.  A patient
-- needs no word for the mode ("practice" is jargon to them).
function M.intro(s)
  if s.quiz.audience == "patient" then
    return "After each answer you will see why, and where to read more." ..
      (M.asks_certainty(s.settings) and " You will also be asked how sure you are; there " ..
       "are no marks." or "")
  end
  return "Practice: feedback and explanation after each question."
end

-- "?" at "How sure?": what the numbers mean here.
M.certainty_help = "Type 1 if you are not sure, 2 if you are fairly sure, 3 if you are very " ..
  "sure. There are no marks: it shows what to go over again. s goes on without it, q stops."

-- Lines of the mode's own in a question's feedback (after the notes).
function M.feedback_lines()
  return {}
end

-- The score lines of the summary.  For patients a check of how well we
-- explained, not a grade: never a percentage or points.
function M.summary_lines(s, tot)
  if s.quiz.audience == "patient" then return {} end
  return { ("Score: %s / %s (%s%%) — %s (pass mark %s%%)."):format(util.num(tot.score),
    util.num(tot.max), util.num(tot.percent), tot.passed and "passed" or "not passed",
    util.fmt_num(s.settings.pass)) }
end

-- Fields of the mode's own in the result object: keys in order, values.
function M.result_fields()
  return {}, {}
end

return M
