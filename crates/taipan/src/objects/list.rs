//! `list`: mutable sequences.  Mirrors CPython's `Objects/listobject.c`.
//!
//! The items live in a `RefCell<Vec<Value>>`; no borrow is ever held while Python code
//! runs (comparisons, `__eq__`, key functions): values are cloned out first, and the
//! list is re-checked afterwards, as CPython re-checks sizes.

use std::cell::RefCell;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::int::new_int;
use super::singletons::{none, not_implemented};
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{index_error, type_error, value_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyList {
    head: ObjectHead,
    pub items: RefCell<Vec<Value>>,
}

fn list_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let l = unsafe { &*(head as *const ObjectHead as *const PyList) };
    if let Ok(items) = l.items.try_borrow() {
        items.iter().for_each(visit);
    }
}

fn list_clear_refs(head: &ObjectHead, out: &mut Vec<Value>) {
    let l = unsafe { &*(head as *const ObjectHead as *const PyList) };
    if let Ok(mut items) = l.items.try_borrow_mut() {
        out.append(&mut items);
    }
}

pub static LIST_LAYOUT: Layout = crate::payload_layout!(PyList, "list", list_traverse, list_clear_refs);

/// Items are released last to first, as CPython's list_dealloc does (the order
/// is visible through `__del__`).
impl Drop for PyList {
    fn drop(&mut self) {
        release_reversed(std::mem::take(self.items.get_mut()));
    }
}

pub fn release_reversed(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

impl PyPayload for PyList {
    fn layout() -> &'static Layout {
        &LIST_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &LIST_TYPE
    }
}

pub static LIST_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "list",
    layout: &LIST_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::LIST_SUBCLASS | flags::SEQUENCE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: LIST_METHODS,
    getsets: &[],
    doc: Some("Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified."),
    module: None,
});

impl PyList {
    pub fn new_value(items: Vec<Value>) -> Value {
        heap::alloc(&LIST_TYPE, PyList { head: ObjectHead::uninit(), items: RefCell::new(items) })
    }
    pub fn new_of_type(ty: &PyType, items: Vec<Value>) -> Value {
        heap::alloc(ty, PyList { head: ObjectHead::uninit(), items: RefCell::new(items) })
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
}

pub fn as_list(v: &Value) -> Option<&PyList> {
    v.downcast::<PyList>()
}

fn this(v: &Value) -> PyResult<&PyList> {
    as_list(v).ok_or_else(|| type_error(format!("descriptor requires a 'list' object but received a '{}'", v.ty().name())))
}

fn list_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let l = this(v)?;
    if l.is_empty() {
        return Ok(super::str::new_str("[]"));
    }
    if !vm.repr_enter(v) {
        return Ok(super::str::new_str("[...]"));
    }
    let result = (|| {
        let mut out = String::from("[");
        let mut i = 0;
        while let Some(it) = this(v)?.get(i) {
            if i > 0 {
                out.push_str(", ");
            }
            let r = crate::vm::ops::repr(vm, &it)?;
            out.push_str(super::str::as_str(&r).unwrap_or(""));
            i += 1;
        }
        out.push(']');
        Ok(super::str::new_string(out))
    })();
    vm.repr_leave(v);
    result
}

fn list_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_list(a), as_list(b)) else {
        return Ok(not_implemented());
    };
    let (x, y) = (x.snapshot(), y.snapshot());
    super::tuple::seq_richcompare(vm, &x, &y, op)
}

fn list_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.len())
}

fn list_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let mut i = 0;
    while let Some(it) = this(v)?.get(i) {
        if it.is(x) || crate::vm::ops::eq(vm, &it, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

pub fn list_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(i) = key.as_small_int() {
        let l = this(v)?;
        let items = l.items.borrow();
        let n = items.len() as i64;
        let idx = if i < 0 { i + n } else { i };
        if idx < 0 || idx >= n {
            return Err(index_error("list index out of range"));
        }
        return Ok(items[idx as usize].clone());
    }
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let len = this(v)?.len();
        let (start, _stop, step, n) = slice.indices(vm, len)?;
        let items = this(v)?.items.borrow();
        let out: Vec<Value> = (0..n)
            .filter_map(|k| items.get((start + k as i64 * step) as usize).cloned())
            .collect();
        return Ok(PyList::new_value(out));
    }
    let i = list_index_value(vm, key)?;
    let l = this(v)?;
    let items = l.items.borrow();
    let n = items.len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("list index out of range"));
    }
    Ok(items[idx as usize].clone())
}

