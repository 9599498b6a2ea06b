/* The helpers of BINARY_OP and BINARY_SUBSCR for what compiled code leaves
 * them (its inline paths and slow-path calls take ints, floats, strs, the
 * C types, lists, tuples and dicts): the operand classes recorded as
 * feedback, a Python class's operator method called directly (and kept
 * in the site's cache for compiled code), list and tuple items by word
 * index; anything else takes the generic helper. */
#include "ic/ic.h"

#include "runtime/call.h"
#include "runtime/ops.h"
#include "stats.h"

/* A 3.11 int with at most two 30-bit digits (below 2**60 in magnitude):
 * its value. */
static inline bool word_int(PyObject *o, long *value)
{
    if (!PyLong_CheckExact(o))
        return false;
    Py_ssize_t size = Py_SIZE(o);
    if (size < -2 || size > 2)
        return false;
    const digit *d = ((PyLongObject *)o)->ob_digit;
    long magnitude = size == 0 ? 0 : (long)d[0];
    if (size == 2 || size == -2)
        magnitude |= (long)d[1] << PyLong_SHIFT;
    *value = size < 0 ? -magnitude : magnitude;
    return true;
}

static uint8_t operand_class(PyObject *o)
{
    PyTypeObject *tp = Py_TYPE(o);
    if (tp == &PyLong_Type)
        return Py_SIZE(o) >= -1 && Py_SIZE(o) <= 1 ? PYSTON_SEEN_INT : PYSTON_SEEN_BIGINT;
    if (tp == &PyFloat_Type)
        return PYSTON_SEEN_FLOAT;
    if (tp == &PyUnicode_Type)
        return PYSTON_SEEN_STR;
    if (tp == &PyList_Type)
        return PYSTON_SEEN_LIST;
    if (tp == &PyTuple_Type)
        return PYSTON_SEEN_TUPLE;
    if (tp == &PyDict_Type)
        return PYSTON_SEEN_DICT;
    return PYSTON_SEEN_OTHER;
}

static inline void record(void *cache, PyObject *lhs, PyObject *rhs)
{
    pyston_operand_feedback *fb = cache;
    fb->lhs_seen |= operand_class(lhs);
    fb->rhs_seen |= operand_class(rhs);
}

/* Replaces the two operands on top of the stack by RES. */
static inline int replace_operands(PyObject **sp, PyObject *res)
{
    PyObject *rhs = sp[-1], *lhs = sp[-2];
    sp[-2] = res;
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    return 0;
}

/* --- operators of Python classes ------------------------------------------- */

#define NB_SLOT(field) ((int)offsetof(PyNumberMethods, field))

/* For each binary operator (NB_ADD .. NB_XOR; NB_POWER is ternary and left
 * out): its method, its slot and in-place slot, its symbol in error
 * messages (binop_type_error), and whether the sequence fallbacks of
 * PyNumber_Add/PyNumber_Multiply follow it. */
static const struct {
    const char *name, *symbol, *inplace_symbol;
    int slot, inplace_slot;
    bool sequence;
} binary_dunders[NB_INPLACE_ADD] = {
    [NB_ADD] = {"__add__", "+", "+=", NB_SLOT(nb_add), NB_SLOT(nb_inplace_add), true},
    [NB_AND] = {"__and__", "&", "&=", NB_SLOT(nb_and), NB_SLOT(nb_inplace_and), false},
    [NB_FLOOR_DIVIDE] = {"__floordiv__", "//", "//=", NB_SLOT(nb_floor_divide),
                         NB_SLOT(nb_inplace_floor_divide), false},
    [NB_LSHIFT] = {"__lshift__", "<<", "<<=", NB_SLOT(nb_lshift), NB_SLOT(nb_inplace_lshift), false},
    [NB_MATRIX_MULTIPLY] = {"__matmul__", "@", "@=", NB_SLOT(nb_matrix_multiply),
                            NB_SLOT(nb_inplace_matrix_multiply), false},
    [NB_MULTIPLY] = {"__mul__", "*", "*=", NB_SLOT(nb_multiply), NB_SLOT(nb_inplace_multiply), true},
    [NB_REMAINDER] = {"__mod__", "%", "%=", NB_SLOT(nb_remainder), NB_SLOT(nb_inplace_remainder), false},
    [NB_OR] = {"__or__", "|", "|=", NB_SLOT(nb_or), NB_SLOT(nb_inplace_or), false},
    [NB_RSHIFT] = {"__rshift__", ">>", ">>=", NB_SLOT(nb_rshift), NB_SLOT(nb_inplace_rshift), false},
    [NB_SUBTRACT] = {"__sub__", "-", "-=", NB_SLOT(nb_subtract), NB_SLOT(nb_inplace_subtract), false},
    [NB_TRUE_DIVIDE] = {"__truediv__", "/", "/=", NB_SLOT(nb_true_divide),
                        NB_SLOT(nb_inplace_true_divide), false},
    [NB_XOR] = {"__xor__", "^", "^=", NB_SLOT(nb_xor), NB_SLOT(nb_inplace_xor), false},
};

