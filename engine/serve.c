/*
 * serve.c -- `teachback serve`: the web front end's HTTP server.
 *
 * GNU libmicrohttpd listens, parses HTTP and runs a pool of threads; this
 * file is the mechanism around it and nothing more.  What a URL means,
 * sessions, CSRF, attempts and pages are policy, in engine/lua/web.lua:
 *
 *   - each pool thread owns one lua_State, made the way the command line
 *     makes its own (host_open) on the thread's first request and never
 *     shared; in it web.configure(args, quizdir) runs once, then
 *     web.handle(req) for each request, which returns the response;
 *   - the limits are C's, so no route can forget them: a body above
 *     SERVE_MAX_BODY is answered 413 here without reaching Lua, header
 *     and URI memory per connection is capped, connections are counted,
 *     and a connection idle for --timeout seconds is closed;
 *   - so are the security headers: every response carries the fixed
 *     Content-Security-Policy and friends, whatever Lua returned;
 *   - a Lua error is answered 500 with a plain page, its message and
 *     traceback logged to stderr.
 *
 * The main thread checks the options (web.configure in its own state),
 * binds the socket itself (so "address in use" is said plainly), prints
 * one line with the address, then waits for SIGINT or SIGTERM and stops
 * the daemon, which finishes the requests under way.
 *
 * libmicrohttpd (and GnuTLS under it) is opened with dlopen when serve
 * starts (serve_load_library), not linked: every other command starts
 * without loading them (README "Figures").
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include <lauxlib.h>
#include <microhttpd.h>

#include "store.h"
#include "teachback.h"

#define SERVE_MAX_BODY     (64u * 1024)     /* bytes in a request body */
#define SERVE_CONN_MEMORY  (32u * 1024)     /* request line and headers, per connection */
#define SERVE_MAX_CONNS    1000             /* open connections at once */
#define SERVE_BACKLOG      512
#define SERVE_MAX_PEM      (1u << 20)       /* bytes in a certificate or key file */
#define SERVE_EXIT_START   1                /* cannot listen, or TLS cannot start */
#define SERVE_GC_MINOR     10               /* % growth between minor collections */
#define SERVE_GC_MAJOR     50               /* % growth before a major one */
#define SERVE_LIBRARY      "libmicrohttpd.so.12"
#define SERVE_PACKAGE      "libmicrohttpd12"   /* Debian's package of SERVE_LIBRARY */

/*
 * The libmicrohttpd calls this file makes, each a pointer in `mhd` filled
 * by serve_load_library; the code calls them by their own names (the
 * defines below).  A new call goes into MHD_CALLS too.  The header
 * (libmicrohttpd-dev) still gives the types.
 */
#define MHD_CALLS(X) X(MHD_add_response_header) X(MHD_create_response_from_buffer) \
	X(MHD_destroy_response) X(MHD_get_connection_info) X(MHD_get_connection_values) \
	X(MHD_is_feature_supported) X(MHD_lookup_connection_value) X(MHD_queue_response) \
	X(MHD_start_daemon) X(MHD_stop_daemon)

static struct {
#define X(f) __typeof__(f) *f;
	MHD_CALLS(X)
#undef X
} mhd;

int serve_load_library(const char *soname, char *err, size_t errlen)
{
	static const struct store_symbol syms[] = {
#define X(f) { #f, (void **)&mhd.f },
		MHD_CALLS(X)
#undef X
		{ NULL, NULL }
	};

	return mhd.MHD_stop_daemon != NULL ||
	       store_load_library(soname, "teachback serve", SERVE_PACKAGE, syms, err, errlen);
}

#define MHD_add_response_header (*mhd.MHD_add_response_header)
#define MHD_create_response_from_buffer (*mhd.MHD_create_response_from_buffer)
#define MHD_destroy_response (*mhd.MHD_destroy_response)
#define MHD_get_connection_info (*mhd.MHD_get_connection_info)
#define MHD_get_connection_values (*mhd.MHD_get_connection_values)
#define MHD_is_feature_supported (*mhd.MHD_is_feature_supported)
#define MHD_lookup_connection_value (*mhd.MHD_lookup_connection_value)
#define MHD_queue_response (*mhd.MHD_queue_response)
#define MHD_start_daemon (*mhd.MHD_start_daemon)
#define MHD_stop_daemon (*mhd.MHD_stop_daemon)

