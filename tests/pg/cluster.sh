# A throwaway PostgreSQL cluster, sourced by tests/pg/run.sh and
# scripts/bench-store.  pg_start makes one in a new temporary folder
# ($PGT): initdb and pg_ctl as the postgres user (the folder is chown'd to
# it when we are root), a unix socket in $PGT and no TCP at all
# (listen_addresses = ''), trust on that socket only.  pg_stop stops it
# and removes the folder; callers set `trap pg_stop EXIT`, so it goes even
# on failure.  Extra postgresql.conf lines may be passed to pg_start.

pg_bindir() {
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	as_pg() { runuser -u postgres -- "$@"; }
fi

pgctl() { as_pg "$PGBIN/pg_ctl" -D "$PGT/data" -l "$PGT/log" "$@" >/dev/null 2>&1; }

pg_start() {	# [conf line...] -- 0 when the server answers
	PGBIN=$(pg_bindir)
	[ -x "$PGBIN/initdb" ] && command -v psql >/dev/null 2>&1 || {
		echo "PostgreSQL is not installed (scripts/install-deps installs postgresql)"
		return 1
	}
	PGT=$(mktemp -d /tmp/tb-pg.XXXXXX) || return 1
	[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGT"
	chmod 700 "$PGT"
	if ! as_pg "$PGBIN/initdb" -D "$PGT/data" -U postgres -A trust -E UTF8 --locale=C \
		--no-sync >"$PGT/initdb.log" 2>&1; then
		cat "$PGT/initdb.log"
		return 1
	fi
	{
		echo "listen_addresses = ''"
		echo "unix_socket_directories = '$PGT'"
		for line in "$@"; do echo "$line"; done
	} >> "$PGT/data/postgresql.conf"
	pgctl -w start || { cat "$PGT/log"; return 1; }
}

pg_stop() {
	[ -n "${PGT:-}" ] && [ -d "$PGT" ] || return 0
	pgctl -m immediate stop
	rm -rf "$PGT"
}

# psql as the cluster's superuser, quiet, one value per line.
sql() { psql -X -q -t -A -h "$PGT" -U postgres "$@"; }
