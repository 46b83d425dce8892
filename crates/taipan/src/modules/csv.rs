//! The `_csv` module behind `Lib/csv.py`: the `Dialect` type, the `reader` and `writer`
//! objects, the dialect registry and `field_size_limit`, following the documented
//! behaviour of CPython 3.13's `Modules/_csv.c` (messages match it character for
//! character).
//!
//! The reader is a per-character state machine fed one line at a time; the end of each
//! line is an extra `Eol` input so a quoted field may continue on the next line.  The
//! writer decides quoting per field from the dialect's `quoting` mode, then scans the
//! field for characters that need quoting or escaping (`join_append_data`).

use std::cell::{Cell, RefCell};
use std::mem::ManuallyDrop;

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::exceptions::{self, EXC_LAYOUT};
use crate::objects::float::{as_f64, FLOAT_TYPE};
use crate::objects::int::{as_i64, is_int, new_int, INT_TYPE};
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{call, ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Vm};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;
const QUOTE_STRINGS: i64 = 4;
const QUOTE_NOTNULL: i64 = 5;

/// `_csv.Error`.
pub static CSV_ERROR: PyType = PyType::new_static(StaticTypeInit {
    name: "Error",
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
    module: Some("_csv"),
});

fn csv_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&CSV_ERROR, msg)
}

thread_local! {
    /// The dialect registry (`_csv._dialects`); never dropped, like a module's state.
    static DIALECTS: RefCell<Option<ManuallyDrop<Value>>> = const { RefCell::new(None) };
    /// `field_size_limit` (CPython's `state->field_limit`).
    static FIELD_LIMIT: Cell<i64> = const { Cell::new(128 * 1024) };
}

fn dialects() -> Value {
    DIALECTS.with(|d| {
        let mut d = d.borrow_mut();
        let v = d.get_or_insert_with(|| ManuallyDrop::new(PyDict::new_value()));
        Value::clone(v)
    })
}

// ---------------------------------------------------------------------------------------
// Dialect
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyDialect {
    head: ObjectHead,
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

pub static DIALECT_LAYOUT: Layout =
    crate::payload_layout!(PyDialect, "Dialect", heap::no_traverse, heap::no_clear);

impl PyPayload for PyDialect {
    fn layout() -> &'static Layout {
        &DIALECT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DIALECT_TYPE
    }
}

pub static DIALECT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Dialect",
    layout: &DIALECT_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: DIALECT_GETSETS,
    doc: Some("CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n"),
    module: Some("_csv"),
});

fn dialect_of(v: &Value) -> PyResult<&PyDialect> {
    v.downcast::<PyDialect>().ok_or_else(|| type_error("descriptor requires a '_csv.Dialect' object"))
}

fn opt_char(c: Option<char>) -> Value {
    c.map_or_else(none, |c| new_string(c.to_string()))
}

fn g_delimiter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(dialect_of(v)?.delimiter.to_string()))
}
fn g_quotechar(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(opt_char(dialect_of(v)?.quotechar))
}
fn g_escapechar(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(opt_char(dialect_of(v)?.escapechar))
}
fn g_doublequote(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(dialect_of(v)?.doublequote))
}
fn g_skipinitialspace(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(dialect_of(v)?.skipinitialspace))
}
fn g_lineterminator(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(&dialect_of(v)?.lineterminator))
}
fn g_quoting(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(dialect_of(v)?.quoting))
}
fn g_strict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(dialect_of(v)?.strict))
}

static DIALECT_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("delimiter", g_delimiter),
    GetSetDef::new("doublequote", g_doublequote),
    GetSetDef::new("escapechar", g_escapechar),
    GetSetDef::new("lineterminator", g_lineterminator),
    GetSetDef::new("quotechar", g_quotechar),
    GetSetDef::new("quoting", g_quoting),
    GetSetDef::new("skipinitialspace", g_skipinitialspace),
    GetSetDef::new("strict", g_strict),
];

/// `dialect_new`'s keyword list, in order (positional arguments bind to it too).
const DIALECT_PARAMS: [&str; 9] = [
    "dialect",
    "delimiter",
    "doublequote",
    "escapechar",
    "lineterminator",
    "quotechar",
    "quoting",
    "skipinitialspace",
    "strict",
];

