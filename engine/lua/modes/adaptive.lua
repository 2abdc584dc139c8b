-- modes/adaptive.lua: several tries with hints between them.
--
-- As in Moodle's adaptive behaviour, each try after the first costs
-- `penalty` (default 1/3): a try's mark is fraction - penalty * (try - 1),
-- floored at 0, and the question keeps the best mark of its tries.
local M = { name = "adaptive", immediate = true }

function M.tries(settings) return settings.tries or 3 end
function M.asks_certainty(settings) return settings.ask_certainty end

function M.grade(item, settings)
  local penalty = settings.penalty or 1 / 3
  local best = 0
  for i, step in ipairs(item.steps) do
    best = math.max(best, step.fraction - penalty * (i - 1))
  end
  return best
end

return M
