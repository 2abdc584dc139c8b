/*
 * store.c -- the `store` library: the records store as the engine's Lua
 * sees it, whatever back end holds it (store.h).
 *
 *   store.open(where, writable)   -> db | nil, message, why
 *                                    (writable "migrate": teachback migrate)
 *   db:exec(sql, ...)             -> rows changed, id of the last insert
 *   db:rows(sql, ...)             -> { {column = value, ...}, ... }
 *   db:begin() db:commit() db:rollback() db:check() db:version() db:close()
 *   db:named(name)                -> the back end's SQL for a computation, or nil
 *   db:backend()                  -> "sqlite" or "postgresql"
 *   store.default_path()          -> $TEACHBACK_DB or $XDG_DATA_HOME/teachback/...
 *   store.now()                   -> seconds since 1970, local UTC offset
 *   store.file_hash(path)         -> a hash of the file's bytes (hex)
 *   store.new_id()                -> a row id unique without coordination
 *   store.default_site()          -> $TEACHBACK_SITE, else the host name
 *
 * Policy (which rows, what they mean) is Lua's: engine/lua/records.lua.
 * Failures inside a db method raise a Lua error whose text is the message
 * alone, so the command that called it can print it as it is.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <lauxlib.h>

#include "store.h"
#include "teachback.h"

#define STORE_META "teachback.store"
#define MAX_ARGS   256           /* values in one statement (multi-row inserts) */

struct handle {
	const struct store_backend *be;
	struct store *st;
};

int store_env_int(const char *name, int dflt, long max)
{
	const char *e = getenv(name);
	long v;
	char *end;

	if (!e || !*e)
		return dflt;
	v = strtol(e, &end, 10);
	return *end || v < 0 || v > max ? dflt : (int)v;
}

int store_load_library(const char *soname, const char *what, const char *package,
		       const struct store_symbol *syms, char *err, size_t errlen)
{
	void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);

	if (!lib) {
		snprintf(err, errlen, "%s needs %s, which could not be loaded (%s); install the "
			 "package %s", what, soname, dlerror(), package);
		return 0;
	}
	for (const struct store_symbol *s = syms; s->name; s++) {
		if (!(*s->slot = dlsym(lib, s->name))) {
			snprintf(err, errlen, "%s needs %s with %s, which the one installed lacks "
				 "(too old?); install a newer %s", what, soname, s->name, package);
			for (const struct store_symbol *t = syms; t <= s; t++)
				*t->slot = NULL;
			dlclose(lib);
			return 0;
		}
	}
	return 1;       /* kept open for the life of the process */
}

static const char *const why_names[] = {
	"ok", "failed", "missing", "not_ours", "newer", "readonly", "locked", "older"
};

static struct handle *check_open(lua_State *L)
{
	struct handle *h = luaL_checkudata(L, 1, STORE_META);

	if (!h->st)
		luaL_error(L, "the records store is closed");
	return h;
}

static int raise_msg(lua_State *L, const char *msg)
{
	lua_pushstring(L, msg);
	return lua_error(L);
}

static int l_open(lua_State *L)
{
	const char *where = luaL_checkstring(L, 1);
	int mode = lua_type(L, 2) == LUA_TSTRING && !strcmp(lua_tostring(L, 2), "migrate") ?
		   STORE_MIGRATE : lua_toboolean(L, 2) ? STORE_WRITE : STORE_READ, why = 0;
	const struct store_backend *be = store_is_postgres(where) ? &store_pg : &store_sqlite;
	char err[TB_ERRLEN];
	struct handle *h;
	struct store *st;

	st = be->open(where, mode, &why, err, sizeof err);
	if (!st) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		lua_pushstring(L, why > 0 && why <= STORE_OLDER ? why_names[why] : "failed");
		return 3;
	}
	h = lua_newuserdatauv(L, sizeof *h, 0);
	h->be = be;
	h->st = st;
	luaL_setmetatable(L, STORE_META);
	host_must_close(L);
	return 1;
}

/* Lua values from index `from` on as store values; text stays on the stack. */
static int collect_args(lua_State *L, int from, struct store_value *args)
{
	int n = lua_gettop(L) - from + 1;

	if (n > MAX_ARGS)
		luaL_error(L, "at most %d values per statement", MAX_ARGS);
	for (int i = 0; i < n; i++) {
		int idx = from + i;
		struct store_value *a = &args[i];

		memset(a, 0, sizeof *a);
		switch (lua_type(L, idx)) {
		case LUA_TNIL:
			a->kind = STORE_NULL;
			break;
		case LUA_TBOOLEAN:
			a->kind = STORE_INT;
			a->i = lua_toboolean(L, idx);
			break;
		case LUA_TNUMBER:
			if (lua_isinteger(L, idx)) {
				a->kind = STORE_INT;
				a->i = (long long)lua_tointeger(L, idx);
			} else {
				a->kind = STORE_REAL;
				a->r = (double)lua_tonumber(L, idx);
			}
			break;
		case LUA_TSTRING:
			a->kind = STORE_TEXT;
			a->s = lua_tolstring(L, idx, &a->len);
			break;
		default:
			luaL_error(L, "value %d: cannot store a %s", i + 1, luaL_typename(L, idx));
		}
	}
	return n < 0 ? 0 : n;
}

