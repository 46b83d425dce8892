//! The `_codecs` module: the codec registry (`register`, `lookup`, error handlers) and
//! the native codec functions `Lib/encodings/*.py` wrap.  Follows the behaviour of
//! CPython's `Modules/_codecsmodule.c` and `Python/codecs.c` (the `codecs` docs page).
//!
//! The byte-level codecs reuse `objects::str_methods::{encode_str, decode_bytes}`;
//! error handlers registered from Python are applied by re-running the strict codec
//! around each failure (`encode_with_handler` / `decode_with_handler`).
//!
//! Lone surrogates are stored as described in `objects/str.rs` (NOTE there); the
//! `surrogatepass` handler covers UTF-8 only.  NOTE: `\N{...}` escapes fail.

use super::ModuleDef;
use crate::objects::bytes::{as_bytes_like, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::int::new_int;
use crate::objects::singletons::{is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::str_methods::{decode_bytes, encode_str, Codec};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::{opt, p};
use crate::vm::{call, ops, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

/// Error handler names the native codecs apply themselves.
const NATIVE_HANDLERS: &[&str] = &[
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

// ---------------------------------------------------------------------------------------
// registry
// ---------------------------------------------------------------------------------------

/// `normalizestring` of `Python/codecs.c`: lower case, spaces become underscores.
fn normalize_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn m_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("register")?;
    if f.ty().slots.call.get().is_none() {
        return Err(type_error("argument must be callable"));
    }
    vm.modules_state.codec_search_path.push(f.clone());
    Ok(none())
}

fn m_unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("unregister")?;
    let path = &mut vm.modules_state.codec_search_path;
    if let Some(i) = path.iter().position(|g| g.is(f)) {
        let old = path.remove(i);
        if let Some(cache) = vm.modules_state.codec_cache.clone() {
            PyDict::clear(&cache);
        }
        drop(old);
    }
    Ok(none())
}

/// `_PyCodec_Lookup`: the cached or freshly searched CodecInfo for `encoding`.
pub fn codec_lookup(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    if vm.modules_state.codec_search_path.is_empty() {
        crate::vm::import::import_module(vm, "encodings")?;
    }
    let cache = match vm.modules_state.codec_cache.clone() {
        Some(c) => c,
        None => {
            let c = PyDict::new_value();
            vm.modules_state.codec_cache = Some(c.clone());
            c
        }
    };
    let norm = normalize_name(encoding);
    if let Some(hit) = PyDict::get_str(&cache, &norm) {
        return Ok(hit);
    }
    let key = new_string(norm);
    let path = vm.modules_state.codec_search_path.clone();
    for f in path {
        let result = call::call(vm, &f, std::slice::from_ref(&key))?;
        if is_none(&result) {
            continue;
        }
        if as_tuple(&result).is_none_or(|t| t.len() != 4) {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        PyDict::set_item(vm, &cache, key, result.clone())?;
        return Ok(result);
    }
    Err(PyErr::new(
        &exceptions::LOOKUP_ERROR,
        format!("unknown encoding: {encoding}"),
    ))
}

fn m_lookup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [encoding] = args.exact::<1>("lookup")?;
    let name = str_arg(encoding, "lookup", 1)?;
    codec_lookup(vm, &name)
}

fn m_forget_codec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [encoding] = args.exact::<1>("_forget_codec")?;
    let name = normalize_name(&str_arg(encoding, "_forget_codec", 1)?);
    if let Some(cache) = vm.modules_state.codec_cache.clone() {
        PyDict::del_str(&cache, &name);
    }
    Ok(none())
}

/// `_codecs.encode(obj, encoding='utf-8', errors='strict')` / `decode`.
fn codec_call(vm: &mut Vm, args: Args, fname: &'static str, index: usize) -> PyResult<Value> {
    static ENC: Sig = Sig::new("encode", &[p("obj"), opt("encoding"), opt("errors")]);
    static DEC: Sig = Sig::new("decode", &[p("obj"), opt("encoding"), opt("errors")]);
    let [obj, encoding, errors] = if index == 0 {
        ENC.parse::<3>(args)?
    } else {
        DEC.parse::<3>(args)?
    };
    let obj = obj.unwrap_or_else(none);
    let encoding = match encoding {
        Some(e) => str_arg(&e, fname, 2)?,
        None => "utf-8".to_string(),
    };
    let errors = errors.unwrap_or_else(|| new_str("strict"));
    let info = codec_lookup(vm, &encoding)?;
    let f = ops::getitem(vm, &info, &new_int(index as i64))?;
    let result = call::call(vm, &f, &[obj, errors])?;
    match as_tuple(&result) {
        Some([value, _]) => Ok(value.clone()),
        _ => Err(type_error(if index == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// `_PyCodec_LookupTextEncoding`: a codec whose CodecInfo says `_is_text_encoding`
/// is false (rot13, base64, ...) is refused by `str.encode` / `bytes.decode`.
fn text_codec_lookup(vm: &mut Vm, encoding: &str, alternate: &str) -> PyResult<Value> {
    let info = codec_lookup(vm, encoding)?;
    if let Some(flag) = ops::getattr_opt(vm, &info, &crate::objects::str::intern("_is_text_encoding"))? {
        if !ops::is_true(vm, &flag)? {
            return Err(PyErr::new(
                &exceptions::LOOKUP_ERROR,
                format!("'{encoding}' is not a text encoding; use {alternate}() to handle arbitrary codecs"),
            ));
        }
    }
    Ok(info)
}

/// `str.encode` through the registry, for codecs `str_methods` lacks (CPython's
/// `PyUnicode_AsEncodedString` after its fast paths): the result must be bytes.
pub fn encode_with_registry(
    vm: &mut Vm,
    obj: &Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    let info = text_codec_lookup(vm, encoding, "codecs.encode")?;
    let f = ops::getitem(vm, &info, &new_int(0))?;
    let r = call::call(vm, &f, &[obj.clone(), new_str(errors)])?;
    let value = as_tuple(&r)
        .and_then(|t| t.first().cloned())
        .unwrap_or_else(none);
    if crate::objects::bytes::as_bytes(&value).is_none() {
        return Err(type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            value.ty().name()
        )));
    }
    Ok(value)
}

/// `bytes.decode` through the registry (`PyUnicode_Decode`): the result must be str.
pub fn decode_with_registry(
    vm: &mut Vm,
    obj: &Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    let info = text_codec_lookup(vm, encoding, "codecs.decode")?;
    let f = ops::getitem(vm, &info, &new_int(1))?;
    let r = call::call(vm, &f, &[obj.clone(), new_str(errors)])?;
    let value = as_tuple(&r)
        .and_then(|t| t.first().cloned())
        .unwrap_or_else(none);
    if as_str(&value).is_none() {
        return Err(type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            value.ty().name()
        )));
    }
    Ok(value)
}

fn m_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    codec_call(vm, args, "encode", 0)
}

