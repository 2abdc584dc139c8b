-- quiz.lua: the quiz file's schema.  Loads a quiz, checks every field,
-- converts it in place, and reports each problem with its file position.
--
-- A question is checked in two halves: the fields every question shares
-- (here) and the fields of its type (types/<type>.lua, validate).  A
-- question with a `script:` is checked by running the script in the sandbox
-- with several seeds and checking each question it makes, because a script
-- that only sometimes makes a bad question is still a bad script.

local schema = require("schema")
local material = require("material")
local rng = require("rng")
local util = require("util")
local readability = util.lazy("readability")   -- check's gate only

local M = {}

M.TYPES = { "single", "multiple", "truefalse", "matching", "ordering",
            "numeric", "text", "cloze", "matrix", "staging", "teachback" }
-- The registered modes (modes.lua): the same list, so a registered one is known.
M.MODES = require("modes").NAMES
M.AUDIENCES = { "patient", "student", "any" }
M.CHECK_SEEDS = 8       -- seeds a script is tried with by `check`
M.MAX_PATIENT_GRADE = 8 -- Flesch-Kincaid grade a patient question may not pass

local QUIZ_FIELDS = schema.set { "id", "title", "audience", "language", "version",
  "reviewed", "material", "description", "settings", "questions", "minutes", "lexicon" }
local SETTINGS = schema.set { "mode", "shuffle", "pass", "draw", "draw_by_topic",
  "tries", "penalty", "ask_certainty" }
local COMMON = { "id", "type", "topic", "prompt", "explain", "source", "quote",
  "points", "hints", "objective", "safety", "safety_message", "script" }
-- For schema/quiz.schema.json's test (tests/lua/test_schema_json.lua).
M.QUIZ_FIELDS, M.SETTINGS_FIELDS, M.COMMON_FIELDS = QUIZ_FIELDS, SETTINGS, COMMON

