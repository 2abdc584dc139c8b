-- lint.lua: item-writing warnings for `teachback check`.
--
-- A question can be valid and still measure test-wiseness instead of
-- knowledge: the key is the longest option, a wrong option says "never",
-- the stem gives the answer away.  These rules look for the flaws item
-- writers are taught to avoid.  They only warn (exit 0); `check --strict`
-- makes any warning fail.  Each message names the rule in brackets and
-- says what to change.
--
-- The rules read a question after quiz.lua has checked and converted it,
-- so they run only on files without errors.  Nothing here decides a score.

local textnorm = require("textnorm")
local util = require("util")

local M = {}

M.LENGTH_RATIO = 1.4   -- key this many times the longest other option: a cue,
M.LENGTH_MARGIN = 8    -- and at least this many characters longer ("The eye"
                       -- against "Bone" is no cue)
M.ALPHA = 0.05         -- one-sided level of the quiz-wide "key is longest" test
M.MIN_ITEMS = 5        -- fewer single-answer questions than this: no quiz-wide test
M.STALE_MONTHS = 12    -- a review date older than this is due again

-- Words that make a false statement easy to spot.  Matched as whole words
-- after normalising (lower case, punctuation as spaces).
-- (A list for host.find_any, which finds the first in one call.)
local ABSOLUTE_WORDS = { "always", "never", "all", "none", "every", "everyone", "everything",
                         "nothing", "nobody", "only", "completely", "entirely", "guaranteed",
                         "guarantees", "certainly", "definitely", "impossible" }
local ABSOLUTE = {}
for _, w in ipairs(ABSOLUTE_WORDS) do ABSOLUTE[w] = true end
M.ABSOLUTE = ABSOLUTE

-- "every 4 weeks", "every day": a schedule, not an absolute.
local FREQUENCY = {}
for _, w in ipairs { "day", "days", "week", "weeks", "month", "months", "year", "years", "hour",
                     "hours", "morning", "night", "evening", "cycle", "cycles", "dose", "other",
                     "few", "two", "three", "four", "six", "second", "third" } do
  FREQUENCY[w] = true
end

-- Negative words in a stem; they must stand out (NOT, or *not*).  "least"
-- counts only before a judgement ("least likely"), not in "the least effect".
local NEGATIVE = { ["not"] = true, ["except"] = true, ["never"] = true, ["cannot"] = true,
                   ["false"] = true, ["incorrect"] = true, ["untrue"] = true }
local LEAST_BEFORE = { likely = true, appropriate = true, important = true, helpful = true,
                       useful = true, accurate = true, correct = true, suitable = true,
                       effective = true, urgent = true, necessary = true, concerning = true }

local function len(s)
  return utf8.len(s) or #s
end

-- The normal form of a text (textnorm.normalize), each text once per
-- question: the rules read the same prompt and options several times, and
-- normalising was most of linting a large file.  M.question empties it
-- (the same table while it stays small: a new one per question was most
-- of the garbage a large file made).
-- The texts normalised are listed too, so emptying it is a loop, not a
-- walk of the table with next.
local normal, normals, normalised = {}, 0, {}
local function norm(s)
  local n = normal[s]
  if not n then
    n = textnorm.normalize(s)
    normal[s] = n
    normals = normals + 1
    normalised[normals] = s
  end
  return n
end

-- Whether a normal form holds " of " (is_above), kept with it.
local has_of = {}

local function forget_normals()
  if normals > 32 then
    normal, normalised, has_of = {}, {}, {}
  else
    for i = 1, normals do
      local s = normalised[i]
      has_of[normal[s]] = nil
      normal[s] = nil
    end
  end
  normals = 0
end

-- A normal form is words joined by single spaces: how many words it has
-- is a question of its spaces.
local function has_words(s, n)
  local t = norm(s)
  if n == 1 then return t ~= "" end
  return t:find(" ", 1, true) ~= nil    -- n == 2: at least two
end

