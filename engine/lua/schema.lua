-- schema.lua: the validator every check uses: positions, conversions, and
-- the messages `teachback check` prints.
--
-- YAML scalars arrive as strings.  A field is converted here, once, when the
-- schema knows what it should be, and the converted value is written back
-- into the node, so later code (scoring, views) sees booleans and numbers.
-- Values made by quiz scripts arrive already typed; both are accepted.
--
-- Positions come from the side table yaml.c fills (where[node]); a node a
-- script made has none and falls back to the question being checked.

local util = require("util")

local control_at = host.control_at
local null = util.null      -- what YAML's ~ and empty values are (util.is_null)

local M = {}
local V = {}
V.__index = V

-- A hostile file can hold a hundred thousand mistakes.  Each one still
-- counts, but only the first MAX_MESSAGES are kept to print, and only the
-- first MAX_SUGGESTIONS get a "did you mean" (each costs a string distance
-- against every name it could be).
M.MAX_MESSAGES = 100
M.MAX_SUGGESTIONS = 20

function M.new(file, where)
  return setmetatable({
    file = file, where = where or {}, items = {}, errors = 0, warnings = 0,
    fallback = nil, unshown = 0, suggestions = 0,
  }, V)
end

local function unpack_pos(p)
  return p >> 32, p & 0xffffffff
end

-- Positions (yaml.c): where[0] holds them packed, 8 bytes each, and
-- where[t] of a mapping or sequence t numbers t's own (info[1] // 2, a
-- mapping when odd), a mapping's keys (info[key], the value's one after)
-- and a sequence's values (info[n + 1]).  Positions made for text that is
-- not YAML (a sheet's rows) may still come the plain way, info = {pos = P,
-- v = {key = P}, k = {key = P}} with k for a mapping only: such an info
-- has no info[1].
local function line_col(where, i)
  local p = string.unpack("=i8", where[0], 8 * i + 1)
  return p >> 32, p & 0xffffffff
end

local function is_mapping_info(info)
  local tag = info[1]
  if tag == nil then return info.k ~= nil end
  return tag & 1 == 1
end

-- The number of the position of node[key] in info, or nil.
local function pos_of(info, key, which)
  if is_mapping_info(info) then
    local i = type(key) == "string" and info[key]
    if not i then return nil end
    return which == "k" and i or i + 1
  end
  if which == "k" or type(key) ~= "number" then return nil end
  local n = math.tointeger(key)
  return n and n >= 1 and info[n + 1] or nil
end

-- Line and column of node[key] (which = "v" value, "k" key) or of node.
function V:pos(node, key, which)
  local info = self.where[node]
  if info and info[1] == nil then       -- positions made the plain way
    local set = key ~= nil and info[which or "v"]
    if set and set[key] then return unpack_pos(set[key]) end
    return unpack_pos(info.pos)
  end
  if info then
    local i = key ~= nil and pos_of(info, key, which or "v")
    return line_col(self.where, i or info[1] >> 1)
  end
  if self.fallback and self.fallback ~= node then
    return self:pos(self.fallback)
  end
  return 1, 1
end

-- A message at a known line and column (of self.file, or of file).
function V:report_at(severity, line, col, msg, file)
  if #self.items < M.MAX_MESSAGES then
    self.items[#self.items + 1] = {
      file = file or self.file, line = line, col = col, severity = severity, message = msg,
    }
  else
    self.unshown = self.unshown + 1
  end
  if severity == "error" then self.errors = self.errors + 1
  else self.warnings = self.warnings + 1 end
end

function V:report(severity, node, key, which, msg)
  local line, col = self:pos(node, key, which)
  self:report_at(severity, line, col, msg)
end

-- The closest of names to name, while this file's budget of suggestions lasts.
function V:did_you_mean(name, names)
  if self.suggestions >= M.MAX_SUGGESTIONS then return nil end
  self.suggestions = self.suggestions + 1
  return util.did_you_mean(name, names)
end

function V:error(node, key, fmt, ...)
  self:report("error", node, key, "v", select("#", ...) > 0 and fmt:format(...) or fmt)
end

function V:warn(node, key, fmt, ...)
  self:report("warning", node, key, "v", select("#", ...) > 0 and fmt:format(...) or fmt)