/// `_set_char`: a required one-character string.
fn set_char(name: &str, v: Option<&Value>, default: char) -> PyResult<char> {
    let Some(v) = v else { return Ok(default) };
    let Some(s) = as_str(v) else {
        return Err(type_error(format!("\"{name}\" must be string, not {}", v.ty().name())));
    };
    one_char(name, s)
}

fn one_char(name: &str, s: &str) -> PyResult<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// `_set_char_or_none`: a one-character string or None.
fn set_char_or_none(name: &str, v: Option<&Value>, default: Option<char>) -> PyResult<Option<char>> {
    let Some(v) = v else { return Ok(default) };
    if is_none(v) {
        return Ok(None);
    }
    let Some(s) = as_str(v) else {
        return Err(type_error(format!(
            "\"{name}\" must be string or None, not {}",
            v.ty().name()
        )));
    };
    one_char(name, s).map(Some)
}

/// `dialect_check_char`: line ends are never allowed; a space only as the delimiter
/// when `skipinitialspace` is set.
fn check_char(name: &str, c: Option<char>, skipinitialspace: bool, allowspace: bool) -> PyResult<()> {
    if let Some(c) = c {
        if c == '\r' || c == '\n' || (c == ' ' && skipinitialspace && !allowspace) {
            return Err(value_error(format!("bad {name} value")));
        }
    }
    Ok(())
}

fn check_chars(n1: &str, n2: &str, c1: Option<char>, c2: Option<char>) -> PyResult<()> {
    if c1.is_some() && c1 == c2 {
        return Err(value_error(format!("bad {n1} or {n2} value")));
    }
    Ok(())
}

