-- AJCC 8th edition ANATOMIC stage groups for breast cancer.
--
-- The quiz asks learners to stage a tumour from T, N and M and checks the
-- answer here, so this file is the single answer key. It follows the table
-- and footnotes in the project's fact sheet (nursing-patient-ed.md, section
-- 5.2) exactly. Where the table has no row, we return nil and a reason rather
-- than guess: a wrong stage taught with confidence is worse than "unknown".
-- Prognostic stage groups (grade, ER, PR, HER2) are deliberately not here.

-- Captured at load: quiz scripts call this module from a sandbox whose
-- string methods have no pattern functions (their backtracking cannot be
-- interrupted); inputs here are capped before any pattern runs.
local find, gsub, lower, match, upper =
  string.find, string.gsub, string.lower, string.match, string.upper

local M = {}

local MAX_LEN = 40 -- inputs are short; refusing long ones keeps matching cheap

M.groups = { "0", "IA", "IB", "IIA", "IIB", "IIIA", "IIIB", "IIIC", "IV" }

-- Each entry is a spelling a generator may show, then the category the table
-- is indexed by. Subcategories do not change the anatomic stage.
local T_CATS = {
  { "TX", "TX" }, { "T0", "T0" }, { "Tis", "Tis" },
  { "T1", "T1" }, { "T1mi", "T1" }, { "T1a", "T1" }, { "T1b", "T1" }, { "T1c", "T1" },
  { "T2", "T2" }, { "T3", "T3" },
  { "T4", "T4" }, { "T4a", "T4" }, { "T4b", "T4" }, { "T4c", "T4" }, { "T4d", "T4" },
}
local N_CATS = {
  { "NX", "NX" }, { "N0", "N0" },
  { "N1mi", "N1mi" }, -- its own row in the table, unlike N1a-c
  { "N1", "N1" }, { "N1a", "N1" }, { "N1b", "N1" }, { "N1c", "N1" },
  { "N2", "N2" }, { "N2a", "N2" }, { "N2b", "N2" },
  { "N3", "N3" }, { "N3a", "N3" }, { "N3b", "N3" }, { "N3c", "N3" },
}
local M_CATS = { { "M0", "M0" }, { "cM0(i+)", "M0" }, { "M1", "M1" } }

-- Spellings people write that a generator need not offer.
local T_EXTRA = { ["tis(dcis)"] = "Tis", ["tis(paget)"] = "Tis" }
local N_EXTRA = { ["n0(i+)"] = "N0" } -- isolated tumour cells are still pN0
local M_EXTRA = { ["m0(i+)"] = "M0" }

