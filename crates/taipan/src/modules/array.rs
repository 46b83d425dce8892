//! The `array` module: compact arrays of C numbers and characters.  Follows the
//! behaviour of CPython's `Modules/arraymodule.c` (documented on the `array` docs page).
//!
//! An array keeps its items as raw bytes in native byte order (`data`), `itemsize`
//! bytes each, so `tobytes`, `frombytes`, slicing and the buffer export are plain byte
//! copies; items are decoded to Python values on access (`PyArray::get`) and encoded
//! with CPython's range checks and messages on store (`encode`).  `exports` counts
//! live memoryviews (as `PyByteArray::exports` does): while it is non-zero the array
//! cannot be resized.
//!
//! NOTE: iteration uses the generic sequence iterator, so `type(iter(a))` is
//! `iterator` rather than CPython's `array.arrayiterator`.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::ModuleDef;
use crate::objects::bytes::{as_bytes, new_bytes};
use crate::objects::exceptions;
use crate::objects::float::new_float;
use crate::objects::int::{as_int, new_bigint, new_int, IntRef};
use crate::objects::list::{as_list, PyList};
use crate::objects::singletons::{none, not_implemented};
use crate::objects::str::{as_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple, seq_richcompare};
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{
    call, index_error, ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Vm,
};

// ---------------------------------------------------------------------------------------
// Type codes (`descriptors[]` in arraymodule.c)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Signed,
    Unsigned,
    Float,
    Unicode,
}

/// Every type code, in `array.typecodes` order.
const TYPECODES: &str = "bBuwhHiIlLqQfd";

fn kind_of(code: u8) -> Option<(Kind, usize)> {
    Some(match code {
        b'b' => (Kind::Signed, 1),
        b'B' => (Kind::Unsigned, 1),
        b'u' | b'w' => (Kind::Unicode, 4),
        b'h' => (Kind::Signed, 2),
        b'H' => (Kind::Unsigned, 2),
        b'i' => (Kind::Signed, 4),
        b'I' => (Kind::Unsigned, 4),
        b'l' | b'q' => (Kind::Signed, 8),
        b'L' | b'Q' => (Kind::Unsigned, 8),
        b'f' => (Kind::Float, 4),
        b'd' => (Kind::Float, 8),
        _ => return None,
    })
}

/// The C type named in the overflow messages of the `b`, `B`, `h`, `H` and `i` setters.
fn c_type_name(code: u8) -> &'static str {
    match code {
        b'b' => "signed char",
        b'B' => "unsigned byte integer",
        b'h' => "signed short integer",
        b'H' => "unsigned short",
        b'i' => "signed integer",
        _ => "unsigned int",
    }
}

// ---------------------------------------------------------------------------------------
// The array object
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyArray {
    head: ObjectHead,
    typecode: u8,
    itemsize: usize,
    kind: Kind,
    pub(crate) data: RefCell<Vec<u8>>,
    /// Live buffer exports (memoryviews); the array cannot be resized while non-zero.
    pub(crate) exports: Cell<usize>,
}

pub static ARRAY_LAYOUT: Layout =
    crate::payload_layout!(PyArray, "array", heap::no_traverse, heap::no_clear);

impl PyPayload for PyArray {
    fn layout() -> &'static Layout {
        &ARRAY_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &ARRAY_TYPE
    }
}

pub static ARRAY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "array",
    layout: &ARRAY_LAYOUT,
    flags: flags::BASETYPE | flags::SEQUENCE | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: ARRAY_METHODS,
    getsets: ARRAY_GETSETS,
    doc: Some("array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n"),
    module: Some("array"),
});

fn new_array_of_type(ty: &PyType, typecode: u8, data: Vec<u8>) -> Value {
    let (kind, itemsize) = kind_of(typecode).unwrap_or((Kind::Unsigned, 1));
    heap::alloc(
        ty,
        PyArray {
            head: ObjectHead::uninit(),
            typecode,
            itemsize,
            kind,
            data: RefCell::new(data),
            exports: Cell::new(0),
        },
    )
}

pub fn as_array(v: &Value) -> Option<&PyArray> {
    v.downcast::<PyArray>()
}

fn this(v: &Value) -> PyResult<&PyArray> {
    as_array(v).ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            v.ty().name()
        ))
    })
}

/// The buffer view of an array for `memoryview`: `(format, itemsize)`.
pub(crate) fn buffer_format(a: &PyArray) -> (char, usize) {
    let format = if a.typecode == b'u' {
        'w'
    } else {
        a.typecode as char
    };
    (format, a.itemsize)
}

impl PyArray {
    fn len(&self) -> usize {
        self.data.borrow().len() / self.itemsize
    }

    fn snapshot(&self) -> Vec<u8> {
        self.data.borrow().clone()
    }

    /// `array_resize`'s guard: BufferError while memoryviews are exported.
    fn check_resizable(&self) -> PyResult<()> {
        if self.exports.get() > 0 {
            return Err(PyErr::new(
                &exceptions::BUFFER_ERROR,
                "cannot resize an array that is exporting buffers",
            ));
        }
        Ok(())
    }

    /// Item `i` (in range) as a Python value (`getitem` in the descriptor table).
    fn get(&self, i: usize) -> PyResult<Value> {
        let data = self.data.borrow();
        let b = &data[i * self.itemsize..(i + 1) * self.itemsize];
        decode(self.typecode, self.kind, b)
    }