fn m_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    codec_call(vm, args, "decode", 1)
}

// ---------------------------------------------------------------------------------------
// error handlers
// ---------------------------------------------------------------------------------------

fn errors_dict(vm: &mut Vm) -> Value {
    if let Some(d) = vm.modules_state.codec_errors.clone() {
        return d;
    }
    let d = PyDict::new_value();
    for (name, def) in BUILTIN_HANDLER_NAMES.iter().zip(BUILTIN_HANDLERS) {
        let f = crate::objects::function::new_builtin_function(def, None, "_codecs");
        PyDict::set_str(&d, name, f);
    }
    vm.modules_state.codec_errors = Some(d.clone());
    d
}

fn m_register_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name, handler] = args.exact::<2>("register_error")?;
    let name = str_arg(name, "register_error", 1)?;
    if handler.ty().slots.call.get().is_none() {
        return Err(type_error("handler must be callable"));
    }
    let d = errors_dict(vm);
    PyDict::set_str(&d, &name, handler.clone());
    Ok(none())
}

fn lookup_error(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let d = errors_dict(vm);
    PyDict::get_str(&d, name).ok_or_else(|| {
        PyErr::new(
            &exceptions::LOOKUP_ERROR,
            format!("unknown error handler name '{name}'"),
        )
    })
}

fn m_lookup_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("lookup_error")?;
    let name = str_arg(name, "lookup_error", 1)?;
    lookup_error(vm, &name)
}

/// (exception, start, end, the object as chars or bytes) of a handler's argument.
fn handler_arg(vm: &mut Vm, args: Args, fname: &str) -> PyResult<(Value, usize, usize)> {
    let [exc] = args.exact::<1>(fname)?;
    if !exc.ty().is_subtype(&exceptions::UNICODE_ERROR) {
        return Err(type_error(format!(
            "don't know how to handle {} in error callback",
            exc.ty().name()
        )));
    }
    let start = ops::getattr_str(vm, exc, "start")?;
    let end = ops::getattr_str(vm, exc, "end")?;
    let start = ops::index_value(vm, &start)?.max(0) as usize;
    let end = ops::index_value(vm, &end)?.max(0) as usize;
    Ok((exc.clone(), start, end.max(start)))
}

fn is_encode_error(exc: &Value) -> bool {
    exc.ty().is_subtype(&exceptions::UNICODE_ENCODE_ERROR)
}

/// The bad chars of an encode/translate error, or the bad bytes of a decode error.
fn bad_part(
    vm: &mut Vm,
    exc: &Value,
    start: usize,
    end: usize,
) -> PyResult<Result<Vec<char>, Vec<u8>>> {
    let object = ops::getattr_str(vm, exc, "object")?;
    if let Some(s) = as_str(&object) {
        return Ok(Ok(s.chars().skip(start).take(end - start).collect()));
    }
    let b = as_bytes_like(&object).unwrap_or_default();
    Ok(Err(b
        .get(start..end.min(b.len()))
        .map(<[u8]>::to_vec)
        .unwrap_or_default()))
}

fn handler_result(text: String, end: usize) -> Value {
    new_tuple(vec![new_string(text), new_int(end as i64)])
}

fn e_strict(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [exc] = args.exact::<1>("strict_errors")?;
    if exc.ty().is_subtype(&exceptions::BASE_EXCEPTION) {
        return Err(PyErr::from_value(exc.clone()));
    }
    Err(type_error("codec must pass exception instance"))
}

fn e_ignore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, _, end) = handler_arg(vm, args, "ignore_errors")?;
    Ok(handler_result(String::new(), end))
}

fn e_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, start, end) = handler_arg(vm, args, "replace_errors")?;
    let text = if is_encode_error(&exc) {
        "?".repeat(end - start)
    } else if exc.ty().is_subtype(&exceptions::UNICODE_DECODE_ERROR) {
        "\u{FFFD}".to_string()
    } else {
        "\u{FFFD}".repeat(end - start)
    };
    Ok(handler_result(text, end))
}

fn e_xmlcharrefreplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, start, end) = handler_arg(vm, args, "xmlcharrefreplace_errors")?;
    if !is_encode_error(&exc) {
        return Err(type_error(format!(
            "don't know how to handle {} in error callback",
            exc.ty().name()
        )));
    }
    let mut text = String::new();
    if let Ok(chars) = bad_part(vm, &exc, start, end)? {
        for c in chars {
            text.push_str(&format!("&#{};", crate::objects::str::code_point(c)));
        }
    }
    Ok(handler_result(text, end))
}

fn backslash_escape(c: char, out: &mut String) {
    let n = crate::objects::str::code_point(c);
    if n <= 0xFF {
        out.push_str(&format!("\\x{n:02x}"));
    } else if n <= 0xFFFF {
        out.push_str(&format!("\\u{n:04x}"));
    } else {
        out.push_str(&format!("\\U{n:08x}"));
    }
}

