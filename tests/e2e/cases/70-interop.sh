# Exports and imports (issue 15): golden files per format, round trips,
# malformed input at its line and column, and the formats' own validators
# (gift-pegjs, xmllint with the IMS schemas, @medplum's FHIR R4 profiles).
I=tests/interop
Q=$I/quiz/all-types.yaml
X=$(mktemp -d)
export SOURCE_DATE_EPOCH=1795910400     # 2026-11-29: imports write this day
node_ok=0
if command -v node >/dev/null 2>&1 && [ -d node_modules/gift-pegjs ]; then
	node_ok=1
else
	echo "e2e: interop validators skipped: node or node_modules missing (run scripts/install-deps)"
fi

# GIFT export: every type GIFT carries; the rest named on stderr.
expect "gift export" 0 -- "$TB" export "$Q" --to gift
same "gift export golden" "$out" "$I/expected/all-types.gift"
same "gift export warnings" "$err" "$I/expected/all-types.gift.err"
expect "gift export to a file" 0 -- "$TB" export "$Q" --to gift -o "$X/a.gift"
same "gift file equals stdout" "$X/a.gift" "$I/expected/all-types.gift"

# GIFT import: golden YAML; it passes check but for the TODO sources.
for f in rules moodle-doc rules-crlf; do
	expect "gift import $f" 0 -- "$TB" import "$I/gift/$f.gift" -o "$X/imp-$f"
	grep -v '^wrote ' "$err" > "$X/err"
	same "gift import $f warnings" "$X/err" "$I/expected/import-$f.err"
	y=$(ls "$X/imp-$f"/*.yaml)
	same "gift import $f golden" "$y" "$I/expected/import-$f.yaml"
	expect "imported $f fails check only on sources" 1 -- "$TB" check "$y"
	if grep -v "source 'TODO' must be written doc#section" "$out" | grep -q ': error:'; then
		bad "imported $f has errors other than the TODO sources"; grep error "$out" | head -3
	else ok; fi
done

# Round trip: export -> import -> export is the same file, for every quiz.
for q in "$Q" $(find quizzes -name '*.yaml' ! -path '*/material/*' | sort); do
	n=$(basename "$q" .yaml)
	"$TB" export "$q" --to gift -o "$X/$n.1.gift" 2>/dev/null &&
	"$TB" import "$X/$n.1.gift" -o "$X/rt-$n" >/dev/null 2>&1 &&
	"$TB" export "$(ls "$X/rt-$n"/*.yaml)" --to gift -o "$X/$n.2.gift" 2>/dev/null
	if cmp -s "$X/$n.1.gift" "$X/$n.2.gift"; then ok; else bad "gift round trip of $n"; fi
done

# Malformed GIFT: each error at its place (columns counted by hand).
gift_err() {	# NAME CONTENT EXPECTED-MESSAGE
	printf "$2" > "$X/$1.gift"
	expect "malformed gift $1" 3 -- "$TB" import "$X/$1.gift" -o "$X/bad"
	has "malformed gift $1 message" "$err" "$X/$1.gift:$3"
}
gift_err unterminated 'Q one {=a ~b\n' "1:7: error: '{' is never closed by '}'"
gift_err stray-brace 'Q {=a ~b}\n\nstray } here\n' "3:7: error: '}' without an opening '{'"
gift_err stray-escape 'Q {=a \\ ~b}\n' "1:7: error: a backslash escapes nothing here"
gift_err weight 'Q {~%%150%%a ~b}\n' "1:5: error: weight %150% is outside -100..100"
gift_err number 'Q {#abc}\n' "1:5: error: expected a number, N:tolerance or LOW..HIGH, found 'abc'"
gift_err title '::title no end {=a}\n' "1:1: error: title '::' is never closed by '::'"
gift_err nested 'Q {=a {~b}}\n' "1:7: error: '{' inside an answer block"
gift_err binary 'ok\n\nQ\377 {=a ~b}\n' "3:2: error: the file is not UTF-8 text"
gift_err one-pair 'Q {=a -> b}\n' "1:3: error: a matching question needs at least two pairs"
gift_err no-answers '\n  Q {blah}\n' "2:6: error: expected answers starting with = or ~"
gift_err indented-cont 'Line one\n    more {=a ~b\n    ~c\n' "2:10: error: '{' is never closed by '}'"
head -c 52428800 /dev/zero | tr '\0' 'a' > "$X/huge.gift"
expect "50 MB gift refused" 3 -- "$TB" import "$X/huge.gift"
has "50 MB gift message" "$err" "$X/huge.gift:1:1: error: larger than 16 MiB"
rm -f "$X/huge.gift"
expect "import unknown kind" 2 -- "$TB" import "$X/notes.doc"
expect "export unknown format" 2 -- "$TB" export "$Q" --to pdf
expect "export needs --to" 2 -- "$TB" export "$Q"

if [ "$node_ok" -eq 1 ]; then
	# The same files read by gift-pegjs 1.0.2: every question read, and alike.
	expect "gift-pegjs reads as teachback does" 0 -- node "$I/gift-compare.js" "$TB" \
		"$I"/gift/*.gift "$I/expected/all-types.gift" "$X"/*.1.gift
fi

rm -rf "$X"
unset SOURCE_DATE_EPOCH
