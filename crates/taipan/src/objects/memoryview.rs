//! `memoryview`: one-dimensional views of bytes and bytearray objects.
//!
//! Mirrors the one-dimensional part of CPython's `Objects/memoryobject.c`.  A view is
//! `(obj, offset, len, step, format)` over the exporter's bytes; views of a bytearray
//! count as exports (`PyByteArray::exports`), so the bytearray cannot be resized until
//! every view over it is released or freed.
//!
//! Statics: `MEMORYVIEW_TYPE`; start-up: `init_type()`.
//!
//! `array.array` objects export their items with their own format and itemsize.
//!
//! NOTE: multi-dimensional shapes and the struct-module formats beyond single native
//! items are not supported.

use std::cell::{Cell, RefCell};

use taipan_compiler::bytecode::ComparisonOperator;

use super::bytearray::as_bytearray;
use super::bytes::{as_bytes, new_bytes, self_arg};
use super::int::{as_int, new_int};
use super::singletons::{bool_value, is_none, none, not_implemented};
use super::str::{as_str, new_string};
use super::tuple::new_tuple;
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p};
use crate::vm::{index_error, type_error, value_error, Args, PyResult, Sig, Vm};

#[repr(C)]
pub struct PyMemoryView {
    head: ObjectHead,
    obj: Value,
    released: Cell<bool>,
    /// Byte offset of item 0.
    offset: usize,
    /// Number of items.
    len: usize,
    /// Distance between items, in items (negative for reversed slices).
    step: isize,
    itemsize: usize,
    format: char,
    readonly: bool,
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        if !self.released.get() {
            unexport(&self.obj);
        }
    }
}

fn mv_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let m = unsafe { &*(head as *const ObjectHead as *const PyMemoryView) };
    visit(&m.obj);
}

pub static MEMORYVIEW_LAYOUT: Layout = crate::payload_layout!(PyMemoryView, "memoryview", mv_traverse, heap::no_clear);

impl PyPayload for PyMemoryView {
    fn layout() -> &'static Layout {
        &MEMORYVIEW_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &MEMORYVIEW_TYPE
    }
}

pub static MEMORYVIEW_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "memoryview",
    layout: &MEMORYVIEW_LAYOUT,
    flags: flags::HAVE_GC | flags::SEQUENCE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: MEMORYVIEW_METHODS,
    getsets: MEMORYVIEW_GETSETS,
    doc: Some("Create a new memoryview object which references the given object."),
    module: None,
});

/// The writable storage and export counter of a mutable exporter (bytearray or
/// `array.array`).
fn mutable_buffer(obj: &Value) -> Option<(&RefCell<Vec<u8>>, &Cell<usize>)> {
    if let Some(ba) = as_bytearray(obj) {
        return Some((&ba.data, &ba.exports));
    }
    crate::modules::array::as_array(obj).map(|a| (&a.data, &a.exports))
}

fn export(obj: &Value) {
    if let Some((_, exports)) = mutable_buffer(obj) {
        exports.set(exports.get() + 1);
    }
}

fn unexport(obj: &Value) {
    if let Some((_, exports)) = mutable_buffer(obj) {
        exports.set(exports.get().saturating_sub(1));
    }
}

fn itemsize_of(format: char) -> Option<usize> {
    Some(match format {
        'B' | 'b' | 'c' | '?' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' | 'P' => 8,
        _ => return None,
    })
}

fn this(v: &Value) -> PyResult<&PyMemoryView> {
    v.downcast::<PyMemoryView>()
        .ok_or_else(|| type_error(format!("descriptor requires a 'memoryview' object but received a '{}'", v.ty().name())))
}

