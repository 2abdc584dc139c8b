-- modes/practice.lua: one try, feedback and explanation right after each
-- question.  The mark is the type's fraction.
local M = { name = "practice", immediate = true }

function M.tries() return 1 end
function M.asks_certainty(settings) return settings.ask_certainty end

-- Mark per point, from the steps the learner took.
function M.grade(item)
  local last = item.steps[#item.steps]
  return last and last.fraction or 0
end

return M
