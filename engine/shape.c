/*
 * shape.c -- the mechanical half of checking a node's fields, in one call:
 * host.shape(node, spec) says whether every field is what spec says (a
 * text, an id, true or false, absent, a list of texts, a list of mappings
 * with a spec of their own) and no field is one spec does not allow.
 *
 * It answers yes or no and nothing more.  Yes: the node is left exactly as
 * schema.lua's checks would leave it (true and false converted from their
 * text, defaults written) and those checks have nothing to say.  No:
 * nothing has been changed, and schema.lua's own checks run and say what
 * is wrong, where.  Which fields a node has and every message stay in Lua
 * (schema.shape makes the specs); this spares the usual, valid node the
 * dozen Lua calls a field its checks cost.  Anything unusual (a null, a
 * number where text goes, "True", an empty list) is a no: the Lua checks
 * know what to make of it.
 *
 * A spec (schema.shape) is a Lua table:
 *
 *   spec[3i-2], spec[3i-1], spec[3i]   field i's name, kind, argument
 *   spec.index[name]    i << 4 | required << 3 | kind, for each field
 *   spec.required       the fields that must be present, bit i each
 *   spec.convert        the numbers of the fields pass two writes to
 *   spec.allowed        the set of names a node may have (nil: any)
 *   spec.min            the fewest entries of a list of such nodes
 *
 * and the kinds (host.shape_kinds) are
 *
 *   text   a string with no control character, more than white space
 *   id     a string of 1 to 64 lower-case letters, digits and dashes,
 *          not starting with a dash
 *   bool   true, false, "true", "false", or absent (nil or null);
 *          argument: the default written when absent
 *   absent nil or null only; argument: the value written
 *   texts  a list (keys 1..n, n >= 1) of text
 *   maps   a list (n >= max(1, min)) of mappings (tables whose keys are
 *          all allowed strings); argument: their spec
 *
 * The node's keys are walked once (a lookup in spec.index each), so a
 * node costs about a Lua table read a field; a second pass writes what
 * the checks would write, only once the whole node is known to fit.
 */
#include <string.h>
#include <lauxlib.h>

#include "teachback.h"

enum { SHAPE_TEXT = 1, SHAPE_ID, SHAPE_BOOL, SHAPE_ABSENT, SHAPE_TEXTS, SHAPE_MAPS };

static const char *const kind_names[] = { "text", "id", "bool", "absent", "texts", "maps" };

static int is_null(lua_State *L, int i)
{
	return lua_type(L, i) == LUA_TLIGHTUSERDATA && lua_touserdata(L, i) == NULL;
}

static int is_absent(lua_State *L, int i)
{
	return lua_isnil(L, i) || is_null(L, i);
}

/*
 * schema.lua's V:string on a string: no control character (the bytes
 * yml_control_at refuses) and something besides white space (Lua's %s,
 * bytes 9 to 13 and 32).
 */
static int good_text(const char *s, size_t len)
{
	if (yml_control_at(s, len))
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c != ' ' && (c < 9 || c > 13))
			return 1;
	}
	return 0;
}

/* V:id: ^[a-z0-9][a-z0-9-]*$, at most 64 bytes. */
static int good_id(const char *s, size_t len)
{
	if (len == 0 || len > 64 || s[0] == '-')
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

static int is_text_at(lua_State *L, int i)
{
	size_t len;
	const char *s;

	if (lua_type(L, i) != LUA_TSTRING)
		return 0;
	s = lua_tolstring(L, i, &len);
	return good_text(s, len);
}

/*
 * The length of the table at t when it is a list as util.is_list sees one
 * (every key an integer >= 1, as many keys as #t), or -1.
 */
static lua_Integer list_length(lua_State *L, int t)
{
	lua_Integer n = (lua_Integer)lua_rawlen(L, t), keys = 0;

	lua_pushnil(L);
	while (lua_next(L, t)) {
		lua_pop(L, 1);
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
			lua_pop(L, 1);
			return -1;
		}
		keys++;
	}
	return keys == n ? n : -1;
}

static int node_fits(lua_State *L, int node, int spec, int depth);

/* Has the table at t a key?  (An empty one may be YAML's [] or {}.) */
static int has_keys(lua_State *L, int t)
{
	lua_pushnil(L);
	if (!lua_next(L, t))
		return 0;
	lua_pop(L, 2);
	return 1;
}

/* Is the list at v a list of at least min mappings, each fitting spec at sub? */
static int maps_fit(lua_State *L, int v, int sub, int depth)
{
	lua_Integer n, min;
	int ok = 1;

	if (!lua_istable(L, v) || !lua_istable(L, sub) || (n = list_length(L, v)) < 1)
		return 0;
	lua_getfield(L, sub, "min");
	min = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 1;
	lua_pop(L, 1);
	if (n < min)
		return 0;
	for (lua_Integer i = 1; ok && i <= n; i++) {
		int e;

		lua_rawgeti(L, v, i);
		e = lua_gettop(L);
		ok = lua_istable(L, e) && has_keys(L, e) && node_fits(L, e, sub, depth + 1);
		lua_settop(L, e - 1);
	}
	return ok;
}

