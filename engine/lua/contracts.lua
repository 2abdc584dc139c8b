-- contracts.lua: the plug-in interfaces, written once as checked code.
--
-- A question type (types/NAME.lua), a mode (modes/NAME.lua), a view block
-- (what term.c and any other front end draw) and the `host` library (what
-- C gives the Lua side) are each described here by what they must hold.
-- quiz.type_module and modes.get check a plug-in the first time
-- it is loaded, so a type or mode missing a function fails at once with its
-- name, not later in the middle of an attempt; tests/lua/test_contracts.lua
-- loops over every registered type and mode.

local M = {}

-- A question type.  Every function takes the checked question q first.
--   fields           extra fields the type's questions may have
--   validate(q, v)   check and convert q's own fields (schema.lua messages)
--   shuffle(q, rng, on) -> the shown order (or nil when order never changes)
--   present(q, order) -> { prompt, blocks, how, input = type name }
--   parse(q, input, order) -> response, or nil and why (a sentence)
--   score(q, response) -> fraction of the marks in [0, 1]
--   explain(q, response) -> { answer = text, notes = {text...} }
--   encode(q, response) -> answers-file notation that parse reads back
--   show(q, response) -> the response as one line of text
M.TYPE = {
  tables = { "fields" },
  functions = { "validate", "shuffle", "present", "parse", "score", "explain",
                "encode", "show" },
}

-- A mode (modes/NAME.lua, listed in modes.lua).  settings are the quiz's
-- settings; s an attempt; item one of its questions; tot attempt.totals(s).
-- The mode owns every decision and word that depends on it: nothing else
-- names a mode.
--   name             the mode's name, as `--mode` and `settings.mode` say it
--   immediate        true when feedback follows each answer (false: a
--                    review at the end, and no missed-questions round)
--   running_score    true when a question's heading shows the score so far
--   commands         what may be typed at a question besides an answer, as
--                    help lists it: { {key, action, says}... }; an action
--                    "hint" there means the mode gives hints
--   certainty_help   what "?" at "How sure?" says
--   tries(settings)  how many tries a question gets
--   asks_certainty(settings) -> whether to ask how sure the learner is
--   grade(item, settings) -> the item's mark as a fraction (may be negative)
--   intro(s) -> the sentence that says how the mode works, before question 1
--   feedback_lines(s, item) -> the mode's own lines in a question's feedback
--   summary_lines(s, tot) -> the score lines of the summary
--   result_fields(s, tot) -> keys, values: the mode's own fields in the result
--   optional: summary(items) -> figures kept as totals().cbm (cbm's
--   accuracy and bonus), mark(fraction, certainty), retry_note(s, left) ->
--   what a wrong try says when tries are left, certainty_marks (what each
--   certainty level earns, three strings: present when certainty costs marks)
M.MODE = {
  strings = { "name", "certainty_help" },
  booleans = { "immediate", "running_score" },
  tables = { "commands" },
  functions = { "tries", "asks_certainty", "grade", "intro", "feedback_lines",
                "summary_lines", "result_fields" },
  optional = { "mark", "summary", "retry_note" },
  optional_tables = { "certainty_marks" },
}

-- View blocks: a view is a list of these, made in Lua, drawn by a front
-- end (term.c at the terminal).  kind -> the fields it may carry besides
-- `text`.  A front end that meets an unknown kind draws its text.
M.BLOCKS = {
  title = {},                      -- the quiz or screen title
  heading = {},                    -- a section heading
  subheading = {},                 -- a group inside a section
  text = { "choices" },            -- a paragraph, wrapped; choices: the answers a
                                   -- front end may offer as buttons {value, text, marks}
  item = { "label" },              -- a numbered or lettered choice
  hint = {},                       -- how to answer, quieter
  verdict = { "ok" },              -- right (ok = true) or not, after an answer
  note = { "mark", "word" },       -- a remark with its mark (right, missed, wrong,
                                   -- notquite) and the word that says it
  passage = { "title" },           -- a quoted passage of the material
  box = { "label" },               -- a framed warning (red flags) under its label
  bar = { "label", "value", "max" }, -- a score bar: value out of max
  bullet = {},                     -- a point in a list
  blank = {},                      -- an empty line
}

