-- The web pages (webpage.lua), the posted forms (webform.lua) and the
-- embedded assets (webassets.lua): exact HTML fragments and exact lines,
-- worked out by hand from the fixtures in tests/web/fixtures/pages.
local T = ...
local session = require("session")
local webassets = require("webassets")
local webform = require("webform")
local webpage = require("webpage")

local FIX = "tests/web/fixtures/pages/"
local function load(name) return T.quiz(FIX .. name) end

local function start(name, opts)
  return session.new(load(name), opts or { seed = 1 })
end

local function has(html, fragment, msg)
  if not html:find(fragment, 1, true) then
    error(("%sexpected the page to hold\n  %s\nin\n%s"):format(msg and (msg .. ": ") or "",
      fragment, html), 2)
  end
end

local function lacks(html, fragment, msg)
  if html:find(fragment, 1, true) then
    error(("%sthe page must not hold %q"):format(msg and (msg .. ": ") or "", fragment), 2)
  end
end

-- Fields as webform.decode gives them.
local function F(t)
  local out = {}
  for k, v in pairs(t) do out[k] = type(v) == "table" and v or { v } end
  return out
end

local CTX = { token = "0123456789abcdef0123456789abcdef", csrf = "tok", step = 0 }
local function ctx(extra)
  local c = {}
  for k, v in pairs(CTX) do c[k] = v end
  for k, v in pairs(extra or {}) do c[k] = v end
  return c
end

-- The only elements the pages make: anything else came from a quiz.
local OUR_TAGS = {}
for t in ("html head meta title link script noscript body a header main footer form input " ..
          "button h1 h2 h3 p br ul ol li span strong div fieldset legend label select option " ..
          "textarea section figure figcaption blockquote"):gmatch("%S+") do OUR_TAGS[t] = true end

local function only_our_tags(html, where)
  for name in html:gmatch("</?([%w]+)") do
    if not OUR_TAGS[name:lower()] then
      error(("%s: the page has a <%s> element it did not make"):format(where, name), 2)
    end
  end
  -- Our one script element is the external one.
  local n = 0
  for _ in html:gmatch("<script") do n = n + 1 end
  T.eq(n, 1, where .. ": script elements")
  has(html, '<script src="/static/page.js" defer></script>', where)
end

-- ---- escaping -------------------------------------------------------------

