-- Tests for actnow, teach-back's second reader of urgent points: its
-- tokens and features (the same as scripts/train-actnow's), its arithmetic
-- on weights given here, how types/teachback.lua uses its doubt, and the
-- taught weights (actnowmodel.lua): what they were taught on, and what they
-- make of a few answers.

local T = ...
local actnow = require("actnow")
local tb = require("types.teachback")

-- Runs fn with the reader on the given weights, and puts the taught ones
-- back whatever happens (a failing check must not leave them to the tests
-- after it).
local function with_weights(m, fn)
  actnow.use(m)
  local ok, err = pcall(T.with_second_reader, tb.SECOND_READER, fn)
  actnow.use(nil)
  if not ok then error(err, 0) end
end

local function when_to_call()
  for _, q in ipairs(T.quiz("quizzes/patient/when-to-call.yaml").questions) do
    if q.id == "tb-warning-sign-at-night" then return q end
  end
end

T.test("actnow: tokens are ASCII letters and digits, lower-cased, apostrophes dropped", function()
  -- "I’d" holds U+2019 (3 bytes): I at 1, the apostrophe at 2-4, d at 5.
  local words, spans = actnow.tokens("I\226\128\153d ring A&E at 2AM -- don't wait!")
  T.eq(words, { "id", "ring", "a", "e", "at", "2am", "dont", "wait" })
  T.eq(spans, { { 1, 5 }, { 7, 10 }, { 12, 12 }, { 14, 14 }, { 16, 17 }, { 19, 21 },
                { 26, 30 }, { 32, 35 } })
  -- (An apostrophe alone, or at a word's edge, is no word and no break;
  -- an accented letter is a break, as scripts/train-actnow reads it.)
  T.eq((actnow.tokens("' 'tis caf\195\169s")), { "tis", "caf", "s" })
  T.eq((actnow.tokens("")), {})
  -- (A cut-off U+2019 at the end is a break, never read past the text.)
  T.eq((actnow.tokens("ring\226\128")), { "ring" })
  T.eq((actnow.tokens("ring\226")), { "ring" })
  T.eq((actnow.tokens("I\226\128\153")), { "i" })
  -- The longest answer a learner may type, every byte a letter or a
  -- break: each feature once, in the order met.
  local long = ("ring now "):rep(222) .. "ok"
  T.eq(#long, 2000)
  local fs = actnow.features(long)
  T.eq(fs, { "ring", "ring now", "now", "now ring", "now ok", "ok" })
end)

T.test("actnow: features are each word and each pair of neighbours, once, in order met", function()
  local fs, at = actnow.features("Ring, ring now")
  T.eq(fs, { "ring", "ring ring", "ring now", "now" })
  T.eq(at["ring ring"], { 1, 10 })
  T.eq(at["ring now"], { 7, 14 })
end)

T.test("actnow: the odds, the words against, and when it doubts", function()
  with_weights({ bias = -1, w = { ["tea time"] = -2, ring = 1.5, tea = -0.5 } }, function()
    -- "Ring at Tea time": ring, ring at, at, at tea, tea, tea time, time:
    -- z = -1 + 1.5 - 0.5 - 2 = -2; "tea" is inside "tea time", not shown;
    -- the words against weigh 2.5.
    local p, shown, weight = actnow.read("Ring at Tea time", 2)
    T.eq(p, 1 / (1 + math.exp(2)))
    T.eq(shown, { "Tea time" })
    T.eq(weight, 2.5)
    T.eq(actnow.doubts("Ring at Tea time"), { "Tea time" })
    -- "Ring at tea": z = -1 + 1.5 - 0.5 = 0, even odds: no doubt.
    T.eq((actnow.read("Ring at tea")), 0.5)
    T.eq(actnow.doubts("Ring at tea"), nil)
  end)
  -- Odds against (z = -3 + 1 = -2), but no word against: no doubt.
  with_weights({ bias = -3, w = { ring = 1 } }, function()
    T.eq((actnow.read("ring them")), 1 / (1 + math.exp(2)))
    T.eq(actnow.doubts("ring them"), nil)
  end)
  -- Words against under AGAINST: "tea" alone weighs 0.5.
  with_weights({ bias = -3, w = { tea = -0.5 } }, function()
    T.eq(actnow.doubts("ring at tea"), nil)
  end)
end)

T.test("actnow: a doubt withdraws an urgent credit of the rules, never gives one", function()
  local q = when_to_call()
  local text = "Ring them straight away."
  T.eq(tb.analyse(q, text).covered, { "call-now" })
  with_weights({ bias = 0, w = { ["straight away"] = -5 } }, function()
    local r = tb.analyse(q, text)
    T.eq(r.covered, {})
    T.eq(r.urgent_missed, { "call-now" })
    T.eq(r.evidence["call-now"].reader, { "straight away" })
    T.eq(tb.evidence_text(r.evidence["call-now"]),
         "heard: 'ring them' — but read as a whole, not clearly acting now ('straight away')")
    -- Off, the rules alone decide.
    T.with_second_reader(false, function() T.eq(tb.analyse(q, text).covered, { "call-now" }) end)
  end)
  -- A reader sure of acting now gives nothing the rules refused (it is
  -- asked only about credits they gave).
  with_weights({ bias = 30, w = {} }, function()
    T.eq(tb.analyse(q, "I'd ring them in the morning.").covered, {})
  end)
end)

T.test("actnow: the weights were taught on every labelled set but the held-out ones", function()
  local m = require("actnowmodel")
  local want = {}
  for _, path in ipairs(host.list("tests/teachback", ".yaml", false)) do
    local name = path:match("([^/]+)$")
    if not name:match("^heldout%-") then want[#want + 1] = name end
  end
  table.sort(want)
  local got = {}
  for i, s in ipairs(m.sets) do got[i] = s end
  table.sort(got)
  T.eq(got, want)
  T.ok(#want > 200, "the tuning sets, " .. #want)
  T.ok(m.answers > 30000, "answers to urgent teach-backs, " .. m.answers)
  for f, v in pairs(m.w) do
    if not (f:match("^[a-z0-9]+$") or f:match("^[a-z0-9]+ [a-z0-9]+$")) or math.abs(v) < 0.05 then
      T.ok(false, "feature " .. f .. " = " .. v)
      break
    end
  end
end)

T.test("actnow: the taught weights doubt delays no rule had met, and not plain calls", function()
  -- Answers the rules of one round credited when first read (each set was
  -- then read and a rule written for it): the reader doubts them too.
  for _, text in ipairs({
    "id lie flat for a bit and if the legs dont come back by tea time id go to a&e",
    "I'd not like to trouble the doctor in the middle of the night. I'd sit up in my chair " ..
      "till it was light and then telephone.",
    "ring the dr 4 an appt, prob wont get one til next wk tho. cld b infection cos the " ..
      "tablets lower my immune system",
    "Tell your husband, and if he thinks you look unwell, he can call the 24-hour line for you.",
  }) do
    T.ok(actnow.doubts(text), text)
  end
  -- Calls said plainly, short or long, are not doubted.
  for _, text in ipairs({
    "call 112", "go to A&E", "ring them", "Call 999",
    "I'd ring the team straight away, day or night, and not wait till the morning.",
    "new back pain + weak legs = ring onc team asap, cld be spinal cord compression, dont wait n see",
    "I call the cancer number of the hospital now, I not wait.",
  }) do
    T.eq(actnow.doubts(text), nil, text)
  end
end)

T.test("actnow: answers that hide a delay from the rules do not hide it from both", function()
  -- Written after the reader was taught, to find what the rules alone
  -- credit: a GP first, a chemist in the morning, a daughter asked first.
  local qs = {}
  for _, path in ipairs({ "quizzes/patient/bone-basics.yaml", "quizzes/patient/when-to-call.yaml",
                          "quizzes/selfcheck/cdk46.yaml", "quizzes/student/exam.yaml" }) do
    for _, q in ipairs(T.quiz(path).questions) do qs[q.id] = q end
  end
  local cases = {
    { "tb-back-pain-legs", "act-now",
      "Straight on the phone to the team. Well, my GP first, she knows my back." },
    { "tb-explain-cdk46-fever", "call-at-once", "You call the 24-hour line the minute you get a " ..
      "temperature. Or we could ask the chemist in the morning what they reckon." },
    { "tb-high-temperature", "call-now", "I'd be straight on to the hospital. After I'd checked " ..
      "with my daughter, she's a carer, she'd know." },
  }
  for _, c in ipairs(cases) do
    local r = tb.analyse(qs[c[1]], c[3])
    T.eq(r.urgent_missed, { c[2] }, c[3])
    T.ok(r.evidence[c[2]].reader, "the reader withdrew it: " .. c[3])
  end
  T.eq(tb.evidence_text(tb.analyse(qs["tb-back-pain-legs"], cases[1][3]).evidence["act-now"]),
       "heard: 'on the phone to the team' — but read as a whole, not clearly acting now ('GP', 'Well')")
  -- (The rules alone credit them, so far: the day a rule refuses one, it
  -- moves to test_teachback_review.lua.)
  T.with_second_reader(false, function()
    for _, c in ipairs(cases) do T.eq(tb.analyse(qs[c[1]], c[3]).urgent_missed, {}, c[3]) end
  end)
end)

T.test("actnow: the words shown are never only filler", function()
  with_weights({ bias = 0, w = { ["them a"] = -3, give = -1, bell = -0.5 } }, function()
    -- "them a" weighs most but says nothing to a nurse: "give" and
    -- "bell" are shown.
    T.eq(actnow.doubts("I'd give them a bell"), { "give", "bell" })
  end)
end)
