# Batch runs with answers files: the whole result JSON, byte for byte.
# Expected files were checked by hand: right answers score the maximum,
# wrong answers 0 (and the two safety questions are called out); the
# adaptive and cbm figures are worked out in the answers files' comments.
for q in bone-basics staging-and-sites; do
	for k in right wrong; do
		expect "$q $k answers" 0 -- "$TB" run "$F/$q.yaml" --seed 1 --answers "$F/$q.$k.yaml" --json
		same "$q $k JSON" "$out" "$E/expected/$q.$k.json"
	done
done
for m in adaptive cbm; do
	expect "$m answers" 0 -- "$TB" run "$F/staging-and-sites.yaml" --mode "$m" --seed 1 \
		--answers "$E/answers/$m.yaml" --json
	same "$m JSON" "$out" "$E/expected/$m.json"
done

# The same answers file gives the same result whatever the seed.
expect "seed 99" 0 -- "$TB" run "$F/bone-basics.yaml" --seed 99 --answers "$F/bone-basics.right.yaml" --json
has "seed 99 full marks" "$out" '"score":8,"max":8,"percent":100,"passed":true'

# --json prints nothing but JSON on stdout; the text report is the default.
expect "text report" 0 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$F/bone-basics.wrong.yaml"
has "calm tone" "$out" "Not quite — here is why."
has "cited passage" "$out" 'Quote from "How often cancer spreads to bone":'
has "safety box, in words" "$out" "Important: "
# A red flag answered right still says what to do (as a reminder), so a
# verdict the judgement got wrong can never hide it.
expect "text report, right" 0 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$F/bone-basics.right.yaml"
has "red flag right: reminder" "$out" "Remember: New back pain with weak or numb legs can mean pressure on the spinal"
if grep -q "^Important: " "$out"; then bad "red flag right: warned as if missed"; else ok; fi
has "topics" "$out" "By topic"
if grep -q "$(printf '\033')" "$out"; then bad "report to a pipe has escape codes"; else ok; fi

# Bad answers files: exit 3, every problem at its line and column.
expect "bad labels" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$E/answers/bad-labels.yaml"
same "bad labels messages" "$err" "$E/expected/bad-labels.err"
expect "bad ids" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$E/answers/bad-ids.yaml"
same "bad ids messages" "$err" "$E/expected/bad-ids.err"
expect "answers not a mapping" 3 -- "$TB" run "$F/bone-basics.yaml" --answers "$E/answers/adaptive.yaml.missing"
has "missing answers file" "$err" "adaptive.yaml.missing: error: cannot open (No such file or directory)"

# A .json answers file must be JSON: YAML's looser syntax is not read
# silently.  Under --json a load failure is also an error object on stdout.
tmp=$(mktemp -d)
printf '{"most-common-site": "A",}\n' > "$tmp/trailing.json"
expect "trailing comma in JSON" 3 -- "$TB" run "$F/bone-basics.yaml" --answers "$tmp/trailing.json"
printf "%s\n" "$tmp/trailing.json:1:26: error: not valid JSON: string or '}' expected near '}' (a comma after the last entry?)" > "$tmp/want"
same "trailing comma message" "$err" "$tmp/want"
if [ -s "$out" ]; then bad "no --json: nothing on stdout"; else ok; fi
printf '{\n  "most-common-site": A\n}\n' > "$tmp/bare.json"
expect "bare word in JSON" 3 -- "$TB" run "$F/bone-basics.yaml" --answers "$tmp/bare.json" --json
has "bare word message" "$err" "$tmp/bare.json:2:23: error: not valid JSON: invalid token near 'A'"
printf '%s\n' "{\"error\":true,\"exit\":3,\"messages\":[{\"file\":\"$tmp/bare.json\",\"line\":2,\"col\":23,\"message\":\"not valid JSON: invalid token near 'A'\"}]}" > "$tmp/want"
same "error object on stdout" "$out" "$tmp/want"
printf '\357\273\277{"most-common-site": "A"}\n' > "$tmp/bom.json"
expect "JSON with a byte-order mark" 0 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$tmp/bom.json" --json
has "JSON with a BOM is read (its one answer)" "$out" '"response":"A"'
printf '{"most-common-site": "\033[31mA"}\n' > "$tmp/esc.json"
expect "control character in JSON" 3 -- "$TB" run "$F/bone-basics.yaml" --answers "$tmp/esc.json"
has "control character named" "$err" "$tmp/esc.json:1:22: error: not valid JSON: control character 0x1b near '\"'"
if grep -q "$(printf '\033')" "$err"; then bad "an ESC reached the message"; else ok; fi
expect "missing answers file, --json" 3 -- "$TB" run "$F/bone-basics.yaml" --answers "$tmp/none.json" --json
printf '%s\n' "{\"error\":true,\"exit\":3,\"messages\":[{\"file\":\"$tmp/none.json\",\"message\":\"cannot open (No such file or directory)\"}]}" > "$tmp/want"
same "missing file error object" "$out" "$tmp/want"
rm -rf "$tmp"

# A typo in an option names the one meant.
expect "--answer typo" 2 -- "$TB" run "$F/bone-basics.yaml" --answer x.yaml
has "--answer suggests --answers" "$err" "teachback: unknown option '--answer'; did you mean '--answers'?"
expect "--answers without a file" 2 -- "$TB" run "$F/bone-basics.yaml" --answers
has "--answers needs a value" "$err" "teachback: option '--answers' needs a value"
expect "far-off option" 2 -- "$TB" run "$F/bone-basics.yaml" --colour
has "far-off option message" "$err" "teachback: unknown or incomplete option '--colour'"

# An answers file: '~' is a skip, a question left out was not reached.
printf 'most-common-site: A\nstill-breast-cancer: ~\n' > "$err.answers.yaml"
expect "skip and not reached in a batch" 0 -- "$TB" run "$F/bone-basics.yaml" --seed 1 \
	--answers "$err.answers.yaml" --json
has "batch skip" "$out" '{"id":"still-breast-cancer","type":"truefalse","topic":"basics","shown_as":5,"status":"skipped","response":null'
has "batch not reached" "$out" '{"id":"what-bone-drugs-do","type":"single","topic":"bone-drugs","shown_as":8,"status":"not_reached","response":null'
rm -f "$err.answers.yaml"

# Plain output is for screen readers: sentences, no rules, boxes or bars.
expect "plain report" 0 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$F/bone-basics.wrong.yaml" --plain
has "plain topic line" "$out" "  Bone drugs: 0 of 3"
has "plain warning" "$out" "Important: New back pain with weak or numb legs"
has "plain quote" "$out" 'Quote from "How often cancer spreads to bone":'
has "patients: titles, no ids" "$out" '  - "Dental checks" — 1 question'
if grep -qE '^(=+|\+--.*|.*\| .*|.*#{3,}.*|.*\(bone#.*)$' "$out"; then
	bad "plain output has a rule, box, bar or id"; grep -nE '^(=+|\+--.*|.*\| .*|.*#{3,}.*|.*\(bone#.*)$' "$out" | head -3
else ok; fi
expect "plain rows" 0 -- "$TB" run "$F/staging-and-sites.yaml" --seed 1 --answers "$F/staging-and-sites.wrong.yaml" --plain
has "an arrow reads as a colon" "$out" "Your answer: 1: oestrogen; 2: fluid restriction; 3: calcium infusion"
