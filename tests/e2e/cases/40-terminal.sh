# The real binary in a pseudo-terminal (tmux): what the screen shows.
# Each wait polls the screen for a bounded number of tries; nothing here
# asserts on time.
if ! command -v tmux >/dev/null 2>&1; then
	bad "tmux is missing (scripts/install-deps installs it)"
	return 0 2>/dev/null || exit 1
fi
runs=0
sock="tb-test-$$-0"
tx() { tmux -L "$sock" "$@"; }
screen() { tx capture-pane -p -J -t t -S -200 > "$out"; }
# wait_for TEXT: poll the screen until TEXT shows (at most ~10 s)
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		screen
		grep -qF -- "$1" "$out" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# start NAME ENV... -- CMD: a fresh 80x40 terminal running CMD then a marker
start() {
	tx kill-server 2>/dev/null
	runs=$((runs + 1))
	sock="tb-test-$$-$runs"
	tx new-session -d -s t -x 80 -y 40 "$*; echo '[exited]'; sleep 30"
}
# start_sized W H CMD: as start, in a W x H terminal
start_sized() {
	tx kill-server 2>/dev/null
	runs=$((runs + 1))
	sock="tb-test-$$-$runs"
	w=$1 h=$2
	shift 2
	tx new-session -d -s t -x "$w" -y "$h" "$*; echo '[exited]'; sleep 30"
}
see() {	# NAME TEXT
	if wait_for "$2"; then ok; else bad "$1: screen never showed '$2'"; sed 's/^/    /' "$out" | tail -15; fi
}

# A practice run: colour on a terminal, the patient's calm words.
start "$TB" run "$F/bone-basics.yaml" --seed 1
see "tty intro" "Question 1 of 8"
tx capture-pane -p -e -t t > "$out"
if grep -q "$(printf '\033')\[" "$out"; then ok; else bad "no colour on a terminal"; fi
tx send-keys -t t "B" Enter
see "certainty asked" "How sure are you?"
tx send-keys -t t "3" Enter
see "right answer said in words" "That's right."
# A patient reads the feedback, then goes on with Enter.
see "patient pause after feedback" "Press Enter for the next question."
tx send-keys -t t Enter
see "patient question 2" "Question 2 of 8"
if grep -q "score so far" "$out"; then bad "a patient was shown a running score"; else ok; fi
# Ctrl-D mid-quiz: partial result, the shell gets its terminal back.
tx send-keys -t t C-d
see "partial result on Ctrl-D" "You answered 1 of 8. You stopped before the last 7 questions."
see "exits cleanly" "[exited]"

# Ctrl-C ends cleanly too, with the result.
start "$TB" run "$F/bone-basics.yaml" --seed 1
see "second run" "Question 1 of 8"
tx send-keys -t t C-c
see "result on Ctrl-C" "Your results"
see "exits after Ctrl-C" "[exited]"

# NO_COLOR and --plain: no escape sequences at all.
start NO_COLOR=1 "$TB" run "$F/bone-basics.yaml" --seed 1
see "no-colour run" "Question 1 of 8"
tx capture-pane -p -e -t t > "$out"
if grep -q "$(printf '\033')" "$out"; then bad "NO_COLOR output has escapes"; else ok; fi

# Invalid input is re-asked; q asks to confirm.
start "$TB" run "$F/bone-basics.yaml" --seed 1 --plain
see "plain run" "Question 1 of 8"
tx send-keys -t t "E" Enter
see "bad label re-asked" "There is no option E; choose A to C. Please try again."
tx send-keys -t t "q" Enter
see "quit asks" "Stop the quiz now? Your answers so far will be scored. (y/n)"
tx send-keys -t t "n" Enter
see "quit declined" "Let's go on."
tx send-keys -t t "q" Enter "y" Enter
see "quit confirmed" "You stopped before the first question. Come back any time."

