/*
 * store_sqlite.c -- the records store on SQLite: one file per site or
 * device, in WAL mode, with foreign keys on and a busy timeout.
 *
 * The file is recognised by its header: application_id holds STORE_APP_ID
 * and user_version the schema version.  Before anything is written, a file
 * that is not an SQLite database, is another program's database, comes
 * from a newer teachback, is read-only or is locked is refused with its own
 * message, so such a file is never changed.  Migrations run inside one
 * write transaction, each step the DDL to go from version n-1 to n.
 *
 * Statements are prepared once and kept in a small cache keyed by their
 * text: the engine's Lua uses a handful of fixed statements many times.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "store.h"

/*
 * libsqlite3 is opened when the first store is (store_load_library), not
 * linked, so that commands that keep nothing (check, run --no-save, run
 * --answers) never load it.  The code calls SQLite by its own names, each
 * a pointer in `sq`; a new call goes into SQLITE_CALLS too.
 */
#define SQLITE_CALLS(X) X(sqlite3_bind_double) X(sqlite3_bind_int64) \
	X(sqlite3_bind_null) X(sqlite3_bind_parameter_count) X(sqlite3_bind_text64) \
	X(sqlite3_busy_timeout) X(sqlite3_changes64) X(sqlite3_clear_bindings) \
	X(sqlite3_close) X(sqlite3_column_bytes) X(sqlite3_column_count) \
	X(sqlite3_column_double) X(sqlite3_column_int64) X(sqlite3_column_name) \
	X(sqlite3_column_text) X(sqlite3_column_type) X(sqlite3_db_readonly) \
	X(sqlite3_errmsg) X(sqlite3_exec) X(sqlite3_extended_result_codes) \
	X(sqlite3_finalize) X(sqlite3_get_autocommit) X(sqlite3_last_insert_rowid) \
	X(sqlite3_open_v2) X(sqlite3_prepare_v2) X(sqlite3_prepare_v3) X(sqlite3_reset) \
	X(sqlite3_step)

static struct {
#define X(f) __typeof__(f) *f;
	SQLITE_CALLS(X)
#undef X
} sq;

static int load_sqlite(char *err, size_t errlen)
{
	static const struct store_symbol syms[] = {
#define X(f) { #f, (void **)&sq.f },
		SQLITE_CALLS(X)
#undef X
		{ NULL, NULL }
	};

	return sq.sqlite3_step || store_load_library("libsqlite3.so.0", "the records store",
						"libsqlite3-0", syms, err, errlen);
}

#define sqlite3_bind_double (*sq.sqlite3_bind_double)
#define sqlite3_bind_int64 (*sq.sqlite3_bind_int64)
#define sqlite3_bind_null (*sq.sqlite3_bind_null)
#define sqlite3_bind_parameter_count (*sq.sqlite3_bind_parameter_count)
#define sqlite3_bind_text64 (*sq.sqlite3_bind_text64)
#define sqlite3_busy_timeout (*sq.sqlite3_busy_timeout)
#define sqlite3_changes64 (*sq.sqlite3_changes64)
#define sqlite3_clear_bindings (*sq.sqlite3_clear_bindings)
#define sqlite3_close (*sq.sqlite3_close)
#define sqlite3_column_bytes (*sq.sqlite3_column_bytes)
#define sqlite3_column_count (*sq.sqlite3_column_count)
#define sqlite3_column_double (*sq.sqlite3_column_double)
#define sqlite3_column_int64 (*sq.sqlite3_column_int64)
#define sqlite3_column_name (*sq.sqlite3_column_name)
#define sqlite3_column_text (*sq.sqlite3_column_text)
#define sqlite3_column_type (*sq.sqlite3_column_type)
#define sqlite3_db_readonly (*sq.sqlite3_db_readonly)
#define sqlite3_errmsg (*sq.sqlite3_errmsg)
#define sqlite3_exec (*sq.sqlite3_exec)
#define sqlite3_extended_result_codes (*sq.sqlite3_extended_result_codes)
#define sqlite3_finalize (*sq.sqlite3_finalize)
#define sqlite3_get_autocommit (*sq.sqlite3_get_autocommit)
#define sqlite3_last_insert_rowid (*sq.sqlite3_last_insert_rowid)
#define sqlite3_open_v2 (*sq.sqlite3_open_v2)
#define sqlite3_prepare_v2 (*sq.sqlite3_prepare_v2)
#define sqlite3_prepare_v3 (*sq.sqlite3_prepare_v3)
#define sqlite3_reset (*sq.sqlite3_reset)
#define sqlite3_step (*sq.sqlite3_step)

