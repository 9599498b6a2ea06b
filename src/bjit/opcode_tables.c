/* CPython's opcode tables (_PyOpcode_Deopt, _PyOpcode_Caches), which the
 * interpreter keeps private: pycore_opcode.h defines them in the one file
 * that asks for them. */
#define NEED_OPCODE_TABLES
#include "cpython.h"
