-- The bundled content's own rules (issue: the curriculum), beyond what
-- `check` enforces for any quiz: every question quotes its section, every
-- wrong option says why, and each group's quizzes have the agreed size.
local T = ...
local material = require("material")
local quiz_mod = require("quiz")

local indexes = {}
local function index_for(dir)
  indexes[dir] = indexes[dir] or material.load_dir(dir)
  return indexes[dir]
end

local SIZES = { patient = { 6, 10 }, selfcheck = { 5, 8 }, student = { 20, 1000 } }

local quizzes = {}
for _, path in ipairs(host.list("quizzes", ".yaml", true)) do
  if not path:match("/material/") then
    local q, v = quiz_mod.load(path, index_for)
    quizzes[#quizzes + 1] = { path = path, quiz = q, v = v }
  end
end

T.test("content: there are quizzes for every group, at least 150 questions", function()
  local n, groups = 0, {}
  for _, e in ipairs(quizzes) do
    T.eq(e.v.errors, 0, e.path .. " checks clean")
    n = n + #e.quiz.questions
    local g = e.path:match("^quizzes/([^/]+)/")
    groups[g] = (groups[g] or 0) + 1
  end
  T.ok(n >= 150, ("only %d questions"):format(n))
  T.ok((groups.patient or 0) >= 4, "at least 4 patient quizzes")
  T.ok((groups.student or 0) >= 3, "at least 3 student quizzes")
  T.ok((groups.selfcheck or 0) >= 5, "at least 5 self-checks")
end)

T.test("content: each quiz has the size agreed for its group", function()
  for _, e in ipairs(quizzes) do
    local g = e.path:match("^quizzes/([^/]+)/")
    local size = SIZES[g]
    local n = #e.quiz.questions
    T.ok(size and n >= size[1] and n <= size[2],
         ("%s has %d questions, not %d to %d"):format(e.path, n, size and size[1] or 0,
                                                     size and size[2] or 0))
  end
end)

T.test("content: every question quotes its section; every wrong option says why", function()
  for _, e in ipairs(quizzes) do
    for _, q in ipairs(e.quiz.questions) do
      T.ok(type(q.quote) == "string", ("%s: question '%s' has no quote"):format(e.path, q.id))
      for i, o in ipairs(q.options or {}) do
        T.ok(o.correct or type(o.feedback) == "string",
             ("%s: question '%s' option %d is wrong but has no feedback"):format(e.path, q.id, i))
      end
    end
  end
end)

T.test("content: patient quizzes ask how sure, and red flags say what to do", function()
  for _, e in ipairs(quizzes) do
    if e.quiz.audience == "patient" then
      T.ok(e.quiz.settings.ask_certainty, e.path .. " asks how sure")
      for _, q in ipairs(e.quiz.questions) do
        if q.safety then
          local m = type(q.safety_message) == "string" and q.safety_message:lower() or ""
          T.ok(m:find("call", 1, true) or m:find("tell your care team", 1, true),
               ("%s: safety question '%s' must say to call or tell the care team")
               :format(e.path, q.id))
        end
      end
    end
  end
end)
