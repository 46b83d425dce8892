//! Source bytes to text: the BOM, PEP 263 coding cookies and the errors CPython's
//! tokenizer reports for bytes it cannot decode.
//!
//! CPython decodes while tokenizing, so what an undecodable byte means depends on where
//! it sits.  Taipan decodes up front and recreates that: a scan of the bytes tracks
//! comments and string literals (`Scan`), so the error for the first bad byte can say
//! what CPython's tokenizer would:
//! - a script run from a file: "Non-UTF-8 code starting with ... in file ..." (the file
//!   tokenizer checks each line);
//! - `compile()` of bytes and imports (importlib compiles bytes): a bad byte in a
//!   comment is harmless, in a bytes literal it is the compiler's "bytes can only
//!   contain ASCII literal characters", in a string literal or a name it is
//!   "(unicode error) 'utf-8' codec can't decode ..." located at the token.

use crate::objects::exceptions;
use crate::objects::str::new_str;
use crate::objects::str_methods::{decode_bytes, Codec};
use crate::runtime::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Where the source bytes come from (their errors differ).
#[derive(Clone, Copy)]
pub enum Origin<'a> {
    /// The script file given on the command line.
    ScriptFile(&'a str),
    /// `compile()`/`exec()` of bytes, or a module being imported: the filename.
    Bytes(&'a str),
}

/// Decodes Python source bytes as CPython's tokenizer does.
pub fn decode_source(vm: &mut Vm, bytes: &[u8], origin: Origin) -> PyResult<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(name) = coding_cookie(bytes) {
        return decode_declared(vm, bytes, &name, origin);
    }
    decode_utf8(vm, bytes, origin)
}

/// The encoding a PEP 263 cookie declares: `coding[:=]\s*([-\w.]+)` in a comment on
/// line 1, or on line 2 when line 1 is blank or a comment.
fn coding_cookie(bytes: &[u8]) -> Option<String> {
    let mut lines = bytes.split(|b| *b == b'\n');
    let first = lines.next()?;
    if let Some(c) = cookie_in_line(first) {
        return Some(c);
    }
    let first_is_comment_or_blank = {
        let t = trim_start_ws(first);
        t.is_empty() || t[0] == b'#' || t == b"\r"
    };
    if first_is_comment_or_blank {
        return lines.next().and_then(cookie_in_line);
    }
    None
}

fn trim_start_ws(line: &[u8]) -> &[u8] {
    let n = line.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\x0c')).count();
    &line[n..]
}

fn cookie_in_line(line: &[u8]) -> Option<String> {
    let t = trim_start_ws(line);
    if t.first() != Some(&b'#') {
        return None;
    }
    let mut i = 0;
    while let Some(off) = t[i..].windows(6).position(|w| w == b"coding") {
        let after = i + off + 6;
        if matches!(t.get(after), Some(b':' | b'=')) {
            let rest = trim_start_ws(&t[after + 1..]);
            let n = rest.iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')).count();
            if n > 0 {
                return Some(String::from_utf8_lossy(&rest[..n]).into_owned());
            }
        }
        i = after;
    }
    None
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it recognises.
fn normal_name(name: &str) -> String {
    let lower: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for l1 in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == l1 || lower.starts_with(&format!("{l1}-")) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

fn syntax_error_at(msg: String, filename: &str, lineno: i64, offset: i64, text: Option<String>, end: Option<(i64, i64)>) -> PyErr {
    use crate::objects::int::new_int;
    let text = text.map(|t| new_str(&t)).unwrap_or_else(crate::objects::singletons::none);
    let mut details = vec![new_str(filename), new_int(lineno), new_int(offset), text];
    if let Some((el, eo)) = end {
        details.push(new_int(el));
        details.push(new_int(eo));
    }
    PyErr::with_args(&exceptions::SYNTAX_ERROR, vec![new_str(&msg), crate::objects::tuple::new_tuple(details)])
}

fn decode_declared(vm: &mut Vm, bytes: &[u8], name: &str, origin: Origin) -> PyResult<String> {
    let normal = normal_name(name);
    if normal == "utf-8" {
        return decode_utf8(vm, bytes, origin);
    }
    if normal == "iso-8859-1" {
        return Ok(bytes.iter().map(|b| *b as char).collect());
    }
    let decoded = decode_with_codecs(vm, bytes, name);
    match (decoded, origin) {
        (Ok(s), _) => Ok(s),
        (Err(_), Origin::ScriptFile(_)) => Err(PyErr::new(&exceptions::SYNTAX_ERROR, format!("encoding problem: {name}"))),
        (Err(e), Origin::Bytes(filename)) => {
            let msg = if e.matches(&exceptions::LOOKUP_ERROR) {
                format!("unknown encoding: {name}")
            } else {
                let s = super::ops::str(vm, &e.exc)?;
                crate::objects::str::as_str(&s).unwrap_or("").to_string()
            };
            Err(syntax_error_at(msg, filename, 0, -1, None, None))
        }
    }
}

/// `codecs.decode(bytes, name)` for encodings Taipan has no native decoder for.
fn decode_with_codecs(vm: &mut Vm, bytes: &[u8], name: &str) -> PyResult<String> {
    let codecs = super::import::import_module(vm, "codecs")?;
    let decode = super::ops::getattr_str(vm, &codecs, "decode")?;
    let data: Value = crate::objects::bytes::new_bytes(bytes.to_vec());
    let s = super::call::call(vm, &decode, &[data, new_str(name)])?;
    crate::objects::str::as_str(&s)
        .map(str::to_string)
        .ok_or_else(|| PyErr::new(&exceptions::LOOKUP_ERROR, format!("unknown encoding: {name}")))
}

/// The message `bytes.decode('utf-8')` gives for `data`.
fn utf8_error_message(vm: &mut Vm, data: &[u8]) -> PyResult<String> {
    match decode_bytes(data, Codec::Utf8, "strict") {
        Ok(_) => Ok(String::new()),
        Err(e) => {
            let s = super::ops::str(vm, &e.exc)?;
            Ok(crate::objects::str::as_str(&s).unwrap_or("").to_string())
        }
    }
}

fn decode_utf8(vm: &mut Vm, bytes: &[u8], origin: Origin) -> PyResult<String> {
    let first_bad = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => e.valid_up_to(),
    };
    match origin {
        Origin::ScriptFile(path) => {
            let line = bytes[..first_bad].iter().filter(|b| **b == b'\n').count() + 1;
            Err(PyErr::new(
                &exceptions::SYNTAX_ERROR,
                format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    bytes[first_bad]
                ),
            ))
        }
        Origin::Bytes(filename) => decode_bytes_source(vm, bytes, filename),
    }
}

