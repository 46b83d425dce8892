//! `type`: type objects, their slots, the MRO and attribute lookup.
//!
//! Mirrors CPython's `Objects/typeobject.c`.  A type carries *slots*: Rust function
//! pointers for the operations the interpreter performs on its instances (`tp_repr`,
//! `nb_add`, `tp_iter`, ...).  Built-in types fill them with native functions; classes
//! defined in Python get trampolines (`objects::slots`) that call the Python dunder
//! methods, chosen along the MRO whenever the class or a base is created or changed, so
//! the interpreter never looks a dunder up by name on a hot path.
//!
//! Attribute lookup along the MRO goes through a global direct-mapped cache keyed by
//! (type, interned name) and validated by a global type epoch that is bumped whenever any
//! type's dictionary or bases change (see `type_lookup`).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use crate::runtime::heap::{GilCell, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub type UnaryFn = fn(&mut Vm, &Value) -> PyResult<Value>;
pub type BinaryOpFn = fn(&mut Vm, &Value, &Value, BinaryOperator) -> PyResult<Value>;
pub type TernaryFn = fn(&mut Vm, &Value, &Value, &Value) -> PyResult<Value>;
pub type HashFn = fn(&mut Vm, &Value) -> PyResult<i64>;
pub type LenFn = fn(&mut Vm, &Value) -> PyResult<usize>;
pub type BoolFn = fn(&mut Vm, &Value) -> PyResult<bool>;
pub type RichCmpFn = fn(&mut Vm, &Value, &Value, ComparisonOperator) -> PyResult<Value>;
pub type GetattroFn = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;
pub type SetattroFn = fn(&mut Vm, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type DescrGetFn = fn(&mut Vm, &Value, Option<&Value>, Option<&Value>) -> PyResult<Value>;
pub type DescrSetFn = fn(&mut Vm, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type CallFn = fn(&mut Vm, &Value, Args) -> PyResult<Value>;
/// `tp_iternext`: `Ok(None)` means exhausted (no StopIteration object is made).
pub type IterNextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;
pub type NewFn = fn(&mut Vm, &Value, Args) -> PyResult<Value>;
pub type InitFn = fn(&mut Vm, &Value, Args) -> PyResult<()>;
pub type SetItemFn = fn(&mut Vm, &Value, &Value, Option<&Value>) -> PyResult<()>;
pub type ContainsFn = fn(&mut Vm, &Value, &Value) -> PyResult<bool>;

/// Unary number slots (`nb_negative`, ...), indexed by `UnaryOp as usize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg = 0,
    Pos = 1,
    Abs = 2,
    Invert = 3,
}

impl UnaryOp {
    pub fn dunder(self) -> &'static str {
        match self {
            UnaryOp::Neg => "__neg__",
            UnaryOp::Pos => "__pos__",
            UnaryOp::Abs => "__abs__",
            UnaryOp::Invert => "__invert__",
        }
    }
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "unary -",
            UnaryOp::Pos => "unary +",
            UnaryOp::Abs => "abs()",
            UnaryOp::Invert => "unary ~",
        }
    }
}

/// The slot table of a type.  Every field is a `Cell` so heap types can update slots when
/// a dunder is assigned after class creation.
pub struct Slots {
    pub repr: Cell<Option<UnaryFn>>,
    pub str: Cell<Option<UnaryFn>>,
    pub hash: Cell<Option<HashFn>>,
    pub call: Cell<Option<CallFn>>,
    pub getattro: Cell<Option<GetattroFn>>,
    pub setattro: Cell<Option<SetattroFn>>,
    pub richcompare: Cell<Option<RichCmpFn>>,
    pub iter: Cell<Option<UnaryFn>>,
    pub iternext: Cell<Option<IterNextFn>>,
    pub descr_get: Cell<Option<DescrGetFn>>,
    pub descr_set: Cell<Option<DescrSetFn>>,
    pub init: Cell<Option<InitFn>>,
    pub new: Cell<Option<NewFn>>,
    /// Binary operators, indexed by the non-in-place `BinaryOperator`.
    pub binop: [Cell<Option<BinaryOpFn>>; 13],
    /// In-place operators, indexed by the non-in-place `BinaryOperator`.
    pub inplace: [Cell<Option<BinaryOpFn>>; 13],
    pub pow3: Cell<Option<TernaryFn>>,
    pub unary: [Cell<Option<UnaryFn>>; 4],
    pub bool: Cell<Option<BoolFn>>,
    pub int: Cell<Option<UnaryFn>>,
    pub float: Cell<Option<UnaryFn>>,
    pub index: Cell<Option<UnaryFn>>,
    pub len: Cell<Option<LenFn>>,
    pub getitem: Cell<Option<BinaryFn2>>,
    pub setitem: Cell<Option<SetItemFn>>,
    pub contains: Cell<Option<ContainsFn>>,
}

