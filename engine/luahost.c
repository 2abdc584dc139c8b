/*
 * luahost.c -- the Lua host: the engine's own state, its embedded modules,
 * the narrow `host` library through which Lua policy asks C for files, and
 * the sandbox in which quiz scripts run.
 *
 * Two kinds of Lua run here.  The engine's Lua (engine/lua, compiled into
 * the binary) is trusted: it gets base, string, table, math and utf8, but
 * no io, os, package or debug, because everything outside the process goes
 * through C.  A quiz `script:` is not trusted: each one runs in a fresh,
 * throw-away lua_State with
 *
 *   - an allocator that refuses to grow past HOST_SCRIPT_MEMORY;
 *   - a count hook holding an instruction budget that, once spent, re-arms
 *     itself at every instruction so a pcall loop cannot swallow it;
 *   - only text chunks (no bytecode) and a fresh _ENV holding rng, staging
 *     and the safe parts of the standard library;
 *   - no setmetatable, so no __gc finalizer (which would run with hooks
 *     off) can be planted; no pattern functions, whose backtracking runs
 *     in C where no hook reaches; string.rep capped, because an empty
 *     string repeated 2^62 times loops in C too;
 *
 * and its result is deep-copied, with limits, into the engine's state, so
 * nothing it built is ever shared with trusted code.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/random.h>
#include <lauxlib.h>
#include <lualib.h>

#include "teachback.h"

#define HOST_SCRIPT_MEMORY  (16u << 20)      /* bytes a script state may hold */
#define HOST_SCRIPT_STEPS   10000000         /* VM instructions a script may run */
#define HOST_SCRIPT_SECONDS 1.0              /* and CPU time */
#define HOST_HOOK_EVERY     100
#define HOST_COPY_BYTES     (1u << 20)       /* string bytes a result may carry */
#define HOST_TABLE_LEN      (1 << 20)        /* #t table.insert/remove accept */
#define HOST_COPY_DEPTH     8                /* nesting of a script's result */
#define HOST_COPY_NODES     4096             /* values in a script's result */
#define HOST_REP_MAX        (1u << 20)       /* bytes string.rep may build */

struct budget {
	size_t used, limit;
	long steps, max_steps;
	double deadline;        /* thread CPU seconds; 0 for none */
	int discard;            /* closing before exit: free nothing (host_end) */
};

/*
 * A script's time is the CPU time of the thread that runs it: what the
 * script itself costs.  Wall-clock time would also count the time the
 * thread waited for a core, so a cheap script on a busy server, or under a
 * sanitizer beside other jobs, could run out of time it never used.
 */
static double cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * lua_Alloc with a cap.  When ptr is NULL, osize holds a type tag, not a
 * size.  Shrinking never fails: Lua assumes it cannot.
 */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct budget *b = ud;
	size_t old = ptr ? osize : 0;
	void *p;

	if (nsize == 0) {
		if (!b->discard)
			free(ptr);
		b->used -= old;
		return NULL;
	}
	if (nsize > old && b->limit && nsize - old > b->limit - b->used)
		return NULL;
	p = realloc(ptr, nsize);
	if (!p && nsize <= old)
		return ptr;
	if (p)
		b->used = b->used - old + nsize;
	return p;
}

/* ---- the pool: a command's small blocks ---------------------------- */

/*
 * The state a command runs in (host_open_command) takes its blocks of up
 * to POOL_MAX bytes from a pool: slabs cut in order, and a free list for
 * each size, in steps of POOL_GRAIN bytes.  Lua says the size of every
 * block it frees or resizes, so a block needs no header: a table is 56
 * bytes, not malloc's 64, and most of a command's allocations (strings,
 * tables, closures) are a few instructions instead of malloc's hundred or
 * so.  Larger blocks go to malloc.  The slabs are given back when the
 * state is closed; a freed block is kept for the next of its size, which
 * is what a command's short life wants (the web server's long-lived
 * states keep malloc).  Built with AddressSanitizer, the pool's free
 * blocks are poisoned, so a use after free is still found.
 */
#define POOL_GRAIN   8                        /* Lua needs 8-byte alignment */
#define POOL_MAX     512
#define POOL_SIZES   (POOL_MAX / POOL_GRAIN)
#define POOL_SLAB    (64u << 10)

#if TB_FREE_AT_EXIT
#include <sanitizer/asan_interface.h>
#define POOL_POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define POOL_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POOL_POISON(p, n)   ((void)0)
#define POOL_UNPOISON(p, n) ((void)0)
#endif

struct pool {
	struct budget budget;           /* first: the state's ud is either */
	void *free[POOL_SIZES + 1];     /* by size / POOL_GRAIN, rounded up */
	char *next, *end;               /* what is left of the newest slab */
	void *slabs;                    /* every slab, linked by its first word */
};

static size_t pool_size_of(size_t n)
{
	return (n + POOL_GRAIN - 1) / POOL_GRAIN;
}

/* A block of n (1..POOL_MAX) bytes from the newest slab, after a new slab
 * if it is short. */
