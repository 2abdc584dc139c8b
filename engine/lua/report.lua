-- report.lua: what the learner sees of an attempt, as views.
--
-- A view is a list of blocks, each {kind = ..., text = ...} of the kinds
-- contracts.BLOCKS documents; the terminal (term.c) wraps and styles them,
-- a web page (webpage.lua) renders the same list.  The words are all here
-- and in the modes and types; a front end only draws.  Words always say
-- right or wrong; colour only repeats it.  It reads the attempt
-- (attempt.lua) and never the dialogue.

local attempt = require("attempt")
local material = require("material")
local util = require("util")

local M = {}

local function patient(s)
  return s.quiz.audience == "patient"
end

-- Numbers people read: at most two decimals (the JSON keeps four).
M.num = util.num

-- The words a front end shows with a note's mark and on a warning box
-- (colour and symbols only repeat them).
M.NOTE_WORDS = { right = "right", missed = "missed", notquite = "not quite", wrong = "wrong" }
M.WARNING = "Important"
-- A red flag answered right is said again, not warned of: the what-to-do
-- shows after every answer, so a verdict the judgement got wrong never
-- hides it.
M.REMINDER = "Remember"

function M.say(text)
  return { { kind = "text", text = text } }
end

function M.how(s, item)
  local view = attempt.presented(item)
  return view.how or ""
end

