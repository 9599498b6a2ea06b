/* The baseline compiler: a plain loop over the bytecode, in the style of
 * V8's Sparkplug.  Locals and the value stack stay in the CPython frame,
 * at addresses known at compile time (the stack depth before every
 * instruction is computed first), so any instruction boundary is a valid
 * point to hand the frame to the interpreter.
 *
 * Registers while compiled code runs (all callee-saved):
 *   r12 = the _PyInterpreterFrame      r13 = the PyThreadState
 *   r14 = &frame->localsplus[0]        r15 = the first code unit
 *   rbx = ts->cframe (use_tracing, current_frame)
 * SCRATCH(0..2), on the machine stack, survive calls.
 * Helpers are called with (tstate, frame, stack pointer, oparg, cache).
 *
 * An instruction this compiler does not know hands the frame to the
 * interpreter there (a bailout); so does every exception, which the
 * interpreter then unwinds through the exception table exactly as it
 * would have. */
#include "bjit/compile.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bjit/compiler.h"
#include "bjit/dump.h"
#include "codemem.h"
#include "lowmem.h"
#include "options.h"
#include "runtime/exctable.h"
#include "runtime/frame.h"
#include "runtime/ops.h"
#include "stats.h"
#include "x86/asm.h"

#include <internal/pycore_ceval.h> /* _Py_CheckRecursiveCall */

/* --- reading the bytecode -------------------------------------------------- */

static bool is_terminal(int op)
{
    return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE;
}

static bool is_unconditional_jump(int op)
{
    return op == JUMP_FORWARD || op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT;
}

static bool is_backward_jump(int op)
{
    return op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT ||
           op == POP_JUMP_BACKWARD_IF_FALSE || op == POP_JUMP_BACKWARD_IF_TRUE ||
           op == POP_JUMP_BACKWARD_IF_NONE || op == POP_JUMP_BACKWARD_IF_NOT_NONE;
}

static bool has_jump(int op)
{
    switch (op) {
    case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
    case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_FALSE:
    case POP_JUMP_FORWARD_IF_TRUE: case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
    case FOR_ITER: case SEND:
        return true;
    }
    return false;
}

/* The stack effect as it happens at run time.  The compiler's table
 * (PyCompile_OpcodeStackEffectWithJump) books the arguments of a call as
 * popped by PRECALL, but they stay on the stack until CALL. */
int stack_effect(const insn *in, int jump)
{
    if (in->op == PRECALL)
        return 0;
    if (in->op == CALL)
        return -in->arg - 1;
    if (in->op == RETURN_GENERATOR) /* the first send() pushes its value */
        return 1;
    return PyCompile_OpcodeStackEffectWithJump(in->op, in->arg, jump);
}

/* 3.11 jumps are relative to the next instruction (dis._get_jump_target). */
int jump_target(const insn *in)
{
    return is_backward_jump(in->op) ? in->next - in->arg : in->next + in->arg;
}

static int decode(compiler *c)
{
    int start = 0, ext = 0;
    for (int i = 0; i < c->ncode; i++) {
        int op = _PyOpcode_Deopt[_Py_OPCODE(c->code[i])];
        int arg = _Py_OPARG(c->code[i]) | ext;
        if (op == EXTENDED_ARG) {
            ext = arg << 8;
            continue;
        }
        if (op == 0) /* a CACHE entry outside any instruction */
            return -1;
        c->insns[start] = (insn){(uint8_t)op, arg, i, i + 1 + _PyOpcode_Caches[op], -1};
        i += _PyOpcode_Caches[op];
        start = i + 1;
        ext = 0;
    }
    return 0;
}

static int propagate(compiler *c, int *work, int *nwork, int to, int depth)
{
    if (to < 0 || to >= c->ncode || c->insns[to].op == 0 || depth < 0 ||
        depth > c->co->co_stacksize)
        return -1;
    if (c->depth[to] == -1) {
        c->depth[to] = depth;
        work[(*nwork)++] = to;
        return 0;
    }
    return c->depth[to] == depth ? 0 : -1;
}

/* Calls FN for each entry of the exception table, with the handler's code
 * unit and the stack depth it starts with (the entry's level, the lasti if
 * asked for, and the exception). */
static int each_handler(compiler *c, int (*fn)(compiler *, int target, int depth, void *), void *arg)
{
    pyston_exc_table table = pyston_exc_table_of(c->co);
    pyston_exc_entry e;
    while (pyston_exc_next(&table, &e)) {
        if (fn(c, e.target, e.depth + e.lasti + 1, arg) < 0)
            return -1;
    }
    return 0;
}

typedef struct {
    int *work, *nwork;
} worklist;

static int seed_handler(compiler *c, int target, int depth, void *arg)
{
    worklist *w = arg;
    return propagate(c, w->work, w->nwork, target, depth);
}

/* The stack depth before every instruction reachable from the entry or
 * from an exception handler. */
static int compute_depths(compiler *c)
{
    int *work = malloc(sizeof(int) * (size_t)c->ncode);
    int nwork = 0, rc = 0;
    if (work == NULL)
        return -1;
    for (int i = 0; i < c->ncode; i++)
        c->depth[i] = -1;
    rc = propagate(c, work, &nwork, 0, 0);
    worklist w = {work, &nwork};
    if (rc == 0)
        rc = each_handler(c, seed_handler, &w);
    while (rc == 0 && nwork > 0) {
        const insn *in = &c->insns[work[--nwork]];
        int d = c->depth[work[nwork]];
        if (is_terminal(in->op))
            continue;
        if (has_jump(in->op)) {
            int effect = stack_effect(in, 1);
            rc |= propagate(c, work, &nwork, jump_target(in), d + effect);
        }
        if (!is_unconditional_jump(in->op) && rc == 0) {
            int effect = stack_effect(in, 0);
            rc |= propagate(c, work, &nwork, in->next, d + effect);
        }
    }
    free(work);
    return rc;
}

static int mark_handler(compiler *c, int target, int depth, void *unused)
{
    (void)depth, (void)unused;
    c->targeted[target] = true;
    return 0;
}

/* The instructions that jumps, exception handlers and generator
 * resumptions go to: fast paths that fuse two instructions must not
 * swallow one of them. */
static void mark_targets(compiler *c)
{
    for (int i = 0; i < c->ncode; i++) {
        const insn *in = &c->insns[i];
        if (in->op == 0 || c->depth[i] < 0)
            continue;
        if (has_jump(in->op))
            c->targeted[jump_target(in)] = true;
        if (in->op == YIELD_VALUE || in->op == RETURN_GENERATOR)
            c->targeted[in->next] = true;
    }
    each_handler(c, mark_handler, NULL);
}

/* The locals a LOAD_FAST may find unbound: arguments are bound by the
 * call, and only DELETE_FAST unbinds a fast local (a trace function's
 * f_locals writes come back only while the frame is traced, in the
 * interpreter). */
static int find_maybe_unbound(compiler *c)
{
    PyCodeObject *co = c->co;
    int nargs = co->co_argcount + co->co_kwonlyargcount + !!(co->co_flags & CO_VARARGS) +
                !!(co->co_flags & CO_VARKEYWORDS);
    c->maybe_unbound = malloc((size_t)c->nlocalsplus + 1);
    if (c->maybe_unbound == NULL)
        return -1;
    for (int i = 0; i < c->nlocalsplus; i++)
        c->maybe_unbound[i] = i >= nargs;
    for (int i = 0; i < c->ncode; i++) {
        if (c->insns[i].op == DELETE_FAST && c->insns[i].arg < c->nlocalsplus)
            c->maybe_unbound[c->insns[i].arg] = true;
    }
    return 0;
}

#define TRACKED_LOCALS 64 /* find_bound_locals' bits */

/* The bits of the locals that maybe_unbound says are always bound. */
static uint64_t always_bound(compiler *c)
{
    uint64_t mask = 0;
    for (int i = 0; i < c->nlocalsplus && i < TRACKED_LOCALS; i++)
        if (!c->maybe_unbound[i])
            mask |= (uint64_t)1 << i;
    return mask;
}

/* BOUND[TO] narrowed to MASK; whether that changed it. */
static bool narrow(uint64_t *bound, int to, uint64_t mask)
{
    uint64_t was = bound[to];
    bound[to] &= mask;
    return bound[to] != was;
}

/* c->bound: the locals that every path to an instruction has bound (the
 * definite assignment that CPython 3.12 computes to drop LOAD_FAST's
 * check): arguments at the entry; STORE_FAST binds, DELETE_FAST unbinds;
 * an exception handler starts with what is bound before every instruction
 * it covers.  Iterated to a fixpoint from "all bound".  None for a
 * generator, which keeps maybe_unbound's answer: it may have been
 * suspended in the interpreter, where a trace function's f_locals writes
 * can unbind any local; a function's frame never comes back to compiled
 * code from there. */
