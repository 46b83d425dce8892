//! `slice` objects.  Mirrors CPython's `Objects/sliceobject.c`.

use taipan_compiler::bytecode::ComparisonOperator;

use super::singletons::{is_none, none};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PySlice {
    head: ObjectHead,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

fn slice_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PySlice) };
    visit(&s.start);
    visit(&s.stop);
    visit(&s.step);
}

pub static SLICE_LAYOUT: Layout = crate::payload_layout!(PySlice, "slice", slice_traverse, heap::no_clear);

impl PyPayload for PySlice {
    fn layout() -> &'static Layout {
        &SLICE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SLICE_TYPE
    }
}

pub static SLICE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "slice",
    layout: &SLICE_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: SLICE_METHODS,
    getsets: SLICE_GETSETS,
    doc: Some("slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2])."),
    module: None,
});

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    heap::alloc(&SLICE_TYPE, PySlice { head: ObjectHead::uninit(), start, stop, step })
}

fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::vm::ops::index_opt(vm, v)?
        .ok_or_else(|| type_error("slice indices must be integers or None or have an __index__ method"))
}

impl PySlice {
    /// `(start, stop, step, length)` for a sequence of `len` items (`PySlice_GetIndicesEx`).
    pub fn indices(&self, vm: &mut Vm, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let len = len as i64;
        let step = if is_none(&self.step) { 1 } else { slice_index(vm, &self.step)? };
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let step = step.max(-i64::MAX);
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                let v = v.saturating_add(len);
                if v < lower {
                    lower
                } else {
                    v
                }
            } else if v > upper {
                upper
            } else {
                v
            }
        };
        let start = if is_none(&self.start) { if step < 0 { upper } else { lower } } else { clamp(slice_index(vm, &self.start)?) };
        let stop = if is_none(&self.stop) { if step < 0 { lower } else { upper } } else { clamp(slice_index(vm, &self.stop)?) };
        let n = if step > 0 {
            if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, n))
    }
}

fn slice_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("slice")?;
    let pos = args.check("slice", 1, 3)?;
    Ok(match pos.len() {
        1 => new_slice(none(), pos[0].clone(), none()),
        2 => new_slice(pos[0].clone(), pos[1].clone(), none()),
        _ => new_slice(pos[0].clone(), pos[1].clone(), pos[2].clone()),
    })
}

fn this(v: &Value) -> PyResult<&PySlice> {
    v.downcast::<PySlice>().ok_or_else(|| type_error("slice expected"))
}

fn slice_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
    let ra = crate::vm::ops::repr_string(vm, &a)?;
    let rb = crate::vm::ops::repr_string(vm, &b)?;
    let rc = crate::vm::ops::repr_string(vm, &c)?;
    Ok(super::str::new_string(format!("slice({ra}, {rb}, {rc})")))
}

fn slice_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Ok(x), Ok(y)) = (this(a), this(b)) else {
        return Ok(super::singletons::not_implemented());
    };
    let tx = vec![x.start.clone(), x.stop.clone(), x.step.clone()];
    let ty = vec![y.start.clone(), y.stop.clone(), y.step.clone()];
    super::tuple::seq_richcompare(vm, &tx, &ty, op)
}

fn slice_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let s = this(v)?;
    let items = [s.start.clone(), s.stop.clone(), s.step.clone()];
    super::tuple::tuple_hash_of(vm, &items)
}

fn m_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s, n] = args.exact::<2>("indices")?;
    let len = crate::vm::ops::index_value(vm, n)?;
    if len < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (a, b, c, _) = this(s)?.indices(vm, len as usize)?;
    use super::int::new_int;
    Ok(super::tuple::new_tuple(vec![new_int(a), new_int(b), new_int(c)]))
}

fn m_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("__reduce__")?;
    let sl = this(s)?;
    Ok(super::tuple::new_tuple(vec![
        SLICE_TYPE.to_value(),
        super::tuple::new_tuple(vec![sl.start.clone(), sl.stop.clone(), sl.step.clone()]),
    ]))
}

fn get_start(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.start.clone())
}
fn get_stop(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.stop.clone())
}
fn get_step(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.step.clone())
}

pub static SLICE_METHODS: &[MethodDef] = &[MethodDef::method("indices", m_indices), MethodDef::method("__reduce__", m_reduce)];
pub static SLICE_GETSETS: &[GetSetDef] =
    &[GetSetDef::new("start", get_start), GetSetDef::new("stop", get_stop), GetSetDef::new("step", get_step)];

pub fn init_type() {
    let s = &SLICE_TYPE.slots;
    s.new.set(Some(slice_new));
    s.repr.set(Some(slice_repr));
    s.richcompare.set(Some(slice_richcompare));
    s.hash.set(Some(slice_hash));
}
