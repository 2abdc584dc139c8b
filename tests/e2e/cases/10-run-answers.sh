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
has "cited passage" "$out" 'From "How often cancer spreads to bone":'
has "safety box" "$out" "+-- Important"
has "topics" "$out" "By topic"
if grep -q "$(printf '\033')" "$out"; then bad "report to a pipe has escape codes"; else ok; fi

# Bad answers files: exit 3, every problem at its line and column.
expect "bad labels" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$E/answers/bad-labels.yaml"
same "bad labels messages" "$err" "$E/expected/bad-labels.err"
expect "bad ids" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$E/answers/bad-ids.yaml"
same "bad ids messages" "$err" "$E/expected/bad-ids.err"
expect "answers not a mapping" 3 -- "$TB" run "$F/bone-basics.yaml" --answers "$E/answers/adaptive.yaml.missing"
has "missing answers file" "$err" "adaptive.yaml.missing: error: cannot open (No such file or directory)"
