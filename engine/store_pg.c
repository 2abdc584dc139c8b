/*
 * store_pg.c -- the records store on PostgreSQL: one database that many
 * sites (clinics, exam rooms) write to at once, through libpq.
 *
 * Chosen by a --db (or TEACHBACK_DB) that is a postgresql:// URI or a
 * libpq conninfo such as "service=teachback" (store_is_postgres).  No
 * password may be part of it: a command line is visible to every user of
 * the machine and ends up in logs; libpq reads it from ~/.pgpass (or
 * PGPASSFILE) or a service file instead.
 *
 * The engine's portable SQL arrives with ? placeholders; they become $1,
 * $2, ... and each statement is prepared once per connection.  Ids are
 * drawn by the writer (store.new_id), so nothing here hands them out.
 *
 * The schema is changed only by `teachback migrate` (mode STORE_MIGRATE),
 * run by the role that owns it; the role that serves and records needs
 * only SELECT, INSERT, UPDATE and DELETE (README: "A shared PostgreSQL
 * store").  Opening a database whose schema is older says so.
 *
 * Connections are lost (a restart, a failover, a network cut).  A
 * statement outside a transaction is one transaction of its own: it is
 * sent again after reconnecting, with backoff.  Its effect may already be
 * in (the link dropped after COMMIT but before the answer): every INSERT
 * the engine makes has a key the writer chose, so a resent INSERT that
 * finds its row there counts as done.  Inside begin/commit, each statement
 * is kept until COMMIT; after a loss the whole transaction is sent again,
 * unless the server says (pg_xact_status) that the COMMIT it did not
 * answer went through.  Either way an input acknowledged is in, once.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libpq-fe.h>

#include "store.h"

/*
 * libpq is opened when the first PostgreSQL store is (store_load_library),
 * not linked: with OpenSSL, GSSAPI and LDAP behind it, it cost every
 * command about 6 MB of memory and 12 million instructions at start, for
 * the sites that use PostgreSQL.  The code calls libpq by its own names,
 * each a pointer in `pq`; a new call goes into LIBPQ_CALLS too.
 */
#define LIBPQ_CALLS(X) X(PQclear) X(PQcmdStatus) X(PQcmdTuples) X(PQconnectdbParams) \
	X(PQconninfoFree) X(PQconninfoParse) X(PQdb) X(PQerrorMessage) X(PQexec) \
	X(PQexecParams) X(PQexecPrepared) X(PQfinish) X(PQfname) X(PQfreemem) X(PQftype) \
	X(PQgetisnull) X(PQgetlength) X(PQgetvalue) X(PQhost) X(PQnfields) X(PQntuples) \
	X(PQport) X(PQprepare) X(PQresultErrorField) X(PQresultErrorMessage) \
	X(PQresultStatus) X(PQsetNoticeProcessor) X(PQstatus)

static struct {
#define X(f) __typeof__(f) *f;
	LIBPQ_CALLS(X)
#undef X
} pq;

static int load_libpq(char *err, size_t errlen)
{
	static const struct store_symbol syms[] = {
#define X(f) { #f, (void **)&pq.f },
		LIBPQ_CALLS(X)
#undef X
		{ NULL, NULL }
	};

	return pq.PQstatus || store_load_library("libpq.so.5", "a PostgreSQL records store",
						"libpq5", syms, err, errlen);
}

#define PQclear (*pq.PQclear)
#define PQcmdStatus (*pq.PQcmdStatus)
#define PQcmdTuples (*pq.PQcmdTuples)
#define PQconnectdbParams (*pq.PQconnectdbParams)
#define PQconninfoFree (*pq.PQconninfoFree)
#define PQconninfoParse (*pq.PQconninfoParse)
#define PQdb (*pq.PQdb)
#define PQerrorMessage (*pq.PQerrorMessage)
#define PQexec (*pq.PQexec)
#define PQexecParams (*pq.PQexecParams)
#define PQexecPrepared (*pq.PQexecPrepared)
#define PQfinish (*pq.PQfinish)
#define PQfname (*pq.PQfname)
#define PQfreemem (*pq.PQfreemem)
#define PQftype (*pq.PQftype)
#define PQgetisnull (*pq.PQgetisnull)
#define PQgetlength (*pq.PQgetlength)
#define PQgetvalue (*pq.PQgetvalue)
#define PQhost (*pq.PQhost)
#define PQnfields (*pq.PQnfields)
#define PQntuples (*pq.PQntuples)
#define PQport (*pq.PQport)
#define PQprepare (*pq.PQprepare)
#define PQresultErrorField (*pq.PQresultErrorField)
#define PQresultErrorMessage (*pq.PQresultErrorMessage)
#define PQresultStatus (*pq.PQresultStatus)
#define PQsetNoticeProcessor (*pq.PQsetNoticeProcessor)
#define PQstatus (*pq.PQstatus)

#define STMT_CACHE   64
#define MAX_PARAMS   1024
#define RETRY_S      60          /* TEACHBACK_PG_RETRY_S overrides */

/* Result column types by their OIDs (pg_type.dat); other types are text. */
#define OID_BOOL     16
#define OID_INT8     20
#define OID_INT2     21
#define OID_INT4     23
#define OID_OID      26
#define OID_FLOAT4   700
#define OID_FLOAT8   701
#define OID_NUMERIC  1700

