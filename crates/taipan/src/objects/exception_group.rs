//! `BaseExceptionGroup` / `ExceptionGroup` behaviour and `except*` matching.
//! Mirrors CPython's `Objects/exceptions.c` (BaseExceptionGroup) and the
//! `_PyExc_PrepReraiseStar` helper.

use super::exceptions::{self, get_attr_field, set_attr_fields};
use super::str::new_str;
use super::tuple::{as_tuple, new_tuple};
use super::typeobject::{as_type, MethodDef, PyType};
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, Args, PyResult, Vm};

fn eg_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("BaseExceptionGroup")?;
    let pos = args.check("BaseExceptionGroup.__new__", 2, 2)?;
    let msg = &pos[0];
    if !super::str::is_str(msg) {
        return Err(type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", msg.ty().name())));
    }
    let excs_v = &pos[1];
    if super::singletons::is_none(excs_v) || excs_v.ty().slots.getitem.get().is_none() {
        return Err(type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = ops::collect_iter(vm, excs_v)?;
    if excs.is_empty() {
        return Err(value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        if !exceptions::is_exception_instance(e) {
            return Err(value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !e.ty().is_subtype(&exceptions::EXCEPTION) {
            all_exceptions = false;
        }
    }
    let mut ty = as_type(cls).unwrap_or(&exceptions::BASE_EXCEPTION_GROUP);
    if std::ptr::eq(ty, &exceptions::BASE_EXCEPTION_GROUP) {
        if all_exceptions {
            ty = &exceptions::EXCEPTION_GROUP;
        }
    } else if std::ptr::eq(ty, &exceptions::EXCEPTION_GROUP) {
        if !all_exceptions {
            return Err(type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exceptions && ty.is_subtype(&exceptions::EXCEPTION) {
        return Err(type_error(format!("Cannot nest BaseExceptions in '{}'", ty.name())));
    }
    let e = exceptions::new_exception(ty, vec![msg.clone(), excs_v.clone()]);
    set_attr_fields(&e, "message", msg.clone());
    set_attr_fields(&e, "exceptions", new_tuple(excs));
    Ok(e)
}

/// `eg.derive(excs)`.
fn derive(vm: &mut Vm, eg: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let msg = get_attr_field(eg, "message").unwrap_or_else(|| new_str(""));
    let list = super::list::PyList::new_value(excs);
    let new = crate::vm::call::call_method(vm, eg, "derive", &[list])?;
    // Copy traceback, cause, context and notes like CPython's exceptiongroup_subset.
    exceptions::set_traceback(&new, exceptions::traceback_of(eg));
    if let Some(c) = exceptions::cause_of(eg) {
        exceptions::set_cause(&new, Some(c));
    }
    exceptions::set_context(&new, exceptions::context_of(eg));
    if let Some(notes) = get_attr_field(eg, "__notes__") {
        set_attr_fields(&new, "__notes__", notes);
    }
    let _ = msg;
    Ok(new)
}

enum Matcher {
    Types(Value),
    Predicate(Value),
}

fn matches(vm: &mut Vm, m: &Matcher, e: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => crate::modules::builtins::isinstance(vm, e, t),
        Matcher::Predicate(f) => {
            let r = crate::vm::call::call(vm, f, std::slice::from_ref(e))?;
            ops::is_true(vm, &r)
        }
    }
}

/// Splits `eg` into (matching, rest), each None when empty.
fn split(vm: &mut Vm, eg: &Value, m: &Matcher) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, m, eg)? {
        return Ok((Some(eg.clone()), None));
    }
    if !eg.ty().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        return Ok((None, Some(eg.clone())));
    }
    let excs = get_attr_field(eg, "exceptions").and_then(|t| as_tuple(&t).map(|t| t.to_vec())).unwrap_or_default();
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in excs {
        let (a, b) = split(vm, &e, m)?;
        yes.extend(a);
        no.extend(b);
    }
    let yes = if yes.is_empty() { None } else { Some(derive(vm, eg, yes)?) };
    let no = if no.is_empty() { None } else { Some(derive(vm, eg, no)?) };
    Ok((yes, no))
}

fn matcher_of(v: &Value) -> PyResult<Matcher> {
    if exceptions::is_exception_type(v) || as_tuple(v).map(|t| t.iter().all(exceptions::is_exception_type)).unwrap_or(false) {
        return Ok(Matcher::Types(v.clone()));
    }
    if v.ty().slots.call.get().is_some() && as_type(v).is_none() {
        return Ok(Matcher::Predicate(v.clone()));
    }
    Err(type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
}

fn m_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [eg, cond] = args.exact::<2>("split")?;
    let m = matcher_of(cond)?;
    let (a, b) = split(vm, eg, &m)?;
    let none = super::singletons::none;
    Ok(new_tuple(vec![a.unwrap_or_else(none), b.unwrap_or_else(none)]))
}

fn m_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [eg, cond] = args.exact::<2>("subgroup")?;
    let m = matcher_of(cond)?;
    let (a, _) = split(vm, eg, &m)?;
    Ok(a.unwrap_or_else(super::singletons::none))
}

fn m_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [eg, excs] = args.exact::<2>("derive")?;
    let msg = get_attr_field(eg, "message").unwrap_or_else(|| new_str(""));
    crate::vm::call::call(vm, &exceptions::BASE_EXCEPTION_GROUP.to_value(), &[msg, excs.clone()])
}

fn m_class_getitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, item] = args.exact::<2>("__class_getitem__")?;
    super::genericalias::new_generic_alias(cls.clone(), item.clone())
}

