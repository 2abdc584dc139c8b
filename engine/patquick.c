/*
 * patquick.c -- string.gsub answered at once when the pattern can match
 * nowhere in the subject.
 *
 * Lua's matcher tries the pattern at every position of the subject, a
 * call of match() a byte, even when an item of the pattern that must
 * match is a byte or a class the subject does not hold: the rules clean
 * every text with a row of gsubs for curly quotes, dashes, contractions
 * and "e.g." that an answer seldom has.  Here the pattern is read as
 * lstrlib.c (Lua 5.4) reads it; when some item that must match at least
 * once (no '*', '?' or '-' after it) matches no byte of the subject, no
 * position can match, and the answer is the one the library gives for no
 * match: the subject itself and 0.  Else, and when the call is anything
 * but the plain case (an anchored pattern, a subject or pattern that is
 * a number, a fourth argument), the library's own gsub answers, as
 * before: the same results and the same errors.  (find and match were
 * tried too: most of theirs are anchored or plain, already quick, and the
 * test cost more than it saved.)
 *
 * Whether a byte is in a class (%a, %s, ...) is the C library's ctype, in
 * the locale the library reads it in (the engine never sets one).
 */
#include <ctype.h>
#include <string.h>
#include <lauxlib.h>
#include <lualib.h>

#include "teachback.h"

#define PQ_ESC       '%'
#define PQ_SPECIALS  "^$*+?.([%-)"       /* lstrlib.c's, and ')' (below) */
#define PQ_CAPTURES  8                   /* captures read; more: the library */
#define PQ_LEN       128                 /* pattern bytes read; more: the library */
#define HOST_UNQUICK "teachback.unquick" /* the library's gsub, in the registry */

/* Is byte c in class cl (the letter after a '%')?  lstrlib.c's match_class. */
static int class_has(int c, int cl)
{
	int res;

	switch (tolower(cl)) {
	case 'a': res = isalpha(c); break;
	case 'c': res = iscntrl(c); break;
	case 'd': res = isdigit(c); break;
	case 'g': res = isgraph(c); break;
	case 'l': res = islower(c); break;
	case 'p': res = ispunct(c); break;
	case 's': res = isspace(c); break;
	case 'u': res = isupper(c); break;
	case 'w': res = isalnum(c); break;
	case 'x': res = isxdigit(c); break;
	case 'z': res = (c == 0); break;        /* deprecated, still read */
	default: return cl == c;
	}
	if (isupper(cl))
		res = !res;
	return res;
}

/* Is byte c in the set [ ... ] from p (its '[') to ec (its ']')?
 * lstrlib.c's matchbracketclass. */
static int set_has(int c, const char *p, const char *ec)
{
	int sig = 1;

	if (*(p + 1) == '^') {
		sig = 0;
		p++;
	}
	while (++p < ec) {
		if (*p == PQ_ESC) {
			p++;
			if (class_has(c, (unsigned char)*p))
				return sig;
		} else if (*(p + 1) == '-' && p + 2 < ec) {
			p += 2;
			if ((unsigned char)*(p - 2) <= c && c <= (unsigned char)*p)
				return sig;
		} else if ((unsigned char)*p == c) {
			return sig;
		}
	}
	return !sig;
}

/* The end of the set whose '[' is at p, or NULL where the library would
 * say it is malformed (lstrlib.c's classEnd). */
static const char *set_end(const char *p, const char *p_end)
{
	p++;
	if (*p == '^')
		p++;
	do {
		if (p == p_end)
			return NULL;
		if (*(p++) == PQ_ESC && p < p_end)
			p++;
	} while (*p != ']');
	return p + 1;
}

/* Does s[0..n) hold the lp bytes of p (lp > 0)?  As lstrlib.c's lmemfind. */
static int holds(const char *s, size_t n, const char *p, size_t lp)
{
	const char *at, *end = s + n;

	while ((size_t)(end - s) >= lp &&
	       (at = memchr(s, (unsigned char)*p, (size_t)(end - s) - lp + 1))) {
		if (memcmp(at + 1, p + 1, lp - 1) == 0)
			return 1;
		s = at + 1;
	}
	return 0;
}

/* Is every byte of the pattern a byte to match?  lstrlib.c's nospecials
 * (for find), with ')' as special too: the matcher takes it for a
 * capture's end, an error when none is open. */
static int plain(const char *p, size_t lp)
{
	size_t upto = 0;

	do {
		if (strpbrk(p + upto, PQ_SPECIALS))
			return 0;
		upto += strlen(p + upto) + 1;
	} while (upto <= lp);
	return 1;
}

/* Is the item at p a class (%a, %s, ...) or a set ([...]), not one byte? */
static int many_bytes(const char *p)
{
	return *p == '[' || (*p == PQ_ESC && strchr("acdglpsuwxz", tolower((unsigned char)p[1])));
}

