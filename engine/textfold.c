/*
 * textfold.c -- text matched the way the rules compare it.
 *
 * host.fold(s): the ASCII half of the normal form texts are
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
 *
 * host.find_any(s, needles, init, whole): where the first of a few words
 * stands in s, in one call, for the rules that look for any of a list of
 * words (lint.lua: "not", "except" ... in a stem; "always", "never" ... in
 * an option's normal form), which called find once a word, or sub once a
 * word of the text.  Which words, and what their presence means, is Lua's.
 *
 * host.add_words(set, texts, min): the whole words of teach-back phrases
 * as the speller takes them into its vocabulary (types/teachback.lua),
 * a list of them in one call, where Lua ran a find, two gsubs, a fold and
 * a gmatch over each phrase: 11.7 M of a graded attempt's 32.8 M
 * instructions, for the lexicon's 935 phrases.  Which phrases, and how
 * long a word must be, is Lua's.
 *
 * host.word_set(s): the set of the runs of letters in s, what
 * `for w in s:gmatch("%a+") do set[w] = true end` gives in the C locale,
 * in a table sized once: the rules' word lists are each written as one
 * string (lexicon.lua, types/teachback.lua), and cutting them with gmatch
 * at every start cost a graded attempt about a million instructions.
 *
 * host.stemmer(irregular, keep): teach-back's stem of a word
 * (types/teachback.lua, M.stem_rules, which says the steps) as a C
 * function over those two tables: the same stem for every word
 * (tests/lua/test_fold.lua), where the Lua, a pattern or a sub for each
 * test, cost some 5,000 instructions a word: every new word of an answer
 * and of the class-word sets.  Which words are irregular or kept is Lua's.
 *
 * host.lists(packed): a table of lists of strings, each list written as
 * one string of its entries with a newline after each but the last, cut
 * into its list the first time its key is read (or every one at the first
 * pairs): the lexicon's classes, 1,166 phrases, are packed so at build
 * time (scripts/lexclasses.lua), since each phrase a constant of the
 * module cost every command that loads it some 370 instructions, and an
 * answer reads a few classes.  Which lists, and what is in them, is Lua's.
 *
 * host.sorted_set(words): a set of the words of a sorted list (each ended
 * by a newline but the last), looked up in the string by bisection, made
 * into a table only when walked with pairs or once it has been read more
 * than a quarter as many times as it has words: the speller's 346 words of
 * the lexicon (scripts/lexvocab.lua) cost every start 0.13 M instructions
 * as a table, and an answer looks up a few.
 *
 * host.lazy_sets(packed) -> an __index for a module whose word sets are
 * packed, each as the string of its sorted words, one a line: the set, a
 * sorted_set of them, is made and kept in the module the first time it is
 * read.  The lexicon's sets (scripts/lexclasses.lua) cost every start some
 * 0.3 M instructions, and an answer reads a few of them; made whole at
 * their first read they still cost a graded attempt 0.16 M, mostly for
 * the 184 words the speller never changes, of which it reads one.
 *
 * host.squash(s): each run of white space (Lua's %s in the C locale:
 * space, \t, \n, \v, \f, \r) one space, none at either end, as
 * util.trim((s:gsub("%s+", " "))) gives; material.lua makes every
 * paragraph of the material so, where the pattern read each byte of the
 * text class by class.
 */
#include <limits.h>
#include <string.h>

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

#define MAX_NEEDLES 64

static int same_ascii_case(const unsigned char *s, const char *needle, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char c = s[k];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char)needle[k])
			return 0;
	}
	return 1;
}

/*
 * host.find_any(s, needles [, init [, whole]]) -> where, needle | nil
 *
 * The first place at or after byte init (default 1) where one of needles
 * (a list of at most 64 non-empty strings, written in lower case) stands
 * in s, ASCII letters of s read in either case, and that needle; at one
 * place, the first needle of the list.  whole: only a needle that is a
 * whole word, s's words parted by single spaces (a normal form).
 */