-- Does the normalised `needle` stand in `hay` as whole words?  (Each
-- place it occurs is tried, bounded by spaces or the ends.)
local function contains_words(hay, needle)
  if needle == "" then return false end
  local init, last = 1, #hay
  while true do
    local a, b = hay:find(needle, init, true)
    if not a then return false end
    if (a == 1 or hay:byte(a - 1) == 32) and (b == last or hay:byte(b + 1) == 32) then
      return true
    end
    init = a + 1
  end
end

-- "None of the above", "All of these", "Neither of them": options about
-- the other options, which must keep their place.
local function is_above(text)
  local t = norm(text)
  local at = has_of[t]                -- (asked for each option by two rules)
  if at == nil then
    at = t:find(" of ", 1, true) ~= nil
    has_of[t] = at
  end
  if not at then return false end      -- most options
  local first, rest = t:match("^(%a+) of (.*)$")
  if not (first == "all" or first == "none" or first == "both" or first == "neither") then
    return false
  end
  return rest:match("^the above") or rest:match("^these") or rest:match("^them")
      or rest:match("^the options") or false
end

-- ---- per question ---------------------------------------------------

-- The key of a single-answer question clearly longer than every other.
-- Returns whether the key is strictly the longest option (key_longest, for
-- the quiz-wide test, from the same lengths), or nil for another question.
local function length_cue(q, v)
  local options = q.options
  if q.type ~= "single" or #options < 2 then return nil end
  local key, n, longest_other
  for i = 1, #options do
    local o = options[i]
    local l = len(o.text)
    if o.correct then key, n = o, l
    elseif not longest_other or l > longest_other then longest_other = l end
  end
  local longest = n ~= nil and n > (longest_other or -1)
  if not key or not longest_other or longest_other == 0 then return longest end
  local ratio = n / longest_other
  if ratio >= M.LENGTH_RATIO and n - longest_other >= M.LENGTH_MARGIN then
    v:warn(key, "text", "question '%s': the correct option is %.1f times as long as the " ..
           "longest other one (%d against %d characters), a cue to the answer; shorten it " ..
           "or give the other options the same detail [length-cue]", q.id, ratio, n,
           longest_other)
  end
  return longest
end

-- The word of normal form t that starts at byte at, and where the next
-- one starts (nil at the end).
local function word_at(t, at)
  local space = t:find(" ", at, true)
  if space then return t:sub(at, space - 1), space + 1 end
  return t:sub(at), nil
end

-- "always", "never", "only" ... in a wrong option: each absolute word of
-- its normal form in turn (host.find_any, whole words), until one that is
-- not a schedule.
local find_any = host.find_any
local function absolutes(q, v)
  if q.type ~= "single" and q.type ~= "multiple" then return end
  local options = q.options
  for i = 1, #options do
    local o = options[i]
    if not o.correct and not is_above(o.text) then
      local t = norm(o.text)
      local a, w = find_any(t, ABSOLUTE_WORDS, 1, true)
      while a do
        local nxt = a + #w + 1          -- where the next word starts, if one follows
        local following = w == "every" and nxt <= #t and word_at(t, nxt)
        local schedule = following and (FREQUENCY[following] or following:match("^%d"))
        if not schedule then
          v:warn(o, "text", "question '%s': the wrong option \"%s\" says '%s', which " ..
                 "gives it away; write a plausible half-truth without absolutes [absolute]",
                 q.id, o.text, w)
          break
        end
        a, w = find_any(t, ABSOLUTE_WORDS, nxt, true)
      end
    end
  end
end

-- "All/none of the above" must keep its place when options shuffle.
local function above_not_fixed(q, v)
  if q.type ~= "single" and q.type ~= "multiple" then return end
  local options = q.options
  for i = 1, #options do
    local o = options[i]
    if is_above(o.text) and not o.fixed then
      v:warn(o, "text", "question '%s': \"%s\" moves when options are shuffled; mark it " ..
             "'fixed: true' (or drop it) [above-not-fixed]", q.id, o.text)
    end
  end
end

-- The question sentence of a stem: the last one ending in '?', else all.
-- (The last match of gmatch("[^.!?]*%?"), found by one match: no
-- iterator made a question.)
local function question_sentence(prompt)
  return prompt:match("([^.!?]*%?)[^?]*$") or prompt
end
M.question_sentence = question_sentence

