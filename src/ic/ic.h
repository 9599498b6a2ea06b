/* Inline caches: one per instruction site, in a block that lives as long
 * as the compiled code (pyston_compiled.caches).  Each cached helper takes
 * its site's cache; on a hit it skips the lookup, on a miss it runs the
 * generic helper (src/runtime/ops.c) and fills the cache for next time.
 *
 * Caches hold borrowed pointers only, made safe by the versions CPython
 * keeps: a type's tp_version_tag changes whenever the type or a base is
 * modified (PyType_Modified), a dict's ma_version_tag whenever the dict is.
 * Version numbers are never reused, so a matching version also proves the
 * object is the one the cache saw.
 *
 * The caches double as type feedback for the optimizing tier; what each
 * one records is described in docs/inline-caches.md. */
#ifndef PYSTON_IC_H
#define PYSTON_IC_H

#include "cpython.h"

/* LOAD_GLOBAL: the value, valid while neither dict has changed.  A site
 * the interpreter specialized as LOAD_GLOBAL_MODULE before the compile is
 * GLOBALS_ONLY: its cache takes only values found in the globals, which
 * stay valid while the globals alone are unchanged (they shadow the
 * builtins), and its compiled code checks only their version. */
typedef struct {
    uint64_t globals_version, builtins_version; /* 0: empty */
    PyObject *value;
    bool globals_only;
} pyston_global_cache;

/* Mirrors propertyobject (Objects/descrobject.c), which is private. */
typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;
} property_layout;

/* Mirrors superobject (Objects/typeobject.c), which is private. */
typedef struct {
    PyObject_HEAD
    PyTypeObject *type;     /* the class the lookup starts after */
    PyObject *obj;
    PyTypeObject *obj_type; /* the starting type, whose MRO is walked */
} super_layout;

/* How an attribute site found its attribute on objects of one type. */
typedef enum {
    PYSTON_ATTR_EMPTY,
    PYSTON_ATTR_INSTANCE_VALUE, /* an instance attribute: inline values[.index],
                                 * or the instance's dict */
    PYSTON_ATTR_SLOT,           /* a __slots__ member, at byte offset .index */
    PYSTON_ATTR_PROPERTY,       /* property .descr: calls its fget */
    PYSTON_ATTR_CLASS_VALUE,    /* .descr, a class attribute (no __get__) */
    PYSTON_ATTR_METHOD,         /* .descr, a method (LOAD_METHOD: [meth, self]) */
    PYSTON_ATTR_TYPE_VALUE,     /* obj is a class; .descr found in it */
    PYSTON_ATTR_DICT_VALUE,     /* an instance attribute not among the shared
                                 * keys: the instance's dict */
    PYSTON_ATTR_DATA_DESCR,     /* .descr's __get__ (a data descriptor) */
    PYSTON_ATTR_NONDATA_DESCR,  /* the instance's attribute, else .descr's __get__ */
    PYSTON_ATTR_TYPE_DESCR,     /* obj is a class; .descr found in it, through
                                 * its __get__(None, obj) (a classmethod, ...) */
    PYSTON_ATTR_SUPER,          /* obj is a super object for .type whose
                                 * starting type has .start_version; .descr,
                                 * through its __get__ if any */
} pyston_attr_kind;

/* How a hit learns whether the instance has an attribute of the name
 * itself (which would shadow a class attribute, a method, a non-data
 * descriptor). */
typedef enum {
    PYSTON_SHADOW_NONE,  /* the type has no instance dict: it cannot */
    PYSTON_SHADOW_KEYS,  /* no while the inline values' shared keys are .keys
                          * with .nentries entries (they only grow) */
    PYSTON_SHADOW_CHECK, /* values[.index], or a look in the instance's dict */
} pyston_shadow;

#define PYSTON_NO_INDEX 0xFFFF

