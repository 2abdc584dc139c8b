/*
 * speech.c -- read-aloud audio: text in, WAV bytes out, made by eSpeak NG
 * (Debian espeak-ng) run as a separate program, and the few file calls the
 * audio cache (engine/lua/speech.lua) needs.
 *
 * eSpeak NG is GPL-3, so it is never linked: it is started with
 * posix_spawnp and an argument vector (no shell ever sees the text), the
 * text goes to it on stdin (so a text such as "-v xx" or "$(rm -rf ~)" is
 * only ever spoken), and the WAV it writes on stdout is read back through
 * a pipe.  The child is bounded in time (killed with SIGKILL when it
 * overruns) and its output in size (killed when it passes the cap), and
 * it inherits no descriptor of ours but the three pipes.
 *
 * Written to a pipe, espeak-ng cannot seek back to fill in the lengths of
 * its WAV header (it leaves 0x7ffff024 in them), so they are set here from
 * the bytes actually read: some browsers refuse a WAV whose lengths lie.
 *
 *   host.speak_wav(text [, voice, wpm]) -> wav | nil, message
 *   host.sha256_hex(s)                  -> 64 hex digits
 *   host.cache_home()                   -> $XDG_CACHE_HOME or ~/.cache | nil, message
 *   host.files_with_sizes(dir, suffix)  -> { {path=, size=, mtime=}, ... }
 *   host.remove_file(path)              -> true | nil, message
 *
 * $TEACHBACK_ESPEAK names another program to run instead of espeak-ng
 * (tests use it for a program that hangs or floods; a site may use it for
 * an espeak-ng installed outside PATH).
 */
#define _GNU_SOURCE             /* pipe2, posix_spawn_file_actions_addclosefrom_np */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <lauxlib.h>
#include <nettle/sha2.h>

#include "teachback.h"

extern char **environ;

/*
 * The text is written whole into the child's stdin pipe before the child
 * starts, so the parent never writes to a pipe whose reader may have died
 * (no SIGPIPE in a server): a pipe always holds at least one page, 4096
 * bytes, even when the kernel has shrunk it for a user with many pipes.
 */
#define SPEECH_TEXT_MAX   4000
#define SPEECH_ERR_KEEP   300          /* bytes of the child's stderr kept for a message */
#define SPEECH_LIST_MAX   100000       /* files host.files_with_sizes returns at most */

