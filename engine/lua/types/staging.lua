-- types/staging.lua: give the AJCC 8 anatomic stage group of a T, N, M case.
-- Scoring: 0/1.  The key is never typed by the author: staging.group
-- computes it from `case`, so a quiz cannot teach a wrong stage by a typo.

local choice = require("types.choice")
local schema = require("schema")
local staging = require("staging")

local M = {}
M.fields = { "case" }

local CASE_FIELDS = schema.set { "t", "n", "m" }

function M.validate(q, v)
  local c = v:map(q, "case", { required = true })
  if not c then return end
  v:fields(c, CASE_FIELDS, "case")
  local t = v:string(c, "t", { required = true })
  local n = v:string(c, "n", { required = true })
  local m = v:string(c, "m", { required = true })
  if t and n and m then
    local group, why = staging.group(t, n, m)
    if not group then
      v:error(q, "case", "'case' cannot be staged: %s", why)
    end
  end
end

function M.shuffle()
  return nil
end

local function case_line(q)
  return ("%s %s %s"):format(q.case.t, q.case.n, q.case.m)
end

-- The key of each case, worked out the first time it is asked for: a
-- case's three texts with their group, kept beside the case table (and
-- let go with it), and worked out again if a text has changed since.
local keys = setmetatable({}, { __mode = "k" })

function M.key(q)
  local c = q.case
  local t, n, m = c.t, c.n, c.m
  local k = keys[c]
  if k and k[1] == t and k[2] == n and k[3] == m then return k[4] end
  local group = (staging.group(t, n, m))
  keys[c] = { t, n, m, group }
  return group
end

function M.present(q)
  return {
    prompt = q.prompt .. "\n" .. case_line(q),
    blocks = {},
    how = "Type the stage group, for example IIIA (3a works too).",
    input = "staging",
  }
end

local function parse(_, input)
  if type(input) ~= "string" then
    return nil, "type the stage group as text, for example IIIA or 3a"
  end
  local group, why = staging.parse_group(input)
  if not group then
    -- Some reasons already say what to type ("say IIA or IIB").
    if why:find("; say ", 1, true) then return nil, why end
    return nil, ("%s; type a stage group such as IIIA or 3a"):format(why)
  end
  return group
end
M.parse = choice.sentences(parse)

function M.score(q, response)
  return response == M.key(q) and 1 or 0
end

function M.explain(q)
  return { answer = ("Stage %s (%s)"):format(M.key(q), case_line(q)), notes = {} }
end

-- The result keeps the case asked and its key: a script draws a new case
-- each attempt, and an instructor reading results needs to see it.
function M.details(q)
  return { case = case_line(q), key = M.key(q) }, { "case", "key" }
end

function M.encode(_, response)
  return response
end

function M.show(_, response)
  return "Stage " .. response
end

return M
