//! Opcode bodies too long to inline in the dispatch loop (`eval.rs`).
//! Each names the CPython instruction or helper in `Python/bytecodes.c` / `ceval.c` it
//! follows.

use taipan_compiler::bytecode::Intrinsic1;

use super::frame::Frame;
use super::{ops, type_error, PyErr, PyResult, Vm};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::singletons::{is_none, none};
use crate::objects::str::{as_str, intern};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::runtime::value::Value;

pub fn load_deref(code: &PyCode, f: &Frame, i: usize) -> PyResult<Value> {
    let cell = f.cells[i].downcast::<crate::objects::cell::PyCell>().and_then(|c| c.get());
    match cell {
        Some(v) => Ok(v),
        None => {
            let name = &code.cellfree[i];
            let n = as_str(name).unwrap_or("?");
            let e = if i < code.code.cellvars.len() {
                PyErr::new(
                    &exceptions::UNBOUND_LOCAL_ERROR,
                    format!("cannot access local variable '{n}' where it is not associated with a value"),
                )
            } else {
                PyErr::new(
                    &exceptions::NAME_ERROR,
                    format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
                )
            };
            exceptions::set_attr_fields(&e.exc, "name", name.clone());
            Err(e)
        }
    }
}

pub fn name_error(name: &Value) -> PyErr {
    let e = PyErr::new(&exceptions::NAME_ERROR, format!("name '{}' is not defined", as_str(name).unwrap_or("?")));
    exceptions::set_attr_fields(&e.exc, "name", name.clone());
    e
}

