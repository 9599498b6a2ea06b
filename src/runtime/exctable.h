/* Reading a code object's exception table (co_exceptiontable; the format
 * is in CPython's Objects/exception_handling_notes.txt). */
#ifndef PYSTON_RUNTIME_EXCTABLE_H
#define PYSTON_RUNTIME_EXCTABLE_H

#include "cpython.h"

/* Instructions [start, start + size) (code units) go to the handler at
 * TARGET with the stack cut to DEPTH entries, plus the lasti if LASTI. */
typedef struct {
    int start, size, target, depth, lasti;
} pyston_exc_entry;

typedef struct {
    unsigned char *scan, *end;
} pyston_exc_table;

static inline pyston_exc_table pyston_exc_table_of(PyCodeObject *co)
{
    unsigned char *start = (unsigned char *)PyBytes_AS_STRING(co->co_exceptiontable);
    return (pyston_exc_table){start, start + PyBytes_GET_SIZE(co->co_exceptiontable)};
}

/* The next entry, in order of START; false at the end of the table. */
static inline bool pyston_exc_next(pyston_exc_table *t, pyston_exc_entry *e)
{
    if (t->scan >= t->end)
        return false;
    int depth_lasti;
    t->scan = parse_varint(t->scan, &e->start);
    t->scan = parse_varint(t->scan, &e->size);
    t->scan = parse_varint(t->scan, &e->target);
    t->scan = parse_varint(t->scan, &depth_lasti);
    e->depth = depth_lasti >> 1;
    e->lasti = depth_lasti & 1;
    return true;
}

#endif
