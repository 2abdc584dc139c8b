-- webpage.lua: the HTML of every page `teachback serve` shows.
--
-- The pages draw the same views the terminal draws (report.lua, session's
-- phases, cli.menu), as semantic HTML that works without JavaScript: every
-- answer is a form that posts (webform.lua turns it into the line the
-- terminal would have read).  Every text that comes from a quiz, its
-- material or the learner goes through one function, M.esc, whether it
-- lands in text or in a (double-quoted) attribute.  The words people read
-- are here and in report.lua, never in C.

local cli = require("cli")
local report = require("report")
local session = require("session")
local util = require("util")

local M = {}

-- ---- escaping ---------------------------------------------------------

local ESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
              ["'"] = "&#39;" }

-- Bytes that are not UTF-8 become U+FFFD, one per bad byte: a page is
-- always valid UTF-8 whatever the quiz file held.
local function valid_utf8(s)
  if utf8.len(s) then return s end
  local out, i, n = {}, 1, #s
  while i <= n do
    if utf8.len(s, i, i) then
      local len = #utf8.char(utf8.codepoint(s, i))
      out[#out + 1] = s:sub(i, i + len - 1)
      i = i + len
    else
      out[#out + 1] = "\239\191\189"
      i = i + 1
    end
  end
  return table.concat(out)
end

-- The one escaping function, for text and for double-quoted attribute
-- values alike: & < > " ' as entities, control characters (C0 but tab and
-- newline, DEL, C1) dropped, bad UTF-8 replaced.
function M.esc(s)
  if s == nil then return "" end
  s = valid_utf8(tostring(s))
  s = s:gsub("[%z\1-\8\11\12\14-\31\127]", ""):gsub("\194[\128-\159]", "")
  return (s:gsub("[&<>\"']", ESC))
end

-- Escaped text whose line breaks show as line breaks.
local function esc_lines(s)
  return (M.esc(s):gsub("\r?\n", "<br>\n"))
end

-- A path segment (a quiz id, a token) for an href: anything but
-- unreserved characters percent-encoded, then escaped for the attribute.
function M.url_part(s)
  return M.esc((tostring(s):gsub("[^%w%-%._~]", function(c)
    return ("%%%02X"):format(c:byte())
  end)))
end

-- ---- the frame of every page -------------------------------------------

-- A language tag from a quiz file is only used when it looks like one.
local function lang_of(tag)
  if type(tag) == "string" and tag:match("^%a%a%a?$") or
     (type(tag) == "string" and tag:match("^%a%a%a?%-[%w%-]+$") and #tag <= 20) then
    return tag
  end
  return "en"
end

M.SITE = "teachback"

-- The whole document.  opts: title (plain text), lang, kiosk (minutes of
-- idle before the tablet returns to the start page), csrf (for the kiosk's
-- Done button), body (HTML).
function M.page(opts)
  local kiosk = opts.kiosk and opts.kiosk > 0 and math.floor(opts.kiosk * 60) or nil
  local out = {
    "<!DOCTYPE html>\n",
    ('<html lang="%s">\n'):format(M.esc(lang_of(opts.lang))),
    "<head>\n<meta charset=\"utf-8\">\n",
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    ("<title>%s</title>\n"):format(M.esc(opts.title or M.SITE)),
    '<link rel="stylesheet" href="/static/style.css">\n',
    '<script src="/static/page.js" defer></script>\n',
  }
  if kiosk then
    -- Without script the page still goes back to the start after a while;
    -- with script, page.js counts idle time instead (and ends the session).
    out[#out + 1] = ('<noscript><meta http-equiv="refresh" content="%d;url=/"></noscript>\n')
      :format(kiosk)
  end
  out[#out + 1] = "</head>\n"
  out[#out + 1] = kiosk and ('<body data-idle="%d">\n'):format(kiosk) or "<body>\n"
  out[#out + 1] = '<a class="skip" href="#main">Skip to the main content</a>\n'
  out[#out + 1] = ('<header class="site"><a href="/">%s</a></header>\n'):format(M.esc(M.SITE))
  out[#out + 1] = '<main id="main">\n'
  out[#out + 1] = opts.body
  out[#out + 1] = "</main>\n"
  if kiosk then
    out[#out + 1] = '<footer class="kiosk">\n<form method="post" action="/done" id="done-form">\n'
    out[#out + 1] = M.hidden("csrf", opts.csrf)
    out[#out + 1] = '<button type="submit" class="button">Done — hand the tablet back</button>\n'
    out[#out + 1] = "</form>\n</footer>\n"
  end
  out[#out + 1] = "</body>\n</html>\n"
  return table.concat(out)
end

function M.hidden(name, value)
  return ('<input type="hidden" name="%s" value="%s">\n'):format(M.esc(name), M.esc(value or ""))
end

local function button(action, text, class)
  return ('<button type="submit" name="action" value="%s" class="button%s">%s</button>\n')
    :format(M.esc(action), class and (" " .. class) or "", M.esc(text))
end

-- ---- blocks -------------------------------------------------------------

local NOTE_WORD = { right = "Right", missed = "Missed", notquite = "Not quite", wrong = "Wrong" }

-- A bar's width in tenths, as a class: inline styles are not allowed (CSP).
local function tenths(value, max)
  local v, m = tonumber(value) or 0, tonumber(max) or 0
  if m <= 0 then return 0 end
  return math.max(0, math.min(10, math.floor(10 * v / m + 0.5)))
end

-- The red-flag box: each warning its own paragraph under its label
-- ("Important"; "Remember" after a red flag answered right).
local function box_html(text, label)
  local out = { ('<div class="box" role="note">\n<p class="box-title"><strong>%s</strong></p>\n')
                :format(M.esc(label or report.WARNING)) }
  for para in (tostring(text or "") .. "\n\n"):gmatch("(.-)\n\n+") do
    if para:match("%S") then out[#out + 1] = ("<p>%s</p>\n"):format(esc_lines(para)) end
  end
  out[#out + 1] = "</div>\n"
  return table.concat(out)
end
M.box_html = box_html

-- Runs of items, notes, bullets and bars are one list each.
local LIST_OF = { item = "ul", note = "ul", bullet = "ul", bar = "ul" }
local LIST_CLASS = { item = "items", note = "notes", bullet = "bullets", bar = "bars" }

local function one_block(b)
  local kind, text = b.kind, b.text
  if kind == "title" then return ("<h1>%s</h1>\n"):format(M.esc(text)) end
  if kind == "heading" then return ("<h2>%s</h2>\n"):format(M.esc(text)) end
  if kind == "subheading" then return ("<h3>%s</h3>\n"):format(M.esc(text)) end
  if kind == "hint" then return ('<p class="hint">%s</p>\n'):format(esc_lines(text)) end
  if kind == "verdict" then
    local class = b.ok == true and "right" or (type(b.ok) == "string" and "partial") or "wrong"
    return ('<p class="verdict %s">%s</p>\n'):format(class, M.esc(text))
  end
  if kind == "passage" then
    return ('<figure class="passage">\n<figcaption>Quote from “%s”:</figcaption>\n' ..
            "<blockquote><p>%s</p></blockquote>\n</figure>\n"):format(M.esc(b.title),
                                                                   esc_lines(text))
  end
  if kind == "box" then return box_html(text, b.label) end
  if kind == "item" then
    return ('<li><span class="label">%s)</span> %s</li>\n'):format(M.esc(b.label), M.esc(text))
  end
  if kind == "note" then
    local mark = NOTE_WORD[b.mark] and b.mark or "wrong"
    return ('<li class="note %s"><strong>%s:</strong> %s</li>\n'):format(mark, NOTE_WORD[mark],
                                                                        M.esc(text))
  end
  if kind == "bullet" then return ("<li>%s</li>\n"):format(M.esc(text)) end
  if kind == "bar" then
    return ('<li><span class="bar-label">%s:</span> %s <span class="bar w%d" ' ..
            'aria-hidden="true"></span></li>\n'):format(M.esc(b.label), M.esc(text),
                                                        tenths(b.value, b.max))
  end
  if kind == "blank" then return "" end
  return ("<p>%s</p>\n"):format(esc_lines(text))
end

-- A view (a list of blocks) as HTML.
function M.blocks(view)
  local out, open = {}, nil
  for _, b in ipairs(view or {}) do
    local list = LIST_OF[b.kind] and b.kind or nil
    if open and open ~= list then
      out[#out + 1] = "</ul>\n"
      open = nil
    end
    if list and not open then
      out[#out + 1] = ('<ul class="%s">\n'):format(LIST_CLASS[list])
      open = list
    end
    out[#out + 1] = one_block(b)
  end
  if open then out[#out + 1] = "</ul>\n" end
  return table.concat(out)
end

-- A view as plain text, for reading aloud.
function M.plain(view)
  local out = {}
  for _, b in ipairs(view or {}) do
    if b.kind == "item" then
      out[#out + 1] = ("%s) %s"):format(b.label or "", b.text or "")
    elseif b.kind == "note" then
      out[#out + 1] = ("%s: %s"):format(NOTE_WORD[b.mark] or "Wrong", b.text or "")
    elseif b.kind == "passage" then
      out[#out + 1] = ("Quote from %s: %s"):format(b.title or "", b.text or "")
    elseif b.kind == "box" then
      out[#out + 1] = (b.label or report.WARNING) .. ": " .. (b.text or "")
    elseif b.kind == "bar" then
      out[#out + 1] = ("%s: %s"):format(b.label or "", b.text or "")
    elseif b.kind ~= "blank" and b.text then
      out[#out + 1] = b.text
    end
  end
  return table.concat(out, "\n")
end

-- The read-aloud button: hidden until page.js shows it (it needs script).
local function speak_button(ctx, what, target)
  if not ctx.token then return "" end
  return ('<button type="button" class="button speak" hidden data-read="%s" ' ..
          'data-speak="/speak/%s?what=%s">Read aloud</button>\n'):format(M.esc(target),
          M.url_part(ctx.token), M.esc(what))
end

-- ---- the start page -----------------------------------------------------

-- rows: the ordered rows of cli.menu (id, title, n, minutes, group).
function M.start(rows, ctx)
  ctx = ctx or {}
  local out = { "<h1>Quizzes</h1>\n" }
  if ctx.notice then out[#out + 1] = ('<p class="notice" role="alert">%s</p>\n'):format(M.esc(ctx.notice)) end
  if #rows == 0 then out[#out + 1] = "<p>There are no quizzes here yet.</p>\n" end
  for _, g in ipairs(cli.GROUPS) do
    local any = false
    for _, r in ipairs(rows) do
      if r.group == g.key then
        if not any then
          out[#out + 1] = ('<section class="group">\n<h2>%s</h2>\n<ul class="quizzes">\n')
            :format(M.esc(g.title))
          any = true
        end
        out[#out + 1] = ('<li><a href="/q/%s">%s</a> <span class="meta">%s, about %d min</span></li>\n')
          :format(M.url_part(r.id), M.esc(r.title), M.esc(util.plural(r.n, "question")),
                  math.floor(tonumber(r.minutes) or 1))
      end
    end
    if any then out[#out + 1] = "</ul>\n</section>\n" end
  end
  return M.page({ title = "Quizzes — " .. M.SITE, body = table.concat(out), kiosk = ctx.kiosk,
                  csrf = ctx.csrf })
end

-- ---- a quiz's intro -------------------------------------------------------

-- s: a new attempt (not yet started); ctx: csrf, learner, kiosk.
function M.intro(s, ctx)
  local out = {}
  for _, b in ipairs(cli.intro(s)) do
    -- The terminal's "Type your answer and press Enter" is not for a page.
    if not (b.kind == "hint" and tostring(b.text):find("press Enter", 1, true)) then
      out[#out + 1] = b
    end
  end
  local body = { M.blocks(out) }
  body[#body + 1] = ('<form method="post" action="/q/%s" class="start">\n'):format(
    M.url_part(s.quiz.id))
  body[#body + 1] = M.hidden("csrf", ctx.csrf)
  if ctx.learner then body[#body + 1] = M.hidden("learner", ctx.learner) end
  body[#body + 1] = '<button type="submit" class="button primary">Start</button>\n</form>\n'
  body[#body + 1] = '<p><a class="back" href="/">Back to all quizzes</a></p>\n'
  return M.page({ title = s.quiz.title, lang = s.quiz.language, body = table.concat(body),
                  kiosk = ctx.kiosk, csrf = ctx.csrf })
end

-- ---- the question's form ------------------------------------------------

-- What to do, in the words of a page (the view's own `how` speaks of typing).
local function how_text(s, item, view)
  local input = view.input
  if input == "single" then return "Choose one answer." end
  if input == "truefalse" then return "Choose true or false." end
  if input == "multiple" then return "Choose every answer that applies." end
  if input == "matching" then return "For each one, choose the one it goes with." end
  if input == "cloze" then return "For each blank, choose the word or words that fit." end
  if input == "matrix" then
    return view.parts and view.parts.one and "For each row, choose one column." or
      "For each row, choose every column that applies."
  end
  if input == "ordering" then
    return "Put these in order, first to last, with the Move up and Move down buttons. " ..
      "Then choose Answer."
  end
  if input == "numeric" then
    return ("Type a number in figures%s. A decimal point or a comma both work."):format(
      item.q.unit and (" (in " .. item.q.unit .. ")") or "")
  end
  if input == "text" then
    return "Type your answer in a word or a few words. Spelling counts; capitals and " ..
      "accents do not."
  end
  if input == "staging" then return "Type the stage group, for example IIIA (3a works too)." end
  -- (The type's own words, which differ when it lists steps.)
  if input == "teachback" then return view.how end
  return view.how or ""
end

local function has(fields, name, value)
  for _, v in ipairs(fields and fields[name] or {}) do
    if v == value then return true end
  end
  return false
end

local function first(fields, name)
  local v = fields and fields[name]
  return v and v[1] or nil
end

-- Radio buttons or checkboxes for labelled items, in a fieldset.
local function options_html(kind, name, items, legend, fields, legend_class)
  local out = { ('<fieldset class="options">\n<legend%s>%s</legend>\n'):format(
    legend_class and (' class="' .. legend_class .. '"') or "", legend) }
  for _, it in ipairs(items) do
    local id = ("%s-%s"):format(name, it.label)
    out[#out + 1] = ('<div class="option"><input type="%s" id="%s" name="%s" value="%s"%s>' ..
                     '<label for="%s"><span class="label">%s)</span> %s</label></div>\n'):format(
      kind, M.esc(id), M.esc(name), M.esc(it.label),
      has(fields, name, it.label) and " checked" or "", M.esc(id), M.esc(it.label),
      M.esc(it.text))
  end
  out[#out + 1] = "</fieldset>\n"
  return table.concat(out)
end

local function select_html(name, label, items, fields)
  local out = { ('<div class="row"><label for="%s">%s</label>\n<select id="%s" name="%s">\n')
    :format(M.esc(name), label, M.esc(name), M.esc(name)),
    '<option value="">Choose…</option>\n' }
  local chosen = first(fields, name)
  for _, it in ipairs(items) do
    out[#out + 1] = ('<option value="%s"%s>%s) %s</option>\n'):format(M.esc(it.label),
      chosen == it.label and " selected" or "", M.esc(it.label), M.esc(it.text))
  end
  out[#out + 1] = "</select></div>\n"
  return table.concat(out)
end

-- The labels of an ordering question in their current order.
local function current_order(view, order)
  local items = view.blocks[1].items
  local by = {}
  for _, it in ipairs(items) do by[it.label] = it end
  local out = {}
  if order and #order == #items then
    for k, label in ipairs(order) do
      if not by[label] then out = {} break end
      out[k] = by[label]
    end
  end
  if #out == #items then return out end
  return items
end

local function ordering_html(view, ctx, prompt_html)
  local items = current_order(view, ctx.order)
  local labels = util.map(items, function(it) return it.label end)
  local out = { ('<fieldset class="ordering">\n<legend class="prompt">%s</legend>\n<ol class="order">\n')
    :format(prompt_html) }
  for k, it in ipairs(items) do
    out[#out + 1] = ('<li><span class="order-text"><span class="label">%s)</span> %s</span>' ..
                     '<span class="moves">'):format(M.esc(it.label), M.esc(it.text))
    if k > 1 then
      out[#out + 1] = ('<button type="submit" name="move" value="up:%d" class="button move"%s>' ..
                       'Move up<span class="vh">: %s</span></button>'):format(k,
        ctx.focus == "up:" .. k and " autofocus" or "", M.esc(it.text))
    end
    if k < #items then
      out[#out + 1] = ('<button type="submit" name="move" value="down:%d" class="button move"%s>' ..
                       'Move down<span class="vh">: %s</span></button>'):format(k,
        ctx.focus == "down:" .. k and " autofocus" or "", M.esc(it.text))
    end
    out[#out + 1] = "</span></li>\n"
  end
  out[#out + 1] = "</ol>\n</fieldset>\n"
  out[#out + 1] = M.hidden("order", table.concat(labels, " "))
  return table.concat(out)
end

-- The answer controls of the item's type (the field names of WEB.md).
local function controls(s, item, view, ctx, prompt_html)
  local input, fields = view.input, ctx.fields
  if input == "single" or input == "truefalse" then
    return options_html("radio", "choice", view.blocks[1].items, prompt_html, fields, "prompt")
  end
  if input == "multiple" then
    return options_html("checkbox", "choice", view.blocks[1].items, prompt_html, fields, "prompt")
  end
  local out = { ('<p class="prompt" id="prompt">%s</p>\n'):format(prompt_html) }
  if input == "matching" then
    local lefts, rights = view.blocks[1].items, view.blocks[2].items
    out[#out + 1] = '<fieldset class="rows">\n<legend>Match each of these</legend>\n'
    for r, it in ipairs(lefts) do
      out[#out + 1] = select_html("part" .. r, ("%d. %s"):format(r, M.esc(it.text)), rights, fields)
    end
    out[#out + 1] = "</fieldset>\n"
  elseif input == "cloze" then
    out[#out + 1] = '<fieldset class="rows">\n<legend>Fill each blank</legend>\n'
    for k, opts in ipairs(view.parts.options) do
      out[#out + 1] = select_html("part" .. k, ("Blank %d"):format(k), opts, fields)
    end
    out[#out + 1] = "</fieldset>\n"
  elseif input == "matrix" then
    local rows = view.blocks[1].items
    local kind = view.parts.one and "radio" or "checkbox"
    for r, it in ipairs(rows) do
      out[#out + 1] = options_html(kind, "part" .. r, view.parts.options[r],
                                   ("%d. %s"):format(r, M.esc(it.text)), fields)
    end
  elseif input == "ordering" then
    return ordering_html(view, ctx, prompt_html)
  elseif view.multiline then
    -- A teach-back's steps: short questions, one under another.
    local steps = view.blocks and view.blocks[1] and view.blocks[1].items or {}
    if #steps > 0 then
      out[#out + 1] = '<ol class="steps">\n'
      for _, it in ipairs(steps) do
        out[#out + 1] = ("<li>%s</li>\n"):format(M.esc(it.text))
      end
      out[#out + 1] = "</ol>\n"
    end
    out[#out + 1] = ('<div class="row"><label for="text">Your answer, in your own words</label>\n' ..
                     '<textarea id="text" name="text" rows="5" aria-describedby="prompt">%s</textarea></div>\n')
      :format(M.esc(first(fields, "text") or ""))
  elseif input == "numeric" then
    out[#out + 1] = ('<div class="row"><label for="number">Your answer%s</label>\n' ..
                     '<input type="text" inputmode="decimal" autocomplete="off" id="number" ' ..
                     'name="number" aria-describedby="prompt" value="%s"></div>\n'):format(
      item.q.unit and (" (in " .. M.esc(item.q.unit) .. ")") or "",
      M.esc(first(fields, "number") or ""))
  else
    out[#out + 1] = ('<div class="row"><label for="text">Your answer</label>\n' ..
                     '<input type="text" autocomplete="off" autocapitalize="off" id="text" ' ..
                     'name="text" aria-describedby="prompt" value="%s"></div>\n'):format(
      M.esc(first(fields, "text") or ""))
  end
  return table.concat(out)
end

-- The question: its heading, what to do, its form and the buttons.
local function question_html(s, item, ctx)
  local qv = report.question_view(s, item)
  local view = item.t.present(item.q, item.perm)
  local out = { ('<section class="question">\n<h2>%s</h2>\n'):format(M.esc(qv[1].text)) }
  -- "Try 2 of 3." follows the prompt and the items in the terminal's view.
  for i = 3, #qv do
    if qv[i].kind == "text" then out[#out + 1] = ("<p>%s</p>\n"):format(M.esc(qv[i].text)) end
  end
  out[#out + 1] = ('<p class="hint" id="how">%s</p>\n'):format(M.esc(how_text(s, item, view)))
  out[#out + 1] = speak_button(ctx, "question", "q-read")
  out[#out + 1] = ('<form method="post" action="/a/%s" class="answer">\n'):format(
    M.url_part(ctx.token or ""))
  out[#out + 1] = M.hidden("csrf", ctx.csrf) .. M.hidden("step", ctx.step)
  out[#out + 1] = '<div id="q-read">\n' .. controls(s, item, view, ctx, esc_lines(view.prompt)) ..
    "</div>\n"
  out[#out + 1] = '<div class="actions">\n'
  out[#out + 1] = button("answer", "Answer", "primary")
  if report.offers(s, "hint") and #(item.q.hints or {}) > 0 then
    out[#out + 1] = button("hint", "Show a hint")
  end
  out[#out + 1] = button("skip", session.patient(s) and "Skip — show me the answer" or "Skip")
  out[#out + 1] = button("quit", "Stop the quiz", "quiet")
  out[#out + 1] = "</div>\n</form>\n</section>\n"
  return table.concat(out)
end

-- "How sure are you?": three large buttons with the words (and, where the
-- mode gives marks for it, what each earns) of report.certainty_view.
local function certainty_html(s, ctx)
  local choices = report.certainty_view(s)[1].choices
  -- At the terminal the question and the answer are just above; here they
  -- are said again, so the learner rates the answer they gave.
  local item = s.items[s.pos]
  local last = item.steps[#item.steps]
  local view = item.t.present(item.q, item.perm)
  local asked = ('<section class="rated">\n<h2>Question %d of %d</h2>\n<p>%s</p>\n'):format(
    item.n, #s.items, esc_lines(view.prompt))
  if last then
    asked = asked .. ("<p><strong>Your answer:</strong> %s</p>\n"):format(
      esc_lines(item.t.show(item.q, last.response)))
  end
  asked = asked .. "</section>\n"
  local out = { asked, ('<form method="post" action="/a/%s" class="certainty">\n'):format(M.url_part(ctx.token or "")),
                M.hidden("csrf", ctx.csrf), M.hidden("step", ctx.step),
                '<fieldset>\n<legend class="prompt">How sure are you of your answer?</legend>\n' }
  local marked = choices[1].marks ~= nil
  if not session.patient(s) and not marked then
    out[#out + 1] = '<p class="hint">There are no marks for this: it shows what to go over again.</p>\n'
  elseif session.patient(s) then
    out[#out + 1] = '<p class="hint">There are no marks. It helps you see what to go over again.</p>\n'
  end
  out[#out + 1] = '<div class="sure">\n'
  for _, c in ipairs(choices) do
    out[#out + 1] = ('<button type="submit" name="certainty" value="%d" class="button big">%s%s</button>\n')
      :format(c.value, M.esc(c.text), c.marks and
        ('<span class="small">%d: %s</span>'):format(c.value, M.esc(c.marks)) or "")
  end
  out[#out + 1] = "</div>\n</fieldset>\n<div class=\"actions\">\n"
  out[#out + 1] = button("skip", "Go on without saying")
  out[#out + 1] = button("quit", "Stop the quiz", "quiet")
  out[#out + 1] = "</div>\n</form>\n"
  return table.concat(out)
end

local function small_form(ctx, class, inner)
  return table.concat({ ('<form method="post" action="/a/%s" class="%s">\n'):format(
    M.url_part(ctx.token or ""), class), M.hidden("csrf", ctx.csrf), M.hidden("step", ctx.step),
    inner, "</form>\n" })
end

-- A patient's pause after the feedback: nothing moves on until they say.
local function pause_html(s, ctx)
  local last = s.pos >= #s.items
  return small_form(ctx, "pause", '<div class="actions">\n' ..
    button("next", last and "See how you did" or "Next question", "primary") ..
    button("quit", "Stop the quiz", "quiet") .. "</div>\n")
end

-- The nurse's check of one teach-back point, with the evidence heard.
local function assist_html(s, ctx)
  local p = s.assisting[s.assist_i]
  local view = {}
  for _, b in ipairs(session.assist_view(s)) do
    if b.kind ~= "hint" then view[#view + 1] = b end
  end
  -- At the terminal the answer is on the screen just above; here it is
  -- said again, so the nurse judges each point against the patient's words.
  local item = s.items[s.pos]
  local last = item.steps[#item.steps]
  local said = last and ('<figure class="said">\n<figcaption>The patient said:</figcaption>\n' ..
    "<blockquote><p>%s</p></blockquote>\n</figure>\n"):format(esc_lines(last.input)) or ""
  local engine = p.engine and "said" or "not said"
  return '<section class="assist">\n' .. said .. M.blocks(view) ..
    small_form(ctx, "nurse", '<fieldset>\n<legend class="prompt">Did the patient say this?</legend>\n' ..
      '<div class="actions">\n' .. button("yes", "Yes, said it", "primary") ..
      button("no", "No, did not say it") ..
      button("keep", ("Keep the program's verdict: %s"):format(engine)) ..
      "</div>\n</fieldset>\n") .. "</section>\n"
end

local function confirm_html(s, ctx)
  local q = session.patient(s) and "Stop now? What you answered so far is kept." or
    "Stop the quiz now? Your answers so far will be scored."
  return small_form(ctx, "confirm", ('<fieldset>\n<legend class="prompt">%s</legend>\n'):format(M.esc(q)) ..
    '<div class="actions">\n' .. button("yes", "Yes, stop now") ..
    button("no", "No, go on", "primary") .. "</div>\n</fieldset>\n")
end

-- Is the attempt over (session.prompt would say nil)?
function M.over(s)
  return s.quit or s.items[s.pos] == nil
end

local function notice_html(ctx)
  if not ctx.notice then return "" end
  return ('<p class="notice" role="alert" id="notice">%s</p>\n'):format(M.esc(ctx.notice))
end

local function feedback_html(ctx)
  local fb = ctx.feedback
  if not fb or #fb == 0 then return "" end
  -- A word like "Let's go on." needs no button to hear it again.
  local worth = false
  for _, b in ipairs(fb) do
    if b.kind == "verdict" or b.kind == "box" or b.kind == "note" then worth = true end
  end
  return '<section class="feedback" id="fb-read" aria-label="About your last answer">\n' ..
    M.blocks(fb) .. (worth and speak_button(ctx, "feedback", "fb-read") or "") .. "</section>\n"
end

-- The attempt's page in whatever phase it is.  ctx: token, csrf, step (the
-- count of inputs so far), feedback (the blocks the last input gave),
-- notice (webform's message about a post it could not read), fields (that
-- post's fields, to keep what was chosen), order and focus (an ordering
-- question re-drawn after a move), kiosk, summary (the blocks of
-- cli.summary when the attempt is over; report.summary otherwise).
function M.attempt(s, ctx)
  if M.over(s) then return M.summary(s, ctx) end
  local body = { ('<h1 class="quiz-title">%s</h1>\n'):format(M.esc(s.quiz.title)),
                 notice_html(ctx), feedback_html(ctx) }
  local item = s.items[s.pos]
  if s.phase == "certainty" then
    body[#body + 1] = certainty_html(s, ctx)
  elseif s.phase == "pause" then
    body[#body + 1] = pause_html(s, ctx)
  elseif s.phase == "assist" then
    body[#body + 1] = assist_html(s, ctx)
  elseif s.phase == "confirm" then
    body[#body + 1] = confirm_html(s, ctx)
  else
    body[#body + 1] = question_html(s, item, ctx)
  end
  local title = ("Question %d of %d — %s"):format(item.n, #s.items, s.quiz.title)
  return M.page({ title = title, lang = s.quiz.language, body = table.concat(body),
                  kiosk = ctx.kiosk, csrf = ctx.csrf })
end

-- The end: the last feedback, the summary, an exam's review, and going
-- over the missed questions.
function M.summary(s, ctx)
  local body = { ("<h1>%s</h1>\n"):format(M.esc(s.quiz.title)), notice_html(ctx),
                 feedback_html(ctx) }
  body[#body + 1] = '<section class="summary">\n' .. M.blocks(ctx.summary or report.summary(s)) ..
    "</section>\n"
  for _, page in ipairs(cli.review_pages(s) or {}) do
    body[#body + 1] = '<section class="review">\n' .. M.blocks(page) .. "</section>\n"
  end
  local offer = cli.offer_missed(s)
  if offer and ctx.token then
    local text = offer:gsub("%?.*$", "")
    body[#body + 1] = ('<form method="post" action="/a/%s/missed" class="missed">\n'):format(
      M.url_part(ctx.token)) .. M.hidden("csrf", ctx.csrf) .. M.hidden("step", ctx.step) ..
      ('<button type="submit" class="button primary">%s</button>\n</form>\n'):format(M.esc(text))
  end
  body[#body + 1] = '<p><a class="back" href="/">Back to all quizzes</a></p>\n'
  return M.page({ title = "Your results — " .. s.quiz.title, lang = s.quiz.language,
                  body = table.concat(body), kiosk = ctx.kiosk, csrf = ctx.csrf })
end

-- ---- the group view -------------------------------------------------------

-- One question large for a room; revealed, its answer and explanation.
-- ctx: n (1..#s.items), revealed, csrf.  No one's answers, no scores.
function M.present(s, ctx)
  local n = math.max(1, math.min(#s.items, math.floor(tonumber(ctx.n) or 1)))
  local item = s.items[n]
  local view = item.t.present(item.q, item.perm)
  local body = { ('<p class="quiz-title">%s</p>\n<div class="present">\n<h1>Question %d of %d</h1>\n')
    :format(M.esc(s.quiz.title), n, #s.items) }
  body[#body + 1] = ('<p class="prompt">%s</p>\n'):format(esc_lines(view.prompt))
  local blocks = {}
  for _, block in ipairs(view.blocks or {}) do
    if block.title then blocks[#blocks + 1] = { kind = "subheading", text = block.title } end
    for _, it in ipairs(block.items) do
      blocks[#blocks + 1] = { kind = "item", label = it.label, text = it.text }
    end
  end
  body[#body + 1] = M.blocks(blocks)
  if ctx.revealed then
    local ex = item.t.explain(item.q, nil)
    local shown = {}
    shown[#shown + 1] = { kind = "text", text = item.q.explain }
    shown[#shown + 1] = report.passage(item)
    if item.q.safety then shown[#shown + 1] = report.safety_box(item) end
    body[#body + 1] = '<section class="reveal" aria-label="The answer">\n' ..
      (ex.answer and ('<p class="answer"><strong>Answer:</strong> %s</p>\n'):format(
        esc_lines(ex.answer)) or "") .. M.blocks(shown) .. "</section>\n"
  end
  body[#body + 1] = ('<form method="post" action="/present/%s" class="present-controls">\n')
    :format(M.url_part(s.quiz.id))
  body[#body + 1] = M.hidden("csrf", ctx.csrf) .. M.hidden("n", n)
  body[#body + 1] = '<div class="actions">\n'
  if not ctx.revealed then body[#body + 1] = button("reveal", "Show the answer", "primary") end
  if n < #s.items then body[#body + 1] = button("next", "Next question", ctx.revealed and "primary" or nil) end
  if n > 1 then body[#body + 1] = button("back", "Previous question") end
  body[#body + 1] = "</div>\n</form>\n</div>\n"
  return M.page({ title = ("Question %d of %d — %s"):format(n, #s.items, s.quiz.title),
                  lang = s.quiz.language, body = table.concat(body), kiosk = ctx.kiosk,
                  csrf = ctx.csrf })
end

-- ---- read-aloud text --------------------------------------------------------

-- The text /speak reads: "question" (the current phase's question) or
-- "feedback" (the blocks the last input gave); nil when there is none.
function M.speech_text(s, what, feedback)
  if what == "feedback" then
    local t = M.plain(feedback)
    return t ~= "" and t or nil
  end
  if what ~= "question" or M.over(s) or s.phase ~= "answer" then return nil end
  local item = s.items[s.pos]
  local view = item.t.present(item.q, item.perm)
  local blocks = { { kind = "text", text = view.prompt } }
  for _, block in ipairs(view.blocks or {}) do
    if block.title then blocks[#blocks + 1] = { kind = "text", text = block.title } end
    for _, it in ipairs(block.items) do
      blocks[#blocks + 1] = { kind = "item", label = it.label, text = it.text }
    end
  end
  return M.plain(blocks)
end

-- ---- errors -------------------------------------------------------------------

local ERRORS = {
  [400] = { "Something in that request could not be read", "Please go back and try again." },
  [403] = { "This form has expired", "Please go back, reload the page and try again." },
  [404] = { "Page not found", "There is nothing here. The link may be old or mistyped." },
  [405] = { "Not allowed", "This page cannot be used that way." },
  [413] = { "Too much at once", "That was more than this page can take. Please keep it shorter." },
  [500] = { "Something went wrong", "Please try again in a moment. What you saved is kept." },
}

-- An error page: status, and an optional message in plain words.
function M.error(status, message, ctx)
  ctx = ctx or {}
  local e = ERRORS[status] or ERRORS[500]
  local body = ("<h1>%s</h1>\n<p>%s</p>\n<p><a class=\"back\" href=\"/\">Go to the start page</a></p>\n"):format(
    M.esc(e[1]), M.esc(message or e[2]))
  return M.page({ title = e[1] .. " — " .. M.SITE, body = body, kiosk = ctx.kiosk,
                  csrf = ctx.csrf })
end

return M
