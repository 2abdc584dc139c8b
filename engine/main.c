/*
 * main.c -- the command line: parse options, call the engine's Lua
 * (engine/lua/cli.lua), print what it returns, and drive the interactive
 * loop.  Exit statuses: 0 done, 1 check found errors, 2 wrong usage,
 * 3 a quiz or answers file could not be loaded.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <lauxlib.h>

#include "teachback.h"

#define LINE_MAX_INPUT 4096

struct run_opts {
	const char *quiz, *mode, *learner, *answers, *db, *site;
	long long seed;
	int have_seed, json, plain, assist;
	int no_save, resume, review;    /* the records store (records.lua) */
};

/* One %s: the modes, as modes.lua lists them. */
static const char *usage_text =
	"Usage: teachback                      open the menu of bundled quizzes\n"
	"       teachback run QUIZ [options]   take a quiz (a file, or a bundled quiz's id)\n"
	"       teachback check [--strict] [--coverage] PATH...\n"
	"                                      validate quizzes and material; item-writing\n"
	"                                      warnings (--strict: they fail too);\n"
	"                                      --coverage: sections no question cites\n"
	"       teachback list [DIR]           list quizzes: id, audience, questions, title, file\n"
	"       teachback stats [DIR]          counts by type and audience, reading grades\n"
	"       teachback export QUIZ --to gift|moodle-xml|qti|fhir|handout [-o FILE] [--key]\n"
	"       teachback export RESULT.json --to fhir-response [-o FILE]\n"
	"       teachback import FILE.gift|FILE.xml [-o DIR]   into teachback YAML\n"
	"       teachback new QUIZ-ID --audience patient|student [-o DIR]   a starter quiz\n"
	"       teachback grade QUIZ SHEETS.csv [--out RESULTS.csv]   grade a class's answer sheets\n"
	"       teachback regrade QUIZ             rescore stored attempts after a key is fixed\n"
	"       teachback history [--learner NAME] past attempts and the trend per topic\n"
	"       teachback review [--learner NAME] [--resume]  the questions due again (SM-2)\n"
	"       teachback report QUIZ [--format text|csv|json|html]   mastery and item analysis\n"
	"       teachback report --learner NAME [--format html|json|fhir]  the patient-education record\n"
	"       teachback forget --learner NAME    delete a learner's attempts for good\n"
	"       teachback migrate --db URL         create or update the store's schema\n"
	"       teachback serve [--listen ADDR:PORT] [options]   the quizzes on the web\n"
	"                                      (man teachback: SERVE)\n"
	"       teachback --help | --version\n"
	"\n"
	"Options for run:\n"
	"  --mode %s   override the quiz's mode\n"
	"  --seed N            the same seed gives the same attempt (order, options, cases)\n"
	"  --learner NAME      name shown in the header and kept in the result\n"
	"  --answers FILE      answer from a YAML or JSON file instead of the terminal\n"
	"  --json              print the result as JSON on stdout, and nothing else\n"
	"  --plain             no colour, no symbols (screen readers, logs); NO_COLOR too\n"
	"  --assist            a nurse confirms or corrects each teach-back key point\n"
	"  --resume            go on with this quiz's unfinished attempt (same learner);\n"
	"                      review --resume: the unfinished review\n"
	"\n"
	"Records (run, review, grade and the commands above):\n"
	"  --db FILE|URL       the records store; default $XDG_DATA_HOME/teachback/teachback.db\n"
	"                      (~/.local/share/teachback/), or $TEACHBACK_DB; postgresql://...\n"
	"                      or a libpq conninfo (service=NAME) for a shared PostgreSQL store\n"
	"  --site NAME         where attempts are taken (run, review, grade); default\n"
	"                      $TEACHBACK_SITE or the host name; report --site: that site only\n"
	"  --no-save           keep nothing (run and grade)\n"
	"\n"
	"Exit status: 0 done, 1 check found errors (or warnings with --strict; grade: rows\n"
	"skipped), 2 wrong usage,\n"
	"3 a quiz or answers file could not be loaded, 4 the records store could not be used.\n"
	"\n"
	"Manual: man teachback; the quiz and material formats: man teachback-quiz\n"
	"(in the source tree: man ./docs/teachback.1, man ./docs/teachback-quiz.5).\n";

