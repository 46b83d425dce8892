//! `bytes` and the byte-string methods it shares with `bytearray`.
//!
//! Mirrors CPython's `Objects/bytesobject.c` and `Objects/bytes_methods.c`.  The shared
//! methods (`find`, `split`, `upper`, `hex`, ...) are written once here over byte slices
//! and return an object of the receiver's kind (bytes for bytes, bytearray for
//! bytearray), as CPython's `bytes_methods.c` serves both types.  `%`-formatting is
//! CPython's `_PyBytes_FormatEx`; the utf-8 / ascii / latin-1 codecs with the common
//! error handlers live here too (`decode_bytes`, `encode_str`).
//!
//! Statics: `BYTES_TYPE`, `BYTES_ITERATOR_TYPE`, `BYTEARRAY_ITERATOR_TYPE`; start-up:
//! `init_types()`.  `bytearray` is in `bytearray.rs`, `memoryview` in `memoryview.rs`.

use std::borrow::Cow;
use std::cell::Cell;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::bytearray::{as_bytearray, new_bytearray_of_type, BYTEARRAY_TYPE};
use super::int::{as_int, new_int};
use super::list::PyList;
use super::singletons::{bool_value, is_none, not_implemented};
use super::str::{as_str, new_string};
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, po};
use crate::vm::{index_error, overflow_error, type_error, value_error, Args, PyResult, Sig, Vm};

#[repr(C)]
pub struct PyBytes {
    head: ObjectHead,
    data: Box<[u8]>,
}

pub static BYTES_LAYOUT: Layout = crate::payload_layout!(PyBytes, "bytes", no_traverse, no_clear);

impl PyPayload for PyBytes {
    fn layout() -> &'static Layout {
        &BYTES_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BYTES_TYPE
    }
}

pub static BYTES_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "bytes",
    layout: &BYTES_LAYOUT,
    flags: flags::BASETYPE | flags::BYTES_SUBCLASS,
    base: Some(&super::object::OBJECT_TYPE),
    methods: BYTES_METHODS,
    getsets: &[],
    doc: Some("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer"),
    module: None,
});

impl PyBytes {
    pub fn as_slice(&self) -> &[u8] {
        &self.data
    }
}

/// A new `bytes` object.
pub fn new_bytes(data: Vec<u8>) -> Value {
    heap::alloc(&BYTES_TYPE, PyBytes { head: ObjectHead::uninit(), data: data.into_boxed_slice() })
}

fn new_bytes_of_type(ty: &PyType, data: Vec<u8>) -> Value {
    heap::alloc(ty, PyBytes { head: ObjectHead::uninit(), data: data.into_boxed_slice() })
}

/// The contents of a `bytes` (or subclass) value.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    v.downcast::<PyBytes>().map(|b| b.as_slice())
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview, array), copied.
pub fn as_bytes_like(v: &Value) -> Option<Vec<u8>> {
    buffer(v).map(Cow::into_owned)
}

/// The bytes of a buffer object: borrowed for `bytes`, copied for mutable buffers.
pub(crate) fn buffer(v: &Value) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = as_bytes(v) {
        return Some(Cow::Borrowed(b));
    }
    if let Some(a) = as_bytearray(v) {
        return Some(Cow::Owned(a.data.borrow().clone()));
    }
    if let Some(a) = crate::modules::array::as_array(v) {
        return Some(Cow::Owned(a.data.borrow().clone()));
    }
    super::memoryview::memoryview_bytes(v).map(Cow::Owned)
}

fn is_bytearray(v: &Value) -> bool {
    as_bytearray(v).is_some()
}

/// A result of the receiver's kind: bytearray for bytearrays, bytes otherwise.
pub(crate) fn like(this: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(this) {
        new_bytearray_of_type(&BYTEARRAY_TYPE, data)
    } else {
        new_bytes(data)
    }
}

/// The bound receiver of a method (the first positional argument).
/// `bytes.name` or `bytearray.name`: the qualified name of a method shared by both
/// types, after the receiver (or, for class methods, the class).
pub(crate) fn qual(args: &Args, name: &str) -> String {
    let bytearray = args.values.first().is_some_and(|v| {
        is_bytearray(v) || super::typeobject::as_type(v).is_some_and(|t| t.is_subtype(&super::bytearray::BYTEARRAY_TYPE))
    });
    format!("{}.{name}", if bytearray { "bytearray" } else { "bytes" })
}

pub(crate) fn self_arg<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.positional().first().ok_or_else(|| type_error("descriptor needs an argument"))
}

/// The receiver's bytes, or the descriptor TypeError.
fn self_data(v: &Value) -> PyResult<Cow<'_, [u8]>> {
    if let Some(b) = as_bytes(v) {
        return Ok(Cow::Borrowed(b));
    }
    if let Some(a) = as_bytearray(v) {
        return Ok(Cow::Owned(a.data.borrow().clone()));
    }
    Err(type_error(format!("descriptor requires a 'bytes' object but received a '{}'", v.ty().name())))
}

/// A bytes-like argument, or CPython's "a bytes-like object is required" TypeError.
pub(crate) fn bytes_arg(v: &Value) -> PyResult<Cow<'_, [u8]>> {
    buffer(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.ty().name())))
}

fn kind_name(v: &Value) -> &'static str {
    if is_bytearray(v) {
        "bytearray"
    } else {
        "bytes"
    }
}

// ---------------------------------------------------------------------------------------
// repr

/// CPython's `PyBytes_Repr` body: `b'...'` with the quote chosen as for str.
pub fn bytes_repr_string(data: &[u8]) -> String {
    repr_with_quotes(data, false)
}

/// The `b'...'` body; bytearray's repr escapes `'` even inside double quotes.
pub(crate) fn repr_with_quotes(data: &[u8], always_escape_single: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote || (always_escape_single && c == b'\'') => {
                out.push('\\');
                out.push(c as char);
            }
            c if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{c:02x}")),
            c => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}

fn bytes_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(bytes_repr_string(&self_data(v)?)))
}

// ---------------------------------------------------------------------------------------
// Construction

/// Collects an iterable of ints in range(256) (`_PyBytes_FromIterator`).
pub(crate) fn bytes_from_iterable(vm: &mut Vm, v: &Value, range_msg: &str) -> PyResult<Vec<u8>> {
    let it = crate::vm::ops::iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = crate::vm::ops::next(vm, &it)? {
        out.push(byte_value(vm, &x, range_msg)?);
    }
    Ok(out)
}

/// An int-like value as one byte, ValueError `range_msg` outside range(256).
pub(crate) fn byte_value(vm: &mut Vm, x: &Value, range_msg: &str) -> PyResult<u8> {
    let n = crate::vm::ops::index(vm, x)?;
    match as_int(&n).and_then(|i| i.to_i64()) {
        Some(i) if (0..256).contains(&i) => Ok(i as u8),
        _ => Err(value_error(range_msg)),
    }
}