/// A list index (`PyNumber_AsSsize_t(key, PyExc_IndexError)`).
fn list_index_value(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if let Some(i) = key.as_small_int() {
        return Ok(i);
    }
    if !super::int::is_int(key) && key.ty().slots.index.get().is_none() {
        return Err(type_error(format!("list indices must be integers or slices, not {}", key.ty().name())));
    }
    crate::vm::ops::index_value(vm, key)
}

/// CPython's `PySequence_Fast`: the items of an iterable, with `msg` as the
/// TypeError when `v` is not iterable.
pub fn sequence_fast(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    if let Some(l) = as_list(v) {
        return Ok(l.snapshot());
    }
    if let Some(t) = super::tuple::as_tuple(v) {
        return Ok(t.to_vec());
    }
    let it = crate::vm::ops::iter(vm, v).map_err(|e| if e.matches(&super::exceptions::TYPE_ERROR) { type_error(msg) } else { e })?;
    let mut out = Vec::new();
    while let Some(x) = crate::vm::ops::next(vm, &it)? {
        out.push(x);
    }
    Ok(out)
}

fn list_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    if let Some(slice) = key.downcast::<super::slice::PySlice>() {
        let len = this(v)?.len();
        let (start, stop, step, n) = slice.indices(vm, len)?;
        return match value {
            None => {
                let l = this(v)?;
                let mut items = l.items.borrow_mut();
                if step == 1 {
                    let (a, b) = (start as usize, (start as usize + n).min(items.len()));
                    let removed: Vec<Value> = items.drain(a..b).collect();
                    drop(items);
                    drop(removed);
                } else {
                    let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
                    idx.sort_unstable();
                    let mut removed = Vec::with_capacity(idx.len());
                    for i in idx.into_iter().rev() {
                        if i < items.len() {
                            removed.push(items.remove(i));
                        }
                    }
                    drop(items);
                    drop(removed);
                }
                Ok(())
            }
            Some(val) => {
                let new_items = if val.is(v) {
                    this(v)?.snapshot()
                } else {
                    sequence_fast(vm, val, "must assign iterable to extended slice")?
                };
                let l = this(v)?;
                if step == 1 {
                    let mut items = l.items.borrow_mut();
                    let a = (start as usize).min(items.len());
                    let b = if stop < start { a } else { (stop as usize).min(items.len()).max(a) };
                    let removed: Vec<Value> = items.splice(a..b, new_items).collect();
                    drop(items);
                    drop(removed);
                    Ok(())
                } else {
                    if new_items.len() != n {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            n
                        )));
                    }
                    let mut items = l.items.borrow_mut();
                    let mut old = Vec::with_capacity(n);
                    for (k, it) in new_items.into_iter().enumerate() {
                        let i = (start + k as i64 * step) as usize;
                        if i < items.len() {
                            old.push(std::mem::replace(&mut items[i], it));
                        }
                    }
                    drop(items);
                    drop(old);
                    Ok(())
                }
            }
        };
    }
    let i = list_index_value(vm, key)?;
    let l = this(v)?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error(if value.is_some() {
            "list assignment index out of range"
        } else {
            "list assignment index out of range"
        }));
    }
    match value {
        Some(val) => {
            let old = std::mem::replace(&mut items[idx as usize], val.clone());
            drop(items);
            drop(old);
        }
        None => {
            let old = items.remove(idx as usize);
            drop(items);
            drop(old);
        }
    }
    Ok(())
}

