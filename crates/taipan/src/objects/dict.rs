//! `dict`: insertion-ordered hash tables.
//!
//! Mirrors CPython's `Objects/dictobject.c` (see its `dictnotes.txt`): a compact table of
//! entries in insertion order plus an open-addressing index (CPython's probe sequence:
//! `i = (5*i + perturb + 1) & mask`, `perturb >>= 5`).
//!
//! Keys' `__eq__` may be Python code that mutates the dict: a lookup never holds a
//! borrow while calling it, and restarts when the dict's `version` changed meanwhile, as
//! CPython restarts `lookdict`.  Views and iterators live in `dict_views.rs`.

use std::cell::{Cell, RefCell};

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::singletons::{bool_value, none, not_implemented};
use super::str::{as_pystr, PyStr};
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{key_error, type_error, Args, PyResult, Vm};

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictTable {
    indices: Vec<i32>,
    pub entries: Vec<Option<Entry>>,
    used: usize,
    /// Slots of `indices` not EMPTY (live + dummies).
    filled: usize,
}

impl DictTable {
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    fn rebuild(&mut self, min_used: usize) {
        let mut size = 8;
        while size * 2 < min_used * 3 + 1 {
            size *= 2;
        }
        // Compact the entries in place (deleted slots go), then re-index them.
        self.entries.retain(Option::is_some);
        let want = size * 2 / 3;
        if self.entries.capacity() < want {
            self.entries.reserve(want - self.entries.len());
        }
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let Some(e) = e else { continue };
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
            self.indices[i] = ix as i32;
        }
        self.filled = self.entries.len();
        self.used = self.entries.len();
    }

    /// Inserts an entry whose key is known to be absent.
    fn insert_new(&mut self, e: Entry) {
        if self.indices.is_empty() || (self.filled + 1) * 3 > self.indices.len() * 2 {
            self.rebuild(self.used * 3 + 1);
        }
        let mask = self.mask();
        let mut perturb = e.hash as u64;
        let mut i = (e.hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY || ix == DUMMY {
                if ix == EMPTY {
                    self.filled += 1;
                }
                self.indices[i] = self.entries.len() as i32;
                self.entries.push(Some(e));
                self.used += 1;
                return;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Index-slot and entry index of the key with this identity or str equality, without
    /// calling Python code.  `Err(())` means a slot needs a Python `__eq__`.
    fn find_fast(&self, key: &Value, hash: i64) -> Result<Option<(usize, usize)>, ()> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let key_str = key.downcast_exact::<PyStr>();
        let mut needs_eq = false;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return if needs_eq { Err(()) } else { Ok(None) };
            }
            if ix >= 0 {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.key.is(key) {
                        return Ok(Some((i, ix as usize)));
                    }
                    if e.hash == hash {
                        match (key_str, e.key.downcast_exact::<PyStr>()) {
                            (Some(a), Some(b)) => {
                                if a.as_str() == b.as_str() {
                                    return Ok(Some((i, ix as usize)));
                                }
                            }
                            _ => {
                                if fast_eq(key, &e.key) == Some(true) {
                                    return Ok(Some((i, ix as usize)));
                                }
                                if fast_eq(key, &e.key).is_none() {
                                    needs_eq = true;
                                }
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }
}

/// Equality of two keys without running Python code, when it can be decided: ints,
/// floats, str and exact tuples of those.  `None` when a Python `__eq__` is needed.
fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x == y);
    }
    let ta = a.ty();
    let tb = b.ty();
    let simple = |t: &PyType| {
        std::ptr::eq(t, &super::str::STR_TYPE)
            || std::ptr::eq(t, &super::int::INT_TYPE)
            || std::ptr::eq(t, &super::float::FLOAT_TYPE)
            || std::ptr::eq(t, &super::singletons::BOOL_TYPE)
            || std::ptr::eq(t, &super::singletons::NONE_TYPE)
    };
    if simple(ta) && simple(tb) {
        if let (Some(x), Some(y)) = (as_pystr(a), as_pystr(b)) {
            return Some(x.as_str() == y.as_str());
        }
        if as_pystr(a).is_some() || as_pystr(b).is_some() {
            return Some(false);
        }
        if super::singletons::is_none(a) || super::singletons::is_none(b) {
            return Some(false);
        }
        if let (Some(x), Some(y)) = (super::int::as_int(a), super::int::as_int(b)) {
            return Some(x.to_bigint() == y.to_bigint());
        }
        let fx = super::float::as_f64_lossy(a)?;
        let fy = super::float::as_f64_lossy(b)?;
        return Some(fx == fy);
    }
    None
}

#[repr(C)]
pub struct PyDict {
    head: ObjectHead,
    pub table: RefCell<DictTable>,
    /// Bumped on every mutation (iteration and lookup-restart checks).
    pub version: Cell<u64>,
}

fn dict_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let d = unsafe { &*(head as *const ObjectHead as *const PyDict) };
    if let Ok(t) = d.table.try_borrow() {
        for e in t.entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
    }
}

