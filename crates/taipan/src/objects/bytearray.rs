//! `bytearray`: mutable byte strings.  Mirrors CPython's `Objects/bytearrayobject.c`.
//!
//! Statics: `BYTEARRAY_TYPE`; start-up: `init_type()`.
//!
//! The read-only methods are `bytes.rs`'s shared table (they return bytearrays here);
//! this file adds mutation.  `exports` counts live memoryviews: while non-zero the
//! buffer may be written but not resized (BufferError, as CPython's `ob_exports`).

use std::cell::{Cell, RefCell};

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::bytes::{buffer, byte_value, shared_methods};
use super::int::new_int;
use super::singletons::{bool_value, none, not_implemented};
use super::str::{as_str, new_string};
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::opt;
use crate::vm::{index_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

#[repr(C)]
pub struct PyByteArray {
    head: ObjectHead,
    pub data: RefCell<Vec<u8>>,
    /// Live buffer exports (memoryviews).
    pub exports: Cell<usize>,
}

pub static BYTEARRAY_LAYOUT: Layout = crate::payload_layout!(PyByteArray, "bytearray", no_traverse, no_clear);

impl PyPayload for PyByteArray {
    fn layout() -> &'static Layout {
        &BYTEARRAY_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BYTEARRAY_TYPE
    }
}

pub static BYTEARRAY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "bytearray",
    layout: &BYTEARRAY_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: BYTEARRAY_METHODS,
    getsets: &[],
    doc: Some("bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer"),
    module: None,
});

pub fn new_bytearray(data: Vec<u8>) -> Value {
    new_bytearray_of_type(&BYTEARRAY_TYPE, data)
}

pub fn new_bytearray_of_type(ty: &PyType, data: Vec<u8>) -> Value {
    heap::alloc(ty, PyByteArray { head: ObjectHead::uninit(), data: RefCell::new(data), exports: Cell::new(0) })
}

pub fn as_bytearray(v: &Value) -> Option<&PyByteArray> {
    v.downcast::<PyByteArray>()
}

fn this(v: &Value) -> PyResult<&PyByteArray> {
    as_bytearray(v).ok_or_else(|| {
        type_error(format!("descriptor requires a 'bytearray' object but received a '{}'", v.ty().name()))
    })
}

fn buffer_error(msg: &str) -> PyErr {
    PyErr::new(&super::exceptions::BUFFER_ERROR, msg)
}

impl PyByteArray {
    /// Fails while memoryviews are exported (a resize would move their memory).
    fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(buffer_error("Existing exports of data: object cannot be re-sized"));
        }
        Ok(())
    }
    fn snapshot(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }
}

// ---------------------------------------------------------------------------------------
// Slots

fn bytearray_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let inner = super::bytes::repr_with_quotes(&this(v)?.snapshot(), true);
    Ok(new_string(format!("{}({inner})", v.ty().name())))
}

fn bytearray_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (buffer(a), buffer(b)) else {
        return Ok(not_implemented());
    };
    Ok(bool_value(crate::vm::ops::ordering_matches(x.as_ref().cmp(y.as_ref()), op)))
}

fn bytearray_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.data.borrow().len())
}

fn bytearray_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::bytes::new_bytes_iterator(v.clone()))
}

/// Values for a slice assignment: a buffer, or an iterable of ints (not an int or str).
fn slice_values(vm: &mut Vm, v: &Value, values: &Value) -> PyResult<Vec<u8>> {
    if values.is(v) {
        return Ok(this(v)?.snapshot());
    }
    if let Some(b) = buffer(values) {
        return Ok(b.into_owned());
    }
    let numberish = super::int::as_int(values).is_some() || values.ty().slots.index.get().is_some() || as_str(values).is_some();
    if numberish {
        return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    super::bytes::make_from_object(vm, values, "bytearray")
}

fn bytearray_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let len = this(v)?.data.borrow().len();
        let (start, stop, step, n) = slice.indices(vm, len)?;
        let new = match value {
            Some(val) => Some(slice_values(vm, v, val)?),
            None => None,
        };
        let ba = this(v)?;
        if step == 1 {
            let a = start.max(0) as usize;
            let b = (stop.max(start).max(0) as usize).min(len);
            let new = new.unwrap_or_default();
            if new.len() != b - a {
                ba.check_resizable()?;
            }
            ba.data.borrow_mut().splice(a..b, new);
            return Ok(());
        }
        let idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        match new {
            None => {
                if n > 0 {
                    ba.check_resizable()?;
                }
                let mut data = ba.data.borrow_mut();
                let mut drop_mask = vec![false; data.len()];
                for i in idx {
                    drop_mask[i] = true;
                }
                let mut k = 0;
                data.retain(|_| {
                    let keep = !drop_mask[k];
                    k += 1;
                    keep
                });
            }
            Some(new) => {
                if new.len() != n {
                    return Err(value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        new.len(),
                        n
                    )));
                }
                let mut data = ba.data.borrow_mut();
                for (i, b) in idx.into_iter().zip(new) {
                    data[i] = b;
                }
            }
        }
        return Ok(());
    }
    let i = crate::vm::ops::index_opt(vm, key)?
        .ok_or_else(|| type_error(format!("bytearray indices must be integers or slices, not {}", key.ty().name())))?;
    let byte = match value {
        Some(val) => Some(byte_value(vm, val, "byte must be in range(0, 256)")?),
        None => None,
    };
    let ba = this(v)?;
    let len = ba.data.borrow().len() as i64;
    let idx = if i < 0 { i + len } else { i };
    if idx < 0 || idx >= len {
        return Err(index_error("bytearray index out of range"));
    }
    match byte {
        Some(b) => ba.data.borrow_mut()[idx as usize] = b,
        None => {
            ba.check_resizable()?;
            ba.data.borrow_mut().remove(idx as usize);
        }
    }
    Ok(())
}

