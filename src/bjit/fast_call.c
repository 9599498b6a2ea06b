/* CALL of a compiled Python function, inline: the checks of
 * direct_entry() and the frame push of enter_direct() (src/runtime/call.c)
 * as machine code, then a jump into the callee's code.  Only the frame's
 * clear-and-pop stays a C call.  Positional arguments, with defaults for
 * the parameters after them; anything unusual (a bound method object,
 * keywords, code not compiled yet, tracing, a full C stack or data-stack
 * chunk) falls through to the generic CALL. */
#include "bjit/compiler.h"

#include <stddef.h>

#include "hook.h"
#include "runtime/call.h"
#include "stats.h"

#define FRAME_FIELD(name) ((int32_t)offsetof(_PyInterpreterFrame, name))
#define FUNC_FIELD(name) ((int32_t)offsetof(PyFunctionObject, name))
#define CODE_FIELD(name) ((int32_t)offsetof(PyCodeObject, name))
#define JITCODE_FIELD(name) ((int32_t)offsetof(pyston_jitcode, name))
#define TSTATE_FIELD(name) ((int32_t)offsetof(PyThreadState, name))

/* Jumps to GENERIC unless rdi is a Python function whose compiled code
 * binds r9 positional arguments simply and can be entered now; leaves the
 * code object in rsi, the entry in rcx, the frame size (words) in rdx. */
static void check_callee(compiler *c, x86_label generic)
{
    x86_asm *a = &c->a;
    x86_label bound = x86_new_label(a);
    int32_t slot = (int32_t)(offsetof(pyston_code_extra, ce_extras) +
                             sizeof(void *) * (size_t)pyston_extra_index);
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, offsetof(PyObject, ob_type)), &PyFunction_Type);
    x86_jcc(a, X86_NE, generic);
    x86_mov_load(a, X86_RSI, x86_at(X86_RDI, FUNC_FIELD(func_code)));
    /* pyston_peek_jitcode */
    x86_mov_load(a, X86_RAX, x86_at(X86_RSI, CODE_FIELD(co_extra)));
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, generic);
    x86_alu_mi(a, X86_CMP, x86_at(X86_RAX, offsetof(pyston_code_extra, ce_size)),
               (int32_t)pyston_extra_index);
    x86_jcc(a, X86_LE, generic);
    x86_mov_load(a, X86_RAX, x86_at(X86_RAX, slot));
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, generic);
    x86_mov_load(a, X86_RCX, x86_at(X86_RAX, JITCODE_FIELD(compiled.entry)));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_E, generic);
    x86_load32(a, X86_RDX, x86_at(X86_RAX, JITCODE_FIELD(direct_nargs)));
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_S, generic); /* -1: not a simple signature */
    x86_alu_rr(a, X86_CMP, X86_RDX, X86_R9);
    x86_jcc(a, X86_E, bound);
    x86_jcc(a, X86_B, generic); /* too many arguments */
    /* fewer: the last parameters' defaults must make up for them */
    x86_mov_load(a, X86_R11, x86_at(X86_RDI, FUNC_FIELD(func_defaults)));
    x86_test_rr(a, X86_R11, X86_R11);
    x86_jcc(a, X86_E, generic);
    x86_mov_load(a, X86_R11, x86_at(X86_R11, offsetof(PyVarObject, ob_size)));
    x86_alu_rr(a, X86_ADD, X86_R11, X86_R9);
    x86_alu_rr(a, X86_CMP, X86_R11, X86_RDX);
    x86_jcc(a, X86_B, generic);
    x86_bind(a, bound);
    /* as direct_entry: no tracing, the hook still ours, room on the C stack */
    x86_cmp8_mi(a, x86_at(X86_RBX, offsetof(_PyCFrame, use_tracing)), 0);
    x86_jcc(a, X86_NE, generic);
    emit_load_mem(c, X86_RDX, &PyInterpreterState_Get()->eval_frame);
    emit_cmp_ptr(c, X86_RDX, (const void *)pyston_eval_frame);
    x86_jcc(a, X86_NE, generic);
    x86_load_fs(a, X86_RDX, (int32_t)((intptr_t)&pyston_stack_floor -
                                      (intptr_t)__builtin_thread_pointer()));
    x86_alu_rr(a, X86_CMP, X86_RSP, X86_RDX);
    x86_jcc(a, X86_B, generic);
    x86_load32(a, X86_RDX, x86_at(X86_RAX, JITCODE_FIELD(frame_words)));
}

/* Pushes the frame (r10) on the thread's data stack, or jumps to GENERIC
 * when the current chunk has no room (_PyThreadState_HasStackSpace). */
