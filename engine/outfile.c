/*
 * outfile.c -- the files exports and imports write: whole files (written
 * to a temporary name beside the target, then renamed, so a failed export
 * never leaves half a file where a good one was), folders, a capped read
 * of any text file, and a zip archive for IMS content packages.
 *
 * The zip is written by hand with the "stored" method (no compression):
 * a QTI package is a few dozen small XML files, the format of a stored
 * entry is a fixed header, the bytes and a CRC-32 (zlib's crc32), and a
 * library such as libzip would add a dependency for a dozen lines.  Names
 * are ASCII paths chosen by the exporter; the archive is refused past
 * OUT_ZIP_MAX entries or bytes so it never needs the zip64 extensions.
 *
 * Also the byte-level writing of the formats, where Lua patterns (a class
 * tried at every byte) spent most of the time: the YAML that imports write
 * (host.yaml_document: the value in block style, map keys in an order the
 * caller gives; host.yaml_scalar: a string plain where it reads back as the
 * same string, double-quoted otherwise) and XML text (host.xml_escape).
 * What to write, and in which order, stays in the formats (Lua).
 *
 * Lua sees these as host.read_text, host.write_file, host.make_dir,
 * host.write_zip, host.yaml_scalar, host.yaml_document and
 * host.xml_escape (registered by out_register).
 */
#include <ctype.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <lauxlib.h>
#include <zlib.h>

#include "teachback.h"

#define OUT_ZIP_ENTRIES 10000
#define OUT_ZIP_MAX     (256u << 20)    /* bytes in one archive */
#define OUT_READ_MAX    (256u << 20)    /* a caller's limit may not pass this */

/*
 * Write len bytes to path via a temporary name beside it and rename.  The
 * temporary name carries the process id and a count, so two threads of
 * one server writing the same file (the read-aloud cache) never share it.
 * Returns 1, or 0 with err.
 */
int out_write(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	static atomic_ulong serial;
	char tmp[4096];
	FILE *f;

	if (snprintf(tmp, sizeof tmp, "%s.tmp%ld-%lu", path, (long)getpid(),
		     atomic_fetch_add(&serial, 1)) >= (int)sizeof tmp) {
		snprintf(err, errlen, "%s: error: path too long", path);
		return 0;
	}
	f = fopen(tmp, "wb");
	if (!f) {
		snprintf(err, errlen, "%s: error: cannot write (%s)", path, strerror(errno));
		return 0;
	}
	if ((len && fwrite(data, 1, len, f) != len) | (fclose(f) != 0)) {
		snprintf(err, errlen, "%s: error: write failed (%s)", path, strerror(errno));
		remove(tmp);
		return 0;
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: error: cannot write (%s)", path, strerror(errno));
		remove(tmp);
		return 0;
	}
	return 1;
}

/* ---- zip (stored) ------------------------------------------------- */

struct zbuf {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct zbuf *z, const void *src, size_t n)
{
	memcpy(z->p + z->len, src, n);  /* cap was computed beforehand */
	z->len += n;
}

static void put16(struct zbuf *z, unsigned v)
{
	unsigned char c[2] = { (unsigned char)(v & 0xff), (unsigned char)((v >> 8) & 0xff) };

	put(z, c, 2);
}

static void put32(struct zbuf *z, uint32_t v)
{
	put16(z, v & 0xffff);
	put16(z, v >> 16);
}

/*
 * One header: the local one (central = 0) or the central directory's.
 * The date is fixed (1980-01-01) so the same quiz gives the same bytes.
 */
static void zip_header(struct zbuf *z, int central, const char *name, size_t nlen,
		       uint32_t crc, uint32_t size, uint32_t offset)
{
	put32(z, central ? 0x02014b50 : 0x04034b50);
	if (central)
		put16(z, 20);           /* made by: version 2.0 */
	put16(z, 20);                   /* needed to extract */
	put16(z, 0x0800);               /* flags: names are UTF-8 */
	put16(z, 0);                    /* method: stored */
	put16(z, 0);                    /* time */
	put16(z, 0x21);                 /* date: 1980-01-01 */
	put32(z, crc);
	put32(z, size);
	put32(z, size);
	put16(z, (unsigned)nlen);
	put16(z, 0);                    /* extra field */
	if (central) {
		put16(z, 0);            /* comment */
		put16(z, 0);            /* disk */
		put16(z, 0);            /* internal attributes */
		put32(z, 0);            /* external attributes */
		put32(z, offset);
	}
	put(z, name, nlen);
}

