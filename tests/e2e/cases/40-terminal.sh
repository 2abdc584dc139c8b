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
see "no running score for patients" "Question 2 of 8"
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

# The menu, grouped by audience: arrow keys move, Enter starts, q quits.
start "$TB"
see "menu groups" "For patients and families"
see "menu selection line" "> 1) "
tx send-keys -t t Down
see "arrow moves the selection" "> 2) "
tx send-keys -t t Enter
see "Enter starts the quiz" "Question 1 of"
tx send-keys -t t C-d
see "result of the quiz" "Your results"
i=0
while [ $i -lt 100 ] && [ "$(screen; grep -c 'For patients and families' "$out")" -lt 2 ]; do
	sleep 0.1; i=$((i + 1))
done
if [ $i -lt 100 ]; then ok; else bad "menu did not come back after the quiz"; fi
tx send-keys -t t "q"
see "menu quits" "[exited]"
tx kill-server 2>/dev/null