static int l_find_any(lua_State *L)
{
	size_t len, n, nl[MAX_NEEDLES];
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
	lua_Integer init = luaL_optinteger(L, 3, 1);
	int whole = lua_toboolean(L, 4), first;
	const char *nd[MAX_NEEDLES];

	luaL_checktype(L, 2, LUA_TTABLE);
	n = lua_rawlen(L, 2);
	luaL_argcheck(L, n <= MAX_NEEDLES, 2, "at most 64 needles");
	lua_settop(L, 2);
	luaL_checkstack(L, (int)n, "host.find_any");
	first = lua_gettop(L) + 1;
	for (size_t i = 0; i < n; i++) {
		lua_rawgeti(L, 2, (lua_Integer)i + 1);   /* stays on the stack: anchored */
		if (lua_type(L, -1) != LUA_TSTRING)
			return luaL_argerror(L, 2, "needles must be strings");
		nd[i] = lua_tolstring(L, -1, &nl[i]);
		luaL_argcheck(L, nl[i] > 0, 2, "an empty needle");
	}
	if (init < 1)
		init = 1;
	for (size_t p = (size_t)init - 1; init <= (lua_Integer)len && p < len; p++) {
		if (whole && p > 0 && s[p - 1] != ' ')
			continue;
		for (size_t i = 0; i < n; i++) {
			if (nl[i] > len - p || (whole && p + nl[i] < len && s[p + nl[i]] != ' '))
				continue;
			if (same_ascii_case(s + p, nd[i], nl[i])) {
				lua_pushinteger(L, (lua_Integer)p + 1);
				lua_pushvalue(L, first + (int)i);
				return 2;
			}
		}
	}
	lua_pushnil(L);
	return 1;
}

static int is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* host.squash(s) -> s with its white space squashed (above) */
static int l_squash(lua_State *L)
{
	size_t len, n = 0, i;
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);
	int pending = 0;
	luaL_Buffer b;
	char *out;

	for (i = 0; i < len; i++)       /* already squashed: s itself, uncopied */
		if (is_space(s[i]) &&
		    (i == 0 || i == len - 1 || s[i] != ' ' || is_space(s[i + 1])))
			break;
	if (i == len) {
		lua_settop(L, 1);
		return 1;
	}
	out = luaL_buffinitsize(L, &b, len);
	for (i = 0; i < len; i++) {
		if (is_space(s[i])) {
			pending = n > 0;
			continue;
		}
		if (pending) {
			out[n++] = ' ';
			pending = 0;
		}
		out[n++] = (char)s[i];
	}
	luaL_pushresultsize(&b, n);
	return 1;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* set[w] = true for each run of at least min letters in s[a..b), lower-cased. */
static void add_letter_runs(lua_State *L, const unsigned char *s, size_t a, size_t b,
			    size_t min, char *low)
{
	size_t i = a;

	while (i < b) {
		size_t start;

		while (i < b && !is_letter(s[i]))
			i++;
		for (start = i; i < b && is_letter(s[i]); i++)
			low[i] = (char)(s[i] | 0x20);
		if (i - start >= min) {
			lua_pushlstring(L, low + start, i - start);
			lua_pushboolean(L, 1);
			lua_rawset(L, 1);
		}
	}
}

/* host.word_set(s) -> {w = true, ...} for each run w of ASCII letters in s (above) */
static int l_word_set(lua_State *L)
{
	size_t len, runs = 0, i = 0;
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &len);

	for (size_t k = 0; k < len; k++)
		if (is_letter(s[k]) && (k == 0 || !is_letter(s[k - 1])))
			runs++;
	lua_createtable(L, 0, runs > INT_MAX ? INT_MAX : (int)runs);
	while (i < len) {
		size_t start;

		while (i < len && !is_letter(s[i]))
			i++;
		for (start = i; i < len && is_letter(s[i]); i++)
			;
		if (i > start) {
			lua_pushlstring(L, (const char *)s + start, i - start);
			lua_pushboolean(L, 1);
			lua_rawset(L, -3);
		}
	}
	return 1;
}

/* Has s a byte 0xC2-0xF4, which may start a character textnorm maps? */
static int has_wide(const unsigned char *s, size_t len)
{
	for (size_t k = 0; k < len; k++)
		if (s[k] >= 0xC2 && s[k] <= 0xF4)
			return 1;
	return 0;
}

/* The words of one text into the set at stack slot 1 (below). */
static void add_text_words(lua_State *L, const unsigned char *s, size_t len, size_t min,
			   char *low)
{
	size_t i = 0;

	while (i < len) {
		size_t a, star = 0;

		while (i < len && is_space(s[i]))
			i++;
		for (a = i; i < len && !is_space(s[i]); i++)
			if (s[i] == '*' && i > a)
				star = i;
		add_letter_runs(L, s, star ? star + 1 : a, i, min, low);
	}
}

