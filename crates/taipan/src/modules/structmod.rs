//! The `_struct` module behind `struct`: converting between Python values and C structs
//! packed in bytes.  Follows the `struct` documentation page and the behaviour of
//! CPython 3.13's `Modules/_struct.c` (x86-64 Linux native sizes and alignment).
//!
//! A format compiles to a list of [`Code`]s (one per run of a repeated item, with its
//! byte offset), so a count such as `1000000000000x` costs nothing until something is
//! packed; allocations past 16 GiB raise MemoryError instead of being attempted.
//!
//! Error conventions reproduced from `_struct.c`:
//! - integer items: non-integers without `__index__` give "required argument is not an
//!   integer"; values out of range (including an OverflowError from `__index__`) give
//!   "'h' format requires -32768 <= number <= 32767";
//! - float items: any conversion failure gives "required argument is not a float";
//! - when packing an `int` argument fails with OverflowError, `s_pack_internal` replaces
//!   it with `struct.error("int too large to convert")`.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::ModuleDef;
use crate::objects::bytearray::as_bytearray;
use crate::objects::bytes::{as_bytes, bytes_arg, new_bytes};
use crate::objects::exceptions::{self, EXC_LAYOUT};
use crate::objects::float::new_float;
use crate::objects::int::{as_int, is_int, new_bigint, new_int, new_usize, IntRef};
use crate::objects::singletons::{bool_value, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p, po};
use crate::vm::{
    call, index_error, ops, overflow_error, type_error, Args, PyErr, PyResult, Sig, Vm,
};

/// `struct.error`.
pub static STRUCT_ERROR: PyType = PyType::new_static(StaticTypeInit {
    name: "error",
    layout: &EXC_LAYOUT,
    flags: flags::BASETYPE
        | flags::HAVE_GC
        | flags::HAS_DICT
        | flags::BASE_EXC_SUBCLASS
        | flags::WEAKREFABLE,
    base: Some(&exceptions::EXCEPTION),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("struct"),
});

fn struct_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&STRUCT_ERROR, msg)
}

/// Largest buffer this module will allocate (as `bytes * n` elsewhere in Taipan).
const MAX_ALLOC: usize = 1 << 34;

// ---------------------------------------------------------------------------------------
// Format compilation (`prepare_s`)
// ---------------------------------------------------------------------------------------

/// One run of a format item: `count` items of `size` bytes from `offset` (for `s` and
/// `p`, a single item whose `size` is the string length).
#[derive(Clone, Copy)]
struct Code {
    ch: u8,
    offset: usize,
    size: usize,
    count: usize,
}

/// A compiled format.  `size`/`len` are -1 for a `Struct` not yet initialised.
struct Compiled {
    native: bool,
    little: bool,
    size: isize,
    len: isize,
    codes: Vec<Code>,
}

impl Compiled {
    fn empty() -> Compiled {
        Compiled {
            native: true,
            little: cfg!(target_endian = "little"),
            size: -1,
            len: -1,
            codes: Vec::new(),
        }
    }
}

/// Item size and alignment of a format character, or None for a bad character.
fn entry(c: u8, native: bool) -> Option<(usize, usize)> {
    let size = match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

fn too_long() -> PyErr {
    struct_error("total struct size too long")
}

/// `align()`: rounds `size` up to the item's alignment in native mode.
fn align_up(size: usize, c: u8, align: usize) -> PyResult<usize> {
    if align <= 1 || matches!(c, b's' | b'p') || size == 0 {
        return Ok(size);
    }
    let extra = (align - 1) - (size - 1) % align;
    if extra > isize::MAX as usize - size {
        return Err(too_long());
    }
    Ok(size + extra)
}

fn compile(fmt: &[u8]) -> PyResult<Compiled> {
    let native_little = cfg!(target_endian = "little");
    let (native, little, body) = match fmt.first() {
        Some(b'@') => (true, native_little, &fmt[1..]),
        Some(b'=') => (false, native_little, &fmt[1..]),
        Some(b'<') => (false, true, &fmt[1..]),
        Some(b'>' | b'!') => (false, false, &fmt[1..]),
        _ => (true, native_little, fmt),
    };
    let max = isize::MAX as usize;
    let mut codes = Vec::new();
    let mut size = 0usize;
    let mut len = 0usize;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = usize::from(c - b'0');
            loop {
                let Some(&d) = body.get(i) else {
                    return Err(struct_error("repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                let d = usize::from(d - b'0');
                if num > (max - d) / 10 {
                    return Err(too_long());
                }
                num = num * 10 + d;
            }
        }
        let Some((itemsize, align)) = entry(c, native) else {
            return Err(struct_error("bad char in struct format"));
        };
        size = align_up(size, c, align)?;
        if num > (max - size) / itemsize {
            return Err(too_long());
        }
        match c {
            b's' | b'p' => {
                codes.push(Code {
                    ch: c,
                    offset: size,
                    size: num,
                    count: 1,
                });
                len += 1;
            }
            b'x' => {}
            _ if num > 0 => {
                codes.push(Code {
                    ch: c,
                    offset: size,
                    size: itemsize,
                    count: num,
                });
                len += num;
            }
            _ => {}
        }
        size += num * itemsize;
    }
    Ok(Compiled {
        native,
        little,
        size: size as isize,
        len: len as isize,
        codes,
    })
}

/// The format's bytes from a `str` (ASCII) or `bytes` argument, as
/// `Struct___init___impl` accepts it.
fn format_bytes(vm: &mut Vm, fmt: &Value) -> PyResult<Vec<u8>> {
    let data = if let Some(s) = as_str(fmt) {
        if !s.is_ascii() {
            // Raises the codec's UnicodeEncodeError.
            call::call_method(vm, fmt, "encode", &[new_str("ascii")])?;
        }
        s.as_bytes().to_vec()
    } else if let Some(b) = as_bytes(fmt) {
        b.to_vec()
    } else {
        return Err(type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            fmt.ty().name()
        )));
    };
    if data.contains(&0) {
        return Err(struct_error("embedded null character"));
    }
    Ok(data)
}

