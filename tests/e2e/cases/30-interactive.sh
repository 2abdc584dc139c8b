# The interactive loop, driven through a pipe. With seed 1, bone-basics
# shows "most common site" first as A) The stomach B) The bones C) The
# skin, so "A" is wrong and "B" right (file label A in the JSON);
# staging-and-sites shows the supraclavicular node first, where "B" (N1)
# is wrong.
expect "interactive answer then quit" 0 -- sh -c "printf 'A\n3\nq\n' | '$TB' run '$F/bone-basics.yaml' --seed 1 --plain"
has "question shown" "$out" "Question 1 of 8"
has "certainty asked in plain words" "$out" "How sure are you? 1 = not sure, 2 = fairly sure, 3 = very sure."
has "kind verdict" "$out" "Not quite — here is why."
has "passage after answer" "$out" 'Quote from "How often cancer spreads to bone":'
has "summary after quit" "$out" "Your results"
has "confident mistake first" "$out" "You were very sure, but not right — please go over these first"
if grep -q "$(printf '\033')" "$out"; then bad "--plain output has escape codes"; else ok; fi

expect "bad input is re-asked" 0 -- sh -c "printf 'Z\n\nA\n1\n' | '$TB' run '$F/bone-basics.yaml' --seed 1 --plain"
has "unknown label said" "$out" "There is no option Z; choose A to C. Please try again."
has "empty line said" "$out" "Please type an answer."
n=$(grep -c "^Question 1 of 8" "$out")
if [ "$n" -eq 1 ]; then ok; else bad "question re-shown $n times after bad input"; fi

expect "end of input mid-quiz" 0 -- sh -c "printf 'B\n2\n' | '$TB' run '$F/bone-basics.yaml' --seed 1 --plain"
has "partial result on EOF" "$out" "You answered 1 of 8. You stopped before the last 7 questions."

expect "interactive --json keeps stdout clean" 0 -- sh -c "printf 'B\n2\n' | '$TB' run '$F/bone-basics.yaml' --seed 1 --json --learner Ana"
has "json on stdout" "$out" '{"quiz":"bone-basics","version":1,"mode":"practice","seed":1,"learner":"Ana","score":1,"max":8'
has "json certainty" "$out" '"shown_as":1,"status":"answered","response":"A","score":1,"max":1,"correct":true,"certainty":2'
has "views on stderr" "$err" "Question 1 of 8"

expect "skip is unanswered" 0 -- sh -c "printf 's\nq\n' | '$TB' run '$F/staging-and-sites.yaml' --seed 1 --json"
# Quiz-file order whatever the shuffle; skipped and never reached apart.
has "skipped, shown first" "$out" '"id":"supraclavicular-node","type":"single","topic":"staging","shown_as":1,"status":"skipped","response":null'
has "not reached, file order" "$out" '"questions":[{"id":"tnm-letters","type":"matching","topic":"staging","shown_as":5,"status":"not_reached","response":null'

# A skipped true/false statement shows its right value alone: its feedback
# is written to someone who chose that value ("That's right. ..."). With
# every question of bone-basics skipped, its three statements show so.
expect "every question skipped" 0 -- sh -c "printf 's\n\n%.0s' 1 2 3 4 5 6 7 8 | '$TB' run '$F/bone-basics.yaml' --seed 1 --plain"
n=$(grep -c -x -e "  missed: True" -e "  missed: False" "$out")
if [ "$n" -eq 3 ]; then ok; else bad "skipped statements: $n of 3 show their right value alone"; fi
if grep -q "That's right" "$out"; then bad "a skipped statement says \"That's right\""; else ok; fi
has "skipped statement: its explanation" "$out" "Cancer that has spread keeps the name of the place it started."

expect "adaptive retry with hint" 0 -- sh -c "printf 'A\nB\n' | '$TB' run '$F/staging-and-sites.yaml' --seed 1 --mode adaptive --plain"
has "not right yet" "$out" "Not right yet."
has "tries left" "$out" "2 tries left. Each new try costs a third of the marks."

expect "cbm marks" 0 -- sh -c "printf 'B\n3\n' | '$TB' run '$F/staging-and-sites.yaml' --seed 1 --mode cbm --plain"
has "cbm explained once" "$out" "Certainty-based marking: after each answer"
has "cbm mark shown" "$out" "Certainty 3: -6 marks."

# Hostile terminal input (found in review): a letter that is both an option
# and a command, a huge row number, a NUL byte, text that is not UTF-8.
L=$F/labels.yaml
expect "option H is an answer, not a hint" 0 -- sh -c "printf 'h\n99999999999999999999B\n1A 2B\n' | '$TB' run '$L' --seed 1 --json"
has "H chosen" "$out" '"id":"eight-options","type":"single","topic":"t","shown_as":1,"status":"answered","response":"H","score":1'
has "huge row refused, then answered" "$out" '"id":"rows","type":"matching","topic":"t","shown_as":2,"status":"answered","response":{"1":"B","2":"A"}'
has "huge row message" "$err" "no row 9999; rows are 1 to 2"
expect "NUL byte does not eat the next answer" 0 -- sh -c "printf 'A\0junk\nH\n' | '$TB' run '$L' --seed 1 --json"
has "NUL line refused" "$err" "held a NUL byte"
has "next line still answers" "$out" '"response":"H","score":1'
expect "invalid UTF-8 is re-asked" 0 -- sh -c "printf 'H\nosteo\377\376\n' | '$TB' run '$L' --seed 1 --plain"
has "bad bytes said" "$out" "That text has characters that could not be read."

# Cloze one blank at a time (seed 7 asks the three-blank cloze first):
# B, A, C in display order are PTHrP, IV fluids, CDK4/6 inhibitor.
expect "cloze one blank at a time" 0 -- sh -c "printf 'B\nA\nC\n' | '$TB' run '$F/staging-and-sites.yaml' --seed 7 --plain"
has "part prompts" "$out" "Blank 1 of 3 > Blank 2 of 3 > Blank 3 of 3 >"
has "parts joined and scored" "$out" "Partly correct (0.67 of 1)."

# Students see a running score; patients do not (their check is not a test).
expect "student progress line" 0 -- sh -c "printf 'B\n' | '$TB' run '$F/staging-and-sites.yaml' --seed 1 --plain"
has "score so far" "$out" "Question 2 of 15 · score so far 0 of 1"
expect "patient: not quite, and who to talk to" 0 -- sh -c "printf 'A\n1\n\n' | '$TB' run '$F/bone-basics.yaml' --seed 1 --plain"
has "patient note word" "$out" "not quite: The stomach"
has "patient question 2 shown" "$out" "Question 2 of 8"
if grep -q "score so far" "$out"; then bad "a patient was shown a running score"; else ok; fi
has "support line" "$out" "If anything here worries you, talk to your nurse or care team."