fn e_backslashreplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, start, end) = handler_arg(vm, args, "backslashreplace_errors")?;
    let mut text = String::new();
    match bad_part(vm, &exc, start, end)? {
        Ok(chars) => chars
            .into_iter()
            .for_each(|c| backslash_escape(c, &mut text)),
        Err(bytes) => bytes
            .into_iter()
            .for_each(|b| text.push_str(&format!("\\x{b:02x}"))),
    }
    Ok(handler_result(text, end))
}

/// `surrogateescape`: U+DC80..U+DCFF <-> the bytes 0x80..0xFF (PEP 383).
fn e_surrogateescape(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::objects::str::{char_from_code_point, code_point};
    let (exc, start, end) = handler_arg(vm, args, "surrogateescape")?;
    match bad_part(vm, &exc, start, end)? {
        Ok(chars) if is_encode_error(&exc) => {
            let bytes: Option<Vec<u8>> = chars
                .iter()
                .map(|c| (0xDC80..=0xDCFF).contains(&code_point(*c)).then(|| (code_point(*c) - 0xDC00) as u8))
                .collect();
            match bytes {
                Some(b) => Ok(new_tuple(vec![new_bytes(b), new_int(end as i64)])),
                None => Err(PyErr::from_value(exc)),
            }
        }
        Err(bytes) => {
            // At most four bytes, and only non-ASCII ones, are escaped.
            let taken: Vec<u8> = bytes.iter().copied().take(4).take_while(|&b| b >= 0x80).collect();
            if taken.is_empty() {
                return Err(PyErr::from_value(exc));
            }
            let text: String = taken.iter().filter_map(|&b| char_from_code_point(0xDC00 + b as u32)).collect();
            Ok(handler_result(text, start + taken.len()))
        }
        Ok(_) => Err(type_error(format!("don't know how to handle {} in error callback", exc.ty().name()))),
    }
}

/// `surrogatepass` for the UTF-8 codec: lone surrogates as their 3-byte form.
fn e_surrogatepass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::objects::str::{char_from_code_point, code_point};
    let (exc, start, end) = handler_arg(vm, args, "surrogatepass")?;
    let encoding = ops::getattr_str(vm, &exc, "encoding")?;
    let utf8 = as_str(&encoding).is_some_and(|e| matches!(normalize_name(e).replace('_', "-").as_str(), "utf-8" | "utf8"));
    if !utf8 {
        return Err(PyErr::from_value(exc));
    }
    match bad_part(vm, &exc, start, end)? {
        Ok(chars) if is_encode_error(&exc) => {
            let mut out = Vec::new();
            for c in chars {
                let n = code_point(c);
                if !(0xD800..0xE000).contains(&n) {
                    return Err(PyErr::from_value(exc));
                }
                out.extend_from_slice(&[0xE0 | (n >> 12) as u8, 0x80 | ((n >> 6) & 0x3F) as u8, 0x80 | (n & 0x3F) as u8]);
            }
            Ok(new_tuple(vec![new_bytes(out), new_int(end as i64)]))
        }
        Err(_) => {
            let object = ops::getattr_str(vm, &exc, "object")?;
            let data = as_bytes_like(&object).unwrap_or_default();
            match data.get(start..start + 3) {
                Some(&[0xED, b1, b2]) if (0xA0..=0xBF).contains(&b1) && (0x80..=0xBF).contains(&b2) => {
                    let n = 0xD000 | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F);
                    Ok(handler_result(char_from_code_point(n).into_iter().collect(), start + 3))
                }
                _ => Err(PyErr::from_value(exc)),
            }
        }
        Ok(_) => Err(type_error(format!("don't know how to handle {} in error callback", exc.ty().name()))),
    }
}

/// `namereplace`: `\N{NAME}` for named characters, backslash escapes otherwise.
fn e_namereplace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (exc, start, end) = handler_arg(vm, args, "namereplace_errors")?;
    if !is_encode_error(&exc) {
        return Err(type_error(format!("don't know how to handle {} in error callback", exc.ty().name())));
    }
    let mut text = String::new();
    if let Ok(chars) = bad_part(vm, &exc, start, end)? {
        for c in chars {
            match crate::modules::unicodedata::name_of(crate::objects::str::code_point(c), false) {
                Some(name) => text.push_str(&format!("\\N{{{name}}}")),
                None => backslash_escape(c, &mut text),
            }
        }
    }
    Ok(handler_result(text, end))
}

