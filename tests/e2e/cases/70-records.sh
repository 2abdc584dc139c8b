# The records store: grade, report, history, review, regrade, forget,
# resume, and the refusals that leave a file untouched.  Every store here
# lives in $tmpdir (run.sh), never in the user's home.
R=$E/fixtures/records
Q=$R/class.yaml
DB=$(store class)             # a file, or a PostgreSQL database (tests/pg)
DAY=86400
T0=1795000000                  # a fixed clock: 2026-11-18, for dates and SM-2 days
export TEACHBACK_NOW=$T0

# -- grade: the six learners of Moodle's worked vector (quiz-engines.md 2.6)
expect "grade sheets" 0 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$DB"
same "grade results CSV" "$out" "$R/moodle.out"
has "grade says how many" "$err" "graded 6 learners from $R/moodle.csv"

expect "grade --out" 0 -- "$TB" grade "$Q" "$R/moodle.csv" --out "$tmpdir/res.csv" --no-save \
	--db "$tmpdir/never.db"
same "results file" "$tmpdir/res.csv" "$R/moodle.out"
if [ -e "$tmpdir/never.db" ]; then bad "--no-save created a store"; else ok; fi

# -- item analysis reproduces the worked vector
expect "report text" 0 -- "$TB" report "$Q" --db "$DB"
has "test line" "$out" "Attempts 6; mean 3 of 5; median 3.5; SD 1.7889; skewness -0.9433; kurtosis 0.5859"
has "alpha, error ratio, SE" "$out" "Cronbach's alpha (CIC) 69.44%; error ratio 55.28%; standard error 0.9888 marks"
has "item 1 row" "$out" "i1                            66.67    51.64    20.00    18.15    15.81    18.18"
has "item 2 row" "$out" "i2                            50.00    54.77    20.00    25.67    66.23   100.00"
has "item 3 row" "$out" "i3                            50.00    54.77    20.00    22.23    36.12    42.86"
has "item 4 row" "$out" "i4                            66.67    40.82    40.00    33.95    86.96   100.00"
has "distractor counts and pull" "$out" "options: A* 4 (pull 0), B 1 (pull 50), C 1 (pull -50)"
has "distractor flagged" "$out" "FLAG: distractor B pulls the stronger learners"
has "mastery by topic" "$out" "Stages                       61.11%"

expect "report csv" 0 -- "$TB" report "$Q" --db "$DB" --format csv
has "csv header" "$out" "question,topic,max,attempts,facility,sd,intended_weight,effective_weight,discrimination,efficiency,flags"
has "csv item 4" "$out" "i4,stages,2,6,66.6667,40.8248,40,33.9546,86.9626,100,"

expect "report json" 0 -- "$TB" report "$Q" --db "$DB" --format json
has "json test" "$out" '"test":{"mean":3,"median":3.5,"sd":1.7889,"skewness":-0.9433,"kurtosis":0.5859,"max":5,"cic":69.4444,"error_ratio":55.2771,"standard_error":0.9888}'
has "json distractors" "$out" '"distractors":[{"label":"A","correct":true,"count":4,"percent":66.6667,"pull":0},{"label":"B","correct":false,"count":1,"percent":16.6667,"pull":50}'

expect "report html" 0 -- "$TB" report "$Q" --db "$DB" --format html
has "html page" "$out" "<!DOCTYPE html>"
has "histogram" "$out" 'aria-label="Score distribution"'
has "scatter" "$out" 'aria-label="Facility against discrimination"'
# Self-contained: nothing fetched (the SVG namespace is a name, not a fetch).
if grep -Eq '(src|href)=' "$out"; then bad "html report links out"; else ok; fi

