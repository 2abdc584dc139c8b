/*
 * webload.c -- a bounded load generator for `teachback serve`, on loopback.
 *
 * Each client is a browser taking quizzes the way a person does: it keeps
 * its tb_session cookie, reads the CSRF token from the intro page's form,
 * starts an attempt (POST /q/ID -> 303 /a/TOKEN), then answers every page
 * by posting the attempt's form as a browser would send it (the first
 * option, the first choice of each select, certainty 2, a sentence for a
 * teach-back, the step it was drawn at) and follows each 303, until the
 * page has no answer form left: the end page, which it reads too.  Then it
 * starts the next quiz.  All clients run at once in one thread with epoll,
 * one keep-alive connection each (a new one when the server closes it).
 *
 *   webload --port N [--clients 200] [--seconds 10] [--quizzes a,b]
 *           [--think S]           mean seconds a person reads a page before
 *                                 posting it (0.5 to 1.5 times S; default 0)
 *           [--attempts A]        each client stops after A attempts
 *           [--timeout S]         seconds a request may take (default 10)
 *           [--warm]              only the start page and every quiz's intro,
 *                                 once per client: each server thread loads
 *                                 what it serves before a measured run
 *           [--save DIR]          keep client 1's first attempt's pages
 *           [--static PREFIX:K]   baseline: GET PREFIX1 .. PREFIXK in turn
 *
 * WEBLOAD_SLOW=SECONDS in the environment prints each request slower than
 * that (when, which client, which URL) to stderr.
 *
 * Bounded: a request gets --timeout seconds, an attempt 400 requests, a response 4 MiB;
 * at --seconds no new request starts and those under way finish.  Prints
 * one line: clients, requests, attempts finished, errors, p50/p99/max page
 * time in ms (each request from its first byte sent to its last byte
 * read), requests/s; then the first few errors.  Exit 1 when any error.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_RESPONSE   (4u << 20)
#define MAX_STEPS      400
#define MAX_QUIZZES    64
#define ERRORS_SHOWN   8

enum phase { P_MENU, P_INTRO, P_START, P_PAGE, P_POST, P_STATIC, P_WARM };

struct client {
	int id, fd;
	enum phase phase;
	char cookie[600];
	char csrf[80];
	char path[256];         /* of the request under way */
	char token[600];
	char sent[400];         /* the last form posted, for messages */
	char *out;              /* request bytes */
	size_t out_len, out_off;
	char *in;
	size_t in_len, in_cap;
	double t0;              /* request started */
	int quiz;               /* index into quizzes */
	int steps, last_step, same_step;
	int attempts, saved, saved_all;
	int busy;               /* a request is under way (or waiting to go) */
	int armed;              /* its bytes are being sent or its answer read */
	double ready_at;        /* when it goes: after the person's think time */
	unsigned seed;
};

static struct {
	const char *host;
	int port, clients;
	double seconds;
	const char *save;
	const char *static_prefix;
	int static_count;
	double think;           /* mean seconds a person spends on a page */
	int attempts;           /* each client stops after this many (0: no limit) */
	double timeout;         /* seconds one request may take */
	int warm;               /* only GET / and every quiz's intro page, once */
} opt = { "127.0.0.1", 0, 200, 10.0, NULL, NULL, 0, 0.0, 0, 10.0, 0 };

static char *quizzes[MAX_QUIZZES];
static int nquizzes;
static const char *only_quizzes;
static uint32_t *lat;           /* microseconds */
static size_t nlat, cap_lat;
static long errors, attempts_done;
static char error_text[ERRORS_SHOWN][200];
static int epfd;
static double deadline;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fprintf(stderr, "webload: out of memory\n");
		exit(2);
	}
	return p;
}

static void fail(struct client *c, const char *fmt, ...)
{
	va_list ap;

	if (errors < ERRORS_SHOWN) {
		int n = snprintf(error_text[errors], sizeof error_text[0], "client %d %s: ",
				 c->id, c->path);
		va_start(ap, fmt);
		vsnprintf(error_text[errors] + n, sizeof error_text[0] - (size_t)n, fmt, ap);
		va_end(ap);
	}
	errors++;
}

