/*
 * fuzz.h -- what the fuzz harnesses in tests/fuzz share.
 *
 * Each harness is one LLVMFuzzerTestOneInput.  Built with clang and
 * -fsanitize=fuzzer,address,undefined it is a libFuzzer target (`make
 * fuzz`); built with the project's compiler and replay.c it is a plain
 * program that feeds it files, which is how `make test` replays every
 * corpus through every harness.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <lua.h>

/* 1 unless the harness defines it 0: whether libFuzzer is fed the
 * engine's Lua line edges (common.c). */
extern const int fuzz_lua_edges;

/* What a harness sets up once, before the first input (common.c has an
 * empty default). */
void fuzz_start(lua_State *L);

/* The one engine state, with tests/fuzz/harness.lua loaded (created on first use). */
lua_State *fuzz_engine(void);

/* Call harness.lua's fn with the nargs values on the stack; a returned
 * message is a finding.  The stack is left as it was below the args. */
void fuzz_call(lua_State *L, const char *fn, int nargs);

/* Report a finding: abort under libFuzzer (so it keeps the input), or
 * count it in a replay. */
void fuzz_finding(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int fuzz_findings;

/* A private folder for inputs the engine reads from files, and a writer. */
const char *fuzz_dir(void);
void fuzz_write(const char *path, const void *data, size_t size);

/* The input as material.c reads a file "doc.md": pushes (doc, where),
 * or (nil, message). */
void fuzz_push_material(lua_State *L, const uint8_t *data, size_t size);

/* Split an input after the first "\n%%%%\n": head is the length before it
 * (its newline kept); tail is what follows, or NULL when there is none. */
void fuzz_split(const uint8_t *data, size_t size, size_t *head, const uint8_t **tail,
		size_t *tail_size);

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
