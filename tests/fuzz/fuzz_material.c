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

	fuzz_push_material(L, data, size);
	fuzz_call(L, "material", 2);            /* (doc, where) or (nil, message) */
	return 0;
}
