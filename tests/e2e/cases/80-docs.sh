# The documentation: the man pages render without warnings, and their
# examples (blocks after a '.\" example: FILE' line) are copied out as a
# reader would copy them and must pass `check`, score as the page says,
# and the README's quiz example passes `check` against the bundled material.
tmp=$(mktemp -d)
mkdir -p "$tmp/material"
awk -v dir="$tmp" '
	/^\.\\" example: / { name = $3; next }
	name != "" && /^\.EX$/ { file = dir "/" name; inex = 1; next }
	inex && /^\.EE$/ { close(file); inex = 0; name = ""; n++; next }
	inex {
		line = $0
		sub(/^\\&/, "", line)
		gsub(/\\-/, "-", line); gsub(/\\\(aq/, "\047", line); gsub(/\\\(ga/, "`", line)
		gsub(/\\e/, "\\", line)
		print line > file
	}
	END { print n " examples" }
' docs/teachback.1 docs/teachback-quiz.5 > "$out"
has "man page examples found" "$out" "5 examples"
expect "man page examples pass check --strict" 0 -- "$TB" check --strict "$tmp/bone-demo.yaml" "$tmp/material/bone-notes.md"
has "man page examples clean" "$out" "checked 2 files: 0 errors, 0 warnings"
expect "man page answers file" 0 -- "$TB" run "$tmp/bone-demo.yaml" --seed 3 --answers "$tmp/answers.yaml" --json
has "man page answers score 11 of 11" "$out" '"score":11,"max":11,"percent":100,"passed":true'
expect "man page cbm answers" 0 -- "$TB" run "$tmp/bone-demo.yaml" --mode cbm --seed 3 --answers "$tmp/cbm.yaml" --json
has "cbm: 3 + 2 marks" "$out" '"score":5,"max":11'
expect "man page adaptive answers" 0 -- "$TB" run "$tmp/bone-demo.yaml" --mode adaptive --seed 3 --answers "$tmp/adaptive.yaml" --json
has "adaptive: right at the second try, 1 - 1/3" "$out" '"score":0.6667,"max":11'
for page in docs/teachback.1 docs/teachback-quiz.5; do
	expect "$page renders" 0 -- env LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page"
	if [ -s "$err" ]; then bad "$page: groff warns: $(head -3 "$err")"; else ok; fi
	expect "man $page" 0 -- env MANWIDTH=80 man -l "$page"
	has "man $page has a NAME" "$out" "NAME"
done
rm -rf "$tmp"

# The quiz example in README.md passes check beside the bundled material.
tmp=$(mktemp -d)
ln -s "$PWD/quizzes/material" "$tmp/material"
sed -n '/^## Quizzes/,/^```$/p' README.md | sed -n '/^```yaml$/,/^```$/p' | sed '1d;$d' > "$tmp/readme.yaml"
expect "README example passes check" 0 -- "$TB" check "$tmp/readme.yaml"
has "README example clean" "$out" "checked 1 file: 0 errors"
rm -rf "$tmp"
