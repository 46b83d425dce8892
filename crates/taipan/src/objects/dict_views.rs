//! Dict views (`dict_keys`, `dict_values`, `dict_items`) and dict iterators.
//! Mirrors the view and iterator parts of CPython's `Objects/dictobject.c`.

use std::cell::Cell;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::dict::PyDict;
use super::str::new_string;
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, runtime_error, type_error, Args, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[repr(C)]
pub struct PyDictView {
    head: ObjectHead,
    pub dict: Value,
    kind: ViewKind,
}

fn view_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let v = unsafe { &*(head as *const ObjectHead as *const PyDictView) };
    visit(&v.dict);
}

pub static VIEW_LAYOUT: Layout = crate::payload_layout!(PyDictView, "dict_view", view_traverse, heap::no_clear);

impl PyPayload for PyDictView {
    fn layout() -> &'static Layout {
        &VIEW_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DICT_KEYS_TYPE
    }
}

macro_rules! view_type {
    ($s:ident, $name:literal, $methods:expr) => {
        pub static $s: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &VIEW_LAYOUT,
            flags: flags::HAVE_GC,
            base: Some(&super::object::OBJECT_TYPE),
            methods: $methods,
            getsets: VIEW_GETSETS,
            doc: None,
            module: None,
        });
    };
}

view_type!(DICT_KEYS_TYPE, "dict_keys", VIEW_METHODS);
view_type!(DICT_VALUES_TYPE, "dict_values", VALUES_METHODS);
view_type!(DICT_ITEMS_TYPE, "dict_items", VIEW_METHODS);

pub fn new_view(dict: Value, kind: ViewKind) -> Value {
    let ty: &PyType = match kind {
        ViewKind::Keys => &DICT_KEYS_TYPE,
        ViewKind::Values => &DICT_VALUES_TYPE,
        ViewKind::Items => &DICT_ITEMS_TYPE,
    };
    heap::alloc(ty, PyDictView { head: ObjectHead::uninit(), dict, kind })
}

fn view(v: &Value) -> PyResult<&PyDictView> {
    v.downcast::<PyDictView>().ok_or_else(|| type_error("dict view expected"))
}

fn view_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(PyDict::len(&view(v)?.dict))
}

fn view_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let w = view(v)?;
    Ok(new_dict_iter(w.dict.clone(), w.kind, false))
}

