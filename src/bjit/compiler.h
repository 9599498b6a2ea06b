/* The baseline compiler's state and the emitters that its parts share
 * (compile.c: the instruction loop; fast.c: inline fast paths). */
#ifndef PYSTON_BJIT_COMPILER_H
#define PYSTON_BJIT_COMPILER_H

#include "bjit/compile.h"
#include "x86/asm.h"

#define FRAME X86_R12
#define TSTATE X86_R13
#define LOCALS X86_R14
#define FIRST_INSTR X86_R15

/* Scratch words on the machine stack that survive calls (the prologue
 * reserves them; 3 keeps rsp 16-byte aligned). */
#define SCRATCH_WORDS 3
#define SCRATCH(i) x86_at(X86_RSP, 8 * (i))

#define OFF_PREV_INSTR ((int32_t)offsetof(_PyInterpreterFrame, prev_instr))
#define OFF_STACKTOP ((int32_t)offsetof(_PyInterpreterFrame, stacktop))

/* Out-of-line code that the sites of a function share: small sites, the
 * code emitted once per function (see call_routine).  A routine may call
 * the ones before it in this list. */
typedef enum {
    ROUTINE_DIRECT_CALL, /* fast_call.c: a call of a compiled function */
    ROUTINE_PLAIN_CALL,  /* fast_call.c: a CALL site's [NULL, callable, args] */
    ROUTINE_ATTR_WAYS,   /* fast.c: the other ways of an attribute cache */
    ROUTINE_ATTR_VALUES, /* fast.c: a module's or a class's own attribute */
    ROUTINE_BINARY_DUNDER, /* fast.c: a Python class's operator */
    ROUTINE_INSTANCE_ATTR, /* fast.c: an instance's dict, a class attribute */
    ROUTINE_STACK_CALL,  /* fast_call.c: a CALL site's callee and arguments */
    ROUTINE_TRUTH,       /* compile.c: an int's or a container's truth */
    ROUTINE_RETURN,      /* compile.c: RETURN_VALUE's frame exit (jumped to) */
    ROUTINE_ENTER,       /* compile.c: a function's prologue */
    NROUTINES
} routine;

/* One decoded instruction, at the index of its first code unit (which is
 * an EXTENDED_ARG when the argument needs one). */
typedef struct {
    uint8_t op;  /* deoptimized: the compiler's opcode, not the adaptive one */
    int arg;     /* with EXTENDED_ARG prefixes folded in */
    int at;      /* index of the instruction itself, after its prefixes */
    int next;    /* index of the next instruction, after inline caches */
    int cache;   /* offset of its inline cache in compiler.caches, or -1 */
} insn;

/* Out-of-line code reached from the main path. */
typedef enum {
    STUB_DEALLOC, STUB_FLOAT_DEALLOC, STUB_UNBOUND, STUB_BREAKER, STUB_TRACING, STUB_CALL
} stub_kind;

typedef struct {
    stub_kind kind;
    x86_label entry, resume;
    int at;    /* the instruction */
    int depth; /* stack depth for the frame, if the stub leaves */
    int arg;
    const void *fn; /* STUB_CALL: the function */
} stub;

typedef struct {
    PyCodeObject *co;
    const _Py_CODEUNIT *code;
    int ncode, nlocalsplus;
    insn *insns;     /* indexed by code unit; .op == 0 where none starts */
    int *depth;      /* stack depth before each instruction; -1: unreachable */
    bool *targeted;  /* code units reached other than by falling through */
    bool *maybe_unbound; /* per local: all but arguments that nothing deletes */
    uint64_t *bound;     /* per instruction: the locals (the first 64) bound
                          * on every path to it (find_bound_locals); NULL
                          * for a generator */
    x86_label *label;
    x86_asm a;
    x86_label epilogue, throw_exit, reraise_exit, tracing_exit, unbound_exit, dealloc_at;
    x86_label enter_linked, enter_too_deep; /* emit_enter's, and its way out */
    /* Routines the sites of the function share (reached by call_routine),
     * emitted once after the body if used. */
    x86_label routine[NROUTINES];
    bool routine_used[NROUTINES];
    /* The parts after the body, named in the PYSTON_DUMP_ASM dump. */
    struct section { x86_label start; const char *name; } section[NROUTINES + 4];
    int nsections;
    stub *stubs;
    int nstubs, stub_capacity;
    PyObject *kwnames; /* from KW_NAMES, for the CALL that follows */
    char *caches;      /* the inline caches (insn.cache), each after its */
    size_t caches_size; /* site's hit counter */
    uint32_t *hit_at, nhits; /* where the counters are */
    /* Slow paths of fast paths, emitted after the body so that the hot code
     * stays dense: each binds .slow, runs the plain code of the .count
     * instructions from .first (a fused group's pushes, the instruction, the
     * jump fused with it), and jumps back to .done. */
    struct deferred {
        const insn *first; /* replayed from here, COUNT instructions */
        int count, depth;
        x86_label slow, done;
    } *deferred;
    int ndeferred, deferred_capacity;
    /* A fused group (fast.c): the LOAD_FAST/LOAD_CONST instructions just
     * before a fast path, which it reads from the local or constant itself
     * instead of the stack (no reference taken, nothing stored).  borrowed[k]
     * describes the stack entry k below the top; its slow path replays the
     * group from group_first, GROUP_PUSHES instructions before it. */
    struct borrowed {
        enum { OWNED, BORROWED_LOCAL, BORROWED_CONST } kind;
        int index; /* of the local or the constant */
    } borrowed[2];
    const insn *group_first;
    int group_pushes;
    /* A BINARY_OP whose result a STORE_FAST stores (fast.c): the local, and
     * the label after the store, for a result written into the local's own
     * number in place; store_local is -1 otherwise. */
    int store_local;
    x86_label stored;
    int cold_nesting;  /* cold_begin()s not yet ended */
    bool generator;    /* resumes at the instruction after each yield */
    bool replaying;    /* emitting the deferred slow paths */
    bool building_routines; /* the shared routines: no function, no body */
} compiler;

