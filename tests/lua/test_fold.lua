-- host.fold (engine/textfold.c): the ASCII half of textnorm's normal form,
-- which must be what s:lower():gsub("[%p%c%s]+", " ") trimmed gives.
local T = ...
local textnorm = require("textnorm")

local fold = host.fold

-- The Lua it replaces (textnorm.normalize before), for the differential tests.
local function by_patterns(s)
  s = s:lower():gsub("[%p%c%s]+", " ")
  local first = s:byte(1) == 32 and 2 or 1
  local last = s:byte(-1) == 32 and -2 or -1
  if first ~= 1 or last ~= -1 then s = s:sub(first, last) end
  return s
end

T.test("fold: letters lower-cased, gaps one space, none at the ends", function()
  T.eq(fold("Bone"), "bone")
  T.eq(fold("  Where does it  SPREAD?! "), "where does it spread")
  T.eq(fold("don't"), "don t")
  T.eq(fold("5-FU, 10 mg/m2"), "5 fu 10 mg m2")
  T.eq(fold("a\tb\n\nc\0d\127e"), "a b c d e")
  T.eq(fold("[{(all)}]"), "all")
  T.eq(fold(""), "")
  T.eq(fold(" "), "")
  T.eq(fold("...!?"), "")
  T.eq(fold("x"), "x")
  T.eq(fold("_x_"), "x")                     -- _ is punctuation
  T.eq(fold("caf\195\169 AU LAIT"), "caf\195\169 au lait") -- bytes past ASCII kept
end)

T.test("fold: says whether a byte 0xC2-0xF4 may start a character to map", function()
  T.eq(select(2, fold("plain")), false)
  T.eq(select(2, fold("caf\195\169")), true)
  T.eq(select(2, fold("\194")), true)
  T.eq(select(2, fold("\244")), true)
  T.eq(select(2, fold("\193\245\128\255")), false) -- never a lead byte of those
  T.eq(select(2, fold("already folded \226\128\148")), true)
end)

T.test("fold: a text already folded is returned as it is", function()
  local s = "where does it spread most often"
  T.eq(fold(s), s)
  T.eq(fold("a  b"), "a b")                  -- two spaces: folded anew
  T.eq(fold("a b "), "a b")
end)

T.test("fold: the same as the patterns for every byte and every pair of bytes", function()
  local bad = 0
  for a = 0, 255 do
    local s = string.char(a)
    if fold(s) ~= by_patterns(s) then bad = bad + 1 end
    for b = 0, 255 do
      local p = string.char(a, b)
      if fold(p) ~= by_patterns(p) then bad = bad + 1 end
    end
  end
  T.eq(bad, 0)
end)