fn view_contains(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let w = view(v)?;
    let d = w.dict.clone();
    match w.kind {
        ViewKind::Keys => PyDict::contains(vm, &d, x),
        ViewKind::Items => {
            let Some(t) = super::tuple::as_tuple(x).filter(|t| t.len() == 2).map(|t| t.to_vec()) else {
                return Ok(false);
            };
            match PyDict::get_item_opt(vm, &d, &t[0])? {
                Some(val) => Ok(val.is(&t[1]) || ops::eq(vm, &val, &t[1])?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for (_, val) in PyDict::items_vec(&d) {
                if val.is(x) || ops::eq(vm, &val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if !vm.repr_enter(v) {
        return Ok(super::str::new_str("..."));
    }
    let result = (|| {
        let items = ops::collect_iter(vm, v)?;
        let list = super::list::PyList::new_value(items);
        let r = ops::repr_string(vm, &list)?;
        Ok(new_string(format!("{}({})", v.ty().name(), r)))
    })();
    vm.repr_leave(v);
    result
}

fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = ops::collect_iter(vm, v)?;
    super::set::new_set(vm, items)
}

fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if !matches!(op.base(), BinaryOperator::And | BinaryOperator::Or | BinaryOperator::Xor | BinaryOperator::Subtract) {
        return Ok(super::singletons::not_implemented());
    }
    let a_view = a.downcast::<PyDictView>().filter(|w| w.kind != ViewKind::Values).is_some();
    let b_view = b.downcast::<PyDictView>().filter(|w| w.kind != ViewKind::Values).is_some();
    if !a_view && !b_view {
        return Ok(super::singletons::not_implemented());
    }
    if a_view {
        let sa = to_set(vm, a)?;
        if b.ty().slots.iter.get().is_none() {
            return Ok(super::singletons::not_implemented());
        }
        let sb = to_set(vm, b)?;
        return ops::binary_op(vm, &sa, &sb, op.base());
    }
    let sa = to_set(vm, a)?;
    let sb = to_set(vm, b)?;
    ops::binary_op(vm, &sa, &sb, op.base())
}

fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let Ok(w) = view(a) else { return Ok(super::singletons::not_implemented()) };
    if w.kind == ViewKind::Values {
        return Ok(super::singletons::not_implemented());
    }
    let b_setlike = b.downcast::<PyDictView>().map(|w| w.kind != ViewKind::Values).unwrap_or(false)
        || std::ptr::eq(b.ty(), &super::set::SET_TYPE)
        || std::ptr::eq(b.ty(), &super::set::FROZENSET_TYPE);
    if !b_setlike {
        return Ok(super::singletons::not_implemented());
    }
    let sa = to_set(vm, a)?;
    let sb = if b.downcast::<PyDictView>().is_some() { to_set(vm, b)? } else { b.clone() };
    ops::richcompare(vm, &sa, &sb, op)
}

fn m_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let qualname = format!("{}.isdisjoint", args.values.first().map_or_else(|| "dict_keys".to_string(), |v| v.ty().name().to_string()));
    let (v, other) = args.one_arg(&qualname)?;
    for x in ops::collect_iter(vm, other)? {
        if view_contains(vm, v, &x)? {
            return Ok(super::singletons::bool_value(false));
        }
    }
    Ok(super::singletons::bool_value(true))
}

fn m_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let qualname = format!("{}.__reversed__", args.values.first().map_or_else(|| "dict_keys".to_string(), |v| v.ty().name().to_string()));
    let v = args.noargs(&qualname)?;
    let w = view(v)?;
    Ok(new_dict_iter(w.dict.clone(), w.kind, true))
}

fn get_mapping(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::mappingproxy::new_mappingproxy(view(v)?.dict.clone()))
}

pub static VIEW_METHODS: &[MethodDef] = &[
    MethodDef::method("isdisjoint", m_isdisjoint),
    MethodDef::method("__reversed__", m_reversed),
];

pub static VALUES_METHODS: &[MethodDef] = &[MethodDef::method("__reversed__", m_reversed)];

pub static VIEW_GETSETS: &[GetSetDef] = &[GetSetDef::new("mapping", get_mapping)];

#[repr(C)]
pub struct PyDictIter {
    head: ObjectHead,
    dict: Value,
    kind: ViewKind,
    reversed: bool,
    /// Next entry position (forward) or one past it (reversed).
    pos: Cell<usize>,
    len_at_start: usize,
    remaining: Cell<usize>,
}

fn iter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let v = unsafe { &*(head as *const ObjectHead as *const PyDictIter) };
    visit(&v.dict);
}

pub static DICT_ITER_LAYOUT: Layout = crate::payload_layout!(PyDictIter, "dict_iterator", iter_traverse, heap::no_clear);

impl PyPayload for PyDictIter {
    fn layout() -> &'static Layout {
        &DICT_ITER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DICT_KEYITER_TYPE
    }
}

macro_rules! iter_type {
    ($s:ident, $name:literal) => {
        pub static $s: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &DICT_ITER_LAYOUT,
            flags: flags::HAVE_GC,
            base: Some(&super::object::OBJECT_TYPE),
            methods: ITER_METHODS,
            getsets: &[],
            doc: None,
            module: None,
        });
    };
}

iter_type!(DICT_KEYITER_TYPE, "dict_keyiterator");
iter_type!(DICT_VALUEITER_TYPE, "dict_valueiterator");
iter_type!(DICT_ITEMITER_TYPE, "dict_itemiterator");
iter_type!(DICT_REVKEYITER_TYPE, "dict_reversekeyiterator");
iter_type!(DICT_REVVALUEITER_TYPE, "dict_reversevalueiterator");
iter_type!(DICT_REVITEMITER_TYPE, "dict_reverseitemiterator");

