-- types/teachback.lua: teach-back, the learner explains in their own words.
--
-- A question lists key points (each with phrases in `any`) and optional
-- misconceptions (phrases and feedback).  A key point is covered when any
-- of its phrases is found in the learner's words, not negated; a
-- misconception is triggered the same way.
--
-- Scoring: `fraction` (default) = covered key points / key points;
-- `pass` = 1 when covered >= `pass` (default: all key points), else 0.
-- Triggered misconceptions are reported but never change the score.
--
-- The matching rules, exactly:
--
-- 1. Words.  Curly apostrophes count as "'".  A contraction ending in n't
--    becomes the word "not" ("don't" -> "do not", "can't" -> "ca not");
--    other apostrophes inside a word vanish ("dentist's" -> "dentists",
--    "I'd" -> "id").  Then the text is normalised by textnorm (lower case,
--    accents removed, punctuation to spaces) and split into words.
-- 2. Sentence parts and clauses.  The punctuation marks . , ; : ! ? (and a
--    line break) end a clause; a . or , between two digits ("38.5") does
--    not.  The words and, but, or, so, because (also cos, coz, cuz,
--    although, though, however, whereas) start a new clause too.  A phrase
--    matches inside one punctuation-delimited part (it may run across
--    and/but/... , which are ordinary words for matching).
-- 3. Stems.  Every word, in phrases and in the learner's text, is compared
--    by its stem (see stem() below): a few irregular forms (kept, broken,
--    went, told, ...) become their base; then -s (not after s, u, i) or
--    -ies -> -y; then one of -ing, -ed, -er, -est, -ly with minimum stem
--    lengths; a doubled final consonant undoubled; a final -e dropped.  So
--    slows/slowing/slowed meet slow, bones meets bone, stronger meets
--    strong.  Words of 3 letters or fewer, and words with digits or
--    letters outside ASCII, are not stemmed.
-- 4. Phrases.  A phrase is words separated by spaces.  A lone `*` between
--    two words stands for 0 to 3 words.  `word*` matches any word that
--    begins with `word`, or whose stem equals the stem of `word`.  Other
--    words must follow each other with nothing between.  A negation word in
--    a phrase ("not * cured") matches any negation word in the text.
-- 5. Negation.  The negation words are not, no, never, none, nothing,
--    nobody, nowhere, neither, nor, without, cannot, any n't contraction,
--    and the apostrophe-less forms dont, doesnt, didnt, isnt, arent, wasnt,
--    werent, wont, wouldnt, cant, couldnt, shouldnt, hasnt, havent, hadnt,
--    mustnt, neednt, aint, shant.  "no matter", "no doubt" and "not only"
--    are not negations.  A match does not count when a negation word stands
--    among the five words before its first word in the same clause; words
--    inside the match (in a gap) are not searched.  (A phrase found several
--    times counts if any one place is not negated.)
-- 6. Safety.  No Lua pattern is built from quiz or learner text: words are
--    compared as strings, and matching is a small dynamic programme over the
--    words of each part, O(words x phrase words x 4).

local choice = require("types.choice")
local json = require("json")
local lexicon = require("lexicon")
local textnorm = require("textnorm")
local util = require("util")

local M = {}
M.fields = { "key_points", "misconceptions", "pass", "scoring", "steps" }
M.SCORING = { "fraction", "pass" }
M.MAX_ANSWER = 2000      -- characters a learner may type
M.MAX_PHRASE_WORDS = 20  -- words (and gaps) in one phrase
M.GAP = 3                -- words a lone * may stand for
M.WINDOW = 5             -- words before a match searched for a negation

local KP_FIELDS = { id = true, says = true, any = true, source = true, urgent = true,
                    with = true }
local MIS_FIELDS = { id = true, any = true, feedback = true, cancels = true, answered_by = true }

---------------------------------------------------------------------------
-- Stemming

-- Words ending in -er, -est or -ing that are not comparatives, superlatives
-- or verb forms (the stem would be a different word: number -> numb).
local KEEP = lexicon.words([[cancer fever liver number never ever other another after water under
  over either neither whether together remember answer paper finger shoulder
  bladder matter letter sister mother father daughter brother partner member
  order border power danger offer suffer consider wonder bother rather further
  whatever however wherever whenever forever clever corner dinner summer winter
  chapter register deliver discover cover recover better ulcer cluster blister
  master anger hunger enter filter alter later carer weaker
  chest test rest request interest suggest honest modest harvest protest digest
  arrest invest forest manifest contest]])
-- ("later" is kept: "my late husband", "early calls to late ones" put nothing off.)
-- ("the sooner the better", "they'd much sooner I rang": no "soon", a delay.)
KEEP.sooner = true

-- Common irregular verb forms, looked up before the suffix rules.
local IRREGULAR = {
  kept = "keep", broke = "break", broken = "break", went = "go", gone = "go",
  told = "tell", took = "take", taken = "take", felt = "feel", ate = "eat", eaten = "eat",
  got = "get", gotten = "get", gave = "give", given = "give", thought = "think",
  brought = "bring", caught = "catch", fell = "fall", fallen = "fall", found = "find",
  knew = "know", known = "know", lost = "lose", made = "make", said = "say", saw = "see",
  seen = "see", spoke = "speak", spoken = "speak", wrote = "write", written = "write",
  began = "begin", begun = "begin", came = "come", ran = "run", sent = "send",
  spent = "spend", stood = "stand", understood = "understand", woke = "wake",
  rang = "ring", rung = "ring",
}
M.IRREGULAR = IRREGULAR

local VOWEL = "[aeiouy]"

local function has_vowel(s)
  return s:find(VOWEL) ~= nil
end

-- The stem of one normalised word.  Steps, in order:
--   0. an irregular form becomes its base (kept -> keep, broken -> break).
--   1. -ies -> -y (words of 5+ letters: therapies -> therapy); else -s is
--      dropped (stem of 3+ letters, not after s, u or i: bones -> bone,
--      passes -> passe; less, virus, metastasis stay).
--   2. the first of -ing, -ed, -er, -est (stem of 3+ letters with a vowel;
--      not -eed; not the KEEP words) or -ly (stem of 4+ letters, not after a
--      vowel: slowly -> slow, daily and only stay).
--   3. after -ing/-ed/-er/-est, a doubled final consonant other than l, s, z
--      is undoubled if 3+ letters remain (stopped -> stop, bigger -> big).
--   4. a final -e is dropped from a word of 4+ letters (bone -> bon, so
--      bone/bones/boned meet; take/taking meet as "tak").
-- (With string.byte and the string functions at hand, not a method call on
-- a string for each test: a word's stem cost some 12,000 instructions, now
-- about 5,000, for every new word of an answer and the word sets.)
do
  local sub, byte, find = string.sub, string.byte, string.find
  local SUFFIXES = { "ing", "est", "ed", "er" }
  local IS_VOWEL = { [97] = true, [101] = true, [105] = true, [111] = true, [117] = true,
                     [121] = true }                       -- a e i o u y
  local DOUBLE_KEPT = { [97] = true, [101] = true, [105] = true, [111] = true, [117] = true,
                        [108] = true, [115] = true, [122] = true } -- a e i o u l s z
  function M.stem_rules(w)
    w = IRREGULAR[w] or w
    local n = #w
    if n <= 3 or find(w, "[%d\x80-\xff]") then return w end
    if KEEP[w] then return w end
    -- 1. plurals and third person (115: s, 117: u, 105: i)
    if n >= 5 and sub(w, -3) == "ies" then
      w, n = sub(w, 1, -4) .. "y", n - 2
    elseif byte(w, n) == 115 and n >= 4 then
      local b = byte(w, n - 1)
      if b ~= 115 and b ~= 117 and b ~= 105 then w, n = sub(w, 1, -2), n - 1 end
    end
    if KEEP[w] then return w end
    -- 2. one verb or adjective ending (101: e)
    local cut
    for i = 1, 4 do
      local suf = SUFFIXES[i]
      local k = #suf
      if n - k >= 3 and sub(w, -k) == suf then
        local s = sub(w, 1, -k - 1)
        if has_vowel(s) and not (suf == "ed" and byte(s, -1) == 101) then
          w, n, cut = s, n - k, true
        end
        break
      end
    end
    if not cut and n >= 6 and sub(w, -2) == "ly" and not IS_VOWEL[byte(w, -3)] then
      w, n = sub(w, 1, -3), n - 2
    end
    -- 3. undouble
    if cut and n >= 4 then
      local a = byte(w, -2)
      if a == byte(w, -1) and not DOUBLE_KEPT[a] then w, n = sub(w, 1, -2), n - 1 end
    end
    -- 4. final e (101)
    if n >= 4 and byte(w, n) == 101 then w = sub(w, 1, -2) end
    return w
  end
  -- M.stem_rules in C where the engine runs (host.stemmer, textfold.c: the
  -- same stem for every word, tests/lua/test_fold.lua), some 400
  -- instructions a word where these steps cost 5,000.
  M.stem = host and host.stemmer(IRREGULAR, KEEP) or M.stem_rules
end

---------------------------------------------------------------------------
-- Words, parts, sentences and negation

local NEG = lexicon.NEGATIONS
local mark_their_story
local mark_clauses, mark_bygone, retract, second_thoughts, escalation, consulted_first,
  leads_sentence, consequent, flat_of, opening_words, team_if, team_acts, warned, listed, reported_then_answered, conditional_only, idle_before, onset_between, others_between, told_of, read_first, urgency_said, disowned, taint, vague, to_person
-- "no matter", "no doubt", "not only": a negation word that negates nothing.
-- "not till the morning" puts the call off: the delay after it counts.
-- "no, actually" and "no, sorry" take back what went before (retract()),
-- they negate nothing after.
-- ("2am doesnt matter ring them now")
local NOT_NEG = { no = { matter = true, doubt = true, actually = true, sorry = true },
                  doesnt = { matter = true }, dont = { matter = true },
                  ["not"] = { only = true, till = true, til = true, ["until"] = true } }
-- ("not sure if now or in the morning", "dont know if tonight or
-- tomorrow", "no idea": unsure.  What follows is still denied as a belief
-- ("I'm not sure it's a cold"), but a delay in it still holds the call
-- back: its tokens are marked `unsure`.)
local UNSURE = { no = { idea = true }, ["not"] = { sure = true }, dont = { know = true } }

M.NEGATIONS = NEG

-- Apostrophes: unify, turn n't into " not", drop the rest inside words.
local function apostrophes(s)
  s = s:gsub("\xE2\x80\x99", "'"):gsub("\xE2\x80\x98", "'"):gsub("\xCA\xBC", "'"):gsub("`", "'")
  s = s:gsub("(%a)[nN]'[tT]%f[%A]", "%1 not")
  s = s:gsub("(%a)'(%a)", "%1%2")
  return s
end

-- Stems are looked up often: remembered, up to a bound (the memo is
-- dropped when full, so hostile text cannot grow it without limit).
local stem_memo, stem_count = {}, 0
local function stem_of(w)
  local st = stem_memo[w]
  if st then return st end
  st = M.stem(w)
  if stem_count >= 20000 then stem_memo, stem_count = {}, 0 end
  stem_memo[w], stem_count = st, stem_count + 1
  return st
end

