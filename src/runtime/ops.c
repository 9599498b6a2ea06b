/* Instruction helpers for compiled code.  Each one mirrors the TARGET() of
 * the same name in Python/ceval.c (CPython 3.11.2): same calls, same
 * error messages, same stack contents at an error. */
#include "runtime/ops.h"

#include "ic/ic.h"
#include "runtime/call.h"
#include "runtime/ops_internal.h"

#include <internal/pycore_object.h> /* _PyObject_LookupSpecial */

/* Mirrors format_exc_check_arg (Python/ceval.c): the message, and for a
 * NameError the name, from which the traceback printer suggests another. */
static void name_error(PyObject *exc, const char *format, PyObject *name)
{
    const char *text = PyUnicode_AsUTF8(name);
    if (text == NULL)
        return;
    PyErr_Format(exc, format, text);
    if (exc != PyExc_NameError)
        return;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (PyErr_GivenExceptionMatches(value, PyExc_NameError) &&
        ((PyNameErrorObject *)value)->name == NULL)
        (void)PyObject_SetAttrString(value, "name", name);
    PyErr_Restore(type, value, tb);
}

#define NAME_ERROR_MSG "name '%.200s' is not defined"

/* Mirrors format_exc_unbound. */
static void unbound_cell_error(PyCodeObject *co, int oparg)
{
    if (PyErr_Occurred())
        return;
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
    if (oparg < co->co_nplaincellvars + co->co_nlocals)
        name_error(PyExc_UnboundLocalError,
                   "cannot access local variable '%s' where it is not "
                   "associated with a value", name);
    else
        name_error(PyExc_NameError,
                   "cannot access free variable '%s' where it is not "
                   "associated with a value in enclosing scope", name);
}

/* --- unary and binary operators --------------------------------------- */

static int unary(_PyInterpreterFrame *f, PyObject **sp, PyObject *(*fn)(PyObject *))
{
    PyObject *value = TOP();
    PyObject *res = fn(value);
    Py_DECREF(value);
    TOP() = res;
    return res ? 0 : error_at(f, sp);
}

OP(UNARY_POSITIVE) { UNUSED_ARGS; return unary(f, sp, PyNumber_Positive); }
OP(UNARY_NEGATIVE) { UNUSED_ARGS; return unary(f, sp, PyNumber_Negative); }
OP(UNARY_INVERT) { UNUSED_ARGS; return unary(f, sp, PyNumber_Invert); }

OP(UNARY_NOT)
{
    UNUSED_ARGS;
    PyObject *value = TOP();
    int err = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (err < 0)
        return error_at(f, sp - 1);
    TOP() = Py_NewRef(err == 0 ? Py_True : Py_False);
    return 0;
}

static PyObject *power(PyObject *a, PyObject *b) { return PyNumber_Power(a, b, Py_None); }
static PyObject *inplace_power(PyObject *a, PyObject *b) { return PyNumber_InPlacePower(a, b, Py_None); }

/* binary_ops[] of ceval.c, indexed by the NB_* oparg of BINARY_OP. */
static PyObject *(*const binary_ops[])(PyObject *, PyObject *) = {
    [NB_ADD] = PyNumber_Add, [NB_AND] = PyNumber_And,
    [NB_FLOOR_DIVIDE] = PyNumber_FloorDivide, [NB_LSHIFT] = PyNumber_Lshift,
    [NB_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply, [NB_MULTIPLY] = PyNumber_Multiply,
    [NB_REMAINDER] = PyNumber_Remainder, [NB_OR] = PyNumber_Or,
    [NB_POWER] = power, [NB_RSHIFT] = PyNumber_Rshift,
    [NB_SUBTRACT] = PyNumber_Subtract, [NB_TRUE_DIVIDE] = PyNumber_TrueDivide,
    [NB_XOR] = PyNumber_Xor,
    [NB_INPLACE_ADD] = PyNumber_InPlaceAdd, [NB_INPLACE_AND] = PyNumber_InPlaceAnd,
    [NB_INPLACE_FLOOR_DIVIDE] = PyNumber_InPlaceFloorDivide,
    [NB_INPLACE_LSHIFT] = PyNumber_InPlaceLshift,
    [NB_INPLACE_MATRIX_MULTIPLY] = PyNumber_InPlaceMatrixMultiply,
    [NB_INPLACE_MULTIPLY] = PyNumber_InPlaceMultiply,
    [NB_INPLACE_REMAINDER] = PyNumber_InPlaceRemainder, [NB_INPLACE_OR] = PyNumber_InPlaceOr,
    [NB_INPLACE_POWER] = inplace_power, [NB_INPLACE_RSHIFT] = PyNumber_InPlaceRshift,
    [NB_INPLACE_SUBTRACT] = PyNumber_InPlaceSubtract,
    [NB_INPLACE_TRUE_DIVIDE] = PyNumber_InPlaceTrueDivide,
    [NB_INPLACE_XOR] = PyNumber_InPlaceXor,
};

binaryfunc pyston_binary_op_fn(int oparg)
{
    return binary_ops[oparg];
}

OP(BINARY_OP)
{
    UNUSED_ARGS;
    PyObject *rhs = TOP(), *lhs = SECOND();
    PyObject *res = binary_ops[oparg](lhs, rhs);
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    SECOND() = res;
    return res ? 0 : error_at(f, sp - 1);
}

OP(COMPARE_OP)
{
    UNUSED_ARGS;
    PyObject *right = TOP(), *left = SECOND();
    PyObject *res = PyObject_RichCompare(left, right, oparg);
    SECOND() = res;
    Py_DECREF(left);
    Py_DECREF(right);
    return res ? 0 : error_at(f, sp - 1);
}

OP(IS_OP)
{
    UNUSED_ARGS;
    PyObject *right = TOP(), *left = SECOND();
    SECOND() = Py_NewRef((Py_Is(left, right) ^ oparg) ? Py_True : Py_False);
    Py_DECREF(left);
    Py_DECREF(right);
    return 0;
}

OP(CONTAINS_OP)
{
    UNUSED_ARGS;
    PyObject *right = TOP(), *left = SECOND();
    int res = PySequence_Contains(right, left);
    Py_DECREF(left);
    Py_DECREF(right);
    if (res < 0)
        return error_at(f, sp - 2);
    SECOND() = Py_NewRef((res ^ oparg) ? Py_True : Py_False);
    return 0;
}

/* --- subscripts, slices, containers ------------------------------------ */

OP(BINARY_SUBSCR)
{
    UNUSED_ARGS;
    PyObject *sub = TOP(), *container = SECOND();
    PyObject *res = PyObject_GetItem(container, sub);
    Py_DECREF(container);
    Py_DECREF(sub);
    SECOND() = res;
    return res ? 0 : error_at(f, sp - 1);
}

OP(STORE_SUBSCR)
{
    UNUSED_ARGS;
    PyObject *sub = TOP(), *container = SECOND(), *v = PEEK(3);
    int err = PyObject_SetItem(container, sub, v);
    Py_DECREF(v);
    Py_DECREF(container);
    Py_DECREF(sub);
    return err ? error_at(f, sp - 3) : 0;
}

OP(DELETE_SUBSCR)
{
    UNUSED_ARGS;
    PyObject *sub = TOP(), *container = SECOND();
    int err = PyObject_DelItem(container, sub);
    Py_DECREF(container);
    Py_DECREF(sub);
    return err ? error_at(f, sp - 2) : 0;
}

OP(BUILD_SLICE)
{
    UNUSED_ARGS;
    PyObject *step = oparg == 3 ? TOP() : NULL;
    PyObject **top = oparg == 3 ? sp - 1 : sp;
    PyObject *stop = top[-1], *start = top[-2];
    PyObject *slice = PySlice_New(start, stop, step);
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_XDECREF(step);
    top[-2] = slice;
    return slice ? 0 : error_at(f, top - 1);
}

/* Pops N items into a new sequence made by MAKE, which steals them. */
static int build(_PyInterpreterFrame *f, PyObject **sp, int n, int is_list)
{
    PyObject *seq = is_list ? PyList_New(n) : PyTuple_New(n);
    if (seq == NULL)
        return error_at(f, sp);
    for (int i = 0; i < n; i++) {
        if (is_list)
            PyList_SET_ITEM(seq, i, sp[i - n]);
        else
            PyTuple_SET_ITEM(seq, i, sp[i - n]);
    }
    sp[-n] = seq;
    return 0;
}

OP(BUILD_TUPLE) { UNUSED_ARGS; return build(f, sp, oparg, 0); }
OP(BUILD_LIST) { UNUSED_ARGS; return build(f, sp, oparg, 1); }

OP(LIST_TO_TUPLE)
{
    UNUSED_ARGS;
    PyObject *list = TOP();
    PyObject *tuple = PyList_AsTuple(list);
    Py_DECREF(list);
    TOP() = tuple;
    return tuple ? 0 : error_at(f, sp - 1);
}

OP(BUILD_SET)
{
    UNUSED_ARGS;
    PyObject *set = PySet_New(NULL);
    int err = set == NULL;
    for (int i = oparg; i > 0; i--) {
        PyObject *item = PEEK(i);
        if (err == 0)
            err = PySet_Add(set, item);
        Py_DECREF(item);
    }
    if (err) {
        Py_XDECREF(set);
        return error_at(f, sp - oparg);
    }
    sp[-oparg] = set;
    return 0;
}

OP(BUILD_MAP)
{
    UNUSED_ARGS;
    PyObject *map = _PyDict_NewPresized(oparg);
    for (int i = 0; map && i < oparg; i++) {
        if (PyDict_SetItem(map, sp[2 * (i - oparg)], sp[2 * (i - oparg) + 1]) < 0)
            Py_CLEAR(map);
    }
    if (map == NULL)
        return error_at(f, sp);
    for (int i = 1; i <= 2 * oparg; i++)
        Py_DECREF(PEEK(i));
    sp[-2 * oparg] = map;
    return 0;
}

OP(BUILD_CONST_KEY_MAP)
{
    UNUSED_ARGS;
    PyObject *keys = TOP();
    if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != (Py_ssize_t)oparg) {
        PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
        return error_at(f, sp);
    }
    PyObject *map = _PyDict_NewPresized(oparg);
    for (int i = 0; map && i < oparg; i++) {
        if (PyDict_SetItem(map, PyTuple_GET_ITEM(keys, i), sp[i - oparg - 1]) < 0)
            Py_CLEAR(map);
    }
    if (map == NULL)
        return error_at(f, sp);
    for (int i = 1; i <= oparg + 1; i++)
        Py_DECREF(PEEK(i));
    sp[-oparg - 1] = map;
    return 0;
}

