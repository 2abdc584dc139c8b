/*
 * json.c -- JSON in and out.
 *
 * In: strict JSON syntax for answers files named *.json.  JSON is YAML,
 * so yaml.c builds the values (with a position for every one).  But YAML
 * is looser: {"a": "A",} or a bare word would be read without a word, and
 * a batch user who wrote JSON expects a JSON error.  jansson checks the
 * syntax first; its message and position are passed on.
 *
 * Out: host.json_encode, json.lua's encoder in one pass of C.  In Lua, a
 * call, a pattern and a concatenation a value, the result of a graded
 * attempt (16 questions, 2.8 KB) took 2.0 M instructions, a tenth of the
 * whole command.  Which tables are objects and in what order their keys
 * go, and how a number is written, are json.lua's rules (it says them);
 * this follows them.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include <lauxlib.h>

#include "teachback.h"

/* Is name a .json file? */
int json_named(const char *name)
{
	size_t n = strlen(name);

	return n >= 5 && !strcmp(name + n - 5, ".json");
}

/*
 * Returns 1 when buf is one JSON value, else 0 with
 * "NAME:LINE:COL: error: not valid JSON: ..." in err.
 */
int json_syntax_ok(const char *buf, size_t len, const char *name,
		   char *err, size_t errlen)
{
	json_error_t e;
	json_t *v = json_loadb(buf, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);

	if (v) {
		json_decref(v);
		return 1;
	}
	/* jansson quotes the input near the error: no control character
	   (an ESC could rewrite the terminal) reaches the message. */
	for (unsigned char *c = (unsigned char *)e.text; *c; c++)
		if (*c < 0x20 || *c == 0x7F || (*c == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F))
			*c = '?';
	/* {"a": "A",} -- the commonest slip deserves its name. */
	snprintf(err, errlen, "%s:%d:%d: error: not valid JSON: %s%s", name,
		 e.line > 0 ? e.line : 1, e.column > 0 ? e.column : 1, e.text,
		 strstr(e.text, "expected near '}'") || strstr(e.text, "expected near ']'") ?
		 " (a comma after the last entry?)" : "");
	return 0;
}

/* ---- out ------------------------------------------------------------ */

/* Deeper than any result; a table that holds itself stops here. */
#define JSON_DEPTH 1000

/*
 * The text being written: a full userdata at stack slot idx, replaced by
 * one twice its size when full, so an error (a value that cannot be
 * written, no memory) leaves nothing to free.
 */
struct jout {
	lua_State *L;
	int idx;                /* the buffer's slot */
	int order, null, keys_of;       /* the arguments' slots */
	char *p;
	size_t len, cap;
};

