#!/bin/sh
# The web server's HTTP tests (tests/web/http.js): the real binary on
# 127.0.0.1, a free port, a throw-away store.  Ends with "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 1
exec node tests/web/http.js
