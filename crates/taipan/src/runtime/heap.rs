//! The object heap: headers, allocation, reference counting and deallocation.
//!
//! Mirrors CPython's `Include/object.h` (`PyObject` header), `Objects/object.c`
//! (`_Py_Dealloc`, the trashcan) and `Include/internal/pycore_gc.h` (the GC header placed
//! *before* the object).
//!
//! Memory layout of one object (`[...]` only for types with `TypeFlags::HAVE_GC`):
//!
//! ```text
//!   [GcHead: next, prev, gc_refs, flags]  ObjectHead{refcnt, type}  payload..  extras..
//!                                         ^ every Value / *ObjectHead points here
//! ```
//!
//! - `ObjectHead` is `(reference count, type pointer)`, both machine words, in that order
//!   (the brief's requirement, so a C-API layer can hand out object pointers).
//! - The payload is the rest of the `#[repr(C)]` struct `T: PyPayload` whose first field is
//!   the `ObjectHead`.
//! - `extras` are `type.n_extra()` words of `RefCell<Option<Value>>` for instances of
//!   classes defined in Python: slot 0 is `__dict__` when the class has one, the rest
//!   hold `__slots__` values.
//!
//! Invariants (every `unsafe` block below relies on these):
//! 1. An object is freed exactly once, when its count reaches zero and it is not
//!    resurrected.  Only `release` frees; it runs no Python code: objects whose class has
//!    a `__del__`, and weak references with callbacks, are put on the pending queue and
//!    the interpreter runs them at its next instruction boundary (`Vm::run_pending`).
//! 2. A type outlives its instances: an instance of a heap type holds one reference to it,
//!    given back after the instance's payload is dropped.
//! 3. Deallocation depth is bounded (the trashcan): past `TRASHCAN_DEPTH` nested
//!    deallocations, objects are parked on a list and freed by the outermost call, so
//!    dropping a million-deep linked structure never overflows the Rust stack.
//! 4. All of this state is only touched by the thread holding the interpreter lock
//!    (`GilCell`).  Taipan currently runs Python on one thread at a time.

use std::alloc::{self, Layout as AllocLayout};
use std::cell::{Cell, RefCell, UnsafeCell};

use super::value::Value;
use crate::objects::typeobject::PyType;

/// A cell for interpreter-global state, accessed only while holding the interpreter lock.
pub struct GilCell<T>(UnsafeCell<T>);

// SAFETY: invariant 4: only the thread holding the interpreter lock touches the contents.
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(v: T) -> GilCell<T> {
        GilCell(UnsafeCell::new(v))
    }
    /// # Safety
    /// The caller holds the interpreter lock and no other reference to the contents is live.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    pub unsafe fn get(&self) -> &mut T {
        unsafe { &mut *self.0.get() }
    }
}

/// The header every heap object starts with.
#[repr(C)]
pub struct ObjectHead {
    refcnt: Cell<usize>,
    ob_type: Cell<*const PyType>,
}

/// Reference count given to objects that must never be freed (static types, None, ...).
pub const IMMORTAL_REFCNT: usize = 1 << 60;

impl ObjectHead {
    /// A header for a statically allocated, immortal object.
    pub const fn immortal(ty: *const PyType) -> ObjectHead {
        ObjectHead { refcnt: Cell::new(IMMORTAL_REFCNT), ob_type: Cell::new(ty) }
    }

    /// A header to be filled in by `alloc` (the count and type are written there).
    pub const fn uninit() -> ObjectHead {
        ObjectHead { refcnt: Cell::new(0), ob_type: Cell::new(std::ptr::null()) }
    }

    #[inline(always)]
    pub fn incref(&self) {
        self.refcnt.set(self.refcnt.get() + 1);
    }

    /// Decrements; true when the count reached zero.
    #[inline(always)]
    pub fn decref_is_zero(&self) -> bool {
        let n = self.refcnt.get() - 1;
        self.refcnt.set(n);
        n == 0
    }

