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

-- ---- the grammar (formats/gift.lua's LPeg patterns) against the line by
-- line reading, which is the reference: the same records, or the same
-- first error, for every file and for damaged copies of them.

-- Equal to the last detail: an integer weight is not the float 50.0,
-- which a warning would print differently.
local function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) == "number" then return math.type(a) == math.type(b) and a == b end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do if not same(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

local function both(src)
  gift.grammar = false
  local r1, e1 = gift.parse(src, "bank.gift")
  gift.grammar = true
  local r2, e2 = gift.parse(src, "bank.gift")
  return r1, e1, r2, e2, gift.grammar_records
end

local function files()
  local list = {}
  for _, dir in ipairs({ "tests/interop/gift", "tests/interop/expected", "tests/fuzz/corpus/import" }) do
    for _, path in ipairs(host.list(dir, "", false)) do
      if dir:find("corpus", 1, true) or path:match("%.gift$") then list[#list + 1] = path end
    end
  end
  table.sort(list)
  return list
end

T.test("gift grammar: every test file and corpus entry read alike both ways", function()
  local paths, taken = files(), 0
  T.ok(#paths > 250, "test files found: " .. #paths)
  for _, path in ipairs(paths) do
    local src = assert(host.read_text(path, 1 << 20))
    local r1, e1, r2, e2, fast = both(src)
    T.eq(e2, e1, path)
    T.ok(same(r2, r1), path .. ": records differ")
    if r2 then taken = taken + fast end
  end
  T.ok(taken > 300, "records the grammar made: " .. taken)
end)

-- Damaged copies: bytes GIFT gives meaning to, white space of every kind,
-- NUL, bad UTF-8, cut and repeated pieces, put at places chosen by a
-- seeded generator (the same every run).
T.test("gift grammar: 1,500 damaged copies read alike both ways", function()
  local tokens = { "=", "~", "#", "####", "{", "}", ":", "::", "\\", "\\n", "\\:", "\\#", "\\\\",
                   "\\a", "\\ ", " ", "\t", "\n", "\n\n", "\r\n", "\f", "\v", "\0", "\255", "é",
                   "//", "// c\n", "%", "%50%", "%101%", "%1.5.%", "->", " -> ", "T", "FALSE",
                   "[html]", "$CATEGORY:", "1..2", "  \n", "\n//x\n", "\n \n" }
  local seeds = {}
  for _, path in ipairs(files()) do seeds[#seeds + 1] = assert(host.read_text(path, 1 << 20)) end
  local r = T.rng(15)
  local differ = 0
  for i = 1, 1500 do
    local s = r:pick(seeds)
    for _ = 1, r:int(1, 4) do
      local at = r:int(1, #s + 1)
      local op = r:int(1, 3)
      if op == 1 then
        s = s:sub(1, at - 1) .. r:pick(tokens) .. s:sub(at)
      elseif op == 2 then
        s = s:sub(1, at - 1) .. s:sub(at + r:int(1, 5))
      else
        s = s:sub(1, at - 1) .. r:pick(tokens) .. s:sub(at + 1)
      end
    end
    local r1, e1, r2, e2 = both(s)
    if e1 ~= e2 or not same(r1, r2) then
      differ = differ + 1
      T.log(("copy %d differs: %s | %s"):format(i, tostring(e1), tostring(e2)))
    end
  end
  T.eq(differ, 0)
end)

T.test("gift grammar: the records and lines of the forms it takes", function()
  local src = "// bank\n\n$CATEGORY: $course$/top/A\\:B\n\n// one\n// two\n" ..
              "::T\\:1::[HTML] Pick \\{one\\}\n  of these {\n\t~%-50%no \\# way#wrong\n" ..
              "\t=yes\n\t  and more#right\n\t####why\n}\n\n" ..
              "TF {TRUE#bad#good}\n\nM {=a -> b\n=%50%c->d#fb\n=-> e}\n\nS { =x =y ####g }\n"
  local r1, e1, recs, err, fast = both(src)
  T.eq(err, nil)
  T.eq(e1, nil)
  T.ok(same(recs, r1), "records differ")
  T.eq(fast, 5)                          -- each one by the grammar
  T.eq(recs[1], { line = 3, type = "Category", title = "$course$/top/A:B" })
  local q = recs[2]
  T.eq(q.line, 7)                        -- after the two comment lines
  T.eq(q.title, "T:1")
  T.eq(q.format, "html")
  T.eq(q.stem, "Pick {one} of these")
  T.eq(q.type, "MC")
  T.eq(q.single, true)
  T.eq(q.global_feedback, "why")
  T.eq(q.choices, { { mark = "~", weight = -50, text = "no # way", feedback = "wrong" },
                    { mark = "=", text = "yes and more", feedback = "right" } })
  T.eq(recs[3].line, 15)
  T.eq(recs[3].type, "TF")
  T.eq(recs[3].is_true, true)
  T.eq(recs[3].feedback1, "bad")
  T.eq(recs[3].feedback2, "good")
  T.eq(recs[4].type, "Matching")
  T.eq(recs[4].pairs, { { left = "a", right = "b" }, { left = "c", right = "d" },
                        { left = "", right = "e" } })
  T.eq(recs[4].choices[2], { mark = "=", weight = 50, text = "c->d", feedback = "fb" })
  T.eq(recs[5].type, "Short")
  T.eq(recs[5].global_feedback, "g")
  T.eq(#recs[5].choices, 2)
end)

-- "\n" is a newline inside a text; at a text's either end the reading
-- trims it off, so there the grammar leaves the block to read_block.
T.test("gift grammar: \\n escapes inside a text and at its ends", function()
  local src = "Q\\nline two {=a\\nb#why\\nnot =\\nc =d\\n =e \\n#f}\n"
  local r1, e1, recs, err, fast = both(src)
  T.eq(err, nil)
  T.eq(e1, nil)
  T.ok(same(recs, r1), "records differ")
  T.eq(fast, 0)                          -- "\n" at an answer's start: read_block's
  T.eq(recs[1].stem, "Q\nline two")
  T.eq(recs[1].choices[1], { mark = "=", text = "a\nb", feedback = "why\nnot" })
  T.eq(recs[1].choices[2].text, "c")
  T.eq(recs[1].choices[3].text, "d")
  T.eq(recs[1].choices[4].text, "e")
  r1, e1, recs, err, fast = both("Q\\nline two {=a\\nb#why\\nnot =c}\n")
  T.ok(same(recs, r1), "records differ")
  T.eq(fast, 1)                          -- inside texts only: the grammar's
  T.eq(recs[1].choices[1].feedback, "why\nnot")
end)

-- Hostile input: each gets its error, the same both ways, and a line of
-- a megabyte or a file of NULs is read in one pass, not byte by byte.
T.test("gift grammar: hostile input gives the same clear error both ways", function()
  local cases = {
    { "Q {=a\0b}\n", nil },
    { "Q {=a}\n\nQ2 {=b\n", "bank.gift:3:4: error: '{' is never closed by '}'" },
    { "Q {=a\\", "bank.gift:1:6: error: a backslash escapes nothing here; write \\\\ for a backslash" },
    { "::t:: Q {=a}\\", "bank.gift:1:13: error: a backslash escapes nothing here; write \\\\ for a backslash" },
    { "::never closed {=a}\n", "bank.gift:1:1: error: title '::' is never closed by '::'" },
    { "$CATEGORY: a {=b}\\", "bank.gift:1:18: error: a backslash escapes nothing here; write \\\\ for a backslash" },
    { "Q {=a ~b", "bank.gift:1:3: error: '{' is never closed by '}'" },
    -- Columns count characters: "é" is one.
    { "Q caf\195\169 {=a ~b", "bank.gift:1:8: error: '{' is never closed by '}'" },
    { "Q {=a}\n\n  \195\169t\195\169 {=b\n", "bank.gift:3:7: error: '{' is never closed by '}'" },
    { ("\0"):rep(100000), nil, "Description" },
    { "Q " .. ("x"):rep(1 << 20) .. " {=a ~b}\n", nil, "MC" },
    { "Q {=a ~b}\n\n" .. ("{"):rep(1 << 16), "bank.gift:3:1: error: '{' is never closed by '}'" },
    { "Q {=a ~b}\n" .. ("}"):rep(1 << 16), "bank.gift:2:1: error: a second answer block; a " ..
      "question has one { ... } (escape others with \\)" },
    -- Once an internal error: no line laid out (a form feed before "//").
    { "\f// x}\f\n", "bank.gift:1:6: error: '}' without an opening '{'" },
    -- Once time growing with the square of the run ("%s+$", "%d*%.?%d+$").
    { "Q {=a" .. (" "):rep(100000) .. "x\n", "bank.gift:1:3: error: '{' is never closed by '}'" },
    { "Q {#" .. ("1"):rep(100000) .. "x}\n", "bank.gift:1:5: error: expected a number, " ..
      "N:tolerance or LOW..HIGH, found '" .. ("1"):rep(40) .. "'" },
  }
  for i, c in ipairs(cases) do
    local r1, e1, r2, e2 = both(c[1])
    T.eq(e2, e1, "case " .. i)
    T.ok(same(r2, r1), "case " .. i .. ": records differ")
    T.eq(e2, c[2], "case " .. i)
    if c[3] then T.eq(r2[1].type, c[3], "case " .. i) end
  end
end)

-- host.count_newlines (engine/luahost.c), which gives the reader's records
-- their lines: s[i..j] as string.sub takes i and j, counted by hand.
T.test("host.count_newlines: a range as string.sub reads it, counted by hand", function()
  local n = host.count_newlines
  local s = "a\nb\n\nc\n"           -- newlines at 2, 4, 5, 7
  T.eq(n(s), 4)
  T.eq(n(s, 1, -1), 4)
  T.eq(n(s, 3), 3)                  -- from 3: 4, 5, 7
  T.eq(n(s, 1, 4), 2)               -- 2 and 4
  T.eq(n(s, 1, 3), 1)
  T.eq(n(s, 5, 5), 1)
  T.eq(n(s, 6, 6), 0)
  T.eq(n(s, -3), 2)                 -- the last three bytes: "\nc\n"
  T.eq(n(s, -100, 2), 1)            -- i before the start: 1
  T.eq(n(s, 0, 2), 1)               -- i = 0 is 1
  T.eq(n(s, 2, 100), 4)             -- j past the end: the end
  T.eq(n(s, 5, 4), 0)               -- i after j: nothing
  T.eq(n(s, 8), 0)                  -- just past the end
  T.eq(n(s, math.maxinteger), 0)
  T.eq(n(s, math.mininteger, math.mininteger), 0)
  T.eq(n(s, 1, 0), 0)
  T.eq(n(""), 0)
  T.eq(n("\0\n\0\n\0"), 2)          -- NUL bytes are bytes like any other
  T.eq(n(("\n"):rep(1 << 20)), 1 << 20)
  T.eq(n(("x"):rep(1 << 20)), 0)
  T.eq(n(("\r\n"):rep(1000), 2, 1001), 500)
  T.eq(select("#", n(s)), 1)
  T.eq(math.type(n(s)), "integer")
  T.eq(pcall(n), false)             -- no string: an error, not a crash
  T.eq(pcall(n, s, "x"), false)
end)

-- An import's records carry where their text starts; a warning counts its
-- line then, on from the one before, past blocks read line by line.
T.test("gift import: warnings name the lines parse gives, after blocks read both ways", function()
  local src = "// top\n\n$CATEGORY: a/b\n\n" ..
              "::q1:: Q {=a ~%50%b}\n\n" ..                   -- line 5, the grammar's
              "::q2:: N {#\n =3:1\n =%50%4\n}\n\n" ..        -- line 7, read line by line
              "// c\n::q3:: S {=x =%50%y}\n\n" ..             -- line 13 (12 is a comment)
              "::q4:: M {~%50%a ~%50%b ~%-50%c ~%-25%d}\n"      -- line 15
  local recs = assert(gift.parse(src, "w.gift"))
  T.eq(#recs, 5)
  T.eq(recs[2].line, 5)
  T.eq(recs[3].line, 7)
  T.eq(recs[4].line, 13)
  T.eq(recs[5].line, 15)
  local quiz, err, warnings = gift.import(src, "w.gift")
  T.eq(err, nil)
  T.eq(gift.grammar_records, 4)     -- all but q2
  T.eq(#quiz.questions, 4)
  T.eq(warnings, {
    "w.gift:5: warning: question 'q1': option weight 50% has no place in a single-answer " ..
      "question; kept as wrong",
    "w.gift:7: warning: question 'q2': only the fully right answer is kept (teachback numeric " ..
      "questions have one answer and a tolerance)",
    "w.gift:13: warning: question 'q3': answer 'y' worth 50% left out (text answers are right " ..
      "or wrong)",
    "w.gift:15: warning: question 'q4': option weights do not match a teachback rule; " ..
      "plus-minus used",
  })
  T.eq(quiz.questions[1].options, { { text = "a", correct = true }, { text = "b" } })
  T.eq(quiz.questions[2].answer, 3)
  T.eq(quiz.questions[2].tolerance, 1)
  T.eq(quiz.questions[3].accept, { "x" })
  T.eq(quiz.questions[4].options, { { text = "a", correct = true }, { text = "b", correct = true },
                                    { text = "c" }, { text = "d" } })
end)

-- A title that is already an id is taken as one by the grammar (no slug
-- of its own); any other is made one as before.  Worked out by hand.
T.test("gift import: ids from titles the grammar takes as ids and from the others", function()
  local titles = {
    { "r1-site", "r1-site" },
    { ("a"):rep(64), ("a"):rep(64) },
    { ("b"):rep(65), ("b"):rep(64) },        -- an id but too long: cut at 64
    { "Ab", "ab" },
    { "a--b", "a-b" },
    { "-a", "a" },
    { "a-", "a" },
    { "a:b", "a-b" },                        -- a single colon inside a title
    { "a b", "a-b" },
    { " c9 ", "c9" },                        -- white space around: trimmed, then an id
    { "a\\:b", "a-b" },                      -- an escaped colon
    { "é1", "1" },
  }
  local src = {}
  for i, t in ipairs(titles) do src[i] = ("::%s:: Q%d {=x ~y}\n"):format(t[1], i) end
  local quiz, err = gift.import(table.concat(src, "\n"), "ids.gift")
  T.eq(err, nil)
  T.eq(#quiz.questions, #titles)
  T.eq(gift.grammar_records, #titles)
  for i, t in ipairs(titles) do
    T.eq(quiz.questions[i].id, t[2], t[1])
    T.eq(quiz.questions[i].id, common.slug(t[1]:gsub("\\:", ":"):match("^%s*(.-)%s*$")), t[1])
  end
  -- parse's records are as before: no id of their own.
  local recs = assert(gift.parse("::r1-site:: Q {=x ~y}\n", "ids.gift"))
  T.eq(recs[1].id, nil)
  T.eq(recs[1].title, "r1-site")
end)

-- A question's text before " {" keeps its white space in the grammar's
-- capture; the record's function takes it off, as trim did.
T.test("gift grammar: white space at a question's end before its answers", function()
  local src = "Q1 {=a ~b}\n\nQ2 \t {=a ~b}\n\nQ3\f{=a ~b}\n\nQ4\v \v{=a ~b}\n\n" ..
              "::t:: {=a ~b}\n\n::u::\t{=a ~b}\n\nQ \\{ x\\} {=a ~b}\n"
  local r1, e1, recs, err, fast = both(src)
  T.eq(e1, nil)
  T.eq(err, nil)
  T.ok(same(recs, r1), "records differ")
  T.eq(fast, 7)
  local want = { "Q1", "Q2", "Q3", "Q4", "", "", "Q { x}" }
  for i, w in ipairs(want) do T.eq(recs[i].stem, w, "question " .. i) end
  local quiz = assert(gift.import(src, "ws.gift"))
  T.eq(quiz.questions[2].prompt, "Q2")
  T.eq(quiz.questions[4].prompt, "Q4")
end)

-- A comment as the file's last line, with no line break after it, is a
-- comment both ways (the grammar read "// A{T}" as a true-false question;
-- found by fuzzing, tests/fuzz/findings/giftc-comment-at-end.gift).
T.test("gift grammar: a comment on the file's last line, with no line break", function()
  for _, src in ipairs({ "// A{T}", "\239\187\191// A<,\223\155ch{T}", "Q {T}\n\n// c{F}" }) do
    local r1, e1, recs, err = both(src)
    T.eq(e1, nil)
    T.eq(err, nil)
    T.ok(same(recs, r1), "records differ: " .. src)
  end
  local _, _, recs = both("Q {T}\n\n// c{F}")
  T.eq(#recs, 1)
  T.eq(recs[1].stem, "Q")
  T.eq(#select(3, both("// A{T}")), 0)
end)
