#!/bin/sh
# The PostgreSQL back end (engine/store_pg.c) on a throwaway cluster of the
# tests' own: initdb and pg_ctl as the postgres user in a temporary folder,
# a unix socket there and no TCP (listen_addresses=''), stopped and removed
# at the end even on failure.  Two roles as README describes them: tb_owner
# owns the tables and runs teachback migrate; tb_app (what run, grade and
# report use) may only SELECT, INSERT, UPDATE and DELETE.
#
# Then: the store cases of tests/e2e against PostgreSQL; both schemas side
# by side; the same reports from both back ends and from the server's sums
# and the client's; the refusals; 8 writers at once with exact totals; a
# writer killed with SIGKILL; the server restarted under writers and in the
# middle of an interactive attempt.
#
# PG_WRITERS_N (default 1000) sets the attempts per writer; scripts/bench
# measures speed.  Ends with "pg: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
TB=${TEACHBACK_BIN:-build/teachback}
case $TB in /*) ;; *) TB=$PWD/$TB ;; esac
export TEACHBACK_BIN="$TB"
E=tests/e2e
R=$E/fixtures/records
Q=$R/class.yaml
N=${PG_WRITERS_N:-1000}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "[  FAILED  ] pg: $1"; }

. tests/pg/cluster.sh
trap pg_stop EXIT
trap 'exit 1' INT TERM HUP
# fsync off: these tests kill writers and restart the server, never the machine.
if ! pg_start "fsync = off"; then
	echo "pg: 0 passed, 1 failed"
	exit 1
fi
out=$PGT/out
err=$PGT/err
# New databases take the app role's rights from template1's default privileges.
sql -d postgres -c "CREATE ROLE tb_owner LOGIN" -c "CREATE ROLE tb_app LOGIN" >/dev/null
sql -d template1 -c "ALTER DEFAULT PRIVILEGES FOR ROLE tb_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tb_app" >/dev/null

owner() { echo "host=$PGT user=tb_owner dbname=$1"; }
app() { echo "host=$PGT user=tb_app dbname=$1"; }
newdb() {	# NAME: a database owned by tb_owner, migrated
	sql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $1" \
		-c "CREATE DATABASE $1 OWNER tb_owner" &&
	"$TB" migrate --db "$(owner "$1")" >/dev/null
}

# expect NAME STATUS -- command...   (stdout in $out, stderr in $err)
expect() {
	name=$1; want=$2; shift 3
	"$@" >"$out" 2>"$err" </dev/null
	got=$?
	if [ "$got" -ne "$want" ]; then
		bad "$name: exit $got, expected $want"; sed 's/^/    /' "$err" | head -5
		return 1
	fi
	ok
}
has() {
	if grep -qF -- "$3" "$2"; then ok; else
		bad "$1: no '$3' in output"; head -5 "$2" | sed 's/^/    /'
	fi
}
same_text() {	# NAME GOT WANT
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}

# ---- the store cases of tests/e2e, on PostgreSQL ----------------------------
newdb defaultdb
TB_PG=$PGT TB_PG_DEFAULT=$(app defaultdb) E2E_CASES="70-records 75-sites" \
	sh $E/run.sh >"$PGT/e2e.log" 2>&1
p=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$PGT/e2e.log")
f=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$PGT/e2e.log")
grep -F 'FAILED' "$PGT/e2e.log" | sed 's/e2e:/pg, store cases on PostgreSQL:/'
pass=$((pass + ${p:-0})); fail=$((fail + ${f:-1}))
if [ "${p:-0}" -ge 80 ]; then ok; else bad "store cases: only ${p:-0} ran"; fi

# ---- roles: least privilege -------------------------------------------------
same_text "no superuser role" "$(sql -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'tb_%' AND (rolsuper OR rolcreatedb OR rolcreaterole)")" 0
sql -d postgres -c "CREATE DATABASE roles OWNER tb_owner" >/dev/null
expect "app cannot migrate" 4 -- "$TB" migrate --db "$(app roles)"
has "migrate refused to app" "$err" "cannot update the schema: ERROR:  permission denied for schema public"
expect "owner migrates" 0 -- "$TB" migrate --db "$(owner roles)"
expect "app cannot make tables" 1 -- psql -X -q -v ON_ERROR_STOP=1 -h "$PGT" -U tb_app -d roles -c "CREATE TABLE x (y int)"
has "permission named" "$err" "permission denied for schema public"
expect "app cannot change the schema version" 1 -- psql -X -q -v ON_ERROR_STOP=1 -h "$PGT" -U tb_app -d roles -c "UPDATE teachback_schema SET version = 9"
has "version is the owner's" "$err" "permission denied for table teachback_schema"
expect "app records" 0 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$(app roles)" --site ward-1
expect "migrate again is a no-op" 0 -- "$TB" migrate --db "$(owner roles)"
has "version said" "$out" "The records store is at schema version 4."

# ---- refusals, each named, nothing changed ----------------------------------
expect "password on the command line" 4 -- "$TB" history --db "postgresql://tb_app:secret@localhost/roles"
has "password refused" "$err" "put it in ~/.pgpass (or \$PGPASSFILE) or a service file"
if grep -q secret "$err"; then bad "the password was printed"; else ok; fi
expect "password in TEACHBACK_DB" 4 -- env TEACHBACK_DB="host=$PGT dbname=roles password=secret" "$TB" history
has "env password refused" "$err" "leave it out of --db and TEACHBACK_DB"
expect "no server" 4 -- env TEACHBACK_PG_RETRY_S=0 "$TB" history --db "host=$PGT/none dbname=x"
has "cannot connect" "$err" "cannot connect to the PostgreSQL records store"
sql -d postgres -c "CREATE DATABASE empty OWNER tb_owner" >/dev/null
expect "no schema, reading" 0 -- "$TB" history --db "$(app empty)"
has "nothing yet" "$out" "No attempts recorded yet."
expect "no schema, writing" 4 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$(app empty)"
has "migrate named" "$err" "no teachback schema yet; the role that owns the database runs 'teachback migrate --db ...' once"
same_text "empty left empty" "$(sql -d empty -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0
sql -d postgres -c "CREATE DATABASE other OWNER tb_owner" >/dev/null
sql -d other -c "CREATE TABLE notes (x int)" >/dev/null
expect "another program's database" 4 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$(app other)"
has "not ours" "$err" "not a teachback records store (another program's tables); it was left as it is"
expect "not ours, migrate" 4 -- "$TB" migrate --db "$(owner other)"
same_text "other untouched" "$(sql -d other -c "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")" notes
newdb newer
sql -d newer -c "UPDATE teachback_schema SET version = 99" >/dev/null
expect "newer schema" 4 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$(app newer)"
has "newer named" "$err" "written by a newer teachback (schema 99; this one knows up to 4); it was left as it is"
expect "newer, migrate" 4 -- "$TB" migrate --db "$(owner newer)"
same_text "newer untouched" "$(sql -d newer -c "SELECT version FROM teachback_schema")" 99
sql -d newer -c "UPDATE teachback_schema SET version = 1" >/dev/null
expect "older schema" 4 -- "$TB" history --db "$(app newer)"
has "older named" "$err" "an older schema (1); the role that owns the database runs 'teachback migrate --db ...' to update it"
expect "report with a bad --compute" 2 -- "$TB" report "$Q" --db "$(app roles)" --compute gpu
has "compute named" "$err" "--compute must be client or store, not 'gpu'"

# ---- both schemas side by side: the same columns, in the same order --------
"$TB" grade "$Q" "$R/moodle.csv" --db "$PGT/side.db" >/dev/null 2>&1
for t in learners attempts inputs responses; do
	lite=$(sqlite3 "$PGT/side.db" "SELECT group_concat(name || ':' || \"notnull\" || ':' || pk, ',') FROM pragma_table_info('$t')")
	pg=$(sql -d roles -c "SELECT string_agg(c.column_name || ':' || (c.is_nullable = 'NO' AND k.column_name IS NULL)::int || ':' || coalesce(k.ordinal_position, 0), ',' ORDER BY c.ordinal_position) FROM information_schema.columns c LEFT JOIN information_schema.key_column_usage k ON k.table_name = c.table_name AND k.column_name = c.column_name AND k.constraint_name = '${t}_pkey' WHERE c.table_name = '$t'")
	# SQLite says notnull 0 for a key column it does not mark NOT NULL; PostgreSQL
	# makes every key column NOT NULL: compare names, not-null outside keys, keys.
	lite=$(echo "$lite" | sed 's/:1:\([1-9]\)/:0:\1/g')
	same_text "columns of $t" "$pg" "$lite"
done

# ---- the same results from both back ends, and from the server's sums ------
# A class of 600 made from the worked vector's rows, each learner a new name.
awk -F, 'NR == 1 { print; next } { rows[NR] = $0 } END {
	for (i = 1; i <= 600; i++) { r = rows[2 + (i * 7) % 6]; sub(/^[^,]*/, "", r); print "S" i r } }' \
	"$R/moodle.csv" > "$PGT/class600.csv"