/* Does some byte of s[0..n) match the item from p to ep? */
static int item_in(const char *s, size_t n, const char *p, const char *ep)
{
	if (*p == '[') {
		for (size_t i = 0; i < n; i++)
			if (set_has((unsigned char)s[i], p, ep - 1))
				return 1;
		return 0;
	}
	if (many_bytes(p)) {
		for (size_t i = 0; i < n; i++)
			if (class_has((unsigned char)s[i], (unsigned char)p[1]))
				return 1;
		return 0;
	}
	return memchr(s, (unsigned char)(*p == PQ_ESC ? p[1] : *p), n) != NULL;
}

/*
 * 1 when pattern p (lp bytes, not anchored) can match nowhere in s[0..n):
 * some item of it that must match at least once (no '*', '?' or '-'
 * after it) matches no byte there; the single bytes are looked for first
 * (memchr), then the classes and sets.  0 when it may match, and when the
 * pattern is not one read here: malformed anywhere (the library says
 * so), longer than PQ_LEN, with more than PQ_CAPTURES captures, a %b or a
 * back reference (each may raise an error of its own before a later item
 * fails).  A well-formed pattern raises none where it matches nowhere.
 */
static int cannot_match(const char *s, size_t n, const char *p, size_t lp)
{
	const char *end = p + lp, *item[PQ_LEN][2];
	int items = 0, captures = 0, open = 0;

	if (lp > PQ_LEN)
		return 0;
	if (lp > 0 && plain(p, lp))
		return !holds(s, n, p, lp);
	while (p < end) {
		const char *ep;

		switch (*p) {
		case '(':
			if (++captures > PQ_CAPTURES)
				return 0;
			if (p[1] == ')') {                      /* a position */
				p += 2;
			} else {
				open++;
				p++;
			}
			continue;
		case ')':
			if (open-- == 0)
				return 0;
			p++;
			continue;
		case '$':
			if (p + 1 == end) {                     /* the end: no byte */
				p++;
				continue;
			}
			ep = p + 1;
			break;
		case PQ_ESC:
			if (p + 1 == end || p[1] == 'b' || isdigit((unsigned char)p[1]))
				return 0;
			if (p[1] == 'f') {                      /* a frontier: no byte */
				if (p[2] != '[' || !(p = set_end(p + 2, end)))
					return 0;
				continue;
			}
			ep = p + 2;
			break;
		case '[':
			if (!(ep = set_end(p, end)))
				return 0;
			break;
		default:
			ep = p + 1;
		}
		if (*ep == '*' || *ep == '?' || *ep == '-') {  /* may take no byte */
			p = ep + 1;
			continue;
		}
		if (*p != '.') {
			item[items][0] = p;
			item[items++][1] = ep;
		}
		p = *ep == '+' ? ep + 1 : ep;
	}
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < items; i++)
			if (many_bytes(item[i][0]) == pass && !item_in(s, n, item[i][0], item[i][1]))
				return 1;
	return 0;
}

/* string.gsub: the subject itself and 0 where nothing can match, as
 * str_gsub gives them; else str_gsub, the upvalue. */
static int quick_gsub(lua_State *L)
{
	int tr = lua_type(L, 3);
	size_t ls, lp;
	const char *s, *p;

	if (lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING &&
	    (tr == LUA_TSTRING || tr == LUA_TNUMBER || tr == LUA_TTABLE || tr == LUA_TFUNCTION) &&
	    lua_gettop(L) <= 3) {
		s = lua_tolstring(L, 1, &ls);
		p = lua_tolstring(L, 2, &lp);
		if (*p != '^' && cannot_match(s, ls, p, lp)) {
			lua_pushvalue(L, 1);
			lua_pushinteger(L, 0);
			return 2;
		}
	}
	return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/* host.unquick() -> the library's own gsub, which the tests hold this one
 * against (tests/lua/test_patquick.lua). */
static int l_unquick(lua_State *L)
{
	lua_getfield(L, LUA_REGISTRYINDEX, HOST_UNQUICK);
	return 1;
}

/* string.gsub of L's string library in front of the library's own, which
 * it keeps as its upvalue (and in the registry, for host.unquick);
 * host.unquick in the table at the top. */
void patquick_register(lua_State *L)
{
	lua_pushcfunction(L, l_unquick);
	lua_setfield(L, -2, "unquick");
	lua_getglobal(L, LUA_STRLIBNAME);
	lua_getfield(L, -1, "gsub");
	lua_pushvalue(L, -1);
	lua_setfield(L, LUA_REGISTRYINDEX, HOST_UNQUICK);
	lua_pushcclosure(L, quick_gsub, 1);
	lua_setfield(L, -2, "gsub");
	lua_pop(L, 1);
}