#define STORE_APP_ID   0x74636862    /* "tchb" */
#define STMT_CACHE     32
#define BUSY_MS        5000          /* TEACHBACK_BUSY_MS overrides */

/*
 * The schema, one step per version.  Learners hold only what the user
 * typed (a name or a code).  Inputs are appended as they happen; responses
 * are computed from them and can be recomputed (regrade).
 */
static const char *const migrations[] = {
	/* 1 */
	"CREATE TABLE learners ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE attempts ("
	"  id INTEGER PRIMARY KEY,"
	"  learner_id INTEGER REFERENCES learners(id) ON DELETE CASCADE,"
	"  quiz_id TEXT NOT NULL,"
	"  quiz_version TEXT,"
	"  quiz_hash TEXT NOT NULL,"
	"  quiz_path TEXT,"
	"  seed INTEGER NOT NULL,"
	"  mode TEXT NOT NULL,"
	"  frontend TEXT NOT NULL,"
	"  started_at INTEGER NOT NULL,"
	"  ended_at INTEGER,"
	"  status TEXT NOT NULL DEFAULT 'open',"
	"  score REAL, max REAL, percent REAL);"
	"CREATE INDEX attempts_by_quiz ON attempts(quiz_id, id);"
	"CREATE INDEX attempts_by_learner ON attempts(learner_id, id);"
	"CREATE TABLE inputs ("
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  round INTEGER NOT NULL DEFAULT 1,"
	"  question_id TEXT,"
	"  kind TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (attempt_id, seq));"
	"CREATE TABLE responses ("
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  question_id TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  type TEXT NOT NULL,"
	"  answer TEXT,"
	"  choice TEXT,"
	"  fraction REAL NOT NULL,"
	"  marks REAL NOT NULL,"
	"  max REAL NOT NULL,"
	"  certainty INTEGER,"
	"  tries INTEGER NOT NULL DEFAULT 0,"
	"  skipped INTEGER NOT NULL DEFAULT 0,"
	"  red_flag INTEGER NOT NULL DEFAULT 0,"
	"  details TEXT,"
	"  PRIMARY KEY (attempt_id, question_id));",
	/*
	 * 2: inputs and responses are only ever found by their attempt, so
	 * they become WITHOUT ROWID tables: one B-tree keyed that way instead
	 * of a table and an index, about half the writes when grading a class.
	 */
	"CREATE TABLE inputs2 ("
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  round INTEGER NOT NULL DEFAULT 1,"
	"  question_id TEXT,"
	"  kind TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  at INTEGER NOT NULL,"
	"  PRIMARY KEY (attempt_id, seq)) WITHOUT ROWID;"
	"INSERT INTO inputs2 SELECT attempt_id, seq, round, question_id, kind, value, at "
	"  FROM inputs;"
	"DROP TABLE inputs;"
	"ALTER TABLE inputs2 RENAME TO inputs;"
	"CREATE TABLE responses2 ("
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  question_id TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  type TEXT NOT NULL,"
	"  answer TEXT,"
	"  choice TEXT,"
	"  fraction REAL NOT NULL,"
	"  marks REAL NOT NULL,"
	"  max REAL NOT NULL,"
	"  certainty INTEGER,"
	"  tries INTEGER NOT NULL DEFAULT 0,"
	"  skipped INTEGER NOT NULL DEFAULT 0,"
	"  red_flag INTEGER NOT NULL DEFAULT 0,"
	"  details TEXT,"
	"  PRIMARY KEY (attempt_id, question_id)) WITHOUT ROWID;"
	"INSERT INTO responses2 SELECT attempt_id, question_id, position, topic, type, answer, "
	"  choice, fraction, marks, max, certainty, tries, skipped, red_flag, details "
	"  FROM responses;"
	"DROP TABLE responses;"
	"ALTER TABLE responses2 RENAME TO responses;",
	/* 3: the site an attempt was taken at (store_pg.c's step 3 is the same) */
	"ALTER TABLE attempts ADD COLUMN site TEXT;"
	"CREATE INDEX attempts_by_site ON attempts(site, quiz_id);",
	/*
	 * 4: the web's attempt tokens (teachback serve), by their SHA-256
	 * only, with the browser session that may use each (also hashed):
	 * a copy of the store opens no attempt.
	 */
	"CREATE TABLE web_attempts ("
	"  token_hash TEXT PRIMARY KEY,"
	"  attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  owner_hash TEXT NOT NULL);"
	"CREATE INDEX web_attempts_by_attempt ON web_attempts(attempt_id);",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

struct cached {
	char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	int version;
	long long changes;
	struct cached cache[STMT_CACHE];
	int ncache;
};

static int busy_ms(void)
{
	return store_env_int("TEACHBACK_BUSY_MS", BUSY_MS, 600000);
}

static int is_busy(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

/* One message for each result an SQLite call can end with. */
static int fail(struct store *st, int rc, const char *doing, char *err, size_t errlen)
{
	if (is_busy(rc))
		snprintf(err, errlen, "%s: the records store is locked by another process "
			 "(waited %d ms); try again when it has finished", st->path, busy_ms());
	else if ((rc & 0xff) == SQLITE_READONLY)
		snprintf(err, errlen, "%s: the records store is read-only", st->path);
	else if ((rc & 0xff) == SQLITE_NOTADB)
		snprintf(err, errlen, "%s: not a teachback records store (not an SQLite "
			 "database); it was left as it is", st->path);
	else if ((rc & 0xff) == SQLITE_FULL)
		snprintf(err, errlen, "%s: the disk is full; nothing more was recorded", st->path);
	else
		snprintf(err, errlen, "%s: %s: %s", st->path, doing, sqlite3_errmsg(st->db));
	return 0;
}

static int why_of(int rc)
{
	if (is_busy(rc))
		return STORE_LOCKED;
	if ((rc & 0xff) == SQLITE_READONLY)
		return STORE_READONLY;
	if ((rc & 0xff) == SQLITE_NOTADB)
		return STORE_NOT_OURS;
	return STORE_FAILED;
}

/* Run SQL text with no parameters and no rows (pragmas, DDL). */
static int run_text(struct store *st, const char *sql, int *rc_out)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	if (rc_out)
		*rc_out = rc;
	return rc == SQLITE_OK;
}

/* The first column of the first row of a one-value query. */
static int query_int(struct store *st, const char *sql, long long *out, int *rc_out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			*out = 0;
			rc = SQLITE_OK;
		}
		sqlite3_finalize(s);
	}
	*rc_out = rc;
	return rc == SQLITE_OK;
}

