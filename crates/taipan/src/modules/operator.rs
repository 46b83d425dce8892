//! `_operator`: the C half of `operator` (CPython's `Modules/_operator.c`).
//!
//! `Lib/operator.py` defines everything in Python and then replaces it with
//! `from _operator import *`; each function here therefore calls the same protocol the
//! interpreter uses for the operator it names (`vm::ops::binary_op`, `richcompare`, ...).
//! `itemgetter`, `attrgetter` and `methodcaller` are types whose instances are callable.

use std::cell::RefCell;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::ModuleDef;
use crate::objects::int::{as_int, is_exact_int, new_int, new_usize, IntRef};
use crate::objects::singletons::{bool_value, is_not_implemented, none};
use crate::objects::str::{as_str, intern, new_string};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{flags, MethodDef, PyType, StaticTypeInit, UnaryOp};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, Args, PyResult, Vm};

macro_rules! binary_fn {
    ($fname:ident, $pyname:literal, $op:expr) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let [a, b] = args.exact::<2>($pyname)?;
            ops::binary_op(vm, a, b, $op)
        }
    };
}

binary_fn!(op_add, "add", BinaryOperator::Add);
binary_fn!(op_sub, "sub", BinaryOperator::Subtract);
binary_fn!(op_mul, "mul", BinaryOperator::Multiply);
binary_fn!(op_truediv, "truediv", BinaryOperator::TrueDivide);
binary_fn!(op_floordiv, "floordiv", BinaryOperator::FloorDivide);
binary_fn!(op_mod, "mod", BinaryOperator::Remainder);
binary_fn!(op_pow, "pow", BinaryOperator::Power);
binary_fn!(op_lshift, "lshift", BinaryOperator::Lshift);
binary_fn!(op_rshift, "rshift", BinaryOperator::Rshift);
binary_fn!(op_and, "and_", BinaryOperator::And);
binary_fn!(op_or, "or_", BinaryOperator::Or);
binary_fn!(op_xor, "xor", BinaryOperator::Xor);
binary_fn!(op_matmul, "matmul", BinaryOperator::MatrixMultiply);
binary_fn!(op_iadd, "iadd", BinaryOperator::InplaceAdd);
binary_fn!(op_isub, "isub", BinaryOperator::InplaceSubtract);
binary_fn!(op_imul, "imul", BinaryOperator::InplaceMultiply);
binary_fn!(op_itruediv, "itruediv", BinaryOperator::InplaceTrueDivide);
binary_fn!(
    op_ifloordiv,
    "ifloordiv",
    BinaryOperator::InplaceFloorDivide
);
binary_fn!(op_imod, "imod", BinaryOperator::InplaceRemainder);
binary_fn!(op_ipow, "ipow", BinaryOperator::InplacePower);
binary_fn!(op_ilshift, "ilshift", BinaryOperator::InplaceLshift);
binary_fn!(op_irshift, "irshift", BinaryOperator::InplaceRshift);
binary_fn!(op_iand, "iand", BinaryOperator::InplaceAnd);
binary_fn!(op_ior, "ior", BinaryOperator::InplaceOr);
binary_fn!(op_ixor, "ixor", BinaryOperator::InplaceXor);
binary_fn!(op_imatmul, "imatmul", BinaryOperator::InplaceMatrixMultiply);

macro_rules! compare_fn {
    ($fname:ident, $pyname:literal, $op:expr) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let [a, b] = args.exact::<2>($pyname)?;
            ops::richcompare(vm, a, b, $op)
        }
    };
}

compare_fn!(op_lt, "lt", ComparisonOperator::Lt);
compare_fn!(op_le, "le", ComparisonOperator::Le);
compare_fn!(op_eq, "eq", ComparisonOperator::Eq);
compare_fn!(op_ne, "ne", ComparisonOperator::Ne);
compare_fn!(op_gt, "gt", ComparisonOperator::Gt);
compare_fn!(op_ge, "ge", ComparisonOperator::Ge);

macro_rules! unary_fn {
    ($fname:ident, $pyname:literal, $op:expr) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let [a] = args.exact::<1>(concat!("_operator.", $pyname))?;
            ops::unary_op(vm, a, $op)
        }
    };
}