/// `CheckEgMatch`: (rest, match) for an `except* T` clause.
pub fn except_star_match(vm: &mut Vm, exc: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    let none = super::singletons::none;
    if let Some(items) = as_tuple(ty) {
        for t in items {
            if as_type(t).map(|t| t.is_subtype(&exceptions::BASE_EXCEPTION_GROUP)).unwrap_or(false) {
                return Err(type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
            }
        }
    } else if as_type(ty).map(|t| t.is_subtype(&exceptions::BASE_EXCEPTION_GROUP)).unwrap_or(false) {
        return Err(type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    super::super::vm::eval_ops::exception_matches(vm, &crate::objects::object::new_object(), ty).or_else(|e| {
        if e.matches(&exceptions::TYPE_ERROR) {
            Err(type_error("catching classes that do not inherit from BaseException is not allowed"))
        } else {
            Ok(false)
        }
    })?;
    let m = Matcher::Types(ty.clone());
    if !exc.ty().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        if matches(vm, &m, exc)? {
            // A naked exception is wrapped in an ExceptionGroup('', (exc,)).
            let eg = crate::vm::call::call(
                vm,
                &exceptions::EXCEPTION_GROUP.to_value(),
                &[new_str(""), new_tuple(vec![exc.clone()])],
            )
            .or_else(|_| crate::vm::call::call(vm, &exceptions::BASE_EXCEPTION_GROUP.to_value(), &[new_str(""), new_tuple(vec![exc.clone()])]))?;
            exceptions::set_traceback(&eg, exceptions::traceback_of(exc));
            return Ok((none(), eg));
        }
        return Ok((exc.clone(), none()));
    }
    let (a, b) = split(vm, exc, &m)?;
    Ok((b.unwrap_or_else(none), a.unwrap_or_else(none)))
}

/// `CallIntrinsic2(PrepReraiseStar)`: what to re-raise after the `except*` clauses ran.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, raised: &Value) -> PyResult<Value> {
    let none = super::singletons::none;
    let items = super::list::as_list(raised).map(|l| l.snapshot()).unwrap_or_default();
    let items: Vec<Value> = items.into_iter().filter(|e| !super::singletons::is_none(e)).collect();
    if items.is_empty() {
        return Ok(none());
    }
    if !orig.ty().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        return Ok(items.into_iter().next().unwrap_or_else(none));
    }
    // Re-raised exceptions are those that are (parts of) the original group; others are new.
    let leaves = leaf_ids(orig);
    let (mut reraised, mut new): (Vec<Value>, Vec<Value>) = (Vec::new(), Vec::new());
    for e in items {
        if leaf_ids(&e).iter().all(|id| leaves.contains(id)) && !leaf_ids(&e).is_empty() {
            reraised.push(e);
        } else {
            new.push(e);
        }
    }
    let mut keep_ids = Vec::new();
    for e in &reraised {
        keep_ids.extend(leaf_ids(e));
    }
    let kept = if reraised.is_empty() {
        None
    } else {
        project(vm, orig, &keep_ids)?
    };
    // New exceptions first, then the re-raised part in the original's shape.
    let mut result: Vec<Value> = new;
    if let Some(k) = kept {
        result.push(k);
    }
    if result.len() == 1 {
        return Ok(result.pop().unwrap_or_else(none));
    }
    crate::vm::call::call(vm, &exceptions::BASE_EXCEPTION_GROUP.to_value(), &[new_str(""), super::list::PyList::new_value(result)])
}

fn leaf_ids(e: &Value) -> Vec<usize> {
    if e.ty().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        let excs = get_attr_field(e, "exceptions").and_then(|t| as_tuple(&t).map(|t| t.to_vec())).unwrap_or_default();
        excs.iter().flat_map(leaf_ids).collect()
    } else {
        vec![e.word()]
    }
}

/// The part of group `eg` whose leaves are in `keep`, with the group structure kept.
fn project(vm: &mut Vm, eg: &Value, keep: &[usize]) -> PyResult<Option<Value>> {
    if !eg.ty().is_subtype(&exceptions::BASE_EXCEPTION_GROUP) {
        return Ok(if keep.contains(&eg.word()) { Some(eg.clone()) } else { None });
    }
    let excs = get_attr_field(eg, "exceptions").and_then(|t| as_tuple(&t).map(|t| t.to_vec())).unwrap_or_default();
    let mut parts = Vec::new();
    let mut all = true;
    for e in &excs {
        match project(vm, e, keep)? {
            Some(p) => {
                if !p.is(e) {
                    all = false;
                }
                parts.push(p);
            }
            None => all = false,
        }
    }
    if parts.is_empty() {
        return Ok(None);
    }
    if all {
        return Ok(Some(eg.clone()));
    }
    derive(vm, eg, parts).map(Some)
}

pub static EG_METHODS: &[MethodDef] = &[
    MethodDef::method("split", m_split),
    MethodDef::method("subgroup", m_subgroup),
    MethodDef::method("derive", m_derive),
    MethodDef::classmethod("__class_getitem__", m_class_getitem),
];

pub fn init_types() {
    exceptions::BASE_EXCEPTION_GROUP.slots.new.set(Some(eg_new));
    let t: &PyType = &exceptions::BASE_EXCEPTION_GROUP;
    let _ = t;
}
