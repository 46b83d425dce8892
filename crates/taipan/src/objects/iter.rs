//! Iterators: the sequence iterator, list iterator, `reversed`, `callable_iterator`,
//! `enumerate`, `zip`, `map` and `filter`.
//! Mirrors CPython's `Objects/iterobject.c`, `Objects/listobject.c` (listiterator),
//! `Objects/enumobject.c` and `Python/bltinmodule.c` (map, filter, zip).

use std::cell::{Cell, RefCell};

use super::int::new_int;
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, Args, PyResult, Vm};

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

macro_rules! iter_type {
    ($static:ident, $layout:ident, $payload:ty, $name:literal, $traverse:expr, $methods:expr, $flags:expr) => {
        pub static $layout: Layout = crate::payload_layout!($payload, $name, $traverse, heap::no_clear);
        impl PyPayload for $payload {
            fn layout() -> &'static Layout {
                &$layout
            }
            fn static_type() -> &'static PyType {
                &$static
            }
        }
        pub static $static: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &$layout,
            flags: $flags,
            base: Some(&super::object::OBJECT_TYPE),
            methods: $methods,
            getsets: &[],
            doc: None,
            module: None,
        });
    };
}

// ----- sequence iterator (the __getitem__ protocol) -----

#[repr(C)]
pub struct PySeqIter {
    head: ObjectHead,
    seq: RefCell<Option<Value>>,
    index: Cell<i64>,
}

fn seqiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PySeqIter) };
    if let Ok(v) = s.seq.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
}

iter_type!(SEQ_ITER_TYPE, SEQ_ITER_LAYOUT, PySeqIter, "iterator", seqiter_traverse, &[], flags::HAVE_GC);

pub fn new_seq_iter(seq: Value) -> Value {
    heap::alloc(&SEQ_ITER_TYPE, PySeqIter { head: ObjectHead::uninit(), seq: RefCell::new(Some(seq)), index: Cell::new(0) })
}

fn seqiter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PySeqIter>().ok_or_else(|| type_error("iterator expected"))?;
    let Some(seq) = it.seq.borrow().clone() else { return Ok(None) };
    let i = it.index.get();
    match ops::getitem(vm, &seq, &new_int(i)) {
        Ok(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        Err(e) if e.matches(&super::exceptions::INDEX_ERROR) || e.matches(&super::exceptions::STOP_ITERATION) => {
            *it.seq.borrow_mut() = None;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

// ----- tuple and str iterators -----
//
// `tuple_iterator` indexes the tuple directly; `str_ascii_iterator` and
// `str_iterator` (CPython's names for ASCII and other strings) walk the UTF-8
// text by byte offset, so each step is O(1).

#[repr(C)]
pub struct PyTupleIter {
    head: ObjectHead,
    seq: RefCell<Option<Value>>,
    index: Cell<usize>,
}

fn tupleiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyTupleIter) };
    if let Ok(v) = s.seq.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
}

iter_type!(TUPLE_ITER_TYPE, TUPLE_ITER_LAYOUT, PyTupleIter, "tuple_iterator", tupleiter_traverse, TUPLE_ITER_METHODS, flags::HAVE_GC);

pub fn new_tuple_iter(t: Value) -> Value {
    heap::alloc(&TUPLE_ITER_TYPE, PyTupleIter { head: ObjectHead::uninit(), seq: RefCell::new(Some(t)), index: Cell::new(0) })
}

fn tupleiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyTupleIter>().ok_or_else(|| type_error("tuple_iterator expected"))?;
    let item = match &*it.seq.borrow() {
        Some(t) => super::tuple::as_tuple(t).and_then(|t| t.get(it.index.get()).cloned()),
        None => return Ok(None),
    };
    match item {
        Some(x) => {
            it.index.set(it.index.get() + 1);
            Ok(Some(x))
        }
        None => {
            let old = it.seq.borrow_mut().take();
            drop(old);
            Ok(None)
        }
    }
}

fn tupleiter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = v.downcast::<PyTupleIter>().ok_or_else(|| type_error("tuple_iterator expected"))?;
    let n = match &*it.seq.borrow() {
        Some(t) => super::tuple::as_tuple(t).map(|t| t.len().saturating_sub(it.index.get())).unwrap_or(0),
        None => 0,
    };
    Ok(new_int(n as i64))
}