fn list_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            let (Some(x), Some(y)) = (as_list(a), as_list(b)) else { return Ok(not_implemented()) };
            let mut out = x.snapshot();
            out.extend(y.snapshot());
            Ok(PyList::new_value(out))
        }
        BinaryOperator::Multiply => {
            let (l, n) = match (as_list(a), as_list(b)) {
                (Some(l), _) => (l.snapshot(), b),
                (None, Some(l)) => (l.snapshot(), a),
                _ => return Ok(not_implemented()),
            };
            if !super::int::is_int(n) && n.ty().slots.index.get().is_none() {
                return Ok(not_implemented());
            }
            let count = super::bytes::repeat_count(vm, n)?;
            Ok(PyList::new_value(repeat_items(&l, count)?))
        }
        _ => Ok(not_implemented()),
    }
}

/// Whether `ty` has CPython's `sq_repeat` (the built-in sequences and their
/// subclasses): `PyNumber_Multiply` reports a non-integer count against it.
pub fn has_sq_repeat(ty: &PyType) -> bool {
    [
        &LIST_TYPE,
        &super::tuple::TUPLE_TYPE,
        &super::str::STR_TYPE,
        &super::bytes::BYTES_TYPE,
        &super::bytearray::BYTEARRAY_TYPE,
        &crate::modules::collections::DEQUE_TYPE,
    ]
    .into_iter()
    .any(|t| ty.is_subtype(t))
}

/// `PyNumber_Add`'s last resort: the `sq_concat` of the left operand's type, which for
/// the built-in sequences only fails (their binop slots already concatenated what they
/// accept).  None when the type has no `sq_concat`.
pub fn sq_concat_error(a: &Value, b: &Value) -> Option<crate::vm::PyErr> {
    let ty = a.ty();
    let other = b.ty().tp_name();
    if ty.is_subtype(&super::bytes::BYTES_TYPE) || ty.is_subtype(&super::bytearray::BYTEARRAY_TYPE) {
        return Some(type_error(format!("can't concat {other} to {}", ty.name())));
    }
    let kind = if ty.is_subtype(&LIST_TYPE) {
        "list"
    } else if ty.is_subtype(&super::tuple::TUPLE_TYPE) {
        "tuple"
    } else if ty.is_subtype(&super::str::STR_TYPE) {
        "str"
    } else if ty.is_subtype(&crate::modules::collections::DEQUE_TYPE) {
        "deque"
    } else {
        return None;
    };
    Some(type_error(format!("can only concatenate {kind} (not \"{other}\") to {kind}")))
}

pub fn repeat_items(items: &[Value], count: i64) -> PyResult<Vec<Value>> {
    let count = count.max(0) as usize;
    let total = items.len().checked_mul(count).ok_or_else(crate::vm::memory_error)?;
    if total > (1 << 32) {
        return Err(crate::vm::memory_error());
    }
    let mut out = Vec::with_capacity(total);
    for _ in 0..count {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn list_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    match op.base() {
        BinaryOperator::Add => {
            list_extend_impl(vm, a, b)?;
            Ok(a.clone())
        }
        BinaryOperator::Multiply => {
            if !super::int::is_int(b) && b.ty().slots.index.get().is_none() {
                return Ok(not_implemented());
            }
            let count = super::bytes::repeat_count(vm, b)?;
            let l = this(a)?;
            let items = repeat_items(&l.snapshot(), count)?;
            let old = std::mem::replace(&mut *l.items.borrow_mut(), items);
            drop(old);
            Ok(a.clone())
        }
        _ => Ok(not_implemented()),
    }
}

fn list_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::iter::new_list_iter(v.clone()))
}

fn list_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&LIST_TYPE);
    Ok(PyList::new_of_type(ty, Vec::new()))
}

fn list_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    args.no_kwargs("list")?;
    let pos = args.check("list", 0, 1)?;
    let old = std::mem::take(&mut *this(v)?.items.borrow_mut());
    drop(old);
    match pos.first() {
        Some(it) => list_extend_impl(vm, v, it),
        None => Ok(()),
    }
}

