-- types/choice.lua: helpers the question types share: display orders,
-- labels, and reading what a learner typed (or an answers file gave) into
-- labels and rows.  Nothing here knows what a question means.
--
-- Two kinds of input reach parse(): a string (a terminal line, or a scalar
-- from an answers file) and a table (a list or mapping from an answers
-- file).  A string must answer every row (a half-typed line is a slip); a
-- table may leave rows out, and those simply score 0.

local json = require("json")
local schema = require("schema")
local util = require("util")

local M = {}

-- Longer input than this is refused before any scanning.
M.MAX_INPUT = 4000

-- "A or B", "A to D".
function M.range(n)
  if n == 2 then return "A or B" end
  return "A to " .. util.label(n)
end

-- A label shown in a message: short, so a pasted paragraph stays readable.
function M.quote(s)
  s = tostring(s)
  if #s > 12 then s = s:sub(1, 12) .. "..." end
  return s
end

-- A display order for n things: display position -> file index.  Things
-- for which fixed(i) is true keep their listed position; the rest are
-- shuffled among the remaining places.
function M.shuffled(n, rng, fixed)
  local perm, free, places = {}, {}, {}
  for i = 1, n do
    if fixed and fixed(i) then
      perm[i] = i
    else
      free[#free + 1] = i
      places[#places + 1] = i
    end
  end
  rng:shuffle(free)
  for k, pos in ipairs(places) do perm[pos] = free[k] end
  return perm
end

-- A scrambled order that is never the listed one (n >= 2): used where the
-- listed order is the answer.  Rotating keeps it deterministic.
function M.scrambled(n, rng)
  local perm = {}
  for i = 1, n do perm[i] = i end
  if rng then rng:shuffle(perm) end
  local identity = true
  for i = 1, n do
    if perm[i] ~= i then identity = false break end
  end
  if identity and n >= 2 then
    for i = 1, n do perm[i] = i % n + 1 end
  end
  return perm
end

-- File index -> display position.
function M.inverse(perm, n)
  local inv = {}
  for i = 1, n do inv[i] = i end
  if perm then
    for pos, i in ipairs(perm) do inv[i] = pos end
  end
  return inv
end

-- Label -> file index of one of n things shown in order perm (nil = file
-- order); nil when the label names nothing.
function M.index(label, n, perm)
  local pos = util.label_index(label)
  if not pos or pos > n then return nil end
  return perm and perm[pos] or pos
end

-- As M.index, with the message a learner sees when the label is unknown.
function M.resolve(label, n, perm, noun)
  local i = M.index(label, n, perm)
  if i then return i end
  return nil, ("there is no %s %s; choose %s"):format(noun, M.quote(label), M.range(n))
end

-- An option's feedback is written to someone who chose it ("Yes. This can
-- be a clot…", "Correct."); shown beside a right option the learner
-- missed, its opening word of approval is dropped, keeping the why (nil
-- when nothing else is left).
local APPROVAL = { "yes", "correct", "right", "that's right", "that is right", "exactly",
                   "good", "well done", "true" }
function M.for_missed(feedback)
  if type(feedback) ~= "string" then return feedback end
  for _, a in ipairs(APPROVAL) do
    local head = feedback:sub(1, #a + 1):lower()
    if head == a .. "." or head == a .. "!" or head == a .. "," then
      local rest = feedback:sub(#a + 2):gsub("^%s+", "")
      if rest == "" then return nil end
      return (rest:gsub("^%l", string.upper))
    end
  end
  return feedback
end

-- A message as a sentence: "There is no option E; choose A to D."  The
-- terminal follows it with "Please try again."; an answers-file error
-- puts the question id before it.
function M.sentence(msg)
  msg = msg:gsub("^%l", string.upper)
  if not msg:find("[.!?]$") then msg = msg .. "." end
  return msg
end

-- Wrap a parse function so every refusal reads as a sentence.
function M.sentences(parse)
  return function(q, input, perm)
    local response, why = parse(q, input, perm)
    if response == nil then return nil, M.sentence(why or "that answer was not understood") end
    return response
  end
end

-- A label typed as the screen shows it, "A)", or as lists print it,
-- "(a)" and "a.": the letters alone.
function M.strip_label(tok)
  return tok:match("^%((%a+)%)$") or tok:match("^(%a+)[%).:]$") or tok
end

-- "AC" -> "A", "C" when every label is one letter (n <= 26), so a learner
-- may type the letters of a row or a select-all together.
local function add_token(out, tok, n)
  tok = M.strip_label(tok)
  if n <= 26 and #tok > 1 and tok:match("^%a+$") then
    for c in tok:gmatch("%a") do out[#out + 1] = c end
  else
    out[#out + 1] = tok
  end
end

local function split(s, n, out)
  for tok in s:gmatch("[^%s,;]+") do add_token(out, tok, n) end
  return out
end

-- Labels from "A C", "A,C", "AC", or a list {"A", "C"}.  n is the number of
-- things labelled (to know whether letters may be run together).
function M.labels(input, n)
  if type(input) == "string" then
    if #input > M.MAX_INPUT then return nil, "that answer is too long" end
    return split(input, n, {})
  end
  if type(input) == "table" and util.is_list(input) then
    local out = {}
    for k, v in ipairs(input) do
      if math.type(v) then v = tostring(v) end
      if type(v) ~= "string" then
        return nil, ("entry %d of the list is %s; expected a letter"):format(k,
          util.is_null(v) and "empty" or "not a letter")
      end
      split(v, n, out)
    end
    return out
  end
  return nil
end

-- Any label named twice?  Returns the label.
function M.repeated(indices, labels)
  local seen = {}
  for k, i in ipairs(indices) do
    if seen[i] then return labels[k] end
    seen[i] = true
  end
  return nil
end

-- Read a terminal line of rows: "1B 2A 3C", "1: B, 2: A", "1AC 2B", or
-- just the letters in row order "B A C".  Returns a list of
-- {row = number or nil, tokens = {...}} or nil, message.
local function scan(s)
  local entries, cur, pos, numbered, positional = {}, nil, 1, false, false
  while pos <= #s do
    local a, b, cap = s:find("^[%s,;]+", pos)
    if a then
      pos = b + 1
    else
      a, b, cap = s:find("^(%d%d?%d?%d?)%s*[:=%.%)%-]?%s*", pos)
      if a then
        if positional then return nil, "mixed" end
        numbered = true
        cur = { row = tonumber(cap), tokens = {}, numbered = true }
        entries[#entries + 1] = cur
        pos = b + 1
      else
        a, b, cap = s:find("^(%a+)", pos)
        if not a then
          return nil, ("could not read '%s'"):format(M.quote(s:sub(pos)))
        end
        if cur then
          cur.tokens[#cur.tokens + 1] = cap
        else
          positional = true
          entries[#entries + 1] = { tokens = { cap } }
        end
        pos = b + 1
      end
    end
  end
  if positional then
    for k, e in ipairs(entries) do e.row = k end
  end
  return entries, numbered
end

local function row_key(k)
  if math.type(k) == "integer" then return k end
  if math.type(k) == "float" and k == math.floor(k) then return math.tointeger(k) end
  if type(k) == "string" and k:match("^%s*%d+%s*$") and #k < 12 then
    return tonumber(util.trim(k))
  end
  return nil
end

-- Rows of labels from a terminal line or an answers-file mapping.
-- opts: rows (how many), noun ("row" or "blank"), width(row) (how many
-- labels that row's letters choose among), example ("1B 2A"), single
-- (each row takes one label, so "BAC" may mean one letter per row).
-- Returns {[row] = {label, ...}} (rows not given are absent) or nil, message.
-- A string must give every row once; a table may leave rows out.
function M.rows(input, opts)
  local n, noun = opts.rows, opts.noun
  local expect = ("type each %s number with a letter, for example %s"):format(noun, opts.example)
  local out = {}
  local function bad_row(r)
    if r < 1 or r > n then
      return ("there is no %s %s; %ss are 1 to %d"):format(noun, tostring(r), noun, n)
    end
    if out[r] then return ("%s %d is given twice"):format(noun, r) end
    return nil
  end
  if type(input) == "string" then
    if #input > M.MAX_INPUT then return nil, "that answer is too long" end
    local entries, why = scan(input)
    if not entries then
      if why == "mixed" then
        return nil, "give either a number before every letter or no numbers at all; " .. expect
      end
      return nil, why .. "; " .. expect
    end
    -- "ABA": one letter per row, run together (only where a row takes one).
    local e1 = entries[1]
    if opts.single and #entries == 1 and e1.row == 1 and n > 1 and not e1.numbered
       and #e1.tokens[1] == n and e1.tokens[1]:match("^%a+$") then
      entries = {}
      for r = 1, n do entries[r] = { row = r, tokens = { e1.tokens[1]:sub(r, r) } } end
    end
    for _, e in ipairs(entries) do
      local msg = bad_row(e.row)
      if msg then return nil, msg end
      if #e.tokens == 0 then return nil, ("%s %d has no letter; %s"):format(noun, e.row, expect) end
      local labels = {}
      for _, tok in ipairs(e.tokens) do add_token(labels, tok, opts.width(e.row)) end
      out[e.row] = labels
    end
    local missing = {}
    for r = 1, n do
      if not out[r] then missing[#missing + 1] = tostring(r) end
    end
    if #missing > 0 then
      local list = table.concat(missing, ", ")
      return nil, (#missing == 1 and "answer every %s: %s %s is missing; %s" or
                   "answer every %s: %ss %s are missing; %s"):format(noun, noun, list, expect)
    end
    return out
  end
  if type(input) ~= "table" then return nil, expect end
  for _, k in ipairs(util.sorted_keys(input)) do
    local r = row_key(k)
    if not r then
      return nil, ("'%s' is not a %s number; %ss are 1 to %d"):format(M.quote(k), noun, noun, n)
    end
    local msg = bad_row(r)
    if msg then return nil, msg end
    local v = input[k]
    if not util.is_null(v) then
      local labels, why = M.labels(v, opts.width(r))
      if not labels then
        return nil, why or ("%s %d: expected a letter"):format(noun, r)
      end
      if #labels > 0 or type(v) == "table" then out[r] = labels end
    end
  end
  return out
end

-- "1 → x; 2 → y" over the rows present, in row order.
function M.join_rows(n, fn)
  local parts = {}
  for r = 1, n do
    local s = fn(r)
    if s then parts[#parts + 1] = ("%d → %s"):format(r, s) end
  end
  return parts[1] and table.concat(parts, "; ") or "(nothing chosen)"
end

-- A mapping {"1" = "B", ...} for an encoded response, its keys kept in row
-- order in JSON (sorted as text, "10" would come before "2").
function M.encode_rows(n, fn)
  local out, keys = {}, {}
  for r = 1, n do
    local v = fn(r)
    if v ~= nil then
      keys[#keys + 1] = tostring(r)
      out[tostring(r)] = v
    end
  end
  return json.object(keys, out)
end

-- ---- the option list of `single` and `multiple` -------------------------

local OPTION_FIELDS = schema.set { "text", "correct", "feedback", "fixed" }
local OPTIONS = { required = true, min = 2, item = "option", items = "options" }
local REQUIRED = { required = true }

-- Check q.options; returns the number of correct options, or nil when the
-- list itself is unusable.
-- The same checks for host.shape: the usual question's options in one call.
local OPTIONS_SHAPE = schema.shape(nil, { { "options", "maps", schema.shape(OPTION_FIELDS, {
  { "text", "text", true }, { "correct", "bool", false }, { "feedback", "text" },
  { "fixed", "bool", false } }, OPTIONS.min) } })

function M.validate_options(q, v)
  if host.shape(q, OPTIONS_SHAPE) then
    local correct = 0
    for _, o in ipairs(q.options) do
      if o.correct then correct = correct + 1 end
    end
    return correct
  end
  local opts = v:list(q, "options", OPTIONS)
  if not opts then return nil end
  local correct = 0
  for i in ipairs(opts) do
    local o = v:entry_map(opts, i, "option")
    if o then
      v:fields(o, OPTION_FIELDS, "option %d", i)
      v:string(o, "text", REQUIRED)
      if v:bool(o, "correct", false) then correct = correct + 1 end
      v:string(o, "feedback")
      v:bool(o, "fixed", false)
    end
  end
  return correct
end

-- Options shuffle among themselves; a `fixed` one ("none of the above")
-- keeps its listed place.
function M.shuffle_options(q, rng, shuffle)
  if not shuffle then return nil end
  return M.shuffled(#q.options, rng, function(i) return q.options[i].fixed end)
end

-- Labelled items (display order) for a view.
function M.items(texts, perm)
  local items = {}
  for pos = 1, #texts do
    items[pos] = { label = util.label(pos), text = texts[perm and perm[pos] or pos] }
  end
  return items
end

function M.option_texts(q)
  return util.map(q.options, function(o) return o.text end)
end

-- Labels (input) -> option indices in file order, refusing unknown and
-- repeated labels.
function M.option_indices(q, input, perm)
  local n = #q.options
  local labels, why = M.labels(input, n)
  if not labels then return nil, why end
  local out = {}
  for k, label in ipairs(labels) do
    local i, msg = M.resolve(label, n, perm, "option")
    if not i then return nil, msg end
    out[k] = i
  end
  local twice = M.repeated(out, labels)
  if twice then return nil, ("option %s is given twice"):format(twice:upper()) end
  return out
end

-- Option texts joined for a review line.
function M.option_list(q, indices)
  -- "First.; Second." reads badly: drop each text's closing full stop.
  return table.concat(util.map(indices, function(i)
    return (q.options[i].text:gsub("%.$", ""))
  end), "; ")
end

return M