newdb same
# Every statement on this database is logged: the report's sums must be there.
sql -d postgres -c "ALTER DATABASE same SET log_min_duration_statement = 0" >/dev/null
# One clock for both back ends, so their histories match to the minute.
for b in "$PGT/same.db" "$(app same)"; do
	TEACHBACK_NOW=1795000000 "$TB" grade "$Q" "$R/moodle.csv" --db "$b" --site a >/dev/null 2>&1
	TEACHBACK_NOW=1795000000 "$TB" grade "$Q" "$PGT/class600.csv" --db "$b" --site b >/dev/null 2>&1
	printf 'A\nB\ntrue\nA B\n' | TEACHBACK_NOW=1795000000 "$TB" run "$Q" --seed 3 --db "$b" \
		--learner ana --site c --plain >/dev/null 2>&1
	# Site d: attempts given two questions each (a draw), i4 to nobody.
	for sheet in ab ac bc; do
		TEACHBACK_NOW=1795000000 "$TB" grade "$Q" "$R/drawn-$sheet.csv" --db "$b" --site d \
			>/dev/null 2>&1
	done
done
for site in "" "--site=a" "--site=b" "--site=d"; do
	for fmt in text json csv; do
		"$TB" report "$Q" --db "$PGT/same.db" --format $fmt $site > "$PGT/lite.$fmt" 2>&1
		"$TB" report "$Q" --db "$(app same)" --format $fmt $site > "$PGT/pg.$fmt" 2>&1
		"$TB" report "$Q" --db "$(app same)" --format $fmt $site --compute client > "$PGT/pgc.$fmt" 2>&1
		if cmp -s "$PGT/lite.$fmt" "$PGT/pg.$fmt"; then ok; else
			bad "report $fmt $site: SQLite (Lua) and PostgreSQL (SQL sums) differ"
			diff "$PGT/lite.$fmt" "$PGT/pg.$fmt" | head -6 | sed 's/^/    /'
		fi
		if cmp -s "$PGT/pgc.$fmt" "$PGT/pg.$fmt"; then ok; else
			bad "report $fmt $site: PostgreSQL's SQL sums and the Lua computation differ"
			diff "$PGT/pgc.$fmt" "$PGT/pg.$fmt" | head -6 | sed 's/^/    /'
		fi
	done
