# Teach-back questions: own words scored by key points, in batch and at
# the terminal, with a nurse confirming or correcting (--assist).
T=$F/teachback.yaml
expect "teachback batch" 0 -- "$TB" run "$T" --seed 1 --answers "$E/answers/teachback.yaml" --json
has "teachback half the key points" "$out" '"score":0.5,"max":1,"percent":50,"passed":true'
has "teachback details" "$out" '"covered":["protects-bone"],"missed":["tell-dentist"],"misconceptions":[1]'

expect "teachback multi-line answer" 0 -- sh -c "printf 'It protects my bones\nand my dentist must know.\n\n' | '$TB' run '$T' --seed 1 --plain"
has "multi-line hint" "$out" "(Type your answer; an empty line ends it.)"
has "both key points heard" "$out" "right: Tell your dentist you get it, because of a rare jaw problem."

# The engine hears nothing in "chemo for my bones" but the chemo belief;
# the nurse types "agree" (asked again: not a plain yes or no), says point
# 1 was said (y), keeps point 2 (Enter) and dismisses the belief (n):
# nurse 1 of 2 = 0.5, engine 0.
expect "teachback --assist" 0 -- sh -c "printf 'It is chemo for my bones\n\nagree\ny\n\nn\n' | '$TB' run '$T' --seed 1 --assist --json"
has "nurse verdicts kept beside the engine's" "$out" '"score":0.5,"max":1,"correct":false,"covered":[],"missed":["protects-bone","tell-dentist"],"misconceptions":[1],"misconceptions_heard":["misconception-1"],"evidence":{"misconception-1":{"heard":"chemo"}},"nurse_covered":["protects-bone"],"nurse_missed":["tell-dentist"],"nurse_misconceptions":[]'
has "nurse check announced" "$err" "Nurse check is on"
has "nurse prompt" "$err" "For the nurse — key point 1 of 2"
has "plain question" "$err" "Did the patient say this? y/n, Enter keeps the program's verdict: no"
has "not a yes or no: asked again" "$err" "Please type y (the patient said this) or n (did not)"
has "a change is said back" "$err" "Changed: said."
has "a kept verdict is said back" "$err" "Kept: not said."
has "the belief is asked about" "$err" "For the nurse — a wrong belief heard (1 of 1)"
has "the words heard" "$err" "The program heard it (heard: 'chemo')."
has "the belief dismissed" "$err" "Changed: not said."

# The words behind each verdict are shown with it.  (The belief and the
# point in separate sentences: "chemo that protects my bones" is a right
# word inside a wrong claim, and earns no point.)
expect "teachback evidence" 0 -- sh -c "printf 'It is chemo. It protects my bones\\n\\n' | '$TB' run '$T' --seed 1 --plain"
has "the words that earned a point" "$out" "stronger. — heard: 'protects my bones'"
has "the words behind a belief" "$out" "heard: 'chemo'"
