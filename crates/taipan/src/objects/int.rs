//! `int`: arbitrary-precision integers with an inline fast path.
//!
//! Mirrors CPython's `Objects/longobject.c`.  Values in the 63-bit range live inside the
//! value word (`runtime::value`); larger ones are `PyInt` objects holding a `BigInt`.
//! `bool` (see `singletons.rs`) is a subclass whose two instances hold 0 and 1.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::singletons::{bool_value, not_implemented};
use super::str::{as_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit, UnaryOp};
use crate::runtime::heap::{self, no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{overflow_error, type_error, value_error, zero_division_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyInt {
    head: ObjectHead,
    pub value: BigInt,
}

pub static INT_LAYOUT: Layout = crate::payload_layout!(PyInt, "int", no_traverse, no_clear);

impl PyPayload for PyInt {
    fn layout() -> &'static Layout {
        &INT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &INT_TYPE
    }
}

pub static INT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "int",
    layout: &INT_LAYOUT,
    flags: flags::BASETYPE | flags::LONG_SUBCLASS,
    base: Some(&super::object::OBJECT_TYPE),
    methods: INT_METHODS,
    getsets: INT_GETSETS,
    doc: Some("int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating-point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4"),
    module: None,
});

#[inline(always)]
pub fn int_type() -> &'static PyType {
    &INT_TYPE
}

/// A borrowed view of an int value (int, bool or subclass).
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

/// Views `v` as an int if it is one (int, bool, or an int subclass).
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    if let Some(b) = v.downcast::<PyInt>() {
        return Some(match b.value.to_i64() {
            Some(i) if v.ty().is_heap_type() || i < crate::runtime::value::SMALL_INT_MIN || i > crate::runtime::value::SMALL_INT_MAX => IntRef::Big(&b.value),
            _ => IntRef::Big(&b.value),
        });
    }
    if let Some(b) = v.downcast::<super::singletons::PyBool>() {
        return Some(IntRef::Small(b.value as i64));
    }
    None
}

pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || v.ty().has_flag(flags::LONG_SUBCLASS)
}

/// Exact `int` (not bool or a subclass).
pub fn is_exact_int(v: &Value) -> bool {
    v.is_small_int() || v.downcast_exact::<PyInt>().is_some()
}

pub fn as_i64(v: &Value) -> Option<i64> {
    as_int(v).and_then(|i| i.to_i64())
}

pub fn as_bigint(v: &Value) -> Option<BigInt> {
    as_int(v).map(|i| i.to_bigint())
}

#[inline]
pub fn new_int(i: i64) -> Value {
    match Value::try_small_int(i) {
        Some(v) => v,
        None => heap::alloc(&INT_TYPE, PyInt { head: ObjectHead::uninit(), value: BigInt::from(i) }),
    }
}

pub fn new_bigint(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if let Some(v) = Value::try_small_int(i) {
            return v;
        }
    }
    heap::alloc(&INT_TYPE, PyInt { head: ObjectHead::uninit(), value: b })
}

pub fn new_usize(n: usize) -> Value {
    if n <= i64::MAX as usize {
        new_int(n as i64)
    } else {
        new_bigint(BigInt::from(n))
    }
}

/// An instance of an int subclass `ty` with value `b`.
pub fn new_int_of_type(ty: &PyType, b: BigInt) -> Value {
    if std::ptr::eq(ty, &INT_TYPE) {
        return new_bigint(b);
    }
    heap::alloc(ty, PyInt { head: ObjectHead::uninit(), value: b })
}

/// CPython's modulus for numeric hashes: 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    if i.unsigned_abs() < HASH_MODULUS {
        if i == -1 {
            -2
        } else {
            i
        }
    } else {
        hash_bigint(&BigInt::from(i))
    }
}

pub fn int_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Ok(match as_int(v) {
        Some(IntRef::Small(i)) => hash_i64(i),
        Some(IntRef::Big(b)) => hash_bigint(b),
        None => 0,
    })
}

