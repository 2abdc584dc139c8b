-- utf8.len(s) counts valid text in C (engine/luahost.c, utf8_count) and
-- leaves the rest to Lua's own function, which is what utf8.len(s, 1, -1)
-- still calls: both must agree on every string, valid or not.
local T = ...

local function agree(s, what)
  local n1, p1 = utf8.len(s)
  local n2, p2 = utf8.len(s, 1, -1)
  T.eq(n1, n2, what)
  T.eq(p1, p2, what)
end

T.test("utf8.len: every lead byte, with every kind of byte after it, at every offset", function()
  local after = { "", "\0", "A", "\127", "\128", "\143", "\144", "\159", "\160", "\191",
                  "\192", "\255" }
  local checked = 0
  for lead = 0, 255 do
    for _, b1 in ipairs(after) do
      for _, b2 in ipairs({ "", "\128", "\191", "A" }) do
        for _, b3 in ipairs({ "", "\128", "\191", "A" }) do
          local seq = string.char(lead) .. b1 .. b2 .. b3
          for pad = 0, 9 do           -- the eight-byte ASCII steps before and after
            local s = ("a"):rep(pad) .. seq .. ("b"):rep(9 - pad)
            agree(s, ("lead %d, %q"):format(lead, s))
            checked = checked + 1
          end
        end
      end
    end
  end
  T.eq(checked, 256 * 12 * 4 * 4 * 10)
end)

T.test("utf8.len: the edges of each range, NULs, and long text", function()
  for _, s in ipairs({ "", "\0", ("\0"):rep(17), "é", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}",
                       "\u{FFFF}", "\u{10000}", "\u{10FFFF}", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                       "\xC0\x80", "\xE0\x80\x80", "\xF0\x80\x80\x80", "\xF8\x88\x80\x80\x80",
                       ("x"):rep(1 << 16) .. "é", ("é"):rep(1000) .. "\255" }) do
    agree(s, ("%q"):format(s:sub(1, 40)))
  end
  T.eq(utf8.len("aé\u{10FFFF}"), 3)
  T.eq(select(2, utf8.len("abcdefgh\128")), 9)
end)

-- ASCII is passed over sixteen bytes a step, then eight, then one: a
-- character of two bytes, or a bad byte, at every offset of every length
-- up to past two sixteen-byte steps, counted by hand (k + 1 + m; the bad
-- byte's place is k + 1), and the same as Lua's own count.
T.test("utf8.len: a non-ASCII or bad byte at every offset around the 16- and 8-byte steps", function()
  for k = 0, 40 do
    for m = 0, 40 do
      local good = ("a"):rep(k) .. "é" .. ("b"):rep(m)
      T.eq(utf8.len(good), k + 1 + m, ("é after %d, %d after"):format(k, m))
      agree(good, "good " .. k .. " " .. m)
      local bad = ("a"):rep(k) .. "\255" .. ("b"):rep(m)
      local n, at = utf8.len(bad)
      T.eq(n, nil)
      T.eq(at, k + 1, ("bad byte after %d, %d after"):format(k, m))
      agree(bad, "bad " .. k .. " " .. m)
    end
    T.eq(utf8.len(("a"):rep(k)), k)
  end
end)
