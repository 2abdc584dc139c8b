-- types/ordering.lua: put the items in the right order; the file lists
-- them in that order.
-- Scoring (`scoring:`):
--   all-or-nothing (default): 1 only for the exact order
--   pairs: the share of the n - 1 adjacent pairs of the right order that
--          stand next to each other, in that order, in the response
--          (right ABCD, response BACD: only C-D kept -> 1/3)

local choice = require("types.choice")
local json = require("json")
local util = require("util")

local M = {}
M.fields = { "items", "scoring" }
M.SCORING = { "all-or-nothing", "pairs" }

function M.validate(q, v)
  local items = v:list(q, "items", { required = true, min = 2, item = "item", items = "items" })
  local seen = {}
  for i in ipairs(items or {}) do
    local text = v:string(items, i)
    if text then
      -- Two items with the same words could not be told apart on screen.
      if seen[text] then
        v:error(items, i, "item %d repeats item %d; every item must differ", i, seen[text])
      else
        seen[text] = i
      end
    end
  end
  v:oneof(q, "scoring", M.SCORING, "all-or-nothing")
end

-- Always scrambled, whatever the quiz's shuffle setting: the listed order
-- is the answer.
function M.shuffle(q, rng)
  return choice.scrambled(#q.items, rng)
end

function M.present(q, perm)
  local n = #q.items
  local letters = {}
  for pos = 1, math.min(n, 4) do letters[pos] = util.label(pos) end
  return {
    prompt = q.prompt,
    blocks = { { items = choice.items(q.items, perm) } },
    -- The example is the order shown, which is never the right one.
    how = ("Type the letters in the right order, first to last, for example %s%s."):format(
      table.concat(letters, " "), n > 4 and " ..." or ""),
    input = "ordering",
  }
end

local function parse(q, input, perm)
  local n = #q.items
  local labels, why = choice.labels(input, n)
  if not labels then
    return nil, why or ("type the letters in order, for example %s"):format(choice.range(n))
  end
  local out = {}
  for k, label in ipairs(labels) do
    local i, msg = choice.resolve(label, n, perm, "item")
    if not i then return nil, msg end
    out[k] = i
  end
  local twice = choice.repeated(out, labels)
  if twice then return nil, ("item %s is given twice"):format(twice:upper()) end
  if #out < n then
    local given, missing = {}, {}
    for _, i in ipairs(out) do given[i] = true end
    local inv = choice.inverse(perm, n)
    for i = 1, n do
      if not given[i] then missing[#missing + 1] = util.label(inv[i]) end
    end
    table.sort(missing)
    return nil, ("put all %d items in order; missing: %s"):format(n, table.concat(missing, ", "))
  end
  return out
end
M.parse = choice.sentences(parse)

-- A pair i, i + 1 is kept when i stands at some place k of the response
-- and i + 1 at k + 1; parse gives each item at most once, so each pair
-- is counted at most once, walking the response without a table.
function M.score(q, response)
  local n = #q.items
  local kept = 0
  local i = response[1]
  for k = 2, #response do
    local j = response[k]
    if j == i + 1 and i >= 1 and i < n then kept = kept + 1 end
    i = j
  end
  if (q.scoring or "all-or-nothing") == "pairs" then
    return kept / (n - 1)
  end
  return (kept == n - 1 and #response == n) and 1 or 0
end

local function numbered(texts)
  local out = {}
  for k, t in ipairs(texts) do out[k] = ("%d. %s"):format(k, t) end
  return table.concat(out, "; ")
end

function M.explain(q, response)
  local notes = {}
  for k, i in ipairs(response or {}) do
    if i ~= k then
      notes[#notes + 1] = { mark = "wrong", text = ("Step %d: %s (right: %s)"):format(
        k, q.items[i], q.items[k]) }
    end
  end
  return { answer = numbered(q.items), notes = notes }
end

function M.encode(_, response)
  return json.array(util.map(response, util.label))
end

function M.show(q, response)
  return numbered(util.map(response, function(i) return q.items[i] end))
end

return M
