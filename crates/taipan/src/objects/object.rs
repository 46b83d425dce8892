//! `object`: the root type, and the generic attribute protocol.
//!
//! Mirrors CPython's `Objects/object.c` (`PyObject_GenericGetAttr`,
//! `PyObject_GenericSetAttr`) and `object_*` functions of `Objects/typeobject.c`.

use taipan_compiler::bytecode::ComparisonOperator;

use super::dict::PyDict;
use super::str::{as_str, new_str};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{attribute_error, type_error, Args, PyResult, Vm};

/// Instances of `object` itself (and of classes that add only a dict/slots).
#[repr(C)]
pub struct PyBaseObject {
    pub head: ObjectHead,
}

pub static OBJECT_LAYOUT: Layout = crate::payload_layout!(PyBaseObject, "object", no_traverse, no_clear);

impl PyPayload for PyBaseObject {
    fn layout() -> &'static Layout {
        &OBJECT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &OBJECT_TYPE
    }
}

pub static OBJECT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "object",
    layout: &OBJECT_LAYOUT,
    flags: flags::BASETYPE,
    base: None,
    methods: OBJECT_METHODS,
    getsets: OBJECT_GETSETS,
    doc: Some("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"),
    module: None,
});

pub fn new_object() -> Value {
    heap::alloc(&OBJECT_TYPE, PyBaseObject { head: ObjectHead::uninit() })
}

/// The instance `__dict__` of `obj`, creating it on first use, or `None` when the type
/// has no dict.
pub fn instance_dict(obj: &Value) -> Option<Value> {
    let head = obj.as_head()?;
    if !head.ty().has_dict() {
        // Modules (and their subclasses) keep the namespace in the payload.
        return obj.downcast::<super::module::PyModule>().map(|m| m.dict.clone());
    }
    let extras = head.extras();
    let slot = extras.first()?;
    let mut d = slot.borrow_mut();
    if d.is_none() {
        *d = Some(PyDict::new_value());
    }
    d.clone()
}

/// Fast path of attribute reads: `name` (an exact str) in the instance dict of `obj`,
/// without taking a reference to the dict. `Err(())` when the fast path does not
/// apply (no exact-dict `__dict__` yet); runs no Python code.
#[inline]
pub(crate) fn instance_dict_get_str(obj: &Value, name: &Value) -> Result<Option<Value>, ()> {
    let head = obj.as_head().ok_or(())?;
    if !head.ty().has_dict() {
        return Err(());
    }
    let slot = head.extras().first().ok_or(())?;
    let d = slot.borrow();
    match &*d {
        Some(d) if d.downcast_exact::<PyDict>().is_some() => Ok(PyDict::get_str_item(d, name)),
        Some(_) => Err(()),
        None => Ok(None),
    }
}

/// Fast path of attribute stores: sets `name` (an exact str) in the instance dict of
/// `obj` (creating it). Returns false when the fast path does not apply. Runs no
/// Python code while the dict slot is borrowed (releasing the old value only queues
/// finalizers).
#[inline]
pub(crate) fn instance_dict_set_str(obj: &Value, name: &Value, value: &Value) -> bool {
    let Some(head) = obj.as_head() else { return false };
    if !head.ty().has_dict() {
        return false;
    }
    let Some(slot) = head.extras().first() else { return false };
    let mut d = slot.borrow_mut();
    let d = d.get_or_insert_with(PyDict::new_value);
    if d.downcast_exact::<PyDict>().is_none() {
        return false;
    }
    PyDict::set_str_item(d, name.clone(), value.clone());
    true
}

/// Replaces the instance `__dict__`.
pub fn set_instance_dict(obj: &Value, dict: Value) -> bool {
    let Some(head) = obj.as_head() else { return false };
    if !head.ty().has_dict() {
        return false;
    }
    match head.extras().first() {
        Some(slot) => {
            let old = slot.borrow_mut().replace(dict);
            drop(old);
            true
        }
        None => false,
    }
}

