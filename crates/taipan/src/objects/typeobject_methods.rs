//! `type`'s own behaviour: calling a class, attribute access on classes, `type`'s
//! methods and attributes, and the start-up initialisation of built-in types.
//! Mirrors `type_call`, `type_getattro`, `type_setattro` and `type_methods` in CPython's
//! `Objects/typeobject.c`.  Class creation (`type.__new__`) is in `typeobject_new.rs`.

use super::dict::PyDict;
use super::singletons::{bool_value, none};
use super::str::{as_str, intern, new_str, new_string};
use super::typeobject::{as_type, flags, invalidate_type_cache, GetSetDef, MethodDef, PyType};
use crate::runtime::value::Value;
use crate::vm::{attribute_error, type_error, Args, PyResult, Vm};

/// Fills a built-in type's dict, MRO and slot wrappers (CPython's `PyType_Ready`).
pub fn init_static_type(t: &'static PyType) {
    if t.dict.borrow().is_some() {
        return;
    }
    *t.dict.borrow_mut() = Some(PyDict::new_value());
    let dict = t.dict_value();
    for m in t.methods {
        PyDict::set_str(&dict, m.name, super::function::new_method_descr(m, t));
    }
    for g in t.getsets {
        PyDict::set_str(&dict, g.name, super::descr::new_getset_descr(g, t));
    }
    // Only the class that introduces the instance dict describes it (`__dict__` of
    // `ValueError` comes from `BaseException`).
    let base_has_dict = t.base().is_some_and(|b| b.has_dict());
    if t.has_dict() && !base_has_dict && PyDict::get_str(&dict, "__dict__").is_none() && !std::ptr::eq(t, &super::typeobject::TYPE_TYPE) {
        PyDict::set_str(&dict, "__dict__", super::descr::new_getset_descr(&super::object::DICT_GETSET, t));
    }
    if PyDict::get_str(&dict, "__doc__").is_none() {
        PyDict::set_str(&dict, "__doc__", t.doc.map(new_str).unwrap_or_else(none));
    }
    super::slots::add_slot_wrappers(t);
    // A dotted tp_name puts the module in the dict as CPython's `PyType_Ready` does for static types.
    if let Some(m) = t.module.filter(|m| *m != "builtins") {
        if PyDict::get_str(&dict, "__module__").is_none() {
            PyDict::set_str(&dict, "__module__", new_str(m));
        }
    }
    let mut mro = vec![t.to_value()];
    let mut b = t.base();
    while let Some(base) = b {
        mro.push(base.to_value());
        b = base.base();
    }
    if std::ptr::eq(t, &super::exceptions::EXCEPTION_GROUP) {
        // ExceptionGroup(BaseExceptionGroup, Exception).
        mro = vec![
            t.to_value(),
            super::exceptions::BASE_EXCEPTION_GROUP.to_value(),
            super::exceptions::EXCEPTION.to_value(),
            super::exceptions::BASE_EXCEPTION.to_value(),
            super::object::OBJECT_TYPE.to_value(),
        ];
        *t.bases.borrow_mut() = vec![super::exceptions::BASE_EXCEPTION_GROUP.to_value(), super::exceptions::EXCEPTION.to_value()];
    } else if let Some(base) = t.base() {
        *t.bases.borrow_mut() = vec![base.to_value()];
    }
    *t.mro.borrow_mut() = mro;
    // Inherit slots not set on the type itself from the base chain.
    inherit_static_slots(t);
    if let Some(base) = t.base() {
        base.subclasses.borrow_mut().push(t);
        if base.has_dict() && !t.has_dict() && t.n_extra() == 0 && base.n_extra() > 0 {
            t.set_n_extra(base.n_extra());
        }
    }
    invalidate_type_cache();
}

fn inherit_static_slots(t: &PyType) {
    let Some(base) = t.base() else { return };
    let (s, b) = (&t.slots, &base.slots);
    macro_rules! inherit {
        ($($f:ident),*) => { $( if s.$f.get().is_none() { s.$f.set(b.$f.get()); } )* };
    }
    inherit!(repr, str, hash, call, getattro, setattro, richcompare, iter, iternext, descr_get, descr_set, init, new, pow3, bool, int, float, index, len, getitem, setitem, contains);
    for i in 0..13 {
        if s.binop[i].get().is_none() {
            s.binop[i].set(b.binop[i].get());
        }
        if s.inplace[i].get().is_none() {
            s.inplace[i].set(b.inplace[i].get());
        }
    }
    for i in 0..4 {
        if s.unary[i].get().is_none() {
            s.unary[i].set(b.unary[i].get());
        }
    }
}