static int valid_entry_name(const char *name, size_t n)
{
	if (n == 0 || n > 255 || name[0] == '/' || strstr(name, ".."))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == '\\')
			return 0;
	return 1;
}

/* Entry i of the table at index 2: pushes nothing, returns name and data. */
static int zip_entry(lua_State *L, lua_Integer i, const char **name, size_t *nlen,
		     const char **data, size_t *dlen)
{
	lua_rawgeti(L, 2, i);
	lua_rawgeti(L, -1, 1);
	lua_rawgeti(L, -2, 2);
	*name = lua_type(L, -2) == LUA_TSTRING ? lua_tolstring(L, -2, nlen) : NULL;
	*data = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, dlen) : NULL;
	/* The strings stay anchored in the entries table while we use them. */
	lua_pop(L, 3);
	return *name && *data && valid_entry_name(*name, *nlen);
}

/* host.write_zip(path, {{name, data}, ...}) -> true | nil, message */
static int l_write_zip(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1), *name, *data;
	size_t nlen, dlen, dirstart, dirlen;
	struct zbuf z = { NULL, 0, 22 };
	uint32_t *offsets, *crcs;
	lua_Integer n;
	char err[TB_ERRLEN];
	int ok;

	luaL_checktype(L, 2, LUA_TTABLE);
	n = luaL_len(L, 2);
	if (n < 1 || n > OUT_ZIP_ENTRIES)
		return luaL_error(L, "write_zip: %d entries (1 to %d allowed)", (int)n,
				  OUT_ZIP_ENTRIES);
	for (lua_Integer i = 1; i <= n; i++) {
		if (!zip_entry(L, i, &name, &nlen, &data, &dlen))
			return luaL_error(L, "write_zip: entry %d needs a relative name and text",
					  (int)i);
		z.cap += 30 + 46 + 2 * nlen + dlen;
		if (z.cap > OUT_ZIP_MAX || dlen > OUT_ZIP_MAX)
			return luaL_error(L, "write_zip: archive larger than %d MiB",
					  (int)(OUT_ZIP_MAX >> 20));
	}
	offsets = lua_newuserdatauv(L, (size_t)n * sizeof *offsets, 0);
	crcs = lua_newuserdatauv(L, (size_t)n * sizeof *crcs, 0);
	z.p = lua_newuserdatauv(L, z.cap, 0);
	for (lua_Integer i = 1; i <= n; i++) {
		zip_entry(L, i, &name, &nlen, &data, &dlen);
		offsets[i - 1] = (uint32_t)z.len;
		crcs[i - 1] = (uint32_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)data,
					      (uInt)dlen);
		zip_header(&z, 0, name, nlen, crcs[i - 1], (uint32_t)dlen, 0);
		put(&z, data, dlen);
	}
	dirstart = z.len;
	for (lua_Integer i = 1; i <= n; i++) {
		zip_entry(L, i, &name, &nlen, &data, &dlen);
		zip_header(&z, 1, name, nlen, crcs[i - 1], (uint32_t)dlen, offsets[i - 1]);
	}
	dirlen = z.len - dirstart;
	put32(&z, 0x06054b50);          /* end of central directory */
	put16(&z, 0);
	put16(&z, 0);
	put16(&z, (unsigned)n);
	put16(&z, (unsigned)n);
	put32(&z, (uint32_t)dirlen);
	put32(&z, (uint32_t)dirstart);
	put16(&z, 0);
	ok = out_write(path, (const char *)z.p, z.len, err, sizeof err);
	lua_pop(L, 3);
	if (!ok) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		return 2;
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* ---- plain files ---------------------------------------------------- */

/* host.read_text(path, limit) -> text | nil, message */
static int l_read_text(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);
	lua_Integer limit = luaL_checkinteger(L, 2);
	char err[TB_ERRLEN], *buf;
	size_t len;

	if (limit < 0 || (lua_Unsigned)limit > OUT_READ_MAX)
		return luaL_error(L, "read_text: limit out of range");
	if (!fs_read(path, (size_t)limit, &buf, &len, err, sizeof err)) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		return 2;
	}
	lua_pushlstring(L, buf, len);
	free(buf);
	return 1;
}