/* Code for the rare cases (errors, cache misses, unusual types) goes to
 * the cold section, after all of the function's other code: the hot path
 * stays a dense straight line, which matters in programs whose compiled
 * code is far larger than the instruction cache. */
static inline void cold_begin(compiler *c)
{
    if (c->cold_nesting++ == 0)
        x86_section(&c->a, true);
}

static inline void cold_end(compiler *c)
{
    if (--c->cold_nesting == 0)
        x86_section(&c->a, false);
}

/* Code off the current path, which goes on after out_of_line_end: in
 * the cold section, or, when the code is there already, right here, with
 * the current path jumping around it.  The result goes to
 * out_of_line_end. */
static inline x86_label out_of_line_begin(compiler *c)
{
    x86_label around = -1;
    if (c->cold_nesting > 0) {
        around = x86_new_label(&c->a);
        x86_jmp(&c->a, around);
    }
    cold_begin(c);
    return around;
}

static inline void out_of_line_end(compiler *c, x86_label around)
{
    cold_end(c);
    if (around >= 0)
        x86_bind(&c->a, around);
}

/* The value-stack entry DEPTH, and the stack effect of an instruction
 * (JUMP: on its jump edge). */
x86_mem stack_slot(compiler *c, int depth);
/* Whether local INDEX may be unbound before instruction IN. */
bool local_maybe_unbound(compiler *c, const insn *in, int index);
int stack_effect(const insn *in, int jump);
/* 3.11 jumps are relative to the next instruction; where a conditional
 * jump goes when its condition is TAKEN or not. */
int jump_target(const insn *in);
int branch_destination(const insn *in, bool taken);

x86_label add_stub(compiler *c, stub_kind kind, int at, int depth, int arg, x86_label resume);
/* A label for the rare case of a fast path: out of line, a call of FN
 * with its arguments as they are, then back to RESUME.  Keeps the common
 * case a straight line, with no taken jump. */
x86_label add_call_stub(compiler *c, const void *fn, x86_label resume);
/* REG = P, in the shortest form.  The flags of cmp REG, P and of
 * cmp [M], P (a pointer beyond 2 GiB goes through r11). */
void emit_load_ptr(compiler *c, x86_reg reg, const void *p);
void emit_cmp_ptr(compiler *c, x86_reg reg, const void *p);
void emit_cmp_mem_ptr(compiler *c, x86_mem m, const void *p);
/* REG = the word at P (an absolute [disp32] operand when P is low). */
void emit_load_mem(compiler *c, x86_reg reg, const void *p);
/* ++*COUNTER (a pyston.stats() counter; through r11 unless it is low). */
void emit_count(compiler *c, uint64_t *counter);
/* Calls FN: through its far-call slot (lowmem.h) when FN is beyond the
 * low 2 GiB, which clobbers no register; else, or when the table is
 * full, through rax. */
void emit_call(compiler *c, const void *fn);
void set_prev_instr(compiler *c, int unit);
void set_prev_instr_from_ecx(compiler *c);
/* To the throw exit, with DEPTH entries left on the stack for the
 * unwinder (the frame's stacktop); the same when COND holds, from the
 * cold section. */
void emit_throw(compiler *c, int depth);
void emit_throw_if(compiler *c, x86_cond cond, int depth);
/* To TARGET when the type in TYPE is a heap type (a Python class). */
void emit_jump_if_heap_type(compiler *c, x86_reg type, x86_label target);
/* Py_INCREF of the object in REG (a debug build also counts _Py_RefTotal
 * through r11, which must not hold anything then). */
void emit_incref(compiler *c, x86_reg reg);
void emit_decref_no_dealloc(compiler *c, x86_reg reg);
/* Py_DECREF of the object in RDI, deallocating out of line (after setting
 * prev_instr to AT, unless AT < 0). */
