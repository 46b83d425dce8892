//! The `binascii` module: conversions between binary data and ASCII encodings (hex,
//! base64, quoted-printable, uuencode) and the CRC-32 / CRC-CCITT checksums.  Follows
//! the `binascii` documentation page and the behaviour of CPython 3.13's
//! `Modules/binascii.c` (and `Python/pystrhex.c` for `hexlify`'s separators), including
//! its error messages and its lenient (non-strict) base64 decoding.
//!
//! `a2b_*` functions accept ASCII-only `str` as well as bytes-like objects; `b2a_*`
//! functions accept bytes-like objects only, as in CPython.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::ToPrimitive;

use super::ModuleDef;
use crate::objects::bytes::{buffer, bytes_arg, new_bytes};
use crate::objects::exceptions::{self, EXC_LAYOUT};
use crate::objects::int::{as_int, new_int};
use crate::objects::str::as_str;
use crate::objects::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt, p, po};
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

/// `binascii.Error`.
pub static BINASCII_ERROR: PyType = PyType::new_static(StaticTypeInit {
    name: "Error",
    layout: &EXC_LAYOUT,
    flags: flags::BASETYPE
        | flags::HAVE_GC
        | flags::HAS_DICT
        | flags::BASE_EXC_SUBCLASS
        | flags::WEAKREFABLE,
    base: Some(&exceptions::VALUE_ERROR),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("binascii"),
});

/// `binascii.Incomplete`.
pub static BINASCII_INCOMPLETE: PyType = PyType::new_static(StaticTypeInit {
    name: "Incomplete",
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
    module: Some("binascii"),
});

fn error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&BINASCII_ERROR, msg)
}

// ---------------------------------------------------------------------------------------
// Argument conversions
// ---------------------------------------------------------------------------------------

/// `ascii_buffer_converter`: a bytes-like object or an ASCII-only str.
fn ascii_data(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        if !s.is_ascii() {
            return Err(value_error(
                "string argument should contain only ASCII characters",
            ));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match buffer(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            v.ty().name()
        ))),
    }
}

/// A bool argument (Argument Clinic's `bool` converter).
fn flag(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => ops::is_true(vm, &v),
        None => Ok(default),
    }
}

/// An `unsigned int(bitwise=True)` argument: `__index__`, then the low 32 bits.
fn bitwise_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let i = ops::index(vm, v)?;
    let b = as_int(&i).map(|i| i.to_bigint()).unwrap_or_default();
    Ok(b.mod_floor(&BigInt::from(1u64 << 32)).to_u32().unwrap_or(0))
}