pub static TUPLE_ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", tupleiter_length_hint)];

#[repr(C)]
pub struct PyStrIter {
    head: ObjectHead,
    seq: RefCell<Option<Value>>,
    /// Byte offset of the next character.
    offset: Cell<usize>,
    /// Characters already produced (for `__length_hint__`).
    count: Cell<usize>,
}

fn striter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyStrIter) };
    if let Ok(v) = s.seq.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
}

iter_type!(STR_ITER_TYPE, STR_ITER_LAYOUT, PyStrIter, "str_iterator", striter_traverse, STR_ITER_METHODS, flags::HAVE_GC);

/// `str_ascii_iterator` shares `PyStrIter`'s layout; only its type differs.
pub static STR_ASCII_ITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "str_ascii_iterator",
    layout: &STR_ITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: STR_ITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

pub fn new_str_iter(s: Value) -> Value {
    let ascii = super::str::as_str(&s).map(|t| t.is_ascii()).unwrap_or(false);
    let ty = if ascii { &STR_ASCII_ITER_TYPE } else { &STR_ITER_TYPE };
    heap::alloc(ty, PyStrIter { head: ObjectHead::uninit(), seq: RefCell::new(Some(s)), offset: Cell::new(0), count: Cell::new(0) })
}

fn as_striter(v: &Value) -> PyResult<&PyStrIter> {
    if std::ptr::eq(v.ty(), &STR_ASCII_ITER_TYPE) || std::ptr::eq(v.ty(), &STR_ITER_TYPE) {
        // Both types share PyStrIter's layout.
        let head = v.as_head().ok_or_else(|| type_error("str_iterator expected"))?;
        Ok(unsafe { &*(head as *const ObjectHead as *const PyStrIter) })
    } else {
        Err(type_error("str_iterator expected"))
    }
}

fn striter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = as_striter(v)?;
    let ch = match &*it.seq.borrow() {
        Some(s) => super::str::as_str(s).and_then(|t| t.get(it.offset.get()..)).and_then(|t| t.chars().next()),
        None => return Ok(None),
    };
    match ch {
        Some(c) => {
            it.offset.set(it.offset.get() + c.len_utf8());
            it.count.set(it.count.get() + 1);
            let mut buf = [0u8; 4];
            Ok(Some(super::str::new_str(c.encode_utf8(&mut buf))))
        }
        None => {
            let old = it.seq.borrow_mut().take();
            drop(old);
            Ok(None)
        }
    }
}

fn striter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = as_striter(v)?;
    let n = match &*it.seq.borrow() {
        Some(s) => super::str::as_pystr(s).map(|p| p.char_len().saturating_sub(it.count.get())).unwrap_or(0),
        None => 0,
    };
    Ok(new_int(n as i64))
}

pub static STR_ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", striter_length_hint)];

// ----- list iterator -----

#[repr(C)]
pub struct PyListIter {
    head: ObjectHead,
    list: RefCell<Option<Value>>,
    index: Cell<usize>,
}

fn listiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyListIter) };
    if let Ok(v) = s.list.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
}

iter_type!(LIST_ITER_TYPE, LIST_ITER_LAYOUT, PyListIter, "list_iterator", listiter_traverse, LIST_ITER_METHODS, flags::HAVE_GC);

pub fn new_list_iter(list: Value) -> Value {
    heap::alloc(&LIST_ITER_TYPE, PyListIter { head: ObjectHead::uninit(), list: RefCell::new(Some(list)), index: Cell::new(0) })
}

#[inline]
fn listiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyListIter>().ok_or_else(|| type_error("list_iterator expected"))?;
    let item = {
        let l = it.list.borrow();
        let Some(l) = &*l else { return Ok(None) };
        let list = super::list::as_list(l).ok_or_else(|| type_error("list expected"))?;
        let items = list.items.borrow();
        items.get(it.index.get()).cloned()
    };
    match item {
        Some(x) => {
            it.index.set(it.index.get() + 1);
            Ok(Some(x))
        }
        None => {
            let old = it.list.borrow_mut().take();
            drop(old);
            Ok(None)
        }
    }
}

