-- formats/handout.lua: a printable handout, one self-contained HTML file
-- (no scripts, fonts, images or links to fetch), for a group session or a
-- patient to take home.
--
-- Patients' quizzes print large (16 pt text, 20 pt headings); students'
-- at 11 pt.  Every question stands on its own (never split across pages)
-- with room to answer: a box per option, a line per blank, a numbered
-- space per ordering item, a grid for matrix rows, lines for own words.
-- Pages print on A4 and Letter alike: the page size is left to the
-- printer and the margins (15 mm) and text width fit the narrower of the
-- two.  --key adds, under each question, the answer, the explanation and
-- the passage of the material it is quoted from.  Red-flag questions carry
-- their safety message in a box in both versions: what to do does not wait
-- for the key.

local material = require("material")

local M = {}

local function h(s)
  return (tostring(s):gsub("[&<>\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                                         ['"'] = "&quot;" }):gsub("\n", "<br>"))
end

local function label(i)
  return string.char(64 + i)
end

local CSS = [[
@page { margin: 15mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 178mm; line-height: 1.45; }
body.patient { font-size: 16pt; }
body.student { font-size: 11pt; }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
.lead { margin: 0 0 1em; }
.name { margin: 0 0 1.2em; }
.name span { display: inline-block; min-width: 60%; border-bottom: 1px solid #000; }
ol.questions { padding-left: 0; list-style: none; counter-reset: q; }
li.q { counter-increment: q; margin: 0 0 1.2em; padding: .5em .6em; border: 1px solid #999; }
.ask, .key { break-inside: avoid; page-break-inside: avoid; }
.prompt { font-weight: bold; margin: 0 0 .4em; }
.prompt::before { content: counter(q) ". "; }
.how { font-style: italic; margin: 0 0 .4em; }
ul.opts { list-style: none; padding-left: 0; margin: 0; }
ul.opts li { margin: .25em 0; display: flex; align-items: flex-start; gap: .5em; }
.box { display: inline-block; flex: none; width: 1.1em; height: 1.1em; border: 2px solid #000;
       margin-top: .2em; }
.line { display: block; border-bottom: 1px solid #000; height: 2em; }
.blank { display: inline-block; min-width: 6em; border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #666; padding: .3em .4em; text-align: left; vertical-align: top; }
th { font-weight: bold; }
td.tick { text-align: center; width: 3.5em; }
.safety { border: 3px solid #000; padding: .4em .6em; margin: .5em 0 0; font-weight: bold; }
.key { margin: .6em 0 0; padding: .4em .6em; background: #f2f2f2; border-left: 4px solid #000; }
.key .answer { font-weight: bold; }
.key blockquote { margin: .3em 0 0 1em; font-style: italic; }
footer { margin-top: 1.5em; font-size: .8em; }
@media print { li.q { border-color: #000; } .key { background: none; } }
]]

local function lines(out, n)
  for _ = 1, n do out[#out + 1] = '<span class="line"></span>' end
end

local function options(out, texts, how)
  if how then out[#out + 1] = ('<p class="how">%s</p>'):format(h(how)) end
  out[#out + 1] = '<ul class="opts">'
  for i, t in ipairs(texts) do
    out[#out + 1] = ('<li><span class="box"></span><span>%s. %s</span></li>'):format(label(i), h(t))
  end
  out[#out + 1] = "</ul>"
end

local function texts_of(list, field)
  local out = {}
  for i, o in ipairs(list) do out[i] = field and o[field] or o end
  return out
end

local BODY = {}

function BODY.single(q, out) options(out, texts_of(q.options, "text"), "Tick one.") end
function BODY.multiple(q, out) options(out, texts_of(q.options, "text"), "Tick every answer that applies.") end
function BODY.truefalse(q, out) options(out, { "True", "False" }, "Tick one.") end

local function rights(q)
  local r = {}
  for i, p in ipairs(q.pairs) do r[i] = p.right end
  for _, d in ipairs(q.distractors or {}) do r[#r + 1] = d end
  -- Listed in a fixed order that is not the key's: sorted by text.
  table.sort(r)
  return r
end

function BODY.matching(q, out)
  local r = rights(q)
  out[#out + 1] = '<p class="how">Write the letter of the match in each box.</p>'
  out[#out + 1] = "<table><tr><th></th><th>Match</th><th></th><th>Choices</th></tr>"
  for i = 1, math.max(#q.pairs, #r) do
    local p = q.pairs[i]
    out[#out + 1] = ("<tr><td>%s</td><td class=\"tick\">%s</td><td>%s</td><td>%s</td></tr>"):format(
      p and (i .. ". " .. h(p.left)) or "", p and '<span class="box"></span>' or "",
      r[i] and label(i) .. "." or "", r[i] and h(r[i]) or "")
  end
  out[#out + 1] = "</table>"
end

function BODY.ordering(q, out)
  local sorted = texts_of(q.items)
  table.sort(sorted)
  out[#out + 1] = '<p class="how">Number the steps in order: 1 first.</p><ul class="opts">'
  for _, t in ipairs(sorted) do
    out[#out + 1] = ('<li><span class="box"></span><span>%s</span></li>'):format(h(t))
  end
  out[#out + 1] = "</ul>"
end

function BODY.numeric(q, out)
  out[#out + 1] = ('<p>Answer: <span class="blank"></span> %s</p>'):format(h(q.unit or ""))
end

function BODY.text(q, out)
  out[#out + 1] = '<p>Answer: <span class="blank" style="min-width:12em"></span></p>'
end

function BODY.staging(q, out)
  local c = q.case
  out[#out + 1] = ("<p>Case: %s %s %s</p>"):format(h(c.t), h(c.n), h(c.m))
  out[#out + 1] = '<p>Stage: <span class="blank"></span></p>'
end

function BODY.cloze(q, out)
  local text = h(q.text):gsub("{{%s*(%d+)%s*}}", '(%1) <span class="blank"></span>')
  out[#out + 1] = "<p>" .. text .. "</p>"
  for i, b in ipairs(q.blanks) do
    out[#out + 1] = ("<p>(%d) choose from: %s</p>"):format(i, h(table.concat(b.options, " / ")))
  end
end

function BODY.matrix(q, out)
  out[#out + 1] = '<p class="how">Tick the right box in each row.</p><table><tr><th></th>'
  for _, c in ipairs(q.columns) do out[#out + 1] = "<th>" .. h(c) .. "</th>" end
  out[#out + 1] = "</tr>"
  for _, row in ipairs(q.rows) do
    out[#out + 1] = "<tr><td>" .. h(row.text) .. "</td>"
    for _ in ipairs(q.columns) do out[#out + 1] = '<td class="tick"><span class="box"></span></td>' end
    out[#out + 1] = "</tr>"
  end
  out[#out + 1] = "</table>"
end

function BODY.teachback(q, out)
  if type(q.steps) == "table" and #q.steps > 0 then
    out[#out + 1] = '<ol class="steps">'
    for _, s in ipairs(q.steps) do out[#out + 1] = ("<li>%s</li>"):format(h(s)) end
    out[#out + 1] = "</ol>"
  end
  out[#out + 1] = '<p class="how">Write it in your own words, or say it to your nurse.</p>'
  lines(out, 5)
end

-- ---- the key -------------------------------------------------------------

local KEY = {}

local function picked(q)
  local out = {}
  for i, o in ipairs(q.options) do if o.correct then out[#out + 1] = label(i) .. ". " .. o.text end end
  return table.concat(out, "; ")
end

KEY.single, KEY.multiple = picked, picked
function KEY.truefalse(q) return q.answer and "True" or "False" end
function KEY.matching(q)
  local r, out = rights(q), {}
  for i, p in ipairs(q.pairs) do
    for j, t in ipairs(r) do if t == p.right then out[#out + 1] = ("%d → %s"):format(i, label(j)) end end
  end
  return table.concat(out, ", ")
end
function KEY.ordering(q)
  local out = {}
  for i, t in ipairs(q.items) do out[i] = ("%d. %s"):format(i, t) end
  return table.concat(out, "; ")
end
function KEY.numeric(q)
  local tol = q.tolerance and (" (± " .. q.tolerance .. ")") or
              q.tolerance_pct and (" (± " .. q.tolerance_pct .. "%)") or ""
  return ("%s%s%s"):format(q.answer, q.unit and (" " .. q.unit) or "", tol)
end
function KEY.text(q) return table.concat(q.accept, " or ") end
function KEY.cloze(q)
  local out = {}
  for i, b in ipairs(q.blanks) do out[i] = ("(%d) %s"):format(i, b.answer) end
  return table.concat(out, ", ")
end
function KEY.matrix(q)
  local out = {}
  for _, row in ipairs(q.rows) do
    local a = type(row.answer) == "table" and table.concat(row.answer, " and ") or tostring(row.answer or "none")
    out[#out + 1] = row.text .. ": " .. a
  end
  return table.concat(out, "; ")
end
function KEY.staging(q)
  local stage = require("staging").group(q.case.t, q.case.n, q.case.m)
  return "Stage " .. tostring(stage or "?")
end
function KEY.teachback(q)
  local out = {}
  for _, kp in ipairs(q.key_points) do out[#out + 1] = kp.says end
  return "Listen for: " .. table.concat(out, " ")
end

local function key_block(q, out)
  local ok, answer = pcall(KEY[q.type], q)
  out[#out + 1] = '<div class="key">'
  out[#out + 1] = ('<p class="answer">Answer: %s</p>'):format(h(ok and answer or ""))
  out[#out + 1] = ("<p>%s</p>"):format(h(q.explain))
  -- The passage the answer is quoted from; without a quote, the section to re-read.
  local sec = q._section
  if sec and q.quote then
    local passage = material.passage(sec, q.quote)
    if passage and passage ~= "" then
      out[#out + 1] = ("<p>From “%s”:</p><blockquote>%s</blockquote>"):format(h(sec.title), h(passage))
    end
  elseif sec then
    out[#out + 1] = ("<p>Read again: “%s”.</p>"):format(h(sec.title))
  end
  out[#out + 1] = "</div>"
end

function M.export(quiz, opts)
  local key = opts and opts.key
  local patient = quiz.audience == "patient"
  local out, warnings = {}, {}
  out[#out + 1] = "<!DOCTYPE html>"
  out[#out + 1] = ('<html lang="%s"><head><meta charset="utf-8">'):format(h(quiz.language or "en"))
  out[#out + 1] = '<meta name="viewport" content="width=device-width, initial-scale=1">'
  out[#out + 1] = ("<title>%s%s</title>"):format(h(quiz.title), key and " (answers)" or "")
  out[#out + 1] = "<style>" .. CSS .. "</style></head>"
  out[#out + 1] = ('<body class="%s">'):format(patient and "patient" or "student")
  out[#out + 1] = ("<h1>%s%s</h1>"):format(h(quiz.title), key and " — answers" or "")
  if quiz.description then out[#out + 1] = ('<p class="lead">%s</p>'):format(h(quiz.description)) end
  if not key then out[#out + 1] = '<p class="name">Name: <span></span></p>' end
  out[#out + 1] = '<ol class="questions">'
  for _, q in ipairs(quiz.questions) do
    if q.script then
      warnings[#warnings + 1] = ("question '%s' (%s) skipped: it is made by a script from " ..
                                 "each attempt's seed"):format(q.id, q.type)
    else
      out[#out + 1] = '<li class="q"><div class="ask">'
      out[#out + 1] = ('<p class="prompt">%s</p>'):format(h(q.prompt))
      BODY[q.type](q, out)
      if q.safety then
        out[#out + 1] = ('<p class="safety">%s</p>'):format(h(q.safety_message or q.explain))
      end
      out[#out + 1] = "</div>"
      if key then key_block(q, out) end
      out[#out + 1] = "</li>"
    end
  end
  out[#out + 1] = "</ol>"
  out[#out + 1] = ("<footer>%s, version %s, reviewed %s.%s</footer>"):format(h(quiz.id),
    h(quiz.version), h(quiz.reviewed),
    patient and " Questions about your care? Ask your nurse or call your care team." or "")
  out[#out + 1] = "</body></html>"
  return table.concat(out, "\n") .. "\n", warnings
end

return M
