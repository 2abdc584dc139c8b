/*
 * csv.c -- the `csv` library: comma-separated files as RFC 4180 writes
 * them (quoted fields with "" for a quote, commas and line breaks inside
 * quotes), plus what spreadsheets add: a UTF-8 byte-order mark, CRLF or LF
 * line ends.
 *
 *   csv.read(path)        -> records, problems | nil, message
 *   csv.parse(text, name) -> records, problems
 *   csv.writer(path)      -> w | nil, message   ("-" is standard output)
 *   w:write(text) w:flush() w:close()
 *
 * Each record is { line = N, pos = {P1, P2, ...}, field1, field2, ... }
 * (N: the line it starts on; Pi: where field i starts, (line << 32) |
 * column, as yaml.c packs positions: after a quoted field spanning lines,
 * a later field is on a later line than N).  Lines count LF only (CRLF as
 * one; a CR alone is text), columns characters.  A malformed record (a stray quote, text after a
 * closing quote, a quote never closed) is not returned: it goes into
 * problems as
 * { line = N, col = C, message = "..." }, and reading goes on at the next
 * line, so one bad row never hides the others.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "teachback.h"

#define CSV_MAX_FILE   (64u * 1024 * 1024)   /* a class of thousands fits easily */
#define CSV_MAX_FIELDS 4096                  /* per record */
/*
 * A sheet of a class has thousands of rows; these bound the tables a
 * hostile file can make (two million one-cell bad rows took 1.4 GB of
 * problems): reading stops at the limit with a problem saying so.
 */
#define CSV_MAX_RECORDS  100000
#define CSV_MAX_PROBLEMS 1000

struct reader {
	lua_State *L;
	const char *p, *end;
	long line;              /* of the byte at p */
	const char *line_start;
	const char *col_start, *col_at;  /* col_of's last answer: col_at on */
	int col;                         /* the line at col_start is column col */
	int records, problems;  /* stack indexes of the two result tables */
	long nrecords, nproblems;
	int stopped;            /* a limit was reached: read no further */
	luaL_Buffer *b;
};

/*
 * The column of at on its line in characters, as YAML positions and an
 * editor count them (a UTF-8 continuation byte counts none).  Fields come
 * left to right, so the count goes on from the last answer on the line.
 */
static int col_of(struct reader *r, const char *at)
{
	if (r->col_start != r->line_start || r->col_at > at) {
		r->col_start = r->col_at = r->line_start;
		r->col = 1;
	}
	for (; r->col_at < at; r->col_at++)
		if (((unsigned char)*r->col_at & 0xC0) != 0x80)
			r->col++;
	return r->col;
}

static void problem(struct reader *r, long line, int col, const char *msg)
{
	lua_State *L = r->L;

	lua_createtable(L, 0, 3);
	lua_pushinteger(L, line);
	lua_setfield(L, -2, "line");
	lua_pushinteger(L, col);
	lua_setfield(L, -2, "col");
	lua_pushstring(L, msg);
	lua_setfield(L, -2, "message");
	lua_rawseti(L, r->problems, (lua_Integer)luaL_len(L, r->problems) + 1);
	if (++r->nproblems == CSV_MAX_PROBLEMS && !r->stopped) {
		r->stopped = 1;
		problem(r, line, col, "more than 1000 rows with problems; the rest of the "
			"file was not read (fix these and read it again)");
	}
}

static int at_eol(const struct reader *r)
{
	return r->p < r->end && (*r->p == '\n' || (*r->p == '\r' &&
		(r->p + 1 == r->end || r->p[1] == '\n')));
}

static void skip_eol(struct reader *r)
{
	if (*r->p == '\r')
		r->p++;
	if (r->p < r->end && *r->p == '\n')
		r->p++;
	r->line++;
	r->line_start = r->p;
}

/* After a malformed field: drop the rest of the physical line. */
static void skip_line(struct reader *r)
{
	while (r->p < r->end && !at_eol(r))
		r->p++;
	if (r->p < r->end)
		skip_eol(r);
}

/*
 * The character at p as a message quotes it: a printable ASCII character
 * or a whole UTF-8 one as it is, anything else (a NUL would cut the
 * message, a control character or a stray byte would garble it) as its
 * byte in hex.
 */
