/*
 * term.c -- the terminal front end: renders views and reads lines.
 *
 * A view is a Lua list of blocks ({kind, text, ...}) made by report.lua
 * and dialogue.lua, words and all (contracts.lua lists the kinds); this
 * file knows only how each kind of block looks: wrapped to the
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

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t k, need;

	if (s[0] < 0x80)
		return 1;
	need = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 :
	       s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
	if (!need || need > n)
		return 0;
	for (k = 1; k < need; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return need;
}

/*
 * One line of a message (check output, load errors, usage): control
 * characters from a file, a tag or a file name are shown as \xHH (C1 ones
 * as \u00HH) and bytes that are not UTF-8 as \xHH, so a message can never
 * move the cursor, clear the screen or set the terminal's title.
 */
void term_write_message(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	for (size_t i = 0; i < n;) {
		size_t k = utf8_seq(p + i, n - i);

		if (k == 0 || (k == 1 && (p[i] < 0x20 || p[i] == 0x7F))) {
			fprintf(f, "\\x%02x", p[i]);
			i++;
		} else if (k == 2 && p[i] == 0xC2 && p[i + 1] <= 0x9F) {
			fprintf(f, "\\u%04x", p[i + 1]);
			i += 2;
		} else {
			fwrite(p + i, 1, k, f);
			i += k;
		}
	}
	fputc('\n', f);
}

/*
 * Print text wrapped at width, the first line after `first`, later lines
 * after `rest` (both already counted in their widths), and no newline at
 * the end when `open` (a prompt, where the answer is typed).
 */
static void wrap_to(FILE *f, const char *text, const char *first, size_t firstw,
		    const char *rest, size_t restw, int width, int open)
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
		/* "1 → low" reads "1: low" to a screen reader, not "1 right arrow low". */
		if (plain_words && !fresh && wl == 3 && !memcmp(w, "\u2192", 3)) {
			fputc(':', f);
			col++;
			continue;
		}
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
	if (!open)
		fputc('\n', f);
	else if (!fresh)
		fputc(' ', f);
}

static void wrap(FILE *f, const char *text, const char *first, size_t firstw,
		 const char *rest, size_t restw, int width)
{
	wrap_to(f, text, first, firstw, rest, restw, width, 0);
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
		/* Plain text has no rule of "=" under it: a screen reader reads each. */
		fprintf(f, "\n%s", c ? BOLD : "");
		wrap(f, text, "", 0, "", 0, o->width);
		if (c) {
			fputs(RESET, f);
			for (size_t i = 0; i < utf8_width(text, strlen(text)) && i < (size_t)o->width; i++)
				fputs("\u2500", f);
			fputc('\n', f);
		}
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
		/* How to answer: the line an older reader needs most, so never dim. */
		wrap(f, text, "", 0, "", 0, o->width);
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
		/* The word comes with the block (report.lua); colour repeats the mark. */
		const char *mark = field(L, b, "mark");
		const char *word = field(L, b, "word");

		if (c)
			snprintf(pre, sizeof pre, "  %s%s%s ", !strcmp(mark, "right") ? GREEN "\u2713" :
				 !strcmp(mark, "missed") ? YELLOW "\u25cb" :
				 !strcmp(mark, "notquite") ? YELLOW "\u2717" : RED "\u2717", RESET, "");
		else
			snprintf(pre, sizeof pre, "  %.40s: ", word);
		wrap(f, text, pre, c ? 4 : utf8_width(pre, strlen(pre)), "    ", 4, o->width);
	} else if (!strcmp(kind, "passage")) {
		const char *title = field(L, b, "title");
		char lead[64];

		/* Plain: a sentence that says what follows, no bar to read out. */
		fputs(term_say(L, lead, sizeof lead, c ? "from" : "quote_from", NULL, 0), f);
		fputs(" \"", f);
		write_clean(f, title, strlen(title));
		fputs("\":\n", f);
		if (c)
			wrap(f, text, "  \u2502 ", 4, "  \u2502 ", 4, o->width);
		else
			wrap(f, text, "  ", 2, "  ", 2, o->width);
	} else if (!strcmp(kind, "box") && !c) {
		/* Each warning its own sentence under the label: "Important: ...". */
		snprintf(pre, sizeof pre, "%.40s: ", field(L, b, "label"));
		for (const char *p = text; *p;) {
			size_t n = strcspn(p, "\n");
			char *one = strndup(p, n);

			if (one && *one)
				wrap(f, one, pre, utf8_width(pre, strlen(pre)), "", 0, o->width);
			free(one);
			p += n + (p[n] == '\n');
		}
	} else if (!strcmp(kind, "box")) {
		const char *label = field(L, b, "label");
		int w = o->width - 2, lw = (int)utf8_width(label, strlen(label));

		fprintf(f, "%s+-- ", c ? BOLD RED : "");
		write_clean(f, label, strlen(label));
		fputc(' ', f);
		for (int i = 5 + lw; i < w; i++)
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
		int n, cells, lw = o->width >= 60 ? 18 : 12;

		if (!c) {
			/* Plain: the words alone, "Bone drugs: 5 of 7". */
			snprintf(pre, sizeof pre, "  %s: ", label);
			wrap(f, text, pre, utf8_width(pre, strlen(pre)), "    ", 4, o->width);
			return;
		}
		lua_getfield(L, b, "value");
		v = lua_tonumber(L, -1);
		lua_getfield(L, b, "max");
		max = lua_tonumber(L, -1);
		lua_pop(L, 2);
		/* The bar takes what the line has left, so the count never wraps. */
		cells = o->width - 2 - lw - 1 - 1 - (int)utf8_width(text, strlen(text));
		if (cells > 20)
			cells = 20;
		if (cells < 0)
			cells = 0;
		n = max > 0 ? (int)(cells * v / max + 0.5) : 0;
		if (n > cells)
			n = cells;
		fprintf(f, "  %-*.*s ", lw, lw, label);
		for (int i = 0; i < cells; i++)
			fputs(i < n ? "\u2588" : "\u2591", f);
		fprintf(f, " %s\n", text);
	} else if (!strcmp(kind, "bullet")) {
		wrap(f, text, c ? "  \u2022 " : "  - ", 4, "    ", 4, o->width);
	} else if (!strcmp(kind, "blank")) {
		fputc('\n', f);
	} else {
		wrap(f, text, "", 0, "", 0, o->width);
	}
}

