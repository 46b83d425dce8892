//! `complex`: pairs of doubles.  Mirrors CPython's `Objects/complexobject.c`.
//!
//! Statics: `COMPLEX_TYPE`; start-up: `init_type()`.
//!
//! Arithmetic follows CPython 3.13: int and float operands are converted to complex first
//! (`to_complex`), division is `_Py_c_quot` (scaled by the larger divisor part, with the
//! C11 Annex G recovery of infinities), `**` uses repeated squaring for small integral
//! exponents (`c_powi`) and the polar formula otherwise (`_Py_c_pow`).

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::float::{as_f64, float_repr, hash_f64};
use super::int::{as_int, int_to_f64};
use super::singletons::{bool_value, not_implemented};
use super::str::{as_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit, UnaryOp};
use crate::runtime::heap::{self, no_clear, no_traverse, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{overflow_error, type_error, value_error, zero_division_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyComplex {
    head: ObjectHead,
    pub re: f64,
    pub im: f64,
}

pub static COMPLEX_LAYOUT: Layout = crate::payload_layout!(PyComplex, "complex", no_traverse, no_clear);

impl PyPayload for PyComplex {
    fn layout() -> &'static Layout {
        &COMPLEX_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &COMPLEX_TYPE
    }
}

pub static COMPLEX_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "complex",
    layout: &COMPLEX_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: COMPLEX_METHODS,
    getsets: COMPLEX_GETSETS,
    doc: Some("Create a complex number from a string or numbers.\n\nIf a string is given, parse it as a complex number.\nIf a single number is given, convert it to a complex number.\nIf the 'real' or 'imag' arguments are given, create a complex number\nwith the specified real and imaginary components."),
    module: None,
});

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct C {
    pub(crate) re: f64,
    pub(crate) im: f64,
}

pub fn new_complex(re: f64, im: f64) -> Value {
    heap::alloc(&COMPLEX_TYPE, PyComplex { head: ObjectHead::uninit(), re, im })
}

fn new_complex_of_type(ty: &PyType, re: f64, im: f64) -> Value {
    heap::alloc(ty, PyComplex { head: ObjectHead::uninit(), re, im })
}

/// `(real, imag)` of a complex (or subclass) value.
pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    v.downcast::<PyComplex>().map(|c| (c.re, c.im))
}

fn this(v: &Value) -> PyResult<C> {
    as_complex(v)
        .map(|(re, im)| C { re, im })
        .ok_or_else(|| type_error(format!("descriptor requires a 'complex' object but received a '{}'", v.ty().name())))
}

/// CPython's `TO_COMPLEX`: complex, int and float operands; None for anything else.
fn to_complex(v: &Value) -> PyResult<Option<C>> {
    if let Some((re, im)) = as_complex(v) {
        return Ok(Some(C { re, im }));
    }
    if let Some(f) = as_f64(v) {
        return Ok(Some(C { re: f, im: 0.0 }));
    }
    if let Some(i) = as_int(v) {
        return Ok(Some(C { re: int_to_f64(&i)?, im: 0.0 }));
    }
    Ok(None)
}

// ---------------------------------------------------------------------------------------
// Complex arithmetic (`_Py_c_*`)

fn c_prod(a: C, b: C) -> C {
    C { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }
}

/// `_Py_c_quot`; None for a zero divisor (CPython's EDOM).  NOTE: CPython 3.13 does not
/// yet recover infinities from a NaN result (C11 Annex G's `_Cdivd`); 3.14 does.
pub(crate) fn c_quot(a: C, b: C) -> Option<C> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    let r = if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        C { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom }
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        C { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom }
    } else {
        C { re: f64::NAN, im: f64::NAN }
    };
    Some(r)
}

enum PowError {
    /// Zero to a negative or complex power.
    Domain,
    Range,
}

