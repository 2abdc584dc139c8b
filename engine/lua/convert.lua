-- convert.lua: the export, import and new commands.  Reads their options,
-- loads what they need, hands the work to formats/*.lua and writes the
-- files through host.  Each command returns exit status, text for stdout
-- (or nil) and lines for stderr.

local quiz_mod = require("quiz")
local schema = require("schema")
local common = require("formats.common")

local M = {}

M.IMPORT_MAX = 16 * 1024 * 1024     -- bytes in a file to import
M.RESULT_MAX = 8 * 1024 * 1024

local EXPORTERS = {
  gift = { module = "formats.gift", ext = ".gift" },
  ["moodle-xml"] = { module = "formats.moodlexml", ext = ".xml" },
  qti = { module = "formats.qti", ext = ".qti.zip", binary = true },
  fhir = { module = "formats.fhir", ext = ".fhir.json" },
  handout = { module = "formats.handout", ext = ".html" },
}

local function usage(msg)
  return 2, nil, { "teachback: " .. msg, "Try 'teachback --help'." }
end

-- Options: flags[name] = true for flags, values for the rest; positionals.
local function parse_args(args, with_value, flags)
  local opts, pos = {}, {}
  local i = 1
  while i <= #args do
    local a = args[i]
    local name, val = a:match("^(%-%-?[%w-]+)=(.*)$")
    name = name or a
    if with_value[name] then
      if not val then
        i = i + 1
        val = args[i]
        if val == nil then return nil, ("%s needs a value"):format(name) end
      end
      opts[with_value[name]] = val
    elseif flags[name] and not val then
      opts[flags[name]] = true
    elseif a:sub(1, 1) == "-" and #a > 1 then
      return nil, ("unknown or incomplete option '%s'"):format(a)
    else
      pos[#pos + 1] = a
    end
    i = i + 1
  end
  return opts, pos
end

local function messages(v)
  local lines = {}
  if v.raw then lines[#lines + 1] = v.raw end
  for _, item in ipairs(v:sorted()) do lines[#lines + 1] = schema.format(item) end
  return lines
end

-- A quiz whose only errors are unresolved `source`s (an imported draft) can
-- still be exported: no format carries the material link.
local function only_source_errors(v)
  if v.raw then return false end
  for _, item in ipairs(v.items) do
    if item.severity == "error" and not item.message:find("^source '") then return false end
  end
  return true
end

-- Load a quiz for export.  Returns quiz, warnings, or nil and lines.
function M.load_quiz(name, ctx)
  local path = ctx.resolve(name, ctx.quizdir)
  if not path then
    return nil, { name .. ": error: no such quiz file, and no bundled quiz has that id " ..
                  "(try 'teachback list')" }
  end
  local quiz, v = quiz_mod.load(path, ctx.index_for)
  if not quiz or (v.errors > 0 and not only_source_errors(v)) then
    return nil, messages(v)
  end
  local warnings = {}
  if v.errors > 0 then
    warnings[1] = ("%s: warning: exported as a draft: %d question source%s still to fill in")
                  :format(path, v.errors, v.errors == 1 and "" or "s")
  end
  return quiz, warnings
end

-- A folder and the folders above it, as mkdir -p.
local function make_dirs(dir)
  local path = dir:sub(1, 1) == "/" and "" or nil
  for part in dir:gmatch("[^/]+") do
    path = path and (path .. "/" .. part) or part
    if not host.is_dir(path) then
      local ok, err = host.make_dir(path)
      if not ok then return nil, err end
    end
  end
  return true
end

local function write_or_print(opts, text, default_name, binary)
  if not opts.output and not binary then return text end
  local out = opts.output or default_name
  local ok, err = host.write_file(out, text)
  if not ok then return nil, err end
  return false, out
end

-- teachback export QUIZ --to FORMAT [-o FILE] [--key]
function M.export(args, ctx)
  local opts, pos = parse_args(args, { ["--to"] = "to", ["-o"] = "output", ["--output"] = "output",
                                      ["--quiz"] = "quiz" }, { ["--key"] = "key" })
  if not opts then return usage(pos) end
  if #pos ~= 1 then return usage("export needs one quiz (a file or a bundled quiz's id), " ..
                                 "or a result JSON file with --to fhir-response") end
  if not opts.to then return usage("export needs --to gift|moodle-xml|qti|fhir|handout|fhir-response") end
  if opts.to == "fhir-response" then return M.export_response(pos[1], opts, ctx) end
  local exp = EXPORTERS[opts.to]
  if not exp then
    return usage(("--to must be gift, moodle-xml, qti, fhir, handout or fhir-response, not '%s'")
                 :format(opts.to))
  end
  if opts.key and opts.to ~= "handout" then return usage("--key goes with --to handout") end
  if opts.quiz then return usage("--quiz goes with --to fhir-response") end
  local quiz, warnings = M.load_quiz(pos[1], ctx)
  if not quiz then return 3, nil, warnings end
  local fmt = require(exp.module)
  local res, more = fmt.export(quiz, opts)
  for _, w in ipairs(more or {}) do warnings[#warnings + 1] = "warning: " .. w end
  if exp.binary then
    local out = opts.output or (quiz.id .. exp.ext)
    local ok, err = host.write_zip(out, res)
    if not ok then return 3, nil, { err } end
    warnings[#warnings + 1] = ("wrote %s (%d files)"):format(out, #res)
    return 0, nil, warnings
  end
  local text, where = write_or_print(opts, res, quiz.id .. exp.ext)
  if text == nil then return 3, nil, { where } end
  if where then warnings[#warnings + 1] = "wrote " .. where end
  return 0, text or nil, warnings
end

-- teachback export RESULT.json --to fhir-response
function M.export_response(path, opts, ctx)
  local data, where = host.read_yaml(path)
  if data == nil then return 3, nil, { where } end
  local fhir = require("formats.fhir")
  local quiz, lines
  local name = opts.quiz or (type(data) == "table" and type(data.quiz) == "string" and
                             data.score ~= nil and data.quiz)
  if name then
    quiz, lines = M.load_quiz(name, ctx)
    if not quiz and opts.quiz then return 3, nil, lines end
  end
  local res, err = fhir.response(data, quiz, path)
  if not res then return 3, nil, { err } end
  local text, w = write_or_print(opts, res, "response.fhir.json")
  if text == nil then return 3, nil, { w } end
  return 0, text or nil, w and { "wrote " .. w } or {}
end

-- teachback import FILE.gift|FILE.xml [-o DIR] [--dump]
function M.import(args, ctx)
  local opts, pos = parse_args(args, { ["-o"] = "output", ["--output"] = "output" },
                               { ["--dump"] = "dump" })
  if not opts then return usage(pos) end
  if #pos ~= 1 then return usage("import needs one file: FILE.gift (or .txt) or FILE.xml") end
  local path = pos[1]
  local kind = path:match("%.xml$") and "moodlexml" or
               (path:match("%.gift$") or path:match("%.txt$")) and "gift"
  if not kind then return usage("import reads FILE.gift, FILE.txt (GIFT) or FILE.xml (Moodle XML)") end
  local src, err = host.read_text(path, M.IMPORT_MAX)
  if not src then
    if err:find("larger than") then
      err = ("%s:1:1: error: larger than %d MiB; split the question bank into smaller files")
            :format(path, M.IMPORT_MAX >> 20)
    end
    return 3, nil, { err }
  end
  local fmt = require("formats." .. kind)
  if opts.dump then
    if kind ~= "gift" then return usage("--dump reads GIFT files") end
    local recs, perr = fmt.parse(src, path)
    if not recs then return 3, nil, { perr } end
    return 0, require("json").encode(fmt.neutral(recs)) .. "\n", {}
  end
  local quiz, perr, warnings = fmt.import(src, path)
  if not quiz then return 3, nil, { perr } end
  if #quiz.questions == 0 then
    return 3, nil, { path .. ": error: no question that teachback can take was found" }
  end
  local base = path:match("([^/]+)%.[^.]+$") or "imported"
  quiz.id = quiz.id or common.slug(quiz.title or base, "imported")
  quiz.title = quiz.title or base
  quiz.audience = quiz.audience or "any"
  quiz.version = 1
  quiz.reviewed = host.today()
  common.unique_ids(quiz.questions)
  for _, q in ipairs(quiz.questions) do
    q.explain = q.explain or "TODO: explain the answer"
    q.source = "TODO"
  end
  local doc = require("formats.yamlout").document(quiz, {
    ("Imported by teachback %s from %s."):format(host.version, path:match("[^/]+$")),
    "Each 'source' is TODO: point it at a section of the material (doc#section);",
    "'teachback check' lists every one still to do.",
  })
  local dir = (opts.output or "."):gsub("/+$", "")
  if dir == "" then dir = "/" end
  local ok, merr = make_dirs(dir)
  if not ok then return 3, nil, { merr } end
  local out = dir .. "/" .. quiz.id .. ".yaml"
  local wok, werr = host.write_file(out, doc)
  if not wok then return 3, nil, { werr } end
  local lines = {}
  for _, w in ipairs(warnings or {}) do lines[#lines + 1] = w end
  lines[#lines + 1] = ("wrote %s: %d question%s; each 'source' is TODO"):format(out,
    #quiz.questions, #quiz.questions == 1 and "" or "s")
  return 0, nil, lines
end

-- teachback new QUIZ-ID --audience patient|student [-o DIR]
function M.new(args)
  local opts, pos = parse_args(args, { ["--audience"] = "audience", ["-o"] = "output",
                                       ["--output"] = "output" }, {})
  if not opts then return usage(pos) end
  if #pos ~= 1 then return usage("new needs one quiz id (lower-case letters, digits, dashes)") end
  local id = pos[1]
  if #id > 64 or not id:match("^[a-z0-9][a-z0-9-]*$") then
    return usage(("quiz id '%s' must be lower-case letters, digits and dashes (at most 64)")
                 :format(id:sub(1, 64)))
  end
  if opts.audience ~= "patient" and opts.audience ~= "student" then
    return usage("new needs --audience patient or --audience student")
  end
  local dir = (opts.output or "."):gsub("/+$", "")
  if dir == "" then dir = "/" end
  local quiz_path, mat_path = dir .. "/" .. id .. ".yaml", dir .. "/material/" .. id .. ".md"
  for _, p in ipairs({ quiz_path, mat_path }) do
    if host.is_file(p) then return 3, nil, { p .. ": error: already exists; not overwritten" } end
  end
  local starter = require("formats.starter")
  local quiz_text, mat_text = starter.files(id, opts.audience, host.today())
  for _, d in ipairs({ dir, dir .. "/material" }) do
    local ok, err = make_dirs(d)
    if not ok then return 3, nil, { err } end
  end
  local ok, err = host.write_file(mat_path, mat_text)
  if ok then ok, err = host.write_file(quiz_path, quiz_text) end
  if not ok then return 3, nil, { err } end
  return 0, nil, { "wrote " .. quiz_path, "wrote " .. mat_path,
                   ("next: edit both, then run 'teachback check %s'"):format(quiz_path) }
end

return M
