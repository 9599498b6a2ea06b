/* Direct calls between compiled functions; see call.h.  Frames are pushed
 * only where the thread's current data-stack chunk has room; the rare call
 * that needs a new chunk takes the generic path, so the chunk allocator
 * (_PyThreadState_BumpFramePointerSlow, hidden) is never needed. */
#include "runtime/call.h"

#include "hook.h"

#include <internal/pycore_ceval.h> /* _Py_EnterRecursiveCallTstate */
#include <internal/pycore_pyerrors.h> /* _PyErr_ClearExcState */
#include "stats.h"

/* The compiled code of FUNC if a call with NARGS positional arguments can
 * enter it directly (the frame then needs SIZE words), else NULL. */
/* How a direct call binds its arguments: positional ones first, then, for
 * a call with keywords, SOURCE[i] says where parameter i comes from: an
 * index into the call's arguments, or FROM_DEFAULT. */
#define MAX_KEYWORD_PARAMS 64
#define FROM_DEFAULT (-1)

typedef struct {
    pyston_jitcode *jc; /* the callee's: its entry, its direct_calls counter */
    size_t size; /* of the frame, in words */
    int npos;    /* positional arguments */
    PyObject *kwnames;
    int16_t source[MAX_KEYWORD_PARAMS];
} binding;

/* B for a call with NARGS arguments, KWNAMES naming the last ones.
 * Only the header is set: bind() fills source[] where it is used (zeroing
 * all of it cost more than the rest of a call). */
static void start_binding(binding *b, int nargs, PyObject *kwnames)
{
    b->jc = NULL;
    b->size = 0;
    b->kwnames = kwnames;
    b->npos = nargs - (kwnames ? (int)PyTuple_GET_SIZE(kwnames) : 0);
}

/* The index of keyword NAME among the parameters that can be passed by
 * keyword, or -1. */
static int keyword_index(PyCodeObject *co, PyObject *name)
{
    PyObject *names = co->co_localsplusnames;
    for (int i = co->co_posonlyargcount; i < co->co_argcount; i++) {
        PyObject *param = PyTuple_GET_ITEM(names, i);
        if (param == name)
            return i;
    }
    for (int i = co->co_posonlyargcount; i < co->co_argcount; i++) {
        PyObject *param = PyTuple_GET_ITEM(names, i);
        if (PyUnicode_Check(name) && _PyUnicode_Equal(param, name))
            return i;
    }
    return -1;
}

/* Mirrors initialize_locals (Python/ceval.c) for code that binds simply:
 * whether the call binds without an error, and how.  Any error (a missing,
 * unexpected or repeated argument) is left to the generic path. */
static bool bind(PyFunctionObject *func, binding *b)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    int nparams = co->co_argcount;
    int nkw = b->kwnames ? (int)PyTuple_GET_SIZE(b->kwnames) : 0;
    PyObject *defaults = func->func_defaults;
    int first_default = nparams - (defaults ? (int)PyTuple_GET_SIZE(defaults) : 0);
    if (b->npos > nparams)
        return false;
    if (nkw == 0)
        return b->npos >= first_default;
    if (nparams > MAX_KEYWORD_PARAMS)
        return false;
    for (int i = 0; i < nparams; i++)
        b->source[i] = (int16_t)(i < b->npos ? i : -2);
    for (int k = 0; k < nkw; k++) {
        int i = keyword_index(co, PyTuple_GET_ITEM(b->kwnames, k));
        if (i < 0 || b->source[i] != -2)
            return false;
        b->source[i] = (int16_t)(b->npos + k);
    }
    for (int i = b->npos; i < nparams; i++) {
        if (b->source[i] == -2) {
            if (i < first_default)
                return false;
            b->source[i] = FROM_DEFAULT;
        }
    }
    return true;
}

/* Whether FUNC can be called directly now with the arguments B describes;
 * fills in the rest of B. */
static bool direct_entry(PyThreadState *ts, PyFunctionObject *func, binding *b)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    if (!pyston_binds_simply(co) || !bind(func, b))
        return false;
    pyston_jitcode *jc = pyston_peek_jitcode(co);
    if (jc == NULL || jc->compiled.entry == NULL)
        return false; /* the hook counts the call, and compiles */
    /* As in the hook: traced frames run in the interpreter; a full C stack
     * raises RecursionError there; pyston.disable() stops compiled code. */
    if (ts->cframe->use_tracing || pyston_c_stack_nearly_full() ||
        ts->interp->eval_frame != pyston_eval_frame)
        return false;
    b->size = (size_t)(co->co_nlocalsplus + co->co_stacksize) + FRAME_SPECIALS_SIZE;
    if (!_PyThreadState_HasStackSpace(ts, b->size))
        return false;
    b->jc = jc;
    return true;
}