fn bytes_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("bytes", &[opt("source"), opt("encoding"), opt("errors")]);
    let [x, encoding, errors] = SIG.parse::<3>(args)?;
    let ty = super::typeobject::as_type(cls).unwrap_or(&BYTES_TYPE);
    let make = |data: Vec<u8>| {
        if std::ptr::eq(ty, &BYTES_TYPE) {
            new_bytes(data)
        } else {
            new_bytes_of_type(ty, data)
        }
    };
    let Some(x) = x else {
        if encoding.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(make(Vec::new()));
    };
    if encoding.is_some() || errors.is_some() {
        let Some(s) = as_str(&x) else {
            return Err(type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        };
        let enc = str_arg(encoding.as_ref(), "bytes", "encoding")?.unwrap_or("utf-8");
        let errs = str_arg(errors.as_ref(), "bytes", "errors")?.unwrap_or("strict");
        let data = super::str_methods::encode_object(vm, &x, s, enc, errs)?;
        return Ok(make(data));
    }
    if let Some(f) = crate::vm::ops::lookup_special(&x, "__bytes__") {
        let r = crate::vm::call::call_method_value(vm, &f, &x, &[])?;
        let Some(b) = as_bytes(&r) else {
            return Err(type_error(format!("__bytes__ returned non-bytes (type {})", r.ty().name())));
        };
        if std::ptr::eq(ty, &BYTES_TYPE) {
            return Ok(r);
        }
        return Ok(make(b.to_vec()));
    }
    if as_str(&x).is_some() {
        return Err(type_error("string argument without an encoding"));
    }
    make_from_object(vm, &x, "bytes").map(make)
}

/// `bytes(x)` / `bytearray(x)` for a non-str source: a count, a buffer or an iterable.
pub(crate) fn make_from_object(vm: &mut Vm, x: &Value, tyname: &str) -> PyResult<Vec<u8>> {
    if x.ty().slots.index.get().is_some() || as_int(x).is_some() {
        let n = crate::vm::ops::index(vm, x)?;
        let n = match as_int(&n) {
            Some(i) => match i.to_i64() {
                Some(n) => n,
                None => {
                    return Err(overflow_error(format!("cannot fit '{}' into an index-sized integer", x.ty().name())));
                }
            },
            None => 0,
        };
        if n < 0 {
            return Err(value_error("negative count"));
        }
        if n > (1 << 34) {
            return Err(crate::vm::memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    if let Some(b) = buffer(x) {
        return Ok(b.into_owned());
    }
    let iterable = x.ty().slots.iter.get().is_some() || x.ty().slots.getitem.get().is_some();
    if !iterable {
        return Err(type_error(format!("cannot convert '{}' object to {tyname}", x.ty().name())));
    }
    let msg = if tyname == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
    bytes_from_iterable(vm, x, msg)
}

/// CPython's `PyObject_Bytes`: `__bytes__`, else a buffer, a list/tuple or an iterable of
/// ints ("cannot convert 'str' object to bytes" for str and non-iterables).  What
/// `int.from_bytes` and other C-level "bytes(x)" conversions use.
pub fn object_to_bytes(vm: &mut Vm, x: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(x) {
        return Ok(b.into_owned());
    }
    if let Some(f) = crate::vm::ops::lookup_special(x, "__bytes__") {
        let r = crate::vm::call::call_method_value(vm, &f, x, &[])?;
        return match as_bytes(&r) {
            Some(b) => Ok(b.to_vec()),
            None => Err(type_error(format!("__bytes__ returned non-bytes (type {})", r.ty().name()))),
        };
    }
    let iterable = x.ty().slots.iter.get().is_some() || x.ty().slots.getitem.get().is_some();
    if as_str(x).is_some() || !iterable {
        return Err(type_error(format!("cannot convert '{}' object to bytes", x.ty().name())));
    }
    bytes_from_iterable(vm, x, "bytes must be in range(0, 256)")
}

/// An optional str argument (`encoding`, `errors`).
fn str_arg<'a>(v: Option<&'a Value>, fname: &str, argname: &str) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) => as_str(v).map(Some).ok_or_else(|| {
            type_error(format!("{fname}() argument '{argname}' must be str, not {}", v.ty().name()))
        }),
    }
}

// ---------------------------------------------------------------------------------------
// Byte-string algorithms

pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn find_in(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() > hay.len() {
        return None;
    }
    if sub.len() == 1 {
        return hay.iter().position(|&c| c == sub[0]);
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_in(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

fn count_in(hay: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_in(&hay[i..], sub) {
        n += 1;
        i += p + sub.len();
    }
    n
}

/// CPython's `ADJUST_INDICES`.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if is_none(v) => Ok(None),
        Some(v) => crate::vm::ops::index_opt(vm, v)?
            .map(Some)
            .ok_or_else(|| type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// The `sub` argument of find/count/index: an int byte or a bytes-like object.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(v) {
        return Ok(b.into_owned());
    }
    if as_int(v).is_some() || v.ty().slots.index.get().is_some() {
        return Ok(vec![byte_value(vm, v, "byte must be in range(0, 256)")?]);
    }
    Err(type_error(format!("argument should be integer or bytes-like object, not '{}'", v.ty().name())))
}

enum FindKind {
    Find,
    RFind,
    Index,
    RIndex,
    Count,
}

fn find_family(vm: &mut Vm, args: Args, name: &str, kind: FindKind) -> PyResult<Value> {
    let pos = args.method_all(&qual(&args, name), 1, 3)?;
    let sub = sub_arg(vm, &pos[1])?;
    let start = opt_index(vm, pos.get(2))?;
    let end = opt_index(vm, pos.get(3))?;
    let data = self_data(&pos[0])?;
    let (start, end) = adjust_indices(start, end, data.len());
    if let FindKind::Count = kind {
        if start > data.len() as i64 || end < start {
            return Ok(new_int(0));
        }
        return Ok(new_int(count_in(&data[start as usize..end as usize], &sub) as i64));
    }
    let found = if start > data.len() as i64 || end - start < sub.len() as i64 {
        None
    } else {
        let hay = &data[start as usize..end as usize];
        match kind {
            FindKind::Find | FindKind::Index => find_in(hay, &sub),
            _ => rfind_in(hay, &sub),
        }
        .map(|p| p as i64 + start)
    };
    match (found, kind) {
        (Some(p), _) => Ok(new_int(p)),
        (None, FindKind::Index | FindKind::RIndex) => Err(value_error("subsection not found")),
        (None, _) => Ok(new_int(-1)),
    }
}

pub(crate) fn b_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_family(vm, args, "find", FindKind::Find)
}
pub(crate) fn b_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_family(vm, args, "rfind", FindKind::RFind)
}
pub(crate) fn b_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_family(vm, args, "index", FindKind::Index)
}
pub(crate) fn b_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_family(vm, args, "rindex", FindKind::RIndex)
}
pub(crate) fn b_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_family(vm, args, "count", FindKind::Count)
}

