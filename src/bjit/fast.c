/* Inline fast paths: machine code for the common case of an instruction,
 * guarded by type checks, with the instruction's helper as the slow path.
 *
 *   COMPARE_OP + POP_JUMP_IF_*  on two small ints or two floats: compared
 *                               in registers, branched on directly (no
 *                               bool object, no call); == and != on str
 *   COMPARE_OP                  the same, giving True or False
 *   UNPACK_SEQUENCE             a tuple or list of the right length
 *   FOR_ITER                    over a list, a tuple or a range
 *   BINARY_OP                   + - * // % on small ints, + - * / on floats:
 *                               computed in registers, boxed with
 *                               PyLong_FromLong / PyFloat_FromDouble
 *   LOAD_GLOBAL                 the cache's first probe (dict versions)
 *   LOAD_ATTR, STORE_ATTR       the cache's way for the owner's type, when
 *                               it holds an instance value or a slot;
 *                               LOAD_ATTR also a module's attribute and a
 *                               class's own
 *   LOAD_METHOD                 the cache's way for the owner's type, when
 *                               it holds a method the instance cannot
 *                               shadow; a module's or a class's attribute
 *
 * A "small int" is an exact int of at most one 30-bit digit: its value is
 * ob_size * ob_digit[0].  The slow paths take the operands exactly where
 * they were, so falling back is always safe. */
#include "bjit/compiler.h"

#include <stddef.h>

#include "ic/ic.h"

#include <internal/pycore_dict.h> /* PyDictKeysObject */
#include <internal/pycore_long.h> /* _PyLong_SMALL_INTS */
#include <internal/pycore_moduleobject.h> /* PyModuleObject */
#include <internal/pycore_pymem.h> /* _Py_tracemalloc_config */
#include "runtime/ops.h"
#include "stats.h"

#define OFF_TYPE ((int32_t)offsetof(PyObject, ob_type))
#define OFF_SIZE ((int32_t)offsetof(PyVarObject, ob_size))
#define OFF_DIGIT0 ((int32_t)offsetof(PyLongObject, ob_digit))
#define OFF_FVAL ((int32_t)offsetof(PyFloatObject, ob_fval))

/* Counts a hit of IN's inline cache, for pyston.stats() (in the site's
 * own counter, just before its cache: see pyston_compiled.hit_at). */
static void count_hit(compiler *c, const insn *in)
{
    emit_count(c, (uint64_t *)(void *)(c->caches + in->cache - sizeof(uint64_t)));
}

/* The same counter, through CACHE, a register holding the site's cache
 * (4 bytes of code instead of 9). */
static void count_hit_via(compiler *c, x86_reg cache)
{
    x86_inc_m(&c->a, x86_at(cache, -(int32_t)sizeof(uint64_t)));
}

/* The specialized form of IN that the interpreter chose while it ran the
 * code before it was compiled: which kind of attribute a site sees, where
 * a global was found. */
static int specialized_op(compiler *c, const insn *in)
{
    return _Py_OPCODE(c->code[in->at]);
}

/* The operand type that the interpreter's specialization of a BINARY_OP
 * or COMPARE_OP saw: int, float or str for BINARY_OP_*_INT/FLOAT/UNICODE
 * and COMPARE_OP_*_JUMP; SAW_OTHER_TYPES when it tried and failed (mixed
 * types, big ints, other types: an adaptive instruction counting down to
 * its next try); NULL when it has not run (threshold 0, a cold branch) or
 * keeps no specialization for the operator (`/`, `%`, a compare whose
 * result is a value). */
#define SAW_OTHER_TYPES (&PyBaseObject_Type)

static PyTypeObject *operand_type_seen(compiler *c, const insn *in)
{
    switch (specialized_op(c, in)) {
    case BINARY_OP_ADD_INT: case BINARY_OP_SUBTRACT_INT: case BINARY_OP_MULTIPLY_INT:
    case COMPARE_OP_INT_JUMP:
        return &PyLong_Type;
    case BINARY_OP_ADD_FLOAT: case BINARY_OP_SUBTRACT_FLOAT: case BINARY_OP_MULTIPLY_FLOAT:
    case COMPARE_OP_FLOAT_JUMP:
        return &PyFloat_Type;
    case BINARY_OP_ADD_UNICODE: case BINARY_OP_INPLACE_ADD_UNICODE: case COMPARE_OP_STR_JUMP:
        return &PyUnicode_Type;
    case BINARY_OP_ADAPTIVE: case COMPARE_OP_ADAPTIVE: /* the counter: 0 until it first runs */
        return c->code[in->at + 1] != 0 ? SAW_OTHER_TYPES : NULL;
    }
    return NULL;
}

/* The constant that the stack entry K below the top is, when a fused
 * LOAD_CONST pushed it (borrowed), else NULL. */
static PyObject *borrowed_constant(compiler *c, int k)
{
    if (c->borrowed[k].kind != BORROWED_CONST)
        return NULL;
    return PyTuple_GET_ITEM(c->co->co_consts, c->borrowed[k].index);
}

/* The only type whose typed path can apply when an operand is a constant
 * (a fused LOAD_CONST): the paths want both operands of one type, so a
 * path of another type never runs (`line + " "`, `x == "a"`, `y * 0.5`),
 * whatever the interpreter saw or, in a function compiled before it ran,
 * could not see.  NULL when neither operand is a constant. */
static PyTypeObject *constant_operand_type(compiler *c)
{
    for (int k = 0; k < 2; k++) {
        PyObject *constant = borrowed_constant(c, k);
        if (constant != NULL)
            return Py_TYPE(constant);
    }
    return NULL;
}

/* Orders the N operand TYPES an operator has inline paths for, as SEEN
 * (operand_type_seen) says: the type seen first, and only it inline; none
 * inline for other types; all, as listed, without feedback.  Returns how
 * many stay inline; the rest go out of line (typed_path_check). */
static int order_by_feedback(PyTypeObject *seen, PyTypeObject **types, int n)
{
    if (seen == NULL)
        return n;
    for (int i = 0; i < n; i++) {
        if (types[i] == seen) {
            types[i] = types[0];
            types[0] = seen;
            return 1;
        }
    }
    return 0;
}

/* --- operands: the stack entries a fast path reads -------------------------- */

/* REG = the stack entry K below the top (0: the top), from wherever it is:
 * its stack slot, or the local or constant of a fused LOAD_FAST/LOAD_CONST
 * (for a local already known to be bound). */
static void reload_entry(compiler *c, x86_reg reg, int depth, int k)
{
    struct borrowed b = c->borrowed[k];
    if (b.kind == BORROWED_CONST)
        emit_load_ptr(c, reg, PyTuple_GET_ITEM(c->co->co_consts, b.index));
    else if (b.kind == BORROWED_LOCAL)
        x86_mov_load(&c->a, reg, x86_at(LOCALS, 8 * b.index));
    else
        x86_mov_load(&c->a, reg, stack_slot(c, depth - 1 - k));
}

/* REG = the stack entry K below the top (0: the top): from its stack slot,
 * or from the local or constant of a fused LOAD_FAST/LOAD_CONST (an
 * unbound local goes to SLOW, whose replayed LOAD_FAST raises). */
static void load_entry(compiler *c, x86_reg reg, int depth, int k, x86_label slow)
{
    struct borrowed b = c->borrowed[k];
    reload_entry(c, reg, depth, k);
    if (b.kind == BORROWED_LOCAL && local_maybe_unbound(c, c->group_first, b.index)) {
        x86_test_rr(&c->a, reg, reg);
        x86_jcc(&c->a, X86_E, slow);
    }
}

/* The entry K below the top holds a reference of its own. */
static bool entry_owned(compiler *c, int k)
{
    return c->borrowed[k].kind == OWNED;
}

/* Py_DECREF of the object in rdi; IS_FLOAT: an exact float, which goes
 * back to the free list inline. */
static void decref_rdi(compiler *c, const insn *in, bool is_float)
{
    if (is_float)
        emit_decref_float_rdi(c, in->at);
    else
        emit_decref_rdi(c, in->at, false);
}

/* Drops the entry K below the top, which the instruction consumes (as
 * decref_rdi); a borrowed one has nothing to drop.  Clobbers rdi. */
static void drop_entry(compiler *c, const insn *in, int depth, int k, bool is_float)
{
    if (!entry_owned(c, k))
        return;
    x86_mov_load(&c->a, X86_RDI, stack_slot(c, depth - 1 - k));
    decref_rdi(c, in, is_float);
}

/* A reference for the entry K below the top, whose value is in REG: the
 * consumer keeps it (stores it somewhere). */
static void own_entry(compiler *c, x86_reg reg, int k)
{
    if (!entry_owned(c, k))
        emit_incref(c, reg);
}

/* Jumps to FAIL unless the object in OBJ is a small int; leaves its
 * value in VALUE.  Clobbers rdx. */
static void small_int_value(compiler *c, x86_reg obj, x86_reg value, x86_label fail)
{
    x86_asm *a = &c->a;
    x86_mov_load(a, value, x86_at(obj, OFF_SIZE));
    x86_lea(a, X86_RDX, x86_at(value, 1));
    x86_alu_ri(a, X86_CMP, X86_RDX, 2);
    x86_jcc(a, X86_A, fail); /* ob_size outside -1..1 */
    x86_load32(a, X86_RDX, x86_at(obj, OFF_DIGIT0));
    x86_imul_rr(a, value, X86_RDX);
}

/* The same for a "word int": an exact int of at most two 30-bit digits
 * (below 2**60 in magnitude, so that sums never overflow 64 bits); the
 * rarer two-digit case from the cold section.  Clobbers rdx and r11. */
static void word_int_value(compiler *c, x86_reg obj, x86_reg value, x86_label fail)
{
    x86_asm *a = &c->a;
    x86_label two = x86_new_label(a), done = x86_new_label(a);
    x86_mov_load(a, value, x86_at(obj, OFF_SIZE));
    x86_lea(a, X86_RDX, x86_at(value, 1));
    x86_alu_ri(a, X86_CMP, X86_RDX, 2);
    x86_jcc(a, X86_A, two);
    x86_load32(a, X86_RDX, x86_at(obj, OFF_DIGIT0)); /* ob_size * digit[0] */
    x86_imul_rr(a, value, X86_RDX);
    x86_label around = out_of_line_begin(c);
    x86_bind(a, two); /* ob_size -2 or 2: the sign times digit[0] | digit[1] << 30 */
    x86_lea(a, X86_RDX, x86_at(value, 2));
    x86_alu_ri(a, X86_CMP, X86_RDX, 4);
    x86_jcc(a, X86_A, fail);
    x86_load32(a, X86_R11, x86_at(obj, OFF_DIGIT0 + (int32_t)sizeof(digit)));
    x86_shift_ri(a, X86_SHL, X86_R11, PyLong_SHIFT);
    x86_load32(a, X86_RDX, x86_at(obj, OFF_DIGIT0));
    x86_alu_rr(a, X86_OR, X86_R11, X86_RDX);
    x86_shift_ri(a, X86_SAR, value, 1);
    x86_imul_rr(a, value, X86_R11);
    x86_jmp(a, done);
    out_of_line_end(c, around);
    x86_bind(a, done);
}

static void int_into_local(compiler *c, const insn *in, int depth);

/* rax = PyLong_FromLong(rax): a cached small int (-5..256) inline, as
 * get_small_int does, else the call (which may return NULL).  Inside a
 * BINARY_OP + STORE_FAST (store_local, with IN and DEPTH), a result
 * outside the small ints may go into the local's own int instead
 * (int_into_local), then to c->stored. */
static void box_int(compiler *c, const insn *in, int depth)
{
    x86_asm *a = &c->a;
    x86_label call = x86_new_label(a), boxed = x86_new_label(a);
    x86_lea(a, X86_RCX, x86_at(X86_RAX, _PY_NSMALLNEGINTS));
    x86_alu_ri(a, X86_CMP, X86_RCX, _PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS);
    x86_jcc(a, X86_AE, call);
    _Static_assert(sizeof(PyLongObject) == 32, "small ints are 32 bytes apart");
    x86_shift_ri(a, X86_SHL, X86_RCX, 5);
    emit_load_ptr(c, X86_RAX, &_PyLong_SMALL_INTS[0]);
    x86_alu_rr(a, X86_ADD, X86_RAX, X86_RCX);
    emit_incref(c, X86_RAX);
    x86_jmp(a, boxed);
    x86_bind(a, call); /* (inline, not a stub: counters pass 256 soon) */
    if (in != NULL && c->store_local >= 0)
        int_into_local(c, in, depth);
    x86_mov_rr(a, X86_RDI, X86_RAX);
    emit_call(c, PyLong_FromLong);
    x86_bind(a, boxed);
}

void emit_box_int(compiler *c)
{
    box_int(c, NULL, 0);
}

void emit_box_bool(compiler *c)
{
    x86_asm *a = &c->a;
    x86_mov_imm(a, X86_RAX, (int64_t)((uintptr_t)Py_True - (uintptr_t)Py_False));
    x86_imul_rr(a, X86_RAX, X86_RDX);
    emit_load_ptr(c, X86_RCX, Py_False);
    x86_alu_rr(a, X86_ADD, X86_RAX, X86_RCX);
    emit_incref(c, X86_RAX);
}

/* Whether the right operand is a small int constant (a LOAD_CONST fused
 * into the instruction), and its value. */
static bool rhs_small_const(compiler *c, long *value)
{
    PyObject *k = borrowed_constant(c, 0);
    if (k == NULL || !PyLong_CheckExact(k) || Py_SIZE(k) < -1 || Py_SIZE(k) > 1)
        return false;
    *value = Py_SIZE(k) * (long)((PyLongObject *)k)->ob_digit[0];
    return true;
}