pub fn new_dict_iter(dict: Value, kind: ViewKind, reversed: bool) -> Value {
    let ty: &PyType = match (kind, reversed) {
        (ViewKind::Keys, false) => &DICT_KEYITER_TYPE,
        (ViewKind::Values, false) => &DICT_VALUEITER_TYPE,
        (ViewKind::Items, false) => &DICT_ITEMITER_TYPE,
        (ViewKind::Keys, true) => &DICT_REVKEYITER_TYPE,
        (ViewKind::Values, true) => &DICT_REVVALUEITER_TYPE,
        (ViewKind::Items, true) => &DICT_REVITEMITER_TYPE,
    };
    let len = PyDict::len(&dict);
    let start = if reversed { dict.downcast::<PyDict>().map(|d| d.table.borrow().entries.len()).unwrap_or(0) } else { 0 };
    heap::alloc(ty, PyDictIter { head: ObjectHead::uninit(), dict, kind, reversed, pos: Cell::new(start), len_at_start: len, remaining: Cell::new(len) })
}

fn dict_iter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v.downcast::<PyDictIter>().ok_or_else(|| type_error("dict iterator expected"))?;
    let d = it.dict.downcast::<PyDict>().ok_or_else(|| type_error("dict expected"))?;
    if it.remaining.get() == usize::MAX {
        return Ok(None);
    }
    if PyDict::len(&it.dict) != it.len_at_start {
        it.remaining.set(usize::MAX);
        return Err(runtime_error("dictionary changed size during iteration"));
    }
    let table = d.table.borrow();
    let found = if it.reversed {
        let mut p = it.pos.get();
        let mut found = None;
        while p > 0 {
            p -= 1;
            if let Some(e) = &table.entries[p.min(table.entries.len().saturating_sub(1))] {
                if p < table.entries.len() {
                    found = Some((e.key.clone(), e.value.clone()));
                    break;
                }
            }
        }
        it.pos.set(p);
        found
    } else {
        let mut p = it.pos.get();
        let mut found = None;
        while p < table.entries.len() {
            if let Some(e) = &table.entries[p] {
                found = Some((e.key.clone(), e.value.clone()));
                p += 1;
                break;
            }
            p += 1;
        }
        it.pos.set(p);
        found
    };
    drop(table);
    match found {
        None => {
            it.remaining.set(usize::MAX);
            Ok(None)
        }
        Some(_) if it.remaining.get() == 0 && !it.reversed => {
            // CPython's dictiter_iternextkey: an entry past the expected count means
            // keys were replaced while the size stayed equal.
            it.remaining.set(usize::MAX);
            Err(runtime_error("dictionary keys changed during iteration"))
        }
        Some((k, val)) => {
            it.remaining.set(it.remaining.get().saturating_sub(1));
            Ok(Some(match it.kind {
                ViewKind::Keys => k,
                ViewKind::Values => val,
                ViewKind::Items => super::tuple::new_tuple(vec![k, val]),
            }))
        }
    }
}

fn iter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = v.downcast::<PyDictIter>().ok_or_else(|| type_error("dict iterator expected"))?;
    let r = it.remaining.get();
    Ok(super::int::new_int(if r == usize::MAX { 0 } else { r as i64 }))
}

pub static ITER_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", iter_length_hint)];

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

pub fn init_types() {
    for t in [&DICT_KEYS_TYPE, &DICT_VALUES_TYPE, &DICT_ITEMS_TYPE] {
        let s = &t.slots;
        s.len.set(Some(view_len));
        s.iter.set(Some(view_iter));
        s.contains.set(Some(view_contains));
        s.repr.set(Some(view_repr));
    }
    for t in [&DICT_KEYS_TYPE, &DICT_ITEMS_TYPE] {
        let s = &t.slots;
        s.richcompare.set(Some(view_richcompare));
        s.hash.set(Some(ops::hash_not_implemented));
        for op in [BinaryOperator::And, BinaryOperator::Or, BinaryOperator::Xor, BinaryOperator::Subtract] {
            s.binop[op as usize].set(Some(view_binop));
        }
    }
    for t in [&DICT_KEYITER_TYPE, &DICT_VALUEITER_TYPE, &DICT_ITEMITER_TYPE, &DICT_REVKEYITER_TYPE, &DICT_REVVALUEITER_TYPE, &DICT_REVITEMITER_TYPE] {
        t.slots.iter.set(Some(self_iter));
        t.slots.iternext.set(Some(dict_iter_next));
    }
}
