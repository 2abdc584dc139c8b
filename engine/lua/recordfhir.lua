-- recordfhir.lua: a learner's stored attempts as HL7 FHIR R4, for a
-- health record (teachback report --learner NAME --format fhir).
--
-- One QuestionnaireResponse per attempt, made by formats/fhir.lua exactly
-- as `export RESULT.json --to fhir-response` makes it from a result, in a
-- Bundle of type collection.  Each is built from the stored responses --
-- what was marked, after any regrade -- not by replaying the inputs, so a
-- quiz file edited since still gives the answers as they were given.  The
-- store adds what a result file lacks: the attempt's id as an identifier,
-- when it ended (authored), and "stopped" for an attempt the learner
-- stopped.  A review (questions from several quizzes) gives one response
-- per quiz it drew from, since a response answers one Questionnaire.
-- Unfinished attempts are left out (they have no marks yet) and counted.

local fhir = require("formats.fhir")
local records = require("records")
local util = require("util")

local M = {}

local obj = fhir.object

-- A FHIR dateTime in local time: 2026-11-18T11:06:40+01:00.  date(t,
-- offset) gives the day as YYYY-MM-DD.
function M.datetime(t, offset, date)
  local secs = (t + offset) % 86400
  local off = math.abs(offset)
  return ("%sT%02d:%02d:%02d%s%02d:%02d"):format(date(t, offset), secs // 3600,
    secs % 3600 // 60, secs % 60, offset < 0 and "-" or "+", off // 3600, off % 3600 // 60)
end

-- A stored response row as a result's question (report.result's fields
-- that formats/fhir.lua reads).
local function question_of(r, id)
  local response
  if r.answer then response = host.parse_yaml(r.answer, "(stored answer)") end
  return { id = id, response = response, certainty = r.certainty,
           status = r.tries > 0 and "answered" or r.skipped == 1 and "skipped" or "not_reached" }
end

-- Did an attempt in this mode pass?  Nil where the mode measures it
-- another way than the percentage (certainty-based marking).
local function passed(a, quiz)
  local ok, mode = pcall(require, "modes." .. a.mode)
  if not ok or type(mode) ~= "table" or mode.summary or not a.percent then return nil end
  return util.round(a.percent) >= ((quiz.settings or {}).pass or 80)
end

-- The quiz as it was taken: its version from the attempt.
local function as_taken(quiz, version)
  if version == nil then return quiz end
  return setmetatable({ version = version }, { __index = quiz })
end

-- One attempt's responses: a list of resources, or nil and why not.
local function attempt_resources(db, a, ctx)
  local rows = records.responses_of(db, a.id)
  local authored = M.datetime(a.ended_at or a.started_at, ctx.offset, ctx.date)
  local out = {}
  if a.quiz_id ~= "review" then
    local quiz = ctx.quiz_by_id(a.quiz_id, a.quiz_path)
    if not quiz then return nil, ("quiz '%s' was not found"):format(a.quiz_id) end
    -- In the quiz file's order, as a result and the Questionnaire have them.
    local rank = {}
    for i, q in ipairs(quiz.questions) do rank[q.id] = i end
    table.sort(rows, function(x, y)
      local rx, ry = rank[x.question_id] or math.huge, rank[y.question_id] or math.huge
      if rx ~= ry then return rx < ry end
      return x.position < y.position
    end)
    local qs = {}
    for i, r in ipairs(rows) do qs[i] = question_of(r, r.question_id) end
    out[1] = fhir.response_resource({ quiz = a.quiz_id, score = a.score, max = a.max,
      passed = passed(a, quiz), learner = a.learner, questions = qs },
      as_taken(quiz, a.quiz_version), "(stored attempt)", {
        identifier = obj("system", "urn:teachback:attempt", "value", tostring(a.id)),
        authored = authored, status = a.status == "stopped" and "stopped" or nil })
    return out
  end
  -- A review: its rows grouped by the quiz each question came from.
  local order, parts = {}, {}
  for _, r in ipairs(rows) do
    local qz, qid = r.question_id:match("^(.-)/([^/]+)$")
    if qz then
      local p = parts[qz]
      if not p then
        p = { score = 0, max = 0, questions = {} }
        parts[qz] = p
        order[#order + 1] = qz
      end
      p.score, p.max = p.score + r.marks, p.max + r.max
      p.questions[#p.questions + 1] = question_of(r, qid)
    end
  end
  for _, qz in ipairs(order) do
    local quiz = ctx.quiz_by_id(qz)
    if not quiz then return nil, ("quiz '%s' of this review was not found"):format(qz) end
    local p = parts[qz]
    out[#out + 1] = fhir.response_resource({ quiz = qz, score = p.score, max = p.max,
      learner = a.learner, questions = p.questions }, quiz, "(stored review)", {
        identifier = obj("system", "urn:teachback:attempt", "value", a.id .. "/" .. qz),
        authored = authored, status = a.status == "stopped" and "stopped" or nil })
  end
  return out
end

-- The Bundle text for learner `name`, and notes for standard error.
-- ctx: quiz_by_id(id, path), date(t, offset), now, offset.
function M.learner_bundle(db, name, ctx)
  local resources, notes, open = {}, {}, 0
  for _, a in ipairs(records.attempts(db, { learner = name })) do
    if a.status == "open" then
      open = open + 1
    else
      local list, why = attempt_resources(db, a, ctx)
      if list then
        for _, r in ipairs(list) do resources[#resources + 1] = r end
      else
        notes[#notes + 1] = ("attempt %d left out: %s"):format(a.id, why)
      end
    end
  end
  if open > 0 then
    notes[#notes + 1] = ("%s left out (no marks yet; resume to finish)")
      :format(util.plural(open, "unfinished attempt"))
  end
  return fhir.encode(fhir.bundle(resources, M.datetime(ctx.now, ctx.offset, ctx.date))), notes
end

return M
