-- formats/gift.lua: Moodle's GIFT text format, both ways.
--
-- Export carries single, multiple (weights from common.multiple_weights),
-- truefalse, matching, numeric and text (short answer), with per-option
-- feedback and the explanation as general feedback (####); a matrix with
-- one column per row as matching, and staging as short answer with a
-- "// Note:" line saying what differs.  Ordering, cloze, teach-back and a grid with
-- several columns per row have no GIFT form and are skipped with a
-- warning naming each one.  Every text is escaped (\ ~ = # { } :)
-- and newlines are written \n.  Topics become $CATEGORY lines under the
-- quiz title, so a re-import recovers both.
--
-- Import reads GIFT as Moodle's reader does (question/format/gift/format.php):
-- questions split at blank lines, // comment lines dropped, lines of one
-- question joined with a space, optional ::title:: and [format], the first
-- unescaped { ... } is the answer block (text after it makes a "missing
-- word" question), and its content decides the type in Moodle's order:
-- empty = essay, # = numeric, ~ = multiple choice (single when an answer
-- starts with =), = with -> = matching, T/F = true/false, else short
-- answer.  Errors name FILE:LINE:COL.

local common = require("formats.common")

local M = {}

-- A message quotes the file: its control characters are shown escaped.
local function shown(msg) return require("schema").show_controls(msg) end

-- ---- export ------------------------------------------------------------

local function esc(s)
  s = tostring(s):gsub("[\\~=#{}:]", "\\%0")
  return (s:gsub("\r?\n", "\\n"))
end

local function feedback(fb)
  if fb == nil or fb == "" then return "" end
  return "#" .. esc(fb)
end

local function num(x)
  if math.type(x) == "integer" or x == math.floor(x) and math.abs(x) < 1e15 then
    return ("%d"):format(x)
  end
  return (("%.10g"):format(x))
end

local EXPORT = {}

function EXPORT.single(q, out)
  for _, o in ipairs(q.options) do
    out[#out + 1] = (o.correct and "=" or "~") .. esc(o.text) .. feedback(o.feedback)
  end
end

function EXPORT.multiple(q, out, warn)
  local w, note = common.multiple_weights(q)
  if note then warn(("question '%s': %s"):format(q.id, note)) end
  for i, o in ipairs(q.options) do
    out[#out + 1] = ("~%%%s%%"):format(common.pct(w[i])) .. esc(o.text) .. feedback(o.feedback)
  end
end

function EXPORT.truefalse(q, out)
  local right = q.answer and q.feedback_true or q.feedback_false
  local wrong = q.answer and q.feedback_false or q.feedback_true
  local s = q.answer and "TRUE" or "FALSE"
  if right or wrong then
    s = s .. "#" .. esc(wrong or "") .. "#" .. esc(right or "")
  end
  out[#out + 1] = s
end

-- GIFT cannot escape "->" inside a matching pair; it is written as an arrow.
local function no_arrow(s, q, warn)
  if s:find("->", 1, true) then
    warn(("question '%s': '->' inside a matching text is written '→' (GIFT cannot escape it)")
         :format(q.id))
    s = s:gsub("%->", "→")
  end
  return esc(s)
end

function EXPORT.matching(q, out, warn)
  for _, p in ipairs(q.pairs) do
    out[#out + 1] = "=" .. no_arrow(p.left, q, warn) .. " -> " .. no_arrow(p.right, q, warn)
  end
  for _, d in ipairs(q.distractors or {}) do
    out[#out + 1] = "= -> " .. no_arrow(d, q, warn)
  end
end

function EXPORT.numeric(q, out, warn)
  local tol = q.tolerance or (q.tolerance_pct and math.abs(q.answer) * q.tolerance_pct / 100) or 0
  out[#out + 1] = "#" .. num(q.answer) .. ":" .. num(tol)
  if q.unit then
    warn(("question '%s': GIFT has no units; the unit '%s' is left out"):format(q.id, q.unit))
  end
end

function EXPORT.text(q, out)
  for _, p in ipairs(q.accept) do out[#out + 1] = "=" .. esc(p) end
end

-- A grid with one column per row is a matching question: each row's text
-- matched to its column, the columns no row takes as distractors.  Moodle
-- scores matching as rows right / rows, as we do, so no note is needed.
function EXPORT.matrix(q, out, warn)
  local keys = common.matrix_keys(q)
  for r, row in ipairs(q.rows) do
    out[#out + 1] = "=" .. no_arrow(row.text, q, warn) .. " -> " ..
                    no_arrow(q.columns[keys[r][1]], q, warn)
  end
  for _, c in ipairs(common.matrix_unused(q, keys)) do
    out[#out + 1] = "= -> " .. no_arrow(c, q, warn)
  end
end

-- Staging as a short answer: the case goes into the text.
function EXPORT.staging(q, out)
  for _, a in ipairs(common.staging_answers(q)) do out[#out + 1] = "=" .. esc(a) end
  return ("'%s' is %s"):format(q.id, common.STAGING_NOTE)
end

local CANNOT = { ordering = true, cloze = true, teachback = true }

-- The quiz as GIFT text, and the warnings (skipped questions, approximations).
function M.export(quiz)
  local out, warnings = {}, {}
  local function warn(s) warnings[#warnings + 1] = s end
  out[#out + 1] = "// GIFT (Moodle) export of a teachback quiz. UTF-8."
  out[#out + 1] = ""
  local title = quiz.title:gsub("/", "//")
  local cat
  for _, q in ipairs(quiz.questions) do
    if q.script then
      warn(common.skipped("GIFT", q, "it is made by a script from each attempt's seed"))
    elseif CANNOT[q.type] then
      warn(common.skipped("GIFT", q, "%F has no " .. q.type .. " type"))
    elseif q.type == "matrix" and select(2, common.matrix_keys(q)) then
      warn(common.skipped("GIFT", q, "a row of this grid takes several columns, and %F's " ..
                          "matching takes one"))
    else
      local c = ("$course$/top/%s/%s"):format(title, q.topic)
      if c ~= cat then
        out[#out + 1] = "$CATEGORY: " .. c
        out[#out + 1] = ""
        cat = c
      end
      local body = {}
      local note = EXPORT[q.type](q, body, warn)
      if q.explain then body[#body + 1] = "####" .. esc(q.explain) end
      if note then out[#out + 1] = "// Note: " .. note:gsub("\n", " ") end
      local prompt = q.type == "staging" and common.staging_prompt(q) or q.prompt
      out[#out + 1] = ("::%s::%s {"):format(esc(q.id), esc(prompt))
      for _, line in ipairs(body) do out[#out + 1] = "\t" .. line end
      out[#out + 1] = "}"
      out[#out + 1] = ""
    end
  end
  return table.concat(out, "\n"), warnings
end

-- ---- reading -----------------------------------------------------------

-- White space off both ends.  (A pattern with .- would try the end at
-- every byte: on the text of a 1 MB file that was most of the reading.)
local byte = string.byte
local function trim(s)
  local a = s:find("%S")
  if not a then return "" end
  local b = #s
  while true do
    local c = byte(s, b)
    if c == 32 or (c >= 9 and c <= 13) then b = b - 1 else break end
  end
  if a == 1 and b == #s then return s end
  return s:sub(a, b)
end

local SPECIAL = { ["~"] = true, ["="] = true, ["#"] = true, ["{"] = true, ["}"] = true,
                  [":"] = true, ["\\"] = true, n = true }

-- Where offset off of a block's joined text stands in the file.  Worked
-- out only for a message (the reading itself never needs it): the block's
-- lines are laid out again as blocks() joined them.
local function layout(b)
  if b.starts then return end
  b.starts, b.lines, b.indent, b.text = {}, {}, {}, {}
  local len, lineno = 0, b.first_line - 1
  for line in (b.src:sub(b.from, b.to) .. "\n"):gmatch("([^\n]*)\n") do
    lineno = lineno + 1
    local lead = #line:match("^%s*")
    -- White space off the end by a byte loop: "%s+$" takes time growing
    -- with the square of a long run of spaces inside the line.
    local e = #line
    while e > lead do
      local c = byte(line, e)
      if c == 32 or (c >= 9 and c <= 13) then e = e - 1 else break end
    end
    local body = line:sub(lead + 1, e)
    if lineno == b.first_line then b.lead = lead end
    if body ~= "" and body:sub(1, 2) ~= "//" then
      if #b.starts > 0 then len = len + 1 end
      b.starts[#b.starts + 1] = len + 1
      b.lines[#b.lines + 1] = lineno
      b.indent[#b.indent + 1] = lead
      b.text[#b.text + 1] = line
      len = len + #body
    end
  end
end

local function block_pos(b, off)
  layout(b)
  -- No line laid out as text: white space other than spaces and tabs put
  -- a // at a line's start once trimmed.  The block's first line, then.
  if #b.starts == 0 then return b.first_line, off + b.lead end
  local k = 1
  for i = 1, #b.starts do
    if b.starts[i] <= off then k = i else break end
  end
  -- (Columns count characters, as the YAML, CSV and XML readers' do.)
  local col, line = 1, b.text[k]
  for i = 1, off - b.starts[k] + b.indent[k] do
    local c = byte(line, i)
    if not c then break end
    if c < 0x80 or c >= 0xC0 then col = col + 1 end
  end
  return b.lines[k], col
end

local function fail(st, b, off, fmt, ...)
  local line, col = block_pos(b, off)
  error({ gift = shown(("%s:%d:%d: error: %s"):format(st.name, line, col, fmt:format(...))) }, 0)
end

-- Mask escapes: "\X" becomes two "\1" bytes, so searching the mask for an
-- unescaped special is a plain find, and offsets stay those of the text.
local function mask(st, b)
  local t = b.text
  local at = t:find("\\", 1, true)
  if not at then return t end
  b.escapes = true
  local out, from = {}, 1
  while at do
    local c = t:sub(at + 1, at + 1)
    if c == "" or c:find("^%s") then
      fail(st, b, at, "a backslash escapes nothing here; write \\\\ for a backslash")
    end
    if SPECIAL[c] then
      out[#out + 1] = t:sub(from, at - 1)
      out[#out + 1] = "\1\1"
      from = at + 2
    end
    at = t:find("\\", at + 2, true)
  end
  out[#out + 1] = t:sub(from)
  return table.concat(out)
end

local UNESC = { n = "\n" }

local function unescape(s)
  return (s:gsub("\\(.)", function(c)
    if UNESC[c] then return UNESC[c] end
    if SPECIAL[c] then return c end
    return "\\" .. c
  end))
end


-- Text of b.text[i..j], unescaped and trimmed.  (The byte tests are
-- written out: a function call per byte of white space cost more than
-- the test.)
local find, sub = string.find, string.sub

local function part(b, i, j)
  local t = b.text
  while i <= j do
    local c = byte(t, i)
    if c == 32 or (c >= 9 and c <= 13) then i = i + 1 else break end
  end
  while j >= i do
    local c = byte(t, j)
    if c == 32 or (c >= 9 and c <= 13) then j = j - 1 else break end
  end
  local s = sub(t, i, j)
  if b.escapes and find(s, "\\", 1, true) then s = trim(unescape(s)) end
  return s
end

-- Whether the mask's range [i, j] holds anything but white space.
local function filled(m, i, j)
  local at = find(m, "%S", i)
  return at ~= nil and at <= j
end

-- Split the mask's range [i, j] at each unescaped "#", returning {mark,
-- from, to} pieces (text before the first mark has mark "").
local function split_marks(m, i, j, class)
  local pieces, from, mark = {}, i, ""
  local k = i
  while true do
    local at = m:find(class, k, true)
    if not at or at > j then break end
    pieces[#pieces + 1] = { mark = mark, from = from, to = at - 1 }
    mark, from, k = m:sub(at, at), at + 1, at + 1
  end
  pieces[#pieces + 1] = { mark = mark, from = from, to = j }
  return pieces
end

-- The same at each unescaped "=" and "~": two plain finds, each moved on
-- only past the mark it found (a class such as [=~] is tried at every byte).
-- The pieces go to the arrays MARK, FROM and TO (reused from block to
-- block: a table per answer was a good part of the reading); returns
-- their count.
local MARK, FROM, TO = {}, {}, {}

local function split_answers(m, i, j)
  local n, from, mark = 0, i, ""
  local eq, tilde = find(m, "=", i, true), find(m, "~", i, true)
  while true do
    local at = eq
    if not eq or (tilde and tilde < eq) then at = tilde end
    if not at or at > j then break end
    n = n + 1
    MARK[n], FROM[n], TO[n] = mark, from, at - 1
    from = at + 1
    if at == eq then
      mark, eq = "=", find(m, "=", from, true)
    else
      mark, tilde = "~", find(m, "~", from, true)
    end
  end
  n = n + 1
  MARK[n], FROM[n], TO[n] = mark, from, j
  return n
end

-- The first "#" at or after i, for answers read in order: one find serves
-- every answer before that "#", so a block of answers without feedback is
-- not searched to its end once per answer.
local function next_hash(m, cur, i)
  if cur.from and (cur.at == nil or cur.at >= i) and cur.from <= i then return cur.at end
  cur.from, cur.at = i, m:find("#", i, true)
  return cur.at
end

-- A number as [+-]?%d*%.?%d+ with an optional exponent [eE][+-]?%d+, as
-- a PEG: that pattern backtracks, and on a long run of digits that fails
-- at its end took time growing with the square of the run.
local NUMBER
do
  local lpeg = require("lpeg")
  local D, sign = lpeg.R("09"), lpeg.S("+-")^-1
  local mantissa = sign * (D^0 * "." * D^1 + D^1)
  NUMBER = mantissa * (lpeg.S("eE") * sign * D^1)^-1 * -1
end

local function to_number(s)
  s = trim(s)
  if NUMBER:match(s) then return tonumber(s) end
end

-- One answer, the k-th piece: optional %weight%, text, optional #feedback.
-- Returns the record {mark, weight, text, feedback} and where its text
-- runs in the mask (for matching's arrow).
local function answer(st, b, m, k, cur)
  local a = { mark = MARK[k], weight = nil, text = nil, feedback = nil }  -- sized once
  local i, j = FROM[k], TO[k]
  while i <= j do
    local c = byte(m, i)
    if c == 32 or (c >= 9 and c <= 13) then i = i + 1 else break end
  end
  if byte(m, i) == 37 then               -- "%"
    local w, after = m:match("^%%(%-?[%d%.]+)%%()", i)
    if not w then fail(st, b, i, "a weight is written %%50%% or %%-33.33333%%") end
    w = tonumber(w)
    if not w or w < -100 or w > 100 then
      fail(st, b, i, "weight %%%s%% is outside -100..100", m:match("^%%([^%%]*)%%", i))
    end
    a.weight = w
    i = after
  end
  local hash = next_hash(m, cur, i)
  if hash and hash <= j then
    a.text = part(b, i, hash - 1)
    a.feedback = part(b, hash + 1, j)
    return a, i, hash - 1
  end
  a.text = part(b, i, j)
  return a, i, j
end

-- Numeric answer "N:T", "N..M" or "N" (Moodle stores a range as its
-- middle plus or minus half its width).
local function numeric_value(st, b, a, from)
  local s = a.text
  local lo, hi = s:match("^(.-)%.%.(.*)$")
  if lo and to_number(lo) and to_number(hi) then
    lo, hi = to_number(lo), to_number(hi)
    if lo > hi then fail(st, b, from, "range %s..%s runs backwards", lo, hi) end
    return { low = lo, high = hi, value = (lo + hi) / 2, tolerance = (hi - lo) / 2, kind = "high-low" }
  end
  local v, t = s:match("^(.-):(.*)$")
  if v and to_number(v) and to_number(t) then
    if to_number(t) < 0 then fail(st, b, from, "tolerance '%s' is negative", t) end
    return { value = to_number(v), tolerance = to_number(t), kind = "range" }
  end
  if to_number(s) then return { value = to_number(s), tolerance = 0, kind = "simple" } end
  fail(st, b, from, "expected a number, N:tolerance or LOW..HIGH, found '%s'", s:sub(1, 40))
end

local function read_block(st, b)
  local m = mask(st, b)
  local t = b.text
  local cat = m:match("^%$CATEGORY:%s*()")
  if cat then return { line = b.line, type = "Category", title = part(b, cat, #t) } end
  -- Sized once for the fields a question takes (a table grown key by key
  -- is allocated again at 1, 2, 4 and 8 keys).
  local q = { line = b.line, type = nil, title = nil, stem = nil, global_feedback = nil,
              choices = nil, single = nil, format = nil }
  local i = 1
  if m:sub(1, 2) == "::" then
    local close = m:find("::", 3, true)
    if not close then fail(st, b, 1, "title '::' is never closed by '::'") end
    q.title = part(b, 3, close - 1)
    i = close + 2
  end
  i = m:find("%S", i) or #m + 1
  local fmt, after = m:match("^%[(%a+)%]()", i)
  if fmt then
    q.format = fmt:lower()
    i = after
  end
  local open = m:find("{", i, true)
  local stray = m:find("}", i, true)
  if not open then
    if stray then fail(st, b, stray, "'}' without an opening '{'") end
    q.type = "Description"
    q.stem = part(b, i, #t)
    return q
  end
  if stray and stray < open then fail(st, b, stray, "'}' before the answer block's '{'") end
  local close = m:find("}", open + 1, true)
  if not close then fail(st, b, open, "'{' is never closed by '}'") end
  local inner = m:find("{", open + 1, true)
  if inner and inner < close then fail(st, b, inner, "'{' inside an answer block; write \\{") end
  local again = m:find("[{}]", close + 1)
  if again then
    fail(st, b, again, "a second answer block; a question has one { ... } (escape others with \\)")
  end
  local before, rest = part(b, i, open - 1), part(b, close + 1, #t)
  if rest ~= "" then
    q.stem = before .. " _____ " .. rest
    q.embedded = true
  else
    q.stem = before
  end
  -- General feedback: #### to the end of the block.
  local ai, aj = open + 1, close - 1
  local gf = m:find("####", ai, true)
  if gf and gf < aj then
    q.global_feedback = part(b, gf + 4, aj)
    aj = gf - 1
  end
  -- The answers are looked for in the mask's range [ai, aj] (not a copy).
  local first = find(m, "%S", ai)
  if not first or first > aj then
    q.type = "Essay"
    return q
  end
  if byte(m, first) == 35 then           -- "#"
    q.type = "Numerical"
    local n = split_answers(m, first + 1, aj)
    local cur = {}
    if MARK[1] == "" and filled(m, FROM[1], TO[1]) then
      local a, from = answer(st, b, m, 1, cur)
      q.choices = { { value = numeric_value(st, b, a, from), feedback = a.feedback, weight = a.weight,
                      correct = true } }
      q.single = true
      if n > 1 then fail(st, b, FROM[2] - 1, "mix of a plain number and =/~ answers") end
    else
      q.choices = {}
      for k = 2, n do
        local a, from = answer(st, b, m, k, cur)
        if MARK[k] == "~" then
          q.choices[k - 1] = { other = true, feedback = a.feedback, text = a.text }
        else
          q.choices[k - 1] = { value = numeric_value(st, b, a, from), feedback = a.feedback,
                               weight = a.weight, correct = true }
        end
      end
    end
    return q
  end
  local n = split_answers(m, ai, aj)
  local tilde = find(m, "~", ai, true)
  local has_tilde = tilde and tilde <= aj
  if MARK[1] == "" and filled(m, FROM[1], TO[1]) then
    local eq = find(m, "=", ai, true)
    if not has_tilde and not (eq and eq <= aj) then
      local word = trim(trim(m:sub(FROM[1], TO[1])):match("^([^#]*)"))
      if word == "T" or word == "TRUE" or word == "F" or word == "FALSE" then
        q.type = "TF"
        q.is_true = word:sub(1, 1) == "T"
        local fbs = split_marks(m, FROM[1], TO[1], "#")
        q.feedback1 = fbs[2] and part(b, fbs[2].from, fbs[2].to) or nil
        q.feedback2 = fbs[3] and part(b, fbs[3].from, fbs[3].to) or nil
        if fbs[4] then fail(st, b, fbs[4].from - 1, "true/false takes at most two feedbacks") end
        return q
      end
      fail(st, b, FROM[1], "expected answers starting with = or ~, T or F, # for a " ..
           "number, or {} for an essay")
    end
    fail(st, b, FROM[1], "text before the first answer; start each answer with = or ~")
  end
  local choices, cur = {}, {}
  q.choices = choices
  if has_tilde then
    q.type = "MC"
    for k = 2, n do
      local a = answer(st, b, m, k, cur)
      choices[k - 1] = a
      if a.mark == "=" then q.single = true end
    end
    if n < 3 then fail(st, b, open, "a multiple-choice question needs at least two answers") end
    return q
  end
  local arrow = find(m, "->", ai, true)
  if arrow and arrow < aj then
    q.type = "Matching"
    local pairs = {}
    q.pairs = pairs
    local froms, tos = {}, {}         -- every answer is read before any arrow is looked for
    for k = 2, n do choices[k - 1], froms[k], tos[k] = answer(st, b, m, k, cur) end
    for k = 2, n do
      local from, to = froms[k], tos[k]
      arrow = find(m, "->", from, true)
      if not arrow or arrow > to then
        fail(st, b, FROM[k], "every matching answer is written =left -> right")
      end
      pairs[k - 1] = { left = part(b, from, arrow - 1), right = part(b, arrow + 2, to) }
    end
    if n < 3 then fail(st, b, open, "a matching question needs at least two pairs") end
    return q
  end
  q.type = "Short"
  for k = 2, n do choices[k - 1] = answer(st, b, m, k, cur) end
  return q
end

-- Split text into question blocks: runs of non-blank lines (a blank line
-- holds only spaces and tabs), comment lines left out, lines joined with a
-- space.  Calls each(block) for each, block = {text, line, src, from, to,
-- first_line}: line is the question's first line, from..to the block in
-- src (for messages), first_line the line of from.
--
-- One plain find per line for its end and byte tests for its start: a
-- pattern searched over the text (a class tried at every byte) cost more
-- than all the rest of the reading.
local function block_text(src, k, lead, to, keep, comments)
  local n = 0
  if comments then
    -- With a comment line: each line trimmed (any white space), empty
    -- and // lines left out.
    for i = 1, k do
      local body = trim(src:sub(lead[i], to[i]))
      if body ~= "" and body:sub(1, 2) ~= "//" then n = n + 1; keep[n] = body end
    end
    return table.concat(keep, " ", 1, n), n == 0
  end
  for i = 1, k do           -- spaces and tabs off each line's ends
    local e = to[i]
    while e >= lead[i] do
      local c = byte(src, e)
      if c == 32 or c == 9 then e = e - 1 else break end
    end
    keep[i] = src:sub(lead[i], e)
  end
  return trim(table.concat(keep, " ", 1, k)), false
end

-- The blocks of src[from .. stop - 1], whose first line is line: the line
-- by line reading, for blocks the grammar below does not join.
local function lines_of(src, pos, stop, line, each)
  local lead, to, keep = {}, {}, {}    -- the current block's lines
  local k, lead_comments, block_line, comments, block_from = 0, 0, 0, false, 0
  local function close()
    local text, empty = block_text(src, k, lead, to, keep, comments)
    if not empty and text ~= "" then
      each({ text = text, line = block_line + math.min(lead_comments, k - 1),
             src = src, from = block_from, to = to[k], first_line = block_line })
    end
    k = 0
  end
  while pos < stop do
    local nl = find(src, "\n", pos, true) or stop
    local p, c = pos, byte(src, pos)
    while c == 32 or c == 9 do           -- the indent: a byte test each, no pattern
      p = p + 1
      c = byte(src, p)
    end
    if p >= nl then                     -- a blank line ends the block
      if k > 0 then close() end
    else
      if k == 0 then block_line, lead_comments, comments, block_from = line, 0, false, pos end
      k = k + 1
      lead[k], to[k] = p, nl - 1
      if c == 47 and byte(src, p + 1) == 47 then          -- a // comment line
        comments = true
        if lead_comments == k - 1 then lead_comments = k end
      end
    end
    pos = nl + 1
    line = line + 1
  end
  if k > 0 then close() end
end

-- ---- the grammar: the common case in one LPeg match ------------------
--
-- Reading blocks with the functions above costs a call per line, mark and
-- piece of text.  The same reading of the forms a bank is mostly made of
-- (a category; a question with an optional title and [format], a stem,
-- = / ~ answers with weights and feedback, true/false or matching, and
-- general feedback; // comment lines at a block's top) is written below
-- as LPeg patterns over the whole file, so LPeg's matcher in C does the
-- scanning and Lua only builds the records.  The grammar takes no more
-- than the code above would: any other form (an error, an escape other
-- than \~ \= \# \{ \} \: \\ or a \n inside a text, a numeric answer, an
-- essay, a description, text after the answer block, a comment line
-- inside a block, white space at a line's end or other than spaces and
-- tabs at its start) makes it fail for that block, which lines_of and read_block then read: the same
-- record, or the error with its place.  tests/lua/test_gift_reader.lua
-- reads its files both ways and compares.
local lpeg = require("lpeg")
local P, S, R, B, C, Cs, Cp, Ct, Cc = lpeg.P, lpeg.S, lpeg.R, lpeg.B, lpeg.C, lpeg.Cs,
  lpeg.Cp, lpeg.Ct, lpeg.Cc

M.grammar = true          -- false: every block read line by line (for the tests)
M.grammar_records = 0     -- records the grammar made in the last parse (for the tests)

-- How the grammar gives a question's answers: false, as read_block's
-- choices (a table {mark, weight, text, feedback} each); true, as one
-- flat list, flat[4k - 3 .. 4k] = mark, weight or false, text, feedback
-- or false for the k-th answer, which to_quiz reads (an import makes
-- the options from it: no table per answer made only to be read once).
local flat_answers = false

-- The choices read_block makes, from a flat list.
local function choices_of(f)
  local choices = {}
  for i = 1, #f, 4 do
    choices[(i + 3) // 4] = { mark = f[i], weight = f[i + 1] or nil, text = f[i + 2],
                              feedback = f[i + 3] or nil }
  end
  return choices
end

-- The record read_block makes, or false for a block it must read.
-- is_id: the title is already an id (common.slug's ID, taken in the
-- grammar), so an import takes it as the question's id (rec.id) with no
-- match of its own.  a, b, c: a true/false's word and feedbacks, then d
-- the general one; or a the flat list of answers and b the general
-- feedback.  (An import's record has no line but its place, rec.at, and
-- no format but html's, which it alone reads: each table is made with
-- room for the eight fields it mostly takes, as one grown past its size
-- is made again.)
local function question_record(title, is_id, format, stem, a, b, c, d)
  if format then format = format:lower() end
  local last = byte(stem, -1)            -- white space at the stem's end (see piece)
  if last == 32 or last and last >= 9 and last <= 13 then stem = trim(stem) end
  local q
  if flat_answers then
    local id = is_id and #title <= 64 and title or nil
    if type(a) == "string" then
      q = { at = nil, type = "TF", title = title or nil, stem = stem, global_feedback = d or nil,
            is_true = byte(a) == 84, feedback1 = b or nil, feedback2 = c or nil }
      if id then q.id = id end
    else
      q = { at = nil, type = nil, title = title or nil, stem = stem, global_feedback = b or nil,
            choices = nil, single = nil, id = id }
    end
    if format == "html" then q.format = format end
  elseif type(a) == "string" then
    q = { line = false, type = "TF", title = title or nil, stem = stem, global_feedback = d or nil,
          format = format or nil, is_true = byte(a) == 84, feedback1 = b or nil }
    q.feedback2 = c or nil
  else
    q = { line = false, type = nil, title = title or nil, stem = stem, global_feedback = b or nil,
          choices = nil, single = nil, format = format or nil }
  end
  if q.type == "TF" then return q end
  local f, n = a, #a
  local tilde, eq, arrow = false, false, false
  for i = 1, n, 4 do
    local w = f[i + 1]
    if w then
      -- A weight that is no number in -100..100: read_block names it.
      w = tonumber(w)
      if not w or w < -100 or w > 100 then return false end
      f[i + 1] = w
    end
    if f[i] == "~" then tilde = true else eq = true end
  end
  q.choices = f
  if tilde then
    q.type = "MC"
    q.single = eq or nil
    if n < 8 then return false end
  else
    -- An arrow among the answers makes a matching question.  Neither "-"
    -- nor ">" can be escaped, and white space between pieces is no text,
    -- so the answers hold "->" just where a text or a feedback does.
    for i = 3, n, 4 do
      if find(f[i], "->", 1, true) or f[i + 1] and find(f[i + 1], "->", 1, true) then
        arrow = true
        break
      end
    end
    if not arrow then
      q.type = "Short"
    else
      if n < 8 then return false end
      q.type = "Matching"
      local pairs = {}
      for i = 3, n, 4 do
        local s = f[i]
        local at = find(s, "->", 1, true)
        if not at then return false end
        pairs[(i + 1) // 4] = { left = trim(sub(s, 1, at - 1)), right = trim(sub(s, at + 2)) }
      end
      q.pairs = pairs
    end
  end
  if not flat_answers then q.choices = choices_of(f) end
  return q
end

local function category_record(title)
  return { line = false, type = "Category", title = title }
end

-- The patterns, made when a file is first read (an export needs none).
local FILE
local function grammar()
  local WHITE = " \t\n\v\f\r"                 -- %s, as trim() and part() take it
  local SP, NL, WS = S(" \t"), P("\n"), S(WHITE)
  local ESC = (P("\\") / "") * S("~=#{}:\\")  -- the escapes taken ("\n" in piece())
  -- A line break inside a block, which block_text makes one space: the
  -- line ends in no white space; the next is not blank, not a comment, and
  -- has no white space but spaces and tabs before its text.
  local LB = -B(WS) * NL * SP^0 * -S(WHITE) * -P(-1) * -P("//")
  local GAP = (S(" \t\v\f") + LB)^0           -- white space between pieces

  -- A piece of text ending before any byte of stop (or a line's end, or a
  -- backslash that is not one of ESC): white space off both ends (trim only
  -- when the piece ends in some, which is rare), escapes undone.
  local function piece(stop, extra, ws_kept)
    local run = (1 - S(stop .. "\\\n"))^1
    local unit = run + ESC + LB * #(1 - S(stop)) / " "
    if extra then unit = unit + extra end
    -- "\n" inside a piece only: at either end trim would take the newline.
    local text = (unit * (unit + P("\\n") * #(1 - S(stop .. WHITE .. "\\")) / "\n")^0)^-1
    -- The usual piece is one run that no unit can go on from: before a
    -- byte of stop that extra does not take, at a line's end that LB
    -- does not join, or at the end.  It is taken as it stands (a plain
    -- capture: no substitution to build).
    local at_stop = #S(stop)
    if extra then at_stop = at_stop * -extra end
    local ends = at_stop + #(NL * SP^0 * (S(stop .. WHITE) + P("//") + -P(1))) + -P(1)
    -- (ws_kept: the run may end in white space, which the record's
    -- function takes off: a question's text before " {", where a call of
    -- trim from the pattern cost more than the byte test there.)
    local plain = C(run) * ends
    if not ws_kept then plain = plain * -B(WS) end
    return GAP * (plain + Cs(text) * -B(WS) + Cs(text) / trim)
  end

  local HASH = P("#") * -P("###")             -- a feedback's "#", not "####"
  local GENERAL = GAP * P("####") * piece("{}") + Cc(false)
  local WEIGHT = P("%") * C(P("-")^-1 * S("0123456789.")^1) * P("%") + -P("%") * Cc(false)

  -- Four values an answer, into one flat list (see flat_answers).
  local ANSWER = GAP * C(S("=~")) * GAP * WEIGHT * piece("#=~{}") *
                 (GAP * HASH * piece("#=~{}", HASH) + Cc(false))
  local TF_WORD = C(P("TRUE") + P("FALSE") + P("T") + P("F"))
  local TF = GAP * TF_WORD * (GAP * HASH * piece("#=~{}") + Cc(false)) *
             (GAP * HASH * piece("#=~{}") + Cc(false))
  local ANSWERS = Ct(ANSWER^1)

  -- A block's end: spaces and tabs, then the file's end or a blank line.
  local END = SP^0 * Cp() * (-1 + NL * #(SP^0 * (NL + -1)))
  -- (Each "+" is an ordered choice: where read_block would give an error,
  -- as for "::" never closed, no other branch may take the block.)
  local ID = R("az", "09")^1 * (P("-") * R("az", "09")^1)^0     -- as common.slug's
  local QUESTION = -P("$CATEGORY:") *
                   (P("::") * (C(ID) * #P("::") * Cc(true) + piece(":", P(":") * -P(":")) * Cc(false)) *
                    P("::") + -P("::") * Cc(false) * Cc(false)) *
                   GAP * (P("[") * C(R("az", "AZ")^1) * P("]") + Cc(false)) *
                   piece("{}", nil, true) * GAP * P("{") * (TF + ANSWERS) * GENERAL * GAP * P("}")
                   / question_record * END
  local CATEGORY = P("$CATEGORY:") * piece("") / category_record * END
  local COMMENT_LINE = SP^0 * P("//") * (1 - NL)^0 * NL
  local LINE = SP^0 * (1 - S(" \t\n")) * (1 - NL)^0    -- a line that is not blank
  local BLANK_LINES = (SP^0 * NL)^0
  -- For each block: where it starts, where its first line that is not a
  -- comment starts (false: read it line by line), its record (false: read
  -- it with read_block) and where its last line ends.
  -- (A comment as the file's last line has no line break after it: it is
  -- still a comment, not a question's text.)
  local BLOCK = Cp() * COMMENT_LINE^0 * Cp() * SP^0 * -S(WHITE) * -P("//") * (CATEGORY + QUESTION)
              + Cp() * Cc(false) * Cc(false) * LINE * (NL * LINE)^0 * Cp() * NL^-1
  FILE = Ct(BLANK_LINES * (BLOCK * BLANK_LINES)^0) * SP^0 * -1
  return FILE
end

-- A function giving the line of the byte at a position of src, counted
-- on from the position asked before (from the start if it was further).
local count_newlines = host.count_newlines

local function line_counter(src)
  local line, lpos = 1, 1           -- the line of the byte at lpos
  return function(at)
    if at < lpos then line, lpos = 1, 1 end
    line = line + count_newlines(src, lpos, at - 1)
    lpos = at
    return line
  end
end

-- The records of src, in order: the grammar's, and for the blocks it does
-- not take, read_block's (which raises the first error met).  For an
-- import (flat true) the grammar's records have their answers flat and
-- no line but where their text starts (rec.at): their lines are counted
-- only for a warning (to_quiz's line_of).
local function read_all(st, src, flat)
  local out, n = {}, 0
  local function each(b)
    n = n + 1
    out[n] = read_block(st, b)
  end
  if not M.grammar then
    lines_of(src, 1, #src + 1, 1, each)
    return out
  end
  flat_answers = flat
  local caps = (FILE or grammar()):match(src)
  M.grammar_records = 0
  local line_at = line_counter(src)
  for k = 1, #caps, 4 do
    local from, text_from, rec, stop = caps[k], caps[k + 1], caps[k + 2], caps[k + 3]
    if rec then
      n = n + 1
      if flat then rec.at = text_from else rec.line = line_at(text_from) end
      out[n] = rec
      M.grammar_records = M.grammar_records + 1
    else
      lines_of(src, from, stop, line_at(from), each)
    end
  end
  return out
end

-- Parse GIFT text.  Returns the questions read (records close to
-- gift-pegjs's), or nil and "FILE:LINE:COL: error: ...".  (flat: for
-- to_quiz only, see read_all; then the text read is returned too.)
local function parse(src, name, flat)
  local st = { name = name }
  if src:sub(1, 3) == "\239\187\191" then src = src:sub(4) end
  local valid, bad = utf8.len(src)
  if not valid then
    local before = src:sub(1, bad - 1)
    local _, nl = before:gsub("\n", "")
    return nil, ("%s:%d:%d: error: the file is not UTF-8 text"):format(name, nl + 1,
      bad - (before:match(".*\n()") or 1) + 1)
  end
  if src:find("\r", 1, true) then src = src:gsub("\r\n?", "\n") end
  local ok, res = pcall(read_all, st, src, flat)
  if ok then return res, nil, src end
  if type(res) == "table" and res.gift then return nil, res.gift end
  error(res, 0)
end

function M.parse(src, name)
  local recs, err = parse(src, name, false)
  return recs, err
end

-- The records in a neutral shape for comparing with other GIFT readers
-- (tests/interop/gift-compare.js maps gift-pegjs's output to the same).
function M.neutral(records)
  local json = require("json")
  local null = host.null
  local function o(v) if v == nil then return null end return v end
  local out = {}
  for _, r in ipairs(records) do
    local n = { type = r.type, title = o(r.title) }
    if r.type ~= "Category" then
      n.stem = r.stem
      if r.type ~= "Description" then n.feedback = o(r.global_feedback) end
    end
    if r.type == "MC" or r.type == "Short" then
      n.answers = {}
      for i, a in ipairs(r.choices) do
        n.answers[i] = { text = a.text, correct = a.mark == "=", weight = o(a.weight),
                         feedback = o(a.feedback) }
      end
    elseif r.type == "TF" then
      n.truth = r.is_true
      n.feedback1, n.feedback2 = o(r.feedback1), o(r.feedback2)
    elseif r.type == "Matching" then
      n.pairs = {}
      for i, p in ipairs(r.pairs) do n.pairs[i] = { left = p.left, right = p.right } end
    elseif r.type == "Numerical" then
      n.answers = {}
      for i, c in ipairs(r.choices) do
        local a = { weight = o(c.weight), feedback = o(c.feedback) }
        local v = c.value
        if c.other then a.kind = "other"
        elseif v.kind == "high-low" then a.kind, a.low, a.high = v.kind, v.low, v.high
        elseif v.kind == "range" then a.kind, a.number, a.range = v.kind, v.value, v.tolerance
        else a.kind, a.number = v.kind, v.value end
        n.answers[i] = a
      end
    end
    out[#out + 1] = n
  end
  return json.array(out)
end

-- ---- import ------------------------------------------------------------

local function opt_fb(s) if s and s ~= "" then return s end end

-- A record's answers as a flat list (see flat_answers): the grammar's
-- in an import, else made from its choices.
local function flat_of(r)
  if type(r.choices[1]) == "string" then return r.choices end
  local f, choices = {}, r.choices
  for k = 1, #choices do
    local a = choices[k]
    f[4 * k - 3], f[4 * k - 2], f[4 * k - 1], f[4 * k] = a.mark, a.weight or false, a.text,
      a.feedback or false
  end
  return f
end

-- Records -> teachback quiz table and warnings.  line_of(at): the line
-- of a record that has only its place (an import's, parse(..., true)).
function M.to_quiz(records, name, line_of)
  local quiz = { questions = {} }
  local warnings = {}
  local function warn(rec, fmt, ...)
    warnings[#warnings + 1] = shown(("%s:%d: warning: %s"):format(name,
      rec.line or line_of(rec.at), fmt:format(...)))
  end
  local topic = "imported"
  local seen = {}         -- category path -> its parts (a bank repeats its categories)
  for n = 1, #records do
    local r = records[n]
    if r.type == "Category" then
      local parts = seen[r.title]
      if not parts then
        parts = {}
        for p in (r.title .. "/"):gsub("//", "\0"):gmatch("([^/]*)/") do
          if p:find("\0", 1, true) then p = p:gsub("%z", "/") end
          if p ~= "" and not p:match("^%$%a+%$$") and p ~= "top" then parts[#parts + 1] = p end
        end
        parts.topic = common.slug(parts[#parts], "imported")
        seen[r.title] = parts
      end
      if #parts >= 2 and not quiz.title then quiz.title = parts[1] end
      topic = parts.topic
    else
      -- Sized once for the fields a question takes (and the source the
      -- import command adds).
      local q = { topic = topic, prompt = r.stem, explain = r.global_feedback,
                  id = r.id or r.title and common.slug(r.title) or nil, type = nil, options = nil,
                  source = nil, scoring = nil }
      if not q.id then q.id = common.slug((r.stem or ""):sub(1, 40), nil) end
      if r.format == "html" then
        q.prompt = common.html_to_text(q.prompt)
      end
      local keep = true
      if r.type == "MC" and r.single then
        q.type = "single"
        local options, f, right = {}, flat_of(r), 0
        q.options = options
        for i = 1, #f, 4 do              -- (a loop by index: no call per answer)
          local w, fb = f[i + 1], f[i + 3]
          local correct = f[i] == "=" and (not w or w == 100)
          if correct then right = right + 1 end
          if w and w ~= 0 and w ~= 100 then
            warn(r, "question '%s': option weight %s%% has no place in a single-answer " ..
                 "question; %s", q.id, w, correct and "kept as right" or "kept as wrong")
          end
          if fb == "" then fb = false end
          options[(i + 3) // 4] = { text = f[i + 2], correct = correct or nil, feedback = fb or nil }
        end
        if right ~= 1 then
          q.type = "multiple"
        end
      elseif r.type == "MC" then
        q.type = "multiple"
        local options, f, weights = {}, flat_of(r), {}
        q.options = options
        for i = 1, #f, 4 do
          local k, w, fb = (i + 3) // 4, f[i + 1] or 0, f[i + 3]
          if fb == "" then fb = false end
          weights[k] = w
          options[k] = { text = f[i + 2], correct = w > 0 or nil, feedback = fb or nil }
        end
        local rule, note = common.rule_from_weights(weights)
        if rule and rule ~= "plus-minus" then q.scoring = rule end
        if note then warn(r, "question '%s': %s", q.id, note) end
      elseif r.type == "TF" then
        q.type = "truefalse"
        q.answer = r.is_true
        -- Moodle: the first feedback is for the wrong choice, the second for the right one.
        local wrong, right = opt_fb(r.feedback1), opt_fb(r.feedback2)
        q.feedback_true = r.is_true and right or wrong
        q.feedback_false = r.is_true and wrong or right
      elseif r.type == "Matching" then
        q.type = "matching"
        q.pairs = {}
        for _, p in ipairs(r.pairs) do
          if p.left == "" then
            q.distractors = q.distractors or {}
            q.distractors[#q.distractors + 1] = p.right
          else
            q.pairs[#q.pairs + 1] = { left = p.left, right = p.right }
          end
        end
        common.matching_as_matrix(q)
      elseif r.type == "Numerical" then
        q.type = "numeric"
        local best
        for _, c in ipairs(r.choices) do
          if c.value and (c.weight == nil or c.weight == 100) and not best then best = c end
        end
        if not best then
          warn(r, "question '%s' skipped: no numeric answer is fully right", q.id)
          keep = false
        else
          q.answer = best.value.value
          if best.value.tolerance ~= 0 then q.tolerance = best.value.tolerance end
          if #r.choices > 1 then
            warn(r, "question '%s': only the fully right answer is kept (teachback numeric " ..
                 "questions have one answer and a tolerance)", q.id)
          end
        end
      elseif r.type == "Short" then
        q.type = "text"
        q.accept = {}
        local f = flat_of(r)
        for i = 1, #f, 4 do
          local w = f[i + 1]
          if not w or w == 100 then q.accept[#q.accept + 1] = f[i + 2]
          else
            warn(r, "question '%s': answer '%s' worth %s%% left out (text answers are right or " ..
                 "wrong)", q.id, f[i + 2], w)
          end
        end
        if #q.accept == 0 then
          warn(r, "question '%s' skipped: no answer is fully right", q.id)
          keep = false
        end
      elseif r.type == "Essay" then
        warn(r, "question '%s' (essay) skipped: a teach-back question needs key points to " ..
             "listen for, which GIFT does not carry (Moodle XML does)", q.id)
        keep = false
      else
        warn(r, "description skipped: it is not a question")
        keep = false
      end
      if r.embedded and keep then
        warn(r, "question '%s': the answer block stood inside the text; it is marked _____", q.id)
      end
      if keep then quiz.questions[#quiz.questions + 1] = q end
    end
  end
  return quiz, warnings
end

function M.import(src, name)
  local records, err, text = parse(src, name, true)
  if not records then return nil, err end
  local quiz, warnings = M.to_quiz(records, name, line_counter(text))
  return quiz, nil, warnings
end

return M