static BUILTIN_HANDLER_NAMES: &[&str] = &[
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

static BUILTIN_HANDLERS: &[MethodDef] = &[
    MethodDef::method("strict_errors", e_strict),
    MethodDef::method("ignore_errors", e_ignore),
    MethodDef::method("replace_errors", e_replace),
    MethodDef::method("xmlcharrefreplace_errors", e_xmlcharrefreplace),
    MethodDef::method("backslashreplace_errors", e_backslashreplace),
    MethodDef::method("namereplace_errors", e_namereplace),
    MethodDef::method("surrogateescape", e_surrogateescape),
    MethodDef::method("surrogatepass", e_surrogatepass),
];

// ---------------------------------------------------------------------------------------
// applying handlers registered from Python
// ---------------------------------------------------------------------------------------

/// The handler's `(replacement, newpos)`, with a negative position counted from `len`.
fn call_handler(vm: &mut Vm, handler: &Value, exc: &Value, len: usize) -> PyResult<(Value, usize)> {
    let r = call::call(vm, handler, std::slice::from_ref(exc))?;
    let Some([rep, pos]) = as_tuple(&r).and_then(|t| <&[Value; 2]>::try_from(t).ok()) else {
        return Err(type_error(
            "encoding error handler must return (str/bytes, int) tuple",
        ));
    };
    let pos = ops::index_value(vm, pos)?;
    let pos = if pos < 0 { pos + len as i64 } else { pos };
    if pos < 0 || pos as usize > len {
        return Err(PyErr::new(
            &exceptions::INDEX_ERROR,
            format!("position {pos} from error handler out of bounds"),
        ));
    }
    Ok((rep.clone(), pos as usize))
}

/// Error position fields of a codec exception raised for a slice starting at `offset`.
fn error_span(vm: &mut Vm, err: &PyErr) -> PyResult<(usize, usize, Value)> {
    let start = ops::getattr_str(vm, &err.exc, "start")?;
    let end = ops::getattr_str(vm, &err.exc, "end")?;
    let reason = ops::getattr_str(vm, &err.exc, "reason")?;
    Ok((
        ops::index_value(vm, &start)?.max(0) as usize,
        ops::index_value(vm, &end)?.max(0) as usize,
        reason,
    ))
}

fn encode_with_handler(
    vm: &mut Vm,
    s: &str,
    codec: Codec,
    errors: &str,
    name: &str,
) -> PyResult<Vec<u8>> {
    if NATIVE_HANDLERS.contains(&errors) {
        return encode_str(s, codec, errors);
    }
    let handler = lookup_error(vm, errors)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let rest: String = chars[pos..].iter().collect();
        let err = match encode_str(&rest, codec, "strict") {
            Ok(b) => {
                out.extend(b);
                break;
            }
            Err(e) if e.matches(&exceptions::UNICODE_ENCODE_ERROR) => e,
            Err(e) => return Err(e),
        };
        let (start, end, reason) = error_span(vm, &err)?;
        let good: String = chars[pos..pos + start].iter().collect();
        out.extend(encode_str(&good, codec, "strict")?);
        let exc = exceptions::new_exception(
            &exceptions::UNICODE_ENCODE_ERROR,
            vec![
                new_str(name),
                new_str(s),
                new_int((pos + start) as i64),
                new_int((pos + end) as i64),
                reason,
            ],
        );
        let (rep, newpos) = call_handler(vm, &handler, &exc, chars.len())?;
        if let Some(r) = as_str(&rep) {
            out.extend(encode_str(r, codec, "strict")?);
        } else if let Some(b) = as_bytes_like(&rep) {
            out.extend(b);
        } else {
            return Err(type_error(
                "encoding error handler must return (str/bytes, int) tuple",
            ));
        }
        pos = newpos;
    }
    Ok(out)
}

fn decode_with_handler(
    vm: &mut Vm,
    data: &[u8],
    codec: Codec,
    errors: &str,
    name: &str,
) -> PyResult<String> {
    if NATIVE_HANDLERS.contains(&errors) {
        return decode_bytes(data, codec, errors);
    }
    let handler = lookup_error(vm, errors)?;
    let mut out = String::new();
    let mut pos = 0;
    while pos < data.len() {
        let err = match decode_bytes(&data[pos..], codec, "strict") {
            Ok(s) => {
                out.push_str(&s);
                break;
            }
            Err(e) if e.matches(&exceptions::UNICODE_DECODE_ERROR) => e,
            Err(e) => return Err(e),
        };
        let (start, end, reason) = error_span(vm, &err)?;
        out.push_str(&decode_bytes(&data[pos..pos + start], codec, "strict")?);
        let exc = exceptions::new_exception(
            &exceptions::UNICODE_DECODE_ERROR,
            vec![
                new_str(name),
                new_bytes(data.to_vec()),
                new_int((pos + start) as i64),
                new_int((pos + end) as i64),
                reason,
            ],
        );
        let (rep, newpos) = call_handler(vm, &handler, &exc, data.len())?;
        let Some(r) = as_str(&rep) else {
            return Err(type_error(
                "decoding error handler must return (str, int) tuple",
            ));
        };
        out.push_str(r);
        pos = newpos;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// argument helpers
// ---------------------------------------------------------------------------------------

fn str_arg(v: &Value, fname: &str, n: usize) -> PyResult<String> {
    as_str(v).map(str::to_string).ok_or_else(|| {
        type_error(format!(
            "{fname}() argument {n} must be str, not {}",
            v.ty().name()
        ))
    })
}

fn errors_arg(v: &Option<Value>, fname: &str) -> PyResult<String> {
    match v {
        None => Ok("strict".to_string()),
        Some(e) if is_none(e) => Ok("strict".to_string()),
        Some(e) => str_arg(e, fname, 2),
    }
}

fn bytes_arg(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes_like(v).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            v.ty().name()
        ))
    })
}

fn is_true_opt(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        Some(v) => ops::is_true(vm, v),
        None => Ok(false),
    }
}

fn encoded(bytes: Vec<u8>, consumed: usize) -> Value {
    new_tuple(vec![new_bytes(bytes), new_int(consumed as i64)])
}

fn decoded(s: String, consumed: usize) -> Value {
    new_tuple(vec![new_string(s), new_int(consumed as i64)])
}

// ---------------------------------------------------------------------------------------
// codec functions
// ---------------------------------------------------------------------------------------

/// `X_encode(str, errors=None)` for a codec of `str_methods`.
fn encode_fn(
    vm: &mut Vm,
    args: Args,
    fname: &'static str,
    codec: Codec,
    name: &str,
) -> PyResult<Value> {
    let pos = args.check(fname, 1, 2)?;
    let s = str_arg(&pos[0], fname, 1)?;
    let errors = errors_arg(&pos.get(1).cloned(), fname)?;
    let out = encode_with_handler(vm, &s, codec, &errors, name)?;
    Ok(encoded(out, s.chars().count()))
}

/// The length of the longest prefix of `data` that holds no incomplete trailing unit
/// (for non-final decodes): `unit` bytes each, or UTF-8 sequences.
fn complete_prefix(data: &[u8], codec: Codec) -> usize {
    match codec {
        Codec::Utf16(_) => {
            let mut n = data.len() & !1;
            // A trailing high surrogate waits for its partner.
            if n >= 2 {
                let (a, b) = (data[n - 2], data[n - 1]);
                let unit_hi = if codec == Codec::Utf16(Some(true)) {
                    a
                } else {
                    b
                };
                if (0xD8..0xDC).contains(&unit_hi) {
                    n -= 2;
                }
            }
            n
        }
        Codec::Utf32(_) => data.len() & !3,
        Codec::Utf8 => match std::str::from_utf8(data) {
            Ok(_) => data.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => data.len(),
        },
        _ => data.len(),
    }
}