/* The width to wrap at now: the terminal may have been resized. */
static int current_width(FILE *f, int width)
{
	struct winsize ws;

	if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col > 100 ? 100 : ws.ws_col < 30 ? 30 : ws.ws_col;
	return width;
}

/* A prompt, wrapped like the text above it, with the cursor left after it. */
void term_prompt(const struct term_opts *o, const char *text)
{
	FILE *f = o->out ? o->out : stdout;

	plain_words = !o->color;
	wrap_to(f, text, "", 0, "", 0, current_width(f, o->width), 1);
	fflush(f);
}

/* Render the list of blocks at idx. */
void term_render(lua_State *L, int idx, const struct term_opts *o)
{
	FILE *f = o->out ? o->out : stdout;
	struct term_opts now = *o;

	/* A resized terminal re-wraps from the next view on. */
	now.width = current_width(f, o->width);
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
	/* Ctrl-D after some typing: end the line on screen, as Enter would. */
	if (c == EOF && isatty(STDIN_FILENO) && isatty(STDERR_FILENO))
		fputc('\n', stderr);
	if (n && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	if (bad) {
		buf[0] = '\0';
		return -1;
	}
	return 1;
}

/* ---- the menu ------------------------------------------------------ */

static volatile sig_atomic_t resized;

static void on_resize(int sig)
{
	(void)sig;
	resized = 1;
}

struct menu_line {              /* one block of the menu view */
	const char *label;      /* the item's number; NULL for a group heading */
	const char *text;
	int item;               /* 1..n for items, 0 for headings */
};

/* A menu entry wrapped at width, into a buffer the caller frees. */
static char *entry_text(const struct menu_line *e, int selected, int width, size_t *len)
{
	char *buf = NULL, pre[48], rest[48];
	size_t lw;
	FILE *m = open_memstream(&buf, len);

	if (!m)
		return NULL;
	if (e->item) {
		snprintf(pre, sizeof pre, "%s%s) ", selected ? "> " : "  ", e->label);
		lw = strlen(pre) < sizeof rest ? strlen(pre) : sizeof rest - 1;
		memset(rest, ' ', lw);
		rest[lw] = '\0';
		wrap(m, e->text, pre, lw, rest, lw, width);
	} else {
		wrap(m, e->text, "", 0, "", 0, width);
	}
	fclose(m);
	return buf;
}

/* Rows a menu entry takes when drawn at width. */
static int entry_rows(const struct menu_line *e, int width)
{
	size_t len = 0;
	int rows = 0;
	char *buf = entry_text(e, 0, width, &len);

	for (size_t i = 0; buf && i < len; i++)
		rows += buf[i] == '\n';
	free(buf);
	return rows ? rows : 1;
}

/* One entry, each line ended by clearing the rest of the row. */
static void draw_entry(const struct menu_line *e, int selected, int width)
{
	size_t len = 0;
	char *buf = entry_text(e, selected, width, &len);

	if (!buf)
		return;
	fputs(selected ? BOLD : e->item ? "" : BOLD CYAN, stdout);
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n')
			fputs("\033[K\r\n", stdout);
		else
			putchar(buf[i]);
	}
	fputs(RESET, stdout);
	free(buf);
}