static int l_exec(lua_State *L)
{
	struct handle *h = check_open(L);
	const char *sql = luaL_checkstring(L, 2);
	struct store_value args[MAX_ARGS];
	int n = collect_args(L, 3, args);
	char err[TB_ERRLEN];

	if (!h->be->exec(h->st, sql, args, n, NULL, NULL, err, sizeof err))
		return raise_msg(L, err);
	lua_pushinteger(L, (lua_Integer)h->be->changes(h->st));
	lua_pushinteger(L, (lua_Integer)h->be->last_id(h->st));
	return 2;
}

struct rows_ctx {
	lua_State *L;
	lua_Integer n;
};

static int push_row(void *ud, int ncol, const char *const *names,
		    const struct store_value *row)
{
	struct rows_ctx *c = ud;
	lua_State *L = c->L;

	lua_createtable(L, 0, ncol);
	for (int i = 0; i < ncol; i++) {
		switch (row[i].kind) {
		case STORE_INT: lua_pushinteger(L, (lua_Integer)row[i].i); break;
		case STORE_REAL: lua_pushnumber(L, (lua_Number)row[i].r); break;
		case STORE_TEXT: lua_pushlstring(L, row[i].s, row[i].len); break;
		default: continue;
		}
		lua_setfield(L, -2, names[i]);
	}
	lua_rawseti(L, -2, ++c->n);
	return 0;
}

static int l_rows(lua_State *L)
{
	struct handle *h = check_open(L);
	const char *sql = luaL_checkstring(L, 2);
	struct store_value args[MAX_ARGS];
	int n = collect_args(L, 3, args);
	struct rows_ctx c = { L, 0 };
	char err[TB_ERRLEN];

	lua_newtable(L);
	if (!h->be->exec(h->st, sql, args, n, push_row, &c, err, sizeof err))
		return raise_msg(L, err);
	return 1;
}

static int l_begin(lua_State *L)
{
	struct handle *h = check_open(L);
	char err[TB_ERRLEN];

	return h->be->begin(h->st, err, sizeof err) ? 0 : raise_msg(L, err);
}

static int l_commit(lua_State *L)
{
	struct handle *h = check_open(L);
	char err[TB_ERRLEN];

	return h->be->commit(h->st, err, sizeof err) ? 0 : raise_msg(L, err);
}

static int l_rollback(lua_State *L)
{
	struct handle *h = check_open(L);
	char err[TB_ERRLEN];

	return h->be->rollback(h->st, err, sizeof err) ? 0 : raise_msg(L, err);
}

static int l_check(lua_State *L)
{
	struct handle *h = check_open(L);
	char err[TB_ERRLEN];

	if (h->be->check(h->st, err, sizeof err)) {
		lua_pushboolean(L, 1);
		return 1;
	}
	lua_pushnil(L);
	lua_pushstring(L, err);
	return 2;
}

static int l_version(lua_State *L)
{
	struct handle *h = check_open(L);

	lua_pushinteger(L, h->be->version(h->st));
	return 1;
}

/* db:named(name) -> the back end's own SQL for it, or nil (store.h). */
static int l_named(lua_State *L)
{
	struct handle *h = check_open(L);
	const char *sql = h->be->named(luaL_checkstring(L, 2));

	if (sql)
		lua_pushstring(L, sql);
	else
		lua_pushnil(L);
	return 1;
}

/* db:backend() -> "sqlite" or "postgresql" */
static int l_backend(lua_State *L)
{
	lua_pushstring(L, check_open(L)->be->name);
	return 1;
}

static int l_close(lua_State *L)
{
	struct handle *h = luaL_checkudata(L, 1, STORE_META);

	if (h->st) {
		h->be->close(h->st);
		h->st = NULL;
	}
	return 0;
}

/* $TEACHBACK_DB, else $XDG_DATA_HOME/teachback/teachback.db, else ~/.local/share/teachback/. */
static int l_default_path(lua_State *L)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	const char *env = getenv("TEACHBACK_DB");

	/* The XDG spec: a relative XDG_DATA_HOME is invalid and ignored. */
	if (env && env[0])
		lua_pushstring(L, env);
	else if (xdg && xdg[0] == '/')
		lua_pushfstring(L, "%s/teachback/teachback.db", xdg);
	else if (home && home[0] == '/')
		lua_pushfstring(L, "%s/.local/share/teachback/teachback.db", home);
	else {
		lua_pushnil(L);
		lua_pushliteral(L, "teachback: no HOME or XDG_DATA_HOME to keep records in; "
				"use --db FILE or --no-save");
		return 2;
	}
	return 1;
}