OP(BUILD_STRING)
{
    UNUSED_ARGS;
    INTERNED(empty, "");
    PyObject *str = empty ? _PyUnicode_JoinArray(empty, sp - oparg, oparg) : NULL;
    if (str == NULL)
        return error_at(f, sp);
    for (int i = 1; i <= oparg; i++)
        Py_DECREF(PEEK(i));
    sp[-oparg] = str;
    return 0;
}

/* Pops TOS into the list or set OPARG entries below it (comprehensions). */
static int add_to_container(_PyInterpreterFrame *f, PyObject **sp, int oparg,
                            int (*add)(PyObject *, PyObject *))
{
    PyObject *v = TOP();
    int err = add(PEEK(oparg + 1), v);
    Py_DECREF(v);
    return err ? error_at(f, sp - 1) : 0;
}

OP(LIST_APPEND) { UNUSED_ARGS; return add_to_container(f, sp, oparg, PyList_Append); }
OP(SET_ADD) { UNUSED_ARGS; return add_to_container(f, sp, oparg, PySet_Add); }

OP(MAP_ADD)
{
    UNUSED_ARGS;
    PyObject *value = TOP(), *key = SECOND();
    int err = PyDict_SetItem(PEEK(oparg + 2), key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return err ? error_at(f, sp - 2) : 0;
}

OP(LIST_EXTEND)
{
    UNUSED_ARGS;
    PyObject *iterable = TOP();
    PyObject *none = _PyList_Extend((PyListObject *)PEEK(oparg + 1), iterable);
    if (none == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) &&
            Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "Value after * must be an iterable, not %.200s",
                         Py_TYPE(iterable)->tp_name);
        }
        Py_DECREF(iterable);
        return error_at(f, sp - 1);
    }
    Py_DECREF(none);
    Py_DECREF(iterable);
    return 0;
}

OP(SET_UPDATE)
{
    UNUSED_ARGS;
    PyObject *iterable = TOP();
    int err = _PySet_Update(PEEK(oparg + 1), iterable);
    Py_DECREF(iterable);
    return err < 0 ? error_at(f, sp - 1) : 0;
}

OP(DICT_UPDATE)
{
    UNUSED_ARGS;
    PyObject *update = TOP();
    if (PyDict_Update(PEEK(oparg + 1), update) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                         Py_TYPE(update)->tp_name);
        }
        Py_DECREF(update);
        return error_at(f, sp - 1);
    }
    Py_DECREF(update);
    return 0;
}

/* --- names ---------------------------------------------------------------- */

/* A lookup in a namespace that may not be a dict: 1 found, 0 not, -1 error. */
static int lookup(PyObject *ns, PyObject *name, PyObject **value)
{
    if (PyDict_CheckExact(ns)) {
        *value = Py_XNewRef(PyDict_GetItemWithError(ns, name));
        return *value ? 1 : PyErr_Occurred() ? -1 : 0;
    }
    *value = PyObject_GetItem(ns, name);
    if (*value)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return -1;
    PyErr_Clear();
    return 0;
}

/* globals, then builtins, as LOAD_GLOBAL and LOAD_NAME do; LOAD_NAME
 * reads the globals as a plain dict (PyDict_GetItemWithError) even when
 * they are a dict subclass.  NULL with NameError when neither has it. */
static PyObject *load_global(_PyInterpreterFrame *f, PyObject *name, bool as_dict)
{
    PyObject *v;
    int found;
    if (as_dict) {
        v = Py_XNewRef(PyDict_GetItemWithError(f->f_globals, name));
        found = v ? 1 : PyErr_Occurred() ? -1 : 0;
    } else {
        found = lookup(f->f_globals, name, &v);
    }
    if (found == 0)
        found = lookup(f->f_builtins, name, &v);
    if (found == 0)
        name_error(PyExc_NameError, NAME_ERROR_MSG, name);
    return found > 0 ? v : NULL;
}

