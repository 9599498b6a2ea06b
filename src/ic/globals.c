/* LOAD_GLOBAL with a cache keyed on the versions of the globals and
 * builtins dicts (the role of LOAD_GLOBAL_MODULE/LOAD_GLOBAL_BUILTIN in
 * Python/specialize.c, which key on the dicts' keys instead). */
#include "ic/ic.h"

#include "runtime/ops.h"
#include "stats.h"

static inline uint64_t version_of(PyObject *dict)
{
    return ((PyDictObject *)dict)->ma_version_tag;
}

/* Whether LOAD_GLOBAL's VALUE came from the globals (an exact dict of
 * unicode keys, as the versions just checked it was: no __eq__ runs). */
static bool in_globals(_PyInterpreterFrame *f, int oparg, PyObject *value)
{
    PyObject *name = PyTuple_GET_ITEM(f->f_code->co_names, oparg >> 1);
    PyObject *found = PyDict_GetItemWithError(f->f_globals, name);
    if (found == NULL)
        PyErr_Clear();
    return found == value;
}

int pyston_ic_LOAD_GLOBAL(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                          void *cache)
{
    pyston_global_cache *c = cache;
    PyObject *globals = f->f_globals, *builtins = f->f_builtins;
    /* globals are always a dict; builtins may be any mapping */
    bool dicts = PyDict_CheckExact(globals) && PyDict_CheckExact(builtins);
    if (dicts && c->globals_version == version_of(globals) &&
        c->builtins_version == version_of(builtins)) {
        pyston_stat.ic_hits++;
        if (oparg & 1)
            *sp++ = NULL;
        *sp = Py_NewRef(c->value);
        return 0;
    }
    pyston_stat.ic_misses++;
    uint64_t gv = dicts ? version_of(globals) : 0, bv = dicts ? version_of(builtins) : 0;
    if (pyston_op_LOAD_GLOBAL(ts, f, sp, oparg, NULL) < 0)
        return -1;
    /* a lookup that ran __eq__ may have changed the dicts: then no fill */
    if (dicts && gv == version_of(globals) && bv == version_of(builtins) &&
        (!c->globals_only || in_globals(f, oparg, sp[oparg & 1]))) {
        c->globals_version = gv;
        c->builtins_version = bv;
        c->value = sp[oparg & 1];
    }
    return 0;
}