fn list_append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, x) = args.one_arg("list.append")?;
    this(l)?.push(x.clone());
    Ok(none())
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, it) = args.one_arg("list.extend")?;
    list_extend_impl(vm, l, it)?;
    Ok(none())
}

/// CPython's `list_extend`: lists and tuples are copied at once; other iterables
/// append item by item, so the iterator sees (and may change) the growing list.
fn list_extend_impl(vm: &mut Vm, l: &Value, it: &Value) -> PyResult<()> {
    if let Some(src) = it.downcast_exact::<PyList>() {
        let items = src.snapshot();
        this(l)?.items.borrow_mut().extend(items);
        return Ok(());
    }
    if let Some(t) = it.downcast_exact::<super::tuple::PyTuple>() {
        this(l)?.items.borrow_mut().extend_from_slice(t.items());
        return Ok(());
    }
    let iter = crate::vm::ops::iter(vm, it)?;
    let hint = crate::modules::operator::length_hint(vm, it, 8)?;
    // CPython preallocates the hinted size: an absurd hint is a MemoryError.
    if hint > 1 << 32 {
        return Err(crate::vm::memory_error());
    }
    this(l)?.items.borrow_mut().reserve(hint.clamp(0, 1 << 20) as usize);
    while let Some(x) = crate::vm::ops::next(vm, &iter)? {
        this(l)?.push(x);
    }
    Ok(())
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, pos) = args.method("list.insert", 2, 2)?;
    let (i, x) = (&pos[0], &pos[1]);
    let i = crate::vm::ops::index_value(vm, i)?;
    let list = this(l)?;
    let mut items = list.items.borrow_mut();
    let n = items.len() as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(idx as usize, x.clone());
    Ok(none())
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, pos) = args.method("list.pop", 0, 1)?;
    let list = this(l)?;
    let i = match pos.first() {
        Some(i) => crate::vm::ops::index_value(vm, i)?,
        None => -1,
    };
    let mut items = list.items.borrow_mut();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let n = items.len() as i64;
    let idx = if i < 0 { i + n } else { i };
    if idx < 0 || idx >= n {
        return Err(index_error("pop index out of range"));
    }
    Ok(items.remove(idx as usize))
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, x) = args.one_arg("list.remove")?;
    let mut i = 0;
    while let Some(it) = this(l)?.get(i) {
        if it.is(x) || crate::vm::ops::eq(vm, &it, x)? {
            let list = this(l)?;
            let mut items = list.items.borrow_mut();
            if i < items.len() {
                let old = items.remove(i);
                drop(items);
                drop(old);
            }
            return Ok(none());
        }
        i += 1;
    }
    Err(value_error("list.remove(x): x not in list"))
}

/// `start`/`stop` arguments of `index()` methods (positions 1 and 2 of `pos`, the
/// arguments after `self`), converted as `_PyEval_SliceIndexNotNone` does.
pub fn slice_bounds(vm: &mut Vm, pos: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let index = |vm: &mut Vm, v: &Value| -> PyResult<i64> {
        crate::vm::ops::index_opt(vm, v)?
            .ok_or_else(|| type_error("slice indices must be integers or have an __index__ method"))
    };
    let start = match pos.get(1) {
        Some(v) => norm(index(vm, v)?),
        None => 0,
    };
    let stop = match pos.get(2) {
        Some(v) => norm(index(vm, v)?),
        None => len,
    };
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, pos) = args.method("list.index", 1, 3)?;
    let len = this(l)?.len();
    let (start, stop) = slice_bounds(vm, pos, len)?;
    let mut i = start;
    while i < stop {
        let Some(it) = this(l)?.get(i) else { break };
        if it.is(&pos[0]) || crate::vm::ops::eq(vm, &it, &pos[0])? {
            return Ok(new_int(i as i64));
        }
        i += 1;
    }
    let r = crate::vm::ops::repr_string(vm, &pos[0])?;
    Err(value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (l, x) = args.one_arg("list.count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(it) = this(l)?.get(i) {
        if it.is(x) || crate::vm::ops::eq(vm, &it, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

fn list_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = args.noargs("list.reverse")?;
    this(l)?.items.borrow_mut().reverse();
    Ok(none())
}

fn list_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = args.noargs("list.copy")?;
    Ok(PyList::new_value(this(l)?.snapshot()))
}

fn list_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = args.noargs("list.clear")?;
    let old = std::mem::take(&mut *this(l)?.items.borrow_mut());
    release_reversed(old);
    Ok(none())
}