fn listiter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = v.downcast::<PyListIter>().ok_or_else(|| type_error("list_iterator expected"))?;
    let n = match &*it.list.borrow() {
        Some(l) => super::list::as_list(l).map(|l| l.len().saturating_sub(it.index.get())).unwrap_or(0),
        None => 0,
    };
    Ok(new_int(n as i64))
}

pub static LIST_ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", listiter_length_hint)];

// ----- reversed -----

#[repr(C)]
pub struct PyReversed {
    head: ObjectHead,
    seq: RefCell<Option<Value>>,
    index: Cell<i64>,
}

fn reversed_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyReversed) };
    if let Ok(v) = s.seq.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
}

iter_type!(REVERSED_TYPE, REVERSED_LAYOUT, PyReversed, "reversed", reversed_traverse, REVERSED_METHODS, flags::HAVE_GC | flags::BASETYPE);

pub fn new_reversed_seq(seq: Value, len: usize) -> Value {
    heap::alloc(&REVERSED_TYPE, PyReversed { head: ObjectHead::uninit(), seq: RefCell::new(Some(seq)), index: Cell::new(len as i64 - 1) })
}

fn reversed_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("reversed")?;
    let [seq] = args.exact::<1>("reversed")?;
    if let Some(r) = ops::lookup_special(seq, "__reversed__") {
        if super::singletons::is_none(&r) {
            return Err(type_error(format!("'{}' object is not reversible", seq.ty().name())));
        }
        return crate::vm::call::call_method_value(vm, &r, seq, &[]);
    }
    let ty = seq.ty();
    // PySequence_Check, then len() (whose error is reported as is).
    if ty.slots.getitem.get().is_none() || ty.has_flag(flags::DICT_SUBCLASS) {
        return Err(type_error(format!("'{}' object is not reversible", ty.name())));
    }
    let n = ops::len(vm, seq)?;
    Ok(new_reversed_seq(seq.clone(), n))
}

fn reversed_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyReversed>().ok_or_else(|| type_error("reversed expected"))?;
    let i = it.index.get();
    let Some(seq) = it.seq.borrow().clone() else { return Ok(None) };
    if i < 0 {
        *it.seq.borrow_mut() = None;
        return Ok(None);
    }
    match ops::getitem(vm, &seq, &new_int(i)) {
        Ok(x) => {
            it.index.set(i - 1);
            Ok(Some(x))
        }
        Err(e) if e.matches(&super::exceptions::INDEX_ERROR) || e.matches(&super::exceptions::STOP_ITERATION) => {
            *it.seq.borrow_mut() = None;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn reversed_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = v.downcast::<PyReversed>().ok_or_else(|| type_error("reversed expected"))?;
    let n = if it.seq.borrow().is_some() { it.index.get() + 1 } else { 0 };
    Ok(new_int(n.max(0)))
}

pub static REVERSED_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", reversed_length_hint)];

// ----- callable_iterator: iter(callable, sentinel) -----

#[repr(C)]
pub struct PyCallIter {
    head: ObjectHead,
    func: RefCell<Option<Value>>,
    sentinel: Value,
}

fn calliter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyCallIter) };
    if let Ok(v) = s.func.try_borrow() {
        if let Some(v) = &*v {
            visit(v);
        }
    }
    visit(&s.sentinel);
}

iter_type!(CALL_ITER_TYPE, CALL_ITER_LAYOUT, PyCallIter, "callable_iterator", calliter_traverse, &[], flags::HAVE_GC);

pub fn new_call_iter(func: Value, sentinel: Value) -> Value {
    heap::alloc(&CALL_ITER_TYPE, PyCallIter { head: ObjectHead::uninit(), func: RefCell::new(Some(func)), sentinel })
}

fn calliter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyCallIter>().ok_or_else(|| type_error("callable_iterator expected"))?;
    let Some(f) = it.func.borrow().clone() else { return Ok(None) };
    let sentinel = it.sentinel.clone();
    match crate::vm::call::call(vm, &f, &[]) {
        Ok(x) => {
            if ops::eq(vm, &x, &sentinel)? {
                *it.func.borrow_mut() = None;
                Ok(None)
            } else {
                Ok(Some(x))
            }
        }
        Err(e) if e.matches(&super::exceptions::STOP_ITERATION) => {
            *it.func.borrow_mut() = None;
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

// ----- enumerate -----

#[repr(C)]
pub struct PyEnumerate {
    head: ObjectHead,
    it: Value,
    count: RefCell<Value>,
}

fn enumerate_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyEnumerate) };
    visit(&s.it);
}

