-- itemsql.lua: item analysis and mastery from sums the store computes
-- where the responses are, when its back end can (PostgreSQL: the named
-- queries of store_pg.c), so a report over a million stored responses
-- moves a few rows per question instead of every response.  The figures
-- are itemstats.lua's, from the same formulas (itemstats.from_sums);
-- tests/pg compares them with the computation from plain rows.

local itemstats = require("itemstats")
local json = require("json")

local M = {}

function M.available(db)
  return db:named("item_sums") ~= nil
end

-- items as itemstats takes them; site nil for every site.  Returns the
-- result of itemstats.analyse plus mastery, topics in the order first met.
function M.analyse(db, quiz_id, items, site)
  local list = {}
  for i, it in ipairs(items) do
    list[i] = json.object({ "id", "max", "pos" }, { id = it.id, max = it.max, pos = i })
  end
  local spec = json.encode(json.array(list))
  local function rows(name) return db:rows(db:named(name), quiz_id, spec, site) end
  local sums, choices = {}, {}
  for _, r in ipairs(rows("item_sums")) do sums[r.id] = r end
  for _, r in ipairs(rows("choices")) do
    choices[r.id] = choices[r.id] or {}
    choices[r.id][r.label] = { n = r.n, up = r.upper, low = r.lower }
  end
  local totals = {}
  for i, r in ipairs(rows("totals")) do totals[i] = r.t end
  local res = itemstats.from_sums(items, sums, choices, totals)
  local mastery = {}
  for i, r in ipairs(rows("mastery")) do
    mastery[i] = { topic = r.topic, score = r.score, max = r.max,
                   percent = r.max > 0 and 100 * r.score / r.max or nil }
  end
  res.mastery = mastery
  return res
end

return M