/// The view, or ValueError when it was released.
fn live(v: &Value) -> PyResult<&PyMemoryView> {
    let m = this(v)?;
    if m.released.get() {
        return Err(value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

impl PyMemoryView {
    fn with_data<R>(&self, f: impl FnOnce(&[u8]) -> R) -> R {
        if let Some(b) = as_bytes(&self.obj) {
            return f(b);
        }
        if let Some((data, _)) = mutable_buffer(&self.obj) {
            return f(&data.borrow());
        }
        f(&[])
    }

    /// Byte position of item `i`.
    fn pos(&self, i: usize) -> usize {
        (self.offset as isize + i as isize * self.step * self.itemsize as isize) as usize
    }

    fn item_bytes(&self, i: usize) -> Vec<u8> {
        let p = self.pos(i);
        self.with_data(|d| d.get(p..p + self.itemsize).map(|s| s.to_vec()).unwrap_or_default())
    }

    /// The viewed bytes, in logical order.
    fn tobytes(&self) -> Vec<u8> {
        if self.step == 1 {
            let (a, b) = (self.offset, self.offset + self.len * self.itemsize);
            return self.with_data(|d| d.get(a..b).map(|s| s.to_vec()).unwrap_or_default());
        }
        (0..self.len).flat_map(|i| self.item_bytes(i)).collect()
    }

    fn nbytes(&self) -> usize {
        self.len * self.itemsize
    }
}

fn new_view(obj: Value, offset: usize, len: usize, step: isize, itemsize: usize, format: char, readonly: bool) -> Value {
    export(&obj);
    heap::alloc(
        &MEMORYVIEW_TYPE,
        PyMemoryView { head: ObjectHead::uninit(), obj, released: Cell::new(false), offset, len, step, itemsize, format, readonly },
    )
}

/// `memoryview(obj)` for bytes, bytearray and memoryview objects.
pub fn new_memoryview(obj: &Value) -> Option<Value> {
    if let Some(m) = obj.downcast::<PyMemoryView>() {
        if m.released.get() {
            return None;
        }
        return Some(new_view(m.obj.clone(), m.offset, m.len, m.step, m.itemsize, m.format, m.readonly));
    }
    if let Some(b) = as_bytes(obj) {
        return Some(new_view(obj.clone(), 0, b.len(), 1, 1, 'B', true));
    }
    if let Some(ba) = as_bytearray(obj) {
        let n = ba.data.borrow().len();
        return Some(new_view(obj.clone(), 0, n, 1, 1, 'B', false));
    }
    if let Some(a) = crate::modules::array::as_array(obj) {
        let (format, itemsize) = crate::modules::array::buffer_format(a);
        let n = a.data.borrow().len() / itemsize;
        return Some(new_view(obj.clone(), 0, n, 1, itemsize, format, false));
    }
    None
}

/// The bytes seen by a (live) memoryview, in logical order; None for other objects.
pub fn memoryview_bytes(v: &Value) -> Option<Vec<u8>> {
    let m = v.downcast::<PyMemoryView>()?;
    if m.released.get() {
        return None;
    }
    Some(m.tobytes())
}

/// `PyObject_GetBuffer(v, PyBUF_SIMPLE)` on a memoryview, without copying: `f` sees
/// the viewed bytes.  None when `v` is not a memoryview; ValueError when it was
/// released; BufferError when its items are not adjacent (a slice with a step).
pub(crate) fn with_contiguous_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<PyResult<R>> {
    let m = v.downcast::<PyMemoryView>()?;
    if m.released.get() {
        return Some(Err(value_error("operation forbidden on released memoryview object")));
    }
    if m.step != 1 && m.len > 1 {
        return Some(Err(crate::vm::PyErr::new(
            &super::exceptions::BUFFER_ERROR,
            "memoryview: underlying buffer is not C-contiguous",
        )));
    }
    let (start, end) = (m.offset, m.offset + m.nbytes());
    Some(Ok(m.with_data(|d| f(d.get(start..end).unwrap_or(&[])))))
}

/// The byte size of a writable buffer (bytearray, `array.array` or a writable
/// contiguous memoryview over one); None for anything else.
pub(crate) fn writable_nbytes(target: &Value) -> Option<usize> {
    if let Some(m) = target.downcast::<PyMemoryView>() {
        let contiguous = m.step == 1 || m.len <= 1;
        return (!m.released.get() && !m.readonly && contiguous && mutable_buffer(&m.obj).is_some()).then(|| m.nbytes());
    }
    mutable_buffer(target).map(|(data, _)| data.borrow().len())
}

/// Copies `src` to the start of a buffer accepted by [`writable_nbytes`] (the
/// `readinto` family's write through `PyObject_GetBuffer(PyBUF_WRITABLE)`); returns the
/// number of bytes written.
pub(crate) fn write_into(target: &Value, src: &[u8]) -> usize {
    let (data, start, cap) = match target.downcast::<PyMemoryView>() {
        Some(m) => match mutable_buffer(&m.obj) {
            Some((data, _)) => (data, m.offset, m.nbytes()),
            None => return 0,
        },
        None => match mutable_buffer(target) {
            Some((data, _)) => {
                let n = data.borrow().len();
                (data, 0, n)
            }
            None => return 0,
        },
    };
    let mut data = data.borrow_mut();
    let n = src.len().min(cap).min(data.len().saturating_sub(start));
    data[start..start + n].copy_from_slice(&src[..n]);
    n
}

// ---------------------------------------------------------------------------------------
// Item packing (native byte order, as the struct module's '@' formats)

fn unpack(format: char, b: &[u8]) -> Value {
    let le = |n: usize| -> u64 {
        let mut buf = [0u8; 8];
        buf[..n].copy_from_slice(&b[..n]);
        u64::from_ne_bytes(buf)
    };
    let signed = |n: usize| -> i64 {
        let u = le(n);
        let shift = 64 - 8 * n as u32;
        ((u << shift) as i64) >> shift
    };
    match format {
        'B' => new_int(b[0] as i64),
        'b' => new_int(b[0] as i8 as i64),
        'c' => new_bytes(vec![b[0]]),
        '?' => bool_value(b[0] != 0),
        'h' | 'i' | 'l' | 'q' | 'n' => new_int(signed(b.len())),
        'H' | 'I' => new_int(le(b.len()) as i64),
        'L' | 'Q' | 'N' | 'P' => {
            let u = le(8);
            super::int::new_bigint(num_bigint::BigInt::from(u))
        }
        'f' => super::float::new_float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        'd' => super::float::new_float(f64::from_ne_bytes(b[..8].try_into().unwrap_or([0; 8]))),
        _ => none(),
    }
}

fn pack(vm: &mut Vm, format: char, itemsize: usize, v: &Value) -> PyResult<Vec<u8>> {
    let invalid_type = || type_error(format!("memoryview: invalid type for format '{format}'"));
    let invalid_value = || value_error(format!("memoryview: invalid value for format '{format}'"));
    match format {
        'f' | 'd' => {
            let x = crate::vm::ops::float_value(vm, v).map_err(|_| invalid_type())?;
            Ok(if format == 'f' { (x as f32).to_ne_bytes().to_vec() } else { x.to_ne_bytes().to_vec() })
        }
        'c' => match as_bytes(v) {
            Some(b) if b.len() == 1 => Ok(b.to_vec()),
            Some(_) => Err(invalid_value()),
            None => Err(invalid_type()),
        },
        '?' => Ok(vec![crate::vm::ops::is_true(vm, v)? as u8]),
        _ => {
            if as_int(v).is_none() && v.ty().slots.index.get().is_none() {
                return Err(invalid_type());
            }
            let n = crate::vm::ops::index(vm, v)?;
            let b = super::int::as_bigint(&n).unwrap_or_default();
            let bits = 8 * itemsize as u32;
            let signed = format.is_ascii_lowercase();
            let (lo, hi) = if signed {
                (-(num_bigint::BigInt::from(1) << (bits - 1)), (num_bigint::BigInt::from(1) << (bits - 1)) - 1)
            } else {
                (num_bigint::BigInt::from(0), (num_bigint::BigInt::from(1) << bits) - 1)
            };
            if b < lo || b > hi {
                return Err(invalid_value());
            }
            let mut bytes = b.to_signed_bytes_le();
            let fill = if signed && b < num_bigint::BigInt::from(0) { 0xff } else { 0 };
            bytes.resize(8, fill);
            bytes.truncate(itemsize);
            if cfg!(target_endian = "big") {
                bytes.reverse();
            }
            Ok(bytes)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Slots

fn memoryview_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("memoryview", &[p("object")]);
    let [obj] = SIG.parse::<1>(args)?;
    let obj = obj.expect("required");
    if let Some(m) = obj.downcast::<PyMemoryView>() {
        if m.released.get() {
            return Err(value_error("operation forbidden on released memoryview object"));
        }
    }
    new_memoryview(&obj).ok_or_else(|| {
        type_error(format!("memoryview: a bytes-like object is required, not '{}'", obj.ty().name()))
    })
}

fn memoryview_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    let state = if m.released.get() { "released memory" } else { "memory" };
    Ok(new_string(format!("<{state} at {:#x}>", v.word())))
}

fn memoryview_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(live(v)?.len)
}

fn memoryview_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(v)?;
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let (start, _stop, step, n) = slice.indices(vm, m.len)?;
        let m = live(v)?;
        let offset = if n == 0 { m.offset } else { m.pos(start as usize) };
        return Ok(new_view(m.obj.clone(), offset, n, m.step * step as isize, m.itemsize, m.format, m.readonly));
    }
    if is_none(key) || (super::tuple::as_tuple(key).is_some_and(|t| t.is_empty())) {
        return Err(type_error("invalid indexing of 1-dim memory"));
    }
    let i = crate::vm::ops::index_opt(vm, key)?.ok_or_else(|| type_error("memoryview: invalid slice key"))?;
    let m = live(v)?;
    let n = m.len as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("index out of bounds on dimension 1"));
    }
    Ok(unpack(m.format, &m.item_bytes(idx as usize)))
}

