/*
 * common.c -- the engine state, findings and files the harnesses share.
 *
 * Fresh state per input made the Lua harnesses slow (about 25 inputs a
 * second for check), so one engine state lives for the whole run and
 * harness.lua resets what an input can change.
 *
 * Under libFuzzer the engine's Lua is invisible to clang's coverage, so a
 * line hook feeds Lua's own line-to-line edges into libFuzzer's extra
 * counters: the fuzzer then sees a new branch of schema.lua as new
 * coverage.  With a line hook Lua checks for a new line at every
 * instruction (about a third of `check`'s time), so a harness whose input
 * reaches no Lua worth guiding on (yaml: the parser is C) goes without.  The hook also counts (every 2^30 instructions) because Lua
 * 5.4 lets a line-only hook's instruction countdown run on and overflow.
 */
#define _XOPEN_SOURCE 700        /* nftw */
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>

#include "teachback.h"
#include "fuzz.h"

int fuzz_findings;
/* A harness whose input reaches no Lua worth guiding on defines this 0. */
__attribute__((weak)) const int fuzz_lua_edges = 1;

/* A harness with more to set up than harness.lua's init defines this; it
 * runs before the first input and its timer (libFuzzer's -timeout). */
__attribute__((weak)) void fuzz_start(lua_State *L)
{
	(void)L;
}
static lua_State *engine;
static int harness_ref = LUA_NOREF;

#ifdef FUZZ_LIBFUZZER
#define LUA_EDGES (1 << 16)
__attribute__((section("__libfuzzer_extra_counters")))
static uint8_t lua_edges[LUA_EDGES];
static uintptr_t prev_line;

static void line_hook(lua_State *L, lua_Debug *ar)
{
	uintptr_t here;

	if (ar->event != LUA_HOOKLINE || !lua_getinfo(L, "S", ar))
		return;
	here = ((uintptr_t)ar->source * 31u) ^ ((uintptr_t)ar->currentline * 2654435761u);
	lua_edges[(here ^ (prev_line >> 1)) % LUA_EDGES]++;
	prev_line = here;
}
#endif

void fuzz_finding(const char *fmt, ...)
{
	va_list ap;

	fputs("FINDING: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fuzz_findings++;
#ifdef FUZZ_LIBFUZZER
	abort();
#endif
}

lua_State *fuzz_engine(void)
{
	if (engine)
		return engine;
	engine = host_open();
	if (!engine) {
		fputs("fuzz: cannot start Lua\n", stderr);
		exit(1);
	}
	if (luaL_loadfilex(engine, FUZZ_HARNESS_LUA, "t") != LUA_OK ||
	    lua_pcall(engine, 0, 1, 0) != LUA_OK) {
		fprintf(stderr, "fuzz: %s\n", lua_tostring(engine, -1));
		exit(1);
	}
	harness_ref = luaL_ref(engine, LUA_REGISTRYINDEX);
	fuzz_call(engine, "init", 0);
	fuzz_start(engine);
	/*
	 * Generational collection, as serve.c's states: the state is a large,
	 * long-lived heap (the bundled quizzes, their material) and each input
	 * leaves short-lived garbage.  The incremental collector marked that
	 * whole heap again cycle after cycle: about a fifth of `check`'s time
	 * per input.  Collecting changes nothing an input can observe.
	 */
	lua_gc(engine, LUA_GCGEN, 10, 50);
#ifdef FUZZ_LIBFUZZER
	/* Read through volatile: clang folds a weak const to its default
	 * here (1), so the harnesses' 0 never turned the hook off. */
	if (*(const volatile int *)&fuzz_lua_edges)
		lua_sethook(engine, line_hook, LUA_MASKLINE | LUA_MASKCOUNT, 1 << 30);
#endif
	return engine;
}

void fuzz_call(lua_State *L, const char *fn, int nargs)
{
	int base = lua_gettop(L) - nargs, status;

#ifdef FUZZ_LIBFUZZER
	prev_line = 0;
#endif
	lua_rawgeti(L, LUA_REGISTRYINDEX, harness_ref);
	lua_getfield(L, -1, fn);
	lua_remove(L, -2);
	lua_insert(L, base + 1);
	status = lua_pcall(L, nargs, 1, 0);
	if (status != LUA_OK)
		fuzz_finding("%s: the engine raised an error: %s", fn, lua_tostring(L, -1));
	else if (lua_isstring(L, -1))
		fuzz_finding("%s: %s", fn, lua_tostring(L, -1));
	lua_settop(L, base);
}

static char dir[64];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* The harnesses write only under dir (files, a store, an audio cache):
 * remove it all when the run ends. */
static void remove_dir(void)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* libFuzzer calls this once, before the first input and its timer. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_engine();
	return 0;
}

const char *fuzz_dir(void)
{
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof dir, "%s/tb-fuzz-XXXXXX", tmp && tmp[0] && strlen(tmp) < 40 ?
			 tmp : "/tmp");
		if (!mkdtemp(dir)) {
			perror("fuzz: mkdtemp");
			exit(1);
		}
		atexit(remove_dir);
	}
	return dir;
}

void fuzz_write(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

void fuzz_push_material(lua_State *L, const uint8_t *data, size_t size)
{
	int top = lua_gettop(L), ok;

	lua_newtable(L);                        /* where: positions */
	ok = mat_push_string(L, (const char *)data, size, "doc.md", top + 1);
	if (ok) {
		lua_pushvalue(L, top + 1);
	} else {
		lua_pushnil(L);
		lua_insert(L, -2);
	}
	lua_remove(L, top + 1);
}

void fuzz_split(const uint8_t *data, size_t size, size_t *head, const uint8_t **tail,
		size_t *tail_size)
{
	static const char sep[] = "\n%%%%\n";
	size_t n = sizeof sep - 1;

	*head = size;
	*tail = NULL;
	*tail_size = 0;
	for (size_t i = 0; i + n <= size; i++) {
		if (data[i] == '\n' && memcmp(data + i, sep, n) == 0) {
			*head = i + 1;
			*tail = data + i + n;
			*tail_size = size - i - n;
			return;
		}
	}
}