static double mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A voice name goes into argv: letters, digits and + - _ only, not led by '-'. */
static int voice_ok(const char *v)
{
	size_t n = strlen(v);

	if (n == 0 || n > 40 || v[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-_", v[i]))
			return 0;
	return 1;
}

static unsigned rd32(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8 | (unsigned)p[2] << 16 | (unsigned)p[3] << 24;
}

static void wr32(unsigned char *p, size_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/*
 * Check a RIFF/WAVE image and set its RIFF and data lengths from len.
 * Returns 1, or 0 when it is not a WAV with a data chunk.
 */
static int wav_fix_lengths(unsigned char *w, size_t len)
{
	size_t off = 12;

	if (len < 12 || memcmp(w, "RIFF", 4) != 0 || memcmp(w + 8, "WAVE", 4) != 0)
		return 0;
	while (off + 8 <= len) {
		size_t size = rd32(w + off + 4);

		if (memcmp(w + off, "data", 4) == 0) {
			wr32(w + 4, len - 8);
			wr32(w + off + 4, len - off - 8);
			return 1;
		}
		if (size > len - off - 8)
			return 0;
		off += 8 + size + (size & 1);
	}
	return 0;
}

struct capture {
	char *buf;
	size_t len, cap, max;
	int over;               /* passed max */
};

/* Append what is readable on fd; returns 0 at end of file, 1 otherwise. */
static int drain(int fd, struct capture *c)
{
	char chunk[16384];
	ssize_t n = read(fd, chunk, sizeof chunk);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (n == 0)
		return 0;
	if (c->len + (size_t)n > c->max) {
		c->over = 1;
		return 0;
	}
	if (c->len + (size_t)n > c->cap) {
		size_t cap = c->cap ? c->cap : 65536;
		char *p;

		while (cap < c->len + (size_t)n)
			cap *= 2;
		if (cap > c->max)
			cap = c->max;
		p = realloc(c->buf, cap);
		if (!p) {
			c->over = 1;
			return 0;
		}
		c->buf = p;
		c->cap = cap;
	}
	memcpy(c->buf + c->len, chunk, (size_t)n);
	c->len += (size_t)n;
	return 1;
}

/* The first line of what the child said on stderr, for a message. */
static const char *first_line(struct capture *c)
{
	char *nl;

	if (!c->buf || c->len == 0)
		return "";
	c->buf[c->len < c->cap ? c->len : c->cap - 1] = '\0';
	if ((nl = strchr(c->buf, '\n')))
		*nl = '\0';
	return c->buf;
}

static int start_child(const char *prog, char *const argv[], int in, int out, int errfd,
		       pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dflt;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	posix_spawn_file_actions_adddup2(&fa, errfd, 2);
	/* Nothing else of ours (sockets, the store) reaches the child. */
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	posix_spawnattr_init(&at);
	sigemptyset(&none);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	sigaddset(&dflt, SIGINT);
	sigaddset(&dflt, SIGTERM);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dflt);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawnp(pid, prog, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	return rc;
}

/*
 * Wait for the child until the deadline; kill it past that.  Returns its
 * wait status, or -1 when it had to be killed.
 */
static int reap(pid_t pid, double deadline)
{
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR)
			return -1;
		if (mono_now() >= deadline) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return -1;
		}
		nanosleep(&(struct timespec){ 0, 2000000 }, NULL);
	}
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/*
 * Speak text (len bytes, UTF-8) with voice at wpm words a minute, within
 * seconds and max_bytes of WAV.  Returns 1 with *wav (malloc'd) and *wavlen,
 * or 0 with err.
 */
int speech_wav(const char *text, size_t len, const char *voice, int wpm,
	       double seconds, size_t max_bytes, char **wav, size_t *wavlen,
	       char *err, size_t errlen)
{
	const char *prog = getenv("TEACHBACK_ESPEAK");
	char speed[16];
	char *argv[] = { NULL, "-b", "1", "-v", NULL, "-s", speed, "--stdout", "--stdin", NULL };
	int in[2] = { -1, -1 }, out[2] = { -1, -1 }, ep[2] = { -1, -1 };
	struct capture o = { NULL, 0, 0, max_bytes, 0 }, e = { NULL, 0, 0, SPEECH_ERR_KEEP, 0 };
	double deadline = mono_now() + seconds;
	int status, ok = 0, rc, killed = 0;
	pid_t pid;

	if (!prog || !*prog)
		prog = "espeak-ng";
	if (len > SPEECH_TEXT_MAX) {
		snprintf(err, errlen, "read-aloud: the text is %zu bytes, more than %d", len,
			 SPEECH_TEXT_MAX);
		return 0;
	}
	if (memchr(text, '\0', len)) {
		snprintf(err, errlen, "read-aloud: the text holds a NUL byte");
		return 0;
	}
	if (!voice_ok(voice) || wpm < 80 || wpm > 450) {
		snprintf(err, errlen, "read-aloud: bad voice '%s' or speed %d", voice, wpm);
		return 0;
	}
	snprintf(speed, sizeof speed, "%d", wpm);
	argv[0] = (char *)prog;
	argv[4] = (char *)voice;

	/* Only our ends read without blocking: O_NONBLOCK on the child's end
	 * would make its writes fail with EAGAIN whenever the pipe is full. */
	if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(ep, O_CLOEXEC) ||
	    fcntl(out[0], F_SETFL, O_NONBLOCK) || fcntl(ep[0], F_SETFL, O_NONBLOCK)) {
		snprintf(err, errlen, "read-aloud: cannot make a pipe (%s)", strerror(errno));
		goto done;
	}
	if (len && write(in[1], text, len) != (ssize_t)len) {
		snprintf(err, errlen, "read-aloud: cannot pass the text (%s)", strerror(errno));
		goto done;
	}
	close_fd(&in[1]);
	rc = start_child(prog, argv, in[0], out[1], ep[1], &pid);
	close_fd(&in[0]);
	close_fd(&out[1]);
	close_fd(&ep[1]);
	if (rc == ENOENT) {
		snprintf(err, errlen, "read-aloud: %s not found (install the Debian package "
			 "espeak-ng)", prog);
		goto done;
	}
	if (rc) {
		snprintf(err, errlen, "read-aloud: cannot run %s (%s)", prog, strerror(rc));
		goto done;
	}
	while (out[0] >= 0 || ep[0] >= 0) {
		struct pollfd p[2] = { { out[0], POLLIN, 0 }, { ep[0], POLLIN, 0 } };
		double left = deadline - mono_now();

		if (left <= 0) {
			killed = 1;
			break;
		}
		if (poll(p, 2, (int)(left * 1000) + 1) < 0) {
			if (errno == EINTR)
				continue;
			killed = 1;
			break;
		}
		if (p[0].revents && !drain(out[0], &o))
			close_fd(&out[0]);
		if (p[1].revents && !drain(ep[0], &e))
			close_fd(&ep[0]);
		if (o.over) {
			killed = 1;
			break;
		}
	}
	status = reap(pid, killed ? 0 : deadline);
	if (o.over)
		snprintf(err, errlen, "read-aloud: %s wrote more than %zu bytes; stopped", prog,
			 max_bytes);
	else if (killed || status == -1)
		snprintf(err, errlen, "read-aloud: %s took longer than %g s; stopped", prog, seconds);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		snprintf(err, errlen, "read-aloud: %s failed (%s %d): %s", prog,
			 WIFEXITED(status) ? "exit" : "signal",
			 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status), first_line(&e));
	else if (!wav_fix_lengths((unsigned char *)o.buf, o.len))
		snprintf(err, errlen, "read-aloud: %s wrote no WAV (%zu bytes)", prog, o.len);
	else
		ok = 1;