/// `mapping[name]` or None on KeyError (dicts without running Python code when possible).
pub fn mapping_get(vm: &mut Vm, mapping: &Value, name: &Value) -> PyResult<Option<Value>> {
    if mapping.downcast_exact::<PyDict>().is_some() {
        return Ok(PyDict::get_str_item(mapping, name));
    }
    match ops::getitem(vm, mapping, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&exceptions::KEY_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn load_name(vm: &mut Vm, f: &Frame, name: &Value) -> PyResult<Value> {
    if let Some(l) = &f.locals {
        if let Some(v) = mapping_get(vm, l, name)? {
            return Ok(v);
        }
    }
    if let Some(v) = PyDict::get_str_item(&f.globals, name) {
        return Ok(v);
    }
    if let Some(v) = PyDict::get_str_item(&f.builtins, name) {
        return Ok(v);
    }
    load_builtin_slow(vm, &f.builtins, name)
}

pub fn store_name(vm: &mut Vm, f: &Frame, name: &Value, v: Value) -> PyResult<()> {
    let l = f.locals.clone().unwrap_or_else(|| f.globals.clone());
    if l.downcast_exact::<PyDict>().is_some() {
        PyDict::set_str_item(&l, name.clone(), v);
        return Ok(());
    }
    ops::setitem(vm, &l, name, &v)
}

pub fn delete_name(vm: &mut Vm, f: &Frame, name: &Value) -> PyResult<()> {
    let l = f.locals.clone().unwrap_or_else(|| f.globals.clone());
    match ops::delitem(vm, &l, name) {
        Ok(()) => Ok(()),
        Err(e) if e.matches(&exceptions::KEY_ERROR) => Err(name_error(name)),
        Err(e) => Err(e),
    }
}

/// `LoadMethod`: (function, self) when the attribute is a plain method on the type not
/// shadowed by the instance, else (attribute, NULL).  CPython's `_PyObject_GetMethod`.
pub fn load_method(vm: &mut Vm, obj: Value, name: &Value) -> PyResult<(Value, Option<Value>)> {
    let ty = obj.ty();
    let generic = ty.slots.getattro.get().map(|g| g as usize) == Some(crate::objects::object::generic_getattr as usize);
    if generic {
        if let Some(descr) = ty.lookup(name) {
            let dty = descr.ty();
            if dty.has_flag(crate::objects::typeobject::flags::METHOD_DESCRIPTOR) {
                let shadowed = match crate::objects::object::instance_dict(&obj) {
                    Some(d) if PyDict::len(&d) > 0 => PyDict::get_item_opt(vm, &d, name)?,
                    _ => None,
                };
                if let Some(v) = shadowed {
                    return Ok((v, None));
                }
                return Ok((descr, Some(obj)));
            }
        }
    }
    let v = ops::getattr(vm, &obj, name)?;
    Ok((v, None))
}

pub fn list_extend(vm: &mut Vm, l: &Value, it: &Value) -> PyResult<()> {
    let ty = it.ty();
    if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
        return Err(type_error(format!("Value after * must be an iterable, not {}", ty.name())));
    }
    let items = ops::collect_iter(vm, it)?;
    if let Some(list) = crate::objects::list::as_list(l) {
        list.items.borrow_mut().extend(items);
    }
    Ok(())
}

pub fn dict_update(vm: &mut Vm, d: &Value, m: &Value) -> PyResult<()> {
    if m.downcast::<PyDict>().is_none() && ops::lookup_special(m, "keys").is_none() {
        return Err(type_error(format!("'{}' object is not a mapping", m.ty().name())));
    }
    PyDict::update_from(vm, d, m)
}

/// `LOAD_GLOBAL`'s builtins lookup when `__builtins__` is not a plain dict (any
/// mapping, or even None, as `exec(code, {'__builtins__': None})` allows).
#[cold]
pub fn load_builtin_slow(vm: &mut Vm, builtins: &Value, name: &Value) -> PyResult<Value> {
    if builtins.downcast_exact::<PyDict>().is_some() {
        return Err(name_error(name));
    }
    match ops::getitem(vm, builtins, name) {
        Ok(v) => Ok(v),
        Err(e) if e.matches(&crate::objects::exceptions::KEY_ERROR) => Err(name_error(name)),
        Err(e) => Err(e),
    }
}

/// CPython's `_PyObject_FunctionStr`: `module.qualname()`, without the module for
/// builtins; `str(callable)` when there is no `__qualname__`.
fn func_display_name(vm: &mut Vm, callable: &Value) -> String {
    let Ok(Some(q)) = ops::getattr_opt(vm, callable, &crate::objects::str::intern("__qualname__")) else {
        return ops::str_string(vm, callable).unwrap_or_else(|_| format!("{} object", callable.ty().name()));
    };
    let q = ops::str_string(vm, &q).unwrap_or_default();
    match ops::getattr_opt(vm, callable, &crate::objects::str::intern("__module__")) {
        Ok(Some(m)) if !crate::objects::singletons::is_none(&m) && as_str(&m) != Some("builtins") => {
            let m = ops::str_string(vm, &m).unwrap_or_default();
            format!("{m}.{q}()")
        }
        _ => format!("{q}()"),
    }
}

pub fn dict_merge(vm: &mut Vm, d: &Value, m: &Value, callable: &Value) -> PyResult<()> {
    if m.downcast::<PyDict>().is_none() && ops::lookup_special(m, "keys").is_none() {
        let name = func_display_name(vm, callable);
        return Err(type_error(format!("{name} argument after ** must be a mapping, not {}", m.ty().name())));
    }
    let pairs: Vec<(Value, Value)> = if m.downcast::<PyDict>().is_some() {
        PyDict::items_vec(m)
    } else {
        let keys = super::call::call_method(vm, m, "keys", &[])?;
        let mut out = Vec::new();
        for k in ops::collect_iter(vm, &keys)? {
            let v = ops::getitem(vm, m, &k)?;
            out.push((k, v));
        }
        out
    };
    for (k, v) in pairs {
        if !crate::objects::str::is_str(&k) {
            // PyArg_ValidateKeywordArguments: the callable is not named.
            return Err(type_error("keywords must be strings"));
        }
        if PyDict::contains(vm, d, &k)? {
            let name = func_display_name(vm, callable);
            return Err(type_error(format!(
                "{name} got multiple values for keyword argument '{}'",
                as_str(&k).unwrap_or("?")
            )));
        }
        PyDict::set_item(vm, d, k, v)?;
    }
    Ok(())
}

fn unpack_source(vm: &mut Vm, seq: &Value) -> PyResult<Vec<Value>> {
    let ty = seq.ty();
    if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
        return Err(type_error(format!("cannot unpack non-iterable {} object", ty.name())));
    }
    ops::collect_iter(vm, seq)
}

/// `UnpackSequence`: exactly `n` items.
pub fn unpack(vm: &mut Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    if let Some(t) = as_tuple(seq) {
        if t.len() == n {
            return Ok(t.to_vec());
        }
    }
    let known_len = as_tuple(seq).map(|t| t.len()).or_else(|| crate::objects::list::as_list(seq).map(|l| l.len()));
    if let Some(len) = known_len {
        if len > n {
            return Err(super::value_error(format!("too many values to unpack (expected {n})")));
        }
    }
    let ty = seq.ty();
    if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
        return Err(type_error(format!("cannot unpack non-iterable {} object", ty.name())));
    }
    let it = ops::iter(vm, seq)?;
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        match ops::next(vm, &it)? {
            Some(v) => out.push(v),
            None => {
                return Err(super::value_error(format!(
                    "not enough values to unpack (expected {n}, got {})",
                    out.len()
                )))
            }
        }
    }
    if ops::next(vm, &it)?.is_some() {
        return Err(super::value_error(format!("too many values to unpack (expected {n})")));
    }
    Ok(out)
}

