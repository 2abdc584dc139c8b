-- formats/moodlexml.lua: Moodle XML, both ways.
--
-- Export writes every type Moodle has natively: single and multiple as
-- multichoice (multiple with the weights of common.multiple_weights),
-- truefalse, matching (distractors as answers without a question),
-- numerical (tolerance, unit), shortanswer, ordering (all-or-nothing as
-- ALL_OR_NOTHING, pairs as RELATIVE_NEXT_EXCLUDE_LAST, which counts the
-- same thing), cloze as a multianswer question with one MULTICHOICE gap per
-- blank, and teach-back as an essay whose grader information lists the key
-- points, the phrases listened for and the misconceptions.  A matrix is
-- matching (one column per row, the same score) or cloze with MULTIRESPONSE
-- gaps (several), staging a shortanswer; a comment says what differs.  Texts are
-- written as HTML (escaped, newlines as <br>), fractions from Moodle's grid.
--
-- Import reads the same types back (other Moodle types are skipped with a
-- warning), refuses unknown tags, and says FILE:LINE:COL for every error.

local common = require("formats.common")
local xml = require("formats.xml")

local M = {}

-- A message quotes the file: its control characters are shown escaped.
local function shown(msg) return require("schema").show_controls(msg) end

-- ---- export ------------------------------------------------------------

local function html(b, tag, text, extra)
  b:open(tag, { { "format", "html" } })
  b:leaf("text", common.text_to_html(text or ""))
  if extra then extra() end
  b:close(tag)
end

local function answer(b, fraction, text, feedback, extra)
  b:open("answer", { { "fraction", common.pct(fraction) }, { "format", "html" } })
  b:leaf("text", common.text_to_html(text))
  if extra then extra() end
  if feedback then html(b, "feedback", feedback) end
  b:close("answer")
end

local function num(x)
  if x == math.floor(x) and math.abs(x) < 1e15 then return ("%d"):format(x) end
  return (("%.10g"):format(x))
end

local EXPORT = {}

local function choices(b, q, shuffle)
  b:leaf("shuffleanswers", shuffle and "true" or "false")
  b:leaf("answernumbering", "ABCD")
  b:leaf("showstandardinstruction", "0")
end

function EXPORT.single(q, b, warn, shuffle)
  b:leaf("single", "true")
  choices(b, q, shuffle)
  for _, o in ipairs(q.options) do answer(b, o.correct and 100 or 0, o.text, o.feedback) end
  return "multichoice"
end

function EXPORT.multiple(q, b, warn, shuffle)
  local w, note = common.multiple_weights(q)
  if note then warn(("question '%s': %s"):format(q.id, note)) end
  b:leaf("single", "false")
  choices(b, q, shuffle)
  for i, o in ipairs(q.options) do answer(b, w[i], o.text, o.feedback) end
  return "multichoice"
end

function EXPORT.truefalse(q, b)
  answer(b, q.answer and 100 or 0, "true", q.feedback_true)
  answer(b, q.answer and 0 or 100, "false", q.feedback_false)
  return "truefalse"
end

function EXPORT.matching(q, b, warn, shuffle)
  b:leaf("shuffleanswers", "true")
  local function sub(left, right)
    b:open("subquestion", { { "format", "html" } })
    b:leaf("text", left == "" and "" or common.text_to_html(left))
    b:open("answer")
    b:leaf("text", right)
    b:close("answer")
    b:close("subquestion")
  end
  for _, p in ipairs(q.pairs) do sub(p.left, p.right) end
  for _, d in ipairs(q.distractors or {}) do sub("", d) end
  return "matching"
end

function EXPORT.numeric(q, b)
  local tol = q.tolerance or (q.tolerance_pct and math.abs(q.answer) * q.tolerance_pct / 100) or 0
  b:open("answer", { { "fraction", "100" }, { "format", "moodle_auto_format" } })
  b:leaf("text", num(q.answer))
  b:leaf("tolerance", num(tol))
  b:close("answer")
  if q.unit then
    b:open("units")
    b:open("unit")
    b:leaf("multiplier", "1")
    b:leaf("unit_name", q.unit)
    b:close("unit")
    b:close("units")
    b:leaf("unitgradingtype", "0")       -- the unit is shown, not graded
    b:leaf("showunits", "3")
    b:leaf("unitsleft", "0")
  end
  return "numerical"