/* rax = the value of the left operand, a word int, else to SLOW. */
static void lhs_int(compiler *c, int depth, x86_label slow)
{
    x86_asm *a = &c->a;
    load_entry(c, X86_RDI, depth, 1, slow);
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, OFF_TYPE), &PyLong_Type);
    x86_jcc(a, X86_NE, slow);
    word_int_value(c, X86_RDI, X86_RAX, slow);
}

/* rdi, rsi = the two operands on top of the stack, and rax their common
 * type; jumps to FAIL if the types differ. */
static void load_operands(compiler *c, int depth, x86_label fail)
{
    x86_asm *a = &c->a;
    load_entry(c, X86_RDI, depth, 1, fail);
    load_entry(c, X86_RSI, depth, 0, fail);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    x86_alu_rm(a, X86_CMP, X86_RAX, x86_at(X86_RSI, OFF_TYPE));
    x86_jcc(a, X86_NE, fail);
}

/* A row of typed paths over the two operands on top of the stack, each
 * for one type both must have (int, float, str): the types in the order
 * they are tested, how many of the first ones are inline (the rest out of
 * line, in the cold section), and the labels the row threads through. */
typedef struct {
    PyTypeObject *types[3];
    int n, inline_count;
    x86_label around; /* out_of_line_begin's, once the row goes out of line */
    x86_label next;   /* the next type check (-1 before the first one) */
} typed_paths;

/* Orders and filters the N TYPES an operator has paths for: with a
 * constant operand its type's path only, or none; else by the
 * interpreter's feedback (order_by_feedback).  Jumps to SLOW when no path
 * is left, else loads the operands (load_operands); returns whether any
 * path is left. */
static bool typed_paths_begin(compiler *c, const insn *in, typed_paths *row, int n, int depth,
                              x86_label slow)
{
    PyTypeObject *only = constant_operand_type(c);
    row->around = row->next = -1;
    if (only != NULL) {
        row->n = 0;
        for (int i = 0; i < n; i++) {
            if (row->types[i] == only)
                row->types[row->n++] = only;
        }
        row->inline_count = row->n;
    } else {
        row->n = n;
        row->inline_count = order_by_feedback(operand_type_seen(c, in), row->types, n);
    }
    if (row->n == 0) {
        x86_jmp(&c->a, slow);
        return false;
    }
    load_operands(c, depth, slow);
    return true;
}

/* Path I of the row, for operands whose common type is in rax: comes from
 * the previous path's type check and jumps to the next one (for the last
 * path, to SLOW) unless the type is types[I].  The paths from
 * inline_count on go out of line, from here until typed_paths_end. */
static void typed_path_check(compiler *c, typed_paths *row, int i, x86_label slow)
{
    x86_asm *a = &c->a;
    x86_label from = row->next;
    if (i == row->inline_count) {
        if (from < 0) {
            from = x86_new_label(a);
            x86_jmp(a, from);
        }
        row->around = out_of_line_begin(c);
    }
    if (from >= 0)
        x86_bind(a, from);
    row->next = i + 1 < row->n ? x86_new_label(a) : slow;
    emit_cmp_ptr(c, X86_RAX, row->types[i]);
    x86_jcc(a, X86_NE, row->next);
}

static void typed_paths_end(compiler *c, const typed_paths *row)
{
    if (row->inline_count < row->n)
        out_of_line_end(c, row->around);
}

/* An error (MemoryError from boxing a result) raised at IN with the stack
 * as it was before IN. */
static void emit_error_keeping_stack(compiler *c, const insn *in, int depth)
{
    for (int k = 1; k >= 0; k--) { /* borrowed operands: onto the stack now */
        if (!entry_owned(c, k)) {
            reload_entry(c, X86_RAX, depth, k);
            emit_incref(c, X86_RAX);
            x86_mov_store(&c->a, stack_slot(c, depth - 1 - k), X86_RAX);
        }
    }
    set_prev_instr(c, in->at);
    emit_throw(c, depth);
}

/* The result in rax (NULL: to NO_MEMORY) replaces the two operands: lhs
 * is dropped after it, then rhs (FLOATS: both are exact floats, which go
 * back to the free list inline). */
/* The result in RESULT takes lhs's stack entry; lhs is dropped. */
static void result_over_lhs(compiler *c, const insn *in, int depth, x86_reg result, bool floats)
{
    x86_asm *a = &c->a;
    if (entry_owned(c, 1))
        x86_mov_load(a, X86_RDI, stack_slot(c, depth - 2));
    x86_mov_store(a, stack_slot(c, depth - 2), result);
    if (entry_owned(c, 1))
        decref_rdi(c, in, floats);
}

static void replace_operands(compiler *c, const insn *in, int depth, bool floats,
                             x86_label no_memory)
{
    x86_test_rr(&c->a, X86_RAX, X86_RAX);
    x86_jcc(&c->a, X86_E, no_memory);
    result_over_lhs(c, in, depth, X86_RAX, floats);
    drop_entry(c, in, depth, 0, floats);
}

/* Drops both operands (lhs first, as ceval does). */
static void decref_operands(compiler *c, const insn *in, int depth)
{
    drop_entry(c, in, depth, 1, false);
    drop_entry(c, in, depth, 0, false);
}

/* The result in rax (NULL: an error) takes the place of two operands
 * already consumed; then to DONE, or to the throw exit. */
static void store_result_or_throw(compiler *c, int depth, x86_label done)
{
    x86_asm *a = &c->a;
    x86_mov_store(a, stack_slot(c, depth - 2), X86_RAX);
    x86_test_rr(a, X86_RAX, X86_RAX);
    emit_throw_if(c, X86_E, depth - 2); /* an error: both consumed */
    x86_jmp(a, done);
}

/* After a call that borrowed both operands: they are dropped (as BINARY_OP
 * and COMPARE_OP do), then its result in rax takes their place. */
static void replace_operands_by_result(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_mov_store(&c->a, SCRATCH(0), X86_RAX);
    decref_operands(c, in, depth);
    x86_mov_load(&c->a, X86_RAX, SCRATCH(0));
    store_result_or_throw(c, depth, done);
}

/* --- COMPARE_OP + POP_JUMP_IF_TRUE/FALSE ------------------------------------ */

static x86_cond int_condition(int op)
{
    static const x86_cond cond[] = {[Py_LT] = X86_L, [Py_LE] = X86_LE, [Py_EQ] = X86_E,
                                    [Py_NE] = X86_NE, [Py_GT] = X86_G, [Py_GE] = X86_GE};
    return cond[op];
}

/* edx = the float comparison OP of rdi and rsi.  NaN compares false, except
 * with !=: ucomisd reports "unordered" as ZF=PF=CF=1, so < and <= compare
 * swapped with "above", and == / != check PF too. */
static void float_compare(compiler *c, int op)
{
    x86_asm *a = &c->a;
    bool swap = op == Py_LT || op == Py_LE;
    x86_movsd_load(a, 0, x86_at(swap ? X86_RSI : X86_RDI, OFF_FVAL));
    x86_ucomisd(a, 0, x86_at(swap ? X86_RDI : X86_RSI, OFF_FVAL));
    switch (op) {
    case Py_LT: case Py_GT:
        x86_setcc(a, X86_A, X86_RDX);
        break;
    case Py_LE: case Py_GE:
        x86_setcc(a, X86_AE, X86_RDX);
        break;
    case Py_EQ:
        x86_setcc(a, X86_E, X86_RDX);
        x86_setcc(a, X86_NP, X86_RCX);
        x86_alu_rr(a, X86_AND, X86_RDX, X86_RCX);
        break;
    default: /* Py_NE */
        x86_setcc(a, X86_NE, X86_RDX);
        x86_setcc(a, X86_P, X86_RCX);
        x86_alu_rr(a, X86_OR, X86_RDX, X86_RCX);
        break;
    }
}

/* edx = whether the strs rdi and rsi are equal (== ) or not (!=):
 * identical, or else different if both are interned, or else what
 * _PyUnicode_Equal says. */
static void str_compare(compiler *c, int op)
{
    x86_asm *a = &c->a;
    x86_label same = x86_new_label(a), known = x86_new_label(a), ask = x86_new_label(a);
    int32_t state = (int32_t)offsetof(PyASCIIObject, state); /* interned: its low 2 bits */
    x86_alu_rr(a, X86_CMP, X86_RDI, X86_RSI);
    x86_jcc(a, X86_E, same);
    for (int i = 0; i < 2; i++) { /* both interned (mortal or immortal)? */
        x86_movzx8(a, X86_RAX, x86_at(i ? X86_RSI : X86_RDI, state));
        x86_alu_ri(a, X86_AND, X86_RAX, 3);
        x86_jcc(a, X86_E, ask);
    } /* both interned and not the same object: different */
    x86_mov_imm(a, X86_RDX, op == Py_NE);
    x86_jmp(a, known);
    x86_bind(a, same);
    x86_mov_imm(a, X86_RDX, op == Py_EQ);
    x86_jmp(a, known);
    x86_bind(a, ask);
    emit_call(c, _PyUnicode_Equal);
    x86_mov_rr(a, X86_RDX, X86_RAX);
    if (op == Py_NE)
        x86_alu_ri(a, X86_XOR, X86_RDX, 1);
    x86_bind(a, known);
}

/* edx = the comparison IN makes of the two operands on top of the stack:
 * small ints, floats, or (== and !=) strs, in the order of
 * typed_paths_begin; anything else to SLOW. */
static void compare_operands(compiler *c, const insn *in, int depth, x86_label slow)
{
    x86_asm *a = &c->a;
    int op = in->arg;
    typed_paths row = {.types = {&PyLong_Type, &PyFloat_Type, &PyUnicode_Type}};
    if (!typed_paths_begin(c, in, &row, op == Py_EQ || op == Py_NE ? 3 : 2, depth, slow))
        return;
    x86_label compared = x86_new_label(a);
    for (int i = 0; i < row.n; i++) {
        typed_path_check(c, &row, i, slow);
        if (row.types[i] == &PyLong_Type) {
            word_int_value(c, X86_RDI, X86_RAX, slow);
            word_int_value(c, X86_RSI, X86_RCX, slow);
            x86_alu_rr(a, X86_CMP, X86_RAX, X86_RCX);
            x86_setcc(a, int_condition(op), X86_RDX);
        } else if (row.types[i] == &PyFloat_Type) {
            float_compare(c, op);
        } else {
            str_compare(c, op);
        }
        x86_jmp(a, compared);
    }
    typed_paths_end(c, &row);
    x86_bind(a, compared);
}

/* edx = the comparison IN makes of the two operands on top of the stack,
 * as compare_operands, with a small int constant on the right baked in. */
static void compare_condition(compiler *c, const insn *in, int depth, x86_label slow)
{
    x86_asm *a = &c->a;
    long k;
    if (rhs_small_const(c, &k)) { /* x < 10 */
        lhs_int(c, depth, slow);
        x86_alu_ri(a, X86_CMP, X86_RAX, (int32_t)k);
        x86_setcc(a, int_condition(in->arg), X86_RDX);
    } else {
        compare_operands(c, in, depth, slow);
    }
}

/* The operands of IN dropped, and True or False (rdx = 1 or 0) in their
 * place; then to DONE. */
static void replace_operands_by_bool(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_asm *a = &c->a;
    x86_mov_store(a, SCRATCH(0), X86_RDX); /* deallocations may clobber registers */
    decref_operands(c, in, depth);
    x86_mov_load(a, X86_RDX, SCRATCH(0));
    emit_box_bool(c);
    x86_mov_store(a, stack_slot(c, depth - 2), X86_RAX);
    x86_jmp(a, done);
}

/* COMPARE_OP whose result is a value (x = a < b, return a == b, the
 * operands of and/or): the bool, as COMPARE_OP_INT/FLOAT/STR_JUMP compute
 * it, without the call. */
static void emit_compare_op(compiler *c, const insn *in, int depth, x86_label slow, x86_label done)
{
    compare_condition(c, in, depth, slow);
    replace_operands_by_bool(c, in, depth, done);
}

static int emit_compare_and_branch(compiler *c, const insn *cmp, const insn *jump, int depth,
                                   bool jump_if)
{
    x86_asm *a = &c->a;
    x86_label slow = x86_new_label(a), done = x86_new_label(a), check;
    x86_label taken = branch_taken_label(c, jump, &check);
    compare_condition(c, cmp, depth, slow);
    if (entry_owned(c, 0) || entry_owned(c, 1)) {
        x86_mov_store(a, SCRATCH(0), X86_RDX); /* deallocations may clobber registers */
        decref_operands(c, cmp, depth);
        x86_mov_load(a, X86_RDX, SCRATCH(0));
    }
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, jump_if ? X86_NE : X86_E, taken);
    /* the slow path: the two instructions as they are */
    defer_slow_path(c, cmp, jump, depth, slow, done);
    emit_branch_check(c, jump, depth - 2, check, done);
    x86_bind(a, done);
    return jump->next;
}

/* --- CONTAINS_OP + POP_JUMP_IF_TRUE/FALSE ---------------------------------- */

/* `if x in s:`: PySequence_Contains called from compiled code and its
 * int result branched on, as the helper and the jump would do it, without
 * the helper call and without a bool made for the jump to test. */
