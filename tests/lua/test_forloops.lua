-- engine/lua/forloops.lua: the engine's loops over ipairs rewritten as
-- numeric loops at build time (scripts/embed.c).  The rewritten text is
-- checked here word for word, and run beside the source in the script
-- sandbox, which compiles text: the same results.
local T = ...
local forloops = require("forloops")

T.test("forloops: a loop over ipairs as the numeric loop it stands for", function()
  T.eq({ forloops.rewrite("for i, v in ipairs(t) do s = s + v end") },
       { "do local __ipairs_t =    (t) for i = 1, 0x7fffffffffffffff do local v = __ipairs_t[i] " ..
         "if v == nil then break end s = s + v end end", 1 })
  -- One name: the value read into __ipairs_v.
  T.eq({ forloops.rewrite("for i in ipairs(t) do n = i end") },
       { "do local __ipairs_t =   (t) for i = 1, 0x7fffffffffffffff do local __ipairs_v = " ..
         "__ipairs_t[i] if __ipairs_v == nil then break end n = i end end", 1 })
  -- The loop's own end is found past the blocks inside it.
  local src = "for _, x in ipairs(f(a, {b, c})) do\n  if x then repeat y() until z end\n" ..
              "  local g = function() do end end\nend\nreturn 1"
  local out, n = forloops.rewrite(src)
  T.eq(n, 1)
  T.eq(out, "do local __ipairs_t =    (f(a, {b, c})) for _ = 1, 0x7fffffffffffffff do local x = " ..
            "__ipairs_t[_] if x == nil then break end\n  if x then repeat y() until z end\n" ..
            "  local g = function() do end end\nend end\nreturn 1")
end)

T.test("forloops: every other loop, string and comment as it was", function()
  for _, src in ipairs({
    "for k, v in pairs(t) do end",
    "for i = 1, #t do end",
    "for i, v in ipairs(a, b) do end",                -- two arguments: not ipairs's form
    "for i, v in ipairs(t), x do end",
    "for i, v in my.ipairs(t) do end",
    "local s = 'for i, v in ipairs(t) do end'",
    "local s = [==[for i, v in ipairs(t) do end]==]",
    "-- for i, v in ipairs(t) do end",
    "--[[ for i, v in ipairs(t) do\nend ]] x = 1",
  }) do
    T.eq({ forloops.rewrite(src) }, { src, 0 }, src)
  end
  -- Strings, numbers and comments inside a loop are not read as words:
  -- its end is the one after them.
  local body = [=[x = "end\"" .. 'do' .. "\\" .. [[end]] .. 1e-5 + 0x1p4 --[==[ end ]==] -- if
]=]
  local out, n = forloops.rewrite("for _, v in ipairs(t) do " .. body .. "end y = 1")
  T.eq(n, 1)
  T.eq(out:sub(-(#body + 13)), body .. "end end y = 1")
end)

-- Each snippet's result, run as written and as rewritten: a table of
-- what the loops saw.
T.test("forloops: the same results as ipairs, run in the sandbox", function()
  local snippets = {
    -- A hole ends the loop; values of every type.
    "local out = {} for i, v in ipairs({ 1, 'a', false, nil, 5 }) do out[#out + 1] = i end return out",
    -- break, nested loops, a goto to the end of the body.
    [[local out = {}
      for i, row in ipairs({ { 1, 2 }, { 3, 4, 5 }, { 6 } }) do
        for j, x in ipairs(row) do
          if x == 4 then goto continue end
          if x == 6 then break end
          out[#out + 1] = i * 10 + j
          ::continue::
        end
      end
      return out]],
    -- Each step's names are new: closures keep their own.
    [[local fs = {}
      for i, v in ipairs({ 'a', 'b', 'c' }) do fs[i] = function() return v .. i end end
      return { fs[1](), fs[2](), fs[3]() }]],
    -- The table grown and cut while it is walked: read again each step.
    [[local t, seen = { 1, 2, 3 }, {}
      for i, v in ipairs(t) do
        seen[#seen + 1] = v
        if i == 1 then t[#t + 1] = 4 end
        if v == 3 then t[5] = nil; t[4] = nil end
      end
      return seen]],
    -- The expression is read once; its first value only.
    [[local calls = 0
      local function list() calls = calls + 1 return { 7, 8 }, { 9 } end
      local out = {}
      for _, v in ipairs(list()) do out[#out + 1] = v end
      return { calls, out }]],
    -- One name; a name reassigned in the body does not steer the loop.
    [[local out = {}
      for i in ipairs({ 'x', 'y', 'z' }) do out[#out + 1] = i; i = 10 end
      return out]],
    -- A return from inside.
    [[local function first_big(t)
        for i, v in ipairs(t) do if v > 2 then return i end end
        return 0
      end
      return { first_big({ 1, 3 }), first_big({}), first_big({ 1 }) }]],
  }
  for _, src in ipairs(snippets) do
    local out, n = forloops.rewrite(src)
    T.ok(n > 0, src)
    T.eq(select(2, src:gsub("\n", "")), select(2, out:gsub("\n", "")), "lines: " .. src)
    local want, err = host.sandbox(src, "=as written", 1)
    T.eq(err, nil)
    local got, err2 = host.sandbox(out, "=rewritten", 1)
    T.eq(err2, nil)
    T.eq(got, want, src)
  end
end)

-- Every engine module: rewritten with its lines where they were.
T.test("forloops: every engine module keeps its lines", function()
  local total = 0
  for _, name in ipairs(host.modules("")) do
    local path = "engine/lua/" .. name:gsub("%.", "/") .. ".lua"
    if host.is_file(path) then
      local src = assert(host.read_text(path, 1 << 20))
      local out, n = forloops.rewrite(src)
      T.eq(select(2, out:gsub("\n", "")), select(2, src:gsub("\n", "")), path)
      total = total + n
    end
  end
  T.ok(total > 500, "the engine's loops over ipairs: " .. total)
end)
