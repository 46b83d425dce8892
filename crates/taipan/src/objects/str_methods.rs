//! `str` methods: the `unicode_methods[]` table of CPython 3.13's
//! `Objects/unicodeobject.c` (slots live in `str.rs`), `str.__new__`, and the codecs that
//! `str.encode` / `str(bytes, encoding)` need (`utf-8`, `ascii`, `latin-1`, `cp1252`,
//! `utf-16`, `utf-32`, with CPython's error handlers).
//!
//! Indices in the API are code-point indices; `PyStr` stores UTF-8, so searches run on
//! bytes and convert offsets back to char counts.
//!
//! NOTE: Rust's standard library has no Unicode general-category or case-folding tables,
//! so `isdecimal`/`isdigit`/`isnumeric`/`isalpha`/`isidentifier` use `char` properties
//! plus the small tables below, and `casefold` derives the folding from the full case
//! mappings (`fold_char`); both are exact for all commonly used scripts.

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
// Unicode character properties (see the module NOTE)
// ---------------------------------------------------------------------------------------

/// First code points of the runs of ten decimal digits (general category Nd).
#[rustfmt::skip]
const DECIMAL_RUNS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50,
    0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
    0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950,
    0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC,
    0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit (general category Nd), as `unicodedata.decimal`.
pub fn decimal_value(c: char) -> Option<u32> {
    let n = c as u32;
    if n < 0x80 {
        return c.to_digit(10);
    }
    DECIMAL_RUNS.iter().find(|&&start| n >= start && n < start + 10).map(|&start| n - start)
}

/// `str.isdecimal()` for one char: general category Nd.
fn is_decimal(c: char) -> bool {
    let n = c as u32;
    if n < 0x80 {
        return c.is_ascii_digit();
    }
    DECIMAL_RUNS
        .iter()
        .any(|&start| n >= start && n < start + 10)
}

/// `str.isdigit()` for one char: Numeric_Type Decimal or Digit.
fn is_digit(c: char) -> bool {
    if is_decimal(c) {
        return true;
    }
    matches!(
        c as u32,
        0xB2 | 0xB3 | 0xB9 | 0x1369..=0x1371 | 0x19DA | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089
            | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF
            | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x10A40..=0x10A43 | 0x10E60..=0x10E68
            | 0x11052..=0x1105A | 0x1F100..=0x1F10A
    )
}

/// `str.isnumeric()` for one char: Numeric_Type Decimal, Digit or Numeric.
fn is_numeric(c: char) -> bool {
    if c.is_numeric() {
        return true;
    }
    // CJK ideographs with a numeric value (general category Lo).
    matches!(
        c as u32,
        0x3405 | 0x3483 | 0x382A | 0x3B4D | 0x4E00 | 0x4E03 | 0x4E07 | 0x4E09 | 0x4E5D | 0x4E8C | 0x4E94
            | 0x4E96 | 0x4EBF | 0x4EC0 | 0x4EDF | 0x4EE8 | 0x4F0D | 0x4F70 | 0x5104 | 0x5146 | 0x5169 | 0x516B
            | 0x516D | 0x5341 | 0x5343..=0x5345 | 0x534C | 0x53C1..=0x53C4 | 0x56DB | 0x58F1 | 0x58F9 | 0x5E7A
            | 0x5EFE | 0x5EFF | 0x5F0C..=0x5F0E | 0x5F10 | 0x62FE | 0x634C | 0x67D2 | 0x6F06 | 0x7396 | 0x767E
            | 0x8086 | 0x842C | 0x8CAE | 0x8CB3 | 0x8D30 | 0x9621 | 0x9646 | 0x964C | 0x9678 | 0x96F6
            | 0xF96B | 0xF973 | 0xF978 | 0xF9B2 | 0xF9D1 | 0xF9D3 | 0xF9FD | 0x2F890 | 0x4E24 | 0x4EAC | 0x4FE9
            | 0x5006 | 0x62D0 | 0x6D1E | 0x7695 | 0x79ED | 0x920E | 0x94A9 | 0x20001 | 0x20064 | 0x200E2
            | 0x20121 | 0x2092A | 0x20983 | 0x2098C | 0x2099C | 0x20AEA | 0x20AFD | 0x20B19 | 0x22390 | 0x22998
            | 0x23B1B | 0x2626D
    )
}

