-- string.find, match and gsub in front of Lua's own (engine/patquick.c):
-- answered at once where no byte of the subject can start a match, else by
-- the library; the same results and the same errors either way.
local T = ...

local find, match, gsub = host.unquick()

T.test("patquick: the library's answer where nothing can match", function()
  -- (A byte, a class, a set that must match at least once, anywhere in
  -- the pattern.)
  T.eq({ ("I'd call now"):gsub("\226\128\153", "'") }, { "I'd call now", 0 })
  T.eq({ ("I would call"):gsub("(%a)[nN]'[tT]%f[%A]", "%1 not") }, { "I would call", 0 })
  T.eq({ ("I can't"):gsub("(%a)[nN]'[tT]%f[%A]", "%1 not") }, { "I ca not", 1 })
  T.eq({ ("call 38 now"):gsub("(%d)[.,](%d)", "%1 %2") }, { "call 38 now", 0 })
  T.eq({ ("38.5"):gsub("(%d)[.,](%d)", "%1 %2") }, { "38 5", 1 })
  T.eq({ ("wait till 9"):find("%s%-+%s") }, { nil })
  T.eq({ ("a - b"):find("%s%-+%s") }, { 2, 4 })
  T.eq(("no digits"):match("(%d+)"), nil)
  T.eq(("room 101"):match("(%d+)"), "101")
  T.eq({ ("abc"):find("[xyz]+", 2) }, { nil })
  T.eq({ ("abcx"):find("[xyz]+", -2) }, { 4, 4 })
  T.eq({ ("abc"):find("b", 9) }, { nil })                 -- past the end
  -- gsub gives the subject itself, whatever the replacement's type.
  T.eq({ ("abc"):gsub("z", {}) }, { "abc", 0 })
  T.eq({ ("abc"):gsub("z", 5) }, { "abc", 0 })
  T.eq({ ("abc"):gsub("z", function() error("not called") end) }, { "abc", 0 })
  -- Items that take no byte, or may take none, prove nothing.
  T.eq({ ("abc"):find("x*") }, { 1, 0 })
  T.eq({ ("abc"):find("()") }, { 1, 0, 1 })
  T.eq({ ("abc"):find("%f[%a]") }, { 1, 0 })
  T.eq({ ("abc"):find("$") }, { 4, 3 })
  T.eq({ ("a$c"):find("$c") }, { 2, 3 })                  -- '$' not last: a byte
end)

T.test("patquick: errors are the library's", function()
  local function err(f, ...)
    local ok, why = pcall(f, ...)
    T.eq(ok, false)
    return why
  end
  T.eq(err(string.find, "abc", "[a"), "malformed pattern (missing ']')")
  T.eq(err(string.find, "xyz", "[a"), "malformed pattern (missing ']')")
  T.eq(err(string.gsub, "abc", "a%", ""), "malformed pattern (ends with '%')")
  T.eq(err(string.match, "abc", "%f"), "missing '[' after '%f' in pattern")
  T.eq(err(string.gsub, "abc", "x", true):match("string/function/table expected"),
       "string/function/table expected")
  -- A malformed end that no position reaches is no error, there as here.
  T.eq({ string.gsub("abc", "z%", "") }, { "abc", 0 })
  T.eq({ string.find("abc", "z[") }, { nil })
  T.eq({ find("abc", "z[") }, { nil })
end)

-- Random patterns of every kind of item over random subjects: each call
-- as the library answers it, result or error.
T.test("patquick: find, match and gsub as the library's on 30,000 random calls", function()
  local rng = T.rng(16)
  local tokens = { "a", "b", "'", " ", "1", ".", "%a", "%d", "%s", "%A", "%p", "%w", "%.", "%%",
                   "%-", "%z", "[ab]", "[^a]", "[a-c]", "[%d']", "[]]", "[^]a]", "(", ")", "()",
                   "%f[%a]", "%f[%A]", "%f", "%b()", "%1", "*", "+", "-", "?", "$", "^", "[",
                   "%", "]", "\0", "\195\169" }
  local bytes = { "a", "b", "c", "'", " ", "1", ".", "(", ")", "-", "%", "]", "\0", "\195\169" }
  local inits = { nil, 1, 2, -1, -3, 0, 20, 2.0, "2" }
  local repls = { "x", "%0", "<%1>", {}, 5, function(c) return c == "a" and "A" or nil end }
  local pick = function(list) return list[rng:int(1, #list)] end
  -- (Each call with as many arguments as it is given: a nil passed is
  -- not an argument left out.)
  local function same(f, g, args)
    local a = table.pack(pcall(f, table.unpack(args, 1, args.n)))
    local b = table.pack(pcall(g, table.unpack(args, 1, args.n)))
    T.eq(a, b, ("%q %q"):format(args[1], args[2]))
  end
  for _ = 1, 10000 do
    local p, s = {}, {}
    for i = 1, rng:int(0, 6) do p[i] = pick(tokens) end
    for i = 1, rng:int(0, 12) do s[i] = pick(bytes) end
    p, s = table.concat(p), table.concat(s)
    local extra = rng:int(0, 2)
    local init = inits[rng:int(1, #inits + 1)]
    same(string.find, find, { s, p, init, rng:int(1, 4) == 1 or nil, n = 2 + extra })
    same(string.match, match, { s, p, init, n = 2 + math.min(extra, 1) })
    same(string.gsub, gsub, { s, p, pick(repls), rng:int(0, 2), n = 3 + math.max(extra - 1, 0) })
  end
end)
