/*
 * term.c -- the terminal front end: renders views and reads lines.
 *
 * A view is a Lua list of blocks ({kind, text, ...}) made by report.lua;
 * this file knows only how each kind of block looks: wrapped to the
 * terminal, with colour and symbols only when stdout is a terminal and
 * neither --plain nor NO_COLOR asks for plain text.  Plain output has no
 * escape sequences at all, so it suits screen readers and logs; right and
 * wrong are always said in words, colour only repeats them.
 */
#include <errno.h>
#include <sys/types.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <lauxlib.h>

#include "teachback.h"

#define BOLD   "\033[1m"
#define DIM    "\033[2m"
#define RED    "\033[31m"
#define GREEN  "\033[32m"
#define YELLOW "\033[33m"
#define CYAN   "\033[36m"
#define RESET  "\033[0m"

static volatile sig_atomic_t interrupted;

/*
 * The first Ctrl-C ends the attempt at the next read, with its result; a
 * second one, while something else is still running, ends the process.
 */
static void on_interrupt(int sig)
{
	if (interrupted) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
	interrupted = 1;
}

/* A new attempt starts with no Ctrl-C pending. */
void term_reset_interrupt(void)
{
	interrupted = 0;
}

void term_setup(struct term_opts *o, int plain)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	const char *cols = getenv("COLUMNS");
	struct winsize ws;
	struct sigaction sa;

	o->color = !plain && isatty(STDOUT_FILENO) && !(nc && nc[0]) &&
		   !(term && strcmp(term, "dumb") == 0);
	o->width = 80;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		o->width = ws.ws_col;
	else if (cols && atoi(cols) > 0)
		o->width = atoi(cols);
	if (o->width > 100)
		o->width = 100;
	if (o->width < 30)
		o->width = 30;

	/* Ctrl-C ends the attempt cleanly: fgets returns, the summary prints. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_interrupt;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
}

static size_t utf8_width(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w++;
	return w;
}

/*
 * Quiz text is hostile too: control characters (an ESC could clear the
 * screen or hide a safety message) are never written, whatever the file.
 */
static int plain_words;         /* no colour: say arrows in ASCII too */

static void write_clean(FILE *f, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* A screen reader says "right arrow" for U+2192: write "->". */
		if (plain_words && c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x86 &&
		    (unsigned char)s[i + 2] == 0x92) {
			fputs("->", f);
			i += 2;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9F) {
			i++;    /* a C1 control character */
			continue;
		}
		fputc(c, f);
	}
}

/*
 * Print text wrapped at width, the first line after `first`, later lines
 * after `rest` (both already counted in their widths).
 */
static void wrap(FILE *f, const char *text, const char *first, size_t firstw,
		 const char *rest, size_t restw, int width)
{
	const char *p = text;
	size_t col;
	int fresh = 1;          /* nothing written yet on this line */

	fputs(first, f);
	col = firstw;
	while (*p) {
		const char *w;
		size_t wl, ww;

		if (*p == '\n') {
			fputc('\n', f);
			fputs(rest, f);
			col = restw;
			fresh = 1;
			p++;
			continue;
		}
		while (*p == ' ')
			p++;
		w = p;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		wl = (size_t)(p - w);
		if (!wl)
			continue;
		ww = utf8_width(w, wl);
		if (!fresh && col + 1 + ww > (size_t)width) {
			fputc('\n', f);
			fputs(rest, f);
			col = restw;
			fresh = 1;
		}
		if (!fresh) {
			fputc(' ', f);
			col++;
		}
		write_clean(f, w, wl);
		col += ww;
		fresh = 0;
	}
	fputc('\n', f);
}

static const char *field(lua_State *L, int idx, const char *name)
{
	const char *s = "";

	/* Only a string field stays alive once popped: the block holds it. */
	if (lua_getfield(L, idx, name) == LUA_TSTRING)
		s = lua_tostring(L, -1);
	lua_pop(L, 1);
	return s;
}

