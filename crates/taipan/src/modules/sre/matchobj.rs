//! The `re.Match`, `_sre.SRE_Scanner` and `_sre.SRE_Template` types.  Mirrors the
//! `match_*`, `scanner_*` and `template_*` parts of CPython 3.13's `Modules/_sre/sre.c`.

use std::cell::Cell;

use super::engine::Found;
use super::{as_pattern, join_pieces, Mode, Subject};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::singletons::{is_none, none};
use crate::objects::str::new_string;
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, po};
use crate::vm::{index_error, ops, type_error, Args, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------
// Match

#[repr(C)]
pub struct PyMatch {
    head: ObjectHead,
    pattern: Value,
    string: Value,
    subj: Subject,
    pos: usize,
    endpos: usize,
    groups: usize,
    found: Found,
}

fn match_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let m = unsafe { &*(head as *const ObjectHead as *const PyMatch) };
    visit(&m.pattern);
    visit(&m.string);
}

pub static MATCH_LAYOUT: Layout = crate::payload_layout!(PyMatch, "Match", match_traverse, heap::no_clear);

impl PyPayload for PyMatch {
    fn layout() -> &'static Layout {
        &MATCH_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &MATCH_TYPE
    }
}

pub static MATCH_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Match",
    layout: &MATCH_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: MATCH_METHODS,
    getsets: MATCH_GETSETS,
    doc: Some("The result of re.match() and re.search().\nMatch objects always have a boolean value of True."),
    module: Some("re"),
});

/// `pattern_new_match`.
pub fn new_match(pattern: &Value, string: &Value, subj: Subject, pos: usize, endpos: usize, found: Found) -> Value {
    let groups = pattern.downcast::<super::PyPattern>().map(|p| p.groups).unwrap_or(0);
    heap::alloc(
        &MATCH_TYPE,
        PyMatch {
            head: ObjectHead::uninit(),
            pattern: pattern.clone(),
            string: string.clone(),
            subj,
            pos,
            endpos,
            groups,
            found,
        },
    )
}

fn this(v: &Value) -> PyResult<&PyMatch> {
    v.downcast::<PyMatch>()
        .ok_or_else(|| type_error(format!("descriptor requires a 're.Match' object but received a '{}'", v.ty().name())))
}

impl PyMatch {
    fn span(&self, g: usize) -> Option<(usize, usize)> {
        self.found.span(g)
    }
    fn group_value(&self, g: usize, default: &Value) -> Value {
        match self.span(g) {
            Some((a, b)) => self.subj.slice(a, b),
            None => default.clone(),
        }
    }
}

/// `match_getindex`: a group number or name to an index, or IndexError.
fn group_index(vm: &mut Vm, m: &Value, key: &Value) -> PyResult<usize> {
    let groups = this(m)?.groups;
    let i = match ops::index_opt(vm, key)? {
        Some(i) => i,
        None => {
            let pattern = this(m)?.pattern.clone();
            let gi = as_pattern(&pattern)?.groupindex.clone();
            match PyDict::get_item_opt(vm, &gi, key) {
                Ok(Some(v)) => v.as_small_int().unwrap_or(-1),
                Ok(None) => -1,
                Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => -1,
                Err(e) => return Err(e),
            }
        }
    };
    if i < 0 || i as usize > groups {
        return Err(index_error("no such group"));
    }
    Ok(i as usize)
}

fn match_group(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("group")?;
    let pos = args.positional();
    let Some((m, keys)) = pos.split_first() else {
        return Err(type_error("descriptor 'group' of 're.Match' object needs an argument"));
    };
    let nothing = none();
    match keys {
        [] => Ok(this(m)?.group_value(0, &nothing)),
        [k] => {
            let g = group_index(vm, m, k)?;
            Ok(this(m)?.group_value(g, &nothing))
        }
        _ => {
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let g = group_index(vm, m, k)?;
                out.push(this(m)?.group_value(g, &nothing));
            }
            Ok(new_tuple(out))
        }
    }
}

