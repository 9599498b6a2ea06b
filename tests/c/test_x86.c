/* Tests of the assembler (src/x86/asm.c): every encoding is checked against
 * what GNU objdump disassembles it to. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, popen */
#include "x86/asm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures, cases;

/* objdump's Intel-syntax text of the code, instructions joined by "; ". */
static void disassemble(const x86_asm *a, char *out, size_t outlen)
{
    char path[] = "/tmp/pyston-x86-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, a->code, a->size) != (ssize_t)a->size) {
        snprintf(out, outlen, "<cannot write %s>", path);
        return;
    }
    close(fd);
    char cmd[256];
    snprintf(cmd, sizeof cmd,
             "objdump -D -b binary -m i386:x86-64 -M intel %s", path);
    FILE *p = popen(cmd, "r");
    char line[512];
    out[0] = '\0';
    while (p && fgets(line, sizeof line, p)) {
        /* "   3:\t48 89 d8    \tmov    rax,rbx" */
        char *text = strchr(line, '\t');
        text = text ? strchr(text + 1, '\t') : NULL;
        if (!text)
            continue;
        text++;
        text[strcspn(text, "\n")] = '\0';
        if (out[0])
            strncat(out, "; ", outlen - strlen(out) - 1);
        /* squeeze the run of blanks after the mnemonic */
        for (char *s = text; *s; s++) {
            if (*s == ' ' && s[1] == ' ')
                continue;
            size_t n = strlen(out);
            if (n + 1 < outlen)
                out[n] = *s, out[n + 1] = '\0';
        }
    }
    if (p)
        pclose(p);
    unlink(path);
}

static void expect(x86_asm *a, const char *want, int line)
{
    char got[4096];
    cases++;
    if (!x86_finish(a)) {
        fprintf(stderr, "test_x86.c:%d: assembler failed, want '%s'\n", line, want);
        failures++;
    } else {
        disassemble(a, got, sizeof got);
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "test_x86.c:%d:\n  want '%s'\n  got  '%s'\n", line, want, got);
            failures++;
        }
    }
    x86_free(a);
}

#define CASE(want, ...)                    \
    do {                                   \
        x86_asm a_, *a = &a_;              \
        x86_init(a);                       \
        __VA_ARGS__;                       \
        expect(a, want, __LINE__);         \
    } while (0)

static void expect_failure(x86_asm *a, int line)
{
    cases++;
    if (x86_finish(a)) {
        fprintf(stderr, "test_x86.c:%d: expected the assembler to fail\n", line);
        failures++;
    }
    x86_free(a);
}

#define FAILS(...)                         \
    do {                                   \
        x86_asm a_, *a = &a_;              \
        x86_init(a);                       \
        __VA_ARGS__;                       \
        expect_failure(a, __LINE__);       \
    } while (0)

