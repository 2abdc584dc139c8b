-- formats/qti.lua: an IMS QTI 2.1 content package: imsmanifest.xml, one
-- assessmentItem per question, and an assessmentTest that lists them.
--
--   single, truefalse  choiceInteraction (maxChoices 1), match the correct choice
--   multiple           choiceInteraction, mapResponse with our rule's weights
--                      (plus-minus and partial exactly, lowerBound 0);
--                      all-or-nothing matches the correct set
--   matching           matchInteraction, directedPair, one point share per row
--   ordering           orderInteraction, the exact order (pairs scoring is
--                      exported as all-or-nothing, with a warning)
--   numeric            textEntryInteraction (float), equal within the tolerance
--   text               textEntryInteraction (string), stringMatch without case;
--                      a pattern with * becomes a patternMatch
--   cloze              one inlineChoiceInteraction per blank, a share per blank
--   teachback          extendedTextInteraction; the key points and phrases go
--                      in a rubricBlock for the scorer (no automatic score)
--
-- Response processing is written out in each item (not a template URI), so
-- per-choice feedback can be shown: FEEDBACK takes the response's value and
-- each choice's feedbackInline shows when its identifier is there.  SCORE
-- runs from 0 to the question's points.
--
--   matrix             matchInteraction rows -> columns: one column per row
--                      as matching; several, our per-column +/- rule exactly
--   staging            textEntryInteraction, the group's spellings (a comment
--                      in the item says what differs)

local common = require("formats.common")
local xml = require("formats.xml")

local M = {}

local NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
local XSI = "http://www.w3.org/2001/XMLSchema-instance"
local SCHEMA = NS .. " http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"

local function ident(id)
  if id:match("^[%a_]") then return id end
  return "Q" .. id
end

local function num(x)
  if x == math.floor(x) and math.abs(x) < 1e15 then return ("%d"):format(x) end
  return (("%.10g"):format(x))
end

-- Text as XHTML paragraphs (newlines split them).
local function paras(b, text)
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    if line:find("%S") then b:leaf("p", line) end
  end
end

local function set_score(b, expr)
  b:open("setOutcomeValue", { { "identifier", "SCORE" } })
  expr()
  b:close("setOutcomeValue")
end

local function base(b, typ, v)
  b:leaf("baseValue", v, { { "baseType", typ } })
end

-- SCORE = points when cond() holds, else 0.
local function score_if(b, points, cond)
  b:open("responseCondition")
  b:open("responseIf")
  cond()
  set_score(b, function() base(b, "float", num(points)) end)
  b:close("responseIf")
  b:open("responseElse")
  set_score(b, function() base(b, "float", "0") end)
  b:close("responseElse")
  b:close("responseCondition")
end

local function match_correct(b, rid)
  return function()
    b:open("match")
    b:leaf("variable", nil, { { "identifier", rid or "RESPONSE" } })
    b:leaf("correct", nil, { { "identifier", rid or "RESPONSE" } })
    b:close("match")
  end
end

-- SCORE = mapResponse, 0 when nothing was given.
local function score_mapped(b)
  b:open("responseCondition")
  b:open("responseIf")
  b:open("isNull")
  b:leaf("variable", nil, { { "identifier", "RESPONSE" } })
  b:close("isNull")
  set_score(b, function() base(b, "float", "0") end)
  b:close("responseIf")
  b:open("responseElse")
  set_score(b, function() b:leaf("mapResponse", nil, { { "identifier", "RESPONSE" } }) end)
  b:close("responseElse")
  b:close("responseCondition")
end

local function feedback_from_response(b)
  b:open("setOutcomeValue", { { "identifier", "FEEDBACK" } })
  b:leaf("variable", nil, { { "identifier", "RESPONSE" } })
  b:close("setOutcomeValue")
end

local function declare_response(b, card, typ, correct, mapping, rid)
  b:open("responseDeclaration", { { "identifier", rid or "RESPONSE" }, { "cardinality", card },
                                  { "baseType", typ } })
  if correct and #correct > 0 then
    b:open("correctResponse")
    for _, v in ipairs(correct) do b:leaf("value", v) end
    b:close("correctResponse")
  end
  if mapping then mapping() end
  b:close("responseDeclaration")
