//! The cycle collector.  Mirrors CPython's `Python/gc.c` (generational, with PEP 442
//! finalization).
//!
//! Invariants (every `unsafe` block below relies on these):
//! 1. Every object whose type has `HAVE_GC` (except static type objects) is allocated
//!    with a `GcHead` in front and is linked into exactly one generation list from
//!    `track` (called by `heap::alloc`) until `untrack` (called by `heap::dealloc`).
//! 2. Lists are circular and doubly linked through sentinel heads that are never freed.
//! 3. During a collection no object in the collected set is freed before the final
//!    phase: the collector holds a reference to every unreachable object while it runs
//!    finalizers and clears references, and releases them last.
//! 4. A layout's `traverse` reports exactly the references the payload owns, so
//!    subtracting internal references from reference counts leaves the references from
//!    outside the collected set (CPython's `subtract_refs`).

use std::cell::Cell;

use super::heap::{gc_head_of, gcflags, obj_of_gc_head, GcHead, GilCell, ObjectHead};
use super::value::Value;
use crate::vm::Vm;

pub const NUM_GENERATIONS: usize = 3;

struct GcState {
    lists: [*mut GcHead; NUM_GENERATIONS],
    permanent: *mut GcHead,
    counts: [usize; NUM_GENERATIONS],
    thresholds: [usize; NUM_GENERATIONS],
    enabled: bool,
    collecting: bool,
    pending: bool,
    /// Statistics per generation: (collections, collected, uncollectable).
    pub stats: [(usize, usize, usize); NUM_GENERATIONS],
}

static GC: GilCell<GcState> = GilCell::new(GcState {
    lists: [std::ptr::null_mut(); NUM_GENERATIONS],
    permanent: std::ptr::null_mut(),
    counts: [0; NUM_GENERATIONS],
    thresholds: [2000, 10, 10],
    enabled: true,
    collecting: false,
    pending: false,
    stats: [(0, 0, 0); NUM_GENERATIONS],
});

fn new_sentinel() -> *mut GcHead {
    let s = Box::leak(Box::new(GcHead {
        next: Cell::new(std::ptr::null_mut()),
        prev: Cell::new(std::ptr::null_mut()),
        gc_refs: Cell::new(0),
        flags: Cell::new(0),
    })) as *mut GcHead;
    unsafe {
        (*s).next.set(s);
        (*s).prev.set(s);
    }
    s
}

fn state() -> &'static mut GcState {
    let st = unsafe { GC.get() };
    if st.lists[0].is_null() {
        for l in st.lists.iter_mut() {
            *l = new_sentinel();
        }
        st.permanent = new_sentinel();
    }
    st
}

unsafe fn link(list: *mut GcHead, gc: *mut GcHead) {
    unsafe {
        let last = (*list).prev.get();
        (*gc).prev.set(last);
        (*gc).next.set(list);
        (*last).next.set(gc);
        (*list).prev.set(gc);
    }
}

unsafe fn unlink(gc: *mut GcHead) {
    unsafe {
        let prev = (*gc).prev.get();
        let next = (*gc).next.get();
        (*prev).next.set(next);
        (*next).prev.set(prev);
        (*gc).next.set(std::ptr::null_mut());
        (*gc).prev.set(std::ptr::null_mut());
    }
}

/// Links a freshly allocated object into generation 0.
///
/// # Safety
/// `gc` is the GC header of a live object not yet tracked.
pub unsafe fn track(gc: *mut GcHead) {
    let st = state();
    unsafe {
        link(st.lists[0], gc);
        (*gc).flags.set((*gc).flags.get() | gcflags::TRACKED);
    }
    st.counts[0] += 1;
    if st.enabled && !st.collecting && st.counts[0] > st.thresholds[0] && st.thresholds[0] > 0 {
        st.pending = true;
        super::heap::request_break();
    }
}

/// Unlinks an object (deallocation).
///
/// # Safety
/// `gc` is the GC header of an object being freed.
pub unsafe fn untrack(gc: *mut GcHead) {
    unsafe {
        if (*gc).flags.get() & gcflags::TRACKED != 0 {
            unlink(gc);
            (*gc).flags.set((*gc).flags.get() & !gcflags::TRACKED);
        }
    }
    let st = state();
    if st.counts[0] > 0 {
        st.counts[0] -= 1;
    }
}

