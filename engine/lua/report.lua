-- report.lua: what the learner sees, as views, and the result object.
--
-- A view is a list of blocks, each {kind = ..., text = ...}; the terminal
-- (term.c) wraps and styles them, and a web page could render the same
-- list.  Kinds: title, heading, text, item {label}, verdict {ok}, note
-- {mark}, passage {title}, box, bar {value, max}, blank.  Words always say
-- right or wrong; colour only repeats it.

local json = require("json")
local material = require("material")
local session = require("session")
local util = require("util")

local M = {}

local function patient(s)
  return s.quiz.audience == "patient"
end

-- Numbers people read: at most two decimals (the JSON keeps four).
function M.num(x)
  local r = math.floor(x * 100 + 0.5) / 100
  return util.fmt_num(r)
end

function M.say(text)
  return { { kind = "text", text = text } }
end

function M.how(s, item)
  local view = item.t.present(item.q, item.perm)
  return view.how or ""
end

function M.question_view(s, item)
  local view = item.t.present(item.q, item.perm)
  local out = {}
  local head = ("Question %d of %d"):format(item.n, #s.items)
  -- A running score suits students; a patient's check is not a test, and
  -- under cbm marks and points are different scales.
  if s.mode.immediate and item.n > 1 and not patient(s) and s.mode.name ~= "cbm" then
    local got, max = 0, 0
    for i = 1, item.n - 1 do
      got = got + session.grade(s, s.items[i]) * s.items[i].q.points
      max = max + s.items[i].q.points
    end
    head = head .. (" · score so far %s of %s"):format(M.num(got), M.num(max))
  end
  if s.learner then head = head .. " · " .. s.learner end
  out[#out + 1] = { kind = "heading", text = head }
  out[#out + 1] = { kind = "text", text = view.prompt }
  for _, block in ipairs(view.blocks or {}) do
    if block.title then out[#out + 1] = { kind = "subheading", text = block.title } end
    for _, it in ipairs(block.items) do
      out[#out + 1] = { kind = "item", label = it.label, text = it.text }
    end
  end
  if #item.steps > 0 then
    out[#out + 1] = { kind = "text", text = ("Try %d of %d."):format(#item.steps + 1,
                                                                     session.tries(s)) }
  end
  if view.how then out[#out + 1] = { kind = "hint", text = view.how } end
  return out
end

function M.certainty_view(s)
  if patient(s) then
    return { { kind = "text", text = "How sure are you? 1 = not sure, 2 = fairly sure, " ..
               "3 = very sure." } }
  end
  return { { kind = "text", text = "How sure are you? 1 unsure, 2 mid, 3 quite sure." } }
end

function M.help(s, item)
  local lines = {
    M.how(s, item),
    "Commands: ? help, s skip this question, q stop the quiz" ..
      (s.mode.name == "adaptive" and ", h a hint" or "") .. ".",
  }
  return util.map(lines, function(t) return { kind = "text", text = t } end)
end

function M.hint(s, item)
  local hints = item.q.hints or {}
  local used = math.max(#item.steps, 1)
  local h = hints[math.min(used, #hints)]
  if s.mode.name ~= "adaptive" or not h then
    return M.say("No hint for this question.")
  end
  return { { kind = "text", text = "Hint: " .. h } }
end

function M.retry(s, item)
  local left = session.tries(s) - #item.steps
  local out = { { kind = "verdict", ok = false,
                  text = patient(s) and "Not quite yet." or "Not right yet." } }
  local hints = item.q.hints or {}
  local h = hints[#item.steps]          -- each hint once; none repeats
  if h then out[#out + 1] = { kind = "text", text = "Hint: " .. h } end
  local pen = s.settings.penalty or 1 / 3
  out[#out + 1] = { kind = "text", text = ("%s left. Each new try costs %s of the marks.")
                    :format(util.plural(left, "try", "tries"), pen == 1 / 3 and "a third" or
                            util.fmt_num(pen * 100) .. "%") }
  return out
end

local function verdict(s, item)
  local f = session.fraction(item)
  if not session.answered(item) then
    return "unanswered", patient(s) and "Skipped — here is the answer." or "Unanswered."
  end
  if f >= 1 - 1e-9 then
    return "right", patient(s) and "That's right." or "Correct."
  end
  if f > 1e-9 then
    return "partial", patient(s) and "Partly right — here is the rest." or
      ("Partly correct (%s of %s)."):format(M.num(f * item.q.points),
                                            M.num(item.q.points))
  end
  return "wrong", patient(s) and "Not quite — here is why." or "Incorrect."
end

-- The cited passage under its section title.
function M.passage(item)
  local sec = item.q._section
  if not sec then return nil end
  return { kind = "passage", title = sec.title, text = material.passage(sec, item.q.quote) }
end

function M.safety_box(item)
  return { kind = "box", text = item.q.safety_message or
           "This can be a warning sign. If it happens, call your care team right away." }
end

-- Feedback after a question (or in the final review).
function M.feedback(s, item)
  local out = {}
  local v, text = verdict(s, item)
  -- A skipped question is neither right nor wrong: no cross for it.
  out[#out + 1] = { kind = "verdict", ok = (v == "right") or
                    ((v == "partial" or v == "unanswered") and "partial") or false, text = text }
  local last = item.steps[#item.steps]
  if last then
    out[#out + 1] = { kind = "text", text = "Your answer: " .. item.t.show(item.q, last.response) }
  end
  local ex = item.t.explain(item.q, last and last.response)
  if v ~= "right" and ex.answer then
    out[#out + 1] = { kind = "text", text = "Right answer: " .. ex.answer }
  end
  for _, note in ipairs(ex.notes or {}) do
    -- Patients hear "not quite" rather than "wrong", in plain text too.
    out[#out + 1] = { kind = "note", mark = (patient(s) and note.mark == "wrong") and
                      "notquite" or note.mark,
                      text = note.text .. (note.feedback and (" — " .. note.feedback) or "") }
    if note.section then
      out[#out + 1] = { kind = "passage", title = note.section.title,
                        text = material.passage(note.section, nil) }
    end
  end
  if s.mode.name == "adaptive" and #item.steps > 1 then
    out[#out + 1] = { kind = "text", text = ("Took %d tries: %s of %s marks."):format(
      #item.steps, M.num(session.grade(s, item) * item.q.points),
      M.num(item.q.points)) }
  end
  if s.mode.name == "cbm" and last then
    out[#out + 1] = { kind = "text", text = ("Certainty %d: %s marks."):format(
      item.certainty or 1, util.fmt_num(session.grade(s, item) * item.q.points)) }
  end
  out[#out + 1] = { kind = "text", text = item.q.explain }
  local p = M.passage(item)
  if p then out[#out + 1] = p end
  if item.q.safety and v ~= "right" then out[#out + 1] = M.safety_box(item) end
  return out
end

-- How the mode works, said once before the first question.
function M.mode_intro(s)
  local name = s.mode.name
  if name == "cbm" then
    return "Certainty-based marking: after each answer, say how sure you are. " ..
      "1 unsure: right +1, wrong 0. 2 mid: right +2, wrong -2. 3 quite sure: " ..
      "right +3, wrong -6. Choose 3 only when you are more than 80% sure."
  elseif name == "adaptive" then
    return ("You get %s at each question, with a hint after a wrong try. Each new try " ..
      "costs %s of the marks."):format(util.plural(session.tries(s), "try", "tries"),
      (s.settings.penalty or 1 / 3) == 1 / 3 and "a third" or
      util.fmt_num(100 * s.settings.penalty) .. "%")
  elseif name == "exam" then
    return "Exam: no feedback until the end, then a full review."
  end
  return patient(s) and "After each answer you will see why, and where to read more." or
    "Practice: feedback and explanation after each question."
end

-- "targeted-therapy" -> "Targeted therapy".
function M.topic_name(t)
  local words = t:gsub("%-", " ")
  return words:sub(1, 1):upper() .. words:sub(2)
end

-- The end: score, topics, what to re-read.
function M.summary(s)
  local tot = session.totals(s)
  local out = { { kind = "heading", text = "Your results" } }
  local pct = util.fmt_num(tot.percent)
  local reached, right = 0, 0
  for _, item in ipairs(s.items) do
    if session.answered(item) or item.skipped then reached = reached + 1 end
    if session.fraction(item) >= 1 - 1e-9 then right = right + 1 end
  end
  if patient(s) then
    -- For patients a check of how well we explained, not a grade: counts,
    -- never a percentage.
    out[#out + 1] = { kind = "text", text = ("You answered %d of %d questions. %d %s " ..
      "fully right."):format(reached, #s.items, right, right == 1 and "was" or "were") }
  else
    out[#out + 1] = { kind = "text", text = ("Score: %s / %s (%s%%) — %s (pass mark %s%%).")
      :format(M.num(tot.score), M.num(tot.max), M.num(tot.percent),
              tot.passed and "passed" or "not passed", util.fmt_num(s.settings.pass)) }
  end
  if tot.cbm then
    out[#out + 1] = { kind = "text", text = ("Accuracy %s%%, average certainty-based mark %s, " ..
      "bonus %s%%, certainty-based accuracy %s%%."):format(util.fmt_num(tot.cbm.accuracy),
      util.fmt_num(tot.cbm.average), util.fmt_num(tot.cbm.bonus),
      util.fmt_num(tot.cbm.cb_accuracy)) }
  end
  out[#out + 1] = { kind = "subheading", text = "By topic" }
  for _, t in ipairs(tot.topic_order) do
    local x = tot.topics[t]
    out[#out + 1] = { kind = "bar", label = M.topic_name(t), value = math.max(x.score, 0),
                      max = x.max,
                      text = ("%s / %s"):format(M.num(x.score), M.num(x.max)) }
  end
  -- Questions never reached (the learner stopped early) are not "missed".
  local confident, missed = {}, {}
  for _, item in ipairs(s.items) do
    if session.confident_mistake(item) then confident[#confident + 1] = item
    elseif (session.answered(item) or item.skipped or not s.quit) and
           session.fraction(item) < 1 - 1e-9 then
      missed[#missed + 1] = item
    end
  end
  if reached < #s.items and s.quit then
    out[#out + 1] = { kind = "text", text = ("%s not reached; they count as unanswered.")
                      :format(util.plural(#s.items - reached, "question")) }
  end
  -- What to re-read: each cited section once, with how many questions sent
  -- the learner there, in the order the questions came.
  local function sections(items)
    local order, count = {}, {}
    for _, item in ipairs(items) do
      local src = item.q.source
      if not count[src] then
        order[#order + 1] = item
        count[src] = 0
      end
      count[src] = count[src] + 1
    end
    return util.map(order, function(item)
      local sec = item.q._section
      return { kind = "bullet", text = ("\"%s\" (%s) — %s"):format(
        sec and sec.title or item.q.source, item.q.source,
        util.plural(count[item.q.source], "question")) }
    end)
  end
  if #confident > 0 then
    out[#out + 1] = { kind = "subheading", text = patient(s) and
                      "You were very sure, but not right — please go over these first" or
                      "Confident mistakes — re-read these first" }
    for _, b in ipairs(sections(confident)) do out[#out + 1] = b end
  end
  if #missed > 0 then
    out[#out + 1] = { kind = "subheading", text = patient(s) and "Topics to go over again" or
                      "Missed — what to re-read" }
    for _, b in ipairs(sections(missed)) do out[#out + 1] = b end
  end
  local safety = M.safety_items(s)
  if patient(s) then
    out[#out + 1] = { kind = "text", text = "If anything here worries you, talk to your " ..
                      "nurse or care team. You can ask them to explain it again." }
  end
  -- Each warning once, even when two questions carry the same message.
  local said = {}
  for _, item in ipairs(safety) do
    local box = M.safety_box(item)
    if not said[box.text] then
      said[box.text] = true
      out[#out + 1] = box
    end
  end
  return out
end

-- Red-flag questions the learner answered wrongly or skipped (questions
-- never reached are not called out: the learner never saw them).
function M.safety_items(s)
  local out = {}
  for _, item in ipairs(s.items) do
    if item.q.safety and (session.answered(item) or item.skipped) and
       session.fraction(item) < 1 - 1e-9 then
      out[#out + 1] = item
    end
  end
  return out
end

-- Every question with its feedback: the exam's review, the batch report.
function M.review(s)
  local out = {}
  for _, item in ipairs(s.items) do
    local view = item.t.present(item.q, nil)
    out[#out + 1] = { kind = "heading", text = ("Question %d of %d"):format(item.n, #s.items) }
    out[#out + 1] = { kind = "text", text = view.prompt }
    for _, b in ipairs(M.feedback(s, item)) do out[#out + 1] = b end
  end
  return out
end

-- The whole batch report: title, review, then the end.
function M.full(s)
  local out = { { kind = "title", text = s.quiz.title } }
  for _, b in ipairs(M.review(s)) do out[#out + 1] = b end
  for _, b in ipairs(M.summary(s)) do out[#out + 1] = b end
  return out
end

-- The result object (DESIGN.md "Result JSON"), keys in a fixed order.
function M.result(s)
  local tot = session.totals(s)
  local topics = {}
  for _, t in ipairs(tot.topic_order) do
    topics[t] = json.object({ "score", "max" }, { score = util.round(tot.topics[t].score),
                                                 max = util.round(tot.topics[t].max) })
  end
  local questions, confident = {}, {}
  local safety = util.map(M.safety_items(s), function(item) return item.q.id end)
  for _, item in ipairs(s.items) do
    local last = item.steps[#item.steps]
    local response = util.null
    if last then response = item.t.encode(item.q, last.response) end
    local q = {
      id = item.q.id, type = item.q.type, topic = item.q.topic, response = response,
      score = util.round(item.marks), max = util.round(item.q.points),
      correct = session.fraction(item) >= 1 - 1e-9,
    }
    local keys = { "id", "type", "topic", "response", "score", "max", "correct" }
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
    if session.confident_mistake(item) then confident[#confident + 1] = item.q.id end
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
  if tot.cbm then
    r.cbm = json.object({ "accuracy", "average", "bonus", "cb_accuracy" }, {
      accuracy = util.round(tot.cbm.accuracy), average = util.round(tot.cbm.average),
      bonus = util.round(tot.cbm.bonus), cb_accuracy = util.round(tot.cbm.cb_accuracy) })
    keys[#keys + 1] = "cbm"
  end
  return json.object(keys, r)
end

return M
