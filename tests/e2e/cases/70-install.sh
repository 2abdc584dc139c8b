# make install PREFIX=...: the binary, the bundled quizzes under
# share/teachback/, the man pages under share/man/; the installed binary
# finds its quizzes there, not in this tree.  And scripts/install-deps
# leaves a machine that has everything alone (no package manager run).
tmp=$(mktemp -d)
expect "make install" 0 -- make -s --no-print-directory install PREFIX="$tmp/usr" \
	BUILD="$(dirname "$TB")"
for f in bin/teachback share/teachback/quizzes/patient/bone-basics.yaml \
	share/teachback/quizzes/material/bone.md share/man/man1/teachback.1 \
	share/man/man5/teachback-quiz.5; do
	if [ -f "$tmp/usr/$f" ]; then ok; else bad "make install: no $f"; fi
done
# A quiz that exists only in the installed folder is found by its id, from
# another working folder, with no TEACHBACK_QUIZZES.
mkdir -p "$tmp/usr/share/teachback/quizzes/extra"
sed 's/^id: bone-basics$/id: installed-only/' "$F/bone-basics.yaml" \
	> "$tmp/usr/share/teachback/quizzes/extra/installed-only.yaml"
cp "$F/bone-basics.right.yaml" "$tmp/right.yaml"
expect "installed binary finds its quizzes" 0 -- env -u TEACHBACK_QUIZZES sh -c \
	'cd "$1" && "$1/usr/bin/teachback" run installed-only --seed 1 --answers right.yaml --json' _ "$tmp"
has "installed quiz scored" "$out" '"quiz":"installed-only"'
expect "installed list" 0 -- env -u TEACHBACK_QUIZZES "$tmp/usr/bin/teachback" list
has "installed list shows the installed quiz" "$out" "installed-only"
if grep -qF "$PWD/quizzes" "$tmp/usr/bin/teachback"; then
	bad "installed binary names the build tree's quizzes"
else ok; fi
expect "man finds the installed page" 0 -- env MANPATH="$tmp/usr/share/man" man -w teachback-quiz
has "man page path" "$out" "$tmp/usr/share/man/man5/teachback-quiz.5"
rm -rf "$tmp"

tmp=$(mktemp -d)
for tool in apt-get sudo npm; do
	printf '#!/bin/sh\necho "%s $*" >> "%s/called"\n' "$tool" "$tmp" > "$tmp/$tool"
	chmod +x "$tmp/$tool"
done
expect "install-deps with nothing missing" 0 -- env PATH="$tmp:$PATH" sh scripts/install-deps
if [ -f "$tmp/called" ]; then bad "install-deps ran: $(cat "$tmp/called")"; else ok; fi
rm -rf "$tmp"
