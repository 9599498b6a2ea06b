/* What the instruction helpers (ops*.c) share: the names ceval.c uses for
 * the value stack, and the helpers' signature. */
#ifndef PYSTON_RUNTIME_OPS_INTERNAL_H
#define PYSTON_RUNTIME_OPS_INTERNAL_H

#include "runtime/ops.h"

/* Defines pyston_op_NAME, the helper of instruction NAME (a pyston_op_fn). */
#define OP(name)                                                                             \
    int pyston_op_##name(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg, \
                         void *cache)
#define UNUSED_ARGS (void)ts, (void)f, (void)sp, (void)oparg, (void)cache
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define NAME(i) PyTuple_GET_ITEM(f->f_code->co_names, (i))
#define CONST(i) PyTuple_GET_ITEM(f->f_code->co_consts, (i))

/* The interned string TEXT, made on first use and kept (as CPython keeps
 * its _Py_ID strings), so hot instructions do not build names each time. */
#define INTERNED(var, text)      \
    static PyObject *var##_cache; \
    PyObject *var = interned(&var##_cache, text)

static inline PyObject *interned(PyObject **cache, const char *text)
{
    if (*cache == NULL)
        *cache = PyUnicode_InternFromString(text);
    return *cache;
}

/* `goto error` with the stack ending at TOP. */
static inline int error_at(_PyInterpreterFrame *f, PyObject **top)
{
    f->stacktop = (int)(top - f->localsplus);
    return -1;
}

/* Helpers defined outside ops.c, for its table (OP, not a wrapper macro:
 * the opcode names are macros too). */

OP(GET_AWAITABLE);
OP(GET_AITER);
OP(GET_ANEXT);
OP(END_ASYNC_FOR);
OP(ASYNC_GEN_WRAP);
OP(CHECK_EG_MATCH);
OP(PREP_RERAISE_STAR);
OP(IMPORT_STAR);
OP(SETUP_ANNOTATIONS);
OP(PRINT_EXPR);

/* Mirrors check_except_type_valid (Python/ceval.c). */
int pyston_check_except_type_valid(PyObject *right);

#endif