/// `_Py_c_pow`.
fn c_pow(a: C, b: C) -> Result<C, PowError> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(C { re: 1.0, im: 0.0 });
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok(C { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    if len.is_infinite() && vabs.is_finite() && b.re.is_finite() {
        // libm's pow reports ERANGE on overflow.
        return Err(PowError::Range);
    }
    Ok(C { re: len * phase.cos(), im: len * phase.sin() })
}

/// `c_powu`: repeated squaring.
fn c_powu(x: C, n: i64) -> C {
    let mut r = C { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn complex_pow_c(a: C, b: C) -> PyResult<C> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        let p = if n > 0 {
            c_powu(a, n)
        } else {
            c_quot(C { re: 1.0, im: 0.0 }, c_powu(a, -n)).ok_or_else(|| zero_division_error("0.0 to a negative or complex power"))?
        };
        if p.re.is_infinite() || p.im.is_infinite() {
            return Err(overflow_error("complex exponentiation"));
        }
        p
    } else {
        match c_pow(a, b) {
            Ok(p) => p,
            Err(PowError::Domain) => return Err(zero_division_error("0.0 to a negative or complex power")),
            Err(PowError::Range) => return Err(overflow_error("complex exponentiation")),
        }
    };
    Ok(r)
}

/// `(a_re + a_im j) ** (b_re + b_im j)` as a complex value.
pub fn complex_pow_value(a_re: f64, a_im: f64, b_re: f64, b_im: f64) -> PyResult<Value> {
    let r = complex_pow_c(C { re: a_re, im: a_im }, C { re: b_re, im: b_im })?;
    Ok(new_complex(r.re, r.im))
}

/// `_Py_c_abs`.
fn c_abs(z: C) -> PyResult<f64> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.re.is_nan() || z.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------
// repr and format

/// A part as `PyOS_double_to_string(x, 'r', 0, flags)`: repr digits without the ".0".
fn repr_part(x: f64, sign: bool) -> String {
    let mut s = float_repr(x);
    if s.ends_with(".0") {
        s.truncate(s.len() - 2);
    }
    if sign && !s.starts_with('-') {
        s.insert(0, '+');
    }
    s
}

/// CPython's `complex_repr`.
pub fn complex_repr_string(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", repr_part(im, false))
    } else {
        format!("({}{}j)", repr_part(re, false), repr_part(im, true))
    }
}

fn complex_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    Ok(new_string(complex_repr_string(c.re, c.im)))
}

/// `%e`/`%f`/`%g` of one double (no sign handling for finite values beyond '-').
pub(crate) fn format_double(x: f64, ty: char, prec: usize, alt: bool) -> String {
    let upper = ty.is_ascii_uppercase();
    if !x.is_finite() {
        let s = if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        };
        return if upper { s.to_uppercase() } else { s.to_string() };
    }
    let exp_form = |x: f64, p: usize| -> String {
        let s = super::format::sci_digits(x, p);
        let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = exp.parse().unwrap_or(0);
        let mut mant = mant.to_string();
        if alt && p == 0 {
            mant.push('.');
        }
        format!("{}e{}{:02}", mant, if e < 0 { '-' } else { '+' }, e.abs())
    };
    let out = match ty.to_ascii_lowercase() {
        'e' => exp_form(x, prec),
        'f' => {
            let mut s = super::format::fixed_digits(x, prec);
            if alt && prec == 0 {
                s.push('.');
            }
            s
        }
        _ => {
            let p = prec.max(1);
            let probe = super::format::sci_digits(x, p - 1);
            let e: i32 = probe.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
            let mut s = if -4 <= e && e < p as i32 {
                super::format::fixed_digits(x, (p as i32 - 1 - e).max(0) as usize)
            } else {
                exp_form(x, p - 1)
            };
            if !alt {
                let (mant, exp) = match s.find('e') {
                    Some(i) => (s[..i].to_string(), s[i..].to_string()),
                    None => (s.clone(), String::new()),
                };
                let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.').to_string() } else { mant };
                s = format!("{mant}{exp}");
            } else if !s.contains('.') {
                match s.find('e') {
                    Some(i) => s.insert(i, '.'),
                    None => s.push('.'),
                }
            }
            s
        }
    };
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

struct Spec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec { fill: ' ', align: None, sign: None, alt: false, zero: false, width: 0, grouping: None, precision: None, ty: None };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = w.parse().map_err(|_| value_error("Too many decimal digits in format string"))?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(value_error("Format specifier missing precision"));
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(p.parse().map_err(|_| value_error("Too many decimal digits in format string"))?);
    }
    if chars.len() - i > 1 {
        return Err(value_error("Invalid format specifier"));
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
    }
    Ok(s)
}

