-- dialogue.lua: the terminal's line-by-line conversation over an attempt.
--
-- A front end asks prompt(s) what to show and what to ask, shows it, and
-- gives the learner's next line to feed(s, line), which returns what to
-- show in answer; until prompt(s) is nil, then report.summary(s).  Each
-- is a table of handlers, one per phase of the conversation:
--   answer     a question: an answer, a command (? s q h), a blank at a time
--   certainty  "How sure?" after an answer, when the mode asks it
--   pause      a patient presses Enter after the feedback
--   assist     the nurse's check of each key point heard (--assist)
--   confirm    "Stop the quiz now?" after q
-- The attempt (attempt.lua) holds what was answered and how it scores;
-- this module holds only where the conversation is: s.phase, s.resume
-- (the phase a confirm returns to), s.assisting, s.assist_i, s.verdicts,
-- and per item shown, certainty_asked, partial (blanks typed so far) and
-- hints_seen.  A web page (webform.lua) turns a form post into the same
-- one line, so both drive the same attempt the same way.

local attempt = require("attempt")
local choice = require("types.choice")
local report = require("report")
local util = require("util")

local M = {}

-- The letters the dialogue takes as commands at a question, in any mode
-- (h in a mode without hints says so); help lists the mode's own.
local COMMANDS = { ["?"] = "help", s = "skip", q = "quit", h = "hint" }
-- The same, as the prompt gives them to a front end: at a multi-line
-- answer a first line of one of these is taken alone (main.c).
M.COMMAND_KEYS = "?hsq"

local function current(s)
  return s.items[s.pos]
end

local function advance(s)
  s.pos = s.pos + 1
  s.phase = "answer"
end

