-- types/matrix.lua: a grid; for each row the learner picks a column (or,
-- in a multiple-response grid, every column that applies).  A row's
-- `answer` names its column(s) by text; any row with a list of answers
-- makes the whole grid multiple-response.
-- Scoring:
--   one answer per row: 0/1 per row; fraction = rows right / rows
--   multiple response (NCSBN +/- by column): per column, cells rightly
--     ticked minus cells wrongly ticked, floored at 0; the columns are
--     summed and divided by the number of keyed cells

local choice = require("types.choice")
local json = require("json")
local schema = require("schema")
local util = require("util")

local M = {}
M.fields = { "columns", "rows" }

local ROW_FIELDS = schema.set { "text", "answer" }

local function column_index(q)
  local idx = {}
  for j, c in ipairs(q.columns) do idx[c] = j end
  return idx
end

local function is_multi(q)
  for _, row in ipairs(q.rows) do
    if type(row.answer) == "table" then return true end
  end
  return false
end

-- Keyed columns of each row, as sets: keys[row][col] = true.
local function keys(q)
  local idx, out = column_index(q), {}
  for r, row in ipairs(q.rows) do
    out[r] = {}
    local a = row.answer
    for _, text in ipairs(type(a) == "table" and a or { a }) do out[r][idx[text]] = true end
  end
  return out
end