OP(LOAD_GLOBAL)
{
    UNUSED_ARGS;
    int push_null = oparg & 1;
    PyObject *v = load_global(f, NAME(oparg >> 1), false);
    if (v == NULL)
        return error_at(f, sp);
    if (push_null)
        *sp++ = NULL;
    *sp = v;
    return 0;
}

OP(LOAD_NAME)
{
    UNUSED_ARGS;
    PyObject *name = NAME(oparg), *v;
    if (f->f_locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals when loading %R", name);
        return error_at(f, sp);
    }
    int found = lookup(f->f_locals, name, &v);
    if (found < 0)
        return error_at(f, sp);
    if (found == 0 && (v = load_global(f, name, true)) == NULL)
        return error_at(f, sp);
    *sp = v;
    return 0;
}

OP(STORE_NAME)
{
    UNUSED_ARGS;
    PyObject *name = NAME(oparg), *v = TOP(), *ns = f->f_locals;
    int err;
    if (ns == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
        err = -1;
    } else if (PyDict_CheckExact(ns)) {
        err = PyDict_SetItem(ns, name, v);
    } else {
        err = PyObject_SetItem(ns, name, v);
    }
    Py_DECREF(v);
    return err ? error_at(f, sp - 1) : 0;
}

OP(DELETE_NAME)
{
    UNUSED_ARGS;
    PyObject *name = NAME(oparg), *ns = f->f_locals;
    if (ns == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
        return error_at(f, sp);
    }
    if (PyObject_DelItem(ns, name) != 0) {
        name_error(PyExc_NameError, NAME_ERROR_MSG, name);
        return error_at(f, sp);
    }
    return 0;
}

OP(STORE_GLOBAL)
{
    UNUSED_ARGS;
    PyObject *v = TOP();
    int err = PyDict_SetItem(f->f_globals, NAME(oparg), v);
    Py_DECREF(v);
    return err ? error_at(f, sp - 1) : 0;
}

OP(DELETE_GLOBAL)
{
    UNUSED_ARGS;
    PyObject *name = NAME(oparg);
    if (PyDict_DelItem(f->f_globals, name) != 0) {
        if (PyErr_ExceptionMatches(PyExc_KeyError))
            name_error(PyExc_NameError, NAME_ERROR_MSG, name);
        return error_at(f, sp);
    }
    return 0;
}

OP(LOAD_DEREF)
{
    UNUSED_ARGS;
    PyObject *value = PyCell_GET(f->localsplus[oparg]);
    if (value == NULL) {
        unbound_cell_error(f->f_code, oparg);
        return error_at(f, sp);
    }
    *sp = Py_NewRef(value);
    return 0;
}

OP(LOAD_CLASSDEREF)
{
    UNUSED_ARGS;
    PyObject *name = PyTuple_GET_ITEM(f->f_code->co_localsplusnames, oparg), *value;
    int found = lookup(f->f_locals, name, &value);
    if (found < 0)
        return error_at(f, sp);
    if (found == 0) {
        value = PyCell_GET(f->localsplus[oparg]);
        if (value == NULL) {
            unbound_cell_error(f->f_code, oparg);
            return error_at(f, sp);
        }
        Py_INCREF(value);
    }
    *sp = value;
    return 0;
}

OP(STORE_DEREF)
{
    UNUSED_ARGS;
    PyObject *cell = f->localsplus[oparg];
    PyObject *old = PyCell_GET(cell);
    PyCell_SET(cell, TOP());
    Py_XDECREF(old);
    return 0;
}

OP(DELETE_DEREF)
{
    UNUSED_ARGS;
    PyObject *cell = f->localsplus[oparg];
    PyObject *old = PyCell_GET(cell);
    if (old == NULL) {
        unbound_cell_error(f->f_code, oparg);
        return error_at(f, sp);
    }
    PyCell_SET(cell, NULL);
    Py_DECREF(old);
    return 0;
}

OP(MAKE_CELL)
{
    UNUSED_ARGS;
    PyObject *initial = f->localsplus[oparg];
    PyObject *cell = PyCell_New(initial);
    if (cell == NULL)
        return error_at(f, sp);
    f->localsplus[oparg] = cell;
    Py_XDECREF(initial);
    return 0;
}

OP(COPY_FREE_VARS)
{
    UNUSED_ARGS;
    PyCodeObject *co = f->f_code;
    PyObject *closure = f->f_func->func_closure;
    int offset = co->co_nlocals + co->co_nplaincellvars;
    for (int i = 0; i < oparg; ++i)
        f->localsplus[offset + i] = Py_NewRef(PyTuple_GET_ITEM(closure, i));
    return 0;
}

/* --- attributes ------------------------------------------------------------ */

OP(LOAD_ATTR)
{
    UNUSED_ARGS;
    PyObject *owner = TOP();
    PyObject *res = PyObject_GetAttr(owner, NAME(oparg));
    if (res == NULL)
        return error_at(f, sp);
    Py_DECREF(owner);
    TOP() = res;
    return 0;
}

OP(LOAD_METHOD)
{
    UNUSED_ARGS;
    PyObject *obj = TOP(), *meth = NULL;
    int found = _PyObject_GetMethod(obj, NAME(oparg), &meth);
    if (meth == NULL)
        return error_at(f, sp);
    if (found) { /* meth | self */
        TOP() = meth;
        sp[0] = obj;
    } else { /* NULL | meth */
        TOP() = NULL;
        Py_DECREF(obj);
        sp[0] = meth;
    }
    return 0;
}

OP(STORE_ATTR)
{
    UNUSED_ARGS;
    PyObject *owner = TOP(), *v = SECOND();
    int err = PyObject_SetAttr(owner, NAME(oparg), v);
    Py_DECREF(v);
    Py_DECREF(owner);
    return err ? error_at(f, sp - 2) : 0;
}

OP(DELETE_ATTR)
{
    UNUSED_ARGS;
    PyObject *owner = TOP();
    int err = PyObject_SetAttr(owner, NAME(oparg), NULL);
    Py_DECREF(owner);
    return err ? error_at(f, sp - 1) : 0;
}

/* --- iteration and branches ---------------------------------------------- */

OP(GET_ITER)
{
    UNUSED_ARGS;
    PyObject *iterable = TOP();
    PyObject *iter = PyObject_GetIter(iterable);
    Py_DECREF(iterable);
    TOP() = iter;
    return iter ? 0 : error_at(f, sp);
}

/* Returns 1 when the iterator is exhausted (the jump). */
OP(FOR_ITER)
{
    UNUSED_ARGS;
    PyObject *iter = TOP(), *next;
    int direct = PyGen_CheckExact(iter)
                     ? pyston_generator_next(ts, (PyGenObject *)iter, &next)
                     : PYSTON_NOT_DIRECT;
    if (direct == PYSTON_NOT_DIRECT)
        next = (*Py_TYPE(iter)->tp_iternext)(iter);
    if (next != NULL) {
        sp[0] = next;
        return 0;
    }
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return error_at(f, sp);
        PyErr_Clear(); /* (tracing frames never run compiled code) */
    }
    Py_DECREF(iter);
    return 1;
}

