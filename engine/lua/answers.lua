-- answers.lua: an answers file (YAML or JSON, keyed by question id) applied
-- to an attempt, as if the learner had typed each answer.
--
-- Labels refer to the order the quiz file lists things, whatever the
-- shuffle, so one answers file fits every seed.  A bad entry is an error
-- at its position in the answers file: grading a batch silently as 0
-- would hide a typo.

local schema = require("schema")
local session = require("session")
local util = require("util")

local M = {}

local WRAPPER = schema.set { "answer", "certainty", "tries" }

local function is_wrapper(v)
  if type(v) ~= "table" or util.is_list(v) and next(v) then return false end
  if next(v) == nil then return false end
  for k in pairs(v) do
    if not WRAPPER[k] then return false end
  end
  return true
end

-- A type's parse speaks to someone at the terminal ("Type t for true or
-- f for false"); an answers file is written, not typed.
function M.file_words(q, value, why)
  if q.type == "truefalse" then
    return ("write true or false, found %s"):format(type(value) == "string" and
      ("'" .. value .. "'") or schema.kind_of(value))
  end
  why = why or "answer not understood"
  return (why:gsub("^[Tt]ype ", "Write "))
end

local function apply_one(s, item, value, v, node, key)
  local q = item.q
  local tries = { { value = value, node = node, key = key } }
  if is_wrapper(value) then
    v:fields(value, WRAPPER, ("the answer to '%s'"):format(q.id))
    if value.certainty ~= nil then
      local c = v:number(value, "certainty", { integer = true, min = 1, max = 3 })
      item.certainty = c
    end
    if value.tries ~= nil and value.answer ~= nil then
      v:error(value, "tries", "question '%s': give 'answer' or 'tries', not both", q.id)
      return
    end
    if value.tries ~= nil then
      local list = v:list(value, "tries", { min = 1, item = "try", items = "tries" })
      if not list then return end
      if #list > session.tries(s) then
        v:error(value, "tries", "question '%s': %s allowed in %s mode, %d given", q.id,
                util.plural(session.tries(s), "try", "tries"), s.mode.name, #list)
        return
      end
      tries = {}
      for i, t in ipairs(list) do tries[i] = { value = t, node = list, key = i } end
    else
      tries = { { value = value.answer, node = value, key = "answer" } }
    end
  end
  for i, t in ipairs(tries) do
    if util.is_null(t.value) then
      if #tries > 1 then v:error(t.node, t.key, "question '%s': try %d is empty", q.id, i) end
      -- An empty answer is a skip; a question left out was not reached.
      item.skipped = true
      return
    end
    if i > 1 and session.settled(s, item) then
      v:error(t.node, t.key, "question '%s': try %d comes after the question was settled",
              q.id, i)
      return
    end
    local response, why = item.t.parse(q, t.value, nil)
    if response == nil then
      v:error(t.node, t.key, "question '%s': %s", q.id, M.file_words(q, t.value, why))
      return
    end
    session.record(s, item, t.value, response)
  end
end

-- Apply the answers table (from host.read_yaml) to the session s.
-- Returns the validator; v.errors > 0 means the file could not be used.
function M.apply(s, answers, where, path)
  local v = schema.new(path, where)
  if not v:is_mapping(answers) then
    v:error(answers, nil, "an answers file must map question ids to answers, found %s",
            schema.kind_of(answers))
    return v
  end
  local known = {}
  for _, q in ipairs(s.quiz.questions) do known[#known + 1] = q.id end
  local pool = schema.set(known)
  for _, key in ipairs(util.sorted_keys(answers)) do
    local id = tostring(key)
    local item = s.byid[id]
    if item then
      apply_one(s, item, answers[key], v, answers, key)
      host.gc_check()  -- (a graded attempt's held collector: luahost.c)
    elseif not pool[id] then
      local near = v:did_you_mean(id, known)
      v:error_key(answers, key, "no question '%s' in quiz '%s'%s", id, s.quiz.id,
                  near and ("; did you mean '" .. near .. "'?") or "")
    end
    -- An id of the pool that this attempt did not draw is ignored: one
    -- answers file serves every draw.
  end
  return v
end

return M
