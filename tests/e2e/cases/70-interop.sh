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
	# A staging question comes back as short answer: only its note differs.
	grep -v "^// Note: '[a-z0-9-]*' is a teachback staging question" "$X/$n.1.gift" > "$X/$n.1n.gift"
	if cmp -s "$X/$n.1n.gift" "$X/$n.2.gift"; then ok; else bad "gift round trip of $n"; fi
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

# Moodle XML: golden export (well-formed by xmllint), golden import of a
# bank in Moodle's own shape, round trip for every quiz.
expect "moodle-xml export" 0 -- "$TB" export "$Q" --to moodle-xml
same "moodle-xml export golden" "$out" "$I/expected/all-types.xml"
same "moodle-xml export warnings" "$err" "$I/expected/all-types.xml.err"
expect "moodle-xml export is well-formed" 0 -- xmllint --noout --nonet "$I/expected/all-types.xml"
expect "moodle-xml import" 0 -- "$TB" import "$I/moodle/core-types.xml" -o "$X/mx"
grep -v '^wrote ' "$err" > "$X/err"
same "moodle-xml import warnings" "$X/err" "$I/expected/import-core-types.err"
same "moodle-xml import golden" "$X/mx/moodle-bank.yaml" "$I/expected/import-core-types.yaml"
expect "imported moodle bank fails check only on sources" 1 -- "$TB" check "$X/mx/moodle-bank.yaml"
has "imported moodle bank: 8 TODO sources" "$out" "checked 1 file: 8 errors, 0 warnings"
for q in "$Q" $(find quizzes -name '*.yaml' ! -path '*/material/*' | sort); do
	n=$(basename "$q" .yaml)
	rm -rf "$X/mrt"
	"$TB" export "$q" --to moodle-xml -o "$X/$n.1.xml" 2>/dev/null &&
	"$TB" import "$X/$n.1.xml" -o "$X/mrt" >/dev/null 2>&1 &&
	"$TB" export "$(ls "$X/mrt"/*.yaml)" --to moodle-xml -o "$X/$n.2.xml" 2>/dev/null
	grep -v "^  <!-- Note: '[a-z0-9-]*' is a teachback staging question" "$X/$n.1.xml" > "$X/$n.1n.xml"
	if cmp -s "$X/$n.1n.xml" "$X/$n.2.xml"; then ok; else bad "moodle-xml round trip of $n"; fi
done

# Malformed XML: entities are never expanded, a DOCTYPE is refused outright.
xml_err() {	# NAME CONTENT EXPECTED-MESSAGE
	printf "$2" > "$X/$1.xml"
	expect "malformed xml $1" 3 -- "$TB" import "$X/$1.xml" -o "$X/bad"
	has "malformed xml $1 message" "$err" "$X/$1.xml:$3"
}
xml_err xxe '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<quiz>&x;</quiz>\n' \
	"2:1: error: a document type declaration (<!DOCTYPE ...>) is not accepted"
xml_err laughs '<!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><quiz>&b;</quiz>' \
	"1:1: error: a document type declaration"
xml_err entity '<quiz>\n  <question type="truefalse"><name><text>a &lol; b</text></name></question>\n</quiz>\n' \
	"2:44: error: entity '&lol;' is not one of XML's five"
xml_err unknown-tag '<quiz>\n  <question type="multichoice">\n    <questiontext><text>x</text></questiontext>\n    <bogus/>\n  </question>\n</quiz>\n' \
	"4:5: error: unknown tag <bogus> in a multichoice question"
xml_err mismatch '<quiz>\n  <question type="multichoice">\n</quiz>\n' \
	"3:1: error: end tag </quiz> does not match <question> (line 2)"
# Lines as an editor counts them: a lone CR (an old Mac file) and CRLF end
# a line; columns count characters.
xml_err mismatch-cr '<quiz>\r  <question type="multichoice">\r</quiz>\r' \
	"3:1: error: end tag </quiz> does not match <question> (line 2)"
xml_err mismatch-crlf '<quiz>\r\n  <question type="multichoice">\r\n</quiz>\r\n' \
	"3:1: error: end tag </quiz> does not match <question> (line 2)"
xml_err entity-accent '<quiz>\n  <question type="truefalse"><name><text>caf\303\251 &lol; b</text></name></question>\n</quiz>\n' \
	"2:47: error: entity '&lol;' is not one of XML's five"
xml_err unclosed '<quiz>\n<question type="essay"><questiontext><text>x</text>' \
	"2:24: error: element <questiontext> is never closed"
xml_err fraction '<quiz><question type="shortanswer"><questiontext><text>Q</text></questiontext><answer fraction="250"><text>a</text></answer></question></quiz>' \
	"1:79: error: fraction '250' must be a percent from -100 to 100"
