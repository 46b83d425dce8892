//! Unicode character properties used below the `objects` layer (`isprintable`,
//! `isspace`), answered from the Unicode 15.1 tables in `objects/unicodectype.rs`.

/// `Py_UNICODE_ISPRINTABLE` for a stored char (lone surrogates are not printable).
pub fn is_printable(c: char) -> bool {
    crate::objects::unicodectype::char_is_printable(c)
}

/// `Py_UNICODE_ISSPACE` for a stored char (bidirectional class WS, B or S, or category Zs).
pub fn is_space(c: char) -> bool {
    crate::objects::unicodectype::char_is_space(c)
}
