//! `tuple`: immutable sequences.  Mirrors CPython's `Objects/tupleobject.c`.

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::singletons::{bool_value, not_implemented};
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{index_error, type_error, value_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyTuple {
    head: ObjectHead,
    items: Box<[Value]>,
}

fn tuple_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyTuple) };
    t.items.iter().for_each(visit);
}

fn tuple_clear(_head: &ObjectHead, _out: &mut Vec<Value>) {
    // Tuples are immutable; cycles through them are broken at their mutable members.
}

pub static TUPLE_LAYOUT: Layout = crate::payload_layout!(PyTuple, "tuple", tuple_traverse, tuple_clear);

/// Items are released last to first, like CPython's tupledealloc.
impl Drop for PyTuple {
    fn drop(&mut self) {
        super::list::release_reversed(std::mem::take(&mut self.items).into_vec());
    }
}

impl PyPayload for PyTuple {
    fn layout() -> &'static Layout {
        &TUPLE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TUPLE_TYPE
    }
}

pub static TUPLE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "tuple",
    layout: &TUPLE_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::TUPLE_SUBCLASS | flags::SEQUENCE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: TUPLE_METHODS,
    getsets: &[],
    doc: Some("Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object."),
    module: None,
});

impl PyTuple {
    /// A payload for `heap::alloc` with a tuple-layout type.
    pub fn payload(items: Vec<Value>) -> PyTuple {
        PyTuple { head: ObjectHead::uninit(), items: items.into_boxed_slice() }
    }
    #[inline]
    pub fn items(&self) -> &[Value] {
        &self.items
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return empty_tuple();
    }
    heap::alloc(&TUPLE_TYPE, PyTuple { head: ObjectHead::uninit(), items: items.into_boxed_slice() })
}

static EMPTY: crate::runtime::heap::GilCell<Option<Value>> = crate::runtime::heap::GilCell::new(None);

pub fn new_tuple_of_type(ty: &PyType, items: Vec<Value>) -> Value {
    heap::alloc(ty, PyTuple { head: ObjectHead::uninit(), items: items.into_boxed_slice() })
}

/// `()`: one shared, untracked object, as in CPython.
pub fn empty_tuple() -> Value {
    // SAFETY: heap invariant 4 (one thread runs Python at a time).
    let slot = unsafe { EMPTY.get() };
    if slot.is_none() {
        let v = heap::alloc(&TUPLE_TYPE, PyTuple { head: ObjectHead::uninit(), items: Box::new([]) });
        crate::runtime::gc::untrack_value(&v);
        *slot = Some(v);
    }
    slot.clone().expect("set above")
}

#[inline]
pub fn as_tuple(v: &Value) -> Option<&[Value]> {
    v.downcast::<PyTuple>().map(|t| t.items())
}

/// CPython's tuple hash (the xxHash-based mixing of 3.8+).
pub fn tuple_hash_of(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for it in items {
        let lane = crate::vm::ops::hash(vm, it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let items: Vec<Value> = as_tuple(v).unwrap_or(&[]).to_vec();
    tuple_hash_of(vm, &items)
}

fn tuple_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items: Vec<Value> = as_tuple(v).unwrap_or(&[]).to_vec();
    if items.is_empty() {
        return Ok(super::str::new_str("()"));
    }
    if !vm.repr_enter(v) {
        return Ok(super::str::new_str("(...)"));
    }
    let result = (|| {
        let mut out = String::from("(");
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let r = crate::vm::ops::repr(vm, it)?;
            out.push_str(super::str::as_str(&r).unwrap_or(""));
        }
        if items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        Ok(super::str::new_string(out))
    })();
    vm.repr_leave(v);
    result
}

/// Lexicographic comparison of two sequences (shared with list).
pub fn seq_richcompare(vm: &mut Vm, a: &[Value], b: &[Value], op: ComparisonOperator) -> PyResult<Value> {
    if a.len() != b.len() && matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(bool_value(op == ComparisonOperator::Ne));
    }
    let n = a.len().min(b.len());
    for i in 0..n {
        let (x, y) = (a[i].clone(), b[i].clone());
        if !x.is(&y) && !crate::vm::ops::eq(vm, &x, &y)? {
            return match op {
                ComparisonOperator::Eq => Ok(bool_value(false)),
                ComparisonOperator::Ne => Ok(bool_value(true)),
                _ => crate::vm::ops::richcompare(vm, &x, &y, op),
            };
        }
    }
    Ok(bool_value(crate::vm::ops::ordering_matches(a.len().cmp(&b.len()), op)))
}

fn tuple_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) else {
        return Ok(not_implemented());
    };
    let (x, y) = (x.to_vec(), y.to_vec());
    seq_richcompare(vm, &x, &y, op)
}

