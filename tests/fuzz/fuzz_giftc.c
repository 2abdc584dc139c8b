/*
 * fuzz_giftc.c -- the GIFT reader alone, fast: harness.lua's giftc reads
 * the input with formats/gift.lua's LPeg grammar and again with its line
 * reader, and fails when the two differ (records or error) or an error
 * does not name its place.  No import or YAML: those are `import`'s.
 */
#include "fuzz.h"

/* Only harness.lua's checks and the reader run in Lua: no line hook. */
const int fuzz_lua_edges = 0;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushlstring(L, (const char *)data, size);
	fuzz_call(L, "giftc", 1);
	return 0;
}
