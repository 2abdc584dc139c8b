# teachback: build, test and run.
#
#   make            build build/teachback
#   make run        install missing packages, build, open the quiz menu
#   make test       install missing packages, build, run every test
#   make test-browser-full  every browser flow at both sizes (make test: one each)
#   make sanitize   the whole test suite under AddressSanitizer and UBSan
#   make bench      speed and memory figures (scripts/bench)
#   make fuzz       each libFuzzer harness (tests/fuzz) for FUZZ_SECONDS (600)
#   make killtest   the records store under 50 + 50 SIGKILLs (tests/records-kill.sh)
#   make actnow-model  teach-back's second reader taught again (scripts/train-actnow)
#   make install    PREFIX=/usr/local: bin/teachback, share/teachback/quizzes,
#                   share/man/man1/teachback.1, share/man/man5/teachback-quiz.5

.DELETE_ON_ERROR:
.PHONY: all run test check sanitize bench deps clean install FORCE fuzz fuzz-targets killtest actnow-model \
        test-browser-full
# Test objects are kept, so a second `make test` does not compile again.
.SECONDARY:

BUILD      ?= build
PKG_CONFIG ?= pkg-config
PREFIX     ?= /usr/local
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
QUIZDIR    ?= $(CURDIR)/quizzes
OPT        ?= -O2 -g

DEPS_CFLAGS = $(shell $(PKG_CONFIG) --cflags lua5.4 yaml-0.1 jansson sqlite3 libpq)
# sqlite3 and libpq are not linked: the store opens them with dlopen when
# a command first uses a store (store_load_library), so the others start
# without them.
# zlib: crc32 for the zip of a QTI package (engine/outfile.c).
# nettle: SHA-256 (engine/speech.c) names the read-aloud cache's files and
# hashes the web's tokens in the store (web.lua).
DEPS_CFLAGS += $(shell $(PKG_CONFIG) --cflags zlib nettle)
# Lua, jansson, zlib and nettle are linked statically (the .a files of the
# same -dev packages): every command starts with the dynamic linker
# finding and relocating each shared library, which was half the CPU of
# `teachback --version` (1.0 -> 0.6 ms) and 0.4 MB of a graded attempt's
# peak RSS.  libyaml, which reads every quiz a user hands over, stays a
# shared library, so its security updates reach the binary without a
# rebuild.
DEPS_LIBS   = -Wl,-Bstatic -l:liblua5.4-lpeg.a $(shell $(PKG_CONFIG) --libs lua5.4 jansson zlib nettle) \
              -Wl,-Bdynamic \
              $(shell $(PKG_CONFIG) --libs yaml-0.1) -lm -ldl
# GNU libmicrohttpd: the web server (engine/serve.c), with GnuTLS for TLS.
# Its header only: serve opens the library with dlopen when it starts, so
# no other command loads it or GnuTLS.
DEPS_CFLAGS += $(shell $(PKG_CONFIG) --cflags libmicrohttpd)
DEPS_LIBS   += -lpthread
# LPeg (Debian lua-lpeg-dev), linked in statically (above, before the Lua
# it calls): the GIFT reader's grammar (formats/gift.lua).  Only the
# engine's own state can require it.
DEPS_CFLAGS += $(shell $(PKG_CONFIG) --cflags lua5.4-lpeg)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)
WARN        = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes
ALL_CFLAGS  = $(WARN) -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Iengine $(DEPS_CFLAGS) \
              -DTB_QUIZDIR='"$(QUIZDIR)"' $(OPT) -MMD -MP $(CFLAGS)

