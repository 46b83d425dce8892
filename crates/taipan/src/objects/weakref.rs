//! Weak references: `weakref.ref` and `weakref.proxy`.  Mirrors CPython's
//! `Objects/weakrefobject.c`.
//!
//! The weak references to an object are kept in a side table keyed by the object's
//! address; the object's GC header has `HAS_WEAKREFS` while the table has an entry, so
//! deallocation checks the table only for those objects (heap invariant: `dealloc`
//! calls `clear_weakrefs` before freeing).  Callbacks run at the next instruction
//! boundary through the pending queue.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use taipan_compiler::bytecode::ComparisonOperator;

use super::str::new_string;
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, gcflags, GilCell, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyErr, PyResult, Vm};

#[repr(C)]
pub struct PyWeakref {
    head: ObjectHead,
    /// Address of the referent, 0 once it died.
    referent: Cell<usize>,
    callback: RefCell<Option<Value>>,
    hash: Cell<Option<i64>>,
}

fn wr_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let w = unsafe { &*(head as *const ObjectHead as *const PyWeakref) };
    if let Ok(c) = w.callback.try_borrow() {
        if let Some(c) = &*c {
            visit(c);
        }
    }
}

fn wr_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let w = unsafe { &*(head as *const ObjectHead as *const PyWeakref) };
    if let Some(c) = w.callback.borrow_mut().take() {
        out.push(c);
    }
}

impl Drop for PyWeakref {
    fn drop(&mut self) {
        let addr = self.referent.get();
        if addr != 0 {
            let me = self as *const PyWeakref as usize;
            let tbl = table();
            if let Some(list) = tbl.get_mut(&addr) {
                list.retain(|w| *w != me);
                if list.is_empty() {
                    tbl.remove(&addr);
                }
            }
        }
    }
}

pub static WEAKREF_LAYOUT: Layout = crate::payload_layout!(PyWeakref, "weakref", wr_traverse, wr_clear);

impl PyPayload for PyWeakref {
    fn layout() -> &'static Layout {
        &WEAKREF_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &REF_TYPE
    }
}

pub static REF_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "ReferenceType",
    layout: &WEAKREF_LAYOUT,
    flags: flags::HAVE_GC | flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: REF_METHODS,
    getsets: &[],
    doc: None,
    module: Some("weakref"),
});

pub static PROXY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "ProxyType",
    layout: &WEAKREF_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("weakref"),
});

pub static CALLABLE_PROXY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "CallableProxyType",
    layout: &WEAKREF_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("weakref"),
});

static TABLE: GilCell<Option<HashMap<usize, Vec<usize>>>> = GilCell::new(None);

fn table() -> &'static mut HashMap<usize, Vec<usize>> {
    // SAFETY: heap invariant 4 (one thread runs Python at a time).
    unsafe { TABLE.get() }.get_or_insert_with(HashMap::new)
}

/// Weak references need a GC header (to flag the object for clearing on
/// deallocation), except for immortal objects such as static types, which never die.
fn can_weakref(obj: &Value) -> bool {
    match obj.as_head() {
        Some(h) => {
            h.ty().has_flag(flags::WEAKREFABLE)
                && (h.gc_head().is_some() || h.refcnt() >= crate::runtime::heap::IMMORTAL_REFCNT / 2)
        }
        None => false,
    }
}

