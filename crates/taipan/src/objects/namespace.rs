//! `types.SimpleNamespace`.  Mirrors CPython's `Objects/namespaceobject.c`.

use taipan_compiler::bytecode::ComparisonOperator;

use super::dict::PyDict;
use super::str::{as_str, new_string};
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyNamespace {
    head: ObjectHead,
}

pub static NAMESPACE_LAYOUT: Layout = crate::payload_layout!(PyNamespace, "types.SimpleNamespace", heap::no_traverse, heap::no_clear);

impl PyPayload for PyNamespace {
    fn layout() -> &'static Layout {
        &NAMESPACE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &NAMESPACE_TYPE
    }
}

pub static NAMESPACE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "SimpleNamespace",
    layout: &NAMESPACE_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: NS_METHODS,
    getsets: &[],
    doc: Some("A simple attribute-based namespace."),
    module: Some("types"),
});

pub fn new_namespace(pairs: Vec<(&str, Value)>) -> Value {
    let v = heap::alloc(&NAMESPACE_TYPE, PyNamespace { head: ObjectHead::uninit() });
    if let Some(d) = super::object::instance_dict(&v) {
        for (k, x) in pairs {
            PyDict::set_str(&d, k, x);
        }
    }
    v
}

fn ns_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&NAMESPACE_TYPE);
    Ok(heap::alloc(ty, PyNamespace { head: ObjectHead::uninit() }))
}

fn ns_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(type_error(format!("SimpleNamespace expected at most 1 positional argument, got {}", pos.len())));
    }
    let d = super::object::instance_dict(v).ok_or_else(|| type_error("namespace without dict"))?;
    if let Some(m) = pos.first() {
        if m.downcast::<PyDict>().is_some() {
            PyDict::update_from(vm, &d, m)?;
        } else {
            PyDict::update_from_pairs(vm, &d, m)?;
        }
    }
    for (k, x) in args.kwargs() {
        PyDict::set_item(vm, &d, k.clone(), x.clone())?;
    }
    Ok(())
}

fn ns_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = if std::ptr::eq(v.ty(), &NAMESPACE_TYPE) { "namespace".to_string() } else { v.ty().name() };
    if !vm.repr_enter(v) {
        return Ok(new_string(format!("{name}(...)")));
    }
    let r = (|| {
        let d = super::object::instance_dict(v).unwrap_or_else(PyDict::new_value);
        let mut parts = Vec::new();
        for (k, x) in PyDict::items_vec(&d) {
            if let Some(ks) = as_str(&k) {
                parts.push(format!("{}={}", ks, crate::vm::ops::repr_string(vm, &x)?));
            }
        }
        Ok(new_string(format!("{name}({})", parts.join(", "))))
    })();
    vm.repr_leave(v);
    r
}

fn ns_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne)
        || a.downcast::<PyNamespace>().is_none()
        || b.downcast::<PyNamespace>().is_none()
    {
        return Ok(super::singletons::not_implemented());
    }
    let da = super::object::instance_dict(a).unwrap_or_else(PyDict::new_value);
    let db = super::object::instance_dict(b).unwrap_or_else(PyDict::new_value);
    crate::vm::ops::richcompare(vm, &da, &db, op)
}

fn m_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    let d = super::object::instance_dict(v).unwrap_or_else(PyDict::new_value);
    Ok(super::tuple::new_tuple(vec![v.ty().to_value(), super::tuple::empty_tuple(), d]))
}

pub static NS_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", m_reduce)];

pub fn init_type() {
    let s = &NAMESPACE_TYPE.slots;
    s.new.set(Some(ns_new));
    s.init.set(Some(ns_init));
    s.repr.set(Some(ns_repr));
    s.richcompare.set(Some(ns_richcompare));
    s.hash.set(Some(crate::vm::ops::hash_not_implemented));
    NAMESPACE_TYPE.set_n_extra(1);
}
