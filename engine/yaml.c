/*
 * yaml.c -- YAML text to Lua tables, with a source position for every node.
 *
 * libyaml's event parser feeds a small recursive builder that pushes Lua
 * values directly.  Content files are hostile input, so the builder is
 * strict where YAML is generous:
 *
 *  - scalars stay strings (the schema converts them per field, so `no` is
 *    not false and `1.10` keeps its text); plain `~`, `null` and an empty
 *    value become the null sentinel;
 *  - anchors, aliases and tags are refused: quizzes do not need them and
 *    aliases are the road to "billion laughs";
 *  - duplicate keys are refused (libyaml does not notice them);
 *  - nesting deeper than TB_MAX_DEPTH is refused, because libyaml 0.2.5 has
 *    no limit and its cost grows quadratically with depth;
 *  - at most TB_MAX_NODES values, because each costs a few Lua tables;
 *  - exactly one document, UTF-8 only;
 *  - no line break that only YAML 1.1 counts (a carriage return without a
 *    line feed, U+0085, U+2028, U+2029): see yaml_only_break.
 *
 * Positions go to a side table, so the data tables stay plain and any later
 * error can say FILE:LINE:COL.  A position P packs a 1-based line and
 * column as (line << 32) | column; they are numbered in the order they are
 * read, and where[0] holds them all as one string, P number i in the 8
 * bytes at 8 * i (string.unpack("=i8", where[0], 8 * i + 1)).
 * For each mapping or sequence t, where[t] = info, one table:
 *
 *   info[1] = 2 * i + 1 for a mapping, 2 * i for a sequence, i its position;
 *   a mapping's info[key] = i: the key at position i, its value at i + 1;
 *   a sequence's info[n + 1] = i: its nth value at position i.
 *
 * (Three tables a mapping, with a position apiece, made the positions
 * three quarters of a loaded file's memory.)  Another file loaded into the
 * same where table adds its positions after the first one's.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include <lauxlib.h>

#include "teachback.h"

#define TB_SIZE_HINT 64    /* entries a node's tables are made with, at most */
/* A mapping is made with room for this many entries more than the last
 * one at its depth had: the schema writes back the fields a file may leave
 * out (a question's points, an option's correct and fixed), and a table
 * given one entry past its size is rebuilt bigger, the old one garbage. */
#define TB_MAP_ROOM 2

struct yml {
	yaml_parser_t parser;
	yaml_event_t event;
	int have_event;         /* event must be deleted */
	lua_State *L;
	const char *name;
	const unsigned char *buf;
	size_t len;
	size_t char_index, byte_index;  /* byte_of's last answer */
	size_t lines;                   /* 1 + buf's line feeds, or 0: not counted */
	int line_offset;
	char *owned;            /* the text when it is ours to free: freed once parsed */
	int where;              /* absolute index of the where table, or 0 */
	int64_t *pos;           /* the positions read (malloc), numbered from base */
	size_t npos, maxpos, base;
	int depth;
	long nodes;
	/* Entries of the last mapping and sequence built at each depth: the
	 * next one's tables are made that size, not grown by rehashing. */
	int map_hint[TB_MAX_DEPTH + 1], seq_hint[TB_MAX_DEPTH + 1];
	char err[TB_ERRLEN];
};

static int build_node(struct yml *y, lua_Integer self);
static int push_text(lua_State *L, const char *buf, size_t len, const char *name,
		     int line_offset, int where, char *owned);
static void offset_to_pos(const struct yml *y, size_t off, size_t *line, size_t *col);

/*
 * libyaml ends a text that lacks a final line feed with a line break of
 * its own, so a mark at the very end (an empty value, a missing node) is
 * on the line after the last.  The mark as the file's lines count it: at
 * the end of the last line.  (Only LF and CRLF reach libyaml, see
 * yaml_only_break, so its lines are the file's up to there.)
 */