unary_fn!(op_neg, "neg", UnaryOp::Neg);
unary_fn!(op_pos, "pos", UnaryOp::Pos);
unary_fn!(op_abs, "abs", UnaryOp::Abs);
unary_fn!(op_inv, "inv", UnaryOp::Invert);
unary_fn!(op_invert, "invert", UnaryOp::Invert);

fn op_not(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a] = args.exact::<1>("_operator.not_")?;
    Ok(bool_value(!ops::is_true(vm, a)?))
}

fn op_truth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a] = args.exact::<1>("_operator.truth")?;
    Ok(bool_value(ops::is_true(vm, a)?))
}

fn op_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a] = args.exact::<1>("_operator.index")?;
    ops::index(vm, a)
}

fn op_is(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("is_")?;
    Ok(bool_value(a.is(b)))
}

fn op_is_not(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("is_not")?;
    Ok(bool_value(!a.is(b)))
}

fn op_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("contains")?;
    Ok(bool_value(ops::contains(vm, a, b)?))
}

/// `iter(seq)` with the "argument of type ... is not iterable" message of
/// CPython's `_PySequence_IterSearch`.
fn search_iter(vm: &mut Vm, seq: &Value) -> PyResult<Value> {
    match ops::iter(vm, seq) {
        Ok(it) => Ok(it),
        Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => Err(type_error(format!(
            "argument of type '{}' is not iterable",
            seq.ty().name()
        ))),
        Err(e) => Err(e),
    }
}

fn op_count_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("countOf")?;
    let it = search_iter(vm, a)?;
    let mut n = 0usize;
    while let Some(x) = ops::next(vm, &it)? {
        if x.is(b) || ops::eq(vm, &x, b)? {
            n += 1;
        }
    }
    Ok(new_usize(n))
}

fn op_index_of(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("indexOf")?;
    let it = search_iter(vm, a)?;
    let mut i = 0usize;
    while let Some(x) = ops::next(vm, &it)? {
        if x.is(b) || ops::eq(vm, &x, b)? {
            return Ok(new_usize(i));
        }
        i += 1;
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("getitem")?;
    ops::getitem(vm, a, b)
}

fn op_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b, c] = args.exact::<3>("setitem")?;
    ops::setitem(vm, a, b, c)?;
    Ok(none())
}

fn op_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("delitem")?;
    ops::delitem(vm, a, b)?;
    Ok(none())
}

/// `PySequence_Check`: has `__getitem__` and is not a dict.
fn is_sequence(v: &Value) -> bool {
    let ty = v.ty();
    ty.slots.getitem.get().is_some() && !ty.has_flag(flags::DICT_SUBCLASS)
}

fn op_concat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("concat")?;
    if !is_sequence(a) {
        return Err(type_error(format!(
            "'{}' object can't be concatenated",
            a.ty().name()
        )));
    }
    ops::binary_op(vm, a, b, BinaryOperator::Add)
}

fn op_iconcat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("iconcat")?;
    if !is_sequence(a) {
        return Err(type_error(format!(
            "'{}' object can't be concatenated",
            a.ty().name()
        )));
    }
    ops::binary_op(vm, a, b, BinaryOperator::InplaceAdd)
}

/// `PyObject_LengthHint`: `len()`, then `__length_hint__`, then the default.
pub fn length_hint(vm: &mut Vm, obj: &Value, default: i64) -> PyResult<i64> {
    if obj.ty().slots.len.get().is_some() {
        match ops::len(vm, obj) {
            Ok(n) => return Ok(n as i64),
            Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = ops::lookup_special(obj, "__length_hint__") else {
        return Ok(default);
    };
    let r = match crate::vm::call::call_method_value(vm, &hint, obj, &[]) {
        Ok(r) => r,
        Err(e) if e.matches(&crate::objects::exceptions::TYPE_ERROR) => return Ok(default),
        Err(e) => return Err(e),
    };
    if is_not_implemented(&r) {
        return Ok(default);
    }
    let Some(i) = as_int(&r) else {
        return Err(type_error(format!(
            "__length_hint__ must be an integer, not {}",
            r.ty().name()
        )));
    };
    let n = match i {
        IntRef::Small(n) => n,
        IntRef::Big(_) => ops::index_value(vm, &r)?,
    };
    if n < 0 {
        return Err(value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

fn op_length_hint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("length_hint", 1, 2)?;
    let default = match pos.get(1) {
        Some(d) if is_exact_int(d) => ops::index_value(vm, d)?,
        Some(d) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                d.ty().name()
            )));
        }
        None => 0,
    };
    Ok(new_int(length_hint(vm, &pos[0], default)?))
}