static void *pool_cut(struct pool *pl, size_t n)
{
	size_t bytes = pool_size_of(n) * POOL_GRAIN;
	void *p;

	if ((size_t)(pl->end - pl->next) < bytes) {
		char *slab = malloc(POOL_SLAB);

		if (!slab)
			return NULL;
		*(void **)slab = pl->slabs;
		pl->slabs = slab;
		pl->next = slab + POOL_GRAIN;
		pl->end = slab + POOL_SLAB;
		POOL_POISON(pl->next, (size_t)(pl->end - pl->next));
	}
	p = pl->next;
	pl->next += bytes;
	POOL_UNPOISON(p, bytes);
	return p;
}

static void *pool_get(struct pool *pl, size_t n)
{
	size_t k = pool_size_of(n);
	void *p = pl->free[k];

	if (p) {
		POOL_UNPOISON(p, k * POOL_GRAIN);
		pl->free[k] = *(void **)p;
		return p;
	}
	return pool_cut(pl, n);
}

static void pool_put(struct pool *pl, void *p, size_t n)
{
	size_t k = pool_size_of(n);

	*(void **)p = pl->free[k];
	pl->free[k] = p;
	POOL_POISON(p, k * POOL_GRAIN);
}

/* A block of n bytes given back: to the pool, or to malloc. */
static void pool_release(struct pool *pl, void *p, size_t n)
{
	if (pl->budget.discard || !p)
		return;
	if (n <= POOL_MAX)
		pool_put(pl, p, n);
	else
		free(p);
}

/* pool_alloc's other cases: a block freed or resized, a large block,
 * a new slab.  Not inlined: in pool_alloc, its calls would make every
 * call save registers. */
static void *pool_realloc(struct pool *pl, void *ptr, size_t osize, size_t nsize)
	__attribute__((noinline));

static void *pool_realloc(struct pool *pl, void *ptr, size_t osize, size_t nsize)
{
	size_t old = ptr ? osize : 0;
	void *p;

	if (nsize == 0) {
		pool_release(pl, ptr, old);
		return NULL;
	}
	if (ptr && old <= POOL_MAX && nsize <= POOL_MAX &&
	    pool_size_of(old) == pool_size_of(nsize))
		return ptr;
	if (old > POOL_MAX && nsize > POOL_MAX) {
		p = realloc(ptr, nsize);
		return p || nsize > old ? p : ptr;     /* shrinking never fails */
	}
	p = nsize <= POOL_MAX ? pool_get(pl, nsize) : malloc(nsize);
	if (!p)
		return nsize <= old ? ptr : NULL;      /* shrinking never fails */
	if (ptr) {
		memcpy(p, ptr, old < nsize ? old : nsize);
		pool_release(pl, ptr, old);
	}
	return p;
}

/*
 * lua_Alloc of host_open_command's state: no cap, small blocks pooled.
 * Most calls ask for a new small block, which is taken here, with no
 * call and so none of the registers a call needs saved (a graded
 * attempt makes some 12,000); the rest go to pool_realloc.
 */
static void *pool_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct pool *pl = ud;

	if (!ptr && nsize - 1 < POOL_MAX) {             /* 1..POOL_MAX bytes */
		size_t k = pool_size_of(nsize), bytes = k * POOL_GRAIN;
		void *p = pl->free[k];

		if (p) {
			POOL_UNPOISON(p, bytes);
			pl->free[k] = *(void **)p;
			return p;
		}
		if ((size_t)(pl->end - pl->next) >= bytes) {
			p = pl->next;
			pl->next += bytes;
			POOL_UNPOISON(p, bytes);
			return p;
		}
	}
	return pool_realloc(pl, ptr, osize, nsize);
}

static void pool_free_slabs(struct pool *pl)
{
	void *s = pl->slabs, *next;

	while (s) {
		POOL_UNPOISON(s, POOL_GRAIN);
		next = *(void **)s;
		free(s);
		s = next;
	}
}

/* ---- embedded modules and require ---------------------------------- */

static const struct tb_luamod *find_module(const char *name)
{
	for (const struct tb_luamod *m = tb_lua_modules; m->name; m++)
		if (strcmp(m->name, name) == 0)
			return m;
	return NULL;
}

/* The registry's table of the C libraries host_require opens by name. */
#define HOST_OPENERS "teachback.openers"

/* require(name): the embedded modules only, cached like package.loaded. */
static int host_require(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	const struct tb_luamod *m;

	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	if (lua_getfield(L, -1, name) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	/* A C library of this state opened at its first require (host_setup). */
	if (lua_getfield(L, LUA_REGISTRYINDEX, HOST_OPENERS) == LUA_TTABLE &&
	    lua_getfield(L, -1, name) == LUA_TFUNCTION) {
		luaL_requiref(L, name, lua_tocfunction(L, -1), 0);
		return 1;
	}
	lua_settop(L, 2);
	m = find_module(name);
	if (!m)
		return luaL_error(L, "module '%s' not found", name);
	/* Precompiled at build time (scripts/embed.c): trusted, so "b". */
	if (luaL_loadbufferx(L, m->source, m->len, m->chunkname, "b") != LUA_OK)
		return lua_error(L);
	lua_pushstring(L, name);
	lua_call(L, 1, 1);
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, name);
	return 1;
}

/*
 * Lua 5.4.4's utf8_decode shifts a lead byte 0xFF with seven continuation
 * bytes by 35 bits before it rejects the sequence: undefined behaviour on
 * any line a learner types.  0xFF is never part of UTF-8, and 0xFE fails at
 * the same place for the same reason without the shift, so utf8.len,
 * codepoint and codes see 0xFE instead: the same results, and no UB.
 */
