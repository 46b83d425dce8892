//! The `_collections` module: `deque`, its iterators, `defaultdict`, `_count_elements`
//! and `_tuplegetter`.  Follows the behaviour of CPython's `Modules/_collectionsmodule.c`
//! (documented in the `collections` docs page).
//!
//! A deque keeps its items in a `VecDeque` plus a `state` counter bumped by every
//! structural change; iterators and the searching methods compare it to detect
//! "deque mutated during iteration", as CPython's `deque->state` does.  No `RefCell`
//! borrow is held while `__eq__` or any other Python code runs, and items removed from
//! the deque are dropped only after the borrow is released (a `__del__` may look at it).
//!
//! `defaultdict` is a static subtype of `dict` sharing its layout.  Its `default_factory`
//! lives in extras word 1.  NOTE: extras word 0 is reserved for `__dict__`, so
//! defaultdict instances have a `__dict__` (CPython's do not); this keeps the word layout
//! every heap subclass expects.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::ModuleDef;
use crate::objects::dict::{PyDict, DICT_LAYOUT, DICT_TYPE};
use crate::objects::exceptions;
use crate::objects::int::new_int;
use crate::objects::singletons::{is_none, none, not_implemented};
use crate::objects::str::{as_str, new_string};
use crate::objects::tuple::{new_tuple, seq_richcompare};
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, po};
use crate::vm::{call, index_error, ops, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------------------
// deque
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyDeque {
    head: ObjectHead,
    items: RefCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    /// Bumped on every structural mutation (CPython's `deque->state`).
    state: Cell<u64>,
}

fn deque_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let d = unsafe { &*(head as *const ObjectHead as *const PyDeque) };
    if let Ok(items) = d.items.try_borrow() {
        items.iter().for_each(visit);
    }
}

fn deque_clear_refs(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let d = unsafe { &*(head as *const ObjectHead as *const PyDeque) };
    if let Ok(mut items) = d.items.try_borrow_mut() {
        out.extend(items.drain(..));
    }
    d.state.set(d.state.get().wrapping_add(1));
}

pub static DEQUE_LAYOUT: Layout =
    crate::payload_layout!(PyDeque, "deque", deque_traverse, deque_clear_refs);

impl PyPayload for PyDeque {
    fn layout() -> &'static Layout {
        &DEQUE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DEQUE_TYPE
    }
}

pub static DEQUE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "deque",
    layout: &DEQUE_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::SEQUENCE | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: DEQUE_METHODS,
    getsets: DEQUE_GETSETS,
    doc: Some("A list-like sequence optimized for data accesses near its endpoints."),
    module: Some("collections"),
});

impl PyDeque {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
    /// `deque_append_internal`: appends, trimming the left end at `maxlen`.
    fn push_back(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        let trimmed = match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) => {
                items.push_back(v);
                if items.len() > m {
                    items.pop_front()
                } else {
                    None
                }
            }
            None => {
                items.push_back(v);
                None
            }
        };
        drop(items);
        self.bump();
        drop(trimmed);
    }
    fn push_front(&self, v: Value) {
        let mut items = self.items.borrow_mut();
        let trimmed = match self.maxlen.get() {
            Some(0) => Some(v),
            Some(m) => {
                items.push_front(v);
                if items.len() > m {
                    items.pop_back()
                } else {
                    None
                }
            }
            None => {
                items.push_front(v);
                None
            }
        };
        drop(items);
        self.bump();
        drop(trimmed);
    }
    /// Replaces the contents, dropping the old items after the borrow ends.
    fn replace(&self, new_items: VecDeque<Value>) {
        let old = std::mem::replace(&mut *self.items.borrow_mut(), new_items);
        self.bump();
        drop(old);
    }
}

fn as_deque(v: &Value) -> Option<&PyDeque> {
    v.downcast::<PyDeque>()
}

fn this(v: &Value) -> PyResult<&PyDeque> {
    as_deque(v).ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'collections.deque' object but received a '{}'",
            v.ty().name()
        ))
    })
}

fn new_deque_of_type(ty: &PyType, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    heap::alloc(
        ty,
        PyDeque {
            head: ObjectHead::uninit(),
            items: RefCell::new(items),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        },
    )
}

fn mutated() -> PyErr {
    crate::vm::runtime_error("deque mutated during iteration")
}

