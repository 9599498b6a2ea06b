/* Helpers that compiled code calls for the bytecode instructions it does
 * not emit inline.  Each mirrors its TARGET() in Python/ceval.c. */
#ifndef PYSTON_RUNTIME_OPS_H
#define PYSTON_RUNTIME_OPS_H

#include "cpython.h"

/* SP points one past the top of the value stack before the instruction.
 * A helper leaves its results on the stack where the interpreter would.
 * Returns 0, or for branches 1 when the jump is taken; -1 on error, with
 * the exception set and f->stacktop covering what is left on the stack,
 * as the interpreter has it at `goto error`.  CACHE is the instruction's
 * own inline cache (src/ic/ic.h), for helpers that have one. */
typedef int (*pyston_op_fn)(PyThreadState *ts, _PyInterpreterFrame *f,
                            PyObject **sp, int oparg, void *cache);

typedef enum {
    PYSTON_OP_NONE,   /* no helper: the compiler emits it, or bails out */
    PYSTON_OP_STACK,  /* returns 0 or -1 */
    PYSTON_OP_BRANCH, /* returns 0 (fall through), 1 (jump) or -1 */
    PYSTON_OP_STACK_OR_INTERPRETER, /* 0, -1, or 2: the interpreter must run it */
    PYSTON_OP_STACK_OR_RERAISE, /* 0, or 1: unwind without a traceback entry */
} pyston_op_kind;

typedef struct {
    pyston_op_fn fn;
    pyston_op_kind kind;
    uint16_t cache_size; /* bytes of inline cache per site; 0: none */
} pyston_op_helper;

extern const pyston_op_helper pyston_op_helpers[256];

/* What BINARY_OP OPARG calls (binary_ops[] of ceval.c): PyNumber_Add, ... */
binaryfunc pyston_binary_op_fn(int oparg);

/* The generic helpers, for the slow paths of the cached ones. */
int pyston_op_LOAD_GLOBAL(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                          void *cache);
int pyston_op_LOAD_ATTR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                        void *cache);
int pyston_op_LOAD_METHOD(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                          void *cache);
int pyston_op_STORE_ATTR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                         void *cache);
int pyston_op_BINARY_OP(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                        void *cache);
int pyston_op_COMPARE_OP(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                         void *cache);
int pyston_op_BINARY_SUBSCR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                            void *cache);

/* The first ASYNC_GEN_WRAP runs in the interpreter; what it yields shows
 * compiled code the wrapper type (see ops_async.c). */
void pyston_learn_async_gen_wrapper(PyObject *yielded);

/* CALL takes the names of its keyword arguments (KW_NAMES) as a fifth
 * argument; the compiler pairs them statically. */
int pyston_op_call(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp,
                   int oparg, PyObject *kwnames);

#endif
