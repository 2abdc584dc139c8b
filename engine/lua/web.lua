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
-- replay when nothing changed.
--
-- Every POST carries the browser session's CSRF token; every POST that
-- changes an attempt answers 303 to a GET (post/redirect/get), and carries
-- `step`, the input count the page was drawn at, so a double tap or a
-- stale tab changes nothing.

local cli = require("cli")
local material = require("material")
local quiz_mod = require("quiz")
local records = require("records")
local report = require("report")
local session = require("session")
local store = require("store")
local util = require("util")

local M = {}

local DEFAULTS = { host = "127.0.0.1", port = 8080, threads = 4, timeout = 10 }
local MAX_FIELDS = 256          -- form fields in one POST
local CACHE_MAX = 64            -- attempts kept rebuilt per thread
local COOKIE = "tb_session"

local config                    -- what configure returned
local db                        -- this thread's store handle
local menu_rows                 -- the start page's quizzes, loaded once
local indexes = {}              -- material by folder, loaded once
local quizzes = {}              -- path -> quiz, loaded once
local cache, cached = {}, 0     -- token hash -> {s, n, last}

-- ---- options ---------------------------------------------------------

local OPTIONS = {
  ["--listen"] = "value", ["--quizzes"] = "value", ["--db"] = "value", ["--site"] = "value",
  ["--cert"] = "value", ["--key"] = "value", ["--threads"] = "value",
  ["--timeout"] = "value", ["--no-save"] = "flag", ["--assist"] = "flag",
  ["--kiosk"] = "optional",
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
  c.site = c.site or store.default_site()
  config, db = c, handle
  return c
end

-- ---- HTTP helpers ----------------------------------------------------

local function html_escape(s)
  return (tostring(s):gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                                          ['"'] = "&quot;", ["'"] = "&#39;" }))
end
M.escape = html_escape

local function url_decode(s)
  s = s:gsub("+", " ")
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

-- "a=1&b=2&b=3" -> { a = "1", b = {"2", "3"} as list in fields.all.b }.
-- Nil when it is not text (bad UTF-8) or holds too many fields.
local function parse_form(text)
  local fields, all, n = {}, {}, 0
  for pair in (text or ""):gmatch("[^&]+") do
    n = n + 1
    if n > MAX_FIELDS then return nil end
    local k, v = pair:match("^([^=]*)=(.*)$")
    k, v = url_decode(k or pair), url_decode(v or "")
    if not utf8.len(k) or not utf8.len(v) then return nil end
    if fields[k] == nil then fields[k] = v end
    all[k] = all[k] or {}
    table.insert(all[k], v)
  end
  return fields, all
end

local function cookie_of(req, name)
  local header = req.headers.cookie or ""
  for k, v in header:gmatch("([^=;%s]+)=([^;]*)") do
    if k == name then return util.trim(v) end
  end
  return nil
end

