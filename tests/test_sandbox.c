/*
 * test_sandbox.c -- quiz scripts run in a sandbox: each attack it closes,
 * and what a well-behaved script gets back; and the pool a command's own
 * state takes its small blocks from (host_open_command).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <sys/time.h>
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

static int run(const char *code, lua_Integer seed)
{
	lua_settop(L, 0);
	return host_sandbox_run(L, code, strlen(code), "=script", seed, NULL);
}

static void refused(const char *code, const char *msg)
{
	assert_int_equal(run(code, 1), 0);
	assert_string_equal(lua_tostring(L, -1), msg);
}

static const char *field(const char *name)
{
	lua_getfield(L, 1, name);
	return lua_tostring(L, -1);
}

static void test_returns_fields(void **state)
{
	(void)state;
	assert_int_equal(run("return {case = {t = 'T2', n = 'N0', m = 'M0'}, points = 2}", 1), 1);
	lua_getfield(L, 1, "case");
	lua_getfield(L, -1, "t");
	assert_string_equal(lua_tostring(L, -1), "T2");
	assert_string_equal(field("points"), "2");
}

static void test_rng_is_seeded(void **state)
{
	char a[32], b[32], c[32];
	const char *code = "return {x = rng:int(1, 1000000000), y = rng:pick{'a','b','c'}}";

	(void)state;
	assert_int_equal(run(code, 7), 1);
	snprintf(a, sizeof a, "%s", field("x"));
	assert_int_equal(run(code, 7), 1);
	snprintf(b, sizeof b, "%s", field("x"));
	assert_int_equal(run(code, 8), 1);
	snprintf(c, sizeof c, "%s", field("x"));
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
}

static void test_staging_available(void **state)
{
	(void)state;
	assert_int_equal(run("return {g = staging.group('T2', 'N1', 'M0')}", 1), 1);
	assert_string_equal(field("g"), "IIB");
}

static void test_infinite_loop(void **state)
{
	(void)state;
	refused("while true do end",
		"failed: ran too long (more than 10 million steps or 1 second)");
}

static void test_pcall_cannot_swallow_budget(void **state)
{
	(void)state;
	assert_int_equal(run("while true do pcall(function() while true do end end) end", 1), 0);
	assert_non_null(strstr(lua_tostring(L, -1), "ran too long"));
}

static void test_memory_cap(void **state)
{
	(void)state;
	refused("local s = 'x' for i = 1, 40 do s = s .. s end return {}",
		"used more than 16 MiB of memory");
	/* A table that grows by a kilobyte a step reaches the cap in some
	 * 16,000 steps, far inside the step and time budgets even under
	 * ASan on a loaded machine (a table of integers took a million steps
	 * and, so slowed, once ran out of time first). */
	refused("local t = {} for i = 1, 1e8 do t[i] = string.rep('x', 1024) .. i end return {}",
		"used more than 16 MiB of memory");
}

/*
 * The time budget counts the CPU time the script's thread used, not the
 * time it waited: a signal handler that sleeps past the budget in the
 * middle of a short loop must not time the script out.
 */
static volatile sig_atomic_t slept;

static void sleep_in_handler(int sig)
{
	struct timespec pause = { 0, 700000000 };

	(void)sig;
	nanosleep(&pause, NULL);
	slept = 1;
}

static void test_time_is_cpu_time(void **state)
{
	struct tb_script_use use = { 0.5, 10000000, 0, 0 };
	struct itimerval after_cpu = { { 0, 0 }, { 0, 5000 } }, off = { { 0, 0 }, { 0, 0 } };
	struct sigaction sa, old;
	const char *code = "local t = 0 for i = 1, 4e6 do t = t + i end return {t = t}";
	int ok;

	(void)state;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = sleep_in_handler;
	sigaction(SIGVTALRM, &sa, &old);
	slept = 0;
	lua_settop(L, 0);
	setitimer(ITIMER_VIRTUAL, &after_cpu, NULL);
	ok = host_sandbox_run(L, code, strlen(code), "=script", 1, &use);
	setitimer(ITIMER_VIRTUAL, &off, NULL);
	sigaction(SIGVTALRM, &old, NULL);
	assert_int_equal(slept, 1);
	assert_true(ok);
	assert_string_equal(field("t"), "8000002000000");
	assert_true(use.seconds_used < 0.5);
	assert_int_equal(use.steps_used, 8000000);
}