    #[inline(always)]
    pub fn refcnt(&self) -> usize {
        self.refcnt.get()
    }

    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        // Invariant 2: the type outlives the object.
        unsafe { &*self.ob_type.get() }
    }

    #[inline(always)]
    pub fn ty_ptr(&self) -> *const PyType {
        self.ob_type.get()
    }

    /// `obj.__class__ = new_type`; the caller checked layout compatibility.
    pub fn set_type(&self, new_type: &PyType) {
        let old = self.ob_type.get();
        if new_type.is_heap_type() {
            new_type.head().incref();
        }
        self.ob_type.set(new_type);
        // SAFETY: we held one reference to the old type if it was a heap type.
        let old = unsafe { &*old };
        if old.is_heap_type() {
            drop(unsafe { Value::from_raw(old.head()) });
        }
    }

    /// Statically allocated type objects have no GC header although `type` has `HAVE_GC`.
    #[inline(always)]
    fn is_static_type(&self) -> bool {
        self.ty().layout_is(&crate::objects::typeobject::TYPE_LAYOUT)
            && !unsafe { &*(self as *const ObjectHead as *const PyType) }.is_heap_type()
    }

    /// The extras block (`__dict__` and `__slots__` words) of an instance.
    pub fn extras(&self) -> &[RefCell<Option<Value>>] {
        let ty = self.ty();
        let n = ty.n_extra();
        if n == 0 {
            return &[];
        }
        let offset = ty.extras_offset();
        // The allocation reserved `n` initialised words at `offset` (see `alloc`).
        unsafe {
            let base = (self as *const ObjectHead as *const u8).add(offset);
            std::slice::from_raw_parts(base as *const RefCell<Option<Value>>, n)
        }
    }

    /// The GC header, for objects whose type has `HAVE_GC`.
    #[inline(always)]
    pub fn gc_head(&self) -> Option<&GcHead> {
        let ty = self.ty();
        if ty.has_gc() && !self.is_static_type() {
            Some(unsafe { &*gc_head_of(self as *const ObjectHead) })
        } else {
            None
        }
    }
}

/// Describes the concrete Rust struct behind a family of types (a "base layout").
/// `list` and every class deriving from it share `LIST_LAYOUT`.
pub struct Layout {
    pub name: &'static str,
    /// `size_of::<T>()`.
    pub size: usize,
    /// Drops the payload in place (`drop_in_place::<T>`).
    pub drop: unsafe fn(*mut ObjectHead),
    /// Visits every `Value` the payload owns (CPython's `tp_traverse`).
    pub traverse: fn(&ObjectHead, &mut dyn FnMut(&Value)),
    /// Takes out the references that can form cycles (CPython's `tp_clear`); the caller
    /// drops them after the collector's bookkeeping.
    pub clear: fn(&ObjectHead, &mut Vec<Value>),
}

/// Implemented by every `#[repr(C)]` object struct whose first field is an `ObjectHead`.
pub trait PyPayload: Sized + 'static {
    fn layout() -> &'static Layout;
    fn static_type() -> &'static PyType;
}

/// Builds a `Layout` for `T`.
#[macro_export]
macro_rules! payload_layout {
    ($t:ty, $name:expr, $traverse:expr, $clear:expr) => {{
        unsafe fn drop_payload(p: *mut $crate::runtime::heap::ObjectHead) {
            // SAFETY: called once by `heap::dealloc` on an object allocated as `$t`.
            unsafe { std::ptr::drop_in_place(p as *mut $t) }
        }
        $crate::runtime::heap::Layout {
            name: $name,
            size: std::mem::size_of::<$t>(),
            drop: drop_payload,
            traverse: $traverse,
            clear: $clear,
        }
    }};
}

pub fn no_traverse(_: &ObjectHead, _: &mut dyn FnMut(&Value)) {}
pub fn no_clear(_: &ObjectHead, _: &mut Vec<Value>) {}

/// The header in front of objects the cycle collector tracks.
#[repr(C)]
pub struct GcHead {
    pub next: Cell<*mut GcHead>,
    pub prev: Cell<*mut GcHead>,
    /// Scratch count used during a collection (CPython's `gc_refs`).
    pub gc_refs: Cell<isize>,
    pub flags: Cell<u32>,
}

