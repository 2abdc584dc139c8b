-- web.lua: the policy of `teachback serve` (engine/serve.c is the
-- mechanism): its options, what each URL means, the browser session and
-- its CSRF token, attempt tokens, and attempts kept in the records store.
--
-- Each server thread has its own Lua state, so everything cached here is
-- per thread; the store is what the threads (and a restarted server)
-- share.  An attempt is its quiz, seed and mode plus the lines given so
-- far (records.lua), exactly as at the terminal, so each page is rebuilt
-- by replaying those lines through a fresh session: a reload, a dropped
-- connection, another thread or a restarted server all see the same
-- attempt.  A per-thread cache keyed by token and input count skips the
-- replay when nothing changed (new_cache: the attempts in use stay).
--
-- Every POST carries the browser session's CSRF token; every POST that
-- changes an attempt answers 303 to a GET (post/redirect/get), and carries
-- `step`, the input count the page was drawn at, so a double tap or a
-- stale tab changes nothing.

local cli = require("cli")
local material = require("material")
local quiz_mod = require("quiz")
local records = require("records")
local session = require("session")
local store = require("store")
local util = require("util")
local webassets = require("webassets")
local webform = require("webform")
local webpage = require("webpage")

local M = {}

-- Two threads: these machines have two cores, and each thread holds its
-- own copy of every quiz, its material and what the teach-back judge
-- builds per question (about 7 MB a thread once every quiz has been
-- taken), so threads beyond the cores add memory, not speed: 200 clients
-- taking quizzes peaked at 55-59 MB RSS on 4 threads, and stay under
-- 50 MB on 2 (README "Under load").  A machine with more cores can give
-- --threads.
local DEFAULTS = { host = "127.0.0.1", port = 8080, threads = 2, timeout = 10 }
local CACHE_HALF = 100          -- attempts kept rebuilt per thread: 100 to 200 (new_cache)
local COOKIE = "tb_session"
local SQLITE_CACHE_KIB = 256    -- SQLite page cache per thread (its default: 2,000 KiB)

local config                    -- what configure returned
local db                        -- this thread's store handle
local menu_rows                 -- the start page's quizzes, loaded once
local indexes = {}              -- material by folder, loaded once
local quizzes = {}              -- path -> quiz, loaded once
local cache                     -- token hash -> {s, cur, n, seq, last}: new_cache below

-- ---- the attempts kept rebuilt ---------------------------------------

-- A cache of at most 2 * half entries in two generations: a new entry goes
-- into the young one; when that holds `half`, it becomes the old one and
-- the old one is dropped; a hit in the old one moves back to the young.
-- So every entry used since the last turn stays, however many others come
-- and go: a thread serving up to `half` attempts at once rebuilds none of
-- them twice.  (Emptying one table when it was full, as before, rebuilt
-- every attempt in use again each time it filled.)
function M.new_cache(half)
  local young, old, n = {}, {}, 0
  local c = {}
  function c.put(key, value)
    if young[key] == nil then
      if n >= half then old, young, n = young, {}, 0 end
      n = n + 1
    end
    young[key], old[key] = value, nil
  end
  function c.get(key)
    local v = young[key]
    if v == nil then
      v = old[key]
      if v ~= nil then c.put(key, v) end
    end
    return v
  end
  function c.drop(key)
    if young[key] ~= nil then n = n - 1 end
    young[key], old[key] = nil, nil
  end
  return c
end

cache = M.new_cache(CACHE_HALF)

-- ---- options ---------------------------------------------------------

local OPTIONS = {
  ["--listen"] = "value", ["--quizzes"] = "value", ["--db"] = "value", ["--site"] = "value",
  ["--cert"] = "value", ["--key"] = "value", ["--threads"] = "value",
  ["--timeout"] = "value", ["--no-save"] = "flag", ["--assist"] = "flag",
  ["--kiosk"] = "optional",
  -- Not in --help: scripts/bench-web's baseline.  GET /bench-page/N
  -- answers the Nth file of DIR (by name), read into memory at start, with
  -- nothing else done: the same pages as static files from the same server.
  ["--bench-pages"] = "value",
}

local function whole(v, lo, hi)
  if not v or not v:match("^%d+$") or #v > 6 then return nil end
  local n = tonumber(v)
  if n < lo or n > hi then return nil end
  return n
end

