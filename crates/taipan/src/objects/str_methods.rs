//! `str` methods: the `unicode_methods[]` table of CPython 3.13's
//! `Objects/unicodeobject.c` (slots live in `str.rs`), `str.__new__`, and the codecs that
//! `str.encode` / `str(bytes, encoding)` need (`utf-8`, `ascii`, `latin-1`, `cp1252`,
//! `utf-16`, `utf-32`, with CPython's error handlers).
//!
//! Indices in the API are code-point indices; `PyStr` stores UTF-8, so searches run on
//! bytes and convert offsets back to char counts.
//!
//! Character properties and case mappings come from `unicodectype.rs` (CPython's
//! Unicode 15.1 tables), never from Rust's `char` methods, whose Unicode version differs.

use std::collections::HashMap;

use super::dict::PyDict;
use super::exceptions;
use super::format::{self, FormatArgs};
use super::int::{as_int, new_int};
use super::list::PyList;
use super::singletons::{bool_value, is_none, none};
use super::str::{as_pystr, as_str, empty_str, new_str, new_string, PyStr, STR_TYPE};
use super::tuple::{as_tuple, new_tuple};
use super::typeobject::MethodDef;
use crate::runtime::unicode;
use crate::runtime::value::Value;
use crate::vm::args::{opt, po};
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// The `PyStr` of `self`.
fn this<'a>(v: &'a Value, name: &str) -> PyResult<&'a PyStr> {
    as_pystr(v).ok_or_else(|| {
        type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            v.ty().name()
        ))
    })
}

/// The bound `self` (first positional argument).
fn self_of<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.positional()
        .first()
        .ok_or_else(|| type_error(format!("unbound method str.{name}() needs an argument")))
}

/// `self` plus the positional arguments, checking their count (CPython's
/// `_PyArg_CheckPositional` messages, named like Argument Clinic names them).
fn positional<'a>(
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<(&'a Value, &'a [Value])> {
    let sv = self_of(args, fname)?;
    let rest = args.shift();
    if min == 1 && max == 1 {
        return Ok((sv, one_arg(&rest, fname)?));
    }
    let pos = rest.check(fname, min, max)?;
    Ok((sv, pos))
}

/// Exactly one positional argument (`METH_O`): "str.f() takes exactly one argument".
fn one_arg<'a>(rest: &Args<'a>, fname: &str) -> PyResult<&'a [Value]> {
    rest.no_kwargs(&format!("str.{fname}"))?;
    let pos = rest.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "str.{fname}() takes exactly one argument ({} given)",
            pos.len()
        )));
    }
    Ok(pos)
}

/// A method without arguments: `self` only.
fn no_args<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    let sv = self_of(args, name)?;
    let rest = args.shift();
    rest.no_kwargs(&format!("str.{name}"))?;
    let n = rest.positional().len();
    if n != 0 {
        return Err(type_error(format!(
            "str.{name}() takes no arguments ({n} given)"
        )));
    }
    this(sv, name)
}

/// How Argument Clinic names an argument's type in errors: `None` for None.
fn type_desc(v: &Value) -> String {
    if is_none(v) {
        "None".to_string()
    } else {
        v.ty().name()
    }
}

/// Argument Clinic's count check for methods that also take keywords:
/// "f() takes at most N arguments (M given)", keywords included.
fn check_max_args(rest: &Args, fname: &str, max: usize) -> PyResult<()> {
    let given = rest.values.len();
    if given > max {
        return Err(type_error(format!(
            "{fname}() takes at most {max} argument{} ({given} given)",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// An `str` argument, or CPython's "`f`() argument `n` must be str, not T".
fn str_arg<'a>(v: &'a Value, fname: &str, n: usize) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| {
        type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            type_desc(v)
        ))
    })
}

/// `self` unchanged when it is an exact `str`, else a new exact `str` with `s`.
fn same_or_new(this_value: &Value, s: &str) -> Value {
    if this_value.downcast_exact::<PyStr>().is_some() {
        return this_value.clone();
    }
    new_str(s)
}

/// An exact-`str` copy of `self`.
fn exact_copy(this_value: &Value) -> Value {
    same_or_new(this_value, as_str(this_value).unwrap_or(""))
}

/// A `__index__` integer argument that must fit a `Py_ssize_t`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !super::int::is_int(v) && v.ty().slots.index.get().is_none() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name()
        )));
    }
    let i = ops::index(vm, v)?;
    as_int(&i)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// A slice index argument (`_PyEval_SliceIndex`): None, or anything with `__index__`.
fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if is_none(v) => Ok(None),
        Some(v) => match ops::index_opt(vm, v)? {
            Some(i) => Ok(Some(i)),
            None => Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
    }
}

/// CPython's `ADJUST_INDICES`: `start` may end up beyond `len` (callers check).
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (start as usize, end as usize)
}

fn new_list_of_strs<'a>(parts: impl IntoIterator<Item = &'a str>) -> Value {
    PyList::new_value(parts.into_iter().map(new_str).collect())
}

/// Parses `(sub, start=None, end=None)` of the search methods.
fn search_args<'a>(
    vm: &mut Vm,
    args: &Args<'a>,
    fname: &str,
) -> PyResult<(&'a PyStr, &'a Value, usize, usize)> {
    let (s, pos) = positional(args, fname, 1, 3)?;
    let s = this(s, fname)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let (a, b) = adjust_indices(start, end, s.char_len());
    Ok((s, &pos[0], a, b))
}

/// Finds `sub` in chars `a..b` of `s`; the char index of the first (or last) match.
fn find_in(s: &PyStr, sub: &str, a: usize, b: usize, reverse: bool) -> Option<usize> {
    if a > s.char_len() || a > b {
        return None;
    }
    let ba = s.byte_offset(a);
    let bb = s.byte_offset(b);
    let hay = &s.as_str()[ba..bb];
    let found = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    found.map(|off| {
        if s.is_ascii() {
            a + off
        } else {
            a + hay[..off].chars().count()
        }
    })
}

// ---------------------------------------------------------------------------------------
// Unicode character properties (`unicodectype.rs`)
// ---------------------------------------------------------------------------------------

use super::unicodectype::{
    char_is_alnum as is_alnum, char_is_alpha as is_alpha, char_is_cased as is_cased,
    char_is_decimal as is_decimal, char_is_digit as is_digit, char_is_linebreak as is_linebreak,
    char_is_lower, char_is_numeric as is_numeric, char_is_title, char_is_upper,
    char_is_xid_continue, char_is_xid_start, push_mapping, Case,
};