/// Alphabetic code points that are not letters (combining marks and a few symbols with
/// Other_Alphabetic; general categories Mn, Mc, So), as inclusive ranges.  Generated
/// from the Unicode 15.1 database (the version CPython 3.13 uses): `str.isalpha()` is
/// Alphabetic minus these minus Nl.
#[rustfmt::skip]
const ALPHABETIC_NON_LETTERS: &[(u32, u32)] = &[
    (0x345, 0x345), (0x363, 0x36F), (0x5B0, 0x5BD), (0x5BF, 0x5BF), (0x5C1, 0x5C2), (0x5C4, 0x5C5),
    (0x5C7, 0x5C7), (0x610, 0x61A), (0x64B, 0x657), (0x659, 0x65F), (0x670, 0x670), (0x6D6, 0x6DC),
    (0x6E1, 0x6E4), (0x6E7, 0x6E8), (0x6ED, 0x6ED), (0x711, 0x711), (0x730, 0x73F), (0x7A6, 0x7B0),
    (0x816, 0x817), (0x81B, 0x823), (0x825, 0x827), (0x829, 0x82C), (0x8D4, 0x8DF), (0x8E3, 0x8E9),
    (0x8F0, 0x903), (0x93A, 0x93B), (0x93E, 0x94C), (0x94E, 0x94F), (0x955, 0x957), (0x962, 0x963),
    (0x981, 0x983), (0x9BE, 0x9C4), (0x9C7, 0x9C8), (0x9CB, 0x9CC), (0x9D7, 0x9D7), (0x9E2, 0x9E3),
    (0xA01, 0xA03), (0xA3E, 0xA42), (0xA47, 0xA48), (0xA4B, 0xA4C), (0xA51, 0xA51), (0xA70, 0xA71),
    (0xA75, 0xA75), (0xA81, 0xA83), (0xABE, 0xAC5), (0xAC7, 0xAC9), (0xACB, 0xACC), (0xAE2, 0xAE3),
    (0xAFA, 0xAFC), (0xB01, 0xB03), (0xB3E, 0xB44), (0xB47, 0xB48), (0xB4B, 0xB4C), (0xB56, 0xB57),
    (0xB62, 0xB63), (0xB82, 0xB82), (0xBBE, 0xBC2), (0xBC6, 0xBC8), (0xBCA, 0xBCC), (0xBD7, 0xBD7),
    (0xC00, 0xC04), (0xC3E, 0xC44), (0xC46, 0xC48), (0xC4A, 0xC4C), (0xC55, 0xC56), (0xC62, 0xC63),
    (0xC81, 0xC83), (0xCBE, 0xCC4), (0xCC6, 0xCC8), (0xCCA, 0xCCC), (0xCD5, 0xCD6), (0xCE2, 0xCE3),
    (0xCF3, 0xCF3), (0xD00, 0xD03), (0xD3E, 0xD44), (0xD46, 0xD48), (0xD4A, 0xD4C), (0xD57, 0xD57),
    (0xD62, 0xD63), (0xD81, 0xD83), (0xDCF, 0xDD4), (0xDD6, 0xDD6), (0xDD8, 0xDDF), (0xDF2, 0xDF3),
    (0xE31, 0xE31), (0xE34, 0xE3A), (0xE4D, 0xE4D), (0xEB1, 0xEB1), (0xEB4, 0xEB9), (0xEBB, 0xEBC),
    (0xECD, 0xECD), (0xF71, 0xF83), (0xF8D, 0xF97), (0xF99, 0xFBC), (0x102B, 0x1036), (0x1038, 0x1038),
    (0x103B, 0x103E), (0x1056, 0x1059), (0x105E, 0x1060), (0x1062, 0x1064), (0x1067, 0x106D),
    (0x1071, 0x1074), (0x1082, 0x108D), (0x108F, 0x108F), (0x109A, 0x109D), (0x1712, 0x1713),
    (0x1732, 0x1733), (0x1752, 0x1753), (0x1772, 0x1773), (0x17B6, 0x17C8), (0x1885, 0x1886),
    (0x18A9, 0x18A9), (0x1920, 0x192B), (0x1930, 0x1938), (0x1A17, 0x1A1B), (0x1A55, 0x1A5E),
    (0x1A61, 0x1A74), (0x1ABF, 0x1AC0), (0x1ACC, 0x1ACE), (0x1B00, 0x1B04), (0x1B35, 0x1B43),
    (0x1B80, 0x1B82), (0x1BA1, 0x1BA9), (0x1BAC, 0x1BAD), (0x1BE7, 0x1BF1), (0x1C24, 0x1C36),
    (0x1DD3, 0x1DF4), (0x24B6, 0x24E9), (0x2DE0, 0x2DFF), (0xA674, 0xA67B), (0xA69E, 0xA69F),
    (0xA802, 0xA802), (0xA80B, 0xA80B), (0xA823, 0xA827), (0xA880, 0xA881), (0xA8B4, 0xA8C3),
    (0xA8C5, 0xA8C5), (0xA8FF, 0xA8FF), (0xA926, 0xA92A), (0xA947, 0xA952), (0xA980, 0xA983),
    (0xA9B4, 0xA9BF), (0xA9E5, 0xA9E5), (0xAA29, 0xAA36), (0xAA43, 0xAA43), (0xAA4C, 0xAA4D),
    (0xAA7B, 0xAA7D), (0xAAB0, 0xAAB0), (0xAAB2, 0xAAB4), (0xAAB7, 0xAAB8), (0xAABE, 0xAABE),
    (0xAAEB, 0xAAEF), (0xAAF5, 0xAAF5), (0xABE3, 0xABEA), (0xFB1E, 0xFB1E), (0x10376, 0x1037A),
    (0x10A01, 0x10A03), (0x10A05, 0x10A06), (0x10A0C, 0x10A0F), (0x10D24, 0x10D27), (0x10EAB, 0x10EAC),
    (0x11000, 0x11002), (0x11038, 0x11045), (0x11073, 0x11074), (0x11080, 0x11082), (0x110B0, 0x110B8),
    (0x110C2, 0x110C2), (0x11100, 0x11102), (0x11127, 0x11132), (0x11145, 0x11146), (0x11180, 0x11182),
    (0x111B3, 0x111BF), (0x111CE, 0x111CF), (0x1122C, 0x11234), (0x11237, 0x11237), (0x1123E, 0x1123E),
    (0x11241, 0x11241), (0x112DF, 0x112E8), (0x11300, 0x11303), (0x1133E, 0x11344), (0x11347, 0x11348),
    (0x1134B, 0x1134C), (0x11357, 0x11357), (0x11362, 0x11363), (0x11435, 0x11441), (0x11443, 0x11445),
    (0x114B0, 0x114C1), (0x115AF, 0x115B5), (0x115B8, 0x115BE), (0x115DC, 0x115DD), (0x11630, 0x1163E),
    (0x11640, 0x11640), (0x116AB, 0x116B5), (0x1171D, 0x1172A), (0x1182C, 0x11838), (0x11930, 0x11935),
    (0x11937, 0x11938), (0x1193B, 0x1193C), (0x11940, 0x11940), (0x11942, 0x11942), (0x119D1, 0x119D7),
    (0x119DA, 0x119DF), (0x119E4, 0x119E4), (0x11A01, 0x11A0A), (0x11A35, 0x11A39), (0x11A3B, 0x11A3E),
    (0x11A51, 0x11A5B), (0x11A8A, 0x11A97), (0x11C2F, 0x11C36), (0x11C38, 0x11C3E), (0x11C92, 0x11CA7),
    (0x11CA9, 0x11CB6), (0x11D31, 0x11D36), (0x11D3A, 0x11D3A), (0x11D3C, 0x11D3D), (0x11D3F, 0x11D41),
    (0x11D43, 0x11D43), (0x11D47, 0x11D47), (0x11D8A, 0x11D8E), (0x11D90, 0x11D91), (0x11D93, 0x11D96),
    (0x11EF3, 0x11EF6), (0x11F00, 0x11F01), (0x11F03, 0x11F03), (0x11F34, 0x11F3A), (0x11F3E, 0x11F40),
    (0x16F4F, 0x16F4F), (0x16F51, 0x16F87), (0x16F8F, 0x16F92), (0x16FF0, 0x16FF1), (0x1BC9E, 0x1BC9E),
    (0x1E000, 0x1E006), (0x1E008, 0x1E018), (0x1E01B, 0x1E021), (0x1E023, 0x1E024), (0x1E026, 0x1E02A),
    (0x1E08F, 0x1E08F), (0x1E947, 0x1E947), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189),
];

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let n = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `str.isalpha()` for one char: general categories Lu, Ll, Lt, Lm, Lo.
fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !c.is_numeric() && !in_ranges(ALPHABETIC_NON_LETTERS, c)
}