/// `X_decode(data, errors=None, final=False)`.
fn decode_fn(
    vm: &mut Vm,
    args: Args,
    fname: &'static str,
    codec: Codec,
    name: &str,
    has_final: bool,
) -> PyResult<Value> {
    let pos = args.check(fname, 1, if has_final { 3 } else { 2 })?;
    let data = bytes_arg(&pos[0])?;
    let errors = errors_arg(&pos.get(1).cloned(), fname)?;
    let final_ = !has_final || is_true_opt(vm, &pos.get(2).cloned())?;
    let n = if final_ {
        data.len()
    } else {
        complete_prefix(&data, codec)
    };
    let s = decode_with_handler(vm, &data[..n], codec, &errors, name)?;
    Ok(decoded(s, n))
}

macro_rules! codec_pair {
    ($enc:ident, $dec:ident, $ename:literal, $dname:literal, $codec:expr, $name:literal, $final:expr) => {
        fn $enc(vm: &mut Vm, args: Args) -> PyResult<Value> {
            encode_fn(vm, args, $ename, $codec, $name)
        }
        fn $dec(vm: &mut Vm, args: Args) -> PyResult<Value> {
            decode_fn(vm, args, $dname, $codec, $name, $final)
        }
    };
}

codec_pair!(
    utf_8_encode,
    utf_8_decode,
    "utf_8_encode",
    "utf_8_decode",
    Codec::Utf8,
    "utf-8",
    true
);
codec_pair!(
    ascii_encode,
    ascii_decode,
    "ascii_encode",
    "ascii_decode",
    Codec::Ascii,
    "ascii",
    false
);
codec_pair!(
    latin_1_encode,
    latin_1_decode,
    "latin_1_encode",
    "latin_1_decode",
    Codec::Latin1,
    "latin-1",
    false
);
codec_pair!(
    utf_16_le_encode,
    utf_16_le_decode,
    "utf_16_le_encode",
    "utf_16_le_decode",
    Codec::Utf16(Some(false)),
    "utf-16-le",
    true
);
codec_pair!(
    utf_16_be_encode,
    utf_16_be_decode,
    "utf_16_be_encode",
    "utf_16_be_decode",
    Codec::Utf16(Some(true)),
    "utf-16-be",
    true
);
codec_pair!(
    utf_32_le_encode,
    utf_32_le_decode,
    "utf_32_le_encode",
    "utf_32_le_decode",
    Codec::Utf32(Some(false)),
    "utf-32-le",
    true
);
codec_pair!(
    utf_32_be_encode,
    utf_32_be_decode,
    "utf_32_be_encode",
    "utf_32_be_decode",
    Codec::Utf32(Some(true)),
    "utf-32-be",
    true
);

/// `utf_16_encode(str, errors=None, byteorder=0)` / `utf_32_encode`: 0 writes a BOM
/// and little-endian data, -1 little-endian, 1 big-endian.
fn utf_n_encode(vm: &mut Vm, args: Args, fname: &'static str, wide: bool) -> PyResult<Value> {
    let pos = args.check(fname, 1, 3)?;
    let s = str_arg(&pos[0], fname, 1)?;
    let errors = errors_arg(&pos.get(1).cloned(), fname)?;
    let order = match pos.get(2) {
        Some(b) => ops::index_value(vm, b)?,
        None => 0,
    };
    let big = match order {
        0 => None,
        o if o < 0 => Some(false),
        _ => Some(true),
    };
    let (codec, name) = if wide {
        (Codec::Utf32(big), "utf-32")
    } else {
        (Codec::Utf16(big), "utf-16")
    };
    let out = encode_with_handler(vm, &s, codec, &errors, name)?;
    Ok(encoded(out, s.chars().count()))
}

fn utf_16_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    utf_n_encode(vm, args, "utf_16_encode", false)
}

