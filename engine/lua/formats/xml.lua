-- formats/xml.lua: the XML the exporters write and the importers read.
--
-- Writing: escape() for text and attribute values, and a tiny builder that
-- indents.  Reading: a small non-validating parser for the XML a question
-- bank holds (elements, attributes, text, CDATA, comments, processing
-- instructions), with the byte offset of every element so an importer can
-- say FILE:LINE:COL.  It is written here rather than bound from libxml2
-- because of what it must refuse: a document type declaration (and with
-- it every entity declaration, internal or external) is an error, and only
-- the five predefined entities and character references are decoded, so
-- nothing is ever expanded, fetched or multiplied.

local M = {}

-- A message quotes the file: its control characters are shown escaped.
local function shown(msg) return require("schema").show_controls(msg) end

M.MAX_DEPTH = 128

-- Text or attribute value, escaped, in one pass (host.xml_escape, in C).
-- Control characters XML 1.0 forbids are dropped (the quiz validator
-- refuses them anyway).
local xml_escape = host.xml_escape
function M.escape(s)
  return xml_escape(tostring(s))
end

-- ---- writing -----------------------------------------------------------

-- A builder: b:open("tag", {attr...}), b:leaf("tag", text, attrs),
-- b:close("tag"), b:raw(line); tostring via b:text().
local B = {}
B.__index = B

function M.builder(decl)
  local b = setmetatable({ out = {}, depth = 0 }, B)
  if decl ~= false then b.out[1] = '<?xml version="1.0" encoding="UTF-8"?>' end
  return b
end

