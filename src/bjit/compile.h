/* Tier 1: the baseline compiler.  One pass over a code object's bytecode
 * emits x86-64 for every instruction; see docs/tier1.md. */
#ifndef PYSTON_BJIT_COMPILE_H
#define PYSTON_BJIT_COMPILE_H

#include "cpython.h"

/* Compiled code: runs FRAME (fresh, not yet started) to completion and
 * returns what it returns, as _PyEval_EvalFrameDefault would. */
typedef PyObject *(*pyston_entry)(PyThreadState *ts, _PyInterpreterFrame *frame);

typedef struct {
    pyston_entry entry;
    size_t size;
} pyston_compiled;

/* Compiles CO; returns 0, or -1 (no exception set) if it cannot be
 * compiled — the code then runs in the interpreter. */
int pyston_bjit_compile(PyCodeObject *co, pyston_compiled *out);

#endif