# -- item analysis when attempts were given different questions (a draw; here
# three sheets of two columns each): a question an attempt was not given is
# not a 0 for it.  Hand-worked in tests/lua/test_itemstats.lua (items a, b,
# c there are i1, i2, i3; i4 was given to nobody).  On PostgreSQL the same
# figures come from the server's sums.
DDB=$(store drawn)
for sheet in ab ac bc; do
	expect "grade two-column sheet $sheet" 0 -- "$TB" grade "$Q" "$R/drawn-$sheet.csv" --db "$DDB"
done
expect "report, drawn" 0 -- "$TB" report "$Q" --db "$DDB"
has "drawn test line" "$out" "Attempts 6; mean 1.3333 of 2; median 1.5; SD 0.8165; skewness -0.8573; kurtosis -0.3"
has "drawn: no alpha" "$out" "Cronbach's alpha, error ratio, standard error and effective weights: none, as the attempts were given different questions (a draw)"
has "drawn i1 over its 4" "$out" "i1                            75.00    50.00    50.00        -   -33.33   -33.33        4"
has "drawn i2" "$out" "i2                            50.00    57.74    50.00        -    57.74   100.00        4"
has "drawn i3" "$out" "i3                            75.00    50.00    50.00        -    57.74   100.00        4"
has "i4 given to nobody" "$out" "i4                                -        -        -        -        -        -        0"
has "drawn i1 distractors over its 4" "$out" "options: A* 3 (pull 0), B 1 (pull 0), C 0 (pull 0)"
has "drawn i2 thirds of its own" "$out" "options: A* 2 (pull 100), B 2 (pull -100), C 0 (pull 0)"
has "drawn mastery" "$out" "Spread                       62.50%"
n=$(grep -c "FLAG" "$out")
if [ "$n" -eq 3 ]; then ok; else bad "drawn: $n flags, expected 3 (none for i4)"; fi
expect "report csv, drawn" 0 -- "$TB" report "$Q" --db "$DDB" --format csv
has "csv attempts per item" "$out" "i1,spread,1,4,75,50,50,,-33.3333,-33.3333,negative discrimination; distractor C chosen by nobody"
has "csv i4" "$out" "i4,stages,2,0,,,,,,,"

expect "report bad format" 2 -- "$TB" report "$Q" --db "$DB" --format pdf
has "format named" "$err" "--format must be text, csv, json or html, not 'pdf'"
expect "record bad format" 2 -- "$TB" report --learner L1 --db "$DB" --format csv
has "record formats named" "$err" "report --learner gives --format html, json or fhir, not 'csv'"

# -- malformed sheets: reported by line and column, skipped, exit 1
BDB=$(store bad)
expect "grade malformed rows" 1 -- "$TB" grade "$Q" "$R/malformed.csv" --db "$BDB"
has "quoted comma and BOM fine" "$out" "ok1,5,5,100,1,1,1,2"
has "blank cell is unanswered" "$out" "ok2,1,5,20,0,0,0,1"
has "too few fields" "$err" "$R/malformed.csv:3:1: error: 4 fields, but the header has 5; row skipped"
has "unknown label" "$err" "$R/malformed.csv:4:10: error: question 'i1': There is no option Z; choose A to C; row skipped"
has "bad true/false" "$err" "$R/malformed.csv:5:11: error: question 'i3': write true or false, found 'maybe'; row skipped"
has "no learner" "$err" "$R/malformed.csv:6:1: error: no learner name or code; row skipped"
has "stray quote" "$err" "$R/malformed.csv:7:8: error: a quote inside an unquoted field"
has "count of skipped" "$err" "graded 2 learners from $R/malformed.csv; 5 rows skipped"
n=$(grep -c . "$out")
if [ "$n" -eq 3 ]; then ok; else bad "malformed sheet: $n result lines, expected 3"; fi

expect "grade unknown id" 3 -- "$TB" grade "$Q" "$R/unknown-id.csv" --db "$BDB"
has "id the quiz lacks" "$err" "$R/unknown-id.csv:1:12: error: no question 'i9' in quiz 'class'; did you mean 'i1'?"