static void free_store(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < st->ncache; i++) {
		sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

/* Bring the schema from st->version up to the newest, in one transaction. */
static int migrate(struct store *st, char *err, size_t errlen)
{
	long long v, app;
	int rc;
	char sql[96];

	if (!run_text(st, "BEGIN IMMEDIATE", &rc))
		return fail(st, rc, "cannot start the schema update", err, errlen);
	/* Another process may have migrated while we waited for the lock. */
	if (!query_int(st, "PRAGMA user_version", &v, &rc) ||
	    !query_int(st, "PRAGMA application_id", &app, &rc))
		goto failed;
	if (app != 0 && app != STORE_APP_ID) {
		run_text(st, "ROLLBACK", NULL);
		snprintf(err, errlen, "%s: not a teachback records store (another program's "
			 "SQLite database); it was left as it is", st->path);
		return 0;
	}
	for (int n = (int)v + 1; n <= NMIGRATIONS; n++)
		if (!run_text(st, migrations[n - 1], &rc))
			goto failed;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", STORE_APP_ID);
	if (!run_text(st, sql, &rc))
		goto failed;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", NMIGRATIONS);
	if (!run_text(st, sql, &rc) || !run_text(st, "COMMIT", &rc))
		goto failed;
	st->version = NMIGRATIONS;
	return 1;
failed:
	fail(st, rc, "cannot update the schema", err, errlen);
	run_text(st, "ROLLBACK", NULL);
	return 0;
}

/* Read the header and decide whether this file is ours and usable. */
static int recognise(struct store *st, int writable, int *why, char *err, size_t errlen)
{
	long long app, version, objects;
	int rc;

	if (!query_int(st, "PRAGMA application_id", &app, &rc) ||
	    !query_int(st, "PRAGMA user_version", &version, &rc) ||
	    !query_int(st, "SELECT count(*) FROM sqlite_master", &objects, &rc)) {
		*why = why_of(rc);
		return fail(st, rc, "cannot read the store", err, errlen);
	}
	if (app != STORE_APP_ID && (app != 0 || objects != 0)) {
		*why = STORE_NOT_OURS;
		snprintf(err, errlen, "%s: not a teachback records store (another program's "
			 "SQLite database); it was left as it is", st->path);
		return 0;
	}
	if (version > NMIGRATIONS) {
		*why = STORE_NEWER;
		snprintf(err, errlen, "%s: written by a newer teachback (schema %lld; this one "
			 "knows up to %d); it was left as it is", st->path, version, NMIGRATIONS);
		return 0;
	}
	if (!writable && version < NMIGRATIONS) {
		*why = version == 0 ? STORE_MISSING : STORE_OLDER;
		snprintf(err, errlen, version == 0 ? "%s: no attempts recorded yet" :
			 "%s: an older schema; open it to write to update it", st->path);
		return 0;
	}
	st->version = (int)version;
	return 1;
}

static struct store *sq_open(const char *where, int writable, int *why,
			     char *err, size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	struct stat sb;
	int exists, rc, flags;

	*why = STORE_FAILED;
	if (!st || !(st->path = strdup(where))) {
		snprintf(err, errlen, "%s: out of memory", where);
		free(st);
		return NULL;
	}
	exists = stat(where, &sb) == 0;
	if (exists && !S_ISREG(sb.st_mode)) {
		*why = STORE_NOT_OURS;
		snprintf(err, errlen, "%s: not a teachback records store (not a regular file)",
			 where);
		goto failed;
	}
	if (!exists && !writable) {
		*why = STORE_MISSING;
		snprintf(err, errlen, "%s: no attempts recorded yet", where);
		goto failed;
	}
	if (exists && writable && access(where, W_OK) != 0) {
		*why = STORE_READONLY;
		snprintf(err, errlen, "%s: the records store is read-only (%s); nothing "
			 "was recorded", where, strerror(errno));
		goto failed;
	}
	if (!load_sqlite(err, errlen))
		goto failed;
	flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
	rc = sqlite3_open_v2(where, &st->db, flags, NULL);
	if (rc != SQLITE_OK) {
		*why = why_of(rc);
		snprintf(err, errlen, "%s: cannot open the records store: %s", where,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto failed;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, busy_ms());
	if (!recognise(st, writable, why, err, errlen))
		goto failed;
	if (writable && sqlite3_db_readonly(st->db, "main")) {
		*why = STORE_READONLY;
		snprintf(err, errlen, "%s: the records store is read-only; nothing was recorded",
			 where);
		goto failed;
	}
	/*
	 * WAL: readers never block the one writer, and a write is in the file
	 * when COMMIT returns.  synchronous=NORMAL keeps every commit across a
	 * killed process (only a power cut may lose the last ones).
	 */
	if (!run_text(st, "PRAGMA foreign_keys = ON", &rc))
		goto sqlfail;
	if (writable) {
		/*
		 * secure_delete: a deleted row's bytes are overwritten, not left
		 * in free pages, so `forget` erases for good whatever the build's
		 * default (Debian's is on; SQLite's own is off).
		 */
		if (!run_text(st, "PRAGMA secure_delete = ON", &rc) ||
		    !run_text(st, "PRAGMA journal_mode = WAL", &rc) ||
		    !run_text(st, "PRAGMA synchronous = NORMAL", &rc))
			goto sqlfail;
		if (st->version < NMIGRATIONS && !migrate(st, err, errlen)) {
			*why = STORE_FAILED;
			goto failed;
		}
	} else if (!run_text(st, "PRAGMA query_only = ON", &rc)) {
		goto sqlfail;
	}
	return st;
sqlfail:
	*why = why_of(rc);
	fail(st, rc, "cannot set up the store", err, errlen);
failed:
	free_store(st);
	return NULL;
}

static sqlite3_stmt *prepared(struct store *st, const char *sql, int *rc)
{
	sqlite3_stmt *s;
	const char *tail;

	for (int i = 0; i < st->ncache; i++)
		if (strcmp(st->cache[i].sql, sql) == 0)
			return st->cache[i].stmt;
	*rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, &tail);
	if (*rc != SQLITE_OK)
		return NULL;
	if (!s || tail[strspn(tail, " \t\r\n;")]) {
		/* One statement per call: no SQL can ride along behind another. */
		sqlite3_finalize(s);
		*rc = SQLITE_MISUSE;
		return NULL;
	}
	if (st->ncache == STMT_CACHE) {
		sqlite3_finalize(st->cache[0].stmt);
		free(st->cache[0].sql);
		memmove(st->cache, st->cache + 1, (STMT_CACHE - 1) * sizeof st->cache[0]);
		st->ncache--;
	}
	st->cache[st->ncache].sql = strdup(sql);
	if (!st->cache[st->ncache].sql) {
		sqlite3_finalize(s);
		*rc = SQLITE_NOMEM;
		return NULL;
	}
	st->cache[st->ncache++].stmt = s;
	return s;
}

static int bind_args(sqlite3_stmt *s, const struct store_value *args, int nargs)
{
	int rc = SQLITE_OK;

	if (nargs != sqlite3_bind_parameter_count(s))
		return SQLITE_RANGE;
	for (int i = 0; i < nargs && rc == SQLITE_OK; i++) {
		const struct store_value *a = &args[i];

		switch (a->kind) {
		case STORE_INT: rc = sqlite3_bind_int64(s, i + 1, a->i); break;
		case STORE_REAL: rc = sqlite3_bind_double(s, i + 1, a->r); break;
		case STORE_TEXT:
			rc = sqlite3_bind_text64(s, i + 1, a->s, a->len, SQLITE_TRANSIENT,
						 SQLITE_UTF8);
			break;
		default: rc = sqlite3_bind_null(s, i + 1); break;
		}
	}
	return rc;
}

#define MAX_COLS 64

static int sq_exec(struct store *st, const char *sql, const struct store_value *args,
		   int nargs, store_row_fn row, void *ud, char *err, size_t errlen)
{
	int rc = SQLITE_OK, ncol;
	sqlite3_stmt *s = prepared(st, sql, &rc);
	const char *names[MAX_COLS];
	struct store_value vals[MAX_COLS];

	if (!s) {
		if (rc == SQLITE_MISUSE)
			snprintf(err, errlen, "%s: one SQL statement per call: %s", st->path, sql);
		else
			fail(st, rc, "cannot prepare a statement", err, errlen);
		return 0;
	}
	if ((rc = bind_args(s, args, nargs)) != SQLITE_OK) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		if (rc == SQLITE_RANGE) {
			snprintf(err, errlen, "%s: %d values given for %d placeholders in: %s",
				 st->path, nargs, sqlite3_bind_parameter_count(s), sql);
			return 0;
		}
		return fail(st, rc, "cannot bind a value", err, errlen);
	}
	ncol = sqlite3_column_count(s);
	if (ncol > MAX_COLS)
		ncol = MAX_COLS;
	for (int c = 0; c < ncol; c++)
		names[c] = sqlite3_column_name(s, c);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int c = 0; c < ncol; c++) {
			struct store_value *v = &vals[c];

			switch (sqlite3_column_type(s, c)) {
			case SQLITE_INTEGER:
				v->kind = STORE_INT;
				v->i = sqlite3_column_int64(s, c);
				break;
			case SQLITE_FLOAT:
				v->kind = STORE_REAL;
				v->r = sqlite3_column_double(s, c);
				break;
			case SQLITE_NULL:
				v->kind = STORE_NULL;
				break;
			default:
				v->kind = STORE_TEXT;
				v->s = (const char *)sqlite3_column_text(s, c);
				v->len = (size_t)sqlite3_column_bytes(s, c);
				break;
			}
		}
		if (row && row(ud, ncol, names, vals)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	st->changes = sqlite3_changes64(st->db);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return fail(st, rc, "cannot run a statement", err, errlen);
	return 1;
}