/// Decimal string with CPython's digit limit (`sys.set_int_max_str_digits`).
pub fn int_to_decimal(vm: &Vm, v: &IntRef) -> PyResult<String> {
    match v {
        IntRef::Small(i) => Ok(i.to_string()),
        IntRef::Big(b) => {
            let limit = vm.int_max_str_digits;
            if limit > 0 {
                // Cheap bound first: bits * log10(2).
                let bits = b.bits() as f64;
                let approx_digits = (bits * std::f64::consts::LOG10_2) as usize;
                if approx_digits > limit + 1 {
                    return Err(value_error(format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
            }
            let s = b.to_string();
            let digits = s.trim_start_matches('-').len();
            if limit > 0 && digits > limit {
                return Err(value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            Ok(s)
        }
    }
}

fn int_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let i = as_int(v).ok_or_else(|| type_error("int.__repr__ requires an int"))?;
    Ok(new_string(int_to_decimal(vm, &i)?))
}

fn int_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(not_implemented());
    };
    let ord = match (&x, &y) {
        (IntRef::Small(p), IntRef::Small(q)) => p.cmp(q),
        _ => x.to_bigint().cmp(&y.to_bigint()),
    };
    Ok(bool_value(crate::vm::ops::ordering_matches(ord, op)))
}

/// Floor division and modulo with Python's sign rules.
pub fn floor_divmod_i64(a: i64, b: i64) -> Option<(i64, i64)> {
    if b == 0 || (a == i64::MIN && b == -1) {
        return None;
    }
    let (q, r) = (a / b, a % b);
    if r != 0 && ((r < 0) != (b < 0)) {
        Some((q - 1, r + b))
    } else {
        Some((q, r))
    }
}

/// int / int as a correctly rounded float (CPython's `long_true_divide`).
pub fn true_divide(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_division_error("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
            return Ok(x as f64 / y as f64);
        }
    }
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    // Scale so the quotient has at least 55 significant bits, then round once.
    let shift: i64 = b.bits() as i64 - a.bits() as i64 + 55;
    let (num, den) = if shift > 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    // Sticky bit keeps round-half-even correct.
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::one();
    } else {
        q <<= 1usize;
    }
    let exp = -shift - 1;
    let f = bigint_to_f64_exact_round(&q, exp);
    match f {
        Some(f) => Ok(if negative { -f } else { f }),
        None => Err(overflow_error("integer division result too large for a float")),
    }
}