/// What the scanner knows about the byte at a position.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Code,
    Comment,
    /// Inside a string literal: (token start, content start, quote, triple, bytes, raw).
    Str { start: usize, content: usize, quote: u8, triple: bool, bytes: bool, raw: bool },
}

/// Walks the source tracking comments and string literals.
struct Scan<'a> {
    src: &'a [u8],
    pos: usize,
    place: Place,
}

impl Scan<'_> {
    /// Advances to `target`, updating `place`.
    fn advance_to(&mut self, target: usize) {
        while self.pos < target {
            let b = self.src[self.pos];
            match self.place {
                Place::Comment => {
                    if b == b'\n' {
                        self.place = Place::Code;
                    }
                    self.pos += 1;
                }
                Place::Str { quote, triple, raw, .. } => {
                    if b == b'\\' {
                        self.pos += 2;
                        let _ = raw; // a backslash escapes the quote in raw strings too
                    } else if b == quote && (!triple || self.src[self.pos..].starts_with(&[quote; 3])) {
                        self.pos += if triple { 3 } else { 1 };
                        self.place = Place::Code;
                    } else if b == b'\n' && !triple {
                        self.place = Place::Code; // unterminated: the compiler reports it
                        self.pos += 1;
                    } else {
                        self.pos += 1;
                    }
                }
                Place::Code => {
                    if b == b'#' {
                        self.place = Place::Comment;
                        self.pos += 1;
                    } else if b == b'\'' || b == b'"' {
                        self.open_string(self.pos);
                    } else if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 {
                        // A name, or a string prefix directly followed by a quote.
                        let start = self.pos;
                        let n = self.src[start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c >= 0x80).count();
                        let word = &self.src[start..start + n];
                        let next = self.src.get(start + n).copied();
                        let is_prefix = n <= 2 && word.iter().all(|c| b"rRbBuUfF".contains(c));
                        if is_prefix && matches!(next, Some(b'\'' | b'"')) {
                            self.pos = start + n;
                            self.open_string(start);
                        } else {
                            self.pos = start + n.max(1);
                        }
                    } else {
                        self.pos += 1;
                    }
                }
            }
        }
    }

    fn open_string(&mut self, start: usize) {
        let prefix = &self.src[start..self.pos];
        let quote = self.src[self.pos];
        let triple = self.src[self.pos..].starts_with(&[quote; 3]);
        let q = if triple { 3 } else { 1 };
        self.pos += q;
        self.place = Place::Str {
            start,
            content: self.pos,
            quote,
            triple,
            bytes: prefix.iter().any(|c| matches!(c, b'b' | b'B')),
            raw: prefix.iter().any(|c| matches!(c, b'r' | b'R')),
        };
    }
}

