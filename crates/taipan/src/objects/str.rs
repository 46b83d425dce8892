//! `str`: immutable text with O(1) indexing.
//!
//! Mirrors CPython's `Objects/unicodeobject.c`.  NOTE: Taipan stores UTF-8 with the
//! length in code points; ASCII strings (the common case) index directly by byte, other
//! strings through a sampled offset table built on first index (`char_index`), which keeps
//! indexing O(1) amortised.
//!
//! NOTE: lone surrogates.  UTF-8 cannot hold U+D800..U+DFFF, so Taipan stores a lone
//! surrogate as the private-use character U+100000 + its code point (U+10D800..U+10DFFF,
//! see `SURROGATE_OFFSET`).  Slicing, concatenation and searching need nothing special;
//! `chr`/`ord`, `repr`, hashing, ordering and the codecs translate with
//! `char_from_code_point` / `code_point`.  Genuine characters of that private-use range
//! therefore read as surrogates (the compiler maps `\ud800` escapes the same way).
//!
//! Methods live in `str_methods.rs`; formatting (`%`, `format`) in `format.rs`.

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::singletons::{bool_value, not_implemented};
use super::typeobject::{flags, PyType, StaticTypeInit};
use crate::runtime::heap::{self, no_clear, no_traverse, GilCell, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{index_error, type_error, PyResult, Vm};

#[repr(C)]
pub struct PyStr {
    head: ObjectHead,
    /// Cached hash, -1 when not computed yet.
    hash: Cell<i64>,
    char_len: usize,
    interned: Cell<bool>,
    /// Byte offset of every 32nd char, for non-ASCII strings.
    index: OnceCell<Box<[u32]>>,
    data: Box<str>,
}

pub static STR_LAYOUT: Layout = crate::payload_layout!(PyStr, "str", no_traverse, no_clear);

impl PyPayload for PyStr {
    fn layout() -> &'static Layout {
        &STR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &STR_TYPE
    }
}

pub static STR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "str",
    layout: &STR_LAYOUT,
    flags: flags::BASETYPE | flags::UNICODE_SUBCLASS,
    base: Some(&super::object::OBJECT_TYPE),
    methods: super::str_methods::STR_METHODS,
    getsets: &[],
    doc: Some("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to 'utf-8'.\nerrors defaults to 'strict'."),
    module: None,
});

const INDEX_STRIDE: usize = 32;

/// A lone surrogate `s` is stored as the char `SURROGATE_OFFSET + s` (module NOTE).
pub const SURROGATE_OFFSET: u32 = 0x100000;

/// The char standing for code point `cp` (lone surrogates mapped), None past U+10FFFF.
#[inline]
pub fn char_from_code_point(cp: u32) -> Option<char> {
    if (0xD800..0xE000).contains(&cp) {
        char::from_u32(cp + SURROGATE_OFFSET)
    } else {
        char::from_u32(cp)
    }
}

/// The Python code point of a stored char (the inverse of `char_from_code_point`).
#[inline]
pub fn code_point(c: char) -> u32 {
    let n = c as u32;
    if (SURROGATE_OFFSET + 0xD800..SURROGATE_OFFSET + 0xE000).contains(&n) {
        n - SURROGATE_OFFSET
    } else {
        n
    }
}

/// Whether the stored char is a lone surrogate.
#[inline]
pub fn is_surrogate(c: char) -> bool {
    (SURROGATE_OFFSET + 0xD800..SURROGATE_OFFSET + 0xE000).contains(&(c as u32))
}

/// Orders two strings by code point.  UTF-8 byte order is code point order except
/// where the first differing characters include a (remapped) lone surrogate.
pub fn compare_code_points(x: &str, y: &str) -> std::cmp::Ordering {
    let bytes = x.cmp(y);
    if bytes == std::cmp::Ordering::Equal {
        return bytes;
    }
    let common = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
    let mut at = common;
    while at > 0 && !x.is_char_boundary(at) {
        at -= 1;
    }
    match (x[at..].chars().next(), y[at..].chars().next()) {
        (Some(p), Some(q)) if is_surrogate(p) || is_surrogate(q) => code_point(p).cmp(&code_point(q)),
        _ => bytes,
    }
}