# A cell after one spanning lines is named at its own line and column, not
# its row's first line: "Ana on line 2; Maria",A,"B puts i1 at 3:8 and i2
# at 3:10; i2 closes on line 4, ",maybe,A, so i3 is at 4:3.
printf 'learner,i1,i2,i3,i4\n"Ana\nMaria",A,"B\n",maybe,A\n' > "$tmpdir/spans.csv"
expect "grade a row spanning lines" 1 -- "$TB" grade "$Q" "$tmpdir/spans.csv" --no-save
has "cell after a multi-line cell" "$err" \
	"$tmpdir/spans.csv:4:3: error: question 'i3': write true or false, found 'maybe'; row skipped"
# Columns count characters: José is 4, so maybe is the 10th (11th byte).
printf 'learner,i1,i2,i3,i4\nJos\303\251,A,A,maybe,A\n' > "$tmpdir/accent.csv"
expect "grade a row with an accent" 1 -- "$TB" grade "$Q" "$tmpdir/accent.csv" --no-save
has "cell after an accent" "$err" \
	"$tmpdir/accent.csv:2:10: error: question 'i3': write true or false, found 'maybe'; row skipped"
# In the header too: "i1 then a line end, so i9 is at 2:3.
printf 'learner,"i1\n",i9\nL1,A,A\n' > "$tmpdir/spans-head.csv"
expect "grade a header spanning lines" 3 -- "$TB" grade "$Q" "$tmpdir/spans-head.csv" --no-save
has "header cell after a multi-line cell" "$err" \
	"$tmpdir/spans-head.csv:2:3: error: no question 'i9' in quiz 'class'; did you mean 'i1'?"

# -- history and forget on the store built above
expect "history" 0 -- "$TB" history --db "$DB" --learner L2
has "history row" "$out" "2026-11-18 "
has "history score" "$out" "class                      L2               2 / 5 (40%)"
has "history trend" "$out" "Spread                       50"

# -- review: SM-2 brings L2's misses back the next day, red flag first
expect "nothing due the same day" 0 -- "$TB" review --db "$DB" --learner L2 --plain
has "none due" "$out" "Nothing is due for review today for L2."
expect "review next day" 0 -- env TEACHBACK_NOW=$((T0 + DAY)) "$TB" review --db "$DB" --learner L2 --plain --no-save
has "review title" "$out" "Review: 4 questions due today"
first=$(grep -A1 "^Question 1 of 4" "$out" | tail -1)
if [ "$first" = "True or false: the stage group comes from T, N and M." ]; then ok; else
	bad "review: the missed red flag is not first ($first)"; fi

# -- review --resume: a review cut off, then resumed, ends as an unbroken one
# (the plan: i3, i2, i4, i1; all right is 5 / 5)
NEXT=$((T0 + DAY))
expect "unbroken review" 0 -- sh -c "printf 'true\nA\nA B\nA\n' | TEACHBACK_NOW=$NEXT '$TB' review --db '$DB' --learner L2 --seed 5 --json --no-save"
cp "$out" "$tmpdir/review-unbroken.json"
expect "review cut off" 0 -- sh -c "printf 'true\nA\n' | TEACHBACK_NOW=$NEXT '$TB' review --db '$DB' --learner L2 --seed 5 --plain"
expect "history shows the review open" 0 -- "$TB" history --db "$DB" --learner L2
has "review unfinished" "$out" "review                     L2               unfinished (3 inputs)"
expect "review resumed" 0 -- sh -c "printf 'A B\nA\n' | TEACHBACK_NOW=$NEXT '$TB' review --resume --db '$DB' --learner L2 --json"
same "resumed review equals unbroken" "$out" "$tmpdir/review-unbroken.json"
has "review resume said" "$err" "Resumed: 2 answers given before the break are kept."
expect "history shows the review done" 0 -- "$TB" history --db "$DB" --learner L2
has "review finished" "$out" "review                     L2               5 / 5 (100%)"
# The record as FHIR: L2's sheet, then the review as a response to the quiz
# its questions came from (identifier ATTEMPT/QUIZ)
expect "record as FHIR" 0 -- "$TB" report --learner L2 --format fhir --db "$DB"
has "a Bundle" "$out" '"resourceType": "Bundle"'
n=$(grep -c '"resourceType": "QuestionnaireResponse"' "$out")
if [ "$n" -eq 2 ]; then ok; else bad "record as FHIR: $n responses, expected 2"; fi
has "the sheet's date" "$out" '"authored": "2026-11-18T'
has "the review's date" "$out" '"authored": "2026-11-19T'
if grep -Eq '"value": "[0-9]+/class"' "$out"; then ok; else bad "record as FHIR: no review part for class"; fi

