/* The option table and its parser.  Pure C, no Python: unit-tested alone. */
#include "options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#define FIELD(name) offsetof(pyston_options, name)

const pyston_option_spec pyston_option_table[] = {
    {"PYSTON_JIT", "jit", FIELD(jit), 0, 1, "0 or 1"},
    {"PYSTON_JIT_THRESHOLD", "threshold", FIELD(threshold), 0, INT_MAX,
     "an integer from 0 to 2147483647"},
    {"PYSTON_STATS", "stats", FIELD(stats), 0, 1, "0 or 1"},
    {"PYSTON_PERF_MAP", "perf_map", FIELD(perf_map), 0, 1, "0 or 1"},
    {"PYSTON_DUMP_ASM", "dump_asm", FIELD(dump_asm), 0, 1, "0 or 1"},
};
const size_t pyston_option_count =
    sizeof pyston_option_table / sizeof pyston_option_table[0];

pyston_options pyston_opts;

void pyston_options_set_defaults(pyston_options *opts)
{
    opts->jit = 1;
    opts->threshold = PYSTON_DEFAULT_THRESHOLD;
    opts->stats = 0;
    opts->perf_map = 0;
    opts->dump_asm = 0;
}

int pyston_option_parse(const pyston_option_spec *spec, const char *text,
                        long *out, char *err, size_t errlen)
{
    char *end;
    errno = 0;
    long value = strtol(text, &end, 10);
    /* strtol accepts leading blanks; a value must be digits only. */
    int ok = text[0] >= '0' && text[0] <= '9' && *end == '\0' && errno == 0 &&
             value >= spec->min && value <= spec->max;
    if (!ok) {
        snprintf(err, errlen, "%s must be %s, not '%s'", spec->env,
                 spec->expected, text);
        return -1;
    }
    *out = value;
    return 0;
}

int pyston_options_load(pyston_options *opts,
                        const char *(*getenv_fn)(const char *), char *err,
                        size_t errlen)
{
    for (size_t i = 0; i < pyston_option_count; i++) {
        const pyston_option_spec *spec = &pyston_option_table[i];
        const char *text = getenv_fn(spec->env);
        if (text == NULL || text[0] == '\0')
            continue;
        if (pyston_option_parse(spec, text, pyston_option_field(opts, spec),
                                err, errlen) < 0)
            return -1;
    }
    return 0;
}
