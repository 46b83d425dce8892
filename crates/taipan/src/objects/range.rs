//! `range` and its iterator.  Mirrors CPython's `Objects/rangeobject.c`.

use std::cell::Cell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use taipan_compiler::bytecode::ComparisonOperator;

use super::int::{as_bigint, new_bigint, new_int};
use super::singletons::{bool_value, not_implemented};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{index_error, overflow_error, type_error, value_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyRange {
    head: ObjectHead,
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

pub static RANGE_LAYOUT: Layout = crate::payload_layout!(PyRange, "range", heap::no_traverse, heap::no_clear);

impl PyPayload for PyRange {
    fn layout() -> &'static Layout {
        &RANGE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &RANGE_TYPE
    }
}

pub static RANGE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "range",
    layout: &RANGE_LAYOUT,
    flags: flags::SEQUENCE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: RANGE_METHODS,
    getsets: RANGE_GETSETS,
    doc: Some("range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement)."),
    module: None,
});

fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        BigInt::zero()
    }
}

pub fn new_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let len = range_len(&start, &stop, &step);
    heap::alloc(&RANGE_TYPE, PyRange { head: ObjectHead::uninit(), start, stop, step, len })
}

fn to_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = crate::vm::ops::index(vm, v)?;
    Ok(as_bigint(&i).unwrap_or_default())
}

fn range_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("range")?;
    let pos = args.positional();
    let (start, stop, step) = match pos.len() {
        1 => (BigInt::zero(), to_index(vm, &pos[0])?, BigInt::one()),
        2 => (to_index(vm, &pos[0])?, to_index(vm, &pos[1])?, BigInt::one()),
        3 => (to_index(vm, &pos[0])?, to_index(vm, &pos[1])?, to_index(vm, &pos[2])?),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => return Err(type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.is_zero() {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(start, stop, step))
}

fn this(v: &Value) -> PyResult<&PyRange> {
    v.downcast::<PyRange>().ok_or_else(|| type_error("range expected"))
}

fn r_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = this(v)?;
    r.len.to_usize().filter(|n| *n <= i64::MAX as usize).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

fn r_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = this(v)?;
    Ok(super::str::new_string(if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn r_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(!this(v)?.len.is_zero())
}

fn item_at(r: &PyRange, i: &BigInt) -> BigInt {
    &r.start + i * &r.step
}

/// A slice bound or step as an arbitrary-precision int (`_PySlice_GetLongIndices`).
fn slice_long(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if super::singletons::is_none(v) {
        return Ok(None);
    }
    if !super::int::is_int(v) && v.ty().slots.index.get().is_none() {
        return Err(type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = crate::vm::ops::index(vm, v)?;
    Ok(Some(as_bigint(&i).unwrap_or_default()))
}

fn r_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(s) = key.downcast::<super::slice::PySlice>() {
        // range's compute_slice over _PySlice_GetLongIndices: no size limit.
        let (start, stop, step) = (s.start.clone(), s.stop.clone(), s.step.clone());
        let step = slice_long(vm, &step)?.unwrap_or_else(|| BigInt::from(1));
        if step.is_zero() {
            return Err(crate::vm::value_error("slice step cannot be zero"));
        }
        let start = slice_long(vm, &start)?;
        let stop = slice_long(vm, &stop)?;
        let r = this(v)?;
        let len = r.len.clone();
        let (lower, upper) = if step.is_negative() { (BigInt::from(-1), &len - 1) } else { (BigInt::zero(), len.clone()) };
        let clamp = |x: Option<BigInt>, default: &BigInt| -> BigInt {
            match x {
                None => default.clone(),
                Some(x) => {
                    let x = if x.is_negative() { x + &len } else { x };
                    if x < lower {
                        lower.clone()
                    } else if x > upper {
                        upper.clone()
                    } else {
                        x
                    }
                }
            }
        };
        let (dstart, dstop) = if step.is_negative() { (upper.clone(), lower.clone()) } else { (lower.clone(), upper.clone()) };
        let start = clamp(start, &dstart);
        let stop = clamp(stop, &dstop);
        let nstart = item_at(r, &start);
        let nstop = item_at(r, &stop);
        let nstep = &r.step * step;
        return Ok(new_range(nstart, nstop, nstep));
    }
    if !super::int::is_int(key) && key.ty().slots.index.get().is_none() {
        return Err(type_error(format!("range indices must be integers or slices, not {}", key.ty().name())));
    }
    let i = crate::vm::ops::index(vm, key)?;
    let i = as_bigint(&i).unwrap_or_default();
    let r = this(v)?;
    let idx = if i.is_negative() { &i + &r.len } else { i };
    if idx.is_negative() || idx >= r.len {
        return Err(index_error("range object index out of range"));
    }
    Ok(new_bigint(item_at(r, &idx)))
}

fn contains_int(r: &PyRange, x: &BigInt) -> bool {
    let in_bounds = if r.step.is_positive() { x >= &r.start && x < &r.stop } else { x <= &r.start && x > &r.stop };
    in_bounds && (x - &r.start).mod_floor(&r.step.abs()).is_zero()
}

fn r_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    if super::int::is_exact_int(x) || super::singletons::as_bool(x).is_some() {
        let b = as_bigint(x).unwrap_or_default();
        return Ok(contains_int(this(v)?, &b));
    }
    let it = crate::vm::ops::iter(vm, v)?;
    while let Some(y) = crate::vm::ops::next(vm, &it)? {
        if crate::vm::ops::eq(vm, &y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn r_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Ok(x), Ok(y)) = (this(a), this(b)) else { return Ok(not_implemented()) };
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(not_implemented());
    }
    let eq = x.len == y.len && (x.len.is_zero() || (x.start == y.start && (x.len.is_one() || x.step == y.step)));
    Ok(bool_value(eq == (op == ComparisonOperator::Eq)))
}

fn r_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let r = this(v)?;
    let items = if r.len.is_zero() {
        vec![new_int(0), super::singletons::none(), super::singletons::none()]
    } else if r.len.is_one() {
        vec![new_int(1), new_bigint(r.start.clone()), super::singletons::none()]
    } else {
        vec![new_bigint(r.len.clone()), new_bigint(r.start.clone()), new_bigint(r.step.clone())]
    };
    super::tuple::tuple_hash_of(vm, &items)
}

fn r_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = this(v)?;
    Ok(new_range_iter(&r.start, &r.step, &r.len, r.fits_c_long()))
}

