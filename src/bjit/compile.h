/* Tier 1: the baseline compiler.  One pass over a code object's bytecode
 * emits x86-64 for every instruction; see docs/tier1.md. */
#ifndef PYSTON_BJIT_COMPILE_H
#define PYSTON_BJIT_COMPILE_H

#include "cpython.h"

/* Compiled code: runs FRAME (fresh, or a generator's frame resumed after a
 * yield) until it returns or yields, and returns what
 * _PyEval_EvalFrameDefault would. */
typedef PyObject *(*pyston_entry)(PyThreadState *ts, _PyInterpreterFrame *frame);

typedef struct {
    pyston_entry entry;
    size_t size;
    void *caches; /* the inline caches of its instructions (src/ic/ic.h) */
    /* The cache hits of each site, counted by the site in its own word,
     * just before its cache (these are their offsets in the caches block):
     * one global counter would chain every hit of the process through a
     * single memory location. */
    uint32_t *hit_at;
    uint32_t nhits;
} pyston_compiled;

/* Code whose frames live in a generator, coroutine or async generator:
 * the first call runs RETURN_GENERATOR, which makes the generator and
 * moves the frame into it; each resumption enters the code again. */
static inline bool pyston_is_generator(PyCodeObject *co)
{
    return co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR);
}

/* Compiles CO; returns 0, or -1 (no exception set) if it cannot be
 * compiled — the code then runs in the interpreter. */
int pyston_bjit_compile(PyCodeObject *co, pyston_compiled *out);

/* Frees what pyston_bjit_compile made. */
void pyston_bjit_free(pyston_compiled *compiled);

#endif