static void record(double seconds)
{
	if (nlat == cap_lat) {
		cap_lat = cap_lat ? 2 * cap_lat : 65536;
		lat = xrealloc(lat, cap_lat * sizeof *lat);
	}
	lat[nlat++] = (uint32_t)(seconds * 1e6);
}

/* ---- text helpers --------------------------------------------------- */

/* The value of attribute `name` in the tag starting at tag (up to '>'). */
static int attr(const char *tag, const char *name, char *out, size_t outlen)
{
	const char *end = strchr(tag, '>');
	size_t nlen = strlen(name);

	for (const char *p = tag + 1; end && p < end; p++) {
		if (p[-1] == ' ' && strncmp(p, name, nlen) == 0 && p[nlen] == '=' &&
		    p[nlen + 1] == '"') {
			const char *v = p + nlen + 2, *q = strchr(v, '"');
			size_t n = 0;

			if (!q || q > end)
				return 0;
			/* Undo the few entities the pages write. */
			while (v < q && n + 1 < outlen) {
				static const char *const ent[][2] = { { "&amp;", "&" }, { "&lt;", "<" },
					{ "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" } };
				int done = 0;

				for (size_t e = 0; e < 5 && !done; e++)
					if (strncmp(v, ent[e][0], strlen(ent[e][0])) == 0) {
						out[n++] = ent[e][1][0];
						v += strlen(ent[e][0]);
						done = 1;
					}
				if (!done)
					out[n++] = *v++;
			}
			out[n] = '\0';
			return 1;
		}
	}
	return 0;
}

static void add_field(char *body, size_t cap, const char *name, const char *value)
{
	size_t n = strlen(body);

	if (n && n + 1 < cap)
		body[n++] = '&';
	for (const char *s = name; *s && n + 4 < cap; s++)
		body[n++] = *s;
	if (n + 1 < cap)
		body[n++] = '=';
	for (const unsigned char *s = (const unsigned char *)value; *s && n + 4 < cap; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		    strchr("-._~", *s)) {
			body[n++] = (char)*s;
		} else {
			n += (size_t)snprintf(body + n, cap - n, "%%%02X", *s);
		}
	}
	body[n] = '\0';
}

/*
 * The attempt's answer form on a page, filled in as a person would; 0 when
 * the page has none (the end page).  *step gets the form's step.
 */