/// Whether `s` may hold a lone surrogate (any char from U+100000 up, lead byte 0xF4).
#[inline]
pub fn may_have_surrogates(s: &str) -> bool {
    s.as_bytes().contains(&0xF4)
}

impl PyStr {
    pub fn new(ty: &PyType, s: &str) -> Value {
        heap::alloc(
            ty,
            PyStr {
                head: ObjectHead::uninit(),
                hash: Cell::new(-1),
                char_len: s.chars().count(),
                interned: Cell::new(false),
                index: OnceCell::new(),
                data: s.into(),
            },
        )
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.data
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.data.len()
    }

    /// Byte offset of the char at `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i;
        }
        if i >= self.char_len {
            return self.data.len();
        }
        let index = self.index.get_or_init(|| {
            let mut v = Vec::with_capacity(self.char_len / INDEX_STRIDE + 1);
            for (n, (b, _)) in self.data.char_indices().enumerate() {
                if n % INDEX_STRIDE == 0 {
                    v.push(b as u32);
                }
            }
            v.into_boxed_slice()
        });
        let start = index[i / INDEX_STRIDE] as usize;
        let rest = i % INDEX_STRIDE;
        match self.data[start..].char_indices().nth(rest) {
            Some((b, _)) => start + b,
            None => self.data.len(),
        }
    }

    /// The char at index `i` (`i < char_len`).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            return self.data.as_bytes()[i] as char;
        }
        let off = self.byte_offset(i);
        self.data[off..].chars().next().unwrap_or('\0')
    }

    /// Substring by char indexes.
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.data[a..b]
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.data);
        self.hash.set(h);
        h
    }
}

/// A new `str` value.
pub fn new_str(s: &str) -> Value {
    if s.is_empty() {
        return empty_str();
    }
    if s.len() == 1 {
        return single_char(s.as_bytes()[0] as char);
    }
    PyStr::new(&STR_TYPE, s)
}

pub fn new_string(s: String) -> Value {
    new_str(&s)
}

fn single_char(c: char) -> Value {
    let cache = unsafe { STRINGS.get() };
    if cache.latin1.is_empty() {
        cache.latin1 = (0u8..128).map(|b| intern_new(&(b as char).to_string())).collect();
    }
    cache.latin1[c as usize].clone()
}

pub fn empty_str() -> Value {
    let cache = unsafe { STRINGS.get() };
    if cache.empty.is_none() {
        cache.empty = Some(intern_new(""));
    }
    cache.empty.clone().expect("set above")
}

/// The `&str` of a `str` (or subclass) value.
#[inline]
pub fn as_str(v: &Value) -> Option<&str> {
    v.downcast::<PyStr>().map(|s| s.as_str())
}

#[inline]
pub fn as_pystr(v: &Value) -> Option<&PyStr> {
    v.downcast::<PyStr>()
}

pub fn is_str(v: &Value) -> bool {
    v.downcast::<PyStr>().is_some()
}

struct StringState {
    interned: Option<HashMap<Box<str>, Value, std::hash::BuildHasherDefault<InternHasher>>>,
    latin1: Vec<Value>,
    empty: Option<Value>,
    key: (u64, u64),
}

static STRINGS: GilCell<StringState> =
    GilCell::new(StringState { interned: None, latin1: Vec::new(), empty: None, key: (0, 0) });

fn intern_new(s: &str) -> Value {
    let v = PyStr::new(&STR_TYPE, s);
    if let Some(p) = v.downcast::<PyStr>() {
        p.interned.set(true);
    }
    let cache = unsafe { STRINGS.get() };
    cache.interned.get_or_insert_with(HashMap::default).insert(s.into(), v.clone());
    v
}

/// The interned `str` for `s` (`sys.intern`).
/// The intern table's hasher: a multiply-rotate hash over 8-byte words (the
/// table is keyed by identifier-like strings chosen by the program, so flooding
/// resistance is not needed here; `str.__hash__` stays SipHash).
#[derive(Default)]
pub struct InternHasher(u64);

