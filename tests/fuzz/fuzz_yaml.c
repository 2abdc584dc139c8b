/*
 * fuzz_yaml.c -- the YAML loader: bytes to a Lua value with a position for
 * every node (yaml.c), or one message at FILE:LINE:COL.
 */
#include "fuzz.h"

/* Only harness.lua's few lines of checks run in Lua: no line hook. */
const int fuzz_lua_edges = 0;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushlstring(L, (const char *)data, size);
	fuzz_call(L, "yaml", 1);
	return 0;
}
