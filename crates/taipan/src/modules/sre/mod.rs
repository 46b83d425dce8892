//! The `_sre` module: the regular expression engine under CPython's `Lib/re/`.  Mirrors
//! CPython 3.13's `Modules/_sre/sre.c` (module functions and the `Pattern` type).
//!
//! `re` compiles a pattern to a list of code words in Python (`Lib/re/_compiler.py`) and
//! hands it to `_sre.compile`; this folder interprets that code:
//! - `mod.rs`: module functions, constants and the `Pattern` type,
//! - `matchobj.rs`: the `Match`, `SRE_Scanner` and `SRE_Template` types,
//! - `engine.rs`: the backtracking interpreter (`sre_lib.h`),
//! - `charset.rs`: character sets, categories and case mapping.
//!
//! Subjects are copied once per call into a slice of code points (`u32`), shared by the
//! match objects made from it.

pub mod charset;
pub mod engine;
pub mod matchobj;

use std::rc::Rc;

use taipan_compiler::bytecode::ComparisonOperator;

use super::ModuleDef;
use crate::objects::bytes::{as_bytes_like, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none, not_implemented};
use crate::objects::str::{as_pystr, new_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p, po};
use crate::vm::{ops, overflow_error, type_error, Args, PyResult, Sig, Vm};
use engine::{Engine, Found, MAXREPEAT};
use matchobj::{new_match, new_scanner, Template};

pub const MAGIC: i64 = 20230612;
pub const MAXGROUPS: i64 = 1073741823;

pub const SRE_FLAG_IGNORECASE: i64 = 2;
pub const SRE_FLAG_LOCALE: i64 = 4;
pub const SRE_FLAG_UNICODE: i64 = 32;
pub const SRE_FLAG_ASCII: i64 = 256;

// ---------------------------------------------------------------------------
// Subjects

/// A subject string as code points.
#[derive(Clone)]
pub struct Subject {
    pub text: Rc<[u32]>,
    pub is_bytes: bool,
}

impl Subject {
    /// `getslice`: `string[a:b]` as an exact `str` or `bytes`.
    pub fn slice(&self, a: usize, b: usize) -> Value {
        let b = b.min(self.text.len());
        let a = a.min(b);
        let part = &self.text[a..b];
        if self.is_bytes {
            new_bytes(part.iter().map(|&c| c as u8).collect())
        } else {
            new_string(part.iter().filter_map(|&c| char::from_u32(c)).collect())
        }
    }
}

/// `getstring`: the code points of a `str` or bytes-like object.
pub fn subject_of(pattern: &PyPattern, v: &Value) -> PyResult<Subject> {
    let (text, is_bytes): (Rc<[u32]>, bool) = if let Some(s) = as_pystr(v) {
        (s.as_str().chars().map(|c| c as u32).collect(), false)
    } else if let Some(b) = as_bytes_like(v) {
        (b.iter().map(|&c| c as u32).collect(), true)
    } else {
        return Err(type_error(format!("expected string or bytes-like object, got '{}'", v.ty().name())));
    };
    match pattern.is_bytes {
        Some(false) if is_bytes => Err(type_error("cannot use a string pattern on a bytes-like object")),
        Some(true) if !is_bytes => Err(type_error("cannot use a bytes pattern on a string-like object")),
        _ => Ok(Subject { text, is_bytes }),
    }
}

/// `state_init`'s clamping of `pos` and `endpos`.
fn clamp(vm: &mut Vm, v: Option<Value>, default: i64, len: usize) -> PyResult<usize> {
    let n = match v {
        Some(v) => ops::index_value(vm, &v)?,
        None => default,
    };
    Ok(n.clamp(0, len as i64) as usize)
}

// ---------------------------------------------------------------------------
// Pattern

#[repr(C)]
pub struct PyPattern {
    head: ObjectHead,
    pub pattern: Value,
    pub flags: i64,
    pub code: Vec<u32>,
    /// Number of capturing groups (group 0 excluded).
    pub groups: usize,
    pub groupindex: Value,
    pub indexgroup: Value,
    /// None when the pattern source is unknown (`_sre.compile(None, ...)`).
    pub is_bytes: Option<bool>,
}