/// `UnpackEx`: `before` items, a list of the middle, `after` items.
pub fn unpack_ex(vm: &mut Vm, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let items = unpack_source(vm, seq)?;
    if items.len() < before + after {
        return Err(super::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut out = Vec::with_capacity(before + after + 1);
    out.extend_from_slice(&items[..before]);
    let mid_end = items.len() - after;
    out.push(crate::objects::list::PyList::new_value(items[before..mid_end].to_vec()));
    out.extend_from_slice(&items[mid_end..]);
    Ok(out)
}

/// `CallFunctionEx`: `f(*args, **kwargs)`.
pub fn call_function_ex(vm: &mut Vm, callable: &Value, self_or_null: Option<Value>, args: &Value, kwargs: Option<&Value>) -> PyResult<Value> {
    let mut positional: Vec<Value> = Vec::new();
    if let Some(s) = self_or_null {
        positional.push(s);
    }
    match as_tuple(args) {
        Some(t) => positional.extend_from_slice(t),
        None => {
            let ty = args.ty();
            if ty.slots.iter.get().is_none() && ty.slots.getitem.get().is_none() {
                let name = func_display_name(vm, callable);
                return Err(type_error(format!("{name} argument after * must be an iterable, not {}", ty.name())));
            }
            positional.extend(ops::collect_iter(vm, args)?);
        }
    }
    let mut kwnames = Vec::new();
    if let Some(kw) = kwargs {
        let pairs = if kw.downcast::<PyDict>().is_some() {
            PyDict::items_vec(kw)
        } else {
            let d = PyDict::new_value();
            dict_merge(vm, &d, kw, callable)?;
            PyDict::items_vec(&d)
        };
        for (k, v) in pairs {
            if !crate::objects::str::is_str(&k) {
                return Err(type_error("keywords must be strings"));
            }
            kwnames.push(k);
            positional.push(v);
        }
    }
    super::call::call_with_kwnames(vm, callable, &positional, &kwnames)
}

/// `MakeFunction`.
pub fn make_function(vm: &mut Vm, f: &mut Frame, flags: u32) -> PyResult<Value> {
    use taipan_compiler::bytecode::*;
    let code = f.stack.pop().flatten().unwrap_or_else(none);
    let closure = if flags & MAKE_FUNCTION_CLOSURE != 0 { f.stack.pop().flatten() } else { None };
    let annotations = if flags & MAKE_FUNCTION_ANNOTATIONS != 0 { f.stack.pop().flatten() } else { None };
    let kwdefaults = if flags & MAKE_FUNCTION_KWDEFAULTS != 0 { f.stack.pop().flatten() } else { None };
    let defaults = if flags & MAKE_FUNCTION_DEFAULTS != 0 { f.stack.pop().flatten() } else { None };
    let qualname = code
        .downcast::<PyCode>()
        .map(|c| c.qualname.clone())
        .ok_or_else(|| type_error("MakeFunction needs a code object"))?;
    let func = crate::objects::function::new_function(code, f.globals.clone(), qualname, closure, f.builtins.clone());
    if let Some(fo) = func.downcast::<crate::objects::function::PyFunction>() {
        *fo.defaults.borrow_mut() = defaults;
        *fo.kwdefaults.borrow_mut() = kwdefaults;
        if let Some(ann) = annotations {
            let d = PyDict::new_value();
            if let Some(items) = as_tuple(&ann) {
                for pair in items.chunks(2) {
                    if pair.len() == 2 {
                        PyDict::set_item(vm, &d, pair[0].clone(), pair[1].clone())?;
                    }
                }
            }
            *fo.annotations.borrow_mut() = Some(d);
        }
    }
    Ok(func)
}

/// `RaiseVarargs`: the exception to raise (with cause and context set).
pub fn do_raise(vm: &mut Vm, f: &mut Frame, n: usize) -> PyResult<PyErr> {
    if n == 0 {
        return match vm.exc_info.clone() {
            Some(e) => {
                vm.reraising = true;
                Ok(PyErr::from_value(e))
            }
            None => Err(super::runtime_error("No active exception to reraise")),
        };
    }
    let cause = if n == 2 { Some(f.stack.pop().flatten().unwrap_or_else(none)) } else { None };
    let exc = f.stack.pop().flatten().unwrap_or_else(none);
    let exc = instantiate_exception(vm, &exc, "exceptions must derive from BaseException")?;
    if let Some(c) = cause {
        let cause_v = if is_none(&c) {
            None
        } else {
            Some(instantiate_exception(vm, &c, "exception causes must derive from BaseException")?)
        };
        exceptions::set_cause(&exc, cause_v);
    }
    vm.set_implicit_context(&exc);
    Ok(PyErr::from_value(exc))
}

fn instantiate_exception(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Value> {
    if exceptions::is_exception_type(v) {
        let e = super::call::call(vm, v, &[])?;
        if !exceptions::is_exception_instance(&e) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::vm::ops::repr_string(vm, v)?,
                e.ty().name()
            )));
        }
        return Ok(e);
    }
    if exceptions::is_exception_instance(v) {
        return Ok(v.clone());
    }
    Err(type_error(msg.to_string()))
}