/// Stable merge sort with a fallible `lt`, CPython's sort semantics (no panics on
/// inconsistent comparisons).
pub fn merge_sort(vm: &mut Vm, keys: &mut Vec<(Value, usize)>, lt: &mut dyn FnMut(&mut Vm, &Value, &Value) -> PyResult<bool>) -> PyResult<()> {
    let n = keys.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for short runs, then bottom-up merges.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                if lt(vm, &keys[j].0, &keys[j - 1].0)? {
                    keys.swap(j, j - 1);
                    j -= 1;
                } else {
                    break;
                }
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<(Value, usize)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if lt(vm, &keys[j].0, &keys[i].0)? {
                        buf.push(keys[j].clone());
                        j += 1;
                    } else {
                        buf.push(keys[i].clone());
                        i += 1;
                    }
                }
                buf.extend(keys[i..mid].iter().cloned());
                buf.extend(keys[j..hi].iter().cloned());
                for (k, item) in buf.drain(..).enumerate() {
                    keys[lo + k] = item;
                }
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// `list.sort(*, key=None, reverse=False)` on a detached vector.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let mut keyed: Vec<(Value, usize)> = Vec::with_capacity(items.len());
    match key {
        Some(k) => {
            for it in &items {
                keyed.push((crate::vm::call::call(vm, k, std::slice::from_ref(it))?, keyed.len()));
            }
        }
        None => {
            for it in &items {
                keyed.push((it.clone(), keyed.len()));
            }
        }
    }
    if reverse {
        keyed.reverse();
    }
    let mut lt = |vm: &mut Vm, a: &Value, b: &Value| crate::vm::ops::lt(vm, a, b);
    merge_sort(vm, &mut keyed, &mut lt)?;
    if reverse {
        keyed.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    // Each key carries its item's original index, so the sorted keys give the order.
    let order: Vec<usize> = keyed.iter().map(|(_, i)| *i).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::kw;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("sort", &[kw("key"), kw("reverse")]);
    let Some(l) = args.values.first().filter(|_| args.values.len() > args.kwnames.len()).cloned() else {
        return Err(type_error("unbound method list.sort() needs an argument"));
    };
    let [key, reverse] = SIG.parse::<2>(args.shift())?;
    let key = key.filter(|k| !super::singletons::is_none(k));
    let reverse = match reverse {
        Some(r) => crate::vm::ops::is_true(vm, &r)?,
        None => false,
    };
    let list = this(&l)?;
    let items = std::mem::take(&mut *list.items.borrow_mut());
    let result = sort_values(vm, items.clone(), key.as_ref(), reverse);
    let list = this(&l)?;
    let modified = !list.items.borrow().is_empty();
    match result {
        Ok(sorted) => {
            let old = std::mem::replace(&mut *list.items.borrow_mut(), sorted);
            drop(old);
            if modified {
                return Err(value_error("list modified during sort"));
            }
            Ok(none())
        }
        Err(e) => {
            let old = std::mem::replace(&mut *list.items.borrow_mut(), items);
            drop(old);
            Err(e)
        }
    }
}

fn list_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = args.noargs("list.__reversed__")?;
    let index = this(l)?.len() as isize - 1;
    Ok(heap::alloc(
        &LIST_REVITER_TYPE,
        PyListRevIter { head: ObjectHead::uninit(), list: RefCell::new(Some(l.clone())), index: std::cell::Cell::new(index) },
    ))
}

/// `list_reverseiterator` (CPython's `listreviterobject`): walks down from the last
/// index, stopping for good once the index leaves the (possibly shrunk) list.
#[repr(C)]
pub struct PyListRevIter {
    head: ObjectHead,
    list: RefCell<Option<Value>>,
    index: std::cell::Cell<isize>,
}