done
has "sums computed in PostgreSQL" "$PGT/log" "covar_samp(xr.x, xr.o)"
"$TB" report "$Q" --db "$(app same)" --site a > "$out"
has "site a is the worked vector, summed in SQL" "$out" "Attempts 6; mean 3 of 5; median 3.5; SD 1.7889; skewness -0.9433; kurtosis 0.5859"
has "alpha in SQL" "$out" "Cronbach's alpha (CIC) 69.44%; error ratio 55.28%; standard error 0.9888 marks"
has "item 4 in SQL" "$out" "i4                            66.67    40.82    40.00    33.95    86.96   100.00"
has "distractors in SQL" "$out" "options: A* 4 (pull 0), B 1 (pull 50), C 1 (pull -50)"
"$TB" report "$Q" --db "$(app same)" > "$out"
has "across sites" "$out" "All sites; attempts by site: a 6, b 600, c 1, d 6"
"$TB" report "$Q" --db "$(app same)" --site d > "$out"
has "site d: i1 over the 4 given it, in SQL" "$out" "i1                            75.00    50.00    50.00        -   -33.33   -33.33        4"
for cmd in "history" "history --learner ana" "history --learner S17"; do
	"$TB" $cmd --db "$PGT/same.db" > "$PGT/lite.h" 2>&1
	"$TB" $cmd --db "$(app same)" > "$PGT/pg.h" 2>&1
	if cmp -s "$PGT/lite.h" "$PGT/pg.h"; then ok; else
		bad "$cmd differs between the back ends"; diff "$PGT/lite.h" "$PGT/pg.h" | head -4
	fi
