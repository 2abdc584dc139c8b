-- webform.lua: a posted page form -> the one line the terminal dialogue
-- would have read at that point of the attempt.
--
-- A web attempt is fed exactly the lines a terminal attempt is fed, so the
-- same answers give the same result JSON whichever front end took them.
-- This file knows each type's line grammar (types/*.lua parse, and
-- session.feed's commands and phases) and the field names of the pages
-- (webpage.lua): choice, part1..partN, order and move, number, text,
-- certainty, action.  Every post is hostile until read: a missing field,
-- an unknown label, thousands of fields, huge values or bytes that are not
-- UTF-8 each get a plain message saying what to do, never an error.

local util = require("util")

local M = {}

M.MAX_FIELDS = 200        -- more than any page has (a 60-row grid with
                          -- every box ticked stays under it)
M.MAX_NAME = 32
M.MAX_VALUE = 16000       -- a teach-back answer is at most 2,000 characters
M.MAX_LINE = 4096 * 4 - 2 -- what the terminal reads as one answer (main.c)

-- ---- decoding application/x-www-form-urlencoded --------------------------

local function unescape(s)
  s = s:gsub("+", " ")
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end

-- The body of a post (or a query string) -> fields {name = {value, ...}},
-- each value in the order sent; or nil and a message.  Names longer than
-- MAX_NAME are ignored (no page has them); values are kept as bytes.
function M.decode(body)
  if type(body) ~= "string" then return {} end
  local fields, count = {}, 0
  for pair in body:gmatch("[^&;]+") do
    count = count + 1
    if count > M.MAX_FIELDS then
      return nil, "The form sent too many fields. Please go back and try again."
    end
    local name, value = pair:match("^([^=]*)=?(.*)$")
    if #name <= 3 * M.MAX_NAME then
      name = unescape(name)
      if #value > 3 * M.MAX_VALUE then
        return nil, "That answer is too long. Please keep it shorter."
      end
      value = unescape(value)
      if #name <= M.MAX_NAME and name ~= "" then
        fields[name] = fields[name] or {}
        table.insert(fields[name], value)
      end
    end
  end
  return fields
end

-- The one value of a field, or nil; a field sent twice is nil and "twice".
local function one(fields, name)
  local v = fields[name]
  if not v or #v == 0 then return nil end
  if #v > 1 then return nil, "twice" end
  return v[1]
end

-- ---- the phases ------------------------------------------------------------

-- A button's action -> the command the terminal types for it.
local COMMAND = { skip = "s", quit = "q", hint = "h", help = "?" }

local function action_of(fields)
  local a = one(fields, "action")
  return a or "answer"
end

local function yes_no(fields, keep)
  local a = action_of(fields)
  if a == "yes" then return "y" end
  if a == "no" then return "n" end
  if keep and a == "keep" then return "" end
  return nil, keep and "Please choose Yes, No, or Keep the program's verdict." or
    "Please choose Yes or No."
end

local function certainty_line(fields)
  local a = action_of(fields)
  if a == "skip" or a == "quit" then return COMMAND[a] end
  local c = one(fields, "certainty")
  if c == "1" or c == "2" or c == "3" then return c end
  return nil, "Please choose how sure you are: not sure, fairly sure or very sure."
end

-- ---- answers, by the type's input ------------------------------------------

-- Labels shown for a list of items: set and order.
local function label_set(items)
  local set, pos = {}, {}
  for k, it in ipairs(items) do
    set[it.label] = true
    pos[it.label] = k
  end
  return set, pos
end

