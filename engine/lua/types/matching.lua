-- types/matching.lua: match each left-hand item (a row) to a right-hand
-- one; `distractors` are extra right-hand items that match nothing.
-- Scoring: 0/1 per row; the fraction is rows right / rows.
--
-- Right-hand items are indexed as the file lists them: the pairs' rights
-- in order, then the distractors.  They are always shown scrambled, even
-- with shuffle off: listed in pair order they would read 1A 2B 3C.

local choice = require("types.choice")
local schema = require("schema")
local util = require("util")

local M = {}
M.fields = { "pairs", "distractors" }

local PAIR_FIELDS = schema.set { "left", "right" }

local function rights(q)
  local out = {}
  for i, p in ipairs(q.pairs) do out[i] = p.right end
  for _, d in ipairs(q.distractors or {}) do out[#out + 1] = d end
  return out
end

function M.validate(q, v)
  local pairs_ = v:list(q, "pairs", { required = true, min = 2, item = "pair", items = "pairs" })
  local seen = {}
  local function unique(node, key, what)
    local text = node[key]
    if type(text) ~= "string" then return end
    if seen[text] then
      v:error(node, key, "right-hand text '%s' is used twice (also in %s); each must differ",
              text, seen[text])
    else
      seen[text] = what
    end
  end
  for i in ipairs(pairs_ or {}) do
    local p = v:entry_map(pairs_, i, "pair")
    if p then
      v:fields(p, PAIR_FIELDS, ("pair %d"):format(i))
      v:string(p, "left", { required = true })
      if v:string(p, "right", { required = true }) then unique(p, "right", "pair " .. i) end
    end
  end
  local ds = v:list(q, "distractors")
  for i in ipairs(ds or {}) do
    if v:string(ds, i) then unique(ds, i, "distractor " .. i) end
  end
end

function M.shuffle(q, rng)
  return choice.scrambled(#rights(q), rng)
end

local function example(nrows)
  return nrows >= 3 and "1B 2A 3C" or "1B 2A"
end

function M.present(q, perm)
  local lefts = {}
  for r, p in ipairs(q.pairs) do lefts[r] = { label = tostring(r), text = p.left } end
  return {
    prompt = q.prompt,
    blocks = {
      { title = "Match each of these", items = lefts },
      { title = "with one of these", items = choice.items(rights(q), perm) },
    },
    how = ("Type each number with the letter it matches, for example %s."):format(
      example(#q.pairs)),
    input = "matching",
  }
end

local function parse(q, input, perm)
  local n = #rights(q)
  local rows, why = choice.rows(input, {
    single = true, rows = #q.pairs, noun = "row", example = example(#q.pairs),
    width = function() return n end,
  })
  if not rows then return nil, why end
  local out = {}
  for r = 1, #q.pairs do
    local labels = rows[r] or {}
    if #labels > 1 then
      return nil, ("row %d takes one letter, not %d"):format(r, #labels)
    end
    if #labels == 1 then
      local i, msg = choice.resolve(labels[1], n, perm, "right-hand item")
      if not i then return nil, ("row %d: %s"):format(r, msg) end
      out[r] = i
    end
  end
  return out
end
M.parse = choice.sentences(parse)

-- NCSBN's 0/1 rule over rows: the share of rows right, and each row's
-- part (a loop of its own, not a closure per response).
function M.score(q, response)
  local n, parts, got = #q.pairs, {}, 0
  for r = 1, n do
    local p = response[r] == r and 1 or 0
    parts[r] = p
    got = got + p
  end
  return got / n, parts
end

function M.explain(q, response)
  local rs = rights(q)
  local notes = {}
  for r, p in ipairs(q.pairs) do
    local got = response and response[r]
    if response and got ~= r then
      notes[#notes + 1] = got
        and { mark = "wrong", text = ("%s → %s (right: %s)"):format(p.left, rs[got], p.right) }
        or { mark = "missed", text = ("%s → not answered (right: %s)"):format(p.left, p.right) }
    end
  end
  local answer = table.concat(util.map(q.pairs, function(p)
    return p.left .. " → " .. p.right
  end), "; ")
  return { answer = answer, notes = notes }
end

function M.encode(q, response)
  return choice.encode_rows(#q.pairs, function(r)
    return response[r] and util.label(response[r])
  end)
end

function M.show(q, response)
  local rs = rights(q)
  return choice.join_rows(#q.pairs, function(r) return response[r] and rs[response[r]] end)
end

return M