/*
 * host.add_words(set, texts, min) -> true | false
 *
 * set[w] = true for each word w of at least min letters (min >= 1) in
 * texts (a text, or a list of them), lower-cased, leaving out in each run
 * of non-space bytes what stands up to its last '*' after its first byte
 * (a prefix such as "biops*", matched as a prefix, is no whole word): what
 *
 *     textnorm.normalize(text:gsub("%S+%*", " "):gsub("[<>%*]", " "))
 *
 * then gmatch("%a+") gives in the C locale.  Texts of which one has a
 * byte 0xC2-0xF4, which may start a character textnorm maps to letters
 * ("é"), are Lua's: false, set unchanged.
 */
static int l_add_words(lua_State *L)
{
	size_t len, most = 0, n = 1;
	const unsigned char *s;
	lua_Integer min;
	int list;
	char *low;

	luaL_checktype(L, 1, LUA_TTABLE);
	list = lua_type(L, 2) == LUA_TTABLE;
	if (!list)
		luaL_checkstring(L, 2);
	min = luaL_checkinteger(L, 3);
	luaL_argcheck(L, min >= 1, 3, "at least 1");
	lua_settop(L, 3);
	if (list)
		n = lua_rawlen(L, 2);
	for (size_t k = 1; k <= n; k++) {       /* first: all are C's, or none */
		if (list && lua_rawgeti(L, 2, (lua_Integer)k) != LUA_TSTRING)
			return luaL_argerror(L, 2, "a list of texts");
		s = (const unsigned char *)lua_tolstring(L, list ? -1 : 2, &len);
		if (has_wide(s, len)) {
			lua_pushboolean(L, 0);
			return 1;
		}
		if (len > most)
			most = len;
		lua_settop(L, 3);
	}
	low = lua_newuserdatauv(L, most + 1, 0);       /* each word lower-cased here */
	for (size_t k = 1; k <= n; k++) {
		if (list)
			lua_rawgeti(L, 2, (lua_Integer)k);
		s = (const unsigned char *)lua_tolstring(L, list ? -1 : 2, &len);
		add_text_words(L, s, len, (size_t)min, low);
		lua_settop(L, 4);
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* A vowel for the stem's tests: a e i o u y. */
static int stem_vowel(unsigned char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* t[w] is neither nil nor false, w being buf[0..n) (a Lua index). */
static int stem_in(lua_State *L, int t, const char *buf, size_t n)
{
	int in;

	lua_pushlstring(L, buf, n);
	lua_gettable(L, t);
	in = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return in;
}

/*
 * The stem of the word at index 1; upvalue 1 is IRREGULAR, 2 KEEP.  Each
 * step is M.stem_rules's, in its order.
 */
static int l_stem(lua_State *L)
{
	static const char *const suffixes[] = {"ing", "est", "ed", "er"};
	char small[64], *buf;
	const char *w;
	size_t n;
	int cut = 0;

	luaL_checkstring(L, 1);
	lua_pushvalue(L, 1);
	if (lua_gettable(L, lua_upvalueindex(1)) == LUA_TNIL || !lua_toboolean(L, -1)) {
		lua_pop(L, 1);
		lua_pushvalue(L, 1);
	}
	/* 0. w = IRREGULAR[w] or w: now at the top, and the answer if kept. */
	w = luaL_checklstring(L, -1, &n);
	if (n <= 3)
		return 1;
	for (size_t i = 0; i < n; i++)
		if ((w[i] >= '0' && w[i] <= '9') || (unsigned char)w[i] >= 0x80)
			return 1;
	if (stem_in(L, lua_upvalueindex(2), w, n))
		return 1;
	/* (w stays on the stack, so it stays alive; a long word gets a block.) */
	buf = n <= sizeof small ? small : lua_newuserdatauv(L, n, 0);
	memcpy(buf, w, n);
	/* 1. -ies -> -y; -s dropped but after s, u, i. */
	if (n >= 5 && memcmp(buf + n - 3, "ies", 3) == 0) {
		buf[n - 3] = 'y';
		n -= 2;
	} else if (buf[n - 1] == 's' && n >= 4) {
		char b = buf[n - 2];

		if (b != 's' && b != 'u' && b != 'i')
			n--;
	}
	if (stem_in(L, lua_upvalueindex(2), buf, n)) {
		lua_pushlstring(L, buf, n);
		return 1;
	}
	/* 2. the first ending that fits: -ing, -est, -ed, -er; else -ly. */
	for (int i = 0; i < 4; i++) {
		size_t k = strlen(suffixes[i]);

		if (n >= k + 3 && memcmp(buf + n - k, suffixes[i], k) == 0) {
			int vowel = 0;

			for (size_t j = 0; j < n - k; j++)
				vowel |= stem_vowel((unsigned char)buf[j]);
			if (vowel && !(i == 2 && buf[n - k - 1] == 'e')) {
				n -= k;
				cut = 1;
			}
			break;
		}
	}
	if (!cut && n >= 6 && buf[n - 2] == 'l' && buf[n - 1] == 'y' &&
	    !stem_vowel((unsigned char)buf[n - 3]))
		n -= 2;
	/* 3. a doubled final consonant but l, s, z undoubled. */
	if (cut && n >= 4 && buf[n - 2] == buf[n - 1] && !memchr("aeioulsz", buf[n - 1], 8))
		n--;
	/* 4. a final e dropped. */
	if (n >= 4 && buf[n - 1] == 'e')
		n--;
	lua_pushlstring(L, buf, n);
	return 1;
}

/* host.stemmer(irregular, keep) -> stem(w), the function above over them */
static int l_stemmer(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_checktype(L, 2, LUA_TTABLE);
	lua_settop(L, 2);
	lua_pushcclosure(L, l_stem, 2);
	return 1;
}

/* The list packed as the string at the top, replacing it: its entries,
 * each ended by a newline but the last ("" is no entry). */
static void lists_cut(lua_State *L)
{
	size_t n;
	const char *s = lua_tolstring(L, -1, &n), *end = s + n;
	lua_Integer k = 0;

	lua_createtable(L, 8, 0);
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;

		lua_pushlstring(L, s, (size_t)(e - s));
		lua_rawseti(L, -2, ++k);
		s = nl ? nl + 1 : end;
	}
	lua_remove(L, -2);
}

/* __index(t, key): the list packed under key, cut and kept in t. */
static int lists_index(lua_State *L)
{
	lua_settop(L, 2);
	if (!lua_getmetatable(L, 1) || lua_getfield(L, -1, "packed") != LUA_TTABLE) {
		lua_pushnil(L);                         /* all cut already (pairs) */
		return 1;
	}
	lua_pushvalue(L, 2);
	if (lua_rawget(L, -2) != LUA_TSTRING)
		return 1;                               /* no such list: nil */
	lists_cut(L);
	lua_pushvalue(L, 2);
	lua_pushvalue(L, -2);
	lua_rawset(L, 1);
	lua_pushvalue(L, 2);
	lua_pushnil(L);
	lua_rawset(L, -4);                              /* packed[key] = nil */
	return 1;
}

/* __pairs(t): every list cut, then next, t, nil. */
static int lists_pairs(lua_State *L)
{
	lua_settop(L, 1);
	if (lua_getmetatable(L, 1) && lua_getfield(L, -1, "packed") == LUA_TTABLE) {
		lua_pushnil(L);
		while (lua_next(L, 3)) {
			if (lua_type(L, -1) == LUA_TSTRING) {
				lists_cut(L);
				lua_pushvalue(L, -2);
				lua_insert(L, -2);
				lua_rawset(L, 1);
			} else {
				lua_pop(L, 1);
			}
		}
		lua_pushnil(L);
		lua_setfield(L, 2, "packed");           /* all cut: a plain table now */
	}
	lua_getglobal(L, "next");
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/*
 * A new empty table read through index and pairs, which find what they
 * read (argument 1) in its metatable under `field`: the lists are such a
 * view.  (The sets below keep their words in their functions' upvalues,
 * with a count of reads.)
 */
static int push_view(lua_State *L, const char *field, lua_CFunction index, lua_CFunction pairs)
{
	lua_settop(L, 1);
	lua_newtable(L);
	lua_createtable(L, 0, 3);
	lua_pushvalue(L, 1);
	lua_setfield(L, -2, field);
	lua_pushcfunction(L, index);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, pairs);
	lua_setfield(L, -2, "__pairs");
	lua_setmetatable(L, -2);
	return 1;
}

/* host.lists(packed) -> t, packed's lists as above */
static int l_lists(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	return push_view(L, "packed", lists_index, lists_pairs);
}

/* ---- sets of sorted words, looked up in place ------------------------- */

/* Is k (klen bytes) one of the words of s (n bytes: sorted, each ended by a
 * newline but the last)?  Bisection on byte offsets; each probe reads the
 * word it falls in. */
static int words_hold(const char *s, size_t n, const char *k, size_t klen)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, a = mid, b;
		int c;

		while (a > lo && s[a - 1] != '\n')
			a--;
		for (b = a; b < n && s[b] != '\n'; b++)
			;
		c = memcmp(k, s + a, klen < b - a ? klen : b - a);
		if (c == 0)
			c = klen < b - a ? -1 : klen > b - a;
		if (c == 0)
			return 1;
		if (c < 0)
			hi = a;
		else
			lo = b + 1;
	}
	return 0;
}

