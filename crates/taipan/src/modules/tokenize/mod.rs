//! The `_tokenize` module: `TokenizerIter`, the iterator `Lib/tokenize.py` builds its
//! token stream from (CPython's `Python/Python-tokenize.c`).
//!
//! `TokenizerIter(readline, *, extra_tokens, encoding=None)` calls `readline` for one
//! chunk of input at a time (bytes decoded with `encoding` when one is given) and yields
//! `(type, string, (srow, scol), (erow, ecol), line)` tuples, with columns in code points.
//! With `extra_tokens` it produces what `tokenize` documents: operators as `OP`, `COMMENT`
//! and `NL` tokens, NEWLINE strings, trailing DEDENT/ENDMARKER on the line after the last.
//! The state machine is in `lexer.rs`; this file turns its tokens into tuples
//! (`tokenizeriter_next`) and its errors into exceptions (`_tokenizer_error`).

mod lexer;

use std::cell::RefCell;

use super::ModuleDef;
use crate::objects::exceptions::{self, set_attr_fields};
use crate::objects::int::new_int;
use crate::objects::singletons::none;
use crate::objects::str::{as_str, is_str, is_surrogate, new_str, new_string};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{flags, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{kw, po};
use crate::vm::{call, ops, type_error, Args, PyErr, PyResult, Sig, Vm};
use lexer::{tok, Done, Host, Lexer, Token, WarnOutcome};

/// The iterator's state (`tokenizeriterobject`).
struct IterState {
    lexer: Lexer,
    encoding: Option<String>,
    /// ENDMARKER was returned.
    done: bool,
    /// The `line` of the previous token and the row it was cached for.
    last_line: Option<Value>,
    last_lineno: u32,
    /// Bytes minus characters before the end of the previous token on the cached line
    /// (`byte_col_offset_diff`): later tokens on that line get their column from it.
    byte_col_offset_diff: i64,
}

#[repr(C)]
pub struct PyTokenizerIter {
    head: ObjectHead,
    readline: RefCell<Value>,
    /// None while `__next__` runs (readline may re-enter the iterator).
    state: RefCell<Option<Box<IterState>>>,
}

fn tokenizer_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let p = unsafe { &*(head as *const ObjectHead as *const PyTokenizerIter) };
    if let Ok(r) = p.readline.try_borrow() {
        visit(&r);
    }
    if let Ok(s) = p.state.try_borrow() {
        if let Some(s) = s.as_ref() {
            if let Some(l) = &s.last_line {
                visit(l);
            }
        }
    }
}

fn tokenizer_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let p = unsafe { &*(head as *const ObjectHead as *const PyTokenizerIter) };
    if let Ok(mut r) = p.readline.try_borrow_mut() {
        out.push(std::mem::replace(&mut *r, none()));
    }
    if let Ok(mut s) = p.state.try_borrow_mut() {
        if let Some(s) = s.as_mut() {
            out.extend(s.last_line.take());
        }
    }
}

pub static TOKENIZER_ITER_LAYOUT: Layout =
    crate::payload_layout!(PyTokenizerIter, "TokenizerIter", tokenizer_traverse, tokenizer_clear);

impl PyPayload for PyTokenizerIter {
    fn layout() -> &'static Layout {
        &TOKENIZER_ITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TOKENIZER_ITER_TYPE
    }
}

pub static TOKENIZER_ITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "TokenizerIter",
    layout: &TOKENIZER_ITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("_tokenize"),
});

/// `tokenizeriter_new`: `TokenizerIter(readline, /, *, extra_tokens, encoding='utf-8')`.
fn tokenizeriter_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("tokenizeriter", &[po("readline"), kw("extra_tokens"), kw("encoding")]);
    let [readline, extra_tokens, encoding] = SIG.parse::<3>(args)?;
    let readline = readline.unwrap_or_else(none);
    let Some(extra_tokens) = extra_tokens else {
        return Err(type_error("tokenizeriter() missing required argument 'extra_tokens' (pos 2)"));
    };
    let extra_tokens = ops::is_true(vm, &extra_tokens)?;
    let encoding = match encoding {
        None => None,
        Some(e) => match as_str(&e) {
            Some(s) => Some(s.to_string()),
            None => {
                return Err(type_error(format!(
                    "tokenizeriter() argument 'encoding' must be str, not {}",
                    e.ty().name()
                )))
            }
        },
    };
    let state = IterState {
        lexer: Lexer::new(extra_tokens),
        encoding,
        done: false,
        last_line: None,
        last_lineno: 0,
        byte_col_offset_diff: 0,
    };
    Ok(heap::alloc(
        &TOKENIZER_ITER_TYPE,
        PyTokenizerIter {
            head: ObjectHead::uninit(),
            readline: RefCell::new(readline),
            state: RefCell::new(Some(Box::new(state))),
        },
    ))
}