static void test_moves(void)
{
    CASE("mov rax,rbx", x86_mov_rr(a, X86_RAX, X86_RBX));
    CASE("mov r15,r8", x86_mov_rr(a, X86_R15, X86_R8));
    CASE("mov rax,QWORD PTR [rdi]", x86_mov_load(a, X86_RAX, x86_at(X86_RDI, 0)));
    CASE("mov r9,QWORD PTR [rsp+0x8]", x86_mov_load(a, X86_R9, x86_at(X86_RSP, 8)));
    CASE("mov rdx,QWORD PTR [r12]", x86_mov_load(a, X86_RDX, x86_at(X86_R12, 0)));
    CASE("mov rcx,QWORD PTR [rbp+0x0]", x86_mov_load(a, X86_RCX, x86_at(X86_RBP, 0)));
    CASE("mov rcx,QWORD PTR [r13+0x0]", x86_mov_load(a, X86_RCX, x86_at(X86_R13, 0)));
    CASE("mov rsi,QWORD PTR [rbx-0x80]", x86_mov_load(a, X86_RSI, x86_at(X86_RBX, -128)));
    CASE("mov rsi,QWORD PTR [rbx+0x80]", x86_mov_load(a, X86_RSI, x86_at(X86_RBX, 128)));
    CASE("mov rax,QWORD PTR [rbx+rcx*8+0x48]",
         x86_mov_load(a, X86_RAX, x86_at_index(X86_RBX, X86_RCX, 8, 0x48)));
    CASE("mov r10,QWORD PTR [r14+r15*2-0x100000]",
         x86_mov_load(a, X86_R10, x86_at_index(X86_R14, X86_R15, 2, -0x100000)));
    CASE("mov QWORD PTR [r12+0x10],rax", x86_mov_store(a, x86_at(X86_R12, 0x10), X86_RAX));
    CASE("mov QWORD PTR [rdi+0x8],0xffffffffffffffff", x86_mov_store_imm(a, x86_at(X86_RDI, 8), -1));
    CASE("mov eax,DWORD PTR [rdi+0x4]", x86_load32(a, X86_RAX, x86_at(X86_RDI, 4)));
    CASE("mov DWORD PTR [r8],r9d", x86_store32(a, x86_at(X86_R8, 0), X86_R9));
    CASE("movzx eax,BYTE PTR [rsi+0x1]", x86_movzx8(a, X86_RAX, x86_at(X86_RSI, 1)));
    CASE("movzx ecx,WORD PTR [r8+0xc]", x86_movzx16(a, X86_RCX, x86_at(X86_R8, 12)));
    CASE("cmp r9d,DWORD PTR [r8]", x86_alu32_rm(a, X86_CMP, X86_R9, x86_at(X86_R8, 0)));
    CASE("mov BYTE PTR [rdx-0x2],cl", x86_store8(a, x86_at(X86_RDX, -2), X86_RCX));
    CASE("mov BYTE PTR [rax+rcx*1-0x2],sil", x86_store8(a, x86_at_index(X86_RAX, X86_RCX, 1, -2), X86_RSI));
    CASE("mov BYTE PTR [r10],r9b", x86_store8(a, x86_at(X86_R10, 0), X86_R9));
    CASE("movsxd rax,eax", x86_movsxd(a, X86_RAX, X86_RAX));
    CASE("movsxd r9,r14d", x86_movsxd(a, X86_R9, X86_R14));
    CASE("lea rdi,[rsp+0x20]", x86_lea(a, X86_RDI, x86_at(X86_RSP, 0x20)));
    CASE("mov eax,0x0", x86_mov_imm(a, X86_RAX, 0));
    CASE("mov r11d,0xffffffff", x86_mov_imm(a, X86_R11, 0xffffffff));
    CASE("mov rdx,0xffffffffffffffff", x86_mov_imm(a, X86_RDX, -1));
    CASE("movabs rax,0x123456789abc", x86_mov_imm(a, X86_RAX, 0x123456789abcLL));
    CASE("movabs r12,0x1", x86_mov_imm64(a, X86_R12, 1));
}

