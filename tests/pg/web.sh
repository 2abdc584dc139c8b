#!/bin/sh
# Two `teachback serve` processes and a terminal writing to ONE PostgreSQL
# store at once (a throwaway cluster, tests/pg/cluster.sh): serve at site
# clinic-a and serve at site clinic-b, each with 4 browsers (build/webload,
# the real flow: cookie, CSRF, start, every page posted, the end page)
# taking the class quiz twice, while the terminal (`run`, lines piped in as
# a person types them) takes it 5 times at site ward.  Then: every attempt
# is kept, finished, once, at its site, with all its inputs; the
# cross-site report counts each site and the sum.  Ends with
# "pgweb: N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
TB=${TEACHBACK_BIN:-build/teachback}
case $TB in /*) ;; *) TB=$PWD/$TB ;; esac
WL=$(dirname "$TB")/webload
R=tests/e2e/fixtures/records
Q=$R/class.yaml
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "[  FAILED  ] pgweb: $1"; }
same_text() {	# name got want
	if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}

. tests/pg/cluster.sh
spids=""
trap 'for p in $spids; do kill "$p" 2>/dev/null; done; pg_stop' EXIT
trap 'exit 1' INT TERM HUP
if ! pg_start "fsync = off"; then
	echo "pgweb: 0 passed, 1 failed"
	exit 1
fi
sql -d postgres -c "CREATE ROLE tb_owner LOGIN" -c "CREATE ROLE tb_app LOGIN" >/dev/null
sql -d template1 -c "ALTER DEFAULT PRIVILEGES FOR ROLE tb_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tb_app" >/dev/null
sql -d postgres -c "CREATE DATABASE web OWNER tb_owner" >/dev/null
"$TB" migrate --db "host=$PGT user=tb_owner dbname=web" >/dev/null
DB="host=$PGT user=tb_app dbname=web"

# serve SITE: one server on the class quiz's folder; its port in $PGT/SITE.port
serve() {
	"$TB" serve --listen 127.0.0.1:0 --quizzes "$R" --db "$DB" --site "$1" \
		>"$PGT/$1.out" 2>"$PGT/$1.err" &
	spids="$spids $!"
	i=0
	until grep -q '^teachback: serving on http://127.0.0.1:[0-9]*/$' "$PGT/$1.out" 2>/dev/null; do
		i=$((i + 1))
		[ $i -gt 600 ] && { bad "serve $1 did not start: $(cat "$PGT/$1.err")"; return 1; }
		sleep 0.05
	done
	sed -n 's|^teachback: serving on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$PGT/$1.out" \
		>"$PGT/$1.port"
}

if serve clinic-a && serve clinic-b; then
	for site in clinic-a clinic-b; do
		"$WL" --port "$(cat "$PGT/$site.port")" --clients 4 --attempts 2 --seconds 300 \
			--timeout 120 >"$PGT/$site.load" 2>&1 &
		eval "w_$(echo $site | tr - _)=\$!"
	done
	tfail=0
	for n in 1 2 3 4 5; do
		printf 'A\nB\ntrue\nA B\n' | "$TB" run "$Q" --seed "$n" --db "$DB" --learner "p$n" \
			--site ward --plain >/dev/null 2>"$PGT/run.err" || tfail=$((tfail + 1))
	done
	wait "$w_clinic_a"
	same_text "webload at clinic-a: $(cat "$PGT/clinic-a.load")" "$?" 0
	wait "$w_clinic_b"
	same_text "webload at clinic-b: $(cat "$PGT/clinic-b.load")" "$?" 0
	same_text "the terminal's 5 runs ($(cat "$PGT/run.err"))" "$tfail" 0
	for site in clinic-a clinic-b; do
		same_text "$site's browsers finished 8 attempts" \
			"$(sed -n 's/.*attempts \([0-9]*\) errors \([0-9]*\).*/\1 \2/p' "$PGT/$site.load")" "8 0"
	done
	same_text "every attempt kept, finished, once, at its site" \
		"$(sql -d web -c "SELECT string_agg(site || ' ' || n || ' ' || f || ' ' || d, ', ' ORDER BY site) FROM (SELECT site, count(*) AS n, count(*) FILTER (WHERE status = 'finished') AS f, count(DISTINCT id) AS d FROM attempts GROUP BY site) x")" \
		"clinic-a 8 8 8, clinic-b 8 8 8, ward 5 5 5"
	same_text "the web attempts by frontend" \
		"$(sql -d web -c "SELECT frontend, count(*) FROM attempts GROUP BY frontend ORDER BY frontend" | tr '\n' ' ')" \
		"terminal|5 web|16 "
	same_text "every attempt has its inputs and a response to each question" \
		"$(sql -d web -c "SELECT count(*) FROM attempts a WHERE (SELECT count(*) FROM inputs i WHERE i.attempt_id = a.id) < 4 OR (SELECT count(*) FROM responses r WHERE r.attempt_id = a.id) <> 4")" 0
	"$TB" report "$Q" --db "$DB" >"$PGT/report" 2>&1
	if grep -q "All sites; attempts by site: clinic-a 8, clinic-b 8, ward 5" "$PGT/report" &&
		grep -q "Attempts 21;" "$PGT/report"; then ok; else
		bad "the cross-site report shows each site and the sum:"; head -5 "$PGT/report"
	fi
	"$TB" report "$Q" --db "$DB" --site clinic-b >"$PGT/report-b" 2>&1
	if grep -q "Attempts 8;" "$PGT/report-b"; then ok; else
		bad "one site's report:"; head -5 "$PGT/report-b"
	fi
fi
for p in $spids; do
	kill -TERM "$p"
	wait "$p"
	same_text "serve stops cleanly" "$?" 0
done
spids=""
[ -n "${PGWEB_SHOW:-}" ] && head -3 "$PGT/report" "$PGT/report-b" "$PGT/clinic-a.load"
echo "pgweb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