# -- regrade after a key is fixed: i2's key becomes option B
mkdir -p "$tmpdir/fixed"
cp -r "$E/fixtures/material" "$tmpdir/fixed/material"
sed '/About 7 in 10$/{n;d}' "$Q" | sed 's/^      - text: About 1 in 10$/      - text: About 1 in 10\n        correct: true/' > "$tmpdir/fixed/class.yaml"
expect "regrade" 0 -- "$TB" regrade "$tmpdir/fixed/class.yaml" --db "$DB"
has "a change reported" "$out" "(L2, 2026-11-18): 2 / 5 -> 3 / 5; i2 0 -> 1"
# The review L2 took (i2 answered A, right until the key moved to B)
has "a review's question regraded" "$out" "(L2, 2026-11-19): 5 / 5 -> 4 / 5; class/i2 1 -> 0"
has "regrade summary" "$out" "regraded 7 attempts of class: 6 changed"
expect "regrade again changes nothing" 0 -- "$TB" regrade "$tmpdir/fixed/class.yaml" --db "$DB"
has "idempotent" "$out" "regraded 7 attempts of class: 0 changed"
expect "regraded review in history" 0 -- "$TB" history --db "$DB" --learner L2
has "review now 4 / 5" "$out" "review                     L2               4 / 5 (80%)"

# -- a quiz file changed under an open review: no resume; under a stored
# attempt whose answers no longer land on the same questions: no regrade
mkdir -p "$tmpdir/changing"
cp -r "$E/fixtures/material" "$tmpdir/changing/material"
cp "$Q" "$tmpdir/changing/class.yaml"
CDB=$(store changing)
expect "grade the copy" 0 -- "$TB" grade "$tmpdir/changing/class.yaml" "$R/moodle.csv" --db "$CDB"
expect "a run on the copy" 0 -- sh -c "printf 'C\nB\ntrue\nA B\nn\n' | '$TB' run '$tmpdir/changing/class.yaml' --seed 3 --db '$CDB' --learner kid --plain"
expect "review of the copy cut off" 0 -- sh -c "printf 'true\n' | TEACHBACK_NOW=$NEXT '$TB' review --db '$CDB' --learner L2 --seed 5 --plain"
expect "FHIR with a review open" 0 -- "$TB" report --learner L2 --format fhir --db "$CDB"
has "open review counted" "$err" "1 unfinished attempt left out (no marks yet; resume to finish)"
n=$(grep -c '"resourceType": "QuestionnaireResponse"' "$out")
if [ "$n" -eq 1 ]; then ok; else bad "FHIR with a review open: $n responses, expected 1"; fi
# Option C (Hair) of i1 goes: kid's C no longer answers i1.
sed '/^      - text: Hair$/,/^        feedback: Not at all.$/d' "$Q" > "$tmpdir/changing/class.yaml"
expect "resume a changed review" 3 -- sh -c "printf 'A\n' | TEACHBACK_NOW=$NEXT '$TB' review --resume --db '$CDB' --learner L2 --plain"
has "changed named" "$err" "changed since it began, so it cannot be resumed exactly; start it again without --resume"
expect "regrade a changed quiz" 0 -- "$TB" regrade "$tmpdir/changing/class.yaml" --db "$CDB"
has "astray attempt kept" "$out" "(kid, "
has "astray said" "$out" "left as it was: its answers no longer replay on the quiz as it is (input 2 went to another question)"
has "sheet that no longer reads" "$out" "(L5, 2026-11-18): left as it was: its answer sheet no longer reads on the quiz as it is (question 'i1': There is no option C; choose A or B.)"
has "astray counted" "$out" "regraded 7 attempts of class: 0 changed; 2 left as they were"
expect "review resume with nothing open" 0 -- sh -c "printf 'q\ny\n' | TEACHBACK_NOW=$NEXT '$TB' review --resume --db '$CDB' --learner L1 --plain"
has "nothing open is said" "$out" "No unfinished review to resume; starting a new one."

