/*
 * test_yaml.c -- the YAML loader: values, positions, and every refusal.
 * Positions are 1-based lines and columns counted in characters.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "teachback.h"

static lua_State *L;

static int setup(void **state)
{
	(void)state;
	L = host_open();
	return L ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	host_close(L);
	return 0;
}

/* Load text; on success leave value (top) and where (below) on the stack. */
static int load(const char *text, size_t len)
{
	lua_settop(L, 0);
	lua_newtable(L);
	return yml_push_string(L, text, len, "t.yaml", 0, 1);
}

static void expect_error(const char *text, const char *msg)
{
	assert_int_equal(load(text, strlen(text)), 0);
	assert_string_equal(lua_tostring(L, -1), msg);
}

/*
 * "line:col" of the value t[key] (or t[index]), or of t itself when key is
 * NULL and index 0: where[t] numbers the position, where[0] holds them.
 */
static const char *pos_of(int t, const char *key, int index)
{
	static char buf[32];
	lua_Integer i, p;
	const char *packed;
	size_t len;

	t = lua_absindex(L, t);
	lua_pushvalue(L, t);
	lua_rawget(L, 1);
	if (key) {
		lua_getfield(L, -1, key);
		i = lua_tointeger(L, -1) + 1;
	} else if (index) {
		lua_rawgeti(L, -1, index + 1);
		i = lua_tointeger(L, -1);
	} else {
		lua_rawgeti(L, -1, 1);
		i = lua_tointeger(L, -1) >> 1;
	}
	lua_rawgeti(L, 1, 0);
	packed = lua_tolstring(L, -1, &len);
	assert_non_null(packed);
	assert_true((size_t)(i + 1) * sizeof p <= len);
	memcpy(&p, packed + i * (lua_Integer)sizeof p, sizeof p);
	lua_settop(L, 2);
	snprintf(buf, sizeof buf, "%d:%d", (int)(p >> 32), (int)(p & 0xffffffff));
	return buf;
}

static void test_scalars_stay_text(void **state)
{
	const char *y = "a: no\nb: 1.10\nc: \"x\"\nd: true\n";

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	lua_getfield(L, 2, "a");
	assert_string_equal(lua_tostring(L, -1), "no");
	lua_getfield(L, 2, "b");
	assert_string_equal(lua_tostring(L, -1), "1.10");
	lua_getfield(L, 2, "d");
	assert_int_equal(lua_type(L, -1), LUA_TSTRING);
	assert_string_equal(lua_tostring(L, -1), "true");
}

static void test_null_values(void **state)
{
	const char *y = "a: ~\nb:\nc: null\nd: '~'\n";

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	lua_getfield(L, 2, "a");
	assert_true(lua_islightuserdata(L, -1));
	lua_getfield(L, 2, "b");
	assert_true(lua_islightuserdata(L, -1));
	lua_getfield(L, 2, "c");
	assert_true(lua_islightuserdata(L, -1));
	lua_getfield(L, 2, "d");
	assert_string_equal(lua_tostring(L, -1), "~");
}

static void test_positions(void **state)
{
	const char *y = "title: Quiz\nitems:\n  - one\n  - {k: v, w: [x, y]}\n";

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	assert_string_equal(pos_of(2, NULL, 0), "1:1");
	assert_string_equal(pos_of(2, "title", 0), "1:8");
	assert_string_equal(pos_of(2, "items", 0), "3:3");
	lua_getfield(L, 2, "items");
	assert_string_equal(pos_of(-1, NULL, 2), "4:5");
	lua_getfield(L, 2, "items");
	lua_rawgeti(L, -1, 2);
	assert_string_equal(pos_of(-1, "w", 0), "4:15");
}

static void test_columns_count_characters(void **state)
{
	const char *y = "\xc3\xa9t\xc3\xa9: [\xc3\xbc, x]\n";   /* été: [ü, x] */

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	lua_getfield(L, 2, "\xc3\xa9t\xc3\xa9");
	assert_string_equal(pos_of(-1, NULL, 2), "1:10");
}

static void test_duplicate_key(void **state)
{
	(void)state;
	expect_error("a: 1\nb: 2\na: 3\n",
		     "t.yaml:3:1: error: duplicate key 'a' (first at 1:1)");
}

