-- formats/yamlout.lua: writes an imported quiz as teachback YAML, fields
-- in the order authors read them, text plain where YAML allows it and
-- double-quoted otherwise (so "no", "1.10" or "a: b" stay text).

local M = {}

-- Field order; fields not listed follow in alphabetical order.
local ORDER = { "id", "title", "audience", "version", "reviewed", "material", "description",
  "settings", "questions", "type", "topic", "prompt", "text", "options", "answer",
  "tolerance", "tolerance_pct", "unit", "accept", "pairs", "left", "right", "distractors",
  "items", "blanks", "key_points", "says", "any", "misconceptions", "feedback_true",
  "feedback_false", "correct", "feedback", "scoring", "pass", "explain", "source", "quote",
  "mode", "shuffle" }
local RANK = {}
for i, k in ipairs(ORDER) do RANK[k] = i end

local RESERVED = { ["true"] = 1, ["false"] = 1, yes = 1, no = 1, on = 1, off = 1,
  null = 1, ["~"] = 1, y = 1, n = 1 }

-- Text that needs no quotes: starts with a letter (or a UTF-8 byte), holds
-- none of YAML's indicators, and is no word YAML 1.1 reads as a boolean.
-- One find answers for most text; the rest takes the longer checks.
local SAFE = "^[%a\128-\255][%w\128-\255 %.%(%)/;'!?%-+=<>~^$_\\]*[%w\128-\255%.%)!?']$"

local function plain_ok(s, flow)
  if s:find(SAFE) then
    return not RESERVED[s:lower()]
  end
  if s == "" or RESERVED[s:lower()] then return false end
  if flow and s:find("[,%[%]{}]") then return false end
  if s:find("^[%s%-?:,%[%]{}#&*!|>'\"%%@`]") or s:find("%s$") then return false end
  if s:find(": ", 1, true) or s:find(" #", 1, true) or s:find(":$") then return false end
  if s:find("[%c]") or s:find("\194[\128-\159]") then return false end
  if s:find("^[%d%.%-+]") and tonumber(s) then return false end
  return true
end

local DQ = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\t"] = "\\t", ["\r"] = "\\r" }

function M.scalar(v, flow)
  if type(v) == "boolean" then return tostring(v) end
  if math.type(v) == "integer" then return tostring(v) end
  if type(v) == "number" then
    local s = ("%.10g"):format(v)
    return s
  end
  v = tostring(v)
  if plain_ok(v, flow) then return v end
  -- YAML may not hold C0, DEL or C1 characters raw: they are escaped, so
  -- what is written always reads back (found by fuzzing the importers).
  return '"' .. v:gsub('["\\\n\t\r]', DQ):gsub("[%z\1-\8\11\12\14-\31\127]", function(c)
    return ("\\x%02x"):format(c:byte())
  end):gsub("\194([\128-\159])", function(c) return ("\\x%02x"):format(c:byte()) end) .. '"'
end

local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ra, rb = RANK[a] or 1000, RANK[b] or 1000
    if ra ~= rb then return ra < rb end
    return a < b
  end)
  return keys
end

local function is_list(t)
  return type(t) == "table" and (#t > 0 or next(t) == nil)
end

local emit

local function emit_map(out, t, indent, first_prefix)
  local keys = sorted_keys(t)
  for n, k in ipairs(keys) do
    local v = t[k]
    local pre = (n == 1 and first_prefix) or string.rep(" ", indent)
    if type(v) == "table" then
      if #v == 0 and next(v) == nil then
        out[#out + 1] = pre .. k .. ": []"
      elseif is_list(v) and type(v[1]) ~= "table" and #v <= 8 then
        local items = {}
        for i, x in ipairs(v) do items[i] = M.scalar(x, true) end
        local line = pre .. k .. ": [" .. table.concat(items, ", ") .. "]"
        if #line <= 100 then
          out[#out + 1] = line
        else
          out[#out + 1] = pre .. k .. ":"
          emit(out, v, indent + 2)
        end
      else
        out[#out + 1] = pre .. k .. ":"
        emit(out, v, indent + 2)
      end
    else
      out[#out + 1] = pre .. k .. ": " .. M.scalar(v)
    end
  end
end

emit = function(out, v, indent)
  if is_list(v) then
    for _, x in ipairs(v) do
      local pre = string.rep(" ", indent) .. "- "
      if type(x) == "table" and not is_list(x) then
        emit_map(out, x, indent + 2, pre)
      elseif type(x) == "table" then
        out[#out + 1] = pre:sub(1, -2)
        emit(out, x, indent + 2)
      else
        out[#out + 1] = pre .. M.scalar(x)
      end
    end
  else
    emit_map(out, v, indent)
  end
end

-- The document: optional comment lines first, then the value.
function M.document(v, comments)
  local out = {}
  for _, c in ipairs(comments or {}) do out[#out + 1] = "# " .. c end
  emit(out, v, 0)
  return table.concat(out, "\n") .. "\n"
end

return M