xml_err root '<notquiz/>' "1:1: error: the root element is <notquiz>; Moodle XML has <quiz>"
xml_err dup-attr '<quiz a="1" a="2"/>' "1:13: error: attribute 'a' is given twice"
xml_err binary '<quiz>\n\377</quiz>' "2:1: error: the file is not UTF-8 text"
xml_err cloze-kind '<quiz><question type="cloze"><questiontext><text>{1:SHORTANSWER:=a}</text></questiontext></question></quiz>' \
	"1:30: error: question '1-shortanswer-a': gap kind SHORTANSWER has no place"
head -c 52428800 /dev/zero | tr '\0' ' ' > "$X/huge.xml"
expect "50 MB xml refused" 3 -- "$TB" import "$X/huge.xml"
has "50 MB xml message" "$err" "$X/huge.xml:1:1: error: larger than 16 MiB"
rm -f "$X/huge.xml"

# QTI 2.1: a zip that unzip accepts; every item, test and manifest of every
# quiz valid against the vendored IMS schemas (one xmllint call each).
V=${QTI_XSD_DIR:-../shared/vendor/qti-2.1}
expect "qti export" 0 -- "$TB" export "$Q" --to qti -o "$X/all-types.zip"
grep -v "^wrote " "$err" > "$X/err"
same "qti export warnings" "$X/err" "$I/expected/all-types.qti.err"
expect "qti zip is sound" 0 -- unzip -tq "$X/all-types.zip"
mkdir -p "$X/qti/all-types"
(cd "$X/qti/all-types" && unzip -q ../../all-types.zip)
for f in imsmanifest.xml test.xml items/multiple-partial.xml items/cloze-sites.xml items/teach-fever.xml \
	items/matrix-grid.xml items/stage-case.xml; do
	same "qti golden $f" "$X/qti/all-types/$f" "$I/expected/qti/$f"
done
# Grids and staging (tests/interop/quiz/grids.yaml): a grid with a column
# shared by rows and a grid with several columns per row, in every format.
G=$I/quiz/grids.yaml
expect "grids: gift export" 0 -- "$TB" export "$G" --to gift
same "grids: gift golden" "$out" "$I/expected/grids.gift"
same "grids: gift warnings" "$err" "$I/expected/grids.gift.err"
cp "$out" "$X/grids.1.gift"
expect "grids: gift import" 0 -- "$TB" import "$X/grids.1.gift" -o "$X/grids-gift"
same "grids: gift import golden (the shared grid is a matrix again)" \
	"$X/grids-gift/grids-and-staging-in-other-formats.yaml" "$I/expected/import-grids.yaml"
expect "grids: moodle-xml export" 0 -- "$TB" export "$G" --to moodle-xml
same "grids: moodle-xml golden" "$out" "$I/expected/grids.xml"
same "grids: moodle-xml warnings" "$err" /dev/null
cp "$out" "$X/grids.1.xml"
expect "grids: moodle-xml is well-formed" 0 -- xmllint --noout --nonet "$X/grids.1.xml"
expect "grids: moodle-xml import" 0 -- "$TB" import "$X/grids.1.xml" -o "$X/grids-mx"
same "grids: moodle-xml import golden (both grids are matrices again)" \
	"$X/grids-mx/grids-and-staging-in-other-formats.yaml" "$I/expected/import-grids-mx.yaml"
# A MULTIRESPONSE cloze not laid out as a grid is skipped by name.
printf '<quiz><question type="cloze"><name><text>mr</text></name><questiontext><text>Tick {1:MULTIRESPONSE:%%50%%a~%%50%%b} and more</text></questiontext></question>\n<question type="truefalse"><name><text>tf</text></name><questiontext><text>Q</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>\n' > "$X/mr.xml"
expect "moodle-xml import: a MULTIRESPONSE cloze that is no grid" 0 -- "$TB" import "$X/mr.xml" -o "$X/mr"
has "moodle-xml import: that cloze skipped by name" "$err" \
	"mr.xml:1: warning: question 'mr' (cloze) skipped: its MULTIRESPONSE gaps (several answers each) are not laid out as teachback writes a grid"
expect "grids: qti export" 0 -- "$TB" export "$G" --to qti -o "$X/grids.zip"
grep -v "^wrote " "$err" > "$X/err"
same "grids: qti warnings" "$X/err" "$I/expected/grids.qti.err"
mkdir -p "$X/qti/grids"
(cd "$X/qti/grids" && unzip -q ../../grids.zip)
for f in grid-shared grid-multi stage-iiia; do
	same "grids: qti golden $f" "$X/qti/grids/items/$f.xml" "$I/expected/qti/items/$f.xml"
done
for q in $(find quizzes -name '*.yaml' ! -path '*/material/*' | sort); do
	n=$(basename "$q" .yaml)
	"$TB" export "$q" --to qti -o "$X/$n.zip" 2>/dev/null && mkdir -p "$X/qti/$n" &&
	(cd "$X/qti/$n" && unzip -q "../../$n.zip") || bad "qti export of $n"