static int emit_contains_and_branch(compiler *c, const insn *contains, const insn *jump,
                                    int depth, bool jump_if)
{
    x86_asm *a = &c->a;
    x86_label taken = x86_new_label(a), fall = x86_new_label(a);
    set_prev_instr(c, contains->at);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1)); /* the container */
    x86_mov_load(a, X86_RSI, stack_slot(c, depth - 2)); /* the item */
    emit_call(c, PySequence_Contains);
    x86_store32(a, SCRATCH(0), X86_RAX);
    decref_operands(c, contains, depth);
    x86_load32(a, X86_RAX, SCRATCH(0));
    x86_test32_rr(a, X86_RAX, X86_RAX);
    emit_throw_if(c, X86_S, depth - 2); /* both consumed */
    /* `in` is true for 1, `not in` for 0 */
    x86_jcc(a, (contains->arg == 0) == jump_if ? X86_NE : X86_E, taken);
    /* (__contains__ or __eq__ may have switched tracing on) */
    emit_tracing_check_at(c, branch_destination(jump, false), depth - 2);
    x86_jmp(a, fall);
    x86_bind(a, taken);
    emit_tracing_check_at(c, branch_destination(jump, true), depth - 2);
    emit_jump_taken(c, jump, depth - 2);
    x86_bind(a, fall);
    return jump->next;
}

/* --- BINARY_OP ---------------------------------------------------------------- */

/* + - * & | ^ on word ints: an ALU instruction, or a multiplication
 * (MUL) whose overflow goes to the slow path. */
static bool int_op(int op, x86_alu *alu, bool *mul)
{
    *mul = false;
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: *alu = X86_ADD; return true;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: *alu = X86_SUB; return true;
    case NB_AND: case NB_INPLACE_AND: *alu = X86_AND; return true;
    case NB_OR: case NB_INPLACE_OR: *alu = X86_OR; return true;
    case NB_XOR: case NB_INPLACE_XOR: *alu = X86_XOR; return true;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: *mul = true; return true;
    }
    return false;
}

static bool is_rshift(int op)
{
    return op == NB_RSHIFT || op == NB_INPLACE_RSHIFT;
}

/* // and %: floor division on word ints (REMAINDER: %). */
static bool is_divmod(int op, bool *remainder)
{
    *remainder = op == NB_REMAINDER || op == NB_INPLACE_REMAINDER;
    return *remainder || op == NB_FLOOR_DIVIDE || op == NB_INPLACE_FLOOR_DIVIDE;
}

/* rax = rax // rcx, or rax % rcx (REMAINDER), rounding towards minus
 * infinity as l_divmod does; rcx is not 0, and word ints cannot overflow.
 * Clobbers rdx and r11. */
static void floor_divmod(compiler *c, bool remainder)
{
    x86_asm *a = &c->a;
    x86_label exact = x86_new_label(a);
    x86_cqo(a);
    x86_idiv_r(a, X86_RCX); /* truncated: the remainder has the dividend's sign */
    x86_test_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, exact);
    x86_mov_rr(a, X86_R11, X86_RDX);
    x86_alu_rr(a, X86_XOR, X86_R11, X86_RCX);
    x86_jcc(a, X86_NS, exact); /* same sign as the divisor: already floored */
    x86_alu_rr(a, X86_ADD, X86_RDX, X86_RCX);
    x86_alu_ri(a, X86_SUB, X86_RAX, 1);
    x86_bind(a, exact);
    if (remainder)
        x86_mov_rr(a, X86_RAX, X86_RDX);
}

static bool float_op(int op, x86_sse *sse)
{
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: *sse = X86_ADDSD; return true;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: *sse = X86_SUBSD; return true;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: *sse = X86_MULSD; return true;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE: *sse = X86_DIVSD; return true;
    }
    return false;
}

/* rax = PyFloat_FromDouble(xmm0), which may be NULL: a float from the
 * interpreter's free list inline, as PyFloat_FromDouble does
 * (Objects/floatobject.c), unless tracemalloc wants to see it made. */
static void box_float(compiler *c)
{
#if defined(Py_REF_DEBUG) || defined(Py_TRACE_REFS)
    emit_call(c, PyFloat_FromDouble); /* _Py_NewReference does more there */
#else
    x86_asm *a = &c->a;
    struct _Py_float_state *state = &PyInterpreterState_Get()->float_state;
    x86_label boxed = x86_new_label(a), call = add_call_stub(c, PyFloat_FromDouble, boxed);
    emit_load_ptr(c, X86_RCX, &_Py_tracemalloc_config.tracing);
    x86_load32(a, X86_RCX, x86_at(X86_RCX, 0));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_NE, call);
    emit_load_ptr(c, X86_RCX, state);
    x86_mov_load(a, X86_RAX, x86_at(X86_RCX, offsetof(struct _Py_float_state, free_list)));
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, call);
    x86_mov_load(a, X86_RDX, x86_at(X86_RAX, OFF_TYPE)); /* the next free one */
    x86_mov_store(a, x86_at(X86_RCX, offsetof(struct _Py_float_state, free_list)), X86_RDX);
    x86_load32(a, X86_RDX, x86_at(X86_RCX, offsetof(struct _Py_float_state, numfree)));
    x86_lea(a, X86_RDX, x86_at(X86_RDX, -1));
    x86_store32(a, x86_at(X86_RCX, offsetof(struct _Py_float_state, numfree)), X86_RDX);
    emit_load_ptr(c, X86_RDX, &PyFloat_Type); /* _PyObject_Init: a static type, no incref */
    x86_mov_store(a, x86_at(X86_RAX, OFF_TYPE), X86_RDX);
    x86_mov_store_imm(a, x86_at(X86_RAX, offsetof(PyObject, ob_refcnt)), 1);
    x86_movsd_store(a, x86_at(X86_RAX, OFF_FVAL), 0);
    x86_bind(a, boxed);
#endif
}

/* REG = the object in the local that the result goes to (store_local),
 * when that is a number of type TYPE that only the local holds: the
 * result can be written into it, in place of the STORE_FAST, which would
 * drop it and store a new number (an allocation and a free, whose pointer
 * chains through memory are what bound numeric code).  Nothing else can
 * see it.  Else to ELSEWHERE. */
static void number_local_in_place(compiler *c, PyTypeObject *type, x86_reg reg,
                                  x86_label elsewhere)
{
    x86_asm *a = &c->a;
    x86_mov_load(a, reg, x86_at(LOCALS, 8 * c->store_local));
    x86_test_rr(a, reg, reg);
    x86_jcc(a, X86_E, elsewhere); /* unbound */
    emit_cmp_mem_ptr(c, x86_at(reg, OFF_TYPE), type);
    x86_jcc(a, X86_NE, elsewhere);
    x86_alu_mi(a, X86_CMP, x86_at(reg, offsetof(PyObject, ob_refcnt)), 1);
    x86_jcc(a, X86_NE, elsewhere);
}

/* The word int in rax, outside the small ints, into the local's own int
 * when nothing else holds it and the value fits one digit (every int but
 * the small ones has a digit), then to c->stored; else falls through with
 * rax kept.  (Unlike floats, int temporaries are not reused: an int
 * operand is most often a counter read from an attribute, which the
 * attribute still holds.) */
static void int_into_local(compiler *c, const insn *in, int depth)
{
    x86_asm *a = &c->a;
    x86_label elsewhere = x86_new_label(a);
    number_local_in_place(c, &PyLong_Type, X86_R8, elsewhere);
    x86_mov_rr(a, X86_RDX, X86_RAX); /* rdx = -1 or 0, rcx = |rax| */
    x86_shift_ri(a, X86_SAR, X86_RDX, 63);
    x86_mov_rr(a, X86_RCX, X86_RAX);
    x86_alu_rr(a, X86_XOR, X86_RCX, X86_RDX);
    x86_alu_rr(a, X86_SUB, X86_RCX, X86_RDX);
    x86_alu_ri(a, X86_CMP, X86_RCX, (int32_t)PyLong_MASK);
    x86_jcc(a, X86_A, elsewhere); /* more than one digit */
    x86_alu_ri(a, X86_OR, X86_RDX, 1); /* ob_size: -1 or 1 */
    x86_mov_store(a, x86_at(X86_R8, OFF_SIZE), X86_RDX);
    x86_store32(a, x86_at(X86_R8, OFF_DIGIT0), X86_RCX);
    drop_entry(c, in, depth, 1, false);
    drop_entry(c, in, depth, 0, false);
    x86_jmp(a, c->stored);
    x86_bind(a, elsewhere);
}

/* xmm0 = the float result of SSE on the floats rdi and rsi (a division
 * by zero to SLOW). */
static void float_binary(compiler *c, x86_sse sse, x86_label slow)
{
    x86_asm *a = &c->a;
    if (sse == X86_DIVSD) { /* x / 0.0 and x / -0.0 raise: the helper */
        x86_mov_load(a, X86_RAX, x86_at(X86_RSI, OFF_FVAL));
        x86_alu_rr(a, X86_ADD, X86_RAX, X86_RAX); /* drops the sign bit */
        x86_jcc(a, X86_E, slow);
    }
    x86_movsd_load(a, 0, x86_at(X86_RDI, OFF_FVAL));
    x86_sse_rm(a, sse, 0, x86_at(X86_RSI, OFF_FVAL));
}

/* The float result in xmm0 replaces the float operands rdi and rsi, then
 * to DONE.  An operand that is a temporary (the stack's own reference, and
 * the only one) takes the result in place: nothing else can see it, and
 * the free-list round trip that dropping it and boxing the result would
 * make (float_dealloc, then PyFloat_FromDouble) is saved; its pointer
 * chain through memory is what bounds float code. */
static void replace_float_operands(compiler *c, const insn *in, int depth, x86_label done,
                                   x86_label no_memory)
{
    x86_asm *a = &c->a;
    if (c->store_local >= 0) { /* x = x * y, x += dx, z = a - b + c */
        x86_label elsewhere = x86_new_label(a);
        number_local_in_place(c, &PyFloat_Type, X86_RDX, elsewhere);
        x86_movsd_store(a, x86_at(X86_RDX, OFF_FVAL), 0);
        drop_entry(c, in, depth, 1, true);
        drop_entry(c, in, depth, 0, true);
        x86_jmp(a, c->stored);
        x86_bind(a, elsewhere);
    }
    for (int k = 1; k >= 0; k--) { /* lhs, then rhs */
        if (!entry_owned(c, k))
            continue;
        x86_reg operand = k ? X86_RDI : X86_RSI;
        x86_label shared = x86_new_label(a);
        x86_alu_mi(a, X86_CMP, x86_at(operand, offsetof(PyObject, ob_refcnt)), 1);
        x86_jcc(a, X86_NE, shared);
        x86_movsd_store(a, x86_at(operand, OFF_FVAL), 0);
        if (k == 1) { /* the result stays where lhs is */
            drop_entry(c, in, depth, 0, true);
        } else { /* rhs takes lhs's place */
            result_over_lhs(c, in, depth, X86_RSI, true);
        }
        x86_jmp(a, done);
        x86_bind(a, shared);
    }
    box_float(c);
    replace_operands(c, in, depth, true, no_memory);
    x86_jmp(a, done);
}

/* + - * & | ^ on ints, + - * / on floats, and >> by a constant 0..63
 * (a fused LOAD_CONST: floors, as long_rshift). */
static bool binary_op_has_fast_path(compiler *c, const insn *in)
{
    x86_alu alu;
    x86_sse sse;
    bool mul, remainder;
    long k;
    return int_op(in->arg, &alu, &mul) || float_op(in->arg, &sse) ||
           (is_rshift(in->arg) && rhs_small_const(c, &k) && k >= 0 && k < 64) ||
           (is_divmod(in->arg, &remainder) && !(rhs_small_const(c, &k) && k == 0));
}

static void emit_binary_op(compiler *c, const insn *in, int depth, x86_label slow,
                           x86_label done)
{
    x86_asm *a = &c->a;
    x86_alu alu = X86_ADD;
    x86_sse sse = X86_ADDSD;
    bool mul, ints = int_op(in->arg, &alu, &mul), floats = float_op(in->arg, &sse);
    bool remainder, divmod = is_divmod(in->arg, &remainder);
    x86_label no_memory = x86_new_label(a);
    long k;
    if ((ints || divmod || is_rshift(in->arg)) && rhs_small_const(c, &k)) {
        /* n - 1: the constant baked in */
        lhs_int(c, depth, slow);
        if (is_rshift(in->arg)) {
            x86_shift_ri(a, X86_SAR, X86_RAX, (uint8_t)k);
        } else if (divmod) { /* (not by 0: binary_op_has_fast_path) */
            x86_mov_imm(a, X86_RCX, k);
            floor_divmod(c, remainder);
        } else if (mul) {
            x86_mov_imm(a, X86_RCX, k);
            x86_imul_rr(a, X86_RAX, X86_RCX);
            x86_jcc(a, X86_O, slow);
        } else {
            x86_alu_ri(a, alu, X86_RAX, (int32_t)k);
        }
        box_int(c, in, depth);
        replace_operands(c, in, depth, false, no_memory);
        x86_jmp(a, done);
    } else { /* the type the interpreter saw first (typed_paths_begin) */
        typed_paths row = {.types = {NULL}};
        int n = 0;
        if (ints || divmod)
            row.types[n++] = &PyLong_Type;
        if (floats)
            row.types[n++] = &PyFloat_Type;
        typed_paths_begin(c, in, &row, n, depth, slow);
        for (int i = 0; i < row.n; i++) {
            typed_path_check(c, &row, i, slow);
            if (row.types[i] == &PyLong_Type) { /* two values below 2**60: only products overflow */
                word_int_value(c, X86_RDI, X86_RAX, slow);
                word_int_value(c, X86_RSI, X86_RCX, slow);
                if (divmod) {
                    x86_test_rr(a, X86_RCX, X86_RCX);
                    x86_jcc(a, X86_E, slow); /* the helper raises ZeroDivisionError */
                    floor_divmod(c, remainder);
                } else if (mul) {
                    x86_imul_rr(a, X86_RAX, X86_RCX);
                    x86_jcc(a, X86_O, slow);
                } else {
                    x86_alu_rr(a, alu, X86_RAX, X86_RCX);
                }
                box_int(c, in, depth);
                replace_operands(c, in, depth, false, no_memory);
                x86_jmp(a, done);
            } else {
                float_binary(c, sse, slow);
                replace_float_operands(c, in, depth, done, no_memory);
            }
        }
        typed_paths_end(c, &row);
    }
    cold_begin(c);
    x86_bind(a, no_memory); /* the operands stay on the stack */
    emit_error_keeping_stack(c, in, depth);
    cold_end(c);
}