ENGINE_SRC = $(filter-out engine/main.c,$(wildcard engine/*.c))
ENGINE_OBJ = $(ENGINE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/luamods.o
LUA_SRC    = $(sort $(shell find engine/lua -name '*.lua'))
TESTS      = test_yaml test_material test_sandbox test_term test_store test_lua test_speech
TEST_BIN   = $(TESTS:%=$(BUILD)/tests/%)
# Fuzz harnesses (tests/fuzz): replayed over the corpora by `make test`
# (built as plain programs with replay.c), fuzzed by `make fuzz` (clang).
FUZZ_NAMES   = yaml matc material check answers teachback import giftc csvc csv form serve
FUZZ_REPLAY  = $(FUZZ_NAMES:%=$(BUILD)/tests/fuzz/fuzz_%)
# FUZZ_MODE is -DFUZZ_LIBFUZZER in the clang build (make fuzz); passing the
# whole FUZZ_DEFS down instead would lose the quotes around the path.
FUZZ_DEFS    = -DFUZZ_HARNESS_LUA='"$(CURDIR)/tests/fuzz/harness.lua"' $(FUZZ_MODE)
FUZZ_SECONDS ?= 600
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all
# The serve harness reads back the response serve.c builds (MHD's headers),
# so the harnesses link the library serve opens with dlopen.
FUZZ_LIBS    = $(shell $(PKG_CONFIG) --libs libmicrohttpd)

all: $(BUILD)/teachback

deps:
	@scripts/install-deps

run: deps
	@$(MAKE) --no-print-directory all
	@$(BUILD)/teachback

test check: deps
	@$(MAKE) --no-print-directory -s $(BUILD)/teachback $(TEST_BIN) $(FUZZ_REPLAY) $(BUILD)/webload
	@BUILD=$(BUILD) tests/run

# make test runs each browser flow at one size (tests/browser/run.js); this
# runs every flow at the phone's and the tablet's, by tapping and by keys.
test-browser-full: deps
	@$(MAKE) --no-print-directory -s $(BUILD)/teachback
	@TEACHBACK_BIN=$(BUILD)/teachback BUILD=$(BUILD) node tests/browser/run.js --full

sanitize: deps
	@$(MAKE) --no-print-directory test BUILD=build-san \
	  OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined"

# clang and its libFuzzer (libclang-rt-14-dev) are needed here only.  gcc
# keeps the warnings in check (-Werror); clang's own extra ones only warn.
fuzz: deps
	@scripts/install-deps fuzz
	@$(MAKE) --no-print-directory -s fuzz-targets BUILD=build-fuzz CC=clang CFLAGS=-Wno-error \
	  OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	  FUZZ_MODE=-DFUZZ_LIBFUZZER
	@FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run $(FUZZ_NAMES)

fuzz-targets: $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)

killtest: deps
	@$(MAKE) --no-print-directory all
	@TEACHBACK_BIN=$(BUILD)/teachback sh tests/records-kill.sh 50

bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench
	@scripts/bench

# Teach-back's second reader (engine/lua/actnow.lua) is taught again from
# the labelled sets; its weights (engine/lua/actnowmodel.lua) are kept in
# the tree, so building and testing never need python3.
actnow-model:
	@scripts/install-deps train
	@scripts/train-actnow

$(BUILD)/teachback: $(BUILD)/engine/main.o $(ENGINE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The engine's Lua is compiled into the binary as bytecode, so it runs from
# anywhere and starts fast.  luamods.list changes when a module is added or
# deleted, so a deleted module does not stay built in.
$(BUILD)/luamods.list: FORCE
	@mkdir -p $(@D)
	@printf '%s\n' $(LUA_SRC) | cmp -s - $@ || printf '%s\n' $(LUA_SRC) > $@

# lexvocab, teach-back's speller's words of the shared lexicon, is made
# from lexicon.lua here (scripts/lexvocab.lua), and the lexicon module
# itself with its classes packed (scripts/lexclasses.lua).  Every module's
# loops over ipairs become numeric loops first (engine/lua/forloops.lua).
$(BUILD)/luamods.c: $(LUA_SRC) $(BUILD)/luamods.list $(BUILD)/embed scripts/lexvocab.lua \
                    scripts/lexclasses.lua
	$(BUILD)/embed engine/lua $(LUA_SRC) --made lexvocab scripts/lexvocab.lua \
	  --made lexicon scripts/lexclasses.lua --rewrite engine/lua/forloops.lua > $@

$(BUILD)/luamods.o: $(BUILD)/luamods.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# embed runs at build time and links Lua to precompile the modules; never
# sanitized, so the sanitizer's options do not reach it.
$(BUILD)/embed: scripts/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -Wall -Wextra -Werror -O1 $(shell $(PKG_CONFIG) --cflags lua5.4) -o $@ $< \
	  $(shell $(PKG_CONFIG) --libs lua5.4)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(ENGINE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS) $(TEST_LIBS)

$(BUILD)/tests/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) -c -o $@ $<

$(BUILD)/tests/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/common.o \
                            $(BUILD)/tests/fuzz/replay.o $(ENGINE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS) $(FUZZ_LIBS)

$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/fuzz_%.o $(BUILD)/tests/fuzz/common.o $(ENGINE_OBJ)
	@mkdir -p $(@D)
	$(CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ $(DEPS_LIBS) $(FUZZ_LIBS)

# The web load generator (scripts/bench-web; a short run in make test).
$(BUILD)/webload: scripts/webload.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(OPT) $(CFLAGS) -o $@ $< $(LDFLAGS)

$(BUILD)/bench: $(BUILD)/scripts/bench.o $(ENGINE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS)

# The installed binary looks for its quizzes under $(DATADIR)/teachback,
# not in this tree: main.c and luahost.c are compiled again for it, each
# time, because PREFIX may differ from one install to the next.
INST_QUIZDIR = $(DATADIR)/teachback/quizzes
INST_OBJ     = $(BUILD)/install/main.o $(BUILD)/install/luahost.o \
               $(filter-out $(BUILD)/engine/luahost.o,$(ENGINE_OBJ))

$(BUILD)/install/%.o: engine/%.c FORCE
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -UTB_QUIZDIR -DTB_QUIZDIR='"$(INST_QUIZDIR)"' -c -o $@ $<

$(BUILD)/install/teachback: $(INST_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEPS_LIBS)

install: $(BUILD)/install/teachback
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(INST_QUIZDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BUILD)/install/teachback $(DESTDIR)$(PREFIX)/bin/teachback
	cp -R quizzes/. $(DESTDIR)$(INST_QUIZDIR)/
	install -m 644 docs/teachback.1 $(DESTDIR)$(MANDIR)/man1/teachback.1
	install -m 644 docs/teachback-quiz.5 $(DESTDIR)$(MANDIR)/man5/teachback-quiz.5

FORCE:

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