/// The compiled format of a module-level function's `format` argument.  CPython looks
/// it up in a cache dict first, so an unhashable argument fails with the hash error.
fn module_format(vm: &mut Vm, fmt: &Value) -> PyResult<Rc<Compiled>> {
    if as_str(fmt).is_none() && as_bytes(fmt).is_none() {
        ops::hash(vm, fmt)?;
    }
    let data = format_bytes(vm, fmt)?;
    // Cached by format bytes (str and bytes formats share entries, which is harmless:
    // they compile identically).
    if let Some(hit) = FORMAT_CACHE.with(|c| c.borrow().get(&data).cloned()) {
        return Ok(hit);
    }
    let compiled = Rc::new(compile(&data)?);
    FORMAT_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= MAXCACHE {
            c.clear();
        }
        c.insert(data, compiled.clone());
    });
    Ok(compiled)
}

/// Entries kept by the module-level functions' format cache (CPython's `MAXCACHE`).
const MAXCACHE: usize = 100;

thread_local! {
    /// Compiled formats of the module-level functions (`_struct`'s `state->cache`).
    static FORMAT_CACHE: RefCell<std::collections::HashMap<Vec<u8>, Rc<Compiled>>> =
        RefCell::new(std::collections::HashMap::new());
}

// ---------------------------------------------------------------------------------------
// Packing
// ---------------------------------------------------------------------------------------

fn put_uint(out: &mut [u8], x: u128, little: bool) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if little { k } else { n - 1 - k };
        *b = (x >> (8 * shift)) as u8;
    }
}

fn get_uint(data: &[u8], little: bool) -> u128 {
    let mut x = 0u128;
    let n = data.len();
    for k in 0..n {
        let b = if little { data[n - 1 - k] } else { data[k] };
        x = (x << 8) | u128::from(b);
    }
    x
}

/// The integer an item packs, or None when it is outside `i128` (always out of range).
/// `get_pylong`: ints as they are, `__index__` for other objects.
fn item_int(vm: &mut Vm, v: &Value) -> PyResult<Option<i128>> {
    let owned;
    let iv = if is_int(v) {
        v
    } else if v.ty().slots.index.get().is_some() {
        owned = ops::index(vm, v)?;
        &owned
    } else {
        return Err(struct_error("required argument is not an integer"));
    };
    Ok(match as_int(iv) {
        Some(IntRef::Small(i)) => Some(i128::from(i)),
        Some(IntRef::Big(b)) => b.to_i128(),
        None => None,
    })
}

fn range_error(c: u8, size: usize, signed: bool) -> PyErr {
    let bits = 8 * size as u32;
    let msg = if signed {
        format!(
            "'{}' format requires {} <= number <= {}",
            c as char,
            -(1i128 << (bits - 1)),
            (1i128 << (bits - 1)) - 1
        )
    } else {
        format!(
            "'{}' format requires 0 <= number <= {}",
            c as char,
            (1u128 << bits) - 1
        )
    };
    struct_error(msg)
}

/// PyFloat_AsDouble with `_struct.c`'s replacement message.
fn item_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    ops::float_value(vm, v).map_err(|_| struct_error("required argument is not a float"))
}