fn pattern_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let p = unsafe { &*(head as *const ObjectHead as *const PyPattern) };
    visit(&p.pattern);
    visit(&p.groupindex);
    visit(&p.indexgroup);
}

pub static PATTERN_LAYOUT: Layout = crate::payload_layout!(PyPattern, "Pattern", pattern_traverse, heap::no_clear);

impl PyPayload for PyPattern {
    fn layout() -> &'static Layout {
        &PATTERN_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &PATTERN_TYPE
    }
}

pub static PATTERN_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Pattern",
    layout: &PATTERN_LAYOUT,
    flags: flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: PATTERN_METHODS,
    getsets: PATTERN_GETSETS,
    doc: Some("Compiled regular expression object."),
    module: Some("re"),
});

pub fn as_pattern(v: &Value) -> PyResult<&PyPattern> {
    v.downcast::<PyPattern>().ok_or_else(|| {
        type_error(format!("descriptor requires a 're.Pattern' object but received a '{}'", v.ty().name()))
    })
}

impl PyPattern {
    /// Runs one match or search; `must_advance` rejects an empty match at `pos`.
    pub fn run(&self, text: &[u32], pos: usize, end: usize, mode: Mode, must_advance: bool) -> Option<Found> {
        let mut engine = Engine::new(&self.code, text, end, self.groups);
        match mode {
            Mode::Match => engine.match_at(pos, false, must_advance),
            Mode::FullMatch => engine.match_at(pos, true, must_advance),
            Mode::Search => engine.search(pos, must_advance),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "compile",
        &[p("pattern"), p("flags"), p("code"), p("groups"), p("groupindex"), p("indexgroup")],
    );
    let [pattern, flags, code, groups, groupindex, indexgroup] = SIG.parse::<6>(args)?;
    let pattern = pattern.unwrap_or_else(none);
    let flags = ops::index_value(vm, &flags.unwrap_or_else(none))?;
    let code_list = code.unwrap_or_else(none);
    let Some(items) = crate::objects::list::as_list(&code_list).map(|l| l.snapshot()) else {
        return Err(type_error(format!(
            "compile() argument 'code' must be list, not {}",
            code_list.ty().name()
        )));
    };
    let mut code = Vec::with_capacity(items.len());
    for it in &items {
        let n = match crate::objects::int::as_int(it) {
            Some(_) => ops::index_value(vm, it).ok(),
            None => return Err(type_error("an integer is required")),
        };
        match n {
            Some(n) if (0..=u32::MAX as i64).contains(&n) => code.push(n as u32),
            _ => return Err(overflow_error("regular expression code size limit exceeded")),
        }
    }
    let groups = ops::index_value(vm, &groups.unwrap_or_else(none))?.max(0) as usize;
    let groupindex = groupindex.unwrap_or_else(none);
    let gi = PyDict::new_value();
    if !is_none(&groupindex) {
        let keys = ops::collect_iter(vm, &groupindex)?;
        for k in keys {
            let v = ops::getitem(vm, &groupindex, &k)?;
            PyDict::set_item(vm, &gi, k, v)?;
        }
    }
    let indexgroup = indexgroup.unwrap_or_else(none);
    let indexgroup = match as_tuple(&indexgroup) {
        Some(_) => indexgroup,
        None => new_tuple(ops::collect_iter(vm, &indexgroup)?),
    };
    let is_bytes = if is_none(&pattern) {
        None
    } else if as_pystr(&pattern).is_some() {
        Some(false)
    } else if as_bytes_like(&pattern).is_some() {
        Some(true)
    } else {
        return Err(type_error(format!("expected string or bytes-like object, got '{}'", pattern.ty().name())));
    };
    Ok(heap::alloc(
        &PATTERN_TYPE,
        PyPattern {
            head: ObjectHead::uninit(),
            pattern,
            flags,
            code,
            groups,
            groupindex: gi,
            indexgroup,
            is_bytes,
        },
    ))
}

static MATCH_SIG: Sig = Sig::new("match", &[po("self"), p("string"), opt("pos"), opt("endpos")]);
static FULLMATCH_SIG: Sig = Sig::new("fullmatch", &[po("self"), p("string"), opt("pos"), opt("endpos")]);
static SEARCH_SIG: Sig = Sig::new("search", &[po("self"), p("string"), opt("pos"), opt("endpos")]);

fn do_match(vm: &mut Vm, args: Args, sig: &Sig, mode: Mode) -> PyResult<Value> {
    let [this, string, pos, endpos] = sig.parse::<4>(args)?;
    let this = this.unwrap_or_else(none);
    let string = string.unwrap_or_else(none);
    let pat = as_pattern(&this)?;
    let subj = subject_of(pat, &string)?;
    let len = subj.text.len();
    let pos = clamp(vm, pos, 0, len)?;
    let endpos = clamp(vm, endpos, i64::MAX, len)?;
    let pat = as_pattern(&this)?;
    match pat.run(&subj.text, pos, endpos, mode, false) {
        Some(f) => Ok(new_match(&this, &string, subj, pos, endpos, f)),
        None => Ok(none()),
    }
}

fn pattern_match(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_match(vm, args, &MATCH_SIG, Mode::Match)
}
fn pattern_fullmatch(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_match(vm, args, &FULLMATCH_SIG, Mode::FullMatch)
}
fn pattern_search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_match(vm, args, &SEARCH_SIG, Mode::Search)
}