fn bytearray_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let ba = this(a)?;
    match op.base() {
        BinaryOperator::Add => {
            let Some(other) = buffer(b) else {
                return Err(type_error(format!("can't concat {} to {}", b.ty().name(), a.ty().name())));
            };
            let other = other.into_owned();
            if !other.is_empty() {
                ba.check_resizable()?;
            }
            ba.data.borrow_mut().extend_from_slice(&other);
            Ok(a.clone())
        }
        BinaryOperator::Multiply => {
            if super::int::as_int(b).is_none() && b.ty().slots.index.get().is_none() {
                return Ok(not_implemented());
            }
            let count = super::bytes::repeat_count(vm, b)?;
            let data = super::bytes::repeat(&ba.snapshot(), count, false)?;
            if data.len() != ba.data.borrow().len() {
                ba.check_resizable()?;
            }
            *ba.data.borrow_mut() = data;
            Ok(a.clone())
        }
        _ => Ok(not_implemented()),
    }
}

fn bytearray_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&BYTEARRAY_TYPE);
    Ok(new_bytearray_of_type(ty, Vec::new()))
}

fn bytearray_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    static SIG: Sig = Sig::new("bytearray", &[opt("source"), opt("encoding"), opt("errors")]);
    let [x, encoding, errors] = SIG.parse::<3>(args)?;
    let data = match x {
        None => {
            if encoding.is_some() {
                return Err(type_error("encoding without a string argument"));
            }
            if errors.is_some() {
                return Err(type_error("errors without a string argument"));
            }
            Vec::new()
        }
        Some(x) => {
            if let Some(s) = as_str(&x) {
                let Some(enc) = &encoding else {
                    return Err(type_error("string argument without an encoding"));
                };
                let enc = as_str(enc).ok_or_else(|| {
                    type_error(format!("bytearray() argument 'encoding' must be str, not {}", enc.ty().name()))
                })?;
                let errs = match &errors {
                    Some(e) => as_str(e).ok_or_else(|| {
                        type_error(format!("bytearray() argument 'errors' must be str, not {}", e.ty().name()))
                    })?,
                    None => "strict",
                };
                super::str_methods::encode_object(vm, &x, s, enc, errs)?
            } else {
                if encoding.is_some() {
                    return Err(type_error("encoding without a string argument"));
                }
                if errors.is_some() {
                    return Err(type_error("errors without a string argument"));
                }
                super::bytes::make_from_object(vm, &x, "bytearray")?
            }
        }
    };
    let ba = this(v)?;
    ba.check_resizable()?;
    *ba.data.borrow_mut() = data;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Mutating methods

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, item] = args.exact_method::<2>("bytearray.append")?;
    let b = byte_value(vm, item, "byte must be in range(0, 256)")?;
    let ba = this(v)?;
    ba.check_resizable()?;
    ba.data.borrow_mut().push(b);
    Ok(none())
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, iterable] = args.exact_method::<2>("bytearray.extend")?;
    let new = if let Some(b) = buffer(iterable) {
        b.into_owned()
    } else if as_str(iterable).is_some() {
        return Err(type_error(format!("expected iterable of integers; got: '{}'", iterable.ty().name())));
    } else {
        if iterable.ty().slots.iter.get().is_none() && iterable.ty().slots.getitem.get().is_none() {
            return Err(type_error(format!("can't extend bytearray with {}", iterable.ty().name())));
        }
        super::bytes::bytes_from_iterable(vm, iterable, "byte must be in range(0, 256)")?
    };
    let ba = this(v)?;
    if !new.is_empty() {
        ba.check_resizable()?;
    }
    ba.data.borrow_mut().extend_from_slice(&new);
    Ok(none())
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, index, item] = args.exact_method::<3>("bytearray.insert")?;
    let i = crate::vm::ops::index_value(vm, index)?;
    let b = byte_value(vm, item, "byte must be in range(0, 256)")?;
    let ba = this(v)?;
    ba.check_resizable()?;
    let mut data = ba.data.borrow_mut();
    let n = data.len() as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    data.insert(idx as usize, b);
    Ok(none())
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.method_all("bytearray.pop", 0, 1)?;
    let i = match pos.get(1) {
        Some(i) => crate::vm::ops::index_value(vm, i)?,
        None => -1,
    };
    let ba = this(&pos[0])?;
    let n = ba.data.borrow().len() as i64;
    if n == 0 {
        return Err(index_error("pop from empty bytearray"));
    }
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("pop index out of range"));
    }
    ba.check_resizable()?;
    Ok(new_int(ba.data.borrow_mut().remove(idx as usize) as i64))
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, item] = args.exact_method::<2>("bytearray.remove")?;
    let b = byte_value(vm, item, "byte must be in range(0, 256)")?;
    let ba = this(v)?;
    let pos = ba.data.borrow().iter().position(|&c| c == b);
    match pos {
        Some(p) => {
            ba.check_resizable()?;
            ba.data.borrow_mut().remove(p);
            Ok(none())
        }
        None => Err(value_error("value not found in bytearray")),
    }
}