static void test_string_rep_capped(void **state)
{
	(void)state;
	refused("return {x = ('x'):rep(1e9)}",
		"failed: script:1: string.rep result larger than 1048576 bytes");
	/* An empty string repeated 2^62 times loops in C in stock Lua. */
	refused("return {x = (''):rep(1 << 62)}",
		"failed: script:1: string.rep result larger than 1048576 bytes");
}

static void test_no_dangerous_globals(void **state)
{
	(void)state;
	assert_int_equal(run("return {x = type(io) .. type(os) .. type(require) .. type(load) .."
			     " type(loadstring) .. type(dofile) .. type(debug) .. type(collectgarbage) .."
			     " type(setmetatable) .. type(getmetatable) .. type(rawset) .. type(coroutine) .."
			     " type(print) .. type(package) .. type(math.random)}", 1), 1);
	assert_string_equal(field("x"),
			    "nilnilnilnilnilnilnilnilnilnilnilnilnilnilnil");
}

static void test_string_metatable_sanitised(void **state)
{
	(void)state;
	assert_int_equal(run("local s = '' return {x = type(s.find) .. type(s.gsub) .."
			     " type(s.match) .. type(s.gmatch) .. type(s.dump) .. type(string.find)}", 1), 1);
	assert_string_equal(field("x"), "nilnilnilnilnilnil");
	/* The backtracking pattern that takes minutes in stock Lua cannot run. */
	assert_int_equal(run("return {x = ('a'):rep(800):find('.-.-.-b')}", 1), 0);
	assert_non_null(strstr(lua_tostring(L, -1), "attempt to call a nil value (method 'find')"));
}

static void test_no_finalizers(void **state)
{
	(void)state;
	refused("local t = setmetatable({}, {__gc = function() while true do end end}) return {}",
		"failed: script:1: attempt to call a nil value (global 'setmetatable')");
}

static void test_bytecode_refused(void **state)
{
	(void)state;
	refused("\033Lua\x54\x00", "does not compile: attempt to load a binary chunk (mode is 't')");
}

static void test_bad_results(void **state)
{
	(void)state;
	refused("return 5", "must return a table of question fields, not a number value");
	refused("return {f = function() end}", "returned a function value, which a question cannot hold");
	refused("local t = {} t.x = t return t", "returned tables nested deeper than 8");
	refused("local t = {} for i = 1, 5000 do t[i] = i end return t", "returned more than 4096 values");
	refused("return {[{}] = 1}", "returned a table with a table key");
}

static void test_errors_reported(void **state)
{
	(void)state;
	refused("return {", "does not compile: script:1: unexpected symbol near <eof>");
	refused("error({})", "failed: (error object is a table value)");
	refused("local x = nil; return x.y", "failed: script:1: attempt to index a nil value (local 'x')");
}

static void test_review_attacks(void **state)
{
	(void)state;
	/* A message handler would run with hooks off: xpcall is not offered. */
	refused("xpcall(function() while true do end end, function() while true do end end)",
		"failed: script:1: attempt to call a nil value (global 'xpcall')");
	/* #t can claim 2^50 for a table of 51 keys; insert/remove loop in C to #t. */
	refused("local t = {} for i = 50, 0, -1 do t[1 << i] = true end table.remove(t, 1)",
		"failed: script:1: table too long for insert or remove");
	/* Long C calls between instructions: the clock stops them. */
	assert_int_equal(run("local s = ('x'):rep(1 << 20) local n = 0 "
			     "while true do n = n + utf8.len(s) end", 1), 0);
	assert_non_null(strstr(lua_tostring(L, -1), "ran too long"));
	/* Each reference to a string is copied: the total is bounded. */
	refused("local s = ('x'):rep(1 << 20) local t = {} for i = 1, 200 do t[i] = s end "
		"return {x = t}", "returned more than 1048576 bytes of text");
	assert_int_equal(lua_gettop(L), 1);     /* only the message: nothing half built */
}

