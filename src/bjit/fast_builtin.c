/* CALL of len(), isinstance() and list.append inline, as the
 * specializations PRECALL_NO_KW_LEN, PRECALL_NO_KW_ISINSTANCE and
 * PRECALL_NO_KW_LIST_APPEND of Python/ceval.c do.  A site is chosen at
 * compile time by the name its callable was loaded by (LOAD_GLOBAL len,
 * LOAD_METHOD append), and checked at run time against the interpreter's
 * own objects (its callable_cache): a rebound name, or a receiver of
 * another type, falls through to the generic CALL. */
#include "bjit/compiler.h"

#include <stddef.h>

#include <internal/pycore_interp.h> /* callable_cache */

typedef enum { NOT_BUILTIN, CALLS_LEN, CALLS_ISINSTANCE, CALLS_LIST_APPEND } builtin_call;

static bool named(PyObject *names, int index, const char *name)
{
    return PyUnicode_CompareWithASCIIString(PyTuple_GET_ITEM(names, index), name) == 0;
}

/* The instruction that pushed CALL's callable, in straight-line code (the
 * LOAD_METHOD of a [method, self, args] shape, or the latest one that
 * wrote the callable's slot); NULL when unknown. */
static const insn *callable_loader(compiler *c, const insn *call, int depth)
{
    int function_slot = depth - call->arg - 1; /* [NULL, function, args] */
    int method_slot = function_slot - 1;       /* [method, self, args] */
    for (int i = (int)(call - c->insns); i > 0 && !c->targeted[i];) {
        do
            i--;
        while (i > 0 && c->insns[i].op == 0);
        const insn *in = &c->insns[i];
        if (in->op == 0 || c->depth[i] < 0)
            return NULL;
        if ((in->op == LOAD_METHOD && c->depth[i] == method_slot + 1) ||
            c->depth[i] <= function_slot)
            return in;
    }
    return NULL;
}

/* Whether LOADER, CALL's callable_loader, is a LOAD_GLOBAL that pushed the
 * NULL below the callable. */
static bool is_null_pushing_global(compiler *c, const insn *loader, const insn *call, int depth)
{
    return loader != NULL && loader->op == LOAD_GLOBAL && (loader->arg & 1) &&
           c->depth[loader - c->insns] == depth - call->arg - 2;
}

bool pushes_null_callable(compiler *c, const insn *call, int depth)
{
    return is_null_pushing_global(c, callable_loader(c, call, depth), call, depth);
}

/* Which builtin CALL (no keywords) may call, from the instruction that
 * pushed its callable (callable_loader). */
static builtin_call callee(compiler *c, const insn *call, int depth)
{
    int nargs = call->arg;
    const insn *in = callable_loader(c, call, depth);
    if (in != NULL && in->op == LOAD_METHOD)
        return nargs == 1 && named(c->co->co_names, in->arg, "append") ? CALLS_LIST_APPEND
                                                                       : NOT_BUILTIN;
    if (!is_null_pushing_global(c, in, call, depth))
        return NOT_BUILTIN;
    if (nargs == 1 && named(c->co->co_names, in->arg >> 1, "len"))
        return CALLS_LEN;
    if (nargs == 2 && named(c->co->co_names, in->arg >> 1, "isinstance"))
        return CALLS_ISINSTANCE;
    return NOT_BUILTIN;
}

/* Jumps to GENERIC unless the stack entry SLOT is OBJECT. */
static void expect_object(compiler *c, int slot, const void *object, x86_label generic)
{
    emit_load_ptr(c, X86_RAX, object);
    x86_alu_rm(&c->a, X86_CMP, X86_RAX, stack_slot(c, slot));
    x86_jcc(&c->a, X86_NE, generic);
}

/* An error with every entry still on the stack (the unwinder drops them). */
static void raise_keeping_stack(compiler *c, const insn *in, int depth)
{
    set_prev_instr(c, in->at);
    emit_throw(c, depth);
}

/* The result in rax replaces the call's entries: BASE + DROP[k] dropped
 * in that order, the result stored in BASE; then to DONE.  FAILED (unless
 * -1): an error raised with every entry still on the stack. */
static void replace_entries(compiler *c, const insn *in, int depth, int base, const int *drop,
                            int count, x86_label done, x86_label failed)
{
    x86_mov_store(&c->a, SCRATCH(0), X86_RAX);
    for (int k = 0; k < count; k++) {
        x86_mov_load(&c->a, X86_RDI, stack_slot(c, base + drop[k]));
        emit_decref_rdi(c, in->at, false);
    }
    x86_mov_load(&c->a, X86_RAX, SCRATCH(0));
    x86_mov_store(&c->a, stack_slot(c, base), X86_RAX);
    x86_jmp(&c->a, done);
    if (failed >= 0) {
        cold_begin(c);
        x86_bind(&c->a, failed);
        raise_keeping_stack(c, in, depth);
        cold_end(c);
    }
}

/* OUT = the size of the object in OBJ, an exact list, tuple, dict, set,
 * frozenset, str or bytes (list_length, dict_length, set_len,
 * unicode_length, ...); anything else to FAIL.  Clobbers rcx. */
