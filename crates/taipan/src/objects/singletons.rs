//! `None`, `NotImplemented`, `Ellipsis` and `bool` (`True`/`False`).
//!
//! Mirrors CPython's `Objects/object.c` (None, NotImplemented), `Objects/sliceobject.c`
//! (Ellipsis) and `Objects/boolobject.c`.  All five objects are immortal statics.

use std::cell::Cell;

use taipan_compiler::bytecode::BinaryOperator;

use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PySingleton {
    head: ObjectHead,
}

pub static SINGLETON_LAYOUT: Layout = crate::payload_layout!(PySingleton, "singleton", no_traverse, no_clear);

impl PyPayload for PySingleton {
    fn layout() -> &'static Layout {
        &SINGLETON_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &NONE_TYPE
    }
}

macro_rules! singleton_type {
    ($tyname:ident, $name:literal, $methods:expr) => {
        pub static $tyname: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &SINGLETON_LAYOUT,
            flags: 0,
            base: Some(&super::object::OBJECT_TYPE),
            methods: $methods,
            getsets: &[],
            doc: None,
            module: None,
        });
    };
}

singleton_type!(NONE_TYPE, "NoneType", &[]);
singleton_type!(NOT_IMPLEMENTED_TYPE, "NotImplementedType", &[MethodDef::method("__reduce__", ni_reduce)]);
singleton_type!(ELLIPSIS_TYPE, "ellipsis", &[MethodDef::method("__reduce__", ellipsis_reduce)]);

/// Pickled by name: `NotImplemented` and `Ellipsis` are builtins.
fn ni_reduce(_vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.exact::<1>("__reduce__")?;
    Ok(super::str::new_str("NotImplemented"))
}
fn ellipsis_reduce(_vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    args.exact::<1>("__reduce__")?;
    Ok(super::str::new_str("Ellipsis"))
}

struct Static<T>(T);
// SAFETY: immortal objects; their cells are never written after start-up.
unsafe impl<T> Sync for Static<T> {}

static NONE: Static<PySingleton> = Static(PySingleton { head: ObjectHead::immortal(&NONE_TYPE) });
static NOT_IMPLEMENTED: Static<PySingleton> = Static(PySingleton { head: ObjectHead::immortal(&NOT_IMPLEMENTED_TYPE) });
static ELLIPSIS: Static<PySingleton> = Static(PySingleton { head: ObjectHead::immortal(&ELLIPSIS_TYPE) });

#[inline(always)]
pub fn none() -> Value {
    unsafe { Value::from_borrowed(&NONE.0.head) }
}
#[inline(always)]
pub fn is_none(v: &Value) -> bool {
    std::ptr::eq(v.as_ptr(), &NONE.0.head)
}
#[inline(always)]
pub fn not_implemented() -> Value {
    unsafe { Value::from_borrowed(&NOT_IMPLEMENTED.0.head) }
}
#[inline(always)]
pub fn is_not_implemented(v: &Value) -> bool {
    std::ptr::eq(v.as_ptr(), &NOT_IMPLEMENTED.0.head)
}
pub fn ellipsis() -> Value {
    unsafe { Value::from_borrowed(&ELLIPSIS.0.head) }
}

/// `True` / `False`.
#[repr(C)]
pub struct PyBool {
    head: ObjectHead,
    pub value: bool,
}

pub static BOOL_LAYOUT: Layout = crate::payload_layout!(PyBool, "bool", no_traverse, no_clear);

impl PyPayload for PyBool {
    fn layout() -> &'static Layout {
        &BOOL_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BOOL_TYPE
    }
}

pub static BOOL_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "bool",
    layout: &BOOL_LAYOUT,
    flags: flags::LONG_SUBCLASS,
    base: Some(&super::int::INT_TYPE),
    methods: BOOL_METHODS,
    getsets: &[],
    doc: Some("Returns True when the argument is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed."),
    module: None,
});

