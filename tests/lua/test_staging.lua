-- Tests for engine/lua/staging.lua. The expected stages are written out by
-- hand from nursing-patient-ed.md section 5.2 (table, footnotes and test
-- vectors) so that a slip in the module cannot also slip into its tests.

local T = ...
local staging = require("staging")

local function is_reason(r)
  return type(r) == "string" and #r > 0
end

-- Asserts that a call returned nil plus a non-empty reason, and hands the
-- reason back for further checks.
local function refused(what, g, r)
  T.eq(g, nil, what .. " should have no result")
  T.ok(is_reason(r), what .. " should give a reason")
  return r or ""
end

-- Every parent combination under M0, from the reference table. false means
-- the table has no row for it (TX, NX, and the gaps the table leaves).
local NS = { "NX", "N0", "N1mi", "N1", "N2", "N3" }
local M0_GRID = {
  --        NX     N0      N1mi    N1      N2      N3
  { "TX",  { false, false,  false,  false,  false,  "IIIC" } },
  { "T0",  { false, false,  "IB",   "IIA",  "IIIA", "IIIC" } },
  { "Tis", { false, "0",    false,  false,  false,  "IIIC" } },
  { "T1",  { false, "IA",   "IB",   "IIA",  "IIIA", "IIIC" } },
  { "T2",  { false, "IIA",  "IIB",  "IIB",  "IIIA", "IIIC" } },
  { "T3",  { false, "IIB",  "IIIA", "IIIA", "IIIA", "IIIC" } },
  { "T4",  { false, "IIIB", "IIIB", "IIIB", "IIIB", "IIIC" } },
}

for _, row in ipairs(M0_GRID) do
  local t = row[1]
  for i, n in ipairs(NS) do
    local want = row[2][i]
    local name = t .. " " .. n .. " M0"
    if want then
      T.test(name .. " is " .. want, function()
        T.eq(staging.group(t, n, "M0"), want, name)
      end)
    else
      T.test(name .. " has no stage group", function()
        refused(name, staging.group(t, n, "M0"))
      end)
    end
    T.test(t .. " " .. n .. " M1 is IV", function()
      T.eq(staging.group(t, n, "M1"), "IV", t .. " " .. n .. " M1")
    end)
  end
end

-- The reference's "Test vectors for the engine", one test per row.
local VECTORS = {
  { "Tis", "N0", "M0", "0" },
  { "T1mi", "N0", "M0", "IA" },
  { "T0", "N1mi", "M0", "IB" },
  { "T1c", "N1mi", "M0", "IB" },
  { "T1b", "N1a", "M0", "IIA" },
  { "T2", "N0", "M0", "IIA" },
  { "T2", "N1mi", "M0", "IIB" },
  { "T3", "N0", "M0", "IIB" },
  { "T3", "N1", "M0", "IIIA" },
  { "T0", "N2", "M0", "IIIA" },
  { "T4b", "N0", "M0", "IIIB" },
  { "T4d", "N2", "M0", "IIIB" },
  { "T1", "N3c", "M0", "IIIC" },
  { "T2", "N0", "cM0(i+)", "IIA" },
}
for _, v in ipairs(VECTORS) do
  local name = v[1] .. " " .. v[2] .. " " .. v[3]
  T.test("vector: " .. name .. " is " .. v[4], function()
    T.eq(staging.group(v[1], v[2], v[3]), v[4], name)
  end)
end

T.test("vector: Tx with any N and M1 is IV", function()
  for _, n in ipairs({ "NX", "N0", "N1mi", "N1", "N1a", "N2b", "N3c" }) do
    T.eq(staging.group("Tx", n, "M1"), "IV", "Tx " .. n .. " M1")
  end
end)

T.test("vector: T0 N0 M0 has no group, and the reason says so", function()
  local r = refused("T0 N0 M0", staging.group("T0", "N0", "M0"))
  T.ok(r:find("no stage group", 1, true) ~= nil, "reason was: " .. r)
end)

-- Footnote 3, checked from the full subcategory spellings too.
T.test("T2/T3/T4 with N1mi are staged as N1", function()
  T.eq(staging.group("T2", "N1mi", "M0"), "IIB")
  T.eq(staging.group("T3", "pN1mi", "M0"), "IIIA")
  T.eq(staging.group("T4c", "N1mi", "M0"), "IIIB")
end)