static int utf8_guard(lua_State *L)
{
	size_t len;
	const char *s = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : NULL;

	if (s && memchr(s, 0xFF, len)) {
		luaL_Buffer b;
		char *p = luaL_buffinitsize(L, &b, len);

		for (size_t i = 0; i < len; i++)
			p[i] = (unsigned char)s[i] == 0xFF ? (char)0xFE : s[i];
		luaL_pushresultsize(&b, len);
		lua_replace(L, 1);
	}
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

/*
 * The characters in s when all of it is UTF-8 as utf8.len takes it (no
 * overlong form, no surrogate, nothing past U+10FFFF), else -1.  ASCII is
 * passed over eight bytes at a time: the GIFT reader checks a whole file,
 * where Lua's loop decodes one character per step.
 */
static lua_Integer utf8_count(const unsigned char *s, size_t len)
{
	lua_Integer n = 0;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i], lo = 0x80, hi = 0xBF;
		size_t k;
		uint64_t w;

		if (c < 0x80) {
			size_t from = i;

			/* Sixteen bytes a step while all are ASCII, then eight. */
			while (len - i >= 16) {
				uint64_t w2;

				memcpy(&w, s + i, 8);
				memcpy(&w2, s + i + 8, 8);
				if ((w | w2) & 0x8080808080808080ull)
					break;
				i += 16;
			}
			if (len - i >= 8 && (memcpy(&w, s + i, 8), (w & 0x8080808080808080ull) == 0))
				i += 8;
			else if (i == from)
				i++;
			n += (lua_Integer)(i - from);
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
		else
			return -1;
		if (len - i <= k || s[i + 1] < lo || s[i + 1] > hi)
			return -1;
		for (size_t j = 2; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return -1;
		i += k + 1;
		n++;
	}
	return n;
}

/* utf8.len(s) of valid text counted here; anything else as before. */
static int utf8_len(lua_State *L)
{
	size_t len;

	if (lua_gettop(L) == 1 && lua_type(L, 1) == LUA_TSTRING) {
		const char *s = lua_tolstring(L, 1, &len);
		lua_Integer n = utf8_count((const unsigned char *)s, len);

		if (n >= 0) {
			lua_pushinteger(L, n);
			return 1;
		}
	}
	return utf8_guard(L);
}

static void guard_utf8(lua_State *L)
{
	lua_getglobal(L, LUA_UTF8LIBNAME);
	for (const char *const *n = (const char *const[]){"len", "codepoint", "codes", NULL};
	     *n; n++) {
		lua_getfield(L, -1, *n);
		lua_pushcclosure(L, strcmp(*n, "len") == 0 ? utf8_len : utf8_guard, 1);
		lua_setfield(L, -2, *n);
	}
	lua_pop(L, 1);
}

static void open_libs(lua_State *L)
{
	static const luaL_Reg libs[] = {
		{LUA_GNAME, luaopen_base},
		{LUA_STRLIBNAME, luaopen_string},
		{LUA_TABLIBNAME, luaopen_table},
		{LUA_MATHLIBNAME, luaopen_math},
		{LUA_UTF8LIBNAME, luaopen_utf8},
		{NULL, NULL}
	};
	static const char *const unsafe[] = {
		"dofile", "loadfile", "load", "collectgarbage", "print", "warn", NULL
	};

	for (const luaL_Reg *l = libs; l->func; l++) {
		luaL_requiref(L, l->name, l->func, 1);
		lua_pop(L, 1);
	}
	for (const char *const *u = unsafe; *u; u++) {
		lua_pushnil(L);
		lua_setglobal(L, *u);
	}
	guard_utf8(L);
	lua_pushcfunction(L, host_require);
	lua_setglobal(L, "require");
	/* The engine's modules must not count on a nondeterministic RNG. */
	lua_getglobal(L, LUA_MATHLIBNAME);
	lua_pushnil(L);
	lua_setfield(L, -2, "random");
	lua_pushnil(L);
	lua_setfield(L, -2, "randomseed");
	lua_pop(L, 1);
}

/* ---- the host library: files and YAML for the engine's Lua ---------- */

static void push_where(lua_State *L)
{
	lua_newtable(L);
	lua_createtable(L, 0, 1);
	lua_pushliteral(L, "k");
	lua_setfield(L, -2, "__mode");
	lua_setmetatable(L, -2);
}

/*
 * A loader left where and then the value (or a message) on the stack:
 * return value, where or nil, message.
 */
static int loaded(lua_State *L, int ok)
{
	if (!ok)
		lua_pushnil(L);
	lua_insert(L, -2);
	return 2;
}

/* host.read_yaml(path) -> value, where | nil, message */
static int l_read_yaml(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);

	push_where(L);
	return loaded(L, yml_push_file(L, path, -1));
}

/* host.parse_yaml(text, name) -> value, where | nil, message */
static int l_parse_yaml(lua_State *L)
{
	size_t len;
	const char *text = luaL_checklstring(L, 1, &len);
	const char *name = luaL_optstring(L, 2, "(text)");

	push_where(L);
	return loaded(L, yml_push_string(L, text, len, name, 0, -1));
}

/* host.read_material(path) -> doc, where | nil, message */
static int l_read_material(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);

	push_where(L);
	return loaded(L, mat_push_file(L, path, -1));
}

