//! Traceback objects, frame snapshots, and printing exceptions exactly as CPython 3.13's
//! default `sys.excepthook` does.
//!
//! Mirrors CPython's `Python/traceback.c` (traceback objects) and the formatting rules of
//! `Lib/traceback.py` (`StackSummary.format_frame_summary`, `_should_show_carets`,
//! `_extract_caret_anchors_from_line_segment`, `TracebackException.format`), which 3.13
//! uses for uncaught exceptions.  Caret anchors come from parsing the highlighted
//! segment with the same parser the compiler uses.

use std::cell::RefCell;

use super::frame::Frame;
use super::{PyResult, Vm};
use crate::objects::code::PyCode;
use crate::objects::exceptions;
use crate::objects::str::{as_str, new_str};
use crate::objects::typeobject::{flags, GetSetDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;

#[repr(C)]
pub struct PyTraceback {
    head: ObjectHead,
    pub next: RefCell<Option<Value>>,
    pub frame: Value,
    pub lasti: usize,
    pub lineno: Option<u32>,
}

fn tb_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyTraceback) };
    visit(&t.frame);
    if let Ok(n) = t.next.try_borrow() {
        if let Some(n) = &*n {
            visit(n);
        }
    }
}

fn tb_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyTraceback) };
    if let Some(n) = t.next.borrow_mut().take() {
        out.push(n);
    }
}

pub static TRACEBACK_LAYOUT: Layout = crate::payload_layout!(PyTraceback, "traceback", tb_traverse, tb_clear);

impl PyPayload for PyTraceback {
    fn layout() -> &'static Layout {
        &TRACEBACK_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TRACEBACK_TYPE
    }
}

pub static TRACEBACK_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "traceback",
    layout: &TRACEBACK_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: TB_GETSETS,
    doc: None,
    module: None,
});

/// A snapshot of a frame for `tb_frame`, `gi_frame` and `sys._getframe`: code,
/// globals, line, the local variables at the time of the snapshot (as a namespace
/// dict, or the fast locals and cells, turned into a dict on `f_locals`), and the
/// calling frame (`f_back`) when the snapshot was taken from the live stack.
///
/// NOTE: unlike CPython's frame objects these do not follow the running frame:
/// `f_lineno` and `f_locals` are those of the moment the snapshot was taken.
#[repr(C)]
pub struct PyFrameObject {
    head: ObjectHead,
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub lineno: Option<u32>,
    pub lasti: usize,
    pub locals: Option<Value>,
    fast: Vec<Option<Value>>,
    cells: Vec<Value>,
    back: Option<Value>,
}

fn frame_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let f = unsafe { &*(head as *const ObjectHead as *const PyFrameObject) };
    visit(&f.code);
    visit(&f.globals);
    visit(&f.builtins);
    if let Some(l) = &f.locals {
        visit(l);
    }
    f.fast.iter().flatten().for_each(&mut *visit);
    f.cells.iter().for_each(&mut *visit);
    if let Some(b) = &f.back {
        visit(b);
    }
}

pub static FRAME_LAYOUT: Layout = crate::payload_layout!(PyFrameObject, "frame", frame_traverse, heap::no_clear);

impl PyPayload for PyFrameObject {
    fn layout() -> &'static Layout {
        &FRAME_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &FRAME_TYPE
    }
}

pub static FRAME_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "frame",
    layout: &FRAME_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: FRAME_METHODS,
    getsets: FRAME_GETSETS,
    doc: None,
    module: None,
});

/// A frame object for `f` with its local variables (`gi_frame`, `sys._getframe`).
pub fn frame_snapshot(f: &Frame) -> Value {
    frame_snapshot_with_back(f, None)
}