/* A line cut to width (in characters), so it can never wrap. */
static void put_cut(const char *s, int width)
{
	int w = 0;

	for (; *s && w < width; s++) {
		putchar(*s);
		if (((unsigned char)s[1] & 0xC0) != 0x80)
			w++;
	}
}

/*
 * The terminal's words, from termsay.say(key, arg, n) (engine/lua/
 * termsay.lua), copied into buf; returns buf.  A fault in the engine
 * leaves it empty: a line goes missing, the terminal is never left raw.
 */
const char *term_say(lua_State *L, char *buf, size_t size, const char *key, const char *arg,
		     long long n)
{
	buf[0] = '\0';
	lua_pushstring(L, key);
	if (arg)
		lua_pushstring(L, arg);
	else
		lua_pushnil(L);
	lua_pushinteger(L, (lua_Integer)n);
	if (host_call(L, "termsay", "say", 3, 1) == LUA_OK && lua_isstring(L, -1))
		snprintf(buf, size, "%s", lua_tostring(L, -1));
	lua_pop(L, 1);
	return buf;
}

/* The drawn menu's status line, in the words termsay.lua gives. */
struct menu_words {
	char place[32], keys[64], keys_wide[64], use_keys[96];
};

/*
 * Draw the whole menu in place: the title, the entries from *top that fit
 * (moving *top so the selected item is whole on screen), and a status
 * line cut to the width, with no newline after it so nothing scrolls.
 */
static void draw_menu(const char *title, const struct menu_words *w, const struct menu_line *e,
		      int ne, int sel,
		      int *top, const char *note)
{
	struct winsize ws;
	int width = 80, height = 24, avail, si = 0, used = 0, last = -1;
	char status[256];

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row) {
		width = ws.ws_col;
		height = ws.ws_row;
	}
	width = width > 100 ? 100 : width < 20 ? 20 : width;
	avail = height - 2 > 1 ? height - 2 : 1;
	for (int i = 0; i < ne; i++)
		if (e[i].item == sel)
			si = i;
	/* Bring the selected item (with its group heading, when it fits) on screen. */
	if (si < *top)
		*top = si > 0 && !e[si - 1].item ? si - 1 : si;
	for (;;) {
		int rows = 0;

		for (int i = *top; i <= si; i++)
			rows += entry_rows(&e[i], width - 1);
		if (rows <= avail || *top >= si)
			break;
		(*top)++;
	}
	fputs("\033[H", stdout);
	fputs(BOLD, stdout);
	/* A title too wide for the screen keeps its name, up to the colon. */
	if ((int)utf8_width(title, strlen(title)) > width - 1 && strchr(title, ':'))
		fwrite(title, 1, (size_t)(strchr(title, ':') - title), stdout);
	else
		put_cut(title, width - 1);
	fputs(RESET "\033[K\r\n", stdout);
	for (int i = *top; i < ne; i++) {
		int r = entry_rows(&e[i], width - 1);

		if (used + r > avail && i != *top)
			break;
		draw_entry(&e[i], e[i].item == sel, width - 1);
		used += r;
		last = i;
	}
	for (; used < avail; used++)
		fputs("\033[K\r\n", stdout);
	if (note)
		snprintf(status, sizeof status, "%s", note);
	else
		snprintf(status, sizeof status, "%s%s%s  %s%s", *top > 0 ? "\u2191 " : "", w->place,
			 last < ne - 1 ? " \u2193" : "", w->keys, width > 70 ? w->keys_wide : "");
	fputs("\033[7m", stdout);
	put_cut(status, width - 1);
	fputs(RESET "\033[K\033[J", stdout);
	fflush(stdout);
}

