/*
 * fuzz_material.c -- the Markdown material loader: front matter and
 * sections (material.c), then the schema's check of the document and the
 * passages an explanation would cite (material.lua).
 */
#include "teachback.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();
	int top = lua_gettop(L), ok;

	lua_newtable(L);                        /* where: positions */
	ok = mat_push_string(L, (const char *)data, size, "doc.md", top + 1);
	if (ok) {
		lua_pushvalue(L, top + 1);
	} else {
		lua_pushnil(L);
		lua_insert(L, -2);
	}
	lua_remove(L, top + 1);
	fuzz_call(L, "material", 2);            /* (doc, where) or (nil, message) */
	return 0;
}
