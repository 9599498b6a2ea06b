/* Frame entry and exit for compiled code; see frame.h. */
#include "runtime/frame.h"

#include <string.h>

#include "runtime/exctable.h"
#include "runtime/ops.h"

#include <internal/pycore_atomic.h>
#include <internal/pycore_ceval.h>
#include <internal/pycore_runtime.h>

/* What RETURN_VALUE does to leave a frame (compiled code does it inline,
 * and enters inline; see emit_enter in src/bjit/compile.c). */
static void leave(PyThreadState *ts, _PyInterpreterFrame *f)
{
    ts->recursion_remaining++;
    ts->cframe->current_frame = f->previous;
}

/* When tracing is on, _PyEval_EvalFrameDefault entered with throwflag
 * reports a 'call' event first (TRACE_FUNCTION_THROW_ENTRY; other entries
 * report it at RESUME, which a bailout never resumes at).  For a frame
 * that compiled code started, that event would be a second one, or one
 * stock never sends (tracing began inside the frame).  So for that
 * hand-over, the trace and profile functions are replaced by one that
 * swallows the first event and puts the real ones back. */
typedef struct {
    Py_tracefunc func;
    PyObject *obj;
} tracer;

static tracer saved_trace, saved_profile;

static void restore(PyThreadState *ts, tracer *saved, bool profile)
{
    if (saved->func == NULL)
        return;
    if (profile)
        ts->c_profilefunc = saved->func, ts->c_profileobj = saved->obj;
    else
        ts->c_tracefunc = saved->func, ts->c_traceobj = saved->obj;
    saved->func = NULL;
}

static int swallow_call(tracer *saved, bool profile, PyFrameObject *frame, int what,
                        PyObject *arg)
{
    tracer real = *saved;
    restore(PyThreadState_Get(), saved, profile);
    return what == PyTrace_CALL ? 0 : real.func(real.obj, frame, what, arg);
}

static int swallow_trace(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    (void)obj;
    return swallow_call(&saved_trace, false, frame, what, arg);
}

static int swallow_profile(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    (void)obj;
    return swallow_call(&saved_profile, true, frame, what, arg);
}

static void hide_entry_event(PyThreadState *ts)
{
    /* Inside a trace function (ts->tracing) no event is sent at all. */
    if (!ts->cframe->use_tracing || ts->tracing)
        return;
    if (ts->c_tracefunc) {
        saved_trace = (tracer){ts->c_tracefunc, ts->c_traceobj};
        ts->c_tracefunc = swallow_trace, ts->c_traceobj = NULL;
    }
    if (ts->c_profilefunc) {
        saved_profile = (tracer){ts->c_profilefunc, ts->c_profileobj};
        ts->c_profilefunc = swallow_profile, ts->c_profileobj = NULL;
    }
}

static PyObject *bailout(PyThreadState *ts, _PyInterpreterFrame *f, int throwflag,
                         pyston_bailout_reason reason)
{
    pyston_stat.bailouts++;
    pyston_stat.bailouts_by_reason[reason]++;
    leave(ts, f);
    if (throwflag)
        hide_entry_event(ts);
    PyObject *result = _PyEval_EvalFrameDefault(ts, f, throwflag);
    /* the interpreter may have exited before sending the event */
    restore(ts, &saved_trace, false);
    restore(ts, &saved_profile, true);
    return result;
}

PyObject *pyston_rt_bailout_exception(PyThreadState *ts, _PyInterpreterFrame *f)
{
    return bailout(ts, f, 1, PYSTON_BAILOUT_EXCEPTION);
}

/* Sets prev_instr to the unit before WHERE's (plus BEFORE - 1) and the
 * stack to WHERE's depth. */
static void set_where(_PyInterpreterFrame *f, uint64_t where, int before)
{
    f->prev_instr = _PyCode_CODE(f->f_code) + PYSTON_WHERE_UNIT(where) - before;
    f->stacktop = f->f_code->co_nlocalsplus + PYSTON_WHERE_DEPTH(where);
}

PyObject *pyston_rt_bailout_tracing(PyThreadState *ts, _PyInterpreterFrame *f, uint64_t where)
{
    set_where(f, where, 1);
    return bailout(ts, f, 0, PYSTON_BAILOUT_TRACING);
}

