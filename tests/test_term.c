/*
 * test_term.c -- what the terminal front end writes: a message line or a
 * cited passage never carries a control character from a file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>

#include "teachback.h"

static char *buf;
static size_t len;

static FILE *capture(void)
{
	free(buf);
	buf = NULL;
	return open_memstream(&buf, &len);
}

static void test_message_escapes_controls(void **state)
{
	FILE *f = capture();

	(void)state;
	term_write_message(f, "q.yaml:2:1: error: key '\033[2J\033]0;t\007' \xc2\x9b\x7f caf\xc3\xa9 \xff");
	fclose(f);
	assert_string_equal(buf, "q.yaml:2:1: error: key '\\x1b[2J\\x1b]0;t\\x07' \\u009b\\x7f "
			    "caf\xc3\xa9 \\xff\n");
}

/* Fuzz finding 4d: the passage title was printed with fprintf, raw. */
static void test_passage_title_is_clean(void **state)
{
	lua_State *L = luaL_newstate();
	struct term_opts o = { 0, 80, NULL };

	(void)state;
	o.out = capture();
	lua_createtable(L, 1, 0);
	lua_createtable(L, 0, 3);
	lua_pushliteral(L, "passage");
	lua_setfield(L, -2, "kind");
	lua_pushliteral(L, "First \033[2J\033[31mHIDDEN\033[0m section");
	lua_setfield(L, -2, "title");
	lua_pushliteral(L, "Bone is the most common place.");
	lua_setfield(L, -2, "text");
	lua_rawseti(L, -2, 1);
	term_render(L, -1, &o);
	fclose(o.out);
	assert_string_equal(buf, "Quote from \"First [2J[31mHIDDEN[0m section\":\n"
			    "  Bone is the most common place.\n");
	lua_close(L);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_message_escapes_controls),
		cmocka_unit_test(test_passage_title_is_clean),
	};
	int rc = cmocka_run_group_tests_name("term", tests, NULL, NULL);

	free(buf);
	return rc;
}