-- Every word negative_stem looks for holds one of these: a stem with none
-- of them (most stems) is passed in one scan, not word by word.
local NEGATIVE_PARTS = { "not", "except", "never", "false", "incorrect", "untrue", "n't",
                         "least" }

local function may_be_negative(s)
  return find_any(s, NEGATIVE_PARTS) ~= nil     -- (in either case)
end

local function negative_stem(q, v)
  if q.type ~= "single" and q.type ~= "multiple" then return end
  -- The sentence is part of the prompt: a prompt with no negative word
  -- (most) has no sentence to cut out.
  if not may_be_negative(q.prompt) then return end
  local s = question_sentence(q.prompt)
  if not may_be_negative(s) then return end
  local at = 1
  while true do
    local a, b = s:find("[%a']+", at)
    if not a then return end
    local w = s:sub(a, b)
    local lw = w:lower()
    local after = (s:match("^%s+([%a]+)", b + 1) or ""):lower()
    if NEGATIVE[lw] or lw:match("n't$") or lw == "least" and LEAST_BEFORE[after] then
      local emphasised = (w == w:upper()) or s:sub(a - 1, a - 1):match("[*_]")
      if not emphasised then
        v:warn(q, "prompt", "question '%s': the stem asks a negative ('%s') that a reader " ..
               "can miss; write it in capitals or *like this*, or ask the positive " ..
               "[negative-stem]", q.id, w)
      end
      return
    end
    at = b + 1
  end
end

