-- types/truefalse.lua: a statement the learner marks true or false.
-- Scoring: 0/1.  Feedback is written per value (feedback_true,
-- feedback_false) because the reason a statement is false is worth saying.

local choice = require("types.choice")
local util = require("util")

local M = {}
M.fields = { "answer", "feedback_true", "feedback_false" }

-- "yes" and "no" too: a patient answers a statement as a question.
local WORDS = { ["true"] = true, t = true, ["false"] = false, f = false,
                yes = true, y = true, no = false, n = false }

function M.validate(q, v)
  if util.is_null(q.answer) then
    q.answer = nil
    v:error(q, nil, "missing field 'answer' (true or false)")
  else
    v:bool(q, "answer", nil)
  end
  v:string(q, "feedback_true")
  v:string(q, "feedback_false")
end

function M.shuffle()
  return nil
end

function M.present(q)
  return {
    prompt = q.prompt,
    blocks = { { items = { { label = "T", text = "True" }, { label = "F", text = "False" } } } },
    how = "Type t for true or f for false, for example t.",
    input = "truefalse",
  }
end

local function parse(_, input)
  if type(input) == "boolean" then return input end
  if type(input) == "string" and #input < 64 then
    local b = WORDS[choice.strip_label(input:match("^%s*(.-)[%s%.]*$")):lower()]
    if b ~= nil then return b end
  end
  return nil, "type t for true or f for false (true, false, yes and no work too)"
end
M.parse = choice.sentences(parse)

function M.score(q, response)
  return response == q.answer and 1 or 0
end

local function word(b)
  return b and "True" or "False"
end

-- Each feedback is written to someone who chose that value ("That's
-- right..." or "Not quite..."), so a skipped statement gets neither: the
-- right value alone, and the question's explanation after it.
function M.explain(q, response)
  local notes = {}
  if response == nil then
    notes[1] = { mark = "missed", text = word(q.answer) }
  else
    notes[1] = { mark = response == q.answer and "right" or "wrong", text = word(response),
                 feedback = response and q.feedback_true or q.feedback_false }
  end
  return { answer = word(q.answer), notes = notes }
end

function M.encode(_, response)
  return response
end

function M.show(_, response)
  return word(response)
end

return M
