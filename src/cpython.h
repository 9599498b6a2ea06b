/* CPython with its internal headers: the layouts of _PyInterpreterFrame,
 * PyInterpreterState and the opcode tables.  Only PyAPI_FUNC symbols can
 * be linked (see ../shared/ARCHITECTURE.md); the internal headers are used
 * for struct layouts and static inline helpers only. */
#ifndef PYSTON_CPYTHON_H
#define PYSTON_CPYTHON_H

#ifndef Py_BUILD_CORE
#define Py_BUILD_CORE 1
#endif
#include <Python.h>
#include <internal/pycore_code.h>
#include <internal/pycore_frame.h>
#include <internal/pycore_interp.h>
#include <internal/pycore_opcode.h>
#include <opcode.h>

#endif
