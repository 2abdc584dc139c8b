#!/bin/sh
# End-to-end tests of the real binary: exit codes, messages, and results
# compared byte for byte with files in tests/e2e/expected/.
# Ends with "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
TB=${TEACHBACK_BIN:-build/teachback}
E=tests/e2e
F=$E/fixtures/engine        # frozen quizzes: engine tests do not move with the content
pass=0
fail=0
out=$(mktemp)
err=$(mktemp)
tmpdir=$(mktemp -d)         # stores and sheets the record tests build
# Interactive runs are recorded: never into the user's own store.
export TEACHBACK_DB="${TB_PG_DEFAULT:-$tmpdir/default.db}"
trap 'rm -f "$out" "$err"; rm -rf "$tmpdir"' EXIT

# store NAME: a fresh records store for a test: a file in $tmpdir, or,
# when tests/pg/run.sh runs the store cases, a database of its own in the
# throwaway PostgreSQL cluster (TB_PG: its socket folder), made by the
# owner role with teachback migrate and used through the app role.
store() {
	if [ -n "${TB_PG:-}" ]; then
		psql -X -q -h "$TB_PG" -U postgres -d postgres -c "SET client_min_messages = warning" \
			-c "DROP DATABASE IF EXISTS $1" \
			-c "CREATE DATABASE $1 OWNER tb_owner" >/dev/null &&
		"$TB" migrate --db "host=$TB_PG user=tb_owner dbname=$1" >/dev/null &&
		echo "host=$TB_PG user=tb_app dbname=$1"
	else
		echo "$tmpdir/$1.db"
	fi
}

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "[  FAILED  ] e2e: $1"; }

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

# same NAME FILE EXPECTED  -- FILE must equal EXPECTED byte for byte
same() {
	if cmp -s "$2" "$3"; then ok; else
		bad "$1: output differs from $3"; diff "$3" "$2" | head -20 | sed 's/^/    /'
	fi
}

# has NAME FILE TEXT -- FILE contains TEXT
has() {
	if grep -qF -- "$3" "$2"; then ok; else
		bad "$1: no '$3' in output"; head -5 "$2" | sed 's/^/    /'
	fi
}

# E2E_CASES: only these cases (names without .sh), as tests/pg/run.sh asks.
for f in "$E"/cases/*.sh; do
	if [ -n "${E2E_CASES:-}" ]; then
		case " $E2E_CASES " in *" $(basename "$f" .sh) "*) ;; *) continue ;; esac
	fi
	[ -f "$f" ] && . "$f"
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