/// `q * 2**exp` correctly rounded, or None on overflow.
fn bigint_to_f64_exact_round(q: &BigInt, exp: i64) -> Option<f64> {
    let bits = q.bits() as i64;
    // Keep 54 bits (53 + guard) plus sticky, round half even.
    let extra = bits - 54;
    let (mant, e) = if extra > 0 {
        let lost: BigInt = q & ((BigInt::one() << extra as usize) - BigInt::one());
        let mut m = q >> extra as usize;
        if !lost.is_zero() {
            m |= BigInt::one();
        }
        (m, exp + extra)
    } else {
        (q.clone(), exp)
    };
    let m = mant.to_u64().unwrap_or(0);
    // m has at most 54 bits + sticky folded into bit 0: round to 53 bits.
    let f = (m as f64) * 2f64.powi(0);
    let r = ldexp(f, e);
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

pub fn ldexp(x: f64, exp: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mut e = exp.clamp(-2200, 2200) as i32;
    let mut r = x;
    while e > 1000 {
        r *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        r *= 2f64.powi(-1000);
        e += 1000;
    }
    r * 2f64.powi(e)
}

/// int -> float with CPython's rounding and OverflowError.
pub fn int_to_f64(i: &IntRef) -> PyResult<f64> {
    match i {
        IntRef::Small(v) => Ok(*v as f64),
        IntRef::Big(b) => {
            if let Some(f) = b.to_f64() {
                if f.is_finite() {
                    // num-bigint rounds correctly (to nearest, ties even).
                    return Ok(f);
                }
            }
            Err(overflow_error("int too large to convert to float"))
        }
    }
}

pub fn pow_bigint(vm: &mut Vm, base: &BigInt, exp: &BigInt) -> PyResult<Value> {
    let _ = vm;
    if exp.is_negative() {
        if base.is_zero() {
            return Err(zero_division_error("0.0 cannot be raised to a negative power"));
        }
        let b = int_to_f64(&IntRef::Big(base))?;
        let e = int_to_f64(&IntRef::Big(exp))?;
        return Ok(super::float::new_float(b.powf(e)));
    }
    if base.is_zero() {
        return Ok(new_int(if exp.is_zero() { 1 } else { 0 }));
    }
    if base.is_one() {
        return Ok(new_int(1));
    }
    if *base == BigInt::from(-1) {
        return Ok(new_int(if exp.is_even() { 1 } else { -1 }));
    }
    let e = exp.to_u64().ok_or_else(crate::vm::memory_error)?;
    let bits = base.bits().saturating_mul(e);
    if bits > 1 << 36 {
        return Err(crate::vm::memory_error());
    }
    Ok(new_bigint(num_traits::pow::Pow::pow(base, e)))
}

/// `pow(base, exp, mod)` for ints, including negative exponents (modular inverse).
pub fn pow_mod(base: &BigInt, exp: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let negative_mod = m.is_negative();
    let md = m.abs();
    let mut base = base.mod_floor(&md);
    let mut exp = exp.clone();
    if exp.is_negative() {
        // Modular inverse by the extended Euclidean algorithm.
        let g = base.extended_gcd(&md);
        if !g.gcd.is_one() {
            return Err(value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&md);
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &md);
    if negative_mod && !r.is_zero() {
        r -= &md;
    }
    Ok(new_bigint(r))
}

fn shift_amount(b: &IntRef) -> PyResult<Option<u64>> {
    if b.is_negative() {
        return Err(value_error("negative shift count"));
    }
    Ok(b.to_i64().map(|i| i as u64))
}

/// The numeric binary operators on two ints.
pub fn int_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(not_implemented());
    };
    use BinaryOperator::*;
    let op = op.base();
    if let (IntRef::Small(p), IntRef::Small(q)) = (&x, &y) {
        let (p, q) = (*p, *q);
        let fast = match op {
            Add => p.checked_add(q).map(new_int),
            Subtract => p.checked_sub(q).map(new_int),
            Multiply => p.checked_mul(q).map(new_int),
            FloorDivide => {
                if q == 0 {
                    return Err(zero_division_error("integer division or modulo by zero"));
                }
                floor_divmod_i64(p, q).map(|(d, _)| new_int(d))
            }
            Remainder => {
                if q == 0 {
                    return Err(zero_division_error("integer modulo by zero"));
                }
                floor_divmod_i64(p, q).map(|(_, m)| new_int(m))
            }
            TrueDivide => {
                if q == 0 {
                    return Err(zero_division_error("division by zero"));
                }
                if p.unsigned_abs() <= 1 << 53 && q.unsigned_abs() <= 1 << 53 {
                    Some(super::float::new_float(p as f64 / q as f64))
                } else {
                    None
                }
            }
            And => Some(new_int(p & q)),
            Or => Some(new_int(p | q)),
            Xor => Some(new_int(p ^ q)),
            Lshift => {
                if q < 0 {
                    return Err(value_error("negative shift count"));
                }
                if q < 62 && p.unsigned_abs() < (1u64 << (62 - q)) {
                    Some(new_int(p << q))
                } else {
                    None
                }
            }
            Rshift => {
                if q < 0 {
                    return Err(value_error("negative shift count"));
                }
                Some(new_int(if q >= 64 { if p < 0 { -1 } else { 0 } } else { p >> q }))
            }
            Power => {
                if q >= 0 {
                    let mut acc: Option<i64> = Some(1);
                    if q < 64 {
                        acc = p.checked_pow(q as u32);
                    } else if p.abs() > 1 {
                        acc = None;
                    } else {
                        acc = Some(if p == -1 && q % 2 == 1 { -1 } else { p.abs().min(1).max(if p == 0 { 0 } else { 1 }) });
                    }
                    acc.map(new_int)
                } else {
                    None
                }
            }
            MatrixMultiply => return Ok(not_implemented()),
            _ => None,
        };
        if let Some(v) = fast {
            return Ok(v);
        }
    }
    let (p, q) = (x.to_bigint(), y.to_bigint());
    Ok(match op {
        Add => new_bigint(p + q),
        Subtract => new_bigint(p - q),
        Multiply => {
            if p.bits() + q.bits() > 1 << 36 {
                return Err(crate::vm::memory_error());
            }
            new_bigint(p * q)
        }
        FloorDivide => {
            if q.is_zero() {
                return Err(zero_division_error("integer division or modulo by zero"));
            }
            new_bigint(p.div_floor(&q))
        }
        Remainder => {
            if q.is_zero() {
                return Err(zero_division_error("integer modulo by zero"));
            }
            new_bigint(p.mod_floor(&q))
        }
        TrueDivide => super::float::new_float(true_divide(&p, &q)?),
        And => new_bigint(p & q),
        Or => new_bigint(p | q),
        Xor => new_bigint(p ^ q),
        Lshift => match shift_amount(&y)? {
            _ if p.is_zero() => new_int(0),
            Some(n) if n < (1 << 32) => new_bigint(p << n as usize),
            _ => {
                // CPython's long_lshift: a word shift (30-bit digits) past Py_ssize_t
                // is "too many digits"; anything else fails to allocate.
                let words = y.to_bigint() / 30;
                if words > BigInt::from(i64::MAX) {
                    return Err(overflow_error("too many digits in integer"));
                }
                return Err(crate::vm::memory_error());
            }
        },
        Rshift => match shift_amount(&y)? {
            Some(n) if n < (1 << 40) => new_bigint(if p.is_negative() {
                -((-p - BigInt::one()) >> n as usize) - BigInt::one()
            } else {
                p >> n as usize
            }),
            _ => new_int(if p.is_negative() { -1 } else { 0 }),
        },
        Power => pow_bigint(vm, &p, &q)?,
        _ => not_implemented(),
    })
}

