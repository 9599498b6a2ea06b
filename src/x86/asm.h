/* A small x86-64 assembler: registers, memory operands, immediates, labels
 * with forward jumps, and patchable 64-bit constants (x86_mov_imm64).
 *
 * Code goes into a growable buffer; it is position-independent (every jump
 * is relative to a label in the same buffer, every absolute address a
 * 64-bit immediate), so the bytes can be copied anywhere once finished. */
#ifndef PYSTON_X86_ASM_H
#define PYSTON_X86_ASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    X86_RAX, X86_RCX, X86_RDX, X86_RBX, X86_RSP, X86_RBP, X86_RSI, X86_RDI,
    X86_R8, X86_R9, X86_R10, X86_R11, X86_R12, X86_R13, X86_R14, X86_R15,
    X86_NOREG = 16 /* "no register": the index of a plain [base + disp] */
} x86_reg;

/* Condition codes, in the encoding order of Jcc/SETcc/CMOVcc. */
typedef enum {
    X86_O, X86_NO, X86_B, X86_AE, X86_E, X86_NE, X86_BE, X86_A,
    X86_S, X86_NS, X86_P, X86_NP, X86_L, X86_GE, X86_LE, X86_G
} x86_cond;

/* The eight classic ALU operations; the value is the ModRM /digit. */
typedef enum {
    X86_ADD, X86_OR, X86_ADC, X86_SBB, X86_AND, X86_SUB, X86_XOR, X86_CMP
} x86_alu;

typedef enum { X86_SHL = 4, X86_SHR = 5, X86_SAR = 7 } x86_shift;

/* [base + index*scale + disp]; index may be X86_NOREG. */
typedef struct {
    x86_reg base, index;
    uint8_t scale; /* 1, 2, 4 or 8 */
    int32_t disp;
} x86_mem;

static inline x86_mem x86_at(x86_reg base, int32_t disp)
{
    return (x86_mem){base, X86_NOREG, 1, disp};
}

static inline x86_mem x86_at_index(x86_reg base, x86_reg index, uint8_t scale,
                                   int32_t disp)
{
    return (x86_mem){base, index, scale, disp};
}

/* [ADDRESS], for an address in the low 2 GiB (the interpreter's static
 * data, the low heap). */
static inline x86_mem x86_abs(int32_t address)
{
    return (x86_mem){X86_NOREG, X86_NOREG, 1, address};
}

typedef int x86_label;

typedef struct {
    uint8_t *code;
    size_t size, capacity;
    bool failed; /* out of memory, or a bad operand: the code is unusable */
    int32_t *labels; /* label -> bound offset, or -1 */
    int *label_fixups; /* label -> how many fixups came before it was bound */
    int nlabels, label_capacity;
    /* rel32 operands to resolve: at AT, of a call, a jmp or a jcc (the
     * last two may become rel8 ones) */
    struct x86_fixup { size_t at; x86_label label; enum { X86_CALL, X86_JMP, X86_JCC } kind; } *fixups;
    int nfixups, fixup_capacity;
    int64_t bound_end; /* the offset of the last label bound */
    size_t *removed;   /* after x86_finish: bytes saved before each fixup */
    /* Two sections: code goes to the hot one or the cold one (x86_cold),
     * whose buffer and jumps wait here meanwhile; x86_finish puts the cold
     * code after the hot code. */
    struct x86_section {
        uint8_t *code;
        size_t size, capacity;
        struct x86_fixup *fixups;
        int nfixups, fixup_capacity;
        int64_t bound_end;
    } other;
    bool in_cold;
    bool *label_cold; /* label -> bound in the cold section */
} x86_asm;

void x86_init(x86_asm *a);
void x86_free(x86_asm *a);
/* Resolves every jump, in its short form (rel8) where the target is near
 * enough, which moves the code after it: x86_label_offset gives the final
 * offsets, and offsets kept from before (x86_mov_imm64's) are stale.
 * False if a label was used but never bound, or the assembler failed
 * earlier. */
bool x86_finish(x86_asm *a);

/* Where the code goes from now on: the cold section (COLD) or the hot
 * one.  Labels and jumps work across the two. */
void x86_section(x86_asm *a, bool cold);

x86_label x86_new_label(x86_asm *a);
/* Where LABEL is in the code (after x86_finish: in the final code), or -1
 * when it is not bound. */
int32_t x86_label_offset(const x86_asm *a, x86_label label);
void x86_bind(x86_asm *a, x86_label label);

