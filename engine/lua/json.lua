-- json.lua: a small JSON encoder for results.  Objects made with
-- json.object keep their keys in the order given, so output is stable and
-- tests can compare it byte for byte; other tables are arrays (keys 1..n)
-- or objects with sorted keys.

local util = require("util")

local M = {}
local ORDER = {}

function M.object(keys, values)
  return setmetatable(values or {}, { [ORDER] = keys })
end

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
    if mt and mt[ORDER] then
      object_out(v, mt[ORDER], out)
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

function M.encode(v)
  local out = {}
  encode(v, out)
  return table.concat(out)
end

-- An empty list that encodes as [] rather than {}.
function M.array(t)
  return setmetatable(t or {}, { array = true })
end

return M