T.test("Tis with N1mi, N1 or N2 has no group", function()
  for _, n in ipairs({ "N1mi", "N1a", "N1", "N2a", "N2" }) do
    refused("Tis " .. n, staging.group("Tis", n, "M0"))
  end
end)

T.test("any T with N3 and M0 is IIIC, including TX, T0 and Tis", function()
  for _, t in ipairs({ "TX", "T0", "Tis", "T1mi", "T4d" }) do
    T.eq(staging.group(t, "N3b", "M0"), "IIIC", t .. " N3b M0")
  end
end)

-- Subcategories and alternative spellings map to the parent the table uses.
local T_MAP = {
  { "TX", "TX" }, { "Tx", "TX" }, { "T0", "T0" },
  { "Tis", "Tis" }, { "tis", "Tis" }, { "Tis(DCIS)", "Tis" }, { "Tis(Paget)", "Tis" },
  { "T1", "T1" }, { "T1mi", "T1" }, { "T1a", "T1" }, { "T1b", "T1" }, { "T1c", "T1" },
  { "t1c", "T1" }, { "T2", "T2" }, { "T3", "T3" },
  { "T4", "T4" }, { "T4a", "T4" }, { "T4b", "T4" }, { "T4c", "T4" }, { "T4d", "T4" },
}
local N_MAP = {
  { "NX", "NX" }, { "N0", "N0" }, { "N1mi", "N1mi" }, { "n1MI", "N1mi" },
  { "N1", "N1" }, { "N1a", "N1" }, { "N1b", "N1" }, { "N1c", "N1" },
  { "N2", "N2" }, { "N2a", "N2" }, { "N2b", "N2" },
  { "N3", "N3" }, { "N3a", "N3" }, { "N3b", "N3" }, { "N3c", "N3" },
}
local M_MAP = {
  { "M0", "M0" }, { "m0", "M0" }, { "cM0", "M0" }, { "cM0(i+)", "M0" },
  { "M1", "M1" }, { "cM1", "M1" }, { "pM1", "M1" },
}
local function map_tests(list, fn_name)
  for _, p in ipairs(list) do
    T.test(fn_name .. "('" .. p[1] .. "') is " .. p[2], function()
      T.eq(staging[fn_name](p[1]), p[2], p[1])
    end)
  end
end
map_tests(T_MAP, "normalize_t")
map_tests(N_MAP, "normalize_n")
map_tests(M_MAP, "normalize_m")

T.test("N1mi is its own category, not N1", function()
  T.eq(staging.normalize_n("N1mi"), "N1mi")
  T.eq(staging.group("T1", "N1mi", "M0"), "IB")
  T.eq(staging.group("T1", "N1a", "M0"), "IIA")
end)

T.test("c and p prefixes on N and M are accepted", function()
  T.eq(staging.normalize_n("cN2a"), "N2")
  T.eq(staging.normalize_n("pN1"), "N1")
  T.eq(staging.normalize_m("cM0(i+)"), "M0")
  T.eq(staging.normalize_m("pM1"), "M1")
  T.eq(staging.group("T2", "cN2a", "cM0(i+)"), "IIIA")
  T.eq(staging.group("T3", "pN1", "M0"), "IIIA")
  T.eq(staging.group("T1", "pN1", "pM1"), "IV")
end)

T.test("pM0 is refused", function()
  refused("pM0", staging.normalize_m("pM0"))
  local r = refused("T1 N0 pM0", staging.group("T1", "N0", "pM0"))
  T.ok(r:find("pM0", 1, true) ~= nil, "reason was: " .. r)
end)

T.test("post-neoadjuvant yp/yc categories are refused", function()
  refused("ypT0", staging.normalize_t("ypT0"))
  local r = refused("ypT0 ypN0 cM0", staging.group("ypT0", "ypN0", "cM0"))
  T.ok(r:find("neoadjuvant", 1, true) ~= nil, "reason was: " .. r)
  refused("T2 ycN1 M0", staging.group("T2", "ycN1", "M0"))
end)

