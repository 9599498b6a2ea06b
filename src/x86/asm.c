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

void x86_init(x86_asm *a)
{
    memset(a, 0, sizeof *a);
    a->bound_end = a->other.bound_end = -1;
}

void x86_free(x86_asm *a)
{
    free(a->code);
    free(a->labels);
    free(a->label_fixups);
    free(a->label_cold);
    free(a->removed);
    free(a->fixups);
    free(a->other.code);
    free(a->other.fixups);
    memset(a, 0, sizeof *a);
}

/* Swaps the current section's buffer and jumps with the waiting one's. */
static void swap_sections(x86_asm *a)
{
    struct x86_section current = {a->code, a->size, a->capacity, a->fixups,
                                  a->nfixups, a->fixup_capacity, a->bound_end};
    a->code = a->other.code;
    a->size = a->other.size;
    a->capacity = a->other.capacity;
    a->fixups = a->other.fixups;
    a->nfixups = a->other.nfixups;
    a->fixup_capacity = a->other.fixup_capacity;
    a->bound_end = a->other.bound_end;
    a->other = current;
    a->in_cold = !a->in_cold;
}

void x86_section(x86_asm *a, bool cold)
{
    if (a->in_cold != cold)
        swap_sections(a);
}

/* The cold section appended to the hot one, its labels and jumps moved. */
static bool merge_sections(x86_asm *a)
{
    x86_section(a, false);
    const struct x86_section *cold = &a->other;
    int capacity = a->fixup_capacity;
    if ((a->size + cold->size > a->capacity && !grow_code(a, cold->size)) ||
        !grow((void **)&a->fixups, &capacity, sizeof *a->fixups, a->nfixups + cold->nfixups))
        return false;
    a->fixup_capacity = capacity;
    for (int l = 0; l < a->nlabels; l++)
        if (a->label_cold[l] && a->labels[l] >= 0) {
            a->labels[l] += (int32_t)a->size;
            a->label_fixups[l] += a->nfixups;
            a->label_cold[l] = false;
        }
    for (int k = 0; k < cold->nfixups; k++) {
        struct x86_fixup f = cold->fixups[k];
        f.at += a->size;
        a->fixups[a->nfixups++] = f;
    }
    if (cold->size > 0) /* (a label bound in an empty one still moves to the end) */
        memcpy(a->code + a->size, cold->code, cold->size);
    a->size += cold->size;
    free(a->other.code);
    free(a->other.fixups);
    a->other = (struct x86_section){.bound_end = -1};
    return true;
}

/* --- operand encoding ------------------------------------------------- */

static bool fits8(int64_t v) { return v >= INT8_MIN && v <= INT8_MAX; }
static bool fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
static int high(int reg) { return reg > 7; } /* needs a REX extension bit */

/* An instruction is built in a few bytes on the stack, then emitted at
 * once (one capacity check and one copy per instruction). */
typedef struct {
    uint8_t b[16];
    unsigned n;
} bytes;

static inline void put(bytes *i, uint8_t v) { i->b[i->n++] = v; }

static inline void put32(bytes *i, int32_t v)
{
    uint32_t u = (uint32_t)v;
    put(i, (uint8_t)u), put(i, (uint8_t)(u >> 8)), put(i, (uint8_t)(u >> 16)), put(i, (uint8_t)(u >> 24));
}

/* Copies all 16 bytes (a fixed-size copy is two moves) and keeps N. */
static inline void emit_bytes(x86_asm *a, const bytes *i)
{
    if (a->size + sizeof i->b > a->capacity && !grow_code(a, sizeof i->b))
        return;
    memcpy(a->code + a->size, i->b, sizeof i->b);
    a->size += i->n;
}

/* REX = 0100WRXB.  FORCE: byte registers spl/bpl/sil/dil need a REX. */
static inline void rex(bytes *i, bool w, int reg, int index, int base, bool force)
{
    uint8_t v = 0x40 | w << 3 | high(reg) << 2 | high(index) << 1 | high(base);
    if (v != 0x40 || force)
        put(i, v);
}

static inline void opcode_bytes(bytes *i, unsigned opcode)
{
    if (opcode > 0xFF)
        put(i, (uint8_t)(opcode >> 8));
    put(i, opcode & 0xFF);
}

/* False for a form x86-64 lacks: no RSP-indexed operands, no absolute
 * ones but [disp32] (sign-extended: the low 2 GiB). */