fn int_pow3(_vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (Some(x), Some(y), Some(z)) = (as_int(a), as_int(b), as_int(m)) else {
        return Ok(not_implemented());
    };
    pow_mod(&x.to_bigint(), &y.to_bigint(), &z.to_bigint())
}

fn int_unary(op: UnaryOp, v: &Value) -> PyResult<Value> {
    let x = as_int(v).ok_or_else(|| type_error("bad operand"))?;
    Ok(match (op, &x) {
        (UnaryOp::Neg, IntRef::Small(i)) => new_int(-i),
        (UnaryOp::Abs, IntRef::Small(i)) => new_int(i.abs()),
        (UnaryOp::Invert, IntRef::Small(i)) => new_int(!i),
        (UnaryOp::Pos, IntRef::Small(i)) => new_int(*i),
        (UnaryOp::Neg, IntRef::Big(b)) => new_bigint(-(*b).clone()),
        (UnaryOp::Abs, IntRef::Big(b)) => new_bigint(b.abs()),
        (UnaryOp::Invert, IntRef::Big(b)) => new_bigint(-(*b).clone() - BigInt::one()),
        (UnaryOp::Pos, IntRef::Big(b)) => new_bigint((*b).clone()),
    })
}

fn int_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    int_unary(UnaryOp::Neg, v)
}
fn int_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    int_unary(UnaryOp::Pos, v)
}
fn int_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    int_unary(UnaryOp::Abs, v)
}
fn int_invert(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    int_unary(UnaryOp::Invert, v)
}

fn int_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(as_int(v).map(|i| !i.is_zero()).unwrap_or(false))
}

/// `int(v)` for an int value: the exact-int copy.
pub fn int_int(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_exact_int(v) {
        return Ok(v.clone());
    }
    Ok(new_bigint(as_int(v).map(|i| i.to_bigint()).unwrap_or_default()))
}

fn int_float(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let i = as_int(v).ok_or_else(|| type_error("int expected"))?;
    Ok(super::float::new_float(int_to_f64(&i)?))
}