pub fn frame_snapshot_with_back(f: &Frame, back: Option<Value>) -> Value {
    let started = f.lasti > 0 || f.ip > 0;
    let lineno = if started { f.line() } else { Some(f.code().code.firstlineno) };
    heap::alloc(
        &FRAME_TYPE,
        PyFrameObject {
            head: ObjectHead::uninit(),
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            lineno,
            lasti: f.lasti,
            locals: f.locals.clone(),
            fast: if f.locals.is_some() { Vec::new() } else { f.fast.clone() },
            cells: if f.locals.is_some() { Vec::new() } else { f.cells.clone() },
            back,
        },
    )
}

/// The frame object of a traceback entry: code, globals and line only (cheap, as
/// exceptions create one per frame they pass through).
fn traceback_frame(f: &Frame) -> Value {
    heap::alloc(
        &FRAME_TYPE,
        PyFrameObject {
            head: ObjectHead::uninit(),
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            lineno: f.line(),
            lasti: f.lasti,
            locals: f.locals.clone(),
            fast: Vec::new(),
            cells: Vec::new(),
            back: None,
        },
    )
}

pub fn new_traceback(next: Option<Value>, f: &Frame) -> Value {
    heap::alloc(
        &TRACEBACK_TYPE,
        PyTraceback { head: ObjectHead::uninit(), next: RefCell::new(next), frame: traceback_frame(f), lasti: f.lasti, lineno: f.line() },
    )
}

fn tb(v: &Value) -> PyResult<&PyTraceback> {
    v.downcast::<PyTraceback>().ok_or_else(|| super::type_error("traceback expected"))
}
fn get_tb_next(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb(v)?.next.borrow().clone().unwrap_or_else(crate::objects::singletons::none))
}
fn set_tb_next(_vm: &mut Vm, v: &Value, n: Option<&Value>) -> PyResult<()> {
    *tb(v)?.next.borrow_mut() = n.filter(|n| !crate::objects::singletons::is_none(n)).cloned();
    Ok(())
}
fn get_tb_frame(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb(v)?.frame.clone())
}
fn get_tb_lineno(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tb(v)?.lineno.map(|l| crate::objects::int::new_int(l as i64)).unwrap_or_else(crate::objects::singletons::none))
}
fn get_tb_lasti(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::int::new_int(tb(v)?.lasti as i64 * 2))
}

pub static TB_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("tb_next", get_tb_next, set_tb_next),
    GetSetDef::new("tb_frame", get_tb_frame),
    GetSetDef::new("tb_lineno", get_tb_lineno),
    GetSetDef::new("tb_lasti", get_tb_lasti),
];

fn fr(v: &Value) -> PyResult<&PyFrameObject> {
    v.downcast::<PyFrameObject>().ok_or_else(|| super::type_error("frame expected"))
}
fn get_f_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fr(v)?.code.clone())
}
fn get_f_globals(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fr(v)?.globals.clone())
}
fn get_f_builtins(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fr(v)?.builtins.clone())
}
fn get_f_lineno(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fr(v)?.lineno.map(|l| crate::objects::int::new_int(l as i64)).unwrap_or_else(crate::objects::singletons::none))
}
fn get_f_lasti(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::int::new_int(fr(v)?.lasti as i64 * 2))
}
fn get_f_locals(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = fr(v)?;
    if let Some(l) = &f.locals {
        return Ok(l.clone());
    }
    // Function frames: bound variables by name, then cell and free variables.
    let d = crate::objects::dict::PyDict::new_value();
    if let Some(code) = f.code.downcast::<crate::objects::code::PyCode>() {
        let c = &code.code;
        for (name, val) in c.varnames.iter().zip(f.fast.iter()) {
            if let Some(val) = val {
                crate::objects::dict::PyDict::set_str(&d, name, val.clone());
            }
        }
        for (name, cell) in c.cellvars.iter().chain(c.freevars.iter()).zip(f.cells.iter()) {
            if let Some(cv) = cell.downcast::<crate::objects::cell::PyCell>().and_then(|c| c.get()) {
                crate::objects::dict::PyDict::set_str(&d, name, cv);
            }
        }
    }
    Ok(d)
}
fn get_f_back(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(fr(v)?.back.clone().unwrap_or_else(crate::objects::singletons::none))
}