/// IEEE 754 binary16 bits of `x` (round half to even), as `PyFloat_Pack2`.
fn f64_to_half(x: f64) -> PyResult<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Ok(sign);
    }
    let overflow = || overflow_error("float too large to pack with e format");
    // a = m * 2**e with 1 <= m < 2.
    let bits = a.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i32;
    let e = if raw_exp == 0 {
        // f64 subnormals are far below binary16's range.
        -1100
    } else {
        raw_exp - 1023
    };
    if e < -14 {
        // Subnormal: multiples of 2**-24.
        let n = (a * 2f64.powi(24)).round_ties_even() as u16;
        return Ok(sign | n);
    }
    if e > 15 {
        return Err(overflow());
    }
    let mut n = (a * 2f64.powi(10 - e)).round_ties_even() as u32;
    let mut e = e;
    if n == 2048 {
        n = 1024;
        e += 1;
        if e > 15 {
            return Err(overflow());
        }
    }
    Ok(sign | (((e + 15) as u16) << 10) | (n - 1024) as u16)
}

/// `PyFloat_Unpack2`.
fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let f = f64::from(h & 0x3ff);
    if e == 0x1f {
        return if f == 0.0 {
            sign * f64::INFINITY
        } else {
            f64::NAN.copysign(sign)
        };
    }
    if e == 0 {
        return sign * f * 2f64.powi(-24);
    }
    sign * (1.0 + f / 1024.0) * 2f64.powi(e - 15)
}