fn dict_clear_refs(head: &ObjectHead, out: &mut Vec<Value>) {
    let d = unsafe { &*(head as *const ObjectHead as *const PyDict) };
    if let Ok(mut t) = d.table.try_borrow_mut() {
        for e in std::mem::take(&mut *t).entries.into_iter().flatten() {
            out.push(e.key);
            out.push(e.value);
        }
    }
    d.version.set(d.version.get() + 1);
}

pub static DICT_LAYOUT: Layout = crate::payload_layout!(PyDict, "dict", dict_traverse, dict_clear_refs);

impl PyPayload for PyDict {
    fn layout() -> &'static Layout {
        &DICT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DICT_TYPE
    }
}

pub static DICT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "dict",
    layout: &DICT_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::DICT_SUBCLASS | flags::MAPPING,
    base: Some(&super::object::OBJECT_TYPE),
    methods: DICT_METHODS,
    getsets: &[],
    doc: Some("dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)"),
    module: None,
});

fn this(v: &Value) -> PyResult<&PyDict> {
    v.downcast::<PyDict>()
        .ok_or_else(|| type_error(format!("descriptor requires a 'dict' object but received a '{}'", v.ty().name())))
}

impl PyDict {
    pub fn new_value() -> Value {
        heap::alloc(&DICT_TYPE, PyDict { head: ObjectHead::uninit(), table: RefCell::new(DictTable::default()), version: Cell::new(0) })
    }

    pub fn new_of_type(ty: &PyType) -> Value {
        heap::alloc(ty, PyDict { head: ObjectHead::uninit(), table: RefCell::new(DictTable::default()), version: Cell::new(0) })
    }

    fn bump(&self) {
        self.version.set(self.version.get() + 1);
    }

    pub fn len(d: &Value) -> usize {
        d.downcast::<PyDict>().map(|d| d.table.borrow().used).unwrap_or(0)
    }

    /// Finds the entry for `key`, calling Python `__eq__` when needed.
    /// Returns (index slot, entry index).
    fn lookup(vm: &mut Vm, dv: &Value, key: &Value, hash: i64) -> PyResult<Option<(usize, usize)>> {
        'restart: loop {
            let d = this(dv)?;
            match d.table.borrow().find_fast(key, hash) {
                Ok(found) => return Ok(found),
                Err(()) => {}
            }
            // Slow path: walk the probe sequence calling __eq__ with no borrow held.
            let (mask, len) = {
                let t = d.table.borrow();
                (t.mask(), t.indices.len())
            };
            if len == 0 {
                return Ok(None);
            }
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            loop {
                let candidate = {
                    let t = this(dv)?.table.borrow();
                    if t.indices.len() != len {
                        continue 'restart;
                    }
                    let ix = t.indices[i];
                    if ix == EMPTY {
                        return Ok(None);
                    }
                    if ix >= 0 {
                        t.entries[ix as usize].as_ref().filter(|e| e.hash == hash).map(|e| (ix as usize, e.key.clone()))
                    } else {
                        None
                    }
                };
                if let Some((ix, ekey)) = candidate {
                    if ekey.is(key) {
                        return Ok(Some((i, ix)));
                    }
                    let eq = crate::vm::ops::eq(vm, &ekey, key)?;
                    // Restart only when the table was rebuilt or this entry replaced
                    // (CPython's lookdict restarts on `dk` or `me_key` changing).
                    let still = {
                        let t = this(dv)?.table.borrow();
                        t.indices.len() == len && t.entries.get(ix).and_then(|e| e.as_ref()).map(|e| e.key.is(&ekey)).unwrap_or(false)
                    };
                    if !still {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Some((i, ix)));
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
            }
        }
    }

