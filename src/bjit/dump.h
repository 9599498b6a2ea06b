/* PYSTON_DUMP_ASM=1: the disassembly of each compiled function on stderr,
 * annotated with the bytecode instruction each piece of code comes from. */
#ifndef PYSTON_BJIT_DUMP_H
#define PYSTON_BJIT_DUMP_H

#include "cpython.h"

/* The disassembly of CODE.  OFFSETS[i] (i < NCODE): where the code of the
 * instruction at code unit I starts, or -1; OPS[i]/ARGS[i]: its opcode and
 * argument.  SECTIONS: the parts of the code after the body (slow paths,
 * routines, exits), in order. */
typedef struct {
    int32_t offset;
    const char *name;
} pyston_dump_section;

void pyston_dump_asm(const uint8_t *code, size_t size, int ncode, const int32_t *offsets,
                     const uint8_t *ops, const int *args, const pyston_dump_section *sections,
                     int nsections);

#endif