/// Creates (or reuses) a weak reference of type `ty` to `obj`.
pub fn new_weakref(ty: &PyType, obj: &Value, callback: Option<Value>) -> PyResult<Value> {
    if !can_weakref(obj) {
        return Err(type_error(format!("cannot create weak reference to '{}' object", obj.ty().name())));
    }
    let addr = obj.word();
    let tbl = table();
    // Callback-less refs and proxies of the basic types are shared.
    let shareable = std::ptr::eq(ty, &REF_TYPE) || std::ptr::eq(ty, &PROXY_TYPE) || std::ptr::eq(ty, &CALLABLE_PROXY_TYPE);
    if callback.is_none() && shareable {
        if let Some(list) = tbl.get(&addr) {
            for w in list {
                let wr = unsafe { &*(*w as *const PyWeakref) };
                if wr.callback.borrow().is_none() && std::ptr::eq(wr.head.ty(), ty) {
                    return Ok(unsafe { Value::from_borrowed(&wr.head) });
                }
            }
        }
    }
    let v = heap::alloc(ty, PyWeakref { head: ObjectHead::uninit(), referent: Cell::new(addr), callback: RefCell::new(callback), hash: Cell::new(None) });
    let tbl = table();
    tbl.entry(addr).or_default().push(v.word());
    if let Some(gc) = obj.as_head().and_then(|h| h.gc_head()) {
        gc.flags.set(gc.flags.get() | gcflags::HAS_WEAKREFS);
    }
    Ok(v)
}

/// Called by `heap::dealloc` for an object with weak references: kills them and queues
/// their callbacks.
pub fn clear_weakrefs(obj: *mut ObjectHead) {
    let tbl = table();
    let Some(list) = tbl.remove(&(obj as usize)) else { return };
    for w in list.into_iter().rev() {
        let wr = unsafe { &*(w as *const PyWeakref) };
        wr.referent.set(0);
        let cb = wr.callback.borrow_mut().take();
        if let Some(callback) = cb {
            let weakref = unsafe { Value::from_borrowed(&wr.head) };
            heap::push_pending(heap::Pending::WeakrefCallback { callback, weakref });
        }
    }
}

/// The live referent of a weak reference.
pub fn referent(w: &Value) -> Option<Value> {
    let wr = w.downcast::<PyWeakref>()?;
    let addr = wr.referent.get();
    if addr == 0 {
        return None;
    }
    // The table entry exists only while the referent is alive.
    Some(unsafe { Value::from_borrowed(addr as *const ObjectHead) })
}

pub fn weakref_count(obj: &Value) -> usize {
    table().get(&obj.word()).map(|l| l.len()).unwrap_or(0)
}

pub fn weakrefs_of(obj: &Value) -> Vec<Value> {
    table()
        .get(&obj.word())
        .map(|l| l.iter().map(|w| unsafe { Value::from_borrowed(*w as *const ObjectHead) }).collect())
        .unwrap_or_default()
}

fn ref_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 && super::typeobject::as_type(cls).map(|t| !t.is_heap_type()).unwrap_or(true) {
        return Err(type_error(format!("__new__ expected at most 2 arguments, got {}", pos.len())));
    }
    let ty = super::typeobject::as_type(cls).unwrap_or(&REF_TYPE);
    let cb = pos.get(1).cloned().filter(|c| !super::singletons::is_none(c));
    new_weakref(ty, &pos[0], cb)
}

fn ref_init(_vm: &mut Vm, _v: &Value, _args: Args) -> PyResult<()> {
    Ok(())
}

fn ref_call(_vm: &mut Vm, w: &Value, args: Args) -> PyResult<Value> {
    args.check("weakref", 0, 0)?;
    Ok(referent(w).unwrap_or_else(super::singletons::none))
}

fn ref_repr(_vm: &mut Vm, w: &Value) -> PyResult<Value> {
    Ok(new_string(match referent(w) {
        Some(o) => format!("<weakref at {:#x}; to '{}' at {:#x}>", w.word(), o.ty().name(), o.word()),
        None => format!("<weakref at {:#x}; dead>", w.word()),
    }))
}

fn ref_hash(vm: &mut Vm, w: &Value) -> PyResult<i64> {
    let wr = w.downcast::<PyWeakref>().ok_or_else(|| type_error("weakref expected"))?;
    if let Some(h) = wr.hash.get() {
        return Ok(h);
    }
    let o = referent(w).ok_or_else(|| type_error("weak object has gone away"))?;
    let h = crate::vm::ops::hash(vm, &o)?;
    if let Some(wr) = w.downcast::<PyWeakref>() {
        wr.hash.set(Some(h));
    }
    Ok(h)
}