/* The view at index 1 made a plain table: each word of its upvalue 1 a key
 * (true), its metatable gone. */
static void view_made(lua_State *L)
{
	size_t n, i = 0;
	const char *s = lua_tolstring(L, lua_upvalueindex(1), &n);

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n;

		lua_pushlstring(L, s + i, e - i);
		lua_pushboolean(L, 1);
		lua_rawset(L, 1);
		i = e + 1;
	}
	lua_pushnil(L);
	lua_setmetatable(L, 1);
}

/* __index(t, key) of a view: true where key is one of the words (upvalue 1),
 * else nil; upvalue 2 counts down the reads left before it is made a table
 * (view_made), and the table answers. */
static int view_index(lua_State *L)
{
	lua_Integer left = lua_tointeger(L, lua_upvalueindex(2));
	size_t n, klen;
	const char *s, *k;

	lua_settop(L, 2);
	if (left <= 0) {
		view_made(L);
		lua_rawget(L, 1);
		return 1;
	}
	lua_pushinteger(L, left - 1);
	lua_replace(L, lua_upvalueindex(2));
	if (lua_type(L, 2) != LUA_TSTRING) {
		lua_pushnil(L);
		return 1;
	}
	s = lua_tolstring(L, lua_upvalueindex(1), &n);
	k = lua_tolstring(L, 2, &klen);
	if (words_hold(s, n, k, klen))
		lua_pushboolean(L, 1);
	else
		lua_pushnil(L);
	return 1;
}