static void test_anchor_alias_tag(void **state)
{
	(void)state;
	expect_error("a: &x 1\n", "t.yaml:1:4: error: anchors (&x) are not allowed");
	expect_error("a: 1\nb: *x\n",
		     "t.yaml:2:4: error: aliases (*x) are not allowed; write the value out");
	expect_error("a: !!str 1\n",
		     "t.yaml:1:4: error: tags (tag:yaml.org,2002:str) are not allowed");
}

static void test_depth_limit(void **state)
{
	char y[200];

	(void)state;
	memset(y, '[', 64);
	memset(y + 64, ']', 64);
	assert_int_equal(load(y, 128), 1);
	memset(y, '[', 65);
	memset(y + 65, ']', 65);
	y[130] = '\0';
	expect_error(y, "t.yaml:1:65: error: nesting deeper than 64 levels");
}

static void test_empty_and_comment_only(void **state)
{
	(void)state;
	expect_error("", "t.yaml:1:1: error: the file is empty");
	expect_error("# nothing here\n", "t.yaml:1:1: error: the file is empty");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	expect_error("a: b\nc: \xff\n",
		     "t.yaml:2:4: error: not valid UTF-8 text (a byte that is not part "
		     "of a UTF-8 character; save the file as UTF-8)");
}

/* A UTF-8 byte-order mark is skipped: positions count from after it. */
static void test_byte_order_mark(void **state)
{
	const char *y = "\xEF\xBB\xBF" "a: 1\r\nb: x\r\n";

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	lua_getfield(L, 2, "a");
	assert_string_equal(lua_tostring(L, -1), "1");
	lua_pop(L, 1);
	assert_string_equal(pos_of(2, "a", 0), "1:4");
	assert_string_equal(pos_of(2, "b", 0), "2:4");
	expect_error("\xEF\xBB\xBF" "a: 1\na: 2\n",
		     "t.yaml:2:1: error: duplicate key 'a' (first at 1:1)");
}

/* UTF-16 and UTF-32, with a byte-order mark or without, are named. */
static void test_utf16_named(void **state)
{
	static const char le[] = "\xFF\xFE" "a\0:\0 \0" "1\0";
	static const char be[] = "\0a\0:\0 \0" "1";
	static const char u32[] = "\xFF\xFE\0\0" "a\0\0\0";

	(void)state;
	assert_int_equal(load(le, sizeof le - 1), 0);
	assert_string_equal(lua_tostring(L, -1),
			    "t.yaml:1:1: error: this looks like UTF-16; save it as UTF-8");
	assert_int_equal(load(be, sizeof be - 1), 0);
	assert_string_equal(lua_tostring(L, -1),
			    "t.yaml:1:1: error: this looks like UTF-16; save it as UTF-8");
	assert_int_equal(load(u32, sizeof u32 - 1), 0);
	assert_string_equal(lua_tostring(L, -1),
			    "t.yaml:1:1: error: this looks like UTF-32; save it as UTF-8");
}

/* {text: It can, but less often.}: the comma ends the value. */
static void test_comma_in_flow_mapping(void **state)
{
	(void)state;
	expect_error("o: {text: The skin, feedback: It can, but less often.}\n",
		     "t.yaml:1:39: error: a comma inside { } ends the value: put the text "
		     "in quotes ('but less often.' was read as a field of its own)");
	/* An explicit empty value and a quoted comma are fine. */
	assert_int_equal(load("o: {a: , b: \"x, y\"}\n", 20), 1);
}

/* Indentation mistakes name the line to look at. */
static void test_indentation_messages(void **state)
{
	(void)state;
	expect_error("id: x\ntitle: y\n  type: z\n",
		     "t.yaml:3:7: error: this line is indented more than the field above "
		     "it: check the indentation of line 3 or the line above");
	expect_error("q:\n  - id: a\n    type: b\n   prompt: p\n",
		     "t.yaml:4:4: error: this line does not line up with the lines above "
		     "it: check the indentation of line 4 or the line above");
	expect_error("a:\n  b: 1\n c: 2\n",
		     "t.yaml:3:2: error: this line does not line up with the lines above "
		     "it: check the indentation of line 3 or the line above");
	expect_error("prompt: Note: this\n",
		     "t.yaml:1:13: error: a ': ' inside a value starts a new field; put "
		     "the text in quotes");
	expect_error("a: 1\n\tb: 2\n", "t.yaml:2:1: error: a tab cannot indent YAML; use spaces");
}

