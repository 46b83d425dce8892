//! String formatting: the format-spec mini-language for `int`, `float` and `str`
//! (`format(v, spec)`), `str % args` and `str.format` / `str.format_map`.
//!
//! Mirrors CPython 3.13's `Python/formatter_unicode.c` (spec parsing and number layout),
//! `Objects/unicodeobject.c` (`PyUnicode_Format`, the `%` operator) and
//! `Objects/stringlib/unicode_format.h` (`MarkupIterator`, `FieldNameIterator`,
//! `render_field`).  Error messages are CPython's, character for character.
//!
//! NOTE: there is no locale support: the `n` presentation type behaves as in the C
//! locale (like `d` for ints, like `g` for floats, no grouping).

use num_traits::Signed;

use super::int::{as_int, IntRef};
use super::str::{as_str, new_string};
use crate::runtime::value::Value;
use crate::vm::{
    key_error, memory_error, ops, overflow_error, type_error, value_error, PyErr, PyResult, Vm,
};

// ---------------------------------------------------------------------------------------
// The format-spec mini-language (`parse_internal_render_format_spec`)
// ---------------------------------------------------------------------------------------

/// Thousands separator requested by the spec.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Grouping {
    None,
    Comma,
    Underscore,
}

/// A parsed standard format specifier.
#[derive(Clone, Debug)]
struct Spec {
    fill: char,
    /// `<`, `>`, `^` or `=`; `None` means the type's default.
    align: Option<char>,
    /// `+`, `-` or ` `; `None` when not given.
    sign: Option<char>,
    no_neg_zero: bool,
    alternate: bool,
    width: usize,
    grouping: Grouping,
    precision: Option<usize>,
    /// The presentation type, `None` when omitted.
    ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits at `*pos`; `Ok(None)` when there are none.
fn parse_count(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while *pos < chars.len() {
        let Some(d) = chars[*pos].to_digit(10) else {
            break;
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

fn describe_code(c: char) -> String {
    let n = super::str::code_point(c);
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

fn unknown_code(c: char, type_name: &str) -> PyErr {
    value_error(format!(
        "Unknown format code '{}' for object of type '{}'",
        describe_code(c),
        type_name
    ))
}

/// CPython's `parse_internal_render_format_spec`.
fn parse_spec(
    spec: &str,
    type_name: &str,
    default_type: Option<char>,
    default_align: char,
) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut pos = 0;
    let mut out = Spec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: 0,
        grouping: Grouping::None,
        precision: None,
        ty: default_type,
    };
    let mut fill_specified = false;
    if n >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = Some(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if n >= 1 && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if pos < n && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < n && chars[pos] == 'z' {
        out.no_neg_zero = true;
        pos += 1;
    }
    if pos < n && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if !fill_specified && pos < n && chars[pos] == '0' {
        out.fill = '0';
        if out.align.is_none() && default_align == '>' {
            out.align = Some('=');
        }
        pos += 1;
    }
    out.width = parse_count(&chars, &mut pos)?.unwrap_or(0);
    if pos < n && chars[pos] == ',' {
        out.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < n && chars[pos] == '_' {
        if out.grouping != Grouping::None {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        out.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < n && chars[pos] == ',' {
        if out.grouping == Grouping::Underscore {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        return Err(value_error("Cannot specify ',' with ','."));
    }
    if pos < n && chars[pos] == '.' {
        pos += 1;
        match parse_count(&chars, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    if n - pos > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if pos < n {
        out.ty = Some(chars[pos]);
    }
    if out.grouping != Grouping::None {
        let sep = if out.grouping == Grouping::Comma {
            ','
        } else {
            '_'
        };
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if out.grouping == Grouping::Underscore => {}
            Some(t) => {
                return Err(value_error(format!(
                    "Cannot specify '{sep}' with '{}'.",
                    describe_code(t)
                )));
            }
        }
    }
    Ok(out)
}

/// An empty `String` with room for `n` bytes, or MemoryError when that cannot be had
/// (CPython fails the allocation the same way for absurd widths).
pub(crate) fn string_with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve(n).map_err(|_| memory_error())?;
    Ok(s)
}

/// Pads `body` (of `len` chars) to the spec's width with its fill and alignment.
fn pad(body: &str, len: usize, width: usize, fill: char, align: char) -> PyResult<String> {
    if width <= len {
        return Ok(body.to_string());
    }
    let total = width - len;
    let left = match align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out = string_with_capacity(
        body.len()
            .saturating_add(total.saturating_mul(fill.len_utf8())),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, total - left));
    Ok(out)
}

/// Inserts `sep` every `group` digits from the right, zero-extending the digits so that
/// the result is at least `min_width` chars long (CPython's
/// `_PyUnicode_InsertThousandsGrouping`: the result never starts with a separator).
fn group_digits(digits: &str, min_width: usize, sep: Option<char>, group: usize) -> String {
    // `inf` and `nan` have no digits: zero padding only, without separators.
    let sep = if digits.is_empty() { None } else { sep };
    let Some(sep) = sep else {
        if digits.len() >= min_width {
            return digits.to_string();
        }
        return format!("{}{}", "0".repeat(min_width - digits.len()), digits);
    };
    let src: Vec<char> = digits.chars().collect();
    let mut remaining = src.len() as isize;
    let mut min_w = min_width as isize;
    let mut rev: Vec<char> = Vec::with_capacity(src.len() + src.len() / group + 1);
    let mut first = true;
    loop {
        let l = (group as isize).min(remaining.max(min_w).max(1));
        if !first {
            rev.push(sep);
        }
        first = false;
        let n_chars = remaining.min(l).max(0);
        for k in 0..n_chars {
            rev.push(src[(remaining - 1 - k) as usize]);
        }
        for _ in 0..(l - n_chars) {
            rev.push('0');
        }
        remaining -= n_chars;
        min_w -= l;
        if remaining <= 0 && min_w <= 0 {
            break;
        }
        min_w -= 1;
    }
    rev.iter().rev().collect()
}

/// Lays out a number as CPython's `calc_number_widths` + `fill_number`:
/// `<lpad><sign><prefix><spad><grouped digits><rest><rpad>`.
fn layout_number(
    spec: &Spec,
    negative: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    group: usize,
) -> PyResult<String> {
    // Fail absurd widths before building the zero padding.
    drop(string_with_capacity(
        spec.width.saturating_mul(spec.fill.len_utf8()),
    )?);
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let align = spec.align.unwrap_or('>');
    let sep = match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some(','),
        Grouping::Underscore => Some('_'),
    };
    let fixed = sign.len() + prefix.chars().count() + rest.chars().count();
    let min_width = if spec.fill == '0' && align == '=' {
        spec.width.saturating_sub(fixed)
    } else {
        0
    };
    let grouped = group_digits(digits, min_width, sep, group);
    let len = fixed + grouped.chars().count();
    let padding = spec.width.saturating_sub(len);
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = string_with_capacity(len + padding * spec.fill.len_utf8())?;
    out.extend(std::iter::repeat_n(spec.fill, lpad));
    out.push_str(sign);
    out.push_str(prefix);
    out.extend(std::iter::repeat_n(spec.fill, spad));
    out.push_str(&grouped);
    out.push_str(rest);
    out.extend(std::iter::repeat_n(spec.fill, rpad));
    Ok(out)
}

/// `int.__format__` (CPython's `format_long_internal`).
pub fn format_int(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return ops::str(vm, v);
    }
    let type_name = v.ty().name();
    let parsed = parse_spec(spec, &type_name, Some('d'), '>')?;
    let i =
        as_int(v).ok_or_else(|| type_error("descriptor '__format__' requires a 'int' object"))?;
    match parsed.ty {
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {
            Ok(new_string(format_int_spec(vm, &i, &parsed)?))
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = super::int::int_to_f64(&i)?;
            Ok(new_string(format_f64_spec(f, &parsed)?))
        }
        Some(t) => Err(unknown_code(t, &type_name)),
    }
}

fn format_int_spec(vm: &mut Vm, i: &IntRef, spec: &Spec) -> PyResult<String> {
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let n = i
            .to_i64()
            .ok_or_else(|| overflow_error("Python int too large to convert to C long"))?;
        let c = Some(n)
            .filter(|n| (0..0x110000).contains(n))
            .and_then(|n| super::str::char_from_code_point(n as u32))
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)"))?;
        let s = c.to_string();
        // `=` pads between the (absent) sign and the char: on the left.
        let align = match spec.align {
            Some('=') | None => '>',
            Some(a) => a,
        };
        return pad(&s, 1, spec.width, spec.fill, align);
    }
    let negative = i.is_negative();
    let (digits, prefix, group) = match ty {
        'b' => (radix_digits(i, 2), "0b", 4),
        'o' => (radix_digits(i, 8), "0o", 4),
        'x' => (radix_digits(i, 16), "0x", 4),
        'X' => (radix_digits(i, 16).to_ascii_uppercase(), "0X", 4),
        _ => {
            let s = super::int::int_to_decimal(vm, i)?;
            (s.trim_start_matches('-').to_string(), "", 3)
        }
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let mut spec = spec.clone();
    if ty == 'n' {
        spec.grouping = Grouping::None;
    }
    layout_number(&spec, negative, prefix, &digits, "", group)
}

/// Magnitude of an int in base 2, 8 or 16, lower case.
fn radix_digits(i: &IntRef, radix: u32) -> String {
    match i {
        IntRef::Small(n) => {
            let m = n.unsigned_abs();
            match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                _ => format!("{m:x}"),
            }
        }
        IntRef::Big(b) => b.abs().to_str_radix(radix),
    }
}

/// `float.__format__` (CPython's `format_float_internal`).
pub fn format_float(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return ops::str(vm, v);
    }
    let type_name = v.ty().name();
    let parsed = parse_spec(spec, &type_name, None, '>')?;
    match parsed.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, &type_name)),
    }
    let f = ops::float_value(vm, v)?;
    Ok(new_string(format_f64_spec(f, &parsed)?))
}

