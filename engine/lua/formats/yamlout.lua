-- formats/yamlout.lua: writes an imported quiz as teachback YAML, fields
-- in the order authors read them, text plain where YAML allows it and
-- double-quoted otherwise (so "no", "1.10" or "a: b" stay text).

local M = {}

-- Field order; fields not listed follow in alphabetical order.
local ORDER = { "id", "title", "audience", "version", "reviewed", "material", "description",
  "settings", "questions", "type", "topic", "prompt", "text", "options", "answer",
  "tolerance", "tolerance_pct", "unit", "accept", "pairs", "left", "right", "distractors",
  "items", "blanks", "columns", "rows", "key_points", "says", "any", "misconceptions", "feedback_true",
  "feedback_false", "correct", "feedback", "scoring", "pass", "explain", "source", "quote",
  "mode", "shuffle" }
local RANK = {}
for i, k in ipairs(ORDER) do RANK[k] = i end

-- A string is written plain where YAML reads it back as the same string
-- (not "no", "1.10", "a: b", nor text with control characters or line
-- breaks), double-quoted with YAML's escapes otherwise.  The byte work is
-- host.yaml_scalar (engine/outfile.c).
local yaml_scalar = host.yaml_scalar

function M.scalar(v, flow)
  if type(v) == "string" then return yaml_scalar(v, flow) end
  if type(v) == "boolean" then return tostring(v) end
  if math.type(v) == "integer" then return tostring(v) end
  if type(v) == "number" then return ("%.10g"):format(v) end
  return yaml_scalar(tostring(v), flow)
end

-- A map's keys in ORDER, then the others by name.  An insertion sort in
-- line: a map has a dozen keys at most, and a comparison function called
-- from table.sort cost more than the rest of the writing.
local function sorted_keys(t)
  local keys, ranks, n = {}, {}, 0
  for k in pairs(t) do
    local r = RANK[k] or 1000
    local i = n
    while i > 0 and (ranks[i] > r or (ranks[i] == r and keys[i] > k)) do
      keys[i + 1], ranks[i + 1] = keys[i], ranks[i]
      i = i - 1
    end
    keys[i + 1], ranks[i + 1] = k, r
    n = n + 1
  end
  return keys
end

local function is_list(t)
  return type(t) == "table" and (#t > 0 or next(t) == nil)
end

local SPACES = setmetatable({}, { __index = function(t, n)
  local s = string.rep(" ", n)
  t[n] = s
  return s
end })

local scalar = M.scalar
local emit

-- out is the list of lines, out.n its length.
local function emit_map(out, t, indent, first_prefix)
  local keys = sorted_keys(t)
  local n = out.n
  for i = 1, #keys do
    local k = keys[i]
    local v = t[k]
    local pre = (i == 1 and first_prefix) or SPACES[indent]
    if type(v) == "table" then
      if #v == 0 and next(v) == nil then
        n = n + 1
        out[n] = pre .. k .. ": []"
      elseif type(v[1]) ~= "table" and #v > 0 and #v <= 8 then
        local items = {}
        for j = 1, #v do items[j] = scalar(v[j], true) end
        local line = pre .. k .. ": [" .. table.concat(items, ", ") .. "]"
        n = n + 1
        if #line <= 100 then
          out[n] = line
        else
          out[n] = pre .. k .. ":"
          out.n = n
          emit(out, v, indent + 2)
          n = out.n
        end
      else
        n = n + 1
        out[n] = pre .. k .. ":"
        out.n = n
        emit(out, v, indent + 2)
        n = out.n
      end
    else
      n = n + 1
      out[n] = pre .. k .. ": " .. scalar(v)
    end
  end
  out.n = n
end

emit = function(out, v, indent)
  if is_list(v) then
    local pre = SPACES[indent] .. "- "
    for j = 1, #v do
      local x = v[j]
      if type(x) == "table" and not is_list(x) then
        emit_map(out, x, indent + 2, pre)
      elseif type(x) == "table" then
        out.n = out.n + 1
        out[out.n] = pre:sub(1, -2)
        emit(out, x, indent + 2)
      else
        out.n = out.n + 1
        out[out.n] = pre .. scalar(x)
      end
    end
  else
    emit_map(out, v, indent)
  end
end

-- The document: optional comment lines first, then the value.
function M.document(v, comments)
  local out = { n = 0 }
  for _, c in ipairs(comments or {}) do
    out.n = out.n + 1
    out[out.n] = "# " .. c
  end
  emit(out, v, 0)
  return table.concat(out, "\n", 1, out.n) .. "\n"
end

return M
