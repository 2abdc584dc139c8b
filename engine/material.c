/*
 * material.c -- study material: Markdown with YAML front matter, cut into
 * sections that explanations cite as doc#section.
 *
 * Only the mechanism is here: front matter goes through yaml.c (so its
 * errors carry file positions, and a line break YAML counts and the
 * file's lines do not is refused there), ATX headings start sections, a
 * trailing {#id} names a section and otherwise the heading's slug does.  Which
 * front matter fields are required, duplicate ids and how a passage is
 * cut from a section are the schema's business (engine/lua/material.lua).
 *
 * Pushes {path, front, sections = {{id, title, level, line, text}...}}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "teachback.h"

#define MAT_MAX_HEADING 512     /* bytes of a heading's title kept (longer: `long`) */

struct line {
	const char *s;
	size_t len;             /* without the newline */
};

static int next_line(const char *buf, size_t len, size_t *off, struct line *l)
{
	const char *nl;

	if (*off >= len)
		return 0;
	l->s = buf + *off;
	nl = memchr(l->s, '\n', len - *off);
	l->len = nl ? (size_t)(nl - l->s) : len - *off;
	*off += l->len + (nl ? 1 : 0);
	if (l->len && l->s[l->len - 1] == '\r')
		l->len--;
	return 1;
}

static int line_is(const struct line *l, const char *text)
{
	size_t n = strlen(text);

	return l->len == n && memcmp(l->s, text, n) == 0;
}

/* Find the first invalid UTF-8 sequence (or NUL); 0 when the text is clean. */
static size_t utf8_bad_at(const unsigned char *s, size_t len, int *bad)
{
	size_t i = 0;

	*bad = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n, k;
		unsigned long cp;

		if (c == 0)
			break;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF) n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07;
		else break;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				goto out;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			break;
		i += n + 1;
	}
out:
	*bad = i < len;
	return i;
}

static void pos_of_offset(const char *buf, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* "## Title {#id}" -> level 2; 0 when the line is no ATX heading. */
static int heading_level(const struct line *l)
{
	int n = 0;

	while ((size_t)n < l->len && l->s[n] == '#')
		n++;
	if (n < 1 || n > 6 || ((size_t)n < l->len && l->s[n] != ' ' && l->s[n] != '\t'))
		return 0;
	return n;
}

/* Lower-case ASCII letters and digits, runs of anything else become one '-'. */
static void push_slug(lua_State *L, const char *s, size_t len)
{
	luaL_Buffer b;
	int dash = 0, any = 0;

	luaL_buffinit(L, &b);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z')) {
			if (dash && any)
				luaL_addchar(&b, '-');
			luaL_addchar(&b, (char)(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0)));
			dash = 0;
			any = 1;
		} else if (c == ' ' || c == '-' || c == '_' || c == '\t') {
			dash = 1;
		}
		/* other punctuation and non-ASCII bytes vanish, as in common slugs */
	}
	luaL_pushresult(&b);
}

/*
 * Push a section table for a heading line; leaves it on the stack.  The
 * whole line is read, so a long heading keeps its {#id}; a title longer
 * than MAT_MAX_HEADING is cut at a character boundary and marked `long`,
 * for the schema to refuse at the heading's line.
 */
static void push_section(lua_State *L, const struct line *l, int level, int lineno)
{
	const char *t = l->s + level;
	size_t n = l->len - (size_t)level;
	const char *id = NULL;
	size_t idlen = 0;
	int cut = 0;

	while (n && (*t == ' ' || *t == '\t'))
		t++, n--;
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n >= 3 && t[n - 1] == '}') {
		for (size_t i = n - 1; i-- > 0;) {
			if (t[i] == '{' && i + 1 < n - 1 && t[i + 1] == '#') {
				id = t + i + 2;
				idlen = n - 1 - (i + 2);
				n = i;
				break;
			}
			if (t[i] == '}' || t[i] == '{')
				break;
		}
	}
	while (n && (t[n - 1] == '#' || t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n > MAT_MAX_HEADING) {
		n = MAT_MAX_HEADING;
		while (n && ((unsigned char)t[n] & 0xC0) == 0x80)
			n--;
		cut = 1;
	}
	lua_createtable(L, 0, 7);
	lua_pushlstring(L, t, n);
	lua_setfield(L, -2, "title");
	if (cut) {
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, "long");
	}
	if (id) {
		lua_pushlstring(L, id, idlen);
		lua_pushboolean(L, 1);
		lua_setfield(L, -3, "explicit");
	} else {
		push_slug(L, t, n);
	}
	lua_setfield(L, -2, "id");
	lua_pushinteger(L, level);
	lua_setfield(L, -2, "level");
	lua_pushinteger(L, lineno);
	lua_setfield(L, -2, "line");
}

static void close_section(lua_State *L, luaL_Buffer *b, int sections, int *count)
{
	luaL_pushresult(b);
	lua_setfield(L, -2, "text");
	lua_rawseti(L, sections, ++*count);
}

/* Runs under lua_pcall: buf, len and the where index come as upvalue data. */
struct matjob {
	const char *path;
	const char *buf;
	size_t len;
	int where;
	char err[TB_ERRLEN];
};

