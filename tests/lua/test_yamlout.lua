-- The YAML that imports write (formats/yamlout.lua, host.yaml_scalar in
-- engine/outfile.c) and the GIFT reader's block splitting: exact text by
-- hand, and every string read back as itself.
local T = ...
local yamlout = require("formats.yamlout")
local gift = require("formats.gift")

local function reads_back(s)
  local back, err = host.parse_yaml("t: " .. yamlout.scalar(s) .. "\n", "t.yaml")
  T.ok(back, err)
  T.eq(back and back.t, s)
end

T.test("yaml scalars: plain where YAML reads the same text", function()
  T.eq(yamlout.scalar("What is the dose?"), "What is the dose?")
  T.eq(yamlout.scalar("Bone (spine) - 70 %"), "Bone (spine) - 70 %")
  T.eq(yamlout.scalar("a"), "a")                       -- one letter: the longer checks
  T.eq(yamlout.scalar("x = y's"), "x = y's")
  T.eq(yamlout.scalar("denosumab, 120 mg"), "denosumab, 120 mg")
  T.eq(yamlout.scalar("1a"), "1a")                     -- not a number
  T.eq(yamlout.scalar("a#b"), "a#b")                   -- '#' starts a comment only after a space
  T.eq(yamlout.scalar("é at first"), "é at first")
end)

T.test("yaml scalars: quoted where YAML would read something else", function()
  T.eq(yamlout.scalar(""), '""')
  T.eq(yamlout.scalar("no"), '"no"')
  T.eq(yamlout.scalar("Yes"), '"Yes"')
  T.eq(yamlout.scalar("NULL"), '"NULL"')
  T.eq(yamlout.scalar("~"), '"~"')
  T.eq(yamlout.scalar("y"), '"y"')
  T.eq(yamlout.scalar("1.10"), '"1.10"')
  T.eq(yamlout.scalar("-5"), '"-5"')
  T.eq(yamlout.scalar("0x1A"), '"0x1A"')
  T.eq(yamlout.scalar("a: b"), '"a: b"')
  T.eq(yamlout.scalar("a #b"), '"a #b"')
  T.eq(yamlout.scalar("Note:"), '"Note:"')
  T.eq(yamlout.scalar("- a"), '"- a"')
  T.eq(yamlout.scalar("'a'"), "\"'a'\"")
  T.eq(yamlout.scalar(" a"), '" a"')
  T.eq(yamlout.scalar("a "), '"a "')
  T.eq(yamlout.scalar('say "hi"'), 'say "hi"')          -- a quote inside plain text is text
  T.eq(yamlout.scalar('"hi" she said'), '"\\"hi\\" she said"')
  T.eq(yamlout.scalar("a\\b\nc\td\re"), '"a\\\\b\\nc\\td\\re"')
  T.eq(yamlout.scalar("a\0b\27c"), '"a\\x00b\\x1bc"')
end)

T.test("yaml scalars: inside a flow list , [ ] { } are quoted", function()
  T.eq(yamlout.scalar("a, b", true), '"a, b"')
  T.eq(yamlout.scalar("a [b]", true), '"a [b]"')
  T.eq(yamlout.scalar("a {b}", false), "a {b}")
  T.eq(yamlout.scalar("a {b}", true), '"a {b}"')
end)

T.test("yaml scalars: numbers and booleans as YAML writes them", function()
  T.eq(yamlout.scalar(true), "true")
  T.eq(yamlout.scalar(42), "42")
  T.eq(yamlout.scalar(0.5), "0.5")
  T.eq(yamlout.scalar(1 / 3), "0.3333333333")
end)

-- Found while moving the writer to C: text that is otherwise plain but
-- holds a C1 character (U+0085 is a line break in YAML 1.1), a line or
-- paragraph separator, or U+FFFE/U+FFFF was written plain, and the file
-- did not read back.
T.test("yaml scalars: C1, U+2028/9 and U+FFFE/F are escaped even in plain-looking text", function()
  T.eq(yamlout.scalar("Ab\194\133cd"), '"Ab\\x85cd"')
  T.eq(yamlout.scalar("Ab\194\128cd"), '"Ab\\x80cd"')
  T.eq(yamlout.scalar("Ab\226\128\168cd"), '"Ab\\Lcd"')
  T.eq(yamlout.scalar("Ab\226\128\169cd"), '"Ab\\Pcd"')
  T.eq(yamlout.scalar("Ab\239\191\190c"), '"Ab\\uFFFEc"')
  T.eq(yamlout.scalar("Ab\239\191\191c"), '"Ab\\uFFFFc"')
  T.eq(yamlout.scalar("Ab\194\160cd"), "Ab\194\160cd")   -- a no-break space is text
  for _, s in ipairs({ "Ab\194\133cd", "Ab\226\128\168 cd", "x\226\128\169", "Ab\239\191\190c",
                       "a\127b\194\159c", "no", "1e5", "a: b", 'q"\\' }) do
    reads_back(s)
  end
end)