/// The `tp_name` CPython shows for an instance's type: dotted for the built-in type.
fn type_display(v: &Value, builtin: &PyType, dotted: &str) -> String {
    if std::ptr::eq(v.ty(), builtin) {
        dotted.to_string()
    } else {
        v.ty().name()
    }
}

fn deque_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&DEQUE_TYPE);
    Ok(new_deque_of_type(ty, VecDeque::new(), None))
}

fn parse_maxlen(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    let Some(v) = v.filter(|v| !is_none(v)) else {
        return Ok(None);
    };
    if crate::objects::int::as_int(&v).is_none() && v.ty().slots.index.get().is_none() {
        return Err(type_error("an integer is required"));
    }
    let n = ops::index_value(vm, &v)?;
    if n < 0 {
        return Err(value_error("maxlen must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn deque_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    static SIG: Sig = Sig::new("deque", &[opt("iterable"), opt("maxlen")]);
    let [iterable, maxlen] = SIG.parse::<2>(args)?;
    let maxlen = parse_maxlen(vm, maxlen)?;
    let d = this(v)?;
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        d.replace(VecDeque::new());
    }
    if let Some(it) = iterable {
        deque_extend_impl(vm, v, &it, false)?;
    }
    Ok(())
}

/// `deque.extend` / `extendleft`.
fn deque_extend_impl(vm: &mut Vm, v: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    if iterable.is(v) {
        let items = this(v)?.snapshot();
        for it in items {
            push(this(v)?, it, left);
        }
        return Ok(());
    }
    let it = ops::iter(vm, iterable)?;
    while let Some(item) = ops::next(vm, &it)? {
        push(this(v)?, item, left);
    }
    Ok(())
}

fn push(d: &PyDeque, v: Value, left: bool) {
    if left {
        d.push_front(v)
    } else {
        d.push_back(v)
    }
}

fn deque_append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, x] = args.exact::<2>("append")?;
    this(d)?.push_back(x.clone());
    Ok(none())
}

fn deque_appendleft(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, x] = args.exact::<2>("appendleft")?;
    this(d)?.push_front(x.clone());
    Ok(none())
}

fn deque_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("pop")?;
    let d = this(d)?;
    let item = d.items.borrow_mut().pop_back();
    d.bump();
    item.ok_or_else(|| index_error("pop from an empty deque"))
}

fn deque_popleft(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("popleft")?;
    let d = this(d)?;
    let item = d.items.borrow_mut().pop_front();
    d.bump();
    item.ok_or_else(|| index_error("pop from an empty deque"))
}

fn deque_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, it] = args.exact::<2>("extend")?;
    deque_extend_impl(vm, d, it, false)?;
    Ok(none())
}

fn deque_extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, it] = args.exact::<2>("extendleft")?;
    deque_extend_impl(vm, d, it, true)?;
    Ok(none())
}

fn deque_rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("rotate", 1, 2)?;
    let n = match pos.get(1) {
        Some(n) => ops::index_value(vm, n)?,
        None => 1,
    };
    let d = this(&pos[0])?;
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    drop(items);
    d.bump();
    Ok(none())
}

fn deque_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("clear")?;
    this(d)?.replace(VecDeque::new());
    Ok(none())
}

/// `deque_copy`: exact deques are copied directly; subclasses are rebuilt by calling
/// their type with the items (and `maxlen`).
fn deque_copy_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this(v)?;
    if std::ptr::eq(v.ty(), &DEQUE_TYPE) {
        return Ok(new_deque_of_type(
            &DEQUE_TYPE,
            d.items.borrow().clone(),
            d.maxlen.get(),
        ));
    }
    let cls = v.ty().to_value();
    match d.maxlen.get() {
        Some(m) => call::call(vm, &cls, &[v.clone(), new_int(m as i64)]),
        None => call::call(vm, &cls, std::slice::from_ref(v)),
    }
}

fn deque_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("copy")?;
    deque_copy_value(vm, d)
}

fn deque_dunder_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("__copy__")?;
    deque_copy_value(vm, d)
}

