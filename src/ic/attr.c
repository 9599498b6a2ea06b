/* LOAD_ATTR, LOAD_METHOD and STORE_ATTR with polymorphic caches keyed on
 * type versions: the cases of Python/specialize.c (instance values, slots,
 * class attributes, methods, modules) plus properties.  A miss runs the
 * generic helper, then classifies the object so that the next one hits. */
#include "ic/ic.h"

#include <structmember.h>

#include <internal/pycore_dict.h>
#include <internal/pycore_object.h>

#include "hook.h"
#include "runtime/ops.h"
#include "stats.h"

#define NAME(i) PyTuple_GET_ITEM(f->f_code->co_names, (i))

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

/* Whether the generic lookup applies to TP: PyObject_GenericGetAttr, or a
 * class whose __getattr__ only runs when that lookup fails
 * (slot_tp_getattr_hook with object's __getattribute__).  *HOOK says which. */
static bool generic_lookup(PyTypeObject *tp, bool *hook)
{
    static PyObject *getattr_name, *getattribute_name;
    *hook = false;
    if (tp->tp_getattro == PyObject_GenericGetAttr)
        return true;
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return false;
    if (getattr_name == NULL) {
        getattr_name = PyUnicode_InternFromString("__getattr__");
        getattribute_name = PyUnicode_InternFromString("__getattribute__");
        if (getattr_name == NULL || getattribute_name == NULL) {
            PyErr_Clear();
            return false;
        }
    }
    PyObject *getattribute = _PyType_Lookup(tp, getattribute_name);
    *hook = _PyType_Lookup(tp, getattr_name) != NULL && getattribute != NULL &&
            Py_IS_TYPE(getattribute, &PyWrapperDescr_Type) &&
            ((PyWrapperDescrObject *)getattribute)->d_wrapped == (void *)PyObject_GenericGetAttr;
    return *hook;
}

/* A class attribute of a mutable type (a Python class) changes behaviour
 * when the type gains __get__ or __set__, which the owner's type version
 * does not see: the entry records the descriptor type's version too
 * (assigned by a lookup if need be).  False if it has none. */
