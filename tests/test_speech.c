/*
 * test_speech.c -- read-aloud audio (engine/speech.c) and its cache
 * (engine/lua/speech.lua): the WAV eSpeak NG makes, text that is only ever
 * spoken, a missing, hung, flooding or failing program, and the cache's
 * files.  The stand-in programs are in tests/speech/.
 */
#define _GNU_SOURCE             /* mkdtemp, setenv */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <lauxlib.h>

#include "teachback.h"

#define CARE "Call your care team now."
/* printf 'en-us\n140\nCall your care team now.' | sha256sum */
#define CARE_KEY "85260e608da4304e814da2dde5aa8a0e38011646186ca57370b01c145fae5478"

static char dir[64];
static char err[TB_ERRLEN];
static char *wav;
static size_t wavlen;

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag; (void)f;
	return remove(p);
}

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/tb-speech-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	unsetenv("TEACHBACK_ESPEAK");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(wav);
	wav = NULL;
	unsetenv("TEACHBACK_ESPEAK");
	unsetenv("SPEECH_LOG");
	return nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static unsigned rd32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return u[0] | u[1] << 8 | u[2] << 16 | (unsigned)u[3] << 24;
}

static unsigned rd16(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return u[0] | u[1] << 8;
}

static char *slurp(const char *path, size_t *len)
{
	char e[TB_ERRLEN], *b;

	assert_true(fs_read(path, 64u << 20, &b, len, e, sizeof e));
	return b;
}

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int speak(const char *text, const char *voice, int wpm)
{
	free(wav);
	wav = NULL;
	return speech_wav(text, strlen(text), voice, wpm, 10.0, 16u << 20, &wav, &wavlen,
			  err, sizeof err);
}

/* What espeak-ng writes with -w for the text in a file: the reference. */
static char *espeak_file(const char *text, size_t *len)
{
	char txt[128], out[128], cmd[512];

	snprintf(txt, sizeof txt, "%s/ref.txt", dir);
	snprintf(out, sizeof out, "%s/ref.wav", dir);
	put(txt, text);
	snprintf(cmd, sizeof cmd, "espeak-ng -b 1 -v en-us -s 140 -w %s -f %s", out, txt);
	assert_int_equal(system(cmd), 0);
	return slurp(out, len);
}

static void test_wav_is_espeak_output_with_true_lengths(void **state)
{
	size_t reflen;
	char *ref;

	(void)state;
	assert_true(speak(CARE, "en-us", 140));
	assert_memory_equal(wav, "RIFF", 4);
	assert_int_equal(rd32(wav + 4), wavlen - 8);
	assert_memory_equal(wav + 8, "WAVEfmt ", 8);
	assert_int_equal(rd16(wav + 20), 1);            /* PCM */
	assert_int_equal(rd16(wav + 22), 1);            /* mono */
	assert_int_equal(rd32(wav + 24), 22050);
	assert_int_equal(rd16(wav + 34), 16);
	assert_memory_equal(wav + 36, "data", 4);
	assert_int_equal(rd32(wav + 40), wavlen - 44);
	assert_true(wavlen > 44 + 22050);               /* over half a second of sound */
	/* Byte for byte what espeak-ng writes to a file, where it can seek. */
	ref = espeak_file(CARE, &reflen);
	assert_int_equal(wavlen, reflen);
	assert_memory_equal(wav, ref, reflen);
	free(ref);
}