/// Inserts thousands separators into the integer digits of a formatted number.
fn group_digits(s: &str, sep: char) -> String {
    let (sign, rest) = if s.starts_with(['-', '+']) { s.split_at(1) } else { ("", s) };
    let int_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let (int_part, tail) = rest.split_at(int_end);
    let mut out = String::new();
    for (k, ch) in int_part.chars().enumerate() {
        if k > 0 && (int_part.len() - k) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    format!("{sign}{out}{tail}")
}

/// CPython's `format_complex_internal`.
fn complex_format_spec(c: C, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(complex_repr_string(c.re, c.im));
    }
    let s = parse_spec(spec)?;
    if s.zero {
        return Err(value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut ty = s.ty.unwrap_or('\0');
    let mut skip_re = false;
    let mut add_parens = false;
    let mut precision = s.precision;
    match ty {
        '\0' => {
            if c.re == 0.0 && c.re.is_sign_positive() {
                skip_re = true;
            } else {
                add_parens = true;
            }
            ty = if precision.is_some() { 'g' } else { 'r' };
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {}
        'n' => ty = 'g',
        other => {
            return Err(value_error(format!("Unknown format code '{other}' for object of type 'complex'")));
        }
    }
    if precision.is_none() && ty != 'r' {
        precision = Some(6);
    }
    let fmt_one = |x: f64| -> String {
        if ty == 'r' {
            repr_part(x, false)
        } else {
            format_double(x, ty, precision.unwrap_or(6), s.alt)
        }
    };
    let mut re_s = fmt_one(c.re);
    let mut im_s = fmt_one(c.im);
    if let Some(g) = s.grouping {
        re_s = group_digits(&re_s, g);
        im_s = group_digits(&im_s, g);
    }
    let with_sign = |body: String, sign: Option<char>| -> String {
        if body.starts_with('-') {
            body
        } else {
            match sign {
                Some('+') => format!("+{body}"),
                Some(' ') => format!(" {body}"),
                _ => body,
            }
        }
    };
    let mut out = String::new();
    if add_parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&with_sign(re_s, s.sign));
        out.push_str(&with_sign(im_s, Some('+')));
    } else {
        out.push_str(&with_sign(im_s, s.sign));
    }
    out.push('j');
    if add_parens {
        out.push(')');
    }
    let len = out.chars().count();
    if len < s.width {
        let pad = s.width - len;
        let fill: String = std::iter::repeat_n(s.fill, pad).collect();
        out = match s.align.unwrap_or('>') {
            '<' => format!("{out}{fill}"),
            '^' => {
                let left: String = std::iter::repeat_n(s.fill, pad / 2).collect();
                let right: String = std::iter::repeat_n(s.fill, pad - pad / 2).collect();
                format!("{left}{out}{right}")
            }
            _ => format!("{fill}{out}"),
        };
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Slots

fn complex_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let c = this(v)?;
    let part = |vm: &mut Vm, x: f64| -> PyResult<i64> {
        if x.is_nan() {
            // CPython 3.10+: NaN hashes by the containing object's identity.
            super::object::object_hash(vm, v)
        } else {
            Ok(hash_f64(x))
        }
    };
    let hr = part(vm, c.re)? as u64;
    let hi = part(vm, c.im)? as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn complex_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(not_implemented());
    }
    let Some((re, im)) = as_complex(a) else { return Ok(not_implemented()) };
    let equal = if let Some(i) = as_int(b) {
        if im == 0.0 {
            let ord = super::float::compare_float_int(re, &i);
            ord == Some(std::cmp::Ordering::Equal)
        } else {
            false
        }
    } else if let Some(f) = as_f64(b) {
        re == f && im == 0.0
    } else if let Some((re2, im2)) = as_complex(b) {
        re == re2 && im == im2
    } else {
        return Ok(not_implemented());
    };
    Ok(bool_value(equal == (op == ComparisonOperator::Eq)))
}

fn complex_binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (to_complex(a)?, to_complex(b)?) else {
        return Ok(not_implemented());
    };
    let r = match op.base() {
        BinaryOperator::Add => C { re: x.re + y.re, im: x.im + y.im },
        BinaryOperator::Subtract => C { re: x.re - y.re, im: x.im - y.im },
        BinaryOperator::Multiply => c_prod(x, y),
        BinaryOperator::TrueDivide => c_quot(x, y).ok_or_else(|| zero_division_error("complex division by zero"))?,
        BinaryOperator::Power => complex_pow_c(x, y)?,
        _ => return Ok(not_implemented()),
    };
    Ok(new_complex(r.re, r.im))
}

