/*
 * test_store.c -- a back end's client library is opened when its first
 * store is: a library that is missing, or lacks a function, is refused
 * with a message naming it and the package, and nothing is half loaded.
 * So is libmicrohttpd, which `teachback serve` opens the same way.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "store.h"
#include "teachback.h"

static void *slot_a, *slot_b;

static void test_missing_library_is_named(void **state)
{
	const struct store_symbol syms[] = { { "f", &slot_a }, { NULL, NULL } };
	char err[512];

	(void)state;
	assert_int_equal(store_load_library("libteachback-absent.so.9", "a test store",
					    "libabsent9", syms, err, sizeof err), 0);
	assert_non_null(strstr(err, "a test store needs libteachback-absent.so.9, which could "
			       "not be loaded (libteachback-absent.so.9: cannot open shared "
			       "object file"));
	assert_non_null(strstr(err, "); install the package libabsent9"));
	assert_null(slot_a);
}

static void test_missing_function_is_named(void **state)
{
	const struct store_symbol syms[] = { { "strlen", &slot_a },
					     { "teachback_no_such_function", &slot_b },
					     { NULL, NULL } };
	char err[512];

	(void)state;
	assert_int_equal(store_load_library("libc.so.6", "a test store", "libc6", syms, err,
					    sizeof err), 0);
	assert_string_equal(err, "a test store needs libc.so.6 with teachback_no_such_function, "
			    "which the one installed lacks (too old?); install a newer libc6");
	assert_null(slot_a);
	assert_null(slot_b);
}

static void test_present_library_fills_every_slot(void **state)
{
	const struct store_symbol syms[] = { { "strlen", &slot_a }, { "strcmp", &slot_b },
					     { NULL, NULL } };
	char err[512] = "";
	size_t (*len)(const char *);

	(void)state;
	assert_int_equal(store_load_library("libc.so.6", "a test store", "libc6", syms, err,
					    sizeof err), 1);
	assert_string_equal(err, "");
	memcpy(&len, &slot_a, sizeof len);
	assert_int_equal(len("four"), 4);
	assert_non_null(slot_b);
}

/* What `teachback serve` prints after "teachback: serve: " without it. */
static void test_serve_names_its_missing_library(void **state)
{
	char err[512];

	(void)state;
	assert_int_equal(serve_load_library("libteachback-absent.so.9", err, sizeof err), 0);
	assert_non_null(strstr(err, "teachback serve needs libteachback-absent.so.9, which "
			       "could not be loaded (libteachback-absent.so.9: cannot open "
			       "shared object file"));
	assert_non_null(strstr(err, "); install the package libmicrohttpd12"));
}

/* A library without MHD_* leaves nothing half loaded: the real one loads after. */
static void test_serve_loads_libmicrohttpd(void **state)
{
	char err[512] = "";

	(void)state;
	assert_int_equal(serve_load_library("libc.so.6", err, sizeof err), 0);
	assert_string_equal(err, "teachback serve needs libc.so.6 with MHD_add_response_header, "
			    "which the one installed lacks (too old?); install a newer "
			    "libmicrohttpd12");
	err[0] = '\0';
	assert_int_equal(serve_load_library("libmicrohttpd.so.12", err, sizeof err), 1);
	assert_string_equal(err, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library_is_named),
		cmocka_unit_test(test_missing_function_is_named),
		cmocka_unit_test(test_present_library_fills_every_slot),
		cmocka_unit_test(test_serve_names_its_missing_library),
		cmocka_unit_test(test_serve_loads_libmicrohttpd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