static void test_text_goes_on_stdin_never_argv(void **state)
{
	const char *text = "-v xx --version; $(touch pwned) `id` | rm -rf / && echo \"'";
	char log[128], path[160];
	size_t len;
	char *got;

	(void)state;
	snprintf(log, sizeof log, "%s/log", dir);
	setenv("SPEECH_LOG", log, 1);
	setenv("TEACHBACK_ESPEAK", "tests/speech/record", 1);
	assert_true(speak(text, "en-us", 140));
	snprintf(path, sizeof path, "%s.args", log);
	got = slurp(path, &len);
	assert_string_equal(got, "-b\n1\n-v\nen-us\n-s\n140\n--stdout\n--stdin\n");
	free(got);
	snprintf(path, sizeof path, "%s.stdin", log);
	got = slurp(path, &len);
	assert_string_equal(got, text);
	free(got);
	/* The header's lengths set from the 60 bytes read: RIFF 52, data 4. */
	assert_int_equal(wavlen, 60);
	assert_int_equal(rd32(wav + 4), 52);
	assert_memory_equal(wav + 48, "data", 4);
	assert_int_equal(rd32(wav + 52), 4);
	assert_memory_equal(wav + 56, "\001\002\003\004", 4);
}

static void test_shell_text_is_spoken_not_run(void **state)
{
	char text[1024], pwned[128], out[128], *ref;
	size_t reflen;

	(void)state;
	snprintf(pwned, sizeof pwned, "%s/pwned", dir);
	snprintf(out, sizeof out, "%s/out.wav", dir);
	snprintf(text, sizeof text, "-w %s $(touch %s) `touch %s`; touch %s | rm -rf %s",
		 out, pwned, pwned, pwned, dir);
	assert_true(speak(text, "en-us", 140));
	assert_int_equal(access(pwned, F_OK), -1);
	assert_int_equal(access(out, F_OK), -1);
	ref = espeak_file(text, &reflen);
	assert_int_equal(wavlen, reflen);
	assert_memory_equal(wav, ref, reflen);
	free(ref);
}

static void test_absent_program_says_so(void **state)
{
	char *path = strdup(getenv("PATH"));

	(void)state;
	setenv("TEACHBACK_ESPEAK", "/nonexistent/espeak-ng", 1);
	assert_false(speak(CARE, "en-us", 140));
	assert_string_equal(err, "read-aloud: /nonexistent/espeak-ng not found "
			    "(install the Debian package espeak-ng)");
	unsetenv("TEACHBACK_ESPEAK");
	setenv("PATH", dir, 1);
	assert_false(speak(CARE, "en-us", 140));
	setenv("PATH", path, 1);
	free(path);
	assert_string_equal(err, "read-aloud: espeak-ng not found "
			    "(install the Debian package espeak-ng)");
}

static void test_hung_program_is_killed(void **state)
{
	char log[128], path[160], *got;
	size_t len;
	long pid;

	(void)state;
	snprintf(log, sizeof log, "%s/log", dir);
	setenv("SPEECH_LOG", log, 1);
	setenv("TEACHBACK_ESPEAK", "tests/speech/hang", 1);
	assert_false(speech_wav(CARE, strlen(CARE), "en-us", 140, 1.0, 1000, &wav, &wavlen,
				err, sizeof err));
	assert_string_equal(err, "read-aloud: tests/speech/hang took longer than 1 s; stopped");
	snprintf(path, sizeof path, "%s.pid", log);
	got = slurp(path, &len);
	pid = atol(got);
	free(got);
	assert_true(pid > 1);
	/* Killed and reaped: no such process any more. */
	assert_int_equal(kill((pid_t)pid, 0), -1);
	assert_int_equal(errno, ESRCH);
}

static void test_flooding_program_is_stopped(void **state)
{
	(void)state;
	setenv("TEACHBACK_ESPEAK", "tests/speech/flood", 1);
	assert_false(speech_wav(CARE, strlen(CARE), "en-us", 140, 10.0, 100000, &wav, &wavlen,
				err, sizeof err));
	assert_string_equal(err, "read-aloud: tests/speech/flood wrote more than 100000 bytes; "
			    "stopped");
}