static int find_bound_locals(compiler *c)
{
    if (c->generator)
        return 0;
    c->bound = malloc(sizeof(uint64_t) * ((size_t)c->ncode + 1));
    if (c->bound == NULL)
        return -1;
    for (int i = 0; i <= c->ncode; i++)
        c->bound[i] = ~(uint64_t)0;
    c->bound[0] = always_bound(c);
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < c->ncode; i++) {
            const insn *in = &c->insns[i];
            if (in->op == 0 || c->depth[i] < 0)
                continue;
            uint64_t out = c->bound[i];
            if ((in->op == STORE_FAST || in->op == DELETE_FAST) && in->arg < TRACKED_LOCALS) {
                uint64_t bit = (uint64_t)1 << in->arg;
                out = in->op == STORE_FAST ? out | bit : out & ~bit;
            }
            if (has_jump(in->op))
                changed |= narrow(c->bound, jump_target(in), out);
            if (!is_terminal(in->op) && !is_unconditional_jump(in->op) && in->next < c->ncode)
                changed |= narrow(c->bound, in->next, out);
        }
        pyston_exc_table table = pyston_exc_table_of(c->co);
        pyston_exc_entry e;
        while (pyston_exc_next(&table, &e)) {
            uint64_t covered = ~(uint64_t)0;
            for (int i = e.start; i < e.start + e.size && i < c->ncode; i++)
                if (c->insns[i].op != 0 && c->depth[i] >= 0)
                    covered &= c->bound[i];
            if (e.target < c->ncode)
                changed |= narrow(c->bound, e.target, covered);
        }
    }
    return 0;
}

bool local_maybe_unbound(compiler *c, const insn *in, int index)
{
    if (c->bound == NULL || index >= TRACKED_LOCALS)
        return c->maybe_unbound[index];
    return !(c->bound[in - c->insns] >> index & 1);
}

/* --- emitting ---------------------------------------------------------------- */

x86_mem stack_slot(compiler *c, int depth) /* the value-stack entry DEPTH */
{
    return x86_at(LOCALS, 8 * (c->nlocalsplus + depth));
}

static x86_mem local_slot(int index) { return x86_at(LOCALS, 8 * index); }

x86_label add_stub(compiler *c, stub_kind kind, int at, int depth, int arg,
                          x86_label resume)
{
    if (c->nstubs == c->stub_capacity) {
        int cap = c->stub_capacity ? 2 * c->stub_capacity : 16;
        stub *p = realloc(c->stubs, sizeof(stub) * (size_t)cap);
        if (p == NULL) {
            c->a.failed = true;
            return 0;
        }
        c->stubs = p;
        c->stub_capacity = cap;
    }
    x86_label entry = x86_new_label(&c->a);
    c->stubs[c->nstubs++] = (stub){kind, entry, resume, at, depth, arg, NULL};
    return entry;
}

x86_label add_call_stub(compiler *c, const void *fn, x86_label resume)
{
    x86_label entry = add_stub(c, STUB_CALL, -1, 0, 0, resume);
    if (!c->a.failed)
        c->stubs[c->nstubs - 1].fn = fn;
    return entry;
}

/* Pointers into the interpreter's binary (static types, None, its
 * functions) and the low heap fit 32 bits: a 5-byte mov instead of a
 * 10-byte movabs. */
void emit_load_ptr(compiler *c, x86_reg reg, const void *p)
{
    x86_mov_imm(&c->a, reg, (int64_t)(uintptr_t)p);
}

/* [P]: an absolute [disp32] operand when P is in the low 2 GiB, else
 * through SCRATCH, which it loads with P. */
static x86_mem address_of(compiler *c, const void *p, x86_reg scratch)
{
    if ((uintptr_t)p <= (uintptr_t)INT32_MAX)
        return x86_abs((int32_t)(uintptr_t)p);
    emit_load_ptr(c, scratch, p);
    return x86_at(scratch, 0);
}

void emit_load_mem(compiler *c, x86_reg reg, const void *p)
{
    x86_mov_load(&c->a, reg, address_of(c, p, reg));
}

void emit_count(compiler *c, uint64_t *counter)
{
    x86_inc_m(&c->a, address_of(c, counter, X86_R11));
}

/* A function in the low 2 GiB (the interpreter's): mov eax, imm32; call
 * rax.  Else through its far-call slot, or movabs when there is none. */
void emit_call(compiler *c, const void *fn)
{
    void *const *slot = (uintptr_t)fn > (uintptr_t)INT32_MAX ? pyston_far_slot(fn) : NULL;
    if (slot != NULL) {
        x86_call_m(&c->a, x86_abs((int32_t)(uintptr_t)slot));
        return;
    }
    emit_load_ptr(c, X86_RAX, fn);
    x86_call_r(&c->a, X86_RAX);
}

/* frame->prev_instr = &code[UNIT]: where tracebacks and f_lineno look. */
void set_prev_instr(compiler *c, int unit)
{
    x86_lea(&c->a, X86_RAX, x86_at(FIRST_INSTR, 2 * unit));
    x86_mov_store(&c->a, x86_at(FRAME, OFF_PREV_INSTR), X86_RAX);
}

/* The same for the code unit in ecx, in a shared routine.  Clobbers rcx. */
void set_prev_instr_from_ecx(compiler *c)
{
    x86_lea(&c->a, X86_RCX, x86_at_index(FIRST_INSTR, X86_RCX, 2, 0));
    x86_mov_store(&c->a, x86_at(FRAME, OFF_PREV_INSTR), X86_RCX);
}

static void set_stacktop(compiler *c, int depth)
{
    x86_mov_imm(&c->a, X86_RAX, c->nlocalsplus + depth);
    x86_store32(&c->a, x86_at(FRAME, OFF_STACKTOP), X86_RAX);
}

void emit_throw(compiler *c, int depth)
{
    set_stacktop(c, depth);
    x86_jmp(&c->a, c->throw_exit);
}

void emit_throw_if(compiler *c, x86_cond cond, int depth)
{
    x86_label error = x86_new_label(&c->a);
    x86_jcc(&c->a, cond, error);
    x86_label around = out_of_line_begin(c);
    x86_bind(&c->a, error);
    emit_throw(c, depth);
    out_of_line_end(c, around);
}

void emit_jump_if_heap_type(compiler *c, x86_reg type, x86_label target)
{
    _Static_assert(Py_TPFLAGS_HEAPTYPE == 1 << 9, "the flag is bit 1 of tp_flags' second byte");
    x86_test8_mi(&c->a, x86_at(type, offsetof(PyTypeObject, tp_flags) + 1), 2);
    x86_jcc(&c->a, X86_NE, target);
}

/* Hands the frame to the interpreter, to resume at instruction START
 * (the first unit of the instruction, prefixes included). */
static void emit_resume_in_interpreter(compiler *c, int start, int depth,
                                       const void *bailout, int arg)
{
    set_prev_instr(c, start - 1);
    set_stacktop(c, depth);
    x86_mov_rr(&c->a, X86_RDI, TSTATE);
    x86_mov_rr(&c->a, X86_RSI, FRAME);
    x86_mov_imm(&c->a, X86_RDX, arg);
    emit_call(c, bailout);
    x86_jmp(&c->a, c->epilogue);
}

/* A debug interpreter (Py_REF_DEBUG) also counts every reference change in
 * _Py_RefTotal, which sys.gettotalrefcount() and `regrtest -R` read. */
static void count_ref_change(compiler *c, void (*op)(x86_asm *, x86_mem))
{
#ifdef Py_REF_DEBUG
    emit_load_ptr(c, X86_R11, &_Py_RefTotal);
    op(&c->a, x86_at(X86_R11, 0));
#else
    (void)c, (void)op;
#endif
}

/* Py_INCREF of the object in REG. */
void emit_incref(compiler *c, x86_reg reg)
{
    x86_inc_m(&c->a, x86_at(reg, 0));
    count_ref_change(c, x86_inc_m);
}

/* _Py_DECREF_NO_DEALLOC of the object in REG: True, False, None. */
void emit_decref_no_dealloc(compiler *c, x86_reg reg)
{
    x86_dec_m(&c->a, x86_at(reg, 0));
    count_ref_change(c, x86_dec_m);
}

/* Py_DECREF of the object in RDI; the deallocation runs out of line. */
void emit_decref_rdi(compiler *c, int at, bool nullable)
{
    x86_label done = x86_new_label(&c->a);
    if (nullable) {
        x86_test_rr(&c->a, X86_RDI, X86_RDI);
        x86_jcc(&c->a, X86_E, done);
    }
    count_ref_change(c, x86_dec_m); /* (flags: set by the dec below) */
    x86_dec_m(&c->a, x86_at(X86_RDI, 0));
    x86_jcc(&c->a, X86_E, add_stub(c, STUB_DEALLOC, at, 0, 0, done));
    x86_bind(&c->a, done);
}

void emit_decref_rdi_alive(compiler *c, x86_label alive)
{
    count_ref_change(c, x86_dec_m); /* (flags: set by the dec below) */
    x86_dec_m(&c->a, x86_at(X86_RDI, 0));
    x86_jcc(&c->a, X86_NE, alive);
}