/// `frame.clear()`.  NOTE: a snapshot never is the executing frame and its locals are
/// copies, so there is nothing to clear or refuse; `traceback.clear_frames` (used by
/// `unittest`'s `assertRaises`) calls it on every frame of a traceback.
fn frame_clear(_vm: &mut Vm, args: crate::vm::Args) -> PyResult<Value> {
    let [_this] = args.exact::<1>("clear")?;
    Ok(crate::objects::singletons::none())
}

static FRAME_METHODS: &[crate::objects::typeobject::MethodDef] =
    &[crate::objects::typeobject::MethodDef::method("clear", frame_clear)];

pub static FRAME_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("f_code", get_f_code),
    GetSetDef::new("f_globals", get_f_globals),
    GetSetDef::new("f_builtins", get_f_builtins),
    GetSetDef::new("f_lineno", get_f_lineno),
    GetSetDef::new("f_lasti", get_f_lasti),
    GetSetDef::new("f_locals", get_f_locals),
    GetSetDef::new("f_back", get_f_back),
];

// ----- printing -----

struct Entry {
    /// Identity of the frame's `CodeObject` (for sources typed at the prompt).
    code_key: usize,
    filename: String,
    lineno: Option<u32>,
    name: String,
    pos: Option<taipan_compiler::Position>,
}

fn entries_of(exc: &Value) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut cur = exceptions::traceback_of(exc);
    let mut guard = 0;
    while let Some(t) = cur {
        let Some(tb) = t.downcast::<PyTraceback>() else { break };
        if let Some(f) = tb.frame.downcast::<PyFrameObject>() {
            if let Some(code) = f.code.downcast::<PyCode>() {
                out.push(Entry {
                    code_key: std::rc::Rc::as_ptr(&code.code) as usize,
                    filename: code.code.filename.to_string(),
                    lineno: tb.lineno,
                    name: code.code.name.to_string(),
                    pos: code.code.positions.get(tb.lasti).copied(),
                });
            }
        }
        cur = tb.next.borrow().clone();
        guard += 1;
        if guard > 1_000_000 {
            break;
        }
    }
    out
}

thread_local! {
    static CACHE: RefCell<std::collections::HashMap<String, Option<std::rc::Rc<Vec<String>>>>> = RefCell::new(Default::default());
}

type InteractiveSources = std::collections::HashMap<usize, (std::rc::Rc<taipan_compiler::CodeObject>, std::rc::Rc<Vec<String>>)>;

thread_local! {
    /// Sources of code typed at the interactive prompt, by code object (CPython 3.13's
    /// `linecache._register_code`): the code objects are kept alive so their addresses
    /// stay unique.
    static INTERACTIVE: RefCell<InteractiveSources> = RefCell::new(Default::default());
}

/// Records `source` as the text of `code` and of the code objects nested in it, so
/// tracebacks through functions defined at the prompt quote their lines.
pub fn register_interactive_source(code: &std::rc::Rc<taipan_compiler::CodeObject>, source: &str) {
    let lines = std::rc::Rc::new(source.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect::<Vec<_>>());
    fn walk(code: &std::rc::Rc<taipan_compiler::CodeObject>, lines: &std::rc::Rc<Vec<String>>, map: &mut InteractiveSources) {
        map.insert(std::rc::Rc::as_ptr(code) as usize, (code.clone(), lines.clone()));
        for c in &code.consts {
            if let taipan_compiler::Constant::Code(inner) = c {
                walk(inner, lines, map);
            }
        }
    }
    INTERACTIVE.with(|m| walk(code, &lines, &mut m.borrow_mut()));
}

/// Source lines of a file (UTF-8), cached.
fn source_lines(filename: &str) -> Option<Vec<String>> {
    if filename.starts_with('<') {
        return None;
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let e = c.entry(filename.to_string()).or_insert_with(|| {
            std::fs::read(filename).ok().map(|b| {
                std::rc::Rc::new(String::from_utf8_lossy(&b).split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect())
            })
        });
        e.as_ref().map(|v| (**v).clone())
    })
}

