-- types/text.lua: a short typed answer.
-- Scoring: 0/1; right when the answer matches any pattern in `accept`,
-- ignoring case, accents, punctuation and spacing, with `*` matching any
-- run of characters (textnorm.matches).

local choice = require("types.choice")
local textnorm = require("textnorm")
local util = require("util")

local M = {}
M.fields = { "accept" }
M.MAX_ANSWER = 1000

function M.validate(q, v)
  local accept = v:list(q, "accept", { required = true, min = 1, item = "pattern",
                                       items = "patterns" })
  for i in ipairs(accept or {}) do
    local p = v:string(accept, i)
    if p and not textnorm.has_content(p) then
      v:error(accept, i, "pattern '%s' has no letters or digits left to compare once case, " ..
              "accents and punctuation are ignored", p)
    end
  end
end

function M.shuffle()
  return nil
end

function M.present(q)
  return {
    prompt = q.prompt,
    blocks = {},
    how = "Type your answer in a word or a few words, for example bone marrow; " ..
          "spelling counts, capitals and accents do not.",
    input = "text",
  }
end

local function parse(_, input)
  if math.type(input) then input = tostring(input) end
  if type(input) ~= "string" then return nil, "type your answer as words" end
  if #input > M.MAX_ANSWER then
    return nil, ("that answer is too long; keep it under %d characters"):format(M.MAX_ANSWER)
  end
  local s = util.trim(input)
  if s == "" then return nil, "type your answer in a word or a few words" end
  return s
end
M.parse = choice.sentences(parse)

function M.score(q, response)
  return textnorm.matches_any(q.accept, response) and 1 or 0
end

-- The first pattern, without its wildcards, reads as the model answer.
function M.explain(q)
  local answer = util.trim((q.accept[1]:gsub("%*", "")))
  return { answer = answer, notes = {} }
end

function M.encode(_, response)
  return response
end

function M.show(_, response)
  return response
end

return M
