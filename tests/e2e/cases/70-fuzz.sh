# The seven findings of the fuzzing review (tests/fuzz/findings/), each
# through the real binary: the limit holds, with one clear message at the
# place that caused it.  Inputs are the review's reproducers or made here.
FZ=tests/fuzz/findings
tmp=$(mktemp -d)
esc=$(printf '\033')

# F4: control characters from a file never reach the terminal raw.
noesc() {	# NAME FILE
	if grep -q "$esc" "$2" || grep -q "$(printf '\007')" "$2"; then
		bad "$1: a control character reached the output"
	else ok; fi
}
expect "F4a yaml tag" 1 -- "$TB" check "$FZ/yaml-tag-esc.yaml"
has "F4a yaml tag escaped" "$out" \
	"$FZ/yaml-tag-esc.yaml:2:8: error: tags (\\x1b[2J\\x1b[1;31mEVERYTHING-IS-FINE\\x1b[0m) are not allowed"
noesc "F4a yaml tag" "$out"
expect "F4a minimal tag" 1 -- "$TB" check "$FZ/yaml-tag-esc.min.yaml"
has "F4a minimal tag escaped" "$out" "$FZ/yaml-tag-esc.min.yaml:1:1: error: tags (!\\x1b) are not allowed"
expect "F4a tag in answers" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$FZ/yaml-tag-esc.yaml"
has "F4a tag in answers escaped" "$err" "tags (\\x1b[2J"
noesc "F4a tag in answers" "$err"
expect "F4b duplicate key" 1 -- "$TB" check "$FZ/yaml-dupkey-esc.yaml"
has "F4b duplicate key escaped" "$out" \
	"$FZ/yaml-dupkey-esc.yaml:2:1: error: duplicate key '\\x1b[2J\\x1b[1;31mkey' (first at 1:1)"
noesc "F4b duplicate key" "$out"
expect "F4b unknown field" 1 -- "$TB" check "$FZ/quiz-unknown-field-esc.yaml"
has "F4b unknown field escaped" "$out" \
	"$FZ/quiz-unknown-field-esc.yaml:2:1: error: unknown field '\\x1b]0;pwned\\x07' in the quiz"
noesc "F4b unknown field" "$out"
expect "F4c heading" 1 -- "$TB" check "$FZ/material-ctrl-heading.min.md"
has "F4c heading refused" "$out" "$FZ/material-ctrl-heading.min.md:4:1: error: heading contains a control character"
noesc "F4c heading" "$out"
# The passage title reached term.c under --plain; its heading is refused now.
expect "F4d passage title" 1 -- "$TB" check "$FZ/passage-title-esc/quiz.yaml"
has "F4d heading refused" "$out" \
	"$FZ/passage-title-esc/material/doc.md:11:1: error: heading contains a control character"
expect "F4d run refused" 3 -- "$TB" run "$FZ/passage-title-esc/quiz.yaml" --seed 1 \
	--answers "$FZ/passage-title-esc/wrong.yaml" --plain
noesc "F4d run" "$out"
noesc "F4d run stderr" "$err"
# An explicit {#id} is an id like any other.
printf -- '---\nid: doc\ntitle: T\nreviewed: 2026-11-23\nsources: ["x"]\n---\n\n# A {#Big_Id}\n\ntext\n' \
	> "$tmp/doc.md"
expect "F4c explicit id" 1 -- "$TB" check "$tmp/doc.md"
has "F4c explicit id checked" "$out" \
	"$tmp/doc.md:8:1: error: section id 'Big_Id' must be lower-case letters, digits and dashes (at most 64)"
# A file name is shown escaped too.
expect "F4 file name" 1 -- "$TB" check "$tmp/a${esc}[2Jb.yaml"
has "F4 file name escaped" "$out" "$tmp/a\\x1b[2Jb.yaml: error: no such file or folder"
noesc "F4 file name" "$out"

# F7: a long heading keeps its {#id}, and says it is too long, at its line;
# heading errors sit at their lines and print in line order.
expect "F7 long heading" 1 -- "$TB" check "$FZ/long-heading/quiz.yaml"
has "F7 long heading message" "$out" \
	"$FZ/long-heading/material/doc.md:11:1: error: heading is longer than 512 bytes; shorten it"
