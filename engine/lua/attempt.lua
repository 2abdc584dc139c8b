-- attempt.lua: one attempt at a quiz, as data.
--
-- It draws and orders the questions from the seed, runs question scripts,
-- keeps every step the learner took (not only the final mark), lets the
-- mode decide tries, certainty and marks, and builds the totals and the
-- result object.  It knows nothing of lines, prompts or screens: a
-- dialogue (dialogue.lua at the terminal, a web page's form posts) or an
-- answers file (answers.lua) records steps into it, and the views
-- (report.lua) read it.  session.lua puts the two together under the name
-- the rest of the engine uses, with replay.
--
-- The attempt's own fields: quiz, settings, mode, seed, learner, assist,
-- round, items (each: q, t, perm, presented, steps {input, response, fraction},
-- n, file_index, skipped, certainty, marks), byid, pos (the question the
-- attempt is at), quit.  Everything else on the table is the dialogue's.

local json = require("json")
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
    -- phase: where a dialogue over the attempt starts (dialogue.lua).
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

-- The question as its type presents it (prompt, blocks, how, parts,
-- multiline): made once per item, since a type's present depends only on
-- the question and the shown order.  The dialogue, the views and a web
-- page's form all read this one.
function M.presented(item)
  local view = item.presented
  if not view then
    view = item.t.present(item.q, item.perm)
    item.presented = view
  end
  return view
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
  local summary = s.mode.summary
  for _, item in ipairs(s.items) do
    local pts = item.q.points
    local mark = M.grade(s, item)
    local marks = mark * pts
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
    -- (Only a mode with a summary reads them: cbm.)
    if summary then
      cbm_items[#cbm_items + 1] = { fraction = M.fraction(item), mark = mark, weight = pts }
    end
  end
  -- Topics in the order the quiz file first names them, whatever the shuffle.
  local rank = {}
  for i, q in ipairs(s.quiz.questions) do rank[q.topic] = rank[q.topic] or i end
  table.sort(topic_order, function(a, b) return rank[a] < rank[b] end)
  local percent = max > 0 and 100 * score / max or 0
  local extra = summary and summary(cbm_items) or nil
  local measure = extra and extra.accuracy or percent
  return {
    score = score, max = max, percent = percent, topics = topics,
    topic_order = topic_order, cbm = extra,
    passed = util.round(measure) >= s.settings.pass,
  }
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

-- ---- the result -------------------------------------------------------

-- An answer that leaves an act-now point unclear (a teach-back's urgent
-- key point): a red flag whatever the rest of the score.
function M.unsafe(item)
  local last = item.steps[#item.steps]
  return item.t.unsafe and last and item.t.unsafe(item.q, last.response) or false
end

-- Red-flag questions the learner answered wrongly or skipped (questions
-- never reached are not called out: the learner never saw them).
function M.safety_items(s)
  local out = {}
  for _, item in ipairs(s.items) do
    if (item.q.safety and M.status(item) ~= "not_reached" and
        not util.is_right(M.fraction(item))) or M.unsafe(item) then
      out[#out + 1] = item
    end
  end
  return out
end

-- The result object (DESIGN.md "Result JSON"), keys in a fixed order.
function M.result(s)
  local tot = M.totals(s)
  local topics = {}
  for _, t in ipairs(tot.topic_order) do
    topics[t] = json.object({ "score", "max" }, { score = util.round(tot.topics[t].score),
                                                 max = util.round(tot.topics[t].max) })
  end
  local questions, confident = {}, {}
  local safety = util.map(M.safety_items(s), function(item) return item.q.id end)
  -- Quiz-file order whatever the shuffle, so results of many learners line
  -- up; shown_as keeps the place each question had in this attempt.
  -- (Each item's file_index is its own, 1..#questions: placed, not sorted,
  -- where a sort with a Lua comparison cost 3,000 instructions an item.)
  local at, in_file = {}, {}
  for _, item in ipairs(s.items) do at[item.file_index] = item end
  for i = 1, #s.quiz.questions do in_file[#in_file + 1] = at[i] end
  for _, item in ipairs(in_file) do
    local last = item.steps[#item.steps]
    local response = util.null
    if last then response = item.t.encode(item.q, last.response) end
    local q = {
      id = item.q.id, type = item.q.type, topic = item.q.topic, shown_as = item.n,
      status = M.status(item), response = response,
      score = util.round(item.marks), max = util.round(item.q.points),
      correct = util.is_right(M.fraction(item)),
    }
    local keys = { "id", "type", "topic", "shown_as", "status", "response", "score", "max",
                   "correct" }
    if #item.steps > 1 then
      q.tries = util.map(item.steps, function(st) return item.t.encode(item.q, st.response) end)
      keys[#keys + 1] = "tries"
    end
    if item.certainty then
      q.certainty = item.certainty
      keys[#keys + 1] = "certainty"
    end
    -- A type may add its own fields (teach-back: covered, missed, ...).
    if last and item.t.details then
      local extra, order = item.t.details(item.q, last.response)
      for _, k in ipairs(order or {}) do
        q[k] = extra[k]
        keys[#keys + 1] = k
      end
    end
    for _, k in ipairs(item.extra_keys or {}) do
      q[k] = item.extra[k]
      keys[#keys + 1] = k
    end
    questions[#questions + 1] = json.object(keys, q)
    if M.confident_mistake(item) then confident[#confident + 1] = item.q.id end
  end
  local r = {
    quiz = s.quiz.id, version = s.quiz.version, mode = s.mode.name, seed = s.seed,
    learner = s.learner or util.null, score = util.round(tot.score),
    max = util.round(tot.max), percent = util.round(tot.percent), passed = tot.passed,
    topics = json.object(tot.topic_order, topics), questions = json.array(questions),
    confident_mistakes = json.array(confident), safety = json.array(safety),
  }
  local keys = { "quiz", "version", "mode", "seed", "learner", "score", "max", "percent",
                 "passed", "topics", "questions", "confident_mistakes", "safety" }
  -- The mode's own fields (cbm: its accuracy and bonus).
  local mkeys, mvalues = s.mode.result_fields(s, tot)
  for _, k in ipairs(mkeys) do
    r[k] = mvalues[k]
    keys[#keys + 1] = k
  end
  return json.object(keys, r)
end

return M