/// Packs one item at `out`.
fn pack_item(
    vm: &mut Vm,
    c: u8,
    out: &mut [u8],
    v: &Value,
    native: bool,
    little: bool,
) -> PyResult<()> {
    let size = out.len();
    match c {
        b'?' => out[0] = u8::from(ops::is_true(vm, v)?),
        b'c' => match as_bytes(v) {
            Some([b]) => out[0] = *b,
            _ => {
                return Err(struct_error(
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'e' => {
            let h = f64_to_half(item_float(vm, v)?)?;
            put_uint(out, u128::from(h), little);
        }
        b'f' => {
            let x = item_float(vm, v)?;
            let y = x as f32;
            if !native && y.is_infinite() && x.is_finite() {
                return Err(overflow_error("float too large to pack with f format"));
            }
            put_uint(out, u128::from(y.to_bits()), little);
        }
        b'd' => {
            let x = item_float(vm, v)?;
            put_uint(out, u128::from(x.to_bits()), little);
        }
        b'P' => {
            let x = item_int(vm, v)?
                .filter(|x| (-(1i128 << 63)..(1i128 << 64)).contains(x))
                .ok_or_else(|| overflow_error("int too large to convert"))?;
            put_uint(out, x as u128, little);
        }
        _ => {
            let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let x = match item_int(vm, v) {
                Ok(x) => x,
                Err(e) if e.matches(&exceptions::OVERFLOW_ERROR) => None,
                Err(e) => return Err(e),
            };
            let bits = 8 * size as u32;
            let (lo, hi) = if signed {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            let x = x
                .filter(|x| (lo..=hi).contains(x))
                .ok_or_else(|| range_error(c, size, signed))?;
            put_uint(out, x as u128, little);
        }
    }
    Ok(())
}

/// `s_pack_internal`: packs `args` into `out` (already zeroed, `size` bytes).
fn pack_into_slice(vm: &mut Vm, st: &Compiled, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut it = args.iter();
    for code in &st.codes {
        match code.ch {
            b's' | b'p' => {
                let v = it.next().expect("argument count checked");
                let data: Vec<u8> = if let Some(b) = as_bytes(v) {
                    b.to_vec()
                } else if let Some(ba) = as_bytearray(v) {
                    ba.data.borrow().clone()
                } else {
                    return Err(struct_error(format!(
                        "argument for '{}' must be a bytes object",
                        code.ch as char
                    )));
                };
                let field = &mut out[code.offset..code.offset + code.size];
                if code.ch == b's' {
                    let n = data.len().min(code.size);
                    field[..n].copy_from_slice(&data[..n]);
                } else if code.size > 0 {
                    let n = data.len().min(code.size - 1);
                    field[1..1 + n].copy_from_slice(&data[..n]);
                    field[0] = n.min(255) as u8;
                }
            }
            c => {
                for k in 0..code.count {
                    let v = it.next().expect("argument count checked");
                    let start = code.offset + k * code.size;
                    let r = pack_item(
                        vm,
                        c,
                        &mut out[start..start + code.size],
                        v,
                        st.native,
                        st.little,
                    );
                    if let Err(e) = r {
                        if is_int(v) && e.matches(&exceptions::OVERFLOW_ERROR) {
                            return Err(struct_error("int too large to convert"));
                        }
                        return Err(e);
                    }
                }
            }
        }
    }
    Ok(())
}

fn check_count(st: &Compiled, fname: &str, n: usize) -> PyResult<()> {
    if st.len != n as isize {
        return Err(struct_error(format!(
            "{fname} expected {} items for packing (got {n})",
            st.len
        )));
    }
    Ok(())
}

fn pack_impl(vm: &mut Vm, st: &Compiled, args: &[Value]) -> PyResult<Value> {
    check_count(st, "pack", args.len())?;
    let size = st.size.max(0) as usize;
    if size > MAX_ALLOC {
        return Err(crate::vm::memory_error());
    }
    let mut out = vec![0u8; size];
    pack_into_slice(vm, st, args, &mut out)?;
    Ok(new_bytes(out))
}

/// `pack_into(buffer, offset, *v)`: `args` starts at the buffer.
fn pack_into_impl(vm: &mut Vm, st: &Compiled, args: &[Value]) -> PyResult<Value> {
    let Some(buffer) = args.first() else {
        return Err(struct_error("pack_into expected buffer argument"));
    };
    let Some(offset) = args.get(1) else {
        return Err(struct_error("pack_into expected offset argument"));
    };
    let items = &args[2..];
    check_count(st, "pack_into", items.len())?;
    // The writable buffer: a bytearray or a writable memoryview.
    let is_mv = std::ptr::eq(buffer.ty(), &crate::objects::memoryview::MEMORYVIEW_TYPE);
    let writable = as_bytearray(buffer).is_some() || {
        let readonly = if is_mv {
            Some(ops::getattr_str(vm, buffer, "readonly")?)
        } else {
            None
        };
        match readonly {
            Some(r) => !ops::is_true(vm, &r)?,
            None => false,
        }
    };
    if !writable {
        return Err(type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            buffer.ty().name()
        )));
    }
    let buflen = match as_bytearray(buffer) {
        Some(ba) => ba.data.borrow().len(),
        None => {
            let n = ops::getattr_str(vm, buffer, "nbytes")?;
            as_int(&n).and_then(|i| i.to_i64()).unwrap_or(0) as usize
        }
    } as i64;
    let off = ops::index(vm, offset)?;
    let mut off = as_int(&off).and_then(|i| i.to_i64()).ok_or_else(|| {
        index_error(format!(
            "cannot fit '{}' into an index-sized integer",
            offset.ty().name()
        ))
    })?;
    let size = st.size.max(0) as i64;
    if off < 0 {
        if off + size > 0 {
            return Err(struct_error(format!(
                "no space to pack {size} bytes at offset {off}"
            )));
        }
        if off + buflen < 0 {
            return Err(struct_error(format!(
                "offset {off} out of range for {buflen}-byte buffer"
            )));
        }
        off += buflen;
    }
    if buflen - off < size {
        return Err(struct_error(format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {off} (actual buffer size is {buflen})",
            size as i128 + off as i128
        )));
    }
    let mut out = vec![0u8; size as usize];
    // Packing can run Python code (`__index__`, `__bool__`): hold a buffer export on a
    // bytearray meanwhile, so resizing it raises BufferError as in CPython.
    let exported = as_bytearray(buffer);
    if let Some(ba) = exported {
        ba.exports.set(ba.exports.get() + 1);
    }
    let packed = pack_into_slice(vm, st, items, &mut out);
    if let Some(ba) = exported {
        ba.exports.set(ba.exports.get().saturating_sub(1));
    }
    packed?;
    let off = off as usize;
    if let Some(ba) = as_bytearray(buffer) {
        let mut data = ba.data.borrow_mut();
        if off + out.len() <= data.len() {
            data[off..off + out.len()].copy_from_slice(&out);
        }
    } else {
        let fmt = ops::getattr_str(vm, buffer, "format")?;
        let flat = if as_str(&fmt) == Some("B") {
            buffer.clone()
        } else {
            call::call_method(vm, buffer, "cast", &[new_str("B")])?
        };
        let key =
            crate::objects::slice::new_slice(new_usize(off), new_usize(off + out.len()), none());
        ops::setitem(vm, &flat, &key, &new_bytes(out))?;
    }
    Ok(none())
}

// ---------------------------------------------------------------------------------------
// Unpacking
// ---------------------------------------------------------------------------------------

fn int_value(x: i128) -> Value {
    match i64::try_from(x) {
        Ok(i) => new_int(i),
        Err(_) => new_bigint(BigInt::from(x)),
    }
}

fn unpack_item(c: u8, data: &[u8], little: bool) -> Value {
    let size = data.len();
    match c {
        b'?' => bool_value(data[0] != 0),
        b'c' => new_bytes(vec![data[0]]),
        b'e' => new_float(half_to_f64(get_uint(data, little) as u16)),
        b'f' => new_float(f64::from(f32::from_bits(get_uint(data, little) as u32))),
        b'd' => new_float(f64::from_bits(get_uint(data, little) as u64)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let u = get_uint(data, little);
            let shift = 128 - 8 * size as u32;
            int_value(((u << shift) as i128) >> shift)
        }
        _ => int_value(get_uint(data, little) as i128),
    }
}

/// `s_unpack_internal`: `data` is exactly the struct's size.
fn unpack_slice(st: &Compiled, data: &[u8]) -> Value {
    let mut items = Vec::with_capacity(st.len.max(0) as usize);
    for code in &st.codes {
        match code.ch {
            b's' => items.push(new_bytes(
                data[code.offset..code.offset + code.size].to_vec(),
            )),
            b'p' => {
                if code.size == 0 {
                    items.push(new_bytes(Vec::new()));
                } else {
                    let n = usize::from(data[code.offset]).min(code.size - 1);
                    items.push(new_bytes(
                        data[code.offset + 1..code.offset + 1 + n].to_vec(),
                    ));
                }
            }
            c => {
                for k in 0..code.count {
                    let start = code.offset + k * code.size;
                    items.push(unpack_item(c, &data[start..start + code.size], st.little));
                }
            }
        }
    }
    new_tuple(items)
}

fn unpack_impl(st: &Compiled, buffer: &Value) -> PyResult<Value> {
    let data = bytes_arg(buffer)?;
    if st.size < 0 || data.len() != st.size as usize {
        return Err(struct_error(format!(
            "unpack requires a buffer of {} bytes",
            st.size
        )));
    }
    Ok(unpack_slice(st, &data))
}

/// A Py_ssize_t argument converted by Argument Clinic.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = ops::index(vm, v)?;
    as_int(&i)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

fn unpack_from_impl(
    vm: &mut Vm,
    st: &Compiled,
    buffer: &Value,
    offset: Option<&Value>,
) -> PyResult<Value> {
    let data = bytes_arg(buffer)?.into_owned();
    let mut off = match offset {
        Some(o) => ssize_arg(vm, o)?,
        None => 0,
    };
    let buflen = data.len() as i64;
    let size = st.size as i64;
    if off < 0 {
        if off + buflen < 0 {
            return Err(struct_error(format!(
                "offset {off} out of range for {buflen}-byte buffer"
            )));
        }
        if off + size > 0 {
            return Err(struct_error(format!(
                "not enough data to unpack {size} bytes at offset {off}"
            )));
        }
        off += buflen;
    }
    if size < 0 || buflen - off < size {
        return Err(struct_error(format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {buflen})",
            size as i128 + off as i128
        )));
    }
    let off = off as usize;
    Ok(unpack_slice(st, &data[off..off + size as usize]))
}