-- Text a learner sees before answering: prompt, and hints (one by one).
local function shown(q)
  local out = { { field = "the prompt", node = q, key = "prompt", text = q.prompt } }
  for i, s in ipairs(type(q.steps) == "table" and q.steps or {}) do
    out[#out + 1] = { field = ("step %d"):format(i), node = q.steps, key = i, text = s }
  end
  for i, h in ipairs(q.hints or {}) do
    out[#out + 1] = { field = ("hint %d"):format(i), node = q.hints, key = i, text = h }
  end
  return out
end

-- A number n-in-d (or "n out of d") that says the percentage `answer`.
local function says_percent(text, answer)
  local t = norm(text)
  for a, b in t:gmatch("(%d+) in (%d+)") do
    if tonumber(b) > 0 and math.abs(tonumber(a) / tonumber(b) * 100 - answer) < 0.5 then
      return a .. " in " .. b
    end
  end
  for a, b in t:gmatch("(%d+) out of (%d+)") do
    if tonumber(b) > 0 and math.abs(tonumber(a) / tonumber(b) * 100 - answer) < 0.5 then
      return a .. " out of " .. b
    end
  end
  return nil
end

-- Does a place shown before answering (the places of shown(q), in their
-- order) hold the answer ans?  Each one that does is warned about.
local function answer_shown(q, v, ans)
  local na = norm(ans)
  local function at(node, key, text, field, i)
    if contains_words(norm(text), na) then
      v:warn(node, key, "question '%s': %s contains the answer \"%s\"; hint at " ..
             "the reasoning, not the answer [gives-answer]", q.id,
             i and field:format(i) or field, ans)
    end
  end
  -- A cloze's own text is not shown as a hint; only its hints count.
  if q.type ~= "cloze" then at(q, "prompt", q.prompt, "the prompt") end
  for i, step in ipairs(type(q.steps) == "table" and q.steps or {}) do
    at(q.steps, i, step, "step %d", i)
  end
  for i, h in ipairs(q.hints or {}) do at(q.hints, i, h, "hint %d", i) end
end

-- The answers a question must not give away, each through answer_shown.
local function gives_answer(q, v)
  if q.type == "single" or q.type == "multiple" then
    local options = q.options
    for i = 1, #options do
      local o = options[i]
      -- One word ("Bone") is often the topic itself; two or more are a giveaway.
      if o.correct and has_words(o.text, 2) then answer_shown(q, v, o.text) end
    end
  elseif q.type == "text" then
    local a = util.trim((q.accept[1]:gsub("%*", " ")))
    if has_words(a, 1) and len(a) >= 3 then answer_shown(q, v, a) end
  elseif q.type == "cloze" then
    for _, b in ipairs(q.blanks) do
      if len(b.answer) >= 3 then answer_shown(q, v, b.answer) end
    end
  end
  if q.type == "numeric" then
    local places = shown(q)
    local num = util.fmt_num(q.answer)
    for _, p in ipairs(places) do
      local hit = contains_words(norm(p.text), norm(num)) and num
      local unit = q.unit and tostring(q.unit):lower() or ""
      if not hit and (unit:match("%%") or unit:match("percent")) then
        hit = says_percent(p.text, q.answer)
      end
      if hit then
        v:warn(p.node, p.key, "question '%s': %s gives the answer (%s); hint at the " ..
               "reasoning, not the number [gives-answer]", q.id, p.field, hit)
      end
    end
  end
end

-- The first entry of each normal form in the list repeated_in reads (one
-- table for every list; emptied before each, so a list that stopped on an
-- error cannot leave its texts to the next).
local seen, seen_size, seen_keys, seen_count = {}, 0, {}, 0

-- Entries of list whose texts read the same.  by_text: the warning points
-- at the entry's text field (an option), else at the entry itself.
-- (Its keys are listed as they go in, so emptying it is a loop.)  The
-- lists are checked ones: keys 1..#list.
local function repeated_in(q, v, list, what, by_text)
  if seen_size > 32 then
    seen, seen_keys = {}, {}
  else
    for i = 1, seen_count do seen[seen_keys[i]] = nil end
  end
  seen_count = 0
  seen_size = #list
  for i = 1, seen_size do
    local item = list[i]
    local text = type(item) == "table" and item.text or item
    if type(text) == "string" then
      local n = norm(text)
      if seen[n] then
        local node, key = list, i
        if by_text then node, key = list[i], "text" end
        v:warn(node, key, "question '%s': %s %d repeats %s %d (\"%s\"); make every " ..
               "choice different [repeated-option]", q.id, what, i, what, seen[n], text)
      else
        seen[n] = i
        seen_count = seen_count + 1
        seen_keys[seen_count] = n
      end
    end
  end
end

local function repeated(q, v)
  if q.type == "single" or q.type == "multiple" then
    repeated_in(q, v, q.options, "option", true)
  elseif q.type == "cloze" then
    for _, b in ipairs(q.blanks) do repeated_in(q, v, b.options, "option") end
  elseif q.type == "ordering" then
    repeated_in(q, v, q.items, "item")
  end
end

-- Does a word start with a vowel sound?  true, false, or nil (cannot tell:
-- letters such as M in an acronym are read "em" or as a word).
local CONSONANT_SOUND = { "^uni", "^use", "^usu", "^uti", "^ure", "^uri", "^eu", "^ewe",
                          "^one", "^once" }
local VOWEL_SOUND = { "^hour", "^honest", "^honou?r", "^heir" }
function M.vowel_sound(text)
  local w = text:match("^[%s\"'(]*([%w%-]+)")
  if not w then return nil end
  if #w >= 2 and w:match("^%u%u") then
    local c = w:sub(1, 1)
    if c:match("[AEIO]") then return true end
    if c:match("[FHLMNRSX]") then return nil end
    return false
  end
  local lw = w:lower()
  for _, p in ipairs(CONSONANT_SOUND) do if lw:match(p) then return false end end
  for _, p in ipairs(VOWEL_SOUND) do if lw:match(p) then return true end end
  if lw:match("^%d") then return nil end
  return lw:match("^[aeiou]") ~= nil
end

-- The word a prompt ends with before its blank ("... is a ___"): the last
-- run of letters, when only spaces, then '_', '.' or '…', then spaces
-- follow it; else nil.  (What "(%a+)%s*[_.…]*%s*$" finds, read from the
-- end: the pattern is retried at every letter of the prompt.)
local BLANK_MARK = { [95] = true, [46] = true, [0xE2] = true, [0x80] = true, [0xA6] = true }
local function is_space(b) return b == 32 or (b and b >= 9 and b <= 13) end
local function is_letter(b) return b and (b >= 65 and b <= 90 or b >= 97 and b <= 122) end
function M.word_before_blank(s)
  local i = #s
  local b = s:byte(i)                 -- (each byte read once: b is s's byte i)
  while i > 0 and is_space(b) do i = i - 1 b = s:byte(i) end
  while i > 0 and BLANK_MARK[b] do i = i - 1 b = s:byte(i) end
  while i > 0 and is_space(b) do i = i - 1 b = s:byte(i) end
  local stop = i
  while i > 0 and is_letter(b) do i = i - 1 b = s:byte(i) end
  if i == stop then return nil end
  return s:sub(i + 1, stop)
end

-- 'a' or 'an' (article) before a blank that some option does not fit.
local function article_fits(q, v, article, options, where_node, where_key, label)
  local an = article:lower() == "an"
  for _, o in ipairs(options) do
    local text = type(o) == "table" and o.text or o
    local vs = M.vowel_sound(text)
    if vs ~= nil and vs ~= an then
      v:warn(where_node, where_key, "question '%s': '%s %s' does not fit the option " ..
             "\"%s\", so the article gives the answer away; write 'a(n) %s' or put the " ..
             "article into each option [article-cue]", q.id, article, label, text, label)
      return
    end
  end
end

local function article_cue(q, v)
  if q.type == "cloze" then
    for num in q.text:gmatch("{{(%d+)}}") do
      local i = tonumber(num)
      local b = q.blanks[i]
      local before = q.text:match("(%a+)%s+{{" .. num .. "}}")
      if b and before and (before:lower() == "a" or before:lower() == "an") then
        article_fits(q, v, before, b.options, q, "text", "{{" .. num .. "}}")
      end
    end
  elseif q.type == "single" or q.type == "multiple" then
    local before = M.word_before_blank(q.prompt)
    if before and (before:lower() == "a" or before:lower() == "an") then
      article_fits(q, v, before, q.options, q, "prompt", "...")
    end
  end
end

-- The rules for one question.  Returns whether a single-answer question's
-- key is its longest option (nil for other questions).
function M.question(q, v)
  if type(q) ~= "table" or q.script ~= nil or type(q.prompt) ~= "string" then return nil end
  forget_normals()
  local longest = length_cue(q, v)
  absolutes(q, v)
  above_not_fixed(q, v)
  negative_stem(q, v)
  gives_answer(q, v)
  repeated(q, v)
  article_cue(q, v)
  return longest
end

-- ---- across a quiz --------------------------------------------------

M.EXACT_MAX = 400      -- beyond this many questions the tail is approximated

-- Upper tail of the standard normal, 1 - Phi(z) (Abramowitz and Stegun
-- 26.2.17; absolute error below 7.5e-8).
local function normal_tail(z)
  if z < 0 then return 1 - normal_tail(-z) end
  local t = 1 / (1 + 0.2316419 * z)
  local poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 +
               t * (-1.821255978 + t * 1.330274429))))
  return math.exp(-z * z / 2) / math.sqrt(2 * math.pi) * poly