/* The security headers of every response (WEB.md; README "Web"). */
static const char *const fixed_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'self'; script-src 'self'; "
	  "style-src 'self'; img-src 'self' data:; media-src 'self'; object-src 'none'; "
	  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "no-referrer" },
	{ "X-Frame-Options", "DENY" },
};

/* What the server was started with; read-only once the daemon runs. */
static struct {
	int argc;
	char **argv;
	const char *quizdir;
	int tls;
} serve;

/* Every thread's state, so the main thread can close them at the end. */
static pthread_mutex_t states_lock = PTHREAD_MUTEX_INITIALIZER;
static lua_State **states;
static size_t nstates, states_cap;
static _Thread_local lua_State *thread_state;
static _Thread_local int thread_failed;
static _Thread_local int thread_heap;   /* KiB in its state after the last major collection */

/* One request as it arrives: the raw URI (before MHD decodes it), the body. */
struct request {
	char *uri;
	char *body;
	size_t len;
	int started;
};

static void log_lines(const char *what, const char *msg)
{
	flockfile(stderr);
	fprintf(stderr, "teachback: serve: %s:\n", what);
	while (msg && *msg) {
		size_t n = strcspn(msg, "\n");

		fputs("  ", stderr);
		for (size_t i = 0; i < n; i++)
			fputc(msg[i] == '\t' || (unsigned char)msg[i] < 0x20 ? ' ' : msg[i], stderr);
		fputc('\n', stderr);
		msg += n + (msg[n] == '\n');
	}
	fflush(stderr);
	funlockfile(stderr);
}

/* ---- the Lua side: configure and handle -------------------------- */

/*
 * web.configure(args, quizdir) in L.  Leaves the config table on the
 * stack and returns 0, or prints its lines (when loud) and returns the
 * exit status it asked for.
 */
