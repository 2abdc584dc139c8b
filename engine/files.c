/*
 * files.c -- the only place that touches the file system.
 *
 * Whole-file reads with a size cap (content is hostile: a quiz that is a
 * 4 GiB device must not be read into memory), sorted directory listings so
 * `check` and `list` print in a stable order, and the upward search for a
 * quiz's material/ folder.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lauxlib.h>

#include "teachback.h"

#define FS_MAX_LISTED 10000     /* files one listing may return */
#define FS_MAX_DEPTH  16        /* directory levels a listing descends */

/*
 * Read path into a fresh NUL-terminated buffer.  Returns 1, or 0 with a
 * message in err.  Refuses anything that is not a regular file and anything
 * larger than limit, reading at most limit + 1 bytes whatever stat said.
 */
int fs_read(const char *path, size_t limit, char **buf, size_t *len,
	    char *err, size_t errlen)
{
	struct stat st;
	FILE *f;
	char *b;
	size_t n;
	int fd;

	*buf = NULL;
	*len = 0;
	/* O_NONBLOCK: a FIFO named quiz.yaml must not block us before fstat. */
	fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0 || !(f = fdopen(fd, "rb"))) {
		snprintf(err, errlen, "%s: error: cannot open (%s)", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return 0;
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: error: not a regular file", path);
		fclose(f);
		return 0;
	}
	if ((unsigned long long)st.st_size > limit) {
		snprintf(err, errlen, "%s:1:1: error: larger than %zu MiB", path, limit >> 20);
		fclose(f);
		return 0;
	}
	b = malloc((size_t)st.st_size + 2);
	if (!b) {
		snprintf(err, errlen, "%s: error: out of memory", path);
		fclose(f);
		return 0;
	}
	n = fread(b, 1, (size_t)st.st_size + 1, f);
	if (ferror(f) || n > (size_t)st.st_size) {
		snprintf(err, errlen, ferror(f) ? "%s: error: read failed" :
			 "%s: error: file changed while being read", path);
		free(b);
		fclose(f);
		return 0;
	}
	fclose(f);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 1;
}

int fs_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int fs_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Append to the list at the top of the stack; returns the new count. */
static int list_dir(lua_State *L, const char *dir, const char *suffix,
		    int recurse, int depth, int n)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t count = 0, cap = 0;

	if (depth > FS_MAX_DEPTH || !(d = opendir(dir)))
		return n;
	while ((de = readdir(d)) && count < FS_MAX_LISTED) {
		if (de->d_name[0] == '.')
			continue;
		if (count == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof *names);
			if (!grown)
				break;
			names = grown;
		}
		if (!(names[count] = strdup(de->d_name)))
			break;
		count++;
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof *names, cmp_names);
	for (size_t i = 0; i < count; i++) {
		char path[PATH_MAX];

		struct stat st;

		/* lstat: a symlink to a folder is not followed, so links cannot loop. */
		/* "check ." lists quiz.yaml, not ./quiz.yaml. */
		if ((size_t)(strcmp(dir, ".") ? snprintf(path, sizeof path, "%s/%s", dir, names[i]) :
			     snprintf(path, sizeof path, "%s", names[i])) < sizeof path &&
		    n < FS_MAX_LISTED && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				if (recurse)
					n = list_dir(L, path, suffix, recurse, depth + 1, n);
			} else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) &&
				   has_suffix(names[i], suffix)) {
				lua_pushstring(L, path);
				lua_rawseti(L, -2, ++n);
			}
		}
		free(names[i]);
	}
	free(names);
	return n;
}

/* Push a sorted list of the files under dir whose names end in suffix. */
int fs_list(lua_State *L, const char *dir, const char *suffix, int recurse)
{
	size_t len = strlen(dir);
	char clean[PATH_MAX];

	/* "quizzes/" and "quizzes" list the same paths. */
	if (len >= sizeof clean)
		len = sizeof clean - 1;
	memcpy(clean, dir, len);
	clean[len] = '\0';
	while (len > 1 && clean[len - 1] == '/')
		clean[--len] = '\0';
	lua_newtable(L);
	return list_dir(L, clean, suffix, recurse, 0, 0);
}

/* Messages read better with paths as the user typed them: strip the cwd. */
static void relative_to_cwd(char *path)
{
	char cwd[PATH_MAX];
	size_t n;

	if (!getcwd(cwd, sizeof cwd))
		return;
	n = strlen(cwd);
	if (strncmp(path, cwd, n) == 0 && path[n] == '/')
		memmove(path, path + n + 1, strlen(path + n + 1) + 1);
}

/* "a/./b/../c" -> "a/c" by the letters alone ("" -> "."). */
static void tidy_path(char *p)
{
	char *seg[PATH_MAX / 2];
	size_t n = 0, len;
	int absolute = p[0] == '/';
	char *tok, *save = NULL;
	char out[PATH_MAX] = "";

	for (tok = strtok_r(p, "/", &save); tok && n < PATH_MAX / 2;
	     tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..") && n > 0 && strcmp(seg[n - 1], ".."))
			n--;
		else if (!(absolute && n == 0 && !strcmp(tok, "..")))
			seg[n++] = tok;
	}
	len = 0;
	if (absolute)
		out[len++] = '/';
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(out + len, sizeof out - len, "%s%s", i ? "/" : "", seg[i]);

		if (w < 0 || (size_t)w >= sizeof out - len)
			return;         /* too long to tidy: keep what we were given */
		len += (size_t)w;
	}
	if (len == 0)
		out[len++] = '.';
	out[len] = '\0';
	memcpy(p, out, len + 1);
}

/*
 * The folder found, written from start as the user typed it
 * ("../author/quiz.yaml" -> "../author/material"), when that names the
 * same folder; else found relative to the working folder.
 */
static void as_typed(const char *start, int ups, const char *name,
		     char *found, size_t foundlen)
{
	char typed[PATH_MAX], real_typed[PATH_MAX], real_found[PATH_MAX];
	const char *slash = strrchr(start, '/');
	size_t len = slash ? (size_t)(slash - start) + (slash == start) : 1;
	size_t need = len + 3 * (size_t)ups + strlen(name) + 2;

	if (need < sizeof typed) {
		memcpy(typed, slash ? start : ".", len);
		typed[len] = '\0';
		while (ups-- > 0)
			strcat(typed, "/..");
		strcat(typed, "/");
		strcat(typed, name);
		tidy_path(typed);
		/* Letters alone can be fooled by symlinks: the typed path must lead there. */
		if (realpath(typed, real_typed) && realpath(found, real_found) &&
		    !strcmp(real_typed, real_found) && strlen(typed) < foundlen) {
			memcpy(found, typed, strlen(typed) + 1);
			return;
		}
	}
	relative_to_cwd(found);
}

/*
 * Find the nearest folder called name at or above the folder of start (a
 * file).  Writes its path to out and returns 1, or returns 0.
 */
int fs_find_up(const char *start, const char *name, char *out, size_t outlen)
{
	char dir[PATH_MAX];
	char *slash;
	int ups = 0;

	if (!realpath(start, dir))
		return 0;
	slash = strrchr(dir, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	for (;;) {
		if ((size_t)snprintf(out, outlen, "%s/%s", dir, name) < outlen &&
		    fs_is_dir(out))
			return as_typed(start, ups, name, out, outlen), 1;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			return 0;
		*slash = '\0';
		ups++;
	}
}