// ---------------------------------------------------------------------------------------
// Struct
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyStruct {
    head: ObjectHead,
    format: RefCell<String>,
    compiled: RefCell<Rc<Compiled>>,
}

pub static STRUCT_LAYOUT: Layout =
    crate::payload_layout!(PyStruct, "Struct", heap::no_traverse, heap::no_clear);

impl PyPayload for PyStruct {
    fn layout() -> &'static Layout {
        &STRUCT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &STRUCT_TYPE
    }
}

pub static STRUCT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Struct",
    layout: &STRUCT_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: STRUCT_METHODS,
    getsets: STRUCT_GETSETS,
    doc: Some("Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct object which writes and reads binary data according to\nthe format string.\n\nSee help(struct) for more on format strings."),
    module: Some("_struct"),
});

fn this(v: &Value) -> PyResult<&PyStruct> {
    v.downcast::<PyStruct>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_struct.Struct' object but received a '{}'",
            v.ty().name()
        ))
    })
}

fn compiled_of(v: &Value) -> PyResult<Rc<Compiled>> {
    Ok(this(v)?.compiled.borrow().clone())
}

fn struct_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&STRUCT_TYPE);
    Ok(heap::alloc(
        ty,
        PyStruct {
            head: ObjectHead::uninit(),
            format: RefCell::new(String::new()),
            compiled: RefCell::new(Rc::new(Compiled::empty())),
        },
    ))
}

fn struct_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    static SIG: Sig = Sig::new("Struct", &[p("format")]);
    let [format] = SIG.parse::<1>(args)?;
    let format = format.expect("required");
    let data = format_bytes(vm, &format)?;
    let s = this(v)?;
    // The format is stored before it is compiled, so a bad one is kept (as in CPython).
    *s.format.borrow_mut() = String::from_utf8_lossy(&data).into_owned();
    let compiled = compile(&data)?;
    *s.compiled.borrow_mut() = Rc::new(compiled);
    Ok(())
}

