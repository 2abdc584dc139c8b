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

local quiz_mod = require("quiz")
local rng = require("rng")
local util = require("util")

local M = {}

function M.mode_module(name)
  return require("modes." .. name)
end

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
    local item = { q = q, t = t, perm = perm, steps = {}, n = #s.items + 1 }
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
  return item.skipped or (last and (last.fraction >= 1 - 1e-9 or #item.steps >= M.tries(s)))
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

-- Confident mistakes: certainty 3 ("very sure") and not fully right.
function M.confident_mistake(item)
  return item.certainty == 3 and M.answered(item) and M.fraction(item) < 1 - 1e-9
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
    return { blocks = report.certainty_view(s, item), prompt = "How sure? (1-3) " }
  end
  if s.phase == "assist" then
    local p = s.assisting[s.assist_i]
    return { blocks = { { kind = "subheading", text = ("For the nurse — key point %d of %d")
                          :format(s.assist_i, #s.assisting) },
                        { kind = "text", text = p.says },
                        { kind = "text", text = p.engine and "teachback heard it." or
                          "teachback did not hear it." },
                        { kind = "hint", text = "Enter to agree, y if it was said, n if not." } },
             prompt = "Nurse> " }
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
  if item.shown then return { blocks = {}, prompt = prompt } end
  item.shown = true
  return { blocks = report.question_view(s, item), prompt = prompt,
           multiline = view.multiline or nil }
end

local function finish_item(s, item, out)
  if s.mode.immediate then
    for _, b in ipairs(report.feedback(s, item)) do out[#out + 1] = b end
  end
  advance(s)
end

local COMMANDS = { ["?"] = "help", s = "skip", q = "quit", h = "hint" }

-- Feed one line of input; returns the blocks to show.
function M.feed(s, line)
  report = report or require("report")
  local item = current(s)
  local out = {}
  if not item then return out end
  line = util.trim(line or "")
  if s.phase == "certainty" then
    local c = tonumber(line)
    if c ~= 1 and c ~= 2 and c ~= 3 then
      return report.certainty_view(s, item)
    end
    item.certainty = math.tointeger(c)
    finish_item(s, item, out)
    return out
  end
  if s.phase == "assist" then
    local p = s.assisting[s.assist_i]
    local a = line:lower()
    if a == "" then s.verdicts[p.id] = p.engine
    elseif a == "y" or a == "yes" then s.verdicts[p.id] = true
    elseif a == "n" or a == "no" then s.verdicts[p.id] = false
    else return report.say("Press Enter to agree, or type y (it was said) or n (it was not).") end
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
    s.phase = "answer"
    item.shown = false
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
    s.phase = "confirm"
    return out
  end
  if cmd == "skip" then
    item.skipped = true
    if s.mode.immediate then
      for _, b in ipairs(report.feedback(s, item)) do out[#out + 1] = b end
    end
    advance(s)
    return out
  end
  if cmd == "hint" then return report.hint(s, item) end
  if line == "" then
    return report.say("Please type an answer. " .. report.how(s, item) ..
                      " (? for help, s to skip)")
  end
  -- Blanks and grid rows may come one at a time: letters alone (no row
  -- number, no spaces) answer the part being asked.
  local view = item.t.present(item.q, item.perm)
  local row, letters = line:match("^(%d+)%s*[:=%.%)%-]?%s*(%a+)$")
  if view.parts and row and tonumber(row) == #(item.partial or {}) + 1 then
    line = letters        -- "2B" typed at "Blank 2 of 3 >"
  end
  if view.parts and line:match("^%a+$") then
    item.partial = item.partial or {}
    item.partial[#item.partial + 1] = line
    if #item.partial < view.parts.count then return out end
    local joined = {}
    for k, letters in ipairs(item.partial) do joined[k] = k .. letters end
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
    if M.fraction(item) < 1 - 1e-9 then again[#again + 1] = item end
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
                   perm = old.t.shuffle(old.q, g:derive("perm:" .. old.q.id), s.settings.shuffle) }
    r.items[#r.items + 1] = item
    r.byid[old.q.id] = item
  end
  return r
end

return M
