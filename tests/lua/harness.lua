-- harness.lua: the tiny test framework for the engine's Lua, run by
-- tests/test_lua.c inside the same Lua state the binary uses.

local quiz = require("quiz")
local rng = require("rng")
local schema = require("schema")

local T = { tests = {} }

function T.test(name, fn)
  T.tests[#T.tests + 1] = { name = name, fn = fn, file = T.current_file }
end

local function show(v, depth)
  depth = depth or 0
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" or depth > 3 then return tostring(v) end
  local parts, keys = {}, {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    parts[#parts + 1] = "[" .. show(k) .. "]=" .. show(v[k], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end
T.show = show

local function equal(a, b)
  if type(a) == "number" and type(b) == "number" then
    return a == b or math.abs(a - b) <= 1e-9
  end
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for k, v in pairs(a) do if not equal(v, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end

function T.eq(actual, expected, msg)
  if not equal(actual, expected) then
    error(("%sexpected %s, got %s"):format(msg and (msg .. ": ") or "", show(expected),
                                           show(actual)), 2)
  end
end

function T.ok(cond, msg)
  if not cond then error(msg or "expected a true value", 2) end
end

-- A material index with one document "doc" and section "sec", for
-- questions in unit tests (source: doc#sec).
T.index = {
  dir = "(test)",
  docs = {
    doc = { id = "doc", path = "doc.md", order = { "sec" }, sections = {
      sec = { id = "sec", title = "Section", line = 1,
              text = "Some material text. It says about 7 in 10 people.\n" } } },
    bone = { id = "bone", path = "bone.md", order = { "bone-agents", "dental" }, sections = {
      ["bone-agents"] = { id = "bone-agents", title = "Medicines that protect bone", line = 1,
                          text = "These medicines slow the cells that break down bone.\n" },
      dental = { id = "dental", title = "Dental checks", line = 5,
                 text = "Tell your dentist about the medicine.\n" } } },
  },
}

local function validate(text)
  local data, where = host.parse_yaml(text, "question")
  if data == nil then error(where, 3) end
  local v = schema.new("question", where)
  v.fallback = data
  quiz.check_question(data, v, T.index)
  return data, v
end

function T.question(text)
  local q, v = validate(text)
  if v.errors > 0 then
    local msgs = {}
    for _, it in ipairs(v:sorted()) do msgs[#msgs + 1] = schema.format(it) end
    error("question does not validate:\n" .. table.concat(msgs, "\n"), 2)
  end
  return q
end

function T.errors(text)
  local _, v = validate(text)
  local out = {}
  for _, it in ipairs(v:sorted()) do
    if it.severity == "error" then
      out[#out + 1] = ("%d:%d: %s"):format(it.line, it.col, it.message)
    end
  end
  return out
end

-- A quiz file loaded and checked as `check` does, its material folders
-- read once per run; fails the test unless it checks clean.
local material_indexes = {}
function T.material(dir)
  material_indexes[dir] = material_indexes[dir] or require("material").load_dir(dir)
  return material_indexes[dir]
end

function T.quiz(path)
  local q, v = quiz.load(path, T.material)
  if not q or v.errors > 0 then error(path .. " does not check clean", 2) end
  return q
end

-- Lines the C harness prints after the run (figures worth seeing).
T.logs = {}
function T.log(line)
  T.logs[#T.logs + 1] = tostring(line)
end

-- Runs fn with teach-back's second reader (actnow.lua) switched on or off,
-- and puts the switch back as it was whatever happens: a failing check
-- must not leave it to the tests after it.
function T.with_second_reader(on, fn)
  local tb = require("types.teachback")
  local was = tb.SECOND_READER
  tb.SECOND_READER = on
  local ok, err = pcall(fn)
  tb.SECOND_READER = was
  if not ok then error(err, 0) end
end

-- A T whose tests run with the second reader off, for the files that
-- specify teach-back's rules alone (the reader may withdraw their urgent
-- credits; it is tested in test_actnow.lua and measured with the rules in
-- the agreement figures).
function T.rules_alone()
  local R = setmetatable({}, { __index = T })
  function R.test(name, fn)
    T.test(name, function() T.with_second_reader(false, fn) end)
  end
  return R
end

function T.rng(seed)
  return rng.new(seed)
end

function T.run(filter)
  local passed, failed = 0, 0
  for _, t in ipairs(T.tests) do
    if not filter or t.name:find(filter, 1, true) then
      local ok, err = pcall(t.fn)
      if ok then
        passed = passed + 1
      else
        failed = failed + 1
        T.failures = T.failures or {}
        T.failures[#T.failures + 1] = ("[  FAILED  ] %s: %s\n    %s"):format(t.file, t.name,
                                                                          tostring(err))
      end
    end
  end
  local report = {}
  for _, l in ipairs(T.logs) do report[#report + 1] = l end
  if T.failures then
    for _, l in ipairs(T.failures) do report[#report + 1] = l end
  end
  return passed, failed, #report > 0 and table.concat(report, "\n") or nil
end

return T