fn match_getitem(vm: &mut Vm, m: &Value, key: &Value) -> PyResult<Value> {
    let g = group_index(vm, m, key)?;
    Ok(this(m)?.group_value(g, &none()))
}

fn match_groups(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("groups", &[po("self"), opt("default")]);
    let [m, default] = SIG.parse::<2>(args)?;
    let m = m.unwrap_or_else(none);
    let default = default.unwrap_or_else(none);
    let this = this(&m)?;
    Ok(new_tuple((1..=this.groups).map(|g| this.group_value(g, &default)).collect()))
}

fn match_groupdict(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("groupdict", &[po("self"), opt("default")]);
    let [m, default] = SIG.parse::<2>(args)?;
    let m = m.unwrap_or_else(none);
    let default = default.unwrap_or_else(none);
    let pattern = this(&m)?.pattern.clone();
    let gi = as_pattern(&pattern)?.groupindex.clone();
    let d = PyDict::new_value();
    for (name, _) in PyDict::items_vec(&gi) {
        let g = group_index(vm, &m, &name)?;
        let v = this(&m)?.group_value(g, &default);
        PyDict::set_item(vm, &d, name, v)?;
    }
    Ok(d)
}

/// The group argument of `start`, `end` and `span` (default 0).
fn span_arg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Value, Option<(usize, usize)>)> {
    let pos = args.check(name, 1, 2)?;
    let m = pos[0].clone();
    let g = match pos.get(1) {
        Some(k) => group_index(vm, &m, k)?,
        None => 0,
    };
    let span = this(&m)?.span(g);
    Ok((m, span))
}

fn match_start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, span) = span_arg(vm, &args, "start")?;
    Ok(new_int(span.map(|s| s.0 as i64).unwrap_or(-1)))
}
fn match_end(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, span) = span_arg(vm, &args, "end")?;
    Ok(new_int(span.map(|s| s.1 as i64).unwrap_or(-1)))
}
fn span_tuple(span: Option<(usize, usize)>) -> Value {
    let (a, b) = span.map(|(a, b)| (a as i64, b as i64)).unwrap_or((-1, -1));
    new_tuple(vec![new_int(a), new_int(b)])
}
fn match_span(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, span) = span_arg(vm, &args, "span")?;
    Ok(span_tuple(span))
}

fn match_expand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [m, template] = args.exact::<2>("expand")?;
    let pattern = this(m)?.pattern.clone();
    let re = crate::vm::import::import_module(vm, "re")?;
    let f = ops::getattr_str(vm, &re, "_compile_template")?;
    let t = crate::vm::call::call(vm, &f, &[pattern, template.clone()])?;
    let t = as_template(&t)?.clone();
    let this = this(m)?;
    let mut pieces = Vec::new();
    t.expand_into(&this.subj, &this.found, &mut pieces);
    join_pieces(&pieces, this.subj.is_bytes)
}

fn match_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [m] = args.exact::<1>("__copy__")?;
    Ok(m.clone())
}
fn match_deepcopy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [m, _memo] = args.exact::<2>("__deepcopy__")?;
    Ok(m.clone())
}

fn match_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    let (a, b) = (m.found.start, m.found.end);
    let g = m.group_value(0, &none());
    let r = ops::repr_string(vm, &g)?;
    let r: String = r.chars().take(50).collect();
    Ok(new_string(format!("<re.Match object; span=({a}, {b}), match={r}>")))
}

