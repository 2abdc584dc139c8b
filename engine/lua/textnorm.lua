-- textnorm.lua: how typed words are compared.  A learner's "Ostéoclasts!"
-- and an author's "osteoclasts" should be the same answer, so both sides
-- are normalised the same way: lower case, accents removed (Latin-1
-- Supplement and Latin Extended-A letters, and combining accents),
-- punctuation turned into spaces, runs of spaces collapsed, ends trimmed.
--
-- A pattern may hold `*`, which matches any run of characters (including
-- none).  The pattern is split on `*` and each piece normalised on its own,
-- then the pieces are found in order with plain find: no Lua pattern is
-- ever built from quiz or learner text, so matching stays linear and safe.

local M = {}

-- Non-ASCII code point -> replacement.  Code points not listed are kept.
-- MAP holds U+00A0..U+017F, as an array from 1 (MAP[cp - 0x9F]; false:
-- kept); map_char tests the two blocks further on by their bounds, where a
-- table of every code point cost the first text that held one 0.34 M
-- instructions.  Made when first needed (make_map): most texts are plain
-- ASCII, and most commands never build it.  It is written out whole, a
-- row of 16 code points a line, so it is made in one piece: filled a
-- block and a run at a time it grew by rehashing, 0.12 M instructions.
--
-- U+00A0..U+00BF are spaces and symbols (« » ¿ ¡ ° ...), treated as
-- punctuation, except the few that stand for a letter or digit.  µ is
-- kept: it is a unit letter, and "µg" is not "g".  U+00C0..U+00FF are the
-- Latin-1 Supplement letters (× and ÷ punctuation), U+0100..U+017F Latin
-- Extended-A, each letter by its base.
local MAP
local BASE = 0x9F

local function make_map()
  MAP = {
    " ", " ", " ", " ", " ", " ", " ", " ", " ", " ", "a", " ", " ", " ", " ", " ",  -- U+00A0 (nbsp)¡¢£¤¥¦§¨©ª«¬(shy)®¯
    " ", " ", "2", "3", " ", false, " ", " ", " ", "1", "o", " ", " ", " ", " ", " ",  -- U+00B0 °±²³´µ¶·¸¹º»¼½¾¿
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  -- U+00C0 ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",  -- U+00D0 ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  -- U+00E0 àáâãäåæçèéêëìíîï
    "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y",  -- U+00F0 ðñòóôõö÷øùúûüýþÿ
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  -- U+0100 ĀāĂăĄąĆćĈĉĊċČčĎď
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  -- U+0110 ĐđĒēĔĕĖėĘęĚěĜĝĞğ
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  -- U+0120 ĠġĢģĤĥĦħĨĩĪīĬĭĮį
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  -- U+0130 İıĲĳĴĵĶķĸĹĺĻļĽľĿ
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  -- U+0140 ŀŁłŃńŅņŇňŉŊŋŌōŎŏ
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  -- U+0150 ŐőŒœŔŕŖŗŘřŚśŜŝŞş
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  -- U+0160 ŠšŢţŤťŦŧŨũŪūŬŭŮů
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  -- U+0170 ŰűŲųŴŵŶŷŸŹźŻżŽžſ
  }
  assert(#MAP == 0x17F - BASE, "the map is not U+00A0..U+017F")
end

local function map_char(seq)
  if utf8.len(seq) ~= 1 then return seq end -- not valid UTF-8: leave the bytes
  local cp = utf8.codepoint(seq)
  if cp <= 0x17F then return MAP[cp - BASE] or nil end
  -- Combining accents (a decomposed "é" is "e" + U+0301) vanish; the
  -- General Punctuation block (dashes, curly quotes, ellipsis) is punctuation.
  if cp >= 0x300 and cp <= 0x36F then return "" end
  if cp >= 0x2000 and cp <= 0x206F then return " " end
  return nil
end

-- The normal form of s.  host.fold (textfold.c) lower-cases it and turns
-- each run of punctuation, controls and spaces into one space, trimmed at
-- the ends, in one pass; and says whether s may hold a character MAP
-- knows (plain ASCII text has nothing to map), which is mapped first.
local fold = host.fold
function M.normalize(s)
  local t, wide = fold(s)
  if wide then
    if not MAP then make_map() end
    t = fold((s:gsub("[\xC2-\xF4][\x80-\xBF]*", map_char)))
  end
  return t
end

-- The normalised pieces of a pattern, split on `*`.  A pattern
-- "osteo*clast" gives {"osteo", "clast"}; "*bone*" gives {"", "bone", ""}.
function M.pieces(pattern)
  local out, start = {}, 1
  while true do
    local star = pattern:find("*", start, true)
    out[#out + 1] = M.normalize(pattern:sub(start, star and star - 1 or -1))
    if not star then return out end
    start = star + 1
  end
end

-- Does a pattern leave anything to compare once normalised?  "*", "..."
-- and "" do not: they would accept every answer or none.
function M.has_content(pattern)
  for _, p in ipairs(M.pieces(pattern)) do
    if p ~= "" then return true end
  end
  return false
end

-- A pattern's pieces are the same each time, so they are kept once made
-- (a text answer is graded many times a second): plain[p] is the normal
-- form of a pattern without `*`, false for one with it, whose pieces are
-- starred[p].  Only patterns of a usual length are kept (a long one is
-- cut again each time), at most MAX_KEPT, all let go when that is
-- reached.  Only this file sees the kept lists.
local KEPT_LEN, MAX_KEPT = 200, 2000
local plain, starred, nkept = {}, {}, 0

-- Returns the pattern's normal form (false when it has a `*`) and its pieces.
local function learn(pattern)
  local pieces = M.pieces(pattern)
  local whole = #pieces == 1 and pieces[1]
  if #pattern <= KEPT_LEN then
    if nkept >= MAX_KEPT then plain, starred, nkept = {}, {}, 0 end
    plain[pattern] = whole
    if not whole then starred[pattern] = pieces end
    nkept = nkept + 1
  end
  return whole, pieces
end

-- Does the normal form t match the pieces of a pattern?  Without `*` the
-- normal forms must be equal; with it, the first piece starts the text,
-- the last ends it, and the ones between occur in order (leftmost first,
-- which is optimal here).
local sub, find = string.sub, string.find
local function match_pieces(pieces, t)
  if #pieces == 1 then return t == pieces[1] end
  local first, last = pieces[1], pieces[#pieces]
  if sub(t, 1, #first) ~= first then return false end
  local pos = #first + 1
  for k = 2, #pieces - 1 do
    local p = pieces[k]
    if p ~= "" then
      local a, b = find(t, p, pos, true)
      if not a then return false end
      pos = b + 1
    end
  end
  if last == "" then return true end
  local from = #t - #last + 1
  return from >= pos and sub(t, from) == last
end

-- Does any of a list of patterns match the normal form t?
local function any_matches(patterns, t)
  for i = 1, #patterns do
    local p = patterns[i]
    local whole, pieces = plain[p], nil
    if whole == nil then whole, pieces = learn(p) end
    if whole then
      if whole == t then return true end
    elseif match_pieces(pieces or starred[p], t) then
      return true
    end
  end
  return false
end

-- Does text match pattern?
function M.matches(pattern, text)
  return any_matches({ pattern }, M.normalize(text))
end

-- Does text match any of a list of patterns?  The text is normalised once.
function M.matches_any(patterns, text)
  return any_matches(patterns, M.normalize(text))
end

return M