pub fn is_data_descriptor(descr: &Value) -> bool {
    descr.ty().slots.descr_set.get().is_some()
}

/// `PyObject_GenericGetAttr`; `Ok(None)` when the attribute is missing (no error built).
pub fn generic_getattr_opt(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let ty = obj.ty();
    let descr = ty.lookup(name);
    let mut getter = None;
    if let Some(d) = &descr {
        let dty = d.ty();
        if let Some(get) = dty.slots.descr_get.get() {
            if dty.slots.descr_set.get().is_some() {
                let tv = ty.to_value();
                return get(vm, d, Some(obj), Some(&tv)).map(Some);
            }
            getter = Some(get);
        }
    }
    let fast = if name.downcast_exact::<super::str::PyStr>().is_some() { instance_dict_get_str(obj, name) } else { Err(()) };
    match fast {
        Ok(Some(v)) => return Ok(Some(v)),
        Ok(None) => {}
        Err(()) => {
            if let Some(dict) = instance_dict(obj) {
                if let Some(v) = PyDict::get_item_opt(vm, &dict, name)? {
                    return Ok(Some(v));
                }
            }
        }
    }
    if let Some(d) = descr {
        if let Some(get) = getter {
            let tv = ty.to_value();
            return get(vm, &d, Some(obj), Some(&tv)).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// Whether instances of `ty` keep attribute `name` only in their dict: generic
/// attribute access and no attribute of that name on the class (for loads), or no
/// data descriptor of that name (for stores). Used to fill inline caches.
pub(crate) fn attr_in_instance_dict_only(ty: &PyType, name: &Value, store: bool) -> bool {
    if !ty.has_dict() {
        return false;
    }
    if store {
        if ty.slots.setattro.get().map(|f| f as usize) != Some(generic_setattr as *const () as usize) {
            return false;
        }
        ty.lookup(name).map(|d| d.ty().slots.descr_set.get().is_none()).unwrap_or(true)
    } else {
        if ty.slots.getattro.get().map(|f| f as usize) != Some(generic_getattr as *const () as usize) {
            return false;
        }
        ty.lookup(name).is_none()
    }
}

pub fn no_attribute(obj: &Value, name: &Value) -> crate::vm::PyErr {
    let msg = format!("'{}' object has no attribute '{}'", obj.ty().tp_name(), as_str(name).unwrap_or("?"));
    attribute_error(obj, name, msg)
}

/// `tp_getattro` of `object`.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    match generic_getattr_opt(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(no_attribute(obj, name)),
    }
}

/// `tp_setattro` of `object` (`PyObject_GenericSetAttr`); `value == None` deletes.
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let ty = obj.ty();
    if let Some(descr) = ty.lookup(name) {
        if let Some(set) = descr.ty().slots.descr_set.get() {
            return set(vm, &descr, obj, value);
        }
    }
    if let Some(v) = value {
        if name.downcast_exact::<super::str::PyStr>().is_some() && instance_dict_set_str(obj, name, v) {
            return Ok(());
        }
    }
    match instance_dict(obj) {
        Some(dict) => match value {
            Some(v) if name.downcast_exact::<super::str::PyStr>().is_some() && dict.downcast_exact::<PyDict>().is_some() => {
                PyDict::set_str_item(&dict, name.clone(), v.clone());
                Ok(())
            }
            Some(v) => PyDict::set_item(vm, &dict, name.clone(), v.clone()),
            None => {
                if PyDict::del_item_opt(vm, &dict, name)? {
                    Ok(())
                } else {
                    Err(no_attribute(obj, name))
                }
            }
        },
        None => {
            let n = as_str(name).unwrap_or("?");
            if ty.lookup(name).is_some() {
                Err(attribute_error(
                    obj,
                    name,
                    format!("'{}' object attribute '{}' is read-only", ty.tp_name(), n),
                ))
            } else if ty.slots.setattro.get().map(|f| f as usize) == Some(generic_setattr as *const () as usize) {
                Err(attribute_error(
                    obj,
                    name,
                    format!("'{}' object has no attribute '{}' and no __dict__ for setting new attributes", ty.tp_name(), n),
                ))
            } else {
                Err(attribute_error(obj, name, format!("'{}' object has no attribute '{}'", ty.tp_name(), n)))
            }
        }
    }
}