fn line_start(src: &[u8], pos: usize) -> usize {
    src[..pos].iter().rposition(|b| *b == b'\n').map(|i| i + 1).unwrap_or(0)
}

/// Characters (as CPython counts columns of the decoded line) in `src[from..to]`.
fn char_count(src: &[u8], from: usize, to: usize) -> i64 {
    String::from_utf8_lossy(&src[from..to]).chars().count() as i64
}

/// Characters in `data`, each byte of an invalid sequence counting as one.
fn byte_chars(data: &[u8]) -> i64 {
    let mut n = 0;
    let mut rest = data;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return n + s.chars().count() as i64,
            Err(e) => {
                let good = e.valid_up_to();
                let bad = e.error_len().unwrap_or(rest.len() - good);
                n += std::str::from_utf8(&rest[..good]).map(|s| s.chars().count()).unwrap_or(0) as i64 + bad as i64;
                rest = &rest[good + bad..];
            }
        }
    }
}

fn line_text(src: &[u8], start: usize) -> String {
    let end = src[start..].iter().position(|b| *b == b'\n').map(|i| start + i).unwrap_or(src.len());
    format!("{}\n", String::from_utf8_lossy(&src[start..end]))
}

/// `compile()` of bytes without a cookie: bad bytes in comments and bytes literals
/// become U+FFFD (harmless there, or reported by the compiler); the first in a name
/// or string literal is the tokenizer's "(unicode error)".
fn decode_bytes_source(vm: &mut Vm, src: &[u8], filename: &str) -> PyResult<String> {
    let mut out = String::with_capacity(src.len());
    let mut scan = Scan { src, pos: 0, place: Place::Code };
    let mut done = 0;
    while done < src.len() {
        let (good, bad_len) = match std::str::from_utf8(&src[done..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => (e.valid_up_to(), e.error_len().unwrap_or(src.len() - done - e.valid_up_to())),
        };
        let bad = done + good;
        out.push_str(std::str::from_utf8(&src[done..bad]).unwrap_or(""));
        scan.advance_to(bad);
        let lineno = src[..bad].iter().filter(|b| **b == b'\n').count() as i64 + 1;
        match scan.place {
            Place::Comment | Place::Str { bytes: true, .. } => {
                out.push('\u{FFFD}');
                done = bad + bad_len;
            }
            Place::Str { start, content, quote, triple, raw, .. } => {
                // The literal's text runs to its closing quote; CPython decodes it in
                // pieces split at backslash escapes (not in raw strings).
                let mut end = bad;
                while end < src.len() {
                    let c = src[end];
                    if c == b'\\' && !raw {
                        break;
                    }
                    if c == b'\\' {
                        end += 2;
                        continue;
                    }
                    if c == quote && (!triple || src[end..].starts_with(&[quote; 3])) || (c == b'\n' && !triple) {
                        break;
                    }
                    end += 1;
                }
                let end = end.min(src.len());
                let mut piece_start = content;
                if !raw {
                    let mut i = content;
                    while i < bad {
                        if src[i] == b'\\' {
                            i += 2;
                            piece_start = i;
                        } else {
                            i += 1;
                        }
                    }
                }
                let piece_start = piece_start.min(bad);
                let msg = utf8_error_message(vm, &src[piece_start..end])?;
                let ls = line_start(src, start);
                let tok_lineno = src[..start].iter().filter(|b| **b == b'\n').count() as i64 + 1;
                let offset = char_count(src, ls, start) + 1;
                let end_offset = offset + (content - start) as i64 - 1 + byte_chars(&src[content..end]);
                return Err(syntax_error_at(
                    format!("(unicode error) {msg}"),
                    filename,
                    tok_lineno,
                    offset,
                    Some(line_text(src, ls)),
                    Some((lineno, end_offset)),
                ));
            }
            Place::Code => {
                let ls = line_start(src, bad);
                let is_name = |c: &u8| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80;
                let tstart = bad - src[ls..bad].iter().rev().take_while(|c| is_name(c)).count();
                let tend = bad + src[bad..].iter().take_while(|c| is_name(c)).count();
                let msg = utf8_error_message(vm, &src[tstart..tend])?;
                let offset = char_count(src, ls, bad) + 1;
                return Err(syntax_error_at(
                    format!("(unicode error) {msg}"),
                    filename,
                    lineno,
                    offset,
                    Some(line_text(src, ls)),
                    Some((lineno, -1)),
                ));
            }
        }
    }
    Ok(out)
}
