/* Calls of C functions, C methods and builtin types from compiled code
 * without vectorcall's dispatch: the specializations CALL_NO_KW_BUILTIN_O,
 * CALL_NO_KW_BUILTIN_FAST, CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS/O/FAST and
 * PRECALL_BUILTIN_CLASS of Python/ceval.c, chosen at each call; also the
 * keyword-taking fastcall form (with no keywords) and methods called on
 * instances of a subclass, which the vectorcalls take as well. */
#include "runtime/call.h"

#include <internal/pycore_ceval.h> /* _Py_EnterRecursiveCallTstate */

#define CALLING_FLAGS (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD)

/* ml_meth(self, ARGS) for a METH_NOARGS, METH_O, METH_FASTCALL or
 * METH_FASTCALL | METH_KEYWORDS function taking NARGS arguments (as
 * cfunction_vectorcall_* and method_vectorcall_* do, the first two
 * counting the C recursion); false when it takes another form. */
static inline bool call_def(PyThreadState *ts, PyMethodDef *ml, PyObject *self, PyObject **args,
                            int nargs, PyObject **result)
{
    switch (ml->ml_flags & CALLING_FLAGS) {
    case METH_NOARGS:
    case METH_O:
        if (nargs != ((ml->ml_flags & METH_O) ? 1 : 0))
            return false; /* the generic path raises */
        /* these two count the C recursion, as their specializations do */
        if (_Py_EnterRecursiveCallTstate(ts, " while calling a Python object")) {
            *result = NULL;
            return true;
        }
        *result = ml->ml_meth(self, nargs ? args[0] : NULL);
        _Py_LeaveRecursiveCallTstate(ts);
        return true;
    case METH_FASTCALL:
        *result = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
        return true;
    case METH_FASTCALL | METH_KEYWORDS: /* no keywords here (a CALL with none) */
        *result = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs,
                                                                              NULL);
        return true;
    }
    return false;
}

/* ml_meth of CALLABLE with ARGS, when it takes them in a simple form;
 * borrows everything. */
static inline bool call_c(PyThreadState *ts, PyObject *callable, PyObject **args, int nargs,
                          PyObject **result)
{
    PyTypeObject *tp = Py_TYPE(callable);
    if (tp == &PyCFunction_Type) { /* a builtin function: its self is its module */
        PyCFunctionObject *f = (PyCFunctionObject *)callable;
        /* (PyCFunction_GET_SELF: NULL for a METH_STATIC one) */
        return call_def(ts, f->m_ml, PyCFunction_GET_SELF(callable), args, nargs, result);
    }
    if (tp == &PyType_Type) { /* a type with its own vectorcall: range(), list(), ... */
        vectorcallfunc vectorcall = ((PyTypeObject *)callable)->tp_vectorcall;
        if (vectorcall == NULL)
            return false;
        *result = vectorcall(callable, args, (size_t)nargs, NULL);
        return true;
    }
    if (tp == &PyMethodDescr_Type && nargs >= 1) { /* a method of a C type, unbound */
        PyMethodDescrObject *d = (PyMethodDescrObject *)callable;
        /* descr_check: an instance of the type or of a subclass (else it
         * raises, on the generic path) */
        if (!PyObject_TypeCheck(args[0], d->d_common.d_type))
            return false;
        return call_def(ts, d->d_method, args[0], args + 1, nargs - 1, result);
    }
    return false;
}

pyston_c_call pyston_call_c(PyThreadState *ts, PyObject *callable, PyObject **args, int nargs)
{
    PyObject *res;
    if (!call_c(ts, callable, args, nargs, &res))
        return (pyston_c_call){NULL, false};
    Py_DECREF(callable); /* then the arguments, last first, as pyston_op_call */
    for (int i = nargs - 1; i >= 0; i--)
        Py_DECREF(args[i]);
    return (pyston_c_call){res, true};
}
