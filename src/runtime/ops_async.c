/* Helpers of the coroutine instructions: await, async for, async
 * generators.  Each mirrors its TARGET() in Python/ceval.c; the hidden
 * CPython functions they need are reimplemented here. */
#include "runtime/ops_internal.h"

/* Mirrors gen_is_coroutine (Objects/genobject.c): a generator made a
 * coroutine by @types.coroutine. */
static bool is_coroutine(PyObject *o)
{
    return PyCoro_CheckExact(o) ||
           (PyGen_CheckExact(o) &&
            (((PyCodeObject *)((PyGenObject *)o)->gi_code)->co_flags & CO_ITERABLE_COROUTINE));
}

/* Mirrors _PyCoro_GetAwaitableIter (Objects/genobject.c). */
static PyObject *awaitable_iter(PyObject *o)
{
    if (is_coroutine(o))
        return Py_NewRef(o);
    PyTypeObject *ot = Py_TYPE(o);
    unaryfunc getter = ot->tp_as_async ? ot->tp_as_async->am_await : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                     ot->tp_name);
        return NULL;
    }
    PyObject *res = getter(o);
    if (res == NULL)
        return NULL;
    if (is_coroutine(res)) {
        PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
        Py_CLEAR(res);
    } else if (!PyIter_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                     Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    return res;
}

/* Mirrors _PyGen_yf (Objects/genobject.c): whether the coroutine is
 * suspended in an `await` (its next instruction a RESUME with oparg >= 2). */
static bool is_awaiting(PyGenObject *gen)
{
    if (gen->gi_frame_state >= FRAME_CLEARED || gen->gi_frame_state == FRAME_CREATED)
        return false;
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
    _Py_CODEUNIT next = frame->prev_instr[1];
    return _PyOpcode_Deopt[_Py_OPCODE(next)] == RESUME && _Py_OPARG(next) >= 2;
}

/* Mirrors format_awaitable_error (Python/ceval.c). */
static void awaitable_error(PyTypeObject *type, int oparg)
{
    if (type->tp_as_async != NULL && type->tp_as_async->am_await != NULL)
        return;
    if (oparg == 1)
        PyErr_Format(PyExc_TypeError,
                     "'async with' received an object from __aenter__ "
                     "that does not implement __await__: %.100s", type->tp_name);
    else if (oparg == 2)
        PyErr_Format(PyExc_TypeError,
                     "'async with' received an object from __aexit__ "
                     "that does not implement __await__: %.100s", type->tp_name);
}

OP(GET_AWAITABLE)
{
    UNUSED_ARGS;
    PyObject *iterable = TOP();
    PyObject *iter = awaitable_iter(iterable);
    if (iter == NULL)
        awaitable_error(Py_TYPE(iterable), oparg);
    Py_DECREF(iterable);
    if (iter != NULL && PyCoro_CheckExact(iter) && is_awaiting((PyGenObject *)iter)) {
        Py_CLEAR(iter);
        PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
    }
    TOP() = iter; /* even if NULL */
    return iter ? 0 : error_at(f, sp);
}

OP(GET_AITER)
{
    UNUSED_ARGS;
    PyObject *obj = TOP();
    PyTypeObject *type = Py_TYPE(obj);
    unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        TOP() = NULL;
        PyErr_Format(PyExc_TypeError,
                     "'async for' requires an object with __aiter__ method, got %.100s",
                     type->tp_name);
        Py_DECREF(obj);
        return error_at(f, sp);
    }
    PyObject *iter = getter(obj);
    Py_DECREF(obj);
    TOP() = NULL;
    if (iter == NULL)
        return error_at(f, sp);
    if (Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "'async for' received an object from __aiter__ "
                     "that does not implement __anext__: %.100s", Py_TYPE(iter)->tp_name);
        Py_DECREF(iter);
        return error_at(f, sp);
    }
    TOP() = iter;
    return 0;
}

OP(GET_ANEXT)
{
    UNUSED_ARGS;
    PyObject *aiter = TOP(), *awaitable;
    PyTypeObject *type = Py_TYPE(aiter);
    if (PyAsyncGen_CheckExact(aiter)) {
        awaitable = type->tp_as_async->am_anext(aiter);
        if (awaitable == NULL)
            return error_at(f, sp);
    } else {
        unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_anext : NULL;
        if (getter == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "'async for' requires an iterator with __anext__ method, got %.100s",
                         type->tp_name);
            return error_at(f, sp);
        }
        PyObject *next_iter = getter(aiter);
        if (next_iter == NULL)
            return error_at(f, sp);
        awaitable = awaitable_iter(next_iter);
        if (awaitable == NULL)
            _PyErr_FormatFromCause(PyExc_TypeError,
                                   "'async for' received an invalid object from __anext__: %.100s",
                                   Py_TYPE(next_iter)->tp_name);
        Py_DECREF(next_iter);
        if (awaitable == NULL)
            return error_at(f, sp);
    }
    *sp = awaitable;
    return 0;
}

/* Returns 0, or 1 to re-raise the exception without a new traceback entry
 * (`goto exception_unwind`). */
OP(END_ASYNC_FOR)
{
    UNUSED_ARGS;
    PyObject *val = TOP();
    if (PyErr_GivenExceptionMatches(val, PyExc_StopAsyncIteration)) {
        Py_DECREF(val);
        Py_DECREF(SECOND());
        return 0;
    }
    PyObject *exc = Py_NewRef(PyExceptionInstance_Class(val));
    PyErr_Restore(exc, val, PyException_GetTraceback(val));
    f->stacktop = (int)(sp - 1 - f->localsplus);
    return 1;
}

/* --- ASYNC_GEN_WRAP ---------------------------------------------------------
 * The wrapper marks the values an async generator yields (as opposed to
 * what its awaits pass through).  Its type, _PyAsyncGenWrappedValue_Type,
 * is hidden; compiled code learns it from the first wrapped value the
 * interpreter yields (it runs the first ASYNC_GEN_WRAP: a bailout), and
 * from then on makes wrappers itself. */

/* Mirrors _PyAsyncGenWrappedValue (Objects/genobject.c). */
typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} wrapped_value;

static PyTypeObject *wrapped_value_type;

void pyston_learn_async_gen_wrapper(PyObject *yielded)
{
    if (wrapped_value_type == NULL && yielded != NULL &&
        strcmp(Py_TYPE(yielded)->tp_name, "async_generator_wrapped_value") == 0 &&
        Py_TYPE(yielded)->tp_basicsize == sizeof(wrapped_value))
        wrapped_value_type = Py_TYPE(yielded);
}

/* Returns 0; -1 on error; 2 if the wrapper type is not known yet (the
 * interpreter must run the instruction). */
OP(ASYNC_GEN_WRAP)
{
    UNUSED_ARGS;
    if (wrapped_value_type == NULL)
        return 2;
    /* Mirrors _PyAsyncGenValueWrapperNew, without its free list. */
    wrapped_value *w = PyObject_GC_New(wrapped_value, wrapped_value_type);
    if (w == NULL)
        return error_at(f, sp);
    w->agw_val = TOP(); /* takes over the reference */
    PyObject_GC_Track(w);
    TOP() = (PyObject *)w;
    return 0;
}