fn starts_ends(vm: &mut Vm, args: Args, name: &str, ends: bool) -> PyResult<Value> {
    let pos = args.method_all(&qual(&args, name), 1, 3)?;
    let start = opt_index(vm, pos.get(2))?;
    let end = opt_index(vm, pos.get(3))?;
    let data = self_data(&pos[0])?;
    let (start, end) = adjust_indices(start, end, data.len());
    let test = |p: &[u8]| -> bool {
        if start > data.len() as i64 {
            return false;
        }
        if end - start < p.len() as i64 {
            return false;
        }
        let hay = &data[start as usize..end as usize];
        if ends {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    if let Some(items) = super::tuple::as_tuple(&pos[1]) {
        for it in items {
            let p = buffer(it).ok_or_else(|| {
                type_error(format!("a bytes-like object is required, not '{}'", it.ty().name()))
            })?;
            if test(&p) {
                return Ok(bool_value(true));
            }
        }
        return Ok(bool_value(false));
    }
    let p = buffer(&pos[1]).ok_or_else(|| {
        type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", pos[1].ty().name()))
    })?;
    Ok(bool_value(test(&p)))
}

pub(crate) fn b_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}
pub(crate) fn b_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

/// `split`/`rsplit` on runs of ASCII whitespace.
fn split_whitespace(data: &[u8], maxsplit: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut splits = 0;
    if !reverse {
        let mut i = 0;
        let n = data.len();
        loop {
            while i < n && is_space(data[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                out.push(data[i..].to_vec());
                break;
            }
            let j = i;
            while i < n && !is_space(data[i]) {
                i += 1;
            }
            out.push(data[j..i].to_vec());
            splits += 1;
        }
    } else {
        let mut i = data.len();
        loop {
            while i > 0 && is_space(data[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                out.push(data[..i].to_vec());
                break;
            }
            let j = i;
            while i > 0 && !is_space(data[i - 1]) {
                i -= 1;
            }
            out.push(data[i..j].to_vec());
            splits += 1;
        }
        out.reverse();
    }
    out
}

fn split_sep(data: &[u8], sep: &[u8], maxsplit: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut splits = 0;
    if !reverse {
        let mut i = 0;
        while maxsplit < 0 || splits < maxsplit {
            match find_in(&data[i..], sep) {
                Some(p) => {
                    out.push(data[i..i + p].to_vec());
                    i += p + sep.len();
                    splits += 1;
                }
                None => break,
            }
        }
        out.push(data[i..].to_vec());
    } else {
        let mut end = data.len();
        while maxsplit < 0 || splits < maxsplit {
            match rfind_in(&data[..end], sep) {
                Some(p) => {
                    out.push(data[p + sep.len()..end].to_vec());
                    end = p;
                    splits += 1;
                }
                None => break,
            }
        }
        out.push(data[..end].to_vec());
        out.reverse();
    }
    out
}

fn split_impl(vm: &mut Vm, args: Args, name: &'static str, reverse: bool) -> PyResult<Value> {
    static SPLIT: Sig = Sig::new("split", &[opt("sep"), opt("maxsplit")]);
    static RSPLIT: Sig = Sig::new("rsplit", &[opt("sep"), opt("maxsplit")]);
    let sig = if name == "split" { &SPLIT } else { &RSPLIT };
    let this = self_arg(&args)?.clone();
    let [sep, maxsplit] = sig.parse::<2>(args.shift())?;
    let maxsplit = match maxsplit {
        Some(m) => crate::vm::ops::index_value(vm, &m)?,
        None => -1,
    };
    let data = self_data(&this)?;
    let parts = match sep.filter(|s| !is_none(s)) {
        None => split_whitespace(&data, maxsplit, reverse),
        Some(s) => {
            let sep = bytes_arg(&s)?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            split_sep(&data, &sep, maxsplit, reverse)
        }
    };
    Ok(PyList::new_value(parts.into_iter().map(|p| like(&this, p)).collect()))
}

pub(crate) fn b_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "split", false)
}
pub(crate) fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, args, "rsplit", true)
}

fn partition_impl(args: Args, name: &str, reverse: bool) -> PyResult<Value> {
    let [this, sep] = args.exact_method::<2>(&qual(&args, name))?;
    let sep_b = bytes_arg(sep)?;
    if sep_b.is_empty() {
        return Err(value_error("empty separator"));
    }
    let data = self_data(this)?;
    let found = if reverse { rfind_in(&data, &sep_b) } else { find_in(&data, &sep_b) };
    let parts = match found {
        Some(p) => vec![data[..p].to_vec(), sep_b.to_vec(), data[p + sep_b.len()..].to_vec()],
        None if reverse => vec![Vec::new(), Vec::new(), data.to_vec()],
        None => vec![data.to_vec(), Vec::new(), Vec::new()],
    };
    let mut items: Vec<Value> = parts.into_iter().map(|p| like(this, p)).collect();
    // CPython returns the separator object itself for exact bytes.
    if found.is_some() && as_bytes(this).is_some() && sep.downcast_exact::<PyBytes>().is_some() {
        items[1] = sep.clone();
    }
    Ok(super::tuple::new_tuple(items))
}

pub(crate) fn b_partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}
pub(crate) fn b_rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "rpartition", true)
}

