-- formats/common.lua: what the exporters and importers share: Moodle's
-- grid of answer fractions, the weights that reproduce our multiple-response
-- rules, ids made from titles, and the warnings for what a format cannot
-- carry.

local M = {}

-- Moodle accepts answer fractions only from this grid (percent; the same
-- negated): p/q for q <= 6, p/10, 1/q for q <= 10, and 1/20
-- (question/engine/bank.php).
M.GRID = { 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
           16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 }

-- The grid value nearest to pct (sign kept), and whether it is pct itself.
function M.snap(pct)
  local best, dist = 0, math.huge
  local a = math.abs(pct)
  for _, g in ipairs(M.GRID) do
    if math.abs(a - g) < dist then best, dist = g, math.abs(a - g) end
  end
  if pct < 0 then best = -best end
  return best, dist < 0.0001
end

-- Percent as Moodle writes it: 7 decimals where needed, "50" otherwise.
function M.pct(p)
  if p == math.floor(p) then return ("%d"):format(p) end
  return (("%.5f"):format(p):gsub("0+$", ""))
end

-- Weights (percent per option, on the grid) that make Moodle's rule "sum
-- the ticked options' fractions, clamp to 0..1" score a multiple-response
-- question as our rule does, K right options and X wrong ones:
--   plus-minus  max(0, R - W) / K            right 100/K, wrong -100/K: exact
--   partial     max(0, R/K - W/max(X, 2))    right 100/K, wrong -100/max(X,2): exact
--   all-or-nothing                           right 100/K, wrong -100: a wrong tick
--                                            gives 0, but a half-right set still
--                                            earns part: the nearest Moodle allows
-- Returns the weights and a note when they are not exact.
function M.multiple_weights(q)
  local k, x = 0, 0
  for _, o in ipairs(q.options) do
    if o.correct then k = k + 1 else x = x + 1 end
  end
  local rule = q.scoring or "plus-minus"
  local right, exact_r = M.snap(100 / k)
  local wrong_raw = rule == "partial" and -100 / math.max(x, 2)
                    or rule == "all-or-nothing" and -100 or -100 / k
  local wrong, exact_w = M.snap(wrong_raw)
  local note
  if rule == "all-or-nothing" and k > 1 then
    note = "all-or-nothing scoring becomes partial credit for right ticks (a wrong tick still gives 0)"
  elseif not (exact_r and exact_w) then
    note = ("weights rounded to Moodle's grid (%s%%, %s%%)"):format(M.pct(right), M.pct(wrong))
  end
  local w = {}
  for i, o in ipairs(q.options) do w[i] = o.correct and right or wrong end
  return w, note
end

-- The rule that a set of weights came from (the inverse of the above), and
-- a note when none reproduces them exactly.
function M.rule_from_weights(weights)
  local k, x, wrong = 0, 0, nil
  local same = true
  for _, w in ipairs(weights) do
    if w > 0 then k = k + 1 else
      x = x + 1
      if wrong and math.abs(wrong - w) > 0.001 then same = false end
      wrong = wrong or w
    end
  end
  if k == 0 then return nil end
  local function near(a, b) return math.abs(a - b) < 0.01 end
  wrong = wrong or (-100 / k)
  if same and near(wrong, M.snap(-100 / k)) then return "plus-minus" end
  if same and near(wrong, M.snap(-100 / math.max(x, 2))) then return "partial" end
  if same and near(wrong, -100) then return "all-or-nothing" end
  return "plus-minus", "option weights do not match a teachback rule; plus-minus used"
end

-- Text that is already an id: runs of a-z and 0-9 joined by single dashes.
local lpeg = require("lpeg")
local ALNUM = lpeg.R("az", "09")^1
local ID = ALNUM * (lpeg.P("-") * ALNUM)^0 * -1

-- An id (lower-case letters, digits, dashes, at most 64) from any text.
function M.slug(s, fallback)
  s = tostring(s or "")
  -- Already an id (as our own exports write titles): one match, not four passes.
  if #s <= 64 and ID:match(s) then return s end
  s = s:lower():gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
  if #s > 64 then s = s:sub(1, 64):gsub("%-+$", "") end
  if s == "" then return fallback end
  return s
end

-- Give every question a unique id.
function M.unique_ids(questions)
  local seen = {}
  for i, q in ipairs(questions) do
    local base = q.id or ("q" .. i)
    local id, n = base, 2
    while seen[id] do
      id = base:sub(1, 60) .. "-" .. n
      n = n + 1
    end
    seen[id] = true
    q.id = id
  end
end