static yaml_mark_t in_file(struct yml *y, yaml_mark_t m)
{
	size_t line, col;

	if (m.column != 0 || m.line == 0 || y->len == 0 || y->buf[y->len - 1] == '\n')
		return m;
	if (!y->lines) {                /* counted once, when first needed */
		const unsigned char *p = y->buf, *end = y->buf + y->len;

		y->lines = 1;
		while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			p++;
			y->lines++;
		}
	}
	if (m.line < y->lines)          /* 0-based: on one of the lines */
		return m;
	offset_to_pos(y, y->len, &line, &col);
	m.line = line - 1;
	m.column = col - 1;
	return m;
}

static lua_Integer pack_pos(struct yml *y, yaml_mark_t m)
{
	m = in_file(y, m);
	return ((lua_Integer)(m.line + 1 + y->line_offset) << 32) |
	       (lua_Integer)(m.column + 1);
}

/*
 * A message may quote a key or a tag, and libyaml decodes "\e" in quoted
 * keys and %1b in tags: C0 and DEL become \xHH, in place, cut to fit.
 */
static void show_controls(char *msg, size_t size)
{
	char out[TB_ERRLEN / 2];
	size_t k = 0;

	for (const unsigned char *p = (const unsigned char *)msg; *p && k + 8 < sizeof out; p++) {
		if (*p < 0x20 || *p == 0x7F)
			k += (size_t)snprintf(out + k, sizeof out - k, "\\x%02x", *p);
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			k += (size_t)snprintf(out + k, sizeof out - k, "\\u%04x", *++p);
		else
			out[k++] = (char)*p;
	}
	out[k] = '\0';
	snprintf(msg, size, "%s", out);
}