void emit_decref_float_rdi(compiler *c, int at)
{
    x86_label done = x86_new_label(&c->a);
    count_ref_change(c, x86_dec_m); /* (flags: set by the dec below) */
    x86_dec_m(&c->a, x86_at(X86_RDI, 0));
    x86_jcc(&c->a, X86_E, add_stub(c, STUB_FLOAT_DEALLOC, at, 0, 0, done));
    x86_bind(&c->a, done);
}

/* Mirrors float_dealloc (Objects/floatobject.c) for the exact float in
 * rdi: onto the interpreter's free list unless it is full. */
static void emit_float_free(compiler *c, const stub *s)
{
    x86_asm *a = &c->a;
    struct _Py_float_state *state = &PyInterpreterState_Get()->float_state;
    x86_label full = x86_new_label(a);
    emit_load_ptr(c, X86_RCX, state);
    x86_load32(a, X86_RDX, x86_at(X86_RCX, offsetof(struct _Py_float_state, numfree)));
    x86_alu_ri(a, X86_CMP, X86_RDX, PyFloat_MAXFREELIST);
    x86_jcc(a, X86_GE, full);
    x86_lea(a, X86_RDX, x86_at(X86_RDX, 1));
    x86_store32(a, x86_at(X86_RCX, offsetof(struct _Py_float_state, numfree)), X86_RDX);
    x86_mov_load(a, X86_RDX, x86_at(X86_RCX, offsetof(struct _Py_float_state, free_list)));
    x86_mov_store(a, x86_at(X86_RDI, offsetof(PyObject, ob_type)), X86_RDX);
    x86_mov_store(a, x86_at(X86_RCX, offsetof(struct _Py_float_state, free_list)), X86_RDI);
    x86_jmp(a, s->resume);
    x86_bind(a, full); /* float_dealloc frees it */
    emit_call(c, _Py_Dealloc);
    x86_jmp(a, s->resume);
}

void emit_cmp_ptr(compiler *c, x86_reg reg, const void *p)
{
    int64_t value = (int64_t)(uintptr_t)p;
    if (value <= INT32_MAX) { /* cmp r64, imm32 sign-extends */
        x86_alu_ri(&c->a, X86_CMP, reg, (int32_t)value);
    } else {
        emit_load_ptr(c, X86_R11, p);
        x86_alu_rr(&c->a, X86_CMP, reg, X86_R11);
    }
}

void emit_cmp_mem_ptr(compiler *c, x86_mem m, const void *p)
{
    int64_t value = (int64_t)(uintptr_t)p;
    if (value <= INT32_MAX) {
        x86_alu_mi(&c->a, X86_CMP, m, (int32_t)value);
    } else {
        emit_load_ptr(c, X86_R11, p);
        x86_alu_rm(&c->a, X86_CMP, X86_R11, m);
    }
}

void emit_jump_if_type(compiler *c, x86_reg type_reg, const PyTypeObject *tp, x86_label target)
{
    emit_cmp_ptr(c, type_reg, tp);
    x86_jcc(&c->a, X86_E, target);
}

/* CHECK_EVAL_BREAKER: signals, pending calls, GIL hand-off, async exceptions. */
/* Sets the flags to test this interpreter's eval breaker (ZF clear: set). */
static void cmp_eval_breaker(compiler *c, x86_reg scratch)
{
    _Py_atomic_int *breaker = &PyInterpreterState_Get()->ceval.eval_breaker;
    x86_alu32_mi(&c->a, X86_CMP, address_of(c, breaker, scratch), 0);
}

/* Sets the flags to test whether tracing is on (ZF clear: on). */
static void cmp_use_tracing(compiler *c)
{
    x86_cmp8_mi(&c->a, x86_at(X86_RBX, offsetof(_PyCFrame, use_tracing)), 0);
}

static void emit_eval_breaker_check(compiler *c, int at, int depth)
{
    x86_label done = x86_new_label(&c->a);
    cmp_eval_breaker(c, X86_RAX);
    x86_jcc(&c->a, X86_NE, add_stub(c, STUB_BREAKER, at, depth, 0, done));
    x86_bind(&c->a, done);
}

/* Jumps to PENDING when the eval breaker is set or tracing is on: what
 * the checks after a call look at (emit_eval_breaker_check,
 * emit_tracing_check), for the direct-call routine, which tells its sites
 * whether they need them.  Clobbers rcx. */
void emit_jump_if_call_checks_due(compiler *c, x86_label pending)
{
    cmp_eval_breaker(c, X86_RCX);
    x86_jcc(&c->a, X86_NE, pending);
    cmp_use_tracing(c);
    x86_jcc(&c->a, X86_NE, pending);
}

/* After code that may have run sys.settrace()/sys.setprofile(): the rest
 * of the frame then runs in the interpreter. */
void emit_tracing_check_at(compiler *c, int resume, int depth)
{
    cmp_use_tracing(c);
    x86_label cont = x86_new_label(&c->a);
    x86_jcc(&c->a, X86_NE, add_stub(c, STUB_TRACING, resume, depth, 0, cont));
    x86_bind(&c->a, cont);
}

void emit_tracing_check(compiler *c, const insn *in, int depth_after)
{
    emit_tracing_check_at(c, in->next, depth_after);
}

/* Where a conditional jump goes when its condition is TAKEN or not. */
int branch_destination(const insn *in, bool taken)
{
    return taken ? jump_target(in) : in->next;
}

/* rdi, rsi, rdx, ecx = tstate, frame, stack pointer, oparg. */
static void emit_helper_args(compiler *c, const insn *in, int depth)
{
    set_prev_instr(c, in->at);
    x86_mov_rr(&c->a, X86_RDI, TSTATE);
    x86_mov_rr(&c->a, X86_RSI, FRAME);
    x86_lea(&c->a, X86_RDX, stack_slot(c, depth));
    x86_mov_imm(&c->a, X86_RCX, in->arg);
}

/* The bytes of inline cache an instruction gets, rounded for alignment. */
static size_t cache_bytes(const insn *in)
{
    return (pyston_op_helpers[in->op].cache_size + 7u) & ~(size_t)7;
}

/* r8 = the instruction's own inline cache. */
static void emit_cache_arg(compiler *c, const insn *in)
{
    if (in->cache >= 0)
        emit_load_ptr(c, X86_R8, cache_of(c, in));
}

void defer_slow_path(compiler *c, const insn *in, const insn *then, int depth, x86_label slow,
                     x86_label done)
{
    if (c->ndeferred == c->deferred_capacity) {
        int cap = c->deferred_capacity ? 2 * c->deferred_capacity : 16;
        struct deferred *p = realloc(c->deferred, sizeof *p * (size_t)cap);
        if (p == NULL) {
            c->a.failed = true;
            return;
        }
        c->deferred = p;
        c->deferred_capacity = cap;
    }
    int pushes = c->group_pushes;
    c->deferred[c->ndeferred++] = (struct deferred){
        pushes ? c->group_first : in, pushes + 1 + (then != NULL), depth - pushes, slow, done};
}

static void emit_deferred(compiler *c)
{
    for (int i = 0; i < c->ndeferred; i++) { /* (emit_insn may add stubs, not these) */
        struct deferred d = c->deferred[i];
        x86_bind(&c->a, d.slow);
        const insn *in = d.first;
        c->replaying = true;
        for (int k = 0, depth = d.depth; k < d.count; k++) {
            emit_insn(c, in, depth);
            depth += stack_effect(in, 0);
            in = &c->insns[in->next];
        }
        c->replaying = false;
        x86_jmp(&c->a, d.done);
    }
}

/* The routines all functions share: compiled once, into code of their
 * own, for one interpreter (their code holds its address); each called
 * through its far-call slot.  Where they are missing (no low memory, a
 * subinterpreter) a function gets copies of its own. */
static struct {
    bool tried;
    PyInterpreterState *interp;
    void *const *slot[NROUTINES];
} shared;

static bool routine_is_shared(compiler *c, routine r)
{
    return !c->building_routines && shared.slot[r] != NULL &&
           shared.interp == PyInterpreterState_Get();
}

void call_routine(compiler *c, routine r)
{
    if (routine_is_shared(c, r)) {
        x86_call_m(&c->a, x86_abs((int32_t)(uintptr_t)shared.slot[r]));
        return;
    }
    c->routine_used[r] = true;
    x86_call_label(&c->a, c->routine[r]);
}

/* A jump to routine R, which leaves the function (it does not come back). */
void jump_to_routine(compiler *c, routine r)
{
    if (routine_is_shared(c, r)) {
        x86_jmp_m(&c->a, x86_abs((int32_t)(uintptr_t)shared.slot[r]));
        return;
    }
    c->routine_used[r] = true;
    x86_jmp(&c->a, c->routine[r]);
}

void emit_helper_call(compiler *c, const insn *in, int depth, const void *fn)
{
    emit_helper_args(c, in, depth);
    emit_cache_arg(c, in);
    emit_call(c, fn);
}