fn byte_to_char(line: &str, byte: usize) -> usize {
    let b = byte.min(line.len());
    let mut idx = b;
    while idx > 0 && !line.is_char_boundary(idx) {
        idx -= 1;
    }
    line[..idx].chars().count()
}

struct Anchors {
    left_line: usize,
    left_col: usize,
    right_line: usize,
    right_col: usize,
    primary: char,
    secondary: char,
}

/// `_extract_caret_anchors_from_line_segment`: for binary operators, subscripts and calls.
fn extract_anchors(segment: &str) -> Option<Anchors> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let wrapped = format!("(\n{segment}\n)");
    let parsed = ruff_python_parser::parse_module(&wrapped).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 {
        return None;
    }
    let Stmt::Expr(stmt) = &body[0] else { return None };
    let lines: Vec<Vec<char>> = segment.split('\n').map(|l| l.chars().collect()).collect();
    // Byte offset in `wrapped` -> (line, char col) in `segment`.
    let line_starts: Vec<usize> = std::iter::once(0).chain(wrapped.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let to_pos = |off: usize| -> (usize, usize) {
        let line = line_starts.iter().rposition(|s| *s <= off).unwrap_or(0);
        let text = &wrapped[line_starts[line]..];
        let text_line = text.split('\n').next().unwrap_or("");
        (line.saturating_sub(1), byte_to_char(text_line, off - line_starts[line]))
    };
    let next_valid = |mut l: usize, mut c: usize| -> Option<(usize, usize)> {
        while l < lines.len() && c >= lines[l].len() {
            c = 0;
            l += 1;
        }
        if l < lines.len() {
            Some((l, c))
        } else {
            None
        }
    };
    let increment_until = |mut l: usize, mut c: usize, stop: &dyn Fn(char) -> bool| -> Option<(usize, usize)> {
        loop {
            let ch = *lines.get(l)?.get(c)?;
            if ch == '\\' || ch == '#' {
                let (nl, nc) = next_valid(l + 1, 0)?;
                l = nl;
                c = nc;
            } else if !stop(ch) {
                let (nl, nc) = next_valid(l, c + 1)?;
                l = nl;
                c = nc;
            } else {
                return Some((l, c));
            }
        }
    };
    match &*stmt.value {
        Expr::BinOp(b) => {
            let (l, c) = to_pos(b.left.end().to_usize());
            let (l, c) = next_valid(l, c)?;
            let (l, c) = increment_until(l, c, &|x: char| !x.is_whitespace() && x != ')')?;
            let mut right_col = c + 1;
            let (rl, rc) = to_pos(b.right.start().to_usize());
            if right_col < lines[l].len() && (rl > l || right_col < rc) {
                let ch = lines[l][right_col];
                if !ch.is_whitespace() && ch != '\\' && ch != '#' {
                    right_col += 1;
                }
            }
            Some(Anchors { left_line: l, left_col: c, right_line: l, right_col, primary: '~', secondary: '^' })
        }
        Expr::Subscript(s) => {
            let (l, c) = to_pos(s.value.end().to_usize());
            let (l, c) = next_valid(l, c)?;
            let (l, c) = increment_until(l, c, &|x: char| x == '[')?;
            let (rl, rc) = to_pos(s.end().to_usize());
            Some(Anchors { left_line: l, left_col: c, right_line: rl, right_col: rc, primary: '~', secondary: '^' })
        }
        Expr::Call(call) => {
            let (l, c) = to_pos(call.func.end().to_usize());
            let (l, c) = next_valid(l, c)?;
            let (l, c) = increment_until(l, c, &|x: char| x == '(')?;
            let (rl, rc) = to_pos(call.end().to_usize());
            Some(Anchors { left_line: l, left_col: c, right_line: rl, right_col: rc, primary: '~', secondary: '^' })
        }
        _ => None,
    }
}