fn deque_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, x] = args.exact::<2>("count")?;
    let start = this(v)?.state.get();
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = this(v)?.get(i) {
        let eq = item.is(x) || ops::eq(vm, &item, x)?;
        if this(v)?.state.get() != start {
            return Err(mutated());
        }
        if eq {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

fn deque_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, pos) = args.method("deque.index", 1, 3)?;
    let x = &pos[0];
    let len = this(v)?.len();
    let (start, stop) = crate::objects::list::slice_bounds(vm, pos, len)?;
    let state = this(v)?.state.get();
    for i in start..stop {
        let Some(item) = this(v)?.get(i) else { break };
        let eq = item.is(x) || ops::eq(vm, &item, x)?;
        if this(v)?.state.get() != state {
            return Err(mutated());
        }
        if eq {
            return Ok(new_int(i as i64));
        }
    }
    let r = ops::repr_string(vm, x)?;
    Err(value_error(format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, i, x] = args.exact::<3>("insert")?;
    let i = ops::index_value(vm, i)?;
    let d = this(v)?;
    let mut items = d.items.borrow_mut();
    if d.maxlen.get() == Some(items.len()) {
        return Err(index_error("deque already at its maximum size"));
    }
    let n = items.len() as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(idx as usize, x.clone());
    drop(items);
    d.bump();
    Ok(none())
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, x] = args.exact::<2>("remove")?;
    let state = this(v)?.state.get();
    let mut i = 0;
    while let Some(item) = this(v)?.get(i) {
        let eq = item.is(x) || ops::eq(vm, &item, x)?;
        let d = this(v)?;
        if d.state.get() != state {
            return Err(index_error("deque mutated during iteration"));
        }
        if eq {
            let removed = d.items.borrow_mut().remove(i);
            d.bump();
            drop(removed);
            return Ok(none());
        }
        i += 1;
    }
    let r = ops::repr_string(vm, x)?;
    Err(value_error(format!("{r} is not in deque")))
}

fn deque_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("reverse")?;
    let d = this(v)?;
    d.items.borrow_mut().make_contiguous().reverse();
    d.bump();
    Ok(none())
}

fn deque_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reversed__")?;
    new_deque_iter(v, true, 0)
}

fn deque_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    let d = this(v)?;
    let ctor_args = match d.maxlen.get() {
        Some(m) => new_tuple(vec![
            crate::objects::tuple::empty_tuple(),
            new_int(m as i64),
        ]),
        None => crate::objects::tuple::empty_tuple(),
    };
    let state = match crate::objects::object::instance_dict(v) {
        Some(dict) if PyDict::len(&dict) > 0 => dict,
        _ => none(),
    };
    let it = ops::iter(vm, v)?;
    Ok(new_tuple(vec![v.ty().to_value(), ctor_args, state, it]))
}

fn deque_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__sizeof__")?;
    let blocks = this(v)?.len() / 64 + 1;
    Ok(new_int(88 + blocks as i64 * 528))
}

fn deque_maxlen(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match this(v)?.maxlen.get() {
        Some(m) => new_int(m as i64),
        None => none(),
    })
}

fn deque_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = v.ty().name();
    if !vm.repr_enter(v) {
        return Ok(crate::objects::str::new_str("[...]"));
    }
    let body = (|| {
        let items = this(v)?.snapshot();
        let mut out = String::from("[");
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&ops::repr_string(vm, it)?);
        }
        out.push(']');
        Ok::<String, PyErr>(out)
    })();
    vm.repr_leave(v);
    let body = body?;
    Ok(new_string(match this(v)?.maxlen.get() {
        Some(m) => format!("{name}({body}, maxlen={m})"),
        None => format!("{name}({body})"),
    }))
}

fn deque_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Err(type_error(format!(
        "unhashable type: '{}'",
        type_display(v, &DEQUE_TYPE, "collections.deque")
    )))
}

fn deque_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_deque(a), as_deque(b)) else {
        return Ok(not_implemented());
    };
    let (x, y) = (x.snapshot(), y.snapshot());
    seq_richcompare(vm, &x, &y, op)
}

