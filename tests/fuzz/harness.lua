-- harness.lua: the Lua half of the fuzz harnesses (tests/fuzz/*.c).
--
-- Each entry point takes one input the C half has written or handed over,
-- runs it through the engine the way the command line would, and returns
-- nil, or a finding: a message that breaks a promise the engine makes of
-- every input (an error names FILE:LINE:COL, no control character reaches
-- the terminal, no internal error, results within their bounds).  Crashes,
-- leaks and sanitizer reports are the C half's and libFuzzer's business.
--
-- One engine state serves every input, so whatever an input may change is
-- reset here: cli's material cache and the script budgets (cli.begin of
-- each command), and the file budget of the bundled quizzes kept loaded.

local answers = require("answers")
local cli = require("cli")
local json = require("json")
local material = require("material")
local quiz_mod = require("quiz")
local report = require("report")
local schema = require("schema")
local session = require("session")

local H = {}

local CONTROL = "[%z\1-\31\127]"
local C1 = "\194[\128-\159]"

-- A line the command line would print: escaped controls only, and either a
-- positioned message about one of the given files or a known summary line.
local function bad_line(line, files)
  if line:find(CONTROL) or line:find(C1) then
    return "control character in output line: " .. schema.show_controls(line)
  end
  if line:find(": error: internal error", 1, true) then return "internal error: " .. line end
  for _, f in ipairs(files) do
    local rest = line:sub(#f + 1)
    if line:sub(1, #f) == f and (rest:match("^:%d+:%d+: error: ") or
        rest:match("^:%d+:%d+: warning: ") or rest:match("^: %d+ more messages? not shown") or
        -- the importers' warnings name a line only (formats/gift.lua)
        rest:match("^:%d+: warning: ")) then
      return nil
    end
  end
  return "message without FILE:LINE:COL: " .. schema.show_controls(line)
end

local function bad_lines(lines, files)
  for _, line in ipairs(lines) do
    if type(line) ~= "string" then return "a message line is a " .. type(line) end
    local why = bad_line(line, files)
    if why then return why end
  end
  return nil
end

-- YAML: host.parse_yaml(text) gives a value and positions, or one message.
function H.yaml(text)
  local value, where = host.parse_yaml(text, "input.yaml")
  if value == nil then return bad_lines({ where }, { "input.yaml" }) end
  if type(where) ~= "table" then return "no positions table" end
  if type(value) == "table" and not where[value] then return "no position for the root" end
  return nil
end

-- Material: material.c's sections, then the schema's check of them.
function H.material(raw, where)
  if raw == nil then return bad_lines({ where }, { "doc.md" }) end
  if #raw.sections > 1000 then return "more than 1000 sections kept" end
  local v = schema.new("doc.md", where)
  local doc = material.check_doc(raw, v, "doc.md")
  local lines = {}
  for _, item in ipairs(v:sorted()) do lines[#lines + 1] = schema.format(item) end
  if v.unshown > 0 then lines[#lines + 1] = schema.unshown_line(v) end
  if #v.items > schema.MAX_MESSAGES then return "more messages kept than the cap" end
  if doc then
    for _, id in ipairs(doc.order) do
      local sec = doc.sections[id]
      local p = material.passage(sec, nil)
      if type(p) ~= "string" then return "passage is not text" end
    end
  end
  return bad_lines(lines, { "doc.md" })
end

-- check of one quiz with its material, as `teachback check QUIZ` does.
function H.check(quiz_path, doc_paths)
  local lines, errors, warnings, files = cli.check({ quiz_path })
  if math.type(errors) ~= "integer" or math.type(warnings) ~= "integer" or
     math.type(files) ~= "integer" then
    return "check returned counts that are not integers"
  end
  if errors > 0 and #lines == 0 then return "errors counted but none shown" end
  local files_named = { quiz_path }
  for _, p in ipairs(doc_paths) do files_named[#files_named + 1] = p end
  return bad_lines(lines, files_named)
end

local indexes = {}
local function material_index(dir)
  if not indexes[dir] then indexes[dir] = material.load_dir(dir) end
  return indexes[dir]
end

-- The bundled quizzes, loaded once (in a fixed order, so a selector byte
-- always names the same quiz); only their budgets change per input.
local bundled
local function bundled_quizzes()
  if bundled then return bundled end
  bundled = {}
  for _, path in ipairs(host.list(host.quizdir, ".yaml", true)) do
    if not path:match("/material/") then
      local q, v = quiz_mod.load(path, material_index)
      if q and v.errors == 0 then bundled[#bundled + 1] = q end
    end
  end
  table.sort(bundled, function(a, b) return a.file < b.file end)
  return bundled
end

local function fresh(quiz)
  quiz_mod.begin_command()
  quiz.budget = quiz_mod.new_budget(quiz_mod.FILE_SECONDS, quiz_mod.FILE_STEPS, "this file")
end

local MODES = { "practice", "exam", "adaptive", "cbm" }

-- An answers file applied to a bundled quiz and graded to JSON, as
-- `teachback run QUIZ --answers FILE --json` does.  sel picks the quiz,
-- the mode and the seed.
function H.answers(sel, text)
  local list = bundled_quizzes()
  if #list == 0 then return "no bundled quiz loaded" end
  local quiz = list[sel % #list + 1]
  fresh(quiz)
  local s, sv = session.new(quiz, { seed = sel // 4, mode = MODES[sel % 4 + 1] })
  if not s then return "a bundled quiz did not start: " .. tostring(sv and sv.items[1] and
                                                                   sv.items[1].message) end
  local data, where = host.parse_yaml(text, "answers.yaml")
  if data == nil then return bad_lines({ where }, { "answers.yaml" }) end
  local v = answers.apply(s, data, where, "answers.yaml")
  if v.errors > 0 then
    local lines = {}
    for _, item in ipairs(v:sorted()) do lines[#lines + 1] = schema.format(item) end
    if v.unshown > 0 then lines[#lines + 1] = schema.unshown_line(v) end
    return bad_lines(lines, { "answers.yaml" })
  end
  local r = report.result(s)
  local out = json.encode(r)
  if type(out) ~= "string" or out:sub(1, 1) ~= "{" or out:find(CONTROL) then
    return "result JSON is not one clean object"
  end
  if type(r.score) ~= "number" or type(r.max) ~= "number" or r.score < -1e-9 or
     r.score > r.max + 1e-9 then
    return ("score %s out of %s"):format(tostring(r.score), tostring(r.max))
  end
  return nil
end

-- The teach-back questions of the bundled quizzes.
local tb_items
local function teachback_questions()
  if tb_items then return tb_items end
  tb_items = {}
  for _, quiz in ipairs(bundled_quizzes()) do
    for _, q in ipairs(quiz.questions) do
      if q.type == "teachback" then tb_items[#tb_items + 1] = { quiz = quiz, q = q } end
    end
  end
  return tb_items
end

-- The fixture quiz of one teach-back question (tests/e2e/fixtures/engine).
local tb_quiz
local function teachback_quiz()
  if tb_quiz then return tb_quiz end
  local path = host.quizdir .. "/../tests/e2e/fixtures/engine/teachback.yaml"
  local q, v = quiz_mod.load(path, material_index)
  if q and v.errors == 0 then tb_quiz = q end
  return tb_quiz
end

-- The teach-back matcher on arbitrary text: parse, analyse, score and
-- explain it as an answer to one of the bundled teach-back questions; then,
-- when sel is even, type it at the prompt of a session (session.feed, where
-- a typed line is checked for UTF-8), with --assist when sel is 2 mod 4.
-- (The matcher takes about 15 ms for 100 words, so the replay of every
-- corpus through this harness in `make test` does the session half only
-- for half of them.)
function H.teachback(sel, text)
  local list = teachback_questions()
  if #list == 0 then return "no teach-back question in the bundled quizzes" end
  local pick = list[sel % #list + 1]
  local t = quiz_mod.type_module("teachback")
  local response = t.parse(pick.q, text)
  if response ~= nil then
    local f = t.score(pick.q, response)
    if type(f) ~= "number" or f < 0 or f > 1 then return "score out of 0..1: " .. tostring(f) end
    local r = t.analyse(pick.q, type(response) == "table" and response.text or response)
    if #r.covered > #pick.q.key_points then return "more key points covered than exist" end
    t.explain(pick.q, response)
    json.encode(t.encode(pick.q, response))
  end
  if sel % 2 == 1 then return nil end
  local quiz = teachback_quiz()
  if not quiz then return "the teach-back fixture quiz did not load" end
  fresh(quiz)
  local s = session.new(quiz, { seed = sel, mode = "practice", assist = sel % 4 == 2 })
  if not s then return "the teach-back fixture quiz did not start" end
  local lines = { text, "y", "n", "" }
  for i = 1, 8 do   -- the answer, then whatever the session asks (assist, retry)
    if not session.prompt(s) then break end
    session.feed(s, lines[i] or "q")
  end
  session.stop(s)
  local out = json.encode(report.result(s))
  if out:find(CONTROL) then return "result JSON holds a raw control character" end
  return nil
end

-- An import of a question bank, as `teachback import FILE` does: GIFT when
-- sel is even, Moodle XML when odd.  What import would write must read
-- back as YAML, and every error names FILE:LINE:COL.
function H.import(sel, text)
  local kind = sel % 2 == 0 and "gift" or "moodlexml"
  local name = kind == "gift" and "input.gift" or "input.xml"
  local fmt = require("formats." .. kind)
  if kind == "gift" then
    local recs, perr = fmt.parse(text, name)
    if recs then json.encode(fmt.neutral(recs))
    else
      local why = bad_lines({ perr }, { name })
      if why then return why end
    end
  end
  local quiz, perr, warnings = fmt.import(text, name)
  if not quiz then return bad_lines({ perr }, { name }) end
  local why = bad_lines(warnings or {}, { name })
  if why then return why end
  local common = require("formats.common")
  quiz.id = quiz.id or common.slug(quiz.title or "input", "imported")
  quiz.title = quiz.title or "input"
  quiz.audience = quiz.audience or "any"
  quiz.version = 1
  quiz.reviewed = "2026-11-29"
  common.unique_ids(quiz.questions)
  for _, q in ipairs(quiz.questions) do
    q.explain = q.explain or "TODO: explain the answer"
    q.source = "TODO"
  end
  local doc = require("formats.yamlout").document(quiz, { "Imported from " .. name .. "." })
  local back, where = host.parse_yaml(doc, "imported.yaml")
  if back == nil then return "import wrote YAML that does not read back: " .. where end
  if #quiz.questions > 0 and (type(back) ~= "table" or type(back.questions) ~= "table" or
      #back.questions ~= #quiz.questions) then
    return "import wrote a different number of questions than it read"
  end
  return nil
end

-- A class's answer sheets (csv.c, csvsheet.lua), each row applied to an
-- attempt at a bundled quiz as `teachback grade` does (answers.apply with
-- the cells' positions); sel picks the quiz.  The quiz stays loaded:
-- `grade` itself would read it and its material again for every input.
local MAX_ROWS = 20
function H.csv(sel, sheet_path)
  local list = bundled_quizzes()
  if #list == 0 then return "no bundled quiz loaded" end
  local quiz = list[sel % #list + 1]
  local csvsheet = require("csvsheet")
  local sheet, problems = csvsheet.read(sheet_path, quiz)
  local why = bad_lines(problems, { sheet_path })
  if why or not sheet then return why end
  for r, row in ipairs(sheet.rows) do
    if r > MAX_ROWS then break end
    fresh(quiz)
    local s = session.new(quiz, { seed = 0, mode = "exam" })
    if not s then return "a bundled quiz did not start" end
    local data, cols = csvsheet.cells(sheet, row)
    local vpos = {}
    for id, col in pairs(cols) do vpos[id] = (row.line << 32) | col end
    local v = answers.apply(s, data, { [data] = { pos = (row.line << 32) | 1, v = vpos,
                                                   k = vpos } }, sheet_path)
    local lines = {}
    for _, item in ipairs(v:sorted()) do lines[#lines + 1] = schema.format(item) end
    why = bad_lines(lines, { sheet_path })
    if why then return why end
    if v.errors == 0 and json.encode(report.result(s)):find(CONTROL) then
      return "result JSON holds a raw control character"
    end
  end
  return nil
end

-- Load what the harnesses keep (the bundled quizzes, the teach-back
-- fixture) before the first input, so its time is not the input's.
function H.init()
  bundled_quizzes()
  teachback_questions()
  teachback_quiz()
end

return H