end

local function declare_outcomes(b, q, feedback_card)
  b:open("outcomeDeclaration", { { "identifier", "SCORE" }, { "cardinality", "single" },
                                 { "baseType", "float" }, { "normalMaximum", num(q.points or 1) } })
  b:open("defaultValue")
  b:leaf("value", "0")
  b:close("defaultValue")
  b:close("outcomeDeclaration")
  b:open("outcomeDeclaration", { { "identifier", "MAXSCORE" }, { "cardinality", "single" },
                                 { "baseType", "float" } })
  b:open("defaultValue")
  b:leaf("value", num(q.points or 1))
  b:close("defaultValue")
  b:close("outcomeDeclaration")
  -- FEEDBACK: the choices whose feedback shows, and the explanation's switch.
  b:leaf("outcomeDeclaration", nil, { { "identifier", "FEEDBACK" },
    { "cardinality", feedback_card or "single" }, { "baseType", "identifier" } })
end

local function choice_body(b, q, max, shuffle, ids)
  b:open("choiceInteraction", { { "responseIdentifier", "RESPONSE" },
    { "shuffle", shuffle and "true" or "false" }, { "maxChoices", tostring(max) } })
  b:leaf("prompt", q.prompt)
  for i, o in ipairs(q.options) do
    local attrs = { { "identifier", ids[i] } }
    if o.fixed then attrs[2] = { "fixed", "true" } end
    if o.feedback then
      b:open("simpleChoice", attrs)
      b:raw(xml.escape(o.text))
      b:leaf("feedbackInline", o.feedback, { { "outcomeIdentifier", "FEEDBACK" },
        { "identifier", ids[i] }, { "showHide", "show" } })
      b:close("simpleChoice")
    else
      b:leaf("simpleChoice", o.text, attrs)
    end
  end
  b:close("choiceInteraction")
end

local function option_ids(q)
  local ids = {}
  for i in ipairs(q.options) do ids[i] = "C" .. i end
  return ids
end

local ITEM = {}