/* POP_JUMP_*_IF_TRUE/FALSE once the inline checks for True, False and
 * None failed: returns the truth value (1 or 0) of the popped value. */
OP(TRUTH)
{
    UNUSED_ARGS;
    PyObject *cond = TOP();
    int err = PyObject_IsTrue(cond);
    Py_DECREF(cond);
    return err < 0 ? error_at(f, sp - 1) : err;
}

/* JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP: the truth of TOS, which
 * stays on the stack; the compiled code pops it or jumps. */
OP(TRUTH_PEEK)
{
    UNUSED_ARGS;
    PyObject *cond = TOP();
    if (Py_IsTrue(cond))
        return 1;
    if (Py_IsFalse(cond))
        return 0;
    int err = PyObject_IsTrue(cond);
    return err < 0 ? error_at(f, sp) : err;
}

/* Mirrors unpack_iterable (Python/ceval.c): COUNT values, then with
 * AFTER >= 0 a list of the rest and AFTER more values, stored downwards
 * from TOP.  Returns 0, or -1 with no value left on the stack. */
static int unpack_iterable(PyObject *v, int count, int after, PyObject **top)
{
    PyObject **sp = top;
    PyObject *it = PyObject_GetIter(v), *w;
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
            !PySequence_Check(v))
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(v)->tp_name);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        if ((w = PyIter_Next(it)) == NULL) {
            if (!PyErr_Occurred()) {
                if (after == -1)
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", count, i);
                else
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 count + after, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (after == -1) {
        if ((w = PyIter_Next(it)) == NULL) {
            if (PyErr_Occurred())
                goto error;
            Py_DECREF(it);
            return 0;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", count);
        goto error;
    }
    PyObject *rest = PySequence_List(it);
    if (rest == NULL)
        goto error;
    *--sp = rest;
    Py_ssize_t n = PyList_GET_SIZE(rest);
    if (n < after) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     count + after, count + n);
        goto error;
    }
    for (int j = after; j > 0; j--)
        *--sp = PyList_GET_ITEM(rest, n - j);
    Py_SET_SIZE(rest, n - after);
    Py_DECREF(it);
    return 0;
error:
    while (sp < top)
        Py_DECREF(*sp++);
    Py_XDECREF(it);
    return -1;
}

OP(UNPACK_SEQUENCE)
{
    UNUSED_ARGS;
    PyObject *seq = TOP();
    PyObject **base = sp - 1;
    /* Exact tuples and lists of the right length, as the specialized
     * UNPACK_SEQUENCE_TUPLE/_LIST instructions do. */
    if ((PyTuple_CheckExact(seq) || PyList_CheckExact(seq)) && Py_SIZE(seq) == oparg) {
        PyObject **items = PyTuple_CheckExact(seq) ? ((PyTupleObject *)seq)->ob_item
                                                   : ((PyListObject *)seq)->ob_item;
        for (int i = 0; i < oparg; i++)
            base[oparg - 1 - i] = Py_NewRef(items[i]);
        Py_DECREF(seq);
        return 0;
    }
    if (unpack_iterable(seq, oparg, -1, base + oparg) < 0) {
        Py_DECREF(seq);
        return error_at(f, base);
    }
    Py_DECREF(seq);
    return 0;
}

OP(UNPACK_EX)
{
    UNUSED_ARGS;
    PyObject *seq = TOP();
    PyObject **base = sp - 1;
    int total = (oparg & 0xFF) + (oparg >> 8) + 1;
    int err = unpack_iterable(seq, oparg & 0xFF, oparg >> 8, base + total);
    Py_DECREF(seq);
    return err < 0 ? error_at(f, base) : 0;
}

/* Mirrors format_kwargs_error (Python/ceval.c). */
static void kwargs_error(PyObject *func, PyObject *kwargs)
{
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                         funcstr, Py_TYPE(kwargs)->tp_name);
            Py_DECREF(funcstr);
        }
    } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyObject *exc, *val, *tb;
        PyErr_Fetch(&exc, &val, &tb);
        if (val && PyTuple_Check(val) && PyTuple_GET_SIZE(val) == 1) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "%U got multiple values for keyword argument '%S'",
                             funcstr, PyTuple_GET_ITEM(val, 0));
                Py_DECREF(funcstr);
            }
            Py_XDECREF(exc);
            Py_XDECREF(val);
            Py_XDECREF(tb);
        } else {
            PyErr_Restore(exc, val, tb);
        }
    }
}

OP(DICT_MERGE)
{
    UNUSED_ARGS;
    PyObject *update = TOP();
    if (_PyDict_MergeEx(PEEK(oparg + 1), update, 2) < 0) {
        kwargs_error(PEEK(oparg + 3), update);
        Py_DECREF(update);
        return error_at(f, sp - 1);
    }
    Py_DECREF(update);
    return 0;
}

/* Mirrors CALL_FUNCTION_EX with check_args_iterable and do_call_core
 * (untraced: PyObject_Call). */
OP(CALL_FUNCTION_EX)
{
    UNUSED_ARGS;
    PyObject **top = sp, *kwargs = NULL;
    if (oparg & 0x01) {
        kwargs = *--top;
        if (!PyDict_CheckExact(kwargs)) {
            PyObject *d = PyDict_New();
            if (d == NULL)
                return error_at(f, top + 1);
            if (_PyDict_MergeEx(d, kwargs, 2) < 0) {
                Py_DECREF(d);
                kwargs_error(top[-2], kwargs);
                Py_DECREF(kwargs);
                return error_at(f, top);
            }
            Py_DECREF(kwargs);
            kwargs = d;
        }
    }
    PyObject *callargs = *--top, *func = top[-1];
    if (!PyTuple_CheckExact(callargs)) {
        if (Py_TYPE(callargs)->tp_iter == NULL && !PySequence_Check(callargs)) {
            PyErr_Clear();
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "%U argument after * must be an iterable, not %.200s",
                             funcstr, Py_TYPE(callargs)->tp_name);
                Py_DECREF(funcstr);
            }
            Py_DECREF(callargs);
            Py_XDECREF(kwargs);
            return error_at(f, top);
        }
        Py_SETREF(callargs, PySequence_Tuple(callargs));
        if (callargs == NULL) {
            Py_XDECREF(kwargs);
            return error_at(f, top);
        }
    }
    PyObject *result = PyObject_Call(func, callargs, kwargs);
    Py_DECREF(func);
    Py_DECREF(callargs);
    Py_XDECREF(kwargs);
    top[-2] = result; /* over the NULL below the function */
    return result ? 0 : error_at(f, top - 1);
}

