-- session.lua: an attempt and its dialogue, under the one name the rest
-- of the engine and the front ends use.
--
-- attempt.lua is the attempt as data (draw, order, steps, marks, totals,
-- the result); dialogue.lua is the line-by-line conversation that records
-- steps into it (prompt and feed, a handler per phase).  Neither requires
-- the other's caller: report.lua (the views) reads the attempt, the
-- dialogue shows report's views, and this module only puts them together,
-- with replay, which needs both.
--
-- A front end's loop: view = prompt(s); show it; feed(s, line) returns what
-- to show next; until prompt(s) is nil; then report.summary(s).

local attempt = require("attempt")
local dialogue = require("dialogue")

local M = {}

for k, v in pairs(attempt) do M[k] = v end
for k, v in pairs(dialogue) do M[k] = v end

-- Feed recorded lines (the records store's inputs: {kind = "line", value,
-- round, seq, question_id}) to attempt s, round 1 only (later rounds are
-- practice and keep no marks).  Returns the count taken, and the seq of
-- the first line that went to another question than the one it was typed
-- at (the quiz now reads answers differently), if any: the rest of such a
-- replay is not the attempt that was taken.
function M.feed_inputs(s, inputs)
  local n, astray = 0, nil
  for _, inp in ipairs(inputs) do
    if inp.kind == "line" and (inp.round or 1) == 1 then
      if not dialogue.prompt(s) then break end
      local item = s.items[s.pos]
      if not astray and inp.question_id and (not item or item.q.id ~= inp.question_id) then
        astray = inp.seq
      end
      dialogue.feed(s, inp.value)
      n = n + 1
    end
  end
  return n, astray
end

-- Rebuild an attempt from its quiz, its options {seed, mode, learner,
-- assist} and the lines given to it.  The same quiz, options and lines
-- give the same attempt exactly, so the terminal's --resume, regrade and
-- the web's pages all rebuild through here.  Returns the attempt, the
-- count of lines taken and feed_inputs' astray seq; or nil and the
-- validator of a question script that failed.
function M.replay(quiz, opts, inputs)
  local s, v = attempt.new(quiz, opts)
  if not s then return nil, v end
  return s, M.feed_inputs(s, inputs)
end

return M