fn tokenizeriter_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// The lexer's view of Python: `readline` and `warnings`.
struct PyHost<'a> {
    vm: &'a mut Vm,
    readline: &'a Value,
    encoding: Option<&'a str>,
    /// The exception raised by readline or a warning, raised when the lexer stops.
    error: Option<PyErr>,
}

impl PyHost<'_> {
    /// `tok_readline_string`.
    fn read(&mut self) -> PyResult<Option<String>> {
        let line = match call::call(self.vm, self.readline, &[]) {
            Ok(v) => v,
            Err(e) if e.matches(&exceptions::STOP_ITERATION) => return Ok(None),
            Err(e) => return Err(e),
        };
        let line = match self.encoding {
            Some(enc) => {
                if !line.ty().is_subtype(&crate::objects::bytes::BYTES_TYPE) {
                    return Err(type_error("readline() returned a non-bytes object"));
                }
                let decoded = call::call_method(self.vm, &line, "decode", &[new_str(enc), new_str("replace")])?;
                if !is_str(&decoded) {
                    return Err(type_error("readline() returned a non-string object"));
                }
                decoded
            }
            None => {
                if !is_str(&line) {
                    return Err(type_error("readline() returned a non-string object"));
                }
                line
            }
        };
        let s = as_str(&line).unwrap_or("");
        // PyUnicode_AsUTF8AndSize: lone surrogates cannot be encoded.
        if crate::objects::str::may_have_surrogates(s) {
            if let Some(pos) = s.chars().position(is_surrogate) {
                return Err(PyErr::with_args(
                    &exceptions::UNICODE_ENCODE_ERROR,
                    vec![
                        new_str("utf-8"),
                        line.clone(),
                        new_int(pos as i64),
                        new_int(pos as i64 + 1),
                        new_str("surrogates not allowed"),
                    ],
                ));
            }
        }
        Ok(Some(s.to_string()))
    }
}

impl Host for PyHost<'_> {
    fn readline(&mut self) -> Result<Option<String>, ()> {
        self.read().map_err(|e| {
            self.error.get_or_insert(e);
        })
    }

    fn warn(&mut self, msg: &str, lineno: u32) -> WarnOutcome {
        let result = crate::vm::import::import_module(self.vm, "warnings").and_then(|w| {
            let f = ops::getattr_str(self.vm, &w, "warn_explicit")?;
            call::call(
                self.vm,
                &f,
                &[new_str(msg), exceptions::SYNTAX_WARNING.to_value(), new_str("<string>"), new_int(i64::from(lineno))],
            )
        });
        match result {
            Ok(_) => WarnOutcome::Ignored,
            Err(e) if e.matches(&exceptions::SYNTAX_WARNING) => WarnOutcome::AsError,
            Err(e) => {
                self.error.get_or_insert(e);
                WarnOutcome::Failed
            }
        }
    }
}

/// `_PyPegen_byte_offset_to_character_offset`: the characters of `line` within its
/// first `byte_offset` UTF-8 bytes, the offset clamped to one past the C string (which
/// ends at the first NUL), the terminator counting as one character.
fn byte_offset_to_char_offset(line: &[char], byte_offset: usize) -> usize {
    let c_len: usize = line.iter().take_while(|&&c| c != '\0').map(|c| c.len_utf8()).sum();
    let limit = byte_offset.min(c_len + 1);
    let mut bytes = 0;
    let mut chars = 0;
    for c in line {
        if bytes >= limit {
            return chars;
        }
        bytes += c.len_utf8();
        chars += 1;
    }
    if bytes < limit {
        chars += 1;
    }
    chars
}

