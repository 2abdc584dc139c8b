-- Agreement of the teach-back matcher with a nurse's marks.
--
-- tests/teachback/labelled.yaml holds teach-back questions and learner
-- answers marked by hand (which key points each answer really covers, which
-- misconceptions it really holds).  The questions are checked with the real
-- schema against the real material (quizzes/material); then analyse() runs
-- on every answer and its findings are compared with the marks.
--
-- Precision = found and marked / found; recall = found and marked / marked,
-- counted over (answer, key point) pairs and (answer, misconception) pairs.

local T = ...
local material = require("material")
local quiz = require("quiz")
local schema = require("schema")
local tb = require("types.teachback")

local PATH = "tests/teachback/labelled.yaml"
-- Set to true to log every disagreement (answer number, question, +found
-- but not marked, -marked but not found) when working on the phrases.
local SHOW_DISAGREEMENTS = false
local MATERIAL = "quizzes/material"

local function set(list)
  local s = {}
  for _, x in ipairs(list or {}) do s[x] = true end
  return s
end

local function ratio(a, b)
  if b == 0 then return 1 end
  return a / b
end

local loaded
local function load()
  if loaded then return loaded end
  local data, where = host.read_yaml(PATH)
  if data == nil then error(where) end
  local index = material.load_dir(MATERIAL)
  local v = schema.new(PATH, where)
  local questions = {}
  for _, q in ipairs(data.questions) do
    v.fallback = q
    quiz.check_question(q, v, index)
    questions[q.id] = q
  end
  local msgs = {}
  for _, it in ipairs(v:sorted()) do msgs[#msgs + 1] = schema.format(it) end
  loaded = { data = data, questions = questions, v = v, msgs = msgs }
  return loaded
end

T.test("teachback agreement: the labelled questions are valid, with no warnings", function()
  local L = load()
  T.eq(L.msgs, {})
  T.ok(#L.data.answers >= 60, "at least 60 answers")
  local n = 0
  for _ in pairs(L.questions) do n = n + 1 end
  T.ok(n >= 4, "at least 4 questions")
end)

T.test("teachback agreement: labels name real key points and misconceptions", function()
  local L = load()
  for i, a in ipairs(L.data.answers) do
    local q = L.questions[a.q]
    T.ok(q, ("answer %d: no question '%s'"):format(i, tostring(a.q)))
    local ids = {}
    for _, kp in ipairs(q.key_points) do ids[kp.id] = true end
    for _, id in ipairs(a.covered or {}) do
      T.ok(ids[id], ("answer %d: no key point '%s'"):format(i, id))
    end
    for _, m in ipairs(a.misconceptions or {}) do
      local k = math.tointeger(tonumber(m))
      T.ok(k and q.misconceptions[k], ("answer %d: no misconception %s"):format(i, m))
    end
  end
end)

T.test("teachback agreement: precision and recall against the nurse's marks", function()
  local L = load()
  local kp = { tp = 0, fp = 0, fn = 0 }
  local mis = { tp = 0, fp = 0, fn = 0 }
  local marks = 0
  local disagree = {}
  for i, a in ipairs(L.data.answers) do
    local q = L.questions[a.q]
    local got = tb.analyse(q, a.text)
    local want = set(a.covered)
    local found = set(got.covered)
    for _, k in ipairs(q.key_points) do
      local w, f = want[k.id], found[k.id]
      if w then marks = marks + 1 end
      if w and f then kp.tp = kp.tp + 1
      elseif f then kp.fp = kp.fp + 1
        disagree[#disagree + 1] = ("%d %s: +%s"):format(i, a.q, k.id)
      elseif w then kp.fn = kp.fn + 1
        disagree[#disagree + 1] = ("%d %s: -%s"):format(i, a.q, k.id)
      end
    end
    local mwant = {}
    for _, m in ipairs(a.misconceptions or {}) do mwant[math.tointeger(tonumber(m))] = true end
    local mfound = set(got.misconceptions)
    for k in ipairs(q.misconceptions or {}) do
      local w, f = mwant[k], mfound[k]
      if w then marks = marks + 1 end
      if w and f then mis.tp = mis.tp + 1
      elseif f then mis.fp = mis.fp + 1
        disagree[#disagree + 1] = ("%d %s: +misconception %d"):format(i, a.q, k)
      elseif w then mis.fn = mis.fn + 1
        disagree[#disagree + 1] = ("%d %s: -misconception %d"):format(i, a.q, k)
      end
    end
  end
  local kp_p, kp_r = ratio(kp.tp, kp.tp + kp.fp), ratio(kp.tp, kp.tp + kp.fn)
  local m_p, m_r = ratio(mis.tp, mis.tp + mis.fp), ratio(mis.tp, mis.tp + mis.fn)
  T.log(("teach-back agreement: key points precision %.3f recall %.3f (%d answers, %d marks); " ..
         "misconceptions precision %.3f recall %.3f"):format(kp_p, kp_r, #L.data.answers, marks,
                                                             m_p, m_r))
  if SHOW_DISAGREEMENTS then
    T.log("  disagreements (answer question: +found not marked, -marked not found): " ..
          table.concat(disagree, "; "))
  end
  T.ok(kp_p >= 0.9, ("key point precision %.3f is below 0.9"):format(kp_p))
  T.ok(kp_r >= 0.9, ("key point recall %.3f is below 0.9"):format(kp_r))
end)
