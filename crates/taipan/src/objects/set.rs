//! `set` and `frozenset`.  Mirrors CPython's `Objects/setobject.c`.
//!
//! Statics: `SET_TYPE`, `FROZENSET_TYPE`, `SET_ITERATOR_TYPE`; start-up: `init_types()`.
//!
//! The table reproduces CPython's layout exactly, so iteration order (and therefore
//! `print({3, 1, 2})`) matches: 8 slots initially, linear probes of up to
//! `LINEAR_PROBES` slots then `perturb` mixing (`i = (i*5 + 1 + perturb) & mask`), dummy
//! entries on deletion, growth when `fill*5 >= mask*3` (see `set_add_entry_takeref`),
//! and `set_table_resize`'s "smallest power of two above minused".
//!
//! Keys' `__eq__`/`__hash__` may run Python code that mutates the set: no borrow of the
//! table is held while calling them.  A lookup notes the table's generation and the key
//! object in the slot it compared against, and restarts when either changed, as
//! CPython's `set_lookkey` restarts when `so->table` or `entry->key` changed.

use std::cell::{Cell, RefCell};

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::int::new_int;
use super::singletons::{bool_value, none, not_implemented};
use super::str::PyStr;
use super::typeobject::{flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{key_error, runtime_error, type_error, Args, PyResult, Vm};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const DUMMY_HASH: i64 = -1;

/// One slot: unused is `(0, None)`, dummy is `(-1, None)`, active is `(hash, Some(key))`.
#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Option<Value>,
}

impl Entry {
    const UNUSED: Entry = Entry { hash: 0, key: None };
    fn is_unused(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }
    fn is_dummy(&self) -> bool {
        self.key.is_none() && self.hash == DUMMY_HASH
    }
}

struct SetTable {
    entries: Vec<Entry>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts searching (CPython's `finger`).
    finger: usize,
    /// Bumped whenever `entries` is replaced (resize, clear, swap): CPython compares
    /// `so->table` pointers for the same purpose.
    generation: u64,
}

impl SetTable {
    fn new() -> SetTable {
        SetTable { entries: vec![Entry::UNUSED; MINSIZE], fill: 0, used: 0, finger: 0, generation: 0 }
    }

    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    /// CPython's `set_insert_clean`: places a key known to be absent, in a table without
    /// dummies.
    fn insert_clean(entries: &mut [Entry], key: Value, hash: i64) {
        let mask = entries.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if entries[i].key.is_none() {
                entries[i] = Entry { hash, key: Some(key) };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if entries[i + j].key.is_none() {
                        entries[i + j] = Entry { hash, key: Some(key) };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// CPython's `set_table_resize`: a table of the smallest power of two above
    /// `minused`, dummies dropped, keys re-placed in old slot order.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.entries.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.entries, vec![Entry::UNUSED; newsize]);
        self.generation += 1;
        self.fill = self.used;
        for e in old {
            if let Some(k) = e.key {
                Self::insert_clean(&mut self.entries, k, e.hash);
            }
        }
    }

    /// Active `(key, hash)` pairs in table order.
    fn active(&self) -> Vec<(Value, i64)> {
        self.entries.iter().filter_map(|e| e.key.as_ref().map(|k| (k.clone(), e.hash))).collect()
    }
}

#[repr(C)]
pub struct PySet {
    head: ObjectHead,
    table: RefCell<SetTable>,
    /// Cached frozenset hash, -1 when not computed.
    hash: Cell<i64>,
}

fn set_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PySet) };
    if let Ok(t) = s.table.try_borrow() {
        t.entries.iter().filter_map(|e| e.key.as_ref()).for_each(visit);
    }
}

fn set_clear_refs(head: &ObjectHead, out: &mut Vec<Value>) {
    let s = unsafe { &*(head as *const ObjectHead as *const PySet) };
    if let Ok(mut t) = s.table.try_borrow_mut() {
        let old = std::mem::replace(&mut *t, SetTable::new());
        t.generation = old.generation + 1;
        out.extend(old.entries.into_iter().filter_map(|e| e.key));
    }
}

pub static SET_LAYOUT: Layout = crate::payload_layout!(PySet, "set", set_traverse, set_clear_refs);

impl PyPayload for PySet {
    fn layout() -> &'static Layout {
        &SET_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SET_TYPE
    }
}

pub static SET_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "set",
    layout: &SET_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: SET_METHODS,
    getsets: &[],
    doc: Some("Build an unordered collection of unique elements."),
    module: None,
});

pub static FROZENSET_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "frozenset",
    layout: &SET_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: FROZENSET_METHODS,
    getsets: &[],
    doc: Some("Build an immutable unordered collection of unique elements."),
    module: None,
});

// ---------------------------------------------------------------------------------------
// Construction and type checks

fn alloc_set(ty: &PyType) -> Value {
    heap::alloc(ty, PySet { head: ObjectHead::uninit(), table: RefCell::new(SetTable::new()), hash: Cell::new(-1) })
}

/// `PyAnySet_Check`.
pub fn as_anyset(v: &Value) -> Option<&PySet> {
    v.downcast::<PySet>()
}

pub fn is_anyset(v: &Value) -> bool {
    as_anyset(v).is_some()
}