has "F7 one error" "$out" "checked 1 file: 1 error, 0 warnings"
{
	printf -- '---\nid: order\ntitle: T\nreviewed: 2026-11-23\nsources: ["x"]\n---\n\n'
	printf '# !!\n\ntext\n\n# ??\n\ntext\n\n# A\n\n# A\n'
} > "$tmp/order.md"
expect "F7 heading order" 1 -- "$TB" check "$tmp/order.md"
printf '%s\n' \
	"$tmp/order.md:8:1: error: heading '!!' has no usable id; add {#id}" \
	"$tmp/order.md:12:1: error: heading '??' has no usable id; add {#id}" \
	"$tmp/order.md:18:1: error: section id 'a' is used twice (first at line 16)" \
	"checked 1 file: 3 errors, 0 warnings" > "$tmp/order.want"
same "F7 heading order" "$out" "$tmp/order.want"

# F1: at most 1000 sections in a material file; the review's 8 MiB of '#'
# lines stops at the 1001st heading (line 1008, after 7 lines of front matter).
# (gen-many-headings.py, written in sh here: the tests need no Python)
{
	printf -- '---\nid: doc\ntitle: T\nreviewed: 2026-11-23\nsources:\n  - "x"\n---\n'
	yes '#' | head -n 4194264
} > "$tmp/doc.md"
expect "F1 many headings" 1 -- "$TB" check "$tmp/doc.md"
printf '%s\n' \
	"$tmp/doc.md:1008:1: error: more than 1000 sections (headings) in one file; split it" \
	"checked 1 file: 1 error, 0 warnings" > "$tmp/many.want"
same "F1 many headings" "$out" "$tmp/many.want"
mkdir -p "$tmp/m1000/material"
{
	printf -- '---\nid: doc\ntitle: T\nreviewed: 2026-11-23\nsources: ["x"]\n---\n'
	i=1; while [ $i -le 1000 ]; do printf '## For students %d {#s%d}\n' $i $i; i=$((i + 1)); done
} > "$tmp/m1000/material/doc.md"
expect "F1 1000 sections are fine" 0 -- "$TB" check "$tmp/m1000"
has "F1 1000 sections clean" "$out" "checked 1 file: 0 errors, 0 warnings"

# F2: 10,000 unknown ids cost little: every one is counted, the first 100
# are shown, and only the first 20 get a "did you mean".
# (like gen-unknown-ids.py: 10,000 distinct 60-character ids)
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "%053d%07d: A\n", i * 7919, i }' > "$tmp/unknown.yaml"
expect "F2 unknown ids" 3 -- "$TB" run quizzes/student/exam.yaml --seed 1 --answers "$tmp/unknown.yaml" --json
has "F2 unshown count" "$err" "$tmp/unknown.yaml: 9900 more messages not shown (the first 100 found are above)"
n=$(wc -l < "$err")
if [ "$n" -eq 101 ]; then ok; else bad "F2: $n lines on stderr, expected 101"; fi
printf 'dental-check: A\ndental-chek: A\n' > "$tmp/typo.yaml"
expect "F2 typo" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$tmp/typo.yaml"
has "F2 typo suggestion" "$err" "$tmp/typo.yaml:2:1: error: no question 'dental-chek' in quiz 'bone-basics'; did you mean 'dental-check'?"