static inline bool modrm_mem(bytes *i, int reg, x86_mem m)
{
    static const uint8_t scale_bits[9] = {[1] = 0, [2] = 1, [4] = 2, [8] = 3};
    if (m.base == X86_NOREG && m.index == X86_NOREG) { /* SIB: no base, no index */
        put(i, (uint8_t)(0 << 6 | (reg & 7) << 3 | 4));
        put(i, 0x25);
        put32(i, m.disp);
        return true;
    }
    if (m.base == X86_NOREG || m.index == X86_RSP || m.scale > 8 ||
        (m.scale != 1 && scale_bits[m.scale] == 0))
        return false;
    bool sib = m.index != X86_NOREG || (m.base & 7) == X86_RSP;
    /* mod 00 with base rbp/r13 means rip-relative: use a zero disp8. */
    int mod = m.disp == 0 && (m.base & 7) != X86_RBP ? 0 : fits8(m.disp) ? 1 : 2;
    put(i, (uint8_t)(mod << 6 | (reg & 7) << 3 | (sib ? 4 : m.base & 7)));
    if (sib) {
        int index = m.index == X86_NOREG ? X86_RSP : m.index; /* 100: none */
        put(i, (uint8_t)(scale_bits[m.scale] << 6 | (index & 7) << 3 | (m.base & 7)));
    }
    if (mod == 1)
        put(i, (uint8_t)(int8_t)m.disp);
    else if (mod == 2)
        put32(i, m.disp);
    return true;
}

/* An instruction with a register in ModRM.rm.  REG is a register or a
 * /digit opcode extension; OPCODE is one or two bytes (0x0Fxx). */
static inline bytes reg_form(bool w, unsigned opcode, int reg, int rm, bool force)
{
    bytes i = {.n = 0};
    rex(&i, w, reg, 0, rm, force);
    opcode_bytes(&i, opcode);
    put(&i, (uint8_t)(0xC0 | (reg & 7) << 3 | (rm & 7)));
    return i;
}

/* The same with a memory operand, after PREFIX (0: none); sets
 * a->failed for a form that does not exist. */
static inline bytes mem_form(x86_asm *a, uint8_t prefix, bool w, unsigned opcode, int reg,
                             x86_mem m, bool force)
{
    bytes i = {.n = 0};
    if (prefix)
        put(&i, prefix);
    rex(&i, w, reg, m.index == X86_NOREG ? 0 : m.index, m.base == X86_NOREG ? 0 : m.base, force);
    opcode_bytes(&i, opcode);
    if (!modrm_mem(&i, reg, m))
        a->failed = true;
    return i;
}

static void op_reg(x86_asm *a, bool w, unsigned opcode, int reg, int rm, bool force)
{
    bytes i = reg_form(w, opcode, reg, rm, force);
    emit_bytes(a, &i);
}

static void op_mem(x86_asm *a, bool w, unsigned opcode, int reg, x86_mem m)
{
    bytes i = mem_form(a, 0, w, opcode, reg, m, false);
    emit_bytes(a, &i);
}

/* An SSE instruction: its mandatory prefix comes before any REX. */
static void sse_mem(x86_asm *a, uint8_t prefix, unsigned opcode, int xmm, x86_mem m)
{
    bytes i = mem_form(a, prefix, false, opcode, xmm, m, false);
    emit_bytes(a, &i);
}

/* --- data moves ---------------------------------------------------------- */

void x86_mov_rr(x86_asm *a, x86_reg dst, x86_reg src) { op_reg(a, true, 0x89, src, dst, false); }
void x86_mov_load(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, true, 0x8B, dst, src); }
void x86_mov_store(x86_asm *a, x86_mem dst, x86_reg src) { op_mem(a, true, 0x89, src, dst); }
void x86_load32(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, false, 0x8B, dst, src); }
void x86_store32(x86_asm *a, x86_mem dst, x86_reg src) { op_mem(a, false, 0x89, src, dst); }
void x86_movzx8(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, false, 0x0FB6, dst, src); }
void x86_movzx16(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, false, 0x0FB7, dst, src); }
void x86_store8(x86_asm *a, x86_mem dst, x86_reg src)
{
    /* spl, bpl, sil, dil exist only with a REX (without: ah, ch, dh, bh) */
    bytes i = mem_form(a, 0, false, 0x88, src, dst, src >= X86_RSP && src <= X86_RDI);
    emit_bytes(a, &i);
}

void x86_movsxd(x86_asm *a, x86_reg dst, x86_reg src) { op_reg(a, true, 0x63, dst, src, false); }
void x86_lea(x86_asm *a, x86_reg dst, x86_mem src) { op_mem(a, true, 0x8D, dst, src); }