static void push_frame(compiler *c, x86_label generic)
{
    x86_asm *a = &c->a;
    x86_mov_load(a, X86_R10, x86_at(TSTATE, TSTATE_FIELD(datastack_top)));
    x86_test_rr(a, X86_R10, X86_R10);
    x86_jcc(a, X86_E, generic);
    x86_lea(a, X86_R11, x86_at_index(X86_R10, X86_RDX, 8, 0));
    x86_alu_rm(a, X86_CMP, X86_R11, x86_at(TSTATE, TSTATE_FIELD(datastack_limit)));
    x86_jcc(a, X86_AE, generic);
    x86_mov_store(a, x86_at(TSTATE, TSTATE_FIELD(datastack_top)), X86_R11);
}

/* Mirrors _PyFrame_InitializeSpecials and initialize_locals: the frame
 * (r10) takes over the function (rdi) and the r9 arguments at r8, and
 * gets new references to the defaults of the parameters after them. */
static void init_frame(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label copy = x86_new_label(a), fill = x86_new_label(a), filled = x86_new_label(a);
    x86_label copied = x86_new_label(a), defaults = x86_new_label(a);
    x86_mov_store(a, x86_at(X86_R10, FRAME_FIELD(f_func)), X86_RDI);
    emit_incref(c, X86_RSI); /* the code */
    x86_mov_store(a, x86_at(X86_R10, FRAME_FIELD(f_code)), X86_RSI);
    x86_mov_load(a, X86_RDX, x86_at(X86_RDI, FUNC_FIELD(func_builtins)));
    x86_mov_store(a, x86_at(X86_R10, FRAME_FIELD(f_builtins)), X86_RDX);
    x86_mov_load(a, X86_RDX, x86_at(X86_RDI, FUNC_FIELD(func_globals)));
    x86_mov_store(a, x86_at(X86_R10, FRAME_FIELD(f_globals)), X86_RDX);
    x86_mov_store_imm(a, x86_at(X86_R10, FRAME_FIELD(f_locals)), 0);
    x86_mov_store_imm(a, x86_at(X86_R10, FRAME_FIELD(frame_obj)), 0);
    x86_lea(a, X86_RDX, x86_at(X86_RSI, CODE_FIELD(co_code_adaptive) - 2));
    x86_mov_store(a, x86_at(X86_R10, FRAME_FIELD(prev_instr)), X86_RDX);
    /* stacktop = co_nlocalsplus; is_entry = false; owner = FRAME_OWNED_BY_THREAD
     * (0): the zero-extended 64-bit store writes all three */
    x86_load32(a, X86_RDX, x86_at(X86_RSI, CODE_FIELD(co_nlocalsplus)));
    x86_mov_store(a, x86_at(X86_R10, FRAME_FIELD(stacktop)), X86_RDX);
    x86_mov_imm(a, X86_RAX, 0);
    x86_bind(a, copy);
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_R9);
    x86_jcc(a, X86_AE, copied);
    x86_mov_load(a, X86_R11, x86_at_index(X86_R8, X86_RAX, 8, 0));
    x86_mov_store(a, x86_at_index(X86_R10, X86_RAX, 8, FRAME_FIELD(localsplus)), X86_R11);
    x86_lea(a, X86_RAX, x86_at(X86_RAX, 1));
    x86_jmp(a, copy);
    x86_bind(a, copied); /* then defaults, for the parameters left (check_callee) */
    x86_load32(a, X86_R9, x86_at(X86_RSI, CODE_FIELD(co_argcount)));
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_R9);
    x86_jcc(a, X86_AE, fill);
    x86_mov_load(a, X86_R8, x86_at(X86_RDI, FUNC_FIELD(func_defaults)));
    x86_mov_load(a, X86_R11, x86_at(X86_R8, offsetof(PyVarObject, ob_size)));
    x86_alu_rr(a, X86_SUB, X86_R11, X86_R9); /* r8[i] = the default of parameter i */
    x86_lea(a, X86_R8, x86_at_index(X86_R8, X86_R11, 8, offsetof(PyTupleObject, ob_item)));
    x86_bind(a, defaults); /* (not r11: a debug build's incref counts with it) */
    x86_mov_load(a, X86_RSI, x86_at_index(X86_R8, X86_RAX, 8, 0));
    emit_incref(c, X86_RSI);
    x86_mov_store(a, x86_at_index(X86_R10, X86_RAX, 8, FRAME_FIELD(localsplus)), X86_RSI);
    x86_lea(a, X86_RAX, x86_at(X86_RAX, 1));
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_R9);
    x86_jcc(a, X86_B, defaults);
    x86_bind(a, fill); /* the other locals start unbound */
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_RDX);
    x86_jcc(a, X86_AE, filled);
    x86_mov_store_imm(a, x86_at_index(X86_R10, X86_RAX, 8, FRAME_FIELD(localsplus)), 0);
    x86_lea(a, X86_RAX, x86_at(X86_RAX, 1));
    x86_jmp(a, fill);
    x86_bind(a, filled);
}