# F3: the scripts of one file share a budget of 30 million steps (and 3 s):
# three loops of 10 million steps spend it, the fourth is not run.  On a
# loaded machine each loop may stop at its 1 s before its 10 million steps,
# and then the fourth gets what is left of the 3 s and is stopped rather
# than not run; and the third may meet the file's 3 s before its own 1 s
# and be stopped by the budget: either way the budget held, so either
# wording passes (no test may depend on the clock).
mkdir -p "$tmp/loops/material"
cp "$FZ/runaway-scripts/material/doc.md" "$tmp/loops/material/doc.md"
{
	printf 'id: loops\ntitle: Loops\naudience: student\nversion: 1\nreviewed: 2026-11-23\nquestions:\n'
	for i in 1 2 3 4; do
		printf '  - id: loop-%d\n    type: staging\n    topic: staging\n    prompt: Stage it.\n' $i
		printf '    case: {t: T1, n: N0, m: M0}\n    script: while true do end\n'
		printf '    explain: From the table.\n    source: doc#stages\n'
	done
} > "$tmp/loops/quiz.yaml"
expect "F3 file budget" 1 -- "$TB" check "$tmp/loops/quiz.yaml"
printf '%s\n' \
	"$tmp/loops/quiz.yaml:12:13: error: question 'loop-1': script failed: ran too long (more than 10 million steps or 1 second)" \
	"$tmp/loops/quiz.yaml:20:13: error: question 'loop-2': script failed: ran too long (more than 10 million steps or 1 second)" \
	"$tmp/loops/quiz.yaml:28:13: error: question 'loop-3': script failed: ran too long (more than 10 million steps or 1 second)" \
	"$tmp/loops/quiz.yaml:36:13: error: question 'loop-4': script not run: the scripts of this file used up their budget (30 million steps or 3 seconds together)" \
	"checked 1 file: 4 errors, 0 warnings" > "$tmp/loops.want"
sed -e 's/loop-4.: script stopped: the scripts/loop-4'"'"': script not run: the scripts/' \
	-e 's/\(loop-[123].: script\) stopped: the scripts of this file used up their budget (30 million steps or 3 seconds together)/\1 failed: ran too long (more than 10 million steps or 1 second)/' \
	"$out" > "$tmp/loops.got"
same "F3 file budget" "$tmp/loops.got" "$tmp/loops.want"
expect "F3 run stops too" 3 -- "$TB" run "$tmp/loops/quiz.yaml" --seed 1 --answers "$FZ/runaway-scripts/answers.yaml"
if grep -Eq "question 'loop-4': script (not run|stopped): the scripts of this file used up their budget" "$err"
then ok; else bad "F3 run message: no budget message for loop-4"; head -5 "$err" | sed 's/^/    /'; fi

# F5: a name that is not UTF-8 (0xFF and seven continuation bytes, which
# Lua 5.4.4 shifts by 35 bits) is refused, not decoded.
expect "F5 learner" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 \
	--learner "$(printf '\377\200\200\200\200\200\200\200')" --answers "$F/bone-basics.right.yaml" --json
has "F5 learner message" "$err" "teachback: the learner name is not valid UTF-8 text"
# Found by the csv and import harnesses: a cell or a question bank quoted in
# a message is shown escaped too.
printf 'learner\033[2J,a\nx,A\n' > "$tmp/sheet.csv"
expect "csv header escaped" 3 -- "$TB" grade "$F/bone-basics.yaml" "$tmp/sheet.csv" --no-save
has "csv header message" "$err" "$tmp/sheet.csv:1:1: error: the first column must be 'learner', found 'learner\x1b[2J'"
noesc "csv header" "$err"
# A sheet's unknown columns: only the first 20 get a "did you mean".
{
	printf 'learner'
	i=10; while [ $i -lt 35 ]; do printf ',dental-check%d' $i; i=$((i + 1)); done
	printf '\nx'
	i=10; while [ $i -lt 35 ]; do printf ',A'; i=$((i + 1)); done
	printf '\n'
} > "$tmp/wide.csv"
expect "csv unknown columns" 3 -- "$TB" grade "$F/bone-basics.yaml" "$tmp/wide.csv" --no-save
has "csv 20th suggestion" "$err" "no question 'dental-check29' in quiz 'bone-basics'; did you mean 'dental-check'?"
has "csv 21st no suggestion" "$err" "$tmp/wide.csv:1:"
if grep -q "dental-check30'; did you mean" "$err"; then bad "csv: a 21st suggestion"; else ok; fi
n=$(grep -c "did you mean" "$err")
if [ "$n" -eq 20 ]; then ok; else bad "csv: $n suggestions, expected 20"; fi
printf 'Q {#\017\033}\n' > "$tmp/bank.gift"
expect "gift number escaped" 3 -- "$TB" import "$tmp/bank.gift" -o "$tmp/out"
has "gift number message" "$err" "$tmp/bank.gift:1:5: error: expected a number, N:tolerance or LOW..HIGH, found '\x0f\x1b'"
noesc "gift number" "$err"
rm -rf "$tmp"