static void test_host_survives(void **state)
{
	(void)state;
	refused("while true do end", "failed: ran too long (more than 10 million steps or 1 second)");
	lua_settop(L, 0);
	lua_pushinteger(L, 2);
	assert_int_equal(host_call(L, "util", "label", 1, 1), LUA_OK);
	assert_string_equal(lua_tostring(L, -1), "B");
}

/*
 * host_call's require ran with the first argument as its message handler,
 * so a module that failed to load ended in LUA_ERRERR (the argument was
 * called) instead of a plain error.
 */
static void test_host_call_require_fails(void **state)
{
	(void)state;
	lua_settop(L, 0);
	lua_pushliteral(L, "an argument");
	assert_int_equal(host_call(L, "no-such-module", "f", 1, 1), LUA_ERRRUN);
	assert_int_equal(lua_gettop(L), 1);
	/* The real reason, not a vague "internal error loading engine module". */
	assert_non_null(strstr(lua_tostring(L, 1), "cannot load engine module 'no-such-module': "
			       "module 'no-such-module' not found"));
	lua_settop(L, 0);
	lua_pushliteral(L, "quizzes");
	assert_int_equal(host_call(L, "util", "trim", 1, 1), LUA_OK);
	assert_string_equal(lua_tostring(L, -1), "quizzes");
}

/*
 * Lua 5.4.4 shifts 0xFF and seven continuation bytes by 35 bits (UB) before
 * it refuses them; the engine and scripts get guarded utf8 functions that
 * answer the same without the shift.
 */
static void test_utf8_guard(void **state)
{
	static const char *const code =
		"local s = '\xff\x80\x80\x80\x80\x80\x80\x80'\n"
		"local n, at = utf8.len(s)\n"
		"local n2, at2 = utf8.len('ab' .. s)\n"
		"local ok = pcall(utf8.codepoint, s, 1)\n"
		"return {n = tostring(n), at = at, at2 = at2, ok = tostring(ok), "
		"len = utf8.len('caf\xc3\xa9')}";

	(void)state;
	for (const char *const *n = (const char *const[]){"len", "codepoint", "codes", NULL};
	     *n; n++) {
		lua_settop(L, 0);
		lua_getglobal(L, "utf8");
		lua_getfield(L, -1, *n);
		assert_non_null(lua_getupvalue(L, -1, 1));     /* the guarded original */
	}
	assert_int_equal(run(code, 1), 1);
	assert_string_equal(field("n"), "nil");
	assert_string_equal(field("at"), "1");
	assert_string_equal(field("at2"), "3");
	assert_string_equal(field("ok"), "false");
	assert_string_equal(field("len"), "4");
	lua_settop(L, 0);
	assert_int_equal(luaL_dostring(L, "return utf8.len('x\xff\x80\x80\x80\x80\x80\x80\x80')"),
			 LUA_OK);
	assert_true(lua_isnil(L, 1));
	assert_int_equal(lua_tointeger(L, 2), 2);
}

/* LPeg is the engine's (the GIFT reader's grammar), never a script's. */
static void test_lpeg_engine_only(void **state)
{
	(void)state;
	lua_settop(L, 0);
	assert_int_equal(luaL_dostring(L, "return type(require('lpeg').match)"), LUA_OK);
	assert_string_equal(lua_tostring(L, 1), "function");
	assert_int_equal(run("return {x = type(lpeg) .. type(require) .. type(package)}", 1), 1);
	assert_string_equal(field("x"), "nilnilnil");
}

/* ---- the pool of host_open_command's state ------------------------ */

/* A byte each block is filled with: its number and its offset. */
static unsigned char fill_byte(int i, size_t at)
{
	return (unsigned char)(i * 31 + (int)at * 7 + 1);
}

static void fill(unsigned char *p, int i, size_t n)
{
	for (size_t at = 0; at < n; at++)
		p[at] = fill_byte(i, at);
}

