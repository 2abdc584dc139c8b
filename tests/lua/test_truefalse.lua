-- Tests for types/truefalse.lua.

local T = ...
local tf = require("types.truefalse")

local HEAD = "id: q1\ntype: truefalse\ntopic: t\nprompt: Say.\nexplain: x\nsource: doc#sec\n"

local function q_false()
  return T.question(HEAD .. "answer: false\nfeedback_true: It is not.\nfeedback_false: Right.\n")
end

T.test("truefalse: answer is converted to a boolean", function()
  T.eq(q_false().answer, false)
  T.eq(T.question(HEAD .. "answer: TRUE\n").answer, true)
end)

T.test("truefalse: scores 0/1", function()
  local q = q_false()
  T.eq(tf.score(q, false), 1)
  T.eq(tf.score(q, true), 0)
end)

T.test("truefalse: parse accepts true/false/t/f in any case", function()
  local q = q_false()
  T.eq(tf.parse(q, "t"), true)
  T.eq(tf.parse(q, "T"), true)
  T.eq(tf.parse(q, "True"), true)
  T.eq(tf.parse(q, " false "), false)
  T.eq(tf.parse(q, "F"), false)
  T.eq(tf.parse(q, "FALSE"), false)
end)

T.test("truefalse: yes and no answer a statement too; labels as shown", function()
  local q = q_false()
  T.eq({ tf.parse(q, "yes"), tf.parse(q, "Y"), tf.parse(q, "no"), tf.parse(q, "N") },
       { true, true, false, false })
  T.eq({ tf.parse(q, "T)"), tf.parse(q, "(f)"), tf.parse(q, "true.") }, { true, false, true })
end)

T.test("truefalse: parse refuses anything else", function()
  local q = q_false()
  for _, s in ipairs({ "maybe", "1", "", "tr", "yess", { "t" } }) do
    local r, why = tf.parse(q, s)
    T.eq(r, nil, T.show(s))
    T.eq(why, "Type t for true or f for false (true, false, yes and no work too).")
  end
end)

T.test("truefalse: present, encode, show", function()
  local q = q_false()
  local view = tf.present(q, tf.shuffle(q, T.rng(1), true))
  T.eq(view.blocks[1].items, { { label = "T", text = "True" }, { label = "F", text = "False" } })
  T.eq(view.input, "truefalse")
  T.eq(tf.encode(q, false), false)
  T.eq(tf.encode(q, true), true)
  T.eq(tf.show(q, true), "True")
end)

T.test("truefalse: explain uses the feedback for the value chosen", function()
  local q = q_false()
  T.eq(tf.explain(q, true), { answer = "False", notes = {
    { mark = "wrong", text = "True", feedback = "It is not." } } })
  T.eq(tf.explain(q, false), { answer = "False", notes = {
    { mark = "right", text = "False", feedback = "Right." } } })
end)

T.test("truefalse: a skipped statement shows the right value without feedback", function()
  -- feedback_false ("Right.") is written to someone who said false; a
  -- skip said nothing, so neither feedback is shown.
  T.eq(tf.explain(q_false(), nil), { answer = "False", notes = { { mark = "missed", text = "False" } } })
  local q = T.question(HEAD .. "answer: true\nfeedback_true: Right.\nfeedback_false: It is.\n")
  T.eq(tf.explain(q, nil), { answer = "True", notes = { { mark = "missed", text = "True" } } })
end)

T.test("truefalse: missing and non-boolean answers are errors", function()
  T.eq(T.errors(HEAD), { "1:1: missing field 'answer' (true or false)" })
  T.eq(T.errors(HEAD .. "answer: no\n"), { "7:9: 'answer' must be true or false, found 'no'" })
  T.eq(T.errors(HEAD .. "answer: true\nfeedback: x\n"),
       { "8:1: unknown field 'feedback' in question 'q1'" })
end)