/// The value of a decimal digit (general category Nd), as `unicodedata.decimal`.
pub fn decimal_value(c: char) -> Option<u32> {
    super::unicodectype::char_to_decimal(c)
}

// ---------------------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------------------

/// CPython's `handle_capital_sigma`: whether the `Σ` at `chars[i]` is in the Final_Sigma
/// context (`\p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})`).
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let ignorable = super::unicodectype::char_is_case_ignorable;
    let before = chars[..i].iter().rev().find(|&&c| !ignorable(c));
    if !before.is_some_and(|&c| is_cased(c)) {
        return false;
    }
    let after = chars[i + 1..].iter().find(|&&c| !ignorable(c));
    !after.is_some_and(|&c| is_cased(c))
}

/// CPython's `lower_ucs4`: the full lowercase of `chars[i]`, final sigma included.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(if is_final_sigma(chars, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        push_mapping(out, c, Case::Lower);
    }
}

fn str_lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "lower")?.as_str();
    if s.is_ascii() {
        return Ok(new_string(s.to_ascii_lowercase()));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower(&mut out, &chars, i);
    }
    Ok(new_string(out))
}

/// `upper()` and `casefold()`: one full mapping per char.
fn map_chars(s: &str, case: Case) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_mapping(&mut out, c, case);
    }
    out
}

fn str_upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "upper")?.as_str();
    if s.is_ascii() {
        return Ok(new_string(s.to_ascii_uppercase()));
    }
    Ok(new_string(map_chars(s, Case::Upper)))
}

fn str_casefold(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "casefold")?.as_str();
    if s.is_ascii() {
        return Ok(new_string(s.to_ascii_lowercase()));
    }
    Ok(new_string(map_chars(s, Case::Fold)))
}

fn str_swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "swapcase")?.as_str();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if char_is_upper(c) {
            push_lower(&mut out, &chars, i);
        } else if char_is_lower(c) {
            push_mapping(&mut out, c, Case::Upper);
        } else {
            out.push(c);
        }
    }
    Ok(new_string(out))
}

fn str_title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "title")?.as_str();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_mapping(&mut out, c, Case::Title);
        }
        prev_cased = is_cased(c);
    }
    Ok(new_string(out))
}

fn str_capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "capitalize")?.as_str();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_mapping(&mut out, c, Case::Title);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    Ok(new_string(out))
}

// ---------------------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------------------

/// `all(pred(c) for c in s)` and non-empty.
fn all_chars(args: &Args, name: &str, pred: fn(char) -> bool) -> PyResult<Value> {
    let s = no_args(args, name)?.as_str();
    Ok(bool_value(!s.is_empty() && s.chars().all(pred)))
}

fn str_isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isalnum", is_alnum)
}
fn str_isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isalpha", is_alpha)
}
fn str_isdecimal(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isdecimal", is_decimal)
}
fn str_isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isdigit", is_digit)
}
fn str_isnumeric(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isnumeric", is_numeric)
}
fn str_isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isspace", unicode::is_space)
}

fn str_isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "isascii")?;
    Ok(bool_value(s.is_ascii()))
}

fn str_isprintable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "isprintable")?.as_str();
    Ok(bool_value(s.chars().all(super::str::is_printable)))
}

fn str_isidentifier(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "isidentifier")?.as_str();
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(first) => {
            (char_is_xid_start(first) || first == '_') && chars.all(char_is_xid_continue)
        }
        None => false,
    };
    Ok(bool_value(ok))
}

fn str_islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "islower")?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if char_is_upper(c) || char_is_title(c) {
            return Ok(bool_value(false));
        }
        if char_is_lower(c) {
            cased = true;
        }
    }
    Ok(bool_value(cased))
}

fn str_isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "isupper")?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if char_is_lower(c) || char_is_title(c) {
            return Ok(bool_value(false));
        }
        if char_is_upper(c) {
            cased = true;
        }
    }
    Ok(bool_value(cased))
}

fn str_istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "istitle")?.as_str();
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if char_is_upper(c) || char_is_title(c) {
            if prev_cased {
                return Ok(bool_value(false));
            }
            prev_cased = true;
            cased = true;
        } else if char_is_lower(c) {
            if !prev_cased {
                return Ok(bool_value(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(bool_value(cased))
}

// ---------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------

fn str_find_impl(
    vm: &mut Vm,
    args: Args,
    fname: &str,
    reverse: bool,
    raise: bool,
) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, fname)?;
    let sub = str_arg(sub, fname, 1)?;
    match find_in(s, sub, a, b, reverse) {
        Some(i) => Ok(new_int(i as i64)),
        None if raise => Err(value_error("substring not found")),
        None => Ok(new_int(-1)),
    }
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_find_impl(vm, args, "find", false, false)
}
fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_find_impl(vm, args, "rfind", true, false)
}
fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_find_impl(vm, args, "index", false, true)
}
fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    str_find_impl(vm, args, "rindex", true, true)
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, a, b) = search_args(vm, &args, "count")?;
    let sub = str_arg(sub, "count", 1)?;
    if a > s.char_len() || a > b {
        return Ok(new_int(0));
    }
    if sub.is_empty() {
        return Ok(new_int((b - a + 1) as i64));
    }
    let hay = s.slice_chars(a, b);
    Ok(new_int(hay.matches(sub).count() as i64))
}

/// `startswith` / `endswith` (CPython's `tailmatch`).
fn tail_match(vm: &mut Vm, args: Args, fname: &str, at_end: bool) -> PyResult<Value> {
    let (s, prefix, a, b) = search_args(vm, &args, fname)?;
    let matches = |p: &str| -> bool {
        if a > s.char_len() || a > b {
            return false;
        }
        let hay = s.slice_chars(a, b);
        if at_end {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    if let Some(items) = as_tuple(prefix) {
        for item in items {
            let Some(p) = as_str(item) else {
                return Err(type_error(format!(
                    "tuple for {fname} must only contain str, not {}",
                    item.ty().name()
                )));
            };
            if matches(p) {
                return Ok(bool_value(true));
            }
        }
        return Ok(bool_value(false));
    }
    match as_str(prefix) {
        Some(p) => Ok(bool_value(matches(p))),
        None => Err(type_error(format!(
            "{fname} first arg must be str or a tuple of str, not {}",
            prefix.ty().name()
        ))),
    }
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tail_match(vm, args, "startswith", false)
}
fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    tail_match(vm, args, "endswith", true)
}

// ---------------------------------------------------------------------------------------
// Padding and stripping
// ---------------------------------------------------------------------------------------

/// `(width, fillchar=' ')` of center/ljust/rjust.
fn pad_args<'a>(vm: &mut Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Value, usize, char)> {
    let (s, pos) = positional(args, fname, 1, 2)?;
    let width = int_arg(vm, &pos[0])?;
    let fill = match pos.get(1) {
        None => ' ',
        Some(f) => {
            let Some(fs) = as_str(f) else {
                return Err(type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    f.ty().name()
                )));
            };
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
    };
    this(s, fname)?;
    Ok((s, width.max(0) as usize, fill))
}