end

function EXPORT.text(q, b)
  b:leaf("usecase", "0")
  for _, p in ipairs(q.accept) do
    b:open("answer", { { "fraction", "100" }, { "format", "moodle_auto_format" } })
    b:leaf("text", p)
    b:close("answer")
  end
  return "shortanswer"
end

function EXPORT.ordering(q, b)
  b:leaf("layouttype", "VERTICAL")
  b:leaf("selecttype", "ALL")
  b:leaf("selectcount", "0")
  b:leaf("gradingtype", q.scoring == "pairs" and "RELATIVE_NEXT_EXCLUDE_LAST" or "ALL_OR_NOTHING")
  b:leaf("showgrading", "SHOW")
  b:leaf("numberingstyle", "none")
  for i, item in ipairs(q.items) do answer(b, i, item) end
  return "ordering"
end

-- Moodle's embedded-answer syntax escapes } # ~ / " \ inside a gap.
local function gap_esc(s)
  return (s:gsub('[}#~/"\\]', "\\%0"))
end

function M.cloze_text(q)
  return (q.text:gsub("{{%s*(%d+)%s*}}", function(n)
    local blank = q.blanks[tonumber(n)]
    local opts = {}
    for _, o in ipairs(blank.options) do
      opts[#opts + 1] = (o == blank.answer and "=" or "") .. gap_esc(o)
    end
    return "{1:MULTICHOICE:" .. table.concat(opts, "~") .. "}"
  end))
end

-- A grid: one column per row is a matching question (Moodle scores it as
-- rows right / rows, as we do); several per row, a multianswer question
-- with a MULTIRESPONSE gap per row, right columns 100/K %, wrong -100/K %,
-- the gap weighted by K, the row's right columns.  Moodle then gives the
-- sum over rows of max(0, right - wrong ticks) / all right cells; we net
-- the ticks per column, not per row.
function M.matrix_text(q)
  local keys = common.matrix_keys(q)
  local lines = {}
  for r, row in ipairs(q.rows) do
    local k, right = #keys[r], {}
    for _, j in ipairs(keys[r]) do right[j] = true end
    local opts = {}
    for j, c in ipairs(q.columns) do
      opts[j] = ("%%%s%%%s"):format(common.pct((common.snap((right[j] and 100 or -100) / k))),
                                    gap_esc(c))
    end
    lines[r] = ("%s {%d:MULTIRESPONSE:%s}"):format(row.text, k, table.concat(opts, "~"))
  end
  return table.concat(lines, "\n")
end

function EXPORT.matrix(q, b, warn, shuffle)
  local keys, multi = common.matrix_keys(q)
  if multi then return "cloze" end     -- the question text carries the gaps
  local pairs = {}
  for r, row in ipairs(q.rows) do pairs[r] = { left = row.text, right = q.columns[keys[r][1]] } end
  return EXPORT.matching({ pairs = pairs, distractors = common.matrix_unused(q, keys) }, b,
                         warn, shuffle)
end

function EXPORT.staging(q, b)
  return EXPORT.text({ accept = common.staging_answers(q) }, b)
end

local NOTE = {}
function NOTE.matrix(q)
  if select(2, common.matrix_keys(q)) then
    return ("'%s' is a teachback matrix (a grid) with several columns per row, written as " ..
            "cloze with a MULTIRESPONSE gap per row: Moodle nets right and wrong ticks within " ..
            "each row, teachback within each column; the same score when no box is ticked " ..
            "wrongly"):format(q.id)
  end
end
function NOTE.staging(q) return ("'%s' is %s"):format(q.id, common.STAGING_NOTE) end

function EXPORT.cloze(q, b)
  return "cloze"       -- the question text carries the gaps (see export)
end

-- The grader information of a teach-back essay: what a marker listens for.
function M.grader_info(q)
  local h = { "<p>Key points to listen for:</p>", "<ol>" }
  for _, kp in ipairs(q.key_points) do
    local codes = {}
    for _, p in ipairs(kp.any) do codes[#codes + 1] = "<code>" .. common.text_to_html(p) .. "</code>" end
    h[#h + 1] = ("<li><strong>%s</strong> (id: %s) Listen for: %s</li>"):format(
      common.text_to_html(kp.says), kp.id, table.concat(codes, " "))
  end
  h[#h + 1] = "</ol>"
  if q.misconceptions and #q.misconceptions > 0 then
    h[#h + 1] = "<p>Misconceptions to correct:</p>"
    h[#h + 1] = "<ul>"
    for _, m in ipairs(q.misconceptions) do
      local codes = {}
      for _, p in ipairs(m.any) do codes[#codes + 1] = "<code>" .. common.text_to_html(p) .. "</code>" end
      h[#h + 1] = ("<li>Listen for: %s Say: <em>%s</em>%s%s</li>"):format(table.concat(codes, " "),
        common.text_to_html(m.feedback),
        m.cancels and (" (cancels: " .. table.concat(m.cancels, ", ") .. ")") or "",
        m.answered_by and (" (answered by: " .. table.concat(m.answered_by, ", ") .. ")") or "")
    end
    h[#h + 1] = "</ul>"
  end
  if q.scoring == "pass" then
    h[#h + 1] = ("<p>Pass: %d key points.</p>"):format(q.pass or #q.key_points)
  end
  return table.concat(h, "\n")
end

function EXPORT.teachback(q, b)
  b:leaf("responseformat", "editor")
  b:leaf("responserequired", "1")
  b:leaf("responsefieldlines", "8")
  b:leaf("attachments", "0")
  b:leaf("attachmentsrequired", "0")
  b:open("graderinfo", { { "format", "html" } })
  b:leaf("text", M.grader_info(q))
  b:close("graderinfo")
  b:open("responsetemplate", { { "format", "html" } })
  b:leaf("text", "")
  b:close("responsetemplate")
  return "essay"
end

local TYPE_OF = { single = "multichoice", multiple = "multichoice", truefalse = "truefalse",
  matching = "matching", numeric = "numerical", text = "shortanswer", ordering = "ordering",
  cloze = "cloze", teachback = "essay", matrix = "matching", staging = "shortanswer" }

function M.export(quiz)
  local b = xml.builder()
  local warnings = {}
  local function warn(s) warnings[#warnings + 1] = s end
  b:raw("<!-- Moodle XML export of a teachback quiz. -->")
  b:open("quiz")
  local cat
  local shuffle = quiz.settings and quiz.settings.shuffle
  for _, q in ipairs(quiz.questions) do
    if q.script then
      warn(common.skipped("Moodle XML", q, "it is made by a script from each attempt's seed"))
    elseif not TYPE_OF[q.type] then
      warn(common.skipped("Moodle XML", q, "Moodle has no " .. q.type .. " type"))
    else
      local c = ("$course$/top/%s/%s"):format(quiz.title:gsub("/", "//"), q.topic)
      if c ~= cat then
        b:open("question", { { "type", "category" } })
        b:open("category")
        b:leaf("text", c)
        b:close("category")
        b:close("question")
        cat = c
      end
      local kind, prompt = TYPE_OF[q.type], q.prompt
      if q.type == "cloze" then prompt = q.prompt .. "\n" .. M.cloze_text(q) end
      if q.type == "teachback" then prompt = require("types.teachback").full_prompt(q) end
      if q.type == "matrix" and select(2, common.matrix_keys(q)) then
        kind, prompt = "cloze", q.prompt .. "\n" .. M.matrix_text(q)
      end
      if q.type == "staging" then prompt = common.staging_prompt(q) end
      local note = NOTE[q.type] and NOTE[q.type](q)
      if note then b:raw(common.xml_comment("Note: " .. note)) end
      b:open("question", { { "type", kind } })
      b:open("name")
      b:leaf("text", q.id)
      b:close("name")
      html(b, "questiontext", prompt)
      html(b, "generalfeedback", q.explain)
      b:leaf("defaultgrade", num(q.points or 1))
      b:leaf("penalty", q.type == "truefalse" and "1" or "0.3333333")
      b:leaf("hidden", "0")
      b:leaf("idnumber", q.id)
      EXPORT[q.type](q, b, warn, shuffle)
      for _, h in ipairs(q.hints or {}) do html(b, "hint", h) end
      b:close("question")
    end
  end
  b:close("quiz")
  return b:text(), warnings
end

-- ---- import ------------------------------------------------------------

-- Tags a Moodle question may hold (Moodle's writer, core types); any other
-- is refused, so a typo or a plugin's field is not dropped silently.
local KNOWN = {}
for t in ([[name questiontext generalfeedback defaultgrade penalty hidden idnumber single
  shuffleanswers answernumbering showstandardinstruction correctfeedback
  partiallycorrectfeedback incorrectfeedback shownumcorrect answer hint tags subquestion
  usecase units unitgradingtype unitpenalty showunits unitsleft layouttype selecttype
  selectcount gradingtype showgrading numberingstyle responseformat responserequired
  responsefieldlines minwordlimit maxwordlimit attachments attachmentsrequired maxbytes
  filetypeslist graderinfo responsetemplate category info dataset_definitions
  synchronize unitgradingtypes correctanswerlength correctanswerformat
  correctanswerlength]]):gmatch("%S+") do KNOWN[t] = true end

local SKIP_TYPES = { description = "it is not a question", calculated = true,
  calculatedsimple = true, calculatedmulti = true, ddwtos = true, gapselect = true,
  ddimageortext = true, ddmarker = true, randomsamatch = true, random = true }

local function importer(src, name)
  local st = { src = src, name = name, warnings = {} }
  function st.fail(el, fmt, ...)
    local line, col = xml.position(src, el.pos)
    error({ mx = shown(("%s:%d:%d: error: %s"):format(name, line, col, fmt:format(...))) }, 0)
  end
  function st.warn(el, fmt, ...)
    local line = xml.position(src, el.pos)
    st.warnings[#st.warnings + 1] = shown(("%s:%d: warning: %s"):format(name, line, fmt:format(...)))
  end
  return st
end

-- The text of <tag><text>...</text></tag>, as plain text.
local function field(el, tag)
  local f = el
  if tag then f = xml.child(el, tag) end
  if not f then return nil end
  local t = xml.child(f, "text")
  local s = t and xml.text(t) or xml.text(f)
  if not s then return nil end
  if (f.attrs.format or "html") == "html" then s = common.html_to_text(s)
  else s = s:gsub("^%s+", ""):gsub("%s+$", "") end
  if s == "" then return nil end
  return s
end

local function raw_field(el, tag)
  local f = xml.child(el, tag)
  local t = f and xml.child(f, "text")
  return t and xml.text(t) or nil
end

local function fraction(st, a)
  local f = tonumber(a.attrs.fraction or "0")
  if not f or f < -100 or f > 100 then
    st.fail(a, "fraction '%s' must be a percent from -100 to 100", tostring(a.attrs.fraction))
  end
  return f
end

local function bool_text(s)
  s = (s or ""):lower():gsub("%s", "")
  return s == "true" or s == "1"
end

local IMPORT = {}

function IMPORT.multichoice(st, el, q)
  local answers = xml.children(el, "answer")
  if #answers < 2 then st.fail(el, "a multichoice question needs at least two <answer>s") end
  q.options = {}
  local weights, full = {}, 0
  for i, a in ipairs(answers) do
    weights[i] = fraction(st, a)
    if weights[i] >= 99.999 then full = full + 1 end
    q.options[i] = { text = field(a) or st.fail(a, "an answer without text"),
                     feedback = field(a, "feedback") }
  end
  local single = bool_text(xml.text(xml.child(el, "single")) or "true")
  if single and full == 1 then
    q.type = "single"
    for i, o in ipairs(q.options) do
      o.correct = weights[i] >= 99.999 or nil
      if weights[i] > 0 and weights[i] < 99.999 then
        st.warn(answers[i], "question '%s': partial credit %s%% has no place in a " ..
                "single-answer question; kept as wrong", q.id, common.pct(weights[i]))
      end
    end
  else
    q.type = "multiple"
    for i, o in ipairs(q.options) do o.correct = weights[i] > 0 or nil end
    local rule, note = common.rule_from_weights(weights)
    if not rule then st.fail(el, "question '%s' has no answer with a positive fraction", q.id) end
    if rule ~= "plus-minus" then q.scoring = rule end
    if note then st.warn(el, "question '%s': %s", q.id, note) end
  end
end

function IMPORT.truefalse(st, el, q)
  q.type = "truefalse"
  for _, a in ipairs(xml.children(el, "answer")) do
    local word = (field(a) or ""):lower()
    if word ~= "true" and word ~= "false" then
      st.fail(a, "a truefalse answer is 'true' or 'false', found '%s'", word:sub(1, 20))
    end
    if fraction(st, a) >= 99.999 then q.answer = word == "true" end
    q["feedback_" .. word] = field(a, "feedback")
  end
  if q.answer == nil then st.fail(el, "question '%s': no answer has fraction 100", q.id) end
end

function IMPORT.matching(st, el, q)
  q.type = "matching"
  q.pairs = {}
  for _, s in ipairs(xml.children(el, "subquestion")) do
    local left = field(s)
    local a = xml.child(s, "answer")
    local right = a and field(a) or st.fail(s, "a subquestion without an <answer>")
    if left then
      q.pairs[#q.pairs + 1] = { left = left, right = right }
    else
      q.distractors = q.distractors or {}
      q.distractors[#q.distractors + 1] = right
    end
  end
  if #q.pairs < 2 then st.fail(el, "a matching question needs at least two subquestions") end
  common.matching_as_matrix(q)
end

function IMPORT.numerical(st, el, q)
  q.type = "numeric"
  local best
  for _, a in ipairs(xml.children(el, "answer")) do
    if fraction(st, a) >= 99.999 and not best then best = a end
  end
  if not best then st.fail(el, "question '%s': no answer has fraction 100", q.id) end
  local v = tonumber((string.gsub(field(best) or "", ",", ".")))
  if not v then st.fail(best, "the answer must be a number") end
  q.answer = v
  local tol = tonumber(xml.text(xml.child(best, "tolerance")) or "0")
  if not tol or tol < 0 then st.fail(best, "the tolerance must be a number from 0 up") end
  if tol > 0 then q.tolerance = tol end
  if #xml.children(el, "answer") > 1 then
    st.warn(el, "question '%s': only the fully right answer is kept", q.id)
  end
  local units = xml.child(el, "units")
  for _, u in ipairs(units and xml.children(units, "unit") or {}) do
    if tonumber(xml.text(xml.child(u, "multiplier")) or "") == 1 then
      q.unit = xml.text(xml.child(u, "unit_name"))
      break
    end
  end
end

function IMPORT.shortanswer(st, el, q)
  q.type = "text"
  q.accept = {}
  for _, a in ipairs(xml.children(el, "answer")) do
    if fraction(st, a) >= 99.999 then q.accept[#q.accept + 1] = field(a)
    else st.warn(a, "question '%s': answer worth %s%% left out", q.id, a.attrs.fraction) end
  end
  if #q.accept == 0 then st.fail(el, "question '%s': no answer has fraction 100", q.id) end
end

function IMPORT.ordering(st, el, q)
  q.type = "ordering"
  local answers = xml.children(el, "answer")
  local rows = {}
  for i, a in ipairs(answers) do
    rows[i] = { pos = tonumber(a.attrs.fraction or "") or i, i = i, text = field(a) }
  end
  table.sort(rows, function(x, y) if x.pos ~= y.pos then return x.pos < y.pos end return x.i < y.i end)
  q.items = {}
  for _, r in ipairs(rows) do q.items[#q.items + 1] = r.text end
  local g = xml.text(xml.child(el, "gradingtype")) or "ALL_OR_NOTHING"
  if g == "RELATIVE_NEXT_EXCLUDE_LAST" then q.scoring = "pairs"
  elseif g ~= "ALL_OR_NOTHING" then
    st.warn(el, "question '%s': grading type %s has no teachback rule; all-or-nothing used", q.id, g)
  end
end

-- A grid as M.matrix_text writes it, back into q: the prompt on the first
-- line, then a line per row ending in a MULTIRESPONSE gap over the same
-- columns; a column with a positive weight is right.  Returns nil when the
-- text is not laid out so.
function M.read_grid(raw, q)
  local first, rest = common.html_to_text(raw):match("^([^\n]*)\n(.*)$")
  if not first then return nil end
  local rows, columns = {}, nil
  for line in (rest .. "\n"):gmatch("([^\n]*)\n") do
    local text, kind, body = line:match("^(.-)%s*{%d*:([%w_]+):(.*)}$")
    kind = kind and kind:upper()
    if not text or text == "" or not (kind:match("^MR") or kind:match("^MULTIRESPONSE")) then
      return nil
    end
    local marked = body:gsub("\\.", function(e) return "\1" .. e:byte(2) .. "\2" end)
    local cols, right = {}, {}
    for part in (marked .. "~"):gmatch("([^~]*)~") do
      part = part:gsub("\1(%d+)\2", function(c) return string.char(tonumber(c)) end)
      local w, name = part:match("^%%(%-?[%d.]+)%%(.*)$")
      w = tonumber(w)
      if not w or name == "" then return nil end
      cols[#cols + 1] = name
      if w > 0 then right[#right + 1] = name end
    end
    if #right == 0 or (columns and table.concat(columns, "\0") ~= table.concat(cols, "\0")) then
      return nil
    end
    columns = columns or cols
    rows[#rows + 1] = { text = text, answer = right }
  end
  if #rows == 0 then return nil end
  q.type, q.prompt, q.columns, q.rows = "matrix", first, columns, rows
  return true
end

-- Gaps {N:MULTICHOICE:=a~b} (and MC, MCS, MCV, MCH, MULTICHOICE_S, ...)
-- become {{i}} blanks; other gap kinds have no place in a teachback cloze.
function IMPORT.cloze(st, el, q)
  q.type = "cloze"
  local raw = raw_field(el, "questiontext") or ""
  local mr = raw:match("{%d*:(MR[%w_]*)") or raw:match("{%d*:(MULTIRESPONSE[%w_]*)")
  if mr then
    if M.read_grid(raw, q) then return end
    st.warn(el, "question '%s' (cloze) skipped: its %s gaps (several answers each) are not " ..
            "laid out as teachback writes a grid (a line per row, ending in its gap, the " ..
            "same columns in each)", q.id, mr)
    return false
  end
  local blanks, n = {}, 0
  local text = raw:gsub("{(%d*):([%w_]+):(.-[^\\])}", function(_, kind, body)
    if not kind:upper():match("^M") or kind:upper():match("^MR") then
      st.fail(xml.child(el, "questiontext"), "question '%s': gap kind %s has no place in a " ..
              "teachback cloze (drop-down gaps only)", q.id, kind)
    end
    local opts, answer = {}, nil
    local marked = body:gsub("\\.", function(e) return "\1" .. e:byte(2) .. "\2" end)
    for part in (marked .. "~"):gmatch("([^~]*)~") do
      part = part:gsub("\1(%d+)\2", function(c) return string.char(tonumber(c)) end)
      local right = part:match("^=") or part:match("^%%100%%")
      part = part:gsub("^=", ""):gsub("^%%%-?[%d.]+%%", ""):gsub("#.*$", "")
      part = common.html_to_text(part)
      if part ~= "" then
        opts[#opts + 1] = part
        if right and not answer then answer = part end
      end
    end
    n = n + 1
    blanks[n] = { options = opts, answer = answer or opts[1] }
    return "{{" .. n .. "}}"
  end)
  if n == 0 then st.fail(el, "question '%s': a cloze question without a {1:MULTICHOICE:...} gap", q.id) end
  text = common.html_to_text(text)
  -- Our export puts the prompt on the first line and the gapped text after it.
  local first, rest = text:match("^([^\n]*)\n(.*)$")
  if first and not first:find("{{", 1, true) and rest:find("{{", 1, true) then
    q.prompt, q.text = first, rest
  else
    q.prompt, q.text = "Choose the word for each blank.", text
  end
  q.blanks = blanks
end

-- Key points back from the grader information our export writes.
function IMPORT.essay(st, el, q)
  local info = raw_field(el, "graderinfo") or ""
  local kps, mis = {}, {}
  local ol = info:match("<ol>(.-)</ol>") or ""
  for li in ol:gmatch("<li>(.-)</li>") do
    local kp = { says = common.html_to_text(li:match("<strong>(.-)</strong>") or ""),
                 id = li:match("%(id: ([%w%-]+)%)"), any = {} }
    for c in li:gmatch("<code>(.-)</code>") do kp.any[#kp.any + 1] = common.html_to_text(c) end
    kps[#kps + 1] = kp
  end
  local ul = info:match("<ul>(.-)</ul>") or ""
  for li in ul:gmatch("<li>(.-)</li>") do
    local m = { any = {}, feedback = common.html_to_text(li:match("<em>(.-)</em>") or "") }
    for c in li:gmatch("<code>(.-)</code>") do m.any[#m.any + 1] = common.html_to_text(c) end
    -- (Each list of key point ids after its label, as the export writes
    -- it.)
    for label, field in pairs({ cancels = "cancels", ["answered by"] = "answered_by" }) do
      local ids = li:match("%(" .. label .. ": ([^)]*)%)")
      if ids then
        m[field] = {}
        for id in ids:gmatch("[%w%-]+") do m[field][#m[field] + 1] = id end
      end
    end
    mis[#mis + 1] = m
  end
  if #kps == 0 then
    st.warn(el, "question '%s' (essay) skipped: its grader information lists no key points " ..
            "to listen for", q.id)
    return false
  end
  q.type = "teachback"
  for i, kp in ipairs(kps) do kp.id = kp.id or ("point-" .. i) end
  q.key_points = kps
  if #mis > 0 then q.misconceptions = mis end
  local pass = info:match("<p>Pass: (%d+) key points%.</p>")
  if pass then q.scoring, q.pass = "pass", tonumber(pass) end
end

local function read_question(st, el, quiz, topic)
  local kind = el.attrs.type
  if not kind then st.fail(el, "<question> without a type attribute") end
  for _, k in ipairs(xml.children(el)) do
    if not KNOWN[k.name] then
      st.fail(k, "unknown tag <%s> in a %s question", k.name, kind)
    end
  end
  if kind == "category" then
    local path = raw_field(el, "category") or ""
    local parts = {}
    for p in (path .. "/"):gsub("//", "\0"):gmatch("([^/]*)/") do
      p = p:gsub("%z", "/")
      if p ~= "" and not p:match("^%$%a+%$$") and p ~= "top" then parts[#parts + 1] = p end
    end
    if #parts >= 2 and not quiz.title then quiz.title = parts[1] end
    return nil, parts[#parts] and common.slug(parts[#parts], "imported") or topic
  end
  local shuffle = xml.child(el, "shuffleanswers")
  if shuffle and bool_text(xml.text(shuffle)) and kind ~= "matching" then
    quiz.settings = { shuffle = true }
  end
  local nm = field(el, "name")
  local idn = xml.text(xml.child(el, "idnumber"))
  if idn and not idn:find("%S") then idn = nil end
  local q = { id = common.slug(idn or nm or "", nil), topic = topic,
              prompt = field(el, "questiontext"), explain = field(el, "generalfeedback") }
  q.id = q.id or common.slug((q.prompt or ""):sub(1, 40), nil)
  local points = tonumber(xml.text(xml.child(el, "defaultgrade")) or "1")
  if points and points ~= 1 and points > 0 then q.points = points end
  local hints = {}
  for _, h in ipairs(xml.children(el, "hint")) do hints[#hints + 1] = field(h) end
  if #hints > 0 then q.hints = hints end
  if SKIP_TYPES[kind] then
    st.warn(el, "question '%s' (%s) skipped: %s", q.id or "?", kind,
            SKIP_TYPES[kind] == true and "teachback has no such type" or SKIP_TYPES[kind])
    return nil, topic
  end
  local fn = IMPORT[kind]
  if not fn then
    st.warn(el, "question '%s' skipped: Moodle type '%s' is not one teachback reads", q.id or "?", kind)
    return nil, topic
  end
  if not q.prompt and kind ~= "cloze" then st.fail(el, "question '%s' has no <questiontext>", q.id or "?") end
  if fn(st, el, q) == false then return nil, topic end
  return q, topic
end

function M.import(src, name)
  local root, err = xml.parse(src, name)
  if not root then return nil, err end
  local st = importer(src, name)
  local ok, res = pcall(function()
    if root.name ~= "quiz" then st.fail(root, "the root element is <%s>; Moodle XML has <quiz>", root.name) end
    local quiz = { questions = {} }
    local topic = "imported"
    for _, el in ipairs(xml.children(root)) do
      if el.name ~= "question" then st.fail(el, "unknown tag <%s> in <quiz>; expected <question>", el.name) end
      local q
      q, topic = read_question(st, el, quiz, topic)
      if q then quiz.questions[#quiz.questions + 1] = q end
    end
    return quiz
  end)
  if not ok then
    if type(res) == "table" and res.mx then return nil, res.mx end
    error(res, 0)
  end
  return res, nil, st.warnings
end

return M