/* host.write_file(path, text) -> true | nil, message */
static int l_write_file(lua_State *L)
{
	size_t len;
	const char *path = luaL_checkstring(L, 1);
	const char *data = luaL_checklstring(L, 2, &len);
	char err[TB_ERRLEN];

	if (!out_write(path, data, len, err, sizeof err)) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		return 2;
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* host.make_dir(path) -> true | nil, message (an existing folder is fine) */
static int l_make_dir(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);

	if (mkdir(path, 0777) != 0 && !(errno == EEXIST && fs_is_dir(path))) {
		lua_pushnil(L);
		lua_pushfstring(L, "%s: error: cannot make folder (%s)", path, strerror(errno));
		return 2;
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* ---- YAML scalars ------------------------------------------------- */

/*
 * Bytes YAML cannot hold raw in a scalar, or reads as something else: C0
 * and DEL, C1 (U+0080..U+009F, which libyaml refuses; U+0085 is a line
 * break), U+2028 and U+2029 (line breaks in YAML 1.1) and U+FFFE, U+FFFF
 * (refused).  Returns the length of the sequence at s[i] (0 when none).
 */
static size_t yaml_unsafe_at(const unsigned char *s, size_t len, size_t i)
{
	unsigned char c = s[i];

	if (c < 0x20 || c == 0x7f)
		return 1;
	if (c == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
		return 2;
	if (c == 0xe2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xa8 || s[i + 2] == 0xa9))
		return 3;
	if (c == 0xef && i + 2 < len && s[i + 1] == 0xbf && (s[i + 2] == 0xbe || s[i + 2] == 0xbf))
		return 3;
	return 0;
}

/* Whether c is one of set's characters (never the NUL that ends set). */
static int in_set(const char *set, unsigned char c)
{
	return c != 0 && strchr(set, c) != NULL;
}

/* Words YAML 1.1 reads as booleans or null, in any case. */
static int yaml_reserved(const unsigned char *s, size_t len)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on", "off",
					     "null", "~", "y", "n" };
	char low[6];

	if (len == 0 || len > 5)
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower(s[i]);
	for (size_t w = 0; w < sizeof words / sizeof *words; w++)
		if (strlen(words[w]) == len && memcmp(low, words[w], len) == 0)
			return 1;
	return 0;
}

/*
 * Whether the eight bytes in w hold one that yaml_plain_ok must look at:
 * a control byte, DEL or non-ASCII, ':', '#' (" #" starts a comment), or
 * in flow , [ ] { }.  Bit tricks on the whole word (each test is exact
 * for "some byte is"), so prose is passed over eight bytes a step.
 */
#define YAML_ONES  0x0101010101010101ull
#define YAML_HIGHS 0x8080808080808080ull
static int yaml_has_byte(uint64_t w, unsigned char c)
{
	uint64_t v = w ^ (YAML_ONES * c);

	return ((v - YAML_ONES) & ~v & YAML_HIGHS) != 0;
}

static int yaml_word_special(uint64_t w, int flow)
{
	if (((w - YAML_ONES * 0x20) | w | (w + YAML_ONES * 1)) & YAML_HIGHS)
		return 1;       /* a byte below 0x20, from 0x7f, or 0x80 and up */
	if (yaml_has_byte(w, ':') || yaml_has_byte(w, '#'))
		return 1;
	return flow && (yaml_has_byte(w, ',') || yaml_has_byte(w, '[') || yaml_has_byte(w, ']') ||
			yaml_has_byte(w, '{') || yaml_has_byte(w, '}'));
}