impl std::hash::Hasher for InternHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub fn intern(s: &str) -> Value {
    let cache = unsafe { STRINGS.get() };
    if let Some(v) = cache.interned.get_or_insert_with(HashMap::default).get(s) {
        return v.clone();
    }
    intern_new(s)
}

/// Interns a `str` value (returns the canonical object).
pub fn intern_value(v: &Value) -> Value {
    match v.downcast_exact::<PyStr>() {
        Some(s) if s.interned.get() => v.clone(),
        Some(s) => {
            let cache = unsafe { STRINGS.get() };
            if let Some(existing) = cache.interned.get_or_insert_with(HashMap::default).get(s.as_str()) {
                return existing.clone();
            }
            s.interned.set(true);
            cache.interned.get_or_insert_with(HashMap::default).insert(s.as_str().into(), v.clone());
            v.clone()
        }
        None => v.clone(),
    }
}

pub fn is_interned(v: &Value) -> bool {
    v.downcast_exact::<PyStr>().map(|s| s.interned.get()).unwrap_or(false)
}

/// Releases the intern table (interpreter shutdown).
pub fn clear_interned() {
    let cache = unsafe { STRINGS.get() };
    cache.interned = None;
    cache.latin1.clear();
    cache.empty = None;
}

/// Sets the SipHash key from `PYTHONHASHSEED` (0 disables randomisation) or randomness.
pub fn init_hash_key(seed: Option<u64>) {
    let cache = unsafe { STRINGS.get() };
    cache.key = match seed {
        Some(0) => (0, 0),
        Some(s) => (s.wrapping_mul(0x9E37_79B9_7F4A_7C15), s ^ 0xDEAD_BEEF_CAFE_F00D),
        None => {
            let mut buf = [0u8; 16];
            let ok = std::fs::File::open("/dev/urandom")
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
                .is_ok();
            if !ok {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                buf = t.to_le_bytes();
            }
            (
                u64::from_le_bytes(buf[..8].try_into().unwrap_or([0; 8])),
                u64::from_le_bytes(buf[8..].try_into().unwrap_or([0; 8])),
            )
        }
    };
}

/// Hash of a str, as CPython: SipHash-1-3 over the canonical (UCS1/2/4) representation.
pub fn hash_str(s: &str) -> i64 {
    let key = unsafe { STRINGS.get() }.key;
    let max = s.chars().map(code_point).max().unwrap_or(0);
    let h = if max < 256 {
        let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
        crate::runtime::siphash::siphash13(key.0, key.1, &bytes)
    } else if max < 65536 {
        let mut bytes = Vec::with_capacity(s.len() * 2);
        for c in s.chars() {
            bytes.extend_from_slice(&(code_point(c) as u16).to_ne_bytes());
        }
        crate::runtime::siphash::siphash13(key.0, key.1, &bytes)
    } else {
        let mut bytes = Vec::with_capacity(s.len() * 4);
        for c in s.chars() {
            bytes.extend_from_slice(&code_point(c).to_ne_bytes());
        }
        crate::runtime::siphash::siphash13(key.0, key.1, &bytes)
    };
    if s.is_empty() {
        return 0;
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of bytes (the same function over the raw bytes).
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let key = unsafe { STRINGS.get() }.key;
    let h = crate::runtime::siphash::siphash13(key.0, key.1, b) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `repr()` of a string, CPython's quoting and escaping rules.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f => out.push(c),
            c if is_surrogate(c) => out.push_str(&format!("\\u{:04x}", code_point(c))),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one char (CPython: not Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs except ' ').
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    crate::runtime::unicode::is_printable(c)
}

/// `ascii()` of a string.
pub fn ascii_str(s: &str) -> String {
    let r = repr_str(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = code_point(c);
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn str_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(repr_str(as_str(v).unwrap_or(""))))
}

fn str_str(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_exact::<PyStr>().is_some() {
        return Ok(v.clone());
    }
    Ok(new_str(as_str(v).unwrap_or("")))
}

fn str_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(as_pystr(v).map(|s| s.hash()).unwrap_or(0))
}