    pub fn get_item_opt(vm: &mut Vm, dv: &Value, key: &Value) -> PyResult<Option<Value>> {
        let hash = crate::vm::ops::hash(vm, key)?;
        Self::get_item_hashed(vm, dv, key, hash)
    }

    pub fn get_item_hashed(vm: &mut Vm, dv: &Value, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        match Self::lookup(vm, dv, key, hash)? {
            Some((_, ix)) => Ok(this(dv)?.table.borrow().entries[ix].as_ref().map(|e| e.value.clone())),
            None => Ok(None),
        }
    }

    /// Lookup by a str key without running Python code (globals, attributes, kwargs).
    pub fn get_str_item(dv: &Value, key: &Value) -> Option<Value> {
        let d = dv.downcast::<PyDict>()?;
        let hash = as_pystr(key)?.hash();
        let t = d.table.borrow();
        match t.find_fast(key, hash) {
            Ok(Some((_, ix))) => t.entries[ix].as_ref().map(|e| e.value.clone()),
            _ => None,
        }
    }

    pub fn get_str(dv: &Value, key: &str) -> Option<Value> {
        Self::get_str_item(dv, &super::str::intern(key))
    }

    /// Stores under a str key without running Python code.
    pub fn set_str_item(dv: &Value, key: Value, value: Value) {
        let Some(d) = dv.downcast::<PyDict>() else { return };
        let Some(hash) = as_pystr(&key).map(|s| s.hash()) else { return };
        d.bump();
        let mut t = d.table.borrow_mut();
        if let Ok(Some((_, ix))) = t.find_fast(&key, hash) {
            if let Some(e) = t.entries[ix].as_mut() {
                let old = std::mem::replace(&mut e.value, value);
                drop(t);
                drop(old);
                return;
            }
        }
        t.insert_new(Entry { hash, key, value });
    }

    pub fn set_str(dv: &Value, key: &str, value: Value) {
        Self::set_str_item(dv, super::str::intern(key), value)
    }

    pub fn set_item(vm: &mut Vm, dv: &Value, key: Value, value: Value) -> PyResult<()> {
        let hash = crate::vm::ops::hash(vm, &key)?;
        Self::set_item_hashed(vm, dv, key, value, hash)
    }

    pub fn set_item_hashed(vm: &mut Vm, dv: &Value, key: Value, value: Value, hash: i64) -> PyResult<()> {
        let found = Self::lookup(vm, dv, &key, hash)?;
        let d = this(dv)?;
        d.bump();
        let mut t = d.table.borrow_mut();
        if let Some((_, ix)) = found {
            if let Some(e) = t.entries.get_mut(ix).and_then(|e| e.as_mut()) {
                let old = std::mem::replace(&mut e.value, value);
                drop(t);
                drop(old);
                return Ok(());
            }
        }
        t.insert_new(Entry { hash, key, value });
        Ok(())
    }

    /// Removes `key`; `Ok(false)` when absent.
    pub fn del_item_opt(vm: &mut Vm, dv: &Value, key: &Value) -> PyResult<bool> {
        Ok(Self::pop_item(vm, dv, key)?.is_some())
    }

    pub fn pop_item(vm: &mut Vm, dv: &Value, key: &Value) -> PyResult<Option<Value>> {
        let hash = crate::vm::ops::hash(vm, key)?;
        let Some((slot, ix)) = Self::lookup(vm, dv, key, hash)? else {
            return Ok(None);
        };
        let d = this(dv)?;
        d.bump();
        let mut t = d.table.borrow_mut();
        let e = t.entries[ix].take();
        t.indices[slot] = DUMMY;
        t.used -= 1;
        drop(t);
        Ok(e.map(|e| e.value))
    }

    pub fn del_str(dv: &Value, key: &str) -> bool {
        let Some(d) = dv.downcast::<PyDict>() else { return false };
        let k = super::str::intern(key);
        let hash = as_pystr(&k).map(|s| s.hash()).unwrap_or(0);
        let mut t = d.table.borrow_mut();
        if let Ok(Some((slot, ix))) = t.find_fast(&k, hash) {
            let e = t.entries[ix].take();
            t.indices[slot] = DUMMY;
            t.used -= 1;
            drop(t);
            d.bump();
            drop(e);
            return true;
        }
        false
    }