PyObject *pyston_rt_bailout_resume(PyThreadState *ts, _PyInterpreterFrame *f)
{
    return bailout(ts, f, 0, PYSTON_BAILOUT_RESUME);
}

/* Mirrors make_gen and _Py_MakeCoro (Objects/genobject.c), hidden. */
static PyGenObject *make_generator(PyThreadState *ts, PyFunctionObject *func)
{
    PyCodeObject *code = (PyCodeObject *)func->func_code;
    int kind = code->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR);
    PyTypeObject *type = kind == CO_COROUTINE ? &PyCoro_Type
                         : kind == CO_ASYNC_GENERATOR ? &PyAsyncGen_Type
                                                      : &PyGen_Type;
    PyGenObject *gen = PyObject_GC_NewVar(PyGenObject, type,
                                          code->co_nlocalsplus + code->co_stacksize);
    if (gen == NULL)
        return NULL;
    gen->gi_frame_state = FRAME_CLEARED;
    gen->gi_code = (PyCodeObject *)Py_NewRef(code);
    gen->gi_weakreflist = NULL;
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_name = Py_NewRef(func->func_name);
    gen->gi_qualname = Py_NewRef(func->func_qualname);
    if (type != &PyGen_Type) /* a coroutine's origin: depth 0 (see the caller) */
        gen->gi_origin_or_finalizer = NULL;
    if (type == &PyAsyncGen_Type) {
        gen->gi_closed = 0;
        gen->gi_hooks_inited = 0;
        gen->gi_running_async = 0;
    }
    (void)ts;
    PyObject_GC_Track(gen);
    return gen;
}

int pyston_rt_return_generator(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **gen_out)
{
    if ((f->f_code->co_flags & CO_COROUTINE) && ts->coroutine_origin_tracking_depth != 0)
        return 2; /* compute_cr_origin is hidden: the interpreter does it */
    PyGenObject *gen = make_generator(ts, f->f_func);
    if (gen == NULL) {
        f->stacktop = f->f_code->co_nlocalsplus;
        return -1;
    }
    /* Mirrors RETURN_GENERATOR for an entry frame (Python/ceval.c), with
     * _PyFrame_Copy: the generator takes over the frame's contents; the
     * frame, cleared by our caller, keeps references of its own to the
     * function and the code. */
    f->stacktop = f->f_code->co_nlocalsplus;
    _PyInterpreterFrame *gen_frame = (_PyInterpreterFrame *)gen->gi_iframe;
    memcpy(gen_frame, f, (size_t)((char *)&f->localsplus[f->stacktop] - (char *)f));
    gen_frame->previous = NULL; /* no dangling pointer to the old frame */
    gen->gi_frame_state = FRAME_CREATED;
    gen_frame->owner = FRAME_OWNED_BY_GENERATOR;
    leave(ts, f);
    f->stacktop = 0;
    f->f_locals = NULL;
    Py_INCREF(f->f_func);
    Py_INCREF(f->f_code);
    *gen_out = (PyObject *)gen;
    return 0;
}

/* Mirrors YIELD_VALUE. */
PyObject *pyston_rt_yield(PyThreadState *ts, _PyInterpreterFrame *f, PyObject *value, int stacktop)
{
    _PyFrame_GetGenerator(f)->gi_frame_state = FRAME_SUSPENDED;
    f->stacktop = stacktop;
    leave(ts, f);
    return value;
}

PyObject *pyston_rt_bailout_unsupported(PyThreadState *ts, _PyInterpreterFrame *f, int opcode)
{
    pyston_stat.unsupported_by_opcode[opcode & 0xFF]++;
    PyObject *result = bailout(ts, f, 0, PYSTON_BAILOUT_UNSUPPORTED_OPCODE);
    if (opcode == ASYNC_GEN_WRAP) /* the interpreter wrapped and yielded */
        pyston_learn_async_gen_wrapper(result);
    return result;
}

/* Mirrors eval_frame_handle_pending (Python/ceval.c) with exported calls:
 * signals and pending calls (Py_MakePendingCalls handles both, in the main
 * thread only), a GIL hand-off when another thread asks for it, and an
 * asynchronous exception (PyThreadState_SetAsyncExc). */