static void test_failure_and_non_wav_named(void **state)
{
	(void)state;
	setenv("TEACHBACK_ESPEAK", "tests/speech/fail", 1);
	assert_false(speak(CARE, "en-us", 140));
	assert_string_equal(err, "read-aloud: tests/speech/fail failed (exit 1): "
			    "Error: The specified espeak-ng voice does not exist.");
	setenv("TEACHBACK_ESPEAK", "tests/speech/notwav", 1);
	assert_false(speak(CARE, "en-us", 140));
	assert_string_equal(err, "read-aloud: tests/speech/notwav wrote no WAV (6 bytes)");
	unsetenv("TEACHBACK_ESPEAK");
	/* The real program, a voice it does not have. */
	assert_false(speak(CARE, "xx-nosuch", 140));
	assert_string_equal(err, "read-aloud: espeak-ng failed (exit 1): "
			    "Error: The specified espeak-ng voice does not exist.");
}

static void test_refused_inputs(void **state)
{
	char big[4002];

	(void)state;
	memset(big, 'a', 4001);
	big[4001] = '\0';
	assert_false(speak(big, "en-us", 140));
	assert_string_equal(err, "read-aloud: the text is 4001 bytes, more than 4000");
	assert_false(speech_wav("a\0b", 3, "en-us", 140, 10.0, 1000, &wav, &wavlen, err, sizeof err));
	assert_string_equal(err, "read-aloud: the text holds a NUL byte");
	assert_false(speak(CARE, "-w", 140));
	assert_string_equal(err, "read-aloud: bad voice '-w' or speed 140");
	assert_false(speak(CARE, "en us", 140));
	assert_string_equal(err, "read-aloud: bad voice 'en us' or speed 140");
	assert_false(speak(CARE, "en-us", 79));
	assert_string_equal(err, "read-aloud: bad voice 'en-us' or speed 79");
}

/* ---- the cache (engine/lua/speech.lua) ----------------------------- */

static lua_State *L;

/* Run Lua code in the engine's state; it returns one string. */
static const char *lua(const char *code)
{
	lua_settop(L, 0);
	if (luaL_loadstring(L, code) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
		fail_msg("%s", lua_tostring(L, -1));
	return lua_tostring(L, -1);
}

static int setup_lua(void **state)
{
	char cache[128];

	if (setup(state))
		return -1;
	snprintf(cache, sizeof cache, "%s/cache", dir);
	setenv("XDG_CACHE_HOME", cache, 1);
	L = host_open();
	return L ? 0 : -1;
}

static int teardown_lua(void **state)
{
	host_close(L);
	unsetenv("XDG_CACHE_HOME");
	return teardown(state);
}

static void test_same_text_is_one_file(void **state)
{
	(void)state;
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local a, how1 = s.wav('Call your care team now.')\n"
		"local b, how2 = s.wav('  Call your\\ncare team\\tnow. ')\n"
		"local files = host.files_with_sizes(s.dir(), '.wav')\n"
		"return table.concat({ how1, how2, tostring(a == b), #files,\n"
		"  files[1].path:match('[^/]*$'), tostring(files[1].size == #a) }, ' ')"),
		"made cache true 1 " CARE_KEY ".wav true");
	/* The file is where the XDG spec says. */
	char path[256];
	snprintf(path, sizeof path, "%s/cache/teachback/speech/" CARE_KEY ".wav", dir);
	assert_int_equal(access(path, F_OK), 0);
	/* Another voice is another file; the first stays. */
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local a, how = s.wav('Call your care team now.', { voice = 'en-gb' })\n"
		"return how .. ' ' .. #host.files_with_sizes(s.dir(), '.wav')"),
		"made 2");
}

static void test_bad_cache_file_is_made_again(void **state)
{
	char path[256];

	(void)state;
	snprintf(path, sizeof path, "%s/cache/teachback/speech", dir);
	assert_string_equal(lua("return require('speech').dir()"), path);
	snprintf(path, sizeof path, "%s/cache/teachback/speech/" CARE_KEY ".wav", dir);
	put(path, "junk, not a WAV");
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local a, how = s.wav('Call your care team now.')\n"
		"local again = host.read_text(s.dir() .. '/" CARE_KEY ".wav', 1 << 24)\n"
		"return how .. ' ' .. again:sub(1, 4) .. ' ' .. tostring(again == a)"),
		"made RIFF true");
}

