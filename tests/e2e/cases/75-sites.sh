# Sites: every attempt carries where it was taken (--site, $TEACHBACK_SITE,
# else the host name); reports by one site or across sites; attempt ids
# drawn by the writer (time-ordered, unique without coordination).
R=$E/fixtures/records
Q=$R/class.yaml
SDB=$(store sites)

expect "grade at clinic-a" 0 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$SDB" --site clinic-a
expect "grade at ward-3 from the environment" 0 -- env TEACHBACK_SITE=ward-3 \
	"$TB" grade "$Q" "$R/moodle.csv" --db "$SDB"
expect "an attempt at clinic-b" 0 -- sh -c "printf 'A\nB\ntrue\nA B\n' | '$TB' run '$Q' --seed 3 \
	--db '$SDB' --learner ana --site clinic-b --plain"
expect "grade at the host" 0 -- env -u TEACHBACK_SITE "$TB" grade "$Q" "$R/moodle.csv" --db "$SDB"
host=$(hostname)

expect "report across sites" 0 -- "$TB" report "$Q" --db "$SDB"
has "sites listed" "$out" "All sites; attempts by site: clinic-a 6, clinic-b 1, $host 6, ward-3 6"
has "all 19 attempts" "$out" "Attempts 19;"
# One site alone is Moodle's worked vector again (quiz-engines.md 2.6).
expect "report one site" 0 -- "$TB" report "$Q" --db "$SDB" --site ward-3
has "one site named" "$out" "Site ward-3; attempts by site: clinic-a 6, clinic-b 1, $host 6, ward-3 6"
has "one site's figures" "$out" "Attempts 6; mean 3 of 5; median 3.5; SD 1.7889; skewness -0.9433; kurtosis 0.5859"
expect "report json by site" 0 -- "$TB" report "$Q" --db "$SDB" --site clinic-b --format json
has "json site" "$out" '"site":"clinic-b","sites":[{"site":"clinic-a","attempts":6},{"site":"clinic-b","attempts":1},'
has "json one attempt" "$out" '"attempts":1,'
expect "report a site with none" 0 -- "$TB" report "$Q" --db "$SDB" --site nowhere
has "no attempts there" "$out" "Attempts 0;"

expect "empty site refused" 2 -- "$TB" grade "$Q" "$R/moodle.csv" --db "$SDB" --site ""
has "site rule" "$err" "--site must be a name of 1 to 64 characters without control characters, not ''"
expect "run with a bad site" 3 -- sh -c "printf 'A\n' | '$TB' run '$Q' --db '$SDB' --site \"\$(printf 'a\tb')\" --plain"
has "run names the site rule" "$err" "not 'a?b'"

[ -n "${TB_PG:-}" ] && return 0     # tests/pg checks the ids there
# Ids: 19 distinct, all drawn after 2026-01-01 in milliseconds << 20, and in
# the order the attempts were made.
expect "ids" 0 -- sqlite3 "$SDB" "SELECT count(DISTINCT id), min(id) > 1767225600000 * 1048576,
	(SELECT group_concat(site, ' ') FROM (SELECT DISTINCT site FROM attempts ORDER BY id))
	FROM attempts;"
has "ids unique, drawn, ordered" "$out" "19|1|clinic-a ward-3 clinic-b $host"
