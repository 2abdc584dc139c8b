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
local textnorm = require("textnorm")
local util = require("util")

local M = {}
M.fields = { "key_points", "misconceptions", "pass", "scoring" }
M.SCORING = { "fraction", "pass" }
M.MAX_ANSWER = 2000      -- characters a learner may type
M.MAX_PHRASE_WORDS = 20  -- words (and gaps) in one phrase
M.GAP = 3                -- words a lone * may stand for
M.WINDOW = 5             -- words before a match searched for a negation

local KP_FIELDS = { id = true, says = true, any = true, source = true }
local MIS_FIELDS = { any = true, feedback = true, cancels = true }

---------------------------------------------------------------------------
-- Stemming

-- Words ending in -er, -est or -ing that are not comparatives, superlatives
-- or verb forms (the stem would be a different word: number -> numb).
local KEEP = {}
for w in ([[cancer fever liver number never ever other another after water under
  over either neither whether together remember answer paper finger shoulder
  bladder matter letter sister mother father daughter brother partner member
  order border power danger offer suffer consider wonder bother rather further
  whatever however wherever whenever forever clever corner dinner summer winter
  chapter register deliver discover cover recover better ulcer cluster blister
  master anger hunger enter filter alter later
  chest test rest request interest suggest honest modest harvest protest digest
  arrest invest forest manifest contest]]):gmatch("%a+") do
  KEEP[w] = true
end
KEEP.later = nil -- later meets late (both "lat")

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
function M.stem(w)
  w = IRREGULAR[w] or w
  if #w <= 3 or w:find("%d") or w:find("[\x80-\xff]") then return w end
  if KEEP[w] then return w end
  -- 1. plurals and third person
  if #w >= 5 and w:sub(-3) == "ies" then
    w = w:sub(1, -4) .. "y"
  elseif w:sub(-1) == "s" and #w >= 4 and not w:sub(-2, -2):find("[sui]") then
    w = w:sub(1, -2)
  end
  if KEEP[w] then return w end
  -- 2. one verb or adjective ending
  local cut
  for _, suf in ipairs({ "ing", "est", "ed", "er" }) do
    local n = #suf
    if #w - n >= 3 and w:sub(-n) == suf then
      local s = w:sub(1, -n - 1)
      if has_vowel(s) and not (suf == "ed" and s:sub(-1) == "e") then
        w, cut = s, true
      end
      break
    end
  end
  if not cut and #w >= 6 and w:sub(-2) == "ly" and not w:sub(-3, -3):find(VOWEL) then
    w = w:sub(1, -3)
  end
  -- 3. undouble
  if cut and #w >= 4 then
    local a, b = w:sub(-2, -2), w:sub(-1)
    if a == b and not a:find("[aeioulsz]") then w = w:sub(1, -2) end
  end
  -- 4. final e
  if #w >= 4 and w:sub(-1) == "e" then w = w:sub(1, -2) end
  return w
end

---------------------------------------------------------------------------
-- Words, clauses and negation

local NEG = {}
for w in ([[not no never none nothing nobody nowhere neither nor without cannot
  dont doesnt didnt isnt arent wasnt werent wont wouldnt cant couldnt shouldnt
  hasnt havent hadnt mustnt neednt aint shant]]):gmatch("%a+") do
  NEG[w] = true
end
-- "no matter", "no doubt", "not only": a negation word that negates nothing.
local NOT_NEG = { no = { matter = true, doubt = true }, ["not"] = { only = true } }

local CLAUSE = {}
for w in ([[and but or so because cos coz cuz although though however whereas]])
    :gmatch("%a+") do
  CLAUSE[w] = true
end

M.NEGATIONS, M.CLAUSE_WORDS = NEG, CLAUSE

-- Apostrophes: unify, turn n't into " not", drop the rest inside words.
local function apostrophes(s)
  s = s:gsub("\xE2\x80\x99", "'"):gsub("\xE2\x80\x98", "'"):gsub("\xCA\xBC", "'"):gsub("`", "'")
  s = s:gsub("(%a)[nN]'[tT]%f[%A]", "%1 not")
  s = s:gsub("(%a)'(%a)", "%1%2")
  return s
end

local function word(w)
  return { raw = w, stem = M.stem(w), neg = NEG[w] or false }
end