/// How `float_to_string` lays out a double (the modes of `PyOS_double_to_string`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum FloatMode {
    /// `repr()`: shortest round-tripping digits.
    Repr,
    Fixed,
    Exponent,
    General,
}

/// Formats `|f|` (sign not included) like `PyOS_double_to_string`.
/// `add_dot_0` is `Py_DTSF_ADD_DOT_0`, `alt` is `Py_DTSF_ALT`.
fn float_to_string(
    f: f64,
    mode: FloatMode,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) -> String {
    let x = f.abs();
    let s = if x.is_nan() {
        "nan".to_string()
    } else if x.is_infinite() {
        "inf".to_string()
    } else {
        match mode {
            FloatMode::Repr => {
                let mut s = super::float::float_repr(x);
                if alt && !s.contains('.') {
                    // `1e+20` becomes `1.e+20`.
                    match s.find('e') {
                        Some(e) => s.insert(e, '.'),
                        None => s.push('.'),
                    }
                }
                s
            }
            FloatMode::Fixed => {
                let mut s = fixed_digits(x, precision);
                if alt && precision == 0 {
                    s.push('.');
                }
                s
            }
            FloatMode::Exponent => {
                let (mant, exp) = exp_parts(x, precision);
                let mut mant = mant;
                if alt && precision == 0 {
                    mant.push('.');
                }
                format!("{mant}e{}", exp_suffix(exp))
            }
            FloatMode::General => {
                let p = precision.max(1);
                let (mant, exp) = exp_parts(x, p - 1);
                let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
                let mut s = if exp < -4 || exp >= limit {
                    let mut m = mant;
                    if !alt {
                        strip_fraction_zeros(&mut m);
                    } else if !m.contains('.') {
                        m.push('.');
                    }
                    format!("{m}e{}", exp_suffix(exp))
                } else {
                    let decimals = (p as i32 - 1 - exp).max(0) as usize;
                    let mut m = fixed_digits(x, decimals);
                    if !alt {
                        strip_fraction_zeros(&mut m);
                    } else if !m.contains('.') {
                        m.push('.');
                    }
                    m
                };
                if add_dot_0 && !s.contains('.') && !s.contains('e') {
                    s.push_str(".0");
                }
                s
            }
        }
    };
    if upper {
        s.to_ascii_uppercase()
    } else {
        s
    }
}

