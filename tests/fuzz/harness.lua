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
  for _, f in ipairs(files) do
    local rest = line:sub(#f + 1)
    -- (Anchored on the engine's own wording at the message's start: an
    -- input may be quoted back with "error: internal error" in it.)
    if line:sub(1, #f) == f and rest:match("^:%d+:%d+: error: internal error") then
      return "internal error: " .. line
    end
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

-- ---- matc and csvc: the C parsers alone, against what they promise ----------
--
-- No pipeline after the parser: each re-derives from the input, in a few
-- lines of plain Lua, what material.c or csv.c must have returned, and
-- checks every position against the input's lines, so a difference is a
-- finding.  (The `material` and `csv` harnesses run the schema and
-- grading on top, a hundred times slower.)

local BOM = "\239\187\191"

-- The input's lines split at "\n" as positions count them: the one after a
-- final "\n" (empty) included; and the offset each starts at.
local function raw_lines(text)
  local lines, starts, at = {}, {}, 1
  while true do
    local nl = text:find("\n", at, true)
    starts[#starts + 1] = at
    lines[#lines + 1] = text:sub(at, (nl or #text + 1) - 1)
    if not nl then return lines, starts end
    at = nl + 1
  end
end

-- Characters of UTF-8 text as columns count them: continuation bytes not.
local function chars(s)
  return #s - select(2, s:gsub("[\128-\191]", ""))
end

-- Whether (line, col) lies in the text: col at most one past the line's
-- end, in width(line) units (characters or bytes).
local function bad_pos(what, lines, line, col, width)
  if math.type(line) ~= "integer" or math.type(col) ~= "integer" then
    return what .. ": line or column is not an integer"
  end
  if line < 1 or line > #lines then
    return ("%s: line %d, the input has %d"):format(what, line, #lines)
  end
  if col < 1 or col > width(lines[line]) + 1 then
    return ("%s: column %d, line %d has %d"):format(what, col, line, width(lines[line]))
  end
  return nil
end

-- material.c's heading level of a line: 1 to 6 '#', then a blank or the end.
local function heading_level(l)
  local hashes = l:match("^#+")
  if not hashes or #hashes > 6 then return 0 end
  local after = l:byte(#hashes + 1)
  if after and after ~= 32 and after ~= 9 then return 0 end
  return #hashes
end

-- ASCII letters and digits lower-cased; runs of blanks, '-' and '_' one '-'
-- between them; anything else dropped.
local function slug(s)
  local out, dash = {}, false
  for i = 1, #s do
    local c = s:byte(i)
    if (c >= 48 and c <= 57) or (c >= 97 and c <= 122) or (c >= 65 and c <= 90) then
      if dash and #out > 0 then out[#out + 1] = "-" end
      out[#out + 1] = string.char(c >= 65 and c <= 90 and c + 32 or c)
      dash = false
    elseif c == 32 or c == 45 or c == 95 or c == 9 then
      dash = true
    end
  end
  return table.concat(out)
end

-- A heading line's title, id, explicit and long, as material.c cuts them.
local MAX_HEADING = 512
local function heading_parts(l, level)
  local t = l:sub(level + 1):gsub("^[ \t]+", ""):gsub("[ \t]+$", "")
  local pre, id = t:match("^(.*){#([^{}]*)}$")
  if pre then t = pre end
  t = t:gsub("[# \t]+$", "")
  local long
  if #t > MAX_HEADING then
    local n = MAX_HEADING
    while n > 0 and t:byte(n + 1) & 0xC0 == 0x80 do n = n - 1 end
    t, long = t:sub(1, n), true
  end
  return t, id or slug(t), pre and true or nil, long
end

local SECTION_FIELDS = { title = true, long = true, id = true, explicit = true, level = true,
                         line = true, text = true }

-- Every position in material.c's where table (the front matter's) within
-- its lines: after the opening '---', up to the closing one.
local function bad_where(where, lines, close)
  local function one(p)
    if math.type(p) ~= "integer" then return "front matter: a position is not an integer" end
    local line, col = p >> 32, p & 0xFFFFFFFF
    if line < 2 or line > close then
      return ("front matter: a position at line %d, outside 2..%d"):format(line, close)
    end
    return bad_pos("front matter", lines, line, col, chars)
  end
  -- where[0]: every position, 8 bytes each (yaml.c); where[node] numbers
  -- them: info[1] = 2 * i + (1 for a mapping), a key's i (its value's
  -- i + 1), a sequence entry's i.
  local packed = where[0]
  if packed ~= nil and (type(packed) ~= "string" or #packed % 8 ~= 0) then
    return "front matter: the positions are not 8-byte numbers"
  end
  local n = packed and #packed // 8 or 0
  for at = 1, #(packed or ""), 8 do
    local why = one(string.unpack("=i8", packed, at))
    if why then return why end
  end
  for node, info in pairs(where) do
    if node ~= 0 then
      for key, i in pairs(info) do
        if math.type(i) ~= "integer" then return "front matter: a position is not an integer" end
        local last = key == 1 and i >> 1 or type(key) == "string" and i + 1 or i
        if i < 0 or last >= n then
          return ("front matter: position number %d of %d"):format(last, n)
        end
      end
    end
  end
  return nil
end

-- YAML: host.parse_yaml(text) gives a value and positions, or one message;
-- each position, the message's too, on a line of the input as an editor
-- counts them (LF only: libyaml alone also breaks at a CR without LF,
-- U+0085, U+2028, U+2029), in characters after any byte-order mark.
function H.yaml(text)
  local value, where = host.parse_yaml(text, "input.yaml")
  local rl = raw_lines(text:sub(1, 3) == BOM and text:sub(4) or text)
  if value == nil then
    local why = bad_lines({ where }, { "input.yaml" })
    if why then return why end
    local line, col = where:match("^input%.yaml:(%d+):(%d+): ")
    why = bad_pos("message", rl, math.tointeger(line), math.tointeger(col), chars)
    return why and why .. ": " .. schema.show_controls(where)
  end
  if type(where) ~= "table" then return "no positions table" end
  if type(value) == "table" and not where[value] then return "no position for the root" end
  local packed = where[0] or ""
  for at = 1, #packed, 8 do
    local p = string.unpack("=i8", packed, at)
    local why = bad_pos("position", rl, p >> 32, p & 0xFFFFFFFF, chars)
    if why then return why end
  end
  return nil
end

-- material.c's split: raw is its document (or nil and where its message),
-- text the input.
function H.matc(raw, where, text)
  local body = text:sub(1, 3) == BOM and text:sub(4) or text
  local rl = raw_lines(body)
  -- material.c's lines: none after a final "\n", one "\r" before it dropped.
  local lines = {}
  for i, l in ipairs(rl) do
    if i < #rl or l ~= "" then lines[i] = l:byte(-1) == 13 and l:sub(1, -2) or l end
  end
  local first, close = 1, nil
  if lines[1] == "---" then
    for i = 2, #lines do
      if lines[i] == "---" or lines[i] == "..." then close = i break end
    end
    first = (close or #lines) + 1
  end
  local heads, fence = {}, false
  for i = first, #lines do
    local l = lines[i]
    if l:sub(1, 3) == "```" or l:sub(1, 3) == "~~~" then fence = not fence end
    if not fence and heading_level(l) > 0 then heads[#heads + 1] = i end
  end

  if raw == nil then
    if type(where) ~= "string" then return "no document and no message" end
    local why = bad_line(where, { "doc.md" })
    if why then return why end
    local line, col = where:match("^doc%.md:(%d+):(%d+): ")
    why = bad_pos("message", rl, math.tointeger(line), math.tointeger(col), chars)
    if why then return why .. ": " .. schema.show_controls(where) end
    -- (The parser's own message, not input a YAML error quotes back.)
    if where:find("^doc%.md:%d+:%d+: error: front matter opened with '%-%-%-' is never closed") and
       (lines[1] ~= "---" or close) then
      return "front matter called never closed: " .. where
    end
    if where:find("^doc%.md:%d+:%d+: error: more than %d+ sections %(headings%)") and
       (#heads <= 1000 or math.tointeger(line) ~= heads[1001]) then
      return ("%d headings, but: %s"):format(#heads, where)
    end
    return nil
  end

  if type(raw) ~= "table" or raw.path ~= "doc.md" or type(raw.sections) ~= "table" then
    return "the document is not {path, front, sections}"
  end
  if body:find("%z") then return "text with a NUL byte was accepted" end
  if lines[1] == "---" and not close then return "front matter never closed was accepted" end
  if (raw.front ~= nil) ~= (close ~= nil) then return "front matter kept or lost" end
  if close then
    local why = bad_where(where, rl, close)
    if why then return why end
  end
  if #heads > 1000 then return ("%d sections kept, the cap is 1000"):format(#heads) end
  if #raw.sections ~= #heads then
    return ("%d sections, the text has %d headings"):format(#raw.sections, #heads)
  end
  for k, at in ipairs(heads) do
    local s = raw.sections[k]
    if type(s) ~= "table" then return "a section is not a table" end
    for key in pairs(s) do
      if not SECTION_FIELDS[key] then return "a section has a field " .. tostring(key) end
    end
    local level = heading_level(lines[at])
    local title, id, explicit, long = heading_parts(lines[at], level)
    if s.line ~= at then return ("section %d at line %s, its heading is at %d"):format(k,
      tostring(s.line), at) end
    if s.level ~= level then return ("section %d: level %s, not %d"):format(k,
      tostring(s.level), level) end
    if s.title ~= title then return ("section %d: title not the heading's"):format(k) end
    if s.id ~= id then return ("section %d: id not the heading's"):format(k) end
    if not explicit and not (id == "" or id:match("^[a-z0-9]+$") or
                             id:match("^[a-z0-9][a-z0-9-]*[a-z0-9]$") and not id:find("--", 1, true)) then
      return ("section %d: id '%s' is no slug"):format(k, id)
    end
    if s.explicit ~= explicit then return ("section %d: explicit wrong"):format(k) end
    if s.long ~= long then return ("section %d: long wrong"):format(k) end
    if #title > MAX_HEADING then return ("section %d: title over %d bytes"):format(k,
      MAX_HEADING) end
    local stop = (heads[k + 1] or #lines + 1) - 1
    local want = at < stop and table.concat(lines, "\n", at + 1, stop) .. "\n" or ""
    if s.text ~= want then return ("section %d: text not the lines under it"):format(k) end
  end
  return nil
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
    local data, vpos = csvsheet.cells(sheet, row)
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

-- csv.c's parse alone: text is the input.  Each record's fields must be
-- the text at their positions (a quoted one with its quotes doubled; a
-- field's line is the record's first plus the line feeds in the fields
-- before it; its column, in characters, follows from the fields and
-- commas before it; pos[i] must say both), the
-- records in order of their lines, a problem within the input, every line
-- with text in a record or followed by its problem (never dropped
-- silently; after a problem saying reading stopped, nothing is read), and the records written as CSV (csvsheet.line, after a
-- byte-order mark, so a first field may start with one) read back the same.
local CSV_MAX_FIELDS = 4096

local function csv_eol(body, at)
  local c = body:byte(at)
  return c == nil or c == 10 or (c == 13 and (at == #body or body:byte(at + 1) == 10))
end

function H.csvc(text)
  local csv, csvsheet = require("csv"), require("csvsheet")
  local recs, probs = csv.parse(text)
  if type(recs) ~= "table" or type(probs) ~= "table" then return "parse gave no tables" end
  local body = text:sub(1, 3) == BOM and text:sub(4) or text
  local lines, starts = raw_lines(body)
  local covered, next_event, to_end = {}, {}, #lines + 1
  local last = 0
  for i = 1, #probs do
    local p = probs[i]
    if type(p) ~= "table" or type(p.message) ~= "string" or p.message == "" then
      return "a problem is not {line, col, message}"
    end
    if not utf8.len(p.message) or p.message:find(CONTROL) or p.message:find(C1) then
      return "a problem's message is not clean text: " .. schema.show_controls(p.message)
    end
    local why = bad_pos("problem " .. i, lines, p.line, p.col, chars)
    if why then return why end
    -- (Reading stops at 1,000 problems with one more on the same line, or
    -- at the 100,001st row: nothing after it is read.)
    local stop = p.message:find("the rest of the file was not read", 1, true)
    if p.line < last or (p.line == last and not stop) then
      return ("problem %d not after the one before"):format(i)
    end
    last = p.line
    next_event[p.line] = "problem"
    if p.message:find("never closed", 1, true) then to_end = math.min(to_end, p.line) end
    if stop then to_end = math.min(to_end, p.line + 1) end
  end
  last = 0
  for r = 1, #recs do
    local rec = recs[r]
    if type(rec) ~= "table" or type(rec.pos) ~= "table" then return "a record is not a table" end
    local n = #rec
    if n < 1 or n > CSV_MAX_FIELDS or #rec.pos ~= n then
      return ("record %d: %d fields, %d positions"):format(r, n, #rec.pos)
    end
    local line = rec.line
    if math.type(line) ~= "integer" or line <= last then
      return ("record %d does not start after the record before"):format(r)
    end
    if next_event[line] then return ("record %d and a problem at line %d"):format(r, line) end
    next_event[line] = "record"
    local first = line
    local at = starts[line]     -- a record starts a line; each field after a comma
    for i = 1, n do
      local f, p = rec[i], rec.pos[i]
      if type(f) ~= "string" then return ("record %d field %d is not a string"):format(r, i) end
      if math.type(p) ~= "integer" then return ("record %d field %d: no position"):format(r, i) end
      local what = ("record %d field %d"):format(r, i)
      if not starts[line] then return ("%s: line %d, the input has %d"):format(what, line, #lines) end
      local col = chars(body:sub(starts[line], at - 1)) + 1
      if p ~= (line << 32) | col then
        return ("%s at %d:%d, its text starts at %d:%d"):format(what, p >> 32, p & 0xFFFFFFFF,
                                                              line, col)
      end
      local src = f
      if body:byte(at) == 34 then
        src = '"' .. f:gsub('"', '""') .. '"'
      elseif f:find('["\n]') then
        return what .. ": unquoted, yet holds a quote or line break"
      end
      if body:sub(at, at + #src - 1) ~= src then
        return ("%s is not the text at %d:%d"):format(what, line, col)
      end
      if i < n and body:byte(at + #src) ~= 44 then
        return what .. ": no comma after it"
      elseif i == n and not csv_eol(body, at + #src) then
        return what .. ": the record goes on after its last field"
      end
      line = line + select(2, f:gsub("\n", ""))
      at = at + #src + 1
    end
    for l = first, line do covered[l] = true end
    last = line
  end
  -- Every line with text is in a record, or the next record or problem
  -- from it on is a problem (the one that skipped it).
  local ahead
  for l = #lines, 1, -1 do
    ahead = next_event[l] or ahead
    if not covered[l] and l < to_end and lines[l] ~= "" and lines[l] ~= "\r" and
       ahead ~= "problem" then
      return ("line %d is in no record and no problem says why"):format(l)
    end
  end
  -- Written and read again: the same records.
  local out = { BOM }
  for r = 1, #recs do out[r + 1] = csvsheet.line(table.move(recs[r], 1, #recs[r], 1, {})) end
  local again, bad = csv.parse(table.concat(out))
  if #bad > 0 then return "written records read back with a problem: " .. bad[1].message end
  if #again ~= #recs then return ("%d records written, %d read back"):format(#recs, #again) end
  for r = 1, #recs do
    if #again[r] ~= #recs[r] then return ("record %d read back with another length"):format(r) end
    for i = 1, #recs[r] do
      if again[r][i] ~= recs[r][i] then return ("record %d field %d read back changed"):format(r, i) end
    end
  end
  return nil
end

-- ---- serve: HTTP requests through web.handle -------------------------------
--
-- An input is one or more requests, separated by lines "%%%%" (at most
-- SERVE_REQUESTS), each written as it would go on the wire less the
-- framing libmicrohttpd does:
--
--     POST /a/{token}?x=1        the method, then the target (path?query)
--     Cookie: tb_session={sid}   header lines "Name: value"
--                                a blank line
--     csrf={csrf}&step={step}    the body (a form), to the next "%%%%"
--
-- A first line of words starting "--" (--kiosk, --assist) sets those
-- server options for the input.  The harness plays a browser: it keeps
-- the tb_session cookie it is given and sends it when a request has no
-- Cookie header; {csrf} and {step} stand for the last page's hidden
-- fields, {token} for the attempt token of the last redirect to /a/TOKEN,
-- {sid} for the session cookie kept (none of them can be guessed).  The
-- request is built as serve.c's call_handle builds it (path and query
-- split at the first "?", header names in lower case, repeats joined by
-- ", " or for Cookie "; ", no NUL in what MHD hands over as C strings).
-- The response goes through serve.c's serve_response (fuzz_sent), as the
-- server sends it, and must keep every rule below.

local SERVE_REQUESTS = 16
local SERVE_BODY_MAX = 64 * 1024       -- serve.c answers a larger body 413 itself
local SERVE_PAGE_MAX = 1024 * 1024     -- bytes in any response body but audio
local SERVE_WAV_MAX = 16 * 1024 * 1024 -- speech.c stops eSpeak NG past this (README)
local SERVE_STATUS = { [200] = true, [303] = true, [400] = true, [403] = true, [404] = true,
                       [405] = true, [409] = true }
local SERVE_NEEDED = { "content-security-policy", "x-content-type-options", "referrer-policy",
                       "content-type" }
-- What a Lua error's message or traceback looks like on a page.
local LUA_ERROR = { "stack traceback", "%.lua:%d+:", "attempt to %a+ a", "bad argument #",
                    "internal error" }

local web, web_config, web_store
local serial, draws = 0, 0

-- host.random_hex without the randomness, so an input replays the same:
-- draws of 16 bytes (session ids and attempt tokens) are new over the
-- whole run, so web.lua's per-state cache of rebuilt attempts, keyed by
-- token, never holds an earlier input's attempt (the store is emptied per
-- input); other draws (an attempt's seed) start again with each input.
local function fake_random_hex(n)
  local label
  if n == 16 then
    serial = serial + 1
    label = "token:" .. serial
  else
    draws = draws + 1
    label = "draw:" .. draws
  end
  local hex = host.sha256_hex(label)
  while #hex < 2 * n do hex = hex .. host.sha256_hex(hex) end
  return hex:sub(1, 2 * n)
end

-- Start the web's state as serve.c does (web.configure), with a store in
-- the harness's folder, and load every quiz before the first input.
function H.serve_init(dir)
  host.random_hex = fake_random_hex
  web = require("web")
  local lines
  web_config, lines = web.configure({ "--db", dir .. "/web.db" }, host.quizdir)
  if not web_config then return "web.configure failed: " .. table.concat(lines or {}, " ") end
  web_store = assert(require("records").open({ db = dir .. "/web.db" }, true))
  local rows = require("cli").menu(host.quizdir)
  web.handle({ method = "GET", path = "/", query = "", headers = {}, body = "", remote = "", tls = false })
  for _, r in ipairs(rows) do
    web.handle({ method = "GET", path = "/q/" .. r.id, query = "", headers = {}, body = "",
                 remote = "", tls = false })
  end
  return nil
end

local function trim(s) return (s:gsub("^[ \t]+", ""):gsub("[ \t]+$", "")) end
local function cstring(s) return s:match("^[^%z]*") end

-- One request's text as the table serve.c's call_handle makes.
local function serve_request(text, jar)
  local head, body = text:match("^(.-)\r?\n\r?\n(.*)$")
  head, body = head or text, body or ""
  local first = head:match("^[^\n]*")
  local method, target = first:match("^(%S*)[ \t]*(%S*)")
  if target == "" then target = "/" end
  target = cstring(target)
  local q = target:find("?", 1, true)
  local req = { method = cstring(method), path = q and target:sub(1, q - 1) or target,
                query = q and target:sub(q + 1) or "", headers = {}, body = body,
                remote = "127.0.0.1", tls = false }
  for line in head:gmatch("\n([^\n]*)") do
    local name, value = line:match("^([^:]+):(.*)$")
    if name and #name < 128 then
      name, value = cstring(name):lower(), trim(cstring(value:gsub("\r$", "")))
      local had = req.headers[name]
      req.headers[name] = had and (had .. (name == "cookie" and "; " or ", ") .. value) or value
    end
  end
  if not req.headers.cookie and jar.sid then req.headers.cookie = "tb_session=" .. jar.sid end
  return req
end

-- Read-aloud audio: a WAV of at most speech.c's cap, whose header gives
-- its true lengths (speech.c fills them in: browsers refuse a WAV whose
-- lengths lie).  A question read aloud is often over a megabyte.
local function wav_rules(where, body)
  if #body > SERVE_WAV_MAX then return ("%s: audio of %d bytes"):format(where, #body) end
  if #body < 44 or body:sub(9, 12) ~= "WAVE" then return where .. ": audio that is not a WAV" end
  local riff = string.unpack("<I4", body, 5)
  local data_at = body:find("data", 13, true)
  if not data_at or data_at + 7 > #body then return where .. ": a WAV without its data" end
  local data = string.unpack("<I4", body, data_at + 4)
  if riff ~= #body - 8 or data ~= #body - (data_at + 7) then
    return ("%s: a WAV of %d bytes whose header says %d and %d"):format(where, #body, riff, data)
  end
  return nil
end

-- The rules every response keeps; nil, or what broke.
local function serve_rules(req, resp)
  local ok, status, headers = pcall(fuzz_sent, resp)
  if not ok then return "serve_response failed: " .. tostring(status) end
  local where = req.method .. " " .. schema.show_controls(req.path)
  -- 500 is the designed answer when eSpeak NG cannot make the audio.
  if not SERVE_STATUS[status] and not (status == 500 and req.path:find("^/speak/")) then return ("%s: status %s"):format(where, tostring(status)) end
  local seen = {}
  for _, h in ipairs(headers) do
    local name, value = h[1], h[2]
    if name:find(CONTROL) or value:find(CONTROL) then
      return where .. ": control character in header " .. schema.show_controls(name .. ": " .. value)
    end
    name = name:lower()
    seen[name] = (seen[name] or 0) + 1
    if name == "location" and not value:match("^/[^/\\]") and value ~= "/" then
      return where .. ": redirect off the site: " .. value
    end
    if name == "set-cookie" and not (value:find("; HttpOnly", 1, true) and
                                     value:find("; SameSite=Strict", 1, true)) then
      return where .. ": cookie without HttpOnly and SameSite=Strict: " .. value
    end
  end
  for _, name in ipairs(SERVE_NEEDED) do
    if seen[name] ~= 1 then return ("%s: %d %s headers"):format(where, seen[name] or 0, name) end
  end
  if status == 303 and seen.location ~= 1 then return where .. ": 303 without a Location" end
  local body = resp.body
  if type(body) ~= "string" then return where .. ": the body is a " .. type(body) end
  if body:find("^RIFF") then return wav_rules(where, body) end
  if #body > SERVE_PAGE_MAX then return ("%s: a body of %d bytes"):format(where, #body) end
  for _, pat in ipairs(LUA_ERROR) do
    if body:find(pat) then return where .. ": Lua error text on the page: " .. pat end
  end
  return nil
end

-- What a browser keeps from a response.
local function absorb(jar, resp)
  for _, h in ipairs(resp.headers or {}) do
    local name, value = h[1]:lower(), h[2]
    if name == "set-cookie" then jar.sid = value:match("^tb_session=([^;]*)") or jar.sid end
    if name == "location" then jar.token = value:match("^/a/([0-9a-f]+)") or jar.token end
  end
  local body = resp.body or ""
  if body:find("<form", 1, true) then
    jar.csrf = body:match('name="csrf" value="([^"]*)"') or jar.csrf
    jar.step = body:match('name="step" value="([^"]*)"') or jar.step
  end
end

local function empty_store()
  web_store:exec("DELETE FROM attempts")
  web_store:exec("DELETE FROM learners")
end

local function traceback(msg) return debug.traceback(tostring(msg), 2) end

function H.serve(text)
  draws = 0
  web_config.kiosk, web_config.assist = nil, nil
  local opts = text:match("^(%-%-[^\n]*)\n")
  if opts then
    text = text:sub(#opts + 2)
    web_config.kiosk = opts:find("--kiosk", 1, true) and 3 or nil
    web_config.assist = opts:find("--assist", 1, true) and true or nil
  end
  local jar, posted, why = {}, false, nil
  local at, n = 1, 0
  while at <= #text + 1 and n < SERVE_REQUESTS and not why do
    local stop = text:find("\n%%%%\n", at, true)
    local one = text:sub(at, stop and stop - 1 or -1)
    at = stop and stop + 6 or #text + 2
    n = n + 1
    one = one:gsub("{(%a+)}", function(k)
      if k == "csrf" or k == "step" or k == "token" or k == "sid" then return jar[k] or "" end
    end)
    local req = serve_request(one, jar)
    if #req.body <= SERVE_BODY_MAX then
      posted = posted or req.method ~= "GET"
      local ok, resp = xpcall(web.handle, traceback, req)
      if not ok then
        why = "web.handle raised an error on " .. req.method .. " " ..
              schema.show_controls(req.path) .. ": " .. resp
      else
        why = serve_rules(req, resp)
        if fuzz_trace then
          local loc
          for _, h in ipairs(type(resp) == "table" and resp.headers or {}) do
            if h[1] == "Location" then loc = h[2] end
          end
          fuzz_trace(("%s %s ?%s -> %s %s %s"):format(req.method, req.path, req.query,
            tostring(type(resp) == "table" and resp.status), loc or "", why or ""))
        end
        if not why then absorb(jar, resp) end
      end
    end
  end
  if posted then empty_store() end
  return why
end

-- ---- form: a posted form read as the web reads it --------------------------
--
-- The part of an HTTP request that is the project's own to parse (the
-- wire is libmicrohttpd's): an application/x-www-form-urlencoded body (or
-- query) through webform.decode, and the fields through webform.line at one
-- phase of an attempt at one bundled question, as web.lua does for a post.
-- No page, no store, no line hook, so it runs thousands of inputs a second
-- where `serve` runs about a hundred.  decode is checked against a reading
-- of the body written here byte by byte; line against what each phase may
-- give the dialogue: a line it would accept, or a plain message.

local FORM_PHASES = { "answer", "confirm", "assist", "certainty", "pause" }
local FORM_LINES = {   -- what each phase but "answer" may be fed
  confirm = { y = true, n = true }, assist = { y = true, n = true, [""] = true },
  certainty = { ["1"] = true, ["2"] = true, ["3"] = true, s = true, q = true },
  pause = { q = true, [""] = true },
}
local FORM_COMMANDS = { s = true, q = true, h = true, ["?"] = true }

-- One attempt per bundled quiz, made once; an input moves its position and
-- phase, which is all webform.line reads of it, and they are put back.
local form_items
local function form_questions()
  if form_items then return form_items end
  form_items = {}
  for _, quiz in ipairs(bundled_quizzes()) do
    fresh(quiz)
    local s = session.new(quiz, { seed = 1, mode = "practice" })
    for pos = 1, s and #s.items or 0 do form_items[#form_items + 1] = { s = s, pos = pos } end
  end
  return form_items
end

local function hex_digit(c)
  if c >= 48 and c <= 57 then return c - 48 end
  c = c | 32
  if c >= 97 and c <= 102 then return c - 87 end
  return nil
end

-- "+" is a space, "%XX" a byte, anything else itself.
local function form_unescape(s)
  local out, i = {}, 1
  while i <= #s do
    local c = s:byte(i)
    local hi, lo = hex_digit(s:byte(i + 1) or 0), hex_digit(s:byte(i + 2) or 0)
    if c == 37 and hi and lo then
      out[#out + 1], i = string.char(hi * 16 + lo), i + 3
    else
      out[#out + 1], i = c == 43 and " " or string.char(c), i + 1
    end
  end
  return table.concat(out)
end

-- The fields a body holds, or false and which limit it passes: pairs are
-- the runs between "&" and ";" that are not empty; a name is what comes
-- before the first "=", at most 32 bytes once read (a longer one, or over
-- 96 as sent, is dropped); a value over 48,000 bytes as sent refuses the
-- form, and so does a 201st pair.
local function form_fields(body)
  local webform = require("webform")
  local fields, count, start = {}, 0, 1
  for i = 1, #body + 1 do
    local c = body:byte(i)
    if c == nil or c == 38 or c == 59 then
      if i > start then
        count = count + 1
        if count > webform.MAX_FIELDS then return false, "fields" end
        local pair = body:sub(start, i - 1)
        local eq = pair:find("=", 1, true)
        local name, value = pair, ""
        if eq then name, value = pair:sub(1, eq - 1), pair:sub(eq + 1) end
        if #name <= 3 * webform.MAX_NAME then
          if #value > 3 * webform.MAX_VALUE then return false, "value" end
          name = form_unescape(name)
          if name ~= "" and #name <= webform.MAX_NAME then
            fields[name] = fields[name] or {}
            fields[name][#fields[name] + 1] = form_unescape(value)
          end
        end
      end
      start = i + 1
    end
  end
  return fields
end

local function same_fields(a, b)
  for name, list in pairs(a) do
    local other = b[name]
    if not other or #other ~= #list then return name end
    for i = 1, #list do if list[i] ~= other[i] then return name end end
  end
  for name in pairs(b) do if not a[name] then return name end end
  return nil
end

-- A message for the learner: clean text, and no Lua error's words but
-- those the form itself sent (a message may quote the answer back:
-- "'… stack traceback …' is not a stage group").
local function plain_message(why, fields)
  if type(why) ~= "string" or why == "" then return "no message" end
  if not utf8.len(why) or why:find(CONTROL) or why:find(C1) then
    return "message is not clean text: " .. schema.show_controls(why)
  end
  local sent = {}
  for _, list in pairs(fields or {}) do
    for _, v in ipairs(list) do sent[#sent + 1] = v end
  end
  sent = table.concat(sent, "\n")
  for _, pat in ipairs(LUA_ERROR) do
    if why:find(pat) and not sent:find(pat) then return "a Lua error as a message: " .. why end
  end
  return nil
end

-- A line the dialogue is fed at the answer phase: a command, or an answer
-- the question's type accepts, made only of what the form sent.
local function bad_answer_line(item, view, fields, line)
  if FORM_COMMANDS[line] and not view.multiline then return nil end
  if view.multiline then
    if line:find("\n%s*\n") or line:find("^%s") or line:find("%s$") then
      return "an own-words line with an empty line or spaces at an end"
    end
  elseif line:find("\n") then
    return "a line break in a one-line answer"
  end
  if (view.input == "single" or view.input == "truefalse" or view.input == "multiple") then
    local sent = {}
    for _, v in ipairs(fields.choice or {}) do sent[v] = true end
    for label in line:gmatch("%S+") do
      if not sent[label] then return "a choice the form did not send: " .. label end
    end
  end
  if #line == 1 and line:find("^[?hHsSqQ]$") then return nil end
  if item.t.parse(item.q, line, item.perm) == nil then
    return "a line the question's type refuses: " .. schema.show_controls(line)
  end
  return nil
end

local function bad_order(view, order, focus)
  local labels = {}
  for _, it in ipairs(view.blocks[1].items) do labels[it.label] = true end
  if type(order) ~= "table" or #order ~= #view.blocks[1].items then return "an order of another length" end
  for _, label in ipairs(order) do
    if not labels[label] then return "an order with a label twice or not shown" end
    labels[label] = nil
  end
  local k = type(focus) == "string" and tonumber(focus:match("^up:(%d+)$") or focus:match("^down:(%d+)$"))
  if not k or k < 1 or k > #order then return "a focus not on the list: " .. tostring(focus) end
  return nil
end

-- sel picks the question (and so the attempt and position) and the phase;
-- text is the body.
function H.form(sel, text)
  local webform = require("webform")
  local items = form_questions()
  if #items == 0 then return "no bundled question" end
  local fields, why = webform.decode(text)
  local want, limit = form_fields(text)
  if not fields then
    if want then return "decode refused a form within its limits: " .. tostring(why) end
    return plain_message(why)
  end
  if not want then return "decode took a form past its limit of " .. limit end
  local differs = same_fields(fields, want)
  if differs then return "decode read field " .. schema.show_controls(differs) .. " otherwise" end
  -- (the step sent once, as the page's count: the only post a step takes)
  local sent_step = fields.step ~= nil and #fields.step == 1 and fields.step[1] == tostring(sel)
  if webform.step_ok(fields, sel) ~= sent_step then return "step_ok disagrees with the step sent" end
  local pick = items[sel % #items + 1]
  local s, phase = pick.s, FORM_PHASES[(sel // #items) % #FORM_PHASES + 1]
  local pos0, phase0 = s.pos, s.phase
  s.pos, s.phase = pick.pos, phase
  local ok, line, msg, focus = pcall(webform.line, s, fields)
  s.pos, s.phase = pos0, phase0
  if not ok then return "webform.line failed: " .. tostring(line) end
  if line == nil then return plain_message(msg, fields) end
  local item = s.items[pick.pos]
  local view = item.t.present(item.q, item.perm)
  if line == false then
    if phase ~= "answer" or view.input ~= "ordering" then return "a re-drawn order outside an ordering" end
    return bad_order(view, msg, focus)
  end
  if type(line) ~= "string" then return "line is a " .. type(line) end
  if #line > webform.MAX_LINE or not utf8.len(line) or line:find("[%z\1-\9\11-\31\127]") then
    return "line too long, not UTF-8 or with a control character: " .. schema.show_controls(line)
  end
  if phase ~= "answer" then
    if not FORM_LINES[phase][line] then return ("%s fed %q"):format(phase, line) end
    return nil
  end
  return bad_answer_line(item, view, fields, line)
end

-- ---- giftc: the GIFT grammar alone, against the line-by-line reader -------
--
-- formats/gift.lua reads a file two ways: its LPeg grammar (LPeg's matcher
-- in C scans the whole file; a block it does not take falls back to the
-- line reader) and, with gift.grammar false, its line reader alone.  The
-- two must agree on every input: the same records (compared as
-- gift.neutral gives them) or the same error, and an error names
-- input.gift:LINE:COL within the input.  No import, no YAML: those are
-- `import`'s.
function H.giftc(text)
  local gift = require("formats.gift")
  gift.grammar = true
  local ok1, recs1, err1 = pcall(gift.parse, text, "input.gift")
  gift.grammar = false
  local ok2, recs2, err2 = pcall(gift.parse, text, "input.gift")
  gift.grammar = true
  if not ok1 or not ok2 then return "gift.parse raised: " .. tostring(ok1 and recs2 or recs1) end
  if (recs1 == nil) ~= (recs2 == nil) then
    return "one reader reads the file, the other refuses it: " .. schema.show_controls(tostring(err1 or err2))
  end
  if recs1 == nil then
    if err1 ~= err2 then
      return "the readers' errors differ: " .. schema.show_controls(err1) .. " / " .. schema.show_controls(err2)
    end
    return bad_lines({ err1 }, { "input.gift" })
  end
  if json.encode(gift.neutral(recs1)) ~= json.encode(gift.neutral(recs2)) then
    return "the grammar and the line reader read different records"
  end
  return nil
end

-- Load what the harnesses keep (the bundled quizzes, the teach-back
-- fixture) before the first input, so its time is not the input's.
function H.init()
  bundled_quizzes()
  teachback_questions()
  form_questions()
  teachback_quiz()
end

return H
