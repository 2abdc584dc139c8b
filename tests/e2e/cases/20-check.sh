# teachback check: clean files exit 0; every problem of a broken file is
# reported at its line and column (positions checked by hand), exit 1.
expect "check good fixture" 0 -- "$TB" check "$E/fixtures/good.yaml"
has "clean summary" "$out" "checked 1 file: 0 errors, 0 warnings"
for f in fields types scripts hostile; do
	expect "check bad $f" 1 -- "$TB" check "$E/fixtures/bad/$f.yaml"
	same "check bad $f messages" "$out" "$E/expected/check-$f.out"
done
expect "check bundled quizzes" 0 -- "$TB" check quizzes
has "bundled quizzes clean" "$out" " 0 errors"
expect "check missing path" 1 -- "$TB" check no/such/path
has "missing path message" "$out" "no/such/path: error: no such file or folder"

# Hostile files: never a crash, always a positioned message.
tmp=$(mktemp -d)
printf '' > "$tmp/empty.yaml"
printf -- '- a\n- b\n' > "$tmp/list.yaml"
printf 'id: x\0\001\002' > "$tmp/binary.yaml"
printf 'a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]' > "$tmp/deep.yaml"
printf 'a: &x [1]\nb: *x\n' > "$tmp/alias.yaml"
head -c 9000000 /dev/zero | tr '\0' 'a' > "$tmp/huge.yaml"
expect "empty file" 1 -- "$TB" check "$tmp/empty.yaml"
has "empty file message" "$out" "$tmp/empty.yaml:1:1: error: the file is empty"
expect "list file" 1 -- "$TB" check "$tmp/list.yaml"
has "list file message" "$out" "$tmp/list.yaml:1:1: error: a quiz file must be a mapping of fields (id, title, questions, ...), found a list"
expect "binary file" 1 -- "$TB" check "$tmp/binary.yaml"
has "binary file message" "$out" "$tmp/binary.yaml:1:6: error: not valid UTF-8 text (control characters are not allowed)"
expect "deep file" 1 -- "$TB" check "$tmp/deep.yaml"
has "deep file message" "$out" "$tmp/deep.yaml:1:67: error: nesting deeper than 64 levels"
expect "alias file" 1 -- "$TB" check "$tmp/alias.yaml"
has "alias file message" "$out" "$tmp/alias.yaml:1:4: error: anchors (&x) are not allowed"
expect "huge file" 1 -- "$TB" check "$tmp/huge.yaml"
has "huge file message" "$out" "$tmp/huge.yaml:1:1: error: larger than 8 MiB"
expect "run a broken quiz" 3 -- "$TB" run "$tmp/list.yaml"
rm -rf "$tmp"

# Files from Windows editors: a UTF-8 byte-order mark and CRLF line ends
# are read as if absent (positions count from the first visible character;
# the quotes are found in a BOM+CRLF material document), UTF-16 is named.
X=$E/fixtures/encodings
for k in bom bom-crlf crlf; do
	expect "encoding quiz $k" 1 -- "$TB" check "$X/$k.yaml"
	printf '%s\n' \
		"$X/$k.yaml:1:5: error: 'id' must be lower-case letters, digits and dashes (at most 64), found 'Enc Quiz'" \
		"$X/$k.yaml:11:13: error: 'answer' must be true or false, found 'yes'" \
		"checked 1 file: 2 errors, 0 warnings" > "$err.want"
	same "encoding quiz $k messages" "$out" "$err.want"
	expect "encoding material $k" 1 -- "$TB" check "$X/docs/$k.md"
	printf '%s\n' \
		"$X/docs/$k.md:4:11: error: 'reviewed' must be a date written YYYY-MM-DD, found '2026-13-01'" \
		"checked 1 file: 1 error, 0 warnings" > "$err.want"
	same "encoding material $k messages" "$out" "$err.want"
done
expect "UTF-16 quiz" 1 -- "$TB" check "$X/utf16.yaml"
has "UTF-16 quiz named" "$out" "$X/utf16.yaml:1:1: error: this looks like UTF-16; save it as UTF-8"
expect "UTF-16 material" 1 -- "$TB" check "$X/docs/utf16.md"
has "UTF-16 material named" "$out" "$X/docs/utf16.md:1:1: error: this looks like UTF-16; save it as UTF-8"
expect "UTF-16 quiz run" 3 -- "$TB" run "$X/utf16.yaml"
has "UTF-16 quiz run named" "$err" "$X/utf16.yaml:1:1: error: this looks like UTF-16; save it as UTF-8"
rm -f "$err.want"