/* Mirrors import_name (Python/ceval.c). */
OP(IMPORT_NAME)
{
    UNUSED_ARGS;
    PyObject *name = NAME(oparg), *fromlist = TOP(), *level = SECOND(), *res;
    PyObject *locals = f->f_locals ? f->f_locals : Py_None;
    INTERNED(import_name, "__import__");
    PyObject *import_func = import_name ? PyDict_GetItemWithError(f->f_builtins, import_name) : NULL;
    if (import_func == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ImportError, "__import__ not found");
        res = NULL;
    } else if (import_func == ts->interp->import_func) {
        int ilevel = _PyLong_AsInt(level);
        res = ilevel == -1 && PyErr_Occurred()
                  ? NULL
                  : PyImport_ImportModuleLevelObject(name, f->f_globals, locals, fromlist, ilevel);
    } else {
        PyObject *args[5] = {name, f->f_globals, locals, fromlist, level};
        Py_INCREF(import_func);
        res = PyObject_Vectorcall(import_func, args, 5, NULL);
        Py_DECREF(import_func);
    }
    Py_DECREF(level);
    Py_DECREF(fromlist);
    SECOND() = res;
    return res ? 0 : error_at(f, sp - 1);
}

/* Mirrors do_raise (Python/ceval.c) for `raise EXC [from CAUSE]`; it
 * takes over the references to EXC and CAUSE. */
static void do_raise(PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL)
            goto fail;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %R",
                         type, Py_TYPE(value));
            goto fail;
        }
    } else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = Py_NewRef(PyExceptionInstance_Class(exc));
    } else {
        Py_DECREF(exc);
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL)
                goto fail;
            Py_DECREF(cause);
        } else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = cause;
        } else if (Py_IsNone(cause)) {
            Py_DECREF(cause);
            fixed_cause = NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        PyException_SetCause(value, fixed_cause);
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    Py_DECREF(type);
    return;
fail:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
}

/* RAISE_VARARGS: always fails.  A bare `raise` re-raises the exception
 * being handled and returns 1: compiled code unwinds it without a new
 * traceback entry (do_raise's reraise path); -1 is a plain error. */
OP(RAISE_VARARGS)
{
    UNUSED_ARGS;
    if (oparg == 0) {
        /* the exception being handled here, or in a caller of this
         * generator (_PyErr_GetTopmostException) */
        PyObject *value = _PyErr_GetTopmostException(ts)->exc_value;
        if (value == NULL || Py_IsNone(value)) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return error_at(f, sp);
        }
        PyErr_Restore(Py_NewRef(PyExceptionInstance_Class(value)), Py_NewRef(value),
                      PyException_GetTraceback(value));
        f->stacktop = (int)(sp - f->localsplus);
        return 1;
    }
    PyObject *cause = oparg == 2 ? TOP() : NULL;
    PyObject *exc = sp[-oparg];
    do_raise(exc, cause);
    return error_at(f, sp - oparg);
}

/* Mirrors import_from (Python/ceval.c): FROM v IMPORT name, falling back
 * on sys.modules for a circular relative import. */
static PyObject *import_from(PyObject *v, PyObject *name)
{
    PyObject *x, *pkgname, *fullmodname;
    if (_PyObject_LookupAttr(v, name, &x) != 0)
        return x;
    pkgname = PyObject_GetAttrString(v, "__name__");
    if (pkgname != NULL && !PyUnicode_Check(pkgname))
        Py_CLEAR(pkgname);
    if (pkgname != NULL) {
        fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (fullmodname == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        x = PyImport_GetModule(fullmodname);
        Py_DECREF(fullmodname);
        if (x != NULL || PyErr_Occurred()) {
            Py_DECREF(pkgname);
            return x;
        }
    }
    PyObject *pkgpath = PyModule_GetFilenameObject(v);
    PyObject *shown = pkgname ? Py_NewRef(pkgname) : PyUnicode_FromString("<unknown module name>");
    PyObject *errmsg = NULL;
    if (shown == NULL) {
        Py_XDECREF(pkgpath);
        Py_XDECREF(pkgname);
        return NULL;
    }
    if (pkgpath == NULL || !PyUnicode_Check(pkgpath)) {
        PyErr_Clear();
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)",
                                      name, shown);
        PyErr_SetImportError(errmsg, pkgname, NULL);
    } else {
        PyObject *spec = PyObject_GetAttrString(v, "__spec__");
        const char *fmt = _PyModuleSpec_IsInitializing(spec)
            ? "cannot import name %R from partially initialized module %R "
              "(most likely due to a circular import) (%S)"
            : "cannot import name %R from %R (%S)";
        Py_XDECREF(spec);
        errmsg = PyUnicode_FromFormat(fmt, name, shown, pkgpath);
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
    }
    Py_XDECREF(errmsg);
    Py_DECREF(shown);
    Py_XDECREF(pkgname);
    Py_XDECREF(pkgpath);
    return NULL;
}

OP(IMPORT_FROM)
{
    UNUSED_ARGS;
    PyObject *res = import_from(TOP(), NAME(oparg));
    if (res == NULL)
        return error_at(f, sp);
    *sp = res;
    return 0;
}

/* --- exception handlers ------------------------------------------------------ */

OP(PUSH_EXC_INFO)
{
    UNUSED_ARGS;
    PyObject *value = TOP();
    _PyErr_StackItem *exc_info = ts->exc_info;
    TOP() = exc_info->exc_value ? exc_info->exc_value : Py_NewRef(Py_None);
    sp[0] = Py_NewRef(value);
    exc_info->exc_value = value;
    return 0;
}

OP(POP_EXCEPT)
{
    UNUSED_ARGS;
    _PyErr_StackItem *exc_info = ts->exc_info;
    PyObject *value = exc_info->exc_value;
    exc_info->exc_value = TOP();
    Py_XDECREF(value);
    return 0;
}