static int fill_form(const char *page, const char *action, char *body, size_t cap, int *step,
		     int give_up)
{
	char want[640], name[64], value[512], type[32], first_choice[64] = "";
	const char *f, *end, *p;
	const char *prefer[] = { "answer", "next", "yes", "keep", NULL };
	char actions[8][32];
	int nactions = 0, certainty = 0, have_choice = 0;

	snprintf(want, sizeof want, "action=\"%s\"", action);
	body[0] = '\0';
	for (f = strstr(page, "<form "); f; f = strstr(f + 1, "<form ")) {
		const char *gt = strchr(f, '>');

		if (gt && (p = strstr(f, want)) && p < gt)
			break;
	}
	if (!f || !(end = strstr(f, "</form>")))
		return 0;
	*step = -1;
	for (p = f; (p = strchr(p + 1, '<')) && p < end;) {
		if (strncmp(p, "<input ", 7) == 0 && attr(p, "name", name, sizeof name)) {
			if (!attr(p, "type", type, sizeof type))
				strcpy(type, "text");
			if (!attr(p, "value", value, sizeof value))
				value[0] = '\0';
			if (strcmp(type, "hidden") == 0) {
				add_field(body, cap, name, value);
				if (strcmp(name, "step") == 0)
					*step = atoi(value);
			} else if (strcmp(type, "radio") == 0 || strcmp(type, "checkbox") == 0) {
				/* The first option of each group. */
				if (strcmp(first_choice, name) != 0 && !have_choice) {
					add_field(body, cap, name, value);
					snprintf(first_choice, sizeof first_choice, "%s", name);
					have_choice = strcmp(name, "choice") == 0;
				}
			} else if (strcmp(type, "number") == 0 || strcmp(name, "number") == 0) {
				add_field(body, cap, name, "3");
			} else if (strcmp(type, "submit") != 0) {
				add_field(body, cap, name, "call my care team now");
			}
		} else if (strncmp(p, "<select ", 8) == 0 && attr(p, "name", name, sizeof name)) {
			const char *o = strstr(p, "<option ");

			while (o && o < end && (!attr(o, "value", value, sizeof value) || !value[0]))
				o = strstr(o + 1, "<option ");
			if (o && o < end)
				add_field(body, cap, name, value);
		} else if (strncmp(p, "<textarea ", 10) == 0 && attr(p, "name", name, sizeof name)) {
			add_field(body, cap, name, "I would call my care team now about new back pain "
				  "and weak legs, because the cancer may press on the spinal cord.");
		} else if (strncmp(p, "<button ", 8) == 0 && attr(p, "name", name, sizeof name) &&
			   attr(p, "value", value, sizeof value)) {
			if (strcmp(name, "certainty") == 0)
				certainty = 1;
			else if (strcmp(name, "action") == 0 && nactions < 8)
				snprintf(actions[nactions++], sizeof actions[0], "%.31s", value);
		}
	}
	if (give_up) {
		add_field(body, cap, "action", "skip");
		return 1;
	}
	if (certainty)
		add_field(body, cap, "certainty", "2");
	for (const char *const *w = prefer; *w; w++)
		for (int i = 0; i < nactions; i++)
			if (strcmp(actions[i], *w) == 0) {
				add_field(body, cap, "action", *w);
				return 1;
			}
	for (int i = 0; i < nactions; i++)
		if (strcmp(actions[i], "quit") != 0 && strcmp(actions[i], "skip") != 0) {
			add_field(body, cap, "action", actions[i]);
			return 1;
		}
	return certainty || nactions == 0;
}

/* ---- connections and requests -------------------------------------- */

static void drop(struct client *c)
{
	if (c->fd >= 0) {
		epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
		close(c->fd);
	}
	c->fd = -1;
}

static int connect_client(struct client *c)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)opt.port) };
	int one = 1;

	inet_pton(AF_INET, opt.host, &a.sin_addr);
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		return 0;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(c->fd, (struct sockaddr *)&a, sizeof a) != 0 && errno != EINPROGRESS) {
		close(c->fd);
		c->fd = -1;
		return 0;
	}
	return 1;
}

static void send_request(struct client *c, const char *method, const char *path,
			 const char *body)
{
	size_t blen = body ? strlen(body) : 0, cap = 512 + blen + strlen(path);
	double think = opt.think * (0.5 + (double)rand_r(&c->seed) / RAND_MAX);

	snprintf(c->path, sizeof c->path, "%s %s", method, path);
	snprintf(c->sent, sizeof c->sent, "%s", body ? body : "");
	c->out = xrealloc(c->out, cap);
	c->out_len = (size_t)snprintf(c->out, cap,
		"%s %s HTTP/1.1\r\nHost: %s:%d\r\nUser-Agent: webload\r\nAccept: text/html\r\n"
		"%s%s%s%s%zu\r\n\r\n%s", method, path, opt.host, opt.port,
		c->cookie[0] ? "Cookie: tb_session=" : "", c->cookie, c->cookie[0] ? "\r\n" : "",
		body ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " :
		       "Content-Length: ", blen, body ? body : "");
	c->out_off = 0;
	c->in_len = 0;
	c->busy = 1;
	c->armed = 0;
	/* A GET after a 303 is the browser's own, at once; a person reads a
	 * page before posting it, and before starting the next quiz. */
	c->ready_at = now() + (strcmp(method, "POST") == 0 || c->phase == P_INTRO ||
			       (c->phase == P_STATIC && c->steps % 2) ? think : 0);
}