static int configure(lua_State *L, int loud)
{
	int rc;

	lua_createtable(L, serve.argc, 0);
	for (int i = 0; i < serve.argc; i++) {
		lua_pushstring(L, serve.argv[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_pushstring(L, serve.quizdir);
	if (host_call(L, "web", "configure", 2, 3) != LUA_OK) {
		if (loud)
			log_lines("web.configure failed", lua_tostring(L, -1));
		lua_pop(L, 1);
		return 70;
	}
	if (lua_istable(L, -3)) {
		lua_pop(L, 2);
		return 0;
	}
	rc = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : TB_EXIT_USAGE;
	if (loud && lua_istable(L, -2)) {
		for (lua_Integer i = 1; lua_rawgeti(L, -2, i) == LUA_TSTRING; i++) {
			term_write_message(stderr, lua_tostring(L, -1));
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 3);
	return rc ? rc : TB_EXIT_USAGE;
}

/* This thread's state, made and configured on its first request. */
static lua_State *state_of_thread(void)
{
	lua_State *L;

	if (thread_state || thread_failed)
		return thread_state;
	thread_failed = 1;
	if (!(L = host_open()))
		return NULL;
	if (configure(L, 1) != 0) {
		host_close(L);
		return NULL;
	}
	lua_pop(L, 1);
	/*
	 * Generational collection: a thread's state is a large, long-lived
	 * heap (every quiz, its material, the rebuilt attempts) plus the short-
	 * lived garbage of each request.  The incremental collector, stepped
	 * after every request, re-marked that whole heap again and again: 4 ms
	 * of CPU a request, three quarters of it collecting.  Minor collections
	 * visit only what is young: about 0.8 ms.  A major collection once the
	 * heap is half as big again as after the last one (not twice), which
	 * collect() below sees to.
	 */
	lua_gc(L, LUA_GCGEN, SERVE_GC_MINOR, SERVE_GC_MAJOR);
	thread_heap = lua_gc(L, LUA_GCCOUNT);
	pthread_mutex_lock(&states_lock);
	if (nstates == states_cap) {
		size_t cap = states_cap ? 2 * states_cap : 16;
		lua_State **p = realloc(states, cap * sizeof *p);

		if (!p) {
			pthread_mutex_unlock(&states_lock);
			host_close(L);
			return NULL;
		}
		states = p;
		states_cap = cap;
	}
	states[nstates++] = L;
	pthread_mutex_unlock(&states_lock);
	thread_failed = 0;
	return thread_state = L;
}

/* Request headers as name (lower case) -> value; repeats joined by ", ". */
static enum MHD_Result add_header(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *value)
{
	lua_State *L = cls;
	char name[128];
	size_t n = strlen(key);

	(void)kind;
	if (n >= sizeof name)
		return MHD_YES;         /* no header of ours has such a name */
	for (size_t i = 0; i <= n; i++)
		name[i] = (char)tolower((unsigned char)key[i]);
	if (lua_getfield(L, -1, name) == LUA_TSTRING) {
		lua_pushstring(L, strcmp(name, "cookie") ? ", " : "; ");
		lua_pushstring(L, value ? value : "");
		lua_concat(L, 3);
	} else {
		lua_pop(L, 1);
		lua_pushstring(L, value ? value : "");
	}
	lua_setfield(L, -2, name);
	return MHD_YES;
}

static void push_remote(lua_State *L, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char buf[INET6_ADDRSTRLEN] = "";

	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;

		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
				  buf, sizeof buf);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
				  &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
				  buf, sizeof buf);
	}
	lua_pushstring(L, buf);
}

struct call {
	struct MHD_Connection *conn;
	struct request *req;
	const char *method, *url;
};

/*
 * Build req and call web.handle(req), inside a protected call so that
 * running out of memory while building is an error, not a panic.  Returns
 * the response, or false and the error text.
 */
static int call_handle(lua_State *L)
{
	struct call *k = lua_touserdata(L, 1);
	const char *uri = k->req->uri ? k->req->uri : k->url, *q = strchr(uri, '?');

	lua_settop(L, 0);
	lua_createtable(L, 0, 8);
	lua_pushstring(L, k->method);
	lua_setfield(L, -2, "method");
	lua_pushlstring(L, uri, q ? (size_t)(q - uri) : strlen(uri));
	lua_setfield(L, -2, "path");
	lua_pushstring(L, q ? q + 1 : "");
	lua_setfield(L, -2, "query");
	lua_newtable(L);
	MHD_get_connection_values(k->conn, MHD_HEADER_KIND, add_header, L);
	lua_setfield(L, -2, "headers");
	lua_pushlstring(L, k->req->body ? k->req->body : "", k->req->len);
	lua_setfield(L, -2, "body");
	push_remote(L, k->conn);
	lua_setfield(L, -2, "remote");
	lua_pushboolean(L, serve.tls);
	lua_setfield(L, -2, "tls");
	if (host_call(L, "web", "handle", 1, 1) != LUA_OK) {
		lua_pushboolean(L, 0);
		lua_insert(L, -2);
		return 2;
	}
	return 1;
}

/* ---- responses ---------------------------------------------------- */

static int is_fixed(const char *name)
{
	for (size_t i = 0; i < sizeof fixed_headers / sizeof fixed_headers[0]; i++)
		if (!strcasecmp(name, fixed_headers[i][0]))
			return 1;
	return 0;
}

/* The fixed headers go on every response, whatever Lua returned. */
static void add_fixed_headers(struct MHD_Response *r, int has_cache_control)
{
	for (size_t i = 0; i < sizeof fixed_headers / sizeof fixed_headers[0]; i++)
		MHD_add_response_header(r, fixed_headers[i][0], fixed_headers[i][1]);
	if (!has_cache_control)
		MHD_add_response_header(r, "Cache-Control", "no-store");
}

static enum MHD_Result queue(struct MHD_Connection *c, unsigned status,
			     struct MHD_Response *r)
{
	enum MHD_Result ok;

	if (!r)
		return MHD_NO;
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

/* A short plain-text page from C (413, 500, 503), with the fixed headers. */
static struct MHD_Response *plain_response(const char *text, int close)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text,
								   MHD_RESPMEM_PERSISTENT);

	if (!r)
		return NULL;
	MHD_add_response_header(r, "Content-Type", "text/plain; charset=utf-8");
	if (close)
		MHD_add_response_header(r, "Connection", "close");
	add_fixed_headers(r, 0);
	return r;
}