/// `dialect_new`: `Dialect(dialect=None, **fmtparams)`.  `dialect` may be a registered
/// name or any object whose attributes supply the defaults.
fn dialect_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&DIALECT_TYPE);
    let mut slots: [Option<Value>; 9] = std::array::from_fn(|_| None);
    let pos = args.positional();
    if pos.len() > 9 {
        return Err(type_error(format!(
            "Dialect() takes at most 9 arguments ({} given)",
            pos.len()
        )));
    }
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    let mut any_kw = false;
    for (k, v) in args.kwargs() {
        let name = as_str(k).unwrap_or("");
        let Some(i) = DIALECT_PARAMS.iter().position(|p| *p == name) else {
            return Err(type_error(format!(
                "this function got an unexpected keyword argument '{name}'"
            )));
        };
        if slots[i].is_some() {
            return Err(type_error(format!(
                "argument for function given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
        if i > 0 {
            any_kw = true;
        }
    }
    let mut dialect = slots[0].take();
    if let Some(d) = &dialect {
        if let Some(name) = as_str(d) {
            let name = name.to_string();
            dialect = Some(get_dialect_by_name(vm, &new_string(name))?);
        }
    }
    if let Some(d) = &dialect {
        let exact = std::ptr::eq(d.ty(), &DIALECT_TYPE) && std::ptr::eq(ty, &DIALECT_TYPE);
        if exact && !any_kw && pos.len() <= 1 {
            return Ok(d.clone());
        }
        for (i, name) in DIALECT_PARAMS.iter().enumerate().skip(1) {
            if slots[i].is_none() {
                if let Ok(v) = ops::getattr_str(vm, d, name) {
                    slots[i] = Some(v);
                }
            }
        }
    }
    let [_, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] =
        slots;
    let delimiter = set_char("delimiter", delimiter.as_ref(), ',')?;
    let doublequote = match &doublequote {
        Some(v) => ops::is_true(vm, v)?,
        None => true,
    };
    let escapechar = set_char_or_none("escapechar", escapechar.as_ref(), None)?;
    let lineterminator = match &lineterminator {
        None => "\r\n".to_string(),
        Some(v) => match as_str(v) {
            Some(s) => s.to_string(),
            None => return Err(type_error("\"lineterminator\" must be a string")),
        },
    };
    let quotechar_is_none = quotechar.as_ref().is_some_and(is_none);
    let quotechar = set_char_or_none("quotechar", quotechar.as_ref(), Some('"'))?;
    let quoting = match &quoting {
        None if quotechar_is_none => QUOTE_NONE,
        None => QUOTE_MINIMAL,
        Some(v) => {
            if !std::ptr::eq(v.ty(), &INT_TYPE) {
                return Err(type_error("\"quoting\" must be an integer"));
            }
            let q = as_i64(v)
                .filter(|q| i32::try_from(*q).is_ok())
                .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
            if !(QUOTE_MINIMAL..=QUOTE_NOTNULL).contains(&q) {
                return Err(type_error("bad \"quoting\" value"));
            }
            q
        }
    };
    let skipinitialspace = match &skipinitialspace {
        Some(v) => ops::is_true(vm, v)?,
        None => false,
    };
    let strict = match &strict {
        Some(v) => ops::is_true(vm, v)?,
        None => false,
    };
    if quotechar.is_none() && quoting != QUOTE_NONE {
        return Err(type_error("quotechar must be set if quoting enabled"));
    }
    check_char("delimiter", Some(delimiter), skipinitialspace, true)?;
    check_char("escapechar", escapechar, skipinitialspace, false)?;
    check_char("quotechar", quotechar, skipinitialspace, false)?;
    check_chars("delimiter", "escapechar", Some(delimiter), escapechar)?;
    check_chars("delimiter", "quotechar", Some(delimiter), quotechar)?;
    check_chars("escapechar", "quotechar", escapechar, quotechar)?;
    for (name, c) in [("delimiter", Some(delimiter)), ("escapechar", escapechar), ("quotechar", quotechar)] {
        if let Some(c) = c {
            if lineterminator.contains(c) {
                return Err(value_error(format!("bad {name} or lineterminator value")));
            }
        }
    }
    Ok(heap::alloc(
        ty,
        PyDialect {
            head: ObjectHead::uninit(),
            delimiter,
            quotechar,
            escapechar,
            doublequote,
            skipinitialspace,
            lineterminator,
            quoting,
            strict,
        },
    ))
}

/// `_call_dialect`: `Dialect(dialect_arg, **kwargs)` for `reader`/`writer`.
fn call_dialect(vm: &mut Vm, dialect: Option<&Value>, args: &Args) -> PyResult<Value> {
    let mut values: Vec<Value> = Vec::new();
    if let Some(d) = dialect {
        values.push(d.clone());
    }
    let mut names = Vec::new();
    for (k, v) in args.kwargs() {
        if as_str(k) == Some("dialect") && dialect.is_some() {
            continue;
        }
        names.push(k.clone());
        values.push(v.clone());
    }
    dialect_new(vm, &DIALECT_TYPE.to_value(), Args::with_kw(&values, &names))
}

/// Splits `reader(iterable, dialect='excel', **fmtparams)` style arguments.
fn split_target_args<'a>(args: &Args<'a>) -> PyResult<(&'a Value, Option<Value>)> {
    let pos = args.positional();
    if pos.is_empty() {
        return Err(type_error(" expected at least 1 argument, got 0"));
    }
    if pos.len() > 2 {
        return Err(type_error(format!(" expected at most 2 arguments, got {}", pos.len())));
    }
    let mut dialect = pos.get(1).cloned();
    for (k, v) in args.kwargs() {
        if as_str(k) == Some("dialect") {
            dialect = Some(v.clone());
        }
    }
    Ok((&pos[0], dialect))
}

fn target_dialect(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let (_, d) = split_target_args(args)?;
    call_dialect(vm, d.as_ref(), args)
}

// ---------------------------------------------------------------------------------------
// Registry and module functions
// ---------------------------------------------------------------------------------------

fn get_dialect_by_name(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let reg = dialects();
    PyDict::get_item_opt(vm, &reg, name)?.ok_or_else(|| csv_error("unknown dialect"))
}

fn m_register_dialect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.is_empty() {
        return Err(type_error("register_dialect expected at least 1 argument, got 0"));
    }
    if pos.len() > 2 {
        return Err(type_error(format!(
            "register_dialect expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let name = &pos[0];
    if as_str(name).is_none() {
        return Err(type_error("dialect name must be a string"));
    }
    let d = call_dialect(vm, pos.get(1), &args)?;
    let reg = dialects();
    PyDict::set_item(vm, &reg, name.clone(), d)?;
    Ok(none())
}

fn m_unregister_dialect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("unregister_dialect")?;
    let reg = dialects();
    if !PyDict::del_item_opt(vm, &reg, name)? {
        return Err(csv_error("unknown dialect"));
    }
    Ok(none())
}

fn m_get_dialect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("get_dialect")?;
    get_dialect_by_name(vm, name)
}

fn m_list_dialects(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("list_dialects", 0, 0)?;
    Ok(PyList::new_value(PyDict::keys_vec(&dialects())))
}

fn m_field_size_limit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut new = None;
    let pos = args.positional();
    let total = pos.len() + args.kwnames.len();
    if total > 1 {
        return Err(type_error(format!(
            "field_size_limit() takes at most 1 argument ({total} given)"
        )));
    }
    if let Some(v) = pos.first() {
        new = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        if as_str(k) != Some("new_limit") {
            return Err(type_error(format!(
                "field_size_limit() got an unexpected keyword argument '{}'",
                as_str(k).unwrap_or("")
            )));
        }
        new = Some(v.clone());
    }
    let old = FIELD_LIMIT.with(Cell::get);
    if let Some(v) = new {
        if !is_int(&v) {
            return Err(type_error("limit must be an integer"));
        }
        let n = as_i64(&v).ok_or_else(|| overflow_error("Python int too large to convert to C long"))?;
        FIELD_LIMIT.with(|l| l.set(n));
    }
    Ok(new_int(old))
}

// ---------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct ReaderState {
    state: State,
    field: String,
    field_len: i64,
    unquoted: bool,
    fields: Vec<Value>,
    line_num: i64,
}

#[repr(C)]
pub struct PyReader {
    head: ObjectHead,
    input: Value,
    dialect: Value,
    st: RefCell<ReaderState>,
}

fn reader_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let r = unsafe { &*(head as *const ObjectHead as *const PyReader) };
    visit(&r.input);
    visit(&r.dialect);
    if let Ok(st) = r.st.try_borrow() {
        st.fields.iter().for_each(visit);
    }
}