pub mod gcflags {
    /// Linked into a generation list.
    pub const TRACKED: u32 = 1;
    /// `__del__` already ran (PEP 442: finalizers run once).
    pub const FINALIZED: u32 = 2;
    /// Some weak references point at the object (see `objects::weakref`).
    pub const HAS_WEAKREFS: u32 = 4;
    /// Scratch marks used by the collector.
    pub const REACHABLE: u32 = 8;
    pub const UNREACHABLE: u32 = 16;
}

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

#[inline(always)]
pub unsafe fn gc_head_of(obj: *const ObjectHead) -> *mut GcHead {
    unsafe { (obj as *mut u8).sub(GC_HEAD_SIZE) as *mut GcHead }
}

#[inline(always)]
pub unsafe fn obj_of_gc_head(gc: *const GcHead) -> *mut ObjectHead {
    unsafe { (gc as *mut u8).add(GC_HEAD_SIZE) as *mut ObjectHead }
}

/// Bytes to allocate for an instance of `ty` (excluding the GC header).
pub fn instance_size(ty: &PyType) -> usize {
    ty.extras_offset() + ty.n_extra() * std::mem::size_of::<RefCell<Option<Value>>>()
}

fn alloc_layout(ty: &PyType) -> AllocLayout {
    let size = instance_size(ty) + if ty.has_gc() { GC_HEAD_SIZE } else { 0 };
    // Sizes are small multiples of 8; alignment 16 covers every payload.
    AllocLayout::from_size_align(size.max(16), 16).unwrap_or_else(|_| alloc::handle_alloc_error(AllocLayout::new::<u128>()))
}

/// Allocates an object of type `ty` whose payload is `payload` (its head is overwritten).
/// `ty` must use `T`'s layout.  Returns the only reference.
pub fn alloc<T: PyPayload>(ty: &PyType, payload: T) -> Value {
    debug_assert!(ty.layout_is(T::layout()), "{} allocated with layout {}", ty.name(), T::layout().name);
    let layout = alloc_layout(ty);
    unsafe {
        let mem = alloc::alloc(layout);
        if mem.is_null() {
            alloc::handle_alloc_error(layout);
        }
        let obj = if ty.has_gc() { mem.add(GC_HEAD_SIZE) } else { mem } as *mut ObjectHead;
        std::ptr::write(obj as *mut T, payload);
        (*obj).refcnt.set(1);
        (*obj).ob_type.set(ty);
        if ty.is_heap_type() {
            ty.head().incref();
        }
        let n = ty.n_extra();
        if n > 0 {
            let extras = (obj as *mut u8).add(ty.extras_offset()) as *mut RefCell<Option<Value>>;
            for i in 0..n {
                std::ptr::write(extras.add(i), RefCell::new(None));
            }
        }
        if ty.has_gc() {
            let gc = mem as *mut GcHead;
            std::ptr::write(
                gc,
                GcHead {
                    next: Cell::new(std::ptr::null_mut()),
                    prev: Cell::new(std::ptr::null_mut()),
                    gc_refs: Cell::new(0),
                    flags: Cell::new(0),
                },
            );
            super::gc::track(gc);
        }
        Value::from_raw(obj)
    }
}

/// Work the interpreter must do at its next instruction boundary.
pub enum Pending {
    /// Call the object's `__del__` (it was resurrected with one reference, held here).
    Finalize(Value),
    /// Call `callback(weakref)`.
    WeakrefCallback { callback: Value, weakref: Value },
}

struct HeapState {
    pending: Vec<Pending>,
    /// Objects parked by the trashcan, freed by the outermost `release`.
    deferred: Vec<*mut ObjectHead>,
    depth: usize,
    /// Released exact `float` objects kept for reuse (CPython's float freelist):
    /// refcount 0, type `float`, payload stale. Floats have no GC header, no
    /// extras, no weak references and nothing to drop, so reuse only rewrites
    /// the count and the value.
    float_free: Vec<*mut ObjectHead>,
}

const FLOAT_FREELIST_MAX: usize = 256;

static HEAP: GilCell<HeapState> =
    GilCell::new(HeapState { pending: Vec::new(), deferred: Vec::new(), depth: 0, float_free: Vec::new() });