static int usage_error(const char *fmt, const char *arg)
{
	char msg[TB_ERRLEN];

	snprintf(msg, sizeof msg, fmt, arg);    /* arg is the user's: shown escaped */
	fputs("teachback: ", stderr);
	term_write_message(stderr, msg);
	fputs("Try 'teachback --help'.\n", stderr);
	return TB_EXIT_USAGE;
}

static const char *quizdir(void)
{
	const char *env = getenv("TEACHBACK_QUIZZES");

	return env && env[0] ? env : TB_QUIZDIR;
}

static void print_lines(lua_State *L, int idx, FILE *f)
{
	idx = lua_absindex(L, idx);
	for (lua_Integer i = 1; lua_rawgeti(L, idx, i) == LUA_TSTRING; i++) {
		term_write_message(f, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static int engine_failed(lua_State *L)
{
	const char *msg = lua_tostring(L, -1) ? lua_tostring(L, -1) : "(no message)";
	char line[TB_ERRLEN];

	/* A traceback: one message line per frame, its tabs as spaces. */
	fputs("teachback: internal error: ", stderr);
	while (*msg) {
		size_t n = strcspn(msg, "\n"), k = 0;

		for (size_t i = 0; i < n && k + 2 < sizeof line; i++) {
			if (msg[i] == '\t')
				line[k++] = ' ', line[k++] = ' ';
			else
				line[k++] = msg[i];
		}
		line[k] = '\0';
		term_write_message(stderr, line);
		msg += n + (msg[n] == '\n');
	}
	return 70;
}

/* ---- check and list ------------------------------------------------ */

static int cmd_check(lua_State *L, int argc, char **argv)
{
	long errors, warnings, files;
	int strict = 0, coverage = 0, npaths = 0;

	lua_newtable(L);
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--strict")) {
			strict = 1;
		} else if (!strcmp(argv[i], "--coverage")) {
			coverage = 1;
		} else if (argv[i][0] == '-' && argv[i][1] == '-') {
			lua_pop(L, 1);
			return usage_error("unknown option '%s' for check", argv[i]);
		} else {
			lua_pushstring(L, argv[i]);
			lua_rawseti(L, -2, ++npaths);
		}
	}
	if (npaths == 0) {
		lua_pop(L, 1);
		return usage_error("check needs at least one file or folder%s", "");
	}
	lua_createtable(L, 0, 1);
	lua_pushboolean(L, coverage);
	lua_setfield(L, -2, "coverage");
	if (host_call(L, "cli", "check", 2, 4) != LUA_OK)
		return engine_failed(L);
	errors = (long)lua_tointeger(L, -3);
	warnings = (long)lua_tointeger(L, -2);
	files = (long)lua_tointeger(L, -1);
	print_lines(L, -4, stdout);
	printf("checked %ld file%s: %ld error%s, %ld warning%s\n", files, files == 1 ? "" : "s",
	       errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	if (strict && warnings)
		printf("--strict: warnings count as errors\n");
	lua_pop(L, 4);
	return errors || (strict && warnings) ? TB_EXIT_CHECK : TB_EXIT_OK;
}

/* Pushes the rows of cli.list; returns their count or -1. */
static int list_rows(lua_State *L, const char *dir)
{
	lua_pushstring(L, dir);
	if (host_call(L, "cli", "list", 1, 1) != LUA_OK)
		return -1;
	return (int)luaL_len(L, -1);
}

static const char *row_field(lua_State *L, int row, const char *name)
{
	const char *s;

	lua_getfield(L, row, name);
	s = lua_tostring(L, -1);
	lua_pop(L, 1);
	return s ? s : "";
}

static int cmd_list(lua_State *L, int argc, char **argv)
{
	const char *dir = argc > 0 ? argv[0] : quizdir();
	int n;

	if (argc > 1)
		return usage_error("list takes at most one folder%s", "");
	if ((n = list_rows(L, dir)) < 0)
		return engine_failed(L);
	for (int i = 1; i <= n; i++) {
		lua_rawgeti(L, -1, i);
		/* The file too: an author's copies of one quiz share its id. */
		printf("%-28s %-8s %3s  %s  (%s)", row_field(L, -1, "id"),
		       row_field(L, -1, "audience"), row_field(L, -1, "n"),
		       row_field(L, -1, "title"), row_field(L, -1, "path"));
		if (*row_field(L, -1, "review_due"))
			printf("  [review due: reviewed %s]", row_field(L, -1, "reviewed"));
		putchar('\n');
		lua_pop(L, 1);
	}
	if (n == 0)
		fprintf(stderr, "teachback: no valid quizzes in %s\n", dir);
	lua_pop(L, 1);
	return TB_EXIT_OK;
}

static int cmd_stats(lua_State *L, int argc, char **argv)
{
	lua_pushstring(L, argc > 0 ? argv[0] : quizdir());
	if (host_call(L, "cli", "stats", 1, 1) != LUA_OK)
		return engine_failed(L);
	print_lines(L, -1, stdout);
	return TB_EXIT_OK;
}

/* export, import, new: cli.lua decides; status, stdout text, stderr lines. */
static int cmd_convert(lua_State *L, const char *name, int argc, char **argv)
{
	size_t len;
	const char *out;
	int rc;

	lua_newtable(L);
	for (int i = 0; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_pushstring(L, quizdir());
	if (host_call(L, "cli", name, 2, 3) != LUA_OK)
		return engine_failed(L);
	rc = (int)lua_tointeger(L, -3);
	if ((out = lua_tolstring(L, -2, &len)))
		fwrite(out, 1, len, stdout);
	print_lines(L, -1, stderr);
	lua_pop(L, 3);
	return rc;
}

/* ---- run ----------------------------------------------------------- */

static int parse_seed(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	return *s && !*end && errno == 0 && *out >= 0;
}

/*
 * modes.<fn>(arg) pushed: the modes are Lua's (engine/lua/modes.lua), so a
 * new mode is one Lua file.  An engine fault goes to the protected call in
 * main: a message and exit 70.
 */
static void modes_call(lua_State *L, const char *fn, const char *arg)
{
	lua_pushstring(L, arg ? arg : "");
	if (host_call(L, "modes", fn, 1, 1) != LUA_OK)
		lua_error(L);
}

/* --mode NAME: a registered mode, or a usage error naming the registered ones. */
static int check_mode(lua_State *L, const char *m)
{
	char msg[TB_ERRLEN];
	int known;

	modes_call(L, "known", m);
	known = lua_toboolean(L, -1);
	lua_pop(L, 1);
	if (known)
		return 0;
	modes_call(L, "list_text", NULL);
	snprintf(msg, sizeof msg, "--mode must be %s, not '%s'", lua_tostring(L, -1), m);
	lua_pop(L, 1);
	return usage_error("%s", msg);
}

/* --name value or --name=value; returns the value or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* Edits to turn a into b (short strings only: option names). */
static int edit_distance(const char *a, const char *b)
{
	int prev[32], cur[32];
	size_t la = strlen(a), lb = strlen(b);

	if (la >= 32 || lb >= 32)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			int del = prev[j] + 1, ins = cur[j - 1] + 1;

			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[lb];
}

/* "--answer" -> "--answers": the option meant, or NULL. */
static const char *option_meant(const char *arg)
{
	static const char *const opts[] = { "--mode", "--seed", "--learner", "--answers",
					    "--json", "--plain", "--assist", "--db",
					    "--no-save", "--resume", "--review" };
	char name[32];
	size_t n = strcspn(arg, "=");

	if (n >= sizeof name)
		return NULL;
	memcpy(name, arg, n);
	name[n] = '\0';
	for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
		if (edit_distance(name, opts[i]) <= 2)
			return opts[i];
	return NULL;
}

static int unknown_option(const char *a)
{
	const char *meant = option_meant(a);
	char msg[160];

	if (!meant)
		return usage_error("unknown or incomplete option '%s'", a);
	if (!strncmp(a, meant, strlen(meant)))    /* "--answers" given no file */
		return usage_error("option '%s' needs a value", meant);
	snprintf(msg, sizeof msg, "unknown option '%.60s'; did you mean '%s'?", a, meant);
	return usage_error("%s", msg);
}

static int parse_run(lua_State *L, int argc, char **argv, struct run_opts *o)
{
	memset(o, 0, sizeof *o);
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v;

		if (!strcmp(a, "--json"))
			o->json = 1;
		else if (!strcmp(a, "--plain"))
			o->plain = 1;
		else if (!strcmp(a, "--assist"))
			o->assist = 1;
		else if ((v = opt_value(argc, argv, &i, "--mode"))) {
			if (check_mode(L, v))
				return TB_EXIT_USAGE;
			o->mode = v;
		} else if ((v = opt_value(argc, argv, &i, "--seed"))) {
			if (!parse_seed(v, &o->seed))
				return usage_error("--seed must be a whole number from 0 up, not '%s'", v);
			o->have_seed = 1;
		} else if ((v = opt_value(argc, argv, &i, "--learner"))) {
			o->learner = v;
		} else if ((v = opt_value(argc, argv, &i, "--answers"))) {
			o->answers = v;
		} else if ((v = opt_value(argc, argv, &i, "--db"))) {
			o->db = v;
		} else if ((v = opt_value(argc, argv, &i, "--site"))) {
			o->site = v;
		} else if (!strcmp(a, "--no-save")) {
			o->no_save = 1;
		} else if (!strcmp(a, "--resume")) {
			o->resume = 1;
		} else if (!strcmp(a, "--review")) {
			o->review = 1;
		} else if (a[0] == '-' && a[1]) {
			return unknown_option(a);
		} else if (!o->quiz) {
			o->quiz = a;
		} else {
			return usage_error("run takes one quiz; '%s' is extra", a);
		}
	}
	if (!o->quiz && !o->review)
		return usage_error("run needs a quiz: a file, or an id from 'teachback list'%s", "");
	if (!o->have_seed)
		o->seed = ((long long)time(NULL) ^ ((long long)getpid() << 16)) & 0x7fffffff;
	return 0;
}

static void push_run_opts(lua_State *L, const struct run_opts *o)
{
	lua_newtable(L);
	if (o->mode) {
		lua_pushstring(L, o->mode);
		lua_setfield(L, -2, "mode");
	}
	if (o->learner) {
		lua_pushstring(L, o->learner);
		lua_setfield(L, -2, "learner");
	}
	lua_pushinteger(L, (lua_Integer)o->seed);
	lua_setfield(L, -2, "seed");
	lua_pushstring(L, quizdir());
	lua_setfield(L, -2, "quizdir");
	lua_pushboolean(L, o->assist);
	lua_setfield(L, -2, "assist");
	if (o->db) {
		lua_pushstring(L, o->db);
		lua_setfield(L, -2, "db");
	}
	if (o->site) {
		lua_pushstring(L, o->site);
		lua_setfield(L, -2, "site");
	}
	lua_pushboolean(L, o->no_save);
	lua_setfield(L, -2, "no_save");
	lua_pushboolean(L, o->resume);
	lua_setfield(L, -2, "resume");
	lua_pushboolean(L, o->review);
	lua_setfield(L, -2, "review");
	lua_pushboolean(L, o->answers != NULL);
	lua_setfield(L, -2, "answers");
}

/* Call cli.<fn>(session) and render the view it returns. */
static int render_call(lua_State *L, int s, const char *fn, const struct term_opts *t)
{
	lua_pushvalue(L, s);
	if (host_call(L, "cli", fn, 1, 1) != LUA_OK)
		return 0;
	term_render(L, -1, t);
	lua_pop(L, 1);
	return 1;
}

/*
 * Read one answer: a line, or for multi-line answers (own words) lines up
 * to an empty one, where a first line that is one of the dialogue's
 * command letters (the prompt's `commands`) is taken alone.  Returns 1, 0
 * at end of input, -1 when too long.
 */
static int read_answer(char *buf, size_t size, int multiline, const char *commands, FILE *out)
{
	size_t used = 0;
	int got;

	if (!multiline)
		return term_readline(buf, size);
	buf[0] = '\0';
	for (;;) {
		char line[LINE_MAX_INPUT];
		size_t n;

		got = term_readline(line, sizeof line);
		if (got == 0)
			return used ? 1 : 0;
		if (got < 0)
			return -1;
		if (!line[0])
			return 1;
		/* A command letter alone on the first line is a command, as elsewhere. */
		if (!used && line[1] == '\0' && strchr(commands, tolower((unsigned char)line[0]))) {
			memcpy(buf, line, 2);
			return 1;
		}
		n = strlen(line);
		if (used + n + 2 > size)
			return -1;
		if (used)
			buf[used++] = '\n';
		memcpy(buf + used, line, n + 1);
		used += n;
		fputs("  ", out);
		fflush(out);
	}
}

/* Ask a yes/no question; 1 for yes. */
static int ask_yes(const char *question, const struct term_opts *t)
{
	char line[64];

	term_prompt(t, question);
	if (term_readline(line, sizeof line) <= 0)
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

/*
 * After the score, an exam's review one question at a time: at a terminal
 * Enter shows the next and q ends it, so nothing scrolls away unread.
 */
static int review(lua_State *L, int s, const struct term_opts *t)
{
	int pages = isatty(STDIN_FILENO) && isatty(fileno(t->out));
	lua_Integer n;

	lua_pushvalue(L, s);
	if (host_call(L, "cli", "review_pages", 1, 1) != LUA_OK)
		return 0;
	n = lua_istable(L, -1) ? luaL_len(L, -1) : 0;
	/* A Ctrl-C that ended the exam does not also skip its review. */
	if (pages)
		term_reset_interrupt();
	for (lua_Integer i = 1; i <= n; i++) {
		char line[64];

		lua_rawgeti(L, -1, i);
		if (pages) {
			/* What to press, as the page says it (cli.review_pages). */
			lua_getfield(L, -1, "ask");
			fprintf(t->out, "\n%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
			lua_pop(L, 1);
			fflush(t->out);
			if (term_readline(line, sizeof line) <= 0 || line[0] == 'q' || line[0] == 'Q') {
				lua_pop(L, 1);
				break;
			}
		}
		term_render(L, -1, t);
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	return 1;
}

/* The interactive loop: show the prompt, read a line, feed it. */
static int interact(lua_State *L, int s, const struct term_opts *t, int round)
{
	char line[LINE_MAX_INPUT * 4];

	if (!render_call(L, s, round == 1 ? "intro" : "round_intro", t))
		return 0;
	for (;;) {
		int got, multiline;
		char commands[16];

		lua_pushvalue(L, s);
		if (host_call(L, "cli", "prompt", 1, 1) != LUA_OK)
			return 0;
		if (lua_isnil(L, -1)) {
			lua_pop(L, 1);
			break;
		}
		lua_getfield(L, -1, "blocks");
		term_render(L, -1, t);
		lua_getfield(L, -2, "multiline");
		multiline = lua_toboolean(L, -1);
		lua_getfield(L, -3, "commands");
		snprintf(commands, sizeof commands, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
		lua_getfield(L, -4, "prompt");
		term_prompt(t, lua_tostring(L, -1));
		lua_pop(L, 5);
		got = read_answer(line, sizeof line, multiline, commands, t->out);
		if (got == 0) {
			fputc('\n', t->out);
			lua_pushvalue(L, s);
			if (host_call(L, "cli", "stop", 1, 0) != LUA_OK)
				return 0;
			break;
		}
		lua_pushvalue(L, s);
		lua_pushstring(L, got < 0 ? "" : line);
		if (host_call(L, "cli", "feed", 2, 1) != LUA_OK)
			return 0;
		term_render(L, -1, t);
		lua_pop(L, 1);
		if (got < 0) {
			char say[160];

			fprintf(t->out, "%s\n", term_say(L, say, sizeof say, "too_long", NULL,
							 (long long)sizeof line - 2));
		}
	}
	if (!render_call(L, s, "summary", t) || !review(L, s, t))
		return 0;
	/* Go over the missed questions again at once, if the learner wants. */
	lua_pushvalue(L, s);
	if (host_call(L, "cli", "offer_missed", 1, 1) != LUA_OK)
		return 0;
	if (lua_isstring(L, -1) && round < 5 && ask_yes(lua_tostring(L, -1), t)) {
		int ok;

		lua_pushvalue(L, s);
		if (host_call(L, "cli", "missed_round", 1, 1) != LUA_OK)
			return 0;
		ok = interact(L, lua_gettop(L), t, round + 1);
		lua_pop(L, 2);
		return ok;
	}
	lua_pop(L, 1);
	return 1;
}

static int run_attempt(lua_State *L, int argc, char **argv);

/* One attempt; the Lua stack is left as it was found. */
static int cmd_run(lua_State *L, int argc, char **argv)
{
	int top = lua_gettop(L), rc;

	/* An attempt keeps nearly all it builds (the engine's modules, the
	 * quiz, the attempt), so with the collector's cycle at twice the live
	 * heap its cycles mostly walk live data: at four times, a graded
	 * attempt takes 0.35 M instructions fewer (2%) and the first question
	 * 0.9 M, for the same peak RSS within the runs' spread. */
	lua_gc(L, LUA_GCINC, 400, 0, 0);
	term_reset_interrupt();
	rc = run_attempt(L, argc, argv);
	lua_settop(L, top);
	return rc;
}

/*
 * The lines at the top of the stack could not be loaded: to stderr, and
 * under --json also to stdout as an error object, so a pipeline reading
 * stdout gets JSON either way.
 */
static int load_failed(lua_State *L, int json)
{
	print_lines(L, -1, stderr);
	if (json) {
		lua_pushvalue(L, -1);
		lua_pushinteger(L, TB_EXIT_LOAD);
		if (host_call(L, "cli", "error_json", 2, 1) == LUA_OK)
			printf("%s\n", lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	return TB_EXIT_LOAD;
}

/* cli.start said no: nothing to do (lines.ok), a store error (lines.exit), or a load failure. */
static int start_failed(lua_State *L, int json)
{
	int code;

	lua_getfield(L, -1, "ok");
	code = lua_toboolean(L, -1);
	lua_pop(L, 1);
	if (code) {
		print_lines(L, -1, stdout);
		return TB_EXIT_OK;
	}
	lua_getfield(L, -1, "exit");
	code = (int)lua_tointeger(L, -1);
	lua_pop(L, 1);
	if (code) {
		print_lines(L, -1, stderr);
		return code;
	}
	return load_failed(L, json);
}

static int run_attempt(lua_State *L, int argc, char **argv)
{
	struct run_opts o;
	struct term_opts t;
	int rc, s;

	if ((rc = parse_run(L, argc, argv, &o)) != 0)
		return rc;
	term_setup(&t, o.plain || o.json);
	t.out = o.json ? stderr : stdout;

	lua_pushstring(L, o.quiz);
	push_run_opts(L, &o);
	/* A graded attempt holds the collector (host_gc_hold): it loads, grades
	 * and exits, keeping nearly all it builds. */
	if (o.answers)
		host_gc_hold(L);
	if (host_call(L, "cli", "start", 2, 2) != LUA_OK)
		return engine_failed(L);
	if (lua_isnil(L, -2))
		return start_failed(L, o.json);
	lua_pop(L, 1);
	s = lua_gettop(L);

	if (o.answers) {
		lua_pushvalue(L, s);
		lua_pushstring(L, o.answers);
		if (host_call(L, "cli", "apply_answers", 2, 2) != LUA_OK)
			return engine_failed(L);
		if (lua_isnil(L, -2))
			return load_failed(L, o.json);
		lua_pop(L, 2);
		if (!o.json && !render_call(L, s, "report", &t))
			return engine_failed(L);
	} else if (!interact(L, s, &t, 1)) {
		return engine_failed(L);
	}
	if (o.json) {
		lua_pushvalue(L, s);
		if (host_call(L, "cli", "result_json", 1, 1) != LUA_OK)
			return engine_failed(L);
		printf("%s\n", lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	return TB_EXIT_OK;
}

/* ---- the menu ------------------------------------------------------ */

/*
 * Without the drawn menu (plain output, NO_COLOR, not a terminal): the
 * list, whole titles and all, then a typed number.  Returns 1..n, or 0.
 */
static int ask_number(lua_State *L, int n, const struct term_opts *t)
{
	char line[64], *end, say[160];
	long choice;

	printf("\n%s\n\n", term_say(L, say, sizeof say, "title", NULL, 0));
	term_render(L, -1, t);
	for (;;) {
		term_prompt(t, term_say(L, say, sizeof say, "choose", NULL, n));
		if (term_readline(line, sizeof line) <= 0 || line[0] == 'q' || line[0] == 'Q')
			return 0;
		errno = 0;
		choice = strtol(line, &end, 10);
		if (end != line && !*end && errno == 0 && choice >= 1 && choice <= n)
			return (int)choice;
		if (end != line && !*end)
			puts(term_say(L, say, sizeof say, "no_such", line, n));
		else
			puts(term_say(L, say, sizeof say, "type_number", NULL, n));
	}
}

/* Options the menu passes on to each quiz it starts. */
static int check_menu_opts(lua_State *L, int argc, char **argv)
{
	struct run_opts o;
	char *args[64];

	if (argc > 60)
		return usage_error("too many options for the menu%s", "");
	args[0] = "menu";
	for (int i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "--answers", 9) || !strcmp(argv[i], "--json"))
			return usage_error("the menu is for a person at the terminal; use 'teachback "
					   "run QUIZ %s'", argv[i]);
		args[i + 1] = argv[i];
	}
	return parse_run(L, argc + 1, args, &o);
}

/*
 * The bundled quizzes by group, chosen with the arrows or by number; q
 * quits.  Loops.  argv holds options for each quiz (--plain, --learner,
 * --assist, --mode, --seed).
 */
static int cmd_menu(lua_State *L, int argc, char **argv)
{
	struct term_opts t;
	char path[4096], *args[64], say[4200];
	int n, choice, rc, plain = 0;

	if ((rc = check_menu_opts(L, argc, argv)) != 0)
		return rc;
	for (int i = 0; i < argc; i++) {
		plain |= !strcmp(argv[i], "--plain");
		args[i + 1] = argv[i];
	}
	term_setup(&t, plain);
	t.out = stdout;
	for (;;) {
		lua_pushstring(L, quizdir());
		if (host_call(L, "cli", "menu", 1, 2) != LUA_OK)
			return engine_failed(L);
		n = (int)luaL_len(L, -2);
		if (n == 0) {
			fprintf(stderr, "%s\n", term_say(L, say, sizeof say, "none", quizdir(), 0));
			return TB_EXIT_LOAD;
		}
		choice = term_menu(L, -1, term_say(L, say, sizeof say, "title", NULL, 0), &t);
		if (choice < 0)
			choice = ask_number(L, n, &t);
		lua_pop(L, 1);
		if (choice <= 0) {
			putchar('\n');
			return TB_EXIT_OK;
		}
		lua_rawgeti(L, -1, choice);
		lua_getfield(L, -1, "path");
		snprintf(path, sizeof path, "%s", lua_tostring(L, -1));
		lua_pop(L, 3);
		args[0] = path;
		if ((rc = cmd_run(L, argc + 1, args)) != TB_EXIT_OK)
			return rc;
		if (!isatty(STDIN_FILENO)) {
			if (feof(stdin))
				return TB_EXIT_OK;
			continue;
		}
		/*
		 * Let the result be read before the menu covers it, however the
		 * quiz ended: Enter, q, Ctrl-D or Ctrl-C.
		 */
		{
			char line[8];

			clearerr(stdin);
			term_reset_interrupt();
			term_prompt(&t, term_say(L, say, sizeof say, "back", NULL, 0));
			if (term_readline(line, sizeof line) == 0 && feof(stdin))
				clearerr(stdin);
		}
	}
}

/* ---- records: grade, regrade, history, report, forget (recordcmd.lua) -- */

static int cmd_records(lua_State *L, const char *name, int argc, char **argv)
{
	const char *text;
	size_t len;
	int rc;

	lua_pushstring(L, name);
	lua_newtable(L);
	for (int i = 0; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_pushstring(L, quizdir());
	if (host_call(L, "recordcmd", "main", 3, 3) != LUA_OK)
		return engine_failed(L);
	rc = (int)lua_tointeger(L, -3);
	text = lua_tolstring(L, -2, &len);
	fwrite(text, 1, len, stdout);
	text = lua_tolstring(L, -1, &len);
	fwrite(text, 1, len, stderr);
	lua_pop(L, 3);
	return rc;
}

static int is_records_cmd(const char *name)
{
	static const char *const cmds[] = { "grade", "regrade", "history", "report", "forget",
					    "migrate", NULL };

	for (const char *const *c = cmds; *c; c++)
		if (!strcmp(name, *c))
			return 1;
	return 0;
}

/* --help: the usage, with the modes Lua knows. */
static int cmd_help(lua_State *L)
{
	modes_call(L, "usage_text", NULL);
	printf(usage_text, lua_tostring(L, -1));
	lua_pop(L, 1);
	return TB_EXIT_OK;
}

/* The command named on the command line; the Lua state is open. */
static int dispatch(lua_State *L, int argc, char **argv)
{
	int rc;

	if (argc > 1 && !strcmp(argv[1], "--help"))
		rc = cmd_help(L);
	else if (argc < 2 || (argv[1][0] == '-' && argv[1][1] == '-'))
		rc = cmd_menu(L, argc - 1, argv + 1);
	else if (!strcmp(argv[1], "run"))
		rc = cmd_run(L, argc - 2, argv + 2);
	else if (!strcmp(argv[1], "check"))
		rc = cmd_check(L, argc - 2, argv + 2);
	else if (!strcmp(argv[1], "list"))
		rc = cmd_list(L, argc - 2, argv + 2);
	else if (!strcmp(argv[1], "stats"))
		rc = cmd_stats(L, argc - 2, argv + 2);
	else if (!strcmp(argv[1], "export") || !strcmp(argv[1], "import") || !strcmp(argv[1], "new"))
		rc = cmd_convert(L, argv[1], argc - 2, argv + 2);
	else if (!strcmp(argv[1], "serve"))
		rc = serve_main(L, argc - 2, argv + 2, quizdir());
	else if (is_records_cmd(argv[1]))
		rc = cmd_records(L, argv[1], argc - 2, argv + 2);
	else if (!strcmp(argv[1], "review")) {
		argv[1] = (char *)"--review";   /* review [opts] is run --review [opts] */
		rc = cmd_run(L, argc - 1, argv + 1);
	} else
		rc = usage_error("unknown command '%s'", argv[1]);
	return rc;
}

struct main_args {
	int argc;
	char **argv;
	int rc;
};

/*
 * Every command runs inside this one protected call, as lua.c's pmain
 * does: a Lua error raised while C uses the state (out of memory, a value
 * of the wrong type from the engine) becomes a message and exit 70, never
 * Lua's panic and an abort.
 */
static int protected_main(lua_State *L)
{
	struct main_args *a = lua_touserdata(L, 1);

	lua_pop(L, 1);
	a->rc = dispatch(L, a->argc, a->argv);
	return 0;
}

static int main_traceback(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	luaL_traceback(L, L, msg ? msg : "(error object is not a string)", 1);
	return 1;
}

static int is_conversion(int argc, char **argv)
{
	return argc >= 2 && (!strcmp(argv[1], "export") || !strcmp(argv[1], "import") ||
			     !strcmp(argv[1], "new"));
}

int main(int argc, char **argv)
{
	lua_State *L;
	struct main_args a = { argc, argv, 0 };

	if (argc > 1 && !strcmp(argv[1], "--version")) {
		printf("teachback %s\n", TB_VERSION);
		return TB_EXIT_OK;
	}
	L = host_open_command();
	if (!L) {
		fputs("teachback: cannot start Lua (out of memory)\n", stderr);
		return 70;
	}
	/* A conversion keeps nearly all it builds until it writes it out, so
	 * the collector's cycles each time the heap doubles mostly walk live
	 * data: at four times, a 1 MB GIFT import takes 7 M instructions
	 * fewer (4%), and a 16 MB one peaks at 142 MB instead of 119 MB. */
	if (is_conversion(argc, argv))
		lua_gc(L, LUA_GCINC, 400, 0, 0);
	lua_pushcfunction(L, main_traceback);
	lua_pushcfunction(L, protected_main);
	lua_pushlightuserdata(L, &a);
	if (lua_pcall(L, 1, 0, 1) != LUA_OK)
		a.rc = engine_failed(L);
	/* Closed only if a store or a file writer must be finished (a 2 MB
	 * quiz's check leaves some 100,000 objects, a 1 MB GIFT import as
	 * many: the exit gives their memory back at once). */
	host_end(L);
	return a.rc;
}