fn ref_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) || b.downcast::<PyWeakref>().is_none() {
        return Ok(super::singletons::not_implemented());
    }
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => crate::vm::ops::richcompare(vm, &x, &y, op),
        _ => Ok(super::singletons::bool_value(a.is(b) == (op == ComparisonOperator::Eq))),
    }
}

fn ref_callback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [w] = args.exact::<1>("__callback__")?;
    Ok(w.downcast::<PyWeakref>().and_then(|w| w.callback.borrow().clone()).unwrap_or_else(super::singletons::none))
}

pub static REF_METHODS: &[MethodDef] = &[MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem)];

fn proxy_target(p: &Value) -> PyResult<Value> {
    referent(p).ok_or_else(|| PyErr::new(&super::exceptions::REFERENCE_ERROR, "weakly-referenced object no longer exists"))
}

fn proxy_getattro(vm: &mut Vm, p: &Value, name: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::ops::getattr(vm, &o, name)
}
fn proxy_setattro(vm: &mut Vm, p: &Value, name: &Value, v: Option<&Value>) -> PyResult<()> {
    let o = proxy_target(p)?;
    crate::vm::ops::setattr(vm, &o, name, v)
}
fn proxy_repr(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    Ok(new_string(match referent(p) {
        Some(o) => format!("<weakproxy at {:#x}; to '{}' at {:#x}>", p.word(), o.ty().name(), o.word()),
        None => format!("<weakproxy at {:#x}; dead>", p.word()),
    }))
}
fn proxy_str(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::ops::str(vm, &o)
}
fn proxy_call(vm: &mut Vm, p: &Value, args: Args) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::call::call_with_kwnames(vm, &o, args.values, args.kwnames)
}
fn proxy_len(vm: &mut Vm, p: &Value) -> PyResult<usize> {
    let o = proxy_target(p)?;
    crate::vm::ops::len(vm, &o)
}
fn proxy_getitem(vm: &mut Vm, p: &Value, k: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::ops::getitem(vm, &o, k)
}
fn proxy_bool(vm: &mut Vm, p: &Value) -> PyResult<bool> {
    let o = proxy_target(p)?;
    crate::vm::ops::is_true(vm, &o)
}
fn proxy_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let o = proxy_target(a)?;
    crate::vm::ops::richcompare(vm, &o, b, op)
}

