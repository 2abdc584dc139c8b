/*
 * fuzz_csvc.c -- csv.c's reader alone, fast: harness.lua's csvc parses the
 * input with the csv library's parse, checks each record and field
 * against the text at its position, every problem's position, that no
 * line is dropped unreported, and that the records written as CSV read
 * back the same.  No sheet, no grading: those are the `csv` harness's.
 */
#include "fuzz.h"

/* Only harness.lua's checks run in Lua: no line hook. */
const int fuzz_lua_edges = 0;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();

	lua_pushlstring(L, (const char *)data, size);
	fuzz_call(L, "csvc", 1);
	return 0;
}