/// A float object from the freelist, with refcount 1; the caller sets its value.
#[inline]
pub fn take_free_float() -> Option<*mut ObjectHead> {
    let p = unsafe { HEAP.get() }.float_free.pop()?;
    unsafe { (*p).refcnt.set(1) };
    Some(p)
}

/// Set when `pending` is non-empty or a collection is due; the eval loop polls it.
pub static EVAL_BREAKER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[inline(always)]
pub fn eval_breaker_set() -> bool {
    EVAL_BREAKER.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn request_break() {
    EVAL_BREAKER.store(true, std::sync::atomic::Ordering::Relaxed);
}

pub fn push_pending(p: Pending) {
    unsafe { HEAP.get() }.pending.push(p);
    request_break();
}

/// Takes the queued finalizers and callbacks (the caller runs them).
pub fn take_pending() -> Vec<Pending> {
    std::mem::take(&mut unsafe { HEAP.get() }.pending)
}

const TRASHCAN_DEPTH: usize = 200;

/// Called when an object's count reached zero.
///
/// # Safety
/// `obj` is a heap object whose reference count just dropped to zero.
pub unsafe fn release(obj: *mut ObjectHead) {
    let head = unsafe { &*obj };
    let ty = head.ty();
    if std::ptr::eq(ty, &crate::objects::float::FLOAT_TYPE) {
        let st = unsafe { HEAP.get() };
        if st.float_free.len() < FLOAT_FREELIST_MAX {
            st.float_free.push(obj);
            return;
        }
    }
    if ty.has_finalizer() {
        if let Some(gc) = head.gc_head() {
            if gc.flags.get() & gcflags::FINALIZED == 0 {
                gc.flags.set(gc.flags.get() | gcflags::FINALIZED);
                head.refcnt.set(1);
                push_pending(Pending::Finalize(unsafe { Value::from_raw(obj) }));
                return;
            }
        }
    }
    let state = unsafe { HEAP.get() };
    if state.depth >= TRASHCAN_DEPTH {
        state.deferred.push(obj);
        return;
    }
    state.depth += 1;
    unsafe { dealloc(obj) };
    let state = unsafe { HEAP.get() };
    state.depth -= 1;
    if state.depth == 0 {
        while let Some(next) = unsafe { HEAP.get() }.deferred.pop() {
            unsafe { HEAP.get() }.depth += 1;
            unsafe { dealloc(next) };
            unsafe { HEAP.get() }.depth -= 1;
        }
    }
}

/// Frees an object: weak references, GC list, extras, payload, type reference, memory.
unsafe fn dealloc(obj: *mut ObjectHead) {
    let head = unsafe { &*obj };
    let ty_ptr = head.ty_ptr();
    let ty = unsafe { &*ty_ptr };
    if let Some(gc) = head.gc_head() {
        if gc.flags.get() & gcflags::HAS_WEAKREFS != 0 {
            crate::objects::weakref::clear_weakrefs(obj);
        }
        unsafe { super::gc::untrack(gc as *const GcHead as *mut GcHead) };
    }
    let n = ty.n_extra();
    if n > 0 {
        unsafe {
            let extras = (obj as *mut u8).add(ty.extras_offset()) as *mut RefCell<Option<Value>>;
            for i in 0..n {
                std::ptr::drop_in_place(extras.add(i));
            }
        }
    }
    let layout = alloc_layout(ty);
    let has_gc = ty.has_gc();
    let heap_type = ty.is_heap_type();
    unsafe { (ty.layout().drop)(obj) };
    let mem = if has_gc { unsafe { (obj as *mut u8).sub(GC_HEAD_SIZE) } } else { obj as *mut u8 };
    unsafe { alloc::dealloc(mem, layout) };
    if heap_type {
        // Invariant 2: the instance held one reference to its type.
        drop(unsafe { Value::from_raw(ty_ptr as *const ObjectHead) });
    }
}

/// `sys.getrefcount` (plus nothing: the caller adds its own temporary reference).
pub fn refcount(v: &Value) -> usize {
    match v.as_head() {
        Some(h) => h.refcnt(),
        None => IMMORTAL_REFCNT,
    }
}