/// Mantissa (with `decimals` digits after the point) and decimal exponent of `x >= 0`.
/// `x` with `decimals` digits after the point, exactly rounded (half even).  Rust's
/// formatter takes precisions up to 65535 only; a double has at most 1074 fractional
/// digits, so longer precisions are padded with zeros.
pub fn fixed_digits(x: f64, decimals: usize) -> String {
    const EXACT: usize = 1100;
    let mut s = format!("{x:.*}", decimals.min(EXACT));
    if decimals > EXACT {
        s.extend(std::iter::repeat_n('0', decimals - EXACT));
    }
    s
}

/// `x` in Rust's `{:e}` form with `decimals` mantissa digits after the point (padded
/// with zeros past the at most 767 significant digits of a double).
pub fn sci_digits(x: f64, decimals: usize) -> String {
    const EXACT: usize = 800;
    let s = format!("{x:.*e}", decimals.min(EXACT));
    if decimals <= EXACT {
        return s;
    }
    match s.split_once('e') {
        Some((m, e)) => format!("{m}{}e{e}", "0".repeat(decimals - EXACT)),
        None => s,
    }
}

fn exp_parts(x: f64, decimals: usize) -> (String, i32) {
    let s = sci_digits(x, decimals);
    match s.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse().unwrap_or(0)),
        None => (s, 0),
    }
}