fn get_pos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.pos as i64))
}
fn get_endpos(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.endpos as i64))
}
fn get_lastindex(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let li = this(v)?.found.lastindex;
    Ok(if li >= 0 { new_int(li as i64) } else { none() })
}
fn get_lastgroup(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    let li = m.found.lastindex;
    if li < 0 {
        return Ok(none());
    }
    let pattern = as_pattern(&m.pattern)?;
    Ok(as_tuple(&pattern.indexgroup)
        .and_then(|t| t.get(li as usize).cloned())
        .unwrap_or_else(none))
}
fn get_re(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.pattern.clone())
}
fn get_string(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.string.clone())
}
fn get_regs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = this(v)?;
    Ok(new_tuple((0..=m.groups).map(|g| span_tuple(m.span(g))).collect()))
}

pub static MATCH_METHODS: &[MethodDef] = &[
    MethodDef::method("group", match_group),
    MethodDef::method("start", match_start),
    MethodDef::method("end", match_end),
    MethodDef::method("span", match_span),
    MethodDef::method("groups", match_groups),
    MethodDef::method("groupdict", match_groupdict),
    MethodDef::method("expand", match_expand),
    MethodDef::method("__copy__", match_copy),
    MethodDef::method("__deepcopy__", match_deepcopy),
    MethodDef::classmethod("__class_getitem__", crate::objects::genericalias::class_getitem),
];

pub static MATCH_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("pos", get_pos),
    GetSetDef::new("endpos", get_endpos),
    GetSetDef::new("lastindex", get_lastindex),
    GetSetDef::new("lastgroup", get_lastgroup),
    GetSetDef::new("re", get_re),
    GetSetDef::new("string", get_string),
    GetSetDef::new("regs", get_regs),
];

// ---------------------------------------------------------------------------
// Scanner

#[repr(C)]
pub struct PyScanner {
    head: ObjectHead,
    pattern: Value,
    string: Value,
    subj: Subject,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts, and whether it must not be empty there.
    next: Cell<(usize, bool)>,
    done: Cell<bool>,
}

fn scanner_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let s = unsafe { &*(head as *const ObjectHead as *const PyScanner) };
    visit(&s.pattern);
    visit(&s.string);
}

pub static SCANNER_LAYOUT: Layout = crate::payload_layout!(PyScanner, "SRE_Scanner", scanner_traverse, heap::no_clear);

impl PyPayload for PyScanner {
    fn layout() -> &'static Layout {
        &SCANNER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SCANNER_TYPE
    }
}

pub static SCANNER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "SRE_Scanner",
    layout: &SCANNER_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: SCANNER_METHODS,
    getsets: SCANNER_GETSETS,
    doc: None,
    module: Some("_sre"),
});

pub fn new_scanner(pattern: &Value, string: &Value, subj: Subject, pos: usize, endpos: usize) -> Value {
    heap::alloc(
        &SCANNER_TYPE,
        PyScanner {
            head: ObjectHead::uninit(),
            pattern: pattern.clone(),
            string: string.clone(),
            subj,
            pos,
            endpos,
            next: Cell::new((pos, false)),
            done: Cell::new(false),
        },
    )
}

fn scanner_step(args: Args, name: &str, mode: Mode) -> PyResult<Value> {
    let [s] = args.exact::<1>(name)?;
    let sc = s
        .downcast::<PyScanner>()
        .ok_or_else(|| type_error(format!("descriptor '{name}' requires a '_sre.SRE_Scanner' object")))?;
    if sc.done.get() {
        return Ok(none());
    }
    let (start, must_advance) = sc.next.get();
    let pat = as_pattern(&sc.pattern)?;
    match pat.run(&sc.subj.text, start, sc.endpos, mode, must_advance) {
        None => {
            sc.done.set(true);
            Ok(none())
        }
        Some(f) => {
            sc.next.set((f.end, f.end == f.start));
            if f.end > sc.endpos {
                sc.done.set(true);
            }
            Ok(new_match(&sc.pattern, &sc.string, sc.subj.clone(), sc.pos, sc.endpos, f))
        }
    }
}

