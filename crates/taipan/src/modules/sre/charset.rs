//! Character classes, categories and case mapping of the `_sre` engine.  Mirrors the
//! helpers at the top of CPython's `Modules/_sre/sre.c` (`sre_lower_ascii`,
//! `sre_lower_unicode`, `sre_category`, `char_loc_ignore`) and `SRE(charset)` in
//! `Modules/_sre/sre_lib.h`.
//!
//! Unicode properties come from `objects/unicodectype.rs` (CPython's Unicode 15.1 tables).

use super::engine::op;
use crate::objects::unicodectype;

/// `sre_lower_ascii`.
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

/// `sre_upper_ascii`.
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// The simple (one code point) lowercase mapping, `_PyUnicode_ToLowercase`.
pub fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    unicodectype::to_lower(ch)
}

/// The simple uppercase mapping, `_PyUnicode_ToUppercase`.
pub fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    unicodectype::to_upper(ch)
}

/// Locale-aware lowering for the `*_LOC_IGNORE` codes (the C locale: ASCII only).
pub fn lower_locale(ch: u32) -> u32 {
    if ch < 256 {
        lower_ascii(ch)
    } else {
        ch
    }
}

pub fn upper_locale(ch: u32) -> u32 {
    if ch < 256 {
        upper_ascii(ch)
    } else {
        ch
    }
}

/// `char_loc_ignore`: `ch` equals `pattern` ignoring case in the current locale.
pub fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

pub fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

pub fn is_loc_word(ch: u32) -> bool {
    ch < 256 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

pub fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    unicodectype::is_alnum(ch)
}

fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

fn is_uni_space(ch: u32) -> bool {
    unicodectype::is_space(ch)
}

fn is_uni_digit(ch: u32) -> bool {
    unicodectype::is_decimal(ch)
}

fn is_uni_linebreak(ch: u32) -> bool {
    unicodectype::is_linebreak(ch)
}

/// `sre_category`: whether `ch` is in the category `code` (a `CATEGORY_*` code).
pub fn category(code: u32, ch: u32) -> bool {
    match code {
        0 => (b'0' as u32..=b'9' as u32).contains(&ch),
        1 => !(b'0' as u32..=b'9' as u32).contains(&ch),
        2 => is_ascii_space(ch),
        3 => !is_ascii_space(ch),
        4 => is_ascii_word(ch),
        5 => !is_ascii_word(ch),
        6 => ch == 10,
        7 => ch != 10,
        8 => is_loc_word(ch),
        9 => !is_loc_word(ch),
        10 => is_uni_digit(ch),
        11 => !is_uni_digit(ch),
        12 => is_uni_space(ch),
        13 => !is_uni_space(ch),
        14 => is_uni_word(ch),
        15 => !is_uni_word(ch),
        16 => is_uni_linebreak(ch),
        17 => !is_uni_linebreak(ch),
        _ => false,
    }
}

/// `SRE(charset)`: whether `ch` is in the set starting at `code[i]` (ended by FAILURE).
pub fn in_charset(code: &[u32], mut i: usize, ch: u32) -> bool {
    let at = |k: usize| code.get(k).copied().unwrap_or(op::FAILURE);
    let mut ok = true;
    loop {
        match at(i) {
            op::FAILURE => return !ok,
            op::LITERAL => {
                if ch == at(i + 1) {
                    return ok;
                }
                i += 2;
            }
            op::CATEGORY => {
                if category(at(i + 1), ch) {
                    return ok;
                }
                i += 2;
            }
            op::CHARSET => {
                if ch < 256 && at(i + 1 + (ch as usize >> 5)) & (1u32 << (ch & 31)) != 0 {
                    return ok;
                }
                i += 1 + 8;
            }
            op::RANGE => {
                if at(i + 1) <= ch && ch <= at(i + 2) {
                    return ok;
                }
                i += 3;
            }
            op::RANGE_UNI_IGNORE => {
                if at(i + 1) <= ch && ch <= at(i + 2) {
                    return ok;
                }
                let up = upper_unicode(ch);
                if at(i + 1) <= up && up <= at(i + 2) {
                    return ok;
                }
                i += 3;
            }
            op::NEGATE => {
                ok = !ok;
                i += 1;
            }
            op::BIGCHARSET => {
                // count, a 256-byte block map (64 code words), then `count` blocks of 8 words.
                let count = at(i + 1) as usize;
                let map = i + 2;
                if ch < 65536 {
                    let hi = (ch >> 8) as usize;
                    let word = at(map + hi / 4);
                    let block = word.to_le_bytes()[hi % 4] as usize;
                    let lo = ch & 255;
                    let w = at(map + 64 + block * 8 + (lo as usize >> 5));
                    if w & (1u32 << (lo & 31)) != 0 {
                        return ok;
                    }
                }
                i = map + 64 + count * 8;
            }
            _ => return false,
        }
    }
}

/// `charset_loc_ignore`.
pub fn in_charset_loc_ignore(code: &[u32], i: usize, ch: u32) -> bool {
    if in_charset(code, i, ch) {
        return true;
    }
    let lo = lower_locale(ch);
    if lo != ch && in_charset(code, i, lo) {
        return true;
    }
    let up = upper_locale(ch);
    up != ch && in_charset(code, i, up)
}

/// `_sre.unicode_iscased`.
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `_sre.ascii_iscased`.
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}
