# Pyston: a JIT compiler for stock CPython 3.11.  See README.md.
PYTHON    ?= /usr/bin/python3.11
CC        ?= gcc
EXT_SUFFIX := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
PY_INCLUDE := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
CFLAGS    ?= -O2 -g
WARN      := -std=c11 -Wall -Wextra -Werror
CPPFLAGS  += -Isrc -I$(PY_INCLUDE)

JIT_SRCS  := $(wildcard src/*.c src/*/*.c)
JIT_HDRS  := $(wildcard src/*.h src/*/*.h)
JIT_EXT   := pyston/_jit$(EXT_SUFFIX)
BUILD     := build

.PHONY: all demo test test-c test-py test-core test-cpython bench bench-quick clean
all: $(JIT_EXT)

$(JIT_EXT): $(JIT_SRCS) $(JIT_HDRS) Makefile
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS) -fPIC -shared -fvisibility=hidden \
	    -o $@ $(JIT_SRCS)

demo: all
	PYSTON_STATS=1 bin/pyston examples/demo.py

# C unit tests: each tests/c/test_X.c links with the JIT sources that need
# no Python (the option parser, the assembler).
PURE_SRCS := src/options.c $(wildcard src/x86/*.c)
C_TESTS := $(patsubst tests/c/%.c,$(BUILD)/c/%,$(wildcard tests/c/test_*.c))
$(BUILD)/c/test_%: tests/c/test_%.c $(PURE_SRCS) $(JIT_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -Isrc -o $@ $< $(PURE_SRCS)

test-c: $(C_TESTS)
	@for t in $(C_TESTS); do $$t || exit 1; done

test-py: all
	$(PYTHON) -m pytest -q tests

test-core: all
	$(PYTHON) tests/cpython/run_suite.py --tests core

test: test-c test-py test-core

test-cpython: all
	$(PYTHON) tests/cpython/run_suite.py --tests all

bench: all
	$(PYTHON) bench/run.py $(BENCH_ARGS)

bench-quick: all
	$(PYTHON) bench/run.py --quick

clean:
	rm -rf $(BUILD) pyston/_jit*.so