/// XID_Continue code points beyond XID_Start and the decimal digits (marks, connector
/// punctuation, ...), as inclusive ranges; generated from the Unicode 15.1 database.
#[rustfmt::skip]
const ID_CONTINUE_EXTRA: &[(u32, u32)] = &[
    (0xB7, 0xB7), (0x300, 0x36F), (0x387, 0x387), (0x483, 0x487), (0x591, 0x5BD), (0x5BF, 0x5BF),
    (0x5C1, 0x5C2), (0x5C4, 0x5C5), (0x5C7, 0x5C7), (0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670),
    (0x6D6, 0x6DC), (0x6DF, 0x6E4), (0x6E7, 0x6E8), (0x6EA, 0x6ED), (0x711, 0x711), (0x730, 0x74A),
    (0x7A6, 0x7B0), (0x7EB, 0x7F3), (0x7FD, 0x7FD), (0x816, 0x819), (0x81B, 0x823), (0x825, 0x827),
    (0x829, 0x82D), (0x859, 0x85B), (0x898, 0x89F), (0x8CA, 0x8E1), (0x8E3, 0x903), (0x93A, 0x93C),
    (0x93E, 0x94F), (0x951, 0x957), (0x962, 0x963), (0x981, 0x983), (0x9BC, 0x9BC), (0x9BE, 0x9C4),
    (0x9C7, 0x9C8), (0x9CB, 0x9CD), (0x9D7, 0x9D7), (0x9E2, 0x9E3), (0x9FE, 0x9FE), (0xA01, 0xA03),
    (0xA3C, 0xA3C), (0xA3E, 0xA42), (0xA47, 0xA48), (0xA4B, 0xA4D), (0xA51, 0xA51), (0xA70, 0xA71),
    (0xA75, 0xA75), (0xA81, 0xA83), (0xABC, 0xABC), (0xABE, 0xAC5), (0xAC7, 0xAC9), (0xACB, 0xACD),
    (0xAE2, 0xAE3), (0xAFA, 0xAFF), (0xB01, 0xB03), (0xB3C, 0xB3C), (0xB3E, 0xB44), (0xB47, 0xB48),
    (0xB4B, 0xB4D), (0xB55, 0xB57), (0xB62, 0xB63), (0xB82, 0xB82), (0xBBE, 0xBC2), (0xBC6, 0xBC8),
    (0xBCA, 0xBCD), (0xBD7, 0xBD7), (0xC00, 0xC04), (0xC3C, 0xC3C), (0xC3E, 0xC44), (0xC46, 0xC48),
    (0xC4A, 0xC4D), (0xC55, 0xC56), (0xC62, 0xC63), (0xC81, 0xC83), (0xCBC, 0xCBC), (0xCBE, 0xCC4),
    (0xCC6, 0xCC8), (0xCCA, 0xCCD), (0xCD5, 0xCD6), (0xCE2, 0xCE3), (0xCF3, 0xCF3), (0xD00, 0xD03),
    (0xD3B, 0xD3C), (0xD3E, 0xD44), (0xD46, 0xD48), (0xD4A, 0xD4D), (0xD57, 0xD57), (0xD62, 0xD63),
    (0xD81, 0xD83), (0xDCA, 0xDCA), (0xDCF, 0xDD4), (0xDD6, 0xDD6), (0xDD8, 0xDDF), (0xDF2, 0xDF3),
    (0xE31, 0xE31), (0xE33, 0xE3A), (0xE47, 0xE4E), (0xEB1, 0xEB1), (0xEB3, 0xEBC), (0xEC8, 0xECE),
    (0xF18, 0xF19), (0xF35, 0xF35), (0xF37, 0xF37), (0xF39, 0xF39), (0xF3E, 0xF3F), (0xF71, 0xF84),
    (0xF86, 0xF87), (0xF8D, 0xF97), (0xF99, 0xFBC), (0xFC6, 0xFC6), (0x102B, 0x103E), (0x1056, 0x1059),
    (0x105E, 0x1060), (0x1062, 0x1064), (0x1067, 0x106D), (0x1071, 0x1074), (0x1082, 0x108D),
    (0x108F, 0x108F), (0x109A, 0x109D), (0x135D, 0x135F), (0x1369, 0x1371), (0x1712, 0x1715),
    (0x1732, 0x1734), (0x1752, 0x1753), (0x1772, 0x1773), (0x17B4, 0x17D3), (0x17DD, 0x17DD),
    (0x180B, 0x180D), (0x180F, 0x180F), (0x18A9, 0x18A9), (0x1920, 0x192B), (0x1930, 0x193B),
    (0x19DA, 0x19DA), (0x1A17, 0x1A1B), (0x1A55, 0x1A5E), (0x1A60, 0x1A7C), (0x1A7F, 0x1A7F),
    (0x1AB0, 0x1ABD), (0x1ABF, 0x1ACE), (0x1B00, 0x1B04), (0x1B34, 0x1B44), (0x1B6B, 0x1B73),
    (0x1B80, 0x1B82), (0x1BA1, 0x1BAD), (0x1BE6, 0x1BF3), (0x1C24, 0x1C37), (0x1CD0, 0x1CD2),
    (0x1CD4, 0x1CE8), (0x1CED, 0x1CED), (0x1CF4, 0x1CF4), (0x1CF7, 0x1CF9), (0x1DC0, 0x1DFF),
    (0x200C, 0x200D), (0x203F, 0x2040), (0x2054, 0x2054), (0x20D0, 0x20DC), (0x20E1, 0x20E1),
    (0x20E5, 0x20F0), (0x2CEF, 0x2CF1), (0x2D7F, 0x2D7F), (0x2DE0, 0x2DFF), (0x302A, 0x302F),
    (0x3099, 0x309A), (0x30FB, 0x30FB), (0xA66F, 0xA66F), (0xA674, 0xA67D), (0xA69E, 0xA69F),
    (0xA6F0, 0xA6F1), (0xA802, 0xA802), (0xA806, 0xA806), (0xA80B, 0xA80B), (0xA823, 0xA827),
    (0xA82C, 0xA82C), (0xA880, 0xA881), (0xA8B4, 0xA8C5), (0xA8E0, 0xA8F1), (0xA8FF, 0xA8FF),
    (0xA926, 0xA92D), (0xA947, 0xA953), (0xA980, 0xA983), (0xA9B3, 0xA9C0), (0xA9E5, 0xA9E5),
    (0xAA29, 0xAA36), (0xAA43, 0xAA43), (0xAA4C, 0xAA4D), (0xAA7B, 0xAA7D), (0xAAB0, 0xAAB0),
    (0xAAB2, 0xAAB4), (0xAAB7, 0xAAB8), (0xAABE, 0xAABF), (0xAAC1, 0xAAC1), (0xAAEB, 0xAAEF),
    (0xAAF5, 0xAAF6), (0xABE3, 0xABEA), (0xABEC, 0xABED), (0xFB1E, 0xFB1E), (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F), (0xFE33, 0xFE34), (0xFE4D, 0xFE4F), (0xFF3F, 0xFF3F), (0xFF65, 0xFF65),
    (0xFF9E, 0xFF9F), (0x101FD, 0x101FD), (0x102E0, 0x102E0), (0x10376, 0x1037A), (0x10A01, 0x10A03),
    (0x10A05, 0x10A06), (0x10A0C, 0x10A0F), (0x10A38, 0x10A3A), (0x10A3F, 0x10A3F), (0x10AE5, 0x10AE6),
    (0x10D24, 0x10D27), (0x10EAB, 0x10EAC), (0x10EFD, 0x10EFF), (0x10F46, 0x10F50), (0x10F82, 0x10F85),
    (0x11000, 0x11002), (0x11038, 0x11046), (0x11070, 0x11070), (0x11073, 0x11074), (0x1107F, 0x11082),
    (0x110B0, 0x110BA), (0x110C2, 0x110C2), (0x11100, 0x11102), (0x11127, 0x11134), (0x11145, 0x11146),
    (0x11173, 0x11173), (0x11180, 0x11182), (0x111B3, 0x111C0), (0x111C9, 0x111CC), (0x111CE, 0x111CF),
    (0x1122C, 0x11237), (0x1123E, 0x1123E), (0x11241, 0x11241), (0x112DF, 0x112EA), (0x11300, 0x11303),
    (0x1133B, 0x1133C), (0x1133E, 0x11344), (0x11347, 0x11348), (0x1134B, 0x1134D), (0x11357, 0x11357),
    (0x11362, 0x11363), (0x11366, 0x1136C), (0x11370, 0x11374), (0x11435, 0x11446), (0x1145E, 0x1145E),
    (0x114B0, 0x114C3), (0x115AF, 0x115B5), (0x115B8, 0x115C0), (0x115DC, 0x115DD), (0x11630, 0x11640),
    (0x116AB, 0x116B7), (0x1171D, 0x1172B), (0x1182C, 0x1183A), (0x11930, 0x11935), (0x11937, 0x11938),
    (0x1193B, 0x1193E), (0x11940, 0x11940), (0x11942, 0x11943), (0x119D1, 0x119D7), (0x119DA, 0x119E0),
    (0x119E4, 0x119E4), (0x11A01, 0x11A0A), (0x11A33, 0x11A39), (0x11A3B, 0x11A3E), (0x11A47, 0x11A47),
    (0x11A51, 0x11A5B), (0x11A8A, 0x11A99), (0x11C2F, 0x11C36), (0x11C38, 0x11C3F), (0x11C92, 0x11CA7),
    (0x11CA9, 0x11CB6), (0x11D31, 0x11D36), (0x11D3A, 0x11D3A), (0x11D3C, 0x11D3D), (0x11D3F, 0x11D45),
    (0x11D47, 0x11D47), (0x11D8A, 0x11D8E), (0x11D90, 0x11D91), (0x11D93, 0x11D97), (0x11EF3, 0x11EF6),
    (0x11F00, 0x11F01), (0x11F03, 0x11F03), (0x11F34, 0x11F3A), (0x11F3E, 0x11F42), (0x13440, 0x13440),
    (0x13447, 0x13455), (0x16AF0, 0x16AF4), (0x16B30, 0x16B36), (0x16F4F, 0x16F4F), (0x16F51, 0x16F87),
    (0x16F8F, 0x16F92), (0x16FE4, 0x16FE4), (0x16FF0, 0x16FF1), (0x1BC9D, 0x1BC9E), (0x1CF00, 0x1CF2D),
    (0x1CF30, 0x1CF46), (0x1D165, 0x1D169), (0x1D16D, 0x1D172), (0x1D17B, 0x1D182), (0x1D185, 0x1D18B),
    (0x1D1AA, 0x1D1AD), (0x1D242, 0x1D244), (0x1DA00, 0x1DA36), (0x1DA3B, 0x1DA6C), (0x1DA75, 0x1DA75),
    (0x1DA84, 0x1DA84), (0x1DA9B, 0x1DA9F), (0x1DAA1, 0x1DAAF), (0x1E000, 0x1E006), (0x1E008, 0x1E018),
    (0x1E01B, 0x1E021), (0x1E023, 0x1E024), (0x1E026, 0x1E02A), (0x1E08F, 0x1E08F), (0x1E130, 0x1E136),
    (0x1E2AE, 0x1E2AE), (0x1E2EC, 0x1E2EF), (0x1E4EC, 0x1E4EF), (0x1E8D0, 0x1E8D6), (0x1E944, 0x1E94A),
    (0xE0100, 0xE01EF),
];