    fn items(&self) -> PyResult<Vec<Value>> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }
}

fn decode(code: u8, kind: Kind, b: &[u8]) -> PyResult<Value> {
    let mut buf = [0u8; 8];
    let n = b.len();
    if cfg!(target_endian = "little") {
        buf[..n].copy_from_slice(b);
    } else {
        buf[8 - n..].copy_from_slice(b);
    }
    let raw = if cfg!(target_endian = "little") {
        u64::from_le_bytes(buf)
    } else {
        u64::from_be_bytes(buf)
    };
    Ok(match kind {
        Kind::Unsigned => {
            if raw > i64::MAX as u64 {
                new_bigint(BigInt::from(raw))
            } else {
                new_int(raw as i64)
            }
        }
        Kind::Signed => {
            let shift = 64 - 8 * n as u32;
            new_int(((raw << shift) as i64) >> shift)
        }
        Kind::Float => {
            if code == b'f' {
                new_float(f32::from_bits(raw as u32) as f64)
            } else {
                new_float(f64::from_bits(raw))
            }
        }
        Kind::Unicode => {
            let c = char::from_u32(raw as u32).ok_or_else(|| {
                value_error(format!(
                    "character U+{raw:x} is not in range [U+0000; U+10ffff]"
                ))
            })?;
            new_string(c.to_string())
        }
    })
}

fn raw_bytes(raw: u64, n: usize) -> Vec<u8> {
    if cfg!(target_endian = "little") {
        raw.to_le_bytes()[..n].to_vec()
    } else {
        raw.to_be_bytes()[8 - n..].to_vec()
    }
}

/// The setter of type code `code` (`b_setitem`, `BB_setitem`, ... in arraymodule.c):
/// the bytes of `v`, with CPython's conversion errors.
fn encode(vm: &mut Vm, code: u8, v: &Value) -> PyResult<Vec<u8>> {
    let (kind, n) = kind_of(code).unwrap_or((Kind::Unsigned, 1));
    match kind {
        Kind::Float => {
            let x = ops::float_value(vm, v)?;
            Ok(if code == b'f' {
                raw_bytes((x as f32).to_bits() as u64, 4)
            } else {
                raw_bytes(x.to_bits(), 8)
            })
        }
        Kind::Unicode => {
            let mut chars = as_str(v).map(|s| s.chars());
            match chars.as_mut().map(|c| (c.next(), c.next())) {
                Some((Some(c), None)) => Ok(raw_bytes(c as u64, 4)),
                _ => Err(type_error("array item must be unicode character")),
            }
        }
        Kind::Signed | Kind::Unsigned => {
            let i = ops::index(vm, v)?;
            let big = match as_int(&i) {
                Some(IntRef::Small(x)) => BigInt::from(x),
                Some(IntRef::Big(b)) => b.clone(),
                None => BigInt::from(0),
            };
            let raw = int_raw(code, &big)?;
            Ok(raw_bytes(raw, n))
        }
    }
}

/// Range checks of the integer setters, each with its own CPython message.
fn int_raw(code: u8, x: &BigInt) -> PyResult<u64> {
    let as_long = i64::try_from(x);
    let as_ulong = u64::try_from(x);
    let negative = x.sign() == num_bigint::Sign::Minus;
    match code {
        b'b' | b'B' | b'h' | b'H' | b'i' => {
            let v =
                as_long.map_err(|_| overflow_error("Python int too large to convert to C long"))?;
            // `b` and `H` first parse a wider C type (`PyArg_Parse` formats `h` and `i`),
            // whose range errors come first.
            let wider = match code {
                b'b' => Some((i16::MIN as i64, i16::MAX as i64, "signed short integer")),
                b'H' => Some((i32::MIN as i64, i32::MAX as i64, "signed integer")),
                _ => None,
            };
            if let Some((lo, hi, name)) = wider {
                if v < lo {
                    return Err(overflow_error(format!("{name} is less than minimum")));
                }
                if v > hi {
                    return Err(overflow_error(format!("{name} is greater than maximum")));
                }
            }
            let (lo, hi): (i64, i64) = match code {
                b'b' => (i8::MIN as i64, i8::MAX as i64),
                b'B' => (0, u8::MAX as i64),
                b'h' => (i16::MIN as i64, i16::MAX as i64),
                b'H' => (0, u16::MAX as i64),
                _ => (i32::MIN as i64, i32::MAX as i64),
            };
            if v < lo {
                return Err(overflow_error(format!(
                    "{} is less than minimum",
                    c_type_name(code)
                )));
            }
            if v > hi {
                return Err(overflow_error(format!(
                    "{} is greater than maximum",
                    c_type_name(code)
                )));
            }
            Ok(v as u64)
        }
        b'I' => {
            if negative {
                return Err(overflow_error(
                    "can't convert negative value to unsigned int",
                ));
            }
            let v = as_ulong.map_err(|_| {
                overflow_error("Python int too large to convert to C unsigned long")
            })?;
            if v > u32::MAX as u64 {
                return Err(overflow_error("unsigned int is greater than maximum"));
            }
            Ok(v)
        }
        b'l' => as_long
            .map(|v| v as u64)
            .map_err(|_| overflow_error("Python int too large to convert to C long")),
        b'L' => {
            if negative {
                return Err(overflow_error(
                    "can't convert negative value to unsigned int",
                ));
            }
            as_ulong
                .map_err(|_| overflow_error("Python int too large to convert to C unsigned long"))
        }
        b'q' => as_long
            .map(|v| v as u64)
            .map_err(|_| overflow_error("int too big to convert")),
        _ => {
            if negative {
                return Err(overflow_error("can't convert negative int to unsigned"));
            }
            as_ulong.map_err(|_| overflow_error("int too big to convert"))
        }
    }
}