T.test("yaml document: keys in the authors' order, short lists in flow", function()
  local doc = yamlout.document({ questions = { { type = "text", id = "q1", accept = { "a", "b, c" },
    prompt = "Why?", zeta = {}, alpha = 1 } }, id = "x", title = "no" }, { "made by hand" })
  T.eq(doc, table.concat({
    "# made by hand",
    "id: x",
    'title: "no"',
    "questions:",
    "  - id: q1",
    "    type: text",
    "    prompt: Why?",
    '    accept: [a, "b, c"]',
    "    alpha: 1",
    "    zeta: []",
    "" }, "\n"))
end)

T.test("gift blocks: a block's comment lines before the question count in its error's line", function()
  local _, err = gift.parse("// one\n// two\nQ {=a ~b\n", "c.gift")
  T.eq(err, "c.gift:3:3: error: '{' is never closed by '}'")
  _, err = gift.parse("\n\n  // c\nQ {=a ~b\n", "c.gift")
  T.eq(err, "c.gift:4:3: error: '{' is never closed by '}'")
end)

T.test("gift blocks: blank lines of spaces and tabs split, other white space does not", function()
  local recs = assert(gift.parse("A {T}\n \t \nB {F}\n\n\nC\n  {=x =y}\n \t", "b.gift"))
  T.eq(#recs, 3)
  T.eq({ recs[1].stem, recs[1].line, recs[2].stem, recs[2].line }, { "A", 1, "B", 3 })
  T.eq({ recs[3].stem, recs[3].line, recs[3].choices[2].text }, { "C", 6, "y" })
  recs = assert(gift.parse("A\n\11\nB {T}\n", "v.gift"))   -- a vertical tab is not blank
  T.eq(#recs, 1)
  T.eq(recs[1].stem, "A \11 B")
end)

T.test("gift answers: feedback found for each answer when most have none", function()
  local recs = assert(gift.parse("Q {~a ~b ~c#why c ~d =e#right}\n", "f.gift"))
  local got = {}
  for i, a in ipairs(recs[1].choices) do got[i] = (a.text .. "|" .. (a.feedback or "-")) end
  T.eq(got, { "a|-", "b|-", "c|why c", "d|-", "e|right" })
end)

-- yaml_plain_ok looks at eight bytes a step and at single bytes only near
-- something to check: each byte that matters, put at every offset from 0
-- to 17 of plain text, gets the same decision and reads back as itself.
T.test("yaml scalars: what needs quotes is found at every offset, eight-byte steps or not", function()
  local quoted = { ": ", " #", "\t", "\1", "\127", "\194\133", "\226\128\168", "\239\191\190" }
  local plain = { ":x", "x#", "é", "—", "\194\160", "'", "%", "@" }
  for at = 0, 17 do
    local left, right = ("abcdefgh"):rep(3):sub(1, at + 1), "ijklmnopq"
    for _, q in ipairs(quoted) do
      local s = left .. q .. right
      T.eq(yamlout.scalar(s):sub(1, 1), '"', ("%q"):format(s))
      reads_back(s)
    end
    for _, p in ipairs(plain) do
      local s = left .. p .. right
      T.eq(yamlout.scalar(s), s, ("%q"):format(s))
      reads_back(s)
    end
    local flow = host.yaml_document({ l = { left .. "," .. right, left .. "]" .. right } }, {}, {})
    T.eq(flow, ('l: ["%s,%s", "%s]%s"]\n'):format(left, right, left, right))
  end
end)

-- The check for plain-looking text once began at the second byte, so a
-- text opening with U+2028 was written plain, and the file read back
-- broken (YAML takes it for a line break).
T.test("yaml scalars: a line separator, C1 byte or U+FFFE first in a text is escaped too", function()
  T.eq(yamlout.scalar("\226\128\168top"), '"\\Ltop"')
  T.eq(yamlout.scalar("\226\128\169top"), '"\\Ptop"')
  T.eq(yamlout.scalar("\194\133top"), '"\\x85top"')
  T.eq(yamlout.scalar("\239\191\190top"), '"\\uFFFEtop"')
  for _, s in ipairs({ "\226\128\168top", "\226\128\169top", "\194\133top", "\239\191\190top" }) do
    reads_back(s)
  end
end)

-- The writer keeps each map's keys and values on the stack (one walk of
-- the map) and each key's rank by its string: a map of more than sixteen
-- keys (the userdata path), maps nested in lists, keys ranked and not,
-- the same key at every depth.  Expected text written out by hand.
T.test("yaml document: many keys, nested maps and lists, ranks kept per key", function()
  local big = {}
  for i = 1, 20 do big[("k%02d"):format(i)] = i end
  big.id = "first"                       -- ranked: before every k..
  local doc = host.yaml_document({ big = big, id = "top", list = { { id = "a", z = { id = "b",
    y = { { id = "c" } } } }, { x = "d" } } }, { id = 1, list = 2 }, {})
  local want = { "id: top", "list:", "  - id: a", "    z:", "      id: b", "      y:",
                 "        - id: c", "  - x: d", "big:", "  id: first" }
  for i = 1, 20 do want[#want + 1] = ("  k%02d: %d"):format(i, i) end
  want[#want + 1] = ""
  T.eq(doc, table.concat(want, "\n"))
  -- Keys that are not text: an error naming it, never a crash.
  local ok, err = pcall(host.yaml_document, { a = 1, [2] = "x" }, {}, {})
  T.eq(ok, false)
  T.ok(tostring(err):find("a map key is not text", 1, true), err)
  ok, err = pcall(host.yaml_document, { l = { { [true] = 1 } } }, {}, {})
  T.eq(ok, false)
  T.ok(tostring(err):find("a map key is not text", 1, true), err)
  -- A map of 5,000 keys, sorted by name (none ranked).
  local wide, lines = {}, {}
  for i = 1, 5000 do wide[("w%04d"):format(i)] = "v" end
  for i = 1, 5000 do lines[i] = ("w%04d: v"):format(i) end
  lines[#lines + 1] = ""
  T.eq(host.yaml_document(wide, {}, {}), table.concat(lines, "\n"))
  -- 65 maps one in another are written (the top one is depth 0, the
  -- last holds the text at 65: "k:" then two more spaces a level); 66 are
  -- refused.
  local deep = "x"
  for _ = 1, 65 do deep = { k = deep } end
  local text = host.yaml_document(deep, {}, {})
  T.eq(select(2, text:gsub("k:", "")), 65)
  T.ok(text:find("\n" .. (" "):rep(128) .. "k: x\n$"), "the last line, 128 spaces in")
  ok, err = pcall(host.yaml_document, { k = deep }, {}, {})
  T.eq(ok, false)
  T.ok(tostring(err):find("yaml: nested deeper than 64", 1, true), err)
end)

-- Quoted text is written in runs between the bytes that need an escape:
-- escapes first, last, side by side and alone, worked out by hand.
T.test("yaml scalars: quoted text, escapes at its ends, side by side and in long runs", function()
  T.eq(yamlout.scalar('x: "q" \\ end'), '"x: \\"q\\" \\\\ end"')
  T.eq(yamlout.scalar('"start'), '"\\"start"')
  T.eq(yamlout.scalar('a: end\\'), '"a: end\\\\"')
  T.eq(yamlout.scalar('a: \\\\""'), '"a: \\\\\\\\\\"\\""')
  T.eq(yamlout.scalar("tab\there: x"), '"tab\\there: x"')
  T.eq(yamlout.scalar("\n"), '"\\n"')
  T.eq(yamlout.scalar("a\r\nb"), '"a\\r\\nb"')
  T.eq(yamlout.scalar("a: \1\127\194\133é\226\128\168z"), '"a: \\x01\\x7f\\x85é\\Lz"')
  local long = ("word "):rep(2000)
  T.eq(yamlout.scalar("k: " .. long .. '"'), '"k: ' .. long .. '\\""')
  for _, s in ipairs({ 'x: "q" \\ end', "a\r\nb", "a: \1\127\194\133é\226\128\168z", "k: " .. long }) do
    local back = host.parse_yaml("t: " .. yamlout.scalar(s) .. "\n", "t.yaml")
    T.eq(back.t, s)
  end
end)