/* A 32-bit counter of the thread state +1 or -1. */
static void add_remaining(compiler *c, int delta)
{
    x86_alu32_mi(&c->a, X86_ADD, x86_at(TSTATE, TSTATE_FIELD(recursion_remaining)), delta);
}

/* _Py_Dealloc(rdi) while the frame is being cleared: with the recursion
 * count one deeper, as _PyEvalFrameClearAndPop has it around the whole
 * clear.  Only code that a deallocation runs (a __del__, a weakref
 * callback) can see the count, so it moves only around deallocations:
 * two read-modify-writes of the thread state fewer on every call, which
 * chain from one call to the next. */
static void dealloc_while_clearing(compiler *c)
{
    add_remaining(c, -1);
    emit_call(c, _Py_Dealloc);
    add_remaining(c, 1);
}

/* Mirrors _PyEvalFrameClearAndPop and _PyFrame_Clear for the frame in
 * SCRATCH(0), inline when it has no frame object and no locals dict (the
 * usual case); pyston_frame_clear_and_pop otherwise.  The locals are
 * released in order, the loop in registers (rax: the index, rdx: the
 * count); a deallocation, which can clobber them, keeps the index in
 * SCRATCH(1). */
static void clear_and_pop(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label in_c = x86_new_label(a), loop = x86_new_label(a), released = x86_new_label(a);
    x86_label done = x86_new_label(a), reload = x86_new_label(a);
    x86_mov_load(a, X86_R10, SCRATCH(0));
    x86_mov_load(a, X86_RAX, x86_at(X86_R10, FRAME_FIELD(frame_obj)));
    x86_alu_rm(a, X86_OR, X86_RAX, x86_at(X86_R10, FRAME_FIELD(f_locals)));
    x86_jcc(a, X86_NE, in_c);
    x86_mov_imm(a, X86_RAX, 0);
    x86_bind(a, reload);
    x86_load32(a, X86_RDX, x86_at(X86_R10, FRAME_FIELD(stacktop)));
    x86_bind(a, loop); /* Py_XDECREF(localsplus[i]) for i < stacktop */
    x86_alu_rr(a, X86_CMP, X86_RAX, X86_RDX);
    x86_jcc(a, X86_AE, released);
    x86_mov_load(a, X86_RDI, x86_at_index(X86_R10, X86_RAX, 8, FRAME_FIELD(localsplus)));
    x86_lea(a, X86_RAX, x86_at(X86_RAX, 1));
    x86_test_rr(a, X86_RDI, X86_RDI);
    x86_jcc(a, X86_E, loop);
    emit_decref_rdi_alive(c, loop);
    x86_mov_store(a, SCRATCH(1), X86_RAX);
    dealloc_while_clearing(c);
    x86_mov_load(a, X86_R10, SCRATCH(0));
    x86_mov_load(a, X86_RAX, SCRATCH(1));
    x86_jmp(a, reload);
    x86_bind(a, released);
    for (int i = 0; i < 2; i++) { /* f_func, then f_code */
        x86_label alive = x86_new_label(a);
        x86_mov_load(a, X86_R10, SCRATCH(0));
        x86_mov_load(a, X86_RDI, x86_at(X86_R10, i ? FRAME_FIELD(f_code) : FRAME_FIELD(f_func)));
        emit_decref_rdi_alive(c, alive);
        dealloc_while_clearing(c);
        x86_bind(a, alive);
    }
    x86_mov_load(a, X86_R10, SCRATCH(0)); /* _PyThreadState_PopFrame */
    x86_mov_store(a, x86_at(TSTATE, TSTATE_FIELD(datastack_top)), X86_R10);
    x86_jmp(a, done);
    x86_bind(a, in_c);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, X86_R10);
    emit_call(c, pyston_frame_clear_and_pop);
    x86_bind(a, done);
}

/* A test build with planted bugs (tests/reliability/) needs every frame's
 * result to pass through PYSTON_AFTER_FRAME, in C. */
#ifdef PYSTON_PLANT_BUGS
#define INLINE_CALLS false
#else
#define INLINE_CALLS true
#endif

