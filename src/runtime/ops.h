/* Helpers that compiled code calls for the bytecode instructions it does
 * not emit inline.  Each mirrors its TARGET() in Python/ceval.c. */
#ifndef PYSTON_RUNTIME_OPS_H
#define PYSTON_RUNTIME_OPS_H

#include "cpython.h"

/* SP points one past the top of the value stack before the instruction.
 * A helper leaves its results on the stack where the interpreter would.
 * Returns 0, or for branches 1 when the jump is taken; -1 on error, with
 * the exception set and f->stacktop covering what is left on the stack,
 * as the interpreter has it at `goto error`. */
typedef int (*pyston_op_fn)(PyThreadState *ts, _PyInterpreterFrame *f,
                            PyObject **sp, int oparg);

typedef enum {
    PYSTON_OP_NONE,   /* no helper: the compiler emits it, or bails out */
    PYSTON_OP_STACK,  /* returns 0 or -1 */
    PYSTON_OP_BRANCH, /* returns 0 (fall through), 1 (jump) or -1 */
} pyston_op_kind;

typedef struct {
    pyston_op_fn fn;
    pyston_op_kind kind;
} pyston_op_helper;

extern const pyston_op_helper pyston_op_helpers[256];

/* CALL takes the names of its keyword arguments (KW_NAMES) as a fifth
 * argument; the compiler pairs them statically. */
int pyston_op_call(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp,
                   int oparg, PyObject *kwnames);

#endif