/// `_should_show_carets`.
fn should_show_carets(start: usize, end: usize, all_lines: &[String], anchors: bool) -> bool {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let joined = all_lines.join("\n");
    if let Ok(parsed) = ruff_python_parser::parse_module(&joined) {
        let body = &parsed.syntax().body;
        if body.is_empty() {
            return false;
        }
        let call = match &body[0] {
            Stmt::Return(r) => match r.value.as_deref() {
                Some(Expr::Call(c)) if matches!(&*c.func, Expr::Name(_)) => Some(c.clone()),
                _ => None,
            },
            Stmt::Assign(a) if a.targets.len() == 1 && matches!(&a.targets[0], Expr::Name(_)) => match &*a.value {
                Expr::Call(c) => Some(c.clone()),
                _ => None,
            },
            _ => None,
        };
        if let Some(c) = call {
            let s = c.start().to_usize();
            let e = c.end().to_usize();
            let first_nl = joined.find('\n').unwrap_or(joined.len());
            let last_start = joined.rfind('\n').map(|i| i + 1).unwrap_or(0);
            let on_first = s <= first_nl;
            let ends_last = e >= last_start;
            let sc = byte_to_char(&joined[..first_nl], s.min(first_nl));
            let ec = byte_to_char(&joined[last_start..], e.saturating_sub(last_start));
            if on_first && ends_last && sc == start && ec == end {
                return false;
            }
        }
    }
    if anchors {
        return true;
    }
    let first: String = all_lines[0].chars().take(start).collect();
    let last: String = all_lines[all_lines.len() - 1].chars().skip(end).collect();
    !first.trim_start().is_empty() || !last.trim_end().is_empty()
}

fn dedent(lines: &[String]) -> (Vec<String>, usize) {
    let margin = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().take_while(|c| *c == ' ' || *c == '\t').count())
        .min()
        .unwrap_or(0);
    (lines.iter().map(|l| if l.trim().is_empty() { String::new() } else { l.chars().skip(margin).collect() }).collect(), margin)
}