/// `_tokenizer_error`: the exception for an ERRORTOKEN.
fn tokenizer_error(lx: &mut Lexer, host_error: Option<PyErr>) -> PyErr {
    if let Some(e) = lx.error.take() {
        let details = new_tuple(vec![
            new_str("<string>"),
            new_int(i64::from(e.lineno)),
            new_int(e.offset),
            new_string(e.text),
            new_int(i64::from(e.lineno)),
            new_int(e.end_offset),
        ]);
        return PyErr::with_args(&exceptions::SYNTAX_ERROR, vec![new_string(e.msg), details]);
    }
    if let Some(e) = host_error {
        return e;
    }
    let (ty, msg) = match lx.done {
        Done::Eof => {
            let err = PyErr::new(&exceptions::SYNTAX_ERROR, "unexpected EOF in multi-line statement");
            let offset = lx.utf8_len(0, lx.inp());
            set_attr_fields(&err.exc, "filename", new_str("<string>"));
            set_attr_fields(&err.exc, "lineno", new_int(i64::from(lx.lineno)));
            set_attr_fields(&err.exc, "offset", new_int(offset as i64));
            set_attr_fields(&err.exc, "end_lineno", new_int(i64::from(lx.lineno)));
            return err;
        }
        Done::Dedent => (&exceptions::INDENTATION_ERROR, "unindent does not match any outer indentation level"),
        Done::TabSpace => (&exceptions::TAB_ERROR, "inconsistent use of tabs and spaces in indentation"),
        Done::TooDeep => (&exceptions::INDENTATION_ERROR, "too many levels of indentation"),
        Done::LineCont => (&exceptions::SYNTAX_ERROR, "unexpected character after line continuation character"),
        _ => (&exceptions::SYNTAX_ERROR, "unknown tokenization error"),
    };
    // The whole buffer without its final newline; the offset is one past its end.
    let inp = lx.inp();
    let line: Vec<char> = lx.chars(0, inp.saturating_sub(1)).to_vec();
    let text: String = line.iter().collect();
    let offset = byte_offset_to_char_offset(&line, lx.utf8_len(0, inp));
    let details = new_tuple(vec![
        new_str("<string>"),
        new_int(i64::from(lx.lineno)),
        new_int(offset as i64),
        new_string(text),
        none(),
        none(),
    ]);
    PyErr::with_args(ty, vec![new_str(msg), details])
}

/// `tokenizeriter_next`.
fn tokenizeriter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(this) = v.downcast::<PyTokenizerIter>() else {
        return Err(type_error("TokenizerIter expected"));
    };
    let readline = this.readline.borrow().clone();
    let Some(mut state) = this.state.borrow_mut().take() else {
        // Re-entered from readline: CPython would read another line for the same
        // tokenizer, recursing until the recursion limit; the recursion is reproduced,
        // the shared state is not.
        call::call(vm, &readline, &[])?;
        return Err(crate::vm::runtime_error("TokenizerIter is already running"));
    };
    let result = next_token(vm, &mut state, &readline);
    *this.state.borrow_mut() = Some(state);
    result
}

fn next_token(vm: &mut Vm, st: &mut IterState, readline: &Value) -> PyResult<Option<Value>> {
    let mut host = PyHost { vm, readline, encoding: st.encoding.as_deref(), error: None };
    let token = st.lexer.next_token(&mut host);
    let host_error = host.error.take();
    let lx = &mut st.lexer;
    lx.host_error = false;
    // NOTE: CPython can return a token while the lexer's error is already set (a NUL
    // byte read while measuring indentation), which surfaces later as a SystemError;
    // Taipan raises the pending SyntaxError instead.
    if token.kind == tok::ERRORTOKEN || host_error.is_some() || lx.error.is_some() {
        return Err(tokenizer_error(lx, host_error));
    }
    if st.done {
        return Err(crate::vm::stop_iteration(Some(new_str("EOF"))));
    }
    let value = token_tuple(st, token);
    if token.kind == tok::ENDMARKER {
        st.done = true;
    }
    Ok(value)
}