/// `str.isalnum()` for one char.
fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// XID_Start (plus `_`) and XID_Continue, for `str.isidentifier()`.
fn is_id_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    (c.is_alphabetic() && !in_ranges(ALPHABETIC_NON_LETTERS, c))
        || matches!(c as u32, 0x2118 | 0x212E)
}

fn is_id_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_id_start(c) || is_decimal(c) || in_ranges(ID_CONTINUE_EXTRA, c)
}

/// Titlecase letters (general category Lt).
fn is_titlecase(c: char) -> bool {
    matches!(
        c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC
    )
}

/// CPython's `_PyUnicode_IsCased`.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Line boundaries of `str.splitlines()`.
fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

// ---------------------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------------------

/// For each `Σ` in `s` (in order), whether it lowercases to the final form `ς` (Unicode's
/// Final_Sigma condition, as `str::to_lowercase` and CPython's `handle_capital_sigma`).
fn final_sigmas(s: &str) -> Vec<bool> {
    if !s.contains('Σ') {
        return Vec::new();
    }
    let lowered: Vec<char> = s.to_lowercase().chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for c in s.chars() {
        if c == 'Σ' {
            out.push(lowered.get(at) == Some(&'ς'));
        }
        at += c.to_lowercase().count();
    }
    out
}

