-- Attempts: seeded order, draws, and the totals the result reports.
local T = ...
local material = require("material")
local quiz_mod = require("quiz")
local session = require("session")

local FIX = "tests/e2e/fixtures/engine/"
local indexes = {}
local function load(name)
  local q, v = quiz_mod.load(FIX .. name, function(dir)
    indexes[dir] = indexes[dir] or material.load_dir(dir)
    return indexes[dir]
  end)
  T.eq(v.errors, 0, "fixture checks clean")
  return q
end

local function order(s)
  local ids = {}
  for i, item in ipairs(s.items) do ids[i] = item.q.id end
  return ids
end

T.test("session: the same seed gives the same order; another seed another", function()
  local q = load("staging-and-sites.yaml")
  local a = order(session.new(q, { seed = 5 }))
  local b = order(session.new(q, { seed = 5 }))
  local c = order(session.new(q, { seed = 6 }))
  T.eq(a, b)
  T.ok(table.concat(a, " ") ~= table.concat(c, " "), "seed 6 differs from seed 5")
  T.eq(#a, 15)
end)

T.test("session: without shuffle the file order stays", function()
  local q = load("staging-and-sites.yaml")
  q.settings.shuffle = false
  local ids = order(session.new(q, { seed = 9 }))
  T.eq(ids[1], "tnm-letters")
  T.eq(ids[15], "de-novo-or-recurrent")
end)

T.test("session: draw takes N questions; by topic takes one per topic first", function()
  local q = load("staging-and-sites.yaml")
  q.settings.draw = 7
  q.settings.draw_by_topic = true
  local s = session.new(q, { seed = 3 })
  T.eq(#s.items, 7)
  local topics = {}
  for _, item in ipairs(s.items) do topics[item.q.topic] = true end
  -- the fixture has 7 topics: one question from each
  local n = 0
  for _ in pairs(topics) do n = n + 1 end
  T.eq(n, 7)
end)

T.test("session: the script question draws its case from the seed", function()
  local q = load("staging-and-sites.yaml")
  local s1 = session.new(q, { seed = 1 })
  local case = s1.byid["stage-generated"].q.case
  T.eq({ case.t, case.n, case.m }, { "T1", "N0", "M0" })
  local again = session.new(q, { seed = 1 }).byid["stage-generated"].q.case
  T.eq({ again.t, again.n, again.m }, { "T1", "N0", "M0" })
end)

T.test("session: totals and pass mark from recorded steps", function()
  local q = load("bone-basics.yaml")
  local s = session.new(q, { seed = 1 })
  local item = s.byid["most-common-site"]
  session.record(s, item, "A", item.t.parse(item.q, "A", nil))       -- right
  local tf = s.byid["still-breast-cancer"]
  session.record(s, tf, "true", tf.t.parse(tf.q, "true", nil))      -- wrong
  local tot = session.totals(s)
  T.eq({ tot.score, tot.max, tot.percent, tot.passed }, { 1, 8, 12.5, false })
  T.eq(tot.topics.sites, { score = 1, max = 1 })
  T.eq(tot.topics.basics, { score = 0, max = 1 })
end)
