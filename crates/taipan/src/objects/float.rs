//! `float`: IEEE 754 doubles.
//!
//! Mirrors CPython's `Objects/floatobject.c`.  `repr` is the shortest string that round
//! trips (Rust's `{:e}` gives the shortest digits, `float_repr` lays them out with
//! CPython's rules: scientific notation below 1e-4 and from 1e16 on).

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::int::{as_int, int_to_f64, new_bigint, IntRef, HASH_MODULUS};
use super::singletons::{bool_value, not_implemented};
use super::str::{as_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit, UnaryOp};
use crate::runtime::heap::{self, no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{overflow_error, type_error, value_error, zero_division_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyFloat {
    head: ObjectHead,
    pub value: f64,
}

pub static FLOAT_LAYOUT: Layout = crate::payload_layout!(PyFloat, "float", no_traverse, no_clear);

impl PyPayload for PyFloat {
    fn layout() -> &'static Layout {
        &FLOAT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &FLOAT_TYPE
    }
}

pub static FLOAT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "float",
    layout: &FLOAT_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: FLOAT_METHODS,
    getsets: FLOAT_GETSETS,
    doc: Some("Convert a string or number to a floating-point number, if possible."),
    module: None,
});

#[inline]
pub fn new_float(f: f64) -> Value {
    if let Some(p) = heap::take_free_float() {
        // SAFETY: freelist entries are released exact floats (see heap's freelist);
        // we own the only reference now.
        unsafe {
            std::ptr::addr_of_mut!((*(p as *mut PyFloat)).value).write(f);
            return Value::from_raw(p);
        }
    }
    heap::alloc(&FLOAT_TYPE, PyFloat { head: ObjectHead::uninit(), value: f })
}

pub fn new_float_of_type(ty: &PyType, f: f64) -> Value {
    heap::alloc(ty, PyFloat { head: ObjectHead::uninit(), value: f })
}

#[inline]
pub fn as_f64(v: &Value) -> Option<f64> {
    v.downcast::<PyFloat>().map(|f| f.value)
}

/// The value of an exact `float` (not a subclass, whose operators may be overridden).
#[inline]
pub fn as_exact_f64(v: &Value) -> Option<f64> {
    v.downcast_exact::<PyFloat>().map(|f| f.value)
}

/// The shortest repr of a double, CPython's `float_repr`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (neg, digits, exp) = shortest_digits(f);
    let s = layout_digits(&digits, exp, true);
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

/// Sign, significant decimal digits and decimal exponent (value = 0.d1d2.. * 10**exp ...
/// precisely: d1.d2d3... * 10**exp) of the shortest round-tripping representation.
pub fn shortest_digits(f: f64) -> (bool, String, i32) {
    let s = format!("{:e}", f.abs());
    // Among the shortest round-tripping strings, CPython picks the correctly rounded
    // one; `{:.*e}` rounds the exact value, so prefer it when it round-trips.
    let ndigits = s.split('e').next().map(|m| m.chars().filter(|c| c.is_ascii_digit()).count()).unwrap_or(1);
    let rounded = format!("{:.*e}", ndigits.saturating_sub(1), f.abs());
    let s = if rounded.parse::<f64>().ok() == Some(f.abs()) { rounded } else { s };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0".to_string() } else { digits.to_string() };
    (f.is_sign_negative(), digits, exp.parse().unwrap_or(0))
}

/// Lays out `d1.d2... * 10**exp` as Python's repr does (`repr_style`: add ".0").
fn layout_digits(digits: &str, exp: i32, repr_style: bool) -> String {
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let e = exp as usize;
            if digits.len() <= e + 1 {
                let mut s = digits.to_string();
                s.push_str(&"0".repeat(e + 1 - digits.len()));
                if repr_style {
                    s.push_str(".0");
                }
                s
            } else {
                format!("{}.{}", &digits[..e + 1], &digits[e + 1..])
            }
        } else {
            format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        }
    } else {
        let mant = if digits.len() == 1 { digits.to_string() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{}e{}{:02}", mant, sign, exp.abs())
    }
}

fn float_repr_slot(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(float_repr(as_f64(v).unwrap_or(0.0))))
}

