-- lexvocab.lua: run at build time by scripts/embed.c (in a plain Lua, no
-- `host`), it writes the source of the module "lexvocab": the words of the
-- shared lexicon (lexicon.lua) that teach-back's speller knows, so that an
-- attempt reads them as one table in the embedded bytecode instead of
-- cutting them out of the lexicon's 1,166 phrases (about a million
-- instructions a command; types/teachback.lua, lexicon_vocab).
--
-- The words are what host.add_words (engine/textfold.c) takes from every
-- list of lexicon.CLASSES and from the values of LAY and PHONE, with MIN
-- letters or more: in each run of non-space bytes, what follows its last
-- `*` after its first byte (a prefix such as "biops*" is no whole word),
-- then each run of ASCII letters, lower-cased.  Where a phrase has a byte
-- 0xC2-0xF4 (a character textnorm maps, such as "é"), host.add_words
-- leaves the phrase to Lua, so no list is made here: the module says
-- `false` and the speller gathers its words at run time as before (and so
-- where lexicon.lua cannot load without the engine).
-- tests/lua/test_teachback.lua checks the module against host.add_words.
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

local out = { "-- Made by scripts/lexvocab.lua from lexicon.lua at build time.\n" }
if wide then
  out[#out + 1] = "return false\n"
else
  local sorted = {}
  for w in pairs(words) do sorted[#sorted + 1] = w end
  table.sort(sorted)
  out[#out + 1] = ("return { MIN = %d, WORDS = {\n"):format(MIN)
  for _, w in ipairs(sorted) do out[#out + 1] = ("  [%q] = true,\n"):format(w) end
  out[#out + 1] = "} }\n"
end
return table.concat(out)