/* Pushes FUNC's frame, enters its code and pops the frame; consumes the
 * references to FUNC and the ARGS. */
static PyObject *enter_direct(PyThreadState *ts, PyFunctionObject *func, const binding *b,
                              PyObject **args)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    /* Mirrors _PyEvalFramePushAndInit and initialize_locals for these
     * simple signatures; the frame takes over the references. */
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)ts->datastack_top;
    ts->datastack_top += b->size;
    _PyFrame_InitializeSpecials(frame, func, NULL, co->co_nlocalsplus);
    PyObject **locals = frame->localsplus;
    PyObject *defaults = func->func_defaults;
    int nparams = co->co_argcount, i = 0;
    int first_default = nparams - (defaults ? (int)PyTuple_GET_SIZE(defaults) : 0);
    if (b->kwnames == NULL) {
        for (; i < b->npos; i++)
            locals[i] = args[i];
        for (; i < nparams; i++)
            locals[i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default));
    } else {
        for (; i < nparams; i++)
            locals[i] = b->source[i] == FROM_DEFAULT
                            ? Py_NewRef(PyTuple_GET_ITEM(defaults, i - first_default))
                            : args[b->source[i]];
    }
    for (; i < co->co_nlocalsplus; i++)
        locals[i] = NULL;
    b->jc->direct_calls++; /* (frames_jit too, see stats.h) */
    PyObject *result = PYSTON_AFTER_FRAME(b->jc->compiled.entry(ts, frame));
    pyston_frame_clear_and_pop(ts, frame);
    return result;
}

bool pyston_call_direct(PyThreadState *ts, PyObject *callable, PyObject **args, int nargs,
                        PyObject *kwnames, PyObject **result)
{
    PyFunctionObject *func = (PyFunctionObject *)callable;
    binding b;
    start_binding(&b, nargs, kwnames);
    if (!direct_entry(ts, func, &b))
        return false;
    *result = enter_direct(ts, func, &b, args);
    return true;
}

/* __init__ of recently called classes by type version (a version is
 * never reused, so a match proves the class and its bases unchanged, and
 * the borrowed function still in a class dict). */
#define INIT_CACHE_SIZE 64
static struct {
    unsigned int version;
    PyObject *init; /* a Python function, or NULL */
} init_cache[INIT_CACHE_SIZE];

/* The class TP if it is a plain class (metatype type, object.__new__)
 * with a Python __init__, and that __init__; NULL otherwise. */