/* Make the folders above a store file (mode 0700: records are private). */
static int l_make_dirs(lua_State *L)
{
	size_t len;
	const char *path = luaL_checklstring(L, 1, &len);
	char buf[4096];

	if (len >= sizeof buf)
		return luaL_error(L, "%s: path too long", path);
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
			lua_pushnil(L);
			lua_pushfstring(L, "%s: cannot make the folder (%s)", buf, strerror(errno));
			return 2;
		}
		*p = '/';
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* Wall-clock seconds (TEACHBACK_NOW fixes it for tests), and the local offset. */
static int l_now(lua_State *L)
{
	const char *fixed = getenv("TEACHBACK_NOW");
	time_t t = time(NULL);
	struct tm lt, gt;
	long long off;

	if (fixed && *fixed) {
		char *end;
		long long v = strtoll(fixed, &end, 10);

		if (!*end && v >= 0)
			t = (time_t)v;
	}
	if (!localtime_r(&t, &lt) || !gmtime_r(&t, &gt)) {
		lua_pushinteger(L, (lua_Integer)t);
		lua_pushinteger(L, 0);
		return 2;
	}
	/* Offset from the two broken-down times; tm_gmtoff is not C11. */
	off = (long long)(lt.tm_hour - gt.tm_hour) * 3600 + (lt.tm_min - gt.tm_min) * 60;
	if (lt.tm_yday != gt.tm_yday)
		off += (lt.tm_year > gt.tm_year || (lt.tm_year == gt.tm_year &&
			lt.tm_yday > gt.tm_yday)) ? 86400 : -86400;
	lua_pushinteger(L, (lua_Integer)t);
	lua_pushinteger(L, (lua_Integer)off);
	return 2;
}

/* FNV-1a, 64 bits: a quiz's fingerprint, to notice when its file changed. */
static int l_file_hash(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);
	char err[TB_ERRLEN], *buf, hex[17];
	size_t len;
	uint64_t h = 1469598103934665603ull;

	if (!fs_read(path, TB_MAX_FILE, &buf, &len, err, sizeof err)) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		return 2;
	}
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)buf[i];
		h *= 1099511628211ull;
	}
	free(buf);
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h);
	lua_pushstring(L, hex);
	return 1;
}

/*
 * A new attempt's or learner's id, made where the row is made so that many
 * processes on many machines writing to one store never need to agree on
 * the next number: the milliseconds since 1970 in the high bits (ids sort
 * by when they were made; good until the year 2248) and 20 random bits
 * below.  Two ids clash only when two writers draw the same 20 bits in the
 * same millisecond; the primary key refuses the second, and records.lua
 * draws again.  Within one process ids only grow.
 */
static int l_new_id(lua_State *L)
{
	static _Thread_local long long last;
	struct timespec ts;
	unsigned int r = 0;
	long long ms, id;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
		r = (unsigned int)ts.tv_nsec ^ (unsigned int)getpid() * 2654435761u;
	id = (ms << 20) | (long long)(r & 0xfffff);
	if (id <= last)
		id = last + 1;
	last = id;
	lua_pushinteger(L, (lua_Integer)id);
	return 1;
}

/* The site attempts are recorded at when no --site is given. */
static int l_default_site(lua_State *L)
{
	const char *env = getenv("TEACHBACK_SITE");
	char host[256];

	if (env && env[0]) {
		lua_pushstring(L, env);
		return 1;
	}
	if (gethostname(host, sizeof host) != 0 || !host[0])
		lua_pushliteral(L, "unknown");
	else {
		host[sizeof host - 1] = '\0';
		lua_pushstring(L, host);
	}
	return 1;
}

int luaopen_store(lua_State *L)
{
	static const luaL_Reg methods[] = {
		{"exec", l_exec}, {"rows", l_rows}, {"begin", l_begin},
		{"commit", l_commit}, {"rollback", l_rollback}, {"check", l_check},
		{"version", l_version}, {"close", l_close}, {"named", l_named},
		{"backend", l_backend}, {NULL, NULL}
	};
	static const luaL_Reg fns[] = {
		{"open", l_open}, {"default_path", l_default_path},
		{"make_dirs", l_make_dirs}, {"now", l_now}, {"file_hash", l_file_hash},
		{"new_id", l_new_id}, {"default_site", l_default_site}, {NULL, NULL}
	};

	luaL_newmetatable(L, STORE_META);
	luaL_newlib(L, methods);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, l_close);
	lua_setfield(L, -2, "__gc");
	lua_pushcfunction(L, l_close);
	lua_setfield(L, -2, "__close");
	lua_pop(L, 1);
	luaL_newlib(L, fns);
	lua_pushinteger(L, STORE_SCHEMA_VERSION);
	lua_setfield(L, -2, "schema_version");
	return 1;
}