/* Is the value at v fit for a field of this kind (field number i of spec)? */
static int value_fits(lua_State *L, int v, int kind, int spec, lua_Integer i, int depth)
{
	size_t len;
	const char *s;
	lua_Integer n;
	int ok = 1;

	switch (kind) {
	case SHAPE_TEXT:
		return is_text_at(L, v);
	case SHAPE_ID:
		if (lua_type(L, v) != LUA_TSTRING)
			return 0;
		s = lua_tolstring(L, v, &len);
		return good_id(s, len);
	case SHAPE_BOOL:
		if (is_null(L, v) || lua_type(L, v) == LUA_TBOOLEAN)
			return 1;
		if (lua_type(L, v) != LUA_TSTRING)
			return 0;
		s = lua_tolstring(L, v, &len);
		return (len == 4 && !memcmp(s, "true", 4)) || (len == 5 && !memcmp(s, "false", 5));
	case SHAPE_ABSENT:
		return is_null(L, v);
	case SHAPE_TEXTS:
		if (!lua_istable(L, v) || (n = list_length(L, v)) < 1)
			return 0;
		for (lua_Integer j = 1; ok && j <= n; j++) {
			lua_rawgeti(L, v, j);
			ok = is_text_at(L, -1);
			lua_pop(L, 1);
		}
		return ok;
	case SHAPE_MAPS:
		lua_rawgeti(L, spec, 3 * i);
		ok = maps_fit(L, v, lua_gettop(L), depth);
		lua_pop(L, 1);
		return ok;
	}
	return luaL_error(L, "host.shape: unknown kind %d", kind);
}

/*
 * Does the table at node fit the spec at spec?  Changes nothing.  Each key
 * is looked up in spec.index (a field to check) or spec.allowed (a field
 * the spec leaves alone); then every required field must have been seen.
 */
static int node_fits(lua_State *L, int node, int spec, int depth)
{
	int top = lua_gettop(L), ok = 1, index, allowed;
	lua_Integer seen = 0, required;

	if (depth > 8)
		return luaL_error(L, "host.shape: specs nested too deep");
	luaL_checkstack(L, 12, "host.shape");
	lua_getfield(L, spec, "index");
	index = lua_gettop(L);
	lua_getfield(L, spec, "allowed");
	allowed = lua_istable(L, -1) ? lua_gettop(L) : 0;
	lua_getfield(L, spec, "required");
	required = lua_tointeger(L, -1);
	if (!lua_istable(L, index))
		return luaL_error(L, "host.shape: a spec needs an index (schema.shape)");
	lua_pushnil(L);
	while (ok && lua_next(L, node)) {
		int key = lua_gettop(L) - 1, value = key + 1;

		if (depth > 0 && lua_type(L, key) != LUA_TSTRING) {
			ok = 0;                 /* an entry must be a mapping */
		} else {
			lua_pushvalue(L, key);
			if (lua_rawget(L, index) == LUA_TNUMBER) {
				lua_Integer code = lua_tointeger(L, -1), i = code >> 4;

				if (i < 1 || i > 62)
					return luaL_error(L, "host.shape: field number %d", (int)i);
				seen |= (lua_Integer)1 << i;
				ok = value_fits(L, value, (int)(code & 7), spec, i, depth);
			} else if (allowed) {
				lua_pushvalue(L, key);
				ok = lua_rawget(L, allowed) != LUA_TNIL && lua_toboolean(L, -1);
			}
		}
		lua_settop(L, key);
	}
	lua_settop(L, top);
	return ok && (seen & required) == required;
}

/* Writes what the checks write to a node that fits: conversions, defaults. */
static void node_convert(lua_State *L, int node, int spec)
{
	int top = lua_gettop(L), list;

	luaL_checkstack(L, 8, "host.shape");
	lua_getfield(L, spec, "convert");
	list = lua_gettop(L);
	for (lua_Integer k = 1; lua_istable(L, list) && lua_rawgeti(L, list, k) == LUA_TNUMBER; k++) {
		lua_Integer i = lua_tointeger(L, -1);
		int kind, name, arg, v;

		lua_rawgeti(L, spec, 3 * i - 2);
		name = lua_gettop(L);
		lua_rawgeti(L, spec, 3 * i - 1);
		kind = (int)lua_tointeger(L, -1);
		lua_rawgeti(L, spec, 3 * i);
		arg = lua_gettop(L);
		lua_pushvalue(L, name);
		lua_rawget(L, node);
		v = lua_gettop(L);
		if (kind == SHAPE_MAPS) {
			lua_Integer m = (lua_Integer)lua_rawlen(L, v);

			for (lua_Integer j = 1; j <= m; j++) {
				lua_rawgeti(L, v, j);
				node_convert(L, lua_gettop(L), arg);
				lua_pop(L, 1);
			}
		} else if (is_absent(L, v)) {
			lua_pushvalue(L, name);
			lua_pushvalue(L, arg);
			lua_rawset(L, node);
		} else if (kind == SHAPE_BOOL && lua_type(L, v) == LUA_TSTRING) {
			lua_pushvalue(L, name);
			lua_pushboolean(L, lua_tostring(L, v)[0] == 't');
			lua_rawset(L, node);
		}
		lua_settop(L, list);
	}
	lua_settop(L, top);
}