iter_type!(ENUMERATE_TYPE, ENUMERATE_LAYOUT, PyEnumerate, "enumerate", enumerate_traverse, ENUMERATE_METHODS, flags::HAVE_GC | flags::BASETYPE);

fn enumerate_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    use crate::vm::args::{opt, p};
    static SIG: crate::vm::Sig = crate::vm::Sig::new("enumerate", &[p("iterable"), opt("start")]);
    let [iterable, start] = SIG.parse::<2>(args)?;
    let it = ops::iter(vm, &iterable.expect("required"))?;
    let start = match start {
        Some(s) => {
            if !super::int::is_int(&s) && s.ty().slots.index.get().is_none() {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", s.ty().name())));
            }
            ops::index(vm, &s)?
        }
        None => new_int(0),
    };
    let ty = super::typeobject::as_type(cls).unwrap_or(&ENUMERATE_TYPE);
    Ok(heap::alloc(ty, PyEnumerate { head: ObjectHead::uninit(), it, count: RefCell::new(start) }))
}

fn enumerate_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let e = v.downcast::<PyEnumerate>().ok_or_else(|| type_error("enumerate expected"))?;
    let it = e.it.clone();
    let Some(x) = ops::next(vm, &it)? else { return Ok(None) };
    let e = v.downcast::<PyEnumerate>().ok_or_else(|| type_error("enumerate expected"))?;
    let n = e.count.borrow().clone();
    let next = match n.as_small_int() {
        Some(i) => new_int(i + 1),
        None => ops::binary_op(vm, &n, &new_int(1), taipan_compiler::bytecode::BinaryOperator::Add)?,
    };
    *e.count.borrow_mut() = next;
    Ok(Some(super::tuple::new_tuple(vec![n, x])))
}

pub static ENUMERATE_METHODS: &[MethodDef] = &[MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem)];

// ----- zip -----

#[repr(C)]
pub struct PyZip {
    head: ObjectHead,
    iters: Vec<Value>,
    strict: bool,
    done: Cell<bool>,
}

fn zip_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyZip) };
    s.iters.iter().for_each(visit);
}

iter_type!(ZIP_TYPE, ZIP_LAYOUT, PyZip, "zip", zip_traverse, &[], flags::HAVE_GC | flags::BASETYPE);

fn zip_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if super::str::as_str(k) == Some("strict") {
            strict = ops::is_true(vm, v)?;
        } else {
            return Err(type_error(format!(
                "zip() got an unexpected keyword argument '{}'",
                super::str::as_str(k).unwrap_or("?")
            )));
        }
    }
    let mut iters = Vec::new();
    for (i, a) in args.positional().iter().enumerate() {
        let it = ops::iter(vm, a).map_err(|e| {
            if e.matches(&super::exceptions::TYPE_ERROR) {
                type_error(format!("'{}' object is not iterable", a.ty().name()))
            } else {
                e
            }
        })?;
        let _ = i;
        iters.push(it);
    }
    let ty = super::typeobject::as_type(cls).unwrap_or(&ZIP_TYPE);
    Ok(heap::alloc(ty, PyZip { head: ObjectHead::uninit(), iters, strict, done: Cell::new(false) }))
}

fn zip_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let z = v.downcast::<PyZip>().ok_or_else(|| type_error("zip expected"))?;
    if z.done.get() || z.iters.is_empty() {
        return Ok(None);
    }
    let iters = z.iters.clone();
    let strict = z.strict;
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match ops::next(vm, it)? {
            Some(x) => out.push(x),
            None => {
                if let Some(z) = v.downcast::<PyZip>() {
                    z.done.set(true);
                }
                if strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(value_error(format!(
                            "zip() argument {} is shorter than argument{}{}",
                            i + 1,
                            plural,
                            i
                        )));
                    }
                    for (j, other) in iters.iter().enumerate().skip(1) {
                        if ops::next(vm, other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(value_error(format!(
                                "zip() argument {} is longer than argument{}{}",
                                j + 1,
                                plural,
                                j
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(super::tuple::new_tuple(out)))
}

// ----- map -----

#[repr(C)]
pub struct PyMap {
    head: ObjectHead,
    func: Value,
    iters: Vec<Value>,
}

fn map_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyMap) };
    visit(&s.func);
    s.iters.iter().for_each(visit);
}

iter_type!(MAP_TYPE, MAP_LAYOUT, PyMap, "map", map_traverse, &[], flags::HAVE_GC | flags::BASETYPE);

fn map_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("map")?;
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for a in &pos[1..] {
        iters.push(ops::iter(vm, a)?);
    }
    let ty = super::typeobject::as_type(cls).unwrap_or(&MAP_TYPE);
    Ok(heap::alloc(ty, PyMap { head: ObjectHead::uninit(), func: pos[0].clone(), iters }))
}

