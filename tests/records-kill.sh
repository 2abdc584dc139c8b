#!/bin/sh
# SIGKILL at random moments, N times during `grade` and N times during an
# interactive attempt.  After every kill the store must pass PRAGMA
# integrity_check, and every input acknowledged before the kill must be in
# it:
#   - grade acknowledges a learner by writing their result line, after the
#     batch holding them is committed;
#   - the terminal acknowledges a line by showing the next prompt, after
#     the line is recorded.
# Usage: tests/records-kill.sh [N]   (make test runs a few; make killtest 50)
# Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
TB=${TEACHBACK_BIN:-build/teachback}
N=${1:-50}
Q=tests/e2e/fixtures/records/class.yaml
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0
graded=0
inside=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "[  FAILED  ] kill: $1"; }

# A random delay in seconds below $2, from seed $1 (reproducible runs).
delay() { awk -v s="$1" -v m="$2" 'BEGIN { srand(s); printf "%.3f", rand() * m }'; }

awk 'BEGIN { srand(11); split("A B C", o, " "); split("true false", tf, " ")
	split("A,B|A|B|C|A,C", m, "|"); print "learner,i1,i2,i3,i4"
	for (i = 1; i <= 3000; i++)
		printf "k%05d,%s,%s,%s,\"%s\"\n", i, o[int(rand() * 3) + 1], o[int(rand() * 3) + 1],
			tf[int(rand() * 2) + 1], m[int(rand() * 5) + 1] }' > "$dir/sheet.csv"

check_store() {	# name db -- integrity, and foreign keys
	if [ ! -e "$2" ]; then ok; return; fi
	r=$(sqlite3 "$2" "PRAGMA integrity_check; PRAGMA foreign_key_check;" 2>&1)
	if [ "$r" = "ok" ]; then ok; else bad "$1: store damaged: $r"; fi
}

i=1
while [ $i -le "$N" ]; do
	db=$dir/grade$i.db
	rm -f "$dir/out.csv"
	"$TB" grade "$Q" "$dir/sheet.csv" --db "$db" --out "$dir/out.csv" 2>/dev/null &
	pid=$!
	sleep "$(delay $i 0.8)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	check_store "grade $i" "$db"
	# Learners acknowledged: complete result lines after the header.
	: > "$dir/ack"
	if [ -e "$dir/out.csv" ]; then
		tr -d '\r' < "$dir/out.csv" | sed -n '2,$p' | cut -d, -f1 | sort > "$dir/ack"
		# A line cut short by the kill was not acknowledged.
		[ -n "$(tail -c 1 "$dir/out.csv")" ] && sed -i '$d' "$dir/ack"
	fi
	if [ -e "$db" ]; then
		sqlite3 "$db" "SELECT l.name FROM attempts a JOIN learners l ON l.id = a.learner_id
			WHERE a.status = 'finished'
			AND (SELECT count(*) FROM inputs i WHERE i.attempt_id = a.id) = 1
			AND (SELECT count(*) FROM responses r WHERE r.attempt_id = a.id) = 4" 2>/dev/null |
			sort > "$dir/have"
	else
		: > "$dir/have"
	fi
	missing=$(comm -23 "$dir/ack" "$dir/have" | wc -l)
	[ -n "$VERBOSE" ] && echo "grade $i: $(wc -l < "$dir/ack") acknowledged, $(wc -l < "$dir/have") stored"
	[ -s "$dir/ack" ] && graded=$((graded + 1))
	if [ "$missing" -eq 0 ]; then ok; else
		bad "grade $i: $missing acknowledged learners not stored ($(wc -l < "$dir/ack") acknowledged)"
	fi
	i=$((i + 1))
done

# The lines typed: wrong labels, help, answers; "n" declines the extra round
# (asked outside the attempt, so never recorded).
LINES='Z
?
A
Z
B
maybe
true
Z
A B
n'
i=1
while [ $i -le "$N" ]; do
	db=$dir/run$i.db
	rm -f "$dir/fifo"
	mkfifo "$dir/fifo"
	# The screen is emptied here, not by the program's redirection: that
	# one waits behind the FIFO's open, and a kill landing before the
	# writer opened it (a loaded machine) would leave the last run's screen
	# to be counted as this run's prompts.
	: > "$dir/screen"
	"$TB" run "$Q" --db "$db" --seed 3 --learner kid --plain > "$dir/screen" 2>&1 < "$dir/fifo" &
	pid=$!
	( printf '%s\n' "$LINES" | while IFS= read -r l; do printf '%s\n' "$l"; sleep 0.03; done ) \
		> "$dir/fifo" 2>/dev/null &
	wpid=$!
	sleep "$(delay $((i + 1000)) 0.4)"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	kill $wpid 2>/dev/null
	wait $wpid 2>/dev/null
	check_store "run $i" "$db"
	# Each prompt after the first acknowledges the line before it.
	prompts=$(grep -o '> ' "$dir/screen" | wc -l)
	acked=$((prompts > 0 ? prompts - 1 : 0))
	: > "$dir/sqlerr"
	if [ -e "$db" ]; then
		sqlite3 "$db" "SELECT value FROM inputs ORDER BY seq" > "$dir/have" 2> "$dir/sqlerr"
	else
		: > "$dir/have"
		echo "(no store file)" > "$dir/sqlerr"
	fi
	printf '%s\n' "$LINES" | head -n "$acked" > "$dir/ack"
	n=$(wc -l < "$dir/have")
	[ "$prompts" -gt 0 ] && inside=$((inside + 1))
	[ -n "$VERBOSE" ] && echo "run $i: $acked acknowledged, $n recorded"
	if [ "$n" -ge "$acked" ] && head -n "$n" "$dir/have" | cmp -s - "$(printf '%s\n' "$LINES" | head -n "$n" > "$dir/sent"; echo "$dir/sent")"; then
		ok
	else
		bad "run $i: $acked lines acknowledged, $n recorded: $(tr '\n' '|' < "$dir/have") $(cat "$dir/sqlerr" 2>/dev/null)"
	fi
	i=$((i + 1))
done

# How many kills landed after the program had acknowledged something (a
# kill before that checks only that the store is whole).
echo "kill: $graded of $N grade kills after the first acknowledged learner," \
	"$inside of $N run kills after the first prompt"
echo "kill: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