/// A proxy operand stands for its referent (CPython's UNWRAP).
fn unwrap_operand(v: &Value) -> PyResult<Value> {
    if is_proxy(v) {
        proxy_target(v)
    } else {
        Ok(v.clone())
    }
}
fn is_proxy(v: &Value) -> bool {
    std::ptr::eq(v.ty(), &PROXY_TYPE) || std::ptr::eq(v.ty(), &CALLABLE_PROXY_TYPE)
}
fn proxy_binop(vm: &mut Vm, a: &Value, b: &Value, op: taipan_compiler::bytecode::BinaryOperator) -> PyResult<Value> {
    let (x, y) = (unwrap_operand(a)?, unwrap_operand(b)?);
    crate::vm::ops::binary_op(vm, &x, &y, op)
}
fn proxy_pow3(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (x, y, z) = (unwrap_operand(a)?, unwrap_operand(b)?, unwrap_operand(m)?);
    crate::vm::ops::ternary_pow(vm, &x, &y, &z)
}
macro_rules! proxy_unary {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, p: &Value) -> PyResult<Value> {
            let o = proxy_target(p)?;
            crate::vm::ops::unary_op(vm, &o, $op)
        }
    };
}
proxy_unary!(proxy_neg, crate::objects::typeobject::UnaryOp::Neg);
proxy_unary!(proxy_pos, crate::objects::typeobject::UnaryOp::Pos);
proxy_unary!(proxy_abs, crate::objects::typeobject::UnaryOp::Abs);
proxy_unary!(proxy_invert, crate::objects::typeobject::UnaryOp::Invert);
fn proxy_index(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::ops::index(vm, &o)
}
fn proxy_int(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::call::call(vm, &super::int::INT_TYPE.to_value(), &[o])
}
fn proxy_float(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::call::call(vm, &super::float::FLOAT_TYPE.to_value(), &[o])
}
fn proxy_iter(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let o = proxy_target(p)?;
    crate::vm::ops::iter(vm, &o)
}
fn proxy_iternext(vm: &mut Vm, p: &Value) -> PyResult<Option<Value>> {
    let o = proxy_target(p)?;
    if o.ty().slots.iternext.get().is_none() {
        return Err(type_error(format!("Weakref proxy referenced a non-iterator '{}' object", o.ty().name())));
    }
    crate::vm::ops::next(vm, &o)
}
fn proxy_contains(vm: &mut Vm, p: &Value, item: &Value) -> PyResult<bool> {
    let o = proxy_target(p)?;
    crate::vm::ops::contains(vm, &o, item)
}
fn proxy_setitem(vm: &mut Vm, p: &Value, k: &Value, v: Option<&Value>) -> PyResult<()> {
    let o = proxy_target(p)?;
    match v {
        Some(v) => crate::vm::ops::setitem(vm, &o, k, v),
        None => crate::vm::ops::delitem(vm, &o, k),
    }
}

pub fn new_proxy(obj: &Value, callback: Option<Value>) -> PyResult<Value> {
    let ty: &PyType = if obj.ty().slots.call.get().is_some() { &CALLABLE_PROXY_TYPE } else { &PROXY_TYPE };
    new_weakref(ty, obj, callback)
}

pub fn init_types() {
    let s = &REF_TYPE.slots;
    s.new.set(Some(ref_new));
    s.init.set(Some(ref_init));
    s.call.set(Some(ref_call));
    s.repr.set(Some(ref_repr));
    s.hash.set(Some(ref_hash));
    s.richcompare.set(Some(ref_richcompare));
    for t in [&PROXY_TYPE, &CALLABLE_PROXY_TYPE] {
        let s = &t.slots;
        s.getattro.set(Some(proxy_getattro));
        s.setattro.set(Some(proxy_setattro));
        s.repr.set(Some(proxy_repr));
        s.str.set(Some(proxy_str));
        s.len.set(Some(proxy_len));
        s.getitem.set(Some(proxy_getitem));
        s.bool.set(Some(proxy_bool));
        s.richcompare.set(Some(proxy_richcompare));
        s.hash.set(Some(crate::vm::ops::hash_not_implemented));
        for i in 0..13 {
            s.binop[i].set(Some(proxy_binop));
            s.inplace[i].set(Some(proxy_binop));
        }
        s.pow3.set(Some(proxy_pow3));
        let unary: [crate::objects::typeobject::UnaryFn; 4] = [proxy_neg, proxy_pos, proxy_abs, proxy_invert];
        for (op, f) in [crate::objects::typeobject::UnaryOp::Neg, crate::objects::typeobject::UnaryOp::Pos, crate::objects::typeobject::UnaryOp::Abs, crate::objects::typeobject::UnaryOp::Invert].into_iter().zip(unary) {
            s.unary[op as usize].set(Some(f));
        }
        s.index.set(Some(proxy_index));
        s.int.set(Some(proxy_int));
        s.float.set(Some(proxy_float));
        s.iter.set(Some(proxy_iter));
        s.iternext.set(Some(proxy_iternext));
        s.contains.set(Some(proxy_contains));
        s.setitem.set(Some(proxy_setitem));
    }
    CALLABLE_PROXY_TYPE.slots.call.set(Some(proxy_call));
    let _ = ref_callback;
}