expect "forget" 0 -- "$TB" forget --learner L2 --db "$DB"
has "forget count" "$out" "Deleted 2 attempts by L2, for good."
expect "forgotten" 0 -- "$TB" history --db "$DB" --learner L2
has "none left" "$out" "No attempts by L2."
expect "forget unknown" 0 -- "$TB" forget --learner nobody --db "$DB"
has "forget zero" "$out" "Deleted 0 attempts by nobody, for good."
if [ -z "${TB_PG:-}" ]; then
expect "store intact" 0 -- sqlite3 "$DB" "PRAGMA integrity_check; PRAGMA foreign_key_check;"
has "integrity" "$out" "ok"
fi

# -- resume: an attempt cut off, then resumed, ends as an unbroken one
RDB=$(store resume)
expect "unbroken attempt" 0 -- sh -c "printf 'A\nB\ntrue\nA B\n' | '$TB' run '$Q' --seed 3 --json --no-save --learner ana"
cp "$out" "$tmpdir/unbroken.json"
expect "attempt cut off" 0 -- sh -c "printf 'A\nB\n' | '$TB' run '$Q' --seed 3 --db '$RDB' --learner ana --plain"
expect "history shows it open" 0 -- "$TB" history --db "$RDB"
has "unfinished" "$out" "unfinished (2 inputs)"
expect "resumed" 0 -- sh -c "printf 'true\nA B\n' | '$TB' run '$Q' --resume --json --db '$RDB' --learner ana"
same "resumed equals unbroken" "$out" "$tmpdir/unbroken.json"
has "resume said" "$err" "Resumed: 2 answers given before the break are kept."
expect "resume with nothing open" 0 -- sh -c "printf 'q\ny\n' | '$TB' run '$Q' --resume --db '$RDB' --learner ana --plain"
has "new attempt said" "$out" "No unfinished attempt to resume; starting a new one."
expect "a stopped attempt as FHIR" 0 -- "$TB" report --learner ana --format fhir --db "$RDB"
has "finished: completed" "$out" '"status": "completed"'
has "stopped: stopped" "$out" '"status": "stopped"'

# What follows is SQLite's own (files, locks, pragmas); tests/pg/run.sh
# has PostgreSQL's refusals.
if [ -n "${TB_PG:-}" ]; then unset TEACHBACK_NOW; return 0; fi

# -- refusals: each named, and the file never changed
echo "not a database" > "$tmpdir/text.db"
cp "$tmpdir/text.db" "$tmpdir/text.orig"
expect "not a store" 4 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$tmpdir/text.db"
has "not ours" "$err" "$tmpdir/text.db: not a teachback records store (not an SQLite database); it was left as it is"
same "text file untouched" "$tmpdir/text.db" "$tmpdir/text.orig"

sqlite3 "$tmpdir/other.db" "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);"
cp "$tmpdir/other.db" "$tmpdir/other.orig"
expect "another program's database" 4 -- "$TB" history --db "$tmpdir/other.db"
has "other program" "$err" "not a teachback records store (another program's SQLite database); it was left as it is"
expect "another program's database, writing" 4 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$tmpdir/other.db"
same "other database untouched" "$tmpdir/other.db" "$tmpdir/other.orig"

