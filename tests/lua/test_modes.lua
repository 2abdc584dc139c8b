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