pub(crate) fn b_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, iterable] = args.exact_method::<2>(&qual(&args, "join"))?;
    let sep = self_data(this)?.into_owned();
    let items = crate::vm::ops::collect_iter(vm, iterable).map_err(|e| {
        if e.matches(&super::exceptions::TYPE_ERROR) && iterable.ty().slots.iter.get().is_none() && iterable.ty().slots.getitem.get().is_none() {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let b = buffer(it).ok_or_else(|| {
            type_error(format!("sequence item {i}: expected a bytes-like object, {} found", it.ty().name()))
        })?;
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(like(this, out))
}

fn strip_impl(args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let pos = args.method_all(&qual(&args, name), 0, 1)?;
    let data = self_data(&pos[0])?;
    let chars: Option<Vec<u8>> = match pos.get(1) {
        Some(c) if !is_none(c) => Some(bytes_arg(c)?.into_owned()),
        _ => None,
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let mut a = 0;
    let mut b = data.len();
    if left {
        while a < b && strip(data[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && strip(data[b - 1]) {
            b -= 1;
        }
    }
    Ok(like(&pos[0], data[a..b].to_vec()))
}

pub(crate) fn b_strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "strip", true, true)
}
pub(crate) fn b_lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", true, false)
}
pub(crate) fn b_rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", false, true)
}

fn map_bytes(args: Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(&qual(&args, name))?;
    let data = self_data(this)?;
    Ok(like(this, f(&data)))
}

pub(crate) fn b_lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(args, "lower", |d| d.to_ascii_lowercase())
}
pub(crate) fn b_upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(args, "upper", |d| d.to_ascii_uppercase())
}
pub(crate) fn b_swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(args, "swapcase", |d| {
        d.iter()
            .map(|&c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}
pub(crate) fn b_capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(args, "capitalize", |d| {
        d.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}
pub(crate) fn b_title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(args, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&c| {
                let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn test_bytes(args: Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(&qual(&args, name))?;
    Ok(bool_value(f(&self_data(this)?)))
}

pub(crate) fn b_isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "isalnum", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphanumeric()))
}
pub(crate) fn b_isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "isalpha", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_alphabetic()))
}
pub(crate) fn b_isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "isascii", |d| d.is_ascii())
}
pub(crate) fn b_isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "isdigit", |d| !d.is_empty() && d.iter().all(|c| c.is_ascii_digit()))
}
pub(crate) fn b_isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "isspace", |d| !d.is_empty() && d.iter().all(|&c| is_space(c)))
}
pub(crate) fn b_islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "islower", |d| d.iter().any(|c| c.is_ascii_lowercase()) && !d.iter().any(|c| c.is_ascii_uppercase()))
}
pub(crate) fn b_isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "isupper", |d| d.iter().any(|c| c.is_ascii_uppercase()) && !d.iter().any(|c| c.is_ascii_lowercase()))
}
pub(crate) fn b_istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    test_bytes(args, "istitle", |d| {
        let mut cased = false;
        let mut prev_cased = false;
        for &c in d {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// The fill byte of center/ljust/rjust.
fn fill_arg(v: Option<&Value>, name: &str) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    if let Some(b) = as_bytes(v).map(|b| b.to_vec()).or_else(|| as_bytearray(v).map(|a| a.data.borrow().clone())) {
        if b.len() == 1 {
            return Ok(b[0]);
        }
        return Err(type_error(format!(
            "{name}() argument 2 must be a byte string of length 1, not {}",
            v.ty().name()
        )));
    }
    Err(type_error(format!("{name}() argument 2 must be a byte string of length 1, not {}", v.ty().name())))
}

fn pad_impl(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let pos = args.method_all(&qual(&args, name), 1, 2)?;
    let width = crate::vm::ops::index_value(vm, &pos[1])?;
    let fill = fill_arg(pos.get(2), name)?;
    let data = self_data(&pos[0])?;
    let len = data.len() as i64;
    if width <= len {
        if as_bytes(&pos[0]).is_some() && pos[0].downcast_exact::<PyBytes>().is_some() {
            return Ok(pos[0].clone());
        }
        return Ok(like(&pos[0], data.to_vec()));
    }
    let total = (width - len) as usize;
    if total > 1 << 34 {
        return Err(crate::vm::memory_error());
    }
    let (left, right) = match name {
        "ljust" => (0, total),
        "rjust" => (total, 0),
        _ => {
            // CPython's `pad` for center: the extra byte goes left when both are odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(like(&pos[0], out))
}

pub(crate) fn b_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "center")
}
pub(crate) fn b_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "ljust")
}
pub(crate) fn b_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "rjust")
}

pub(crate) fn b_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, width] = args.exact_method::<2>(&qual(&args, "zfill"))?;
    let width = crate::vm::ops::index_value(vm, width)?;
    let data = self_data(this)?;
    if width <= data.len() as i64 {
        return Ok(like(this, data.to_vec()));
    }
    let fill = width as usize - data.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(&data);
    if !data.is_empty() && (data[0] == b'+' || data[0] == b'-') {
        out[0] = data[0];
        out[fill] = b'0';
    }
    Ok(like(this, out))
}

pub(crate) fn b_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("expandtabs", &[opt("tabsize")]);
    let this = self_arg(&args)?.clone();
    let [tabsize] = SIG.parse::<1>(args.shift())?;
    let tabsize = match tabsize {
        Some(t) => crate::vm::ops::index_value(vm, &t)?,
        None => 8,
    };
    let data = self_data(&this)?;
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &c in data.iter() {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(like(&this, out))
}

pub(crate) fn b_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("splitlines", &[opt("keepends")]);
    let this = self_arg(&args)?.clone();
    let [keepends] = SIG.parse::<1>(args.shift())?;
    let keepends = match keepends {
        Some(k) => crate::vm::ops::is_true(vm, &k)?,
        None => false,
    };
    let data = self_data(&this)?;
    let mut out = Vec::new();
    let mut i = 0;
    let n = data.len();
    while i < n {
        let start = i;
        while i < n && data[i] != b'\n' && data[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if data[i] == b'\r' && i + 1 < n && data[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(like(&this, data[start..eol].to_vec()));
    }
    Ok(PyList::new_value(out))
}

pub(crate) fn b_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("replace", &[po("old"), po("new"), crate::vm::args::po_opt("count")]);
    let this = self_arg(&args)?.clone();
    let [old, new, count] = SIG.parse::<3>(args.shift())?;
    let (this, old, new) = (this, old.expect("required"), new.expect("required"));
    let count = match count {
        Some(c) => crate::vm::ops::index_value(vm, &c)?,
        None => -1,
    };
    let data = self_data(&this)?;
    let old = bytes_arg(&old)?;
    let new = bytes_arg(&new)?;
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0;
    if old.is_empty() {
        for &c in data.iter() {
            if count < 0 || done < count {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(c);
        }
        if count < 0 || done < count {
            out.extend_from_slice(&new);
        }
        return Ok(like(&this, out));
    }
    let mut i = 0;
    while count < 0 || done < count {
        match find_in(&data[i..], &old) {
            Some(p) => {
                out.extend_from_slice(&data[i..i + p]);
                out.extend_from_slice(&new);
                i += p + old.len();
                done += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&data[i..]);
    Ok(like(&this, out))
}

pub(crate) fn b_removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, prefix] = args.exact_method::<2>(&qual(&args, "removeprefix"))?;
    let p = bytes_arg(prefix)?;
    let data = self_data(this)?;
    let out = data.strip_prefix(&p[..]).unwrap_or(&data).to_vec();
    Ok(like(this, out))
}

pub(crate) fn b_removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, suffix] = args.exact_method::<2>(&qual(&args, "removesuffix"))?;
    let p = bytes_arg(suffix)?;
    let data = self_data(this)?;
    let out = if p.is_empty() { data.to_vec() } else { data.strip_suffix(&p[..]).unwrap_or(&data).to_vec() };
    Ok(like(this, out))
}

