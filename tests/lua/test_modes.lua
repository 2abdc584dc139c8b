-- Modes: marks from steps, worked by hand.
local T = ...
local adaptive = require("modes.adaptive")
local cbm = require("modes.cbm")
local practice = require("modes.practice")

local function steps(...)
  local out = {}
  for i, f in ipairs({ ... }) do out[i] = { fraction = f } end
  return { steps = out }
end

T.test("practice: the mark is the fraction of the one try", function()
  T.eq(practice.grade(steps(0.5)), 0.5)
  T.eq(practice.grade(steps()), 0)
end)

T.test("adaptive: right at the second try keeps 2/3 (penalty 1/3)", function()
  T.eq(adaptive.grade(steps(0, 1), { penalty = 1 / 3 }), 2 / 3)
end)

T.test("adaptive: right at the third try keeps 1/3", function()
  T.eq(adaptive.grade(steps(0, 0, 1), { penalty = 1 / 3 }), 1 / 3)
end)

T.test("adaptive: the best try counts (0.5 first, then right: max(0.5, 2/3))", function()
  T.eq(adaptive.grade(steps(0.5, 1), { penalty = 1 / 3 }), 2 / 3)
  T.eq(adaptive.grade(steps(0.9, 1), { penalty = 1 / 3 }), 0.9)
end)

T.test("adaptive: marks never go below 0", function()
  T.eq(adaptive.grade(steps(0, 0, 0, 1), { penalty = 1 / 3 }), 0)
  T.eq(adaptive.grade(steps(0, 0.25), { penalty = 0.5 }), 0)
end)

T.test("adaptive: default 3 tries, setting overrides", function()
  T.eq(adaptive.tries({}), 3)
  T.eq(adaptive.tries({ tries = 5 }), 5)
end)

T.test("cbm: marks for right and wrong at each certainty", function()
  T.eq({ cbm.mark(1, 1), cbm.mark(1, 2), cbm.mark(1, 3) }, { 1, 2, 3 })
  T.eq({ cbm.mark(0, 1), cbm.mark(0, 2), cbm.mark(0, 3) }, { 0, -2, -6 })
end)

T.test("cbm: partly right earns right[C] x fraction (Moodle: 0.5 -> 0.5, 1, 1.5)", function()
  T.eq({ cbm.mark(0.5, 1), cbm.mark(0.5, 2), cbm.mark(0.5, 3) }, { 0.5, 1, 1.5 })
end)

T.test("cbm: no certainty given counts as C=1", function()
  T.eq(cbm.grade({ steps = { { fraction = 0 } } }), 0)
  T.eq(cbm.grade({ steps = { { fraction = 1 } } }), 1)
end)

