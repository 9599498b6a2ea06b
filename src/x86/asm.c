/* x86-64 instruction encoding.  Every instruction is built from the same
 * few parts: an optional REX prefix, opcode bytes, a ModRM byte (register
 * or memory form, with SIB and displacement), an immediate.  Reference:
 * Intel SDM vol. 2, chapter 2. */
#include "x86/asm.h"

#include <stdlib.h>
#include <string.h>

/* --- the buffer ------------------------------------------------------- */

static bool grow(void **items, int *capacity, size_t item_size, int needed)
{
    if (needed <= *capacity)
        return true;
    int next = *capacity ? *capacity * 2 : 16;
    while (next < needed)
        next *= 2;
    void *p = realloc(*items, (size_t)next * item_size);
    if (p == NULL)
        return false;
    *items = p;
    *capacity = next;
    return true;
}

/* Room for N more bytes (the slow path of emit). */
static bool __attribute__((noinline)) grow_code(x86_asm *a, size_t n)
{
    if (a->failed)
        return false;
    size_t next = a->capacity ? a->capacity * 2 : 256;
    while (next < a->size + n)
        next *= 2;
    uint8_t *p = realloc(a->code, next);
    if (p == NULL) {
        a->failed = true;
        return false;
    }
    a->code = p;
    a->capacity = next;
    return true;
}

/* Inline: the compiler spends most of its time here. */
static inline void emit(x86_asm *a, const void *bytes, size_t n)
{
    if (a->size + n > a->capacity && !grow_code(a, n))
        return;
    memcpy(a->code + a->size, bytes, n);
    a->size += n;
}

static void byte(x86_asm *a, uint8_t b) { emit(a, &b, 1); }

static void imm32(x86_asm *a, int32_t v)
{
    uint32_t u = (uint32_t)v;
    uint8_t b[4] = {u, u >> 8, u >> 16, u >> 24};
    emit(a, b, 4);
}

static void imm64(x86_asm *a, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    emit(a, b, 8);
}

void x86_init(x86_asm *a)
{
    memset(a, 0, sizeof *a);
    a->bound_end = -1;
}

void x86_free(x86_asm *a)
{
    free(a->code);
    free(a->labels);
    free(a->fixups);
    memset(a, 0, sizeof *a);
}

/* --- operand encoding ------------------------------------------------- */

static bool fits8(int64_t v) { return v >= INT8_MIN && v <= INT8_MAX; }
static bool fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
static int high(int reg) { return reg > 7; } /* needs a REX extension bit */

/* REX = 0100WRXB.  FORCE: byte registers spl/bpl/sil/dil need a REX. */
static void rex(x86_asm *a, bool w, int reg, int index, int base, bool force)
{
    uint8_t v = 0x40 | w << 3 | high(reg) << 2 | high(index) << 1 | high(base);
    if (v != 0x40 || force)
        byte(a, v);
}

static void modrm_reg(x86_asm *a, int reg, int rm)
{
    byte(a, 0xC0 | (reg & 7) << 3 | (rm & 7));
}

static void modrm_mem(x86_asm *a, int reg, x86_mem m)
{
    static const uint8_t scale_bits[9] = {[1] = 0, [2] = 1, [4] = 2, [8] = 3};
    if (m.base == X86_NOREG || m.index == X86_RSP || m.scale > 8 ||
        (m.scale != 1 && scale_bits[m.scale] == 0)) {
        a->failed = true; /* no absolute or RSP-indexed forms */
        return;
    }
    bool sib = m.index != X86_NOREG || (m.base & 7) == X86_RSP;
    /* mod 00 with base rbp/r13 means rip-relative: use a zero disp8. */
    int mod = m.disp == 0 && (m.base & 7) != X86_RBP ? 0 : fits8(m.disp) ? 1 : 2;
    byte(a, mod << 6 | (reg & 7) << 3 | (sib ? 4 : m.base & 7));
    if (sib) {
        int index = m.index == X86_NOREG ? X86_RSP : m.index; /* 100: none */
        byte(a, scale_bits[m.scale] << 6 | (index & 7) << 3 | (m.base & 7));
    }
    if (mod == 1)
        byte(a, (uint8_t)(int8_t)m.disp);
    else if (mod == 2)
        imm32(a, m.disp);
}

/* An instruction with a register in ModRM.rm.  REG is a register or a
 * /digit opcode extension; OPCODE is one or two bytes (0x0Fxx). */
static void op_reg(x86_asm *a, bool w, unsigned opcode, int reg, int rm, bool force)
{
    rex(a, w, reg, 0, rm, force);
    if (opcode > 0xFF)
        byte(a, opcode >> 8);
    byte(a, opcode & 0xFF);
    modrm_reg(a, reg, rm);
}