/// CPython's `_Py_HashDouble` (without the NaN-by-identity case, handled by the caller).
pub fn hash_f64(f: f64) -> i64 {
    if !f.is_finite() {
        if f.is_infinite() {
            return if f > 0.0 { 314159 } else { -314159 };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(f);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `math.frexp`: (m, e) with 0.5 <= |m| < 1.
pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

fn float_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let f = as_f64(v).unwrap_or(0.0);
    if f.is_nan() {
        return super::object::object_hash(_vm, v);
    }
    Ok(hash_f64(f))
}

/// Compares a float with an int exactly (CPython's `float_richcompare`).
pub fn compare_float_int(f: f64, i: &IntRef) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less });
    }
    if let IntRef::Small(n) = i {
        if n.unsigned_abs() < 1 << 53 {
            return f.partial_cmp(&(*n as f64));
        }
    }
    let b = i.to_bigint();
    let t = f.trunc();
    let tb = BigInt::from(t as i128);
    let tb = if t.abs() < 1e38 { tb } else { bigint_from_f64(t) };
    match tb.cmp(&b) {
        std::cmp::Ordering::Equal => {
            let frac = f - t;
            Some(if frac > 0.0 {
                std::cmp::Ordering::Greater
            } else if frac < 0.0 {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            })
        }
        o => Some(o),
    }
}

/// Exact conversion of an integral finite float.
pub fn bigint_from_f64(f: f64) -> BigInt {
    if f.abs() < 9.2e18 {
        return BigInt::from(f as i64);
    }
    let (m, e) = frexp(f);
    let mant = (m * 2f64.powi(53)) as i64;
    let shift = e - 53;
    if shift >= 0 {
        BigInt::from(mant) << shift as usize
    } else {
        BigInt::from(mant) >> (-shift) as usize
    }
}

fn float_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let Some(x) = as_f64(a) else {
        return Ok(not_implemented());
    };
    let ord = if let Some(y) = as_f64(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = as_int(b) {
        compare_float_int(x, &i)
    } else {
        return Ok(not_implemented());
    };
    Ok(bool_value(match ord {
        Some(o) => crate::vm::ops::ordering_matches(o, op),
        None => op == ComparisonOperator::Ne,
    }))
}

/// Coerces a float or int operand.
pub fn to_f64_operand(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = as_f64(v) {
        return Ok(Some(f));
    }
    if let Some(i) = as_int(v) {
        return int_to_f64(&i).map(Some);
    }
    Ok(None)
}

/// Python's float `%` (sign of the divisor).
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// CPython's `float_divmod`.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

pub fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b != b.floor() && b.is_finite() {
        // A negative base to a fractional power gives a complex result.
        return super::complex::complex_pow_value(a, 0.0, b, 0.0);
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(new_float(r))
}

fn float_binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (to_f64_operand(a)?, to_f64_operand(b)?) else {
        return Ok(not_implemented());
    };
    use BinaryOperator::*;
    Ok(match op.base() {
        Add => new_float(x + y),
        Subtract => new_float(x - y),
        Multiply => new_float(x * y),
        TrueDivide => {
            if y == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            new_float(x / y)
        }
        FloorDivide => {
            if y == 0.0 {
                return Err(zero_division_error("float floor division by zero"));
            }
            new_float(float_divmod(x, y).0)
        }
        Remainder => {
            if y == 0.0 {
                return Err(zero_division_error("float modulo by zero"));
            }
            new_float(float_mod(x, y))
        }
        Power => return float_pow(x, y),
        _ => not_implemented(),
    })
}

fn float_pow3(_vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    if super::singletons::is_none(m) {
        let (Some(x), Some(y)) = (to_f64_operand(a)?, to_f64_operand(b)?) else {
            return Ok(not_implemented());
        };
        return float_pow(x, y);
    }
    Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"))
}

fn float_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(-as_f64(v).unwrap_or(0.0)))
}
fn float_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(as_f64(v).unwrap_or(0.0)))
}
fn float_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(as_f64(v).unwrap_or(0.0).abs()))
}
fn float_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(as_f64(v).unwrap_or(0.0) != 0.0)
}

pub fn f64_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 4.0e18 {
        return Ok(super::int::new_int(t as i64));
    }
    Ok(new_bigint(bigint_from_f64(t)))
}

fn float_int(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    f64_to_int(as_f64(v).unwrap_or(0.0))
}
fn float_float(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_exact::<PyFloat>().is_some() {
        return Ok(v.clone());
    }
    Ok(new_float(as_f64(v).unwrap_or(0.0)))
}

