//! Slots and dunders, in both directions.
//!
//! Mirrors CPython's `slotdefs` machinery in `Objects/typeobject.c`:
//! - built-in types fill slots with Rust functions; `add_slot_wrappers` exposes each slot
//!   as a `wrapper_descriptor` under its dunder names (`int.__add__`, `list.__len__`);
//! - classes defined in Python get their slots from `update_slots`: for every slot, the
//!   dunder found first along the MRO decides: a built-in's wrapper copies that built-in's
//!   native function, anything else installs a trampoline (`slot_*`) that calls the
//!   dunder.  The interpreter only ever calls slots.

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::singletons::{is_not_implemented, none, not_implemented};
use super::str::{as_str, intern, new_string};
use super::typeobject::{PyType, StaticTypeInit, UnaryOp};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{call, ops, type_error, Args, PyResult, Vm};

/// Which slot a wrapper descriptor exposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    Repr,
    Str,
    Hash,
    Call,
    GetAttribute,
    SetAttr,
    DelAttr,
    RichCompare(ComparisonOperator),
    Iter,
    Next,
    Get,
    Set,
    Delete,
    Init,
    Binop(BinaryOperator),
    RBinop(BinaryOperator),
    Inplace(BinaryOperator),
    Unary(UnaryOp),
    Bool,
    Int,
    Float,
    Index,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    New,
}

#[repr(C)]
pub struct PyWrapperDescr {
    head: ObjectHead,
    pub name: &'static str,
    pub kind: SlotKind,
    owner: *const PyType,
}

impl PyWrapperDescr {
    pub fn owner(&self) -> &PyType {
        // Wrappers are only made for static (immortal) types.
        unsafe { &*self.owner }
    }
}

pub static WRAPPER_LAYOUT: Layout = crate::payload_layout!(PyWrapperDescr, "wrapper_descriptor", heap::no_traverse, heap::no_clear);

impl PyPayload for PyWrapperDescr {
    fn layout() -> &'static Layout {
        &WRAPPER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &WRAPPER_DESCR_TYPE
    }
}

pub static WRAPPER_DESCR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "wrapper_descriptor",
    layout: &WRAPPER_LAYOUT,
    flags: super::typeobject::flags::METHOD_DESCRIPTOR,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: super::function::DESCR_GETSETS,
    doc: None,
    module: None,
});

/// `(dunder name, kind)` for every slot set on `t`.
/// Built-in sequences whose `+` is CPython's `sq_concat` rather than `nb_add`.
fn is_sequence_concat(t: &PyType) -> bool {
    [
        &super::str::STR_TYPE,
        &super::bytes::BYTES_TYPE,
        &super::bytearray::BYTEARRAY_TYPE,
        &super::list::LIST_TYPE,
        &super::tuple::TUPLE_TYPE,
        &crate::modules::collections::DEQUE_TYPE,
    ]
    .iter()
    .any(|s| std::ptr::eq(t, *s))
}

fn slot_names(t: &PyType) -> Vec<(&'static str, SlotKind)> {
    let s = &t.slots;
    let mut out = Vec::new();
    macro_rules! add {
        ($cell:expr, $name:expr, $kind:expr) => {
            if $cell.get().is_some() {
                out.push(($name, $kind));
            }
        };
    }
    add!(s.repr, "__repr__", SlotKind::Repr);
    add!(s.str, "__str__", SlotKind::Str);
    add!(s.hash, "__hash__", SlotKind::Hash);
    add!(s.call, "__call__", SlotKind::Call);
    add!(s.getattro, "__getattribute__", SlotKind::GetAttribute);
    add!(s.setattro, "__setattr__", SlotKind::SetAttr);
    add!(s.setattro, "__delattr__", SlotKind::DelAttr);
    if s.richcompare.get().is_some() {
        for op in ComparisonOperator::ALL {
            out.push((op.dunder(), SlotKind::RichCompare(op)));
        }
    }
    add!(s.iter, "__iter__", SlotKind::Iter);
    add!(s.iternext, "__next__", SlotKind::Next);
    add!(s.descr_get, "__get__", SlotKind::Get);
    add!(s.descr_set, "__set__", SlotKind::Set);
    add!(s.descr_set, "__delete__", SlotKind::Delete);
    add!(s.init, "__init__", SlotKind::Init);
    for op in BinaryOperator::ALL.iter().take(13) {
        if s.binop[*op as usize].get().is_some() {
            let (n, r, _) = op.dunders();
            out.push((n, SlotKind::Binop(*op)));
            // Sequence concatenation (CPython's `sq_concat`) has no reflected form.
            if !(*op == BinaryOperator::Add && is_sequence_concat(t)) {
                out.push((r, SlotKind::RBinop(*op)));
            }
        }
        if s.inplace[*op as usize].get().is_some() {
            out.push((op.dunders().2, SlotKind::Inplace(*op)));
        }
    }
    for op in [UnaryOp::Neg, UnaryOp::Pos, UnaryOp::Abs, UnaryOp::Invert] {
        add!(s.unary[op as usize], op.dunder(), SlotKind::Unary(op));
    }
    add!(s.bool, "__bool__", SlotKind::Bool);
    add!(s.int, "__int__", SlotKind::Int);
    add!(s.float, "__float__", SlotKind::Float);
    add!(s.index, "__index__", SlotKind::Index);
    add!(s.len, "__len__", SlotKind::Len);
    add!(s.getitem, "__getitem__", SlotKind::GetItem);
    add!(s.setitem, "__setitem__", SlotKind::SetItem);
    add!(s.setitem, "__delitem__", SlotKind::DelItem);
    add!(s.contains, "__contains__", SlotKind::Contains);
    out
}