fn struct_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = new_string(this(v)?.format.borrow().clone());
    let r = ops::repr_string(vm, &f)?;
    Ok(new_string(format!("{}({r})", v.ty().name())))
}

fn s_pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, rest) = args.method("Struct.pack", 0, usize::MAX)?;
    let st = compiled_of(v)?;
    pack_impl(vm, &st, rest)
}

fn s_pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, rest) = args.method("Struct.pack_into", 0, usize::MAX)?;
    let st = compiled_of(v)?;
    pack_into_impl(vm, &st, rest)
}

fn s_unpack(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, buffer) = args.one_arg("Struct.unpack")?;
    let st = compiled_of(v)?;
    unpack_impl(&st, buffer)
}

fn s_unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unpack_from", &[po("self"), p("buffer"), opt("offset")]);
    let [v, buffer, offset] = SIG.parse::<3>(args)?;
    let v = v.expect("bound receiver");
    let st = compiled_of(&v)?;
    unpack_from_impl(vm, &st, &buffer.expect("required"), offset.as_ref())
}

fn s_iter_unpack(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, buffer) = args.one_arg("Struct.iter_unpack")?;
    let st = compiled_of(v)?;
    iter_unpack_impl(st, buffer)
}

fn s_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("Struct.__sizeof__")?;
    let n = this(v)?.compiled.borrow().codes.len();
    Ok(new_usize(48 + 32 * (n + 1)))
}

fn g_format(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(this(v)?.format.borrow().clone()))
}

fn g_size(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.compiled.borrow().size as i64))
}

/// A method entry with its docstring.
const fn documented(m: MethodDef, doc: &'static str) -> MethodDef {
    MethodDef { doc, ..m }
}

static STRUCT_METHODS: &[MethodDef] = &[
    documented(
        MethodDef::method("iter_unpack", s_iter_unpack),
        "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a repeated\ninvocation of unpack_from().\n\nRequires that the bytes length be a multiple of the struct size.",
    ),
    documented(
        MethodDef::method("pack", s_pack),
        "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed according\nto the format string S.format.  See help(struct) for more on format\nstrings.",
    ),
    documented(
        MethodDef::method("pack_into", s_pack_into),
        "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on format strings.",
    ),
    documented(
        MethodDef::method("unpack", s_unpack),
        "Return a tuple containing unpacked values.\n\nUnpack according to the format string Struct.format. The buffer's size\nin bytes must be Struct.size.\n\nSee help(struct) for more on format strings.",
    ),
    documented(
        MethodDef::method("unpack_from", s_unpack_from),
        "Return a tuple containing unpacked values.\n\nValues are unpacked according to the format string Struct.format.\n\nThe buffer's size in bytes, starting at position offset, must be\nat least Struct.size.\n\nSee help(struct) for more on format strings.",
    ),
    documented(MethodDef::method("__sizeof__", s_sizeof), "S.__sizeof__() -> size of S in memory, in bytes"),
];

static STRUCT_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        doc: "struct format string",
        ..GetSetDef::new("format", g_format)
    },
    GetSetDef {
        doc: "struct size in bytes",
        ..GetSetDef::new("size", g_size)
    },
];

// ---------------------------------------------------------------------------------------
// unpack_iterator
// ---------------------------------------------------------------------------------------

/// `unpack_iterator`.  Like CPython's, it reads a bytes or bytearray source live and
/// holds a buffer export on a bytearray until it is exhausted (so the bytearray cannot
/// be resized meanwhile); other buffers are copied when the iterator is created.
/// NOTE: so writes through a memoryview after `iter_unpack` are not seen (CPython's
/// are); reading a view live would cost a full copy per item with the memoryview API.
#[repr(C)]
pub struct PyUnpackIter {
    head: ObjectHead,
    compiled: Rc<Compiled>,
    /// The bytes/bytearray being read; None once exhausted (or for copied buffers).
    source: RefCell<Option<Value>>,
    copy: Vec<u8>,
    /// Buffer length at creation (a bytearray's cannot change while exported).
    len: usize,
    index: std::cell::Cell<usize>,
}

impl PyUnpackIter {
    /// Drops the source and its export (`PyBuffer_Release`).
    fn release(&self) -> Option<Value> {
        let v = self.source.try_borrow_mut().ok()?.take()?;
        if let Some(ba) = as_bytearray(&v) {
            ba.exports.set(ba.exports.get().saturating_sub(1));
        }
        Some(v)
    }
}