-- The stems of the words of a list written as one string, as a set made
-- the first time it is read: M.stem is dear (some 5,000 instructions a
-- word), and most answers never read these sets.  (Read by key only: a
-- pairs() before that would find it empty.  A field, not a local: the main
-- chunk is near Lua's 200 locals.)
function M.stem_set(list)
  return setmetatable({}, { __index = function(set, k)
    setmetatable(set, nil)
    for w in pairs(lexicon.words(list)) do set[M.stem(w)] = true end
    return rawget(set, k)
  end })
end

local function token(w, raw)
  return { w = w, raw = raw or w, stem = stem_of(w), neg = NEG[w] or false }
end

-- The first words of the LAY keys, and the most words a key has: made at
-- build time with the speller's words (scripts/lexvocab.lua), or here.
function M.lay_first(lay)
  local firsts = {}
  for key in pairs(lay) do
    local first, n = key:match("^(%S+)"), select(2, key:gsub("%S+", ""))
    firsts[first] = math.max(firsts[first] or 0, n)
  end
  return firsts
end
local LAY_FIRST = (require("lexvocab") or {}).LAY_FIRST or M.lay_first(lexicon.LAY)

-- The longest LAY key starting at words[i] (up to 4 words): its length
-- and replacement.
local function lay_at(words, i)
  local most = LAY_FIRST[words[i]]
  if not most then return nil end
  for n = most, 1, -1 do
    if words[i + n - 1] then
      local key = table.concat(words, " ", i, i + n - 1)
      local rep = lexicon.LAY[key]
      if rep then return n, rep end
    end
  end
  return nil
end

-- Normalised words of one piece of text with lay words rewritten and
-- phone spellings read; fix (optional) corrects the rest.  Each token
-- keeps what was typed (raw) for the evidence; a rewrite of several words
-- gives its raw text to its first token.
local function tokens_of(piece, fix)
  local words, typed = {}, {}
  for w in textnorm.normalize(piece):gmatch("%S+") do
    typed[#typed + 1] = w
    words[#words + 1] = lexicon.PHONE[w] and not NEG[w] and lexicon.PHONE[w] or w
  end
  local out, i = {}, 1
  while i <= #words do
    local n, rep = lay_at(words, i)
    if n then
      local raw = table.concat(typed, " ", i, i + n - 1)
      for w in rep:gmatch("%S+") do
        out[#out + 1] = token(w, raw)
        raw = ""
      end
      i = i + n
    else
      local w = words[i]
      if fix and not NEG[w] then w = fix(w) or w end
      for part in w:gmatch("%S+") do out[#out + 1] = token(part, typed[i]) end
      i = i + 1
    end
  end
  return out
end

-- Does class-word table `set` (first words of a class's entries, by stem,
-- and prefixes) hold token t?
local function in_set(set, t)
  local hit = set.memo[t.w]
  if hit ~= nil then return hit end
  if not set.stems then set.make() end
  hit = set.stems[t.stem] or set.empty_prefix or false
  -- (Only the prefixes of t's first byte: every one was a sub a look-up.)
  local near = not hit and set.by_byte[t.w:byte()]
  if near then
    for i = 1, #near do
      if t.w:sub(1, #near[i]) == near[i] then hit = true break end
    end
  end
  if set.count >= 20000 then set.memo, set.count = {}, 0 end
  set.memo[t.w], set.count = hit, set.count + 1
  return hit
end

-- (Its stems are made at its first look-up: each costs a few pattern
-- calls and a stem, and many answers never look in a set.)
local function word_set(list)
  local set = { memo = {}, count = 0 }
  set.make = function()
    set.stems, set.prefixes = {}, {}
    for _, ph in ipairs(list) do
      local first = ph:match("^(%S+)")
      if first and not first:find("[<>]") then
        if first:sub(-1) == "*" then
          set.prefixes[#set.prefixes + 1] = first:sub(1, -2)
        end
        set.stems[M.stem(textnorm.normalize(first:gsub("%*", "")))] = true
      end
    end
    set.by_byte = {}
    for _, p in ipairs(set.prefixes) do
      if p == "" then set.empty_prefix = true end
      local near = p ~= "" and (set.by_byte[p:byte()] or {})
      if near then near[#near + 1], set.by_byte[p:byte()] = p, near end
    end
  end
  return set
end

M.word_set, M.in_set = word_set, in_set  -- (for tests/lua/test_teachback.lua)

-- The one-word actions (and go, head, rush) stop a negated wrong action.
local ACTION_WORDS = {}
for _, ph in ipairs(lexicon.CLASSES.action) do
  if not ph:find(" ") then ACTION_WORDS[#ACTION_WORDS + 1] = ph end
end
for _, w in ipairs({ "go", "head*", "rush*", "speak*", "talk*" }) do
  ACTION_WORDS[#ACTION_WORDS + 1] = w
end
ACTION_WORDS = word_set(ACTION_WORDS)
local WAIT_WORDS = word_set(lexicon.CLASSES.wait)

-- Negation scope, marked on each token as `negated`.  A negation reaches
-- forward over at most SCOPE words since itself or the last "and"/"or"
-- (so it covers coordinated actions: "not lie down and wait"), and stops
-- at the end of the part, at a contrast word (but, instead, rather, so,
-- because, then, ...), at a new subject ("I would not wait I would phone"),
-- and at an action word once a wrong action has been negated ("do not wait
-- and phone them": the phone is not negated).
M.SCOPE = 6
local COMPLEMENT = { mean = true, means = true, meant = true, think = true, say = true,
                     that = true, believe = true, something = true, anything = true,
                     thing = true, this = true }
-- "No way am I waiting", "never would I wait": a subject after an auxiliary
-- straight after the negation is inverted, not a new clause.
local AUX = { am = true, is = true, are = true, would = true, will = true, could = true,
              should = true, can = true, shall = true, ["do"] = true, did = true, was = true }
local WAKE = { ["or"] = true, nor = true, ["until"] = true, till = true, til = true }
FORGET_LEAD = lexicon.words([[so just and but then oh]])
PREFER_TO = lexicon.words([[prefer prefers preferred]])
local PREFER = { rather = true, sooner = true, better = true }
-- ("not to think I'll see how I am in the morning": a subject inside a
-- denied thought's own clause.)
local EMBED = { how = true, what = true, whether = true }
-- A negated wait reaches over the whole wait ("not wait to see the doctor
-- in the morning"): this many words.
M.WAIT_SCOPE = 10
-- ("not take paracetamol and go to bed": going to bed is no call for
-- help, so the negation goes on over it.)
local function help_action(part, i)
  local t = part[i]
  if not in_set(ACTION_WORDS, t) then return false end
  local n1, n2 = part[i + 1], part[i + 2]
  if t.stem == "go" and n1 and (lexicon.REST_PLACE[n1.w] or (n1.w == "to" and n2 and lexicon.REST_PLACE[n2.w]) or
                                (n1.w == "back" and n2 and (n2.w == "to" or lexicon.REST_PLACE[n2.w]))) then
    return false
  end
  return true
end
-- "It is not only a cold.": "not only" before a thing named, with no
-- "but" after it in the part, denies the "only" ("not only a cold, but
-- also…" denies it too); "not only call them but also go in" adds.
function only_a(part, i)
  local t, nxt, after = part[i], part[i + 1], part[i + 2]
  if not (t.w == "not" and nxt.w == "only" and after and lexicon.DETERMINER[after.w]) then
    return false
  end
  for k = i + 2, #part do
    if part[k].w == "but" or part[k].w == "also" then return false end
  end
  return true
end

-- (carry: a wrong action denied at the end of the part before, in the
-- same sentence, which an "or" opening this part wakes: "please don't wait
-- to see if it goes, or until your next appointment".)  Returns what
-- the next part may carry.
local function mark_negation(part, carry)
  local active, since, wrong, dormant, waited, thought = false, 0, false, false, false, false
  local unsure, by_no, tried, trying = false, false, false, false
  local prefer_at
  if carry and (part[1].w == "or" or part[1].w == "nor") then
    dormant, wrong, waited = true, carry.wrong, carry.waited
  end
  for i, t in ipairs(part) do
    local nxt, prev = part[i + 1], part[i - 1]
    if t.neg and nxt and NOT_NEG[t.w] and NOT_NEG[t.w][nxt.w] and not only_a(part, i) then
      t.neg = false
    end
    if t.w == "no" and prev and prev.w == "actually" then t.neg = false end
    -- ("I can't help fretting over being a nuisance": the fretting is so.)
    if t.neg and nxt and nxt.w == "help" and part[i + 2] and part[i + 2].w:find("..ing$") then
      t.neg = false
    end
    -- "different from", "instead of", "rather than", "unlike" deny what
    -- follows: "different from a primary bone cancer".
    if (prev and lexicon.DENY[prev.w] and lexicon.DENY[prev.w][t.w]) or t.w == "unlike" then
      t.neg = true
    end
    -- ("they'd sooner hear from me early than late", "rather hear from me
    -- than have me sit on it": what follows "than" is what is not wanted.)
    if t.w == "than" then
      for k = math.max(1, i - 8), i - 1 do
        if PREFER[part[k].w] then t.neg = true end
      end
    end
    -- ("They'd much prefer an early call to a very poorly patient in the
    -- morning": what follows that "to" is not wanted; "prefer to wait" is.)
    if PREFER_TO[t.w] then prefer_at = i end
    if t.w == "to" and prefer_at and i > prefer_at + 2 and i <= prefer_at + 6 then t.neg = true end
    -- ("it doesn't mean I'm dying": a subject after "mean", "think",
    -- "say" or "that" starts what is denied, not a new clause; so after
    -- "this": "none of this 'I'll see how I feel'".)
    local before = part[i - 2]
    local complement = lexicon.SUBJECT[t.w] and prev and
                       (COMPLEMENT[prev.w] or
                        (AUX[prev.w] and before and (before.neg or before.w == "way")) or
                        (active and thought and (prev.w == "or" or prev.w == "nor" or EMBED[prev.w])) or
                        (active and waited and EMBED[prev.w]) or
                        -- ("don't you dare go back to bed", "Don't you sit on
                        -- it": the "you" of a command keeps it; "why don't you
                        -- ring them" asks.)
                        (prev.neg and nxt and (nxt.w == "dare" or
                         (t.w == "you" and (prev.w == "dont" or (prev.w == "not" and before and before.w == "do")) and
                          not (part[i - 3] and part[i - 3].w == "why") and
                          not (before and before.w == "why")))))
    -- ("the cancer isn't responding and is progressing": an auxiliary
    -- after "and" starts a predicate of its own.)
    -- ("not cos one's worse": a reason denied, not a contrast.)
    local denied_reason = prev and prev.neg and (t.w == "because" or t.w == "cos" or t.w == "coz" or
                                                 t.w == "cuz")
    local stop = (lexicon.CONTRAST[t.w] and not denied_reason) or (lexicon.SUBJECT[t.w] and not complement) or
                 -- ("Don't wait to tell the doctor at your next visit": a
                 -- telling the wait holds back stays under it; "don't wait
                 -- to call" still calls.)
                 (wrong and help_action(part, i) and
                  not (waited and lexicon.TELLING[t.w] and prev and prev.w == "to" and part[i - 2] and
                       part[i - 2].w:find("^wait"))) or
                 (AUX[t.w] and prev and (prev.w == "and" or prev.w == "or")) or
                 -- ("a temperature with no other symptoms can wait": "no"
                 -- denies its noun, not the verb after it.)
                 (by_no and AUX[t.w] and since >= 2) or
                 -- ("I'd try not to be a nuisance and wait until the clinic
                 -- opens": what is tried not is one thing; the "and" goes on
                 -- with the plan.)
                 (tried and t.w == "and")
    -- ("not going to lie on the sofa with a hot water bottle": a wrong
    -- action denied is denied with all it comes with.)
    -- ("don't try to sort it out at home with paracetamol and bed rest":
    -- what one is told not to try reaches as far as a wait.)
    if active and (stop or since >= ((waited or thought or wrong or trying) and M.WAIT_SCOPE or M.SCOPE)) then
      -- A negated wrong action that runs out of words sleeps: an "or",
      -- "nor", "until" or "till" wakes it ("must not wait for her next
      -- review at the clinic or just take paracetamol" negates the
      -- paracetamol too; "not something to wait on until her next visit").
      dormant = wrong and not stop
      active = false
    elseif dormant and stop then
      dormant = false
    end
    t.negated = active and not t.neg
    t.unsure = t.negated and unsure
    -- ("I wouldn't wait to see if a swollen leg goes down": the sign is
    -- named all the same; see M.analyse.)
    -- (So too after a wrong action denied: "I wouldn't sit at home with a
    -- painful swollen leg".)
    t.under_wait = t.negated and (waited or wrong)
    -- ("not to think 'it's a cold' or 'I'll see in the morning'": each
    -- thought denied.)
    -- ("I'd not put it down to lumbago at my age": an attribution denied.)
    -- ("Don't brush a temperature off as a bit of a cold".)
    if active and since <= 2 and (COMPLEMENT[t.w] or t.w == "put" or t.w == "blame" or t.w == "brush") then
      thought = true
    end
    -- ("Forget the hot toddy.", "So forget waiting till the morning": an
    -- order to drop what follows; "I'd forget to ring" is no order.)
    if t.w == "forget" and nxt and (i == 1 or (i == 2 and FORGET_LEAD[prev.w])) and
       (lexicon.DETERMINER[nxt.w] or nxt.w == "about" or nxt.w:find("..ing$")) then
      t.neg = true
    end
    if t.neg then
      active, since, wrong, dormant, thought = true, 0, false, false, false
      -- ("A temperature on its own without other symptoms can wait")
      by_no = t.w == "no" or t.w == "without"
      tried = prev ~= nil and prev.w:find("^tr[iy]") ~= nil
      -- (what one is told not to try, and what is less wanted than
      -- something preferred, reach as far as a wait)
      trying = (nxt ~= nil and nxt.w:find("^tr[iy]") ~= nil) or (t.w == "to" and prefer_at ~= nil)
      unsure = nxt and UNSURE[t.w] and UNSURE[t.w][nxt.w] or false
      waited = nxt and nxt.w:find("^wait") and true or false
    elseif active then
      since = since + 1
      if t.w == "and" or WAKE[t.w] then since = 0 end
      if in_set(WAIT_WORDS, t) then wrong = true end
    elseif dormant and WAKE[t.w] then
      active, since, dormant = true, 0, false
    end
  end
  if (active or dormant) and (wrong or waited) then return { wrong = wrong, waited = waited } end
  return nil
end

-- Clauses, numbered on each token as `clause`: a part, cut again before
-- each word that starts a clause (and, but, so, because, which, ...).  A
-- right word inside a wrong claim is judged by its clause.
local CLAUSE_WORDS = lexicon.words([[and but or so because cos coz cuz then which while whilst whereas although though
  however yet unless]])
-- Words within three after "if", "when", "whether", "unless" or "what"
-- are `supposed`: "if I leave it I could lose my walking".
local SUPPOSE = { ["if"] = true, ["when"] = true, whether = true, unless = true, what = true }
SO_DEGREE_AFTER = lexicon.words([[got get gets getting went go goes going gone is was are were be been
  feel feels felt feeling became become becomes seem seems seemed look looks looked its im]])
function mark_clauses(parts)
  local n = 0
  for _, part in ipairs(parts) do
    n = n + 1
    for k, t in ipairs(part) do
      -- ("if my legs got so weak I couldn't stand": "so" of degree.)
      local degree = t.w == "so" and k > 1 and SO_DEGREE_AFTER[part[k - 1].w]
      if k > 1 and CLAUSE_WORDS[t.w] and not degree then n = n + 1 end
      t.clause = n
      for j = math.max(1, k - 3), k - 1 do
        if SUPPOSE[part[j].w] then t.supposed = true end
      end
    end
  end
end

-- Bygone: the rest of a clause after "would have" (not "would have to"),
-- "would've" or "used to" is what was, or would have been, not what the
-- learner will do or believes now ("in the old days I'd have waited till
-- the surgery opened, but…"; "I used to think it was a new cancer").
-- ("She must have the private insurance", "might have": a guess, not a past.)
local WOULD = { would = true, id = true, wed = true, youd = true, shed = true, hed = true,
                theyd = true }
-- ("I'd have my neighbour run me down to casualty": someone made to act,
-- not a past.)
local PERFECT = { wouldve = true, couldve = true, shouldve = true, idve = true }
-- A sentence opened by "last time", "last year", "years ago", "in the
-- past" tells a story up to its first contrast ("Last year I had a sore
-- back and I waited and it went. But this is different…").
local LAST = { time = true, year = true, month = true, week = true, night = true,
               winter = true, summer = true, christmas = true }
local PAST = { went = true, was = true, had = true, did = true, rang = true, sat = true,
               left = true, thought = true, took = true, felt = true, got = true }
-- (A story's reason is the story's: "Last winter I sat up till 7am
-- because I didn't want to wake anyone".)
local BECAUSE = { because = true, cos = true, coz = true, cuz = true }
-- Someone else's past: from a past verb whose subject is another person
-- ("One of the ladies on our ward thought her fever was just a cold and
-- waited") to the next "I", "we" or "you".
local OTHER_ONE = { lady = true, ladies = true, woman = true, women = true, man = true,
                    patient = true, she = true, he = true, friend = true, neighbour = true,
                    neighbor = true, sister = true, mum = true, mother = true,
                    patients = true, people = true, someone = true, somebody = true,
                    dad = true, father = true, husband = true, wife = true, son = true,
                    daughter = true, brother = true, nan = true, gran = true, grandma = true,
                    partner = true, others = true, folk = true, folks = true, family = true,
                    everyone = true, everybody = true }
local FIRST = { i = true, id = true, ill = true, im = true, ive = true, we = true, wed = true,
                you = true, youd = true, youll = true, youre = true, so = true }
-- (What they thought or did about it; "my friend was on HRT, so it's the
-- same thing" is a fact the learner builds on, not a story.)
local THEIR_CHOICE = lexicon.words([[thought waited left sat decided believed reckoned figured assumed ignored
  slept stayed told]])
-- (The story goes on past a comma in its sentence: "a lady who thought
-- her shivers were nothing and went to bed, and by morning she was ill".)
function mark_their_story(parts)
  local who, from, sent = false, false, nil
  for _, part in ipairs(parts) do
    for _, t in ipairs(part) do
      if FIRST[t.w] or t.sent ~= sent then who, from, sent = false, false, t.sent end
      if OTHER_ONE[t.w] then who = true end
      if who and not from and THEIR_CHOICE[t.w] then from = true end
      if from then t.bygone = true end
    end
  end
end

-- Someone else's advice, refused in the same sentence: "My sister would
-- tell me to wait but she's not the one with cancer", "my husband would
-- say take a couple of paracetamol and lie down but no".  From the saying
-- to the "but", with no "I" of the learner's between, the words are theirs.
-- ("She'd want to lie down and see how it goes, but we wouldn't": a
-- wish of theirs, so too.)
THEIR_WISH_WHO = lexicon.words([[shed hed theyd]])
function mark_advice_refused(parts)
  local flat = flat_of(parts)
  for i, t in ipairs(flat) do
    if OTHER_ONE[t.w] or THEIR_WISH_WHO[t.w] then
      local say
      for k = i + 1, math.min(#flat, i + 3) do
        if flat[k].sent ~= t.sent then break end
        if lexicon.ADVISE[flat[k].w] or lexicon.WISH[flat[k].w] then say = k break end
      end
      local k = say and say + 1
      while k and flat[k] and flat[k].sent == t.sent and not FIRST[flat[k].w] do
        if flat[k].w == "but" then
          for j = say, k - 1 do flat[j].bygone = true end
          break
        end
        k = k + 1
      end
    end
  end
end

-- Is there a past verb after token t in its sentence?
local function past_in_sentence(parts, t)
  for _, part in ipairs(parts) do
    for _, u in ipairs(part) do
      if u.sent == t.sent and u.g > t.g and (PAST[u.w] or THEIR_CHOICE[u.w]) then return true end
    end
  end
  return false
end

-- What the learner once thought, set against now by the next sentence:
-- "When I was first diagnosed I assumed it was hopeless. Now I know the
-- drugs can keep it quiet for years."  A sentence with "I" and a past
-- verb of mind (or "used to"), followed by one that opens with "now".
local THEN_OPENER = { but = true, ["and"] = true }
local function mark_then_now(parts)
  local flat = flat_of(parts)
  local opens = opening_words(flat, THEN_OPENER)
  local once = {}
  for i, t in ipairs(flat) do
    local prev = flat[i - 1]
    -- ("I'd have thought it was a strained muscle. Now I know...")
    if lexicon.ONCE_MIND[t.w] and prev and prev.sent == t.sent and (prev.w == "i" or prev.w == "have") then
      once[t.sent] = true
    end
  end
  -- ("I thought it was chemo. Then the nurse explained it's a steroid":
  -- set right by someone's telling, in the next sentence's first words.)
  local put_right = {}
  for i, t in ipairs(flat) do
    if lexicon.PUT_RIGHT[t.w] and opens[t.sent] == "then" and
       (not flat[i - 4] or flat[i - 4].sent ~= t.sent) then
      put_right[t.sent] = true
    end
  end
  -- ("My first instinct would be to lie there till morning. But they
  -- were clear…": an urge set aside by the next sentence's "but".)
  local first_word = opening_words(flat, {})
  for _, t in ipairs(flat) do
    if lexicon.URGE[t.w] and lexicon.SET_ASIDE[first_word[t.sent + 1]] then once[t.sent] = "urge" end
  end
  for _, t in ipairs(flat) do
    if once[t.sent] and (opens[t.sent + 1] == "now" or put_right[t.sent + 1] or
                         once[t.sent] == "urge") then
      t.bygone = true
    end
  end
end

local function mark_story(parts)
  local story, whos
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      local nxt = part[k + 1]
      -- ("the breast one was dealt with years ago, and now it's a
      -- different cancer in my liver": "now" ends the story.)
      if story and (t.sent ~= story or (lexicon.CONTRAST[t.w] and not BECAUSE[t.w]) or
                    t.w == "now") then
        story = nil
      end
      -- ("a lady who waited till her clinic day": her story, to the clause's end.)
      -- ("a lady who'd taken paracetamol all weekend", but not "a friend
      -- who'd drive me in now".)
      -- (It goes on past a comma until the learner speaks again: "a lady
      -- who took Tylenol, felt better and went to bed, and came in
      -- septic. So: ...")
      if whos and (t.sent ~= whos or FIRST[t.w] or lexicon.CONTRAST[t.w]) then whos = nil end
      if whos then t.bygone = true end
      if (t.w == "who" and nxt and (nxt.w:find("ed$") or PAST[nxt.w])) or
         (t.w == "whod" and nxt and (nxt.w:find("ed$") or nxt.w:find("en$") or PAST[nxt.w])) then
        whos = t.sent
      end
      -- ("In my day you'd have put a cold flannel on and gone to bed".)
      if (t.w == "in" and nxt and nxt.w == "my" and part[k + 2] and part[k + 2].w == "day") or
         (t.w == "last" and nxt and LAST[nxt.w]) or (t.w == "years" and nxt and nxt.w == "ago") or
         (t.w == "in" and nxt and nxt.w == "the" and part[k + 2] and part[k + 2].w == "past") then
        story = t.sent
      end
      -- ("On my first cycle I sat on a fever till morning": a first time
      -- told in the past is a story.)
      if t.w == "first" and nxt and lexicon.FIRST_TIME[nxt.w] and past_in_sentence(parts, t) then
        story = t.sent
      end
      -- ("The old me would have waited till morning so as not to make a fuss.")
      if t.w == "old" and nxt and (nxt.w == "me" or nxt.w == "self") and k > 1 and
         (part[k - 1].w == "the" or part[k - 1].w == "my") then
        story = t.sent
      end
      -- ("When I first started I had a sore leg and left it till my next
      -- visit": a past verb after the beginning itself.)
      if t.w == "first" and nxt and lexicon.BEGAN[nxt.w] and past_in_sentence(parts, nxt) then
        story = t.sent
      end
      -- ("I had a fever once on my first cycle and thought I'd sleep it
      -- off": "once" after a past verb tells a story.)
      -- ("I waited overnight once with a fever… Never again": the past
      -- verb before "once" is the story's too, from its sentence's start.)
      if t.w == "once" and k > 1 then
        for j = math.max(1, k - 4), k - 1 do
          if PAST[part[j].w] or THEIR_CHOICE[part[j].w] then
            story = t.sent
            for i = k - 1, 1, -1 do
              if part[i].sent ~= t.sent then break end
              part[i].bygone = true
            end
          end
        end
      end
      if story then t.bygone = true end
    end
  end
  mark_their_story(parts)
  mark_advice_refused(parts)
  mark_then_now(parts)
end

-- Waiting for the team to ring back after a call is no holding back:
-- "I'd phone the triage line. While I waited for them to ring back I'd
-- pack a bag."  In a "while" clause after a call, the words up to the
-- clause's next subject are treated as bygone: no delay, no belief.
local WHILE = { ["while"] = true, whilst = true }
local function mark_interim(parts)
  local called = false
  for _, part in ipairs(parts) do
    local from
    for k, t in ipairs(part) do
      if from and (t.clause ~= part[from].clause or (k > from + 1 and lexicon.SUBJECT[t.w])) then
        from = nil
      end
      if WHILE[t.w] and called then from = k end
      if from then t.bygone = true end
      if not from and not t.negated and in_set(ACTION_WORDS, t) then called = true end
    end
  end
end

-- Signs by the nouns that name them: "the swelling can wait" is no chore.
SIGN_NOUN = lexicon.words([[swelling leg legs arm arms pain back fever temperature temp breathing
  breathlessness cough headache rash bleeding sickness vomiting diarrhoea diarrhea chest]])
-- Chores put off to make room for the call: "I'd ring the team now and
-- deal with everything else later, the washing can wait".  "Everything
-- else" or "the rest" and the few words after it, and "the/my X can
-- wait", are no putting off of help ("or else I'd wait" still is).
function chore_left_before(parts, t)
  local flat = flat_of(parts)
  for g = t.g - 3, 1, -1 do
    local u, n = flat[g], flat[g + 1]
    if u.sent ~= t.sent then break end
    if (u.w == "leave" or u.w == "leaving") and lexicon.CHORE_OWNER[n.w] then return true end
  end
  return false
end

local function mark_chores(parts)
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      local prev = part[k - 1]
      -- ("the rest can wait", but "leave the rest in the cupboard" is a
      -- medicine stopped.)
      local nxt = part[k + 1]
      -- ("For anything else I'd wait till the office opens": the other
      -- signs, not the chores.)
      -- (Nor "Anything else I'd leave till the clinic opens", opening its
      -- sentence.)
      local before = prev and flat_of(parts)[prev.g - 1]
      local other_signs = (part[k - 2] and part[k - 2].w == "for") or
                          (prev and prev.w == "anything" and (not before or before.sent ~= prev.sent))
      if prev and not other_signs and ((t.w == "else" and lexicon.ALL_ELSE[prev.w]) or
                   (t.w == "rest" and prev.w == "the" and nxt and lexicon.CAN[nxt.w])) then
        -- (from the verb before it: "leave everything else till later")
        for j = math.max(1, k - 2), math.min(#part, k + 3) do
          if part[j].clause == t.clause then part[j].bygone = true end
        end
      end
      -- ("the swelling can wait till Thursday", "a bit of swelling in my
      -- leg can wait": a sign is no chore.)
      if t.stem == "wait" and prev and lexicon.CAN[prev.w] and part[k - 3] and
         lexicon.CHORE_OWNER[part[k - 3].w] and not SIGN_NOUN[part[k - 2].w] then
        t.bygone = true
      end
      -- ("I'd leave the washing and everything, it can wait": "it" is
      -- what was left, said before in the sentence.)
      if t.stem == "wait" and prev and lexicon.CAN[prev.w] and part[k - 2] and
         part[k - 2].w == "it" and chore_left_before(parts, t) then
        t.bygone = true
      end
    end
  end
end

-- A planned visit waved off: "Her next appointment and bloods don't
-- matter here": the visit and the words joined to it, up to a negated
-- "matter", are set aside, not waited for.  ("Waiting a day doesn't
-- matter" names no visit and stays a wait.)  Within the part, a few
-- words back.
function mark_waved_off(part)
  for k, t in ipairs(part) do
    if t.w == "matter" and t.negated then
      local j = k - 1
      while j > 0 and k - j <= 5 and lexicon.WAVED_JOIN[part[j].w] do j = j - 1 end
      while j > 0 and lexicon.VISIT[part[j].w] do
        for i = j, k - 1 do part[i].bygone = true end
        j = j - 1
        while j > 0 and (part[j].w == "next" or lexicon.DETERMINER[part[j].w]) do
          part[j].bygone = true
          j = j - 1
        end
      end
    end
  end
end

function mark_bygone(parts)
  mark_story(parts)
  mark_interim(parts)
  mark_chores(parts)
  for _, part in ipairs(parts) do mark_waved_off(part) end
  for _, part in ipairs(parts) do
    local from
    for k, t in ipairs(part) do
      local prev, nxt = part[k - 1], part[k + 1]
      if from and t.clause ~= part[from].clause then from = nil end
      if from then t.bygone = true end
      if (t.w == "have" and prev and WOULD[prev.w] and not (nxt and (nxt.w == "to" or nxt.w == "got" or
                                                                   lexicon.HAVE_SOMEONE[nxt.w]))) or
         PERFECT[t.w] or (t.w == "used" and nxt and nxt.w == "to") then
        from = k
      end
    end
  end
end

-- Retraction: what comes before "actually no", "no wait", "scratch that",
-- "on second thoughts", "then again", a clause ending "maybe not", or a
-- lone "No." is taken back ("I'd call them now. Actually, no, I'd leave it
-- till Monday"; "Wait till morning? No. I'd call now").  A marker that
-- starts its sentence takes back the sentence before; one inside a
-- sentence, the words before it in that sentence.  Taken-back words count
-- as negated (`retracted`).
local RETRACT_PAIRS = {
  actually = { no = true }, no = { actually = true, wait = true, no = true, sorry = true,
                                   -- ("…my first thought would be to blame the
                                   -- gardening, ha. No, seriously, I'd call")
                                   seriously = true, kidding = true, joking = true },
  scratch = { that = true }, second = { thought = true, thoughts = true },
  -- ("I'd call the team now. Well, no, probably I'd text my daughter
  -- first.")
  well = { no = true },
  ["then"] = { again = true },
}
local LONE_NO = { no = true, nope = true, nah = true }
-- ("2am or not" is "whatever the hour": "or not" takes back only alone.)
local AFTERTHOUGHT = { maybe = true, perhaps = true, probably = true, ["or"] = true }
-- Every token of an answer by its number g (tokens are numbered through
-- the whole text), made once and kept on the parts.
-- The first word of each sentence past the words in skip ("but", "well"
-- ...): sentence number -> word, none for a sentence of skip words only.
-- (flat: flat_of(parts).)
function opening_words(flat, skip)
  local out, sent, open = {}, nil, false
  for _, t in ipairs(flat) do
    if t.sent ~= sent then sent, open = t.sent, true end
    if open and not skip[t.w] then out[sent], open = t.w, false end
  end
  return out
end

-- ("the first thing I do is", "first thing we would do")
FIRST_DO = lexicon.words([[do would will did]])
KEEP_WHAT = lexicon.words([[walking my the using moving mobile standing her his your]])
PAST_DONE = lexicon.words([[took had ate saw did went was were used]])
-- ("maybe not at 2", "perhaps not straight away", "probably not then")
NOT_THEN = lexicon.words([[at then now tonight straight right immediately that]])
OPENERS = lexicon.words([[well but so and or hmm ok okay oh um erm no]])
-- When flat[m] opens its sentence, past words like "well" and "but": the
-- sentence's first word (its index), else nil.
function sentence_opening(flat, m)
  for k = m - 1, 1, -1 do
    if flat[k].sent ~= flat[m].sent then return k + 1 end
    if not OPENERS[flat[k].w] then return nil end
  end
  return 1
end

function flat_of(parts)
  if not parts.flat then
    local flat = {}
    for _, part in ipairs(parts) do
      for _, t in ipairs(part) do flat[t.g] = t end
    end
    parts.flat = flat
  end
  return parts.flat
end

-- ("I call now, no wait, is maybe clot of blood", "Call the number
-- immediately, no wait the morning": a "no wait" after words of its
-- sentence, with no other plan after it, is the learner's "don't wait".)
function nothing_done_after(flat, from, sent)
  for g = from, #flat do
    local t = flat[g]
    if t.sent ~= sent then break end
    if in_set(ACTION_WORDS, t) or lexicon.SUBJECT[t.w] then return false end
  end
  return true
end

function retract(parts)
  local flat = flat_of(parts)
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      t.last_in_part, t.first_in_part = k == #part, k == 1
      t.alone = #part == 1 or (#part == 2 and part[1].w == "no" and part[2].w == "way")
    end
  end
  for m, t in ipairs(flat) do
    local nxt, prev = flat[m + 1], flat[m - 1]
    -- ("I no wait": a learner's "I don't wait", not "no wait, scratch that".)
    -- ("no wait for morning": a learner's "don't wait for morning" too.)
    local after = flat[m + 2]
    local pair = nxt and RETRACT_PAIRS[t.w] and RETRACT_PAIRS[t.w][nxt.w] and
                 nxt.sent == t.sent and not (prev and prev.sent == t.sent and lexicon.SUBJECT[prev.w]) and
                 -- ("I'd ring them at 2am without a second thought": no
                 -- second thoughts had.)
                 not (t.w == "second" and prev and (prev.w == "a" or prev.w == "without")) and
                 -- ("Well, no" opens its sentence; "when I feel well, no
                 -- point" takes nothing back.)
                 not (t.w == "well" and prev and prev.sent == t.sent) and
                 -- ("no joking about it" says it is meant; "No, kidding!"
                 -- takes back.)
                 not ((nxt.w == "kidding" or nxt.w == "joking") and not t.last_in_part) and
                 not (nxt.w == "wait" and after and after.sent == t.sent and lexicon.WAIT_FOR[after.w]) and
                 not (t.w == "no" and nxt.w == "wait" and prev and prev.sent == t.sent and
                      nothing_done_after(flat, m + 2, t.sent))
    -- ("…or skip tonight's tablet and see how you go - please don't.")
    local please = t.w == "please" and nxt and nxt.sent == t.sent and
                   (nxt.w == "dont" or (nxt.w == "do" and flat[m + 2] and flat[m + 2].w == "not" and
                                       flat[m + 2].sent == t.sent)) and
                   (nxt.w == "dont" and nxt.last_in_part or
                    (nxt.w == "do" and flat[m + 2].last_in_part))
    local marker = pair or please or
                   (m > 1 and LONE_NO[t.w] and t.alone) or
                   -- ("Worrying about being a nuisance, never.")
                   (t.w == "never" and t.alone and prev and prev.sent == t.sent) or
                   (prev and t.w == "not" and t.last_in_part and AFTERTHOUGHT[prev.w] and
                    (prev.w ~= "or" or prev.first_in_part) and m - 1 or false) or
                   -- ("I'd ring straight away. Well - maybe not at 2": a
                   -- sentence opening on "maybe not" and the time.)
                   (prev and t.w == "not" and prev.w ~= "or" and AFTERTHOUGHT[prev.w] and nxt and
                    nxt.sent == t.sent and NOT_THEN[nxt.w] and sentence_opening(flat, m - 1) or false)
    if marker then
      local at = type(marker) == "number" and marker or m
      local start = flat[at]
      local first = at == 1 or flat[at - 1].sent ~= start.sent
      -- A lone "No." starting a sentence answers a question just asked
      -- ("Wait till morning? No."); after a statement it may answer the
      -- prompt ("It could be my spine. No, I'd not wait").
      -- ("No, actually, I'd ring now" is a pair: it takes back the sentence before.)
      if first and at > 1 and not pair and type(marker) ~= "number" and LONE_NO[t.w] and
         t.alone and not flat[at - 1].asked then
        first, at = false, 1
      end
      local target = first and at > 1 and flat[at - 1].sent or start.sent
      for k = at - 1, 1, -1 do
        local u = flat[k]
        if u.sent ~= target and not (first and u.sent == start.sent) then break end
        if u.sent == target then
          u.negated, u.retracted = not u.neg, true
        end
      end
    end
  end
end

-- "Bone cancer is a different disease": what stands before "is a
-- different (or separate) disease, illness, thing, condition, cancer,
-- type or kind" is denied, unless "from"/"to" follows ("breast cancer in
-- the bone is different from bone cancer": then DENY covers what follows).
-- ("A fat sore leg is a different story" sets the leg apart, denying
-- nothing.)
local IS = { is = true, are = true, its = true, thats = true }
local DIFFERENT = { different = true, separate = true }
local SOFT = { a = true, an = true, quite = true, completely = true, totally = true,
               entirely = true, whole = true, very = true, ["another"] = true, really = true,
               so = true, too = true }
local KIND = { disease = true, illness = true, thing = true, condition = true, cancer = true,
               type = true, kind = true, sort = true, problem = true }
-- "Waiting till morning could be dangerous", "leaving it is a bad idea":
-- what stands before "is/could be/would be … dangerous, risky, a bad idea, a
-- mistake" is denied.
local BE = { is = true, be = true, its = true }
local DANGER = { dangerous = true, risky = true, mistake = true, harmful = true, deadly = true,
                 unsafe = true, wrong = true }
local BAD_IDEA = { idea = true, move = true, plan = true, thing = true }
-- Every token before k not itself a negation is denied, back to a
-- contrast or "since" ("I'd ring the team now because waiting is
-- dangerous": the call is not what is dangerous).
-- (join: also stop at "and", "so", ...: the clause, not the part.)
local function deny_before(part, k, join)
  for i = k - 1, 1, -1 do
    if lexicon.CONTRAST[part[i].w] or part[i].w == "since" then return end
    if join and lexicon.JOIN[part[i].w] then return end
    if not part[i].neg then part[i].negated = true end
  end
end

-- Every token after k not itself a negation is denied, up to a contrast.
local function deny_after(part, k)
  for i = k + 1, #part do
    if lexicon.CONTRAST[part[i].w] then return end
    if not part[i].neg then part[i].negated = true end
  end
end

-- The first word after part[k] past the soft words ("is a very ...").
local function past_soft(part, k)
  local j = k + 1
  while part[j] and SOFT[part[j].w] do j = j + 1 end
  return j
end

-- ("Waiting could make whatever it is worse": a wait that makes things
-- worse is warned against.)
-- ("waiting could mean losing the use of my legs": so is one that costs.)
local MAKE = { make = true, makes = true, made = true, making = true }
WOULD_BE = { would = true, could = true, might = true, wd = true }
local function deny_before_danger(part)
  for k, t in ipairs(part) do
    if MAKE[t.w] and k > 1 then
      for j = k + 1, math.min(#part, k + 4) do
        if part[j].w == "worse" then deny_before(part, k) break end
      end
    end
    if lexicon.MEAN[t.w] and k > 1 then
      for j = k + 1, math.min(#part, k + 3) do
        -- ("waiting could mean not walking again"; "it can mean the cord
        -- is pressed and waiting could mean not walking": the clause.)
        if lexicon.LOSS[part[j].w] or (part[j].w:find("^walk") and part[j - 1].neg) then
          deny_before(part, k, true)
          break
        end
      end
    end
    if BE[t.w] then
      local j = past_soft(part, k)
      -- ("resting is the wrong thing here")
      if part[j] and part[j].w == "the" and part[j + 1] and DANGER[part[j + 1].w] then j = j + 1 end
      -- ("Lying there worrying till morning would be worse": what would
      -- be worse, not "if it is worse".)
      local would_be_worse = part[j] and part[j].w == "worse" and t.w == "be" and part[k - 1] and
                             WOULD_BE[part[k - 1].w]
      if part[j] and (DANGER[part[j].w] or would_be_worse or
                      (part[j].w == "bad" and part[j + 1] and BAD_IDEA[part[j + 1].w])) then
        if k > 1 then deny_before(part, k) end
        -- ("it is risky to wait", "it would be wrong to wait": what is
        -- dangerous follows.)
        local to = part[j].w == "bad" and j + 2 or j + 1
        if part[to] and part[to].w == "to" then deny_after(part, to) end
      end
    end
  end
end

local function deny_before_different(part)
  for k, t in ipairs(part) do
    if IS[t.w] and k > 1 then
      local j = past_soft(part, k)
      local d, kind = part[j], part[j + 1]
      local after = part[j + 2]
      if d and DIFFERENT[d.w] and kind and KIND[kind.w] and
         not (after and (after.w == "from" or after.w == "to")) then
        deny_before(part, k)
      end
    end
  end
end

-- A question the learner asks herself and then answers ("should I just
-- wait? Then I'd remember ... and phone right away") is a doubt, not a
-- plan: its words are `mused` when more text follows in a later sentence.
-- A delay or belief said only in such a question holds nothing back.
-- A question proper opens with an auxiliary ("Does it treat the
-- cancer?", "Could it mean it's growing?"); "it means it's spreading??"
-- or "so it's fighting the cancer, right?" is a claim said unsure.
TAG = lexicon.words([[okay ok right yeah alright yes ya yep understand remember]])
local function mark_musing(parts)
  local last = parts[#parts]
  local last_sent = last and last[#last].sent
  local asked = {}
  for _, part in ipairs(parts) do
    for _, t in ipairs(part) do
      if t.asked then asked[t.sent] = true end
    end
  end
  -- ("If you get a fever you call the number on your card right away,
  -- even at night, okay?": a tag after a comma asks for a nod, not a
  -- doubt.)
  -- ("So it's just a cold, right?" is still said unsure.)
  for i, part in ipairs(parts) do
    local t = part[#part]
    -- ("I'd go straight to A&E, all right?")
    local tag = (#part == 1 and TAG[t.w]) or (#part == 2 and part[1].w == "all" and t.w == "right")
    if tag and i > 1 and asked[t.sent] and
       parts[i - 1][#parts[i - 1]].sent == t.sent then
      local acts = false
      for j = i - 1, 1, -1 do
        if parts[j][1].sent ~= t.sent then break end
        for _, u in ipairs(parts[j]) do
          if in_set(ACTION_WORDS, u) and not u.neg then acts = true end
        end
      end
      if acts then asked[t.sent] = false end
    end
  end
  local opens = opening_words(flat_of(parts), lexicon.ASK_OPENER)
  for _, part in ipairs(parts) do
    for _, t in ipairs(part) do
      t.mused = asked[t.sent] and t.sent < last_sent or false
      t.in_question = asked[t.sent] and lexicon.ASKING[opens[t.sent]] or false
      -- ("Why would I sit there worrying till morning? I'd ring them
      -- now": a question that refuses the wait; "Why take it if there's
      -- nothing there?" still holds its belief.)
      t.refused = asked[t.sent] and opens[t.sent] == "why" or false
    end
  end
end

-- A lack said with a negation asserts the lack: "the body cannot fight
-- the germs" (germs after a negated fight), "hasn't got its usual
-- defences", "no immunity" (a defence after a negation and words of
-- having only).  "It's not an infection" stays denied.
function mark_lack(part)
  for k, t in ipairs(part) do
    if t.negated and lexicon.GERMS[t.w] then
      for j = math.max(1, k - 3), k - 1 do
        if lexicon.FIGHT[part[j].w] then t.negated = false end
      end
    end
    if t.negated and lexicon.DEFENCE[t.w] then
      local j = k - 1
      while j > 0 and k - j <= 4 and lexicon.LACK_FILL[part[j].w] do j = j - 1 end
      if j > 0 and part[j].neg then t.negated = false end
    end
  end
end

-- A short guess in brackets asked of itself ("call onc team asap
-- (clot?)") asks nothing of the sentence it sits in; a bracket that asks
-- about acting ("(or ring them now?)") still does.
function aside_question(inner)
  local n = 0
  for _, t in ipairs(tokens_of(inner)) do
    n = n + 1
    if in_set(ACTION_WORDS, t) then return nil end
  end
  if n >= 1 and n <= 4 then return "(" .. inner .. ")" end
  return nil
end

-- The text as parts (split at . , ; : ! ? and line breaks; a . or ,
-- between two digits does not split), each a list of tokens {w, raw, stem,
-- neg, negated, g, sent}; g numbers tokens through the whole text and sent
-- numbers sentences (split at . ! ? and line breaks).
function M.words(text, fix)
  text = apostrophes(text)
  text = text:gsub("(%d)[.,](%d)", "%1 %2"):gsub("\xE2\x80\xA6", ".")
  text = text:gsub("%(([^()]*)%?+%s*%)", aside_question)
  -- ("Report SEs e.g. hot flushes": "e.g." and "i.e." end no sentence.)
  text = text:gsub("%f[%a]([eE])%.([gG])%.", "%1%2"):gsub("%f[%a]([iI])%.([eE])%.", "%1%2")
  -- A dash between words ends a clause like a comma: "it's not HRT – it
  -- lowers my oestrogen".
  text = text:gsub("\xE2\x80[\x93\x94]", ","):gsub("%s%-+%s", ", ")
  -- An arrow or an equals sign in notes reads "so" ("just a temp w no
  -- other symptoms = paracetamol n monitor": the "no" does not reach past
  -- it, and "low neutrophils -> fever" stays one part).
  text = text:gsub("%-+>", " so "):gsub("=+>?", " so "):gsub("\xE2\x86\x92", " so ")
  -- A question mark fixed to the front of a word is a clinician's "query"
  -- ("?MSCC", "call now (?DVT)"), no question asked.
  text = (" " .. text):gsub("([%s%(])%?(%a)", "%1query %2"):sub(2)
  local parts, g, sent = {}, 0, 1
  -- (A sentence ends once however it is marked: "leg?? ring team asap",
  -- "Now!!", "well..." each end one.)
  local open = false
  -- (A question after a colon is quoted: "I'd ring the hotline straight
  -- away and say: could it be a clot?" asks nothing of the plan.)
  local colon = false
  local carry, carry_sent
  for piece, mark in (text .. "."):gmatch("([^.,;:!?\n]*)([.,;:!?\n])") do
    local part = tokens_of(piece, fix)
    for _, t in ipairs(part) do
      g = g + 1
      t.g, t.sent, t.asked = g, sent, mark == "?" and not colon
    end
    if mark == ":" then colon = true end
    if #part > 0 then
      carry = mark_negation(part, carry_sent == sent and carry or nil)
      carry_sent = sent
      deny_before_different(part)
      deny_before_danger(part)
      mark_lack(part)
      parts[#parts + 1] = part
      open = true
    end
    if mark ~= "," and mark ~= ";" and mark ~= ":" and open then sent, colon, open = sent + 1, false, false end
  end
  mark_clauses(parts)
  mark_bygone(parts)
  retract(parts)
  mark_musing(parts)
  return parts
end

---------------------------------------------------------------------------
-- Phrases

-- A phrase as {els, gaps}: els[k] = {w, stem, prefix, neg} or {class};
-- gaps[k] = most words allowed between element k and k+1 (0 or GAP).
-- Returns nil and why when the phrase is not well formed; classes (a
-- table of class name -> phrases) is used only to check `<name>`.
function M.compile(phrase, classes)
  local els, gaps, bad = {}, {}, nil
  local pending = 0
  local function add(el)
    if #els > 0 then gaps[#els] = pending end
    pending = 0
    els[#els + 1] = el
  end
  for piece in apostrophes(phrase):gmatch("%S+") do
    local class = piece:match("^<([%w_%-]+)>$")
    if piece:match("^%*+$") then
      if #piece > 1 then bad = bad or "write a gap as one '*' on its own" end
      if #els == 0 then bad = bad or "a lone '*' must stand between two words" end
      if pending > 0 then
        bad = bad or "two gaps '* *' in a row; one '*' stands for up to 3 words"
      end
      pending = pending + M.GAP
    elseif class then
      if not (classes or lexicon.CLASSES)[class] then
        bad = bad or ("there is no word class <%s> in the lexicon"):format(class)
      end
      add({ class = class })
    else
      if piece:find("[<>]") then
        bad = bad or "a word class is written <name>, with nothing else in the word"
      end
      local prefix = piece:sub(-1) == "*"
      local body = prefix and piece:sub(1, -2) or piece
      if body:find("*", 1, true) then
        bad = bad or "'*' may stand alone between words or end a word, not sit inside one"
        body = body:gsub("%*", " ")
      end
      local ws = tokens_of(body)
      if #ws == 0 and prefix then
        bad = bad or "'*' must follow letters or digits"
      end
      for k, t in ipairs(ws) do
        t.prefix = prefix and k == #ws
        add(t)
      end
    end
  end
  if #els == 0 then
    return nil, "it has no words left to compare once case, accents and punctuation are ignored"
  end
  if pending > 0 then bad = bad or "a lone '*' must stand between two words" end
  if #els + #gaps > M.MAX_PHRASE_WORDS * 2 or #els > M.MAX_PHRASE_WORDS then
    bad = bad or ("it has more than %d words"):format(M.MAX_PHRASE_WORDS)
  end
  return { els = els, gaps = gaps }, bad
end

local function word_matches(el, t)
  if el.neg then return t.neg or t.w == el.w end
  if t.stem == el.stem then return true end
  return el.prefix and t.w:sub(1, #el.w) == el.w
end

local compiled = setmetatable({}, { __mode = "k" })

-- The compiled phrases of a list (nil for a phrase that does not compile).
local function phrases(list, classes)
  local c = compiled[list]
  if not c then
    c = {}
    for i, ph in ipairs(list) do c[i] = (M.compile(ph, classes)) end
    compiled[list] = c
  end
  return c
end

-- Append v to the list t[key], made if missing.
local function push(t, key, v)
  local l = t[key]
  if not l then
    l = {}
    t[key] = l
  end
  l[#l + 1] = v
end

-- The phrases of a list indexed by their first element, so that at each
-- word only the phrases that can start there are tried (speed: a key
-- point may list forty phrases).  Cached per list.
local indexes = setmetatable({}, { __mode = "k" })
local NONE = {}
local function indexed(list, classes)
  local ix = indexes[list]
  if ix then return ix end
  local c = phrases(list, classes)
  ix = { c = c, stems = {}, pre = {}, neg = {}, negw = {}, classes = {}, lex = classes }
  for k = 1, #list do
    local p = c[k]
    if p then
      local e = p.els[1]
      if e.class then ix.classes[#ix.classes + 1] = k
      elseif e.neg then
        ix.neg[#ix.neg + 1] = k
        push(ix.negw, e.w, k)
      else
        push(ix.stems, e.stem, k)
        if e.prefix then push(ix.pre, e.w:sub(1, 2), k) end
      end
    end
  end
  indexes[list] = ix
  return ix
end

-- Can an entry of class list `list` start at token t?  (The first words of
-- its entries, by stem or prefix, or any negation word when an entry
-- starts with one.)  A quick test that spares most class look-ups.
local firsts = setmetatable({}, { __mode = "k" })
local function may_start(list, t)
  local f = firsts[list]
  if not f then
    f = word_set(list)
    for _, ph in ipairs(list) do
      local first = ph:match("^(%S+)")
      if first and NEG[textnorm.normalize(first)] then f.neg = true end
    end
    firsts[list] = f
  end
  return (f.neg and t.neg) or in_set(f, t)
end

-- The phrases of index ix that may start at token t (numbers into the
-- list), in out (cleared first); a phrase is offered once.
local function candidates(ix, t, out, no_class)
  local n = 0
  local l = ix.stems[t.stem]
  if l then
    for _, k in ipairs(l) do n = n + 1 out[n] = k end
  end
  l = ix.pre[t.w:sub(1, 2)]
  if l then
    for _, k in ipairs(l) do
      local e = ix.c[k].els[1]
      if e.stem ~= t.stem and t.w:sub(1, #e.w) == e.w then n = n + 1 out[n] = k end
    end
  end
  if t.neg then
    for _, k in ipairs(ix.neg) do n = n + 1 out[n] = k end
  elseif ix.negw[t.w] then
    -- (A negation word that negates nothing still is its word: "no
    -- matter the hour".)
    for _, k in ipairs(ix.negw[t.w]) do n = n + 1 out[n] = k end
  end
  if not no_class then
    for _, k in ipairs(ix.classes) do
      local name = ix.c[k].els[1].class
      local list = name ~= "held" and ix.lex and ix.lex[name]
      if not list or may_start(list, t) then n = n + 1 out[n] = k end
    end
  end
  for k = n + 1, #out do out[k] = nil end
  return out
end

-- A matching context: the classes in force and a cache of where each
-- class matches in this text.
local function context(classes)
  return { classes = classes or lexicon.CLASSES, at = {}, held_at = function() return nil end }
end

local run

-- End positions (a set) of matches of class `name` starting at part[i].
local function class_ends(ctx, name, part, i)
  local byclass = ctx.at[name]
  if not byclass then
    byclass = {}
    ctx.at[name] = byclass
  end
  local bypart = byclass[part]
  if not bypart then
    bypart = {}
    byclass[part] = bypart
  end
  local ends = bypart[i]
  -- "if I leave it I could lose my walking" supposes putting off, it does
  -- not decide it.
  if ends == nil and name == "putoff" and part[i].supposed then
    ends = false
    bypart[i] = ends
  -- ("the on-call nurse": a kind of nurse, no call.)
  elseif ends == nil and name == "action" and part[i].w == "call" and i > 1 and
         part[i - 1].w == "on" then
    ends = false
    bypart[i] = ends
  elseif ends == nil and name == "held" then
    ends = ctx.held_at(part, i) or false
    bypart[i] = ends
  elseif ends == nil and not may_start(ctx.classes[name] or NONE, part[i]) then
    ends = false
    bypart[i] = ends
  elseif ends == nil then
    ends = false
    local ix = indexed(ctx.classes[name] or NONE)
    -- Entries are plain phrases: a class starting an entry is not followed.
    for _, k in ipairs(candidates(ix, part[i], {}, true)) do
      local e = run(ix.c[k], part, i, ctx)
      if e then
        ends = ends or {}
        for x in pairs(e) do ends[x] = true end
      end
    end
    bypart[i] = ends
  end
  return ends
end

-- Two subjects after b in its sentence: b's own ("once I'm better") and
-- a main clause's ("I'll stop the tablets").
function own_clause_after(parts, b)
  local n, flat = 0, flat_of(parts)
  for g = b.g2 + 1, #flat do
    if flat[g].sent ~= b.sent then break end
    if lexicon.SUBJECT[flat[g].w] then n = n + 1 end
  end
  return n >= 2
end

-- A wait or a thing done first (lie down, rest, sleep, take, wait, put
-- off...), not denied, in t's sentence before it or in the sentence
-- before.
function waited_before(parts, t, ctx)
  for _, part in ipairs(parts) do
    for k, u in ipairs(part) do
      if u.g < t.g and u.sent >= t.sent - 1 and not u.negated and
         (class_ends(ctx, "wait", part, k) or class_ends(ctx, "putoff", part, k)) then
        return true
      end
    end
  end
  return false
end

-- The ends of element el starting at part[i], as a set, or nil.
local function el_ends(el, part, i, ctx)
  if el.class then
    return class_ends(ctx, el.class, part, i) or nil
  end
  if part[i] and word_matches(el, part[i]) then return { [i] = true } end
  return nil
end

-- Words a phrase's gap never spans.
local GAP_STOP = lexicon.words([[but though although however whereas yet instead except]])

-- End positions (a set) of phrase p matched starting exactly at part[i].
run = function(p, part, i, ctx)
  local els, gaps = p.els, p.gaps
  local reach = el_ends(els[1], part, i, ctx)
  for k = 2, #els do
    if not reach then return nil end
    local nxt
    for e in pairs(reach) do
      local gap_neg = false
      for j = e + 1, math.min(#part, e + 1 + gaps[k - 1]) do
        -- A gap does not reach over a contrast: "no cure but treatments"
        -- is no "not * treat*".
        if j > e + 1 and GAP_STOP[part[j - 1].w] then break end
        -- A word class is not matched after a negation in the gap before
        -- it: "when I feel well and never stop" is no "<when> * <better> *
        -- <stop>" (a negation the phrase or a class entry spells out, as in
        -- "not <bother>" or "no need", is no gap).
        local got = not (els[k].class and gap_neg) and el_ends(els[k], part, j, ctx)
        if part[j].neg then gap_neg = true end
        if got then
          nxt = nxt or {}
          for x in pairs(got) do nxt[x] = true end
        end
      end
    end
    reach = nxt
  end
  return reach
end

local function max_end(set)
  local m
  for e in pairs(set) do if not m or e > m then m = e end end
  return m
end

-- Every place phrase p occurs in parts: a list of {part, s, e, negated}.
-- A match is negated when its first word is in a negation's scope.
local function occurrences(p, parts, ctx, out)
  out = out or {}
  for pi, part in ipairs(parts) do
    for i = 1, #part do
      local ends = run(p, part, i, ctx)
      if ends then
        out[#out + 1] = { part = pi, s = i, e = max_end(ends), negated = part[i].negated }
      end
    end
  end
  return out
end

-- Does compiled phrase p occur in parts?  With ignore_negation, any
-- occurrence counts.  Returns the first occurrence that counts.
function M.find(p, parts, ignore_negation, ctx)
  ctx = ctx or context()
  for pi, part in ipairs(parts) do
    for i = 1, #part do
      if ignore_negation or not part[i].negated then
        local ends = run(p, part, i, ctx)
        if ends then return { part = pi, s = i, e = max_end(ends) } end
      end
    end
  end
  return nil
end

-- What was typed for an occurrence.
local function said(parts, o)
  local part, ws, s = parts[o.part], {}, o.s
  -- (Words found inside a rewrite, "department" of "ED", show what was
  -- typed, which its first token keeps.)
  while s > 1 and part[s].raw == "" do s = s - 1 end
  for k = s, o.e do
    if part[k].raw ~= "" then ws[#ws + 1] = part[k].raw end
  end
  return table.concat(ws, " ")
end

-- All occurrences of any phrase of a list (negated ones flagged).
local function all_found(list, parts, ctx)
  local out = {}
  local ix, scratch = indexed(list, ctx.classes), {}
  for pi, part in ipairs(parts) do
    for i = 1, #part do
      for _, k in ipairs(candidates(ix, part[i], scratch)) do
        local p = ix.c[k]
        local ends = run(p, part, i, ctx)
        if ends then
          out[#out + 1] = { part = pi, s = i, e = max_end(ends), negated = part[i].negated,
                            k = k }
        end
      end
    end
  end
  return out
end

-- The occurrence that counts of the earliest phrase in the list (its
-- first place), else such a negated one (for the evidence), else nil.
local function first_found(list, parts, ctx, skip, found)
  local best, neg
  for _, o in ipairs(found or all_found(list, parts, ctx)) do
    if skip and skip(o) then
      neg = neg or nil
    elseif o.negated then
      if not neg or o.k < neg.k then neg = o end
    elseif not best or o.k < best.k then
      best = o
    end
  end
  return best, best == nil and neg or nil
end

---------------------------------------------------------------------------
-- Spelling: phone spellings are in lexicon.PHONE; other words of 6 or more
-- letters one edit (a letter added, dropped, changed, or two swapped) from
-- a word of the question's phrases or the lexicon, with the same first
-- letter, are read as that word.  Never negations, numbers, or the common
-- words in lexicon.KNOWN.

M.SPELL_MIN = 6

local function deletes(w, f)
  for i = 1, #w do f(w:sub(1, i - 1) .. w:sub(i + 1)) end
end

-- Is a one edit from b (Damerau: insert, delete, substitute, swap)?
local function one_edit(a, b)
  if a == b then return false end
  local la, lb = #a, #b
  if math.abs(la - lb) > 1 then return false end
  local i = 1
  while i <= la and i <= lb and a:byte(i) == b:byte(i) do i = i + 1 end
  if la == lb then
    if a:sub(i + 1) == b:sub(i + 1) then return true end
    return a:byte(i) == b:byte(i + 1) and a:byte(i + 1) == b:byte(i) and
      a:sub(i + 2) == b:sub(i + 2)
  elseif la > lb then
    return a:sub(i + 1) == b:sub(i)
  end
  return a:sub(i) == b:sub(i + 1)
end
M.one_edit = one_edit

-- The whole words of a phrase (not a prefix such as "biops*": a word
-- that begins so matches already).
local function add_vocab(vocab, text)
  -- (In C, but for a character textnorm maps, such as "é".)
  if host.add_words(vocab, text, M.SPELL_MIN - 1) then return end
  -- (Most phrases hold no "*", "<" or ">": no pattern run over them.)
  if text:find("[<>%*]") then text = text:gsub("%S+%*", " "):gsub("[<>%*]", " ") end
  for w in textnorm.normalize(text):gmatch("%a+") do
    if #w >= M.SPELL_MIN - 1 then vocab[w] = true end
  end
end

-- Words the material and the question use are real words: never changed
-- ("infections" is not a misspelt "injections").
local known_cache = setmetatable({}, { __mode = "k" })
local function add_known(known, text)
  if type(text) ~= "string" then return end
  for w in textnorm.normalize(text):gmatch("%a+") do known[w] = true end
end
local function material_words(index)
  if not index then return {} end
  local known = known_cache[index]
  if known then return known end
  known = {}
  for _, doc in pairs(index.docs or {}) do
    for _, sec in pairs(doc.sections or {}) do
      add_known(known, sec.title)
      add_known(known, sec.text)
    end
  end
  known_cache[index] = known
  return known
end

local speller_cache = setmetatable({}, { __mode = "k" })

-- The words of a lexicon's phrases and of LAY and PHONE (cached: every
-- question with the same classes shares them).
local lexicon_vocab_cache = setmetatable({}, { __mode = "k" })
local function lexicon_vocab(classes)
  local vocab = lexicon_vocab_cache[classes]
  if vocab then return vocab end
  -- (The shared lexicon's words, made at build time: scripts/lexvocab.lua.)
  local made = classes == lexicon.CLASSES and require("lexvocab")
  if made and made.MIN == M.SPELL_MIN - 1 then
    lexicon_vocab_cache[classes] = made.WORDS
    return made.WORDS
  end
  vocab = {}
  local function add_list(list)
    -- (A list in one call; a phrase at a time only where a character is
    -- to be mapped.)
    if not host.add_words(vocab, list, M.SPELL_MIN - 1) then
      for _, ph in ipairs(list) do add_vocab(vocab, ph) end
    end
  end
  for _, list in pairs(classes) do add_list(list) end
  local lay = {}
  for _, rep in pairs(lexicon.LAY) do lay[#lay + 1] = rep end
  for _, w in pairs(lexicon.PHONE) do lay[#lay + 1] = w end
  add_list(lay)
  lexicon_vocab_cache[classes] = vocab
  return vocab
end

-- The corrector of question q (cached): word -> word meant, or nil.
-- What it knows (the question's phrases and words, the lexicon's, then
-- the material's) is gathered the first time a word needs it: most words
-- are short, common, or said once already.
local function speller(q, classes)
  local sp = speller_cache[q]
  if sp then return sp end
  local lex, vocab, known, mine
  local function gather()
    lex, vocab = lexicon_vocab(classes), {}
    for _, kp in ipairs(q.key_points or {}) do
      for _, ph in ipairs(type(kp.any) == "table" and kp.any or {}) do
        if type(ph) == "string" then add_vocab(vocab, ph) end
      end
    end
    for _, m in ipairs(q.misconceptions or {}) do
      for _, ph in ipairs(type(m.any) == "table" and m.any or {}) do
        if type(ph) == "string" then add_vocab(vocab, ph) end
      end
    end
    mine = {}
    add_known(mine, q.prompt)
    add_known(mine, q.explain)
    for _, kp in ipairs(q.key_points or {}) do add_known(mine, kp.says) end
    for _, m in ipairs(q.misconceptions or {}) do add_known(mine, m.feedback) end
  end
  -- Each word under itself and under each of its one-letter deletions:
  -- two words one edit apart share a key (symmetric deletion).  Made the
  -- first time a word is looked up that no list knows: most answers have
  -- none.
  local index
  local function build_index()
    index = {}
    for _, set in ipairs({ lex, vocab }) do
      for w in pairs(set) do
        if set == lex or not lex[w] then
          push(index, w, w)
          deletes(w, function(d) push(index, d, w) end)
        end
      end
    end
  end
  local memo = {}
  sp = function(w)
    if #w < M.SPELL_MIN or lexicon.KNOWN[w] or NEG[w] or w:find("%A") then return nil end
    local hit = memo[w]
    if hit ~= nil then return hit or nil end
    if not lex then gather() end
    if lex[w] or vocab[w] or mine[w] then return nil end
    known = known or material_words(q._index)
    if known[w] then return nil end
    if not index then build_index() end
    local best
    local function try(key)
      for _, c in ipairs(index[key] or {}) do
        -- (Never into a word that steers the reading: a contrast such as
        -- "though" from "thought", a negation, a subject.)
        if c:byte(1) == w:byte(1) and one_edit(w, c) and M.stem(c) ~= M.stem(w) and
           not lexicon.CONTRAST[c] and not NEG[c] and not lexicon.SUBJECT[c] then
          if best and best ~= c then best = false return end
          if best == nil then best = c end
        end
      end
    end
    try(w)
    deletes(w, try)
    memo[w] = best or false
    if best and M.spell_log then M.spell_log(w, best) end
    return best or nil
  end
  speller_cache[q] = sp
  return sp
end
M.SPELLING = true

---------------------------------------------------------------------------
-- Acting now (urgent key points)

-- Where the answer says to act to a clinical target: a list of {part, s,
-- e, sent, g1, g2} (g1, g2 the text-wide token numbers of its ends).
-- An action counts when not negated and followed within ACT_REACH words by
-- a target with no person (son, friend) between, or directly (within 3
-- words) by a word of acting now ("call straight away"); an emergency
-- target (999, emergency department, ambulance) counts on its own.
M.ACT_REACH = 6
local ME = { me = true, us = true }
-- ("Just call us straight away", "Please ring us": the instruction
-- softened.)
SOFTENED = { just = true, please = true, pls = true, plz = true }
-- ("Fever means call us at once": what a sign means, said as the team.)
local TEAM_SAYS = { you = true, she = true, he = true, should = true, must = true, means = true,
                    please = true,
                    -- ("Check your temp before any paracetamol, and phone us
                    -- immediately if it's up": the team's instruction goes on.)
                    ["and"] = true }
local SOFT_ACTION = M.stem_set(lexicon.TELLING_WORDS .. " see text attend notify")
local function now_in_sentence(parts, sent, ctx)
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      if t.sent == sent and not t.negated and class_ends(ctx, "now", part, k) then return true end
    end
  end
  return false
end
local function target_within(part, a, b, ctx)
  for j = a, math.min(#part, b) do
    if class_ends(ctx, "target", part, j) then return true end
  end
  return false
end
local ERRAND = M.stem_set([[cancel change move rearrange reschedule postpone book]])
local function errand_after(part, e)
  for k = e + 1, math.min(#part - 1, e + 3) do
    if part[k].w == "to" and ERRAND[part[k + 1].stem] then return true end
  end
  return false
end
-- "My friend rang them one night and felt silly": what someone else did
-- is a story, not the learner's plan.
local DONE = lexicon.words([[rang rung called phoned telephoned dialled dialed contacted went]])
local THIRD = { he = true, she = true }
-- Is "he", "she" or a person named among part[a..b]?
function someone_in(part, a, b, ctx)
  for k = a, b do
    if THIRD[part[k].w] or class_ends(ctx, "person", part, k) then return true end
  end
  return false
end

-- ("I'd make sure she phoned the oncology line there and then": the
-- learner sees to it.)
function told_of(part, i, ctx)
  if not (DONE[part[i].w] and someone_in(part, math.max(1, i - 3), i - 1, ctx)) then return false end
  for k = math.max(1, i - 4), i - 1 do
    if part[k].w == "sure" or part[k].w == "make" then return false end
  end
  return true
end

-- "I'd tell my daughter when she phones tonight": someone else's call
-- after "when", "once", "after", "until" or "before" is a time, not the
-- learner's plan.
WHEN_OTHER = lexicon.words([[when once after until till til before]])
function others_call(part, i, ctx)
  for k = i - 1, math.max(1, i - 4), -1 do
    local w = part[k].w
    if lexicon.SPEAKER[w] then return false end
    if WHEN_OTHER[w] then return someone_in(part, k + 1, i - 1, ctx) end
  end
  return false
end

-- "They pick up the phone straight away", "The night nurse rings round at
-- night", "The ward phones patients": the team acting, with the team as
-- the subject just before the action ("they", or a target after "the")
-- and no call or speaker of the learner's before it in the part, is not
-- the learner's call.  ("They'd ring 999" may be the family's.)
function team_subject(part, i, ctx)
  for j = i - 1, math.max(1, i - 3), -1 do
    local te = class_ends(ctx, "target", part, j)
    local the = j == 1 or part[j - 1].w == "the" or (j > 2 and part[j - 2].w == "the")
    if (te and te[i - 1] and the and part[j].w ~= "they" and part[j].w ~= "them") or
       (j >= i - 2 and part[j].w == "they") then
      for k = 1, j - 1 do
        if lexicon.SPEAKER[part[k].w] or in_set(ACTION_WORDS, part[k]) then return false end
      end
      return true
    end
  end
  return false
end

-- A line named after the target as a charity's or a website's ("the nurse
-- helpline on the breast cancer charity website"): no clinical help.
CHARITY = lexicon.words([[charity charities website forum]])
function charity_after(part, e)
  for k = e + 1, math.min(#part, e + 6) do
    if CHARITY[part[k].w] then return true end
  end
  return false
end

-- Is part[i] "do it" after a call in its sentence ("I'd feel terrible
-- calling at that hour, but I'd still do it, right away")?
-- ("You need to ring the 24-hour line. I'd do that after a good night's
-- sleep": "do that" and "do so" too, and in the sentence after a call to
-- help, one of `calls` so far.)
DONE_WHAT = { it = true, that = true, so = true }
-- Is token t "do" with "it", "that" or "so" (token n) after it?
function do_it(t, n)
  return t.w == "do" and n ~= nil and DONE_WHAT[n.w] or false
end

function does_the_call(parts, part, i, calls)
  if not do_it(part[i], part[i + 1]) then return false end
  if called_before(parts, part[i]) then return true end
  for _, a in ipairs(calls) do
    if a.sent == part[i].sent - 1 then return true end
  end
  return false
end

-- Is there a call, not negated, before token `at` in its sentence?
function called_before(parts, at)
  for _, u in ipairs(flat_of(parts)) do
    if u.g >= at.g then break end
    if u.sent == at.sent and not u.negated and in_set(ACTION_WORDS, u) then return true end
  end
  return false
end

-- ("I'd ask my daughter whether I need to call the 24-hour line": a call
-- asked about is no plan; "whether day or night, call" is.)
-- ("they'd tell me if I need to go in": so too "if" with a need.)
NEED_TO = { need = true, should = true, ought = true, have = true, has = true, must = true }
function asked_whether(part, i)
  for k = i - 1, math.max(1, i - 4), -1 do
    if part[k].w == "or" then return false end
    if part[k].w == "whether" then return true end
    if part[k].w == "if" then
      local who, need = part[k + 1], part[k + 2]
      return who ~= nil and lexicon.SUBJECT[who.w] and need ~= nil and NEED_TO[need.w] and
             part[k + 3] ~= nil and part[k + 3].w == "to" and k + 4 == i or false
    end
  end
  return false
end

-- A call with no verb: a part that is only a target (with up to two
-- words before it: "chemo hotline", "the 24 hour line") and opens its
-- sentence, followed in the same sentence by a word of now ("Chemo
-- hotline, now."; "Hotline, straight away.").  {part, s, e, sent, g1, g2}.
local function named_now(parts, ctx)
  local out = {}
  for pi, part in ipairs(parts) do
    local nxt, s, first, first_end = parts[pi + 1], nil, nil, nil
    for k = 1, math.min(3, #part) do
      local t = part[k]
      if t.negated or t.neg or lexicon.SUBJECT[t.w] or in_set(ACTION_WORDS, t) then break end
      local e = class_ends(ctx, "target", part, k)
      if e and e[#part] then s = k break end
      if e and not first then first, first_end = k, max_end(e) end
    end
    -- ("dr asap or ER if cant get thru": the word of now in the same part,
    -- right after the first target.)
    local after = first and not s and part[first_end + 1]
    if after and not after.negated and class_ends(ctx, "now", part, first_end + 1) and
       leads_sentence(parts, { part = pi, s = 1 }) then
      out[#out + 1] = { part = pi, s = first, e = first_end, sent = part[1].sent,
                        g1 = part[first].g, g2 = part[first_end].g }
    end
    if s and nxt and nxt[1].sent == part[1].sent and leads_sentence(parts, { part = pi, s = 1 }) and
       not nxt[1].negated and (class_ends(ctx, "now", nxt, 1) or
                               (nxt[2] and class_ends(ctx, "now", nxt, 2))) then
      out[#out + 1] = { part = pi, s = s, e = #part, sent = part[1].sent,
                        g1 = part[s].g, g2 = part[#part].g }
    end
    -- ("I'd call 999 if I couldn't breathe, otherwise the cancer helpline
    -- straight away": the other branch, a line and a word of now.)
    if part[1].w == "otherwise" and not part[1].negated then
      for k = 2, math.min(4, #part) do
        local e = class_ends(ctx, "target", part, k)
        if e then
          for j = max_end(e) + 1, #part do
            if not part[j].negated and class_ends(ctx, "now", part, j) then
              out[#out + 1] = { part = pi, s = k, e = max_end(e), sent = part[1].sent,
                                g1 = part[k].g, g2 = part[max_end(e)].g }
              break
            end
          end
          break
        end
      end
    end
  end
  return out
end

-- Is part pi one of a run of three or more short parts (three words or
-- fewer) in its sentence with no word of now: a list of words ("Warning
-- sign, emergency department, 999 - those were on the card"), where a
-- place named is no plan to go there?
-- Is part pi in a run of three or more parts of its sentence, each of at
-- most most_words words and passing ok(part) (when given)?
function in_list_run(parts, pi, most_words, ok)
  local sent = parts[pi][1].sent
  local function item(k)
    local p = parts[k]
    return p and #p <= most_words and p[1].sent == sent and (not ok or ok(p))
  end
  if not item(pi) then return false end
  local a, b = pi, pi
  while item(a - 1) do a = a - 1 end
  while item(b + 1) do b = b + 1 end
  return b - a + 1 >= 3
end

local function word_list(parts, pi, ctx)
  return in_list_run(parts, pi, 3, function(p)
    for j = 1, #p do
      if class_ends(ctx, "now", p, j) then return false end
    end
    return true
  end)
end

-- Key words dropped in a list, with no words of the learner's own
-- between them ("Dexamethasone, steroid, swelling, taper."): a part in a
-- run of three or more parts of one or two words, in a sentence that
-- says no I, you, she or it ("reduce brain swelling, dont stop
-- suddenly" are ideas in few words, not a list).
local LIST_VOICE = { i = true, id = true, ill = true, im = true, you = true, she = true,
                     it = true, its = true, they = true, we = true, her = true, my = true,
                     your = true }
function bare_list(parts, pi)
  if not in_list_run(parts, pi, 2) then return false end
  local sent = parts[pi][1].sent
  for _, p in ipairs(parts) do
    if p[1].sent == sent then
      for _, t in ipairs(p) do
        if LIST_VOICE[t.w] then return false end
      end
    end
  end
  return true
end

-- Where a line's number is printed, and who prints it for everyone.
PRINTED_ON = lexicon.words([[on from in off]])
PRINTER = lexicon.words([[macmillan charity charitys company companys manufacturer manufacturers]])
-- A line for everyone, not the team's ("ring the general out-of-hours
-- health advice line", "the Macmillan support line"): "general",
-- "public", "support" or a charity before a line or number ("go to the
-- general hospital" is still the hospital, "my Macmillan nurse" still a
-- nurse).
function general_line(part, j)
  -- (A charity's line by its name: "the Breast Cancer Now helpline".)
  -- ("the Breast Cancer Care helpline", its older name, before a line.)
  -- ("ring the breast cancer helpline for advice": a charity's, by what
  -- it is for.)
  if part[j].w == "breast" and part[j + 1] and part[j + 1].w == "cancer" and part[j + 2] and
     (part[j + 2].w == "now" or part[j + 2].w == "helpline" or
      (part[j + 2].w == "care" and part[j + 3] and lexicon.LINE[part[j + 3].w])) then
    return true
  end
  -- ("the Cancer Research nurses' helpline", "Cancer Research UK": a
  -- charity's line by its name; a trial's research nurse, with no line
  -- named, is the team's.)
  if part[j].w == "cancer" and part[j + 1] and part[j + 1].w == "research" then
    if part[j + 2] and part[j + 2].w == "uk" then return true end
    for k = j + 2, math.min(#part, j + 4) do
      if lexicon.LINE[part[k].w] then return true end
    end
  end
  -- ("ring NHS 111", "NHS 24", "NHS Direct": the general lines by name.)
  if part[j].w == "nhs" and part[j + 1] and lexicon.NHS_LINE[part[j + 1].w] then return true end
  -- ("call the helpline on the back of the Macmillan leaflet": a line a
  -- charity or a drug company prints; "the number on my chemo card" is
  -- the team's.)
  if lexicon.LINE[part[j].w] then
    for k = j + 1, math.min(#part, j + 3) do
      if PRINTED_ON[part[k].w] then
        for m = k + 1, math.min(#part, k + 5) do
          if PRINTER[part[m].w] then return true end
        end
      end
    end
  end
  if not lexicon.GENERAL[part[j].w] then return false end
  for k = j + 1, math.min(#part, j + 5) do
    if part[k].w:find("^hospital") then return false end
    if lexicon.LINE[part[k].w] then return true end
  end
  return false
end

-- An action one is tired of ("I'm sick of ringing them about every ache",
-- "fed up with phoning"): a complaint, not a plan.
function weary_of(part, i)
  local of = part[i - 1]
  if not of or (of.w ~= "of" and of.w ~= "with") then return false end
  for k = i - 2, math.max(1, i - 3), -1 do
    if lexicon.WEARY[part[k].w] then return true end
  end
  return false
end

-- ("really good on the phone", "lovely on the phone")
GOOD_ON = lexicon.words([[good great brilliant lovely nice helpful kind fine better best]])
-- ("he's a retired paramedic": a person's work, past or present.)
JOB_PAST = lexicon.words([[retired former ex old trained qualified]])
-- Family, whose team "Dad's care team" is.
KIN = lexicon.words([[dad mum mom mother father husband wife partner son daughter sister brother
  nan gran grandma grandad grandpa aunt uncle niece nephew]])
local function actions_to_target(parts, ctx)
  local out = {}
  -- Sentences that name a general line: "them" after it is that line
  -- ("ring NHS 111 straight away and tell them she's on palbociclib",
  -- "give her the Macmillan number so she can ring them any time").
  local general_in = {}
  for _, part in ipairs(parts) do
    for j = 1, #part do
      if lexicon.NOT_HELP[part[j].w] or general_line(part, j) then general_in[part[j].sent] = true end
    end
  end
  -- (A family member's before the target, at most one word before it,
  -- owns it: "phone Dad's care team", "ring my husband's oncologist"; the
  -- apostrophe is gone, the stem is the person.  "my GP's out-of-hours
  -- service" is the GP's, no team.)
  local function person_between(part, a, b, target)
    for k = a, b do
      local t = part[k]
      local owner = target and k >= target - 2 and t.w:sub(-1) == "s" and KIN[t.stem]
      if class_ends(ctx, "person", part, k) and not owner then return true end
    end
    return false
  end
  for pi, part in ipairs(parts) do
    for i = 1, #part do
      -- ("maybe call the nurse? idk": a call only asked about is no plan.)
      -- ("They answer the phone at night": the phone answered is a thing,
      -- not a call; so is the one picked up, "pick up the phone" being
      -- judged from its "pick".)
      -- ("they're really good on the phone": how they are on it.)
      local thing = part[i].w:find("^phone") and part[i - 1] and part[i - 1].w == "the" and
                    part[i - 2] and (part[i - 2].w:find("^answer") or part[i - 2].w == "up" or
                                     (part[i - 2].w == "on" and part[i - 3] and GOOD_ON[part[i - 3].w]))
      if not part[i].negated and not part[i].mused and not told_of(part, i, ctx) and not thing and
         not asked_whether(part, i) and not weary_of(part, i) and not others_call(part, i, ctx) and
         not team_subject(part, i, ctx) then
        local ends = class_ends(ctx, "action", part, i)
        -- ("do it" after a call in its sentence is that call.)
        if not ends and does_the_call(parts, part, i, out) then ends = { [i + 1] = true } end
        -- "she'd tell me if I need the hospital": someone acting on the
        -- learner is not the learner getting help.
        -- ("you phone us", "she rings us": said by the team, "us" is the team.)
        -- ("phone us on the 24-hour number": the team's number is named.)
        -- ("Ring us straight away", "then call us": an instruction from
        -- the team's side, after a word of the team's or opening its
        -- sentence or its clause: "and if a leg goes painful and swollen,
        -- call us straight away", "Never brush off a temperature on palbo,
        -- ring us immediately".)
        local by_team = part[i + 1] and part[i + 1].w == "us" and
                        ((part[i - 1] and (TEAM_SAYS[part[i - 1].w] or part[i - 1].w == "then" or
                                           part[i - 1].w == "so")) or
                         i == 1 or
                         (i == 2 and SOFTENED[part[1].w] and leads_sentence(parts, { part = pi, s = 1 })) or
                         target_within(part, i + 2, i + 1 + M.ACT_REACH, ctx))
        if ends and ends[i] and part[i + 1] and ME[part[i + 1].w] and not by_team then
          local rest = {}
          for x in pairs(ends) do if x ~= i then rest[x] = true end end
          ends = next(rest) and rest or nil
        end
        local found
        for e in pairs(ends or {}) do
          -- ("I'd call about a swollen painful leg at once": what the
          -- call is about, then when.)
          local about = part[e + 1] and part[e + 1].w == "about"
          for j = e + 1, math.min(#part, e + M.ACT_REACH) do
            -- ("ring 111 right now": a general advice line is named, not
            -- the team nor the emergency number.)
            if lexicon.NOT_HELP[part[j].w] or general_line(part, j) then break end
            -- ("My daughter is a nurse, so I'd call her right away": a
            -- person called, unless her team or line follows: "call her
            -- chemo line".)
            -- ("I'd make the call for her there and then": on her behalf.)
            -- ("The on-call nurse is paid to be awake, so I'd ring her right
            -- then": the one she stands for is the team's.)
            if (part[j].w == "her" or part[j].w == "him") and not target_within(part, j + 1, j + 3, ctx) and
               not (part[j - 1].w == "for" and j - 1 > e) then
              if not team_named_before(parts, part[j], ctx) then break end
              found = math.max(found or 0, j)
              break
            end
            if general_in[part[j].sent] and lexicon.THEM[part[j].w] then break end
            -- ("That's what the 24-hour line is for. I'd call it. Now.":
            -- "it" is the line named just before.)
            if j == e + 1 and part[j].w == "it" then
              -- ("The Macmillan line is good. I'd call it now": that line.)
              local flat, named = flat_of(parts), nil
              for g = part[j].g - 1, 1, -1 do
                local u = flat[g]
                if u.sent < part[j].sent - 1 then break end
                if lexicon.LINE[u.w] and u.w ~= "advice" then named = not general_in[u.sent] break end
              end
              if named then found = math.max(found or 0, j) break end
              if named == false then break end
            end
            local te = class_ends(ctx, "target", part, j)
            -- ("my nurse friend", "a doctor neighbour": a person with that
            -- work, not the team.)
            if te and part[max_end(te) + 1] and class_ends(ctx, "person", part, max_end(te) + 1) then
              break
            end
            if te and not person_between(part, e + 1, j - 1, j) then
              found = math.max(found or 0, max_end(te))
              break
            end
            local ne = j <= e + (about and 8 or 3) and class_ends(ctx, "now", part, j)
            if ne and not person_between(part, e + 1, j - 1) then
              found = math.max(found or 0, max_end(ne))
              break
            end
          end
          -- "tell the nurse", "give the team a ring": the action's own words
          -- name the target.
          for k = i + 1, e do
            if not found and class_ends(ctx, "target", part, k) and
               not person_between(part, i + 1, k - 1) then
              found = e
            end
          end
          -- "Call." alone: the prompt names who to call.
          -- ("give my sister a ring": not when a person is in the call.)
          -- ("but I'd phone anyway", "Phone first.": so too with one word
          -- of going ahead after it.)
          if not found and (e == #part or (e + 1 == #part and lexicon.ANYWAY[part[e + 1].w])) and
             not person_between(part, math.max(1, i - 3), e) then
            found = #part
          end
        end
        -- ("Fever? Ring us. Right away.": "us" is the team that says it.)
        if not found and by_team and ends and ends[i] then found = i + 1 end
        -- A call to cancel or move an appointment is no call for help.
        if found and (errand_after(part, found) or charity_after(part, found)) then found = nil end
        -- Telling, mentioning, seeing or texting is reporting, not getting
        -- help: it counts for an urgent point only with a word of acting
        -- now in its sentence ("I'd tell them if my leg swelled up" does
        -- not; "I'd tell the nurse now" does).
        if found and SOFT_ACTION[part[i].stem] and not now_in_sentence(parts, part[i].sent, ctx) then
          found = nil
        end
        -- ("My son's a paramedic": a person's work, not help called.)
        -- ("he's a retired paramedic", "an ex paramedic")
        local before_job = part[i - 1] and JOB_PAST[part[i - 1].w] and part[i - 2] or part[i - 1]
        local job = part[i].w:find("^paramedic") and before_job and
                    (before_job.w == "a" or before_job.w == "an")
        local em = not found and not job and class_ends(ctx, "emergency", part, i)
        if em and not word_list(parts, pi, ctx) then found = max_end(em) end
        if found then
          out[#out + 1] = { part = pi, s = i, e = found, sent = part[i].sent,
                            g1 = part[i].g, g2 = part[found].g }
        end
      end
    end
  end
  for _, a in ipairs(named_now(parts, ctx)) do out[#out + 1] = a end
  return out
end

-- "my cancer's gone to my bones", "it went to her liver": the cancer
-- going somewhere in the body, not anyone going for help.
BODY = lexicon.words([[bone bones liver lung lungs brain spine skin nodes]])
function to_the_body(part, i)
  if not (part[i].w == "gone" or part[i].w == "went" or part[i].w == "go" or part[i].w == "goes") then
    return false
  end
  for k = i + 2, math.min(#part, i + 3) do
    if BODY[part[k].w] then return true end
  end
  return false
end

-- Does "her" or "him" at t stand for one of the team, named with "the"
-- before it in its sentence or the one before ("The on-call nurse is paid
-- to be awake, so I'd ring her"), with no person named since?  ("My
-- daughter is a nurse, so I'd call her": "a nurse" says what she is.)
function team_named_before(parts, t, ctx)
  local flat = flat_of(parts)
  for g = t.g - 1, math.max(1, t.g - 16), -1 do
    local u = flat[g]
    if u.sent < t.sent - 1 then return false end
    local pi, k = nil, nil
    for x, part in ipairs(parts) do
      if part[1].g <= g and part[#part].g >= g then pi, k = x, g - part[1].g + 1 end
    end
    local part = parts[pi]
    if class_ends(ctx, "person", part, k) then return false end
    if THIRD[u.w] then return false end
    local te = class_ends(ctx, "target", part, k)
    if te and not lexicon.THEM[u.w] then
      -- ("Any aches I mention to my nurse. If my leg became painful and
      -- swollen I'd call her there and then": my nurse is the team's.)
      for h = k - 1, math.max(1, k - 4), -1 do
        if part[h].w == "the" or part[h].w == "my" then return true end
        if part[h].w == "a" or part[h].w == "an" then return false end
      end
    end
  end
  return false
end

-- Is a scan named just before word s of a part ("urgent MRI within 24
-- hours", "a scan within the day")?
SCANS = lexicon.words([[mri mris scan scans ct xray imaging]])
SCAN_LEAD = lexicon.words([[urgent emergency an a the whole spine spinal same day]])
function scan_before(part, s)
  for k = s - 1, math.max(1, s - 3), -1 do
    if SCANS[part[k].w] then return true end
    if not SCAN_LEAD[part[k].w] then return false end
  end
  return false
end

-- Every action word (with or without a target): the anchors a delay is
-- attached to.
local function action_words(parts, ctx)
  local out = {}
  for pi, part in ipairs(parts) do
    for i = 1, #part do
      -- ("they'll assess me over the phone and bring me in if needed":
      -- "the phone" is a thing, not a call of the learner's.)
      local thing = part[i - 1] and part[i - 1].w == "the"
      -- ("I'll probably come off the tablets": stopping a medicine, no
      -- going anywhere.)
      local off = part[i].w:find("^com") and part[i + 1] and part[i + 1].w == "off"
      if class_ends(ctx, "action", part, i) and not thing and not off and
         not spurned(flat_of(parts), part[i]) and not to_the_body(part, i) then
        out[#out + 1] = { part = pi, s = i, g = part[i].g, sent = part[i].sent }
      end
    end
  end
  return out
end

-- Delays and hedges said (not negated), each {part, s, e, g1, g2, sent,
-- kind}.  A delay inside a "now" ("as soon as"), right after a number
-- ("2 in the morning") or soon after "even" ("even in the morning") is
-- not a delay.
-- "Should I wait? Then I'd phone": a "then" that answers a question mused
-- on is no step after a wait.
local function after_musing(parts, o)
  local part = parts[o.part]
  if part[o.s].w ~= "then" then return false end
  local prev = part[o.s - 1] or (parts[o.part - 1] and parts[o.part - 1][#parts[o.part - 1]])
  return prev and prev.mused or false
end

-- "If" clauses that wait for the sign to change: from "if" (or "unless",
-- "once", "when", "as soon as") to the next subject after the clause's own, or the end
-- of the clause, holding a word of <worsen> ("if the weakness got any
-- worse I'd call"; for "unless", of <improve>): {part, s, e}, s the "if" and e the worsening's end.
-- A clause about not getting through ("if I still can't reach them") is a
-- fallback, not a wait.
-- ("even if", "even though", "even when": granted, not a condition.)
local EVEN = { ["if"] = true, though = true, ["when"] = true }
local COND = { ["if"] = true, unless = true, once = true, ["when"] = true, provided = true,
               providing = true }
local FALLBACK = { reach = true, answer = true, answers = true, answered = true,
                   through = true, pick = true, picks = true, picked = true, respond = true,
                   hold = true, unreachable = true }
-- The last token of the clause that starts at part[i] ("if"), and whether
-- it is a fallback.
local function cond_clause(part, i)
  local stop, fallback = #part, false
  for k = i + 1, #part do
    local u = part[k]
    if u.clause ~= part[i].clause or (k > i + 1 and lexicon.SUBJECT[u.w]) then
      stop = k - 1
      break
    end
    if FALLBACK[u.w] then fallback = true end
  end
  return stop, fallback
end

-- ("if you come over hot and feverish": the sign coming on, not someone
-- coming over.)
COME_OVER_AS = lexicon.words([[hot cold feverish shivery unwell ill poorly faint dizzy funny queer
  all sick weak]])
function came_over(part, e)
  return part[e].w == "over" and part[e + 1] ~= nil and COME_OVER_AS[part[e + 1].w] ~= nil
end

local function waiting_clauses(parts, ctx)
  local out = {}
  for pi, part in ipairs(parts) do
    for i, t in ipairs(part) do
      local prev = part[i - 1]
      -- ("as soon as it got worse" waits too.)
      local soon_as = t.w == "as" and prev and prev.w == "soon"
      if (COND[t.w] or soon_as) and not t.negated and not (prev and prev.w == "even") then
        local stop, fallback = cond_clause(part, i)
        -- ("If your temperature is over 38 and it doesn't come down with
        -- paracetamol, ring": the clause goes on past its "and".)
        -- (Not past an action: "if u get a fever chk ur temp b4 any
        -- paracetamol n call the line if…" is two clauses.)
        while part[stop + 1] and part[stop + 1].w == "and" and stop + 1 < #part do
          local more, fb = cond_clause(part, stop + 1)
          if action_between(part, stop + 2, more, ctx) then break end
          stop, fallback = more, fallback or fb
        end
        local worse
        for k = i + 1, stop do
          -- ("if my wife runs a fever it could be a bad infection and I
          -- ring": what the sign may be, not how it must change.)
          if k > i + 1 and what_it_may_be(part, k) then break end
          local we = not worse and class_ends(ctx, t.w == "unless" and "improve" or "worsen", part, k)
          -- ("when I last took it": a time gone by, not a sign that lasts.)
          local gone = we and part[max_end(we)].w == "last" and part[max_end(we) + 1] and
                       PAST_DONE[part[max_end(we) + 1].w]
          if we and max_end(we) <= stop and not came_over(part, max_end(we)) and not gone then
            worse = max_end(we)
          end
        end
        -- ("If I waited and it turned out to be serious that'd be far
        -- worse": the harm of waiting, no wait for the sign to change.)
        for k = i + 1, worse or 0 do
          if part[k].w:find("^wait") then worse = nil break end
        end
        if worse and not fallback then out[#out + 1] = { part = pi, s = i, e = worse } end
      end
    end
  end
  return out
end

-- Does occurrence o open its sentence (after "well", "but", "or",
-- "actually", "maybe", "ok", "um")?
local OPENER = { well = true, but = true, ["or"] = true, actually = true, maybe = true, ok = true,
                 okay = true, um = true, er = true, erm = true, hmm = true, oh = true, no = true,
                 only = true }
-- A delay that opens its sentence past these amends the call before it
-- ("…not walking... tho prob after the school run tmrw").
AMEND_OPENER = { though = true, tho = true, although = true, probably = true, prob = true,
               probs = true, prolly = true }
for w in pairs(OPENER) do AMEND_OPENER[w] = true end
local INSTRUCTION = { get = true, please = true, just = true, so = true, ["and"] = true,
                      ["then"] = true, you = true, ["do"] = true }
for w in pairs(OPENER) do INSTRUCTION[w] = true end
function leads_sentence(parts, o, openers)
  openers = openers or OPENER
  local part = parts[o.part]
  local first = part[o.s]
  for pi = o.part, 1, -1 do
    local p = parts[pi]
    for k = (pi == o.part and o.s - 1 or #p), 1, -1 do
      local t = p[k]
      if t.sent ~= first.sent then return true end
      if not openers[t.w] then return false end
    end
  end
  return true
end

-- Is the "then" at occurrence o the consequent of an "if" earlier in its
-- sentence ("if I can't breathe, then I call 999"), not a later step?
function consequent(parts, o)
  local s = parts[o.part][o.s]
  for pi = o.part, 1, -1 do
    local p = parts[pi]
    for k = (pi == o.part and o.s - 1 or #p), 1, -1 do
      if p[k].sent ~= s.sent then return false end
      if p[k].w == "if" then return true end
    end
  end
  return false
end

-- Does the sign come on between part[a] and part[b] ("if it came on",
-- "when my leg went swollen", "if it started")?
-- ("when the buses start running at six", "once the day shift starts":
-- the world starting its day, not the sign.)
local ONSET = lexicon.words([[came come comes started starts start began begins happened happens appeared
  appears went goes developed develops flared woke]])
WORLD_STARTS = lexicon.words([[bus buses train trains shift shifts day office surgery clinic shops
  shop pharmacy chemist service]])
function onset_between(part, a, b)
  for k = a + 1, b - 1 do
    local world = WORLD_STARTS[part[k - 1].w] or (part[k - 2] and WORLD_STARTS[part[k - 2].w])
    if ONSET[part[k].w] and not world then
      return true
    end
  end
  return false
end

-- Is a wrong action (rest, lie down, take something) said, not denied,
-- in the sentence of the "then" at o before it, or in the sentence before
-- when "then" opens its own?  Taking a temperature is a check, not one.
local TEMPERATURE = { temperature = true, temp = true, temps = true }
function idle_before(parts, o)
  local s = parts[o.part][o.s]
  local flat = flat_of(parts)
  local from = leads_sentence(parts, o) and s.sent - 1 or s.sent
  for g = 1, s.g - 1 do
    local t, n1, n2 = flat[g], flat[g + 1], flat[g + 2]
    local check = (t.w:find("^tak") or t.w == "took") and ((n1 and TEMPERATURE[n1.w]) or (n2 and TEMPERATURE[n2.w]))
    -- ("Before you take paracetamol, check": a time, not a step.)
    local before = false
    for h = math.max(1, g - 3), g - 1 do
      if flat[h].w == "before" and flat[h].sent == t.sent then before = true end
    end
    if t.sent >= from and not t.negated and in_set(WAIT_WORDS, t) and not check and not before then
      return true
    end
  end
  return false
end

-- Does the sentence of the "then" at o say a span of seconds before it
-- ("for about three seconds", "for a second", "for a split second")?
SECONDS = lexicon.words([[second seconds sec secs moment moments]])
function seconds_before(parts, o)
  local flat = flat_of(parts)
  local s = parts[o.part][o.s]
  for g = s.g - 1, 1, -1 do
    local t = flat[g]
    if t.sent ~= s.sent then return false end
    if SECONDS[t.w] then
      for h = math.max(1, g - 4), g - 1 do
        if flat[h].w == "for" and flat[h].sent == s.sent then return true end
      end
    end
  end
  return false
end

-- ("ringing anyone at two in the morning": an hour said in words.)
local CLOCK_WORD = lexicon.words([[one two three four five six seven eight nine ten eleven twelve]])

-- ("I'd ring the team right away. Tomorrow might be too late": the delay
-- is the subject of "(might) be too late", what they fear, not a plan.)
function too_late_after(part, e)
  local k = e + 1
  if part[k] and lexicon.MIGHT[part[k].w] then k = k + 1 end
  if not (part[k] and (part[k].w == "be" or part[k].w == "is")) then return false end
  return part[k + 1] ~= nil and part[k + 1].w == "too" and part[k + 2] ~= nil and
         part[k + 2].w == "late"
end

-- ("If it was really bad, like I couldn't breathe, I'd call 999.
-- Otherwise I'd ring the cancer line now": the "if" picks the worse of
-- two ways to get help, the next sentence says the other.)
-- (Or "Me I call ambulance if very bad. If not so bad I call the cancer
-- number now anyway": the other way opens with "if not".  Or in the same
-- sentence, after the "if" at token g: "Call 999 if it's really bad,
-- otherwise phone the cancer line right away".)
function otherwise_next(parts, sent, g)
  local flat = flat_of(parts)
  local opens = opening_words(flat, {})
  local from
  if lexicon.OTHERWISE[opens[sent + 1] or ""] or if_not_bad(flat, sent + 1) then
    sent = sent + 1
  else
    for h = (g or #flat + 1) + 1, #flat do
      if flat[h].sent ~= sent then break end
      if flat[h].w == "otherwise" then from = h break end
    end
    if not from then return false end
  end
  for h = from or 1, #flat do
    local t = flat[h]
    if t.sent == sent and not t.negated and in_set(ACTION_WORDS, t) then return true end
  end
  return false
end

-- Does sentence sent open "if not so bad", "if it's not that bad"?  The
-- milder of two ways, which holds nothing back when the sentence before
-- gave the other (see otherwise_next).
function if_not_bad(flat, sent)
  for g, t in ipairs(flat) do
    if t.sent == sent then
      if t.w ~= "if" then return false end
      for h = g + 1, g + 3 do
        local u = flat[h]
        if not u or u.sent ~= sent then return false end
        if u.neg then
          for k = h + 1, h + 2 do
            if flat[k] and flat[k].sent == sent and lexicon.SEVERE[flat[k].w] then return true end
          end
          return false
        end
      end
      return false
    end
  end
  return false
end

-- The red-flag signs by name, for a sign left beside one acted on.
-- (And other signs a learner may set apart: "If I had a fever I'd ring
-- now, but a new cough I'd leave for the morning".)
SIGN_PHRASES = { "weak legs", "legs", "swollen leg", "swollen arm", "cough*", "headache*", "rash",
                 "diarrh*", "breathless*", "short of breath", "bleed*", "bruis*", "vomit*",
                 "being sick" }
-- A temperature is a sign left only in notes ("just a temp = paracetamol
-- n monitor"): said in sentences, "a temperature is nothing to worry
-- about, but ring the line at once" calls.
NOTED_SIGNS = { "temp", "temperature", "fever" }
-- A sign explained away: "is (probably) just …", not "just as", "just
-- what", "just like", "just the".
JUST_AFTER = lexicon.words([[is its was are theyre]])
JUST_NOT = lexicon.words([[as what like the]])
-- A sign of the point named first, and left ("A painful swollen arm I'd
-- leave", "the headache I'd ignore"): the words, or nil.  "I'd leave"
-- ends its clause or is followed by a time.  An explanation counts only
-- after the last call credited (flat number last_call).
HOME_CARE = lexicon.words([[paracetamol lemsip calpol ibuprofen rest fluids bed]])
-- Is something grave named just after token e ("treat as ?neutropenic
-- sepsis", "treat it as an emergency")?
GRAVE = lexicon.words([[sepsis septic neutropenic emergency urgent serious query mscc dvt clot
  infection]])
function serious_next(flat, e)
  for g = e + 1, e + 3 do
    local t = flat[g]
    if not t or t.sent ~= flat[e].sent then return false end
    if GRAVE[t.w] then return true end
  end
  return false
end

-- Is one of the occurrences found said between tokens a and b?
function found_between(parts, found, a, b)
  for _, f in ipairs(found) do
    local g = parts[f.part][f.s].g
    if g > a and g < b then return true end
  end
  return false
end

-- Is the learner the subject of a clause between tokens a and b of a
-- sentence ("I'd", "I")?
function subject_between(flat, a, b)
  for g = a + 1, b - 1 do
    if flat[g].sent ~= flat[b].sent then return false end
    if lexicon.SUBJECT[flat[g].w] then return true end
  end
  return false
end
function sign_left(parts, found, ctx, last_call)
  local flat = flat_of(parts)
  for _, f in ipairs(found) do
    local part = parts[f.part]
    local last = part[f.e]
    -- (A sign, not the call itself: "I'd ring them now, because if I leave
    -- it it could get worse".)
    if not f.negated and not class_ends(ctx, "action", part, f.s) and
       not class_ends(ctx, "target", part, f.s) and not class_ends(ctx, "emergency", part, f.s) then
      -- ("A swollen sore arm, though, I'd just keep an eye on": an aside
      -- may stand between.)
      for g = last.g + 1, math.min(#flat, last.g + 12) do
        local t = flat[g]
        if t.sent ~= last.sent then break end
        -- ("The arm I wouldn't worry about": a sign not worried about.)
        if not f.noted_only and lexicon.UNWORRIED[t.w] and t.negated and flat[g + 1] and flat[g + 1].sent == t.sent and
           (flat[g + 1].w == "about" or flat[g + 1].w == "with") then
          return said(parts, { part = f.part, s = f.s, e = f.e }) .. " ... not " .. t.w
        end
        -- ("A swollen sore arm I'd give a day or two": time given to it.)
        if not f.noted_only and t.w == "give" and not t.negated and flat[g - 1] and
           (lexicon.SUBJECT[flat[g - 1].w] or flat[g - 1].w == "would") then
          for x = g + 1, math.min(#flat, g + 3) do
            if flat[x].sent ~= t.sent then break end
            if lexicon.SPAN[flat[x].w] then
              return said(parts, { part = f.part, s = f.s, e = f.e }) .. " ... give " .. flat[x].w
            end
          end
        end
        -- (A call about the sign comes first: "A painful swollen leg I'd
        -- ring my team about straight away; I'd put it down to a clot".)
        if in_set(ACTION_WORDS, t) and not t.negated then break end
        -- ("but a swollen leg is probably just from standing all day":
        -- the sign explained away; "is just as urgent" is not.)
        local p, n = flat[g - 1], flat[g + 1]
        -- (Only after the call: "The weak legs are most likely just
        -- tiredness …, but I'd still phone the team straight away" calls.)
        if not f.noted_only and t.w == "just" and not t.negated and p and (JUST_AFTER[p.w] or lexicon.SOFTENER[p.w]) and
           n and n.sent == t.sent and not JUST_NOT[n.w] and t.g > (last_call or 0) then
          return said(parts, { part = f.part, s = f.s, e = f.e }) .. " ... just"
        end
        -- ("I'd just keep an eye on", "I'd just put my feet up": the verb
        -- may have "just" before it and words of its own after it.)
        local e = g
        for _, words in ipairs(lexicon.LEFT_PHRASES) do
          local all = true
          for x, w in ipairs(words) do
            if not flat[g + x - 1] or flat[g + x - 1].w ~= w then all = false break end
          end
          if all then e = g + #words - 1 break end
        end
        -- ("Fever may be only sign of infection -> treat as ?neutropenic
        -- sepsis": treated as the emergency it may be.)
        if flat[g].w == "treat" and flat[e].w == "as" and serious_next(flat, e) then e = g end
        -- ("but a swollen leg I'd keep an eye on for a few days": so too
        -- when a time follows.)
        local n, k = flat[e + 1], g - 1
        while k > g - 3 and flat[k] and lexicon.SOFTENER[flat[k].w] do k = k - 1 end
        local by = flat[k]
        local supposed = by and flat[by.g - 1] and flat[by.g - 1].w == "if"
        -- ("but if it was my leg I'd assume I'd just been on my feet too
        -- much and rest it": the learner's own plan goes on past an "and".)
        local own_and = by and by.w == "and" and subject_between(flat, last.g, by.g)
        -- (In notes: "just a temp w no other symptoms = paracetamol n
        -- monitor", the sign, an arrow read "so", then care at home.)
        local noted = by and (by.w == "so" or (by.w == "and" and flat[by.g - 1] and
                                              HOME_CARE[flat[by.g - 1].w]))
        -- (So too, after the call, the sign explained away: "Swollen painful
        -- leg after long-haul flight -> likely dependent oedema, observe";
        -- "-> likely DVT" is no such thing.)
        local explained = (t.w == "likely" or t.w == "probably") and not serious_next(flat, g)
        if (HOME_CARE[t.w] or explained) and not t.negated and by and by.w == "so" and
           t.g > (last_call or 0) then
          return said(parts, { part = f.part, s = f.s, e = f.e }) .. " ... " .. t.w
        end
        if (lexicon.LEAVE_IT[t.w] or e > g) and not t.negated and by and not supposed and
           (((lexicon.SUBJECT[by.w] or by.w == "would" or own_and) and not f.noted_only) or noted) and
           (not n or n.clause ~= t.clause or n.sent ~= t.sent or lexicon.WAIT_FOR[n.w] or
            lexicon.LEFT_NEXT[n.w] or
            flat[e].w == "to" or flat[e].w == "as" or flat[e].w == "on" or
            -- ("Swollen leg, that's just my ankles, I'd ignore that")
            -- ("but just a bit of a temp I'd watch it")
            ((t.w == "leave" or t.w == "ignore" or t.w == "watch") and lexicon.LEFT_WHAT[n.w])) then
          local words = {}
          for x = g, e do words[#words + 1] = flat[x].w end
          return said(parts, { part = f.part, s = f.s, e = f.e }) .. " ... " .. table.concat(words, " ")
        end
      end
    end
  end
  return nil
end

-- Is an action said between words a and b of a part?
function action_between(part, a, b, ctx)
  for j = a, b do
    if class_ends(ctx, "action", part, j) then return true end
  end
  return false
end

WHATEVER_WHEN = lexicon.words([[night hour time late day weekend midnight]])
local function blockers(parts, ctx)
  local out = {}
  for _, o in ipairs(waiting_clauses(parts, ctx)) do
    local part = parts[o.part]
    if not part[o.s].mused and not part[o.s].bygone and
       not otherwise_next(parts, part[o.s].sent, part[o.s].g) and
       not (part[o.s].w == "if" and if_not_bad(flat_of(parts), part[o.s].sent) and
            otherwise_next(parts, part[o.s].sent - 1)) then
      o.kind, o.sent, o.word = "delay", part[o.s].sent, part[o.s].w
      o.g1, o.g2 = part[o.s].g, part[o.e].g
      out[#out + 1] = o
    end
  end
  for _, kind in ipairs({ "delay", "hedge", "condition" }) do
    for _, o in ipairs(all_found(ctx.classes[kind] or {}, parts, ctx)) do
      local part = parts[o.part]
      -- ("if I couldn't get hold of them": not able, no maybe.)
      local unable = kind == "hedge" and part[o.s].w == "could" and part[o.e + 1] and
                     part[o.e + 1].neg
      -- ("they might as well talk to me": no maybe.)
      local as_well = kind == "hedge" and part[o.e + 1] and part[o.e + 1].w == "as" and
                      part[o.e + 2] and part[o.e + 2].w == "well"
      -- ("2am or not im calling": whatever the hour.)
      local whatever = kind == "hedge" and part[o.s].w == "or" and part[o.s - 1] and
                       (part[o.s - 1].w:find("^%d%d?am$") or WHATEVER_WHEN[part[o.s - 1].w])
      unable = unable or as_well or whatever
      -- ("I think I'd ring the unit right away": sure enough.)
      local sure_now = kind == "hedge" and part[o.s].w == "i" and part[o.s + 1].w == "think" and
                       now_in_sentence(parts, part[o.s].sent, ctx)
      local ok = not sure_now and
                 (not o.negated or part[o.s].unsure or (kind == "delay" and unbettered(part, o.s, ctx))) and
                 not part[o.s].mused and not part[o.s].bygone and
                 (kind == "hedge" or not otherwise_next(parts, part[o.s].sent, part[o.s].g)) and
                 not (part[o.s].w == "if" and if_not_bad(flat_of(parts), part[o.s].sent) and
                      otherwise_next(parts, part[o.s].sent - 1)) and
                 not warned(flat_of(parts), part[o.s]) and
                 not wait_spurned_before(flat_of(parts), part[o.s]) and
                 not unable and not after_musing(parts, o) and
                 not (part[o.s].w == "if" and select(2, cond_clause(part, o.s))) and
                 not team_if(part, o.s) and
                 not (part[o.s].w == "then" and consequent(parts, o))
      if ok and kind ~= "hedge" then
        for k = math.max(1, o.s - 3), o.e do
          local ne = class_ends(ctx, "now", part, k)
          -- ("ring them as soon as it's light": what follows "as soon as"
          -- says when.)
          local soon_as = part[k].w == "as" and part[k + 1] and part[k + 1].w == "soon" and o.e > k + 2
          if ne and max_end(ne) >= o.s and not soon_as then ok = false end
        end
        -- ("first thing is call my onc nurse now": the first step, not the
        -- morning.)
        -- ("first thing I do is call the oncology number right then")
        local n1, n2 = part[o.e + 1], part[o.e + 2]
        if part[o.s].w == "first" and part[o.e].w == "thing" and n1 and
           (n1.w == "is" or n1.w == "id" or n1.w == "to" or
            ((n1.w == "i" or n1.w == "we" or n1.w == "you") and n2 and FIRST_DO[n2.w])) then
          ok = false
        end
        -- ("First I'd find my folder. Then I'd call the care team straight
        -- away": the next step, at once.)
        -- (Not after a wait: "I'd lie down for a bit, then call the team
        -- straight away" still puts the call off.)
        -- (So is emergency help: "I'd panic a bit, but then I'd dial 999".)
        if part[o.s].w == "then" and not waited_before(parts, part[o.s], ctx) then
          for k = o.e + 1, math.min(#part, o.e + 5) do
            if class_ends(ctx, "now", part, k) or class_ends(ctx, "emergency", part, k) then ok = false end
          end
        end
        -- ("they need to get in quick if I'm going to keep walking": what
        -- is kept, not a sign that keeps on.)
        if part[o.e].w:find("^keep") and n1 and KEEP_WHAT[n1.w] then ok = false end
        -- ("contact acute oncology immediately, urgent MRI within 24
        -- hours": a scan's own time limit, not the call's.)
        if part[o.s].w == "within" and scan_before(part, o.s) then ok = false end
        -- ("Well, first thing, I know my cancer's gone to my bones": first
        -- of all.)
        if part[o.s].w == "first" and part[o.e].w == "thing" and o.e == #part and
           (o.s == 1 or (o.s == 2 and OPENER[part[1].w])) then
          local before = parts[o.part - 1]
          if o.s == 2 or not before or before[1].sent ~= part[o.s].sent or
             (#before == 1 and OPENER[before[1].w]) then
            ok = false
          end
        end
        -- ("2 in the morning" is a time, but "ring 111 tomorrow" is put off.)
        -- (A clock time "2 in the morning", "3am the morning after" is when.)
        for k = math.max(1, o.s - 3), o.s - 1 do
          local clock = part[k].w:find("^%d%d?$") or part[k].w:find("^%d%d?am$") or
                        CLOCK_WORD[part[k].w]
          if clock and (k + 1 == o.s or part[k + 1].w == "in") then ok = false end
        end
        for k = math.max(1, o.s - 6), o.s - 1 do
          if part[k].w == "even" or part[k].w == "despite" then ok = false end
        end
        if too_late_after(part, o.e) then ok = false end
        -- ("The nurse I spoke to the next day told me off": the day after,
        -- told in the past, is when, not a wait.)
        if (part[o.e].w == "day" or part[o.e].w == "morning") and told_in_past(parts, part[o.s].sent) then
          ok = false
        end
        -- ("I take it every morning, and I'd ring at once if my leg
        -- swelled": a habit, not a time the call waits for.)
        if part[o.s - 1] and lexicon.EVERY[part[o.s - 1].w] then ok = false end
        -- ("Better they tell me it's nothing than I sit there till the
        -- clinic opens", "rather than wait till morning": the delay
        -- refused.)
        for g = part[o.s].g - 8, part[o.s].g - 1 do
          local u = flat_of(parts)[g]
          if u and u.sent == part[o.s].sent and u.w == "than" then ok = false end
        end
        -- ("So next time I'll call straight off": the next time it happens,
        -- said before the one who acts, is when, not a wait.)
        -- ("I'd mention it to the nurse next time I'm in" still waits.)
        if part[o.s].w == "next" and part[o.e].w == "time" and part[o.e + 1] and
           lexicon.SUBJECT[part[o.e + 1].w] and
           (o.s == 1 or lexicon.NEXT_OPENER[part[o.s - 1].w]) then
          ok = false
        end
        -- ("Even if you're due in for bloods the next morning, call now":
        -- the whole "even if" clause is granted.)
        -- ("If it came on at the weekend I'd ring them straight away", "if
        -- my leg went swollen in the night": when the sign comes, not a
        -- wait for it to change.)
        -- ("if temp goes up call the ward in the morning": a call between
        -- the sign and the time is put off, written without a comma.)
        for k = 1, o.s - 1 do
          local u, n = part[k], part[k + 1]
          local granted = u.w == "even" and EVEN[n.w]
          if (granted or (COND[u.w] and onset_between(part, k, o.s) and
                          not action_between(part, k + 1, o.s - 1, ctx))) and
             u.clause == part[o.s].clause and cond_clause(part, granted and k + 1 or k) >= o.e then
            ok = false
          end
        end
        -- ("I'd call 999 there and then ..., then ring her oncology team
        -- from the ambulance": a step after emergency help is no wait.)
        if part[o.s].w == "then" and emergency_before(parts, o, ctx) then ok = false end
        -- ("I'd feel like the world's most annoying patient for about three
        -- seconds and then I'd ring": a span of seconds is no wait.)
        if part[o.s].w == "then" and not idle_before(parts, o) and seconds_before(parts, o) then ok = false end
        -- ("Take her temperature first. Then call the line at once": a
        -- step said with a word of now is no putting off; what came first
        -- is judged on its own words.)
        -- (The word of now may stand after a long target, "then I'd ring
        -- the acute oncology number on my card straight away", up to
        -- the next action.)
        if part[o.s].w == "then" and not idle_before(parts, o) then
          for k = o.e + 1, #part do
            if k > o.e + M.ACT_REACH and class_ends(ctx, "action", part, k) then break end
            if not part[k].negated and class_ends(ctx, "now", part, k) then ok = false end
          end
          -- ("Then I'd call them. Straight away.": the word of now as a
          -- sentence of its own, straight after.)
          -- (Or a short part of its own after a comma: "Then I'd ring it,
          -- straight away, because…")
          local nxt = parts[o.part + 1]
          if part[#part].sent == part[o.s].sent and nxt and nxt[1].sent <= part[o.s].sent + 1 and
             #nxt <= 3 and nxt[#nxt].sent == nxt[1].sent and not nxt[1].negated then
            local ne = class_ends(ctx, "now", nxt, 1)
            if ne and max_end(ne) == #nxt then ok = false end
          end
        end
      end
      if ok then
        o.kind, o.sent, o.word = kind, part[o.s].sent, part[o.s].w
        o.leads = leads_sentence(parts, o) or (kind == "delay" and leads_sentence(parts, o, AMEND_OPENER))
        o.g1, o.g2 = part[o.s].g, part[o.e].g
        out[#out + 1] = o
      end
    end
  end
  return out
end

-- Is emergency help called, not negated, earlier in occurrence o's
-- sentence?
function emergency_before(parts, o, ctx)
  local at = parts[o.part][o.s]
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      if t.g >= at.g then return false end
      if t.sent == at.sent and not t.negated and class_ends(ctx, "emergency", part, k) and
         action_between(part, math.max(1, k - M.ACT_REACH), k - 1, ctx) then
        return true
      end
    end
  end
  return false
end

-- Is anchor a something the team will do ("They'd probably tell me to
-- come straight in")?  Its subject, just before it, is "they".
-- ("while I waited for her to ring back": "for her to" gives the call to
-- someone else.)
function team_acts(parts, a)
  local part = parts[a.part]
  for k = math.max(1, a.s - 2), a.s - 1 do
    if lexicon.THEY[part[k].w] then return true end
  end
  return a.s > 3 and part[a.s - 1].w == "to" and part[a.s - 3].w == "for" and
         lexicon.OTHER_CALLER[part[a.s - 2].w] or false
end

-- An "if" of the team's wish ("and bring her tablets if they want to see
-- them", "if they need me to come in"): their choice, no condition on
-- the learner's call.
function team_if(part, i)
  if part[i].w ~= "if" then return false end
  local who = false
  for k = i + 1, math.min(#part, i + 4) do
    if lexicon.TEAM_WHO[part[k].w] then who = true
    elseif who and lexicon.TEAM_WISH[part[k].stem] then return true end
  end
  return false
end

-- Hedges that may follow the action they weaken ("call them, maybe");
-- "could" after it is about something else ("call, it could be a clot").
-- ("I would call the 24 hour line, I suppose": the hedge said after.)
local AFTER_HEDGE = { maybe = true, perhaps = true, probably = true, possibly = true, suppose = true,
                      guess = true }
-- An afterthought ends its part or goes on with "if", "not", "or", "when"
-- ("call them, maybe", "call them maybe if it's bad"); one that goes on
-- with a clause of its own is about something else ("I call the hospital
-- immediately, maybe is blood clot").
local AFTERTHOUGHT_NEXT = { ["if"] = true, ["not"] = true, ["or"] = true, ["when"] = true,
                            later = true, tomorrow = true }
local function afterthought(part, e)
  local nxt = part[e + 1]
  return not nxt or AFTERTHOUGHT_NEXT[nxt.w] or false
end

-- A hedge that closes a plan of joined steps weakens the whole plan
-- ("call 999 and get carted off in style I suppose"): the hedge ends its
-- part and no new subject starts between the action and it ("call now,
-- it's probably a clot" hedges the sign, not the call).
IT_IS = lexicon.words([[its thats theres whats]])
function closes_plan(parts, o, b)
  if not afterthought(parts[b.part], b.e) then return false end
  local flat = flat_of(parts)
  if o.g2 < parts[b.part][1].g then return false end
  for g = o.g2 + 1, b.g1 - 1 do
    local own_i = g == b.g1 - 1 and flat[g].w == "i"
    if not own_i and (lexicon.SUBJECT[flat[g].w] or NEW_SUBJECT[flat[g].w] or IT_IS[flat[g].w]) then
      return false
    end
  end
  return true
end

-- (With `delay_at`, the first token of a delay after the action: a "but"
-- that leads straight into it, "call the team, but probably after a lie
-- down", restricts the call as "but not till" does.)
-- (With `so_joins`, a delay said before the action: "so" leads from it to
-- the action it holds back, "I'll be home from work by seven, so I can
-- sit with you while you call".)
local function contrast_between(parts, a, b, delay_at, so_joins)
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      -- ("then" joins steps in time: "wait and see, then call"; "but not
      -- till the morning", "but only on Monday" restrict, they do not
      -- contrast.)
      local nxt = part[k + 1] and part[k + 1].w
      -- ("in an hour or so": no contrast.)
      local prev = part[k - 1] and part[k - 1].w
      if t.g > a and t.g < b and lexicon.CONTRAST[t.w] and t.w ~= "then" and
         not (t.w == "but" and (nxt == "not" or nxt == "only")) and
         not (t.w == "but" and delay_at and delay_at > t.g and delay_at - t.g <= 3) and
         -- ("I'd call straight away, but if it was just painful I'd rest
         -- it for a few days": a second plan for the milder sign, no
         -- contrast that sets its wait aside.)
         not (t.w == "but" and nxt == "if") and
         not (t.w == "so" and prev == "or") and
         not (t.w == "so" and so_joins) then
        return true
      end
    end
  end
  return false
end

-- Does someone else start a clause between tokens a and b ("call the line
-- now; they'll assess me and bring me in if needed": the "if" is theirs)?
-- (Not "she" or "he": in a student's answer she is the patient.)
local OTHERS = { they = true, theyll = true, theyd = true, theyre = true }
function others_between(parts, a, b)
  local flat = flat_of(parts)
  for g = a + 1, b - 1 do
    if OTHERS[flat[g].w] then return true end
  end
  return false
end

-- Is delay b, after action o, when someone will be cross ("I'd phone
-- her team myself, right then, and she can be cross with me later"): a
-- feeling put off, not the call?
CROSS = lexicon.words([[cross angry annoyed mad furious upset grumpy livid narked]])
function cross_later(parts, o, b)
  local flat = flat_of(parts)
  for g = b.g1 - 1, o.g2 + 1, -1 do
    local t, nxt = flat[g], flat[g + 1]
    if t.w == "be" and nxt and CROSS[nxt.w] then return true end
  end
  return false
end

-- Does blocker b stand in a sentence that opens with "if" or "unless",
-- after an opener such as "But" or "Well" (a plan for another case)?
function if_plan(parts, b)
  local flat = flat_of(parts)
  local g = parts[b.part][1].g
  while flat[g - 1] and flat[g - 1].sent == b.sent do g = g - 1 end
  local first = flat[g]
  -- ("Well, unless it's the middle of the night, then first thing in the
  -- morning is fine"; "But if it was the new headache I'd take
  -- paracetamol and see if it had gone by the morning".)
  if OPENER[first.w] and flat[g + 1] and flat[g + 1].sent == b.sent then first = flat[g + 1] end
  -- ("If they didn't answer I'd try again in the morning" is a plan for
  -- the team not answering, not for a milder sign.)
  local nxt = flat[first.g + 1]
  return (first.w == "if" or first.w == "unless") and
         not (nxt and (lexicon.THEY[nxt.w] or nxt.w == "nobody" or nxt.w == "no"))
end

-- The blocker that holds action o back, or nil.  A hedge counts within 3
-- words before the action or 2 after it.  A delay counts anywhere in the
-- same sentence unless a contrast word stands between them or another
-- action word is nearer to it (then the delay belongs to that action).

-- Is there a "do it", "do that" or "do so" before blocker b in its
-- sentence?
function do_that_before(parts, b)
  local flat = flat_of(parts)
  for g = b.g1 - 1, 1, -1 do
    local t, n = flat[g], flat[g + 1]
    if t.sent ~= b.sent then return false end
    if do_it(t, n) and not t.negated then return true end
  end
  return false
end

HAND_ON = lexicon.words([[advise advice tell ask remind urge get her him them to]])
local function blocked_by(o, bl, anchors, parts)
  -- ("I'd tell my husband when he gets home and we'd phone the clinic
  -- together then": a "then" that ends the action's part points back to
  -- the time said before it, whichever action that time was said with.)
  local op = parts[o.part]
  local last = op and op[#op]
  local back_then = last and last.w == "then" and last.g > o.g2 and not last.negated
  for _, b in ipairs(bl) do
    if back_then and b.kind == "delay" and b.sent == o.sent and b.g2 < o.g1 and
       not contrast_between(parts, b.g2, o.g1) then
      return b
    end
    -- ("I'd call the team straight away. Well, after my tea.": a delay
    -- that opens a sentence with no action of its own amends the one
    -- before.)
    -- (Nor "If you feel fine apart from the temperature, check it again
    -- in the morning": a second plan, for the milder case, that waits.)
    -- ("Well, once I'd finished my shift": so does a condition.)
    -- ("You need to ring the 24-hour line. I'd do that after a good
    -- night's sleep": a delay said with "do that" amends it too.)
    if (b.kind == "delay" or (b.kind == "condition" and b.leads)) and
       (b.leads or if_plan(parts, b) or (b.kind == "delay" and do_that_before(parts, b))) and
       b.sent == o.sent + 1 then
      local own = false
      for _, a in ipairs(anchors) do
        if a.sent == b.sent then own = true end
      end
      -- ("Once I'm better I'll stop the tablets": the condition has a
      -- clause of its own, about something else.)
      if b.kind == "condition" and own_clause_after(parts, b) then own = true end
      if not own then return b end
    end
    if b.sent == o.sent and not (b.kind == "condition" and b.g1 < o.g1) then
      if b.kind == "hedge" then
        -- ("I'd probably advise her to call": the words that hand the call
        -- to another person do not count in the reach.)
        local reach = 3
        if b.g2 < o.g1 and b.part == o.part then
          local flat = flat_of(parts)
          for g = b.g2 + 1, o.g1 - 1 do
            if HAND_ON[flat[g].w] then reach = reach + 1 end
          end
        end
        if (b.g2 < o.g1 and o.g1 - b.g2 <= reach and b.part == o.part) or
           (b.g1 > o.g2 and b.g1 - o.g2 <= 3 and AFTER_HEDGE[b.word] and
            afterthought(parts[b.part], b.e)) or
           (b.g1 > o.g2 and AFTER_HEDGE[b.word] and closes_plan(parts, o, b)) then
          return b
        end
      else
        local d = b.g2 < o.g1 and o.g1 - b.g2 or math.max(0, b.g1 - o.g2)
        local nearer = false
        for _, a in ipairs(anchors) do
          if a.sent == b.sent and (a.g < o.g1 or a.g > o.g2) and
             (a.g < b.g1 or a.g > b.g2) then
            local da = a.g < b.g1 and b.g1 - a.g or a.g - b.g2
            if da < d then nearer = true end
          end
        end
        local lo, hi = math.min(b.g1, o.g1), math.max(b.g2, o.g2)
        if not nearer and not contrast_between(parts, lo, hi, b.g1 > o.g2 and b.g1, b.g2 < o.g1) and
           not (b.g1 > o.g2 and others_between(parts, o.g2, b.g1)) and
           not (b.g1 > o.g2 and cross_later(parts, o, b)) then
          return b
        end
      end
    end
  end
  return nil
end

local function gtext(parts, o)
  return said(parts, o)
end

-- Words a sentence of pure hesitation is made of: "Maybe.", "I'd think
-- about it.", "Not sure.", "I suppose so."  Such a sentence in an answer
-- leaves its call unclear.
local HESITATION = lexicon.words([[i id would think about it maybe perhaps probably possibly not sure suppose so
  guess dunno know do yeah yes well um er hmm or might could depends depend on that
  really]])
local HESITANT = lexicon.words([[maybe perhaps probably possibly suppose guess dunno depends depend think
  sure]])

-- Second thoughts about calls that were otherwise clear (good, each {part,
-- s, e, g1, g2, sent}): the words that take them back, or nil.  A call is
-- taken back by putting help off anywhere after it ("I'd ring them. Then
-- again I'd probably hold off") or before it with no contrast between
-- ("I'd sit tight a bit and phone them"; but "I'd want to wait, but I'd
-- call now" stands); by reluctance after a call only meant and a
-- contrast ("I'd want to call but I wouldn't want to make a fuss"); or by
-- a sentence of pure hesitation.
local REFUSAL_FILLER = { probably = true, prob = true, just = true, really = true, honestly = true,
                         actually = true, ["do"] = true, would = true, will = true, think = true,
                         though = true, so = true, that = true, it = true, bother = true,
                         wo = true, ca = true, could = true, should = true, did = true,
                         does = true, am = true,
                         -- ("so I wouldn't bother them with that")
                         them = true, with = true, about = true }
local function o_part(parts, t)
  for pi, part in ipairs(parts) do
    if part[1].g <= t.g and part[#part].g >= t.g then return pi end
  end
end
TAKING_BACK = lexicon.words([[but although though however actually]])
local INTENT = { want = true, wanna = true, should = true, ought = true, like = true,
                 need = true, supposed = true, meant = true, tempted = true }
function second_thoughts(parts, good, ctx)
  local first, last = good[1].g1, good[1].g2
  for _, a in ipairs(good) do
    first, last = math.min(first, a.g1), math.max(last, a.g2)
  end
  for _, o in ipairs(all_found(ctx.classes.putoff or {}, parts, ctx)) do
    local part = parts[o.part]
    local t = part[o.s]
    -- ("Some folks would wait till morning. I wouldn't.": theirs, answered.)
    if not o.negated and not t.supposed and not t.mused and not t.bygone and
       not warned(flat_of(parts), t) and not reported_then_answered(flat_of(parts), t) and
       not spurned(flat_of(parts), t) and
       (t.g > last or not contrast_between(parts, part[o.e].g, first)) then
      return said(parts, o)
    end
  end
  -- ("I'd ring them now. Well, maybe, if I could find the number,
  -- otherwise in the morning": the call is one branch, a delay the
  -- other.)
  local flat = flat_of(parts)
  for _, o in ipairs(all_found(ctx.classes.delay or {}, parts, ctx)) do
    local t = parts[o.part][o.s]
    local p = flat[t.g - 1]
    if not o.negated and t.g > last and p and p.w == "otherwise" and p.sent == t.sent then
      return said(parts, o)
    end
  end
  -- (Only a call meant, not decided: "I'd want to call, but…"; "I'd call
  -- now, but I'd feel silly" still calls.)
  local meant = false
  for _, a in ipairs(good) do
    local part = parts[a.part]
    for k = math.max(1, a.s - 3), a.s - 1 do
      if INTENT[part[k].w] then meant = true end
    end
  end
  for _, o in ipairs(meant and all_found(ctx.classes.reluctance or {}, parts, ctx) or {}) do
    local t = parts[o.part][o.s]
    if not o.negated and t.g > last and contrast_between(parts, last, t.g + 1) then
      return said(parts, o)
    end
  end
  -- Family asked after a contrast: "I would call the 24 hour line.
  -- Although at 2am I'd probably just text my daughter and see what she
  -- says first."  (After the first call: "Well, I'd text my sister first,
  -- and if she said ring then I'd ring" has a call after it too.)
  local first_end
  for _, a in ipairs(good) do
    if a.g1 == first then first_end = a.g2 end
  end
  for _, o in ipairs(all_found(ctx.classes.consult or {}, parts, ctx)) do
    local part = parts[o.part]
    local t = part[o.s]
    if not o.negated and t.g > first_end and not advice_recalled(part, o) then
      local but
      for g = first_end + 1, t.g - 1 do
        local u = flat[g]
        -- ("I'd ring the team now. Well, I'd text my sister first": a
        -- "well" that opens its sentence.)
        local well = u.w == "well" and flat[g - 1].sent ~= u.sent
        if (TAKING_BACK[u.w] or well) and u.sent == t.sent then but = g end
      end
      local pi = but and o_part(parts, flat[but])
      if pi and pi <= o.part then
        for k = pi == o.part and (flat[but].g - part[1].g + 1) or 1, o.e do
          if THIRD[part[k].w] or class_ends(ctx, "person", part, k) then return said(parts, o) end
        end
      end
    end
  end
  -- A refusal after a contrast: "calling now would be right, but I
  -- wouldn't", "but I probably won't".
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      -- ("She'd want to lie down and see how it goes, but we wouldn't":
      -- the refusal answers their wish, not the call.)
      local p = flat[t.g - 1]
      local theirs = p and p.sent == t.sent and p.bygone
      if t.g > last and lexicon.CONTRAST[t.w] and t.w ~= "then" and not theirs then
        local j = k + 1
        while part[j] and (lexicon.SUBJECT[part[j].w] or REFUSAL_FILLER[part[j].w]) do
          j = j + 1
        end
        local n = part[j]
        if n and n.neg then
          local rest = j + 1
          while part[rest] and REFUSAL_FILLER[part[rest].w] do rest = rest + 1 end
          if not part[rest] then return said(parts, { part = o_part(parts, t), s = k, e = j }) end
        end
      end
    end
  end
  local sent_words = {}
  for _, part in ipairs(parts) do
    for _, t in ipairs(part) do
      local sw = sent_words[t.sent] or { all = true, hesitant = false }
      sent_words[t.sent] = sw
      if not HESITATION[t.w] then sw.all = false end
      if HESITANT[t.w] then sw.hesitant = true end
      sw.raw = sw.raw and (sw.raw .. " " .. t.raw) or t.raw
    end
  end
  for _, sw in pairs(sent_words) do
    if sw.all and sw.hesitant then return sw.raw end
  end
  return nil
end

-- Beliefs said as someone else's, or conceded, then answered with a
-- contrast: "my sister thinks it's just a bug, but the nurse said…", "it
-- could just be a cold but I'd still ring them now", "I know they say
-- you're never a bother, but…".  A marker of report or concession before
-- the words, and a contrast after them, in the same sentence.
-- Reports (say, told, think, know: "my sister thinks", "I know they
-- say") and concessions (could, might, probably, technically).
local ANSWER_NO
-- ("Part of me would want to wait, but…", "I'd be tempted to leave it,
-- but…": a wish conceded.)
-- ("Part of me would be saying don't be silly, wait till it's light.
-- But I wouldn't wait": the saying under way.)
local REPORT = lexicon.words([[technically admittedly supposedly thought think thinks thinking reckon
  reckons say says saying said told tell tells telling believe believes know course want wanted
  tempted instinct feel mix confuse confuses muddle]])
local HEDGED = lexicon.words([[could might may maybe perhaps probably prob probs prolly possibly suppose
  guess assume]])
local ANSWER = lexicon.words([[but though although however yet]])
-- Concessions that may come after what they concede.
local CONCEDE = { tempted = true, tempting = true, admittedly = true, instinct = true }
-- ("Normally I'd dose up on Lemsip and call it a cold, but not on this":
-- a habit set against this time.)
local HABIT = { normally = true, usually = true, ordinarily = true }
-- "I'd say it's kind of like bone cancer": the learner's own saying.
local OWN = { i = true, id = true, ill = true, we = true, wed = true }
local SAYING = { say = true, says = true, saying = true, said = true, tell = true, tells = true,
                 telling = true, told = true }

-- ("my nan would be like oh it's just my back": "be like" quotes.)
local QUOTING = { be = true, was = true, were = true, is = true, im = true, shes = true,
                  hes = true, theyre = true, theyd = true, shed = true }
local LIKENED = { it = true, this = true, that = true, which = true }
local function report_or_concession(flat, t, modal)
  local prev = flat[t.g - 1]
  -- ("she was like, just wait", but "it is like chemotherapy but
  -- softer" likens; it quotes no one.)
  local subject = flat[t.g - 2]
  if t.w == "like" and prev and QUOTING[prev.w] then
    return not (subject and subject.sent == t.sent and LIKENED[subject.w])
  end
  if not (REPORT[t.w] or (modal and HEDGED[t.w])) then return false end
  return not (SAYING[t.w] and prev and OWN[prev.w])
end

-- Is there a "still" or "anyway" after token number g in sentence sent,
-- past a contrast?
function still_after(flat, g, sent)
  local past = false
  for h = g + 1, #flat do
    local t = flat[h]
    if t.sent ~= sent then break end
    if ANSWER[t.w] then past = true end
    if past and (t.w == "still" or t.w == "anyway") then return true end
  end
  return false
end

-- The contrast after occurrence o, with a report or concession before it
-- and at least two words after it in the same sentence, or nil.  flat maps
-- g to token.
local function answered(flat, parts, o)
  local part = parts[o.part]
  local s, e = part[o.s], part[o.e]
  local marker
  local g = s.g - 1
  while flat[g] and flat[g].sent == s.sent do
    if ANSWER[flat[g].w] then break end
    if report_or_concession(flat, flat[g], true) or HABIT[flat[g].w] then marker = flat[g] break end
    g = g - 1
  end
  -- ("At my age one is tempted to put it down to lumbago, but…": the
  -- concession may follow the words it concedes.)
  g = e.g + 1
  while not marker and flat[g] and flat[g].sent == s.sent and not ANSWER[flat[g].w] do
    if CONCEDE[flat[g].w] or report_or_concession(flat, flat[g], false) then marker = flat[g] end
    g = g + 1
  end
  if not marker then return nil end
  -- ("It's probably just a strain, but I'd ring the team now to be
  -- safe": a belief leaned on, and the call made anyway, holds the
  -- belief; "it could be a cold but I'd still ring" only grants it may
  -- be, and "I'd probably lie there thinking…, but" hedges an act.)
  -- (So does the learner's own "I'd think I'd just strained it", with a
  -- "still" or "anyway" after the contrast.)
  local before = flat[marker.g - 1]
  local own = before and before.sent == marker.sent and (OWN[before.w] or WOULD[before.w])
  if (lexicon.PROBABLE[marker.w] and not own) or
     (marker.w == "think" and own and still_after(flat, e.g, s.sent)) then
    return nil
  end
  g = e.g + 1
  while flat[g] and flat[g].sent == s.sent do
    local after, no = flat[g + 2], flat[g + 1]
    -- ("it might mean the cancer is active, but also that ...": "but
    -- also" adds, it does not answer.)
    -- ("I reckon hers is the worse type though, she's on chemo": a
    -- "though" that ends its clause looks back; it answers nothing.)
    if ANSWER[flat[g].w] and after and after.sent == s.sent and no.w ~= "also" and
       not (flat[g].w == "though" and flat[g].last_in_part) then
      return flat[g]
    end
    -- ("my nan would say it's just her age but nope.")
    if ANSWER[flat[g].w] and no and no.sent == s.sent and ANSWER_NO[no.w] then return flat[g] end
    g = g + 1
  end
  -- ("My first thought would be that I'd pulled something. But with the
  -- cancer in my bones I'd call now": the next sentence may answer.)
  local nxt, after = flat[g], flat[g + 2]
  if nxt and ANSWER[nxt.w] and after and after.sent == nxt.sent then return nxt end
  return nil
end

-- Is misconception occurrence o someone else's belief, or one conceded
-- and answered ("it could just be a cold but I'd still ring them now")?
-- Not when the answer holds another belief of the question after the
-- contrast ("it's probably a virus but I'd keep an eye on it").

-- Clinicians, and what they do when a medicine is stopped on their word.
local CLINICIAN = { team = true, doctor = true, doctors = true, nurse = true, oncologist = true,
                    consultant = true, specialist = true }
local THEIR_WORD = { say = true, says = true, said = true, tell = true, tells = true,
                     told = true, decide = true, decides = true, will = true, advise = true,
                     advises = true, agree = true, agrees = true, ok = true, okay = true }

-- Stopping on the team's word is no belief: "only stop if the team says
-- so", "the doctor will stop it slowly when the swelling is better".
local function on_their_word(parts, o, ctx)
  local part = parts[o.part]
  local stop = false
  for k = o.s, o.e do
    if class_ends(ctx, "stop", part, k) then stop = true end
  end
  if not stop then return false end
  local clause, who, word = part[o.s].clause, false, false
  for _, t in ipairs(part) do
    if t.clause == clause or t.clause == clause + 1 then
      if CLINICIAN[t.stem] or CLINICIAN[t.w] then who = true end
      if who and THEIR_WORD[t.w] then word = true end
      -- ("they'll lower it when the swelling is better": the team.)
      if t.w == "theyll" or t.w == "theyd" then who, word = true, true end
    end
  end
  return word
end

-- Is token s a wait said as a warning: opening its sentence or after
-- "if", with a harm after it ("If wait, can be paralysed"; "Leave it and
-- I might not walk again")?
local IF_WHO = { i = true, you = true, we = true, u = true, ya = true }
local NO_HELP = { help = true, save = true, fix = true, treat = true, able = true, ["do"] = true }
-- Is token t in the choice turned down after "rather", "better", "sooner"
-- or "prefer" and a "than" up to ten words before it ("Better they tell
-- me it's nothing than I leave it"; "they'd rather hear from me at 2am
-- than see me worse at 9")?  ("if it's more than a day" is a time.)
-- ("I'd be cross with anyone who told me to wait", "don't let anyone tell
-- you to wait until morning": whoever would say it, the learner will not.)
ANYONE = lexicon.words([[anyone anybody whoever]])
function spurned(flat, t)
  if in_set(WAIT_WORDS, t) then
    if scolded_if(flat, t) then return true end
    local told = false
    for g = t.g - 1, math.max(1, t.g - 5), -1 do
      local u = flat[g]
      if u.sent ~= t.sent then break end
      if lexicon.TELLING[u.stem or u.w] or u.w == "says" or u.w == "said" or u.w == "say" then told = true end
      if ANYONE[u.w] then return told end
    end
  end
  for g = t.g - 1, math.max(1, t.g - 10), -1 do
    local u = flat[g]
    if u.sent ~= t.sent then return false end
    if u.w == "than" then
      for h = g - 1, 1, -1 do
        if flat[h].sent ~= t.sent then return false end
        if lexicon.PREFER[flat[h].w] then return true end
      end
      return false
    end
  end
  return false
end

-- Is wait word t what someone would scold the learner for ("the night
-- nurses would tell me off if I waited till morning", "she'd be cross if
-- I left it", "they'd kill me if I sat on it")?  An "if" a few words
-- before it, after a scolding.
function scolded_if(flat, t)
  for g = t.g - 1, math.max(2, t.g - 4), -1 do
    local u = flat[g]
    if u.sent ~= t.sent then return false end
    if u.w == "if" then
      local p, pp = flat[g - 1], flat[g - 2]
      return p ~= nil and p.sent == t.sent and
             ((p.w == "off" and pp ~= nil and (pp.w == "me" or pp.w == "us")) or CROSS[p.w] ~= nil or
              (p.w == "me" and pp ~= nil and pp.w == "kill"))
    end
  end
  return false
end

UNTIL = lexicon.words([[until till til]])
-- The wait word a time at s belongs to, just before it, past an "until"
-- or "till" between ("delaying until morning"), or nil.  So too the "see"
-- a wait is for ("waiting to see if it passes").
function wait_before(flat, s)
  local p = flat[s.g - 1]
  if p and p.sent == s.sent and ((UNTIL[p.w] and not UNTIL[s.w]) or (p.w == "to" and s.w == "see")) then
    p = flat[s.g - 2]
  end
  return p and p.sent == s.sent and in_set(WAIT_WORDS, p) and p or nil
end
-- Is the time at s what a spurned wait waits for ("don't let anyone tell
-- you to wait until morning")?
function wait_spurned_before(flat, s)
  local p = wait_before(flat, s)
  return p ~= nil and spurned(flat, p)
end
NO_WAY = lexicon.words([[safe option ok okay]])
function warned(flat, s)
  -- ("Waiting till morning could be too late": the time of a wait
  -- named as the harm is named with it.)
  -- ("delaying until morning risks deterioration": "until" or "till"
  -- between.)
  if not in_set(WAIT_WORDS, s) then
    local p = wait_before(flat, s)
    return p ~= nil and warned(flat, p)
  end
  local prev, prev2 = flat[s.g - 1], flat[s.g - 2]
  -- ("…immediately, regardless of the time; delaying until morning risks
  -- deterioration": a wait that opens its part.)
  local first = not prev or prev.sent ~= s.sent or s.first_in_part or BECAUSE[prev.w]
  local after_if = prev and prev.sent == s.sent and prev.w == "if"
  local if_who = prev and prev2 and prev2.sent == s.sent and IF_WHO[prev.w] and prev2.w == "if"
  -- ("They can't help me if I wait": the harm said before the "if".)
  -- ("I could lose my legs if I wait": the harm itself.)
  if not after_if and if_who then
    for g = prev2.g - 1, prev2.g - 6, -1 do
      local t = flat[g]
      if not t or t.sent ~= s.sent then break end
      -- ("I can not walk after if I wait")
      if (t.negated and (NO_HELP[t.stem] or t.w == "walk")) or (not t.negated and lexicon.HARM[t.w]) then
        return true
      end
    end
  end
  -- ("They were clear that waiting is the worst thing I can do": the
  -- wait named as the harm; "wait, the worst that can happen…" is not.)
  -- ("Waiting to see if it passes is the worst thing you can do": what
  -- is waited for may stand between, in the wait's own clause.)
  for v = s.g + 1, s.g + 7 do
    local u = flat[v]
    if not u or u.sent ~= s.sent or u.clause ~= s.clause then break end
    if lexicon.WORST_VERB[u.w] then
      for g = v + 1, v + 3 do
        local t = flat[g]
        if not t or t.sent ~= s.sent or t.clause ~= s.clause then break end
        if t.w == "worst" then return true end
      end
      break
    end
  end
  -- ("The worst thing would be to wait", not "the worst that can happen
  -- if I wait…", which plays the harm down.)
  for g = s.g - 1, s.g - 6, -1 do
    local t = flat[g]
    if not t or t.sent ~= s.sent or t.w == "if" or t.w == "happen" then break end
    if t.w == "worst" then return true end
  end
  -- ("Waiting till morning isn't safe with these signs", "Waiting till
  -- morning with her is not an option": a wait that opens its part,
  -- said to be no way.)
  if first then
    for g = s.g + 1, s.g + 8 do
      local t = flat[g]
      if not t or t.sent ~= s.sent then break end
      if NO_WAY[t.w] and t.negated then return true end
    end
  end
  -- ("Waiting for morning is how people end up in real trouble": the
  -- harm counted from the "how".)
  local from = s.g
  for g = s.g + 1, s.g + 4 do
    local t, n = flat[g], flat[g + 1]
    if not (t and n and n.sent == s.sent) then break end
    if t.w == "is" and n.w == "how" then
      from = n.g
      -- ("waiting til morning is how ppl end up in icu")
      for h = n.g + 1, n.g + 4 do
        local u, v = flat[h], flat[h + 1]
        if u and v and v.sent == s.sent and (u.w == "end" or u.w == "ends") and v.w == "up" then
          return true
        end
      end
      break
    end
  end
  -- ("waiting could leave me paralysed": the wait, then what it could do.)
  local nxt = flat[s.g + 1]
  local modal = nxt and nxt.sent == s.sent and lexicon.MIGHT[nxt.w]
  -- ("because waiting till morning could let something serious get
  -- worse": the time of the wait between.)
  for g = s.g + 2, s.g + 3 do
    local t = flat[g]
    if not t or t.sent ~= s.sent or t.clause ~= s.clause or lexicon.SUBJECT[t.w] then break end
    if lexicon.MIGHT[t.w] then modal = true break end
  end
  -- ("if I wait maybe after I cannot walk": the harm said after.)
  if not (first or after_if or if_who or modal) then return false end
  -- ("If I waited and it turned out to be serious that'd be far worse".)
  for g = s.g + 1, from + (if_who and 12 or 8) do
    local t = flat[g]
    if not t or t.sent ~= s.sent then break end
    if t.w:find("^paraly") or (lexicon.HARM[t.w] and not t.negated) or (t.w == "walk" and t.negated) then
      return true
    end
  end
  -- ("waiting until morning is exactly what you told us not to do")
  for g = s.g + 3, s.g + 11 do
    local t = flat[g]
    if not t or t.sent ~= s.sent or t.clause ~= s.clause then break end
    if t.w == "not" and (flat[g - 2].w == "told" or flat[g - 2].w == "said") then return true end
  end
  return false
end

-- Is "different" said of this time after the belief at s, later in its
-- sentence or in the next ("this would be different", "is different",
-- "it's a different thing altogether"), not negated?
DIFFERENT_OF = lexicon.words([[is be its thats was feels seems]])
function set_against_later(flat, s)
  for g = s.g + 1, #flat do
    local t = flat[g]
    if t.sent > s.sent + 1 then break end
    if t.w == "different" and not t.negated and not t.neg then
      for h = g - 1, math.max(s.g + 1, g - 3), -1 do
        if DIFFERENT_OF[flat[h].w] and flat[h].sent == t.sent then return true end
      end
    end
  end
  return false
end

-- Is the belief at s what someone else would tell the learner, refused
-- at the opening of the next sentence ("My husband would tell me to have
-- a Lemsip and an early night. No chance - I'd be ringing the line")?
-- ("I wouldn't argue with him" is no refusal: it goes along.)
REFUSAL_OPENING = { { "no", "chance" }, { "no", "way" }, { "not", "a", "chance" }, { "nope" },
                    { "nah" }, { "not", "likely" }, { "no", "fear" }, { "not", "on", "your", "life" },
                    { "over", "my", "dead", "body" }, { "not", "happening" } }
function told_then_refused(flat, s)
  local told = false
  for g = s.g - 1, math.max(1, s.g - 10), -1 do
    local t, n = flat[g], flat[g + 1]
    if t.sent ~= s.sent then break end
    if (t.w == "tell" or t.w == "tells" or t.w == "told") and n and n.w == "me" then
      for h = g - 1, math.max(1, g - 3), -1 do
        if flat[h].sent == s.sent and OTHER_ONE[flat[h].w] then told = true end
      end
    end
  end
  if not told then return false end
  local g = s.g + 1
  while flat[g] and flat[g].sent == s.sent do g = g + 1 end
  for _, words in ipairs(REFUSAL_OPENING) do
    local all = true
    for x, w in ipairs(words) do
      local t = flat[g + x - 1]
      if not t or t.w ~= w or t.sent ~= s.sent + 1 then all = false break end
    end
    if all then return true end
  end
  return false
end

-- Is token s inside someone else's saying ("some patients think", "my dad
-- always says", within a few words before it and no "I" between), and
-- does the next sentence deny something or ask?
function reported_then_answered(flat, s)
  local said
  for g = s.g - 1, math.max(1, s.g - 8), -1 do
    local t = flat[g]
    if t.sent ~= s.sent then return false end
    -- ("My sister would say I pulled something": an "I" just after the
    -- saying is what is said of me, not my own saying.)
    if FIRST[t.w] and not (flat[g - 1] and lexicon.REPORT_SAY[flat[g - 1].w]) then return false end
    -- ("Some people stop going to the dentist when they hear this.
    -- Don't.": others doing it is their story too.)
    -- ("Some people would go to bed and rest it. Not me": a sentence
    -- that opens with "some people" is theirs.)
    if OTHER_ONE[t.w] and flat[g - 1] and flat[g - 1].sent == s.sent and
       lexicon.SOME[flat[g - 1].w] and (g >= s.g - 2 or not flat[g - 2] or flat[g - 2].sent ~= s.sent) then
      said = true
      break
    end
    -- ("Some people hear metastatic and think it's a death sentence".)
    if lexicon.REPORT_SAY[t.w] then
      local h, reach = g - 1, 3
      while h >= math.max(1, g - reach) do
        local u = flat[h]
        if u.sent ~= s.sent or u.w == "what" or u.w == "ask" then break end
        if OTHER_ONE[u.w] then said = true break end
        -- (past a verb of theirs joined by "and": "people hear metastatic
        -- and think")
        if u.w == "and" then reach = reach + 2 end
        -- (past where they are: "the women on my forum say", "my friend
        -- in the support group says")
        local p = flat[h - 1]
        if lexicon.DETERMINER[u.w] and p and (p.w == "on" or p.w == "in" or p.w == "at") then
          reach = reach + 3
        end
        h = h - 1
      end
      break
    end
  end
  if not said then return false end
  -- ("My friend assumed I'd be all clear, and I had to tell her that's
  -- not how it works": answered in the same sentence, in the learner's
  -- own words after it.)
  local g, mine = s.g + 1, false
  while flat[g] and flat[g].sent == s.sent do
    if FIRST[flat[g].w] or flat[g].w == "me" then mine = true end
    if mine and flat[g].neg then return true end
    g = g + 1
  end
  while flat[g] and flat[g].sent == s.sent + 1 do
    local t = flat[g]
    -- ("…say ride it out at home. That's wrong for us.")
    if t.neg or t.negated or t.in_question or lexicon.WRONG[t.w] then return true end
    g = g + 1
  end
  return false
end

-- (Of a person only: "it's not fair to wake them" is a reluctance.)
ANSWER_NO = { no = true, nope = true, nah = true, never = true, ["not"] = true }
local COPULA = { am = true, are = true, im = true, youre = true, were = true, theyre = true }
local INFECTION = lexicon.words([[infection infections infected defences defenses defence defense immune immunity
  white neutrophils neutropenia sepsis septic]])
function infection_in(flat, sent)
  for _, t in ipairs(flat) do
    if t.sent == sent and INFECTION[t.w] and not t.negated then return true end
  end
  return false
end
-- Is the belief at token s someone else's that the learner acts against
-- in the same sentence ("My wife would hate to be a nuisance, so I'd ring
-- the 24 hour line for her"; "Mum would never want to bother anyone, so
-- I'd be the one to ring")?  ("She stops taking it when she feels well"
-- is still heard: no one acts against it.)
-- Does the learner call, ring or phone within six words after a
-- first-person word among the first three of sentence `sent`, from
-- flat[g], before any telling ("I'd tell her to ring at eight" is hers)?
CALL_STEMS = M.stem_set("call phone ring rang dial telephone contact")
function learner_calls(flat, g, sent)
  for h = g, math.min(#flat, g + 2) do
    local u = flat[h]
    if u.sent ~= sent then return false end
    if lexicon.SPEAKER[u.w] then
      for x = h + 1, math.min(#flat, h + 6) do
        local v = flat[x]
        if v.sent ~= sent or lexicon.TELLING[v.w] then return false end
        if not v.negated and CALL_STEMS[v.stem] then return true end
      end
      return false
    end
  end
  return false
end

function overridden(flat, s)
  local theirs = false
  for g = s.g - 1, math.max(1, s.g - 6), -1 do
    local t = flat[g]
    if t.sent ~= s.sent or FIRST[t.w] then break end
    if OTHER_ONE[t.w] then theirs = true break end
  end
  if not theirs then return false end
  for g = s.g + 1, #flat do
    local t = flat[g]
    -- ("My wife would say she doesn't want to bother anyone. I'd ring the
    -- cancer line myself": the next sentence opens with the learner's call.)
    if t.sent ~= s.sent then return t.sent == s.sent + 1 and learner_calls(flat, g, t.sent) end
    if (t.w == "so" or t.w == "but") and not t.negated then
      -- ("She hates fussing, but they told us plainly she is never a
      -- bother": the team's word set against it.)
      for h = g + 1, math.min(#flat, g + 3) do
        local u = flat[h]
        if u.sent ~= s.sent then break end
        if t.w == "but" and (u.w == "told" or u.w == "said") and not u.negated then return true end
      end
      for h = g + 1, math.min(#flat, g + 3) do
        local u = flat[h]
        if u.sent ~= s.sent then return false end
        if lexicon.SPEAKER[u.w] then
          for x = h + 1, math.min(#flat, h + 6) do
            -- (A call, not a telling: "…and I think she's right, so that's
            -- what I'll tell everyone" passes the belief on.)
            if flat[x].sent == s.sent and not flat[x].negated and in_set(ACTION_WORDS, flat[x]) and
               not lexicon.TELLING[flat[x].w] then
              return true
            end
          end
          return false
        end
      end
    end
  end
  return false
end

function disowned(flat, parts, o, q, ctx)
  if on_their_word(parts, o, ctx) then return true end
  local s = parts[o.part][o.s]
  if s.bygone then return true end
  if overridden(flat, s) then return true end
  -- ("I am never disturbing them": what the learner is, not a reluctance;
  -- a belief that starts with its negation is the key point's.)
  -- ("they'll tell me to rest it": the team's advice, as the learner
  -- expects it, is not the learner's belief.)
  for g = s.g - 4, s.g - 1 do
    local t, n = flat[g], flat[g + 1]
    if t and n and t.sent == s.sent and (t.w == "tell" or t.w == "told") and n.w == "me" then
      for h = g - 3, g - 1 do
        if flat[h] and flat[h].sent == s.sent and OTHERS[flat[h].w] then return true end
      end
    end
  end
  -- ("I'm not going to tell myself it's just my age": a telling of
  -- oneself refused, a few words before, in the sentence.)
  for g = s.g - 6, s.g - 1 do
    local t, n = flat[g], flat[g + 1]
    if t and t.sent == s.sent and t.negated and lexicon.SELF_TALK[t.w] and
       (t.w == "pretend" or (n and (n.w == "myself" or n.w == "herself" or n.w == "ourselves"))) then
      return true
    end
  end
  -- ("ur not bothering them", "your not a bother": "you're" as typed.)
  local before = flat[s.g - 1]
  -- (But "I'm not long for this world" is no bother word: it is held.)
  -- ("I am not want to disturb the doctor": a wish after it, as a first
  -- language other than English may say it, is the reluctance.)
  local after = flat[s.g + 1]
  if s.neg and before and before.sent == s.sent and (COPULA[before.w] or before.w == "your") and
     not (after and after.sent == s.sent and lexicon.WISH[after.w]) then
    local part = parts[o.part]
    for k = o.s, o.e do
      if class_ends(ctx, "bother", part, k) then return true end
    end
  end
  -- ("The nurse say me: you don't disturb.")
  if s.neg and before and before.w == "do" and flat[s.g - 2] and flat[s.g - 2].w == "you" and
     flat[s.g - 2].sent == s.sent then
    return true
  end
  -- ("I've had a bad back for years, but this would be different": the
  -- old trouble set against this one.)
  for g = s.g + 1, s.g + 8 do
    local t = flat[g]
    if not t or t.sent ~= s.sent then break end
    if ANSWER[t.w] then
      for h = g + 1, g + 4 do
        if flat[h] and flat[h].sent == s.sent and flat[h].w == "different" and
           not flat[h].negated then
          return true
        end
      end
      break
    end
  end
  -- ("My husband had lumbago for years and this is nothing like that":
  -- set against this time without a "but".)
  for g = s.g + 1, s.g + 10 do
    local t, n1, n2 = flat[g], flat[g + 1], flat[g + 2]
    if not t or t.sent ~= s.sent then break end
    if t.w == "this" and n1 and n2 and n2.sent == s.sent and
       ((n1.w == "is" or n1.w == "feels") and (n2.w == "different" or
        (n2.w == "nothing" and flat[g + 3] and flat[g + 3].w == "like"))) then
      return true
    end
  end
  -- ("Some patients think a fever means it's spread. It doesn't.", "My dad
  -- always says he doesn't want to bother anyone. I'd tell him you're not
  -- a bother.", "Someone at church said it's chemotherapy. Is it?")
  if reported_then_answered(flat, s) then return true end
  if told_then_refused(flat, s) then return true end
  -- ("The worst thing would be to wait"; "If wait, can be paralyse":
  -- waiting named as the harm.)
  for g = s.g - 6, s.g - 1 do
    local t = flat[g]
    if t and t.sent == s.sent and t.w == "worst" then return true end
  end
  if warned(flat, s) then return true end
  -- ("I'd have to check with the doctor whether it counts as bone cancer
  -- or not": asked, not held.)
  for g = s.g - 6, s.g - 1 do
    local t = flat[g]
    if t and t.w == "whether" and t.sent == s.sent and t.clause == s.clause then return true end
  end
  -- ("Being a nuisance doesn't come into it.")
  for g = s.g + 1, s.g + 6 do
    local t = flat[g]
    if not t or t.sent ~= s.sent then break end
    if t.negated and t.w == "come" and flat[g + 1] and flat[g + 1].w == "into" then return true end
  end
  -- A belief mused on, then denied: the next sentence answers "No" or
  -- denies a wrong action ("should I just wait? ... No, not waiting"; but
  -- "Would it be OK to wait till my scan? I don't want to make a fuss"
  -- still asks to wait).
  if s.mused then
    local first, nxt = true, nil
    for g = s.g + 1, #flat do
      local t = flat[g]
      if t.sent > s.sent then
        nxt = nxt or t.sent
        if t.sent > nxt then break end
        if first and not OPENER[t.w] then
          if ANSWER_NO[t.w] then return true end
          first = false
        end
        if t.negated and in_set(WAIT_WORDS, t) then return true end
      end
    end
  end
  -- ("A chill on these pills could be an infection", "a bug taking over,
  -- with my defences down": a bare "a bug" named with an infection is the
  -- infection, not a cold made little of.)
  if s.w == "a" and o.e == o.s + 1 and infection_in(flat, s.sent) then return true end
  -- "call, even if it seems like just a cold": granted, not held.
  for g = s.g - 6, s.g - 1 do
    local t = flat[g]
    if t and t.w == "even" and t.sent == s.sent and flat[g + 1] and EVEN[flat[g + 1].w] then
      return true
    end
  end
  -- ("I'd call the 24 hour number now and lie down while they tell me
  -- what to do": a rest after the call, while the team answers.)
  for g = s.g + 1, s.g + 4 do
    local t, n = flat[g], flat[g + 1]
    if not t or t.sent ~= s.sent then break end
    if t.w == "while" and n and n.sent == s.sent and lexicon.THEY[n.w] and called_before(parts, s) then
      return true
    end
  end
  -- ("Resting is fine but not instead of ringing": a rest beside the
  -- call, not in its place.)
  for g = s.g + 1, s.g + 8 do
    local t = flat[g]
    if not t or t.sent ~= s.sent then break end
    if t.w == "instead" and flat[g + 1] and flat[g + 1].w == "of" and flat[g - 1].neg then return true end
  end
  -- "the longer you leave it the more damage": a reason against waiting.
  for g = s.g - 3, s.g - 1 do
    local t = flat[g]
    if t and t.w == "longer" and t.sent == s.sent and flat[g - 1] and flat[g - 1].w == "the" then
      return true
    end
  end
  -- ("if she's taken paracetamol for a headache it can cover up a
  -- fever": the medicine named as what hides the sign is a warning.)
  for g = s.g + 1, s.g + 10 do
    local t = flat[g]
    if not t or t.sent ~= s.sent then break end
    if lexicon.MASK[t.w] and flat[g - 1] and lexicon.MIGHT[flat[g - 1].w] then
      for h = g + 1, g + 3 do
        if flat[h] and flat[h].sent == s.sent and lexicon.SIGN[flat[h].w] then return true end
      end
    end
  end
  -- "check her temperature before taking paracetamol": what follows
  -- "before" marks a time, it is not what she will do.
  for g = s.g - 3, s.g - 1 do
    local t = flat[g]
    if t and t.w == "before" and t.sent == s.sent then return true end
  end
  local contrast = answered(flat, parts, o)
  if not contrast then return false end
  for _, m in ipairs(q.misconceptions or {}) do
    for _, x in ipairs(all_found(m.any, parts, ctx)) do
      local t = parts[x.part][x.s]
      if not x.negated and t.g > contrast.g and t.sent == contrast.sent then return false end
    end
  end
  return true
end

-- A belief taints the clause it is said in: a right word inside a wrong
-- claim ("it's a new cancer in my bones") does not earn the key point.
-- A belief said after a contrast also taints a conceded or reported
-- clause before it ("I know they say you're never a bother, but I'd feel a
-- nuisance"; "technically it's breast cancer, but really it's a bone
-- cancer now").
function taint(flat, parts, o, tainted)
  local part = parts[o.part]
  local s = part[o.s]
  tainted[s.clause] = true
  local g, contrast = s.g - 1, nil
  while flat[g] and flat[g].sent == s.sent do
    if ANSWER[flat[g].w] then contrast = flat[g] break end
    g = g - 1
  end
  if not contrast then return end
  g = contrast.g - 1
  local marker
  while flat[g] and flat[g].sent == s.sent do
    if report_or_concession(flat, flat[g], false) then marker = flat[g] end
    g = g - 1
  end
  if marker then
    for k = marker.g, contrast.g - 1 do tainted[flat[k].clause] = true end
  end
end

-- A key word named and no more: one word heard, said as "some tests", or
-- in an answer (of twelve words or fewer, else the sentence) that owns it
-- does not know ("you know", "or something", "whatever", "dunno", "not
-- sure", a closing "I think").  "they do some tests i think" does not earn
-- "tests on the cancer choose the medicine".
M.VAGUE_WORDS = 12
local VAGUE_PAIRS = { you = "know", ["or"] = "something", no = "idea", ["not"] = "sure" }
local VAGUE = { whatever = true, dunno = true }
function vague(flat, parts, o)
  if o.s ~= o.e then return false end
  local t = parts[o.part][o.s]
  local before = flat[t.g - 1]
  if before and before.w == "some" then return true end
  local whole = #flat <= M.VAGUE_WORDS
  for g = 1, #flat do
    local u, nxt = flat[g], flat[g + 1]
    if whole or u.sent == t.sent then
      -- ("whatever the hour", "whatever time" is no vagueness; "whatever
      -- that means" is.)
      if (VAGUE[u.w] and not (u.w == "whatever" and nxt and nxt.sent == u.sent and
                              (nxt.w == "the" or nxt.w == "time"))) or
         (nxt and VAGUE_PAIRS[u.w] == nxt.w and nxt.sent == u.sent) then
        return true
      end
      if u.w == "think" and g > t.g and (not flat[g + 1] or flat[g + 1].sent ~= u.sent) then
        return true
      end
    end
  end
  return false
end

-- A key word dropped in a list of words and waved off ("HER2, hormone
-- receptors, all that jargon"; "Infection, temperature, white cells, they
-- told me all that"; "Dexamethasone. Swelling, something."): its part is
-- a few words only, and the sentence after it (or the next) ends the
-- list with "all that", "those terms", "jargon", "etc", "words" ("those
-- are the words the doctor used"), "remember" ("that's all I remember")
-- or a closing "something".
function listed(flat, parts, o)
  if #parts[o.part] > 3 then return false end
  local t = parts[o.part][o.e]
  for g = t.g + 1, #flat do
    local u, nxt = flat[g], flat[g + 1]
    if u.sent > t.sent + 1 then break end
    if lexicon.LIST_WORDS[u.w] or (nxt and lexicon.LIST_PAIRS[u.w] and lexicon.LIST_PAIRS[u.w][nxt.w] and nxt.sent == u.sent) or
       (u.w == "something" and (not nxt or nxt.sent ~= u.sent)) then
      return true
    end
  end
  return false
end

-- Is action word a said to family or friends ("tell my daughter", "ring
-- my son")?  (Not the GP, the pharmacist or the internet: putting off or
-- hedging a call to them is putting off help.)
local NOT_FAMILY = { gp = true, family = true, surgery = true, pharmacist = true,
                     chemist = true, google = true, internet = true }
function to_person(parts, a, ctx)
  local part = parts[a.part]
  for k = a.s + 1, math.min(#part, a.s + 3) do
    if class_ends(ctx, "person", part, k) and not NOT_FAMILY[part[k].w] then return true end
  end
  return false
end

-- A step up after a clear call: "I'd call the hospital now, and if it
-- got very bad I'd call 999".  An action after the first call that counts,
-- held back only by an "if" said after that call, to emergency help.
function escalation(parts, a, b, good, ctx)
  if b.word ~= "if" or a.g <= good[1].g2 or b.g1 <= good[1].g2 then return false end
  local part = parts[a.part]
  for j = a.s, math.min(#part, a.s + M.ACT_REACH) do
    if class_ends(ctx, "emergency", part, j) or part[j].w:find("^emergenc") then return true end
  end
  return false
end

-- Help sought only on a condition: if the team cannot be reached ("if I
-- can't get hold of them, go to A&E", with no call to them first) or if
-- the sign is bad enough ("if it was serious I'd ring 911"): the
-- condition's words when every call that counts follows one in its
-- sentence, else nil.
-- (A temperature of 39 or more is a threshold too: the line is for 38.)
-- (A sign that is bad enough only as another choice, "if she gets a fever
-- or feels really unwell", is no threshold.)
NEW_SUBJECT = lexicon.words([[that this it which they]])
SIGN_GROWN = lexicon.words([[gave give gives really very too so properly]])
MAY_BE = lexicon.words([[could might may can]])
-- Does part[k] start what a sign may be ("it could be", "that might be")?
-- Both the threshold and the waiting clauses stop their "if" there.
function what_it_may_be(part, k)
  return NEW_SUBJECT[part[k].w] ~= nil and part[k + 1] ~= nil and MAY_BE[part[k + 1].w] ~= nil
end
-- ("if he thinks you look unwell, he can call": the call waits on
-- someone's judgement; "if you think you have an infection" names the
-- sign.)
JUDGES = lexicon.words([[think thinks reckon reckons decide decides judge judges]])
HAS_SIGN = lexicon.words([[have has got gotten might may could]])
function waits_on_judgement(part, k, stop)
  for j = k + 1, math.min(stop, k + 3) do
    if JUDGES[part[j].w] and not part[j].negated then
      local who, verb = part[j + 1], part[j + 2]
      return not (who and lexicon.SUBJECT[who.w] and verb and HAS_SIGN[verb.w])
    end
  end
  return false
end
local function threshold(part, k, stop, ctx)
  if waits_on_judgement(part, k, stop) then return true end
  local skip = 0
  for j = k + 1, stop do
    if part[j].w == "or" then return false end
    -- ("if you get a high temp it could be a serious infection and you
    -- need to ring": what the sign may be, not how bad it must get.)
    if j > k + 1 and what_it_may_be(part, j) then break end
    -- (A place named is no severity: "if I get a swollen leg it's straight
    -- to the emergency department".)
    local em = class_ends(ctx, "emergency", part, j)
    if em then skip = math.max(skip, max_end(em)) end
    if j > skip and class_ends(ctx, "severity", part, j) then return true end
    -- ("only if it's over 38.5": the line is for 38.)
    -- (M.words reads "38.5" as "38 5".)
    local n, frac = tonumber(part[j].w), part[j + 1] and j < stop and part[j + 1].w:match("^[1-9]%d?$")
    if n and ((n > 38 and n <= 45) or (n == 38 and frac)) then return true end
  end
  -- ("call the line if she feels unwell with it": unwell as well as the
  -- sign.)
  for j = k + 1, stop - 1 do
    if lexicon.UNWELL[part[j].w] and not part[j].negated and part[j + 1].w == "with" then return true end
  end
  -- ("If your temperature is high and you feel unwell with it": feeling
  -- unwell as well as the sign, in an "and" clause to the end of the part.)
  -- ("If I had a temperature and the shivers I'd ring": a second sign,
  -- in the "and" clause up to its next subject.)
  if part[stop + 1] and part[stop + 1].w == "and" then
    for x = stop + 2, #part do
      if lexicon.UNWELL[part[x].w] and not part[x].negated then return true end
    end
    local skip = 0
    for x = stop + 2, #part do
      -- ("…it might be an infection and that can get serious": a new
      -- subject ends the condition.)
      if lexicon.SUBJECT[part[x].w] or NEW_SUBJECT[part[x].w] then break end
      local em = class_ends(ctx, "emergency", part, x)
      if em then skip = math.max(skip, max_end(em)) end
      -- ("if her back went funny and her legs gave way": the sign itself
      -- as a second one, no threshold.)
      if x > skip and not part[x].negated and class_ends(ctx, "severity", part, x) and
         not SIGN_GROWN[part[x].w] then
        return true
      end
    end
  end
  return false
end

-- The words of a threshold said after the call, in its own clause ("call
-- the line if she feels really unwell as well as having the fever"), or
-- nil.  ("I'd call now, and if it got very bad I'd call 999" is a step
-- up: its "if" holds the next call.)
local function threshold_after(parts, a, ctx)
  local p = parts[a.part]
  local clause = p[a.e].clause
  for k = a.e + 1, #p do
    -- ("ring the line but only if it's over 38.5": "but only" restricts
    -- the call.)
    if p[k].w == "but" and p[k + 1] and p[k + 1].w == "only" then clause = p[k].clause end
    if p[k].clause ~= clause or lexicon.JOIN[p[k].w] then return nil end
    if p[k].w == "if" and not p[k].negated and p[k - 1].w ~= "even" then
      local stop = cond_clause(p, k)
      return threshold(p, k, stop, ctx) and said(parts, { part = a.part, s = k, e = stop }) or nil
    end
  end
  return nil
end
-- ("If she's very unwell call 999; otherwise ring the line straight away":
-- the other branch has no condition.)
function conditional_only(parts, good, ctx)
  local words
  for _, a in ipairs(good) do
    local fb, done = nil, false
    for pi = a.part, 1, -1 do
      local p = parts[pi]
      for k = (pi == a.part and a.s - 1 or #p), 1, -1 do
        if p[k].sent ~= a.sent or lexicon.OTHERWISE[p[k].w] then done = true break end
        -- ("If not so bad I call the cancer number now anyway", after a
        -- sentence with the worse way: the milder way has no condition.)
        local milder = k == 1 and if_not_bad(flat_of(parts), a.sent) and otherwise_next(parts, a.sent - 1)
        -- ("…at the next review, unless it becomes severe, in which case
        -- attend the ED": "unless" sets the threshold as "if" does.)
        if (p[k].w == "if" or p[k].w == "unless") and not p[k].negated and
           not (p[k - 1] and p[k - 1].w == "even") and not milder then
          local stop, fallback = cond_clause(p, k)
          -- ("If my legs were giving way like that I'd call 999": the
          -- sign as it was put, no threshold.)
          local as_put = false
          for j = k + 1, math.min(#p, stop or k) do
            if p[j].w == "like" and p[j + 1] and (p[j + 1].w == "that" or p[j + 1].w == "this") then
              as_put = true
            end
          end
          if fallback or (threshold(p, k, stop, ctx) and not as_put) then
            fb = said(parts, { part = pi, s = k, e = stop })
          end
        end
      end
      if done then break end
    end
    fb = fb or threshold_after(parts, a, ctx)
    if not fb then return nil end
    words = words or fb
  end
  return words
end

-- Is blocker b a step after reading up or asking family ("I'd check the
-- booklet first, and then I'd ring"; "I'd ask my daughter what she thinks
-- first, and then phone"): "lookup" or "consult" for the <lookup> or
-- <consult> earlier in its sentence, else false.  It holds the call back,
-- but is no belief that waiting is fine.
function read_first(parts, b, ctx)
  for pi = b.part, 1, -1 do
    local p = parts[pi]
    for k = (pi == b.part and b.s - 1 or #p), 1, -1 do
      if p[k].sent ~= b.sent then return false end
      if not p[k].negated then
        if class_ends(ctx, "lookup", p, k) then return "lookup" end
        if class_ends(ctx, "consult", p, k) then return "consult" end
      end
    end
  end
  return false
end

-- Is acting now said anywhere in the answer: a word of now ("now",
-- "straight away", "rn", "the moment"), a wait denied ("not in the
-- morning", "I wouldn't leave it", "don't sit on it"), an emergency
-- target or "emergency", or "straight" in a call that counts ("straight
-- on to the ward")?
-- Is the negation over word k of a part one of the sign not getting
-- better ("if it hadn't gone down after a couple of days"): no wait
-- denied, but a wait for it to pass.
-- ("If I'm not right by the morning I'd ring them", "not ok by then"; but
-- "it wouldn't be right to wait till morning" denies the wait.)
function unbettered(part, k, ctx)
  for j = k - 1, 1, -1 do
    if class_ends(ctx, "wait", part, j) or class_ends(ctx, "putoff", part, j) then return false end
    if class_ends(ctx, "improve", part, j) or lexicon.WELL[part[j].w] then return true end
    if part[j].neg then return false end
  end
  return false
end

function urgency_said(parts, good, ctx)
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      if not t.mused and not t.bygone then
        -- ("I feel fine now and the cancer's under control": a state, not
        -- a time to act.)
        local state = t.w == "now" and part[k - 1] and (lexicon.WELL[part[k - 1].w] or part[k - 1].w == "feel")
        -- ("the Breast Cancer Now helpline": the charity's name.)
        local name = t.w == "now" and k > 2 and part[k - 1].w == "cancer" and part[k - 2].w == "breast"
        if not t.negated and not state and not name and (class_ends(ctx, "now", part, k) or t.w:find("^emergenc") or
                                            class_ends(ctx, "emergency", part, k)) then
          return true
        end
        if t.negated and (class_ends(ctx, "delay", part, k) or class_ends(ctx, "putoff", part, k) or
                          class_ends(ctx, "wait", part, k)) and not unbettered(part, k, ctx) then
          return true
        end
      end
    end
  end
  for _, a in ipairs(good) do
    local part = parts[a.part]
    -- (The line may be named just after the words that matched: "call
    -- the clinic's after-hours answering service"; "straight" may come
    -- just before them: "we'd be straight on the phone to the team".)
    -- ("A high temperature needs a call to the 24-hour line": a call
    -- named as a thing needed is no plan to make it now.)
    local named = part[a.s - 1] and part[a.s - 1].w == "a"
    for k = math.max(1, a.s - 1), math.min(#part, a.e + 3) do
      if part[k].w == "straight" or (not named and class_ends(ctx, "urgent_line", part, k)) then
        return true
      end
    end
    -- An instruction ("Phone them.", "Get on the blower to the team")
    -- opens its sentence; a bare "Call." after a list of words
    -- ("Neutropenia, fever, infection. Call.") says no one and no now.
    if a.e > a.s and leads_sentence(parts, { part = a.part, s = a.s }, INSTRUCTION) then return true end
  end
  return false
end

-- Asking someone who is not clinical help what to do before the call
-- ("I'd ask my husband what he thinks first, and if he reckons it's
-- serious we'd go up"): the words, or nil.  A person named and a
-- <consult> said, both before the first call that counts.
-- (A consulting said to come "first" comes before the call wherever it is
-- said: "On the phone to the nurses that minute. My neighbour's a physio
-- though, so I'd pop next door and ask her first".)
function first_in(part, o)
  for k = o.s, o.e do
    if part[k].w == "first" then return true end
  end
  return false
end

function consulted_first(parts, good, ctx)
  local first = good[1].g1
  for _, a in ipairs(good) do first = math.min(first, a.g1) end
  local person_at
  for _, part in ipairs(parts) do
    for k, t in ipairs(part) do
      if not t.negated and not person_at and class_ends(ctx, "person", part, k) then person_at = t.g end
    end
  end
  if not person_at then return nil end
  for _, o in ipairs(all_found(ctx.classes.consult or {}, parts, ctx)) do
    local t = parts[o.part][o.s]
    if not o.negated and not advice_recalled(parts[o.part], o) and
       ((t.g < first and person_at < first) or
        (t.g > first and person_at < t.g and first_in(parts[o.part], o))) then
      return said(parts, o)
    end
  end
  return nil
end

-- Is consult occurrence o advice remembered, in the past ("I'd remember
-- what the nurse said"), rather than asked for ("see what my son says")?
function advice_recalled(part, o)
  for k = o.s, o.e do
    if lexicon.RECALLED[part[k].w] then return true end
  end
  return false
end

-- Is flat word g inside advice someone else gives ("they say call
-- straight away", "the nurse told me to ring", "they always said phone"):
-- a word of saying just before it, with another person its subject, and
-- no "I" between?
ADVISER = lexicon.words([[they theyd theyve nurse nurses doctor doctors dr team staff oncologist
  consultant]])
function in_advice(flat, g)
  local sent = flat[g].sent
  for h = g - 1, math.max(1, g - 6), -1 do
    local t = flat[h]
    if t.sent ~= sent or lexicon.SPEAKER[t.w] then return false end
    if SAYING[t.w] then
      for k = h - 1, math.max(1, h - 3), -1 do
        local u = flat[k]
        if u.sent ~= sent or lexicon.SPEAKER[u.w] then return false end
        if ADVISER[u.w] or OTHER_ONE[u.w] then return true end
      end
      return false
    end
  end
  return false
end

-- Advice repeated, and a plan of the learner's own that is another ("I
-- know they say call straight away, and I believe them.  So I'd ring the
-- Breast Cancer Now helpline"): every call credited is what someone else
-- says to do, and after it the learner says what they would do, to no
-- one the point names.  ("They say call straight away, so that's what
-- I'd do" has no other action, and still calls.)
-- (Someone named after the action: "I'd ring at 2am, right then" only
-- follows the advice.)
ADVICE_OTHER = lexicon.words([[the my a an to someone somebody our]])
function advice_only(parts, good, ctx)
  local flat, last, credited = flat_of(parts), 0, {}
  for _, a in ipairs(good) do
    if not in_advice(flat, a.g1) then return nil end
    last = math.max(last, a.g2)
    for g = a.g1, a.g2 do credited[g] = true end
  end
  for _, a in ipairs(ctx.anchors or action_words(parts, ctx)) do
    local part = parts[a.part]
    local mine = false
    for k = math.max(1, a.s - 3), a.s - 1 do
      if lexicon.SPEAKER[part[k].w] then mine = true end
    end
    local to = part[a.s + 1]
    if a.g > last and not credited[a.g] and mine and not part[a.s].negated and to and
       ADVICE_OTHER[to.w] then
      -- (Six words show the place: "ring the breast cancer now helpline".)
      return said(parts, { part = a.part, s = a.s, e = math.min(#part, a.s + 5) })
    end
  end
  return nil
end

-- The team, or some other place: "I'd call the 24-hour line, or maybe
-- the Macmillan helpline", "ring the clinic or NHS 111".  Every call
-- credited has an "or" after it, in its sentence, that names a general
-- line or a person instead; the learner has not settled on the team.
OR_HEDGE = lexicon.words([[maybe perhaps possibly probably just]])
function or_elsewhere(parts, good, ctx)
  local flat = flat_of(parts)
  local words
  for _, a in ipairs(good) do
    local at = a.g2 + 1
    while at <= a.g2 + 4 and flat[at] and flat[at].sent == a.sent and flat[at].w ~= "or" and
          not CLAUSE_WORDS[flat[at].w] do
      at = at + 1
    end
    local o = flat[at]
    if o and o.w == "or" and o.sent == a.sent then
      local g = at + 1
      while flat[g] and flat[g].sent == a.sent and (OR_HEDGE[flat[g].w] or lexicon.DETERMINER[flat[g].w]) do
        g = g + 1
      end
      local t = flat[g]
      local pi = t and o_part(parts, t)
      local k = pi and t.g - parts[pi][1].g + 1
      local part = pi and t.sent == a.sent and parts[pi]
      local other = part and (general_line(part, k) or lexicon.NOT_HELP[t.w] or t.w == "nhs" or
                              class_ends(ctx, "person", part, k))
      if not other then return nil end
      words = words or said(parts, { part = pi, s = k, e = math.min(#part, k + 3) })
    else
      return nil
    end
  end
  return words
end

-- (Each takes parts, good, ctx and returns the words of the doubt or nil.)
local DOUBTS = { conditional_only, consulted_first, second_thoughts, advice_only, or_elsewhere }

---------------------------------------------------------------------------
-- Analysis

-- The lexicon classes of question q (the quiz may add its own).
-- The evidence of a key point heard only where nothing of its `with` is
-- said ("heard: 'hot flushes' — but no tell word in its sentence"), or nil.
function without_with(kp, parts, found, with)
  for _, x in ipairs(found) do
    if not x.negated and not with[parts[x.part][x.s].sent] then
      local name = kp.with[1]:match("^<([%w_%-]+)>$")
      return { heard = said(parts, x),
               but = name and ("no " .. name .. " word in its sentence") or
                     "nothing it needs said in its sentence" }
    end
  end
  return nil
end

-- A key point's `with`: the sentences in which one of its phrases is said
-- (not negated), so that "hot flushes" counts for "tell your team about
-- side effects" only beside a word of telling.
function sentences_with(list, parts, ctx)
  local out = {}
  for _, x in ipairs(all_found(list, parts, ctx)) do
    if not x.negated then out[parts[x.part][x.s].sent] = true end
  end
  return out
end

-- The sign named again by a pronoun in a sentence ("I check my legs for
-- clots. If one swelled and hurt I'd ring the team that second"): the
-- call there answers the sign of the sentence before.
SWELL_AGAIN = lexicon.words([[swelled swells swell swollen swelling puffed puffs puffy]])
ONE_OF = lexicon.words([[one it either they]])
function sign_again(parts, sent)
  for _, part in ipairs(parts) do
    for k = 2, #part do
      if part[k].sent == sent and SWELL_AGAIN[part[k].w] and ONE_OF[part[k - 1].w] then return true end
    end
  end
  return false
end

-- The sentences in which another key point than kp, not an urgent one,
-- is said (not negated).
function other_points_said(q, kp, parts, ctx)
  local out = {}
  for _, other in ipairs(q.key_points) do
    if other ~= kp and not other.urgent then
      for sent in pairs(sentences_with(other.any, parts, ctx)) do out[sent] = true end
    end
  end
  return out
end

local function classes_of(q)
  return lexicon.classes(q._lexicon)
end

-- Whether the second reader (actnow.lua) may withdraw an urgent credit of
-- the rules: off only where tests specify the rules alone; the agreement
-- figures count what it took back.
M.SECOND_READER = true

-- The `but` of an urgent credit the second reader withdrew, with the words
-- that weighed most against acting now.  (A global, as this file's main
-- chunk is at Lua's limit of local names.)
function read_as_whole(words)
  local q = {}
  for i, w in ipairs(words) do q[i] = "'" .. w .. "'" end
  return "read as a whole, not clearly acting now" ..
         (q[1] and (" (" .. table.concat(q, ", ") .. ")") or "")
end

-- What the text covers: {covered = {ids}, missed = {ids}, misconceptions =
-- {indexes}, urgent_missed = {ids}, evidence = {[id or "misconception N"]
-- = {heard = words, but = words, reader = words}}}.
function M.analyse(q, text)
  local classes = classes_of(q)
  local ctx = context(classes)
  local fix = M.SPELLING and speller(q, classes) or nil
  local parts = M.words(type(text) == "string" and text or "", fix)
  -- <held>: the delays that hold an action back ("ring them tomorrow"),
  -- for misconceptions about waiting.
  ctx.held_at = function(part, i)
    if not ctx.held then
      ctx.held = {}
      ctx.bl = ctx.bl or blockers(parts, ctx)
      ctx.anchors = ctx.anchors or action_words(parts, ctx)
      local bl, anchors = ctx.bl, ctx.anchors
      -- Once help is clearly called, putting off telling the family is
      -- no waiting ("call the team now, and tomorrow tell my daughter").
      -- Nor is a step up to emergency help if it gets worse.
      local good = {}
      for _, a in ipairs(actions_to_target(parts, ctx)) do
        if not blocked_by(a, bl, anchors, parts) then good[#good + 1] = a end
      end
      for _, a in ipairs(anchors) do
        local b = not (good[1] and to_person(parts, a, ctx)) and not team_acts(parts, a) and
                  blocked_by({ part = a.part, sent = a.sent, g1 = a.g, g2 = a.g }, bl, anchors, parts)
        if b and good[1] and escalation(parts, a, b, good, ctx) then b = nil end
        -- (A hedge holds the call back, but "maybe I'd call" is no belief
        -- that waiting is fine; nor is reading up first.)
        -- (Asking family first is no such belief either, when the step
        -- after it is only a "then"; "when he comes round at the
        -- weekend" still waits.)
        local first = b and read_first(parts, b, ctx)
        -- ("depending on how unwell she looks" hedges too.)
        if b and (b.kind == "hedge" or lexicon.HEDGING[b.word] or first == "lookup" or
                  (first == "consult" and b.word == "then")) then
          b = nil
        end
        if b then
          local p = parts[b.part]
          ctx.held[p] = ctx.held[p] or {}
          ctx.held[p][b.s] = ctx.held[p][b.s] or {}
          ctx.held[p][b.s][b.e] = true
        end
      end
    end
    return ctx.held[part] and ctx.held[part][i]
  end
  local out = { covered = {}, missed = {}, misconceptions = {}, urgent_missed = {},
                evidence = {} }
  -- A misconception may cancel key points: "I'd wait till morning, then
  -- call" has said "call" but not "call now".
  local cancelled = {}
  local flat = flat_of(parts)
  local tainted = {}
  -- (Where each belief that is no wait is held, and the first word of an
  -- urgent call credited: see overcome().)
  local held_where, acted_at = {}, nil
  for i, m in ipairs(q.misconceptions or {}) do
    local found = all_found(m.any, parts, ctx)
    -- ("Does it treat the cancer? My son thinks it does": a belief asked
    -- about is not held; a wait asked about still is, as it asks leave
    -- to wait: "Would it be OK to wait till my scan?".  A wait is a
    -- belief that cancels an urgent point.)
    local waits = false
    for _, id in ipairs(type(m.cancels) == "table" and m.cancels or {}) do
      for _, kp in ipairs(q.key_points) do
        if kp.id == id and kp.urgent then waits = true end
      end
    end
    local function not_held(x)
      return disowned(flat, parts, x, q, ctx) or (not waits and parts[x.part][x.s].in_question) or
             spurned(flat, parts[x.part][x.s]) or (waits and parts[x.part][x.s].refused) or
             -- ("would tell me off if I waited till morning": the time of a
             -- wait scolded.)
             (waits and wait_spurned_before(flat, parts[x.part][x.s])) or
             (not waits and denied_before(parts, found, x)) or
             -- ("I've had back trouble for years from the gardening, so I
             -- know what a strain feels like, and this would be different";
             -- "… A new kind of pain with weak legs is different."): the old
             -- trouble set against this one later in its sentence or in
             -- the next.  (Not a wait: "2am is different" keeps it.)
             (not waits and set_against_later(flat, parts[x.part][x.s])) or
             (not waits and put_aside(flat, parts, x))
    end
    local o = first_found(m.any, parts, ctx, not_held, found)
    if o then
      -- Every place the belief is held taints its clause.
      local where = {}
      for _, x in ipairs(found) do
        if not x.negated and not not_held(x) then
          taint(flat, parts, x, tainted)
          where[#where + 1] = x
        end
      end
      if not waits then held_where[i] = where end
      out.misconceptions[#out.misconceptions + 1] = i
      out.evidence[M.misconception_name(q, i)] = { heard = said(parts, o) }
      for _, id in ipairs(type(m.cancels) == "table" and m.cancels or {}) do
        cancelled[id] = cancelled[id] or said(parts, o)
      end
    end
  end
  local acts, bl, anchors
  for _, kp in ipairs(q.key_points) do
    -- (A key word is vague only when it is the one word heard.)
    local found, heard_at = all_found(kp.any, parts, ctx), {}
    for _, x in ipairs(found) do
      if not x.negated then heard_at[parts[x.part][x.s].g] = true end
    end
    local one_word = next(heard_at) ~= nil and next(heard_at, next(heard_at)) == nil
    local with = kp.with and sentences_with(kp.with, parts, ctx)
    local o, neg = first_found(kp.any, parts, ctx, not kp.urgent and function(x)
      return tainted[parts[x.part][x.s].clause] or (one_word and vague(flat, parts, x)) or
             listed(flat, parts, x) or parts[x.part][x.s].in_question or
             bare_list(parts, x.part) or (with and not with[parts[x.part][x.s].sent])
    end or nil, found)
    local ev
    if o then ev = { heard = said(parts, o) }
    elseif neg then ev = { heard = said(parts, neg), but = "said with a negation" }
    elseif with then ev = without_with(kp, parts, found, with) end
    if kp.urgent and not o and neg and parts[neg.part][neg.s].under_wait then
      o, ev = neg, { heard = said(parts, neg) }
    end
    local ok = o ~= nil
    local good_at
    if ok and kp.urgent then
      acts = acts or actions_to_target(parts, ctx)
      ctx.bl = ctx.bl or blockers(parts, ctx)
      ctx.anchors = ctx.anchors or action_words(parts, ctx)
      bl, anchors = ctx.bl, ctx.anchors
      local sents, own = {}, {}
      for _, f in ipairs(found) do
        if not f.negated or parts[f.part][f.s].under_wait then sents[parts[f.part][f.s].sent] = true end
      end
      -- A sign named in a sentence with no action word of its own may be
      -- answered in the next ("A swollen, sore arm can't wait for that.
      -- I'd ring them right then.").
      -- ("The one thing they told me not to mess with is a swollen,
      -- painful leg. That's a phone call to the team now": what the team
      -- told is no action of the learner's.)
      for _, a in ipairs(anchors) do
        if not told_me(parts, a) and not team_acts(parts, a) then own[a.sent] = true end
      end
      for _, f in ipairs(found) do
        local sent = parts[f.part][f.s].sent
        if (not f.negated or parts[f.part][f.s].under_wait) and
           (not own[sent] or sign_again(parts, sent + 1)) then
          sents[sent + 1] = true
        end
      end
      local held, good = nil, {}
      ok = false
      for _, a in ipairs(acts) do
        if sents[a.sent] then
          local b = blocked_by(a, bl, anchors, parts)
          if not b then
            ok = true
            good[#good + 1] = a
          else
            held = held or { heard = gtext(parts, a), but = said(parts, b) }
          end
        end
      end
      -- A call with no word of urgency anywhere ("I'd get in touch with
      -- them") is not clearly acting now.
      if ok and not urgency_said(parts, good, ctx) then
        ok = false
        held = { heard = gtext(parts, good[1]), but = "no word of acting now" }
      end
      -- The words shown as heard: the first action that counts, a call
      -- rather than a telling when both do ("I tell them about flushes and
      -- call now for a swollen leg").
      local shown = good[1]
      for _, a in ipairs(good) do
        if not SOFT_ACTION[parts[a.part][a.s].stem] then shown = a break end
      end
      if shown then ev = { heard = gtext(parts, shown) } end
      for _, a in ipairs(good) do good_at = math.min(good_at or a.g1, a.g1) end
      -- An answer that also puts an action off or hedges it ("I'd call
      -- them.  Well, I suppose I'd phone if it didn't come down") is not
      -- clearly acting now.
      -- ("Hot flushes I'd just mention at my next check-up": a telling put
      -- off about what another key point names, not the sign, holds
      -- nothing back; "I'd mention it at my next appointment" still does.)
      local elsewhere = ok and other_points_said(q, kp, parts, ctx)
      if ok then
        for _, a in ipairs(anchors) do
          -- ("I'd tell them about the hot flushes at my next appointment,
          -- but a painful swollen leg I'd ring about immediately": so too
          -- in the call's sentence, past a contrast.)
          local parted = false
          for _, c in ipairs(good) do
            if c.sent == a.sent and contrast_between(parts, math.min(a.g, c.g1), math.max(a.g, c.g1)) then
              parted = true
            end
            -- ("I'd phone the team now, and the achy joints I'd mention at
            -- my next appointment": a clause of its own after the call,
            -- about something other than the sign.)
            if c.sent == a.sent and c.g2 < a.g and subject_between(flat_of(parts), c.g2, a.g) and
               not found_between(parts, found, c.g2, a.g) then
              parted = true
            end
          end
          -- ("…I'd tell the nurse at my next appointment, that's fine, but
          -- a swollen painful leg is different. That's ring them now": the
          -- sign named past a contrast, the call in the next sentence.)
          for _, f in ipairs(found) do
            local ft = parts[f.part][f.s]
            if ft.sent == a.sent and ft.g > a.g and not f.negated and contrast_between(parts, a.g, ft.g) then
              parted = true
            end
          end
          local aside = SOFT_ACTION[parts[a.part][a.s].stem] and (not sents[a.sent] or parted) and
                        elsewhere[a.sent]
          local b = not aside and not to_person(parts, a, ctx) and not team_acts(parts, a) and
                    not told_me(parts, a) and
                    blocked_by({ part = a.part, sent = a.sent, g1 = a.g, g2 = a.g }, bl, anchors, parts)
          if b and escalation(parts, a, b, good, ctx) then b = nil end
          if b then
            ok = false
            held = { heard = said(parts, { part = a.part, s = a.s, e = a.s }), but = said(parts, b) }
            break
          end
        end
      end
      -- ("A painful swollen leg I'd ring about that minute. A painful
      -- swollen arm I'd leave": the other sign is left.)
      -- (So too a sign the point's words do not name: "I'd ring about the
      -- back pain straight away, but the weak legs I'd leave".)
      local last_call = 0
      for _, a in ipairs(good) do last_call = math.max(last_call, a.g2) end
      local signs = found
      if ok then
        signs = {}
        for _, f in ipairs(found) do signs[#signs + 1] = f end
        for _, f in ipairs(all_found(SIGN_PHRASES, parts, ctx)) do signs[#signs + 1] = f end
        for _, f in ipairs(all_found(NOTED_SIGNS, parts, ctx)) do
          -- ("If it's high and I'm shivery I'd ring now, but just a bit of
          -- a temp I'd watch it": a temperature set apart after the call
          -- is a sign left, in sentences too.)
          local g = parts[f.part][f.s].g
          f.noted_only = not (g > last_call and contrast_between(parts, last_call, g))
          signs[#signs + 1] = f
        end
      end
      local left = ok and sign_left(parts, signs, ctx, last_call)
      if left then
        ok = false
        held = { heard = gtext(parts, good[1]), but = left }
      end
      -- Doubts about the answer as a whole, in order: help sought only on
      -- a condition (a fallback, a threshold), family asked first, second
      -- thoughts.
      for _, doubt in ipairs(DOUBTS) do
        local b = ok and doubt(parts, good, ctx)
        if b then
          ok = false
          held = { heard = gtext(parts, good[1]), but = b }
        end
      end
      -- Last, the second reader (actnow.lua) reads the answer as a whole,
      -- in another way than these rules, and may withdraw their credit
      -- (never give one): where an answer hides its delay in words no rule
      -- has met, it seldom hides it from both.
      local doubted = ok and M.SECOND_READER and require("actnow").doubts(text)
      if doubted then
        ok = false
        held = { heard = gtext(parts, good[1]), but = read_as_whole(doubted), reader = doubted }
      end
      if not ok then
        ev = held or { heard = ev and ev.heard,
                       but = "no call to the care team or emergency help" }
      end
    end
    if cancelled[kp.id] and (o or neg) then
      ok = false
      ev = { heard = ev and ev.heard, but = cancelled[kp.id] }
    end
    if ok and kp.urgent and good_at and (not acted_at or good_at < acted_at) then acted_at = good_at end
    local list = ok and out.covered or out.missed
    list[#list + 1] = kp.id
    if not ok and kp.urgent then out.urgent_missed[#out.urgent_missed + 1] = kp.id end
    out.evidence[kp.id] = ev
  end
  if acted_at then
    overcome(q, out, parts, ctx, held_where, acted_at)
    answered_in_deed(q, out)
  end
  return out
end

-- Belief k of out (the k-th index in out.misconceptions) is not held
-- after all: gone from the result, with its evidence.
function drop_belief(q, out, k)
  local i = table.remove(out.misconceptions, k)
  out.evidence[M.misconception_name(q, i)] = nil
end

-- A belief answered in deed and in words: the learner acts now on the
-- urgent point and says a key point the belief's `answered_by` lists
-- ("Nuisance is my middle name, so I'd ring them right away! They'd
-- much rather hear early": the bother is a joke, answered).  A belief
-- said while waiting ("I know I'm not a nuisance … I'd still leave it
-- till the morning") has no urgent point credited and stays held.
function answered_in_deed(q, out)
  local said_kp = {}
  for _, id in ipairs(out.covered) do said_kp[id] = true end
  for k = #out.misconceptions, 1, -1 do
    local i = out.misconceptions[k]
    local by = q.misconceptions[i].answered_by
    for _, id in ipairs(type(by) == "table" and by or {}) do
      if said_kp[id] then
        drop_belief(q, out, k)
        break
      end
    end
  end
end

-- Words that set what follows against what went before, as the learner
-- goes on to act ("but", "still", "anyway", "all the same", "even so").
OVERCOMING = lexicon.words([[but though although however yet still anyway anyways anyhow
                            regardless nevertheless nonetheless]])
-- A reluctance felt, then acted against: "I'd feel a bit silly, but I'd
-- still ring them right away", "I hate making a fuss. But the nurse was
-- clear, so I'd ring the line now".  A belief that is no wait, held only
-- before the urgent call credited, each time in words that say a
-- reluctance or a bother (the lexicon's classes), with such a word
-- between, is not held: what the labelled answers say nine times in ten.
-- A belief held after the call ("I'd ring now, but I'd feel a nuisance")
-- still is; so is a belief about the sign ("it's probably just my age,
-- but I'd ring them now"): the call does not answer it.
function overcome(q, out, parts, ctx, held_where, acted_at)
  local flat, felt = flat_of(parts), nil
  for k = #out.misconceptions, 1, -1 do
    local i = out.misconceptions[k]
    local where, last = held_where[i], 0
    for _, x in ipairs(where or {}) do last = math.max(last, parts[x.part][x.e].g) end
    if where and last < acted_at and overcoming_between(flat, last, acted_at) then
      if not felt then
        felt = {}
        for _, name in ipairs({ "reluctance", "bother" }) do
          for _, y in ipairs(all_found(ctx.classes[name] or {}, parts, ctx)) do
            if not y.negated then felt[#felt + 1] = y end
          end
        end
      end
      local all_felt = true
      for _, x in ipairs(where) do
        local one = false
        for _, y in ipairs(felt) do
          if y.part == x.part and y.s <= x.e and x.s <= y.e then one = true end
        end
        all_felt = all_felt and one
      end
      if all_felt then
        drop_belief(q, out, k)
      end
    end
  end
end

-- Is a word of OVERCOMING, "even so" or "all the same" between flat
-- words a and b?
function overcoming_between(flat, a, b)
  for g = a + 1, b - 1 do
    local t, p = flat[g], flat[g - 1]
    if (OVERCOMING[t.w] and not t.negated) or (t.w == "so" and p.w == "even") or
       (t.w == "same" and p.w == "the" and flat[g - 2].w == "all") then
      return true
    end
  end
  return false
end

-- Is sentence sent told in the past: a past verb ("spoke", "rang",
-- "told", "was") and nothing of a plan ("would", "will", "I'd", "gonna")?
TOLD_PAST = lexicon.words([[spoke rang rung called phoned told said went was were had did came saw
  sat waited]])
PLAN_WORD = lexicon.words([[would will id ill wed wd shall gonna should must wont wouldnt]])
function told_in_past(parts, sent)
  local past = false
  for _, part in ipairs(parts) do
    for _, t in ipairs(part) do
      if t.sent == sent then
        if PLAN_WORD[t.w] then return false end
        if TOLD_PAST[t.w] then past = true end
      end
    end
  end
  return past
end

-- Is action word a a telling of the learner by someone else ("The nurse I
-- spoke to the next day told me off", "they'll tell us tomorrow")?
function told_me(parts, a)
  local part = parts[a.part]
  local n = part[a.s + 1]
  return lexicon.TELLING[part[a.s].stem or part[a.s].w] ~= nil and n ~= nil and
         (n.w == "me" or n.w == "us" or n.w == "you") and
         not (part[a.s - 1] and lexicon.SPEAKER[part[a.s - 1].w])
end

function worry_word(w)
  return w:find("^worr") or w:find("^fret") or w == "care" or w == "cares" or w == "caring"
end
ABOUT = { about = true, of = true, over = true }
-- Is the belief the subject a part opens with, denied straight after it
-- ("Being a nuisance isn't a thing with them", "Being a nuisance is the
-- least of my worries", "Feeling silly doesn't matter")?  ("It's just a
-- cold, isn't it" asks.)
LEAD_IN = { being = true, a = true, an = true, feeling = true, feel = true, like = true }
function denied_after(parts, x)
  local part = parts[x.part]
  for k = 1, x.s - 1 do
    if not LEAD_IN[part[k].w] then return false end
  end
  local a, b, c = part[x.e + 1], part[x.e + 2], part[x.e + 3]
  if not (a and b) then return false end
  if (a.w == "is" or a.w == "does") and b.w == "not" then
    return not (c and lexicon.SUBJECT[c.w]) and not (c == nil and a.w == "is")
  end
  return a.w == "is" and b.w == "the" and c ~= nil and c.w == "least"
end
-- Is the belief from t to e the price chosen over a worse thing ("I'd
-- rather feel silly than be really ill", "they'd sooner be troubled at
-- night than have me poorly", "Feeling a bit silly is better than being
-- in real trouble")?  ("Better to be a nuisance than be dead" still
-- holds it; "she's got better insurance than me" compares.)
function chosen_over(flat, t, e)
  for g = e.g + 1, math.min(#flat, e.g + 8) do
    local u = flat[g]
    if u.sent ~= t.sent or lexicon.CONTRAST[u.w] then break end
    if u.w == "than" then
      for h = t.g - 1, math.max(1, t.g - 6), -1 do
        if flat[h].sent ~= t.sent then break end
        if flat[h].w == "rather" or flat[h].w == "sooner" then return true end
      end
      return g <= e.g + 4 and flat[g - 1].w == "better" and flat[g - 2].w == "is" or false
    end
  end
  return false
end
-- Is the belief from t to e turned down straight after, in its sentence:
-- "I'd love to blame the gardening, but no.", "at my age everything hurts,
-- but no chance", "but I know better"?  (Not when a call is refused after
-- it: "it's probably my age, but no, I wouldn't ring".)
function turned_down(flat, t, e)
  for g = e.g + 1, math.min(#flat, e.g + 6) do
    local u = flat[g]
    if u.sent ~= t.sent then return false end
    if u.w == "but" then
      local a, b, c = flat[g + 1], flat[g + 2], flat[g + 3]
      if not (a and a.sent == u.sent) then return false end
      local down = (LONE_NO[a.w] and (a.last_in_part or (b and b.w == "chance"))) or
                   (a.w == "i" and b and c and b.w == "know" and c.w == "better")
      if not down then return false end
      for h = g + 2, math.min(#flat, g + 14) do
        local v = flat[h]
        if v.sent > u.sent + 1 then break end
        if v.negated and in_set(ACTION_WORDS, v) then return false end
      end
      return true
    end
  end
  return false
end

-- Is belief occurrence x put aside rather than held?  An echo, a question
-- of at most three words with more said after ("Nuisance? They're paid to
-- answer at night"); "or not" straight after it ("Nuisance or not, I'd
-- ring"); or what a worry is about, when the worry is denied, stopped or
-- asked "why" of up to five words before in its part, with "about", "of"
-- or "over" after it ("I wouldn't lie there worrying
-- about being a nuisance", "tell Mum to stop fretting about being a
-- bother", "Why would I care about being a nuisance?").  ("I can't help
-- worrying about being a nuisance" still worries: that "not" negates
-- nothing, see mark_negation.)  Asked only of a
-- belief that is no wait: a wait put aside is judged by the negation and
-- musing rules.
function put_aside(flat, parts, x)
  local t, e = parts[x.part][x.s], parts[x.part][x.e]
  if t.mused then
    local n, first = 0, nil
    for g = 1, #flat do
      if flat[g].sent == t.sent then
        n = n + 1
        first = first or g
      end
    end
    if n <= 3 then return true end
    -- ("What do you mean, a nuisance? I'd ring them now": the word asked
    -- back.)
    local w1, w2, w3 = flat[first], flat[first + 1], flat[first + 2]
    if w1.w == "what" and w2 and w3 and (w2.w == "do" and w3.w == "you" or w2.w == "you") then
      for g = first + 2, first + 4 do
        if flat[g] and flat[g].w == "mean" and g < t.g then return true end
      end
    end
  end
  local n1, n2 = flat[e.g + 1], flat[e.g + 2]
  if n1 and n2 and n2.sent == e.sent and n1.w == "or" and n2.w == "not" then return true end
  if turned_down(flat, t, e) then return true end
  -- ("Much as I'd love to blame the gardening, I'd be on the phone":
  -- granted, then set aside.)
  for g = t.g - 1, math.max(2, t.g - 6), -1 do
    if flat[g].sent ~= t.sent then break end
    if flat[g].w == "as" and flat[g - 1].w == "much" and flat[g - 1].sent == t.sent then return true end
  end
  if chosen_over(flat, t, e) then return true end
  if denied_after(parts, x) then return true end
  local part = parts[x.part]
  for k = x.s - 1, math.max(1, x.s - 5), -1 do
    local u, p, n = part[k], part[k - 1], part[k + 1]
    if lexicon.CONTRAST[u.w] then return false end
    -- ("Don't you dare worry about waking anyone": the subject between
    -- stops the negation, the dare keeps it.)
    if worry_word(u.w) and ABOUT[n.w] and
       (u.negated or u.refused or (p and (p.w == "stop" or p.w == "quit" or p.w == "dare"))) then
      return true
    end
  end
  return false
end

-- Is belief occurrence x what an earlier denial of the same belief in its
-- sentence describes ("It's not HRT - that adds hormones, this takes
-- them away"), with no "but" between?
-- ("It's not like HRT. HRT gives you oestrogen and this takes it away":
-- so too from the sentence before, when this one opens on the thing
-- compared.)
COMPARED = lexicon.words([[hrt that hers theirs his]])
function denied_before(parts, found, x)
  local t = parts[x.part][x.s]
  local flat = flat_of(parts)
  local opens
  for g = t.g, 1, -1 do
    if flat[g].sent ~= t.sent then break end
    opens = flat[g]
  end
  local compared = COMPARED[opens.w] and t.sent > 1
  for _, y in ipairs(found) do
    local u = parts[y.part][y.s]
    if y.negated and (u.sent == t.sent or (compared and u.sent == t.sent - 1)) and u.g < t.g then
      for g = u.g + 1, t.g - 1 do
        if lexicon.CONTRAST[flat[g].w] then return false end
      end
      return true
    end
  end
  return false
end

-- The name of misconception i in results: its id, else "misconception-i".
function M.misconception_name(q, i)
  local m = q.misconceptions and q.misconceptions[i]
  return (m and type(m.id) == "string" and m.id) or ("misconception-" .. i)
end

-- "heard: 'phone them' — but also 'tomorrow'", or nil.
function M.evidence_text(ev)
  if not ev or not ev.heard then return nil end
  local s = ("heard: '%s'"):format(ev.heard)
  if ev.but then
    if ev.but:find(" ") and not ev.but:find("'") and ev.but:match("^no ") then
      s = s .. " — but " .. ev.but
    elseif ev.but == "said with a negation" or ev.reader then
      s = s .. " — but " .. ev.but
    else
      s = s .. (" — but also '%s'"):format(ev.but)
    end
  end
  return s
end

---------------------------------------------------------------------------
-- Validation

local function check_phrases(v, node, what, classes, field)
  local list = v:list(node, field or "any", { required = field == nil, min = 1, item = "phrase",
                                               items = "phrases" })
  for i in ipairs(list or {}) do
    local ph = v:string(list, i)
    if ph then
      local p, why = M.compile(ph, classes)
      if not p or why then
        v:error(list, i, "%s: phrase '%s' %s", what, ph,
                p and ("is not well formed: " .. why) or ("has nothing to match: " .. why))
      end
    end
  end
  return list
end

-- "Chunk and check": a prompt that asks two or three things at once is
-- hard to hold in mind, so a teach-back may list them as `steps`, short
-- questions shown one under another beneath a short prompt, and answered
-- in one go.  At most MAX_STEPS; each one line of plain words.
M.MAX_STEPS = 4
M.MAX_STEP = 120

local function check_steps(q, v)
  local steps = v:list(q, "steps")
  if not steps then return end
  if #steps < 2 or #steps > M.MAX_STEPS then
    v:error(q, "steps", "'steps' lists %d; write 2 to %d short questions, or put a single " ..
            "one in the prompt", #steps, M.MAX_STEPS)
  end
  for k, s in ipairs(steps) do
    local n = type(s) == "string" and (utf8.len(s) or #s)
    if not n or util.trim(s) == "" then
      v:error(steps, k, "step %d must be a short question in words", k)
    elseif n > M.MAX_STEP then
      v:error(steps, k, "step %d has %d characters; keep each step under %d so that it reads " ..
              "at a glance", k, n, M.MAX_STEP)
    elseif s:find("[\n\r]") then
      v:error(steps, k, "step %d must be one line", k)
    end
  end
end

-- The prompt and its steps as one text (for exports and handouts).
function M.full_prompt(q)
  if type(q.steps) ~= "table" or #q.steps == 0 then return q.prompt end
  local lines = { q.prompt }
  for k, s in ipairs(q.steps) do lines[#lines + 1] = ("%d. %s"):format(k, s) end
  return table.concat(lines, "\n")
end

-- Each id in field `field` of misconception m names a key point seen
-- (`cancels`, `answered_by`); what says whose list it is.
function check_point_ids(v, m, field, what, seen)
  local list = v:list(m, field)
  for k in ipairs(list or {}) do
    local id = v:id(list, k)
    if id and not (seen[id] and seen[id].says) then
      v:error(list, k, "%s '%s', which is not a key point id", what, id)
    end
  end
end

function M.validate(q, v)
  check_steps(q, v)
  q._lexicon = v.lexicon
  q._index = v.index
  local classes = lexicon.classes(q._lexicon)
  local kps = v:list(q, "key_points", { required = true, min = 1, item = "key point",
                                         items = "key points" })
  local seen, good, prompt_words = {}, 0, nil
  for i in ipairs(kps or {}) do
    local kp = v:entry_map(kps, i, "key point")
    if kp then
      v:fields(kp, KP_FIELDS, ("key point %d"):format(i))
      local id = v:id(kp, "id", { required = true })
      if id then
        if seen[id] then
          local l, c = v:pos(seen[id], "id")
          v:error(kp, "id", "duplicate key point id '%s' (first at %d:%d)", id, l, c)
        else
          seen[id] = kp
        end
      end
      v:string(kp, "says", { required = true, what = "the key point in plain words" })
      v:bool(kp, "urgent", false)
      local src = v:string(kp, "source")
      if src then
        if not src:match("^[^#%s]+#[^#%s]+$") then
          v:error(kp, "source", "source '%s' must be written doc#section", src)
        elseif v.index then
          local sec, _, why = require("material").resolve(v.index, src, v)
          if not sec and why then v:error(kp, "source", "%s", why) end
          kp._section = sec
        end
      end
      local what = ("key point '%s'"):format(id or tostring(i))
      local list = check_phrases(v, kp, what, classes)
      check_phrases(v, kp, what .. " (with)", classes, "with")
      good = good + 1
      -- A phrase the prompt already contains gives the answer away (a
      -- warning: not looked for as an attempt starts, v.quick).
      if list and type(q.prompt) == "string" and not v.quick then
        prompt_words = prompt_words or M.words(M.full_prompt(q))     -- once per question
        local prompt = prompt_words
        for k, ph in ipairs(list) do
          -- (A phrase with a word class is broad by design: not checked.)
          local p = type(ph) == "string" and not ph:find("<", 1, true) and M.compile(ph)
          if p and M.find(p, prompt, true) then
            v:warn(list, k, "%s: phrase '%s' also matches the prompt, so the prompt gives " ..
                   "the answer away", what, ph)
          end
        end
      end
    end
  end
  local mis = v:list(q, "misconceptions")
  for i in ipairs(mis or {}) do
    local m = v:entry_map(mis, i, "misconception")
    if m then
      v:fields(m, MIS_FIELDS, ("misconception %d"):format(i))
      local mid = v:id(m, "id")
      if mid then
        if seen[mid] then
          local l, c = v:pos(seen[mid], "id")
          v:error(m, "id", "duplicate id '%s' (first at %d:%d)", mid, l, c)
        else
          seen[mid] = m
        end
      end
      check_phrases(v, m, ("misconception %d"):format(i), classes)
      v:string(m, "feedback", { required = true, what = "what to tell a learner who says this" })
      check_point_ids(v, m, "cancels", ("misconception %d cancels"):format(i), seen)
      check_point_ids(v, m, "answered_by", ("misconception %d is answered_by"):format(i), seen)
    end
  end
  if kps and good == #kps then
    v:number(q, "pass", { integer = true, min = 1, max = #kps })
  elseif q.pass ~= nil then
    v:number(q, "pass", { integer = true, min = 1 })
  end
  v:oneof(q, "scoring", M.SCORING, "fraction")
end

---------------------------------------------------------------------------
-- The question interface

function M.shuffle()
  return nil
end

function M.present(q)
  local steps = {}
  for k, s in ipairs(type(q.steps) == "table" and q.steps or {}) do
    steps[k] = { label = tostring(k), text = s }
  end
  local blocks = #steps > 0 and { { items = steps } } or {}
  return {
    prompt = q.prompt,
    blocks = blocks,
    how = #blocks > 0 and "Answer each part in your own words, a sentence or two for each." or
          "Answer in your own words, in a sentence or a few.",
    input = "teachback",
    multiline = true,
  }
end

local function parse(_, input)
  if math.type(input) then input = tostring(input) end
  if type(input) ~= "string" then return nil, "Please say it in your own words." end
  local too_long = ("That is more than %d characters; please say it more briefly.")
    :format(M.MAX_ANSWER)
  if #input > 4 * M.MAX_ANSWER + 64 then return nil, too_long end
  local s = util.trim(input)
  if s == "" then return nil, "Please say it in your own words." end
  if (utf8.len(s) or #s) > M.MAX_ANSWER then return nil, too_long end
  return s
end
M.parse = choice.sentences(parse)

local function needed(q)
  return q.pass or #q.key_points
end

-- A response is the learner's text, or {text, verdicts, beliefs} once a
-- nurse sitting beside the learner has confirmed or corrected each key
-- point (verdicts: id -> said) and each misconception heard (beliefs:
-- index -> said) (--assist).  The nurse's verdicts then decide the score
-- and the feedback; the engine's own analysis is kept beside them in the
-- result.
local function text_of(response)
  return type(response) == "table" and response.text or response
end

-- Analyses are cached per question and text: a question is judged several
-- times for one answer (score, explanation, result).
-- (The second reader's switch and weights are part of the key: a test
-- may turn it off or give it other weights between two analyses.)
local last = {}
local function analysed(q, text)
  text = type(text) == "string" and text or ""
  local reader = M.SECOND_READER and require("actnow").generation()
  if q ~= last.q or text ~= last.text or reader ~= last.reader then
    last.q, last.text, last.reader, last.r = q, text, reader, M.analyse(q, text)
  end
  return last.r
end

local function judged(q, response)
  local r = analysed(q, text_of(response))
  local verdicts = type(response) == "table" and response.verdicts
  if not verdicts then return r, r end
  local nurse = { covered = {}, missed = {}, misconceptions = {}, urgent_missed = {},
                  evidence = r.evidence }
  for _, kp in ipairs(q.key_points) do
    local said = verdicts[kp.id]
    local list = said and nurse.covered or nurse.missed
    list[#list + 1] = kp.id
    if kp.urgent and not said then nurse.urgent_missed[#nurse.urgent_missed + 1] = kp.id end
  end
  local beliefs = response.beliefs or {}
  for i in ipairs(q.misconceptions or {}) do
    local heard = false
    for _, k in ipairs(r.misconceptions) do if k == i then heard = true end end
    local b = beliefs[i]
    if b == nil then b = heard end
    if b then nurse.misconceptions[#nurse.misconceptions + 1] = i end
  end
  return nurse, r
end

-- What a nurse confirms: each key point, then each misconception the
-- engine heard, with the engine's verdict and the words that decided it.
function M.assist_points(q, response)
  local r = analysed(q, text_of(response))
  local covered = {}
  for _, id in ipairs(r.covered) do covered[id] = true end
  local out = {}
  for _, kp in ipairs(q.key_points) do
    out[#out + 1] = { kind = "point", id = kp.id, says = kp.says, urgent = kp.urgent,
                      engine = covered[kp.id] or false,
                      evidence = M.evidence_text(r.evidence[kp.id]) }
  end
  for _, i in ipairs(r.misconceptions) do
    local name = M.misconception_name(q, i)
    out[#out + 1] = { kind = "misconception", index = i, id = name,
                      says = q.misconceptions[i].feedback, engine = true,
                      evidence = M.evidence_text(r.evidence[name]) }
  end
  return out
end

-- The response once the nurse has judged: verdicts maps each assist
-- point's id to said (true) or not (false).
function M.with_verdicts(q, response, verdicts)
  local points, beliefs = {}, {}
  for _, kp in ipairs(q.key_points) do points[kp.id] = verdicts[kp.id] or false end
  for i in ipairs(q.misconceptions or {}) do
    local v = verdicts[M.misconception_name(q, i)]
    if v ~= nil then beliefs[i] = v end
  end
  return { text = text_of(response), verdicts = points, beliefs = beliefs }
end

-- Is an urgent key point not clearly covered?  Then the answer is never
-- "right", the red-flag box shows, and the result lists it under safety.
function M.unsafe(q, response)
  local r = judged(q, response)
  return #r.urgent_missed > 0
end

-- What to do, for the red-flag box: the urgent points missed.
function M.safety_text(q, response)
  local r = judged(q, response)
  local by_id, says = {}, {}
  for _, kp in ipairs(q.key_points) do by_id[kp.id] = kp end
  for _, id in ipairs(r.urgent_missed) do says[#says + 1] = by_id[id].says end
  if #says == 0 then return nil end
  return table.concat(says, " ")
end

function M.score(q, response)
  local r = judged(q, response)
  local got = #r.covered
  if q.scoring == "pass" then
    return (got >= needed(q) and #r.urgent_missed == 0) and 1 or 0
  end
  return got / #q.key_points
end

function M.explain(q, response)
  local by_id = {}
  for _, kp in ipairs(q.key_points) do by_id[kp.id] = kp end
  local says = {}
  for _, kp in ipairs(q.key_points) do says[#says + 1] = kp.says end
  local r, engine = judged(q, response or "")
  local notes = {}
  -- The words heard, unless a nurse has judged (then the nurse's word
  -- stands, and the engine's words would only confuse).
  local function heard(key)
    if r ~= engine then return nil end
    return M.evidence_text(engine.evidence[key])
  end
  for _, id in ipairs(r.covered) do
    notes[#notes + 1] = { mark = "right", text = by_id[id].says, feedback = heard(id) }
  end
  for _, id in ipairs(r.missed) do
    notes[#notes + 1] = { mark = "missed", text = by_id[id].says, section = by_id[id]._section,
                          feedback = heard(id) }
  end
  for _, i in ipairs(r.misconceptions) do
    notes[#notes + 1] = { mark = "wrong", text = q.misconceptions[i].feedback,
                          feedback = heard(M.misconception_name(q, i)) }
  end
  return { answer = table.concat(says, " "), notes = notes }
end

local function names(q, list)
  local out = {}
  for k, i in ipairs(list) do out[k] = M.misconception_name(q, i) end
  return json.array(out)
end

-- Fields the result JSON adds to the question: the engine's verdicts
-- (misconceptions as numbers, for older readers, and by name), the words
-- behind each verdict, and the nurse's verdicts when a nurse judged.
function M.details(q, response)
  local final, engine = judged(q, response)
  local extra = { covered = json.array(engine.covered), missed = json.array(engine.missed),
                  misconceptions = json.array(engine.misconceptions),
                  misconceptions_heard = names(q, engine.misconceptions) }
  local order = { "covered", "missed", "misconceptions", "misconceptions_heard" }
  local ev, keys = {}, {}
  local function put(key)
    local e = engine.evidence[key]
    if e and e.heard then
      keys[#keys + 1] = key
      ev[key] = e.but and json.object({ "heard", "but" }, e)
                or json.object({ "heard" }, e)
    end
  end
  for _, kp in ipairs(q.key_points) do put(kp.id) end
  for _, i in ipairs(engine.misconceptions) do put(M.misconception_name(q, i)) end
  extra.evidence = json.object(keys, ev)
  order[#order + 1] = "evidence"
  if #engine.urgent_missed > 0 then
    extra.urgent_missed = json.array(engine.urgent_missed)
    order[#order + 1] = "urgent_missed"
  end
  if final ~= engine then
    extra.nurse_covered = json.array(final.covered)
    extra.nurse_missed = json.array(final.missed)
    extra.nurse_misconceptions = names(q, final.misconceptions)
    order[#order + 1] = "nurse_covered"
    order[#order + 1] = "nurse_missed"
    order[#order + 1] = "nurse_misconceptions"
  end
  return extra, order
end

function M.encode(_, response)
  return text_of(response)
end

function M.show(_, response)
  return text_of(response)
end

return M
