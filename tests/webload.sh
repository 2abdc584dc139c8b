#!/bin/sh
# A short load run (build/webload, scripts/webload.c; the figures are
# scripts/bench-web's): 10 clients take one quiz each (each a different
# one, so every bundled quiz's pages are drawn) against
# `teachback serve`, each following the real flow (cookie, CSRF token,
# start, every page posted, the end page read).  Checks that every request
# was answered without an error and that attempts were finished; the times
# are printed for people, never checked.  Then the baseline's hidden
# --bench-pages serves the pages saved by the run.
BUILD=${BUILD:-build}
TB=$BUILD/teachback
WL=$BUILD/webload
pass=0
fail=0
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() {	# $1 = what, then the test
	what=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $what"
	fi
}

start() {
	# Emptied first: the background shell truncates it only when it gets to
	# run, and until then the last server's line (its port) is still there.
	rm -f "$tmp/out"
	"$TB" serve --listen 127.0.0.1:0 "$@" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	i=0
	# The whole line, port and final slash: a line read half written has no port.
	while ! grep -q '^teachback: serving on http://127.0.0.1:[0-9]*/$' "$tmp/out" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 300 ] || ! kill -0 "$pid" 2>/dev/null; then
			echo "FAIL: the server did not start: $(cat "$tmp/err")"
			return 1
		fi
		sleep 0.05
	done
	port=$(sed -n 's|^teachback: serving on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$tmp/out")
}

stop() {
	kill -TERM "$pid"
	wait "$pid"
	rc=$?
	pid=""
	return $rc
}

field() {	# $1 = name, $2 = file: the number after the name
	sed -n "s/.*$1 \([0-9.]*\).*/\1/p" "$2"
}

mkdir "$tmp/pages"
if start --db "$tmp/web.db"; then
	"$WL" --port "$port" --clients 10 --attempts 1 --seconds 300 --timeout 120 --save "$tmp/pages" \
		>"$tmp/run" 2>"$tmp/run.err"
	ok "webload exits 0 ($(cat "$tmp/run.err"))" [ $? -eq 0 ]
	ok "no errors ($(cat "$tmp/run"))" [ "$(field errors "$tmp/run")" = 0 ]
	ok "requests were answered" [ "$(field requests "$tmp/run")" -gt 100 ]
	ok "every client finished its attempt" [ "$(field attempts "$tmp/run")" = 10 ]
	ok "one attempt's pages saved" [ "$(ls "$tmp/pages" | wc -l)" -ge 5 ]
	ok "the server is still up after the run" kill -0 "$pid"
	ok "the server stops cleanly on SIGTERM" stop
	echo "webload (10 clients, an attempt each): $(head -n 1 "$tmp/run")"
else
	fail=$((fail + 1))
fi

# The baseline: the same pages from memory.
n=$(ls "$tmp/pages" | wc -l)
if [ "$n" -gt 0 ] && start --db "$tmp/static.db" --bench-pages "$tmp/pages"; then
	"$WL" --port "$port" --clients 5 --seconds 1 --timeout 120 --static "/bench-page/:$n" >"$tmp/st" 2>&1
	ok "the baseline serves every saved page ($(cat "$tmp/st"))" [ "$(field errors "$tmp/st")" = 0 ]
	ok "the server stops cleanly" stop
else
	fail=$((fail + 1))
fi

# webload's own usage errors.
"$WL" --clients 3 >/dev/null 2>&1
ok "webload without --port is a usage error (2)" [ $? -eq 2 ]

echo "webload: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