void emit_container_size(compiler *c, x86_reg obj, x86_reg out, x86_label fail)
{
    x86_asm *a = &c->a;
    x86_label at_ob_size = x86_new_label(a), a_set = x86_new_label(a), a_str = x86_new_label(a);
    x86_label have = x86_new_label(a);
    _Static_assert(offsetof(PyDictObject, ma_used) == offsetof(PyVarObject, ob_size),
                   "a dict's size where a list's is");
    _Static_assert(offsetof(PyASCIIObject, length) == offsetof(PyVarObject, ob_size),
                   "a str's length where a list's size is");
    x86_mov_load(a, out, x86_at(obj, offsetof(PyObject, ob_type)));
    emit_jump_if_type(c, out, &PyList_Type, at_ob_size);
    emit_jump_if_type(c, out, &PyTuple_Type, at_ob_size);
    emit_jump_if_type(c, out, &PyDict_Type, at_ob_size);
    emit_jump_if_type(c, out, &PyUnicode_Type, a_str);
    emit_jump_if_type(c, out, &PyBytes_Type, at_ob_size);
    emit_jump_if_type(c, out, &PySet_Type, a_set);
    emit_jump_if_type(c, out, &PyFrozenSet_Type, a_set);
    x86_jmp(a, fail);
    x86_bind(a, a_str); /* a legacy str not made ready yet: unicode_length readies it */
    x86_movzx8(a, out, x86_at(obj, offsetof(PyASCIIObject, state)));
    x86_alu_ri(a, X86_AND, out, 0x80); /* state.ready, its bit-field's last bit */
    x86_jcc(a, X86_E, fail);
    x86_bind(a, at_ob_size);
    x86_mov_load(a, out, x86_at(obj, offsetof(PyVarObject, ob_size)));
    x86_jmp(a, have);
    x86_bind(a, a_set);
    x86_mov_load(a, out, x86_at(obj, offsetof(PySetObject, used)));
    x86_bind(a, have);
}

/* len(x) of an exact list, tuple, dict, set, frozenset, str or bytes:
 * its size field (list_length, dict_length, set_len, unicode_length, ...). */
static void emit_len(compiler *c, const insn *in, int depth, x86_label done, x86_label generic)
{
    x86_asm *a = &c->a;
    int base = depth - 3;
    x86_label no_memory = x86_new_label(a);
    expect_object(c, base + 1, PyInterpreterState_Get()->callable_cache.len, generic);
    x86_mov_load(a, X86_RSI, stack_slot(c, base + 2));
    emit_container_size(c, X86_RSI, X86_RAX, generic);
    emit_box_int(c);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, no_memory);
    static const int drop[] = {1, 2}; /* the function, then the object */
    replace_entries(c, in, depth, base, drop, 2, done, no_memory);
}

/* isinstance(x, cls): True at once for an object of exactly that type,
 * else PyObject_IsInstance without the call's dispatch. */
static void emit_isinstance(compiler *c, const insn *in, int depth, x86_label done,
                            x86_label generic)
{
    x86_asm *a = &c->a;
    int base = depth - 4;
    x86_label decided = x86_new_label(a), failed = x86_new_label(a);
    expect_object(c, base + 1, PyInterpreterState_Get()->callable_cache.isinstance, generic);
    x86_mov_load(a, X86_RDI, stack_slot(c, base + 2));
    x86_mov_load(a, X86_RSI, stack_slot(c, base + 3));
    x86_mov_imm(a, X86_RDX, 1);
    x86_alu_rm(a, X86_CMP, X86_RSI, x86_at(X86_RDI, offsetof(PyObject, ob_type)));
    x86_jcc(a, X86_E, decided);
    set_prev_instr(c, in->at); /* (__instancecheck__ may run Python code) */
    emit_call(c, PyObject_IsInstance);
    x86_test32_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_S, failed);
    x86_mov_rr(a, X86_RDX, X86_RAX);
    x86_bind(a, decided);
    emit_box_bool(c);
    static const int drop[] = {2, 3, 1}; /* the object, the class, the function */
    replace_entries(c, in, depth, base, drop, 3, done, failed);
}

/* list.append(x) on an exact list with room for it (_PyList_AppendTakeRef
 * without the resize): the stack's reference to x goes into the list. */
static void emit_list_append(compiler *c, const insn *in, int depth, x86_label done,
                             x86_label generic)
{
    x86_asm *a = &c->a;
    int base = depth - 3;
    expect_object(c, base, PyInterpreterState_Get()->callable_cache.list_append, generic);
    x86_mov_load(a, X86_RDI, stack_slot(c, base + 1));
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, offsetof(PyObject, ob_type)), &PyList_Type);
    x86_jcc(a, X86_NE, generic);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyVarObject, ob_size)));
    x86_alu_rm(a, X86_CMP, X86_RAX, x86_at(X86_RDI, offsetof(PyListObject, allocated)));
    x86_jcc(a, X86_GE, generic);
    x86_mov_load(a, X86_RCX, x86_at(X86_RDI, offsetof(PyListObject, ob_item)));
    x86_mov_load(a, X86_RDX, stack_slot(c, base + 2));
    x86_mov_store(a, x86_at_index(X86_RCX, X86_RAX, 8, 0), X86_RDX);
    x86_lea(a, X86_RAX, x86_at(X86_RAX, 1));
    x86_mov_store(a, x86_at(X86_RDI, offsetof(PyVarObject, ob_size)), X86_RAX);
    emit_load_ptr(c, X86_RAX, Py_None);
    emit_incref(c, X86_RAX);
    static const int drop[] = {1, 0}; /* the list, then the method */
    replace_entries(c, in, depth, base, drop, 2, done, -1);
}

void emit_builtin_call(compiler *c, const insn *in, int depth, x86_label done)
{
    if (c->kwnames != NULL)
        return;
    builtin_call which = callee(c, in, depth);
    if (which == NOT_BUILTIN)
        return;
    x86_label generic = x86_new_label(&c->a);
    if (which == CALLS_LEN)
        emit_len(c, in, depth, done, generic);
    else if (which == CALLS_ISINSTANCE)
        emit_isinstance(c, in, depth, done, generic);
    else
        emit_list_append(c, in, depth, done, generic);
    x86_bind(&c->a, generic);
}