/// The bytes of several items, stopping at the first conversion error.
fn encode_all(vm: &mut Vm, code: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    for v in items {
        out.extend(encode(vm, code, v)?);
    }
    Ok(out)
}

fn unicode_bytes(s: &str) -> Vec<u8> {
    s.chars().flat_map(|c| raw_bytes(c as u64, 4)).collect()
}

fn unicode_string(a: &PyArray) -> PyResult<String> {
    let data = a.data.borrow();
    let mut s = String::with_capacity(data.len() / 4);
    for chunk in data.chunks_exact(4) {
        let raw = u32::from_ne_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        match char::from_u32(raw) {
            Some(c) => s.push(c),
            None => {
                return Err(value_error(format!(
                    "character U+{raw:x} is not in range [U+0000; U+10ffff]"
                )));
            }
        }
    }
    Ok(s)
}

fn is_index_like(v: &Value) -> bool {
    as_int(v).is_some() || v.ty().slots.index.get().is_some()
}

// ---------------------------------------------------------------------------------------
// Construction (`array_new`)
// ---------------------------------------------------------------------------------------

/// A typecode argument: a str of one character (`PyArg_Parse` format `C`).
fn typecode_arg(v: &Value, fname: &str, argn: usize) -> PyResult<u8> {
    match as_str(v) {
        Some(s) if s.chars().count() == 1 => {
            let c = s.chars().next().unwrap_or('\0');
            Ok(if c.is_ascii() { c as u8 } else { 0 })
        }
        Some(_) => Err(type_error(format!(
            "{fname}() argument {argn} must be a unicode character, not str"
        ))),
        None => Err(type_error(format!(
            "{fname}() argument {argn} must be a unicode character, not {}",
            v.ty().name()
        ))),
    }
}

/// Whether `cls` defines its own `__init__` (CPython compares `tp_init` with the
/// array type's before refusing keyword arguments).
fn overrides_init(vm: &mut Vm, cls: &Value) -> PyResult<bool> {
    let own = ops::getattr_str(vm, cls, "__init__")?;
    let base = ops::getattr_str(
        vm,
        &crate::objects::object::OBJECT_TYPE.to_value(),
        "__init__",
    )?;
    Ok(!own.is(&base))
}