pub(crate) fn b_translate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("translate", &[po("table"), opt("delete")]);
    let this = self_arg(&args)?.clone();
    let [table, delete] = SIG.parse::<2>(args.shift())?;
    let (this, table) = (this, table.expect("required"));
    let table = if is_none(&table) {
        None
    } else {
        let t = bytes_arg(&table)?.into_owned();
        if t.len() != 256 {
            return Err(value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match &delete {
        Some(d) => bytes_arg(d)?.into_owned(),
        None => Vec::new(),
    };
    let data = self_data(&this)?;
    let out: Vec<u8> = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map(|t| t[c as usize]).unwrap_or(c))
        .collect();
    Ok(like(&this, out))
}

pub(crate) fn b_maketrans(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("maketrans", 2, 2)?;
    let frm = bytes_arg(&pos[0])?;
    let to = bytes_arg(&pos[1])?;
    if frm.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (a, b) in frm.iter().zip(to.iter()) {
        table[*a as usize] = *b;
    }
    Ok(new_bytes(table))
}

pub(crate) fn b_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decode", &[opt("encoding"), opt("errors")]);
    let this = self_arg(&args)?.clone();
    let [encoding, errors] = SIG.parse::<2>(args.shift())?;
    let enc = str_arg(encoding.as_ref(), "decode", "encoding")?.unwrap_or("utf-8").to_string();
    let errs = str_arg(errors.as_ref(), "decode", "errors")?.unwrap_or("strict").to_string();
    let data = self_data(&this)?.into_owned();
    super::str_methods::decode_object(vm, &this, &data, &enc, &errs)
}

/// `bytes.hex(sep=..., bytes_per_sep=1)`, shared with bytearray and memoryview.
pub(crate) fn hex_impl(vm: &mut Vm, data: &[u8], sep: Option<&Value>, bytes_per_sep: Option<&Value>) -> PyResult<Value> {
    let sep = match sep {
        None => None,
        Some(s) => {
            let sb: Vec<u8> = if let Some(st) = as_str(s) {
                st.as_bytes().to_vec()
            } else if let Some(b) = buffer(s) {
                b.into_owned()
            } else {
                return Err(type_error("sep must be str or bytes."));
            };
            if as_str(s).map(|st| st.chars().count()).unwrap_or(sb.len()) != 1 {
                return Err(value_error("sep must be length 1."));
            }
            if !sb.is_ascii() {
                return Err(value_error("sep must be ASCII."));
            }
            Some(sb[0])
        }
    };
    let per = match bytes_per_sep {
        Some(b) => crate::vm::ops::index_value(vm, b)?,
        None => 1,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                let boundary = if per > 0 { (data.len() - i).is_multiple_of(group) } else { i.is_multiple_of(group) };
                if boundary {
                    out.push(s as char);
                }
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    Ok(new_string(out))
}

pub(crate) fn b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("hex", &[opt("sep"), opt("bytes_per_sep")]);
    let this = self_arg(&args)?.clone();
    let [sep, per] = SIG.parse::<2>(args.shift())?;
    let data = self_data(&this)?.into_owned();
    hex_impl(vm, &data, sep.as_ref(), per.as_ref())
}

/// `bytes.fromhex` / `bytearray.fromhex` (CPython's `_PyBytes_FromHex`).
pub(crate) fn parse_fromhex(v: &Value) -> PyResult<Vec<u8>> {
    let s = as_str(v).ok_or_else(|| type_error(format!("fromhex() argument must be str, not {}", v.ty().name())))?;
    let chars: Vec<char> = s.chars().collect();
    let hexval = |c: char| c.to_digit(16).filter(|_| c.is_ascii());
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let err = |p: usize| value_error(format!("non-hexadecimal number found in fromhex() arg at position {p}"));
        let top = hexval(chars[i]).ok_or_else(|| err(i))?;
        let bot = chars.get(i + 1).and_then(|&c| hexval(c)).ok_or_else(|| err(i + 1))?;
        out.push((top * 16 + bot) as u8);
        i += 2;
    }
    Ok(out)
}

pub(crate) fn b_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.method_all(&qual(&args, "fromhex"), 1, 1)?;
    let data = parse_fromhex(&pos[1])?;
    let cls = &pos[0];
    let ty = super::typeobject::as_type(cls).unwrap_or(&BYTES_TYPE);
    if std::ptr::eq(ty, &BYTES_TYPE) {
        return Ok(new_bytes(data));
    }
    if std::ptr::eq(ty, &BYTEARRAY_TYPE) {
        return Ok(new_bytearray_of_type(&BYTEARRAY_TYPE, data));
    }
    let base = if ty.is_subtype(&BYTEARRAY_TYPE) {
        new_bytearray_of_type(&BYTEARRAY_TYPE, data)
    } else {
        new_bytes(data)
    };
    crate::vm::call::call(vm, cls, &[base])
}

pub(crate) fn b_getnewargs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(&qual(&args, "__getnewargs__"))?;
    Ok(super::tuple::new_tuple(vec![new_bytes(self_data(this)?.into_owned())]))
}

pub(crate) fn b_bytes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact_method::<1>(&qual(&args, "__bytes__"))?;
    if this.downcast_exact::<PyBytes>().is_some() {
        return Ok(this.clone());
    }
    Ok(new_bytes(self_data(this)?.into_owned()))
}

// ---------------------------------------------------------------------------------------
// %-formatting (CPython's `_PyBytes_FormatEx`)

fn fmt_int_digits(vm: &mut Vm, v: &Value, conv: u8, alt: bool) -> PyResult<(bool, String)> {
    let n = crate::vm::ops::index(vm, v)?;
    let b = super::int::as_bigint(&n).unwrap_or_default();
    use num_traits::Signed;
    let neg = b.is_negative();
    let mag = b.abs();
    let digits = match conv {
        b'x' => format!("{}{}", if alt { "0x" } else { "" }, mag.to_str_radix(16)),
        b'X' => format!("{}{}", if alt { "0X" } else { "" }, mag.to_str_radix(16).to_uppercase()),
        b'o' => format!("{}{}", if alt { "0o" } else { "" }, mag.to_str_radix(8)),
        _ => mag.to_str_radix(10),
    };
    Ok((neg, digits))
}

/// One `%` conversion's flags.
#[derive(Default)]
struct FmtSpec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

fn pad_number(spec: &FmtSpec, neg: bool, body: &str) -> Vec<u8> {
    let sign = if neg {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    };
    // A prefix (0x, 0o) stays before zero padding.
    let (prefix, digits) = if body.len() > 2 && (body.starts_with("0x") || body.starts_with("0X") || body.starts_with("0o")) {
        body.split_at(2)
    } else {
        ("", body)
    };
    let width = spec.width.unwrap_or(0);
    let len = sign.len() + prefix.len() + digits.len();
    let mut out = String::new();
    if len >= width {
        out = format!("{sign}{prefix}{digits}");
    } else if spec.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(digits);
        out.push_str(&" ".repeat(width - len));
    } else if spec.zero {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(&"0".repeat(width - len));
        out.push_str(digits);
    } else {
        out.push_str(&" ".repeat(width - len));
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(digits);
    }
    out.into_bytes()
}