/// Parses an int literal in `base` (0 = from prefix), CPython's rules (underscores,
/// whitespace, sign).  Returns None when invalid.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    // _PyUnicode_TransformDecimalAndSpaceToASCII turns non-ASCII spaces into ' ', then
    // PyLong_FromString skips ASCII whitespace only.
    let t = s.trim_matches(|c: char| {
        if c.is_ascii() {
            matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
        } else {
            crate::runtime::unicode::is_space(c)
        }
    });
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = if base == 0 {
        if let Some(r) = lower.strip_prefix("0x") {
            (16, r.to_string())
        } else if let Some(r) = lower.strip_prefix("0o") {
            (8, r.to_string())
        } else if let Some(r) = lower.strip_prefix("0b") {
            (2, r.to_string())
        } else {
            // Base 0: no leading zeros on non-zero decimal literals.
            let stripped: String = lower.chars().filter(|c| *c != '_').collect();
            if stripped.len() > 1 && stripped.starts_with('0') && stripped.chars().any(|c| c != '0') {
                return None;
            }
            (10, lower.clone())
        }
    } else {
        let prefix = match base {
            16 => "0x",
            8 => "0o",
            2 => "0b",
            _ => "",
        };
        match lower.strip_prefix(prefix).filter(|_| !prefix.is_empty()) {
            Some(r) => (base, r.to_string()),
            None => (base, lower.clone()),
        }
    };
    let digits = match digits.strip_prefix('_') {
        Some(d) if lower.len() != digits.len() => d.to_string(),
        _ => digits,
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits
        .chars()
        .filter(|c| *c != '_')
        .map(|c| if c.is_ascii_digit() || c.is_ascii_alphabetic() { c } else { unicode_digit(c).unwrap_or('!') })
        .collect();
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

fn unicode_digit(c: char) -> Option<char> {
    super::str_methods::decimal_value(c).and_then(|d| char::from_digit(d, 10))
}

/// `int.__new__`.
pub fn int_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: crate::vm::Sig = crate::vm::Sig::new("int", &[crate::vm::args::po_opt("x"), crate::vm::args::opt("base")]);
    if !args.has_kwargs() {
        // long_vectorcall checks positional calls with _PyArg_CheckPositional.
        args.check("int", 0, 2)?;
    }
    let [x, base] = SIG.parse::<2>(args)?;
    let ty = super::typeobject::as_type(cls).unwrap_or(&INT_TYPE);
    let value = match (x, base) {
        (None, None) => BigInt::zero(),
        (None, Some(_)) => return Err(type_error("int() missing string argument")),
        (Some(x), None) => return convert_to_int(vm, &x).and_then(|v| Ok(if std::ptr::eq(ty, &INT_TYPE) { v } else { new_int_of_type(ty, as_bigint(&v).unwrap_or_default()) })),
        (Some(x), Some(base)) => {
            let b = crate::vm::ops::index_value(vm, &base)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = if let Some(s) = as_str(&x) {
                s.to_string()
            } else if let Some(bytes) = super::bytes::as_bytes_like(&x) {
                String::from_utf8_lossy(&bytes).into_owned()
            } else {
                return Err(type_error("int() can't convert non-string with explicit base"));
            };
            parse_int_or_error(vm, &text, b as u32, &x)?
        }
    };
    Ok(new_int_of_type(ty, value))
}

fn parse_int_or_error(vm: &mut Vm, text: &str, base: u32, original: &Value) -> PyResult<BigInt> {
    let limit = vm.int_max_str_digits;
    if base == 10 && limit > 0 && text.len() > limit {
        let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
        if digits > limit {
            return Err(value_error(format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            )));
        }
    }
    parse_int(text, base).ok_or_else(|| {
        let r = crate::vm::ops::repr(vm, original).ok();
        let r = r.as_ref().and_then(as_str).unwrap_or("?").to_string();
        value_error(format!("invalid literal for int() with base {base}: {r}"))
    })
}

/// `int(x)` with one argument (`PyNumber_Long`).
pub fn convert_to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if is_exact_int(x) {
        return Ok(x.clone());
    }
    let ty = x.ty();
    if let Some(f) = ty.slots.int.get() {
        let r = f(vm, x)?;
        if is_exact_int(&r) {
            return Ok(r);
        }
        if is_int(&r) {
            return Ok(new_bigint(as_bigint(&r).unwrap_or_default()));
        }
        return Err(type_error(format!("__int__ returned non-int (type {})", r.ty().name())));
    }
    if ty.slots.index.get().is_some() {
        let i = crate::vm::ops::index(vm, x)?;
        return Ok(new_bigint(as_bigint(&i).unwrap_or_default()));
    }
    if let Some(trunc) = ty.lookup_str("__trunc__") {
        crate::modules::warnings_warn(vm, &super::exceptions::DEPRECATION_WARNING, "The delegation of int() to __trunc__ is deprecated.");
        let r = crate::vm::call::call_method_value(vm, &trunc, x, &[])?;
        if is_int(&r) {
            return Ok(new_bigint(as_bigint(&r).unwrap_or_default()));
        }
        return crate::vm::ops::index(vm, &r).map_err(|_| {
            type_error(format!("__trunc__ returned non-Integral (type {})", r.ty().name()))
        });
    }
    if let Some(s) = as_str(x) {
        let text = s.to_string();
        return parse_int_or_error(vm, &text, 10, x).map(new_bigint);
    }
    if let Some(bytes) = super::bytes::as_bytes_like(x) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        return parse_int_or_error(vm, &text, 10, x).map(new_bigint);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        ty.name()
    )))
}