/*
 * host.count_newlines(s [, i [, j]]) -> how many "\n" bytes s[i..j] holds,
 * i and j read as string.sub reads them.  The GIFT reader gives records
 * their lines with it: a string.find per line of a 1 MB file was 4 M
 * instructions of the import, memchr here a few thousand.
 */
static int l_count_newlines(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	lua_Integer i = luaL_optinteger(L, 2, 1), j = luaL_optinteger(L, 3, -1);
	lua_Integer n = 0, slen = (lua_Integer)len;
	const char *p, *end;

	if (i < 0)
		i = i < -slen ? 1 : slen + i + 1;
	else if (i == 0)
		i = 1;
	if (j < 0)
		j = j < -slen ? 0 : slen + j + 1;
	else if (j > slen)
		j = slen;
	if (i <= j) {            /* then 1 <= i and j <= len: within s */
		p = s + (i - 1);
		end = s + j;
		while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			n++;
			p++;
		}
	}
	lua_pushinteger(L, n);
	return 1;
}

/* host.control_at(text) -> byte index of its first control character, or nil */
static int l_control_at(lua_State *L)
{
	size_t len;
	const char *text = luaL_checklstring(L, 1, &len);
	size_t at = yml_control_at(text, len);

	if (at)
		lua_pushinteger(L, (lua_Integer)at);
	else
		lua_pushnil(L);
	return 1;
}

/* host.list(dir, suffix, recurse) -> sorted list of paths */
static int l_list(lua_State *L)
{
	fs_list(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2), lua_toboolean(L, 3));
	return 1;
}

static int l_is_dir(lua_State *L)
{
	lua_pushboolean(L, fs_is_dir(luaL_checkstring(L, 1)));
	return 1;
}

static int l_is_file(lua_State *L)
{
	lua_pushboolean(L, fs_is_file(luaL_checkstring(L, 1)));
	return 1;
}

/* host.find_up(file, name) -> nearest folder `name` at or above file's folder */
static int l_find_up(lua_State *L)
{
	char out[4096];

	if (fs_find_up(luaL_checkstring(L, 1), luaL_checkstring(L, 2), out, sizeof out))
		lua_pushstring(L, out);
	else
		lua_pushnil(L);
	return 1;
}

/* host.clock() -> monotonic seconds, for benchmarks */
static int l_clock(lua_State *L)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec / 1e9);
	return 1;
}

/*
 * host.today() -> "YYYY-MM-DD" (UTC), for review dates, imports and
 * starters.  TEACHBACK_TODAY (the day itself) or SOURCE_DATE_EPOCH (seconds)
 * fixes it, so tests and reproducible builds need no real clock.  One
 * function: a second "today" registered by another part of the host
 * library once hid this one, and the tests passed only on the day their
 * fixed date named.
 */
