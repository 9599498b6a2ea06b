/* The eval-frame hook: tiering counters and the entry into compiled code.
 * It sits on every Python call, so the path for code that is not compiled
 * stays short: one co_extra load, one counter, one call. */
#define _GNU_SOURCE /* pthread_getattr_np */
#include "cpython.h"

#include <pthread.h>
#include <stdlib.h>

#include "bjit/compile.h"
#include "codemem.h"
#include "hook.h"
#include "ic/ic.h"
#include "runtime/call.h"
#include "options.h"
#include "stats.h"


/* The JIT runs in one interpreter: the co_extra index, the eval-breaker
 * address baked into compiled code and the counters belong to it. */
static PyInterpreterState *jit_interp;
Py_ssize_t pyston_extra_index = -1;

/* Every jitcode, for pyston_drain_counters. */
static pyston_jitcode *all_jitcodes;

static void drain(pyston_jitcode *jc)
{
    pyston_stat.direct_calls += jc->direct_calls; /* (frames_jit too, see stats.h) */
    pyston_stat.frames_jit_hooked += jc->hooked_calls;
    jc->direct_calls = jc->hooked_calls = 0;
    for (uint32_t i = 0; i < jc->compiled.nhits; i++) {
        uint64_t *hits = (uint64_t *)(void *)((char *)jc->compiled.caches + jc->compiled.hit_at[i]);
        pyston_stat.ic_hits += *hits;
        *hits = 0;
    }
}

void pyston_drain_counters(void)
{
    for (pyston_jitcode *jc = all_jitcodes; jc != NULL; jc = jc->next)
        drain(jc);
}

/* co_extra's free function: the code object is being destroyed.  CPython
 * calls it for every slot, set or not (code_dealloc). */
static void free_jitcode(void *p)
{
    pyston_jitcode *jc = p;
    if (jc == NULL)
        return;
    drain(jc);
    if (jc->made_mega_entries) /* (a scan of the whole table) */
        pyston_attr_forget_code(jc->code);
    if (jc->prev != NULL)
        jc->prev->next = jc->next;
    else
        all_jitcodes = jc->next;
    if (jc->next != NULL)
        jc->next->prev = jc->prev;
    pyston_bjit_free(&jc->compiled);
    free(jc);
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

static pyston_jitcode *new_jitcode(PyCodeObject *co)
{
    /* (not PyMem_Raw: tracemalloc would see it) */
    pyston_jitcode *jc = aligned_alloc(64, (sizeof *jc + 63) & ~(size_t)63);
    if (jc == NULL)
        return NULL;
    *jc = (pyston_jitcode){0};
    jc->code = co;
    jc->has_loop = contains_loop(co);
    jc->direct_nargs = pyston_binds_simply(co) ? co->co_argcount : -1;
    jc->frame_words = co->co_nlocalsplus + co->co_stacksize + (int32_t)FRAME_SPECIALS_SIZE;
    bool fresh = co->co_extra == NULL;
    if (_PyCode_SetExtra((PyObject *)co, pyston_extra_index, jc) < 0) {
        PyErr_Clear();
        free(jc);
        return NULL;
    }
    /* code_dealloc calls every registered free function on every slot,
     * set or not.  A co_extra that only we filled is cut down to our slot,
     * so that other co_extra users (whose slots stock CPython would never
     * have allocated here) are not called for it; _PyCode_SetExtra grows
     * it again for them when they set a slot. */
    if (fresh)
        ((pyston_code_extra *)co->co_extra)->ce_size = pyston_extra_index + 1;
    jc->next = all_jitcodes;
    if (all_jitcodes != NULL)
        all_jitcodes->prev = jc;
    all_jitcodes = jc;
    return jc;
}

static void maybe_compile(PyCodeObject *co, pyston_jitcode *jc)
{
    if (jc->calls < pyston_opts.threshold && !jc->has_loop) {
        jc->calls++;
        return;
    }
    if (pyston_bjit_compile(co, &jc->compiled) < 0)
        jc->failed = true;
}

/* Below this much free stack (a quarter of a small stack), a call raises
 * RecursionError (see pyston_c_stack_nearly_full). */
#define STACK_MARGIN (256 * 1024)

_Thread_local uintptr_t pyston_stack_floor __attribute__((tls_model("initial-exec")));

uintptr_t pyston_find_stack_floor(void)
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

PyObject *pyston_eval_frame(PyThreadState *tstate,
                                   struct _PyInterpreterFrame *frame,
                                   int throwflag)
{
    PyCodeObject *co = frame->f_code;
    if (pyston_c_stack_nearly_full()) {
        /* as the interpreter does when the recursion limit is reached:
         * the frame does not run (a pending exception is replaced) */
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    /* A throw into a generator has an exception pending, which nothing here
     * may disturb: the interpreter unwinds it.  Traced frames run in the
     * interpreter.  Compiled code runs a function from its start (for a
     * generator function: RETURN_GENERATOR, which makes the generator), and
     * a generator's frame from its resumptions. */
    if (!throwflag) {
        bool fresh = frame->prev_instr + 1 == _PyCode_CODE(co);
        pyston_jitcode *jc = pyston_peek_jitcode(co);
        if (jc == NULL && fresh)
            jc = new_jitcode(co);
        if (jc != NULL && fresh && jc->compiled.entry == NULL && !jc->failed)
            maybe_compile(co, jc);
        if (jc != NULL && jc->compiled.entry != NULL && !tstate->cframe->use_tracing &&
            (fresh || pyston_is_generator(co))) {
            jc->hooked_calls++;
            return PYSTON_AFTER_FRAME(jc->compiled.entry(tstate, frame));
        }
    }
    pyston_stat.frames_interp++;
    return PYSTON_AFTER_FRAME(_PyEval_EvalFrameDefault(tstate, frame, throwflag));
}

#ifdef PYSTON_PLANT_BUGS /* tests/reliability/: bugs the harness must catch */
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
    if (pyston_extra_index < 0 && (pyston_extra_index = _PyEval_RequestCodeExtraIndex(free_jitcode)) < 0) {
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