static PyObject *plain_class_init(PyTypeObject *tp)
{
    static PyObject *init_name;
    if (Py_TYPE(tp) != &PyType_Type || !(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) ||
        (tp->tp_flags & Py_TPFLAGS_IS_ABSTRACT) || tp->tp_new != PyBaseObject_Type.tp_new)
        return NULL;
    unsigned int version = (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) ? tp->tp_version_tag : 0;
    if (version != 0 && init_cache[version % INIT_CACHE_SIZE].version == version)
        return init_cache[version % INIT_CACHE_SIZE].init;
    if (init_name == NULL && (init_name = PyUnicode_InternFromString("__init__")) == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *init = _PyType_Lookup(tp, init_name);
    init = init != NULL && PyFunction_Check(init) ? init : NULL;
    if (version != 0 && (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) &&
        tp->tp_version_tag == version) {
        init_cache[version % INIT_CACHE_SIZE].version = version;
        init_cache[version % INIT_CACHE_SIZE].init = init;
    }
    return init;
}

/* object_new itself (tp_alloc, then the inline values of
 * _PyObject_InitializeDict, hidden); the arguments are __init__'s
 * business, and object_new ignores them for a class with one. */
static PyObject *new_instance(PyTypeObject *tp)
{
    static PyObject *empty_args;
    if (empty_args == NULL && (empty_args = PyTuple_New(0)) == NULL)
        return NULL;
    return tp->tp_new(tp, empty_args, NULL);
}

/* After __init__ returned RES (or NULL) for OBJ: OBJ, or NULL when RES is
 * an error or not None (TypeError); consumes RES, and OBJ on an error;
 * ends the C recursion count. */
static PyObject *class_call_finish(PyThreadState *ts, PyObject *obj, PyObject *res)
{
    if (res != NULL && res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    Py_XDECREF(res);
    if (res == NULL)
        Py_CLEAR(obj);
    _Py_LeaveRecursiveCallTstate(ts);
    return obj;
}

/* The tail of type_call: TP's tp_init with the NARGS ARGS (the last ones
 * named by KWNAMES) as a tuple and a dict. */
static PyObject *init_generically(PyTypeObject *tp, PyObject *obj, PyObject **args, int nargs,
                                  PyObject *kwnames)
{
    int nkw = kwnames ? (int)PyTuple_GET_SIZE(kwnames) : 0;
    PyObject *tuple = PyTuple_New(nargs - nkw), *kwargs = nkw ? PyDict_New() : NULL;
    int err = tuple == NULL || (nkw && kwargs == NULL) ? -1 : 0;
    for (int i = 0; err == 0 && i < nargs - nkw; i++)
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    for (int k = 0; err == 0 && k < nkw; k++)
        err = PyDict_SetItem(kwargs, PyTuple_GET_ITEM(kwnames, k), args[nargs - nkw + k]);
    if (err == 0)
        err = tp->tp_init(obj, tuple, kwargs);
    Py_XDECREF(tuple);
    Py_XDECREF(kwargs);
    if (err < 0)
        Py_CLEAR(obj);
    return obj;
}

/* Mirrors _PyObject_MakeTpCall + type_call + slot_tp_init for
 * a class of metatype `type` that inherits object.__new__ and whose
 * __init__ is a compiled Python function. */
bool pyston_call_class_direct(PyThreadState *ts, PyObject *callable, PyObject **args, int nargs,
                              PyObject *kwnames, PyObject **result)
{
    PyTypeObject *tp = (PyTypeObject *)callable;
    PyObject *init = plain_class_init(tp);
    /* __init__ gets the new object first */
    binding b;
    start_binding(&b, nargs + 1, kwnames);
    if (init == NULL || !direct_entry(ts, (PyFunctionObject *)init, &b))
        return false;
    /* args[-1] holds the class: __init__ gets the new object there */
    if (_Py_EnterRecursiveCallTstate(ts, " while calling a Python object")) {
        *result = NULL;
    } else {
        /* The allocation may run a collection, and finalizers that change
         * the class (unchanged while its version is) or __init__'s code or
         * defaults, which B was made for (held meanwhile, so that a new
         * object cannot take an old one's address). */
        PyFunctionObject *func = (PyFunctionObject *)init;
        unsigned int version = (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) ? tp->tp_version_tag : 0;
        PyObject *code = Py_NewRef(func->func_code), *defaults = Py_XNewRef(func->func_defaults);
        Py_INCREF(init);
        PyObject *obj = new_instance(tp), *res = NULL;
        bool same_class = version != 0 && (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) &&
                          tp->tp_version_tag == version;
        bool same_init = (same_class || plain_class_init(tp) == init) &&
                         func->func_code == code && func->func_defaults == defaults;
        Py_DECREF(code);
        Py_XDECREF(defaults);
        if (obj != NULL && same_init) {
            args[-1] = Py_NewRef(obj);
            res = enter_direct(ts, (PyFunctionObject *)init, &b, args - 1);
            args = NULL; /* consumed */
            *result = class_call_finish(ts, obj, res);
        } else {
            /* no object; or __init__ changed meanwhile, and type_call's
             * tp_init (slot_tp_init) looks it up again and calls it */
            Py_DECREF(init);
            *result = obj ? init_generically(tp, obj, args, nargs, kwnames) : NULL;
            _Py_LeaveRecursiveCallTstate(ts);
        }
    }
    for (int i = 0; args && i < nargs; i++) /* not consumed: an error first */
        Py_DECREF(args[i]);
    Py_DECREF(tp);
    return true;
}

static void frame_clear(PyThreadState *ts, _PyInterpreterFrame *frame);

/* Mirrors gen_iternext and gen_send_ex2 (Objects/genobject.c) for a
 * generator whose code is compiled: resumes its frame in compiled code
 * without the eval-frame hook. */
int pyston_generator_next(PyThreadState *ts, PyGenObject *gen, PyObject **next)
{
    _PyInterpreterFrame *frame = (_PyInterpreterFrame *)gen->gi_iframe;
    PyCodeObject *co = frame->f_code;
    pyston_jitcode *jc = pyston_peek_jitcode(co);
    if (jc == NULL || jc->compiled.entry == NULL || gen->gi_frame_state >= FRAME_EXECUTING ||
        ts->cframe->use_tracing || pyston_c_stack_nearly_full() ||
        ts->interp->eval_frame != pyston_eval_frame)
        return PYSTON_NOT_DIRECT; /* (running, finished: the generic path says so) */
    frame->localsplus[frame->stacktop++] = Py_NewRef(Py_None); /* what next() sends */
    frame->previous = ts->cframe->current_frame;
    gen->gi_exc_state.previous_item = ts->exc_info;
    ts->exc_info = &gen->gi_exc_state;
    gen->gi_frame_state = FRAME_EXECUTING;
    jc->direct_calls++; /* (frames_jit too, see stats.h) */
    PyObject *result = PYSTON_AFTER_FRAME(jc->compiled.entry(ts, frame));
    if (gen->gi_frame_state == FRAME_EXECUTING)
        gen->gi_frame_state = FRAME_COMPLETED;
    ts->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    frame->previous = NULL;
    if (result != NULL && gen->gi_frame_state == FRAME_SUSPENDED) {
        *next = result;
        return 1;
    }
    /* Returned: for next(), the end of the iteration.  Its StopIteration
     * (the return value, for a value other than None) is not made: the
     * only caller, FOR_ITER, would clear it at once. */
    Py_XDECREF(result);
    if (result == NULL && PyErr_ExceptionMatches(PyExc_StopIteration))
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", "generator raised StopIteration");
    _PyErr_ClearExcState(&gen->gi_exc_state);
    gen->gi_frame_state = FRAME_CLEARED;
    frame_clear(ts, frame);
    *next = NULL;
    return result ? 0 : -1;
}

/* Mirrors take_ownership (Python/frame.c): a frame object outlives the
 * frame, so the frame's contents move into it. */
static void take_ownership(PyThreadState *ts, PyFrameObject *f, _PyInterpreterFrame *frame)
{
    size_t size = (size_t)((char *)&frame->localsplus[frame->stacktop] - (char *)frame);
    memcpy(f->_f_frame_data, frame, size);
    frame = (_PyInterpreterFrame *)f->_f_frame_data;
    f->f_frame = frame;
    frame->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    if (_PyFrame_IsIncomplete(frame))
        frame->prev_instr = _PyCode_CODE(frame->f_code) + frame->f_code->_co_firsttraceable;
    _PyInterpreterFrame *prev = frame->previous;
    while (prev && _PyFrame_IsIncomplete(prev))
        prev = prev->previous;
    if (prev) {
        /* _PyFrame_GetFrameObject(prev), through the exported
         * PyEval_GetFrame (_PyFrame_MakeAndSetFrameObject is hidden) */
        _PyInterpreterFrame *current = ts->cframe->current_frame;
        ts->cframe->current_frame = prev;
        PyFrameObject *back = PyEval_GetFrame(); /* clears a MemoryError */
        ts->cframe->current_frame = current;
        f->f_back = (PyFrameObject *)Py_XNewRef(back);
        frame->previous = NULL;
    }
    if (!PyObject_GC_IsTracked((PyObject *)f))
        PyObject_GC_Track(f);
}

/* Mirrors _PyFrame_Clear (Python/frame.c). */
static void frame_clear(PyThreadState *ts, _PyInterpreterFrame *frame)
{
    if (frame->frame_obj) {
        PyFrameObject *f = frame->frame_obj;
        frame->frame_obj = NULL;
        if (Py_REFCNT(f) > 1) {
            take_ownership(ts, f, frame);
            Py_DECREF(f);
            return;
        }
        Py_DECREF(f);
    }
    for (int i = 0; i < frame->stacktop; i++)
        Py_XDECREF(frame->localsplus[i]);
    Py_XDECREF(frame->f_locals);
    Py_DECREF(frame->f_func);
    Py_DECREF(frame->f_code);
}

void pyston_frame_clear_and_pop(PyThreadState *ts, _PyInterpreterFrame *frame)
{
    ts->recursion_remaining--;
    frame_clear(ts, frame);
    ts->recursion_remaining++;
    /* _PyThreadState_PopFrame: a frame pushed here never starts a chunk */
    ts->datastack_top = (PyObject **)frame;
}