impl Drop for PyUnpackIter {
    fn drop(&mut self) {
        drop(self.release());
    }
}

fn unpackiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let it = unsafe { &*(head as *const ObjectHead as *const PyUnpackIter) };
    if let Ok(src) = it.source.try_borrow() {
        src.iter().for_each(visit);
    }
}

fn unpackiter_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let it = unsafe { &*(head as *const ObjectHead as *const PyUnpackIter) };
    it.index.set(it.len);
    out.extend(it.release());
}

pub static UNPACK_ITER_LAYOUT: Layout = crate::payload_layout!(
    PyUnpackIter,
    "unpack_iterator",
    unpackiter_traverse,
    unpackiter_clear
);

impl PyPayload for PyUnpackIter {
    fn layout() -> &'static Layout {
        &UNPACK_ITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &UNPACK_ITER_TYPE
    }
}

pub static UNPACK_ITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "unpack_iterator",
    layout: &UNPACK_ITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: UNPACK_ITER_METHODS,
    getsets: &[],
    doc: None,
    module: Some("_struct"),
});

fn iter_unpack_impl(st: Rc<Compiled>, buffer: &Value) -> PyResult<Value> {
    if st.size == 0 {
        return Err(struct_error(
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let live = as_bytes(buffer).is_some() || as_bytearray(buffer).is_some();
    let data = bytes_arg(buffer)?;
    let len = data.len();
    let copy = if live { Vec::new() } else { data.into_owned() };
    let size = st.size.max(0) as usize;
    if size == 0 || len % size != 0 {
        return Err(struct_error(format!(
            "iterative unpacking requires a buffer of a multiple of {} bytes",
            st.size
        )));
    }
    let source = if live { Some(buffer.clone()) } else { None };
    if let Some(ba) = as_bytearray(buffer) {
        ba.exports.set(ba.exports.get() + 1);
    }
    Ok(heap::alloc(
        &UNPACK_ITER_TYPE,
        PyUnpackIter {
            head: ObjectHead::uninit(),
            compiled: st,
            source: RefCell::new(source),
            copy,
            len,
            index: std::cell::Cell::new(0),
        },
    ))
}

fn unpackiter_this(v: &Value) -> PyResult<&PyUnpackIter> {
    v.downcast::<PyUnpackIter>()
        .ok_or_else(|| type_error("unpack_iterator expected"))
}

fn unpackiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = unpackiter_this(v)?;
    let size = it.compiled.size.max(1) as usize;
    let start = it.index.get();
    if start + size > it.len {
        drop(it.release());
        return Ok(None);
    }
    it.index.set(start + size);
    let src = it.source.borrow().clone();
    let item = match &src {
        Some(s) => match (as_bytes(s), as_bytearray(s)) {
            (Some(b), _) => b
                .get(start..start + size)
                .map(|d| unpack_slice(&it.compiled, d)),
            (None, Some(ba)) => ba
                .data
                .borrow()
                .get(start..start + size)
                .map(|d| unpack_slice(&it.compiled, d)),
            _ => None,
        },
        None => it
            .copy
            .get(start..start + size)
            .map(|d| unpack_slice(&it.compiled, d)),
    };
    if item.is_none() {
        drop(it.release());
    }
    Ok(item)
}

fn unpackiter_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn unpackiter_new(_vm: &mut Vm, _cls: &Value, _args: Args) -> PyResult<Value> {
    Err(type_error(
        "cannot create '_struct.unpack_iterator' instances",
    ))
}

fn unpackiter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("unpack_iterator.__length_hint__")?;
    let it = unpackiter_this(v)?;
    let size = it.compiled.size.max(1) as usize;
    Ok(new_usize(it.len.saturating_sub(it.index.get()) / size))
}

static UNPACK_ITER_METHODS: &[MethodDef] =
    &[MethodDef::method("__length_hint__", unpackiter_length_hint)];

// ---------------------------------------------------------------------------------------
// Module functions
// ---------------------------------------------------------------------------------------

fn m_calcsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_struct.calcsize")?;
    let pos = args.positional();
    let [fmt] = pos else {
        return Err(type_error(format!(
            "_struct.calcsize() takes exactly one argument ({} given)",
            pos.len()
        )));
    };
    let st = module_format(vm, fmt)?;
    Ok(new_int(st.size as i64))
}

fn m_pack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_struct.pack")?;
    let pos = args.positional();
    let Some((fmt, rest)) = pos.split_first() else {
        return Err(type_error("missing format argument"));
    };
    let st = module_format(vm, fmt)?;
    pack_impl(vm, &st, rest)
}

