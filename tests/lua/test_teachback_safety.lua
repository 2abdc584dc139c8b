-- Tests for the safety rules of teach-back judgement: urgent key points
-- (act now, to a clinical target, with no delay or hedge), negation scope,
-- the shared lexicon and its word classes, spelling, and evidence.  The
-- sentences are the ones the issue and the field test quote; each expected
-- verdict is worked out by hand from the rules in types/teachback.lua.

-- (The rules alone: the second reader is off in every test here.)
local T = (...).rules_alone()
local json = require("json")
local lexicon = require("lexicon")
local quiz = require("quiz")
local schema = require("schema")
local tb = require("types.teachback")

-- A red-flag teach-back as the bundled ones are written.
local RED = [[
id: tb-red
type: teachback
topic: red-flags
safety: true
prompt: Your back starts to hurt in a new way, and your legs feel weak. What would you do?
key_points:
  - id: act-now
    says: Call your care team now. Do not wait.
    urgent: true
    any: ["<action>", "<emergency>"]
    source: doc#sec
  - id: spinal-cord
    says: It can mean pressure on the spinal cord.
    any: ["spin*", "cord"]
    source: doc#sec
misconceptions:
  - id: waits
    any: ["wait*", "rest*", "lie down", "<held>"]
    feedback: Please do not rest at home or wait for it to pass.
    cancels: [act-now]
explain: x
source: doc#sec
]]

local red = T.question(RED)

local function covered(text)
  return table.concat(tb.analyse(red, text).covered, " ")
end

local function beliefs(text)
  return tb.analyse(red, text).misconceptions
end

local function heard(text, id)
  return tb.evidence_text(tb.analyse(red, text).evidence[id or "act-now"])
end

---------------------------------------------------------------------------
-- Urgent key points

T.test("teachback safety: a call put off, hedged or to the wrong person is not acting now", function()
  T.eq(covered("I'd ring them tomorrow morning, it could be my spinal cord"), "spinal-cord")
  T.eq(heard("I'd ring them tomorrow morning, it could be my spinal cord"),
       "heard: 'ring them' — but also 'tomorrow'")
  T.eq(covered("I'll phone the clinic when it opens"), "")
  T.eq(heard("I'll phone the clinic when it opens"), "heard: 'phone the clinic' — but also " ..
       "'when it opens'")
  T.eq(covered("maybe I'd call the nurse if it is still bad on Sunday"), "")
  T.eq(covered("I would go to my doctor next month because it might be my spine"),
       "spinal-cord")
  T.eq(covered("I'd call my son and see what he thinks"), "")
  T.eq(heard("I'd call my son and see what he thinks"),
       "heard: 'call' — but no call to the care team or emergency help")
  T.eq(covered("I would call my husband so he can drive me to the doctor on Monday"), "")
  T.eq(covered("I might phone the hospital"), "", "a hedge before the action")
  T.eq(covered("um, I'd call them. Well, I suppose I'd phone, if it didn't get better"), "",
       "a later hedge or condition makes the answer unclear")
  T.eq(covered("I'd rest first and then call them"), "", "a wrong action cancels it")
  T.eq(heard("I'd rest first and then call them"), "heard: 'call them' — but also 'rest'")
  -- From the third blind set: someone acting on the learner, and the
  -- family doctor, are not the learner getting help now.
  T.eq(covered("I'd call my neighbour, she's a retired nurse, she'd tell me if I need the " ..
               "hospital."), "")
  T.eq(covered("Explain that she should call her GP or ask her pharmacist about it."), "")
  T.eq(covered("ring my GP now"), "", "the GP is not the 24-hour line")
  T.eq(covered("I'd tell the nurse now"), "act-now", "'tell' with a clinical target still counts")
end)

T.test("teachback safety: acting now to a clinical target is credited", function()
  T.eq(covered("I'd phone the nurse straight away. I wouldn't just lie down and wait."),
       "act-now")
  T.eq(beliefs("I'd phone the nurse straight away. I wouldn't just lie down and wait."), {})
  T.eq(covered("I wouldn't sit at home and wait, I'd call 999 because of my spine"),
       "act-now spinal-cord")
  T.eq(covered("straight to the ER"), "act-now", "an emergency target needs no verb")
  T.eq(covered("Go to A&E"), "act-now")
  T.eq(covered("cal the cancer nurse rite now"), "act-now", "phone spellings")
  T.eq(covered("phone the 24hr line dont wait"), "act-now")
  T.eq(beliefs("phone the 24hr line dont wait"), {})
  T.eq(covered("I'd call straight away"), "act-now", "acting now with no one named")
  T.eq(covered("I'd call them now, even though it is 2 in the morning"), "act-now",
       "a time of day after a number, or after 'even', is not a delay")
  T.eq(covered("I'd call them straight away, I wouldn't wait until the morning"), "act-now",
       "a negated delay")
  T.eq(heard("I'd phone the nurse straight away"), "heard: 'phone the nurse'")
end)

T.test("teachback safety: a question with an urgent point missed is never right", function()
  local text = "It could be my spinal cord, I'd ring them tomorrow"
  T.eq(tb.score(red, text), 0.5)
  T.ok(tb.unsafe(red, text))
  T.eq(tb.safety_text(red, text), "Call your care team now. Do not wait.")
  T.ok(not tb.unsafe(red, "It could be my spinal cord, I'd ring them now"))
  T.eq(tb.safety_text(red, "It could be my spinal cord, I'd ring them now"), nil)
  -- With `scoring: pass` and pass 1, the urgent point is needed all the same.
  local q = T.question(RED .. "scoring: pass\npass: 1\n")
  T.eq(tb.score(q, text), 0)
  T.eq(tb.score(q, "I'd ring them now"), 1)
end)

---------------------------------------------------------------------------
-- Negation scope

T.test("teachback safety: a negation reaches across coordinated actions", function()
  T.eq(beliefs("I wouldn't lie down and wait"), {})
  T.eq(beliefs("I would not sit at home or rest"), {})
  T.eq(beliefs("I would lie down and wait"), { 1 })
  local nb = T.question(RED:gsub('"wait%*", "rest%*", "lie down", "<held>"', '"skip*"'))
  T.eq(tb.analyse(nb, "not sit at home or skip a dose").misconceptions, {})
end)

T.test("teachback safety: a negation stops at contrast and at a new subject", function()
  T.eq(covered("i would not wait i would phone the nurse"), "act-now")
  T.eq(beliefs("i would not wait i would phone the nurse"), {})
  T.eq(covered("I won't wait but phone the nurse"), "act-now")
  T.eq(covered("not wait, instead phone the nurse"), "act-now")
  T.eq(covered("I would not call them"), "")
  T.eq(heard("I would not call them"), "heard: 'call' — but said with a negation")
end)

T.test("teachback safety: a negated wrong action never cancels the right action beside it", function()
  T.eq(covered("don't wait and phone them now"), "act-now")
  T.eq(covered("I wouldn't rest or wait and call the nurse"), "act-now")
  T.eq(covered("I wouldn't bother calling them"), "",
       "'bother' is no wrong action: the call itself is negated")
end)