fn op_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.positional().len();
    if n < 1 {
        return Err(crate::vm::args::arity_error("call", 1, usize::MAX, 0));
    }
    crate::vm::call::call_with_kwnames(vm, &args.values[0], &args.values[1..], args.kwnames)
}

/// Bytes of a `_compare_digest` operand: ASCII str or a bytes-like object.
fn digest_operand(v: &Value) -> Option<Result<Vec<u8>, ()>> {
    if let Some(s) = as_str(v) {
        return Some(if s.is_ascii() {
            Ok(s.as_bytes().to_vec())
        } else {
            Err(())
        });
    }
    crate::objects::bytes::as_bytes_like(v).map(Ok)
}

/// `_compare_digest(a, b)`: equality whose time does not depend on where the inputs
/// differ (CPython's `_tscmp`).
fn op_compare_digest(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("_compare_digest")?;
    let both_str = as_str(a).is_some() && as_str(b).is_some();
    let either_str = as_str(a).is_some() || as_str(b).is_some();
    let (x, y) = match (digest_operand(a), digest_operand(b)) {
        (Some(x), Some(y)) if both_str || !either_str => (x, y),
        _ => {
            return Err(type_error(format!(
                "unsupported operand types(s) or combination of types: '{}' and '{}'",
                a.ty().name(),
                b.ty().name()
            )));
        }
    };
    let (Ok(x), Ok(y)) = (x, y) else {
        return Err(type_error(
            "comparing strings with non-ASCII characters is not supported",
        ));
    };
    let mut diff = (x.len() != y.len()) as u8;
    let against = if x.len() == y.len() { &x } else { &y };
    for (p, q) in against.iter().zip(y.iter()) {
        diff |= p ^ q;
    }
    Ok(bool_value(diff == 0))
}

// ---------------------------------------------------------------------------
// itemgetter

#[repr(C)]
pub struct PyItemGetter {
    head: ObjectHead,
    items: RefCell<Vec<Value>>,
}

fn items_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let g = unsafe { &*(head as *const ObjectHead as *const PyItemGetter) };
    if let Ok(items) = g.items.try_borrow() {
        items.iter().for_each(visit);
    }
}

fn items_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let g = unsafe { &*(head as *const ObjectHead as *const PyItemGetter) };
    if let Ok(mut items) = g.items.try_borrow_mut() {
        out.append(&mut items);
    }
}

pub static ITEMGETTER_LAYOUT: Layout =
    crate::payload_layout!(PyItemGetter, "itemgetter", items_traverse, items_clear);

impl PyPayload for PyItemGetter {
    fn layout() -> &'static Layout {
        &ITEMGETTER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &ITEMGETTER_TYPE
    }
}

pub static ITEMGETTER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "itemgetter",
    layout: &ITEMGETTER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: ITEMGETTER_METHODS,
    getsets: &[],
    doc: Some("Return a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"),
    module: Some("operator"),
});

fn itemgetter_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("itemgetter")?;
    let items = args.positional();
    if items.is_empty() {
        return Err(type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(heap::alloc(
        &ITEMGETTER_TYPE,
        PyItemGetter {
            head: ObjectHead::uninit(),
            items: RefCell::new(items.to_vec()),
        },
    ))
}

fn itemgetter_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("itemgetter")?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "itemgetter expected 1 argument, got {}",
            pos.len()
        )));
    }
    let obj = &pos[0];
    let items = match this.downcast::<PyItemGetter>() {
        Some(g) => g.items.borrow().clone(),
        None => return Err(type_error("itemgetter expected")),
    };
    if items.len() == 1 {
        return ops::getitem(vm, obj, &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(ops::getitem(vm, obj, k)?);
    }
    Ok(new_tuple(out))
}

