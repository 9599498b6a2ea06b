/* Helpers of `except*`: CHECK_EG_MATCH and PREP_RERAISE_STAR, mirroring
 * their TARGET()s in Python/ceval.c and the hidden functions behind them
 * (exception_group_match, check_except_star_type_valid in ceval.c;
 * _PyExc_PrepReraiseStar in Objects/exceptions.c). */
#include "runtime/ops_internal.h"

#define EG_TYPE ((PyTypeObject *)PyExc_BaseExceptionGroup)
#define IS_EG(o) PyObject_TypeCheck((o), EG_TYPE)

/* Mirrors _PyExc_CreateExceptionGroup: BaseExceptionGroup(MSG, EXCS). */
static PyObject *new_group(PyObject *excs)
{
    return PyObject_CallFunction(PyExc_BaseExceptionGroup, "sO", "", excs);
}

/* Mirrors check_except_star_type_valid: a valid except type that is not
 * an exception group. */
static int check_star_type(PyObject *right)
{
    if (pyston_check_except_type_valid(right) < 0)
        return -1;
    int is_subclass = 0;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right) && !is_subclass; i++) {
            is_subclass = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i), PyExc_BaseExceptionGroup);
            if (is_subclass < 0)
                return -1;
        }
    } else {
        is_subclass = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
        if (is_subclass < 0)
            return -1;
    }
    if (is_subclass) {
        PyErr_SetString(PyExc_TypeError,
                        "catching ExceptionGroup with except* is not allowed. "
                        "Use except instead.");
        return -1;
    }
    return 0;
}

/* Mirrors exception_group_match. */
static int group_match(PyObject *exc_value, PyObject *match_type, PyObject **match,
                       PyObject **rest)
{
    *match = *rest = NULL;
    if (Py_IsNone(exc_value)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        if (IS_EG(exc_value)) {
            *match = Py_NewRef(exc_value);
        } else { /* a naked exception: wrapped */
            PyObject *excs = PyTuple_Pack(1, exc_value);
            *match = excs ? new_group(excs) : NULL;
            Py_XDECREF(excs);
            if (*match == NULL)
                return -1;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (IS_EG(exc_value)) { /* a partial match, maybe */
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL)
            return -1;
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(Py_None);
    return 0;
}

OP(CHECK_EG_MATCH)
{
    UNUSED_ARGS;
    PyObject *match_type = TOP(), *exc_value = SECOND();
    if (check_star_type(match_type) < 0) {
        Py_DECREF(match_type);
        return error_at(f, sp - 1);
    }
    PyObject *match, *rest;
    int res = group_match(exc_value, match_type, &match, &rest);
    Py_DECREF(match_type);
    if (res < 0 || match == NULL || rest == NULL)
        return error_at(f, sp - 1);
    if (Py_IsNone(match)) {
        TOP() = match;
        Py_XDECREF(rest);
    } else { /* [val] becomes [rest, match] */
        SECOND() = rest;
        TOP() = match;
        PyErr_SetExcInfo(NULL, Py_NewRef(match), NULL);
        Py_DECREF(exc_value);
    }
    return 0;
}

/* --- PREP_RERAISE_STAR -------------------------------------------------- */

/* Mirrors collect_exception_group_leaf_ids: the ids of EXC's leaves. */
static int collect_leaf_ids(PyObject *exc, PyObject *leaf_ids)
{
    if (Py_IsNone(exc))
        return 0;
    if (!IS_EG(exc)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        int res = id ? PySet_Add(leaf_ids, id) : -1;
        Py_XDECREF(id);
        return res;
    }
    PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(excs); i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids"))
            return -1;
        int res = collect_leaf_ids(PyTuple_GET_ITEM(excs, i), leaf_ids);
        Py_LeaveRecursiveCall();
        if (res < 0)
            return -1;
    }
    return 0;
}

/* The predicate of the EXCEPTION_GROUP_MATCH_INSTANCE_IDS split: a leaf
 * whose id is in the set SELF. */
static PyObject *is_kept_leaf(PyObject *leaf_ids, PyObject *exc)
{
    if (IS_EG(exc))
        Py_RETURN_FALSE;
    PyObject *id = PyLong_FromVoidPtr(exc);
    int found = id ? PySet_Contains(leaf_ids, id) : -1;
    Py_XDECREF(id);
    return found < 0 ? NULL : PyBool_FromLong(found);
}

static PyMethodDef is_kept_leaf_def = {"is_kept_leaf", is_kept_leaf, METH_O, NULL};

/* subgroup() takes a predicate only as a Python function (get_matcher_type
 * checks PyFunction_Check), so the C predicate gets a Python wrapper. */
static PyObject *python_predicate(PyObject *leaf_ids)
{
    static PyObject *make_wrapper; /* lambda pred: lambda e: pred(e) */
    if (make_wrapper == NULL) {
        PyObject *code = Py_CompileString("lambda pred: lambda e: pred(e)", "<pyston>",
                                          Py_eval_input);
        PyObject *globals = code ? PyDict_New() : NULL;
        if (globals && PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) == 0)
            make_wrapper = PyEval_EvalCode(code, globals, globals);
        Py_XDECREF(globals);
        Py_XDECREF(code);
        if (make_wrapper == NULL)
            return NULL;
    }
    PyObject *pred = PyCFunction_New(&is_kept_leaf_def, leaf_ids);
    PyObject *wrapper = pred ? PyObject_CallOneArg(make_wrapper, pred) : NULL;
    Py_XDECREF(pred);
    return wrapper;
}