static int fail_at(struct yml *y, size_t line, size_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail_at(struct yml *y, size_t line, size_t col, const char *fmt, ...)
{
	char msg[TB_ERRLEN / 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	show_controls(msg, sizeof msg);
	snprintf(y->err, sizeof y->err, "%s:%zu:%zu: error: %s", y->name,
		 line + (size_t)y->line_offset, col, msg);
	return 0;
}

static int fail_mark(struct yml *y, yaml_mark_t m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail_mark(struct yml *y, yaml_mark_t m, const char *fmt, ...)
{
	char msg[TB_ERRLEN / 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	m = in_file(y, m);
	return fail_at(y, m.line + 1, m.column + 1, "%s", msg);
}

/*
 * A mark's index counts characters, not bytes (libyaml 0.2.5): the byte
 * offset in buf of character number index.  Marks asked for mostly move
 * forward, so the count goes on from the last answer.
 */
static size_t byte_of(struct yml *y, size_t index)
{
	size_t c = y->char_index, b = y->byte_index;

	if (index < c)
		c = b = 0;
	while (c < index && b < y->len) {
		b++;
		while (b < y->len && (y->buf[b] & 0xC0) == 0x80)
			b++;
		c++;
	}
	y->char_index = c;
	y->byte_index = b;
	return b;
}

/* Reader errors carry a byte offset, not a mark: count lines and code points. */
static void offset_to_pos(const struct yml *y, size_t off, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < y->len; i++) {
		if (y->buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if ((y->buf[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/*
 * libyaml names broken UTF-8 in "octets"; an author needs to know only
 * that the bytes are not UTF-8 and what to do about it.
 */
static const char *reader_problem(const char *problem)
{
	if (!problem)
		return "an unreadable byte; save the file as UTF-8";
	if (strstr(problem, "octet") || strstr(problem, "UTF-8 sequence"))
		return "a byte that is not part of a UTF-8 character; save the file as UTF-8";
	return problem;
}

/* Does the line holding byte at carry a "key: " before column col? */
static int colon_before(const struct yml *y, size_t at)
{
	size_t start = at;

	while (start > 0 && y->buf[start - 1] != '\n')
		start--;
	for (size_t i = start; i + 1 < at; i++)
		if (y->buf[i] == ':' && (y->buf[i + 1] == ' ' || y->buf[i + 1] == '\t'))
			return 1;
	return 0;
}

/*
 * libyaml reports a badly indented line as a grammar problem ("mapping
 * values are not allowed in this context", "did not find expected key");
 * say what the author should look at instead.  Returns 1 with the
 * message set, or 0 when the problem is not one of those.
 */
static int indentation_failed(struct yml *y, size_t line, size_t col)
{
	const yaml_parser_t *p = &y->parser;
	size_t at = byte_of(y, p->problem_mark.index);
	size_t shown = line + (size_t)y->line_offset;

	if (!p->problem || (p->context && strstr(p->context, "flow")))
		return 0;
	if (!strcmp(p->problem, "mapping values are not allowed in this context")) {
		/* "prompt: Note: this" -- a second ': ' on one line, not indentation. */
		if (at < y->len && colon_before(y, at))
			return !fail_at(y, line, col, "a ': ' inside a value starts a new "
				       "field; put the text in quotes");
		return !fail_at(y, line, col, "this line is indented more than the "
			       "field above it: check the indentation of line %zu or "
			       "the line above", shown);
	}
	if (!strcmp(p->problem, "did not find expected key") ||
	    !strcmp(p->problem, "did not find expected '-' indicator") ||
	    !strcmp(p->problem, "block sequence entries are not allowed in this context"))
		return !fail_at(y, line, col, "this line does not line up with the "
			       "lines above it: check the indentation of line %zu or "
			       "the line above", shown);
	if (strstr(p->problem, "tab character that violates indentation"))
		return !fail_at(y, line, col, "a tab cannot indent YAML; use spaces");
	return 0;
}

/*
 * A problem's line and column come from its mark's index, as every other
 * reader here counts them: at the end of a text without a final line feed
 * libyaml's own mark is on a line after the last one.
 */
static int parser_failed(struct yml *y)
{
	yaml_parser_t *p = &y->parser;
	size_t line, col, at;

	if (p->error == YAML_READER_ERROR) {
		offset_to_pos(y, p->problem_offset, &line, &col);
		return fail_at(y, line, col, "not valid UTF-8 text (%s)",
			       reader_problem(p->problem));
	}
	if (p->error == YAML_MEMORY_ERROR)
		return fail_at(y, 1, 1, "out of memory while reading YAML");
	at = byte_of(y, p->problem_mark.index);
	offset_to_pos(y, at, &line, &col);
	if (p->problem && strstr(p->problem, "cannot start any token") &&
	    at < y->len && y->buf[at] == '\t')
		return fail_at(y, line, col, "a tab cannot indent YAML; use spaces");
	if (indentation_failed(y, line, col))
		return 0;
	if (p->context) {
		size_t cline, ccol;

		offset_to_pos(y, byte_of(y, p->context_mark.index), &cline, &ccol);
		return fail_at(y, line, col, "%s (%s at %zu:%zu)",
			       p->problem ? p->problem : "bad YAML", p->context,
			       cline + (size_t)y->line_offset, ccol);
	}
	return fail_at(y, line, col, "%s", p->problem ? p->problem : "bad YAML");
}

static int next_event(struct yml *y)
{
	if (y->have_event) {
		yaml_event_delete(&y->event);
		y->have_event = 0;
	}
	if (!yaml_parser_parse(&y->parser, &y->event))
		return parser_failed(y);
	y->have_event = 1;
	return 1;
}

/* Anchors, aliases and tags: one check for every node event. */
static int refuse_extras(struct yml *y)
{
	yaml_event_t *e = &y->event;
	const yaml_char_t *anchor = NULL, *tag = NULL;

	switch (e->type) {
	case YAML_ALIAS_EVENT:
		return fail_mark(y, e->start_mark,
				 "aliases (*%s) are not allowed; write the value out",
				 (const char *)e->data.alias.anchor);
	case YAML_SCALAR_EVENT:
		anchor = e->data.scalar.anchor;
		tag = e->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
		break;
	default:
		break;
	}
	if (anchor)
		return fail_mark(y, e->start_mark,
				 "anchors (&%s) are not allowed", (const char *)anchor);
	if (tag)
		return fail_mark(y, e->start_mark,
				 "tags (%s) are not allowed", (const char *)tag);
	return 1;
}

static int is_null_scalar(const yaml_event_t *e)
{
	const char *v = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;

	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return n == 0 || (n == 1 && v[0] == '~') ||
	       (n == 4 && (!memcmp(v, "null", 4) || !memcmp(v, "Null", 4) ||
			   !memcmp(v, "NULL", 4)));
}

/* Number position m; returns its number (see the top of this file). */
static lua_Integer note_pos(struct yml *y, yaml_mark_t m)
{
	if (y->npos == y->maxpos) {
		size_t n = y->maxpos ? 2 * y->maxpos : 1024;
		int64_t *p = realloc(y->pos, n * sizeof *p);

		if (!p)
			luaL_error(y->L, "out of memory");   /* build_protected's pcall */
		y->pos = p;
		y->maxpos = n;
	}
	y->pos[y->npos] = (int64_t)pack_pos(y, m);
	return (lua_Integer)(y->base + y->npos++);
}

/* where[t] = info, info[1] = this node's position and kind; info is pushed. */
static int info_open(struct yml *y, int t, lua_Integer self, int mapping, int hint)
{
	lua_State *L = y->L;

	lua_createtable(L, mapping ? 1 : hint + 1, mapping ? hint : 0);
	lua_pushinteger(L, 2 * self + mapping);
	lua_rawseti(L, -2, 1);
	lua_pushvalue(L, t);
	lua_pushvalue(L, -2);
	lua_rawset(L, y->where);
	return lua_gettop(L);
}

static int enter(struct yml *y)
{
	if (++y->depth > TB_MAX_DEPTH)
		return fail_mark(y, y->event.start_mark,
				 "nesting deeper than %d levels", TB_MAX_DEPTH);
	return 1;
}

/* Remember a node's size for its next sibling, up to a size worth guessing. */
static void leave(struct yml *y, int *hint, lua_Integer n)
{
	hint[y->depth] = n < TB_SIZE_HINT ? (int)n : TB_SIZE_HINT;
	y->depth--;
}

/* self: the number of this node's position (where it starts). */
static int build_sequence(struct yml *y, lua_Integer self)
{
	lua_State *L = y->L;
	int t, info = 0;
	lua_Integer n = 0;

	if (!enter(y))
		return 0;
	lua_createtable(L, y->seq_hint[y->depth], 0);
	t = lua_gettop(L);
	if (y->where)
		info = info_open(y, t, self, 0, y->seq_hint[y->depth]);
	for (;;) {
		lua_Integer at = 0;

		if (!next_event(y))
			return 0;
		if (y->event.type == YAML_SEQUENCE_END_EVENT)
			break;
		if (info)
			at = note_pos(y, y->event.start_mark);
		if (!build_node(y, at))
			return 0;
		lua_rawseti(L, t, ++n);
		if (info) {
			lua_pushinteger(L, at);
			lua_rawseti(L, info, n + 1);
		}
	}
	lua_settop(L, t);
	leave(y, y->seq_hint, n);
	return 1;
}

/*
 * In {text: It can, but less often.} the comma ends the value and
 * "but less often." becomes a key with no value.  A flow mapping key not
 * followed by ':' is that mistake; say so, rather than "unknown field".
 */
static int key_without_value(struct yml *y, yaml_mark_t key_end)
{
	const yaml_event_t *e = &y->event;
	size_t i;

	if (e->type != YAML_SCALAR_EVENT || e->data.scalar.length != 0 ||
	    e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	i = byte_of(y, key_end.index);
	while (i < y->len && (y->buf[i] == ' ' || y->buf[i] == '\t' ||
			      y->buf[i] == '\r' || y->buf[i] == '\n'))
		i++;
	return i >= y->len || y->buf[i] != ':';
}

static int build_mapping(struct yml *y, lua_Integer self)
{
	lua_State *L = y->L;
	int t, info = 0, base;
	lua_Integer n = 0;
	int flow = y->event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;

	if (!enter(y))
		return 0;
	lua_createtable(L, 0, y->map_hint[y->depth] + TB_MAP_ROOM);
	t = lua_gettop(L);
	if (y->where)
		info = info_open(y, t, self, 1, y->map_hint[y->depth]);
	base = lua_gettop(L);
	for (;;) {
		yaml_mark_t km, ke;
		lua_Integer at = 0;
		int key;

		if (!next_event(y))
			return 0;
		if (y->event.type == YAML_MAPPING_END_EVENT)
			break;
		km = y->event.start_mark;
		if (!refuse_extras(y))
			return 0;
		if (y->event.type != YAML_SCALAR_EVENT)
			return fail_mark(y, km, "a key must be plain text, not a %s",
					 y->event.type == YAML_MAPPING_START_EVENT ?
					 "mapping" : "list");
		if (is_null_scalar(&y->event))
			return fail_mark(y, km, "a key cannot be empty");
		lua_pushlstring(L, (const char *)y->event.data.scalar.value,
				y->event.data.scalar.length);
		key = lua_gettop(L);
		lua_pushvalue(L, key);
		if (lua_rawget(L, t) != LUA_TNIL) {
			size_t kl;
			const char *ks = lua_tolstring(L, key, &kl);
			size_t fl = 0, fc = 0;

			if (info) {
				lua_pushvalue(L, key);
				lua_rawget(L, info);
				lua_Integer p = y->pos[lua_tointeger(L, -1) - (lua_Integer)y->base];
				fl = (size_t)(p >> 32) - (size_t)y->line_offset;
				fc = (size_t)(p & 0xffffffff);
			}
			if (fl)
				return fail_mark(y, km, "duplicate key '%.*s' (first at %zu:%zu)",
						 (int)(kl > 64 ? 64 : kl), ks,
						 fl + (size_t)y->line_offset, fc);
			return fail_mark(y, km, "duplicate key '%.*s'",
					 (int)(kl > 64 ? 64 : kl), ks);
		}
		lua_pop(L, 1);
		ke = y->event.end_mark;
		if (!next_event(y))
			return 0;
		if (flow && key_without_value(y, ke)) {
			size_t kl;
			const char *ks = lua_tolstring(L, key, &kl);

			return fail_mark(y, km, "a comma inside { } ends the value: put the "
					 "text in quotes ('%.*s' was read as a field of its own)",
					 (int)(kl > 64 ? 64 : kl), ks);
		}
		if (info) {             /* the key's position, then its value's */
			at = note_pos(y, km);
			note_pos(y, y->event.start_mark);
		}
		if (!build_node(y, at + 1))
			return 0;
		lua_pushvalue(L, key);
		lua_insert(L, -2);
		lua_rawset(L, t);
		if (info) {
			lua_pushvalue(L, key);
			lua_pushinteger(L, at);
			lua_rawset(L, info);
		}
		lua_settop(L, base);
		n++;
	}
	lua_settop(L, t);
	leave(y, y->map_hint, n);
	return 1;
}

/* Build the node whose first event is current; push its value.  self:
 * the number of its position, when positions are kept. */
static int build_node(struct yml *y, lua_Integer self)
{
	/* Each node costs Lua tables for its value and position: bound them. */
	if (++y->nodes > TB_MAX_NODES)
		return fail_mark(y, y->event.start_mark, "more than %d values in one file",
				 TB_MAX_NODES);
	if (!lua_checkstack(y->L, 8))
		return fail_mark(y, y->event.start_mark, "document too complex");
	if (!refuse_extras(y))
		return 0;
	switch (y->event.type) {
	case YAML_SCALAR_EVENT:
		if (is_null_scalar(&y->event))
			yml_push_null(y->L);
		else
			lua_pushlstring(y->L, (const char *)y->event.data.scalar.value,
					y->event.data.scalar.length);
		return 1;
	case YAML_SEQUENCE_START_EVENT:
		return build_sequence(y, self);
	case YAML_MAPPING_START_EVENT:
		return build_mapping(y, self);
	default:
		return fail_mark(y, y->event.start_mark, "unexpected YAML event");
	}
}

static int build_stream(struct yml *y)
{
	if (!next_event(y) || !next_event(y))   /* stream start, then document */
		return 0;
	if (y->event.type == YAML_STREAM_END_EVENT)
		return fail_at(y, 1, 1, "the file is empty");
	if (!next_event(y) || !build_node(y, y->where ? note_pos(y, y->event.start_mark) : 0))
		return 0;
	if (!next_event(y))                     /* document end */
		return 0;
	if (!next_event(y))
		return 0;
	if (y->event.type != YAML_STREAM_END_EVENT)
		return fail_mark(y, y->event.start_mark,
				 "only one YAML document is allowed in a file");
	return 1;
}

/* where[0] = the positions before this file's, then this file's. */
static void save_positions(struct yml *y)
{
	lua_State *L = y->L;

	lua_rawgeti(L, y->where, 0);
	if (lua_type(L, -1) != LUA_TSTRING) {
		lua_pop(L, 1);
		lua_pushliteral(L, "");
	}
	lua_pushlstring(L, (const char *)y->pos, y->npos * sizeof *y->pos);
	lua_concat(L, 2);
	lua_rawseti(L, y->where, 0);
}

/* Runs under lua_pcall, so a Lua memory error cannot leak the parser. */
static int build_protected(lua_State *L)
{
	struct yml *y = lua_touserdata(L, 1);

	/* Indices are per C frame: the where table is this frame's 2nd arg. */
	if (y->where) {
		y->where = 2;
		if (lua_rawgeti(L, 2, 0) == LUA_TSTRING)
			y->base = lua_rawlen(L, -1) / sizeof *y->pos;
		lua_pop(L, 1);
	}
	if (!build_stream(y))
		return 0;
	/* The text is parsed: free it before its positions are copied, the
	 * moment a large file's memory peaks. */
	free(y->owned);
	y->owned = NULL;
	if (y->where)
		save_positions(y);
	return 1;
}

/*
 * Where the text of a file starts.  Windows editors may begin UTF-8 with a
 * byte-order mark, which libyaml would read as a stray character: skip
 * it.  Returns NULL, or a message when the bytes look like UTF-16 or
 * UTF-32 (a byte-order mark, or a NUL among the first two bytes, which
 * UTF-8 text never has) -- naming the encoding says what to do.
 */
const char *yml_text_start(const char *buf, size_t len, size_t *skip)
{
	const unsigned char *b = (const unsigned char *)buf;

	*skip = 0;
	if (len >= 4 && ((b[0] == 0xFF && b[1] == 0xFE && !b[2] && !b[3]) ||
			 (!b[0] && !b[1] && b[2] == 0xFE && b[3] == 0xFF)))
		return "this looks like UTF-32; save it as UTF-8";
	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) ||
			 (!b[0] && b[1]) || (b[0] && !b[1])))
		return "this looks like UTF-16; save it as UTF-8";
	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		*skip = 3;
	return NULL;
}

/*
 * Where the first control character of a text is: 1 + its byte offset, or
 * 0.  Control characters are C0 but tab and newline, DEL, and C1 (U+0080
 * to U+009F, written 0xC2 0x80-0x9F in UTF-8); an ESC in a prompt could
 * rewrite the learner's screen.  What a text may hold is the schema's
 * call (schema.lua); this is only the scan, which in a Lua pattern read
 * its character class item by item for every byte of every text.
 */
size_t yml_control_at(const char *text, size_t len)
{
	/* 1: a C0 control or DEL; 2: 0xC2, a C1 control when 0x80-0x9F follows. */
	static const unsigned char kind[256] = {
		1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		[0x7F] = 1, [0xC2] = 2,
	};
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = 0; i < len; i++) {
		if (!kind[s[i]])
			continue;
		if (kind[s[i]] == 1 || (i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F))
			return i + 1;
	}
	return 0;
}

/*
 * libyaml reads YAML 1.1, which breaks lines at a carriage return without
 * a line feed and at U+0085, U+2028 and U+2029 as well as at LF.  An
 * editor, and every other reader here, counts LF only (CRLF as one), so
 * after such a character each position would name the wrong line.  Inside
 * quotes or a block it is no more content than outside: libyaml folds a
 * CR or U+0085 into a space or a line feed and drops the spaces beside
 * U+2028 and U+2029.  The offset of the first one (its message in *why),
 * or len.  (In double quotes the escape \u2028 still writes one.)
 */
static size_t yaml_only_break(const unsigned char *s, size_t len, const char **why)
{
	/* The bytes that may start one: one look-up a byte of the file. */
	static const unsigned char first[256] = { ['\r'] = 1, [0xC2] = 1, [0xE2] = 1 };

	for (size_t i = 0; i < len; i++) {
		if (!first[s[i]])
			continue;
		if (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')) {
			*why = "a carriage return (U+000D) without a line feed, which YAML "
			       "reads as a line break; save the file with LF or CRLF line ends";
			return i;
		}
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x85) {
			*why = "a next-line character (U+0085), which YAML reads as a line "
			       "break; replace it with a line end or a space";
			return i;
		}
		if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
			*why = s[i + 2] == 0xA8 ?
			       "a line separator (U+2028), which YAML reads as a line break; "
			       "replace it with a line end or a space" :
			       "a paragraph separator (U+2029), which YAML reads as a line "
			       "break; replace it with a line end or a space";
			return i;
		}
	}
	return len;
}

void yml_push_null(lua_State *L)
{
	lua_pushlightuserdata(L, NULL);
}

/*
 * Push the document in buf (a table, string or null) and return 1; or push
 * an error message "NAME:LINE:COL: error: ..." and return 0.
 * where is a stack index of the positions table, or 0 for none.
 */
int yml_push_string(lua_State *L, const char *buf, size_t len,
		    const char *name, int line_offset, int where)
{
	return push_text(L, buf, len, name, line_offset, where, NULL);
}

/* yml_push_string; owned (buf itself, or NULL) is freed once parsed, or on return. */
static int push_text(lua_State *L, const char *buf, size_t len, const char *name,
		     int line_offset, int where, char *owned)
{
	struct yml y;
	const char *why;
	size_t skip, at, line, col;
	int status, ok;

	memset(&y, 0, sizeof y);
	y.owned = owned;
	y.L = L;
	y.name = name;
	y.buf = (const unsigned char *)buf;
	y.len = len;
	y.line_offset = line_offset;
	if (len > TB_MAX_FILE) {
		lua_pushfstring(L, "%s:1:1: error: larger than %d MiB",
				name, (int)(TB_MAX_FILE >> 20));
		goto refused;
	}
	if ((why = yml_text_start(buf, len, &skip)) != NULL) {
		lua_pushfstring(L, "%s:%d:1: error: %s", name, 1 + line_offset, why);
		goto refused;
	}
	y.buf += skip;
	y.len -= skip;
	if ((at = yaml_only_break(y.buf, y.len, &why)) < y.len) {
		offset_to_pos(&y, at, &line, &col);
		fail_at(&y, line, col, "%s", why);
		lua_pushstring(L, y.err);
		goto refused;
	}
	y.where = where ? lua_absindex(L, where) : 0;
	if (!yaml_parser_initialize(&y.parser)) {
		lua_pushfstring(L, "%s:1:1: error: out of memory", name);
		goto refused;
	}
	yaml_parser_set_input_string(&y.parser, y.buf, y.len);
	yaml_parser_set_encoding(&y.parser, YAML_UTF8_ENCODING);

	lua_pushcfunction(L, build_protected);
	lua_pushlightuserdata(L, &y);
	if (y.where)
		lua_pushvalue(L, y.where);
	else
		lua_pushnil(L);
	status = lua_pcall(L, 2, 1, 0);
	free(y.owned);          /* (NULL when parsed: freed then) */
	free(y.pos);
	if (y.have_event)
		yaml_event_delete(&y.event);
	yaml_parser_delete(&y.parser);
	if (status != LUA_OK) {
		lua_pop(L, 1);
		lua_pushfstring(L, "%s:1:1: error: out of memory while loading", name);
		return 0;
	}
	ok = y.err[0] == '\0';
	if (!ok) {
		lua_pop(L, 1);
		lua_pushstring(L, y.err);
	}
	return ok;
refused:
	free(owned);
	return 0;
}

/* Same as yml_push_string for a whole file. */
int yml_push_file(lua_State *L, const char *path, int where)
{
	char err[TB_ERRLEN];
	char *buf;
	size_t len, skip;

	if (!fs_read(path, TB_MAX_FILE, &buf, &len, err, sizeof err)) {
		lua_pushstring(L, err);
		return 0;
	}
	where = where ? lua_absindex(L, where) : 0;
	/* A .json file must be JSON, not merely YAML (see json.c). */
	if (json_named(path) && !yml_text_start(buf, len, &skip) &&
	    !json_syntax_ok(buf + skip, len - skip, path, err, sizeof err)) {
		free(buf);
		lua_pushstring(L, err);
		return 0;
	}
	return push_text(L, buf, len, path, 0, where, buf);
}