pub type BinaryFn2 = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;

macro_rules! cells {
    ($n:literal) => {
        [const { Cell::new(None) }; $n]
    };
}

impl Slots {
    pub const fn empty() -> Slots {
        Slots {
            repr: Cell::new(None),
            str: Cell::new(None),
            hash: Cell::new(None),
            call: Cell::new(None),
            getattro: Cell::new(None),
            setattro: Cell::new(None),
            richcompare: Cell::new(None),
            iter: Cell::new(None),
            iternext: Cell::new(None),
            descr_get: Cell::new(None),
            descr_set: Cell::new(None),
            init: Cell::new(None),
            new: Cell::new(None),
            binop: cells!(13),
            inplace: cells!(13),
            pow3: Cell::new(None),
            unary: cells!(4),
            bool: Cell::new(None),
            int: Cell::new(None),
            float: Cell::new(None),
            index: Cell::new(None),
            len: Cell::new(None),
            getitem: Cell::new(None),
            setitem: Cell::new(None),
            contains: Cell::new(None),
        }
    }
}

pub mod flags {
    /// Allocated at run time (a class statement or `type(...)`), reference counted.
    pub const HEAPTYPE: u32 = 1 << 9;
    /// May be subclassed.
    pub const BASETYPE: u32 = 1 << 10;
    /// Instances carry a GC header and are tracked by the cycle collector.
    pub const HAVE_GC: u32 = 1 << 14;
    /// Instances have a `__dict__` in extras slot 0.
    pub const HAS_DICT: u32 = 1 << 4;
    /// The class defines `__del__`.
    pub const HAS_FINALIZER: u32 = 1 << 0;
    /// Instances may be weakly referenced.
    pub const WEAKREFABLE: u32 = 1 << 1;
    /// `__abstractmethods__` is non-empty.
    pub const IS_ABSTRACT: u32 = 1 << 20;
    /// Immutable type (built-in): attributes cannot be set.
    pub const IMMUTABLE: u32 = 1 << 8;
    /// Fast subclass checks, as CPython's `Py_TPFLAGS_*_SUBCLASS`.
    pub const LONG_SUBCLASS: u32 = 1 << 24;
    pub const LIST_SUBCLASS: u32 = 1 << 25;
    pub const TUPLE_SUBCLASS: u32 = 1 << 26;
    pub const BYTES_SUBCLASS: u32 = 1 << 27;
    pub const UNICODE_SUBCLASS: u32 = 1 << 28;
    pub const DICT_SUBCLASS: u32 = 1 << 29;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 30;
    pub const TYPE_SUBCLASS: u32 = 1 << 31;
    /// `match` treats instances as sequences / mappings.
    pub const SEQUENCE: u32 = 1 << 5;
    pub const MAPPING: u32 = 1 << 6;
    /// Methods are looked up with `LoadMethod` binding (functions and method descriptors).
    pub const METHOD_DESCRIPTOR: u32 = 1 << 17;
}

/// A method of a built-in type, declared once with its native function.
pub struct MethodDef {
    pub name: &'static str,
    pub func: crate::vm::NativeFn,
    pub kind: MethodKind,
    pub doc: &'static str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// Called with the instance as `args[0]`.
    Instance,
    /// A classmethod: called with the type as `args[0]`.
    Class,
    /// A staticmethod: called with the arguments only.
    Static,
}

impl MethodDef {
    pub const fn method(name: &'static str, func: crate::vm::NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Instance, doc: "" }
    }
    pub const fn classmethod(name: &'static str, func: crate::vm::NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Class, doc: "" }
    }
    pub const fn staticmethod(name: &'static str, func: crate::vm::NativeFn) -> MethodDef {
        MethodDef { name, func, kind: MethodKind::Static, doc: "" }
    }
}