fn format_entry(e: &Entry, out: &mut String) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename,
        e.lineno.map(|l| l.to_string()).unwrap_or_else(|| "None".into()),
        e.name
    ));
    let interactive = INTERACTIVE.with(|m| m.borrow().get(&e.code_key).map(|(_, l)| (**l).clone()));
    let Some(lines) = interactive.or_else(|| source_lines(&e.filename)) else { return };
    let Some(pos) = e.pos.filter(|p| p.line > 0) else {
        if let Some(l) = e.lineno.and_then(|l| lines.get(l as usize - 1)) {
            if !l.trim().is_empty() {
                out.push_str(&format!("    {}\n", l.trim()));
            }
        }
        return;
    };
    let first = pos.line as usize;
    let last = (pos.end_line as usize).max(first);
    let original: Vec<String> = (first..=last).map(|i| lines.get(i - 1).cloned().unwrap_or_default()).collect();
    if original.iter().all(|l| l.trim().is_empty()) {
        return;
    }
    let (all_lines, _) = dedent(&original);
    let first_line = &original[0];
    let last_line = &original[original.len() - 1];
    let start_offset = byte_to_char(first_line, pos.col as usize);
    let end_offset = byte_to_char(last_line, pos.end_col as usize);
    let dedent_chars = first_line.chars().count() - all_lines[0].chars().count();
    let start_offset = start_offset.saturating_sub(dedent_chars);
    let end_offset = end_offset.saturating_sub(dedent_chars);
    let joined = all_lines.join("\n");
    let joined_chars: Vec<char> = joined.chars().collect();
    let last_len = all_lines[all_lines.len() - 1].chars().count();
    let seg_end = joined_chars.len().saturating_sub(last_len.saturating_sub(end_offset));
    let segment: String = joined_chars[start_offset.min(seg_end)..seg_end].iter().collect();
    let anchors = extract_anchors(&segment);
    let show = should_show_carets(start_offset, end_offset, &all_lines, anchors.is_some());
    let mut significant: std::collections::BTreeSet<usize> = [0, all_lines.len() - 1].into_iter().collect();
    let (mut al, mut ar) = (0usize, 0usize);
    if let Some(a) = &anchors {
        al = a.left_col + if a.left_line == 0 { start_offset } else { 0 };
        ar = a.right_col + if a.right_line == 0 { start_offset } else { 0 };
        for l in [a.left_line, a.right_line] {
            for d in l.saturating_sub(1)..=l + 1 {
                if d < all_lines.len() {
                    significant.insert(d);
                }
            }
        }
    }
    let mut result = Vec::new();
    let output_line = |lineno: usize, result: &mut Vec<String>| {
        result.push(all_lines[lineno].clone());
        if !show {
            return;
        }
        let line = &all_lines[lineno];
        let num_spaces = line.chars().count() - line.trim_start().chars().count();
        let num_carets = if lineno == all_lines.len() - 1 { end_offset } else { line.chars().count() };
        let mut carets = String::new();
        for col in 0..num_carets {
            if col < num_spaces || (lineno == 0 && col < start_offset) {
                carets.push(' ');
            } else if let Some(a) = &anchors {
                let after_left = lineno > a.left_line || (lineno == a.left_line && col >= al);
                let before_right = lineno < a.right_line || (lineno == a.right_line && col < ar);
                carets.push(if after_left && before_right { a.secondary } else { a.primary });
            } else {
                carets.push('^');
            }
        }
        result.push(carets);
    };
    let sig: Vec<usize> = significant.into_iter().collect();
    for (i, &lineno) in sig.iter().enumerate() {
        if i > 0 {
            let diff = lineno - sig[i - 1];
            if diff == 2 {
                output_line(lineno - 1, &mut result);
            } else if diff > 2 {
                result.push(format!("...<{} lines>...", diff - 1));
            }
        }
        output_line(lineno, &mut result);
    }
    // textwrap.dedent of the block, then indent by four spaces.
    let (block, _) = dedent(&result);
    for l in block {
        out.push_str("    ");
        out.push_str(l.trim_end_matches(' '));
        if l.trim().is_empty() {
            out.truncate(out.trim_end_matches(' ').len());
        }
        out.push('\n');
    }
}

