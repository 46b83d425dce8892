//! The `_string` module: the format-string parsing `string.Formatter` builds on.
//! Follows the behaviour of `formatter_parser` / `formatter_field_name_split` in
//! CPython's `Objects/unicodeobject.c` and `Objects/stringlib/unicode_format.h`.
//!
//! `objects/format.rs` keeps its parser private to `str.format`, so this module has a
//! small one of its own.  NOTE: both functions parse eagerly and return an iterator over
//! the results, so a malformed string fails at the call rather than mid-iteration.

use super::ModuleDef;
use crate::objects::int::new_bigint;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, none};
use crate::objects::str::{as_str, new_string};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, Args, PyResult, Vm};

/// One piece of a format string: literal text, then optionally a replacement field.
struct Piece {
    literal: String,
    field: Option<(String, String, Option<char>)>,
}

/// CPython's `MarkupIterator_next`, over the whole string.
fn parse_format(s: &str) -> PyResult<Vec<Piece>> {
    let chars: Vec<char> = s.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut literal = String::new();
        let mut markup = false;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c == '{' || c == '}' {
                if chars.get(i) == Some(&c) {
                    // A doubled brace ends this piece with one brace of literal text.
                    literal.push(c);
                    i += 1;
                    break;
                }
                if c == '}' {
                    return Err(value_error("Single '}' encountered in format string"));
                }
                if i >= chars.len() {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                markup = true;
                break;
            }
            literal.push(c);
        }
        let field = if markup {
            Some(parse_field(&chars, &mut i)?)
        } else {
            None
        };
        pieces.push(Piece { literal, field });
    }
    Ok(pieces)
}

/// A replacement field after its `{`: (name, spec, conversion); `i` ends after the `}`.
fn parse_field(chars: &[char], i: &mut usize) -> PyResult<(String, String, Option<char>)> {
    let mut name = String::new();
    let mut in_bracket = false;
    let stop = loop {
        let Some(&c) = chars.get(*i) else {
            return Err(value_error("expected '}' before end of string"));
        };
        *i += 1;
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '{' if !in_bracket => return Err(value_error("unexpected '{' in field name")),
            ':' | '!' | '}' if !in_bracket => break c,
            _ => {}
        }
        name.push(c);
    };
    let mut conversion = None;
    let mut stop = stop;
    if stop == '!' {
        let Some(&conv) = chars.get(*i) else {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        *i += 1;
        conversion = Some(conv);
        let Some(&next) = chars.get(*i) else {
            return Err(value_error("unmatched '{' in format spec"));
        };
        *i += 1;
        if next != ':' && next != '}' {
            return Err(value_error("expected ':' after conversion specifier"));
        }
        stop = next;
    }
    let mut spec = String::new();
    if stop == ':' {
        let mut depth = 1;
        loop {
            let Some(&c) = chars.get(*i) else {
                return Err(value_error("unmatched '{' in format spec"));
            };
            *i += 1;
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            spec.push(c);
        }
    }
    Ok((name, spec, conversion))
}

fn str_of(s: &str) -> Value {
    new_string(s.to_string())
}

/// `formatter_parser(str)`: (literal, field_name, format_spec, conversion) tuples.
fn m_formatter_parser(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("formatter_parser")?;
    let Some(text) = as_str(s) else {
        return Err(type_error(format!("expected str, got {}", s.ty().name())));
    };
    let items = parse_format(text)?
        .into_iter()
        .map(|p| match p.field {
            Some((name, spec, conv)) => new_tuple(vec![
                str_of(&p.literal),
                str_of(&name),
                str_of(&spec),
                conv.map(|c| new_string(c.to_string())).unwrap_or_else(none),
            ]),
            None => new_tuple(vec![str_of(&p.literal), none(), none(), none()]),
        })
        .collect();
    ops::iter(vm, &PyList::new_value(items))
}

/// A field-name part: an int when it is all decimal digits.
fn name_part(s: &str) -> PyResult<Value> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.parse::<num_bigint::BigInt>() {
            Ok(n) if s.len() <= 18 => Ok(new_bigint(n)),
            _ => Err(value_error("Too many decimal digits in format string")),
        };
    }
    Ok(str_of(s))
}

/// `formatter_field_name_split(name)`: (first, iterator of (is_attribute, key)).
fn m_formatter_field_name_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("formatter_field_name_split")?;
    let Some(text) = as_str(s) else {
        return Err(type_error(format!("expected str, got {}", s.ty().name())));
    };
    let chars: Vec<char> = text.chars().collect();
    let first_end = chars
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(chars.len());
    let first: String = chars[..first_end].iter().collect();
    let first = name_part(&first)?;
    let mut rest = Vec::new();
    let mut i = first_end;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '.' => {
                let start = i;
                while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    i += 1;
                }
                if i == start {
                    return Err(value_error("Empty attribute in format string"));
                }
                let attr: String = chars[start..i].iter().collect();
                rest.push(new_tuple(vec![bool_value(true), str_of(&attr)]));
            }
            '[' => {
                let start = i;
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
                if i >= chars.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let key: String = chars[start..i].iter().collect();
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                i += 1;
                if i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    return Err(value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
                rest.push(new_tuple(vec![bool_value(false), name_part(&key)?]));
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    let it = ops::iter(vm, &PyList::new_value(rest))?;
    Ok(new_tuple(vec![first, it]))
}

static STRING_METHODS: &[MethodDef] = &[
    MethodDef::method("formatter_parser", m_formatter_parser),
    MethodDef::method("formatter_field_name_split", m_formatter_field_name_split),
];

pub static MODULE: ModuleDef = ModuleDef {
    name: "_string",
    doc: Some("string helper module"),
    methods: STRING_METHODS,
    init: None,
};