fn reader_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let r = unsafe { &*(head as *const ObjectHead as *const PyReader) };
    if let Ok(mut st) = r.st.try_borrow_mut() {
        out.extend(st.fields.drain(..));
    }
}

pub static READER_LAYOUT: Layout = crate::payload_layout!(PyReader, "reader", reader_traverse, reader_clear);

impl PyPayload for PyReader {
    fn layout() -> &'static Layout {
        &READER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &READER_TYPE
    }
}

pub static READER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "reader",
    layout: &READER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: READER_GETSETS,
    doc: Some("CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n"),
    module: Some("_csv"),
});

fn g_reader_dialect(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyReader>().ok_or_else(|| type_error("descriptor requires a '_csv.reader' object"))?.dialect.clone())
}
fn g_line_num(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(v.downcast::<PyReader>().ok_or_else(|| type_error("descriptor requires a '_csv.reader' object"))?.st.borrow().line_num))
}

static READER_GETSETS: &[GetSetDef] =
    &[GetSetDef::new("dialect", g_reader_dialect), GetSetDef::new("line_num", g_line_num)];

fn m_reader(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (iterable, _) = split_target_args(&args)?;
    let input = ops::iter(vm, iterable)?;
    let dialect = target_dialect(vm, &args)?;
    Ok(heap::alloc(
        &READER_TYPE,
        PyReader {
            head: ObjectHead::uninit(),
            input,
            dialect,
            st: RefCell::new(ReaderState {
                state: State::StartRecord,
                field: String::new(),
                field_len: 0,
                unquoted: true,
                fields: Vec::new(),
                line_num: 0,
            }),
        },
    ))
}