static void op_mem(x86_asm *a, bool w, unsigned opcode, int reg, x86_mem m)
{
    rex(a, w, reg, m.index == X86_NOREG ? 0 : m.index, m.base, false);
    if (opcode > 0xFF)
        byte(a, opcode >> 8);
    byte(a, opcode & 0xFF);
    modrm_mem(a, reg, m);
}

/* An SSE instruction: its mandatory prefix comes before any REX. */
static void sse_mem(x86_asm *a, uint8_t prefix, unsigned opcode, int xmm, x86_mem m)
{
    byte(a, prefix);
    op_mem(a, false, opcode, xmm, m);
}

/* --- data moves ---------------------------------------------------------- */

void x86_mov_rr(x86_asm *a, x86_reg dst, x86_reg src) { op_reg(a, true, 0x89, src, dst, false); }
void x86_mov_load(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, true, 0x8B, dst, src); }
void x86_mov_store(x86_asm *a, x86_mem dst, x86_reg src) { op_mem(a, true, 0x89, src, dst); }
void x86_load32(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, false, 0x8B, dst, src); }
void x86_store32(x86_asm *a, x86_mem dst, x86_reg src) { op_mem(a, false, 0x89, src, dst); }
void x86_movzx8(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, false, 0x0FB6, dst, src); }
void x86_movsxd(x86_asm *a, x86_reg dst, x86_reg src) { op_reg(a, true, 0x63, dst, src, false); }
void x86_lea(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, true, 0x8D, dst, src); }

void x86_mov_store_imm(x86_asm *a, x86_mem dst, int32_t imm)
{
    op_mem(a, true, 0xC7, 0, dst);
    imm32(a, imm);
}

size_t x86_mov_imm64(x86_asm *a, x86_reg dst, uint64_t imm)
{
    rex(a, true, 0, 0, dst, false);
    byte(a, 0xB8 + (dst & 7));
    size_t at = a->size;
    imm64(a, imm);
    return at;
}

/* Never xor: it would clobber the flags. */
void x86_mov_imm(x86_asm *a, x86_reg dst, int64_t imm)
{
    if (imm >= 0 && imm <= UINT32_MAX) { /* mov r32, imm32 zero-extends */
        rex(a, false, 0, 0, dst, false);
        byte(a, 0xB8 + (dst & 7));
        imm32(a, (int32_t)(uint32_t)imm);
    } else if (fits32(imm)) {
        op_reg(a, true, 0xC7, 0, dst, false);
        imm32(a, (int32_t)imm);
    } else {
        x86_mov_imm64(a, dst, (uint64_t)imm);
    }
}

/* --- arithmetic ---------------------------------------------------------- */

void x86_alu_rr(x86_asm *a, x86_alu op, x86_reg dst, x86_reg src)
{
    op_reg(a, true, op * 8 + 1, src, dst, false); /* op r/m64, r64 */
}

void x86_alu_rm(x86_asm *a, x86_alu op, x86_reg dst, x86_mem src)
{
    op_mem(a, true, op * 8 + 3, dst, src); /* op r64, r/m64 */
}

void x86_alu_ri(x86_asm *a, x86_alu op, x86_reg dst, int32_t imm)
{
    op_reg(a, true, fits8(imm) ? 0x83 : 0x81, op, dst, false);
    if (fits8(imm))
        byte(a, (uint8_t)(int8_t)imm);
    else
        imm32(a, imm);
}

void x86_alu_mi(x86_asm *a, x86_alu op, x86_mem dst, int32_t imm)
{
    op_mem(a, true, fits8(imm) ? 0x83 : 0x81, op, dst);
    if (fits8(imm))
        byte(a, (uint8_t)(int8_t)imm);
    else
        imm32(a, imm);
}

void x86_test_rr(x86_asm *a, x86_reg x, x86_reg y) { op_reg(a, true, 0x85, y, x, false); }
void x86_test32_rr(x86_asm *a, x86_reg x, x86_reg y) { op_reg(a, false, 0x85, y, x, false); }
void x86_imul_rr(x86_asm *a, x86_reg dst, x86_reg src) { op_reg(a, true, 0x0FAF, dst, src, false); }
void x86_inc_m(x86_asm *a, x86_mem dst) { op_mem(a, true, 0xFF, 0, dst); }
void x86_dec_m(x86_asm *a, x86_mem dst) { op_mem(a, true, 0xFF, 1, dst); }

void x86_shift_ri(x86_asm *a, x86_shift op, x86_reg dst, uint8_t count)
{
    op_reg(a, true, 0xC1, op, dst, false);
    byte(a, count);
}

void x86_setcc(x86_asm *a, x86_cond cond, x86_reg dst)
{
    op_reg(a, false, 0x0F90 + cond, 0, dst, dst >= X86_RSP);
    op_reg(a, false, 0x0FB6, dst, dst, dst >= X86_RSP); /* movzx r32, r8 */
}

void x86_cmov(x86_asm *a, x86_cond cond, x86_reg dst, x86_reg src)
{
    op_reg(a, true, 0x0F40 + cond, dst, src, false);
}