/// Iterates the successive non-overlapping searches from `pos` (the loop shared by
/// CPython's `findall`, `split` and `pattern_subx`), stopping after `limit` matches.
fn each_match(pat: &PyPattern, text: &[u32], pos: usize, end: usize, limit: usize, mut f: impl FnMut(Found) -> PyResult<()>) -> PyResult<()> {
    let mut start = pos;
    let mut must_advance = false;
    let mut n = 0;
    while start <= end && (limit == 0 || n < limit) {
        let Some(found) = pat.run(text, start, end, Mode::Search, must_advance) else { break };
        must_advance = found.end == found.start;
        start = found.end;
        n += 1;
        f(found)?;
    }
    Ok(())
}

fn pattern_findall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("findall", &[po("self"), p("string"), opt("pos"), opt("endpos")]);
    let [this, string, pos, endpos] = SIG.parse::<4>(args)?;
    let (this, string) = (this.unwrap_or_else(none), string.unwrap_or_else(none));
    let pat = as_pattern(&this)?;
    let subj = subject_of(pat, &string)?;
    let len = subj.text.len();
    let pos = clamp(vm, pos, 0, len)?;
    let endpos = clamp(vm, endpos, i64::MAX, len)?;
    let pat = as_pattern(&this)?;
    let mut out = Vec::new();
    let groups = pat.groups;
    let empty = || subj.slice(0, 0);
    each_match(pat, &subj.text, pos, endpos, 0, |f| {
        let item = match groups {
            0 => subj.slice(f.start, f.end),
            1 => f.span(1).map(|(a, b)| subj.slice(a, b)).unwrap_or_else(empty),
            _ => new_tuple((1..=groups).map(|g| f.span(g).map(|(a, b)| subj.slice(a, b)).unwrap_or_else(empty)).collect()),
        };
        out.push(item);
        Ok(())
    })?;
    Ok(PyList::new_value(out))
}

fn pattern_finditer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("finditer", &[po("self"), p("string"), opt("pos"), opt("endpos")]);
    let [this, string, pos, endpos] = SIG.parse::<4>(args)?;
    let scanner = make_scanner(vm, this, string, pos, endpos)?;
    let search = ops::getattr_str(vm, &scanner, "search")?;
    let builtins = crate::vm::import::import_module(vm, "builtins")?;
    let iter = ops::getattr_str(vm, &builtins, "iter")?;
    crate::vm::call::call(vm, &iter, &[search, none()])
}