/* Whether s can be written plain (flow: inside [ ... ], where , [ ] { } end it). */
static int yaml_plain_ok(lua_State *L, const unsigned char *s, size_t len, int flow)
{
	if (len == 0 || yaml_reserved(s, len))
		return 0;
	if (in_set("-?:,[]{}#&*!|>'\"%@`", s[0]) || isspace(s[0]) || isspace(s[len - 1]))
		return 0;
	if (s[len - 1] == ':')
		return 0;
	for (size_t i = 0; i < len;) {
		size_t end = len;
		uint64_t w;

		if (len - i >= 8) {
			memcpy(&w, s + i, 8);
			if (!yaml_word_special(w, flow)) {
				i += 8;
				continue;
			}
			/* Each byte of this word, then the next word: a word
			 * tried again one byte on would hold the same byte. */
			end = i + 8;
		} else if (len >= 8) {
			/* The last few bytes, as the end of the last eight. */
			memcpy(&w, s + len - 8, 8);
			if (!yaml_word_special(w, flow))
				break;
		}
		for (; i < end; i++) {
			unsigned char c = s[i];

			if (flow && in_set(",[]{}", c))
				return 0;
			if ((c == ':' && i + 1 < len && s[i + 1] == ' ') ||
			    (c == '#' && i > 0 && s[i - 1] == ' '))
				return 0;
			if (yaml_unsafe_at(s, len, i))
				return 0;
		}
	}
	/* Text that reads as a number (as Lua's tonumber reads it) stays text. */
	if (isdigit(s[0]) || in_set(".-+", s[0])) {
		int is_number = lua_stringtonumber(L, (const char *)s) == len + 1;

		if (is_number)
			lua_pop(L, 1);
		if (is_number)
			return 0;
	}
	return 1;
}

/*
 * The text being written: bytes from Lua's allocator (so the host's memory
 * cap holds), in a userdata whose __gc frees them if an error ends the
 * writing half way.
 */
#define YAML_RANKS 64

struct ybuf {
	char *p;
	size_t len, cap;
	lua_Alloc alloc;
	void *ud;
	/* Each map key's rank, by the address of its (interned) string: a
	 * document repeats a few dozen keys, and the rank table was looked
	 * up for every one.  The keys are the document's, alive until the
	 * writing ends, so an address is never another string's meanwhile. */
	const char *rank_key[YAML_RANKS];
	lua_Integer rank[YAML_RANKS];
};

static int ybuf_gc(lua_State *L)
{
	struct ybuf *y = lua_touserdata(L, 1);

	if (y->p)
		y->alloc(y->ud, y->p, y->cap, 0);
	y->p = NULL;
	return 0;
}

/* A new buffer on top of the stack. */
static struct ybuf *ybuf_new(lua_State *L)
{
	struct ybuf *y = lua_newuserdatauv(L, sizeof *y, 0);

	memset(y, 0, sizeof *y);
	y->alloc = lua_getallocf(L, &y->ud);
	if (luaL_newmetatable(L, "teachback.ybuf")) {
		lua_pushcfunction(L, ybuf_gc);
		lua_setfield(L, -2, "__gc");
	}
	lua_setmetatable(L, -2);
	return y;
}

/* Room for n more bytes; where they go. */
static char *ybuf_room(lua_State *L, struct ybuf *y, size_t n)
{
	if (n > y->cap - y->len) {
		size_t cap = y->cap ? y->cap : 4096;
		char *p;

		while (n > cap - y->len) {
			if (cap > ((size_t)-1) / 2)
				luaL_error(L, "yaml: text too large");
			cap *= 2;
		}
		p = y->alloc(y->ud, y->p, y->cap, cap);
		if (!p)
			luaL_error(L, "not enough memory");
		y->p = p;
		y->cap = cap;
	}
	return y->p + y->len;
}

static void ybuf_put(lua_State *L, struct ybuf *y, const void *src, size_t n)
{
	memcpy(ybuf_room(L, y, n), src, n);
	y->len += n;
}

static void ybuf_puts(lua_State *L, struct ybuf *y, const char *s)
{
	ybuf_put(L, y, s, strlen(s));
}

static void ybuf_spaces(lua_State *L, struct ybuf *y, int n)
{
	static const char sp[] = "                                ";

	for (; n > 0; n -= 32)
		ybuf_put(L, y, sp, n < 32 ? (size_t)n : 32);
}

/* s double-quoted, with YAML's escapes. */
static void yaml_quote(lua_State *L, struct ybuf *y, const unsigned char *s, size_t len)
{
	size_t from = 0;        /* the bytes from here on are written as they are */

	ybuf_put(L, y, "\"", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		size_t n;
		char esc[8];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
			continue;       /* written with the run it stands in */
		n = c == '"' || c == '\\' ? 0 : yaml_unsafe_at(s, len, i);
		if (n == 0 && c != '"' && c != '\\')
			continue;
		ybuf_put(L, y, s + from, i - from);
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			ybuf_put(L, y, esc, 2);
		} else if (c == '\n' || c == '\t' || c == '\r') {
			ybuf_puts(L, y, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r");
		} else if (n == 1 || n == 2) {
			snprintf(esc, sizeof esc, "\\x%02x", n == 1 ? c : s[i + 1]);
			ybuf_puts(L, y, esc);
		} else {
			ybuf_puts(L, y, c == 0xe2 ? (s[i + 2] == 0xa8 ? "\\L" : "\\P")
						  : (s[i + 2] == 0xbe ? "\\uFFFE" : "\\uFFFF"));
		}
		if (n > 1)
			i += n - 1;
		from = i + 1;
	}
	ybuf_put(L, y, s + from, len - from);
	ybuf_put(L, y, "\"", 1);
}