fn ba_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("bytearray.clear")?;
    let ba = this(v)?;
    if !ba.data.borrow().is_empty() {
        ba.check_resizable()?;
    }
    ba.data.borrow_mut().clear();
    Ok(none())
}

fn ba_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("bytearray.copy")?;
    Ok(new_bytearray(this(v)?.snapshot()))
}

fn ba_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("bytearray.reverse")?;
    this(v)?.data.borrow_mut().reverse();
    Ok(none())
}

fn ba_alloc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("bytearray.__alloc__")?;
    let data = this(v)?.data.borrow();
    Ok(new_int(if data.is_empty() { 0 } else { data.capacity().max(data.len() + 1) as i64 }))
}

fn ba_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("bytearray.__sizeof__")?;
    Ok(new_int(56 + this(v)?.data.borrow().capacity() as i64))
}

fn ba_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.method_all("bytearray.__reduce_ex__", 0, 1)?;
    let v = &pos[0];
    let data = this(v)?.snapshot();
    let state = super::object::instance_dict(v).unwrap_or_else(none);
    let latin: String = data.iter().map(|&b| b as char).collect();
    Ok(super::tuple::new_tuple(vec![
        v.ty().to_value(),
        super::tuple::new_tuple(vec![new_string(latin), super::str::new_str("latin-1")]),
        state,
    ]))
}

pub static BYTEARRAY_METHODS: &[MethodDef] = shared_methods!(
    MethodDef::method("append", ba_append),
    MethodDef::method("extend", ba_extend),
    MethodDef::method("insert", ba_insert),
    MethodDef::method("pop", ba_pop),
    MethodDef::method("remove", ba_remove),
    MethodDef::method("clear", ba_clear),
    MethodDef::method("copy", ba_copy),
    MethodDef::method("reverse", ba_reverse),
    MethodDef::method("__alloc__", ba_alloc),
    MethodDef::method("__sizeof__", ba_sizeof),
    MethodDef::method("__reduce__", ba_reduce),
    MethodDef::method("__reduce_ex__", ba_reduce),
);

pub fn init_type() {
    let s = &BYTEARRAY_TYPE.slots;
    s.repr.set(Some(bytearray_repr));
    s.hash.set(Some(crate::vm::ops::hash_not_implemented));
    s.richcompare.set(Some(bytearray_richcompare));
    s.len.set(Some(bytearray_len));
    s.contains.set(Some(super::bytes::bytes_like_contains));
    s.getitem.set(Some(super::bytes::bytes_like_getitem));
    s.setitem.set(Some(bytearray_setitem));
    s.iter.set(Some(bytearray_iter));
    s.new.set(Some(bytearray_new));
    s.init.set(Some(bytearray_init));
    for op in [BinaryOperator::Add, BinaryOperator::Multiply, BinaryOperator::Remainder] {
        s.binop[op as usize].set(Some(super::bytes::bytes_like_binop));
    }
    s.inplace[BinaryOperator::Add as usize].set(Some(bytearray_inplace));
    s.inplace[BinaryOperator::Multiply as usize].set(Some(bytearray_inplace));
}
