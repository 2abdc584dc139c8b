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
export TEACHBACK_DB="$tmpdir/default.db"
trap 'rm -f "$out" "$err"; rm -rf "$tmpdir"' EXIT

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

for f in "$E"/cases/*.sh; do
	[ -f "$f" ] && . "$f"
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