static void jout_add(struct jout *o, const char *s, size_t n)
{
	if (o->cap - o->len < n) {
		size_t cap = o->cap;
		char *p;

		while (cap - o->len < n) {
			if (cap > ((size_t)-1) / 2)
				luaL_error(o->L, "json: the text is too long");
			cap *= 2;
		}
		p = lua_newuserdatauv(o->L, cap, 0);
		memcpy(p, o->p, o->len);
		lua_replace(o->L, o->idx);
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

/* A byte a string's text must escape: " \ and the control characters
 * (C's iscntrl, Lua's %c: below 0x20, and 0x7F). */
static const unsigned char jout_escaped[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,         /* " */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,         /* \ */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,         /* DEL */
};

/* A string between quotes: " \ and the control characters escaped, \b \f
 * \n \r \t by name, the rest as \u00XX; each run of other bytes copied
 * whole, with its quotes, where there is room. */
static void jout_string(struct jout *o, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, from = 0;

	while (i < n && !jout_escaped[(unsigned char)s[i]])
		i++;
	if (i == n && o->cap - o->len >= n + 2) {       /* the usual string */
		o->p[o->len] = '"';
		memcpy(o->p + o->len + 1, s, n);
		o->p[o->len + n + 1] = '"';
		o->len += n + 2;
		return;
	}
	jout_add(o, "\"", 1);
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[6] = {'\\', 0, '0', '0', 0, 0};
		size_t len = 2;

		if (!jout_escaped[c])
			continue;
		if (c == '"' || c == '\\')
			esc[1] = (char)c;
		else if (c == '\b')
			esc[1] = 'b';
		else if (c == '\f')
			esc[1] = 'f';
		else if (c == '\n')
			esc[1] = 'n';
		else if (c == '\r')
			esc[1] = 'r';
		else if (c == '\t')
			esc[1] = 't';
		else {
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			len = 6;
		}
		jout_add(o, s + from, i - from);
		jout_add(o, esc, len);
		from = i + 1;
	}
	jout_add(o, s + from, n - from);
	jout_add(o, "\"", 1);
}

/* An integer in decimal, as LUA_INTEGER_FMT writes it (snprintf was most
 * of a number's cost). */
static void jout_integer(struct jout *o, lua_Integer i)
{
	char t[24], *p = t + sizeof t;
	lua_Unsigned u = i < 0 ? 0u - (lua_Unsigned)i : (lua_Unsigned)i;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (i < 0)
		*--p = '-';
	jout_add(o, p, (size_t)(t + sizeof t - p));
}

/*
 * A number as util.fmt_num writes it: rounded to four decimals, an
 * integer when it is one (below 2^53), else "%.4f" without its trailing
 * zeros and point; NaN and the infinities as null (JSON has none).
 */
static void jout_number(struct jout *o, int idx)
{
	char t[512];
	int n;

	if (lua_isinteger(o->L, idx)) {
		jout_integer(o, lua_tointeger(o->L, idx));
		return;
	} else {
		double x = (double)lua_tonumber(o->L, idx), r;

		if (x != x || x == HUGE_VAL || x == -HUGE_VAL) {
			jout_add(o, "null", 4);
			return;
		}
		r = floor(x * 10000 + 0.5) / 10000;
		if (r == floor(r) && fabs(r) < 9007199254740992.0) {
			jout_integer(o, (lua_Integer)r);
			return;
		} else {
			n = snprintf(t, sizeof t, "%.4f", r);
			if (n < 0 || (size_t)n >= sizeof t)
				luaL_error(o->L, "json: a number too long to write");
			while (n > 0 && t[n - 1] == '0')
				n--;
			if (n > 0 && t[n - 1] == '.')
				n--;
		}
	}
	jout_add(o, t, (size_t)n);
}

static void jout_value(struct jout *o, int idx, int depth);

/* An object whose keys the list at keys gives, in its order; a key whose
 * value is nil is left out. */
static void jout_object(struct jout *o, int t, int keys, int depth)
{
	lua_State *L = o->L;
	int first = 1;

	jout_add(o, "{", 1);
	for (lua_Integer i = 1; lua_geti(L, keys, i) != LUA_TNIL; i++) {
		size_t n;
		const char *k;

		lua_pushvalue(L, -1);
		if (lua_gettable(L, t) != LUA_TNIL) {
			if (!first)
				jout_add(o, ",", 1);
			first = 0;
			/* tostring(key): a string key as it is, without
			 * luaL_tolstring's look for a __tostring. */
			if (lua_type(L, -2) == LUA_TSTRING) {
				k = lua_tolstring(L, -2, &n);
				jout_string(o, k, n);
			} else {
				k = luaL_tolstring(L, -2, &n);
				jout_string(o, k, n);
				lua_pop(L, 1);
			}
			jout_add(o, ":", 1);
			jout_value(o, lua_gettop(L), depth + 1);
		}
		lua_pop(L, 2);
	}
	lua_pop(L, 1);
	jout_add(o, "}", 1);
}

/* util.is_list: keys 1..n and nothing else (n = #t). */
static int is_list(lua_State *L, int t)
{
	lua_Integer n = 0;

	lua_pushnil(L);
	while (lua_next(L, t)) {
		lua_pop(L, 1);
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
			lua_pop(L, 1);
			return 0;
		}
		n++;
	}
	return n == luaL_len(L, t);
}

