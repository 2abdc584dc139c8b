/*
 * fuzz_check.c -- `teachback check` of one quiz with its material.  The
 * input is the quiz file, then for each material document a line "%%%%"
 * and the document (at most FUZZ_DOCS).  Each is written to a private
 * folder, as material/ID.md when it starts with front matter naming an id
 * (so a quiz's sources can resolve), else material/docN.md, because check
 * reads a quiz's material from the folder beside it.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

#define FUZZ_DOCS 8

/* The id in the front matter's first lines, if it is a plain one. */
static void doc_name(const uint8_t *d, size_t n, int i, char *out, size_t size)
{
	size_t scan = n < 512 ? n : 512;

	snprintf(out, size, "doc%d", i);
	if (scan < 4 || memcmp(d, "---\n", 4) != 0)
		return;
	for (size_t p = 3; p + 5 < scan; p++) {
		size_t k = 0;

		if (d[p] != '\n' || memcmp(d + p + 1, "id: ", 4) != 0)
			continue;
		p += 5;
		while (p + k < scan && k < 64 && ((d[p + k] >= 'a' && d[p + k] <= 'z') ||
		       (d[p + k] >= '0' && d[p + k] <= '9') || d[p + k] == '-'))
			k++;
		if (k && p + k < scan && d[p + k] == '\n')
			snprintf(out, size, "%.*s", (int)k, (const char *)d + p);
		return;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lua_State *L = fuzz_engine();
	char quiz[128], mdir[128], docs[FUZZ_DOCS][224];
	int ndocs = 0;
	size_t head;
	const uint8_t *rest;

	snprintf(quiz, sizeof quiz, "%s/quiz.yaml", fuzz_dir());
	snprintf(mdir, sizeof mdir, "%s/material", fuzz_dir());
	mkdir(mdir, 0700);
	fuzz_split(data, size, &head, &rest, &size);
	fuzz_write(quiz, data, head);
	while (rest && ndocs < FUZZ_DOCS) {
		const uint8_t *doc = rest;
		size_t len;
		char name[80];

		fuzz_split(doc, size, &len, &rest, &size);
		doc_name(doc, len, ndocs + 1, name, sizeof name);
		snprintf(docs[ndocs], sizeof docs[ndocs], "%s/%s.md", mdir, name);
		fuzz_write(docs[ndocs++], doc, len);
	}
	lua_pushstring(L, quiz);
	lua_createtable(L, ndocs, 0);
	for (int i = 0; i < ndocs; i++) {
		lua_pushstring(L, docs[i]);
		lua_rawseti(L, -2, i + 1);
	}
	fuzz_call(L, "check", 2);
	for (int i = 0; i < ndocs; i++)
		unlink(docs[i]);
	return 0;
}
