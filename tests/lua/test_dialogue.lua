-- The terminal dialogue (dialogue.lua): prompt and feed, as the front end
-- calls them through session.lua.
local T = ...
local session = require("session")

local FIX = "tests/e2e/fixtures/engine/"
local function load(name) return T.quiz(FIX .. name) end

local report = require("report")

-- An attempt in file order (no shuffle), at the question with id `at`.
local function attempt(name, opts, at)
  local q = load(name)
  q.settings.shuffle = false
  local s = session.new(q, opts or { seed = 1 })
  if at then s.pos = s.byid[at].n end
  return s
end

-- The texts of a view's blocks, one string.
local function texts(blocks)
  local out = {}
  for _, b in ipairs(blocks) do out[#out + 1] = b.text or "" end
  return table.concat(out, "\n")
end

T.test("dialogue: 'How sure?' takes the words shown, and asks once", function()
  local s = attempt("bone-basics.yaml")
  session.prompt(s)
  T.eq(texts(session.feed(s, "A")), "")              -- The bones: right; now certainty
  local p = session.prompt(s)
  T.eq(texts(p.blocks), "How sure are you? 1 = not sure, 2 = fairly sure, 3 = very sure.")
  T.eq(p.prompt, "How sure? (1-3) ")
  T.eq(texts(session.feed(s, "maybe")), "Please type 1 (not sure), 2 (fairly sure) or 3 " ..
       "(very sure).")
  T.eq(session.prompt(s).blocks, {}, "re-asked with the prompt alone")
  T.eq(texts(session.feed(s, "")), "Please type 1 (not sure), 2 (fairly sure) or 3 " ..
       "(very sure).")
  local out = session.feed(s, "Very sure.")
  T.eq(s.items[1].certainty, 3)
  T.eq(out[1].text, "That's right.")
  for _, word in ipairs({ "not", "Fairly", "3", "very" }) do
    local s2 = attempt("bone-basics.yaml")
    session.feed(s2, "A")
    session.feed(s2, word)
    T.eq(s2.items[1].certainty, ({ ["not"] = 1, Fairly = 2, ["3"] = 3, very = 3 })[word], word)
  end
end)

T.test("dialogue: ?, s and q work at 'How sure?'", function()
  local s = attempt("bone-basics.yaml")
  session.feed(s, "A")
  T.ok(texts(session.feed(s, "?")):find("Type 1 if you are not sure", 1, true), "help")
  T.eq(s.phase, "certainty")
  T.eq(session.feed(s, "q"), {})
  T.eq(s.phase, "confirm")
  T.eq(texts(session.feed(s, "n")), "Let's go on.")
  T.eq(s.phase, "certainty", "back at 'How sure?'")
  T.eq(texts(session.prompt(s).blocks), "How sure are you? 1 = not sure, 2 = fairly sure, " ..
       "3 = very sure.", "said again after the detour")
  local out = session.feed(s, "s")
  T.eq(s.items[1].certainty, nil, "s goes on without a certainty")
  T.eq(out[1].text, "That's right.")
end)

T.test("dialogue: a patient presses Enter after the feedback", function()
  local s = attempt("bone-basics.yaml")
  session.feed(s, "A")
  session.feed(s, "2")
  T.eq(s.phase, "pause")
  T.eq(session.prompt(s), { blocks = {}, prompt = "Press Enter for the next question. " })
  T.eq(s.pos, 1)
  T.eq(session.feed(s, ""), {})
  T.eq({ s.pos, s.phase }, { 2, "answer" })
  s.pos = #s.items
  session.feed(s, "s")
  T.eq(session.prompt(s).prompt, "Press Enter to see how you did. ")
  -- a student goes straight on
  local st = attempt("staging-and-sites.yaml")
  session.feed(st, "s")
  T.eq({ st.pos, st.phase }, { 2, "answer" })
end)

T.test("dialogue: cloze blank 2 keeps blank 1 and takes the option's words", function()
  local s = attempt("staging-and-sites.yaml", nil, "hypercalcaemia-cloze")
  local item = s.items[s.pos]
  T.eq(session.prompt(s).prompt, "Blank 1 of 3 > ")
  T.eq(session.feed(s, "B"), {})                                -- PTHrP
  T.eq(session.prompt(s).prompt, "Blank 2 of 3 > ")
  T.eq(texts(session.feed(s, "D")), "There is no D at blank 2. Type A, B or C for blank 2.")
  T.eq(texts(session.feed(s, "low")), "Type A, B or C for blank 2.")
  T.eq(texts(session.feed(s, "AB")), "Type A, B or C for blank 2.")
  T.eq(session.prompt(s).prompt, "Blank 2 of 3 > ", "still at blank 2")
  T.eq(session.feed(s, "iv fluids"), {})                        -- the option's words: C
  T.eq(session.prompt(s).prompt, "Blank 3 of 3 > ")
  session.feed(s, "a)")                                         -- bisphosphonate
  T.eq(item.steps[1].response, { 2, 3, 1 })
  T.eq(item.steps[1].fraction, 1)
end)

T.test("dialogue: a cloze answered whole at blank 1, or '2C' at blank 2", function()
  local s = attempt("staging-and-sites.yaml", nil, "hypercalcaemia-cloze")
  local item = s.items[s.pos]
  session.feed(s, "B C A")
  T.eq(item.steps[1].response, { 2, 3, 1 })
  s = attempt("staging-and-sites.yaml", nil, "hypercalcaemia-cloze")
  item = s.items[s.pos]
  session.feed(s, "b")
  session.feed(s, "2C")
  session.feed(s, "3: a")
  T.eq(item.steps[1].response, { 2, 3, 1 })
end)

T.test("dialogue: labels as shown, yes/no, and 'idk'", function()
  for _, typed in ipairs({ "A)", "(a)", "a.", "a" }) do
    local s = attempt("bone-basics.yaml")
    session.feed(s, typed)
    T.eq(s.items[1].steps[1].response, 1, typed)
  end
  local s = attempt("bone-basics.yaml", nil, "still-breast-cancer")
  T.eq(texts(session.feed(s, "idk")), "Not sure? Type s to skip and see the answer.")
  T.eq(texts(session.feed(s, "I don't know.")), "Not sure? Type s to skip and see the answer.")
  session.feed(s, "no")
  T.eq(s.items[s.pos].steps[1].response, false)
end)

T.test("dialogue: an ended exam reviews only what was answered, with no other key", function()
  local s = attempt("staging-and-sites.yaml", { seed = 1, mode = "exam" })
  session.prompt(s)
  session.feed(s, "A")                  -- question 1 (tnm-letters, a matching): not understood
  session.feed(s, "1A 2B 3C")           -- answered
  session.prompt(s)                     -- question 2 on screen, then Ctrl-C
  session.stop(s)
  T.eq({ session.status(s.items[1]), session.status(s.items[2]) }, { "answered", "not_reached" })
  local pages = report.review_pages(s)
  T.eq(#pages, 1)
  local all = texts(pages[1])
  T.ok(all:find("Question 1 of 15", 1, true), "question 1 reviewed")
  T.ok(not all:find("Question 2 of 15", 1, true), "question 2 not reviewed")
  T.ok(not all:find("IIB", 1, true), "no key of question 2 (stage IIB)")
  T.ok(all:find("Questions 2 to 15 were not reached; their answers are not shown.", 1, true))
end)

T.test("end: 'You answered 1 of 8 and skipped 1', sections by title, once", function()
  local s = attempt("bone-basics.yaml")
  session.feed(s, "B")                  -- most-common-site: The skin, wrong
  session.feed(s, "3")                  -- very sure: a confident mistake
  session.feed(s, "")
  session.feed(s, "s")                  -- still-breast-cancer skipped
  session.stop(s)
  local all = texts(report.summary(s))
  T.ok(all:find("You answered 1 of 8 and skipped 1. You stopped before the last 6 " ..
                "questions.", 1, true), all)
  T.ok(not all:find("#", 1, true), "no section ids for patients")
  T.ok(not all:find("%d+%%") and not all:find("Score", 1, true), "no grade")
  local _, n = all:gsub("How often cancer spreads to bone", "")
  T.eq(n, 1, "each section once")
  T.ok(all:find("\"It is still breast cancer\" — 1 question", 1, true), all)
  local bars = {}
  for _, b in ipairs(report.summary(s)) do if b.kind == "bar" then bars[b.label] = b.text end end
  T.eq(bars, { Sites = "0 of 1", Basics = "0 of 1" }, "counts of the questions reached")
end)

T.test("end: stopped before the first question", function()
  for _, name in ipairs({ "bone-basics.yaml", "staging-and-sites.yaml" }) do
    local s = attempt(name)
    session.stop(s)
    T.eq(report.summary(s), { { kind = "heading", text = "Your results" },
      { kind = "text", text = "You stopped before the first question. Come back any time." } })
  end
end)

T.test("adaptive: each hint once, then 'No more hints'; hints cost nothing", function()
  local s = attempt("staging-and-sites.yaml", { seed = 1, mode = "adaptive" }, "stage-t2-n1")
  T.eq(texts(session.feed(s, "h")), "Hint: M0 means there is no distant spread, so it is not " ..
       "stage IV. (Hints cost no marks.)")
  T.eq(texts(session.feed(s, "h")), "No more hints until your next try.")
  local out = texts(session.feed(s, "IV"))            -- wrong: the second hint comes
  T.ok(out:find("Hint: Find the row of the anatomic table with T2 and N1.", 1, true), out)
  T.ok(not out:find("M0 means", 1, true), "the first hint is not repeated")
  T.eq(texts(session.feed(s, "h")), "No more hints for this question.")
end)

T.test("cbm: the end shows accuracy per topic, marks apart; '1 mark'", function()
  local s = attempt("staging-and-sites.yaml", { seed = 1, mode = "cbm" }, "stage-t2-n1")
  session.feed(s, "IIB")
  local out = texts(session.feed(s, "1"))
  T.ok(out:find("Certainty 1: 1 mark.", 1, true), out)
  session.stop(s)
  local sum = report.summary(s)
  local bar
  for _, b in ipairs(sum) do if b.kind == "bar" and b.label == "Staging" then bar = b end end
  T.eq({ bar.value, bar.max, bar.text }, { 1, 7, "1 of 7 (1 mark)" })
  T.ok(texts(sum):find("Certainty-based marks: 1 of a possible 45", 1, true), texts(sum))
end)

T.test("end: a patient's topic counts whole questions right, not parts", function()
  local s = attempt("bone-basics.yaml")
  local drugs = {}
  for _, item in ipairs(s.items) do
    if item.q.topic == "bone-drugs" then drugs[#drugs + 1] = item end
  end
  drugs[1].steps = { { fraction = 0.5 } }     -- partly right
  drugs[2].steps = { { fraction = 1 } }       -- right
  drugs[3].steps = { { fraction = 0 } }       -- not right
  session.stop(s)
  local text
  for _, b in ipairs(report.summary(s)) do
    if b.kind == "bar" and b.label == "Bone drugs" then text = b.text end
  end
  T.eq(text, "1 of 3")
end)
