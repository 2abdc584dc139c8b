-- formats/fhir.lua: HL7 FHIR R4 resources, as JSON.
--
-- The quiz becomes a Questionnaire: one item per question (choice with
-- answerOptions for single and multiple, boolean for true/false, decimal
-- with its unit for numeric, string for text and staging, text for
-- teach-back; matching, ordering, cloze and matrix as a group with one
-- choice item per row, position or blank).  The key is left out: a
-- Questionnaire is handed to the person answering.  enableWhen is used
-- where it is needed: "How sure are you?" (quizzes that ask for certainty)
-- shows once its question is answered, and a red-flag question's safety
-- message shows when the answer given is not the right one.
--
-- An attempt's result JSON (teachback run --json) becomes a
-- QuestionnaireResponse that answers the same linkIds, with the score as
-- an extension, so an education record can go to a health record.

local M = {}

-- ---- JSON with keys in the order given -------------------------------

local function obj(...)
  local t = { __pairs = {} }
  local args = table.pack(...)
  for i = 1, args.n, 2 do
    if args[i + 1] ~= nil then t.__pairs[#t.__pairs + 1] = { args[i], args[i + 1] } end
  end
  return t
end

local ESC = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function encode(v, indent, out)
  local t = type(v)
  if t == "string" then
    out[#out + 1] = '"' .. v:gsub('[%c"\\]', function(c)
      return ESC[c] or ("\\u%04x"):format(c:byte())
    end) .. '"'
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  elseif t == "number" then
    if math.type(v) == "integer" or (v == math.floor(v) and math.abs(v) < 1e15) then
      out[#out + 1] = ("%d"):format(v)
    else
      out[#out + 1] = ("%.10g"):format(v)
    end
  elseif t == "table" and v.__pairs then
    if #v.__pairs == 0 then out[#out + 1] = "{}" return end
    out[#out + 1] = "{\n"
    for i, kv in ipairs(v.__pairs) do
      out[#out + 1] = indent .. "  " .. '"' .. kv[1] .. '": '
      encode(kv[2], indent .. "  ", out)
      out[#out + 1] = i < #v.__pairs and ",\n" or "\n"
    end
    out[#out + 1] = indent .. "}"
  elseif t == "table" then
    out[#out + 1] = "[\n"
    for i, x in ipairs(v) do
      out[#out + 1] = indent .. "  "
      encode(x, indent .. "  ", out)
      out[#out + 1] = i < #v and ",\n" or "\n"
    end
    out[#out + 1] = indent .. "]"
  else
    error("fhir: cannot encode " .. t)
  end
end

function M.encode(v)
  local out = {}
  encode(v, "", out)
  return table.concat(out) .. "\n"
end

-- ---- Questionnaire -----------------------------------------------------

local function canonical(quiz) return "urn:teachback:quiz:" .. quiz.id end

-- A computable name: "all-types" -> "AllTypes" (FHIR's que-0 pattern).
local function machine_name(id)
  local s = id:gsub("%-(%w)", function(c) return c:upper() end):gsub("^%l", string.upper)
  if not s:match("^%u") then s = "Quiz" .. s end
  return s
end

local label = require("util").label

local function coding(quiz, q, code, display)
  return obj("system", canonical(quiz) .. ":" .. q.id, "code", code, "display", display)
end

local function options(quiz, q, texts)
  local out = {}
  for i, t in ipairs(texts) do out[i] = obj("valueCoding", coding(quiz, q, label(i), t)) end
  return out
end

local function option_texts(list, field)
  local out = {}
  for i, o in ipairs(list) do out[i] = field and o[field] or o end
  return out
end

local function choice_item(quiz, q, link, text, texts, repeats)
  return obj("linkId", link, "text", text, "type", "choice", "repeats", repeats or nil,
             "answerOption", options(quiz, q, texts))
end

local ITEM = {}

function ITEM.single(quiz, q)
  return choice_item(quiz, q, q.id, q.prompt, option_texts(q.options, "text"))
end

function ITEM.multiple(quiz, q)
  return choice_item(quiz, q, q.id, q.prompt, option_texts(q.options, "text"), true)
end

function ITEM.truefalse(quiz, q)
  return obj("linkId", q.id, "text", q.prompt, "type", "boolean")
end

local function rights(q)
  local r = {}
  for i, p in ipairs(q.pairs) do r[i] = p.right end
  for _, d in ipairs(q.distractors or {}) do r[#r + 1] = d end
  return r
end

function ITEM.matching(quiz, q)
  local kids, r = {}, rights(q)
  for i, p in ipairs(q.pairs) do kids[i] = choice_item(quiz, q, q.id .. "." .. i, p.left, r) end
  return obj("linkId", q.id, "text", q.prompt, "type", "group", "item", kids)
end

function ITEM.ordering(quiz, q)
  local kids = {}
  for i in ipairs(q.items) do
    kids[i] = choice_item(quiz, q, q.id .. "." .. i, ("Position %d"):format(i), q.items)
  end
  return obj("linkId", q.id, "text", q.prompt, "type", "group", "item", kids)
end

function ITEM.numeric(quiz, q)
  local ext
  if q.unit then
    ext = { obj("url", "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
                "valueCoding", obj("display", q.unit)) }
  end
  return obj("linkId", q.id, "text", q.prompt, "type", "decimal", "extension", ext)
end

function ITEM.text(quiz, q)
  return obj("linkId", q.id, "text", q.prompt, "type", "string")
end

function ITEM.staging(quiz, q)
  local c = q.case
  return obj("linkId", q.id, "text", ("%s (%s %s %s)"):format(q.prompt, c.t, c.n, c.m),
             "type", "string")
end

function ITEM.teachback(quiz, q)
  return obj("linkId", q.id, "text", require("types.teachback").full_prompt(q), "type", "text")
end

function ITEM.cloze(quiz, q)
  local kids = {}
  for i, b in ipairs(q.blanks) do
    kids[i] = choice_item(quiz, q, q.id .. "." .. i, ("Blank %d"):format(i), b.options)
  end
  local text = q.text:gsub("{{%s*(%d+)%s*}}", "(%1) ____")
  return obj("linkId", q.id, "text", q.prompt .. "\n" .. text, "type", "group", "item", kids)
end

function ITEM.matrix(quiz, q)
  local kids = {}
  for i, row in ipairs(q.rows) do
    kids[i] = choice_item(quiz, q, q.id .. "." .. i, row.text, q.columns, type(row.answer) == "table")
  end
  return obj("linkId", q.id, "text", q.prompt, "type", "group", "item", kids)
end

local CERTAINTY = { "Not sure", "Fairly sure", "Very sure" }

-- Quizzes that ask "How sure are you?" (ask_certainty, or CBM by default).
function M.asks_certainty(quiz)
  local s = quiz.settings or {}
  return s.ask_certainty or s.mode == "cbm"
end

-- The safety message shows when the answer is not the right one (single
-- and true/false, where one answer is right).
local function safety_item(quiz, q)
  local cond
  if q.type == "single" then
    for i, o in ipairs(q.options) do
      if o.correct then cond = obj("question", q.id, "operator", "!=",
                                   "answerCoding", coding(quiz, q, label(i), o.text)) end
    end
  elseif q.type == "truefalse" then
    cond = obj("question", q.id, "operator", "!=", "answerBoolean", q.answer)
  end
  if not cond then return nil end
  return obj("linkId", q.id .. ".safety", "text", q.safety_message or q.explain,
             "type", "display", "enableWhen", { cond })
end

function M.questionnaire(quiz)
  local items, warnings = {}, {}
  for n, q in ipairs(quiz.questions) do
    if q.script then
      warnings[#warnings + 1] = ("question '%s' (%s) skipped: it is made by a script from " ..
                                 "each attempt's seed"):format(q.id, q.type)
    else
      local it = ITEM[q.type](quiz, q)
      table.insert(it.__pairs, 2, { "prefix", tostring(n) .. "." })
      items[#items + 1] = it
      if M.asks_certainty(quiz) then
        items[#items + 1] = obj("linkId", q.id .. ".certainty", "text", "How sure are you?",
          "type", "choice", "enableWhen", { obj("question", q.id, "operator", "exists",
                                                "answerBoolean", true) },
          "answerOption", (function()
            local o = {}
            for i, t in ipairs(CERTAINTY) do
              o[i] = obj("valueCoding", obj("system", "urn:teachback:certainty", "code",
                                            tostring(i), "display", t))
            end
            return o
          end)())
      end
      if q.safety then items[#items + 1] = safety_item(quiz, q) end
    end
  end
  return obj("resourceType", "Questionnaire",
    "id", quiz.id,
    "url", canonical(quiz),
    "version", tostring(quiz.version),
    "name", machine_name(quiz.id),
    "title", quiz.title,
    "status", "active",
    "subjectType", { "Patient" },
    "date", quiz.reviewed,
    "description", quiz.description,
    "item", items), warnings
end

function M.export(quiz)
  local q, warnings = M.questionnaire(quiz)
  return M.encode(q), warnings
end

-- ---- QuestionnaireResponse ---------------------------------------------

local function find_question(quiz, id)
  for _, q in ipairs(quiz.questions) do if q.id == id then return q end end
end

local function label_index(s)
  if type(s) ~= "string" or not s:match("^%u+$") then return nil end
  local n = 0
  for c in s:gmatch(".") do n = n * 26 + (c:byte() - 64) end
  return n
end

local function coded(quiz, q, texts, lab)
  local i = label_index(lab)
  if not i or not texts[i] then return nil end
  return obj("valueCoding", coding(quiz, q, label(i), texts[i]))
end

local function child_answers(quiz, q, resp, texts_of, count)
  local kids = {}
  if type(resp) ~= "table" then return nil end
  for i = 1, count do
    local r = resp[tostring(i)] or resp[i]
    local texts = texts_of(i)
    local ans = {}
    for _, lab in ipairs(type(r) == "table" and r or { r }) do
      ans[#ans + 1] = coded(quiz, q, texts, lab)
    end
    if #ans > 0 then kids[#kids + 1] = obj("linkId", q.id .. "." .. i, "answer", ans) end
  end
  return kids
end

local function answer_item(quiz, q, r)
  local resp = r.response
  local id = q.id
  local t = q.type
  if t == "single" then
    local a = coded(quiz, q, option_texts(q.options, "text"), resp)
    return a and obj("linkId", id, "answer", { a })
  elseif t == "multiple" then
    local ans = {}
    for _, lab in ipairs(type(resp) == "table" and resp or {}) do
      ans[#ans + 1] = coded(quiz, q, option_texts(q.options, "text"), lab)
    end
    return #ans > 0 and obj("linkId", id, "answer", ans) or nil
  elseif t == "truefalse" then
    if resp == true or resp == "true" then resp = true
    elseif resp == false or resp == "false" then resp = false else return nil end
    return obj("linkId", id, "answer", { obj("valueBoolean", resp) })
  elseif t == "numeric" then
    local v = tonumber(resp)
    return v and obj("linkId", id, "answer", { obj("valueDecimal", v) })
  elseif t == "text" or t == "staging" or t == "teachback" then
    if type(resp) ~= "string" or resp == "" then return nil end
    return obj("linkId", id, "answer", { obj("valueString", resp) })
  elseif t == "matching" then
    local r_ = rights(q)
    local kids = child_answers(quiz, q, resp, function() return r_ end, #q.pairs)
    return kids and #kids > 0 and obj("linkId", id, "item", kids)
  elseif t == "ordering" then
    local kids = {}
    for i, lab in ipairs(type(resp) == "table" and resp or {}) do
      local a = coded(quiz, q, q.items, lab)
      if a then kids[#kids + 1] = obj("linkId", id .. "." .. i, "answer", { a }) end
    end
    return #kids > 0 and obj("linkId", id, "item", kids)
  elseif t == "cloze" then
    local kids = child_answers(quiz, q, resp, function(i) return q.blanks[i].options end, #q.blanks)
    return kids and #kids > 0 and obj("linkId", id, "item", kids)
  elseif t == "matrix" then
    local kids = child_answers(quiz, q, resp, function() return q.columns end, #q.rows)
    return kids and #kids > 0 and obj("linkId", id, "item", kids)
  end
end

-- A result table (from run --json) as a QuestionnaireResponse resource.
-- quiz may be nil when the quiz could not be found; the caller says so.
-- stored: what the records store adds about a stored attempt (records as
-- FHIR, recordfhir.lua): identifier {system, value}, authored (a FHIR
-- dateTime) and status ("stopped" for an attempt the learner stopped).
function M.response_resource(result, quiz, path, stored)
  if type(result) ~= "table" or type(result.questions) ~= "table" or type(result.quiz) ~= "string"
     or result.score == nil then
    return nil, ("%s:1:1: error: not a teachback result (one has 'quiz', 'score' and " ..
                 "'questions'; see teachback run --json)"):format(path)
  end
  if not quiz then
    return nil, ("%s: error: quiz '%s' of this result was not found; give it with --quiz FILE")
                :format(path, tostring(result.quiz))
  end
  local items = {}
  for _, r in ipairs(result.questions) do
    local q = type(r) == "table" and find_question(quiz, r.id)
    if q then
      local it = answer_item(quiz, q, r)
      if it then items[#items + 1] = it end
      local c = tonumber(r.certainty)
      if it and c and CERTAINTY[c] and M.asks_certainty(quiz) then
        items[#items + 1] = obj("linkId", q.id .. ".certainty", "answer", { obj("valueCoding",
          obj("system", "urn:teachback:certainty", "code", tostring(c), "display", CERTAINTY[c])) })
      end
    end
  end
  local learner = result.learner
  if type(learner) ~= "string" then learner = nil end
  local complete = true
  for _, r in ipairs(result.questions) do
    if type(r) == "table" and r.status == "not_reached" then complete = false end
  end
  local score = tonumber(result.score)
  local max = tonumber(result.max)
  local ext = {}
  if score and max then
    ext[1] = obj("url", "urn:teachback:score", "valueDecimal", score)
    ext[2] = obj("url", "urn:teachback:max-score", "valueDecimal", max)
  end
  if result.passed == true or result.passed == false or result.passed == "true" or
     result.passed == "false" then
    ext[#ext + 1] = obj("url", "urn:teachback:passed",
                        "valueBoolean", result.passed == true or result.passed == "true")
  end
  stored = stored or {}
  return obj("resourceType", "QuestionnaireResponse",
    "extension", #ext > 0 and ext or nil,
    "identifier", stored.identifier,
    "questionnaire", canonical(quiz) .. "|" .. tostring(quiz.version),
    "status", stored.status or (complete and "completed" or "in-progress"),
    "authored", stored.authored,
    "source", learner and obj("display", learner) or nil,
    "item", #items > 0 and items or nil)
end

function M.response(result, quiz, path)
  local resource, err = M.response_resource(result, quiz, path)
  if not resource then return nil, err end
  return M.encode(resource)
end

-- Resources as one Bundle of type collection (a learner's record):
-- timestamp a FHIR instant.
function M.bundle(resources, timestamp)
  local entries = {}
  for i, r in ipairs(resources) do entries[i] = obj("resource", r) end
  return obj("resourceType", "Bundle", "type", "collection", "timestamp", timestamp,
             "entry", #entries > 0 and entries or nil)
end

M.object = obj

return M