impl ReaderState {
    fn add_char(&mut self, c: char) -> PyResult<()> {
        let limit = FIELD_LIMIT.with(Cell::get);
        if self.field_len >= limit {
            return Err(csv_error(format!("field larger than field limit ({limit})")));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    /// `parse_save_field`: QUOTE_NOTNULL/QUOTE_STRINGS read an empty unquoted field as
    /// None; QUOTE_NONNUMERIC/QUOTE_STRINGS convert other unquoted fields to float.
    fn save_field(&mut self, vm: &mut Vm, quoting: i64) -> PyResult<()> {
        let text = std::mem::take(&mut self.field);
        let unquoted = self.unquoted;
        let empty = self.field_len == 0;
        self.field_len = 0;
        self.unquoted = true;
        let v = if unquoted && empty && (quoting == QUOTE_NOTNULL || quoting == QUOTE_STRINGS) {
            none()
        } else if unquoted && !empty && (quoting == QUOTE_NONNUMERIC || quoting == QUOTE_STRINGS) {
            call::call(vm, &FLOAT_TYPE.to_value(), &[new_string(text)])?
        } else {
            new_string(text)
        };
        self.fields.push(v);
        Ok(())
    }

    /// `parse_process_char`; `c` is None for the end of a line.
    fn process(&mut self, vm: &mut Vm, d: &PyDialect, c: Option<char>) -> PyResult<()> {
        let is_nl = |c: Option<char>| matches!(c, Some('\n') | Some('\r'));
        let quote_active = d.quoting != QUOTE_NONE;
        let is_quote = |c: Option<char>| quote_active && c.is_some() && c == d.quotechar;
        let is_escape = |c: Option<char>| c.is_some() && c == d.escapechar;
        let mut state = self.state;
        loop {
            match state {
                State::StartRecord => {
                    if c.is_none() {
                        return Ok(());
                    }
                    if is_nl(c) {
                        self.state = State::EatCrnl;
                        return Ok(());
                    }
                    state = State::StartField;
                    continue;
                }
                State::StartField => {
                    if c.is_none() || is_nl(c) {
                        self.save_field(vm, d.quoting)?;
                        self.state = if c.is_none() { State::StartRecord } else { State::EatCrnl };
                    } else if is_quote(c) {
                        self.unquoted = false;
                        self.state = State::InQuotedField;
                    } else if is_escape(c) {
                        self.state = State::EscapedChar;
                    } else if c == Some(' ') && d.skipinitialspace {
                        self.state = State::StartField;
                    } else if c == Some(d.delimiter) {
                        self.save_field(vm, d.quoting)?;
                        self.state = State::StartField;
                    } else if let Some(ch) = c {
                        self.add_char(ch)?;
                        self.state = State::InField;
                    }
                }
                State::EscapedChar => {
                    if let Some(ch @ ('\n' | '\r')) = c {
                        self.add_char(ch)?;
                        self.state = State::AfterEscapedCrnl;
                        return Ok(());
                    }
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = State::InField;
                }
                State::AfterEscapedCrnl => {
                    if c.is_none() {
                        self.state = State::AfterEscapedCrnl;
                        return Ok(());
                    }
                    state = State::InField;
                    continue;
                }
                State::InField => {
                    if c.is_none() || is_nl(c) {
                        self.save_field(vm, d.quoting)?;
                        self.state = if c.is_none() { State::StartRecord } else { State::EatCrnl };
                    } else if is_escape(c) {
                        self.state = State::EscapedChar;
                    } else if c == Some(d.delimiter) {
                        self.save_field(vm, d.quoting)?;
                        self.state = State::StartField;
                    } else if let Some(ch) = c {
                        self.add_char(ch)?;
                        self.state = State::InField;
                    }
                }
                State::InQuotedField => {
                    if c.is_none() {
                        self.state = State::InQuotedField;
                    } else if is_escape(c) {
                        self.state = State::EscapeInQuotedField;
                    } else if is_quote(c) {
                        self.state = if d.doublequote { State::QuoteInQuotedField } else { State::InField };
                    } else if let Some(ch) = c {
                        self.add_char(ch)?;
                        self.state = State::InQuotedField;
                    }
                }
                State::EscapeInQuotedField => {
                    self.add_char(c.unwrap_or('\n'))?;
                    self.state = State::InQuotedField;
                }
                State::QuoteInQuotedField => {
                    if is_quote(c) {
                        self.add_char(c.unwrap_or('"'))?;
                        self.state = State::InQuotedField;
                    } else if c == Some(d.delimiter) {
                        self.save_field(vm, d.quoting)?;
                        self.state = State::StartField;
                    } else if c.is_none() || is_nl(c) {
                        self.save_field(vm, d.quoting)?;
                        self.state = if c.is_none() { State::StartRecord } else { State::EatCrnl };
                    } else if !d.strict {
                        if let Some(ch) = c {
                            self.add_char(ch)?;
                        }
                        self.state = State::InField;
                    } else {
                        return Err(csv_error(format!(
                            "'{}' expected after '{}'",
                            d.delimiter,
                            d.quotechar.unwrap_or('"')
                        )));
                    }
                }
                State::EatCrnl => {
                    if is_nl(c) {
                        self.state = State::EatCrnl;
                    } else if c.is_none() {
                        self.state = State::StartRecord;
                    } else {
                        return Err(csv_error(
                            "new-line character seen in unquoted field - do you need to open the file with newline=''?",
                        ));
                    }
                }
            }
            return Ok(());
        }
    }

    fn reset(&mut self) {
        self.fields.clear();
        self.field.clear();
        self.field_len = 0;
        self.state = State::StartRecord;
        self.unquoted = true;
    }
}

/// `Reader_iternext`: reads lines until a record is complete.
fn reader_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = v.downcast::<PyReader>().ok_or_else(|| type_error("expected a _csv.reader"))?;
    let Some(d) = r.dialect.downcast::<PyDialect>() else {
        return Err(type_error("reader dialect is not a Dialect"));
    };
    r.st.borrow_mut().reset();
    loop {
        let Some(line) = ops::next(vm, &r.input)? else {
            let mut st = r.st.borrow_mut();
            if st.field_len != 0 || st.state == State::InQuotedField {
                if d.strict {
                    return Err(csv_error("unexpected end of data"));
                }
                st.save_field(vm, d.quoting)?;
                break;
            }
            return Ok(None);
        };
        let Some(text) = as_str(&line) else {
            return Err(csv_error(format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                line.ty().name()
            )));
        };
        let mut st = r.st.borrow_mut();
        st.line_num += 1;
        for c in text.chars() {
            if let Err(e) = st.process(vm, d, Some(c)) {
                st.reset();
                return Err(e);
            }
        }
        if let Err(e) = st.process(vm, d, None) {
            st.reset();
            return Err(e);
        }
        if st.state == State::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut r.st.borrow_mut().fields);
    Ok(Some(PyList::new_value(fields)))
}