/// `except T:` matching, with CPython's check of the types.
pub fn exception_matches(vm: &mut Vm, exc: &Value, ty: &Value) -> PyResult<bool> {
    let check = |t: &Value| exceptions::is_exception_type(t);
    if let Some(items) = as_tuple(ty) {
        for t in items {
            if !check(t) {
                return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
        }
    } else if !check(ty) {
        return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    crate::modules::builtins::isinstance(vm, exc, ty)
}

/// `CheckEgMatch`: (rest, matched-or-None) for `except*`.
pub fn exception_group_match(vm: &mut Vm, eg: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    crate::objects::exception_group::except_star_match(vm, eg, ty)
}

/// `BeforeWith` / `BeforeAsyncWith`: (bound __exit__, __enter__() result).
pub fn before_with(vm: &mut Vm, mgr: &Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter_name, exit_name) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
    let ty = mgr.ty();
    let Some(enter) = ty.lookup(&intern(enter_name)) else {
        let what = if is_async { "asynchronous context manager" } else { "context manager" };
        return Err(type_error(format!("'{}' object does not support the {} protocol", ty.name(), what)));
    };
    let Some(exit) = ty.lookup(&intern(exit_name)) else {
        let what = if is_async { "asynchronous context manager" } else { "context manager" };
        return Err(type_error(format!(
            "'{}' object does not support the {} protocol (missed {} method)",
            ty.name(),
            what,
            exit_name
        )));
    };
    let exit_bound = match exit.ty().slots.descr_get.get() {
        Some(get) => get(vm, &exit, Some(mgr), Some(&ty.to_value()))?,
        None => exit,
    };
    let res = super::call::call_method_value(vm, &enter, mgr, &[])?;
    Ok((exit_bound, res))
}

pub fn setup_annotations(vm: &mut Vm, f: &mut Frame) -> PyResult<()> {
    let l = f.locals.clone().ok_or_else(|| super::system_error("no locals found when setting up annotations"))?;
    let key = intern("__annotations__");
    if mapping_get(vm, &l, &key)?.is_none() {
        ops::setitem(vm, &l, &key, &PyDict::new_value())?;
    }
    Ok(())
}

/// `MatchClass`: the attributes for a class pattern, or None when it does not match.
pub fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
    let Some(cls_t) = crate::objects::typeobject::as_type(cls) else {
        return Err(type_error("called match pattern must be a class"));
    };
    if !crate::modules::builtins::isinstance(vm, subject, cls)? {
        return Ok(none());
    }
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let match_args = ops::getattr_opt(vm, cls, &intern("__match_args__"))?;
        let self_match = [
            "bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple",
        ]
        .iter()
        .any(|n| {
            let mut t = Some(cls_t);
            while let Some(tt) = t {
                if !tt.is_heap_type() {
                    return tt.name() == *n;
                }
                t = tt.base();
            }
            false
        });
        match match_args {
            Some(ma) => {
                let items = as_tuple(&ma)
                    .ok_or_else(|| type_error(format!("{}.__match_args__ must be a tuple (got {})", cls_t.name(), ma.ty().name())))?
                    .to_vec();
                if npos > items.len() {
                    return Err(type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        cls_t.name(),
                        items.len(),
                        if items.len() == 1 { "" } else { "s" },
                        npos
                    )));
                }
                for name in items.iter().take(npos) {
                    let n = as_str(name).ok_or_else(|| {
                        type_error(format!("__match_args__ elements must be strings (got {})", name.ty().name()))
                    })?;
                    seen.push(n.to_string());
                    match ops::getattr_opt(vm, subject, name)? {
                        Some(v) => out.push(v),
                        None => return Ok(none()),
                    }
                }
            }
            None if self_match => {
                if npos > 1 {
                    return Err(type_error(format!("{}() accepts 1 positional sub-pattern ({} given)", cls_t.name(), npos)));
                }
                out.push(subject.clone());
            }
            None => {
                return Err(type_error(format!(
                    "{}() accepts 0 positional sub-patterns ({} given)",
                    cls_t.name(),
                    npos
                )))
            }
        }
    }
    for name in as_tuple(names).unwrap_or(&[]).to_vec() {
        let n = as_str(&name).unwrap_or("?").to_string();
        if seen.contains(&n) {
            return Err(type_error(format!("{}() got multiple sub-patterns for attribute '{}'", cls_t.name(), n)));
        }
        seen.push(n);
        match ops::getattr_opt(vm, subject, &name)? {
            Some(v) => out.push(v),
            None => return Ok(none()),
        }
    }
    Ok(new_tuple(out))
}