fn array_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&ARRAY_TYPE);
    if args.has_kwargs() && !overrides_init(vm, cls)? {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.is_empty() {
        return Err(type_error("array() takes at least 1 argument (0 given)"));
    }
    if pos.len() > 2 {
        return Err(type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let code = typecode_arg(&pos[0], "array", 1)?;
    let initial = pos.get(1).cloned();
    if let Some(init) = &initial {
        if as_str(init).is_some() && code != b'u' && code != b'w' {
            return Err(type_error(format!(
                "cannot use a str to initialize an array with typecode '{}'",
                code as char
            )));
        }
    }
    if kind_of(code).is_none() {
        return Err(value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    if code == b'u' {
        super::warnings_warn(
            vm,
            &exceptions::DEPRECATION_WARNING,
            "The 'u' type code is deprecated and will be removed in Python 3.16",
        );
    }
    let Some(init) = initial else {
        return Ok(new_array_of_type(ty, code, Vec::new()));
    };
    if let Some(items) = as_list(&init)
        .map(|l| l.snapshot())
        .or_else(|| as_tuple(&init).map(<[Value]>::to_vec))
    {
        let data = encode_all(vm, code, &items)?;
        return Ok(new_array_of_type(ty, code, data));
    }
    if as_bytes(&init).is_some() || crate::objects::bytearray::as_bytearray(&init).is_some() {
        let bytes = crate::objects::bytes::as_bytes_like(&init).unwrap_or_default();
        let (_, size) = kind_of(code).unwrap_or((Kind::Unsigned, 1));
        if bytes.len() % size != 0 {
            return Err(value_error("bytes length not a multiple of item size"));
        }
        return Ok(new_array_of_type(ty, code, bytes));
    }
    if let Some(s) = as_str(&init) {
        return Ok(new_array_of_type(ty, code, unicode_bytes(s)));
    }
    if let Some(other) = as_array(&init) {
        if other.typecode == code {
            return Ok(new_array_of_type(ty, code, other.snapshot()));
        }
    }
    let it = ops::iter(vm, &init)?;
    let new = new_array_of_type(ty, code, Vec::new());
    while let Some(item) = ops::next(vm, &it)? {
        let bytes = encode(vm, code, &item)?;
        this(&new)?.data.borrow_mut().extend(bytes);
    }
    Ok(new)
}

// ---------------------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------------------

fn array_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = this(v)?;
    let code = a.typecode as char;
    let name = v.ty().name();
    if a.len() == 0 {
        return Ok(new_string(format!("{name}('{code}')")));
    }
    let body = if a.kind == Kind::Unicode {
        let s = new_string(unicode_string(a)?);
        ops::repr_string(vm, &s)?
    } else {
        let list = PyList::new_value(a.items()?);
        ops::repr_string(vm, &list)?
    };
    Ok(new_string(format!("{name}('{code}', {body})")))
}

fn array_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

/// An index in `0..len`, or None when out of range.
fn normalize(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (i >= 0 && i < len as i64).then_some(i as usize)
}

fn array_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(slice) = key.downcast::<crate::objects::slice::PySlice>() {
        let (start, _stop, step, n) = slice.indices(vm, this(v)?.len())?;
        let a = this(v)?;
        let size = a.itemsize;
        let data = a.data.borrow();
        let mut out = Vec::with_capacity(n * size);
        for k in 0..n {
            let i = (start + k as i64 * step) as usize;
            out.extend_from_slice(&data[i * size..(i + 1) * size]);
        }
        return Ok(new_array_of_type(&ARRAY_TYPE, a.typecode, out));
    }
    let i = ops::index_opt(vm, key)?.ok_or_else(|| type_error("array indices must be integers"))?;
    let a = this(v)?;
    let i = normalize(i, a.len()).ok_or_else(|| index_error("array index out of range"))?;
    a.get(i)
}

fn array_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    if let Some(slice) = key.downcast::<crate::objects::slice::PySlice>() {
        return array_ass_subscr_slice(vm, v, slice, value);
    }
    let i = ops::index_opt(vm, key)?.ok_or_else(|| type_error("array indices must be integers"))?;
    let a = this(v)?;
    let idx =
        normalize(i, a.len()).ok_or_else(|| index_error("array assignment index out of range"))?;
    let size = a.itemsize;
    match value {
        Some(value) => {
            let bytes = encode(vm, a.typecode, value)?;
            let a = this(v)?;
            if let Some(dst) = a.data.borrow_mut().get_mut(idx * size..(idx + 1) * size) {
                dst.copy_from_slice(&bytes);
            }
        }
        None => {
            a.check_resizable()?;
            a.data.borrow_mut().drain(idx * size..(idx + 1) * size);
        }
    }
    Ok(())
}

/// `array_ass_subscr` for slice keys.
fn array_ass_subscr_slice(
    vm: &mut Vm,
    v: &Value,
    slice: &crate::objects::slice::PySlice,
    value: Option<&Value>,
) -> PyResult<()> {
    let a = this(v)?;
    let new = match value {
        None => None,
        Some(value) => {
            let Some(other) = as_array(value) else {
                return Err(type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    value.ty().name()
                )));
            };
            if other.typecode != a.typecode {
                return Err(type_error("bad argument type for built-in operation"));
            }
            Some(other.snapshot())
        }
    };
    let (start, stop, step, n) = slice.indices(vm, a.len())?;
    let a = this(v)?;
    let size = a.itemsize;
    let len = a.len();
    if step == 1 {
        let lo = start.clamp(0, len as i64) as usize;
        let hi = (stop.max(start)).clamp(0, len as i64) as usize;
        let new = new.unwrap_or_default();
        if new.len() != (hi - lo) * size {
            a.check_resizable()?;
        }
        a.data.borrow_mut().splice(lo * size..hi * size, new);
        return Ok(());
    }
    let idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
    match new {
        None => {
            if n == 0 {
                return Ok(());
            }
            a.check_resizable()?;
            let mut drop_mask = vec![false; len];
            for i in idx {
                drop_mask[i] = true;
            }
            let old = a.snapshot();
            let kept: Vec<u8> = old
                .chunks_exact(size)
                .zip(drop_mask)
                .filter(|(_, d)| !d)
                .flat_map(|(c, _)| c.iter().copied())
                .collect();
            *a.data.borrow_mut() = kept;
        }
        Some(new) => {
            if new.len() != n * size {
                return Err(value_error(format!(
                    "attempt to assign array of size {} to extended slice of size {}",
                    new.len() / size,
                    n
                )));
            }
            let mut data = a.data.borrow_mut();
            for (k, i) in idx.into_iter().enumerate() {
                data[i * size..(i + 1) * size].copy_from_slice(&new[k * size..(k + 1) * size]);
            }
        }
    }
    Ok(())
}

fn array_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let mut i = 0;
    loop {
        let a = this(v)?;
        if i >= a.len() {
            return Ok(false);
        }
        let item = a.get(i)?;
        if ops::eq(vm, &item, x)? {
            return Ok(true);
        }
        i += 1;
    }
}

fn array_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::iter::new_seq_iter(v.clone()))
}

fn array_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_array(a), as_array(b)) else {
        return Ok(not_implemented());
    };
    if x.len() != y.len() && matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(crate::objects::singletons::bool_value(
            op == ComparisonOperator::Ne,
        ));
    }
    let (xs, ys) = (x.items()?, y.items()?);
    seq_richcompare(vm, &xs, &ys, op)
}

