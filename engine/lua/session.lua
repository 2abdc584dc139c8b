-- session.lua: one attempt at a quiz.
--
-- It draws and orders the questions from the seed, runs question scripts,
-- takes responses (a line at a time from a front end, or all at once from
-- an answers file), lets the mode decide tries, certainty and marks, and
-- builds the result.  Every step the learner took is kept, not only the
-- final mark, so an attempt can be replayed and regraded.
--
-- The front end loop is: view = prompt(s); show it; feed(s, line) returns
-- what to show next; until prompt(s) is nil; then report.summary(s).

local choice = require("types.choice")
local modes = require("modes")
local quiz_mod = require("quiz")
local rng = require("rng")
local util = require("util")

local M = {}

-- A mode's module, its contract checked the first time (modes.lua).
M.mode_module = modes.get

-- Draw `n` questions, spread over topics when by_topic: shuffle each
-- topic's questions, then take one from each topic in turn.
local function draw(questions, n, by_topic, r)
  local idx = {}
  for i = 1, #questions do idx[i] = i end
  if not by_topic then
    r:shuffle(idx)
    local taken = {}
    for i = 1, n do taken[i] = idx[i] end
    table.sort(taken)
    return taken
  end
  local topics, groups = {}, {}
  for i, q in ipairs(questions) do
    if not groups[q.topic] then
      groups[q.topic] = {}
      topics[#topics + 1] = q.topic
    end
    table.insert(groups[q.topic], i)
  end
  for _, t in ipairs(topics) do r:shuffle(groups[t]) end
  local taken, round = {}, 1
  while #taken < n do
    for _, t in ipairs(topics) do
      if #taken < n and groups[t][round] then taken[#taken + 1] = groups[t][round] end
    end
    round = round + 1
  end
  table.sort(taken)
  return taken
end

-- Start an attempt.  opts: mode, seed (integer), learner.
-- Returns the session, or nil and the validator of a script that failed.
function M.new(quiz, opts)
  local settings = quiz.settings
  local mode_name = opts.mode or settings.mode
  local seed = opts.seed
  local r = rng.new(seed)
  local order
  if settings.draw and settings.draw < #quiz.questions then
    order = draw(quiz.questions, settings.draw, settings.draw_by_topic, r)
  else
    order = {}
    for i = 1, #quiz.questions do order[i] = i end
  end
  if settings.shuffle then r:shuffle(order) end

  local s = {
    quiz = quiz, settings = settings, mode = M.mode_module(mode_name), seed = seed,
    learner = opts.learner, items = {}, byid = {}, pos = 1, phase = "answer",
    assist = opts.assist,
  }
  for _, i in ipairs(order) do
    local q0 = quiz.questions[i]
    local q, v = quiz_mod.instantiate(quiz, q0, seed)
    if not q then return nil, v end
    local t = quiz_mod.type_module(q.type)
    local perm = t.shuffle(q, r:derive("perm:" .. q.id), settings.shuffle)
    local item = { q = q, t = t, perm = perm, steps = {}, n = #s.items + 1, file_index = i }
    s.items[#s.items + 1] = item
    s.byid[q.id] = item
  end
  return s
end

function M.tries(s)
  return s.mode.tries(s.settings)
end

function M.asks_certainty(s)
  return s.mode.asks_certainty(s.settings) and true or false
end

-- Record one try; returns its fraction.
function M.record(s, item, input, response)
  local fraction = item.t.score(item.q, response)
  item.steps[#item.steps + 1] = { input = input, response = response, fraction = fraction }
  return fraction
end

-- Is the item finished (no more tries wanted)?
function M.settled(s, item)
  local last = item.steps[#item.steps]
  return item.skipped or (last and (util.is_right(last.fraction) or #item.steps >= M.tries(s)))
end

-- The mark of an item (per point; may be negative under cbm).
function M.grade(s, item)
  if #item.steps == 0 then return 0 end
  return s.mode.grade(item, s.settings)
end

function M.fraction(item)
  local last = item.steps[#item.steps]
  return last and last.fraction or 0
end

function M.answered(item)
  return #item.steps > 0
end

-- Where a question stands: "answered", "skipped", or "not_reached" (the
-- attempt ended first; a question on screen but not answered when it ended
-- counts as not reached, so stopping never reveals its key).
function M.status(item)
  if #item.steps > 0 then return "answered" end
  if item.skipped then return "skipped" end
  return "not_reached"
end

function M.patient(s)
  return s.quiz.audience == "patient"
end

-- Confident mistakes: certainty 3 ("very sure") and not fully right.
function M.confident_mistake(item)
  return item.certainty == 3 and M.answered(item) and not util.is_right(M.fraction(item))
end

-- Totals over the attempt.
function M.totals(s)
  local score, max, topics, topic_order = 0, 0, {}, {}
  local cbm_items = {}
  for _, item in ipairs(s.items) do
    local pts = item.q.points
    local marks = M.grade(s, item) * pts
    item.marks = marks
    score = score + marks
    max = max + pts
    local t = topics[item.q.topic]
    if not t then
      t = { score = 0, max = 0 }
      topics[item.q.topic] = t
      topic_order[#topic_order + 1] = item.q.topic
    end
    t.score = t.score + marks
    t.max = t.max + pts
    cbm_items[#cbm_items + 1] = { fraction = M.fraction(item), mark = M.grade(s, item),
                                  weight = pts }
  end
  -- Topics in the order the quiz file first names them, whatever the shuffle.
  local rank = {}
  for i, q in ipairs(s.quiz.questions) do rank[q.topic] = rank[q.topic] or i end
  table.sort(topic_order, function(a, b) return rank[a] < rank[b] end)
  local percent = max > 0 and 100 * score / max or 0
  local extra = s.mode.summary and s.mode.summary(cbm_items) or nil
  local measure = extra and extra.accuracy or percent
  return {
    score = score, max = max, percent = percent, topics = topics,
    topic_order = topic_order, cbm = extra,
    passed = util.round(measure) >= s.settings.pass,
  }
end

-- ---- the front-end loop ----------------------------------------------

local report -- loaded lazily: report requires session

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

-- What to show now: {blocks, prompt}, or nil when the attempt is over.
function M.prompt(s)
  report = report or require("report")
  local item = current(s)
  if not item or s.quit then return nil end
  if s.phase == "certainty" then
    -- The question is said once; a re-ask shows only the prompt again.
    local blocks = {}
    if not item.certainty_asked then
      item.certainty_asked = true
      blocks = report.certainty_view(s)
    end
    return { blocks = blocks, prompt = "How sure? (1-3) " }
  end
  if s.phase == "pause" then
    return { blocks = {}, prompt = s.pos < #s.items and "Press Enter for the next question. "
             or "Press Enter to see how you did. " }
  end
  if s.phase == "assist" then
    return { blocks = M.assist_view(s), prompt = "Nurse> " }
  end
  if s.phase == "confirm" then
    return { blocks = { { kind = "text", text = "Stop the quiz now? Your answers so far " ..
                          "will be scored. (y/n)" } }, prompt = "> " }
  end
  -- After a re-ask (bad input, help, a hint) the question is still on the
  -- screen just above: show only the prompt again.
  local view = item.t.present(item.q, item.perm)
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

-- The feedback, then the next question; a patient first presses Enter, so
-- a slow reader sees the verdict before the next question pushes it away.
local function finish_item(s, item, out)
  if s.mode.immediate then
    for _, b in ipairs(report.feedback(s, item)) do out[#out + 1] = b end
    if M.patient(s) then
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

local function feed_certainty(s, item, line)
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
  return report.say(M.patient(s) and
    "Please type 1 (not sure), 2 (fairly sure) or 3 (very sure)." or
    "Please type 1, 2 or 3 (or unsure, mid, quite).")
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

-- Feed one line of input; returns the blocks to show.
function M.feed(s, line)
  report = report or require("report")
  local item = current(s)
  local out = {}
  if not item then return out end
  line = util.trim(line or "")
  if s.phase == "certainty" then return feed_certainty(s, item, line) end
  if s.phase == "pause" then
    if plain_reply(line) == "q" then
      ask_to_confirm(s)
      return out
    end
    advance(s)
    return out
  end
  if s.phase == "assist" then
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
  if s.phase == "confirm" then
    local a = line:lower()
    if a == "y" or a == "yes" then s.quit = true return out end
    s.phase = s.resume or "answer"
    -- Back where the learner was: the question (or "How sure?") again.
    if s.phase == "answer" then item.shown = false end
    if s.phase == "certainty" then item.certainty_asked = false end
    return report.say("Let's go on.")
  end
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
  local view = item.t.present(item.q, item.perm)
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
  M.record(s, item, line, response)
  if s.assist and item.t.assist_points then
    s.phase, s.assist_i, s.verdicts = "assist", 1, {}
    s.assisting = item.t.assist_points(item.q, response)
    return out
  end
  return M.after_answer(s, item, out)
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

-- After a try: another try, the certainty question, or the feedback.
function M.after_answer(s, item, out)
  if not M.settled(s, item) then
    return report.retry(s, item)
  end
  if M.asks_certainty(s) then
    s.phase = "certainty"
    return out
  end
  finish_item(s, item, out)
  return out
end

function M.shows_label(item, label)
  local view = item.t.present(item.q, item.perm)
  for _, block in ipairs(view.blocks or {}) do
    for _, it in ipairs(block.items or {}) do
      if it.label == label then return true end
    end
  end
  return false
end

-- End of input or a quit: what remains counts as unanswered.
function M.stop(s)
  s.quit = true
end

-- A new round with the questions not fully right, in practice mode, so
-- the learner can go over them again at once.
function M.missed_round(s)
  local again = {}
  for _, item in ipairs(s.items) do
    if not util.is_right(M.fraction(item)) then again[#again + 1] = item end
  end
  if #again == 0 then return nil end
  local r = {
    quiz = s.quiz, settings = s.settings, mode = M.mode_module("practice"),
    seed = s.seed + 1, learner = s.learner, items = {}, byid = {}, pos = 1,
    phase = "answer", round = (s.round or 1) + 1,
  }
  local g = rng.new(r.seed)
  for _, old in ipairs(again) do
    local item = { q = old.q, t = old.t, steps = {}, n = #r.items + 1,
                   file_index = old.file_index,
                   perm = old.t.shuffle(old.q, g:derive("perm:" .. old.q.id), s.settings.shuffle) }
    r.items[#r.items + 1] = item
    r.byid[old.q.id] = item
  end
  return r
end

return M