fn utf_32_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    utf_n_encode(vm, args, "utf_32_encode", true)
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)` and the plain
/// `utf_16_decode`: a BOM (when the byte order is 0) chooses the order and is skipped.
/// Returns (str, consumed, byteorder).
fn utf_n_ex_decode(
    vm: &mut Vm,
    args: Args,
    fname: &'static str,
    wide: bool,
    ex: bool,
) -> PyResult<Value> {
    let pos = args.check(fname, 1, if ex { 4 } else { 3 })?;
    let data = bytes_arg(&pos[0])?;
    let errors = errors_arg(&pos.get(1).cloned(), fname)?;
    let (order, final_) = if ex {
        let o = match pos.get(2) {
            Some(b) => ops::index_value(vm, b)?,
            None => 0,
        };
        (o, is_true_opt(vm, &pos.get(3).cloned())?)
    } else {
        (0, is_true_opt(vm, &pos.get(2).cloned())?)
    };
    let (mut big, mut skip) = (order > 0, 0);
    let unit = if wide { 4 } else { 2 };
    if order == 0 {
        let (le, be): (&[u8], &[u8]) = if wide {
            (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
        } else {
            (&[0xFF, 0xFE], &[0xFE, 0xFF])
        };
        if data.starts_with(le) {
            skip = unit;
        } else if data.starts_with(be) {
            big = true;
            skip = unit;
        } else if !final_ && data.len() < unit {
            return Ok(new_tuple(vec![new_str(""), new_int(0), new_int(0)]));
        }
    }
    let codec = if wide {
        Codec::Utf32(Some(big))
    } else {
        Codec::Utf16(Some(big))
    };
    let body = &data[skip..];
    let n = if final_ {
        body.len()
    } else {
        complete_prefix(body, codec)
    };
    let name = if wide { "utf-32" } else { "utf-16" };
    let s = decode_with_handler(vm, &body[..n], codec, &errors, name)?;
    let detected = if order == 0 && skip == 0 {
        0
    } else if big {
        1
    } else {
        -1
    };
    Ok(new_tuple(vec![
        new_string(s),
        new_int((skip + n) as i64),
        new_int(detected),
    ]))
}

fn utf_16_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = utf_n_ex_decode(vm, args, "utf_16_decode", false, false)?;
    Ok(first_two(&r))
}

fn utf_32_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = utf_n_ex_decode(vm, args, "utf_32_decode", true, false)?;
    Ok(first_two(&r))
}

fn utf_16_ex_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    utf_n_ex_decode(vm, args, "utf_16_ex_decode", false, true)
}

fn utf_32_ex_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    utf_n_ex_decode(vm, args, "utf_32_ex_decode", true, true)
}

fn first_two(t: &Value) -> Value {
    new_tuple(
        as_tuple(t)
            .map(|t| t.iter().take(2).cloned().collect())
            .unwrap_or_default(),
    )
}

// ----- escapes -----

/// `escape_encode(bytes)`: the bytes as a `bytes` literal body.
fn escape_encode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("escape_encode", 1, 2)?;
    let Some(data) = crate::objects::bytes::as_bytes(&pos[0]) else {
        return Err(type_error(format!(
            "escape_encode() argument 1 must be bytes, not {}",
            pos[0].ty().name()
        )));
    };
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..0x7F => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    Ok(encoded(out, data.len()))
}

/// Hex digits at `data[at..at + n]`.
fn hex_at(data: &[u8], at: usize, n: usize) -> Option<u32> {
    let digits = data.get(at..at + n)?;
    let s = std::str::from_utf8(digits).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// The shared escapes of bytes and str literals at `data[i]` (after the backslash):
/// (value, bytes consumed), or None for an escape this function does not know.
fn simple_escape(data: &[u8], i: usize) -> Option<(u32, usize)> {
    let c = *data.get(i)?;
    let v = match c {
        b'\\' => '\\' as u32,
        b'\'' => '\'' as u32,
        b'"' => '"' as u32,
        b'a' => 7,
        b'b' => 8,
        b'f' => 12,
        b'n' => 10,
        b'r' => 13,
        b't' => 9,
        b'v' => 11,
        b'0'..=b'7' => {
            let mut v = 0;
            let mut n = 0;
            while n < 3 && matches!(data.get(i + n), Some(b'0'..=b'7')) {
                v = v * 8 + (data[i + n] - b'0') as u32;
                n += 1;
            }
            return Some((v, n));
        }
        _ => return None,
    };
    Some((v, 1))
}

/// `escape_decode(data, errors=None)`: a `bytes` literal body to bytes.
fn escape_decode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("escape_decode", 1, 2)?;
    let data = match as_str(&pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => as_bytes_like(&pos[0]).ok_or_else(|| {
            type_error(format!(
                "a bytes-like object is required, not '{}'",
                pos[0].ty().name()
            ))
        })?,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] != b'\\' {
            out.push(data[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i >= data.len() {
            return Err(value_error("Trailing \\ in string"));
        }
        if data[i] == b'\n' {
            i += 1;
            continue;
        }
        if data[i] == b'x' {
            let v = hex_at(&data, i + 1, 2)
                .ok_or_else(|| value_error(format!("invalid \\x escape at position {}", i - 1)))?;
            out.push(v as u8);
            i += 3;
            continue;
        }
        match simple_escape(&data, i) {
            Some((v, n)) => {
                out.push(v as u8);
                i += n;
            }
            None => {
                out.push(b'\\');
            }
        }
    }
    Ok(encoded(out, data.len()))
}

/// `unicode_escape_encode(str)`: printable ASCII as is, the rest escaped.
fn unicode_escape_encode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("unicode_escape_encode", 1, 2)?;
    let s = str_arg(&pos[0], "unicode_escape_encode", 1)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ => backslash_escape(c, &mut out),
        }
    }
    Ok(encoded(out.into_bytes(), s.chars().count()))
}

/// `raw_unicode_escape_encode(str)`: Latin-1 bytes, `\uXXXX`/`\UXXXXXXXX` beyond.
fn raw_unicode_escape_encode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("raw_unicode_escape_encode", 1, 2)?;
    let s = str_arg(&pos[0], "raw_unicode_escape_encode", 1)?;
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = crate::objects::str::code_point(c);
        if n < 0x100 {
            out.push(n as u8);
        } else if n <= 0xFFFF {
            out.extend_from_slice(format!("\\u{n:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{n:08x}").as_bytes());
        }
    }
    Ok(encoded(out, s.chars().count()))
}

fn escape_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::with_args(
        &exceptions::UNICODE_DECODE_ERROR,
        vec![
            new_str(codec),
            new_bytes(data.to_vec()),
            new_int(start as i64),
            new_int(end as i64),
            new_str(reason),
        ],
    )
}

/// Applies a native error handler to a bad escape `data[start..end]`.
fn escape_bad(
    out: &mut String,
    errors: &str,
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyResult<()> {
    match errors {
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            data[start..end]
                .iter()
                .for_each(|b| out.push_str(&format!("\\x{b:02x}")));
            Ok(())
        }
        _ => Err(escape_error(codec, data, start, end, reason)),
    }
}

/// A `\x`/`\u`/`\U` escape of `n` hex digits at `data[i]` (after the letter).
fn unicode_hex(
    out: &mut String,
    errors: &str,
    codec: &str,
    data: &[u8],
    esc: usize,
    i: usize,
    n: usize,
) -> PyResult<usize> {
    let reason = match n {
        2 => "truncated \\xXX escape",
        4 => "truncated \\uXXXX escape",
        _ => "truncated \\UXXXXXXXX escape",
    };
    let mut k = 0;
    while k < n && data.get(i + k).is_some_and(u8::is_ascii_hexdigit) {
        k += 1;
    }
    if k < n {
        escape_bad(out, errors, codec, data, esc, i + k, reason)?;
        return Ok(i + k);
    }
    match hex_at(data, i, n).and_then(crate::objects::str::char_from_code_point) {
        Some(c) => out.push(c),
        None => escape_bad(
            out,
            errors,
            codec,
            data,
            esc,
            i + n,
            "illegal Unicode character",
        )?,
    }
    Ok(i + n)
}

/// The length of `data` without an incomplete trailing escape (non-final decodes).
fn escape_complete_prefix(data: &[u8], raw: bool) -> usize {
    let mut i = 0;
    let mut last_good = 0;
    while i < data.len() {
        if data[i] != b'\\' {
            i += 1;
            last_good = i;
            continue;
        }
        let need = match data.get(i + 1) {
            None => return last_good,
            Some(b'x') if !raw => 4,
            Some(b'u') => 6,
            Some(b'U') => 10,
            Some(b'N') if !raw => match data[i..].iter().position(|&b| b == b'}') {
                Some(p) => p + 1,
                None => return last_good,
            },
            Some(_) => 2,
        };
        if i + need > data.len() {
            return last_good;
        }
        i += need;
        last_good = i;
    }
    last_good
}

fn unicode_escape_decode_impl(
    vm: &mut Vm,
    args: Args,
    fname: &'static str,
    raw: bool,
) -> PyResult<Value> {
    let pos = args.check(fname, 1, 3)?;
    let data = match as_str(&pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(&pos[0])?,
    };
    let errors = errors_arg(&pos.get(1).cloned(), fname)?;
    let final_ = match pos.get(2) {
        Some(f) => ops::is_true(vm, f)?,
        None => true,
    };
    let codec = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let n = if final_ {
        data.len()
    } else {
        escape_complete_prefix(&data, raw)
    };
    let data = &data[..n];
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as char);
            i += 1;
            continue;
        }
        let esc = i;
        i += 1;
        let Some(&c) = data.get(i) else {
            if raw {
                out.push('\\');
                break;
            }
            escape_bad(
                &mut out,
                &errors,
                codec,
                data,
                esc,
                data.len(),
                "\\ at end of string",
            )?;
            break;
        };
        if raw {
            match c {
                b'u' => i = unicode_hex(&mut out, &errors, codec, data, esc, i + 1, 4)?,
                b'U' => i = unicode_hex(&mut out, &errors, codec, data, esc, i + 1, 8)?,
                _ => out.push('\\'),
            }
            continue;
        }
        match c {
            b'\n' => i += 1,
            b'x' => i = unicode_hex(&mut out, &errors, codec, data, esc, i + 1, 2)?,
            b'u' => i = unicode_hex(&mut out, &errors, codec, data, esc, i + 1, 4)?,
            b'U' => i = unicode_hex(&mut out, &errors, codec, data, esc, i + 1, 8)?,
            b'N' => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'}')
                    .map(|p| i + p + 1)
                    .unwrap_or(data.len());
                escape_bad(
                    &mut out,
                    &errors,
                    codec,
                    data,
                    esc,
                    end,
                    "unknown Unicode character name",
                )?;
                i = end;
            }
            _ => match simple_escape(data, i) {
                Some((v, k)) => {
                    out.push(crate::objects::str::char_from_code_point(v).unwrap_or('\u{FFFD}'));
                    i += k;
                }
                None => out.push('\\'),
            },
        }
    }
    Ok(decoded(out, n))
}

fn unicode_escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unicode_escape_decode_impl(vm, args, "unicode_escape_decode", false)
}

fn raw_unicode_escape_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    unicode_escape_decode_impl(vm, args, "raw_unicode_escape_decode", true)
}

// ----- charmap -----

/// `charmap_build(decoding_table)`: the encoding map as a dict {code point: byte}.
/// NOTE: CPython returns an opaque `EncodingMap`; `charmap_encode` accepts both.
fn charmap_build(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [table] = args.exact::<1>("charmap_build")?;
    let table = str_arg(table, "charmap_build", 1)?;
    let map = PyDict::new_value();
    for (i, c) in table.chars().enumerate() {
        if c != '\u{FFFE}' {
            PyDict::set_item(vm, &map, new_int(c as i64), new_int(i as i64))?;
        }
    }
    Ok(map)
}

/// The bytes `mapping` gives the char `c`: None when unmapped.
fn charmap_lookup_encode(vm: &mut Vm, mapping: &Value, c: char) -> PyResult<Option<Vec<u8>>> {
    let r = match ops::getitem(vm, mapping, &new_int(c as i64)) {
        Ok(r) => r,
        Err(e) if e.matches(&exceptions::LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if is_none(&r) {
        return Ok(None);
    }
    if let Some(n) = crate::objects::int::as_i64(&r) {
        if !(0..256).contains(&n) {
            return Err(type_error("character mapping must be in range(256)"));
        }
        return Ok(Some(vec![n as u8]));
    }
    if let Some(b) = crate::objects::bytes::as_bytes(&r) {
        return Ok(Some(b.to_vec()));
    }
    Err(type_error(
        "character mapping must return integer, bytes or None, not str",
    ))
}

fn charmap_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("charmap_encode", 1, 3)?;
    let s = str_arg(&pos[0], "charmap_encode", 1)?;
    let errors = errors_arg(&pos.get(1).cloned(), "charmap_encode")?;
    let mapping = pos.get(2).cloned().filter(|m| !is_none(m));
    let Some(mapping) = mapping else {
        let out = encode_with_handler(vm, &s, Codec::Latin1, &errors, "latin-1")?;
        return Ok(encoded(out, s.chars().count()));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = charmap_lookup_encode(vm, &mapping, chars[i])? {
            out.extend(b);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && charmap_lookup_encode(vm, &mapping, chars[i])?.is_none() {
            i += 1;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => {
                for _ in start..i {
                    out.extend(charmap_lookup_encode(vm, &mapping, '?')?.unwrap_or_default());
                }
            }
            "xmlcharrefreplace" | "backslashreplace" | "namereplace" => {
                let mut text = String::new();
                for &c in &chars[start..i] {
                    let name = (errors == "namereplace")
                        .then(|| crate::modules::unicodedata::name_of(crate::objects::str::code_point(c), false))
                        .flatten();
                    if errors == "xmlcharrefreplace" {
                        text.push_str(&format!("&#{};", crate::objects::str::code_point(c)));
                    } else if let Some(name) = name {
                        text.push_str(&format!("\\N{{{name}}}"));
                    } else {
                        backslash_escape(c, &mut text);
                    }
                }
                for c in text.chars() {
                    out.extend(charmap_lookup_encode(vm, &mapping, c)?.unwrap_or_default());
                }
            }
            _ => {
                return Err(PyErr::with_args(
                    &exceptions::UNICODE_ENCODE_ERROR,
                    vec![
                        new_str("charmap"),
                        new_str(&s),
                        new_int(start as i64),
                        new_int(i as i64),
                        new_str("character maps to <undefined>"),
                    ],
                ))
            }
        }
    }
    Ok(encoded(out, chars.len()))
}

/// The char `mapping` gives byte `b`: None when undefined.
fn charmap_lookup_decode(
    vm: &mut Vm,
    mapping: &Value,
    table: Option<&[char]>,
    b: u8,
) -> PyResult<Option<String>> {
    if let Some(t) = table {
        return Ok(t
            .get(b as usize)
            .filter(|c| **c != '\u{FFFE}')
            .map(|c| c.to_string()));
    }
    let r = match ops::getitem(vm, mapping, &new_int(b as i64)) {
        Ok(r) => r,
        Err(e) if e.matches(&exceptions::LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if is_none(&r) {
        return Ok(None);
    }
    if let Some(n) = crate::objects::int::as_i64(&r) {
        return match u32::try_from(n).ok().and_then(char::from_u32) {
            Some('\u{FFFE}') => Ok(None),
            Some(c) => Ok(Some(c.to_string())),
            None => Err(type_error("character mapping must be in range(0x110000)")),
        };
    }
    if let Some(s) = as_str(&r) {
        return Ok(if s == "\u{FFFE}" {
            None
        } else {
            Some(s.to_string())
        });
    }
    Err(type_error(
        "character mapping must return integer, None or str",
    ))
}

fn charmap_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("charmap_decode", 1, 3)?;
    let data = bytes_arg(&pos[0])?;
    let errors = errors_arg(&pos.get(1).cloned(), "charmap_decode")?;
    let Some(mapping) = pos.get(2).cloned().filter(|m| !is_none(m)) else {
        let s = decode_with_handler(vm, &data, Codec::Latin1, &errors, "latin-1")?;
        return Ok(decoded(s, data.len()));
    };
    let table: Option<Vec<char>> = as_str(&mapping).map(|s| s.chars().collect());
    let mut out = String::with_capacity(data.len());
    for (i, &b) in data.iter().enumerate() {
        match charmap_lookup_decode(vm, &mapping, table.as_deref(), b)? {
            Some(s) => out.push_str(&s),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{FFFD}'),
                "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                _ => {
                    return Err(escape_error(
                        "charmap",
                        &data,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ))
                }
            },
        }
    }
    Ok(decoded(out, data.len()))
}

fn readbuffer_encode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readbuffer_encode", 1, 2)?;
    let data = match as_str(&pos[0]) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(&pos[0])?,
    };
    let n = data.len();
    Ok(encoded(data, n))
}

static CODECS_METHODS: &[MethodDef] = &[
    MethodDef::method("register", m_register),
    MethodDef::method("unregister", m_unregister),
    MethodDef::method("lookup", m_lookup),
    MethodDef::method("_forget_codec", m_forget_codec),
    MethodDef::method("encode", m_encode),
    MethodDef::method("decode", m_decode),
    MethodDef::method("register_error", m_register_error),
    MethodDef::method("lookup_error", m_lookup_error),
    MethodDef::method("utf_8_encode", utf_8_encode),
    MethodDef::method("utf_8_decode", utf_8_decode),
    MethodDef::method("ascii_encode", ascii_encode),
    MethodDef::method("ascii_decode", ascii_decode),
    MethodDef::method("latin_1_encode", latin_1_encode),
    MethodDef::method("latin_1_decode", latin_1_decode),
    MethodDef::method("utf_16_encode", utf_16_encode),
    MethodDef::method("utf_16_decode", utf_16_decode),
    MethodDef::method("utf_16_ex_decode", utf_16_ex_decode),
    MethodDef::method("utf_16_le_encode", utf_16_le_encode),
    MethodDef::method("utf_16_le_decode", utf_16_le_decode),
    MethodDef::method("utf_16_be_encode", utf_16_be_encode),
    MethodDef::method("utf_16_be_decode", utf_16_be_decode),
    MethodDef::method("utf_32_encode", utf_32_encode),
    MethodDef::method("utf_32_decode", utf_32_decode),
    MethodDef::method("utf_32_ex_decode", utf_32_ex_decode),
    MethodDef::method("utf_32_le_encode", utf_32_le_encode),
    MethodDef::method("utf_32_le_decode", utf_32_le_decode),
    MethodDef::method("utf_32_be_encode", utf_32_be_encode),
    MethodDef::method("utf_32_be_decode", utf_32_be_decode),
    MethodDef::method("escape_encode", escape_encode),
    MethodDef::method("escape_decode", escape_decode),
    MethodDef::method("unicode_escape_encode", unicode_escape_encode),
    MethodDef::method("unicode_escape_decode", unicode_escape_decode),
    MethodDef::method("raw_unicode_escape_encode", raw_unicode_escape_encode),
    MethodDef::method("raw_unicode_escape_decode", raw_unicode_escape_decode),
    MethodDef::method("charmap_build", charmap_build),
    MethodDef::method("charmap_encode", charmap_encode),
    MethodDef::method("charmap_decode", charmap_decode),
    MethodDef::method("readbuffer_encode", readbuffer_encode),
];

pub static MODULE: ModuleDef = ModuleDef {
    name: "_codecs",
    doc: None,
    methods: CODECS_METHODS,
    init: None,
};