/* __pairs(t) of a view: made a table (view_made), then next, t, nil. */
static int view_pairs(lua_State *L)
{
	lua_settop(L, 1);
	view_made(L);
	lua_getglobal(L, "next");
	lua_insert(L, 1);
	lua_pushnil(L);
	return 3;
}

/*
 * A new empty table, the set of the words of the string at index w
 * (sorted, each ended by a newline but the last) read through its
 * metatable: looked up by bisection until it has been read more than a
 * quarter as many times as it has words, then made a plain table, as it is
 * at the first pairs.  A set read a few times never pays for a table of
 * its words (some 500 instructions a word), and one read often pays once.
 */
static int push_set_view(lua_State *L, int w)
{
	size_t n;
	const char *s = lua_tolstring(L, w, &n);
	lua_Integer words = n > 0;

	for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
		words++;
	w = lua_absindex(L, w);
	/* (Sized for its words now: made a table later, it would grow by
	 * rehashing.) */
	lua_createtable(L, 0, words > INT_MAX ? INT_MAX : (int)words);
	lua_createtable(L, 0, 2);
	lua_pushvalue(L, w);
	lua_pushinteger(L, words / 4 + 1);
	lua_pushcclosure(L, view_index, 2);
	lua_setfield(L, -2, "__index");
	lua_pushvalue(L, w);
	lua_pushcclosure(L, view_pairs, 1);
	lua_setfield(L, -2, "__pairs");
	lua_setmetatable(L, -2);
	return 1;
}

/* __index(t, key): the set packed under key (upvalue 1), its view made and
 * kept in t. */
static int lazy_set_index(lua_State *L)
{
	lua_settop(L, 2);
	lua_pushvalue(L, 2);
	if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TSTRING) {
		lua_pushnil(L);
		return 1;
	}
	push_set_view(L, -1);
	lua_pushvalue(L, 2);
	lua_pushvalue(L, -2);
	lua_rawset(L, 1);
	lua_pushvalue(L, 2);
	lua_pushnil(L);
	lua_rawset(L, lua_upvalueindex(1));
	return 1;
}

/* host.lazy_sets(packed) -> __index, as above */
static int l_lazy_sets(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	lua_pushcclosure(L, lazy_set_index, 1);
	return 1;
}

/* host.sorted_set(words) -> the set's view (above) */
static int l_sorted_set(lua_State *L)
{
	luaL_checkstring(L, 1);
	return push_set_view(L, 1);
}

void fold_register(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{"add_words", l_add_words},
		{"word_set", l_word_set},
		{"squash", l_squash},
		{"fold", l_fold},
		{"find_any", l_find_any},
		{"stemmer", l_stemmer},
		{"lists", l_lists},
		{"lazy_sets", l_lazy_sets},
		{"sorted_set", l_sorted_set},
		{NULL, NULL}
	};

	luaL_setfuncs(L, fns, 0);
}