static enum MHD_Result answer_plain(struct MHD_Connection *c, unsigned status,
				    const char *text, int close)
{
	return queue(c, status, plain_response(text, close));
}

static const char *const text_500 =
	"Something went wrong on the server. Please try again; if it goes on, tell "
	"the person who runs this server (the error is in its log).\n";

/*
 * The table web.handle returned, at the top of L (left there), as the
 * response to send and its status.  Its headers are a list of {name,
 * value} pairs so Set-Cookie can repeat; a name or value MHD refuses (a
 * line break) makes the whole answer the plain 500.  NULL only when out of
 * memory.  tests/fuzz/fuzz_serve.c checks what this makes of each input.
 */
struct MHD_Response *serve_response(lua_State *L, unsigned *status_out)
{
	struct MHD_Response *r;
	const char *body, *why = NULL;
	size_t len = 0;
	lua_Integer status;
	int has_cc = 0;

	*status_out = 500;
	if (!lua_istable(L, -1))
		why = "web.handle did not return a table";
	lua_getfield(L, -1, "status");
	status = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
	lua_pop(L, 1);
	if (!why && (status < 100 || status > 599))
		why = "web.handle returned no status from 100 to 599";
	lua_getfield(L, -1, "body");
	body = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &len) : "";
	if (why || !(r = MHD_create_response_from_buffer(len, (void *)body,
							 MHD_RESPMEM_MUST_COPY))) {
		lua_pop(L, 1);
		log_lines("bad response", why ? why : "out of memory");
		return plain_response(text_500, 0);
	}
	lua_pop(L, 1);
	lua_getfield(L, -1, "headers");
	for (lua_Integer i = 1; lua_istable(L, -1) && lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
		const char *name, *value;

		lua_rawgeti(L, -1, 1);
		lua_rawgeti(L, -2, 2);
		name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
		value = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
		if (!name || !value) {
			why = "a response header that is not a pair of strings";
		} else if (!is_fixed(name)) {
			has_cc |= !strcasecmp(name, "Cache-Control");
			if (MHD_add_response_header(r, name, value) != MHD_YES)
				why = "a response header MHD refused (a line break in it?)";
		}
		lua_pop(L, 3);
		if (why)
			break;
	}
	lua_pop(L, 2);                  /* the last rawgeti (nil), headers */
	if (why) {
		MHD_destroy_response(r);
		log_lines("bad response", why);
		return plain_response(text_500, 0);
	}
	add_fixed_headers(r, has_cc);
	*status_out = (unsigned)status;
	return r;
}

static enum MHD_Result answer_lua(struct MHD_Connection *c, lua_State *L)
{
	unsigned status;
	struct MHD_Response *r = serve_response(L, &status);

	return queue(c, status, r);
}

/*
 * After each request a minor collection (the state is generational), so
 * the request's garbage goes at once; and a major one once the heap is
 * SERVE_GC_MAJOR % bigger than after the last.  The step alone is not
 * enough: lua_gc(LUA_GCSTEP, 0) clears the debt that would call for a
 * major collection, so it only ever makes minor ones, and what survives
 * two requests before it is dropped (attempts leaving the cache, the
 * feedback an answer replaced) was never freed: one thread's heap grew to
 * 33 MB over 11,500 requests, and the whole server to 210 MB RSS in the
 * run without think time.  A major collection costs about 20 ms of CPU
 * with every quiz loaded and judged (7 MB), once every few hundred
 * requests on a thread.  Called when a request is completed.
 */
static void collect(lua_State *L)
{
	int kib;

	lua_gc(L, LUA_GCSTEP, 0);
	kib = lua_gc(L, LUA_GCCOUNT);
	if (kib > thread_heap + thread_heap / 100 * SERVE_GC_MAJOR) {
		lua_gc(L, LUA_GCCOLLECT);
		thread_heap = lua_gc(L, LUA_GCCOUNT);
	}
}