static TRUE: Static<PyBool> = Static(PyBool { head: ObjectHead::immortal(&BOOL_TYPE), value: true });
static FALSE: Static<PyBool> = Static(PyBool { head: ObjectHead::immortal(&BOOL_TYPE), value: false });

#[inline(always)]
pub fn bool_value(b: bool) -> Value {
    unsafe { Value::from_borrowed(if b { &TRUE.0.head } else { &FALSE.0.head }) }
}
#[inline(always)]
pub fn is_true_obj(v: &Value) -> bool {
    std::ptr::eq(v.as_ptr(), &TRUE.0.head)
}
#[inline(always)]
pub fn is_false_obj(v: &Value) -> bool {
    std::ptr::eq(v.as_ptr(), &FALSE.0.head)
}
pub fn as_bool(v: &Value) -> Option<bool> {
    v.downcast::<PyBool>().map(|b| b.value)
}

fn none_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(super::str::intern("None"))
}
fn none_bool(_vm: &mut Vm, _v: &Value) -> PyResult<bool> {
    Ok(false)
}
fn none_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(type_error("NoneType takes no arguments"));
    }
    Ok(none())
}
fn ni_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(super::str::intern("NotImplemented"))
}
fn ni_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(type_error("NotImplementedType takes no arguments"));
    }
    Ok(not_implemented())
}
fn ni_bool(_vm: &mut Vm, _v: &Value) -> PyResult<bool> {
    Err(type_error("NotImplemented should not be used in a boolean context"))
}
fn ellipsis_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(super::str::intern("Ellipsis"))
}
fn ellipsis_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(type_error("ellipsis takes no arguments"));
    }
    Ok(ellipsis())
}
fn singleton_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    let name = if is_not_implemented(v) { "NotImplemented" } else { "Ellipsis" };
    Ok(super::str::intern(name))
}

fn bool_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::str::intern(if as_bool(v).unwrap_or(false) { "True" } else { "False" }))
}

fn bool_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("bool")?;
    let pos = args.check("bool", 0, 1)?;
    match pos.first() {
        None => Ok(bool_value(false)),
        Some(v) => Ok(bool_value(crate::vm::ops::is_true(vm, v)?)),
    }
}

fn bool_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_bool(a), as_bool(b)) {
        match op.base() {
            BinaryOperator::And => return Ok(bool_value(x & y)),
            BinaryOperator::Or => return Ok(bool_value(x | y)),
            BinaryOperator::Xor => return Ok(bool_value(x ^ y)),
            _ => {}
        }
    }
    super::int::int_binop(vm, a, b, op)
}

fn bool_invert(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    // Deprecated in 3.12 but still the int result.
    Ok(super::int::new_int(!(as_bool(v).unwrap_or(false) as i64)))
}

pub static BOOL_METHODS: &[MethodDef] = &[];

thread_local! {
    static INIT: Cell<bool> = const { Cell::new(false) };
}

pub fn init_types() {
    NONE_TYPE.slots.repr.set(Some(none_repr));
    NONE_TYPE.slots.bool.set(Some(none_bool));
    NONE_TYPE.slots.new.set(Some(none_new));
    NOT_IMPLEMENTED_TYPE.slots.repr.set(Some(ni_repr));
    NOT_IMPLEMENTED_TYPE.slots.new.set(Some(ni_new));
    NOT_IMPLEMENTED_TYPE.slots.bool.set(Some(ni_bool));
    ELLIPSIS_TYPE.slots.repr.set(Some(ellipsis_repr));
    ELLIPSIS_TYPE.slots.new.set(Some(ellipsis_new));
    let b = &BOOL_TYPE.slots;
    b.repr.set(Some(bool_repr));
    b.new.set(Some(bool_new));
    for op in [BinaryOperator::And, BinaryOperator::Or, BinaryOperator::Xor] {
        b.binop[op as usize].set(Some(bool_binop));
    }
    b.unary[super::typeobject::UnaryOp::Invert as usize].set(Some(bool_invert));
}

pub static SINGLETON_REDUCE: MethodDef = MethodDef::method("__reduce__", singleton_reduce);