fn make_scanner(vm: &mut Vm, this: Option<Value>, string: Option<Value>, pos: Option<Value>, endpos: Option<Value>) -> PyResult<Value> {
    let (this, string) = (this.unwrap_or_else(none), string.unwrap_or_else(none));
    let pat = as_pattern(&this)?;
    let subj = subject_of(pat, &string)?;
    let len = subj.text.len();
    let pos = clamp(vm, pos, 0, len)?;
    let endpos = clamp(vm, endpos, i64::MAX, len)?;
    Ok(new_scanner(&this, &string, subj, pos, endpos))
}

fn pattern_scanner(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("scanner", &[po("self"), p("string"), opt("pos"), opt("endpos")]);
    let [this, string, pos, endpos] = SIG.parse::<4>(args)?;
    make_scanner(vm, this, string, pos, endpos)
}

fn pattern_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("split", &[po("self"), p("string"), opt("maxsplit")]);
    let [this, string, maxsplit] = SIG.parse::<3>(args)?;
    let (this, string) = (this.unwrap_or_else(none), string.unwrap_or_else(none));
    let maxsplit = match maxsplit {
        Some(m) => ops::index_value(vm, &m)?,
        None => 0,
    };
    let pat = as_pattern(&this)?;
    let subj = subject_of(pat, &string)?;
    let mut out = Vec::new();
    if maxsplit < 0 {
        out.push(subj.slice(0, subj.text.len()));
        return Ok(PyList::new_value(out));
    }
    let groups = pat.groups;
    let mut last = 0;
    each_match(pat, &subj.text, 0, subj.text.len(), maxsplit as usize, |f| {
        out.push(subj.slice(last, f.start));
        for g in 1..=groups {
            out.push(f.span(g).map(|(a, b)| subj.slice(a, b)).unwrap_or_else(none));
        }
        last = f.end;
        Ok(())
    })?;
    out.push(subj.slice(last, subj.text.len()));
    Ok(PyList::new_value(out))
}

/// What `sub` puts in place of each match.
enum Repl {
    Literal(Value),
    Template(Template),
    Callable(Value),
}

/// `pattern_subx`: `sub` and `subn`.
fn pattern_subx(vm: &mut Vm, args: Args, name: &'static str, want_count: bool) -> PyResult<Value> {
    static SUB_SIG: Sig = Sig::new("sub", &[po("self"), p("repl"), p("string"), opt("count")]);
    static SUBN_SIG: Sig = Sig::new("subn", &[po("self"), p("repl"), p("string"), opt("count")]);
    let sig = if name == "sub" { &SUB_SIG } else { &SUBN_SIG };
    let [this, repl, string, count] = sig.parse::<4>(args)?;
    let (this, repl, string) = (this.unwrap_or_else(none), repl.unwrap_or_else(none), string.unwrap_or_else(none));
    let count = match count {
        Some(c) => ops::index_value(vm, &c)?.max(0) as usize,
        None => 0,
    };
    let pat = as_pattern(&this)?;
    let subj = subject_of(pat, &string)?;
    let repl = if crate::modules::builtins::is_callable(&repl) {
        Repl::Callable(repl)
    } else {
        let literal = if let Some(s) = as_pystr(&repl) {
            !s.as_str().contains('\\')
        } else if let Some(b) = as_bytes_like(&repl) {
            !b.contains(&b'\\')
        } else {
            false
        };
        if literal {
            Repl::Literal(repl)
        } else {
            let re = crate::vm::import::import_module(vm, "re")?;
            let f = ops::getattr_str(vm, &re, "_compile_template")?;
            let t = crate::vm::call::call(vm, &f, &[this.clone(), repl])?;
            let t = matchobj::as_template(&t)?;
            match t.literal_only() {
                Some(l) => Repl::Literal(l),
                None => Repl::Template(t.clone()),
            }
        }
    };
    let pat = as_pattern(&this)?;
    let len = subj.text.len();
    let mut founds = Vec::new();
    each_match(pat, &subj.text, 0, len, count, |f| {
        founds.push(f);
        Ok(())
    })?;
    let n = founds.len();
    let mut pieces: Vec<Value> = Vec::new();
    let mut last = 0;
    for f in founds {
        if last < f.start {
            pieces.push(subj.slice(last, f.start));
        }
        let (a, b) = (f.start, f.end);
        match &repl {
            Repl::Literal(l) => pieces.push(l.clone()),
            Repl::Template(t) => t.expand_into(&subj, &f, &mut pieces),
            Repl::Callable(c) => {
                let m = new_match(&this, &string, subj.clone(), 0, len, f);
                let item = crate::vm::call::call(vm, c, &[m])?;
                if !is_none(&item) {
                    pieces.push(item);
                }
            }
        }
        last = b.max(a);
    }
    if last < len {
        pieces.push(subj.slice(last, len));
    }
    let joined = join_pieces(&pieces, subj.is_bytes)?;
    if want_count {
        Ok(new_tuple(vec![joined, new_int(n as i64)]))
    } else {
        Ok(joined)
    }
}

