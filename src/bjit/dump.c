/* The disassembly dump: GNU objdump does the decoding (binutils is one of
 * the set-up packages); this file interleaves bytecode markers. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, popen */
#include "bjit/dump.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats.h"

static void print_marker(int unit, const uint8_t *ops, const int *args)
{
    fprintf(stderr, "    ; %4d  %-24s %d\n", 2 * unit, pyston_opcode_name(ops[unit]), args[unit]);
}

void pyston_dump_asm(const uint8_t *code, size_t size, int ncode, const int32_t *offsets,
                     const uint8_t *ops, const int *args, const pyston_dump_section *sections,
                     int nsections)
{
    char path[] = "/tmp/pyston-dump-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return;
    FILE *p = NULL;
    if (write(fd, code, size) == (ssize_t)size) {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "objdump -D -b binary -m i386:x86-64 -M intel %s", path);
        p = popen(cmd, "r");
    }
    close(fd);
    char line[512];
    int unit = 0;
    while (p && fgets(line, sizeof line, p)) {
        char *end;
        long address = strtol(line, &end, 16);
        if (end == line || *end != ':')
            continue; /* objdump's headers */
        for (; unit < ncode && (offsets[unit] < 0 || offsets[unit] <= address); unit++)
            if (offsets[unit] >= 0)
                print_marker(unit, ops, args);
        for (; nsections > 0 && sections->offset <= address; sections++, nsections--)
            fprintf(stderr, "    ; -- %s\n", sections->name);
        fputs(line, stderr);
    }
    if (p)
        pclose(p);
    unlink(path);
}