impl PyRange {
    /// CPython's range_iter/range_reverse use the C-long `range_iterator` only
    /// when start, stop and step all fit a C long; otherwise `longrange_iterator`.
    fn fits_c_long(&self) -> bool {
        self.start.to_i64().is_some() && self.stop.to_i64().is_some() && self.step.to_i64().is_some()
    }
}

/// An iterator over `len` values from `start` by `step`: a `range_iterator` when
/// `small` and the values fit an i64, else a `longrange_iterator`.
pub fn new_range_iter(start: &BigInt, step: &BigInt, len: &BigInt, small: bool) -> Value {
    match (start.to_i64(), step.to_i64(), len.to_i64()) {
        (Some(a), Some(s), Some(n)) if small && s.checked_mul(n).and_then(|d| a.checked_add(d)).is_some() => heap::alloc(
            &RANGE_ITER_TYPE,
            PyRangeIter { head: ObjectHead::uninit(), next: Cell::new(a), step: s, remaining: Cell::new(n), big: None },
        ),
        _ => heap::alloc(
            &LONGRANGE_ITER_TYPE,
            PyRangeIter {
                head: ObjectHead::uninit(),
                next: Cell::new(0),
                step: 0,
                remaining: Cell::new(0),
                big: Some(std::cell::RefCell::new((start.clone(), step.clone(), len.clone()))),
            },
        ),
    }
}

fn m_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, x) = args.one_arg("range.count")?;
    if super::int::is_int(x) {
        let b = as_bigint(x).unwrap_or_default();
        return Ok(new_int(contains_int(this(r)?, &b) as i64));
    }
    let mut n = 0;
    let it = crate::vm::ops::iter(vm, r)?;
    while let Some(y) = crate::vm::ops::next(vm, &it)? {
        if crate::vm::ops::eq(vm, &y, x)? {
            n += 1;
        }
    }
    Ok(new_int(n))
}