-- The text as parts (split at clause punctuation), each a list of words
-- {raw, stem, neg, clause}; clause numbers run through the whole text.
function M.words(text)
  text = apostrophes(text)
  text = text:gsub("(%d)[.,](%d)", "%1 %2"):gsub("\xE2\x80\xA6", ".")
  local parts, clause = {}, 0
  for piece in (text .. "."):gmatch("([^.,;:!?\n]*)[.,;:!?\n]") do
    local words = {}
    clause = clause + 1
    for w in textnorm.normalize(piece):gmatch("%S+") do
      if CLAUSE[w] then clause = clause + 1 end
      local t = word(w)
      t.clause = clause
      words[#words + 1] = t
    end
    for i, t in ipairs(words) do
      if t.neg and words[i + 1] and NOT_NEG[t.raw] and NOT_NEG[t.raw][words[i + 1].raw] then
        t.neg = false
      end
    end
    if #words > 0 then parts[#parts + 1] = words end
  end
  return parts
end

---------------------------------------------------------------------------
-- Phrases

-- A phrase as {elements, gaps}: elements[k] = {raw, stem, prefix, neg};
-- gaps[k] = most words allowed between element k and k+1 (0 or GAP).
-- Returns nil and why when the phrase is not well formed.
function M.compile(phrase)
  local els, gaps, bad = {}, {}, nil
  local pending = 0
  for piece in apostrophes(phrase):gmatch("%S+") do
    if piece:match("^%*+$") then
      if #piece > 1 then bad = bad or "write a gap as one '*' on its own" end
      if #els == 0 then bad = bad or "a lone '*' must stand between two words" end
      if pending > 0 then
        bad = bad or "two gaps '* *' in a row; one '*' stands for up to 3 words"
      end
      pending = pending + M.GAP
    else
      local prefix = piece:sub(-1) == "*"
      local body = prefix and piece:sub(1, -2) or piece
      if body:find("*", 1, true) then
        bad = bad or "'*' may stand alone between words or end a word, not sit inside one"
        body = body:gsub("%*", " ")
      end
      local ws = {}
      for w in textnorm.normalize(body):gmatch("%S+") do ws[#ws + 1] = w end
      if #ws == 0 and prefix then
        bad = bad or "'*' must follow letters or digits"
      end
      for k, w in ipairs(ws) do
        local el = word(w)
        el.prefix = prefix and k == #ws
        if #els > 0 then gaps[#els] = pending end
        pending = 0
        els[#els + 1] = el
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
  if el.neg then return t.neg end
  if t.stem == el.stem then return true end
  return el.prefix and t.raw:sub(1, #el.raw) == el.raw
end

-- Is word i of part negated: a negation among the WINDOW words before it,
-- in the same clause?
local function negated(part, i)
  local c = part[i].clause
  for j = i - 1, math.max(1, i - M.WINDOW), -1 do
    local t = part[j]
    if t.clause ~= c then return false end
    if t.neg then return true end
  end
  return false
end

-- Does compiled phrase p occur in parts?  With ignore_negation, any
-- occurrence counts.
function M.find(p, parts, ignore_negation)
  local els, gaps = p.els, p.gaps
  for _, part in ipairs(parts) do
    local n = #part
    local reach = {}
    local any = false
    for i = 1, n do
      if word_matches(els[1], part[i]) and (ignore_negation or not negated(part, i)) then
        reach[i] = true
        any = true
      end
    end
    for k = 2, #els do
      if not any then break end
      local g, el, next_reach = gaps[k - 1], els[k], {}
      any = false
      for i = 2, n do
        if word_matches(el, part[i]) then
          for j = i - 1, math.max(1, i - 1 - g), -1 do
            if reach[j] then
              next_reach[i] = true
              any = true
              break
            end
          end
        end
      end
      reach = next_reach
    end
    if any then return true end
  end
  return false
end

local compiled = setmetatable({}, { __mode = "k" })

local function phrases(list)
  local c = compiled[list]
  if not c then
    c = {}
    for i, ph in ipairs(list) do c[i] = (M.compile(ph)) end
    compiled[list] = c
  end
  return c
end

local function any_found(list, parts, ignore_negation)
  for _, p in ipairs(phrases(list)) do
    if p and M.find(p, parts, ignore_negation) then return true end
  end
  return false
end

---------------------------------------------------------------------------
-- Analysis

-- What the text covers: {covered = {ids}, missed = {ids},
-- misconceptions = {indexes}}.
function M.analyse(q, text)
  local parts = M.words(type(text) == "string" and text or "")
  local out = { covered = {}, missed = {}, misconceptions = {} }
  -- A misconception may cancel key points: "I'd wait till morning, then
  -- call" has said "call" but not "call now".
  local cancelled = {}
  for i, m in ipairs(q.misconceptions or {}) do
    if any_found(m.any, parts) then
      out.misconceptions[#out.misconceptions + 1] = i
      for _, id in ipairs(type(m.cancels) == "table" and m.cancels or {}) do
        cancelled[id] = true
      end
    end
  end
  for _, kp in ipairs(q.key_points) do
    local list = (not cancelled[kp.id] and any_found(kp.any, parts)) and out.covered
                 or out.missed
    list[#list + 1] = kp.id
  end
  return out
end

---------------------------------------------------------------------------
-- Validation

local function check_phrases(v, node, what)
  local list = v:list(node, "any", { required = true, min = 1, item = "phrase",
                                      items = "phrases" })
  for i in ipairs(list or {}) do
    local ph = v:string(list, i)
    if ph then
      local p, why = M.compile(ph)
      if not p or why then
        v:error(list, i, "%s: phrase '%s' %s", what, ph,
                p and ("is not well formed: " .. why) or ("has nothing to match: " .. why))
      end
    end
  end
  return list
end

function M.validate(q, v)
  local kps = v:list(q, "key_points", { required = true, min = 1, item = "key point",
                                         items = "key points" })
  local seen, good = {}, 0
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
      local list = check_phrases(v, kp, what)
      good = good + 1
      -- A phrase the prompt already contains gives the answer away.
      if list and type(q.prompt) == "string" then
        local prompt = M.words(q.prompt)
        for k, ph in ipairs(list) do
          local p = type(ph) == "string" and M.compile(ph)
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
      check_phrases(v, m, ("misconception %d"):format(i))
      v:string(m, "feedback", { required = true, what = "what to tell a learner who says this" })
      local cancels = v:list(m, "cancels")
      for k in ipairs(cancels or {}) do
        local id = v:id(cancels, k)
        if id and not seen[id] then
          v:error(cancels, k, "misconception %d cancels '%s', which is not a key point id", i, id)
        end
      end
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
  return {
    prompt = q.prompt,
    blocks = {},
    how = "Answer in your own words, in a sentence or a few.",
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

-- A response is the learner's text, or {text, verdicts} once a nurse
-- sitting beside the learner has confirmed or corrected each key point
-- (--assist).  The nurse's verdicts then decide the score; the engine's
-- own analysis is kept beside them in the result.
local function text_of(response)
  return type(response) == "table" and response.text or response
end

local function judged(q, response)
  local r = M.analyse(q, text_of(response))
  local verdicts = type(response) == "table" and response.verdicts
  if not verdicts then return r, r end
  local nurse = { covered = {}, missed = {}, misconceptions = r.misconceptions }
  for _, kp in ipairs(q.key_points) do
    local list = verdicts[kp.id] and nurse.covered or nurse.missed
    list[#list + 1] = kp.id
  end
  return nurse, r
end

-- The key points with the engine's verdict, for a nurse to confirm.
function M.assist_points(q, response)
  local r = M.analyse(q, text_of(response))
  local covered = {}
  for _, id in ipairs(r.covered) do covered[id] = true end
  local out = {}
  for _, kp in ipairs(q.key_points) do
    out[#out + 1] = { id = kp.id, says = kp.says, engine = covered[kp.id] or false }
  end
  return out
end

function M.with_verdicts(_, response, verdicts)
  return { text = text_of(response), verdicts = verdicts }
end

function M.score(q, response)
  local r = judged(q, response)
  local got = #r.covered
  if q.scoring == "pass" then return got >= needed(q) and 1 or 0 end
  return got / #q.key_points
end

function M.explain(q, response)
  local by_id = {}
  for _, kp in ipairs(q.key_points) do by_id[kp.id] = kp end
  local says = {}
  for _, kp in ipairs(q.key_points) do says[#says + 1] = kp.says end
  local r = judged(q, response or "")
  local notes = {}
  for _, id in ipairs(r.covered) do
    notes[#notes + 1] = { mark = "right", text = by_id[id].says }
  end
  for _, id in ipairs(r.missed) do
    notes[#notes + 1] = { mark = "missed", text = by_id[id].says, section = by_id[id]._section }
  end
  for _, i in ipairs(r.misconceptions) do
    notes[#notes + 1] = { mark = "wrong", text = q.misconceptions[i].feedback }
  end
  return { answer = table.concat(says, " "), notes = notes }
end

-- Fields the result JSON adds to the question: the engine's verdicts, and
-- the nurse's when a nurse confirmed them.
function M.details(q, response)
  local final, engine = judged(q, response)
  local extra = { covered = json.array(engine.covered), missed = json.array(engine.missed),
                  misconceptions = json.array(engine.misconceptions) }
  local order = { "covered", "missed", "misconceptions" }
  if final ~= engine then
    extra.nurse_covered = json.array(final.covered)
    extra.nurse_missed = json.array(final.missed)
    order[#order + 1] = "nurse_covered"
    order[#order + 1] = "nurse_missed"
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