/* Send the request built by send_request: connect if need be. */
static void arm(struct client *c)
{
	struct epoll_event ev = { .events = EPOLLOUT, .data.ptr = c };

	c->armed = 1;
	c->t0 = now();
	if (c->t0 >= deadline) {
		c->busy = 0;
		return;
	}
	if (c->fd < 0) {
		if (!connect_client(c)) {
			fail(c, "cannot connect (%s)", strerror(errno));
			c->busy = 0;
			return;
		}
		epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
	} else {
		epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
	}
}

static void start_attempt(struct client *c)
{
	char path[160];

	c->quiz = (c->quiz + 1) % nquizzes;
	snprintf(path, sizeof path, "/q/%s", quizzes[c->quiz]);
	c->phase = P_INTRO;
	send_request(c, "GET", path, NULL);
}

static void next_static(struct client *c)
{
	char path[200];

	c->steps = c->steps % opt.static_count + 1;
	snprintf(path, sizeof path, "%s%d", opt.static_prefix, c->steps);
	c->phase = P_STATIC;
	send_request(c, "GET", path, NULL);
}

static const char *header(const char *head, const char *name, char *out, size_t outlen)
{
	size_t nlen = strlen(name);

	for (const char *p = strstr(head, "\r\n"); p; p = strstr(p + 2, "\r\n")) {
		if (strncasecmp(p + 2, name, nlen) == 0 && p[2 + nlen] == ':') {
			const char *v = p + 3 + nlen, *e;

			while (*v == ' ')
				v++;
			e = strstr(v, "\r\n");
			if (!e)
				e = v + strlen(v);
			if ((size_t)(e - v) >= outlen)
				return NULL;
			memcpy(out, v, (size_t)(e - v));
			out[e - v] = '\0';
			return out;
		}
	}
	return NULL;
}

static void save_page(struct client *c, const char *body, size_t len)
{
	char path[512];
	FILE *f;

	if (!opt.save || c->id != 1 || c->saved_all)
		return;
	snprintf(path, sizeof path, "%s/%d", opt.save, ++c->saved);
	f = fopen(path, "wb");
	if (!f || fwrite(body, 1, len, f) != len || fclose(f) != 0)
		fprintf(stderr, "webload: cannot write %s\n", path);
}