// ---------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyWriter {
    head: ObjectHead,
    write: Value,
    dialect: Value,
}

fn writer_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let w = unsafe { &*(head as *const ObjectHead as *const PyWriter) };
    visit(&w.write);
    visit(&w.dialect);
}

pub static WRITER_LAYOUT: Layout = crate::payload_layout!(PyWriter, "writer", writer_traverse, heap::no_clear);

impl PyPayload for PyWriter {
    fn layout() -> &'static Layout {
        &WRITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &WRITER_TYPE
    }
}

pub static WRITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "writer",
    layout: &WRITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: WRITER_METHODS,
    getsets: &[GetSetDef::new("dialect", g_writer_dialect)],
    doc: Some("CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n"),
    module: Some("_csv"),
});

fn g_writer_dialect(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.downcast::<PyWriter>().ok_or_else(|| type_error("descriptor requires a '_csv.writer' object"))?.dialect.clone())
}

fn m_writer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (file, _) = split_target_args(&args)?;
    let write = match ops::getattr_str(vm, file, "write") {
        Ok(w) => w,
        Err(_) => return Err(type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = target_dialect(vm, &args)?;
    Ok(heap::alloc(&WRITER_TYPE, PyWriter { head: ObjectHead::uninit(), write, dialect }))
}

/// `PyNumber_Check`.
fn is_number(v: &Value) -> bool {
    if is_int(v) || as_f64(v).is_some() {
        return true;
    }
    let s = &v.ty().slots;
    s.index.get().is_some() || s.int.get().is_some() || s.float.get().is_some()
}

/// `join_append_data`: appends one field, quoting or escaping as the dialect asks.
fn join_append(rec: &mut String, d: &PyDialect, field: &str, mut quoted: bool, first: bool) -> PyResult<()> {
    let mut body = String::new();
    for c in field.chars() {
        let special = c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || c == '\n'
            || c == '\r'
            || d.lineterminator.contains(c);
        if special {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(e) = d.escapechar else {
                    return Err(csv_error("need to escape, but no escapechar set"));
                };
                body.push(e);
            }
        }
        body.push(c);
    }
    if !first {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or('"');
    if quoted {
        rec.push(q);
    }
    rec.push_str(&body);
    if quoted {
        rec.push(q);
    }
    Ok(())
}

fn writer_writerow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, row] = args.exact_method::<2>("writerow")?;
    let w = this.downcast::<PyWriter>().ok_or_else(|| type_error("expected a _csv.writer"))?;
    let Some(d) = w.dialect.downcast::<PyDialect>() else {
        return Err(type_error("writer dialect is not a Dialect"));
    };
    let it = match ops::iter(vm, row) {
        Ok(it) => it,
        Err(e) if e.matches(&exceptions::TYPE_ERROR) => {
            return Err(csv_error(format!("iterable expected, not {}", row.ty().name())));
        }
        Err(e) => return Err(e),
    };
    let mut rec = String::new();
    let mut num_fields = 0usize;
    let mut last_null = false;
    while let Some(field) = ops::next(vm, &it)? {
        let null = is_none(&field);
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            QUOTE_STRINGS => as_str(&field).is_some(),
            QUOTE_NOTNULL => !null,
            _ => false,
        };
        let text = if null {
            String::new()
        } else if let Some(s) = as_str(&field) {
            s.to_string()
        } else {
            ops::str_string(vm, &field)?
        };
        join_append(&mut rec, d, &text, quoted, num_fields == 0)?;
        num_fields += 1;
        last_null = null;
    }
    if num_fields > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE
            || (last_null && (d.quoting == QUOTE_STRINGS || d.quoting == QUOTE_NOTNULL))
        {
            return Err(csv_error("single empty field record must be quoted"));
        }
        join_append(&mut rec, d, "", true, true)?;
    }
    rec.push_str(&d.lineterminator);
    let write = w.write.clone();
    call::call(vm, &write, &[new_string(rec)])
}

