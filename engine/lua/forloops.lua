-- forloops.lua: run at build time by scripts/embed.c (in a plain Lua, no
-- `host`) over the source of every engine module before it is compiled:
-- each loop
--
--     for k, v in ipairs(e) do ... end
--
-- becomes the numeric loop it stands for,
--
--     do local __ipairs_t = (e) for k = 1, 0x7fffffffffffffff do
--     local v = __ipairs_t[k] if v == nil then break end ... end end
--
-- the same values in the same order (ipairs reads t[1], t[2], ... through
-- any __index, up to the first nil, as the index does), but with no call
-- of ipairs's C iterator a step: that call, the iterator's lua_geti and
-- the return were some 250 instructions an item, where the loop's own
-- steps are a few.  A loop with one name (`for k in ipairs(e)`) reads
-- its value into __ipairs_v.  What differs is only the message of an
-- error where e is not a table (an index of a nil value, not a bad
-- argument to the iterator).
--
-- Only that form is rewritten: `for`, one or two names, `in ipairs(`, one
-- expression (no comma outside brackets), `) do`; every other loop stays.
-- The text keeps every line break where it was, so an error names the
-- same line; the loop's `end` becomes `end end` on its own line.  The
-- source is read as tokens (comments, strings and long brackets skipped),
-- and a loop's `end` is found by counting the words that open a block
-- (function, if, do, repeat) against those that close one (end, until).
-- embed.c compiles what this gives, and the source as it is where that
-- fails (it says why on stderr).  tests/lua/test_forloops.lua runs loops
-- both ways.
local M = {}

-- The source's tokens: {kind, text, from, to}, kind "name", "string",
-- "number" or the symbol itself; comments and white space left out.
local function tokens(src)
  local out, i, n = {}, 1, #src
  local function add(kind, from, to)
    out[#out + 1] = { kind = kind, text = src:sub(from, to), from = from, to = to }
  end
  -- The end of a long bracket opened at i ("[[", "[==["), or nil.
  local function long_end(at)
    local eq = src:match("^%[(=*)%[", at)
    if not eq then return nil end
    local _, e = src:find("]" .. eq .. "]", at, true)
    return e or error("unfinished long bracket at byte " .. at)
  end
  while i <= n do
    local c = src:sub(i, i)
    if c:find("%s") then
      i = i + 1
    elseif src:sub(i, i + 1) == "--" then
      local e = long_end(i + 2)
      i = (e or src:find("\n", i, true) or n) + 1
    elseif c == "[" and long_end(i) then
      local e = long_end(i)
      add("string", i, e)
      i = e + 1
    elseif c == '"' or c == "'" then
      local j = i + 1
      while j <= n and src:sub(j, j) ~= c do
        j = j + (src:sub(j, j) == "\\" and 2 or 1)
      end
      if j > n then error("unfinished string at byte " .. i) end
      add("string", i, j)
      i = j + 1
    elseif c:find("[%a_]") then
      local _, e = src:find("^[%w_]*", i + 1)
      add("name", i, e)
      i = e + 1
    elseif c:find("%d") or (c == "." and src:find("^%.%d", i)) then
      -- (Digits, letters, dots and a signed exponent: 0x1p-4, 1e+9, 3.5.)
      local _, e = src:find("^[%w%.]*", i)
      while src:find("^[eEpP][%+%-]", e) do _, e = src:find("^[%w%.]*", e + 2) end
      add("number", i, e)
      i = e + 1
    else
      add(c, i, i)
      i = i + 1
    end
  end
  return out
end

local OPENS = { ["function"] = true, ["if"] = true, ["do"] = true, ["repeat"] = true }
local CLOSES = { ["end"] = true, ["until"] = true }

local function is(t, kind, text)
  return t ~= nil and t.kind == kind and (text == nil or t.text == text)
end

-- The loop at token k, if it is one to rewrite: its parts' token indexes.
local function ipairs_loop(toks, k)
  if not is(toks[k], "name", "for") or not is(toks[k + 1], "name") then return nil end
  local key, value, at = k + 1, nil, k + 2
  if is(toks[at], ",") and is(toks[at + 1], "name") then value, at = at + 1, at + 2 end
  if not (is(toks[at], "name", "in") and is(toks[at + 1], "name", "ipairs") and
          is(toks[at + 2], "(")) then
    return nil
  end
  local open, depth, j = at + 2, 0, at + 2
  repeat
    local t = toks[j]
    if not t then return nil end
    if t.kind == "(" or t.kind == "[" or t.kind == "{" then depth = depth + 1
    elseif t.kind == ")" or t.kind == "]" or t.kind == "}" then depth = depth - 1
    elseif t.kind == "," and depth == 1 then return nil end
    j = j + 1
  until depth == 0
  local close = j - 1
  if close == open + 1 or not is(toks[j], "name", "do") then return nil end
  local stop, blocks = j + 1, 1
  while toks[stop] do
    local t = toks[stop]
    if t.kind == "name" and OPENS[t.text] then blocks = blocks + 1
    elseif t.kind == "name" and CLOSES[t.text] then
      blocks = blocks - 1
      if blocks == 0 then break end
    end
    stop = stop + 1
  end
  if not toks[stop] or toks[stop].text ~= "end" then return nil end
  return { k = k, key = key, value = value, ipairs = at + 1, open = open, ["do"] = j,
           stop = stop }
end

-- The source with its ipairs loops rewritten (above), and how many.
function M.rewrite(src)
  local toks = tokens(src)
  local edits = {}
  local function edit(t, text) edits[#edits + 1] = { from = t.from, to = t.to, text = text } end
  local count = 0
  for k = 1, #toks do
    local loop = ipairs_loop(toks, k)
    if loop then
      count = count + 1
      local key = toks[loop.key].text
      local value = loop.value and toks[loop.value].text or "__ipairs_v"
      edit(toks[loop.k], "do local __ipairs_t =")
      for j = loop.key, loop.ipairs do edit(toks[j], "") end
      edit(toks[loop["do"]], ("for %s = 1, 0x7fffffffffffffff do local %s = __ipairs_t[%s] " ..
                              "if %s == nil then break end"):format(key, value, key, value))
      edit(toks[loop.stop], "end end")
    end
  end
  table.sort(edits, function(a, b) return a.from < b.from end)
  local out, at = {}, 1
  for _, e in ipairs(edits) do
    out[#out + 1] = src:sub(at, e.from - 1)
    out[#out + 1] = e.text
    at = e.to + 1
  end
  out[#out + 1] = src:sub(at)
  return table.concat(out), count
end

return M
