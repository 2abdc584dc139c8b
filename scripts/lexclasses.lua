-- lexclasses.lua: run at build time by scripts/embed.c (in a plain Lua, no
-- `host`), it writes the source of the module "lexicon": lexicon.lua as it
-- is but for its classes (`M.CLASSES = {` to the `}` that closes it at the
-- start of a line), which become one string a class, its phrases each
-- ended by a newline but the last, cut into the class's list the first
-- time the class is read (host.lists, engine/textfold.c).  Each of the
-- 1,166 phrases was a constant of the module, interned at every load
-- (some 370 instructions a phrase, 0.4 M a command that loads teach-back),
-- where an answer reads a few classes.  The lines after the classes keep
-- their numbers, so an error in lexicon.lua names its own line.
--
-- lexicon.lua is embedded as it is (and this says why on stderr) where
-- the classes are not found so, are not a table of lists of phrases, hold
-- a phrase that is empty or has a newline, or where the module made here
-- does not give the same classes as lexicon.lua read as it is.
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

local out = { "M.CLASSES = host.lists({ " }
for _, name in ipairs(names) do
  local key = name:match("^[%a_][%w_]*$") and not RESERVED[name] and name or
              "[" .. quote(name) .. "]"
  out[#out + 1] = key .. " = " .. quote(table.concat(lexicon.CLASSES[name], "\n")) .. ", "
end
out[#out + 1] = "})" .. ("\n"):rep(last - first + 1)
local made = table.concat(lines, "", 1, first - 1) .. table.concat(out) ..
             table.concat(lines, "", last + 1)

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
local _, nl_src = src:gsub("\n", "")
local _, nl_made = made:gsub("\n", "")
if nl_src ~= nl_made then return as_is("the module made has other line numbers") end
return made, path