fn memoryview_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let m = live(v)?;
    if m.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(type_error("cannot delete memory"));
    };
    let Some((ba_data, _)) = mutable_buffer(&m.obj) else {
        return Err(type_error("cannot modify read-only memory"));
    };
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let (start, _stop, step, n) = slice.indices(vm, m.len)?;
        let src = match value.downcast::<PyMemoryView>() {
            Some(other) => {
                if other.released.get() {
                    return Err(value_error("operation forbidden on released memoryview object"));
                }
                if other.format != m.format || other.len != n {
                    return Err(value_error("memoryview assignment: lvalue and rvalue have different structures"));
                }
                other.tobytes()
            }
            None => {
                let b = super::bytes::buffer(value)
                    .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", value.ty().name())))?
                    .into_owned();
                if b.len() != n * m.itemsize {
                    return Err(value_error("memoryview assignment: lvalue and rvalue have different structures"));
                }
                b
            }
        };
        let mut data = ba_data.borrow_mut();
        for k in 0..n {
            let p = m.pos((start + k as i64 * step) as usize);
            let chunk = &src[k * m.itemsize..(k + 1) * m.itemsize];
            if let Some(dst) = data.get_mut(p..p + m.itemsize) {
                dst.copy_from_slice(chunk);
            }
        }
        return Ok(());
    }
    let i = crate::vm::ops::index_opt(vm, key)?.ok_or_else(|| type_error("memoryview: invalid slice key"))?;
    let n = m.len as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("index out of bounds on dimension 1"));
    }
    let bytes = pack(vm, m.format, m.itemsize, value)?;
    let m = live(v)?;
    let p = m.pos(idx as usize);
    if let Some(dst) = ba_data.borrow_mut().get_mut(p..p + m.itemsize) {
        dst.copy_from_slice(&bytes);
    }
    Ok(())
}