fn pad_plain(spec: &FmtSpec, body: &[u8]) -> Vec<u8> {
    let width = spec.width.unwrap_or(0);
    if body.len() >= width {
        return body.to_vec();
    }
    let pad = vec![b' '; width - body.len()];
    if spec.left {
        [body, &pad[..]].concat()
    } else {
        [&pad[..], body].concat()
    }
}

fn is_number_like(v: &Value) -> bool {
    let s = &v.ty().slots;
    as_int(v).is_some() || super::float::as_f64(v).is_some() || s.index.get().is_some() || s.int.get().is_some() || s.float.get().is_some()
}

/// `fmt % args` for a bytes-like `fmt`.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let tuple_items: Option<Vec<Value>> = super::tuple::as_tuple(args).map(|t| t.to_vec());
    let is_mapping = tuple_items.is_none()
        && as_bytes(args).is_none()
        && as_bytearray(args).is_none()
        && as_str(args).is_none()
        && args.ty().slots.getitem.get().is_some();
    let positional: Vec<Value> = tuple_items.clone().unwrap_or_else(|| vec![args.clone()]);
    let mut argidx = 0usize;
    let mut next_arg = || -> PyResult<Value> {
        if argidx < positional.len() {
            argidx += 1;
            Ok(positional[argidx - 1].clone())
        } else {
            Err(type_error("not enough arguments for format string"))
        }
    };
    let mut out = Vec::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let n = fmt.len();
    while i < n {
        if fmt[i] != b'%' {
            let j = fmt[i..].iter().position(|&c| c == b'%').map(|p| i + p).unwrap_or(n);
            out.extend_from_slice(&fmt[i..j]);
            i = j;
            continue;
        }
        i += 1;
        let mut keyed: Option<Value> = None;
        if i < n && fmt[i] == b'(' {
            if !is_mapping {
                return Err(type_error("format requires a mapping"));
            }
            let mut depth = 1;
            let kstart = i + 1;
            i += 1;
            while i < n && depth > 0 {
                if fmt[i] == b'(' {
                    depth += 1;
                } else if fmt[i] == b')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key = new_bytes(fmt[kstart..i - 1].to_vec());
            keyed = Some(crate::vm::ops::getitem(vm, args, &key)?);
        }
        let mut spec = FmtSpec::default();
        while i < n {
            match fmt[i] {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let star_int = |vm: &mut Vm, v: Value| -> PyResult<i64> {
            if as_int(&v).is_none() {
                return Err(type_error("* wants int"));
            }
            crate::vm::ops::index_value(vm, &v)
        };
        if i < n && fmt[i] == b'*' {
            let w = star_int(vm, next_arg()?)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let s = i;
            while i < n && fmt[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                spec.width = std::str::from_utf8(&fmt[s..i]).ok().and_then(|t| t.parse().ok());
                if spec.width.is_none() {
                    return Err(value_error("width too big"));
                }
            }
        }
        if i < n && fmt[i] == b'.' {
            i += 1;
            if i < n && fmt[i] == b'*' {
                let p = star_int(vm, next_arg()?)?;
                spec.prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let s = i;
                while i < n && fmt[i].is_ascii_digit() {
                    i += 1;
                }
                spec.prec = Some(std::str::from_utf8(&fmt[s..i]).ok().and_then(|t| t.parse().ok()).unwrap_or(0));
            }
        }
        while i < n && matches!(fmt[i], b'h' | b'l' | b'L') {
            i += 1;
        }
        if i >= n {
            return Err(value_error("incomplete format"));
        }
        let conv = fmt[i];
        i += 1;
        if conv == b'%' {
            out.push(b'%');
            continue;
        }
        let arg = match keyed.take() {
            Some(v) => v,
            None => next_arg()?,
        };
        match conv {
            b's' | b'b' => {
                let mut body = if let Some(b) = buffer(&arg) {
                    b.into_owned()
                } else if let Some(f) = crate::vm::ops::lookup_special(&arg, "__bytes__") {
                    let r = crate::vm::call::call_method_value(vm, &f, &arg, &[])?;
                    match as_bytes(&r) {
                        Some(b) => b.to_vec(),
                        None => {
                            return Err(type_error(format!("__bytes__ returned non-bytes (type {})", r.ty().name())));
                        }
                    }
                } else {
                    return Err(type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        arg.ty().name()
                    )));
                };
                if let Some(p) = spec.prec {
                    body.truncate(p);
                }
                out.extend(pad_plain(&spec, &body));
            }
            b'r' | b'a' => {
                let r = crate::vm::ops::ascii(vm, &arg)?;
                let mut body = as_str(&r).unwrap_or("").as_bytes().to_vec();
                if let Some(p) = spec.prec {
                    body.truncate(p);
                }
                out.extend(pad_plain(&spec, &body));
            }
            b'c' => {
                let byte = if let Some(b) = as_bytes(&arg).map(|b| b.to_vec()).or_else(|| as_bytearray(&arg).map(|a| a.data.borrow().clone())) {
                    if b.len() != 1 {
                        return Err(type_error("%c requires an integer in range(256) or a single byte"));
                    }
                    b[0]
                } else if as_int(&arg).is_some() || arg.ty().slots.index.get().is_some() {
                    let v = crate::vm::ops::index(vm, &arg)?;
                    match as_int(&v).and_then(|i| i.to_i64()) {
                        Some(x) if (0..256).contains(&x) => x as u8,
                        _ => return Err(overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(type_error("%c requires an integer in range(256) or a single byte"));
                };
                out.extend(pad_plain(&spec, &[byte]));
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' => {
                let value = if matches!(conv, b'd' | b'i' | b'u') {
                    if !is_number_like(&arg) {
                        return Err(type_error(format!(
                            "%{} format: a real number is required, not {}",
                            conv as char,
                            arg.ty().name()
                        )));
                    }
                    if let Some(f) = super::float::as_f64(&arg) {
                        super::float::f64_to_int(f)?
                    } else if as_int(&arg).is_some() || arg.ty().slots.index.get().is_some() {
                        crate::vm::ops::index(vm, &arg)?
                    } else {
                        super::int::convert_to_int(vm, &arg)?
                    }
                } else {
                    if as_int(&arg).is_none() && arg.ty().slots.index.get().is_none() {
                        return Err(type_error(format!(
                            "%{} format: an integer is required, not {}",
                            conv as char,
                            arg.ty().name()
                        )));
                    }
                    crate::vm::ops::index(vm, &arg)?
                };
                let (neg, mut digits) = fmt_int_digits(vm, &value, conv, spec.alt)?;
                if let Some(p) = spec.prec {
                    let (prefix, body) = if spec.alt && conv != b'd' && digits.len() > 2 && matches!(conv, b'x' | b'X' | b'o') {
                        let (a, b) = digits.split_at(2);
                        (a.to_string(), b.to_string())
                    } else {
                        (String::new(), digits.clone())
                    };
                    if body.len() < p {
                        digits = format!("{prefix}{}{body}", "0".repeat(p - body.len()));
                    }
                }
                out.extend(pad_number(&spec, neg, &digits));
            }
            b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                let x = match super::float::as_f64(&arg) {
                    Some(f) => f,
                    None => {
                        if !is_number_like(&arg) {
                            return Err(type_error(format!("float argument required, not {}", arg.ty().name())));
                        }
                        crate::vm::ops::float_value(vm, &arg)?
                    }
                };
                let body = super::complex::format_double(x.abs(), conv as char, spec.prec.unwrap_or(6), spec.alt);
                let neg = x.is_sign_negative() && !x.is_nan();
                let zero_ok = x.is_finite();
                let spec2 = FmtSpec { zero: spec.zero && zero_ok, ..spec };
                out.extend(pad_number(&spec2, neg, &body));
            }
            other => {
                return Err(value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other as char,
                    other,
                    i - 1
                )));
            }
        }
    }
    if !is_mapping && argidx < positional.len() {
        return Err(type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Slots shared by bytes and bytearray

/// `bytes + other` / `bytearray + other` (the receiver's kind wins).
pub(crate) fn concat(a: &Value, b: &Value) -> PyResult<Value> {
    let x = bytes_arg(a)?;
    let Some(y) = buffer(b) else {
        return Err(type_error(format!("can't concat {} to {}", b.ty().name(), kind_name(a))));
    };
    let mut out = Vec::with_capacity(x.len() + y.len());
    out.extend_from_slice(&x);
    out.extend_from_slice(&y);
    Ok(like(a, out))
}

/// A repeat count as `PyNumber_AsSsize_t(n, OverflowError)` (the value is int-like).
pub(crate) fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<i64> {
    if let Some(i) = n.as_small_int() {
        return Ok(i);
    }
    let v = crate::vm::ops::index(vm, n)?;
    as_int(&v)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| overflow_error(format!("cannot fit '{}' into an index-sized integer", n.ty().name())))
}

/// `data * count`; `bytes_kind` picks CPython's error for a size past `PY_SSIZE_T_MAX`
/// (bytes: OverflowError, bytearray: MemoryError).
pub(crate) fn repeat(data: &[u8], count: i64, bytes_kind: bool) -> PyResult<Vec<u8>> {
    let count = count.max(0) as u64;
    let too_long = || if bytes_kind { overflow_error("repeated bytes are too long") } else { crate::vm::memory_error() };
    let total = (data.len() as u64).checked_mul(count).ok_or_else(too_long)?;
    if total > i64::MAX as u64 {
        return Err(too_long());
    }
    if total > (1 << 34) {
        return Err(crate::vm::memory_error());
    }
    Ok(data.repeat(count as usize))
}

pub(crate) fn bytes_like_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let a_is = as_bytes(a).is_some() || is_bytearray(a);
    match op.base() {
        BinaryOperator::Add => {
            if !a_is || buffer(b).is_none() {
                return Ok(not_implemented());
            }
            concat(a, b)
        }
        BinaryOperator::Multiply => {
            let (seq, n) = if a_is { (a, b) } else { (b, a) };
            if !(as_bytes(seq).is_some() || is_bytearray(seq)) {
                return Ok(not_implemented());
            }
            let is_index = as_int(n).is_some() || n.ty().slots.index.get().is_some();
            if !is_index {
                return Ok(not_implemented());
            }
            let count = repeat_count(vm, n)?;
            let data = self_data(seq)?;
            Ok(like(seq, repeat(&data, count, !is_bytearray(seq))?))
        }
        BinaryOperator::Remainder => {
            if !a_is {
                return Ok(not_implemented());
            }
            let data = self_data(a)?.into_owned();
            let out = bytes_percent_format(vm, &data, b)?;
            Ok(like(a, out))
        }
        _ => Ok(not_implemented()),
    }
}