/// Adds wrapper descriptors for a built-in type's slots to its dict.
pub fn add_slot_wrappers(t: &'static PyType) {
    let dict = t.dict_value();
    for (name, kind) in slot_names(t) {
        if super::dict::PyDict::get_str(&dict, name).is_some() {
            continue;
        }
        if kind == SlotKind::Hash && t.slots.hash.get().map(|f| f as usize) == Some(ops::hash_not_implemented as usize) {
            super::dict::PyDict::set_str(&dict, name, none());
            continue;
        }
        let w = heap::alloc(&WRAPPER_DESCR_TYPE, PyWrapperDescr { head: ObjectHead::uninit(), name, kind, owner: t });
        super::dict::PyDict::set_str(&dict, name, w);
    }
    if t.slots.new.get().is_some() && super::dict::PyDict::get_str(&dict, "__new__").is_none() {
        let def: &'static super::typeobject::MethodDef = Box::leak(Box::new(super::typeobject::MethodDef::staticmethod("__new__", tp_new_wrapper)));
        let f = super::function::new_bound_builtin(def, t.to_value());
        super::dict::PyDict::set_str(&dict, "__new__", super::descr::new_staticmethod(f));
    }
}

/// `T.__new__(cls, *args)` for built-in `T` (bound to `T` as `self`).
/// `T.__new__(S)` is refused when the most derived base of `S` not using a
/// Python `__new__` allocates differently from `T` (`object.__new__(int)`).
pub fn check_new_safe(owner: &PyType, sub: &PyType, owner_new: usize) -> PyResult<()> {
    let mut staticbase = Some(sub);
    while let Some(t) = staticbase {
        if t.slots.new.get().map(|f| f as usize) != Some(slot_new as *const () as usize) {
            break;
        }
        staticbase = t.base();
    }
    if let Some(sb) = staticbase {
        if sb.slots.new.get().map(|f| f as usize) != Some(owner_new) {
            return Err(type_error(format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                owner.tp_name(),
                sub.tp_name(),
                sb.tp_name()
            )));
        }
    }
    Ok(())
}

fn tp_new_wrapper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    let owner = super::typeobject::as_type(&pos[0]).ok_or_else(|| type_error("__new__ wrapper lost its type"))?;
    let Some(cls) = pos.get(1) else {
        return Err(type_error(format!("{}.__new__(): not enough arguments", owner.name())));
    };
    let sub = super::typeobject::as_type(cls).ok_or_else(|| {
        type_error(format!("{}.__new__(X): X is not a type object ({})", owner.name(), cls.ty().name()))
    })?;
    if !sub.is_subtype(owner) {
        return Err(type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.tp_name(),
            sub.tp_name(),
            sub.tp_name(),
            owner.tp_name()
        )));
    }
    let new = owner.slots.new.get().ok_or_else(|| type_error("cannot create instances"))?;
    check_new_safe(owner, sub, new as usize)?;
    let rest = Args::with_kw(&args.values[2..], args.kwnames);
    new(vm, cls, rest)
}

fn wrapper(v: &Value) -> PyResult<&PyWrapperDescr> {
    v.downcast::<PyWrapperDescr>().ok_or_else(|| type_error("wrapper expected"))
}

fn wrapper_get(_vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    match obj {
        Some(o) if !super::singletons::is_none(o) || std::ptr::eq(wrapper(d)?.owner(), &super::singletons::NONE_TYPE) => {
            Ok(super::function::new_method_wrapper(d.clone(), o.clone()))
        }
        _ => Ok(d.clone()),
    }
}

fn wrapper_repr(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let w = wrapper(d)?;
    Ok(new_string(format!("<slot wrapper '{}' of '{}' objects>", w.name, w.owner().tp_name())))
}