/* Whether taking jump IN checks the eval breaker on the way: backward
 * jumps do, except the one that closes a `yield from`/`await` loop. */
static bool checks_eval_breaker(const insn *in)
{
    return is_backward_jump(in->op) && in->op != JUMP_BACKWARD_NO_INTERRUPT;
}

/* The taken side of a jump. */
void emit_jump_taken(compiler *c, const insn *in, int depth_after)
{
    if (checks_eval_breaker(in))
        emit_eval_breaker_check(c, in->at, depth_after);
    x86_jmp(&c->a, c->label[jump_target(in)]);
}

/* Where conditional jump IN goes when it is taken: its target, or for a
 * jump that checks the eval breaker first, a label that emit_branch_check
 * binds to the check. */
x86_label branch_taken_label(compiler *c, const insn *in, x86_label *check)
{
    *check = x86_new_label(&c->a);
    return checks_eval_breaker(in) ? *check : c->label[jump_target(in)];
}

/* The eval breaker check of a backward conditional jump, at CHECK (from
 * branch_taken_label); the code before it goes on at FALL, where the
 * caller binds the code for the jump not taken. */
void emit_branch_check(compiler *c, const insn *in, int depth_after, x86_label check,
                       x86_label fall)
{
    if (checks_eval_breaker(in)) {
        x86_jmp(&c->a, fall);
        x86_bind(&c->a, check);
        emit_jump_taken(c, in, depth_after);
    }
}

/* The routine: rdi = an object that is not True, False or None; returns
 * eax = its truth, 0 or 1, for an exact int (long_bool) or a builtin
 * container (not empty), else -1: PyObject_IsTrue decides.  rdi kept;
 * clobbers rcx. */
void emit_truth_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label an_int = x86_new_label(a), sized = x86_new_label(a), undecided = x86_new_label(a);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyObject, ob_type)));
    emit_jump_if_heap_type(c, X86_RAX, undecided); /* none of the exact types below */
    emit_jump_if_type(c, X86_RAX, &PyLong_Type, an_int);
    emit_container_size(c, X86_RDI, X86_RAX, undecided);
    x86_jmp(a, sized);
    x86_bind(a, an_int);
    x86_mov_load(a, X86_RAX, x86_at(X86_RDI, offsetof(PyVarObject, ob_size)));
    x86_bind(a, sized);
    x86_test_rr(a, X86_RAX, X86_RAX);
    x86_setcc(a, X86_NE, X86_RAX);
    x86_ret(a);
    x86_bind(a, undecided);
    x86_mov_imm(a, X86_RAX, -1);
    x86_ret(a);
}

bool is_pop_jump_if_bool(int op, bool *jump_if)
{
    switch (op) {
    case POP_JUMP_FORWARD_IF_TRUE: case POP_JUMP_BACKWARD_IF_TRUE:
        *jump_if = true;
        return true;
    case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_FALSE:
        *jump_if = false;
        return true;
    }
    return false;
}

bool is_pop_jump_if_none(int op, bool *jump_if_none)
{
    switch (op) {
    case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NONE:
        *jump_if_none = true;
        return true;
    case POP_JUMP_FORWARD_IF_NOT_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE:
        *jump_if_none = false;
        return true;
    }
    return false;
}

/* The truth of the object in rdi, as POP_JUMP_*_IF_TRUE/FALSE test it:
 * True, False and None by identity (to IS_TRUE, IS_FALSE), ints and
 * containers by the shared routine (falls through with eax = 0 or 1 and
 * the flags of `test eax, eax`), anything else to UNDECIDED (a __bool__
 * or __len__ of its own: PyObject_IsTrue decides).  rdi kept. */
void emit_truth_test(compiler *c, x86_label is_true, x86_label is_false, x86_label undecided)
{
    x86_asm *a = &c->a;
    emit_cmp_ptr(c, X86_RDI, Py_True);
    x86_jcc(a, X86_E, is_true);
    emit_cmp_ptr(c, X86_RDI, Py_False);
    x86_jcc(a, X86_E, is_false);
    emit_cmp_ptr(c, X86_RDI, Py_None);
    x86_jcc(a, X86_E, is_false);
    call_routine(c, ROUTINE_TRUTH);
    x86_test32_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_S, undecided);
}

/* POP_JUMP_*_IF_TRUE/FALSE's helper (PyObject_IsTrue) on the value on top
 * of the stack, which it consumes; then to IS_TRUE or IS_FALSE. */
void emit_truth_by_helper(compiler *c, const insn *in, int depth, bool jump_if,
                          x86_label is_true, x86_label is_false)
{
    x86_asm *a = &c->a;
    x86_label slow_true = x86_new_label(a);
    emit_helper_call(c, in, depth, pyston_op_helpers[in->op].fn);
    x86_test32_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_S, c->throw_exit);
    x86_jcc(a, X86_NE, slow_true);
    /* __bool__ may have switched tracing on */
    emit_tracing_check_at(c, branch_destination(in, !jump_if), depth - 1);
    x86_jmp(a, is_false);
    x86_bind(a, slow_true);
    emit_tracing_check_at(c, branch_destination(in, jump_if), depth - 1);
    x86_jmp(a, is_true);
}

/* POP_JUMP_*_IF_TRUE/FALSE on the value on top of the stack: the truth
 * test, the value dropped; PyObject_IsTrue's helper from the cold section. */
void emit_pop_jump_if_bool(compiler *c, const insn *in, int depth, bool jump_if)
{
    x86_asm *a = &c->a;
    x86_label true_dec = x86_new_label(a), false_dec = x86_new_label(a);
    x86_label fall = x86_new_label(a), slow = x86_new_label(a), check;
    x86_label taken = branch_taken_label(c, in, &check);
    x86_label is_true = jump_if ? taken : fall, is_false = jump_if ? fall : taken;
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
    emit_truth_test(c, true_dec, false_dec, slow);
    x86_store32(a, SCRATCH(0), X86_RAX);
    emit_decref_rdi(c, in->at, false);
    x86_alu32_mi(a, X86_CMP, SCRATCH(0), 0);
    x86_jcc(a, jump_if ? X86_NE : X86_E, taken);
    x86_jmp(a, fall);
    cold_begin(c); /* anything with a __bool__ or __len__ of its own */
    x86_bind(a, slow);
    emit_truth_by_helper(c, in, depth, jump_if, is_true, is_false);
    cold_end(c);
    x86_bind(a, true_dec);
    emit_decref_no_dealloc(c, X86_RDI);
    x86_jmp(a, is_true);
    x86_bind(a, false_dec);
    emit_decref_no_dealloc(c, X86_RDI);
    x86_jmp(a, is_false);
    emit_branch_check(c, in, depth - 1, check, fall);
    x86_bind(a, fall);
}

static void emit_pop_jump_if_none(compiler *c, const insn *in, int depth, bool jump_if_none)
{
    x86_asm *a = &c->a;
    x86_label not_none = x86_new_label(a), fall = x86_new_label(a), check;
    x86_label taken = branch_taken_label(c, in, &check);
    x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
    emit_cmp_ptr(c, X86_RDI, Py_None);
    x86_jcc(a, X86_NE, not_none);
    emit_decref_no_dealloc(c, X86_RDI);
    x86_jmp(a, jump_if_none ? taken : fall);
    x86_bind(a, not_none);
    emit_decref_rdi(c, in->at, false);
    x86_jmp(a, jump_if_none ? fall : taken);
    emit_branch_check(c, in, depth - 1, check, fall);
    x86_bind(a, fall);
}

/* --- instructions ------------------------------------------------------------ */

/* Emits instruction IN, at stack depth DEPTH.  Returns false for an
 * instruction that the compiler does not know. */