fn repeat_bytes(data: &[u8], n: i64) -> PyResult<Vec<u8>> {
    let n = n.max(0) as usize;
    let total = data
        .len()
        .checked_mul(n)
        .filter(|t| *t <= isize::MAX as usize)
        .ok_or_else(crate::vm::memory_error)?;
    let mut out = Vec::with_capacity(total);
    for _ in 0..n {
        out.extend_from_slice(data);
    }
    Ok(out)
}

fn array_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            let Some(x) = as_array(a) else {
                return Ok(not_implemented());
            };
            let Some(y) = as_array(b) else {
                return Err(type_error(format!(
                    "can only append array (not \"{}\") to array",
                    b.ty().name()
                )));
            };
            if x.typecode != y.typecode {
                return Err(type_error("bad argument type for built-in operation"));
            }
            let mut data = x.snapshot();
            data.extend_from_slice(&y.data.borrow());
            Ok(new_array_of_type(&ARRAY_TYPE, x.typecode, data))
        }
        BinaryOperator::Multiply => {
            let (arr, n) = match (as_array(a), as_array(b)) {
                (Some(_), _) => (a, b),
                (None, Some(_)) => (b, a),
                _ => return Ok(not_implemented()),
            };
            if !is_index_like(n) {
                if arr.is(a) {
                    return Err(type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        n.ty().name()
                    )));
                }
                return Ok(not_implemented());
            }
            let count = ops::index_value(vm, n)?;
            let x = this(arr)?;
            let data = repeat_bytes(&x.data.borrow(), count)?;
            Ok(new_array_of_type(&ARRAY_TYPE, x.typecode, data))
        }
        _ => Ok(not_implemented()),
    }
}

fn array_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let x = this(a)?;
    match op.base() {
        BinaryOperator::Add => {
            let Some(y) = as_array(b) else {
                return Err(type_error(format!(
                    "can only extend array with array (not \"{}\")",
                    b.ty().name()
                )));
            };
            if x.typecode != y.typecode {
                return Err(type_error("can only extend with array of same kind"));
            }
            let other = y.snapshot();
            if !other.is_empty() {
                x.check_resizable()?;
            }
            x.data.borrow_mut().extend_from_slice(&other);
            Ok(a.clone())
        }
        BinaryOperator::Multiply => {
            if !is_index_like(b) {
                return Ok(not_implemented());
            }
            let count = ops::index_value(vm, b)?;
            let x = this(a)?;
            let data = repeat_bytes(&x.snapshot(), count)?;
            if data.len() != x.data.borrow().len() {
                x.check_resizable()?;
            }
            *x.data.borrow_mut() = data;
            Ok(a.clone())
        }
        _ => Ok(not_implemented()),
    }
}

// ---------------------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------------------

fn array_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.append")?;
    let a = this(v)?;
    let bytes = encode(vm, a.typecode, x)?;
    let a = this(v)?;
    a.check_resizable()?;
    a.data.borrow_mut().extend(bytes);
    Ok(none())
}

fn array_buffer_info(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.buffer_info")?;
    let a = this(v)?;
    let addr = a.data.borrow().as_ptr() as usize as i64;
    Ok(new_tuple(vec![new_int(addr), new_int(a.len() as i64)]))
}

fn array_byteswap(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.byteswap")?;
    let a = this(v)?;
    let size = a.itemsize;
    for chunk in a.data.borrow_mut().chunks_exact_mut(size) {
        chunk.reverse();
    }
    Ok(none())
}

fn array_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.count")?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let a = this(v)?;
        if i >= a.len() {
            return Ok(new_int(n));
        }
        let item = a.get(i)?;
        if ops::eq(vm, &item, x)? {
            n += 1;
        }
        i += 1;
    }
}

/// Appends the items of an iterable (`array_iter_extend`) or another array of the
/// same kind (`array_do_extend`).
fn extend_impl(vm: &mut Vm, v: &Value, other: &Value) -> PyResult<()> {
    let a = this(v)?;
    if let Some(b) = as_array(other) {
        if a.typecode != b.typecode {
            return Err(type_error("can only extend with array of same kind"));
        }
        let data = b.snapshot();
        if !data.is_empty() {
            a.check_resizable()?;
        }
        a.data.borrow_mut().extend(data);
        return Ok(());
    }
    let it = ops::iter(vm, other)?;
    while let Some(item) = ops::next(vm, &it)? {
        let a = this(v)?;
        let bytes = encode(vm, a.typecode, &item)?;
        let a = this(v)?;
        a.check_resizable()?;
        a.data.borrow_mut().extend(bytes);
    }
    Ok(())
}

fn array_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.extend")?;
    extend_impl(vm, v, x)?;
    Ok(none())
}

fn frombytes_impl(a: &PyArray, bytes: Vec<u8>) -> PyResult<()> {
    if bytes.len() % a.itemsize != 0 {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    if !bytes.is_empty() {
        a.check_resizable()?;
    }
    a.data.borrow_mut().extend(bytes);
    Ok(())
}

fn array_frombytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.frombytes")?;
    let a = this(v)?;
    let bytes = super::hash::bytes_like(x)?;
    frombytes_impl(a, bytes)?;
    Ok(none())
}