fn deque_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn deque_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let state = this(v)?.state.get();
    let mut i = 0;
    while let Some(item) = this(v)?.get(i) {
        let eq = item.is(x) || ops::eq(vm, &item, x)?;
        if this(v)?.state.get() != state {
            return Err(mutated());
        }
        if eq {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

/// The position of an integer subscript, or CPython's errors.
fn deque_position(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<usize> {
    let Some(i) = ops::index_opt(vm, key)? else {
        return Err(type_error(format!(
            "sequence index must be integer, not '{}'",
            key.ty().name()
        )));
    };
    let n = this(v)?.len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("deque index out of range"));
    }
    Ok(idx as usize)
}

fn deque_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let i = deque_position(vm, v, key)?;
    this(v)?
        .get(i)
        .ok_or_else(|| index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    let i = deque_position(vm, v, key)?;
    let d = this(v)?;
    let mut items = d.items.borrow_mut();
    if i >= items.len() {
        return Err(index_error("deque index out of range"));
    }
    let old = match value {
        Some(val) => std::mem::replace(&mut items[i], val.clone()),
        None => {
            let old = items.remove(i);
            drop(items);
            d.bump();
            return {
                drop(old);
                Ok(())
            };
        }
    };
    drop(items);
    drop(old);
    Ok(())
}

/// The items of `items` repeated `count` times, keeping only the last `maxlen`.
fn repeated(
    items: &VecDeque<Value>,
    count: i64,
    maxlen: Option<usize>,
) -> PyResult<VecDeque<Value>> {
    let len = items.len();
    if count <= 0 || len == 0 {
        return Ok(VecDeque::new());
    }
    let total = (len as u128) * (count as u128);
    let keep = match maxlen {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (1 << 32) {
        return Err(crate::vm::memory_error());
    }
    let first = total - keep;
    Ok((0..keep)
        .map(|k| items[((first + k) % len as u128) as usize].clone())
        .collect())
}

fn deque_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            if as_deque(a).is_none() {
                return Ok(not_implemented());
            }
            if as_deque(b).is_none() {
                return Err(type_error(format!(
                    "can only concatenate {} (not \"{}\") to {}",
                    type_display(a, &DEQUE_TYPE, "deque"),
                    b.ty().name(),
                    type_display(a, &DEQUE_TYPE, "deque")
                )));
            }
            let new = deque_copy_value(vm, a)?;
            deque_extend_impl(vm, &new, b, false)?;
            Ok(new)
        }
        BinaryOperator::Multiply => {
            let (d, n) = match (as_deque(a), as_deque(b)) {
                (Some(_), _) => (a, b),
                (None, Some(_)) => (b, a),
                _ => return Ok(not_implemented()),
            };
            let Some(count) = ops::index_opt(vm, n)? else {
                return Ok(not_implemented());
            };
            let new = deque_copy_value(vm, d)?;
            let nd = this(&new)?;
            let items = repeated(&nd.items.borrow(), count, nd.maxlen.get())?;
            nd.replace(items);
            Ok(new)
        }
        _ => Ok(not_implemented()),
    }
}

fn deque_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            deque_extend_impl(vm, a, b, false)?;
            Ok(a.clone())
        }
        BinaryOperator::Multiply => {
            let Some(count) = ops::index_opt(vm, b)? else {
                return Ok(not_implemented());
            };
            let d = this(a)?;
            let items = repeated(&d.items.borrow(), count, d.maxlen.get())?;
            d.replace(items);
            Ok(a.clone())
        }
        _ => Ok(not_implemented()),
    }
}

fn deque_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    new_deque_iter(v, false, 0)
}

static DEQUE_METHODS: &[MethodDef] = &[
    MethodDef::method("append", deque_append),
    MethodDef::method("appendleft", deque_appendleft),
    MethodDef::method("pop", deque_pop),
    MethodDef::method("popleft", deque_popleft),
    MethodDef::method("extend", deque_extend),
    MethodDef::method("extendleft", deque_extendleft),
    MethodDef::method("rotate", deque_rotate),
    MethodDef::method("clear", deque_clear),
    MethodDef::method("copy", deque_copy),
    MethodDef::method("__copy__", deque_dunder_copy),
    MethodDef::method("count", deque_count),
    MethodDef::method("index", deque_index),
    MethodDef::method("insert", deque_insert),
    MethodDef::method("remove", deque_remove),
    MethodDef::method("reverse", deque_reverse),
    MethodDef::method("__reversed__", deque_reversed),
    MethodDef::method("__reduce__", deque_reduce),
    MethodDef::method("__sizeof__", deque_sizeof),
    MethodDef::classmethod(
        "__class_getitem__",
        crate::objects::genericalias::class_getitem,
    ),
];

static DEQUE_GETSETS: &[GetSetDef] = &[GetSetDef::new("maxlen", deque_maxlen)];