/// Parses a float literal as `float()` accepts it, or None.
pub fn parse_float(s: &str) -> Option<f64> {
    // _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode digits and spaces become
    // ASCII; any other non-ASCII character makes the string invalid.
    let ascii: String;
    let s = if s.is_ascii() {
        s
    } else {
        ascii = s
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    Some(c)
                } else if crate::runtime::unicode::is_space(c) {
                    Some(' ')
                } else {
                    super::str_methods::decimal_value(c).and_then(|d| char::from_digit(d, 10))
                }
            })
            .collect::<Option<String>>()?;
        &ascii
    };
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes()[0] {
        b'-' => (-1.0, &lower[1..]),
        b'+' => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    // Underscores only between digits.
    let bytes = body.as_bytes();
    for (i, c) in bytes.iter().enumerate() {
        if *c == b'_' {
            let ok = i > 0 && i + 1 < bytes.len() && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
        } else if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-')) {
            return None;
        }
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    if clean.starts_with(['+', '-']) || clean.is_empty() {
        return None;
    }
    clean.parse::<f64>().ok().map(|f| sign * f)
}

pub fn float_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    // float_vectorcall: no keywords, then _PyArg_CheckPositional.
    args.no_kwargs("float")?;
    let x = args.check("float", 0, 1)?.first().cloned();
    let ty = super::typeobject::as_type(cls).unwrap_or(&FLOAT_TYPE);
    let f = match x {
        None => 0.0,
        Some(x) => convert_to_f64(vm, &x)?,
    };
    if std::ptr::eq(ty, &FLOAT_TYPE) {
        Ok(new_float(f))
    } else {
        Ok(new_float_of_type(ty, f))
    }
}

/// `float(x)` (`PyNumber_Float`).
pub fn convert_to_f64(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = as_f64(x) {
        if x.downcast_exact::<PyFloat>().is_some() {
            return Ok(f);
        }
    }
    if let Some(s) = as_str(x) {
        let s = s.to_string();
        return parse_float(&s).ok_or_else(|| {
            let r = crate::vm::ops::repr(vm, x).ok();
            let r = r.as_ref().and_then(as_str).unwrap_or("?").to_string();
            value_error(format!("could not convert string to float: {r}"))
        });
    }
    if let Some(b) = super::bytes::as_bytes_like(x) {
        let s = String::from_utf8_lossy(&b).into_owned();
        return parse_float(&s).ok_or_else(|| {
            let r = crate::vm::ops::repr(vm, x).ok();
            let r = r.as_ref().and_then(as_str).unwrap_or("?").to_string();
            value_error(format!("could not convert string to float: {r}"))
        });
    }
    let ty = x.ty();
    if as_f64(x).is_none() && ty.slots.float.get().is_none() && ty.slots.index.get().is_none() {
        return Err(type_error(format!("float() argument must be a string or a real number, not '{}'", ty.name())));
    }
    crate::vm::ops::float_value(vm, x)
}

fn self_f64(args: &Args, name: &str) -> PyResult<f64> {
    args.noargs(&format!("float.{name}"))?;
    args.positional()
        .first()
        .and_then(as_f64)
        .ok_or_else(|| type_error(format!("descriptor '{name}' of 'float' object needs an argument")))
}

fn float_is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f64(&args, "is_integer")?;
    Ok(bool_value(f.is_finite() && f == f.trunc()))
}

fn float_as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f64(&args, "as_integer_ratio")?;
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = frexp(f);
    let mut mant = m;
    let mut exp = e;
    for _ in 0..300 {
        if mant == mant.floor() {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let mut num = bigint_from_f64(mant);
    let mut den = BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    Ok(super::tuple::new_tuple(vec![new_bigint(num), new_bigint(den)]))
}

fn float_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_float(self_f64(&args, "conjugate")?))
}

fn float_trunc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    f64_to_int(self_f64(&args, "__trunc__")?)
}
fn float_floor(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    f64_to_int(self_f64(&args, "__floor__")?.floor())
}
fn float_ceil(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    f64_to_int(self_f64(&args, "__ceil__")?.ceil())
}

/// Round half to even, `round(x)`.
pub fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