pub fn default_repr_slot(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    object_repr(vm, obj)
}

fn object_repr(_vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let ty = obj.ty();
    let module = super::typeobject_methods::type_module_name(ty);
    let qual = ty.qualname();
    let name = match module.as_deref() {
        Some("builtins") | None => qual,
        Some(m) => format!("{m}.{qual}"),
    };
    Ok(new_str(&format!("<{} object at {:#x}>", name, obj.word())))
}

/// `object.__str__`: the type's repr slot, called directly (its result is checked
/// by `str()`, so a bad `__repr__` is reported as "__str__ returned non-string").
fn object_str(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    match obj.ty().slots.repr.get() {
        Some(f) => f(vm, obj),
        None => crate::vm::ops::repr(vm, obj),
    }
}

pub fn object_hash(_vm: &mut Vm, obj: &Value) -> PyResult<i64> {
    // CPython: _Py_HashPointer rotates the address by 4 bits.
    let a = obj.word();
    let h = a.rotate_right(4) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn object_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    use super::singletons::{bool_value, is_not_implemented, not_implemented};
    match op {
        ComparisonOperator::Eq => Ok(if a.is(b) { bool_value(true) } else { not_implemented() }),
        ComparisonOperator::Ne => {
            // object.__ne__ asks the type's own __eq__ and inverts the answer
            // unless it is NotImplemented.
            let eq = match a.ty().slots.richcompare.get() {
                Some(f) => f(vm, a, b, ComparisonOperator::Eq)?,
                None => not_implemented(),
            };
            if is_not_implemented(&eq) {
                return Ok(eq);
            }
            let t = crate::vm::ops::is_true(vm, &eq)?;
            Ok(bool_value(!t))
        }
        _ => Ok(not_implemented()),
    }
}

fn object_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).ok_or_else(|| type_error("object.__new__(X): X is not a type object"))?;
    if !args.values.is_empty() {
        // Excess arguments are an error unless __init__ is overridden and __new__ is not.
        let new_overridden = !is_object_new(ty);
        let init_overridden = !is_object_init(ty);
        if new_overridden || !init_overridden {
            if new_overridden {
                return Err(type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
            }
            return Err(type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    if ty.has_flag(flags::IS_ABSTRACT) {
        return Err(abstract_error(vm, ty));
    }
    Ok(new_instance(ty))
}

fn abstract_error(vm: &mut Vm, ty: &PyType) -> crate::vm::PyErr {
    let names = ty
        .lookup_str("__abstractmethods__")
        .and_then(|v| crate::vm::ops::collect_iter(vm, &v).ok())
        .unwrap_or_default();
    let mut names: Vec<String> = names.iter().filter_map(|n| as_str(n).map(str::to_string)).collect();
    names.sort();
    let joined = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
    type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        ty.name(),
        if names.len() == 1 { "" } else { "s" },
        joined
    ))
}

/// Allocates a bare instance of `ty` (layout `object` or any payload-free layout).
pub fn new_instance(ty: &PyType) -> Value {
    if ty.layout_is(&OBJECT_LAYOUT) {
        heap::alloc(ty, PyBaseObject { head: ObjectHead::uninit() })
    } else {
        // Types with other layouts are created by their own __new__.
        heap::alloc(&OBJECT_TYPE, PyBaseObject { head: ObjectHead::uninit() })
    }
}

pub fn is_object_new(ty: &PyType) -> bool {
    match ty.lookup_str("__new__") {
        Some(v) => super::function::is_native_fn(&v, object_new_entry),
        None => true,
    }
}

pub fn is_object_init(ty: &PyType) -> bool {
    match ty.lookup_str("__init__") {
        Some(v) => super::function::is_native_wrapper_of(&v, &OBJECT_TYPE),
        None => true,
    }
}

fn object_init(_vm: &mut Vm, obj: &Value, args: Args) -> PyResult<()> {
    if !args.values.is_empty() {
        let ty = obj.ty();
        let init_overridden = !is_object_init(ty);
        let new_overridden = !is_object_new(ty);
        if init_overridden || !new_overridden {
            if init_overridden {
                return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
            }
            return Err(type_error(format!("{}() takes no arguments", ty.name())));
        }
    }
    Ok(())
}

/// `object.__new__` as a method (the static method stored in `object.__dict__`).
pub fn object_new_entry(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(cls) = args.positional().first() else {
        return Err(type_error("object.__new__(): not enough arguments"));
    };
    let cls = cls.clone();
    let ty = super::typeobject::as_type(&cls)
        .ok_or_else(|| type_error(format!("object.__new__(X): X is not a type object ({})", cls.ty().name())))?;
    if !ty.is_subtype(&OBJECT_TYPE) {
        return Err(type_error("object.__new__(X): X is not a subtype of object"));
    }
    super::slots::check_new_safe(&OBJECT_TYPE, ty, object_new as *const () as usize)?;
    object_new(vm, &cls, args.shift())
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, spec] = args.exact::<2>("__format__")?;
    let spec_s = as_str(spec).ok_or_else(|| {
        type_error(format!("__format__() argument must be str, not {}", spec.ty().name()))
    })?;
    if !spec_s.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj.ty().name()
        )));
    }
    crate::vm::ops::str(vm, obj)
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.exact::<1>("__dir__")?;
    let result = PyDict::new_value();
    if let Some(d) = instance_dict(obj) {
        PyDict::update_from(vm, &result, &d)?;
    }
    let cls = crate::vm::ops::getattr_str(vm, obj, "__class__")?;
    super::typeobject_methods::merge_class_dict(vm, &result, &cls)?;
    let keys = PyDict::keys_vec(&result);
    Ok(super::list::PyList::new_value(keys))
}

