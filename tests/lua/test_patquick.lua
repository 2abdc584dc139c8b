-- string.gsub in front of Lua's own (engine/patquick.c): answered at once
-- where an item of the pattern that must match matches no byte of the
-- subject, else by the library; the same results and the same errors
-- either way.
local T = ...

local gsub = host.unquick()

T.test("patquick: the library's answer where nothing can match", function()
  -- (A byte, a class, a set that must match at least once, anywhere in
  -- the pattern.)
  T.eq({ ("I'd call now"):gsub("\226\128\153", "'") }, { "I'd call now", 0 })
  T.eq({ ("I would call"):gsub("(%a)[nN]'[tT]%f[%A]", "%1 not") }, { "I would call", 0 })
  T.eq({ ("I can't"):gsub("(%a)[nN]'[tT]%f[%A]", "%1 not") }, { "I ca not", 1 })
  T.eq({ ("call 38 now"):gsub("(%d)[.,](%d)", "%1 %2") }, { "call 38 now", 0 })
  T.eq({ ("38.5"):gsub("(%d)[.,](%d)", "%1 %2") }, { "38 5", 1 })
  T.eq({ ("wait till 9"):gsub("%s%-+%s", ", ") }, { "wait till 9", 0 })
  T.eq({ ("a - b"):gsub("%s%-+%s", ", ") }, { "a, b", 1 })
  T.eq({ ("no digits"):gsub("%d+", "#") }, { "no digits", 0 })
  T.eq({ ("abc"):gsub("[xyz]", "") }, { "abc", 0 })
  T.eq({ ("abc"):gsub("%z", "") }, { "abc", 0 })           -- %z: the byte 0, still read
  T.eq({ ("a\0c"):gsub("%z", "b") }, { "abc", 1 })
  -- The subject itself, whatever the replacement's type.
  T.eq({ ("abc"):gsub("z", {}) }, { "abc", 0 })
  T.eq({ ("abc"):gsub("z", 5) }, { "abc", 0 })
  T.eq({ ("abc"):gsub("z", function() error("not called") end) }, { "abc", 0 })
  -- Items that take no byte, or may take none, prove nothing.
  T.eq({ ("abc"):gsub("x*", "-") }, { "-a-b-c-", 4 })
  T.eq({ ("ab"):gsub("()", "%1") }, { "1a2b3", 3 })
  T.eq({ ("ab"):gsub("%f[%a]", "^") }, { "^ab", 1 })
  T.eq({ ("ab"):gsub("$", "!") }, { "ab!", 1 })
  T.eq({ ("a$c"):gsub("$c", "") }, { "a", 1 })              -- '$' not last: a byte
end)

T.test("patquick: errors are the library's", function()
  local function err(...)
    local ok, why = pcall(string.gsub, ...)
    T.eq(ok, false)
    return why
  end
  T.eq(err("abc", "[a", ""), "malformed pattern (missing ']')")
  T.eq(err("xyz", "[a", ""), "malformed pattern (missing ']')")
  T.eq(err("abc", "a%", ""), "malformed pattern (ends with '%')")
  T.eq(err("abc", "%f", ""), "missing '[' after '%f' in pattern")
  T.eq(err("b)", "b)", ""), "invalid pattern capture")
  T.eq(err("abc", "x", true):match("string/function/table expected"),
       "string/function/table expected")
  -- A malformed end that no position reaches is no error, there as here.
  T.eq({ string.gsub("abc", "z%", "") }, { "abc", 0 })
  T.eq({ gsub("abc", "z%", "") }, { "abc", 0 })
  T.eq({ string.gsub("abc", "z[", "") }, { "abc", 0 })
  T.eq({ gsub("abc", "z[", "") }, { "abc", 0 })
end)

-- Random patterns of every kind of item over random subjects: each call
-- as the library answers it, result or error.
T.test("patquick: gsub as the library's on 20,000 random calls", function()
  local rng = T.rng(16)
  local tokens = { "a", "b", "'", " ", "1", ".", "%a", "%d", "%s", "%A", "%p", "%w", "%.", "%%",
                   "%-", "%z", "[ab]", "[^a]", "[a-c]", "[%d']", "[]]", "[^]a]", "(", ")", "()",
                   "%f[%a]", "%f[%A]", "%f", "%b()", "%1", "*", "+", "-", "?", "$", "^", "[",
                   "%", "]", "\0", "\195\169" }
  local bytes = { "a", "b", "c", "'", " ", "1", ".", "(", ")", "-", "%", "]", "\0", "\195\169" }
  local repls = { "x", "%0", "<%1>", {}, 5, true, function(c) return c == "a" and "A" or nil end }
  local pick = function(list) return list[rng:int(1, #list)] end
  for _ = 1, 20000 do
    local p, s = {}, {}
    for i = 1, rng:int(0, 6) do p[i] = pick(tokens) end
    for i = 1, rng:int(0, 12) do s[i] = pick(bytes) end
    p, s = table.concat(p), table.concat(s)
    -- (Mostly three arguments, as the rules call it; a fourth, even nil,
    -- goes to the library.)
    local args = { s, p, pick(repls), rng:int(0, 2), n = rng:int(1, 4) == 1 and 4 or 3 }
    local a = table.pack(pcall(string.gsub, table.unpack(args, 1, args.n)))
    local b = table.pack(pcall(gsub, table.unpack(args, 1, args.n)))
    -- (An argument's error names the function as found among the loaded
    -- libraries: string.gsub is, the library's own no longer.)
    if a[1] == false then a[2] = a[2]:gsub("to 'string.gsub'", "to '?'") end
    T.eq(a, b, ("%q %q"):format(s, p))
  end
end)