// ---------------------------------------------------------------------------------------
// deque iterators
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyDequeIter {
    head: ObjectHead,
    deque: Value,
    /// Next position (forward) or one past it (reverse).
    index: Cell<usize>,
    state: u64,
    /// Items left to produce.
    counter: Cell<usize>,
}

fn dequeiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let it = unsafe { &*(head as *const ObjectHead as *const PyDequeIter) };
    visit(&it.deque);
}

pub static DEQUE_ITER_LAYOUT: Layout = crate::payload_layout!(
    PyDequeIter,
    "_deque_iterator",
    dequeiter_traverse,
    heap::no_clear
);

impl PyPayload for PyDequeIter {
    fn layout() -> &'static Layout {
        &DEQUE_ITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DEQUE_ITER_TYPE
    }
}

pub static DEQUE_ITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "_deque_iterator",
    layout: &DEQUE_ITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: DEQUE_ITER_METHODS,
    getsets: &[],
    doc: None,
    module: Some("collections"),
});

pub static DEQUE_REVITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "_deque_reverse_iterator",
    layout: &DEQUE_ITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: DEQUE_ITER_METHODS,
    getsets: &[],
    doc: None,
    module: Some("collections"),
});

/// An iterator over `deque` that has already produced `skip` items.
fn new_deque_iter(deque: &Value, reverse: bool, skip: usize) -> PyResult<Value> {
    let d = this(deque)?;
    let len = d.len();
    let skip = skip.min(len);
    let (ty, index) = if reverse {
        (&DEQUE_REVITER_TYPE, len - skip)
    } else {
        (&DEQUE_ITER_TYPE, skip)
    };
    Ok(heap::alloc(
        ty,
        PyDequeIter {
            head: ObjectHead::uninit(),
            deque: deque.clone(),
            index: Cell::new(index),
            state: d.state.get(),
            counter: Cell::new(len - skip),
        },
    ))
}

fn dequeiter_this(v: &Value) -> PyResult<&PyDequeIter> {
    v.downcast::<PyDequeIter>()
        .ok_or_else(|| type_error("deque iterator expected"))
}

fn dequeiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = dequeiter_this(v)?;
    let d = this(&it.deque)?;
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(mutated());
    }
    if it.counter.get() == 0 {
        return Ok(None);
    }
    let reverse = std::ptr::eq(v.ty(), &DEQUE_REVITER_TYPE);
    let i = it.index.get();
    let item = if reverse {
        it.index.set(i.saturating_sub(1));
        d.get(i.wrapping_sub(1))
    } else {
        it.index.set(i + 1);
        d.get(i)
    };
    it.counter.set(it.counter.get() - 1);
    Ok(item)
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn dequeiter_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let reverse = as_type(cls).is_some_and(|t| std::ptr::eq(t, &DEQUE_REVITER_TYPE));
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let pos = args.check(name, 1, 2)?;
    if as_deque(&pos[0]).is_none() {
        return Err(type_error(format!(
            "{}() argument 1 must be collections.deque, not {}",
            name,
            pos[0].ty().name()
        )));
    }
    let skip = match pos.get(1) {
        Some(n) => ops::index_value(vm, n)?.max(0) as usize,
        None => 0,
    };
    new_deque_iter(&pos[0], reverse, skip)
}

fn dequeiter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    Ok(new_int(dequeiter_this(v)?.counter.get() as i64))
}

fn dequeiter_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    let it = dequeiter_this(v)?;
    let done = this(&it.deque)?.len().saturating_sub(it.counter.get());
    Ok(new_tuple(vec![
        v.ty().to_value(),
        new_tuple(vec![it.deque.clone(), new_int(done as i64)]),
    ]))
}

static DEQUE_ITER_METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", dequeiter_length_hint),
    MethodDef::method("__reduce__", dequeiter_reduce),
];

// ---------------------------------------------------------------------------------------
// defaultdict
// ---------------------------------------------------------------------------------------

pub static DEFAULTDICT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "defaultdict",
    layout: &DICT_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::DICT_SUBCLASS | flags::MAPPING | flags::HAS_DICT,
    base: Some(&DICT_TYPE),
    methods: DEFAULTDICT_METHODS,
    getsets: DEFAULTDICT_GETSETS,
    doc: Some("defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n"),
    module: Some("collections"),
});

/// Extras word holding `default_factory` (word 0 is `__dict__`).
const FACTORY_WORD: usize = 1;