static void test_trim_removes_oldest_first(void **state)
{
	const char *names[] = { "a.wav", "b.wav", "c.wav", "x.wav.tmp1-0" };
	const long mtimes[] = { 3000, 1000, 2000, 500 };
	char sub[128], path[256], hundred[101];

	(void)state;
	memset(hundred, 'z', 100);
	hundred[100] = '\0';
	snprintf(sub, sizeof sub, "%s/trim", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	for (int i = 0; i < 4; i++) {
		snprintf(path, sizeof path, "%s/%s", sub, names[i]);
		put(path, hundred);
		assert_int_equal(utime(path, &(struct utimbuf){ mtimes[i], mtimes[i] }), 0);
	}
	lua_pushstring(L, sub);
	lua_setglobal(L, "SUB");
	/* 300 bytes of WAV over a bound of 150: b (oldest) and c go, a stays;
	 * the temporary file is not the cache's to count or remove; the kept
	 * file is never removed even when it is the oldest. */
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local n = s.trim(SUB, 150)\n"
		"local left = {}\n"
		"for _, f in ipairs(host.files_with_sizes(SUB, '')) do\n"
		"  left[#left + 1] = f.path:match('[^/]*$') end\n"
		"table.sort(left)\n"
		"return n .. ' ' .. table.concat(left, ' ')"),
		"2 a.wav x.wav.tmp1-0");
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"return s.trim(SUB, 0, SUB .. '/a.wav') .. ' ' .. #host.files_with_sizes(SUB, '.wav')"),
		"0 1");
}

static void test_cache_without_program_or_home(void **state)
{
	(void)state;
	setenv("TEACHBACK_ESPEAK", "/nonexistent/espeak-ng", 1);
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local a, msg = s.wav('Call your care team now.')\n"
		"return tostring(a) .. ' | ' .. msg .. ' | ' .. #host.files_with_sizes(s.dir(), '.wav')"),
		"nil | read-aloud: /nonexistent/espeak-ng not found (install the Debian package "
		"espeak-ng) | 0");
	unsetenv("TEACHBACK_ESPEAK");
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local a, msg = s.wav(' \\n ')\n"
		"return tostring(a) .. ' | ' .. msg"), "nil | read-aloud: nothing to read");
	/* No HOME and no XDG_CACHE_HOME: the audio still comes, uncached. */
	char *home = strdup(getenv("HOME") ? getenv("HOME") : "/root");
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	assert_string_equal(lua(
		"local s = require('speech')\n"
		"local d, msg = host.cache_home()\n"
		"local a, how = s.wav('Call your care team now.')\n"
		"return tostring(d) .. ' | ' .. msg .. ' | ' .. how .. ' ' .. a:sub(1, 4)"),
		"nil | read-aloud: no HOME or XDG_CACHE_HOME to keep audio in | made RIFF");
	setenv("HOME", home, 1);
	free(home);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_wav_is_espeak_output_with_true_lengths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_goes_on_stdin_never_argv, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shell_text_is_spoken_not_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_absent_program_says_so, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hung_program_is_killed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flooding_program_is_stopped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_and_non_wav_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_inputs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_text_is_one_file, setup_lua, teardown_lua),
		cmocka_unit_test_setup_teardown(test_bad_cache_file_is_made_again, setup_lua, teardown_lua),
		cmocka_unit_test_setup_teardown(test_trim_removes_oldest_first, setup_lua, teardown_lua),
		cmocka_unit_test_setup_teardown(test_cache_without_program_or_home, setup_lua, teardown_lua),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