/* BINARY_OP on operands of types that C defines, which the inline path did
 * not take (big ints, a word product that overflows, strs, mixed int and
 * float, ...): what the helper would end up calling, called from compiled
 * code on the slow path (the operands owned).  Two exact ints go straight
 * to int's own slot; other static types to binary_ops[] (PyNumber_Add,
 * ...).  An operand of a Python class falls through, to the operator
 * cache (emit_binary_dunder) and the helper, which fills it.  Jumps to
 * DONE with the result stored. */
static void emit_builtin_binary_op(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_asm *a = &c->a;
    binaryfunc int_slot = pyston_exact_int_slot(in->arg);
    binaryfunc generic = pyston_binary_op_fn(in->arg);
    if (in->arg == NB_POWER || in->arg == NB_INPLACE_POWER)
        return; /* (ternary: a wrapper, as the helper has it) */
    x86_label other = x86_new_label(a), not_ints = x86_new_label(a), call = x86_new_label(a);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 2));
    x86_mov_load(a, X86_RSI, stack_slot(c, depth - 1));
    if (int_slot != NULL) {
        emit_cmp_mem_ptr(c, x86_at(X86_RDI, OFF_TYPE), &PyLong_Type);
        x86_jcc(a, X86_NE, not_ints);
        emit_cmp_mem_ptr(c, x86_at(X86_RSI, OFF_TYPE), &PyLong_Type);
        x86_jcc(a, X86_NE, not_ints);
        emit_load_ptr(c, X86_R11, (const void *)int_slot);
        x86_jmp(a, call);
    }
    x86_bind(a, not_ints);
    for (int k = 0; k < 2; k++) {
        x86_mov_load(a, X86_RAX, x86_at(k ? X86_RSI : X86_RDI, OFF_TYPE));
        emit_jump_if_heap_type(c, X86_RAX, other);
    }
    emit_load_ptr(c, X86_R11, (const void *)generic);
    x86_bind(a, call); /* r11 = the function (set_prev_instr clobbers rax) */
    set_prev_instr(c, in->at);
    x86_call_r(a, X86_R11);
    replace_operands_by_result(c, in, depth, done);
    x86_bind(a, other);
}

/* --- operators of Python classes ------------------------------------------------ */

#define BINARY_CACHE(field) ((int32_t)offsetof(pyston_binary_cache, field))

static void emit_binary_dunder(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_asm *a = &c->a;
    x86_label not_taken = x86_new_label(a);
    set_prev_instr(c, in->at); /* (where the method's caller is) */
    emit_load_ptr(c, X86_R8, cache_of(c, in));
    x86_lea(a, X86_R10, stack_slot(c, depth - 2));
    call_routine(c, ROUTINE_BINARY_DUNDER);
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, not_taken);
    store_result_or_throw(c, depth, done);
    x86_bind(a, not_taken);
}

/* The routine: r10 = &the two operands, r8 = the site's cache.  When the
 * left one is an instance of the class the cache holds the operator of
 * (same version) and the right one of that class too or an exact int or
 * float, calls it directly (the direct-call routine, or edx = 0 when
 * that cannot enter it) as python_dunder in src/ic/arith.c does, and
 * returns edx = 1, rax = the result (NULL: an error), the operands
 * consumed; else edx = 0, nothing done.  A NotImplemented continues in
 * pyston_binary_not_implemented. */
void emit_binary_dunder_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label no = x86_new_label(a), undo = x86_new_label(a), drop = x86_new_label(a);
    x86_label leave = x86_new_label(a), operands = x86_new_label(a);
    x86_mov_load(a, X86_RDI, x86_at(X86_R10, 0));
    x86_mov_load(a, X86_RSI, x86_at(X86_R10, 8));
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    x86_mov_load(a, X86_RDX, x86_at(X86_RSI, OFF_TYPE));
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_RDX);
    x86_jcc(a, X86_E, operands);
    emit_jump_if_type(c, X86_RDX, &PyFloat_Type, operands);
    emit_jump_if_type(c, X86_RDX, &PyLong_Type, operands);
    x86_jmp(a, no);
    x86_bind(a, operands);
    x86_load32(a, X86_RCX, x86_at(X86_RAX, offsetof(PyTypeObject, tp_version_tag)));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_E, no);
    x86_load32(a, X86_RDX, x86_at(X86_R8, BINARY_CACHE(version)));
    x86_alu_rr(a, X86_CMP, X86_RCX, X86_RDX);
    x86_jcc(a, X86_NE, no);
    x86_alu_ri(a, X86_SUB, X86_RSP, 8 * SCRATCH_WORDS); /* (realigns rsp too) */
    x86_mov_store(a, SCRATCH(0), X86_R10);
    x86_mov_store(a, SCRATCH(1), X86_R8);
    /* the callee's frame takes these references (and one to the
     * function); the stack keeps its own until the call is over
     * (NotImplemented needs the operands) */
    emit_incref(c, X86_RDI);
    emit_incref(c, X86_RSI);
    x86_mov_load(a, X86_RDI, x86_at(X86_R8, BINARY_CACHE(function)));
    emit_incref(c, X86_RDI);
    x86_mov_rr(a, X86_R8, X86_R10);
    x86_mov_imm(a, X86_R9, 2);
    call_routine(c, ROUTINE_DIRECT_CALL);
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, undo);
    x86_mov_store(a, SCRATCH(2), X86_RAX);
    emit_cmp_ptr(c, X86_RAX, Py_NotImplemented);
    x86_jcc(a, X86_NE, drop);
    x86_mov_load(a, X86_R10, SCRATCH(0));
    x86_mov_load(a, X86_RDI, SCRATCH(1));
    x86_mov_load(a, X86_RSI, x86_at(X86_R10, 0));
    x86_mov_load(a, X86_RDX, x86_at(X86_R10, 8));
    x86_mov_rr(a, X86_RCX, X86_RAX);
    emit_call(c, pyston_binary_not_implemented);
    x86_mov_store(a, SCRATCH(2), X86_RAX);
    x86_bind(a, drop); /* the stack's references to the operands */
    for (int k = 0; k < 2; k++) {
        x86_mov_load(a, X86_R10, SCRATCH(0));
        x86_mov_load(a, X86_RDI, x86_at(X86_R10, 8 * k));
        emit_decref_rdi(c, -1, false);
    }
    x86_mov_load(a, X86_RAX, SCRATCH(2));
    x86_mov_imm(a, X86_RDX, 1);
    x86_jmp(a, leave);
    x86_bind(a, undo); /* not entered: the references taken above go back */
    x86_mov_load(a, X86_R8, SCRATCH(1));
    x86_mov_load(a, X86_RDI, x86_at(X86_R8, BINARY_CACHE(function)));
    emit_decref_no_dealloc(c, X86_RDI); /* (the class holds it) */
    x86_mov_load(a, X86_R10, SCRATCH(0));
    for (int k = 0; k < 2; k++) {
        x86_mov_load(a, X86_RDI, x86_at(X86_R10, 8 * k));
        emit_decref_no_dealloc(c, X86_RDI);
    }
    x86_mov_imm(a, X86_RDX, 0);
    x86_bind(a, leave);
    x86_alu_ri(a, X86_ADD, X86_RSP, 8 * SCRATCH_WORDS);
    x86_ret(a);
    x86_bind(a, no);
    x86_mov_imm(a, X86_RDX, 0);
    x86_ret(a);
}

/* --- LOAD_GLOBAL, LOAD_ATTR: the first probe of the cache ---------------------- */

#define DICT_VERSION ((int32_t)offsetof(PyDictObject, ma_version_tag))

/* Jumps to DONE with the global pushed if the cache's versions match. */
static void emit_load_global(compiler *c, const insn *in, int depth, x86_label slow,
                             x86_label done)
{
    x86_asm *a = &c->a;
    pyston_global_cache *cache = (pyston_global_cache *)(void *)cache_of(c, in);
    cache->globals_only = specialized_op(c, in) == LOAD_GLOBAL_MODULE;
    emit_load_ptr(c, X86_R8, cache);
    x86_mov_load(a, X86_RAX, x86_at(FRAME, offsetof(_PyInterpreterFrame, f_globals)));
    x86_mov_load(a, X86_RAX, x86_at(X86_RAX, DICT_VERSION));
    x86_alu_rm(a, X86_CMP, X86_RAX, x86_at(X86_R8, offsetof(pyston_global_cache, globals_version)));
    x86_jcc(a, X86_NE, slow); /* (a version is unique: the dict the cache saw) */
    if (!cache->globals_only) {
        x86_mov_load(a, X86_RAX, x86_at(FRAME, offsetof(_PyInterpreterFrame, f_builtins)));
        emit_cmp_mem_ptr(c, x86_at(X86_RAX, OFF_TYPE), &PyDict_Type); /* builtins may be any mapping */
        x86_jcc(a, X86_NE, slow);
        x86_mov_load(a, X86_RAX, x86_at(X86_RAX, DICT_VERSION));
        x86_alu_rm(a, X86_CMP, X86_RAX, x86_at(X86_R8, offsetof(pyston_global_cache, builtins_version)));
        x86_jcc(a, X86_NE, slow);
    }
    x86_mov_load(a, X86_RAX, x86_at(X86_R8, offsetof(pyston_global_cache, value)));
    emit_incref(c, X86_RAX);
    if (in->arg & 1)
        x86_mov_store_imm(a, stack_slot(c, depth++), 0);
    x86_mov_store(a, stack_slot(c, depth), X86_RAX);
    count_hit_via(c, X86_R8);
    x86_jmp(a, done);
}

#define ENTRY0(field) ((int32_t)offsetof(pyston_attr_cache, entry[0].field))
#define CACHE_FIELD(field) ((int32_t)offsetof(pyston_attr_cache, field))

/* Finds the way of the cache (at r8) for the object in rdi, as the C
 * helpers' find() does: falls through with r8 = that way (so that
 * ENTRY0() addresses it) and rax = the object's type.  The first way is
 * probed here, the others by a shared routine from the cold section;
 * when none matches, to OTHER with rax = the type.  Clobbers rcx, rdx,
 * r9, r10. */
static void find_way(compiler *c, x86_label other)
{
    x86_asm *a = &c->a;
    x86_label polymorphic = x86_new_label(a), found = x86_new_label(a);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    x86_load32(a, X86_R9, x86_at(X86_RAX, offsetof(PyTypeObject, tp_version_tag)));
    x86_alu32_rm(a, X86_CMP, X86_R9, x86_at(X86_R8, ENTRY0(type_version)));
    x86_jcc(a, X86_NE, polymorphic); /* (the monomorphic case falls through) */
    x86_bind(a, found);
    x86_label around = out_of_line_begin(c);
    x86_bind(a, polymorphic);
    call_routine(c, ROUTINE_ATTR_WAYS);
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_NE, found);
    x86_jmp(a, other);
    out_of_line_end(c, around);
}

/* Scans the ways of the cache from CURSOR (at one of them) for the
 * version in r9, with kind TYPE_VALUE if TYPE_VALUES: jumps to FOUND with
 * CURSOR at the match, to MISS past the last way.  FROM_CURSOR: CURSOR's
 * own way is looked at too, else the scan starts at the next one.
 * Clobbers rdx, r10.  (An empty way has version 0 and kind EMPTY.) */
static void scan_ways(compiler *c, x86_reg cursor, bool from_cursor, bool type_values,
                      x86_label found, x86_label miss)
{
    x86_asm *a = &c->a;
    x86_label next = x86_new_label(a), test = x86_new_label(a);
    x86_lea(a, X86_R10, x86_at(cursor, (int32_t)(sizeof(pyston_attr_entry) * PYSTON_ATTR_WAYS)));
    if (from_cursor)
        x86_jmp(a, test);
    x86_bind(a, next);
    x86_alu_ri(a, X86_ADD, cursor, (int32_t)sizeof(pyston_attr_entry));
    x86_alu_rr(a, X86_CMP, cursor, X86_R10);
    x86_jcc(a, X86_AE, miss);
    x86_bind(a, test);
    x86_load32(a, X86_RDX, x86_at(cursor, ENTRY0(type_version)));
    x86_alu_rr(a, X86_CMP, X86_R9, X86_RDX);
    x86_jcc(a, X86_NE, next);
    if (type_values) {
        x86_movzx8(a, X86_RDX, x86_at(cursor, ENTRY0(kind)));
        x86_alu_ri(a, X86_CMP, X86_RDX, PYSTON_ATTR_TYPE_VALUE);
        x86_jcc(a, X86_NE, next);
    }
    x86_jmp(a, found);
}