fn map_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let m = v.downcast::<PyMap>().ok_or_else(|| type_error("map expected"))?;
    let (f, iters) = (m.func.clone(), m.iters.clone());
    let mut args = Vec::with_capacity(iters.len());
    for it in &iters {
        match ops::next(vm, it)? {
            Some(x) => args.push(x),
            None => return Ok(None),
        }
    }
    crate::vm::call::call(vm, &f, &args).map(Some)
}

// ----- filter -----

#[repr(C)]
pub struct PyFilter {
    head: ObjectHead,
    func: Value,
    it: Value,
}

fn filter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyFilter) };
    visit(&s.func);
    visit(&s.it);
}

iter_type!(FILTER_TYPE, FILTER_LAYOUT, PyFilter, "filter", filter_traverse, &[], flags::HAVE_GC | flags::BASETYPE);

fn filter_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("filter")?;
    let pos = args.check("filter", 2, 2)?;
    let it = ops::iter(vm, &pos[1])?;
    let ty = super::typeobject::as_type(cls).unwrap_or(&FILTER_TYPE);
    Ok(heap::alloc(ty, PyFilter { head: ObjectHead::uninit(), func: pos[0].clone(), it }))
}

fn filter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let f = v.downcast::<PyFilter>().ok_or_else(|| type_error("filter expected"))?;
    let (func, it) = (f.func.clone(), f.it.clone());
    let pass_through = super::singletons::is_none(&func) || std::ptr::eq(func.as_ptr(), super::singletons::BOOL_TYPE.head());
    loop {
        let Some(x) = ops::next(vm, &it)? else { return Ok(None) };
        let keep = if pass_through {
            ops::is_true(vm, &x)?
        } else {
            let r = crate::vm::call::call(vm, &func, std::slice::from_ref(&x))?;
            ops::is_true(vm, &r)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

pub fn init_types() {
    for t in [&TUPLE_ITER_TYPE, &STR_ITER_TYPE, &STR_ASCII_ITER_TYPE] {
        t.slots.iter.set(Some(self_iter));
    }
    TUPLE_ITER_TYPE.slots.iternext.set(Some(tupleiter_next));
    STR_ITER_TYPE.slots.iternext.set(Some(striter_next));
    STR_ASCII_ITER_TYPE.slots.iternext.set(Some(striter_next));
    for t in [&SEQ_ITER_TYPE, &LIST_ITER_TYPE, &REVERSED_TYPE, &CALL_ITER_TYPE, &ENUMERATE_TYPE, &ZIP_TYPE, &MAP_TYPE, &FILTER_TYPE] {
        t.slots.iter.set(Some(self_iter));
    }
    SEQ_ITER_TYPE.slots.iternext.set(Some(seqiter_next));
    LIST_ITER_TYPE.slots.iternext.set(Some(listiter_next));
    REVERSED_TYPE.slots.iternext.set(Some(reversed_next));
    REVERSED_TYPE.slots.new.set(Some(reversed_new));
    CALL_ITER_TYPE.slots.iternext.set(Some(calliter_next));
    ENUMERATE_TYPE.slots.iternext.set(Some(enumerate_next));
    ENUMERATE_TYPE.slots.new.set(Some(enumerate_new));
    ZIP_TYPE.slots.iternext.set(Some(zip_next));
    ZIP_TYPE.slots.new.set(Some(zip_new));
    MAP_TYPE.slots.iternext.set(Some(map_next));
    MAP_TYPE.slots.new.set(Some(map_new));
    FILTER_TYPE.slots.iternext.set(Some(filter_next));
    FILTER_TYPE.slots.new.set(Some(filter_new));
}
