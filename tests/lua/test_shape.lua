-- host.shape (engine/shape.c): the usual node's fields checked in one
-- call.  A yes must mean the checks of schema.lua have nothing to say and
-- leave the node as shape left it; a no must change nothing.
local T = ...
local schema = require("schema")

local null = host.null

local SPEC = schema.shape(schema.set { "name", "title", "on", "points", "notes" }, {
  { "name", "id", true }, { "title", "text", true }, { "on", "bool", false },
  { "points", "absent", 1 }, { "notes", "texts" } })

local function fits(node, spec) return host.shape(node, spec or SPEC) end

T.test("shape: a usual node fits, converted as the checks convert it", function()
  local node = { name = "q-1", title = "Bone pain", on = "true" }
  T.eq(fits(node), true)
  T.eq(node, { name = "q-1", title = "Bone pain", on = true, points = 1 })
  node = { name = "a", title = "x", on = "false", notes = { "one", "two" } }
  T.eq(fits(node), true)
  T.eq(node, { name = "a", title = "x", on = false, points = 1, notes = { "one", "two" } })
  node = { name = "a", title = "x", on = null, points = null }
  T.eq(fits(node), true)
  T.eq(node, { name = "a", title = "x", on = false, points = 1 })
  node = { name = "a", title = "x", on = true }
  T.eq(fits(node), true)
  T.eq(node.on, true)
end)

T.test("shape: text is a string with no control character and more than white space", function()
  local function text_fits(s) return fits({ name = "a", title = s }) end
  T.eq(text_fits("a\tb\nc"), true)          -- tab and newline are text
  T.eq(text_fits(" x"), true)
  T.eq(text_fits("\195\169t\195\169"), true) -- é, two bytes
  T.eq(text_fits(""), false)
  T.eq(text_fits(" \t\n\r\v\f"), false)      -- white space only
  T.eq(text_fits("a\27[2Jb"), false)         -- ESC
  T.eq(text_fits("a\0b"), false)             -- NUL inside
  T.eq(text_fits("a\127"), false)            -- DEL
  T.eq(text_fits("a\194\133b"), false)       -- U+0085, a C1 control
  T.eq(text_fits(5), false)                  -- the checks convert a number; shape leaves it to them
  T.eq(text_fits(null), false)
  T.eq(text_fits({}), false)
  T.eq(text_fits(true), false)
  T.eq(fits({ name = "a" }), false)          -- required
  T.eq(text_fits(("x"):rep(1 << 20) .. "\1"), false)
  T.eq(text_fits((" "):rep(1 << 20)), false)
  T.eq(text_fits((" "):rep(1 << 20) .. "y"), true)
end)

T.test("shape: an id is 1 to 64 lower-case letters, digits and dashes", function()
  local function id_fits(s) return fits({ name = s, title = "x" }) end
  T.eq(id_fits("a"), true)
  T.eq(id_fits("0-a-"), true)
  T.eq(id_fits(("a"):rep(64)), true)
  T.eq(id_fits(("a"):rep(65)), false)
  T.eq(id_fits("-a"), false)
  T.eq(id_fits(""), false)
  T.eq(id_fits("A"), false)
  T.eq(id_fits("a_b"), false)
  T.eq(id_fits("a b"), false)
  T.eq(id_fits("\195\169"), false)
  T.eq(id_fits("a\0"), false)
  T.eq(id_fits(1), false)
  T.eq(fits({ title = "x" }), false)         -- required
end)

T.test("shape: true or false as written; anything else is the checks' to judge", function()
  for _, s in ipairs { "True", "TRUE", "yes", "no", "on", "1", "", "true " } do
    local node = { name = "a", title = "x", on = s }
    T.eq(fits(node), false, s)
    T.eq(node.on, s, "unchanged: " .. s)
  end
  T.eq(fits({ name = "a", title = "x", on = 1 }), false)
  T.eq(fits({ name = "a", title = "x", on = {} }), false)
end)

T.test("shape: an absent field must be absent (or null)", function()
  T.eq(fits({ name = "a", title = "x", points = "2" }), false)
  T.eq(fits({ name = "a", title = "x", points = 2 }), false)
end)

