# The catalog (engine/lua/catalog.lua): check, list and run ID find the same
# quiz files, .yaml and .yml alike, in sub-folders, never under material/.
C=tests/e2e/fixtures/catalog
expect "catalog: check a folder of .yaml and .yml" 0 -- "$TB" check "$C"
has "catalog: check counts both quizzes and the material" "$out" "checked 3 files: 0 errors, 0 warnings"
expect "catalog: list" 0 -- "$TB" list "$C"
printf '%s\n' \
  "cat-one                      student    1  A quiz in a .yaml file  ($C/one.yaml)" \
  "cat-two                      student    1  A quiz in a .yml file  ($C/sub/two.yml)" > "$tmpdir/catalog.want"
same "catalog: list names the .yml quiz" "$out" "$tmpdir/catalog.want"
expect "catalog: run a .yml quiz by file name" 0 -- env TEACHBACK_QUIZZES="$C" \
  "$TB" run two --answers "$C/two.answers" --json --seed 1 --no-save
has "catalog: run by file name grades it" "$out" '"quiz":"cat-two","version":1,"mode":"practice","seed":1,"learner":null,"score":1,"max":1,"percent":100'
expect "catalog: run a .yml quiz by id" 0 -- env TEACHBACK_QUIZZES="$C" \
  "$TB" run cat-two --answers "$C/two.answers" --json --seed 1 --no-save
has "catalog: run by id grades it" "$out" '"quiz":"cat-two"'
