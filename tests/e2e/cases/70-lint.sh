# teachback check: item-writing warnings (engine/lua/lint.lua).  Each rule
# trips once in fixtures/lint/trips/quiz.yaml (positions checked by hand in
# expected/check-lint.out) and not in fixtures/lint/clean/quiz.yaml, which
# holds the same items with the flaw fixed.  Warnings exit 0; --strict makes
# them fail.  TEACHBACK_TODAY fixes "today" for the review-date rule.
L=$E/fixtures/lint
export TEACHBACK_TODAY=2026-11-29
expect "lint: warnings exit 0" 0 -- "$TB" check "$L/trips/quiz.yaml"
same "lint: every rule, at its line and column" "$out" "$E/expected/check-lint.out"
expect "lint: --strict fails on warnings" 1 -- "$TB" check --strict "$L/trips/quiz.yaml"
has "lint: --strict says why" "$out" "--strict: warnings count as errors"
expect "lint: the fixed items pass --strict" 0 -- "$TB" check --strict "$L/clean/quiz.yaml"
has "lint: the fixed items have no warning" "$out" "checked 1 file: 0 errors, 0 warnings"
expect "lint: keys longest too often" 0 -- "$TB" check "$L/trips/keys.yaml"
has "lint: binomial test named with its figures" "$out" \
	"$L/trips/keys.yaml:11:3: warning: in 5 of 5 single-answer questions the correct option is the longest (chance would give about 2.5; p = 0.031)"
expect "lint: coverage" 0 -- "$TB" check --coverage "$L/trips"
has "lint: uncited section listed" "$out" \
	"$L/trips/material/care.md:19:1: warning: section 'care#spare' is cited by no question"
if grep -q "care#bone' is cited by no" "$out"; then bad "lint: a cited section is listed"; else ok; fi
expect "lint: no coverage list without --coverage" 0 -- "$TB" check "$L/trips"
if grep -q "cited by no question" "$out"; then bad "lint: coverage listed unasked"; else ok; fi
expect "lint: clean coverage" 0 -- "$TB" check --strict --coverage "$L/clean"
has "lint: every clean section cited" "$out" "0 errors, 0 warnings"
expect "lint: list shows review due" 0 -- "$TB" list "$L/trips"
has "lint: stale quiz marked" "$out" "Items with writing flaws  ($L/trips/quiz.yaml)  [review due: reviewed 2025-11-01]"
if grep "lint-keys" "$out" | grep -q "review due"; then bad "lint: fresh quiz marked"; else ok; fi
expect "lint: unknown check option" 2 -- "$TB" check --bogus "$L/clean/quiz.yaml"
has "lint: unknown option named" "$err" "unknown option '--bogus' for check"
expect "lint: bundled quizzes pass --strict" 0 -- "$TB" check --strict quizzes
has "lint: bundled quizzes have no warning" "$out" " 0 errors, 0 warnings"
export TEACHBACK_TODAY=2031-02-03
expect "lint: TEACHBACK_TODAY is today, whatever the clock says" 0 -- "$TB" check "$L/trips/quiz.yaml"
has "lint: the fixed day named" "$out" "more than 12 months before today (2031-02-03)"
unset TEACHBACK_TODAY
export SOURCE_DATE_EPOCH=1956528000
expect "lint: SOURCE_DATE_EPOCH fixes today" 0 -- "$TB" check "$L/trips/quiz.yaml"
has "lint: the epoch's day named" "$out" "more than 12 months before today (2032-01-01)"
unset SOURCE_DATE_EPOCH