/// The items of a view as values (for comparisons and `tolist`).
fn items_of(m: &PyMemoryView) -> Vec<Value> {
    (0..m.len).map(|i| unpack(m.format, &m.item_bytes(i))).collect()
}

fn memoryview_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(not_implemented());
    }
    let Some(ma) = a.downcast::<PyMemoryView>() else { return Ok(not_implemented()) };
    let equal = if a.is(b) {
        true
    } else if ma.released.get() || b.downcast::<PyMemoryView>().is_some_and(|m| m.released.get()) {
        false
    } else {
        let right: Option<Vec<Value>> = match b.downcast::<PyMemoryView>() {
            Some(mb) => Some(items_of(mb)),
            None => super::bytes::buffer(b).map(|d| d.iter().map(|&x| new_int(x as i64)).collect()),
        };
        match right {
            None => return Ok(not_implemented()),
            Some(right) => {
                let left = items_of(ma);
                if left.len() != right.len() {
                    false
                } else {
                    let mut all = true;
                    for (x, y) in left.iter().zip(right.iter()) {
                        if !crate::vm::ops::eq(vm, x, y)? {
                            all = false;
                            break;
                        }
                    }
                    all
                }
            }
        }
    };
    Ok(bool_value(equal == (op == ComparisonOperator::Eq)))
}

fn memoryview_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let m = live(v)?;
    if !m.readonly {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.format, 'B' | 'b' | 'c') {
        return Err(value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    Ok(super::str::hash_bytes(&m.tobytes()))
}

fn memoryview_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = items_of(live(v)?);
    crate::vm::ops::iter(vm, &super::list::PyList::new_value(items))
}

// ---------------------------------------------------------------------------------------
// Methods and attributes

fn m_tobytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tobytes", &[opt("order")]);
    let v = self_arg(&args)?.clone();
    let [_order] = SIG.parse::<1>(args.shift())?;
    Ok(new_bytes(live(&v)?.tobytes()))
}

fn m_tolist(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("memoryview.tolist")?;
    Ok(super::list::PyList::new_value(items_of(live(v)?)))
}

fn m_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("hex", &[opt("sep"), opt("bytes_per_sep")]);
    let v = self_arg(&args)?.clone();
    let [sep, per] = SIG.parse::<2>(args.shift())?;
    let data = live(&v)?.tobytes();
    super::bytes::hex_impl(vm, &data, sep.as_ref(), per.as_ref())
}