static void render_block(FILE *f, lua_State *L, int b, const struct term_opts *o)
{
	const char *kind = field(L, b, "kind");
	const char *text = field(L, b, "text");
	int c = o->color;
	char pre[64];

	if (!strcmp(kind, "title")) {
		fprintf(f, "\n%s", c ? BOLD : "");
		wrap(f, text, "", 0, "", 0, o->width);
		if (c)
			fputs(RESET, f);
		for (size_t i = 0; i < utf8_width(text, strlen(text)) && i < (size_t)o->width; i++)
			fputc('=', f);
		fputc('\n', f);
	} else if (!strcmp(kind, "heading")) {
		fprintf(f, "\n%s", c ? BOLD CYAN : "");
		wrap(f, text, "", 0, "", 0, o->width);
		if (c)
			fputs(RESET, f);
	} else if (!strcmp(kind, "subheading")) {
		fprintf(f, "%s", c ? BOLD : "");
		wrap(f, text, "", 0, "", 0, o->width);
		if (c)
			fputs(RESET, f);
	} else if (!strcmp(kind, "item")) {
		const char *label = field(L, b, "label");
		size_t lw = utf8_width(label, strlen(label));

		char rest[40];
		size_t in = lw + 4 < sizeof rest ? lw + 4 : sizeof rest - 1;

		/* Continuation lines line up under the text, past "  A) ". */
		snprintf(pre, sizeof pre, "  %s) ", label);
		memset(rest, ' ', in);
		rest[in] = '\0';
		wrap(f, text, pre, lw + 4, rest, in, o->width);
	} else if (!strcmp(kind, "hint")) {
		fputs(c ? DIM : "", f);
		wrap(f, text, "", 0, "", 0, o->width);
		if (c)
			fputs(RESET, f);
	} else if (!strcmp(kind, "verdict")) {
		int ok, partial;

		lua_getfield(L, b, "ok");
		ok = lua_toboolean(L, -1);
		partial = lua_type(L, -1) == LUA_TSTRING;
		lua_pop(L, 1);
		if (c)
			fputs(partial ? BOLD YELLOW "~ " : ok ? BOLD GREEN "\u2713 " :
			      BOLD RED "\u2717 ", f);
		wrap(f, text, "", c ? 2 : 0, "", 0, o->width);
		if (c)
			fputs(RESET, f);
	} else if (!strcmp(kind, "note")) {
		const char *mark = field(L, b, "mark");
		const char *word = !strcmp(mark, "right") ? "right" :
				   !strcmp(mark, "missed") ? "missed" :
				   !strcmp(mark, "notquite") ? "not quite" : "wrong";

		if (c)
			snprintf(pre, sizeof pre, "  %s%s%s ", !strcmp(word, "right") ? GREEN "\u2713" :
				 !strcmp(word, "missed") ? YELLOW "\u25cb" :
				 !strcmp(word, "not quite") ? YELLOW "\u2717" : RED "\u2717", RESET, "");
		else
			snprintf(pre, sizeof pre, "  %s: ", word);
		wrap(f, text, pre, c ? 4 : strlen(word) + 4, "    ", 4, o->width);
	} else if (!strcmp(kind, "passage")) {
		const char *title = field(L, b, "title");

		fprintf(f, "%sFrom \"%s\":%s\n", c ? DIM : "", title, c ? RESET : "");
		wrap(f, text, "  | ", 4, "  | ", 4, o->width);
	} else if (!strcmp(kind, "box")) {
		int w = o->width - 2;

		fprintf(f, "%s+-- Important ", c ? BOLD RED : "");
		for (int i = 14; i < w; i++)
			fputc('-', f);
		fprintf(f, "%s\n", c ? RESET : "");
		wrap(f, text, "| ", 2, "| ", 2, o->width);
		fprintf(f, "%s+", c ? BOLD RED : "");
		for (int i = 1; i < w; i++)
			fputc('-', f);
		fprintf(f, "%s\n", c ? RESET : "");
	} else if (!strcmp(kind, "bar")) {
		const char *label = field(L, b, "label");
		double v, max;
		int n, cells = 20;

		lua_getfield(L, b, "value");
		v = lua_tonumber(L, -1);
		lua_getfield(L, b, "max");
		max = lua_tonumber(L, -1);
		lua_pop(L, 2);
		n = max > 0 ? (int)(cells * v / max + 0.5) : 0;
		if (n > cells)
			n = cells;
		fprintf(f, "  %-18.18s ", label);
		for (int i = 0; i < cells; i++)
			fputs(i < n ? (c ? "\u2588" : "#") : (c ? "\u2591" : "."), f);
		fprintf(f, " %s\n", text);
	} else if (!strcmp(kind, "bullet")) {
		wrap(f, text, c ? "  \u2022 " : "  - ", 4, "    ", 4, o->width);
	} else if (!strcmp(kind, "blank")) {
		fputc('\n', f);
	} else {
		wrap(f, text, "", 0, "", 0, o->width);
	}
}