fn m_pack_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_struct.pack_into")?;
    let pos = args.positional();
    let Some((fmt, rest)) = pos.split_first() else {
        return Err(type_error("missing format argument"));
    };
    let st = module_format(vm, fmt)?;
    pack_into_impl(vm, &st, rest)
}

fn m_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_struct.unpack")?;
    let [fmt, buffer] = args.exact::<2>("unpack")?;
    let st = module_format(vm, fmt)?;
    unpack_impl(&st, buffer)
}

fn m_unpack_from(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unpack_from", &[po("format"), p("buffer"), opt("offset")]);
    let [fmt, buffer, offset] = SIG.parse::<3>(args)?;
    let st = module_format(vm, &fmt.expect("required"))?;
    unpack_from_impl(vm, &st, &buffer.expect("required"), offset.as_ref())
}

fn m_iter_unpack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_struct.iter_unpack")?;
    let [fmt, buffer] = args.exact::<2>("iter_unpack")?;
    let st = module_format(vm, fmt)?;
    iter_unpack_impl(st, buffer)
}

fn m_clearcache(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("_struct._clearcache")?;
    if !args.positional().is_empty() {
        return Err(type_error(format!(
            "_struct._clearcache() takes no arguments ({} given)",
            args.positional().len()
        )));
    }
    FORMAT_CACHE.with(|c| c.borrow_mut().clear());
    Ok(none())
}

static STRUCT_MODULE_METHODS: &[MethodDef] = &[
    documented(MethodDef::method("_clearcache", m_clearcache), "Clear the internal cache."),
    documented(
        MethodDef::method("calcsize", m_calcsize),
        "Return size in bytes of the struct described by the format string.",
    ),
    documented(
        MethodDef::method("iter_unpack", m_iter_unpack),
        "Return an iterator yielding tuples unpacked from the given bytes.\n\nThe bytes are unpacked according to the format string, like\na repeated invocation of unpack_from().\n\nRequires that the bytes length be a multiple of the format struct size.",
    ),
    documented(
        MethodDef::method("pack", m_pack),
        "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... packed according\nto the format string.  See help(struct) for more on format strings.",
    ),
    documented(
        MethodDef::method("pack_into", m_pack_into),
        "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format string and write\nthe packed bytes into the writable buffer buf starting at offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non format strings.",
    ),
    documented(
        MethodDef::method("unpack", m_unpack),
        "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size in bytes must be calcsize(format).\n\nSee help(struct) for more on format strings.",
    ),
    documented(
        MethodDef::method("unpack_from", m_unpack_from),
        "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size, minus offset, must be at least calcsize(format).\n\nSee help(struct) for more on format strings.",
    ),
];

fn init_types() {
    let s = &STRUCT_TYPE.slots;
    s.new.set(Some(struct_new));
    s.init.set(Some(struct_init));
    s.repr.set(Some(struct_repr));
    let s = &UNPACK_ITER_TYPE.slots;
    s.iter.set(Some(unpackiter_iter));
    s.iternext.set(Some(unpackiter_next));
    s.new.set(Some(unpackiter_new));
    for t in [&STRUCT_ERROR, &STRUCT_TYPE, &UNPACK_ITER_TYPE] {
        crate::objects::typeobject_methods::init_static_type(t);
    }
}

fn struct_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "Struct", STRUCT_TYPE.to_value());
    super::add_object(module, "error", STRUCT_ERROR.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_struct",
    doc: Some("Functions to convert between Python values and C structs.\nPython bytes objects are used to hold the data representing the C struct\nand also as format strings (explained below) to describe the layout of data\nin the C struct.\n\nThe optional first format char indicates byte order, size and alignment:\n  @: native order, size & alignment (default)\n  =: native order, std. size & alignment\n  <: little-endian, std. size & alignment\n  >: big-endian, std. size & alignment\n  !: same as >\n\nThe remaining chars indicate types of args and must match exactly;\nthese can be preceded by a decimal repeat count:\n  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n  ?: _Bool (requires C99; if not available, char is used instead)\n  h:short; H:unsigned short; i:int; I:unsigned int;\n  l:long; L:unsigned long; f:float; d:double; e:half-float.\nSpecial cases (preceding decimal count indicates length):\n  s:string (array of char); p: pascal string (with count byte).\nSpecial cases (only available in native format):\n  n:ssize_t; N:size_t;\n  P:an integer type that is wide enough to hold a pointer.\nSpecial case (not in native mode unless 'long long' in platform C compiler):\n  q:long long; Q:unsigned long long\nWhitespace between formats is ignored.\n\nThe variable struct.error is an exception raised on errors.\n"),
    methods: STRUCT_MODULE_METHODS,
    init: Some(struct_module_init),
};
