/*
 * fuzz_matc.c -- material.c alone, fast: mat_push_string on the input as
 * fuzz_material.c calls it, then harness.lua's matc re-derives from the
 * input what the sections must be (lines, levels, titles, ids, text) and
 * checks every position and message against the input's lines.  No
 * schema, no passages: those are the `material` harness's.
 */
#include "teachback.h"
#include "fuzz.h"

/* Only harness.lua's checks run in Lua: no line hook. */
const int fuzz_lua_edges = 0;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	fuzz_push_material(L, data, size);
	lua_pushlstring(L, (const char *)data, size);
	fuzz_call(L, "matc", 3);                /* (doc, where, text) or (nil, message, text) */
	return 0;
}
