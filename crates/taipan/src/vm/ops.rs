//! The abstract object protocols: what the interpreter does to any value.
//!
//! Mirrors CPython's `Objects/abstract.c` (`PyNumber_*`, `PyObject_GetItem`, ...) and
//! `Objects/object.c` (`PyObject_Repr`, `PyObject_RichCompare`, `PyObject_IsTrue`,
//! `PyObject_GetAttr`).  Each protocol dispatches through the type's slots.

use std::cmp::Ordering;

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::{type_error, PyResult, Vm};
use crate::objects::int::{as_int, IntRef};
use crate::objects::singletons::{bool_value, is_not_implemented, none};
use crate::objects::str::{as_str, intern};
use crate::objects::typeobject::UnaryOp;
use crate::runtime::value::Value;

pub fn ordering_matches(ord: Ordering, op: ComparisonOperator) -> bool {
    use ComparisonOperator::*;
    match op {
        Lt => ord == Ordering::Less,
        Le => ord != Ordering::Greater,
        Eq => ord == Ordering::Equal,
        Ne => ord != Ordering::Equal,
        Gt => ord == Ordering::Greater,
        Ge => ord != Ordering::Less,
    }
}

/// `repr(v)` (a str value).
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    vm.enter_native().map_err(|_| super::recursion_error_with("maximum recursion depth exceeded while getting the repr of an object".into()))?;
    let f = v.ty().slots.repr.get().unwrap_or(crate::objects::object::default_repr_slot);
    let r = f(vm, v);
    vm.leave_native();
    let r = r?;
    if as_str(&r).is_none() {
        return Err(type_error(format!("__repr__ returned non-string (type {})", r.ty().name())));
    }
    Ok(r)
}

pub fn repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = repr(vm, v)?;
    Ok(as_str(&r).unwrap_or("").to_string())
}

/// `str(v)`.
pub fn str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast_exact::<crate::objects::str::PyStr>().is_some() {
        return Ok(v.clone());
    }
    vm.enter_native().map_err(|_| super::recursion_error_with("maximum recursion depth exceeded while getting the str of an object".into()))?;
    let f = v.ty().slots.str.get().or(v.ty().slots.repr.get()).unwrap_or(crate::objects::object::default_repr_slot);
    let r = f(vm, v);
    vm.leave_native();
    let r = r?;
    if as_str(&r).is_none() {
        return Err(type_error(format!("__str__ returned non-string (type {})", r.ty().name())));
    }
    Ok(r)
}

pub fn str_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let r = str(vm, v)?;
    Ok(as_str(&r).unwrap_or("").to_string())
}

/// `ascii(v)`.
pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = repr(vm, v)?;
    let s = as_str(&r).unwrap_or("");
    if s.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(crate::objects::str::new_string(out))
}

/// The `__hash__ = None` slot: raises "unhashable type".
pub fn hash_not_implemented(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    Err(type_error(format!("unhashable type: '{}'", v.ty().tp_name())))
}

/// `hash(v)`.
#[inline]
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::objects::int::hash_i64(i));
    }
    if let Some(s) = v.downcast_exact::<crate::objects::str::PyStr>() {
        return Ok(s.hash());
    }
    match v.ty().slots.hash.get() {
        Some(f) => {
            vm.enter_native()?;
            let r = f(vm, v);
            vm.leave_native();
            r
        }
        None => hash_not_implemented(vm, v),
    }
}

/// Calls the richcompare slot of `a`'s type only.
pub fn call_slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    match a.ty().slots.richcompare.get() {
        Some(f) => f(vm, a, b, op),
        None => Ok(crate::objects::singletons::not_implemented()),
    }
}

/// `PyObject_RichCompare`: reflected operand first when its type is a proper subclass,
/// identity fallback for `==`/`!=`, TypeError for orderings.
pub fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(bool_value(ordering_matches(x.cmp(&y), op)));
    }
    // Py_EnterRecursiveCall(" in comparison").
    if let Err(e) = vm.enter_native() {
        return Err(if e.matches(&crate::objects::exceptions::RECURSION_ERROR) {
            super::PyErr::new(&crate::objects::exceptions::RECURSION_ERROR, "maximum recursion depth exceeded in comparison")
        } else {
            e
        });
    }
    let r = richcompare_inner(vm, a, b, op);
    vm.leave_native();
    r
}