fn complex_pow3(_vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (to_complex(a)?, to_complex(b)?) else {
        return Ok(not_implemented());
    };
    if !super::singletons::is_none(m) {
        return Err(value_error("complex modulo"));
    }
    let r = complex_pow_c(x, y)?;
    Ok(new_complex(r.re, r.im))
}

fn complex_neg(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = this(v)?;
    Ok(new_complex(-c.re, -c.im))
}

fn complex_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_exact::<PyComplex>().is_some() {
        return Ok(v.clone());
    }
    let c = this(v)?;
    Ok(new_complex(c.re, c.im))
}

fn complex_abs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::float::new_float(c_abs(this(v)?)?))
}

fn complex_bool(_vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let c = this(v)?;
    Ok(c.re != 0.0 || c.im != 0.0)
}

/// `nb_float`/`nb_index` presence: what `complex()` accepts as a real number.
pub(crate) fn is_real_number(v: &Value) -> bool {
    as_f64(v).is_some() || as_int(v).is_some() || v.ty().slots.float.get().is_some() || v.ty().slots.index.get().is_some()
}

/// `__complex__` of `v`, if it defines one (CPython's `try_complex_special_method`).
pub(crate) fn try_complex_special_method(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(f) = crate::vm::ops::lookup_special(v, "__complex__") else {
        return Ok(None);
    };
    let r = crate::vm::call::call_method_value(vm, &f, v, &[])?;
    if as_complex(&r).is_none() {
        return Err(type_error(format!(
            "__complex__ returned non-complex (type {})",
            r.ty().name()
        )));
    }
    Ok(Some(r))
}

/// Parses `complex(str)` (CPython's `complex_from_string_inner`).
pub fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?.trim();
    }
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return None;
    }
    let part = |p: &str| -> Option<f64> {
        match p {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => super::float::parse_float(p),
        }
    };
    let real_only = |p: &str| -> Option<f64> {
        if p.is_empty() || p == "+" || p == "-" {
            return None;
        }
        super::float::parse_float(p)
    };
    // The split between real and imaginary parts: a sign not at the start and not
    // right after an exponent marker.
    let split = |body: &str| -> Option<usize> {
        let b = body.as_bytes();
        (1..b.len()).find(|&k| (b[k] == b'+' || b[k] == b'-') && !matches!(b[k - 1], b'e' | b'E'))
    };
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        match split(body) {
            Some(k) => {
                let re = real_only(&body[..k])?;
                let im = part(&body[k..])?;
                Some((re, im))
            }
            None => Some((0.0, part(body)?)),
        }
    } else {
        if split(t).is_some() {
            return None;
        }
        Some((real_only(t)?, 0.0))
    }
}