static void quote_char(const struct reader *r, const char *p, char *out, size_t size)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t left = (size_t)(r->end - p), n = 0;
	unsigned lo = 0x80, hi = 0xBF;

	if (u[0] >= 0x20 && u[0] < 0x7F) {
		snprintf(out, size, "'%c'", u[0]);
		return;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF)
		n = 1, lo = u[0] == 0xC2 ? 0xA0 : 0x80;      /* not a C1 control */
	else if (u[0] >= 0xE0 && u[0] <= 0xEF)
		n = 2, lo = u[0] == 0xE0 ? 0xA0 : 0x80, hi = u[0] == 0xED ? 0x9F : 0xBF;
	else if (u[0] >= 0xF0 && u[0] <= 0xF4)
		n = 3, lo = u[0] == 0xF0 ? 0x90 : 0x80, hi = u[0] == 0xF4 ? 0x8F : 0xBF;
	if (n && n < left && u[1] >= lo && u[1] <= hi &&
	    (n < 2 || (u[2] & 0xC0) == 0x80) && (n < 3 || (u[3] & 0xC0) == 0x80)) {
		snprintf(out, size, "'%.*s'", (int)n + 1, p);
		return;
	}
	snprintf(out, size, "byte 0x%02X", u[0]);
}

/*
 * One field; pushes it.  Returns 1, or 0 after reporting a problem (and
 * leaving the stack as it was).
 */
static int read_field(struct reader *r)
{
	const char *start = r->p;

	if (r->p < r->end && *r->p == '"') {
		/* Where the quote opens: an earlier field of the record may
		 * have spanned lines, so not always the record's line. */
		long qline = r->line;
		int qcol = col_of(r, r->p);
		luaL_Buffer b;

		r->p++;
		luaL_buffinit(r->L, &b);
		for (;;) {
			if (r->p == r->end) {
				luaL_pushresult(&b);
				lua_pop(r->L, 1);
				problem(r, qline, qcol, "a quoted field is never closed "
					"(expected '\"' before the end of the file)");
				return 0;
			}
			if (*r->p == '"') {
				if (r->p + 1 < r->end && r->p[1] == '"') {
					luaL_addchar(&b, '"');
					r->p += 2;
					continue;
				}
				r->p++;
				break;
			}
			if (*r->p == '\n') {
				luaL_addchar(&b, '\n');
				r->p++;
				r->line++;
				r->line_start = r->p;
				continue;
			}
			luaL_addchar(&b, *r->p++);
		}
		if (r->p < r->end && *r->p != ',' && !at_eol(r)) {
			char msg[128], found[16];

			luaL_pushresult(&b);
			lua_pop(r->L, 1);
			quote_char(r, r->p, found, sizeof found);
			snprintf(msg, sizeof msg, "text after a closing quote (expected ',' or the "
				 "end of the line, found %s)", found);
			problem(r, r->line, col_of(r, r->p), msg);
			return 0;
		}
		luaL_pushresult(&b);
		return 1;
	}
	while (r->p < r->end && *r->p != ',' && !at_eol(r)) {
		if (*r->p == '"') {
			problem(r, r->line, col_of(r, r->p), "a quote inside an unquoted field "
				"(quote the whole field and double the quote: \"a \"\"b\"\" c\")");
			return 0;
		}
		r->p++;
	}
	lua_pushlstring(r->L, start, (size_t)(r->p - start));
	return 1;
}

/* One record; returns 0 at the end of the input. */
static int read_record(struct reader *r)
{
	lua_State *L = r->L;
	long rec_line = r->line;
	lua_Integer n = 0;
	int rec, pos;

	if (r->p >= r->end || r->stopped)
		return 0;
	if (at_eol(r)) {                 /* a blank line: nothing to grade */
		skip_eol(r);
		return 1;
	}
	lua_newtable(L);
	rec = lua_gettop(L);
	lua_newtable(L);
	pos = lua_gettop(L);
	for (;;) {
		long line = r->line;
		int col = col_of(r, r->p);

		if (!read_field(r)) {
			lua_pop(L, 2);
			skip_line(r);
			return 1;
		}
		if (n == CSV_MAX_FIELDS) {
			lua_pop(L, 3);
			problem(r, r->line, col_of(r, r->p), "more than 4096 fields in a row");
			skip_line(r);
			return 1;
		}
		lua_rawseti(L, rec, ++n);
		lua_pushinteger(L, ((lua_Integer)line << 32) | col);
		lua_rawseti(L, pos, n);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		break;
	}
	if (r->p < r->end)
		skip_eol(r);
	lua_setfield(L, rec, "pos");
	lua_pushinteger(L, rec_line);
	lua_setfield(L, -2, "line");
	lua_rawseti(L, r->records, (lua_Integer)++r->nrecords);
	if (r->nrecords == CSV_MAX_RECORDS && r->p < r->end) {
		r->stopped = 1;
		problem(r, r->line, 1, "more than 100000 rows; the rest of the file was "
			"not read (split the sheet)");
	}
	return 1;
}