/* Data moves. */
void x86_mov_rr(x86_asm *a, x86_reg dst, x86_reg src);
void x86_mov_load(x86_asm *a, x86_reg dst, x86_mem src);
void x86_mov_store(x86_asm *a, x86_mem dst, x86_reg src);
void x86_mov_store_imm(x86_asm *a, x86_mem dst, int32_t imm); /* sign-extended */
void x86_mov_imm(x86_asm *a, x86_reg dst, int64_t imm);        /* shortest form */
/* movabs dst, imm64 in its 10-byte form; returns the offset of the
 * immediate, so that it can be patched (before x86_finish). */
size_t x86_mov_imm64(x86_asm *a, x86_reg dst, uint64_t imm);
void x86_load32(x86_asm *a, x86_reg dst, x86_mem src);  /* zero-extends */
void x86_store32(x86_asm *a, x86_mem dst, x86_reg src);
void x86_movzx8(x86_asm *a, x86_reg dst, x86_mem src);
void x86_movzx16(x86_asm *a, x86_reg dst, x86_mem src);
void x86_store8(x86_asm *a, x86_mem dst, x86_reg src); /* the low byte of src */
void x86_movsxd(x86_asm *a, x86_reg dst, x86_reg src); /* sign-extends a C int */
void x86_lea(x86_asm *a, x86_reg dst, x86_mem src);
/* mov dst, fs:[disp]: a thread-local variable of the initial-exec model. */
void x86_load_fs(x86_asm *a, x86_reg dst, int32_t disp);

/* Arithmetic. */
void x86_alu_rr(x86_asm *a, x86_alu op, x86_reg dst, x86_reg src);
void x86_alu_ri(x86_asm *a, x86_alu op, x86_reg dst, int32_t imm);
void x86_alu_rm(x86_asm *a, x86_alu op, x86_reg dst, x86_mem src);
void x86_alu32_rm(x86_asm *a, x86_alu op, x86_reg dst, x86_mem src); /* dst32 op= [src] */
void x86_alu_mi(x86_asm *a, x86_alu op, x86_mem dst, int32_t imm);
void x86_alu32_mi(x86_asm *a, x86_alu op, x86_mem dst, int32_t imm); /* dword [dst] op= imm */
void x86_test8_mi(x86_asm *a, x86_mem m, uint8_t imm); /* flags of byte [m] & imm */
void x86_cmp8_mi(x86_asm *a, x86_mem m, int8_t imm);  /* flags of byte [m] - imm */
void x86_test_rr(x86_asm *a, x86_reg x, x86_reg y);
void x86_test32_rr(x86_asm *a, x86_reg x, x86_reg y); /* for C `int` results */
void x86_imul_rr(x86_asm *a, x86_reg dst, x86_reg src);
void x86_cqo(x86_asm *a);                     /* rdx:rax = rax, sign-extended */
void x86_idiv_r(x86_asm *a, x86_reg src);     /* rax, rdx = rdx:rax / src, % src */
void x86_shift_ri(x86_asm *a, x86_shift op, x86_reg dst, uint8_t count);
void x86_shift_cl(x86_asm *a, x86_shift op, x86_reg dst); /* by cl */
void x86_inc_m(x86_asm *a, x86_mem dst);
void x86_dec_m(x86_asm *a, x86_mem dst);
void x86_setcc(x86_asm *a, x86_cond cond, x86_reg dst); /* dst = cond ? 1 : 0 */
void x86_cmov(x86_asm *a, x86_cond cond, x86_reg dst, x86_reg src);

/* Scalar doubles (SSE2), in xmm registers 0-15. */
typedef enum { X86_ADDSD = 0x58, X86_MULSD = 0x59, X86_SUBSD = 0x5C, X86_DIVSD = 0x5E } x86_sse;
void x86_movsd_load(x86_asm *a, int xmm, x86_mem src);
void x86_movsd_store(x86_asm *a, x86_mem dst, int xmm);
void x86_sse_rm(x86_asm *a, x86_sse op, int xmm, x86_mem src); /* xmm op= [src] */
void x86_ucomisd(x86_asm *a, int xmm, x86_mem src); /* flags as an unsigned compare */

/* Control flow. */
void x86_jmp(x86_asm *a, x86_label target);
void x86_jcc(x86_asm *a, x86_cond cond, x86_label target);
void x86_call_label(x86_asm *a, x86_label target); /* call rel32 */
void x86_jmp_r(x86_asm *a, x86_reg target);
void x86_call_r(x86_asm *a, x86_reg target);
void x86_call_m(x86_asm *a, x86_mem target); /* call [target] */
void x86_jmp_m(x86_asm *a, x86_mem target);  /* jmp [target] */
void x86_push(x86_asm *a, x86_reg r);
void x86_pop(x86_asm *a, x86_reg r);
void x86_ret(x86_asm *a);
void x86_int3(x86_asm *a);

#endif