fn padded(this_value: &Value, width: usize, left: usize, fill: char) -> PyResult<Value> {
    let s = as_pystr(this_value)
        .map(|p| (p.as_str(), p.char_len()))
        .unwrap_or(("", 0));
    if width <= s.1 {
        return Ok(exact_copy(this_value));
    }
    let right = width - s.1 - left;
    let mut out = format::string_with_capacity(
        s.0.len()
            .saturating_add((width - s.1).saturating_mul(fill.len_utf8())),
    )?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.0);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_string(out))
}

fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "center")?;
    let len = as_pystr(s).map(|p| p.char_len()).unwrap_or(0);
    if width <= len {
        return Ok(exact_copy(s));
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    padded(s, width, left, fill)
}

fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "ljust")?;
    padded(s, width, 0, fill)
}

fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "rjust")?;
    let len = as_pystr(s).map(|p| p.char_len()).unwrap_or(0);
    padded(s, width, width.saturating_sub(len), fill)
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "zfill", 1, 1)?;
    let s = this(sv, "zfill")?;
    let width = int_arg(vm, &pos[0])?.max(0) as usize;
    if width <= s.char_len() {
        return Ok(exact_copy(sv));
    }
    let text = s.as_str();
    let mut out = format::string_with_capacity(text.len() + (width - s.char_len()))?;
    let body = match text.chars().next() {
        Some(sign @ ('+' | '-')) => {
            out.push(sign);
            &text[1..]
        }
        _ => text,
    };
    out.extend(std::iter::repeat_n('0', width - s.char_len()));
    out.push_str(body);
    Ok(new_string(out))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum StripKind {
    Left,
    Right,
    Both,
}

fn strip_impl(args: Args, fname: &str, kind: StripKind) -> PyResult<Value> {
    let (sv, pos) = positional(&args, fname, 0, 1)?;
    let s = this(sv, fname)?.as_str();
    let chars = match pos.first() {
        None => None,
        Some(c) if is_none(c) => None,
        Some(c) => match as_str(c) {
            Some(cs) => Some(cs),
            None => return Err(type_error(format!("{fname} arg must be None or str"))),
        },
    };
    let pred = |c: char| match chars {
        None => unicode::is_space(c),
        Some(set) => set.contains(c),
    };
    let out = match kind {
        StripKind::Left => s.trim_start_matches(pred),
        StripKind::Right => s.trim_end_matches(pred),
        StripKind::Both => s.trim_matches(pred),
    };
    if out.len() == s.len() {
        return Ok(exact_copy(sv));
    }
    Ok(new_str(out))
}

fn str_strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "strip", StripKind::Both)
}
fn str_lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", StripKind::Left)
}
fn str_rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", StripKind::Right)
}

fn str_removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "removeprefix", 1, 1)?;
    let s = this(sv, "removeprefix")?.as_str();
    let p = as_str(&pos[0]).ok_or_else(|| {
        type_error(format!(
            "removeprefix() argument must be str, not {}",
            type_desc(&pos[0])
        ))
    })?;
    match s.strip_prefix(p) {
        Some(rest) if !p.is_empty() => Ok(new_str(rest)),
        _ => Ok(exact_copy(sv)),
    }
}

fn str_removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "removesuffix", 1, 1)?;
    let s = this(sv, "removesuffix")?.as_str();
    let p = as_str(&pos[0]).ok_or_else(|| {
        type_error(format!(
            "removesuffix() argument must be str, not {}",
            type_desc(&pos[0])
        ))
    })?;
    match s.strip_suffix(p) {
        Some(rest) if !p.is_empty() => Ok(new_str(rest)),
        _ => Ok(exact_copy(sv)),
    }
}

fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("expandtabs", &[opt("tabsize")]);
    let sv = self_of(&args, "expandtabs")?.clone();
    check_max_args(&args.shift(), "expandtabs", 1)?;
    let [tabsize] = SIG.parse::<1>(args.shift())?;
    let s = this(&sv, "expandtabs")?.as_str();
    let tabsize = match &tabsize {
        Some(t) => {
            let n = int_arg(vm, t).map_err(|e| {
                if e.matches(&exceptions::OVERFLOW_ERROR) {
                    overflow_error("Python int too large to convert to C int")
                } else {
                    e
                }
            })?;
            i32::try_from(n)
                .map_err(|_| overflow_error("Python int too large to convert to C int"))?
                as i64
        }
        None => 8,
    };
    if !s.contains('\t') {
        return Ok(exact_copy(&sv));
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    col += n;
                    out.try_reserve(n as usize)
                        .map_err(|_| crate::vm::memory_error())?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                }
            }
            '\n' | '\r' => {
                col = 0;
                out.push(c);
            }
            _ => {
                col += 1;
                out.push(c);
            }
        }
    }
    Ok(new_string(out))
}

// ---------------------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------------------

