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

-- How a value is written (host.json_encode in engine/json.c walks it, in
-- one pass of C): nil and util.null are null; booleans as such; a number
-- as util.fmt_num writes it (at most four decimals), NaN and the
-- infinities null; a string between quotes with " \ and the control
-- characters escaped (\b \f \n \r \t by name, the others \u00XX); an
-- object made with M.object has the keys it was given, in their order,
-- those whose value is nil left out; a table with keys 1..n (n = #t) is
-- an array, an empty M.array []; any other table an object in
-- util.sorted_keys order.  Anything else (a function) is an error.
function M.encode(v)
  return host.json_encode(v, ORDER, util.null, util.sorted_keys)
end

-- An empty list that encodes as [] rather than {}.
function M.array(t)
  return setmetatable(t or {}, { array = true })
end

return M
