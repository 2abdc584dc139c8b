/*
 * textfold.c -- host.fold(s): the ASCII half of the normal form texts are
 * compared in (textnorm.lua), in one pass: ASCII letters lower-cased,
 * each run of ASCII punctuation, control characters and white space one
 * space, none at either end.  It is what
 *
 *     s:lower():gsub("[%p%c%s]+", " ") with one space trimmed at each end
 *
 * gives in the C locale (the engine's), which lint and the matchers ran
 * on every option and prompt of a file: a lower-cased copy, a pattern
 * read class by class for every byte, then a trimmed copy.  Which
 * characters fold to what beyond ASCII (accents, dashes, quotes) is
 * textnorm.lua's table; the second result says whether s holds a byte
 * that may start such a character (0xC2 to 0xF4), so Lua maps those
 * first and folds what its map gives.
 */
#include <lauxlib.h>

#include "teachback.h"

/* 1: punctuation, a control character or white space (Lua's %p, %c, %s). */
static const unsigned char gap[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* space ! " # $ % & ' ( ) * + , - . / */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	/* 0-9, then : ; < = > ? */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
	/* @ A-O */
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* P-Z [ \ ] ^ _ */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
	/* ` a-o */
	1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* p-z { | } ~ DEL */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
};

/* Is s already in its folded form?  Then it is its own result, uncopied. */
static int folded(const unsigned char *s, size_t len)
{
	if (len && (s[0] == ' ' || s[len - 1] == ' '))
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			return 0;
		if (gap[s[i]] && (s[i] != ' ' || s[i + 1] == ' '))
			return 0;       /* (s[len - 1] is no space: s[i + 1] is in s) */
	}
	return 1;
}

/* host.fold(s) -> folded s, whether s has a byte 0xC2-0xF4 */
static int l_fold(lua_State *L)
{
	size_t len, n = 0;
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
	int wide = 0, pending = 0;
	luaL_Buffer b;
	char *out;

	for (size_t i = 0; i < len && !wide; i++)
		wide = s[i] >= 0xC2 && s[i] <= 0xF4;
	if (folded(s, len)) {
		lua_pushvalue(L, 1);
		lua_pushboolean(L, wide);
		return 2;
	}
	out = luaL_buffinitsize(L, &b, len);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];

		if (gap[c]) {
			pending = n > 0;        /* a gap before the first word is dropped */
			continue;
		}
		if (pending) {
			out[n++] = ' ';
			pending = 0;
		}
		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	luaL_pushresultsize(&b, n);      /* a gap at the end is dropped too */
	lua_pushboolean(L, wide);
	return 2;
}

void fold_register(lua_State *L)
{
	lua_pushcfunction(L, l_fold);
	lua_setfield(L, -2, "fold");
}