/// `(sep=None, maxsplit=-1)` of split/rsplit.
fn split_args(
    vm: &mut Vm,
    args: Args,
    fname: &'static str,
) -> PyResult<(Value, Option<String>, i64)> {
    static SPLIT: Sig = Sig::new("split", &[opt("sep"), opt("maxsplit")]);
    static RSPLIT: Sig = Sig::new("rsplit", &[opt("sep"), opt("maxsplit")]);
    let sig = if fname == "split" { &SPLIT } else { &RSPLIT };
    let sv = self_of(&args, fname)?.clone();
    check_max_args(&args.shift(), fname, 2)?;
    let [sep, maxsplit] = sig.parse::<2>(args.shift())?;
    this(&sv, fname)?;
    let sep = match &sep {
        None => None,
        Some(v) if is_none(v) => None,
        Some(v) => match as_str(v) {
            Some(s) if s.is_empty() => return Err(value_error("empty separator")),
            Some(s) => Some(s.to_string()),
            None => {
                return Err(type_error(format!(
                    "must be str or None, not {}",
                    v.ty().name()
                )))
            }
        },
    };
    let maxsplit = match &maxsplit {
        Some(m) => int_arg(vm, m)?,
        None => -1,
    };
    let maxsplit = if maxsplit < 0 { i64::MAX } else { maxsplit };
    Ok((sv, sep, maxsplit))
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, sep, maxsplit) = split_args(vm, args, "split")?;
    let s = as_str(&sv).unwrap_or("");
    let mut parts: Vec<&str> = Vec::new();
    match &sep {
        Some(sep) => {
            let mut rest = s;
            let mut n = 0;
            while n < maxsplit {
                let Some(i) = rest.find(sep.as_str()) else {
                    break;
                };
                parts.push(&rest[..i]);
                rest = &rest[i + sep.len()..];
                n += 1;
            }
            if parts.is_empty() {
                return Ok(PyList::new_value(vec![exact_copy(&sv)]));
            }
            parts.push(rest);
        }
        None => {
            let mut rest = s.trim_start_matches(unicode::is_space);
            let mut n = 0;
            while !rest.is_empty() {
                if n >= maxsplit {
                    parts.push(rest);
                    break;
                }
                match rest.find(unicode::is_space) {
                    Some(i) => {
                        parts.push(&rest[..i]);
                        rest = rest[i..].trim_start_matches(unicode::is_space);
                        n += 1;
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
            }
            if parts.len() == 1 && parts[0].len() == s.len() {
                return Ok(PyList::new_value(vec![exact_copy(&sv)]));
            }
        }
    }
    Ok(new_list_of_strs(parts))
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, sep, maxsplit) = split_args(vm, args, "rsplit")?;
    let s = as_str(&sv).unwrap_or("");
    let mut parts: Vec<&str> = Vec::new();
    match &sep {
        Some(sep) => {
            let mut rest = s;
            let mut n = 0;
            while n < maxsplit {
                let Some(i) = rest.rfind(sep.as_str()) else {
                    break;
                };
                parts.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
                n += 1;
            }
            if parts.is_empty() {
                return Ok(PyList::new_value(vec![exact_copy(&sv)]));
            }
            parts.push(rest);
        }
        None => {
            let mut rest = s.trim_end_matches(unicode::is_space);
            let mut n = 0;
            while !rest.is_empty() {
                if n >= maxsplit {
                    parts.push(rest);
                    break;
                }
                match rest.rfind(unicode::is_space) {
                    Some(i) => {
                        let ws_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        parts.push(&rest[i + ws_len..]);
                        rest = rest[..i].trim_end_matches(unicode::is_space);
                        n += 1;
                    }
                    None => {
                        parts.push(rest);
                        break;
                    }
                }
            }
            if parts.len() == 1 && parts[0].len() == s.len() {
                return Ok(PyList::new_value(vec![exact_copy(&sv)]));
            }
        }
    }
    parts.reverse();
    Ok(new_list_of_strs(parts))
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("splitlines", &[opt("keepends")]);
    let sv = self_of(&args, "splitlines")?.clone();
    check_max_args(&args.shift(), "splitlines", 1)?;
    let [keepends] = SIG.parse::<1>(args.shift())?;
    let s = this(&sv, "splitlines")?.as_str();
    let keepends = match &keepends {
        Some(k) => ops::is_true(vm, k)?,
        None => false,
    };
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                eol += 1;
            }
        }
        parts.push(if keepends {
            &s[start..eol]
        } else {
            &s[start..i]
        });
        start = eol;
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    if parts.len() == 1 && parts[0].len() == s.len() {
        return Ok(PyList::new_value(vec![exact_copy(&sv)]));
    }
    Ok(new_list_of_strs(parts))
}

fn partition_impl(args: Args, fname: &str, reverse: bool) -> PyResult<Value> {
    let (sv, pos) = positional(&args, fname, 1, 1)?;
    let s = this(sv, fname)?.as_str();
    let sep = as_str(&pos[0])
        .ok_or_else(|| type_error(format!("must be str, not {}", pos[0].ty().name())))?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    Ok(match found {
        Some(i) => new_tuple(vec![
            new_str(&s[..i]),
            pos[0].clone(),
            new_str(&s[i + sep.len()..]),
        ]),
        // CPython returns `self` itself here, even for a subclass.
        None if reverse => new_tuple(vec![empty_str(), empty_str(), sv.clone()]),
        None => new_tuple(vec![sv.clone(), empty_str(), empty_str()]),
    })
}

fn str_partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "partition", false)
}
fn str_rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(args, "rpartition", true)
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "join", 1, 1)?;
    let sep = this(sv, "join")?.as_str();
    let items = match ops::collect_iter(vm, &pos[0]) {
        Ok(items) => items,
        Err(e) if e.matches(&exceptions::TYPE_ERROR) && ops::iter(vm, &pos[0]).is_err() => {
            return Err(type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    if items.len() == 1 && items[0].downcast_exact::<PyStr>().is_some() {
        return Ok(items[0].clone());
    }
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        match as_str(item) {
            Some(s) => total += s.len(),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    item.ty().name()
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(as_str(item).unwrap_or(""));
    }
    Ok(new_string(out))
}

// ---------------------------------------------------------------------------------------
// Replacing and translating
// ---------------------------------------------------------------------------------------

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("replace", &[po("old"), po("new"), opt("count")]);
    let sv = self_of(&args, "replace")?.clone();
    check_max_args(&args.shift(), "replace", 3)?;
    let n_pos = args.shift().positional().len();
    if n_pos < 2 {
        return Err(type_error(format!(
            "replace() takes at least 2 positional arguments ({n_pos} given)"
        )));
    }
    let [old, new, count] = SIG.parse::<3>(args.shift())?;
    let s = this(&sv, "replace")?.as_str();
    let old = old.unwrap_or_else(none);
    let new = new.unwrap_or_else(none);
    let old = str_arg(&old, "replace", 1)?;
    let new = str_arg(&new, "replace", 2)?;
    let count = match &count {
        Some(c) => int_arg(vm, c)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if max == 0 || (old.is_empty() && new.is_empty()) || (!old.is_empty() && !s.contains(old)) {
        return Ok(exact_copy(&sv));
    }
    // The result's size, to fail absurd replacements with MemoryError up front.
    let n_matches = if old.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(old).count()
    }
    .min(max);
    let size = (new.len() as u128) * (n_matches as u128) + s.len() as u128;
    let mut out = format::string_with_capacity(usize::try_from(size).unwrap_or(usize::MAX))?;
    let mut done = 0;
    if old.is_empty() {
        // Insert `new` before every char and at the end, up to `max` times.
        let mut chars = s.chars();
        loop {
            if done < max {
                out.push_str(new);
                done += 1;
            }
            match chars.next() {
                Some(c) => out.push(c),
                None => break,
            }
            if done >= max {
                out.push_str(chars.as_str());
                break;
            }
        }
        return Ok(new_string(out));
    }
    let mut rest = s;
    while done < max {
        let Some(i) = rest.find(old) else { break };
        out.push_str(&rest[..i]);
        out.push_str(new);
        rest = &rest[i + old.len()..];
        done += 1;
    }
    out.push_str(rest);
    Ok(new_string(out))
}

fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "translate", 1, 1)?;
    let s = this(sv, "translate")?.as_str().to_string();
    let table = &pos[0];
    let mut cache: HashMap<char, Option<String>> = HashMap::new();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    for c in s.chars() {
        if let Some(m) = cache.get(&c) {
            match m {
                Some(r) => out.push_str(r),
                None => out.push(c),
            }
            continue;
        }
        let mapped: Option<String> = match ops::getitem(vm, table, &new_int(super::str::code_point(c) as i64)) {
            Ok(v) => {
                changed = true;
                if is_none(&v) {
                    Some(String::new())
                } else if let Some(r) = as_str(&v) {
                    Some(r.to_string())
                } else if let Some(i) = as_int(&v) {
                    let ch = i
                        .to_i64()
                        .filter(|n| (0..0x110000).contains(n))
                        .and_then(|n| super::str::char_from_code_point(n as u32))
                        .ok_or_else(|| {
                            value_error("character mapping must be in range(0x110000)")
                        })?;
                    Some(ch.to_string())
                } else {
                    return Err(type_error(
                        "character mapping must return integer, None or str",
                    ));
                }
            }
            Err(e) if e.matches(&exceptions::LOOKUP_ERROR) => None,
            Err(e) => return Err(e),
        };
        match &mapped {
            Some(r) => out.push_str(r),
            None => out.push(c),
        }
        cache.insert(c, mapped);
    }
    if !changed {
        return Ok(exact_copy(sv));
    }
    Ok(new_string(out))
}

fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("maketrans", 1, 3)?;
    let result = PyDict::new_value();
    if pos.len() == 1 {
        let x = &pos[0];
        if x.downcast::<PyDict>().is_none() {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        for (k, v) in PyDict::items_vec(x) {
            let key = if let Some(ks) = as_str(&k) {
                let mut it = ks.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => new_int(super::str::code_point(c) as i64),
                    _ => {
                        return Err(value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if super::int::is_int(&k) {
                k.clone()
            } else {
                return Err(type_error(
                    "keys in translate table must be strings or integers",
                ));
            };
            PyDict::set_item(vm, &result, key, v)?;
        }
        return Ok(result);
    }
    let Some(x) = as_str(&pos[0]) else {
        return Err(type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let y = str_arg(&pos[1], "maketrans", 2)?;
    if x.chars().count() != y.chars().count() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    let x = x.to_string();
    let y = y.to_string();
    for (a, b) in x.chars().zip(y.chars()) {
        PyDict::set_item(vm, &result, new_int(super::str::code_point(a) as i64), new_int(super::str::code_point(b) as i64))?;
    }
    if let Some(z) = pos.get(2) {
        let z = str_arg(z, "maketrans", 3)?.to_string();
        for c in z.chars() {
            PyDict::set_item(vm, &result, new_int(super::str::code_point(c) as i64), none())?;
        }
    }
    Ok(result)
}

// ---------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------

fn str_format_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(self_of(&args, "format")?, "format")?
        .as_str()
        .to_string();
    let rest = args.shift();
    let kwargs = if rest.has_kwargs() {
        let d = PyDict::new_value();
        for (k, v) in rest.kwargs() {
            PyDict::set_item(vm, &d, k.clone(), v.clone())?;
        }
        Some(d)
    } else {
        None
    };
    let fa = FormatArgs {
        args: Some(rest.positional()),
        kwargs,
    };
    format::str_format_value(vm, &s, &fa)
}

fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "format_map", 1, 1)?;
    let s = this(sv, "format_map")?.as_str().to_string();
    let fa = FormatArgs {
        args: None,
        kwargs: Some(pos[0].clone()),
    };
    format::str_format_value(vm, &s, &fa)
}

fn str_dunder_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (sv, pos) = positional(&args, "__format__", 1, 1)?;
    let spec = as_str(&pos[0]).ok_or_else(|| {
        type_error(format!(
            "__format__() argument must be str, not {}",
            pos[0].ty().name()
        ))
    })?;
    this(sv, "__format__")?;
    let spec = spec.to_string();
    format::format_str(vm, sv, &spec)
}

fn str_getnewargs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "__getnewargs__")?.as_str();
    Ok(new_tuple(vec![new_str(s)]))
}

/// `str.__sizeof__`: CPython's compact-object layout (`PyASCIIObject` is 40 bytes,
/// `PyCompactUnicodeObject` 56), one code unit of 1, 2 or 4 bytes per char plus the NUL.
fn str_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "__sizeof__")?;
    let n = s.char_len();
    if s.is_ascii() {
        return Ok(new_int(40 + n as i64 + 1));
    }
    let max = s.as_str().chars().map(super::str::code_point).max().unwrap_or(0);
    if n == 1 && max < 0x100 {
        // CPython's one-char Latin-1 singletons also carry their UTF-8 form.
        return Ok(new_int(56 + 2 + 3));
    }
    let kind = if max < 0x100 {
        1
    } else if max < 0x10000 {
        2
    } else {
        4
    };
    Ok(new_int(56 + (n as i64 + 1) * kind))
}

// ---------------------------------------------------------------------------------------
// Codecs (`str.encode`, `str(bytes, encoding, errors)`)
// ---------------------------------------------------------------------------------------

/// The codecs Taipan implements natively.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    Cp1252,
    /// `utf-16`: `None` = with a BOM, little endian; `Some(true)` = big endian.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// The name CPython's codec errors report.
    fn error_name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Cp1252 => "charmap",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// Looks a codec up by name (`codecs.lookup`'s normalisation: case, `_`, spaces).
pub fn lookup_codec(name: &str) -> PyResult<Codec> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| {
            if c == '_' || c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let codec = match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" | "cp367" => {
            Codec::Ascii
        }
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" | "iso-8859-1:1987" => Codec::Latin1,
        "cp1252" | "windows-1252" | "1252" => Codec::Cp1252,
        "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
        "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
        "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
        "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
        _ => {
            return Err(PyErr::new(
                &exceptions::LOOKUP_ERROR,
                format!("unknown encoding: {name}"),
            ))
        }
    };
    Ok(codec)
}

/// cp1252's 0x80..0x9F row (0 = undefined).
#[rustfmt::skip]
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D,
    0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,
    0x017E, 0x0178,
];