fn bytes_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_bytes(a), as_bytes(b)) else {
        return Ok(not_implemented());
    };
    Ok(bool_value(crate::vm::ops::ordering_matches(x.cmp(y), op)))
}

fn bytes_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(super::str::hash_bytes(&self_data(v)?))
}

fn bytes_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(self_data(v)?.len())
}

/// `x in b` for bytes and bytearray.
pub(crate) fn bytes_like_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    if let Some(sub) = buffer(x) {
        return Ok(find_in(&self_data(v)?, &sub).is_some());
    }
    if as_int(x).is_none() && x.ty().slots.index.get().is_none() {
        return Err(type_error(format!("a bytes-like object is required, not '{}'", x.ty().name())));
    }
    let b = byte_value(vm, x, "byte must be in range(0, 256)")?;
    Ok(self_data(v)?.contains(&b))
}

/// Indexing and slicing shared by bytes and bytearray.
pub(crate) fn bytes_like_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let len = self_data(v)?.len();
        let (start, _stop, step, n) = slice.indices(vm, len)?;
        let data = self_data(v)?;
        let out: Vec<u8> = (0..n).filter_map(|k| data.get((start + k as i64 * step) as usize).copied()).collect();
        if step == 1 && n == data.len() && v.downcast_exact::<PyBytes>().is_some() {
            return Ok(v.clone());
        }
        return Ok(like(v, out));
    }
    let i = match key.as_small_int() {
        Some(i) => i,
        None => crate::vm::ops::index_opt(vm, key)?.ok_or_else(|| {
            type_error(format!("{} indices must be integers or slices, not {}", if is_bytearray(v) { "bytearray" } else { "byte" }, key.ty().name()))
        })?,
    };
    let byte = |data: &[u8]| -> PyResult<u8> {
        let n = data.len() as i64;
        let idx = if i < 0 { i + n } else { i };
        if idx < 0 || idx >= n {
            return Err(index_error(if is_bytearray(v) { "bytearray index out of range" } else { "index out of range" }));
        }
        Ok(data[idx as usize])
    };
    let b = match as_bytearray(v) {
        Some(a) => byte(&a.data.borrow())?,
        None => byte(&self_data(v)?)?,
    };
    Ok(new_int(b as i64))
}

fn bytes_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bytes_iterator(v.clone()))
}

// ---------------------------------------------------------------------------------------
// Iterators (`bytes_iterator`, `bytearray_iterator`)

#[repr(C)]
pub struct PyBytesIter {
    head: ObjectHead,
    seq: std::cell::RefCell<Option<Value>>,
    index: Cell<usize>,
}

fn bytesiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let it = unsafe { &*(head as *const ObjectHead as *const PyBytesIter) };
    if let Ok(s) = it.seq.try_borrow() {
        if let Some(s) = &*s {
            visit(s);
        }
    }
}

fn bytesiter_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let it = unsafe { &*(head as *const ObjectHead as *const PyBytesIter) };
    if let Ok(mut s) = it.seq.try_borrow_mut() {
        out.extend(s.take());
    }
}