void emit_decref_rdi(compiler *c, int at, bool nullable);
/* Py_DECREF of the object in RDI without its deallocation: jumps to ALIVE
 * while references remain, falls through when the count reached zero. */
void emit_decref_rdi_alive(compiler *c, x86_label alive);
/* The same for an exact float, which goes back to the free list inline. */
void emit_decref_float_rdi(compiler *c, int at);
/* Jumps to TARGET when TYPE_REG holds the type TP (r11 as emit_cmp_ptr). */
void emit_jump_if_type(compiler *c, x86_reg type_reg, const PyTypeObject *tp, x86_label target);
void emit_tracing_check_at(compiler *c, int resume, int depth);
void emit_tracing_check(compiler *c, const insn *in, int depth_after);
/* Calls the instruction's helper (fn) with its arguments and cache. */
void emit_helper_call(compiler *c, const insn *in, int depth, const void *fn);
void emit_jump_taken(compiler *c, const insn *in, int depth_after);
x86_label branch_taken_label(compiler *c, const insn *in, x86_label *check);
void emit_branch_check(compiler *c, const insn *in, int depth_after, x86_label check,
                       x86_label fall);
bool is_pop_jump_if_bool(int op, bool *jump_if);
bool is_pop_jump_if_none(int op, bool *jump_if_none);
void emit_truth_test(compiler *c, x86_label is_true, x86_label is_false, x86_label undecided);
void emit_truth_by_helper(compiler *c, const insn *in, int depth, bool jump_if,
                          x86_label is_true, x86_label is_false);
/* POP_JUMP_IF_TRUE/FALSE on the value on top of the stack. */
void emit_pop_jump_if_bool(compiler *c, const insn *in, int depth, bool jump_if);

/* The plain code of IN: inline, or a call to its helper (the slow path of
 * the fast paths).  False for an instruction with neither. */
bool emit_insn(compiler *c, const insn *in, int depth);

/* fast_call.c: a CALL through the direct-call routine; jumps to CHECKED
 * after it, to DONE (the checks after a call) when they are due, to SLOW
 * (the generic CALL) when the routine declines; false when it does not
 * apply. */
bool emit_call_inline(compiler *c, const insn *in, int depth, x86_label done, x86_label checked,
                      x86_label slow);
void emit_jump_if_call_checks_due(compiler *c, x86_label pending);
/* Calls one of the shared routines (call rel32; the routine emitted
 * later).  Inside a routine rsp is 8 bytes off a 16-byte boundary. */
void call_routine(compiler *c, routine r);
void jump_to_routine(compiler *c, routine r);
/* The routines, for the function's end. */
void emit_direct_call_routine(compiler *c);
void emit_stack_call_routine(compiler *c);
void emit_plain_call_routine(compiler *c);
void emit_truth_routine(compiler *c);
void emit_attr_ways_routine(compiler *c);
void emit_attr_values_routine(compiler *c);
void emit_binary_dunder_routine(compiler *c);
void emit_instance_attr_routine(compiler *c);

/* fast.c: rax = PyLong_FromLong(rax) (NULL: out of memory), small ints
 * inline; rax = rdx ? True : False, with a reference. */
void emit_box_int(compiler *c);
void emit_box_bool(compiler *c);

/* fast_builtin.c: CALL of len(), isinstance() or list.append, inline;
 * jumps to DONE after it, and falls through when the callable is not one
 * of these.  OUT = the size of the container in OBJ, of a builtin type
 * that keeps it in a field, else to FAIL (clobbers rcx). */
void emit_builtin_call(compiler *c, const insn *in, int depth, x86_label done);
void emit_container_size(compiler *c, x86_reg obj, x86_reg out, x86_label fail);
/* Whether CALL's callable was pushed by a LOAD_GLOBAL with the NULL below
 * it: the [NULL, callable, args] shape, known at compile time. */
bool pushes_null_callable(compiler *c, const insn *call, int depth);

/* fast.c: the calls an instruction's slow path makes itself, before its
 * helper (the operands owned): a Python class's operator method (the
 * operator cache), int's own slot or binary_ops[] for C types, dict
 * subscripts and stores.  Jumps to DONE when one applied, falls through
 * to the helper otherwise. */
void emit_slow_path_calls(compiler *c, const insn *in, int depth, x86_label done);

/* The inline cache of IN (it has one). */
static inline char *cache_of(compiler *c, const insn *in)
{
    return c->caches + in->cache;
}

/* Emits the plain code of IN (then THEN, if not NULL) out of line, at
 * SLOW, continuing at DONE; in a fused group, the group's pushes first. */
void defer_slow_path(compiler *c, const insn *in, const insn *then, int depth, x86_label slow,
                     x86_label done);

/* fast.c: emits IN (and maybe the instruction after it, when the two fuse)
 * with inline fast paths; returns the code unit of the next instruction
 * to emit, or -1 when it has no fast path. */
int emit_fast_path(compiler *c, const insn *in, int depth);

#endif
