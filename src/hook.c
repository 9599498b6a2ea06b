/* The eval-frame hook.  It sits on every Python call, so it must stay as
 * cheap as possible for code that is not compiled: one counter, one call. */
#include <Python.h>

#include "hook.h"
#include "stats.h"

static PyObject *pyston_eval_frame(PyThreadState *tstate,
                                   struct _PyInterpreterFrame *frame,
                                   int throwflag)
{
    pyston_stat.frames_interp++;
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

int pyston_hook_installed(void)
{
    return _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState_Get()) ==
           pyston_eval_frame;
}

int pyston_hook_install(void)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyFrameEvalFunction current = _PyInterpreterState_GetEvalFrameFunc(interp);
    if (current == pyston_eval_frame)
        return 0;
    if (current != _PyEval_EvalFrameDefault) {
        /* Another PEP 523 user (a debugger, another JIT) owns the hook. */
        PyErr_SetString(PyExc_RuntimeError,
                        "pyston: another frame evaluator is installed");
        return -1;
    }
    _PyInterpreterState_SetEvalFrameFunc(interp, pyston_eval_frame);
    return 0;
}

void pyston_hook_remove(void)
{
    if (pyston_hook_installed())
        _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(),
                                             _PyEval_EvalFrameDefault);
}