-- A type's module, its contract checked the first time (contracts.lua).
-- (Kept here once checked: every question asks for its type's.)
local checked_types, type_modules = {}, {}
function M.type_module(name)
  local t = type_modules[name]
  if t then return t end
  t = require("types." .. name)
  if not checked_types[name] then
    checked_types[name] = require("contracts").check_type(name, t)
  end
  type_modules[name] = t
  return t
end

local allowed_cache = {}
local function allowed_fields(tname)
  if not allowed_cache[tname] then
    local set = schema.set(COMMON)
    for _, f in ipairs(M.type_module(tname).fields or {}) do set[f] = true end
    allowed_cache[tname] = set
  end
  return allowed_cache[tname]
end

-- The seed a question's script and shuffles use in an attempt.
function M.question_seed(seed, qid)
  return seed ~ rng.hash(qid)
end

-- The options of the checks below, made once (the checks only read them).
local REQUIRED = { required = true }
local ID_SHAPE = schema.shape(nil, { { "id", "id", true } })
local POINTS = { default = 1, gt = 0, max = 1000 }

-- shaped: source and quote are known to be text (host.shape said so).
local function check_source(q, v, index, shaped)
  local src = shaped and q.source or v:string(q, "source", REQUIRED)
  if not src then return end
  local sec, doc, why = material.resolve(index, src, v)
  if not sec then
    if why then v:error(q, "source", "%s", why) end
    return
  end
  q._section = sec
  local quote
  if shaped then quote = q.quote else quote = v:string(q, "quote") end
  if quote and not material.has_quote(sec, quote) then
    local elsewhere = material.find_quote(index, doc, quote)
    v:error(q, "quote", "quote not found word for word in section '%s': \"%s\"%s", src,
            #quote > 60 and quote:sub(1, 57) .. "..." or quote,
            elsewhere and ("; it is in '" .. elsewhere .. "'") or "")
  end
end

-- The fields check_question checks first, as one spec for host.shape
-- (made for a type when first needed): the usual question passes them in
-- one call; any other runs the checks one by one, which say what is wrong.
local KNOWN_TYPE = schema.set(M.TYPES)
local shapes = {}
local function question_shape(tname)
  if not shapes[tname] and KNOWN_TYPE[tname] then
    shapes[tname] = schema.shape(allowed_fields(tname), {
      { "topic", "id", true }, { "prompt", "text", true }, { "explain", "text", true },
      { "points", "absent", POINTS.default }, { "objective", "text" }, { "hints", "texts" },
      { "safety", "bool", false }, { "safety_message", "text" }, { "source", "text", true },
      { "quote", "text" } })
  end
  return shapes[tname]
end

-- Check one question's fields (after any script has been merged in).
function M.check_question(q, v, index)
  local qid = q.id or "?"
  local tname = q.type
  local shape = type(tname) == "string" and question_shape(tname)
  if shape and host.shape(q, shape) then
    local before = v.errors
    if not q.safety and q.safety_message ~= nil then
      v:warn(q, "safety_message", "question '%s' has a safety_message but no 'safety: true'", qid)
    end
    check_source(q, v, index, true)
    v.index = index
    M.type_module(tname).validate(q, v)
    return v.errors == before
  end
  tname = v:oneof(q, "type", M.TYPES, nil, REQUIRED)
  if not tname then return false end
  local before = v.errors
  v:fields(q, allowed_fields(tname), "question '%s'", qid)
  v:id(q, "topic", REQUIRED)
  v:string(q, "prompt", REQUIRED)
  v:string(q, "explain", REQUIRED)
  v:number(q, "points", POINTS)
  v:string(q, "objective")
  local hints = v:list(q, "hints")
  if hints then
    for i in ipairs(hints) do v:string(hints, i) end
  end
  if v:bool(q, "safety", false) then
    v:string(q, "safety_message")
  elseif q.safety_message ~= nil then
    v:string(q, "safety_message")
    v:warn(q, "safety_message", "question '%s' has a safety_message but no 'safety: true'", qid)
  end
  check_source(q, v, index)
  v.index = index         -- a type may cite material too (teach-back key points)
  M.type_module(tname).validate(q, v)
  return v.errors == before
end

-- Each script may run 1 second or 10 million steps (host.sandbox), and
-- every script of one quiz file together, over `check`'s seeds and an
-- attempt's draws, FILE_SECONDS or FILE_STEPS; every script one command
-- runs (`check DIR`, `list`, the menu) COMMAND_SECONDS or COMMAND_STEPS.
-- So no file, and no folder of them, can stall a command for long.
M.FILE_SECONDS, M.FILE_STEPS = 3, 30000000
M.COMMAND_SECONDS, M.COMMAND_STEPS = 10, 100000000

function M.new_budget(seconds, steps, what)
  return { seconds = seconds, steps = steps, what = what,
           limit = ("%d million steps or %d seconds"):format(steps // 1000000, seconds) }
end

local command_budget

-- A new command starts with a full command budget.
function M.begin_command()
  command_budget = M.new_budget(M.COMMAND_SECONDS, M.COMMAND_STEPS, "this command")
end
M.begin_command()

-- Run q's script with seed and merge its fields over a copy of q.  budget
-- is the file's (quiz.budget); the command's is charged too.  Returns the
-- new question, or nil after reporting why.
function M.run_script(q, seed, v, budget)
  local budgets = { command_budget, budget }
  local seconds, steps, tightest = host.script_seconds, host.script_steps, nil
  for _, b in ipairs(budgets) do
    if b.seconds < seconds or b.steps < steps then tightest = b end
    seconds, steps = math.min(seconds, b.seconds), math.min(steps, b.steps)
  end
  local function spent(what)
    v:error(q, "script", "question '%s': script %s: the scripts of %s used up their " ..
            "budget (%s together)", q.id or "?", what, tightest.what, tightest.limit)
  end
  if seconds <= 0 or steps <= 0 then
    spent("not run")
    return nil
  end
  local out, err, secs, used = host.sandbox(q.script, "=script", seed, seconds, steps)
  for _, b in ipairs(budgets) do
    b.seconds, b.steps = b.seconds - secs, b.steps - used
  end
  if not out and tightest and (tightest.seconds <= 0 or tightest.steps <= 0) and
     err:find("ran too long", 1, true) then
    spent("stopped")
    return nil
  end
  if not out then
    err = err:gsub("script:(%d+):", "line %1 of the script:")
    v:error(q, "script", "question '%s': script %s", q.id or "?", err)
    return nil
  end
  local made = {}
  for k, val in pairs(q) do made[k] = val end
  for k, val in pairs(out) do
    -- id, type and topic say what the question is: results, draws and
    -- statistics follow them, so a script may not change them.
    if k == "id" or k == "type" or k == "script" or k == "topic" then
      v:error(q, "script", "question '%s': script may not set '%s'", q.id or "?", tostring(k))
      return nil
    end
    made[k] = val
  end
  made.script = nil
  -- Positions: fields the script did not touch keep theirs; the rest point at q.
  local info = v.where[q]
  if info then v.where[made] = info end
  return made
end

local function check_settings(quiz, v, nq)
  local s = v:map(quiz, "settings") or {}
  quiz.settings = s
  v:fields(s, SETTINGS, "settings")
  v:oneof(s, "mode", M.MODES, "practice")
  v:bool(s, "shuffle", false)
  v:number(s, "pass", { default = 80, min = 0, max = 100 })
  local draw = v:number(s, "draw", { integer = true, min = 1 })
  if draw and nq > 0 and draw > nq then
    v:error(s, "draw", "'draw' is %d but the quiz has only %s", draw,
            util.plural(nq, "question"))
    s.draw = nil
  end
  v:bool(s, "draw_by_topic", false)
  v:number(s, "tries", { default = 3, integer = true, min = 1, max = 10 })
  v:number(s, "penalty", { default = 1 / 3, min = 0, max = 1 })
  v:bool(s, "ask_certainty", false)
end

-- Load and check a quiz file.  Returns quiz (nil when it cannot be used)
-- and the validator holding every message.  index_for(dir) gives the
-- material index of a folder (cached by the caller).  quick (an attempt
-- about to start): without check's gates, the reading level of patient
-- questions and each script tried with CHECK_SEEDS seeds; the attempt
-- checks what a script makes with its own seed (instantiate).  Nor does
-- it look for what could only warn (v.quick, read by a type's validate):
-- an attempt starts on a quiz without errors and shows no warnings.
function M.load(path, index_for, quick)
  local data, where = host.read_yaml(path)
  if data == nil then
    local v = schema.new(path, {})
    v.raw = where
    v.errors = 1
    return nil, v
  end
  local v = schema.new(path, where)
  v.quick = quick
  if not v:is_mapping(data) then
    v:error(data, nil, "a quiz file must be a mapping of fields (id, title, questions, ...), " ..
            "found %s", schema.kind_of(data))
    return nil, v
  end
  local quiz = data
  quiz.path = nil
  v:fields(quiz, QUIZ_FIELDS, "the quiz")
  v:id(quiz, "id", { required = true })
  v:string(quiz, "title", { required = true })
  v:oneof(quiz, "audience", M.AUDIENCES, "any")
  v:string(quiz, "language")
  quiz.language = quiz.language or "en"
  v:number(quiz, "version", { required = true, integer = true, min = 1 })
  material.check_date(v, quiz, "reviewed", true)
  v:string(quiz, "description")
  v:number(quiz, "minutes", { gt = 0 })
  local listed = v:list(quiz, "material")
  for i in ipairs(listed or {}) do v:id(listed, i) end
  local questions = v:list(quiz, "questions", { required = true, min = 1, item = "question",
                                                 items = "questions" })
  check_settings(quiz, v, questions and #questions or 0)
  -- Words the quiz adds to the teach-back lexicon (lexicon.lua); the
  -- lexicon and teach-back are loaded only for a quiz that has some.
  if util.is_null(quiz.lexicon) then
    quiz.lexicon = nil
  else
    v.lexicon = require("lexicon").validate(quiz, v, M.type_module("teachback").compile)
  end

  local dir = host.find_up(path, "material")
  local index = dir and index_for(dir) or nil
  quiz.index = index
  if listed and index then
    for i, docid in ipairs(listed) do
      if type(docid) == "string" and not index.docs[docid] and not index.broken[docid] then
        v:error(listed, i, "no material document '%s' in %s", docid, index.dir)
      end
    end
  end

  local seen = {}
  local budget = M.new_budget(M.FILE_SECONDS, M.FILE_STEPS, "this file")
  quiz.budget = budget    -- an attempt's draws spend what check left
  -- The documents the quiz lists, as a set (up to the first hole, as
  -- ipairs reads them: a null entry's check leaves one), and each cited
  -- source's document, read once a source.
  local listed_set, docid_of = {}, {}
  for i = 1, listed and #listed or 0 do
    if listed[i] == nil then break end
    listed_set[listed[i]] = true
  end
  for i = 1, questions and #questions or 0 do
    -- The usual question, a mapping with an id, is known so in one call.
    local q, qid = questions[i], nil
    if q == nil then break end
    if type(q) == "table" and host.shape(q, ID_SHAPE) then
      qid = q.id
    else
      q = v:entry_map(questions, i, "question")
      qid = q and v:id(q, "id", REQUIRED)
    end
    if q then
      if qid then
        if seen[qid] then
          local l, c = v:pos(seen[qid], "id")
          v:error(q, "id", "duplicate question id '%s' (first at %d:%d)", qid, l, c)
        else
          seen[qid] = q
        end
      end
      v.fallback = q
      if q.script ~= nil then
        -- The fields a script may not set must stand in the file.
        local fixed = v:id(q, "topic", REQUIRED)
        if v:string(q, "script") and fixed and not quick then
          M.check_script_question(q, v, index, budget)
        end
      else
        M.check_question(q, v, index)
      end
      host.gc_check()  -- (a graded attempt's held collector: luahost.c)
      v.fallback = nil
      if quiz.audience == "patient" and not quick then M.check_reading(q, v) end
      if listed and q.source and type(q.source) == "string" then
        local docid = docid_of[q.source]
        if docid == nil then
          docid = q.source:match("^([^#]+)#") or false
          docid_of[q.source] = docid
        end
        local found = docid and listed_set[docid] == true
        if docid and not found and index and index.docs[docid] then
          v:error(q, "source", "question '%s' cites '%s', which is not in the quiz's " ..
                  "material list", q.id or "?", docid)
        end
      end
    end
  end
  quiz.questions = questions or {}
  quiz.where = where
  quiz.file = path
  return quiz, v
end

-- Patient text must stay easy to read: about grade 6, never above 8.
function M.check_reading(q, v)
  local g = readability.grade(readability.question_text(q))
  if g and g > M.MAX_PATIENT_GRADE then
    v:error(q, "prompt", "question '%s' reads at grade %.1f, above %d for patients; " ..
            "use shorter sentences and everyday words", q.id or "?", g, M.MAX_PATIENT_GRADE)
  end
end

-- Check the static fields a script may rely on, then every seed's result.
function M.check_script_question(q, v, index, budget)
  local first_errors
  for seed = 1, M.CHECK_SEEDS do
    local made = M.run_script(q, M.question_seed(seed, q.id or ""), v, budget)
    if not made then return end
    local trial = schema.new(v.file, v.where)
    trial.fallback = q
    M.check_question(made, trial, index)
    if trial.errors > 0 then
      first_errors = trial
      for _, item in ipairs(trial.items) do
        if item.severity == "error" then
          item.message = item.message .. (" (script with check seed %d)"):format(seed)
        end
      end
      break
    end
  end
  if first_errors then
    for _, item in ipairs(first_errors.items) do
      v.items[#v.items + 1] = item
      if item.severity == "error" then v.errors = v.errors + 1
      else v.warnings = v.warnings + 1 end
    end
  end
end

-- The question an attempt asks: q itself, or what its script makes with
-- this attempt's seed, checked like any other.
function M.instantiate(quiz, q, seed)
  if not q.script then return q end
  local v = schema.new(quiz.file, quiz.where)
  v.fallback = q
  local made = M.run_script(q, M.question_seed(seed, q.id), v, quiz.budget)
  if made then
    M.check_question(made, v, quiz.index)
  end
  if v.errors > 0 then return nil, v end
  return made
end

return M
