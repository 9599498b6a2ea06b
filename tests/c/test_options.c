/* Unit tests of the option parser (src/options.c). */
#include "options.h"

#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__,         \
                    __LINE__, #cond);                                      \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static const char *env_names[4], *env_values[4];

static const char *fake_getenv(const char *name)
{
    for (int i = 0; env_names[i]; i++)
        if (strcmp(env_names[i], name) == 0)
            return env_values[i];
    return NULL;
}

static const pyston_option_spec *spec_named(const char *env)
{
    for (size_t i = 0; i < pyston_option_count; i++)
        if (strcmp(pyston_option_table[i].env, env) == 0)
            return &pyston_option_table[i];
    return NULL;
}

static void test_parse(void)
{
    const pyston_option_spec *threshold = spec_named("PYSTON_JIT_THRESHOLD");
    char err[200];
    long v = -7;
    CHECK(threshold != NULL);
    CHECK(pyston_option_parse(threshold, "0", &v, err, sizeof err) == 0 && v == 0);
    CHECK(pyston_option_parse(threshold, "2147483647", &v, err, sizeof err) == 0);
    const char *bad[] = {"-1", "", " 5", "5 ", "+5", "1e3", "abc", "2147483648",
                         "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        CHECK(pyston_option_parse(threshold, bad[i], &v, err, sizeof err) < 0);
        CHECK(strstr(err, "PYSTON_JIT_THRESHOLD") != NULL);
    }
    const pyston_option_spec *jit = spec_named("PYSTON_JIT");
    CHECK(pyston_option_parse(jit, "1", &v, err, sizeof err) == 0 && v == 1);
    CHECK(pyston_option_parse(jit, "2", &v, err, sizeof err) < 0);
}

static void test_load(void)
{
    pyston_options opts;
    char err[200];
    pyston_options_set_defaults(&opts);
    CHECK(opts.jit == 1 && opts.threshold == PYSTON_DEFAULT_THRESHOLD && opts.stats == 0);

    env_names[0] = "PYSTON_JIT_THRESHOLD", env_values[0] = "0";
    env_names[1] = "PYSTON_STATS", env_values[1] = "1";
    env_names[2] = "PYSTON_JIT", env_values[2] = ""; /* empty: unset */
    CHECK(pyston_options_load(&opts, fake_getenv, err, sizeof err) == 0);
    CHECK(opts.threshold == 0 && opts.stats == 1 && opts.jit == 1);

    env_values[2] = "yes";
    CHECK(pyston_options_load(&opts, fake_getenv, err, sizeof err) < 0);
    CHECK(strcmp(err, "PYSTON_JIT must be 0 or 1, not 'yes'") == 0);
}

int main(void)
{
    test_parse();
    test_load();
    printf("test_options: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}
