-- util.lua: small helpers shared by the engine's Lua (lists, labels, text).

local M = {}

M.null = host and host.null

-- A module loaded when first used, not when its user is: requiring NAME
-- where a command may never need it (lint for run, records for --no-save).
function M.lazy(name)
  return setmetatable({}, { __index = function(proxy, key)
    local m = require(name)
    setmetatable(proxy, { __index = m })
    return m[key]
  end })
end

function M.is_null(v)
  return v == nil or (M.null ~= nil and v == M.null)
end

-- A YAML sequence arrives as a table with keys 1..n and nothing else.
function M.is_list(t)
  if type(t) ~= "table" then return false end
  local n = 0
  for k in pairs(t) do
    if math.type(k) ~= "integer" or k < 1 then return false end
    n = n + 1
  end
  return n == #t
end

function M.is_map(t)
  if type(t) ~= "table" then return false end
  if next(t) == nil then return true end
  return not M.is_list(t)
end

-- s without the white space (%s) at its ends.  Not gsub("%s+$", ""),
-- which tries a match at every space of the text: a paragraph's trim cost
-- some thousands of instructions where this looks at its two ends.
function M.trim(s)
  local i = s:find("%S")
  if not i then return "" end
  local j = #s
  local b = s:byte(j)
  while b == 32 or (b >= 9 and b <= 13) do
    j = j - 1
    b = s:byte(j)
  end
  return s:sub(i, j)
end

function M.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) then return a < b end
    return type(a) == "number"
  end)
  return keys
end

function M.map(list, fn)
  local out = {}
  for i, v in ipairs(list) do out[i] = fn(v, i) end
  return out
end

function M.copy(t)
  if type(t) ~= "table" then return t end
  local out = {}
  for k, v in pairs(t) do out[k] = M.copy(v) end
  return out
end

-- Labels: A..Z, then AA, AB, ...
function M.label(i)
  local s = ""
  repeat
    i = i - 1
    s = string.char(65 + i % 26) .. s
    i = i // 26
  until i == 0
  return s
end

-- "b" or "B" -> 2; nil when not a label.
function M.label_index(s)
  if type(s) ~= "string" or not s:match("^%a%a?$") then return nil end
  s = s:upper()
  local n = 0
  for i = 1, #s do n = n * 26 + (s:byte(i) - 64) end
  return n
end

function M.levenshtein(a, b)
  if #a > 64 or #b > 64 then return math.huge end
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

-- The closest name in a set, when it is close enough to be a typo (at
-- most 2 edits, so a name whose length differs by more is not measured).
function M.did_you_mean(name, names)
  local best, bestd
  for _, cand in ipairs(names) do
    local d = math.abs(#name - #cand) > 2 and math.huge or
              M.levenshtein(name:lower(), cand:lower())
    if d < (bestd or math.huge) then best, bestd = cand, d end
  end
  if best and bestd <= math.max(1, math.min(2, #name // 3)) then return best end
  return nil
end

function M.plural(n, one, many)
  return n == 1 and ("1 " .. one) or (n .. " " .. (many or one .. "s"))
end

-- Round for display and JSON: at most 4 decimals, integers stay integers.
function M.round(x)
  if math.type(x) == "integer" then return x end
  local r = math.floor(x * 10000 + 0.5) / 10000
  if r == math.floor(r) and math.abs(r) < 2^53 then return math.tointeger(r) end
  return r
end

function M.fmt_num(x)
  x = M.round(x)
  if math.type(x) == "integer" then return tostring(x) end
  local s = string.format("%.4f", x):gsub("0+$", ""):gsub("%.$", "")
  return s
end

-- Numbers people read: at most two decimals (the JSON keeps four).
function M.num(x)
  return M.fmt_num(math.floor(x * 100 + 0.5) / 100)
end

-- Marks are sums of fractions (partial credit, 1/3 + 1/3 + 1/3), so a
-- whole mark can come out a hair under 1.  These two are the one place that
-- says how near counts: right is 1 give or take rounding, some credit is
-- more than rounding above 0.
M.EPSILON = 1e-9
function M.is_right(fraction) return fraction >= 1 - M.EPSILON end
function M.has_credit(fraction) return fraction > M.EPSILON end

return M