end

-- P(X >= x) where X is the number of successes of independent trials
-- with probabilities ps (a Poisson binomial).  Exact, by dynamic
-- programming, up to EXACT_MAX trials; past that (a hostile or generated
-- file: the work would grow with the square) the normal approximation
-- with a continuity correction, which is close at that size.
function M.tail(ps, x)
  if x <= 0 then return 1 end
  if #ps > M.EXACT_MAX then
    local mu, var = 0, 0
    for _, p in ipairs(ps) do mu = mu + p; var = var + p * (1 - p) end
    if var == 0 then return x <= mu and 1 or 0 end
    return normal_tail((x - 0.5 - mu) / math.sqrt(var))
  end
  local dist = { [0] = 1 }
  for i, p in ipairs(ps) do
    local nextd = {}
    for k = 0, i do
      nextd[k] = (dist[k] or 0) * (1 - p) + (dist[k - 1] or 0) * p
    end
    dist = nextd
  end
  local s = 0
  for k = x, #ps do s = s + (dist[k] or 0) end
  return math.min(1, s)
end

-- Is the key of a single-answer question strictly the longest option?
local function key_longest(q)
  local key, other = nil, -1
  for _, o in ipairs(q.options) do
    if o.correct then key = len(o.text) else other = math.max(other, len(o.text)) end
  end
  return key ~= nil and key > other