/// The single byte of `c` in a one-byte codec, if it has one.
fn single_byte(codec: Codec, c: char) -> Option<u8> {
    let n = c as u32;
    match codec {
        Codec::Ascii => (n < 0x80).then_some(n as u8),
        Codec::Latin1 => (n < 0x100).then_some(n as u8),
        Codec::Cp1252 => {
            if n < 0x80 || (0xA0..0x100).contains(&n) {
                return Some(n as u8);
            }
            CP1252_HIGH
                .iter()
                .position(|&u| u != 0 && u as u32 == n)
                .map(|i| 0x80 + i as u8)
        }
        _ => None,
    }
}

fn encode_error(codec: Codec, s: &str, start: usize, end: usize) -> PyErr {
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_) => "surrogates not allowed",
        _ => "character maps to <undefined>",
    };
    PyErr::with_args(
        &exceptions::UNICODE_ENCODE_ERROR,
        vec![
            new_str(codec.error_name()),
            new_str(s),
            new_int(start as i64),
            new_int(end as i64),
            new_str(reason),
        ],
    )
}

fn unknown_error_handler(errors: &str) -> PyErr {
    PyErr::new(
        &exceptions::LOOKUP_ERROR,
        format!("unknown error handler name '{errors}'"),
    )
}

/// The error handlers `encode_str` / `decode_bytes` apply natively; others go through
/// the codec registry (`modules::codecs`).
pub fn is_native_error_handler(errors: &str) -> bool {
    matches!(
        errors,
        "strict" | "ignore" | "replace" | "xmlcharrefreplace" | "backslashreplace" | "namereplace" | "surrogateescape" | "surrogatepass"
    )
}