done
if [ -d "$V" ]; then
	expect "qti items and tests valid (IMS QTI 2.1 XSD)" 0 -- xmllint --noout --nonet \
		--schema "$V/qtiv2p1/imsqti_v2p1.xsd" "$X"/qti/*/items/*.xml "$X"/qti/*/test.xml
	expect "qti manifests valid (IMS CP 1.1 XSD)" 0 -- xmllint --noout --nonet \
		--schema "$V/imscp_v1p1.xsd" "$X"/qti/*/imsmanifest.xml
	printf '<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x"/>\n' > "$X/bad-item.xml"
	expect "the QTI schema check can fail" 3 -- xmllint --noout --nonet \
		--schema "$V/qtiv2p1/imsqti_v2p1.xsd" "$X/bad-item.xml"
else
	echo "e2e: QTI schema checks skipped: no $V (the vendored IMS schemas)"
fi

# Handout: golden files with and without the key; self-contained (nothing
# fetched); large print for patients; every question has a key block.
expect "handout export" 0 -- "$TB" export "$Q" --to handout
same "handout golden" "$out" "$I/expected/all-types.html"
has "handout: room for a name" "$out" '<p class="name">Name: <span></span></p>'
if grep -q 'class="key"' "$out"; then bad "handout without --key shows answers"; else ok; fi
expect "handout export with key" 0 -- "$TB" export "$Q" --to handout --key
same "handout key golden" "$out" "$I/expected/all-types.key.html"
n_q=$(grep -c '<li class="q">' "$out"); n_k=$(grep -c '<div class="key">' "$out")
if [ "$n_q" -eq 16 ] && [ "$n_k" -eq 16 ]; then ok; else bad "handout key: $n_q questions, $n_k keys (16 each)"; fi
has "handout key quotes the material" "$out" '<p>From “Bone”:</p><blockquote>About 7 in 10 people with metastatic breast cancer have some cancer in their bones.</blockquote>'
expect "patient handout" 0 -- "$TB" export when-to-call --to handout -o "$X/patient.html"
has "patient handout prints large" "$X/patient.html" '<body class="patient">'
has "patient handout: red flags say what to do" "$X/patient.html" '<p class="safety">'
for f in "$X/patient.html" "$I/expected/all-types.key.html"; do
	if grep -qiE '<script|<link|<img|src=|href=|@import|url\(' "$f"; then
		bad "handout $f is not self-contained"; else ok; fi
done
expect "--key only with a handout" 2 -- "$TB" export "$Q" --to gift --key

# teachback new: a commented starter quiz and material that pass check.
for a in patient student; do
	expect "new $a quiz" 0 -- "$TB" new "first-$a" --audience "$a" -o "$X/new/$a"
	expect "new $a quiz passes check" 0 -- "$TB" check "$X/new/$a/first-$a.yaml" "$X/new/$a/material/first-$a.md"
	has "new $a quiz: no warnings either" "$out" "checked 2 files: 0 errors, 0 warnings"
	has "new $a quiz has the schema modeline" "$X/new/$a/first-$a.yaml" "# yaml-language-server: \$schema="
done
expect "new refuses to overwrite" 3 -- "$TB" new first-patient --audience patient -o "$X/new/patient"
has "new refuses to overwrite message" "$err" "first-patient.yaml: error: already exists; not overwritten"
expect "new needs a good id" 2 -- "$TB" new First_Quiz --audience patient -o "$X/new"
expect "new needs an audience" 2 -- "$TB" new first-quiz -o "$X/new"

# FHIR R4: the Questionnaire of a quiz and the QuestionnaireResponse of an
# attempt (golden files), and of every bundled quiz (validated below).
expect "fhir export" 0 -- "$TB" export "$Q" --to fhir
same "fhir export golden" "$out" "$I/expected/all-types.fhir.json"
same "fhir export warnings" "$err" /dev/null
expect "attempt for a response" 0 -- "$TB" run "$Q" --answers "$I/quiz/all-types.answers.yaml" \
	--json --seed 3 --learner "Ann Example"
cp "$out" "$X/result.json"
expect "fhir-response export" 0 -- "$TB" export "$X/result.json" --to fhir-response --quiz "$Q"
same "fhir-response golden" "$out" "$I/expected/all-types.response.fhir.json"
mkdir -p "$X/fhir"
cp "$I/expected/all-types.fhir.json" "$I/expected/all-types.response.fhir.json" "$X/fhir/"
for q in $(find quizzes -name '*.yaml' ! -path '*/material/*' | sort); do
	n=$(basename "$q" .yaml)
	"$TB" export "$q" --to fhir -o "$X/fhir/$n.json" 2>/dev/null || bad "fhir export of $n"
done
"$TB" run bone-basics --answers tests/e2e/bone-basics.wrong.yaml --json --seed 1 > "$X/bb.json"
expect "fhir-response of a bundled quiz's result" 0 -- "$TB" export "$X/bb.json" \
	--to fhir-response -o "$X/fhir/bone-basics.response.json"
# A learner's stored attempts as FHIR (report --learner NAME --format fhir):
# each QuestionnaireResponse in the Bundle is the one fhir-response makes
# from the same attempt's result, plus the store's identifier and date.
LDB=$X/learner.db
RQ=$E/fixtures/records/class.yaml
expect "a stored attempt" 0 -- sh -c "printf 'A\nB\ntrue\nA B\n' | '$TB' run '$RQ' --seed 3 --json --db '$LDB' --learner ana"
cp "$out" "$X/ana-1.json"
expect "a stored teach-back" 0 -- sh -c "printf 'It is chemo for my bones\n\nagree\ny\n\nn\n' | '$TB' run '$F/teachback.yaml' --seed 1 --assist --json --db '$LDB' --learner ana"
cp "$out" "$X/ana-2.json"
"$TB" export "$X/ana-1.json" --to fhir-response --quiz "$RQ" > "$X/ana-1.fhir.json"
"$TB" export "$X/ana-2.json" --to fhir-response --quiz "$F/teachback.yaml" > "$X/ana-2.fhir.json"
expect "learner record as FHIR" 0 -- "$TB" report --learner ana --format fhir --db "$LDB"
cp "$out" "$X/fhir/ana.bundle.json"
if [ "$node_ok" -eq 1 ]; then
	expect "each stored attempt is its fhir-response" 0 -- node -e '
const fs = require("fs");
const b = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const want = process.argv.slice(2).map((f) => fs.readFileSync(f, "utf8"));
if (b.resourceType !== "Bundle" || b.type !== "collection" || b.entry.length !== want.length)
  throw new Error("not a collection of " + want.length);
b.entry.forEach((e, i) => {
  const r = e.resource;
  if (r.identifier.system !== "urn:teachback:attempt" || !/^[0-9]+$/.test(r.identifier.value) ||
      !/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$/.test(r.authored))
    throw new Error("entry " + i + ": identifier or authored");
  delete r.identifier; delete r.authored;
  if (JSON.stringify(r) !== JSON.stringify(JSON.parse(want[i])))
    throw new Error("entry " + i + " differs: " + JSON.stringify(r));
});' "$X/fhir/ana.bundle.json" "$X/ana-1.fhir.json" "$X/ana-2.fhir.json"
fi

expect "fhir-response of a non-result" 3 -- "$TB" export "$Q" --to fhir-response
has "fhir-response of a non-result message" "$err" "$Q:1:1: error: not a teachback result (one has 'quiz', 'score' and 'questions'"

if [ "$node_ok" -eq 1 ]; then
	expect "FHIR R4 resources valid (@medplum validateResource)" 0 -- \
		node "$I/fhir-validate.js" "$X"/fhir/*.json
	printf '{"resourceType":"Questionnaire","status":"active","item":[{"type":"choice"}]}\n' > "$X/bad.fhir.json"
	expect "the FHIR check can fail" 1 -- node "$I/fhir-validate.js" "$X/bad.fhir.json"
	has "the FHIR check names the problem" "$out" "Missing required property (Questionnaire.item[0].linkId)"

	# schema/quiz.schema.json (ajv) agrees with check: every bundled quiz
	# and fixture valid; every invalid fixture refused by both.
	expect "quiz schema: every quiz valid (ajv)" 0 -- node "$I/schema-validate.js" valid \
		$(find quizzes -name '*.yaml' ! -path '*/material/*') "$Q" \
		tests/e2e/fixtures/engine/bone-basics.yaml tests/e2e/fixtures/engine/staging-and-sites.yaml \
		"$X/new/patient/first-patient.yaml" "$X/new/student/first-student.yaml"
	expect "quiz schema: every invalid fixture refused (ajv)" 0 -- node "$I/schema-validate.js" \
		invalid "$I"/schema/bad/*.yaml
	for f in "$I"/schema/bad/*.yaml; do
		expect "check refuses $f too" 1 -- "$TB" check "$f"
		if grep -q "error: source" "$out"; then bad "$f fails check for its source, not its flaw"; else ok; fi
	done

	# The same files read by gift-pegjs 1.0.2: every question read, and alike.
	expect "gift-pegjs reads as teachback does" 0 -- node "$I/gift-compare.js" "$TB" \
		"$I"/gift/*.gift "$I/expected/all-types.gift" "$X"/*.1.gift
fi

rm -rf "$X"
unset SOURCE_DATE_EPOCH