/// `operator.name(arg, ...)` with a `...` placeholder on recursion.
fn getter_repr(
    vm: &mut Vm,
    this: &Value,
    name: &str,
    parts: impl FnOnce(&mut Vm) -> PyResult<Vec<String>>,
) -> PyResult<Value> {
    if !vm.repr_enter(this) {
        return Ok(new_string(format!("operator.{name}(...)")));
    }
    let r = parts(vm);
    vm.repr_leave(this);
    Ok(new_string(format!("operator.{name}({})", r?.join(", "))))
}

fn itemgetter_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let items = this
        .downcast::<PyItemGetter>()
        .map(|g| g.items.borrow().clone())
        .unwrap_or_default();
    getter_repr(vm, this, "itemgetter", |vm| {
        items.iter().map(|v| ops::repr_string(vm, v)).collect()
    })
}

// ---------------------------------------------------------------------------
// attrgetter

#[repr(C)]
pub struct PyAttrGetter {
    head: ObjectHead,
    /// One entry per requested attribute: the interned names of its dotted path.
    paths: RefCell<Vec<Vec<Value>>>,
}

fn attrs_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let g = unsafe { &*(head as *const ObjectHead as *const PyAttrGetter) };
    if let Ok(paths) = g.paths.try_borrow() {
        paths.iter().flatten().for_each(visit);
    }
}

pub static ATTRGETTER_LAYOUT: Layout =
    crate::payload_layout!(PyAttrGetter, "attrgetter", attrs_traverse, heap::no_clear);

impl PyPayload for PyAttrGetter {
    fn layout() -> &'static Layout {
        &ATTRGETTER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &ATTRGETTER_TYPE
    }
}

pub static ATTRGETTER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "attrgetter",
    layout: &ATTRGETTER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: ATTRGETTER_METHODS,
    getsets: &[],
    doc: Some("Return a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last)."),
    module: Some("operator"),
});

fn attrgetter_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("attrgetter")?;
    let attrs = args.positional();
    if attrs.is_empty() {
        return Err(type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(attrs.len());
    for a in attrs {
        let Some(s) = as_str(a) else {
            return Err(type_error("attribute name must be a string"));
        };
        paths.push(s.split('.').map(intern).collect::<Vec<_>>());
    }
    Ok(heap::alloc(
        &ATTRGETTER_TYPE,
        PyAttrGetter {
            head: ObjectHead::uninit(),
            paths: RefCell::new(paths),
        },
    ))
}

fn attrgetter_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("attrgetter")?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "attrgetter expected 1 argument, got {}",
            pos.len()
        )));
    }
    let paths = match this.downcast::<PyAttrGetter>() {
        Some(g) => g.paths.borrow().clone(),
        None => return Err(type_error("attrgetter expected")),
    };
    let mut out = Vec::with_capacity(paths.len());
    for path in &paths {
        let mut v = pos[0].clone();
        for name in path {
            v = ops::getattr(vm, &v, name)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or_else(none));
    }
    Ok(new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let paths = this
        .downcast::<PyAttrGetter>()
        .map(|g| g.paths.borrow().clone())
        .unwrap_or_default();
    getter_repr(vm, this, "attrgetter", |_vm| {
        Ok(paths
            .iter()
            .map(|p| {
                let dotted: Vec<&str> = p.iter().map(|n| as_str(n).unwrap_or("")).collect();
                crate::objects::str::repr_str(&dotted.join("."))
            })
            .collect())
    })
}

// ---------------------------------------------------------------------------
// methodcaller

#[repr(C)]
pub struct PyMethodCaller {
    head: ObjectHead,
    name: Value,
    /// Positional arguments, then the values of the keyword arguments.
    args: RefCell<Vec<Value>>,
    kwnames: Vec<Value>,
}

fn caller_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let m = unsafe { &*(head as *const ObjectHead as *const PyMethodCaller) };
    if let Ok(args) = m.args.try_borrow() {
        args.iter().for_each(visit);
    }
}

fn caller_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let m = unsafe { &*(head as *const ObjectHead as *const PyMethodCaller) };
    if let Ok(mut args) = m.args.try_borrow_mut() {
        out.append(&mut args);
    }
}