static void test_binary(void **state)
{
	(void)state;
	assert_int_equal(load("a: \0b", 5), 0);
	assert_string_equal(lua_tostring(L, -1),
			    "t.yaml:1:4: error: not valid UTF-8 text (control characters are not allowed)");
}

static void test_two_documents(void **state)
{
	(void)state;
	expect_error("a: 1\n---\nb: 2\n",
		     "t.yaml:2:1: error: only one YAML document is allowed in a file");
}

static void test_tab_indent(void **state)
{
	(void)state;
	expect_error("a:\n\tb: 1\n", "t.yaml:2:1: error: a tab cannot indent YAML; use spaces");
}

static void test_syntax_error_has_context(void **state)
{
	(void)state;
	expect_error("a: [1, 2\nb: 3\n",
		     "t.yaml:2:2: error: did not find expected ',' or ']' "
		     "(while parsing a flow sequence at 1:4)");
}

static void test_complex_key(void **state)
{
	(void)state;
	expect_error("? [a]\n: b\n", "t.yaml:1:3: error: a key must be plain text, not a list");
	expect_error("~: b\n", "t.yaml:1:1: error: a key cannot be empty");
}

static void test_too_large(void **state)
{
	size_t n = TB_MAX_FILE + 1;
	char *big = malloc(n);

	(void)state;
	assert_non_null(big);
	memset(big, 'a', n);
	assert_int_equal(load(big, n), 0);
	assert_string_equal(lua_tostring(L, -1), "t.yaml:1:1: error: larger than 8 MiB");
	free(big);
}

static void test_node_limit(void **state)
{
	/* [{},{},...]: each value costs Lua tables, so their number is bounded. */
	size_t n = 3 * 200001 + 2;
	char *y = malloc(n + 1);

	(void)state;
	assert_non_null(y);
	y[0] = '[';
	for (size_t i = 0; i < 200001; i++)
		memcpy(y + 1 + 3 * i, "{},", 3);
	y[n - 2] = '{';
	y[n - 1] = ']';
	y[n] = '\0';
	assert_int_equal(load(y, n), 0);
	assert_string_equal(lua_tostring(L, -1),
			    "t.yaml:1:599999: error: more than 200000 values in one file");
	free(y);
}

static void test_line_offset(void **state)
{
	(void)state;
	lua_settop(L, 0);
	lua_newtable(L);
	assert_int_equal(yml_push_string(L, "a: 1\na: 2\n", 10, "doc.md", 1, 1), 0);
	assert_string_equal(lua_tostring(L, -1),
			    "doc.md:3:1: error: duplicate key 'a' (first at 2:1)");
}

/* The text of a string literal, without its closing NUL. */
#define control_in(lit) yml_control_at((lit), sizeof(lit) - 1)

/* Every byte alone: C0 but tab and newline, and DEL, are controls. */
static void test_control_each_byte(void **state)
{
	(void)state;
	for (int c = 0; c < 256; c++) {
		char one = (char)c;
		size_t want = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;

		assert_int_equal(yml_control_at(&one, 1), want);
	}
	assert_int_equal(yml_control_at("", 0), 0);
	assert_int_equal(control_in("plain text,\ttab\nnewline"), 0);
}

