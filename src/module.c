/* pyston._jit: the Python-facing API (enable, disable, stats, configure). */
#include "cpython.h"

#include "hook.h"
#include "options.h"
#include "stats.h"

static const char *getenv_const(const char *name) { return getenv(name); }

/* Why the PYSTON_* environment could not be read, or "" if it could. */
static char env_error[256];

static PyObject *jit_enable(PyObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    if (env_error[0]) {
        PyErr_SetString(PyExc_ValueError, env_error);
        return NULL;
    }
    if (!pyston_opts.jit) /* PYSTON_JIT=0 is the user's kill switch */
        Py_RETURN_FALSE;
    if (pyston_hook_install() < 0)
        return NULL;
    return PyBool_FromLong(pyston_hook_installed());
}

static PyObject *jit_disable(PyObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    pyston_hook_remove();
    Py_RETURN_NONE;
}

static PyObject *jit_is_enabled(PyObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    return PyBool_FromLong(pyston_hook_installed());
}

static PyObject *jit_stats(PyObject *self, PyObject *unused)
{
    (void)self, (void)unused;
    return pyston_stats_as_dict();
}

static void print_stats_at_exit(void)
{
    if (pyston_opts.stats)
        pyston_stats_print();
}

static int install_stats_printer(void)
{
    static int installed;
    if (installed)
        return 0;
    if (Py_AtExit(print_stats_at_exit) < 0) {
        PyErr_SetString(PyExc_RuntimeError, "pyston: too many atexit functions");
        return -1;
    }
    installed = 1;
    return 0;
}

/* Validates one keyword of configure() against the option table. */
static int configure_one(const pyston_option_spec *spec, PyObject *value,
                         pyston_options *opts)
{
    int overflow;
    long v = PyLong_AsLongAndOverflow(value, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow || v < spec->min || v > spec->max) {
        PyErr_Format(PyExc_ValueError, "pyston.configure(): %s must be %s",
                     spec->key, spec->expected);
        return -1;
    }
    *pyston_option_field(opts, spec) = v;
    return 0;
}

static const pyston_option_spec *find_option(PyObject *key)
{
    for (size_t i = 0; i < pyston_option_count; i++)
        if (PyUnicode_CompareWithASCIIString(key, pyston_option_table[i].key) == 0)
            return &pyston_option_table[i];
    return NULL;
}

static PyObject *options_as_dict(void)
{
    PyObject *d = PyDict_New();
    for (size_t i = 0; d && i < pyston_option_count; i++) {
        const pyston_option_spec *spec = &pyston_option_table[i];
        PyObject *v = PyLong_FromLong(*pyston_option_field(&pyston_opts, spec));
        if (v == NULL || PyDict_SetItemString(d, spec->key, v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(v);
    }
    return d;
}

/* configure(**options): sets the given options (all or none) and returns
 * the options now in force. */
static PyObject *jit_configure(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError,
                        "pyston.configure() takes keyword arguments only");
        return NULL;
    }
    pyston_options next = pyston_opts;
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (kwargs && PyDict_Next(kwargs, &pos, &key, &value)) {
        const pyston_option_spec *spec = find_option(key);
        if (spec == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "pyston.configure() got an unexpected option %R", key);
            return NULL;
        }
        if (configure_one(spec, value, &next) < 0)
            return NULL;
    }
    if (next.stats && install_stats_printer() < 0)
        return NULL;
    if (!next.jit)
        pyston_hook_remove();
    pyston_opts = next;
    return options_as_dict();
}

static PyMethodDef jit_methods[] = {
    {"enable", jit_enable, METH_NOARGS,
     "enable()\n--\n\nRun Python code through the JIT from now on. Returns "
     "False if PYSTON_JIT=0 turned the JIT off, or in a subinterpreter."},
    {"disable", jit_disable, METH_NOARGS,
     "disable()\n--\n\nHand every frame back to CPython's interpreter."},
    {"is_enabled", jit_is_enabled, METH_NOARGS,
     "is_enabled()\n--\n\nWhether the JIT's frame hook is installed."},
    {"stats", jit_stats, METH_NOARGS,
     "stats()\n--\n\nA dict of the JIT's counters."},
    {"configure", (PyCFunction)(void (*)(void))jit_configure,
     METH_VARARGS | METH_KEYWORDS,
     "configure(**options)\n--\n\nSet options (jit, threshold, stats) and "
     "return those in force."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef jit_module = {
    PyModuleDef_HEAD_INIT, "pyston._jit",
    "The Pyston JIT's core, written in C.", -1, jit_methods,
    NULL, NULL, NULL, NULL,
};

/* A bad PYSTON_* value makes enable() fail loudly, whether the JIT starts
 * through bin/pyston or through pyston.enable(); the rest of the API works
 * with the defaults. */
PyMODINIT_FUNC PyInit__jit(void)
{
    pyston_options_set_defaults(&pyston_opts);
    if (pyston_options_load(&pyston_opts, getenv_const, env_error,
                            sizeof env_error) < 0)
        pyston_options_set_defaults(&pyston_opts);
    if (pyston_opts.stats && install_stats_printer() < 0)
        return NULL;
    pyston_stats_init();
    return PyModule_Create(&jit_module);
}