/// The `__module__` of a type.
pub fn type_module_name(t: &PyType) -> Option<String> {
    if t.is_heap_type() {
        let m = t.own_attr(&intern("__module__"))?;
        return as_str(&m).map(str::to_string);
    }
    Some(t.module.unwrap_or("builtins").to_string())
}

/// `type.__call__`: `cls(*args)` creates and initialises an instance.
pub fn type_call(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = as_type(cls).ok_or_else(|| type_error("type.__call__ on a non-type"))?;
    if std::ptr::eq(ty, &super::typeobject::TYPE_TYPE) && args.positional().len() == 1 && !args.has_kwargs() {
        return Ok(args.positional()[0].ty().to_value());
    }
    let new = ty.slots.new.get().ok_or_else(|| type_error(format!("cannot create '{}' instances", ty_display(ty))))?;
    let obj = new(vm, cls, args)?;
    if !obj.ty().is_subtype(ty) {
        return Ok(obj);
    }
    if let Some(init) = obj.ty().slots.init.get() {
        init(vm, &obj, args)?;
    }
    Ok(obj)
}

fn ty_display(t: &PyType) -> String {
    match type_module_name(t).as_deref() {
        Some("builtins") | None => t.qualname(),
        Some(m) => format!("{m}.{}", t.qualname()),
    }
}

fn type_repr(_vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let t = as_type(cls).ok_or_else(|| type_error("type expected"))?;
    Ok(new_string(format!("<class '{}'>", ty_display(t))))
}

/// `type.__getattribute__` (CPython's `type_getattro`): data descriptors on the
/// metatype, then the class's MRO (binding descriptors with no instance), then the
/// metatype's non-data descriptors and attributes.
pub fn type_getattro(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Value> {
    match type_getattro_opt(vm, cls, name)? {
        Some(v) => Ok(v),
        None => {
            let t = as_type(cls).ok_or_else(|| type_error("type expected"))?;
            Err(attribute_error(
                cls,
                name,
                format!("type object '{}' has no attribute '{}'", t.name(), as_str(name).unwrap_or("?")),
            ))
        }
    }
}

pub fn type_getattro_opt(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
    let t = as_type(cls).ok_or_else(|| type_error("type expected"))?;
    let meta = cls.ty();
    let meta_attr = meta.lookup(name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        let mt = ma.ty();
        if let Some(get) = mt.slots.descr_get.get() {
            if mt.slots.descr_set.get().is_some() {
                return get(vm, ma, Some(cls), Some(&meta.to_value())).map(Some);
            }
            meta_get = Some(get);
        }
    }
    if let Some(attr) = t.lookup(name) {
        if let Some(get) = attr.ty().slots.descr_get.get() {
            return get(vm, &attr, None, Some(cls)).map(Some);
        }
        return Ok(Some(attr));
    }
    if let Some(get) = meta_get {
        let ma = meta_attr.expect("set with meta_get");
        return get(vm, &ma, Some(cls), Some(&meta.to_value())).map(Some);
    }
    Ok(meta_attr)
}

fn type_setattro(vm: &mut Vm, cls: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let t = as_type(cls).ok_or_else(|| type_error("type expected"))?;
    let n = as_str(name).ok_or_else(|| type_error(format!("attribute name must be string, not '{}'", name.ty().name())))?.to_string();
    if !t.is_heap_type() {
        return Err(type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            n,
            t.tp_name()
        )));
    }
    // Data descriptors on the metatype (e.g. __name__, __doc__ getsets) take priority.
    if let Some(ma) = cls.ty().lookup(name) {
        if let Some(set) = ma.ty().slots.descr_set.get() {
            return set(vm, &ma, cls, value);
        }
    }
    let dict = t.dict_value();
    let key = intern(&n);
    match value {
        Some(v) => PyDict::set_item(vm, &dict, key, v.clone())?,
        None => {
            if !PyDict::del_item_opt(vm, &dict, &key)? {
                return Err(attribute_error(
                    cls,
                    name,
                    format!("type object '{}' has no attribute '{}'", t.name(), n),
                ));
            }
        }
    }
    invalidate_type_cache();
    if n.starts_with("__") && n.ends_with("__") {
        super::slots::update_slots_recursive(t);
    }
    Ok(())
}