/// A computed attribute of a built-in type (CPython's `PyGetSetDef`).
pub struct GetSetDef {
    pub name: &'static str,
    pub get: fn(&mut Vm, &Value) -> PyResult<Value>,
    pub set: Option<fn(&mut Vm, &Value, Option<&Value>) -> PyResult<()>>,
    pub doc: &'static str,
}

impl GetSetDef {
    pub const fn new(name: &'static str, get: fn(&mut Vm, &Value) -> PyResult<Value>) -> GetSetDef {
        GetSetDef { name, get, set: None, doc: "" }
    }
    pub const fn with_set(
        name: &'static str,
        get: fn(&mut Vm, &Value) -> PyResult<Value>,
        set: fn(&mut Vm, &Value, Option<&Value>) -> PyResult<()>,
    ) -> GetSetDef {
        GetSetDef { name, get, set: Some(set), doc: "" }
    }
}

/// A type object.
#[repr(C)]
pub struct PyType {
    head: ObjectHead,
    name: RefCell<Cow<'static, str>>,
    qualname: RefCell<Cow<'static, str>>,
    pub flags: Cell<u32>,
    /// The base layout every instance is allocated with.
    layout: Cell<&'static Layout>,
    /// Number of `RefCell<Option<Value>>` words after the payload (dict + slots).
    n_extra: Cell<usize>,
    /// `tp_base`: the solid base (for built-ins), or the first base.
    base: Cell<*const PyType>,
    /// `__bases__` (types).
    pub bases: RefCell<Vec<Value>>,
    /// `__mro__`.
    pub mro: RefCell<Vec<Value>>,
    /// `__dict__` (a dict object), created when the type is initialised.
    pub dict: RefCell<Option<Value>>,
    pub slots: Slots,
    /// Names of `__slots__` entries in extras order (after the dict word when present).
    pub slot_names: RefCell<Vec<Value>>,
    /// Direct subclasses (not owning) for slot updates.
    pub subclasses: RefCell<Vec<*const PyType>>,
    /// Built-in tables, read by `init_static_type`.
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    pub doc: Option<&'static str>,
    /// `__module__` for built-in types other than `builtins`.
    pub module: Option<&'static str>,
}

// SAFETY: heap invariant 4: type objects are only touched by the thread holding the
// interpreter lock.
unsafe impl Sync for PyType {}

pub struct StaticTypeInit {
    pub name: &'static str,
    pub layout: &'static Layout,
    pub flags: u32,
    pub base: Option<&'static PyType>,
    pub methods: &'static [MethodDef],
    pub getsets: &'static [GetSetDef],
    pub doc: Option<&'static str>,
    pub module: Option<&'static str>,
}

impl PyType {
    /// A built-in type as a `static` item.  Slots are filled by the type's `init` function.
    pub const fn new_static(init: StaticTypeInit) -> PyType {
        PyType {
            head: ObjectHead::immortal(&crate::objects::typeobject::TYPE_TYPE as *const PyType),
            name: RefCell::new(Cow::Borrowed(init.name)),
            qualname: RefCell::new(Cow::Borrowed(init.name)),
            flags: Cell::new(init.flags | flags::IMMUTABLE),
            layout: Cell::new(init.layout),
            n_extra: Cell::new(0),
            base: Cell::new(match init.base {
                Some(b) => b as *const PyType,
                None => std::ptr::null(),
            }),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(None),
            slots: Slots::empty(),
            slot_names: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            methods: init.methods,
            getsets: init.getsets,
            doc: init.doc,
            module: init.module,
        }
    }

    /// A heap type's payload before `heap::alloc` (see `typeobject_new`).
    pub fn new_heap(name: String, qualname: String, layout: &'static Layout, flags: u32, base: &PyType) -> PyType {
        PyType {
            head: ObjectHead::uninit(),
            name: RefCell::new(Cow::Owned(name)),
            qualname: RefCell::new(Cow::Owned(qualname)),
            flags: Cell::new(flags | flags::HEAPTYPE),
            layout: Cell::new(layout),
            n_extra: Cell::new(0),
            base: Cell::new(base),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(None),
            slots: Slots::empty(),
            slot_names: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            methods: &[],
            getsets: &[],
            doc: None,
            module: None,
        }
    }

    #[inline(always)]
    pub fn head(&self) -> &ObjectHead {
        &self.head
    }