fn format_stack(entries: &[Entry], out: &mut String) {
    let mut last: Option<(String, Option<u32>, String)> = None;
    let mut count = 0usize;
    for e in entries {
        let key = (e.filename.clone(), e.lineno, e.name.clone());
        if last.as_ref() == Some(&key) {
            count += 1;
            if count > 3 {
                continue;
            }
        } else {
            if count > 3 {
                let n = count - 3;
                out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
            }
            last = Some(key);
            count = 1;
        }
        format_entry(e, out);
    }
    if count > 3 {
        let n = count - 3;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
}

fn exception_type_name(ty: &PyType) -> String {
    let module = crate::objects::typeobject_methods::type_module_name(ty);
    let q = ty.qualname();
    match module.as_deref() {
        Some("builtins") | Some("__main__") | None => q,
        Some(m) => format!("{m}.{q}"),
    }
}

/// The "Type: message" line(s) for an exception (with SyntaxError's source display).
fn format_exception_only(vm: &mut Vm, exc: &Value, out: &mut String) {
    let ty = exc.ty();
    let stype = exception_type_name(ty);
    if ty.is_subtype(&exceptions::SYNTAX_ERROR) {
        let get = |n: &str| exceptions::get_attr_field(exc, n).filter(|v| !crate::objects::singletons::is_none(v));
        let filename = get("filename").and_then(|f| as_str(&f).map(str::to_string));
        let lineno = get("lineno").and_then(|v| crate::objects::int::as_i64(&v));
        let fname = filename.clone().unwrap_or_else(|| "<string>".into());
        let mut filename_suffix = String::new();
        if let Some(l) = lineno {
            out.push_str(&format!("  File \"{fname}\", line {l}\n"));
        } else if let Some(f) = &filename {
            filename_suffix = format!(" ({f})");
        }
        // Mirrors traceback.TracebackException._format_syntax_error.
        if let Some(text) = get("text").and_then(|t| as_str(&t).map(str::to_string)) {
            let rtext = text.trim_end_matches('\n');
            let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
            let text_len = text.chars().count() as i64;
            let rlen = rtext.chars().count() as i64;
            let spaces = rlen - ltext.chars().count() as i64;
            match get("offset").and_then(|v| crate::objects::int::as_i64(&v)) {
                None => out.push_str(&format!("    {ltext}\n")),
                Some(mut offset) => {
                    let end_lineno = get("end_lineno").and_then(|v| crate::objects::int::as_i64(&v));
                    let mut end_offset = if end_lineno == lineno {
                        match get("end_offset").and_then(|v| crate::objects::int::as_i64(&v)) {
                            Some(e) if e != 0 => e,
                            _ => offset,
                        }
                    } else {
                        rlen + 1
                    };
                    if text_len > 0 && offset > text_len {
                        offset = rlen + 1;
                    }
                    if text_len > 0 && end_offset > text_len {
                        end_offset = rlen + 1;
                    }
                    if offset >= end_offset || end_offset < 0 {
                        end_offset = offset + 1;
                    }
                    let colno = offset - 1 - spaces;
                    let end_colno = end_offset - 1 - spaces;
                    out.push_str(&format!("    {ltext}\n"));
                    if colno >= 0 {
                        let caretspace: String = ltext.chars().take(colno as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                        out.push_str(&format!("    {}{}\n", caretspace, "^".repeat((end_colno - colno).max(0) as usize)));
                    }
                }
            }
        }
        let msg = get("msg")
            .map(|m| crate::vm::ops::str_string(vm, &m).unwrap_or_default())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "<no detail available>".into());
        let msg = format!("{msg}{filename_suffix}");
        out.push_str(&format!("{stype}: {msg}\n"));
    } else {
        let s = match crate::vm::ops::str_string(vm, exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let suggestion = super::suggestions::suggestion_for(vm, exc);
        if s.is_empty() && suggestion.is_none() {
            out.push_str(&format!("{stype}\n"));
        } else {
            out.push_str(&format!("{stype}: {s}{}\n", suggestion.unwrap_or_default()));
        }
    }
    if let Some(notes) = exceptions::get_attr_field(exc, "__notes__") {
        match crate::objects::list::as_list(&notes).map(|l| l.snapshot()).or_else(|| crate::objects::tuple::as_tuple(&notes).map(|t| t.to_vec())) {
            Some(items) => {
                for n in items {
                    let s = if crate::objects::str::is_str(&n) {
                        as_str(&n).unwrap_or("").to_string()
                    } else {
                        crate::vm::ops::str_string(vm, &n).unwrap_or_else(|_| "<note str() failed>".into())
                    };
                    out.push_str(&s);
                    out.push('\n');
                }
            }
            None => {
                let r = crate::vm::ops::repr_string(vm, &notes).unwrap_or_default();
                out.push_str(&r);
                out.push('\n');
            }
        }
    }
}

/// Formats `exc` with its chain, as the default excepthook prints it (mirrors
/// `traceback.TracebackException.format`, including exception groups).
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut ctx = PrintCtx { depth: 0, need_close: false, seen: std::collections::HashSet::new() };
    let mut out = String::new();
    format_tree(vm, exc, &mut ctx, &mut out);
    out
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const CAUSE_MSG: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MSG: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `traceback._ExceptionPrintContext`.
struct PrintCtx {
    depth: usize,
    need_close: bool,
    seen: std::collections::HashSet<usize>,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Every line of `text` gets the indent (and the margin inside groups).
    fn emit(&self, text: &str, margin: char, out: &mut String) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn format_tree(vm: &mut Vm, exc: &Value, ctx: &mut PrintCtx, out: &mut String) {
    // The chain, newest last; exceptions already shown anywhere in the tree stop it.
    ctx.seen.insert(exc.word());
    let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
    let mut cur = Some(exc.clone());
    let mut msg = None;
    while let Some(e) = cur {
        chain.push((msg, e.clone()));
        cur = None;
        if let Some(c) = exceptions::cause_of(&e) {
            if ctx.seen.insert(c.word()) {
                msg = Some(CAUSE_MSG);
                cur = Some(c);
            }
        } else if !exceptions::suppress_context(&e) {
            if let Some(c) = exceptions::context_of(&e) {
                if ctx.seen.insert(c.word()) {
                    msg = Some(CONTEXT_MSG);
                    cur = Some(c);
                }
            }
        }
    }
    // `chain[i].0` is the message printed *after* chain[i+1]... shift it: the
    // message belongs between the older exception and the newer one.
    for i in (0..chain.len()).rev() {
        let e = chain[i].1.clone();
        format_one(vm, &e, ctx, out);
        if i > 0 {
            if let Some(m) = chain[i].0 {
                let mut t = String::new();
                ctx.emit(m, '|', &mut t);
                out.push_str(&t);
            }
        }
    }
}

fn format_one(vm: &mut Vm, e: &Value, ctx: &mut PrintCtx, out: &mut String) {
    let entries = entries_of(e);
    let is_group = e.ty().is_subtype(&exceptions::BASE_EXCEPTION_GROUP);
    if !is_group {
        let mut text = String::new();
        if !entries.is_empty() {
            text.push_str("Traceback (most recent call last):\n");
            format_stack(&entries, &mut text);
        }
        format_exception_only(vm, e, &mut text);
        ctx.emit(&text, '|', out);
        return;
    }
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|', out);
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    if !entries.is_empty() {
        ctx.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' }, out);
        let mut st = String::new();
        format_stack(&entries, &mut st);
        ctx.emit(&st, '|', out);
    }
    let mut only = String::new();
    format_exception_only(vm, e, &mut only);
    ctx.emit(&only, '|', out);
    let excs = exceptions::get_attr_field(e, "exceptions")
        .and_then(|t| crate::objects::tuple::as_tuple(&t).map(|t| t.to_vec()))
        .unwrap_or_default();
    let num = excs.len();
    let n = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
    ctx.need_close = false;
    for i in 0..n {
        let last = i == n - 1;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
        out.push_str(&format!("{}{}+---------------- {title} ----------------\n", ctx.indent(), if i == 0 { "+-" } else { "  " }));
        ctx.depth += 1;
        if !truncated {
            let sub = excs[i].clone();
            format_tree(vm, &sub, ctx, out);
        } else {
            let remaining = num - MAX_GROUP_WIDTH;
            ctx.emit(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }), '|', out);
        }
        if last && ctx.need_close {
            out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// Writes an uncaught exception to stderr (the default `sys.excepthook`).
pub fn print_exception(vm: &mut Vm, exc: &Value) {
    let text = format_exception(vm, exc);
    crate::modules::sys::write_stderr(vm, &text);
}

/// The class name for messages like "Exception ignored in".
pub fn type_display(v: &Value) -> String {
    exception_type_name(v.ty())
}

pub fn new_str_value(s: &str) -> Value {
    new_str(s)
}

fn frame_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = fr(v)?;
    let (file, name) = match f.code.downcast::<crate::objects::code::PyCode>() {
        Some(c) => (c.code.filename.to_string(), c.code.name.to_string()),
        None => ("?".into(), "?".into()),
    };
    let line = f.lineno.map(|l| l.to_string()).unwrap_or_else(|| "None".into());
    let file_repr = crate::objects::str::repr_str(&file);
    Ok(crate::objects::str::new_string(format!("<frame at {:#x}, file {file_repr}, line {line}, code {name}>", v.word())))
}

pub fn init_types() {
    FRAME_TYPE.slots.repr.set(Some(frame_repr));
}
