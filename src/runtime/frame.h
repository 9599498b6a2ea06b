/* Entering, leaving and handing over frames from compiled code.  Compiled
 * code runs on CPython's own _PyInterpreterFrame; these functions do what
 * _PyEval_EvalFrameDefault does around the instructions. */
#ifndef PYSTON_RUNTIME_FRAME_H
#define PYSTON_RUNTIME_FRAME_H

#include "cpython.h"
#include "stats.h"

/* Bailouts hand the frame to CPython's interpreter, which resumes it at
 * f->prev_instr + 1 with f->stacktop stack entries, and return what the
 * frame returns.  After an exception, the interpreter unwinds it from
 * f->prev_instr through the exception table instead. */
PyObject *pyston_rt_bailout_exception(PyThreadState *ts, _PyInterpreterFrame *f);
/* Where the shared exits of compiled code resume or raise: a code unit,
 * a stack depth and (UnboundLocalError) a local, in one immediate. */
#define PYSTON_WHERE(unit, depth, local) \
    ((uint64_t)(unit) | (uint64_t)(depth) << 24 | (uint64_t)(local) << 40)
#define PYSTON_WHERE_FITS(unit, depth, local) \
    ((unit) < (1 << 24) && (depth) < (1 << 16) && (local) < (1 << 23))
#define PYSTON_WHERE_UNIT(where) ((int)((where) & 0xFFFFFF))
#define PYSTON_WHERE_DEPTH(where) ((int)(((where) >> 24) & 0xFFFF))
#define PYSTON_WHERE_LOCAL(where) ((Py_ssize_t)((where) >> 40))
/* The interpreter resumes at the instruction starting at WHERE's unit. */
PyObject *pyston_rt_bailout_tracing(PyThreadState *ts, _PyInterpreterFrame *f, uint64_t where);
PyObject *pyston_rt_bailout_resume(PyThreadState *ts, _PyInterpreterFrame *f);
/* RETURN_GENERATOR: makes the generator (coroutine, async generator),
 * which takes over the frame, and leaves the frame.  0 with the generator
 * in *GEN_OUT; -1 on error; 2 if the interpreter must run it. */
int pyston_rt_return_generator(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **gen_out);
/* YIELD_VALUE: suspends the generator with STACKTOP entries and returns VALUE. */
PyObject *pyston_rt_yield(PyThreadState *ts, _PyInterpreterFrame *f, PyObject *value, int stacktop);
PyObject *pyston_rt_bailout_unsupported(PyThreadState *ts, _PyInterpreterFrame *f, int opcode);
/* After an error: the exception_unwind of _PyEval_EvalFrameDefault.  Adds
 * the traceback entry (unless TRACEBACK is 0: RERAISE), finds the handler
 * for the instruction at code unit INDEX (-1: f->prev_instr; RERAISE has
 * moved prev_instr back to where the exception came from) in the exception
 * table and sets up its stack.  Returns
 * the handler's code unit; PYSTON_UNWIND_EXIT when the frame has no handler
 * (it has been left: return NULL); PYSTON_UNWIND_INTERPRETER when the
 * interpreter must unwind (a trace function wants the exception event). */
#define PYSTON_UNWIND_EXIT (-1)
#define PYSTON_UNWIND_INTERPRETER (-2)
int pyston_rt_unwind(PyThreadState *ts, _PyInterpreterFrame *f, int traceback, int index);

/* CHECK_EVAL_BREAKER; on error the frame keeps STACKTOP stack entries. */
int pyston_rt_eval_breaker(PyThreadState *ts, _PyInterpreterFrame *f, int stacktop);
/* UnboundLocalError for WHERE's local, raised at WHERE's unit. */
int pyston_rt_unbound_local(PyThreadState *ts, _PyInterpreterFrame *f, uint64_t where);

#endif