/*
 * The schema, one step per version, beside store_sqlite.c's: the same
 * tables, columns and keys, in PostgreSQL's types (REAL in SQLite is a
 * double, so DOUBLE PRECISION here; ids are 64-bit).  tests/pg checks that
 * both give the same columns and the same results.
 */
static const char *const migrations[] = {
	/* 1 */
	"CREATE TABLE learners ("
	"  id BIGINT PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE attempts ("
	"  id BIGINT PRIMARY KEY,"
	"  learner_id BIGINT REFERENCES learners(id) ON DELETE CASCADE,"
	"  quiz_id TEXT NOT NULL,"
	"  quiz_version TEXT,"
	"  quiz_hash TEXT NOT NULL,"
	"  quiz_path TEXT,"
	"  seed BIGINT NOT NULL,"
	"  mode TEXT NOT NULL,"
	"  frontend TEXT NOT NULL,"
	"  started_at BIGINT NOT NULL,"
	"  ended_at BIGINT,"
	"  status TEXT NOT NULL DEFAULT 'open',"
	"  score DOUBLE PRECISION, max DOUBLE PRECISION, percent DOUBLE PRECISION);"
	"CREATE INDEX attempts_by_quiz ON attempts(quiz_id, id);"
	"CREATE INDEX attempts_by_learner ON attempts(learner_id, id);"
	"CREATE TABLE inputs ("
	"  attempt_id BIGINT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  round INTEGER NOT NULL DEFAULT 1,"
	"  question_id TEXT,"
	"  kind TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  at BIGINT NOT NULL,"
	"  PRIMARY KEY (attempt_id, seq));"
	"CREATE TABLE responses ("
	"  attempt_id BIGINT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  question_id TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  type TEXT NOT NULL,"
	"  answer TEXT,"
	"  choice TEXT,"
	"  fraction DOUBLE PRECISION NOT NULL,"
	"  marks DOUBLE PRECISION NOT NULL,"
	"  max DOUBLE PRECISION NOT NULL,"
	"  certainty INTEGER,"
	"  tries INTEGER NOT NULL DEFAULT 0,"
	"  skipped INTEGER NOT NULL DEFAULT 0,"
	"  red_flag INTEGER NOT NULL DEFAULT 0,"
	"  details TEXT,"
	"  PRIMARY KEY (attempt_id, question_id));",
	/* 2: SQLite's WITHOUT ROWID; a PostgreSQL table has no rowid to drop */
	"SELECT 1;",
	/* 3: the site an attempt was taken at */
	"ALTER TABLE attempts ADD COLUMN site TEXT;"
	"CREATE INDEX attempts_by_site ON attempts(site, quiz_id);",
	/*
	 * 4: the web's attempt tokens (teachback serve), by their SHA-256
	 * only, with the browser session that may use each (also hashed):
	 * a copy of the store opens no attempt.
	 */
	"CREATE TABLE web_attempts ("
	"  token_hash TEXT PRIMARY KEY,"
	"  attempt_id BIGINT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,"
	"  owner_hash TEXT NOT NULL);"
	"CREATE INDEX web_attempts_by_attempt ON web_attempts(attempt_id);",
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(sizeof migrations / sizeof migrations[0] == STORE_SCHEMA_VERSION,
	       "store_pg.c's migrations must count up to STORE_SCHEMA_VERSION");

/* The table that marks a database as teachback's, and its schema version. */
#define SCHEMA_TABLE "CREATE TABLE IF NOT EXISTS teachback_schema (" \
	"app TEXT NOT NULL, version INTEGER NOT NULL)"

/*
 * Only the owner may change the version: default privileges that give the
 * app role INSERT, UPDATE and DELETE on every new table are taken back
 * from this one.
 */
#define SCHEMA_TABLE_OWNER_ONLY "DO $$DECLARE g text; BEGIN FOR g IN " \
	"SELECT DISTINCT CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END " \
	"FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = 'teachback_schema'::regclass " \
	"AND a.grantee <> c.relowner AND a.privilege_type <> 'SELECT' LOOP " \
	"EXECUTE 'REVOKE ALL ON teachback_schema FROM ' || g; " \
	"EXECUTE 'GRANT SELECT ON teachback_schema TO ' || g; END LOOP; END$$"

struct cached {
	char *sql;              /* as the engine wrote it */
	char *pgsql;            /* with $n placeholders */
	int nparams;
	unsigned gen;           /* connection it was prepared on (0: none) */
};

/* One statement of the open transaction, kept to send again. */
struct kept {
	int slot;               /* cache slot, or -1 */
	char *pgsql;
	int nparams;
	char **values;          /* text of each parameter, NULL for NULL */
};

struct store {
	PGconn *conn;
	char *where;            /* the conninfo, without a password */
	char *name;             /* for messages: database, host and port */
	int version;
	unsigned gen;           /* bumped at each (re)connection */
	long long changes;
	struct cached cache[STMT_CACHE];
	int ncache;
	int in_tx;
	char xid[32];           /* the open transaction's id, for pg_xact_status */
	struct kept *kept;
	int nkept, capkept;
};

static int retry_s(void)
{
	return store_env_int("TEACHBACK_PG_RETRY_S", RETRY_S, 3600);
}

int store_is_postgres(const char *where)
{
	size_t k;

	if (!strncmp(where, "postgresql://", 13) || !strncmp(where, "postgres://", 11))
		return 1;
	/* A conninfo starts "keyword=": a file would be written ./name. */
	k = strspn(where, "abcdefghijklmnopqrstuvwxyz_");
	return k > 0 && where[k] == '=';
}

/* Notices (a NOTICE from CREATE ... IF NOT EXISTS) are not the user's business. */
static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* libpq's message, on one line. */
static void pg_message(const char *m, char *out, size_t len)
{
	size_t n;

	snprintf(out, len, "%s", m && *m ? m : "no message");
	n = strlen(out);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' '))
		out[--n] = '\0';
	for (char *p = out; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
}

