-- formats/starter.lua: the files `teachback new QUIZ-ID --audience ...`
-- writes: a commented quiz and the material document it cites, which pass
-- `teachback check` as they are, so an author starts from something that
-- works and changes it a step at a time.

local M = {}

local MATERIAL = [[
---
# The material the quiz is written from.  Every question cites a section
# of it (source: %s#section-id) and may quote it word for word (quote:).
id: %s
title: "%s: study material"
reviewed: %s
sources:
  - "Write where the facts come from: a guideline, a leaflet, a textbook."
---

# %s

Write the material in short sections.  Each "##" heading starts one; the
{#id} after it is the name questions cite.

## What it is {#what-it-is}

%s

## When to call {#when-to-call}

%s
]]

local PATIENT_FACTS = {
  "Cancer that spreads is still named for the place it started. Breast cancer in the bone is breast cancer, not bone cancer.",
  "Call your care team now if you have new back pain with weak or numb legs. If you cannot reach them, go to the emergency department.",
}

local STUDENT_FACTS = {
  "Metastatic breast cancer is breast cancer that has spread to distant organs such as bone, lung, liver or brain. Any M1 disease is stage IV.",
  "New back pain with leg weakness or numbness suggests spinal cord compression. It is an emergency: report it at once, because fast treatment protects the ability to walk.",
}

local QUIZ = [[
# %s: a starter quiz written by `teachback new`.  Edit it, then run
#   teachback check %s.yaml
# The README lists every field; editors that speak the YAML language server
# complete and check fields with the schema line below (see README).
# yaml-language-server: $schema=%s

id: %s                  # lower-case letters, digits and dashes; unique
title: %s
audience: %s            # patient (plain words, grade 8 at most) | student | any
version: 1              # raise it when a key changes
reviewed: %s            # the day the content was last checked
material: [%s]          # material documents (material/<id>.md) the questions cite
settings:
  mode: practice        # practice | exam | adaptive | cbm
  shuffle: true         # shuffle questions and options
  pass: 80              # pass mark, percent
questions:
  # One answer.  Every wrong option says why it is wrong.
  - id: still-breast-cancer
    type: single
    topic: basics
    prompt: %s
    options:
      - text: %s
        correct: true
        feedback: %s
      - text: %s
        feedback: %s
    explain: %s
    source: %s#what-it-is          # material document # section
    quote: %s

  # A red flag: the explanation always says what to do, now.
  - id: call-now
    type: truefalse
    topic: red-flags
    safety: true
    prompt: %s
    answer: false
    feedback_true: %s
    feedback_false: %s
    explain: %s
    source: %s#when-to-call

  # Own words: the engine listens for each key point ("*" stands for up
  # to three words; "word*" for any word that begins so).
  - id: explain-when-to-call
    type: teachback
    topic: red-flags
    prompt: In your own words, which signs mean you should get help at once, and what do you do?
    key_points:
      - id: back-pain-legs
        says: New back pain with weak or numb legs.
        any: ["back pain * leg*", "numb* leg*", "weak* leg*"]
      - id: call-now
        says: Call the care team now, or go to the emergency department.
        any: ["call* * now", "emergency"]
    misconceptions:
      - any: ["wait* * next visit", "next week"]
        feedback: Do not wait for the next visit. Call now.
    explain: New back pain with weak or numb legs is an emergency. Call your care team now.
    source: %s#when-to-call
]]

local function text_for(audience)
  if audience == "patient" then
    return {
      facts = PATIENT_FACTS,
      q1 = "Cancer that started in the breast has spread to the bone. What is it called now?",
      right = "Breast cancer", right_fb = "Yes. It keeps the name of where it started.",
      wrong = "Bone cancer", wrong_fb = "Not quite. It is breast cancer that is now in the bone.",
      explain1 = "Cancer that spreads keeps the name of the place it started.",
      quote1 = "Breast cancer in the bone is breast cancer, not bone cancer.",
      q2 = "True or false: new back pain with numb legs can wait for my next visit.",
      tf_true = "Not quite. Call your care team now.",
      tf_false = "That's right. Call your care team now.",
      explain2 = "New back pain with weak or numb legs can be an emergency. Call your care team now. If you cannot reach them, go to the emergency department.",
    }
  end
  return {
    facts = STUDENT_FACTS,
    q1 = "A tumour of any size with any nodal status has a distant metastasis (M1). What is the stage group?",
    right = "Stage IV", right_fb = "Correct. Any M1 disease is stage IV.",
    wrong = "Stage IIIC", wrong_fb = "Incorrect. IIIC is regional (N3) disease without distant spread.",
    explain1 = "Distant metastasis (M1) makes the stage group IV whatever the T and N categories.",
    quote1 = "Any M1 disease is stage IV.",
    q2 = "True or false: new back pain with leg weakness can be reviewed at the next clinic visit.",
    tf_true = "Incorrect. It suggests spinal cord compression, an emergency.",
    tf_false = "Correct. Report it at once: fast treatment protects the ability to walk.",
    explain2 = "New back pain with leg weakness or numbness suggests spinal cord compression. Report it at once.",
  }
end

-- Returns the quiz text and the material text.
function M.files(id, audience, today)
  local t = text_for(audience)
  local title = id:gsub("%-", " "):gsub("^%l", string.upper)
  -- The schema beside the quizzes this engine was built from.
  local schema = host.quizdir:gsub("/quizzes/?$", "") .. "/schema/quiz.schema.json"
  local y = require("formats.yamlout").scalar
  local quiz = QUIZ:format(title, id, schema, id, y(title), audience, today, id,
    y(t.q1), y(t.right), y(t.right_fb), y(t.wrong), y(t.wrong_fb), y(t.explain1), id, y(t.quote1),
    y(t.q2), y(t.tf_true), y(t.tf_false), y(t.explain2), id, id)
  local mat = MATERIAL:format(id, id, title, today, title, t.facts[1], t.facts[2])
  return quiz, mat
end

return M
