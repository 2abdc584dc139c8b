-- The GIFT reader's records, its errors' order and places, categories met
-- again, and ids from titles (formats/gift.lua, formats/common.lua): the
-- cases its speed work must keep, values worked out by hand.
local T = ...
local gift = require("formats.gift")
local common = require("formats.common")

-- The keys of a table, sorted, as one string.
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return table.concat(ks, ",")
end

T.test("gift reader: records of a comment-led question and a comment inside one", function()
  local recs, err = gift.parse("// a comment\n::T1:: Pick one {\n  ~no#wrong\n  =yes#right\n}\n" ..
                               "\n::T2::Say it {\n// a note in the middle\n\t=yes \n}\n", "bank.gift")
  T.ok(recs, err)
  T.eq(#recs, 2)
  local r = recs[1]
  T.eq(r.line, 2)                        -- the question's line, after the comment
  T.eq(r.type, "MC")
  T.eq(r.single, true)
  T.eq(r.title, "T1")
  T.eq(r.stem, "Pick one")
  T.eq(#r.choices, 2)
  T.eq(keys(r.choices[1]), "feedback,mark,text")
  T.eq(r.choices[1].mark, "~")
  T.eq(r.choices[1].text, "no")
  T.eq(r.choices[1].feedback, "wrong")
  T.eq(r.choices[2].mark, "=")
  T.eq(r.choices[2].text, "yes")
  T.eq(r.choices[2].feedback, "right")
  r = recs[2]
  T.eq(r.line, 7)
  T.eq(r.type, "Short")
  T.eq(r.stem, "Say it")
  T.eq(#r.choices, 1)
  T.eq(r.choices[1].text, "yes")
  T.eq(r.choices[1].feedback, nil)
end)

T.test("gift reader: matching pairs, numeric answers, true/false feedbacks", function()
  local recs, err = gift.parse("Match {\n =a -> b\n =%50%c -> d#fb\n = -> e\n}\n\n" ..
                               "N {#\n =%100%2:0.5\n ~other\n}\n\nTF {T#no#yes####why}\n", "bank.gift")
  T.ok(recs, err)
  T.eq(recs[1].type, "Matching")
  T.eq(#recs[1].pairs, 3)
  T.eq(recs[1].pairs[1].left, "a")
  T.eq(recs[1].pairs[1].right, "b")
  T.eq(recs[1].pairs[2].left, "c")
  T.eq(recs[1].pairs[2].right, "d")
  T.eq(recs[1].choices[2].weight, 50)
  T.eq(recs[1].choices[2].feedback, "fb")
  T.eq(recs[1].pairs[3].left, "")
  T.eq(recs[1].pairs[3].right, "e")
  T.eq(recs[2].type, "Numerical")
  T.eq(#recs[2].choices, 2)
  T.eq(recs[2].choices[1].value.value, 2)
  T.eq(recs[2].choices[1].value.tolerance, 0.5)
  T.eq(recs[2].choices[1].weight, 100)
  T.eq(recs[2].choices[2].other, true)
  T.eq(recs[2].choices[2].text, "other")
  T.eq(recs[3].type, "TF")
  T.eq(recs[3].is_true, true)
  T.eq(recs[3].feedback1, "no")
  T.eq(recs[3].feedback2, "yes")
  T.eq(recs[3].global_feedback, "why")
end)

-- Every answer is read (its weight checked) before any arrow is looked for.
T.test("gift reader: a bad weight in a later answer is named before a missing arrow", function()
  local recs, err = gift.parse("Q {\n=a -> b\n=c d\n=%200%e -> f\n}\n", "bank.gift")
  T.eq(recs, nil)
  T.eq(err, "bank.gift:4:2: error: weight %200% is outside -100..100")
  recs, err = gift.parse("Q {\n=a -> b\n=c d\n}\n", "bank.gift")
  T.eq(recs, nil)
  T.eq(err, "bank.gift:3:2: error: every matching answer is written =left -> right")
  recs, err = gift.parse("Q {\n~only one\n}\n", "bank.gift")
  T.eq(err, "bank.gift:1:3: error: a multiple-choice question needs at least two answers")
  recs, err = gift.parse("Q {\n  =a -> b\n}\n", "bank.gift")
  T.eq(err, "bank.gift:1:3: error: a matching question needs at least two pairs")
  recs, err = gift.parse("Q {#\n 1..x\n}\n", "bank.gift")
  T.eq(err, "bank.gift:2:2: error: expected a number, N:tolerance or LOW..HIGH, found '1..x'")
end)

-- A bank repeats its $CATEGORY lines; each is read the same way every time.
T.test("gift import: categories met again give the same topic; the first names the quiz", function()
  local quiz, err = gift.import("$CATEGORY: $course$/top/Bank//One/sites\n\n::a:: Q1 {=x}\n\n" ..
                                "$CATEGORY: $course$/top/Other/basics\n\n::b:: Q2 {=y}\n\n" ..
                                "$CATEGORY: $course$/top/Bank//One/sites\n\n::c:: Q3 {=z}\n", "bank.gift")
  T.ok(quiz, err)
  T.eq(quiz.title, "Bank/One")
  T.eq(#quiz.questions, 3)
  T.eq(quiz.questions[1].topic, "sites")
  T.eq(quiz.questions[2].topic, "basics")
  T.eq(quiz.questions[3].topic, "sites")
  T.eq(quiz.questions[3].id, "c")
end)

T.test("ids from titles: text already an id is kept, anything else made one", function()
  T.eq(common.slug("r1-most-common-site"), "r1-most-common-site")
  T.eq(common.slug("abc"), "abc")
  T.eq(common.slug("Already-Id"), "already-id")
  T.eq(common.slug("a--b"), "a-b")
  T.eq(common.slug("-a"), "a")
  T.eq(common.slug("a-"), "a")
  T.eq(common.slug("a b"), "a-b")
  T.eq(common.slug(("a"):rep(65)), ("a"):rep(64))
  T.eq(common.slug(("a"):rep(64)), ("a"):rep(64))
  T.eq(common.slug("a" .. ("-b"):rep(40)), "a" .. ("-b"):rep(31))   -- cut at 64, the dash dropped
  T.eq(common.slug("", "x"), "x")
  T.eq(common.slug("---", "x"), "x")
  T.eq(common.slug("é1"), "1")
end)
