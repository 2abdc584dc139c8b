-- material.lua: the study material a quiz cites, checked and indexed.
--
-- material.c cuts each Markdown file into sections; this module checks the
-- front matter (id, title, reviewed, sources), indexes sections by id,
-- turns section text into plain prose, checks that a quote stands in its
-- section word for word, and cuts the passage an explanation shows: the
-- sentence holding the quote, or else the section's first paragraph.

local schema = require("schema")
local util = require("util")
local readability = util.lazy("readability")   -- check's gate only
local squash = host.squash      -- util.trim((s:gsub("%s+", " "))), in C

local M = {}

local FRONT = schema.set { "id", "title", "reviewed", "sources", "audience", "language" }

local function valid_date(s)
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  return y and m >= 1 and m <= 12 and d >= 1 and d <= 31
end
M.valid_date = valid_date

function M.check_date(v, node, key, required)
  local s = v:string(node, key, { required = required })
  if s and not valid_date(s) then
    v:error(node, key, "'%s' must be a date written YYYY-MM-DD, found '%s'", key, s)
  end
  return s
end

-- Markdown to plain prose: emphasis, code marks, links and list bullets go;
-- white space folds to single spaces within a paragraph.
-- (Each group of rewrites runs only on a line that has its marks: most
-- lines of prose have none.)
local function plain_line(line)
  if line:find("^%s*[-*+>%d]") then
    line = line:gsub("^%s*[-*+]%s+", ""):gsub("^%s*%d+[.)]%s+", ""):gsub("^%s*>%s?", "")
  end
  if line:find("[", 1, true) or line:find("*", 1, true) or line:find("_", 1, true) or
     line:find("`", 1, true) then
    line = line:gsub("%[([^%]]*)%]%([^)]*%)", "%1")
    line = line:gsub("%*%*", ""):gsub("__", ""):gsub("`", "")
    line = line:gsub("%f[%w*]%*([^*]+)%*", "%1")
  end
  return line
end