fn list_objects(list: *mut GcHead) -> Vec<*mut GcHead> {
    let mut out = Vec::new();
    unsafe {
        let mut p = (*list).next.get();
        while p != list {
            out.push(p);
            p = (*p).next.get();
        }
    }
    out
}

fn head_of(gc: *mut GcHead) -> &'static ObjectHead {
    // Invariant 1: tracked headers belong to live objects.
    unsafe { &*obj_of_gc_head(gc) }
}

fn traverse(gc: *mut GcHead, visit: &mut dyn FnMut(&Value)) {
    let head = head_of(gc);
    (head.ty().layout().traverse)(head, visit);
    for slot in head.extras() {
        if let Ok(v) = slot.try_borrow() {
            if let Some(v) = &*v {
                visit(v);
            }
        }
    }
}

fn tracked_gc_of(v: &Value) -> Option<*mut GcHead> {
    let head = v.as_head()?;
    let gc = head.gc_head()?;
    if gc.flags.get() & gcflags::TRACKED != 0 {
        Some(gc as *const GcHead as *mut GcHead)
    } else {
        None
    }
}

/// Runs a collection when allocation counts asked for one (from the eval breaker).
pub fn maybe_collect(vm: &mut Vm) {
    let st = state();
    if !st.pending || st.collecting || !st.enabled {
        st.pending = false;
        return;
    }
    st.pending = false;
    let mut generation = 0;
    for g in (1..NUM_GENERATIONS).rev() {
        if st.counts[g] > st.thresholds[g] && st.thresholds[g] > 0 {
            generation = g;
            break;
        }
    }
    collect(vm, generation);
}