/* Mirrors check_except_type_valid (Python/ceval.c). */
int pyston_check_except_type_valid(PyObject *right)
{
    Py_ssize_t n = PyTuple_Check(right) ? PyTuple_GET_SIZE(right) : 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *exc = PyTuple_Check(right) ? PyTuple_GET_ITEM(right, i) : right;
        if (!PyExceptionClass_Check(exc)) {
            PyErr_SetString(PyExc_TypeError,
                            "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
    }
    return 0;
}

OP(CHECK_EXC_MATCH)
{
    UNUSED_ARGS;
    PyObject *right = TOP(), *left = SECOND();
    if (pyston_check_except_type_valid(right) < 0) {
        Py_DECREF(right);
        return error_at(f, sp - 1);
    }
    int res = PyErr_GivenExceptionMatches(left, right);
    Py_DECREF(right);
    TOP() = Py_NewRef(res ? Py_True : Py_False);
    return 0;
}

/* Restores the exception on TOS (and with OPARG, the lasti below it) and
 * fails: compiled code then unwinds without a new traceback entry. */
OP(RERAISE)
{
    UNUSED_ARGS;
    if (oparg) {
        PyObject *lasti = PEEK(oparg + 1);
        if (!PyLong_Check(lasti)) {
            PyErr_SetString(PyExc_SystemError, "lasti is not an int");
            return error_at(f, sp);
        }
        f->prev_instr = _PyCode_CODE(f->f_code) + PyLong_AsLong(lasti);
    }
    PyObject *val = TOP();
    PyErr_Restore(Py_NewRef(PyExceptionInstance_Class(val)), val,
                  PyException_GetTraceback(val));
    f->stacktop = (int)(sp - 1 - f->localsplus);
    return -1;
}

/* Calls __exit__(type, value, traceback) of a `with` block that raised. */
OP(WITH_EXCEPT_START)
{
    UNUSED_ARGS;
    PyObject *val = TOP(), *exit_func = PEEK(4);
    PyObject *tb = PyException_GetTraceback(val);
    Py_XDECREF(tb); /* borrowed, as in ceval.c */
    PyObject *args[4] = {NULL, PyExceptionInstance_Class(val), val, tb};
    PyObject *res = PyObject_Vectorcall(exit_func, args + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    if (res == NULL)
        return error_at(f, sp);
    *sp = res;
    return 0;
}

/* --- generators ------------------------------------------------------------- */

/* Returns 1 when the sub-iterator returned (the jump), 0 when it yielded. */
OP(SEND)
{
    UNUSED_ARGS;
    PyObject *v = TOP(), *receiver = SECOND(), *retval;
    PySendResult status;
    if (ts->c_tracefunc == NULL) {
        status = PyIter_Send(receiver, v, &retval);
    } else { /* (inside a trace function: no exception event to send) */
        if (Py_IsNone(v) && PyIter_Check(receiver)) {
            retval = Py_TYPE(receiver)->tp_iternext(receiver);
        } else {
            INTERNED(name, "send");
            retval = name ? PyObject_CallMethodOneArg(receiver, name, v) : NULL;
        }
        if (retval == NULL)
            status = _PyGen_FetchStopIterationValue(&retval) == 0 ? PYGEN_RETURN : PYGEN_ERROR;
        else
            status = PYGEN_NEXT;
    }
    Py_DECREF(v);
    if (status == PYGEN_ERROR)
        return error_at(f, sp - 1);
    if (status == PYGEN_RETURN) {
        Py_DECREF(receiver);
        SECOND() = retval;
        return 1;
    }
    TOP() = retval;
    return 0;
}

OP(GET_YIELD_FROM_ITER)
{
    UNUSED_ARGS;
    PyObject *iterable = TOP();
    if (PyCoro_CheckExact(iterable)) {
        if (!(f->f_code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            Py_DECREF(iterable);
            TOP() = NULL;
            PyErr_SetString(PyExc_TypeError,
                            "cannot 'yield from' a coroutine object in a non-coroutine generator");
            return error_at(f, sp);
        }
    } else if (!PyGen_CheckExact(iterable)) {
        PyObject *iter = PyObject_GetIter(iterable);
        Py_DECREF(iterable);
        TOP() = iter;
        if (iter == NULL)
            return error_at(f, sp);
    }
    return 0;
}

/* --- functions and calls --------------------------------------------------- */

int pyston_op_call(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp,
                   int oparg, PyObject *kwnames)
{
    int is_meth = PEEK(oparg + 2) != NULL;
    PyObject *function = PEEK(oparg + 1);
    if (!is_meth && Py_TYPE(function) == &PyMethod_Type) {
        PyObject *meth = ((PyMethodObject *)function)->im_func;
        PyObject *self = ((PyMethodObject *)function)->im_self;
        PEEK(oparg + 1) = Py_NewRef(self);
        PEEK(oparg + 2) = Py_NewRef(meth);
        Py_DECREF(function);
        is_meth = 1;
    }
    int total_args = oparg + is_meth;
    function = PEEK(total_args + 1);
    PyObject **base = sp - oparg - 2; /* NULL-or-method slot */
    PyObject *res;
    /* The interpreter inlines calls to Python functions, and leaves the
     * caller's prev_instr at CALL's last cache entry (f_lasti, tb_lasti).
     * Compiled callees are entered directly. */
    if (Py_TYPE(function) == &PyFunction_Type) {
        f->prev_instr += _PyOpcode_Caches[CALL];
        if (pyston_call_direct(ts, function, sp - total_args, total_args, kwnames, &res)) {
            base[0] = res;
            return res ? 0 : error_at(f, base);
        }
    } else if (PyType_Check(function) &&
               pyston_call_class_direct(ts, function, sp - total_args, total_args, kwnames, &res)) {
        base[0] = res;
        return res ? 0 : error_at(f, base);
    }
    /* (C functions: compiled code tried pyston_call_c before) */
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    res = PyObject_Vectorcall(
        function, sp - total_args,
        (size_t)(total_args - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_DECREF(function);
    for (int i = 1; i <= total_args; i++)
        Py_DECREF(PEEK(i));
    base[0] = res;
    return res ? 0 : error_at(f, base);
}

OP(MAKE_FUNCTION)
{
    UNUSED_ARGS;
    PyObject *codeobj = TOP();
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(codeobj, f->f_globals);
    Py_DECREF(codeobj);
    if (func == NULL)
        return error_at(f, sp - 1);
    PyObject **p = sp - 1;
    if (oparg & 0x08)
        func->func_closure = *--p;
    if (oparg & 0x04)
        func->func_annotations = *--p;
    if (oparg & 0x02)
        func->func_kwdefaults = *--p;
    if (oparg & 0x01)
        func->func_defaults = *--p;
    *p = (PyObject *)func;
    return 0;
}

OP(LOAD_BUILD_CLASS)
{
    UNUSED_ARGS;
    INTERNED(name, "__build_class__");
    PyObject *bc = NULL;
    int found = name ? lookup(f->f_builtins, name, &bc) : -1;
    if (found == 0)
        PyErr_SetString(PyExc_NameError, "__build_class__ not found");
    if (found <= 0)
        return error_at(f, sp);
    *sp = bc;
    return 0;
}

OP(LOAD_ASSERTION_ERROR)
{
    UNUSED_ARGS;
    *sp = Py_NewRef(PyExc_AssertionError);
    return 0;
}

OP(FORMAT_VALUE)
{
    UNUSED_ARGS;
    int have_spec = (oparg & FVS_MASK) == FVS_HAVE_SPEC;
    PyObject *spec = have_spec ? TOP() : NULL;
    PyObject **top = have_spec ? sp - 1 : sp;
    PyObject *value = top[-1], *res;
    PyObject *(*convert)(PyObject *) = NULL;
    switch (oparg & FVC_MASK) {
    case FVC_STR: convert = PyObject_Str; break;
    case FVC_REPR: convert = PyObject_Repr; break;
    case FVC_ASCII: convert = PyObject_ASCII; break;
    }
    if (convert) {
        res = convert(value);
        Py_DECREF(value);
        if (res == NULL) {
            Py_XDECREF(spec);
            return error_at(f, top - 1);
        }
        value = res;
    }
    if (PyUnicode_CheckExact(value) && spec == NULL) {
        res = value;
    } else {
        res = PyObject_Format(value, spec);
        Py_DECREF(value);
        Py_XDECREF(spec);
        if (res == NULL)
            return error_at(f, top - 1);
    }
    top[-1] = res;
    return 0;
}

OP(GET_LEN)
{
    UNUSED_ARGS;
    Py_ssize_t n = PyObject_Length(TOP());
    PyObject *len = n < 0 ? NULL : PyLong_FromSsize_t(n);
    if (len == NULL)
        return error_at(f, sp);
    *sp = len;
    return 0;
}

/* MATCH_MAPPING / MATCH_SEQUENCE: push whether the subject's type is
 * flagged as a mapping / a sequence. */
static int match_type_flag(PyObject **sp, unsigned long flag)
{
    *sp = Py_NewRef((Py_TYPE(TOP())->tp_flags & flag) ? Py_True : Py_False);
    return 0;
}

OP(MATCH_MAPPING) { UNUSED_ARGS; return match_type_flag(sp, Py_TPFLAGS_MAPPING); }
OP(MATCH_SEQUENCE) { UNUSED_ARGS; return match_type_flag(sp, Py_TPFLAGS_SEQUENCE); }

/* Mirrors match_class_attr (Python/ceval.c): SUBJECT.NAME, NULL without
 * an error if it is missing, an error if NAME was matched already (SEEN). */
static PyObject *match_class_attr(PyObject *subject, PyObject *type, PyObject *name, bool seen)
{
    if (seen) {
        PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                     ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(subject, name);
    if (attr == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Clear();
    return attr;
}

/* Whether NAME equals one of the first N strs of the tuple NAMES: the
 * sub-patterns' names already matched, which ceval keeps in a set made
 * for each match (the same answers: all of them are exact strs). */
static bool name_among(PyObject *names, Py_ssize_t n, PyObject *name)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (_PyUnicode_Equal(PyTuple_GET_ITEM(names, i), name))
            return true;
    }
    return false;
}

/* Mirrors PyObject_IsInstance(SUBJECT, TYPE) (Objects/abstract.c).  When
 * TYPE's metaclass is exactly type and the type check fails,
 * object_isinstance asks SUBJECT for __class__, which can only answer
 * SUBJECT's type (a failed match again) when that type gets attributes
 * generically and __class__ is object's own descriptor: then the answer is
 * known without the lookup, which is most of a failed case's cost. */
static int is_instance(PyObject *subject, PyObject *type)
{
    PyTypeObject *tp = Py_TYPE(subject);
    if (PyType_CheckExact(type) && !PyType_IsSubtype(tp, (PyTypeObject *)type) &&
        tp->tp_getattro == PyObject_GenericGetAttr) {
        INTERNED(class_name, "__class__");
        static PyObject *object_class; /* object.__class__'s descriptor (borrowed) */
        if (class_name == NULL)
            return -1;
        if (object_class == NULL &&
            (object_class = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict, class_name)) == NULL)
            return PyErr_Occurred() ? -1 : PyObject_IsInstance(subject, type);
        if (_PyType_Lookup(tp, class_name) == object_class)
            return 0;
    }
    return PyObject_IsInstance(subject, type);
}

/* The names of the positional sub-patterns: __match_args__, or for the
 * types flagged _Py_TPFLAGS_MATCH_SELF without it, the subject itself
 * (*MATCH_SELF).  NULL with an error set when they do not fit.  (ceval's
 * match_class asks with PyObject_GetAttrString, whose new str misses the
 * type attribute cache and walks the MRO, hashing it, every time: a
 * quarter of a match statement's time.  The interned name hits it.) */
static PyObject *match_args_of(PyObject *type, Py_ssize_t nargs, int *match_self)
{
    const char *tp_name = ((PyTypeObject *)type)->tp_name;
    INTERNED(match_args_name, "__match_args__");
    PyObject *args = match_args_name ? PyObject_GetAttr(type, match_args_name) : NULL;
    *match_self = 0;
    if (args == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return NULL;
        PyErr_Clear();
        if ((args = PyTuple_New(0)) == NULL)
            return NULL;
        *match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
    } else if (!PyTuple_CheckExact(args)) {
        PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                     tp_name, Py_TYPE(args)->tp_name);
        Py_DECREF(args);
        return NULL;
    }
    Py_ssize_t allowed = *match_self ? 1 : PyTuple_GET_SIZE(args);
    if (allowed < nargs) {
        PyErr_Format(PyExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                     tp_name, allowed, allowed == 1 ? "" : "s", nargs);
        Py_CLEAR(args);
    }
    return args;
}

/* Mirrors match_class (Python/ceval.c): the tuple of attributes for a class
 * pattern, or NULL for no match (with an exception set for an error). */
static PyObject *match_class(PyObject *subject, PyObject *type, Py_ssize_t nargs,
                             PyObject *kwargs)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    if (is_instance(subject, type) <= 0)
        return NULL;
    Py_ssize_t nkwargs = PyTuple_GET_SIZE(kwargs), npositional = 0;
    PyObject *attrs = PyTuple_New(nargs + nkwargs), *match_args = NULL;
    if (attrs == NULL)
        return NULL;
    if (nargs) {
        int match_self;
        if ((match_args = match_args_of(type, nargs, &match_self)) == NULL)
            goto fail;
        if (match_self)
            PyTuple_SET_ITEM(attrs, 0, Py_NewRef(subject));
        for (; !match_self && npositional < nargs; npositional++) {
            PyObject *name = PyTuple_GET_ITEM(match_args, npositional);
            if (!PyUnicode_CheckExact(name)) {
                PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings (got %s)",
                             Py_TYPE(name)->tp_name);
                goto fail;
            }
            PyObject *attr = match_class_attr(subject, type, name,
                                              name_among(match_args, npositional, name));
            if (attr == NULL)
                goto fail;
            PyTuple_SET_ITEM(attrs, npositional, attr);
        }
    }
    for (Py_ssize_t i = 0; i < nkwargs; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwargs, i);
        bool seen = name_among(kwargs, i, name) || name_among(match_args, npositional, name);
        PyObject *attr = match_class_attr(subject, type, name, seen);
        if (attr == NULL)
            goto fail;
        PyTuple_SET_ITEM(attrs, nargs + i, attr);
    }
    Py_XDECREF(match_args);
    return attrs;
fail:
    Py_XDECREF(match_args);
    Py_DECREF(attrs);
    return NULL;
}