fn this(v: &Value) -> PyResult<&PyType> {
    as_type(v).ok_or_else(|| type_error(format!("descriptor requires a 'type' object but received '{}'", v.ty().name())))
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(this(v)?.name()))
}
fn set_name(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    if !t.is_heap_type() {
        return Err(type_error(format!("cannot set '__name__' attribute of immutable type '{}'", t.tp_name())));
    }
    let s = val.and_then(as_str).ok_or_else(|| {
        type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            t.name(),
            val.map(|v| v.ty().name()).unwrap_or_default()
        ))
    })?;
    t.set_name(s.to_string());
    Ok(())
}
fn get_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(this(v)?.qualname()))
}
fn set_qualname(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    let s = val.and_then(as_str).ok_or_else(|| type_error(format!("can only assign string to {}.__qualname__", t.name())))?;
    t.set_qualname(s.to_string());
    Ok(())
}
fn get_module(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    if t.is_heap_type() {
        return t.own_attr(&intern("__module__")).ok_or_else(|| attribute_error(v, &intern("__module__"), "__module__".into()));
    }
    Ok(new_str(t.module.unwrap_or("builtins")))
}
fn set_module(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    if !t.is_heap_type() {
        return Err(type_error(format!("cannot set '__module__' attribute of immutable type '{}'", t.tp_name())));
    }
    t.set_own_attr(&intern("__module__"), val.cloned().unwrap_or_else(none));
    Ok(())
}
fn get_bases(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::tuple::new_tuple(this(v)?.bases.borrow().clone()))
}
fn set_bases(vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    let val = val.ok_or_else(|| type_error("cannot delete '__bases__' attribute"))?;
    let bases = super::tuple::as_tuple(val)
        .ok_or_else(|| type_error(format!("can only assign tuple to {}.__bases__, not {}", t.name(), val.ty().name())))?
        .to_vec();
    if bases.is_empty() {
        return Err(type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", t.name())));
    }
    for b in &bases {
        let Some(bt) = as_type(b) else {
            return Err(type_error(format!("{}.__bases__ must be tuple of classes, not '{}'", t.name(), b.ty().name())));
        };
        if bt.is_subtype(t) {
            return Err(type_error("a __bases__ item causes an inheritance cycle"));
        }
    }
    let new_base = super::typeobject_new::best_base(&bases)?;
    let new_base_t = as_type(&new_base).ok_or_else(|| type_error("bad base"))?;
    if let Some(old_base) = t.base() {
        super::typeobject_new::compatible_for_assignment(old_base, new_base_t, "__bases__")?;
    }
    let old_bases = std::mem::replace(&mut *t.bases.borrow_mut(), bases.clone());
    let mro = match super::typeobject_new::compute_mro(vm, t) {
        Ok(m) => m,
        Err(e) => {
            *t.bases.borrow_mut() = old_bases;
            return Err(e);
        }
    };
    t.set_base(new_base_t);
    for ob in &old_bases {
        if let Some(obt) = as_type(ob) {
            obt.subclasses.borrow_mut().retain(|s| !std::ptr::eq(*s, t as *const PyType));
        }
    }
    for nb in &bases {
        if let Some(nbt) = as_type(nb) {
            nbt.subclasses.borrow_mut().push(t);
        }
    }
    *t.mro.borrow_mut() = mro;
    invalidate_type_cache();
    super::slots::update_slots_recursive(t);
    Ok(())
}
fn get_base(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.base().map(|b| b.to_value()).unwrap_or_else(none))
}
/// `type.__flags__` in CPython's `Py_TPFLAGS_*` bit values.  Taipan's own flag bits
/// mostly share CPython's positions; its private ones (finalizer, weakref support) are
/// translated.  Run-time-only CPython bits (version tags, vectorcall) are not reported.
fn get_flags(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    const READY: u32 = 1 << 12;
    const STATIC_BUILTIN: u32 = 1 << 1;
    const MANAGED_WEAKREF: u32 = 1 << 3;
    const INLINE_VALUES: u32 = 1 << 2;
    const MATCH_SELF: u32 = 1 << 22;
    let t = this(v)?;
    let own = t.flags.get();
    let shared = flags::HEAPTYPE
        | flags::BASETYPE
        | flags::HAVE_GC
        | flags::HAS_DICT
        | flags::IS_ABSTRACT
        | flags::IMMUTABLE
        | flags::SEQUENCE
        | flags::MAPPING
        | flags::METHOD_DESCRIPTOR
        | flags::LONG_SUBCLASS
        | flags::LIST_SUBCLASS
        | flags::TUPLE_SUBCLASS
        | flags::BYTES_SUBCLASS
        | flags::UNICODE_SUBCLASS
        | flags::DICT_SUBCLASS
        | flags::BASE_EXC_SUBCLASS
        | flags::TYPE_SUBCLASS;
    let mut out = (own & shared) | READY;
    let match_self: [&PyType; 11] = [
        &super::singletons::BOOL_TYPE,
        &super::bytearray::BYTEARRAY_TYPE,
        &super::bytes::BYTES_TYPE,
        &super::dict::DICT_TYPE,
        &super::float::FLOAT_TYPE,
        &super::set::FROZENSET_TYPE,
        &super::int::INT_TYPE,
        &super::list::LIST_TYPE,
        &super::set::SET_TYPE,
        &super::str::STR_TYPE,
        &super::tuple::TUPLE_TYPE,
    ];
    // Built-ins that `case int(x)` matches as themselves, and their subclasses.
    if match_self.iter().any(|m| t.is_subtype(m)) {
        out |= MATCH_SELF;
    }
    if t.is_heap_type() {
        let plain = t.base().is_none_or(|b| std::ptr::eq(b, &super::object::OBJECT_TYPE) || b.is_heap_type());
        if own & flags::HAS_DICT != 0 && own & flags::WEAKREFABLE != 0 && plain {
            out |= MANAGED_WEAKREF | INLINE_VALUES;
        }
    } else {
        out |= STATIC_BUILTIN;
        out &= !flags::HAS_DICT; // static types keep their dict at a fixed offset
    }
    Ok(super::int::new_int(out as i64))
}
fn get_mro(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::tuple::new_tuple(this(v)?.mro.borrow().clone()))
}
fn get_dict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::mappingproxy::new_mappingproxy(this(v)?.dict_value()))
}
fn get_doc(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    match t.own_attr(&intern("__doc__")) {
        Some(d) => {
            if let Some(get) = d.ty().slots.descr_get.get() {
                return get(vm, &d, None, Some(v));
            }
            Ok(d)
        }
        None => Ok(t.doc.map(new_str).unwrap_or_else(none)),
    }
}
fn set_doc(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    if !t.is_heap_type() {
        return Err(type_error(format!("cannot set '__doc__' attribute of immutable type '{}'", t.tp_name())));
    }
    t.set_own_attr(&intern("__doc__"), val.cloned().unwrap_or_else(none));
    Ok(())
}
fn get_abstractmethods(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    if std::ptr::eq(t, &super::typeobject::TYPE_TYPE) {
        return Err(attribute_error(v, &intern("__abstractmethods__"), "__abstractmethods__".into()));
    }
    t.own_attr(&intern("__abstractmethods__"))
        .ok_or_else(|| attribute_error(v, &intern("__abstractmethods__"), "__abstractmethods__".into()))
}
fn set_abstractmethods(vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    let abstract_ = match val {
        Some(x) => crate::vm::ops::is_true(vm, x)?,
        None => false,
    };
    match val {
        Some(x) => t.set_own_attr(&intern("__abstractmethods__"), x.clone()),
        None => {
            PyDict::del_str(&t.dict_value(), "__abstractmethods__");
            invalidate_type_cache();
        }
    }
    let f = t.flags.get();
    t.flags.set(if abstract_ { f | flags::IS_ABSTRACT } else { f & !flags::IS_ABSTRACT });
    Ok(())
}
fn get_annotations(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    if let Some(a) = t.own_attr(&intern("__annotations__")) {
        if let Some(get) = a.ty().slots.descr_get.get() {
            return get(vm, &a, None, Some(v));
        }
        return Ok(a);
    }
    if !t.is_heap_type() {
        return Err(attribute_error(
            v,
            &intern("__annotations__"),
            format!("type object '{}' has no attribute '__annotations__'", t.name()),
        ));
    }
    let d = PyDict::new_value();
    t.set_own_attr(&intern("__annotations__"), d.clone());
    Ok(d)
}
fn set_annotations(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    let t = this(v)?;
    match val {
        Some(x) => t.set_own_attr(&intern("__annotations__"), x.clone()),
        None => {
            PyDict::del_str(&t.dict_value(), "__annotations__");
            invalidate_type_cache();
        }
    }
    Ok(())
}
fn get_type_params(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    Ok(t.own_attr(&intern("__type_params__")).unwrap_or_else(super::tuple::empty_tuple))
}
fn set_type_params(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    this(v)?.set_own_attr(&intern("__type_params__"), val.cloned().unwrap_or_else(super::tuple::empty_tuple));
    Ok(())
}