/// Pushes the full lowercase of `c`; `sigmas` supplies the final-sigma decisions.
fn push_lower(out: &mut String, c: char, sigmas: &mut std::slice::Iter<bool>) {
    if c == 'Σ' {
        out.push(if sigmas.next().copied().unwrap_or(false) {
            'ς'
        } else {
            'σ'
        });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// The full titlecase mapping of `c` (UnicodeData's titlecase + SpecialCasing.txt).
fn push_title(out: &mut String, c: char) {
    let n = c as u32;
    let single = match n {
        0x1C4..=0x1C6 => Some(0x1C5),
        0x1C7..=0x1C9 => Some(0x1C8),
        0x1CA..=0x1CC => Some(0x1CB),
        0x1F1..=0x1F3 => Some(0x1F2),
        // Georgian Mkhedruli letters are their own titlecase.
        0x10D0..=0x10FA | 0x10FD..=0x10FF => Some(n),
        0x1F80..=0x1FAF => Some(if n & 0xF < 8 { n + 8 } else { n }),
        0x1FB3 | 0x1FBC => Some(0x1FBC),
        0x1FC3 | 0x1FCC => Some(0x1FCC),
        0x1FF3 | 0x1FFC => Some(0x1FFC),
        _ => None,
    };
    if let Some(t) = single.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    match n {
        // Ligatures: titlecase is the first letter upper, the rest lower.
        0xDF | 0xFB00..=0xFB06 | 0xFB13..=0xFB17 | 0x587 => {
            let mut up = c.to_uppercase();
            if let Some(first) = up.next() {
                out.push(first);
            }
            for rest in up {
                out.extend(rest.to_lowercase());
            }
        }
        // Greek with ypogegrammeni and no precomposed titlecase: the iota stays a
        // combining ypogegrammeni.
        0x1FB2 | 0x1FB4 | 0x1FB7 | 0x1FC2 | 0x1FC4 | 0x1FC7 | 0x1FF2 | 0x1FF4 | 0x1FF7 => {
            let up: String = c.to_uppercase().collect();
            out.push_str(up.strip_suffix('Ι').unwrap_or(&up));
            out.push('\u{345}');
        }
        _ => out.extend(c.to_uppercase()),
    }
}

/// The full case folding of `c` (CaseFolding.txt, status C + F), derived from the case
/// mappings: lower(upper(lower(c))), with the exceptions where that differs.
fn push_fold(out: &mut String, c: char) {
    let n = c as u32;
    match n {
        // Cherokee folds to its uppercase letters.
        0x13F8..=0x13FD => out.push(char::from_u32(n - 8).unwrap_or(c)),
        0xAB70..=0xABBF => out.push(char::from_u32(n - 0xAB70 + 0x13A0).unwrap_or(c)),
        0x13A0..=0x13F5 => out.push(c),
        // Dotless i has no folding.
        0x131 => out.push(c),
        _ => {
            for l in c.to_lowercase() {
                for u in l.to_uppercase() {
                    out.extend(u.to_lowercase());
                }
            }
        }
    }
}

fn str_lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "lower")?.as_str();
    if s.is_ascii() {
        return Ok(new_string(s.to_ascii_lowercase()));
    }
    Ok(new_string(s.to_lowercase()))
}