-- The feedback, then the next question; a patient first presses Enter, so
-- a slow reader sees the verdict before the next question pushes it away.
local function finish_item(s, item, out)
  if s.mode.immediate then
    for _, b in ipairs(report.feedback(s, item)) do out[#out + 1] = b end
    if attempt.patient(s) then
      s.phase = "pause"
      return
    end
  end
  advance(s)
end

-- "How sure?" answered in the words shown as well as the numbers.
local CERTAINTY = {
  ["1"] = 1, ["2"] = 2, ["3"] = 3,
  ["not"] = 1, ["not sure"] = 1, ["fairly"] = 2, ["fairly sure"] = 2,
  ["very"] = 3, ["very sure"] = 3,
  unsure = 1, mid = 2, quite = 3, ["quite sure"] = 3,
}

-- Words that mean "I don't know" at a question with set answers.
local DONT_KNOW = {
  idk = true, ["i dont know"] = true, ["i don't know"] = true, ["dont know"] = true,
  ["don't know"] = true, ["do not know"] = true, ["i do not know"] = true,
  ["not sure"] = true, ["no idea"] = true, dunno = true, ["i'm not sure"] = true,
  ["im not sure"] = true,
}

-- Lower case, single spaces, no closing full stop: how short replies compare.
local function plain_reply(line)
  return (line:lower():gsub("[’`]", "'"):gsub("%s+", " "):gsub("[%.!]+$", ""))
end

local function ask_to_confirm(s)
  s.resume, s.phase = s.phase, "confirm"
end

-- A blank or grid row typed alone ("B", "b)", or the option's own words):
-- its letters, or nil and what to type.
local function read_part(parts, k, line)
  local opts = parts.options[k]
  local labels, valid = {}, {}
  for i, it in ipairs(opts) do
    labels[i] = it.label
    valid[it.label] = true
  end
  local range = #labels == 2 and (labels[1] .. " or " .. labels[2]) or
    (table.concat(labels, ", ", 1, #labels - 1) .. " or " .. labels[#labels])
  local noun = parts.noun:lower()
  local want = ("Type %s for %s %d."):format(range, noun, k)
  local reply = plain_reply(line)
  for _, it in ipairs(opts) do
    if plain_reply(it.text) == reply then return it.label end
  end
  local letters = {}
  for tok in line:gmatch("[^%s,;]+") do
    tok = choice.strip_label(tok)
    if not tok:match("^%a+$") then return nil, want end
    for ch in tok:gmatch("%a") do letters[#letters + 1] = ch:upper() end
  end
  if #letters == 0 then return nil, want end
  if parts.one and #letters > 1 then return nil, want end
  for _, ch in ipairs(letters) do
    if not valid[ch] then return nil, ("There is no %s at %s %d. %s"):format(ch, noun, k, want) end
  end
  return table.concat(letters)
end

-- Is a line typed at the first part the whole answer ("1A 2B", "A B")?
local function whole_answer(parts, line)
  if line:match("%d") then return true end
  if not parts.one or parts.count < 2 or read_part(parts, 1, line) then return false end
  local n = 0
  for tok in line:gmatch("[^%s,;]+") do
    tok = choice.strip_label(tok)
    if not tok:match("^%a+$") then return false end
    n = n + #tok
  end
  return n == parts.count
end

-- A nurse's answer to "Did the patient say this?": true, false, "keep"
-- (Enter), or nil when it is not a plain yes or no.
local NURSE_YES = { y = true, yes = true, yeah = true, yep = true, yup = true, said = true }
local NURSE_NO = { n = true, no = true, nope = true, nah = true, ["not said"] = true }
function M.nurse_answer(line)
  local a = util.trim(line or ""):lower():gsub("[%.!]+$", "")
  if a == "" then return "keep" end
  if NURSE_YES[a] then return true end
  if NURSE_NO[a] then return false end
  return nil
end

-- The nurse's check of one key point or misconception heard.
function M.assist_view(s)
  local p = s.assisting[s.assist_i]
  local points, beliefs = 0, 0
  for _, q in ipairs(s.assisting) do
    if q.kind == "misconception" then beliefs = beliefs + 1 else points = points + 1 end
  end
  local head
  if p.kind == "misconception" then
    head = ("For the nurse — a wrong belief heard (%d of %d)"):format(s.assist_i - points, beliefs)
  else
    head = ("For the nurse — key point %d of %d%s"):format(s.assist_i, points,
                                                          p.urgent and " (act now)" or "")
  end
  local blocks = { { kind = "subheading", text = head } }
  if p.kind == "misconception" then
    blocks[#blocks + 1] = { kind = "text", text = "The program heard a wrong belief. " ..
                            "Its correction: " .. p.says }
  else
    blocks[#blocks + 1] = { kind = "text", text = p.says }
  end
  local verdict = p.engine and "The program heard it" or "The program did not hear it"
  blocks[#blocks + 1] = { kind = "text", text = verdict ..
                          (p.evidence and (" (" .. p.evidence .. ").") or ".") }
  blocks[#blocks + 1] = { kind = "hint", text = ("Did the patient say this? y/n, Enter keeps " ..
                          "the program's verdict: %s"):format(p.engine and "yes" or "no") }
  return blocks
end

-- ---- prompt: what to show and ask in each phase --------------------------

-- Each handler takes the attempt and its current item; returns {blocks,
-- prompt[, multiline, commands]}.
local PROMPT = {}
M.PROMPT = PROMPT

function PROMPT.certainty(s, item)
  -- The question is said once; a re-ask shows only the prompt again.
  local blocks = {}
  if not item.certainty_asked then
    item.certainty_asked = true
    blocks = report.certainty_view(s)
  end
  return { blocks = blocks, prompt = "How sure? (1-3) " }
end

function PROMPT.pause(s)
  return { blocks = {}, prompt = s.pos < #s.items and "Press Enter for the next question. "
           or "Press Enter to see how you did. " }
end

function PROMPT.assist(s)
  return { blocks = M.assist_view(s), prompt = "Nurse> " }
end

function PROMPT.confirm()
  return { blocks = { { kind = "text", text = "Stop the quiz now? Your answers so far " ..
                        "will be scored. (y/n)" } }, prompt = "> " }
end

function PROMPT.answer(s, item)
  -- After a re-ask (bad input, help, a hint) the question is still on the
  -- screen just above: show only the prompt again.
  local view = attempt.presented(item)
  local prompt = "> "
  if view.parts then
    prompt = ("%s %d of %d > "):format(view.parts.noun, #(item.partial or {}) + 1,
                                      view.parts.count)
  end
  if item.shown then
    return { blocks = {}, prompt = prompt, multiline = view.multiline or nil,
             commands = M.COMMAND_KEYS }
  end
  item.shown = true
  local blocks = report.question_view(s, item)
  if view.multiline then
    blocks[#blocks + 1] = { kind = "hint", text = "(Type your answer; an empty line ends it.)" }
  end
  return { blocks = blocks, prompt = prompt, multiline = view.multiline or nil,
           commands = M.COMMAND_KEYS }
end

-- What to show now: {blocks, prompt}, or nil when the attempt is over.
function M.prompt(s)
  local item = current(s)
  if not item or s.quit then return nil end
  return PROMPT[s.phase](s, item)
end

-- ---- feed: one line in each phase -----------------------------------------

-- Each handler takes the attempt, its current item and the line (trimmed);
-- returns the blocks to show.
local FEED = {}
M.FEED = FEED

function FEED.certainty(s, item, line)
  local out = {}
  local reply = plain_reply(line)
  local c = CERTAINTY[reply]
  if c then
    item.certainty = c
    finish_item(s, item, out)
    return out
  end
  local cmd = COMMANDS[reply]
  if cmd == "quit" then
    ask_to_confirm(s)
    return out
  end
  if cmd == "skip" then
    -- No certainty given: the mode counts it as 1 ("not sure").
    finish_item(s, item, out)
    return out
  end
  if cmd == "help" then return report.certainty_help(s) end
  return report.say(attempt.patient(s) and
    "Please type 1 (not sure), 2 (fairly sure) or 3 (very sure)." or
    "Please type 1, 2 or 3 (or unsure, mid, quite).")
end

function FEED.pause(s, _, line)
  if plain_reply(line) == "q" then
    ask_to_confirm(s)
    return {}
  end
  advance(s)
  return {}
end

function FEED.assist(s, item, line)
  local out = {}
  local p = s.assisting[s.assist_i]
  local said = M.nurse_answer(line)
  if said == nil then
    return report.say(("Please type y (the patient said this) or n (did not), or press " ..
                       "Enter to keep the program's verdict: %s."):format(p.engine and "yes" or "no"))
  end
  if said == "keep" then said = p.engine end
  s.verdicts[p.id] = said
  -- Every verdict is said back, so a slip shows at once.
  out[#out + 1] = { kind = "text", text = ("%s: %s."):format(
    said == p.engine and "Kept" or "Changed", said and "said" or "not said") }
  s.assist_i = s.assist_i + 1
  if s.assist_i <= #s.assisting then return out end
  -- Every point judged: the nurse's verdicts decide the score.
  local step = item.steps[#item.steps]
  step.response = item.t.with_verdicts(item.q, step.response, s.verdicts)
  step.fraction = item.t.score(item.q, step.response)
  s.phase = "answer"
  return M.after_answer(s, item, out)
end

function FEED.confirm(s, item, line)
  local a = line:lower()
  if a == "y" or a == "yes" then
    s.quit = true
    return {}
  end
  s.phase = s.resume or "answer"
  -- Back where the learner was: the question (or "How sure?") again.
  if s.phase == "answer" then item.shown = false end
  if s.phase == "certainty" then item.certainty_asked = false end
  return report.say("Let's go on.")
end

function FEED.answer(s, item, line)
  local out = {}
  if not utf8.len(line) then
    return report.say("That text has characters that could not be read. Please type " ..
                      "it again.")
  end
  local cmd = COMMANDS[line:lower()]
  -- A letter that labels something on the screen (option H, Q, S) is an
  -- answer, not a command.
  if cmd and cmd ~= "help" and M.shows_label(item, line:upper()) then cmd = nil end
  if cmd == "help" then return report.help(s, item) end
  if cmd == "quit" then
    ask_to_confirm(s)
    return out
  end
  if cmd == "skip" then
    item.skipped = true
    item.partial = nil
    finish_item(s, item, out)
    return out
  end
  if cmd == "hint" then return report.hint(s, item) end
  if line == "" then
    return report.say("Please type an answer. " .. report.how(s, item) ..
                      " (? for help, s to skip)")
  end
  local view = attempt.presented(item)
  if not view.multiline and DONT_KNOW[plain_reply(line)] then
    return report.say("Not sure? Type s to skip and see the answer.")
  end
  -- Blanks and grid rows may come one at a time, each checked as it comes,
  -- so a slip at blank 2 keeps blank 1.
  local parts = view.parts
  if parts then
    item.partial = item.partial or {}
    local k = #item.partial + 1
    local row, rest = line:match("^(%d+)%s*[:=%.%)%-]?%s*(%a[%a%s,;%)%.]*)$")
    if row and tonumber(row) == k then
      line = rest         -- "2B" typed at "Blank 2 of 3 >"
    elseif k == 1 and whole_answer(parts, line) then
      parts = nil         -- "1A 2B" or "A B": every part at once
    end
  end
  if parts then
    local k = #item.partial + 1
    local letters, why = read_part(parts, k, line)
    if not letters then return report.say(why) end
    item.partial[k] = letters
    if k < parts.count then return out end
    local joined = {}
    for r, l in ipairs(item.partial) do joined[r] = r .. l end
    line = table.concat(joined, " ")
    item.partial = nil
  end
  local response, why = item.t.parse(item.q, line, item.perm)
  if response == nil then
    return report.say((why or "That answer was not understood.") .. " Please try again.")
  end
  attempt.record(s, item, line, response)
  if s.assist and item.t.assist_points then
    s.phase, s.assist_i, s.verdicts = "assist", 1, {}
    s.assisting = item.t.assist_points(item.q, response)
    return out
  end
  return M.after_answer(s, item, out)
end

-- Feed one line of input; returns the blocks to show.
function M.feed(s, line)
  local item = current(s)
  if not item then return {} end
  return FEED[s.phase](s, item, util.trim(line or ""))
end

-- After a try: another try, the certainty question, or the feedback.
function M.after_answer(s, item, out)
  if not attempt.settled(s, item) then
    return report.retry(s, item)
  end
  if attempt.asks_certainty(s) then
    s.phase = "certainty"
    return out
  end
  finish_item(s, item, out)
  return out
end

function M.shows_label(item, label)
  local view = attempt.presented(item)
  for _, block in ipairs(view.blocks or {}) do
    for _, it in ipairs(block.items or {}) do
      if it.label == label then return true end
    end
  end
  return false
end

return M