# An author's folder: a missing section lists the sections there are, a
# quote from another section says where it stands, a number with its unit
# points to 'unit:', paths read as typed, and `check .` reports a material
# error once.
case $TB in /*) TBA=$TB ;; *) TBA=$PWD/$TB ;; esac
A=$E/fixtures/author
printf '%s\n' \
	"material/broken.md:4:11: error: 'reviewed' must be a date written YYYY-MM-DD, found '2026-13-01'" \
	"quiz.yaml:16:13: error: source 'lymph#symptoms': no section 'symptoms' in material/lymph.md; its sections are what-it-is, signs, care" \
	"quiz.yaml:26:12: error: quote not found word for word in section 'lymph#signs': \"Keep the skin clean and soft\"; it is in 'lymph#care'" \
	"quiz.yaml:31:13: error: 'answer' must be a number without its unit, found '12 hours'; put the unit in 'unit:'" \
	"checked 3 files: 4 errors, 0 warnings" > "$err.want"
expect "check . in an author's folder" 1 -- sh -c 'cd "$1" && "$2" check .' _ "$A" "$TBA"
same "check . messages, each once" "$out" "$err.want"
sed -e 's#^material/#../material/#' -e 's#^quiz.yaml#../quiz.yaml#' -e 's#in material/#in ../material/#' \
	-e 's#3 files#1 file#' "$err.want" > "$err.want2"
expect "check ../quiz.yaml" 1 -- sh -c 'cd "$1/material" && "$2" check ../quiz.yaml' _ "$A" "$TBA"
same "paths as typed" "$out" "$err.want2"
rm -f "$err.want" "$err.want2"

# A material document that cannot be read is reported once, not again by
# every question that cites it.
expect "UTF-16 material cited by a quiz" 1 -- "$TB" check "$X/utf16-material/quiz.yaml"
printf '%s\n' "$X/utf16-material/material/enc.md:1:1: error: this looks like UTF-16; save it as UTF-8" \
	"checked 1 file: 1 error, 0 warnings" > "$err.want"
same "unreadable material reported once" "$out" "$err.want"
rm -f "$err.want"

# A line break only YAML counts (a carriage return without a line feed,
# U+0085, U+2028, U+2029) put every position after it a line off (the
# unknown field on line 7 was reported at line 8).  Each is refused where
# it stands: line 2, `title: "A quiz` is 14 characters, it is the 15th.
# Written as an escape in double quotes, the error after it is on line 7.
tmp=$(mktemp -d)
cp -r "$E/fixtures/material" "$tmp/"
for c in cr nel ls ps; do
	case $c in
	cr) ch='\r' why='a carriage return (U+000D) without a line feed, which YAML reads as a line break; save the file with LF or CRLF line ends' ;;
	nel) ch='\302\205' why='a next-line character (U+0085), which YAML reads as a line break; replace it with a line end or a space' ;;
	ls) ch='\342\200\250' why='a line separator (U+2028), which YAML reads as a line break; replace it with a line end or a space' ;;
	ps) ch='\342\200\251' why='a paragraph separator (U+2029), which YAML reads as a line break; replace it with a line end or a space' ;;
	esac
	{ sed -n 1p "$E/fixtures/good.yaml"; printf "title: \"A quiz$ch that checks clean\"\n"
	  sed -n 3,6p "$E/fixtures/good.yaml"; echo "bogus: 1"; sed 1,6d "$E/fixtures/good.yaml"
	} > "$tmp/$c.yaml"
	expect "yaml-only line break $c" 1 -- "$TB" check "$tmp/$c.yaml"
	printf '%s\n' "$tmp/$c.yaml:2:15: error: $why" "checked 1 file: 1 error, 0 warnings" > "$err.want"
	same "yaml-only line break $c refused where it stands" "$out" "$err.want"
done
sed -e '2s/.*/title: "A quiz\\u2028 that checks clean"/' -e '6a\
bogus: 1' "$E/fixtures/good.yaml" > "$tmp/escaped.yaml"
expect "escaped line separator" 1 -- "$TB" check "$tmp/escaped.yaml"
printf '%s\n' "$tmp/escaped.yaml:7:1: error: unknown field 'bogus' in the quiz" \
	"checked 1 file: 1 error, 0 warnings" > "$err.want"
same "escaped line separator: the error after it on its line" "$out" "$err.want"
# In an answers file too (line 2, `q1: "B` is 6 characters).
printf 'seed: 1\nq1: "B\342\200\250"\n' > "$tmp/answers.yaml"
expect "line separator in answers" 3 -- "$TB" run "$F/bone-basics.yaml" --seed 1 --answers "$tmp/answers.yaml"
has "line separator in answers refused" "$err" "$tmp/answers.yaml:2:7: error: a line separator (U+2028)"
rm -rf "$tmp" "$err.want"