fn complex_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("complex", &[opt("real"), opt("imag")]);
    let [r, i] = SIG.parse::<2>(args)?;
    let ty = super::typeobject::as_type(cls).unwrap_or(&COMPLEX_TYPE);
    let make = |re: f64, im: f64| {
        if std::ptr::eq(ty, &COMPLEX_TYPE) {
            new_complex(re, im)
        } else {
            new_complex_of_type(ty, re, im)
        }
    };
    let Some(mut r) = r else {
        return match i {
            None => Ok(make(0.0, 0.0)),
            Some(i) => {
                if as_str(&i).is_some() {
                    return Err(type_error("complex() second arg can't be a string"));
                }
                if !is_real_number(&i) && as_complex(&i).is_none() {
                    return Err(type_error(format!("complex() second argument must be a number, not '{}'", i.ty().name())));
                }
                let (im_re, im_im) = match as_complex(&i) {
                    Some(c) => c,
                    None => (crate::vm::ops::float_value(vm, &i)?, 0.0),
                };
                Ok(make(-im_im, im_re))
            }
        };
    };
    if std::ptr::eq(ty, &COMPLEX_TYPE) && i.is_none() && r.downcast_exact::<PyComplex>().is_some() {
        return Ok(r);
    }
    if let Some(s) = as_str(&r) {
        if i.is_some() {
            return Err(type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = parse_complex(s).ok_or_else(|| value_error("complex() arg is a malformed string"))?;
        return Ok(make(re, im));
    }
    if let Some(iv) = &i {
        if as_str(iv).is_some() {
            return Err(type_error("complex() second arg can't be a string"));
        }
    }
    if let Some(tmp) = try_complex_special_method(vm, &r)? {
        r = tmp;
    }
    if !is_real_number(&r) && as_complex(&r).is_none() {
        return Err(type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.ty().name()
        )));
    }
    if let Some(iv) = &i {
        if !is_real_number(iv) && as_complex(iv).is_none() {
            return Err(type_error(format!("complex() second argument must be a number, not '{}'", iv.ty().name())));
        }
    }
    let (mut cr, cr_is_complex) = match as_complex(&r) {
        Some((re, im)) => (C { re, im }, true),
        None => (C { re: crate::vm::ops::float_value(vm, &r)?, im: 0.0 }, false),
    };
    let (mut ci, ci_is_complex) = match &i {
        None => (C { re: cr.im, im: 0.0 }, false),
        Some(iv) => match as_complex(iv) {
            Some((re, im)) => (C { re, im }, true),
            None => (C { re: crate::vm::ops::float_value(vm, iv)?, im: 0.0 }, false),
        },
    };
    if ci_is_complex {
        cr.re -= ci.im;
    }
    if cr_is_complex && i.is_some() {
        ci.re += cr.im;
    }
    Ok(make(cr.re, ci.re))
}

// ---------------------------------------------------------------------------------------
// Methods and attributes

fn m_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("complex.conjugate")?;
    let c = this(v)?;
    Ok(new_complex(c.re, -c.im))
}

fn m_complex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("complex.__complex__")?;
    if v.downcast_exact::<PyComplex>().is_some() {
        return Ok(v.clone());
    }
    let c = this(v)?;
    Ok(new_complex(c.re, c.im))
}

fn m_getnewargs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact_method::<1>("complex.__getnewargs__")?;
    let c = this(v)?;
    Ok(super::tuple::new_tuple(vec![super::float::new_float(c.re), super::float::new_float(c.im)]))
}

fn m_format(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, spec] = args.exact_method::<2>("complex.__format__")?;
    let spec = as_str(spec).ok_or_else(|| {
        type_error(format!("__format__() argument must be str, not {}", spec.ty().name()))
    })?;
    Ok(new_string(complex_format_spec(this(v)?, spec)?))
}

fn get_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::float::new_float(this(v)?.re))
}

fn get_imag(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::float::new_float(this(v)?.im))
}

pub static COMPLEX_METHODS: &[MethodDef] = &[
    MethodDef::method("conjugate", m_conjugate),
    MethodDef::method("__complex__", m_complex),
    MethodDef::method("__getnewargs__", m_getnewargs),
    MethodDef::method("__format__", m_format),
];

pub static COMPLEX_GETSETS: &[GetSetDef] = &[GetSetDef::new("real", get_real), GetSetDef::new("imag", get_imag)];

pub fn init_type() {
    let s = &COMPLEX_TYPE.slots;
    s.repr.set(Some(complex_repr));
    s.hash.set(Some(complex_hash));
    s.richcompare.set(Some(complex_richcompare));
    s.new.set(Some(complex_new));
    s.bool.set(Some(complex_bool));
    s.pow3.set(Some(complex_pow3));
    for op in [BinaryOperator::Add, BinaryOperator::Subtract, BinaryOperator::Multiply, BinaryOperator::TrueDivide, BinaryOperator::Power] {
        s.binop[op as usize].set(Some(complex_binop));
    }
    s.unary[UnaryOp::Neg as usize].set(Some(complex_neg));
    s.unary[UnaryOp::Pos as usize].set(Some(complex_pos));
    s.unary[UnaryOp::Abs as usize].set(Some(complex_abs));
}