/* host.shape(node, spec) -> true (node converted as the checks would) or false */
static int l_shape(lua_State *L)
{
	int ok;

	luaL_checktype(L, 2, LUA_TTABLE);
	ok = lua_istable(L, 1) && node_fits(L, 1, 2, 0);
	if (ok)
		node_convert(L, 1, 2);
	lua_pushboolean(L, ok);
	return 1;
}

/*
 * host.shape_spec(allowed, fields, min) -> the spec schema.shape makes
 * (schema.lua's shape_rules, which says what each part holds), or nil
 * where a field's kind is not one of kind_names or there are more than 62
 * fields, so that the Lua says what is wrong.  In Lua, each spec's table
 * grew by rehashing as its parts were set: 50,000 instructions for the
 * usual question's spec of each type an attempt meets.
 */
static int l_shape_spec(lua_State *L)
{
	lua_Integer n = 0, required = 0, nconvert = 0;
	int spec, index, convert;

	luaL_checktype(L, 2, LUA_TTABLE);
	lua_settop(L, 3);
	while (lua_geti(L, 2, n + 1) != LUA_TNIL) {     /* ipairs' count */
		lua_pop(L, 1);
		n++;
	}
	lua_pop(L, 1);
	if (n > 62 || (lua_Integer)luaL_len(L, 2) > 62)
		return 0;
	lua_createtable(L, (int)(3 * n), 5);
	spec = lua_gettop(L);
	lua_createtable(L, 0, (int)n);
	index = lua_gettop(L);
	lua_createtable(L, (int)n, 0);
	convert = lua_gettop(L);
	for (lua_Integer i = 1; i <= n; i++) {
		int f, kind = 0, req;
		const char *kname;

		lua_geti(L, 2, i);
		f = lua_gettop(L);
		lua_geti(L, f, 2);
		kname = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
		for (size_t k = 0; kname && k < sizeof kind_names / sizeof *kind_names; k++)
			if (!strcmp(kname, kind_names[k]))
				kind = (int)k + 1;
		if (!kind)
			return 0;
		lua_pop(L, 1);
		lua_geti(L, f, 3);                      /* arg */
		req = kind == SHAPE_MAPS || (lua_type(L, -1) == LUA_TBOOLEAN &&
					     lua_toboolean(L, -1) && kind != SHAPE_BOOL);
		lua_rawseti(L, spec, 3 * i);            /* (nil: none, as in Lua) */
		lua_pushinteger(L, kind);
		lua_rawseti(L, spec, 3 * i - 1);
		lua_geti(L, f, 1);                      /* name */
		lua_pushvalue(L, -1);
		lua_rawseti(L, spec, 3 * i - 2);
		lua_pushinteger(L, i << 4 | (req ? 8 : 0) | kind);
		lua_settable(L, index);
		if (req)
			required |= (lua_Integer)1 << i;
		if (kind == SHAPE_BOOL || kind == SHAPE_ABSENT || kind == SHAPE_MAPS) {
			lua_pushinteger(L, i);
			lua_rawseti(L, convert, ++nconvert);
		}
		lua_settop(L, convert);
	}
	lua_setfield(L, spec, "convert");
	lua_setfield(L, spec, "index");
	lua_pushinteger(L, required);
	lua_setfield(L, spec, "required");
	lua_pushvalue(L, 1);
	lua_setfield(L, spec, "allowed");
	lua_pushvalue(L, 3);
	lua_setfield(L, spec, "min");
	return 1;
}

/* host.shape and host.shape_kinds, the names of the kinds as numbers. */
void shape_register(lua_State *L)
{
	lua_pushcfunction(L, l_shape);
	lua_setfield(L, -2, "shape");
	lua_pushcfunction(L, l_shape_spec);
	lua_setfield(L, -2, "shape_spec");
	lua_createtable(L, 0, (int)(sizeof kind_names / sizeof *kind_names));
	for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++) {
		lua_pushinteger(L, (lua_Integer)i + 1);
		lua_setfield(L, -2, kind_names[i]);
	}
	lua_setfield(L, -2, "shape_kinds");
}
