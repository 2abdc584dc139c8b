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

local M = {}

for k, v in pairs(attempt) do M[k] = v end
-- The dialogue's functions join the attempt's the first time one is asked
-- for: an attempt graded from a file (--answers --json) neither talks nor
-- shows a view, so it loads neither dialogue.lua nor report.lua (0.5 M
-- instructions).  (No name is both the attempt's and the dialogue's.)
setmetatable(M, { __index = function(t, k)
  setmetatable(t, nil)
  for name, v in pairs(require("dialogue")) do
    if rawget(t, name) == nil then t[name] = v end
  end
  return t[k]
end })

-- Feed recorded inputs (the records store's: {kind, value, round, seq,
-- question_id}) to attempt s.  A "line" goes to the round under way when
-- it is that round's and the round still asks for one; a "round" input
-- (the web's record of "go over the missed questions") starts the next
-- round, whose lines follow it.  Returns the count of lines taken; the seq
-- of the first line that went to another question than the one it was
-- typed at (the quiz now reads answers differently), if any: the rest of
-- such a replay is not the attempt that was taken; the round under way
-- (s itself, or a missed-questions round); and the blocks the last input
-- answered with, which a page shows above the next question.
function M.feed_inputs(s, inputs)
  local dialogue, report = require("dialogue"), require("report")
  local n, astray, cur, last = 0, nil, s, {}
  for _, inp in ipairs(inputs) do
    if inp.kind == "round" then
      cur = attempt.missed_round(cur) or cur
      last = report.round_intro(cur)
    elseif inp.kind == "line" and (inp.round or 1) == (cur.round or 1) and
           dialogue.prompt(cur) then
      local item = cur.items[cur.pos]
      if not astray and inp.question_id and (not item or item.q.id ~= inp.question_id) then
        astray = inp.seq
      end
      last = dialogue.feed(cur, inp.value)
      n = n + 1
    end
  end
  return n, astray, cur, last
end

-- Rebuild an attempt from its quiz, its options {seed, mode, learner,
-- assist} and the inputs given to it.  The same quiz, options and inputs
-- give the same attempt exactly, so the terminal's --resume, regrade and
-- the web's pages all rebuild through here.  Returns the attempt (round 1,
-- whose result is the attempt's) and what feed_inputs returns: the count,
-- the astray seq, the round under way and the last blocks; or nil and the
-- validator of a question script that failed.
function M.replay(quiz, opts, inputs)
  local s, v = attempt.new(quiz, opts)
  if not s then return nil, v end
  return s, M.feed_inputs(s, inputs)
end

return M
