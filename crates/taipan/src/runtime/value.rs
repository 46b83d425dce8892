//! The value word: every Python value Taipan handles is one machine word.
//!
//! Representation (see `docs/architecture.md`, "Values"):
//! - low bit 1: a small int, the word shifted right arithmetically by one (63-bit range);
//! - low bit 0: a non-null pointer to a heap object starting with an [`ObjectHead`].
//!
//! Invariants this module relies on (the only `unsafe` here):
//! 1. A `Value` holding a pointer owns one reference: `Clone` increments the object's
//!    reference count, `Drop` decrements it (and hands the object to `heap::release` at zero).
//! 2. Every int whose value fits in 63 bits and whose type is exactly `int` is stored inline;
//!    a heap `int` of exact type `int` always holds a value outside that range.  So
//!    `is`, `id()` and hashing stay consistent: equal small ints are the same word.
//! 3. Heap objects are at least 8-byte aligned, so their addresses never have the low bit set.

use std::num::NonZeroUsize;

use super::heap::{self, ObjectHead};
use crate::objects::typeobject::PyType;

/// An owned reference to a Python value (one machine word).
#[repr(transparent)]
pub struct Value(NonZeroUsize);

/// Views a run of value-stack slots as values, when none of them is empty.
///
/// SAFETY: `Value` is `repr(transparent)` over `NonZeroUsize`, so `Option<Value>`
/// has the same size and `Some(v)` the same bits as `v` (the guaranteed null-pointer
/// optimisation); a slice whose elements are all `Some` is therefore a valid `[Value]`.
#[inline]
pub fn as_values(slots: &[Option<Value>]) -> Option<&[Value]> {
    if slots.iter().all(Option::is_some) {
        Some(unsafe { std::slice::from_raw_parts(slots.as_ptr() as *const Value, slots.len()) })
    } else {
        None
    }
}

/// Smallest and largest ints stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

impl Value {
    /// An inline int, or `None` when `i` needs a heap int.
    #[inline(always)]
    pub fn try_small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            // (i << 1) | 1 is odd, hence non-zero.
            Some(Value(unsafe { NonZeroUsize::new_unchecked(((i << 1) | 1) as usize) }))
        } else {
            None
        }
    }

    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.0.get() & 1 == 1
    }

    /// The inline int, if this is one.
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0.get() as i64) >> 1)
        } else {
            None
        }
    }

    /// Takes ownership of one reference to the object at `ptr`.
    ///
    /// # Safety
    /// `ptr` must point to a live heap object and the caller transfers one reference.
    #[inline(always)]
    pub unsafe fn from_raw(ptr: *const ObjectHead) -> Value {
        debug_assert!(!ptr.is_null() && (ptr as usize) & 1 == 0);
        Value(unsafe { NonZeroUsize::new_unchecked(ptr as usize) })
    }

    /// A new reference to the object at `ptr` (increments its count).
    ///
    /// # Safety
    /// `ptr` must point to a live heap object.
    #[inline(always)]
    pub unsafe fn from_borrowed(ptr: *const ObjectHead) -> Value {
        unsafe { (*ptr).incref() };
        unsafe { Value::from_raw(ptr) }
    }

    /// Gives up ownership without decrementing; the pointer (or tagged word) is returned.
    #[inline(always)]
    pub fn into_raw(self) -> usize {
        let word = self.0.get();
        std::mem::forget(self);
        word
    }

    /// The raw word (address for heap objects): what `is` and `id()` compare.
    #[inline(always)]
    pub fn word(&self) -> usize {
        self.0.get()
    }

    /// The object header, for heap values.
    #[inline(always)]
    pub fn as_head(&self) -> Option<&ObjectHead> {
        if self.is_small_int() {
            None
        } else {
            // Invariant 1: we hold a reference, so the object is alive for `&self`.
            Some(unsafe { &*(self.0.get() as *const ObjectHead) })
        }
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *const ObjectHead {
        self.0.get() as *const ObjectHead
    }

    /// The value's type.  The type outlives `self` (instances hold a reference to it).
    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        match self.as_head() {
            Some(head) => head.ty(),
            None => crate::objects::int::int_type(),
        }
    }

    /// `self is other`.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// Views the heap object as its concrete payload struct `T` when its type's layout is
    /// `T`'s (exact type or a subclass sharing the layout).
    #[inline(always)]
    pub fn downcast<T: heap::PyPayload>(&self) -> Option<&T> {
        let head = self.as_head()?;
        if head.ty().layout_is(T::layout()) {
            // The layout check guarantees the object was allocated as a `T`.
            Some(unsafe { &*(head as *const ObjectHead as *const T) })
        } else {
            None
        }
    }

    /// Like `downcast` but only for the exact type `T::static_type()`.
    #[inline(always)]
    pub fn downcast_exact<T: heap::PyPayload>(&self) -> Option<&T> {
        let head = self.as_head()?;
        if std::ptr::eq(head.ty(), T::static_type()) {
            Some(unsafe { &*(head as *const ObjectHead as *const T) })
        } else {
            None
        }
    }

    /// Reinterprets the object as `T` without checking.
    ///
    /// # Safety
    /// The caller must know the object's layout is `T`.
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T: heap::PyPayload>(&self) -> &T {
        unsafe { &*(self.0.get() as *const T) }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(head) = self.as_head() {
            head.incref();
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(head) = self.as_head() {
            if head.decref_is_zero() {
                // The count reached zero: nobody else can reach the object.
                unsafe { heap::release(self.0.get() as *mut ObjectHead) };
            }
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_small_int() {
            Some(i) => write!(f, "Value({i})"),
            None => write!(f, "Value(<{} at {:#x}>)", self.ty().name(), self.word()),
        }
    }
}