local function choice_labels(fields, items)
  local set, pos = label_set(items)
  local got, seen = {}, {}
  for _, v in ipairs(fields.choice or {}) do
    if not set[v] then return nil, "That answer is not one of the choices. Please choose again." end
    if not seen[v] then
      seen[v] = true
      got[#got + 1] = v
    end
  end
  table.sort(got, function(a, b) return pos[a] < pos[b] end)
  return got
end

local function single_line(fields, view)
  local got, why = choice_labels(fields, view.blocks[1].items)
  if not got then return nil, why end
  if #got == 0 then
    return nil, view.input == "truefalse" and "Please choose true or false." or
      "Please choose an answer."
  end
  if #got > 1 then return nil, "Please choose only one answer." end
  return got[1]
end

local function multiple_line(fields, view)
  local got, why = choice_labels(fields, view.blocks[1].items)
  if not got then return nil, why end
  if #got == 0 then return nil, "Please choose at least one answer, or choose Skip." end
  return table.concat(got, " ")
end

-- Rows of selects or radio buttons (matching, cloze, a grid): "1B 2A 3C",
-- and "1A C 2B" where a grid row takes several columns.
local function rows_line(fields, nrows, options_of, several, noun_of)
  local parts = {}
  for r = 1, nrows do
    local set, pos = label_set(options_of(r))
    local got, seen = {}, {}
    for _, v in ipairs(fields["part" .. r] or {}) do
      if v ~= "" then
        if not set[v] then
          return nil, ("There is no such choice for %s. Please choose again."):format(noun_of(r))
        end
        if not seen[v] then
          seen[v] = true
          got[#got + 1] = v
        end
      end
    end
    if #got == 0 then return nil, ("Please make a choice for %s."):format(noun_of(r)) end
    if #got > 1 and not several then
      return nil, ("Please choose only one for %s."):format(noun_of(r))
    end
    table.sort(got, function(a, b) return pos[a] < pos[b] end)
    parts[#parts + 1] = r .. table.concat(got, " ")
  end
  return table.concat(parts, " ")
end

-- The current order of an ordering question from the `order` field: the
-- shown labels, each once; nil when it is not that.
function M.order(view, text)
  if type(text) ~= "string" or #text > 4 * #view.blocks[1].items + 8 then return nil end
  local set = label_set(view.blocks[1].items)
  local out, seen = {}, {}
  for label in text:gmatch("%S+") do
    if not set[label] or seen[label] then return nil end
    seen[label] = true
    out[#out + 1] = label
  end
  if #out ~= #view.blocks[1].items then return nil end
  return out
end

local function ordering(fields, view)
  local text, twice = one(fields, "order")
  local order = not twice and M.order(view, text)
  if not order then
    return nil, "The order could not be read. Please put the items in order again."
  end
  local move = one(fields, "move")
  if move then
    local dir, k = move:match("^(%a+):(%d+)$")
    k = tonumber(k)
    local j = k and (dir == "up" and k - 1 or dir == "down" and k + 1) or nil
    if not j or k < 1 or k > #order or j < 1 or j > #order then
      return nil, "That move could not be made. Please try again."
    end
    order[k], order[j] = order[j], order[k]
    -- Keep the focus on the item moved, on the same button where it can.
    local focus = ("%s:%d"):format(dir, j)
    if (dir == "up" and j == 1) or (dir == "down" and j == #order) then
      focus = ("%s:%d"):format(dir == "up" and "down" or "up", j)
    end
    return false, order, focus
  end
  return table.concat(order, " ")
end

-- Text typed in a field: readable UTF-8, not too long, no control
-- characters but line breaks (multiline) and tabs (as spaces).
local function typed(fields, name, multiline)
  local v, twice = one(fields, name)
  if twice then return nil, "Please type your answer once." end
  v = v or ""
  if #v > M.MAX_VALUE then return nil, "That answer is too long. Please keep it shorter." end
  if not utf8.len(v) then
    return nil, "That text has characters that could not be read. Please type it again."
  end
  if v:find("%z") then
    return nil, "That text has characters that could not be read. Please type it again."
  end
  -- C1 controls (U+0080 to U+009F) go too: a terminal may act on them.
  v = v:gsub("\r\n?", "\n"):gsub("\t", " "):gsub("[\1-\8\11\12\14-\31\127]", "")
       :gsub("\194[\128-\159]", "")
  if multiline then
    -- The terminal ends an own-words answer at an empty line and joins the
    -- lines before it with line breaks: empty lines cannot be inside it.
    local lines = {}
    for line in (v .. "\n"):gmatch("(.-)\n") do
      if line:match("%S") then lines[#lines + 1] = line end
    end
    v = table.concat(lines, "\n")
  else
    v = v:gsub("\n", " ")
  end
  v = util.trim(v)
  if v == "" then
    return nil, multiline and "Please say it in your own words, or choose Skip." or
      "Please type an answer, or choose Skip."
  end
  if #v > M.MAX_LINE then return nil, "That answer is too long. Please keep it shorter." end
  return v
end

local function answer_line(s, item, fields)
  local view = item.t.present(item.q, item.perm)
  local input = view.input
  local line, why, focus
  if input == "single" or input == "truefalse" then
    line, why = single_line(fields, view)
  elseif input == "multiple" then
    line, why = multiple_line(fields, view)
  elseif input == "matching" then
    local lefts, rights = view.blocks[1].items, view.blocks[2].items
    line, why = rows_line(fields, #lefts, function() return rights end, false,
                          function(r) return ("row %d (%s)"):format(r, lefts[r].text) end)
  elseif input == "cloze" then
    line, why = rows_line(fields, view.parts.count, function(r) return view.parts.options[r] end,
                          false, function(r) return ("blank %d"):format(r) end)
  elseif input == "matrix" then
    local rows = view.blocks[1].items
    line, why = rows_line(fields, view.parts.count, function(r) return view.parts.options[r] end,
                          not view.parts.one,
                          function(r) return ("row %d (%s)"):format(r, rows[r].text) end)
  elseif input == "ordering" then
    line, why, focus = ordering(fields, view)
    if line == false then return false, why, focus end
  elseif input == "numeric" then
    line, why = typed(fields, "number", false)
  else
    line, why = typed(fields, "text", view.multiline)
  end
  if not line then return nil, why end
  -- The type reads it as the terminal would: refuse here what it would
  -- refuse there, so a refused post leaves nothing in the store.  Words
  -- alone ("s", "q") are commands at the terminal too: the same here.
  if not view.multiline or not (#line == 1 and line:find("^[?hHsSqQ]$")) then
    local response, msg = item.t.parse(item.q, line, item.perm)
    if response == nil then return nil, msg or "That answer could not be read. Please try again." end
  end
  return line
end

-- The line for a post at the attempt's current phase.  Returns:
--   line (a string, maybe "")       feed it;
--   nil, message                    show the page again with the message;
--   false, order, focus             an ordering question re-drawn after a
--                                   move (a list of labels), nothing fed.
function M.line(s, fields)
  fields = fields or {}
  local item = s.items[s.pos]
  if s.quit or not item then return nil, "This quiz is over." end
  local _, twice = one(fields, "action")
  if twice then return nil, "Please choose one button." end
  local phase = s.phase
  if phase == "confirm" then return yes_no(fields, false) end
  if phase == "assist" then return yes_no(fields, true) end
  if phase == "certainty" then return certainty_line(fields) end
  local a = action_of(fields)
  if phase == "pause" then
    if a == "quit" then return "q" end
    if a == "next" or a == "answer" then return "" end
    return nil, "Please choose Next or Stop."
  end
  if COMMAND[a] then
    if a == "hint" and not require("report").offers(s, "hint") then
      return nil, "There are no hints here."
    end
    return COMMAND[a]
  end
  if a ~= "answer" then return nil, "That button does not belong to this question." end
  return answer_line(s, item, fields)
end

-- Is this post's step the attempt's current count of inputs?  (A double
-- tap or an old tab posts a count that has passed.)
function M.step_ok(fields, count)
  local v = one(fields or {}, "step")
  return v ~= nil and v == tostring(count)
end

return M
