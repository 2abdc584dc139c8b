-- modes/exam.lua: one try, no feedback until the end, then a full review.
local practice = require("modes.practice")
local M = { name = "exam", immediate = false }

M.tries = practice.tries
M.asks_certainty = practice.asks_certainty
M.grade = practice.grade

return M
