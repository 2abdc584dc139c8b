-- Tests for lint.lua: each item-writing rule with an item that trips it
-- and one that does not.  Expected figures are worked out by hand.

local T = ...
local lint = require("lint")
local schema = require("schema")

local HEAD = "id: q1\ntopic: t\nexplain: x\nsource: doc#sec\n"

-- The rule tags ("[length-cue]") of the warnings lint gives a question.
local function rules(text)
  local q = T.question(HEAD .. text)
  local v = schema.new("question", {})
  lint.question(q, v)
  local out = {}
  for _, it in ipairs(v.items) do
    T.eq(it.severity, "warning")
    out[#out + 1] = it.message:match("%[([%w-]+)%]$")
  end
  return out, v
end

local function single(prompt, key, ...)
  local s = "type: single\nprompt: " .. prompt .. "\noptions:\n  - text: " .. key ..
            "\n    correct: true\n"
  for _, o in ipairs { ... } do s = s .. "  - text: " .. o .. "\n    feedback: No.\n" end
  return s
end

T.test("lint: length cue: a key 1.4 times the longest other and 8 characters longer", function()
  -- 29 against 11 characters: 2.6 times, 18 longer.
  local r, v = rules(single("Where does it spread most?", "To the bone, mostly the spine", "To the skin",
                            "To the eyes"))
  T.eq(r, { "length-cue" })
  T.ok(v.items[1].message:find("2.6 times as long as the longest other one (29 against 11",
                               1, true), v.items[1].message)
  -- 11 against 11: no cue.
  T.eq(rules(single("Where does it spread most?", "To the bone", "To the skin", "To the eyes")), {})
  -- "The eye" against "Bone": 1.75 times, but only 3 characters longer.
  T.eq(rules(single("Where does it spread most?", "The eye", "Bone")), {})
end)

T.test("lint: absolutes in wrong options, not in keys, not in schedules", function()
  T.eq(rules(single("Where does it spread most?", "To the bone", "It never spreads")), { "absolute" })
  T.eq(rules(single("Where does it spread most?", "To the bone", "Only to the skin")), { "absolute" })
  T.eq(rules(single("How often?", "Always every 4 weeks", "Every 3 weeks", "Each day")), {})
  T.eq(rules(single("Where does it spread most?", "To the bone", "To the skin")), {})
end)

T.test("lint: all/none of the above must be fixed", function()
  local base = "type: multiple\nprompt: Which are common?\noptions:\n" ..
               "  - text: Bone\n    correct: true\n  - text: None of the above\n"
  T.eq(rules(base .. "    feedback: No.\n"), { "above-not-fixed" })
  T.eq(rules(base .. "    fixed: true\n    feedback: No.\n"), {})
  T.eq(rules("type: multiple\nprompt: Which?\noptions:\n  - text: Bone\n    correct: true\n" ..
             "  - text: None of these.\n    fixed: true\n    feedback: No.\n"), {})
  T.eq(rules("type: multiple\nprompt: Which?\noptions:\n  - text: Bone\n    correct: true\n" ..
             "  - text: None of these.\n    feedback: No.\n"), { "above-not-fixed" })
  -- "All of the above" is not an absolute distractor: only its own rule fires.
  T.eq(rules("type: single\nprompt: Which?\noptions:\n  - text: Bone\n    correct: true\n" ..
              "  - text: All of the above\n    feedback: No.\n"), { "above-not-fixed" })
end)

T.test("lint: a negative stem must stand out", function()
  T.eq(rules(single("Which is not a common site?", "The eye", "The bone")), { "negative-stem" })
  T.eq(rules(single("Which site isn't common?", "The eye", "The bone")), { "negative-stem" })
  T.eq(rules(single("Which is NOT a common site?", "The eye", "The bone")), {})
  T.eq(rules(single("Which is *not* a common site?", "The eye", "The bone")), {})
  T.eq(rules(single("Which is least likely?", "The eye", "The bone")), { "negative-stem" })
  -- "least" that is no judgement, and "not" outside the question sentence
  T.eq(rules(single("She is not well. Which gives the least effect on memory?", "The eye",
                    "The bone")), {})
  -- Each negative word, in any case, passes the one scan that lets plain stems through.
  for _, stem in ipairs { "Which site is common EXCEPt bone?", "Which do you never do?",
                          "Which cannot spread?", "Which is false?", "Which is Incorrect?",
                          "Which is untrue?", "Which site doesn't matter?", "Not which?",
                          "Which is the Least likely?" } do
    T.eq(rules(single(stem, "The eye", "The bone")), { "negative-stem" })
  end
  -- A word that only holds one ("knot", "leastwise") is no negative.
  T.eq(rules(single("Which knot is tied leastwise?", "The eye", "The bone")), {})
end)

T.test("lint: a prompt or hint that holds the answer", function()
  local key = single("Which treatment suits three small brain metastases?",
                     "Stereotactic radiosurgery", "Whole-brain radiotherapy")
  T.eq(rules(key .. "hints:\n  - Think of stereotactic radiosurgery.\n"), { "gives-answer" })
  T.eq(rules(key .. "hints:\n  - The number of metastases matters.\n"), {})
  local num = "type: numeric\nprompt: What percentage have bone spread?\nanswer: 70\n" ..
              "tolerance: 5\nunit: \"%\"\nhints:\n"
  T.eq(rules(num .. "  - In plain words, about 7 in 10.\n"), { "gives-answer" })
  T.eq(rules(num .. "  - It is about 70.\n"), { "gives-answer" })
  T.eq(rules(num .. "  - It is the commonest site.\n"), {})
  local text = "type: text\nprompt: Name the class.\naccept: [SERD]\nhints:\n"
  T.eq(rules(text .. "  - It is a SERD.\n"), { "gives-answer" })
  T.eq(rules(text .. "  - It breaks the receptor down.\n"), {})
end)

T.test("lint: a repeated option", function()
  T.eq(rules(single("Where?", "Bone", "Skin", "skin.")), { "repeated-option" })
  T.eq(rules(single("Where?", "Bone", "Skin", "Eye")), {})
  local cloze = "type: cloze\nprompt: Fill it.\ntext: It goes to the {{1}}.\nblanks:\n"
  T.eq(rules(cloze .. "  - options: [bone, Bone, skin]\n    answer: skin\n"), { "repeated-option" })
  T.eq(rules(cloze .. "  - options: [bone, lung, skin]\n    answer: skin\n"), {})
end)

T.test("lint: an article that fits only some options", function()
  local cloze = "type: cloze\nprompt: Fill it.\nblanks:\n  - options: %s\n    answer: %s\n"
  T.eq(rules("text: Checked with an {{1}}.\n" ..
             cloze:format("[echocardiogram, ECG, bone scan]", "echocardiogram")), { "article-cue" })
  T.eq(rules("text: Checked with a {{1}}.\n" ..
             cloze:format("[bone scan, echocardiogram]", "bone scan")), { "article-cue" })
  T.eq(rules("text: Checked with {{1}}.\n" ..
             cloze:format("[an echocardiogram, a bone scan]", "an echocardiogram")), {})
  T.eq(rules("text: Checked with an {{1}}.\n" ..
             cloze:format("[echocardiogram, ECG, MRI]", "echocardiogram")), {})
end)

T.test("lint: vowel sounds, as the article rule hears them", function()
  T.eq(lint.vowel_sound("echocardiogram"), true)
  T.eq(lint.vowel_sound("bone scan"), false)
  T.eq(lint.vowel_sound("hour"), true)
  T.eq(lint.vowel_sound("unit"), false)
  T.eq(lint.vowel_sound("one"), false)
  T.eq(lint.vowel_sound("ECG"), true)
  T.eq(lint.vowel_sound("CT scan"), false)
  T.eq(lint.vowel_sound("MRI"), nil)   -- "an MRI", but "a MUGA": cannot tell
end)

T.test("lint: Poisson-binomial tail, exact", function()
  T.eq(lint.tail({ 0.5, 0.5 }, 1), 0.75)
  T.eq(lint.tail({ 0.25, 0.25, 0.25 }, 3), 1 / 64)
  T.eq(lint.tail({ 0.25, 0.25, 0.25 }, 0), 1)
  -- 1 - 0.75^5 - 5 x 0.25 x 0.75^4 = 1 - 0.2373046875 - 0.3955078125
  T.eq(lint.tail({ 0.25, 0.25, 0.25, 0.25, 0.25 }, 2), 0.3671875)
  T.eq(lint.tail({ 0.5, 1 / 3 }, 2), 1 / 6)
end)

T.test("lint: past 400 questions the tail is the normal approximation, not a square-sized loop", function()
  local ps = {}
  for i = 1, 600 do ps[i] = 0.5 end
  -- Binomial(600, 1/2): P(X >= 300) = 1/2 + P(X = 300)/2 = 0.5163 (P(X = 300) = 0.0326).
  T.ok(math.abs(lint.tail(ps, 300) - 0.5163) < 0.001, tostring(lint.tail(ps, 300)))
  -- P(X >= 331): z = (330.5 - 300) / sqrt(150) = 2.490, upper tail 0.0064.
  T.ok(math.abs(lint.tail(ps, 331) - 0.0064) < 0.0002, tostring(lint.tail(ps, 331)))
  for i = 601, 100000 do ps[i] = 0.25 end
  T.ok(lint.tail(ps, 100000) < 1e-12, "all keys longest in 100000 questions")
end)

-- A quiz of n four-option single questions, the first `longest` of them with
-- the key as the longest option (by a little: no per-question cue).
local function quiz_of(n, longest)
  local qs = {}
  for i = 1, n do
    local key = i <= longest and "Bones, ribs" or "Bone"
    qs[i] = { id = "q" .. i, type = "single", prompt = "Where?", options = {
      { text = key, correct = true }, { text = "Skin, eye" }, { text = "Liver" },
      { text = "Lung" } } }
  end
  return { id = "quiz", questions = qs }
end

local function quiz_rules(quiz, today)
  local v = schema.new("quiz", {})
  lint.quiz(quiz, v, { today = today })
  local out = {}
  for _, it in ipairs(v.items) do out[#out + 1] = it.message:match("%[([%w-]+)%]$") end
  return out, v
end

T.test("lint: the key longest far more often than chance, across a quiz", function()
  -- 5 of 5 at 1/4 each: p = 1/1024 = 0.001; chance gives 1.25 (printed 1.2).
  local r, v = quiz_rules(quiz_of(5, 5))
  T.eq(r, { "key-longest" })
  T.ok(v.items[1].message:find("in 5 of 5 single-answer questions the correct option is the " ..
       "longest (chance would give about 1.2; p = 0.001)", 1, true), v.items[1].message)
  -- 2 of 5: p = 0.367, as chance would often give.
  T.eq(quiz_rules(quiz_of(5, 2)), {})
  -- 4 of 4 is p = 0.004, but 4 questions are too few to judge.
  T.eq(quiz_rules(quiz_of(4, 4)), {})
end)

T.test("lint: review dates older than 12 months", function()
  T.eq(lint.stale("2025-11-28", "2026-11-29"), true)
  T.eq(lint.stale("2025-11-29", "2026-11-29"), false)   -- exactly 12 months: not yet
  T.eq(lint.stale("2026-01-15", "2027-01-14"), false)
  T.eq(lint.stale("2025-12-31", "2027-01-01"), true)
  T.eq(lint.stale("2026-11-23", nil), false)
  local quiz = quiz_of(1, 0)
  quiz.reviewed = "2024-03-01"
  T.eq(quiz_rules(quiz, "2026-11-29"), { "review-due" })
  quiz.reviewed = "2026-03-01"
  T.eq(quiz_rules(quiz, "2026-11-29"), {})
  local doc = { path = "doc.md", reviewed = "2024-03-01", reviewed_line = 4, reviewed_col = 11 }
  local items = lint.material(doc, "2026-11-29")
  T.eq(#items, 1)
  T.eq({ items[1].file, items[1].line, items[1].col }, { "doc.md", 4, 11 })
  doc.reviewed = "2026-03-01"
  T.eq(lint.material(doc, "2026-11-29"), {})
end)

T.test("lint: coverage lists the sections no question cites", function()
  local cited = {}
  lint.cites({ source = "doc#sec" }, cited)
  lint.cites({ source = "bone#dental", key_points = { { source = "bone#bone-agents" } } }, cited)
  T.eq(lint.coverage(T.index, cited), {})
  local items = lint.coverage(T.index, { ["doc#sec"] = true })
  T.eq(#items, 2)
  T.eq({ items[1].file, items[1].line }, { "bone.md", 1 })
  T.ok(items[1].message:find("section 'bone#bone-agents' is cited by no question", 1, true))
  T.eq({ items[2].file, items[2].line }, { "bone.md", 5 })
end)

T.test("lint: scripted questions are left to their instances", function()
  local v = schema.new("quiz", {})
  lint.question({ id = "s", type = "single", script = "return {}", prompt = "x" }, v)
  T.eq(#v.items, 0)
end)

-- The word before a prompt's closing blank is read from the end; it must
-- agree with the pattern it replaced on every prompt, odd ones included.
T.test("article cue: the word before the blank, as the pattern finds it", function()
  local cases = { "It spreads most often to a ___", "It is an ...", "Treatment is a …",
    "word. .", "word .", "  ", "", "a", "abc def", "abc def _ _", "abc9 _", "\xc3\xa9 a _",
    "x\ta\t_\t", "An  ___  ...", "a_", "_a", "hi\xe2\x80\xa6", "hi \xe2\x80\xa6.", "hi . .",
    "q:a", "end?", "a\n", "a \xe2\x80", "an\r_\r" }
  local pieces = { "a", "an", " ", "_", ".", "\xe2\x80\xa6", "x", "9", "\t", "?",
                   "\xc3\xa9", "Z", "\xe2", "\n" }
  local seed = 7
  for i = 1, 2000 do              -- and every mix of the pieces that matter
    local t = {}
    for _ = 1, i % 9 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      t[#t + 1] = pieces[seed % #pieces + 1]
    end
    cases[#cases + 1] = table.concat(t)
  end
  for _, s in ipairs(cases) do
    T.eq(lint.word_before_blank(s), s:match("(%a+)%s*[_.\xe2\x80\xa6]*%s*$"), ("%q"):format(s))
  end
  T.eq(lint.word_before_blank("Bone is a ___"), "a")
  T.eq(lint.word_before_blank("Bone is a ___?"), nil)
end)

T.test("the question sentence of a stem: the last one ending in '?', as gmatch found it", function()
  local qs = lint.question_sentence
  T.eq(qs("Where does it spread most often?"), "Where does it spread most often?")
  T.eq(qs("Bone is common. Which is NOT a sign?"), " Which is NOT a sign?")
  T.eq(qs("Is it bone? Or is it the liver? Choose one."), " Or is it the liver?")
  T.eq(qs("No question here."), "No question here.")
  T.eq(qs("Why?? Really."), "?")
  T.eq(qs("a.?"), "?")
  T.eq(qs("?"), "?")
  T.eq(qs(""), "")
  -- Against the gmatch it replaces, over texts of a, ., !, ?, space.
  local function by_gmatch(prompt)
    local last
    for s in prompt:gmatch("[^.!?]*%?") do last = s end
    return last or prompt
  end
  local rng = T.rng(7)
  local chars = { "a", ".", "!", "?", " " }
  for i = 1, 5000 do
    local t = {}
    for j = 1, rng:int(0, 10) do t[j] = chars[rng:int(1, #chars)] end
    local p = table.concat(t)
    T.eq(qs(p), by_gmatch(p), ("text %d: %q"):format(i, p))
  end
end)