-- Lookups are keyed by the lower-case spelling without its c/p prefix, so the
-- prefix is stripped once and "cM0(i+)" and "M0(i+)" share a key.
local function build(cats, extra)
  local names, index = {}, {}
  for _, c in ipairs(cats) do
    names[#names + 1] = c[1]
    index[(gsub(lower(c[1]), "^c", ""))] = c[2]
  end
  for k, v in pairs(extra) do index[k] = v end
  return names, index
end

local T_INDEX, N_INDEX, M_INDEX
M.T, T_INDEX = build(T_CATS, T_EXTRA)
M.N, N_INDEX = build(N_CATS, N_EXTRA)
M.M, M_INDEX = build(M_CATS, M_EXTRA)

-- Returns the parent category and the c/p prefix ("" if none).
local function category(s, axis, index)
  if type(s) ~= "string" then
    return nil, "expected the " .. axis .. " category as text"
  end
  if #s > MAX_LEN then return nil, "too long" end
  local key = gsub(lower(s), "%s+", "")
  if find(key, "^y") then
    return nil, "'" .. s .. "' is a post-neoadjuvant (yp/yc) category;"
      .. " the anatomic table does not stage after neoadjuvant therapy"
  end
  local prefix, body = match(key, "^([cp]?)(.*)$")
  if body == "tis(lcis)" then
    return nil, "LCIS is not Tis in AJCC 8; it is a benign risk marker"
  end
  local parent = index[body]
  if not parent then
    return nil, "unknown " .. axis .. " category '" .. s .. "'"
  end
  return parent, prefix
end

function M.normalize_t(s)
  local t, err = category(s, "T", T_INDEX)
  if not t then return nil, err end
  return t
end

function M.normalize_n(s)
  local n, err = category(s, "N", N_INDEX)
  if not n then return nil, err end
  return n
end

function M.normalize_m(s)
  local m, prefix = category(s, "M", M_INDEX)
  if not m then return nil, prefix end
  if m == "M0" and prefix == "p" then -- footnote 5
    return nil, "pM0 is not a valid designation; M0 is always clinical (write M0 or cM0)"
  end
  return m
end

-- The rows of the reference table, written as they appear there so they can
-- be checked against it line by line. M0 is implied; N3 and M1 are rules.
local ROWS = {
  { "0", "Tis", "N0" },
  { "IA", "T1", "N0" },
  { "IB", "T0", "N1mi" }, { "IB", "T1", "N1mi" },
  { "IIA", "T0", "N1" }, { "IIA", "T1", "N1" }, { "IIA", "T2", "N0" },
  { "IIB", "T2", "N1" }, { "IIB", "T3", "N0" },
  { "IIIA", "T0", "N2" }, { "IIIA", "T1", "N2" }, { "IIIA", "T2", "N2" },
  { "IIIA", "T3", "N1" }, { "IIIA", "T3", "N2" },
  { "IIIB", "T4", "N0" }, { "IIIB", "T4", "N1" }, { "IIIB", "T4", "N2" },
}
local STAGE = {}
for _, r in ipairs(ROWS) do STAGE[r[2] .. " " .. r[3]] = r[1] end

-- Footnote 3: only these T categories read N1mi as N1. T0 and T1 have their
-- own N1mi rows (IB), and Tis/TX have none, so they stay ungrouped.
local N1MI_AS_N1 = { T2 = true, T3 = true, T4 = true }

function M.group(t_in, n_in, m_in)
  local t, n, m, err
  t, err = M.normalize_t(t_in)
  if not t then return nil, err end
  n, err = M.normalize_n(n_in)
  if not n then return nil, err end
  m, err = M.normalize_m(m_in)
  if not m then return nil, err end

  if m == "M1" then return "IV" end   -- any T, any N, including TX and NX
  if n == "N3" then return "IIIC" end -- any T, including TX, T0 and Tis
  local row_n = (n == "N1mi" and N1MI_AS_N1[t]) and "N1" or n
  local g = STAGE[t .. " " .. row_n]
  if g then return g end

  local reason = t .. " " .. n .. " M0 has no stage group in the AJCC 8 anatomic table"
  if t == "TX" or n == "NX" then
    local what = (t == "TX" and n == "NX") and "the tumour and nodes"
      or (t == "TX" and "the tumour" or "the nodes")
    reason = reason .. "; stage unknown until " .. what .. " can be assessed"
  end
  return nil, reason
end

local ROMAN = { i = 1, ii = 2, iii = 3, iv = 4 }
local NUMERAL = { [0] = "0", "I", "II", "III", "IV" }
local LETTERS = { [0] = "", "ab", "ab", "abc", "" }
local SAY = {
  "there is no plain stage I in the anatomic table; say IA or IB",
  "there is no plain stage II in the anatomic table; say IIA or IIB",
  "there is no plain stage III in the anatomic table; say IIIA, IIIB or IIIC",
}

function M.parse_group(text)
  if type(text) ~= "string" then return nil, "expected the stage group as text" end
  if #text > MAX_LEN then return nil, "too long" end
  -- "Stage II B." reads as IIB: a closing full stop and inner spaces go.
  local s = match(lower(text), "^%s*(.-)[%s%.]*$")
  s = match(s, "^stage%s*(.*)$") or s
  s = gsub(s, "%s+", "")
  if s == "" then return nil, "no stage group given" end

  local num, letter = match(s, "^(%d)(%a?)$")
  if num then
    num = tonumber(num)
  else
    local roman
    roman, letter = match(s, "^([iv]+)(%a?)$")
    num = roman and ROMAN[roman]
  end
  local allowed = num and LETTERS[num]
  if not allowed then
    return nil, "'" .. text .. "' is not a stage group"
  end
  if letter == "" and allowed ~= "" then return nil, SAY[num] end
  if letter ~= "" and not find(allowed, letter, 1, true) then
    return nil, "'" .. text .. "' is not a stage group"
  end
  return NUMERAL[num] .. upper(letter)
end

return M