/* One key from the raw terminal: a byte, 'U'/'D' for the arrows, or -1. */
static int read_key(void)
{
	unsigned char c, seq[2];

	if (read(STDIN_FILENO, &c, 1) != 1)
		return -1;
	if (c != 27)
		return c;
	if (read(STDIN_FILENO, &seq[0], 1) != 1 || read(STDIN_FILENO, &seq[1], 1) != 1)
		return -1;
	if (seq[0] == '[' || seq[0] == 'O')
		return seq[1] == 'A' ? 'U' : seq[1] == 'B' ? 'D' : 0;
	return 0;
}

/*
 * The menu at a colour terminal: the view at idx (group subheadings and
 * numbered items) drawn in place and paged to the screen, chosen with the
 * arrow keys or a number; redrawn when the terminal is resized.  Returns
 * 1..n, 0 to quit, or -1 when the terminal cannot do it (the caller lists
 * the quizzes and asks for a number instead).  The terminal's own mode is
 * restored before returning, whatever happens.
 */
int term_menu(lua_State *L, int idx, const char *title, const struct term_opts *o)
{
	struct termios old, raw;
	struct sigaction sa, old_winch;
	struct menu_line *e;
	struct menu_words w;
	int ne = 0, n = 0, sel = 1, typed = 0, top = 0, key;
	char note[96], num[24];
	const char *say = NULL;

	if (!o->color || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    tcgetattr(STDIN_FILENO, &old))
		return -1;
	idx = lua_absindex(L, idx);
	e = calloc((size_t)luaL_len(L, idx) + 1, sizeof *e);
	if (!e)
		return -1;
	for (lua_Integer i = 1; lua_rawgeti(L, idx, i) == LUA_TTABLE; i++) {
		int b = lua_gettop(L);
		int is_item = !strcmp(field(L, b, "kind"), "item");

		/* The view table keeps these strings alive while the menu runs. */
		e[ne].text = field(L, b, "text");
		e[ne].label = is_item ? field(L, b, "label") : NULL;
		e[ne].item = is_item ? ++n : 0;
		ne++;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	if (n == 0) {
		free(e);
		return -1;
	}
	/* The words first: no Lua runs while the terminal is raw but these calls. */
	term_say(L, w.keys, sizeof w.keys, "keys", NULL, 0);
	term_say(L, w.keys_wide, sizeof w.keys_wide, "keys_wide", NULL, 0);
	term_say(L, w.use_keys, sizeof w.use_keys, "use_keys", NULL, 0);
	plain_words = 0;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw)) {
		free(e);
		return -1;
	}
	/* No SA_RESTART: a resize interrupts the read, and the menu redraws. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_resize;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, &old_winch);
	fputs("\033[H\033[2J", stdout);         /* what was on screen goes to its history */
	for (;;) {
		resized = 0;
		snprintf(num, sizeof num, "%d", sel);
		term_say(L, w.place, sizeof w.place, "place", num, n);
		draw_menu(title, &w, e, ne, sel, &top, say);
		say = NULL;
		key = read_key();
		if (interrupted) {
			sel = 0;
			break;
		}
		if (key < 0) {
			if (errno == EINTR && resized) {
				top = 0;        /* redrawn over itself: nothing scrolls */
				continue;
			}
			sel = 0;
			break;
		}
		if (key == 'q' || key == 'Q' || key == 4) {
			sel = 0;
			break;
		}
		if (key == '\n' || key == '\r')
			break;
		if (key == 'U' || key == 'D') {
			sel += key == 'U' ? (sel > 1 ? -1 : 0) : (sel < n ? 1 : 0);
			typed = 0;
		} else if (key >= '0' && key <= '9') {
			typed = typed * 10 + (key - '0');
			if (typed >= 1 && typed <= n) {
				sel = typed;
				/* No more digits can follow: the next one starts anew. */
				if (typed * 10 > n)
					typed = 0;
			} else {
				snprintf(num, sizeof num, "%d", typed);
				say = term_say(L, note, sizeof note, "no_quiz", num, n);
				typed = 0;
			}
		} else if (key) {
			say = w.use_keys;
			typed = 0;
		}
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	sigaction(SIGWINCH, &old_winch, NULL);
	fputs("\033[H\033[J", stdout);         /* a clean screen for the quiz */
	fflush(stdout);
	free(e);
	return sel;
}