cp "$DB" "$tmpdir/newer.db"
sqlite3 "$tmpdir/newer.db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; PRAGMA user_version=99;" >/dev/null
cp "$tmpdir/newer.db" "$tmpdir/newer.orig"
expect "newer schema" 4 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$tmpdir/newer.db"
has "newer named" "$err" "written by a newer teachback (schema 99; this one knows up to 4); it was left as it is"
same "newer store untouched" "$tmpdir/newer.db" "$tmpdir/newer.orig"

cp "$tmpdir/newer.orig" "$tmpdir/ro.db"
sqlite3 "$tmpdir/ro.db" "PRAGMA user_version=4;"
chmod 444 "$tmpdir/ro.db"
cp "$tmpdir/ro.db" "$tmpdir/ro.orig"
# root writes anything: check as an unprivileged user where we are root.
as_user=""
[ "$(id -u)" -eq 0 ] && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
chmod 755 "$tmpdir"
expect "read-only store" 4 -- $as_user "$TB" grade "$Q" "$R/moodle.csv" --db "$tmpdir/ro.db"
has "read-only named" "$err" "$tmpdir/ro.db: the records store is read-only"
same "read-only store untouched" "$tmpdir/ro.db" "$tmpdir/ro.orig"
chmod 700 "$tmpdir"

# A writer holds the lock (the sqlite3 shell inside a transaction, fed
# through a FIFO); teachback waits its busy timeout, then says so.
mkfifo "$tmpdir/lockfifo"
sqlite3 "$DB" < "$tmpdir/lockfifo" > "$tmpdir/lockout" 2>&1 &
lockpid=$!
exec 9> "$tmpdir/lockfifo"
echo "BEGIN IMMEDIATE; INSERT INTO learners (name) VALUES ('lock'); SELECT 'held';" >&9
i=0
while ! grep -q held "$tmpdir/lockout" 2>/dev/null && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
expect "locked store" 4 -- env TEACHBACK_BUSY_MS=50 "$TB" grade "$Q" "$R/moodle.csv" --db "$DB"
has "locked named" "$err" "the records store is locked by another process (waited 50 ms); try again when it has finished"
echo "ROLLBACK;" >&9
exec 9>&-
wait $lockpid
expect "usable after the lock" 0 -- "$TB" history --db "$DB" --learner L1
has "L1 still there" "$out" "L1"