fn exp_suffix(exp: i32) -> String {
    format!("{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

fn strip_fraction_zeros(s: &mut String) {
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
}

/// Whether a formatted number shows only zero digits (for `z` and `Py_DTSF_NO_NEG_0`).
fn all_zero_digits(s: &str) -> bool {
    let mant = s.split(['e', 'E']).next().unwrap_or("");
    mant.chars().all(|c| !c.is_ascii_digit() || c == '0')
}

/// Splits a formatted magnitude into its leading digits and the rest (CPython's
/// `parse_number`).
fn split_number(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

fn format_f64_spec(f: f64, spec: &Spec) -> PyResult<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    let mut ty = spec.ty;
    let mut precision = spec.precision;
    let mut add_dot_0 = false;
    let mut value = f;
    let mut percent = false;
    let mode = match ty {
        None => {
            add_dot_0 = true;
            if precision.is_some() {
                FloatMode::General
            } else {
                FloatMode::Repr
            }
        }
        Some('e' | 'E') => FloatMode::Exponent,
        Some('f' | 'F') => FloatMode::Fixed,
        Some('%') => {
            value *= 100.0;
            percent = true;
            ty = Some('f');
            FloatMode::Fixed
        }
        _ => FloatMode::General,
    };
    if mode != FloatMode::Repr && precision.is_none() {
        precision = Some(6);
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut body = float_to_string(
        value,
        mode,
        precision.unwrap_or(0),
        spec.alternate,
        add_dot_0,
        upper,
    );
    if percent {
        body.push('%');
    }
    let mut negative = value.is_sign_negative() && !value.is_nan();
    if negative && spec.no_neg_zero && value.is_finite() && all_zero_digits(&body) {
        negative = false;
    }
    let (digits, rest) = split_number(&body);
    let mut spec = spec.clone();
    if ty == Some('n') {
        spec.grouping = Grouping::None;
    }
    layout_number(&spec, negative, "", digits, rest, 3)
}

/// `str.__format__` (CPython's `format_string_internal`).
pub fn format_str(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return ops::str(vm, v);
    }
    let s =
        as_str(v).ok_or_else(|| type_error("descriptor '__format__' requires a 'str' object"))?;
    Ok(new_string(format_str_spec(s, spec, &v.ty().name())?))
}

fn format_str_spec(s: &str, spec: &str, type_name: &str) -> PyResult<String> {
    let parsed = parse_spec(spec, type_name, Some('s'), '<')?;
    if let Some(t) = parsed.ty {
        if t != 's' {
            return Err(unknown_code(t, type_name));
        }
    }
    match parsed.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if parsed.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if parsed.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if parsed.align == Some('=') {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let mut len = s.chars().count();
    let mut body = s;
    if let Some(p) = parsed.precision {
        if p < len {
            let end = s.char_indices().nth(p).map(|(b, _)| b).unwrap_or(s.len());
            body = &s[..end];
            len = p;
        }
    }
    pad(
        body,
        len,
        parsed.width,
        parsed.fill,
        parsed.align.unwrap_or('<'),
    )
}

// ---------------------------------------------------------------------------------------
// `str % args` (`PyUnicode_Format`)
// ---------------------------------------------------------------------------------------

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// The arguments of a `%` operation, as CPython's `unicode_formatter_t`: a tuple
/// (`arglen` = its length), or one object (`arglen == -1`, available while
/// `argidx == -2`).  A `%(key)` lookup makes the looked-up value the single argument.
struct PercentArgs {
    items: Vec<Value>,
    single: Option<Value>,
    arglen: i64,
    argidx: i64,
}

impl PercentArgs {
    /// CPython's `unicode_format_getnextarg`.
    fn next(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self
                    .single
                    .clone()
                    .unwrap_or_else(crate::objects::singletons::none));
            }
            return Ok(self.items[(self.argidx - 1) as usize].clone());
        }
        Err(type_error("not enough arguments for format string"))
    }
    fn set_single(&mut self, v: Value) {
        self.single = Some(v);
        self.arglen = -1;
        self.argidx = -2;
    }
}

