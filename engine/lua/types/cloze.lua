-- types/cloze.lua: drop-downs in a sentence.  `text` holds placeholders
-- {{1}}, {{2}}, ...; blank i (of `blanks`) fills placeholder i, from its
-- own `options`, and `answer` names the right option by its text.
-- Scoring: 0/1 per blank (NCSBN 0/1 rule); fraction = blanks right / blanks.

local choice = require("types.choice")
local schema = require("schema")
local util = require("util")

local M = {}
M.fields = { "text", "blanks" }

local BLANK_FIELDS = schema.set { "options", "answer" }
local PLACEHOLDER = "{{%s*(%d+)%s*}}"

-- Index of the option whose text is the blank's answer.
local function key(blank)
  local options, answer = blank.options, blank.answer
  for i = 1, #options do
    if options[i] == answer then return i end
  end
end

function M.validate(q, v)
  local text = v:string(q, "text", { required = true })
  local blanks = v:list(q, "blanks", { required = true, min = 1, item = "blank",
                                       items = "blanks" })
  local n = blanks and #blanks or 0
  local used = {}
  if text then
    for num in text:gmatch(PLACEHOLDER) do
      local i = tonumber(num)
      if used[i] then
        v:error(q, "text", "placeholder {{%s}} is used twice in 'text'", num)
      elseif blanks and (i < 1 or i > n) then
        v:error(q, "text", "placeholder {{%s}} has no blank; 'blanks' lists %s", num,
                util.plural(n, "blank"))
      end
      used[i] = true
    end
  end
  for i in ipairs(blanks or {}) do
    local b = v:entry_map(blanks, i, "blank")
    if b then
      v:fields(b, BLANK_FIELDS, ("blank %d"):format(i))
      if text and not used[i] then
        v:error(blanks, i, "blank %d has no placeholder {{%d}} in 'text'", i, i)
      end
      local opts = v:list(b, "options", { required = true, min = 2, item = "option",
                                          items = "options" })
      local ok = opts ~= nil
      for j in ipairs(opts or {}) do
        if not v:string(opts, j) then ok = false end
      end
      local answer = v:string(b, "answer", { required = true })
      if ok and answer and not key(b) then
        v:error(b, "answer", "answer '%s' of blank %d is not one of its options", answer, i)
      end
    end
  end
end

function M.shuffle(q, rng, shuffle)
  if not shuffle then return nil end
  local perm = {}
  for i, b in ipairs(q.blanks) do perm[i] = choice.shuffled(#b.options, rng) end
  return perm
end

function M.present(q, perm)
  local blocks, options = {}, {}
  for i, b in ipairs(q.blanks) do
    blocks[i] = { title = ("Blank %d"):format(i),
                  items = choice.items(b.options, perm and perm[i]) }
    options[i] = blocks[i].items
  end
  return {
    prompt = q.prompt .. "\n" .. q.text:gsub(PLACEHOLDER, "[%1]"),
    blocks = blocks,
    how = ("Type the letter for one blank at a time, or all at once, for example %s or " ..
           "the letters in order (%s)."):format(#q.blanks >= 2 and "1A 2B" or "1A",
                                 #q.blanks >= 2 and "A B" or "A"),
    input = "cloze",
    -- One blank at a time: each takes one of its own options.
    parts = { noun = "Blank", count = #q.blanks, options = options, one = true },
  }
end

local function parse(q, input, perm)
  local rows, why = choice.rows(input, {
    single = true, rows = #q.blanks, noun = "blank",
    example = #q.blanks >= 2 and "1A 2B" or "1A",
    width = function(r) return #q.blanks[r].options end,
  })
  if not rows then return nil, why end
  local out = {}
  for r, b in ipairs(q.blanks) do
    local labels = rows[r] or {}
    if #labels > 1 then
      return nil, ("blank %d takes one letter, not %d"):format(r, #labels)
    end
    if #labels == 1 then
      local i = choice.index(labels[1], #b.options, perm and perm[r])
      if not i then
        return nil, ("blank %d has no option %s; choose %s"):format(r,
          choice.quote(labels[1]), choice.range(#b.options))
      end
      out[r] = i
    end
  end
  return out
end
M.parse = choice.sentences(parse)

-- NCSBN's 0/1 rule over blanks: the share of blanks right, and each
-- blank's part (a loop of its own, not a closure per response).
function M.score(q, response)
  local blanks = q.blanks
  local n, parts, got = #blanks, {}, 0
  for r = 1, n do
    local p = response[r] == key(blanks[r]) and 1 or 0
    parts[r] = p
    got = got + p
  end
  return got / n, parts
end

function M.explain(q, response)
  local notes = {}
  for r, b in ipairs(q.blanks) do
    local got = response and response[r]
    if response and got ~= key(b) then
      notes[#notes + 1] = got
        and { mark = "wrong",
              text = ("Blank %d: %s (right: %s)"):format(r, b.options[got], b.answer) }
        or { mark = "missed", text = ("Blank %d: not answered (right: %s)"):format(r, b.answer) }
    end
  end
  return { answer = choice.join_rows(#q.blanks, function(r) return q.blanks[r].answer end),
           notes = notes }
end

function M.encode(q, response)
  return choice.encode_rows(#q.blanks, function(r)
    return response[r] and util.label(response[r])
  end)
end

function M.show(q, response)
  return choice.join_rows(#q.blanks, function(r)
    return response[r] and q.blanks[r].options[response[r]]
  end)
end

return M
