-- Tests for textnorm.lua and types/text.lua (short typed answers).

local T = ...
local textnorm = require("textnorm")
local text = require("types.text")

local HEAD = "id: q1\ntype: text\ntopic: t\nprompt: Name it.\nexplain: x\nsource: doc#sec\n"

T.test("textnorm: case, accents, punctuation and spaces", function()
  local n = textnorm.normalize
  T.eq(n("  Ostéoclasts!! "), "osteoclasts")
  T.eq(n("bone-metastasis, (lytic)"), "bone metastasis lytic")
  T.eq(n("a\t\n  b"), "a b")
  T.eq(n("...!?"), "")
  T.eq(n(""), "")
end)

T.test("textnorm: Latin-1 Supplement letters", function()
  local n = textnorm.normalize
  T.eq(n("ÀÁÂÃÄÅ àáâãäå"), "aaaaaa aaaaaa")
  T.eq(n("Æsop æ"), "aesop ae")
  T.eq(n("Straße"), "strasse")
  T.eq(n("Ñandú"), "nandu")
  T.eq(n("Øresund ø"), "oresund o")
  T.eq(n("naïve café Çà"), "naive cafe ca")
  T.eq(n("Þorn ð ÿ Ý"), "thorn d y y")
  T.eq(n("2×3÷4"), "2 3 4", "× and ÷ are symbols, not letters")
end)

T.test("textnorm: Latin Extended-A letters", function()
  local n = textnorm.normalize
  T.eq(n("Łódź"), "lodz")
  T.eq(n("Œuvre œ"), "oeuvre oe")
  T.eq(n("Ĳssel"), "ijssel")
  T.eq(n("Čeština ěšřžý"), "cestina esrzy")
  T.eq(n("Ğ ı İ ş"), "g i i s")
  T.eq(n("ſ Ÿ ž"), "s y z")
end)

T.test("textnorm: other characters", function()
  local n = textnorm.normalize
  T.eq(n("cafe\u{301}"), "cafe", "a combining accent vanishes")
  T.eq(n("“Paget’s” — «bone» ¿sí?"), "paget s bone si")
  T.eq(n("5 µg"), "5 µg", "the micro sign is a unit letter")
  T.eq(n("β-Blocker"), "β blocker", "letters outside Latin are kept")
  T.eq(n("a\xff b"), "a\xff b", "bytes that are not UTF-8 are left alone")
  T.eq(n("x²"), "x2")
end)

T.test("textnorm: matches without a wildcard compares normal forms", function()
  T.ok(textnorm.matches("Paget's disease", "PAGET'S   disease."))
  T.ok(not textnorm.matches("Paget's disease", "pagets disease"))
  T.ok(textnorm.matches("Osteoclasts", "ostéoclasts"))
  T.ok(not textnorm.matches("osteoclast", "osteoclasts"))
end)

T.test("textnorm: * matches any run, including none", function()
  local m = textnorm.matches
  T.ok(m("osteoclast*", "Osteoclasts"))
  T.ok(m("osteoclast*", "osteoclast"), "* matches nothing")
  T.ok(not m("osteoclast*", "an osteoclast"), "anchored at the start")
  T.ok(m("*clast", "Osteoclast"))
  T.ok(not m("*clast", "osteoclasts"), "anchored at the end")
  T.ok(m("*bone*", "It is the BONE, I think"))
  T.ok(m("*bone*", "bones"))
  T.ok(m("osteo*cells", "osteoclast cells"))
  T.ok(m("osteo*cells", "osteo cells"))
  T.ok(m("a*b*c", "axxbyyc"))
  T.ok(not m("a*b*c", "acb"), "pieces in order")
  T.ok(not m("ab*ba", "aba"), "pieces may not overlap")
  T.ok(m("**x**", "x"))
end)