OP(MATCH_CLASS)
{
    UNUSED_ARGS;
    PyObject *names = TOP(), *type = SECOND(), *subject = PEEK(3);
    PyObject *attrs = match_class(subject, type, oparg, names);
    Py_DECREF(names);
    Py_DECREF(type);
    if (attrs == NULL && PyErr_Occurred())
        return error_at(f, sp - 2);
    PEEK(3) = attrs ? attrs : Py_NewRef(Py_None);
    Py_DECREF(subject);
    return 0;
}

/* Mirrors match_keys (Python/ceval.c): the values of KEYS in MAP, through
 * map.get(key, dummy), or None if one is missing. */
static PyObject *match_keys(PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (nkeys == 0)
        return PyTuple_New(0);
    INTERNED(get_name, "get");
    PyObject *get = NULL, *seen = NULL, *dummy = NULL, *values = NULL;
    int meth_found = get_name ? _PyObject_GetMethod(map, get_name, &get) : 0;
    if (get == NULL)
        goto fail;
    if ((seen = PySet_New(NULL)) == NULL)
        goto fail;
    if ((dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type)) == NULL)
        goto fail;
    if ((values = PyTuple_New(nkeys)) == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        PyObject *args[] = {map, key, dummy};
        PyObject *value = meth_found ? PyObject_Vectorcall(get, args, 3, NULL)
                                     : PyObject_Vectorcall(get, &args[1], 2, NULL);
        if (value == NULL)
            goto fail;
        if (value == dummy) { /* a missing key */
            Py_DECREF(value);
            Py_SETREF(values, Py_NewRef(Py_None));
            break;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(dummy);
    Py_XDECREF(values);
    return NULL;
}

OP(MATCH_KEYS)
{
    UNUSED_ARGS;
    PyObject *values_or_none = match_keys(SECOND(), TOP());
    if (values_or_none == NULL)
        return error_at(f, sp);
    *sp = values_or_none;
    return 0;
}

/* BEFORE_WITH and BEFORE_ASYNC_WITH: pushes the manager's exit method and
 * what its enter method returns.  PROTOCOL names the protocol in errors. */
static int before_with(_PyInterpreterFrame *f, PyObject **sp, PyObject *enter_name,
                       PyObject *exit_name, const char *protocol)
{
    PyObject *mgr = TOP(), *res;
    PyObject *enter = enter_name ? _PyObject_LookupSpecial(mgr, enter_name) : NULL;
    if (enter == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol",
                         Py_TYPE(mgr)->tp_name, protocol);
        return error_at(f, sp);
    }
    PyObject *exit = exit_name ? _PyObject_LookupSpecial(mgr, exit_name) : NULL;
    if (exit == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object does not support the %s protocol (missed %U method)",
                         Py_TYPE(mgr)->tp_name, protocol, exit_name);
        Py_DECREF(enter);
        return error_at(f, sp);
    }
    TOP() = exit;
    Py_DECREF(mgr);
    res = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (res == NULL)
        return error_at(f, sp);
    *sp = res;
    return 0;
}