-- A matrix question's key: keys[r] = the list of its column indices for
-- row r, and whether any row takes several columns.
function M.matrix_keys(q)
  local idx, keys, multi = {}, {}, false
  for j, c in ipairs(q.columns) do idx[c] = j end
  for r, row in ipairs(q.rows) do
    local a = row.answer
    if type(a) == "table" then multi = true else a = { a } end
    keys[r] = {}
    for k, text in ipairs(a) do keys[r][k] = idx[text] end
    table.sort(keys[r])
  end
  return keys, multi
end

-- A matching question read from GIFT or Moodle XML whose right-hand texts
-- repeat is a grid (teachback's matching needs each to differ): it becomes
-- a matrix with one column per row, the columns in order of first use, then
-- the distractors.  Moodle and teachback score both as rows right / rows.
function M.matching_as_matrix(q)
  local seen, repeats = {}, false
  for _, p in ipairs(q.pairs) do
    if seen[p.right] then repeats = true end
    seen[p.right] = true
  end
  if not repeats then return false end
  local columns, rows, have = {}, {}, {}
  for r, p in ipairs(q.pairs) do
    if not have[p.right] then columns[#columns + 1], have[p.right] = p.right, true end
    rows[r] = { text = p.left, answer = p.right }
  end
  for _, d in ipairs(q.distractors or {}) do
    if not have[d] then columns[#columns + 1], have[d] = d, true end
  end
  q.type, q.pairs, q.distractors, q.columns, q.rows = "matrix", nil, nil, columns, rows
  return true
end

-- Columns no row answers (a matching question's distractors), in order.
function M.matrix_unused(q, keys)
  local used, out = {}, {}
  for _, list in ipairs(keys) do for _, j in ipairs(list) do used[j] = true end end
  for j, c in ipairs(q.columns) do if not used[j] then out[#out + 1] = c end end
  return out
end

-- A staging question as text: the prompt with the case, and the answers a
-- short-answer question accepts (the group in Roman and Arabic numerals,
-- with and without "Stage"; formats compare them without case).
local ARABIC = { I = "1", II = "2", III = "3", IV = "4" }

function M.staging_prompt(q)
  return ("%s\n%s %s %s"):format(q.prompt, q.case.t, q.case.n, q.case.m)
end

function M.staging_answers(q)
  local g = require("staging").group(q.case.t, q.case.n, q.case.m)
  local roman, letter = g:match("^([IV]+)(%a?)$")
  if not roman then return { g, "Stage " .. g } end
  local arabic = ARABIC[roman] .. letter
  return { g, arabic, "Stage " .. g, "Stage " .. arabic }
end

-- What a staging question loses as short answer, for the note in the output.
M.STAGING_NOTE = "a teachback staging question, written as short answer: the group in " ..
  "Roman or Arabic numerals, with or without 'Stage', is right (teachback also takes " ..
  "spaces inside, as in 'III A', and a closing full stop)"

-- Text for an XML comment: "--" may not stand inside one.
function M.xml_comment(s)
  s = s:gsub("%-%-", "- -"):gsub("%-%-", "- -"):gsub("%-$", "- ")
  return "<!-- " .. s .. " -->"
end

-- A warning line for a question a format cannot carry.
function M.skipped(fmt, q, why)
  return ("question '%s' (%s) skipped: %s"):format(q.id, q.type, why:gsub("%%F", fmt))
end

-- Plain text from the small HTML a learning system keeps: line breaks and
-- paragraphs become newlines, other tags go, entities are decoded.
local HTML_ENT = { amp = "&", lt = "<", gt = ">", quot = '"', apos = "'", nbsp = " ",
                   ndash = "–", mdash = "—", hellip = "…", rsquo = "’", lsquo = "‘",
                   rdquo = "”", ldquo = "“", deg = "°", times = "×", middot = "·" }

function M.html_to_text(s)
  s = s:gsub("\r\n?", "\n")
  s = s:gsub("%s*<[bB][rR]%s*/?>%s*", "\n")
  s = s:gsub("%s*</[pP]>%s*<[pP][^>]*>%s*", "\n")
  s = s:gsub("%s*</?[pP][^>]*>%s*", "")
  s = s:gsub("<[^>]*>", "")
  s = s:gsub("&(#?%w+);", function(e)
    if e:match("^#x%x+$") then return utf8.char(tonumber(e:sub(3), 16)) end
    if e:match("^#%d+$") then
      local n = tonumber(e:sub(2))
      if n > 0 and n < 0x110000 then return utf8.char(n) end
    end
    return HTML_ENT[e]
  end)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- Our plain text as HTML (escaped; newlines as <br>).
function M.text_to_html(s)
  s = tostring(s):gsub("[&<>]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;" })
  return (s:gsub("\n", "<br>"))
end

return M
