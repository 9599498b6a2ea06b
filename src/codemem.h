/* Executable memory for compiled code, packed into chunks.  A page is
 * never writable and executable at once (W^X): the pages new code goes
 * into are writable only while it is copied in. */
#ifndef PYSTON_CODEMEM_H
#define PYSTON_CODEMEM_H

#include <stddef.h>
#include <stdint.h>

/* Copies SIZE bytes of machine code into new executable memory; NULL if
 * the JIT's memory cap would be exceeded or the mapping fails. */
void *pyston_codemem_install(const uint8_t *code, size_t size);
void pyston_codemem_release(void *code, size_t size);

/* Appends "START SIZE NAME" to /tmp/perf-PID.map, the file perf(1) reads
 * to name code it finds no symbols for. */
void pyston_perf_map_add(const void *code, size_t size, const char *name);

/* Bytes of code memory the JIT may hold (PYSTON_JIT_MEMORY_LIMIT). */
extern size_t pyston_codemem_limit;
extern size_t pyston_codemem_used;

#endif