/// `PyFrozenSet_Check`.
pub fn is_frozenset(v: &Value) -> bool {
    is_anyset(v) && v.ty().is_subtype(&FROZENSET_TYPE)
}

/// `PySet_Check` (set or a subclass, not frozenset).
fn is_mutable_set(v: &Value) -> bool {
    is_anyset(v) && v.ty().is_subtype(&SET_TYPE)
}

fn this(v: &Value) -> PyResult<&PySet> {
    as_anyset(v).ok_or_else(|| type_error(format!("descriptor requires a 'set' object but received a '{}'", v.ty().name())))
}

/// The set's size (`PySet_GET_SIZE`).
pub fn set_len_of(v: &Value) -> usize {
    as_anyset(v).map(|s| s.table.borrow().used).unwrap_or(0)
}

/// The elements in iteration order.
pub fn set_items(v: &Value) -> Vec<Value> {
    match as_anyset(v) {
        Some(s) => s.table.borrow().active().into_iter().map(|(k, _)| k).collect(),
        None => Vec::new(),
    }
}

fn entries_of(v: &Value) -> Vec<(Value, i64)> {
    as_anyset(v).map(|s| s.table.borrow().active()).unwrap_or_default()
}

/// `make_new_set_basetype`: `set` for set subclasses, `frozenset` otherwise.
fn basetype(ty: &PyType) -> &'static PyType {
    if ty.is_subtype(&SET_TYPE) {
        &SET_TYPE
    } else {
        &FROZENSET_TYPE
    }
}

/// `make_new_set`.
fn make_new_set(vm: &mut Vm, ty: &PyType, iterable: Option<&Value>) -> PyResult<Value> {
    let s = alloc_set(ty);
    if let Some(it) = iterable {
        set_update_internal(vm, &s, it)?;
    }
    Ok(s)
}

/// A new `set` holding `items`.
pub fn new_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = alloc_set(&SET_TYPE);
    for it in items {
        set_add_key(vm, &s, it)?;
    }
    Ok(s)
}

/// `set.add(item)`.
pub fn set_add(vm: &mut Vm, set: &Value, item: Value) -> PyResult<()> {
    set_add_key(vm, set, item)
}

/// A new `frozenset` holding `items`.
pub fn new_frozenset(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = alloc_set(&FROZENSET_TYPE);
    for it in items {
        set_add_key(vm, &s, it)?;
    }
    Ok(s)
}

/// A new set of the given type with the items of `iterable` (`set(iterable)`).
pub fn new_set_from_iterable(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    make_new_set(vm, &SET_TYPE, Some(iterable))
}

// ---------------------------------------------------------------------------------------
// The probing core

/// Equality decided without Python code for exact str/int pairs (CPython short-cuts
/// `unicode_eq`; ints are added because they cannot run code either).
fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.downcast_exact::<PyStr>(), b.downcast_exact::<PyStr>()) {
        return Some(x.as_str() == y.as_str());
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x == y);
    }
    None
}

/// What one probe of an entry decided, computed under a short borrow.
enum Slot {
    Unused,
    Dummy,
    Match,
    /// Same hash, different object: `__eq__` must run with no borrow held.
    Compare(Value, u64),
    Other,
}

fn probe_slot(t: &SetTable, idx: usize, key: &Value, hash: i64) -> Slot {
    let e = &t.entries[idx];
    if e.is_unused() {
        return Slot::Unused;
    }
    if e.hash == hash {
        if let Some(startkey) = e.key.as_ref() {
            if startkey.is(key) {
                return Slot::Match;
            }
            return match fast_eq(startkey, key) {
                Some(true) => Slot::Match,
                Some(false) => Slot::Other,
                None => Slot::Compare(startkey.clone(), t.generation),
            };
        }
    }
    if e.is_dummy() {
        Slot::Dummy
    } else {
        Slot::Other
    }
}

/// Runs the deferred `__eq__` of a `Slot::Compare`; `None` means the table changed
/// meanwhile and the search must restart.
fn compare_slot(vm: &mut Vm, sv: &Value, idx: usize, startkey: &Value, generation: u64, key: &Value) -> PyResult<Option<bool>> {
    let cmp = crate::vm::ops::eq(vm, startkey, key)?;
    let t = this(sv)?.table.borrow();
    let same = t.generation == generation && t.entries.get(idx).and_then(|e| e.key.as_ref()).is_some_and(|k| k.is(startkey));
    Ok(if same { Some(cmp) } else { None })
}

