//! PEP 695 runtime objects: `TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType` and
//! `Generic[...]` for classes with type parameters.  Mirrors CPython's
//! `Objects/typevarobject.c` (the objects `_typing` exports), in a reduced form.

use std::cell::RefCell;

use super::str::{as_str, new_string};
use super::typeobject::{flags, GetSetDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, PyResult, Vm};

#[repr(C)]
pub struct PyTypeVar {
    head: ObjectHead,
    pub kind: &'static str,
    pub name: Value,
    /// A bound, constraints, or (for aliases) the lazily evaluated value.
    pub evaluate: RefCell<Option<Value>>,
    pub evaluated: RefCell<Option<Value>>,
    pub is_constraints: bool,
    pub type_params: Option<Value>,
}

fn tv_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyTypeVar) };
    visit(&t.name);
    for c in [&t.evaluate, &t.evaluated] {
        if let Ok(v) = c.try_borrow() {
            if let Some(v) = &*v {
                visit(v);
            }
        }
    }
}

pub static TYPEVAR_LAYOUT: Layout = crate::payload_layout!(PyTypeVar, "TypeVar", tv_traverse, heap::no_clear);

impl PyPayload for PyTypeVar {
    fn layout() -> &'static Layout {
        &TYPEVAR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TYPEVAR_TYPE
    }
}

macro_rules! tv_type {
    ($s:ident, $name:literal) => {
        pub static $s: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &TYPEVAR_LAYOUT,
            flags: flags::HAVE_GC,
            base: Some(&super::object::OBJECT_TYPE),
            methods: &[],
            getsets: TV_GETSETS,
            doc: None,
            module: Some("typing"),
        });
    };
}

tv_type!(TYPEVAR_TYPE, "TypeVar");
tv_type!(PARAMSPEC_TYPE, "ParamSpec");
tv_type!(TYPEVARTUPLE_TYPE, "TypeVarTuple");
tv_type!(TYPEALIAS_TYPE, "TypeAliasType");
pub static GENERIC_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Generic",
    layout: &super::object::OBJECT_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: Some("Abstract base class for generic types."),
    module: Some("typing"),
});

fn alloc(ty: &PyType, kind: &'static str, name: Value, evaluate: Option<Value>, is_constraints: bool, type_params: Option<Value>) -> Value {
    heap::alloc(
        ty,
        PyTypeVar {
            head: ObjectHead::uninit(),
            kind,
            name,
            evaluate: RefCell::new(evaluate),
            evaluated: RefCell::new(None),
            is_constraints,
            type_params,
        },
    )
}

pub fn make_typevar(_vm: &mut Vm, name: Value, bound: Option<Value>, constraints: Option<Value>) -> PyResult<Value> {
    let is_c = constraints.is_some();
    Ok(alloc(&TYPEVAR_TYPE, "TypeVar", name, bound.or(constraints), is_c, None))
}

pub fn make_named(_vm: &mut Vm, kind: &'static str, name: Value) -> PyResult<Value> {
    let ty: &PyType = if kind == "ParamSpec" { &PARAMSPEC_TYPE } else { &TYPEVARTUPLE_TYPE };
    Ok(alloc(ty, kind, name, None, false, None))
}

/// `Generic[*params]`: the implicit base of a class with type parameters.
pub fn subscript_generic(_vm: &mut Vm, params: Value) -> PyResult<Value> {
    super::genericalias::new_generic_alias(GENERIC_TYPE.to_value(), params)
}

/// `type X[...] = value`: v is (name, type_params, evaluate_function).
pub fn make_type_alias(_vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = super::tuple::as_tuple(&v).ok_or_else(|| type_error("bad type alias"))?.to_vec();
    if items.len() != 3 {
        return Err(type_error("bad type alias"));
    }
    let params = if super::singletons::is_none(&items[1]) { super::tuple::empty_tuple() } else { items[1].clone() };
    Ok(alloc(&TYPEALIAS_TYPE, "TypeAliasType", items[0].clone(), Some(items[2].clone()), false, Some(params)))
}

fn this(v: &Value) -> PyResult<&PyTypeVar> {
    v.downcast::<PyTypeVar>().ok_or_else(|| type_error("TypeVar expected"))
}

fn tv_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    let n = as_str(&t.name).unwrap_or("?");
    Ok(new_string(match t.kind {
        "TypeVar" | "ParamSpec" => format!("~{n}"),
        "TypeVarTuple" => format!("*{n}").replacen('*', "", 1),
        _ => n.to_string(),
    }))
}

fn evaluated(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = this(v)?;
    if let Some(e) = t.evaluated.borrow().clone() {
        return Ok(e);
    }
    let f = t.evaluate.borrow().clone();
    let r = match f {
        Some(f) if crate::objects::function::is_python_function(&f) => crate::vm::call::call(vm, &f, &[])?,
        Some(f) => f,
        None => super::singletons::none(),
    };
    *this(v)?.evaluated.borrow_mut() = Some(r.clone());
    Ok(r)
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.name.clone())
}
fn get_bound(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if this(v)?.is_constraints || this(v)?.evaluate.borrow().is_none() {
        return Ok(super::singletons::none());
    }
    evaluated(vm, v)
}
fn get_constraints(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if !this(v)?.is_constraints {
        return Ok(super::tuple::empty_tuple());
    }
    evaluated(vm, v)
}
fn get_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    evaluated(vm, v)
}
fn get_type_params(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.type_params.clone().unwrap_or_else(super::tuple::empty_tuple))
}
fn get_module(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(super::str::new_str("__main__"))
}

pub static TV_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__name__", get_name),
    GetSetDef::new("__bound__", get_bound),
    GetSetDef::new("__constraints__", get_constraints),
    GetSetDef::new("__value__", get_value),
    GetSetDef::new("__type_params__", get_type_params),
    GetSetDef::new("__module__", get_module),
];

pub fn init_types() {
    for t in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEVARTUPLE_TYPE, &TYPEALIAS_TYPE] {
        t.slots.repr.set(Some(tv_repr));
    }
}
