/*
 * fuzz_csv.c -- the CSV sheet reader (csv.c, csvsheet.lua) and the grading
 * of its rows, as `teachback grade` does.  The first byte picks the
 * bundled quiz; the rest is the sheet, written to a file because the
 * reader reads one.
 */
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();
	char sheet[128];

	snprintf(sheet, sizeof sheet, "%s/sheet.csv", fuzz_dir());
	fuzz_write(sheet, data + (size ? 1 : 0), size ? size - 1 : 0);
	lua_pushinteger(L, size ? data[0] : 0);
	lua_pushstring(L, sheet);
	fuzz_call(L, "csv", 2);
	unlink(sheet);
	return 0;
}