    /// A new reference to this type as a value.
    #[inline]
    pub fn to_value(&self) -> Value {
        unsafe { Value::from_borrowed(&self.head) }
    }

    pub fn name(&self) -> String {
        self.name.borrow().to_string()
    }
    /// CPython's `tp_name`, used in many error messages: static types defined by a
    /// module other than builtins carry the module prefix ("collections.deque").
    pub fn tp_name(&self) -> String {
        match self.module {
            Some(m) if !self.is_heap_type() && m != "builtins" => format!("{m}.{}", self.name.borrow()),
            _ => self.name(),
        }
    }
    pub fn with_name<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.name.borrow())
    }
    pub fn set_name(&self, name: String) {
        *self.name.borrow_mut() = Cow::Owned(name);
    }
    pub fn qualname(&self) -> String {
        self.qualname.borrow().to_string()
    }
    pub fn set_qualname(&self, name: String) {
        *self.qualname.borrow_mut() = Cow::Owned(name);
    }

    #[inline(always)]
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    #[inline(always)]
    pub fn has_gc(&self) -> bool {
        self.has_flag(flags::HAVE_GC)
    }
    #[inline(always)]
    pub fn is_heap_type(&self) -> bool {
        self.has_flag(flags::HEAPTYPE)
    }
    #[inline(always)]
    pub fn has_finalizer(&self) -> bool {
        self.has_flag(flags::HAS_FINALIZER)
    }
    #[inline(always)]
    pub fn has_dict(&self) -> bool {
        self.has_flag(flags::HAS_DICT)
    }

    #[inline(always)]
    pub fn layout(&self) -> &'static Layout {
        self.layout.get()
    }
    #[inline(always)]
    pub fn layout_is(&self, l: &'static Layout) -> bool {
        std::ptr::eq(self.layout.get(), l)
    }
    #[inline(always)]
    pub fn n_extra(&self) -> usize {
        self.n_extra.get()
    }
    pub fn set_n_extra(&self, n: usize) {
        self.n_extra.set(n);
    }
    /// Byte offset of the extras block from the object head.
    #[inline(always)]
    pub fn extras_offset(&self) -> usize {
        (self.layout.get().size + 7) & !7
    }

    pub fn base(&self) -> Option<&PyType> {
        let b = self.base.get();
        if b.is_null() {
            None
        } else {
            Some(unsafe { &*b })
        }
    }
    pub fn set_base(&self, b: &PyType) {
        self.base.set(b);
    }

    /// The type's `__dict__` (a dict object).
    pub fn dict_value(&self) -> Value {
        match &*self.dict.borrow() {
            Some(d) => d.clone(),
            None => crate::objects::dict::PyDict::new_value(),
        }
    }

    /// `issubclass(self, other)` by the MRO (no `__subclasscheck__`).
    pub fn is_subtype(&self, other: &PyType) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        let mro = self.mro.borrow();
        if mro.is_empty() {
            // Not yet initialised: walk the base chain.
            let mut t = self.base();
            while let Some(b) = t {
                if std::ptr::eq(b, other) {
                    return true;
                }
                t = b.base();
            }
            return false;
        }
        mro.iter().any(|t| std::ptr::eq(t.as_ptr(), other.head() as *const ObjectHead))
    }

    /// Looks `name` (an interned str) up along the MRO, without descriptors.
    /// CPython's `_PyType_Lookup`.
    pub fn lookup(&self, name: &Value) -> Option<Value> {
        let cache = unsafe { METHOD_CACHE.get() };
        let epoch = cache.epoch;
        let h = ((self as *const PyType as usize >> 4) ^ (name.word() >> 3).wrapping_mul(0x9E37_79B9)) & (CACHE_SIZE - 1);
        let entry = &cache.entries[h];
        if entry.epoch == epoch && entry.ty == self as *const PyType && entry.name == name.word() {
            return entry.value.clone();
        }
        let found = self.lookup_uncached(name);
        // Only cache interned names: the key is the name's address.
        if crate::objects::str::is_interned(name) {
            let cache = unsafe { METHOD_CACHE.get() };
            cache.entries[h] = CacheEntry { epoch, ty: self, name: name.word(), value: found.clone(), _keep: Some(name.clone()) };
        }
        found
    }

    /// Lookup by a Rust string (interns it).
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        self.lookup(&crate::objects::str::intern(name))
    }

    fn lookup_uncached(&self, name: &Value) -> Option<Value> {
        let mro = self.mro.borrow().clone();
        if mro.is_empty() {
            return self.own_attr(name);
        }
        for t in mro.iter() {
            let t = crate::objects::typeobject::as_type(t)?;
            if let Some(v) = t.own_attr(name) {
                return Some(v);
            }
        }
        None
    }

    /// Looks `name` up in this type's own `__dict__`.
    pub fn own_attr(&self, name: &Value) -> Option<Value> {
        let d = self.dict.borrow().clone()?;
        crate::objects::dict::PyDict::get_str_item(&d, name)
    }

    /// Sets an attribute in the type's own dict and refreshes slots.  No checks.
    pub fn set_own_attr(&self, name: &Value, value: Value) {
        if let Some(d) = self.dict.borrow().clone() {
            crate::objects::dict::PyDict::set_str_item(&d, name.clone(), value);
        }
        invalidate_type_cache();
    }
}