done

# ---- 8 writers at once: exact totals ---------------------------------------
# Each writer grades the same $N learners (names shared: the learner rows
# race), at its own site; one learner row each, 8 attempts each.
awk -F, -v n="$N" 'NR == 1 { print; next } { rows[NR] = $0 } END {
	for (i = 1; i <= n; i++) { r = rows[2 + i % 6]; sub(/^[^,]*/, "", r); print "W" i r } }' \
	"$R/moodle.csv" > "$PGT/writers.csv"
# The worked vector's six scores are 5, 2, 4, 5, 0, 2 (moodle.out).
want_sum=0
i=1
while [ $i -le "$N" ]; do
	case $((i % 6)) in 0) s=5 ;; 1) s=2 ;; 2) s=4 ;; 3) s=5 ;; 4) s=0 ;; 5) s=2 ;; esac
	want_sum=$((want_sum + s)); i=$((i + 1))
done
newdb writers
pids=""
for w in 1 2 3 4 5 6 7 8; do
	"$TB" grade "$Q" "$PGT/writers.csv" --db "$(app writers)" --site "room-$w" \
		--out "$PGT/acked.$w" 2>"$PGT/w.$w" &
	pids="$pids $!"
done
fails=0
for p in $pids; do wait "$p" || fails=$((fails + 1)); done
same_text "8 writers all finished" "$fails" 0
same_text "exact totals" "$(sql -d writers -c "SELECT count(*), count(DISTINCT id), count(DISTINCT site), sum(score)::bigint FROM attempts WHERE status = 'finished'")" \
	"$((8 * N))|$((8 * N))|8|$((8 * want_sum))"
same_text "one learner row per name" "$(sql -d writers -c "SELECT count(*), min(c), max(c) FROM (SELECT learner_id, count(*) AS c FROM attempts GROUP BY learner_id) x")" "$N|8|8"
same_text "inputs and responses" "$(sql -d writers -c "SELECT (SELECT count(*) FROM inputs), (SELECT count(*) FROM responses)")" "$((8 * N))|$((8 * N * 4))"
"$TB" report "$Q" --db "$(app writers)" --site room-3 > "$out"
has "one room's report" "$out" "Attempts $N;"

# ---- a writer killed with SIGKILL leaves nothing partial --------------------
newdb killed
awk -F, 'NR == 1 { print; next } { rows[NR] = $0 } END {
	for (i = 1; i <= 20000; i++) { r = rows[2 + i % 6]; sub(/^[^,]*/, "", r); print "K" i r } }' \
	"$R/moodle.csv" > "$PGT/big.csv"
"$TB" grade "$Q" "$PGT/big.csv" --db "$(app killed)" --out "$PGT/acked.k" 2>/dev/null &
kpid=$!
i=0
while [ "$(sql -d killed -c "SELECT count(*) FROM attempts")" = 0 ] && [ $i -lt 600 ]; do
	sleep 0.05; i=$((i + 1))