fn array_fromfile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, rest) = args.method("array.fromfile", 2, 2)?;
    let (f, n) = (&rest[0], &rest[1]);
    let n = ops::index_value(vm, n)?;
    if n < 0 {
        return Err(value_error("negative count"));
    }
    let a = this(v)?;
    let nbytes = (n as usize)
        .checked_mul(a.itemsize)
        .filter(|t| *t <= isize::MAX as usize)
        .ok_or_else(crate::vm::memory_error)?;
    let b = call::call_method(vm, f, "read", &[new_int(nbytes as i64)])?;
    let Some(bytes) = as_bytes(&b) else {
        return Err(type_error("read() didn't return bytes"));
    };
    let got = bytes.len();
    let usable = got - got % this(v)?.itemsize;
    frombytes_impl(this(v)?, bytes[..usable].to_vec())?;
    if got != nbytes {
        return Err(PyErr::new(
            &exceptions::EOF_ERROR,
            "read() didn't return enough bytes",
        ));
    }
    Ok(none())
}

fn array_fromlist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.fromlist")?;
    let Some(list) = as_list(x) else {
        return Err(type_error("arg must be list"));
    };
    let items = list.snapshot();
    let a = this(v)?;
    let data = encode_all(vm, a.typecode, &items)?;
    let a = this(v)?;
    if !data.is_empty() {
        a.check_resizable()?;
    }
    a.data.borrow_mut().extend(data);
    Ok(none())
}

fn array_fromunicode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.fromunicode")?;
    let Some(s) = as_str(x) else {
        return Err(type_error(format!(
            "fromunicode() argument must be str, not {}",
            x.ty().name()
        )));
    };
    let a = this(v)?;
    if a.kind != Kind::Unicode {
        return Err(value_error(
            "fromunicode() may only be called on unicode type arrays ('u' or 'w')",
        ));
    }
    let data = unicode_bytes(s);
    if !data.is_empty() {
        a.check_resizable()?;
    }
    a.data.borrow_mut().extend(data);
    Ok(none())
}

fn array_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, rest) = args.method("array.index", 1, 3)?;
    let x = &rest[0];
    let len = this(v)?.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let start = match rest.get(1) {
        Some(s) => clamp(slice_bound(vm, s)?),
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(s) => clamp(slice_bound(vm, s)?),
        None => i64::MAX,
    };
    let mut i = start;
    while i < stop {
        let a = this(v)?;
        if i as usize >= a.len() {
            break;
        }
        let item = a.get(i as usize)?;
        if ops::eq(vm, &item, x)? {
            return Ok(new_int(i));
        }
        i += 1;
    }
    Err(value_error("array.index(x): x not in array"))
}

/// `_PyEval_SliceIndexNotNone`: an index bound, clamped to the `Py_ssize_t` range.
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    ops::index_opt(vm, v)?
        .ok_or_else(|| type_error("slice indices must be integers or have an __index__ method"))
}

fn array_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, rest) = args.method("array.insert", 2, 2)?;
    let i = ops::index_value(vm, &rest[0])?;
    let a = this(v)?;
    let bytes = encode(vm, a.typecode, &rest[1])?;
    let a = this(v)?;
    a.check_resizable()?;
    let len = a.len() as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let size = a.itemsize;
    a.data.borrow_mut().splice(i * size..i * size, bytes);
    Ok(none())
}

fn array_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, rest) = args.method("array.pop", 0, 1)?;
    let i = match rest.first() {
        Some(i) => ops::index_value(vm, i)?,
        None => -1,
    };
    let a = this(v)?;
    if a.len() == 0 {
        return Err(index_error("pop from empty array"));
    }
    let idx = normalize(i, a.len()).ok_or_else(|| index_error("pop index out of range"))?;
    let item = a.get(idx)?;
    a.check_resizable()?;
    let size = a.itemsize;
    a.data.borrow_mut().drain(idx * size..(idx + 1) * size);
    Ok(item)
}

fn array_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, x) = args.one_arg("array.remove")?;
    let mut i = 0;
    loop {
        let a = this(v)?;
        if i >= a.len() {
            return Err(value_error("array.remove(x): x not in array"));
        }
        let item = a.get(i)?;
        if ops::eq(vm, &item, x)? {
            let a = this(v)?;
            a.check_resizable()?;
            let size = a.itemsize;
            a.data.borrow_mut().drain(i * size..(i + 1) * size);
            return Ok(none());
        }
        i += 1;
    }
}

fn array_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.reverse")?;
    let a = this(v)?;
    let size = a.itemsize;
    let old = a.snapshot();
    let new: Vec<u8> = old.chunks_exact(size).rev().flatten().copied().collect();
    *a.data.borrow_mut() = new;
    Ok(none())
}

fn array_tobytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.tobytes")?;
    Ok(new_bytes(this(v)?.snapshot()))
}

fn array_tofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const BLOCKSIZE: usize = 64 * 1024;
    let (v, f) = args.one_arg("array.tofile")?;
    let data = this(v)?.snapshot();
    for block in data.chunks(BLOCKSIZE) {
        call::call_method(vm, f, "write", &[new_bytes(block.to_vec())])?;
    }
    Ok(none())
}

fn array_tolist(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.tolist")?;
    Ok(PyList::new_value(this(v)?.items()?))
}

fn array_tounicode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.tounicode")?;
    let a = this(v)?;
    if a.kind != Kind::Unicode {
        return Err(value_error(
            "tounicode() may only be called on unicode type arrays ('u' or 'w')",
        ));
    }
    Ok(new_string(unicode_string(a)?))
}