static bool watch_descriptor_type(PyObject *descr, pyston_attr_entry *e)
{
    static PyObject *get_name;
    PyTypeObject *dt = Py_TYPE(descr);
    if (dt->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)
        return true;
    if (get_name == NULL && (get_name = PyUnicode_InternFromString("__get__")) == NULL) {
        PyErr_Clear();
        return false;
    }
    (void)_PyType_Lookup(dt, get_name);
    if (!(dt->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return false;
    e->descr_version = dt->tp_version_tag;
    return true;
}

/* How a hit will learn whether the instance has NAME itself (see
 * pyston_shadow), from OBJ's type. */
static void plan_shadow_check(PyObject *obj, PyObject *name, pyston_attr_entry *e)
{
    PyTypeObject *tp = Py_TYPE(obj);
    e->index = PYSTON_NO_INDEX;
    if (!(tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)) {
        e->shadow = tp->tp_dictoffset == 0 ? PYSTON_SHADOW_NONE : PYSTON_SHADOW_CHECK;
        return;
    }
    PyDictKeysObject *keys = CACHED_KEYS(tp);
    Py_ssize_t index = keys ? shared_key_index(keys, name) : -1;
    if (index >= 0 && index < PYSTON_NO_INDEX) {
        e->shadow = PYSTON_SHADOW_CHECK;
        e->index = (uint16_t)index;
    } else if (index < 0 && keys != NULL) {
        e->shadow = PYSTON_SHADOW_KEYS;
        e->keys = keys;
        e->nentries = keys->dk_nentries;
    } else {
        e->shadow = PYSTON_SHADOW_CHECK;
    }
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

/* Whether DESCR read from a class is DESCR itself: no __get__, or the
 * __get__ of a function (func_descr_get) or of the descriptors of
 * Objects/descrobject.c (descr_check), which return the descriptor when
 * there is no instance. */
static bool gets_itself_from_class(PyObject *descr)
{
    PyTypeObject *dt = Py_TYPE(descr);
    return dt->tp_descr_get == NULL || dt == &PyFunction_Type || dt == &PyMethodDescr_Type ||
           dt == &PyWrapperDescr_Type || dt == &PyMemberDescr_Type || dt == &PyGetSetDescr_Type;
}

/* E made a DATA_DESCR entry for DESCR, a data descriptor of the static
 * type TP's own, keyed by TP's version (unchanged if TP has none). */
static pyston_attr_entry static_data_descr(PyTypeObject *tp, PyObject *descr,
                                           pyston_attr_entry e)
{
    if (tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) {
        e.kind = PYSTON_ATTR_DATA_DESCR;
        e.type_version = tp->tp_version_tag;
        e.descr = descr;
        e.type = tp;
    }
    return e;
}

/* How the generic lookup (PyObject_GenericGetAttr, or _PyObject_GetMethod
 * for a method site) finds NAME on OBJ, as an entry; kind EMPTY if no
 * cached form applies. */
static pyston_attr_entry classify_load(PyObject *obj, PyObject *name, bool method)
{
    pyston_attr_entry e = {0};
    PyTypeObject *tp = Py_TYPE(obj);
    bool hook;
    if (tp == &PyType_Type) { /* a class attribute read from the class */
        PyTypeObject *cls = (PyTypeObject *)obj;
        PyObject *descr = _PyType_Lookup(cls, name);
        PyObject *meta = _PyType_Lookup(&PyType_Type, name);
        /* type_getattro: a data descriptor of type's own wins (__name__,
         * __qualname__, __dict__, ...): one entry for every class, keyed
         * by type's version; then the class's attribute, through its
         * __get__ */
        if (meta != NULL && Py_TYPE(meta)->tp_descr_set != NULL)
            return Py_TYPE(meta)->tp_descr_get != NULL && watch_descriptor_type(meta, &e)
                       ? static_data_descr(&PyType_Type, meta, e)
                       : e;
        if (descr == NULL || !(cls->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) ||
            !watch_descriptor_type(descr, &e))
            return e;
        e.kind = gets_itself_from_class(descr) ? PYSTON_ATTR_TYPE_VALUE : PYSTON_ATTR_TYPE_DESCR;
        e.type_version = cls->tp_version_tag;
        e.descr = descr;
        e.type = cls;
        return e;
    }
    if (!generic_lookup(tp, &hook))
        return e;
    PyObject *descr = _PyType_Lookup(tp, name);
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return e;
    e.type_version = tp->tp_version_tag;
    e.type = tp;
    e.descr = descr;
    if (descr != NULL && !watch_descriptor_type(descr, &e))
        return e;
    descrgetfunc get = descr ? Py_TYPE(descr)->tp_descr_get : NULL;
    if (get != NULL && PyDescr_IsData(descr)) { /* wins over the instance */
        if (plain_slot(descr, false, &e))
            e.kind = PYSTON_ATTR_SLOT;
        else if (hook) /* an AttributeError from __get__ calls __getattr__ */
            ;
        else if (Py_TYPE(descr) == &PyProperty_Type && ((property_layout *)descr)->prop_get)
            e.kind = PYSTON_ATTR_PROPERTY;
        else
            e.kind = PYSTON_ATTR_DATA_DESCR;
        return e;
    }
    plan_shadow_check(obj, name, &e);
    if (descr == NULL)
        e.kind = e.index != PYSTON_NO_INDEX ? PYSTON_ATTR_INSTANCE_VALUE : PYSTON_ATTR_DICT_VALUE;
    else if (get == NULL)
        e.kind = PYSTON_ATTR_CLASS_VALUE;
    else if (method && (Py_TYPE(descr)->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) &&
             e.descr_version == 0) /* (the inline probe does not re-check it) */
        e.kind = PYSTON_ATTR_METHOD;
    else if (!hook)
        e.kind = PYSTON_ATTR_NONDATA_DESCR;
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
    if (descr != NULL && plain_slot(descr, true, &e)) {
        e.kind = PYSTON_ATTR_SLOT;
        return e;
    }
    /* _PyObject_GenericSetAttrWithDict: a class attribute without __set__
     * (a default value, a method) does not stop the store into the
     * instance; the entry watches its type for a __set__ to come */
    if (descr != NULL && (Py_TYPE(descr)->tp_descr_set != NULL || !watch_descriptor_type(descr, &e)))
        return e;
    e.descr = descr;
    if (tp->tp_dictoffset == 0)
        return e;
    plan_shadow_check(obj, name, &e);
    e.kind = e.index != PYSTON_NO_INDEX ? PYSTON_ATTR_INSTANCE_VALUE : PYSTON_ATTR_DICT_VALUE;
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

static pyston_attr_entry *find(pyston_attr_cache *c, PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    uint32_t version = tp->tp_version_tag;
    uint32_t cls_version = tp == &PyType_Type ? ((PyTypeObject *)obj)->tp_version_tag : 0;
    for (int i = 0; i < PYSTON_ATTR_WAYS; i++) {
        pyston_attr_entry *e = &c->entry[i];
        bool of_class = e->kind == PYSTON_ATTR_TYPE_VALUE || e->kind == PYSTON_ATTR_TYPE_DESCR;
        if (of_class ? e->type_version == cls_version && cls_version
                     : e->type_version == version && e->kind)
            return e;
    }
    return NULL;
}

/* Whether OBJ has the attribute NAME itself, as the generic lookup would
 * find it (_PyObject_GenericGetAttrWithDict): in its inline values or its
 * dict.  PRESENT sets *VALUE (a new reference); FAILED: an error (a key's
 * __eq__ raised); UNKNOWN: the entry cannot tell. */
typedef enum { ABSENT, PRESENT, UNKNOWN, FAILED } own_lookup;

static own_lookup dict_lookup(PyObject *dict, PyObject *name, PyObject **value)
{
    if (dict == NULL)
        return ABSENT;
    Py_INCREF(dict); /* an __eq__ may replace the instance's dict */
    PyObject *v = PyDict_GetItemWithError(dict, name);
    *value = Py_XNewRef(v);
    Py_DECREF(dict);
    return v ? PRESENT : PyErr_Occurred() ? FAILED : ABSENT;
}

/* Where NAME is among the entries of the combined dict DICT (unicode
 * keys), for the entry's dict_hint: a short scan, by identity, as the
 * names of attribute sites are interned. */
static void learn_dict_hint(pyston_attr_entry *e, PyObject *dict, PyObject *name)
{
    PyDictKeysObject *keys = ((PyDictObject *)dict)->ma_keys;
    if (((PyDictObject *)dict)->ma_values != NULL || keys->dk_kind != DICT_KEYS_UNICODE)
        return;
    PyDictUnicodeEntry *entries = DK_UNICODE_ENTRIES(keys);
    for (Py_ssize_t i = 0; i < keys->dk_nentries && i < UINT32_MAX; i++) {
        if (entries[i].me_key == name) {
            e->dict_hint = (uint32_t)i;
            return;
        }
    }
}

static own_lookup own_attribute(PyObject *obj, PyObject *name, pyston_attr_entry *e,
                                PyObject **value)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (e->shadow == PYSTON_SHADOW_NONE)
        return ABSENT;
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
        PyDictValues *values = *_PyObject_ValuesPointer(obj);
        if (values == NULL) {
            PyObject *dict = *_PyObject_ManagedDictPointer(obj);
            own_lookup found = dict_lookup(dict, name, value);
            if (found == PRESENT && (e->kind == PYSTON_ATTR_INSTANCE_VALUE ||
                                     e->kind == PYSTON_ATTR_DICT_VALUE))
                learn_dict_hint(e, dict, name);
            return found;
        }
        if (e->index != PYSTON_NO_INDEX) {
            *value = Py_XNewRef(values->values[e->index]);
            return *value ? PRESENT : ABSENT;
        }
        if (e->shadow == PYSTON_SHADOW_KEYS && CACHED_KEYS(tp) == e->keys &&
            e->keys->dk_nentries == e->nentries)
            return ABSENT;
        return UNKNOWN;
    }
    if (tp->tp_dictoffset > 0)
        return dict_lookup(*(PyObject **)((char *)obj + tp->tp_dictoffset), name, value);
    return UNKNOWN;
}

/* The attribute of OBJ as entry E finds it, in *RES (a new reference):
 * HIT; MISS when the entry does not apply after all (the generic path then
 * decides); FAILED with an exception.  *AS_METHOD: [meth, self] for
 * LOAD_METHOD. */
typedef enum { MISS, HIT, ERROR } probe;

/* DESCR through its type's __get__(OBJ, TYPE) if it has one (looked up
 * now), else DESCR itself: a new reference, or NULL with an exception.
 * DESCR is held meanwhile: __get__ may drop the class's reference. */
static PyObject *get_through(PyObject *descr, PyObject *obj, PyObject *type)
{
    descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
    if (get == NULL)
        return Py_NewRef(descr);
    Py_INCREF(descr);
    PyObject *res = get(descr, obj, type);
    Py_DECREF(descr);
    return res;
}

static probe load_by_entry(pyston_attr_entry *e, PyObject *obj, PyObject *name,
                           PyObject **res, bool *as_method)
{
    *as_method = false;
    if (e->descr_version != 0 && Py_TYPE(e->descr)->tp_version_tag != e->descr_version)
        return MISS; /* the class attribute's type changed */
    switch ((pyston_attr_kind)e->kind) {
    case PYSTON_ATTR_INSTANCE_VALUE:
    case PYSTON_ATTR_DICT_VALUE:
        switch (own_attribute(obj, name, e, res)) {
        case PRESENT: return HIT;
        case FAILED: return ERROR;
        default: return MISS; /* AttributeError, or __getattr__: the generic path */
        }
    case PYSTON_ATTR_SLOT:
        *res = Py_XNewRef(*(PyObject **)((char *)obj + e->index));
        return *res ? HIT : MISS;
    case PYSTON_ATTR_PROPERTY: {
        PyObject *fget = ((property_layout *)e->descr)->prop_get;
        if (fget == NULL)
            return MISS;
        *res = PyObject_CallOneArg(fget, obj);
        return *res ? HIT : ERROR;
    }
    case PYSTON_ATTR_DATA_DESCR:
        *res = Py_TYPE(e->descr)->tp_descr_get(e->descr, obj, (PyObject *)Py_TYPE(obj));
        return *res ? HIT : ERROR;
    case PYSTON_ATTR_CLASS_VALUE:
    case PYSTON_ATTR_METHOD:
    case PYSTON_ATTR_NONDATA_DESCR: {
        PyObject *descr = e->descr;
        switch (own_attribute(obj, name, e, res)) {
        case PRESENT: return HIT; /* the instance's own wins */
        case FAILED: return ERROR;
        case UNKNOWN: return MISS;
        case ABSENT: break;
        }
        if (e->kind == PYSTON_ATTR_NONDATA_DESCR) {
            *res = get_through(descr, obj, (PyObject *)Py_TYPE(obj));
            return *res ? HIT : ERROR;
        }
        *res = Py_NewRef(descr);
        *as_method = e->kind == PYSTON_ATTR_METHOD;
        return HIT;
    }
    case PYSTON_ATTR_TYPE_VALUE:
        *res = Py_NewRef(e->descr);
        return HIT;
    case PYSTON_ATTR_TYPE_DESCR: /* type_getattro: __get__(None, cls) */
        *res = get_through(e->descr, NULL, obj);
        return *res ? HIT : ERROR;
    case PYSTON_ATTR_SUPER: /* (load_from_super's) */
    case PYSTON_ATTR_EMPTY:
        break;
    }
    return MISS;
}

/* DESCR, ModuleType's own attribute of a name.  module_getattro is the
 * generic lookup first, where a data descriptor of ModuleType's wins over
 * the module's dict; one that cannot fail (a T_OBJECT member: __dict__)
 * never reaches the module's __getattr__.  One entry, keyed by
 * ModuleType's version, serves every module. */
static pyston_attr_entry classify_module_descriptor(PyObject *descr)
{
    pyston_attr_entry e = {0};
    if (Py_TYPE(descr) == &PyMemberDescr_Type &&
        ((PyMemberDescrObject *)descr)->d_member->type == T_OBJECT)
        e = static_data_descr(&PyModule_Type, descr, e);
    return e;
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
    PyObject *descr = _PyType_Lookup(&PyModule_Type, name);
    if (descr != NULL) { /* ModuleType's own attribute, not the dict's */
        remember(c, classify_module_descriptor(descr));
        return;
    }
    PyObject *dict = module_dict(obj);
    if (dict == NULL)
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

/* super_getattro: NAME in the dict of the first class after su->type in
 * the MRO of the starting type (then the super object's own attributes,
 * which are not cached).  That depends only on the dicts of the MRO, which
 * the starting type's version covers; __get__ is looked up at each hit. */
static pyston_attr_entry classify_super(PyObject *obj, PyObject *name)
{
    pyston_attr_entry e = {0};
    super_layout *su = (super_layout *)obj;
    PyTypeObject *start = su->obj_type;
    if (start == NULL || _PyUnicode_EqualToASCIIString(name, "__class__"))
        return e;
    (void)_PyType_Lookup(start, name); /* (gives the types a version) */
    (void)_PyType_Lookup(&PySuper_Type, name);
    PyObject *mro = start->tp_mro;
    if (mro == NULL || !(start->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) ||
        !(PySuper_Type.tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return e;
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i = 0;
    while (i < n && PyTuple_GET_ITEM(mro, i) != (PyObject *)su->type)
        i++;
    for (i++; i < n; i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        PyObject *descr = dict != NULL ? PyDict_GetItemWithError(dict, name) : NULL;
        if (PyErr_Occurred()) {
            PyErr_Clear();
            return e;
        }
        if (descr != NULL) {
            e.kind = PYSTON_ATTR_SUPER;
            e.type_version = PySuper_Type.tp_version_tag;
            e.type = su->type;
            e.start_version = start->tp_version_tag;
            e.descr = descr;
            return e;
        }
    }
    return e;
}

/* A hit of a SUPER entry of C for the super object OBJ, as super_getattro
 * does it; MISS if no entry is for its class and starting type. */
static probe load_from_super(pyston_attr_cache *c, PyObject *obj, PyObject **res)
{
    super_layout *su = (super_layout *)obj;
    PyTypeObject *start = su->obj_type;
    if (start == NULL || !(start->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return MISS;
    for (int i = 0; i < PYSTON_ATTR_WAYS; i++) {
        pyston_attr_entry *e = &c->entry[i];
        if (e->kind != PYSTON_ATTR_SUPER || e->type != su->type ||
            e->start_version != (Py_ssize_t)start->tp_version_tag)
            continue;
        *res = get_through(e->descr, su->obj == (PyObject *)start ? NULL : su->obj,
                           (PyObject *)start);
        return *res ? HIT : ERROR;
    }
    return MISS;
}

/* --- megamorphic sites ------------------------------------------------------ */

/* Sites that saw more types than they have ways (a method of a base class
 * that many subclasses run: docutils' states, pyflakes' node handlers)
 * share one table for the process, keyed by the type version that find()
 * would match, whether that is a class's own (an attribute read from the
 * class) or its instances', the name and the kind of load: V8's
 * megamorphic stub cache.  An entry is what classify_load makes, used as
 * a site's entry is (load_by_entry checks the rest).  Version tags are
 * never reused, so a dead type's entries never match again.  The name is
 * not held (a cache holding references would look like a leak, and keep
 * them): the code whose site made the entry holds it in co_names, and the
 * entry goes when that code dies (pyston_attr_forget_code), before the
 * name's address could come back as another name. */
#define MEGA_ENTRIES 4096 /* a power of two */

static struct mega_entry {
    uint32_t version;
    bool of_class, method;
    PyObject *name;
    const void *code; /* the code object whose site made it */
    pyston_attr_entry e;
} mega[MEGA_ENTRIES];

void pyston_attr_forget_code(const void *code)
{
    for (int i = 0; i < MEGA_ENTRIES; i++)
        if (mega[i].code == code)
            mega[i] = (struct mega_entry){0};
}

/* OBJ's slot for NAME, or NULL for a super object or a module (their
 * sites have entries of their own kinds). */
static struct mega_entry *mega_slot(PyObject *obj, PyObject *name, bool method,
                                    uint32_t *version, bool *of_class)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp == &PySuper_Type || tp == &PyModule_Type)
        return NULL;
    *of_class = tp == &PyType_Type;
    PyTypeObject *keyed = *of_class ? (PyTypeObject *)obj : tp;
    *version = keyed->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG ? keyed->tp_version_tag : 0;
    uintptr_t h = (uintptr_t)name >> 4 ^ (uintptr_t)*version * 0x9E3779B1u ^ method ^ *of_class << 1;
    return &mega[h & (MEGA_ENTRIES - 1)];
}

static probe load_megamorphic(PyObject *obj, PyObject *name, bool method, PyObject **res,
                              bool *as_method)
{
    uint32_t version;
    bool of_class;
    struct mega_entry *m = mega_slot(obj, name, method, &version, &of_class);
    if (m == NULL || version == 0 || m->version != version || m->name != name ||
        m->method != method || m->of_class != of_class)
        return MISS;
    return load_by_entry(&m->e, obj, name, res, as_method);
}

static void learn_megamorphic(PyObject *obj, PyObject *name, bool method, PyCodeObject *code)
{
    uint32_t version;
    bool of_class;
    struct mega_entry *m = mega_slot(obj, name, method, &version, &of_class);
    if (m == NULL || version == 0 || !PyUnicode_CheckExact(name))
        return;
    pyston_jitcode *jc = pyston_peek_jitcode(code);
    pyston_attr_entry e = classify_load(obj, name, method);
    if (e.kind == PYSTON_ATTR_EMPTY || jc == NULL)
        return;
    jc->made_mega_entries = true;
    *m = (struct mega_entry){version, of_class, method, name, code, e};
}

/* --- the cached helpers --------------------------------------------------- */

/* A hit: the attribute in *RES (a new reference), having counted it, and
 * *AS_METHOD; MISS; or ERROR with an exception. */
static probe try_load(pyston_attr_cache *c, PyObject *obj, PyObject *name, bool method,
                      PyObject **res, bool *as_method)
{
    *as_method = false;
    probe p = MISS;
    if (c->megamorphic) {
        p = load_megamorphic(obj, name, method, res, as_method);
    } else if (Py_TYPE(obj) == &PySuper_Type) {
        p = load_from_super(c, obj, res);
    } else if ((*res = load_from_module(c, obj)) != NULL) {
        p = HIT;
    } else {
        pyston_attr_entry *e = find(c, obj);
        if (e != NULL)
            p = load_by_entry(e, obj, name, res, as_method);
    }
    if (p == HIT)
        pyston_stat.ic_hits++;
    return p;
}

/* After a miss, with OBJ kept alive by the caller: learn from it. */
static void learn_load(pyston_attr_cache *c, PyObject *obj, PyObject *name, bool method,
                       PyCodeObject *code)
{
    if (!count_miss(c)) {
        learn_megamorphic(obj, name, method, code);
        return;
    }
    if (Py_TYPE(obj) == &PySuper_Type)
        remember(c, classify_super(obj, name));
    else if (Py_TYPE(obj) == &PyModule_Type)
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
        learn_load(c, owner, NAME(oparg), method, f->f_code);
    Py_DECREF(owner);
    return rc;
}

int pyston_ic_LOAD_ATTR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                        void *cache)
{
    pyston_attr_cache *c = cache;
    PyObject *owner = sp[-1], *res;
    bool as_method;
    switch (try_load(c, owner, NAME(oparg), false, &res, &as_method)) {
    case HIT:
        sp[-1] = res;
        Py_DECREF(owner);
        return 0;
    case ERROR: /* the owner stays on the stack */
        f->stacktop = (int)(sp - f->localsplus);
        return -1;
    case MISS:
        break;
    }
    return miss(ts, f, sp, oparg, c, false);
}

int pyston_ic_LOAD_METHOD(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                          void *cache)
{
    pyston_attr_cache *c = cache;
    PyObject *owner = sp[-1], *res;
    bool as_method;
    switch (try_load(c, owner, NAME(oparg), true, &res, &as_method)) {
    case HIT:
        if (as_method) { /* meth | self */
            sp[-1] = res;
            sp[0] = owner;
        } else { /* NULL | attribute */
            sp[-1] = NULL;
            sp[0] = res;
            Py_DECREF(owner);
        }
        return 0;
    case ERROR:
        f->stacktop = (int)(sp - f->localsplus);
        return -1;
    case MISS:
        break;
    }
    return miss(ts, f, sp, oparg, c, true);
}

/* The pointer to OBJ's dict, when it has one (not inline values). */
static PyObject **instance_dict_pointer(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_flags & Py_TPFLAGS_MANAGED_DICT)
        return *_PyObject_ValuesPointer(obj) ? NULL : _PyObject_ManagedDictPointer(obj);
    return tp->tp_dictoffset > 0 ? (PyObject **)((char *)obj + tp->tp_dictoffset) : NULL;
}

/* STORE_ATTR's `goto error`: both operands popped. */
static int error_at_store(_PyInterpreterFrame *f, PyObject **sp)
{
    f->stacktop = (int)(sp - 2 - f->localsplus);
    return -1;
}

int pyston_ic_STORE_ATTR(PyThreadState *ts, _PyInterpreterFrame *f, PyObject **sp, int oparg,
                         void *cache)
{
    pyston_attr_cache *c = cache;
    PyObject *owner = sp[-1], *value = sp[-2];
    const pyston_attr_entry *e = c->megamorphic ? NULL : find(c, owner);
    if (e != NULL && e->descr_version != 0 && Py_TYPE(e->descr)->tp_version_tag != e->descr_version)
        e = NULL; /* the class attribute's type changed: maybe a __set__ now */
    PyObject **dictptr = e == NULL ? NULL : instance_dict_pointer(owner);
    if (dictptr != NULL && *dictptr != NULL && PyDict_CheckExact(*dictptr) &&
        (e->kind == PYSTON_ATTR_INSTANCE_VALUE || e->kind == PYSTON_ATTR_DICT_VALUE)) {
        /* mirrors _PyObject_GenericSetAttrWithDict: no data descriptor (the
         * type version says), so into the instance's dict */
        pyston_stat.ic_hits++;
        PyObject *dict = Py_NewRef(*dictptr);
        int err = PyDict_SetItem(dict, NAME(oparg), value);
        Py_DECREF(dict);
        Py_DECREF(value);
        Py_DECREF(owner);
        return err ? error_at_store(f, sp) : 0;
    }
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