fn is_defaultdict(v: &Value) -> bool {
    v.ty().is_subtype(&DEFAULTDICT_TYPE)
}

fn factory_of(v: &Value) -> Value {
    if !is_defaultdict(v) {
        return none();
    }
    v.as_head()
        .and_then(|h| {
            h.extras()
                .get(FACTORY_WORD)
                .and_then(|w| w.borrow().clone())
        })
        .unwrap_or_else(none)
}

fn set_factory(v: &Value, f: Value) {
    if !is_defaultdict(v) {
        return;
    }
    if let Some(word) = v.as_head().and_then(|h| h.extras().get(FACTORY_WORD)) {
        let old = word.borrow_mut().replace(f);
        drop(old);
    }
}

fn defdict_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    let pos = args.positional();
    let rest = match pos.first() {
        Some(f) => {
            if !is_none(f) && f.ty().slots.call.get().is_none() {
                return Err(type_error("first argument must be callable or None"));
            }
            set_factory(v, f.clone());
            args.shift()
        }
        None => args,
    };
    match DICT_TYPE.slots.init.get() {
        Some(init) => init(vm, v, rest),
        None => Ok(()),
    }
}

fn defdict_missing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, key] = args.exact::<2>("__missing__")?;
    let factory = factory_of(d);
    if is_none(&factory) {
        return Err(crate::vm::key_error(key.clone()));
    }
    let value = call::call(vm, &factory, &[])?;
    ops::setitem(vm, d, key, &value)?;
    Ok(value)
}

/// `type(dd)(dd.default_factory, source)`.
fn defdict_new_like(vm: &mut Vm, dd: &Value, source: &Value) -> PyResult<Value> {
    let cls = dd.ty().to_value();
    call::call(vm, &cls, &[factory_of(dd), source.clone()])
}

fn defdict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("copy")?;
    defdict_new_like(vm, d, d)
}

fn defdict_dunder_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("__copy__")?;
    defdict_new_like(vm, d, d)
}

fn defdict_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d] = args.exact::<1>("__reduce__")?;
    let factory = factory_of(d);
    let ctor_args = if is_none(&factory) {
        crate::objects::tuple::empty_tuple()
    } else {
        new_tuple(vec![factory])
    };
    let items = call::call_method(vm, d, "items", &[])?;
    let it = ops::iter(vm, &items)?;
    Ok(new_tuple(vec![
        d.ty().to_value(),
        ctor_args,
        none(),
        none(),
        it,
    ]))
}

fn defdict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let factory = factory_of(v);
    let factory_repr = if is_none(&factory) {
        "None".to_string()
    } else if !vm.repr_enter(&factory) {
        "...".to_string()
    } else {
        let r = ops::repr_string(vm, &factory);
        vm.repr_leave(&factory);
        r?
    };
    let dict_repr = match DICT_TYPE.slots.repr.get() {
        Some(f) => f(vm, v)?,
        None => crate::objects::str::new_str("{}"),
    };
    Ok(new_string(format!(
        "{}({}, {})",
        v.ty().name(),
        factory_repr,
        as_str(&dict_repr).unwrap_or("")
    )))
}

/// `defdict_or`: `dd | other` and `other | dd` keep the defaultdict's type and factory.
fn defdict_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if op.base() != BinaryOperator::Or {
        return Ok(not_implemented());
    }
    let (dd, other) = if is_defaultdict(a) { (a, b) } else { (b, a) };
    if other.downcast::<PyDict>().is_none() {
        return Ok(not_implemented());
    }
    let new = defdict_new_like(vm, dd, a)?;
    PyDict::update_from(vm, &new, b)?;
    Ok(new)
}

fn defdict_get_factory(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(factory_of(v))
}

fn defdict_set_factory(_vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    set_factory(v, value.cloned().unwrap_or_else(none));
    Ok(())
}

static DEFAULTDICT_METHODS: &[MethodDef] = &[
    MethodDef::method("__missing__", defdict_missing),
    MethodDef::method("copy", defdict_copy),
    MethodDef::method("__copy__", defdict_dunder_copy),
    MethodDef::method("__reduce__", defdict_reduce),
    MethodDef::classmethod(
        "__class_getitem__",
        crate::objects::genericalias::class_getitem,
    ),
];

static DEFAULTDICT_GETSETS: &[GetSetDef] = &[GetSetDef::with_set(
    "default_factory",
    defdict_get_factory,
    defdict_set_factory,
)];

