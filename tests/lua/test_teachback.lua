-- Tests for types/teachback.lua (the learner explains in their own words).
-- Expected values are worked out by hand from the rules at the top of the
-- module: stems, `*` gaps, `word*` prefixes, clause-scoped negation.

local T = ...
local quiz = require("quiz")
local schema = require("schema")
local tb = require("types.teachback")

-- Six header lines, so the body starts on line 7 (error positions below).
local HEAD = "id: q1\ntype: teachback\ntopic: t\nprompt: Say it.\nexplain: x\nsource: doc#sec\n"

-- The issue's example, with a prompt that does not give the answer away.
local DENO = [[
id: tb-denosumab
type: teachback
topic: bone-drugs
prompt: In your own words, why are you getting denosumab, and what about your teeth?
key_points:
  - id: protects-bone
    says: Denosumab slows the cells that break down bone, so bones stay stronger.
    any: ["slow* * bone * break*", "protect* * bone*", "strong* bone*", "osteoclast*",
          "fewer * fracture*"]
    source: bone#bone-agents
  - id: tell-dentist
    says: Tell your dentist you get denosumab, because of a rare jaw problem.
    any: ["dentist", "dental", "jaw"]
    source: bone#dental
misconceptions:
  - any: ["chemo*", "kill* * cancer"]
    feedback: Denosumab does not kill cancer cells; it protects the bone.
explain: Denosumab protects bone.
source: doc#sec
]]

local function deno(extra)
  return T.question(DENO .. (extra or ""))
end

