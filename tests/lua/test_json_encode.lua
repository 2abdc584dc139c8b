-- json.encode (host.json_encode, engine/json.c): the JSON text the Lua
-- encoder it replaces wrote, byte for byte (the differential tests), for
-- results, made-up values and every byte in a string.
local T = ...
local json = require("json")
local util = require("util")

-- The Lua encoder before (json.lua), for the differential tests.  An
-- object's metatable holds its keys under json.lua's own key, a table.
local function order_of(t)
  local mt = getmetatable(t)
  local key = mt and next(mt)
  return type(key) == "table" and mt[key] or nil
end
local object = json.object
local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function string_out(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end
local function number_out(n)
  if n ~= n or n == math.huge or n == -math.huge then return "null" end
  return util.fmt_num(n)
end
local encode
local function object_out(t, keys, out)
  out[#out + 1] = "{"
  local first = true
  for _, k in ipairs(keys) do
    local v = t[k]
    if v ~= nil then
      if not first then out[#out + 1] = "," end
      first = false
      out[#out + 1] = string_out(tostring(k))
      out[#out + 1] = ":"
      encode(v, out)
    end
  end
  out[#out + 1] = "}"
end
function encode(v, out)
  local t = type(v)
  if util.is_null(v) then out[#out + 1] = "null"
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  elseif t == "number" then out[#out + 1] = number_out(v)
  elseif t == "string" then out[#out + 1] = string_out(v)
  elseif t == "table" then
    local mt = getmetatable(v)
    if order_of(v) then
      object_out(v, order_of(v), out)
    elseif next(v) ~= nil and util.is_list(v) then
      out[#out + 1] = "["
      for i, x in ipairs(v) do
        if i > 1 then out[#out + 1] = "," end
        encode(x, out)
      end
      out[#out + 1] = "]"
    elseif next(v) == nil and mt and mt.array then
      out[#out + 1] = "[]"
    else
      object_out(v, util.sorted_keys(v), out)
    end
  else
    error("json: cannot encode a " .. t)
  end
end
local function by_lua(v)
  local out = {}
  encode(v, out)
  return table.concat(out)
end

T.test("json_encode: values written as before", function()
  T.eq(json.encode(nil), "null")
  T.eq(json.encode(util.null), "null")
  T.eq(json.encode(true), "true")
  T.eq(json.encode(false), "false")
  T.eq(json.encode(3), "3")
  T.eq(json.encode(-7), "-7")
  T.eq(json.encode(2.5), "2.5")
  T.eq(json.encode(1 / 3), "0.3333")
  T.eq(json.encode(2 / 3), "0.6667")
  T.eq(json.encode(0.99999), "1")              -- rounded to an integer
  T.eq(json.encode(-0.0), "0")
  T.eq(json.encode(0 / 0), "null")
  T.eq(json.encode(math.huge), "null")
  T.eq(json.encode(-math.huge), "null")
  T.eq(json.encode(2 ^ 60), "1152921504606846976")  -- a float past 2^53: %.4f
  T.eq(json.encode(math.mininteger), tostring(math.mininteger))
  T.eq(json.encode(math.maxinteger), "9223372036854775807")  -- integers without snprintf
  T.eq(json.encode(0), "0")
  T.eq(json.encode(10), "10")
  T.eq(json.encode(-2.00001), "-2")             -- a float rounded to a negative integer
  T.eq(json.encode(2 ^ 40), "1099511627776")   -- a float that is an integer
  T.eq(json.encode({ [-10] = 1 }), '{"-10":1}')  -- a key not a string: tostring(key)
  T.eq(json.encode("a\"b\\c\n\t\0\127\1"), '"a\\"b\\\\c\\n\\t\\u0000\\u007f\\u0001"')
  T.eq(json.encode("caf\195\169"), '"caf\195\169"')  -- bytes past ASCII as they are
  T.eq(json.encode({}), "{}")
  T.eq(json.encode(json.array()), "[]")
  T.eq(json.encode({ 1, "a", true }), '[1,"a",true]')
  T.eq(json.encode({ b = 1, a = 2, [3] = 4 }), '{"3":4,"a":2,"b":1}')
  T.eq(json.encode({ [1] = "x", [3] = "y" }), '{"1":"x","3":"y"}')  -- a hole: no array
  T.eq(json.encode(json.object({ "z", "gone", "a" }, { z = 1, a = { 2 } })), '{"z":1,"a":[2]}')
  T.eq(json.encode(json.object({ "f" }, { f = false })), '{"f":false}')
end)

T.test("json_encode: what cannot be written is an error", function()
  T.ok(not pcall(json.encode, function() end))
  T.ok(not pcall(json.encode, { f = function() end }))
  local loop = {}
  loop[1] = loop
  T.ok(not pcall(json.encode, loop))              -- a table that holds itself
  T.ok(not pcall(host.json_encode, {}, "no order", util.null, util.sorted_keys))
end)

-- Random values of every kind, nested; objects with keys in an order.
local function random_value(rng, depth)
  local kind = rng:int(1, depth > 3 and 5 or 9)
  if kind == 1 then return nil end
  if kind == 2 then return rng:int(1, 2) == 1 end
  if kind == 3 then
    local pick = rng:int(1, 6)
    if pick == 1 then return rng:int(-1000, 1000) end
    if pick == 2 then return rng:int(-100000, 100000) / rng:int(1, 999) end
    if pick == 3 then return rng:int(0, 10) / 3 end
    if pick == 4 then return (rng:int(1, 3) == 1 and -1 or 1) * 2 ^ rng:int(40, 70) end
    if pick == 5 then return rng:int(0, 99999) / 100000 end
    return 0.00005 * rng:int(-3, 3)
  end
  if kind == 4 or kind == 5 then
    local parts = {}
    for i = 1, rng:int(0, 8) do parts[i] = string.char(rng:int(0, 255)) end
    return table.concat(parts)
  end
  if kind == 6 then return util.null end
  if kind == 7 then
    local t = {}
    for i = 1, rng:int(0, 4) do t[i] = random_value(rng, depth + 1) end
    if #t == 0 and rng:int(1, 2) == 1 then return json.array(t) end
    return t
  end
  if kind == 8 then
    local keys, values = {}, {}
    for i = 1, rng:int(0, 4) do
      keys[i] = ("k%d"):format(rng:int(1, 6))
      values[keys[i]] = random_value(rng, depth + 1)
    end
    return object(keys, values)
  end
  local t = {}
  for _ = 1, rng:int(0, 4) do
    local key = rng:int(1, 2) == 1 and rng:int(1, 5) or ("m" .. rng:int(1, 9))
    t[key] = random_value(rng, depth + 1)
  end
  return t
end

T.test("json_encode: the same text as the Lua encoder for 5,000 random values", function()
  local rng = T.rng(15)
  for i = 1, 5000 do
    local v = random_value(rng, 0)
    T.eq(json.encode(v), by_lua(v), ("value %d"):format(i))
  end
end)

T.test("json_encode: every byte in a string, and a long text", function()
  for b = 0, 255 do
    local s = "x" .. string.char(b) .. "y"
    T.eq(json.encode(s), by_lua(s), ("byte %d"):format(b))
  end
  local long = {}
  for i = 1, 20000 do long[i] = { i, "line\n" .. i, i / 7 } end
  T.eq(json.encode(long), by_lua(long))
end)

T.test("json_encode: a graded attempt's result, as before", function()
  local answers = require("answers")
  local session = require("session")
  local q = T.quiz("tests/interop/quiz/all-types.yaml")
  for _, seed in ipairs({ 1, 2, 3 }) do
    local s = session.new(q, { seed = seed })
    local data, where = host.read_yaml("tests/interop/quiz/all-types.answers.yaml")
    T.eq(answers.apply(s, data, where, "answers.yaml").errors, 0)
    local r = session.result(s)
    T.eq(json.encode(r), by_lua(r), ("seed %d"):format(seed))
    T.ok(#json.encode(r) > 2000, "a whole result")
  end
end)
