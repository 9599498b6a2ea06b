/* Python-to-Python calls from compiled code, without vectorcall and the
 * eval-frame hook: the caller pushes the callee's frame and enters its
 * machine code, as the interpreter inlines such calls. */
#ifndef PYSTON_RUNTIME_CALL_H
#define PYSTON_RUNTIME_CALL_H

#include "cpython.h"

/* Code that binds its arguments in the simple way: no varargs or
 * varkeywords, no keyword-only arguments, fast locals. */
static inline bool pyston_binds_simply(PyCodeObject *co)
{
    int mask = CO_OPTIMIZED | CO_VARARGS | CO_VARKEYWORDS;
    return (co->co_flags & mask) == CO_OPTIMIZED && co->co_kwonlyargcount == 0;
}

/* Calls FUNC (a PyFunction) directly when its code is compiled and the
 * NARGS ARGS (the last ones named by KWNAMES, a tuple or NULL) bind without
 * an error (defaults allowed).  Then it
 * consumes the references to FUNC and to the arguments, stores the result
 * (NULL: an exception) in *RESULT and returns true.  Returns false, having
 * touched nothing, when the call must take the generic path. */
bool pyston_call_direct(PyThreadState *ts, PyObject *func, PyObject **args, int nargs,
                        PyObject *kwnames, PyObject **result);

/* Calls the class CALLABLE directly when it is a plain class (metatype
 * type, object.__new__) whose __init__ can be called directly: the new
 * object goes into ARGS[-1], where the caller's stack holds the class.
 * Then it consumes the references to the class and the arguments, stores
 * the new object (or NULL) in *RESULT and returns true. */
bool pyston_call_class_direct(PyThreadState *ts, PyObject *callable, PyObject **args, int nargs,
                              PyObject *kwnames, PyObject **result);

/* A CALL from compiled code (the direct call routine, src/bjit/fast_call.c)
 * of CALLABLE, a builtin function or a C type's method descriptor taking
 * its arguments in one of the simple forms (METH_NOARGS, METH_O,
 * METH_FASTCALL), or a type with a tp_vectorcall of its own
 * (PRECALL_BUILTIN_CLASS), with the NARGS positional ARGS after it (for
 * a method, ARGS[0] is self, of the method's type or a subclass): the
 * result (NULL: an exception), the callable and the arguments consumed;
 * .called false for any other callable (nothing done).  The two words
 * come back in rax and rdx, as the routine returns them. */
typedef struct {
    PyObject *result;
    uint64_t called;
} pyston_c_call;
pyston_c_call pyston_call_c(PyThreadState *ts, PyObject *callable, PyObject **args, int nargs);

/* next(GEN) for an exact generator whose code is compiled, resumed in
 * compiled code directly: 1 with the yielded value in *NEXT, 0 at the end
 * (no exception set), -1 on error; PYSTON_NOT_DIRECT, having done
 * nothing, when the generic path must run. */
#define PYSTON_NOT_DIRECT 2
int pyston_generator_next(PyThreadState *ts, PyGenObject *gen, PyObject **next);

/* Mirrors _PyEvalFrameClearAndPop (Python/ceval.c): releases a frame
 * pushed on the thread's data stack once it has been left. */
void pyston_frame_clear_and_pop(PyThreadState *ts, _PyInterpreterFrame *frame);

#endif