/* Is id one of the comma-separated list (or is there no list)? */
static int listed(const char *list, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = list; p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (strncmp(p, id, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return !list;
}

/* A whole response is in c->in: act on it and send the next request. */
static void on_response(struct client *c, int status, const char *head, char *body, size_t len)
{
	char value[512], form[8192];
	int step;

	if (c->phase == P_STATIC) {
		if (status != 200)
			fail(c, "status %d", status);
		/* One pass through the saved pages is the baseline's attempt. */
		if (c->steps == opt.static_count) {
			attempts_done++;
			if (opt.attempts && ++c->attempts >= opt.attempts)
				return;
		}
		next_static(c);
		return;
	}
	if (header(head, "Set-Cookie", value, sizeof value) &&
	    strncmp(value, "tb_session=", 11) == 0) {
		char *semi = strchr(value, ';');

		if (semi)
			*semi = '\0';
		snprintf(c->cookie, sizeof c->cookie, "%s", value + 11);
	}
	switch (c->phase) {
	case P_MENU:
		if (status != 200) {
			fail(c, "status %d", status);
			break;
		}
		if (!nquizzes)
			for (char *p = strstr(body, "href=\"/q/"); p && nquizzes < MAX_QUIZZES;
			     p = strstr(p + 1, "href=\"/q/")) {
				char *q = strchr(p + 9, '"');

				char *id = q ? strndup(p + 9, (size_t)(q - p - 9)) : NULL;

				if (id && listed(only_quizzes, id))
					quizzes[nquizzes++] = id;
				else
					free(id);
			}
		if (!nquizzes) {
			fail(c, "no quizzes on the start page");
			break;
		}
		c->quiz = c->id % nquizzes - 1;
		if (opt.warm) {
			c->phase = P_WARM;
			c->steps = 0;
			snprintf(value, sizeof value, "/q/%s", quizzes[0]);
			send_request(c, "GET", value, NULL);
			return;
		}
		start_attempt(c);
		return;
	case P_WARM:
		if (status != 200)
			fail(c, "status %d", status);
		if (++c->steps < nquizzes) {
			snprintf(value, sizeof value, "/q/%s", quizzes[c->steps]);
			send_request(c, "GET", value, NULL);
		}
		return;
	case P_INTRO:
		if (status != 200 || !strstr(body, "name=\"csrf\"")) {
			fail(c, "status %d, no start form", status);
			break;
		}
		{
			static const char mark[] = "name=\"csrf\" value=\"";
			const char *v = strstr(body, mark);
			size_t n = v ? strcspn(v + sizeof mark - 1, "\"") : 0;

			if (!v || n == 0 || n >= sizeof c->csrf) {
				fail(c, "no CSRF token in the start form");
				break;
			}
			memcpy(c->csrf, v + sizeof mark - 1, n);
			c->csrf[n] = '\0';
		}
		form[0] = '\0';
		add_field(form, sizeof form, "csrf", c->csrf);
		c->phase = P_START;
		snprintf(value, sizeof value, "%s", c->path + 4);
		send_request(c, "POST", value, form);
		return;
	case P_POST:
		/* An answer the question cannot read (a stage group such as
		 * IIIA, not words) is drawn again with a notice: the person
		 * gives up and skips it, as one would. */
		if (status == 200 && strstr(body, "class=\"notice\"")) {
			if (!fill_form(body, c->token, form, sizeof form, &step, 1)) {
				fail(c, "a notice without a form");
				break;
			}
			send_request(c, "POST", c->token, form);
			return;
		}
		/* fall through */
	case P_START:
		if (status != 303 || !header(head, "Location", value, sizeof value) ||
		    strncmp(value, "/a/", 3) != 0) {
			fail(c, "status %d, not a 303 to /a/ (sent %.200s)", status, c->sent);
			if (getenv("WEBLOAD_DEBUG"))
				fprintf(stderr, "%s\n", body);
			break;
		}
		if (c->phase == P_START) {
			snprintf(c->token, sizeof c->token, "%s", value);
			c->steps = 0;
			c->last_step = -1;
			c->same_step = 0;
		}
		c->phase = P_PAGE;
		send_request(c, "GET", value, NULL);
		return;
	case P_PAGE:
		if (status != 200) {
			fail(c, "status %d", status);
			break;
		}
		save_page(c, body, len);
		if (!fill_form(body, c->token, form, sizeof form, &step, 0)) {
			if (!strstr(body, "</html>"))
				fail(c, "an end page without </html>");
			else
				attempts_done++;
			c->attempts++;
			if (c->saved > 0)
				c->saved_all = 1;       /* one attempt's pages are enough */
			if (opt.attempts && c->attempts >= opt.attempts)
				return;                 /* this client is done */
			start_attempt(c);
			return;
		}
		c->same_step = step == c->last_step ? c->same_step + 1 : 0;
		c->last_step = step;
		if (++c->steps > MAX_STEPS || c->same_step > 20) {
			fail(c, "stuck at step %d", step);
			break;
		}
		c->phase = P_POST;
		send_request(c, "POST", c->token, form);
		return;
	case P_STATIC:
		break;
	}
	/* After an error: a fresh start, new browser session. */
	c->cookie[0] = '\0';
	c->phase = P_MENU;
	send_request(c, "GET", "/", NULL);
}

/* Parse what has arrived; returns 1 when a whole response was handled. */
static int try_parse(struct client *c, int eof)
{
	char *end, value[64];
	size_t head_len, want;
	int status;

	if (c->in_len == 0)
		return 0;
	c->in[c->in_len] = '\0';
	end = strstr(c->in, "\r\n\r\n");
	if (!end)
		return 0;
	head_len = (size_t)(end - c->in) + 4;
	*end = '\0';
	if (sscanf(c->in, "HTTP/1.%*d %d", &status) != 1)
		status = 0;
	if (header(c->in, "Transfer-Encoding", value, sizeof value)) {
		*end = '\r';
		fail(c, "chunked responses are not read");
		return -1;
	}
	want = header(c->in, "Content-Length", value, sizeof value) ? strtoul(value, NULL, 10)
		: (eof ? c->in_len - head_len : SIZE_MAX);
	*end = '\r';
	if (want == SIZE_MAX || c->in_len < head_len + want)
		return 0;
	record(now() - c->t0);
	if (getenv("WEBLOAD_SLOW") && now() - c->t0 > atof(getenv("WEBLOAD_SLOW")))
		fprintf(stderr, "slow %.0f ms at %.1f s: client %d %s\n", (now() - c->t0) * 1e3,
			c->t0 - deadline + opt.seconds, c->id, c->path);
	c->busy = 0;
	{
		int close_after = header(c->in, "Connection", value, sizeof value) &&
				  strcasecmp(value, "close") == 0;
		char *head = strndup(c->in, head_len);
		char *body = xrealloc(NULL, want + 1);

		memcpy(body, c->in + head_len, want);
		body[want] = '\0';
		if (close_after)
			drop(c);
		on_response(c, status, head, body, want);
		free(head);
		free(body);
	}
	return 1;
}

static void on_event(struct client *c, uint32_t events)
{
	if (events & EPOLLOUT && c->out_off < c->out_len) {
		ssize_t n = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);

		if (n < 0 && errno != EAGAIN) {
			fail(c, "send: %s", strerror(errno));
			drop(c);
			c->busy = 0;
			return;
		}
		if (n > 0)
			c->out_off += (size_t)n;
		if (c->out_off == c->out_len) {
			struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };

			epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
		}
		return;
	}
	if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
		for (;;) {
			ssize_t n;

			if (c->in_cap - c->in_len < 65536 + 1) {
				c->in_cap = c->in_cap ? 2 * c->in_cap : 131072;
				c->in = xrealloc(c->in, c->in_cap);
			}
			n = recv(c->fd, c->in + c->in_len, c->in_cap - c->in_len - 1, 0);
			if (n > 0) {
				c->in_len += (size_t)n;
				if (c->in_len > MAX_RESPONSE) {
					fail(c, "response over %u bytes", MAX_RESPONSE);
					drop(c);
					c->busy = 0;
					return;
				}
				continue;
			}
			if (n < 0 && errno == EAGAIN)
				break;
			/* End of file or an error: the response must be whole now;
			 * the next request goes on a new connection. */
			drop(c);
			if (try_parse(c, 1) != 1) {
				fail(c, "connection closed (%s) after %zu bytes",
				     n < 0 ? strerror(errno) : "eof", c->in_len);
				c->busy = 0;
				c->cookie[0] = '\0';
				c->phase = P_MENU;
				if (opt.static_count)
					next_static(c);
				else
					send_request(c, "GET", "/", NULL);
			}
			return;
		}
		if (try_parse(c, 0) < 0) {
			drop(c);
			c->busy = 0;
		}
	}
}