/* The routine: r9 = the type version, r8 = the cache; returns edx = 1 and
 * r8 = the way of the version among the others, else edx = 0 (r8 kept). */
void emit_attr_ways_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label match = x86_new_label(a), none = x86_new_label(a);
    x86_mov_rr(a, X86_RCX, X86_R8);
    scan_ways(c, X86_RCX, false, false, match, none);
    x86_bind(a, match);
    x86_mov_rr(a, X86_R8, X86_RCX);
    x86_mov_imm(a, X86_RDX, 1);
    x86_ret(a);
    x86_bind(a, none);
    x86_mov_imm(a, X86_RDX, 0);
    x86_ret(a);
}

/* A module attribute (load_from_module in src/ic/attr.c): jumps to MISS
 * unless the module in rdi has the dict version the cache (r8) saw;
 * leaves the value, a new reference, in rax. */
static void load_module_value(compiler *c, x86_label miss)
{
    x86_asm *a = &c->a;
    x86_mov_load(a, X86_RDX, x86_at(X86_RDI, offsetof(PyModuleObject, md_dict)));
    x86_test_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, miss);
    emit_cmp_mem_ptr(c, x86_at(X86_RDX, OFF_TYPE), &PyDict_Type);
    x86_jcc(a, X86_NE, miss);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDX, DICT_VERSION));
    x86_alu_rm(a, X86_CMP, X86_RAX, x86_at(X86_R8, CACHE_FIELD(module_version)));
    x86_jcc(a, X86_NE, miss); /* (an empty cache's 0 is no dict's version) */
    x86_mov_load(a, X86_RAX, x86_at(X86_R8, CACHE_FIELD(module_value)));
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, miss);
    emit_incref(c, X86_RAX);
}

/* An attribute of the class in rdi itself (PYSTON_ATTR_TYPE_VALUE: a way
 * keyed by the class's own version): jumps to MISS unless the cache (r8)
 * has one; leaves the value, a new reference, in rax.  Clobbers r8. */
static void load_class_value(compiler *c, x86_label miss)
{
    x86_asm *a = &c->a;
    x86_label found = x86_new_label(a);
    x86_load32(a, X86_R9, x86_at(X86_RDI, offsetof(PyTypeObject, tp_version_tag)));
    scan_ways(c, X86_R8, true, true, found, miss);
    x86_bind(a, found);
    x86_load32(a, X86_RDX, x86_at(X86_R8, ENTRY0(descr_version)));
    x86_test_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_NE, miss); /* the value's type is watched: the helper checks */
    x86_mov_load(a, X86_RAX, x86_at(X86_R8, ENTRY0(descr)));
    emit_incref(c, X86_RAX);
}

/* The routine: rdi = the owner, rax = its type, r8 = the cache; returns
 * rax = the attribute of a module or of a class (of metatype type) the
 * cache knows, a new reference, else NULL.  Clobbers rcx, rdx, r8-r10. */
void emit_attr_values_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label module = x86_new_label(a), class = x86_new_label(a), miss = x86_new_label(a);
    emit_jump_if_type(c, X86_RAX, &PyModule_Type, module);
    emit_jump_if_type(c, X86_RAX, &PyType_Type, class);
    x86_bind(a, miss);
    x86_mov_imm(a, X86_RAX, 0);
    x86_ret(a);
    x86_bind(a, module);
    load_module_value(c, miss);
    x86_ret(a);
    x86_bind(a, class);
    load_class_value(c, miss);
    x86_ret(a);
}

/* After find_way found no way: rax = a module's or a class's own
 * attribute (a new reference), or a jump to SLOW. */
static void find_module_or_class_value(compiler *c, x86_label slow)
{
    call_routine(c, ROUTINE_ATTR_VALUES);
    x86_test_rr(&c->a, X86_RAX, X86_RAX);
    x86_jcc(&c->a, X86_E, slow);
}

/* The interpreter specialized IN for a module's attribute (or, for
 * LOAD_METHOD, a class's too): whether its site looks there first. */
static bool module_or_class_first(compiler *c, const insn *in)
{
    switch (specialized_op(c, in)) {
    case LOAD_ATTR_MODULE: case LOAD_METHOD_MODULE: case LOAD_METHOD_CLASS:
        return true;
    }
    return false;
}

/* For such a site, with the owner in rdi and the cache in r8: rax = the
 * module's or class's attribute (a new reference) from the shared routine,
 * or a jump to the label returned, for instance_ways_after_all. */
static x86_label module_or_class_value_first(compiler *c)
{
    x86_label instance = x86_new_label(&c->a);
    x86_mov_load(&c->a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    find_module_or_class_value(c, instance);
    return instance;
}

/* There, out of line (until out_of_line_end): the cache back in r8 (the
 * routine clobbers it), for the instances' ways. */
static x86_label instance_ways_after_all(compiler *c, const insn *in, x86_label instance)
{
    x86_label around = out_of_line_begin(c);
    x86_bind(&c->a, instance);
    emit_load_ptr(c, X86_R8, cache_of(c, in));
    return around;
}

/* rax = the attribute IN names from the shared routine (an instance's
 * dict, a class attribute: a new reference), or a jump to SLOW. */
static void instance_attr_or_slow(compiler *c, const insn *in, x86_label slow)
{
    emit_load_ptr(c, X86_R9, PyTuple_GET_ITEM(c->co->co_names, in->arg));
    call_routine(c, ROUTINE_INSTANCE_ATTR);
    x86_test_rr(&c->a, X86_RAX, X86_RAX);
    x86_jcc(&c->a, X86_E, slow);
}

/* rax = the instance value (or, SLOT, the __slots__ member) that the way
 * at r8 names, for the owner in rdi, NULL when unset; to OTHER_KIND when
 * the way is of another kind, to NO_VALUES when the owner keeps its
 * attributes in a dict instead.  Clobbers rcx, rdx. */
static void load_value_or_slot(compiler *c, bool slot, x86_label other_kind,
                               x86_label no_values)
{
    x86_asm *a = &c->a;
    x86_cmp8_mi(a, x86_at(X86_R8, ENTRY0(kind)), slot ? PYSTON_ATTR_SLOT : PYSTON_ATTR_INSTANCE_VALUE);
    x86_jcc(a, X86_NE, other_kind);
    x86_movzx16(a, X86_RCX, x86_at(X86_R8, ENTRY0(index)));
    if (slot) { /* at byte offset index */
        x86_mov_load(a, X86_RAX, x86_at_index(X86_RDI, X86_RCX, 1, 0));
        return;
    }
    /* the inline values: *_PyObject_ValuesPointer(obj), then values[index] */
    x86_mov_load(a, X86_RDX, x86_at(X86_RDI, -4 * (int32_t)sizeof(PyObject *)));
    x86_test_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, no_values);
    x86_mov_load(a, X86_RAX, x86_at_index(X86_RDX, X86_RCX, 8, 0));
}

/* Replaces the owner on top of the stack by its attribute if a way of the
 * cache holds an instance value, a slot or a class attribute for its
 * type, or the owner is a module or a class the cache knows; drops the
 * owner.  Inline, the kind the interpreter's specialization saw (a slot
 * or an instance value); the rest from the cold section. */
static void emit_load_attr(compiler *c, const insn *in, int depth, x86_label slow,
                           x86_label done)
{
    x86_asm *a = &c->a;
    bool slot_first = specialized_op(c, in) == LOAD_ATTR_SLOT;
    x86_label other_type = x86_new_label(a), second_kind = x86_new_label(a);
    x86_label found = x86_new_label(a), loaded = x86_new_label(a), other_kinds = x86_new_label(a);
    bool module_first = module_or_class_first(c, in);
    emit_load_ptr(c, X86_R8, cache_of(c, in));
    load_entry(c, X86_RDI, depth, 0, slow);
    x86_label around = -1;
    if (module_first) {
        x86_label instance = module_or_class_value_first(c);
        x86_jmp(a, loaded);
        around = instance_ways_after_all(c, in, instance);
    }
    find_way(c, other_type);
    load_value_or_slot(c, slot_first, second_kind, other_kinds);
    x86_bind(a, found);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, slow); /* unset: the generic path raises */
    emit_incref(c, X86_RAX);
    if (module_first) {
        x86_jmp(a, loaded);
        out_of_line_end(c, around);
    }
    x86_bind(a, loaded);
    x86_mov_store(a, stack_slot(c, depth - 1), X86_RAX);
    count_hit(c, in);
    if (entry_owned(c, 0))
        emit_decref_rdi(c, in->at, false); /* the owner */
    x86_jmp(a, done);
    cold_begin(c);
    x86_bind(a, second_kind);
    load_value_or_slot(c, !slot_first, other_kinds, other_kinds);
    x86_jmp(a, found);
    x86_bind(a, other_kinds);
    instance_attr_or_slow(c, in, slow);
    x86_jmp(a, loaded);
    x86_bind(a, other_type);
    find_module_or_class_value(c, slow);
    x86_jmp(a, loaded);
    cold_end(c);
}

/* Jumps to SHADOWABLE unless the instance in rdi (of type rax) cannot
 * have an attribute of its own by the way's (r8) name: it has no instance
 * dict, or inline values whose shared keys are those the way saw, which
 * lacked the name (PYSTON_SHADOW_KEYS; see own_attribute in
 * src/ic/attr.c).  Clobbers rcx, rdx. */
static void check_not_shadowed(compiler *c, x86_label shadowable)
{
    x86_asm *a = &c->a;
    x86_label not_shadowed = x86_new_label(a);
    x86_cmp8_mi(a, x86_at(X86_R8, ENTRY0(shadow)), PYSTON_SHADOW_NONE); /* no instance dict */
    x86_jcc(a, X86_E, not_shadowed);
    x86_cmp8_mi(a, x86_at(X86_R8, ENTRY0(shadow)), PYSTON_SHADOW_KEYS);
    x86_jcc(a, X86_NE, shadowable); /* the helper looks at the instance */
    x86_mov_load(a, X86_RCX, x86_at(X86_R8, ENTRY0(keys)));
    x86_alu_mi(a, X86_CMP, x86_at(X86_RDI, -4 * (int32_t)sizeof(PyObject *)), 0);
    x86_jcc(a, X86_E, shadowable); /* a real dict: the helper looks */
    x86_alu_rm(a, X86_CMP, X86_RCX, x86_at(X86_RAX, offsetof(PyHeapTypeObject, ht_cached_keys)));
    x86_jcc(a, X86_NE, shadowable);
    x86_mov_load(a, X86_RDX, x86_at(X86_RCX, offsetof(PyDictKeysObject, dk_nentries)));
    x86_alu_rm(a, X86_CMP, X86_RDX, x86_at(X86_R8, ENTRY0(nentries)));
    x86_jcc(a, X86_NE, shadowable);
    x86_bind(a, not_shadowed);
}

/* rax = VALUES[the way's (r8) shared-key index], NULL when unset; to
 * NO_INDEX when the way has none.  Clobbers rdx. */
static void load_way_value(compiler *c, x86_reg values, x86_label no_index)
{
    x86_asm *a = &c->a;
    x86_movzx16(a, X86_RDX, x86_at(X86_R8, ENTRY0(index)));
    x86_alu_ri(a, X86_CMP, X86_RDX, PYSTON_NO_INDEX);
    x86_jcc(a, X86_E, no_index);
    x86_mov_load(a, X86_RAX, x86_at_index(values, X86_RDX, 8, 0));
}

/* After check_not_shadowed could not tell: the instance's own attribute
 * of the way's (r8) name r9, as own_attribute in src/ic/attr.c finds it,
 * for the instance in rdi of type rax: jumps to OWN with rax = it
 * (borrowed), falls through when the instance lacks it, and jumps to
 * UNKNOWN when the C helper must look.  With inline values it is at the
 * way's index; a dict (managed, or at the type's tp_dictoffset) with
 * unicode keys, split or combined, is looked in by the name's hash, which
 * cannot run Python code.  Keeps rdi, r8, r9; clobbers rcx, rdx, rsi,
 * r10, r11. */
static void find_own_attribute(compiler *c, x86_label own, x86_label unknown)
{
    x86_asm *a = &c->a;
    x86_label absent = x86_new_label(a), dict_backed = x86_new_label(a), managed = x86_new_label(a);
    x86_label have_dict = x86_new_label(a);
    x86_mov_load(a, X86_RCX, x86_at(X86_RAX, offsetof(PyTypeObject, tp_flags)));
    x86_alu_ri(a, X86_AND, X86_RCX, Py_TPFLAGS_MANAGED_DICT);
    x86_jcc(a, X86_NE, managed);
    /* a dict at a fixed offset of its own (a C type's, or under one) */
    x86_mov_load(a, X86_RCX, x86_at(X86_RAX, offsetof(PyTypeObject, tp_dictoffset)));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_LE, unknown); /* (negative: counted from a variable size) */
    x86_mov_load(a, X86_R10, x86_at_index(X86_RDI, X86_RCX, 1, 0));
    x86_jmp(a, have_dict);
    x86_bind(a, managed);
    x86_mov_load(a, X86_RCX, x86_at(X86_RDI, -4 * (int32_t)sizeof(PyObject *))); /* values */
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_E, dict_backed);
    load_way_value(c, X86_RCX, unknown);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_NE, own);
    x86_jmp(a, absent);
    x86_bind(a, dict_backed);
    x86_mov_load(a, X86_R10, x86_at(X86_RDI, -3 * (int32_t)sizeof(PyObject *)));
    x86_bind(a, have_dict);
    x86_test_rr(a, X86_R10, X86_R10);
    x86_jcc(a, X86_E, absent); /* no dict at all */
    x86_mov_load(a, X86_R11, x86_at(X86_R10, offsetof(PyDictObject, ma_keys)));
    x86_movzx8(a, X86_RCX, x86_at(X86_R11, offsetof(PyDictKeysObject, dk_kind)));
    x86_alu_ri(a, X86_CMP, X86_RCX, DICT_KEYS_GENERAL);
    x86_jcc(a, X86_E, unknown); /* other keys: their __eq__ may run */
    x86_mov_load(a, X86_RDX, x86_at(X86_R9, offsetof(PyASCIIObject, hash)));
    x86_alu_ri(a, X86_CMP, X86_RDX, -1);
    x86_jcc(a, X86_E, unknown);
    x86_push(a, X86_RDI);
    x86_push(a, X86_R8);
    x86_push(a, X86_R9); /* (and realigns rsp for the call) */
    x86_mov_rr(a, X86_RDI, X86_R10);
    x86_mov_rr(a, X86_RSI, X86_R9);
    emit_call(c, _PyDict_GetItem_KnownHash);
    x86_pop(a, X86_R9);
    x86_pop(a, X86_R8);
    x86_pop(a, X86_RDI);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_NE, own);
    x86_bind(a, absent);
}

