/*
 * fuzz_teachback.c -- the teach-back matcher on arbitrary text, and the
 * same text typed at a session's prompt.  The first byte picks one of the
 * bundled teach-back questions; the rest is what the learner says.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushinteger(L, size ? data[0] : 0);
	lua_pushlstring(L, (const char *)data + (size ? 1 : 0), size ? size - 1 : 0);
	fuzz_call(L, "teachback", 2);
	return 0;
}
