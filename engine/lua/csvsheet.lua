-- csvsheet.lua: a class's answer sheets in CSV (read by csv.c), and CSV
-- written for a gradebook.
--
-- The header is `learner`, then one column per question id; each row is
-- one learner's answers in the answers-file notation (labels in the order
-- the quiz file lists things).  An empty cell is a question left blank.
-- Problems carry FILE:LINE:COL; a malformed row is reported and skipped,
-- never graded.

local csv = require("csv")
local util = require("util")

local M = {}

local function problem(list, file, line, col, fmt, ...)
  -- A cell is quoted as it is: its control characters are shown escaped.
  list[#list + 1] = require("schema").show_controls(("%s:%d:%d: error: %s"):format(file, line,
    col, fmt:format(...)))
end

-- A problem at field i of record rec, where that field starts.
local function problem_at(list, file, rec, i, fmt, ...)
  local p = rec.pos[i]
  problem(list, file, p >> 32, p & 0xFFFFFFFF, fmt, ...)
end

-- Read a sheet for `quiz`.  Returns sheet = {ids = {...}, rows = {...}},
-- each row a csv record (learner = its name, line, pos = each cell's own
-- (line << 32) | column, as a cell after one spanning lines is on a later
-- line, and the cell for ids[k] at index k + 1), and the problems (lines).
-- sheet is nil when the header itself is unusable.
function M.read(path, quiz)
  local records, bad = csv.read(path)
  if not records then return nil, { bad } end
  local problems = {}
  for _, p in ipairs(bad) do
    problem(problems, path, p.line, p.col, "%s; row skipped", p.message)
  end
  local header = records[1]
  if not header then
    problems[#problems + 1] = path .. ":1:1: error: the sheet is empty; expected a header " ..
      "line: learner, then one question id per column"
    return nil, problems
  end
  local known, ids = {}, {}
  for _, q in ipairs(quiz.questions) do known[#known + 1] = q.id end
  local pool = {}
  for _, id in ipairs(known) do pool[id] = true end
  if util.trim(header[1]):lower() ~= "learner" then
    problem_at(problems, path, header, 1,
            "the first column must be 'learner', found '%s'", header[1])
    return nil, problems
  end
  local seen, suggested = {}, 0
  for i = 2, #header do
    local id = util.trim(header[i])
    if not pool[id] then
      -- A header may have 4,096 columns: suggest for the first 20 only
      -- (each is a string distance against every question id).
      suggested = suggested + 1
      local near = suggested <= 20 and util.did_you_mean(id, known)
      problem_at(problems, path, header, i, "no question '%s' in quiz '%s'%s",
              id, quiz.id, near and ("; did you mean '" .. near .. "'?") or "")
    elseif seen[id] then
      problem_at(problems, path, header, i, "question '%s' has two columns", id)
    end
    seen[id] = true
    ids[#ids + 1] = id
  end
  if #ids == 0 then
    problem(problems, path, header.line, 1, "no question columns after 'learner'")
  end
  -- A bad header would mark every row wrongly: nothing is graded.
  if #problems > #bad then return nil, problems end
  local sheet = { ids = ids, rows = {} }
  for r = 2, #records do
    local rec = records[r]
    if #rec ~= #header then
      problem(problems, path, rec.line, 1, "%d fields, but the header has %d; row skipped",
              #rec, #header)
    else
      local learner = util.trim(rec[1])
      local okutf = true
      for i = 1, #rec do
        if not utf8.len(rec[i]) then
          problem_at(problems, path, rec, i, "not valid UTF-8 text; row skipped")
          okutf = false
          break
        end
      end
      if okutf and learner == "" then
        problem(problems, path, rec.line, 1, "no learner name or code; row skipped")
      elseif okutf then
        -- The record itself is the row: cell of ids[k] at rec[k + 1].
        rec.learner = learner
        sheet.rows[#sheet.rows + 1] = rec
      end
    end
  end
  return sheet, problems
end

-- A row's cell for ids[k], trimmed; nil when blank.
function M.cell(row, k)
  local c = row[k + 1]
  if c:find("^%s") or c:find("%s$") then c = util.trim(c) end
  if c == "" then return nil end
  return c
end

-- A row's cells by question id, and where each is ((line << 32) |
-- column), for answers.apply.
function M.cells(sheet, row)
  local cells, pos = {}, {}
  for k, id in ipairs(sheet.ids) do
    cells[id] = M.cell(row, k)
    pos[id] = row.pos[k + 1]
  end
  return cells, pos
end

-- One CSV field, quoted when it must be (RFC 4180).
function M.field(v)
  if v == nil then return "" end
  local s = tostring(v)
  if s:find('[",\r\n]') or s:match("^%s") or s:match("%s$") then
    return '"' .. s:gsub('"', '""') .. '"'
  end
  return s
end

function M.line(fields)
  local out = {}
  for i = 1, #fields do out[i] = M.field(fields[i]) end
  -- One empty cell is quoted: an empty line would read back as no row.
  if #out == 1 and out[1] == "" then out[1] = '""' end
  return table.concat(out, ",") .. "\r\n"
end

return M