# Adaptive: a wrong try, a hint, then the right answer with the penalty.
start "$TB" run "$F/staging-and-sites.yaml" --seed 1 --mode adaptive --plain
see "adaptive start" "You get 3 tries at each question"
tx send-keys -t t "A" Enter
see "adaptive wrong try" "2 tries left. Each new try costs a third of the marks."
tx send-keys -t t "D" Enter
see "adaptive second try right" "Took 2 tries: 0.67 of 1 marks."

# CBM: marks explained once, then shown per answer.
start "$TB" run "$F/staging-and-sites.yaml" --seed 1 --mode cbm --plain
see "cbm intro" "Certainty-based marking"
tx send-keys -t t "D" Enter "3" Enter
see "cbm right at 3" "Certainty 3: 3 marks."

# "How sure?": the words on screen are accepted, the question is said once,
# anything else is re-asked once, and ?, s and q work there too.
start "$TB" run "$F/bone-basics.yaml" --seed 1
see "certainty run" "Question 1 of 8"
tx send-keys -t t "B" Enter "very" Enter
see "'very' accepted" "That's right."
n=$(grep -c "How sure are you?" "$out")
if [ "$n" -eq 1 ]; then ok; else bad "'How sure are you?' printed $n times"; fi
tx send-keys -t t Enter "A" Enter "?" Enter
see "? at How sure" "Type 1 if you are not sure, 2 if you are fairly sure"
tx send-keys -t t "maybe" Enter
see "re-asked in words" "Please type 1 (not sure), 2 (fairly sure) or 3 (very sure)."
n=$(grep -c "Please type 1 (not sure)" "$out")
if [ "$n" -eq 1 ]; then ok; else bad "re-ask printed $n times for one bad reply"; fi
tx send-keys -t t "q" Enter
see "q at How sure" "Stop the quiz now?"
tx send-keys -t t "n" Enter
see "back at How sure" "Let's go on."
tx send-keys -t t "s" Enter
see "s at How sure goes on" "Press Enter for the next question."

# Cloze at "Blank 2 of 3": a slip keeps blank 1; the option's words work.
# (Seed 7 asks the three-blank cloze first; B is PTHrP.)
start "$TB" run "$F/staging-and-sites.yaml" --seed 7
see "cloze shown" "Blank 1 of 3 >"
tx send-keys -t t "B" Enter "D" Enter
see "blank 2 slip said for blank 2" "There is no D at blank 2. Type A, B or C for blank 2."
see "still at blank 2" "Blank 2 of 3 >"
tx send-keys -t t "iv fluids" Enter
see "the word moves on" "Blank 3 of 3 >"
tx send-keys -t t "bisphosphonate" Enter
see "all three blanks right" "Correct."
tx send-keys -t t C-d
see "cloze run ends" "[exited]"

# Ctrl-C in an exam: the score first, then a review of the one question
# answered; question 2 (on screen, unanswered) and the rest show no key.
start "$TB" run "$F/staging-and-sites.yaml" --seed 1 --mode exam
see "exam starts" "Question 1 of 15"
tx send-keys -t t "A" Enter
see "exam question 2" "Question 2 of 15"
tx send-keys -t t C-c
see "exam score first" "Score: 0 / 15 (0%)"
see "review offered" "Press Enter to review your answers, q to skip."
tx send-keys -t t Enter
see "the answered question reviewed" "Questions 2 to 15 were not reached; their answers are not shown."
if grep -q "Question 2 of 15" "$out" && ! grep -q "Stage IA (T1 N0 M0)" "$out" &&
   [ "$(grep -c 'Question [0-9]* of 15' "$out")" -eq 3 ]; then ok
else bad "an ended exam showed more than the one answered question"; sed 's/^/    /' "$out" | tail -20; fi
see "exam exits" "[exited]"