fn richcompare_inner(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let ta = a.ty();
    let tb = b.ty();
    let mut checked_reverse = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.slots.richcompare.get() {
            checked_reverse = true;
            let r = f(vm, b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots.richcompare.get() {
        let r = f(vm, a, b, op)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tb.slots.richcompare.get() {
            let r = f(vm, b, a, op.swapped())?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        ComparisonOperator::Eq => Ok(bool_value(a.is(b))),
        ComparisonOperator::Ne => Ok(bool_value(!a.is(b))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            ta.tp_name(),
            tb.tp_name()
        ))),
    }
}

/// `a == b` as a bool.
#[inline]
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        // Identity implies equality for containers (CPython's PyObject_RichCompareBool).
        return Ok(true);
    }
    let r = richcompare(vm, a, b, ComparisonOperator::Eq)?;
    is_true(vm, &r)
}

/// `a < b` as a bool.
pub fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = richcompare(vm, a, b, ComparisonOperator::Lt)?;
    is_true(vm, &r)
}

/// `bool(v)` (`PyObject_IsTrue`).
#[inline]
pub fn is_true(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if crate::objects::singletons::is_true_obj(v) {
        return Ok(true);
    }
    if crate::objects::singletons::is_false_obj(v) || crate::objects::singletons::is_none(v) {
        return Ok(false);
    }
    let ty = v.ty();
    if let Some(f) = ty.slots.bool.get() {
        return f(vm, v);
    }
    if let Some(f) = ty.slots.len.get() {
        return Ok(f(vm, v)? > 0);
    }
    Ok(true)
}

/// `operator.index(v)` as an int value (`PyNumber_Index`).
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if crate::objects::int::is_int(v) {
        return crate::objects::int::int_int(vm, v);
    }
    match v.ty().slots.index.get() {
        Some(f) => {
            let r = f(vm, v)?;
            if !crate::objects::int::is_int(&r) {
                return Err(type_error(format!("__index__ returned non-int (type {})", r.ty().name())));
            }
            Ok(r)
        }
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.ty().name()
        ))),
    }
}

/// `__index__` as an i64; OverflowError when it does not fit (`PyNumber_AsSsize_t`).
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let i = index(vm, v)?;
    as_int(&i).and_then(|i| i.to_i64()).ok_or_else(|| {
        super::PyErr::new(
            &crate::objects::exceptions::INDEX_ERROR,
            format!("cannot fit '{}' into an index-sized integer", v.ty().name()),
        )
    })
}

/// Like `index_value` but `Ok(None)` when `v` has no `__index__`; huge values clamp.
pub fn index_opt(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = v.as_small_int() {
        return Ok(Some(i));
    }
    if !crate::objects::int::is_int(v) && v.ty().slots.index.get().is_none() {
        return Ok(None);
    }
    let i = index(vm, v)?;
    Ok(Some(match as_int(&i) {
        Some(IntRef::Small(n)) => n,
        Some(IntRef::Big(b)) => {
            use num_traits::Signed;
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        None => 0,
    }))
}

/// `float(v)` for numbers (`__float__`, then `__index__`).
pub fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::objects::float::as_f64(v) {
        return Ok(f);
    }
    let ty = v.ty();
    if let Some(f) = ty.slots.float.get() {
        let r = f(vm, v)?;
        return crate::objects::float::as_f64(&r)
            .ok_or_else(|| type_error(format!("{}.__float__ returned non-float (type {})", ty.name(), r.ty().name())));
    }
    if ty.slots.index.get().is_some() {
        let i = index(vm, v)?;
        return crate::objects::int::int_to_f64(&as_int(&i).unwrap_or(IntRef::Small(0)));
    }
    Err(type_error(format!("must be real number, not {}", ty.name())))
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match v.ty().slots.len.get() {
        Some(f) => f(vm, v),
        None => Err(type_error(format!("object of type '{}' has no len()", v.ty().name()))),
    }
}

/// `iter(v)` (`PyObject_GetIter`).
pub fn iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = v.ty();
    if let Some(f) = ty.slots.iter.get() {
        let it = f(vm, v)?;
        if it.ty().slots.iternext.get().is_none() {
            return Err(type_error(format!("iter() returned non-iterator of type '{}'", it.ty().name())));
        }
        return Ok(it);
    }
    if ty.slots.getitem.get().is_some() && !ty.has_flag(crate::objects::typeobject::flags::DICT_SUBCLASS) {
        return Ok(crate::objects::iter::new_seq_iter(v.clone()));
    }
    Err(type_error(format!("'{}' object is not iterable", ty.name())))
}

/// `next(it)`; `Ok(None)` when exhausted.
#[inline]
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match it.ty().slots.iternext.get() {
        // A StopIteration (with or without a value) ends the iteration; only
        // `yield from` (generator::send_to) and next() look at its value.
        Some(f) => match f(vm, it) {
            Err(e) if e.matches(&crate::objects::exceptions::STOP_ITERATION) => Ok(None),
            r => r,
        },
        None => Err(type_error(format!("'{}' object is not an iterator", it.ty().name()))),
    }
}

