-- records.lua: what the records store keeps, and how (policy over the
-- `store` library of store.c).
--
-- An attempt row is written when an attempt starts; each input is appended
-- the moment the front end accepts it (autocommit: once the call returns
-- the input is in the file), so a crash, a closed terminal or a tablet
-- going to sleep loses nothing given before it.  Responses (marks per
-- question) are computed from the inputs when the attempt ends, and can
-- be recomputed from them (regrade).
--
-- The SQL here is the portable subset (store.h): plain SELECT, INSERT,
-- UPDATE and DELETE with ? placeholders.  Learners are a name or a code,
-- exactly as typed, nothing more.

local json = require("json")
local session = require("session")
local store = require("store")

local M = {}

-- Open the store for opts (db = a path, or the default), or nil and a
-- message.  Reading a store that does not exist yet is not an error:
-- nil, message, "missing".
function M.open(opts, writable)
  local path = opts.db
  if not path then
    local why
    path, why = store.default_path()
    if not path then return nil, why, "failed" end
    if writable then
      local ok, err = store.make_dirs(path)
      if not ok then return nil, err, "failed" end
    end
  end
  local db, msg, why = store.open(path, writable)
  -- A store from an older teachback is brought up to date on first use,
  -- even by a command that only reads.
  if not db and why == "older" then db, msg, why = store.open(path, true) end
  return db, msg, why
end

function M.now()
  local t, offset = store.now()
  return t, offset
end