pub static METHODCALLER_LAYOUT: Layout = crate::payload_layout!(
    PyMethodCaller,
    "methodcaller",
    caller_traverse,
    caller_clear
);

impl PyPayload for PyMethodCaller {
    fn layout() -> &'static Layout {
        &METHODCALLER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &METHODCALLER_TYPE
    }
}

pub static METHODCALLER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "methodcaller",
    layout: &METHODCALLER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: METHODCALLER_METHODS,
    getsets: &[],
    doc: Some("Return a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1)."),
    module: Some("operator"),
});

fn methodcaller_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    let Some(name) = pos.first() else {
        return Err(type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    };
    if as_str(name).is_none() {
        return Err(type_error("method name must be a string"));
    }
    let mut values = pos[1..].to_vec();
    values.extend(args.kw_values().iter().cloned());
    Ok(heap::alloc(
        &METHODCALLER_TYPE,
        PyMethodCaller {
            head: ObjectHead::uninit(),
            name: crate::objects::str::intern_value(name),
            args: RefCell::new(values),
            kwnames: args.kwnames.to_vec(),
        },
    ))
}

fn methodcaller_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("methodcaller")?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "methodcaller expected 1 argument, got {}",
            pos.len()
        )));
    }
    let Some(m) = this.downcast::<PyMethodCaller>() else {
        return Err(type_error("methodcaller expected"));
    };
    let (name, values, kwnames) = (m.name.clone(), m.args.borrow().clone(), m.kwnames.clone());
    let method = ops::getattr(vm, &pos[0], &name)?;
    crate::vm::call::call_with_kwnames(vm, &method, &values, &kwnames)
}

fn methodcaller_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let Some(m) = this.downcast::<PyMethodCaller>() else {
        return Err(type_error("methodcaller expected"));
    };
    let (name, values, kwnames) = (m.name.clone(), m.args.borrow().clone(), m.kwnames.clone());
    getter_repr(vm, this, "methodcaller", |vm| {
        let mut parts = vec![ops::repr_string(vm, &name)?];
        let npos = values.len() - kwnames.len();
        for v in &values[..npos] {
            parts.push(ops::repr_string(vm, v)?);
        }
        for (k, v) in kwnames.iter().zip(&values[npos..]) {
            parts.push(format!(
                "{}={}",
                as_str(k).unwrap_or(""),
                ops::repr_string(vm, v)?
            ));
        }
        Ok(parts)
    })
}

// ---------------------------------------------------------------------------
// __reduce__ (copy and pickle support)

fn itemgetter_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__reduce__")?;
    let items = this
        .downcast::<PyItemGetter>()
        .map(|g| g.items.borrow().clone())
        .unwrap_or_default();
    Ok(new_tuple(vec![this.ty().to_value(), new_tuple(items)]))
}

fn attrgetter_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__reduce__")?;
    let paths = this
        .downcast::<PyAttrGetter>()
        .map(|g| g.paths.borrow().clone())
        .unwrap_or_default();
    let names = paths
        .iter()
        .map(|p| {
            new_string(
                p.iter()
                    .map(|n| as_str(n).unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join("."),
            )
        })
        .collect();
    Ok(new_tuple(vec![this.ty().to_value(), new_tuple(names)]))
}

/// `(methodcaller, (name, *args))`, or with keywords
/// `(partial(methodcaller, name, **kwargs), args)`, as CPython's `methodcaller_reduce`.
fn methodcaller_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__reduce__")?;
    let Some(m) = this.downcast::<PyMethodCaller>() else {
        return Err(type_error("methodcaller expected"));
    };
    let (name, values, kwnames) = (m.name.clone(), m.args.borrow().clone(), m.kwnames.clone());
    let npos = values.len() - kwnames.len();
    if kwnames.is_empty() {
        let mut items = vec![name];
        items.extend(values);
        return Ok(new_tuple(vec![this.ty().to_value(), new_tuple(items)]));
    }
    super::functools::ensure_types();
    let mut partial_args = vec![this.ty().to_value(), name];
    partial_args.extend(values[npos..].iter().cloned());
    let partial = crate::vm::call::call_with_kwnames(
        vm,
        &super::functools::PARTIAL_TYPE.to_value(),
        &partial_args,
        &kwnames,
    )?;
    Ok(new_tuple(vec![partial, new_tuple(values[..npos].to_vec())]))
}