/// Appends the code units of code point `n` (a lone surrogate for `surrogatepass`).
fn push_code_unit(out: &mut Vec<u8>, codec: Codec, n: u32) {
    match codec {
        Codec::Utf8 => out.extend_from_slice(&[0xE0 | (n >> 12) as u8, 0x80 | ((n >> 6) & 0x3F) as u8, 0x80 | (n & 0x3F) as u8]),
        Codec::Utf16(order) => {
            let u = n as u16;
            out.extend_from_slice(&if order == Some(true) { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        Codec::Utf32(order) => out.extend_from_slice(&if order == Some(true) { n.to_be_bytes() } else { n.to_le_bytes() }),
        _ => {}
    }
}

/// Encodes one char the codec can represent, or None (for the UTF codecs: a lone
/// surrogate).
fn encode_char(out: &mut Vec<u8>, codec: Codec, c: char) -> bool {
    match codec {
        Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_) if super::str::is_surrogate(c) => false,
        Codec::Utf8 => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            true
        }
        Codec::Utf16(order) => {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                out.extend_from_slice(&if order == Some(true) { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            true
        }
        Codec::Utf32(order) => {
            let n = c as u32;
            out.extend_from_slice(&if order == Some(true) { n.to_be_bytes() } else { n.to_le_bytes() });
            true
        }
        _ => match single_byte(codec, c) {
            Some(b) => {
                out.push(b);
                true
            }
            None => false,
        },
    }
}

/// Encodes `s` with `codec` and the error handler `errors` (one of
/// `is_native_error_handler`'s).
pub fn encode_str(s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 && !super::str::may_have_surrogates(s) {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len() + 4);
    match codec {
        Codec::Utf16(None) => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32(None) => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if encode_char(&mut out, codec, chars[i]) {
            i += 1;
            continue;
        }
        // The run of unencodable chars, reported or replaced as one.
        let start = i;
        let mut probe = Vec::new();
        while i < chars.len() && !encode_char(&mut probe, codec, chars[i]) {
            i += 1;
        }
        let bad = &chars[start..i];
        let utf = matches!(codec, Codec::Utf8 | Codec::Utf16(_) | Codec::Utf32(_));
        // The UTF-16/32 encoders report one character at a time.
        let wide = matches!(codec, Codec::Utf16(_) | Codec::Utf32(_));
        // Replacement text is itself encoded (ASCII, so one unit per char).
        let mut push_text = |out: &mut Vec<u8>, text: &str| {
            for c in text.chars() {
                encode_char(out, codec, c);
            }
        };
        match errors {
            "strict" if wide => return Err(encode_error(codec, s, start, start + 1)),
            "strict" => return Err(encode_error(codec, s, start, i)),
            "surrogatepass" if utf => {
                for c in bad {
                    push_code_unit(&mut out, codec, super::str::code_point(*c));
                }
            }
            "surrogatepass" => return Err(encode_error(codec, s, start, i)),
            // A lone byte is not a whole UTF-16/32 code unit.
            "surrogateescape" if wide => return Err(encode_error(codec, s, start, start + 1)),
            "surrogateescape" => {
                // U+DC80..U+DCFF stand for the bytes 0x80..0xFF.  The UTF-8, latin-1
                // and ASCII encoders escape the leading such chars themselves and
                // report the rest of the run; charmap reports the whole run.
                let escapable = |c: &char| (0xDC80..=0xDCFF).contains(&super::str::code_point(*c));
                let lead = if codec == Codec::Cp1252 { 0 } else { bad.iter().take_while(|c| escapable(c)).count() };
                if bad.iter().all(escapable) {
                    out.extend(bad.iter().map(|c| (super::str::code_point(*c) - 0xDC00) as u8));
                } else {
                    return Err(encode_error(codec, s, start + lead, i));
                }
            }
            "ignore" => {}
            "replace" => {
                for _ in bad {
                    push_text(&mut out, "?");
                }
            }
            "xmlcharrefreplace" => {
                for c in bad {
                    push_text(&mut out, &format!("&#{};", super::str::code_point(*c)));
                }
            }
            "backslashreplace" | "namereplace" => {
                for c in bad {
                    if errors == "namereplace" {
                        if let Some(name) = crate::modules::unicodedata::name_of(super::str::code_point(*c), false) {
                            push_text(&mut out, &format!("\\N{{{name}}}"));
                            continue;
                        }
                    }
                    let n = super::str::code_point(*c);
                    let esc = if n <= 0xFF {
                        format!("\\x{n:02x}")
                    } else if n <= 0xFFFF {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    push_text(&mut out, &esc);
                }
            }
            other => return Err(unknown_error_handler(other)),
        }
    }
    Ok(out)
}

fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::with_args(
        &exceptions::UNICODE_DECODE_ERROR,
        vec![
            new_str(codec.error_name()),
            super::bytes::new_bytes(data.to_vec()),
            new_int(start as i64),
            new_int(end as i64),
            new_str(reason),
        ],
    )
}

/// Applies a decoding error handler to the bad bytes `data[start..end]`; returns where
/// decoding resumes (`end`, or past the surrogate `surrogatepass` consumed).
fn decode_handle(
    out: &mut String,
    codec: Codec,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
) -> PyResult<usize> {
    let push_surrogate = |out: &mut String, n: u32| {
        out.extend(super::str::char_from_code_point(n));
    };
    match errors {
        "strict" => Err(decode_error(codec, data, start, end, reason)),
        "surrogatepass" => {
            // An encoded lone surrogate at `start` decodes to itself.
            let rest = &data[start..];
            let found = match codec {
                Codec::Utf8 => (rest.len() >= 3 && rest[0] == 0xED && (0xA0..=0xBF).contains(&rest[1]) && (0x80..=0xBF).contains(&rest[2]))
                    .then(|| (((rest[1] as u32 & 0x3F) << 6) | (rest[2] as u32 & 0x3F) | 0xD000, 3)),
                Codec::Utf16(order) if rest.len() >= 2 => {
                    let u = if order == Some(true) { u16::from_be_bytes([rest[0], rest[1]]) } else { u16::from_le_bytes([rest[0], rest[1]]) };
                    (0xD800..0xE000).contains(&u).then_some((u as u32, 2))
                }
                Codec::Utf32(order) if rest.len() >= 4 => {
                    let q = [rest[0], rest[1], rest[2], rest[3]];
                    let n = if order == Some(true) { u32::from_be_bytes(q) } else { u32::from_le_bytes(q) };
                    (0xD800..0xE000).contains(&n).then_some((n, 4))
                }
                _ => None,
            };
            match found {
                Some((n, len)) => {
                    push_surrogate(out, n);
                    Ok(start + len)
                }
                None => Err(decode_error(codec, data, start, end, reason)),
            }
        }
        "ignore" => Ok(end),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(end)
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(end)
        }
        // Bytes 0x80..0xFF become U+DC80..U+DCFF; an ASCII byte cannot be escaped.
        "surrogateescape" => {
            if data[start..end].iter().any(|&b| b < 0x80) {
                return Err(decode_error(codec, data, start, end, reason));
            }
            for &b in &data[start..end] {
                push_surrogate(out, 0xDC00 + b as u32);
            }
            Ok(end)
        }
        other => Err(unknown_error_handler(other)),
    }
}

/// Decodes `data` with `codec` and the error handler `errors`.
pub fn decode_bytes(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    match codec {
        Codec::Utf8 => {
            let mut pos = 0;
            while pos < data.len() {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or(""));
                        let bad = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (data.len(), "unexpected end of data"),
                            Some(n) => {
                                let b = data[bad];
                                let invalid_start = !(0xC2..=0xF4).contains(&b);
                                (
                                    bad + n,
                                    if invalid_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                        };
                        pos = decode_handle(&mut out, codec, data, bad, end, reason, errors)?;
                    }
                }
            }
        }
        Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
            for (i, &b) in data.iter().enumerate() {
                let c = match codec {
                    Codec::Ascii => (b < 0x80).then_some(b as char),
                    Codec::Latin1 => Some(b as char),
                    _ => match b {
                        0x80..=0x9F => char::from_u32(CP1252_HIGH[(b - 0x80) as usize] as u32)
                            .filter(|c| *c != '\0'),
                        _ => Some(b as char),
                    },
                };
                match c {
                    Some(c) => out.push(c),
                    None => {
                        let reason = if codec == Codec::Ascii {
                            "ordinal not in range(128)"
                        } else {
                            "character maps to <undefined>"
                        };
                        decode_handle(&mut out, codec, data, i, i + 1, reason, errors)?;
                    }
                }
            }
        }
        Codec::Utf16(order) => {
            let (mut big, mut start) = (order == Some(true), 0);
            if order.is_none() && data.len() >= 2 {
                if data[..2] == [0xFF, 0xFE] {
                    start = 2;
                } else if data[..2] == [0xFE, 0xFF] {
                    big = true;
                    start = 2;
                }
            }
            // Errors name the byte order actually decoded (CPython: 'utf-16-le').
            let codec = Codec::Utf16(Some(big));
            let body = &data[start..];
            let units: Vec<u16> = body
                .chunks_exact(2)
                .map(|p| {
                    if big {
                        u16::from_be_bytes([p[0], p[1]])
                    } else {
                        u16::from_le_bytes([p[0], p[1]])
                    }
                })
                .collect();
            let mut at = start;
            for r in char::decode_utf16(units.iter().copied()) {
                match r {
                    Ok(c) => {
                        out.push(c);
                        at += c.len_utf16() * 2;
                    }
                    Err(_) => {
                        decode_handle(
                            &mut out,
                            codec,
                            data,
                            at,
                            at + 2,
                            "illegal UTF-16 surrogate",
                            errors,
                        )?;
                        at += 2;
                    }
                }
            }
            if body.len() % 2 == 1 {
                decode_handle(
                    &mut out,
                    codec,
                    data,
                    data.len() - 1,
                    data.len(),
                    "truncated data",
                    errors,
                )?;
            }
        }
        Codec::Utf32(order) => {
            let (mut big, mut start) = (order == Some(true), 0);
            if order.is_none() && data.len() >= 4 {
                if data[..4] == [0xFF, 0xFE, 0, 0] {
                    start = 4;
                } else if data[..4] == [0, 0, 0xFE, 0xFF] {
                    big = true;
                    start = 4;
                }
            }
            let codec = Codec::Utf32(Some(big));
            let mut at = start;
            while at + 4 <= data.len() {
                let q = [data[at], data[at + 1], data[at + 2], data[at + 3]];
                let n = if big {
                    u32::from_be_bytes(q)
                } else {
                    u32::from_le_bytes(q)
                };
                match char::from_u32(n) {
                    Some(c) => out.push(c),
                    None => {
                        let reason = if (0xD800..0xE000).contains(&n) {
                            "code point in surrogate code point range(0xd800, 0xe000)"
                        } else {
                            "code point not in range(0x110000)"
                        };
                        decode_handle(&mut out, codec, data, at, at + 4, reason, errors)?;
                    }
                }
                at += 4;
            }
            if at < data.len() {
                decode_handle(
                    &mut out,
                    codec,
                    data,
                    at,
                    data.len(),
                    "truncated data",
                    errors,
                )?;
            }
        }
    }
    Ok(out)
}