fn object_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.exact::<1>("__sizeof__")?;
    let n = obj.as_head().map(|h| heap::instance_size(h.ty())).unwrap_or(28);
    Ok(super::int::new_int(n as i64))
}

fn object_init_subclass(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        let cls = args.positional().first().map(|c| c.clone());
        let name = cls.as_ref().and_then(super::typeobject::as_type).map(|t| t.name()).unwrap_or_default();
        return Err(type_error(format!("{name}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(super::singletons::none())
}

fn object_subclasshook(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(super::singletons::not_implemented())
}

/// `object.__reduce_ex__(protocol)` (CPython's `object___reduce_ex___impl`): an
/// overridden `__reduce__` wins; otherwise the common reduction.
fn object_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj, proto] = args.exact::<2>("__reduce_ex__")?;
    let proto_n = crate::vm::ops::index_value(vm, proto)?;
    if let Some(r) = obj.ty().lookup_str("__reduce__") {
        let is_default = r
            .downcast::<super::function::PyMethodDescr>()
            .map(|m| m.def.func as usize == object_reduce as *const () as usize)
            .unwrap_or(false);
        if !is_default {
            return crate::vm::call::call_method_value(vm, &r, obj, &[]);
        }
    }
    common_reduce(vm, obj, proto_n)
}

/// `object.__reduce__()`: the protocol-0 reduction.
fn object_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.exact::<1>("__reduce__")?;
    common_reduce(vm, obj, 0)
}

fn common_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    let copyreg = crate::vm::import::import_module(vm, "copyreg")?;
    if proto >= 2 {
        return reduce_newobj(vm, obj, &copyreg);
    }
    let f = crate::vm::ops::getattr_str(vm, &copyreg, "_reduce_ex")?;
    crate::vm::call::call(vm, &f, &[obj.clone(), super::int::new_int(proto)])
}