/// `round(x, ndigits)` for floats, correctly rounded via decimal formatting as CPython.
pub fn round_ndigits(f: f64, nd: i64) -> PyResult<f64> {
    if !f.is_finite() || f == 0.0 {
        return Ok(f);
    }
    if nd > 323 {
        return Ok(f);
    }
    if nd < -308 {
        return Ok(0.0f64.copysign(f));
    }
    if nd >= 0 {
        // Rust's fixed formatting rounds the exact binary value half-even, like
        // CPython's _Py_dg_dtoa in mode 3.
        let s = format!("{:.*}", nd as usize, f);
        return Ok(s.parse::<f64>().unwrap_or(f));
    }
    // Round the exact binary value to a multiple of 10**k, half to even, as
    // _Py_dg_dtoa's mode 3 does, then read the decimal result back.
    let k = (-nd) as u32;
    let (mant, exp) = {
        let bits = f.abs().to_bits();
        let e = ((bits >> 52) & 0x7ff) as i64;
        let m = bits & ((1 << 52) - 1);
        if e == 0 {
            (m, -1074)
        } else {
            (m | (1 << 52), e - 1075)
        }
    };
    let p = num_bigint::BigUint::from(10u8).pow(k);
    let (num, den) = if exp >= 0 {
        (num_bigint::BigUint::from(mant) << exp as u64, p.clone())
    } else {
        (num_bigint::BigUint::from(mant), &p << (-exp) as u64)
    };
    let q = &num / &den;
    let r2 = (&num - &q * &den) * 2u8;
    let q = if r2 > den || (r2 == den && q.bit(0)) { q + 1u8 } else { q };
    let r = format!("{q}e{k}").parse::<f64>().unwrap_or(f64::INFINITY);
    if r.is_infinite() {
        return Err(overflow_error("rounded value too large to represent"));
    }
    Ok(r.copysign(f))
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.method_all("float.__round__", 0, 1)?;
    let f = as_f64(&pos[0]).ok_or_else(|| type_error("float expected"))?;
    match pos.get(1).filter(|n| !super::singletons::is_none(n)) {
        None => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(overflow_error("cannot convert float infinity to integer"));
            }
            f64_to_int(round_half_even(f))
        }
        Some(nd) => {
            // PyNumber_AsSsize_t(o, NULL): out-of-range counts clamp.
            let nd = crate::vm::ops::index_opt(vm, nd)?.ok_or_else(|| {
                type_error(format!("'{}' object cannot be interpreted as an integer", nd.ty().name()))
            })?;
            Ok(new_float(round_ndigits(f, nd)?))
        }
    }
}

fn float_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f64(&args, "hex")?;
    Ok(new_string(float_to_hex(f)))
}

pub fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    // float_hex_impl: always all 13 hex digits of the mantissa.
    format!("{sign}0x{lead}.{mant:013x}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, s) = args.one_arg("float.fromhex")?;
    let text = as_str(s)
        .ok_or_else(|| type_error(format!("fromhex() argument must be str, not {}", s.ty().name())))?
        .to_string();
    let f = parse_hex_float(&text)?;
    let v = new_float(f);
    match super::typeobject::as_type(cls) {
        Some(t) if std::ptr::eq(t, &FLOAT_TYPE) => Ok(v),
        _ => crate::vm::call::call(vm, cls, &[v]),
    }
}