end

-- Under chance a key is the longest of k options with probability 1/k.
-- The quiz is flagged when so many keys are longest that chance would give
-- that many (or more) less than ALPHA of the time.  ps: each single-answer
-- question's 1/k, hits and ids: those whose key is the longest (M.quiz).
local function key_longest_too_often(quiz, v, ps, hits, ids)
  if #ps < M.MIN_ITEMS then return end
  local p = M.tail(ps, hits)
  if p < M.ALPHA then
    local expected = 0
    for _, x in ipairs(ps) do expected = expected + x end
    v:warn(quiz, "questions", "in %d of %d single-answer questions the correct option is the " ..
           "longest (chance would give about %.1f; p = %.3f); shorten those keys or lengthen " ..
           "their distractors: %s [key-longest]", hits, #ps, expected, p,
           table.concat(ids, ", "))
  end
end

-- ---- review dates ---------------------------------------------------

-- Is `date` (YYYY-MM-DD) more than STALE_MONTHS before `today`?
function M.stale(date, today)
  if type(date) ~= "string" or type(today) ~= "string" then return false end
  local y, m, d = today:match("^(%d+)-(%d+)-(%d+)$")
  if not y then return false end
  local months = tonumber(y) * 12 + tonumber(m) - 1 - M.STALE_MONTHS
  local due = ("%04d-%02d-%s"):format(months // 12, months % 12 + 1, d)
  return date < due
end

local function stale_message(date, today)
  return ("reviewed %s, more than %d months before today (%s); review the content against " ..
          "current sources, then update 'reviewed' [review-due]"):format(date, M.STALE_MONTHS,
          today)
end

function M.quiz(quiz, v, opts)
  opts = opts or {}
  local ps, hits, ids = {}, 0, {}
  local questions = quiz.questions or {}
  for i = 1, #questions do
    local q = questions[i]
    local longest = M.question(q, v)    -- (length_cue measured the options)
    if type(q) == "table" and q.type == "single" and q.script == nil
       and type(q.options) == "table" and #q.options >= 2 then
      ps[#ps + 1] = 1 / #q.options
      if longest == nil then longest = key_longest(q) end
      if longest then
        hits = hits + 1
        ids[#ids + 1] = q.id
      end
    end
  end
  key_longest_too_often(quiz, v, ps, hits, ids)
  if opts.today and M.stale(quiz.reviewed, opts.today) then
    v:warn(quiz, "reviewed", "%s", stale_message(quiz.reviewed, opts.today))
  end
end

-- Warnings about a material document: items {file, line, col, severity, message}.
function M.material(doc, today)
  if today and M.stale(doc.reviewed, today) then
    return { { file = doc.path, line = doc.reviewed_line or 1, col = doc.reviewed_col or 1,
               severity = "warning", message = stale_message(doc.reviewed, today) } }
  end
  return {}
end

-- Sections of an index that no question cites.  cited["doc#sec"] = true.
-- A document's title (a level-1 heading) introduces the page; it is not
-- content a question should test, so it is left out.
function M.coverage(index, cited)
  local out = {}
  for _, id in ipairs(util.sorted_keys(index.docs)) do
    local doc = index.docs[id]
    for _, secid in ipairs(doc.order) do
      if not cited[id .. "#" .. secid] and (doc.sections[secid].level or 2) > 1 then
        out[#out + 1] = { file = doc.path, line = doc.sections[secid].line, col = 1,
          severity = "warning", message = ("section '%s#%s' is cited by no question; write " ..
          "one that cites it, or fold the section into another [coverage]"):format(id, secid) }
      end
    end
  end
  return out
end

-- The sections a question cites: its source, and its key points' sources.
function M.cites(q, cited)
  if type(q) ~= "table" then return end
  if type(q.source) == "string" then cited[q.source] = true end
  if type(q.key_points) ~= "table" then return end
  for _, kp in ipairs(q.key_points) do
    if type(kp) == "table" and type(kp.source) == "string" then cited[kp.source] = true end
  end
end

return M