done:
	close_fd(&in[0]);
	close_fd(&in[1]);
	close_fd(&out[0]);
	close_fd(&out[1]);
	close_fd(&ep[0]);
	close_fd(&ep[1]);
	free(e.buf);
	if (!ok) {
		free(o.buf);
		return 0;
	}
	*wav = o.buf;
	*wavlen = o.len;
	return 1;
}

/* ---- the Lua side ------------------------------------------------- */

#define SPEECH_SECONDS    10.0         /* a page's text takes well under 1 s */
#define SPEECH_WAV_MAX    (16u << 20)  /* 4000 bytes of text make about 12 MiB */

/* host.speak_wav(text [, voice, wpm]) -> wav | nil, message */
static int l_speak_wav(lua_State *L)
{
	size_t len, wavlen;
	const char *text = luaL_checklstring(L, 1, &len);
	const char *voice = luaL_optstring(L, 2, "en-us");
	lua_Integer wpm = luaL_optinteger(L, 3, 150);
	char err[TB_ERRLEN], *wav;

	if (!speech_wav(text, len, voice, wpm < 0 || wpm > 1000 ? 0 : (int)wpm,
			SPEECH_SECONDS, SPEECH_WAV_MAX, &wav, &wavlen, err, sizeof err)) {
		lua_pushnil(L);
		lua_pushstring(L, err);
		return 2;
	}
	lua_pushlstring(L, wav, wavlen);
	free(wav);
	return 1;
}

/* host.sha256_hex(s) -> 64 lowercase hex digits (nettle) */
static int l_sha256_hex(lua_State *L)
{
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	char hex[2 * SHA256_DIGEST_SIZE + 1];

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)s);
	sha256_digest(&ctx, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	lua_pushlstring(L, hex, 2 * SHA256_DIGEST_SIZE);
	return 1;
}

/* host.cache_home() -> $XDG_CACHE_HOME (when absolute), else $HOME/.cache */
static int l_cache_home(lua_State *L)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		lua_pushstring(L, xdg);
	else if (home && home[0] == '/')
		lua_pushfstring(L, "%s/.cache", home);
	else {
		lua_pushnil(L);
		lua_pushliteral(L, "read-aloud: no HOME or XDG_CACHE_HOME to keep audio in");
		return 2;
	}
	return 1;
}

/*
 * host.files_with_sizes(dir, suffix) -> { {path=, size=, mtime=}, ... }:
 * the regular files directly in dir whose names end in suffix, unsorted;
 * an absent folder gives an empty list.
 */
static int l_files_with_sizes(lua_State *L)
{
	const char *dir = luaL_checkstring(L, 1);
	size_t slen, dlen = strlen(dir);
	const char *suffix = luaL_checklstring(L, 2, &slen);
	DIR *d = opendir(dir);
	struct dirent *ent;
	lua_Integer n = 0;

	lua_newtable(L);
	if (!d)
		return 1;
	while ((ent = readdir(d)) && n < SPEECH_LIST_MAX) {
		size_t nlen = strlen(ent->d_name);
		struct stat st;
		char path[4096];

		if (nlen < slen || strcmp(ent->d_name + nlen - slen, suffix) != 0 ||
		    dlen + 1 + nlen >= sizeof path)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		lua_createtable(L, 0, 3);
		lua_pushstring(L, path);
		lua_setfield(L, -2, "path");
		lua_pushinteger(L, (lua_Integer)st.st_size);
		lua_setfield(L, -2, "size");
		lua_pushinteger(L, (lua_Integer)st.st_mtime);
		lua_setfield(L, -2, "mtime");
		lua_rawseti(L, -2, ++n);
	}
	closedir(d);
	return 1;
}

/* host.remove_file(path) -> true | nil, message (an absent file is fine) */
static int l_remove_file(lua_State *L)
{
	const char *path = luaL_checkstring(L, 1);

	if (unlink(path) != 0 && errno != ENOENT) {
		lua_pushnil(L);
		lua_pushfstring(L, "%s: error: cannot remove (%s)", path, strerror(errno));
		return 2;
	}
	lua_pushboolean(L, 1);
	return 1;
}

/* Add the functions above to the host table on top of the stack. */
void speech_register(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{"speak_wav", l_speak_wav},
		{"sha256_hex", l_sha256_hex},
		{"cache_home", l_cache_home},
		{"files_with_sizes", l_files_with_sizes},
		{"remove_file", l_remove_file},
		{NULL, NULL}
	};

	luaL_setfuncs(L, fns, 0);
}