void x86_load_fs(x86_asm *a, x86_reg dst, int32_t disp)
{
    byte(a, 0x64); /* fs: */
    rex(a, true, dst, 0, 0, false);
    byte(a, 0x8B);
    byte(a, (dst & 7) << 3 | 4); /* mod 00, rm 100: a SIB follows */
    byte(a, 0x25);               /* no index, no base: disp32 */
    imm32(a, disp);
}

/* --- scalar doubles ---------------------------------------------------------- */

void x86_movsd_load(x86_asm *a, int xmm, x86_mem src) { sse_mem(a, 0xF2, 0x0F10, xmm, src); }
void x86_movsd_store(x86_asm *a, x86_mem dst, int xmm) { sse_mem(a, 0xF2, 0x0F11, xmm, dst); }
void x86_sse_rm(x86_asm *a, x86_sse op, int xmm, x86_mem src) { sse_mem(a, 0xF2, 0x0F00 | op, xmm, src); }
void x86_ucomisd(x86_asm *a, int xmm, x86_mem src) { sse_mem(a, 0x66, 0x0F2E, xmm, src); }

/* --- control flow -------------------------------------------------------- */

x86_label x86_new_label(x86_asm *a)
{
    if (!grow((void **)&a->labels, &a->label_capacity, sizeof *a->labels,
              a->nlabels + 1)) {
        a->failed = true;
        return 0;
    }
    a->labels[a->nlabels] = -1;
    return a->nlabels++;
}

/* Whether the code ends with a jmp to LABEL that nothing lands after. */
static bool ends_with_jmp_to(const x86_asm *a, x86_label label)
{
    if (a->nfixups == 0 || a->size < 5 || a->bound_end == (int64_t)a->size)
        return false;
    const struct x86_fixup *f = &a->fixups[a->nfixups - 1];
    return f->label == label && f->at == a->size - 4 && a->code[a->size - 5] == 0xE9;
}

void x86_bind(x86_asm *a, x86_label label)
{
    if (label < 0 || label >= a->nlabels || a->labels[label] >= 0) {
        a->failed = true;
        return;
    }
    /* A jump to the very next instruction is dropped: a label bound at the
     * jmp itself then means the same place as before. */
    while (ends_with_jmp_to(a, label)) {
        a->size -= 5;
        a->nfixups--;
    }
    a->labels[label] = (int32_t)a->size;
    a->bound_end = (int64_t)a->size;
}

/* A rel32 to LABEL, resolved by x86_finish(). */
static void rel32_to(x86_asm *a, x86_label label)
{
    if (!grow((void **)&a->fixups, &a->fixup_capacity, sizeof *a->fixups,
              a->nfixups + 1)) {
        a->failed = true;
        return;
    }
    a->fixups[a->nfixups++] = (struct x86_fixup){a->size, label};
    imm32(a, 0);
}

void x86_jmp(x86_asm *a, x86_label target)
{
    byte(a, 0xE9);
    rel32_to(a, target);
}

void x86_jcc(x86_asm *a, x86_cond cond, x86_label target)
{
    byte(a, 0x0F);
    byte(a, 0x80 + cond);
    rel32_to(a, target);
}

void x86_call_label(x86_asm *a, x86_label target)
{
    byte(a, 0xE8);
    rel32_to(a, target);
}

void x86_jmp_r(x86_asm *a, x86_reg target) { op_reg(a, false, 0xFF, 4, target, false); }
void x86_call_r(x86_asm *a, x86_reg target) { op_reg(a, false, 0xFF, 2, target, false); }

size_t x86_call_abs(x86_asm *a, uint64_t target, x86_reg scratch)
{
    size_t at = x86_mov_imm64(a, scratch, target);
    x86_call_r(a, scratch);
    return at;
}

void x86_push(x86_asm *a, x86_reg r)
{
    rex(a, false, 0, 0, r, false);
    byte(a, 0x50 + (r & 7));
}

void x86_pop(x86_asm *a, x86_reg r)
{
    rex(a, false, 0, 0, r, false);
    byte(a, 0x58 + (r & 7));
}

void x86_ret(x86_asm *a) { byte(a, 0xC3); }
void x86_int3(x86_asm *a) { byte(a, 0xCC); }

bool x86_finish(x86_asm *a)
{
    for (int i = 0; i < a->nfixups && !a->failed; i++) {
        struct x86_fixup f = a->fixups[i];
        if (f.label < 0 || f.label >= a->nlabels || a->labels[f.label] < 0) {
            a->failed = true;
            break;
        }
        int32_t rel = a->labels[f.label] - (int32_t)(f.at + 4);
        uint32_t u = (uint32_t)rel;
        uint8_t b[4] = {u, u >> 8, u >> 16, u >> 24};
        memcpy(a->code + f.at, b, 4);
    }
    return !a->failed;
}
