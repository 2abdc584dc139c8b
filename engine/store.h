/*
 * store.h -- the records store's interface: what a back end (SQLite today,
 * PostgreSQL for many sites later) implements, and what store.c exposes to
 * Lua as the `store` library.
 *
 * A back end runs SQL that the engine's Lua writes in the portable subset
 * (SELECT, INSERT, UPDATE, DELETE, INSERT ... ON CONFLICT DO NOTHING; `?`
 * placeholders; no engine-specific functions).  Row ids are drawn by the
 * writer (store.new_id), never counted by the back end, so that writers on
 * many machines never collide; last_id is for SQLite's own use only.  Everything engine-specific stays inside the back end's own
 * file: opening, locking, pragmas, the schema and its migrations, how a
 * new row's id is returned, how integrity is checked.
 */
#ifndef TB_STORE_H
#define TB_STORE_H

#include <stddef.h>

#define STORE_SCHEMA_VERSION 4   /* the newest schema this build knows */

enum store_kind { STORE_NULL, STORE_INT, STORE_REAL, STORE_TEXT };

struct store_value {
	int kind;
	long long i;
	double r;
	const char *s;          /* STORE_TEXT: not NUL-terminated necessarily */
	size_t len;
};

/* Called once per result row; returning nonzero stops the query. */
typedef int (*store_row_fn)(void *ud, int ncol, const char *const *names,
			    const struct store_value *row);

struct store;   /* one open store, owned by its back end */

/* Why an open failed: each gets its own words, and none changes the file. */
enum store_failure {
	STORE_FAILED = 1,       /* anything else (permissions, disk, out of memory) */
	STORE_MISSING,          /* no store there yet (only when opened to read) */
	STORE_NOT_OURS,         /* not a database, or another program's */
	STORE_NEWER,            /* written by a newer teachback */
	STORE_READONLY,         /* asked to write, but the file cannot be written */
	STORE_LOCKED,           /* another process holds it past the busy timeout */
	STORE_OLDER             /* an older schema, opened to read: open it to write */
};

/* How a store is opened: to read, to write, or by `teachback migrate`. */
enum store_mode { STORE_READ = 0, STORE_WRITE = 1, STORE_MIGRATE = 2 };

/* Every call returns 1 on success, or 0 with a message in err. */
struct store_backend {
	const char *name;
	/*
	 * Open the store at `where` (mode: enum store_mode).  SQLite creates
	 * and migrates a file opened to write; PostgreSQL changes its schema
	 * only when opened by `teachback migrate`.  On failure *why says which
	 * of enum store_failure it was.
	 */
	struct store *(*open)(const char *where, int mode, int *why,
			      char *err, size_t errlen);
	int (*exec)(struct store *st, const char *sql, const struct store_value *args,
		    int nargs, store_row_fn row, void *ud, char *err, size_t errlen);
	long long (*changes)(struct store *st);      /* rows the last exec changed */
	long long (*last_id)(struct store *st);      /* id of the last row inserted */
	int (*begin)(struct store *st, char *err, size_t errlen);
	int (*commit)(struct store *st, char *err, size_t errlen);
	int (*rollback)(struct store *st, char *err, size_t errlen);
	int (*check)(struct store *st, char *err, size_t errlen);   /* integrity */
	int (*version)(struct store *st);            /* schema version */
	void (*close)(struct store *st);
	/*
	 * The back end's own SQL for a named computation it can do where the
	 * data is (store_pg.c: the sums of item analysis), or NULL: the
	 * engine's Lua then computes it from plain rows.  Also a back end's
	 * own step after a policy action ("after_forget", store_sqlite.c:
	 * empty the write-ahead log of the deleted rows), or NULL: none.
	 */
	const char *(*named)(const char *name);
};

extern const struct store_backend store_sqlite;
extern const struct store_backend store_pg;

/* Is `where` a PostgreSQL URI or conninfo (not a file name)? */
int store_is_postgres(const char *where);

/*
 * A back end's client library is opened (dlopen) when its first store is,
 * not linked: a command that keeps nothing never loads it.  syms ends with
 * a NULL name; each slot gets the address of its symbol.  Returns 1, or 0
 * with a message naming the library, what needs it and the package.
 */
struct store_symbol {
	const char *name;
	void **slot;
};
int store_load_library(const char *soname, const char *what, const char *package,
		       const struct store_symbol *syms, char *err, size_t errlen);

/* A whole number from environment variable `name` within 0..max, else dflt. */
int store_env_int(const char *name, int dflt, long max);

#endif
