/* pyston.stats(): a table of counters, shown as a dict or printed at exit. */
#include "stats.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lowmem.h"

static pyston_stats initial_stats;
pyston_stats *pyston_stat_at = &initial_stats;

/* A counter's value is the field at OFFSET, plus the one at PLUS if any. */
static const struct {
    const char *name;
    size_t offset, plus;
} counters[] = {
#define COUNTER(field) {#field, offsetof(pyston_stats, field), SIZE_MAX}
    COUNTER(functions_compiled),
    {"frames_jit", offsetof(pyston_stats, frames_jit_hooked), offsetof(pyston_stats, direct_calls)},
    COUNTER(frames_interp),
    COUNTER(direct_calls),     COUNTER(bailouts), COUNTER(ic_hits), COUNTER(ic_misses), COUNTER(code_bytes),
#undef COUNTER
};

static const char *const bailout_names[] = {
#define PYSTON_BAILOUT_NAME(id, name) name,
    PYSTON_BAILOUT_REASONS(PYSTON_BAILOUT_NAME)
#undef PYSTON_BAILOUT_NAME
};

static uint64_t field(size_t offset)
{
    return *(const uint64_t *)((const char *)&pyston_stat + offset);
}

static uint64_t counter_value(size_t i)
{
    return field(counters[i].offset) + (counters[i].plus != SIZE_MAX ? field(counters[i].plus) : 0);
}

/* Sets D[KEY] = VALUE and drops the reference to VALUE. */
static int set_item(PyObject *d, const char *key, PyObject *value)
{
    int rc = value ? PyDict_SetItemString(d, key, value) : -1;
    Py_XDECREF(value);
    return rc;
}

/* Opcode names, copied from opcode.opname by pyston_stats_init() so that
 * the exit-time printer needs no Python. */
static char opcode_names[256][32];

void pyston_stats_init(void)
{
    pyston_stats *low = pyston_lowmem_alloc(sizeof *low);
    if (low != NULL && pyston_stat_at == &initial_stats) {
        *low = initial_stats;
        pyston_stat_at = low;
    }
    PyObject *module = PyImport_ImportModule("opcode");
    PyObject *names = module ? PyObject_GetAttrString(module, "opname") : NULL;
    for (int i = 0; i < 256; i++) {
        PyObject *name = names && PyList_Check(names) && i < PyList_GET_SIZE(names)
                             ? PyList_GET_ITEM(names, i) : NULL;
        const char *text = name ? PyUnicode_AsUTF8(name) : NULL;
        if (text)
            snprintf(opcode_names[i], sizeof opcode_names[i], "%s", text);
        else
            snprintf(opcode_names[i], sizeof opcode_names[i], "<%d>", i);
    }
    PyErr_Clear();
    Py_XDECREF(names);
    Py_XDECREF(module);
}

const char *pyston_opcode_name(int opcode)
{
    return opcode_names[opcode & 0xFF];
}

/* The unsupported_opcode bailouts are shown per opcode:
 * "unsupported_opcode:UNPACK_EX". */
static void reason_name(size_t reason, int opcode, char *out, size_t outlen)
{
    if (reason == PYSTON_BAILOUT_UNSUPPORTED_OPCODE)
        snprintf(out, outlen, "%.24s:%.31s", bailout_names[reason], opcode_names[opcode]);
    else
        snprintf(out, outlen, "%s", bailout_names[reason]);
}

static uint64_t reason_count(size_t reason, int opcode)
{
    return reason == PYSTON_BAILOUT_UNSUPPORTED_OPCODE
               ? pyston_stat.unsupported_by_opcode[opcode]
               : pyston_stat.bailouts_by_reason[reason];
}

/* Calls FN(name, count, arg) for every reason with a count. */
static int each_reason(int (*fn)(const char *, uint64_t, void *), void *arg)
{
    char name[64];
    for (size_t r = 0; r < PYSTON_BAILOUT_REASON_COUNT; r++) {
        int nops = r == PYSTON_BAILOUT_UNSUPPORTED_OPCODE ? 256 : 1;
        for (int op = 0; op < nops; op++) {
            uint64_t n = reason_count(r, op);
            if (n == 0)
                continue;
            reason_name(r, op, name, sizeof name);
            if (fn(name, n, arg) < 0)
                return -1;
        }
    }
    return 0;
}

static int add_reason(const char *name, uint64_t n, void *d)
{
    return set_item(d, name, PyLong_FromUnsignedLongLong(n));
}

static PyObject *bailouts_by_reason(void)
{
    PyObject *d = PyDict_New();
    if (d && each_reason(add_reason, d) < 0)
        Py_CLEAR(d);
    return d;
}

static int print_reason(const char *name, uint64_t n, void *unused)
{
    (void)unused;
    fprintf(stderr, "  bailouts[%s] %llu\n", name, (unsigned long long)n);
    return 0;
}

PyObject *pyston_stats_as_dict(void)
{
    pyston_drain_counters();
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
    pyston_drain_counters();
    fprintf(stderr, "pyston stats:\n");
    for (size_t i = 0; i < sizeof counters / sizeof counters[0]; i++)
        fprintf(stderr, "  %-20s %llu\n", counters[i].name,
                (unsigned long long)counter_value(i));
    fprintf(stderr, "  %-20s %.6f\n", "compile_seconds",
            pyston_stat.compile_seconds);
    each_reason(print_reason, NULL);
    fflush(stderr);
}