T.test("unknown categories are refused and named", function()
  local r = refused("T9", staging.normalize_t("T9"))
  T.ok(r:find("T9", 1, true) ~= nil, "reason was: " .. r)
  refused("T2 N4 M0", staging.group("T2", "N4", "M0"))
  refused("T2 N0 M2", staging.group("T2", "N0", "M2"))
  refused("T1d", staging.normalize_t("T1d"))
  refused("N2c", staging.normalize_n("N2c"))
  refused("empty T", staging.normalize_t(""))
  refused("missing M", staging.group("T1", "N0", nil))
end)

T.test("inputs over 40 bytes are refused as too long", function()
  local long = "T1" .. string.rep(" ", 40)
  T.eq(select(2, staging.normalize_t(long)), "too long")
  T.eq(select(2, staging.group("T1", "N0", long)), "too long")
  T.eq(select(2, staging.parse_group("stage " .. string.rep("I", 40))), "too long")
end)

T.test("every nil from the grid has a non-empty reason", function()
  for _, t in ipairs({ "TX", "T0", "Tis", "T1", "T2", "T3", "T4" }) do
    for _, n in ipairs(NS) do
      local g, r = staging.group(t, n, "M0")
      if g == nil then T.ok(is_reason(r), t .. " " .. n .. " M0") end
    end
  end
end)

T.test("groups lists the nine groups in order", function()
  T.eq(staging.groups, { "0", "IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV" })
end)

T.test("every generator spelling is accepted", function()
  for _, list in ipairs({ { staging.T, "normalize_t" }, { staging.N, "normalize_n" },
                          { staging.M, "normalize_m" } }) do
    for _, s in ipairs(list[1]) do
      T.ok(staging[list[2]](s) ~= nil, s)
    end
  end
  T.ok(#staging.T == 15 and #staging.N == 14 and #staging.M == 3, "list sizes")
end)

local PARSE_OK = {
  { "IIB", "IIB" }, { "iib", "IIB" }, { "2b", "IIB" }, { "2B", "IIB" },
  { "Stage IIIc", "IIIC" }, { "4", "IV" }, { "iv", "IV" }, { "0", "0" },
  { "stage 0", "0" }, { "  IA ", "IA" }, { "1b", "IB" }, { "3c", "IIIC" },
  -- as people type them: an inner space, a closing full stop
  { "II B", "IIB" }, { "3 a", "IIIA" }, { "IIIa.", "IIIA" }, { "Stage II B.", "IIB" },
  { "stage4", "IV" },
}
for _, p in ipairs(PARSE_OK) do
  T.test("parse_group('" .. p[1] .. "') is " .. p[2], function()
    T.eq(staging.parse_group(p[1]), p[2], p[1])
  end)
end

local PARSE_BAD = { "IID", "V", "IA1", "", "2bb", "IVA", "5", "stage", "IIC", ".", "I I I D" }
for _, s in ipairs(PARSE_BAD) do
  T.test("parse_group('" .. s .. "') is refused", function()
    refused(s, staging.parse_group(s))
  end)
end

local PARSE_SAY = {
  { "I", "say IA or IB" }, { "II", "say IIA or IIB" },
  { "III", "say IIIA, IIIB or IIIC" }, { "stage 2", "say IIA or IIB" },
}
for _, p in ipairs(PARSE_SAY) do
  T.test("parse_group('" .. p[1] .. "') asks for a subgroup", function()
    local r = refused(p[1], staging.parse_group(p[1]))
    T.ok(r:find(p[2], 1, true) ~= nil, "reason was: " .. r)
  end)
end

T.test("every group round-trips through parse_group", function()
  for _, g in ipairs(staging.groups) do
    T.eq(staging.parse_group(g), g, g)
    T.eq(staging.parse_group("Stage " .. g:lower()), g, g)
  end
end)

T.test("a staging question's key follows its case, also when the case is changed in place", function()
  local st = require("types.staging")
  local q = { case = { t = "T2", n = "N1", m = "M0" } }
  T.eq(st.key(q), "IIB")
  T.eq(st.score(q, "IIB"), 1)
  T.eq(st.score(q, "IIA"), 0)
  q.case.n = "N0"
  T.eq(st.key(q), "IIA")
  T.eq(st.score(q, "IIB"), 0)
  q.case.m = "M1"
  T.eq(st.score(q, "IV"), 1)
  local other = { case = { t = "T2", n = "N1", m = "M0" } }
  T.eq(st.score(other, "IIB"), 1, "another question's case is its own")
end)
