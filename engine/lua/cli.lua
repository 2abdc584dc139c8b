-- cli.lua: the commands behind the command line.  main.c parses options
-- and prints; these functions decide what to load and what to say, and
-- return text or views, never printing themselves.

local catalog = require("catalog")
local contracts = require("contracts")
local material = require("material")
local quiz_mod = require("quiz")
local schema = require("schema")
local session = require("session")
local json = require("json")
local util = require("util")
-- Loaded when a command uses them: an attempt needs neither.
local answers = util.lazy("answers")
local lint = util.lazy("lint")
-- Nor does an attempt graded from a file (--answers --json) record, talk
-- or show a view.
local recorder = util.lazy("recorder")
local report = util.lazy("report")

-- What C gives the Lua side (contracts.HOST): missing, it fails here, by name.
do
  local fault = contracts.host_fault(host)
  if fault then error("the host library breaks its contract: " .. fault) end
end

local M = {}

local indexes = {}

-- Each command starts afresh: material is read again (a file may have
-- changed since the menu last loaded it) and the scripts' command budget
-- is full (quiz.lua).
local function begin_command()
  indexes = {}
  quiz_mod.begin_command()
end

-- "./material" and "material" are one folder: load and report it once.
local function index_for(dir)
  dir = dir:gsub("/%./", "/")
  while dir:match("^%./.") do dir = dir:sub(3) end
  if not indexes[dir] then indexes[dir] = material.load_dir(dir) end
  return indexes[dir]
end