/* Render the list of blocks at idx. */
void term_render(lua_State *L, int idx, const struct term_opts *o)
{
	FILE *f = o->out ? o->out : stdout;
	struct term_opts now = *o;
	struct winsize ws;

	/* A resized terminal re-wraps from the next view on. */
	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		now.width = ws.ws_col > 100 ? 100 : ws.ws_col < 30 ? 30 : ws.ws_col;
	o = &now;
	plain_words = !o->color;

	idx = lua_absindex(L, idx);
	if (!lua_istable(L, idx))
		return;
	for (lua_Integer i = 1;; i++) {
		if (lua_rawgeti(L, idx, i) != LUA_TTABLE) {
			lua_pop(L, 1);
			break;
		}
		render_block(f, L, lua_gettop(L), o);
		lua_pop(L, 1);
	}
	fflush(f);
}

/*
 * Read one line without its newline.  Returns 1; 0 at end of input or on
 * Ctrl-C; -1 when the line was too long or held a NUL byte (the whole line
 * is consumed either way, so the next answer is not lost).
 */
int term_readline(char *buf, size_t size)
{
	size_t n = 0;
	int c, bad = 0;

	if (interrupted)
		return 0;
	errno = 0;
	/* Byte by byte, storing at most size - 1: no line can make us allocate. */
	while ((c = getc(stdin)) != EOF && c != '\n') {
		if (c == '\0' || n + 1 >= size)
			bad = 1;
		else
			buf[n++] = (char)c;
	}
	if (c == EOF && n == 0 && !bad) {
		if (errno == EINTR)
			clearerr(stdin);
		buf[0] = '\0';
		return 0;
	}
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	if (bad) {
		buf[0] = '\0';
		return -1;
	}
	return 1;
}

/*
 * Choose one of n titles with the arrow keys, or by typing its number, at
 * a real terminal.  Returns 1..n, 0 to quit, or -1 when stdin is not a
 * terminal (the caller reads a line instead).  The terminal's own mode is
 * restored before returning, whatever happens.
 */
int term_pick(int n, char **titles, const struct term_opts *o)
{
	struct termios old, raw;
	int sel = 1, typed = 0, c;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || tcgetattr(STDIN_FILENO, &old))
		return -1;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw))
		return -1;
	for (;;) {
		printf("\r\033[K%s> %d) %.*s%s  (arrows or a number, Enter to start, q to quit)",
		       o->color ? BOLD : "", sel, o->width > 60 ? o->width - 60 : 10,
		       titles[sel - 1], o->color ? RESET : "");
		fflush(stdout);
		c = getchar();
		if (c == EOF || c == 'q' || c == 'Q' || c == 4 || interrupted) {
			sel = 0;
			break;
		}
		if (c == '\n' || c == '\r')
			break;
		if (c == 27 && getchar() == '[') {
			c = getchar();
			if (c == 'A' && sel > 1)
				sel--;
			else if (c == 'B' && sel < n)
				sel++;
			typed = 0;
		} else if (c >= '0' && c <= '9') {
			typed = typed * 10 + (c - '0');
			if (typed < 1 || typed > n)
				typed = c - '0';
			if (typed >= 1 && typed <= n)
				sel = typed;
		}
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	putchar('\n');
	return sel;
}
