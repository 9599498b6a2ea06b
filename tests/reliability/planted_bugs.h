/* Deliberate bugs, compiled into the JIT only with -DPYSTON_PLANT_BUGS (a
 * debug-only build under build/planted*; never the normal build), so that a
 * test can show the reliability harness catches each kind of failure.  The
 * environment variable PYSTON_PLANT (comma-separated) selects them at run
 * time; with none selected the planted build behaves like the normal one.
 *
 *   wrong-result  a frame returning an int that does not fit in 64 bits
 *                 returns it plus one (an overflow-check bug): caught by the
 *                 differential fuzzer (make fuzz).
 *   leak          a frame left by an exception leaks a reference to the
 *                 exception (a missing decref on an error path): caught by
 *                 the refcount check on the debug interpreter
 *                 (make test-refleaks).
 *   oob           a frame returning a non-empty tuple copies its items into
 *                 a buffer one slot too short (an off-by-one): caught by
 *                 AddressSanitizer (make test-asan).
 *
 * Included by src/hook.c, inside #ifdef PYSTON_PLANT_BUGS.  The hook and
 * the direct calls of compiled code pass every frame's result through
 * pyston_planted_after_frame, so the bugs hit every frame, compiled or
 * interpreted. */
#include <stdlib.h>
#include <string.h>

enum { PLANT_WRONG_RESULT = 1, PLANT_LEAK = 2, PLANT_OOB = 4 };

static int planted_bugs(void)
{
    static int bugs = -1;
    if (bugs < 0) {
        const char *s = getenv("PYSTON_PLANT");
        bugs = 0;
        if (s && strstr(s, "wrong-result"))
            bugs |= PLANT_WRONG_RESULT;
        if (s && strstr(s, "leak"))
            bugs |= PLANT_LEAK;
        if (s && strstr(s, "oob"))
            bugs |= PLANT_OOB;
    }
    return bugs;
}

static PyObject *plant_wrong_result(PyObject *res)
{
    int overflow;
    PyLong_AsLongLongAndOverflow(res, &overflow);
    if (!overflow)
        return res;
    PyObject *one = PyLong_FromLong(1);
    PyObject *wrong = one ? PyNumber_Add(res, one) : NULL;
    Py_XDECREF(one);
    if (wrong == NULL) {
        PyErr_Clear();
        return res;
    }
    Py_DECREF(res);
    return wrong;
}

static void plant_leak(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    Py_XINCREF(value ? value : type); /* never released */
    PyErr_Restore(type, value, tb);
}

static void *volatile planted_sink;

static void plant_oob(PyObject *tuple)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    PyObject **items = malloc(n * sizeof *items);
    if (items == NULL)
        return;
    for (Py_ssize_t i = 0; i <= n; i++) /* off by one: writes items[n] */
        items[i] = i < n ? PyTuple_GET_ITEM(tuple, i) : NULL;
    planted_sink = items;
    free(planted_sink);
}

/* The result of every frame compiled code or the interpreter ran
 * (PYSTON_AFTER_FRAME in src/hook.h): the bugs strike here. */
PyObject *pyston_planted_after_frame(PyObject *res)
{
    int bugs = planted_bugs();
    if (res == NULL) {
        if (bugs & PLANT_LEAK)
            plant_leak();
        return NULL;
    }
    if ((bugs & PLANT_WRONG_RESULT) && PyLong_CheckExact(res))
        res = plant_wrong_result(res);
    if ((bugs & PLANT_OOB) && PyTuple_CheckExact(res) && PyTuple_GET_SIZE(res) > 0)
        plant_oob(res);
    return res;
}