    pub fn contains(vm: &mut Vm, dv: &Value, key: &Value) -> PyResult<bool> {
        let hash = crate::vm::ops::hash(vm, key)?;
        Ok(Self::lookup(vm, dv, key, hash)?.is_some())
    }

    /// Live entries in order (a snapshot).
    pub fn items_vec(dv: &Value) -> Vec<(Value, Value)> {
        match dv.downcast::<PyDict>() {
            Some(d) => d.table.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect(),
            None => Vec::new(),
        }
    }

    pub fn keys_vec(dv: &Value) -> Vec<Value> {
        match dv.downcast::<PyDict>() {
            Some(d) => d.table.borrow().entries.iter().flatten().map(|e| e.key.clone()).collect(),
            None => Vec::new(),
        }
    }

    /// The `n`-th live entry at or after entry position `pos`: (next position, key, value).
    pub fn entry_at(dv: &Value, pos: usize) -> Option<(usize, Value, Value)> {
        let d = dv.downcast::<PyDict>()?;
        let t = d.table.borrow();
        let mut p = pos;
        while p < t.entries.len() {
            if let Some(e) = &t.entries[p] {
                return Some((p + 1, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }

    pub fn clear(dv: &Value) {
        if let Some(d) = dv.downcast::<PyDict>() {
            d.bump();
            let old = std::mem::take(&mut *d.table.borrow_mut());
            drop(old);
        }
    }

    /// `dict.update(other)` where `other` is a dict or a mapping with keys().
    pub fn update_from(vm: &mut Vm, dv: &Value, other: &Value) -> PyResult<()> {
        // dict_merge: a dict whose type keeps dict's own __iter__ is read directly,
        // whatever its keys() or __getitem__.
        let dict_iter = DICT_TYPE.slots.iter.get().map(|f| f as *const ());
        if other.downcast::<PyDict>().is_some() && other.ty().slots.iter.get().map(|f| f as *const ()) == dict_iter {
            for (k, v) in Self::items_vec(other) {
                let hash = crate::vm::ops::hash(vm, &k)?;
                Self::set_item_hashed(vm, dv, k, v, hash)?;
            }
            return Ok(());
        }
        let keys = crate::vm::call::call_method(vm, other, "keys", &[])?;
        for k in crate::vm::ops::collect_iter(vm, &keys)? {
            let v = crate::vm::ops::getitem(vm, other, &k)?;
            Self::set_item(vm, dv, k, v)?;
        }
        Ok(())
    }

    /// `dict.update(iterable_of_pairs)`.
    pub fn update_from_pairs(vm: &mut Vm, dv: &Value, iterable: &Value) -> PyResult<()> {
        let it = crate::vm::ops::iter(vm, iterable)?;
        let mut n = 0;
        while let Some(item) = crate::vm::ops::next(vm, &it)? {
            let pair = crate::vm::ops::collect_iter(vm, &item).map_err(|e| {
                if e.matches(&super::exceptions::TYPE_ERROR) {
                    type_error(format!("cannot convert dictionary update sequence element #{n} to a sequence"))
                } else {
                    e
                }
            })?;
            if pair.len() != 2 {
                return Err(crate::vm::value_error(format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut pair = pair.into_iter();
            let (k, v) = (pair.next().expect("len 2"), pair.next().expect("len 2"));
            Self::set_item(vm, dv, k, v)?;
            n += 1;
        }
        Ok(())
    }

    pub fn copy_value(_vm: &mut Vm, dv: &Value) -> PyResult<Value> {
        let d = this(dv)?;
        let t = d.table.borrow();
        let mut nt = DictTable::default();
        for e in t.entries.iter().flatten() {
            nt.insert_new(e.clone());
        }
        Ok(heap::alloc(&DICT_TYPE, PyDict { head: ObjectHead::uninit(), table: RefCell::new(nt), version: Cell::new(0) }))
    }
}

fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if PyDict::len(v) == 0 {
        return Ok(super::str::new_str("{}"));
    }
    if !vm.repr_enter(v) {
        return Ok(super::str::new_str("{...}"));
    }
    let result = (|| {
        let mut out = String::from("{");
        let mut pos = 0;
        let mut first = true;
        while let Some((next, k, val)) = PyDict::entry_at(v, pos) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            let kr = crate::vm::ops::repr(vm, &k)?;
            out.push_str(super::str::as_str(&kr).unwrap_or(""));
            out.push_str(": ");
            let vr = crate::vm::ops::repr(vm, &val)?;
            out.push_str(super::str::as_str(&vr).unwrap_or(""));
            pos = next;
        }
        out.push('}');
        Ok(super::str::new_string(out))
    })();
    vm.repr_leave(v);
    result
}

fn dict_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(PyDict::len(v))
}

fn dict_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    PyDict::contains(vm, v, key)
}

pub fn dict_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    if let Some(r) = PyDict::get_item_opt(vm, v, key)? {
        return Ok(r);
    }
    if v.downcast_exact::<PyDict>().is_none() {
        if let Some(missing) = v.ty().lookup_str("__missing__") {
            return crate::vm::call::call_method_value(vm, &missing, v, &[key.clone()]);
        }
    }
    Err(key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(val) => PyDict::set_item(vm, v, key.clone(), val.clone()),
        None => {
            if PyDict::del_item_opt(vm, v, key)? {
                Ok(())
            } else {
                Err(key_error(key.clone()))
            }
        }
    }
}

fn dict_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if a.downcast::<PyDict>().is_none() || b.downcast::<PyDict>().is_none() {
        return Ok(not_implemented());
    }
    if !matches!(op, ComparisonOperator::Eq | ComparisonOperator::Ne) {
        return Ok(not_implemented());
    }
    let equal = dict_equal(vm, a, b)?;
    Ok(bool_value(equal == (op == ComparisonOperator::Eq)))
}

fn dict_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if PyDict::len(a) != PyDict::len(b) {
        return Ok(false);
    }
    for (k, va) in PyDict::items_vec(a) {
        match PyDict::get_item_opt(vm, b, &k)? {
            Some(vb) => {
                if !va.is(&vb) && !crate::vm::ops::eq(vm, &va, &vb)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::dict_views::new_dict_iter(v.clone(), super::dict_views::ViewKind::Keys, false))
}

fn dict_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&DICT_TYPE);
    Ok(PyDict::new_of_type(ty))
}