/// Builds `(type, string, (srow, scol), (erow, ecol), line)` as `tokenizeriter_next` does.
fn token_tuple(st: &mut IterState, token: Token) -> Option<Value> {
    let lx = &st.lexer;
    let mut kind = token.kind;
    let mut string = match (token.start, token.end) {
        (Some(a), Some(b)) => lx.text(a, b),
        _ => String::new(),
    };
    let extra = lx.extra_tokens;
    let trailing = kind == tok::ENDMARKER || (kind == tok::DEDENT && lx.done == Done::Eof);
    let string_literal = kind == tok::STRING || kind == tok::FSTRING_MIDDLE;
    let line_start = if string_literal { lx.multi_line_start } else { lx.line_start };

    let mut line_changed = true;
    let line = if extra && trailing {
        new_str("")
    } else if lx.lineno != st.last_lineno {
        let mut end = lx.inp();
        if end > line_start && lx.implicit_newline {
            end -= 1;
        }
        let l = new_string(lx.text(line_start, end));
        st.last_line = Some(l.clone());
        st.byte_col_offset_diff = 0;
        l
    } else {
        line_changed = false;
        // A first token on row 0 (empty input without extra tokens) finds no cached line:
        // CPython's iterator then ends without an exception.
        st.last_line.clone()?
    };

    let mut lineno = if string_literal { lx.first_lineno } else { lx.lineno };
    let mut end_lineno = lx.lineno;
    st.last_lineno = lineno;

    // Columns as CPython computes them: from byte offsets, converting to characters once
    // per line and then through the running byte/character difference (which drifts
    // when the lexer re-reads text after an error, exactly as CPython's does).
    let mut col: i64 = -1;
    let mut end_col: i64 = -1;
    if let Some(a) = token.start.filter(|&a| a >= line_start) {
        let byte_offset = lx.utf8_len(line_start, a) as i64;
        if line_changed {
            col = (a - line_start) as i64;
            st.byte_col_offset_diff = byte_offset - col;
        } else {
            col = byte_offset - st.byte_col_offset_diff;
        }
    }
    if let Some(b) = token.end.filter(|&b| b >= lx.line_start) {
        if lineno == end_lineno {
            let a = token.start.unwrap_or(b).min(b);
            // A token starting on an earlier line of the buffer (an INDENT while an
            // f-string spans lines) has column -1, and CPython counts its characters
            // from the byte before the line.
            let token_chars = if a >= line_start { b - a } else { 1 + b.saturating_sub(line_start) } as i64;
            end_col = col + token_chars;
            st.byte_col_offset_diff += lx.utf8_len(a, b) as i64 - token_chars;
        } else {
            let end_bytes = lx.utf8_len(lx.line_start, b) as i64;
            end_col = (b - lx.line_start) as i64;
            st.byte_col_offset_diff += end_bytes - end_col;
        }
    }
    if extra {
        if trailing {
            lineno += 1;
            end_lineno = lineno;
            col = 0;
            end_col = 0;
        }
        if kind > tok::DEDENT && kind < tok::OP {
            kind = tok::OP;
        } else if kind == tok::NEWLINE {
            if !lx.implicit_newline {
                let cr = lx.start.and_then(|s| lx.char_at(s)) == Some('\r');
                string = if cr { "\r\n".into() } else { "\n".into() };
            }
            end_col += 1;
        } else if kind == tok::NL && lx.implicit_newline {
            string.clear();
        }
    }

    Some(new_tuple(vec![
        new_int(i64::from(kind)),
        new_string(string),
        new_tuple(vec![new_int(i64::from(lineno)), new_int(col)]),
        new_tuple(vec![new_int(i64::from(end_lineno)), new_int(end_col)]),
        line,
    ]))
}

fn init_types() {
    TOKENIZER_ITER_TYPE.slots.new.set(Some(tokenizeriter_new));
    TOKENIZER_ITER_TYPE.slots.iter.set(Some(tokenizeriter_iter));
    TOKENIZER_ITER_TYPE.slots.iternext.set(Some(tokenizeriter_next));
    crate::objects::typeobject_methods::init_static_type(&TOKENIZER_ITER_TYPE);
}

fn tokenize_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "TokenizerIter", TOKENIZER_ITER_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef { name: "_tokenize", doc: None, methods: &[], init: Some(tokenize_init) };
