/*
 * fuzz_answers.c -- an answers file applied to a bundled quiz and graded
 * to JSON, as `teachback run QUIZ --answers FILE --json` does.  The first
 * byte picks the quiz, the mode and the seed; the rest is the answers file.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushinteger(L, size ? data[0] : 0);
	lua_pushlstring(L, (const char *)data + (size ? 1 : 0), size ? size - 1 : 0);
	fuzz_call(L, "answers", 2);
	return 0;
}