static binaryfunc number_slot(PyTypeObject *tp, int offset)
{
    return tp->tp_as_number ? *(binaryfunc *)((char *)tp->tp_as_number + offset) : NULL;
}

/* After LHS's operator method returned NotImplemented (RESULT, consumed):
 * the rest of binary_op1 and binary_op for a right operand of the same
 * class (nothing more) or an exact int or float (its own slot), then
 * binop_type_error (Objects/abstract.c). */
static PyObject *not_implemented(int oparg, PyObject *lhs, PyObject *rhs, PyObject *result)
{
    bool inplace = oparg >= NB_INPLACE_ADD;
    int op = inplace ? oparg - NB_INPLACE_ADD : oparg;
    PyTypeObject *tp = Py_TYPE(lhs), *rtp = Py_TYPE(rhs);
    Py_DECREF(result);
    if (rtp != tp) {
        binaryfunc slotw = number_slot(rtp, binary_dunders[op].slot);
        PyObject *r = slotw ? slotw(lhs, rhs) : Py_NewRef(Py_NotImplemented);
        if (r != Py_NotImplemented)
            return r;
        Py_DECREF(r);
    }
    PyErr_Format(PyExc_TypeError, "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
                 inplace ? binary_dunders[op].inplace_symbol : binary_dunders[op].symbol,
                 tp->tp_name, rtp->tp_name);
    return NULL;
}

PyObject *pyston_binary_not_implemented(const pyston_binary_cache *cache, PyObject *lhs,
                                        PyObject *rhs, PyObject *result)
{
    return not_implemented(cache->oparg, lhs, rhs, result);
}

/* LHS op RHS where LHS's class defines the operator in Python and RHS is
 * of the same class or an exact int or float: the method is called
 * directly (compiled code enters it without the hook), as binary_op1,
 * SLOT1BINFULL (slot_nb_add & co.) and vectorcall_maybe
 * (Objects/abstract.c, typeobject.c) would call it.  1 with *RES set (NULL:
 * an error), 0 when the operands do not have that shape. */
static int python_dunder(PyThreadState *ts, int oparg, PyObject *lhs, PyObject *rhs,
                         PyObject **res, pyston_binary_cache *cache)
{
    static PyObject *names[NB_INPLACE_ADD];
    bool inplace = oparg >= NB_INPLACE_ADD;
    int op = inplace ? oparg - NB_INPLACE_ADD : oparg;
    PyTypeObject *tp = Py_TYPE(lhs), *rtp = Py_TYPE(rhs);
    if (binary_dunders[op].name == NULL || !(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) ||
        (rtp != tp && rtp != &PyLong_Type && rtp != &PyFloat_Type))
        return 0;
    /* binary_iop1 tries the in-place slot first; the sequence fallbacks of
     * binary_op follow a NotImplemented: neither may exist */
    if (inplace && number_slot(tp, binary_dunders[op].inplace_slot) != NULL)
        return 0;
    PySequenceMethods *sq = tp->tp_as_sequence;
    if (binary_dunders[op].sequence && sq &&
        (sq->sq_concat || sq->sq_repeat || sq->sq_inplace_concat || sq->sq_inplace_repeat))
        return 0;
    if (names[op] == NULL && (names[op] = PyUnicode_InternFromString(binary_dunders[op].name)) == NULL) {
        PyErr_Clear();
        return 0;
    }
    /* a Python function found for the operator: the slot is slot_nb_* */
    PyObject *method = _PyType_Lookup(tp, names[op]);
    if (method == NULL || !PyFunction_Check(method))
        return 0;
    if (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) {
        /* all of the above depends on the class only: compiled code calls
         * the method itself while the class is unchanged */
        cache->oparg = (uint8_t)oparg;
        cache->version = tp->tp_version_tag;
        cache->function = method;
    }
    PyObject *args[2] = {lhs, rhs};
    Py_INCREF(method);
    Py_INCREF(lhs);
    Py_INCREF(rhs);
    PyObject *r;
    if (!pyston_call_direct(ts, method, args, 2, NULL, &r)) { /* (consumes on success) */
        r = PyObject_Vectorcall(method, args, 2, NULL);
        Py_DECREF(method);
        Py_DECREF(lhs);
        Py_DECREF(rhs);
    }
    *res = r == Py_NotImplemented ? not_implemented(oparg, lhs, rhs, r) : r;
    return 1;
}