end

-- Error at the key itself (unknown fields, duplicates).
function V:error_key(node, key, fmt, ...)
  self:report("error", node, key, "k", select("#", ...) > 0 and fmt:format(...) or fmt)
end

-- Sort by position so the output reads top to bottom.
function V:sorted()
  table.sort(self.items, function(a, b)
    if a.file ~= b.file then return a.file < b.file end
    if a.line ~= b.line then return a.line < b.line end
    if a.col ~= b.col then return a.col < b.col end
    return a.message < b.message
  end)
  return self.items
end

-- Control characters a message quotes from a file (an unknown key, a
-- heading) are shown as \xHH or \u00HH: a message must not drive the
-- terminal that prints it.
function M.show_controls(s)
  return (s:gsub("[%z\1-\31\127]", function(c) return ("\\x%02x"):format(c:byte()) end)
           :gsub("\194([\128-\159])", function(c) return ("\\u%04x"):format(c:byte()) end))
end

-- The line that ends a file's messages when more were found than kept.
function M.unshown_line(v)
  return M.show_controls(("%s: %s not shown (the first %d found are above)"):format(v.file,
    util.plural(v.unshown, "more message"), M.MAX_MESSAGES))
end

function M.format(item)
  return M.show_controls(string.format("%s:%d:%d: %s: %s", item.file, item.line, item.col,
                                       item.severity, item.message))
end

local function kind_of(v)
  if util.is_null(v) then return "nothing" end
  if type(v) == "table" then return util.is_list(v) and #v > 0 and "a list" or "a mapping" end
  if type(v) == "string" then return "text" end
  return "a " .. type(v)
end
M.kind_of = kind_of

local function missing(self, node, key, opts)
  if opts and opts.required then
    self:error(node, nil, "missing field '%s'%s", key,
               opts.what and (" (" .. opts.what .. ")") or "")
  end
  return nil
end

-- Text.  opts: required, nonempty (default true), max (bytes).  Text is
-- every field of a file: the usual case, a string, is tested first.
function V:string(node, key, opts)
  local v = node[key]
  local converted = false
  if type(v) ~= "string" then
    if v == nil or v == null then
      node[key] = nil
      return missing(self, node, key, opts)
    end
    if not math.type(v) then
      self:error(node, key, "'%s' must be text, found %s", key, kind_of(v))
      return nil
    end
    v, converted = tostring(v), true
  end
  -- An ESC in a prompt could rewrite the learner's screen or hide a
  -- safety message; only newlines and tabs are text: no C0 control but
  -- those two, no DEL, no C1 (U+0080-U+009F).  (host.control_at scans for
  -- them in C: every text of a file passes this test.)
  if control_at(v) then
    self:error(node, key, "'%s' contains a control character", key)
    return nil
  end
  if not opts or opts.nonempty ~= false then
    -- More than white space?  (Most texts start with a letter: one byte
    -- says so, without a pattern.)
    local b = v:byte(1)
    if not (b and b ~= 32 and (b < 9 or b > 13)) and not v:find("%S") then
      self:error(node, key, "'%s' is empty", key)
      return nil
    end
  end
  if opts and opts.max and #v > opts.max then
    self:error(node, key, "'%s' is longer than %d characters", key, opts.max)
    return nil
  end
  if converted then node[key] = v end
  return v
end