static int split_protected(lua_State *L)
{
	struct matjob *j = lua_touserdata(L, 1);
	size_t off = 0, body = 0;
	struct line l;
	int lineno = 0, sections, count = 0, in_fence = 0, open = 0, doc;
	luaL_Buffer b;

	/* Indices are per C frame: the where table is this frame's 2nd arg. */
	if (j->where)
		j->where = 2;
	lua_settop(L, 2);
	lua_createtable(L, 0, 3);
	doc = lua_gettop(L);
	lua_pushstring(L, j->path);
	lua_setfield(L, doc, "path");

	/* Front matter: "---" on the first line up to the next "---" or "...". */
	if (next_line(j->buf, j->len, &off, &l) && line_is(&l, "---")) {
		size_t start = off, end = 0;
		int fmline = 1;

		lineno = 1;
		while (next_line(j->buf, j->len, &off, &l)) {
			lineno++;
			if (line_is(&l, "---") || line_is(&l, "...")) {
				end = (size_t)(l.s - j->buf);
				break;
			}
		}
		if (!end) {
			snprintf(j->err, sizeof j->err,
				 "%s:1:1: error: front matter opened with '---' is never closed",
				 j->path);
			return 0;
		}
		if (!yml_push_string(L, j->buf + start, end - start, j->path, fmline,
				     j->where)) {
			snprintf(j->err, sizeof j->err, "%s", lua_tostring(L, -1));
			return 0;
		}
		lua_setfield(L, doc, "front");
		body = off;
	} else {
		off = 0;
	}

	lua_newtable(L);
	sections = lua_gettop(L);
	off = body;
	while (next_line(j->buf, j->len, &off, &l)) {
		int level;

		lineno++;
		if (l.len >= 3 && (!memcmp(l.s, "```", 3) || !memcmp(l.s, "~~~", 3)))
			in_fence = !in_fence;
		level = in_fence ? 0 : heading_level(&l);
		if (level) {
			/* Each section costs Lua tables and a check: bound them. */
			if (count + open >= TB_MAX_SECTIONS) {
				snprintf(j->err, sizeof j->err,
					 "%s:%d:1: error: more than %d sections (headings) in one "
					 "file; split it", j->path, lineno, TB_MAX_SECTIONS);
				return 0;
			}
			if (open)
				close_section(L, &b, sections, &count);
			push_section(L, &l, level, lineno);
			luaL_buffinit(L, &b);
			open = 1;
		} else if (open) {
			luaL_addlstring(&b, l.s, l.len);
			luaL_addchar(&b, '\n');
		}
	}
	if (open)
		close_section(L, &b, sections, &count);
	lua_setfield(L, doc, "sections");
	return 1;
}

/*
 * Push the material document in buf (name says where it came from) and
 * return 1, or push an error message "NAME:LINE:COL: error: ..." and
 * return 0.  where is a stack index of the positions table, or 0.
 */
int mat_push_string(lua_State *L, const char *buf, size_t len, const char *name,
		    int where)
{
	struct matjob j;
	const char *why;
	size_t badoff, skip;
	int bad, line, col, status;

	memset(&j, 0, sizeof j);
	if (len > TB_MAX_FILE) {
		lua_pushfstring(L, "%s:1:1: error: larger than %d MiB", name,
				(int)(TB_MAX_FILE >> 20));
		return 0;
	}
	/* A UTF-8 byte-order mark is skipped; UTF-16 is named. */
	if ((why = yml_text_start(buf, len, &skip)) != NULL) {
		lua_pushfstring(L, "%s:1:1: error: %s", name, why);
		return 0;
	}
	badoff = utf8_bad_at((const unsigned char *)buf + skip, len - skip, &bad);
	if (bad) {
		pos_of_offset(buf + skip, badoff, &line, &col);
		lua_pushfstring(L, "%s:%d:%d: error: not valid UTF-8 text", name, line, col);
		return 0;
	}
	j.path = name;
	j.buf = buf + skip;
	j.len = len - skip;
	j.where = where ? lua_absindex(L, where) : 0;
	lua_pushcfunction(L, split_protected);
	lua_pushlightuserdata(L, &j);
	if (j.where)
		lua_pushvalue(L, j.where);
	else
		lua_pushnil(L);
	status = lua_pcall(L, 2, 1, 0);
	if (status != LUA_OK) {
		lua_pop(L, 1);
		lua_pushfstring(L, "%s:1:1: error: out of memory", name);
		return 0;
	}
	if (j.err[0]) {
		lua_pop(L, 1);
		lua_pushstring(L, j.err);
		return 0;
	}
	return 1;
}

/* Same as mat_push_string for the file at path. */
int mat_push_file(lua_State *L, const char *path, int where)
{
	char err[TB_ERRLEN], *buf;
	size_t len;
	int ok;

	if (!fs_read(path, TB_MAX_FILE, &buf, &len, err, sizeof err)) {
		lua_pushstring(L, err);
		return 0;
	}
	where = where ? lua_absindex(L, where) : 0;
	ok = mat_push_string(L, buf, len, path, where);
	free(buf);
	return ok;
}