T.test("textnorm: pattern characters are plain text, and matching is linear", function()
  T.ok(textnorm.matches("[bone]", "bone"))
  T.ok(textnorm.matches("%d+ (.-)", "d"))
  T.ok(not textnorm.matches("%a", "b"))
  local long = ("a"):rep(200000)
  T.ok(not textnorm.matches("*a*a*a*a*b", long))
  T.ok(textnorm.matches("*a*a*a*a*", long))
end)

T.test("textnorm: has_content", function()
  T.eq(textnorm.has_content("*"), false)
  T.eq(textnorm.has_content("... *"), false)
  T.eq(textnorm.has_content(""), false)
  T.eq(textnorm.has_content("a*"), true)
end)

local function cell()
  return T.question(HEAD .. "accept:\n  - osteoclast*\n  - bone-eating cell*\n")
end

T.test("text: any accepted pattern scores 1", function()
  local q = cell()
  T.eq(text.score(q, "Ostéoclasts"), 1)
  T.eq(text.score(q, "OSTEOCLAST."), 1)
  T.eq(text.score(q, "Bone eating cells!"), 1)
  T.eq(text.score(q, "the osteoclast"), 0)
  T.eq(text.score(q, "osteoblast"), 0)
end)

T.test("textnorm: patterns kept once cut give the same answers, past the limit kept", function()
  -- 2,500 patterns (more than the 2,000 kept), each matched twice.
  for i = 1, 2500 do
    local p = "bone " .. i .. (i % 2 == 0 and "*" or "")
    T.eq(textnorm.matches(p, "Bone " .. i .. " cells"), i % 2 == 0, p)
    T.eq(textnorm.matches(p, "BONE " .. i .. "0"), i % 2 == 0, p)
    T.eq(textnorm.matches(p, "bone " .. i), true, p)
  end
  -- A pattern longer than those kept is cut again each time.
  local long = ("word "):rep(60) .. "*end"
  T.eq(textnorm.matches(long, ("Word "):rep(60) .. "the end"), true)
  T.eq(textnorm.matches(long, ("Word "):rep(60) .. "the end"), true)
  T.eq(textnorm.matches(long, ("Word "):rep(59) .. "the end"), false)
  T.eq(textnorm.matches_any({ "x*", long, "bone" }, "Bone!"), true)
  T.eq(textnorm.matches_any({ "x*", long }, "Bone!"), false)
  T.eq(textnorm.matches_any({}, "Bone!"), false)
end)

T.test("text: parse trims; refuses empty and non-text input", function()
  local q = cell()
  T.eq(text.parse(q, "  Osteoclasts "), "Osteoclasts")
  local r, why = text.parse(q, "   ")
  T.eq(r, nil)
  T.eq(why, "Type your answer in a word or a few words.")
  r, why = text.parse(q, { "x" })
  T.eq(r, nil)
  T.eq(why, "Type your answer as words.")
  r, why = text.parse(q, ("x"):rep(1001))
  T.eq(why, "That answer is too long; keep it under 1000 characters.")
end)

T.test("text: present, explain, encode, show", function()
  local q = cell()
  T.eq(text.shuffle(q, T.rng(1), true), nil)
  T.eq(text.present(q).input, "text")
  T.eq(text.explain(q, "x"), { answer = "osteoclast", notes = {} })
  T.eq(text.encode(q, "Osteoclasts"), "Osteoclasts")
  T.eq(text.show(q, "Osteoclasts"), "Osteoclasts")
end)

T.test("text: patterns with nothing to compare are errors", function()
  T.eq(T.errors(HEAD .. "accept:\n  - '*'\n  - osteoclast\n  - '...'\n"), {
    "8:5: pattern '*' has no letters or digits left to compare once case, accents and " ..
      "punctuation are ignored",
    "10:5: pattern '...' has no letters or digits left to compare once case, accents and " ..
      "punctuation are ignored",
  })
  T.eq(T.errors(HEAD .. "accept: []\n"), { "7:9: 'accept' needs at least 1 pattern, found 0" })
  T.eq(T.errors(HEAD), { "1:1: missing field 'accept'" })
end)
