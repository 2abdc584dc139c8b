-- Support modules: numbers, did-you-mean, labels, JSON, material passages, rng.
local T = ...
local json = require("json")
local material = require("material")
local rng = require("rng")
local schema = require("schema")
local util = require("util")

T.test("numbers: decimal point and comma; junk refused", function()
  T.eq(schema.to_number("72.5"), 72.5)
  T.eq(schema.to_number("72,5"), 72.5)
  T.eq(schema.to_number(" 70 "), 70)
  T.eq(schema.to_number("-1e3"), -1000.0)
  T.eq(schema.to_number("1,000,000"), nil)
  T.eq(schema.to_number("0x10"), nil)
  T.eq(schema.to_number("inf"), nil)
  T.eq(schema.to_number("nan"), nil)
  T.eq(schema.to_number("1e999"), nil)
  T.eq(schema.to_number(""), nil)
end)

T.test("did you mean: near misses only", function()
  local fields = { "options", "prompt", "explain", "source" }
  T.eq(util.did_you_mean("optoins", fields), "options")
  T.eq(util.did_you_mean("promt", fields), "prompt")
  T.eq(util.did_you_mean("colour", fields), nil)
end)

T.test("labels: A..Z then AA; and back", function()
  T.eq({ util.label(1), util.label(26), util.label(27) }, { "A", "Z", "AA" })
  T.eq({ util.label_index("a"), util.label_index("C"), util.label_index("AA") }, { 1, 3, 27 })
  T.eq(util.label_index("1"), nil)
end)

T.test("round: four decimals, integers stay integers", function()
  T.eq(util.fmt_num(1 / 3), "0.3333")
  T.eq(util.fmt_num(81.25), "81.25")
  T.eq(util.fmt_num(8.0), "8")
  T.eq(util.fmt_num(2 / 3), "0.6667")
end)

T.test("json: ordered objects, arrays, escapes, null", function()
  local o = json.object({ "b", "a", "n" }, { a = 1, b = "x\"\n", n = util.null })
  T.eq(json.encode(o), '{"b":"x\\"\\n","a":1,"n":null}')
  T.eq(json.encode({ 1, 2.5, true }), "[1,2.5,true]")
  T.eq(json.encode(json.array()), "[]")
  T.eq(json.encode({ z = 1, a = 2 }), '{"a":2,"z":1}')
  T.eq(json.encode("\1"), '"\\u0001"')
end)

T.test("material: plain text drops marks, folds spaces, skips tables", function()
  local paras = material.paragraphs("Some **bold** and `code`\ntext.\n\n| a | b |\n|---|---|\n\n" ..
                                    "- a [link](http://x) item\n- second\n")
  T.eq(paras, { "Some bold and code text.", "a link item", "second" })
end)

T.test("material: passage is the sentence holding the quote", function()
  local sec = { text = "First idea here. About 7 in 10 people get it.\nThird one!\n\nNext para." }
  T.eq(material.passage(sec, "7 in 10"), "About 7 in 10 people get it.")
  T.eq(material.passage(sec, nil), "First idea here. About 7 in 10 people get it. Third one!")
  T.ok(material.has_quote(sec, "people   get\nit"))
  T.ok(not material.has_quote(sec, "people got it"))
end)

T.test("rng: same seed, same numbers; int stays in range; shuffle is a permutation", function()
  local a, b = rng.new(42), rng.new(42)
  for _ = 1, 5 do T.eq(a:int(1, 6), b:int(1, 6)) end
  local r = rng.new(1)
  local seen = {}
  for _ = 1, 600 do
    local x = r:int(1, 6)
    T.ok(x >= 1 and x <= 6)
    seen[x] = true
  end
  T.eq(#seen, 6)
  local list = r:shuffle({ 1, 2, 3, 4, 5 })
  table.sort(list)
  T.eq(list, { 1, 2, 3, 4, 5 })
end)

T.test("rng: pinned values, so an attempt is the same on every machine", function()
  local r = rng.new(7)
  T.eq({ r:int(1, 100), r:int(1, 100), r:int(1, 100) }, { 98, 38, 20 })
end)

T.test("rng: seeding follows splitmix64 (published first output for seed 0)", function()
  T.eq(rng.new(0)[1], 0xe220a8397b1dcdaf)
end)

T.test("rng: a name's hash is FNV-1a, in C as in the Lua loop", function()
  T.ok(rng.hash ~= rng.hash_bytes)
  T.eq(rng.hash(""), 0xcbf29ce484222325)            -- the offset basis
  T.eq(rng.hash("a"), 0xaf63dc4c8601ec8c)           -- the published value
  T.eq(rng.new(5):derive("perm:q1").seed, 5 ~ rng.hash_bytes("perm:q1"))
  local r = rng.new(17)
  for _ = 1, 5000 do
    local bytes = {}
    for j = 1, r:int(0, 40) do bytes[j] = r:int(0, 255) end
    local s = string.char(table.unpack(bytes))
    T.eq(rng.hash(s), rng.hash_bytes(s), s)
  end
end)

T.test("readability: the reference's sanity sentence (6 words, 6 syllables)", function()
  local readability = require("readability")
  T.eq({ readability.counts("The cat sat on the mat.") }, { 6, 1, 6 })
  -- 0.39 * 6 + 11.8 * 1 - 15.59
  T.eq(readability.grade("The cat sat on the mat."), -1.45)
end)

T.test("readability: syllables by vowel groups, silent e, -le", function()
  local r = require("readability")
  T.eq({ r.syllables("table"), r.syllables("make"), r.syllables("bone"),
         r.syllables("medicine"), r.syllables("the"), r.syllables("called") },
       { 2, 1, 1, 3, 1, 1 })
end)

T.test("readability: listed drug names are left out; each line is a sentence", function()
  local r = require("readability")
  T.eq({ r.counts("Denosumab helps bones.") }, { 2, 1, 2 })
  T.eq({ r.counts("a cough\nbone pain") }, { 4, 2, 4 })
end)

T.test("is_right: a whole mark give or take rounding; credit above rounding", function()
  T.eq(util.is_right(1), true)
  T.eq(util.is_right(1 / 3 + 1 / 3 + 1 / 3), true)
  T.eq(util.is_right(0.1 + 0.2 + 0.7), true)
  T.eq(util.is_right(1 - 1e-10), true)
  T.eq(util.is_right(0.999), false)
  T.eq(util.is_right(0), false)
  T.eq(util.has_credit(0), false)
  T.eq(util.has_credit(1e-10), false)
  T.eq(util.has_credit(0.25), true)
  T.eq(util.has_credit(-2), false)
end)

-- normalize skips the character map for ASCII text and trims without
-- patterns; the result must be the one the pattern-only form gives.
T.test("textnorm: normal forms as the pattern-only definition gives them", function()
  local textnorm = require("textnorm")
  local function by_patterns(s)       -- ASCII text: the map changes nothing
    s = s:lower():gsub("[%p%c]", " "):gsub("%s+", " ")
    return (s:gsub("^ ", ""):gsub(" $", ""))
  end
  for _, s in ipairs({ "", " ", "  A  b  ", "Don't STOP!", "\tx\n", "...", "a\0b", "x ",
                       " x", "- a -", "\127\1z" }) do
    T.eq(textnorm.normalize(s), by_patterns(s), ("%q"):format(s))
  end
  T.eq(textnorm.normalize("  Bone,  BONES! "), "bone bones")
  T.eq(textnorm.normalize(" Caf\xc3\xa9\xc2\xa0au LAIT "), "cafe au lait")
end)