-- A question with one key point per phrase given (ids k1, k2, ...).
local function phrases(...)
  local lines = { HEAD, "key_points:\n" }
  for i, p in ipairs({ ... }) do
    lines[#lines + 1] = ("  - id: k%d\n    says: point %d\n    any: ['%s']\n"):format(i, i, p)
  end
  return T.question(table.concat(lines))
end

-- The verdicts of an analysis, without the evidence.
local function core(r)
  return { covered = r.covered, missed = r.missed, misconceptions = r.misconceptions }
end

-- Does phrase p count in text (key point covered)?
local function hit(p, text)
  return #tb.analyse(phrases(p), text).covered == 1
end

-- Messages of a given severity, "line:col: message".
local function messages(text, severity)
  local data, where = host.parse_yaml(text, "question")
  local v = schema.new("question", where)
  v.fallback = data
  quiz.check_question(data, v, T.index)
  local out = {}
  for _, it in ipairs(v:sorted()) do
    if it.severity == severity then
      out[#out + 1] = ("%d:%d: %s"):format(it.line, it.col, it.message)
    end
  end
  return out
end

---------------------------------------------------------------------------
-- Stems

T.test("teachback: stems of each suffix", function()
  local s = tb.stem
  for _, w in ipairs({ "slow", "slows", "slowing", "slowed", "slower", "slowest", "slowly" }) do
    T.eq(s(w), "slow", w)
  end
  T.eq(s("bone"), "bon")
  T.eq(s("bones"), "bon")
  T.eq(s("boned"), "bon")
  T.eq(s("stronger"), "strong")
  T.eq(s("strongest"), "strong")
  T.eq(s("take"), "tak", "a final e is dropped")
  T.eq(s("taking"), "tak")
  T.eq(s("stopped"), "stop", "a doubled consonant is undoubled")
  T.eq(s("stopping"), "stop")
  T.eq(s("bigger"), "big")
  T.eq(s("calling"), "call", "ll stays")
  T.eq(s("passes"), "pass", "-es: -s, then the final e")
  T.eq(s("boxes"), "box")
  T.eq(s("therapies"), "therapy", "-ies -> -y")
  T.eq(s("dies"), "die")
  T.eq(s("lowers"), "low", "-s, then -er")
end)

T.test("teachback: stems keep short stems and look-alike words", function()
  local s = tb.stem
  T.eq(s("less"), "less", "no -s after s")
  T.eq(s("virus"), "virus", "no -s after u")
  T.eq(s("metastasis"), "metastasis", "no -s after i")
  T.eq(s("thing"), "thing", "stem under 3 letters")
  T.eq(s("string"), "string", "stem without a vowel")
  T.eq(s("spread"), "spread")
  T.eq(s("bleed"), "bleed", "no -ed after e")
  T.eq(s("bleeding"), "bleed")
  T.eq(s("daily"), "daily", "no -ly after a vowel")
  T.eq(s("only"), "only", "-ly needs a stem of 4")
  T.eq(s("cancer"), "cancer", "not a comparative")
  T.eq(s("cancers"), "cancer")
  T.eq(s("number"), "number", "number is not numb-er")
  T.eq(s("fever"), "fever")
  T.eq(s("chest"), "chest")
  T.eq(s("its"), "its", "words of 3 letters stay")
  T.eq(s("38"), "38")
  T.eq(s("kept"), "keep", "irregular forms")
  T.eq(s("broken"), "break")
  T.eq(s("told"), "tell")
end)

T.test("teachback: stems at each test's edges", function()
  local s = tb.stem
  T.eq(s("caf\195\169s"), "caf\195\169s", "a letter outside ASCII: not stemmed")
  T.eq(s("covid19s"), "covid19s", "a digit: not stemmed")
  T.eq(s("buzzing"), "buzz", "zz stays")
  T.eq(s("planned"), "plan")
  T.eq(s("ties"), "tie", "-ies -> -y needs 5 letters")
  T.eq(s("happily"), "happily", "no -ly after a vowel")
  T.eq(s("quickly"), "quick")
  T.eq(s("agreed"), "agreed", "no -ed after e")
  T.eq(s("seeing"), "see")
  T.eq(s("wrestles"), "wrestl")
end)

T.test("teachback: stems apply to phrase and learner words alike", function()
  T.ok(hit("slow", "it slows it"))
  T.ok(hit("slow", "slowing"))
  T.ok(hit("slow", "it slowed"))
  T.ok(hit("slows", "slow"), "the phrase word is stemmed too")
  T.ok(hit("bone", "my bones"))
  T.ok(hit("strong bone", "stronger bones"))
  T.ok(hit("keep * check", "kept it in check"))
  T.ok(not hit("numb", "call the number"))
  T.ok(not hit("slow", "slot"))
end)

---------------------------------------------------------------------------
-- Phrases

T.test("teachback: a lone * stands for 0 to 3 words, not 4", function()
  T.ok(hit("protect * bone", "protect bone"), "0 words")
  T.ok(hit("protect * bone", "protect my bone"), "1 word")
  T.ok(hit("protect * bone", "protect all my bone"), "2 words")
  T.ok(hit("protect * bone", "protect all of my bone"), "3 words")
  T.ok(not hit("protect * bone", "protect all of my own bone"), "4 words")
  T.ok(not hit("protect * bone", "bone protect"), "order kept")
  T.ok(hit("slow* * bone * break*", "it slows the bone from breaking"))
  T.ok(not hit("slow* * bone * break*", "it slows the bone"))
end)

T.test("teachback: a match stays within punctuation but may run over and/or", function()
  T.ok(not hit("protect * bone", "protect, bone"))
  T.ok(not hit("protect * bone", "it protects. Bones"))
  T.ok(hit("protect * bone", "protects and strengthens bone"))
end)

T.test("teachback: word* matches words beginning so, or with the same stem", function()
  T.ok(hit("osteoclast*", "osteoclasts"))
  T.ok(hit("osteoclast*", "the osteoclast"))
  T.ok(hit("chemo*", "it is chemotherapy"))
  T.ok(not hit("chemo*", "nonchemo"), "the word must begin with it")
  T.ok(not hit("chemo", "chemotherapy"), "without * the stems must be equal")
  T.ok(hit("fracture*", "fracturing"), "same stem")
  T.ok(hit("bone-strength*", "bone strengthening"), "the last word of a piece is the prefix")
end)

T.test("teachback: the phrase's words must follow each other", function()
  T.ok(hit("tell dentist", "I tell dentist"))
  T.ok(not hit("tell dentist", "I tell my dentist"))
  T.ok(not hit("tell dentist", "dentist tell"))
  T.ok(hit("tell the dentist", "Tell THE Dentist!"), "case and punctuation ignored")
  T.ok(hit("osteoclast", "ostéoclast"), "accents ignored")
end)

T.test("teachback: quiz and learner text are never patterns", function()
  T.ok(hit("%d+ (.-)", "d"), "pattern characters are punctuation")
  T.ok(not hit("%a", "b"))
  T.ok(hit("[bone]", "bone"))
  local long = ("bone "):rep(400) .. "protect"
  T.ok(not hit("protect * bone", long))
  T.ok(hit("bone * bone * bone * bone * bone", long))
end)

---------------------------------------------------------------------------
-- Negation

T.test("teachback: the issue's negation examples", function()
  local q = deno()
  T.eq(tb.analyse(q, "it does not protect my bones").covered, {})
  T.eq(tb.analyse(q, "I don't need to tell my dentist").covered, {})
  T.eq(tb.analyse(q, "no pain, and it protects my bones").covered, { "protects-bone" })
end)

T.test("teachback: a negation reaches six words forward, not seven", function()
  T.ok(not hit("dentist", "not one two three four five dentist"), "6th word after")
  T.ok(hit("dentist", "not one two three four five six dentist"), "7th word after")
  T.ok(not hit("dentist", "not one two three four and five six dentist"),
       "counted again after and")
  T.ok(not hit("dentist", "not dentist"), "right before")
  T.ok(hit("dentist", "dentist not"), "after the match")
  T.ok(not hit("protect * bone", "never protect all of my bone"),
       "counted from the match's first word")
  T.ok(hit("protect * bone", "it protects not only my bone"),
       "only the words before the match are searched, not those in a gap")
end)

T.test("teachback: negation words", function()
  for _, neg in ipairs({ "not", "no", "never", "none", "nothing", "nobody", "nowhere",
                         "neither", "nor", "without", "cannot", "don't", "doesn't",
                         "didn't", "isn't", "won't", "wouldn't", "can't", "shouldn't",
                         "dont", "doesnt", "didnt", "isnt", "wont", "wouldnt", "cant",
                         "shouldnt", "mustn't", "needn't", "ain't", "don’t", "DON'T" }) do
    T.ok(not hit("tell * dentist", "I " .. neg .. " tell my dentist"), neg)
  end
  T.ok(hit("call*", "no matter the time I call"), "no matter is not a negation")
  T.ok(hit("protect*", "it not only protects"), "not only is not a negation")
  T.ok(hit("dentist", "I know my dentist"), "know is not no")
end)

T.test("teachback: punctuation and contrast words end a negation; and, or do not", function()
  for _, p in ipairs({ ".", ",", ";", ":", "!", "?" }) do
    T.ok(hit("dentist", "not" .. p .. " tell the dentist"), p)
  end
  T.ok(hit("dentist", "no\ntell the dentist"), "a line break")
  for _, w in ipairs({ "but", "so", "because", "instead", "rather", "then", "though" }) do
    T.ok(hit("dentist", "no pain " .. w .. " tell the dentist"), w)
  end
  for _, w in ipairs({ "and", "or" }) do
    T.ok(not hit("dentist", "not eat " .. w .. " tell the dentist"), w)
  end
  for _, w in ipairs({ "I", "I'd", "I will", "you", "she", "we" }) do
    T.ok(hit("dentist", "not eat " .. w .. " tell the dentist"), w .. " starts a new clause")
  end
  T.ok(not hit("dentist", "not 38.5 dentist"), "a point between digits is no break")
  T.ok(hit("dentist", "not 38. dentist"))
end)

T.test("teachback: a negation word in a phrase matches any negation", function()
  T.ok(hit("not * cur*", "it can't be cured"))
  T.ok(hit("not * cur*", "it cannot be cured"))
  T.ok(hit("not * cur*", "it will never be cured"))
  T.ok(not hit("not * cur*", "it can be cured"))
  T.ok(hit("bone* * not break*", "so my bones don't break"))
end)

T.test("teachback: misconceptions follow the same rules and do not change the score", function()
  local q = deno()
  T.eq(tb.analyse(q, "it is not chemo").misconceptions, {})
  T.eq(tb.analyse(q, "it isn't chemotherapy").misconceptions, {})
  T.eq(tb.analyse(q, "it is chemo").misconceptions, { 1 })
  T.eq(tb.analyse(q, "it kills the cancer").misconceptions, { 1 })
  T.eq(tb.analyse(q, "it never kills the cancer").misconceptions, {})
  local text = "it is chemo; it protects my bones; tell the dentist"
  T.eq(core(tb.analyse(q, text)), { covered = { "protects-bone", "tell-dentist" },
                                    missed = {}, misconceptions = { 1 } })
  T.eq(tb.score(q, text), 1)
end)

---------------------------------------------------------------------------
-- Scoring and feedback

T.test("teachback: fraction scoring is the share of key points covered", function()
  local q = deno()
  T.eq(q.scoring, "fraction")
  T.eq(tb.score(q, "It protects my bones."), 0.5)
  T.eq(tb.score(q, "It protects my bones. I tell the dentist."), 1)
  T.eq(tb.score(q, "I like cake."), 0)
end)

T.test("teachback: pass scoring is 0/1 against pass (default all)", function()
  local q = deno("scoring: pass\npass: 1\n")
  T.eq(q.pass, 1)
  T.eq(tb.score(q, "It protects my bones."), 1)
  T.eq(tb.score(q, "I like cake."), 0)
  q = deno("scoring: pass\n")
  T.eq(tb.score(q, "It protects my bones."), 0, "default: all key points")
  T.eq(tb.score(q, "It protects my bones and I tell the dentist."), 1)
  q = deno("pass: 1\n")
  T.eq(tb.score(q, "It protects my bones."), 0.5, "pass alone does not change fraction")
end)

T.test("teachback: explain lists what was got, missed and wrong", function()
  local q = deno()
  local ex = tb.explain(q, "It is chemo. It protects my bones.")
  T.eq(ex.answer, "Denosumab slows the cells that break down bone, so bones stay stronger. " ..
       "Tell your dentist you get denosumab, because of a rare jaw problem.")
  T.eq(ex.notes, {
    { mark = "right", text = "Denosumab slows the cells that break down bone, so bones stay " ..
      "stronger.", feedback = "heard: 'protects my bones'" },
    { mark = "missed", text = "Tell your dentist you get denosumab, because of a rare jaw " ..
      "problem.", section = T.index.docs.bone.sections.dental },
    { mark = "wrong", text = "Denosumab does not kill cancer cells; it protects the bone.",
      feedback = "heard: 'chemo'" },
  })
  T.eq(#tb.explain(q, nil).notes, 2, "unanswered: both missed")
  T.eq(tb.explain(q, nil).notes[1].mark, "missed")
end)

T.test("teachback: details and analyse", function()
  local q = deno()
  local extra, order = tb.details(q, "Tell my dentist. It is chemo.")
  T.eq(order, { "covered", "missed", "misconceptions", "misconceptions_heard", "evidence" })
  local json = require("json")
  T.eq(json.encode(json.object(order, extra)),
       '{"covered":["tell-dentist"],"missed":["protects-bone"],"misconceptions":[1],' ..
       '"misconceptions_heard":["misconception-1"],' ..
       '"evidence":{"tell-dentist":{"heard":"dentist"},"misconception-1":{"heard":"chemo"}}}')
  T.eq(json.encode(json.object(order, tb.details(q, "nothing at all"))),
       '{"covered":[],"missed":["protects-bone","tell-dentist"],"misconceptions":[],' ..
       '"misconceptions_heard":[],"evidence":{}}')
  T.eq(core(tb.analyse(q, "osteoclasts slow down")), { covered = { "protects-bone" },
                                                       missed = { "tell-dentist" },
                                                       misconceptions = {} })
end)

---------------------------------------------------------------------------
-- Input, view, encoding

T.test("teachback: parse trims; refuses empty, non-text and overlong input", function()
  local q = deno()
  T.eq(tb.parse(q, "  It protects my bones.\n"), "It protects my bones.")
  local r, why = tb.parse(q, "   \n ")
  T.eq(r, nil)
  T.eq(why, "Please say it in your own words.")
  r, why = tb.parse(q, { "x" })
  T.eq(r, nil)
  T.eq(why, "Please say it in your own words.")
  T.eq(tb.parse(q, ("x"):rep(2000)), ("x"):rep(2000))
  r, why = tb.parse(q, ("x"):rep(2001))
  T.eq(r, nil)
  T.eq(why, "That is more than 2000 characters; please say it more briefly.")
  T.eq(tb.parse(q, ("é"):rep(2000)), ("é"):rep(2000), "characters, not bytes")
  r = tb.parse(q, ("é"):rep(2001))
  T.eq(r, nil)
  T.eq(tb.parse(q, 42), "42")
end)

T.test("teachback: present, shuffle, encode, show", function()
  local q = deno()
  T.eq(tb.shuffle(q, T.rng(1), true), nil)
  local view = tb.present(q)
  T.eq(view.prompt, q.prompt)
  T.eq(view.input, "teachback")
  T.eq(view.multiline, true)
  T.eq(tb.encode(q, "It protects my bones."), "It protects my bones.")
  T.eq(tb.parse(q, tb.encode(q, "It protects\nmy bones.")), "It protects\nmy bones.")
  T.eq(tb.show(q, "It protects my bones."), "It protects my bones.")
end)

---------------------------------------------------------------------------
-- Validation

T.test("teachback: a valid question converts pass and scoring", function()
  local q = deno("pass: 2\nscoring: pass\n")
  T.eq(q.pass, 2)
  T.eq(q.scoring, "pass")
  T.eq(deno().scoring, "fraction")
  T.eq(deno().pass, nil)
  T.eq(messages(DENO, "warning"), {})
end)

T.test("teachback: key points are required and checked", function()
  T.eq(T.errors(HEAD), { "1:1: missing field 'key_points'" })
  T.eq(T.errors(HEAD .. "key_points: []\n"),
       { "7:13: 'key_points' needs at least 1 key point, found 0" })
  T.eq(T.errors(HEAD .. [[
key_points:
  - id: a
    says: A.
    any: [x]
  - id: a
    says: B.
    any: [y]
  - id: Bad_Id
    any: []
    colour: red
]]), {
    "11:9: duplicate key point id 'a' (first at 8:9)",
    "14:5: missing field 'says' (the key point in plain words)",
    "14:9: 'id' must be lower-case letters, digits and dashes (at most 64), found 'Bad_Id'",
    "15:10: 'any' needs at least 1 phrase, found 0",
    "16:5: unknown field 'colour' in key point 3",
  })
  T.eq(T.errors(HEAD .. "key_points:\n  - id: a\n    says: A.\n"),
       { "8:5: missing field 'any'" })
  T.eq(T.errors(HEAD .. "key_points:\n  - just text\n"),
       { "8:5: key point 1 must be a mapping of fields, found text" })
end)

T.test("teachback: phrases must leave words to match and use * rightly", function()
  T.eq(T.errors(HEAD .. [[
key_points:
  - id: a
    says: A.
    any: ['*', '...', 'osteo*clast', '* bone', 'bone *', 'a * * b', 'a ** b', ok]
]]), {
    "10:11: key point 'a': phrase '*' has nothing to match: it has no words left to compare " ..
      "once case, accents and punctuation are ignored",
    "10:16: key point 'a': phrase '...' has nothing to match: it has no words left to " ..
      "compare once case, accents and punctuation are ignored",
    "10:23: key point 'a': phrase 'osteo*clast' is not well formed: '*' may stand alone " ..
      "between words or end a word, not sit inside one",
    "10:38: key point 'a': phrase '* bone' is not well formed: a lone '*' must stand " ..
      "between two words",
    "10:48: key point 'a': phrase 'bone *' is not well formed: a lone '*' must stand " ..
      "between two words",
    "10:58: key point 'a': phrase 'a * * b' is not well formed: two gaps '* *' in a row; " ..
      "one '*' stands for up to 3 words",
    "10:69: key point 'a': phrase 'a ** b' is not well formed: write a gap as one '*' on " ..
      "its own",
  })
end)

T.test("teachback: misconceptions need phrases and feedback", function()
  T.eq(T.errors(HEAD .. [[
key_points:
  - {id: a, says: A., any: [x]}
misconceptions:
  - any: []
  - feedback: F.
  - any: ['*']
    feedback: F.
    says: no
]]), {
    "10:5: missing field 'feedback' (what to tell a learner who says this)",
    "10:10: 'any' needs at least 1 phrase, found 0",
    "11:5: missing field 'any'",
    "12:11: misconception 3: phrase '*' has nothing to match: it has no words left to " ..
      "compare once case, accents and punctuation are ignored",
    "14:5: unknown field 'says' in misconception 3",
  })
end)

T.test("teachback: pass, scoring and key point sources are checked", function()
  local KP = "key_points:\n  - {id: a, says: A., any: [x]}\n  - {id: b, says: B., any: [y]}\n"
  T.eq(T.errors(HEAD .. KP .. "pass: 3\n"), { "10:7: 'pass' must be between 1 and 2, found 3" })
  T.eq(T.errors(HEAD .. KP .. "pass: 0\n"), { "10:7: 'pass' must be between 1 and 2, found 0" })
  T.eq(T.errors(HEAD .. KP .. "pass: 1.5\n"), { "10:7: 'pass' must be a whole number, found 1.5" })
  T.eq(T.errors(HEAD .. KP .. "pass: all\n"), { "10:7: 'pass' must be a number, found 'all'" })
  T.eq(T.errors(HEAD .. KP .. "scoring: all\n"),
       { "10:10: 'scoring' must be one of fraction, pass, found 'all'" })
  T.eq(T.errors(HEAD .. "key_points:\n  - {id: a, says: A., any: [x], source: bone}\n"),
       { "8:41: source 'bone' must be written doc#section" })
  T.eq(T.errors(HEAD .. "key_points:\n  - {id: a, says: A., any: [x], source: doc#sec}\n"), {})
end)

T.test("teachback: a phrase the prompt already contains is a warning", function()
  local text = DENO:gsub("what about your teeth%?", "what should you tell your dentist?")
  T.eq(T.errors(text), {})
  T.eq(messages(text, "warning"), {
    "13:11: key point 'tell-dentist': phrase 'dentist' also matches the prompt, so the " ..
      "prompt gives the answer away",
  })
  -- Negation in the prompt does not hide the give-away.
  T.eq(#messages(HEAD:gsub("Say it%.", "Not the dentist.") ..
                 "key_points:\n  - {id: a, says: A., any: [dentist*]}\n", "warning"), 1)
end)

T.test("teachback: a misconception can cancel a key point ('wait, then call' is not 'call now')", function()
  local q = T.question([[
id: tb-wait
type: teachback
topic: t
prompt: A warning sign starts at night. What would you do?
key_points:
  - id: call-now
    says: Call your care team now.
    any: ["call*", "ring*", "phone*"]
    source: doc#sec
misconceptions:
  - any: ["wait*", "morning"]
    feedback: Do not wait until the morning.
    cancels: [call-now]
explain: x
source: doc#sec
]])
  local tb = require("types.teachback")
  T.eq(core(tb.analyse(q, "I'd wait till morning then ring them")),
       { covered = {}, missed = { "call-now" }, misconceptions = { 1 } })
  T.eq(tb.analyse(q, "I'd wait till morning then ring them").evidence["call-now"],
       { heard = "ring", but = "wait" })
  T.eq(tb.score(q, "I would ring them straight away"), 1)
  T.eq(T.errors([[
id: tb-bad
type: teachback
topic: t
prompt: P
key_points:
  - id: call-now
    says: Call.
    any: ["call*"]
    source: doc#sec
misconceptions:
  - any: ["wait*"]
    feedback: No.
    cancels: [call-later]
explain: x
source: doc#sec
]]), { "13:15: misconception 1 cancels 'call-later', which is not a key point id" })
  T.eq(T.errors([[
id: tb-bad
type: teachback
topic: t
prompt: P
key_points:
  - id: call-now
    says: Call.
    any: ["call*"]
    source: doc#sec
misconceptions:
  - any: ["nuisance"]
    feedback: No.
    answered_by: [not-a-bother]
explain: x
source: doc#sec
]]), { "13:19: misconception 1 is answered_by 'not-a-bother', which is not a key point id" })
end)

---------------------------------------------------------------------------
-- Steps ("chunk and check": two to four short questions under the prompt)

T.test("teachback steps: shown one under another, with their own hint", function()
  local q = deno("steps:\n  - Why are you getting it?\n  - What about your teeth?\n")
  local view = tb.present(q)
  T.eq(view.blocks, { { items = { { label = "1", text = "Why are you getting it?" },
                                  { label = "2", text = "What about your teeth?" } } } })
  T.eq(view.how, "Answer each part in your own words, a sentence or two for each.")
  T.eq(tb.full_prompt(q), "In your own words, why are you getting denosumab, and what about " ..
       "your teeth?\n1. Why are you getting it?\n2. What about your teeth?")
  -- Without steps, the prompt alone and the old hint.
  T.eq(tb.present(deno()).blocks, {})
  T.eq(tb.full_prompt(deno()), "In your own words, why are you getting denosumab, and what " ..
       "about your teeth?")
end)

T.test("teachback steps: two to four one-line questions, each short", function()
  T.eq(T.errors(DENO .. "steps:\n  - Only one?\n"),
       { "21:3: 'steps' lists 1; write 2 to 4 short questions, or put a single one in the prompt" })
  T.eq(T.errors(DENO .. "steps: [a?, b?, c?, d?, e?]\n"),
       { "20:8: 'steps' lists 5; write 2 to 4 short questions, or put a single one in the prompt" })
  T.eq(T.errors(DENO .. "steps:\n  - Why?\n  - [not, words]\n"),
       { "22:5: step 2 must be a short question in words" })
  T.eq(T.errors(DENO .. "steps:\n  - Why?\n  - '" .. ("x"):rep(121) .. "'\n"),
       { "22:5: step 2 has 121 characters; keep each step under 120 so that it reads at a glance" })
  T.eq(T.errors(DENO .. "steps:\n  - \"Why?\\nAnd how?\"\n  - When?\n"),
       { "21:5: step 1 must be one line" })
  T.eq(T.errors(DENO .. "steps: why\n"), { "20:8: 'steps' must be a list, found text" })
end)

T.test("teachback steps: a step that says a key point's words gives the answer away", function()
  T.eq(messages(DENO .. "steps:\n  - Why?\n  - What does your dentist need to know?\n", "warning"),
       { "13:11: key point 'tell-dentist': phrase 'dentist' also matches the prompt, so the " ..
         "prompt gives the answer away" })
end)

T.test("teachback: a class-word set's prefixes looked up by first byte, as the loop over all did", function()
  local rng = T.rng(16)
  local words = { "call*", "ca*", "c*", "*", "phone*", "ph*", "rang", "tell", "go to", "<x> y",
                  "caf\195\169*", "\195\169*", "head*", "rush*", "ring", "r*", "9*", "dial*" }
  local letters = { "c", "a", "l", "p", "h", "o", "n", "e", "r", "i", "g", "9", "\195\169", "s" }
  for _ = 1, 300 do
    local list = {}
    for j = 1, rng:int(0, 6) do list[j] = words[rng:int(1, #words)] end
    local set = tb.word_set(list)
    for _ = 1, 40 do
      local parts = {}
      for j = 1, rng:int(0, 7) do parts[j] = letters[rng:int(1, #letters)] end
      local w = table.concat(parts)
      local t = { w = w, stem = tb.stem(w) }
      local got = tb.in_set(set, t)
      local want = set.stems[t.stem] or false        -- the loop over every prefix
      for _, p in ipairs(set.prefixes) do
        if not want and w:sub(1, #p) == p then want = true end
      end
      T.eq(got, want, table.concat(list, "|") .. " / " .. w)
    end
  end
end)
