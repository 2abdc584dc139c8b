-- bench.lua: grading throughput.  For every question of the given quizzes,
-- parse one answer (the first option, or a typical value) and score it
-- many times; the baseline is the same loop calling an empty function.
local files = ...
local cli = require("cli")
local session = require("session")

local SAMPLE = { single = "A", multiple = "A C", truefalse = "true", matching = "1A 2B",
  ordering = nil, numeric = "1", text = "x", cloze = "1A", matrix = "1A", staging = "IIB",
  teachback = "I would call my team now, because it protects my bones and I tell the dentist." }

local cases, tbcases = {}, {}
for _, path in ipairs(files) do
  local s = cli.start(path, { seed = 1 })
  for _, item in ipairs(s.items) do
    local input = SAMPLE[item.q.type]
    if item.q.type == "ordering" then
      local labels = {}
      for i = #item.q.items, 1, -1 do labels[#labels + 1] = string.char(64 + i) end
      input = table.concat(labels, " ")
    end
    local r = input and item.t.parse(item.q, input, nil)
    if r ~= nil then
      local list = item.q.type == "teachback" and tbcases or cases
      list[#list + 1] = { t = item.t, q = item.q, r = r }
    end
  end
end

local ROUNDS = 2000
local clock = host.clock
local function loop(list, rounds, fn)
  local t0 = clock()
  local n = 0
  for _ = 1, rounds do
    for _, c in ipairs(list) do fn(c.q, c.r, c.t); n = n + 1 end
  end
  return n, clock() - t0
end
local n, secs = loop(cases, ROUNDS, function(q, r, t) return t.score(q, r) end)
local bn, bsecs = loop(cases, ROUNDS, function() end)
-- Teach-back answers are read word by word against every phrase: apart.
local tn, tsecs = loop(tbcases, ROUNDS // 20, function(q, r, t) return t.score(q, r) end)
local _ = session
return n, secs, bn, bsecs, tn, tsecs