/* The routine's other callees, with rdi, r8, r9 as the call-site routines
 * leave them: a builtin function, a C type's method descriptor or a type with
 * a vectorcall of its own (range, list, str, ...) goes to pyston_call_c,
 * without the generic dispatch of pyston_op_call, whose rax:rdx the
 * routine returns; anything else to DECLINE. */
static void call_c_callee(compiler *c, x86_label decline)
{
    x86_asm *a = &c->a;
    x86_label c_function = x86_new_label(a), a_type = x86_new_label(a);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyObject, ob_type)));
    emit_jump_if_type(c, X86_RAX, &PyCFunction_Type, c_function);
    emit_jump_if_type(c, X86_RAX, &PyMethodDescr_Type, c_function);
    emit_jump_if_type(c, X86_RAX, &PyType_Type, a_type);
    x86_jmp(a, decline);
    x86_bind(a, a_type); /* one with a vectorcall of its own */
    x86_mov_load(a, X86_RCX, x86_at(X86_RDI, offsetof(PyTypeObject, tp_vectorcall)));
    x86_test_rr(a, X86_RCX, X86_RCX);
    x86_jcc(a, X86_E, decline);
    x86_bind(a, c_function);
    /* during a C call the interpreter's prev_instr is the CALL itself,
     * not its last cache entry (where the site set it for a direct call) */
    x86_alu_mi(a, X86_SUB, x86_at(FRAME, OFF_PREV_INSTR),
               (int32_t)(sizeof(_Py_CODEUNIT) * _PyOpcode_Caches[CALL]));
    x86_mov_rr(a, X86_RSI, X86_RDI);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RDX, X86_R8);
    x86_mov_rr(a, X86_RCX, X86_R9);
    emit_call(c, pyston_call_c);
}

/* The call itself, shared by the CALL sites (so that each site is
 * small, and the code of calls stays in the instruction cache): called
 * with rdi, r8, r9 as the call-site routines leave them; returns edx = 0
 * when the callee is neither a compiled function that can be entered
 * directly nor a C callee of a simple form (the generic path reloads the
 * stack), else rax = the result, the callee's frame pushed, run, cleared
 * and popped, or the C function called, and edx = 1; edx = 2 when the
 * checks after a call have something to do (the eval breaker is set, or
 * tracing went on): the site makes them only then; edx = 3 with rax =
 * NULL for an exception.  The flags are those of `cmp rdx, 1`, so that
 * a site needs one jne for all but the common case.  SCRATCH() inside
 * are its own three words. */
void emit_direct_call_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label not_taken = x86_new_label(a), leave = x86_new_label(a), decline = x86_new_label(a);
    x86_label called = x86_new_label(a), checks_due = x86_new_label(a), failed = x86_new_label(a);
    x86_alu_ri(a, X86_SUB, X86_RSP, 8 * SCRATCH_WORDS); /* (realigns rsp too) */
    check_callee(c, not_taken);
    push_frame(c, not_taken);
    /* (rax: the callee's jitcode, from check_callee) */
    x86_inc_m(a, x86_at(X86_RAX, JITCODE_FIELD(direct_calls)));
    init_frame(c);
    x86_mov_store(a, SCRATCH(0), X86_R10); /* the callee's frame */
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, X86_R10);
    x86_call_r(a, X86_RCX);
    x86_mov_store(a, SCRATCH(2), X86_RAX); /* the result, or NULL */
    clear_and_pop(c);
    x86_mov_load(a, X86_RAX, SCRATCH(2));
    x86_jmp(a, called);
    x86_bind(a, not_taken);
    call_c_callee(c, decline);
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, decline); /* (pyston_call_c did not call) */
    x86_bind(a, called);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, failed);
    x86_mov_imm(a, X86_RDX, 1);
    emit_jump_if_call_checks_due(c, checks_due);
    x86_jmp(a, leave);
    x86_bind(a, checks_due);
    x86_mov_imm(a, X86_RDX, 2);
    x86_jmp(a, leave);
    x86_bind(a, failed);
    x86_mov_imm(a, X86_RDX, 3);
    x86_jmp(a, leave);
    x86_bind(a, decline);
    x86_mov_imm(a, X86_RDX, 0);
    x86_bind(a, leave);
    x86_alu_ri(a, X86_ADD, X86_RSP, 8 * SCRATCH_WORDS);
    x86_alu_ri(a, X86_CMP, X86_RDX, 1); /* (the flags for the site's jne) */
    x86_ret(a);
}

/* rdi = a bound method object in the callable's place of the [NULL,
 * callable, args] shape, r8 = &args[0], r9 = their number: taken apart as
 * CALL does (its function and self replace the NULL and the method; one
 * more argument); rdi, r8, r9 for the [function, self, args] shape.  For a
 * routine entered with rsp 8 below a 16-byte boundary. */