/// Whether `v` is a type object, and it as one.
#[inline]
pub fn as_type(v: &Value) -> Option<&PyType> {
    let head = v.as_head()?;
    if head.ty().layout_is(&TYPE_LAYOUT) {
        Some(unsafe { &*(head as *const ObjectHead as *const PyType) })
    } else {
        None
    }
}

const CACHE_SIZE: usize = 4096;

struct CacheEntry {
    epoch: u64,
    ty: *const PyType,
    name: usize,
    value: Option<Value>,
    /// Keeps the key name alive so its address is not reused while cached.
    _keep: Option<Value>,
}

struct MethodCache {
    epoch: u64,
    entries: Vec<CacheEntry>,
}

static METHOD_CACHE: GilCell<MethodCache> = GilCell::new(MethodCache { epoch: 1, entries: Vec::new() });

pub(crate) fn init_method_cache() {
    let cache = unsafe { METHOD_CACHE.get() };
    cache.entries = (0..CACHE_SIZE)
        .map(|_| CacheEntry { epoch: 0, ty: std::ptr::null(), name: 0, value: None, _keep: None })
        .collect();
}

/// The current type epoch (validates inline attribute caches).
#[inline(always)]
pub fn type_epoch() -> u64 {
    unsafe { METHOD_CACHE.get() }.epoch
}

/// Invalidates every cached lookup (a type's dict or bases changed).
pub fn invalidate_type_cache() {
    let cache = unsafe { METHOD_CACHE.get() };
    cache.epoch += 1;
}

/// Drops every cached value (at interpreter shutdown, so cached objects can be freed).
pub fn clear_method_cache() {
    let cache = unsafe { METHOD_CACHE.get() };
    cache.epoch += 1;
    for e in cache.entries.iter_mut() {
        e.value = None;
        e._keep = None;
    }
}

fn type_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyType) };
    if let Ok(d) = t.dict.try_borrow() {
        if let Some(d) = &*d {
            visit(d);
        }
    }
    if let Ok(b) = t.bases.try_borrow() {
        b.iter().for_each(&mut *visit);
    }
    if let Ok(m) = t.mro.try_borrow() {
        m.iter().for_each(&mut *visit);
    }
}

fn type_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyType) };
    if let Some(d) = t.dict.borrow_mut().take() {
        out.push(d);
    }
    out.append(&mut t.mro.borrow_mut());
    invalidate_type_cache();
}

impl Drop for PyType {
    fn drop(&mut self) {
        // Remove this type from its bases' subclass lists.
        let me = self as *const PyType;
        for b in self.bases.borrow().iter() {
            if let Some(bt) = as_type(b) {
                bt.subclasses.borrow_mut().retain(|s| !std::ptr::eq(*s, me));
            }
        }
        invalidate_type_cache();
    }
}

pub static TYPE_LAYOUT: Layout = crate::payload_layout!(PyType, "type", type_traverse, type_clear);

impl PyPayload for PyType {
    fn layout() -> &'static Layout {
        &TYPE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TYPE_TYPE
    }
}

pub static TYPE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "type",
    layout: &TYPE_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::TYPE_SUBCLASS | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: crate::objects::typeobject_methods::TYPE_METHODS,
    getsets: crate::objects::typeobject_methods::TYPE_GETSETS,
    doc: Some("type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type"),
    module: None,
});

pub fn type_type() -> &'static PyType {
    &TYPE_TYPE
}
