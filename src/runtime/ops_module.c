/* Helpers of instructions that only module and class bodies (or the REPL)
 * run: IMPORT_STAR, SETUP_ANNOTATIONS, PRINT_EXPR.  Each mirrors its
 * TARGET() in Python/ceval.c. */
#include "runtime/ops_internal.h"

/* Mirrors import_all_from (Python/ceval.c). */
static int import_all_from(PyObject *locals, PyObject *v)
{
    INTERNED(all_name, "__all__");
    INTERNED(dict_name, "__dict__");
    INTERNED(name_name, "__name__");
    PyObject *all, *dict;
    int skip_leading_underscores = 0, err = 0;
    if (all_name == NULL || dict_name == NULL || name_name == NULL)
        return -1;
    if (_PyObject_LookupAttr(v, all_name, &all) < 0)
        return -1;
    if (all == NULL) {
        if (_PyObject_LookupAttr(v, dict_name, &dict) < 0)
            return -1;
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_leading_underscores = 1;
    }
    for (Py_ssize_t pos = 0;; pos++) {
        PyObject *name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError))
                err = -1;
            else
                PyErr_Clear();
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(v, name_name);
            if (modname != NULL && !PyUnicode_Check(modname))
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                             Py_TYPE(modname)->tp_name);
            else if (modname != NULL)
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                             skip_leading_underscores ? "Key" : "Item", modname,
                             skip_leading_underscores ? "__dict__" : "__all__",
                             Py_TYPE(name)->tp_name);
            Py_XDECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores) {
            if (PyUnicode_READY(name) == -1) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            if (PyUnicode_READ_CHAR(name, 0) == '_') {
                Py_DECREF(name);
                continue;
            }
        }
        PyObject *value = PyObject_GetAttr(v, name);
        if (value == NULL)
            err = -1;
        else if (PyDict_CheckExact(locals))
            err = PyDict_SetItem(locals, name, value);
        else
            err = PyObject_SetItem(locals, name, value);
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err != 0)
            break;
    }
    Py_DECREF(all);
    return err;
}

/* Returns 2 for a frame with fast locals (a class body with a cell): the
 * interpreter's _PyFrame_FastToLocalsWithError, hidden, must run. */
OP(IMPORT_STAR)
{
    UNUSED_ARGS;
    if (f->f_code->co_nlocalsplus != 0)
        return 2;
    /* _PyFrame_FastToLocalsWithError, for a frame without fast locals */
    if (f->f_locals == NULL && (f->f_locals = PyDict_New()) == NULL)
        return error_at(f, sp);
    PyObject *from = TOP();
    int err = import_all_from(f->f_locals, from);
    Py_DECREF(from);
    return err ? error_at(f, sp - 1) : 0;
}

OP(SETUP_ANNOTATIONS)
{
    UNUSED_ARGS;
    INTERNED(name, "__annotations__");
    PyObject *locals = f->f_locals;
    if (name == NULL)
        return error_at(f, sp);
    if (locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals found when setting up annotations");
        return error_at(f, sp);
    }
    PyObject *ann_dict;
    if (PyDict_CheckExact(locals)) {
        ann_dict = PyDict_GetItemWithError(locals, name);
        if (ann_dict != NULL)
            return 0;
        if (PyErr_Occurred())
            return error_at(f, sp);
    } else {
        ann_dict = PyObject_GetItem(locals, name);
        if (ann_dict != NULL) {
            Py_DECREF(ann_dict);
            return 0;
        }
        if (!PyErr_ExceptionMatches(PyExc_KeyError))
            return error_at(f, sp);
        PyErr_Clear();
    }
    /* none yet: a new one */
    if ((ann_dict = PyDict_New()) == NULL)
        return error_at(f, sp);
    int err = PyDict_CheckExact(locals) ? PyDict_SetItem(locals, name, ann_dict)
                                        : PyObject_SetItem(locals, name, ann_dict);
    Py_DECREF(ann_dict);
    return err ? error_at(f, sp) : 0;
}

OP(PRINT_EXPR)
{
    UNUSED_ARGS;
    PyObject *value = TOP();
    PyObject *hook = PySys_GetObject("displayhook"); /* _PySys_GetAttr: borrowed */
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
        Py_DECREF(value);
        return error_at(f, sp - 1);
    }
    PyObject *res = PyObject_CallOneArg(hook, value);
    Py_DECREF(value);
    if (res == NULL)
        return error_at(f, sp - 1);
    Py_DECREF(res);
    return 0;
}
