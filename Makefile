# Pyston: a JIT compiler for stock CPython 3.11.  See README.md.
PYTHON    ?= /usr/bin/python3.11
CC        ?= gcc
EXT_SUFFIX := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
PY_INCLUDE := $(shell $(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
CFLAGS    ?= -O2 -g
WARN      := -std=c11 -Wall -Wextra -Werror

JIT_SRCS  := $(wildcard src/*.c src/*/*.c)
JIT_HDRS  := $(wildcard src/*.h src/*/*.h)
JIT_EXT   := pyston/_jit$(EXT_SUFFIX)
BUILD     := build

.PHONY: all demo test test-c test-py test-core test-cpython bench bench-quick clean
all: $(JIT_EXT)

# The release build: CPython's inline helpers without their asserts, as
# extensions built by setuptools have them; the debug, ASan and planted
# builds keep them.
$(JIT_EXT): $(JIT_SRCS) $(JIT_HDRS) Makefile
	$(call jit_ext,$(PY_INCLUDE),-DNDEBUG -flto=auto)

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

test: test-c test-py test-core test-fuzz-quick

test-cpython: all
	$(PYTHON) tests/cpython/run_suite.py --tests all

bench: all
	$(PYTHON) bench/run.py $(BENCH_ARGS)

bench-quick: all
	$(PYTHON) bench/run.py --quick

clean:
	rm -rf $(BUILD) pyston/_jit*.so

# ---------------------------------------------------------------------------
# Reliability harness (docs/reliability.md): differential fuzzing, refcount
# leaks on Debian's debug interpreter, sanitizers, and planted bugs that show
# each tool catches what it is for.
DBG_PYTHON   ?= /usr/bin/python3.11-dbg
DBG_EXT      := pyston/_jit$(subst -311-,-311d-,$(EXT_SUFFIX))
DBG_INCLUDE  := $(PY_INCLUDE)d
ASAN_CFLAGS  := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
                -fno-sanitize-recover=undefined
PLANT_CFLAGS := -DPYSTON_PLANT_BUGS -Itests/reliability
ASAN_EXT     := $(BUILD)/asan/pyston/_jit$(EXT_SUFFIX)
PLANT_EXT    := $(BUILD)/planted/pyston/_jit$(EXT_SUFFIX)
PLANT_DBG_EXT := $(BUILD)/planted/pyston/_jit$(subst -311-,-311d-,$(EXT_SUFFIX))
PLANT_ASAN_EXT := $(BUILD)/planted-asan/pyston/_jit$(EXT_SUFFIX)
FUZZ_QUICK   := -n 40 --seed 1050
REFLEAK_ARGS ?=

.PHONY: fuzz test-fuzz-quick dbg test-refleaks asan test-asan planted test-planted \
        test-reliability

# $(call jit_ext,INCLUDE DIR,EXTRA CFLAGS): the link line of the extension.
# No SLP vectorizing: it merges a helper's reads of two adjacent stack
# entries into one 16-byte load, which stalls on the two 8-byte stores that
# compiled code has just made (a failed store-to-load forwarding).
jit_ext = $(CC) $(WARN) $(CFLAGS) -fno-tree-slp-vectorize $(2) -Isrc -I$(1) -fPIC -shared \
          -fvisibility=hidden -o $@ $(JIT_SRCS)

# build/VARIANT/: a copy of the launcher and the package's Python files, so
# that build/VARIANT/bin/pyston runs the extension built into that tree.
$(BUILD)/%/.tree: bin/pyston $(wildcard pyston/*.py pyston/_boot/*.py)
	@mkdir -p $(@D)/bin $(@D)/pyston/_boot
	cp bin/pyston $(@D)/bin/
	cp pyston/*.py $(@D)/pyston/
	cp pyston/_boot/*.py $(@D)/pyston/_boot/
	@touch $@

# build/VARIANT/bin/pyston-asan: that tree's pyston with the sanitizer runtime
# preloaded (/usr/bin/python3.11 is not instrumented) and malloc for every
# Python allocation (pymalloc's arenas would hide overflows).
$(BUILD)/%/bin/pyston-asan: $(BUILD)/%/.tree Makefile
	printf '%s\n' '#!/bin/sh' \
	    '# pyston with a JIT built with AddressSanitizer and UBSan (make asan).' \
	    'export LD_PRELOAD="$(shell $(CC) -print-file-name=libasan.so)$${LD_PRELOAD:+ $$LD_PRELOAD}"' \
	    'export ASAN_OPTIONS="$${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1:handle_abort=1}"' \
	    'export UBSAN_OPTIONS="$${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"' \
	    'export PYTHONMALLOC=malloc' \
	    'exec "$${0%/*}/pyston" "$$@"' > $@
	chmod +x $@

# Differential fuzzing: make fuzz [N=10000] [SEED=S] [FUZZ_ARGS=...]
fuzz: all
	$(PYTHON) tests/fuzz/fuzz.py -n $(or $(N),1000) $(if $(SEED),--seed $(SEED)) $(FUZZ_ARGS)

# The fixed-seed batch that make test runs.
test-fuzz-quick: all
	$(PYTHON) tests/fuzz/fuzz.py -q $(FUZZ_QUICK)

# The extension for Debian's debug interpreter (cpython-311d), next to the
# normal one: PYSTON_PYTHON=$(DBG_PYTHON) bin/pyston runs it.
dbg: $(DBG_EXT)
$(DBG_EXT): $(JIT_SRCS) $(JIT_HDRS) Makefile
	$(call jit_ext,$(DBG_INCLUDE),)

test-refleaks: all dbg
	$(PYTHON) tests/reliability/refleaks.py $(REFLEAK_ARGS)

asan: $(ASAN_EXT) $(BUILD)/asan/bin/pyston-asan
$(ASAN_EXT): $(JIT_SRCS) $(JIT_HDRS) Makefile $(BUILD)/asan/.tree
	$(call jit_ext,$(PY_INCLUDE),$(ASAN_CFLAGS))

test-asan: asan
	$(PYTHON) tests/reliability/lang_check.py --candidate $(BUILD)/asan/bin/pyston-asan
	$(PYTHON) tests/fuzz/fuzz.py -q $(FUZZ_QUICK) --candidate $(BUILD)/asan/bin/pyston-asan

# The JIT with the planted bugs of tests/reliability/planted_bugs.h, built
# for stock, for the debug interpreter and with the sanitizers.
planted: $(PLANT_EXT) $(PLANT_DBG_EXT) $(PLANT_ASAN_EXT) $(BUILD)/planted-asan/bin/pyston-asan
$(PLANT_EXT): $(JIT_SRCS) $(JIT_HDRS) tests/reliability/planted_bugs.h Makefile $(BUILD)/planted/.tree
	$(call jit_ext,$(PY_INCLUDE),$(PLANT_CFLAGS))
$(PLANT_DBG_EXT): $(JIT_SRCS) $(JIT_HDRS) tests/reliability/planted_bugs.h Makefile $(BUILD)/planted/.tree
	$(call jit_ext,$(DBG_INCLUDE),$(PLANT_CFLAGS))
$(PLANT_ASAN_EXT): $(JIT_SRCS) $(JIT_HDRS) tests/reliability/planted_bugs.h Makefile $(BUILD)/planted-asan/.tree
	$(call jit_ext,$(PY_INCLUDE),$(ASAN_CFLAGS) $(PLANT_CFLAGS))

test-planted: planted
	PYSTON_PLANTED_BUILD=$(BUILD) $(PYTHON) -m pytest -q tests/reliability/test_planted.py

test-reliability: test-fuzz-quick test-planted test-asan test-refleaks