bool emit_insn(compiler *c, const insn *in, int depth)
{
    x86_asm *a = &c->a;
    switch (in->op) {
    case NOP: case PRECALL: /* CALL unpacks bound methods itself */
        return true;
    case RESUME:
        if (in->arg < 2)
            emit_eval_breaker_check(c, in->at, depth);
        return true;
    case KW_NAMES:
        c->kwnames = PyTuple_GET_ITEM(c->co->co_consts, in->arg);
        return true;
    case LOAD_FAST: case LOAD_CLOSURE: {
        x86_label ok = x86_new_label(a);
        x86_mov_load(a, X86_RAX, local_slot(in->arg));
        if (in->op == LOAD_CLOSURE || local_maybe_unbound(c, in, in->arg)) {
            x86_test_rr(a, X86_RAX, X86_RAX);
            x86_jcc(a, X86_E, add_stub(c, STUB_UNBOUND, in->at, depth, in->arg, ok));
        }
        x86_bind(a, ok);
        emit_incref(c, X86_RAX);
        x86_mov_store(a, stack_slot(c, depth), X86_RAX);
        return true;
    }
    case LOAD_CONST:
        emit_load_ptr(c, X86_RAX, PyTuple_GET_ITEM(c->co->co_consts, in->arg));
        emit_incref(c, X86_RAX);
        x86_mov_store(a, stack_slot(c, depth), X86_RAX);
        return true;
    case STORE_FAST:
        x86_mov_load(a, X86_RAX, stack_slot(c, depth - 1));
        x86_mov_load(a, X86_RDI, local_slot(in->arg));
        x86_mov_store(a, local_slot(in->arg), X86_RAX);
        emit_decref_rdi(c, in->at, local_maybe_unbound(c, in, in->arg));
        return true;
    case DELETE_FAST: {
        x86_label ok = x86_new_label(a);
        x86_mov_load(a, X86_RDI, local_slot(in->arg));
        x86_test_rr(a, X86_RDI, X86_RDI);
        x86_jcc(a, X86_E, add_stub(c, STUB_UNBOUND, in->at, depth, in->arg, ok));
        x86_bind(a, ok);
        x86_mov_store_imm(a, local_slot(in->arg), 0);
        emit_decref_rdi(c, in->at, false);
        return true;
    }
    case POP_TOP:
        x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
        emit_decref_rdi(c, in->at, false);
        return true;
    case LOAD_DEREF: { /* the cell's value, or the helper raises */
        x86_label slow = x86_new_label(a), done = x86_new_label(a);
        x86_mov_load(a, X86_RAX, local_slot(in->arg));
        x86_mov_load(a, X86_RAX, x86_at(X86_RAX, offsetof(PyCellObject, ob_ref)));
        x86_test_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_E, slow);
        emit_incref(c, X86_RAX);
        x86_mov_store(a, stack_slot(c, depth), X86_RAX);
        x86_jmp(a, done);
        x86_bind(a, slow);
        emit_helper_call(c, in, depth, pyston_op_helpers[LOAD_DEREF].fn);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_NE, c->throw_exit);
        x86_bind(a, done);
        return true;
    }
    case STORE_DEREF: /* PyCell_SET, then the old value dropped */
        x86_mov_load(a, X86_RCX, local_slot(in->arg));
        x86_mov_load(a, X86_RAX, stack_slot(c, depth - 1));
        x86_mov_load(a, X86_RDI, x86_at(X86_RCX, offsetof(PyCellObject, ob_ref)));
        x86_mov_store(a, x86_at(X86_RCX, offsetof(PyCellObject, ob_ref)), X86_RAX);
        emit_decref_rdi(c, in->at, true);
        return true;
    case PUSH_NULL:
        x86_mov_store_imm(a, stack_slot(c, depth), 0);
        return true;
    case COPY:
        x86_mov_load(a, X86_RAX, stack_slot(c, depth - in->arg));
        emit_incref(c, X86_RAX);
        x86_mov_store(a, stack_slot(c, depth), X86_RAX);
        return true;
    case SWAP:
        x86_mov_load(a, X86_RAX, stack_slot(c, depth - 1));
        x86_mov_load(a, X86_RCX, stack_slot(c, depth - in->arg));
        x86_mov_store(a, stack_slot(c, depth - 1), X86_RCX);
        x86_mov_store(a, stack_slot(c, depth - in->arg), X86_RAX);
        return true;
    case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
        emit_jump_taken(c, in, depth);
        return true;
    case POP_JUMP_FORWARD_IF_TRUE: case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_FORWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_FALSE: {
        bool jump_if = false;
        is_pop_jump_if_bool(in->op, &jump_if);
        emit_pop_jump_if_bool(c, in, depth, jump_if);
        return true;
    }
    case POP_JUMP_FORWARD_IF_NONE: case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE: case POP_JUMP_BACKWARD_IF_NOT_NONE: {
        bool jump_if_none = false;
        is_pop_jump_if_none(in->op, &jump_if_none);
        emit_pop_jump_if_none(c, in, depth, jump_if_none);
        return true;
    }
    case RETURN_VALUE: /* pyston_rt_return, in the shared routine */
        x86_mov_imm(a, X86_RCX, in->at);
        x86_mov_load(a, X86_RAX, stack_slot(c, depth - 1));
        jump_to_routine(c, ROUTINE_RETURN);
        return true;
    case RETURN_GENERATOR: { /* returns the generator; resumptions come back after it */
        x86_label ok = x86_new_label(a), defer = x86_new_label(a);
        set_prev_instr(c, in->at);
        x86_mov_rr(a, X86_RDI, TSTATE);
        x86_mov_rr(a, X86_RSI, FRAME);
        x86_lea(a, X86_RDX, SCRATCH(1));
        emit_call(c, pyston_rt_return_generator);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_E, ok);
        x86_movsxd(a, X86_RAX, X86_RAX);
        x86_alu_ri(a, X86_CMP, X86_RAX, 2);
        x86_jcc(a, X86_E, defer);
        x86_jmp(a, c->throw_exit);
        x86_bind(a, defer);
        emit_resume_in_interpreter(c, (int)(in - c->insns), depth, pyston_rt_bailout_unsupported,
                                   in->op);
        x86_bind(a, ok);
        x86_mov_load(a, X86_RAX, SCRATCH(1));
        x86_jmp(a, c->epilogue);
        return true;
    }
    case YIELD_VALUE:
        set_prev_instr(c, in->at); /* where the generator is suspended */
        x86_mov_rr(a, X86_RDI, TSTATE);
        x86_mov_rr(a, X86_RSI, FRAME);
        x86_mov_load(a, X86_RDX, stack_slot(c, depth - 1));
        x86_mov_imm(a, X86_RCX, c->nlocalsplus + depth - 1);
        emit_call(c, pyston_rt_yield);
        x86_jmp(a, c->epilogue);
        return true;
    case CALL: {
        /* The hot path: len() and friends, or the shared routine that
         * enters a compiled function directly or calls a C function; the
         * generic path out of line (the slow path replays the CALL, which
         * then comes here with c->replaying set).  The checks after a call
         * (DONE) go to the cold section where the routine tells the site
         * whether they are due; len(), isinstance() and list.append skip
         * them, as the interpreter's specialized forms do. */
        x86_label done = x86_new_label(a), slow = x86_new_label(a), checked = x86_new_label(a);
        if (!c->replaying)
            emit_builtin_call(c, in, depth, checked);
        bool shared_call = !c->replaying && emit_call_inline(c, in, depth, done, checked, slow);
        if (shared_call) {
            defer_slow_path(c, in, NULL, depth, slow, done);
            cold_begin(c);
        } else {
            emit_helper_args(c, in, depth);
            emit_load_ptr(c, X86_R8, c->kwnames);
            emit_call(c, pyston_op_call);
            x86_test32_rr(a, X86_RAX, X86_RAX);
            x86_jcc(a, X86_NE, c->throw_exit);
        }
        c->kwnames = NULL;
        x86_bind(a, done);
        if (!c->replaying) { /* (a replay goes on at the hot path's DONE) */
            emit_eval_breaker_check(c, in->at, depth - in->arg - 1);
            emit_tracing_check(c, in, depth - in->arg - 1);
        }
        if (shared_call) {
            x86_jmp(a, checked);
            cold_end(c);
        }
        x86_bind(a, checked);
        return true;
    }
    }
    const pyston_op_helper *h = &pyston_op_helpers[in->op];
    if (in->op == RERAISE || in->op == RAISE_VARARGS) {
        /* Both always fail.  RERAISE, and a bare `raise` (which returns 1),
         * unwind without a new traceback entry. */
        emit_helper_call(c, in, depth, h->fn);
        if (in->op == RAISE_VARARGS) {
            x86_test32_rr(a, X86_RAX, X86_RAX);
            x86_jcc(a, X86_S, c->throw_exit);
        }
        x86_mov_imm(a, X86_RCX, in->at); /* the handler of this instruction */
        x86_jmp(a, c->reraise_exit);
        return true;
    }
    if (h->kind == PYSTON_OP_STACK_OR_INTERPRETER) {
        x86_label ok = x86_new_label(a), defer = x86_new_label(a);
        emit_helper_call(c, in, depth, h->fn);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_E, ok);
        x86_movsxd(a, X86_RAX, X86_RAX);
        x86_alu_ri(a, X86_CMP, X86_RAX, 2);
        x86_jcc(a, X86_E, defer);
        x86_jmp(a, c->throw_exit);
        x86_bind(a, defer); /* the instruction, prefixes included, runs there */
        emit_resume_in_interpreter(c, (int)(in - c->insns), depth, pyston_rt_bailout_unsupported,
                                   in->op);
        x86_bind(a, ok);
        emit_tracing_check(c, in, depth + stack_effect(in, 0));
        return true;
    }
    if (h->kind == PYSTON_OP_STACK_OR_RERAISE) {
        x86_label ok = x86_new_label(a);
        emit_helper_call(c, in, depth, h->fn);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_E, ok);
        x86_mov_imm(a, X86_RCX, in->at); /* the handler of this instruction */
        x86_jmp(a, c->reraise_exit);
        x86_bind(a, ok);
        emit_tracing_check(c, in, depth + stack_effect(in, 0));
        return true;
    }
    if (h->kind == PYSTON_OP_STACK) {
        x86_label skip_helper = x86_new_label(a);
        emit_slow_path_calls(c, in, depth, skip_helper);
        emit_helper_call(c, in, depth, h->fn);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_NE, c->throw_exit);
        x86_bind(a, skip_helper);
        if (in->op == CALL_FUNCTION_EX)
            emit_eval_breaker_check(c, in->at, depth + stack_effect(in, 0));
        emit_tracing_check(c, in, depth + stack_effect(in, 0));
        return true;
    }
    if (in->op == JUMP_IF_TRUE_OR_POP || in->op == JUMP_IF_FALSE_OR_POP) {
        x86_label pop = x86_new_label(a);
        emit_helper_call(c, in, depth, h->fn);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_S, c->throw_exit);
        x86_jcc(a, in->op == JUMP_IF_TRUE_OR_POP ? X86_E : X86_NE, pop);
        emit_tracing_check_at(c, jump_target(in), depth); /* __bool__ ran */
        x86_jmp(a, c->label[jump_target(in)]);
        x86_bind(a, pop);
        x86_mov_load(a, X86_RDI, stack_slot(c, depth - 1));
        emit_decref_rdi(c, in->at, false);
        emit_tracing_check(c, in, depth - 1);
        return true;
    }
    if (h->kind == PYSTON_OP_BRANCH && (in->op == FOR_ITER || in->op == SEND)) {
        x86_label next = x86_new_label(a);
        emit_helper_call(c, in, depth, h->fn);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_S, c->throw_exit);
        x86_jcc(a, X86_E, next);
        /* __next__ or the sub-generator may have switched tracing on */
        emit_tracing_check_at(c, jump_target(in), depth + stack_effect(in, 1));
        x86_jmp(a, c->label[jump_target(in)]);
        x86_bind(a, next);
        emit_tracing_check(c, in, depth + stack_effect(in, 0));
        return true;
    }
    return false;
}