fn array_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.__copy__")?;
    let a = this(v)?;
    Ok(new_array_of_type(&ARRAY_TYPE, a.typecode, a.snapshot()))
}

fn array_deepcopy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, _memo) = args.one_arg("array.__deepcopy__")?;
    let a = this(v)?;
    Ok(new_array_of_type(&ARRAY_TYPE, a.typecode, a.snapshot()))
}

fn array_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("array.__sizeof__")?;
    let a = this(v)?;
    Ok(new_int(64 + a.data.borrow().capacity() as i64))
}

/// The machine format code of a type code (`typecode_to_mformat_code`).
fn mformat_of(code: u8) -> i64 {
    let le = cfg!(target_endian = "little");
    let (kind, size) = kind_of(code).unwrap_or((Kind::Unsigned, 1));
    let base = match (kind, size) {
        (Kind::Unsigned, 1) => return 0,
        (Kind::Signed, 1) => return 1,
        (Kind::Unsigned, 2) => 2,
        (Kind::Signed, 2) => 4,
        (Kind::Unsigned, 4) => 6,
        (Kind::Signed, 4) => 8,
        (Kind::Unsigned, _) => 10,
        (Kind::Signed, _) => 12,
        (Kind::Float, 4) => 14,
        (Kind::Float, _) => 16,
        (Kind::Unicode, _) => 20,
    };
    if le {
        base
    } else {
        base + 1
    }
}

fn array_reduce_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if args.has_kwargs() {
        return Err(type_error("__reduce_ex__() takes no keyword arguments"));
    }
    if pos.len() != 2 {
        return Err(type_error(format!(
            "__reduce_ex__() takes exactly 1 positional argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    let v = &pos[0];
    let protocol = ops::index_value(vm, &pos[1])?;
    let dict = match ops::getattr_opt(vm, v, &crate::objects::str::intern("__dict__"))? {
        Some(d) => d,
        None => none(),
    };
    let a = this(v)?;
    let cls = v.ty().to_value();
    let code = new_string((a.typecode as char).to_string());
    if protocol < 3 {
        let list = PyList::new_value(this(v)?.items()?);
        return Ok(new_tuple(vec![cls, new_tuple(vec![code, list]), dict]));
    }
    let module = crate::vm::import::import_module(vm, "array")?;
    let reconstructor = ops::getattr_str(vm, &module, "_array_reconstructor")?;
    let a = this(v)?;
    let args = new_tuple(vec![
        cls,
        code,
        new_int(mformat_of(a.typecode)),
        new_bytes(a.snapshot()),
    ]);
    Ok(new_tuple(vec![reconstructor, args, dict]))
}

fn g_typecode(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string((this(v)?.typecode as char).to_string()))
}

fn g_itemsize(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.itemsize as i64))
}

static ARRAY_METHODS: &[MethodDef] = &[
    MethodDef::method("append", array_append),
    MethodDef::method("buffer_info", array_buffer_info),
    MethodDef::method("byteswap", array_byteswap),
    MethodDef::method("__copy__", array_copy),
    MethodDef::method("count", array_count),
    MethodDef::method("__deepcopy__", array_deepcopy),
    MethodDef::method("extend", array_extend),
    MethodDef::method("frombytes", array_frombytes),
    MethodDef::method("fromfile", array_fromfile),
    MethodDef::method("fromlist", array_fromlist),
    MethodDef::method("fromunicode", array_fromunicode),
    MethodDef::method("index", array_index),
    MethodDef::method("insert", array_insert),
    MethodDef::method("pop", array_pop),
    MethodDef::method("__reduce_ex__", array_reduce_ex),
    MethodDef::method("remove", array_remove),
    MethodDef::method("reverse", array_reverse),
    MethodDef::method("tofile", array_tofile),
    MethodDef::method("tolist", array_tolist),
    MethodDef::method("tobytes", array_tobytes),
    MethodDef::method("tounicode", array_tounicode),
    MethodDef::method("__sizeof__", array_sizeof),
];

static ARRAY_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("typecode", g_typecode),
    GetSetDef::new("itemsize", g_itemsize),
];

// ---------------------------------------------------------------------------------------
// _array_reconstructor
// ---------------------------------------------------------------------------------------