/* The rest of the routine below for INSTANCE_VALUE and DICT_VALUE ways
 * of an instance whose attributes are not in inline values: rax = the
 * attribute from its managed dict (a new reference), else NULL.  A dict
 * still split from the class's shared keys has it at the way's index; a
 * combined one with unicode keys at the entry the way's dict_hint names,
 * if the key there is the name itself (LOAD_ATTR_WITH_HINT). */
static void return_own_dict_value(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label combined = x86_new_label(a), have = x86_new_label(a), miss = x86_new_label(a);
    x86_mov_load(a, X86_RCX, x86_at(X86_RAX, offsetof(PyTypeObject, tp_flags)));
    x86_alu_ri(a, X86_AND, X86_RCX, Py_TPFLAGS_MANAGED_DICT);
    x86_jcc(a, X86_E, miss);
    x86_mov_load(a, X86_R10, x86_at(X86_RDI, -3 * (int32_t)sizeof(PyObject *))); /* the dict */
    x86_test_rr(a, X86_R10, X86_R10);
    x86_jcc(a, X86_E, miss);
    x86_mov_load(a, X86_R11, x86_at(X86_R10, offsetof(PyDictObject, ma_keys)));
    x86_mov_load(a, X86_RCX, x86_at(X86_R10, offsetof(PyDictObject, ma_values)));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_E, combined);
    /* split: values[index] while the keys are still the class's */
    x86_alu_rm(a, X86_CMP, X86_R11, x86_at(X86_RAX, offsetof(PyHeapTypeObject, ht_cached_keys)));
    x86_jcc(a, X86_NE, miss);
    load_way_value(c, X86_RCX, miss);
    x86_jmp(a, have);
    x86_bind(a, combined); /* DK_UNICODE_ENTRIES(keys)[dict_hint] */
    x86_movzx8(a, X86_RCX, x86_at(X86_R11, offsetof(PyDictKeysObject, dk_kind)));
    x86_alu_ri(a, X86_CMP, X86_RCX, DICT_KEYS_UNICODE);
    x86_jcc(a, X86_NE, miss);
    x86_load32(a, X86_RDX, x86_at(X86_R8, ENTRY0(dict_hint)));
    x86_alu_rm(a, X86_CMP, X86_RDX, x86_at(X86_R11, offsetof(PyDictKeysObject, dk_nentries)));
    x86_jcc(a, X86_GE, miss);
    x86_shift_ri(a, X86_SHL, X86_RDX, 4); /* sizeof(PyDictUnicodeEntry) */
    x86_alu_rr(a, X86_ADD, X86_RDX, X86_R11);
    x86_movzx8(a, X86_RCX, x86_at(X86_R11, offsetof(PyDictKeysObject, dk_log2_index_bytes)));
    x86_mov_imm(a, X86_R11, 1);
    x86_shift_cl(a, X86_SHL, X86_R11);
    x86_alu_rr(a, X86_ADD, X86_RDX, X86_R11); /* + the indices */
    x86_alu_rm(a, X86_CMP, X86_R9,
               x86_at(X86_RDX, offsetof(PyDictKeysObject, dk_indices) +
                                   offsetof(PyDictUnicodeEntry, me_key)));
    x86_jcc(a, X86_NE, miss);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDX, offsetof(PyDictKeysObject, dk_indices) +
                                                 offsetof(PyDictUnicodeEntry, me_value)));
    x86_bind(a, have);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, miss);
    emit_incref(c, X86_RAX);
    x86_ret(a);
    x86_bind(a, miss);
    x86_mov_imm(a, X86_RAX, 0);
    x86_ret(a);
}

/* The routine for the ways of an instance's type that inline code leaves
 * (all but inline values and slots): rdi = the instance, rax = its type,
 * r8 = the way, r9 = the name; returns rax = the attribute (a new
 * reference) as load_by_entry finds it, or NULL when the C helper must
 * decide.  INSTANCE_VALUE and DICT_VALUE: from the instance's dict.
 * CLASS_VALUE, METHOD, NONDATA_DESCR: the instance's own (edx = 1), else
 * the class's (edx = 0; not for NONDATA_DESCR, whose __get__ the C helper
 * calls) while the class attribute's type is the one the way saw
 * (descr_version: no __get__ since).  rdi, r8 and r9 are kept; clobbers
 * rcx, rsi, r10, r11. */
void emit_instance_attr_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label same_type = x86_new_label(a), look = x86_new_label(a), class_value = x86_new_label(a);
    x86_label own = x86_new_label(a), miss = x86_new_label(a), own_dict = x86_new_label(a);
    x86_label class_kinds = x86_new_label(a);
    x86_movzx8(a, X86_RDX, x86_at(X86_R8, ENTRY0(kind)));
    x86_alu_ri(a, X86_CMP, X86_RDX, PYSTON_ATTR_INSTANCE_VALUE);
    x86_jcc(a, X86_E, own_dict);
    x86_alu_ri(a, X86_CMP, X86_RDX, PYSTON_ATTR_DICT_VALUE);
    x86_jcc(a, X86_E, own_dict);
    const int class_kind[] = {PYSTON_ATTR_CLASS_VALUE, PYSTON_ATTR_METHOD, PYSTON_ATTR_NONDATA_DESCR};
    for (int k = 0; k < 3; k++) {
        x86_alu_ri(a, X86_CMP, X86_RDX, class_kind[k]);
        x86_jcc(a, X86_E, class_kinds);
    }
    x86_jmp(a, miss);
    x86_bind(a, class_kinds);
    x86_load32(a, X86_RDX, x86_at(X86_R8, ENTRY0(descr_version)));
    x86_test_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, same_type); /* an immutable type: nothing to watch */
    x86_mov_load(a, X86_RCX, x86_at(X86_R8, ENTRY0(descr)));
    x86_mov_load(a, X86_RCX, x86_at(X86_RCX, OFF_TYPE));
    x86_load32(a, X86_RCX, x86_at(X86_RCX, offsetof(PyTypeObject, tp_version_tag)));
    x86_alu_rr(a, X86_CMP, X86_RCX, X86_RDX);
    x86_jcc(a, X86_NE, miss);
    x86_bind(a, same_type);
    check_not_shadowed(c, look);
    x86_jmp(a, class_value);
    x86_bind(a, look);
    find_own_attribute(c, own, miss);
    x86_bind(a, class_value);
    x86_movzx8(a, X86_RDX, x86_at(X86_R8, ENTRY0(kind)));
    x86_alu_ri(a, X86_CMP, X86_RDX, PYSTON_ATTR_NONDATA_DESCR);
    x86_jcc(a, X86_E, miss); /* its __get__: the C helper calls it */
    x86_mov_load(a, X86_RAX, x86_at(X86_R8, ENTRY0(descr)));
    emit_incref(c, X86_RAX);
    x86_mov_imm(a, X86_RDX, 0);
    x86_ret(a);
    x86_bind(a, own);
    emit_incref(c, X86_RAX);
    x86_mov_imm(a, X86_RDX, 1);
    x86_ret(a);
    x86_bind(a, miss);
    x86_mov_imm(a, X86_RAX, 0);
    x86_ret(a);
    x86_bind(a, own_dict);
    return_own_dict_value(c);
}


/* [meth, self] for a method that the instance cannot shadow: no instance
 * dict, or inline values whose shared keys are those the cache saw and
 * lacked the name (PYSTON_SHADOW_KEYS; see own_attribute in
 * src/ic/attr.c); [NULL, attribute] for a module's or a class's own
 * attribute. */
static void push_not_method(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_asm *a = &c->a; /* [NULL, the attribute in rax] */
    x86_mov_store_imm(a, stack_slot(c, depth - 1), 0);
    x86_mov_store(a, stack_slot(c, depth), X86_RAX);
    count_hit(c, in);
    if (entry_owned(c, 0))
        emit_decref_rdi(c, in->at, false); /* the owner */
    x86_jmp(a, done);
}

static void emit_load_method(compiler *c, const insn *in, int depth, x86_label slow,
                             x86_label done)
{
    x86_asm *a = &c->a;
    x86_label other_type = x86_new_label(a), look = x86_new_label(a), have = x86_new_label(a);
    x86_label not_method = x86_new_label(a);
    bool module_first = module_or_class_first(c, in);
    emit_load_ptr(c, X86_R8, cache_of(c, in));
    load_entry(c, X86_RDI, depth, 0, slow);
    x86_label around = -1;
    if (module_first) {
        x86_label instance = module_or_class_value_first(c);
        push_not_method(c, in, depth, done);
        around = instance_ways_after_all(c, in, instance);
    }
    find_way(c, other_type);
    x86_cmp8_mi(a, x86_at(X86_R8, ENTRY0(kind)), PYSTON_ATTR_METHOD);
    x86_jcc(a, X86_NE, slow);
    check_not_shadowed(c, look);
    x86_mov_load(a, X86_RAX, x86_at(X86_R8, ENTRY0(descr)));
    emit_incref(c, X86_RAX);
    x86_bind(a, have);
    x86_mov_store(a, stack_slot(c, depth - 1), X86_RAX);
    own_entry(c, X86_RDI, 0);
    x86_mov_store(a, stack_slot(c, depth), X86_RDI); /* self keeps the reference */
    count_hit(c, in);
    x86_jmp(a, done);
    if (module_first)
        out_of_line_end(c, around);
    cold_begin(c);
    x86_bind(a, other_type); /* a module's function, a class's attribute */
    find_module_or_class_value(c, slow);
    x86_bind(a, not_method);
    push_not_method(c, in, depth, done);
    x86_bind(a, look); /* the instance has a dict, or may have the name */
    instance_attr_or_slow(c, in, slow);
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_NE, not_method); /* the instance's own shadows the method */
    x86_jmp(a, have);
    cold_end(c);
}

/* STORE_ATTR's way (r8) of kind instance value: rdx = &values[index] of
 * the owner in rdi, rax = what it holds (NULL: a new attribute, entered
 * into the values' insertion order as STORE_ATTR_INSTANCE_VALUE does,
 * the order being bytes before the values: size at [-2], the indexes
 * below it); to OTHER_KIND for a way of another kind, to SLOW for an
 * owner with a dict instead.  Clobbers rcx, r9, r10. */
static void find_instance_value(compiler *c, x86_label other_kind, x86_label slow)
{
    x86_asm *a = &c->a;
    x86_label stored = x86_new_label(a);
    x86_cmp8_mi(a, x86_at(X86_R8, ENTRY0(kind)), PYSTON_ATTR_INSTANCE_VALUE);
    x86_jcc(a, X86_NE, other_kind);
    x86_movzx16(a, X86_RCX, x86_at(X86_R8, ENTRY0(index)));
    x86_mov_load(a, X86_R9, x86_at(X86_RDI, -4 * (int32_t)sizeof(PyObject *)));
    x86_test_rr(a, X86_R9, X86_R9);
    x86_jcc(a, X86_E, slow);
    x86_lea(a, X86_RDX, x86_at_index(X86_R9, X86_RCX, 8, 0));
    x86_mov_load(a, X86_RAX, x86_at(X86_RDX, 0));
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_NE, stored);
    x86_movzx8(a, X86_R10, x86_at(X86_R9, -2));
    x86_lea(a, X86_R10, x86_at(X86_R10, 1));
    x86_store8(a, x86_at(X86_R9, -2), X86_R10);
    x86_alu_rr(a, X86_SUB, X86_R9, X86_R10);
    x86_store8(a, x86_at(X86_R9, -2), X86_RCX);
    x86_bind(a, stored);
}

/* The same for a way of kind slot: rdx = the member at byte offset
 * index, rax = what it holds. */
static void find_slot(compiler *c, x86_label other_kind)
{
    x86_asm *a = &c->a;
    x86_cmp8_mi(a, x86_at(X86_R8, ENTRY0(kind)), PYSTON_ATTR_SLOT);
    x86_jcc(a, X86_NE, other_kind);
    x86_movzx16(a, X86_RCX, x86_at(X86_R8, ENTRY0(index)));
    x86_lea(a, X86_RDX, x86_at_index(X86_RDI, X86_RCX, 1, 0));
    x86_mov_load(a, X86_RAX, x86_at(X86_RDX, 0));
}

/* owner.attr = value into an instance value or a slot: inline, the kind
 * the interpreter's specialization saw; the other from the cold
 * section. */