fn release(v: &Value) -> PyResult<()> {
    let m = this(v)?;
    if !m.released.get() {
        m.released.set(true);
        unexport(&m.obj);
    }
    Ok(())
}

fn m_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("memoryview.release")?;
    release(v)?;
    Ok(none())
}

fn m_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("memoryview.__enter__")?;
    live(v)?;
    Ok(v.clone())
}

fn m_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    let v = pos.first().ok_or_else(|| type_error("__exit__ needs an argument"))?;
    release(v)?;
    Ok(none())
}

fn m_cast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cast", &[p("format"), opt("shape")]);
    let v = self_arg(&args)?.clone();
    let [format, shape] = SIG.parse::<2>(args.shift())?;
    let format = format.expect("required");
    let m = live(&v)?;
    let fmt = as_str(&format).ok_or_else(|| type_error("memoryview: format argument must be a string"))?;
    let fmt_char = match fmt.strip_prefix('@').unwrap_or(fmt) {
        f if f.chars().count() == 1 => f.chars().next().unwrap_or('B'),
        _ => '\0',
    };
    let Some(itemsize) = itemsize_of(fmt_char) else {
        return Err(value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'"));
    };
    if m.step != 1 {
        return Err(type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if m.format != 'B' && m.format != 'b' && m.format != 'c' && fmt_char != 'B' && fmt_char != 'b' && fmt_char != 'c' {
        return Err(type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.nbytes();
    if let Some(shape) = shape.filter(|s| !is_none(s)) {
        let dims = crate::vm::ops::collect_iter(vm, &shape)?;
        if dims.len() != 1 {
            return Err(type_error("memoryview: cast to multi-dimensional shapes is not supported"));
        }
        let d = as_int(&dims[0]).and_then(|i| i.to_i64()).unwrap_or(-1);
        if d < 0 || d as usize * itemsize != nbytes {
            return Err(type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    } else if nbytes % itemsize != 0 {
        return Err(type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(new_view(m.obj.clone(), m.offset, nbytes / itemsize, 1, itemsize, fmt_char, m.readonly))
}

fn m_toreadonly(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("memoryview.toreadonly")?;
    let m = live(v)?;
    Ok(new_view(m.obj.clone(), m.offset, m.len, m.step, m.itemsize, m.format, true))
}

fn g_obj(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(live(v)?.obj.clone())
}
fn g_nbytes(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(live(v)?.nbytes() as i64))
}
fn g_readonly(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(live(v)?.readonly))
}
fn g_itemsize(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(live(v)?.itemsize as i64))
}
fn g_format(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(live(v)?.format.to_string()))
}
fn g_ndim(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(v)?;
    Ok(new_int(1))
}
fn g_shape(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_tuple(vec![new_int(live(v)?.len as i64)]))
}
fn g_strides(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(v)?;
    Ok(new_tuple(vec![new_int(m.step as i64 * m.itemsize as i64)]))
}
fn g_suboffsets(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    live(v)?;
    Ok(new_tuple(Vec::new()))
}
fn g_contiguous(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = live(v)?;
    Ok(bool_value(m.step == 1 || m.len <= 1))
}

pub static MEMORYVIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("tobytes", m_tobytes),
    MethodDef::method("tolist", m_tolist),
    MethodDef::method("hex", m_hex),
    MethodDef::method("release", m_release),
    MethodDef::method("cast", m_cast),
    MethodDef::method("toreadonly", m_toreadonly),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
];

pub static MEMORYVIEW_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("obj", g_obj),
    GetSetDef::new("nbytes", g_nbytes),
    GetSetDef::new("readonly", g_readonly),
    GetSetDef::new("itemsize", g_itemsize),
    GetSetDef::new("format", g_format),
    GetSetDef::new("ndim", g_ndim),
    GetSetDef::new("shape", g_shape),
    GetSetDef::new("strides", g_strides),
    GetSetDef::new("suboffsets", g_suboffsets),
    GetSetDef::new("c_contiguous", g_contiguous),
    GetSetDef::new("f_contiguous", g_contiguous),
    GetSetDef::new("contiguous", g_contiguous),
];

pub fn init_type() {
    let s = &MEMORYVIEW_TYPE.slots;
    s.new.set(Some(memoryview_new));
    s.repr.set(Some(memoryview_repr));
    s.len.set(Some(memoryview_len));
    s.getitem.set(Some(memoryview_getitem));
    s.setitem.set(Some(memoryview_setitem));
    s.richcompare.set(Some(memoryview_richcompare));
    s.hash.set(Some(memoryview_hash));
    s.iter.set(Some(memoryview_iter));
}