fn writer_writerows(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, rows] = args.exact_method::<2>("writerows")?;
    let it = ops::iter(vm, rows)?;
    while let Some(row) = ops::next(vm, &it)? {
        writer_writerow(vm, Args::new(&[this.clone(), row]))?;
    }
    Ok(none())
}

static WRITER_METHODS: &[MethodDef] = &[
    MethodDef::method("writerow", writer_writerow),
    MethodDef::method("writerows", writer_writerows),
];

// ---------------------------------------------------------------------------------------
// Module
// ---------------------------------------------------------------------------------------

fn init_types() {
    DIALECT_TYPE.slots.new.set(Some(dialect_new));
    READER_TYPE.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    READER_TYPE.slots.iternext.set(Some(reader_iternext));
    crate::objects::typeobject_methods::init_static_type(&DIALECT_TYPE);
    crate::objects::typeobject_methods::init_static_type(&READER_TYPE);
    crate::objects::typeobject_methods::init_static_type(&WRITER_TYPE);
    crate::objects::typeobject_methods::init_static_type(&CSV_ERROR);
}

fn csv_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "Dialect", DIALECT_TYPE.to_value());
    super::add_object(module, "Reader", READER_TYPE.to_value());
    super::add_object(module, "Writer", WRITER_TYPE.to_value());
    super::add_object(module, "Error", CSV_ERROR.to_value());
    super::add_object(module, "_dialects", dialects());
    for (name, v) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
        ("QUOTE_STRINGS", QUOTE_STRINGS),
        ("QUOTE_NOTNULL", QUOTE_NOTNULL),
    ] {
        super::add_object(module, name, new_int(v));
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_csv",
    doc: Some("CSV parsing and writing.\n"),
    methods: &[
        MethodDef::method("reader", m_reader),
        MethodDef::method("writer", m_writer),
        MethodDef::method("register_dialect", m_register_dialect),
        MethodDef::method("unregister_dialect", m_unregister_dialect),
        MethodDef::method("get_dialect", m_get_dialect),
        MethodDef::method("list_dialects", m_list_dialects),
        MethodDef::method("field_size_limit", m_field_size_limit),
    ],
    init: Some(csv_module_init),
};
