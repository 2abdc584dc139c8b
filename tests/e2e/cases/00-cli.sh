# The command line itself: help, version, usage errors (exit 2).
expect "--version" 0 -- "$TB" --version
printf 'teachback 0.1.0\n' > "$err.want"; same "--version text" "$out" "$err.want"; rm -f "$err.want"
expect "--help" 0 -- "$TB" --help
has "--help names run" "$out" "teachback run QUIZ [options]"
has "--help names the manual" "$out" "man teachback-quiz"
has "--help lists the modes modes.lua registers" "$out" "  --mode practice|exam|adaptive|cbm   override the quiz's mode"
expect "unknown command" 2 -- "$TB" frobnicate
has "unknown command message" "$err" "teachback: unknown command 'frobnicate'"
expect "run without quiz" 2 -- "$TB" run
expect "bad mode" 2 -- "$TB" run x.yaml --mode fast
has "bad mode message" "$err" "--mode must be practice, exam, adaptive or cbm, not 'fast'"
expect "bad seed" 2 -- "$TB" run x.yaml --seed -3
expect "check without paths" 2 -- "$TB" check
expect "missing quiz" 3 -- "$TB" run no-such-quiz.yaml
has "missing quiz message" "$err" "no-such-quiz.yaml: error: no such quiz file"