static void emit_stub(compiler *c, const stub *s)
{
    x86_asm *a = &c->a;
    x86_bind(a, s->entry);
    switch (s->kind) {
    case STUB_DEALLOC: /* the object is in rdi; at < 0: prev_instr is set */
        if (s->at >= 0) {
            x86_mov_imm(a, X86_RAX, s->at);
            x86_call_label(a, c->dealloc_at);
        } else {
            emit_call(c, _Py_Dealloc);
        }
        x86_jmp(a, s->resume);
        break;
    case STUB_FLOAT_DEALLOC:
#if defined(Py_TRACE_REFS)
        emit_call(c, _Py_Dealloc);
        x86_jmp(a, s->resume);
#else
        emit_float_free(c, s);
#endif
        break;
    case STUB_UNBOUND: /* to the shared exit, which raises */
        x86_mov_imm(a, X86_RDX, (int64_t)PYSTON_WHERE(s->at, s->depth, s->arg));
        x86_jmp(a, c->unbound_exit);
        break;
    case STUB_BREAKER:
        set_prev_instr(c, s->at);
        x86_mov_rr(a, X86_RDI, TSTATE);
        x86_mov_rr(a, X86_RSI, FRAME);
        x86_mov_imm(a, X86_RDX, c->nlocalsplus + s->depth);
        emit_call(c, pyston_rt_eval_breaker);
        x86_test32_rr(a, X86_RAX, X86_RAX);
        x86_jcc(a, X86_NE, c->throw_exit);
        x86_jmp(a, s->resume);
        break;
    case STUB_TRACING: /* to the shared exit, which resumes in the interpreter */
        x86_mov_imm(a, X86_RDX, (int64_t)PYSTON_WHERE(s->at, s->depth, 0));
        x86_jmp(a, c->tracing_exit);
        break;
    case STUB_CALL: /* (the arguments are in place) */
        emit_call(c, s->fn);
        x86_jmp(a, s->resume);
        break;
    }
}

/* A generator's frame starts at its first instruction (the call, which
 * runs RETURN_GENERATOR), and resumes at prev_instr + 1: the instruction
 * after RETURN_GENERATOR or after a YIELD_VALUE.  Anything else (never expected)
 * goes to the interpreter, with the stack it came with. */
static void emit_resume_dispatch(compiler *c)
{
    x86_asm *a = &c->a;
    x86_mov_load(a, X86_RAX, x86_at(FRAME, OFF_PREV_INSTR));
    x86_alu_rr(a, X86_SUB, X86_RAX, FIRST_INSTR);
    x86_alu_ri(a, X86_CMP, X86_RAX, -2); /* a fresh frame: the first call */
    x86_jcc(a, X86_E, c->label[0]);
    for (int i = 0; i < c->ncode; i++) {
        const insn *in = &c->insns[i];
        if (in->op == 0 || c->depth[i] < 0)
            continue;
        if ((in->op == YIELD_VALUE || in->op == RETURN_GENERATOR) && c->depth[in->next] >= 0) {
            x86_alu_ri(a, X86_CMP, X86_RAX, 2 * (in->next - 1));
            x86_jcc(a, X86_E, c->label[in->next]);
        }
    }
    x86_mov_load(a, X86_RAX, SCRATCH(0));
    x86_store32(a, x86_at(FRAME, OFF_STACKTOP), X86_RAX);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, FRAME);
    emit_call(c, pyston_rt_bailout_resume);
    x86_jmp(a, c->epilogue);
}

/* Mirrors the start of _PyEval_EvalFrameDefault, as pyston_rt_enter does
 * (src/runtime/frame.c), inline: count the recursion, link the frame into
 * the thread's chain, hide its stack from the GC.  rbx = ts->cframe from
 * here on (compiled code reuses its caller's _PyCFrame, which stays the
 * same while the frame runs). */
static void emit_enter(compiler *c)
{
    x86_asm *a = &c->a;
    c->enter_linked = x86_new_label(a);
    c->enter_too_deep = x86_new_label(a);
    x86_mem remaining = x86_at(TSTATE, offsetof(PyThreadState, recursion_remaining));
    x86_alu32_mi(a, X86_SUB, remaining, 1); /* `recursion_remaining-- <= 0` */
    x86_jcc(a, X86_L, c->enter_too_deep);   /* (emit_too_deep, after the body) */
    x86_bind(a, c->enter_linked);
    x86_mov_load(a, X86_RBX, x86_at(TSTATE, offsetof(PyThreadState, cframe)));
    x86_mov_load(a, X86_RAX, x86_at(X86_RBX, offsetof(_PyCFrame, current_frame)));
    x86_mov_store(a, x86_at(FRAME, offsetof(_PyInterpreterFrame, previous)), X86_RAX);
    x86_mov_store(a, x86_at(X86_RBX, offsetof(_PyCFrame, current_frame)), FRAME);
    x86_alu32_mi(a, X86_OR, x86_at(FRAME, OFF_STACKTOP), -1); /* stacktop = -1 */
}

/* At the recursion limit: _Py_CheckRecursiveCall raises RecursionError
 * (and restores the count), or lets the call proceed; else NULL goes to
 * EXIT, the epilogue.  KEEP: a register that must survive the call
 * (X86_NOREG: none). */
static void emit_too_deep(compiler *c, x86_reg keep, x86_label exit)
{
    static const char no_where[] = "";
    x86_asm *a = &c->a;
    x86_bind(a, c->enter_too_deep);
    if (keep != X86_NOREG)
        x86_mov_store(a, SCRATCH(0), keep);
    x86_mov_rr(a, X86_RDI, TSTATE);
    emit_load_ptr(c, X86_RSI, no_where);
    emit_call(c, _Py_CheckRecursiveCall);
    if (keep != X86_NOREG)
        x86_mov_load(a, keep, SCRATCH(0));
    x86_test32_rr(a, X86_RAX, X86_RAX);
    x86_jcc(a, X86_E, c->enter_linked);
    x86_mov_imm(a, X86_RAX, 0); /* return NULL: the frame never ran */
    x86_jmp(a, exit);
}

/* The registers the compiled code keeps, saved (emit_restore_and_return
 * restores them), and set from the entry's arguments (tstate, frame). */
static void emit_save_and_set_registers(compiler *c)
{
    x86_asm *a = &c->a;
    x86_push(a, X86_RBP);
    x86_mov_rr(a, X86_RBP, X86_RSP);
    x86_push(a, X86_RBX);
    x86_push(a, X86_R12);
    x86_push(a, X86_R13);
    x86_push(a, X86_R14);
    x86_push(a, X86_R15);
    x86_alu_ri(a, X86_SUB, X86_RSP, 8 * SCRATCH_WORDS);
    x86_mov_rr(a, TSTATE, X86_RDI);
    x86_mov_rr(a, FRAME, X86_RSI);
    x86_lea(a, LOCALS, x86_at(FRAME, offsetof(_PyInterpreterFrame, localsplus)));
}

/* A function's prologue, in the shared routine (ROUTINE_ENTER) except for
 * a generator's, which keeps its suspended stack first. */