/// CPython's `set_lookkey`: the index of the active entry equal to `key`, or None.
fn set_lookkey(vm: &mut Vm, sv: &Value, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    'restart: loop {
        let mask = this(sv)?.table.borrow().mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for idx in i..=i + probes {
                let slot = probe_slot(&this(sv)?.table.borrow(), idx, key, hash);
                match slot {
                    Slot::Unused => return Ok(None),
                    Slot::Match => return Ok(Some(idx)),
                    Slot::Compare(startkey, generation) => match compare_slot(vm, sv, idx, &startkey, generation, key)? {
                        None => continue 'restart,
                        Some(true) => return Ok(Some(idx)),
                        Some(false) => {}
                    },
                    Slot::Dummy | Slot::Other => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
}

/// CPython's `set_add_entry`: a dummy seen on the probe path (the last one) is reused.
fn set_add_entry(vm: &mut Vm, sv: &Value, key: Value, hash: i64) -> PyResult<()> {
    'restart: loop {
        let mask = this(sv)?.table.borrow().mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for idx in i..=i + probes {
                let slot = probe_slot(&this(sv)?.table.borrow(), idx, &key, hash);
                match slot {
                    Slot::Unused => {
                        let s = this(sv)?;
                        let mut t = s.table.borrow_mut();
                        t.used += 1;
                        if let Some(f) = freeslot {
                            t.entries[f] = Entry { hash, key: Some(key) };
                            return Ok(());
                        }
                        t.fill += 1;
                        t.entries[idx] = Entry { hash, key: Some(key) };
                        if t.fill * 5 >= mask * 3 {
                            let used = t.used;
                            t.resize(if used > 50000 { used * 2 } else { used * 4 });
                        }
                        return Ok(());
                    }
                    Slot::Match => return Ok(()),
                    Slot::Compare(startkey, generation) => {
                        let cmp = crate::vm::ops::eq(vm, &startkey, &key)?;
                        if cmp {
                            return Ok(());
                        }
                        let t = this(sv)?.table.borrow();
                        let same = t.generation == generation && t.entries[idx].key.as_ref().is_some_and(|k| k.is(&startkey));
                        if !same {
                            continue 'restart;
                        }
                    }
                    Slot::Dummy => freeslot = Some(idx),
                    Slot::Other => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
}

fn set_add_key(vm: &mut Vm, sv: &Value, key: Value) -> PyResult<()> {
    let hash = crate::vm::ops::hash(vm, &key)?;
    set_add_entry(vm, sv, key, hash)
}

fn set_contains_entry(vm: &mut Vm, sv: &Value, key: &Value, hash: i64) -> PyResult<bool> {
    Ok(set_lookkey(vm, sv, key, hash)?.is_some())
}

fn set_contains_key(vm: &mut Vm, sv: &Value, key: &Value) -> PyResult<bool> {
    let hash = crate::vm::ops::hash(vm, key)?;
    set_contains_entry(vm, sv, key, hash)
}

/// CPython's `set_discard_entry`: true when found.
fn set_discard_entry(vm: &mut Vm, sv: &Value, key: &Value, hash: i64) -> PyResult<bool> {
    let Some(idx) = set_lookkey(vm, sv, key, hash)? else {
        return Ok(false);
    };
    let s = this(sv)?;
    let mut t = s.table.borrow_mut();
    let old = std::mem::replace(&mut t.entries[idx], Entry { hash: DUMMY_HASH, key: None });
    t.used -= 1;
    drop(t);
    drop(old);
    Ok(true)
}

fn set_discard_key(vm: &mut Vm, sv: &Value, key: &Value) -> PyResult<bool> {
    let hash = crate::vm::ops::hash(vm, key)?;
    set_discard_entry(vm, sv, key, hash)
}

fn set_clear_internal(sv: &Value) {
    if let Some(s) = as_anyset(sv) {
        let mut t = s.table.borrow_mut();
        let (generation, finger) = (t.generation + 1, t.finger);
        let old = std::mem::replace(&mut *t, SetTable::new());
        // CPython's `set_empty_to_minsize` leaves the pop finger alone.
        t.generation = generation;
        t.finger = finger;
        drop(t);
        drop(old);
        s.hash.set(-1);
    }
}

/// CPython's `set_merge`: adds the elements of another set, copying its layout when
/// this one is empty.
fn set_merge(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<()> {
    if sv.is(other) {
        return Ok(());
    }
    let (other_entries, other_fill, other_used) = {
        let o = this(other)?.table.borrow();
        (o.entries.clone(), o.fill, o.used)
    };
    if other_used == 0 {
        return Ok(());
    }
    {
        let mut t = this(sv)?.table.borrow_mut();
        if (t.fill + other_used) * 5 >= t.mask() * 3 {
            let used = t.used;
            t.resize((used + other_used) * 2);
        }
        if t.fill == 0 && t.entries.len() == other_entries.len() && other_fill == other_used {
            t.entries = other_entries;
            t.fill = other_fill;
            t.used = other_used;
            t.generation += 1;
            return Ok(());
        }
        if t.fill == 0 {
            t.fill = other_used;
            t.used = other_used;
            for e in other_entries {
                if let Some(k) = e.key {
                    SetTable::insert_clean(&mut t.entries, k, e.hash);
                }
            }
            return Ok(());
        }
    }
    for e in other_entries {
        if let Some(k) = e.key {
            set_add_entry(vm, sv, k, e.hash)?;
        }
    }
    Ok(())
}

/// CPython's `set_update_internal`.
fn set_update_internal(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<()> {
    if is_anyset(other) {
        return set_merge(vm, sv, other);
    }
    if let Some(d) = other.downcast_exact::<super::dict::PyDict>() {
        let pairs: Vec<(Value, i64)> = d.table.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.hash)).collect();
        {
            let mut t = this(sv)?.table.borrow_mut();
            if (t.fill + pairs.len()) * 5 >= t.mask() * 3 {
                let used = t.used;
                t.resize((used + pairs.len()) * 2);
            }
        }
        for (k, h) in pairs {
            set_add_entry(vm, sv, k, h)?;
        }
        return Ok(());
    }
    let it = crate::vm::ops::iter(vm, other)?;
    while let Some(key) = crate::vm::ops::next(vm, &it)? {
        set_add_key(vm, sv, key)?;
    }
    Ok(())
}

/// Exchanges the contents of two sets (CPython's `set_swap_bodies`).
fn set_swap_bodies(a: &Value, b: &Value) -> PyResult<()> {
    let (sa, sb) = (this(a)?, this(b)?);
    {
        let mut ta = sa.table.borrow_mut();
        let mut tb = sb.table.borrow_mut();
        std::mem::swap(&mut *ta, &mut *tb);
        // `set_swap_bodies` exchanges everything but the pop fingers.
        std::mem::swap(&mut ta.finger, &mut tb.finger);
        let g = ta.generation.max(tb.generation) + 1;
        ta.generation = g;
        tb.generation = g;
    }
    let (ha, hb) = (sa.hash.get(), sb.hash.get());
    sa.hash.set(hb);
    sb.hash.set(ha);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Set algebra

/// `set_copy`: a new set of the base type with the same elements.
fn set_copy(vm: &mut Vm, sv: &Value) -> PyResult<Value> {
    make_new_set(vm, basetype(sv.ty()), Some(sv))
}

/// `set_intersection`.
fn set_intersection(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<Value> {
    if sv.is(other) {
        return set_copy(vm, sv);
    }
    let result = alloc_set(basetype(sv.ty()));
    if is_anyset(other) {
        let (mut so, mut ot) = (sv.clone(), other.clone());
        if set_len_of(&ot) > set_len_of(&so) {
            std::mem::swap(&mut so, &mut ot);
        }
        for (key, hash) in entries_of(&ot) {
            if set_contains_entry(vm, &so, &key, hash)? {
                set_add_entry(vm, &result, key, hash)?;
            }
        }
        return Ok(result);
    }
    let it = crate::vm::ops::iter(vm, other)?;
    while let Some(key) = crate::vm::ops::next(vm, &it)? {
        let hash = crate::vm::ops::hash(vm, &key)?;
        if set_contains_entry(vm, sv, &key, hash)? {
            set_add_entry(vm, &result, key, hash)?;
            if set_len_of(&result) >= set_len_of(sv) {
                break;
            }
        }
    }
    Ok(result)
}

fn set_intersection_multi(vm: &mut Vm, sv: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return set_copy(vm, sv);
    }
    let mut result = sv.clone();
    for o in others {
        result = set_intersection(vm, &result, o)?;
    }
    Ok(result)
}

/// `set_difference_update_internal`.
fn set_difference_update_internal(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<()> {
    if sv.is(other) {
        set_clear_internal(sv);
        return Ok(());
    }
    if is_anyset(other) {
        let other = if (set_len_of(other) >> 3) > set_len_of(sv) { set_intersection(vm, sv, other)? } else { other.clone() };
        for (key, hash) in entries_of(&other) {
            set_discard_entry(vm, sv, &key, hash)?;
        }
    } else {
        let it = crate::vm::ops::iter(vm, other)?;
        while let Some(key) = crate::vm::ops::next(vm, &it)? {
            set_discard_key(vm, sv, &key)?;
        }
    }
    let mut t = this(sv)?.table.borrow_mut();
    if t.fill - t.used <= t.mask() / 4 {
        return Ok(());
    }
    let used = t.used;
    t.resize(if used > 50000 { used * 2 } else { used * 4 });
    Ok(())
}

fn set_copy_and_difference(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<Value> {
    let result = set_copy(vm, sv)?;
    set_difference_update_internal(vm, &result, other)?;
    Ok(result)
}

/// `set_difference`.
fn set_difference(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<Value> {
    let other_size = if is_anyset(other) {
        set_len_of(other)
    } else if other.downcast_exact::<super::dict::PyDict>().is_some() {
        super::dict::PyDict::len(other)
    } else {
        return set_copy_and_difference(vm, sv, other);
    };
    if (set_len_of(sv) >> 2) > other_size {
        return set_copy_and_difference(vm, sv, other);
    }
    let result = alloc_set(basetype(sv.ty()));
    let is_dict = !is_anyset(other);
    for (key, hash) in entries_of(sv) {
        let found = if is_dict {
            super::dict::PyDict::get_item_hashed(vm, other, &key, hash)?.is_some()
        } else {
            set_contains_entry(vm, other, &key, hash)?
        };
        if !found {
            set_add_entry(vm, &result, key, hash)?;
        }
    }
    Ok(result)
}

fn set_difference_multi(vm: &mut Vm, sv: &Value, others: &[Value]) -> PyResult<Value> {
    let Some((first, rest)) = others.split_first() else {
        return set_copy(vm, sv);
    };
    let result = set_difference(vm, sv, first)?;
    for o in rest {
        set_difference_update_internal(vm, &result, o)?;
    }
    Ok(result)
}

/// `set_symmetric_difference_update_set`: toggles every element of `other` (a set).
fn symmetric_difference_update_set(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<()> {
    for (key, hash) in entries_of(other) {
        if !set_discard_entry(vm, sv, &key, hash)? {
            set_add_entry(vm, sv, key, hash)?;
        }
    }
    Ok(())
}

/// `set.symmetric_difference_update(other)`.
fn symmetric_difference_update(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<()> {
    if sv.is(other) {
        set_clear_internal(sv);
        return Ok(());
    }
    if let Some(d) = other.downcast_exact::<super::dict::PyDict>() {
        let pairs: Vec<(Value, i64)> = d.table.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.hash)).collect();
        for (key, hash) in pairs {
            if !set_discard_entry(vm, sv, &key, hash)? {
                set_add_entry(vm, sv, key, hash)?;
            }
        }
        return Ok(());
    }
    if is_anyset(other) {
        return symmetric_difference_update_set(vm, sv, other);
    }
    let otherset = make_new_set(vm, basetype(sv.ty()), Some(other))?;
    symmetric_difference_update_set(vm, sv, &otherset)
}

/// `set.symmetric_difference(other)`.
fn set_symmetric_difference(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<Value> {
    let result = alloc_set(basetype(sv.ty()));
    set_update_internal(vm, &result, other)?;
    symmetric_difference_update_set(vm, &result, sv)?;
    Ok(result)
}

/// `set_issubset`.
fn set_issubset(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<bool> {
    if !is_anyset(other) {
        let tmp = set_intersection(vm, sv, other)?;
        return Ok(set_len_of(&tmp) == set_len_of(sv));
    }
    if set_len_of(sv) > set_len_of(other) {
        return Ok(false);
    }
    for (key, hash) in entries_of(sv) {
        if !set_contains_entry(vm, other, &key, hash)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_issuperset`.
fn set_issuperset(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<bool> {
    if is_anyset(other) {
        return set_issubset(vm, other, sv);
    }
    let it = crate::vm::ops::iter(vm, other)?;
    while let Some(key) = crate::vm::ops::next(vm, &it)? {
        if !set_contains_key(vm, sv, &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_isdisjoint_impl(vm: &mut Vm, sv: &Value, other: &Value) -> PyResult<bool> {
    if sv.is(other) {
        return Ok(set_len_of(sv) == 0);
    }
    let exact = |v: &Value| v.downcast_exact::<PySet>().is_some() || std::ptr::eq(v.ty(), &FROZENSET_TYPE);
    if exact(other) {
        let (mut so, mut ot) = (sv.clone(), other.clone());
        if set_len_of(&ot) > set_len_of(&so) {
            std::mem::swap(&mut so, &mut ot);
        }
        for (key, hash) in entries_of(&ot) {
            if set_contains_entry(vm, &so, &key, hash)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = crate::vm::ops::iter(vm, other)?;
    while let Some(key) = crate::vm::ops::next(vm, &it)? {
        if set_contains_key(vm, sv, &key)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ---------------------------------------------------------------------------------------
// Slots

fn set_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = v.ty().name();
    if !vm.repr_enter(v) {
        return Ok(super::str::new_string(format!("{name}(...)")));
    }
    let result = (|| {
        let keys = set_items(v);
        if keys.is_empty() {
            return Ok(super::str::new_string(format!("{name}()")));
        }
        let mut out = String::new();
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&crate::vm::ops::repr_string(vm, k)?);
        }
        if v.downcast_exact::<PySet>().is_some() {
            Ok(super::str::new_string(format!("{{{out}}}")))
        } else {
            Ok(super::str::new_string(format!("{name}({{{out}}})")))
        }
    })();
    vm.repr_leave(v);
    result
}

fn set_len(_vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(this(v)?.table.borrow().used)
}

/// `set_contains`: an unhashable set key is looked up as a frozenset.
fn set_contains(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<bool> {
    match set_contains_key(vm, v, key) {
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) && is_mutable_set(key) => {
            let tmp = make_new_set(vm, &FROZENSET_TYPE, Some(key))?;
            set_contains_key(vm, v, &tmp)
        }
        r => r,
    }
}

/// `frozenset_hash`: order-independent mixing of the entries' hashes.
fn frozenset_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let s = this(v)?;
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let t = s.table.borrow();
    let mut hash: u64 = 0;
    for e in t.entries.iter().filter(|e| e.key.is_some()) {
        hash ^= shuffle_bits(e.hash as u64);
    }
    hash ^= (t.used as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    let h = hash as i64;
    s.hash.set(h);
    Ok(h)
}

fn set_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_implemented());
    }
    use ComparisonOperator::*;
    let r = match op {
        Eq | Ne => {
            let eq = if set_len_of(a) != set_len_of(b) {
                false
            } else {
                let (ha, hb) = (this(a)?.hash.get(), this(b)?.hash.get());
                if ha != -1 && hb != -1 && ha != hb {
                    false
                } else {
                    set_issubset(vm, a, b)?
                }
            };
            eq == (op == Eq)
        }
        Le => set_issubset(vm, a, b)?,
        Ge => set_issuperset(vm, a, b)?,
        Lt => set_len_of(a) < set_len_of(b) && set_issubset(vm, a, b)?,
        Gt => set_len_of(a) > set_len_of(b) && set_issuperset(vm, a, b)?,
    };
    Ok(bool_value(r))
}

fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_implemented());
    }
    match op.base() {
        BinaryOperator::Or => {
            let result = set_copy(vm, a)?;
            if !a.is(b) {
                set_update_internal(vm, &result, b)?;
            }
            Ok(result)
        }
        BinaryOperator::And => set_intersection(vm, a, b),
        BinaryOperator::Subtract => set_difference(vm, a, b),
        BinaryOperator::Xor => set_symmetric_difference(vm, a, b),
        _ => Ok(not_implemented()),
    }
}

fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if !is_anyset(b) || !is_mutable_set(a) {
        return Ok(not_implemented());
    }
    match op.base() {
        BinaryOperator::Or => set_update_internal(vm, a, b)?,
        BinaryOperator::And => {
            let tmp = set_intersection(vm, a, b)?;
            set_swap_bodies(a, &tmp)?;
        }
        BinaryOperator::Subtract => set_difference_update_internal(vm, a, b)?,
        BinaryOperator::Xor => symmetric_difference_update(vm, a, b)?,
        _ => return Ok(not_implemented()),
    }
    Ok(a.clone())
}

fn set_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    let used = s.table.borrow().used;
    Ok(heap::alloc(
        &SET_ITERATOR_TYPE,
        PySetIter { head: ObjectHead::uninit(), set: RefCell::new(Some(v.clone())), used: Cell::new(used as isize), pos: Cell::new(0), len: Cell::new(used) },
    ))
}

fn set_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&SET_TYPE);
    if std::ptr::eq(ty, &SET_TYPE) {
        args.no_kwargs("set")?;
    }
    Ok(alloc_set(ty))
}

fn set_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    args.no_kwargs("set")?;
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(type_error(format!("{} expected at most 1 argument, got {}", v.ty().name(), pos.len())));
    }
    if this(v)?.table.borrow().fill > 0 {
        set_clear_internal(v);
    }
    this(v)?.hash.set(-1);
    if let Some(it) = pos.first() {
        set_update_internal(vm, v, it)?;
    }
    Ok(())
}

fn frozenset_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&FROZENSET_TYPE);
    if std::ptr::eq(ty, &FROZENSET_TYPE) {
        args.no_kwargs("frozenset")?;
    }
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(type_error(format!("{} expected at most 1 argument, got {}", ty.name(), pos.len())));
    }
    let iterable = pos.first();
    if std::ptr::eq(ty, &FROZENSET_TYPE) {
        if let Some(it) = iterable {
            if std::ptr::eq(it.ty(), &FROZENSET_TYPE) {
                return Ok(it.clone());
            }
        }
    }
    make_new_set(vm, ty, iterable)
}

// ---------------------------------------------------------------------------------------
// Methods

/// `set.name` for a `set` receiver, `frozenset.name` for a frozenset (their methods
/// are shared here, distinct descriptors in CPython).
fn owner_qual(args: &Args, qualname: &str) -> String {
    match (args.values.first(), qualname.strip_prefix("set.")) {
        (Some(v), Some(name)) if v.ty().is_subtype(&FROZENSET_TYPE) => format!("frozenset.{name}"),
        _ => qualname.to_string(),
    }
}

fn self_and_one<'a>(args: &Args<'a>, qualname: &str) -> PyResult<(&'a Value, &'a Value)> {
    let qualname = &owner_qual(args, qualname);
    args.no_kwargs(qualname)?;
    let pos = args.positional();
    if pos.len() != 2 {
        return Err(type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    Ok((&pos[0], &pos[1]))
}

fn self_only<'a>(args: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    let qualname = &owner_qual(args, qualname);
    args.no_kwargs(qualname)?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            pos.len().saturating_sub(1)
        )));
    }
    this(&pos[0])?;
    Ok(&pos[0])
}

fn self_and_rest<'a>(args: &Args<'a>, qualname: &str) -> PyResult<(&'a Value, &'a [Value])> {
    let qualname = &owner_qual(args, qualname);
    args.no_kwargs(qualname)?;
    let pos = args.positional();
    let Some((first, rest)) = pos.split_first() else {
        return Err(type_error(format!("unbound method {qualname}() needs an argument")));
    };
    this(first)?;
    Ok((first, rest))
}

fn mutable_self<'a>(v: &'a Value, name: &str) -> PyResult<&'a Value> {
    if !is_mutable_set(v) {
        return Err(type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply to a '{}' object",
            v.ty().name()
        )));
    }
    Ok(v)
}

fn m_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, key) = self_and_one(&args, "set.add")?;
    set_add_key(vm, mutable_self(s, "add")?, key.clone())?;
    Ok(none())
}

fn m_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_only(&args, "set.clear")?;
    set_clear_internal(mutable_self(s, "clear")?);
    Ok(none())
}

fn m_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_only(&args, "set.copy")?;
    if std::ptr::eq(s.ty(), &FROZENSET_TYPE) {
        return Ok(s.clone());
    }
    set_copy(vm, s)
}

fn m_frozenset_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_only(&args, "frozenset.copy")?;
    if std::ptr::eq(s.ty(), &FROZENSET_TYPE) {
        return Ok(s.clone());
    }
    set_copy(vm, s)
}

/// Discards `key`, retrying with `frozenset(key)` for an unhashable set key.
fn discard_with_frozen_retry(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    match set_discard_key(vm, s, key) {
        Err(e) if e.matches(&super::exceptions::TYPE_ERROR) && is_mutable_set(key) => {
            let tmp = make_new_set(vm, &FROZENSET_TYPE, Some(key))?;
            set_discard_key(vm, s, &tmp)
        }
        r => r,
    }
}

fn m_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, key) = self_and_one(&args, "set.discard")?;
    discard_with_frozen_retry(vm, mutable_self(s, "discard")?, key)?;
    Ok(none())
}

fn m_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, key) = self_and_one(&args, "set.remove")?;
    if !discard_with_frozen_retry(vm, mutable_self(s, "remove")?, key)? {
        return Err(key_error(key.clone()));
    }
    Ok(none())
}

fn m_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_only(&args, "set.pop")?;
    let set = this(mutable_self(s, "pop")?)?;
    let mut t = set.table.borrow_mut();
    if t.used == 0 {
        return Err(key_error(super::str::new_str("pop from an empty set")));
    }
    let mask = t.mask();
    let mut i = t.finger & mask;
    while t.entries[i].key.is_none() {
        i = if i == mask { 0 } else { i + 1 };
    }
    let e = std::mem::replace(&mut t.entries[i], Entry { hash: DUMMY_HASH, key: None });
    t.used -= 1;
    t.finger = i + 1;
    drop(t);
    Ok(e.key.unwrap_or_else(none))
}

fn m_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = self_and_rest(&args, "set.union")?;
    let result = set_copy(vm, s)?;
    for o in others {
        if !o.is(s) {
            set_update_internal(vm, &result, o)?;
        }
    }
    Ok(result)
}

fn m_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = self_and_rest(&args, "set.update")?;
    let s = mutable_self(s, "update")?;
    for o in others {
        set_update_internal(vm, s, o)?;
    }
    Ok(none())
}

fn m_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = self_and_rest(&args, "set.intersection")?;
    set_intersection_multi(vm, s, others)
}

fn m_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = self_and_rest(&args, "set.intersection_update")?;
    let s = mutable_self(s, "intersection_update")?;
    let tmp = set_intersection_multi(vm, s, others)?;
    if !tmp.is(s) {
        set_swap_bodies(s, &tmp)?;
    }
    Ok(none())
}

fn m_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = self_and_rest(&args, "set.difference")?;
    set_difference_multi(vm, s, others)
}

fn m_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, others) = self_and_rest(&args, "set.difference_update")?;
    let s = mutable_self(s, "difference_update")?;
    for o in others {
        set_difference_update_internal(vm, s, o)?;
    }
    Ok(none())
}

fn m_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = self_and_one(&args, "set.symmetric_difference")?;
    this(s)?;
    set_symmetric_difference(vm, s, other)
}

fn m_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = self_and_one(&args, "set.symmetric_difference_update")?;
    symmetric_difference_update(vm, mutable_self(s, "symmetric_difference_update")?, other)?;
    Ok(none())
}

fn m_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = self_and_one(&args, "set.issubset")?;
    this(s)?;
    Ok(bool_value(set_issubset(vm, s, other)?))
}

fn m_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = self_and_one(&args, "set.issuperset")?;
    this(s)?;
    Ok(bool_value(set_issuperset(vm, s, other)?))
}

fn m_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, other) = self_and_one(&args, "set.isdisjoint")?;
    this(s)?;
    Ok(bool_value(set_isdisjoint_impl(vm, s, other)?))
}

fn m_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_only(&args, "set.__reduce__")?;
    let keys = super::list::PyList::new_value(set_items(s));
    let state = super::object::instance_dict(s).unwrap_or_else(none);
    Ok(super::tuple::new_tuple(vec![s.ty().to_value(), super::tuple::new_tuple(vec![keys]), state]))
}

fn m_sizeof(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = self_only(&args, "set.__sizeof__")?;
    let n = this(s)?.table.borrow().entries.len();
    // CPython: the object with its 8-entry small table, plus any malloced table.
    let extra = if n > MINSIZE { n * 16 } else { 0 };
    Ok(new_int(200 + extra as i64))
}

pub static SET_METHODS: &[MethodDef] = &[
    MethodDef::method("add", m_add),
    MethodDef::method("clear", m_clear),
    MethodDef::method("copy", m_copy),
    MethodDef::method("discard", m_discard),
    MethodDef::method("difference", m_difference),
    MethodDef::method("difference_update", m_difference_update),
    MethodDef::method("intersection", m_intersection),
    MethodDef::method("intersection_update", m_intersection_update),
    MethodDef::method("isdisjoint", m_isdisjoint),
    MethodDef::method("issubset", m_issubset),
    MethodDef::method("issuperset", m_issuperset),
    MethodDef::method("pop", m_pop),
    MethodDef::method("remove", m_remove),
    MethodDef::method("symmetric_difference", m_symmetric_difference),
    MethodDef::method("symmetric_difference_update", m_symmetric_difference_update),
    MethodDef::method("union", m_union),
    MethodDef::method("update", m_update),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem),
];

pub static FROZENSET_METHODS: &[MethodDef] = &[
    MethodDef::method("copy", m_frozenset_copy),
    MethodDef::method("difference", m_difference),
    MethodDef::method("intersection", m_intersection),
    MethodDef::method("isdisjoint", m_isdisjoint),
    MethodDef::method("issubset", m_issubset),
    MethodDef::method("issuperset", m_issuperset),
    MethodDef::method("symmetric_difference", m_symmetric_difference),
    MethodDef::method("union", m_union),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__sizeof__", m_sizeof),
    MethodDef::classmethod("__class_getitem__", super::genericalias::class_getitem),
];

// ---------------------------------------------------------------------------------------
// The iterator (CPython's `setiterobject`)

#[repr(C)]
pub struct PySetIter {
    head: ObjectHead,
    /// None once exhausted.
    set: RefCell<Option<Value>>,
    /// The set's size when iteration started; -1 once a size change was reported.
    used: Cell<isize>,
    pos: Cell<usize>,
    len: Cell<usize>,
}

fn setiter_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let it = unsafe { &*(head as *const ObjectHead as *const PySetIter) };
    if let Ok(s) = it.set.try_borrow() {
        if let Some(s) = &*s {
            visit(s);
        }
    }
}

fn setiter_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let it = unsafe { &*(head as *const ObjectHead as *const PySetIter) };
    if let Ok(mut s) = it.set.try_borrow_mut() {
        out.extend(s.take());
    }
}

pub static SET_ITERATOR_LAYOUT: Layout = crate::payload_layout!(PySetIter, "set_iterator", setiter_traverse, setiter_clear);

impl PyPayload for PySetIter {
    fn layout() -> &'static Layout {
        &SET_ITERATOR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SET_ITERATOR_TYPE
    }
}

pub static SET_ITERATOR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "set_iterator",
    layout: &SET_ITERATOR_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: SETITER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

fn setiter_this(v: &Value) -> PyResult<&PySetIter> {
    v.downcast::<PySetIter>().ok_or_else(|| type_error("set_iterator expected"))
}

fn setiter_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn setiter_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = setiter_this(v)?;
    let Some(sv) = it.set.borrow().clone() else {
        return Ok(None);
    };
    let s = this(&sv)?;
    let t = s.table.borrow();
    if it.used.get() != t.used as isize {
        it.used.set(-1);
        return Err(runtime_error("Set changed size during iteration"));
    }
    let mut i = it.pos.get();
    while i < t.entries.len() && t.entries[i].key.is_none() {
        i += 1;
    }
    it.pos.set(i + 1);
    if i >= t.entries.len() {
        drop(t);
        let old = it.set.borrow_mut().take();
        drop(old);
        return Ok(None);
    }
    it.len.set(it.len.get().saturating_sub(1));
    Ok(t.entries[i].key.clone())
}

fn setiter_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__length_hint__")?;
    let it = setiter_this(v)?;
    let n = match &*it.set.borrow() {
        Some(sv) if set_len_of(sv) as isize == it.used.get() => it.len.get(),
        _ => 0,
    };
    Ok(new_int(n as i64))
}

fn setiter_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    // Like CPython: the remaining items, consumed from a copy of the iterator state.
    let it = setiter_this(v)?;
    let mut rest = Vec::new();
    if let Some(sv) = it.set.borrow().clone() {
        let t = this(&sv)?.table.borrow();
        rest.extend(t.entries.iter().skip(it.pos.get()).filter_map(|e| e.key.clone()));
    }
    let iter_fn = crate::vm::ops::getattr_str(vm, &vm.builtins.clone(), "iter")?;
    Ok(super::tuple::new_tuple(vec![iter_fn, super::tuple::new_tuple(vec![super::list::PyList::new_value(rest)])]))
}

pub static SETITER_METHODS: &[MethodDef] = &[
    MethodDef::method("__length_hint__", setiter_length_hint),
    MethodDef::method("__reduce__", setiter_reduce),
];

/// Sets the slots of `set`, `frozenset` and `set_iterator`.
pub fn init_types() {
    for (ty, mutable) in [(&SET_TYPE, true), (&FROZENSET_TYPE, false)] {
        let s = &ty.slots;
        s.repr.set(Some(set_repr));
        s.richcompare.set(Some(set_richcompare));
        s.len.set(Some(set_len));
        s.contains.set(Some(set_contains));
        s.iter.set(Some(set_iter));
        for op in [BinaryOperator::Or, BinaryOperator::And, BinaryOperator::Subtract, BinaryOperator::Xor] {
            s.binop[op as usize].set(Some(set_binop));
            if mutable {
                s.inplace[op as usize].set(Some(set_inplace));
            }
        }
        if mutable {
            s.hash.set(Some(crate::vm::ops::hash_not_implemented));
            s.new.set(Some(set_new));
            s.init.set(Some(set_init));
        } else {
            s.hash.set(Some(frozenset_hash));
            s.new.set(Some(frozenset_new));
        }
    }
    let it = &SET_ITERATOR_TYPE.slots;
    it.iter.set(Some(setiter_iter));
    it.iternext.set(Some(setiter_next));
}