fn arity(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() != n {
        return Err(type_error(format!(
            "expected {} argument{}, got {}",
            n,
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let _ = name;
    Ok(())
}

/// Calls a wrapper descriptor: `int.__add__(3, 4)`.
fn wrapper_call(vm: &mut Vm, d: &Value, args: Args) -> PyResult<Value> {
    let w = wrapper(d)?;
    let (kind, owner, name) = (w.kind, w.owner(), w.name);
    let Some(this) = args.positional().first() else {
        return Err(type_error(format!("descriptor '{}' of '{}' object needs an argument", name, owner.name())));
    };
    if !this.ty().is_subtype(owner) {
        return Err(type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            name,
            owner.name(),
            this.ty().name()
        )));
    }
    let this = this.clone();
    let rest = &args.positional()[1..];
    let s = &owner.slots;
    let missing = || type_error(format!("slot {name} is gone"));
    if !matches!(kind, SlotKind::Call | SlotKind::Init) && args.has_kwargs() {
        return Err(type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    // Sequence repetition (`str.__mul__`, CPython's sq_repeat wrappers) takes an
    // index-like count and says so when given anything else.
    if let SlotKind::Binop(BinaryOperator::Multiply) | SlotKind::RBinop(BinaryOperator::Multiply) | SlotKind::Inplace(BinaryOperator::Multiply) = kind {
        let seq = [&super::str::STR_TYPE, &super::bytes::BYTES_TYPE, &super::bytearray::BYTEARRAY_TYPE, &super::list::LIST_TYPE, &super::tuple::TUPLE_TYPE]
            .iter()
            .any(|t| std::ptr::eq(owner, *t))
            || (owner.has_flag(super::typeobject::flags::SEQUENCE) && !std::ptr::eq(owner, &super::range::RANGE_TYPE));
        if let (true, Some(n)) = (seq, rest.first()) {
            if !super::int::is_int(n) && n.ty().slots.index.get().is_none() {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", n.ty().name())));
            }
        }
    }
    Ok(match kind {
        SlotKind::Repr => {
            arity(name, rest, 0)?;
            s.repr.get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Str => {
            arity(name, rest, 0)?;
            s.str.get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Hash => {
            arity(name, rest, 0)?;
            super::int::new_int(s.hash.get().ok_or_else(missing)?(vm, &this)?)
        }
        SlotKind::Call => s.call.get().ok_or_else(missing)?(vm, &this, Args::with_kw(&args.values[1..], args.kwnames))?,
        SlotKind::GetAttribute => {
            arity(name, rest, 1)?;
            check_attr_name(&rest[0])?;
            s.getattro.get().ok_or_else(missing)?(vm, &this, &rest[0])?
        }
        SlotKind::SetAttr => {
            arity(name, rest, 2)?;
            check_attr_name(&rest[0])?;
            s.setattro.get().ok_or_else(missing)?(vm, &this, &rest[0], Some(&rest[1]))?;
            none()
        }
        SlotKind::DelAttr => {
            arity(name, rest, 1)?;
            check_attr_name(&rest[0])?;
            s.setattro.get().ok_or_else(missing)?(vm, &this, &rest[0], None)?;
            none()
        }
        SlotKind::RichCompare(op) => {
            arity(name, rest, 1)?;
            s.richcompare.get().ok_or_else(missing)?(vm, &this, &rest[0], op)?
        }
        SlotKind::Iter => {
            arity(name, rest, 0)?;
            s.iter.get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Next => {
            arity(name, rest, 0)?;
            match s.iternext.get().ok_or_else(missing)?(vm, &this)? {
                Some(v) => v,
                None => return Err(crate::vm::stop_iteration(None)),
            }
        }
        SlotKind::Get => {
            if rest.is_empty() || rest.len() > 2 {
                return Err(type_error(format!("expected 1 or 2 arguments, got {}", rest.len())));
            }
            let obj = Some(&rest[0]).filter(|o| !super::singletons::is_none(o));
            let ty = rest.get(1).filter(|t| !super::singletons::is_none(t));
            if obj.is_none() && ty.is_none() {
                return Err(type_error("__get__(None, None) is invalid"));
            }
            s.descr_get.get().ok_or_else(missing)?(vm, &this, obj, ty)?
        }
        SlotKind::Set => {
            arity(name, rest, 2)?;
            s.descr_set.get().ok_or_else(missing)?(vm, &this, &rest[0], Some(&rest[1]))?;
            none()
        }
        SlotKind::Delete => {
            arity(name, rest, 1)?;
            s.descr_set.get().ok_or_else(missing)?(vm, &this, &rest[0], None)?;
            none()
        }
        SlotKind::Init => {
            s.init.get().ok_or_else(missing)?(vm, &this, Args::with_kw(&args.values[1..], args.kwnames))?;
            none()
        }
        SlotKind::Binop(op) => {
            arity(name, rest, 1)?;
            if op == BinaryOperator::Power {
                return s.binop[op as usize].get().ok_or_else(missing)?(vm, &this, &rest[0], op);
            }
            s.binop[op as usize].get().ok_or_else(missing)?(vm, &this, &rest[0], op)?
        }
        SlotKind::RBinop(op) => {
            arity(name, rest, 1)?;
            s.binop[op as usize].get().ok_or_else(missing)?(vm, &rest[0], &this, op)?
        }
        SlotKind::Inplace(op) => {
            arity(name, rest, 1)?;
            s.inplace[op as usize].get().ok_or_else(missing)?(vm, &this, &rest[0], op.inplace())?
        }
        SlotKind::Unary(op) => {
            arity(name, rest, 0)?;
            s.unary[op as usize].get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Bool => {
            arity(name, rest, 0)?;
            super::singletons::bool_value(s.bool.get().ok_or_else(missing)?(vm, &this)?)
        }
        SlotKind::Int => {
            arity(name, rest, 0)?;
            s.int.get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Float => {
            arity(name, rest, 0)?;
            s.float.get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Index => {
            arity(name, rest, 0)?;
            s.index.get().ok_or_else(missing)?(vm, &this)?
        }
        SlotKind::Len => {
            arity(name, rest, 0)?;
            super::int::new_usize(s.len.get().ok_or_else(missing)?(vm, &this)?)
        }
        SlotKind::GetItem => {
            arity(name, rest, 1)?;
            s.getitem.get().ok_or_else(missing)?(vm, &this, &rest[0])?
        }
        SlotKind::SetItem => {
            arity(name, rest, 2)?;
            s.setitem.get().ok_or_else(missing)?(vm, &this, &rest[0], Some(&rest[1]))?;
            none()
        }
        SlotKind::DelItem => {
            arity(name, rest, 1)?;
            s.setitem.get().ok_or_else(missing)?(vm, &this, &rest[0], None)?;
            none()
        }
        SlotKind::Contains => {
            arity(name, rest, 1)?;
            super::singletons::bool_value(s.contains.get().ok_or_else(missing)?(vm, &this, &rest[0])?)
        }
        SlotKind::New => return Err(type_error("__new__ is not a slot wrapper")),
    })
}

fn check_attr_name(name: &Value) -> PyResult<()> {
    if as_str(name).is_none() {
        return Err(type_error(format!("attribute name must be string, not '{}'", name.ty().name())));
    }
    Ok(())
}

// ----- trampolines: slots of classes defined in Python -----

/// Calls `type(obj).<name>` bound to `obj`; `Ok(None)` when the type has no such attribute.
pub fn call_dunder(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let Some(f) = obj.ty().lookup(&intern(name)) else {
        return Ok(None);
    };
    call::call_method_value(vm, &f, obj, args).map(Some)
}

fn call_required(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    match call_dunder(vm, obj, name, args)? {
        Some(v) => Ok(v),
        // CPython's vectorcall_method: AttributeError(name).
        None => Err(crate::vm::PyErr::new(&super::exceptions::ATTRIBUTE_ERROR, name)),
    }
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_required(vm, v, "__repr__", &[])
}
fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    call_required(vm, v, "__str__", &[])
}
fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let h = call_required(vm, v, "__hash__", &[])?;
    match super::int::as_int(&h) {
        Some(super::int::IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
        Some(super::int::IntRef::Big(b)) => Ok(super::int::hash_bigint(b)),
        None => Err(type_error("__hash__ method should return an integer")),
    }
}
fn slot_call(vm: &mut Vm, v: &Value, args: Args) -> PyResult<Value> {
    let f = v.ty().lookup(&intern("__call__")).ok_or_else(|| type_error(format!("'{}' object is not callable", v.ty().name())))?;
    let mut all = Vec::with_capacity(args.values.len() + 1);
    all.push(v.clone());
    all.extend_from_slice(args.values);
    call::call_unbound_with_kwnames(vm, &f, &all, args.kwnames)
}

fn slot_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let ty = v.ty();
    let getattribute = ty.lookup(&intern("__getattribute__"));
    let result = match &getattribute {
        Some(ga) if !is_object_getattribute(ga) => call::call_method_value(vm, ga, v, std::slice::from_ref(name)),
        _ => super::object::generic_getattr(vm, v, name),
    };
    match result {
        Err(e) if e.matches(&super::exceptions::ATTRIBUTE_ERROR) => {
            if let Some(ga) = ty.lookup(&intern("__getattr__")) {
                return call::call_method_value(vm, &ga, v, std::slice::from_ref(name));
            }
            Err(e)
        }
        r => r,
    }
}

fn is_object_getattribute(v: &Value) -> bool {
    v.downcast::<PyWrapperDescr>().map(|w| w.kind == SlotKind::GetAttribute).unwrap_or(false)
}

fn slot_setattro(vm: &mut Vm, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(val) => call_required(vm, v, "__setattr__", &[name.clone(), val.clone()])?,
        None => call_required(vm, v, "__delattr__", std::slice::from_ref(name))?,
    };
    Ok(())
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    match call_dunder(vm, a, op.dunder(), std::slice::from_ref(b))? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = v.ty().lookup(&intern("__iter__"));
    match f {
        Some(f) if super::singletons::is_none(&f) => Err(type_error(format!("'{}' object is not iterable", v.ty().name()))),
        Some(f) => call::call_method_value(vm, &f, v, &[]),
        None => Err(type_error(format!("'{}' object is not iterable", v.ty().name()))),
    }
}

fn slot_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match call_required(vm, v, "__next__", &[]) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.exc.ty().is_subtype(&super::exceptions::STOP_ITERATION) => {
            // Keep the StopIteration when it carries a value (generators' return).
            if super::exceptions::stop_iteration_has_value(&e.exc) {
                Err(e)
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(e),
    }
}

fn slot_descr_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, ty: Option<&Value>) -> PyResult<Value> {
    let o = obj.cloned().unwrap_or_else(none);
    let t = ty.cloned().unwrap_or_else(none);
    call_required(vm, d, "__get__", &[o, t])
}

fn slot_descr_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(v) => call_required(vm, d, "__set__", &[obj.clone(), v.clone()])?,
        None => call_required(vm, d, "__delete__", std::slice::from_ref(obj))?,
    };
    Ok(())
}

fn slot_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    let f = v.ty().lookup(&intern("__init__")).ok_or_else(|| type_error("__init__ missing"))?;
    let mut all = Vec::with_capacity(args.values.len() + 1);
    all.push(v.clone());
    all.extend_from_slice(args.values);
    let r = call::call_unbound_with_kwnames(vm, &f, &all, args.kwnames)?;
    if !super::singletons::is_none(&r) {
        return Err(type_error(format!("__init__() should return None, not '{}'", r.ty().name())));
    }
    Ok(())
}

fn slot_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).ok_or_else(|| type_error("__new__ on a non-type"))?;
    let f = ty.lookup(&intern("__new__")).ok_or_else(|| type_error("__new__ missing"))?;
    // __new__ is a staticmethod: unwrap and call with the class first.
    let f = match f.downcast::<super::descr::PyStaticMethod>() {
        Some(sm) => sm.callable.borrow().clone(),
        None => f,
    };
    let mut all = Vec::with_capacity(args.values.len() + 1);
    all.push(cls.clone());
    all.extend_from_slice(args.values);
    call::call_with_kwnames(vm, &f, &all, args.kwnames)
}

fn is_trampoline_binop(t: &PyType, op: BinaryOperator) -> bool {
    t.slots.binop[op as usize].get().map(|f| f as usize) == Some(slot_binop as usize)
}

/// Whether `sub` overrides `name` relative to `base` (CPython's `method_is_overloaded`).
fn method_is_overloaded(base: &PyType, sub: &PyType, name: &str) -> bool {
    let n = intern(name);
    match (sub.lookup(&n), base.lookup(&n)) {
        (Some(a), Some(b)) => !a.is(&b),
        (Some(_), None) => true,
        _ => false,
    }
}

/// The binary-operator trampoline (CPython's `SLOT1BINFULL`).
fn slot_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let (name, rname, _) = op.dunders();
    let ta = a.ty();
    let tb = b.ty();
    let rn = intern(rname);
    let mut do_other = !std::ptr::eq(ta, tb) && is_trampoline_binop(tb, op) && tb.lookup(&rn).is_some();
    if is_trampoline_binop(ta, op) {
        if do_other && tb.is_subtype(ta) && method_is_overloaded(ta, tb, rname) {
            if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            do_other = false;
        }
        if let Some(r) = call_dunder(vm, a, name, std::slice::from_ref(b))? {
            if !is_not_implemented(&r) || std::ptr::eq(ta, tb) {
                return Ok(r);
            }
        }
    }
    if do_other {
        if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

fn slot_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let name = op.dunders().2;
    match call_dunder(vm, a, name, std::slice::from_ref(b))? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

fn slot_pow3(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    // Three-argument pow never uses __rpow__: only a left operand whose own
    // type dispatches to __pow__ is called (CPython's slot_nb_power).
    if a.ty().slots.pow3.get().map(|f| f as usize) == Some(slot_pow3 as *const () as usize) {
        if let Some(r) = call_dunder(vm, a, "__pow__", &[b.clone(), m.clone()])? {
            return Ok(r);
        }
    }
    Ok(not_implemented())
}

macro_rules! unary_slot {
    ($fname:ident, $dunder:literal) => {
        fn $fname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
            call_required(vm, v, $dunder, &[])
        }
    };
}
unary_slot!(slot_neg, "__neg__");
unary_slot!(slot_pos, "__pos__");
unary_slot!(slot_abs, "__abs__");
unary_slot!(slot_invert, "__invert__");
unary_slot!(slot_int, "__int__");
unary_slot!(slot_float, "__float__");
unary_slot!(slot_index, "__index__");

fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let ty = v.ty();
    if ty.lookup(&intern("__bool__")).is_some() {
        let r = call_required(vm, v, "__bool__", &[])?;
        return match super::singletons::as_bool(&r) {
            Some(b) => Ok(b),
            None => Err(type_error(format!("__bool__ should return bool, returned {}", r.ty().name()))),
        };
    }
    Ok(slot_len(vm, v)? > 0)
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = call_required(vm, v, "__len__", &[])?;
    // PyNumber_AsSsize_t: anything with __index__ is accepted.
    let r = crate::vm::ops::index(vm, &r)?;
    let n = super::int::as_bigint(&r).unwrap_or_default();
    use num_traits::{Signed, ToPrimitive};
    if n.is_negative() {
        return Err(crate::vm::value_error("__len__() should return >= 0"));
    }
    n.to_usize().filter(|n| *n <= i64::MAX as usize).ok_or_else(|| {
        crate::vm::overflow_error("cannot fit 'int' into an index-sized integer")
    })
}