/* C1 is 0xC2 then 0x80-0x9F; other 0xC2 pairs (NBSP, ¢) are text. */
static void test_control_c1(void **state)
{
	char buf[3] = "a\xC2";

	(void)state;
	for (int c = 0; c < 256; c++) {
		size_t c0 = (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;

		buf[2] = (char)c;
		/* 0xC2 0x85 at 1; 0xC2 then ESC: the ESC, at 2. */
		assert_int_equal(yml_control_at(buf + 1, 2),
				 c >= 0x80 && c <= 0x9F ? 1 : c0 ? 2 : 0);
	}
	/* A 0xC2 that ends the text has no second byte: not a control. */
	assert_int_equal(yml_control_at(buf, 2), 0);
	assert_int_equal(control_in("\xC2\xA0no-break \xC2\xA2"), 0);
	/* The first one counts, whichever kind: 1-based byte index. */
	assert_int_equal(control_in("ab\xC2\xC2\x85" "c\x1b"), 4);
	assert_int_equal(control_in("ab\x1b\xC2\x85"), 3);
}

/* A NUL is a control too, and the length, not a NUL, ends the text. */
static void test_control_hostile(void **state)
{
	size_t n = 1 << 20;
	char *big = malloc(n);

	(void)state;
	assert_non_null(big);
	memset(big, 'x', n);
	assert_int_equal(yml_control_at(big, n), 0);
	big[n - 1] = '\x7F';
	assert_int_equal(yml_control_at(big, n), n);
	assert_int_equal(yml_control_at(big, n - 1), 0);
	big[n - 2] = '\xC2';
	big[n - 1] = '\x9F';
	assert_int_equal(yml_control_at(big, n), n - 1);
	free(big);
	assert_int_equal(yml_control_at("abc\0def", 7), 4);
	assert_int_equal(yml_control_at("abc\0def", 3), 0);
}

/* host.control_at from Lua: the index or nil; text only. */
static void test_control_from_lua(void **state)
{
	static const char *const cases[][2] = {
		{"return host.control_at('no control here')", "nil"},
		{"return host.control_at('bell\\7')", "5"},
		{"return host.control_at('x\\194\\133')", "2"},
		{"return host.control_at('\\0')", "1"},
		{"return select('#', pcall(host.control_at, {}))", "2"},
		{"return (pcall(host.control_at))", "false"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lua_settop(L, 0);
		assert_int_equal(luaL_dostring(L, cases[i][0]), LUA_OK);
		assert_string_equal(luaL_tolstring(L, 1, NULL), cases[i][1]);
	}
}

/* A key's position, and the kind of each node, in its one where table. */
static void test_key_positions(void **state)
{
	const char *y = "a: 1\nbb:\n  - x\n  - {}\n";
	lua_Integer p;

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	assert_string_equal(pos_of(2, "a", 0), "1:4");
	assert_string_equal(pos_of(2, "bb", 0), "3:3");
	/* info.a numbers the key; its value is the next position. */
	lua_pushvalue(L, 2);
	lua_rawget(L, 1);
	assert_int_equal(lua_getfield(L, -1, "a"), LUA_TNUMBER);
	lua_rawgeti(L, 1, 0);
	memcpy(&p, lua_tostring(L, -1) + 8 * lua_tointeger(L, -2), sizeof p);
	assert_int_equal(p, ((lua_Integer)1 << 32) | 1);
	lua_rawgeti(L, -3, 1);
	assert_int_equal(lua_tointeger(L, -1) & 1, 1);          /* a mapping */
	lua_settop(L, 2);
	lua_getfield(L, 2, "bb");
	assert_string_equal(pos_of(-1, NULL, 0), "3:3");        /* pos_of pops it */
	lua_getfield(L, 2, "bb");
	assert_string_equal(pos_of(-1, NULL, 2), "4:5");
	lua_getfield(L, 2, "bb");
	lua_rawget(L, 1);
	lua_rawgeti(L, -1, 1);
	assert_int_equal(lua_tointeger(L, -1) & 1, 0);          /* a sequence */
	lua_settop(L, 2);
	/* The empty mapping {} has an info of its own: a mapping, no keys. */
	lua_getfield(L, 2, "bb");
	lua_rawgeti(L, -1, 2);
	assert_string_equal(pos_of(-1, NULL, 0), "4:5");
	lua_getfield(L, 2, "bb");
	lua_rawgeti(L, -1, 2);
	lua_rawget(L, 1);
	lua_rawgeti(L, -1, 1);
	assert_int_equal(lua_tointeger(L, -1) & 1, 1);
	lua_pushnil(L);
	assert_int_equal(lua_next(L, 4), 1);                    /* info[1] only */
	assert_int_equal(lua_tointeger(L, -2), 1);
	lua_pop(L, 1);
	assert_int_equal(lua_next(L, 4), 0);
	lua_settop(L, 2);
}

/* A second file loaded into the same where table numbers its positions
 * after the first one's. */
static void test_two_loads_one_where(void **state)
{
	(void)state;
	lua_settop(L, 0);
	lua_newtable(L);
	assert_int_equal(yml_push_string(L, "a: 1\n", 5, "one.yaml", 0, 1), 1);
	lua_rawgeti(L, 1, 0);
	assert_int_equal(lua_rawlen(L, -1), 3 * 8);             /* root, a, its value */
	lua_settop(L, 1);
	assert_int_equal(yml_push_string(L, "\nb: [2]\n", 8, "two.yaml", 0, 1), 1);
	lua_rawgeti(L, 1, 0);
	assert_int_equal(lua_rawlen(L, -1), 7 * 8);             /* and root, b, [, 2 */
	lua_pop(L, 1);
	assert_string_equal(pos_of(2, NULL, 0), "2:1");
	assert_string_equal(pos_of(2, "b", 0), "2:4");
	lua_getfield(L, 2, "b");
	assert_string_equal(pos_of(-1, NULL, 1), "2:5");
}

/*
 * libyaml (YAML 1.1) breaks lines at a carriage return without a line
 * feed and at U+0085, U+2028 and U+2029; the file's lines break at LF
 * only, so every position after one was a line off.  Each is refused
 * where it stands, with LF-counted lines and columns in characters:
 * plain, in quotes, in a block, in a comment, at the end.
 */
static void test_yaml_only_line_breaks(void **state)
{
	(void)state;
	/* "a: 1" then CR: the 5th character of line 1. */
	expect_error("a: 1\rb: 2\n",
		     "t.yaml:1:5: error: a carriage return (U+000D) without a line feed, "
		     "which YAML reads as a line break; save the file with LF or CRLF line ends");
	/* a : space " e-acute, then NEL: the 6th character (e-acute is one). */
	expect_error("a: \"\xc3\xa9\xc2\x85\"\n",
		     "t.yaml:1:6: error: a next-line character (U+0085), which YAML reads "
		     "as a line break; replace it with a line end or a space");
	/* Line 3 of a block: two spaces and y, then U+2028. */
	expect_error("a: |\n  x\n  y\xe2\x80\xa8z\n",
		     "t.yaml:3:4: error: a line separator (U+2028), which YAML reads as a "
		     "line break; replace it with a line end or a space");
	/* "a: 1 # note" is 11 characters; U+2029 is the 12th. */
	expect_error("a: 1 # note\xe2\x80\xa9" "b: 2\n",
		     "t.yaml:1:12: error: a paragraph separator (U+2029), which YAML reads "
		     "as a line break; replace it with a line end or a space");
	/* After CRLF line ends (one break each): line 2, b : space ' x, CR. */
	expect_error("a: 1\r\nb: 'x\ry'\r\n",
		     "t.yaml:2:6: error: a carriage return (U+000D) without a line feed, "
		     "which YAML reads as a line break; save the file with LF or CRLF line ends");
	expect_error("a: 1\r",
		     "t.yaml:1:5: error: a carriage return (U+000D) without a line feed, "
		     "which YAML reads as a line break; save the file with LF or CRLF line ends");
	/* After a byte-order mark: columns count from the first character. */
	expect_error("\xef\xbb\xbf" "ab\xe2\x80\xa8: 1\n",
		     "t.yaml:1:3: error: a line separator (U+2028), which YAML reads as a "
		     "line break; replace it with a line end or a space");
	/* In front matter (line_offset 1): the file's line 3. */
	lua_settop(L, 0);
	lua_newtable(L);
	assert_int_equal(yml_push_string(L, "a: 1\nb: \xc2\x85\n", 10, "doc.md", 1, 1), 0);
	assert_string_equal(lua_tostring(L, -1), "doc.md:3:4: error: a next-line character "
			    "(U+0085), which YAML reads as a line break; replace it with a "
			    "line end or a space");
}

/* Their neighbours are text, and escapes in double quotes still write them. */
static void test_yaml_only_line_breaks_escaped(void **state)
{
	const char *y = "a: \"x\\u2028y\\Lz\\r\"\nb: \xe2\x80\xa7\xe2\x80\xaa\xc2\xa0\n";

	(void)state;
	assert_int_equal(load(y, strlen(y)), 1);
	lua_getfield(L, 2, "a");
	assert_string_equal(lua_tostring(L, -1), "x\xe2\x80\xa8y\xe2\x80\xa8z\r");
	lua_getfield(L, 2, "b");
	assert_string_equal(lua_tostring(L, -1), "\xe2\x80\xa7\xe2\x80\xaa\xc2\xa0");
	lua_settop(L, 2);
	assert_string_equal(pos_of(2, "b", 0), "2:4");
}

/*
 * A libyaml mark's index counts characters, not bytes: read as a byte
 * offset, text with e-acutes before it made the checks that look at the
 * source text look at the wrong byte.
 */
static void test_marks_count_characters(void **state)
{
	const char *y = "t: \"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"\n"
			"q: {c: }\n";

	(void)state;
	/* {c: } has its ':'; the byte 7 before it (line 1's '"') was read. */
	assert_int_equal(load(y, strlen(y)), 1);
	lua_getfield(L, 2, "q");
	lua_getfield(L, -1, "c");
	assert_true(lua_islightuserdata(L, -1));
	/* Eight e-acutes: the colon's index fell on line 2's "title: ". */
	expect_error("id: x\ntitle: \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		     "\xc3\xa9\n  type: z\n",
		     "t.yaml:3:7: error: this line is indented more than the field above "
		     "it: check the indentation of line 3 or the line above");
	expect_error("a: \xc3\xa9\nb:\n\tc: 1\n",
		     "t.yaml:3:1: error: a tab cannot indent YAML; use spaces");
}

/*
 * At the end of a text without a final line feed libyaml's mark is on the
 * line after the last (2:1 here); the file has one line, 5 characters.
 */
static void test_error_at_the_end(void **state)
{
	(void)state;
	expect_error("a: [\xc3\xa9",
		     "t.yaml:1:6: error: did not find expected ',' or ']' "
		     "(while parsing a flow sequence at 1:4)");
	expect_error("a: [\xc3\xa9\n",
		     "t.yaml:2:1: error: did not find expected ',' or ']' "
		     "(while parsing a flow sequence at 1:4)");
}

/* A node there too (fuzz finding): "---" alone is an empty document whose
 * value libyaml placed at 2:1; the file ends at 1:4. */
static void test_node_at_the_end(void **state)
{
	int64_t p;

	(void)state;
	assert_int_equal(load("---", 3), 1);
	assert_true(lua_islightuserdata(L, 2));          /* null: where[0] holds its position */
	lua_rawgeti(L, 1, 0);
	assert_int_equal(lua_rawlen(L, -1), 8);
	memcpy(&p, lua_tostring(L, -1), sizeof p);
	assert_int_equal(p, ((int64_t)1 << 32) | 4);
	assert_int_equal(load("---\n", 4), 1);
	lua_rawgeti(L, 1, 0);
	memcpy(&p, lua_tostring(L, -1), sizeof p);
	assert_int_equal(p, ((int64_t)2 << 32) | 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars_stay_text),
		cmocka_unit_test(test_null_values),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_columns_count_characters),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_anchor_alias_tag),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_empty_and_comment_only),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_utf16_named),
		cmocka_unit_test(test_comma_in_flow_mapping),
		cmocka_unit_test(test_indentation_messages),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_tab_indent),
		cmocka_unit_test(test_syntax_error_has_context),
		cmocka_unit_test(test_complex_key),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_line_offset),
		cmocka_unit_test(test_key_positions),
		cmocka_unit_test(test_two_loads_one_where),
		cmocka_unit_test(test_control_each_byte),
		cmocka_unit_test(test_control_c1),
		cmocka_unit_test(test_control_hostile),
		cmocka_unit_test(test_control_from_lua),
		cmocka_unit_test(test_yaml_only_line_breaks),
		cmocka_unit_test(test_yaml_only_line_breaks_escaped),
		cmocka_unit_test(test_marks_count_characters),
		cmocka_unit_test(test_error_at_the_end),
		cmocka_unit_test(test_node_at_the_end),
	};

	return cmocka_run_group_tests_name("yaml", tests, setup, teardown);
}