fn dict_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    dict_update_impl(vm, v, pos.first(), args)
}

fn dict_update_impl(vm: &mut Vm, v: &Value, arg: Option<&Value>, args: Args) -> PyResult<()> {
    if let Some(a) = arg {
        if a.downcast::<PyDict>().is_some() {
            PyDict::update_from(vm, v, a)?;
        } else if crate::vm::ops::lookup_special(a, "keys").is_some() {
            PyDict::update_from(vm, v, a)?;
        } else {
            PyDict::update_from_pairs(vm, v, a)?;
        }
    }
    for (k, val) in args.kwargs() {
        PyDict::set_item(vm, v, k.clone(), val.clone())?;
    }
    Ok(())
}

fn dict_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if op.base() != BinaryOperator::Or || a.downcast::<PyDict>().is_none() || b.downcast::<PyDict>().is_none() {
        return Ok(not_implemented());
    }
    let result = if a.downcast_exact::<PyDict>().is_some() {
        PyDict::copy_value(vm, a)?
    } else {
        crate::vm::call::call_method(vm, a, "copy", &[])?
    };
    PyDict::update_from(vm, &result, b)?;
    Ok(result)
}

fn dict_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if op.base() != BinaryOperator::Or {
        return Ok(not_implemented());
    }
    dict_update_impl(vm, a, Some(b), Args::new(&[]))?;
    Ok(a.clone())
}

fn m_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, pos) = args.method("dict.get", 1, 2)?;
    Ok(PyDict::get_item_opt(vm, d, &pos[0])?.unwrap_or_else(|| pos.get(1).cloned().unwrap_or_else(none)))
}

fn m_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, pos) = args.method("dict.setdefault", 1, 2)?;
    if let Some(v) = PyDict::get_item_opt(vm, d, &pos[0])? {
        return Ok(v);
    }
    let default = pos.get(1).cloned().unwrap_or_else(none);
    PyDict::set_item(vm, d, pos[0].clone(), default.clone())?;
    Ok(default)
}