/// Protocol 2+: `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, obj: &Value, copyreg: &Value) -> PyResult<Value> {
    use super::tuple::{as_tuple, new_tuple};
    let ty = obj.ty();
    if ty.slots.new.get().is_none() {
        return Err(type_error(format!("cannot pickle '{}' object", ty.tp_name())));
    }
    let none = super::singletons::none;
    let (args, kwargs) = if let Some(f) = crate::vm::ops::getattr_opt(vm, obj, &super::str::intern("__getnewargs_ex__"))? {
        let r = crate::vm::call::call(vm, &f, &[])?;
        let Some(t) = as_tuple(&r).filter(|t| t.len() == 2).map(|t| t.to_vec()) else {
            return Err(type_error(match as_tuple(&r) {
                Some(t) => format!("__getnewargs_ex__ should return a tuple of length 2, not {}", t.len()),
                None => format!("__getnewargs_ex__ should return a tuple, not '{}'", r.ty().name()),
            }));
        };
        if as_tuple(&t[0]).is_none() {
            return Err(type_error(format!("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'", t[0].ty().name())));
        }
        if t[1].downcast::<PyDict>().is_none() {
            return Err(type_error(format!("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'", t[1].ty().name())));
        }
        (t[0].clone(), Some(t[1].clone()))
    } else if let Some(f) = crate::vm::ops::getattr_opt(vm, obj, &super::str::intern("__getnewargs__"))? {
        let r = crate::vm::call::call(vm, &f, &[])?;
        if as_tuple(&r).is_none() {
            return Err(type_error(format!("__getnewargs__ should return a tuple, not '{}'", r.ty().name())));
        }
        (r, None)
    } else {
        (new_tuple(Vec::new()), None)
    };
    let has_args = as_tuple(&args).map(|t| !t.is_empty()).unwrap_or(false);
    let (newobj, newargs) = match kwargs.filter(|k| PyDict::len(k) > 0) {
        None => {
            let mut a = vec![ty.to_value()];
            a.extend(as_tuple(&args).unwrap_or(&[]).iter().cloned());
            (crate::vm::ops::getattr_str(vm, copyreg, "__newobj__")?, new_tuple(a))
        }
        Some(k) => (crate::vm::ops::getattr_str(vm, copyreg, "__newobj_ex__")?, new_tuple(vec![ty.to_value(), args, k])),
    };
    let is_list = ty.is_subtype(&super::list::LIST_TYPE);
    let is_dict = ty.is_subtype(&super::dict::DICT_TYPE);
    let state = get_state(vm, obj, !(has_args || is_list || is_dict))?;
    let listitems = if is_list { crate::vm::ops::iter(vm, obj)? } else { none() };
    let dictitems = if is_dict {
        let items = crate::vm::call::call_method(vm, obj, "items", &[])?;
        crate::vm::ops::iter(vm, &items)?
    } else {
        none()
    };
    Ok(new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// `_PyObject_GetState`: `obj.__getstate__()`, refusing objects whose native
/// layout the default state cannot capture when `required`.
fn get_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let is_default = obj
        .ty()
        .lookup_str("__getstate__")
        .and_then(|d| d.downcast::<super::function::PyMethodDescr>().map(|d| d.def.func as usize == object_getstate as *const () as usize))
        .unwrap_or(false);
    let f = crate::vm::ops::getattr_str(vm, obj, "__getstate__")?;
    if is_default && required && !std::ptr::eq(obj.ty().layout(), &OBJECT_LAYOUT) {
        return Err(type_error(format!("cannot pickle '{}' object", obj.ty().tp_name())));
    }
    crate::vm::call::call(vm, &f, &[])
}

/// `object.__getstate__()`: the instance dict (None when empty), paired with a
/// dict of the set `__slots__` values when the class has slots.
fn object_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.exact::<1>("__getstate__")?;
    let dict = match instance_dict(obj) {
        Some(d) if PyDict::len(&d) > 0 => PyDict::copy_value(vm, &d)?,
        _ => super::singletons::none(),
    };
    let mut slots = Vec::new();
    for t in obj.ty().mro.borrow().iter() {
        if let Some(t) = super::typeobject::as_type(t) {
            slots.extend(t.slot_names.borrow().iter().cloned());
        }
    }
    if slots.is_empty() {
        return Ok(dict);
    }
    let sd = PyDict::new_value();
    for name in slots {
        if let Some(v) = crate::vm::ops::getattr_opt(vm, obj, &name)? {
            PyDict::set_item(vm, &sd, name, v)?;
        }
    }
    if PyDict::len(&sd) == 0 {
        return Ok(dict);
    }
    Ok(super::tuple::new_tuple(vec![dict, sd]))
}