static void test_arithmetic(void)
{
    CASE("add rax,rbx", x86_alu_rr(a, X86_ADD, X86_RAX, X86_RBX));
    CASE("sub r8,r9", x86_alu_rr(a, X86_SUB, X86_R8, X86_R9));
    CASE("cmp rdi,0x7f", x86_alu_ri(a, X86_CMP, X86_RDI, 127));
    CASE("and r15,0xffffffffffffff80", x86_alu_ri(a, X86_AND, X86_R15, -128));
    CASE("add rsp,0x1000", x86_alu_ri(a, X86_ADD, X86_RSP, 4096));
    CASE("or rax,QWORD PTR [rbx+0x8]", x86_alu_rm(a, X86_OR, X86_RAX, x86_at(X86_RBX, 8)));
    CASE("add QWORD PTR [rax],0x1", x86_alu_mi(a, X86_ADD, x86_at(X86_RAX, 0), 1));
    CASE("cmp QWORD PTR [r12+0x8],0x12345", x86_alu_mi(a, X86_CMP, x86_at(X86_R12, 8), 0x12345));
    CASE("sub DWORD PTR [r13+0x20],0x1", x86_alu32_mi(a, X86_SUB, x86_at(X86_R13, 0x20), 1));
    CASE("add DWORD PTR [rax],0x12345", x86_alu32_mi(a, X86_ADD, x86_at(X86_RAX, 0), 0x12345));
    CASE("cmp BYTE PTR [rbx],0x0", x86_cmp8_mi(a, x86_at(X86_RBX, 0), 0));
    CASE("test BYTE PTR [rax+0xa9],0x2", x86_test8_mi(a, x86_at(X86_RAX, 0xa9), 2));
    CASE("cmp BYTE PTR [r13+0x8],0x1", x86_cmp8_mi(a, x86_at(X86_R13, 8), 1));
    CASE("cmp DWORD PTR [rax],0x0", x86_alu32_mi(a, X86_CMP, x86_at(X86_RAX, 0), 0));
    CASE("cmp DWORD PTR ds:0xa648bc,0x0", x86_alu32_mi(a, X86_CMP, x86_abs(0xa648bc), 0));
    CASE("inc QWORD PTR ds:0x1234567", x86_inc_m(a, x86_abs(0x1234567)));
    CASE("mov rax,QWORD PTR ds:0x7ffffff0", x86_mov_load(a, X86_RAX, x86_abs(0x7ffffff0)));
    CASE("test rax,rax", x86_test_rr(a, X86_RAX, X86_RAX));
    CASE("test r9,rdx", x86_test_rr(a, X86_R9, X86_RDX));
    CASE("test eax,eax", x86_test32_rr(a, X86_RAX, X86_RAX));
    CASE("test r10d,esi", x86_test32_rr(a, X86_R10, X86_RSI));
    CASE("imul rcx,r10", x86_imul_rr(a, X86_RCX, X86_R10));
    CASE("mov rax,QWORD PTR fs:0xfffffffffffffff8", x86_load_fs(a, X86_RAX, -8));
    CASE("mov r9,QWORD PTR fs:0x10", x86_load_fs(a, X86_R9, 16));
    CASE("movsd xmm0,QWORD PTR [rax+0x10]", x86_movsd_load(a, 0, x86_at(X86_RAX, 16)));
    CASE("movsd xmm9,QWORD PTR [r12+0x10]", x86_movsd_load(a, 9, x86_at(X86_R12, 16)));
    CASE("movsd QWORD PTR [rsp+0x8],xmm1", x86_movsd_store(a, x86_at(X86_RSP, 8), 1));
    CASE("addsd xmm0,QWORD PTR [rcx+0x10]", x86_sse_rm(a, X86_ADDSD, 0, x86_at(X86_RCX, 16)));
    CASE("subsd xmm0,QWORD PTR [r13+0x0]", x86_sse_rm(a, X86_SUBSD, 0, x86_at(X86_R13, 0)));
    CASE("mulsd xmm2,QWORD PTR [rdx+0x10]", x86_sse_rm(a, X86_MULSD, 2, x86_at(X86_RDX, 16)));
    CASE("divsd xmm0,QWORD PTR [rcx+0x10]", x86_sse_rm(a, X86_DIVSD, 0, x86_at(X86_RCX, 16)));
    CASE("ucomisd xmm0,QWORD PTR [rcx+0x10]", x86_ucomisd(a, 0, x86_at(X86_RCX, 16)));
    CASE("shl rax,0x3", x86_shift_ri(a, X86_SHL, X86_RAX, 3));
    CASE("sar r11,0x3f", x86_shift_ri(a, X86_SAR, X86_R11, 63));
    CASE("shr rdx,0x1", x86_shift_ri(a, X86_SHR, X86_RDX, 1));
    CASE("shl r11,cl; sar rax,cl", x86_shift_cl(a, X86_SHL, X86_R11); x86_shift_cl(a, X86_SAR, X86_RAX));
    CASE("inc QWORD PTR [rdi]", x86_inc_m(a, x86_at(X86_RDI, 0)));
    CASE("dec QWORD PTR [r13+0x0]", x86_dec_m(a, x86_at(X86_R13, 0)));
    CASE("setl al; movzx eax,al", x86_setcc(a, X86_L, X86_RAX));
    CASE("sete sil; movzx esi,sil", x86_setcc(a, X86_E, X86_RSI));
    CASE("setg r9b; movzx r9d,r9b", x86_setcc(a, X86_G, X86_R9));
    CASE("cmovne rax,r8", x86_cmov(a, X86_NE, X86_RAX, X86_R8));
    CASE("cqo; idiv rcx; idiv r11", x86_cqo(a); x86_idiv_r(a, X86_RCX); x86_idiv_r(a, X86_R11));
}