T.test("shape: a list of texts has keys 1..n, n >= 1, each a text", function()
  local function notes_fit(l) return fits({ name = "a", title = "x", notes = l }) end
  T.eq(notes_fit({ "a" }), true)
  T.eq(notes_fit({}), false)                 -- [] or {}: the checks ask the positions
  T.eq(notes_fit({ "a", "" }), false)
  T.eq(notes_fit({ "a", [3] = "c" }), false) -- a hole
  T.eq(notes_fit({ "a", x = "y" }), false)
  T.eq(notes_fit({ [0] = "a" }), false)
  T.eq(notes_fit({ [1.5] = "a" }), false)
  T.eq(notes_fit({ { "a" } }), false)
  T.eq(notes_fit({ "a\27" }), false)
  T.eq(notes_fit(null), false)
  T.eq(notes_fit("a"), false)
end)

T.test("shape: unknown fields, and no spec of allowed names", function()
  T.eq(fits({ name = "a", title = "x", titel = "y" }), false)
  T.eq(fits({ name = "a", title = "x", [1] = "y" }), false)
  T.eq(fits({ name = "a", title = "x", [true] = "y" }), false)
  local open = schema.shape(nil, { { "title", "text", true } })
  T.eq(host.shape({ title = "x", anything = {} }, open), true)
  T.eq(host.shape("text", open), false)      -- not a table
  T.eq(host.shape(null, open), false)
end)

local OPTION = schema.shape(schema.set { "text", "correct", "fixed" }, {
  { "text", "text", true }, { "correct", "bool", false }, { "fixed", "bool", false } }, 2)
local OPTIONS = schema.shape(nil, { { "options", "maps", OPTION } })

T.test("shape: a list of mappings, each with a spec of its own, at least min of them", function()
  local q = { options = { { text = "A", correct = "true" }, { text = "B", fixed = "false" } } }
  T.eq(host.shape(q, OPTIONS), true)
  T.eq(q.options, { { text = "A", correct = true, fixed = false },
                    { text = "B", correct = false, fixed = false } })
  T.eq(host.shape({ options = { { text = "A" } } }, OPTIONS), false)        -- min 2
  T.eq(host.shape({ options = { { text = "A" }, {} } }, OPTIONS), false)    -- empty entry
  T.eq(host.shape({ options = { { text = "A" }, { "B" } } }, OPTIONS), false)
  T.eq(host.shape({ options = { { text = "A" }, { text = "B", [1] = "x" } } }, OPTIONS), false)
  T.eq(host.shape({ options = { { text = "A" }, { text = "B", colour = "x" } } }, OPTIONS), false)
  T.eq(host.shape({ options = { { text = "A" }, "B" } }, OPTIONS), false)
  T.eq(host.shape({ options = { { text = "A" }, null } }, OPTIONS), false)
  T.eq(host.shape({ options = { text = "A" } }, OPTIONS), false)           -- a mapping
  T.eq(host.shape({ options = {} }, OPTIONS), false)
  T.eq(host.shape({}, OPTIONS), false)                                     -- required
end)

T.test("shape: a no changes nothing, even what an earlier entry would have had converted", function()
  local q = { options = { { text = "A", correct = "true" }, { text = "B", correct = "yes" } } }
  T.eq(host.shape(q, OPTIONS), false)
  T.eq(q.options, { { text = "A", correct = "true" }, { text = "B", correct = "yes" } })
end)

T.test("shape: a malformed spec is an error, not a crash", function()
  T.eq(pcall(schema.shape, nil, { { "x", "number" } }), false)
  local ok, err = pcall(host.shape, { x = "a" }, { "x", 1, false })
  T.eq(ok, false)
  T.ok(tostring(err):find("needs an index", 1, true), err)
  ok, err = pcall(host.shape, { x = "a" }, { index = { x = 1 << 4 | 7 }, "x", 7, false })
  T.eq(ok, false)
  T.ok(tostring(err):find("unknown kind 7", 1, true), err)
  ok, err = pcall(host.shape, { x = "a" }, { index = { x = 1 }, "x", 1, false })
  T.eq(ok, false)
  T.ok(tostring(err):find("field number 0", 1, true), err)
  T.eq(pcall(host.shape, {}, "spec"), false)
  local selfish = schema.shape(nil, { { "x", "maps" } })
  selfish[3] = selfish                         -- a spec that holds itself: bounded
  local deep = { y = 1 }
  for _ = 1, 12 do deep = { x = { deep } } end
  ok, err = pcall(host.shape, deep, selfish)
  T.eq(ok, false)
  T.ok(tostring(err):find("nested too deep", 1, true), err)
end)

