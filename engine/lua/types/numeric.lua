-- types/numeric.lua: a number, within a tolerance.
-- Scoring: 0/1.  Right when |x - answer| <= tolerance, where tolerance is
-- `tolerance` (absolute), or `tolerance_pct` percent of |answer|, or 0;
-- a hair of slack (1e-9 x max(1, |answer|)) keeps 0.1 + 0.2 from missing
-- a boundary that is exact on paper.

local choice = require("types.choice")
local schema = require("schema")
local util = require("util")

local M = {}
M.fields = { "answer", "tolerance", "tolerance_pct", "unit" }

function M.validate(q, v)
  v:number(q, "answer", { required = true, unit = true })
  v:number(q, "tolerance", { min = 0, unit = true })
  v:number(q, "tolerance_pct", { min = 0 })
  if q.tolerance ~= nil and q.tolerance_pct ~= nil then
    v:error(q, "tolerance_pct", "give 'tolerance' or 'tolerance_pct', not both")
  end
  v:string(q, "unit")
end

function M.shuffle()
  return nil
end

local function with_unit(q, text)
  local u = q.unit
  if not u then return text end
  -- "70%" and "5 °C" read naturally; "5 mg" needs the space.
  return text .. (u:match("^%a") and " " or "") .. u
end

local function expect(q)
  -- No example number: one fixed example reads like a hint at the answer.
  return ("a number in figures%s; a decimal point or a comma both work"):format(
    q.unit and (" (in " .. q.unit .. ")") or "")
end

function M.present(q)
  return {
    prompt = q.prompt,
    blocks = {},
    how = "Type " .. expect(q) .. ".",
    input = "numeric",
  }
end

local function parse(q, input)
  if math.type(input) then return input end
  if type(input) ~= "string" or #input > 64 then return nil, "type " .. expect(q) end
  local s = util.trim(input)
  local u = q.unit and util.trim(q.unit):lower()
  if u and u ~= "" and #s > #u and s:sub(-#u):lower() == u then
    s = util.trim(s:sub(1, -#u - 1))
  end
  local x = schema.to_number(s)
  if not x then return nil, "type " .. expect(q) end
  return x
end
M.parse = choice.sentences(parse)

function M.tolerance(q)
  if q.tolerance then return q.tolerance end
  if q.tolerance_pct then return math.abs(q.answer) * q.tolerance_pct / 100 end
  return 0
end

-- As tolerance(q) + 1e-9 * max(1, |answer|) >= |response - answer|,
-- written out without a call: the same comparisons (math.max(1, x) is x
-- only when 1 < x; math.abs(x) is -x only when x < 0).
function M.score(q, response)
  local answer = q.answer
  local size = answer < 0 and -answer or answer
  local tol = q.tolerance
  if not tol then
    local pct = q.tolerance_pct
    tol = pct and size * pct / 100 or 0
  end
  local d = response - answer
  if d < 0 then d = -d end
  return d <= tol + 1e-9 * (1 < size and size or 1) and 1 or 0
end

function M.explain(q)
  local answer = with_unit(q, util.fmt_num(q.answer))
  local tol = M.tolerance(q)
  if tol > 0 then
    answer = ("%s (anything from %s to %s counts)"):format(answer,
      with_unit(q, util.fmt_num(q.answer - tol)), with_unit(q, util.fmt_num(q.answer + tol)))
  end
  return { answer = answer, notes = {} }
end

function M.encode(_, response)
  return response
end

function M.show(q, response)
  return with_unit(q, util.fmt_num(response))
end

return M