static void test_control_flow(void)
{
    CASE("push rbp; push r15; pop r15; pop rbp; ret; int3",
         x86_push(a, X86_RBP); x86_push(a, X86_R15); x86_pop(a, X86_R15);
         x86_pop(a, X86_RBP); x86_ret(a); x86_int3(a));
    CASE("call rax; jmp r11", x86_call_r(a, X86_RAX); x86_jmp_r(a, X86_R11));
    CASE("call QWORD PTR ds:0x12345678; call QWORD PTR [r12+0x8]",
         x86_call_m(a, x86_abs(0x12345678)); x86_call_m(a, x86_at(X86_R12, 8)));
    CASE("call 0x6; ret; ret", /* a call to a label, then the jmp-dropping leaves it */
         x86_label l = x86_new_label(a); x86_call_label(a, l); x86_ret(a); x86_bind(a, l);
         x86_ret(a));
    CASE("movabs r11,0x1122334455667788; call r11",
         x86_mov_imm64(a, X86_R11, 0x1122334455667788ULL); x86_call_r(a, X86_R11));
    /* forward and backward jumps */
    CASE("jmp 0x5; jne 0x5; ret; ret", /* both short (rel8) */
         x86_label l = x86_new_label(a); x86_jmp(a, l); x86_jcc(a, X86_NE, l);
         x86_ret(a); x86_bind(a, l); x86_ret(a));
    CASE("ret; jmp 0x0; jle 0x0",
         x86_label l = x86_new_label(a); x86_bind(a, l); x86_ret(a);
         x86_jmp(a, l); x86_jcc(a, X86_LE, l));
    /* a jmp to the very next instruction is dropped, also when a label
     * was bound at the jmp (it now means the same place) */
    CASE("jne 0x2; ret",
         x86_label at_jmp = x86_new_label(a), next = x86_new_label(a);
         x86_jcc(a, X86_NE, at_jmp); x86_bind(a, at_jmp); x86_jmp(a, next);
         x86_bind(a, next); x86_ret(a));
    /* ...but not when something lands between the jmp and its label */
    CASE("jne 0x4; jmp 0x4; ret",
         x86_label after = x86_new_label(a), next = x86_new_label(a);
         x86_jcc(a, X86_NE, after); x86_jmp(a, next); x86_bind(a, after);
         x86_bind(a, next); x86_ret(a));
    CASE("jne 0x2; ret", /* a jcc to the next instruction stays */
         x86_label next = x86_new_label(a); x86_jcc(a, X86_NE, next); x86_bind(a, next);
         x86_ret(a));
}

/* NOPS one-byte instructions (int3) */
static void pad(x86_asm *a, int nops)
{
    for (int i = 0; i < nops; i++)
        x86_int3(a);
}

/* "int3; " N times */
static const char *int3s(int n)
{
    static char text[4096];
    text[0] = '\0';
    for (int i = 0; i < n; i++)
        strcat(text, "int3; ");
    return text;
}

static void test_relaxation(void)
{
    char want[4096];
    /* rel8 reaches 127 bytes forward from the jump's end; 128 needs rel32 */
    snprintf(want, sizeof want, "jmp 0x81; %sret", int3s(127));
    CASE(want, x86_label l = x86_new_label(a); x86_jmp(a, l); pad(a, 127); x86_bind(a, l);
         x86_ret(a));
    snprintf(want, sizeof want, "jmp 0x85; %sret", int3s(128));
    CASE(want, x86_label l = x86_new_label(a); x86_jmp(a, l); pad(a, 128); x86_bind(a, l);
         x86_ret(a));
    /* backwards: -128 from the end of a short jcc, which is 2 bytes long
     * (the call's target shows where the jcc ends) */
    snprintf(want, sizeof want, "%sje 0x0; call 0x85; ret", int3s(126));
    CASE(want, x86_label l = x86_new_label(a), end = x86_new_label(a); x86_bind(a, l);
         pad(a, 126); x86_jcc(a, X86_E, l); x86_call_label(a, end); x86_bind(a, end);
         x86_ret(a));
    snprintf(want, sizeof want, "%sje 0x0; call 0x8a; ret", int3s(127));
    CASE(want, x86_label l = x86_new_label(a), end = x86_new_label(a); x86_bind(a, l);
         pad(a, 127); x86_jcc(a, X86_E, l); x86_call_label(a, end); x86_bind(a, end);
         x86_ret(a));
    /* a forward jump is judged with the jumps after it still long: the
     * first one here would fit once the second is short, but stays long */
    snprintf(want, sizeof want, "jmp 0x84; jmp 0x84; %sret", int3s(125));
    CASE(want, x86_label l = x86_new_label(a); x86_jmp(a, l); x86_jmp(a, l); pad(a, 125);
         x86_bind(a, l); x86_ret(a));
    /* a backward jump sees the short jumps before it */
    snprintf(want, sizeof want, "jmp 0x4; %sret; jmp 0x0; call 0x83; ret", int3s(121));
    CASE(want, x86_label start = x86_new_label(a), l = x86_new_label(a), end = x86_new_label(a);
         x86_bind(a, start); x86_jmp(a, l); pad(a, 2); x86_bind(a, l); pad(a, 119); x86_ret(a);
         x86_jmp(a, start); x86_call_label(a, end); x86_bind(a, end); x86_ret(a));
    /* calls keep their rel32; labels after the jumps move with the code */
    CASE("call 0x8; jmp 0x8; int3; ret",
         x86_label l = x86_new_label(a); x86_call_label(a, l); x86_jmp(a, l); x86_int3(a);
         x86_bind(a, l); x86_ret(a));
}