static void emit_prologue(compiler *c)
{
    x86_asm *a = &c->a;
    if (!c->generator) {
        call_routine(c, ROUTINE_ENTER);
        return;
    }
    emit_save_and_set_registers(c);
    emit_load_ptr(c, FIRST_INSTR, c->code);
    x86_load32(a, X86_RAX, x86_at(FRAME, OFF_STACKTOP)); /* the suspended stack, */
    x86_mov_store(a, SCRATCH(0), X86_RAX);               /* for emit_resume_dispatch */
    emit_enter(c);
    emit_resume_dispatch(c);
}

static int dispatch_to_handler(compiler *c, int target, int depth, void *unused)
{
    (void)depth, (void)unused;
    if (c->depth[target] >= 0) {
        x86_alu_ri(&c->a, X86_CMP, X86_RAX, target);
        x86_jcc(&c->a, X86_E, c->label[target]);
    }
    return 0;
}

/* Errors: pyston_rt_unwind finds the handler (or leaves the frame), and
 * the code jumps to it; with a trace function on, the interpreter unwinds. */
static void emit_unwind(compiler *c)
{
    x86_asm *a = &c->a;
    x86_label unwind = x86_new_label(a), to_interpreter = x86_new_label(a);
    x86_bind(a, c->throw_exit);
    x86_mov_imm(a, X86_RDX, 1);
    x86_mov_imm(a, X86_RCX, -1);
    x86_jmp(a, unwind);
    x86_bind(a, c->reraise_exit);
    x86_mov_imm(a, X86_RDX, 0);
    x86_bind(a, unwind);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, FRAME);
    emit_call(c, pyston_rt_unwind);
    x86_movsxd(a, X86_RAX, X86_RAX);
    x86_alu_ri(a, X86_CMP, X86_RAX, PYSTON_UNWIND_INTERPRETER);
    x86_jcc(a, X86_E, to_interpreter);
    each_handler(c, dispatch_to_handler, NULL);
    x86_mov_imm(a, X86_RAX, 0); /* PYSTON_UNWIND_EXIT: return NULL */
    x86_jmp(a, c->epilogue);
    x86_bind(a, to_interpreter);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, FRAME);
    emit_call(c, pyston_rt_bailout_exception);
    x86_jmp(a, c->epilogue);
}

/* The exits that the stubs of many instructions share: rdx = where
 * (PYSTON_WHERE), each stub sets only that. */
static void emit_shared_exits(compiler *c)
{
    x86_asm *a = &c->a;
    /* called with eax = the code unit and rdi = the object: prev_instr,
     * then _Py_Dealloc as a tail call (returning to the stub) */
    x86_bind(a, c->dealloc_at);
    x86_lea(a, X86_RAX, x86_at_index(FIRST_INSTR, X86_RAX, 2, 0));
    x86_mov_store(a, x86_at(FRAME, OFF_PREV_INSTR), X86_RAX);
    emit_load_ptr(c, X86_RAX, _Py_Dealloc);
    x86_jmp_r(a, X86_RAX);
    x86_bind(a, c->tracing_exit);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, FRAME);
    emit_call(c, pyston_rt_bailout_tracing);
    x86_jmp(a, c->epilogue);
    x86_bind(a, c->unbound_exit);
    x86_mov_rr(a, X86_RDI, TSTATE);
    x86_mov_rr(a, X86_RSI, FRAME);
    emit_call(c, pyston_rt_unbound_local);
    x86_jmp(a, c->throw_exit);
}

/* The registers emit_prologue saved, restored; then back to the caller. */
static void emit_restore_and_return(compiler *c)
{
    x86_asm *a = &c->a;
    x86_alu_ri(a, X86_ADD, X86_RSP, 8 * SCRATCH_WORDS);
    x86_pop(a, X86_R15);
    x86_pop(a, X86_R14);
    x86_pop(a, X86_R13);
    x86_pop(a, X86_R12);
    x86_pop(a, X86_RBX);
    x86_pop(a, X86_RBP);
    x86_ret(a);
}

static void emit_epilogue(compiler *c)
{
    if (c->generator)
        emit_too_deep(c, X86_NOREG, c->epilogue);
    emit_shared_exits(c);
    emit_unwind(c);
    x86_bind(&c->a, c->epilogue);
    emit_restore_and_return(c);
}

/* RETURN_VALUE's exit, jumped to with rax = the result (the frame's
 * reference) and ecx = the code unit of the RETURN_VALUE: pyston_rt_return
 * inline, in one copy that all functions share (so that it stays in the
 * instruction cache; it is the same for every function, whose epilogue is
 * emit_restore_and_return). */
static void emit_return_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_mem remaining = x86_at(TSTATE, offsetof(PyThreadState, recursion_remaining));
    set_prev_instr_from_ecx(c); /* f_lineno of a finished frame reads it */
    /* stacktop = the locals, for _PyFrame_Clear */
    x86_mov_load(a, X86_RCX, x86_at(FRAME, offsetof(_PyInterpreterFrame, f_code)));
    x86_load32(a, X86_RCX, x86_at(X86_RCX, offsetof(PyCodeObject, co_nlocalsplus)));
    x86_store32(a, x86_at(FRAME, OFF_STACKTOP), X86_RCX);
    x86_alu32_mi(a, X86_ADD, remaining, 1);
    x86_mov_load(a, X86_RCX, x86_at(FRAME, offsetof(_PyInterpreterFrame, previous)));
    x86_mov_store(a, x86_at(X86_RBX, offsetof(_PyCFrame, current_frame)), X86_RCX);
    emit_restore_and_return(c);
}

/* The prologue of a function that is not a generator, called first thing
 * (so that one copy serves all functions and stays in the instruction
 * cache): the registers are saved below the caller's return address as
 * emit_prologue would have it, with this routine's own return address
 * taken off the stack first and put back last (in r11 meanwhile; a ret,
 * not a jump, keeps the processor's return predictions in step); the
 * first code unit's address comes from the frame's code.  At the
 * recursion limit it may return NULL for the function, from here. */
static void emit_enter_routine(compiler *c)
{
    x86_asm *a = &c->a;
    x86_pop(a, X86_R11);
    emit_save_and_set_registers(c);
    /* FIRST_INSTR = _PyCode_CODE(frame->f_code) */
    x86_mov_load(a, FIRST_INSTR, x86_at(FRAME, offsetof(_PyInterpreterFrame, f_code)));
    x86_lea(a, FIRST_INSTR, x86_at(FIRST_INSTR, offsetof(PyCodeObject, co_code_adaptive)));
    emit_enter(c);
    x86_push(a, X86_R11);
    x86_ret(a);
    x86_label leave = x86_new_label(a);
    emit_too_deep(c, X86_R11, leave);
    x86_bind(a, leave);
    emit_restore_and_return(c);
}

/* One block for the caches of every instruction that will be emitted. */
static int allocate_caches(compiler *c)
{
    for (int i = 0; i < c->ncode; i++) {
        insn *in = &c->insns[i];
        in->cache = -1;
        if (in->op != 0 && c->depth[i] >= 0 && cache_bytes(in) > 0) {
            c->caches_size += sizeof(uint64_t); /* the site's hit counter, */
            in->cache = (int)c->caches_size; /* next to its first entry */
            c->caches_size += cache_bytes(in);
            c->nhits++;
        }
    }
    if (c->caches_size == 0)
        return 0;
    c->caches = calloc(1, c->caches_size); /* (not PyMem_Raw: tracemalloc would see it) */
    c->hit_at = malloc(sizeof(uint32_t) * c->nhits);
    if (c->caches == NULL || c->hit_at == NULL)
        return -1;
    for (int i = 0, n = 0; i < c->ncode; i++)
        if (c->insns[i].cache >= 0)
            c->hit_at[n++] = (uint32_t)c->insns[i].cache - sizeof(uint64_t);
    return 0;
}

/* Names the code from here on in the dump. */
static void start_section(compiler *c, const char *name)
{
    x86_label start = x86_new_label(&c->a);
    x86_bind(&c->a, start);
    c->section[c->nsections++] = (struct section){start, name};
}

/* The routines C marked used (all of them when it builds the shared ones). */
static void emit_routines(compiler *c)
{
    static void (*const routines[NROUTINES])(compiler *) = {
        [ROUTINE_DIRECT_CALL] = emit_direct_call_routine,
        [ROUTINE_ATTR_WAYS] = emit_attr_ways_routine,
        [ROUTINE_ATTR_VALUES] = emit_attr_values_routine,
        [ROUTINE_BINARY_DUNDER] = emit_binary_dunder_routine,
        [ROUTINE_INSTANCE_ATTR] = emit_instance_attr_routine,
        [ROUTINE_STACK_CALL] = emit_stack_call_routine,
        [ROUTINE_PLAIN_CALL] = emit_plain_call_routine,
        [ROUTINE_TRUTH] = emit_truth_routine,
        [ROUTINE_RETURN] = emit_return_routine,
        [ROUTINE_ENTER] = emit_enter_routine,
    };
    static const char *const routine_names[NROUTINES] = {
        [ROUTINE_DIRECT_CALL] = "routine: direct call",
        [ROUTINE_ATTR_WAYS] = "routine: attribute ways",
        [ROUTINE_ATTR_VALUES] = "routine: attribute values",
        [ROUTINE_BINARY_DUNDER] = "routine: binary dunder",
        [ROUTINE_INSTANCE_ATTR] = "routine: instance attribute",
        [ROUTINE_STACK_CALL] = "routine: call from the stack",
        [ROUTINE_PLAIN_CALL] = "routine: plain call",
        [ROUTINE_TRUTH] = "routine: truth",
        [ROUTINE_RETURN] = "routine: return",
        [ROUTINE_ENTER] = "routine: enter",
    };
    for (int r = NROUTINES - 1; r >= 0; r--) { /* (users before the routines they use) */
        if (c->routine_used[r] || c->building_routines) {
            start_section(c, routine_names[r]);
            x86_bind(&c->a, c->routine[r]);
            routines[r](c);
        }
    }
}