pub static TYPE_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("__name__", get_name, set_name),
    GetSetDef::with_set("__qualname__", get_qualname, set_qualname),
    GetSetDef::with_set("__module__", get_module, set_module),
    GetSetDef::with_set("__bases__", get_bases, set_bases),
    GetSetDef::new("__base__", get_base),
    GetSetDef::new("__mro__", get_mro),
    GetSetDef::new("__flags__", get_flags),
    GetSetDef::new("__dict__", get_dict),
    GetSetDef::with_set("__doc__", get_doc, set_doc),
    GetSetDef::with_set("__abstractmethods__", get_abstractmethods, set_abstractmethods),
    GetSetDef::with_set("__annotations__", get_annotations, set_annotations),
    GetSetDef::with_set("__type_params__", get_type_params, set_type_params),
];

fn m_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls] = args.exact::<1>("mro")?;
    let t = this(cls)?;
    let mro = super::typeobject_new::compute_default_mro(vm, t)?;
    Ok(super::list::PyList::new_value(mro))
}

fn m_subclasses(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls] = args.exact::<1>("__subclasses__")?;
    let t = this(cls)?;
    let subs: Vec<Value> = t.subclasses.borrow().iter().map(|s| unsafe { &**s }.to_value()).collect();
    Ok(super::list::PyList::new_value(subs))
}