fn tuple_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(as_tuple(v).map(|t| t.len()).unwrap_or(0))
}

pub fn seq_contains(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<bool> {
    for it in items {
        if it.is(x) || crate::vm::ops::eq(vm, it, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let items = as_tuple(v).unwrap_or(&[]).to_vec();
    seq_contains(vm, &items, x)
}

fn tuple_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let items = as_tuple(v).unwrap_or(&[]);
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let (start, _stop, step, n) = slice.indices(vm, items.len())?;
        if step == 1 && n == items.len() && v.downcast_exact::<PyTuple>().is_some() {
            return Ok(v.clone());
        }
        let items = as_tuple(v).unwrap_or(&[]);
        let out: Vec<Value> = (0..n).map(|k| items[(start + k as i64 * step) as usize].clone()).collect();
        return Ok(new_tuple(out));
    }
    let i = crate::vm::ops::index_value(vm, key).map_err(|_| {
        type_error(format!("tuple indices must be integers or slices, not {}", key.ty().name()))
    })?;
    let items = as_tuple(v).unwrap_or(&[]);
    let n = items.len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("tuple index out of range"));
    }
    Ok(items[idx as usize].clone())
}

fn tuple_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) else { return Ok(not_implemented()) };
            let mut out = Vec::with_capacity(x.len() + y.len());
            out.extend_from_slice(x);
            out.extend_from_slice(y);
            Ok(new_tuple(out))
        }
        BinaryOperator::Multiply => {
            let (t, n) = match (as_tuple(a), as_tuple(b)) {
                (Some(t), _) => (t.to_vec(), b),
                (None, Some(t)) => (t.to_vec(), a),
                _ => return Ok(not_implemented()),
            };
            if !super::int::is_int(n) && n.ty().slots.index.get().is_none() {
                return Ok(not_implemented());
            }
            let count = super::bytes::repeat_count(vm, n)?;
            let count = count.max(0) as usize;
            let total = t.len().checked_mul(count).ok_or_else(crate::vm::memory_error)?;
            if total > (1 << 32) {
                return Err(crate::vm::memory_error());
            }
            let mut out = Vec::with_capacity(total);
            for _ in 0..count {
                out.extend_from_slice(&t);
            }
            Ok(new_tuple(out))
        }
        _ => Ok(not_implemented()),
    }
}

fn tuple_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::iter::new_tuple_iter(v.clone()))
}

pub fn tuple_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("tuple")?;
    let pos = args.check("tuple", 0, 1)?;
    let ty = super::typeobject::as_type(cls).unwrap_or(&TUPLE_TYPE);
    let items = match pos.first() {
        None => Vec::new(),
        Some(it) => {
            if std::ptr::eq(ty, &TUPLE_TYPE) && it.downcast_exact::<PyTuple>().is_some() {
                return Ok(it.clone());
            }
            crate::vm::ops::collect_iter(vm, it)?
        }
    };
    Ok(new_tuple_of_type(ty, items))
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, pos) = args.method("tuple.index", 1, 3)?;
    let items = as_tuple(t).ok_or_else(|| type_error("tuple expected"))?.to_vec();
    let (start, stop) = super::list::slice_bounds(vm, pos, items.len())?;
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        if it.is(&pos[0]) || crate::vm::ops::eq(vm, it, &pos[0])? {
            return Ok(super::int::new_int(i as i64));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (t, x) = args.one_arg("tuple.count")?;
    let items = as_tuple(t).ok_or_else(|| type_error("tuple expected"))?.to_vec();
    let mut n = 0;
    for it in &items {
        if it.is(x) || crate::vm::ops::eq(vm, it, x)? {
            n += 1;
        }
    }
    Ok(super::int::new_int(n))
}

fn tuple_getnewargs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = args.noargs("tuple.__getnewargs__")?;
    Ok(new_tuple(vec![new_tuple(as_tuple(t).unwrap_or(&[]).to_vec())]))
}

pub static TUPLE_METHODS: &[MethodDef] = &[
    MethodDef::method("index", tuple_index),
    MethodDef::method("count", tuple_count),
    MethodDef::method("__getnewargs__", tuple_getnewargs),
    MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem),
];

pub fn init_type() {
    let s = &TUPLE_TYPE.slots;
    s.repr.set(Some(tuple_repr));
    s.hash.set(Some(tuple_hash));
    s.richcompare.set(Some(tuple_richcompare));
    s.len.set(Some(tuple_len));
    s.contains.set(Some(tuple_contains));
    s.getitem.set(Some(tuple_getitem));
    s.iter.set(Some(tuple_iter));
    s.new.set(Some(tuple_new));
    s.binop[BinaryOperator::Add as usize].set(Some(tuple_binop));
    s.binop[BinaryOperator::Multiply as usize].set(Some(tuple_binop));
}