static void emit_stubs(compiler *c)
{
    start_section(c, "stubs");
    for (int i = 0; i < c->nstubs; i++)
        emit_stub(c, &c->stubs[i]);
}

static int emit(compiler *c)
{
    x86_asm *a = &c->a;
    c->epilogue = x86_new_label(a);
    c->throw_exit = x86_new_label(a);
    c->reraise_exit = x86_new_label(a);
    c->tracing_exit = x86_new_label(a);
    c->unbound_exit = x86_new_label(a);
    c->dealloc_at = x86_new_label(a);
    for (int r = 0; r < NROUTINES; r++)
        c->routine[r] = x86_new_label(a);
    for (int i = 0; i < c->ncode; i++)
        c->label[i] = x86_new_label(a);
    x86_label cold_start = x86_new_label(a);
    cold_begin(c);
    x86_bind(a, cold_start);
    cold_end(c);
    emit_prologue(c);
    for (int i = 0; i < c->ncode; i++) {
        const insn *in = &c->insns[i];
        x86_bind(a, c->label[i]);
        if (in->op == 0 || c->depth[i] < 0)
            continue; /* inside an instruction, or unreachable */
        for (int j = i + 1; j <= in->at; j++) /* EXTENDED_ARG prefixes */
            x86_bind(a, c->label[j]);
        int next = emit_fast_path(c, in, c->depth[i]);
        if (next < 0) {
            if (!emit_insn(c, in, c->depth[i]))
                emit_resume_in_interpreter(c, i, c->depth[i], pyston_rt_bailout_unsupported,
                                           in->op);
            next = in->next;
        }
        i = next - 1;
    }
    start_section(c, "slow paths");
    emit_deferred(c);
    emit_routines(c);
    emit_stubs(c);
    start_section(c, "exits and epilogue");
    emit_epilogue(c);
    c->section[c->nsections++] = (struct section){cold_start, "cold paths"};
    return x86_finish(a) ? 0 : -1;
}

/* The PYSTON_DUMP_ASM dump of the code C made, under the heading TITLE. */
static void dump(compiler *c, const char *title)
{
    int32_t *offsets = malloc(sizeof(int32_t) * ((size_t)c->ncode + 1));
    uint8_t *ops = malloc((size_t)c->ncode + 1);
    int *args = malloc(sizeof(int) * ((size_t)c->ncode + 1));
    if (offsets && ops && args) {
        for (int i = 0, last = 0; i < c->ncode; i++) {
            bool emitted = c->insns[i].op != 0 && c->depth[i] >= 0;
            offsets[i] = emitted ? x86_label_offset(&c->a, c->label[i]) : -1;
            if (emitted && offsets[i] < 0) /* fused into the one before */
                offsets[i] = last;
            last = offsets[i] >= 0 ? offsets[i] : last;
            ops[i] = c->insns[i].op;
            args[i] = c->insns[i].arg;
        }
        pyston_dump_section sections[sizeof c->section / sizeof c->section[0]];
        for (int i = 0; i < c->nsections; i++)
            sections[i] = (pyston_dump_section){x86_label_offset(&c->a, c->section[i].start),
                                                c->section[i].name};
        fprintf(stderr, "%s, %zu bytes\n", title, c->a.size);
        pyston_dump_asm(c->a.code, c->a.size, c->ncode, offsets, ops, args, sections,
                        c->nsections);
    }
    free(offsets);
    free(ops);
    free(args);
}

static void dump_function(compiler *c)
{
    PyObject *title = PyUnicode_FromFormat("pyston: compiled %U (%U:%d)", c->co->co_qualname,
                                           c->co->co_filename, c->co->co_firstlineno);
    const char *text = title ? PyUnicode_AsUTF8(title) : NULL;
    if (text)
        dump(c, text);
    PyErr_Clear();
    Py_XDECREF(title);
}

/* "py::qualname:file:line", the name perf report shows. */
static void add_to_perf_map(PyCodeObject *co, const pyston_compiled *out)
{
    PyObject *name = PyUnicode_FromFormat("py::%U:%U:%d", co->co_qualname, co->co_filename,
                                          co->co_firstlineno);
    const char *text = name ? PyUnicode_AsUTF8(name) : NULL;
    if (text)
        pyston_perf_map_add((const void *)out->entry, out->size, text);
    else
        PyErr_Clear();
    Py_XDECREF(name);
}

static void build_shared_routines(void);

int pyston_bjit_compile(PyCodeObject *co, pyston_compiled *out)
{
    if (!shared.tried)
        build_shared_routines();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    compiler c = {.co = co, .code = _PyCode_CODE(co), .ncode = (int)Py_SIZE(co),
                  .nlocalsplus = co->co_nlocalsplus, .store_local = -1,
                  .generator = pyston_is_generator(co)};
    x86_init(&c.a);
    c.insns = calloc((size_t)c.ncode + 1, sizeof(insn));
    c.depth = malloc(sizeof(int) * ((size_t)c.ncode + 1));
    c.label = malloc(sizeof(x86_label) * ((size_t)c.ncode + 1));
    c.targeted = calloc((size_t)c.ncode + 1, sizeof(bool));
    int rc = -1;
    bool fits = PYSTON_WHERE_FITS(c.ncode, co->co_stacksize + 1, c.nlocalsplus);
    if (fits && c.insns && c.depth && c.label && c.targeted && decode(&c) == 0 &&
        compute_depths(&c) == 0 && allocate_caches(&c) == 0 && find_maybe_unbound(&c) == 0 &&
        find_bound_locals(&c) == 0 &&
        (mark_targets(&c), emit(&c) == 0)) {
        if (pyston_opts.dump_asm)
            dump_function(&c);
        void *mem = pyston_codemem_install(c.a.code, c.a.size);
        if (mem != NULL) {
            out->entry = (pyston_entry)mem;
            out->size = c.a.size;
            out->caches = c.caches;
            out->hit_at = c.hit_at;
            out->nhits = c.nhits;
            c.hit_at = NULL;
            c.caches = NULL;
            rc = 0;
        }
    }
    free(c.caches);
    free(c.hit_at);
    free(c.insns);
    free(c.depth);
    free(c.label);
    free(c.targeted);
    free(c.maybe_unbound);
    free(c.bound);
    free(c.stubs);
    free(c.deferred);
    x86_free(&c.a);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    pyston_stat.compile_seconds += (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    if (rc == 0 && pyston_opts.perf_map)
        add_to_perf_map(co, out);
    if (rc == 0) {
        pyston_stat.functions_compiled++;
        pyston_stat.code_bytes += out->size;
    }
    return rc;
}

void pyston_bjit_free(pyston_compiled *compiled)
{
    if (compiled->entry)
        pyston_codemem_release((void *)compiled->entry, compiled->size);
    free(compiled->caches);
    free(compiled->hit_at);
    *compiled = (pyston_compiled){0};
}

/* Compiles the shared routines (see call_routine) for the current
 * interpreter, once; on any failure functions keep their own copies. */
static void build_shared_routines(void)
{
    shared.tried = true;
    compiler c = {.building_routines = true, .store_local = -1};
    x86_init(&c.a);
    for (int r = 0; r < NROUTINES; r++)
        c.routine[r] = x86_new_label(&c.a);
    emit_routines(&c);
    emit_stubs(&c);
    void *mem = x86_finish(&c.a) ? pyston_codemem_install(c.a.code, c.a.size) : NULL;
    void *const *slot[NROUTINES];
    bool ok = mem != NULL;
    for (int r = 0; r < NROUTINES && ok; r++)
        ok = (slot[r] = pyston_far_slot((uint8_t *)mem + x86_label_offset(&c.a, c.routine[r]))) != NULL;
    if (ok) {
        shared.interp = PyInterpreterState_Get();
        memcpy(shared.slot, slot, sizeof slot);
        pyston_stat.code_bytes += c.a.size;
        if (pyston_opts.dump_asm)
            dump(&c, "pyston: compiled shared routines");
        if (pyston_opts.perf_map)
            pyston_perf_map_add(mem, c.a.size, "pyston::shared_routines");
    }
    free(c.stubs);
    x86_free(&c.a);
}
