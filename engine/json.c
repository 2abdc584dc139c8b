/*
 * json.c -- strict JSON syntax for answers files named *.json.
 *
 * JSON is YAML, so yaml.c builds the values (with a position for every
 * one).  But YAML is looser: {"a": "A",} or a bare word would be read
 * without a word, and a batch user who wrote JSON expects a JSON error.
 * jansson checks the syntax first; its message and position are passed on.
 */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "teachback.h"

/* Is name a .json file? */
int json_named(const char *name)
{
	size_t n = strlen(name);

	return n >= 5 && !strcmp(name + n - 5, ".json");
}

/*
 * Returns 1 when buf is one JSON value, else 0 with
 * "NAME:LINE:COL: error: not valid JSON: ..." in err.
 */
int json_syntax_ok(const char *buf, size_t len, const char *name,
		   char *err, size_t errlen)
{
	json_error_t e;
	json_t *v = json_loadb(buf, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &e);

	if (v) {
		json_decref(v);
		return 1;
	}
	/* jansson quotes the input near the error: no control character
	   (an ESC could rewrite the terminal) reaches the message. */
	for (unsigned char *c = (unsigned char *)e.text; *c; c++)
		if (*c < 0x20 || *c == 0x7F || (*c == 0xC2 && c[1] >= 0x80 && c[1] <= 0x9F))
			*c = '?';
	/* {"a": "A",} -- the commonest slip deserves its name. */
	snprintf(err, errlen, "%s:%d:%d: error: not valid JSON: %s%s", name,
		 e.line > 0 ? e.line : 1, e.column > 0 ? e.column : 1, e.text,
		 strstr(e.text, "expected near '}'") || strstr(e.text, "expected near ']'") ?
		 " (a comma after the last entry?)" : "");
	return 0;
}
