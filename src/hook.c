/* The eval-frame hook: tiering counters and the entry into compiled code.
 * It sits on every Python call, so the path for code that is not compiled
 * stays short: one co_extra load, one counter, one call. */
#define _GNU_SOURCE /* pthread_getattr_np */
#include "cpython.h"

#include <pthread.h>

#include "bjit/compile.h"
#include "codemem.h"
#include "hook.h"
#include "options.h"
#include "stats.h"


/* What the JIT keeps per code object, in its co_extra slot. */
typedef struct {
    pyston_compiled compiled; /* .entry is NULL until compiled */
    uint32_t calls;
    bool has_loop; /* compiled at the first call, whatever the threshold */
    bool failed;   /* cannot be compiled: the interpreter runs it */
} jitcode;

/* The JIT runs in one interpreter: the co_extra index, the eval-breaker
 * address baked into compiled code and the counters belong to it. */
static PyInterpreterState *jit_interp;
static Py_ssize_t extra_index = -1;

/* co_extra's free function: the code object is being destroyed.  CPython
 * calls it for every slot, set or not (code_dealloc). */
static void free_jitcode(void *p)
{
    jitcode *jc = p;
    if (jc == NULL)
        return;
    if (jc->compiled.entry)
        pyston_codemem_release((void *)jc->compiled.entry, jc->compiled.size);
    PyMem_RawFree(jc);
}

/* The layout of co->co_extra: mirrors _PyCodeObjectExtra, which is private
 * to Objects/codeobject.c.  Reading it directly saves _PyCode_GetExtra's
 * checks on every call. */
typedef struct {
    Py_ssize_t ce_size;
    void *ce_extras[1];
} code_extra;

static inline jitcode *peek_jitcode(PyCodeObject *co)
{
    code_extra *extra = co->co_extra;
    return extra && extra_index < extra->ce_size ? extra->ce_extras[extra_index] : NULL;
}

static bool contains_loop(PyCodeObject *co)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        int op = _PyOpcode_Deopt[_Py_OPCODE(_PyCode_CODE(co)[i])];
        if (op == JUMP_BACKWARD || op == POP_JUMP_BACKWARD_IF_FALSE ||
            op == POP_JUMP_BACKWARD_IF_TRUE || op == POP_JUMP_BACKWARD_IF_NONE ||
            op == POP_JUMP_BACKWARD_IF_NOT_NONE)
            return true;
        i += _PyOpcode_Caches[op];
    }
    return false;
}

static jitcode *new_jitcode(PyCodeObject *co)
{
    jitcode *jc = PyMem_RawCalloc(1, sizeof *jc);
    if (jc == NULL)
        return NULL;
    jc->has_loop = contains_loop(co);
    bool fresh = co->co_extra == NULL;
    if (_PyCode_SetExtra((PyObject *)co, extra_index, jc) < 0) {
        PyErr_Clear();
        PyMem_RawFree(jc);
        return NULL;
    }
    /* code_dealloc calls every registered free function on every slot,
     * set or not.  A co_extra that only we filled is cut down to our slot,
     * so that other co_extra users (whose slots stock CPython would never
     * have allocated here) are not called for it; _PyCode_SetExtra grows
     * it again for them when they set a slot. */
    if (fresh)
        ((code_extra *)co->co_extra)->ce_size = extra_index + 1;
    return jc;
}

static void maybe_compile(PyCodeObject *co, jitcode *jc)
{
    if (jc->calls < pyston_opts.threshold && !jc->has_loop) {
        jc->calls++;
        return;
    }
    if (pyston_bjit_compile(co, &jc->compiled) < 0)
        jc->failed = true;
}

#ifdef PYSTON_PLANT_BUGS /* planted_bugs.h wraps the hook */
#define pyston_eval_frame pyston_eval_frame_unplanted
#endif
/* With the hook installed, every Python call recurses on the C stack (the
 * interpreter no longer inlines Python-to-Python calls), so a recursion
 * limit raised far enough, or a thread with a small stack, would overflow
 * it.  Below this much free stack (a quarter of a small stack), a call
 * raises RecursionError instead of crashing. */
#define STACK_MARGIN (256 * 1024)

static _Thread_local uintptr_t stack_floor; /* lowest safe stack address */

static uintptr_t find_stack_floor(void)
{
    pthread_attr_t attr;
    void *base;
    size_t size;
    uintptr_t floor = 1; /* unknown: never refuse */
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &base, &size) == 0)
            floor = (uintptr_t)base + (size > 4 * STACK_MARGIN ? STACK_MARGIN : size / 4);
        pthread_attr_destroy(&attr);
    }
    return floor;
}

static bool c_stack_nearly_full(void)
{
    char here;
    if (stack_floor == 0)
        stack_floor = find_stack_floor();
    return (uintptr_t)&here < stack_floor;
}

static PyObject *pyston_eval_frame(PyThreadState *tstate,
                                   struct _PyInterpreterFrame *frame,
                                   int throwflag)
{
    PyCodeObject *co = frame->f_code;
    if (c_stack_nearly_full()) {
        /* as the interpreter does when the recursion limit is reached:
         * the frame does not run (a pending exception is replaced) */
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    /* A throw into a generator has an exception pending, which nothing here
     * may disturb: the interpreter unwinds it.  Traced frames run in the
     * interpreter.  Compiled code runs a function from its start, and a
     * generator's frame from its resumptions (the interpreter makes the
     * generator: RETURN_GENERATOR). */
    if (!throwflag) {
        bool fresh = frame->prev_instr + 1 == _PyCode_CODE(co);
        jitcode *jc = peek_jitcode(co);
        if (jc == NULL && fresh)
            jc = new_jitcode(co);
        if (jc != NULL && fresh && jc->compiled.entry == NULL && !jc->failed)
            maybe_compile(co, jc);
        if (jc != NULL && jc->compiled.entry != NULL && !tstate->cframe->use_tracing &&
            fresh != pyston_is_generator(co)) {
            pyston_stat.frames_jit++;
            return jc->compiled.entry(tstate, frame);
        }
    }
    pyston_stat.frames_interp++;
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

#ifdef PYSTON_PLANT_BUGS
#undef pyston_eval_frame /* tests/reliability/: bugs the harness must catch */
#include "planted_bugs.h"
#endif

int pyston_hook_installed(void)
{
    return _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState_Get()) ==
           pyston_eval_frame;
}

int pyston_hook_install(void)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    if (jit_interp != NULL && interp != jit_interp)
        return 0; /* a subinterpreter: it keeps CPython's interpreter */
    _PyFrameEvalFunction current = _PyInterpreterState_GetEvalFrameFunc(interp);
    if (current == pyston_eval_frame)
        return 0;
    if (current != _PyEval_EvalFrameDefault) {
        /* Another PEP 523 user (a debugger, another JIT) owns the hook. */
        PyErr_SetString(PyExc_RuntimeError,
                        "pyston: another frame evaluator is installed");
        return -1;
    }
    if (extra_index < 0 && (extra_index = _PyEval_RequestCodeExtraIndex(free_jitcode)) < 0) {
        PyErr_SetString(PyExc_RuntimeError, "pyston: no co_extra slot left");
        return -1;
    }
    jit_interp = interp;
    _PyInterpreterState_SetEvalFrameFunc(interp, pyston_eval_frame);
    return 0;
}

void pyston_hook_remove(void)
{
    if (pyston_hook_installed())
        _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(),
                                             _PyEval_EvalFrameDefault);
}