fn scanner_match(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    scanner_step(args, "match", Mode::Match)
}
fn scanner_search(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    scanner_step(args, "search", Mode::Search)
}
fn scanner_pattern(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.downcast::<PyScanner>() {
        Some(s) => Ok(s.pattern.clone()),
        None => Err(type_error("expected a scanner")),
    }
}

pub static SCANNER_METHODS: &[MethodDef] =
    &[MethodDef::method("match", scanner_match), MethodDef::method("search", scanner_search)];
pub static SCANNER_GETSETS: &[GetSetDef] = &[GetSetDef::new("pattern", scanner_pattern)];

// ---------------------------------------------------------------------------
// Template

/// A compiled replacement: `literal0, (group, literal)*`; empty literals are None.
#[derive(Clone)]
pub struct Template {
    first: Option<Value>,
    parts: Vec<(usize, Option<Value>)>,
}

impl Template {
    /// The replacement when it names no group.
    pub fn literal_only(&self) -> Option<Value> {
        if !self.parts.is_empty() {
            return None;
        }
        self.first.clone()
    }

    /// Appends the expansion for `found` to `out` (`expand_template`); unmatched groups
    /// expand to nothing.
    pub fn expand_into(&self, subj: &Subject, found: &Found, out: &mut Vec<Value>) {
        if let Some(l) = &self.first {
            out.push(l.clone());
        }
        for (g, lit) in &self.parts {
            if let Some((a, b)) = found.span(*g) {
                out.push(subj.slice(a, b));
            }
            if let Some(l) = lit {
                out.push(l.clone());
            }
        }
    }
}

#[repr(C)]
pub struct PyTemplate {
    head: ObjectHead,
    t: Template,
}

fn template_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let t = unsafe { &*(head as *const ObjectHead as *const PyTemplate) };
    t.t.first.iter().for_each(&mut *visit);
    t.t.parts.iter().filter_map(|(_, l)| l.as_ref()).for_each(visit);
}

pub static TEMPLATE_LAYOUT: Layout = crate::payload_layout!(PyTemplate, "SRE_Template", template_traverse, heap::no_clear);

impl PyPayload for PyTemplate {
    fn layout() -> &'static Layout {
        &TEMPLATE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TEMPLATE_TYPE
    }
}

pub static TEMPLATE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "SRE_Template",
    layout: &TEMPLATE_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("_sre"),
});

pub fn as_template(v: &Value) -> PyResult<&Template> {
    v.downcast::<PyTemplate>()
        .map(|t| &t.t)
        .ok_or_else(|| type_error(format!("expected a template, got '{}'", v.ty().name())))
}

fn literal_item(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if is_none(v) || !ops::is_true(vm, v)? {
        return Ok(None);
    }
    Ok(Some(v.clone()))
}

/// `_sre.template(pattern, template)`.
pub fn sre_template(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_pattern, list] = args.exact::<2>("template")?;
    let Some(items) = crate::objects::list::as_list(list).map(|l| l.snapshot()) else {
        return Err(type_error(format!("template() argument 2 must be list, not {}", list.ty().name())));
    };
    if items.len() % 2 == 0 {
        return Err(type_error("invalid template"));
    }
    let first = literal_item(vm, &items[0])?;
    let mut parts = Vec::new();
    for pair in items[1..].chunks(2) {
        let g = ops::index_value(vm, &pair[0])?;
        if g < 0 {
            return Err(type_error("invalid template"));
        }
        parts.push((g as usize, literal_item(vm, &pair[1])?));
    }
    Ok(heap::alloc(&TEMPLATE_TYPE, PyTemplate { head: ObjectHead::uninit(), t: Template { first, parts } }))
}

pub fn init_types() {
    let s = &MATCH_TYPE.slots;
    s.repr.set(Some(match_repr));
    s.getitem.set(Some(match_getitem));
    for t in [&MATCH_TYPE, &SCANNER_TYPE, &TEMPLATE_TYPE] {
        crate::objects::typeobject_methods::init_static_type(t);
    }
}
