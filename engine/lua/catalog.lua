-- catalog.lua: where quizzes and their material are found.  The one place
-- that walks folders for them, so `check`, `list`, `stats`, the menu and
-- `run ID` agree on what a quiz file is (.yaml or .yml, not under a
-- material/ folder) and on how an id or a file name finds one.  A catalog
-- backed by a database would replace these functions and nothing else.
-- The folder itself comes from main.c: the given folder, else
-- $TEACHBACK_QUIZZES, else the installed share folder (host.quizdir).

local M = {}

M.QUIZ_EXTENSIONS = { ".yaml", ".yml" }

-- Is path a quiz file by its name (not its content)?
function M.is_quiz_file(path)
  return (path:match("%.ya?ml$")) ~= nil and not ("/" .. path):match("/material/")
end

-- Every quiz file under dir, at any depth, sorted by path.
function M.quiz_files(dir)
  local out = {}
  for _, ext in ipairs(M.QUIZ_EXTENSIONS) do
    for _, path in ipairs(host.list(dir, ext, true)) do
      if M.is_quiz_file(path) then out[#out + 1] = path end
    end
  end
  table.sort(out)
  return out
end

-- The material folder that belongs to a quiz folder, or nil.
function M.material_dir(dir)
  local mdir = dir:gsub("/+$", "") .. "/material"
  return host.is_dir(mdir) and mdir or nil
end

-- The material documents (*.md) of a material folder, sorted; not nested.
function M.material_files(mdir)
  return host.list(mdir, ".md", false)
end

-- A quiz's file name without folder and extension: "quizzes/a/b.yml" -> "b".
function M.stem(path)
  return path:match("([^/]+)%.ya?ml$")
end

-- The quiz file a name means: a path as given, else the quiz in dir whose
-- file is named name.yaml or name.yml.  (By id: see cli.resolve, which has
-- to load the quizzes to know their ids.)
function M.find(name, dir)
  if host.is_file(name) then return name end
  if dir and host.is_dir(dir) then
    for _, path in ipairs(M.quiz_files(dir)) do
      if M.stem(path) == name then return path end
    end
  end
  return nil
end

return M