/// All items of an iterable.
pub fn collect_iter(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = crate::objects::tuple::as_tuple(v) {
        if v.downcast_exact::<crate::objects::tuple::PyTuple>().is_some() {
            return Ok(t.to_vec());
        }
    }
    if let Some(l) = v.downcast_exact::<crate::objects::list::PyList>() {
        return Ok(l.snapshot());
    }
    if let Some(r) = v.downcast_exact::<crate::objects::range::PyRange>() {
        use num_traits::ToPrimitive;
        let n = r.len.to_i64().ok_or_else(|| super::overflow_error("Python int too large to convert to C ssize_t"))?;
        if n > 1 << 32 {
            return Err(super::memory_error());
        }
    }
    let it = iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
        if out.len() > (1 << 31) {
            return Err(super::memory_error());
        }
    }
    Ok(out)
}

/// A dunder looked up on the type (CPython's `_PyObject_LookupSpecial`), unbound.
pub fn lookup_special(v: &Value, name: &str) -> Option<Value> {
    v.ty().lookup(&intern(name))
}

/// `getattr(obj, name)`.
#[inline]
pub fn getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let f = obj.ty().slots.getattro.get().unwrap_or(crate::objects::object::generic_getattr);
    f(vm, obj, name)
}

pub fn getattr_str(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    getattr(vm, obj, &intern(name))
}

/// `getattr(obj, name, None)`-like: `Ok(None)` on AttributeError.
pub fn getattr_opt(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    match getattr(vm, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&crate::objects::exceptions::ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let f = obj.ty().slots.setattro.get().unwrap_or(crate::objects::object::generic_setattr);
    f(vm, obj, name, value)
}

/// `obj[key]`.
#[inline]
pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    let ty = obj.ty();
    if let Some(f) = ty.slots.getitem.get() {
        return f(vm, obj, key);
    }
    if let Some(ty_obj) = crate::objects::typeobject::as_type(obj) {
        // `C[x]` on a class: __class_getitem__.
        if let Some(cg) = ty_obj.lookup_str("__class_getitem__") {
            let f = bind_class_getitem(vm, &cg, obj)?;
            return super::call::call(vm, &f, std::slice::from_ref(key));
        }
        if std::ptr::eq(ty_obj, crate::objects::typeobject::type_type()) {
            return crate::objects::genericalias::new_generic_alias(obj.clone(), key.clone());
        }
        return Err(type_error(format!("type '{}' is not subscriptable", ty_obj.name())));
    }
    Err(type_error(format!("'{}' object is not subscriptable", ty.name())))
}

fn bind_class_getitem(vm: &mut Vm, cg: &Value, cls: &Value) -> PyResult<Value> {
    // __class_getitem__ is an implicit classmethod.
    if let Some(get) = cg.ty().slots.descr_get.get() {
        if crate::objects::function::is_python_function(cg) {
            return Ok(crate::objects::function::new_bound_method(cg.clone(), cls.clone()));
        }
        return get(vm, cg, None, Some(cls));
    }
    Ok(cg.clone())
}

