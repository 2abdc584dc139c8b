-- lexclasses.lua: run at build time by scripts/embed.c (in a plain Lua, no
-- `host`), it writes the source of the module "lexicon": lexicon.lua as it
-- is but for two things, each of which an answer reads only a little of,
-- while every constant of the module was interned at every load (some 370
-- instructions a string) and every set made:
--
-- * its classes (`M.CLASSES = {` to the `}` that closes it at the start of
--   a line) become one string a class, its phrases each ended by a newline
--   but the last, cut into the class's list the first time the class is
--   read (host.lists, engine/textfold.c): 1,166 phrases;
-- * each field `M.NAME = ...` (its statement: that line and the indented
--   lines under it) whose value is a set of words (keys of letters only,
--   each true) becomes the string of its words, sorted, one a line, made
--   into the set the first time the field is read (host.lazy_sets: the
--   module's __index; a set looked up in that string until it is read
--   often).
--
-- Every line keeps its number (a statement packed leaves blank lines, the
-- sets go on the last line, before `return M`), so an error in lexicon.lua
-- names its own line.  lexicon.lua is embedded as it is (and this says why
-- on stderr) where the classes are not found so, are not a table of lists
-- of phrases, hold a phrase that is empty or has a newline, or where the
-- module made, run here, does not give every field lexicon.lua gives.
-- tests/lua/test_lexvocab.lua checks the classes against lexicon.lua's text.
local base = ...
local path = base .. "/lexicon.lua"
local f = assert(io.open(path, "rb"))
local src = f:read("a")
f:close()

local function as_is(why)
  io.stderr:write("lexclasses: ", why, "; lexicon.lua embedded as it is\n")
  return src, path
end

-- The lines, each with its end.
local lines = {}
for line in src:gmatch("[^\n]*\n?") do
  if line ~= "" then lines[#lines + 1] = line end
end
local first, last
for i, line in ipairs(lines) do
  if not first and line:match("^M%.CLASSES = {%s*$") then first = i
  elseif first and line:match("^}%s*$") then last = i break end
end
if not last then return as_is("no 'M.CLASSES = {' ... '}' found") end

package.path = base .. "/?.lua"
local ok, lexicon = pcall(require, "lexicon")
if not ok then return as_is("lexicon.lua does not load here: " .. tostring(lexicon)) end

local names = {}
for name, list in pairs(lexicon.CLASSES) do
  if type(name) ~= "string" or type(list) ~= "table" then
    return as_is("a class that is not a named list")
  end
  local n = 0
  for _ in pairs(list) do n = n + 1 end
  if n ~= #list then return as_is("class " .. name .. " is not a list") end
  for _, ph in ipairs(list) do
    if type(ph) ~= "string" or ph == "" or ph:find("\n", 1, true) then
      return as_is("class " .. name .. " has an entry that cannot be packed")
    end
  end
  names[#names + 1] = name
end
table.sort(names)

-- A Lua string literal on one line: controls as \ddd, " and \ escaped.
local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' or c == "\\" then return "\\" .. c end
    return ("\\%03d"):format(c:byte())
  end) .. '"'
end
local RESERVED = {}
for w in ([[and break do else elseif end false for function goto if in local nil not or
  repeat return then true until while]]):gmatch("%a+") do RESERVED[w] = true end

local function key_of(name)
  return name:match("^[%a_][%w_]*$") and not RESERVED[name] and name or "[" .. quote(name) .. "]"
end
local out = { "M.CLASSES = host.lists({ " }
for _, name in ipairs(names) do
  out[#out + 1] = key_of(name) .. " = " .. quote(table.concat(lexicon.CLASSES[name], "\n")) .. ", "
end
out[#out + 1] = "})\n"
lines[first] = table.concat(out)
for i = first + 1, last do lines[i] = "\n" end

-- The word sets: a field's statement runs on while lines are indented (and
-- takes a lone "}" that closes it).
local function word_set_of(v)
  if type(v) ~= "table" or getmetatable(v) then return nil end
  local words = {}
  for k, x in pairs(v) do
    if type(k) ~= "string" or not k:match("^%a+$") or x ~= true then return nil end
    words[#words + 1] = k
  end
  table.sort(words)
  return table.concat(words, "\n")
end
local sets, set_names = {}, {}
local i = 1
while i <= #lines do
  local name = lines[i]:match("^M%.([%a_][%w_]*) = ")
  local j = i
  if name then
    while lines[j + 1] and lines[j + 1]:match("^%s+%S") do j = j + 1 end
    if lines[j + 1] and lines[j + 1]:match("^}%s*$") then j = j + 1 end
    local words = name ~= "CLASSES" and word_set_of(lexicon[name])
    if words and not sets[name] then
      sets[name], set_names[#set_names + 1] = words, name
      for k = i, j do lines[k] = "\n" end
    end
  end
  i = j + 1
end
local n = #lines
while n > 0 and lines[n]:match("^%s*$") do n = n - 1 end
if not lines[n]:match("^return M%s*$") then return as_is("lexicon.lua does not end 'return M'") end
table.sort(set_names)
out = { "setmetatable(M, { __index = host.lazy_sets({ " }
for _, name in ipairs(set_names) do
  out[#out + 1] = key_of(name) .. " = " .. quote(sets[name]) .. ", "
end
out[#out + 1] = "}) }) " .. lines[n]
lines[n] = table.concat(out)
local made = table.concat(lines)

-- The module made, run here with a host.lists in Lua, must give the same
-- classes, and have as many lines.
local fake = {
  lists = function(packed)
    local t = {}
    for name, s in pairs(packed) do
      local l = {}
      if s ~= "" then for ph in (s .. "\n"):gmatch("(.-)\n") do l[#l + 1] = ph end end
      t[name] = l
    end
    return t
  end,
  word_set = function(s)
    local set = {}
    for w in s:gmatch("%a+") do set[w] = true end
    return set
  end,
  lazy_sets = function(packed)
    return function(t, k)
      local s = packed[k]
      if type(s) ~= "string" then return nil end
      local set = {}
      for w in s:gmatch("%a+") do set[w] = true end
      rawset(t, k, set)
      packed[k] = nil
      return set
    end
  end,
}
local chunk, err = load(made, "=lexicon (made)", "t", setmetatable({ host = fake }, { __index = _G }))
if not chunk then return as_is("the module made does not compile: " .. err) end
local ran, mine = pcall(chunk, "lexicon")
if not ran then return as_is("the module made does not run: " .. tostring(mine)) end
local function same(a, b)
  for name, list in pairs(a) do
    local other = b[name]
    if type(other) ~= "table" or #other ~= #list then return false end
    for i, ph in ipairs(list) do if other[i] ~= ph then return false end end
  end
  return true
end
if not (same(mine.CLASSES, lexicon.CLASSES) and same(lexicon.CLASSES, mine.CLASSES)) then
  return as_is("the module made gives other classes")
end
-- Every other field the same value (a function: a function), read through
-- the sets' __index.
local function alike(a, b, depth)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return type(a) == "function" or a == b end
  if depth > 4 then return false end
  for k, x in pairs(a) do if not alike(x, b[k], depth + 1) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
for name, value in pairs(lexicon) do
  if name ~= "CLASSES" and not alike(value, mine[name], 0) then
    return as_is("the module made gives another " .. tostring(name))
  end
end
for name in pairs(mine) do
  if lexicon[name] == nil then return as_is("the module made has a field more: " .. name) end
end
local _, nl_src = src:gsub("\n", "")
local _, nl_made = made:gsub("\n", "")
if nl_src ~= nl_made then return as_is("the module made has other line numbers") end
return made, path