local function check_answer(v, node, key, idx, r)
  local text = v:string(node, key)
  if text and not idx[text] then
    -- did_you_mean lower-cases the typo only, so compare lower-case names.
    local names, original = {}, {}
    for name in pairs(idx) do
      names[#names + 1] = name:lower()
      original[name:lower()] = name
    end
    table.sort(names)
    local near = original[v:did_you_mean(text, names) or false]
    v:error(node, key, "answer '%s' of row %d is not one of the columns%s", text, r,
            near and ("; did you mean '" .. near .. "'?") or "")
  end
end

function M.validate(q, v)
  local cols = v:list(q, "columns", { required = true, min = 2, item = "column",
                                      items = "columns" })
  local idx = {}
  for j in ipairs(cols or {}) do
    local c = v:string(cols, j)
    if c then
      if idx[c] then
        v:error(cols, j, "column %d repeats column %d; every column must differ", j, idx[c])
      else
        idx[c] = j
      end
    end
  end
  local rows = v:list(q, "rows", { required = true, min = 1, item = "row", items = "rows" })
  for r in ipairs(rows or {}) do
    local row = v:entry_map(rows, r, "row")
    if row then
      v:fields(row, ROW_FIELDS, ("row %d"):format(r))
      v:string(row, "text", { required = true })
      local a = row.answer
      if util.is_null(a) then
        v:string(row, "answer", { required = true })
      elseif type(a) == "table" then
        local list = v:list(row, "answer", { min = 1, item = "column", items = "columns" })
        local seen = {}
        for k in ipairs(list or {}) do
          if cols then check_answer(v, list, k, idx, r) end
          if type(list[k]) == "string" then
            if seen[list[k]] then
              v:error(list, k, "row %d names column '%s' twice", r, list[k])
            end
            seen[list[k]] = true
          end
        end
      elseif cols then
        check_answer(v, row, "answer", idx, r)
      else
        v:string(row, "answer")
      end
    end
  end
end

function M.shuffle()
  return nil -- rows and columns keep their order: the grid is read as a table
end

function M.present(q)
  local rows = {}
  for r, row in ipairs(q.rows) do rows[r] = { label = tostring(r), text = row.text } end
  local multi = is_multi(q)
  local columns, options = choice.items(q.columns), {}
  for r = 1, #q.rows do options[r] = columns end
  return {
    prompt = q.prompt,
    blocks = {
      { title = "Rows", items = rows },
      { title = multi and "Columns (choose every one that applies to a row)" or
                "Columns (choose one for each row)", items = columns },
    },
    how = multi and "Type the letters of every column that applies, one row at a time, " ..
                    "or all rows at once, for example 1AC 2B."
               or "Type the letter of the column, one row at a time, or all rows at once, " ..
                  "for example 1A 2B.",
    input = "matrix",
    parts = { noun = "Row", count = #q.rows, options = options, one = not multi },
  }
end

local function parse(q, input)
  local multi, n = is_multi(q), #q.columns
  local rows, why = choice.rows(input, {
    single = not multi, rows = #q.rows, noun = "row",
    example = multi and "1AC 2B" or "1A 2B",
    width = function() return n end,
  })
  if not rows then return nil, why end
  local out = {}
  for r = 1, #q.rows do
    local labels = rows[r]
    if labels then
      if not multi and #labels > 1 then
        return nil, ("row %d takes one column, not %d"):format(r, #labels)
      end
      local got = {}
      for k, label in ipairs(labels) do
        local j, msg = choice.resolve(label, n, nil, "column")
        if not j then return nil, ("row %d: %s"):format(r, msg) end
        got[k] = j
      end
      local twice = choice.repeated(got, labels)
      if twice then return nil, ("row %d names column %s twice"):format(r, twice:upper()) end
      if multi then
        table.sort(got)
        out[r] = got
      elseif got[1] then
        out[r] = got[1]
      end
    end
  end
  return out
end
M.parse = choice.sentences(parse)

-- The column a text names, as column_index(q) has it: the last column
-- with that text (columns are checked to differ, so the only one).
local function column_of(columns, text)
  for j = #columns, 1, -1 do
    if columns[j] == text then return j end
  end
end

-- One answer per row: NCSBN's 0/1 rule over rows (the share right, and
-- each row's part), a row right when its column is the row's answer,
-- looked up by text with no table or closure per response.
local function score_single(q, response)
  local rows, columns = q.rows, q.columns
  local n, parts, got = #rows, {}, 0
  for r = 1, n do
    local j = response[r]
    local p = (j and j == column_of(columns, rows[r].answer)) and 1 or 0
    parts[r] = p
    got = got + p
  end
  return got / n, parts
end

function M.score(q, response)
  if not is_multi(q) then return score_single(q, response) end
  local key = keys(q)
  local net, keyed = {}, 0
  for j = 1, #q.columns do net[j] = 0 end
  for r = 1, #q.rows do
    local row = key[r]
    for _ in pairs(row) do keyed = keyed + 1 end
    local got = response[r]
    if got then
      for k = 1, #got do
        local j = got[k]
        net[j] = net[j] + (row[j] and 1 or -1)
      end
    end
  end
  local total = 0
  for j = 1, #q.columns do
    local v = net[j]
    total = total + (v > 0 and v or 0)
  end
  return total / keyed
end

local function columns_of(q, list)
  return table.concat(util.map(list, function(j) return q.columns[j] end), ", ")
end

local function keyed_list(q, key, r)
  local list = {}
  for j = 1, #q.columns do
    if key[r][j] then list[#list + 1] = j end
  end
  return list
end

local function same_list(a, b)
  if #a ~= #b then return false end
  for k = 1, #a do
    if a[k] ~= b[k] then return false end
  end
  return true
end

-- A note for each row answered wrongly or left out, with its right column(s).
function M.explain(q, response)
  local key, multi, notes = keys(q), is_multi(q), {}
  for r, row in ipairs(q.rows) do
    local want = keyed_list(q, key, r)
    local got = response and response[r]
    local same
    if multi then same = got ~= nil and same_list(got, want)
    else same = got == want[1] end
    if response and not same then
      if got ~= nil and (not multi or #got > 0) then
        notes[#notes + 1] = { mark = "wrong", text = ("%s: %s (right: %s)"):format(row.text,
          multi and columns_of(q, got) or q.columns[got], columns_of(q, want)) }
      else
        notes[#notes + 1] = { mark = "missed", text = ("%s: not answered (right: %s)"):format(
          row.text, columns_of(q, want)) }
      end
    end
  end
  local answer = choice.join_rows(#q.rows, function(r)
    return columns_of(q, keyed_list(q, key, r))
  end)
  return { answer = answer, notes = notes }
end

function M.encode(q, response)
  local multi = is_multi(q)
  return choice.encode_rows(#q.rows, function(r)
    local got = response[r]
    if got == nil then return nil end
    if multi then return json.array(util.map(got, util.label)) end
    return util.label(got)
  end)
end

function M.show(q, response)
  local multi = is_multi(q)
  return choice.join_rows(#q.rows, function(r)
    local got = response[r]
    if got == nil then return nil end
    return multi and (#got > 0 and columns_of(q, got) or "(none)") or q.columns[got]
  end)
end

return M