fn self_int(args: &Args, name: &str) -> PyResult<BigInt> {
    args.noargs(&format!("int.{name}"))?;
    args.positional()
        .first()
        .and_then(as_bigint)
        .ok_or_else(|| type_error(format!("descriptor '{name}' requires a 'int' object")))
}

fn int_bit_length(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_int(&args, "bit_length")?;
    Ok(new_int(v.bits() as i64))
}

fn int_bit_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_int(&args, "bit_count")?;
    let n: u64 = v.abs().to_u64_digits().1.iter().map(|d| d.count_ones() as u64).sum();
    Ok(new_int(n as i64))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.conjugate")?;
    int_int(vm, v)
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.as_integer_ratio")?;
    let i = int_int(vm, v)?;
    Ok(super::tuple::new_tuple(vec![i, new_int(1)]))
}

fn int_is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.noargs("int.is_integer")?;
    Ok(bool_value(true))
}

fn int_index_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.__index__")?;
    int_int(vm, v)
}

fn int_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.method_all("int.__round__", 0, 1)?;
    let v = int_int(vm, &pos[0])?;
    let Some(nd) = pos.get(1).filter(|n| !super::singletons::is_none(n)) else {
        return Ok(v);
    };
    let nd = crate::vm::ops::index(vm, nd)?;
    let nd = as_bigint(&nd).unwrap_or_default();
    if !nd.is_negative() {
        return Ok(v);
    }
    let x = as_bigint(&v).unwrap_or_default();
    let exp = (-nd).to_u32().unwrap_or(u32::MAX);
    if exp > 100_000 {
        return Ok(new_int(0));
    }
    let pow = num_traits::pow::Pow::pow(&BigInt::from(10), exp);
    let (q, r) = x.div_mod_floor(&pow);
    let twice = &r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) { q + 1 } else { q };
    Ok(new_bigint(q * pow))
}

fn int_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.__trunc__")?;
    int_int(vm, v)
}

fn int_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.__floor__")?;
    int_int(vm, v)
}

fn int_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.__ceil__")?;
    int_int(vm, v)
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::{kw, opt, po};
    static SIG: crate::vm::Sig = crate::vm::Sig::new("to_bytes", &[po("self"), opt("length"), opt("byteorder"), kw("signed")]);
    let [this, length, order, signed] = SIG.parse::<4>(args)?;
    let v = as_bigint(&this.expect("required")).unwrap_or_default();
    let length = match length {
        Some(l) => {
            let n = crate::vm::ops::index_value(vm, &l)?;
            if n < 0 {
                return Err(value_error("length argument must be non-negative"));
            }
            n as usize
        }
        None => 1,
    };
    let little = match order.as_ref().map(|o| as_str(o).map(str::to_string)) {
        None => false,
        Some(Some(s)) if s == "big" => false,
        Some(Some(s)) if s == "little" => true,
        Some(Some(_)) => return Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(None) => {
            let o = order.as_ref().map_or_else(|| "NoneType".to_string(), |o| o.ty().name().to_string());
            return Err(type_error(format!("to_bytes() argument 'byteorder' must be str, not {o}")));
        }
    };
    let signed = match signed {
        Some(s) => crate::vm::ops::is_true(vm, &s)?,
        None => false,
    };
    if v.is_negative() && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { v.to_signed_bytes_le() } else { v.to_bytes_le().1 };
    if v.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length {
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(super::bytes::new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::{kw, opt, po};
    static SIG: crate::vm::Sig = crate::vm::Sig::new("from_bytes", &[po("cls"), crate::vm::args::p("bytes"), opt("byteorder"), kw("signed")]);
    let [cls, data, order, signed] = SIG.parse::<4>(args)?;
    let data = data.expect("required");
    // PyObject_Bytes: buffers, __bytes__, then iterables of ints.
    let bytes = super::bytes::object_to_bytes(vm, &data)?;
    let little = match order.as_ref().map(|o| as_str(o).map(str::to_string)) {
        None => false,
        Some(Some(s)) if s == "big" => false,
        Some(Some(s)) if s == "little" => true,
        Some(Some(_)) => return Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(None) => {
            let o = order.as_ref().map_or_else(|| "NoneType".to_string(), |o| o.ty().name().to_string());
            return Err(type_error(format!("from_bytes() argument 'byteorder' must be str, not {o}")));
        }
    };
    let signed = match signed {
        Some(s) => crate::vm::ops::is_true(vm, &s)?,
        None => false,
    };
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&bytes),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &bytes),
        (false, true) => BigInt::from_signed_bytes_be(&bytes),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
    };
    let cls = cls.expect("required");
    let result = new_bigint(v);
    match super::typeobject::as_type(&cls) {
        Some(t) if std::ptr::eq(t, &INT_TYPE) => Ok(result),
        _ => crate::vm::call::call(vm, &cls, &[result]),
    }
}

