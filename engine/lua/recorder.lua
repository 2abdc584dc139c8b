-- recorder.lua: an interactive attempt kept in the records store as it
-- happens, and resumed after an interruption.
--
-- The dialogue is not changed: cli.lua calls `input` with each line the
-- front end accepts, before feeding it, and `finish` when the attempt's
-- summary is shown.  Because the whole attempt follows from its quiz, its
-- seed, its mode and the lines typed, replaying the lines through the
-- same dialogue rebuilds it exactly (session.replay): that is resume, and
-- regrade.

local session = require("session")
local store = require("store")
local util = require("util")
local records = util.lazy("records")   -- not with --no-save

local M = {}

local function frontend(opts)
  return opts.assist and "terminal-assist" or "terminal"
end

-- The newest attempt at `quiz_id` by `learner` (nil: anonymous) still open.
local function open_attempt(db, quiz_id, learner)
  local found
  for _, a in ipairs(records.attempts(db, { quiz = quiz_id, learner = learner,
                                              status = "open" })) do
    if (a.learner == nil) == (learner == nil) and a.frontend:match("^terminal") then
      found = a
    end
  end
  return found
end

-- Start recording session s (or, with opts.resume, rebuild the open
-- attempt and continue it).  Returns the session to use, or nil and lines.
function M.attach(s, opts, path)
  if opts.no_save then return s end
  local site, bad = records.site(opts.site)
  if not site then return nil, { "teachback: " .. bad } end
  local db, msg = records.open(opts, true)
  if not db then
    return nil, { "teachback: " .. msg .. " (--no-save takes the quiz without keeping it)" }
  end
  local hash = store.file_hash(path) or ""
  local now = records.now()
  if opts.resume then
    local a = open_attempt(db, s.quiz.id, s.learner)
    if a and a.quiz_hash ~= hash then
      return nil, { ("teachback: %s changed since attempt %d began, so it cannot be resumed " ..
        "exactly; start it again without --resume"):format(path, a.id) }
    end
    if a then
      local inputs = records.inputs(db, a.id)
      local r, n = session.replay(s.quiz, { mode = a.mode, seed = a.seed, learner = s.learner,
                                            assist = a.frontend == "terminal-assist" }, inputs)
      if not r then return nil, { "teachback: attempt " .. a.id .. " could not be rebuilt" } end
      r.resumed = n
      r.rec = { db = db, id = a.id, seq = #inputs > 0 and inputs[#inputs].seq or 0 }
      -- What was shown before the break is shown again.
      for i = 1, r.pos - 1 do if r.items[i] then r.items[i].shown = true end end
      if r.items[r.pos] then r.items[r.pos].shown = false end
      return r
    end
    s.resume_note = "No unfinished attempt to resume; starting a new one."
  end
  s.rec = { db = db, seq = 0 }
  s.rec.id = records.begin_attempt(db, {
    quiz = s.quiz, quiz_hash = hash, quiz_path = path, seed = s.seed, mode = s.mode.name,
    frontend = frontend(opts), learner = s.learner, at = now, site = site })
  return s
end

-- One accepted line, appended before the dialogue acts on it: once this
-- returns, the line is in the file.
function M.input(s, line)
  local r = s.rec
  if not r then return end
  r.seq = r.seq + 1
  local item = s.items[s.pos]
  records.add_input(r.db, r.id, r.seq, s.round or 1, item and item.q.id, "line", line or "",
                    (records.now()))
end

-- Input ended (end of file, a closed terminal): the attempt stays open,
-- so it can be resumed, unless every question was already settled.
function M.cut_off(s)
  s.cut_off = true
end

-- The summary is being shown: the marks go in (round 1 only; later rounds
-- are practice and keep only their inputs).
local function all_settled(s)
  for _, item in ipairs(s.items) do
    if not session.settled(s, item) then return false end
  end
  return true
end

function M.finish(s)
  local r = s.rec
  if not r or r.done or (s.round or 1) > 1 then return end
  -- Cut off with every question settled (say at a last "Press Enter"):
  -- nothing is left to resume, so the attempt is finished.
  if s.cut_off and not all_settled(s) then return end
  r.done = true
  local stopped = s.quit and not s.cut_off
  records.transaction(r.db, records.save_result, r.db, r.id, s,
                      stopped and "stopped" or "finished", (records.now()))
end

-- A missed-questions round shares the attempt's record.
function M.follow(s, r)
  if r then r.rec = s.rec end
  return r
end

return M