/// Collects generations `0..=generation`; returns the number of unreachable objects.
pub fn collect(vm: &mut Vm, generation: usize) -> usize {
    let st = state();
    if st.collecting {
        return 0;
    }
    st.collecting = true;
    let generation = generation.min(NUM_GENERATIONS - 1);
    crate::modules::gc::run_callbacks(vm, "start", generation, 0, 0);
    // Merge younger generations into the one being collected.
    let target = st.lists[generation];
    for g in 0..generation {
        for p in list_objects(st.lists[g]) {
            unsafe {
                unlink(p);
                link(target, p);
            }
        }
    }
    // untrack_tuples: exact tuples holding only atomic or untracked objects can never
    // be part of a cycle; they leave the lists for good (`gc.is_tracked` shows it).
    for p in list_objects(target) {
        let h = head_of(p);
        if std::ptr::eq(h.ty(), &crate::objects::tuple::TUPLE_TYPE) {
            let mut atomic = true;
            traverse(p, &mut |v: &Value| atomic &= !is_tracked(v));
            if atomic {
                unsafe {
                    unlink(p);
                    (*p).flags.set((*p).flags.get() & !gcflags::TRACKED);
                }
            }
        }
    }
    let objects = list_objects(target);
    let mark = |p: *mut GcHead, f: u32, on: bool| unsafe {
        let fl = (*p).flags.get();
        (*p).flags.set(if on { fl | f } else { fl & !f });
    };
    let has = |p: *mut GcHead, f: u32| unsafe { (*p).flags.get() & f != 0 };
    for &p in &objects {
        mark(p, gcflags::UNREACHABLE, true);
        unsafe { (*p).gc_refs.set(head_of(p).refcnt() as isize) };
    }
    // subtract_refs: remove references internal to the set.
    for &p in &objects {
        traverse(p, &mut |v: &Value| {
            if let Some(q) = tracked_gc_of(v) {
                if has(q, gcflags::UNREACHABLE) {
                    unsafe { (*q).gc_refs.set((*q).gc_refs.get() - 1) };
                }
            }
        });
    }
    // move_unreachable: everything reachable from an externally referenced object lives.
    let mut stack: Vec<*mut GcHead> = objects.iter().copied().filter(|&p| unsafe { (*p).gc_refs.get() } > 0).collect();
    for &p in &stack {
        mark(p, gcflags::UNREACHABLE, false);
    }
    while let Some(p) = stack.pop() {
        traverse(p, &mut |v: &Value| {
            if let Some(q) = tracked_gc_of(v) {
                if has(q, gcflags::UNREACHABLE) {
                    mark(q, gcflags::UNREACHABLE, false);
                    stack.push(q);
                }
            }
        });
    }
    let unreachable: Vec<*mut GcHead> = objects.iter().copied().filter(|&p| has(p, gcflags::UNREACHABLE)).collect();
    for &p in &objects {
        mark(p, gcflags::UNREACHABLE, false);
    }
    // Hold every unreachable object while finalizers run (invariant 3).
    let held: Vec<Value> = unreachable.iter().map(|&p| unsafe { Value::from_borrowed(obj_of_gc_head(p)) }).collect();
    let n_unreachable = held.len();
    // PEP 442: run finalizers once.
    let mut finalized_any = false;
    for v in &held {
        let head = v.as_head().expect("heap object");
        let ty = head.ty();
        let Some(gc) = head.gc_head() else { continue };
        if ty.has_finalizer() && gc.flags.get() & gcflags::FINALIZED == 0 {
            gc.flags.set(gc.flags.get() | gcflags::FINALIZED);
            finalized_any = true;
            vm.call_finalizer(v.clone());
        }
    }
    // Resurrection check: objects referenced from outside the garbage set after the
    // finalizers ran (and everything they reach) survive.
    let garbage: Vec<Value> = if finalized_any {
        for v in &held {
            let gc = unsafe { gc_head_of(v.as_ptr()) };
            mark(gc, gcflags::UNREACHABLE, true);
            // One reference is ours (`held`).
            unsafe { (*gc).gc_refs.set(head_of(gc).refcnt() as isize - 1) };
        }
        for v in &held {
            let gc = unsafe { gc_head_of(v.as_ptr()) };
            traverse(gc, &mut |w: &Value| {
                if let Some(q) = tracked_gc_of(w) {
                    if has(q, gcflags::UNREACHABLE) {
                        unsafe { (*q).gc_refs.set((*q).gc_refs.get() - 1) };
                    }
                }
            });
        }
        let mut stack: Vec<*mut GcHead> = held
            .iter()
            .map(|v| unsafe { gc_head_of(v.as_ptr()) })
            .filter(|&p| unsafe { (*p).gc_refs.get() } > 0)
            .collect();
        for &p in &stack {
            mark(p, gcflags::UNREACHABLE, false);
        }
        while let Some(p) = stack.pop() {
            traverse(p, &mut |w: &Value| {
                if let Some(q) = tracked_gc_of(w) {
                    if has(q, gcflags::UNREACHABLE) {
                        mark(q, gcflags::UNREACHABLE, false);
                        stack.push(q);
                    }
                }
            });
        }
        let g: Vec<Value> = held.iter().filter(|v| has(unsafe { gc_head_of(v.as_ptr()) }, gcflags::UNREACHABLE)).cloned().collect();
        for v in &held {
            mark(unsafe { gc_head_of(v.as_ptr()) }, gcflags::UNREACHABLE, false);
        }
        g
    } else {
        held.clone()
    };
    // Clear the garbage's references, then release our holds.
    let mut dropped: Vec<Value> = Vec::new();
    for v in &garbage {
        let head = v.as_head().expect("heap object");
        (head.ty().layout().clear)(head, &mut dropped);
        for slot in head.extras() {
            if let Ok(mut s) = slot.try_borrow_mut() {
                if let Some(x) = s.take() {
                    dropped.push(x);
                }
            }
        }
    }
    drop(dropped);
    drop(garbage);
    // Survivors move to the next generation.
    let st = state();
    if generation + 1 < NUM_GENERATIONS {
        let next = st.lists[generation + 1];
        for p in list_objects(st.lists[generation]) {
            unsafe {
                unlink(p);
                link(next, p);
            }
        }
        st.counts[generation + 1] += 1;
    }
    for g in 0..=generation {
        st.counts[g] = 0;
    }
    st.stats[generation].0 += 1;
    st.stats[generation].1 += n_unreachable;
    drop(held);
    let st = state();
    st.collecting = false;
    crate::modules::gc::run_callbacks(vm, "stop", generation, n_unreachable, 0);
    n_unreachable
}

