-- recordhtml.lua: the HTML reports, each one self-contained file (inline
-- CSS and SVG, no scripts, nothing fetched): a quiz's item analysis, and a
-- learner's patient-education record printable on one page.

local util = require("util")

local M = {}

local function esc(s)
  return (tostring(s):gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                                         ['"'] = "&quot;", ["'"] = "&#39;" }))
end
M.esc = esc

local function fmt(x)
  if x == nil then return "–" end
  return ("%.2f"):format(x)
end

local STYLE = [[
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#111;max-width:60em}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.2em 0 .4em}
table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}
td:first-child,th:first-child{text-align:left}.flag{color:#a00}.small{font-size:.9em;color:#444}
svg{margin:.5em 1em .5em 0;border:1px solid #ccc;background:#fff}
@media print{body{margin:0;font-size:11px}h2{margin:.6em 0 .2em}}
@page{size:A4;margin:12mm}
]]

local function page(title, body)
  return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' ..
    '<meta name="viewport" content="width=device-width, initial-scale=1">' ..
    "<title>%s</title><style>%s</style></head><body>\n%s</body></html>\n")
    :format(esc(title), STYLE, body)
end

-- Score distribution: attempts per tenth of the maximum.
function M.histogram(totals, max)
  local bins = {}
  for i = 1, 10 do bins[i] = 0 end
  for _, t in ipairs(totals) do
    local f = max > 0 and t / max or 0
    local b = math.min(10, math.max(1, math.floor(f * 10) + 1))
    bins[b] = bins[b] + 1
  end
  local top = 1
  for _, n in ipairs(bins) do top = math.max(top, n) end
  local W, H, L, B = 360, 200, 34, 30
  local out = { ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" ' ..
    'role="img" aria-label="Score distribution">'):format(W, H) }
  local bw = (W - L - 10) / 10
  for i, n in ipairs(bins) do
    local h = (H - B - 10) * n / top
    out[#out + 1] = ('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#4a7ab5">' ..
      '<title>%d%%–%d%%: %d</title></rect>'):format(L + (i - 1) * bw + 1, H - B - h, bw - 2, h,
      (i - 1) * 10, i * 10, n)
  end
  out[#out + 1] = ('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#000"/>'):format(L, H - B,
    W - 10, H - B)
  for i = 0, 10, 2 do
    out[#out + 1] = ('<text x="%.1f" y="%d" font-size="10" text-anchor="middle">%d%%</text>')
      :format(L + i * bw, H - B + 14, i * 10)
  end
  out[#out + 1] = ('<text x="4" y="14" font-size="10">%d</text><text x="%d" y="%d" ' ..
    'font-size="11" text-anchor="middle">score (percent of maximum)</text>'):format(top,
    (W + L) // 2, H - 3)
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- Facility (x, 0-100 %) against discrimination index (y, -100 to 100 %).
function M.scatter(items)
  local W, H, L, B = 360, 240, 40, 30
  local pw, ph = W - L - 10, H - B - 10
  local function x(f) return L + pw * f / 100 end
  local function y(d) return 10 + ph * (100 - d) / 200 end
  local out = { ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" ' ..
    'role="img" aria-label="Facility against discrimination">'):format(W, H) }
  -- The region Moodle's guidance calls sound: facility 35-64 %.
  out[#out + 1] = ('<rect x="%.1f" y="10" width="%.1f" height="%d" fill="#eef5e8"/>')
    :format(x(35), x(64) - x(35), ph)
  out[#out + 1] = ('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#999"/>'):format(L, y(0),
    W - 10, y(0))
  out[#out + 1] = ('<line x1="%d" y1="10" x2="%d" y2="%d" stroke="#000"/>'):format(L, L, H - B)
  for _, it in ipairs(items) do
    if it.facility and it.discrimination then
      local bad = #it.flags > 0
      out[#out + 1] = ('<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s: facility ' ..
        '%s, discrimination %s</title></circle>'):format(x(it.facility),
        y(math.max(-100, math.min(100, it.discrimination))), bad and "#c33" or "#4a7ab5",
        esc(it.id), fmt(it.facility), fmt(it.discrimination))
    end
  end
  for _, f in ipairs { 0, 50, 100 } do
    out[#out + 1] = ('<text x="%.1f" y="%d" font-size="10" text-anchor="middle">%d%%</text>')
      :format(x(f), H - B + 14, f)
  end
  for _, d in ipairs { 100, 0, -100 } do
    out[#out + 1] = ('<text x="%d" y="%.1f" font-size="10" text-anchor="end">%d</text>')
      :format(L - 3, y(d) + 3, d)
  end
  out[#out + 1] = ('<text x="%d" y="%d" font-size="11" text-anchor="middle">facility ' ..
    '(percent right)</text>'):format((W + L) // 2, H - 3)
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

function M.quiz_report(quiz, res)
  local t = res.test
  local b = { ("<h1>Item analysis: %s</h1>"):format(esc(quiz.title)) }
  b[#b + 1] = ('<p class="small">Quiz <code>%s</code>. Formulas as in Moodle\'s quiz ' ..
    'statistics report; every stored attempt counts as one learner.</p>'):format(esc(quiz.id))
  b[#b + 1] = "<h2>The whole test</h2><table>"
  local rows = {
    { "Attempts", tostring(t.n) }, { "Mean (marks)", fmt(t.mean) },
    { "Median", fmt(t.median) }, { "Standard deviation", fmt(t.sd) },
    { "Skewness", fmt(t.skewness) }, { "Kurtosis", fmt(t.kurtosis) },
    { "Cronbach's alpha (CIC, %)", fmt(t.cic) }, { "Error ratio (%)", fmt(t.error_ratio) },
    { "Standard error (marks)", fmt(t.standard_error) }, { "Maximum", fmt(t.max) } }
  for _, r in ipairs(rows) do
    b[#b + 1] = ("<tr><th>%s</th><td>%s</td></tr>"):format(r[1], r[2])
  end
  b[#b + 1] = "</table>"
  if t.same_items == false then
    b[#b + 1] = "<p class=\"small\">The attempts were given different questions (a draw): " ..
      "each question's figures are over the attempts given it, and Cronbach's alpha, the " ..
      "error ratio, the standard error and effective weights are not defined.</p>"
  end
  if t.n < 30 then
    b[#b + 1] = ("<p class=\"small\">Only %d attempts: below about 30 these figures are " ..
                 "unstable.</p>"):format(t.n)
  end
  b[#b + 1] = "<h2>Score distribution; facility against discrimination</h2>"
  b[#b + 1] = M.histogram(res.totals, t.max or 0) .. M.scatter(res.items)
  b[#b + 1] = "<h2>Mastery by topic</h2><table><tr><th>topic</th><th>percent</th></tr>"
  for _, m in ipairs(res.mastery) do
    b[#b + 1] = ("<tr><td>%s</td><td>%s</td></tr>"):format(esc(m.topic), fmt(m.percent))
  end
  b[#b + 1] = "</table><h2>Questions</h2><table><tr><th>question</th><th>attempts</th>" ..
    "<th>facility %</th>" ..
    "<th>SD %</th><th>intended wt %</th><th>effective wt %</th><th>discrimination %</th>" ..
    "<th>efficiency %</th><th>options: count (pull)</th><th>flags</th></tr>"
  for _, it in ipairs(res.items) do
    local ds = {}
    for _, d in ipairs(it.distractors or {}) do
      ds[#ds + 1] = ("%s%s %d (%s)"):format(esc(d.label), d.correct and "*" or "", d.count,
                                           d.pull and ("%.0f"):format(d.pull) or "–")
    end
    b[#b + 1] = ('<tr><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>' ..
      '<td>%s</td><td>%s</td><td>%s</td><td class="flag">%s</td></tr>'):format(esc(it.id),
      it.n, fmt(it.facility), fmt(it.sd), fmt(it.intended_weight), fmt(it.effective_weight),
      fmt(it.discrimination), fmt(it.efficiency), table.concat(ds, ", "),
      esc(table.concat(it.flags, "; ")))
  end
  b[#b + 1] = "</table><p class=\"small\">* the key. Pull: the share of the strongest third " ..
    "(by the rest of the test) choosing an option minus the share of the weakest third, in " ..
    "points; a wrong option should pull the weaker learners (negative).</p>"
  return page("Item analysis: " .. quiz.title, table.concat(b, "\n"))
end

local function list(items, empty)
  if #items == 0 then return ("<p>%s</p>"):format(empty) end
  local out = { "<ul>" }
  for _, it in ipairs(items) do out[#out + 1] = "<li>" .. esc(it) .. "</li>" end
  out[#out + 1] = "</ul>"
  return table.concat(out)
end

function M.learner_report(name, printed, sessions)
  local b = { ("<h1>Patient education record: %s</h1>"):format(esc(name)) }
  b[#b + 1] = ('<p class="small">Printed %s from teachback records. Teach-back: the ' ..
    'learner explains in their own words; points below are what they said or did not ' ..
    'say.</p>'):format(esc(printed))
  if #sessions == 0 then b[#b + 1] = "<p>No sessions recorded.</p>" end
  for _, s in ipairs(sessions) do
    b[#b + 1] = ("<h2>%s — %s%s</h2>"):format(esc(s.date), esc(s.title),
      s.status == "stopped" and " (stopped early)" or "")
    b[#b + 1] = "<p><b>Topics taught:</b> " .. esc(#s.topics > 0 and
      table.concat(s.topics, ", ") or "none answered") .. "</p>"
    b[#b + 1] = "<p><b>Understood (said back):</b></p>" .. list(s.understood, "—")
    b[#b + 1] = "<p><b>Not yet understood:</b></p>" .. list(s.not_understood, "—")
    if #s.nurse > 0 then
      b[#b + 1] = "<p><b>Nurse's verdicts:</b></p>" .. list(s.nurse, "—")
    end
    local flags = {}
    for _, r in ipairs(s.red_flags) do
      flags[#flags + 1] = ("%s — %s%s"):format(r.question, r.understood and "understood" or
        "NOT understood: review again", r.action and (". " .. r.action) or "")
    end
    b[#b + 1] = "<p><b>Red flags reviewed:</b></p>" .. list(flags, "none in this session")
  end
  b[#b + 1] = '<p class="small">Nurse: ____________________ Signature: ____________ ' ..
    'Date: __________</p>'
  return page("Patient education record: " .. name, table.concat(b, "\n"))
end

return M