void x86_mov_store_imm(x86_asm *a, x86_mem dst, int32_t imm)
{
    bytes i = mem_form(a, 0, true, 0xC7, 0, dst, false);
    put32(&i, imm);
    emit_bytes(a, &i);
}

size_t x86_mov_imm64(x86_asm *a, x86_reg dst, uint64_t imm)
{
    bytes i = {.n = 0};
    rex(&i, true, 0, 0, dst, false);
    put(&i, (uint8_t)(0xB8 + (dst & 7)));
    size_t at = a->size + i.n;
    put32(&i, (int32_t)(uint32_t)imm);
    put32(&i, (int32_t)(uint32_t)(imm >> 32));
    emit_bytes(a, &i);
    return at;
}

/* Never xor: it would clobber the flags. */
void x86_mov_imm(x86_asm *a, x86_reg dst, int64_t imm)
{
    bytes i = {.n = 0};
    if (imm >= 0 && imm <= UINT32_MAX) { /* mov r32, imm32 zero-extends */
        rex(&i, false, 0, 0, dst, false);
        put(&i, (uint8_t)(0xB8 + (dst & 7)));
        put32(&i, (int32_t)(uint32_t)imm);
    } else if (fits32(imm)) {
        i = reg_form(true, 0xC7, 0, dst, false);
        put32(&i, (int32_t)imm);
    } else {
        x86_mov_imm64(a, dst, (uint64_t)imm);
        return;
    }
    emit_bytes(a, &i);
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

void x86_alu32_rm(x86_asm *a, x86_alu op, x86_reg dst, x86_mem src)
{
    op_mem(a, false, op * 8 + 3, dst, src); /* op r32, r/m32 */
}

/* An ALU immediate: imm8 (sign-extended) when it fits. */
static void put_alu_imm(bytes *i, int32_t imm)
{
    if (fits8(imm))
        put(i, (uint8_t)(int8_t)imm);
    else
        put32(i, imm);
}

void x86_alu_ri(x86_asm *a, x86_alu op, x86_reg dst, int32_t imm)
{
    bytes i = reg_form(true, fits8(imm) ? 0x83 : 0x81, op, dst, false);
    put_alu_imm(&i, imm);
    emit_bytes(a, &i);
}

void x86_alu_mi(x86_asm *a, x86_alu op, x86_mem dst, int32_t imm)
{
    bytes i = mem_form(a, 0, true, fits8(imm) ? 0x83 : 0x81, op, dst, false);
    put_alu_imm(&i, imm);
    emit_bytes(a, &i);
}

void x86_alu32_mi(x86_asm *a, x86_alu op, x86_mem dst, int32_t imm)
{
    bytes i = mem_form(a, 0, false, fits8(imm) ? 0x83 : 0x81, op, dst, false);
    put_alu_imm(&i, imm);
    emit_bytes(a, &i);
}

/* OPCODE /DIGIT on the byte [M], with an 8-bit immediate. */
static void op_mem_imm8(x86_asm *a, unsigned opcode, int digit, x86_mem m, uint8_t imm)
{
    bytes i = mem_form(a, 0, false, opcode, digit, m, false);
    put(&i, imm);
    emit_bytes(a, &i);
}

void x86_test8_mi(x86_asm *a, x86_mem m, uint8_t imm) { op_mem_imm8(a, 0xF6, 0, m, imm); }
void x86_cmp8_mi(x86_asm *a, x86_mem m, int8_t imm) { op_mem_imm8(a, 0x80, X86_CMP, m, (uint8_t)imm); }

void x86_test_rr(x86_asm *a, x86_reg x, x86_reg y) { op_reg(a, true, 0x85, y, x, false); }
void x86_test32_rr(x86_asm *a, x86_reg x, x86_reg y) { op_reg(a, false, 0x85, y, x, false); }
void x86_imul_rr(x86_asm *a, x86_reg dst, x86_reg src) { op_reg(a, true, 0x0FAF, dst, src, false); }
void x86_idiv_r(x86_asm *a, x86_reg src) { op_reg(a, true, 0xF7, 7, src, false); }
void x86_inc_m(x86_asm *a, x86_mem dst) { op_mem(a, true, 0xFF, 0, dst); }
void x86_dec_m(x86_asm *a, x86_mem dst) { op_mem(a, true, 0xFF, 1, dst); }

void x86_shift_ri(x86_asm *a, x86_shift op, x86_reg dst, uint8_t count)
{
    bytes i = reg_form(true, 0xC1, op, dst, false);
    put(&i, count);
    emit_bytes(a, &i);
}

void x86_shift_cl(x86_asm *a, x86_shift op, x86_reg dst)
{
    bytes i = reg_form(true, 0xD3, op, dst, false);
    emit_bytes(a, &i);
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
    bytes i = {.n = 0};
    put(&i, 0x64); /* fs: */
    rex(&i, true, dst, 0, 0, false);
    put(&i, 0x8B);
    put(&i, (uint8_t)((dst & 7) << 3 | 4)); /* mod 00, rm 100: a SIB follows */
    put(&i, 0x25);                          /* no index, no base: disp32 */
    put32(&i, disp);
    emit_bytes(a, &i);
}

/* --- scalar doubles ---------------------------------------------------------- */

void x86_movsd_load(x86_asm *a, int xmm, x86_mem src) { sse_mem(a, 0xF2, 0x0F10, xmm, src); }
void x86_movsd_store(x86_asm *a, x86_mem dst, int xmm) { sse_mem(a, 0xF2, 0x0F11, xmm, dst); }
void x86_sse_rm(x86_asm *a, x86_sse op, int xmm, x86_mem src) { sse_mem(a, 0xF2, 0x0F00 | op, xmm, src); }
void x86_ucomisd(x86_asm *a, int xmm, x86_mem src) { sse_mem(a, 0x66, 0x0F2E, xmm, src); }

/* --- control flow -------------------------------------------------------- */

x86_label x86_new_label(x86_asm *a)
{
    int capacity = a->label_capacity, capacity2 = a->label_capacity;
    if (a->nlabels == a->label_capacity &&
        (!grow((void **)&a->labels, &capacity, sizeof *a->labels, a->nlabels + 1) ||
         !grow((void **)&a->label_cold, &capacity2, sizeof *a->label_cold, a->nlabels + 1) ||
         !grow((void **)&a->label_fixups, &a->label_capacity, sizeof *a->label_fixups,
               a->nlabels + 1))) {
        a->failed = true;
        return 0;
    }
    a->labels[a->nlabels] = -1;
    a->label_cold[a->nlabels] = false;
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
    a->label_fixups[label] = a->nfixups;
    a->label_cold[label] = a->in_cold;
    a->bound_end = (int64_t)a->size;
}

/* OPCODE (1 or 2 bytes) and a rel32 to LABEL, resolved by x86_finish(). */
static void rel32_to(x86_asm *a, unsigned opcode, x86_label label, int kind)
{
    if (a->nfixups == a->fixup_capacity &&
        !grow((void **)&a->fixups, &a->fixup_capacity, sizeof *a->fixups, a->nfixups + 1)) {
        a->failed = true;
        return;
    }
    bytes i = {.n = 0};
    opcode_bytes(&i, opcode);
    a->fixups[a->nfixups++] = (struct x86_fixup){a->size + i.n, label, kind};
    put32(&i, 0);
    emit_bytes(a, &i);
}

void x86_jmp(x86_asm *a, x86_label target) { rel32_to(a, 0xE9, target, X86_JMP); }
void x86_jcc(x86_asm *a, x86_cond cond, x86_label target)
{
    rel32_to(a, 0x0F80u + cond, target, X86_JCC);
}
void x86_call_label(x86_asm *a, x86_label target) { rel32_to(a, 0xE8, target, X86_CALL); }

void x86_jmp_r(x86_asm *a, x86_reg target) { op_reg(a, false, 0xFF, 4, target, false); }
void x86_call_r(x86_asm *a, x86_reg target) { op_reg(a, false, 0xFF, 2, target, false); }
void x86_call_m(x86_asm *a, x86_mem target) { op_mem(a, false, 0xFF, 2, target); }
void x86_jmp_m(x86_asm *a, x86_mem target) { op_mem(a, false, 0xFF, 4, target); }

static void push_pop(x86_asm *a, uint8_t opcode, x86_reg r)
{
    bytes i = {.n = 0};
    rex(&i, false, 0, 0, r, false);
    put(&i, (uint8_t)(opcode + (r & 7)));
    emit_bytes(a, &i);
}

void x86_push(x86_asm *a, x86_reg r) { push_pop(a, 0x50, r); }
void x86_pop(x86_asm *a, x86_reg r) { push_pop(a, 0x58, r); }

void x86_ret(x86_asm *a) { byte(a, 0xC3); }
void x86_cqo(x86_asm *a) { byte(a, 0x48); byte(a, 0x99); }
void x86_int3(x86_asm *a) { byte(a, 0xCC); }

/* --- finishing: branch relaxation ---------------------------------------- */

/* Bytes a jump saves in its rel8 form: jmp rel32 (E9, 5 bytes) becomes
 * EB rel8, jcc rel32 (0F 8x, 6 bytes) becomes 7x rel8. */
static int saving(const struct x86_fixup *f) { return f->kind == X86_JMP ? 3 : 4; }

/* Chooses the form of every jump in one pass, in order: REMOVED[k] = the
 * bytes saved by the short jumps before fixup k.  A backward jump's target
 * has its final place already; a forward one is shortened when its target
 * is near enough with every jump in between still long, so that no choice
 * made later can push it out of range. */
static void choose_forms(const x86_asm *a, bool *shortened, size_t *removed)
{
    removed[0] = 0;
    for (int k = 0; k < a->nfixups; k++) {
        const struct x86_fixup *f = &a->fixups[k];
        x86_label l = f->label;
        int64_t distance;
        if (a->label_fixups[l] > k) /* forward, from the end of the rel32 */
            distance = (int64_t)a->labels[l] - (int64_t)(f->at + 4);
        else /* backward, from the end of the short form */
            distance = ((int64_t)a->labels[l] - (int64_t)removed[a->label_fixups[l]]) -
                       ((int64_t)(f->at + 4 - removed[k]) - saving(f));
        shortened[k] = f->kind != X86_CALL && fits8(distance);
        removed[k + 1] = removed[k] + (shortened[k] ? (size_t)saving(f) : 0);
    }
}

/* Where LABEL ends up: label_fixups says which jumps come before it. */
static int64_t moved_label(const x86_asm *a, const size_t *removed, x86_label label)
{
    return (int64_t)a->labels[label] - (int64_t)removed[a->label_fixups[label]];
}

/* memcpy for the short runs between jumps: 16 bytes at a time, which both
 * buffers have room for past their ends. */
static inline void copy_run(uint8_t *to, const uint8_t *from, size_t n)
{
    for (size_t i = 0; i < n; i += 16)
        memcpy(to + i, from + i, 16);
}

/* Copies the code without the bytes that the short jumps save and writes
 * every jump's displacement (labels move when read: x86_label_offset). */
static bool relocate(x86_asm *a, const bool *shortened, const size_t *removed)
{
    size_t size = a->size - removed[a->nfixups];
    uint8_t *code = malloc(size + 16);
    if (code == NULL)
        return false;
    size_t from = 0, to = 0;
    for (int k = 0; k < a->nfixups; k++) {
        const struct x86_fixup *f = &a->fixups[k];
        size_t start = f->at - (f->kind == X86_JCC ? 2 : 1);
        copy_run(code + to, a->code + from, start - from);
        to += start - from;
        int64_t target = moved_label(a, removed, f->label);
        if (shortened[k]) {
            code[to] = f->kind == X86_JMP ? 0xEB : (uint8_t)(0x70 | (a->code[f->at - 1] & 0x0F));
            code[to + 1] = (uint8_t)(int8_t)(target - (int64_t)(to + 2));
            to += 2;
        } else {
            copy_run(code + to, a->code + start, f->at - start);
            to += f->at - start;
            uint32_t u = (uint32_t)(int32_t)(target - (int64_t)(to + 4));
            uint8_t b[4] = {u, u >> 8, u >> 16, u >> 24};
            memcpy(code + to, b, 4);
            to += 4;
        }
        from = f->at + 4;
    }
    memcpy(code + to, a->code + from, a->size - from);
    free(a->code);
    a->code = code;
    a->size = size;
    a->capacity = size + 16;
    return true;
}

bool x86_finish(x86_asm *a)
{
    if (!a->failed && !merge_sections(a))
        a->failed = true;
    for (int k = 0; k < a->nfixups && !a->failed; k++) {
        x86_label l = a->fixups[k].label;
        if (l < 0 || l >= a->nlabels || a->labels[l] < 0)
            a->failed = true;
    }
    if (a->failed)
        return false;
    if (a->size + 16 > a->capacity && !grow_code(a, 16)) /* (copy_run reads past the end) */
        return false;
    bool *shortened = malloc(sizeof(bool) * ((size_t)a->nfixups + 1));
    a->removed = malloc(sizeof(size_t) * ((size_t)a->nfixups + 1));
    if (shortened && a->removed) {
        choose_forms(a, shortened, a->removed);
        a->failed = !relocate(a, shortened, a->removed);
    } else {
        a->failed = true;
    }
    free(shortened);
    return !a->failed;
}

int32_t x86_label_offset(const x86_asm *a, x86_label label)
{
    if (label < 0 || label >= a->nlabels || a->labels[label] < 0)
        return -1;
    return a->removed ? (int32_t)moved_label(a, a->removed, label) : a->labels[label];
}
