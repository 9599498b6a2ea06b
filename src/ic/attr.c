/* LOAD_ATTR, LOAD_METHOD and STORE_ATTR with polymorphic caches keyed on
 * type versions: the cases of Python/specialize.c (instance values, slots,
 * class attributes, methods, modules) plus properties.  A miss runs the
 * generic helper, then classifies the object so that the next one hits. */
#include "ic/ic.h"

#include <structmember.h>

#include <internal/pycore_dict.h>
#include <internal/pycore_object.h>

#include "runtime/ops.h"
#include "stats.h"

#define NAME(i) PyTuple_GET_ITEM(f->f_code->co_names, (i))

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

#define CACHED_KEYS(tp) (((PyHeapTypeObject *)(tp))->ht_cached_keys)
#define MISSES_BEFORE_MEGAMORPHIC 256

/* --- classifying an object ------------------------------------------------ */

/* The index of NAME among a type's shared keys, or -1 (what
 * _PyDictKeys_StringLookup finds, for keys that are only appended to). */
static Py_ssize_t shared_key_index(PyDictKeysObject *keys, PyObject *name)
{
    if (keys == NULL || !DK_IS_UNICODE(keys))
        return -1;
    PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        PyObject *key = entries[i].me_key;
        if (key == name || (key != NULL && _PyUnicode_Equal(key, name)))
            return i;
    }
    return -1;
}

/* Whether OBJ's instance dict cannot hold NAME, and how to re-check that
 * quickly: no instance dict at all (keys NULL), or inline values whose
 * shared keys lack NAME (keys and their count recorded). */
static bool instance_lacks(PyObject *obj, PyObject *name, pyston_attr_entry *e)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        PyDictKeysObject *keys = CACHED_KEYS(tp);
        if (*_PyObject_ValuesPointer(obj) == NULL || keys == NULL ||
            shared_key_index(keys, name) >= 0)
            return false;
        e->keys = keys;
        e->nentries = keys->dk_nentries;
        return true;
    }
    e->keys = NULL;
    return tp->tp_dictoffset == 0;
}

/* A __slots__ member read or written as plainly as a struct field. */
static bool plain_slot(PyObject *descr, bool store, pyston_attr_entry *e)
{
    if (Py_TYPE(descr) != &PyMemberDescr_Type)
        return false;
    PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
    if (m->type != T_OBJECT_EX || m->offset <= 0 || m->offset > UINT16_MAX ||
        (m->flags & (store ? READONLY | PY_WRITE_RESTRICTED : PY_AUDIT_READ)))
        return false;
    e->index = (uint16_t)m->offset;
    return true;
}

/* How the generic lookup (PyObject_GenericGetAttr, or _PyObject_GetMethod
 * for a method site) finds NAME on OBJ, as an entry; kind EMPTY if no
 * cached form applies. */
static pyston_attr_entry classify_load(PyObject *obj, PyObject *name, bool method)
{
    pyston_attr_entry e = {0};
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp == &PyType_Type) { /* a class attribute read from the class */
        PyTypeObject *cls = (PyTypeObject *)obj;
        PyObject *descr = _PyType_Lookup(cls, name);
        if (_PyType_Lookup(&PyType_Type, name) != NULL || descr == NULL ||
            !(cls->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
            return e;
        /* type_getattro: no __get__, or a function's, which returns itself */
        if (Py_TYPE(descr)->tp_descr_get != NULL && !PyFunction_Check(descr))
            return e;
        e.kind = PYSTON_ATTR_TYPE_VALUE;
        e.type_version = cls->tp_version_tag;
        e.descr = descr;
        e.type = cls;
        return e;
    }
    if (tp->tp_getattro != PyObject_GenericGetAttr)
        return e;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return e;
    e.type_version = tp->tp_version_tag;
    e.type = tp;
    e.descr = descr;
    if (descr == NULL) {
        if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || *_PyObject_ValuesPointer(obj) == NULL)
            return e;
        Py_ssize_t index = shared_key_index(CACHED_KEYS(tp), name);
        if (index >= 0 && index <= UINT16_MAX) {
            e.kind = PYSTON_ATTR_INSTANCE_VALUE;
            e.index = (uint16_t)index;
        }
        return e;
    }
    descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
    if (get != NULL && PyDescr_IsData(descr)) { /* wins over the instance */
        if (plain_slot(descr, false, &e))
            e.kind = PYSTON_ATTR_SLOT;
        else if (Py_TYPE(descr) == &PyProperty_Type && ((property_layout *)descr)->prop_get)
            e.kind = PYSTON_ATTR_PROPERTY;
        return e;
    }
    if (!instance_lacks(obj, name, &e))
        return e;
    if (get == NULL)
        e.kind = PYSTON_ATTR_CLASS_VALUE;
    else if (method && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR))
        e.kind = PYSTON_ATTR_METHOD;
    return e;
}

