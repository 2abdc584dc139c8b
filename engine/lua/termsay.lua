-- termsay.lua: the terminal's own words (the menu, its status line, what
-- leads a quoted passage, a too long answer), so that main.c and term.c
-- only draw and read.  The words of views are in report.lua, the modes and
-- the types; a view's block carries them.
--
-- say(key, arg, n) -> the text; arg is a string (a number typed, a
-- folder), n a number; either may be absent.

local M = {}

local WORDS = {
  -- The menu's title line.
  title = function() return ("teachback %s: learning about metastatic breast cancer")
    :format(host.version) end,
  -- The drawn menu's status line: "3 of 12", the keys, more keys when wide.
  place = function(arg, n) return ("%s of %d"):format(arg, n) end,
  keys = function() return "Enter starts, q quits" end,
  keys_wide = function() return "; arrows or a number choose" end,
  no_quiz = function(arg, n) return ("There is no quiz %s; choose 1 to %d."):format(arg, n) end,
  use_keys = function() return "Use the arrows or a number; Enter starts, q quits." end,
  -- The menu as a list, where it cannot be drawn: a number is typed.
  choose = function(_, n) return ("\nChoose a quiz (1-%d), or q to quit: "):format(n) end,
  no_such = function(arg, n)
    return ("There is no quiz %s; type a number from 1 to %d, or q."):format(arg, n)
  end,
  type_number = function(_, n) return ("Please type a number from 1 to %d, or q."):format(n) end,
  back = function() return "\nPress Enter to go back to the menu. " end,
  none = function(arg) return ("teachback: no quizzes found in %s"):format(arg) end,
  -- What leads a quoted passage: in colour a bar marks the quote; plain
  -- text says it in words, for a screen reader.
  from = function() return "From" end,
  quote_from = function() return "Quote from" end,
  -- An answer line the terminal could not take.
  too_long = function(_, n)
    return ("That answer was longer than %d characters, or held a NUL byte; please type " ..
            "it again."):format(n)
  end,
}

function M.say(key, arg, n)
  local w = WORDS[key]
  if not w then error("termsay: no words for '" .. tostring(key) .. "'") end
  return w(arg, n)
end

return M
