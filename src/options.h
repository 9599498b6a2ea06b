/* Options read from PYSTON_* environment variables and pyston.configure(). */
#ifndef PYSTON_OPTIONS_H
#define PYSTON_OPTIONS_H

#include <stddef.h>

/* Calls a function must receive before it is compiled; 0 compiles at the
 * first call.  Why 100: see docs/options.md. */
#define PYSTON_DEFAULT_THRESHOLD 100

typedef struct {
    long jit;       /* PYSTON_JIT: 0 turns the JIT off for good */
    long threshold; /* PYSTON_JIT_THRESHOLD */
    long stats;     /* PYSTON_STATS: print the stats to stderr at exit */
    long perf_map;  /* PYSTON_PERF_MAP: name compiled code in /tmp/perf-PID.map */
    long dump_asm;  /* PYSTON_DUMP_ASM: disassemble compiled code to stderr */
} pyston_options;

/* One row of the option table: an environment variable and its range. */
typedef struct {
    const char *env;
    const char *key; /* the keyword of pyston.configure() */
    size_t offset;   /* of the long field in pyston_options */
    long min, max;
    const char *expected; /* words for the error message */
} pyston_option_spec;

extern const pyston_option_spec pyston_option_table[];
extern const size_t pyston_option_count;

extern pyston_options pyston_opts;

void pyston_options_set_defaults(pyston_options *opts);

static inline long *pyston_option_field(pyston_options *opts,
                                        const pyston_option_spec *spec)
{
    return (long *)((char *)opts + spec->offset);
}

/* Parses TEXT as the value of SPEC.  Returns 0 and stores it in *OUT, or
 * returns -1 and writes a message naming the variable into ERR. */
int pyston_option_parse(const pyston_option_spec *spec, const char *text,
                        long *out, char *err, size_t errlen);

/* Reads every option from the environment through GETENV.  Unset or empty
 * variables keep their defaults, as CPython does for PYTHON* variables. */
int pyston_options_load(pyston_options *opts,
                        const char *(*getenv_fn)(const char *), char *err,
                        size_t errlen);

#endif
