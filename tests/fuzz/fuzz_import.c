/*
 * fuzz_import.c -- the GIFT and Moodle XML importers (formats/gift.lua,
 * formats/moodlexml.lua and its xml.lua).  The first byte picks the
 * format (even: GIFT, odd: Moodle XML); the rest is the file.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushinteger(L, size ? data[0] : 0);
	lua_pushlstring(L, (const char *)data + (size ? 1 : 0), size ? size - 1 : 0);
	fuzz_call(L, "import", 2);
	return 0;
}