# -- forget erases for good: while another process has the store open (its
# write-ahead log stays), neither the file nor the log keeps the learner's
# name or the words they typed
EDB=$tmpdir/erase.db
"$TB" grade "$Q" "$R/moodle.csv" --db "$EDB" >/dev/null 2>&1
mkfifo "$tmpdir/erasefifo"
sqlite3 "$EDB" < "$tmpdir/erasefifo" > "$tmpdir/eraseout" 2>&1 &
erasepid=$!
exec 9> "$tmpdir/erasefifo"
echo "SELECT 'open', count(*) FROM learners;" >&9
i=0
while ! grep -q open "$tmpdir/eraseout" 2>/dev/null && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
expect "an attempt to erase" 0 -- sh -c "printf 'Zorblax takes my bones\n\nagree\ny\n\nn\n' | '$TB' run '$F/teachback.yaml' --seed 1 --assist --learner 'Quilla Vantreece' --db '$EDB' --plain"
expect "forget with a reader open" 0 -- "$TB" forget --learner "Quilla Vantreece" --db "$EDB"
has "forgotten" "$out" "Deleted 1 attempt by Quilla Vantreece, for good."
same "no note when the log could be emptied" "$err" /dev/null
n=$(cat "$EDB" "$EDB-wal" 2>/dev/null | grep -a -c -e Zorblax -e Vantreece)
if [ "$n" -eq 0 ]; then ok; else bad "forget: $n lines of the file or its log still hold the learner"; fi
# A reader inside a transaction keeps the log: forget says so, and again
# once it has finished.
echo "BEGIN; SELECT count(*) FROM learners; SELECT 'reading';" >&9
i=0
while ! grep -q reading "$tmpdir/eraseout" 2>/dev/null && [ $i -lt 500 ]; do sleep 0.01; i=$((i + 1)); done
expect "another attempt to erase" 0 -- sh -c "printf 'Zorblax again\n\nagree\ny\n\nn\n' | '$TB' run '$F/teachback.yaml' --seed 1 --assist --learner 'Quilla Vantreece' --db '$EDB' --plain"
expect "forget while a reader reads" 0 -- env TEACHBACK_BUSY_MS=50 "$TB" forget --learner "Quilla Vantreece" --db "$EDB"
has "reader named" "$err" "another program is reading the store: old copies of the deleted rows stay in its write-ahead log until it closes the store; run forget again then"
echo "COMMIT;" >&9
exec 9>&-
wait $erasepid
expect "forget again" 0 -- "$TB" forget --learner "Quilla Vantreece" --db "$EDB"
has "nothing left" "$out" "Deleted 0 attempts by Quilla Vantreece, for good."
n=$(cat "$EDB" "$EDB-wal" 2>/dev/null | grep -a -c -e Zorblax -e Vantreece)
if [ "$n" -eq 0 ]; then ok; else bad "forget again: $n lines of the file or its log still hold the learner"; fi

unset TEACHBACK_NOW

# -- a store from schema version 1 is migrated on open, its rows kept
sqlite3 "$tmpdir/v1.db" < "$R/schema-v1.sql"
expect "old store opened" 0 -- "$TB" history --db "$tmpdir/v1.db" --learner old
has "old attempt kept" "$out" "class                      old              1 / 5 (20%)"
expect "migrated version" 0 -- sqlite3 "$tmpdir/v1.db" "PRAGMA user_version; SELECT count(*) FROM responses; SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = 'responses';"
has "version 4" "$out" "4"
n=$(tr '\n' ' ' < "$out")
if [ "$n" = "4 1 1 " ]; then ok; else bad "migration: got '$n', expected '4 1 1 '"; fi

# -- the patient-education record: the nurse's verdicts, points said and not
NDB=$tmpdir/nurse.db
expect "assisted session" 0 -- sh -c "printf 'It is chemo for my bones\n\nagree\ny\n\nn\n' | env TEACHBACK_NOW=$T0 '$TB' run '$F/teachback.yaml' --seed 1 --assist --learner 'bed 4' --db '$NDB' --plain"
expect "record json" 0 -- env TEACHBACK_NOW=$T0 "$TB" report --learner "bed 4" --format json --db "$NDB"
has "chart entry" "$out" '"sessions":[{"date":"2026-11-18 '
has "chart content" "$out" '"status":"finished","topics":["Bone drugs"],"understood":["The medicine slows the cells that break down bone, so bones stay stronger."],"not_understood":["Tell your dentist you get it, because of a rare jaw problem."],"nurse_verdicts":["tb-denosumab: nurse judged 1 of 2 points said"],"red_flags":[]}]}'
expect "record html" 0 -- env TEACHBACK_NOW=$T0 "$TB" report --learner "bed 4" --db "$NDB"
has "chart title" "$out" "<h1>Patient education record: bed 4</h1>"
has "chart not understood" "$out" "<li>Tell your dentist you get it, because of a rare jaw problem.</li>"
has "one page" "$out" "@page{size:A4"
expect "record of a red flag" 0 -- "$TB" report --learner L1 --format json --db "$DB"
has "red flag reviewed" "$out" '"red_flags":[{"question":"True or false: the stage group comes from T, N and M.","understood":false,"action":"If you are not sure what your stage means, ask your nurse today."}]'