static int fail_res(struct store *st, PGresult *r, const char *doing, char *err, size_t errlen)
{
	char m[400];

	pg_message(r ? PQresultErrorMessage(r) : PQerrorMessage(st->conn), m, sizeof m);
	snprintf(err, errlen, "%s: %s: %s", st->name, doing, m);
	return 0;
}

static const char *sqlstate(PGresult *r)
{
	const char *s = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;

	return s ? s : "";
}

/*
 * Was the connection lost (rather than the statement refused)?  Class 08
 * is a connection exception; 57P01-57P03 a server shutting down, crashed
 * or not yet up again.
 */
static int link_lost(struct store *st, PGresult *r)
{
	const char *s = sqlstate(r);

	return PQstatus(st->conn) != CONNECTION_OK || !strncmp(s, "08", 2) ||
	       !strcmp(s, "57P01") || !strcmp(s, "57P02") || !strcmp(s, "57P03");
}

static void forget_kept(struct store *st)
{
	for (int i = 0; i < st->nkept; i++) {
		struct kept *k = &st->kept[i];

		for (int j = 0; j < k->nparams; j++)
			free(k->values[j]);
		free(k->values);
		if (k->slot < 0)
			free(k->pgsql);
	}
	st->nkept = 0;
}

static void free_store(struct store *st)
{
	if (!st)
		return;
	forget_kept(st);
	free(st->kept);
	for (int i = 0; i < st->ncache; i++) {
		free(st->cache[i].sql);
		free(st->cache[i].pgsql);
	}
	if (st->conn)
		PQfinish(st->conn);
	free(st->where);
	free(st->name);
	free(st);
}

/* Connect (again); 1 when the server answers. */
static int connect_once(struct store *st)
{
	static const char *const keys[] = {
		"connect_timeout", "fallback_application_name", "dbname", NULL
	};
	const char *vals[] = { "10", "teachback", st->where, NULL };

	if (st->conn)
		PQfinish(st->conn);
	st->conn = PQconnectdbParams(keys, vals, 1);
	if (!st->conn || PQstatus(st->conn) != CONNECTION_OK)
		return 0;
	PQsetNoticeProcessor(st->conn, quiet, NULL);
	st->gen++;
	return 1;
}

/*
 * Reconnect with backoff (0.1 s doubling to 2 s) for up to retry_s():
 * a server restarting refuses connections for a second or two.
 */
static int reconnect(struct store *st, char *err, size_t errlen)
{
	double until = now_s() + retry_s();
	long wait = 100;
	char m[400];

	for (;;) {
		if (connect_once(st))
			return 1;
		if (now_s() + wait / 1000.0 > until)
			break;
		sleep_ms(wait);
		wait = wait * 2 > 2000 ? 2000 : wait * 2;
	}
	pg_message(st->conn ? PQerrorMessage(st->conn) : "out of memory", m, sizeof m);
	snprintf(err, errlen, "%s: lost the connection and could not get it back in %d s "
		 "(%s); nothing since the last acknowledged input was recorded", st->name,
		 retry_s(), m);
	return 0;
}

/* Text of a statement with no parameters and no rows wanted. */
static PGresult *run_text(struct store *st, const char *sql)
{
	return PQexec(st->conn, sql);
}