-- An id: lower-case letters, digits and dashes.
function V:id(node, key, opts)
  local v = self:string(node, key, opts)
  if v and (#v > 64 or not v:find("^[a-z0-9][a-z0-9-]*$")) then
    self:error(node, key, "'%s' must be lower-case letters, digits and dashes " ..
               "(at most 64), found '%s'", key, #v > 64 and v:sub(1, 64) .. "..." or v)
    return nil
  end
  return v
end

-- true or false.  YAML 1.1's yes/no/on/off are refused on purpose.
function V:bool(node, key, default)
  local v = node[key]
  if v == nil or v == null then
    node[key] = default
    return default
  end
  if v == "true" then node[key] = true return true end     -- as written, most often
  if v == "false" then node[key] = false return false end
  if type(v) == "boolean" then return v end
  if type(v) == "string" then
    local l = v:lower()
    if l == "true" then node[key] = true return true end
    if l == "false" then node[key] = false return false end
  end
  self:error(node, key, "'%s' must be true or false, found %s", key,
             type(v) == "string" and ("'" .. v .. "'") or kind_of(v))
  node[key] = default
  return default
end

-- Parse a decimal number written with a point or a comma; nil if not one.
function M.to_number(v)
  if math.type(v) then
    if math.abs(v) > 2^53 then return nil end
    return v
  end
  if type(v) ~= "string" or #v > 64 then return nil end
  local s = util.trim(v)
  -- "1,000" could be a thousand or one: refuse rather than guess.
  if s:match("^[+-]?%d%d?%d?,%d%d%d$") then return nil, "ambiguous" end
  if s:match("^[+-]?%d+,%d+$") then s = s:gsub(",", ".") end
  if not (s:match("^[+-]?%d+%.?%d*$") or s:match("^[+-]?%.%d+$") or
          s:match("^[+-]?%d+%.?%d*[eE][+-]?%d+$")) then
    return nil
  end
  local n = tonumber(s)
  -- Beyond 2^53 integers and floats part ways, and differences overflow.
  if not n or n ~= n then return nil end
  if math.abs(n) > 2^53 then return nil, "large" end
  return n
end

-- Why v is not a number, in an author's words.  unit: the field's
-- question has a `unit:` to point to.
local function not_a_number(v, why, unit)
  if why == "ambiguous" then return " written without a thousands separator" end
  if why == "large" then return " of at most 15 digits" end
  if type(v) == "string" and util.trim(v):match("^[+-]?%d[%d.,]*%s*[^%d%s.,]") then
    return " without its unit", unit and "; put the unit in 'unit:'" or ""
  end
  return ""
end

-- A number.  opts: required, default, min, max, gt (strictly greater), integer,
-- unit (the question has a 'unit:' field for "5 mg").
function V:number(node, key, opts)
  opts = opts or {}
  local v = node[key]
  if v == nil or v == null then
    node[key] = opts.default
    if opts.default == nil then return missing(self, node, key, opts) end
    return opts.default
  end
  local n, why = M.to_number(v)
  if not n then
    local middle, tail = not_a_number(v, why, opts.unit)
    self:error(node, key, "'%s' must be a number%s, found %s%s", key, middle,
               type(v) == "string" and ("'" .. v .. "'") or kind_of(v), tail or "")
    return nil
  end
  if opts.integer and math.type(n) ~= "integer" then
    if n == math.floor(n) and math.tointeger(n) then n = math.tointeger(n)
    else
      self:error(node, key, "'%s' must be a whole number, found %s", key, tostring(v))
      return nil
    end
  end
  if opts.gt and not (n > opts.gt) then
    self:error(node, key, "'%s' must be more than %s, found %s", key, opts.gt, tostring(v))
    return nil
  end
  if (opts.min and n < opts.min) or (opts.max and n > opts.max) then
    self:error(node, key, "'%s' must be between %s and %s, found %s", key,
               opts.min or "-inf", opts.max or "inf", tostring(v))
    return nil
  end
  node[key] = n
  return n
end

-- One of a fixed set of words.
function V:oneof(node, key, choices, default, opts)
  local v = node[key]
  if v == nil or v == null then
    node[key] = default
    if default == nil then return missing(self, node, key, opts) end
    return default
  end
  if type(v) == "string" then
    for _, c in ipairs(choices) do
      if v == c then return v end
    end
    local near = self:did_you_mean(v, choices)
    self:error(node, key, "'%s' must be one of %s, found '%s'%s", key,
               table.concat(choices, ", "), v, near and ("; did you mean '" .. near .. "'?") or "")
  else
    self:error(node, key, "'%s' must be one of %s, found %s", key,
               table.concat(choices, ", "), kind_of(v))
  end
  node[key] = default
  return nil
end

-- A YAML sequence.  opts: required, min (entries).
function V:list(node, key, opts)
  opts = opts or {}
  local v = node[key]
  if v == nil or v == null then
    node[key] = nil
    return missing(self, node, key, opts)
  end
  if type(v) ~= "table" or not util.is_list(v) or (next(v) == nil and self.where[v]
      and is_mapping_info(self.where[v])) then
    self:error(node, key, "'%s' must be a list, found %s", key, kind_of(v))
    return nil
  end
  if opts.min and #v < opts.min then
    self:error(node, key, "'%s' needs at least %s, found %d", key,
               util.plural(opts.min, opts.item or "entry", opts.items or "entries"), #v)
    return nil
  end
  return v
end

-- Is v a mapping?  An empty table is one unless YAML wrote it as [].
function V:is_mapping(v)
  if type(v) ~= "table" then return false end
  -- A first key that is text ends util.is_list's walk at once: not a list.
  local k = next(v)
  if k ~= nil and type(k) ~= "string" and util.is_list(v) then return false end
  local info = self.where[v]
  return not (info and not is_mapping_info(info))
end

-- A YAML mapping.  opts: required.
function V:map(node, key, opts)
  local v = node[key]
  if v == nil or v == null then
    node[key] = nil
    return missing(self, node, key, opts)
  end
  if not self:is_mapping(v) then
    self:error(node, key, "'%s' must be a mapping of fields, found %s", key, kind_of(v))
    return nil
  end
  return v
end

-- Is a list entry a mapping?  Reports at the entry when it is not.
function V:entry_map(list, i, what)
  local v = list[i]
  if not self:is_mapping(v) then
    self:error(list, i, "%s %d must be a mapping of fields, found %s", what, i, kind_of(v))
    return nil
  end
  return v
end

-- Unknown fields, with a "did you mean" for near misses.  what names the
-- node; with more arguments it is a format for them ("option %d", i), so
-- the name is written only when there is something to say.
function V:fields(node, allowed, what, ...)
  local unknown = false
  for key in pairs(node) do
    if not allowed[key] then unknown = true break end
  end
  if not unknown then return end          -- the usual case: nothing to sort or say
  if select("#", ...) > 0 then what = what:format(...) end
  local names = {}
  for name in pairs(allowed) do names[#names + 1] = name end
  table.sort(names)
  for _, key in ipairs(util.sorted_keys(node)) do
    if not allowed[key] then
      local near = type(key) == "string" and self:did_you_mean(key, names)
      self:error_key(node, key, "unknown field '%s' in %s%s", tostring(key), what,
                     near and ("; did you mean '" .. near .. "'?") or "")
    end
  end
end

-- A spec for host.shape (shape.c), which checks the usual, valid node's
-- fields in one call and converts them as the checks above would; when it
-- says no, the checks above run and say why.  allowed: the set of field
-- names (nil: not checked); fields: {name, kind, argument} in order, kind
-- one of text, id, bool, absent, texts, maps (see shape.c), argument true
-- for a required text, id or texts, the default of a bool or absent, the
-- entries' spec of maps (always required); min: the fewest entries of a
-- list of such nodes.
local KINDS = host.shape_kinds
local WRITES = { [KINDS.bool] = true, [KINDS.absent] = true, [KINDS.maps] = true }

local function shape_rules(allowed, fields, min)
  assert(#fields <= 62, "schema.shape: at most 62 fields")
  local spec = { allowed = allowed, min = min, index = {}, required = 0, convert = {} }
  for i, f in ipairs(fields) do
    local name, kind, arg = f[1], KINDS[f[2]], f[3]
    if not kind then error("schema.shape: no kind " .. tostring(f[2])) end
    local required = kind == KINDS.maps or (arg == true and kind ~= KINDS.bool)
    spec[3 * i - 2], spec[3 * i - 1], spec[3 * i] = name, kind, arg == nil and false or arg
    spec.index[name] = i << 4 | (required and 8 or 0) | kind
    if required then spec.required = spec.required | 1 << i end
    if WRITES[kind] then spec.convert[#spec.convert + 1] = i end
  end
  return spec
end
M.shape_rules = shape_rules

-- The same spec made in C, each table at its size (host.shape_spec); the
-- Lua above where it is not one (a kind unknown), to say why.
function M.shape(allowed, fields, min)
  return host.shape_spec(allowed, fields, min) or shape_rules(allowed, fields, min)
end

function M.set(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

return M
