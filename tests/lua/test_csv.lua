-- The CSV reader (csv.c): RFC 4180 quoting, a BOM, CRLF, and malformed
-- records reported by line and column and skipped.
local T = ...
local csv = require("csv")

local function fields(rec)
  local out = {}
  for i = 1, #rec do out[i] = rec[i] end
  return out
end

-- A record's field positions as "line:col".
local function at(rec)
  local out = {}
  for i, p in ipairs(rec.pos) do out[i] = ("%d:%d"):format(p >> 32, p & 0xFFFFFFFF) end
  return out
end

T.test("csv: quoted commas, doubled quotes, a line break inside quotes", function()
  local recs, bad = csv.parse('learner,q1,q2\r\nana,"A,C","say ""call now"""\r\n' ..
                              'ben,"two\nlines",B\r\n')
  T.eq(#bad, 0)
  T.eq(#recs, 3)
  T.eq(fields(recs[2]), { "ana", "A,C", 'say "call now"' })
  T.eq(recs[2].line, 2)
  T.eq(at(recs[2]), { "2:1", "2:5", "2:11" })
  T.eq(fields(recs[3]), { "ben", "two\nlines", "B" })
  T.eq(recs[3].line, 3)
end)

T.test("csv: a byte-order mark and LF or CRLF line ends; blank lines skipped", function()
  local recs, bad = csv.parse("\239\187\191learner,q1\nana,B\r\n\r\nben,\n")
  T.eq(#bad, 0)
  T.eq(fields(recs[1]), { "learner", "q1" })
  T.eq(at(recs[1]), { "1:1", "1:9" }, "columns count from after the BOM")
  T.eq(fields(recs[2]), { "ana", "B" })
  T.eq(fields(recs[3]), { "ben", "" })
  T.eq(recs[3].line, 4)
end)

T.test("csv: malformed records are reported with line and column, the rest read", function()
  local recs, bad = csv.parse('h1,h2\nab"c,1\n"x"y,2\nok,3\n"never closed,4\nlast,5\n')
  T.eq(#recs, 2)
  T.eq(fields(recs[2]), { "ok", "3" })
  T.eq(#bad, 3)
  T.eq({ bad[1].line, bad[1].col }, { 2, 3 })
  T.ok(bad[1].message:find("quote inside an unquoted field"), bad[1].message)
  T.eq({ bad[2].line, bad[2].col }, { 3, 4 })
  T.ok(bad[2].message:find("after a closing quote"), bad[2].message)
  -- An unclosed quote runs to the end of the file: reported where it opened.
  T.eq({ bad[3].line, bad[3].col }, { 5, 1 })
  T.ok(bad[3].message:find("never closed"), bad[3].message)
end)

-- Fuzz findings (csvc): positions after a field that spans lines, and the
-- character a message quotes.
T.test("csv: an unclosed quote after a field spanning lines is reported where it opens", function()
  local recs, bad = csv.parse('a,"x\nyyyyyyy","z')
  T.eq(#recs, 0)
  T.eq(#bad, 1)
  T.eq({ bad[1].line, bad[1].col }, { 2, 10 })
  T.ok(bad[1].message:find("never closed"), bad[1].message)
  recs, bad = csv.parse('"a\nb"' .. (","):rep(4096))
  T.eq(#recs, 0)
  T.eq({ bad[1].line, bad[1].col, bad[1].message }, { 2, 4099, "more than 4096 fields in a row" })
end)

-- Each field has its own line: after a quoted field spanning lines, the
-- next one is on the line its closing quote is on.
T.test("csv: each field's own line and column after a field spanning lines", function()
  local recs, bad = csv.parse('learner,q1,q2\n"ana\nmaria","two\nlines",B\n')
  T.eq(#bad, 0)
  T.eq(at(recs[1]), { "1:1", "1:9", "1:12" })
  -- "ana at 2:1; maria", is 7 bytes, so "two opens at 3:8; lines", is 7 too: B at 4:8.
  T.eq(fields(recs[2]), { "ana\nmaria", "two\nlines", "B" })
  T.eq(recs[2].line, 2)
  T.eq(at(recs[2]), { "2:1", "3:8", "4:8" })
  -- CRLF inside quotes is one line end; a CR alone is text on the line.
  recs = csv.parse('a,"x\r\ny",z\r\na,"x\ry",z\n')
  T.eq(at(recs[1]), { "1:1", "1:3", "2:4" })
  T.eq({ recs[2].line, at(recs[2]) }, { 3, { "3:1", "3:3", "3:9" } })
  T.eq(fields(recs[2]), { "a", "x\ry", "z" })
end)

-- Columns count characters, as YAML positions and an editor do: an
-- e-acute (two bytes) is one column.
T.test("csv: columns count characters, not bytes", function()
  local recs, bad = csv.parse('Jos\195\169,B,"C"\nAna,\195\169"x\n\195\169,"a"x\n')
  T.eq(at(recs[1]), { "1:1", "1:6", "1:8" }, "J o s e-acute , B , then the quote at 8")
  T.eq(#bad, 2)
  T.eq({ bad[1].line, bad[1].col }, { 2, 6 }, "A n a , e-acute, the quote 6th")
  T.eq({ bad[2].line, bad[2].col }, { 3, 6 }, "e-acute , \" a \" and x 6th")
  T.ok(bad[2].message:find("found 'x'", 1, true), bad[2].message)
end)

T.test("csv: text after a closing quote is quoted whole, or as its byte", function()
  local function found(text)
    local _, bad = csv.parse(text)
    return bad[1].message:match("found (.*)%)$")
  end
  T.eq(found('"a"x\n'), "'x'")
  T.eq(found('"a"\195\169\n'), "'\195\169'", "a whole e-acute")
  T.eq(found('"a"\0\n'), "byte 0x00", "a NUL no longer cuts the message")
  T.eq(found('"a"\27[2J\n'), "byte 0x1B")
  T.eq(found('"a"\194\155\n'), "byte 0xC2", "a C1 control")
  T.eq(found('"a"\195'), "byte 0xC3", "half a character")
  T.eq(found('"a"\237\160\128'), "byte 0xED", "a surrogate is no character")
end)

T.test("csvsheet: a row of one empty cell is written as \"\" and reads back", function()
  local csvsheet = require("csvsheet")
  T.eq(csvsheet.line({ "" }), '""\r\n')
  T.eq(csvsheet.line({ "", "" }), ",\r\n")
  T.eq(csvsheet.line({ " a", "b,c", 'say "x"' }), '" a","b,c","say ""x"""\r\n')
  local recs = csv.parse(csvsheet.line({ "" }) .. csvsheet.line({ "x" }))
  T.eq(#recs, 2)
  T.eq(fields(recs[1]), { "" })
end)

T.test("csv: a hostile sheet stops at 1,000 problems or 100,000 rows, saying so", function()
  local bad = {}
  for i = 1, 1500 do bad[i] = 'a"b' end
  local recs, probs = csv.parse(table.concat(bad, "\n") .. "\n")
  T.eq(#recs, 0)
  T.eq(#probs, 1001, "1,000 problems and the one that says reading stopped")
  T.eq(probs[1000].line, 1000)
  T.eq(probs[1001].line, 1000)
  T.eq(probs[1001].message, "more than 1000 rows with problems; the rest of the file was " ..
                            "not read (fix these and read it again)")
  local rows = {}
  for i = 1, 100002 do rows[i] = "r" .. i end
  recs, probs = csv.parse(table.concat(rows, "\n") .. "\n")
  T.eq(#recs, 100000)
  T.eq(recs[100000][1], "r100000")
  T.eq(#probs, 1)
  T.eq(probs[1].line, 100001, "where the first row not read starts")
  T.eq(probs[1].message, "more than 100000 rows; the rest of the file was not read (split the sheet)")
  rows[100001], rows[100002] = nil, nil
  recs, probs = csv.parse(table.concat(rows, "\n", 1, 100000) .. "\n")
  T.eq(#recs, 100000, "exactly 100,000 rows read whole")
  T.eq(#probs, 0)
end)
