-- Tests for lexvocab, the module scripts/lexvocab.lua makes at build time:
-- the words teach-back's speller knows from the shared lexicon.

local T = ...
local lexicon = require("lexicon")
local made = require("lexvocab")

-- The words as the speller gathered them at run time before the module:
-- host.add_words over every class and over LAY's and PHONE's words.
local function gathered(min)
  local vocab = {}
  for _, list in pairs(lexicon.CLASSES) do T.ok(host.add_words(vocab, list, min)) end
  local lay = {}
  for _, rep in pairs(lexicon.LAY) do lay[#lay + 1] = rep end
  for _, w in pairs(lexicon.PHONE) do lay[#lay + 1] = w end
  T.ok(host.add_words(vocab, lay, min))
  return vocab
end

T.test("lexvocab: the same words as host.add_words over the lexicon, no more", function()
  T.ok(made, "the lexicon has no character textnorm maps, so the list is made")
  T.eq(made.MIN, require("types.teachback").SPELL_MIN - 1)
  local want = gathered(made.MIN)
  local n = 0
  for w in pairs(want) do
    T.eq(made.WORDS[w], true, w)
    n = n + 1
  end
  for w in pairs(made.WORDS) do T.eq(want[w], true, w) end
  T.ok(n > 300, "a few hundred words, " .. n)
end)

T.test("lexvocab: a prefix is no word; five letters or more", function()
  local W = made.WORDS
  T.eq(W.department, true, "from LAY: emergency department")
  T.eq(W.emergency, true)
  T.eq(W.telephon, nil, "'telephon*' is a prefix")
  T.eq(W.telephone, true, "'on the telephone to'")
  T.eq(W.call, nil, "four letters")
end)

T.test("lexvocab: LAY_FIRST is teach-back's lay_first of the lexicon's LAY", function()
  local tb = require("types.teachback")
  T.eq(made.LAY_FIRST, tb.lay_first(lexicon.LAY))
  T.eq(made.LAY_FIRST.a, 3, "'a and e'")
  T.eq(made.LAY_FIRST["a&e"], 1)
  T.eq(made.LAY_FIRST.walk, 3, "'walk in centre'")
  T.eq(made.LAY_FIRST.emergency, 2)
  T.eq(made.LAY_FIRST.department, nil, "never first")
  T.eq(tb.lay_first({ ["x y z"] = "a", x = "b", ["y"] = "c" }), { x = 3, y = 1 })
end)