static int l_today(lua_State *L)
{
	const char *fixed = getenv("TEACHBACK_TODAY");
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char buf[32];
	time_t now = time(NULL);
	struct tm tm;

	if (fixed && *fixed) {
		lua_pushstring(L, fixed);
		return 1;
	}
	if (epoch && *epoch) {
		char *end;
		long long v = strtoll(epoch, &end, 10);

		if (!*end && v >= 0)
			now = (time_t)v;
	}
	if (!gmtime_r(&now, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%d", &tm))
		return luaL_error(L, "today: clock out of range");
	lua_pushstring(L, buf);
	return 1;
}

/*
 * host.sandbox(code, name, seed [, seconds, steps]) -> fields | nil, message;
 * then the seconds and steps the script used.  seconds and steps lower the
 * per-script limits: what is left of a file's or a command's budget.
 */
static int l_sandbox(lua_State *L)
{
	size_t len;
	const char *code = luaL_checklstring(L, 1, &len);
	const char *name = luaL_checkstring(L, 2);
	lua_Integer seed = luaL_checkinteger(L, 3);
	struct tb_script_use use = { luaL_optnumber(L, 4, HOST_SCRIPT_SECONDS),
				     (long)luaL_optinteger(L, 5, HOST_SCRIPT_STEPS), 0, 0 };

	lua_settop(L, 0);
	if (!host_sandbox_run(L, code, len, name, seed, &use)) {
		lua_pushnil(L);
		lua_insert(L, -2);
	} else {
		lua_pushnil(L);
	}
	lua_pushnumber(L, use.seconds_used);
	lua_pushinteger(L, use.steps_used);
	return 4;
}

/* host.random_hex(nbytes) -> 2 * nbytes hex digits from getrandom(2), for
 * the web's session ids and attempt tokens (unguessable, not replayable). */
/* host.fnv1a(s) -> FNV-1a of s's bytes, in Lua's wrapping 64-bit integers,
 * as rng.lua's hash_bytes gives it */
static int l_fnv1a(lua_State *L)
{
	size_t n;
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
	uint64_t h = 0xcbf29ce484222325u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3u;
	lua_pushinteger(L, (lua_Integer)h);
	return 1;
}

static int l_random_hex(lua_State *L)
{
	lua_Integer n = luaL_checkinteger(L, 1);
	unsigned char buf[64];
	char hex[2 * sizeof buf + 1];
	size_t got = 0;

	luaL_argcheck(L, n >= 1 && n <= (lua_Integer)sizeof buf, 1, "from 1 to 64 bytes");
	while (got < (size_t)n) {
		ssize_t r = getrandom(buf + got, (size_t)n - got, 0);

		if (r < 0 && errno != EINTR)
			return luaL_error(L, "getrandom failed: %s", strerror(errno));
		if (r > 0)
			got += (size_t)r;
	}
	for (size_t i = 0; i < got; i++)
		snprintf(hex + 2 * i, 3, "%02x", buf[i]);
	lua_pushlstring(L, hex, 2 * got);
	return 1;
}

/*
 * host.modules(prefix) -> the names of the embedded modules that start with
 * prefix, in name order: how a registry finds its plug-ins ("modes.").
 */
static int l_modules(lua_State *L)
{
	size_t n;
	const char *prefix = luaL_checklstring(L, 1, &n);
	lua_Integer k = 0;

	lua_newtable(L);
	for (const struct tb_luamod *m = tb_lua_modules; m->name; m++)
		if (strncmp(m->name, prefix, n) == 0) {
			lua_pushstring(L, m->name);
			lua_rawseti(L, -2, ++k);
		}
	return 1;
}

/*
 * A graded attempt (run --answers) loads its quiz with the collector
 * stopped and grades with it still stopped, then exits: nearly all it
 * builds stays to the end, and each cycle walked the whole heap (0.35 to
 * 0.6 M of its 13 M instructions, as the cycles happened to fall).  Should
 * the heap grow past twice its size when held, plus 4 MB (a quiz of
 * thousands of teach-back answers), host.gc_check, called between
 * answers, starts the collector again: the garbage a hold leaves is
 * bounded, where the collector would let the heap reach four times the
 * live data (main.c, cmd_run).
 */
#define HOST_GC_HOLD "teachback.gc_hold"
#define HOST_GC_SLACK_KB 4096
#define HOST_GC_CREDIT_KB (1 << 20)

void host_gc_hold(lua_State *L)
{
	lua_gc(L, LUA_GCSTOP);
	/* A stopped collector is still called at every check for garbage once
	 * the allocations since it was last called pass 2,000 bytes (lgc.c,
	 * luaC_step), some 4,700 calls an attempt: a step of minus this many
	 * KB only puts that debt far back (lapi.c adds it to the debt; the
	 * heap's count is unchanged), and LUA_GCRESTART clears it. */
	lua_gc(L, LUA_GCSTEP, -HOST_GC_CREDIT_KB);
	lua_pushinteger(L, 2 * (lua_Integer)lua_gc(L, LUA_GCCOUNT) + HOST_GC_SLACK_KB);
	lua_setfield(L, LUA_REGISTRYINDEX, HOST_GC_HOLD);
}

/* host.gc_check(): the collector started again once a hold's heap is past
 * its bound (above); nothing when none is held. */
static int l_gc_check(lua_State *L)
{
	if (lua_getfield(L, LUA_REGISTRYINDEX, HOST_GC_HOLD) == LUA_TNUMBER &&
	    lua_gc(L, LUA_GCCOUNT) > lua_tointeger(L, -1)) {
		lua_pushnil(L);
		lua_setfield(L, LUA_REGISTRYINDEX, HOST_GC_HOLD);
		lua_gc(L, LUA_GCRESTART);
	}
	return 0;
}

static int open_host(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{"read_yaml", l_read_yaml},
		{"parse_yaml", l_parse_yaml},
		{"control_at", l_control_at},
		{"count_newlines", l_count_newlines},
		{"read_material", l_read_material},
		{"list", l_list},
		{"is_dir", l_is_dir},
		{"is_file", l_is_file},
		{"find_up", l_find_up},
		{"sandbox", l_sandbox},
		{"clock", l_clock},
		{"today", l_today},
		{"random_hex", l_random_hex},
		{"fnv1a", l_fnv1a},
		{"modules", l_modules},
		{"gc_check", l_gc_check},
		{NULL, NULL}
	};

	luaL_newlib(L, fns);
	out_register(L);
	speech_register(L);
	shape_register(L);
	fold_register(L);
	json_register(L);
	/* gsub quick where nothing can match (patquick.c). */
	patquick_register(L);
	yml_push_null(L);
	lua_setfield(L, -2, "null");
	lua_pushliteral(L, TB_VERSION);
	lua_setfield(L, -2, "version");
	lua_pushliteral(L, TB_QUIZDIR);
	lua_setfield(L, -2, "quizdir");
	lua_pushnumber(L, HOST_SCRIPT_SECONDS);
	lua_setfield(L, -2, "script_seconds");
	lua_pushinteger(L, HOST_SCRIPT_STEPS);
	lua_setfield(L, -2, "script_steps");
	return 1;
}

/* ---- the engine's state ------------------------------------------- */

/* The host library and the engine's other libraries, in a new state. */
static lua_State *host_setup(lua_State *L)
{
	static const luaL_Reg openers[] = {
		{"store", luaopen_store}, {"csv", luaopen_csv}, {"lpeg", luaopen_lpeg}, {NULL, NULL}
	};

	open_libs(L);
	luaL_requiref(L, "host", open_host, 1);
	lua_pop(L, 1);
	/* store, csv and LPeg (the readers' grammars) are opened at their first
	 * require (host_require), where opening all three cost every command
	 * some 50,000 instructions; in this trusted state only, never in a
	 * script's (host_sandbox_run opens its own state). */
	luaL_newlib(L, openers);
	lua_setfield(L, LUA_REGISTRYINDEX, HOST_OPENERS);
	return L;
}

/* Each state its own budget: the web server runs one state per thread. */
lua_State *host_open(void)
{
	struct budget *b = calloc(1, sizeof *b);       /* limit 0: trusted code */
	lua_State *L;

	if (!b)
		return NULL;
	L = lua_newstate(capped_alloc, b);
	if (!L) {
		free(b);
		return NULL;
	}
	return host_setup(L);
}

/* The same, for one command's life: its small blocks pooled (above). */
lua_State *host_open_command(void)
{
	struct pool *pl = calloc(1, sizeof *pl);
	lua_State *L;

	if (!pl)
		return NULL;
	L = lua_newstate(pool_alloc, pl);
	if (!L) {
		pool_free_slabs(pl);
		free(pl);
		return NULL;
	}
	return host_setup(L);
}

void host_close(lua_State *L)
{
	struct budget *b;
	int pooled;

	if (!L)
		return;
	pooled = lua_getallocf(L, (void **)&b) == pool_alloc;
	lua_close(L);
	if (b->discard)
		return;
	if (pooled)
		pool_free_slabs((struct pool *)b);
	free(b);
}

#define HOST_MUST_CLOSE "teachback.must_close"

/*
 * Says that something in the state has a finalizer that must run before
 * the process ends (a store's handle, a CSV writer's file), so host_end
 * closes the state.
 */
void host_must_close(lua_State *L)
{
	lua_pushboolean(L, 1);
	lua_setfield(L, LUA_REGISTRYINDEX, HOST_MUST_CLOSE);
}

/*
 * The state's end when the process ends next.  With nothing that must be
 * finished (host_must_close), it is left to the exit, which gives back
 * all of its memory at once: closing walks every object (1.4 M of a
 * graded attempt's 46 M instructions; 4.7 M while each block was freed).
 * Otherwise finalizers and to-be-closed variables run as lua_close runs
 * them, but no block is given back one by one.  With TB_FREE_AT_EXIT (the
 * sanitizer builds) the state is always closed and freed.
 */
void host_end(lua_State *L)
{
	struct budget *b;
	int must;

	if (!L)
		return;
	lua_getallocf(L, (void **)&b);
	if (!TB_FREE_AT_EXIT) {
		must = lua_getfield(L, LUA_REGISTRYINDEX, HOST_MUST_CLOSE) != LUA_TNIL;
		lua_pop(L, 1);
		if (!must)
			return;
	}
	b->discard = !TB_FREE_AT_EXIT;
	host_close(L);
}

static int traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (!msg)
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	luaL_traceback(L, L, msg, 1);
	return 1;
}