// ---------------------------------------------------------------------------------------
// _tuplegetter
// ---------------------------------------------------------------------------------------

/// The field descriptor `namedtuple` classes use (`_tuplegetter(index, doc)`).
#[repr(C)]
pub struct PyTupleGetter {
    head: ObjectHead,
    index: usize,
    doc: RefCell<Value>,
}

fn tuplegetter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let t = unsafe { &*(head as *const ObjectHead as *const PyTupleGetter) };
    if let Ok(d) = t.doc.try_borrow() {
        visit(&d);
    }
}

fn tuplegetter_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let t = unsafe { &*(head as *const ObjectHead as *const PyTupleGetter) };
    if let Ok(mut d) = t.doc.try_borrow_mut() {
        out.push(std::mem::replace(&mut *d, none()));
    }
}

pub static TUPLEGETTER_LAYOUT: Layout = crate::payload_layout!(
    PyTupleGetter,
    "_tuplegetter",
    tuplegetter_traverse,
    tuplegetter_clear
);

impl PyPayload for PyTupleGetter {
    fn layout() -> &'static Layout {
        &TUPLEGETTER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TUPLEGETTER_TYPE
    }
}

pub static TUPLEGETTER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "_tuplegetter",
    layout: &TUPLEGETTER_LAYOUT,
    flags: flags::HAVE_GC | flags::BASETYPE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: TUPLEGETTER_METHODS,
    getsets: TUPLEGETTER_GETSETS,
    doc: None,
    module: Some("collections"),
});

fn tuplegetter_this(v: &Value) -> PyResult<&PyTupleGetter> {
    v.downcast::<PyTupleGetter>()
        .ok_or_else(|| type_error("_tuplegetter expected"))
}

fn tuplegetter_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let pos = args.check("_tuplegetter", 2, 2)?;
    let i = ops::index_value(vm, &pos[0])?;
    let ty = as_type(cls).unwrap_or(&TUPLEGETTER_TYPE);
    Ok(heap::alloc(
        ty,
        PyTupleGetter {
            head: ObjectHead::uninit(),
            index: i.max(0) as usize,
            doc: RefCell::new(pos[1].clone()),
        },
    ))
}

fn tuplegetter_get(
    _vm: &mut Vm,
    v: &Value,
    obj: Option<&Value>,
    _ty: Option<&Value>,
) -> PyResult<Value> {
    let t = tuplegetter_this(v)?;
    let Some(obj) = obj.filter(|o| !is_none(o)) else {
        return Ok(v.clone());
    };
    let Some(items) = crate::objects::tuple::as_tuple(obj) else {
        return Err(type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            t.index,
            obj.ty().name()
        )));
    };
    items
        .get(t.index)
        .cloned()
        .ok_or_else(|| index_error("tuple index out of range"))
}

fn tuplegetter_set(_vm: &mut Vm, _v: &Value, _obj: &Value, value: Option<&Value>) -> PyResult<()> {
    Err(PyErr::new(
        &exceptions::ATTRIBUTE_ERROR,
        if value.is_some() {
            "can't set attribute"
        } else {
            "can't delete attribute"
        },
    ))
}

fn tuplegetter_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    let t = tuplegetter_this(v)?;
    let doc = t.doc.borrow().clone();
    Ok(new_tuple(vec![
        v.ty().to_value(),
        new_tuple(vec![new_int(t.index as i64), doc]),
    ]))
}

fn tuplegetter_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = tuplegetter_this(v)?;
    let doc = t.doc.borrow().clone();
    let doc_repr = match as_str(&doc) {
        Some(s) => crate::objects::str::repr_str(s),
        None => "None".to_string(),
    };
    Ok(new_string(format!(
        "{}({}, {})",
        v.ty().name(),
        t.index,
        doc_repr
    )))
}

fn tuplegetter_get_doc(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(tuplegetter_this(v)?.doc.borrow().clone())
}

fn tuplegetter_set_doc(_vm: &mut Vm, v: &Value, value: Option<&Value>) -> PyResult<()> {
    let old = tuplegetter_this(v)?
        .doc
        .replace(value.cloned().unwrap_or_else(none));
    drop(old);
    Ok(())
}

static TUPLEGETTER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", tuplegetter_reduce)];