static ITEMGETTER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", itemgetter_reduce)];
static ATTRGETTER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", attrgetter_reduce)];
static METHODCALLER_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", methodcaller_reduce)];

// ---------------------------------------------------------------------------

pub static OPERATOR_METHODS: &[MethodDef] = &[
    MethodDef::method("abs", op_abs),
    MethodDef::method("add", op_add),
    MethodDef::method("and_", op_and),
    MethodDef::method("call", op_call),
    MethodDef::method("concat", op_concat),
    MethodDef::method("contains", op_contains),
    MethodDef::method("countOf", op_count_of),
    MethodDef::method("delitem", op_delitem),
    MethodDef::method("eq", op_eq),
    MethodDef::method("floordiv", op_floordiv),
    MethodDef::method("ge", op_ge),
    MethodDef::method("getitem", op_getitem),
    MethodDef::method("gt", op_gt),
    MethodDef::method("iadd", op_iadd),
    MethodDef::method("iand", op_iand),
    MethodDef::method("iconcat", op_iconcat),
    MethodDef::method("ifloordiv", op_ifloordiv),
    MethodDef::method("ilshift", op_ilshift),
    MethodDef::method("imatmul", op_imatmul),
    MethodDef::method("imod", op_imod),
    MethodDef::method("imul", op_imul),
    MethodDef::method("index", op_index),
    MethodDef::method("indexOf", op_index_of),
    MethodDef::method("inv", op_inv),
    MethodDef::method("invert", op_invert),
    MethodDef::method("ior", op_ior),
    MethodDef::method("ipow", op_ipow),
    MethodDef::method("irshift", op_irshift),
    MethodDef::method("is_", op_is),
    MethodDef::method("is_not", op_is_not),
    MethodDef::method("isub", op_isub),
    MethodDef::method("itruediv", op_itruediv),
    MethodDef::method("ixor", op_ixor),
    MethodDef::method("le", op_le),
    MethodDef::method("length_hint", op_length_hint),
    MethodDef::method("lshift", op_lshift),
    MethodDef::method("lt", op_lt),
    MethodDef::method("matmul", op_matmul),
    MethodDef::method("mod", op_mod),
    MethodDef::method("mul", op_mul),
    MethodDef::method("ne", op_ne),
    MethodDef::method("neg", op_neg),
    MethodDef::method("not_", op_not),
    MethodDef::method("or_", op_or),
    MethodDef::method("pos", op_pos),
    MethodDef::method("pow", op_pow),
    MethodDef::method("rshift", op_rshift),
    MethodDef::method("setitem", op_setitem),
    MethodDef::method("sub", op_sub),
    MethodDef::method("truediv", op_truediv),
    MethodDef::method("truth", op_truth),
    MethodDef::method("xor", op_xor),
    MethodDef::method("_compare_digest", op_compare_digest),
];

/// Fills the slots of this module's types (once).
pub fn init_types() {
    let s = &ITEMGETTER_TYPE.slots;
    s.new.set(Some(itemgetter_new));
    s.call.set(Some(itemgetter_call));
    s.repr.set(Some(itemgetter_repr));
    let s = &ATTRGETTER_TYPE.slots;
    s.new.set(Some(attrgetter_new));
    s.call.set(Some(attrgetter_call));
    s.repr.set(Some(attrgetter_repr));
    let s = &METHODCALLER_TYPE.slots;
    s.new.set(Some(methodcaller_new));
    s.call.set(Some(methodcaller_call));
    s.repr.set(Some(methodcaller_repr));
    for t in [&ITEMGETTER_TYPE, &ATTRGETTER_TYPE, &METHODCALLER_TYPE] {
        crate::objects::typeobject_methods::init_static_type(t);
    }
}

fn operator_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "itemgetter", ITEMGETTER_TYPE.to_value());
    super::add_object(module, "attrgetter", ATTRGETTER_TYPE.to_value());
    super::add_object(module, "methodcaller", METHODCALLER_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_operator",
    doc: Some("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."),
    methods: OPERATOR_METHODS,
    init: Some(operator_init),
};
