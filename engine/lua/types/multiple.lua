-- types/multiple.lua: select all that apply.
-- Scoring (`scoring:`), with R right options chosen, W wrong ones chosen,
-- K correct options and X wrong options in the question:
--   plus-minus (default, NCSBN +/- rule): max(0, R - W) / K
--   all-or-nothing: 1 only when the chosen set is exactly the correct set
--   partial: max(0, R / K - W / max(X, 2))
-- Choosing nothing scores 0 under every rule.

local choice = require("types.choice")
local json = require("json")
local util = require("util")

local M = {}
M.fields = { "options", "scoring" }
M.SCORING = { "plus-minus", "all-or-nothing", "partial" }

function M.validate(q, v)
  local correct = choice.validate_options(q, v)
  if correct == 0 then
    v:error(q, "options", "question '%s' has no correct option; mark at least one with " ..
            "'correct: true'", q.id or "?")
  end
  v:oneof(q, "scoring", M.SCORING, "plus-minus")
end

M.shuffle = choice.shuffle_options

function M.present(q, perm)
  return {
    prompt = q.prompt,
    blocks = { { items = choice.items(choice.option_texts(q), perm) } },
    how = "Type the letters of every answer that applies, for example A C.",
    input = "multiple",
  }
end

local function parse(q, input, perm)
  local got, why = choice.option_indices(q, input, perm)
  if not got then
    return nil, why or ("type the letters of the options you choose, for example A C")
  end
  table.sort(got)
  return got
end
M.parse = choice.sentences(parse)

-- Lists walked by index and the floors written out, not ipairs and
-- math.max calls: the same numbers (an integer 0 where math.max(0, x)
-- gave one), at a fraction of the instructions per response.
function M.score(q, response)
  local options = q.options
  local right, wrong, keyed = 0, 0, 0
  for i = 1, #options do
    if options[i].correct then keyed = keyed + 1 end
  end
  for k = 1, #response do
    if options[response[k]].correct then right = right + 1 else wrong = wrong + 1 end
  end
  local rule = q.scoring or "plus-minus"
  if rule == "all-or-nothing" then
    return (right == keyed and wrong == 0) and 1 or 0
  elseif rule == "partial" then
    local unkeyed = #options - keyed
    local f = right / keyed - wrong / (unkeyed > 2 and unkeyed or 2)
    return f > 0 and f or 0
  end
  local net = right - wrong
  return (net > 0 and net or 0) / keyed
end

-- Feedback for every option chosen and every correct option missed.
function M.explain(q, response)
  local chosen = {}
  for _, i in ipairs(response or {}) do chosen[i] = true end
  local notes, right = {}, {}
  for i, o in ipairs(q.options) do
    if o.correct then right[#right + 1] = i end
    local mark = chosen[i] and (o.correct and "right" or "wrong") or (o.correct and "missed")
    if mark then
      local fb = o.feedback
      if mark == "missed" then fb = choice.for_missed(fb) end
      notes[#notes + 1] = { mark = mark, text = o.text, feedback = fb }
    end
  end
  return { answer = choice.option_list(q, right), notes = notes }
end

function M.encode(_, response)
  return json.array(util.map(response, util.label))
end

function M.show(q, response)
  if #response == 0 then return "(nothing chosen)" end
  return choice.option_list(q, response)
end

return M