OP(BEFORE_WITH)
{
    UNUSED_ARGS;
    INTERNED(enter_name, "__enter__");
    INTERNED(exit_name, "__exit__");
    return before_with(f, sp, enter_name, exit_name, "context manager");
}

OP(BEFORE_ASYNC_WITH)
{
    UNUSED_ARGS;
    INTERNED(enter_name, "__aenter__");
    INTERNED(exit_name, "__aexit__");
    return before_with(f, sp, enter_name, exit_name, "asynchronous context manager");
}

#define STACK(name) [name] = {pyston_op_##name, PYSTON_OP_STACK}

/* Instructions with an inline cache (src/ic/). */
#define CACHED(name, cache_type) \
    [name] = {pyston_ic_##name, PYSTON_OP_STACK, sizeof(cache_type)}

const pyston_op_helper pyston_op_helpers[256] = {
    CACHED(LOAD_GLOBAL, pyston_global_cache),
    CACHED(LOAD_ATTR, pyston_attr_cache),
    CACHED(LOAD_METHOD, pyston_attr_cache),
    CACHED(STORE_ATTR, pyston_attr_cache),
    CACHED(BINARY_OP, pyston_binary_cache),
    CACHED(BINARY_SUBSCR, pyston_operand_feedback),
    STACK(UNARY_POSITIVE), STACK(UNARY_NEGATIVE), STACK(UNARY_INVERT), STACK(UNARY_NOT),
    STACK(COMPARE_OP), STACK(IS_OP), STACK(CONTAINS_OP), STACK(STORE_SUBSCR), STACK(DELETE_SUBSCR), STACK(BUILD_SLICE),
    STACK(BUILD_TUPLE), STACK(BUILD_LIST), STACK(LIST_TO_TUPLE), STACK(BUILD_SET),
    STACK(BUILD_MAP), STACK(BUILD_CONST_KEY_MAP), STACK(BUILD_STRING),
    STACK(LIST_APPEND), STACK(SET_ADD), STACK(MAP_ADD), STACK(LIST_EXTEND),
    STACK(SET_UPDATE), STACK(DICT_UPDATE),
    STACK(LOAD_NAME), STACK(STORE_NAME), STACK(DELETE_NAME),
    STACK(STORE_GLOBAL), STACK(DELETE_GLOBAL),
    STACK(LOAD_DEREF), STACK(LOAD_CLASSDEREF), STACK(STORE_DEREF), STACK(DELETE_DEREF),
    STACK(MAKE_CELL), STACK(COPY_FREE_VARS),
    STACK(DELETE_ATTR),
    STACK(GET_ITER), [FOR_ITER] = {pyston_op_FOR_ITER, PYSTON_OP_BRANCH},
    STACK(MAKE_FUNCTION), STACK(LOAD_BUILD_CLASS), STACK(LOAD_ASSERTION_ERROR),
    STACK(FORMAT_VALUE), STACK(GET_LEN), STACK(BEFORE_WITH),
    STACK(UNPACK_SEQUENCE), STACK(UNPACK_EX), STACK(DICT_MERGE), STACK(CALL_FUNCTION_EX),
    STACK(IMPORT_NAME), STACK(GET_YIELD_FROM_ITER), STACK(MATCH_MAPPING), STACK(MATCH_SEQUENCE),
    STACK(MATCH_CLASS), STACK(MATCH_KEYS), STACK(IMPORT_FROM), STACK(RAISE_VARARGS),
    STACK(CHECK_EG_MATCH), STACK(PREP_RERAISE_STAR),
    STACK(GET_AWAITABLE), STACK(GET_AITER), STACK(GET_ANEXT), STACK(BEFORE_ASYNC_WITH),
    STACK(SETUP_ANNOTATIONS), STACK(PRINT_EXPR),
    [IMPORT_STAR] = {pyston_op_IMPORT_STAR, PYSTON_OP_STACK_OR_INTERPRETER},
    [ASYNC_GEN_WRAP] = {pyston_op_ASYNC_GEN_WRAP, PYSTON_OP_STACK_OR_INTERPRETER},
    [END_ASYNC_FOR] = {pyston_op_END_ASYNC_FOR, PYSTON_OP_STACK_OR_RERAISE},
    STACK(PUSH_EXC_INFO), STACK(POP_EXCEPT), STACK(CHECK_EXC_MATCH), STACK(RERAISE),
    STACK(WITH_EXCEPT_START),
    [SEND] = {pyston_op_SEND, PYSTON_OP_BRANCH},
    [JUMP_IF_TRUE_OR_POP] = {pyston_op_TRUTH_PEEK, PYSTON_OP_BRANCH},
    [JUMP_IF_FALSE_OR_POP] = {pyston_op_TRUTH_PEEK, PYSTON_OP_BRANCH},
    /* the slow path of POP_JUMP_*_IF_TRUE/FALSE, keyed by the opcode */
    [POP_JUMP_FORWARD_IF_TRUE] = {pyston_op_TRUTH, PYSTON_OP_BRANCH},
    [POP_JUMP_BACKWARD_IF_TRUE] = {pyston_op_TRUTH, PYSTON_OP_BRANCH},
    [POP_JUMP_FORWARD_IF_FALSE] = {pyston_op_TRUTH, PYSTON_OP_BRANCH},
    [POP_JUMP_BACKWARD_IF_FALSE] = {pyston_op_TRUTH, PYSTON_OP_BRANCH},
};
