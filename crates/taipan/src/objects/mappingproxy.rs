//! `mappingproxy`: the read-only view `type.__dict__` returns.
//! Mirrors `mappingproxy` in CPython's `Objects/descrobject.c`.

use taipan_compiler::bytecode::ComparisonOperator;

use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyMappingProxy {
    head: ObjectHead,
    pub mapping: Value,
}

fn mp_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let m = unsafe { &*(head as *const ObjectHead as *const PyMappingProxy) };
    visit(&m.mapping);
}

pub static MAPPINGPROXY_LAYOUT: Layout = crate::payload_layout!(PyMappingProxy, "mappingproxy", mp_traverse, heap::no_clear);

impl PyPayload for PyMappingProxy {
    fn layout() -> &'static Layout {
        &MAPPINGPROXY_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &MAPPINGPROXY_TYPE
    }
}

pub static MAPPINGPROXY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "mappingproxy",
    layout: &MAPPINGPROXY_LAYOUT,
    flags: flags::HAVE_GC | flags::MAPPING,
    base: Some(&super::object::OBJECT_TYPE),
    methods: MAPPINGPROXY_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

pub fn new_mappingproxy(mapping: Value) -> Value {
    heap::alloc(&MAPPINGPROXY_TYPE, PyMappingProxy { head: ObjectHead::uninit(), mapping })
}

/// The underlying mapping of a proxy, or the value itself.
pub fn unwrap(v: &Value) -> Value {
    v.downcast::<PyMappingProxy>().map(|m| m.mapping.clone()).unwrap_or_else(|| v.clone())
}

fn inner(v: &Value) -> PyResult<Value> {
    v.downcast::<PyMappingProxy>().map(|m| m.mapping.clone()).ok_or_else(|| type_error("mappingproxy expected"))
}

fn mp_getitem(vm: &mut Vm, v: &Value, k: &Value) -> PyResult<Value> {
    let m = inner(v)?;
    ops::getitem(vm, &m, k)
}
fn mp_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let m = inner(v)?;
    ops::len(vm, &m)
}
fn mp_contains(vm: &mut Vm, v: &Value, k: &Value) -> PyResult<bool> {
    let m = inner(v)?;
    ops::contains(vm, &m, k)
}
fn mp_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = inner(v)?;
    ops::iter(vm, &m)
}
fn mp_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = inner(v)?;
    let r = ops::repr_string(vm, &m)?;
    Ok(super::str::new_string(format!("mappingproxy({r})")))
}
fn mp_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = inner(v)?;
    ops::str(vm, &m)
}
fn mp_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let m = inner(a)?;
    ops::richcompare(vm, &m, b, op)
}

fn forward(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let pos = args.positional();
    let m = inner(pos.first().ok_or_else(|| type_error("mappingproxy method needs self"))?)?;
    crate::vm::call::call_method(vm, &m, name, &pos[1..])
}
fn m_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "keys")
}
fn m_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "values")
}
fn m_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "items")
}
fn m_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "get")
}
fn m_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, args, "copy")
}

pub static MAPPINGPROXY_METHODS: &[MethodDef] = &[
    MethodDef::method("keys", m_keys),
    MethodDef::method("values", m_values),
    MethodDef::method("items", m_items),
    MethodDef::method("get", m_get),
    MethodDef::method("copy", m_copy),
];

/// `mappingproxy(mapping)`: any object with `__getitem__` other than a list or tuple.
fn mp_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: crate::vm::args::Sig = crate::vm::args::Sig::new("mappingproxy", &[crate::vm::args::p("mapping")]);
    let [m] = SIG.parse::<1>(args)?;
    let _ = vm;
    let m = m.expect("required parameter");
    let t = m.ty();
    let is_seq = t.is_subtype(&super::list::LIST_TYPE) || t.is_subtype(&super::tuple::TUPLE_TYPE);
    if is_seq || t.slots.getitem.get().is_none() {
        return Err(type_error(format!("mappingproxy() argument must be a mapping, not {}", t.name())));
    }
    Ok(new_mappingproxy(m))
}

pub fn init_type() {
    let s = &MAPPINGPROXY_TYPE.slots;
    s.new.set(Some(mp_new));
    s.getitem.set(Some(mp_getitem));
    s.len.set(Some(mp_len));
    s.contains.set(Some(mp_contains));
    s.iter.set(Some(mp_iter));
    s.repr.set(Some(mp_repr));
    s.str.set(Some(mp_str));
    s.richcompare.set(Some(mp_richcompare));
}