fn m_instancecheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, obj] = args.exact::<2>("__instancecheck__")?;
    Ok(bool_value(crate::modules::builtins::recursive_isinstance(vm, obj, cls)?))
}

fn m_subclasscheck(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, sub] = args.exact::<2>("__subclasscheck__")?;
    Ok(bool_value(crate::modules::builtins::recursive_issubclass(vm, sub, cls)?))
}

fn m_prepare(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(PyDict::new_value())
}

fn m_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls] = args.exact::<1>("__dir__")?;
    let result = PyDict::new_value();
    merge_class_dict(vm, &result, cls)?;
    Ok(super::list::PyList::new_value(PyDict::keys_vec(&result)))
}

/// Adds the attribute names of `cls` and its bases to the dict `result` (for `dir`).
pub fn merge_class_dict(vm: &mut Vm, result: &Value, cls: &Value) -> PyResult<()> {
    if let Some(d) = crate::vm::ops::getattr_opt(vm, cls, &intern("__dict__"))? {
        let d = super::mappingproxy::unwrap(&d);
        if d.downcast::<PyDict>().is_some() {
            PyDict::update_from(vm, result, &d)?;
        } else {
            let keys = crate::vm::call::call_method(vm, &d, "keys", &[])?;
            for k in crate::vm::ops::collect_iter(vm, &keys)? {
                PyDict::set_item(vm, result, k, none())?;
            }
        }
    }
    if let Some(bases) = crate::vm::ops::getattr_opt(vm, cls, &intern("__bases__"))? {
        for b in crate::vm::ops::collect_iter(vm, &bases)? {
            merge_class_dict(vm, result, &b)?;
        }
    }
    Ok(())
}

fn m_sizeof(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(super::int::new_int(928))
}

fn m_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("__or__")?;
    super::genericalias::union_or(vm, a, b)
}

fn m_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("__ror__")?;
    super::genericalias::union_or(vm, b, a)
}

pub static TYPE_METHODS: &[MethodDef] = &[
    MethodDef::method("mro", m_mro),
    MethodDef::method("__subclasses__", m_subclasses),
    MethodDef::method("__instancecheck__", m_instancecheck),
    MethodDef::method("__subclasscheck__", m_subclasscheck),
    MethodDef::classmethod("__prepare__", m_prepare),
    MethodDef::method("__dir__", m_dir),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::method("__or__", m_or),
    MethodDef::method("__ror__", m_ror),
];

pub fn init_type() {
    let s = &super::typeobject::TYPE_TYPE.slots;
    s.call.set(Some(type_call));
    s.repr.set(Some(type_repr));
    s.getattro.set(Some(type_getattro));
    s.setattro.set(Some(type_setattro));
    s.new.set(Some(super::typeobject_new::type_new_slot));
    s.init.set(Some(type_init));
}

fn type_init(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<()> {
    let n = args.positional().len();
    if n != 1 && n != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}
