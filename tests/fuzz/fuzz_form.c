/*
 * fuzz_form.c -- a posted form as the web reads it, fast: the first two
 * bytes pick a bundled question and a phase of its attempt, the rest is
 * the body (application/x-www-form-urlencoded), which harness.lua's form
 * decodes with webform.decode, checks against its own reading, and turns
 * into the line the dialogue would be fed (webform.line).  No page and no
 * store: those are the `serve` harness's.
 */
#include "fuzz.h"

/* Only harness.lua's checks and webform.lua run in Lua: no line hook. */
const int fuzz_lua_edges = 0;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();
	size_t skip = size < 2 ? size : 2;

	lua_pushinteger(L, size >= 2 ? (data[0] << 8 | data[1]) : size ? data[0] : 0);
	lua_pushlstring(L, (const char *)data + skip, size - skip);
	fuzz_call(L, "form", 2);
	return 0;
}