/// `m * 2**e` correctly rounded (half to even) to a double, None when it overflows.
pub fn scaled_to_f64(m: &num_bigint::BigUint, e: i64) -> Option<f64> {
    use num_bigint::BigUint;
    if m.is_zero() {
        return Some(0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits - 1 + e.clamp(-1 << 40, 1 << 40);
    if top > 1023 {
        return None;
    }
    // Bits of precision available at this magnitude (fewer for subnormals).
    let prec = if top >= -1022 { 53 } else { top + 1075 };
    if prec < 0 {
        // Below half the smallest subnormal: rounds to zero.
        return Some(0.0);
    }
    let shift = nbits - prec;
    let (q, k) = if shift <= 0 {
        (m.clone(), e)
    } else {
        let shift_u = shift as u64;
        let q = m >> shift_u;
        let rem = m - (&q << shift_u);
        let half = BigUint::from(1u8) << (shift_u - 1);
        let odd = q.bit(0);
        let q = if rem > half || (rem == half && odd) { q + 1u8 } else { q };
        (q, e + shift)
    };
    let q = q.to_u64()? as f64;
    let mut r = q;
    let mut k = k;
    while k > 0 {
        let step = k.min(1000);
        r *= 2f64.powi(step as i32);
        k -= step;
    }
    while k < 0 {
        let step = k.max(-1000);
        r *= 2f64.powi(step as i32);
        k -= step;
    }
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// `float.fromhex(s)`, as CPython's `float_fromhex`.
fn parse_hex_float(s: &str) -> PyResult<f64> {
    let invalid = || value_error("invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b' || c == '\x0c');
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = t.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(sign * f64::INFINITY),
        "nan" => return Ok(f64::NAN.copysign(sign)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let hex_ok = |p: &str| p.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !hex_ok(int_part) || !hex_ok(frac_part) {
        return Err(invalid());
    }
    let exp: i64 = match exp {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Exponents past any representable value saturate.
            let mag = digits.parse::<i64>().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
            if e.starts_with('-') {
                -mag
            } else {
                mag
            }
        }
    };
    let digits: String = int_part.chars().chain(frac_part.chars()).collect();
    let m = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    let e = exp.saturating_sub(4 * frac_part.len() as i64);
    match scaled_to_f64(&m, e) {
        Some(r) => Ok(sign * r),
        None => Err(overflow_error("hexadecimal value too large to represent as a float")),
    }
}

fn float_getnewargs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = self_f64(&args, "__getnewargs__")?;
    Ok(super::tuple::new_tuple(vec![new_float(f)]))
}

fn float_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, spec] = args.exact_method::<2>("float.__format__")?;
    let spec = as_str(spec).ok_or_else(|| type_error("format spec must be a str"))?.to_string();
    super::format::format_float(vm, v, &spec)
}

fn float_getformat(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_, t] = args.exact_method::<2>("float.__getformat__")?;
    match as_str(t) {
        Some("double") | Some("float") => Ok(super::str::new_str("IEEE, little-endian")),
        _ => Err(value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn get_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_float(as_f64(v).unwrap_or(0.0)))
}
fn get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_float(0.0))
}

pub static FLOAT_METHODS: &[MethodDef] = &[
    MethodDef::method("is_integer", float_is_integer),
    MethodDef::method("as_integer_ratio", float_as_integer_ratio),
    MethodDef::method("conjugate", float_conjugate),
    MethodDef::method("__trunc__", float_trunc),
    MethodDef::method("__floor__", float_floor),
    MethodDef::method("__ceil__", float_ceil),
    MethodDef::method("__round__", float_round),
    MethodDef::method("hex", float_hex),
    MethodDef::classmethod("fromhex", float_fromhex),
    MethodDef::method("__getnewargs__", float_getnewargs),
    MethodDef::method("__format__", float_format),
    MethodDef::classmethod("__getformat__", float_getformat),
];

pub static FLOAT_GETSETS: &[GetSetDef] = &[GetSetDef::new("real", get_real), GetSetDef::new("imag", get_imag)];

pub fn init_type() {
    let s = &FLOAT_TYPE.slots;
    s.repr.set(Some(float_repr_slot));
    s.hash.set(Some(float_hash));
    s.richcompare.set(Some(float_richcompare));
    for op in [
        BinaryOperator::Add,
        BinaryOperator::Subtract,
        BinaryOperator::Multiply,
        BinaryOperator::TrueDivide,
        BinaryOperator::FloorDivide,
        BinaryOperator::Remainder,
        BinaryOperator::Power,
    ] {
        s.binop[op as usize].set(Some(float_binop));
    }
    s.pow3.set(Some(float_pow3));
    s.unary[UnaryOp::Neg as usize].set(Some(float_neg));
    s.unary[UnaryOp::Pos as usize].set(Some(float_pos));
    s.unary[UnaryOp::Abs as usize].set(Some(float_abs));
    s.bool.set(Some(float_bool));
    s.int.set(Some(float_int));
    s.float.set(Some(float_float));
    s.new.set(Some(float_new));
}

/// `float.__repr__` digits for `str.format`'s `r`-like modes.
pub fn float_str_for_format(f: f64) -> String {
    float_repr(f)
}

pub fn f64_is_integral(f: f64) -> bool {
    f.is_finite() && f == f.trunc()
}

pub fn to_bigint_exact(f: f64) -> BigInt {
    bigint_from_f64(f)
}

pub fn f64_to_i64_checked(f: f64) -> Option<i64> {
    if f.is_finite() && f.abs() < 9.2e18 {
        Some(f as i64)
    } else {
        None
    }
}

pub fn as_f64_lossy(v: &Value) -> Option<f64> {
    as_f64(v).or_else(|| as_int(v).and_then(|i| int_to_f64(&i).ok()))
}

pub fn i64_to_f64(i: i64) -> f64 {
    i as f64
}

pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    b.to_f64().filter(|f| f.is_finite())
}