static int handle_pending(PyThreadState *ts)
{
    struct _ceval_state *ceval = &ts->interp->ceval;
    if (Py_MakePendingCalls() < 0)
        return -1;
    if (_Py_atomic_load_relaxed(&ceval->gil_drop_request)) {
        /* drop_gil() waits until the asking thread has the GIL */
        PyEval_SaveThread();
        PyEval_RestoreThread(ts);
    }
    if (ts->async_exc != NULL) {
        PyObject *exc = ts->async_exc;
        ts->async_exc = NULL;
        ceval->pending.async_exc = 0;
        /* Like COMPUTE_EVAL_BREAKER: keep the breaker set only for what
         * is still pending. */
        _Py_atomic_store_relaxed(
            &ceval->eval_breaker,
            _Py_atomic_load_relaxed(&ceval->gil_drop_request) |
                _Py_atomic_load_relaxed(&_PyRuntime.ceval.signals_pending) |
                _Py_atomic_load_relaxed(&ceval->pending.calls_to_do));
        PyErr_SetNone(exc);
        Py_DECREF(exc);
        return -1;
    }
    return 0;
}

/* Mirrors get_exception_handler (Python/ceval.c): the entry of the
 * exception table covering INDEX. */
static bool find_handler(PyCodeObject *co, int index, pyston_exc_entry *found)
{
    pyston_exc_table table = pyston_exc_table_of(co);
    while (pyston_exc_next(&table, found) && found->start <= index) {
        if (index < found->start + found->size)
            return true;
    }
    return false;
}

static void pop_stack_to(_PyInterpreterFrame *f, int stacktop)
{
    while (f->stacktop > stacktop)
        Py_XDECREF(f->localsplus[--f->stacktop]);
}

int pyston_rt_unwind(PyThreadState *ts, _PyInterpreterFrame *f, int traceback, int index)
{
    PyCodeObject *co = f->f_code;
    if (traceback && ts->c_tracefunc != NULL && !ts->tracing)
        return PYSTON_UNWIND_INTERPRETER; /* it sends the exception event */
    if (traceback && !_PyFrame_IsIncomplete(f)) {
        /* our frame is the thread's current one: its frame object */
        PyFrameObject *frame_obj = PyEval_GetFrame();
        if (frame_obj != NULL)
            PyTraceBack_Here(frame_obj);
    }
    pyston_exc_entry entry;
    if (index < 0)
        index = (int)(f->prev_instr - _PyCode_CODE(co));
    if (!find_handler(co, index, &entry)) {
        pop_stack_to(f, co->co_nlocalsplus);
        leave(ts, f);
        return PYSTON_UNWIND_EXIT;
    }
    pop_stack_to(f, co->co_nlocalsplus + entry.depth);
    if (entry.lasti) {
        PyObject *offset = PyLong_FromLong((long)(f->prev_instr - _PyCode_CODE(co)));
        if (offset == NULL) /* out of memory: the interpreter unwinds that */
            return PYSTON_UNWIND_INTERPRETER;
        f->localsplus[f->stacktop++] = offset;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyException_SetTraceback(value, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_XDECREF(type);
    f->localsplus[f->stacktop++] = value;
    f->stacktop = -1; /* compiled code runs the handler */
    return entry.target;
}

int pyston_rt_eval_breaker(PyThreadState *ts, _PyInterpreterFrame *f, int stacktop)
{
    if (handle_pending(ts) == 0)
        return 0;
    f->stacktop = stacktop;
    return -1;
}

/* Mirrors the unbound_local_error path of LOAD_FAST / DELETE_FAST
 * (format_exc_check_arg with UNBOUNDLOCAL_ERROR_MSG). */
int pyston_rt_unbound_local(PyThreadState *ts, _PyInterpreterFrame *f, uint64_t where)
{
    (void)ts;
    set_where(f, where, 0);
    PyObject *name = PyTuple_GetItem(f->f_code->co_localsplusnames, PYSTON_WHERE_LOCAL(where));
    if (name != NULL)
        PyErr_Format(PyExc_UnboundLocalError,
                     "cannot access local variable '%U' where it is not "
                     "associated with a value", name);
    return -1;
}
