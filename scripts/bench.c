/*
 * bench.c -- speed and memory figures, each beside a baseline measured in
 * the same run (scripts/bench builds and runs it).
 *
 *  1. load + check of the given quizzes, against libyaml's bare event
 *     parse of the same bytes: the ratio is what our positions, schema,
 *     material and script checks cost on top of reading YAML at all;
 *  2. grading: item-responses scored per second (scripts/bench.lua),
 *     beside the same loop calling an empty function;
 *  3. peak memory (RSS) and the Lua heap after a check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <yaml.h>
#include <lauxlib.h>

#include "teachback.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long bare_parse(const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_event_t e;
	long events = 0;
	int done = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done && yaml_parser_parse(&p, &e)) {
		done = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		events++;
	}
	yaml_parser_delete(&p);
	return events;
}

static int run_lua_file(lua_State *L, const char *path, int nargs, int nres)
{
	char err[TB_ERRLEN], *buf;
	size_t len;

	if (!fs_read(path, TB_MAX_FILE, &buf, &len, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 0;
	}
	if (luaL_loadbufferx(L, buf, len, "@scripts/bench.lua", "t") != LUA_OK) {
		free(buf);
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		return 0;
	}
	free(buf);
	lua_insert(L, -nargs - 1);
	if (lua_pcall(L, nargs, nres, 0) != LUA_OK) {
		fprintf(stderr, "bench: %s\n", lua_tostring(L, -1));
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	int rounds = 50;
	char **files = argv + 1;
	int nfiles = argc - 1;
	size_t bytes = 0;
	long events = 0;
	double t0, bare, full;
	struct rusage ru;
	lua_State *L;

	if (nfiles < 1) {
		fprintf(stderr, "usage: bench QUIZ.yaml...  |  bench --parse-only FILE\n");
		return 2;
	}
	/* The libyaml floor alone, once, for an instruction count (scripts/bench). */
	if (!strcmp(files[0], "--parse-only") && nfiles == 2) {
		char err[TB_ERRLEN], *buf;
		size_t len;

		if (!fs_read(files[1], TB_MAX_FILE, &buf, &len, err, sizeof err))
			return fprintf(stderr, "%s\n", err), 1;
		printf("%ld events\n", bare_parse(buf, len));
		free(buf);
		return 0;
	}
	/* 1. baseline: libyaml alone, then our load + check. */
	t0 = now();
	for (int r = 0; r < rounds; r++) {
		for (int i = 0; i < nfiles; i++) {
			char err[TB_ERRLEN], *buf;
			size_t len;

			if (!fs_read(files[i], TB_MAX_FILE, &buf, &len, err, sizeof err))
				return fprintf(stderr, "%s\n", err), 1;
			events += bare_parse(buf, len);
			if (r == 0)
				bytes += len;
			free(buf);
		}
	}
	bare = (now() - t0) / rounds;

	t0 = now();
	for (int r = 0; r < rounds; r++) {
		L = host_open();
		lua_newtable(L);
		for (int i = 0; i < nfiles; i++) {
			lua_pushstring(L, files[i]);
			lua_rawseti(L, -2, i + 1);
		}
		if (host_call(L, "cli", "check", 1, 4) != LUA_OK)
			return fprintf(stderr, "bench: %s\n", lua_tostring(L, -1)), 1;
		if (lua_tointeger(L, -3) != 0)
			return fprintf(stderr, "bench: the quizzes do not check clean\n"), 1;
		if (r < rounds - 1)
			host_close(L);
	}
	full = (now() - t0) / rounds;

	printf("%-44s %12s %12s %8s\n", "measure", "baseline", "teachback", "ratio");
	printf("%-44s %10.3f ms %10.3f ms %7.1fx\n",
	       "load+check of the quizzes (per run)", bare * 1e3, full * 1e3, full / bare);
	printf("  (%d files, %zu bytes, %ld YAML events; baseline = libyaml event parse;\n"
	       "   teachback = fresh Lua state, YAML with positions, schema, material, scripts)\n",
	       nfiles, bytes, events / rounds);
	printf("%-44s %10.1f KiB\n", "Lua heap after one check",
	       lua_gc(L, LUA_GCCOUNT, 0) + lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0);
	host_close(L);

	/* 2. grading throughput, from scripts/bench.lua. */
	L = host_open();
	lua_newtable(L);
	for (int i = 0; i < nfiles; i++) {
		lua_pushstring(L, files[i]);
		lua_rawseti(L, -2, i + 1);
	}
	if (!run_lua_file(L, "scripts/bench.lua", 1, 6))
		return 1;
	{
		double n = lua_tonumber(L, -6), secs = lua_tonumber(L, -5);
		double bn = lua_tonumber(L, -4), bsecs = lua_tonumber(L, -3);
		double tn = lua_tonumber(L, -2), tsecs = lua_tonumber(L, -1);

		printf("%-44s %10.0f/s %10.0f/s %7.1fx\n", "item-responses graded per second",
		       bn / bsecs, n / secs, (bn / bsecs) / (n / secs));
		printf("  (baseline = the same loop calling an empty Lua function; %.0f responses)\n", n);
		if (tn > 0)
			printf("%-44s %12s %10.0f/s\n", "teach-back answers graded per second", "",
			       tn / tsecs);
	}
	host_close(L);

	/* 3. exports and the GIFT reader, from scripts/bench_interop.lua. */
	L = host_open();
	lua_newtable(L);
	for (int i = 0; i < nfiles; i++) {
		lua_pushstring(L, files[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_pushstring(L, "build/bench-1mib.gift");
	if (!run_lua_file(L, "scripts/bench_interop.lua", 2, 1))
		return 1;
	fputs(lua_tostring(L, -1), stdout);
	host_close(L);

	getrusage(RUSAGE_SELF, &ru);
	printf("%-44s %10ld KiB\n", "peak resident memory (whole run)", ru.ru_maxrss);
	return 0;
}