/*
 * Call require(module)[fn] with the nargs values on the stack.  Returns
 * LUA_OK with nresults pushed, or an error status with the message and a
 * traceback pushed in their place.
 */
int host_call(lua_State *L, const char *module, const char *fn,
	      int nargs, int nresults)
{
	int base = lua_gettop(L) - nargs, status;

	lua_pushcfunction(L, traceback);        /* at base + nargs + 1 */
	lua_pushcfunction(L, host_require);
	lua_pushstring(L, module);
	status = lua_pcall(L, 1, 1, base + nargs + 1);
	if (status != LUA_OK) {
		/* The real reason, with the module's file and line, not a vague word. */
		const char *why = lua_tostring(L, -1);

		lua_pushfstring(L, "cannot load engine module '%s': %s", module,
				why ? why : "(no message)");
		lua_replace(L, base + 1);
		lua_settop(L, base + 1);
		return status;
	}
	lua_getfield(L, -1, fn);
	lua_remove(L, -2);
	lua_insert(L, base + 1);                /* fn below the args */
	lua_insert(L, base + 1);                /* handler below fn */
	status = lua_pcall(L, nargs, nresults, base + 1);
	lua_remove(L, base + 1);
	return status;
}

/* ---- the sandbox for quiz scripts ---------------------------------- */

/*
 * The budget is counted in VM instructions, but one instruction can call
 * a C function that walks a long string, so the hook also keeps a clock.
 */
static void count_hook(lua_State *L, lua_Debug *ar)
{
	struct budget *b;

	(void)ar;
	lua_getallocf(L, (void **)&b);
	b->steps += HOST_HOOK_EVERY;
	if (b->steps > b->max_steps || (b->deadline && cpu_seconds() > b->deadline)) {
		/* From now on every instruction fails, so pcall cannot loop on. */
		lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
		luaL_error(L, "ran too long (more than %d million steps or %d second)",
			   HOST_SCRIPT_STEPS / 1000000, (int)HOST_SCRIPT_SECONDS);
	}
}

/*
 * table.insert and table.remove shift elements in C up to #t, and a table
 * with a few keys can claim #t = 2^50; the hook cannot stop a C loop.
 */