T.test("fold: the same as the patterns for 20,000 random texts", function()
  local rng = T.rng(12)
  local alphabet = { "a", "Z", " ", "  ", ".", "'", "\t", "\n", "\0", "\127", "-", "9",
                     "\195\169", "\226\128\148", "\194\160", "_", "~", "Q" }
  for i = 1, 20000 do
    local parts = {}
    for j = 1, rng:int(0, 12) do parts[j] = alphabet[rng:int(1, #alphabet)] end
    local s = table.concat(parts)
    T.eq(fold(s), by_patterns(s), ("text %d: %q"):format(i, s))
  end
end)

T.test("fold: a long text in one pass, a text past the buffer's size", function()
  local s = ("Ab, "):rep(1 << 18)            -- 1 MiB
  local t = fold(s)
  T.eq(#t, 3 * (1 << 18) - 1)
  T.eq(t:sub(1, 9), "ab ab ab ")
  T.eq(fold((" "):rep(1 << 20)), "")
end)

T.test("textnorm.normalize: the same forms as before it used host.fold", function()
  T.eq(textnorm.normalize("Ostéoclasts!"), "osteoclasts")
  T.eq(textnorm.normalize("  Ça — c'est ÉTÉ…  "), "ca c est ete")
  T.eq(textnorm.normalize("µg"), "µg")
  T.eq(textnorm.normalize("\255\254 Bone"), "\255\254 bone")
end)

-- The map (textnorm.lua): U+00A0..U+017F by table, the combining accents
-- and General Punctuation by their bounds, the rest kept.
T.test("textnorm.normalize: each block of the map at its bounds", function()
  local function n(cp) return textnorm.normalize("x" .. utf8.char(cp) .. "y") end
  T.eq(n(0x9F), "x\194\159y")          -- a C1 control: no entry, kept
  T.eq(n(0xA0), "x y")                 -- no-break space: punctuation
  T.eq(n(0xAA), "xay")                 -- ª
  T.eq(n(0xB2), "x2y")                 -- ²
  T.eq(n(0xB5), "x\194\181y")          -- µ kept
  T.eq(n(0xBF), "x y")                 -- ¿
  T.eq(n(0xC0), "xay")                 -- À
  T.eq(n(0xD7), "x y")                 -- ×
  T.eq(n(0xDF), "xssy")                -- ß
  T.eq(n(0xFF), "xyy")                 -- ÿ
  T.eq(n(0x100), "xay")                -- Ā, the first of Latin Extended-A
  T.eq(n(0x152), "xoey")               -- Œ
  T.eq(n(0x17F), "xsy")                -- ſ, its last
  T.eq(n(0x180), "x\198\128y")         -- ƀ: past the map, kept
  T.eq(n(0x2FF), "x\203\191y")
  T.eq(n(0x300), "xy")                 -- combining grave: gone
  T.eq(n(0x36F), "xy")
  T.eq(n(0x370), "x\205\176y")
  T.eq(n(0x1FFF), "x\225\191\191y")
  T.eq(n(0x2000), "x y")               -- en quad
  T.eq(n(0x2014), "x y")               -- em dash
  T.eq(n(0x206F), "x y")
  T.eq(n(0x2070), "x\226\129\176y")    -- superscript zero: kept
  T.eq(textnorm.normalize("Ça\204\129 \226\128\148 \195\137T\195\137"), "ca ete")
end)

-- The map written out a row at a time (textnorm.lua) against the blocks
-- and runs it was first made from: every code point of U+00A0..U+017F.
T.test("textnorm.normalize: U+00A0..U+017F as the blocks and runs say", function()
  local want = {}
  for cp = 0xA0, 0xBF do want[cp] = " " end
  want[0xAA], want[0xBA], want[0xB9], want[0xB2], want[0xB3] = "a", "o", "1", "2", "3"
  want[0xB5] = utf8.char(0xB5)
  local latin1 = { "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
                   "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss" }
  for k, r in ipairs(latin1) do want[0xBF + k], want[0xDF + k] = r, r end
  want[0xFF] = "y"
  local cp = 0x100
  for _, run in ipairs({ { "a", 6 }, { "c", 8 }, { "d", 4 }, { "e", 10 }, { "g", 8 }, { "h", 4 },
                         { "i", 10 }, { "ij", 2 }, { "j", 2 }, { "k", 3 }, { "l", 10 }, { "n", 9 },
                         { "o", 6 }, { "oe", 2 }, { "r", 6 }, { "s", 8 }, { "t", 6 }, { "u", 12 },
                         { "w", 2 }, { "y", 3 }, { "z", 6 }, { "s", 1 } }) do
    for _ = 1, run[2] do want[cp], cp = run[1], cp + 1 end
  end
  T.eq(cp, 0x180)
  for c = 0xA0, 0x17F do
    -- ("x y" for punctuation: a space between the two letters.)
    T.eq(textnorm.normalize("x" .. utf8.char(c) .. "y"), "x" .. want[c] .. "y", ("U+%04X"):format(c))
  end
end)

T.test("find_any: the first place one of the needles stands, in either case", function()
  local find_any = host.find_any
  local parts = { "not", "except", "n't" }
  T.eq({ find_any("Which is NOT a sign?", parts) }, { 10, "not" })
  T.eq({ find_any("All EXCEPT one, and not that", parts) }, { 5, "except" })
  T.eq({ find_any("It doesn't", parts) }, { 8, "n't" })
  T.eq({ find_any("cannot", parts) }, { 4, "not" })       -- inside a word: a part
  T.eq(find_any("Where does it spread?", parts), nil)
  T.eq(find_any("", parts), nil)
  T.eq(find_any("no", parts), nil)                        -- a needle longer than s
  T.eq({ find_any("abab", { "ab", "b" }, 2) }, { 2, "b" })  -- from init
  T.eq({ find_any("abab", { "b", "ab" }, 1) }, { 1, "ab" }) -- the leftmost place first
  T.eq({ find_any("xab", { "ab", "a" }) }, { 2, "ab" })     -- at one place, the list's order
  T.eq(find_any("abab", { "ab" }, 4), nil)
  T.eq(find_any("abab", { "ab" }, 99), nil)
  T.eq({ find_any("abab", { "ab" }, -5) }, { 1, "ab" })
  T.eq({ find_any("caf\195\169 NOT", parts) }, { 7, "not" })
  T.eq(find_any("\0n\0o\0t", parts), nil)
end)

T.test("find_any: whole words of a normal form", function()
  local find_any = host.find_any
  local words = { "all", "every", "everyone", "never" }
  T.eq({ find_any("it is all over", words, 1, true) }, { 7, "all" })
  T.eq(find_any("it is allover", words, 1, true), nil)
  T.eq(find_any("finally small", words, 1, true), nil)
  T.eq({ find_any("everyone knows", words, 1, true) }, { 1, "everyone" })
  T.eq({ find_any("for every day", words, 1, true) }, { 5, "every" })
  T.eq({ find_any("never", words, 1, true) }, { 1, "never" })
  T.eq({ find_any("every day and never again", words, 7, true) }, { 15, "never" })
  T.eq(find_any("every day", words, 2, true), nil)        -- init inside a word
  T.eq(find_any("", words, 1, true), nil)
end)

T.test("find_any: hostile needles and texts", function()
  local find_any = host.find_any
  T.eq(pcall(find_any, "x", { "" }), false)               -- an empty needle
  T.eq(pcall(find_any, "x", { 5 }), false)
  T.eq(pcall(find_any, "x", "not a list"), false)
  local many = {}
  for i = 1, 65 do many[i] = "w" .. i end
  T.eq(pcall(find_any, "x", many), false)                 -- at most 64
  many[65] = nil
  T.eq({ find_any("a w64 b", many, 1, true) }, { 3, "w64" })
  local long = ("a "):rep(1 << 19) .. "never"
  T.eq({ find_any(long, { "never" }, 1, true) }, { (1 << 20) + 1, "never" })
  T.eq(find_any(("x"):rep(1 << 20), { "xy", "yx" }), nil)
end)

-- host.squash: what util.trim((s:gsub("%s+", " "))) gives (material.lua's
-- paragraphs and quotes).
local squash = host.squash
local function squash_by_patterns(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

T.test("squash: white space one space, none at the ends, the rest kept", function()
  T.eq(squash("Bone  pain\tat\r\nnight. "), "Bone pain at night.")
  T.eq(squash("\v\fa\n"), "a")
  T.eq(squash(""), "")
  T.eq(squash(" \t\n\v\f\r "), "")
  T.eq(squash("Don't, 5-FU!"), "Don't, 5-FU!")            -- punctuation and case kept
  T.eq(squash("a\0b"), "a\0b")                            -- not white space
  T.eq(squash("a\194\160b\194\133c"), "a\194\160b\194\133c") -- nor NBSP, NEL
  local s = "already squashed text"
  T.eq(squash(s), s)
end)

T.test("squash: the same as the patterns for every byte and every pair of bytes", function()
  local bad = 0
  for a = 0, 255 do
    local s = string.char(a)
    if squash(s) ~= squash_by_patterns(s) then bad = bad + 1 end
    for b = 0, 255 do
      local p = string.char(a, b)
      if squash(p) ~= squash_by_patterns(p) then bad = bad + 1 end
    end
  end
  T.eq(bad, 0)
end)

T.test("squash: the same as the patterns for 20,000 random texts", function()
  local rng = T.rng(13)
  local alphabet = { "a", "Z", " ", "  ", ".", "\t", "\n", "\r\n", "\v", "\f", "\0",
                     "\195\169", "\194\160", "-", "x y" }
  for i = 1, 20000 do
    local parts = {}
    for j = 1, rng:int(0, 12) do parts[j] = alphabet[rng:int(1, #alphabet)] end
    local s = table.concat(parts)
    T.eq(squash(s), squash_by_patterns(s), ("text %d: %q"):format(i, s))
  end
end)

T.test("squash: a long text in one pass", function()
  local s = ("ab \n "):rep(1 << 18)          -- 1.25 MiB
  local t = squash(s)
  T.eq(#t, 3 * (1 << 18) - 1)
  T.eq(t:sub(1, 9), "ab ab ab ")
  T.eq(squash((" "):rep(1 << 20)), "")
  T.ok(not pcall(squash, nil))
  T.ok(not pcall(squash, {}))
end)

-- host.add_words: the speller's vocabulary (types/teachback.lua), which
-- must be what the Lua it replaces gives.
local add_words = host.add_words
local function words_by_patterns(text, min)
  local set = {}
  if text:find("[<>%*]") then text = text:gsub("%S+%*", " "):gsub("[<>%*]", " ") end
  for w in textnorm.normalize(text):gmatch("%a+") do
    if #w >= min then set[w] = true end
  end
  return set
end
local function words_in_c(text, min)
  local set = {}
  if not add_words(set, text, min) then return nil end
  return set
end

T.test("add_words: whole words of a phrase, prefixes and marks left out", function()
  T.eq(words_in_c("Call* the 24-hour LINE <now>", 1), { the = true, hour = true, line = true,
                                                        now = true })
  T.eq(words_in_c("go * to hospit*", 1), { go = true, to = true })
  T.eq(words_in_c("a*b c", 1), { b = true, c = true }) -- after the last "*" of the run
  T.eq(words_in_c("*ab x*y*z", 1), { ab = true, z = true }) -- a lone leading '*' only
  T.eq(words_in_c("**", 1), {})
  T.eq(words_in_c("don't ring", 1), { don = true, t = true, ring = true })
  T.eq(words_in_c("short longer", 6), { longer = true })
  T.eq(words_in_c("", 1), {})
  T.eq(words_in_c("caf\195\169", 1), nil)             -- a character to map: Lua's
  T.eq(words_in_c("\193x\245y\128", 1), { x = true, y = true }) -- no lead byte: C's
  T.ok(not pcall(add_words, {}, "x", 0))
  T.ok(not pcall(add_words, nil, "x", 1))
end)

T.test("add_words: a list of phrases in one call", function()
  local set = {}
  T.eq(add_words(set, { "Call* the LINE", "a*b c", "" }, 1), true)
  T.eq(set, { the = true, line = true, b = true, c = true })
  local kept = { x = true }
  T.eq(add_words(kept, { "plain words", "caf\195\169" }, 1), false)
  T.eq(kept, { x = true })                            -- one to map: all Lua's
  T.ok(not pcall(add_words, {}, { "ok", 5 }, 1))
  T.eq(add_words(kept, {}, 1), true)
end)

T.test("add_words: the same as the patterns for every lexicon phrase", function()
  local lexicon = require("lexicon")
  for name, list in pairs(lexicon.CLASSES) do
    for i, ph in ipairs(list) do
      local min = i % 6 + 1
      T.eq(words_in_c(ph, min), words_by_patterns(ph, min), ("%s %d: %q"):format(name, i, ph))
    end
  end
end)

T.test("add_words: the same as the patterns for 20,000 random texts", function()
  local rng = T.rng(14)
  local alphabet = { "a", "Z", "bc", " ", "  ", "*", "<", ">", ".", "'", "\t", "\n", "\0",
                     "-", "9", "\193", "\255", "_", "Q", "xyz", "\194\160" }
  for i = 1, 20000 do
    local parts = {}
    for j = 1, rng:int(0, 12) do parts[j] = alphabet[rng:int(1, #alphabet)] end
    local s, min = table.concat(parts), rng:int(1, 4)
    local c = words_in_c(s, min)
    if c then T.eq(c, words_by_patterns(s, min), ("text %d: %q"):format(i, s)) end
    T.eq(c == nil, s:find("[\194-\244]") ~= nil, ("text %d: %q"):format(i, s))
  end
end)

-- host.word_set: the rules' word lists (lexicon.words), which must be
-- what the gmatch loop it replaces gives.
local word_set = host.word_set
local function words_by_gmatch(s)
  local set = {}
  for w in s:gmatch("%a+") do set[w] = true end
  return set
end

T.test("word_set: each run of letters, as written", function()
  T.eq(word_set("but though  yet\n  but"), { but = true, though = true, yet = true })
  T.eq(word_set("Don't stop-now 24h x"), { Don = true, t = true, stop = true, now = true,
                                           h = true, x = true })
  T.eq(word_set("caf\195\169 na\195\175ve"), { caf = true, na = true, ve = true })
  T.eq(word_set(""), {})
  T.eq(word_set(" \t\n.,9"), {})
  T.eq(word_set(12), {})                    -- a number is its digits: no letters
  T.ok(not pcall(word_set, nil))
  T.ok(not pcall(word_set, {}))
  local big = word_set(("ab "):rep(1 << 16))
  T.eq(big, { ab = true })
end)

T.test("word_set: the same as the gmatch loop for 20,000 random texts", function()
  local rng = T.rng(12)
  local alphabet = { "a", "Z", "bc", " ", "  ", "*", ".", "'", "\t", "\n", "\0", "-", "9",
                     "\193", "\255", "_", "Q", "xyz", "\194\160", "\195\169" }
  for i = 1, 20000 do
    local parts = {}
    for j = 1, rng:int(0, 12) do parts[j] = alphabet[rng:int(1, #alphabet)] end
    local s = table.concat(parts)
    T.eq(word_set(s), words_by_gmatch(s), ("text %d: %q"):format(i, s))
  end
end)

T.test("lexicon.words: the same sets in C and, where this file is read at build time, in Lua", function()
  local lexicon = require("lexicon")
  local s = "i id ill im ive you\n  youd youll we"
  T.eq(lexicon.words(s), words_by_gmatch(s))
  local saved = host
  host = nil
  local ok, lua_set = pcall(lexicon.words, s)
  host = saved
  T.ok(ok)
  T.eq(lua_set, word_set(s))
  T.eq(lexicon.NEGATIONS["dont"], true)
  T.eq(lexicon.SUBJECT.theyll, true)
end)

-- host.stemmer: teach-back's stem (M.stem_rules, the Lua that says the
-- steps) in C.  The engine's tb.stem is the C one.
local tb = require("types.teachback")

T.test("stemmer: teach-back's stem is the C one, over its IRREGULAR and KEEP", function()
  T.ok(tb.stem ~= tb.stem_rules)
  T.eq(tb.stem("kept"), "keep", "IRREGULAR")
  T.eq(tb.stem("cancer"), "cancer", "KEEP")
  T.eq(tb.stem("sooner"), "sooner", "KEEP's own addition")
  local stem = host.stemmer({ went = "go", gone = false }, { bones = true, stopp = true })
  T.eq(stem("went"), "go")
  T.eq(stem("gone"), "gon", "false is no irregular form")
  T.eq(stem("bones"), "bones", "kept before the plural")
  T.eq(stem("stopps"), "stopp", "kept after the plural")
  T.eq(stem("stopping"), "stop")
  T.eq(stem("fuzzed"), "fuzz", "z stays doubled")
  T.eq(stem("spyyed"), "spy", "y is undoubled, though a vowel for the other tests")
end)

T.test("stemmer: the same stem as the rules for every word of the sets, quizzes and lexicon", function()
  local words, n = {}, 0
  local function add(text)
    if type(text) ~= "string" then return end
    for w in textnorm.normalize(text):gmatch("%S+") do
      if not words[w] then words[w], n = true, n + 1 end
    end
  end
  local function walk(v)
    if type(v) == "table" then for k, x in pairs(v) do walk(k) walk(x) end else add(v) end
  end
  for _, dir in ipairs({ "tests/teachback", "quizzes" }) do
    for _, path in ipairs(host.list(dir, ".yaml", true)) do walk((host.read_yaml(path))) end
  end
  local lexicon = require("lexicon")
  walk(lexicon.CLASSES) walk(lexicon.LAY) walk(lexicon.PHONE) walk(tb.IRREGULAR)
  T.ok(n > 4000, "some thousands of words, " .. n)
  for w in pairs(words) do T.eq(tb.stem(w), tb.stem_rules(w), w) end
end)

T.test("stemmer: the same stem as the rules for 300,000 random words of endings", function()
  local rng = T.rng(15)
  local pieces = { "a", "e", "i", "o", "u", "y", "s", "l", "z", "t", "p", "b", "n", "r", "d",
                   "g", "tt", "pp", "ll", "ss", "zz", "yy", "ing", "ed", "eed", "er", "est",
                   "ly", "ies", "es", "us", "is", "e", "7", "\195\169", "\0", " ", "kept",
                   "went", "cancer", "number", "sooner" }
  for _ = 1, 300000 do
    local parts = {}
    for j = 1, rng:int(0, 6) do parts[j] = pieces[rng:int(1, #pieces)] end
    local w = table.concat(parts)
    T.eq(tb.stem(w), tb.stem_rules(w), w)
  end
  local long = ("ab"):rep(100) .. "bing"
  T.eq(tb.stem(long), tb.stem_rules(long), "a word past the stack's buffer")
  T.eq(tb.stem(long .. "ies"), tb.stem_rules(long .. "ies"))
end)