static int ok_res(PGresult *r)
{
	ExecStatusType s = PQresultStatus(r);

	return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* ---- placeholders ------------------------------------------------------ */

/*
 * The engine's ? placeholders as $1, $2, ...: outside quotes, identifiers
 * and comments.  SQL that already numbers its own ($n, a back end's named
 * queries) is left as it is.  Returns a new string, or NULL.
 */
static char *number_placeholders(const char *sql, int *nparams)
{
	size_t len = strlen(sql), o = 0;
	char *out = malloc(len * 4 + 1);
	int n = 0, highest = 0;

	if (!out)
		return NULL;
	for (const char *p = sql; *p; p++) {
		if (*p == '\'' || *p == '"') {
			char q = *p;

			out[o++] = *p++;
			while (*p && !(*p == q && p[1] != q)) {
				if (*p == q)
					out[o++] = *p++;
				out[o++] = *p++;
			}
			if (!*p)
				break;
			out[o++] = *p;
		} else if (*p == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				out[o++] = *p++;
			if (!*p)
				break;
			out[o++] = *p;
		} else if (*p == '?') {
			o += (size_t)sprintf(out + o, "$%d", ++n);
		} else {
			if (*p == '$' && p[1] >= '1' && p[1] <= '9') {
				int k = atoi(p + 1);

				if (k > highest)
					highest = k;
			}
			out[o++] = *p;
		}
	}
	out[o] = '\0';
	*nparams = n > highest ? n : highest;
	return out;
}

static int cache_slot(struct store *st, const char *sql)
{
	struct cached *c;
	int n;
	char *pg;

	for (int i = 0; i < st->ncache; i++)
		if (!strcmp(st->cache[i].sql, sql))
			return i;
	if (!(pg = number_placeholders(sql, &n)))
		return -2;
	if (st->ncache == STMT_CACHE) {
		free(pg);
		return -1;      /* not kept: sent unnamed each time */
	}
	c = &st->cache[st->ncache];
	c->sql = strdup(sql);
	if (!c->sql) {
		free(pg);
		return -2;
	}
	c->pgsql = pg;
	c->nparams = n;
	c->gen = 0;
	return st->ncache++;
}

/* ---- statements -------------------------------------------------------- */

/* Parameters as text: integers exactly, doubles to 17 digits. */
static char **param_texts(const struct store_value *args, int nargs)
{
	char **v = calloc((size_t)(nargs > 0 ? nargs : 1), sizeof *v);
	char buf[40];

	if (!v)
		return NULL;
	for (int i = 0; i < nargs; i++) {
		const struct store_value *a = &args[i];

		switch (a->kind) {
		case STORE_INT:
			snprintf(buf, sizeof buf, "%lld", a->i);
			v[i] = strdup(buf);
			break;
		case STORE_REAL:
			snprintf(buf, sizeof buf, "%.17g", a->r);
			v[i] = strdup(buf);
			break;
		case STORE_TEXT:
			if ((v[i] = malloc(a->len + 1))) {
				memcpy(v[i], a->s, a->len);
				v[i][a->len] = '\0';
			}
			break;
		default:
			continue;
		}
		if (!v[i]) {
			for (int j = 0; j < i; j++)
				free(v[j]);
			free(v);
			return NULL;
		}
	}
	return v;
}

static void free_texts(char **v, int n)
{
	if (!v)
		return;
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Send one statement (prepared on this connection when it is cached). */
static PGresult *send_stmt(struct store *st, int slot, const char *pgsql, int nparams,
			   char *const *values)
{
	char name[16];

	if (slot < 0)
		return PQexecParams(st->conn, pgsql, nparams, NULL,
				    (const char *const *)values, NULL, NULL, 0);
	snprintf(name, sizeof name, "tb%d", slot);
	if (st->cache[slot].gen != st->gen) {
		PGresult *r = PQprepare(st->conn, name, pgsql, nparams, NULL);

		if (!ok_res(r))
			return r;
		PQclear(r);
		st->cache[slot].gen = st->gen;
	}
	return PQexecPrepared(st->conn, name, nparams, (const char *const *)values,
			      NULL, NULL, 0);
}

static int value_of(PGresult *r, int row, int col, struct store_value *v)
{
	const char *s = PQgetvalue(r, row, col);

	memset(v, 0, sizeof *v);
	if (PQgetisnull(r, row, col)) {
		v->kind = STORE_NULL;
		return 0;
	}
	switch (PQftype(r, col)) {
	case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		v->kind = STORE_INT;
		v->i = strtoll(s, NULL, 10);
		break;
	case OID_BOOL:
		v->kind = STORE_INT;
		v->i = s[0] == 't';
		break;
	case OID_NUMERIC:
		/* sum() of integers is numeric: whole ones read as integers, as SQLite gives. */
		if (!strpbrk(s, ".eEN") && strlen(s) < 19) {
			v->kind = STORE_INT;
			v->i = strtoll(s, NULL, 10);
			break;
		}
		/* fall through */
	case OID_FLOAT4: case OID_FLOAT8:
		v->kind = STORE_REAL;
		v->r = strtod(s, NULL);
		break;
	default:
		v->kind = STORE_TEXT;
		v->s = s;
		v->len = (size_t)PQgetlength(r, row, col);
	}
	return 0;
}

#define MAX_COLS 64

static void deliver(PGresult *r, store_row_fn row, void *ud)
{
	int ncol = PQnfields(r), nrow = PQntuples(r);
	const char *names[MAX_COLS];
	struct store_value vals[MAX_COLS];

	if (!row)
		return;
	if (ncol > MAX_COLS)
		ncol = MAX_COLS;
	for (int c = 0; c < ncol; c++)
		names[c] = PQfname(r, c);
	for (int i = 0; i < nrow; i++) {
		for (int c = 0; c < ncol; c++)
			value_of(r, i, c, &vals[c]);
		if (row(ud, ncol, names, vals))
			break;
	}
}

static int is_insert(const char *pgsql)
{
	while (*pgsql == ' ' || *pgsql == '\n' || *pgsql == '\t')
		pgsql++;
	return !strncasecmp(pgsql, "INSERT", 6);
}

static int replay(struct store *st, char *err, size_t errlen);

/*
 * Run one statement.  Outside a transaction a lost connection is
 * reconnected and the statement sent again; inside one, the transaction
 * is rebuilt from what was kept (replay) and the statement sent again.
 */
static int pg_exec(struct store *st, const char *sql, const struct store_value *args,
		   int nargs, store_row_fn row, void *ud, char *err, size_t errlen)
{
	int slot = cache_slot(st, sql), nparams, resent = 0;
	char *tmp = NULL, **values;
	const char *pgsql;
	PGresult *r;

	if (slot == -2) {
		snprintf(err, errlen, "%s: out of memory", st->name);
		return 0;
	}
	if (slot >= 0) {
		pgsql = st->cache[slot].pgsql;
		nparams = st->cache[slot].nparams;
	} else {
		if (!(tmp = number_placeholders(sql, &nparams))) {
			snprintf(err, errlen, "%s: out of memory", st->name);
			return 0;
		}
		pgsql = tmp;
	}
	if (nparams != nargs || nargs > MAX_PARAMS) {
		snprintf(err, errlen, "%s: %d values given for %d placeholders in: %s",
			 st->name, nargs, nparams, sql);
		free(tmp);
		return 0;
	}
	if (!(values = param_texts(args, nargs))) {
		snprintf(err, errlen, "%s: out of memory", st->name);
		free(tmp);
		return 0;
	}
	for (;;) {
		r = send_stmt(st, slot, pgsql, nparams, values);
		if (ok_res(r))
			break;
		if (!link_lost(st, r)) {
			/* A resent INSERT whose row is there: the first one went in. */
			if (resent && is_insert(pgsql) && !strcmp(sqlstate(r), "23505")) {
				PQclear(r);
				r = NULL;
				break;
			}
			fail_res(st, r, "cannot run a statement", err, errlen);
			PQclear(r);
			free_texts(values, nargs);
			free(tmp);
			return 0;
		}
		PQclear(r);
		if (!reconnect(st, err, errlen) || (st->in_tx && !replay(st, err, errlen))) {
			free_texts(values, nargs);
			free(tmp);
			return 0;
		}
		resent = 1;
	}
	if (r) {
		const char *n = PQcmdTuples(r);

		st->changes = *n ? atoll(n) : 0;
		/* A resent INSERT ... ON CONFLICT DO NOTHING that found its row. */
		if (resent && st->changes == 0 && is_insert(pgsql))
			st->changes = 1;
		deliver(r, row, ud);
		PQclear(r);
	} else {
		st->changes = 1;
	}
	if (st->in_tx) {
		struct kept *k;

		if (st->nkept == st->capkept) {
			int cap = st->capkept ? st->capkept * 2 : 64;
			struct kept *nk = realloc(st->kept, (size_t)cap * sizeof *nk);

			if (!nk) {
				snprintf(err, errlen, "%s: out of memory", st->name);
				free_texts(values, nargs);
				free(tmp);
				return 0;
			}
			st->kept = nk;
			st->capkept = cap;
		}
		k = &st->kept[st->nkept++];
		k->slot = slot;
		k->pgsql = slot >= 0 ? st->cache[slot].pgsql : tmp;
		k->nparams = nparams;
		k->values = values;
		return 1;
	}
	free_texts(values, nargs);
	free(tmp);
	return 1;
}

static long long pg_changes(struct store *st)
{
	return st->changes;
}

/* Ids come from the writer (store.new_id); there is no server-made id to give. */
static long long pg_last_id(struct store *st)
{
	(void)st;
	return 0;
}

/* BEGIN, and the transaction's id, to ask later whether its COMMIT went in. */
static int start_tx(struct store *st, PGresult **res)
{
	PGresult *r = run_text(st, "BEGIN; SELECT pg_current_xact_id()::text");

	if (!ok_res(r) || PQntuples(r) != 1) {
		*res = r;
		return 0;
	}
	snprintf(st->xid, sizeof st->xid, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	*res = NULL;
	return 1;
}

/* After a reconnection: the open transaction again, from what was kept. */
static int replay(struct store *st, char *err, size_t errlen)
{
	for (int tries = 0; tries < 5; tries++) {
		PGresult *r;
		int i;

		if (start_tx(st, &r)) {
			for (i = 0; i < st->nkept; i++) {
				struct kept *k = &st->kept[i];

				r = send_stmt(st, k->slot, k->pgsql, k->nparams, k->values);
				if (!ok_res(r))
					break;
				PQclear(r);
			}
			if (i == st->nkept)
				return 1;
		}
		if (!link_lost(st, r)) {
			fail_res(st, r, "cannot redo the transaction after reconnecting", err, errlen);
			PQclear(r);
			return 0;
		}
		PQclear(r);
		if (!reconnect(st, err, errlen))
			return 0;
	}
	snprintf(err, errlen, "%s: the connection kept dropping; the transaction was not "
		 "recorded", st->name);
	return 0;
}

static int pg_begin(struct store *st, char *err, size_t errlen)
{
	PGresult *r;

	if (st->in_tx) {
		snprintf(err, errlen, "%s: a transaction is already open", st->name);
		return 0;
	}
	forget_kept(st);
	while (!start_tx(st, &r)) {
		if (!link_lost(st, r)) {
			fail_res(st, r, "cannot start a transaction", err, errlen);
			PQclear(r);
			return 0;
		}
		PQclear(r);
		if (!reconnect(st, err, errlen))
			return 0;
	}
	st->in_tx = 1;
	return 1;
}

/* committed, aborted, or in progress: what the server knows of st->xid. */
static int xact_committed(struct store *st, int *answer)
{
	const char *v[1] = { st->xid };
	PGresult *r = PQexecParams(st->conn, "SELECT pg_xact_status($1::xid8)", 1, NULL,
				   v, NULL, NULL, 0);
	int ok = ok_res(r) && PQntuples(r) == 1;

	if (ok)
		*answer = !PQgetisnull(r, 0, 0) && !strcmp(PQgetvalue(r, 0, 0), "committed");
	PQclear(r);
	return ok;
}

static int pg_commit(struct store *st, char *err, size_t errlen)
{
	PGresult *r;

	if (!st->in_tx) {
		snprintf(err, errlen, "%s: no transaction to commit", st->name);
		return 0;
	}
	for (;;) {
		int committed = 0;

		r = run_text(st, "COMMIT");
		if (ok_res(r) && !strcmp(PQcmdStatus(r), "COMMIT"))
			break;
		if (ok_res(r) || !link_lost(st, r)) {
			/* ROLLBACK in place of COMMIT: a statement had failed. */
			fail_res(st, r, "cannot commit", err, errlen);
			if (ok_res(r))
				snprintf(err, errlen, "%s: the transaction was rolled back", st->name);
			PQclear(r);
			st->in_tx = 0;
			forget_kept(st);
			return 0;
		}
		PQclear(r);
		if (!reconnect(st, err, errlen))
			goto lost;
		if (!xact_committed(st, &committed))
			continue;
		if (committed) {
			r = NULL;
			break;
		}
		if (!replay(st, err, errlen))
			goto lost;
	}
	PQclear(r);
	st->in_tx = 0;
	forget_kept(st);
	return 1;
lost:
	st->in_tx = 0;
	forget_kept(st);
	return 0;
}

static int pg_rollback(struct store *st, char *err, size_t errlen)
{
	PGresult *r;

	(void)err;
	(void)errlen;
	if (!st->in_tx)
		return 1;
	st->in_tx = 0;
	forget_kept(st);
	/* A lost connection has rolled back already. */
	r = run_text(st, "ROLLBACK");
	PQclear(r);
	return 1;
}

/* ---- opening ----------------------------------------------------------- */

/* "database teachback on /run/postgresql:5432": no user, no password. */
static void name_store(struct store *st)
{
	const char *db = PQdb(st->conn), *host = PQhost(st->conn), *port = PQport(st->conn);
	char buf[512];

	snprintf(buf, sizeof buf, "PostgreSQL database %s on %s:%s", db ? db : "?",
		 host && *host ? host : "localhost", port && *port ? port : "5432");
	free(st->name);
	st->name = strdup(buf);
}

/*
 * Refuse a password in the connection string, and keep a copy of it for
 * reconnecting.  Returns 0 with a message.
 */
static int check_conninfo(struct store *st, const char *where, char *err, size_t errlen)
{
	char *perr = NULL;
	PQconninfoOption *opts = PQconninfoParse(where, &perr);

	if (!opts) {
		char m[300];

		pg_message(perr ? perr : "out of memory", m, sizeof m);
		snprintf(err, errlen, "--db: not a PostgreSQL connection string: %s", m);
		PQfreemem(perr);
		return 0;
	}
	for (PQconninfoOption *o = opts; o->keyword; o++) {
		if (!strcmp(o->keyword, "password") && o->val && *o->val) {
			PQconninfoFree(opts);
			snprintf(err, errlen, "--db: a password in the connection string would "
				 "be seen by every user of this machine (ps) and kept in logs; "
				 "put it in ~/.pgpass (or $PGPASSFILE) or a service file, and "
				 "leave it out of --db and TEACHBACK_DB");
			return 0;
		}
	}
	PQconninfoFree(opts);
	st->where = strdup(where);
	return st->where != NULL;
}

/*
 * Is this database teachback's, and at which version?  Sets st->version;
 * 0 with *why and a message when it cannot be used this way.
 */
static int recognise(struct store *st, int mode, int *why, char *err, size_t errlen)
{
	PGresult *r = run_text(st, "SELECT app, version FROM teachback_schema");
	long long objects = 0;

	if (!ok_res(r)) {
		if (strcmp(sqlstate(r), "42P01") != 0) {
			*why = STORE_FAILED;
			fail_res(st, r, "cannot read the store", err, errlen);
			PQclear(r);
			return 0;
		}
		PQclear(r);
		r = run_text(st, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
			     "ON n.oid = c.relnamespace WHERE n.nspname = current_schema()");
		if (!ok_res(r)) {
			*why = STORE_FAILED;
			fail_res(st, r, "cannot read the store", err, errlen);
			PQclear(r);
			return 0;
		}
		objects = atoll(PQgetvalue(r, 0, 0));
		PQclear(r);
		if (objects > 0) {
			*why = STORE_NOT_OURS;
			snprintf(err, errlen, "%s: not a teachback records store (another "
				 "program's tables); it was left as it is", st->name);
			return 0;
		}
		st->version = 0;
	} else {
		if (PQntuples(r) != 1 || strcmp(PQgetvalue(r, 0, 0), "teachback") != 0) {
			*why = STORE_NOT_OURS;
			snprintf(err, errlen, "%s: not a teachback records store "
				 "(teachback_schema is not ours); it was left as it is", st->name);
			PQclear(r);
			return 0;
		}
		st->version = atoi(PQgetvalue(r, 0, 1));
		PQclear(r);
	}
	if (st->version > NMIGRATIONS) {
		*why = STORE_NEWER;
		snprintf(err, errlen, "%s: written by a newer teachback (schema %d; this one "
			 "knows up to %d); it was left as it is", st->name, st->version, NMIGRATIONS);
		return 0;
	}
	if (mode != STORE_MIGRATE && st->version < NMIGRATIONS) {
		*why = st->version == 0 && !mode ? STORE_MISSING : STORE_FAILED;
		snprintf(err, errlen, st->version == 0 ?
			 "%s: no teachback schema yet; the role that owns the database runs "
			 "'teachback migrate --db ...' once" :
			 "%s: an older schema (%d); the role that owns the database runs "
			 "'teachback migrate --db ...' to update it", st->name, st->version);
		return 0;
	}
	return 1;
}

/* teachback migrate: every step from st->version on, in one transaction. */
static int migrate(struct store *st, char *err, size_t errlen)
{
	PGresult *r;
	char sql[160];
	int v;

	r = run_text(st, "BEGIN; SELECT pg_advisory_xact_lock(1952671842); " SCHEMA_TABLE);
	if (!ok_res(r))
		goto failed;
	PQclear(r);
	/* Another migrate may have run while this one waited for the lock. */
	r = run_text(st, "SELECT version FROM teachback_schema");
	if (!ok_res(r))
		goto failed;
	v = PQntuples(r) ? atoi(PQgetvalue(r, 0, 0)) : 0;
	PQclear(r);
	r = NULL;
	if (v == 0) {
		r = run_text(st, "INSERT INTO teachback_schema (app, version) VALUES ('teachback', 0)");
		if (!ok_res(r))
			goto failed;
		PQclear(r);
	}
	for (int n = v + 1; n <= NMIGRATIONS; n++) {
		r = run_text(st, migrations[n - 1]);
		if (!ok_res(r))
			goto failed;
		PQclear(r);
	}
	r = run_text(st, SCHEMA_TABLE_OWNER_ONLY);
	if (!ok_res(r))
		goto failed;
	PQclear(r);
	snprintf(sql, sizeof sql, "UPDATE teachback_schema SET version = %d; COMMIT", NMIGRATIONS);
	r = run_text(st, sql);
	if (!ok_res(r))
		goto failed;
	PQclear(r);
	st->version = NMIGRATIONS;
	return 1;
failed:
	fail_res(st, r, "cannot update the schema", err, errlen);
	PQclear(r);
	PQclear(run_text(st, "ROLLBACK"));
	return 0;
}

static struct store *pg_open(const char *where, int mode, int *why, char *err, size_t errlen)
{
	struct store *st;
	char m[400];

	*why = STORE_FAILED;
	if (!load_libpq(err, errlen))
		return NULL;
	st = calloc(1, sizeof *st);
	if (!st) {
		snprintf(err, errlen, "--db: out of memory");
		return NULL;
	}
	if (!check_conninfo(st, where, err, errlen))
		goto failed;
	st->name = strdup("PostgreSQL");
	if (!connect_once(st)) {
		pg_message(st->conn ? PQerrorMessage(st->conn) : "out of memory", m, sizeof m);
		snprintf(err, errlen, "cannot connect to the PostgreSQL records store: %s", m);
		goto failed;
	}
	name_store(st);
	if (!st->name) {
		snprintf(err, errlen, "--db: out of memory");
		goto failed;
	}
	if (!recognise(st, mode, why, err, errlen))
		goto failed;
	if (mode == STORE_MIGRATE && st->version < NMIGRATIONS && !migrate(st, err, errlen))
		goto failed;
	if (!mode)
		PQclear(run_text(st, "SET default_transaction_read_only = on"));
	return st;
failed:
	free_store(st);
	return NULL;
}

/* Integrity: the server keeps its pages and keys; check the rows point somewhere. */
static int pg_check(struct store *st, char *err, size_t errlen)
{
	PGresult *r = run_text(st,
		"SELECT (SELECT count(*) FROM inputs i WHERE NOT EXISTS "
		"(SELECT 1 FROM attempts a WHERE a.id = i.attempt_id)) + "
		"(SELECT count(*) FROM responses r WHERE NOT EXISTS "
		"(SELECT 1 FROM attempts a WHERE a.id = r.attempt_id))");

	if (!ok_res(r))
		return fail_res(st, r, "cannot check the store", err, errlen) + (PQclear(r), 0);
	if (strcmp(PQgetvalue(r, 0, 0), "0") != 0) {
		snprintf(err, errlen, "%s: %s rows point at missing attempts", st->name,
			 PQgetvalue(r, 0, 0));
		PQclear(r);
		return 0;
	}
	PQclear(r);
	return 1;
}

static int pg_version(struct store *st)
{
	return st->version;
}

/* ---- item analysis on the server ----------------------------------------- */

/*
 * The sums item analysis needs (itemstats.lua, from_sums), computed where
 * the responses are, so a report over a million of them moves a few rows
 * per question, not the responses.  Each takes $1 the quiz id, $2 its
 * items as JSON [{"id":..,"max":..,"pos":..}], $3 a site or NULL (all).
 * An attempt counts for an item only if it was given the item (has a
 * response row for it), as in itemstats.analyse: a question a draw left
 * out is not a 0.
 */
#define ITEM_MARKS \
	"WITH it AS (SELECT * FROM json_to_recordset($2::json) AS t(id text, max float8, pos int))," \
	" att AS (SELECT DISTINCT r.attempt_id AS aid FROM responses r" \
	"   JOIN attempts a ON a.id = r.attempt_id WHERE a.quiz_id = $1" \
	"   AND a.status <> 'open' AND ($3::text IS NULL OR a.site = $3::text))," \
	" x AS (SELECT att.aid, it.id AS qid, it.pos, r.marks AS x" \
	"   FROM att JOIN responses r ON r.attempt_id = att.aid" \
	"   JOIN it ON it.id = r.question_id)," \
	" tot AS (SELECT att.aid, coalesce(sum(x.x), 0) AS t FROM att" \
	"   LEFT JOIN x ON x.aid = att.aid GROUP BY att.aid)," \
	" xr AS (SELECT x.aid, x.qid, x.pos, x.x, tot.t, tot.t - x.x AS o FROM x JOIN tot USING (aid))"

/*
 * The rank-based figures (the covariance of the sorted marks and rests, the
 * upper and lower thirds) come from each item's distribution of marks and
 * of rests, counted by value, instead of sorting every response: a value
 * taking ranks (lo, hi] in one meets a value taking ranks in the other
 * for as many ranks as their ranges overlap.  The thirds are ranked by a
 * window over the responses (ties: the earlier attempt first).
 */
#define VALUE_RANKS \
	" st AS (SELECT qid, count(*) AS n, avg(x) AS mx, avg(o) AS mo FROM xr GROUP BY qid)," \
	" xd AS (SELECT qid, x, count(*) AS c FROM xr GROUP BY qid, x)," \
	" od AS (SELECT qid, o, count(*) AS c FROM xr GROUP BY qid, o)," \
	" xdr AS (SELECT qid, x, sum(c) OVER w - c AS lo, sum(c) OVER w AS hi" \
	"   FROM xd WINDOW w AS (PARTITION BY qid ORDER BY x))," \
	" odr AS (SELECT qid, o, sum(c) OVER w - c AS lo, sum(c) OVER w AS hi" \
	"   FROM od WINDOW w AS (PARTITION BY qid ORDER BY o))"

static const struct { const char *name, *sql; } named_sql[] = {
	/* Per item: n, mean, variance, covariances with the total and the
	 * rest, the rest's variance, and the covariance of the two sorted. */
	{ "item_sums", ITEM_MARKS "," VALUE_RANKS ","
	  " srt AS (SELECT xdr.qid, CASE WHEN min(st.n) > 1 THEN"
	  "   sum((least(xdr.hi, odr.hi) - greatest(xdr.lo, odr.lo)) * (xdr.x - st.mx) * (odr.o - st.mo))"
	  "   / (min(st.n) - 1) END AS cov_sorted"
	  "   FROM xdr JOIN odr ON odr.qid = xdr.qid AND odr.lo < xdr.hi AND xdr.lo < odr.hi"
	  "   JOIN st ON st.qid = xdr.qid GROUP BY xdr.qid)"
	  " SELECT xr.qid AS id, count(*) AS n, avg(xr.x) AS mean, var_samp(xr.x) AS var,"
	  " covar_samp(xr.x, xr.t) AS cov_total, covar_samp(xr.x, xr.o) AS cov_rest,"
	  " var_samp(xr.o) AS var_rest, min(srt.cov_sorted) AS cov_sorted"
	  " FROM xr JOIN srt USING (qid) GROUP BY xr.qid ORDER BY min(xr.pos)" },
	/* Each attempt's total, in attempt order (the score distribution and
	 * the test's moments: one number per attempt, not per response). */
	{ "totals", ITEM_MARKS " SELECT t FROM tot ORDER BY aid" },
	/* Each option chosen: by how many, and by how many of the upper and
	 * the lower third by rest-of-test (ties: the earlier attempt first
	 * into the upper third, the later first into the lower). */
	{ "choices", ITEM_MARKS ","
	  " rk AS (SELECT qid, aid, count(*) OVER (PARTITION BY qid) AS s,"
	  "   row_number() OVER (PARTITION BY qid ORDER BY o DESC, aid) AS up,"
	  "   row_number() OVER (PARTITION BY qid ORDER BY o, aid DESC) AS low FROM xr),"
	  " ch AS (SELECT r.question_id AS qid, r.attempt_id AS aid, c FROM responses r"
	  "   JOIN att ON att.aid = r.attempt_id"
	  "   CROSS JOIN LATERAL unnest(string_to_array(r.choice, ',')) AS c"
	  "   WHERE r.choice IS NOT NULL AND c <> '')"
	  " SELECT ch.qid AS id, ch.c AS label, count(*) AS n,"
	  " count(*) FILTER (WHERE rk.up <= rk.s / 3) AS upper,"
	  " count(*) FILTER (WHERE rk.low <= rk.s / 3) AS lower"
	  " FROM ch JOIN rk USING (qid, aid) GROUP BY ch.qid, ch.c" },
	/* Marks over the maximum per topic, topics in the order first met. */
	{ "mastery",
	  "WITH rr AS (SELECT r.topic, r.marks, r.max, r.attempt_id, r.position"
	  "   FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.quiz_id = $1"
	  "   AND a.status <> 'open' AND ($3::text IS NULL OR a.site = $3::text)"
	  "   AND $2::text IS NOT NULL),"
	  " first AS (SELECT topic, min(attempt_id) AS aid FROM rr GROUP BY topic)"
	  " SELECT rr.topic, sum(rr.marks) AS score, sum(rr.max) AS max"
	  " FROM rr JOIN first USING (topic) GROUP BY rr.topic"
	  " ORDER BY min(first.aid), min(CASE WHEN rr.attempt_id = first.aid THEN rr.position END)" },
};

static const char *pg_named(const char *name)
{
	for (size_t i = 0; i < sizeof named_sql / sizeof named_sql[0]; i++)
		if (!strcmp(named_sql[i].name, name))
			return named_sql[i].sql;
	return NULL;
}

const struct store_backend store_pg = {
	"postgresql", pg_open, pg_exec, pg_changes, pg_last_id, pg_begin, pg_commit,
	pg_rollback, pg_check, pg_version, free_store, pg_named,
};