-- The host library (engine/luahost.c, engine/outfile.c, engine/speech.c,
-- engine/shape.c, engine/textfold.c): what C offers.
M.HOST = {
  functions = { "read_yaml", "parse_yaml", "control_at", "read_material", "list", "is_dir", "is_file",
                "find_up", "sandbox", "clock", "today", "read_text", "write_file",
                "make_dir", "write_zip", "speak_wav", "sha256_hex", "cache_home",
                "files_with_sizes", "remove_file", "random_hex", "modules",
                "shape", "fold", "find_any", "squash", "add_words", "json_encode" },
  values = { "null", "version", "quizdir", "script_seconds", "script_steps", "shape_kinds" },
}

local function fail(what, name, msg, ...)
  error(("%s '%s' breaks its contract: " .. msg):format(what, name, ...), 3)
end

-- Check a loaded type module; returns it.
function M.check_type(name, t)
  if type(t) ~= "table" then fail("question type", name, "it returned %s, not a table", type(t)) end
  for _, f in ipairs(M.TYPE.tables) do
    if type(t[f]) ~= "table" then fail("question type", name, "'%s' is not a table", f) end
  end
  for _, f in ipairs(M.TYPE.functions) do
    if type(t[f]) ~= "function" then fail("question type", name, "no function '%s'", f) end
  end
  return t
end

-- Check a loaded mode module; returns it.
function M.check_mode(name, m)
  if type(m) ~= "table" then fail("mode", name, "it returned %s, not a table", type(m)) end
  if m.name ~= name then fail("mode", name, "its name is '%s'", tostring(m.name)) end
  for _, f in ipairs(M.MODE.functions) do
    if type(m[f]) ~= "function" then fail("mode", name, "no function '%s'", f) end
  end
  for _, f in ipairs(M.MODE.optional) do
    if m[f] ~= nil and type(m[f]) ~= "function" then
      fail("mode", name, "'%s' is not a function", f)
    end
  end
  for _, f in ipairs(M.MODE.optional_tables) do
    if m[f] ~= nil and type(m[f]) ~= "table" then fail("mode", name, "'%s' is not a table", f) end
  end
  for _, f in ipairs(M.MODE.booleans) do
    if type(m[f]) ~= "boolean" then fail("mode", name, "'%s' is not true or false", f) end
  end
  for _, f in ipairs(M.MODE.strings) do
    if type(m[f]) ~= "string" then fail("mode", name, "'%s' is not a string", f) end
  end
  for _, f in ipairs(M.MODE.tables) do
    if type(m[f]) ~= "table" then fail("mode", name, "'%s' is not a table", f) end
  end
  for i, c in ipairs(m.commands) do
    if type(c) ~= "table" or type(c.key) ~= "string" or #c.key ~= 1 or
       type(c.action) ~= "string" or type(c.says) ~= "string" then
      fail("mode", name, "command %d is not {key = one character, action, says}", i)
    end
  end
  return m
end

-- Check a view (a list of blocks); returns nil or the first fault.
function M.view_fault(view)
  if type(view) ~= "table" then return "a view is a list of blocks" end
  for i, b in ipairs(view) do
    if type(b) ~= "table" then return ("block %d is not a table"):format(i) end
    if not M.BLOCKS[b.kind] then return ("block %d: unknown kind '%s'"):format(i, tostring(b.kind)) end
    if b.text ~= nil and type(b.text) ~= "string" then
      return ("block %d (%s): text is not a string"):format(i, b.kind)
    end
  end
  return nil
end

-- Check the host library; returns nil or the first thing missing.
function M.host_fault(h)
  for _, f in ipairs(M.HOST.functions) do
    if type(h[f]) ~= "function" then return "host." .. f .. " is not a function" end
  end
  for _, f in ipairs(M.HOST.values) do
    if h[f] == nil then return "host." .. f .. " is missing" end
  end
  return nil
end

return M
