-- types/single.lua: multiple choice with one right option.
-- Scoring: 0/1 (NCSBN's 0/1 rule).

local choice = require("types.choice")
local util = require("util")

local M = {}
M.fields = { "options" }

-- Graded many times a second (a class's answers, a web server): the
-- option list is walked by index, with no ipairs call per option.
local function key(q)
  local options = q.options
  for i = 1, #options do
    if options[i].correct then return i end
  end
end

function M.validate(q, v)
  local correct = choice.validate_options(q, v)
  if correct == 0 then
    v:error(q, "options", "question '%s' has no correct option; mark exactly one with " ..
            "'correct: true'", q.id or "?")
  elseif correct and correct > 1 then
    v:error(q, "options", "question '%s' has %d correct options; a single-answer question " ..
            "needs exactly one (use type: multiple for several)", q.id or "?", correct)
  end
end

M.shuffle = choice.shuffle_options

function M.present(q, perm)
  return {
    prompt = q.prompt,
    blocks = { { items = choice.items(choice.option_texts(q), perm) } },
    how = "Type the letter of one answer, for example B.",
    input = "single",
  }
end

local function parse(q, input, perm)
  local got, why = choice.option_indices(q, input, perm)
  if not got then
    return nil, why or ("type the letter of one option, %s"):format(choice.range(#q.options))
  end
  if #got == 0 then
    return nil, ("type the letter of one option, %s"):format(choice.range(#q.options))
  end
  if #got > 1 then
    return nil, ("choose one option only, one letter %s"):format(choice.range(#q.options))
  end
  return got[1]
end
M.parse = choice.sentences(parse)

function M.score(q, response)
  return response == key(q) and 1 or 0
end

function M.explain(q, response)
  local k = key(q)
  local notes = {}
  if response then
    local o = q.options[response]
    notes[1] = { mark = response == k and "right" or "wrong", text = o.text, feedback = o.feedback }
  end
  if response ~= k then
    local o = q.options[k]
    notes[#notes + 1] = { mark = "missed", text = o.text, feedback = choice.for_missed(o.feedback) }
  end
  return { answer = q.options[k].text, notes = notes }
end

function M.encode(_, response)
  return util.label(response)
end

function M.show(q, response)
  return q.options[response].text
end

return M