/* Mirrors exception_group_projection: the part of EG whose leaves are in
 * the groups of KEEP.  The hidden split-by-ids is BaseExceptionGroup's own
 * subgroup() (not an override) with a predicate that matches those ids. */
static PyObject *projection(PyObject *eg, PyObject *keep)
{
    PyObject *leaf_ids = PySet_New(NULL), *pred = NULL, *subgroup = NULL, *res = NULL;
    if (leaf_ids == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keep); i++) {
        if (collect_leaf_ids(PyList_GET_ITEM(keep, i), leaf_ids) < 0)
            goto done;
    }
    pred = python_predicate(leaf_ids);
    subgroup = pred ? PyObject_GetAttrString(PyExc_BaseExceptionGroup, "subgroup") : NULL;
    if (subgroup != NULL)
        res = PyObject_CallFunctionObjArgs(subgroup, eg, pred, NULL);
done:
    Py_XDECREF(subgroup);
    Py_XDECREF(pred);
    Py_DECREF(leaf_ids);
    return res;
}

/* Mirrors is_same_exception_metadata. */
static bool same_metadata(PyObject *exc1, PyObject *exc2)
{
    PyBaseExceptionObject *e1 = (PyBaseExceptionObject *)exc1;
    PyBaseExceptionObject *e2 = (PyBaseExceptionObject *)exc2;
    return e1->notes == e2->notes && e1->traceback == e2->traceback &&
           e1->cause == e2->cause && e1->context == e2->context;
}

/* Mirrors _PyExc_PrepReraiseStar: the exception group that a try-except*
 * raises at its end, from the ORIGinal one and those its clauses raised. */
static PyObject *prep_reraise_star(PyObject *orig, PyObject *excs)
{
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0)
        return Py_NewRef(Py_None);
    if (!IS_EG(orig)) /* a naked exception, caught and wrapped: one clause ran */
        return Py_NewRef(PyList_GET_ITEM(excs, 0));
    PyObject *raised = PyList_New(0), *reraised = PyList_New(0), *result = NULL;
    if (raised == NULL || reraised == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (!Py_IsNone(e) && PyList_Append(same_metadata(e, orig) ? reraised : raised, e) < 0)
            goto done;
    }
    PyObject *reraised_eg = projection(orig, reraised);
    if (reraised_eg == NULL)
        goto done;
    if (PyList_GET_SIZE(raised) == 0) {
        result = reraised_eg;
        goto done;
    }
    int res = Py_IsNone(reraised_eg) ? 0 : PyList_Append(raised, reraised_eg);
    Py_DECREF(reraised_eg);
    if (res == 0)
        result = new_group(raised);
done:
    Py_XDECREF(raised);
    Py_XDECREF(reraised);
    return result;
}

OP(PREP_RERAISE_STAR)
{
    UNUSED_ARGS;
    PyObject *excs = TOP(), *orig = SECOND();
    PyObject *val = prep_reraise_star(orig, excs);
    Py_DECREF(excs);
    Py_DECREF(orig);
    if (val == NULL)
        return error_at(f, sp - 2);
    SECOND() = val;
    return 0;
}