local function attrs_text(attrs)
  if not attrs then return "" end
  local parts = {}
  for _, kv in ipairs(attrs) do
    parts[#parts + 1] = (' %s="%s"'):format(kv[1], M.escape(kv[2]))
  end
  return table.concat(parts)
end

function B:raw(line)
  self.out[#self.out + 1] = string.rep("  ", self.depth) .. line
end

function B:open(tag, attrs)
  self:raw(("<%s%s>"):format(tag, attrs_text(attrs)))
  self.depth = self.depth + 1
end

function B:close(tag)
  self.depth = self.depth - 1
  self:raw(("</%s>"):format(tag))
end

function B:leaf(tag, text, attrs)
  if text == nil then
    self:raw(("<%s%s/>"):format(tag, attrs_text(attrs)))
  else
    self:raw(("<%s%s>%s</%s>"):format(tag, attrs_text(attrs), M.escape(text), tag))
  end
end

function B:text()
  return table.concat(self.out, "\n") .. "\n"
end

-- ---- reading -----------------------------------------------------------

-- Line and column (1-based) of byte offset pos, as an editor counts them:
-- a line ends at LF, CRLF or a lone CR (XML 1.0, 2.11: a Mac file's lines
-- are lines), and columns count characters, as the YAML and CSV readers'
-- do (an accented letter before the error is one column, not two).
function M.position(src, pos)
  local line, last = 1, 0
  local i = 1
  while true do
    local nl = src:find("[\r\n]", i)
    if not nl or nl >= pos then break end
    if src:byte(nl) == 13 and src:byte(nl + 1) == 10 then
      if nl + 1 >= pos then break end
      nl = nl + 1
    end
    line = line + 1
    last = nl
    i = nl + 1
  end
  local col = 1
  for k = last + 1, pos - 1 do
    local c = src:byte(k)
    if c < 0x80 or c >= 0xC0 then col = col + 1 end
  end
  return line, col
end

local PREDEFINED = { lt = "<", gt = ">", amp = "&", quot = '"', apos = "'" }

local function fail(st, pos, fmt, ...)
  local line, col = M.position(st.src, pos)
  error({ xml = shown(("%s:%d:%d: error: %s"):format(st.name, line, col, fmt:format(...))) }, 0)
end

local function decode(st, s, base)
  if not s:find("&", 1, true) then return s end
  return (s:gsub("()&([^;&]*);?", function(at, ent)
    local ch
    if ent:match("^#x%x+$") then ch = tonumber(ent:sub(3), 16)
    elseif ent:match("^#%d+$") then ch = tonumber(ent:sub(2))
    elseif PREDEFINED[ent] then return PREDEFINED[ent]
    else
      fail(st, base + at - 1, "entity '&%s;' is not one of XML's five (&lt; &gt; &amp; " ..
           "&quot; &apos;); entities are never expanded", ent:sub(1, 20))
    end
    if not ch or ch == 0 or ch > 0x10FFFF or (ch >= 0xD800 and ch <= 0xDFFF) then
      fail(st, base + at - 1, "character reference '&%s;' is not a character", ent:sub(1, 20))
    end
    return utf8.char(ch)
  end))
end

local function parse_attrs(st, s, base)
  local attrs, seen = {}, {}
  local i = 1
  while true do
    local ws, name_at = s:match("^(%s*)()", i)
    i = name_at
    if i > #s then break end
    if ws == "" and i > 1 then fail(st, base + i - 1, "attributes must be separated by spaces") end
    local name, after = s:match("^([%a_:][%w_:%.%-]*)%s*=%s*()", i)
    if not name then fail(st, base + i - 1, "expected an attribute name=\"value\"") end
    local q = s:sub(after, after)
    if q ~= '"' and q ~= "'" then fail(st, base + after - 1, "attribute '%s' needs a quoted value", name) end
    local close = s:find(q, after + 1, true)
    if not close then fail(st, base + after - 1, "attribute '%s' value is not closed", name) end
    local raw = s:sub(after + 1, close - 1)
    if raw:find("<", 1, true) then fail(st, base + after, "'<' inside attribute '%s'", name) end
    if seen[name] then fail(st, base + i - 1, "attribute '%s' is given twice", name) end
    seen[name] = true
    attrs[name] = decode(st, raw, base + after)
    i = close + 1
  end
  return attrs
end

-- Parse src; returns the root element {name, attrs, kids, pos} or nil, message.
-- kids holds elements and strings (text, with CDATA merged in).
function M.parse(src, name)
  local st = { src = src, name = name }
  local ok, root = pcall(function()
    local i = 1
    if src:sub(1, 3) == "\239\187\191" then i = 4 end
    local valid, bad = utf8.len(src)
    if not valid then fail(st, bad, "the file is not UTF-8 text") end
    local stack, root_el = {}, nil
    local cur
    while i <= #src do
      local lt = src:find("<", i, true)
      local text_end = (lt or #src + 1) - 1
      if text_end >= i then
        local text = src:sub(i, text_end)
        if cur then
          if text:find("]]>", 1, true) then fail(st, i + text:find("]]>", 1, true) - 1, "']]>' in text") end
          cur.kids[#cur.kids + 1] = decode(st, text, i)
        elseif text:find("%S") then
          fail(st, i + text:find("%S") - 1, "text outside the root element")
        end
      end
      if not lt then break end
      i = lt
      if src:sub(i, i + 3) == "<!--" then
        local e = src:find("-->", i + 4, true)
        if not e then fail(st, i, "comment '<!--' is never closed") end
        i = e + 3
      elseif src:sub(i, i + 8) == "<![CDATA[" then
        if not cur then fail(st, i, "CDATA outside the root element") end
        local e = src:find("]]>", i + 9, true)
        if not e then fail(st, i, "'<![CDATA[' is never closed by ']]>'") end
        cur.kids[#cur.kids + 1] = src:sub(i + 9, e - 1)
        i = e + 3
      elseif src:sub(i, i + 1) == "<!" then
        fail(st, i, "a document type declaration (<!DOCTYPE ...>) is not accepted: " ..
             "entities are never expanded or fetched; remove it")
      elseif src:sub(i, i + 1) == "<?" then
        local e = src:find("?>", i + 2, true)
        if not e then fail(st, i, "processing instruction '<?' is never closed") end
        if src:sub(i, i + 5):lower() == "<?xml " and i > 4 then
          fail(st, i, "the XML declaration must come first")
        end
        i = e + 2
      elseif src:sub(i, i + 1) == "</" then
        local tag, e = src:match("^</([%a_:][%w_:%.%-]*)%s*>()", i)
        if not tag then fail(st, i, "malformed end tag") end
        if not cur then fail(st, i, "end tag </%s> without a start tag", tag) end
        if tag ~= cur.name then
          fail(st, i, "end tag </%s> does not match <%s> (line %d)", tag, cur.name,
               (M.position(src, cur.pos)))
        end
        stack[#stack] = nil
        cur = stack[#stack]
        i = e
      else
        local tag, body, e = src:match("^<([%a_:][%w_:%.%-]*)([^<>]*)>()", i)
        if not tag then fail(st, i, "malformed start tag (expected <name ...>)") end
        local empty = body:sub(-1) == "/"
        if empty then body = body:sub(1, -2) end
        local el = { name = tag, attrs = parse_attrs(st, body, i + 1 + #tag), kids = {}, pos = i }
        if cur then
          cur.kids[#cur.kids + 1] = el
        elseif root_el then
          fail(st, i, "a second root element <%s>", tag)
        else
          root_el = el
        end
        if not empty then
          if #stack >= M.MAX_DEPTH then fail(st, i, "elements nested deeper than %d", M.MAX_DEPTH) end
          stack[#stack + 1] = el
          cur = el
        end
        i = e
      end
    end
    if cur then fail(st, cur.pos, "element <%s> is never closed", cur.name) end
    if not root_el then fail(st, 1, "no root element") end
    return root_el
  end)
  if ok then return root end
  if type(root) == "table" and root.xml then return nil, root.xml end
  error(root, 0)
end

-- Child elements named tag (all of them), the first one, its text.
function M.children(el, tag)
  local out = {}
  for _, k in ipairs(el.kids) do
    if type(k) == "table" and (tag == nil or k.name == tag) then out[#out + 1] = k end
  end
  return out
end

function M.child(el, tag)
  for _, k in ipairs(el.kids) do
    if type(k) == "table" and k.name == tag then return k end
  end
end

function M.text(el)
  if not el then return nil end
  local parts = {}
  for _, k in ipairs(el.kids) do
    if type(k) == "string" then parts[#parts + 1] = k end
  end
  return table.concat(parts)
end

return M
