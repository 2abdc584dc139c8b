-- formats/yamlout.lua: writes an imported quiz as teachback YAML, fields
-- in the order authors read them, text plain where YAML allows it and
-- double-quoted otherwise (so "no", "1.10" or "a: b" stay text), short
-- lists of scalars in flow ([a, b]) when the line stays within 100
-- columns.  The policy (the order) is here; the writing is
-- host.yaml_document and host.yaml_scalar (engine/outfile.c): as Lua, the
-- walk over a 1 MB import took longer than reading the GIFT.

local M = {}

-- Field order; fields not listed follow in alphabetical order.
local ORDER = { "id", "title", "audience", "version", "reviewed", "material", "description",
  "settings", "questions", "type", "topic", "prompt", "text", "options", "answer",
  "tolerance", "tolerance_pct", "unit", "accept", "pairs", "left", "right", "distractors",
  "items", "blanks", "columns", "rows", "key_points", "says", "any", "misconceptions",
  "feedback_true", "feedback_false", "correct", "feedback", "scoring", "pass", "explain", "source", "quote",
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

-- The document: optional comment lines first, then the value.
function M.document(v, comments)
  return host.yaml_document(v, RANK, comments or {})
end

return M