static void jout_table(struct jout *o, int t, int depth)
{
	lua_State *L = o->L;
	int mt = lua_getmetatable(L, t), empty;

	if (mt) {
		lua_pushvalue(L, o->order);
		if (lua_rawget(L, -2) != LUA_TNIL && lua_toboolean(L, -1)) {
			jout_object(o, t, lua_gettop(L), depth);
			lua_pop(L, 2);
			return;
		}
		lua_pop(L, 1);
	}
	lua_pushnil(L);
	empty = !lua_next(L, t);
	if (!empty)
		lua_pop(L, 2);
	if (!empty && is_list(L, t)) {
		jout_add(o, "[", 1);
		for (lua_Integer i = 1; lua_geti(L, t, i) != LUA_TNIL; i++) {
			if (i > 1)
				jout_add(o, ",", 1);
			jout_value(o, lua_gettop(L), depth + 1);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
		jout_add(o, "]", 1);
	} else if (empty && mt && lua_getfield(L, -1, "array") != LUA_TNIL &&
		   lua_toboolean(L, -1)) {
		lua_pop(L, 1);
		jout_add(o, "[]", 2);
	} else {
		if (empty && mt)
			lua_pop(L, 1);                  /* mt.array */
		lua_pushvalue(L, o->keys_of);
		lua_pushvalue(L, t);
		lua_call(L, 1, 1);
		jout_object(o, t, lua_gettop(L), depth);
		lua_pop(L, 1);
	}
	if (mt)
		lua_pop(L, 1);
}

static void jout_value(struct jout *o, int idx, int depth)
{
	lua_State *L = o->L;
	size_t n;
	const char *s;

	if (depth > JSON_DEPTH)
		luaL_error(L, "json: values nested more than %d deep", JSON_DEPTH);
	luaL_checkstack(L, 8, "json");
	switch (lua_type(L, idx)) {
	case LUA_TNIL:
		jout_add(o, "null", 4);
		break;
	case LUA_TBOOLEAN:
		if (lua_toboolean(L, idx))
			jout_add(o, "true", 4);
		else
			jout_add(o, "false", 5);
		break;
	case LUA_TNUMBER:
		jout_number(o, idx);
		break;
	case LUA_TSTRING:
		s = lua_tolstring(L, idx, &n);
		jout_string(o, s, n);
		break;
	case LUA_TTABLE:
		jout_table(o, idx, depth);
		break;
	default:
		if (lua_rawequal(L, idx, o->null)) {
			jout_add(o, "null", 4);
			break;
		}
		luaL_error(L, "json: cannot encode a %s", luaL_typename(L, idx));
	}
}

/*
 * host.json_encode(v, order, null, keys_of) -> text
 *
 * v as JSON text, by json.lua's rules: nil and null (the value `null`)
 * are null; a table whose metatable has a field keyed by the table
 * `order` (json.object) is an object with the keys that field lists, in
 * its order; else a table with keys 1..n (n = #t) is an array, an empty
 * one whose metatable has `array` true (json.array) is [], and any other
 * is an object whose keys keys_of(t) lists (util.sorted_keys).
 */
static int l_json_encode(lua_State *L)
{
	struct jout o = {L, 0, 2, 3, 4, NULL, 0, 256};

	luaL_checkany(L, 1);
	luaL_checktype(L, 2, LUA_TTABLE);
	luaL_checktype(L, 4, LUA_TFUNCTION);
	lua_settop(L, 4);
	o.p = lua_newuserdatauv(L, o.cap, 0);
	o.idx = lua_gettop(L);
	jout_value(&o, 1, 0);
	lua_pushlstring(L, o.p, o.len);
	return 1;
}

void json_register(lua_State *L)
{
	lua_pushcfunction(L, l_json_encode);
	lua_setfield(L, -2, "json_encode");
}
