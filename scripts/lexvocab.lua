-- lexvocab.lua: run at build time by scripts/embed.c (in a plain Lua, no
-- `host`), it writes the source of the module "lexvocab": the words of the
-- shared lexicon (lexicon.lua) that teach-back's speller knows (and the
-- first words of its LAY keys, below), so that an
-- attempt reads them as one string in the embedded bytecode instead of
-- cutting them out of the lexicon's 1,166 phrases (about a million
-- instructions a command; types/teachback.lua, lexicon_vocab).
--
-- The words are what host.add_words (engine/textfold.c) takes from every
-- list of lexicon.CLASSES and from the values of LAY and PHONE, with MIN
-- letters or more: in each run of non-space bytes, what follows its last
-- `*` after its first byte (a prefix such as "biops*" is no whole word),
-- then each run of ASCII letters, lower-cased.  Where a phrase has a byte
-- 0xC2-0xF4 (a character textnorm maps, such as "é"), host.add_words
-- leaves the phrase to Lua, so no list is made here: the module has no
-- MIN and WORDS, and the speller gathers its words at run time as before;
-- where lexicon.lua cannot load without the engine, the module is `false`
-- and LAY_FIRST too is made at run time.
-- tests/lua/test_lexvocab.lua checks the module against host.add_words
-- and teach-back's lay_first.
local base = ...
local MIN = 5 -- teach-back's SPELL_MIN - 1, checked where the list is used

package.path = base .. "/?.lua"
local ok, lexicon = pcall(require, "lexicon")
if not ok then
  -- (lexicon.lua came to need the engine's `host` as it loads: the build
  -- goes on, the speller gathers at run time, and test_lexvocab.lua fails.)
  io.stderr:write("lexvocab: the lexicon does not load here, no list made: ", lexicon, "\n")
  return "return false\n"
end

local words, wide = {}, false
local function add(text)
  if text:find("[\194-\244]") then wide = true return end
  for run in text:gmatch("%S+") do
    local star = run:match("^.+()%*")
    for w in (star and run:sub(star + 1) or run):gmatch("%a+") do
      if #w >= MIN then words[w:lower()] = true end
    end
  end
end
for _, list in pairs(lexicon.CLASSES) do
  for _, text in ipairs(list) do add(text) end
end
for _, text in pairs(lexicon.LAY) do add(text) end
for _, text in pairs(lexicon.PHONE) do add(text) end

-- LAY_FIRST: the first word of each LAY key, and the most words a key
-- starting with it has, as types/teachback.lua's lay_first gives (the
-- words of a learner's answer are looked up in it at every answer; made
-- there, it cost each start 0.3 M instructions of pattern calls).
local lay_first = {}
for key in pairs(lexicon.LAY) do
  local first, n = key:match("^(%S+)"), select(2, key:gsub("%S+", ""))
  lay_first[first] = math.max(lay_first[first] or 0, n)
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

local out = { "-- Made by scripts/lexvocab.lua from lexicon.lua at build time.\n",
              "return {\n" }
if not wide then
  -- (One string, looked up in place: host.sorted_set, engine/textfold.c.)
  out[#out + 1] = ("MIN = %d, WORDS = host.sorted_set(\"%s\"),\n"):format(MIN,
    table.concat(sorted_keys(words), "\\n"))
end
out[#out + 1] = "LAY_FIRST = {\n"
for _, w in ipairs(sorted_keys(lay_first)) do
  out[#out + 1] = ("  [%q] = %d,\n"):format(w, lay_first[w])
end
out[#out + 1] = "} }\n"
return table.concat(out)