/* The string s as a scalar. */
static void yaml_put_text(lua_State *L, struct ybuf *y, const char *s, size_t len, int flow)
{
	if (yaml_plain_ok(L, (const unsigned char *)s, len, flow))
		ybuf_put(L, y, s, len);
	else
		yaml_quote(L, y, (const unsigned char *)s, len);
}

/* The value at idx as a scalar: text, true/false, an integer, %.10g. */
static void yaml_put_scalar(lua_State *L, struct ybuf *y, int idx, int flow)
{
	char num[64];
	size_t len;
	const char *s;

	switch (lua_type(L, idx)) {
	case LUA_TSTRING:
		s = lua_tolstring(L, idx, &len);
		yaml_put_text(L, y, s, len, flow);
		return;
	case LUA_TBOOLEAN:
		ybuf_puts(L, y, lua_toboolean(L, idx) ? "true" : "false");
		return;
	case LUA_TNUMBER:
		if (lua_isinteger(L, idx))
			snprintf(num, sizeof num, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
		else
			snprintf(num, sizeof num, "%.10g", (double)lua_tonumber(L, idx));
		ybuf_puts(L, y, num);
		return;
	default:
		s = luaL_tolstring(L, idx, &len);
		yaml_put_text(L, y, s, len, flow);
		lua_pop(L, 1);
	}
}

/* A list: a table whose length is not 0, or an empty table. */
static int yaml_is_list(lua_State *L, int idx)
{
	if (lua_type(L, idx) != LUA_TTABLE)
		return 0;
	if (lua_rawlen(L, idx) > 0)
		return 1;
	lua_pushnil(L);
	if (lua_next(L, idx)) {
		lua_pop(L, 2);
		return 0;
	}
	return 1;
}

#define YAML_DEPTH 64

/* Whether the list at idx starts with a table (then it is never in flow). */
static int yaml_first_is_table(lua_State *L, int idx)
{
	int t = lua_rawgeti(L, idx, 1);

	lua_pop(L, 1);
	return t == LUA_TTABLE;
}

struct ykey {
	const char *s;
	size_t len;
	lua_Integer rank;
	int slot;               /* the value's place on the stack */
};

static int ykey_cmp(const void *a, const void *b)
{
	const struct ykey *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	c = memcmp(x->s, y->s, n);
	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

static void yaml_emit(lua_State *L, struct ybuf *y, int v, int indent, int rank, int depth);

/* The rank of the key at k (a string): its place in the rank table, else 1000. */
static lua_Integer yaml_rank(lua_State *L, struct ybuf *y, int k, const char *s, int rank)
{
	size_t h = ((uintptr_t)s >> 4) % YAML_RANKS;
	lua_Integer r;

	if (y->rank_key[h] == s)
		return y->rank[h];
	lua_pushvalue(L, k);
	lua_rawget(L, rank);
	r = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 1000;
	lua_pop(L, 1);
	y->rank_key[h] = s;
	y->rank[h] = r;
	return r;
}

/*
 * The map at t, keys in the order of the rank table (then by name), each
 * on its own line: `key: scalar`, `key: []`, `key: [a, b]` for a list of
 * at most 8 scalars that fits in 100 columns, else `key:` and the value
 * below.  first is the prefix of the first line ("- " in a list).
 */
static void yaml_emit_map(lua_State *L, struct ybuf *y, int t, int indent, const char *first,
			  int rank, int depth)
{
	size_t n, i;
	struct ykey small[16], *keys = small;
	int base = lua_gettop(L), top;
	int room = base + 48;   /* the stack is sure to have room up to here */

	/* Each key and value stays on the stack, key at base + 2i + 1 and
	 * its value above it, found again by its slot, not looked up (and
	 * the map walked once, not counted first); room made 48 slots at a
	 * time, not checked at every key. */
	luaL_checkstack(L, 48, "yaml: a map too large");
	lua_pushnil(L);
	while (lua_next(L, t)) {
		if (lua_gettop(L) + 8 > room) {
			luaL_checkstack(L, 48, "yaml: a map too large");
			room = lua_gettop(L) + 48;
		}
		lua_pushvalue(L, -2);
	}
	n = (size_t)(lua_gettop(L) - base) / 2;
	/* Most maps are a question's or an option's few keys: no allocation. */
	if (n > sizeof small / sizeof *small)
		keys = lua_newuserdatauv(L, n * sizeof *keys, 0);
	top = lua_gettop(L);
	for (i = 0; i < n; i++) {
		int k = base + 1 + 2 * (int)i;

		if (lua_type(L, k) != LUA_TSTRING)
			luaL_error(L, "yaml: a map key is not text");
		keys[i].s = lua_tolstring(L, k, &keys[i].len);
		keys[i].slot = k + 1;
		keys[i].rank = yaml_rank(L, y, k, keys[i].s, rank);
	}
	if (n <= sizeof small / sizeof *small) {
		for (i = 1; i < n; i++) {       /* insertion sort: a handful of keys */
			struct ykey k = keys[i];
			size_t j = i;

			for (; j > 0 && ykey_cmp(&keys[j - 1], &k) > 0; j--)
				keys[j] = keys[j - 1];
			keys[j] = k;
		}
	} else {
		qsort(keys, n, sizeof *keys, ykey_cmp);
	}
	for (i = 0; i < n; i++) {
		int v = keys[i].slot;
		/* The line's start in one step: newline, indent or first, key. */
		size_t lead = i == 0 && first ? strlen(first) : (size_t)indent;
		char *p = ybuf_room(L, y, 1 + lead + keys[i].len + 2);

		if (i > 0 || y->len > 0)
			*p++ = '\n';
		if (i == 0 && first)
			memcpy(p, first, lead);
		else
			memset(p, ' ', lead);
		p += lead;
		memcpy(p, keys[i].s, keys[i].len);
		p += keys[i].len;
		if (lua_type(L, v) != LUA_TTABLE) {
			memcpy(p, ": ", 2);
			y->len = (size_t)(p + 2 - y->p);
			yaml_put_scalar(L, y, v, 0);
		} else {
			lua_Unsigned len = lua_rawlen(L, v);
			int flow = 0;

			y->len = (size_t)(p - y->p);
			if (len == 0 && yaml_is_list(L, v)) {
				ybuf_put(L, y, ": []", 4);
				flow = 1;
			} else if (len > 0 && len <= 8 && !yaml_first_is_table(L, v)) {
				/* Written, then taken back if longer than 100 columns. */
				size_t start = y->len, line = start;

				while (line > 0 && y->p[line - 1] != '\n')
					line--;
				ybuf_put(L, y, ": [", 3);
				for (lua_Unsigned j = 1; j <= len; j++) {
					if (j > 1)
						ybuf_put(L, y, ", ", 2);
					lua_rawgeti(L, v, (lua_Integer)j);
					yaml_put_scalar(L, y, -1, 1);
					lua_pop(L, 1);
				}
				ybuf_put(L, y, "]", 1);
				flow = y->len - line <= 100;
				if (!flow)
					y->len = start;
			}
			if (!flow) {
				ybuf_put(L, y, ":", 1);
				yaml_emit(L, y, v, indent + 2, rank, depth + 1);
			}
		}
		lua_settop(L, top);
	}
	lua_settop(L, base);    /* the keys and values */
}

/* The value at v: a list's items as `- ` lines, or a map. */
static void yaml_emit(lua_State *L, struct ybuf *y, int v, int indent, int rank, int depth)
{
	if (depth > YAML_DEPTH)
		luaL_error(L, "yaml: nested deeper than %d", YAML_DEPTH);
	luaL_checkstack(L, 8, "yaml: nested too deep");
	if (!yaml_is_list(L, v)) {
		yaml_emit_map(L, y, v, indent, NULL, rank, depth);
		return;
	}
	lua_Unsigned n = lua_rawlen(L, v);
	for (lua_Unsigned j = 1; j <= n; j++) {
		int x;

		lua_rawgeti(L, v, (lua_Integer)j);
		x = lua_gettop(L);
		if (lua_type(L, x) == LUA_TTABLE && !yaml_is_list(L, x)) {
			char pre[2 * YAML_DEPTH + 8];

			/* depth <= YAML_DEPTH, and each level indents by 2 */
			memset(pre, ' ', (size_t)indent);
			memcpy(pre + indent, "- ", 3);
			yaml_emit_map(L, y, x, indent + 2, pre, rank, depth + 1);
		} else {
			if (y->len > 0)
				ybuf_put(L, y, "\n", 1);
			ybuf_spaces(L, y, indent);
			if (lua_type(L, x) == LUA_TTABLE) {
				ybuf_put(L, y, "-", 1);
				yaml_emit(L, y, x, indent + 2, rank, depth + 1);
			} else {
				ybuf_put(L, y, "- ", 2);
				yaml_put_scalar(L, y, x, 0);
			}
		}
		lua_settop(L, x - 1);
	}
}

/* ---- XML text ----------------------------------------------------- */

/*
 * host.xml_escape(text) -> text with & < > " as entities and the control
 * characters XML 1.0 forbids (C0 but tab, newline, return) dropped; the
 * same string when nothing needs it.  A Lua gsub tried its class at every
 * byte: most of the time of the XML exports.
 */
static int l_xml_escape(lua_State *L)
{
	size_t len, i, from = 0;
	const char *s = luaL_checklstring(L, 1, &len);
	luaL_Buffer b;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '&' || c == '<' || c == '>' || c == '"' ||
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
			break;
	}
	if (i == len) {
		lua_settop(L, 1);
		return 1;
	}
	luaL_buffinit(L, &b);
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" :
				  c == '"' ? "&quot;" : NULL;

		if (!rep && !(c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
			continue;
		luaL_addlstring(&b, s + from, i - from);
		if (rep)
			luaL_addstring(&b, rep);
		from = i + 1;
	}
	luaL_addlstring(&b, s + from, len - from);
	luaL_pushresult(&b);
	return 1;
}

/* host.yaml_scalar(text, flow) -> the text as a plain or double-quoted YAML scalar */
static int l_yaml_scalar(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	int flow = lua_toboolean(L, 2);
	struct ybuf *y;

	if (yaml_plain_ok(L, (const unsigned char *)s, len, flow)) {
		lua_settop(L, 1);
		return 1;
	}
	y = ybuf_new(L);
	yaml_quote(L, y, (const unsigned char *)s, len);
	lua_pushlstring(L, y->p, y->len);
	return 1;
}

/*
 * host.yaml_document(value, rank, comments) -> text: comment lines ("# "),
 * then the value as block YAML, map keys ordered by rank[key] (those
 * without one last, by name), a newline at the end.
 */
static int l_yaml_document(lua_State *L)
{
	struct ybuf *y;

	luaL_checktype(L, 2, LUA_TTABLE);
	if (!lua_isnoneornil(L, 3))
		luaL_checktype(L, 3, LUA_TTABLE);
	lua_settop(L, 3);
	y = ybuf_new(L);
	if (lua_istable(L, 3)) {
		lua_Unsigned n = lua_rawlen(L, 3);

		for (lua_Unsigned i = 1; i <= n; i++) {
			size_t len;
			const char *c;

			lua_rawgeti(L, 3, (lua_Integer)i);
			c = luaL_tolstring(L, -1, &len);
			if (y->len > 0)
				ybuf_put(L, y, "\n", 1);
			ybuf_put(L, y, "# ", 2);
			ybuf_put(L, y, c, len);
			lua_pop(L, 2);
		}
	}
	if (lua_type(L, 1) == LUA_TTABLE) {
		yaml_emit(L, y, 1, 0, 2, 0);
	} else {
		if (y->len > 0)
			ybuf_put(L, y, "\n", 1);
		yaml_put_scalar(L, y, 1, 0);
	}
	ybuf_put(L, y, "\n", 1);
	lua_pushlstring(L, y->p, y->len);
	return 1;
}

/* Add the functions above to the host table on top of the stack. */
void out_register(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{"read_text", l_read_text},
		{"write_file", l_write_file},
		{"make_dir", l_make_dir},
		{"write_zip", l_write_zip},
		{"yaml_scalar", l_yaml_scalar},
		{"yaml_document", l_yaml_document},
		{"xml_escape", l_xml_escape},
		{NULL, NULL}
	};

	luaL_setfuncs(L, fns, 0);
}