pub static BYTES_ITERATOR_LAYOUT: Layout = crate::payload_layout!(PyBytesIter, "bytes_iterator", bytesiter_traverse, bytesiter_clear);

impl PyPayload for PyBytesIter {
    fn layout() -> &'static Layout {
        &BYTES_ITERATOR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BYTES_ITERATOR_TYPE
    }
}

pub static BYTES_ITERATOR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "bytes_iterator",
    layout: &BYTES_ITERATOR_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: BYTESITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

pub static BYTEARRAY_ITERATOR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "bytearray_iterator",
    layout: &BYTES_ITERATOR_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: BYTESITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

/// An iterator over the ints of a bytes or bytearray value.
pub(crate) fn new_bytes_iterator(seq: Value) -> Value {
    let ty = if is_bytearray(&seq) { &BYTEARRAY_ITERATOR_TYPE } else { &BYTES_ITERATOR_TYPE };
    heap::alloc(ty, PyBytesIter { head: ObjectHead::uninit(), seq: std::cell::RefCell::new(Some(seq)), index: Cell::new(0) })
}

fn bytesiter_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn bytesiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyBytesIter>().ok_or_else(|| type_error("bytes_iterator expected"))?;
    let Some(seq) = it.seq.borrow().clone() else { return Ok(None) };
    let i = it.index.get();
    let byte = if let Some(b) = as_bytes(&seq) {
        b.get(i).copied()
    } else if let Some(a) = as_bytearray(&seq) {
        a.data.borrow().get(i).copied()
    } else {
        None
    };
    match byte {
        Some(b) => {
            it.index.set(i + 1);
            Ok(Some(new_int(b as i64)))
        }
        None => {
            let old = it.seq.borrow_mut().take();
            drop(old);
            Ok(None)
        }
    }
}

fn bytesiter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = v.downcast::<PyBytesIter>().ok_or_else(|| type_error("bytes_iterator expected"))?;
    let n = match &*it.seq.borrow() {
        Some(s) => buffer(s).map(|b| b.len()).unwrap_or(0).saturating_sub(it.index.get()),
        None => 0,
    };
    Ok(new_int(n as i64))
}

pub static BYTESITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", bytesiter_length_hint)];

// ---------------------------------------------------------------------------------------
// Method tables

/// Methods shared by bytes and bytearray (each returns the receiver's kind).
macro_rules! shared_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            MethodDef::method("capitalize", $crate::objects::bytes::b_capitalize),
            MethodDef::method("center", $crate::objects::bytes::b_center),
            MethodDef::method("count", $crate::objects::bytes::b_count),
            MethodDef::method("decode", $crate::objects::bytes::b_decode),
            MethodDef::method("endswith", $crate::objects::bytes::b_endswith),
            MethodDef::method("expandtabs", $crate::objects::bytes::b_expandtabs),
            MethodDef::method("find", $crate::objects::bytes::b_find),
            MethodDef::classmethod("fromhex", $crate::objects::bytes::b_fromhex),
            MethodDef::method("hex", $crate::objects::bytes::b_hex),
            MethodDef::method("index", $crate::objects::bytes::b_index),
            MethodDef::method("isalnum", $crate::objects::bytes::b_isalnum),
            MethodDef::method("isalpha", $crate::objects::bytes::b_isalpha),
            MethodDef::method("isascii", $crate::objects::bytes::b_isascii),
            MethodDef::method("isdigit", $crate::objects::bytes::b_isdigit),
            MethodDef::method("islower", $crate::objects::bytes::b_islower),
            MethodDef::method("isspace", $crate::objects::bytes::b_isspace),
            MethodDef::method("istitle", $crate::objects::bytes::b_istitle),
            MethodDef::method("isupper", $crate::objects::bytes::b_isupper),
            MethodDef::method("join", $crate::objects::bytes::b_join),
            MethodDef::method("ljust", $crate::objects::bytes::b_ljust),
            MethodDef::method("lower", $crate::objects::bytes::b_lower),
            MethodDef::method("lstrip", $crate::objects::bytes::b_lstrip),
            MethodDef::staticmethod("maketrans", $crate::objects::bytes::b_maketrans),
            MethodDef::method("partition", $crate::objects::bytes::b_partition),
            MethodDef::method("removeprefix", $crate::objects::bytes::b_removeprefix),
            MethodDef::method("removesuffix", $crate::objects::bytes::b_removesuffix),
            MethodDef::method("replace", $crate::objects::bytes::b_replace),
            MethodDef::method("rfind", $crate::objects::bytes::b_rfind),
            MethodDef::method("rindex", $crate::objects::bytes::b_rindex),
            MethodDef::method("rjust", $crate::objects::bytes::b_rjust),
            MethodDef::method("rpartition", $crate::objects::bytes::b_rpartition),
            MethodDef::method("rsplit", $crate::objects::bytes::b_rsplit),
            MethodDef::method("rstrip", $crate::objects::bytes::b_rstrip),
            MethodDef::method("split", $crate::objects::bytes::b_split),
            MethodDef::method("splitlines", $crate::objects::bytes::b_splitlines),
            MethodDef::method("startswith", $crate::objects::bytes::b_startswith),
            MethodDef::method("strip", $crate::objects::bytes::b_strip),
            MethodDef::method("swapcase", $crate::objects::bytes::b_swapcase),
            MethodDef::method("title", $crate::objects::bytes::b_title),
            MethodDef::method("translate", $crate::objects::bytes::b_translate),
            MethodDef::method("upper", $crate::objects::bytes::b_upper),
            MethodDef::method("zfill", $crate::objects::bytes::b_zfill),
            $($extra,)*
        ]
    };
}
pub(crate) use shared_methods;

pub static BYTES_METHODS: &[MethodDef] = shared_methods!(
    MethodDef::method("__getnewargs__", b_getnewargs),
    MethodDef::method("__bytes__", b_bytes),
);

/// Sets the slots of `bytes` and the byte iterators.
pub fn init_types() {
    let s = &BYTES_TYPE.slots;
    s.repr.set(Some(bytes_repr));
    s.hash.set(Some(bytes_hash));
    s.richcompare.set(Some(bytes_richcompare));
    s.len.set(Some(bytes_len));
    s.contains.set(Some(bytes_like_contains));
    s.getitem.set(Some(bytes_like_getitem));
    s.iter.set(Some(bytes_iter));
    s.new.set(Some(bytes_new));
    for op in [BinaryOperator::Add, BinaryOperator::Multiply, BinaryOperator::Remainder] {
        s.binop[op as usize].set(Some(bytes_like_binop));
    }
    for ty in [&BYTES_ITERATOR_TYPE, &BYTEARRAY_ITERATOR_TYPE] {
        ty.slots.iter.set(Some(bytesiter_iter));
        ty.slots.iternext.set(Some(bytesiter_next));
    }
}