typedef struct {
    uint32_t type_version; /* of the object's type (of obj itself for TYPE_VALUE) */
    /* of .descr's type, when that type is mutable (a __get__ or __set__
     * added to it changes how .descr behaves); 0 otherwise */
    uint32_t descr_version;
    uint8_t kind;
    uint8_t shadow;
    uint16_t index;        /* the name's shared-key index, PYSTON_NO_INDEX, or
                            * a slot's offset */
    /* INSTANCE_VALUE and DICT_VALUE: where the name was last found among
     * the entries of an instance's own (combined) dict, as the hint of
     * LOAD_ATTR_WITH_HINT; compiled code checks the key there */
    uint32_t dict_hint;
    union {
        Py_ssize_t nentries;
        Py_ssize_t start_version; /* SUPER: the starting type's */
    };
    PyDictKeysObject *keys;
    PyObject *descr;
    PyTypeObject *type; /* feedback: valid while type_version matches */
} pyston_attr_entry;

#define PYSTON_ATTR_WAYS 8 /* entries per site; more types: megamorphic */

/* LOAD_ATTR, LOAD_METHOD, STORE_ATTR. */
typedef struct {
    pyston_attr_entry entry[PYSTON_ATTR_WAYS];
    uint64_t module_version; /* a module attribute: its dict's version */
    PyObject *module_value;
    uint16_t misses;
    bool megamorphic; /* too many types: the generic helper only */
} pyston_attr_cache;

/* Operand classes that arithmetic, comparison and subscript sites saw. */
enum {
    PYSTON_SEEN_INT = 1,     /* exact int that fits a machine word */
    PYSTON_SEEN_BIGINT = 2,  /* any other exact int */
    PYSTON_SEEN_FLOAT = 4,
    PYSTON_SEEN_STR = 8,
    PYSTON_SEEN_LIST = 16,
    PYSTON_SEEN_TUPLE = 32,
    PYSTON_SEEN_DICT = 64,
    PYSTON_SEEN_OTHER = 128,
};

/* BINARY_OP, BINARY_SUBSCR. */
typedef struct {
    uint8_t lhs_seen, rhs_seen;
} pyston_operand_feedback;

/* BINARY_OP: the feedback, and the operator method of the Python class of
 * the left operands the site saw (python_dunder in arith.c), which
 * compiled code calls directly while the class's version is .version
 * (the right operand of the same class, or an exact int or float). */
typedef struct {
    pyston_operand_feedback seen; /* (first: record() takes either) */
    uint8_t oparg;
    uint32_t version; /* 0: none */
    PyObject *function; /* borrowed: valid while the version matches */
} pyston_binary_cache;

/* The cached helpers (pyston_op_fn). */
#define PYSTON_IC_HELPER(name)                                                             \
    int pyston_ic_##name(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg, \
                         void *cache)
PYSTON_IC_HELPER(LOAD_GLOBAL);
PYSTON_IC_HELPER(LOAD_ATTR);
PYSTON_IC_HELPER(LOAD_METHOD);
PYSTON_IC_HELPER(STORE_ATTR);
PYSTON_IC_HELPER(BINARY_OP);
PYSTON_IC_HELPER(BINARY_SUBSCR);

/* The operator method (the cache's) returned NotImplemented (RESULT,
 * consumed): the rest of binary_op (the right operand's slot, then
 * binop_type_error's TypeError); returns the result or NULL. */
PyObject *pyston_binary_not_implemented(const pyston_binary_cache *cache, PyObject *lhs,
                                        PyObject *rhs, PyObject *result);

/* int's own slot for BINARY_OP's operator OPARG (in-place ones too, as int
 * has no in-place slots), NULL for one it lacks: what PyNumber_Add and the
 * rest call for two exact ints, which never return NotImplemented. */
binaryfunc pyston_exact_int_slot(int oparg);

/* BINARY_SUBSCR_DICT's error: PyDict_GetItemWithError found no KEY
 * (KeyError, unless the lookup itself raised); returns -1. */
int pyston_dict_key_missing(PyObject *key);

/* CODE is being destroyed: the megamorphic table's entries that its sites
 * made go (src/ic/attr.c). */
void pyston_attr_forget_code(const void *code);

/* BINARY_OP (+, +=) + STORE_FAST on strs: see arith.c. */
int pyston_unicode_append_local(PyObject **local, PyObject *left, PyObject *right, int owned);

#endif
