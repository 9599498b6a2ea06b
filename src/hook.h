/* The PEP 523 eval-frame hook: where every Python frame evaluation passes,
 * and the per-code-object record that says whether a code object has
 * machine code. */
#ifndef PYSTON_HOOK_H
#define PYSTON_HOOK_H

#include "bjit/compile.h"

/* Installs the hook on the current interpreter; 0 on success, -1 with an
 * exception set if another frame evaluator is already installed. */
int pyston_hook_install(void);
void pyston_hook_remove(void);
int pyston_hook_installed(void);
PyObject *pyston_eval_frame(PyThreadState *ts, _PyInterpreterFrame *frame, int throwflag);

/* What the JIT keeps per code object, in its co_extra slot.  Every direct
 * call reads the first cache line (the record is allocated on one): what
 * the call needs comes first. */
typedef struct pyston_jitcode {
    pyston_compiled compiled; /* .entry is NULL until compiled */
    /* For calls that compiled code makes inline (src/bjit/fast_call.c):
     * how many positional arguments the code binds in the simple way
     * (-1: never inline), and its frame's size in words. */
    int32_t direct_nargs, frame_words;
    /* Frames compiled code entered by its direct call (fast_call.c), for
     * pyston.stats(): counted per callee, since one global counter would
     * chain every call through a single memory location. */
    uint64_t direct_calls;
    uint32_t calls;
    bool has_loop; /* compiled at the first call, whatever the threshold */
    bool failed;   /* cannot be compiled: the interpreter runs it */
    /* (the second line) */
    uint64_t hooked_calls; /* frames the eval-frame hook entered */
    bool made_mega_entries; /* its sites filled the megamorphic table (ic/attr.c) */
    struct pyston_jitcode *prev, *next; /* all of them (pyston_drain_counters) */
    const PyCodeObject *code; /* whose record this is (not a reference) */
} pyston_jitcode;

_Static_assert(offsetof(pyston_jitcode, hooked_calls) <= 64, "a direct call reads one line");

extern Py_ssize_t pyston_extra_index;

/* The layout of co->co_extra: mirrors _PyCodeObjectExtra, which is private
 * to Objects/codeobject.c.  Reading it directly saves _PyCode_GetExtra's
 * checks on every call. */
typedef struct {
    Py_ssize_t ce_size;
    void *ce_extras[1];
} pyston_code_extra;

static inline pyston_jitcode *pyston_peek_jitcode(PyCodeObject *co)
{
    pyston_code_extra *extra = co->co_extra;
    return extra && pyston_extra_index < extra->ce_size
               ? extra->ce_extras[pyston_extra_index]
               : NULL;
}

/* Every Python call from compiled code recurses on the C stack (the hook
 * turns off the interpreter's inlined calls), so a recursion limit raised
 * far enough, or a thread with a small stack, would overflow it.  Below
 * the floor (a margin above the end of the thread's stack), a call raises
 * RecursionError instead of crashing.  Initial-exec TLS: one load, no
 * __tls_get_addr, on every call. */
extern _Thread_local uintptr_t pyston_stack_floor
    __attribute__((tls_model("initial-exec")));
uintptr_t pyston_find_stack_floor(void);

static inline bool pyston_c_stack_nearly_full(void)
{
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (pyston_stack_floor == 0)
        pyston_stack_floor = pyston_find_stack_floor();
    return here < pyston_stack_floor;
}

/* The result of every frame compiled code ran: a test build with planted
 * bugs (tests/reliability/planted_bugs.h) corrupts it here. */
#ifdef PYSTON_PLANT_BUGS
PyObject *pyston_planted_after_frame(PyObject *res);
#define PYSTON_AFTER_FRAME(res) pyston_planted_after_frame(res)
#else
#define PYSTON_AFTER_FRAME(res) (res)
#endif

#endif
