/*
 * fuzz_serve.c -- HTTP requests through the web's Lua (web.handle), as
 * `teachback serve` hands them over, and each response through serve.c's
 * serve_response, as it is sent.  libmicrohttpd parses the wire itself;
 * the input is what it would hand over, one or more requests in a plain
 * format (tests/fuzz/harness.lua, H.serve, says it): "METHOD TARGET",
 * header lines, a blank line, the body, and "%%%%" before the next.  The
 * store is a throw-away SQLite file in the harness's folder, emptied after
 * each input that posted; read-aloud audio is cached there too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <lauxlib.h>
#include <microhttpd.h>

#include "teachback.h"
#include "fuzz.h"

struct headers {
	lua_State *L;
	lua_Integer n;
};

static enum MHD_Result add_pair(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	struct headers *h = cls;

	(void)kind;
	lua_createtable(h->L, 2, 0);
	lua_pushstring(h->L, key ? key : "");
	lua_rawseti(h->L, -2, 1);
	lua_pushstring(h->L, value ? value : "");
	lua_rawseti(h->L, -2, 2);
	lua_rawseti(h->L, -2, ++h->n);
	return MHD_YES;
}

/*
 * fuzz_sent(response) -> status, {{name, value}, ...}: what serve.c would
 * send for the table web.handle returned (the body is the table's own).
 */
static int fuzz_sent(lua_State *L)
{
	unsigned status;
	struct MHD_Response *r;
	struct headers h = { L, 0 };

	lua_settop(L, 1);
	r = serve_response(L, &status);
	if (!r)
		return luaL_error(L, "serve_response made no response (out of memory)");
	lua_pushinteger(L, status);
	lua_newtable(L);
	MHD_get_response_headers(r, add_pair, &h);
	MHD_destroy_response(r);
	return 2;
}

static int fuzz_trace(lua_State *L)
{
	fprintf(stderr, "serve: %s\n", luaL_checkstring(L, 1));
	return 0;
}

/* Before the first input: loading every quiz is not an input's time. */
void fuzz_start(lua_State *L)
{
	char cache[128], err[TB_ERRLEN];

	/* serve.c calls libmicrohttpd through what this opens */
	if (!serve_load_library("libmicrohttpd.so.12", err, sizeof err)) {
		fprintf(stderr, "fuzz: %s\n", err);
		exit(1);
	}
	/* speech.lua's cache of read-aloud audio, in the private folder */
	snprintf(cache, sizeof cache, "%s/cache", fuzz_dir());
	setenv("XDG_CACHE_HOME", cache, 1);
	lua_register(L, "fuzz_sent", fuzz_sent);
	/* FUZZ_SERVE_TRACE=1: each request and its status, for writing seeds */
	if (getenv("FUZZ_SERVE_TRACE"))
		lua_register(L, "fuzz_trace", fuzz_trace);
	lua_pushstring(L, fuzz_dir());
	fuzz_call(L, "serve_init", 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushlstring(L, (const char *)data, size);
	fuzz_call(L, "serve", 1);
	return 0;
}