/// `''.join(pieces)` / `b''.join(pieces)` with `str.join`'s error for a wrong item.
pub fn join_pieces(pieces: &[Value], is_bytes: bool) -> PyResult<Value> {
    if is_bytes {
        let mut out = Vec::new();
        for (i, p) in pieces.iter().enumerate() {
            match as_bytes_like(p) {
                Some(b) => out.extend_from_slice(&b),
                None => {
                    return Err(type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        p.ty().name()
                    )))
                }
            }
        }
        return Ok(new_bytes(out));
    }
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        match as_pystr(p) {
            Some(s) => out.push_str(s.as_str()),
            None => {
                return Err(type_error(format!("sequence item {i}: expected str instance, {} found", p.ty().name())))
            }
        }
    }
    Ok(new_string(out))
}

fn pattern_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_subx(vm, args, "sub", false)
}
fn pattern_subn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pattern_subx(vm, args, "subn", true)
}

fn pattern_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__copy__")?;
    Ok(this.clone())
}
fn pattern_deepcopy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, _memo] = args.exact::<2>("__deepcopy__")?;
    Ok(this.clone())
}

/// `pattern_repr`: `re.compile('a+', re.IGNORECASE)`.
fn pattern_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let pat = as_pattern(v)?;
    let (pattern, mut flags, is_bytes) = (pat.pattern.clone(), pat.flags, pat.is_bytes);
    let r = ops::repr_string(vm, &pattern)?;
    let r: String = r.chars().take(200).collect();
    let mut out = format!("re.compile({r}");
    if is_bytes == Some(false) && flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII) == SRE_FLAG_UNICODE {
        flags &= !SRE_FLAG_UNICODE;
    }
    if flags != 0 {
        const NAMES: &[(&str, i64)] = &[
            ("re.IGNORECASE", 2),
            ("re.LOCALE", 4),
            ("re.MULTILINE", 8),
            ("re.DOTALL", 16),
            ("re.UNICODE", 32),
            ("re.VERBOSE", 64),
            ("re.DEBUG", 128),
            ("re.ASCII", 256),
        ];
        let mut parts = Vec::new();
        for (name, bit) in NAMES {
            if flags & bit != 0 {
                parts.push(name.to_string());
                flags &= !bit;
            }
        }
        if flags != 0 {
            parts.push(format!("0x{flags:x}"));
        }
        out.push_str(", ");
        out.push_str(&parts.join("|"));
    }
    out.push(')');
    Ok(new_string(out))
}

fn pattern_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(not_implemented());
    }
    let (Some(x), Some(y)) = (a.downcast::<PyPattern>(), b.downcast::<PyPattern>()) else {
        return Ok(not_implemented());
    };
    let mut same = a.is(b);
    if !same && x.flags == y.flags && x.is_bytes == y.is_bytes && x.code == y.code {
        let (px, py) = (x.pattern.clone(), y.pattern.clone());
        same = ops::eq(vm, &px, &py)?;
    }
    Ok(bool_value(same == matches!(op, ComparisonOperator::Eq)))
}

