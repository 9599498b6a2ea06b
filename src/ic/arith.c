/* BINARY_OP, COMPARE_OP and BINARY_SUBSCR: fast paths for ints that fit a
 * machine word, floats, strings, lists, tuples and dicts (the cases of
 * BINARY_OP_ADD_INT, COMPARE_OP_FLOAT_JUMP, BINARY_SUBSCR_LIST_INT, ... in
 * Python/specialize.c), with the operand classes recorded as feedback.
 * Anything else takes the generic helper. */
#include "ic/ic.h"

#include <math.h>

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

/* LHS op RHS for two ints below 2**60 in magnitude (word_int), in machine
 * words (sums and differences cannot overflow; products are checked);
 * NULL when the operator has no fast path here, or overflows. */
static PyObject *int_binary(int op, long a, long b)
{
    long r;
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD:
        return PyLong_FromLong(a + b);
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT:
        return PyLong_FromLong(a - b);
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
        return __builtin_mul_overflow(a, b, &r) ? NULL : PyLong_FromLong(r);
    case NB_RSHIFT: case NB_INPLACE_RSHIFT: /* floors, as long_rshift */
        if (b < 0)
            return NULL; /* ValueError: the generic path */
        return PyLong_FromLong(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case NB_AND: case NB_INPLACE_AND:
        return PyLong_FromLong(a & b);
    case NB_OR: case NB_INPLACE_OR:
        return PyLong_FromLong(a | b);
    case NB_XOR: case NB_INPLACE_XOR:
        return PyLong_FromLong(a ^ b);
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE:
    case NB_REMAINDER: case NB_INPLACE_REMAINDER: {
        if (b == 0)
            return NULL; /* ZeroDivisionError: the generic path */
        long q = a / b, r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) { /* Python rounds toward -inf */
            q -= 1;
            r += b;
        }
        bool div = op == NB_FLOOR_DIVIDE || op == NB_INPLACE_FLOOR_DIVIDE;
        return PyLong_FromLong(div ? q : r);
    }
    }
    return NULL;
}

/* Mirrors the float slots of Objects/floatobject.c for + - * /. */
static PyObject *float_binary(int op, double a, double b)
{
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD:
        return PyFloat_FromDouble(a + b);
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT:
        return PyFloat_FromDouble(a - b);
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
        return PyFloat_FromDouble(a * b);
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        return b == 0.0 ? NULL : PyFloat_FromDouble(a / b);
    }
    return NULL;
}

/* An int operand mixed with a float, converted as float_add & co. do
 * (CONVERT_TO_DOUBLE, PyLong_AsDouble): exactly below 2**53, and above it
 * rounded half to even, as the conversion of a long does. */
static bool as_double(PyObject *o, double *d)
{
    long v;
    if (PyFloat_CheckExact(o)) {
        *d = PyFloat_AS_DOUBLE(o);
        return true;
    }
    if (word_int(o, &v)) {
        *d = (double)v;
        return true;
    }
    return false;
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
    PyObject *rhs = sp[-1], *lhs = sp[-2];
    long a, b;
    double x, y;
    PyObject *res = NULL;
    binaryfunc int_slot;
    record(cache, lhs, rhs);
    if (word_int(lhs, &a) && word_int(rhs, &b)) {
        res = int_binary(oparg, a, b);
    } else if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs) &&
               (int_slot = pyston_exact_int_slot(oparg)) != NULL) { /* big ints */
        res = int_slot(lhs, rhs);
        replace_operands(sp, res);
        if (res != NULL)
            return 0;
        f->stacktop = (int)(sp - 1 - f->localsplus); /* as pyston_op_BINARY_OP */
        return -1;
    } else if ((PyFloat_CheckExact(lhs) || PyFloat_CheckExact(rhs)) && as_double(lhs, &x) &&
               as_double(rhs, &y)) {
        res = float_binary(oparg, x, y);
    }
    if (res != NULL)
        return replace_operands(sp, res);
    if (PyErr_Occurred()) { /* out of memory */
        f->stacktop = (int)(sp - f->localsplus);
        return -1;
    }
    if (python_dunder(ts, oparg, lhs, rhs, &res, cache)) {
        replace_operands(sp, res);
        if (res != NULL)
            return 0;
        f->stacktop = (int)(sp - 1 - f->localsplus); /* as pyston_op_BINARY_OP */
        return -1;
    }
    return pyston_op_BINARY_OP(ts, f, sp, oparg, NULL);
}

static inline bool compare_result(int op, int c) /* C = -1, 0 or 1 */
{
    switch (op) {
    case Py_LT: return c < 0;
    case Py_LE: return c <= 0;
    case Py_EQ: return c == 0;
    case Py_NE: return c != 0;
    case Py_GT: return c > 0;
    default: return c >= 0; /* Py_GE */
    }
}

int pyston_ic_COMPARE_OP(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                         void *cache)
{
    PyObject *rhs = sp[-1], *lhs = sp[-2];
    long a, b;
    record(cache, lhs, rhs);
    if (word_int(lhs, &a) && word_int(rhs, &b))
        return replace_operands(sp, Py_NewRef(compare_result(oparg, (a > b) - (a < b)) ? Py_True : Py_False));
    if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs)) {
        double x = PyFloat_AS_DOUBLE(lhs), y = PyFloat_AS_DOUBLE(rhs);
        bool r;
        switch (oparg) { /* NaN compares false, except != */
        case Py_LT: r = x < y; break;
        case Py_LE: r = x <= y; break;
        case Py_EQ: r = x == y; break;
        case Py_NE: r = x != y; break;
        case Py_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return replace_operands(sp, Py_NewRef(r ? Py_True : Py_False));
    }
    if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs) &&
        (oparg == Py_EQ || oparg == Py_NE)) {
        bool equal = lhs == rhs || _PyUnicode_Equal(lhs, rhs);
        return replace_operands(sp, Py_NewRef(equal == (oparg == Py_EQ) ? Py_True : Py_False));
    }
    return pyston_op_COMPARE_OP(ts, f, sp, oparg, NULL);
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
    } else if (PyDict_CheckExact(container)) {
        /* mirrors BINARY_SUBSCR_DICT: an exact dict has no __missing__ */
        PyObject *item = PyDict_GetItemWithError(container, sub);
        if (item != NULL)
            return replace_operands(sp, Py_NewRef(item));
        f->stacktop = (int)(sp - f->localsplus);
        return pyston_dict_key_missing(sub);
    }
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