static pyston_attr_entry classify_store(PyObject *obj, PyObject *name)
{
    pyston_attr_entry e = {0};
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_setattro != PyObject_GenericSetAttr)
        return e;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return e;
    e.type_version = tp->tp_version_tag;
    e.type = tp;
    if (descr != NULL) {
        if (plain_slot(descr, true, &e))
            e.kind = PYSTON_ATTR_SLOT;
        return e;
    }
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) || *_PyObject_ValuesPointer(obj) == NULL)
        return e;
    Py_ssize_t index = shared_key_index(CACHED_KEYS(tp), name);
    if (index >= 0 && index <= UINT16_MAX) {
        e.kind = PYSTON_ATTR_INSTANCE_VALUE;
        e.index = (uint16_t)index;
    }
    return e;
}

/* Adds E to the site: a free way, else the oldest. */
static void remember(pyston_attr_cache *c, pyston_attr_entry e)
{
    if (e.kind == PYSTON_ATTR_EMPTY)
        return;
    for (int i = 0; i < PYSTON_ATTR_WAYS; i++) {
        if (c->entry[i].kind == PYSTON_ATTR_EMPTY) {
            c->entry[i] = e;
            return;
        }
    }
    memmove(&c->entry[0], &c->entry[1], sizeof(pyston_attr_entry) * (PYSTON_ATTR_WAYS - 1));
    c->entry[PYSTON_ATTR_WAYS - 1] = e;
}

/* Counts a miss; a site that keeps missing turns megamorphic. */
static bool count_miss(pyston_attr_cache *c)
{
    pyston_stat.ic_misses++;
    if (c->megamorphic)
        return false;
    if (++c->misses >= MISSES_BEFORE_MEGAMORPHIC)
        c->megamorphic = true;
    return !c->megamorphic;
}

/* --- finding the entry for an object -------------------------------------- */

static const pyston_attr_entry *find(const pyston_attr_cache *c, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    uint32_t version = tp->tp_version_tag;
    uint32_t cls_version = tp == &PyType_Type ? ((PyTypeObject *)obj)->tp_version_tag : 0;
    for (int i = 0; i < PYSTON_ATTR_WAYS; i++) {
        const pyston_attr_entry *e = &c->entry[i];
        if (e->kind == PYSTON_ATTR_TYPE_VALUE ? e->type_version == cls_version && cls_version
                                              : e->type_version == version && e->kind)
            return e;
    }
    return NULL;
}

/* The instance still lacks the attribute that the entry found on its
 * class (see instance_lacks). */
static inline bool still_lacks(PyObject *obj, const pyston_attr_entry *e)
{
    if (e->keys == NULL)
        return true;
    return *_PyObject_ValuesPointer(obj) != NULL && CACHED_KEYS(Py_TYPE(obj)) == e->keys &&
           e->keys->dk_nentries == e->nentries;
}

/* The attribute of OBJ as entry E finds it: a new reference, or NULL when
 * the entry does not apply after all (the generic path then decides). */
static PyObject *load_by_entry(const pyston_attr_entry *e, PyObject *obj)
{
    switch ((pyston_attr_kind)e->kind) {
    case PYSTON_ATTR_INSTANCE_VALUE: {
        PyDictValues *values = *_PyObject_ValuesPointer(obj);
        return values ? Py_XNewRef(values->values[e->index]) : NULL;
    }
    case PYSTON_ATTR_SLOT:
        return Py_XNewRef(*(PyObject **)((char *)obj + e->index));
    case PYSTON_ATTR_CLASS_VALUE:
    case PYSTON_ATTR_METHOD:
        return still_lacks(obj, e) ? Py_NewRef(e->descr) : NULL;
    case PYSTON_ATTR_TYPE_VALUE:
        return Py_NewRef(e->descr);
    case PYSTON_ATTR_PROPERTY:
    case PYSTON_ATTR_EMPTY:
        break;
    }
    return NULL;
}

/* A module attribute, by the version of the module's dict. */
static PyObject *module_dict(PyObject *obj)
{
    if (Py_TYPE(obj) != &PyModule_Type)
        return NULL;
    PyObject *dict = PyModule_GetDict(obj);
    return dict && PyDict_CheckExact(dict) ? dict : NULL;
}

static PyObject *load_from_module(const pyston_attr_cache *c, PyObject *obj)
{
    PyObject *dict = module_dict(obj);
    if (dict && c->module_value && ((PyDictObject *)dict)->ma_version_tag == c->module_version)
        return Py_NewRef(c->module_value);
    return NULL;
}

static void remember_module(pyston_attr_cache *c, PyObject *obj, PyObject *name)
{
    PyObject *dict = module_dict(obj);
    if (dict == NULL || _PyType_Lookup(&PyModule_Type, name) != NULL)
        return;
    uint64_t version = ((PyDictObject *)dict)->ma_version_tag;
    PyObject *value = PyDict_GetItemWithError(dict, name);
    if (value == NULL)
        PyErr_Clear();
    else if (((PyDictObject *)dict)->ma_version_tag == version) {
        c->module_version = version;
        c->module_value = value;
    }
}