static long long sq_changes(struct store *st)
{
	return st->changes;
}

static long long sq_last_id(struct store *st)
{
	return sqlite3_last_insert_rowid(st->db);
}

static int sq_text(struct store *st, const char *sql, const char *doing,
		   char *err, size_t errlen)
{
	int rc;

	return run_text(st, sql, &rc) ? 1 : fail(st, rc, doing, err, errlen);
}

/* IMMEDIATE: take the write lock now, so a transaction never fails half way. */
static int sq_begin(struct store *st, char *err, size_t errlen)
{
	return sq_text(st, "BEGIN IMMEDIATE", "cannot start a transaction", err, errlen);
}

static int sq_commit(struct store *st, char *err, size_t errlen)
{
	return sq_text(st, "COMMIT", "cannot commit", err, errlen);
}

static int sq_rollback(struct store *st, char *err, size_t errlen)
{
	if (sqlite3_get_autocommit(st->db))
		return 1;
	return sq_text(st, "ROLLBACK", "cannot roll back", err, errlen);
}

static int collect_check(void *ud, int ncol, const char *const *names,
			 const struct store_value *row)
{
	char *buf = ud;
	size_t used = strlen(buf);

	(void)names;
	if (ncol > 0 && row[0].kind == STORE_TEXT && used < 200)
		snprintf(buf + used, 256 - used, "%s%.*s", used ? "; " : "",
			 (int)row[0].len, row[0].s);
	return 0;
}