static TUPLEGETTER_GETSETS: &[GetSetDef] = &[GetSetDef::with_set(
    "__doc__",
    tuplegetter_get_doc,
    tuplegetter_set_doc,
)];

// ---------------------------------------------------------------------------------------
// module functions
// ---------------------------------------------------------------------------------------

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each x
/// (the helper behind `Counter.update`).
fn m_count_elements(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_count_elements", &[po("mapping"), po("iterable")]);
    let [mapping, iterable] = SIG.parse::<2>(args)?;
    let (Some(mapping), Some(iterable)) = (mapping, iterable) else {
        return Err(type_error("_count_elements expected 2 arguments"));
    };
    let one = new_int(1);
    let zero = new_int(0);
    let it = ops::iter(vm, &iterable)?;
    // Exact dicts take the direct path, as CPython does when `get`/`__setitem__` are
    // dict's own.
    let fast = mapping.downcast_exact::<PyDict>().is_some();
    let get = if fast {
        None
    } else {
        Some(ops::getattr_str(vm, &mapping, "get")?)
    };
    while let Some(key) = ops::next(vm, &it)? {
        let old = match &get {
            None => PyDict::get_item_opt(vm, &mapping, &key)?.unwrap_or_else(|| zero.clone()),
            Some(g) => call::call(vm, g, &[key.clone(), zero.clone()])?,
        };
        let new = ops::binary_op(vm, &old, &one, BinaryOperator::Add)?;
        if fast {
            PyDict::set_item(vm, &mapping, key, new)?;
        } else {
            ops::setitem(vm, &mapping, &key, &new)?;
        }
    }
    Ok(none())
}

static COLLECTIONS_METHODS: &[MethodDef] =
    &[MethodDef::method("_count_elements", m_count_elements)];

fn init_types() {
    let s = &DEQUE_TYPE.slots;
    s.new.set(Some(deque_new));
    s.init.set(Some(deque_init));
    s.repr.set(Some(deque_repr));
    s.hash.set(Some(deque_hash));
    s.richcompare.set(Some(deque_richcompare));
    s.len.set(Some(deque_len));
    s.contains.set(Some(deque_contains));
    s.getitem.set(Some(deque_getitem));
    s.setitem.set(Some(deque_setitem));
    s.iter.set(Some(deque_iter));
    s.binop[BinaryOperator::Add as usize].set(Some(deque_binop));
    s.binop[BinaryOperator::Multiply as usize].set(Some(deque_binop));
    s.inplace[BinaryOperator::Add as usize].set(Some(deque_inplace));
    s.inplace[BinaryOperator::Multiply as usize].set(Some(deque_inplace));
    for t in [&DEQUE_ITER_TYPE, &DEQUE_REVITER_TYPE] {
        t.slots.iter.set(Some(self_iter));
        t.slots.iternext.set(Some(dequeiter_next));
        t.slots.new.set(Some(dequeiter_new));
    }
    let s = &DEFAULTDICT_TYPE.slots;
    s.init.set(Some(defdict_init));
    s.repr.set(Some(defdict_repr));
    s.binop[BinaryOperator::Or as usize].set(Some(defdict_binop));
    DEFAULTDICT_TYPE.set_n_extra(FACTORY_WORD + 1);
    let s = &TUPLEGETTER_TYPE.slots;
    s.new.set(Some(tuplegetter_new));
    s.descr_get.set(Some(tuplegetter_get));
    s.descr_set.set(Some(tuplegetter_set));
    s.repr.set(Some(tuplegetter_repr));
    for t in [
        &DEQUE_TYPE,
        &DEQUE_ITER_TYPE,
        &DEQUE_REVITER_TYPE,
        &DEFAULTDICT_TYPE,
        &TUPLEGETTER_TYPE,
    ] {
        crate::objects::typeobject_methods::init_static_type(t);
    }
}

fn collections_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "deque", DEQUE_TYPE.to_value());
    super::add_object(module, "_deque_iterator", DEQUE_ITER_TYPE.to_value());
    super::add_object(
        module,
        "_deque_reverse_iterator",
        DEQUE_REVITER_TYPE.to_value(),
    );
    super::add_object(module, "defaultdict", DEFAULTDICT_TYPE.to_value());
    super::add_object(module, "_tuplegetter", TUPLEGETTER_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_collections",
    doc: Some("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"),
    methods: COLLECTIONS_METHODS,
    init: Some(collections_init),
};