fn slot_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    call_required(vm, v, "__getitem__", std::slice::from_ref(key))
}

fn slot_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<&Value>) -> PyResult<()> {
    match value {
        Some(val) => call_required(vm, v, "__setitem__", &[key.clone(), val.clone()])?,
        None => call_required(vm, v, "__delitem__", std::slice::from_ref(key))?,
    };
    Ok(())
}

fn slot_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let ty = v.ty();
    match ty.lookup(&intern("__contains__")) {
        Some(f) if super::singletons::is_none(&f) => Err(type_error(format!("'{}' object is not a container", ty.name()))),
        Some(f) => {
            let r = call::call_method_value(vm, &f, v, std::slice::from_ref(item))?;
            ops::is_true(vm, &r)
        }
        None => {
            // Iteration fallback.
            let it = ops::iter(vm, v)?;
            while let Some(x) = ops::next(vm, &it)? {
                if x.is(item) || ops::eq(vm, &x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// Resolves one slot of a heap type: `Native(T)` when the first definition along the MRO
/// is built-in type `T`'s wrapper, `Python` when it is anything else, `Absent` otherwise.
enum Found {
    Absent,
    None_,
    Native(&'static PyType),
    Python,
}

fn find(ty: &PyType, name: &str) -> Found {
    let n = intern(name);
    match ty.lookup(&n) {
        None => Found::Absent,
        Some(v) if super::singletons::is_none(&v) => Found::None_,
        Some(v) => match v.downcast::<PyWrapperDescr>() {
            // SAFETY of 'static: wrappers only exist for static types.
            Some(w) if w.name == name => Found::Native(unsafe { &*(w.owner() as *const PyType) }),
            // Another slot's wrapper (`__str__ = int.__repr__`): call it as an attribute.
            Some(_) => Found::Python,
            None => {
                if name == "__new__" {
                    if let Some(owner) = native_new_owner(&v) {
                        return Found::Native(owner);
                    }
                }
                Found::Python
            }
        },
    }
}

/// For `__new__` staticmethods wrapping a built-in's `tp_new_wrapper`: the built-in type.
fn native_new_owner(v: &Value) -> Option<&'static PyType> {
    let sm = v.downcast::<super::descr::PyStaticMethod>()?;
    let inner = sm.callable.borrow().clone();
    let b = inner.downcast::<super::function::PyBuiltinFunction>()?;
    if b.def.func as usize == tp_new_wrapper as usize {
        let t = super::typeobject::as_type(b.bound.as_ref()?)?;
        // Built-in owners are static.
        return Some(unsafe { &*(t as *const PyType) });
    }
    if b.def.func as usize == super::object::object_new_entry as usize {
        return Some(&super::object::OBJECT_TYPE);
    }
    None
}

/// Recomputes every slot of heap type `ty` from its MRO (CPython's `fixup_slot_dispatchers`).
pub fn update_slots(ty: &PyType) {
    let s = &ty.slots;
    macro_rules! pick {
        ($cell:expr, $field:ident, $tramp:expr, [$($name:literal),+]) => {{
            let mut result = None;
            let mut python = false;
            for name in [$($name),+] {
                match find(ty, name) {
                    // `__x__ = None` installs the trampoline, which then fails
                    // calling None (CPython's update_one_slot).
                    Found::Python | Found::None_ => python = true,
                    Found::Native(t) if result.is_none() => result = t.slots.$field.get(),
                    _ => {}
                }
            }
            $cell.set(if python { Some($tramp) } else { result });
        }};
    }
    pick!(s.repr, repr, slot_repr, ["__repr__"]);
    pick!(s.str, str, slot_str, ["__str__"]);
    match find(ty, "__hash__") {
        Found::None_ => s.hash.set(Some(ops::hash_not_implemented)),
        Found::Python => s.hash.set(Some(slot_hash)),
        Found::Native(t) => s.hash.set(t.slots.hash.get()),
        Found::Absent => s.hash.set(None),
    }
    pick!(s.call, call, slot_call, ["__call__"]);
    {
        let python = matches!(find(ty, "__getattribute__"), Found::Python) || !matches!(find(ty, "__getattr__"), Found::Absent);
        if python {
            s.getattro.set(Some(slot_getattro));
        } else if let Found::Native(t) = find(ty, "__getattribute__") {
            s.getattro.set(t.slots.getattro.get());
        }
    }
    pick!(s.setattro, setattro, slot_setattro, ["__setattr__", "__delattr__"]);
    pick!(s.richcompare, richcompare, slot_richcompare, ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"]);
    match find(ty, "__iter__") {
        Found::None_ => s.iter.set(Some(slot_iter)),
        Found::Python => s.iter.set(Some(slot_iter)),
        Found::Native(t) => s.iter.set(t.slots.iter.get()),
        Found::Absent => s.iter.set(None),
    }
    pick!(s.iternext, iternext, slot_iternext, ["__next__"]);
    pick!(s.descr_get, descr_get, slot_descr_get, ["__get__"]);
    pick!(s.descr_set, descr_set, slot_descr_set, ["__set__", "__delete__"]);
    pick!(s.init, init, slot_init, ["__init__"]);
    pick!(s.new, new, slot_new, ["__new__"]);
    for op in BinaryOperator::ALL.iter().take(13) {
        let (n, r, i) = op.dunders();
        let mut native = None;
        let mut python = false;
        for name in [n, r] {
            match find(ty, name) {
                Found::Python | Found::None_ => python = true,
                Found::Native(t) if native.is_none() => native = t.slots.binop[*op as usize].get(),
                _ => {}
            }
        }
        s.binop[*op as usize].set(if python { Some(slot_binop) } else { native });
        match find(ty, i) {
            Found::Python | Found::None_ => s.inplace[*op as usize].set(Some(slot_inplace)),
            Found::Native(t) => s.inplace[*op as usize].set(t.slots.inplace[*op as usize].get()),
            _ => s.inplace[*op as usize].set(None),
        }
    }
    s.pow3.set(match find(ty, "__pow__") {
        Found::Python | Found::None_ => Some(slot_pow3),
        Found::Native(t) => t.slots.pow3.get(),
        _ => None,
    });
    let unary: [(UnaryOp, &str, super::typeobject::UnaryFn); 4] = [
        (UnaryOp::Neg, "__neg__", slot_neg),
        (UnaryOp::Pos, "__pos__", slot_pos),
        (UnaryOp::Abs, "__abs__", slot_abs),
        (UnaryOp::Invert, "__invert__", slot_invert),
    ];
    for (op, name, tramp) in unary {
        s.unary[op as usize].set(match find(ty, name) {
            Found::Python | Found::None_ => Some(tramp),
            Found::Native(t) => t.slots.unary[op as usize].get(),
            _ => None,
        });
    }
    {
        let b = find(ty, "__bool__");
        let l = find(ty, "__len__");
        s.bool.set(match (b, l) {
            (Found::Python | Found::None_, _) => Some(slot_bool),
            (Found::Native(t), _) => t.slots.bool.get(),
            (_, Found::Python | Found::None_) => Some(slot_bool),
            _ => None,
        });
    }
    pick!(s.int, int, slot_int, ["__int__"]);
    pick!(s.float, float, slot_float, ["__float__"]);
    pick!(s.index, index, slot_index, ["__index__"]);
    pick!(s.len, len, slot_len, ["__len__"]);
    pick!(s.getitem, getitem, slot_getitem, ["__getitem__"]);
    pick!(s.setitem, setitem, slot_setitem, ["__setitem__", "__delitem__"]);
    match find(ty, "__contains__") {
        Found::Python | Found::None_ => s.contains.set(Some(slot_contains)),
        Found::Native(t) => s.contains.set(t.slots.contains.get()),
        Found::Absent => s.contains.set(None),
    }
    // A class with __del__ needs finalization.
    let has_del = !matches!(find(ty, "__del__"), Found::Absent);
    let f = ty.flags.get();
    ty.flags.set(if has_del { f | super::typeobject::flags::HAS_FINALIZER } else { f & !super::typeobject::flags::HAS_FINALIZER });
}

/// After `setattr(cls, '__xxx__', ...)`: refresh `cls` and every subclass.
pub fn update_slots_recursive(ty: &PyType) {
    if ty.is_heap_type() {
        update_slots(ty);
    }
    let subs: Vec<*const PyType> = ty.subclasses.borrow().clone();
    for s in subs {
        // Subclass pointers are removed when a subclass is freed (PyType::drop).
        update_slots_recursive(unsafe { &*s });
    }
}

pub fn init_types() {
    let w = &WRAPPER_DESCR_TYPE.slots;
    w.descr_get.set(Some(wrapper_get));
    w.call.set(Some(wrapper_call));
    w.repr.set(Some(wrapper_repr));
}

/// The text signature and docstring CPython gives the slot wrapper `name`
/// (`int.__add__.__text_signature__`, `.__doc__`).
pub fn slot_doc(name: &str) -> Option<(&'static str, &'static str)> {
    const UNARY: &str = "($self, /)";
    const BINARY: &str = "($self, value, /)";
    Some(match name {
        "__repr__" => (UNARY, "Return repr(self)."),
        "__str__" => (UNARY, "Return str(self)."),
        "__hash__" => (UNARY, "Return hash(self)."),
        "__call__" => ("($self, /, *args, **kwargs)", "Call self as a function."),
        "__getattribute__" => ("($self, name, /)", "Return getattr(self, name)."),
        "__setattr__" => ("($self, name, value, /)", "Implement setattr(self, name, value)."),
        "__delattr__" => ("($self, name, /)", "Implement delattr(self, name)."),
        "__lt__" => (BINARY, "Return self<value."),
        "__le__" => (BINARY, "Return self<=value."),
        "__eq__" => (BINARY, "Return self==value."),
        "__ne__" => (BINARY, "Return self!=value."),
        "__gt__" => (BINARY, "Return self>value."),
        "__ge__" => (BINARY, "Return self>=value."),
        "__iter__" => (UNARY, "Implement iter(self)."),
        "__next__" => (UNARY, "Implement next(self)."),
        "__get__" => ("($self, instance, owner=None, /)", "Return an attribute of instance, which is of type owner."),
        "__set__" => ("($self, instance, value, /)", "Set an attribute of instance to value."),
        "__delete__" => ("($self, instance, /)", "Delete an attribute of instance."),
        "__init__" => ("($self, /, *args, **kwargs)", "Initialize self.  See help(type(self)) for accurate signature."),
        "__add__" => (BINARY, "Return self+value."),
        "__radd__" => (BINARY, "Return value+self."),
        "__sub__" => (BINARY, "Return self-value."),
        "__rsub__" => (BINARY, "Return value-self."),
        "__mul__" => (BINARY, "Return self*value."),
        "__rmul__" => (BINARY, "Return value*self."),
        "__mod__" => (BINARY, "Return self%value."),
        "__rmod__" => (BINARY, "Return value%self."),
        "__divmod__" => (BINARY, "Return divmod(self, value)."),
        "__rdivmod__" => (BINARY, "Return divmod(value, self)."),
        "__pow__" => ("($self, value, mod=None, /)", "Return pow(self, value, mod)."),
        "__rpow__" => ("($self, value, mod=None, /)", "Return pow(value, self, mod)."),
        "__neg__" => (UNARY, "-self"),
        "__pos__" => (UNARY, "+self"),
        "__abs__" => (UNARY, "abs(self)"),
        "__bool__" => (UNARY, "True if self else False"),
        "__invert__" => (UNARY, "~self"),
        "__lshift__" => (BINARY, "Return self<<value."),
        "__rlshift__" => (BINARY, "Return value<<self."),
        "__rshift__" => (BINARY, "Return self>>value."),
        "__rrshift__" => (BINARY, "Return value>>self."),
        "__and__" => (BINARY, "Return self&value."),
        "__rand__" => (BINARY, "Return value&self."),
        "__xor__" => (BINARY, "Return self^value."),
        "__rxor__" => (BINARY, "Return value^self."),
        "__or__" => (BINARY, "Return self|value."),
        "__ror__" => (BINARY, "Return value|self."),
        "__int__" => (UNARY, "int(self)"),
        "__float__" => (UNARY, "float(self)"),
        "__floordiv__" => (BINARY, "Return self//value."),
        "__rfloordiv__" => (BINARY, "Return value//self."),
        "__truediv__" => (BINARY, "Return self/value."),
        "__rtruediv__" => (BINARY, "Return value/self."),
        "__matmul__" => (BINARY, "Return self@value."),
        "__rmatmul__" => (BINARY, "Return value@self."),
        "__iadd__" => (BINARY, "Return self+=value."),
        "__isub__" => (BINARY, "Return self-=value."),
        "__imul__" => (BINARY, "Return self*=value."),
        "__imod__" => (BINARY, "Return self%=value."),
        "__ipow__" => ("($self, value, /)", "Return self**=value."),
        "__ilshift__" => (BINARY, "Return self<<=value."),
        "__irshift__" => (BINARY, "Return self>>=value."),
        "__iand__" => (BINARY, "Return self&=value."),
        "__ixor__" => (BINARY, "Return self^=value."),
        "__ior__" => (BINARY, "Return self|=value."),
        "__ifloordiv__" => (BINARY, "Return self//=value."),
        "__itruediv__" => (BINARY, "Return self/=value."),
        "__imatmul__" => (BINARY, "Return self@=value."),
        "__index__" => (UNARY, "Return self converted to an integer, if self is suitable for use as an index into a list."),
        "__len__" => (UNARY, "Return len(self)."),
        "__getitem__" => ("($self, key, /)", "Return self[key]."),
        "__setitem__" => ("($self, key, value, /)", "Set self[key] to value."),
        "__delitem__" => ("($self, key, /)", "Delete self[key]."),
        "__contains__" => ("($self, key, /)", "Return bool(key in self)."),
        _ => return None,
    })
}
