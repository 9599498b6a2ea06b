/* pyston.stats(): a table of counters, shown as a dict or printed at exit. */
#include "stats.h"

#include <stddef.h>
#include <stdio.h>

pyston_stats pyston_stat;

static const struct {
    const char *name;
    size_t offset;
} counters[] = {
#define COUNTER(field) {#field, offsetof(pyston_stats, field)}
    COUNTER(functions_compiled), COUNTER(frames_jit), COUNTER(frames_interp),
    COUNTER(bailouts), COUNTER(code_bytes),
#undef COUNTER
};

static const char *const bailout_names[] = {
#define PYSTON_BAILOUT_NAME(id, name) name,
    PYSTON_BAILOUT_REASONS(PYSTON_BAILOUT_NAME)
#undef PYSTON_BAILOUT_NAME
};

static uint64_t counter_value(size_t i)
{
    return *(const uint64_t *)((const char *)&pyston_stat + counters[i].offset);
}

/* Sets D[KEY] = VALUE and drops the reference to VALUE. */
static int set_item(PyObject *d, const char *key, PyObject *value)
{
    int rc = value ? PyDict_SetItemString(d, key, value) : -1;
    Py_XDECREF(value);
    return rc;
}

static PyObject *bailouts_by_reason(void)
{
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < PYSTON_BAILOUT_REASON_COUNT; i++) {
        uint64_t n = pyston_stat.bailouts_by_reason[i];
        if (n && set_item(d, bailout_names[i], PyLong_FromUnsignedLongLong(n)) < 0)
            Py_CLEAR(d);
    }
    return d;
}

PyObject *pyston_stats_as_dict(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++) {
        if (set_item(d, counters[i].name,
                     PyLong_FromUnsignedLongLong(counter_value(i))) < 0)
            goto error;
    }
    if (set_item(d, "compile_seconds",
                 PyFloat_FromDouble(pyston_stat.compile_seconds)) < 0 ||
        set_item(d, "bailouts_by_reason", bailouts_by_reason()) < 0)
        goto error;
    return d;
error:
    Py_DECREF(d);
    return NULL;
}

void pyston_stats_print(void)
{
    fprintf(stderr, "pyston stats:\n");
    for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++)
        fprintf(stderr, "  %-20s %llu\n", counters[i].name,
                (unsigned long long)counter_value(i));
    fprintf(stderr, "  %-20s %.6f\n", "compile_seconds",
            pyston_stat.compile_seconds);
    for (size_t i = 0; i < PYSTON_BAILOUT_REASON_COUNT; i++)
        if (pyston_stat.bailouts_by_reason[i])
            fprintf(stderr, "  bailouts[%s] %llu\n", bailout_names[i],
                    (unsigned long long)pyston_stat.bailouts_by_reason[i]);
    fflush(stderr);
}
