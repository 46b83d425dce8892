//! Class creation: `type.__new__` and the C3 MRO.
//! Mirrors `type_new`, `best_base` and `mro_implementation` in CPython's
//! `Objects/typeobject.c`.

use super::dict::PyDict;
use super::singletons::none;
use super::str::{as_str, intern, new_string};
use super::typeobject::{as_type, flags, invalidate_type_cache, PyType, TYPE_TYPE};
use crate::runtime::heap;
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

/// The C3 linearisation of `t`'s bases (CPython's `mro_implementation`).
pub fn compute_default_mro(_vm: &mut Vm, t: &PyType) -> PyResult<Vec<Value>> {
    let bases = t.bases.borrow().clone();
    let mut seqs: Vec<Vec<Value>> = Vec::new();
    for b in &bases {
        let bt = as_type(b).ok_or_else(|| type_error("bases must be types"))?;
        seqs.push(bt.mro.borrow().clone());
    }
    seqs.push(bases.clone());
    let mut result = vec![t.to_value()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|o| o[1..].iter().any(|x| x.is(head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = as_type(&s[0]).map(|t| t.name()).unwrap_or_default();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

/// The MRO, honouring a metaclass `mro()` override.
pub fn compute_mro(vm: &mut Vm, t: &PyType) -> PyResult<Vec<Value>> {
    let meta = t.head().ty();
    if !std::ptr::eq(meta, &TYPE_TYPE) {
        if let Some(m) = meta.lookup_str("mro") {
            if !super::function::is_native_method(&m) {
                let r = crate::vm::call::call_method_value(vm, &m, &t.to_value(), &[])?;
                return crate::vm::ops::collect_iter(vm, &r);
            }
        }
    }
    compute_default_mro(vm, t)
}

/// The most derived metaclass of `meta` and the bases' types (`_PyType_CalculateMetaclass`).
pub fn calculate_metaclass(meta: &Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = b.ty().to_value();
        let (Some(w), Some(t)) = (as_type(&winner), as_type(&bt)) else { continue };
        if w.is_subtype(t) {
            continue;
        }
        if t.is_subtype(w) {
            winner = bt;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__` as the `new` slot: `type(name, bases, dict, **kw)`.
pub fn type_new_slot(vm: &mut Vm, meta: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() == 1 && as_type(meta).map(|m| std::ptr::eq(m, &TYPE_TYPE)).unwrap_or(false) && !args.has_kwargs() {
        return Ok(pos[0].ty().to_value());
    }
    if pos.len() != 3 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let name = as_str(&pos[0])
        .ok_or_else(|| type_error(format!("type.__new__() argument 1 must be str, not {}", pos[0].ty().name())))?
        .to_string();
    let bases = super::tuple::as_tuple(&pos[1])
        .ok_or_else(|| type_error(format!("type.__new__() argument 2 must be tuple, not {}", pos[1].ty().name())))?
        .to_vec();
    if pos[2].downcast::<PyDict>().is_none() {
        return Err(type_error(format!("type.__new__() argument 3 must be dict, not {}", pos[2].ty().name())));
    }
    let ns = pos[2].clone();
    if name.contains('\0') {
        return Err(crate::vm::value_error("type name must not contain null characters"));
    }
    for b in &bases {
        if as_type(b).is_none() && crate::vm::ops::getattr_opt(vm, b, &intern("__mro_entries__"))?.is_some() {
            return Err(type_error("type() doesn't support MRO entry resolution; use types.new_class()"));
        }
    }
    // A more derived metaclass among the bases wins.
    let winner = calculate_metaclass(meta, &bases)?;
    if !winner.is(meta) {
        if let Some(w) = as_type(&winner) {
            if let Some(new) = w.slots.new.get() {
                if new as usize != type_new_slot as usize {
                    return new(vm, &winner, args);
                }
            }
        }
    }
    let kwargs: Vec<(Value, Value)> = args.kwargs().map(|(k, v)| (k.clone(), v.clone())).collect();
    type_new(vm, &winner, &name, bases, &ns, &kwargs)
}

/// CPython's `solid_base`: the nearest type along the `__base__` chain that
/// changes the instance layout (a native layout of its own, or `__slots__`).
fn solid_base(t: &PyType) -> &PyType {
    let mut t = t;
    loop {
        let Some(b) = t.base() else { return t };
        if !t.slot_names.borrow().is_empty() || !std::ptr::eq(t.layout(), b.layout()) {
            return t;
        }
        t = b;
    }
}

/// CPython's `best_base`: the base whose solid base is the most derived; the
/// solid bases of all bases must lie on one inheritance line.
pub fn best_base(bases: &[Value]) -> PyResult<Value> {
    Ok(solid_base_layout(bases)?.1)
}

fn solid_base_layout(bases: &[Value]) -> PyResult<(&'static heap::Layout, Value)> {
    let mut winner: Option<&PyType> = None;
    let mut base = bases[0].clone();
    for b in bases {
        let bt = as_type(b).ok_or_else(|| type_error("bases must be types"))?;
        let candidate = solid_base(bt);
        match winner {
            None => {
                winner = Some(candidate);
                base = b.clone();
            }
            Some(w) if w.is_subtype(candidate) => {}
            Some(w) if candidate.is_subtype(w) => {
                winner = Some(candidate);
                base = b.clone();
            }
            Some(_) => return Err(type_error("multiple bases have instance lay-out conflict")),
        }
    }
    let layout = as_type(&base).map(|t| t.layout()).unwrap_or(&super::object::OBJECT_LAYOUT);
    Ok((layout, base))
}

/// Whether `t` lays out its instances exactly like its `__base__`
/// (CPython's `compatible_with_tp_base`).
fn same_layout_as_base(t: &PyType) -> bool {
    match t.base() {
        Some(b) => same_instance_shape(t, b),
        None => false,
    }
}

fn same_instance_shape(a: &PyType, b: &PyType) -> bool {
    std::ptr::eq(a.layout(), b.layout())
        && a.n_extra() == b.n_extra()
        && a.has_dict() == b.has_dict()
        && a.has_flag(flags::WEAKREFABLE) == b.has_flag(flags::WEAKREFABLE)
        && a.has_gc() == b.has_gc()
}

/// CPython's `compatible_for_assignment`: may an instance of `old` become an
/// instance of `new` (`__class__` assignment), or may `old` be replaced by
/// `new` as a base (`__bases__` assignment)?
pub fn compatible_for_assignment(old: &PyType, new: &PyType, attr: &str) -> PyResult<()> {
    let mut newbase = new;
    while same_layout_as_base(newbase) {
        newbase = newbase.base().expect("checked by same_layout_as_base");
    }
    let mut oldbase = old;
    while same_layout_as_base(oldbase) {
        oldbase = oldbase.base().expect("checked by same_layout_as_base");
    }
    let same_parent = match (newbase.base(), oldbase.base()) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        (None, None) => true,
        _ => false,
    };
    let same_slots = same_instance_shape(newbase, oldbase) && {
        let (a, b) = (newbase.slot_names.borrow(), oldbase.slot_names.borrow());
        a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| as_str(x) == as_str(y))
    };
    if !std::ptr::eq(newbase, oldbase) && (!same_parent || !same_slots) {
        return Err(type_error(format!(
            "{attr} assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    Ok(())
}

/// Creates a class (CPython's `type_new_impl`).
pub fn type_new(vm: &mut Vm, meta: &Value, name: &str, bases: Vec<Value>, ns: &Value, kwargs: &[(Value, Value)]) -> PyResult<Value> {
    let meta_t = as_type(meta).ok_or_else(|| type_error("metaclass is not a type"))?;
    let bases = if bases.is_empty() { vec![super::object::OBJECT_TYPE.to_value()] } else { bases };
    for (i, b) in bases.iter().enumerate() {
        let bt = as_type(b).ok_or_else(|| {
            type_error(format!("bases must be types"))
        })?;
        if !bt.has_flag(flags::BASETYPE) {
            return Err(type_error(format!("type '{}' is not an acceptable base type", bt.tp_name())));
        }
        if bases[..i].iter().any(|x| x.is(b)) {
            return Err(type_error(format!("duplicate base class {}", bt.name())));
        }
    }
    let (layout, solid) = solid_base_layout(&bases)?;
    let solid_t = as_type(&solid).ok_or_else(|| type_error("bad base"))?;
    let dict = PyDict::copy_value(vm, ns)?;
    // __qualname__ comes out of the namespace.
    let qualname = match PyDict::get_str(&dict, "__qualname__") {
        Some(q) => {
            let s = as_str(&q).ok_or_else(|| type_error(format!("type __qualname__ must be a str, not {}", q.ty().name())))?.to_string();
            PyDict::del_str(&dict, "__qualname__");
            s
        }
        None => name.to_string(),
    };
    if PyDict::get_str(&dict, "__module__").is_none() {
        if let Some(g) = vm.current_globals() {
            if let Some(m) = PyDict::get_str(&g, "__name__") {
                PyDict::set_str(&dict, "__module__", m);
            }
        }
    }
    let doc_given = PyDict::get_str(&dict, "__doc__").is_some();
    if !doc_given {
        PyDict::set_str(&dict, "__doc__", none());
    }
    // Plain functions that are implicitly static/class methods.
    if let Some(f) = PyDict::get_str(&dict, "__new__") {
        if super::function::is_python_function(&f) {
            PyDict::set_str(&dict, "__new__", super::descr::new_staticmethod(f));
        }
    }
    for cm in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = PyDict::get_str(&dict, cm) {
            if super::function::is_python_function(&f) {
                let c = crate::vm::call::call(vm, &super::descr::CLASSMETHOD_TYPE.to_value(), &[f])?;
                PyDict::set_str(&dict, cm, c);
            }
        }
    }
    if PyDict::get_str(&dict, "__eq__").is_some() && PyDict::get_str(&dict, "__hash__").is_none() {
        PyDict::set_str(&dict, "__hash__", none());
    }
    // __slots__.
    // Classes (instances of type subclasses) keep their namespace in the type
    // object itself, and modules in their payload, like instances with a dict.
    let base_has_dict = bases.iter().any(|b| as_type(b).map(|t| t.has_dict() || t.has_flag(flags::TYPE_SUBCLASS) || t.is_subtype(&super::module::MODULE_TYPE)).unwrap_or(false));
    let mut slot_names: Vec<Value> = Vec::new();
    let mut add_dict = !base_has_dict;
    let mut slots_given = false;
    let mut wants_weakref = false;
    if let Some(slots) = PyDict::get_str(&dict, "__slots__") {
        add_dict = false;
        slots_given = true;
        let items = if super::str::is_str(&slots) { vec![slots.clone()] } else { crate::vm::ops::collect_iter(vm, &slots)? };
        for s in items {
            let n = as_str(&s).ok_or_else(|| type_error(format!("__slots__ items must be strings, not '{}'", s.ty().name())))?.to_string();
            if n == "__dict__" {
                if base_has_dict || add_dict {
                    return Err(type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
                continue;
            }
            if n == "__weakref__" {
                if wants_weakref {
                    return Err(type_error("__weakref__ slot disallowed: we already got one"));
                }
                wants_weakref = true;
                continue;
            }
            if !is_identifier(&n) {
                return Err(type_error("__slots__ must be identifiers"));
            }
            let mangled = mangle(&qualname_last(name), &n);
            // The default `__doc__` added above is not a class variable (CPython sets
            // it after the slots).
            if PyDict::get_str(&dict, &mangled).is_some() && (mangled != "__doc__" || doc_given) {
                return Err(crate::vm::value_error(format!("'{}' in __slots__ conflicts with class variable", n)));
            }
            slot_names.push(intern(&mangled));
        }
    }
    // __weakref__: added unless a base already supports weak references or the
    // base is variable-sized (int, tuple, bytes), as CPython's type_new does.
    let base_weakrefable = bases.iter().any(|b| as_type(b).map(|t| t.has_flag(flags::WEAKREFABLE)).unwrap_or(false));
    let var_sized = solid_t.has_flag(flags::LONG_SUBCLASS) || solid_t.has_flag(flags::TUPLE_SUBCLASS) || solid_t.has_flag(flags::BYTES_SUBCLASS);
    let may_add_weak = !base_weakrefable && !var_sized;
    let add_weak = if slots_given { may_add_weak && wants_weakref } else { may_add_weak };
    if slots_given && wants_weakref && !may_add_weak {
        return Err(type_error(if base_weakrefable {
            "__weakref__ slot disallowed: we already got one"
        } else {
            "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"
        }));
    }
    let mut tflags = flags::BASETYPE | flags::HAVE_GC;
    if add_weak || base_weakrefable {
        tflags |= flags::WEAKREFABLE;
    }
    for b in &bases {
        if let Some(bt) = as_type(b) {
            tflags |= bt.flags.get()
                & (flags::LONG_SUBCLASS
                    | flags::LIST_SUBCLASS
                    | flags::TUPLE_SUBCLASS
                    | flags::BYTES_SUBCLASS
                    | flags::UNICODE_SUBCLASS
                    | flags::DICT_SUBCLASS
                    | flags::BASE_EXC_SUBCLASS
                    | flags::TYPE_SUBCLASS
                    | flags::HAS_DICT
                    | flags::SEQUENCE
                    | flags::MAPPING);
        }
    }
    if add_dict {
        tflags |= flags::HAS_DICT;
    }
    let payload = PyType::new_heap(name.to_string(), qualname, layout, tflags, solid_t);
    let tv = heap::alloc(meta_t, payload);
    let t = as_type(&tv).ok_or_else(|| type_error("type allocation failed"))?;
    // Extras: the bases' words, then our dict word (if newly added), then our slots.
    let mut n_extra = bases.iter().filter_map(as_type).map(|b| b.n_extra()).max().unwrap_or(0);
    if add_dict && !base_has_dict {
        // Word 0 is the dict. Slot-only bases always leave it unused (see
        // below), so a dict can be added under any of them.
        n_extra = n_extra.max(1);
    } else if !base_has_dict && n_extra == 0 && !slot_names.is_empty() {
        // Slot-only classes keep word 0 unused so `__dict__` stays at index 0 everywhere.
        n_extra = 1;
    }
    let first_slot = n_extra.max(1);
    for (i, s) in slot_names.iter().enumerate() {
        PyDict::set_item(vm, &dict, s.clone(), super::descr::new_member_descr(s.clone(), first_slot + i, t))?;
    }
    t.set_n_extra(first_slot + slot_names.len());
    if slot_names.is_empty() {
        t.set_n_extra(n_extra);
    }
    *t.slot_names.borrow_mut() = slot_names;
    if add_dict && PyDict::get_str(&dict, "__dict__").is_none() {
        PyDict::set_str(&dict, "__dict__", super::descr::new_getset_descr(&super::object::DICT_GETSET, t));
    }
    if add_weak && PyDict::get_str(&dict, "__weakref__").is_none() {
        PyDict::set_str(&dict, "__weakref__", super::descr::new_getset_descr(&super::object::WEAKREF_GETSET, t));
    }
    *t.dict.borrow_mut() = Some(dict.clone());
    *t.bases.borrow_mut() = bases.clone();
    let mro = compute_mro(vm, t)?;
    *t.mro.borrow_mut() = mro;
    for b in &bases {
        if let Some(bt) = as_type(b) {
            bt.subclasses.borrow_mut().push(t);
        }
    }
    invalidate_type_cache();
    super::slots::update_slots(t);
    // The class cell of zero-argument super().
    if let Some(cell) = PyDict::get_str(&dict, "__classcell__") {
        match cell.downcast::<super::cell::PyCell>() {
            Some(c) => c.set(Some(tv.clone())),
            None => {
                return Err(type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    cell.ty().name()
                )))
            }
        }
        PyDict::del_str(&dict, "__classcell__");
    }
    // __set_name__ on the attributes, then the parent's __init_subclass__.
    for (k, v) in PyDict::items_vec(&dict) {
        if let Some(set_name) = v.ty().lookup(&intern("__set_name__")) {
            if let Err(e) = crate::vm::call::call_method_value(vm, &set_name, &v, &[tv.clone(), k.clone()]) {
                let note = format!(
                    "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                    v.ty().name(),
                    as_str(&k).unwrap_or("?"),
                    name
                );
                let _ = crate::vm::call::call_method(vm, &e.exc, "add_note", &[new_string(note)]);
                return Err(e);
            }
        }
    }
    let sup = crate::objects::superobject::new_super(vm, &tv, &tv)?;
    let init_sub = crate::vm::ops::getattr_str(vm, &sup, "__init_subclass__")?;
    let kwnames: Vec<Value> = kwargs.iter().map(|(k, _)| k.clone()).collect();
    let kwvalues: Vec<Value> = kwargs.iter().map(|(_, v)| v.clone()).collect();
    crate::vm::call::call_with_kwnames(vm, &init_sub, &kwvalues, &kwnames)?;
    Ok(tv)
}

fn qualname_last(name: &str) -> String {
    name.to_string()
}

/// Private name mangling (`__x` in class `C` -> `_C__x`).
pub fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    use super::unicodectype::{char_is_xid_continue, char_is_xid_start};
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || char_is_xid_start(c) => {}
        _ => return false,
    }
    chars.all(char_is_xid_continue)
}