fn m_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, pos) = args.method("dict.pop", 1, 2)?;
    match PyDict::pop_item(vm, d, &pos[0])? {
        Some(v) => Ok(v),
        None => pos.get(1).cloned().ok_or_else(|| key_error(pos[0].clone())),
    }
}

fn m_popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.popitem")?;
    let dict = this(d)?;
    dict.bump();
    let mut t = dict.table.borrow_mut();
    while let Some(last) = t.entries.pop() {
        if let Some(e) = last {
            t.used -= 1;
            // Rebuild the index (entries shrank): simplest correct approach.
            let used = t.used;
            t.rebuild(used);
            drop(t);
            return Ok(super::tuple::new_tuple(vec![e.key, e.value]));
        }
    }
    Err(key_error(super::str::new_str("popitem(): dictionary is empty")))
}

fn m_keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.keys")?;
    Ok(super::dict_views::new_view(d.clone(), super::dict_views::ViewKind::Keys))
}
fn m_values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.values")?;
    Ok(super::dict_views::new_view(d.clone(), super::dict_views::ViewKind::Values))
}
fn m_items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.items")?;
    Ok(super::dict_views::new_view(d.clone(), super::dict_views::ViewKind::Items))
}

fn m_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.is_empty() {
        return Err(type_error("descriptor 'update' of 'dict' object needs an argument"));
    }
    if pos.len() > 2 {
        return Err(type_error(format!("update expected at most 1 argument, got {}", pos.len() - 1)));
    }
    dict_update_impl(vm, &pos[0], pos.get(1), args)?;
    Ok(none())
}

fn m_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, pos) = args.method("dict.fromkeys", 1, 2)?;
    let value = pos.get(1).cloned().unwrap_or_else(none);
    let d = crate::vm::call::call(vm, cls, &[])?;
    for k in crate::vm::ops::collect_iter(vm, &pos[0])? {
        crate::vm::ops::setitem(vm, &d, &k, &value)?;
    }
    Ok(d)
}

fn m_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.copy")?;
    PyDict::copy_value(vm, d)
}

fn m_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.clear")?;
    PyDict::clear(d);
    Ok(none())
}

fn m_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.__reversed__")?;
    Ok(super::dict_views::new_dict_iter(d.clone(), super::dict_views::ViewKind::Keys, true))
}

fn m_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, k) = args.one_arg("dict.__getitem__")?;
    dict_getitem(vm, d, k)
}

fn m_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.noargs("dict.__sizeof__")?;
    let t = this(d)?.table.borrow();
    Ok(super::int::new_int(48 + (t.indices.len() * 4 + t.entries.capacity() * 24) as i64))
}

pub static DICT_METHODS: &[MethodDef] = &[
    MethodDef::method("get", m_get),
    MethodDef::method("setdefault", m_setdefault),
    MethodDef::method("pop", m_pop),
    MethodDef::method("popitem", m_popitem),
    MethodDef::method("keys", m_keys),
    MethodDef::method("values", m_values),
    MethodDef::method("items", m_items),
    MethodDef::method("update", m_update),
    MethodDef::classmethod("fromkeys", m_fromkeys),
    MethodDef::method("copy", m_copy),
    MethodDef::method("clear", m_clear),
    MethodDef::method("__reversed__", m_reversed),
    MethodDef::method("__getitem__", m_getitem),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem),
];

pub fn init_type() {
    let s = &DICT_TYPE.slots;
    s.repr.set(Some(dict_repr));
    s.hash.set(Some(crate::vm::ops::hash_not_implemented));
    s.richcompare.set(Some(dict_richcompare));
    s.len.set(Some(dict_len));
    s.contains.set(Some(dict_contains));
    s.getitem.set(Some(dict_getitem));
    s.setitem.set(Some(dict_setitem));
    s.iter.set(Some(dict_iter));
    s.new.set(Some(dict_new));
    s.init.set(Some(dict_init));
    s.binop[BinaryOperator::Or as usize].set(Some(dict_binop));
    s.inplace[BinaryOperator::Or as usize].set(Some(dict_inplace));
}