-- "127.0.0.1:8080", "[::1]:8080", ":8080" (every IPv4 address).
local function parse_listen(v)
  local host, port = v:match("^%[([%x:%.]+)%]:(%d+)$")
  if not host then host, port = v:match("^([%d%.]*):(%d+)$") end
  if not host then return nil end
  if host == "" then host = "0.0.0.0" end
  if host:find("%.") and not host:find(":") then
    local parts = { host:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$") }
    if #parts ~= 4 then return nil end
    for _, p in ipairs(parts) do if tonumber(p) > 255 then return nil end end
  end
  return host, whole(port, 0, 65535)
end

local function usage(lines, msg, ...)
  lines[#lines + 1] = "teachback: serve: " .. msg:format(...)
end

-- configure(args, quizdir): the options of `teachback serve` checked.
-- Returns the config table, or nil, error lines and the exit status.
function M.configure(args, quizdir)
  local c = { host = DEFAULTS.host, port = DEFAULTS.port, threads = DEFAULTS.threads,
              timeout = DEFAULTS.timeout, quizdir = quizdir or host.quizdir }
  local lines = {}
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, value = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    local kind = OPTIONS[name]
    if not kind then
      local names = {}
      for k in pairs(OPTIONS) do names[#names + 1] = k end
      local meant = util.did_you_mean(name, names)
      usage(lines, "unknown option '%s'%s", a, meant and (" (did you mean " .. meant .. "?)") or "")
      break
    end
    if kind == "value" and not value then
      i = i + 1
      value = args[i]
      if not value then usage(lines, "%s needs a value", name) break end
    elseif kind == "flag" and value then
      usage(lines, "%s takes no value", name) break
    end
    if name == "--listen" then
      local h, p = parse_listen(value)
      if not h or not p then
        usage(lines, "--listen needs ADDRESS:PORT (like 127.0.0.1:8080 or [::1]:8080; " ..
              "port 0 picks a free one), not '%s'", value)
        break
      end
      c.host, c.port = h, p
    elseif name == "--threads" then
      c.threads = whole(value, 1, 64)
      if not c.threads then usage(lines, "--threads must be a whole number from 1 to 64, " ..
                                  "not '%s'", value) break end
    elseif name == "--timeout" then
      c.timeout = whole(value, 1, 3600)
      if not c.timeout then usage(lines, "--timeout must be whole seconds from 1 to 3600, " ..
                                  "not '%s'", value) break end
    elseif name == "--kiosk" then
      c.kiosk = value and whole(value, 1, 240) or 3
      if value and not whole(value, 1, 240) then
        usage(lines, "--kiosk=MINUTES must be a whole number from 1 to 240, not '%s'", value)
        break
      end
    elseif name == "--quizzes" then c.quizdir = value
    elseif name == "--db" then c.db = value
    elseif name == "--site" then c.site = value
    elseif name == "--cert" then c.cert = value
    elseif name == "--key" then c.key = value
    elseif name == "--no-save" then c.no_save = true
    elseif name == "--assist" then c.assist = true
    elseif name == "--bench-pages" then
      c.bench_pages = {}
      for _, f in ipairs(host.list(value, "", false)) do
        c.bench_pages[#c.bench_pages + 1] = host.read_text(f, 1 << 20)
      end
      if #c.bench_pages == 0 then usage(lines, "--bench-pages %s: no pages", value) break end
    end
    i = i + 1
  end
  if #lines == 0 then
    if (c.cert == nil) ~= (c.key == nil) then
      usage(lines, "--cert and --key go together (the certificate and its private key)")
    elseif c.cert and not host.is_file(c.cert) then
      usage(lines, "--cert %s: no such file", c.cert)
    elseif c.key and not host.is_file(c.key) then
      usage(lines, "--key %s: no such file", c.key)
    elseif not host.is_dir(c.quizdir) then
      usage(lines, "--quizzes %s: no such folder", c.quizdir)
    elseif c.no_save then
      usage(lines, "--no-save: the web keeps each attempt in the records store so it can " ..
            "be resumed; give --db FILE (a throw-away file will do) instead")
    elseif c.site and not records.site(c.site) then
      usage(lines, select(2, records.site(c.site)))
    end
  end
  if #lines > 0 then
    lines[#lines + 1] = "Try 'teachback --help' or 'man teachback' (SERVE)."
    return nil, lines, 2
  end
  local handle, msg = records.open({ db = c.db }, true)
  if not handle then
    return nil, { "teachback: serve: " .. msg }, 4
  end
  -- Each thread has its own connection and so its own page cache, which
  -- SQLite lets grow to 2 MB; what a page needs (an attempt's inputs, by
  -- index) is a few pages, and a page missed is read from the file the
  -- system keeps in memory once for every thread.
  if handle:backend() == "sqlite" then handle:exec("PRAGMA cache_size = -" .. SQLITE_CACHE_KIB) end
  c.site = c.site or store.default_site()
  c.store = handle
  config, db = c, handle
  return c
end

-- ---- HTTP helpers ----------------------------------------------------

local function cookie_of(req, name)
  local header = req.headers.cookie or ""
  for k, v in header:gmatch("([^=;%s]+)=([^;]*)") do
    if k == name then return util.trim(v) end
  end
  return nil
end

-- A response; ctx.cookies (Set-Cookie values) go with every one.
local function response(status, body, ctx, headers)
  local out = { { "Content-Type", "text/html; charset=utf-8" } }
  for _, h in ipairs(headers or {}) do
    if h[1] == "Content-Type" then out[1] = h else out[#out + 1] = h end
  end
  for _, c in ipairs(ctx and ctx.cookies or {}) do out[#out + 1] = { "Set-Cookie", c } end
  return { status = status, headers = out, body = body }
end

local function page_ctx(ctx, extra)
  local c = { csrf = ctx.csrf, kiosk = config.kiosk }
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

local function error_page(status, ctx, message, headers)
  return response(status, webpage.error(status, message, page_ctx(ctx)), ctx, headers)
end

local function see_other(where, ctx)
  return response(303, "", ctx, { { "Location", where } })
end

local function not_found(ctx)
  return error_page(404, ctx)
end

local function session_cookie(sid, tls)
  return ("%s=%s; HttpOnly; SameSite=Strict; Path=/%s"):format(COOKIE, sid, tls and "; Secure" or "")
end

-- Derived, not stored: the same on every thread and after a restart.
local function set_session(ctx, sid)
  ctx.sid = sid
  ctx.csrf = host.sha256_hex("csrf:" .. sid):sub(1, 32)
  ctx.owner = host.sha256_hex("browser:" .. sid)
end

-- The browser session: its id from the cookie, or a new one set now.
local function browser_session(req)
  local ctx = { req = req, cookies = {} }
  local sid = cookie_of(req, COOKIE)
  if not sid or #sid ~= 32 or not sid:match("^[0-9a-f]+$") then
    sid = host.random_hex(16)
    ctx.cookies[1] = session_cookie(sid, req.tls)
    ctx.new_session = true
  end
  set_session(ctx, sid)
  return ctx
end

local function one(fields, name)
  local v = fields[name]
  return v and #v == 1 and v[1] or nil
end

-- A POST's fields, or nil and the response that refuses it: 400 when it
-- cannot be read, 403 without this browser session's CSRF token.
local function checked_form(ctx)
  local fields, why = webform.decode(ctx.req.body or "")
  if not fields then return nil, error_page(400, ctx, why) end
  if ctx.new_session or one(fields, "csrf") ~= ctx.csrf then
    return nil, error_page(403, ctx)
  end
  return fields
end

local function url_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return ("%%%02X"):format(c:byte()) end))
end

-- ---- quizzes ---------------------------------------------------------

local function index_for(dir)
  dir = dir:gsub("/%./", "/")
  if not indexes[dir] then indexes[dir] = material.load_dir(dir) end
  return indexes[dir]
end

local function menu()
  if not menu_rows then menu_rows = cli.menu(config.quizdir) end
  return menu_rows
end

local function quiz_row(id)
  if not id:match("^[%w._-]+$") then return nil end
  for _, r in ipairs(menu()) do
    if r.id == id then return r end
  end
  return nil
end

local function load_quiz(path)
  if not quizzes[path] then
    quiz_mod.begin_command()
    local quiz, v = quiz_mod.load(path, index_for)
    if not quiz or v.errors > 0 or (quiz.index and quiz.index.errors > 0) then return nil end
    quizzes[path] = quiz
  end
  return quizzes[path]
end

local function learner_ok(name)
  return name and name ~= "" and #name <= 64 and utf8.len(name) and not name:find("%c")
end

-- ---- the start page and a quiz's intro --------------------------------

local function start_page(ctx)
  return response(200, webpage.start(menu(), page_ctx(ctx)), ctx)
end

local function intro_page(ctx, row)
  local q = webform.decode(ctx.req.query or "") or {}
  local learner = one(q, "learner")
  if not learner_ok(learner) then learner = nil end
  local quiz = load_quiz(row.path)
  if not quiz then return error_page(500, ctx, "This quiz could not be loaded.") end
  local s = session.new(quiz, { seed = 1, learner = learner, assist = config.assist })
  if not s then return error_page(500, ctx, "This quiz could not be started.") end
  return response(200, webpage.intro(s, page_ctx(ctx, { learner = learner })), ctx)
end

local function new_attempt(ctx, row)
  local fields, refused = checked_form(ctx)
  if not fields then return refused end
  local learner = one(fields, "learner")
  if learner == "" then learner = nil end
  if learner and not learner_ok(learner) then
    return error_page(400, ctx, "The learner code must be 1 to 64 characters of text.")
  end
  local quiz = load_quiz(row.path)
  if not quiz then return error_page(500, ctx, "This quiz could not be loaded.") end
  local seed = tonumber(host.random_hex(4), 16) & 0x7fffffff
  local s = session.new(quiz, { seed = seed, learner = learner, assist = config.assist })
  if not s then return error_page(500, ctx, "This quiz could not be started.") end
  local token = host.random_hex(16)
  records.transaction(db, function()
    local id = records.begin_attempt(db, {
      quiz = quiz, quiz_hash = store.file_hash(row.path) or "", quiz_path = row.path,
      seed = seed, mode = s.mode.name, frontend = config.assist and "web-assist" or "web",
      learner = learner, at = (records.now()), site = config.site })
    db:exec("INSERT INTO web_attempts (token_hash, attempt_id, owner_hash) VALUES (?, ?, ?)",
            host.sha256_hex(token), id, ctx.owner)
  end)
  return see_other("/a/" .. token, ctx)
end

-- ---- attempts ----------------------------------------------------------

-- The attempt a token names, if this browser session made it.
local function find_attempt(ctx, token)
  if #token ~= 32 or not token:match("^[0-9a-f]+$") then return nil end
  local hash = host.sha256_hex(token)
  local a = db:rows("SELECT w.attempt_id, w.owner_hash, a.quiz_path, a.quiz_hash, a.seed, " ..
    "a.mode, a.frontend, a.status, l.name AS learner FROM web_attempts w JOIN attempts a ON " ..
    "a.id = w.attempt_id LEFT JOIN learners l ON l.id = a.learner_id WHERE w.token_hash = ?",
    hash)[1]
  if not a or a.owner_hash ~= ctx.owner then return nil end
  a.hash, a.token = hash, token
  return a
end

-- The attempt rebuilt: {s (round 1, whose result is the attempt's), cur
-- (the round under way: s, or a missed-questions round), n (inputs), seq
-- (the last seq), last (the blocks of the last feed)}, from the cache when
-- nothing was added since; else by session.replay, as the terminal's
-- --resume and regrade rebuild one (a "round" input starts a
-- missed-questions round, whose lines follow it).
local function rebuild(a)
  local count = db:rows("SELECT count(*) AS n, max(seq) AS seq FROM inputs WHERE " ..
                        "attempt_id = ?", a.attempt_id)[1]
  local n = count.n or 0
  local hit = cache.get(a.hash)
  if hit and hit.n == n then return hit end
  local quiz = load_quiz(a.quiz_path)
  if not quiz or (store.file_hash(a.quiz_path) or "") ~= a.quiz_hash then
    return nil, "This quiz was changed since the attempt began, so it cannot go on. " ..
      "Please start it again."
  end
  local s, _, _, cur, last = session.replay(quiz, { mode = a.mode, seed = a.seed,
    learner = a.learner, assist = a.frontend == "web-assist" }, records.inputs(db, a.attempt_id))
  if not s then return nil, "This quiz could not be started." end
  local r = { s = s, cur = cur, n = n, seq = count.seq or 0, last = last }
  cache.put(a.hash, r)
  return r
end

-- Append one input at the next seq; false when another request took that
-- seq first (a double tap on two threads): this one is then stale.
local function append(a, r, round, qid, kind, value)
  local added = db:exec("INSERT INTO inputs (attempt_id, seq, round, question_id, kind, " ..
    "value, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.attempt_id, r.seq + 1,
    round, qid, kind, value, (records.now()))
  -- Whatever happens next, the cached copy is no longer the store's.
  cache.drop(a.hash)
  return added == 1
end

-- An ordering question re-drawn after a move: its order and focus from
-- the query, each checked against the question.
local function order_of(s, query)
  local item = s.items[s.pos]
  if not item or s.phase ~= "answer" or query == "" then return nil end
  local view = item.t.present(item.q, item.perm)
  if view.input ~= "ordering" then return nil end
  local q = webform.decode(query) or {}
  local focus = one(q, "focus")
  return webform.order(view, one(q, "order")),
    focus and focus:match("^[updown]+:%d+$") and #focus <= 12 and focus or nil
end

local function attempt_page(ctx, a, extra, status)
  local r, why = rebuild(a)
  if not r then return error_page(409, ctx, why) end
  local s = r.cur
  local over = not session.prompt(s)    -- as the terminal does before each line
  local pc = page_ctx(ctx, { token = a.token, step = r.n, feedback = r.last })
  for k, v in pairs(extra or {}) do pc[k] = v end
  if not extra then pc.order, pc.focus = order_of(s, ctx.req.query or "") end
  local body = webpage.attempt(s, pc)
  -- An attempt that is over has its end page drawn once and is seldom
  -- asked for again (a reload, its missed round, its JSON: a replay
  -- each); kept, finished attempts filled the cache (1,170 in a run
  -- without think time, 25 KB each) in place of the ones in use.
  if over then cache.drop(a.hash) end
  return response(status or 200, body, ctx)
end

-- The marks go in when round 1's summary is reached (as recorder.finish).
local function save_if_over(a, s)
  if session.prompt(s) or (s.round or 1) > 1 then return end
  records.transaction(db, records.save_result, db, a.attempt_id, s,
                      s.quit and "stopped" or "finished", (records.now()))
end

-- POST /a/TOKEN: the form -> the terminal's line -> the store -> feed.
local function answer(ctx, a)
  local fields, refused = checked_form(ctx)
  if not fields then return refused end
  local back = see_other("/a/" .. a.token, ctx)
  local r, why = rebuild(a)
  if not r then return error_page(409, ctx, why) end
  local s = r.cur
  if not webform.step_ok(fields, r.n) or not session.prompt(s) then return back end
  local line, msg, focus = webform.line(s, fields)
  if line == false then
    return see_other(("/a/%s?order=%s&focus=%s"):format(a.token,
      url_encode(table.concat(msg, " ")), url_encode(focus)), ctx)
  end
  if not line then
    -- Nothing fed or stored: the same page, with what to do and what was chosen.
    return attempt_page(ctx, a, { notice = msg, fields = fields })
  end
  local item = s.items[s.pos]
  if not append(a, r, s.round or 1, item and item.q.id, "line", line) then return back end
  r.last = session.feed(s, line)
  r.n, r.seq = r.n + 1, r.seq + 1
  save_if_over(a, s)
  cache.put(a.hash, r)
  return back
end

-- POST /a/TOKEN/missed: a round with the questions not fully right.
local function missed(ctx, a)
  local fields, refused = checked_form(ctx)
  if not fields then return refused end
  local back = see_other("/a/" .. a.token, ctx)
  local r, why = rebuild(a)
  if not r then return error_page(409, ctx, why) end
  local s = r.cur
  local round = (s.round or 1) + 1
  if (fields.step and not webform.step_ok(fields, r.n)) or session.prompt(s) or
     not cli.offer_missed(s) or round > 5 then
    return back
  end
  if not append(a, r, round, nil, "round", tostring(round)) then return back end
  r.cur = session.missed_round(s)
  r.last = cli.round_intro(r.cur)
  r.n, r.seq = r.n + 1, r.seq + 1
  cache.put(a.hash, r)
  return back
end

local function result_json(ctx, a)
  local r, why = rebuild(a)
  if not r then return error_page(409, ctx, why) end
  return response(200, cli.result_json(r.s) .. "\n", ctx,
                  { { "Content-Type", "application/json; charset=utf-8" } })
end

-- GET /speak/TOKEN?what=question|feedback: the page's text as WAV audio
-- (speech.lua: eSpeak NG run as a separate program, cached per text).
local function speak(ctx, a)
  local r, why = rebuild(a)
  if not r then return error_page(409, ctx, why) end
  local what = one(webform.decode(ctx.req.query or "") or {}, "what")
  session.prompt(r.cur)
  local text = (what == "question" or what == "feedback") and
    webpage.speech_text(r.cur, what, r.last)
  if not text then return not_found(ctx) end
  local wav = require("speech").wav(text)
  if not wav then return error_page(500, ctx, "The audio could not be made.") end
  return response(200, wav, ctx, { { "Content-Type", "audio/wav" } })
end

-- ---- the group view ------------------------------------------------------

-- GET /present/ID?n=N&revealed=1: one question large, for a room.  Every
-- viewer sees the same questions in the same order (a fixed seed), and
-- where the nurse is lives in the URL, so nothing is stored.
local function present_state(query)
  local q = webform.decode(query or "") or {}
  local n = tonumber(one(q, "n") or "1")
  n = n and math.type(n) == "integer" and n or 1
  return n, one(q, "revealed") == "1"
end

local function present(ctx, row, method)
  local quiz = load_quiz(row.path)
  if not quiz then return error_page(500, ctx, "This quiz could not be loaded.") end
  local s = session.new(quiz, { seed = 1 })
  if not s then return error_page(500, ctx, "This quiz could not be started.") end
  if method == "POST" then
    local fields, refused = checked_form(ctx)
    if not fields then return refused end
    local n = tonumber(one(fields, "n") or "1") or 1
    n = math.max(1, math.min(#s.items, math.floor(n)))
    local action, revealed = one(fields, "action"), false
    if action == "next" then n = math.min(#s.items, n + 1)
    elseif action == "back" then n = math.max(1, n - 1)
    elseif action == "reveal" then revealed = true end
    return see_other(("/present/%s?n=%d%s"):format(row.id, n, revealed and "&revealed=1" or ""),
                     ctx)
  end
  local n, revealed = present_state(ctx.req.query)
  return response(200, webpage.present(s, page_ctx(ctx, { n = n, revealed = revealed })), ctx)
end

-- ---- kiosk -----------------------------------------------------------------

-- POST /done: the tablet is handed back.  A new browser session (so no
-- link of the last patient's opens), then the start page.
local function done(ctx)
  local fields, refused = checked_form(ctx)
  if not fields then return refused end
  local sid = host.random_hex(16)
  ctx.cookies = { session_cookie(sid, ctx.req.tls) }
  return see_other("/", ctx)
end

-- ---- static assets ---------------------------------------------------

local function static(ctx, name)
  local ctype, body = webassets.get(name)
  if not ctype then return not_found(ctx) end
  return response(200, body, ctx, { { "Content-Type", ctype },
                                    { "Cache-Control", "public, max-age=3600" } })
end

-- ---- routing ---------------------------------------------------------

local function allow(ctx, methods)
  return error_page(405, ctx, nil, { { "Allow", methods } })
end

-- handle(req): req = {method, path, query, headers, body, remote, tls}.
function M.handle(req)
  local n = config.bench_pages and req.path:match("^/bench%-page/(%d+)$")
  local page = n and config.bench_pages[tonumber(n)]
  if page then
    return { status = 200, body = page, headers = { { "Content-Type", "text/html; charset=utf-8" } } }
  end
  local ctx = browser_session(req)
  local method, path = req.method, req.path
  local get = method == "GET" or method == "HEAD"
  if path == "/" then
    if not get then return allow(ctx, "GET, HEAD") end
    return start_page(ctx)
  end
  local id = path:match("^/q/([^/]+)$")
  if id then
    local row = quiz_row(id)
    if not row then return not_found(ctx) end
    if get then return intro_page(ctx, row) end
    if method == "POST" then return new_attempt(ctx, row) end
    return allow(ctx, "GET, HEAD, POST")
  end
  local token, rest = path:match("^/a/([^/]+)(.*)$")
  if not token then token, rest = path:match("^/speak/([^/]+)$"), "speak" end
  if token then
    local a = find_attempt(ctx, token)
    if not a then return not_found(ctx) end
    if rest == "" then
      if get then return attempt_page(ctx, a) end
      if method == "POST" then return answer(ctx, a) end
      return allow(ctx, "GET, HEAD, POST")
    end
    if rest == "/result.json" and get then return result_json(ctx, a) end
    if rest == "/missed" and method == "POST" then return missed(ctx, a) end
    if rest == "speak" and get then return speak(ctx, a) end
    return not_found(ctx)
  end
  id = path:match("^/present/([^/]+)$")
  if id then
    local row = quiz_row(id)
    if not row then return not_found(ctx) end
    if get or method == "POST" then return present(ctx, row, method) end
    return allow(ctx, "GET, HEAD, POST")
  end
  if path == "/done" and config.kiosk then
    if method == "POST" then return done(ctx) end
    return allow(ctx, "POST")
  end
  local name = path:match("^/static/([%w._-]+)$")
  if name and get then return static(ctx, name) end
  return not_found(ctx)
end

return M