T.test("teachback safety: 'different from', 'instead of', 'unlike' deny what follows", function()
  local q = T.question([[
id: q1
type: teachback
topic: t
prompt: What are the spots?
key_points:
  - {id: a, says: A., any: [breast cancer], source: doc#sec}
misconceptions:
  - {any: [bone cancer], feedback: It is not bone cancer.}
explain: x
source: doc#sec
]])
  T.eq(tb.analyse(q, "it is different from a primary bone cancer").misconceptions, {})
  T.eq(tb.analyse(q, "unlike bone cancer, it is breast cancer").misconceptions, {})
  T.eq(tb.analyse(q, "breast cancer drugs instead of bone cancer ones").misconceptions, {})
  T.eq(tb.analyse(q, "it is bone cancer").misconceptions, { 1 })
end)

---------------------------------------------------------------------------
-- The lexicon

T.test("teachback safety: lay words and abbreviations are read", function()
  local function words(text)
    local out = {}
    for _, part in ipairs(tb.words(text)) do
      for _, t in ipairs(part) do out[#out + 1] = t.w end
    end
    return table.concat(out, " ")
  end
  T.eq(words("go to A&E"), "go to emergency department")
  T.eq(words("to the ER"), "to the emergency department")
  T.eq(words("er I think"), "er i think", "a lone 'er' is a sound")
  T.eq(words("ER positive"), "er positive", "and 'ER positive' a receptor")
  T.eq(words("bone mets"), "bone metastases")
  T.eq(words("breast ca"), "breast cancer")
  T.eq(words("my white count"), "my white blood cell count")
  T.eq(words("the doc"), "the doctor")
  T.eq(words("24hr line"), "24 hour line")
  T.eq(words("evry day tmrw"), "every day tomorrow")
end)

T.test("teachback safety: a phrase may name a word class", function()
  local q = T.question([[
id: q1
type: teachback
topic: t
prompt: Who would you ring?
key_points:
  - {id: a, says: A., any: ["<action> * <target>"], source: doc#sec}
explain: x
source: doc#sec
]])
  T.eq(tb.analyse(q, "ring the 24 hour line").covered, { "a" })
  T.eq(tb.analyse(q, "phone the oncology team").covered, { "a" })
  T.eq(tb.analyse(q, "phone my sister").covered, {})
  T.eq(T.errors([[
id: q1
type: teachback
topic: t
prompt: P
key_points:
  - {id: a, says: A., any: ["<nowhere> now", "call<target>"], source: doc#sec}
explain: x
source: doc#sec
]]), { "6:29: key point 'a': phrase '<nowhere> now' is not well formed: there is no word " ..
       "class <nowhere> in the lexicon",
       "6:46: key point 'a': phrase 'call<target>' is not well formed: a word class is " ..
       "written <name>, with nothing else in the word" })
end)

T.test("teachback safety: a quiz may add to the lexicon", function()
  local text = [[
lexicon:
  target: ["the warden"]
  pets: ["dog*", "cat*"]
  "bad name": ["x"]
  empty: []
  starts: ["<pets> food"]
]]
  local data, where = host.parse_yaml(text, "quiz")
  local v = schema.new("quiz", where)
  local lex = lexicon.validate(data, v, tb.compile)
  local msgs = {}
  for _, it in ipairs(v:sorted()) do msgs[#msgs + 1] = ("%d:%d: %s"):format(it.line, it.col,
                                                                            it.message) end
  T.eq(msgs, {
    "4:3: a word class name is letters, digits, '-' or '_', found 'bad name'",
    "5:10: 'empty' needs at least 1 phrase, found 0",
    "6:12: word class <starts>: phrase '<pets> food' may not start with a class",
  })
  -- The question sees the shared classes and the quiz's own.
  local qdata, qwhere = host.parse_yaml([[
id: q1
type: teachback
topic: t
prompt: Who would you ring at night?
key_points:
  - {id: a, says: A., any: ["<action> * <target>"], source: doc#sec}
  - {id: b, says: B., any: ["<pets>"], source: doc#sec}
explain: x
source: doc#sec
]], "question")
  local qv = schema.new("question", qwhere)
  qv.lexicon = lex
  quiz.check_question(qdata, qv, T.index)
  T.eq(qv.errors, 0)
  T.eq(tb.analyse(qdata, "I'd ring the warden about my dogs").covered, { "a", "b" })
  T.eq(tb.analyse(qdata, "I'd ring the oncologist").covered, { "a" })
end)

---------------------------------------------------------------------------
-- Spelling

T.test("teachback safety: one edit, for words of six letters or more", function()
  T.ok(tb.one_edit("nursse", "nurse"), "a letter added")
  T.ok(tb.one_edit("hospitl", "hospital"), "a letter dropped")
  T.ok(tb.one_edit("hospitel", "hospital"), "a letter changed")
  T.ok(tb.one_edit("hopsital", "hospital"), "two letters swapped")
  T.ok(not tb.one_edit("hsoptial", "hospital"), "two edits")
  T.ok(not tb.one_edit("nurse", "nurse"), "the same word")
  T.eq(covered("I'd phone the oncologyst now"), "act-now", "one edit from a lexicon word")
  T.eq(covered("I'd phone the spinall nurse now"), "act-now spinal-cord")
  T.eq(covered("I'd phone the nurse tomorow"), "", "a phone spelling of a delay")
  T.eq(covered("I'd phone the nurse tomorrw"), "", "and one edit from it")
  T.eq(covered("I'd phone the nurse straight away, ot nwo"), "act-now", "short words are left alone")
end)

T.test("teachback safety: negations, numbers and common words are never respelt", function()
  -- "wouldnt" is a negation, not a misspelt "wouldn't be": the call is negated.
  T.eq(covered("I wouldnt call them"), "")
  T.eq(covered("I'd call 9999"), "", "9999 is not 999")
  local q = T.question([[
id: q1
type: teachback
topic: t
prompt: What did they say?
key_points:
  - {id: a, says: A., any: [bother], source: doc#sec}
explain: x
source: doc#sec
]])
  T.eq(tb.analyse(q, "I'd call my mother").covered, {}, "mother is a word, not 'bother'")
  T.eq(tb.analyse(q, "I'd not want to bothr them").covered, {}, "4-letter typo left alone")
  T.eq(tb.analyse(q, "it is no bothere").covered, {}, "negated after the correction")
  T.eq(tb.analyse(q, "it is a bothere").covered, { "a" })
end)

---------------------------------------------------------------------------
-- Evidence in the result

T.test("teachback safety: the result keeps the words behind each verdict", function()
  local text = "I'd ring them tomorrow, it could be the spinal cord"
  local extra, order = tb.details(red, text)
  T.eq(json.encode(json.object(order, extra)),
       '{"covered":["spinal-cord"],"missed":["act-now"],"misconceptions":[1],' ..
       '"misconceptions_heard":["waits"],"evidence":{"act-now":{"heard":"ring them",' ..
       '"but":"tomorrow"},"spinal-cord":{"heard":"spinal"},"waits":{"heard":"tomorrow"}},' ..
       '"urgent_missed":["act-now"]}')
  local notes = tb.explain(red, text).notes
  T.eq(notes[2], { mark = "missed", text = "Call your care team now. Do not wait.",
                   section = T.index.docs.doc.sections.sec,
                   feedback = "heard: 'ring them' — but also 'tomorrow'" })
end)

T.test("teachback safety: a nurse's verdicts replace the engine's, misconceptions too", function()
  local text = "I wouldn't just lie down and wait, I'd phone the nurse straight away"
  local points = tb.assist_points(red, text)
  T.eq(#points, 2, "two key points, no belief heard")
  T.eq(points[1].evidence, "heard: 'phone the nurse'")
  local text2 = "I'd lie down and phone the nurse"
  points = tb.assist_points(red, text2)
  T.eq(#points, 3)
  T.eq(points[3], { kind = "misconception", index = 1, id = "waits", engine = true,
                    says = "Please do not rest at home or wait for it to pass.",
                    evidence = "heard: 'lie down'" })
  local r = tb.with_verdicts(red, text2, { ["act-now"] = true, ["spinal-cord"] = false,
                                           waits = false })
  T.eq(tb.score(red, r), 0.5)
  T.ok(not tb.unsafe(red, r), "the nurse heard the act-now point")
  local extra, order = tb.details(red, r)
  T.eq(order[#order], "nurse_misconceptions")
  T.eq(extra.nurse_covered, { "act-now" })
  T.eq(extra.nurse_misconceptions, {})
  T.eq(extra.misconceptions, { 1 }, "the engine's own verdict is kept")
  T.eq(#tb.explain(red, r).notes, 2, "the dismissed belief is not shown")
end)

---------------------------------------------------------------------------
-- Second thoughts, conditions and lay calls (rules over the lexicon's
-- classes, written for the fourth blind set's round: none of these
-- sentences is from a labelled set)

-- The red-flag question without its misconception, so that only the rules
-- for acting now decide.
local bare = T.question((RED:gsub("misconceptions:.-explain:", "explain:")))
local function now(text)
  return table.concat(tb.analyse(bare, text).covered, " ")
end

T.test("teachback safety: a call taken back is not a call", function()
  T.eq(now("I'd call them now. Actually, no."), "", "'actually no' takes back the sentence before")
  T.eq(now("I'd call them now. Actually, no, I'd leave it till Monday."), "")
  T.eq(now("I'd call the team, no, actually I'd phone 999"), "act-now",
       "the call taken back, the second one stands")
  T.eq(tb.evidence_text(tb.analyse(bare, "I'd call the team, no, actually I'd phone 999")
       .evidence["act-now"]), "heard: 'phone 999'")
  T.eq(covered("Wait till morning? No. I'd call the nurse now."), "act-now")
  T.eq(beliefs("Wait till morning? No. I'd call the nurse now."), {},
       "a lone 'No.' after a question takes the question back")
  T.eq(covered("It could be my spine. No, I'd not wait, I'd ring them now."),
       "act-now spinal-cord", "after a statement a lone 'No' answers the prompt")
  T.eq(now("I'd ring them, maybe not."), "", "a clause ending 'maybe not'")
  T.eq(now("It's probably not serious but I'd ring them now"), "act-now",
       "'probably not' inside a clause takes nothing back")
  T.eq(now("I'd call the 24 hour line, but not till the morning."), "",
       "'not till' puts the call off")
end)

T.test("teachback safety: putting help off, or reluctance after a contrast, takes the call back",
       function()
  T.eq(now("I'd ring them but I'd hold off a bit first"), "")
  T.eq(now("I'd sit tight for a bit and phone them"), "")
  T.eq(now("Part of me would want to wait, but I'd phone them now"), "act-now",
       "put off before a contrast, then the call: the call stands")
  T.eq(now("I'd ring them now, because if I leave it it could get worse"), "act-now",
       "'if I leave it' supposes")
  T.eq(now("I'd want to call the nurse but I wouldn't want to make a fuss"), "")
  T.eq(now("I wouldn't want to make a fuss, but I'd call the nurse now"), "act-now")
  T.eq(now("Call the team? I'd think about it."), "", "a sentence of pure hesitation")
  T.eq(now("Should I call the nurse? Maybe."), "")
  T.eq(now("i would probs ring the nurse"), "")
  T.eq(now("I'd wonder whether to call the team"), "")
end)

T.test("teachback safety: conditions hold back the call said before them", function()
  T.eq(now("Ring the clinic unless it settles down"), "")
  T.eq(now("I'd call them once the painkillers wear off"), "")
  T.eq(now("Once I noticed it I'd call them straight away"), "act-now")
  T.eq(now("She can ring the 24 hour line if she's worried"), "")
  T.eq(now("If I was worried I'd ring them straight away"), "act-now")
  T.eq(now("I'd ring them at a more sociable hour"), "")
  T.eq(now("I'd make an appointment to see the doctor"), "")
end)

T.test("teachback safety: lay ways of calling", function()
  T.eq(now("I'd buzz the ward straight away"), "act-now")
  T.eq(now("I'd give them a bell right away"), "act-now")
  T.eq(now("get on the blower to the team"), "act-now")
  T.eq(now("I'd give my sister a ring"), "", "a person inside the call")
  T.eq(now("straight to casualty"), "act-now")
end)

---------------------------------------------------------------------------
-- Beliefs: right words inside wrong claims, reported and conceded beliefs

local META = T.question([[
id: tb-meta
type: teachback
topic: t
prompt: What does metastatic mean for you?
key_points:
  - {id: spread, says: It has spread., any: ["in * bone*", "spread*"], source: doc#sec}
  - {id: still-breast, says: Still breast cancer., any: ["still * breast"], source: doc#sec}
misconceptions:
  - {id: new-cancer, any: ["new cancer", "bone cancer"], feedback: It is not a new cancer.}
  - {id: a-cold, any: ["just * cold"], feedback: Not just a cold.}
explain: x
source: doc#sec
]])
local function meta(text)
  local r = tb.analyse(META, text)
  return table.concat(r.covered, " ") .. " | " .. table.concat(r.misconceptions, " ")
end

T.test("teachback safety: a right word inside a wrong claim earns nothing", function()
  T.eq(meta("It's a new cancer in my bones"), " | 1", "the belief taints its clause")
  T.eq(meta("It has spread to my bones, so now I have bone cancer too"), "spread | 1",
       "a belief in another clause leaves the point")
  T.eq(meta("It's still breast cancer technically, but it's really a bone cancer now"), " | 1",
       "a belief after a contrast taints the conceded clause before it")
  T.eq(meta("It's still breast cancer, but it's in my bones"), "spread still-breast | ")
end)

T.test("teachback safety: a belief reported or conceded, then answered, is not held", function()
  T.eq(meta("My sister thinks it's a new cancer, but the nurse said it's still breast cancer"),
       "still-breast | ")
  T.eq(meta("I'd say it's kind of like a new cancer, but it came from the breast"), " | 1",
       "the learner's own saying")
  T.eq(meta("It could just be a cold but I'd still ring them now"), " | ")
  T.eq(meta("It could just be a cold but it might be a new cancer"), " | 1 2",
       "another belief after the contrast: neither is answered")
  T.eq(meta("it's probably just a cold though"), " | 2", "'though' that answers nothing")
  T.eq(meta("It's just a cold, but I'd ring them now"), " | 2", "no report or concession")
end)

T.test("teachback safety: common words are never respelt into words that steer the reading",
       function()
  -- "thought" is one edit from "though" (a contrast), "thinks" from "things".
  T.eq(meta("I thought it was a new cancer, but it's still breast cancer"), "still-breast | ")
  T.eq(meta("My sister thinks it's a new cancer, but the nurse says no"), " | ")
end)

T.test("teachback safety: reluctance takes back a call only meant, not one decided", function()
  T.eq(now("I'd call the nurse now, but I'd feel a bit silly"), "act-now")
  T.eq(now("I know I should ring them now but I don't want to bother them"), "")
end)

T.test("teachback safety: a refusal after a contrast, and more ways to put a call off",
       function()
  T.eq(now("Calling them now would be the right thing, but I wouldn't"), "")
  T.eq(now("I should ring them now, but I probably won't"), "")
  T.eq(now("I'd ring them now, but not wait for it to pass"), "act-now",
       "a negated wrong action after the contrast is no refusal")
  T.eq(now("I'd call them at a normal time"), "")
  T.eq(now("I'd ring the nurse in a bit"), "")
  T.eq(now("I'd call after breakfast"), "")
  T.eq(now("I'd be tempted to call the team"), "")
end)

T.test("teachback safety: telling the family later does not hold back a clear call", function()
  T.eq(covered("I'd call the team now, and tomorrow I'd tell my daughter"), "act-now")
  T.eq(beliefs("I'd call the team now, and tomorrow I'd tell my daughter"), {})
  T.eq(covered("I'd call my son tomorrow"), "", "no clinical help called")
  T.eq(beliefs("I'd call my son tomorrow"), { 1 }, "and then it is waiting")
end)

T.test("teachback safety: telling or mentioning counts only with a word of acting now", function()
  T.eq(now("I'd tell them if my leg swelled up"), "")
  T.eq(now("I'd mention it to the nurse"), "")
  T.eq(now("I'd tell the nurse straight away"), "act-now")
  -- A call needs a word of acting now somewhere in the answer, as an
  -- instruction, or to a line that is there for now (blind labellers
  -- marked a plain "I'd ring the nurse" both ways; a refused right answer
  -- is the safe mistake, and a credited wrong one is not).
  T.eq(now("I'd ring the nurse"), "")
  T.eq(now("I'd ring the nurse. Not tomorrow, now."), "act-now")
  T.eq(now("I'd ring the nurse, I'm not waiting till morning"), "act-now", "a wait denied")
  T.eq(now("Ring the nurse."), "act-now", "an instruction")
  T.eq(now("I'd ring the 24-hour line"), "act-now", "a line that is there for now")
  T.eq(now("I'd get in touch with them"), "")
end)

T.test("teachback safety: more delays, phone spellings and hedges", function()
  T.eq(now("ring the nurse 2moz"), "")
  T.eq(now("phone the team nxt week"), "")
  T.eq(now("ring the clinic l8r"), "")
  T.eq(now("call the nurse after a kip"), "")
  T.eq(now("I'd likely call the nurse"), "")
  T.eq(now("I'd ring 111 tomorrow"), "", "a number of three digits is no time of day")
  T.eq(now("I would call the nurse at my next chemo"), "")
  T.eq(now("She should call the team within 24 hours"), "")
  T.eq(now("I'd call them if I couldn't walk at all"), "")
  T.eq(covered("I'd go to the walk in centre"), "", "a walk-in centre: no help, no walking")
end)

T.test("teachback safety: an 'if' clause that waits for the sign to change holds the call back",
       function()
  T.eq(now("If the weakness got any worse I'd call the team"), "")
  T.eq(heard("If the weakness got any worse I'd call the team"),
       "heard: 'call the team' — but also 'if the weakness got any worse'")
  T.eq(beliefs("If the weakness got any worse I'd call the team"), { 1 }, "and that is waiting")
  T.eq(now("If my legs were still weak after a sleep I'd ring the nurse"), "")
  T.eq(now("Unless it settled down by itself I'd phone the team"), "")
  -- Supposing the sign is no wait, nor is a fallback or "as soon as".
  T.eq(now("If my back hurt like that I'd call the team straight away"), "act-now")
  T.eq(now("I'd call the team now, and if I still couldn't reach them I'd go to the ER"), "act-now")
  T.eq(now("I'd call the team as soon as it got worse"), "")
end)

T.test("teachback safety: a step up to emergency help after a clear call is no wait", function()
  T.eq(now("I'd call the hospital this minute. If it got very bad I'd call an ambulance"),
       "act-now")
  T.eq(beliefs("I'd call the hospital this minute. If it got very bad I'd call an ambulance"), {})
  -- Not when the condition came first, nor a step up to the team itself.
  T.eq(now("If it got very bad I'd call an ambulance"), "")
  T.eq(now("I'd call the hospital now. If it got worse I'd ring the nurse again"), "")
end)

T.test("teachback safety: asking family what they think before calling is not acting now",
       function()
  T.eq(now("I'd ask my husband what he thinks first, and if he reckons it's serious we'd go to the hospital"),
       "")
  T.eq(heard("I'd text my daughter to see what she thinks, and if she says go, I'd go to the ER"),
       "heard: 'go to the er' — but also 'what she thinks'")
  -- Asking the nurse, or telling the family after calling, is fine.
  T.eq(now("I'd call the nurse now and see what she thinks"), "act-now")
  T.eq(now("I'd ring the team now, then ask my husband what he thinks about telling the kids"),
       "act-now")
end)

T.test("teachback safety: what would have been, and the on-call nurse", function()
  T.eq(now("In the old days I'd have waited, but now I'd ring the nurse straight away"), "act-now")
  T.eq(beliefs("In the old days I'd have waited, but now I'd ring the nurse straight away"), {})
  T.eq(beliefs("I used to wait and see, but now I ring the team at once"), {})
  T.eq(now("I'd have to wait till morning to ring the team"), "", "'have to' is no past")
  T.eq(now("I'd hate to wake the on-call nurse. I'd ring at nine"), "",
       "'on-call' is a kind of nurse, no call; 'at nine' a time")
  T.eq(now("I'd ring the on-call nurse"), "act-now")
end)

T.test("teachback safety: a call to cancel is no call for help, and 'telly' is no telling", function()
  T.eq(now("I'd ring the clinic to cancel my appointment and stay in bed"), "")
  T.eq(now("I'd phone the ward to move my chemo"), "")
  T.eq(now("I'd ring the clinic to tell them my legs are weak, right now"), "act-now")
  T.eq(now("I'm usually up at 2 watching telly"), "", "'tell*' once matched 'telly'")
end)

T.test("teachback safety: a first thought answered in the next sentence is not held", function()
  local text = "My first thought would be to lie down. But with the cancer in my bones " ..
               "I'd call the team now."
  T.eq(beliefs(text), {})
  T.eq(covered(text), "act-now")
  T.eq(beliefs("Part of me would want to wait, but I'd call the team now"), {})
  -- Not answered: the belief stands, and cancels the call.
  T.eq(beliefs("My first thought would be to lie down. I'd call the team later."), { 1 })
end)

T.test("teachback safety: a hedge holds the call back but is no belief that waiting is fine",
       function()
  T.eq(covered("I suppose I'd probably ring the team"), "")
  T.eq(beliefs("I suppose I'd probably ring the team"), {})
  T.eq(beliefs("I'd ring the team tomorrow"), { 1 }, "a delay is")
end)

T.test("teachback safety: an auxiliary after 'and' starts a predicate a negation does not reach",
       function()
  local parts = tb.words("the cancer isn't responding and is progressing")
  local negated = {}
  for _, t in ipairs(parts[1]) do if t.negated then negated[#negated + 1] = t.w end end
  T.eq(negated, { "responding", "and" })
  T.eq(now("I won't wait and will call the team"), "act-now")
end)

T.test("teachback safety: 'should it persist' waits; a 'maybe' about the cause is no hedge", function()
  T.eq(now("Phone the team promptly should the pain persist"), "")
  T.eq(covered("I call the hospital immediately, maybe is the spinal cord"), "act-now spinal-cord")
  T.eq(now("I'd call the hospital, maybe"), "", "an afterthought hedges the call")
  T.eq(now("I'd call the hospital maybe if it's bad"), "")
end)

T.test("teachback safety: waiting for a time, a person or a sleep, said in more ways", function()
  T.eq(now("Provided it doesn't ease off, I'd call the team."), "")
  T.eq(now("When my husband gets back from work we'd go to the hospital."), "")
  T.eq(now("I'd call the team as soon as the surgery opens."), "")
  T.eq(now("I'd ring the number when my daughter gets here so she can listen too."), "")
  T.eq(now("Advise her to contact the team if pyrexial for 24h."), "")
  T.eq(now("I'd like to think I'd call them straight away."), "")
  T.eq(now("I'd take my tablets, have a sleep, and phone the team straight after."), "")
  T.eq(now("I'd call the team straight away. Well, after I've had my tea."), "",
       "a delay opening the next sentence amends the call")
  -- A next sentence with an action of its own keeps its delay to itself.
  T.eq(now("I'd call the team straight away. Tomorrow I'd tell my daughter."), "act-now")
  T.eq(now("I'd call the team as soon as I noticed it."), "act-now")
end)

T.test("teachback safety: help sought only if the team cannot be reached is no call now", function()
  T.eq(now("If I can't get hold of them, I'd go to the ER"), "")
  T.eq(now("I'd ring them now. If I can't get hold of them, I'd go to the ER"), "act-now")
  T.eq(now("I'd call the team now. If I can't breathe, then I call 999"), "act-now",
       "'then' after an 'if' is its consequent, not a later step")
end)

T.test("teachback safety: stories are not plans", function()
  T.eq(now("My friend rang them one night and felt silly, so I'd make sure it was serious first"), "")
  T.eq(beliefs("Last year I waited and it went. But this time I'd call the team now"), {})
  T.eq(covered("Last year I waited and it went. But this time I'd call the team now"), "act-now")
  T.eq(beliefs("I met a lady who waited till her clinic day. I'd call the team now"), {},
       "what she did is her story")
  T.eq(now("You might want to wait and see - please don't. Call the team now."), "act-now")
  T.eq(now("The sooner they see it the better, so I'd ring the team"), "act-now",
       "'sooner' is no 'soon'")
end)

T.test("teachback safety: a callback whenever, a sofa and a hope are not acting now", function()
  T.eq(now("I'd ring the nurses and ask them to call me back whenever they get a minute"), "")
  T.eq(now("I'd ring the 24-hour line, no rush"), "")
  T.eq(now("I know I should ring the team now. But honestly? I'd lie on the sofa and hope it wore off."), "")
  T.eq(now("I'd rest until about seven when the day staff are on, then ring the unit"), "")
  T.eq(now("In an hour or so, if it's still bad, I'd phone the team"), "", "'or so' is no contrast")
end)

T.test("teachback safety: a wait asked about is held unless the next sentence says no", function()
  T.eq(beliefs("Would it be OK to wait till my scan? I don't want to make a fuss."), { 1 })
  T.eq(beliefs("Should I just wait? No, I'd call the team now."), {})
  T.eq(beliefs("Should I just wait? I'm not waiting, I'd call the team now."), {})
end)

T.test("teachback safety: reading up first holds the call back but is no waiting belief", function()
  T.eq(now("I'd check the booklet first, and then I'd ring the team"), "")
  T.eq(beliefs("I'd check the booklet first, and then I'd ring the team"), {})
  T.eq(beliefs("I'd have a lie down first, and then I'd ring the team"), { 1 })
end)

T.test("teachback safety: help sought only if the sign is bad enough is no call now", function()
  T.eq(now("If it was serious, like chest pain or I couldn't breathe, I'd ring 911."), "")
  T.eq(beliefs("If it was serious, like chest pain or I couldn't breathe, I'd ring 911."), {},
       "a threshold is no belief that waiting is fine")
  T.eq(now("If it felt really bad I'd call the team straight away"), "")
  T.eq(now("I'd call the team now, and if it was serious I'd ring 999 as well"), "act-now",
       "a step up after a clear call")
  T.eq(now("I'd ring the team straight away, even if it didn't seem serious"), "act-now")
  -- The threshold said after the call, in its clause.
  T.eq(now("Call the team now if she feels really unwell as well as having the pain"), "")
  T.eq(heard("Call the team now if she feels really unwell as well as having the pain"),
       "heard: 'call the team' — but also 'if she feels really unwell as well as having the pain'")
  T.eq(now("I'd call the team now if it was serious"), "")
  T.eq(now("Call the team now if the pain comes back or she feels really unwell"), "act-now",
       "bad enough only as another choice is no threshold")
  T.eq(now("Call the team now if your legs feel numb"), "act-now", "the sign itself is no threshold")
end)

T.test("teachback safety: waiting for the team to ring back after a call is no holding back", function()
  local text = "I'd phone the triage line there and then. While I waited for them to ring back " ..
               "I'd pack a bag."
  T.eq(covered(text), "act-now")
  T.eq(beliefs(text), {})
  T.eq(now("Ring the team now. Then while I waited I'd put a bag together."), "act-now")
  T.eq(beliefs("While I waited to see if it passed I'd rest, then I'd ring the team"), { 1 },
       "no call before the 'while': a wait")
  T.eq(beliefs("I'd ring my daughter, and while I waited for her I'd lie down"), { 1 },
       "the clause ends at its next subject")
end)

T.test("teachback safety: a step said with a word of now is no putting off", function()
  T.eq(now("Take your temperature first. Then call the team at once, day or night."), "act-now")
  T.eq(beliefs("Take your temperature first. Then call the team at once."), {})
  T.eq(now("I'd lie down for a bit, then call the team straight away"), "",
       "what came first is judged on its own words")
  T.eq(now("I'd wait till the morning, then ring the team straight away"), "")
  T.eq(now("Take your temperature first, then call the team"), "", "no word of now")
end)

T.test("teachback safety: a check before the step said with now is no wrong action", function()
  T.eq(now("Before you take paracetamol, measure the temperature first. Then call the team at once."),
       "act-now")
  T.eq(now("Take paracetamol first. Then call the team at once."), "")
end)

-- The bundled red-flag questions also hear a target named alone.
local named = T.question((RED:gsub("misconceptions:.-explain:", "explain:")
                             :gsub('"<action>", "<emergency>"', '"<action>", "<emergency>", "<target>"')))
local function named_now(text)
  return table.concat(tb.analyse(named, text).covered, " ")
end

T.test("teachback safety: a line named with a word of now is a call", function()
  local now = named_now
  T.eq(now("Chemo hotline, now."), "act-now")
  T.eq(now("Hotline, straight away."), "act-now")
  T.eq(now("Chemo hotline, right there and then, no waiting to see if it goes."), "act-now")
  T.eq(now("The hotline, tomorrow."), "", "no word of now")
  T.eq(now("Not the hotline, now."), "", "a line denied")
  T.eq(now("My daughter, now."), "", "a person is no target")
  T.eq(now("I'd think about it. Hotline, now?"), "", "a sentence of hesitation")
end)

T.test("teachback safety: when the sign comes, and what is granted, is no delay", function()
  T.eq(now("If it came on at the weekend I'd ring the team straight away rather than wait for Monday."),
       "act-now")
  T.eq(now("If it came on in the evening I'd ring the team in the morning."), "",
       "a delay after the 'if' clause still holds the call")
  T.eq(now("If it started at night I'd ring the team at 9am."), "")
  T.eq(now("Even if you're due in for bloods the next morning, don't hold on for that, call the team now."),
       "act-now")
  T.eq(now("Even if it's the weekend I'd ring the team tomorrow."), "")
end)

T.test("teachback safety: what the team will do after the call holds nothing back", function()
  T.eq(now("Ring the team now; they'll assess me over the phone and bring me in if needed."), "act-now")
  T.eq(now("Ring the team now; they'd probably see me tomorrow."), "act-now",
       "their 'tomorrow' is not the learner's delay")
  T.eq(now("Ring the team tomorrow; they'd know what to do."), "")
  T.eq(beliefs("I'd ring the team now and they'll assess me over the phone, and I'd wait if needed"),
       { 1 }, "the learner's own 'wait' still holds")
end)

T.test("teachback safety: more ways to call, and a sign answered in the next sentence", function()
  T.eq(named_now("I'd use the out-of-hours number, not wait till morning."), "act-now")
  T.eq(named_now("I'd be on the telephone to the hospital directly."), "act-now")
  T.eq(named_now("I'd get her on the phone to the breast care line straight away."), "act-now",
       "'care' is no carer")
  T.eq(named_now("I'd use the out-of-hours number tomorrow."), "")
  local clot = T.question([[
id: tb-clot
topic: red-flags
type: teachback
prompt: Which problems should your team hear about?
key_points:
  - id: call-now-clot
    says: Call your team now for a painful, swollen leg or arm.
    urgent: true
    any: ["swollen * leg*", "sore * arm*", "arm* * sore"]
    source: doc#sec
explain: x
source: doc#sec
]])
  local function clot_now(text) return table.concat(tb.analyse(clot, text).covered, " ") end
  T.eq(clot_now("A swollen, sore arm can't wait. I'd ring them right then."), "call-now-clot")
  T.eq(clot_now("A swollen leg. Hot flushes I'd mention at clinic, I'd ring them tomorrow."), "")
  T.eq(clot_now("A sore arm I'd mention at clinic. I'd ring them now about my hot flushes."),
       "", "the sentence after a sign that has its own call")
end)

T.test("teachback safety: not able is no maybe; old trouble set against this one", function()
  T.eq(now("I'd ring the team straight away, and if I couldn't get hold of them I'd go to A&E."),
       "act-now")
  T.eq(now("I could ring the team straight away."), "", "'could' alone is a maybe")
  T.eq(now("I could not say. Maybe I'd ring the team straight away."), "")
end)

T.test("teachback safety: a call only asked about, or kept for a fever of 39, is no call now", function()
  T.eq(now("maybe call the nurse? idk"), "", "a question answered 'I don't know'")
  T.eq(now("Should I wait? No, I'd call the team now."), "act-now")
  T.eq(now("If your temperature goes over 39 or you feel really unwell, call the team."), "")
  T.eq(now("If it went above 39 I'd call the team straight away."), "")
  T.eq(now("If my temperature is 38 or more I'd call the team straight away."), "act-now",
       "38 is the line's own threshold")
end)

T.test("teachback safety: warnings against waiting, hours in words, and others' stories", function()
  T.eq(covered("Ring them. Now. Waiting could make whatever it is worse."), "act-now")
  T.eq(beliefs("Ring them. Now. Waiting could make whatever it is worse."), {})
  T.eq(beliefs("Waiting is what I'd do, it won't make it worse."), { 1 },
       "a wait said not to make things worse is still a wait")
  T.eq(now("Ringing anyone at two in the morning goes against the grain, but I'd call the team now."),
       "act-now", "'two in the morning' is when, not a delay")
  T.eq(named_now("I'd call the after-hours number right away. It's way better to call early than wait."),
       "act-now")
  T.eq(beliefs("I had a fever once and thought I'd just sleep it off. Now I ring the team at once."), {})
  T.eq(beliefs("One of the ladies on our ward thought it was nothing and waited till the morning. " ..
               "So ring the team the moment you notice it."), {})
  T.eq(beliefs("My friend waited till the morning, and I'd wait too."), { 1 },
       "their story ends at the learner's own 'I'")
end)

T.test("teachback safety: denied thoughts, habits, the team's advice and dropping everything", function()
  T.eq(covered("Tell her not to think it's just a cold or I'll see how I am in the morning. " ..
               "She phones the team right away."), "act-now")
  T.eq(beliefs("Normally I'd have a lie down, but not with this. I'd phone the team right then."), {})
  T.eq(beliefs("I'd ring the team straight away, though they'll tell me to rest it."), {})
  T.eq(beliefs("I'd rest it, and they'll tell me to ring if it gets worse."), { 1 },
       "the learner's own rest is held")
  T.eq(named_now("Drop everything and get on the blower to the oncology lot."), "act-now")
  T.eq(beliefs("I wouldn't think it's nothing, I'd wait and see."), { 1 },
       "a new clause's subject still ends a denied thought")
end)

---------------------------------------------------------------------------
-- Right answers in unusual words (rules written for the round of sets U,
-- V and W: none of these sentences is from a labelled set)

T.test("teachback safety: 'late' is no 'later', a waiting room no wait, 'the longer you leave it' no plan", function()
  T.eq(now("I'd ring the team now. My late mother would have called it nothing."), "act-now")
  T.eq(now("Ring the team straight away, they'd rather have early calls than late ones."), "act-now")
  T.eq(now("I'd ring the team later."), "", "'later' still puts it off")
  T.eq(beliefs("I'd go straight to the emergency department and sit in the waiting room."), {})
  T.eq(covered("I'd go straight to the emergency department and sit in the waiting room."), "act-now")
  T.eq(beliefs("The longer you leave it the worse it gets, so I'd ring the team right away."), {})
  T.eq(beliefs("I'd wait a bit longer."), { 1 }, "'longer' without 'the' is no reason against waiting")
end)

T.test("teachback safety: more words of now, and a line named after the words that matched", function()
  T.eq(now("No matter the hour I'd phone the team."), "act-now")
  T.eq(now("I'd ring the team this very minute."), "act-now")
  T.eq(now("The second I noticed I'd call the team."), "act-now")
  T.eq(now("I'd call the hospital in the same moment."), "act-now")
  T.eq(now("I'd call the clinic's after-hours answering service."), "act-now")
  T.eq(now("I'd call the clinic."), "", "no word of now, no line that is there for now")
end)

T.test("teachback safety: the team's wish, someone made to act, the other branch", function()
  T.eq(now("I'd ring the team now and bring my tablets if they want to see them."), "act-now")
  T.eq(now("I'd ring the team now if I felt it was serious."), "", "the learner's own threshold")
  T.eq(now("I'd have my son drive me to the emergency department at once."), "act-now")
  T.eq(now("My husband would run me down to the hospital straight away."), "act-now")
  T.eq(now("If I'm very unwell call 999; otherwise ring the team straight away."), "act-now")
  T.eq(now("If I'm very unwell I'd ring the team straight away."), "", "one branch only")
end)

T.test("teachback safety: a denied rest goes on over going to bed; stories told in the past", function()
  T.eq(beliefs("I'd ring the team now, I would not lie down and go to bed and wait."), {})
  T.eq(beliefs("I would lie down and go to bed and wait."), { 1 })
  T.eq(beliefs("On my first cycle I sat on it till morning. Now I ring the team the moment I notice."), {})
  T.eq(now("On my first cycle I sat on it till morning. Now I ring the team the moment I notice."),
       "act-now")
  T.eq(beliefs("On my first cycle I will wait till morning."), { 1 }, "a first time to come is no story")
  local story = "A lady on the ward thought it was nothing and went to bed, and by morning she " ..
                "was very ill. So I'd ring the team at once."
  T.eq(beliefs(story), {})
  T.eq(now(story), "act-now")
end)


T.test("teachback safety: help only if the legs give way is a threshold; more ways to say now", function()
  T.eq(now("If my legs gave way I'd go to the emergency department straight away."), "")
  T.eq(now("I'd ring the team straight away, and if my legs gave way I'd call 999."), "act-now",
       "a step up after a clear call")
  T.eq(now("I should telephone the team forthwith."), "act-now")
  T.eq(now("We'd be straight on the phone to the team."), "act-now")
  T.eq(beliefs("Call the team now; waiting could mean losing the use of my legs."), {})
  T.eq(beliefs("Waiting could mean it settles."), { 1 }, "no loss named")
end)

T.test("teachback safety: a bare 'Call.', a place in a list of words and the emergency number's own signs are no call now", function()
  T.eq(now("Infection, fever. Call."), "", "no one named and no now")
  T.eq(now("Call the team."), "act-now", "an instruction that names whom")
  T.eq(now("Call the team now."), "act-now")
  T.eq(covered("Back pain, emergency department, 999 - those were in the leaflet."), "")
  T.eq(covered("Emergency department, now."), "act-now", "a place and a word of now")
  T.eq(now("If I'm struggling to breathe or get chest pain I'd dial 999."), "")
  T.eq(now("I'd ring the team now, and if I had chest pain I'd dial 999."), "act-now")
  T.eq(now("I'd call 999 if I couldn't breathe, otherwise the team straight away."), "act-now")
  T.eq(now("If my legs went numb it's straight to the emergency department."), "act-now",
       "a place named is no severity")
end)

T.test("teachback safety: what the team will do, a quoted question, a wait named as the harm", function()
  T.eq(now("I'd ring the team now. They'd probably tell me to come straight in."), "act-now")
  T.eq(now("I'd ring the team straight away and say: could it be serious? They'll know."), "act-now")
  T.eq(now("I'd ring the team straight away? I'm not sure."), "", "a call asked about")
  T.eq(beliefs("The worst thing would be to wait. I'd ring the team now."), {})
  T.eq(beliefs("If wait, can be paralysed. I ring the team now."), {})
  T.eq(beliefs("I'd wait. It can't be dangerous."), { 1 })
  T.eq(beliefs("In my day I'd lie down and wait, but not now. I'd ring the team now."), {})
  T.eq(beliefs("I'd feel like a nuisance waiting on them, but they said to ring, so I'd ring the team now."), {})
  T.eq(beliefs("Don't wait to see how you feel in the morning, ring the team now."), {})
end)

T.test("teachback safety: a wait said as a warning after the call, and 'I no wait', hold nothing back", function()
  T.eq(now("I'd ring the team right away. Wait and I might not walk again."), "act-now")
  T.eq(now("I'd ring the team right away. Wait and see."), "", "a plain wait after the call")
  T.eq(now("I ring the team now. I no wait."), "act-now", "a learner's 'I don't wait'")
  T.eq(now("I'd ring the team now. No wait, scratch that."), "", "'no wait' still takes it back")
end)

T.test("teachback safety: 111 is no line for a red flag", function()
  T.eq(now("I'd ring 111 right now."), "", "a general advice line, not the team or the emergency number")
  T.eq(now("I'd ring 999 right now."), "act-now")
end)

T.test("teachback safety: chores put off for the call, and a wait named as what stops them helping", function()
  T.eq(covered("I'd ring the team now and sort everything else later, the ironing can wait."), "act-now")
  T.eq(beliefs("I'd ring the team now and sort everything else later, the ironing can wait."), {})
  T.eq(covered("I'd ring the team now, the rest can wait."), "act-now")
  T.eq(covered("It can wait. I'd ring the team right now."), "", "'it can wait' still puts the call off")
  T.eq(covered("It can wait, I'd ring the team later."), "")
  T.eq(covered("My shopping can wait but I'd ring the team tomorrow."), "", "the call itself put off")
  T.eq(covered("I'd phone the team right away. They can't help me if I wait."), "act-now")
  T.eq(beliefs("I'd phone the team right away. They can't help me if I wait."), {})
  T.eq(covered("I'd phone the team if I wait and it's no better."), "", "a wait that holds the call back")
end)

T.test("teachback safety: someone else's story in the past holds nothing back", function()
  T.eq(covered("My friend's husband told her to rest and go to bed. I'd ring the team straight away."),
       "act-now")
  T.eq(covered("My daughter told me to rest and go to bed, so I'd ring the team in the morning."), "",
       "advice to the learner is the learner's plan")
  T.eq(covered("I met a man who'd waited all weekend. I'd call the team right now."), "act-now")
  T.eq(covered("I've a neighbour who'd drive me in tomorrow, so I'd call the team then."), "",
       "'who'd' with no past after it tells no story")
  T.eq(covered("I'd call the team now, and if it was something like I couldn't feel my legs I'd ring 999."),
       "act-now", "'if it was something like' names a sign, it puts nothing off")
  T.eq(covered("I'd call the team now if I feel like it."), "", "'if I feel like it' still holds it")
end)

T.test("teachback safety: more names of the team and of now", function()
  T.eq(covered("I'd phone the cancer sister at the hospital straightaway."), "act-now")
  T.eq(covered("Get on the phone to the breast unit pronto."), "act-now")
  T.eq(covered("I'd phone my sister straightaway."), "", "a sister is family")
end)

T.test("teachback safety: 'or else' is no chore put off", function()
  T.eq(covered("Ring the team now or else wait."), "", "the other choice is to wait")
  T.eq(covered("Ring the team now and leave everything else till later."), "act-now")
end)

T.test("teachback safety: something else first, to see if the sign goes, is a second thought", function()
  T.eq(covered("I'd ring the team now... well, maybe a hot bath first, to see if it eases."), "",
       "a second thought after the call")
  T.eq(covered("I'd ring the team now. Maybe painkillers first."), "")
  T.eq(covered("I'd ring the team now and they'd see if I need to come in."), "act-now",
       "what the team will see is no waiting")
end)

T.test("teachback safety: a story after 'who' goes on past a comma until the learner speaks", function()
  T.eq(covered("A man who waited lost his legs, so I'd wait till morning and ring the team."), "",
       "the learner's own wait after 'so I'd'")
  T.eq(covered("I'd phone the night sister now, no wait for morning."), "act-now")
end)

T.test("teachback safety: a delay that 'might be too late' is feared, not planned", function()
  T.eq(covered("I'd ring the team right away. Tomorrow might be too late."), "act-now")
  T.eq(covered("I'd ring the team tomorrow, hopefully it won't be too late."), "",
       "the delay is the plan")
end)

T.test("teachback safety: the learner's own past, and the next time", function()
  T.eq(covered("When I first started I had a sore leg and left it till my next visit, and they said " ..
               "I should have rung. So now I ring them straight away."), "act-now")
  T.eq(covered("When I first started I'd ring them at my next visit."), "",
       "no past after the beginning: a plan")
  T.eq(covered("So next time I'll call the team straight off."), "act-now")
  T.eq(covered("I'll call the team next time."), "", "the next time as a wait")
  T.eq(covered("The old me would have waited till morning. Not now. Phone first."), "act-now")
  T.eq(covered("I'd phone my daughter first."), "", "a daughter is family")
end)

T.test("teachback safety: a call asked about, advice refused, two ways to get help", function()
  T.eq(covered("I'd ask my daughter, she's a nurse, whether I need to call the team."), "",
       "a call asked about is no plan")
  T.eq(covered("Whether day or night I'd call the team now."), "act-now")
  T.eq(covered("My husband would say take paracetamol and lie down but no, I'd ring the team now."),
       "act-now", "advice refused in its sentence")
  T.eq(covered("My husband would say lie down, so I'd do that and ring the team tomorrow."), "",
       "advice taken")
  T.eq(covered("If it was really bad I'd call 999. Otherwise I'd ring the team now."), "act-now")
  T.eq(covered("If it was really bad I'd call 999. Otherwise I'd wait till morning."), "")
end)

T.test("teachback safety: 'no wait' with nothing after it; chores left; more words of now", function()
  T.eq(covered("I call the team now, no wait, is maybe my spine."), "act-now spinal-cord")
  T.eq(covered("I'd call the team now, no wait, I'd ring tomorrow."), "", "a new plan after it")
  T.eq(covered("I'd ring the team now. I'd leave the washing and everything, it can wait."), "act-now")
  T.eq(covered("I'd leave it, it can wait. Ring the team tomorrow."), "")
  T.eq(covered("I'd be on the blower to the team before the kettle boiled."), "act-now")
  T.eq(covered("I'd get hold of the cancer lot on the phone right off."), "act-now")
  T.eq(covered("I'd mention it to the team next time I'm in."), "", "a next time that waits")
end)

T.test("teachback safety: unsure of when is no word of now; the milder of two ways", function()
  T.eq(covered("I'd phone the team, not sure if now or in the morning tho."), "",
       "'not sure' denies nothing after it")
  T.eq(covered("I call ambulance if very bad. If not so bad I call the cancer number now anyway."), "act-now")
  T.eq(covered("I'd call 999 if very bad. If not so bad I'd wait till morning."), "")
  T.eq(covered("If someone can't breathe I'd call 999. For anything else I'd wait till the office opens."), "",
       "'anything else' is the other signs, not chores")
end)

T.test("teachback safety: 'otherwise' in the same sentence gives the other way", function()
  T.eq(covered("Call 999 if it's really bad, otherwise phone the team right away."), "act-now")
  T.eq(covered("If it is really bad I'd call 999, otherwise I'd wait and ring the team in the morning."), "",
       "the other way waits")
end)

T.test("teachback safety: 'do it' after a call is the call; a rest beside the call", function()
  T.eq(covered("I'd feel silly calling at that hour, but I'd still do it, right away."), "act-now")
  T.eq(covered("I'd feel silly calling at that hour, so I wouldn't do it till morning."), "")
  T.eq(covered("Resting is fine but not instead of ringing. I'd call the team now and lie down " ..
               "while they tell me what to do."), "act-now")
  T.eq(covered("Resting is fine. I'd call the team tomorrow."), "")
  T.eq(covered("I'd lie down while they sort the kids out, then call the team."), "",
       "a rest before any call")
end)

T.test("teachback safety: the other signs left till the clinic opens; a delay refused with 'than'", function()
  T.eq(covered("If it was my breathing I'd dial 999 straight off. Anything else I'd leave till the " ..
               "clinic opens."), "", "the other signs wait")
  T.eq(covered("I'd ring the team now. I'll leave everything else till later."), "act-now",
       "everything else is the chores")
  T.eq(covered("Till the clinic opens I'd do nothing, then I'd ring the team straight away."), "",
       "'till it opens' is a wait")
  T.eq(covered("Better they tell me it's nothing than I sit there getting worse till the clinic opens. " ..
               "I'd ring the team now."), "act-now")
  T.eq(covered("I'd rather ring the team later than now."), "", "the delay chosen over now")
end)

T.test("teachback safety: 'the worst thing would be to wait' names the harm", function()
  T.eq(covered("The worst thing would be to wait. I'd ring the team now."), "act-now")
  T.eq(covered("The worst that can happen if I wait is a bad night. I'd ring the team now, or in the morning."),
       "", "the harm played down, and a call put off")
end)
