-- Limits the fuzzing review showed to be needed (tests/fuzz/findings/):
-- messages and suggestions per file, the length gate of did-you-mean, and
-- control characters in messages.
local T = ...
local schema = require("schema")
local util = require("util")

T.test("messages per file: every one counted, the first 100 kept (fuzz finding 2)", function()
  local v = schema.new("answers.yaml", {})
  for i = 1, 150 do v:report_at("error", i, 1, "no question 'x" .. i .. "'") end
  v:report_at("warning", 151, 1, "a warning")
  T.eq(v.errors, 150)
  T.eq(v.warnings, 1)
  T.eq(#v.items, 100)
  T.eq(v.unshown, 51)
  T.eq(v.items[100].message, "no question 'x100'")
  T.eq(schema.unshown_line(v),
       "answers.yaml: 51 more messages not shown (the first 100 found are above)")
end)

T.test("did you mean: 20 suggestions per file, then none (fuzz finding 2)", function()
  local v = schema.new("answers.yaml", {})
  local names = { "dental-check", "bone-pain" }
  for i = 1, 20 do T.eq(v:did_you_mean("dental-chek", names), "dental-check", "call " .. i) end
  T.eq(v:did_you_mean("dental-chek", names), nil)
  T.eq(v.suggestions, 20)
end)

T.test("did you mean: names more than 2 longer or shorter are not measured", function()
  local calls = 0
  local real = util.levenshtein
  util.levenshtein = function(a, b) calls = calls + 1 return real(a, b) end
  local ok, near = pcall(util.did_you_mean, "prompt", { "promt", "a-much-longer-name", "p" })
  util.levenshtein = real
  T.ok(ok, near)
  T.eq(near, "promt")
  T.eq(calls, 1)
end)

T.test("messages show control characters escaped (fuzz finding 4)", function()
  T.eq(schema.format({ file = "q.yaml", line = 2, col = 1, severity = "error",
                       message = "unknown field '\27]0;pwned\7' in the quiz" }),
       "q.yaml:2:1: error: unknown field '\\x1b]0;pwned\\x07' in the quiz")
  T.eq(schema.show_controls("a\194\155b\127\0c\tz é"), "a\\u009bb\\x7f\\x00c\\x09z é")
end)

T.test("importers show control characters escaped in their messages (fuzz, import)", function()
  local gift = require("formats.gift")
  local quiz, err = gift.import("Q {#\15\15}\n", "bank.gift")
  T.eq(quiz, nil)
  T.eq(err, "bank.gift:1:5: error: expected a number, N:tolerance or LOW..HIGH, found '\\x0f\\x0f'")
  local mx = require("formats.moodlexml")
  local _, xerr = mx.import("<quiz><\27x/></quiz>", "bank.xml")
  T.ok(xerr and not xerr:find("\27", 1, true), xerr)
end)

T.test("import writes DEL and C1 characters escaped, so its YAML reads back (fuzz, import)", function()
  local yamlout = require("formats.yamlout")
  T.eq(yamlout.scalar("a\127b\194\133c"), '"a\\x7fb\\x85c"')
  local back = host.parse_yaml("t: " .. yamlout.scalar("a\127b\194\133c") .. "\n", "t.yaml")
  T.eq(back.t, "a\127b\194\133c")
end)

T.test("text: exactly C0 but tab and newline, DEL and C1 are control characters", function()
  local function refused(s)
    local v = schema.new("q.yaml", {})
    return v:string({ prompt = s }, "prompt") == nil and v.errors == 1
  end
  for b = 0, 255 do
    local control = b <= 8 or (b >= 11 and b <= 31) or b == 127
    T.eq(refused("a" .. string.char(b) .. "b"), control, "byte " .. b)
  end
  for b = 0x80, 0xBF do   -- U+0080..U+00BF: C1 controls up to U+009F
    T.eq(refused("a\194" .. string.char(b) .. "b"), b <= 0x9F, "U+00" .. ("%02X"):format(b))
  end
  T.eq(refused("Tabs\tand\nnewlines — and “quotes” — are text"), false)
end)