static void emit_store_attr(compiler *c, const insn *in, int depth, x86_label slow,
                            x86_label done)
{
    x86_asm *a = &c->a;
    bool slot_first = specialized_op(c, in) == STORE_ATTR_SLOT;
    x86_label second_kind = x86_new_label(a), stored = x86_new_label(a);
    emit_load_ptr(c, X86_R8, cache_of(c, in));
    load_entry(c, X86_RSI, depth, 1, slow); /* the value */
    load_entry(c, X86_RDI, depth, 0, slow);
    find_way(c, slow);
    x86_alu32_mi(a, X86_CMP, x86_at(X86_R8, ENTRY0(descr_version)), 0);
    x86_jcc(a, X86_NE, slow); /* a class attribute whose type may gain a __set__ */
    if (slot_first)
        find_slot(c, second_kind);
    else
        find_instance_value(c, second_kind, slow);
    x86_bind(a, stored); /* rdx: where, rax: the old value (NULL: an empty slot) */
    own_entry(c, X86_RSI, 1);
    x86_mov_store(a, x86_at(X86_RDX, 0), X86_RSI);
    count_hit(c, in);
    x86_mov_rr(a, X86_RDI, X86_RAX);
    emit_decref_rdi(c, in->at, true);
    drop_entry(c, in, depth, 0, false); /* the owner */
    x86_jmp(a, done);
    cold_begin(c);
    x86_bind(a, second_kind);
    if (slot_first)
        find_instance_value(c, slow, slow);
    else
        find_slot(c, slow);
    x86_jmp(a, stored);
    cold_end(c);
}

/* --- str concatenation ---------------------------------------------------------- */

/* The instruction after IN when it fuses with IN: nothing else jumps to
 * it.  NULL otherwise. */
static const insn *fused_next(compiler *c, const insn *in)
{
    return in->next < c->ncode && !c->targeted[in->next] ? &c->insns[in->next] : NULL;
}

/* BINARY_OP followed by a STORE_FAST that fuses with it. */
static bool op_and_store_shape(compiler *c, const insn *in)
{
    const insn *next = fused_next(c, in);
    return next != NULL && next->op == STORE_FAST;
}

/* `s = s + t` / `s += t` on two strs, stored back into the local that
 * held s (BINARY_OP_INPLACE_ADD_UNICODE): appended in place when s has no
 * other owner; anything else goes to OTHER with the operands untouched. */
static void emit_append_in_place(compiler *c, const insn *in, int depth, x86_label other,
                                 x86_label done)
{
    x86_asm *a = &c->a;
    const insn *store = &c->insns[in->next];
    load_entry(c, X86_RDI, depth, 1, other);
    load_entry(c, X86_RSI, depth, 0, other);
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, OFF_TYPE), &PyUnicode_Type);
    x86_jcc(a, X86_NE, other);
    emit_cmp_mem_ptr(c, x86_at(X86_RSI, OFF_TYPE), &PyUnicode_Type);
    x86_jcc(a, X86_NE, other);
    x86_alu_rm(a, X86_CMP, X86_RDI, x86_at(LOCALS, 8 * store->arg));
    x86_jcc(a, X86_NE, other); /* the local must hold the left operand */
    set_prev_instr(c, in->at);
    x86_mov_rr(a, X86_RDX, X86_RSI);
    x86_mov_rr(a, X86_RSI, X86_RDI);
    x86_lea(a, X86_RDI, x86_at(LOCALS, 8 * store->arg));
    x86_mov_imm(a, X86_RCX, entry_owned(c, 1) | entry_owned(c, 0) << 1);
    emit_call(c, pyston_unicode_append_local);
    x86_test32_rr(a, X86_RAX, X86_RAX);
    emit_throw_if(c, X86_NE, depth - 2); /* both popped */
    x86_jmp(a, done);
}

/* BINARY_OP and the STORE_FAST after it: for +, strs appended in place;
 * a number written into the local's own (store_local); else the usual
 * fast paths and the plain store. */
static int emit_op_and_store(compiler *c, const insn *in, int depth)
{
    x86_asm *a = &c->a;
    const insn *store = &c->insns[in->next];
    x86_label slow = x86_new_label(a), added = x86_new_label(a);
    x86_label done = x86_new_label(a);
    if (in->arg == NB_ADD || in->arg == NB_INPLACE_ADD) {
        x86_label other = x86_new_label(a);
        emit_append_in_place(c, in, depth, other, done);
        x86_bind(a, other);
    }
    c->store_local = store->arg;
    c->stored = done;
    emit_binary_op(c, in, depth, slow, added);
    c->store_local = -1;
    defer_slow_path(c, in, NULL, depth, slow, added);
    x86_bind(a, added);
    emit_insn(c, store, depth - 1);
    x86_bind(a, done);
    return store->next;
}

/* --- FOR_ITER ------------------------------------------------------------------ */

/* Mirrors listiterobject and tupleiterobject (Objects/listobject.c,
 * tupleobject.c) and rangeiterobject (Objects/rangeobject.c), private. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq; /* NULL once exhausted */
} seq_iter_layout;

typedef struct {
    PyObject_HEAD
    long index, start, step, len;
} range_iter_layout;

/* The next item of a list, tuple or range iterator, pushed; anything else,
 * and the end of the iteration, through the helper. */
static void emit_for_iter(compiler *c, const insn *in, int depth, x86_label slow,
                          x86_label done)
{
    x86_asm *a = &c->a;
    x86_label list = x86_new_label(a), tuple = x86_new_label(a);
    x86_label range = x86_new_label(a), pushed = x86_new_label(a);
    x86_label no_memory = x86_new_label(a);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    emit_jump_if_type(c, X86_RAX, &PyListIter_Type, list);
    emit_jump_if_type(c, X86_RAX, &PyTupleIter_Type, tuple);
    emit_jump_if_type(c, X86_RAX, &PyRangeIter_Type, range);
    x86_jmp(a, slow);
    for (int is_list = 1; is_list >= 0; is_list--) { /* listiter_next, tupleiter_next */
        x86_bind(a, is_list ? list : tuple);
        x86_mov_load(a, X86_RCX, x86_at(X86_RDI, offsetof(seq_iter_layout, it_seq)));
        x86_test_rr(a, X86_RCX, X86_RCX);
        x86_jcc(a, X86_E, slow);
        x86_mov_load(a, X86_RDX, x86_at(X86_RDI, offsetof(seq_iter_layout, it_index)));
        x86_alu_rm(a, X86_CMP, X86_RDX, x86_at(X86_RCX, OFF_SIZE));
        x86_jcc(a, X86_GE, slow); /* the end: the helper stops */
        if (is_list) {
            x86_mov_load(a, X86_RCX, x86_at(X86_RCX, offsetof(PyListObject, ob_item)));
            x86_mov_load(a, X86_RAX, x86_at_index(X86_RCX, X86_RDX, 8, 0));
        } else {
            x86_mov_load(a, X86_RAX, x86_at_index(X86_RCX, X86_RDX, 8,
                                                  offsetof(PyTupleObject, ob_item)));
        }
        x86_lea(a, X86_RDX, x86_at(X86_RDX, 1));
        x86_mov_store(a, x86_at(X86_RDI, offsetof(seq_iter_layout, it_index)), X86_RDX);
        emit_incref(c, X86_RAX);
        x86_jmp(a, pushed);
    }
    x86_bind(a, range); /* rangeiter_next: start + index * step, wrapping */
    x86_mov_load(a, X86_RDX, x86_at(X86_RDI, offsetof(range_iter_layout, index)));
    x86_alu_rm(a, X86_CMP, X86_RDX, x86_at(X86_RDI, offsetof(range_iter_layout, len)));
    x86_jcc(a, X86_GE, slow);
    x86_lea(a, X86_RCX, x86_at(X86_RDX, 1));
    x86_mov_store(a, x86_at(X86_RDI, offsetof(range_iter_layout, index)), X86_RCX);
    x86_mov_load(a, X86_RCX, x86_at(X86_RDI, offsetof(range_iter_layout, step)));
    x86_imul_rr(a, X86_RDX, X86_RCX);
    x86_alu_rm(a, X86_ADD, X86_RDX, x86_at(X86_RDI, offsetof(range_iter_layout, start)));
    x86_mov_rr(a, X86_RAX, X86_RDX);
    emit_box_int(c);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, no_memory);
    x86_bind(a, pushed);
    x86_mov_store(a, stack_slot(c, depth), X86_RAX);
    x86_jmp(a, done);
    cold_begin(c);
    x86_bind(a, no_memory); /* the iterator stays on the stack */
    emit_error_keeping_stack(c, in, depth);
    cold_end(c);
}

/* --- UNPACK_SEQUENCE ------------------------------------------------------------ */

/* Longer sequences unpack through the helper (the code grows with N). */
#define UNPACK_INLINE_MAX 4

/* a, b = seq for an exact tuple or list of exactly that length
 * (UNPACK_SEQUENCE_TWO_TUPLE, _TUPLE, _LIST): the items pushed last first,
 * each with a reference, then the sequence dropped. */
static void emit_unpack_sequence(compiler *c, const insn *in, int depth, x86_label slow,
                                 x86_label done)
{
    x86_asm *a = &c->a;
    int n = in->arg;
    x86_label tuple = x86_new_label(a), items = x86_new_label(a);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    x86_alu_mi(a, X86_CMP, x86_at(X86_RDI, OFF_SIZE), n);
    x86_jcc(a, X86_NE, slow);
    emit_cmp_ptr(c, X86_RAX, &PyTuple_Type);
    x86_jcc(a, X86_E, tuple);
    emit_cmp_ptr(c, X86_RAX, &PyList_Type);
    x86_jcc(a, X86_NE, slow);
    x86_mov_load(a, X86_RSI, x86_at(X86_RDI, offsetof(PyListObject, ob_item)));
    x86_jmp(a, items);
    x86_bind(a, tuple);
    x86_lea(a, X86_RSI, x86_at(X86_RDI, offsetof(PyTupleObject, ob_item)));
    x86_bind(a, items);
    for (int i = 0; i < n; i++) {
        x86_mov_load(a, X86_RAX, x86_at(X86_RSI, 8 * i));
        emit_incref(c, X86_RAX);
        x86_mov_store(a, stack_slot(c, depth - 1 + n - 1 - i), X86_RAX);
    }
    emit_decref_rdi(c, in->at, false); /* (its items keep their references) */
    x86_jmp(a, done);
}

/* --- subscripts and identity ---------------------------------------------------- */

/* rax = &list[rdx] or &tuple[rdx] for the list or tuple in rdi and the
 * small int rsi, negative indexes counting from the end (list_subscript);
 * jumps to SLOW for anything else, or out of range (the helper raises). */
static void sequence_item_address(compiler *c, bool lists_only, x86_label slow)
{
    x86_asm *a = &c->a;
    x86_label list = x86_new_label(a), in_range = x86_new_label(a), have = x86_new_label(a);
    emit_cmp_mem_ptr(c, x86_at(X86_RSI, OFF_TYPE), &PyLong_Type);
    x86_jcc(a, X86_NE, slow);
    small_int_value(c, X86_RSI, X86_RCX, slow); /* the index */
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, OFF_TYPE));
    emit_cmp_ptr(c, X86_RAX, &PyList_Type);
    x86_jcc(a, X86_E, list);
    if (lists_only) {
        x86_jmp(a, slow);
    } else {
        emit_cmp_ptr(c, X86_RAX, &PyTuple_Type);
        x86_jcc(a, X86_NE, slow);
    }
    x86_bind(a, list);
    x86_mov_load(a, X86_RDX, x86_at(X86_RDI, OFF_SIZE));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_NS, in_range);
    x86_alu_rr(a, X86_ADD, X86_RCX, X86_RDX);
    x86_bind(a, in_range);
    x86_alu_rr(a, X86_CMP, X86_RCX, X86_RDX);
    x86_jcc(a, X86_AE, slow); /* (unsigned: a negative index too) */
    if (!lists_only) {
        x86_lea(a, X86_RAX, x86_at_index(X86_RDI, X86_RCX, 8, offsetof(PyTupleObject, ob_item)));
        emit_cmp_mem_ptr(c, x86_at(X86_RDI, OFF_TYPE), &PyTuple_Type);
        x86_jcc(a, X86_E, have);
    }
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyListObject, ob_item)));
    x86_lea(a, X86_RAX, x86_at_index(X86_RAX, X86_RCX, 8, 0));
    x86_bind(a, have);
}

/* container[index] for an exact list or tuple and a small int index
 * (BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_TUPLE_INT). */
static void emit_binary_subscr(compiler *c, const insn *in, int depth, x86_label slow,
                               x86_label done)
{
    x86_asm *a = &c->a;
    load_entry(c, X86_RDI, depth, 1, slow);
    load_entry(c, X86_RSI, depth, 0, slow);
    sequence_item_address(c, false, slow);
    x86_mov_load(a, X86_RAX, x86_at(X86_RAX, 0));
    emit_incref(c, X86_RAX);
    x86_mov_store(a, SCRATCH(0), X86_RAX);
    decref_operands(c, in, depth);
    x86_mov_load(a, X86_RAX, SCRATCH(0));
    x86_mov_store(a, stack_slot(c, depth - 2), X86_RAX);
    x86_jmp(a, done);
}

/* container[key] for an exact dict, as BINARY_SUBSCR_DICT: a call of
 * PyDict_GetItemWithError, without the helper.  It runs on the slow path,
 * where both operands are owned on the stack: the key's __hash__ and
 * __eq__ may run any code.  Jumps to DONE with the item stored; falls
 * through for any other container. */
