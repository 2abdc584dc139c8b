# Teach-back questions: own words scored by key points, in batch and at
# the terminal, with a nurse confirming or correcting (--assist).
T=$F/teachback.yaml
expect "teachback batch" 0 -- "$TB" run "$T" --seed 1 --answers "$E/answers/teachback.yaml" --json
has "teachback half the key points" "$out" '"score":0.5,"max":1,"percent":50,"passed":true'
has "teachback details" "$out" '"covered":["protects-bone"],"missed":["tell-dentist"],"misconceptions":[1]'

expect "teachback multi-line answer" 0 -- sh -c "printf 'It protects my bones\nand my dentist must know.\n\n' | '$TB' run '$T' --seed 1 --plain"
has "multi-line hint" "$out" "(Type your answer; an empty line ends it.)"
has "both key points heard" "$out" "right: Tell your dentist you get it, because of a rare jaw problem."

# The engine hears nothing in "chemo for my bones"; the nurse says point 1
# was said (y) and agrees on point 2 (Enter): nurse 1 of 2 = 0.5, engine 0.
expect "teachback --assist" 0 -- sh -c "printf 'It is chemo for my bones\n\ny\n\n' | '$TB' run '$T' --seed 1 --assist --json"
has "nurse verdicts kept beside the engine's" "$out" '"score":0.5,"max":1,"correct":false,"covered":[],"missed":["protects-bone","tell-dentist"],"misconceptions":[1],"nurse_covered":["protects-bone"],"nurse_missed":["tell-dentist"]'
has "nurse prompt" "$err" "For the nurse — key point 1 of 2"