/* The slot of int that PyNumber_<op> ends in for two exact ints
 * (binary_op1 has no other candidate, and int has no in-place slots):
 * what BINARY_OP_ADD_INT and friends call for big ints.  NULL for ** (a
 * ternary slot) and @ (int has none). */
binaryfunc pyston_exact_int_slot(int oparg)
{
    int op = oparg >= NB_INPLACE_ADD ? oparg - NB_INPLACE_ADD : oparg;
    return binary_dunders[op].name ? number_slot(&PyLong_Type, binary_dunders[op].slot) : NULL;
}

int pyston_ic_BINARY_OP(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                        void *cache)
{
    /* (operands of C types took their own calls before: emit_slow_path_calls) */
    PyObject *rhs = sp[-1], *lhs = sp[-2];
    PyObject *res;
    record(cache, lhs, rhs);
    if (python_dunder(ts, oparg, lhs, rhs, &res, cache)) {
        replace_operands(sp, res);
        if (res != NULL)
            return 0;
        f->stacktop = (int)(sp - 1 - f->localsplus); /* as pyston_op_BINARY_OP */
        return -1;
    }
    return pyston_op_BINARY_OP(ts, f, sp, oparg, NULL);
}

int pyston_ic_BINARY_SUBSCR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                            void *cache)
{
    PyObject *sub = sp[-1], *container = sp[-2];
    long i;
    record(cache, container, sub);
    if (word_int(sub, &i) && (PyList_CheckExact(container) || PyTuple_CheckExact(container))) {
        Py_ssize_t n = Py_SIZE(container);
        if (i < 0) /* as list_subscript: negative indexes count from the end */
            i += n;
        if (i >= 0 && i < n) {
            PyObject *item = PyList_CheckExact(container) ? PyList_GET_ITEM(container, i)
                                                          : PyTuple_GET_ITEM(container, i);
            return replace_operands(sp, Py_NewRef(item));
        }
    } /* (exact dicts took their own call before: emit_slow_path_calls) */
    return pyston_op_BINARY_SUBSCR(ts, f, sp, oparg, NULL);
}

int pyston_dict_key_missing(PyObject *key)
{
    if (!PyErr_Occurred())
        _PyErr_SetKeyError(key);
    return -1;
}

/* Mirrors BINARY_OP_INPLACE_ADD_UNICODE (Python/ceval.c): `s = s + t` or
 * `s += t` on strs stored back into the local LOCAL that held s: the stack's
 * reference to s is dropped first, so that PyUnicode_Append can extend s in
 * place when nothing else holds it.  OWNED says which operands the stack
 * holds references to (bit 0: LEFT, bit 1: RIGHT; a fused LOAD_FAST pushes
 * none), which are consumed; 0, or -1 with *LOCAL NULL. */
int pyston_unicode_append_local(PyObject **local, PyObject *left, PyObject *right, int owned)
{
    if (owned & 1)
        Py_DECREF(left); /* _Py_DECREF_NO_DEALLOC: the local still holds it */
    PyUnicode_Append(local, right);
    if (owned & 2)
        Py_DECREF(right);
    return *local ? 0 : -1;
}