fn m_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, x) = args.one_arg("range.index")?;
    if super::int::is_int(x) {
        let b = as_bigint(x).unwrap_or_default();
        let rr = this(r)?;
        if contains_int(rr, &b) {
            return Ok(new_bigint((b - &rr.start) / &rr.step));
        }
        return Err(value_error(format!("{} is not in range", b)));
    }
    let it = crate::vm::ops::iter(vm, r)?;
    let mut i = 0;
    while let Some(y) = crate::vm::ops::next(vm, &it)? {
        if crate::vm::ops::eq(vm, &y, x)? {
            return Ok(new_int(i));
        }
        i += 1;
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

fn m_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = args.noargs("range.__reversed__")?;
    let rr = this(r)?;
    let last = &rr.start + (&rr.len - 1) * &rr.step;
    let small = rr.fits_c_long() && rr.step.to_i64() != Some(i64::MIN);
    Ok(new_range_iter(&last, &-&rr.step, &rr.len, small))
}

fn m_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = args.noargs("range.__reduce__")?;
    let rr = this(r)?;
    Ok(super::tuple::new_tuple(vec![
        RANGE_TYPE.to_value(),
        super::tuple::new_tuple(vec![new_bigint(rr.start.clone()), new_bigint(rr.stop.clone()), new_bigint(rr.step.clone())]),
    ]))
}

fn get_start(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bigint(this(v)?.start.clone()))
}
fn get_stop(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bigint(this(v)?.stop.clone()))
}
fn get_step(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bigint(this(v)?.step.clone()))
}

pub static RANGE_METHODS: &[MethodDef] = &[
    MethodDef::method("count", m_count),
    MethodDef::method("index", m_index),
    MethodDef::method("__reversed__", m_reversed),
    MethodDef::method("__reduce__", m_reduce),
];
pub static RANGE_GETSETS: &[GetSetDef] =
    &[GetSetDef::new("start", get_start), GetSetDef::new("stop", get_stop), GetSetDef::new("step", get_step)];

/// The iterator over a range.
#[repr(C)]
pub struct PyRangeIter {
    head: ObjectHead,
    next: Cell<i64>,
    step: i64,
    remaining: Cell<i64>,
    big: Option<std::cell::RefCell<(BigInt, BigInt, BigInt)>>,
}

pub static RANGE_ITER_LAYOUT: Layout = crate::payload_layout!(PyRangeIter, "range_iterator", heap::no_traverse, heap::no_clear);

impl PyPayload for PyRangeIter {
    fn layout() -> &'static Layout {
        &RANGE_ITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &RANGE_ITER_TYPE
    }
}

pub static RANGE_ITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "range_iterator",
    layout: &RANGE_ITER_LAYOUT,
    flags: 0,
    base: Some(&super::object::OBJECT_TYPE),
    methods: RANGE_ITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

pub static LONGRANGE_ITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "longrange_iterator",
    layout: &RANGE_ITER_LAYOUT,
    flags: 0,
    base: Some(&super::object::OBJECT_TYPE),
    methods: RANGE_ITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

#[inline]
fn ri_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyRangeIter>().ok_or_else(|| type_error("range_iterator expected"))?;
    if let Some(big) = &it.big {
        let mut b = big.borrow_mut();
        if b.2.is_zero() {
            return Ok(None);
        }
        let cur = b.0.clone();
        b.0 = &b.0 + &b.1;
        b.2 = &b.2 - 1;
        return Ok(Some(new_bigint(cur)));
    }
    let rem = it.remaining.get();
    if rem <= 0 {
        return Ok(None);
    }
    it.remaining.set(rem - 1);
    let cur = it.next.get();
    it.next.set(cur.wrapping_add(it.step));
    Ok(Some(new_int(cur)))
}

fn ri_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn ri_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = v.downcast::<PyRangeIter>().ok_or_else(|| type_error("range_iterator expected"))?;
    if let Some(big) = &it.big {
        return Ok(new_bigint(big.borrow().2.clone()));
    }
    Ok(new_int(it.remaining.get().max(0)))
}

pub static RANGE_ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", ri_length_hint)];

pub fn init_types() {
    let s = &RANGE_TYPE.slots;
    s.new.set(Some(range_new));
    s.len.set(Some(r_len));
    s.repr.set(Some(r_repr));
    s.bool.set(Some(r_bool));
    s.getitem.set(Some(r_getitem));
    s.contains.set(Some(r_contains));
    s.richcompare.set(Some(r_richcompare));
    s.hash.set(Some(r_hash));
    s.iter.set(Some(r_iter));
    RANGE_ITER_TYPE.slots.iternext.set(Some(ri_next));
    RANGE_ITER_TYPE.slots.iter.set(Some(ri_iter));
    LONGRANGE_ITER_TYPE.slots.iternext.set(Some(ri_next));
    LONGRANGE_ITER_TYPE.slots.iter.set(Some(ri_iter));
}