function ITEM.single(q, b, warn, shuffle)
  local ids, correct = option_ids(q), {}
  for i, o in ipairs(q.options) do if o.correct then correct[#correct + 1] = ids[i] end end
  return {
    declare = function()
      declare_response(b, "single", "identifier", correct)
      declare_outcomes(b, q, "single")
    end,
    body = function() choice_body(b, q, 1, shuffle, ids) end,
    process = function()
      score_if(b, q.points or 1, match_correct(b))
      feedback_from_response(b)
    end,
  }
end

function ITEM.multiple(q, b, warn, shuffle)
  local ids, correct = option_ids(q), {}
  for i, o in ipairs(q.options) do if o.correct then correct[#correct + 1] = ids[i] end end
  local rule = q.scoring or "plus-minus"
  local pts = q.points or 1
  local mapping
  if rule ~= "all-or-nothing" then
    local k, x = #correct, #q.options - #correct
    local right = pts / k
    local wrong = rule == "partial" and -pts / math.max(x, 2) or -pts / k
    mapping = function()
      b:open("mapping", { { "lowerBound", "0" }, { "upperBound", num(pts) }, { "defaultValue", "0" } })
      for i, o in ipairs(q.options) do
        b:leaf("mapEntry", nil, { { "mapKey", ids[i] },
          { "mappedValue", num(o.correct and right or wrong) } })
      end
      b:close("mapping")
    end
  end
  return {
    declare = function()
      declare_response(b, "multiple", "identifier", correct, mapping)
      declare_outcomes(b, q, "multiple")
    end,
    body = function() choice_body(b, q, 0, shuffle, ids) end,
    process = function()
      if mapping then score_mapped(b) else score_if(b, pts, match_correct(b)) end
      feedback_from_response(b)
    end,
  }
end

function ITEM.truefalse(q, b)
  local tf = { prompt = q.prompt, points = q.points, options = {
    { text = "True", correct = q.answer, feedback = q.feedback_true, fixed = true },
    { text = "False", correct = not q.answer, feedback = q.feedback_false, fixed = true } } }
  return ITEM.single(tf, b, nil, false)
end

function ITEM.matching(q, b)
  local pts = q.points or 1
  local share = pts / #q.pairs
  local rights = {}
  for i, p in ipairs(q.pairs) do rights[i] = p.right end
  for _, d in ipairs(q.distractors or {}) do rights[#rights + 1] = d end
  local correct = {}
  for i in ipairs(q.pairs) do correct[i] = ("L%d R%d"):format(i, i) end
  return {
    declare = function()
      declare_response(b, "multiple", "directedPair", correct, function()
        b:open("mapping", { { "lowerBound", "0" }, { "upperBound", num(pts) }, { "defaultValue", "0" } })
        for i in ipairs(q.pairs) do
          b:leaf("mapEntry", nil, { { "mapKey", correct[i] }, { "mappedValue", num(share) } })
        end
        b:close("mapping")
      end)
      declare_outcomes(b, q)
    end,
    body = function()
      b:open("matchInteraction", { { "responseIdentifier", "RESPONSE" }, { "shuffle", "true" },
                                   { "maxAssociations", tostring(#q.pairs) } })
      b:leaf("prompt", q.prompt)
      b:open("simpleMatchSet")
      for i, p in ipairs(q.pairs) do
        b:leaf("simpleAssociableChoice", p.left, { { "identifier", "L" .. i }, { "matchMax", "1" } })
      end
      b:close("simpleMatchSet")
      b:open("simpleMatchSet")
      for i, r in ipairs(rights) do
        b:leaf("simpleAssociableChoice", r, { { "identifier", "R" .. i }, { "matchMax", "1" } })
      end
      b:close("simpleMatchSet")
      b:close("matchInteraction")
    end,
    process = function() score_mapped(b) end,
  }
end

function ITEM.ordering(q, b, warn)
  if q.scoring == "pairs" then
    warn(("question '%s': pairs scoring has no QTI template; exported as all-or-nothing"):format(q.id))
  end
  local ids = {}
  for i in ipairs(q.items) do ids[i] = "I" .. i end
  return {
    declare = function()
      declare_response(b, "ordered", "identifier", ids)
      declare_outcomes(b, q)
    end,
    body = function()
      b:open("orderInteraction", { { "responseIdentifier", "RESPONSE" }, { "shuffle", "true" } })
      b:leaf("prompt", q.prompt)
      for i, item in ipairs(q.items) do b:leaf("simpleChoice", item, { { "identifier", ids[i] } }) end
      b:close("orderInteraction")
    end,
    process = function() score_if(b, q.points or 1, match_correct(b)) end,
  }
end

function ITEM.numeric(q, b)
  local mode, tol = "exact", nil
  if q.tolerance and q.tolerance > 0 then mode, tol = "absolute", num(q.tolerance)
  elseif q.tolerance_pct and q.tolerance_pct > 0 then mode, tol = "relative", num(q.tolerance_pct) end
  return {
    declare = function()
      declare_response(b, "single", "float", { num(q.answer) })
      declare_outcomes(b, q)
    end,
    body = function()
      paras(b, q.prompt)
      b:open("p")
      b:leaf("textEntryInteraction", nil, { { "responseIdentifier", "RESPONSE" },
                                            { "expectedLength", "8" } })
      if q.unit then b:raw(xml.escape(" " .. q.unit)) end
      b:close("p")
    end,
    process = function()
      score_if(b, q.points or 1, function()
        local attrs = { { "toleranceMode", mode } }
        if tol then attrs[2] = { "tolerance", tol .. " " .. tol } end
        b:open("equal", attrs)
        b:leaf("variable", nil, { { "identifier", "RESPONSE" } })
        b:leaf("correct", nil, { { "identifier", "RESPONSE" } })
        b:close("equal")
      end)
    end,
  }
end

-- Our * wildcard as an XML Schema regular expression, letters matching
-- either case (XSD patterns have no case-insensitive flag).
local function wildcard_regex(p)
  return (p:gsub("[%^%$%(%)%%%.%[%]%+%-%?{}|\\]", "\\%0"):gsub("%*", ".*"):gsub("%a", function(c)
    return "[" .. c:lower() .. c:upper() .. "]"
  end))
end

function ITEM.text(q, b)
  local plain = {}
  for _, p in ipairs(q.accept) do if not p:find("*", 1, true) then plain[#plain + 1] = p end end
  return {
    declare = function()
      declare_response(b, "single", "string", { plain[1] })
      declare_outcomes(b, q)
    end,
    body = function()
      paras(b, q.prompt)
      b:open("p")
      b:leaf("textEntryInteraction", nil, { { "responseIdentifier", "RESPONSE" },
                                            { "expectedLength", "20" } })
      b:close("p")
    end,
    process = function()
      score_if(b, q.points or 1, function()
        b:open("or")
        for _, p in ipairs(q.accept) do
          if p:find("*", 1, true) then
            b:open("patternMatch", { { "pattern", wildcard_regex(p) } })
          else
            b:open("stringMatch", { { "caseSensitive", "false" } })
          end
          b:leaf("variable", nil, { { "identifier", "RESPONSE" } })
          if not p:find("*", 1, true) then base(b, "string", p) end
          b:close(p:find("*", 1, true) and "patternMatch" or "stringMatch")
        end
        b:close("or")
      end)
    end,
  }
end

-- A grid: a matchInteraction from rows to columns, in their order.  One
-- column per row: each right pair maps to points / rows.  Several: per
-- column, NET_j counts right ticks minus wrong ones (a responseCondition
-- per cell), and SCORE = points * sum of max(0, NET_j) / right cells:
-- our NCSBN +/- rule exactly.
function ITEM.matrix(q, b)
  local pts = q.points or 1
  local keys, multi = common.matrix_keys(q)
  local nrows, ncols = #q.rows, #q.columns
  local right, correct, keyed = {}, {}, 0
  for r = 1, nrows do
    right[r] = {}
    for _, j in ipairs(keys[r]) do
      right[r][j] = true
      keyed = keyed + 1
      correct[#correct + 1] = ("R%d C%d"):format(r, j)
    end
  end
  return {
    declare = function()
      declare_response(b, "multiple", "directedPair", correct, not multi and function()
        b:open("mapping", { { "lowerBound", "0" }, { "upperBound", num(pts) }, { "defaultValue", "0" } })
        for _, c in ipairs(correct) do
          b:leaf("mapEntry", nil, { { "mapKey", c }, { "mappedValue", num(pts / nrows) } })
        end
        b:close("mapping")
      end or nil)
      declare_outcomes(b, q)
      if multi then
        for j = 1, ncols do
          b:open("outcomeDeclaration", { { "identifier", "NET_" .. j }, { "cardinality", "single" },
                                         { "baseType", "float" } })
          b:open("defaultValue")
          b:leaf("value", "0")
          b:close("defaultValue")
          b:close("outcomeDeclaration")
        end
      end
    end,
    body = function()
      b:open("matchInteraction", { { "responseIdentifier", "RESPONSE" }, { "shuffle", "false" },
        { "maxAssociations", tostring(multi and nrows * ncols or nrows) } })
      b:leaf("prompt", q.prompt)
      b:open("simpleMatchSet")
      for r, row in ipairs(q.rows) do
        b:leaf("simpleAssociableChoice", row.text, { { "identifier", "R" .. r },
          { "matchMax", tostring(multi and ncols or 1) } })
      end
      b:close("simpleMatchSet")
      b:open("simpleMatchSet")
      for j, c in ipairs(q.columns) do
        b:leaf("simpleAssociableChoice", c, { { "identifier", "C" .. j },
          { "matchMax", tostring(nrows) } })
      end
      b:close("simpleMatchSet")
      b:close("matchInteraction")
    end,
    process = function()
      if not multi then return score_mapped(b) end
      for r = 1, nrows do
        for j = 1, ncols do
          b:open("responseCondition")
          b:open("responseIf")
          b:open("member")
          base(b, "directedPair", ("R%d C%d"):format(r, j))
          b:leaf("variable", nil, { { "identifier", "RESPONSE" } })
          b:close("member")
          b:open("setOutcomeValue", { { "identifier", "NET_" .. j } })
          b:open("sum")
          b:leaf("variable", nil, { { "identifier", "NET_" .. j } })
          base(b, "float", right[r][j] and "1" or "-1")
          b:close("sum")
          b:close("setOutcomeValue")
          b:close("responseIf")
          b:close("responseCondition")
        end
      end
      set_score(b, function()
        b:open("divide")
        b:open("sum")
        for j = 1, ncols do
          b:open("max")
          b:leaf("variable", nil, { { "identifier", "NET_" .. j } })
          base(b, "float", "0")
          b:close("max")
        end
        b:close("sum")
        base(b, "float", num(keyed / pts))
        b:close("divide")
      end)
    end,
  }
end

-- Staging as a text entry: the case in the text, the group's spellings.
function ITEM.staging(q, b)
  local parts = ITEM.text({ prompt = common.staging_prompt(q), points = q.points,
                            accept = common.staging_answers(q) }, b)
  parts.note = ("'%s' is %s"):format(q.id, common.STAGING_NOTE)
  return parts
end

function ITEM.cloze(q, b)
  local pts = q.points or 1
  local n = #q.blanks
  local function rid(i) return "RESPONSE_" .. i end
  local function key(blank)
    for j, o in ipairs(blank.options) do if o == blank.answer then return j end end
  end
  return {
    declare = function()
      for i, blank in ipairs(q.blanks) do
        declare_response(b, "single", "identifier", { ("B%d_%d"):format(i, key(blank)) }, nil, rid(i))
      end
      declare_outcomes(b, q)
    end,
    body = function()
      paras(b, q.prompt)
      -- One line, so no white space the text does not have creeps in.
      local out, at, text = {}, 1, q.text
      for s, num_, e in text:gmatch("(){{%s*(%d+)%s*}}()") do
        out[#out + 1] = xml.escape(text:sub(at, s - 1))
        local i = tonumber(num_)
        out[#out + 1] = ('<inlineChoiceInteraction responseIdentifier="%s" shuffle="false">')
                        :format(rid(i))
        for j, o in ipairs(q.blanks[i].options) do
          out[#out + 1] = ('<inlineChoice identifier="B%d_%d">%s</inlineChoice>'):format(i, j,
                          xml.escape(o))
        end
        out[#out + 1] = "</inlineChoiceInteraction>"
        at = e
      end
      out[#out + 1] = xml.escape(text:sub(at))
      b:raw("<p>" .. table.concat(out) .. "</p>")
    end,
    process = function()
      set_score(b, function() base(b, "float", "0") end)
      for i = 1, n do
        b:open("responseCondition")
        b:open("responseIf")
        match_correct(b, rid(i))()
        set_score(b, function()
          b:open("sum")
          b:leaf("variable", nil, { { "identifier", "SCORE" } })
          base(b, "float", num(pts / n))
          b:close("sum")
        end)
        b:close("responseIf")
        b:close("responseCondition")
      end
    end,
  }
end

function ITEM.teachback(q, b)
  return {
    declare = function()
      declare_response(b, "single", "string")
      declare_outcomes(b, q)
    end,
    body = function()
      b:open("rubricBlock", { { "view", "scorer" } })
      b:leaf("p", "Key points to listen for (score the share heard):")
      b:open("ol")
      for _, kp in ipairs(q.key_points) do
        b:leaf("li", ("%s Listen for: %s"):format(kp.says, table.concat(kp.any, "; ")))
      end
      b:close("ol")
      if q.misconceptions and #q.misconceptions > 0 then
        b:leaf("p", "Misconceptions to correct:")
        b:open("ul")
        for _, m in ipairs(q.misconceptions) do
          b:leaf("li", ("%s Say: %s"):format(table.concat(m.any, "; "), m.feedback))
        end
        b:close("ul")
      end
      b:close("rubricBlock")
      b:open("extendedTextInteraction", { { "responseIdentifier", "RESPONSE" },
                                          { "expectedLines", "6" } })
      b:leaf("prompt", require("types.teachback").full_prompt(q))
      b:close("extendedTextInteraction")
    end,
  }
end

local function item_xml(q, warn, shuffle)
  local b = xml.builder()
  local parts = ITEM[q.type](q, b, warn, shuffle)
  if parts.note then b:raw(common.xml_comment("Note: " .. parts.note)) end
  b:open("assessmentItem", { { "xmlns", NS }, { "xmlns:xsi", XSI }, { "xsi:schemaLocation", SCHEMA },
    { "identifier", ident(q.id) }, { "title", q.id }, { "adaptive", "false" },
    { "timeDependent", "false" } })
  parts.declare()
  b:open("itemBody")
  parts.body()
  b:close("itemBody")
  if parts.process then
    b:open("responseProcessing")
    parts.process()
    b:close("responseProcessing")
  end
  -- "hide" unless FEEDBACK is NONE: the explanation shows after every answer.
  b:open("modalFeedback", { { "outcomeIdentifier", "FEEDBACK" }, { "identifier", "NONE" },
                            { "showHide", "hide" } })
  paras(b, q.explain)
  b:close("modalFeedback")
  b:close("assessmentItem")
  return b:text()
end

local function test_xml(quiz, items)
  local b = xml.builder()
  b:open("assessmentTest", { { "xmlns", NS }, { "xmlns:xsi", XSI }, { "xsi:schemaLocation", SCHEMA },
    { "identifier", ident(quiz.id) }, { "title", quiz.title } })
  b:open("testPart", { { "identifier", "part1" }, { "navigationMode", "nonlinear" },
                       { "submissionMode", "simultaneous" } })
  b:open("assessmentSection", { { "identifier", "section1" }, { "title", quiz.title },
                                { "visible", "true" } })
  for _, it in ipairs(items) do
    b:leaf("assessmentItemRef", nil, { { "identifier", it.ident }, { "href", it.href } })
  end
  b:close("assessmentSection")
  b:close("testPart")
  b:close("assessmentTest")
  return b:text()
end

local function manifest_xml(quiz, items)
  local b = xml.builder()
  local cp = "http://www.imsglobal.org/xsd/imscp_v1p1"
  b:open("manifest", { { "xmlns", cp }, { "xmlns:xsi", XSI },
    { "xsi:schemaLocation", cp .. " http://www.imsglobal.org/xsd/imscp_v1p1.xsd" },
    { "identifier", "MANIFEST-" .. ident(quiz.id) } })
  b:open("metadata")
  b:leaf("schema", "QTIv2.1 Package")
  b:leaf("schemaversion", "1.0.0")
  b:close("metadata")
  b:leaf("organizations")
  b:open("resources")
  b:open("resource", { { "identifier", "RES-TEST" }, { "type", "imsqti_test_xmlv2p1" },
                       { "href", "test.xml" } })
  b:leaf("file", nil, { { "href", "test.xml" } })
  for _, it in ipairs(items) do b:leaf("dependency", nil, { { "identifierref", "RES-" .. it.ident } }) end
  b:close("resource")
  for _, it in ipairs(items) do
    b:open("resource", { { "identifier", "RES-" .. it.ident }, { "type", "imsqti_item_xmlv2p1" },
                         { "href", it.href } })
    b:leaf("file", nil, { { "href", it.href } })
    b:close("resource")
  end
  b:close("resources")
  b:close("manifest")
  return b:text()
end

-- The package as a list of {name, text} for host.write_zip, and warnings.
function M.export(quiz)
  local warnings, files, items = {}, {}, {}
  local function warn(s) warnings[#warnings + 1] = s end
  local shuffle = quiz.settings and quiz.settings.shuffle
  for _, q in ipairs(quiz.questions) do
    if q.script then
      warn(common.skipped("QTI", q, "it is made by a script from each attempt's seed"))
    elseif not ITEM[q.type] then
      warn(common.skipped("QTI", q, "this export has no QTI form for " .. q.type))
    else
      local it = { ident = ident(q.id), href = "items/" .. q.id .. ".xml" }
      items[#items + 1] = it
      files[#files + 1] = { it.href, item_xml(q, warn, shuffle) }
    end
  end
  table.insert(files, 1, { "test.xml", test_xml(quiz, items) })
  table.insert(files, 1, { "imsmanifest.xml", manifest_xml(quiz, items) })
  return files, warnings
end

return M
