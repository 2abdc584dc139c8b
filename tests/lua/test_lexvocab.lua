-- Tests for lexvocab, the module scripts/lexvocab.lua makes at build time:
-- the words teach-back's speller knows from the shared lexicon.

local T = ...
local lexicon = require("lexicon")
local made = require("lexvocab")

-- The words as the speller gathered them at run time before the module:
-- host.add_words over every class and over LAY's and PHONE's words.
local function gathered(min)
  local vocab = {}
  for _, list in pairs(lexicon.CLASSES) do T.ok(host.add_words(vocab, list, min)) end
  local lay = {}
  for _, rep in pairs(lexicon.LAY) do lay[#lay + 1] = rep end
  for _, w in pairs(lexicon.PHONE) do lay[#lay + 1] = w end
  T.ok(host.add_words(vocab, lay, min))
  return vocab
end

T.test("lexvocab: the same words as host.add_words over the lexicon, no more", function()
  T.ok(made, "the lexicon has no character textnorm maps, so the list is made")
  T.eq(made.MIN, require("types.teachback").SPELL_MIN - 1)
  local want = gathered(made.MIN)
  local n = 0
  for w in pairs(want) do
    T.eq(made.WORDS[w], true, w)
    n = n + 1
  end
  for w in pairs(made.WORDS) do T.eq(want[w], true, w) end
  T.ok(n > 300, "a few hundred words, " .. n)
end)

T.test("lexvocab: a prefix is no word; five letters or more", function()
  local W = made.WORDS
  T.eq(W.department, true, "from LAY: emergency department")
  T.eq(W.emergency, true)
  T.eq(W.telephon, nil, "'telephon*' is a prefix")
  T.eq(W.telephone, true, "'on the telephone to'")
  T.eq(W.call, nil, "four letters")
end)

T.test("lexvocab: LAY_FIRST is teach-back's lay_first of the lexicon's LAY", function()
  local tb = require("types.teachback")
  T.eq(made.LAY_FIRST, tb.lay_first(lexicon.LAY))
  T.eq(made.LAY_FIRST.a, 3, "'a and e'")
  T.eq(made.LAY_FIRST["a&e"], 1)
  T.eq(made.LAY_FIRST.walk, 3, "'walk in centre'")
  T.eq(made.LAY_FIRST.emergency, 2)
  T.eq(made.LAY_FIRST.department, nil, "never first")
  T.eq(tb.lay_first({ ["x y z"] = "a", x = "b", ["y"] = "c" }), { x = 3, y = 1 })
end)

-- The lexicon module is made from lexicon.lua at build time too
-- (scripts/lexclasses.lua): its classes packed one string a class, each
-- cut into its list when first read (host.lists).

T.test("lexclasses: the lexicon's classes are packed, each cut when first read", function()
  local mt = getmetatable(lexicon.CLASSES)
  T.ok(mt and mt.__index, "lexicon.lua's classes were packed (the build said why not)")
  local action = lexicon.CLASSES.action
  T.eq(action[1], "call*")
  T.eq(action[2], "phone*")
  T.ok(#action > 50)
  T.ok(lexicon.CLASSES.action == action, "the same list each time")
  T.eq(lexicon.CLASSES.held, {}, "an empty class")
  T.eq(lexicon.CLASSES["no such class"], nil)
  local n = 0
  for name, list in pairs(lexicon.CLASSES) do
    T.eq(type(name), "string")
    T.ok(#list >= 0 and list == lexicon.CLASSES[name])
    n = n + 1
  end
  T.ok(n > 30, "every class, " .. n)
  T.eq(lexicon.CLASSES["no such class"], nil, "and none else after pairs")
end)

T.test("lexclasses: the classes as lexicon.lua writes them", function()
  -- Every quoted phrase of lexicon.lua's classes, in order, against the
  -- lists (each class's entries follow its name).
  local src = assert(host.read_text("engine/lua/lexicon.lua", 1 << 20))
  local body = src:match("\nM%.CLASSES = {\n(.-)\n}\n")
  T.ok(body, "lexicon.lua's classes found")
  local count = 0
  for name, list in body:gmatch("\n  ([%w_]+) = (%b{})") do
    local i = 0
    for ph in list:gsub("%-%-[^\n]*", ""):gmatch('"([^"]*)"') do
      i = i + 1
      T.eq(lexicon.CLASSES[name][i], ph, name .. " " .. i)
    end
    T.eq(#lexicon.CLASSES[name], i, name)
    count = count + 1
  end
  local n = 0
  for _ in pairs(lexicon.CLASSES) do n = n + 1 end
  T.eq(count, n, "every class written is there")
end)

T.test("lexclasses: an error in the lexicon still names lexicon.lua's line", function()
  local src = assert(host.read_text("engine/lua/lexicon.lua", 1 << 20))
  local line, n = nil, 1
  for l in src:gmatch("([^\n]*)\n") do
    if l:find('local lex = v:map(quiz, "lexicon")', 1, true) then line = n break end
    n = n + 1
  end
  local ok, msg = pcall(lexicon.validate, {}, nil)
  T.eq(ok, false)
  T.eq(msg:match("^(engine/lua/lexicon%.lua:%d+):"), "engine/lua/lexicon.lua:" .. line)
end)

T.test("lists: packed lists cut at their first read or at pairs", function()
  local t = host.lists({ a = "x y\nz*", b = "", c = "one" })
  T.eq(rawget(t, "a"), nil, "nothing cut yet")
  T.eq(t.a, { "x y", "z*" })
  T.eq(rawget(t, "a"), t.a, "kept once cut")
  T.eq(t.b, {})
  T.eq(t.d, nil)
  local seen = {}
  for k, v in pairs(t) do seen[k] = v end
  T.eq(seen, { a = { "x y", "z*" }, b = {}, c = { "one" } })
  T.eq(t.d, nil)
  t.d = { "new" }
  T.eq(t.d, { "new" })
  T.eq(#host.lists({ a = ("w\n"):rep(999) .. "w" }).a, 1000)
end)

T.test("lexclasses: the lexicon's word sets made when first read, as lexicon.lua writes them", function()
  local mt = getmetatable(lexicon)
  T.ok(mt and mt.__index, "lexicon.lua's sets were packed (the build said why not)")
  T.eq(lexicon.ASKING["do"], true)
  T.eq(lexicon.ASKING.is, true)
  T.eq(lexicon.ASKING.nope, nil)
  T.ok(lexicon.ASKING == lexicon.ASKING, "the same set each time")
  T.eq(lexicon.MASK, { cover = true, mask = true, hide = true, disguise = true })
  T.eq(lexicon.KNOWN.mother, true)
  T.eq(lexicon.NEGATIONS.shant, true)
  T.eq(lexicon.NOT_HELP, { ["111"] = true }, "a set of digits stays as written")
  T.eq(lexicon.DENY.different, { from = true, to = true }, "a set of sets too")
  T.eq(lexicon.NO_SUCH_FIELD, nil)
  -- Every set lexicon.lua writes as `M.NAME = { word = true, ... }` on one
  -- line, against its text.
  local src = assert(host.read_text("engine/lua/lexicon.lua", 1 << 20))
  local n = 0
  for name, body in src:gmatch("\nM%.([%u_]+) = (%b{})\n") do
    if not body:find("{", 2, true) and not body:find('"', 1, true) then
      local want = {}
      for k in body:gmatch("([%a_]+) = true") do want[k] = true end
      for k in body:gmatch('%["(%a+)"%] = true') do want[k] = true end
      T.eq(lexicon[name], want, name)
      n = n + 1
    end
  end
  T.ok(n > 20, "sets compared, " .. n)
end)

T.test("lazy_sets: a packed set made at its first read, and kept", function()
  local packed = { A = "x\nyy", B = "" }
  local t = setmetatable({}, { __index = host.lazy_sets(packed) })
  T.eq(rawget(t, "A"), nil)
  local a = t.A
  T.eq(rawget(t, "A"), a)
  T.eq(packed.A, nil, "let go once made")
  T.eq({ a.x, a.yy, a.y, a.xyy, a[""] }, { true, true, nil, nil, nil })
  T.eq(a, { x = true, yy = true })           -- (walked: a table now)
  T.eq(t.B, {})
  T.eq(t.C, nil)
end)

T.test("sorted_set: looked up in place while read less than a quarter as often as its words", function()
  local words = {}
  for i = 1, 40 do words[i] = ("w%02d"):format(i) end
  local t = host.sorted_set(table.concat(words, "\n"))
  for i = 1, 11 do T.eq(t[words[i]], true) end    -- 40 / 4 + 1 reads
  T.eq(rawget(t, "w01"), nil, "not yet a table")
  T.eq(t.w12, true)                               -- the read past them
  T.eq(getmetatable(t), nil, "a plain table now")
  T.eq(rawget(t, "w40"), true)
  T.eq(t.zz, nil)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  T.eq(n, 40)
end)

T.test("sorted_set: the words of a sorted list looked up in place, and walked", function()
  local t = host.sorted_set("ab\nabc\nb\nbe\nzz")
  for _, w in ipairs({ "ab", "abc", "b", "be", "zz" }) do T.eq(t[w], true, w) end
  for _, w in ipairs({ "", "a", "abd", "abcd", "ba", "bee", "c", "z", "zzz", "\0" }) do
    T.eq(t[w], nil, w)
  end
  T.eq(t[1], nil)
  T.eq(host.sorted_set("")["x"], nil)
  local seen = {}
  for w, v in pairs(t) do seen[w] = v end
  T.eq(seen, { ab = true, abc = true, b = true, be = true, zz = true })
  T.eq(getmetatable(t), nil, "a plain table once walked")
  -- Against a table, for random sorted lists and random words.
  local rng = T.rng(19)
  local letters = { "a", "b", "c", "ab", "ba", "z" }
  local function word()
    local parts = {}
    for j = 1, rng:int(1, 4) do parts[j] = letters[rng:int(1, #letters)] end
    return table.concat(parts)
  end
  for _ = 1, 300 do
    local set, list = {}, {}
    for _ = 1, rng:int(0, 30) do set[word()] = true end
    for w in pairs(set) do list[#list + 1] = w end
    table.sort(list)
    local s = host.sorted_set(table.concat(list, "\n"))
    for _ = 1, 30 do
      local w = word()
      T.eq(s[w], set[w], w)
    end
    for _, w in ipairs(list) do T.eq(s[w], true, w) end
  end
end)
