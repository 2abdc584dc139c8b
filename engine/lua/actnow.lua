-- actnow.lua: teach-back's second reader of urgent points.
--
-- The rules of types/teachback.lua credit an urgent key point ("call your
-- care team now") only when the answer calls a clinical target with no
-- delay, hedge or condition attached.  They read the answer clause by
-- clause, and an answer written to hide its delay still slips past them
-- now and then, each time in words no rule has met ("I'd lie flat for a
-- bit and if the legs dont come back by tea time id go to a&e").  So a
-- second reader, of another kind, reads the answer as a whole: a logistic
-- regression over its words and word pairs, taught on the answers nurses
-- labelled (scripts/train-actnow writes its weights, actnowmodel.lua).
-- Where the rules credit the point and this reader finds the answer
-- likelier not to act now than to act now, for words it has met against
-- acting now (AGAINST, below), the credit is withdrawn: it is asked only
-- about credits the rules gave, and can only take one away, never give
-- one, so it adds no unsafe credit; its cost is a right answer refused
-- now and then, the safe mistake (the learner reads the red-flag box, a
-- nurse with --assist overrules it).
--
-- Tokens are made exactly as scripts/train-actnow makes them: ASCII
-- letters lower-cased, apostrophes (' and U+2019) removed, every other
-- run of bytes but a-z and 0-9 a break.  A feature is a word or a pair of
-- neighbouring words, each counted once.  The question is no feature, so
-- a quiz author's own urgent teach-back is read the same way, though with
-- words learnt from five questions only (README, "A second reader").

local M = {}

-- At or above this, the answer reads as acting now (the odds are even).
M.EVEN = 0.5
-- And a credit is withdrawn only for words the reader has met against
-- acting now, weighing together at least this much (by themselves they
-- would multiply the odds against acting now by e^2, about 7), never for
-- a lack of words.  The taught bias is below 0 (-2.8: an answer with no
-- words at all reads as not acting now), so short plain answers ("call
-- 112", "ring them": a probability of acting now of about 0.27) fall
-- under EVEN, and this floor is what keeps them: they have few words for
-- acting now and none against it.
M.AGAINST = 2

-- Loaded when an urgent credit is first read: most commands never need
-- it.  The weights are built into the binary; a build without them fails
-- here, loudly, rather than grade with the reader silently off.
local model
local generation = 0

local function load()
  if model == nil then model = require("actnowmodel") end
  return model
end

-- Test hook: read with the given weights ({ bias = n, w = { [feature] = n } })
-- instead of the taught ones; nil goes back to them.
function M.use(m)
  model = m
  generation = generation + 1
end

-- Which weights are in use (changes with each M.use), for caches of
-- verdicts.
function M.generation()
  return generation
end

-- The answer's tokens, and where each lies in the text ({ first byte,
-- last byte }), so that a feature can be shown in the learner's own
-- spelling ("I'd lie" for "id lie").
function M.tokens(text)
  local out, spans = {}, {}
  local word, from, to
  local i, n = 1, #text
  while i <= n do
    local c = text:byte(i)
    if c == 226 and text:byte(i + 1) == 128 and text:byte(i + 2) == 153 then
      i = i + 3 -- U+2019, an apostrophe: neither a letter nor a break
    else
      if c >= 65 and c <= 90 then c = c + 32 end
      if (c >= 97 and c <= 122) or (c >= 48 and c <= 57) then
        word, from, to = word or {}, from or i, i
        word[#word + 1] = string.char(c)
      elseif c ~= 39 and word then
        out[#out + 1], spans[#spans + 1] = table.concat(word), { from, to }
        word, from = nil, nil
      end
      i = i + 1
    end
  end
  if word then out[#out + 1], spans[#spans + 1] = table.concat(word), { from, to } end
  return out, spans
end

-- The answer's features, each once, in the order first met, and for each
-- word or pair where it is first met ({ first byte, last byte }).
function M.features(text)
  local words, spans = M.tokens(text)
  local seen, out, at = {}, {}, {}
  local function add(f, a, b)
    if not seen[f] then
      seen[f] = true
      out[#out + 1] = f
      at[f] = a and { spans[a][1], spans[b][2] }
    end
  end
  for i, w in ipairs(words) do
    add(w, i, i)
    if words[i + 1] then add(w .. " " .. words[i + 1], i, i + 1) end
  end
  return out, at
end

-- Words too plain to show as a reason on their own ("them a", "I'd"): a
-- feature made only of these still weighs, but is not shown.
local FILLER = {}
for w in ("a an the i id im ive ill me my we wed she shed he hed her his it its them they " ..
          "theyd you youd to of and is was be would will"):gmatch("%S+") do
  FILLER[w] = true
end

local function filler(f)
  for w in f:gmatch("%S+") do
    if not FILLER[w] then return false end
  end
  return true
end

-- The answer weighed: z (the log-odds of acting now), the features that
-- weigh against acting now ({ f = feature, v = weight }), where each lies
-- in the text, and the weight of them all.
local function weigh(text)
  local m = load()
  local fs, at = M.features(text)
  local z, against, weight = m.bias or 0, {}, 0
  for _, f in ipairs(fs) do
    local v = m.w[f]
    if v then
      z = z + v
      if v < 0 then
        against[#against + 1] = { f = f, v = v }
        weight = weight - v
      end
    end
  end
  if z > 30 then z = 30 elseif z < -30 then z = -30 end
  return z, against, at, weight
end

-- The words that weighed most against acting now, weightiest first, as
-- the learner wrote them: at most `most`, none made only of filler words
-- such as "them a", which say nothing to a nurse, and none inside a pair
-- already shown ("tea time" is shown, not "tea" and "time" beside it).
-- Sorted only when an answer is doubted or read in full.
local function reasons(text, against, at, most)
  table.sort(against, function(a, b)
    if a.v ~= b.v then return a.v < b.v end
    return a.f < b.f
  end)
  local chosen, shown = {}, {}
  for _, a in ipairs(against) do
    if #chosen >= most then break end
    local inside = filler(a.f)
    for _, c in ipairs(chosen) do
      if (" " .. c .. " "):find(" " .. a.f .. " ", 1, true) or
         (" " .. a.f .. " "):find(" " .. c .. " ", 1, true) then
        inside = true
      end
    end
    if not inside then
      chosen[#chosen + 1] = a.f
      shown[#shown + 1] = text:sub(at[a.f][1], at[a.f][2])
    end
  end
  return shown
end

-- The reader's odds that the answer acts now (0 to 1), the words that
-- pulled it most towards not acting now (reasons(), at most `most`, 2 if
-- not given), and the weight of all the words against.
function M.read(text, most)
  text = type(text) == "string" and text or ""
  local z, against, at, weight = weigh(text)
  return 1 / (1 + math.exp(-z)), reasons(text, against, at, most or 2), weight
end

-- Whether the second reader withdraws an urgent credit: the odds of acting
-- now under EVEN, with words against of AGAINST or more.  Returns the words
-- to show as the reason.
function M.doubts(text)
  text = type(text) == "string" and text or ""
  local z, against, at, weight = weigh(text)
  if 1 / (1 + math.exp(-z)) < M.EVEN and weight >= M.AGAINST then
    return reasons(text, against, at, 2)
  end
  return nil
end

return M
