-- modes/exam.lua: one try, no feedback until the end, then a full review.
local practice = require("modes.practice")

local M = { name = "exam", immediate = false, running_score = false }

M.commands = practice.commands
M.tries = practice.tries
M.asks_certainty = practice.asks_certainty
M.grade = practice.grade
M.certainty_help = practice.certainty_help
M.feedback_lines = practice.feedback_lines
M.summary_lines = practice.summary_lines
M.result_fields = practice.result_fields

function M.intro()
  return "Exam: no feedback until the end; then your score, and a review of the " ..
    "questions you answered."
end

return M