fn str_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
        return Ok(not_implemented());
    };
    let ord = if a.is(b) { std::cmp::Ordering::Equal } else { compare_code_points(x, y) };
    Ok(bool_value(crate::vm::ops::ordering_matches(ord, op)))
}

fn str_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(as_pystr(v).map(|s| s.char_len()).unwrap_or(0))
}

fn str_contains(_vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let hay = as_str(v).unwrap_or("");
    match as_str(item) {
        Some(needle) => Ok(hay.contains(needle)),
        None => Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.ty().name()
        ))),
    }
}

fn str_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let s = as_pystr(v).ok_or_else(|| type_error("descriptor requires a 'str' object"))?;
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let (start, _stop, step, n) = slice.indices(vm, s.char_len())?;
        if step == 1 {
            if n == 0 {
                return Ok(empty_str());
            }
            return Ok(new_str(s.slice_chars(start as usize, start as usize + n)));
        }
        let mut out = String::with_capacity(n);
        let mut i = start;
        for _ in 0..n {
            out.push(s.char_at(i as usize));
            i += step;
        }
        return Ok(new_string(out));
    }
    let i = crate::vm::ops::index_value(vm, key).map_err(|_| {
        type_error(format!("string indices must be integers, not '{}'", key.ty().name()))
    })?;
    let n = s.char_len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("string index out of range"));
    }
    let c = s.char_at(idx as usize);
    Ok(new_string(c.to_string()))
}

fn str_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            let (Some(x), Some(y)) = (as_str(a), as_str(b)) else {
                return Ok(not_implemented());
            };
            if y.is_empty() && a.downcast_exact::<PyStr>().is_some() {
                return Ok(a.clone());
            }
            if x.is_empty() && b.downcast_exact::<PyStr>().is_some() {
                return Ok(b.clone());
            }
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(new_string(s))
        }
        BinaryOperator::Multiply => {
            let (s, n) = match (as_str(a), as_str(b)) {
                (Some(s), None) => (s, b),
                (None, Some(s)) => (s, a),
                _ => return Ok(not_implemented()),
            };
            if !super::int::is_int(n) && n.ty().slots.index.get().is_none() {
                return Ok(not_implemented());
            }
            let count = crate::vm::ops::index_value(vm, n).map_err(|e| {
                if e.matches(&super::exceptions::INDEX_ERROR) {
                    crate::vm::overflow_error(format!("cannot fit '{}' into an index-sized integer", n.ty().name()))
                } else {
                    e
                }
            })?;
            let count = count.max(0) as usize;
            let chars = as_pystr(if as_str(a).is_some() { a } else { b }).map(|p| p.char_len()).unwrap_or(0);
            if count == 0 || s.is_empty() {
                return Ok(empty_str());
            }
            if chars > isize::MAX as usize / count {
                return Err(crate::vm::overflow_error("repeated string is too long"));
            }
            if s.len().saturating_mul(count) > (1 << 34) {
                return Err(crate::vm::memory_error());
            }
            Ok(new_string(s.repeat(count)))
        }
        BinaryOperator::Remainder => {
            if as_str(a).is_none() {
                return Ok(not_implemented());
            }
            super::format::percent_format_str(vm, a, b)
        }
        _ => Ok(not_implemented()),
    }
}

fn str_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::iter::new_str_iter(v.clone()))
}

pub fn init_type() {
    let s = &STR_TYPE.slots;
    s.repr.set(Some(str_repr));
    s.str.set(Some(str_str));
    s.hash.set(Some(str_hash));
    s.richcompare.set(Some(str_richcompare));
    s.len.set(Some(str_len));
    s.contains.set(Some(str_contains));
    s.getitem.set(Some(str_getitem));
    s.iter.set(Some(str_iter));
    s.new.set(Some(super::str_methods::str_new));
    for op in [BinaryOperator::Add, BinaryOperator::Multiply, BinaryOperator::Remainder] {
        s.binop[op as usize].set(Some(str_binop));
    }
}
