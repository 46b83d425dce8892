//! Unicode character properties the `str` type needs (`isprintable`, `isspace`, ...).
//!
//! NOTE: Rust's standard library has no general-category table, so `is_printable`
//! approximates CPython's rule (not Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs) with the ranges that
//! matter in practice; a full table arrives with `unicodedata`.

pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if c.is_control() {
        return false;
    }
    // Zs (other than U+0020), Zl, Zp.
    if matches!(n, 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000) {
        return false;
    }
    // Cf: format characters.
    if matches!(
        n,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f | 0x202a..=0x202e
            | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0x110bd | 0xe0001
            | 0xe0020..=0xe007f
    ) {
        return false;
    }
    // Co: private use; Cn: a few well-known unassigned blocks and noncharacters.
    if matches!(n, 0xe000..=0xf8ff | 0xf0000..=0xffffd | 0x100000..=0x10fffd) {
        return false;
    }
    if n & 0xfffe == 0xfffe || (0xfdd0..=0xfdef).contains(&n) {
        return false;
    }
    if n >= 0x323b0 && n < 0xe0000 {
        return false;
    }
    true
}

/// `str.isspace()` for one char (CPython: bidirectional class WS, B or S, or category Zs).
pub fn is_space(c: char) -> bool {
    matches!(c as u32, 0x09..=0x0d | 0x1c..=0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
}