/// `obj[key] = value`.
pub fn setitem(vm: &mut Vm, obj: &Value, key: &Value, value: &Value) -> PyResult<()> {
    match obj.ty().slots.setitem.get() {
        Some(f) => f(vm, obj, key, Some(value)),
        None => Err(type_error(format!(
            "'{}' object does not support item assignment",
            obj.ty().name()
        ))),
    }
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<()> {
    match obj.ty().slots.setitem.get() {
        Some(f) => f(vm, obj, key, None),
        None => {
            // PyObject_DelItem: types with sequence methods (heap types always have
            // them) fail in PySequence_DelItem, worded "doesn't", for an index key.
            let ty = obj.ty();
            let sequence_like = ty.is_heap_type() || ty.slots.len.get().is_some() || ty.slots.contains.get().is_some();
            let is_index = crate::objects::int::is_int(key) || key.ty().slots.index.get().is_some();
            let verb = if sequence_like && is_index { "doesn't" } else { "does not" };
            Err(type_error(format!("'{}' object {verb} support item deletion", ty.name())))
        }
    }
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let ty = container.ty();
    if let Some(f) = ty.slots.contains.get() {
        return f(vm, container, item);
    }
    if ty.slots.iter.get().is_some() || ty.slots.getitem.get().is_some() {
        let it = iter(vm, container)?;
        while let Some(x) = next(vm, &it)? {
            if x.is(item) || eq(vm, &x, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(type_error(format!(
        "argument of type '{}' is not iterable",
        ty.name()
    )))
}

/// `PyNumber_*` binary operators and their in-place forms.
pub fn binary_op(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    if op.is_inplace() {
        if let Some(f) = a.ty().slots.inplace[op.base() as usize].get() {
            let r = f(vm, a, b, op)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    let r = binary_op1(vm, a, b, op.base())?;
    if !is_not_implemented(&r) {
        return Ok(r);
    }
    // Sequence concatenation / repetition fall back to the sq_* behaviour already in
    // the binop slots; what remains is an error. A repeatable sequence times a
    // non-integer fails in PyNumber_Multiply's sequence_repeat.
    if op.base() == BinaryOperator::Add {
        if let Some(e) = crate::objects::list::sq_concat_error(a, b) {
            return Err(e);
        }
    }
    if op.base() == BinaryOperator::Multiply {
        let n = if crate::objects::list::has_sq_repeat(a.ty()) {
            Some(b)
        } else if crate::objects::list::has_sq_repeat(b.ty()) {
            Some(a)
        } else {
            None
        };
        if let Some(n) = n {
            return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", n.ty().name())));
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        a.ty().name(),
        b.ty().name()
    )))
}

/// CPython's `binary_op1`: left slot, right slot, subclass right operand first.
pub fn binary_op1(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOperator) -> PyResult<Value> {
    let ta = a.ty();
    let tb = b.ty();
    let slota = ta.slots.binop[op as usize].get();
    let mut slotb = if std::ptr::eq(ta, tb) { None } else { tb.slots.binop[op as usize].get() };
    if let (Some(fa), Some(fb)) = (slota, slotb) {
        if fa as usize == fb as usize {
            slotb = None;
        }
    }
    vm.enter_native()?;
    let r = (|| {
        if let Some(fa) = slota {
            if let Some(fb) = slotb {
                if tb.is_subtype(ta) {
                    let r = fb(vm, a, b, op)?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                    slotb = None;
                }
            }
            let r = fa(vm, a, b, op)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(fb) = slotb {
            let r = fb(vm, a, b, op)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        Ok(crate::objects::singletons::not_implemented())
    })();
    vm.leave_native();
    r
}

/// Three-argument `pow`.
pub fn ternary_pow(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    if crate::objects::singletons::is_none(m) {
        return binary_op(vm, a, b, BinaryOperator::Power);
    }
    // CPython's ternary_op: the left slot, the right one (first when its type is a
    // subclass), then the modulus's, each function tried once.
    let (ta, tb, tm) = (a.ty(), b.ty(), m.ty());
    let slota = ta.slots.pow3.get();
    let mut slotb = if std::ptr::eq(ta, tb) { None } else { tb.slots.pow3.get() };
    let same = |x: Option<super::super::objects::typeobject::TernaryFn>, y: Option<super::super::objects::typeobject::TernaryFn>| {
        matches!((x, y), (Some(x), Some(y)) if x as usize == y as usize)
    };
    if same(slota, slotb) {
        slotb = None;
    }
    let mut order = Vec::with_capacity(3);
    if let Some(fb) = slotb {
        if slota.is_some() && tb.is_subtype(ta) {
            order.push(fb);
            slotb = None;
        }
    }
    if let Some(fa) = slota {
        order.push(fa);
    }
    if let Some(fb) = slotb {
        order.push(fb);
    }
    if let Some(fm) = tm.slots.pow3.get() {
        if !same(Some(fm), slota) && !same(Some(fm), tb.slots.pow3.get()) {
            order.push(fm);
        }
    }
    for f in order {
        let r = f(vm, a, b, m)?;
        if !is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        a.ty().name(),
        b.ty().name(),
        m.ty().name()
    )))
}

/// Unary `-`, `+`, `abs()`, `~`.
pub fn unary_op(vm: &mut Vm, v: &Value, op: UnaryOp) -> PyResult<Value> {
    match v.ty().slots.unary[op as usize].get() {
        Some(f) => f(vm, v),
        None => Err(type_error(format!(
            "bad operand type for {}: '{}'",
            op.symbol(),
            v.ty().name()
        ))),
    }
}

/// `not v`.
pub fn not(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(!is_true(vm, v)?))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &Value) -> PyResult<Value> {
    if let Some(s) = as_str(spec) {
        if s.is_empty() {
            if v.downcast_exact::<crate::objects::str::PyStr>().is_some() {
                return Ok(v.clone());
            }
            if crate::objects::int::is_exact_int(v) {
                return str(vm, v);
            }
        }
    }
    let method = lookup_special(v, "__format__").ok_or_else(|| {
        type_error(format!("Type {} doesn't define __format__", v.ty().name()))
    })?;
    let r = super::call::call_method_value(vm, &method, v, std::slice::from_ref(spec))?;
    if as_str(&r).is_none() {
        return Err(type_error(format!("__format__ must return a str, not {}", r.ty().name())));
    }
    Ok(r)
}

/// `None` as a convenience.
pub fn none_value() -> Value {
    none()
}