fn object_class_get(_vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    Ok(obj.ty().to_value())
}

fn object_class_set(_vm: &mut Vm, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(type_error("can't delete __class__ attribute"));
    };
    let new = super::typeobject::as_type(value).ok_or_else(|| {
        type_error(format!("__class__ must be set to a class, not '{}' object", value.ty().name()))
    })?;
    let old = obj.ty();
    let head = obj.as_head().ok_or_else(|| type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"))?;
    let both_modules = old.is_subtype(&super::module::MODULE_TYPE) && new.is_subtype(&super::module::MODULE_TYPE);
    if !both_modules && (!old.is_heap_type() || !new.is_heap_type()) {
        return Err(type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    super::typeobject_new::compatible_for_assignment(old, new, "__class__")?;
    // The instance's extras block must have room for the new class's words.
    if old.n_extra() != new.n_extra() {
        return Err(type_error(format!("__class__ assignment: '{}' object layout differs from '{}'", new.name(), old.name())));
    }
    head.set_type(new);
    Ok(())
}

fn object_dict_get(_vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    instance_dict(obj).ok_or_else(|| no_attribute(obj, &super::str::intern("__dict__")))
}

fn object_dict_set(_vm: &mut Vm, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(type_error("cannot delete __dict__"));
    };
    if value.downcast::<PyDict>().is_none() {
        return Err(type_error(format!("__dict__ must be set to a dictionary, not a '{}'", value.ty().name())));
    }
    if set_instance_dict(obj, value.clone()) {
        Ok(())
    } else {
        Err(no_attribute(obj, &super::str::intern("__dict__")))
    }
}

pub static OBJECT_METHODS: &[MethodDef] = &[
    MethodDef::staticmethod("__new__", object_new_entry),
    MethodDef::method("__format__", object_format),
    MethodDef::method("__dir__", object_dir),
    MethodDef::method("__sizeof__", object_sizeof),
    MethodDef::classmethod("__init_subclass__", object_init_subclass),
    MethodDef::classmethod("__subclasshook__", object_subclasshook),
    MethodDef::method("__reduce_ex__", object_reduce_ex),
    MethodDef::method("__reduce__", object_reduce),
    MethodDef::method("__getstate__", object_getstate),
];

pub static OBJECT_GETSETS: &[GetSetDef] = &[GetSetDef::with_set("__class__", object_class_get, object_class_set)];

/// The `__dict__` descriptor given to classes whose instances have a dict.
pub static DICT_GETSET: GetSetDef = GetSetDef::with_set("__dict__", object_dict_get, object_dict_set);

/// `__weakref__` of classes defined in Python: the first weak reference, or None.
fn object_weakref_get(_vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    Ok(super::weakref::weakrefs_of(obj).into_iter().next().unwrap_or_else(super::singletons::none))
}

pub static WEAKREF_GETSET: GetSetDef = GetSetDef::new("__weakref__", object_weakref_get);

pub fn init_type() {
    let s = &OBJECT_TYPE.slots;
    s.repr.set(Some(object_repr));
    s.str.set(Some(object_str));
    s.hash.set(Some(object_hash));
    s.getattro.set(Some(generic_getattr));
    s.setattro.set(Some(generic_setattr));
    s.richcompare.set(Some(object_richcompare));
    s.init.set(Some(object_init));
    s.new.set(Some(object_new));
}

/// Whether `v` has `__dict__` as an attribute source.
pub fn has_instance_dict(v: &Value) -> bool {
    v.as_head().map(|h| h.ty().has_dict()).unwrap_or(false)
}