static void check_fill(const unsigned char *p, int i, size_t n)
{
	for (size_t at = 0; at < n; at++)
		assert_int_equal(p[at], fill_byte(i, at));
}

/*
 * 2,000 blocks of 1 to 700 bytes (either side of the pool's 512), made,
 * resized up and down (contents kept up to the smaller size) and freed in
 * a fixed pseudo-random order: no two live blocks overlap, no contents
 * are lost, and a freed block is used again.
 */
static void test_pool_blocks(void **state)
{
	enum { N = 2000, ROUNDS = 20000 };
	static unsigned char *blk[N];
	static size_t len[N];
	lua_State *P = host_open_command();
	void *ud;
	lua_Alloc f;
	uint32_t x = 12345;

	(void)state;
	assert_non_null(P);
	f = lua_getallocf(P, &ud);
	memset(blk, 0, sizeof blk);
	for (int r = 0; r < ROUNDS; r++) {
		int i;
		size_t n;

		x = x * 1103515245u + 12345u;
		i = (int)((x >> 8) % N);
		x = x * 1103515245u + 12345u;
		n = 1 + (x >> 8) % 700;
		if (blk[i] && (x & 1)) {
			check_fill(blk[i], i, len[i]);
			f(ud, blk[i], len[i], 0);
			blk[i] = NULL;
		} else {
			unsigned char *p = f(ud, blk[i], blk[i] ? len[i] : LUA_TSTRING, n);

			assert_non_null(p);
			if (blk[i])
				check_fill(p, i, len[i] < n ? len[i] : n);
			blk[i] = p;
			len[i] = n;
			fill(p, i, n);
		}
	}
	for (int i = 0; i < N; i++)
		if (blk[i]) {
			check_fill(blk[i], i, len[i]);
			f(ud, blk[i], len[i], 0);
		}
	host_close(P);
}

/* A freed block is the next one of its size (in steps of 8 bytes). */
static void test_pool_reuses_a_size(void **state)
{
	lua_State *P = host_open_command();
	void *ud, *a, *b, *c;
	lua_Alloc f;

	(void)state;
	assert_non_null(P);
	f = lua_getallocf(P, &ud);
	a = f(ud, NULL, LUA_TTABLE, 56);
	f(ud, a, 56, 0);
	b = f(ud, NULL, LUA_TSTRING, 24);        /* another size: not a */
	assert_ptr_not_equal(b, a);
	c = f(ud, NULL, LUA_TSTRING, 50);        /* 50 rounds up to 56 */
	assert_ptr_equal(c, a);
	assert_ptr_equal(f(ud, c, 50, 53), c);   /* the same size: in place */
	f(ud, b, 24, 0);
	f(ud, c, 53, 0);
	lua_settop(P, 0);
	lua_pushliteral(P, "the state still works");
	assert_string_equal(lua_tostring(P, -1), "the state still works");
	host_close(P);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_returns_fields),
		cmocka_unit_test(test_rng_is_seeded),
		cmocka_unit_test(test_staging_available),
		cmocka_unit_test(test_infinite_loop),
		cmocka_unit_test(test_pcall_cannot_swallow_budget),
		cmocka_unit_test(test_memory_cap),
		cmocka_unit_test(test_time_is_cpu_time),
		cmocka_unit_test(test_string_rep_capped),
		cmocka_unit_test(test_no_dangerous_globals),
		cmocka_unit_test(test_string_metatable_sanitised),
		cmocka_unit_test(test_no_finalizers),
		cmocka_unit_test(test_bytecode_refused),
		cmocka_unit_test(test_bad_results),
		cmocka_unit_test(test_errors_reported),
		cmocka_unit_test(test_review_attacks),
		cmocka_unit_test(test_host_survives),
		cmocka_unit_test(test_host_call_require_fails),
		cmocka_unit_test(test_utf8_guard),
		cmocka_unit_test(test_lpeg_engine_only),
		cmocka_unit_test(test_pool_blocks),
		cmocka_unit_test(test_pool_reuses_a_size),
	};

	return cmocka_run_group_tests_name("sandbox", tests, setup, teardown);
}
