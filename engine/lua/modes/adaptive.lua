-- modes/adaptive.lua: several tries with hints between them.
--
-- As in Moodle's adaptive behaviour, each try after the first costs
-- `penalty` (default 1/3): a try's mark is fraction - penalty * (try - 1),
-- floored at 0, and the question keeps the best mark of its tries.

local practice = require("modes.practice")
local util = require("util")

local M = { name = "adaptive", immediate = true, running_score = true }

-- The practice commands, and h: a hint before the next try.
M.commands = { practice.commands[1], practice.commands[2], practice.commands[3],
               { key = "h", action = "hint", says = "a hint" } }
M.asks_certainty = practice.asks_certainty
M.certainty_help = practice.certainty_help
M.summary_lines = practice.summary_lines
M.result_fields = practice.result_fields

function M.tries(settings) return settings.tries or 3 end

function M.grade(item, settings)
  local penalty = settings.penalty or 1 / 3
  local best = 0
  for i, step in ipairs(item.steps) do
    best = math.max(best, step.fraction - penalty * (i - 1))
  end
  return best
end

-- "a third", or the penalty as a percentage.
local function cost(settings)
  local pen = settings.penalty or 1 / 3
  return pen == 1 / 3 and "a third" or util.fmt_num(pen * 100) .. "%"
end

function M.intro(s)
  return ("You get %s at each question, with a hint after a wrong try (h shows one " ..
    "sooner; hints cost no marks). Each new try costs %s of the marks."):format(
    util.plural(M.tries(s.settings), "try", "tries"), cost(s.settings))
end

-- After a wrong try: what the next one costs.
function M.retry_note(s, left)
  return ("%s left. Each new try costs %s of the marks."):format(
    util.plural(left, "try", "tries"), cost(s.settings))
end

function M.feedback_lines(s, item)
  if #item.steps <= 1 then return {} end
  return { ("Took %d tries: %s of %s marks."):format(#item.steps,
    util.num(M.grade(item, s.settings) * item.q.points), util.num(item.q.points)) }
end

return M