fn pattern_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let pat = as_pattern(v)?;
    let (pattern, flags) = (pat.pattern.clone(), pat.flags);
    let mut h = ops::hash(vm, &pattern)?;
    let pat = as_pattern(v)?;
    for &c in &pat.code {
        h = h.wrapping_mul(1000003) ^ c as i64;
    }
    h ^= flags;
    Ok(if h == -1 { -2 } else { h })
}

fn get_pattern(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(as_pattern(v)?.pattern.clone())
}
fn get_flags(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(as_pattern(v)?.flags))
}
fn get_groups(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(as_pattern(v)?.groups as i64))
}
fn get_groupindex(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let gi = as_pattern(v)?.groupindex.clone();
    let d = PyDict::new_value();
    for (k, x) in PyDict::items_vec(&gi) {
        PyDict::set_item(vm, &d, k, x)?;
    }
    Ok(d)
}

pub static PATTERN_METHODS: &[MethodDef] = &[
    MethodDef::method("match", pattern_match),
    MethodDef::method("fullmatch", pattern_fullmatch),
    MethodDef::method("search", pattern_search),
    MethodDef::method("sub", pattern_sub),
    MethodDef::method("subn", pattern_subn),
    MethodDef::method("findall", pattern_findall),
    MethodDef::method("split", pattern_split),
    MethodDef::method("finditer", pattern_finditer),
    MethodDef::method("scanner", pattern_scanner),
    MethodDef::method("__copy__", pattern_copy),
    MethodDef::method("__deepcopy__", pattern_deepcopy),
    MethodDef::classmethod("__class_getitem__", crate::objects::genericalias::class_getitem),
];

pub static PATTERN_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("pattern", get_pattern),
    GetSetDef::new("flags", get_flags),
    GetSetDef::new("groups", get_groups),
    GetSetDef::new("groupindex", get_groupindex),
];

// ---------------------------------------------------------------------------
// Module functions

fn one_char(vm: &mut Vm, args: Args, name: &str) -> PyResult<u32> {
    let [c] = args.exact::<1>(name)?;
    let n = ops::index_value(vm, c)?;
    Ok(n.clamp(0, u32::MAX as i64) as u32)
}

fn sre_getcodesize(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_int(4))
}
fn sre_ascii_iscased(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(bool_value(charset::ascii_iscased(one_char(vm, args, "ascii_iscased")?)))
}
fn sre_unicode_iscased(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(bool_value(charset::unicode_iscased(one_char(vm, args, "unicode_iscased")?)))
}
fn sre_ascii_tolower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_int(charset::lower_ascii(one_char(vm, args, "ascii_tolower")?) as i64))
}
fn sre_unicode_tolower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_int(charset::lower_unicode(one_char(vm, args, "unicode_tolower")?) as i64))
}

pub static SRE_METHODS: &[MethodDef] = &[
    MethodDef::method("compile", sre_compile),
    MethodDef::method("template", matchobj::sre_template),
    MethodDef::method("getcodesize", sre_getcodesize),
    MethodDef::method("ascii_iscased", sre_ascii_iscased),
    MethodDef::method("unicode_iscased", sre_unicode_iscased),
    MethodDef::method("ascii_tolower", sre_ascii_tolower),
    MethodDef::method("unicode_tolower", sre_unicode_tolower),
];

fn init_types() {
    let s = &PATTERN_TYPE.slots;
    s.repr.set(Some(pattern_repr));
    s.richcompare.set(Some(pattern_richcompare));
    s.hash.set(Some(pattern_hash));
    crate::objects::typeobject_methods::init_static_type(&PATTERN_TYPE);
    matchobj::init_types();
}

fn sre_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "MAGIC", new_int(MAGIC));
    super::add_object(module, "CODESIZE", new_int(4));
    super::add_object(module, "MAXREPEAT", new_int(MAXREPEAT as i64));
    super::add_object(module, "MAXGROUPS", new_int(MAXGROUPS));
    super::add_object(
        module,
        "copyright",
        new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_sre",
    doc: None,
    methods: SRE_METHODS,
    init: Some(sre_init),
};