-- A positive 62-bit id made from a name (FNV-1a; Lua's integers wrap).
local function name_id(name)
  local h = 0xcbf29ce484222325
  for i = 1, #name do h = (h ~ name:byte(i)) * 0x100000001b3 end
  h = h & 0x3FFFFFFFFFFFFFFF
  return h ~= 0 and h or 1
end
M.name_id = name_id

-- The learner's id, or nil (no name: anonymous).  create: add if absent.
function M.learner_id(db, name, create)
  if not name or name == "" then return nil end
  local rows = db:rows("SELECT id FROM learners WHERE name = ?", name)
  if rows[1] then return rows[1].id end
  if not create then return nil end
  -- Another writer may add the same name at the same moment: whoever is
  -- first keeps it, and both use that row.  The first id tried is made
  -- from the name, so every writer tries the same one: a transaction
  -- redone after a lost connection (store_pg.c replays its statements
  -- with the values they had) then still names a learner that exists,
  -- whoever added it meanwhile.  A clash with another name draws again.
  for try = 1, 5 do
    db:exec("INSERT INTO learners (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
            try == 1 and name_id(name) or store.new_id(), name)
    rows = db:rows("SELECT id FROM learners WHERE name = ?", name)
    if rows[1] then return rows[1].id end
  end
  error("cannot add learner " .. name .. ": no free id after 5 draws", 0)
end

-- The site an attempt is recorded at: --site, $TEACHBACK_SITE or the
-- host name.  Nil and a message when it is not a usable name.
function M.site(name)
  name = name or store.default_site()
  if name == "" or #name > 64 or name:find("[%c]") then
    return nil, ("--site must be a name of 1 to 64 characters without control " ..
                 "characters, not '%s'"):format(name:gsub("%c", "?"))
  end
  return name
end

-- Start an attempt: a = {quiz, quiz_hash, quiz_path, seed, mode, frontend,
-- learner, at, site}.  Returns its id.
function M.begin_attempt(db, a)
  local v = a.quiz.version
  v = (type(v) == "string" or type(v) == "number") and tostring(v) or nil
  local learner = M.learner_id(db, a.learner, true)
  local site = assert(M.site(a.site))
  -- Ids are drawn here (store.new_id), not counted by the store, so
  -- writers on many machines never collide; a clash draws again.
  for _ = 1, 5 do
    local id = store.new_id()
    local n = db:exec("INSERT INTO attempts (id, learner_id, quiz_id, quiz_version, quiz_hash, " ..
      "quiz_path, seed, mode, frontend, started_at, status, site) VALUES " ..
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      id, learner, a.quiz.id, v, a.quiz_hash or "", a.quiz_path, a.seed, a.mode, a.frontend,
      a.at, "open", site)
    if n == 1 then return id end
  end
  error("cannot start an attempt: no free id after 5 draws", 0)
end

-- Append one input.  kind: "line" (a line typed at the terminal),
-- "answer" (a cell of an answer sheet), "plan" (a review's questions).
function M.add_input(db, attempt, seq, round, qid, kind, value, at)
  db:exec("INSERT INTO inputs (attempt_id, seq, round, question_id, kind, value, at) " ..
          "VALUES (?, ?, ?, ?, ?, ?, ?)", attempt, seq, round, qid, kind, value, at)
end

function M.inputs(db, attempt)
  return db:rows("SELECT seq, round, question_id, kind, value, at FROM inputs " ..
                 "WHERE attempt_id = ? ORDER BY seq", attempt)
end

-- The option labels a response chose, for the distractor table: "B",
-- "A,C", "true".  Nil for types without options.
function M.choice_of(item, response)
  local ty = item.q.type
  if ty == "single" then return string.char(64 + response) end
  if ty == "multiple" then
    local out = {}
    for i, r in ipairs(response) do out[i] = string.char(64 + r) end
    return table.concat(out, ",")
  end
  if ty == "truefalse" then return tostring(response) end
  return nil
end

-- Teach-back details as "covered=a,b;missed=c;..." (ids only).
function M.details_of(item, response)
  if not item.t.details then return nil end
  local extra, order = item.t.details(item.q, response)
  local parts = {}
  for _, k in ipairs(order or {}) do
    -- Lists of ids only (covered, missed, the nurse's); other fields stay
    -- in the result JSON of the attempt.
    local list = extra[k]
    if type(list) == "table" and (next(list) == nil or list[1] ~= nil) then
      local vals = {}
      for i, v in ipairs(list) do vals[i] = tostring(v) end
      parts[#parts + 1] = k .. "=" .. table.concat(vals, ",")
    end
  end
  return table.concat(parts, ";")
end

function M.parse_details(text)
  local out = {}
  for k, v in (text or ""):gmatch("([%w_]+)=([^;]*)") do
    local list = {}
    for id in v:gmatch("[^,]+") do list[#list + 1] = id end
    out[k] = list
  end
  return out
end

local INSERT_RESPONSE = "INSERT INTO responses (attempt_id, question_id, position, topic, " ..
  "type, answer, choice, fraction, marks, max, certainty, tries, skipped, red_flag, details) " ..
  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

-- The rows of the responses table for a finished session, in item order.
function M.responses(s, tot)
  tot = tot or session.totals(s)
  local out = {}
  for _, item in ipairs(s.items) do
    local last = item.steps[#item.steps]
    out[#out + 1] = {
      question_id = item.key or item.q.id, position = item.n, topic = item.q.topic,
      type = item.q.type,
      answer = last and json.encode(item.t.encode(item.q, last.response)) or nil,
      choice = last and M.choice_of(item, last.response) or nil,
      fraction = session.fraction(item), marks = item.marks, max = item.q.points,
      certainty = item.certainty, tries = #item.steps, skipped = item.skipped and 1 or 0,
      red_flag = item.q.safety and 1 or 0,
      details = last and M.details_of(item, last.response) or nil,
    }
  end
  return out, tot
end

-- Write the responses and totals of session s into attempt `id`.
-- status: "finished" (the end was reached or the learner chose to stop).
-- tot: the totals if already computed; fresh: no responses stored yet.
function M.save_result(db, id, s, status, at, tot, fresh)
  local rows
  rows, tot = M.responses(s, tot)
  if not fresh then db:exec("DELETE FROM responses WHERE attempt_id = ?", id) end
  for _, r in ipairs(rows) do
    db:exec(INSERT_RESPONSE, id, r.question_id, r.position, r.topic,
      r.type, r.answer, r.choice, r.fraction, r.marks, r.max, r.certainty, r.tries, r.skipped,
      r.red_flag, r.details)
  end
  db:exec("UPDATE attempts SET status = ?, ended_at = ?, score = ?, max = ?, percent = ? " ..
          "WHERE id = ?", status, at, tot.score, tot.max, tot.percent, id)
  return tot
end

-- save_result for a graded sheet row, whose per-item answer, choice and
-- details were computed once per distinct cell (results[i]).
local CHUNK = 10          -- rows per INSERT: fewer calls, the same portable SQL
local INSERT_CHUNK = INSERT_RESPONSE .. (", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                         :rep(CHUNK - 1)
local args = {}

function M.save_items(db, id, s, tot, results, status, at)
  local items, n = s.items, 0
  local function flush(sql)
    db:exec(sql, table.unpack(args, 1, n))
    n = 0
  end
  for i, item in ipairs(items) do
    local r, q = results[i], item.q
    args[n + 1], args[n + 2], args[n + 3], args[n + 4], args[n + 5] = id, q.id, i, q.topic, q.type
    args[n + 6], args[n + 7], args[n + 8], args[n + 9] = r.answer, r.choice,
      session.fraction(item), item.marks
    args[n + 10], args[n + 11], args[n + 12] = q.points, item.certainty, #item.steps
    args[n + 13], args[n + 14], args[n + 15] = item.skipped and 1 or 0, q.safety and 1 or 0,
      r.details
    n = n + 15
    if n == 15 * CHUNK then flush(INSERT_CHUNK)
    elseif i == #items then flush(INSERT_RESPONSE .. (", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " ..
      "?, ?, ?)"):rep(n // 15 - 1)) end
  end
  db:exec("UPDATE attempts SET status = ?, ended_at = ?, score = ?, max = ?, percent = ? " ..
          "WHERE id = ?", status, at, tot.score, tot.max, tot.percent, id)
end

-- Attempts, newest last.  filter: quiz (id), learner (name), status.
function M.attempts(db, filter)
  local sql = "SELECT a.id, a.quiz_id, a.quiz_version, a.quiz_hash, a.quiz_path, a.seed, " ..
    "a.mode, a.frontend, a.started_at, a.ended_at, a.status, a.score, a.max, a.percent, " ..
    "a.site, l.name AS learner FROM attempts a LEFT JOIN learners l ON l.id = a.learner_id"
  local where, args = {}, {}
  if filter.quiz then where[#where + 1] = "a.quiz_id = ?" args[#args + 1] = filter.quiz end
  if filter.learner then where[#where + 1] = "l.name = ?" args[#args + 1] = filter.learner end
  if filter.status then where[#where + 1] = "a.status = ?" args[#args + 1] = filter.status end
  if filter.site then where[#where + 1] = "a.site = ?" args[#args + 1] = filter.site end
  if #where > 0 then sql = sql .. " WHERE " .. table.concat(where, " AND ") end
  return db:rows(sql .. " ORDER BY a.id", table.unpack(args))
end

function M.responses_of(db, attempt)
  return db:rows("SELECT question_id, position, topic, type, answer, choice, fraction, marks, " ..
    "max, certainty, tries, skipped, red_flag, details FROM responses WHERE attempt_id = ? " ..
    "ORDER BY position", attempt)
end

-- Every response of a quiz's finished attempts, for item analysis.
-- site: only the attempts taken there (nil: across every site).
function M.quiz_responses(db, quiz_id, site)
  local sql = "SELECT r.attempt_id, r.question_id, r.marks, r.max, r.choice, r.topic " ..
    "FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.quiz_id = ? AND " ..
    "a.status <> ?%s ORDER BY r.attempt_id, r.position"
  if site then return db:rows(sql:format(" AND a.site = ?"), quiz_id, "open", site) end
  return db:rows(sql:format(""), quiz_id, "open")
end

-- How many finished attempts at a quiz each site holds, by site name.
function M.sites(db, quiz_id)
  return db:rows("SELECT site, count(*) AS attempts FROM attempts WHERE quiz_id = ? " ..
                 "AND status <> ? GROUP BY site ORDER BY site", quiz_id, "open")
end

-- A learner's answered questions in time order, for SM-2.
function M.history_rows(db, learner)
  if not learner then
    return db:rows("SELECT a.quiz_id, a.quiz_path, a.started_at, a.ended_at, r.question_id, r.fraction, " ..
      "r.certainty, r.tries, r.skipped, r.red_flag, r.topic FROM responses r " ..
      "JOIN attempts a ON a.id = r.attempt_id WHERE a.learner_id IS NULL AND a.status <> ? " ..
      "AND (r.tries > 0 OR r.skipped = 1) ORDER BY a.started_at, a.id, r.position", "open")
  end
  return db:rows("SELECT a.quiz_id, a.quiz_path, a.started_at, a.ended_at, r.question_id, r.fraction, " ..
    "r.certainty, r.tries, r.skipped, r.red_flag, r.topic FROM responses r " ..
    "JOIN attempts a ON a.id = r.attempt_id JOIN learners l ON l.id = a.learner_id " ..
    "WHERE l.name = ? AND a.status <> ? AND (r.tries > 0 OR r.skipped = 1) " ..
    "ORDER BY a.started_at, a.id, r.position", learner, "open")
end

-- Run fn(...) in one transaction: committed when it returns, rolled back
-- and the error raised again when it fails.  Returns fn's first result.
function M.transaction(db, fn, ...)
  db:begin()
  local ok, res = pcall(fn, ...)
  if not ok then db:rollback() error(res, 0) end
  db:commit()
  return res
end

-- Delete a learner and every attempt (inputs and responses go with them).
-- Returns the number of attempts deleted, and a note when old copies of
-- the rows may outlive the call (the back end's after_forget statement,
-- store_sqlite.c, could not finish: another process is reading).
function M.forget(db, name)
  local n = M.transaction(db, function()
    local id = M.learner_id(db, name, false)
    if not id then return 0 end
    local count = db:exec("DELETE FROM attempts WHERE learner_id = ?", id)
    db:exec("DELETE FROM learners WHERE id = ?", id)
    return count
  end)
  local after = db:named("after_forget")
  if after then
    local r = db:rows(after)[1]
    if r and r.busy == 1 then
      return n, "another program is reading the store: old copies of the deleted rows stay " ..
        "in its write-ahead log until it closes the store; run forget again then"
    end
  end
  return n
end

return M