static int usage(void)
{
	fprintf(stderr, "usage: webload --port N [--clients C] [--seconds S] [--think S] [--attempts A]\n"
		"               [--timeout S] [--warm] [--quizzes a,b] [--save DIR] [--static PREFIX:COUNT]\n");
	return 2;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	struct client *cs;
	struct epoll_event evs[256];
	double t_start, elapsed;
	int live;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!v && strcmp(a, "--warm") != 0)
			return usage();
		if (strcmp(a, "--port") == 0)
			opt.port = atoi(v);
		else if (strcmp(a, "--clients") == 0)
			opt.clients = atoi(v);
		else if (strcmp(a, "--seconds") == 0)
			opt.seconds = atof(v);
		else if (strcmp(a, "--quizzes") == 0)
			only_quizzes = v;
		else if (strcmp(a, "--timeout") == 0)
			opt.timeout = atof(v);
		else if (strcmp(a, "--warm") == 0) {
			opt.warm = 1;
			continue;
		} else if (strcmp(a, "--attempts") == 0)
			opt.attempts = atoi(v);
		else if (strcmp(a, "--think") == 0)
			opt.think = atof(v);
		else if (strcmp(a, "--save") == 0)
			opt.save = v;
		else if (strcmp(a, "--static") == 0) {
			char *colon = strrchr(v, ':');

			if (!colon)
				return usage();
			opt.static_prefix = strndup(v, (size_t)(colon - v));
			opt.static_count = atoi(colon + 1);
		} else
			return usage();
		i++;
	}
	if (opt.port <= 0 || opt.port > 65535 || opt.clients < 1 || opt.clients > 5000 ||
	    opt.seconds <= 0 || opt.seconds > 3600 || opt.think < 0 || opt.think > 60 ||
	    opt.attempts < 0 || opt.timeout <= 0 || opt.timeout > 600 ||
	    (opt.static_prefix && opt.static_count < 1))
		return usage();
	epfd = epoll_create1(EPOLL_CLOEXEC);
	cs = calloc((size_t)opt.clients, sizeof *cs);
	if (epfd < 0 || !cs)
		return 2;
	t_start = now();
	deadline = t_start + opt.seconds;
	for (int i = 0; i < opt.clients; i++) {
		cs[i].id = i + 1;
		cs[i].fd = -1;
		cs[i].seed = (unsigned)i * 2654435761u + 1;
		if (opt.static_count) {
			next_static(&cs[i]);
		} else {
			cs[i].phase = P_MENU;
			send_request(&cs[i], "GET", "/", NULL);
		}
		/* People do not all arrive in the same millisecond. */
		cs[i].ready_at += opt.think * rand_r(&cs[i].seed) / RAND_MAX;
	}
	do {
		int n = epoll_wait(epfd, evs, 256, 5);

		for (int i = 0; i < n; i++)
			on_event(evs[i].data.ptr, evs[i].events);
		live = 0;
		for (int i = 0; i < opt.clients; i++) {
			if (cs[i].busy && !cs[i].armed && now() >= cs[i].ready_at)
				arm(&cs[i]);
			if (cs[i].busy && cs[i].armed && now() - cs[i].t0 > opt.timeout) {
				fail(&cs[i], "no answer in %g s", opt.timeout);
				drop(&cs[i]);
				cs[i].busy = 0;
			}
			live += cs[i].busy;
		}
	} while (live);
	elapsed = now() - t_start;
	qsort(lat, nlat, sizeof *lat, cmp_u32);
	printf("clients %d requests %zu attempts %ld errors %ld p50_ms %.2f p99_ms %.2f "
	       "max_ms %.2f req_per_s %.0f\n", opt.clients, nlat, attempts_done, errors,
	       nlat ? lat[nlat / 2] / 1e3 : 0.0, nlat ? lat[(size_t)((double)nlat * 0.99)] / 1e3 : 0.0,
	       nlat ? lat[nlat - 1] / 1e3 : 0.0, (double)nlat / elapsed);
	for (long i = 0; i < errors && i < ERRORS_SHOWN; i++)
		fprintf(stderr, "webload: %s\n", error_text[i]);
	if (opt.save)
		printf("saved %d pages\n", cs[0].saved);
	for (int i = 0; i < opt.clients; i++) {
		drop(&cs[i]);
		free(cs[i].in);
		free(cs[i].out);
	}
	for (int i = 0; i < nquizzes; i++)
		free(quizzes[i]);
	free(cs);
	free(lat);
	free((char *)opt.static_prefix);
	close(epfd);
	return errors ? 1 : 0;
}