done
kill -9 $kpid
wait $kpid 2>/dev/null
stored=$(sql -d killed -c "SELECT count(*) FROM attempts")
acked=$(($(wc -l < "$PGT/acked.k") - 1))
if [ "$stored" -gt 0 ] && [ "$stored" -lt 20000 ]; then ok; else bad "kill: $stored attempts stored (the kill came too late or too early)"; fi
same_text "no partial attempt" "$(sql -d killed -c "SELECT count(*) FROM attempts a WHERE status <> 'finished' OR (SELECT count(*) FROM responses r WHERE r.attempt_id = a.id) <> 4 OR (SELECT count(*) FROM inputs i WHERE i.attempt_id = a.id) <> 1")" 0
if [ "$acked" -le "$stored" ]; then ok; else bad "kill: $acked acknowledged but $stored stored"; fi
# What grade printed was committed first: each of those learners is stored.
{ echo "CREATE TEMP TABLE acked (name text); COPY acked FROM STDIN;"
  tail -n +2 "$PGT/acked.k" | cut -d, -f1; echo '\.'
  echo "SELECT count(*) FROM acked JOIN learners l USING (name) JOIN attempts a ON a.learner_id = l.id;"
} | sql -d killed > "$out"
same_text "every acknowledged learner stored" "$(cat "$out")" "$acked"

# ---- the server restarted under 4 writers: nothing acknowledged is lost ----
head -n 2001 "$PGT/big.csv" > "$PGT/restart.csv"
newdb restart
pids=""
for w in 1 2 3 4; do
	"$TB" grade "$Q" "$PGT/restart.csv" --db "$(app restart)" --site "room-$w" \
		--out "$PGT/racked.$w" 2>"$PGT/rw.$w" &
	pids="$pids $!"
done
i=0
while [ "$(sql -d restart -c "SELECT count(*) FROM attempts")" -lt 250 ] && [ $i -lt 600 ]; do
	sleep 0.05; i=$((i + 1))
done
before=$(sql -d restart -c "SELECT count(*) FROM attempts")
pgctl -w -m fast restart
fails=0
for p in $pids; do wait "$p" || fails=$((fails + 1)); done
same_text "writers survived the restart" "$fails" 0
[ "$fails" -eq 0 ] ||
	for w in 1 2 3 4; do sed "s/^/    writer $w: /" "$PGT/rw.$w" | head -3; done
if [ "$before" -lt 8000 ]; then ok; else bad "restart: came after the writers had finished"; fi
same_text "every attempt after the restart" "$(sql -d restart -c "SELECT count(*), count(DISTINCT id) FROM attempts WHERE status = 'finished'")" "8000|8000"
same_text "acknowledged = stored" "$(cat "$PGT"/racked.* | grep -vc '^learner')" 8000
same_text "nothing twice" "$(sql -d restart -c "SELECT (SELECT count(*) FROM inputs), (SELECT count(*) FROM responses)")" "8000|32000"

# ---- an interactive attempt with the server restarted in the middle --------
newdb session
mkfifo "$PGT/fifo"
"$TB" run "$Q" --seed 3 --db "$(app session)" --learner ana --json < "$PGT/fifo" > "$PGT/session.json" 2>"$PGT/session.err" &
spid=$!
exec 8> "$PGT/fifo"
printf 'A\nB\n' >&8
i=0
while [ "$(sql -d session -c "SELECT count(*) FROM inputs")" != 2 ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
pgctl -w -m fast restart 8>&-     # the server must not hold the session's input open
printf 'true\nA B\nn\n' >&8
exec 8>&-
wait $spid
same_text "session survived the restart" "$?" 0
same_text "its four inputs, once" "$(sql -d session -c "SELECT string_agg(value, '|' ORDER BY seq) FROM inputs")" "A|B|true|A B"
same_text "and its result" "$(sql -d session -c "SELECT status, score FROM attempts")" "finished|4"

# ---- two sites and a terminal at once, one cross-site report ---------------
newdb together
"$TB" grade "$Q" "$PGT/class600.csv" --db "$(app together)" --site clinic-north >/dev/null 2>&1 &
g1=$!
"$TB" grade "$Q" "$PGT/class600.csv" --db "$(app together)" --site clinic-south >/dev/null 2>&1 &
g2=$!
printf 'A\nB\ntrue\nA B\n' | "$TB" run "$Q" --seed 3 --db "$(app together)" --learner ana \
	--site ward-3 --plain >/dev/null 2>&1
wait $g1 $g2
"$TB" report "$Q" --db "$(app together)" > "$out"
has "cross-site report" "$out" "All sites; attempts by site: clinic-north 600, clinic-south 600, ward-3 1"
has "all attempts" "$out" "Attempts 1201;"

echo "pg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