/* --- the cached helpers --------------------------------------------------- */

/* A hit: the attribute as a new reference, having counted it, and *KIND
 * how it was found; NULL for a miss (no exception set) or, for a property,
 * an exception (*failed). */
static PyObject *try_load(pyston_attr_cache *c, PyObject *obj, bool *failed, int *kind)
{
    if (c->megamorphic)
        return NULL;
    PyObject *res = load_from_module(c, obj);
    const pyston_attr_entry *e = res ? NULL : find(c, obj);
    *kind = e ? e->kind : PYSTON_ATTR_EMPTY;
    if (e != NULL && e->kind == PYSTON_ATTR_PROPERTY) {
        PyObject *fget = ((property_layout *)e->descr)->prop_get;
        if (fget == NULL)
            return NULL;
        pyston_stat.ic_hits++;
        res = PyObject_CallOneArg(fget, obj);
        *failed = res == NULL;
        return res;
    }
    if (e != NULL)
        res = load_by_entry(e, obj);
    if (res != NULL)
        pyston_stat.ic_hits++;
    return res;
}

/* After a miss, with OBJ kept alive by the caller: learn from it. */
static void learn_load(pyston_attr_cache *c, PyObject *obj, PyObject *name, bool method)
{
    if (!count_miss(c))
        return;
    if (Py_TYPE(obj) == &PyModule_Type)
        remember_module(c, obj, name);
    else
        remember(c, classify_load(obj, name, method));
}

/* A load that missed: the generic helper, then learning from the owner
 * (kept alive meanwhile). */
static int miss(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                pyston_attr_cache *c, bool method)
{
    PyObject *owner = Py_NewRef(sp[-1]);
    int rc = method ? pyston_op_LOAD_METHOD(ts, f, sp, oparg, NULL)
                    : pyston_op_LOAD_ATTR(ts, f, sp, oparg, NULL);
    if (rc == 0)
        learn_load(c, owner, NAME(oparg), method);
    Py_DECREF(owner);
    return rc;
}

int pyston_ic_LOAD_ATTR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                        void *cache)
{
    pyston_attr_cache *c = cache;
    PyObject *owner = sp[-1];
    bool failed = false;
    int kind;
    PyObject *res = try_load(c, owner, &failed, &kind);
    if (res != NULL || failed) {
        if (failed) {
            f->stacktop = (int)(sp - f->localsplus);
            return -1;
        }
        sp[-1] = res;
        Py_DECREF(owner);
        return 0;
    }
    return miss(ts, f, sp, oparg, c, false);
}

int pyston_ic_LOAD_METHOD(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                          void *cache)
{
    pyston_attr_cache *c = cache;
    PyObject *owner = sp[-1];
    bool failed = false;
    int kind;
    PyObject *res = try_load(c, owner, &failed, &kind);
    if (failed) {
        f->stacktop = (int)(sp - f->localsplus);
        return -1;
    }
    if (res != NULL) {
        if (kind == PYSTON_ATTR_METHOD) { /* meth | self */
            sp[-1] = res;
            sp[0] = owner;
        } else { /* NULL | attribute */
            sp[-1] = NULL;
            sp[0] = res;
            Py_DECREF(owner);
        }
        return 0;
    }
    return miss(ts, f, sp, oparg, c, true);
}

int pyston_ic_STORE_ATTR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                         void *cache)
{
    pyston_attr_cache *c = cache;
    PyObject *owner = sp[-1], *value = sp[-2];
    const pyston_attr_entry *e = c->megamorphic ? NULL : find(c, owner);
    if (e != NULL && e->kind == PYSTON_ATTR_INSTANCE_VALUE) {
        /* mirrors STORE_ATTR_INSTANCE_VALUE */
        PyDictValues *values = *_PyObject_ValuesPointer(owner);
        if (values != NULL) {
            pyston_stat.ic_hits++;
            PyObject *old = values->values[e->index];
            values->values[e->index] = value;
            if (old == NULL)
                _PyDictValues_AddToInsertionOrder(values, e->index);
            else
                Py_DECREF(old);
            Py_DECREF(owner);
            return 0;
        }
    } else if (e != NULL && e->kind == PYSTON_ATTR_SLOT) {
        pyston_stat.ic_hits++;
        PyObject **addr = (PyObject **)((char *)owner + e->index);
        PyObject *old = *addr;
        *addr = value;
        Py_XDECREF(old);
        Py_DECREF(owner);
        return 0;
    }
    Py_INCREF(owner);
    int rc = pyston_op_STORE_ATTR(ts, f, sp, oparg, NULL);
    if (rc == 0 && count_miss(c))
        remember(c, classify_store(owner, NAME(oparg)));
    Py_DECREF(owner);
    return rc;
}
