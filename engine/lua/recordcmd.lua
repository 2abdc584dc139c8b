-- recordcmd.lua: the commands over the records store -- grade, regrade,
-- history, report, forget -- and the review session of questions due.
--
-- Each command returns an exit status, the text for standard output and
-- the text for standard error; main.c prints them.  Exit statuses: 0 done,
-- 1 some sheet rows were malformed and skipped, 2 wrong usage, 3 a quiz or
-- sheet could not be loaded, 4 the records store could not be used.

local answers = require("answers")
local cli = require("cli")
local csv = require("csv")
local csvsheet = require("csvsheet")
local itemsql = require("itemsql")
local itemstats = require("itemstats")
local json = require("json")
local quiz_mod = require("quiz")
local records = require("records")
local report = require("report")
local session = require("session")
local sm2 = require("sm2")
local util = require("util")

local M = {}

local EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_LOAD, EXIT_STORE = 0, 1, 2, 3, 4

local function usage(msg)
  return EXIT_USAGE, "", "teachback: " .. msg .. "\nTry 'teachback --help'.\n"
end

-- Options: spec maps "--name" to "value" or "flag".  Returns opts and the
-- positional arguments, or nil and a message.
local function parse(args, spec)
  local opts, pos = {}, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, val = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    if spec[name] == "flag" and not val then
      opts[name:sub(3):gsub("-", "_")] = true
    elseif spec[name] == "value" then
      if not val then
        i = i + 1
        val = args[i]
        if not val then return nil, ("%s needs a value"):format(name) end
      end
      opts[name:sub(3):gsub("-", "_")] = val
    elseif a:sub(1, 1) == "-" and #a > 1 then
      return nil, ("unknown or incomplete option '%s'"):format(a)
    else
      pos[#pos + 1] = a
    end
    i = i + 1
  end
  return opts, pos
end

-- Dates in the local time zone, from seconds and an offset.
local function civil(days)
  -- Howard Hinnant's days-to-civil algorithm.
  days = days + 719468
  local era = (days >= 0 and days or days - 146096) // 146097
  local doe = days - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return m <= 2 and y + 1 or y, m, d
end

function M.date(t, offset)
  local y, m, d = civil(sm2.day_of(t, offset))
  return ("%04d-%02d-%02d"):format(y, m, d)
end

function M.datetime(t, offset)
  local secs = (t + offset) % 86400
  return ("%s %02d:%02d"):format(M.date(t, offset), secs // 3600, secs % 3600 // 60)
end

local function num(x)
  if x == nil then return "" end
  return util.fmt_num(x)
end

local function pct(x)
  if x == nil then return "-" end
  return ("%.2f"):format(x)
end

-- Open the store; on failure the exit status and message.
local function open_store(opts, writable)
  local db, msg, why = records.open(opts, writable)
  if db then return db end
  return nil, why, msg
end

-- Load a quiz by path or id: the quiz and its path, or nil and lines.
local function load_quiz(name, quizdir)
  local s, lines = cli.start(name, { quizdir = quizdir, seed = 0, no_save = true })
  if not s then return nil, lines end
  return s.quiz, cli.resolve(name, quizdir)
end

-- A quiz by its id (from `path` if that file still holds it), and the
-- file it came from.
local quizzes_by_id, paths_by_id = {}, {}
local function quiz_by_id(id, quizdir, path)
  if quizzes_by_id[id] == nil then
    local q, from
    if path and host.is_file(path) then q, from = load_quiz(path, quizdir) end
    if not q or q.id ~= id then q, from = load_quiz(id, quizdir) end
    quizzes_by_id[id], paths_by_id[id] = q or false, q and from or nil
  end
  return quizzes_by_id[id] or nil, paths_by_id[id]
end

-- A quiz restricted to the given question ids (an answer sheet's
-- columns), in the quiz file's order, without draw or shuffle: the class
-- sat those questions.  Sheets are graded in exam mode, one answer each.
local function sheet_quiz(quiz, ids)
  local want, qs = {}, {}
  for _, id in ipairs(ids) do want[id] = true end
  for _, q in ipairs(quiz.questions) do
    if want[q.id] then qs[#qs + 1] = q end
  end
  local settings = util.copy(quiz.settings)
  settings.draw, settings.shuffle, settings.mode = nil, false, "exam"
  return setmetatable({ questions = qs, settings = settings }, { __index = quiz })
end

local function pos(line, col)
  return (line << 32) | col
end

-- One attempt for a whole class.  The sheet quiz has no draw or shuffle
-- and every row uses seed 0, so every learner's attempt has the same items:
-- the grader keeps one and swaps each item's steps per row.  A class gives
-- few distinct answers per question, so each distinct (question, cell) goes
-- through answers.apply -- the answers-file path, its notation and its
-- errors -- once, and its steps are reused for every learner who wrote it.
local EMPTY = {}

local function sheet_grader(gq, sheet, path)
  local s = session.new(gq, { seed = 0, mode = "exam" })
  local g = { s = s, sheet = sheet, path = path, memo = {}, col = {} }
  for k, id in ipairs(sheet.ids) do g.col[id] = k end
  for i in ipairs(s.items) do g.memo[i] = {} end
  return g
end

local function reset(s, learner)
  s.learner = learner
  for _, item in ipairs(s.items) do
    item.steps, item.skipped, item.certainty, item.marks = {}, nil, nil, nil
  end
end

-- What one cell gives: {steps, certainty, answer, choice, details}, or false.
local function cell_result(g, i, item, cell)
  local m = g.memo[i][cell]
  if m ~= nil then return m end
  item.steps, item.skipped, item.certainty = {}, nil, nil
  local v = answers.apply(g.s, { [item.q.id] = cell }, {}, g.path)
  m = false
  if v.errors == 0 then
    local last = item.steps[#item.steps]
    m = { steps = item.steps, certainty = item.certainty, skipped = item.skipped,
          answer = last and json.encode(item.t.encode(item.q, last.response)),
          choice = last and records.choice_of(item, last.response),
          details = last and records.details_of(item, last.response) }
  end
  g.memo[i][cell] = m
  return m
end

-- The messages of a row with a bad cell: the row through answers.apply,
-- with each cell's position.
local function row_problems(g, row)
  reset(g.s, row.learner)
  local data, vpos = csvsheet.cells(g.sheet, row)
  local v = answers.apply(g.s, data, { [data] = { pos = pos(row.line, 1), v = vpos, k = vpos } },
                          g.path)
  local lines = {}
  for _, it in ipairs(v:sorted()) do
    lines[#lines + 1] = require("schema").format(it):gsub("%.$", "") .. "; row skipped"
  end
  return lines
end

-- Grade one row; returns the session, its totals and the per-item cell
-- results, or nil and the problems as lines.  A blank cell is a question
-- the learner left: skipped.
local function grade_row(g, row)
  local s, results = g.s, g.results or {}
  g.results = results
  s.learner = row.learner
  local score, max = 0, 0
  for i, item in ipairs(s.items) do
    local cell = csvsheet.cell(row, g.col[item.q.id])
    local m
    if cell then
      m = cell_result(g, i, item, cell)
      if not m then return nil, row_problems(g, row) end
      item.steps, item.skipped, item.certainty = m.steps, m.skipped, m.certainty
    else
      item.steps, item.skipped, item.certainty = EMPTY, true, nil
    end
    results[i] = m or EMPTY
    -- The mode's mark, as session.totals takes it.
    item.marks = session.grade(s, item) * item.q.points
    score, max = score + item.marks, max + item.q.points
  end
  return s, { score = score, max = max, percent = max > 0 and 100 * score / max or 0 }, results
end

-- A sheet row arrives whole, so it is one input: the question ids and
-- cells as one CSV line, "id,cell,id,cell,...", blank cells left out.
local function sheet_input(g, row)
  local f, n = g.input_buf or {}, 0
  g.input_buf = f
  for k, id in ipairs(g.sheet.ids) do
    local c = csvsheet.cell(row, k)
    if c then
      -- Ids have no commas or quotes (the quiz schema); a cell may.
      if c:find('[",\r\n]') then c = '"' .. c:gsub('"', '""') .. '"' end
      f[n + 1], f[n + 2] = id, c
      n = n + 2
    end
  end
  return table.concat(f, ",", 1, n) .. "\r\n"
end

local function sheet_cells(value)
  local recs = csv.parse(value)
  local cells, rec = {}, recs[1] or {}
  for i = 1, #rec - 1, 2 do cells[rec[i]] = rec[i + 1] end
  return cells
end

-- Marks take few values: each is formatted once.
local numtext = setmetatable({}, { __mode = "k" })
local function mark_text(x)
  local t = numtext[x]
  if not t then
    t = num(x)
    numtext[x] = t
  end
  return t
end

-- learner, score, max, percent, then each question's marks, for a gradebook.
local function result_line(s, tot)
  local f = { csvsheet.field(s.learner), num(tot.score), num(tot.max), num(tot.percent) }
  for i, item in ipairs(s.items) do f[i + 4] = mark_text(item.marks) end
  return table.concat(f, ",") .. "\r\n"
end

local function store_hash(path)
  return path and require("store").file_hash(path) or ""
end

local BATCH = 250   -- learners per transaction: each batch is acknowledged at once

-- teachback grade QUIZ SHEETS.csv [--out RESULTS.csv] [--db FILE] [--no-save]
function M.grade(args, quizdir)
  local opts, p = parse(args, { ["--out"] = "value", ["--db"] = "value",
                                ["--no-save"] = "flag", ["--site"] = "value" })
  if not opts then return usage(p) end
  if #p ~= 2 then return usage("grade needs a quiz and a CSV file of answer sheets") end
  local site, bad = records.site(opts.site)
  if not site then return usage(bad) end
  local quiz, qpath = load_quiz(p[1], quizdir)
  if not quiz then return EXIT_LOAD, "", table.concat(qpath, "\n") .. "\n" end
  local sheet, problems = csvsheet.read(p[2], quiz)
  if not sheet then return EXIT_LOAD, "", table.concat(problems, "\n") .. "\n" end
  local skipped = #problems     -- each a record of the sheet left out
  local db, why, msg
  if not opts.no_save then
    db, why, msg = open_store(opts, true)
    if not db then return EXIT_STORE, "", msg .. "\n" end
  end
  local out, err = csv.writer(opts.out or "-")
  if not out then return EXIT_LOAD, "", err .. "\n" end
  local grader = sheet_grader(sheet_quiz(quiz, sheet.ids), sheet, p[2])
  local hash = store_hash(qpath)
  local header = { "learner", "score", "max", "percent" }
  for _, id in ipairs(sheet.ids) do header[#header + 1] = id end
  out:write(csvsheet.line(header))
  out:flush()
  local graded, pending = 0, {}
  local now = records.now()
  local function flush_batch()
    if db then db:commit() end
    for _, line in ipairs(pending) do out:write(line) end
    out:flush()
    pending = {}
  end
  if db then db:begin() end
  for _, row in ipairs(sheet.rows) do
    local s, tot, results = grade_row(grader, row)
    if not s then
      for _, l in ipairs(tot) do problems[#problems + 1] = l end
      skipped = skipped + 1
    else
      if db then
        local id = records.begin_attempt(db, { quiz = quiz, quiz_hash = hash, quiz_path = qpath,
          seed = 0, mode = "exam", frontend = "sheet", learner = row.learner, at = now,
          site = site })
        records.add_input(db, id, 1, 1, nil, "sheet", sheet_input(grader, row), now)
        records.save_items(db, id, s, tot, results, "finished", now)
      end
      pending[#pending + 1] = result_line(s, tot)
      graded = graded + 1
      if graded % BATCH == 0 then
        flush_batch()
        if db then db:begin() end
      end
    end
  end
  flush_batch()
  out:close()
  if db then db:close() end
  local note = ("graded %s from %s%s%s\n"):format(util.plural(graded, "learner"), p[2],
    skipped > 0 and ("; " .. util.plural(skipped, "row") .. " skipped") or "",
    db and "" or "; nothing stored (--no-save)")
  -- Top to bottom, whichever stage found them.
  table.sort(problems, function(a, b)
    local la, lb = tonumber(a:match(":(%d+):%d+: ")), tonumber(b:match(":(%d+):%d+: "))
    if la and lb and la ~= lb then return la < lb end
    return a < b
  end)
  local errtext = #problems > 0 and (table.concat(problems, "\n") .. "\n") or ""
  return skipped > 0 and EXIT_SKIPPED or EXIT_OK, "", errtext .. note
end

-- The review quiz over the questions named by keys ("quiz/question"), in
-- that order: the quiz, the keys found, and a fingerprint of the quiz
-- files they come from (so a resume or regrade notices a changed file).
-- quizzes: quiz id -> a quiz to use instead of looking it up (regrade's).
local function review_quiz(keys, quizdir, paths, quizzes)
  local qs, found, first, hashes, seen = {}, {}, nil, {}, {}
  local store = require("store")
  for _, key in ipairs(keys) do
    local qz, qid = key:match("^(.-)/([^/]+)$")
    local quiz, path
    if qz and quizzes and quizzes[qz] then quiz = quizzes[qz]
    elseif qz then quiz, path = quiz_by_id(qz, quizdir, paths[qz]) end
    if quiz then
      if not seen[qz] then
        seen[qz] = true
        hashes[#hashes + 1] = qz .. "=" .. (path and store.file_hash(path) or "")
      end
      for _, q in ipairs(quiz.questions) do
        if q.id == qid then
          qs[#qs + 1] = q
          found[#found + 1] = key
          first = first or quiz
        end
      end
    end
  end
  if #qs == 0 then return nil, found end
  local settings = util.copy(first.settings)
  settings.draw, settings.shuffle, settings.mode = nil, false, "practice"
  local rq = setmetatable({ id = "review", version = false,
    title = ("Review: %s due today"):format(util.plural(#qs, "question")),
    description = "Questions from your earlier quizzes, the ones to go over now first.",
    questions = qs, settings = settings }, { __index = first })
  return rq, found, table.concat(hashes, " ")
end

-- The session of a review quiz; each item keeps its key ("quiz/question"),
-- which is what its response is stored under.
local function review_session_of(rq, keys, seed, learner)
  local s, sv = session.new(rq, { seed = seed, mode = "practice", learner = learner })
  if not s then return nil, sv end
  for i, item in ipairs(s.items) do item.key = keys[i] end
  return s, sv
end

-- Where each quiz a learner's history names was last taken from.
local function history_paths(rows)
  local paths = {}
  for _, r in ipairs(rows) do
    local key = r.quiz_id == "review" and r.question_id or (r.quiz_id .. "/" .. r.question_id)
    local qz = key:match("^(.-)/")
    if qz and r.quiz_id ~= "review" then paths[qz] = r.quiz_path end
  end
  return paths
end

-- The plan a review attempt recorded first: its keys, in order.
local function review_plan(inputs)
  for _, inp in ipairs(inputs) do
    if inp.kind == "plan" then
      local keys = {}
      for k in inp.value:gmatch("%S+") do keys[#keys + 1] = k end
      return keys
    end
  end
  return nil
end

-- Rebuild a stored attempt from its inputs on the quiz as it is now.
-- Returns the session, or nil and why it cannot be replayed exactly.
local function rebuild(quiz, a, old, quizdir, db)
  if a.frontend == "sheet" then
    local ids = {}
    for _, r in ipairs(old) do ids[#ids + 1] = r.question_id end
    local gq = sheet_quiz(quiz, ids)
    local s = session.new(gq, { seed = a.seed, mode = "exam", learner = a.learner })
    local data = {}
    for _, inp in ipairs(a.inputs) do
      if inp.kind == "sheet" then data = sheet_cells(inp.value) end
    end
    local v = answers.apply(s, data, {}, "(stored answers)")
    if v.errors > 0 then
      local first = v:sorted()[1]
      return nil, ("its answer sheet no longer reads on the quiz as it is (%s)")
        :format(first and first.message or "an answer")
    end
    for _, item in ipairs(s.items) do
      if #item.steps == 0 then item.skipped = true end
    end
    return s
  end
  local s, astray, _
  if a.frontend == "review" then
    -- A review's questions come from its plan, this quiz's from the file
    -- being regraded and any other quiz's as it is now.
    local keys = review_plan(a.inputs) or {}
    local rq, found = review_quiz(keys, quizdir,
      history_paths(records.history_rows(db, a.learner)), { [quiz.id] = quiz })
    if not rq or #found ~= #keys then return nil, "a question of it is no longer in its quiz" end
    s = review_session_of(rq, keys, a.seed, a.learner)
    if not s then return nil, "its questions cannot be built" end
    _, astray = session.feed_inputs(s, a.inputs)
  else
    s, _, astray = session.replay(quiz, { seed = a.seed, mode = a.mode, learner = a.learner,
                                          assist = a.frontend:match("%-assist$") ~= nil }, a.inputs)
    if not s then return nil, "its questions cannot be built" end
  end
  if astray then
    return nil, ("its answers no longer replay on the quiz as it is (input %d went to " ..
                 "another question)"):format(astray)
  end
  return s
end

local UPDATE_RESPONSE = "UPDATE responses SET position = ?, topic = ?, type = ?, answer = ?, " ..
  "choice = ?, fraction = ?, marks = ?, max = ?, certainty = ?, tries = ?, skipped = ?, " ..
  "red_flag = ?, details = ? WHERE attempt_id = ? AND question_id = ?"

-- A review's rows of this quiz rewritten (the other quizzes' stay as they
-- were), and its totals summed again from its rows, as a practice
-- attempt's are.
local function save_review_rows(db, id, rows)
  for _, r in ipairs(rows) do
    db:exec(UPDATE_RESPONSE, r.position, r.topic, r.type, r.answer, r.choice, r.fraction,
      r.marks, r.max, r.certainty, r.tries, r.skipped, r.red_flag, r.details, id,
      r.question_id)
  end
  local score, max = 0, 0
  for _, r in ipairs(records.responses_of(db, id)) do score, max = score + r.marks, max + r.max end
  db:exec("UPDATE attempts SET score = ?, max = ?, percent = ? WHERE id = ?", score, max,
          max > 0 and 100 * score / max or 0, id)
  return { score = score, max = max }
end

-- Does review attempt a (inputs read) hold questions of quiz_id?
local function reviews_quiz(a, quiz_id)
  for _, k in ipairs(review_plan(a.inputs) or {}) do
    if k:sub(1, #quiz_id + 1) == quiz_id .. "/" then return true end
  end
  return false
end

-- teachback regrade QUIZ [--db FILE]: the quiz's own attempts, and the
-- questions of it that reviews asked.
function M.regrade(args, quizdir)
  local opts, p = parse(args, { ["--db"] = "value" })
  if not opts then return usage(p) end
  if #p ~= 1 then return usage("regrade needs one quiz") end
  local quiz, qpath = load_quiz(p[1], quizdir)
  if not quiz then return EXIT_LOAD, "", table.concat(qpath, "\n") .. "\n" end
  local db, _, msg = open_store(opts, true)
  if not db then return EXIT_STORE, "", msg .. "\n" end
  local _, offset = records.now()
  local lines, changed, total, kept = {}, 0, 0, 0
  local prefix = quiz.id .. "/"
  local function regrade_one(a)
    local review = a.frontend == "review"
    local old = records.responses_of(db, a.id)
    local s, why = rebuild(quiz, a, old, quizdir, db)
    local what = ("%s %d (%s, %s)"):format(review and "review" or "attempt", a.id,
      a.learner or "anonymous", M.date(a.started_at, offset))
    if not s then
      kept = kept + 1
      lines[#lines + 1] = ("%s: left as it was: %s"):format(what, why)
      return
    end
    local new, tot = records.responses(s)
    if review then
      local mine = {}
      for _, r in ipairs(new) do
        if r.question_id:sub(1, #prefix) == prefix then mine[#mine + 1] = r end
      end
      new = mine
    end
    local byid, diffs = {}, {}
    for _, r in ipairs(old) do byid[r.question_id] = r end
    for _, r in ipairs(new) do
      local o = byid[r.question_id]
      if not o or math.abs(o.marks - r.marks) > 1e-9 then
        diffs[#diffs + 1] = ("%s %s -> %s"):format(r.question_id, o and num(o.marks) or "-",
                                                  num(r.marks))
      end
    end
    if #diffs > 0 then
      changed = changed + 1
      if review then tot = save_review_rows(db, a.id, new)
      else records.save_result(db, a.id, s, a.status, a.ended_at) end
      lines[#lines + 1] = ("%s: %s / %s -> %s / %s; %s"):format(what, num(a.score), num(a.max),
        num(tot.score), num(tot.max), table.concat(diffs, ", "))
    end
  end
  db:begin()
  local ok, err = pcall(function()
    local list = records.attempts(db, { quiz = quiz.id })
    for _, a in ipairs(records.attempts(db, { quiz = "review" })) do list[#list + 1] = a end
    for _, a in ipairs(list) do
      if a.status ~= "open" then
        a.inputs = records.inputs(db, a.id)
        if a.quiz_id ~= "review" or reviews_quiz(a, quiz.id) then
          total = total + 1
          regrade_one(a)
        end
      end
    end
  end)
  if not ok then
    db:rollback()
    return EXIT_STORE, "", tostring(err) .. "\n"
  end
  db:commit()
  lines[#lines + 1] = ("regraded %s of %s: %d changed%s"):format(util.plural(total, "attempt"),
    quiz.id, changed, kept > 0 and ("; " .. kept .. " left as they were") or "")
  return EXIT_OK, table.concat(lines, "\n") .. "\n", ""
end

-- teachback history [--learner NAME] [--db FILE]
function M.history(args)
  local opts, p = parse(args, { ["--learner"] = "value", ["--db"] = "value" })
  if not opts then return usage(p) end
  if #p > 0 then return usage(("history takes no argument '%s'"):format(p[1])) end
  local db, why, msg = open_store(opts, false)
  if not db then
    if why == "missing" then return EXIT_OK, "No attempts recorded yet.\n", "" end
    return EXIT_STORE, "", msg .. "\n"
  end
  local _, offset = records.now()
  local rows = records.attempts(db, { learner = opts.learner })
  local out = {}
  if #rows == 0 then
    out[1] = opts.learner and ("No attempts by %s."):format(opts.learner) or
             "No attempts recorded yet."
    return EXIT_OK, out[1] .. "\n", ""
  end
  out[#out + 1] = ("%-16s  %-26s %-16s %s"):format("date", "quiz", "learner", "score")
  -- Per topic, each finished attempt's percentage in time order.
  local trend, topics = {}, {}
  for _, a in ipairs(rows) do
    local score
    if a.status == "open" then
      score = ("unfinished (%s)"):format(util.plural(#records.inputs(db, a.id), "input"))
    else
      score = ("%s / %s (%s%%)%s"):format(num(a.score), num(a.max), num(a.percent),
        a.status == "stopped" and ", stopped early" or "")
      local per = {}
      for _, r in ipairs(records.responses_of(db, a.id)) do
        local t = per[r.topic]
        if not t then
          t = { score = 0, max = 0 }
          per[r.topic] = t
          if not trend[r.topic] then
            trend[r.topic] = {}
            topics[#topics + 1] = r.topic
          end
        end
        t.score, t.max = t.score + r.marks, t.max + r.max
      end
      for topic, t in pairs(per) do
        if t.max > 0 then table.insert(trend[topic], 100 * t.score / t.max) end
      end
    end
    out[#out + 1] = ("%-16s  %-26s %-16s %s"):format(M.datetime(a.started_at, offset),
      a.quiz_id, a.learner or "-", score)
  end
  if #topics > 0 then
    out[#out + 1] = ""
    out[#out + 1] = "Trend by topic (percent, oldest first):"
    table.sort(topics)
    for _, t in ipairs(topics) do
      local xs = util.map(trend[t], function(x) return num(x) end)
      local arrow = ""
      local first, last = trend[t][1], trend[t][#trend[t]]
      if #trend[t] > 1 then
        arrow = last > first + 1e-9 and "  (up)" or last < first - 1e-9 and "  (down)" or
                "  (same)"
      end
      out[#out + 1] = ("  %-28s %s%s"):format(report.topic_name(t), table.concat(xs, " -> "),
                                             arrow)
    end
  end
  db:close()
  return EXIT_OK, table.concat(out, "\n") .. "\n", ""
end

-- teachback forget --learner NAME [--db FILE]
function M.forget(args)
  local opts, p = parse(args, { ["--learner"] = "value", ["--db"] = "value" })
  if not opts then return usage(p) end
  if #p > 0 or not opts.learner then return usage("forget needs --learner NAME") end
  local db, why, msg = open_store(opts, false)
  if not db then
    if why == "missing" then
      return EXIT_OK, ("Deleted 0 attempts: nothing is recorded for %s.\n"):format(opts.learner), ""
    end
    return EXIT_STORE, "", msg .. "\n"
  end
  db:close()
  db, why, msg = open_store(opts, true)
  if not db then return EXIT_STORE, "", msg .. "\n" end
  local n, note = records.forget(db, opts.learner)
  db:close()
  return EXIT_OK, ("Deleted %s by %s, for good.\n"):format(util.plural(n, "attempt"),
                                                          opts.learner),
         note and ("teachback: " .. note .. "\n") or ""
end

-- ---- report QUIZ: mastery and item analysis --------------------------

-- The items of a quiz as itemstats takes them (options labelled A, B, ...).
local function quiz_items(quiz)
  local items = {}
  for _, q in ipairs(quiz.questions) do
    local it = { id = q.id, max = q.points, topic = q.topic, type = q.type }
    if q.type == "single" or q.type == "multiple" then
      it.options, it.key = {}, {}
      for i, o in ipairs(q.options) do
        it.options[i] = string.char(64 + i)
        if o.correct then it.key[it.options[i]] = true end
      end
    elseif q.type == "truefalse" then
      it.options = { "true", "false" }
      it.key = { [tostring(q.answer)] = true }
    end
    items[#items + 1] = it
  end
  return items
end

-- compute: "client" sums the rows here even when the store could do it.
local function analysis(db, quiz, site, compute)
  local items = quiz_items(quiz)
  if compute ~= "client" and itemsql.available(db) then
    local res = itemsql.analyse(db, quiz.id, items, site)
    for i, it in ipairs(res.items) do it.topic, it.type = items[i].topic, items[i].type end
    res.site, res.sites, res.computed_in = site, records.sites(db, quiz.id), "store"
    return res
  end
  local rows = records.quiz_responses(db, quiz.id, site)
  local attempts, byattempt = {}, {}
  for _, r in ipairs(rows) do
    local a = byattempt[r.attempt_id]
    if not a then
      a = { marks = {}, choices = {} }
      byattempt[r.attempt_id] = a
      attempts[#attempts + 1] = a
    end
    a.marks[r.question_id] = r.marks
    if r.choice then
      local list = {}
      for c in r.choice:gmatch("[^,]+") do list[#list + 1] = c end
      a.choices[r.question_id] = list
    end
  end
  local res = itemstats.analyse(items, attempts)
  for i, it in ipairs(res.items) do it.topic, it.type = items[i].topic, items[i].type end
  -- Mastery per topic: marks over the maximum, across every attempt.
  local mastery, tord = {}, {}
  for _, r in ipairs(rows) do
    local t = mastery[r.topic]
    if not t then
      t = { topic = r.topic, score = 0, max = 0 }
      mastery[r.topic] = t
      tord[#tord + 1] = t
    end
    t.score, t.max = t.score + r.marks, t.max + r.max
  end
  for _, t in ipairs(tord) do t.percent = t.max > 0 and 100 * t.score / t.max or nil end
  res.mastery = tord
  res.site, res.sites, res.computed_in = site, records.sites(db, quiz.id), "client"
  return res
end

local function text_report(quiz, res)
  local out = { ("Item analysis: %s (%s)"):format(quiz.title, quiz.id) }
  local t = res.test
  local sites = util.map(res.sites, function(x)
    return ("%s %d"):format(x.site or "(no site)", x.attempts)
  end)
  out[#out + 1] = (res.site and ("Site %s; attempts by site: "):format(res.site) or
                   "All sites; attempts by site: ") .. table.concat(sites, ", ")
  out[#out + 1] = ("Attempts %d; mean %s of %s; median %s; SD %s; skewness %s; kurtosis %s")
    :format(t.n, num(t.mean), num(t.max), num(t.median), num(t.sd), num(t.skewness),
            num(t.kurtosis))
  if t.same_items == false then
    -- Alpha is a sum over items every attempt was given.
    out[#out + 1] = "Cronbach's alpha, error ratio, standard error and effective weights: " ..
      "none, as the attempts were given different questions (a draw)"
  else
    out[#out + 1] = ("Cronbach's alpha (CIC) %s%%; error ratio %s%%; standard error %s marks")
      :format(pct(t.cic), pct(t.error_ratio), num(t.standard_error))
  end
  if t.n < 30 then
    out[#out + 1] = ("Only %d attempts: below about 30 these figures are unstable."):format(t.n)
  end
  out[#out + 1] = ""
  out[#out + 1] = "Mastery by topic:"
  for _, m in ipairs(res.mastery) do
    out[#out + 1] = ("  %-28s %s%%"):format(report.topic_name(m.topic), pct(m.percent))
  end
  out[#out + 1] = ""
  out[#out + 1] = ("%-26s %8s %8s %8s %8s %8s %8s %8s"):format("question", "facility", "SD",
    "int.wt", "eff.wt", "discr.", "effic.", "attempts")
  for _, it in ipairs(res.items) do
    out[#out + 1] = ("%-26s %8s %8s %8s %8s %8s %8s %8d"):format(it.id, pct(it.facility),
      pct(it.sd), pct(it.intended_weight), pct(it.effective_weight), pct(it.discrimination),
      pct(it.efficiency), it.n)
    if it.distractors then
      local ds = {}
      for _, d in ipairs(it.distractors) do
        ds[#ds + 1] = ("%s%s %d (pull %s)"):format(d.label, d.correct and "*" or "", d.count,
                                                   d.pull and num(d.pull) or "-")
      end
      out[#out + 1] = "    options: " .. table.concat(ds, ", ")
    end
    for _, f in ipairs(it.flags) do out[#out + 1] = "    FLAG: " .. f end
  end
  return table.concat(out, "\n") .. "\n"
end

local function csv_report(res)
  local out = { csvsheet.line { "question", "topic", "max", "attempts", "facility", "sd",
    "intended_weight", "effective_weight", "discrimination", "efficiency", "flags" } }
  for _, it in ipairs(res.items) do
    out[#out + 1] = csvsheet.line { it.id, it.topic, num(it.max), it.n, num(it.facility),
      num(it.sd), num(it.intended_weight), num(it.effective_weight), num(it.discrimination),
      num(it.efficiency), table.concat(it.flags, "; ") }
  end
  return table.concat(out)
end

local function jnum(x)
  if x == nil then return util.null end
  return util.round(x)
end

local function json_report(quiz, res)
  local t = res.test
  local items = {}
  for i, it in ipairs(res.items) do
    local ds = util.null
    if it.distractors then
      ds = json.array(util.map(it.distractors, function(d)
        return json.object({ "label", "correct", "count", "percent", "pull" }, {
          label = d.label, correct = d.correct, count = d.count, percent = jnum(d.percent),
          pull = jnum(d.pull) })
      end))
    end
    items[i] = json.object({ "id", "topic", "max", "attempts", "facility", "sd",
      "intended_weight", "effective_weight", "discrimination", "efficiency", "distractors",
      "flags" }, {
      id = it.id, topic = it.topic, max = jnum(it.max), attempts = it.n,
      facility = jnum(it.facility),
      sd = jnum(it.sd), intended_weight = jnum(it.intended_weight),
      effective_weight = jnum(it.effective_weight), discrimination = jnum(it.discrimination),
      efficiency = jnum(it.efficiency), distractors = ds, flags = json.array(it.flags) })
  end
  local mastery = json.array(util.map(res.mastery, function(m)
    return json.object({ "topic", "score", "max", "percent" }, { topic = m.topic,
      score = jnum(m.score), max = jnum(m.max), percent = jnum(m.percent) })
  end))
  local sites = json.array(util.map(res.sites, function(x)
    return json.object({ "site", "attempts" }, { site = x.site or util.null,
                                                 attempts = x.attempts })
  end))
  return json.encode(json.object({ "quiz", "site", "sites", "attempts", "test", "mastery",
    "items" }, {
    quiz = quiz.id, site = res.site or util.null, sites = sites, attempts = t.n,
    test = json.object({ "mean", "median", "sd", "skewness", "kurtosis", "max", "cic",
      "error_ratio", "standard_error" }, { mean = jnum(t.mean), median = jnum(t.median),
      sd = jnum(t.sd), skewness = jnum(t.skewness), kurtosis = jnum(t.kurtosis),
      max = jnum(t.max), cic = jnum(t.cic), error_ratio = jnum(t.error_ratio),
      standard_error = jnum(t.standard_error) }),
    mastery = mastery, items = json.array(items) })) .. "\n"
end

-- teachback report QUIZ [--format text|csv|json|html] | report --learner NAME [--format
-- html|json|fhir]
function M.report(args, quizdir)
  local opts, p = parse(args, { ["--format"] = "value", ["--db"] = "value",
                                ["--learner"] = "value", ["--site"] = "value",
                                ["--compute"] = "value" })
  if not opts then return usage(p) end
  if opts.learner then
    if #p > 0 then return usage("report --learner takes no quiz") end
    return M.learner_report(opts, quizdir)
  end
  if #p ~= 1 then return usage("report needs a quiz, or --learner NAME") end
  local fmt = opts.format or "text"
  local html = require("recordhtml")
  if not ({ text = 1, csv = 1, json = 1, html = 1 })[fmt] then
    return usage(("--format must be text, csv, json or html, not '%s'"):format(fmt))
  end
  local quiz, qpath = load_quiz(p[1], quizdir)
  if not quiz then return EXIT_LOAD, "", table.concat(qpath, "\n") .. "\n" end
  local db, why, msg = open_store(opts, false)
  if not db then
    if why == "missing" then return EXIT_OK, "No attempts recorded yet.\n", "" end
    return EXIT_STORE, "", msg .. "\n"
  end
  if opts.compute and opts.compute ~= "client" and opts.compute ~= "store" then
    return usage(("--compute must be client or store, not '%s'"):format(opts.compute))
  end
  local res = analysis(db, quiz, opts.site, opts.compute)
  db:close()
  if fmt == "csv" then return EXIT_OK, csv_report(res), "" end
  if fmt == "json" then return EXIT_OK, json_report(quiz, res), "" end
  if fmt == "html" then return EXIT_OK, html.quiz_report(quiz, res), "" end
  return EXIT_OK, text_report(quiz, res), ""
end

-- ---- the patient-education record -------------------------------------

local function point_texts(q)
  local texts = {}
  for _, kp in ipairs(q and q.key_points or {}) do texts[kp.id] = kp.says or kp.id end
  return texts
end

-- What a nurse charts: per session, topics taught, teach-back points
-- understood and not, the nurse's verdicts, red flags reviewed.
function M.learner_record(db, name, quizdir)
  local _, offset = records.now()
  local sessions = {}
  for _, a in ipairs(records.attempts(db, { learner = name })) do
    if a.status ~= "open" then
      local quiz = quiz_by_id(a.quiz_id, quizdir, a.quiz_path)
      local qs = {}
      for _, q in ipairs(quiz and quiz.questions or {}) do qs[q.id] = q end
      local ses = { date = M.datetime(a.ended_at or a.started_at, offset), quiz = a.quiz_id,
        title = quiz and quiz.title or a.quiz_id, topics = {}, understood = {},
        not_understood = {}, nurse = {}, red_flags = {}, score = a.score, max = a.max,
        assisted = a.frontend:match("%-assist$") ~= nil, status = a.status }
      local seen = {}
      for _, r in ipairs(records.responses_of(db, a.id)) do
        local qid = r.question_id:match("[^/]+$")
        local q = qs[qid]
        if r.tries > 0 or r.skipped == 1 then
          if not seen[r.topic] then
            seen[r.topic] = true
            ses.topics[#ses.topics + 1] = report.topic_name(r.topic)
          end
        end
        if r.type == "teachback" and r.details then
          local d = records.parse_details(r.details)
          local texts = point_texts(q)
          local cov = d.nurse_covered or d.covered or {}
          local mis = d.nurse_missed or d.missed or {}
          for _, id in ipairs(cov) do ses.understood[#ses.understood + 1] = texts[id] or id end
          for _, id in ipairs(mis) do
            ses.not_understood[#ses.not_understood + 1] = texts[id] or id
          end
          if d.nurse_covered or d.nurse_missed then
            ses.nurse[#ses.nurse + 1] = ("%s: nurse judged %d of %d points said"):format(
              qid, #(d.nurse_covered or {}), #(d.nurse_covered or {}) + #(d.nurse_missed or {}))
          end
        end
        if r.red_flag == 1 and (r.tries > 0 or r.skipped == 1) then
          ses.red_flags[#ses.red_flags + 1] = {
            question = q and (q.prompt or q.id) or qid,
            understood = util.is_right(r.fraction),
            action = q and q.safety_message or nil,
          }
        end
      end
      sessions[#sessions + 1] = ses
    end
  end
  return sessions
end

function M.learner_report(opts, quizdir)
  local fmt = opts.format or "html"
  if fmt ~= "html" and fmt ~= "json" and fmt ~= "fhir" then
    return usage(("report --learner gives --format html, json or fhir, not '%s'"):format(fmt))
  end
  local db, why, msg = open_store(opts, false)
  if not db then
    if why == "missing" then
      return EXIT_OK, "", ("Nothing recorded for %s.\n"):format(opts.learner)
    end
    return EXIT_STORE, "", msg .. "\n"
  end
  if fmt == "fhir" then
    local now, offset = records.now()
    local text, notes = require("recordfhir").learner_bundle(db, opts.learner, {
      quiz_by_id = function(id, path) return quiz_by_id(id, quizdir, path) end,
      date = M.date, now = now, offset = offset })
    db:close()
    local err = #notes > 0 and (table.concat(notes, "\n") .. "\n") or ""
    return EXIT_OK, text, err
  end
  local sessions = M.learner_record(db, opts.learner, quizdir)
  db:close()
  local now, offset = records.now()
  if fmt == "json" then
    local list = util.map(sessions, function(s)
      return json.object({ "date", "quiz", "title", "status", "topics", "understood",
        "not_understood", "nurse_verdicts", "red_flags" }, {
        date = s.date, quiz = s.quiz, title = s.title, status = s.status,
        topics = json.array(s.topics), understood = json.array(s.understood),
        not_understood = json.array(s.not_understood), nurse_verdicts = json.array(s.nurse),
        red_flags = json.array(util.map(s.red_flags, function(r)
          return json.object({ "question", "understood", "action" }, { question = r.question,
            understood = r.understood, action = r.action or util.null })
        end)) })
    end)
    return EXIT_OK, json.encode(json.object({ "learner", "printed", "sessions" }, {
      learner = opts.learner, printed = M.date(now, offset),
      sessions = json.array(list) })) .. "\n", ""
  end
  return EXIT_OK, require("recordhtml").learner_report(opts.learner, M.date(now, offset),
                                                       sessions), ""
end

-- ---- review: the questions due, across quizzes -------------------------

-- The newest unfinished review of this learner (nil: anonymous).
local function open_review(db, learner)
  local found
  for _, a in ipairs(records.attempts(db, { quiz = "review", learner = learner,
                                              status = "open" })) do
    if (a.learner == nil) == (learner == nil) and a.frontend == "review" then found = a end
  end
  return found
end

-- review --resume: rebuild the open review from its plan and the lines
-- recorded, and go on recording into it.  Nil when there is none.
local function resume_review(db, opts)
  local a = open_review(db, opts.learner)
  if not a then return nil end
  local inputs = records.inputs(db, a.id)
  local keys = review_plan(inputs) or {}
  local rq, found, hash = review_quiz(keys, opts.quizdir,
                                      history_paths(records.history_rows(db, opts.learner)))
  if not rq or #found ~= #keys or (a.quiz_hash ~= "" and a.quiz_hash ~= hash) then
    return false, { ("teachback: a quiz of review %d changed since it began, so it cannot " ..
      "be resumed exactly; start it again without --resume"):format(a.id), exit = EXIT_LOAD }
  end
  local s = review_session_of(rq, keys, a.seed, opts.learner)
  if not s then return false, { "teachback: a question due for review could not be built" } end
  s.resumed = session.feed_inputs(s, inputs)
  s.rec = { db = db, id = a.id, seq = #inputs > 0 and inputs[#inputs].seq or 0 }
  for i = 1, s.pos - 1 do if s.items[i] then s.items[i].shown = true end end
  if s.items[s.pos] then s.items[s.pos].shown = false end
  return s
end

-- Build the review session for cli.start: a practice attempt over the due
-- questions, red flags missed first.  Returns the session, or nil and
-- lines (lines.ok: nothing is wrong, there is just nothing to do).
-- With opts.resume, the unfinished review goes on instead, if there is one.
function M.review_session(opts)
  local db, why, msg = records.open(opts, false)
  if not db then
    if why == "missing" then return nil, { "Nothing to review yet.", ok = true } end
    return nil, { msg, exit = EXIT_STORE }
  end
  local rows = records.history_rows(db, opts.learner)
  db:close()
  local site, bad
  if not opts.no_save then
    site, bad = records.site(opts.site)
    if not site then return nil, { "teachback: " .. bad, exit = EXIT_USAGE } end
  end
  local note
  if opts.resume and not opts.no_save then
    local wdb, _, wmsg = records.open(opts, true)
    if not wdb then return nil, { wmsg, exit = EXIT_STORE } end
    local s, lines = resume_review(wdb, opts)
    if s then return s end
    if s == false then return nil, lines end
    wdb:close()
    note = "No unfinished review to resume; starting a new one."
  end
  local now, offset = records.now()
  local hist = {}
  for _, r in ipairs(rows) do
    local key = r.quiz_id == "review" and r.question_id or (r.quiz_id .. "/" .. r.question_id)
    hist[#hist + 1] = { key = key, at = r.ended_at or r.started_at, fraction = r.fraction,
      certainty = r.certainty, tries = r.tries, skipped = r.skipped == 1,
      red_flag = r.red_flag == 1 }
  end
  local _, order = sm2.cards(hist, offset)
  local due = {}
  for i, c in ipairs(sm2.due(order, sm2.day_of(now, offset))) do due[i] = c.key end
  local rq, keys, hash = review_quiz(due, opts.quizdir, history_paths(rows))
  if not rq then
    return nil, { ("Nothing is due for review today%s."):format(
      opts.learner and (" for " .. opts.learner) or ""), ok = true }
  end
  local s = review_session_of(rq, keys, opts.seed or 0, opts.learner)
  if not s then return nil, { "teachback: a question due for review could not be built" } end
  s.resume_note = note
  if opts.no_save then return s end
  local wdb, _, wmsg = records.open(opts, true)
  if not wdb then return nil, { wmsg, exit = EXIT_STORE } end
  s.rec = { db = wdb, seq = 1 }
  s.rec.id = records.begin_attempt(wdb, { quiz = rq, quiz_hash = hash, seed = s.seed,
    mode = "practice", frontend = "review", learner = opts.learner, at = now, site = site })
  records.add_input(wdb, s.rec.id, 1, 1, nil, "plan", table.concat(keys, " "), now)
  return s
end

-- teachback migrate [--db FILE|URL]: create or update the schema.  The
-- only command that changes a PostgreSQL store's tables, run by the role
-- that owns them; SQLite files are also updated whenever one is written.
function M.migrate(args)
  local opts, p = parse(args, { ["--db"] = "value" })
  if not opts then return usage(p) end
  if #p > 0 then return usage(("migrate takes no argument '%s'"):format(p[1])) end
  local db, _, msg = open_store(opts, "migrate")
  if not db then return EXIT_STORE, "", msg .. "\n" end
  local v = db:version()
  db:close()
  return EXIT_OK, ("The records store is at schema version %d.\n"):format(v), ""
end

-- main.c's entry: run command `name` with its arguments.
function M.main(name, args, quizdir)
  local fn = M[name]
  if not fn then return usage(("unknown command '%s'"):format(name)) end
  local ok, code, out, err = pcall(fn, args, quizdir)
  if not ok then return EXIT_STORE, "", tostring(code) .. "\n" end
  return code, out or "", err or ""
end

return M
