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
