/* Memory in the low 2 GiB of the address space, which machine code
 * reaches with a 32-bit absolute operand ([disp32]) instead of loading a
 * 64-bit address into a register first: the far-call table and the
 * counters compiled code bumps.  This extension is loaded high, so its
 * own functions and data are out of that reach. */
#ifndef PYSTON_LOWMEM_H
#define PYSTON_LOWMEM_H

#include <stddef.h>

/* SIZE zeroed bytes, 16-aligned, never freed; NULL when the low 2 GiB
 * have no room (the caller then does without). */
void *pyston_lowmem_alloc(size_t size);

/* A word in low memory that holds FN, for call [slot]: 7 bytes, no
 * register, where a 64-bit address takes movabs + call (12).  The same
 * slot for the same FN; NULL when the table is full or has no memory. */
void *const *pyston_far_slot(const void *fn);

#endif