static enum MHD_Result answer_request(struct MHD_Connection *c, struct request *req,
				      const char *method, const char *url)
{
	lua_State *L = state_of_thread();
	struct call k = { c, req, method, url };
	enum MHD_Result ok;
	int top;

	if (!L)
		return answer_plain(c, 500, text_500, 1);
	top = lua_gettop(L);
	lua_pushcfunction(L, call_handle);
	lua_pushlightuserdata(L, &k);
	if (lua_pcall(L, 1, LUA_MULTRET, 0) != LUA_OK || lua_gettop(L) == top + 2) {
		log_lines("error in web.handle", lua_tostring(L, -1));
		ok = answer_plain(c, 500, text_500, 0);
	} else {
		ok = answer_lua(c, L);
	}
	lua_settop(L, top);
	return ok;
}

/* ---- libmicrohttpd's callbacks ------------------------------------ */

/* Called with the request line's URI as sent, before MHD decodes it. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	struct request *req = calloc(1, sizeof *req);

	(void)cls;
	(void)c;
	if (req && uri)
		req->uri = strdup(uri);
	return req;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct request *req = *req_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (req) {
		free(req->uri);
		free(req->body);
		free(req);
	}
	*req_cls = NULL;
	/* Here, not before answering: the response has been sent, so a major
	 * collection delays no one already waiting for this page. */
	if (thread_state)
		collect(thread_state);
}

static const char *const text_413 =
	"The request is too large: this server takes at most 64 KiB.\n";

static int body_too_large(struct MHD_Connection *c)
{
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	char *end;
	unsigned long long n;

	if (!cl)
		return 0;
	errno = 0;
	n = strtoull(cl, &end, 10);
	return errno != 0 || n > SERVE_MAX_BODY;
}

/*
 * MHD calls this first when the headers are in, then once per piece of
 * the body, then once more with nothing: that last call answers.
 */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **req_cls)
{
	struct request *req = *req_cls;

	(void)cls;
	(void)version;
	if (!req && !(req = *req_cls = calloc(1, sizeof *req)))
		return MHD_NO;
	if (!req->started) {
		req->started = 1;
		/* Said too large before it is sent: answered now, never read. */
		if (body_too_large(c))
			return answer_plain(c, 413, text_413, 1);
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;

		if (n > SERVE_MAX_BODY - req->len) {
			/* A chunked body that grew too large: 413 if MHD still
			 * lets us answer, else the connection is closed. */
			*upload_data_size = 0;
			return answer_plain(c, 413, text_413, 1);
		}
		if (!req->body && !(req->body = malloc(SERVE_MAX_BODY)))
			return MHD_NO;
		memcpy(req->body + req->len, upload_data, n);
		req->len += n;
		*upload_data_size = 0;
		return MHD_YES;
	}
	return answer_request(c, req, method, url);
}

/* ---- starting and stopping ---------------------------------------- */