T.test("cbm summary: the reference's ten-item example (accuracy 80, bonus 4, CB 84)", function()
  local items = {}
  for _ = 1, 6 do items[#items + 1] = { fraction = 1, mark = 3, weight = 1 } end
  for _ = 1, 2 do items[#items + 1] = { fraction = 1, mark = 2, weight = 1 } end
  items[#items + 1] = { fraction = 0, mark = -6, weight = 1 }
  items[#items + 1] = { fraction = 0, mark = 0, weight = 1 }
  local s = cbm.summary(items)
  T.eq(s.accuracy, 80)
  T.eq(s.average, 1.6)
  T.eq(s.bonus, 4)
  T.eq(s.cb_accuracy, 84)
end)

T.test("cbm summary lines: percentages and marks as the other summaries give them", function()
  -- Right at 2 (2 marks), a third right at 1 (1/3 mark), wrong at 1 (0):
  -- accuracy 4/9 = 44.44%; average 7/9 = 0.78; the best fixed certainty for
  -- that accuracy is 1 (4/9 a question), so bonus 0.1 x (7/9 - 4/9) = 3.33%
  -- and certainty-based accuracy 44.44 + 3.33 = 47.78%.  Marks 7/3 of 9.
  local items = { { fraction = 1, mark = 2, weight = 1 }, { fraction = 1 / 3, mark = 1 / 3, weight = 1 },
                  { fraction = 0, mark = 0, weight = 1 } }
  local s = { settings = { pass = 50 } }
  T.eq(cbm.summary_lines(s, { cbm = cbm.summary(items), score = 7 / 3, max = 3, passed = false }), {
    "Accuracy: 44.44% — not passed (pass mark 50%).",
    "Certainty-based marks: 2.33 of a possible 9; average 0.78 a question, bonus 3.33%, " ..
    "certainty-based accuracy 47.78%." })
  -- Whole figures stay whole: the reference's ten-item example.
  items = {}
  for _ = 1, 6 do items[#items + 1] = { fraction = 1, mark = 3, weight = 1 } end
  for _ = 1, 2 do items[#items + 1] = { fraction = 1, mark = 2, weight = 1 } end
  items[#items + 1] = { fraction = 0, mark = -6, weight = 1 }
  items[#items + 1] = { fraction = 0, mark = 0, weight = 1 }
  T.eq(cbm.summary_lines({ settings = { pass = 70 } },
         { cbm = cbm.summary(items), score = 16, max = 10, passed = true }), {
    "Accuracy: 80% — passed (pass mark 70%).",
    "Certainty-based marks: 16 of a possible 30; average 1.6 a question, bonus 4%, " ..
    "certainty-based accuracy 84%." })
end)

-- ---- modes as plug-ins: the registry, every mode run, a mode of a test's own --

local contracts = require("contracts")
local json = require("json")
local modes = require("modes")
local report = require("report")
local session = require("session")

local function fixture(name)
  local q = T.quiz("tests/e2e/fixtures/engine/" .. name)
  q.settings.shuffle = false
  return q
end

local function texts(blocks)
  local out = {}
  for _, b in ipairs(blocks) do out[#out + 1] = b.text or "" end
  return table.concat(out, "\n")
end

-- Take the attempt to its end as a front end would: the first question
-- answered (tnm-letters, right: 1D 2A 3B), every other one skipped, certainty 2
-- where asked, Enter at a pause.  Every view on the way must be made of
-- documented blocks.
local function run_through(s)
  local n = 0
  while true do
    local p = session.prompt(s)
    if not p then break end
    T.eq(contracts.view_fault(p.blocks), nil, s.mode.name .. " prompt view")
    local line = s.phase == "certainty" and "2" or s.phase == "pause" and "" or
      (s.pos == 1 and "1D 2A 3B" or "s")
    T.eq(contracts.view_fault(session.feed(s, line)), nil, s.mode.name .. " feedback view")
    n = n + 1
    T.ok(n < 100, "the attempt ends")
  end
end

T.test("modes: every registered mode keeps its contract and runs an attempt to its result",
       function()
  T.eq(modes.NAMES, { "practice", "exam", "adaptive", "cbm" })
  -- Every mode built in is registered (a new modes/NAME.lua needs no list).
  T.eq(host.modules("modes."), { "modes.adaptive", "modes.cbm", "modes.exam", "modes.practice" })
  T.eq(host.modules("types.single"), { "types.single" })
  T.eq(host.modules("no such prefix"), {})
  T.eq(modes.list_text(), "practice, exam, adaptive or cbm")
  T.eq(modes.usage_text(), "practice|exam|adaptive|cbm")
  for _, name in ipairs(modes.NAMES) do
    local m = modes.get(name)
    T.eq(m, require("modes." .. name))
    contracts.check_mode(name, m)
    local s = session.new(fixture("staging-and-sites.yaml"), { seed = 1, mode = name })
    T.eq(type(report.mode_intro(s)), "string", name .. " intro")
    run_through(s)
    T.eq(session.status(s.items[1]), "answered", name)
    T.eq(session.status(s.items[2]), "skipped", name)
    local sum = report.summary(s)
    T.eq(contracts.view_fault(sum), nil, name .. " summary")
    local r = report.result(s)
    json.encode(r) -- must not raise
    -- One right of 15 points; cbm: certainty 2 earns 2 marks, a skip 0.
    T.eq({ r.mode, r.score, r.max, r.questions[1].correct },
         { name, name == "cbm" and 2 or 1, 15, true }, name)
  end
end)

T.test("modes: an unknown mode is refused by name, with the registered ones", function()
  T.eq(modes.known("fast"), false)
  T.eq(modes.known("cbm"), true)
  local ok, err = pcall(modes.get, "fast")
  T.eq(ok, false)
  T.ok(tostring(err):find("module 'modes.fast' not found", 1, true), tostring(err))
end)

-- A mode of the test's own: two tries, a right second try earns half, no
-- running score, its own lines in the feedback, the summary and the result.
-- Registered here, it needs no other file: the attempt, the views and the
-- result ask it, and never name it.
local second = {
  name = "second-chance", immediate = true, running_score = false,
  commands = { { key = "?", action = "help", says = "help" },
               { key = "s", action = "skip", says = "skip" } },
  certainty_help = "Say how sure you are.",
}
function second.tries() return 2 end
function second.asks_certainty() return false end
function second.grade(item)
  local last = item.steps[#item.steps]
  if not last or last.fraction < 1 then return 0 end
  return #item.steps == 1 and 1 or 0.5
end
function second.intro() return "Two tries a question: a right second try earns half." end
function second.retry_note(_, left) return ("%d more try."):format(left) end
function second.feedback_lines(_, item)
  return #item.steps == 2 and { "Second try used." } or {}
end
function second.summary_lines(_, tot) return { ("Marks: %s of %s."):format(tot.score, tot.max) } end
function second.result_fields(s)
  local used = 0
  for _, item in ipairs(s.items) do if #item.steps == 2 then used = used + 1 end end
  return { "second_tries" }, { second_tries = used }
end

T.test("modes: a mode registered by a test runs with no other file touched", function()
  modes.register(second)
  local ok, err = pcall(function()
    T.eq(modes.known("second-chance"), true)
    local s0 = session.new(fixture("staging-and-sites.yaml"), { seed = 1, mode = "adaptive" })
    T.eq(report.offers(s0, "hint"), true)
    T.eq(modes.list_text(), "practice, exam, adaptive, cbm or second-chance")
    -- A quiz may name it in its settings, as a bundled mode.
    local q = fixture("staging-and-sites.yaml")
    local s = session.new(q, { seed = 1, mode = "second-chance" })
    T.eq(report.mode_intro(s), "Two tries a question: a right second try earns half.")
    s.pos = s.byid["stage-t2-n1"].n
    local item = s.items[s.pos]
    T.eq(texts(session.feed(s, "?")), item.t.present(item.q, item.perm).how ..
         "\nCommands: ? help, s skip.")
    T.eq(report.offers(s, "hint"), false)
    T.eq(texts(session.feed(s, "h")), "No hint for this question.")
    T.eq(texts(session.feed(s, "IV")), "Not right yet.\nHint: M0 means there is no distant " ..
         "spread, so it is not stage IV.\n1 more try.")
    local out = session.feed(s, "IIB")
    T.eq(out[1], { kind = "verdict", ok = true, text = "Correct." })
    T.ok(texts(out):find("Second try used.", 1, true), texts(out))
    -- No running score in the next question's heading.
    T.eq(session.prompt(s).blocks[1].text, ("Question %d of 15"):format(s.pos))
    session.stop(s)
    T.eq(session.totals(s).score, 0.5)
    T.ok(texts(report.summary(s)):find("\nMarks: 0.5 of 15.\n", 1, true), texts(report.summary(s)))
    local r = report.result(s)
    T.eq({ r.mode, r.score, r.second_tries }, { "second-chance", 0.5, 1 })
    T.ok(json.encode(r):find('"safety":[],"second_tries":1}', 1, true), json.encode(r))
  end)
  modes.unregister("second-chance")
  T.eq(modes.known("second-chance"), false)
  if not ok then error(err, 0) end
end)

T.test("modes: a registered mode must keep the contract", function()
  local bad = {}
  for k, v in pairs(second) do bad[k] = v end
  bad.name, bad.commands = "bad", { { key = "help", action = "help", says = "help" } }
  local ok, err = pcall(modes.register, bad)
  T.eq(ok, false)
  T.ok(err:find("mode 'bad' breaks its contract: command 1 is not {key = one character, " ..
                "action, says}", 1, true), err)
  T.eq(modes.known("bad"), false)
end)