# A patient's end screen at 40 columns: counts, no ids, bars that fit.
start_sized 40 24 "$TB" run "$F/bone-basics.yaml" --seed 1
see "40-column run" "Question 1 of 8"
tx send-keys -t t "B" Enter "3" Enter
see "40-column pause" "Press Enter for the next"
tx send-keys -t t Enter "partly typed" C-d C-d
see "40-column end" "You answered 1 of 8. You stopped"
see "a bar with its count on one line" "Sites"
if grep -q "Sites .* 1 of 1$" "$out"; then ok; else bad "the Sites bar and its count are not on one line"; fi
if LC_ALL=C sed 's/[\xc0-\xff][\x80-\xbf]*/./g' "$out" | awk 'length($0) > 40 { exit 1 }'; then ok; else bad "an end-screen line is wider than 40 columns"; fi
if grep -q "^partly typed.*How sure\|typedHow" "$out"; then bad "text after Ctrl-D mid-line"; else ok; fi

# The menu on a phone over ssh (40x20): drawn in place and paged, so
# nothing ever scrolls into the terminal's history; arrows move, a number
# too long is refused in words, a resize redraws it, Enter starts a quiz.
start_sized 40 20 "$TB"
see "menu groups" "For patients and families"
see "menu selection line" "> 1) "
see "menu status line fits 40 columns" "1 of "
tx send-keys -t t Down Down
see "arrow moves the selection" "> 3) "
hist() { tx display -p -t t '#{history_size}'; }
if [ "$(hist)" = 0 ]; then ok; else bad "menu scrolled $(hist) lines off a 40x20 screen"; fi
n=$(grep -c "Enter starts, q quits" "$out")
if [ "$n" -eq 1 ]; then ok; else bad "menu status line printed $n times, not redrawn in place"; fi
if LC_ALL=C sed 's/[\xc0-\xff][\x80-\xbf]*/./g' "$out" | awk 'length($0) > 40 { exit 1 }'; then ok; else bad "a menu line is wider than 40 columns"; fi
tx send-keys -t t 1 2
see "a number pages to a quiz below the screen" "> 12) "
if grep -q "> 1) " "$out"; then bad "item 1 still selected after typing 12"; else ok; fi
tx send-keys -t t 1 5
see "no quiz 15, said in words" "There is no quiz 15; choose 1 to"
tx resize-window -t t -x 60 -y 20
see "redrawn after a resize" "learning about metastatic breast cancer"
if [ "$(hist)" = 0 ]; then ok; else bad "menu scrolled after a resize"; fi
tx send-keys -t t 1 Enter
see "Enter starts the quiz" "Question 1 of"
# Ctrl-D ends the quiz; the result waits for Enter before the menu returns.
tx send-keys -t t C-d
see "result of the quiz" "Your results"
see "pause after Ctrl-D" "Press Enter to go back to the menu."
tx send-keys -t t Enter
see "menu back after the quiz" "Enter starts, q quits"
tx send-keys -t t "q"
see "menu quits" "[exited]"

# The menu takes --plain: no escape codes, whole titles, a typed number.
start NO_COLOR= "$TB" --plain --learner Ana
see "plain menu lists the quizzes" "Choose a quiz (1-"
tx capture-pane -p -e -t t > "$out"
if grep -q "$(printf '\033')" "$out"; then bad "plain menu has escape codes"; else ok; fi
tx send-keys -t t 99 Enter
see "plain menu refuses 99 in words" "There is no quiz 99; type a number from 1 to"
tx send-keys -t t 1 Enter
see "learner passed on from the menu" "Learner: Ana."
tx send-keys -t t C-d
see "plain menu pauses after Ctrl-D" "Press Enter to go back to the menu."
tx send-keys -t t Enter
see "plain menu again" "Choose a quiz (1-"
tx send-keys -t t q Enter
see "plain menu quits" "[exited]"

# NO_COLOR alone: the same numbered prompt, never redrawn with escapes.
start NO_COLOR=1 "$TB"
see "NO_COLOR menu" "Choose a quiz (1-"
tx capture-pane -p -e -t t > "$out"
if grep -q "$(printf '\033')" "$out"; then bad "NO_COLOR menu has escape codes"; else ok; fi
tx send-keys -t t q Enter
see "NO_COLOR menu quits" "[exited]"
tx kill-server 2>/dev/null