-- The checks of schema.lua on a copy, for the differential test below.
local function copy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, x in pairs(t) do c[k] = copy(x) end
  return c
end

local function checked(o)
  local v = schema.new("t.yaml", {})
  v:fields(o, OPTION.allowed, "option")
  v:string(o, "text", { required = true })
  v:bool(o, "correct", false)
  v:bool(o, "fixed", false)
  return v
end

-- One option as the list's only entry (no fewest).
local ONE = schema.shape(nil, { { "o", "maps", schema.shape(OPTION.allowed, {
  { "text", "text", true }, { "correct", "bool", false }, { "fixed", "bool", false } }) } })

T.test("shape: every yes is a node the checks pass and leave the same (each value in each field)", function()
  local values = { "A", "", " ", "a\27", "true", "false", "True", "yes", 5, 2.5, true, false,
                   null, {}, { "x" }, { a = 1 }, "\194\133", "a\tb" }
  local yes = 0
  for _, field in ipairs { "text", "correct", "fixed", "other" } do
    for _, x in ipairs(values) do
      local o = { text = "Bone", correct = "true" }
      o[field] = x
      local a, b = copy(o), copy(o)
      local what = field .. " = " .. tostring(x)
      local v = checked(b)
      if host.shape({ o = { a } }, ONE) then
        yes = yes + 1
        T.eq(v.errors + v.warnings, 0, what)
        T.eq(a, b, what)
      else
        T.eq(a, o, "unchanged: " .. what)
      end
    end
  end
  -- text: A, true, false, True, yes, a<tab>b; correct and fixed: "true",
  -- "false", true, false, null; an unknown field never.
  T.eq(yes, 16)
end)

T.test("shape_spec: the same spec as schema's rules in Lua, made in C", function()
  local quiz = require("quiz")
  local allowed = schema.set({ "id", "type", "prompt" })
  -- The usual question's fields (quiz.lua), choice's options, an id alone.
  local usual = {
    { "topic", "id", true }, { "prompt", "text", true }, { "explain", "text", true },
    { "points", "absent", 1 }, { "objective", "text" }, { "hints", "texts" },
    { "safety", "bool", false }, { "safety_message", "text" }, { "source", "text", true },
    { "quote", "text" } }
  T.eq(host.shape_spec(allowed, usual), schema.shape_rules(allowed, usual))
  T.eq(schema.shape(allowed, usual), schema.shape_rules(allowed, usual))
  local sub = schema.shape_rules(nil, { { "text", "text", true }, { "correct", "bool", false } })
  T.eq(host.shape_spec(nil, { { "options", "maps", sub } }, 2),
       schema.shape_rules(nil, { { "options", "maps", sub } }, 2))
  T.eq(host.shape_spec(nil, {}), schema.shape_rules(nil, {}))
  T.ok(#quiz.TYPES > 5)
  -- Random specs: every kind, arguments of each sort, up to 62 fields.
  local rng = T.rng(18)
  local kinds = { "text", "id", "bool", "absent", "texts", "maps" }
  local args = { true, false, 1, "x", sub }
  for _ = 1, 2000 do
    local fields = {}
    for i = 1, rng:int(0, 62) do
      fields[i] = { "f" .. rng:int(1, 80), kinds[rng:int(1, #kinds)] }
      if rng:int(0, 2) > 0 then fields[i][3] = args[rng:int(1, #args)] end
    end
    local al = rng:int(0, 1) == 1 and allowed or nil
    local min = rng:int(0, 1) == 1 and rng:int(0, 3) or nil
    T.eq(host.shape_spec(al, fields, min), schema.shape_rules(al, fields, min))
  end
  -- Not a spec C makes: the Lua says why.
  T.eq(host.shape_spec(nil, { { "x", "number" } }), nil)
  local many = {}
  for i = 1, 63 do many[i] = { "f" .. i, "text" } end
  T.eq(host.shape_spec(nil, many), nil)
  local ok, err = pcall(schema.shape, nil, many)
  T.eq(ok, false)
  T.ok(tostring(err):find("at most 62 fields", 1, true), err)
end)