T.test("web: one escaping function for text and attributes", function()
  T.eq(webpage.esc([[<a href="x" onclick='y'>&amp;</a>]]),
       "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
  T.eq(webpage.esc(nil), "")
  T.eq(webpage.esc(42), "42")
  -- ESC [2J would clear a terminal; on a page control characters are dropped.
  T.eq(webpage.esc("a\27[2Jb\0c\127d\194\155e"), "a[2Jbcde")
  T.eq(webpage.esc("line\nnext\ttab"), "line\nnext\ttab")
  -- Bytes that are not UTF-8 become U+FFFD, one each; good UTF-8 stays.
  T.eq(webpage.esc("a\255\254b"), "a\239\191\189\239\191\189b")
  T.eq(webpage.esc("\192\175"), "\239\191\189\239\191\189", "an overlong '/' is two bad bytes")
  T.eq(webpage.esc("Café — ✓"), "Café — ✓")
  T.eq(webpage.url_part("bone-basics"), "bone-basics")
  T.eq(webpage.url_part([[a"b/<c>]]), "a%22b%2F%3Cc%3E")
end)

T.test("web: every quiz and material field is escaped on every page", function()
  local s = start("all-types.yaml")
  local pages = { intro = webpage.intro(s, ctx()) }
  for i = 1, #s.items do
    pages["question " .. i] = webpage.attempt(s, ctx({ step = i - 1 }))
    pages["present " .. i] = webpage.present(s, ctx({ n = i, revealed = true }))
    -- A skipped answer: the feedback names every option and note.  The
    -- true/false statement is answered (true, its key): its feedback is
    -- for the value chosen, and a skip chose none.
    local fb = session.feed(s, s.items[i].q.id == "q-tf" and "t" or "s")
    pages["feedback " .. i] = webpage.attempt(s, ctx({ feedback = fb }))
  end
  pages.summary = webpage.attempt(s, ctx())
  for where, html in pairs(pages) do only_our_tags(html, where) end
  -- Each field, as it lands (worked out from all-types.yaml).
  local intro = pages.intro
  has(intro, "<title>All &lt;types&gt; &amp; &quot;quotes&quot;</title>")
  has(intro, "<h1>All &lt;types&gt; &amp; &quot;quotes&quot;</h1>")
  has(intro, "<p>&lt;img src=x onerror=alert(1)&gt; a &#39;description&#39;</p>")
  local q1 = pages["question 1"]
  has(q1, '<legend class="prompt">Single &lt;script&gt;alert(1)&lt;/script&gt; &amp; ' ..
          "&#39;prompt&#39;?</legend>")
  has(q1, '<label for="choice-B"><span class="label">B)</span> two &amp; &quot;2&quot;</label>')
  has(pages["feedback 1"], '<li class="note missed"><strong>Missed:</strong> two &amp; ' ..
      "&quot;2&quot; — fb &#39;two&#39;</li>")
  has(pages["feedback 1"], "<p>Explain &lt;u&gt;single&lt;/u&gt;.</p>")
  -- The material: section title and passage.
  has(pages["feedback 1"], '<figcaption>Quote from “The &lt;i&gt;&quot;first&quot;&lt;/i&gt; ' ..
      "section”:</figcaption>")
  has(pages["feedback 1"], "It says &lt;script&gt;alert(&#39;m&#39;)&lt;/script&gt; about 7 in 10")
  has(pages["question 2"], '<span class="label">A)</span> m&lt;1&gt;</label>')
  has(pages["feedback 3"], '<li class="note right"><strong>Right:</strong> True — Yes &lt;true&gt;.</li>')
  has(pages["question 4"], '<label for="part1">1. L&lt;1&gt;</label>')
  has(pages["question 4"], '<option value="B">B) D&lt;x&gt;</option>')
  has(pages["question 5"], '<p class="prompt" id="prompt">Fill &lt;in&gt;.<br>\nBone [1] and [2].</p>')
  has(pages["question 5"], '<option value="A">A) a&lt;1&gt;</option>')
  has(pages["question 6"], "<legend>1. Row &lt;1&gt;</legend>")
  has(pages["question 6"], '<span class="label">A)</span> C&lt;1&gt;</label>')
  has(pages["question 8"], '<span class="label">A)</span> first &lt;1&gt;</span>')
  has(pages["question 8"], '<span class="vh">: first &lt;1&gt;</span>')
  has(pages["question 9"], '<label for="number">Your answer (in &lt;mg&gt;)</label>')
  has(pages["question 9"], "Type a number in figures (in &lt;mg&gt;).")
  has(pages["question 10"], "Name the &lt;organ&gt;.")
  has(pages["feedback 12"], "<p>Call &lt;your&gt; care team now &amp; don&#39;t wait.</p>")
  has(pages.summary, "<li>&quot;The &lt;i&gt;&quot;first&quot;&lt;/i&gt; section&quot; " ..
      "(xss#first) — 1 question</li>")
  has(pages["present 4"], '<li><span class="label">B)</span> D&lt;x&gt;</li>')
  has(pages["present 4"], "<strong>Answer:</strong> L&lt;1&gt; → R&lt;1&gt;; L2 → R2</p>")
end)

T.test("web: text a learner typed is escaped when shown again", function()
  local s = start("all-types.yaml")
  for _ = 1, 9 do session.feed(s, "s") end
  local html = webpage.attempt(s, ctx({ fields = F({ text = [["><script>x</script>]] }),
                                       notice = "<b>no</b>" }))
  has(html, 'name="text" aria-describedby="prompt" value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"')
  has(html, '<p class="notice" role="alert" id="notice">&lt;b&gt;no&lt;/b&gt;</p>')
  only_our_tags(html, "typed text")
end)

-- ---- the form -> the line ----------------------------------------------------

-- The session at question n of all-types.yaml (file order: no shuffle).
local function at(n)
  local s = start("all-types.yaml")
  for _ = 1, n - 1 do session.feed(s, "s") end
  return s
end

T.test("web: each type's form gives the line the terminal would take", function()
  T.eq(webform.line(at(1), F({ choice = "B" })), "B")
  T.eq(webform.line(at(2), F({ choice = { "C", "A" } })), "A C")
  T.eq(webform.line(at(3), F({ choice = "F" })), "F")
  T.eq(webform.line(at(4), F({ part1 = "A", part2 = "C" })), "1A 2C")
  T.eq(webform.line(at(5), F({ part1 = "A", part2 = "B" })), "1A 2B")
  T.eq(webform.line(at(6), F({ part1 = "A", part2 = "B" })), "1A 2B")
  T.eq(webform.line(at(7), F({ part1 = { "C", "A" }, part2 = "B" })), "1A C 2B")
  T.eq(webform.line(at(8), F({ order = "A C B" })), "A C B")
  T.eq(webform.line(at(9), F({ number = " 72,5 " })), "72,5")
  T.eq(webform.line(at(10), F({ text = "  Bone\r\nmarrow " })), "Bone marrow")
  T.eq(webform.line(at(11), F({ text = "IIB" })), "IIB")
  -- C1 controls are dropped as C0 ones are (NEL, CSI: found by fuzzing the
  -- form, tests/fuzz/findings/form-c1-in-text.form).
  T.eq(webform.line(at(11), F({ text = "II\194\133B\194\155" })), "IIB")
  local tb = start("teachback.yaml")
  T.eq(webform.line(tb, F({ text = "It protects\r\n\r\n  \r\nmy bones\r\n" })),
       "It protects\nmy bones")
end)

T.test("web: the lines feed the dialogue to the same marks as typed answers", function()
  -- Right answers, worked out from the file: B; A and C; true; L1->R1 (A),
  -- L2->R2 (C, after the distractor B); a<1> (A), b<2> (B); C<1> (A), C2
  -- (B); X Z (A C), Y (B); the items shown A first, B third, C second, so
  -- A C B; 70 +- 5; bone marrow; T2 N1 M0 is IIB.
  local posts = {
    { choice = "B" }, { choice = { "A", "C" } }, { choice = "T" },
    { part1 = "A", part2 = "C" }, { part1 = "A", part2 = "B" }, { part1 = "A", part2 = "B" },
    { part1 = { "A", "C" }, part2 = "B" }, { order = "A C B" }, { number = "72" },
    { text = "bone marrow" }, { text = "2b" }, { choice = "B" },
  }
  local s = start("all-types.yaml")
  for i, post in ipairs(posts) do
    local line, why = webform.line(s, F(post))
    T.ok(line, ("question %d: %s"):format(i, tostring(why)))
    session.feed(s, line)
    T.eq(session.fraction(s.items[i]), 1, "question " .. i .. " right")
  end
  T.ok(webpage.over(s), "the attempt is over")
end)

T.test("web: a post that is not a whole answer gets a plain message", function()
  local function says(s, post, msg)
    local line, why = webform.line(s, F(post))
    T.eq(line, nil)
    T.eq(why, msg)
  end
  says(at(1), {}, "Please choose an answer.")
  says(at(1), { choice = { "A", "B" } }, "Please choose only one answer.")
  says(at(1), { choice = "Z" }, "That answer is not one of the choices. Please choose again.")
  says(at(1), { choice = "A", action = { "answer", "skip" } }, "Please choose one button.")
  says(at(1), { action = "dance" }, "That button does not belong to this question.")
  says(at(1), { action = "hint" }, "There are no hints here.")
  says(at(2), {}, "Please choose at least one answer, or choose Skip.")
  says(at(3), {}, "Please choose true or false.")
  says(at(4), { part1 = "A" }, "Please make a choice for row 2 (L2).")
  says(at(4), { part1 = "A", part2 = "Q" },
       "There is no such choice for row 2 (L2). Please choose again.")
  says(at(5), { part1 = "A", part2 = "" }, "Please make a choice for blank 2.")
  says(at(6), { part1 = { "A", "B" }, part2 = "B" }, "Please choose only one for row 1 (Row <1>).")
  says(at(8), { order = "A B" }, "The order could not be read. Please put the items in order again.")
  says(at(8), { order = "A A B" }, "The order could not be read. Please put the items in order again.")
  says(at(8), { order = "A B C", move = "up:1" }, "That move could not be made. Please try again.")
  says(at(9), { number = "seventy" }, "Type a number in figures (in <mg>); a decimal point or " ..
       "a comma both work.")
  says(at(10), { text = "   " }, "Please type an answer, or choose Skip.")
  says(at(10), { text = "bone\255marrow" },
       "That text has characters that could not be read. Please type it again.")
  says(at(10), { text = "bone\0marrow" },
       "That text has characters that could not be read. Please type it again.")
  says(at(10), { text = { "a", "b" } }, "Please type your answer once.")
  says(at(10), { text = ("x"):rep(webform.MAX_VALUE + 1) },
       "That answer is too long. Please keep it shorter.")
  says(at(11), { text = "IX" }, "'IX' is not a stage group; type a stage group such as IIIA or 3a.")
  says(start("teachback.yaml"), { text = "\r\n\r\n" }, "Please say it in your own words, or choose Skip.")
end)

T.test("web: ordering moves re-draw without answering", function()
  local s = at(8)
  local line, order, focus = webform.line(s, F({ order = "A B C", move = "down:2" }))
  T.eq(line, false)
  T.eq(order, { "A", "C", "B" })
  -- B went to the bottom: it has no Move down there, so Move up keeps the focus.
  T.eq(focus, "up:3")
  line, order, focus = webform.line(s, F({ order = "C A B", move = "up:3" }))
  T.eq({ line, order, focus }, { false, { "C", "B", "A" }, "up:2" })
  T.eq(#s.items[8].steps, 0, "nothing was fed")
  local html = webpage.attempt(s, ctx({ order = { "C", "B", "A" }, focus = "up:2" }))
  has(html, '<li><span class="order-text"><span class="label">C)</span> second</span>' ..
      '<span class="moves"><button type="submit" name="move" value="down:1" class="button move">')
  has(html, '<button type="submit" name="move" value="up:2" class="button move" autofocus>' ..
      'Move up<span class="vh">: third</span></button>')
  has(html, '<input type="hidden" name="order" value="C B A">')
end)

T.test("web: buttons and phases give the terminal's commands", function()
  T.eq(webform.line(at(1), F({ action = "skip" })), "s")
  T.eq(webform.line(at(1), F({ action = "quit" })), "q")
  local p = start("patient.yaml")
  T.eq(webform.line(p, F({ choice = "B" })), "B")
  session.feed(p, "B")
  T.eq(p.phase, "certainty")
  T.eq(webform.line(p, F({ certainty = "3" })), "3")
  T.eq(webform.line(p, F({ action = "skip" })), "s")
  T.eq({ webform.line(p, F({ certainty = "4" })) },
       { nil, "Please choose how sure you are: not sure, fairly sure or very sure." })
  session.feed(p, "3")
  T.eq(p.phase, "pause")
  T.eq(webform.line(p, F({ action = "next" })), "")
  T.eq(webform.line(p, F({ action = "quit" })), "q")
  session.feed(p, "q")
  T.eq(p.phase, "confirm")
  T.eq(webform.line(p, F({ action = "yes" })), "y")
  T.eq(webform.line(p, F({ action = "no" })), "n")
  T.eq({ webform.line(p, F({ action = "keep" })) }, { nil, "Please choose Yes or No." })
  local tb = session.new(load("teachback.yaml"), { seed = 1, assist = true })
  session.feed(tb, "It keeps my bones strong.")
  T.eq(tb.phase, "assist")
  T.eq(webform.line(tb, F({ action = "keep" })), "")
  T.eq(webform.line(tb, F({ action = "yes" })), "y")
  T.eq(webform.line(tb, F({ action = "no" })), "n")
end)

T.test("web: hostile posts: thousands of fields, huge values, odd names", function()
  local many = {}
  for i = 1, 10000 do many[i] = "a" .. i .. "=1" end
  T.eq({ webform.decode(table.concat(many, "&")) },
       { nil, "The form sent too many fields. Please go back and try again." })
  T.eq({ webform.decode("text=" .. ("%41"):rep(webform.MAX_VALUE + 1)) },
       { nil, "That answer is too long. Please keep it shorter." })
  T.eq(webform.decode("csrf=a%2Bb&choice=A&choice=C&text=two+words%0D%0A&=x&&step"),
       { csrf = { "a+b" }, choice = { "A", "C" }, text = { "two words\r\n" }, step = { "" } })
  T.eq(webform.decode(("n"):rep(200) .. "=1&choice=%ZZ"), { choice = { "%ZZ" } })
  T.eq(webform.decode(nil), {})
  -- An unknown label after a good decode is still a message, not an error.
  local fields = webform.decode("choice=%FF%FE&action=answer")
  T.eq({ webform.line(at(1), fields) },
       { nil, "That answer is not one of the choices. Please choose again." })
  T.eq({ webform.line(at(1), { choice = { ("B"):rep(100000) } }) },
       { nil, "That answer is not one of the choices. Please choose again." })
  T.ok(webform.step_ok(F({ step = "3" }), 3))
  T.ok(not webform.step_ok(F({ step = "2" }), 3))
  T.ok(not webform.step_ok(F({ step = { "3", "3" } }), 3))
  T.ok(not webform.step_ok({}, 0))
end)

-- ---- what patients see ---------------------------------------------------------

T.test("web: patients see no score, no grade and no percentage", function()
  local p = start("patient.yaml")
  session.feed(p, "A")                         -- wrong
  local fb = session.feed(p, "3")              -- very sure: a confident mistake
  local html = webpage.attempt(p, ctx({ feedback = fb, step = 2 }))
  has(html, '<p class="verdict wrong">Not quite — here is why.</p>')
  has(html, '<button type="submit" name="action" value="next" class="button primary">Next question</button>')
  session.feed(p, "")
  html = webpage.attempt(p, ctx({ step = 3 }))
  has(html, "<h2>Question 2 of 2</h2>")
  lacks(html, "score")
  session.feed(p, "T")                         -- wrong: a red flag
  fb = session.feed(p, "1")
  html = webpage.attempt(p, ctx({ feedback = fb, step = 5 }))
  has(html, '<button type="submit" name="action" value="next" class="button primary">See how you did</button>')
  session.feed(p, "")
  html = webpage.attempt(p, ctx({ step = 6 }))
  has(html, "<p>You answered all 2 questions.</p>")
  has(html, '<li><span class="bar-label">Bone drugs:</span> 0 of 1 <span class="bar w0" aria-hidden="true"></span></li>')
  has(html, "<h3>You were very sure, but not right — please go over these first</h3>")
  has(html, "<li>&quot;The &lt;i&gt;&quot;first&quot;&lt;/i&gt; section&quot; — 1 question</li>")
  has(html, '<form method="post" action="/a/0123456789abcdef0123456789abcdef/missed" class="missed">\n' ..
      '<input type="hidden" name="csrf" value="tok">\n<input type="hidden" name="step" value="6">\n' ..
      '<button type="submit" class="button primary">Go over the 2 questions you missed again now</button>')
  for _, word in ipairs({ "Score", "score", "%", "passed", "marks", "pass mark", "Accuracy" }) do
    lacks(html, word, "patient summary")
  end
end)

T.test("web: a red flag always says what to do, in its feedback and at the end", function()
  local p = start("patient.yaml")
  session.feed(p, "s")
  session.feed(p, "")
  local fb = session.feed(p, "s")              -- the red-flag question skipped
  local box = '<div class="box" role="note">\n<p class="box-title"><strong>Important</strong></p>\n' ..
    "<p>This can be a warning sign. If it happens, call your care team right away.</p>\n</div>\n"
  has(webpage.attempt(p, ctx({ feedback = fb })), box)
  session.feed(p, "")
  has(webpage.attempt(p, ctx()), box)
  -- The quiz's own message, where it has one; two warnings, two paragraphs.
  T.eq(webpage.box_html("Call now.\n\nGo to the ER."),
       '<div class="box" role="note">\n<p class="box-title"><strong>Important</strong></p>\n' ..
       "<p>Call now.</p>\n<p>Go to the ER.</p>\n</div>\n")
end)

T.test("web: a red flag answered right is said again as a reminder", function()
  local p = start("patient.yaml")
  session.feed(p, "s")
  session.feed(p, "")
  session.feed(p, "false")                     -- the red-flag question, right
  local fb = session.feed(p, "2")              -- how sure: then the feedback
  local html = webpage.attempt(p, ctx({ feedback = fb }))
  has(html, '<div class="box" role="note">\n<p class="box-title"><strong>Remember</strong></p>\n' ..
    "<p>This can be a warning sign. If it happens, call your care team right away.</p>\n</div>\n")
  lacks(html, "<strong>Important</strong>", "a red flag answered right")
end)

T.test("web: certainty is three large buttons with words", function()
  local p = start("patient.yaml")
  session.feed(p, "B")
  local html = webpage.attempt(p, ctx({ step = 1 }))
  has(html, '<section class="rated">\n<h2>Question 1 of 2</h2>\n<p>Where does it spread most?</p>\n' ..
            "<p><strong>Your answer:</strong> Bones</p>\n</section>\n")
  has(html, '<legend class="prompt">How sure are you of your answer?</legend>')
  has(html, '<button type="submit" name="certainty" value="1" class="button big">Not sure</button>\n' ..
            '<button type="submit" name="certainty" value="2" class="button big">Fairly sure</button>\n' ..
            '<button type="submit" name="certainty" value="3" class="button big">Very sure</button>\n')
  local s = session.new(load("all-types.yaml"), { seed = 1, mode = "cbm" })
  session.feed(s, "B")
  html = webpage.attempt(s, ctx({ step = 1 }))
  has(html, '<button type="submit" name="certainty" value="3" class="button big">Quite sure' ..
            '<span class="small">3: right +3, wrong −6</span></button>')
end)

T.test("web: the nurse's check shows each point with the evidence heard", function()
  local tb = session.new(load("teachback.yaml"), { seed = 1, assist = true })
  session.feed(tb, "The medicine makes strong bones.")
  local html = webpage.attempt(tb, ctx({ step = 1 }))
  has(html, "<h3>For the nurse — key point 1 of 2</h3>")
  has(html, "<p>The medicine protects the bones.</p>")
  has(html, "<p>The program heard it (heard: &#39;strong bones&#39;).</p>")
  has(html, '<figure class="said">\n<figcaption>The patient said:</figcaption>\n' ..
            "<blockquote><p>The medicine makes strong bones.</p></blockquote>\n</figure>\n" ..
            "<h3>For the nurse — key point 1 of 2</h3>")
  has(html, '<button type="submit" name="action" value="keep" class="button">' ..
            "Keep the program&#39;s verdict: said</button>")
  lacks(html, "y/n")
end)

T.test("web: the page frame: lang, viewport, kiosk, the start page's groups", function()
  local html = webpage.page({ title = "t", lang = "en-GB", body = "" })
  has(html, '<html lang="en-GB">')
  has(html, '<meta name="viewport" content="width=device-width, initial-scale=1">')
  has(webpage.page({ lang = '"><x', body = "" }), '<html lang="en">')
  local k = webpage.page({ body = "", kiosk = 5, csrf = "c" })
  has(k, '<noscript><meta http-equiv="refresh" content="300;url=/"></noscript>')
  has(k, '<body data-idle="300">')
  has(k, '<form method="post" action="/done" id="done-form">\n<input type="hidden" name="csrf" value="c">\n' ..
         '<button type="submit" class="button">Done — hand the tablet back</button>')
  local start_page = webpage.start({
    { id = "s1", title = "Stu <1>", n = 9, minutes = 7, group = "student" },
    { id = "p1", title = "Pat", n = 1, minutes = 1, group = "patient" },
  }, {})
  has(start_page, '<h2>For patients and families</h2>\n<ul class="quizzes">\n' ..
      '<li><a href="/q/p1">Pat</a> <span class="meta">1 question, about 1 min</span></li>')
  has(start_page, '<li><a href="/q/s1">Stu &lt;1&gt;</a> <span class="meta">9 questions, about 7 min</span></li>')
  T.ok(start_page:find("For patients", 1, true) < start_page:find("For nursing students", 1, true),
       "groups in the menu's order")
  has(webpage.error(404), "<h1>Page not found</h1>")
end)

T.test("web: the group view shows one question, then its answer; no scores", function()
  local s = start("patient.yaml")
  local html = webpage.present(s, ctx({ n = 2 }))
  has(html, "<h1>Question 2 of 2</h1>")
  has(html, '<button type="submit" name="action" value="reveal" class="button primary">Show the answer</button>')
  has(html, '<button type="submit" name="action" value="back" class="button">Previous question</button>')
  lacks(html, 'value="next"')
  lacks(html, "Answer:")
  html = webpage.present(s, ctx({ n = 2, revealed = true }))
  has(html, '<p class="answer"><strong>Answer:</strong> False</p>')
  has(html, "This can be a warning sign. If it happens, call your care team right away.")
  has(webpage.present(s, ctx({ n = 99 })), "<h1>Question 2 of 2</h1>")
  lacks(html, "score")
end)

T.test("web: read-aloud text: the question, or the last feedback", function()
  local s = at(1)
  T.eq(webpage.speech_text(s, "question"),
       "Single <script>alert(1)</script> & 'prompt'?\nA) <b>one</b>\nB) two & \"2\"\nC) three")
  T.eq(webpage.speech_text(s, "feedback", {}), nil)
  T.eq(webpage.speech_text(s, "feedback", { { kind = "verdict", ok = true, text = "Correct." },
                                           { kind = "box", text = "Call now." } }),
       "Correct.\nImportant: Call now.")
  T.eq(webpage.speech_text(s, "other"), nil)
end)

T.test("web: assets by exact name only", function()
  local ctype, body = webassets.get("style.css")
  T.eq(ctype, "text/css; charset=utf-8")
  T.ok(body:find("min-height: 48px", 1, true), "large targets")
  T.eq(webassets.get("page.js"), "text/javascript; charset=utf-8")
  for _, name in ipairs({ "../style.css", "style.css/", "STYLE.CSS", "__index", "", "files" }) do
    T.eq(webassets.get(name), nil, name)
  end
  T.eq(webassets.get(nil), nil)
end)

T.test("web: a teach-back's steps are listed under its prompt, escaped, and read aloud", function()
  local s = start("teachback-steps.yaml")
  local html = webpage.attempt(s, ctx())
  has(html, '<p class="prompt" id="prompt">Tell me about this medicine.</p>\n' ..
            '<ol class="steps">\n<li>Why do you have it?</li>\n' ..
            '<li>Who should you tell &lt;b&gt;first&lt;/b&gt;?</li>\n</ol>\n' ..
            '<div class="row"><label for="text">Your answer, in your own words</label>')
  has(html, "Answer each part in your own words, a sentence or two for each.")
  only_our_tags(html, "steps")
  T.eq(webpage.speech_text(s, "question"), "Tell me about this medicine.\n" ..
       "1) Why do you have it?\n2) Who should you tell <b>first</b>?")
end)

-- ---- what each server thread keeps (web.lua) ---------------------------------

T.test("web: the rebuilt-attempt cache keeps what was used since its last turn", function()
  local web = require("web")
  local c = web.new_cache(2)
  c.put("a", 1)
  c.put("b", 2)
  T.eq(c.get("a"), 1)
  c.put("c", 3)                 -- young was full: {a, b} turn old, young {c}
  T.eq(c.get("a"), 1)           -- back to young: {c, a}; old {b}
  T.eq(c.get("b"), 2)           -- young full: old {c, a}, young {b}
  T.eq(c.get("c"), 3)           -- young {b, c}; old {a}
  c.put("d", 4)                 -- old {b, c}, young {d}: a goes
  T.eq(c.get("a"), nil)
  T.eq(c.get("d"), 4)
  T.eq(c.get("b"), 2)           -- young {d, b}; old {c}
  c.put("b", 20)                -- replaced in place: no turn
  T.eq(c.get("b"), 20)
  T.eq(c.get("c"), 3)           -- young full: old {d, b}, young {c}
  c.drop("c")
  c.drop("d")
  T.eq(c.get("c"), nil)
  T.eq(c.get("d"), nil)
  T.eq(c.get("b"), 20)
  -- Ten new keys with half 2: only the last four are kept.
  c = web.new_cache(2)
  for i = 1, 10 do c.put(i, i) end
  T.eq({ c.get(10), c.get(9) }, { 10, 9 })
  T.eq(c.get(6), nil)
  T.eq(c.get(8), 8)             -- young full: old {9, 10}, young {8}; 7 goes
  T.eq(c.get(7), nil)
end)

T.test("web: each thread's SQLite page cache is 256 KiB", function()
  -- tests/run points TEACHBACK_DB at a throw-away store.
  local c = assert(require("web").configure({}, "quizzes"))
  T.eq(c.threads, 2, "the default --threads")
  T.eq(c.store:backend(), "sqlite")
  T.eq(c.store:rows("PRAGMA cache_size")[1].cache_size, -256)
end)