fn str_upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "upper")?.as_str();
    if s.is_ascii() {
        return Ok(new_string(s.to_ascii_uppercase()));
    }
    Ok(new_string(s.to_uppercase()))
}

fn str_casefold(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "casefold")?.as_str();
    if s.is_ascii() {
        return Ok(new_string(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(&mut out, c);
    }
    Ok(new_string(out))
}

fn str_swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "swapcase")?.as_str();
    let sigmas = final_sigmas(s);
    let mut sigmas = sigmas.iter();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            push_lower(&mut out, c, &mut sigmas);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            if c == 'Σ' {
                sigmas.next();
            }
            out.push(c);
        }
    }
    Ok(new_string(out))
}

fn str_title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "title")?.as_str();
    let sigmas = final_sigmas(s);
    let mut sigmas = sigmas.iter();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            push_lower(&mut out, c, &mut sigmas);
        } else {
            if c == 'Σ' {
                sigmas.next();
            }
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    Ok(new_string(out))
}

fn str_capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "capitalize")?.as_str();
    let sigmas = final_sigmas(s);
    let mut sigmas = sigmas.iter();
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        if first == 'Σ' {
            sigmas.next();
        }
        push_title(&mut out, first);
    }
    for c in chars {
        push_lower(&mut out, c, &mut sigmas);
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
        Some(first) => is_id_start(first) && chars.all(is_id_continue),
        None => false,
    };
    Ok(bool_value(ok))
}

fn str_islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "islower")?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return Ok(bool_value(false));
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    Ok(bool_value(cased))
}

fn str_isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = no_args(&args, "isupper")?.as_str();
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return Ok(bool_value(false));
        }
        if c.is_uppercase() {
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
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return Ok(bool_value(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
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
                        if let Some(name) = (!super::str::is_surrogate(*c)).then(|| unicode_names2::name(*c)).flatten() {
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