static void emit_dict_subscript(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_asm *a = &c->a;
    x86_label other = x86_new_label(a), missing = x86_new_label(a);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 2));
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, OFF_TYPE), &PyDict_Type);
    x86_jcc(a, X86_NE, other);
    set_prev_instr(c, in->at);
    x86_mov_load(a, X86_RSI, stack_slot(c, depth - 1));
    emit_call(c, PyDict_GetItemWithError);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, missing);
    emit_incref(c, X86_RAX);
    replace_operands_by_result(c, in, depth, done);
    x86_bind(a, missing); /* the operands stay on the stack */
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
    emit_call(c, pyston_dict_key_missing);
    emit_throw(c, depth);
    x86_bind(a, other);
}

/* container[key] = value for an exact dict, as STORE_SUBSCR_DICT: a call
 * of PyDict_SetItem on the slow path (the operands owned); then value,
 * container and key are dropped, as STORE_SUBSCR does.  Jumps to DONE;
 * falls through for any other container. */
static void emit_dict_store_subscript(compiler *c, const insn *in, int depth, x86_label done)
{
    x86_asm *a = &c->a;
    x86_label other = x86_new_label(a);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 2)); /* [value, container, key] */
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, OFF_TYPE), &PyDict_Type);
    x86_jcc(a, X86_NE, other);
    set_prev_instr(c, in->at);
    x86_mov_load(a, X86_RSI, stack_slot(c, depth - 1));
    x86_mov_load(a, X86_RDX, stack_slot(c, depth - 3));
    emit_call(c, PyDict_SetItem);
    x86_store32(a, SCRATCH(0), X86_RAX);
    for (int slot = depth - 3; slot < depth; slot++) { /* value, container, key */
        x86_mov_load(a, X86_RDI, stack_slot(c, slot));
        emit_decref_rdi(c, in->at, false);
    }
    x86_load32(a, X86_RAX, SCRATCH(0));
    x86_test32_rr(a, X86_RAX, X86_RAX);
    emit_throw_if(c, X86_NE, depth - 3); /* an error: all consumed */
    x86_jmp(a, done);
    x86_bind(a, other);
}

/* list[index] = value for an exact list and a small int index in range
 * (STORE_SUBSCR_LIST_INT): the old item, then the list, then the index
 * are dropped. */
static void emit_store_subscr(compiler *c, const insn *in, int depth, x86_label slow,
                              x86_label done)
{
    x86_asm *a = &c->a;
    load_entry(c, X86_RDI, depth, 1, slow); /* [value, list, index] */
    load_entry(c, X86_RSI, depth, 0, slow);
    sequence_item_address(c, true, slow);
    x86_mov_load(a, X86_RDI, x86_at(X86_RAX, 0));
    x86_mov_load(a, X86_RCX, stack_slot(c, depth - 3));
    x86_mov_store(a, x86_at(X86_RAX, 0), X86_RCX);
    emit_decref_rdi(c, in->at, true);
    decref_operands(c, in, depth);
    x86_jmp(a, done);
}

/* The calls an instruction's slow path makes itself before its helper (the
 * operands owned on the stack), each falling through when it does not
 * apply. */
typedef void (*slow_call_emitter)(compiler *c, const insn *in, int depth, x86_label done);

static void emit_binary_op_calls(compiler *c, const insn *in, int depth, x86_label done)
{
    emit_builtin_binary_op(c, in, depth, done);
    emit_binary_dunder(c, in, depth, done);
}

void emit_slow_path_calls(compiler *c, const insn *in, int depth, x86_label done)
{
    static const slow_call_emitter emitters[256] = {
        [BINARY_OP] = emit_binary_op_calls,
        [BINARY_SUBSCR] = emit_dict_subscript,
        [STORE_SUBSCR] = emit_dict_store_subscript,
    };
    if (emitters[in->op] != NULL)
        emitters[in->op](c, in, depth, done);
}

/* --- LOAD_FAST + POP_JUMP_IF_* ----------------------------------------------- */

/* `if x:`, `if x is None:` on a local: the local tested where it is, with
 * no reference taken and none dropped.  True, False and None by identity,
 * ints and containers by the shared routine; anything else (a __bool__ or
 * __len__ of its own) pushed and given to the helper; an unbound local
 * through the slow path, whose LOAD_FAST raises. */
static void emit_pop_jump_on_local(compiler *c, const insn *in, int depth, x86_label slow,
                                   x86_label done)
{
    x86_asm *a = &c->a;
    bool jump_if_none, jump_if;
    x86_label check, taken = branch_taken_label(c, in, &check);
    load_entry(c, X86_RDI, depth, 0, slow);
    if (is_pop_jump_if_none(in->op, &jump_if_none)) {
        emit_cmp_ptr(c, X86_RDI, Py_None);
        x86_jcc(a, jump_if_none ? X86_E : X86_NE, taken);
    } else if (is_pop_jump_if_bool(in->op, &jump_if)) {
        x86_label is_true = jump_if ? taken : done, is_false = jump_if ? done : taken;
        x86_label undecided = x86_new_label(a);
        emit_truth_test(c, is_true, is_false, undecided);
        x86_jcc(a, jump_if ? X86_NE : X86_E, taken);
        x86_label around = out_of_line_begin(c); /* a __bool__ or __len__ of its own */
        x86_bind(a, undecided);
        emit_incref(c, X86_RDI); /* (the local pushed) */
        x86_mov_store(a, stack_slot(c, depth - 1), X86_RDI);
        emit_truth_by_helper(c, in, depth, jump_if, is_true, is_false);
        out_of_line_end(c, around);
    }
    emit_branch_check(c, in, depth - 1, check, done);
}

/* IS_OP: a pointer comparison, inline. */
static void emit_is_op(compiler *c, const insn *in, int depth, x86_label slow, x86_label done)
{
    x86_asm *a = &c->a;
    load_entry(c, X86_RAX, depth, 1, slow);
    load_entry(c, X86_RCX, depth, 0, slow);
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_RCX);
    x86_setcc(a, in->arg ? X86_NE : X86_E, X86_RDX);
    replace_operands_by_bool(c, in, depth, done);
}

/* ---------------------------------------------------------------------------- */

/* Emits the fast path of an instruction: on success it jumps to DONE, on
 * failure to SLOW, where the instruction's plain code follows. */
typedef void (*fast_emitter)(compiler *c, const insn *in, int depth, x86_label slow,
                             x86_label done);

static const fast_emitter fast_emitters[256] = {
    [BINARY_OP] = emit_binary_op,       [FOR_ITER] = emit_for_iter,
    [LOAD_GLOBAL] = emit_load_global,   [LOAD_ATTR] = emit_load_attr,
    [LOAD_METHOD] = emit_load_method,   [STORE_ATTR] = emit_store_attr,
    [BINARY_SUBSCR] = emit_binary_subscr, [STORE_SUBSCR] = emit_store_subscr,
    [IS_OP] = emit_is_op,               [COMPARE_OP] = emit_compare_op,
    [UNPACK_SEQUENCE] = emit_unpack_sequence,
    [POP_JUMP_FORWARD_IF_FALSE] = emit_pop_jump_on_local,
    [POP_JUMP_BACKWARD_IF_FALSE] = emit_pop_jump_on_local,
    [POP_JUMP_FORWARD_IF_TRUE] = emit_pop_jump_on_local,
    [POP_JUMP_BACKWARD_IF_TRUE] = emit_pop_jump_on_local,
    [POP_JUMP_FORWARD_IF_NONE] = emit_pop_jump_on_local,
    [POP_JUMP_BACKWARD_IF_NONE] = emit_pop_jump_on_local,
    [POP_JUMP_FORWARD_IF_NOT_NONE] = emit_pop_jump_on_local,
    [POP_JUMP_BACKWARD_IF_NOT_NONE] = emit_pop_jump_on_local,
};

/* ---------------------------------------------------------------------------- */

/* Whether IN is followed by a POP_JUMP_IF_TRUE/FALSE that nothing else
 * jumps to, and which of the two. */
static bool branch_follows(compiler *c, const insn *in, bool *jump_if)
{
    const insn *next = fused_next(c, in);
    return next != NULL && is_pop_jump_if_bool(next->op, jump_if);
}

/* Whether COMPARE_OP IN fuses with the conditional jump after it. */
static bool compare_and_branch_shape(compiler *c, const insn *in, bool *jump_if)
{
    return in->arg <= Py_GE && branch_follows(c, in, jump_if);
}

/* How many of its top stack entries the fast path of IN can read borrowed
 * from a fused LOAD_FAST/LOAD_CONST (0: IN is not a fast path). */
static int borrowable_entries(const insn *in)
{
    switch (in->op) {
    case LOAD_ATTR: case LOAD_METHOD:
        return 1;
    case STORE_ATTR: case BINARY_SUBSCR: case STORE_SUBSCR: case IS_OP: case COMPARE_OP:
        return 2;
    case BINARY_OP: /* (whether it has a fast path depends on them) */
        return 2;
    }
    bool jump_if;
    if (is_pop_jump_if_bool(in->op, &jump_if) || is_pop_jump_if_none(in->op, &jump_if))
        return 1; /* (a local only: emit_consumer) */
    return 0;
}

static bool is_fusable_push(const insn *in)
{
    return in->op == LOAD_FAST || in->op == LOAD_CONST;
}

/* The constant on top of the stack at IN, when a LOAD_CONST pushed it
 * just before (fused into IN's group, or not), else NULL. */
static PyObject *top_constant(compiler *c, const insn *in)
{
    PyObject *borrowed = borrowed_constant(c, 0);
    if (borrowed != NULL)
        return borrowed;
    int at = (int)(in - c->insns);
    if (c->targeted[at])
        return NULL;
    for (int i = at - 1; i >= 0 && i >= at - 4; i--) { /* (EXTENDED_ARGs first) */
        const insn *push = &c->insns[i];
        if (push->op != 0 && push->next == at)
            return push->op == LOAD_CONST ? PyTuple_GET_ITEM(c->co->co_consts, push->arg) : NULL;
    }
    return NULL;
}

/* A subscript the interpreter specialized for a dict or a class's
 * __getitem__, or whose key is a constant other than an int (d["key"],
 * also where the interpreter has not run): the inline list/tuple path
 * would only fail there, so the site gets the plain code, whose first try
 * is the dict call (emit_slow_path_calls), without a detour through the
 * slow path. */
static bool subscripts_no_sequence(compiler *c, const insn *in)
{
    switch (specialized_op(c, in)) {
    case BINARY_SUBSCR_DICT: case BINARY_SUBSCR_GETITEM: case STORE_SUBSCR_DICT:
        return true;
    }
    PyObject *key = in->op == BINARY_SUBSCR || in->op == STORE_SUBSCR ? top_constant(c, in) : NULL;
    return key != NULL && !PyLong_CheckExact(key);
}

static int emit_consumer(compiler *c, const insn *in, int depth)
{
    x86_asm *a = &c->a;
    bool jump_if;
    if (subscripts_no_sequence(c, in))
        return -1;
    if (in->op == COMPARE_OP && compare_and_branch_shape(c, in, &jump_if))
        return emit_compare_and_branch(c, in, &c->insns[in->next], depth, jump_if);
    if (in->op == CONTAINS_OP && branch_follows(c, in, &jump_if))
        return emit_contains_and_branch(c, in, &c->insns[in->next], depth, jump_if);
    if (in->op == BINARY_OP && binary_op_has_fast_path(c, in) && op_and_store_shape(c, in))
        return emit_op_and_store(c, in, depth);
    fast_emitter fast = fast_emitters[in->op];
    if (fast == emit_pop_jump_on_local && c->borrowed[0].kind != BORROWED_LOCAL)
        return -1; /* (its plain code handles a value on the stack) */
    if (fast == NULL || (in->op == BINARY_OP && !binary_op_has_fast_path(c, in)) ||
        (in->op == UNPACK_SEQUENCE && in->arg > UNPACK_INLINE_MAX))
        return -1;
    x86_label slow = x86_new_label(a), done = x86_new_label(a);
    fast(c, in, depth, slow, done);
    defer_slow_path(c, in, NULL, depth, slow, done);
    x86_bind(a, done);
    return in->next;
}

/* FIRST, one or two LOAD_FAST/LOAD_CONST, and the fast path that consumes
 * what they push, as one group: the fast path reads the locals and
 * constants where they are.  -1 when the instructions after FIRST do not
 * have that shape. */
static int emit_group(compiler *c, const insn *first, int depth)
{
    const insn *in = first;
    int pushes = 0;
    while (is_fusable_push(in) && pushes < 2) {
        if (in->next >= c->ncode || c->targeted[in->next])
            return -1;
        pushes++;
        in = &c->insns[in->next];
    }
    if (pushes == 0 || pushes > borrowable_entries(in))
        return -1;
    const insn *push = first;
    for (int k = pushes - 1; k >= 0; k--, push = &c->insns[push->next])
        c->borrowed[k] = (struct borrowed){push->op == LOAD_FAST ? BORROWED_LOCAL : BORROWED_CONST,
                                           push->arg};
    c->group_first = first;
    c->group_pushes = pushes;
    int next = emit_consumer(c, in, depth + pushes);
    c->borrowed[0] = c->borrowed[1] = (struct borrowed){OWNED, 0};
    c->group_pushes = 0;
    return next;
}

int emit_fast_path(compiler *c, const insn *in, int depth)
{
    if (is_fusable_push(in))
        return emit_group(c, in, depth);
    return emit_consumer(c, in, depth);
}