/// The items of `data` stored in machine format `mformat` (`mformat_descriptors`).
fn decode_machine_format(mformat: i64, data: &[u8]) -> PyResult<Vec<Value>> {
    let (size, big_endian, kind) = match mformat {
        0 => (1, false, Kind::Unsigned),
        1 => (1, false, Kind::Signed),
        2..=13 => {
            let k = mformat - 2;
            let size = [2, 4, 8][(k / 4) as usize];
            let kind = if (k / 2) % 2 == 0 {
                Kind::Unsigned
            } else {
                Kind::Signed
            };
            (size, k % 2 == 1, kind)
        }
        14 | 15 => (4, mformat == 15, Kind::Float),
        16 | 17 => (8, mformat == 17, Kind::Float),
        18 | 19 => {
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|c| {
                    if mformat == 19 {
                        u16::from_be_bytes([c[0], c[1]])
                    } else {
                        u16::from_le_bytes([c[0], c[1]])
                    }
                })
                .collect();
            let s = String::from_utf16_lossy(&units);
            return Ok(s.chars().map(|c| new_string(c.to_string())).collect());
        }
        _ => (4, mformat == 21, Kind::Unicode),
    };
    let mut out = Vec::with_capacity(data.len() / size);
    for chunk in data.chunks_exact(size) {
        let mut buf = [0u8; 8];
        if big_endian {
            buf[8 - size..].copy_from_slice(chunk);
        } else {
            buf[..size].copy_from_slice(chunk);
        }
        let raw = if big_endian {
            u64::from_be_bytes(buf)
        } else {
            u64::from_le_bytes(buf)
        };
        out.push(match kind {
            Kind::Unsigned => new_bigint(BigInt::from(raw)),
            Kind::Signed => {
                let shift = 64 - 8 * size as u32;
                new_int(((raw << shift) as i64) >> shift)
            }
            Kind::Float if size == 4 => new_float(f32::from_bits(raw as u32) as f64),
            Kind::Float => new_float(f64::from_bits(raw)),
            Kind::Unicode => {
                let c = char::from_u32(raw as u32).unwrap_or(char::REPLACEMENT_CHARACTER);
                new_string(c.to_string())
            }
        });
    }
    Ok(out)
}

fn m_array_reconstructor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_array_reconstructor")?;
    let pos = args.check("_array_reconstructor", 4, 4)?;
    let (cls, code, mformat, items) = (&pos[0], &pos[1], &pos[2], &pos[3]);
    let Some(ty) = as_type(cls) else {
        return Err(type_error(format!(
            "first argument must be a type object, not {}",
            cls.ty().name()
        )));
    };
    if !ty.is_subtype(&ARRAY_TYPE) {
        return Err(type_error(format!(
            "{} is not a subtype of array.array",
            ty.tp_name()
        )));
    }
    let code_byte = typecode_arg(code, "_array_reconstructor", 2)?;
    let mformat = ops::index_value(vm, mformat)?;
    if kind_of(code_byte).is_none() {
        return Err(value_error("second argument must be a valid type code"));
    }
    if !(0..=21).contains(&mformat) {
        return Err(value_error(
            "third argument must be a valid machine format code.",
        ));
    }
    let Some(data) = as_bytes(items) else {
        return Err(type_error(format!(
            "fourth argument should be bytes, not {}",
            items.ty().name()
        )));
    };
    if mformat == mformat_of(code_byte) {
        return call::call(vm, cls, &[code.clone(), items.clone()]);
    }
    let values = decode_machine_format(mformat, data)?;
    if mformat <= 13 {
        // Integers are stored with the native type code of the machine format's size
        // and signedness, whatever type code was asked for (as CPython does).
        let wanted = match mformat {
            0 => (Kind::Unsigned, 1),
            1 => (Kind::Signed, 1),
            _ => {
                let k = mformat - 2;
                let kind = if (k / 2) % 2 == 0 {
                    Kind::Unsigned
                } else {
                    Kind::Signed
                };
                (kind, [2, 4, 8][(k / 4) as usize])
            }
        };
        let native = TYPECODES
            .bytes()
            .find(|&c| kind_of(c) == Some(wanted))
            .unwrap_or(b'b');
        let code = new_string((native as char).to_string());
        return call::call(vm, cls, &[code, PyList::new_value(values)]);
    }
    let init = if kind_of(code_byte).is_some_and(|(k, _)| k == Kind::Unicode) {
        let s: String = values
            .iter()
            .filter_map(|v| as_str(v).map(str::to_owned))
            .collect();
        new_string(s)
    } else {
        PyList::new_value(values)
    };
    call::call(vm, cls, &[code.clone(), init])
}

// ---------------------------------------------------------------------------------------
// Module
// ---------------------------------------------------------------------------------------

static ARRAY_MODULE_METHODS: &[MethodDef] = &[MethodDef::method(
    "_array_reconstructor",
    m_array_reconstructor,
)];

fn init_types() {
    let s = &ARRAY_TYPE.slots;
    s.new.set(Some(array_new));
    s.repr.set(Some(array_repr));
    s.hash.set(Some(ops::hash_not_implemented));
    s.richcompare.set(Some(array_richcompare));
    s.len.set(Some(array_len));
    s.contains.set(Some(array_contains));
    s.getitem.set(Some(array_getitem));
    s.setitem.set(Some(array_setitem));
    s.iter.set(Some(array_iter));
    s.binop[BinaryOperator::Add as usize].set(Some(array_binop));
    s.binop[BinaryOperator::Multiply as usize].set(Some(array_binop));
    s.inplace[BinaryOperator::Add as usize].set(Some(array_inplace));
    s.inplace[BinaryOperator::Multiply as usize].set(Some(array_inplace));
    crate::objects::typeobject_methods::init_static_type(&ARRAY_TYPE);
}

fn array_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "array", ARRAY_TYPE.to_value());
    super::add_object(module, "ArrayType", ARRAY_TYPE.to_value());
    super::add_object(module, "typecodes", new_string(TYPECODES.to_string()));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "array",
    doc: Some("This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating-point\nnumbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n"),
    methods: ARRAY_MODULE_METHODS,
    init: Some(array_module_init),
};