static int parse(lua_State *L, const char *buf, size_t len)
{
	struct reader r;

	lua_newtable(L);
	lua_newtable(L);
	r.L = L;
	r.p = buf;
	r.end = buf + len;
	r.line = 1;
	r.nrecords = r.nproblems = 0;
	r.stopped = 0;
	r.records = lua_gettop(L) - 1;
	r.problems = lua_gettop(L);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r.p += 3;                /* a spreadsheet's byte-order mark */
	r.line_start = r.p;
	r.col_start = r.col_at = NULL;
	while (read_record(&r))
		;
	return 2;
}

static int l_parse(lua_State *L)
{
	size_t len;
	const char *text = luaL_checklstring(L, 1, &len);

	return parse(L, text, len);
}

static int l_read(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);
	char err[TB_ERRLEN], *buf;
	size_t len;
	int n;

	if (!fs_read(path, CSV_MAX_FILE, &buf, &len, err, sizeof err)) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		return 2;
	}
	n = parse(L, buf, len);
	free(buf);
	return n;
}

/* ---- writing: results for a gradebook, flushed as they are final ---- */

#define WRITER_META "teachback.csvwriter"

struct writer {
	FILE *f;
	int owned;      /* 0 for stdout, which is never closed here */
	char *path;
};

static struct writer *check_writer(lua_State *L)
{
	struct writer *w = luaL_checkudata(L, 1, WRITER_META);

	if (!w->f)
		luaL_error(L, "the output file is closed");
	return w;
}

static int writer_fail(lua_State *L, struct writer *w)
{
	return luaL_error(L, "%s: cannot write (%s)", w->path ? w->path : "output",
			  strerror(errno));
}

static int l_writer(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);
	struct writer *w = lua_newuserdatauv(L, sizeof *w, 0);

	memset(w, 0, sizeof *w);
	luaL_setmetatable(L, WRITER_META);
	host_must_close(L);
	if (strcmp(path, "-") == 0) {
		w->f = stdout;
		return 1;
	}
	if (!(w->path = strdup(path)) || !(w->f = fopen(path, "wb"))) {
		lua_pushnil(L);
		lua_pushfstring(L, "%s: cannot write (%s)", path, strerror(errno));
		return 2;
	}
	w->owned = 1;
	return 1;
}

static int l_write(lua_State *L)
{
	struct writer *w = check_writer(L);
	size_t len;
	const char *s = luaL_checklstring(L, 2, &len);

	if (fwrite(s, 1, len, w->f) != len)
		return writer_fail(L, w);
	return 0;
}

static int l_flush(lua_State *L)
{
	struct writer *w = check_writer(L);

	if (fflush(w->f) != 0)
		return writer_fail(L, w);
	return 0;
}

static int l_wclose(lua_State *L)
{
	struct writer *w = luaL_checkudata(L, 1, WRITER_META);
	int bad = 0;

	if (w->f) {
		bad = w->owned ? fclose(w->f) != 0 : fflush(w->f) != 0;
		w->f = NULL;
	}
	free(w->path);
	w->path = NULL;
	if (bad)
		return luaL_error(L, "cannot finish writing the output (%s)", strerror(errno));
	return 0;
}

static int l_wgc(lua_State *L)
{
	struct writer *w = luaL_checkudata(L, 1, WRITER_META);

	if (w->f && w->owned)
		fclose(w->f);
	w->f = NULL;
	free(w->path);
	w->path = NULL;
	return 0;
}

int luaopen_csv(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{"read", l_read}, {"parse", l_parse}, {"writer", l_writer}, {NULL, NULL}
	};
	static const luaL_Reg methods[] = {
		{"write", l_write}, {"flush", l_flush}, {"close", l_wclose}, {NULL, NULL}
	};

	luaL_newmetatable(L, WRITER_META);
	luaL_newlib(L, methods);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, l_wgc);
	lua_setfield(L, -2, "__gc");
	lua_pop(L, 1);
	luaL_newlib(L, fns);
	return 1;
}
