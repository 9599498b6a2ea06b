/* Counters behind pyston.stats() and PYSTON_STATS=1.  They are updated with
 * the GIL held, so plain integers suffice. */
#ifndef PYSTON_STATS_H
#define PYSTON_STATS_H

#include <Python.h>
#include <stdint.h>

/* Why compiled code handed a frame to the interpreter mid-function.
 * X(enum-suffix, name shown in bailouts_by_reason) */
#define PYSTON_BAILOUT_REASONS(X) \
    X(UNSUPPORTED_OPCODE, "unsupported_opcode") \
    X(EXCEPTION, "exception") \
    X(TRACING, "tracing") \
    X(RESUME, "unknown_resume_point")

typedef enum {
#define PYSTON_BAILOUT_ENUM(id, name) PYSTON_BAILOUT_##id,
    PYSTON_BAILOUT_REASONS(PYSTON_BAILOUT_ENUM)
#undef PYSTON_BAILOUT_ENUM
    PYSTON_BAILOUT_REASON_COUNT
} pyston_bailout_reason;

typedef struct {
    uint64_t functions_compiled;
    /* Frame evaluations that ran compiled code, entered through the hook;
     * pyston.stats()["frames_jit"] adds direct_calls (counted once, to keep
     * the direct call one instruction shorter).  These two and ic_hits are
     * counted per code object and per cache site, and added here by
     * pyston_drain_counters. */
    uint64_t frames_jit_hooked;
    uint64_t frames_interp; /* frame evaluations handed to CPython */
    uint64_t direct_calls;  /* frames_jit entered from compiled code directly */
    uint64_t bailouts;      /* exits to the interpreter mid-function */
    uint64_t ic_hits;       /* attribute and global loads answered by a cache */
    uint64_t ic_misses;     /* ... and those that took the generic path */
    uint64_t code_bytes;
    double compile_seconds;
    uint64_t bailouts_by_reason[PYSTON_BAILOUT_REASON_COUNT];
    uint64_t unsupported_by_opcode[256]; /* the unsupported_opcode bailouts */
} pyston_stats;

/* The counters live in low memory (lowmem.h) once pyston_stats_init has
 * run, so that compiled code bumps them with one instruction. */
extern pyston_stats *pyston_stat_at;
#define pyston_stat (*pyston_stat_at)

/* Reads the opcode names that bailouts_by_reason shows. */
void pyston_stats_init(void);
const char *pyston_opcode_name(int opcode);

/* Adds the counts that compiled code keeps where it counts (per callee,
 * per cache site: src/hook.c) to pyston_stat, and zeroes them. */
void pyston_drain_counters(void);

/* A new dict with every counter: the value of pyston.stats(). */
PyObject *pyston_stats_as_dict(void);

/* Prints the counters to stderr.  It runs from Py_AtExit, after the
 * interpreter is gone, so it must not touch Python objects. */
void pyston_stats_print(void);

#endif
