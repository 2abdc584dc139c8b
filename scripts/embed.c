/*
 * embed.c -- turn the engine's Lua sources into precompiled chunks in a C
 * array at build time.
 *
 * Usage: embed BASEDIR FILE.lua... [--made NAME SCRIPT.lua]... [--rewrite R.lua] > luamods.c
 * Each file becomes an entry of tb_lua_modules[] named like require() names
 * it: BASEDIR/types/single.lua is "types.single".  With --made, SCRIPT runs
 * here, in a plain Lua with BASEDIR on package.path, and the Lua source it
 * returns becomes module NAME: data worked out once at build time instead
 * of at every command (scripts/lexvocab.lua), or a module's own source in
 * a form that loads faster (scripts/lexclasses.lua: NAME is then a file's
 * module, which it replaces, and its second result that file's path).  The entry holds the
 * chunk as Lua bytecode (lua_dump), because compiling the source cost about
 * 80 % of a short command's instructions.  Of the debug information, the
 * source name, the line of every instruction and the name of each _ENV
 * upvalue are kept, so an error still names the module's file and line
 * (and a global as a global); the names of local variables and of the
 * other upvalues are dropped (strip_locals), because each is a string made
 * or interned again at every load: a graded attempt spent 1.3 M
 * instructions and 0.4 MB on the locals' names and 0.28 M on the
 * upvalues' (an error on an upvalue now says "upvalue '?'").  A syntax error fails the
 * build here, with its file and line, instead of at run time.  The bytecode
 * is only for the engine's own trusted modules: quiz scripts are loaded as
 * text in the sandbox ("t" mode), never as bytecode.
 *
 * With --rewrite, R.lua (a module whose rewrite(source) gives a source
 * and a count, run here in a plain Lua) rewrites every module's source
 * before it is compiled: engine/lua/forloops.lua, whose loops over
 * ipairs become numeric loops.  Where what it gives does not compile, or
 * it fails, the source is compiled as it is, and this says why on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

/* A growing byte buffer: lua_dump's output, then the stripped chunk. */
struct buf {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		if (!(b->p = realloc(b->p, b->cap))) {
			fputs("embed: out of memory\n", stderr);
			exit(1);
		}
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static int dump_to(lua_State *L, const void *p, size_t sz, void *ud)
{
	(void)L;
	put(ud, p, sz);
	return 0;
}

/*
 * Reading a Lua 5.4 chunk as ldump.c writes it, to copy it without the
 * local variables' names.  A chunk from another version fails here (the
 * header), and a chunk the copy gets wrong fails at its first load: the
 * build's own check loads every module (check_chunk).
 */
struct chunk {
	const unsigned char *p, *end;
	struct buf *out;
};

static void bad_chunk(void)
{
	fputs("embed: not a Lua 5.4 chunk as expected\n", stderr);
	exit(1);
}

static const unsigned char *take(struct chunk *c, size_t n)
{
	const unsigned char *at = c->p;

	if ((size_t)(c->end - c->p) < n)
		bad_chunk();
	c->p += n;
	return at;
}

static void copy(struct chunk *c, size_t n)
{
	put(c->out, take(c, n), n);
}

/* dumpSize's number: 7 bits a byte, the last byte's high bit set. */
static size_t read_size(struct chunk *c, int keep)
{
	size_t x = 0;
	unsigned char b;

	do {
		if (x >> (sizeof x * 8 - 7))
			bad_chunk();
		b = *take(c, 1);
		if (keep)
			put(c->out, &b, 1);
		x = (x << 7) | (b & 0x7f);
	} while (!(b & 0x80));
	return x;
}

static void put_size(struct buf *b, size_t x)
{
	unsigned char t[sizeof x * 8 / 7 + 1];
	int n = 0;

	do {
		t[sizeof t - ++n] = x & 0x7f;
		x >>= 7;
	} while (x);
	t[sizeof t - 1] |= 0x80;
	put(b, t + sizeof t - n, (size_t)n);
}

static void skip_string(struct chunk *c)
{
	size_t n = read_size(c, 0);

	if (n)
		take(c, n - 1);
}

static void copy_string(struct chunk *c)
{
	size_t n = read_size(c, 1);

	if (n)
		copy(c, n - 1);
}

/*
 * The upvalues' names: only _ENV's is kept, which makes an error say
 * "global 'x'" where it would say "field 'x'".  The others are each a
 * string interned again at every load (some 370 instructions), for the
 * name an error gives an upvalue ("upvalue 'x'", now "upvalue '?'"; the
 * file and line stay).  A function with no _ENV keeps no names at all.
 */
static void copy_upvalue_names(struct chunk *c)
{
	static const char env[] = "_ENV";
	size_t n = read_size(c, 0), has_env = 0;
	const unsigned char *at = c->p;

	for (size_t i = 0; i < n; i++) {
		size_t len = read_size(c, 0);
		const unsigned char *name = len ? take(c, len - 1) : NULL;

		if (len == sizeof env && memcmp(name, env, len - 1) == 0)
			has_env = 1;
	}
	if (!has_env) {
		put_size(c->out, 0);
		return;
	}
	put_size(c->out, n);
	c->p = at;
	for (size_t i = 0; i < n; i++) {
		size_t len = read_size(c, 0);
		const unsigned char *name = len ? take(c, len - 1) : NULL;

		if (len == sizeof env && memcmp(name, env, len - 1) == 0) {
			put_size(c->out, len);
			put(c->out, name, len - 1);
		} else {
			put_size(c->out, 0);
		}
	}
}

static void copy_function(struct chunk *c)
{
	size_t n;

	copy_string(c);                                 /* source */
	read_size(c, 1);                                /* linedefined */
	read_size(c, 1);                                /* lastlinedefined */
	copy(c, 3);                                     /* params, vararg, stack */
	n = read_size(c, 1);                            /* code */
	copy(c, n * 4);
	n = read_size(c, 1);                            /* constants */
	for (size_t i = 0; i < n; i++) {
		unsigned char tag = *take(c, 1);

		put(c->out, &tag, 1);
		if (tag == 3 || tag == 19)              /* integer, float */
			copy(c, 8);
		else if (tag == 4 || tag == 20)         /* short, long string */
			copy_string(c);
		else if (tag != 0 && tag != 1 && tag != 17)     /* nil, false, true */
			bad_chunk();
	}
	n = read_size(c, 1);                            /* upvalues */
	copy(c, n * 3);
	n = read_size(c, 1);                            /* nested functions */
	for (size_t i = 0; i < n; i++)
		copy_function(c);
	n = read_size(c, 1);                            /* line of each instruction */
	copy(c, n);
	n = read_size(c, 1);                            /* absolute lines */
	for (size_t i = 0; i < 2 * n; i++)
		read_size(c, 1);
	n = read_size(c, 0);                            /* local variables: dropped */
	for (size_t i = 0; i < n; i++) {
		skip_string(c);
		read_size(c, 0);
		read_size(c, 0);
	}
	put_size(c->out, 0);
	copy_upvalue_names(c);
}

/* The chunk in `in` without its local variables' names (and the upvalues'
 * but _ENV's), into `out`. */
static void strip_locals(const struct buf *in, struct buf *out)
{
	/* Signature, version, format, LUAC_DATA, three sizes, LUAC_INT,
	 * LUAC_NUM (lundump.c, checkHeader), then the main function's
	 * number of upvalues. */
	static const unsigned char head[] = {0x1b, 'L', 'u', 'a', 0x54, 0};
	struct chunk c = {in->p, in->p + in->len, out};

	if (in->len < 32 || memcmp(in->p, head, sizeof head) != 0 ||
	    in->p[12] != 4 || in->p[13] != 8 || in->p[14] != 8)
		bad_chunk();
	copy(&c, 32);
	copy_function(&c);
	if (c.p != c.end)
		bad_chunk();
}

/* The stripped chunk must load, and be the same program. */
static int check_chunk(lua_State *L, const struct buf *b, const char *path)
{
	if (luaL_loadbufferx(L, (const char *)b->p, b->len, path, "b") != LUA_OK) {
		fprintf(stderr, "embed: %s: the stripped chunk does not load: %s\n", path,
			lua_tostring(L, -1));
		return 1;
	}
	lua_pop(L, 1);
	return 0;
}

/* The chunk on top of L's stack, stripped, as the array modN. */
static int emit_chunk(lua_State *L, const char *path, int n)
{
	struct buf full = {0}, stripped = {0};

	lua_dump(L, dump_to, &full, 0);
	lua_pop(L, 1);
	strip_locals(&full, &stripped);
	if (check_chunk(L, &stripped, path))
		return 1;
	printf("static const char mod%d[] = {\n", n);
	for (size_t i = 0; i < stripped.len; i++)
		printf("%d,%s", stripped.p[i], i % 24 == 23 ? "\n" : "");
	printf("0};\n");
	free(full.p);
	free(stripped.p);
	return 0;
}

/* The rewriter's own state (--rewrite), its module at the top; NULL for none. */
static lua_State *rewriter;

static int open_rewriter(const char *script)
{
	if (!(rewriter = luaL_newstate()))
		return 1;
	luaL_openlibs(rewriter);
	if (luaL_dofile(rewriter, script) != LUA_OK || !lua_istable(rewriter, -1)) {
		fprintf(stderr, "embed: %s: %s\n", script,
			lua_isstring(rewriter, -1) ? lua_tostring(rewriter, -1) : "no module");
		return 1;
	}
	return 0;
}

/*
 * The source src compiled onto L's stack as chunk `chunkname`: rewritten
 * first where there is a rewriter and what it gives compiles, else as it
 * is (saying why).  0, or 1 with the error said.
 */
static int load_source(lua_State *L, const char *src, size_t len, const char *chunkname,
		       const char *path)
{
	if (rewriter) {
		const char *out;
		size_t outlen;

		lua_getfield(rewriter, -1, "rewrite");
		lua_pushlstring(rewriter, src, len);
		if (lua_pcall(rewriter, 1, 1, 0) != LUA_OK ||
		    !(out = lua_tolstring(rewriter, -1, &outlen))) {
			fprintf(stderr, "embed: %s: not rewritten (%s); compiled as it is\n", path,
				lua_isstring(rewriter, -1) ? lua_tostring(rewriter, -1) : "no source");
		} else if (luaL_loadbufferx(L, out, outlen, chunkname, "t") == LUA_OK) {
			lua_pop(rewriter, 1);
			return 0;
		} else {
			fprintf(stderr, "embed: %s: the rewritten source does not compile (%s); "
				"compiled as it is\n", path, lua_tostring(L, -1));
			lua_pop(L, 1);
		}
		lua_pop(rewriter, 1);
	}
	if (luaL_loadbufferx(L, src, len, chunkname, "t") != LUA_OK) {
		fprintf(stderr, "embed: %s\n", lua_tostring(L, -1));
		return 1;
	}
	return 0;
}

static int emit_file(lua_State *L, const char *path, int n)
{
	struct buf src = {0};
	char chunkname[1024], block[8192];
	FILE *f = fopen(path, "rb");
	size_t got;
	int rc;

	if (!f) {
		fprintf(stderr, "embed: cannot open %s\n", path);
		return 1;
	}
	while ((got = fread(block, 1, sizeof block, f)) > 0)
		put(&src, block, got);
	fclose(f);
	snprintf(chunkname, sizeof chunkname, "@%s", path);
	rc = load_source(L, src.len ? (const char *)src.p : "", src.len, chunkname, path) ||
	     emit_chunk(L, path, n);
	free(src.p);
	return rc;
}

/*
 * --made: the source SCRIPT returns, compiled as if it were a file: the
 * file SCRIPT's second result names (so an error names that file's lines,
 * and the module replaces that file's), else SCRIPT.  The name goes to
 * `chunkname`.
 */
static int emit_made(lua_State *L, const char *base, const char *script, int n,
		     char *chunkname, size_t size)
{
	lua_State *G = luaL_newstate();
	const char *src;
	size_t len;
	int rc = 1;

	if (!G)
		return 1;
	luaL_openlibs(G);
	if (luaL_loadfilex(G, script, "t") != LUA_OK) {
		fprintf(stderr, "embed: %s\n", lua_tostring(G, -1));
	} else {
		lua_pushstring(G, base);
		if (lua_pcall(G, 1, 2, 0) != LUA_OK || !(src = lua_tolstring(G, -2, &len))) {
			fprintf(stderr, "embed: %s: %s\n", script,
				lua_isstring(G, -1) ? lua_tostring(G, -1) : "returned no source");
		} else {
			snprintf(chunkname, size, "@%s",
				 lua_isstring(G, -1) ? lua_tostring(G, -1) : script);
			if (load_source(L, src, len, chunkname, script) == 0)
				rc = emit_chunk(L, script, n);
		}
	}
	lua_close(G);
	return rc;
}

/* The module name of path under the base folder: types/single.lua is
 * "types.single". */
static void module_name(const char *path, size_t baselen, char *name, size_t size)
{
	const char *p = path + baselen;
	size_t len, i;

	while (*p == '/')
		p++;
	len = strlen(p);
	if (len > 4 && strcmp(p + len - 4, ".lua") == 0)
		len -= 4;
	for (i = 0; i < len && i + 1 < size; i++)
		name[i] = p[i] == '/' ? '.' : p[i];
	name[i] = 0;
}

#define MAX_MADE 8

int main(int argc, char **argv)
{
	const char *made[MAX_MADE], *script[MAX_MADE];
	char chunk[MAX_MADE][1024], name[1024];
	int nmade = 0, nfiles;
	size_t baselen;
	lua_State *L;

	/* A trailing --rewrite R.lua, then each trailing --made NAME SCRIPT. */
	if (argc >= 4 && !strcmp(argv[argc - 2], "--rewrite")) {
		if (open_rewriter(argv[argc - 1]))
			return 1;
		argc -= 2;
	}
	while (argc >= 5 && !strcmp(argv[argc - 3], "--made") && nmade < MAX_MADE) {
		made[nmade] = argv[argc - 2];
		script[nmade++] = argv[argc - 1];
		argc -= 3;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: embed BASEDIR FILE.lua... [--made NAME SCRIPT.lua]... "
			"[--rewrite R.lua]\n");
		return 2;
	}
	if (!(L = luaL_newstate()))
		return 1;
	nfiles = argc;
	baselen = strlen(argv[1]);
	printf("/* Generated by scripts/embed.c from engine/lua; do not edit. */\n");
	printf("#include \"teachback.h\"\n");
	for (int i = 0; i < nmade; i++)
		if (emit_made(L, argv[1], script[i], nfiles + i, chunk[i], sizeof chunk[i]) != 0)
			return 1;
	/* A file a made module replaces is not embedded. */
	for (int i = 2; i < nfiles; i++) {
		int replaced = 0;

		module_name(argv[i], baselen, name, sizeof name);
		for (int j = 0; j < nmade; j++)
			replaced |= !strcmp(made[j], name);
		if (replaced)
			argv[i] = NULL;
		else if (emit_file(L, argv[i], i) != 0)
			return 1;
	}
	printf("const struct tb_luamod tb_lua_modules[] = {\n");
	for (int i = 2; i < nfiles; i++) {
		if (!argv[i])
			continue;
		module_name(argv[i], baselen, name, sizeof name);
		printf("\t{\"%s\", \"@%s\", mod%d, sizeof mod%d - 1},\n", name, argv[i], i, i);
	}
	for (int i = 0; i < nmade; i++)
		printf("\t{\"%s\", \"%s\", mod%d, sizeof mod%d - 1},\n", made[i], chunk[i],
		       nfiles + i, nfiles + i);
	printf("\t{0, 0, 0, 0}\n};\n");
	lua_close(L);
	if (rewriter)
		lua_close(rewriter);
	return 0;
}