local function response(status, body, ctx, headers)
  headers = headers or {}
  local out = { { "Content-Type", "text/html; charset=utf-8" } }
  for _, h in ipairs(headers) do
    if h[1] == "Content-Type" then out[1] = h else out[#out + 1] = h end
  end
  for _, c in ipairs(ctx and ctx.cookies or {}) do out[#out + 1] = { "Set-Cookie", c } end
  return { status = status, headers = out, body = body }
end

local function plain(status, text, ctx)
  return response(status, text .. "\n", ctx,
                  { { "Content-Type", "text/plain; charset=utf-8" } })
end

local function see_other(where, ctx)
  return response(303, "", ctx, { { "Location", where } })
end

local function not_found(ctx)
  return plain(404, "Not found.", ctx)
end

-- The browser session: its id from the cookie, or a new one set now.
local function browser_session(req)
  local ctx = { req = req, cookies = {} }
  local sid = cookie_of(req, COOKIE)
  if not sid or not sid:match("^%x+$") or #sid ~= 32 then
    sid = host.random_hex(16)
    ctx.cookies[1] = ("%s=%s; HttpOnly; SameSite=Strict; Path=/%s"):format(COOKIE, sid,
      req.tls and "; Secure" or "")
    ctx.new_session = true
  end
  ctx.sid = sid
  -- Derived, not stored: the same on every thread and after a restart.
  ctx.csrf = host.sha256_hex("csrf:" .. sid):sub(1, 32)
  ctx.owner = host.sha256_hex("browser:" .. sid)
  return ctx
end

-- A POST's form, or nil and the response that refuses it.
local function checked_form(ctx)
  local fields, all = parse_form(ctx.req.body)
  if not fields then return nil, nil, plain(400, "The form could not be read.", ctx) end
  if ctx.new_session or fields.csrf ~= ctx.csrf then
    return nil, nil, plain(403, "This form has expired or did not come from this site. " ..
                           "Go back, reload the page and try again.", ctx)
  end
  return fields, all
end

-- ---- rendering (the simplest escaped HTML, until webpage.lua) --------

local function blocks_html(blocks)
  local out = {}
  for _, b in ipairs(blocks or {}) do
    local parts = {}
    for _, f in ipairs({ "title", "label", "text" }) do
      if type(b[f]) == "string" or type(b[f]) == "number" then
        parts[#parts + 1] = html_escape(b[f])
      end
    end
    local tag = (b.kind == "title" or b.kind == "heading") and "h2" or
                b.kind == "subheading" and "h3" or "p"
    out[#out + 1] = ("<%s class=\"%s\">%s</%s>"):format(tag, html_escape(b.kind or "text"),
      table.concat(parts, " "), tag)
  end
  return table.concat(out, "\n")
end

-- page(title, body_html): a whole page around already escaped HTML.
local function page(title, body)
  return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" ..
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" ..
    "<title>%s</title>\n</head>\n<body>\n<main>\n%s\n</main>\n</body>\n</html>\n")
    :format(html_escape(title), body)
end

local function hidden(name, value)
  return ("<input type=\"hidden\" name=\"%s\" value=\"%s\">"):format(name, html_escape(value))
end

local function button(action, label)
  return ("<button type=\"submit\" name=\"action\" value=\"%s\">%s</button>"):format(action,
    html_escape(label))
end

-- The answer controls of the phase the attempt is in.
local function attempt_form(ctx, token, s, n)
  local f = { ("<form method=\"post\" action=\"/a/%s\">"):format(token), hidden("csrf", ctx.csrf),
              hidden("step", tostring(n)) }
  if s.phase == "certainty" then
    for i, w in ipairs({ "Not sure", "Fairly sure", "Very sure" }) do
      f[#f + 1] = ("<button type=\"submit\" name=\"certainty\" value=\"%d\">%s</button>")
        :format(i, w)
    end
  elseif s.phase == "pause" then
    f[#f + 1] = button("next", "Next")
  elseif s.phase == "confirm" or s.phase == "assist" then
    f[#f + 1] = button("yes", "Yes") .. button("no", "No")
    if s.phase == "assist" then f[#f + 1] = button("keep", "Keep") end
  else
    f[#f + 1] = "<label for=\"text\">Your answer</label>"
    f[#f + 1] = "<textarea id=\"text\" name=\"text\" rows=\"3\"></textarea>"
    f[#f + 1] = button("answer", "Answer") .. button("hint", "Hint") .. button("skip", "Skip")
      .. button("quit", "Stop")
  end
  f[#f + 1] = "</form>"
  return table.concat(f, "\n")
end

-- The one line the terminal would have typed for a posted form.
local ACTION_LINE = { skip = "s", hint = "h", help = "?", quit = "q", next = "", yes = "y",
                      no = "n", keep = "" }

local function form_line(fields, all)
  if fields.certainty then return fields.certainty end
  local a = fields.action or "answer"
  if ACTION_LINE[a] then return ACTION_LINE[a] end
  if a ~= "answer" then return nil end
  if all.choice then return table.concat(all.choice, " ") end
  local text = fields.text or fields.number or fields.order or ""
  text = text:gsub("\r\n?", "\n"):gsub("\n+$", "")
  return text
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

-- ---- pages -----------------------------------------------------------

local function start_page(ctx)
  local groups, body = {}, { "<h1>teachback: learning about metastatic breast cancer</h1>" }
  for _, r in ipairs(menu()) do
    groups[r.group] = groups[r.group] or {}
    table.insert(groups[r.group], r)
  end
  for _, g in ipairs(cli.GROUPS) do
    if groups[g.key] then
      body[#body + 1] = ("<h2>%s</h2>\n<ul>"):format(html_escape(g.title))
      for _, r in ipairs(groups[g.key]) do
        body[#body + 1] = ("<li><a href=\"/q/%s\">%s</a> — %s, about %d min</li>"):format(
          html_escape(r.id), html_escape(r.title), util.plural(r.n, "question"), r.minutes)
      end
      body[#body + 1] = "</ul>"
    end
  end
  return response(200, page("teachback", table.concat(body, "\n")), ctx)
end

local function learner_ok(name)
  return name and name ~= "" and #name <= 64 and utf8.len(name) and not name:find("%c")
end

local function intro_page(ctx, row)
  local learner = parse_form(ctx.req.query or "")
  learner = learner and learner.learner
  local quiz = load_quiz(row.path)
  if not quiz then return plain(500, "This quiz could not be loaded.", ctx) end
  local body = { ("<h1>%s</h1>"):format(html_escape(quiz.title)) }
  if quiz.description then body[#body + 1] = ("<p>%s</p>"):format(html_escape(quiz.description)) end
  body[#body + 1] = ("<p>%s, about %d min.</p>"):format(util.plural(row.n, "question"), row.minutes)
  body[#body + 1] = ("<form method=\"post\" action=\"/q/%s\">"):format(html_escape(row.id))
  body[#body + 1] = hidden("csrf", ctx.csrf)
  if learner_ok(learner) then body[#body + 1] = hidden("learner", learner) end
  body[#body + 1] = "<button type=\"submit\">Start</button>\n</form>"
  return response(200, page(quiz.title, table.concat(body, "\n")), ctx)
end

local function new_attempt(ctx, row)
  local fields, _, refused = checked_form(ctx)
  if not fields then return refused end
  local learner = fields.learner
  if learner == "" then learner = nil end
  if learner and not learner_ok(learner) then
    return plain(400, "The learner code must be 1 to 64 characters of text.", ctx)
  end
  local quiz = load_quiz(row.path)
  if not quiz then return plain(500, "This quiz could not be loaded.", ctx) end
  local seed = tonumber(host.random_hex(4), 16) & 0x7fffffff
  local s = session.new(quiz, { seed = seed, learner = learner, assist = config.assist })
  if not s then return plain(500, "This quiz could not be started.", ctx) end
  local token = host.random_hex(16)
  db:begin()
  local ok, err = pcall(function()
    local id = records.begin_attempt(db, {
      quiz = quiz, quiz_hash = store.file_hash(row.path) or "", quiz_path = row.path,
      seed = seed, mode = s.mode.name, frontend = config.assist and "web-assist" or "web",
      learner = learner, at = (records.now()), site = config.site })
    db:exec("INSERT INTO web_attempts (token_hash, attempt_id, owner_hash) VALUES (?, ?, ?)",
            host.sha256_hex(token), id, ctx.owner)
  end)
  if not ok then db:rollback() error(err, 0) end
  db:commit()
  return see_other("/a/" .. token, ctx)
end

-- The attempt a token names, if this browser session made it.
local function find_attempt(ctx, token)
  if #token ~= 32 or not token:match("^[0-9a-f]+$") then return nil end
  local hash = host.sha256_hex(token)
  local a = db:rows("SELECT w.attempt_id, w.owner_hash, a.quiz_path, a.quiz_hash, a.seed, " ..
    "a.mode, a.frontend, a.status, l.name AS learner FROM web_attempts w JOIN attempts a ON " ..
    "a.id = w.attempt_id LEFT JOIN learners l ON l.id = a.learner_id WHERE w.token_hash = ?",
    hash)[1]
  if not a or a.owner_hash ~= ctx.owner then return nil end
  a.hash = hash
  return a
end

-- The attempt rebuilt: {s (round 1, whose result is the attempt's), cur
-- (the round under way: s, or a missed-questions round), n (inputs), seq
-- (the last seq), last (the blocks of the last feed)}, from the cache when
-- nothing was added since.  A "round" input starts a missed-questions
-- round (its value is the round's number); the lines after it belong to
-- that round, as the terminal records them (recorder.lua).
local function rebuild(a)
  local count = db:rows("SELECT count(*) AS n, max(seq) AS seq FROM inputs WHERE " ..
                        "attempt_id = ?", a.attempt_id)[1]
  local n = count.n or 0
  local hit = cache[a.hash]
  if hit and hit.n == n then return hit end
  local quiz = load_quiz(a.quiz_path)
  if not quiz or (store.file_hash(a.quiz_path) or "") ~= a.quiz_hash then
    return nil, "This quiz was changed since the attempt began, so it cannot go on. " ..
      "Please start it again."
  end
  local s = session.new(quiz, { mode = a.mode, seed = a.seed, learner = a.learner,
                                assist = a.frontend == "web-assist" })
  local cur, last = s, {}
  for _, inp in ipairs(records.inputs(db, a.attempt_id)) do
    if inp.kind == "round" then
      cur = session.missed_round(cur) or cur
      last = cli.round_intro(cur)
    elseif inp.kind == "line" and (inp.round or 1) == (cur.round or 1) and session.prompt(cur) then
      last = session.feed(cur, inp.value)
    end
  end
  if cached >= CACHE_MAX then cache, cached = {}, 0 end
  if not cache[a.hash] then cached = cached + 1 end
  local r = { s = s, cur = cur, n = n, seq = count.seq or 0, last = last }
  cache[a.hash] = r
  return r
end

-- Append one input at the next seq; false when another request took that
-- seq first (a double tap on two threads): this one is then stale.
local function append(a, r, round, qid, kind, value)
  local added = db:exec("INSERT INTO inputs (attempt_id, seq, round, question_id, kind, " ..
    "value, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.attempt_id, r.seq + 1,
    round, qid, kind, value, (records.now()))
  -- Whatever happens next, the cached copy is no longer the store's.
  cache[a.hash] = nil
  return added == 1
end

-- The full view of where the attempt stands (a reload shows the whole
-- question again, not only the terminal's short re-ask).
local function phase_view(s)
  local item = s.items[s.pos]
  if s.phase == "certainty" then return report.certainty_view(s) end
  if s.phase == "pause" then return {} end
  if s.phase == "assist" then return session.assist_view(s) end
  if s.phase == "confirm" then
    return { { kind = "text", text = "Stop the quiz now? Your answers so far will be scored." } }
  end
  return report.question_view(s, item)
end

local function attempt_page(ctx, token, a)
  local r, why = rebuild(a)
  if not r then return plain(409, why, ctx) end
  local s = r.cur
  local body = { blocks_html(r.last) }
  if session.prompt(s) then
    body[#body + 1] = blocks_html(phase_view(s))
    body[#body + 1] = attempt_form(ctx, token, s, r.n)
  else
    body[#body + 1] = blocks_html(report.summary(s))
    if cli.offer_missed(s) and (s.round or 1) < 5 then
      body[#body + 1] = ("<form method=\"post\" action=\"/a/%s/missed\">%s%s" ..
        "<button type=\"submit\">Go over the missed questions</button></form>"):format(token,
        hidden("csrf", ctx.csrf), hidden("step", tostring(r.n)))
    end
    body[#body + 1] = ("<p><a href=\"/a/%s/result.json\">Result (JSON)</a> · " ..
      "<a href=\"/\">All quizzes</a></p>"):format(token)
  end
  return response(200, page(s.quiz.title, table.concat(body, "\n")), ctx)
end

-- The marks go in when round 1's summary is reached (as recorder.finish).
local function save_if_over(a, s)
  if session.prompt(s) or (s.round or 1) > 1 then return end
  db:begin()
  local ok, err = pcall(records.save_result, db, a.attempt_id, s,
                        s.quit and "stopped" or "finished", (records.now()))
  if not ok then db:rollback() error(err, 0) end
  db:commit()
end

local function answer(ctx, token, a)
  local fields, all, refused = checked_form(ctx)
  if not fields then return refused end
  local back = see_other("/a/" .. token, ctx)
  local r, why = rebuild(a)
  if not r then return plain(409, why, ctx) end
  local s = r.cur
  if fields.step ~= tostring(r.n) or not session.prompt(s) then return back end
  local line = form_line(fields, all)
  if not line then return back end
  local item = s.items[s.pos]
  if not append(a, r, s.round or 1, item and item.q.id, "line", line) then return back end
  r.last = session.feed(s, line)
  r.n, r.seq = r.n + 1, r.seq + 1
  save_if_over(a, s)
  cache[a.hash] = r
  return back
end

-- POST /a/TOKEN/missed: a round with the questions not fully right.
local function missed(ctx, token, a)
  local fields, _, refused = checked_form(ctx)
  if not fields then return refused end
  local back = see_other("/a/" .. token, ctx)
  local r, why = rebuild(a)
  if not r then return plain(409, why, ctx) end
  local s = r.cur
  local round = (s.round or 1) + 1
  if fields.step ~= tostring(r.n) or session.prompt(s) or not cli.offer_missed(s) or round > 5 then
    return back
  end
  if not append(a, r, round, nil, "round", tostring(round)) then return back end
  r.cur = session.missed_round(s)
  r.last = cli.round_intro(r.cur)
  r.n, r.seq = r.n + 1, r.seq + 1
  cache[a.hash] = r
  return back
end

local function result_json(ctx, a)
  local r, why = rebuild(a)
  if not r then return plain(409, why, ctx) end
  return response(200, cli.result_json(r.s) .. "\n", ctx,
                  { { "Content-Type", "application/json; charset=utf-8" } })
end

-- ---- static assets ---------------------------------------------------

local function static(ctx, name)
  local ok, assets = pcall(require, "webassets")
  local asset = ok and type(assets) == "table" and assets[name]
  if type(asset) ~= "table" then return not_found(ctx) end
  return response(200, asset.body, ctx, { { "Content-Type", asset.type },
                                          { "Cache-Control", "public, max-age=3600" } })
end

-- ---- routing ---------------------------------------------------------

local function allow(ctx, methods)
  return response(405, "Method not allowed.\n", ctx,
                  { { "Content-Type", "text/plain; charset=utf-8" }, { "Allow", methods } })
end

-- handle(req): req = {method, path, query, headers, body, remote, tls}.
function M.handle(req)
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
  if token then
    local a = find_attempt(ctx, token)
    if not a then return not_found(ctx) end
    if rest == "" then
      if get then return attempt_page(ctx, token, a) end
      if method == "POST" then return answer(ctx, token, a) end
      return allow(ctx, "GET, HEAD, POST")
    end
    if rest == "/result.json" and get then return result_json(ctx, a) end
    if rest == "/missed" and method == "POST" then return missed(ctx, token, a) end
    return not_found(ctx)
  end
  local name = path:match("^/static/([%w._-]+)$")
  if name and get then return static(ctx, name) end
  return not_found(ctx)
end

return M
