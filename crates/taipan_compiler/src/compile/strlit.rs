//! Lone surrogates in string literals.
//!
//! The parser replaces a `\ud800`-style escape with U+FFFD.  Taipan's runtime stores a
//! lone surrogate as the private-use character U+100000 + its code point (the NOTE in
//! `taipan/src/objects/str.rs`), so a literal part whose value holds U+FFFD is decoded
//! again from its source text, following the escape rules of CPython's
//! `_PyUnicode_DecodeUnicodeEscapeInternal`.

use std::borrow::Cow;

use ruff_python_ast::{self as ast, StringFlags};
use ruff_text_size::{Ranged, TextRange};

/// A lone surrogate `s` is the char `SURROGATE_OFFSET + s` at run time.
const SURROGATE_OFFSET: u32 = 0x100000;

/// The value of a plain string-literal part.
pub(crate) fn string_part<'v>(src: &str, part: &'v ast::StringLiteral) -> Cow<'v, str> {
    if !part.value.contains('\u{FFFD}') || part.flags.prefix().is_raw() {
        return Cow::Borrowed(&part.value);
    }
    let range = part.range();
    let open = part.flags.opener_len().to_usize();
    let close = part.flags.closer_len().to_usize();
    let (start, end) = (range.start().to_usize() + open, range.end().to_usize().saturating_sub(close));
    match src.get(start..end).and_then(|body| decode(body, false)) {
        Some(v) => Cow::Owned(v),
        None => Cow::Borrowed(&part.value),
    }
}

/// The value of a literal element of a (non-raw) f-string, whose braces are doubled
/// in the source.
pub(crate) fn fstring_element<'v>(src: &str, value: &'v str, range: TextRange, raw: bool) -> Cow<'v, str> {
    if !value.contains('\u{FFFD}') || raw {
        return Cow::Borrowed(value);
    }
    match src.get(range.start().to_usize()..range.end().to_usize()).and_then(|body| decode(body, true)) {
        Some(v) => Cow::Owned(v),
        None => Cow::Borrowed(value),
    }
}

fn hex_value(digits: &str) -> Option<u32> {
    u32::from_str_radix(digits, 16).ok()
}

/// Decodes the escapes of `body`; None when it holds something this decoder leaves
/// to the parser (`\N{...}`, malformed escapes).
fn decode(body: &str, fstring: bool) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if fstring && (c == '{' || c == '}') {
            if chars.peek().map(|&(_, d)| d) == Some(c) {
                chars.next();
            }
            out.push(c);
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let (_, e) = chars.next()?;
        let simple = match e {
            '\n' => Some(None),
            '\r' => {
                if chars.peek().map(|&(_, d)| d) == Some('\n') {
                    chars.next();
                }
                Some(None)
            }
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(c) = simple {
            out.extend(c);
            continue;
        }
        match e {
            '0'..='7' => {
                let mut n = e.to_digit(8)?;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_digit(8) => {
                            n = n * 8 + d.to_digit(8)?;
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(n)?);
            }
            'x' | 'u' | 'U' => {
                let len = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let start = i + 2;
                let digits = body.get(start..start + len)?;
                let n = hex_value(digits)?;
                for _ in 0..len {
                    chars.next();
                }
                let n = if (0xD800..0xE000).contains(&n) { n + SURROGATE_OFFSET } else { n };
                out.push(char::from_u32(n)?);
            }
            'N' => return None,
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Some(out)
}