function M.question_view(s, item)
  local view = attempt.presented(item)
  local out = {}
  local head = ("Question %d of %d"):format(item.n, #s.items)
  -- A running score suits students (if the mode keeps one); a patient's
  -- check is not a test.
  if s.mode.running_score and item.n > 1 and not patient(s) then
    local got, max = 0, 0
    for i = 1, item.n - 1 do
      got = got + attempt.grade(s, s.items[i]) * s.items[i].q.points
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
                                                                     attempt.tries(s)) }
  end
  if view.how then out[#out + 1] = { kind = "hint", text = view.how } end
  return out
end

-- The certainty levels in words, as the question says them and a front
-- end with buttons labels them.
M.CERTAINTY_WORDS = {
  patient = { "Not sure", "Fairly sure", "Very sure" },
  student = { "Unsure", "Mid", "Quite sure" },
}

-- "How sure are you?": one text block, whose `choices` ({value, text,
-- marks}) let a front end with buttons draw the same three levels, with
-- what each earns where the mode gives certainty marks.
function M.certainty_view(s)
  local words = M.CERTAINTY_WORDS[patient(s) and "patient" or "student"]
  local marks = s.mode.certainty_marks
  local choices = {}
  for c = 1, 3 do
    choices[c] = { value = c, text = words[c], marks = marks and marks[c] or nil }
  end
  if patient(s) then
    return { { kind = "text", choices = choices, text = "How sure are you? 1 = not sure, " ..
               "2 = fairly sure, 3 = very sure." } }
  end
  return { { kind = "text", choices = choices,
             text = "How sure are you? 1 unsure, 2 mid, 3 quite sure." } }
end

-- "?" at "How sure?": what the numbers mean, and what they cost.
function M.certainty_help(s)
  return M.say(s.mode.certainty_help)
end

-- Does the mode offer this action at a question ("hint")?  Front ends ask
-- this, not the mode's name.
function M.offers(s, action)
  for _, c in ipairs(s.mode.commands) do
    if c.action == action then return true end
  end
  return false
end

function M.help(s, item)
  local said = util.map(s.mode.commands, function(c) return c.key .. " " .. c.says end)
  local lines = { M.how(s, item), "Commands: " .. table.concat(said, ", ") .. "." }
  return util.map(lines, function(t) return { kind = "text", text = t } end)
end

-- "h": the next hint not yet shown, one before the first try and one more
-- with each wrong try; each is shown once.  Hints cost nothing: only a new
-- try does.
function M.hint(s, item)
  local hints = item.q.hints or {}
  if not M.offers(s, "hint") or #hints == 0 then
    return M.say("No hint for this question.")
  end
  local seen = item.hints_seen or 0
  local open = math.min(math.max(#item.steps, 1), #hints)
  if seen >= open then
    return M.say(seen >= #hints and "No more hints for this question." or
                 "No more hints until your next try.")
  end
  item.hints_seen = seen + 1
  return M.say(("Hint: %s (Hints cost no marks.)"):format(hints[seen + 1]))
end

function M.retry(s, item)
  local left = attempt.tries(s) - #item.steps
  local out = { { kind = "verdict", ok = false,
                  text = patient(s) and "Not quite yet." or "Not right yet." } }
  local hints = item.q.hints or {}
  -- After a wrong try, the next hint not yet seen (h may have shown one).
  local seen = item.hints_seen or 0
  if hints[seen + 1] then
    item.hints_seen = seen + 1
    out[#out + 1] = { kind = "text", text = "Hint: " .. hints[seen + 1] }
  end
  if s.mode.retry_note then
    out[#out + 1] = { kind = "text", text = s.mode.retry_note(s, left) }
  end
  return out
end

local function verdict(s, item)
  local f = attempt.fraction(item)
  if not attempt.answered(item) then
    return "unanswered", "Skipped — here is the answer."
  end
  if util.is_right(f) then
    return "right", patient(s) and "That's right." or "Correct."
  end
  if util.has_credit(f) then
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

local unsafe = attempt.unsafe

function M.safety_box(item, label)
  local last = item.steps[#item.steps]
  local todo = unsafe(item) and item.t.safety_text and item.t.safety_text(item.q, last.response)
  return { kind = "box", label = label or M.WARNING, text = item.q.safety_message or todo or
           "This can be a warning sign. If it happens, call your care team right away." }
end

-- Do the notes spell out the right answer already (each key point of a
-- teach-back, the one option of a single choice)?  Then it is said once.
local function notes_say(answer, notes)
  local texts, len = {}, -1
  for _, note in ipairs(notes) do
    if note.mark == "right" or note.mark == "missed" then
      if note.text == answer then return true end
      texts[#texts + 1] = note.text
      len = len + #note.text + 1
    end
  end
  if #texts == 0 or len ~= #answer then return false end
  for _, t in ipairs(texts) do
    if not answer:find(t, 1, true) then return false end
  end
  return true
end

-- Feedback after a question (or, with review, in the exam's review): the
-- verdict, what was right and missed, the explanation, each cited passage
-- once, and the warning of a red flag.
function M.feedback(s, item, review)
  local out = {}
  local v, text = verdict(s, item)
  -- A skipped question is neither right nor wrong: no cross for it.
  out[#out + 1] = { kind = "verdict", ok = (v == "right") or
                    ((v == "partial" or v == "unanswered") and "partial") or false, text = text }
  local last = item.steps[#item.steps]
  local ex = item.t.explain(item.q, last and last.response)
  local notes = ex.notes or {}
  if last then
    local shown = item.t.show(item.q, last.response)
    local said = false
    for _, note in ipairs(notes) do said = said or note.text == shown end
    -- Own words typed just above need no echo, except in a later review.
    local typed_above = attempt.presented(item).multiline and not review
    if not said and not typed_above then
      out[#out + 1] = { kind = "text", text = "Your answer: " .. shown }
    end
  end
  if v ~= "right" and ex.answer and not notes_say(ex.answer, notes) then
    out[#out + 1] = { kind = "text", text = "Right answer: " .. ex.answer }
  end
  local sections, quoted = {}, {}
  local function cite(sec, quote)
    if sec and not quoted[sec] then
      quoted[sec] = true
      sections[#sections + 1] = { kind = "passage", title = sec.title,
                                  text = material.passage(sec, quote) }
    end
  end
  -- The question's own quote first; a note's section only if it is another.
  cite(item.q._section, item.q.quote)
  for _, note in ipairs(notes) do
    -- Patients hear "not quite" rather than "wrong", in plain text too.
    local mark = (patient(s) and note.mark == "wrong") and "notquite" or note.mark
    out[#out + 1] = { kind = "note", mark = mark, word = M.NOTE_WORDS[mark] or "wrong",
                      text = note.text .. (note.feedback and (" — " .. note.feedback) or "") }
    cite(note.section, nil)
  end
  for _, line in ipairs(s.mode.feedback_lines(s, item)) do
    out[#out + 1] = { kind = "text", text = line }
  end
  out[#out + 1] = { kind = "text", text = item.q.explain }
  for _, p in ipairs(sections) do out[#out + 1] = p end
  if (item.q.safety and v ~= "right") or unsafe(item) then
    out[#out + 1] = M.safety_box(item)
  elseif item.q.safety then
    out[#out + 1] = M.safety_box(item, M.REMINDER)
  end
  return out
end

-- The title of a missed-questions round.
function M.round_intro(s)
  return { { kind = "title", text = ("Going over the missed questions (round %d)")
             :format(s.round or 2) } }
end

-- How the mode works, said once before the first question.
function M.mode_intro(s)
  return s.mode.intro(s)
end

-- "targeted-therapy" -> "Targeted therapy".
function M.topic_name(t)
  local words = t:gsub("%-", " ")
  return words:sub(1, 1):upper() .. words:sub(2)
end

-- How many questions were answered, skipped and never reached.
function M.counts(s)
  local c = { answered = 0, skipped = 0, not_reached = 0, right = 0 }
  for _, item in ipairs(s.items) do
    local st = attempt.status(item)
    c[st] = c[st] + 1
    if util.is_right(attempt.fraction(item)) then c.right = c.right + 1 end
  end
  return c
end

-- "You answered 6 of 9 and skipped 3."  Skips are not answers.
local function counts_line(s, c)
  local n = #s.items
  local text
  if c.answered == n then
    text = n == 1 and "You answered the question." or ("You answered all %d questions."):format(n)
  else
    text = ("You answered %d of %d"):format(c.answered, n)
    text = text .. (c.skipped > 0 and (" and skipped %d."):format(c.skipped) or ".")
  end
  if c.not_reached > 0 then
    text = text .. (" You stopped before the last %s."):format(
      c.not_reached == 1 and "one" or util.plural(c.not_reached, "question"))
  end
  return text
end

-- Topic lines.  Patients and cbm see how many questions were right (of
-- those reached, for patients); practice and exam students see points.
local function topic_bars(s, tot, out)
  local count = patient(s) or tot.cbm
  local per = {}
  for _, item in ipairs(s.items) do
    local t = item.q.topic
    per[t] = per[t] or { right = 0, n = 0, marks = 0 }
    if not patient(s) or attempt.status(item) ~= "not_reached" then
      per[t].n = per[t].n + 1
      -- A patient counts whole questions right; cbm's accuracy counts parts.
      local f = attempt.fraction(item)
      per[t].right = per[t].right + (tot.cbm and f or (util.is_right(f) and 1 or 0))
    end
    per[t].marks = per[t].marks + (item.marks or 0)
  end
  out[#out + 1] = { kind = "subheading", text = "By topic" }
  for _, t in ipairs(tot.topic_order) do
    local x, p = tot.topics[t], per[t]
    if count and p.n > 0 then
      out[#out + 1] = { kind = "bar", label = M.topic_name(t), value = p.right, max = p.n,
                        text = ("%s of %s%s"):format(M.num(p.right), M.num(p.n),
                          tot.cbm and (" (%s %s)"):format(M.num(p.marks),
                            math.abs(p.marks) == 1 and "mark" or "marks") or "") }
    elseif not count then
      out[#out + 1] = { kind = "bar", label = M.topic_name(t), value = math.max(x.score, 0),
                        max = x.max, text = ("%s / %s"):format(M.num(x.score), M.num(x.max)) }
    end
  end
end

-- The end: how it went, topics, what to re-read.
function M.summary(s)
  local tot = attempt.totals(s)
  local c = M.counts(s)
  local out = { { kind = "heading", text = "Your results" } }
  if c.answered + c.skipped == 0 then
    out[#out + 1] = { kind = "text", text = "You stopped before the first question. " ..
                      "Come back any time." }
    return out
  end
  out[#out + 1] = { kind = "text", text = counts_line(s, c) }
  -- The score, as the mode says it (for patients none: counts only).
  for _, line in ipairs(s.mode.summary_lines(s, tot)) do
    out[#out + 1] = { kind = "text", text = line }
  end
  if c.not_reached > 0 and not patient(s) then
    out[#out + 1] = { kind = "text", text = ("%s not reached: %s as unanswered, and %s " ..
      "not shown."):format(util.plural(c.not_reached, "question"),
      c.not_reached == 1 and "it counts" or "they count",
      c.not_reached == 1 and "its answer is" or "their answers are") }
  end
  topic_bars(s, tot, out)
  -- Questions never reached (the learner stopped early) are not "missed".
  local confident, missed = {}, {}
  for _, item in ipairs(s.items) do
    if attempt.confident_mistake(item) then confident[#confident + 1] = item
    elseif attempt.status(item) ~= "not_reached" and not util.is_right(attempt.fraction(item)) then
      missed[#missed + 1] = item
    end
  end
  -- What to re-read: each cited section once (under the first heading that
  -- names it), with how many questions sent the learner there.
  local listed = {}
  local function sections(items)
    local order, count = {}, {}
    for _, item in ipairs(items) do
      local src = item.q.source
      if not listed[src] then
        if not count[src] then
          order[#order + 1] = item
          count[src] = 0
        end
        count[src] = count[src] + 1
      end
    end
    for src in pairs(count) do listed[src] = true end
    return util.map(order, function(item)
      local sec = item.q._section
      local title = sec and ("\"%s\""):format(sec.title) or item.q.source
      -- Patients (and screen readers) get the title alone; students also
      -- the id that finds it in the material.
      if sec and not patient(s) then title = title .. (" (%s)"):format(item.q.source) end
      return { kind = "bullet", text = ("%s — %s"):format(title,
        util.plural(count[item.q.source], "question")) }
    end)
  end
  local first = sections(confident)
  if #first > 0 then
    out[#out + 1] = { kind = "subheading", text = patient(s) and
                      "You were very sure, but not right — please go over these first" or
                      "Confident mistakes — re-read these first" }
    for _, b in ipairs(first) do out[#out + 1] = b end
  end
  local again = sections(missed)
  if #again > 0 then
    out[#out + 1] = { kind = "subheading", text = patient(s) and
                      (#first > 0 and "Other topics to go over again" or "Topics to go over again")
                      or "Missed — what to re-read" }
    for _, b in ipairs(again) do out[#out + 1] = b end
  end
  local safety = M.safety_items(s)
  if patient(s) then
    out[#out + 1] = { kind = "text", text = "If anything here worries you, talk to your " ..
                      "nurse or care team. You can ask them to explain it again." }
  end
  -- Each warning once, even when two questions carry the same message,
  -- and all in one box: three boxes' borders alone would take six rows.
  local said, texts = {}, {}
  for _, item in ipairs(safety) do
    local text = M.safety_box(item).text
    if not said[text] then
      said[text] = true
      texts[#texts + 1] = text
    end
  end
  if #texts > 0 then
    out[#out + 1] = { kind = "box", label = M.WARNING, text = table.concat(texts, "\n\n") }
  end
  return out
end

M.safety_items = attempt.safety_items

-- The review of one question: its text and feedback.
function M.review_item(s, item)
  local view = item.t.present(item.q, nil)
  local out = { { kind = "heading", text = ("Question %d of %d"):format(item.n, #s.items) },
                { kind = "text", text = view.prompt } }
  for _, b in ipairs(M.feedback(s, item, true)) do out[#out + 1] = b end
  return out
end

-- The review, one view per question answered or skipped.  A question never
-- reached is named, never answered: an ended exam must not become its key.
function M.review_pages(s)
  local pages, skipped = {}, {}
  for _, item in ipairs(s.items) do
    if attempt.status(item) == "not_reached" then
      skipped[#skipped + 1] = item.n
    else
      pages[#pages + 1] = M.review_item(s, item)
    end
  end
  if #skipped > 0 then
    local list = #skipped == 1 and ("Question %d was"):format(skipped[1]) or
      (skipped[#skipped] - skipped[1] + 1 == #skipped and
       ("Questions %d to %d were"):format(skipped[1], skipped[#skipped]) or
       ("Questions %s were"):format(table.concat(skipped, ", ")))
    local last = pages[#pages] or {}
    last[#last + 1] = { kind = "text", text = list .. " not reached; their answers are " ..
                        "not shown." }
    pages[#pages] = last
  end
  return pages
end

-- Every question reached with its feedback, in one view (the batch report).
function M.review(s)
  local out = {}
  for _, page in ipairs(M.review_pages(s)) do
    for _, b in ipairs(page) do out[#out + 1] = b end
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

-- The result object is the attempt's (attempt.result): data, not a view.
M.result = attempt.result

return M
