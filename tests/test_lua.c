/*
 * test_lua.c -- runs the Lua-level tests (tests/lua/test_*.lua) inside the
 * same Lua state the binary uses, with the engine's embedded modules.
 *
 * Usage: test_lua [DIR] [NAME-FILTER]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "teachback.h"

static int load_file(lua_State *L, const char *path)
{
	char err[TB_ERRLEN], *buf, name[512];
	size_t len;
	int status;

	if (!fs_read(path, TB_MAX_FILE, &buf, &len, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 0;
	}
	snprintf(name, sizeof name, "@%s", path);
	status = luaL_loadbufferx(L, buf, len, name, "t");
	free(buf);
	if (status != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		lua_pop(L, 1);
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/lua";
	const char *filter = argc > 2 ? argv[2] : NULL;
	char path[1024];
	lua_State *L = host_open();
	int T, files, bad = 0;
	long passed, failed;

	snprintf(path, sizeof path, "%s/harness.lua", dir);
	if (!L || !load_file(L, path) || lua_pcall(L, 0, 1, 0) != LUA_OK) {
		fprintf(stderr, "test_lua: cannot start the harness: %s\n",
			L ? lua_tostring(L, -1) : "no Lua state");
		return 1;
	}
	T = lua_gettop(L);
	fs_list(L, dir, ".lua", 0);
	files = (int)luaL_len(L, -1);
	for (int i = 1; i <= files; i++) {
		const char *f;

		lua_rawgeti(L, -1, i);
		f = lua_tostring(L, -1);
		if (strstr(f, "/test_")) {
			lua_pushstring(L, f);
			lua_setfield(L, T, "current_file");
			if (!load_file(L, f)) {
				bad++;
			} else {
				lua_pushvalue(L, T);
				if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
					fprintf(stderr, "%s\n", lua_tostring(L, -1));
					lua_pop(L, 1);
					bad++;
				}
			}
		}
		lua_pop(L, 1);
	}
	lua_getfield(L, T, "run");
	if (filter)
		lua_pushstring(L, filter);
	else
		lua_pushnil(L);
	if (lua_pcall(L, 1, 3, 0) != LUA_OK) {
		fprintf(stderr, "test_lua: %s\n", lua_tostring(L, -1));
		return 1;
	}
	passed = (long)lua_tointeger(L, -3);
	failed = (long)lua_tointeger(L, -2) + bad;
	if (lua_isstring(L, -1))
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
	printf("lua: %ld passed, %ld failed\n", passed, failed);
	host_close(L);
	return failed ? 1 : 0;
}