-- Messages of a validator (or a raw load error) as lines.
local function messages(v, lines)
  if v.raw then lines[#lines + 1] = v.raw end
  for _, item in ipairs(v:sorted()) do lines[#lines + 1] = schema.format(item) end
  if v.unshown > 0 then lines[#lines + 1] = schema.unshown_line(v) end
end

local function material_lines(index, lines, seen)
  if seen[index] then return end
  seen[index] = true
  for _, item in ipairs(index.items) do
    lines[#lines + 1] = item.raw_message or schema.format(item)
  end
end

-- Item-writing warnings of lint.lua for material documents (review dates)
-- and, with opts.coverage, the sections no checked question cites.
local function material_warnings(seen, cited, opts, lines)
  local n = 0
  local indexes = {}
  for index in pairs(seen) do indexes[#indexes + 1] = index end
  table.sort(indexes, function(a, b) return a.dir < b.dir end)
  for _, index in ipairs(indexes) do
    local items = {}
    for _, id in ipairs(util.sorted_keys(index.docs)) do
      for _, it in ipairs(lint.material(index.docs[id], opts.today)) do items[#items + 1] = it end
    end
    if opts.coverage then
      for _, it in ipairs(lint.coverage(index, cited)) do items[#items + 1] = it end
    end
    for _, it in ipairs(items) do lines[#lines + 1] = schema.format(it) end
    n = n + #items
  end
  return n
end

-- teachback check PATH...: returns lines, error count, warning count, files.
-- opts: coverage (list uncited sections), today ("YYYY-MM-DD", for review
-- dates; host.today() when absent).
function M.check(paths, opts)
  opts = opts or {}
  opts.today = opts.today or (host.today and host.today())
  begin_command()
  local lines, errors, warnings, files = {}, 0, 0, 0
  local seen, cited = {}, {}
  local quizzes = {}
  for _, p in ipairs(paths) do
    if host.is_dir(p) then
      for _, f in ipairs(catalog.quiz_files(p)) do quizzes[#quizzes + 1] = f end
      local mdir = catalog.material_dir(p)
      if mdir then
        local idx = index_for(mdir)
        files = files + #catalog.material_files(mdir)
        errors = errors + idx.errors
        material_lines(idx, lines, seen)
      end
    elseif host.is_file(p) and p:match("%.md$") then
      files = files + 1
      local doc, v, raw_message = material.load_file(p)
      if raw_message then
        lines[#lines + 1] = raw_message
        errors = errors + 1
      else
        messages(v, lines)
        errors = errors + v.errors
        warnings = warnings + v.warnings
        for _, it in ipairs(doc and lint.material(doc, opts.today) or {}) do
          lines[#lines + 1] = schema.format(it)
          warnings = warnings + 1
        end
      end
    elseif host.is_file(p) then
      quizzes[#quizzes + 1] = p
    else
      lines[#lines + 1] = p .. ": error: no such file or folder"
      errors = errors + 1
    end
  end
  local ids = {}
  for _, path in ipairs(quizzes) do
    files = files + 1
    -- One file that trips the engine must not hide the others' messages.
    local okload, quiz, v = pcall(quiz_mod.load, path, index_for)
    if not okload then
      v = schema.new(path, {})
      v.raw = ("%s:1:1: error: internal error while checking: %s"):format(path, tostring(quiz))
      v.errors = 1
      quiz = nil
    end
    if quiz and quiz.index and not seen[quiz.index] then
      errors = errors + quiz.index.errors
      material_lines(quiz.index, lines, seen)
    end
    if quiz and type(quiz.id) == "string" then
      if ids[quiz.id] then
        v:error(quiz, "id", "quiz id '%s' is also used by %s", quiz.id, ids[quiz.id])
      else
        ids[quiz.id] = path
      end
    end
    if quiz and v.errors == 0 then
      -- Item-writing rules read checked, converted questions only.
      local oklint, why = pcall(lint.quiz, quiz, v, opts)
      if not oklint then
        v:error(quiz, nil, "internal error in the item-writing rules: %s", tostring(why))
      end
      for _, q in ipairs(quiz.questions) do lint.cites(q, cited) end
    end
    messages(v, lines)
    errors = errors + v.errors
    warnings = warnings + v.warnings
  end
  warnings = warnings + material_warnings(seen, cited, opts, lines)
  return lines, errors, warnings, files
end

-- The bundled (or given) quizzes: one line each.
function M.list(dir)
  begin_command()
  local rows = {}
  local today = host.today and host.today()
  for _, path in ipairs(catalog.quiz_files(dir)) do
    local quiz, v = quiz_mod.load(path, index_for)
    if quiz and v.errors == 0 then
      local n = quiz.settings.draw or #quiz.questions
      rows[#rows + 1] = { id = quiz.id, title = quiz.title, audience = quiz.audience,
                          n = n, path = path, group = M.group_of(path, quiz.audience),
                          reviewed = quiz.reviewed,
                          review_due = lint.stale(quiz.reviewed, today) and "yes" or nil,
                          minutes = quiz.minutes or math.max(1, math.ceil(n * 0.75)) }
    end
  end
  return rows
end

-- teachback stats DIR: counts and reading grades, for the README and
-- for authors.  Returns lines.
function M.stats(dir)
  begin_command()
  local readability = require("readability")
  local lines, bytype, byaud, grades, total = {}, {}, {}, {}, 0
  local function grade_of(aud) grades[aud] = grades[aud] or {} return grades[aud] end
  lines[#lines + 1] = ("%-28s %-8s %5s %6s %6s"):format("quiz", "audience", "qs", "grade", "max")
  for _, path in ipairs(catalog.quiz_files(dir)) do
    local quiz, v = quiz_mod.load(path, index_for)
    if quiz and v.errors == 0 then
      local gs = {}
      for _, q in ipairs(quiz.questions) do
        bytype[q.type] = (bytype[q.type] or 0) + 1
        local g = readability.grade(readability.question_text(q))
        if g then
          gs[#gs + 1] = g
          table.insert(grade_of(quiz.audience), g)
        end
      end
      total = total + #quiz.questions
      byaud[quiz.audience] = (byaud[quiz.audience] or 0) + #quiz.questions
      local mx = -math.huge
      for _, g in ipairs(gs) do mx = math.max(mx, g) end
      lines[#lines + 1] = ("%-28s %-8s %5d %6.1f %6.1f"):format(quiz.id, quiz.audience,
        #quiz.questions, readability.median(gs) or 0, mx)
    end
  end
  local function join(t)
    local out = {}
    for _, k in ipairs(util.sorted_keys(t)) do out[#out + 1] = k .. " " .. t[k] end
    return table.concat(out, ", ")
  end
  lines[#lines + 1] = ("questions: %d (%s)"):format(total, join(byaud))
  lines[#lines + 1] = ("by type: %s"):format(join(bytype))
  for _, aud in ipairs(util.sorted_keys(grades)) do
    lines[#lines + 1] = ("%s questions: median grade %.1f"):format(aud,
      readability.median(grades[aud]))
  end
  local mdir = catalog.material_dir(dir)
  if mdir then
    local idx = index_for(mdir)
    local ndocs, nsec, pg = 0, 0, {}
    for _, doc in pairs(idx.docs) do
      ndocs = ndocs + 1
      for _, id in ipairs(doc.order) do
        nsec = nsec + 1
        local sec = doc.sections[id]
        if material.for_patients(doc, sec) then
          material.plain(sec)
          local g = readability.grade(table.concat(sec.paras, "\n"))
          if g then pg[#pg + 1] = g end
        end
      end
    end
    lines[#lines + 1] = ("material: %d documents, %d sections; patient sections: median " ..
      "grade %.1f"):format(ndocs, nsec, readability.median(pg) or 0)
  end
  return lines
end

M.GROUPS = {
  { key = "patient", title = "For patients and families" },
  { key = "selfcheck", title = "After a clinic visit: check yourself" },
  { key = "student", title = "For nursing students" },
  { key = "other", title = "Other quizzes" },
}

-- The menu group of a quiz: its folder (selfcheck/) or its audience.
function M.group_of(path, audience)
  if path:match("/selfcheck/") then return "selfcheck" end
  if audience == "patient" or audience == "student" then return audience end
  return "other"
end

-- The menu: rows in group order, and a view of them numbered.
function M.menu(dir)
  begin_command()
  local rows = M.list(dir)
  local ordered, out = {}, {}
  for _, g in ipairs(M.GROUPS) do
    local first = true
    for _, r in ipairs(rows) do
      if r.group == g.key then
        if first then out[#out + 1] = { kind = "subheading", text = g.title } first = false end
        ordered[#ordered + 1] = r
        out[#out + 1] = { kind = "item", label = tostring(#ordered), text = ("%s — %s, about " ..
          "%d min"):format(r.title, util.plural(r.n, "question"), r.minutes) }
      end
    end
  end
  return ordered, out
end

-- Find a quiz by path, or by id among the bundled quizzes.
function M.resolve(name, quizdir)
  local path = catalog.find(name, quizdir)
  if path then return path end
  if quizdir and host.is_dir(quizdir) then
    for _, row in ipairs(M.list(quizdir)) do
      if row.id == name then return row.path end
    end
  end
  return nil
end

-- The attempt of a loaded quiz, or nil and the lines saying why not.
local function attempt_of(quiz, v, opts)
  local lines = {}
  if quiz and quiz.index and quiz.index.errors > 0 then
    material_lines(quiz.index, lines, {})
    return nil, lines
  end
  if not quiz or v.errors > 0 then
    messages(v, lines)
    return nil, lines
  end
  local s, sv = session.new(quiz, opts)
  if not s then
    messages(sv, lines)
    return nil, lines
  end
  return s
end

-- An attempt reads the quiz and the documents it cites, without check's
-- gates (quiz.load's quick), so the first question comes at once.  Should
-- anything be wrong, the quiz is loaded again as check loads it, so the
-- messages are check's own.
local function cited_index_for(dir)
  dir = dir:gsub("/%./", "/")
  while dir:match("^%./.") do dir = dir:sub(3) end
  if not indexes[dir] then indexes[dir] = material.cited_dir(dir, true) end
  return indexes[dir]
end

local function start_attempt(path, opts)
  local quiz, v = quiz_mod.load(path, cited_index_for, true)
  local s = attempt_of(quiz, v, opts)
  if s then return s end
  begin_command()
  quiz, v = quiz_mod.load(path, index_for)
  return attempt_of(quiz, v, opts)
end

-- Load a quiz and start an attempt.  Returns session, or nil and lines.
-- The attempt is recorded unless opts.no_save or opts.answers (recorder.lua).
function M.start(name, opts)
  begin_command()
  if opts.review then return require("recordcmd").review_session(opts) end
  if opts.learner and not utf8.len(opts.learner) then
    return nil, { "teachback: the learner name is not valid UTF-8 text" }
  end
  local path = M.resolve(name, opts.quizdir)
  if not path then
    return nil, { name .. ": error: no such quiz file, and no bundled quiz has that id " ..
                  "(try 'teachback list')" }
  end
  local s, lines = start_attempt(path, opts)
  if not s then return nil, lines end
  if opts.answers then return s end
  return recorder.attach(s, opts, path)
end

-- Apply an answers file.  Returns true, or nil and lines.
function M.apply_answers(s, path)
  local data, where = host.read_yaml(path)
  if data == nil then return nil, { where } end
  local v = answers.apply(s, data, where, path)
  if v.errors > 0 then
    local lines = {}
    messages(v, lines)
    return nil, lines
  end
  return true
end

-- (The attempt's own result, as report.result is: report.lua not loaded.)
function M.result_json(s)
  return json.encode(session.result(s))
end

-- With --json a load failure also goes to stdout, as an object a pipeline
-- can read: {"error": true, "exit": 3, "messages": [{file, line, col,
-- message}]}.  The same lines still go to stderr.
function M.error_json(lines, exit)
  local out = {}
  for i, line in ipairs(lines) do
    local file, l, c, msg = line:match("^(.-):(%d+):(%d+): error: (.*)$")
    if not file then file, msg = line:match("^(.-): error: (.*)$") end
    out[i] = json.object({ "file", "line", "col", "message" }, {
      file = file, line = tonumber(l), col = tonumber(c), message = msg or line })
  end
  return json.encode(json.object({ "error", "exit", "messages" },
    { error = true, exit = exit, messages = json.array(out) }))
end

-- export, import and new (convert.lua): each returns status, stdout text, stderr lines.
for _, name in ipairs({ "export", "import", "new" }) do
  M[name] = function(args, quizdir)
    return require("convert")[name](args, { resolve = M.resolve, index_for = index_for,
                                            quizdir = quizdir })
  end
end

function M.report(s) return report.full(s) end
function M.missed_round(s)
  return recorder.follow(s, session.missed_round(s))
end

-- The end of an interactive attempt: the summary first (the record's
-- marks are written as it is shown).
function M.summary(s)
  recorder.finish(s)
  return report.summary(s)
end

-- Then, after an exam, its review one question at a time (nil when the
-- mode gave feedback as it went, or nothing was answered); each page's
-- `ask` is what a paging front end says before showing it.
function M.review_pages(s)
  if s.mode.immediate then return nil end
  local pages = report.review_pages(s)
  if #pages == 0 then return nil end
  table.insert(pages[1], 1, { kind = "title", text = "Review" })
  -- Each page says what to press before it is shown, one at a time.
  for i, page in ipairs(pages) do
    page.ask = i == 1 and "Press Enter to review your answers, q to skip. " or
      ("Press Enter for the next question (%d of %d), q to stop. "):format(i, #pages)
  end
  return pages
end

function M.round_intro(s) return report.round_intro(s) end

-- Offer another round with the missed questions: the question to ask, or nil.
function M.offer_missed(s)
  local n = 0
  for _, item in ipairs(s.items) do
    if not util.is_right(session.fraction(item)) then n = n + 1 end
  end
  -- An exam is a test, not practice: its review is enough.
  if n == 0 or s.quit or not s.mode.immediate then return nil end
  return ("Go over the %s you missed again now? (y/n) "):format(util.plural(n, "question"))
end
function M.prompt(s) return session.prompt(s) end
-- Each line the learner gives is recorded before the dialogue acts on it.
function M.feed(s, line)
  recorder.input(s, line)
  return session.feed(s, line)
end

function M.stop(s)
  recorder.cut_off(s)
  return session.stop(s)
end

function M.intro(s)
  local q = s.quiz
  local out = { { kind = "title", text = q.title } }
  if q.description then out[#out + 1] = { kind = "text", text = q.description } end
  -- A patient needs no word for the mode ("practice" is jargon to them).
  out[#out + 1] = { kind = "text", text = ("%s%s.%s"):format(
    util.plural(#s.items, "question"),
    s.quiz.audience == "patient" and "" or (", " .. s.mode.name .. " mode"),
    s.learner and (" Learner: " .. s.learner .. ".") or "") }
  out[#out + 1] = { kind = "text", text = report.mode_intro(s) }
  if s.resumed or s.resume_note then
    out[#out + 1] = { kind = "hint", text = s.resume_note or ("Resumed: %s given before " ..
      "the break %s kept."):format(util.plural(s.resumed, "answer"), s.resumed == 1 and "is" or
      "are") }
  end
  if s.assist then
    out[#out + 1] = { kind = "text", text = "Nurse check is on: after each own-words " ..
                      "answer you will confirm each key point, and any wrong belief heard." }
  end
  out[#out + 1] = { kind = "hint", text = "Type your answer and press Enter. ? for help, " ..
                    "s to skip, q to stop." }
  return out
end

return M