-- Paragraphs of plain text; tables and fenced code are left out.
function M.paragraphs(text)
  local paras, cur, fence = {}, {}, false
  local function flush()
    if #cur > 0 then
      local p = squash(table.concat(cur, " "))
      if p ~= "" then paras[#paras + 1] = p end
      cur = {}
    end
  end
  local at = 1
  text = text .. "\n"
  while at <= #text do
    local nl = text:find("\n", at, true)
    local line = text:sub(at, text:byte(nl - 1) == 13 and nl > at and nl - 2 or nl - 1)
    at = nl + 1
    if line:match("^%s*```") or line:match("^%s*~~~") then
      fence = not fence
      flush()
    elseif fence or line:match("^%s*|") then
      flush()
    elseif line:match("^%s*$") then
      flush()
    elseif line:match("^%s*[-*+]%s") or line:match("^%s*%d+[.)]%s") then
      flush()                 -- each list item reads as its own paragraph
      cur[1] = plain_line(line)
    else
      cur[#cur + 1] = plain_line(line)
    end
  end
  flush()
  return paras
end

local function fold(s)
  return squash(s)
end

-- All of a section's prose as one string, for quote checks.
function M.plain(section)
  if not section.plain then
    section.paras = M.paragraphs(section.text or "")
    section.plain = table.concat(section.paras, " ")
  end
  return section.plain
end

function M.has_quote(section, quote)
  return M.plain(section):find(fold(quote), 1, true) ~= nil
end

-- The sentence that holds the quote (or the first paragraph).
function M.passage(section, quote)
  M.plain(section)
  if quote then
    local q = fold(quote)
    for _, p in ipairs(section.paras) do
      local at = p:find(q, 1, true)
      if at then
        local start, stop = 1, #p
        for i = at - 1, 1, -1 do
          if p:sub(i, i):match("[.!?]") and p:sub(i + 1, i + 1) == " " then
            start = i + 2
            break
          end
        end
        local after = p:find("[.!?] ", at + #q - 1)
        if after then stop = after end
        return p:sub(start, stop)
      end
    end
  end
  return section.paras[1] or ""
end

-- Load and check one document: doc (or nil) and the validator or message.
-- quick: without the reading-level gate (check_reading), which is check's.
function M.load_file(path, quick)
  local raw, where = host.read_material(path)
  if not raw then return nil, nil, where end
  local v = schema.new(path, where)
  return M.check_doc(raw, v, path, quick), v
end

-- Add the document at path to index, its messages and errors with it.
local function add_doc(index, path, quick)
  local doc, v, raw_message = M.load_file(path, quick)
  -- A document that could not be read has said why; the questions
  -- citing it do not say it again, once each (see resolve).
  if not doc then index.broken[path:match("([^/]+)%.md$") or path] = true end
  if raw_message then
    index.items[#index.items + 1] = { raw_message = raw_message }
    index.errors = index.errors + 1
  else
    for _, item in ipairs(v:sorted()) do index.items[#index.items + 1] = item end
    if v.unshown > 0 then index.items[#index.items + 1] = { raw_message = schema.unshown_line(v) } end
    index.errors = index.errors + v.errors
    if doc then
      local other = rawget(index.docs, doc.id)
      if other then
        index.items[#index.items + 1] = {
          file = path, line = 1, col = 1, severity = "error",
          message = ("document id '%s' is also used by %s"):format(doc.id, other.path) }
        index.errors = index.errors + 1
      else
        rawset(index.docs, doc.id, doc)
      end
    end
  end
end

-- Load every *.md in dir.  Returns an index:
--   { dir, docs = {id -> doc}, items = {check messages} }
function M.load_dir(dir)
  local index = { dir = dir, docs = {}, items = {}, errors = 0, broken = {} }
  for _, path in ipairs(require("catalog").material_files(dir)) do add_doc(index, path) end
  return index
end

-- The same index, read as it is used: index.docs[id] reads dir/id.md the
-- first time, and walking the documents (pairs) reads the rest of the
-- folder.  An attempt needs only the few documents its quiz cites; quick
-- leaves out the reading-level gate as load_file does.
function M.cited_dir(dir, quick)
  local index = { dir = dir, items = {}, errors = 0, broken = {} }
  local read = {}
  -- Paths spelt as host.list spells them, so no file is read twice.
  local folder = dir:gsub("(.)/+$", "%1")
  folder = folder == "." and "" or folder .. "/"
  local function read_file(path)
    if read[path] then return end
    read[path] = true
    add_doc(index, path, quick)
  end
  local function read_all()
    for _, path in ipairs(require("catalog").material_files(dir)) do read_file(path) end
  end
  index.docs = setmetatable({}, {
    __index = function(docs, id)
      -- A document's id is its file's name; anything else is found, or
      -- not, the way load_dir finds it: by reading the whole folder.
      if type(id) ~= "string" then return nil end
      local path = folder .. id .. ".md"
      if id:match("^[a-z0-9][a-z0-9-]*$") and #id <= 64 then
        if host.is_file(path) then read_file(path) end
      else
        read_all()
      end
      return rawget(docs, id)
    end,
    __pairs = function(docs)
      read_all()
      return next, docs, nil
    end,
  })
  return index
end

local CONTROL = "[%z\1-\8\11-\31\127]"

-- A title quoted in a message: at most 60 bytes, cut at a character.
local function short(title)
  if #title <= 60 then return title end
  local n = 57
  while n > 0 and (title:byte(n + 1) or 0) & 0xC0 == 0x80 do n = n - 1 end
  return title:sub(1, n) .. "..."
end

function M.check_doc(raw, v, path, quick)
  local front = raw.front
  if type(front) ~= "table" or util.is_list(front) and next(front) then
    v:error(raw, nil, "material must start with front matter between '---' lines " ..
            "(id, title, reviewed, sources)")
    return nil
  end
  v:fields(front, FRONT, "material front matter")
  local id = v:id(front, "id", { required = true })
  local base = path:match("([^/]+)%.md$")
  if id and base and id ~= base then
    v:error(front, "id", "id '%s' must match the file name '%s.md'", id, base)
  end
  local title = v:string(front, "title", { required = true })
  M.check_date(v, front, "reviewed", true)
  local rline, rcol = v:pos(front, "reviewed")
  local sources = v:list(front, "sources", { required = true, min = 1, item = "source" })
  for i in ipairs(sources or {}) do v:string(sources, i) end
  local audience = v:oneof(front, "audience", { "patient", "student", "any" }, "any")
  local doc = { id = id or base, title = title, path = path, sections = {}, order = {},
                audience = audience, reviewed = front.reviewed, reviewed_line = rline,
                reviewed_col = rcol }
  for _, s in ipairs(raw.sections) do
    local prev = doc.sections[s.id]
    local function at_heading(fmt, ...)
      v:report_at("error", s.line, 1, fmt:format(...))
    end
    if s.title:find(CONTROL) or s.title:find("\194[\128-\159]") or s.id:find(CONTROL) then
      at_heading("heading contains a control character")
    elseif s.explicit and (#s.id > 64 or not s.id:match("^[a-z0-9][a-z0-9-]*$")) then
      at_heading("section id '%s' must be lower-case letters, digits and dashes (at most 64)",
                 #s.id > 64 and s.id:sub(1, 64) .. "..." or s.id)
    elseif s.id == "" then
      at_heading("heading '%s' has no usable id; add {#id}", short(s.title))
    elseif prev then
      at_heading("section id '%s' is used twice (first at line %d)", s.id, prev.line)
    else
      if s.long then
        at_heading("heading is longer than %d bytes; shorten it", M.MAX_HEADING)
      end
      doc.sections[s.id] = s
      doc.order[#doc.order + 1] = s.id
      if not quick then M.check_reading(doc, s, v) end
    end
  end
  return doc
end

M.MAX_GRADE = 8
M.MAX_HEADING = 512     -- bytes of a heading's title (material.c cuts and marks it)

-- Sections a patient reads: all but those of a student document and those
-- whose heading starts "For students".
function M.for_patients(doc, section)
  return doc.audience ~= "student" and not section.title:match("^[Ff]or students")
end

function M.check_reading(doc, section, v)
  if not M.for_patients(doc, section) then return end
  M.plain(section)
  local g = readability.grade(table.concat(section.paras, "\n"))
  if g and g > M.MAX_GRADE then
    v:report_at("error", section.line, 1, ("section '%s' reads at grade %.1f, above %d; use " ..
      "shorter sentences and everyday words (or head it 'For students')"):format(section.id, g,
      M.MAX_GRADE), doc.path)
  end
end

-- The closest of names to name: through v's "did you mean" budget when
-- there is a validator.
local function near_of(v, name, names)
  if v then return v:did_you_mean(name, names) end
  return util.did_you_mean(name, names)
end

-- "doc#section" -> section, doc; or nil and why (no why when the
-- document is there but could not be read: its own error says so).  v,
-- when given, is the validator whose "did you mean" budget this spends.
function M.resolve(index, source, v)
  local docid, secid = source:match("^([^#]+)#([^#]+)$")
  if not docid then
    return nil, nil, ("source '%s' must be written doc#section"):format(source)
  end
  local doc = index and index.docs[docid]
  if not doc and index and index.broken and index.broken[docid] then
    return nil, nil, nil        -- its own error is reported already
  end
  if not doc then
    local ids = index and util.sorted_keys(index.docs) or {}
    local near = near_of(v, docid, ids)
    return nil, nil, ("source '%s': no material document '%s'%s%s"):format(source, docid,
      index and index.dir and (" in " .. index.dir) or " (no material/ folder found)",
      near and ("; did you mean '" .. near .. "'?") or "")
  end
  local sec = doc.sections[secid]
  if not sec then
    local near = near_of(v, secid, doc.order)
    return nil, doc, ("source '%s': no section '%s' in %s%s"):format(source, secid, doc.path,
      near and ("; did you mean '" .. near .. "'?") or ("; its sections are " ..
      M.section_list(doc)))
  end
  return sec, doc
end

M.MAX_LISTED = 20       -- section ids one message lists

-- "what-it-is, signs, care" (at most MAX_LISTED, then how many more).
function M.section_list(doc)
  local n = #doc.order
  if n == 0 then return "none (add '#' headings)" end
  local shown = {}
  for i = 1, math.min(n, M.MAX_LISTED) do shown[i] = doc.order[i] end
  return table.concat(shown, ", ") .. (n > M.MAX_LISTED and
    (" and %d more"):format(n - M.MAX_LISTED) or "")
end

-- Where a quote not in its cited section does stand: "doc#section", or
-- nil.  The cited document first, then the others in id order.
function M.find_quote(index, doc, quote)
  local docs = { doc }
  for _, id in ipairs(util.sorted_keys(index and index.docs or {})) do
    if index.docs[id] ~= doc then docs[#docs + 1] = index.docs[id] end
  end
  for _, d in ipairs(docs) do
    for _, id in ipairs(d.order) do
      if M.has_quote(d.sections[id], quote) then return d.id .. "#" .. id end
    end
  end
  return nil
end

return M
