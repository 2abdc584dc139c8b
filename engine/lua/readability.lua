-- readability.lua: Flesch-Kincaid grade of patient-facing text.
--
--   grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
--
-- Syllables come from the common vowel-group rule (runs of a, e, i, o, u,
-- y; a silent final e does not count unless the word ends in consonant +
-- "le"; at least one).  It is a heuristic, good enough to catch long
-- sentences and long words, which is what the gate is for.
--
-- Drug names and the few medical words a patient must learn are left out
-- of the counts (the reference notes advise this: one "metastatic" lifts a
-- short sentence by grades).  They are listed in TERMS, so the exclusion
-- is visible and reviewable, and every other word counts.

local M = {}

M.TERMS = {}
for w in ([[
  metastatic metastasis metastases denosumab zoledronic pamidronate ibandronate
  bisphosphonate bisphosphonates osteoclast osteoclasts osteonecrosis
  tamoxifen letrozole anastrozole exemestane fulvestrant aromatase
  palbociclib ribociclib abemaciclib trastuzumab pertuzumab
  alpelisib capivasertib everolimus olaparib talazoparib pembrolizumab
  dexamethasone radiotherapy radiosurgery chemotherapy immunotherapy
  hypercalcaemia hypercalcemia xgeva prolia zometa cdk4 cdk6 her2
]]):gmatch("%S+") do M.TERMS[w] = true end

-- Syllables in one lower-case word of letters.
function M.syllables(word)
  local w = word:lower():gsub("[^a-z]", "")
  if w == "" then return 1 end
  local n = 0
  for _ in w:gmatch("[aeiouy]+") do n = n + 1 end
  if w:match("e$") and not w:match("[^aeiouy]le$") and n > 1 then n = n - 1 end
  if w:match("[^aeiouy]es$") and not w:match("[cgsxz]es$") and n > 1 then n = n - 1 end
  if w:match("[^aeiouy]ed$") and not w:match("[td]ed$") and n > 1 then n = n - 1 end
  return math.max(n, 1)
end

-- What one word adds to the counts: words (a hyphenated word is one per
-- part) and syllables.  Drug names and terms add nothing; a number is a
-- word of one syllable.
local function word_counts(word)
  local n, syll = 0, 0
  local key = word:lower():gsub("['’]s$", "")
  if not M.TERMS[key] and word:match("%a") then
    for part in word:gmatch("[^%-]+") do
      n = n + 1
      syll = syll + M.syllables(part)
    end
  elseif word:match("^%d") then
    n = n + 1
    syll = syll + 1
  end
  return n, syll
end

-- word_counts of the words seen, as words * 2^32 + syllables: a text's
-- words are mostly words read before (the same material is graded for
-- every question and section), and counting was most of checking a quiz.
-- Emptied when it holds MAX_KNOWN words.
local known, nknown = {}, 0
M.MAX_KNOWN = 20000

-- Counts for a text.  Each piece of a list is its own sentence at least.
function M.counts(text)
  local words, syll, sentences = 0, 0, 0
  for sentence in (text .. "\n"):gmatch("([^.!?;:\n]*)[.!?;:\n]+") do
    local n = 0
    for word in sentence:gmatch("[%w'’%-]+") do
      local c = known[word]
      if not c then
        local wn, ws = word_counts(word)
        c = wn << 32 | ws
        if nknown >= M.MAX_KNOWN then known, nknown = {}, 0 end
        known[word], nknown = c, nknown + 1
      end
      n = n + (c >> 32)
      syll = syll + (c & 0xffffffff)
    end
    if n > 0 then
      words = words + n
      sentences = sentences + 1
    end
  end
  return words, sentences, syll
end

-- The grade of a text (nil when it has no words).
function M.grade(text)
  local w, s, y = M.counts(text)
  if w == 0 then return nil end
  return 0.39 * (w / s) + 11.8 * (y / w) - 15.59
end

-- The text a patient reads in one question: prompt, options, feedback,
-- explanation, hints, safety message; each piece ends as a sentence.
function M.question_text(q)
  local parts = {}
  local function add(s)
    if type(s) == "string" then parts[#parts + 1] = s end
  end
  add(q.prompt)
  add(q.explain)
  add(q.safety_message)
  add(q.feedback_true)
  add(q.feedback_false)
  for _, o in ipairs(type(q.options) == "table" and q.options or {}) do
    if type(o) == "table" then add(o.text) add(o.feedback) end
  end
  for _, h in ipairs(type(q.hints) == "table" and q.hints or {}) do add(h) end
  for _, p in ipairs(type(q.pairs) == "table" and q.pairs or {}) do
    if type(p) == "table" then add(p.left) add(p.right) end
  end
  for _, r in ipairs(type(q.rows) == "table" and q.rows or {}) do
    if type(r) == "table" then add(r.text) end
  end
  for _, it in ipairs(type(q.items) == "table" and q.items or {}) do add(it) end
  for _, k in ipairs(type(q.key_points) == "table" and q.key_points or {}) do
    if type(k) == "table" then add(k.says) end
  end
  return table.concat(parts, "\n")
end

function M.median(list)
  if #list == 0 then return nil end
  local s = {}
  for i, v in ipairs(list) do s[i] = v end
  table.sort(s)
  local mid = (#s + 1) // 2
  if #s % 2 == 1 then return s[mid] end
  return (s[mid] + s[mid + 1]) / 2
end

return M