static int listen_on(const char *host, int port, char *shown, size_t shown_len)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *in4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	int fd, one = 1, v6 = 0;

	memset(&ss, 0, sizeof ss);
	if (inet_pton(AF_INET, host, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		len = sizeof *in4;
	} else if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		len = sizeof *in6;
		v6 = 1;
	} else {
		fprintf(stderr, "teachback: serve: --listen needs an IP address, not '%s'\n", host);
		return -1;
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(fd, (struct sockaddr *)&ss, len) < 0 || listen(fd, SERVE_BACKLOG) < 0 ||
	    getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
		fprintf(stderr, "teachback: serve: cannot listen on %s%s%s:%d: %s\n", v6 ? "[" : "",
			host, v6 ? "]" : "", port, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	snprintf(shown, shown_len, "%s%s%s:%u", v6 ? "[" : "", host, v6 ? "]" : "",
		 (unsigned)ntohs(v6 ? in6->sin6_port : in4->sin_port));
	return fd;
}

static char *read_pem(const char *what, const char *path)
{
	char err[TB_ERRLEN], *buf, *text;
	size_t len;

	if (!fs_read(path, SERVE_MAX_PEM, &buf, &len, err, sizeof err)) {
		fprintf(stderr, "teachback: serve: %s: %s\n", what, err);
		return NULL;
	}
	if (!(text = realloc(buf, len + 1))) {
		free(buf);
		return NULL;
	}
	text[len] = '\0';
	return text;
}

static const char *field(lua_State *L, const char *name)
{
	const char *s;

	lua_getfield(L, -1, name);
	s = lua_tostring(L, -1);
	lua_pop(L, 1);
	return s;
}

static lua_Integer int_field(lua_State *L, const char *name)
{
	lua_Integer n;

	lua_getfield(L, -1, name);
	n = lua_tointeger(L, -1);
	lua_pop(L, 1);
	return n;
}

static void close_states(void)
{
	for (size_t i = 0; i < nstates; i++)
		host_close(states[i]);
	free(states);
	states = NULL;
	nstates = states_cap = 0;
}

/* teachback serve [options]: runs until SIGINT or SIGTERM. */
int serve_main(lua_State *L, int argc, char **argv, const char *quizdir)
{
	struct MHD_OptionItem opts[16];
	struct MHD_Daemon *d;
	char host[INET6_ADDRSTRLEN + 2], shown[INET6_ADDRSTRLEN + 16], *cert = NULL, *key = NULL;
	char err[TB_ERRLEN];
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	int rc, fd, n = 0, sig;
	sigset_t stop;

	serve.argc = argc;
	serve.argv = argv;
	serve.quizdir = quizdir;
	if ((rc = configure(L, 1)) != 0)
		return rc;
	if (!serve_load_library(SERVE_LIBRARY, err, sizeof err)) {
		fprintf(stderr, "teachback: serve: %s\n", err);
		lua_pop(L, 1);
		return SERVE_EXIT_START;
	}
	snprintf(host, sizeof host, "%s", field(L, "host") ? field(L, "host") : "127.0.0.1");
	if (field(L, "cert")) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			fputs("teachback: serve: this libmicrohttpd was built without TLS (GnuTLS); "
			      "serve plain HTTP behind a reverse proxy that holds the certificate "
			      "instead\n", stderr);
			lua_pop(L, 1);
			return SERVE_EXIT_START;
		}
		if (!(cert = read_pem("--cert", field(L, "cert"))) ||
		    !(key = read_pem("--key", field(L, "key")))) {
			free(cert);
			lua_pop(L, 1);
			return SERVE_EXIT_START;
		}
		serve.tls = 1;
		flags |= MHD_USE_TLS;
		opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_CERT, 0, cert };
		opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_HTTPS_MEM_KEY, 0, key };
	}
	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
		flags |= MHD_USE_EPOLL;
	/* One thread is MHD's own polling thread; more are a pool. */
	if (int_field(L, "threads") > 1)
		opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_THREAD_POOL_SIZE,
						     (intptr_t)int_field(L, "threads"), NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_TIMEOUT,
					     (intptr_t)int_field(L, "timeout"), NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_LIMIT, SERVE_MAX_CONNS, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_CONNECTION_MEMORY_LIMIT,
					     SERVE_CONN_MEMORY, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)on_uri,
					     NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_NOTIFY_COMPLETED,
					     (intptr_t)on_completed, NULL };
	if ((fd = listen_on(host, (int)int_field(L, "port"), shown, sizeof shown)) < 0) {
		free(cert);
		free(key);
		lua_pop(L, 1);
		return SERVE_EXIT_START;
	}
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_LISTEN_SOCKET, fd, NULL };
	opts[n++] = (struct MHD_OptionItem){ MHD_OPTION_END, 0, NULL };
	lua_pop(L, 1);

	/* The pool threads inherit this mask: only the main thread takes
	 * the stop signals, in sigwait below. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL,
			     MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "teachback: serve: libmicrohttpd could not start on %s\n", shown);
		close(fd);
		free(cert);
		free(key);
		return SERVE_EXIT_START;
	}
	printf("teachback: serving on %s://%s/\n", serve.tls ? "https" : "http", shown);
	fflush(stdout);
	while (sigwait(&stop, &sig) != 0)
		;
	MHD_stop_daemon(d);             /* closes fd too */
	close_states();
	free(cert);
	free(key);
	fprintf(stderr, "teachback: serve: stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	return TB_EXIT_OK;
}