static int sq_check(struct store *st, char *err, size_t errlen)
{
	char buf[256] = "";

	if (!sq_exec(st, "PRAGMA integrity_check", NULL, 0, collect_check, buf, err, errlen))
		return 0;
	if (strcmp(buf, "ok") != 0) {
		snprintf(err, errlen, "%s: integrity check failed: %s", st->path, buf);
		return 0;
	}
	buf[0] = '\0';
	if (!sq_exec(st, "PRAGMA foreign_key_check", NULL, 0, collect_check, buf, err, errlen))
		return 0;
	if (buf[0]) {
		snprintf(err, errlen, "%s: rows point at missing rows (%s)", st->path, buf);
		return 0;
	}
	return 1;
}

static int sq_version(struct store *st)
{
	return st->version;
}

/*
 * Nothing is computed in SQLite: the engine's Lua does it from the rows.
 * One named statement: after `forget` deleted rows (overwritten in the
 * file by secure_delete), the pages that held them before still sit in
 * the write-ahead log while another process has the store open; a
 * checkpoint that truncates the log removes them (its row says busy = 1
 * when a reader kept it from finishing).
 */
static const char *sq_named(const char *name)
{
	if (!strcmp(name, "after_forget"))
		return "PRAGMA wal_checkpoint(TRUNCATE)";
	return NULL;
}

const struct store_backend store_sqlite = {
	"sqlite", sq_open, sq_exec, sq_changes, sq_last_id, sq_begin, sq_commit,
	sq_rollback, sq_check, sq_version, free_store, sq_named,
};

_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
	       "store.h's STORE_SCHEMA_VERSION must count the migrations");
