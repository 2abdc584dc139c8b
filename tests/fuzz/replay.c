/*
 * replay.c -- a main for a fuzz harness built without libFuzzer: feeds it
 * every file named, or found in the folders named, one input per file, and
 * ends with "NAME: N passed, N failed".  `make test` runs every corpus
 * through every harness this way, so a fixed finding stays fixed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "teachback.h"
#include "fuzz.h"

static long passed, failed;

static void replay_file(const char *path)
{
	char err[TB_ERRLEN], *buf;
	size_t len;
	int before = fuzz_findings;

	/* Inputs are small by design (-max_len); the file cap is plenty. */
	if (!fs_read(path, TB_MAX_FILE, &buf, &len, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		failed++;
		return;
	}
	LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	if (fuzz_findings > before) {
		fprintf(stderr, "[  FAILED  ] fuzz replay: %s\n", path);
		failed++;
	} else {
		passed++;
	}
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void replay_path(const char *path)
{
	struct dirent **names;
	struct stat st;
	int n;

	if (stat(path, &st) != 0) {
		perror(path);
		failed++;
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	n = scandir(path, &names, NULL, by_name);
	for (int i = 0; i < n; i++) {
		char sub[4096];

		if (names[i]->d_name[0] != '.') {
			snprintf(sub, sizeof sub, "%s/%s", path, names[i]->d_name);
			replay_path(sub);
		}
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		replay_path(argv[i]);
	printf("%s: %ld passed, %ld failed\n", name, passed, failed);
	return failed != 0;
}