/// A str argument of `encode`/`str()` given by keyword name (`encoding`, `errors`).
fn named_str_arg<'a>(v: &'a Option<Value>, fname: &str, name: &str) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) => match as_str(v) {
            Some(s) => Ok(Some(s)),
            None => Err(type_error(format!(
                "{fname}() argument '{name}' must be str, not {}",
                type_desc(v)
            ))),
        },
    }
}

/// `PyUnicode_AsEncodedString`: the native codecs and error handlers first, then the
/// codec registry (`modules::codecs`) for other encodings or handlers.  `obj` is the
/// str whose text is `s`.
pub fn encode_object(vm: &mut Vm, obj: &Value, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Ok(codec) = lookup_codec(encoding) {
        if is_native_error_handler(errors) {
            return encode_str(s, codec, errors);
        }
        // Another handler is only looked up when an error needs it.
        if let Ok(data) = encode_str(s, codec, "strict") {
            return Ok(data);
        }
    }
    let r = crate::modules::codecs::encode_with_registry(vm, obj, encoding, errors)?;
    Ok(super::bytes::as_bytes(&r).map(<[u8]>::to_vec).unwrap_or_default())
}

/// `PyUnicode_Decode`: the native codecs and error handlers first, then the codec
/// registry.  `obj` is the bytes-like object holding `data`.
pub fn decode_object(vm: &mut Vm, obj: &Value, data: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    if let Ok(codec) = lookup_codec(encoding) {
        if is_native_error_handler(errors) {
            return Ok(new_string(decode_bytes(data, codec, errors)?));
        }
        if let Ok(text) = decode_bytes(data, codec, "strict") {
            return Ok(new_string(text));
        }
    }
    crate::modules::codecs::decode_with_registry(vm, obj, encoding, errors)
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("encode", &[opt("encoding"), opt("errors")]);
    let sv = self_of(&args, "encode")?.clone();
    check_max_args(&args.shift(), "encode", 2)?;
    let [encoding, errors] = SIG.parse::<2>(args.shift())?;
    let s = this(&sv, "encode")?.as_str();
    let encoding = named_str_arg(&encoding, "encode", "encoding")?.unwrap_or("utf-8");
    let errors = named_str_arg(&errors, "encode", "errors")?.unwrap_or("strict");
    let data = encode_object(vm, &sv, s, encoding, errors)?;
    Ok(super::bytes::new_bytes(data))
}

// ---------------------------------------------------------------------------------------
// `str.__new__`
// ---------------------------------------------------------------------------------------

/// `str.__new__`: `str()`, `str(object)`, `str(object, encoding, errors)`.
pub fn str_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("str", &[opt("object"), opt("encoding"), opt("errors")]);
    if args.positional().len() > 3 {
        return Err(type_error(format!(
            "str expected at most 3 arguments, got {}",
            args.positional().len()
        )));
    }
    let [object, encoding, errors] = SIG.parse::<3>(args)?;
    let text: Value = if encoding.is_some() || errors.is_some() {
        let enc = named_str_arg(&encoding, "str", "encoding")?.unwrap_or("utf-8");
        let errs = named_str_arg(&errors, "str", "errors")?.unwrap_or("strict");
        let obj = object.unwrap_or_else(|| super::bytes::new_bytes(Vec::new()));
        if as_str(&obj).is_some() {
            return Err(type_error("decoding str is not supported"));
        }
        let Some(data) = super::bytes::as_bytes_like(&obj) else {
            return Err(type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                obj.ty().name()
            )));
        };
        decode_object(vm, &obj, &data, enc, errs)?
    } else {
        match &object {
            Some(v) => ops::str(vm, v)?,
            None => empty_str(),
        }
    };
    match super::typeobject::as_type(cls) {
        Some(ty) if !std::ptr::eq(ty, &STR_TYPE) => Ok(PyStr::new(ty, as_str(&text).unwrap_or(""))),
        _ => Ok(text),
    }
}

// ---------------------------------------------------------------------------------------
// The method table (CPython's `unicode_methods[]`)
// ---------------------------------------------------------------------------------------

pub static STR_METHODS: &[MethodDef] = &[
    MethodDef::method("encode", str_encode),
    MethodDef::method("replace", str_replace),
    MethodDef::method("split", str_split),
    MethodDef::method("rsplit", str_rsplit),
    MethodDef::method("join", str_join),
    MethodDef::method("capitalize", str_capitalize),
    MethodDef::method("casefold", str_casefold),
    MethodDef::method("title", str_title),
    MethodDef::method("center", str_center),
    MethodDef::method("count", str_count),
    MethodDef::method("expandtabs", str_expandtabs),
    MethodDef::method("find", str_find),
    MethodDef::method("partition", str_partition),
    MethodDef::method("index", str_index),
    MethodDef::method("ljust", str_ljust),
    MethodDef::method("lower", str_lower),
    MethodDef::method("lstrip", str_lstrip),
    MethodDef::method("rfind", str_rfind),
    MethodDef::method("rindex", str_rindex),
    MethodDef::method("rjust", str_rjust),
    MethodDef::method("rstrip", str_rstrip),
    MethodDef::method("rpartition", str_rpartition),
    MethodDef::method("splitlines", str_splitlines),
    MethodDef::method("strip", str_strip),
    MethodDef::method("swapcase", str_swapcase),
    MethodDef::method("translate", str_translate),
    MethodDef::method("upper", str_upper),
    MethodDef::method("startswith", str_startswith),
    MethodDef::method("endswith", str_endswith),
    MethodDef::method("removeprefix", str_removeprefix),
    MethodDef::method("removesuffix", str_removesuffix),
    MethodDef::method("isascii", str_isascii),
    MethodDef::method("islower", str_islower),
    MethodDef::method("isupper", str_isupper),
    MethodDef::method("istitle", str_istitle),
    MethodDef::method("isspace", str_isspace),
    MethodDef::method("isdecimal", str_isdecimal),
    MethodDef::method("isdigit", str_isdigit),
    MethodDef::method("isnumeric", str_isnumeric),
    MethodDef::method("isalpha", str_isalpha),
    MethodDef::method("isalnum", str_isalnum),
    MethodDef::method("isidentifier", str_isidentifier),
    MethodDef::method("isprintable", str_isprintable),
    MethodDef::method("zfill", str_zfill),
    MethodDef::method("format", str_format_method),
    MethodDef::method("format_map", str_format_map),
    MethodDef::method("__format__", str_dunder_format),
    MethodDef::staticmethod("maketrans", str_maketrans),
    MethodDef::method("__sizeof__", str_sizeof),
    MethodDef::method("__getnewargs__", str_getnewargs),
];
