-- bench_interop.lua: exports and the GIFT reader.  Exports every given
-- quiz to every format (the quizzes loaded once, as a batch export would)
-- and reads a GIFT file of about 1 MiB made from the GIFT exports of the
-- same quizzes, which scripts/bench also gives to gift-pegjs.
-- Returns the lines to print.
local files, gift_path = ...
local quiz_mod = require("quiz")
local material = require("material")
local clock = host.clock

local indexes = {}
local function index_for(dir)
  if not indexes[dir] then indexes[dir] = material.load_dir(dir) end
  return indexes[dir]
end

local quizzes = {}
for _, path in ipairs(files) do
  local q, v = quiz_mod.load(path, index_for)
  if q and v.errors == 0 then quizzes[#quizzes + 1] = q end
end

local FORMATS = { "gift", "moodlexml", "qti", "fhir", "handout" }
local function median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

local out = {}
local per, total_times = {}, {}
for round = 1, 7 do
  local total = 0
  for _, f in ipairs(FORMATS) do
    local m = require("formats." .. f)
    local t0 = clock()
    for _, q in ipairs(quizzes) do m.export(q, { key = true }) end
    local dt = clock() - t0
    per[f] = per[f] or {}
    per[f][round] = dt
    total = total + dt
  end
  total_times[round] = total
end
out[#out + 1] = ("%-44s %10.1f ms   (%d quizzes x %d formats, median of 7)"):format(
  "export of the whole set, every format", median(total_times) * 1000, #quizzes, #FORMATS)
for _, f in ipairs(FORMATS) do
  out[#out + 1] = ("  %-42s %10.1f ms"):format(f, median(per[f]) * 1000)
end

-- About 1 MiB of GIFT: the set's GIFT exports, repeated with new titles.
local gift = require("formats.gift")
local one = {}
for _, q in ipairs(quizzes) do one[#one + 1] = (gift.export(q)) end
one = table.concat(one, "\n")
local parts, size, n = {}, 0, 0
while size < 1024 * 1024 do
  n = n + 1
  local copy = one:gsub("\n::", "\n::r" .. n .. "-")
  parts[#parts + 1] = copy
  size = size + #copy
end
local src = table.concat(parts)
assert(host.write_file(gift_path, src))
local yamlout = require("formats.yamlout")
local tp, ti, ty = {}, {}, {}
local count
for round = 1, 5 do
  local t0 = clock()
  local recs = assert(gift.parse(src, gift_path))
  local t1 = clock()
  local quiz = gift.to_quiz(recs, gift_path)
  local t2 = clock()
  yamlout.document(quiz)
  local t3 = clock()
  tp[round], ti[round], ty[round] = t1 - t0, t2 - t1, t3 - t2
  count = #recs
end
out[#out + 1] = ("%-44s %10.1f ms   (%d KiB, %d records; parse %.1f, to quiz %.1f, YAML %.1f)")
  :format("GIFT import, in process", (median(tp) + median(ti) + median(ty)) * 1000, #src // 1024,
          count, median(tp) * 1000, median(ti) * 1000, median(ty) * 1000)
return table.concat(out, "\n") .. "\n"