static void test_sections(void)
{
    /* cold code lands after all the hot code; jumps cross both ways and
     * are shortened where they reach */
    CASE("jne 0x4; ret; int3; jmp 0x2",
         x86_label cold = x86_new_label(a), back = x86_new_label(a);
         x86_jcc(a, X86_NE, cold); x86_section(a, true); x86_bind(a, cold);
         x86_jmp(a, back); x86_section(a, false); x86_bind(a, back); x86_ret(a);
         x86_int3(a));
    /* a label bound in the cold section keeps its place among the jumps
     * before it; a backward jump inside the cold code */
    CASE("call 0x8; jmp 0x8; ret; ret; jmp 0x8",
         x86_label l = x86_new_label(a); x86_call_label(a, l); x86_section(a, true);
         x86_bind(a, l); x86_ret(a); x86_jmp(a, l); x86_section(a, false);
         x86_jmp(a, l); x86_ret(a));
    /* two cold runs keep their order; the hot code after them stays hot */
    CASE("int3; ret; push rax; push rcx",
         x86_section(a, true); x86_push(a, X86_RAX); x86_section(a, false); x86_int3(a);
         x86_section(a, true); x86_push(a, X86_RCX); x86_section(a, false); x86_ret(a));
    /* a label bound in a cold section that stays empty means the end */
    CASE("jmp 0x4; int3; ret",
         x86_label end = x86_new_label(a); x86_section(a, true); x86_bind(a, end);
         x86_section(a, false); x86_jmp(a, end); x86_int3(a); x86_ret(a));
    /* a jump far across the hot code keeps its rel32 */
    char want[4096];
    snprintf(want, sizeof want, "jmp 0x85; %sret", int3s(128));
    CASE(want, x86_label l = x86_new_label(a); x86_jmp(a, l); x86_section(a, true);
         x86_bind(a, l); x86_ret(a); x86_section(a, false); pad(a, 128));
}

static void test_patching(void)
{
    x86_asm a;
    x86_init(&a);
    size_t at = x86_mov_imm64(&a, X86_RAX, 0);
    x86_call_r(&a, X86_RAX);
    uint64_t target = 0xdeadbeefcafeULL;
    memcpy(a.code + at, &target, 8);
    expect(&a, "movabs rax,0xdeadbeefcafe; call rax", __LINE__);
}

static void test_errors(void)
{
    FAILS(x86_label l = x86_new_label(a); x86_jmp(a, l)); /* never bound */
    FAILS(x86_label l = x86_new_label(a); x86_bind(a, l); x86_bind(a, l));
    FAILS(x86_mov_load(a, X86_RAX, x86_at_index(X86_RBX, X86_RSP, 1, 0)));
    FAILS(x86_mov_load(a, X86_RAX, x86_at_index(X86_RBX, X86_RCX, 3, 0)));
    FAILS(x86_mov_load(a, X86_RAX, x86_at_index(X86_NOREG, X86_RCX, 8, 0))); /* (only [disp32]) */
}

/* objdump shows a redundant REX prefix as nothing: the sizes catch it. */
static void test_shortest_forms(void)
{
    static const struct { int size; const char *what; } want[] = {
        {7, "call [abs32]"}, {8, "cmp dword [abs32], 0"}, {8, "inc qword [abs32]"},
    };
    for (int k = 0; k < 3; k++) {
        x86_asm a;
        x86_init(&a);
        if (k == 0)
            x86_call_m(&a, x86_abs(0x12345678));
        else if (k == 1)
            x86_alu32_mi(&a, X86_CMP, x86_abs(0x12345678), 0);
        else
            x86_inc_m(&a, x86_abs(0x12345678));
        cases++;
        if (!x86_finish(&a) || (int)a.size != want[k].size) {
            fprintf(stderr, "test_x86.c: %s takes %zu bytes, want %d\n", want[k].what, a.size,
                    want[k].size);
            failures++;
        }
        x86_free(&a);
    }
}

int main(void)
{
    test_shortest_forms();
    test_moves();
    test_arithmetic();
    test_control_flow();
    test_relaxation();
    test_sections();
    test_patching();
    test_errors();
    printf("test_x86: %d cases, %s\n", cases, failures ? "FAILED" : "ok");
    return failures != 0;
}