fn int_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.__getnewargs__")?;
    let i = int_int(vm, v)?;
    Ok(super::tuple::new_tuple(vec![i]))
}

fn int_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, spec] = args.exact_method::<2>("int.__format__")?;
    let spec = as_str(spec).ok_or_else(|| type_error("format spec must be a str"))?.to_string();
    super::format::format_int(vm, v, &spec)
}

fn int_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("int.__sizeof__")?;
    let digits = as_bigint(v).map(|b| b.bits().div_ceil(30).max(1)).unwrap_or(1);
    Ok(new_int(24 + 4 * digits as i64))
}

fn get_real(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    int_int(vm, v)
}
fn get_imag(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_int(0))
}
fn get_denominator(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_int(1))
}

pub static INT_METHODS: &[MethodDef] = &[
    MethodDef::method("bit_length", int_bit_length),
    MethodDef::method("bit_count", int_bit_count),
    MethodDef::method("conjugate", int_conjugate),
    MethodDef::method("as_integer_ratio", int_as_integer_ratio),
    MethodDef::method("is_integer", int_is_integer),
    MethodDef::method("__round__", int_round),
    MethodDef::method("__trunc__", int_trunc),
    MethodDef::method("__floor__", int_floor),
    MethodDef::method("__ceil__", int_ceil),
    MethodDef::method("to_bytes", int_to_bytes),
    MethodDef::classmethod("from_bytes", int_from_bytes),
    MethodDef::method("__getnewargs__", int_getnewargs),
    MethodDef::method("__format__", int_format),
    MethodDef::method("__sizeof__", int_sizeof),
    MethodDef::method("__index__", int_index_method),
];

pub static INT_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("real", get_real),
    GetSetDef::new("imag", get_imag),
    GetSetDef::new("numerator", get_real),
    GetSetDef::new("denominator", get_denominator),
];

pub fn init_type() {
    let s = &INT_TYPE.slots;
    s.repr.set(Some(int_repr));
    s.hash.set(Some(int_hash));
    s.richcompare.set(Some(int_richcompare));
    for op in [
        BinaryOperator::Add,
        BinaryOperator::Subtract,
        BinaryOperator::Multiply,
        BinaryOperator::FloorDivide,
        BinaryOperator::TrueDivide,
        BinaryOperator::Remainder,
        BinaryOperator::Power,
        BinaryOperator::Lshift,
        BinaryOperator::Rshift,
        BinaryOperator::And,
        BinaryOperator::Or,
        BinaryOperator::Xor,
    ] {
        s.binop[op as usize].set(Some(int_binop));
    }
    s.pow3.set(Some(int_pow3));
    s.unary[UnaryOp::Neg as usize].set(Some(int_neg));
    s.unary[UnaryOp::Pos as usize].set(Some(int_pos));
    s.unary[UnaryOp::Abs as usize].set(Some(int_abs));
    s.unary[UnaryOp::Invert as usize].set(Some(int_invert));
    s.bool.set(Some(int_bool));
    s.int.set(Some(int_int));
    s.float.set(Some(int_float));
    s.index.set(Some(int_int));
    s.new.set(Some(int_new));
}