/// A METH_O function: exactly one positional argument, no keywords.
fn single<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!(
            "binascii.{name}() takes no keyword arguments"
        )));
    }
    match args.positional() {
        [x] => Ok(x),
        other => Err(type_error(format!(
            "binascii.{name}() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// uuencode
// ---------------------------------------------------------------------------------------

fn a2b_uu(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ascii_data(single(&args, "a2b_uu")?)?;
    // The first character is the length; an empty line reads as NUL (C string end).
    let first = data.first().copied().unwrap_or(0);
    let mut bin_len = usize::from(first.wrapping_sub(b' ') & 0o77);
    let rest = data.get(1..).unwrap_or(&[]);
    let mut out = Vec::with_capacity(bin_len);
    let mut leftchar: u32 = 0;
    let mut leftbits = 0u32;
    let mut pos = 0usize;
    while bin_len > 0 {
        let ch = rest.get(pos).copied();
        pos += 1;
        let val = match ch {
            None | Some(b'\n' | b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error("Illegal char"));
                }
                u32::from(c - b' ') & 0o77
            }
        };
        leftchar = (leftchar << 6) | val;
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    // Anything left on the line must be whitespace (or '`' padding).
    if let Some(tail) = rest.get(pos..) {
        if tail
            .iter()
            .any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r'))
        {
            return Err(error("Trailing garbage"));
        }
    }
    Ok(new_bytes(out))
}

fn b2a_uu(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("b2a_uu", &[po("data"), kw("backtick")]);
    let [data, backtick] = SIG.parse::<2>(args)?;
    let data = data.expect("required");
    let data = bytes_arg(&data)?.into_owned();
    let backtick = flag(vm, backtick, false)?;
    if data.len() > 45 {
        return Err(error("At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = Vec::with_capacity(2 + data.len().div_ceil(3) * 4);
    out.push(enc(data.len() as u32));
    for chunk in data.chunks(3) {
        let mut word = 0u32;
        for k in 0..3 {
            word = (word << 8) | u32::from(chunk.get(k).copied().unwrap_or(0));
        }
        for shift in [18, 12, 6, 0] {
            out.push(enc((word >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(new_bytes(out))
}

// ---------------------------------------------------------------------------------------
// base64
// ---------------------------------------------------------------------------------------

const B64_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `binascii_a2b_base64_impl`: non-strict mode skips invalid characters and stops at
/// the first complete padding; strict mode rejects both.
fn a2b_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("a2b_base64", &[po("data"), kw("strict_mode")]);
    let [data, strict] = SIG.parse::<2>(args)?;
    let data = ascii_data(&data.expect("required"))?;
    let strict = flag(vm, strict, false)?;
    if strict && data.first() == Some(&b'=') {
        return Err(error("Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len().div_ceil(4) * 3);
    let mut quad_pos = 0;
    let mut leftchar = 0u8;
    let mut pads = 0;
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad_pos == 0 {
                return Err(error("Excess padding not allowed"));
            }
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(new_bytes(out));
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(new_bytes(out)),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

fn b2a_base64(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("b2a_base64", &[po("data"), kw("newline")]);
    let [data, newline] = SIG.parse::<2>(args)?;
    let data = data.expect("required");
    let data = bytes_arg(&data)?.into_owned();
    let newline = flag(vm, newline, true)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = |k: usize| u32::from(chunk.get(k).copied().unwrap_or(0));
        let word = (b(0) << 16) | (b(1) << 8) | b(2);
        let n = chunk.len() + 1;
        for (k, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            out.push(if k < n {
                B64_ALPHABET[((word >> shift) & 0x3f) as usize]
            } else {
                b'='
            });
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(out))
}

// ---------------------------------------------------------------------------------------
// CRCs
// ---------------------------------------------------------------------------------------

/// The reflected CRC-32 table (polynomial 0xEDB88320), as zlib uses.
const CRC32_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xedb8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The CRC-CCITT table (polynomial 0x1021, not reflected), as used by binhex.
const CRC_HQX_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("binascii.crc32")?;
    let pos = args.check("crc32", 1, 2)?;
    let data = bytes_arg(&pos[0])?.into_owned();
    let mut crc = match pos.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 0,
    };
    crc = !crc;
    for &b in &data {
        crc = CRC32_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    Ok(new_int(i64::from(!crc)))
}

fn crc_hqx(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("binascii.crc_hqx")?;
    let [data, crc] = args.exact::<2>("crc_hqx")?;
    let data = bytes_arg(data)?.into_owned();
    let mut crc = (bitwise_u32(vm, crc)? & 0xffff) as u16;
    for &b in &data {
        crc = (crc << 8) ^ CRC_HQX_TABLE[usize::from((crc >> 8) as u8 ^ b)];
    }
    Ok(new_int(i64::from(crc)))
}

// ---------------------------------------------------------------------------------------
// hex
// ---------------------------------------------------------------------------------------

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `_Py_strhex_impl` for bytes output: `sep` every `bytes_per_sep` bytes, counted from
/// the right when positive and from the left when negative.
fn hexlify_impl(vm: &mut Vm, args: Args, fname: &'static str) -> PyResult<Value> {
    static SIG_HEXLIFY: Sig = Sig::new("hexlify", &[p("data"), opt("sep"), opt("bytes_per_sep")]);
    static SIG_B2A: Sig = Sig::new("b2a_hex", &[p("data"), opt("sep"), opt("bytes_per_sep")]);
    let sig = if fname == "hexlify" {
        &SIG_HEXLIFY
    } else {
        &SIG_B2A
    };
    let [data, sep, per] = sig.parse::<3>(args)?;
    let data = data.expect("required");
    let data = bytes_arg(&data)?.into_owned();
    let per = match per {
        Some(v) => {
            let i = ops::index(vm, &v)?;
            as_int(&i)
                .and_then(|i| i.to_i64())
                .and_then(|i| i32::try_from(i).ok())
                .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?
        }
        None => 1,
    };
    let sep_char = match sep {
        None => None,
        Some(sep) => {
            if ops::len(vm, &sep)? != 1 {
                return Err(value_error("sep must be length 1."));
            }
            let c = if let Some(s) = as_str(&sep) {
                let ch = s.chars().next().map(u32::from).unwrap_or(0);
                if ch > 0xff {
                    return Err(value_error("sep must be ASCII."));
                }
                ch as u8
            } else if let Some(b) = crate::objects::bytes::as_bytes(&sep) {
                b[0]
            } else {
                return Err(type_error("sep must be str or bytes."));
            };
            Some(c)
        }
    };
    let group = per.unsigned_abs() as usize;
    let sep_char = sep_char.filter(|_| group > 0 && group < data.len());
    let mut out = Vec::with_capacity(data.len() * 3);
    let n = data.len();
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep_char {
            // A separator goes before byte i when a group boundary falls there.
            let boundary = if per > 0 {
                i > 0 && (n - i) % group == 0
            } else {
                i > 0 && i % group == 0
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX_DIGITS[usize::from(b >> 4)]);
        out.push(HEX_DIGITS[usize::from(b & 0xf)]);
    }
    Ok(new_bytes(out))
}

fn hexlify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hexlify_impl(vm, args, "hexlify")
}

fn b2a_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    hexlify_impl(vm, args, "b2a_hex")
}

fn unhex_impl(data: &[u8]) -> PyResult<Value> {
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks_exact(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(hi), Some(lo)) => out.push((hi * 16 + lo) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

fn unhexlify(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    unhex_impl(&ascii_data(single(&args, "unhexlify")?)?)
}

fn a2b_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    unhex_impl(&ascii_data(single(&args, "a2b_hex")?)?)
}

// ---------------------------------------------------------------------------------------
// quoted-printable
// ---------------------------------------------------------------------------------------

fn a2b_qp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("a2b_qp", &[p("data"), opt("header")]);
    let [data, header] = SIG.parse::<2>(args)?;
    let data = ascii_data(&data.expect("required"))?;
    let header = flag(vm, header, false)?;
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let c = data[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            let d = data[i];
            if d == b'\n' || d == b'\r' {
                // Soft line break: skip to the end of the line.
                if d != b'\n' {
                    while i < n && data[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if d == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < n && d.is_ascii_hexdigit() && data[i + 1].is_ascii_hexdigit() {
                let hi = (d as char).to_digit(16).unwrap_or(0);
                let lo = (data[i + 1] as char).to_digit(16).unwrap_or(0);
                out.push((hi * 16 + lo) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_bytes(out))
}

const MAXLINESIZE: usize = 76;

/// `binascii_b2a_qp_impl` (its encoding pass; line ends follow the first one found).
fn b2a_qp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "b2a_qp",
        &[p("data"), opt("quotetabs"), opt("istext"), opt("header")],
    );
    let [data, quotetabs, istext, header] = SIG.parse::<4>(args)?;
    let data = data.expect("required");
    let data = bytes_arg(&data)?.into_owned();
    let quotetabs = flag(vm, quotetabs, false)?;
    let istext = flag(vm, istext, true)?;
    let header = flag(vm, header, false)?;
    let n = data.len();
    let crlf = match data.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && data[p - 1] == b'\r',
        None => false,
    };
    let hex = b"0123456789ABCDEF";
    let mut out: Vec<u8> = Vec::with_capacity(n * 2);
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut i = 0;
    let mut linelen = 0;
    while i < n {
        let c = data[i];
        let next = data.get(i + 1).copied();
        let at_end = i + 1 == n;
        let needs_quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && at_end)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if needs_quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            out.push(hex[usize::from(c >> 4)]);
            out.push(hex[usize::from(c & 0xf)]);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // Protect whitespace at the end of a line.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    out.push(hex[usize::from(last >> 4)]);
                    out.push(hex[usize::from(last & 0xf)]);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if !at_end && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_bytes(out))
}

/// A method entry with its docstring.
const fn documented(m: MethodDef, doc: &'static str) -> MethodDef {
    MethodDef { doc, ..m }
}

/// `hexlify`/`b2a_hex`'s shared docstring, ending with the other name.
macro_rules! hexlify_doc {
    ($tail:literal) => {
        concat!("Hexadecimal representation of binary data.\n\n  sep\n    An optional single character or byte to separate hex bytes.\n  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n    right, negative values count from the left.\n\nThe return value is a bytes object.  This function is also\navailable as ", $tail)
    };
}

static BINASCII_METHODS: &[MethodDef] = &[
    documented(MethodDef::method("a2b_uu", a2b_uu), "Decode a line of uuencoded data."),
    documented(MethodDef::method("b2a_uu", b2a_uu), "Uuencode line of data."),
    documented(
        MethodDef::method("a2b_base64", a2b_base64),
        "Decode a line of base64 data.\n\n  strict_mode\n    When set to True, bytes that are not part of the base64 standard are not allowed.\n    The same applies to excess data after padding (= / ==).",
    ),
    documented(MethodDef::method("b2a_base64", b2a_base64), "Base64-code line of data."),
    documented(
        MethodDef::method("a2b_hex", a2b_hex),
        "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).\nThis function is also available as \"unhexlify()\".",
    ),
    documented(
        MethodDef::method("b2a_hex", b2a_hex),
        hexlify_doc!("\"hexlify()\".\n\nExample:\n>>> binascii.b2a_hex(b\'\\xb9\\x01\\xef\')\nb\'b901ef\'\n>>> binascii.hexlify(b\'\\xb9\\x01\\xef\', \':\')\nb\'b9:01:ef\'\n>>> binascii.b2a_hex(b\'\\xb9\\x01\\xef\', b\'_\', 2)\nb\'b9_01ef\'"),
    ),
    documented(MethodDef::method("hexlify", hexlify), hexlify_doc!("\"b2a_hex()\".")),
    documented(
        MethodDef::method("unhexlify", unhexlify),
        "Binary data of hexadecimal representation.\n\nhexstr must contain an even number of hex digits (upper or lower case).",
    ),
    documented(MethodDef::method("crc_hqx", crc_hqx), "Compute CRC-CCITT incrementally."),
    documented(MethodDef::method("crc32", crc32), "Compute CRC-32 incrementally."),
    documented(MethodDef::method("a2b_qp", a2b_qp), "Decode a string of qp-encoded data."),
    documented(
        MethodDef::method("b2a_qp", b2a_qp),
        "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space and tabs are encoded.",
    ),
];

fn binascii_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        crate::objects::typeobject_methods::init_static_type(&BINASCII_ERROR);
        crate::objects::typeobject_methods::init_static_type(&BINASCII_INCOMPLETE);
    });
    super::add_object(module, "Error", BINASCII_ERROR.to_value());
    super::add_object(module, "Incomplete", BINASCII_INCOMPLETE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "binascii",
    doc: Some("Conversion between binary data and ASCII"),
    methods: BINASCII_METHODS,
    init: Some(binascii_init),
};
