-- The terminal's own words (termsay.lua), which main.c and term.c draw.
local T = ...
local termsay = require("termsay")

T.test("termsay: the menu's words, with their numbers", function()
  T.eq(termsay.say("title"), "teachback " .. host.version ..
       ": learning about metastatic breast cancer")
  T.eq(termsay.say("place", "3", 12), "3 of 12")
  T.eq(termsay.say("no_quiz", "15", 12), "There is no quiz 15; choose 1 to 12.")
  T.eq(termsay.say("choose", nil, 12), "\nChoose a quiz (1-12), or q to quit: ")
  T.eq(termsay.say("no_such", "99", 12), "There is no quiz 99; type a number from 1 to 12, or q.")
  T.eq(termsay.say("type_number", nil, 2), "Please type a number from 1 to 2, or q.")
  T.eq(termsay.say("none", "/q", 0), "teachback: no quizzes found in /q")
  T.eq({ termsay.say("from"), termsay.say("quote_from") }, { "From", "Quote from" })
  T.eq(termsay.say("too_long", nil, 16382), "That answer was longer than 16382 characters, " ..
       "or held a NUL byte; please type it again.")
end)

T.test("termsay: a key with no words is an engine fault, by name", function()
  local ok, err = pcall(termsay.say, "banner")
  T.eq(ok, false)
  T.ok(err:find("termsay: no words for 'banner'", 1, true), err)
end)