/// `MatchKeys`: the values for `keys`, or None if any is missing.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = as_tuple(keys).unwrap_or(&[]).to_vec();
    let mut out = Vec::with_capacity(keys.len());
    let get = ops::getattr_str(vm, subject, "get")?;
    let marker = crate::objects::object::new_object();
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].iter().any(|p| p.is(k)) || {
            let mut dup = false;
            for p in &keys[..i] {
                if ops::eq(vm, p, k)? {
                    dup = true;
                }
            }
            dup
        } {
            let r = ops::repr_string(vm, k)?;
            return Err(super::value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        let v = super::call::call(vm, &get, &[k.clone(), marker.clone()])?;
        if v.is(&marker) {
            return Ok(none());
        }
        out.push(v);
    }
    Ok(new_tuple(out))
}

pub fn intrinsic1(vm: &mut Vm, f: &mut Frame, arg: u32, v: Value) -> PyResult<Value> {
    let Some(kind) = Intrinsic1::from_arg(arg) else {
        return Err(super::system_error("bad intrinsic"));
    };
    match kind {
        Intrinsic1::Print => {
            let hook = crate::modules::sys::get_sys_attr(vm, "displayhook")
                .ok_or_else(|| super::runtime_error("lost sys.displayhook"))?;
            super::call::call(vm, &hook, &[v])?;
            Ok(none())
        }
        Intrinsic1::ImportStar => {
            super::import::import_star(vm, f, &v)?;
            Ok(none())
        }
        Intrinsic1::StopIterationError => Ok(v),
        Intrinsic1::AsyncGenWrap => Ok(crate::objects::generator::wrap_async_gen_value(v)),
        Intrinsic1::UnaryPositive => ops::unary_op(vm, &v, crate::objects::typeobject::UnaryOp::Pos),
        Intrinsic1::ListToTuple => Ok(new_tuple(crate::objects::list::as_list(&v).map(|l| l.snapshot()).unwrap_or_default())),
        Intrinsic1::TypeVar => crate::objects::typevar::make_typevar(vm, v, None, None),
        Intrinsic1::ParamSpec => crate::objects::typevar::make_named(vm, "ParamSpec", v),
        Intrinsic1::TypeVarTuple => crate::objects::typevar::make_named(vm, "TypeVarTuple", v),
        Intrinsic1::SubscriptGeneric => crate::objects::typevar::subscript_generic(vm, v),
        Intrinsic1::TypeAlias => crate::objects::typevar::make_type_alias(vm, v),
    }
}

pub fn intrinsic2(vm: &mut Vm, arg: u32, v1: Value, v2: Value) -> PyResult<Value> {
    use taipan_compiler::bytecode::Intrinsic2;
    let Some(kind) = Intrinsic2::from_arg(arg) else {
        return Err(super::system_error("bad intrinsic"));
    };
    match kind {
        Intrinsic2::PrepReraiseStar => crate::objects::exception_group::prep_reraise_star(vm, &v1, &v2),
        Intrinsic2::TypeVarWithBound => crate::objects::typevar::make_typevar(vm, v1, Some(v2), None),
        Intrinsic2::TypeVarWithConstraints => crate::objects::typevar::make_typevar(vm, v1, None, Some(v2)),
        Intrinsic2::SetTypeparamDefault => Ok(v1),
        Intrinsic2::SetFunctionTypeParams => {
            if let Some(func) = v1.downcast::<crate::objects::function::PyFunction>() {
                *func.type_params.borrow_mut() = Some(v2);
            }
            Ok(v1)
        }
    }
}