fn listreviter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let it = unsafe { &*(head as *const ObjectHead as *const PyListRevIter) };
    if let Ok(l) = it.list.try_borrow() {
        if let Some(l) = &*l {
            visit(l);
        }
    }
}

fn listreviter_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let it = unsafe { &*(head as *const ObjectHead as *const PyListRevIter) };
    if let Ok(mut l) = it.list.try_borrow_mut() {
        out.extend(l.take());
    }
}

pub static LIST_REVITER_LAYOUT: Layout =
    crate::payload_layout!(PyListRevIter, "list_reverseiterator", listreviter_traverse, listreviter_clear);

impl PyPayload for PyListRevIter {
    fn layout() -> &'static Layout {
        &LIST_REVITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &LIST_REVITER_TYPE
    }
}

pub static LIST_REVITER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "list_reverseiterator",
    layout: &LIST_REVITER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: LIST_REVITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

fn listreviter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyListRevIter>().ok_or_else(|| type_error("list_reverseiterator expected"))?;
    let i = it.index.get();
    let item = match &*it.list.borrow() {
        Some(l) if i >= 0 => as_list(l).and_then(|l| l.get(i as usize)),
        _ => None,
    };
    match item {
        Some(x) => {
            it.index.set(i - 1);
            Ok(Some(x))
        }
        None => {
            it.index.set(-1);
            let old = it.list.borrow_mut().take();
            drop(old);
            Ok(None)
        }
    }
}

fn listreviter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn listreviter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("list_reverseiterator.__length_hint__")?;
    let it = v.downcast::<PyListRevIter>().ok_or_else(|| type_error("list_reverseiterator expected"))?;
    let n = it.index.get() + 1;
    let n = match &*it.list.borrow() {
        Some(l) if as_list(l).is_some_and(|l| l.len() as isize >= n) => n,
        _ => 0,
    };
    Ok(new_int(n as i64))
}

pub static LIST_REVITER_METHODS: &[MethodDef] =
    &[MethodDef::method("__length_hint__", listreviter_length_hint)];

fn list_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = args.noargs("list.__sizeof__")?;
    Ok(new_int(40 + 8 * this(l)?.items.borrow().capacity() as i64))
}

pub static LIST_METHODS: &[MethodDef] = &[
    MethodDef::method("append", list_append),
    MethodDef::method("extend", list_extend),
    MethodDef::method("insert", list_insert),
    MethodDef::method("pop", list_pop),
    MethodDef::method("remove", list_remove),
    MethodDef::method("index", list_index),
    MethodDef::method("count", list_count),
    MethodDef::method("reverse", list_reverse),
    MethodDef::method("copy", list_copy),
    MethodDef::method("clear", list_clear),
    MethodDef::method("sort", list_sort),
    MethodDef::method("__reversed__", list_reversed),
    MethodDef::method("__sizeof__", list_sizeof),
    MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem),
];

pub fn init_type() {
    LIST_REVITER_TYPE.slots.iter.set(Some(listreviter_self));
    LIST_REVITER_TYPE.slots.iternext.set(Some(listreviter_next));
    let s = &LIST_TYPE.slots;
    s.repr.set(Some(list_repr));
    s.hash.set(Some(crate::vm::ops::hash_not_implemented));
    s.richcompare.set(Some(list_richcompare));
    s.len.set(Some(list_len));
    s.contains.set(Some(list_contains));
    s.getitem.set(Some(list_getitem));
    s.setitem.set(Some(list_setitem));
    s.iter.set(Some(list_iter));
    s.new.set(Some(list_new));
    s.init.set(Some(list_init));
    s.binop[BinaryOperator::Add as usize].set(Some(list_binop));
    s.binop[BinaryOperator::Multiply as usize].set(Some(list_binop));
    s.inplace[BinaryOperator::Add as usize].set(Some(list_inplace));
    s.inplace[BinaryOperator::Multiply as usize].set(Some(list_inplace));
}