pub fn enable(on: bool) {
    state().enabled = on;
}
pub fn is_enabled() -> bool {
    state().enabled
}
pub fn counts() -> [usize; NUM_GENERATIONS] {
    state().counts
}
pub fn thresholds() -> [usize; NUM_GENERATIONS] {
    state().thresholds
}
pub fn set_thresholds(t: &[usize]) {
    let st = state();
    for (i, v) in t.iter().enumerate().take(NUM_GENERATIONS) {
        st.thresholds[i] = *v;
    }
}
pub fn stats() -> [(usize, usize, usize); NUM_GENERATIONS] {
    state().stats
}

/// All tracked objects (of one generation, or all).
pub fn objects(generation: Option<usize>) -> Vec<Value> {
    let st = state();
    let lists: Vec<*mut GcHead> = match generation {
        Some(g) if g < NUM_GENERATIONS => vec![st.lists[g]],
        Some(_) => vec![],
        None => st.lists.to_vec(),
    };
    let mut out = Vec::new();
    for l in lists {
        for p in list_objects(l) {
            out.push(unsafe { Value::from_borrowed(obj_of_gc_head(p)) });
        }
    }
    out
}

/// Objects that refer to any of `targets`.
pub fn referrers(targets: &[Value]) -> Vec<Value> {
    let st = state();
    let mut out = Vec::new();
    let mut all: Vec<*mut GcHead> = Vec::new();
    for l in st.lists {
        all.extend(list_objects(l));
    }
    all.extend(list_objects(st.permanent));
    for p in all {
        let mut hit = false;
        traverse(p, &mut |v: &Value| {
            if targets.iter().any(|t| t.is(v)) {
                hit = true;
            }
        });
        if hit {
            out.push(unsafe { Value::from_borrowed(obj_of_gc_head(p)) });
        }
    }
    out
}

/// The objects `v` refers to (`gc.get_referents`).
pub fn referents(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(head) = v.as_head() {
        if head.gc_head().is_some() {
            (head.ty().layout().traverse)(head, &mut |w: &Value| out.push(w.clone()));
            for slot in head.extras() {
                if let Ok(s) = slot.try_borrow() {
                    if let Some(x) = &*s {
                        out.push(x.clone());
                    }
                }
            }
        }
    }
    out
}

/// Takes a live object off the GC lists (objects that can never be in a cycle).
pub fn untrack_value(v: &Value) {
    if let Some(g) = v.as_head().and_then(|h| h.gc_head()) {
        if g.flags.get() & gcflags::TRACKED != 0 {
            let p = g as *const GcHead as *mut GcHead;
            // SAFETY: `p` is the tracked GC header of a live object; unlinking it
            // keeps the lists well formed.
            unsafe {
                unlink(p);
                (*p).flags.set((*p).flags.get() & !gcflags::TRACKED);
            }
        }
    }
}

pub fn is_tracked(v: &Value) -> bool {
    v.as_head().and_then(|h| h.gc_head()).map(|g| g.flags.get() & gcflags::TRACKED != 0).unwrap_or(false)
}

/// `gc.freeze()`: moves everything to the permanent generation.
pub fn freeze() {
    let st = state();
    for g in 0..NUM_GENERATIONS {
        for p in list_objects(st.lists[g]) {
            unsafe {
                unlink(p);
                link(st.permanent, p);
            }
        }
        st.counts[g] = 0;
    }
}

pub fn unfreeze() {
    let st = state();
    let oldest = st.lists[NUM_GENERATIONS - 1];
    for p in list_objects(st.permanent) {
        unsafe {
            unlink(p);
            link(oldest, p);
        }
    }
}

pub fn freeze_count() -> usize {
    list_objects(state().permanent).len()
}
