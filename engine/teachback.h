/*
 * teachback.h -- the C core's shared declarations, grouped by the file
 * that defines them.
 *
 * The core is mechanism only: files, YAML, Markdown, the Lua host and the
 * terminal. What a question is, how it is scored and what a mode does all
 * live in engine/lua and reach C as plain tables.
 */
#ifndef TEACHBACK_H
#define TEACHBACK_H

#include <stddef.h>
#include <stdio.h>
#include <lua.h>

#define TB_VERSION "0.1.0"

/* Limits on input, each a clear error when passed. */
#define TB_MAX_FILE     (8u * 1024 * 1024)   /* bytes in a quiz, material or answers file */
#define TB_MAX_DEPTH    64                   /* YAML nesting */
#define TB_MAX_NODES    200000               /* YAML values in one file */
#define TB_MAX_SECTIONS 1000                 /* headings in one material file */
#define TB_ERRLEN       1024                 /* one formatted error message */

/*
 * Whether memory is given back one block at a time before the process
 * exits.  Built with AddressSanitizer (make sanitize, the fuzz builds) it
 * is, so the leak check still finds anything the engine itself leaks;
 * otherwise the exit gives it all back at once (main.c, host_end).
 */
#if defined(__SANITIZE_ADDRESS__)
#define TB_FREE_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TB_FREE_AT_EXIT 1
#endif
#endif
#ifndef TB_FREE_AT_EXIT
#define TB_FREE_AT_EXIT 0
#endif

/* Exit statuses (teachback(1), EXIT STATUS). */
enum { TB_EXIT_OK = 0, TB_EXIT_CHECK = 1, TB_EXIT_USAGE = 2, TB_EXIT_LOAD = 3 };

/* files.c */
int fs_read(const char *path, size_t limit, char **buf, size_t *len,
	    char *err, size_t errlen);
int fs_is_dir(const char *path);
int fs_is_file(const char *path);
int fs_list(lua_State *L, const char *dir, const char *suffix, int recurse);
int fs_find_up(const char *start, const char *name, char *out, size_t outlen);

/* yaml.c */
int yml_push_file(lua_State *L, const char *path, int where);
int yml_push_string(lua_State *L, const char *buf, size_t len,
		    const char *name, int line_offset, int where);
void yml_push_null(lua_State *L);
const char *yml_text_start(const char *buf, size_t len, size_t *skip);
size_t yml_control_at(const char *text, size_t len);

/* json.c */
int json_named(const char *name);
int json_syntax_ok(const char *buf, size_t len, const char *name,
		   char *err, size_t errlen);
/* host.json_encode (json.lua's encoder) into the host table on the stack */
void json_register(lua_State *L);

/* material.c */
int mat_push_file(lua_State *L, const char *path, int where);
int mat_push_string(lua_State *L, const char *buf, size_t len, const char *name,
		    int where);

/* luahost.c */
struct tb_luamod {
	const char *name;       /* as require() names it: "types.single" */
	const char *chunkname;  /* "@engine/lua/types/single.lua" */
	const char *source;     /* bytecode (lua_dump, with debug information) */
	size_t len;
};
extern const struct tb_luamod tb_lua_modules[];

lua_State *host_open(void);
lua_State *host_open_command(void);  /* a command's: small blocks pooled */
void host_close(lua_State *L);
void host_end(lua_State *L);     /* host_close just before the exit */
void host_must_close(lua_State *L);  /* a finalizer must run at the end */
void host_gc_hold(lua_State *L);     /* collector stopped until host.gc_check */
int host_call(lua_State *L, const char *module, const char *fn,
	      int nargs, int nresults);
struct tb_script_use {
	double seconds;         /* in: at most this much CPU time (below the per-script limit) */
	long steps;             /* in: at most this many VM steps */
	double seconds_used;    /* out */
	long steps_used;        /* out */
};
int host_sandbox_run(lua_State *L, const char *code, size_t len,
		     const char *name, lua_Integer seed, struct tb_script_use *use);

/* store.c and csv.c: the `store` and `csv` libraries of the engine's Lua */
int luaopen_store(lua_State *L);
int luaopen_csv(lua_State *L);
int luaopen_lpeg(lua_State *L);      /* Debian lua-lpeg-dev, linked statically */

/* serve.c; serve_load_library opens libmicrohttpd (soname) once, or says
 * in err which library and which Debian package are missing. */
struct MHD_Response;
int serve_main(lua_State *L, int argc, char **argv, const char *quizdir);
int serve_load_library(const char *soname, char *err, size_t errlen);
struct MHD_Response *serve_response(lua_State *L, unsigned *status);

/* outfile.c */
int out_write(const char *path, const char *data, size_t len, char *err, size_t errlen);
void out_register(lua_State *L);

/* speech.c */
int speech_wav(const char *text, size_t len, const char *voice, int wpm,
	       double seconds, size_t max_bytes, char **wav, size_t *wavlen,
	       char *err, size_t errlen);
void speech_register(lua_State *L);

/* shape.c: host.shape, the mechanical half of a node's field checks */
void shape_register(lua_State *L);

/* textfold.c: host.fold (the ASCII half of textnorm's normal form) and host.find_any */
void fold_register(lua_State *L);

/* patquick.c: string.gsub, quick where nothing can match; host.unquick,
 * in the host table at the top */
void patquick_register(lua_State *L);

/* term.c */
struct term_opts {
	int color;      /* ANSI colour and bold */
	int width;      /* wrap column */
	FILE *out;      /* where views go: stdout, or stderr under --json */
};
void term_setup(struct term_opts *o, int plain);
void term_render(lua_State *L, int idx, const struct term_opts *o);
int term_readline(char *buf, size_t size);
void term_reset_interrupt(void);
void term_prompt(const struct term_opts *o, const char *text);
int term_menu(lua_State *L, int idx, const char *title, const struct term_opts *o);
const char *term_say(lua_State *L, char *buf, size_t size, const char *key, const char *arg,
		     long long n);
void term_write_message(FILE *f, const char *s);

#endif