static void unpack_method(compiler *c)
{
    x86_asm *a = &c->a;
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyMethodObject, im_self)));
    emit_incref(c, X86_RAX);
    x86_mov_store(a, x86_at(X86_R8, -8), X86_RAX);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyMethodObject, im_func)));
    emit_incref(c, X86_RAX);
    x86_mov_store(a, x86_at(X86_R8, -16), X86_RAX);
    x86_alu_ri(a, X86_SUB, X86_RSP, 8); /* (realigns rsp for the deallocation) */
    x86_push(a, X86_R8);
    x86_push(a, X86_R9);
    emit_decref_rdi(c, -1, false); /* the method object */
    x86_pop(a, X86_R9);
    x86_pop(a, X86_R8);
    x86_alu_ri(a, X86_ADD, X86_RSP, 8);
    x86_mov_load(a, X86_RDI, x86_at(X86_R8, -16));
    x86_alu_ri(a, X86_SUB, X86_R8, 8);
    x86_alu_ri(a, X86_ADD, X86_R9, 1);
}

/* The routines of the CALL sites: r8 = &the call's first stack entry, r9
 * = CALL's argument count, ecx = the code unit for the caller's
 * prev_instr (CALL's last cache entry, where the interpreter leaves it for
 * a call it inlines; the other paths set their own).  They find the
 * callable and the arguments (a bound method object in the callable's
 * place taken apart) and go on into the direct call routine: the sites
 * stay small, and this code in the instruction cache.  This one for either
 * shape of the stack, [method, self, args] or [NULL, callable, args]... */
void emit_stack_call_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label plain = x86_new_label(a);
    x86_mov_load(a, X86_RDI, x86_at(X86_R8, 0));
    x86_test_rr(a, X86_RDI, X86_RDI);
    x86_jcc(a, X86_E, plain);
    set_prev_instr_from_ecx(c);
    x86_alu_ri(a, X86_ADD, X86_R8, 8);
    x86_alu_ri(a, X86_ADD, X86_R9, 1);
    jump_to_routine(c, ROUTINE_DIRECT_CALL);
    x86_bind(a, plain);
    jump_to_routine(c, ROUTINE_PLAIN_CALL);
}

/* ...this one for the latter (a site whose callable a LOAD_GLOBAL pushed
 * with the NULL: pushes_null_callable). */
void emit_plain_call_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label loaded = x86_new_label(a);
    set_prev_instr_from_ecx(c);
    x86_mov_load(a, X86_RDI, x86_at(X86_R8, 8));
    x86_alu_ri(a, X86_ADD, X86_R8, 16);
    emit_cmp_mem_ptr(c, x86_at(X86_RDI, offsetof(PyObject, ob_type)), &PyMethod_Type);
    x86_jcc(a, X86_NE, loaded);
    unpack_method(c);
    x86_bind(a, loaded);
    jump_to_routine(c, ROUTINE_DIRECT_CALL);
}

/* The CALL site of the routine: to SLOW when it declines, to DONE (the
 * checks after a call) when they are due, else past them to CHECKED. */
bool emit_call_inline(compiler *c, const insn *in, int depth, x86_label done, x86_label checked,
                      x86_label slow)
{
    x86_asm *a = &c->a;
    if (c->kwnames != NULL || !INLINE_CALLS)
        return false;
    int nargs = in->arg, base = depth - nargs - 2;
    x86_lea(a, X86_R8, stack_slot(c, base));
    x86_mov_imm(a, X86_R9, nargs);
    x86_mov_imm(a, X86_RCX, in->at + _PyOpcode_Caches[CALL]);
    call_routine(c, pushes_null_callable(c, in, depth) ? ROUTINE_PLAIN_CALL : ROUTINE_STACK_CALL);
    x86_label unusual = x86_new_label(a);
    x86_jcc(a, X86_NE, unusual); /* (the routine compared rdx with 1) */
    x86_mov_store(a, stack_slot(c, base), X86_RAX);
    x86_jmp(a, checked);
    cold_begin(c); /* declined (0), called with the checks due (2), failed (3) */
    x86_bind(a, unusual);
    x86_test32_rr(a, X86_RDX, X86_RDX);
    x86_jcc(a, X86_E, slow);
    x86_mov_store(a, stack_slot(c, base), X86_RAX); /* (NULL: all consumed) */
    x86_test_rr(a, X86_RAX, X86_RAX);
    emit_throw_if(c, X86_E, base);
    x86_jmp(a, done);
    cold_end(c);
    return true;
}