/// `str % args`.
pub fn percent_format_str(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let fmt_s = as_str(fmt).unwrap_or("").to_string();
    let is_tuple = args.downcast::<super::tuple::PyTuple>().is_some();
    let tuple_items: Vec<Value> = if is_tuple {
        super::tuple::as_tuple(args).unwrap_or(&[]).to_vec()
    } else {
        Vec::new()
    };
    let mapping = if !is_tuple && as_str(args).is_none() && args.ty().slots.getitem.get().is_some()
    {
        Some(args.clone())
    } else {
        None
    };
    let mut pargs = if is_tuple {
        let arglen = tuple_items.len() as i64;
        PercentArgs {
            items: tuple_items,
            single: None,
            arglen,
            argidx: 0,
        }
    } else {
        PercentArgs {
            items: Vec::new(),
            single: Some(args.clone()),
            arglen: -1,
            argidx: -2,
        }
    };
    if fmt_s == "%s" {
        // The writer hands back `str(arg)` itself (a str subclass shows through).
        let arg = pargs.next()?;
        if pargs.argidx < pargs.arglen && mapping.is_none() {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        return ops::str(vm, &arg);
    }
    let chars: Vec<char> = fmt_s.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(fmt_s.len() + 16);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= n {
            return Err(value_error("incomplete format"));
        }
        if chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        if chars[i] == '(' {
            let Some(map) = &mapping else {
                return Err(type_error("format requires a mapping"));
            };
            i += 1;
            let start = i;
            let mut depth = 1;
            while i < n {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            let key: String = chars[start..i].iter().collect();
            i += 1;
            let value = ops::getitem(vm, map, &new_string(key))?;
            pargs.set_single(value);
        }
        // Flags.
        let mut flags = 0u8;
        while i < n {
            match chars[i] {
                '-' => flags |= F_LJUST,
                '+' => flags |= F_SIGN,
                ' ' => flags |= F_BLANK,
                '#' => flags |= F_ALT,
                '0' => flags |= F_ZERO,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: usize = 0;
        if i < n && chars[i] == '*' {
            let w = pargs.next()?;
            let w = star_arg(vm, &w, false)?;
            if w < 0 {
                flags |= F_LJUST;
            }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && chars[i].is_ascii_digit() {
                width = width
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                    .filter(|w| *w <= isize::MAX as usize)
                    .ok_or_else(|| value_error("width too big"))?;
                i += 1;
            }
        }
        // Precision.
        let mut prec: Option<usize> = None;
        if i < n && chars[i] == '.' {
            i += 1;
            if i < n && chars[i] == '*' {
                let p = pargs.next()?;
                let p = star_arg(vm, &p, true)?;
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && chars[i].is_ascii_digit() {
                    p = p
                        .checked_mul(10)
                        .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                        .filter(|w| *w <= i32::MAX as usize)
                        .ok_or_else(|| value_error("precision too big"))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        if i >= n {
            return Err(value_error("incomplete format"));
        }
        let conv = chars[i];
        let conv_index = i;
        i += 1;
        let arg = pargs.next()?;
        let piece = percent_one(vm, conv, conv_index, &arg, flags, width, prec)?;
        out.push_str(&piece);
    }
    if pargs.argidx < pargs.arglen && mapping.is_none() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(new_string(out))
}

/// A `*` width (`c_int == false`, a `Py_ssize_t`) or precision (a C `int`).
fn star_arg(vm: &mut Vm, v: &Value, c_int: bool) -> PyResult<i64> {
    if !super::int::is_int(v) {
        return Err(type_error("* wants int"));
    }
    let _ = vm;
    let n = as_int(v).and_then(|i| i.to_i64());
    match n {
        Some(n) if c_int && i32::try_from(n).is_ok() => Ok(n),
        Some(_) | None if c_int => Err(overflow_error("Python int too large to convert to C int")),
        Some(n) => Ok(n),
        None => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// Formats one `%` conversion and pads it to `width`.
fn percent_one(
    vm: &mut Vm,
    conv: char,
    conv_index: usize,
    arg: &Value,
    flags: u8,
    width: usize,
    prec: Option<usize>,
) -> PyResult<String> {
    // `sign` (already in `body` for numbers) and whether zero padding may apply.
    let (body, numeric) = match conv {
        's' | 'r' | 'a' => {
            let v = match conv {
                's' => ops::str(vm, arg)?,
                'r' => ops::repr(vm, arg)?,
                _ => ops::ascii(vm, arg)?,
            };
            let s = as_str(&v).unwrap_or("");
            let s = match prec {
                Some(p) => match s.char_indices().nth(p) {
                    Some((b, _)) => &s[..b],
                    None => s,
                },
                None => s,
            };
            (s.to_string(), false)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (percent_int(vm, conv, arg, flags, prec)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = ops::float_value(vm, arg)?;
            let mode = match conv {
                'e' | 'E' => FloatMode::Exponent,
                'f' | 'F' => FloatMode::Fixed,
                _ => FloatMode::General,
            };
            let p = prec.unwrap_or(6);
            let s = float_to_string(
                f,
                mode,
                p,
                flags & F_ALT != 0,
                false,
                matches!(conv, 'E' | 'F' | 'G'),
            );
            (
                with_sign(f.is_sign_negative() && !f.is_nan(), flags, s),
                true,
            )
        }
        'c' => (percent_char(vm, arg)?.to_string(), false),
        c => {
            let code = super::str::code_point(c);
            let shown = if (31..=126).contains(&code) { c } else { '?' };
            return Err(value_error(format!(
                "unsupported format character '{shown}' (0x{code:x}) at index {conv_index}"
            )));
        }
    };
    let len = body.chars().count();
    if width <= len {
        return Ok(body);
    }
    let padding = width - len;
    let mut out = string_with_capacity(body.len().saturating_add(padding))?;
    if flags & F_LJUST != 0 {
        out.push_str(&body);
        out.extend(std::iter::repeat_n(' ', padding));
        return Ok(out);
    }
    if numeric && flags & F_ZERO != 0 {
        // Zeros go after the sign and the `0x` prefix.
        let mut split = 0;
        let b = body.as_bytes();
        if !b.is_empty() && matches!(b[0], b'+' | b'-' | b' ') {
            split = 1;
        }
        if b.len() >= split + 2 && b[split] == b'0' && matches!(b[split + 1], b'x' | b'X' | b'o') {
            split += 2;
        }
        out.push_str(&body[..split]);
        out.extend(std::iter::repeat_n('0', padding));
        out.push_str(&body[split..]);
        return Ok(out);
    }
    out.extend(std::iter::repeat_n(' ', padding));
    out.push_str(&body);
    Ok(out)
}

fn with_sign(negative: bool, flags: u8, digits: String) -> String {
    if negative {
        format!("-{digits}")
    } else if flags & F_SIGN != 0 {
        format!("+{digits}")
    } else if flags & F_BLANK != 0 {
        format!(" {digits}")
    } else {
        digits
    }
}

/// Whether `v` supports a numeric protocol (`PyNumber_Check`).
fn is_number(v: &Value) -> bool {
    let s = &v.ty().slots;
    super::int::is_int(v)
        || super::float::as_f64(v).is_some()
        || s.index.get().is_some()
        || s.int.get().is_some()
        || s.float.get().is_some()
}

/// `%d %i %u %o %x %X` (CPython's `mainformatlong` + `_PyUnicode_FormatLong`).
fn percent_int(
    vm: &mut Vm,
    conv: char,
    arg: &Value,
    flags: u8,
    prec: Option<usize>,
) -> PyResult<String> {
    let wrong_type = |arg: &Value| {
        let what = if matches!(conv, 'o' | 'x' | 'X') {
            "an integer"
        } else {
            "a real number"
        };
        type_error(format!(
            "%{conv} format: {what} is required, not {}",
            arg.ty().name()
        ))
    };
    if !is_number(arg) {
        return Err(wrong_type(arg));
    }
    let int_value = if super::int::is_int(arg) {
        arg.clone()
    } else {
        let r = if matches!(conv, 'o' | 'x' | 'X') {
            ops::index(vm, arg)
        } else {
            super::int::convert_to_int(vm, arg)
        };
        match r {
            Ok(v) => v,
            Err(e) if e.matches(&super::exceptions::TYPE_ERROR) => return Err(wrong_type(arg)),
            Err(e) => return Err(e),
        }
    };
    let i = as_int(&int_value).ok_or_else(|| wrong_type(arg))?;
    let mut digits = match conv {
        'o' => radix_digits(&i, 8),
        'x' => radix_digits(&i, 16),
        'X' => radix_digits(&i, 16).to_ascii_uppercase(),
        _ => super::int::int_to_decimal(vm, &i)?
            .trim_start_matches('-')
            .to_string(),
    };
    if let Some(p) = prec {
        if digits.len() < p {
            let mut padded = string_with_capacity(p)?;
            padded.extend(std::iter::repeat_n('0', p - digits.len()));
            padded.push_str(&digits);
            digits = padded;
        }
    }
    if flags & F_ALT != 0 {
        match conv {
            'o' => digits.insert_str(0, "0o"),
            'x' => digits.insert_str(0, "0x"),
            'X' => digits.insert_str(0, "0X"),
            _ => {}
        }
    }
    Ok(with_sign(i.is_negative(), flags, digits))
}

/// `%c`: an int code point or a one-character str.
fn percent_char(vm: &mut Vm, arg: &Value) -> PyResult<char> {
    if let Some(s) = as_str(arg) {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(type_error("%c requires int or char"));
    }
    if super::int::is_int(arg) || arg.ty().slots.index.get().is_some() {
        let v = ops::index(vm, arg)?;
        return as_int(&v)
            .and_then(|i| i.to_i64())
            .filter(|n| (0..0x110000).contains(n))
            .and_then(|n| super::str::char_from_code_point(n as u32))
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)"));
    }
    Err(type_error("%c requires int or char"))
}

// ---------------------------------------------------------------------------------------
// `str.format` / `str.format_map` (`Objects/stringlib/unicode_format.h`)
// ---------------------------------------------------------------------------------------

/// Where `str.format` looks up its fields.
pub struct FormatArgs<'a> {
    /// Positional arguments; `None` for `format_map` (positional fields are an error).
    pub args: Option<&'a [Value]>,
    /// The keyword mapping (`**kwargs` of `format`, the mapping of `format_map`).
    pub kwargs: Option<Value>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

struct FormatState<'a> {
    fa: &'a FormatArgs<'a>,
    auto: AutoNumber,
    next_index: usize,
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, fmt: &str, fa: &FormatArgs) -> PyResult<String> {
    let r = str_format_value(vm, fmt, fa)?;
    Ok(as_str(&r).unwrap_or("").to_string())
}

/// `str.format` as a value.  NOTE: a format string that is one replacement field
/// returns the formatted object itself, as CPython's `_PyUnicodeWriter` does (so a
/// `__format__` returning a str subclass shows through).
pub fn str_format_value(vm: &mut Vm, fmt: &str, fa: &FormatArgs) -> PyResult<Value> {
    let mut state = FormatState {
        fa,
        auto: AutoNumber::Init,
        next_index: 0,
    };
    let chars: Vec<char> = fmt.chars().collect();
    if chars.len() >= 2 && chars[0] == '{' && chars[1] != '{' {
        let mut pos = 1;
        if let Ok(field) = parse_field(&chars, &mut pos) {
            if pos == chars.len() {
                return field_value(vm, &field, &mut state, 2);
            }
        }
    }
    let mut out = String::with_capacity(fmt.len() + 16);
    render(vm, &chars, &mut state, 2, &mut out)?;
    Ok(new_string(out))
}

/// One replacement field of a format string.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

/// CPython's `build_string` / `output_markup`: renders `chars` into `out`.
fn render(
    vm: &mut Vm,
    chars: &[char],
    state: &mut FormatState,
    depth: i32,
    out: &mut String,
) -> PyResult<()> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        i += 1;
        match c {
            '{' => {
                if i < n && chars[i] == '{' {
                    out.push('{');
                    i += 1;
                    continue;
                }
                if i >= n {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                let field = parse_field(chars, &mut i)?;
                render_field(vm, &field, state, depth, out)?;
            }
            '}' => {
                if i < n && chars[i] == '}' {
                    out.push('}');
                    i += 1;
                    continue;
                }
                return Err(value_error("Single '}' encountered in format string"));
            }
            c => out.push(c),
        }
    }
    Ok(())
}

/// Parses a field starting just after its `{`, leaving `*pos` after its `}`.
fn parse_field(chars: &[char], pos: &mut usize) -> PyResult<Field> {
    let n = chars.len();
    let start = *pos;
    let mut delim = None;
    while *pos < n {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < n && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                delim = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(mut delim) = delim else {
        return Err(value_error("expected '}' before end of string"));
    };
    let name: String = chars[start..*pos - 1].iter().collect();
    let mut conversion = None;
    if delim == '!' {
        if *pos >= n {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        }
        conversion = Some(chars[*pos]);
        *pos += 1;
        if *pos >= n {
            return Err(value_error("unmatched '{' in format spec"));
        }
        delim = chars[*pos];
        *pos += 1;
        if delim != ':' && delim != '}' {
            return Err(value_error("expected ':' after conversion specifier"));
        }
    }
    let mut spec = Vec::new();
    let mut spec_needs_expanding = false;
    if delim == ':' {
        let spec_start = *pos;
        let mut count = 1;
        loop {
            if *pos >= n {
                return Err(value_error("unmatched '{' in format spec"));
            }
            let c = chars[*pos];
            *pos += 1;
            if c == '{' {
                count += 1;
                spec_needs_expanding = true;
            } else if c == '}' {
                count -= 1;
                if count == 0 {
                    spec = chars[spec_start..*pos - 1].to_vec();
                    break;
                }
            }
        }
    }
    Ok(Field {
        name,
        conversion,
        spec,
        spec_needs_expanding,
    })
}

/// Parses an all-digits field name part as an index (`get_integer`); `None` if not one.
fn field_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(c as usize - '0' as usize))
            .filter(|a| *a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// CPython's `get_field_object`: the object a field name designates.
fn get_field_object(vm: &mut Vm, name: &str, state: &mut FormatState) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() || field_index(first)?.is_some() {
        let index = if first.is_empty() {
            if state.auto == AutoNumber::Manual {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            state.auto = AutoNumber::Auto;
            let i = state.next_index;
            state.next_index += 1;
            i
        } else {
            if state.auto == AutoNumber::Auto {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            state.auto = AutoNumber::Manual;
            field_index(first)?.unwrap_or(0)
        };
        let Some(args) = state.fa.args else {
            return Err(value_error("Format string contains positional fields"));
        };
        match args.get(index) {
            Some(v) => v.clone(),
            None => {
                return Err(crate::vm::index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                )))
            }
        }
    } else {
        let key = new_string(first.to_string());
        match &state.fa.kwargs {
            Some(m) => ops::getitem(vm, m, &key)?,
            None => return Err(key_error(key)),
        }
    };
    // The rest: `.attr` and `[key]` accessors (`FieldNameIterator_next`).
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        i += 1;
        match c {
            '.' => {
                let start = i;
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                if i == start {
                    return Err(value_error("Empty attribute in format string"));
                }
                let attr: String = rest[start..i].iter().collect();
                obj = ops::getattr(vm, &obj, &new_string(attr))?;
            }
            '[' => {
                let start = i;
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                if i == start {
                    return Err(value_error("Empty attribute in format string"));
                }
                let key: String = rest[start..i].iter().collect();
                i += 1;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
                let key_value = match field_index(&key)? {
                    Some(k) => super::int::new_int(k as i64),
                    None => new_string(key),
                };
                obj = ops::getitem(vm, &obj, &key_value)?;
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok(obj)
}

fn render_field(
    vm: &mut Vm,
    field: &Field,
    state: &mut FormatState,
    depth: i32,
    out: &mut String,
) -> PyResult<()> {
    let r = field_value(vm, field, state, depth)?;
    out.push_str(as_str(&r).unwrap_or(""));
    Ok(())
}

/// The formatted value of one field (CPython's `render_field`).
fn field_value(vm: &mut Vm, field: &Field, state: &mut FormatState, depth: i32) -> PyResult<Value> {
    let obj = get_field_object(vm, &field.name, state)?;
    let obj = match field.conversion {
        None => obj,
        Some('r') => ops::repr(vm, &obj)?,
        Some('s') => ops::str(vm, &obj)?,
        Some('a') => ops::ascii(vm, &obj)?,
        Some(c) => {
            let n = super::str::code_point(c);
            return Err(value_error(if n > 32 && n < 127 {
                format!("Unknown conversion specifier {c}")
            } else {
                format!("Unknown conversion specifier \\x{n:x}")
            }));
        }
    };
    let spec = if field.spec_needs_expanding {
        let mut s = String::new();
        render(vm, &field.spec, state, depth - 1, &mut s)?;
        s
    } else {
        field.spec.iter().collect()
    };
    ops::format(vm, &obj, &new_string(spec))
}

/// `format(value, spec)` for a str spec given as `&str` (a convenience for callers).
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let r = ops::format(vm, v, &new_string(spec.to_string()))?;
    Ok(as_str(&r).unwrap_or("").to_string())
}
