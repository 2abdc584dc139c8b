# The bundled content: every quiz checks clean (above, in 20-check.sh) and
# every answer key is reachable: its right-answers file scores the maximum
# and its wrong-answers file scores 0 (tests/e2e/<quiz-id>.right.yaml and
# .wrong.yaml; scripted questions are keyed for --seed 1).
for quiz in $(find quizzes -name '*.yaml' -not -path '*/material/*' | sort); do
	id=$(sed -n 's/^id: *//p' "$quiz" | head -n 1)
	for k in right wrong; do
		a="$E/$id.$k.yaml"
		if [ ! -f "$a" ]; then bad "$quiz: no $a"; continue; fi
		expect "$id $k answers" 0 -- "$TB" run "$quiz" --seed 1 --answers "$a" --json
		if [ "$k" = right ]; then
			has "$id right answers score the maximum" "$out" '"percent":100,"passed":true'
			if grep -q '"correct":false' "$out"; then bad "$id: a right answer scored below full marks"; else ok; fi
		else
			# The attempt's total, not any question's own "score":0.
			has "$id wrong answers score 0" "$out" '"learner":null,"score":0,"max":'
			if grep -q '"correct":true' "$out"; then bad "$id: a wrong answer scored full marks"; else ok; fi
		fi
	done
done