static int capped_table_op(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	if (luaL_len(L, 1) > HOST_TABLE_LEN)
		return luaL_error(L, "table too long for insert or remove");
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

/* string.rep that cannot build more than HOST_REP_MAX bytes or loop long. */
static int safe_rep(lua_State *L)
{
	size_t l, lsep;
	const char *s = luaL_checklstring(L, 1, &l);
	lua_Integer n = luaL_checkinteger(L, 2);
	const char *sep = luaL_optlstring(L, 3, "", &lsep);
	luaL_Buffer b;

	if (n <= 0) {
		lua_pushliteral(L, "");
		return 1;
	}
	if (n > (lua_Integer)HOST_REP_MAX || (l + lsep) * (size_t)n > HOST_REP_MAX)
		return luaL_error(L, "string.rep result larger than %d bytes", HOST_REP_MAX);
	luaL_buffinit(L, &b);
	while (n-- > 0) {
		luaL_addlstring(&b, s, l);
		if (n > 0)
			luaL_addlstring(&b, sep, lsep);
	}
	luaL_pushresult(&b);
	return 1;
}

static void copy_fields(lua_State *from, int env, const char *lib,
			const char *const *names)
{
	if (lib) {
		lua_getglobal(from, lib);
		lua_newtable(from);
		for (const char *const *n = names; *n; n++) {
			lua_getfield(from, -2, *n);
			lua_setfield(from, -2, *n);
		}
		lua_setfield(from, env, lib);
		lua_pop(from, 1);
	} else {
		for (const char *const *n = names; *n; n++) {
			lua_getglobal(from, *n);
			lua_setfield(from, env, *n);
		}
	}
}

/* Build the script's _ENV in S and leave it on the stack. */
static int build_env(lua_State *S, lua_Integer seed)
{
	static const char *const base[] = {
		"assert", "error", "ipairs", "next", "pairs", "pcall", "select",
		"tonumber", "tostring", "type", "rawequal", "rawlen",
		"_VERSION", NULL
	};
	static const char *const str[] = {
		"byte", "char", "format", "len", "lower", "upper", "rep",
		"reverse", "sub", NULL
	};
	static const char *const tab[] = {
		"concat", "insert", "remove", "sort", "unpack", "pack", NULL
	};
	static const char *const math[] = {
		"abs", "ceil", "floor", "fmod", "huge", "max", "maxinteger", "min",
		"mininteger", "modf", "pi", "sqrt", "tointeger", "type", "ult",
		"exp", "log", NULL
	};
	static const char *const utf8[] = {
		"char", "charpattern", "codepoint", "len", "offset", "codes", NULL
	};
	int env, staging, rng;

	/* Trusted helpers, loaded before any script code runs (and before the
	 * string table loses its pattern functions, which they capture). */
	lua_pushcfunction(S, host_require);
	lua_pushliteral(S, "staging");
	if (lua_pcall(S, 1, 1, 0) != LUA_OK)
		return 0;
	staging = lua_gettop(S);
	lua_pushcfunction(S, host_require);
	lua_pushliteral(S, "rng");
	if (lua_pcall(S, 1, 1, 0) != LUA_OK)
		return 0;
	lua_getfield(S, -1, "new");
	lua_pushinteger(S, seed);
	if (lua_pcall(S, 1, 1, 0) != LUA_OK)
		return 0;
	lua_remove(S, -2);
	rng = lua_gettop(S);

	/*
	 * Every string shares one metatable whose __index is the real string
	 * table, so the unsafe functions go from that table itself, not only
	 * from the copy in _ENV.
	 */
	lua_getglobal(S, LUA_STRLIBNAME);
	for (const char *const *n = (const char *const[]){"dump", "find", "match",
	     "gmatch", "gsub", "pack", "unpack", "packsize", NULL}; *n; n++) {
		lua_pushnil(S);
		lua_setfield(S, -2, *n);
	}
	lua_pushcfunction(S, safe_rep);
	lua_setfield(S, -2, "rep");
	lua_pop(S, 1);
	lua_pushliteral(S, "");
	lua_getmetatable(S, -1);
	lua_pushboolean(S, 0);
	lua_setfield(S, -2, "__metatable");
	lua_pop(S, 2);

	lua_newtable(S);
	env = lua_gettop(S);
	copy_fields(S, env, NULL, base);
	copy_fields(S, env, LUA_STRLIBNAME, str);
	copy_fields(S, env, LUA_TABLIBNAME, tab);
	lua_getfield(S, env, LUA_TABLIBNAME);
	for (const char *const *n = (const char *const[]){"insert", "remove", NULL}; *n; n++) {
		lua_getfield(S, -1, *n);
		lua_pushcclosure(S, capped_table_op, 1);
		lua_setfield(S, -2, *n);
	}
	lua_pop(S, 1);
	copy_fields(S, env, LUA_MATHLIBNAME, math);
	copy_fields(S, env, LUA_UTF8LIBNAME, utf8);

	lua_pushvalue(S, staging);
	lua_setfield(S, env, "staging");
	lua_pushvalue(S, rng);
	lua_setfield(S, env, "rng");
	return 1;
}

struct copy {
	int nodes;
	size_t bytes;
	char err[256];
};

static int copy_value(lua_State *S, int idx, lua_State *L, struct copy *c, int depth);

static int copy_table(lua_State *S, int idx, lua_State *L, struct copy *c, int depth)
{
	idx = lua_absindex(S, idx);
	if (depth > HOST_COPY_DEPTH) {
		snprintf(c->err, sizeof c->err, "returned tables nested deeper than %d",
			 HOST_COPY_DEPTH);
		return 0;
	}
	if (!lua_checkstack(L, 4) || !lua_checkstack(S, 4)) {
		snprintf(c->err, sizeof c->err, "returned a value too complex to copy");
		return 0;
	}
	lua_newtable(L);
	lua_pushnil(S);
	while (lua_next(S, idx)) {
		int kt = lua_type(S, -2);

		if (kt != LUA_TSTRING && kt != LUA_TNUMBER) {
			lua_pop(S, 2);
			snprintf(c->err, sizeof c->err, "returned a table with a %s key",
				 lua_typename(S, kt));
			return 0;
		}
		if (!copy_value(S, -2, L, c, depth + 1) ||
		    !copy_value(S, -1, L, c, depth + 1)) {
			lua_pop(S, 2);
			return 0;
		}
		lua_rawset(L, -3);
		lua_pop(S, 1);
	}
	return 1;
}

static int copy_value(lua_State *S, int idx, lua_State *L, struct copy *c, int depth)
{
	size_t len;
	const char *s;

	if (++c->nodes > HOST_COPY_NODES) {
		snprintf(c->err, sizeof c->err, "returned more than %d values",
			 HOST_COPY_NODES);
		return 0;
	}
	switch (lua_type(S, idx)) {
	case LUA_TSTRING:
		s = lua_tolstring(S, idx, &len);
		/* Each reference is copied anew: bound the total, not each string. */
		if ((c->bytes += len) > HOST_COPY_BYTES) {
			snprintf(c->err, sizeof c->err, "returned more than %u bytes of text",
				 HOST_COPY_BYTES);
			return 0;
		}
		lua_pushlstring(L, s, len);
		return 1;
	case LUA_TNUMBER:
		if (lua_isinteger(S, idx))
			lua_pushinteger(L, lua_tointeger(S, idx));
		else
			lua_pushnumber(L, lua_tonumber(S, idx));
		return 1;
	case LUA_TBOOLEAN:
		lua_pushboolean(L, lua_toboolean(S, idx));
		return 1;
	case LUA_TTABLE:
		return copy_table(S, idx, L, c, depth);
	default:
		snprintf(c->err, sizeof c->err, "returned a %s value, which a question cannot hold",
			 luaL_typename(S, idx));
		return 0;
	}
}

/*
 * Run a quiz script in a fresh sandboxed state.  On success push a copy of
 * the table it returned and return 1; otherwise push a message (without a
 * position: the caller knows where the script stands) and return 0.
 * use, when given, may lower the limits of time and steps and gets what
 * the script used of them.
 */
int host_sandbox_run(lua_State *L, const char *code, size_t len,
		     const char *name, lua_Integer seed, struct tb_script_use *use)
{
	struct budget b = { 0, HOST_SCRIPT_MEMORY, 0, HOST_SCRIPT_STEPS, 0, 0 };
	double seconds = HOST_SCRIPT_SECONDS, started;
	struct copy c = { 0, 0, "" };
	lua_State *S = lua_newstate(capped_alloc, &b);
	int status, env, ok = 0, top = lua_gettop(L);

	if (!S) {
		lua_pushliteral(L, "could not start (out of memory)");
		return 0;
	}
	open_libs(S);
	if (!build_env(S, seed)) {
		lua_pushfstring(L, "could not start: %s", lua_tostring(S, -1));
		lua_close(S);
		return 0;
	}
	env = lua_gettop(S);
	if (luaL_loadbufferx(S, code, len, name, "t") != LUA_OK) {
		lua_pushfstring(L, "does not compile: %s", lua_tostring(S, -1));
		lua_close(S);
		return 0;
	}
	lua_pushvalue(S, env);
	lua_setupvalue(S, -2, 1);
	if (use && use->seconds < seconds)
		seconds = use->seconds > 0 ? use->seconds : 0;
	if (use && use->steps < b.max_steps)
		b.max_steps = use->steps > 0 ? use->steps : 0;
	started = cpu_seconds();
	b.deadline = started + seconds;
	lua_sethook(S, count_hook, LUA_MASKCOUNT, HOST_HOOK_EVERY);
	status = lua_pcall(S, 0, 1, 0);
	lua_sethook(S, NULL, 0, 0);
	if (use) {
		use->seconds_used = cpu_seconds() - started;
		/* The hook counts in HOST_HOOK_EVERY steps: no more than allowed. */
		use->steps_used = b.steps < b.max_steps ? b.steps : b.max_steps;
	}
	if (status == LUA_ERRMEM) {
		lua_pushfstring(L, "used more than %d MiB of memory",
				(int)(HOST_SCRIPT_MEMORY >> 20));
	} else if (status != LUA_OK) {
		const char *msg = lua_tostring(S, -1);

		if (msg)
			lua_pushfstring(L, "failed: %s", msg);
		else
			lua_pushfstring(L, "failed: (error object is a %s value)",
					luaL_typename(S, -1));
	} else if (!lua_istable(S, -1)) {
		lua_pushfstring(L, "must return a table of question fields, not a %s value",
				luaL_typename(S, -1));
	} else if (!lua_checkstack(L, HOST_COPY_DEPTH * 4 + 8) || !copy_table(S, -1, L, &c, 1)) {
		lua_settop(L, top);     /* drop what was half built */
		lua_pushfstring(L, "%s", c.err[0] ? c.err : "result too complex");
	} else {
		ok = 1;
	}
	lua_close(S);
	return ok;
}
