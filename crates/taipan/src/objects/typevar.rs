//! PEP 484/612/646/695 type parameters: `TypeVar`, `ParamSpec` (with `ParamSpecArgs` /
//! `ParamSpecKwargs`), `TypeVarTuple`, `TypeAliasType`, `typing.Generic` and
//! `typing.NoDefault`, the objects the `_typing` module exports and the PEP 695 syntax
//! creates.  Mirrors CPython's `Objects/typevarobject.c`: substitution, `Generic[...]`
//! and subclass set-up call back into the pure-Python helpers of `typing`
//! (`_typevar_subst`, `_generic_class_getitem`, ...), as CPython does.
//!
//! NOTE: attributes live in an instance dict (CPython uses read-only members).  Bounds,
//! constraints and alias values written with PEP 695 syntax are evaluated lazily, on
//! first access, as in CPython.

use std::cell::RefCell;

use super::dict::PyDict;
use super::singletons::{bool_value, is_none, none};
use super::str::{as_str, new_str, new_string};
use super::tuple::{as_tuple, new_tuple};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Vm};

#[repr(C)]
pub struct PyTypingObject {
    head: ObjectHead,
    /// A PEP 695 bound, constraints or alias value not evaluated yet: the attribute it
    /// becomes and the function computing it.
    lazy: RefCell<Option<(&'static str, Value)>>,
}

fn typing_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: the layout of objects of these types is PyTypingObject.
    let t = unsafe { &*(head as *const ObjectHead as *const PyTypingObject) };
    if let Ok(l) = t.lazy.try_borrow() {
        if let Some((_, f)) = &*l {
            visit(f);
        }
    }
}

fn typing_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: as in typing_traverse.
    let t = unsafe { &*(head as *const ObjectHead as *const PyTypingObject) };
    if let Ok(mut l) = t.lazy.try_borrow_mut() {
        if let Some((_, f)) = l.take() {
            out.push(f);
        }
    }
}

pub static TYPING_LAYOUT: Layout = crate::payload_layout!(PyTypingObject, "typing object", typing_traverse, typing_clear);

impl PyPayload for PyTypingObject {
    fn layout() -> &'static Layout {
        &TYPING_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TYPEVAR_TYPE
    }
}

macro_rules! typing_type {
    ($s:ident, $name:literal, $methods:expr, $getsets:expr) => {
        pub static $s: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &TYPING_LAYOUT,
            flags: flags::HAVE_GC | flags::HAS_DICT | flags::WEAKREFABLE,
            base: Some(&super::object::OBJECT_TYPE),
            methods: $methods,
            getsets: $getsets,
            doc: None,
            module: Some("typing"),
        });
    };
}

typing_type!(TYPEVAR_TYPE, "TypeVar", TYPEVAR_METHODS, &[]);
typing_type!(PARAMSPEC_TYPE, "ParamSpec", PARAMSPEC_METHODS, PARAMSPEC_GETSETS);
typing_type!(TYPEVARTUPLE_TYPE, "TypeVarTuple", TYPEVARTUPLE_METHODS, &[]);
typing_type!(PARAMSPECARGS_TYPE, "ParamSpecArgs", PSARGS_METHODS, &[]);
typing_type!(PARAMSPECKWARGS_TYPE, "ParamSpecKwargs", PSARGS_METHODS, &[]);
typing_type!(TYPEALIAS_TYPE, "TypeAliasType", TYPEALIAS_METHODS, &[]);
typing_type!(NODEFAULT_TYPE, "NoDefaultType", NODEFAULT_METHODS, &[]);

pub static GENERIC_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Generic",
    layout: &super::object::OBJECT_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: GENERIC_METHODS,
    getsets: &[],
    doc: Some("Abstract base class for generic types."),
    module: Some("typing"),
});

thread_local! {
    static NO_DEFAULT: Value = new_obj(&NODEFAULT_TYPE, &[]);
}

/// `typing.NoDefault`.
pub fn no_default() -> Value {
    NO_DEFAULT.with(Value::clone)
}

fn new_obj(ty: &'static PyType, attrs: &[(&str, Value)]) -> Value {
    let v = heap::alloc(ty, PyTypingObject { head: ObjectHead::uninit(), lazy: RefCell::new(None) });
    if let Some(d) = super::object::instance_dict(&v) {
        for (k, x) in attrs {
            PyDict::set_str(&d, k, x.clone());
        }
    }
    v
}

fn attr(v: &Value, name: &str) -> Value {
    super::object::instance_dict(v).and_then(|d| PyDict::get_str(&d, name)).unwrap_or_else(none)
}

fn typing_module(vm: &mut Vm) -> PyResult<Value> {
    crate::vm::import::import_module(vm, "typing")
}

/// Calls `typing.<helper>(args...)`.
fn call_typing(vm: &mut Vm, helper: &str, args: &[Value]) -> PyResult<Value> {
    let typing = typing_module(vm)?;
    let f = crate::vm::ops::getattr_str(vm, &typing, helper)?;
    crate::vm::call::call(vm, &f, args)
}

/// `__module__` of a new type parameter: the calling module's `__name__`.
fn caller_module(vm: &Vm) -> Value {
    vm.current_globals().and_then(|g| PyDict::get_str(&g, "__name__")).unwrap_or_else(|| new_str("typing"))
}

fn type_check(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Value> {
    call_typing(vm, "_type_check", &[v.clone(), new_str(msg)])
}

struct VarArgs {
    name: Value,
    rest: Vec<Value>,
    kwargs: Vec<(String, Value)>,
}

fn parse_var(args: Args, fname: &str, allowed: &[&str]) -> PyResult<VarArgs> {
    let pos = args.positional();
    let mut kwargs = Vec::new();
    let mut name = pos.first().cloned();
    for (k, v) in args.kwargs() {
        let k = as_str(k).unwrap_or("").to_string();
        if k == "name" && name.is_none() {
            name = Some(v.clone());
            continue;
        }
        if !allowed.contains(&k.as_str()) {
            return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'")));
        }
        kwargs.push((k, v.clone()));
    }
    let name = name.ok_or_else(|| type_error(format!("{fname}() missing required argument 'name' (pos 1)")))?;
    if !super::str::is_str(&name) {
        return Err(type_error(format!("{fname}() argument 'name' must be str, not {}", name.ty().name())));
    }
    Ok(VarArgs { name, rest: pos.iter().skip(1).cloned().collect(), kwargs })
}

fn kwarg(a: &VarArgs, name: &str) -> Option<Value> {
    a.kwargs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

fn flag(vm: &mut Vm, a: &VarArgs, name: &str) -> PyResult<bool> {
    match kwarg(a, name) {
        Some(v) => crate::vm::ops::is_true(vm, &v),
        None => Ok(false),
    }
}

fn variance(vm: &mut Vm, a: &VarArgs) -> PyResult<(bool, bool, bool)> {
    let (co, contra, infer) = (flag(vm, a, "covariant")?, flag(vm, a, "contravariant")?, flag(vm, a, "infer_variance")?);
    if co && contra {
        return Err(value_error("Bivariant type variables are not supported."));
    }
    if infer && (co || contra) {
        return Err(value_error("Variance cannot be specified with infer_variance."));
    }
    Ok((co, contra, infer))
}

fn typevar_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    let a = parse_var(args, "typevar_new", &["bound", "covariant", "contravariant", "infer_variance", "default"])?;
    let (co, contra, infer) = variance(vm, &a)?;
    let mut bound = kwarg(&a, "bound").filter(|b| !is_none(b));
    if let Some(b) = &bound {
        bound = Some(type_check(vm, b, "Bound must be a type.")?);
    }
    if a.rest.len() == 1 {
        return Err(type_error("A single constraint is not allowed"));
    }
    if !a.rest.is_empty() && bound.is_some() {
        return Err(type_error("Constraints cannot be combined with bound=..."));
    }
    let mut constraints = Vec::new();
    for c in &a.rest {
        constraints.push(type_check(vm, c, "TypeVar(name, constraint, ...): constraints must be types.")?);
    }
    let default = kwarg(&a, "default").unwrap_or_else(no_default);
    Ok(new_obj(
        &TYPEVAR_TYPE,
        &[
            ("__name__", a.name.clone()),
            ("__bound__", bound.unwrap_or_else(none)),
            ("__constraints__", new_tuple(constraints)),
            ("__covariant__", bool_value(co)),
            ("__contravariant__", bool_value(contra)),
            ("__infer_variance__", bool_value(infer)),
            ("__default__", default),
            ("__module__", caller_module(vm)),
        ],
    ))
}

fn paramspec_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    let a = parse_var(args, "paramspec_new", &["bound", "covariant", "contravariant", "infer_variance", "default"])?;
    if !a.rest.is_empty() {
        return Err(type_error(format!("paramspec_new() takes at most 1 positional argument ({} given)", a.rest.len() + 1)));
    }
    let (co, contra, infer) = variance(vm, &a)?;
    let mut bound = kwarg(&a, "bound").filter(|b| !is_none(b));
    if let Some(b) = &bound {
        bound = Some(type_check(vm, b, "Bound must be a type.")?);
    }
    let default = kwarg(&a, "default").unwrap_or_else(no_default);
    Ok(new_obj(
        &PARAMSPEC_TYPE,
        &[
            ("__name__", a.name.clone()),
            ("__bound__", bound.unwrap_or_else(none)),
            ("__covariant__", bool_value(co)),
            ("__contravariant__", bool_value(contra)),
            ("__infer_variance__", bool_value(infer)),
            ("__default__", default),
            ("__module__", caller_module(vm)),
        ],
    ))
}

fn typevartuple_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    let a = parse_var(args, "typevartuple", &["default"])?;
    if !a.rest.is_empty() {
        return Err(type_error(format!("typevartuple() takes at most 1 positional argument ({} given)", a.rest.len() + 1)));
    }
    let default = kwarg(&a, "default").unwrap_or_else(no_default);
    Ok(new_obj(
        &TYPEVARTUPLE_TYPE,
        &[("__name__", a.name.clone()), ("__default__", default), ("__module__", caller_module(vm))],
    ))
}

fn name_of(v: &Value) -> String {
    as_str(&attr(v, "__name__")).unwrap_or("?").to_string()
}

fn var_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = name_of(v);
    if std::ptr::eq(v.ty(), &TYPEVARTUPLE_TYPE) || attr(v, "__infer_variance__").is(&bool_value(true)) {
        return Ok(new_string(name));
    }
    let prefix = if attr(v, "__covariant__").is(&bool_value(true)) {
        '+'
    } else if attr(v, "__contravariant__").is(&bool_value(true)) {
        '-'
    } else {
        '~'
    };
    Ok(new_string(format!("{prefix}{name}")))
}

/// `T | X`: `typing.Union[T, X]`.
fn var_or(vm: &mut Vm, a: &Value, b: &Value, _op: taipan_compiler::bytecode::BinaryOperator) -> PyResult<Value> {
    let typing = typing_module(vm)?;
    let union = crate::vm::ops::getattr_str(vm, &typing, "Union")?;
    crate::vm::ops::getitem(vm, &union, &new_tuple(vec![a.clone(), b.clone()]))
}

fn m_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__reduce__")?;
    Ok(attr(v, "__name__"))
}

fn m_mro_entries(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, _bases] = args.exact::<2>("__mro_entries__")?;
    Err(type_error(format!("Cannot subclass an instance of {}", v.ty().name())))
}

fn m_has_default(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("has_default")?;
    Ok(bool_value(!attr(v, "__default__").is(&no_default())))
}

fn typevar_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, arg] = args.exact::<2>("__typing_subst__")?;
    call_typing(vm, "_typevar_subst", &[v.clone(), arg.clone()])
}

/// `TypeVar.__typing_prepare_subst__`: fills in a default for a missing argument.
fn typevar_prepare_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, alias, targs] = args.exact::<3>("__typing_prepare_subst__")?;
    let params = crate::vm::ops::getattr_str(vm, alias, "__parameters__")?;
    let params = crate::vm::ops::collect_iter(vm, &params)?;
    let given = crate::vm::ops::collect_iter(vm, targs)?;
    let i = params.iter().position(|p| p.is(v)).unwrap_or(0);
    if i < given.len() {
        return Ok(targs.clone());
    }
    let default = attr(v, "__default__");
    if i == given.len() && !default.is(&no_default()) {
        let mut out = given;
        out.push(default);
        return Ok(new_tuple(out));
    }
    let alias_r = crate::vm::ops::repr_string(vm, alias)?;
    Err(type_error(format!("Too few arguments for {alias_r}; actual {}, expected at least {}", given.len(), i + 1)))
}

fn paramspec_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, arg] = args.exact::<2>("__typing_subst__")?;
    call_typing(vm, "_paramspec_subst", &[v.clone(), arg.clone()])
}

fn paramspec_prepare_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, alias, targs] = args.exact::<3>("__typing_prepare_subst__")?;
    call_typing(vm, "_paramspec_prepare_subst", &[v.clone(), alias.clone(), targs.clone()])
}

fn paramspec_args(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_obj(&PARAMSPECARGS_TYPE, &[("__origin__", v.clone())]))
}

fn paramspec_kwargs(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_obj(&PARAMSPECKWARGS_TYPE, &[("__origin__", v.clone())]))
}

fn psargs_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let origin = attr(v, "__origin__");
    let name = if std::ptr::eq(origin.ty(), &PARAMSPEC_TYPE) { name_of(&origin) } else { crate::vm::ops::repr_string(vm, &origin)? };
    let suffix = if std::ptr::eq(v.ty(), &PARAMSPECARGS_TYPE) { "args" } else { "kwargs" };
    Ok(new_string(format!("{name}.{suffix}")))
}

fn psargs_richcompare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: taipan_compiler::bytecode::ComparisonOperator,
) -> PyResult<Value> {
    use taipan_compiler::bytecode::ComparisonOperator as C;
    if !matches!(op, C::Eq | C::Ne) || !std::ptr::eq(a.ty(), b.ty()) {
        return Ok(super::singletons::not_implemented());
    }
    let eq = crate::vm::ops::eq(vm, &attr(a, "__origin__"), &attr(b, "__origin__"))?;
    Ok(bool_value(if matches!(op, C::Eq) { eq } else { !eq }))
}

fn typevartuple_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let typing = typing_module(vm)?;
    let unpack = crate::vm::ops::getattr_str(vm, &typing, "Unpack")?;
    let item = crate::vm::ops::getitem(vm, &unpack, v)?;
    crate::vm::ops::iter(vm, &new_tuple(vec![item]))
}

fn typevartuple_subst(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<2>("__typing_subst__")?;
    Err(type_error("Substitution of bare TypeVarTuple is not supported"))
}

fn typevartuple_prepare_subst(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, alias, targs] = args.exact::<3>("__typing_prepare_subst__")?;
    call_typing(vm, "_typevartuple_prepare_subst", &[v.clone(), alias.clone(), targs.clone()])
}

fn typealias_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    use crate::vm::args::{kw, p};
    static SIG: crate::vm::Sig = crate::vm::Sig::new("TypeAliasType", &[p("name"), p("value"), kw("type_params")]);
    let [name, value, type_params] = SIG.parse::<3>(args)?;
    let name = name.unwrap_or_else(none);
    if !super::str::is_str(&name) {
        return Err(type_error(format!("TypeAliasType() argument 'name' must be str, not {}", name.ty().name())));
    }
    let type_params = type_params.unwrap_or_else(|| new_tuple(Vec::new()));
    if as_tuple(&type_params).is_none() {
        return Err(type_error("type_params must be a tuple"));
    }
    Ok(new_obj(
        &TYPEALIAS_TYPE,
        &[
            ("__name__", name),
            ("__value__", value.unwrap_or_else(none)),
            ("__type_params__", type_params.clone()),
            ("__parameters__", type_params),
            ("__module__", caller_module(vm)),
        ],
    ))
}

fn typealias_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(name_of(v)))
}

fn typealias_getitem(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<Value> {
    let params = attr(v, "__type_params__");
    if as_tuple(&params).map(|t| t.is_empty()).unwrap_or(true) {
        return Err(type_error("Only generic type aliases are subscriptable"));
    }
    let types = crate::vm::import::import_module(vm, "types")?;
    let alias = crate::vm::ops::getattr_str(vm, &types, "GenericAlias")?;
    crate::vm::call::call(vm, &alias, &[v.clone(), item.clone()])
}

fn generic_class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, params] = args.exact::<2>("__class_getitem__")?;
    call_typing(vm, "_generic_class_getitem", &[cls.clone(), params.clone()])
}

fn generic_init_subclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let typing = typing_module(vm)?;
    let f = crate::vm::ops::getattr_str(vm, &typing, "_generic_init_subclass")?;
    let mut values: Vec<Value> = args.positional().to_vec();
    let kwnames: Vec<Value> = args.kwargs().map(|(k, _)| k.clone()).collect();
    values.extend(args.kwargs().map(|(_, v)| v.clone()));
    crate::vm::call::call_with_kwnames(vm, &f, &values, &kwnames)
}

/// `getattr` of type parameters: a lazily evaluated PEP 695 value is computed on first
/// access to its attribute.
fn typing_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(t) = v.downcast::<PyTypingObject>() {
        let pending = t.lazy.borrow().as_ref().map(|(k, f)| (*k, f.clone()));
        if let Some((key, f)) = pending {
            if as_str(name) == Some(key) {
                let value = crate::vm::call::call(vm, &f, &[])?;
                let value = if key == "__constraints__" { new_tuple(crate::vm::ops::collect_iter(vm, &value)?) } else { value };
                if let Some(d) = super::object::instance_dict(v) {
                    PyDict::set_str(&d, key, value.clone());
                }
                *t.lazy.borrow_mut() = None;
                return Ok(value);
            }
        }
    }
    super::object::generic_getattr(vm, v, name)
}

/// How CPython declares an attribute of these types: a read-only member ("readonly
/// attribute") or a getter without setter ("attribute ... is not writable").
#[derive(Clone, Copy)]
enum Fixed {
    Member,
    Getter,
}

fn fixed_attribute(ty: &PyType, name: &str) -> Option<Fixed> {
    use Fixed::*;
    let table: &[(&str, Fixed)] = if std::ptr::eq(ty, &TYPEALIAS_TYPE) {
        &[("__name__", Member), ("__value__", Getter), ("__module__", Getter), ("__type_params__", Getter), ("__parameters__", Getter)]
    } else if std::ptr::eq(ty, &TYPEVAR_TYPE) {
        &[
            ("__name__", Member),
            ("__bound__", Getter),
            ("__constraints__", Getter),
            ("__covariant__", Member),
            ("__contravariant__", Member),
            ("__infer_variance__", Member),
            ("__default__", Getter),
        ]
    } else if std::ptr::eq(ty, &PARAMSPEC_TYPE) {
        &[
            ("__name__", Member),
            ("__bound__", Member),
            ("__covariant__", Member),
            ("__contravariant__", Member),
            ("__infer_variance__", Member),
            ("__default__", Getter),
        ]
    } else if std::ptr::eq(ty, &TYPEVARTUPLE_TYPE) {
        &[("__name__", Member), ("__default__", Getter)]
    } else if std::ptr::eq(ty, &PARAMSPECARGS_TYPE) || std::ptr::eq(ty, &PARAMSPECKWARGS_TYPE) {
        &[("__origin__", Member)]
    } else {
        &[]
    };
    table.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}

/// Attribute assignment on TypeVar-like objects and type aliases: their described
/// attributes are read-only; TypeVar, ParamSpec and TypeVarTuple accept other names,
/// TypeAliasType and ParamSpecArgs/Kwargs have no `__dict__` for them.
fn typing_setattro(vm: &mut Vm, v: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    let ty = v.ty();
    let n = as_str(name).unwrap_or("");
    match fixed_attribute(ty, n) {
        Some(Fixed::Member) => return Err(PyErr::new(&super::exceptions::ATTRIBUTE_ERROR, "readonly attribute")),
        Some(Fixed::Getter) => {
            let msg = format!("attribute '{n}' of '{}' objects is not writable", ty.tp_name());
            return Err(PyErr::new(&super::exceptions::ATTRIBUTE_ERROR, msg));
        }
        None => {}
    }
    let open = [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEVARTUPLE_TYPE].iter().any(|t| std::ptr::eq(ty, *t));
    if !open {
        let msg = if ty.lookup(name).is_some() {
            format!("'{}' object attribute '{n}' is read-only", ty.tp_name())
        } else {
            format!("'{}' object has no attribute '{n}' and no __dict__ for setting new attributes", ty.tp_name())
        };
        return Err(crate::vm::attribute_error(v, name, msg));
    }
    super::object::generic_setattr(vm, v, name, value)
}

/// PEP 695 `[T]`, `[T: bound]`, `[T: (constraints)]` (bound and constraints are
/// functions evaluated on first access).  These type parameters infer their variance.
pub fn make_typevar(vm: &mut Vm, name: Value, bound: Option<Value>, constraints: Option<Value>) -> PyResult<Value> {
    let v = new_obj(
        &TYPEVAR_TYPE,
        &[
            ("__name__", name),
            ("__bound__", none()),
            ("__constraints__", new_tuple(Vec::new())),
            ("__covariant__", bool_value(false)),
            ("__contravariant__", bool_value(false)),
            ("__infer_variance__", bool_value(true)),
            ("__default__", no_default()),
            ("__module__", caller_module(vm)),
        ],
    );
    let lazy = match (bound, constraints) {
        (Some(b), _) => Some(("__bound__", b)),
        (None, Some(c)) => Some(("__constraints__", c)),
        _ => None,
    };
    if let (Some(t), Some(l)) = (v.downcast::<PyTypingObject>(), lazy) {
        *t.lazy.borrow_mut() = Some(l);
    }
    Ok(v)
}

/// PEP 695 `[**P]` and `[*Ts]`.
pub fn make_named(vm: &mut Vm, kind: &'static str, name: Value) -> PyResult<Value> {
    if kind == "ParamSpec" {
        return Ok(new_obj(
            &PARAMSPEC_TYPE,
            &[
                ("__name__", name),
                ("__bound__", none()),
                ("__covariant__", bool_value(false)),
                ("__contravariant__", bool_value(false)),
                ("__infer_variance__", bool_value(true)),
                ("__default__", no_default()),
                ("__module__", caller_module(vm)),
            ],
        ));
    }
    Ok(new_obj(&TYPEVARTUPLE_TYPE, &[("__name__", name), ("__default__", no_default()), ("__module__", caller_module(vm))]))
}

/// `Generic[*params]`, the implicit base of a class with type parameters
/// (CPython's `_Py_subscript_generic`): TypeVarTuples are unpacked first.
pub fn subscript_generic(vm: &mut Vm, params: Value) -> PyResult<Value> {
    let items = as_tuple(&params).map(<[Value]>::to_vec).unwrap_or_else(|| vec![params.clone()]);
    let mut out = Vec::with_capacity(items.len());
    for p in items {
        if std::ptr::eq(p.ty(), &TYPEVARTUPLE_TYPE) {
            let typing = typing_module(vm)?;
            let unpack = crate::vm::ops::getattr_str(vm, &typing, "Unpack")?;
            out.push(crate::vm::ops::getitem(vm, &unpack, &p)?);
        } else {
            out.push(p);
        }
    }
    call_typing(vm, "_generic_class_getitem", &[GENERIC_TYPE.to_value(), new_tuple(out)])
}

/// `type X[...] = value`: `v` is (name, type_params or None, function computing value).
pub fn make_type_alias(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = as_tuple(&v).map(<[Value]>::to_vec).unwrap_or_default();
    let [name, params, value] = <[Value; 3]>::try_from(items).map_err(|_| type_error("bad type alias"))?;
    let params = if is_none(&params) { new_tuple(Vec::new()) } else { params };
    let alias = new_obj(
        &TYPEALIAS_TYPE,
        &[("__name__", name), ("__type_params__", params.clone()), ("__parameters__", params), ("__module__", caller_module(vm))],
    );
    if let Some(t) = alias.downcast::<PyTypingObject>() {
        *t.lazy.borrow_mut() = Some(("__value__", value));
    }
    Ok(alias)
}

fn nodefault_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(new_str("typing.NoDefault"))
}

fn nodefault_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    if !args.positional().is_empty() || args.has_kwargs() {
        return Err(type_error("NoDefaultType takes no arguments"));
    }
    Ok(no_default())
}

fn m_nodefault_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("__reduce__")?;
    Ok(new_str("NoDefault"))
}

static TYPEVAR_METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__mro_entries__", m_mro_entries),
    MethodDef::method("has_default", m_has_default),
    MethodDef::method("__typing_subst__", typevar_subst),
    MethodDef::method("__typing_prepare_subst__", typevar_prepare_subst),
];
static PARAMSPEC_METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__mro_entries__", m_mro_entries),
    MethodDef::method("has_default", m_has_default),
    MethodDef::method("__typing_subst__", paramspec_subst),
    MethodDef::method("__typing_prepare_subst__", paramspec_prepare_subst),
];
static TYPEVARTUPLE_METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__mro_entries__", m_mro_entries),
    MethodDef::method("has_default", m_has_default),
    MethodDef::method("__typing_subst__", typevartuple_subst),
    MethodDef::method("__typing_prepare_subst__", typevartuple_prepare_subst),
];
static PSARGS_METHODS: &[MethodDef] = &[MethodDef::method("__mro_entries__", m_mro_entries)];
static TYPEALIAS_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", m_reduce)];
static GENERIC_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("__class_getitem__", generic_class_getitem),
    MethodDef::classmethod("__init_subclass__", generic_init_subclass),
];
static NODEFAULT_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", m_nodefault_reduce)];

static PARAMSPEC_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("args", paramspec_args),
    GetSetDef::new("kwargs", paramspec_kwargs),
];

/// Sets the slots of this module's types (called once at start-up).
pub fn init_types() {
    use taipan_compiler::bytecode::BinaryOperator;
    for t in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEVARTUPLE_TYPE, &PARAMSPECARGS_TYPE, &PARAMSPECKWARGS_TYPE, &TYPEALIAS_TYPE, &NODEFAULT_TYPE] {
        t.set_n_extra(1);
    }
    TYPEVAR_TYPE.slots.new.set(Some(typevar_new));
    PARAMSPEC_TYPE.slots.new.set(Some(paramspec_new));
    TYPEVARTUPLE_TYPE.slots.new.set(Some(typevartuple_new));
    TYPEALIAS_TYPE.slots.new.set(Some(typealias_new));
    NODEFAULT_TYPE.slots.new.set(Some(nodefault_new));
    for t in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEVARTUPLE_TYPE] {
        t.slots.repr.set(Some(var_repr));
    }
    for t in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEALIAS_TYPE] {
        t.slots.binop[BinaryOperator::Or as usize].set(Some(var_or));
    }
    TYPEVARTUPLE_TYPE.slots.iter.set(Some(typevartuple_iter));
    for t in [&TYPEVAR_TYPE, &TYPEALIAS_TYPE] {
        t.slots.getattro.set(Some(typing_getattro));
    }
    for t in [&PARAMSPECARGS_TYPE, &PARAMSPECKWARGS_TYPE] {
        t.slots.repr.set(Some(psargs_repr));
        t.slots.richcompare.set(Some(psargs_richcompare));
    }
    for t in [&TYPEVAR_TYPE, &PARAMSPEC_TYPE, &TYPEVARTUPLE_TYPE, &TYPEALIAS_TYPE, &PARAMSPECARGS_TYPE, &PARAMSPECKWARGS_TYPE] {
        t.slots.setattro.set(Some(typing_setattro));
    }
    TYPEALIAS_TYPE.slots.repr.set(Some(typealias_repr));
    TYPEALIAS_TYPE.slots.getitem.set(Some(typealias_getitem));
    NODEFAULT_TYPE.slots.repr.set(Some(nodefault_repr));
    // The types `objects::static_types` does not list.
    for t in [&PARAMSPECARGS_TYPE, &PARAMSPECKWARGS_TYPE, &NODEFAULT_TYPE] {
        super::typeobject_methods::init_static_type(t);
    }
}

pub static TYPING_TYPES: &[&PyType] = &[
    &TYPEVAR_TYPE,
    &PARAMSPEC_TYPE,
    &TYPEVARTUPLE_TYPE,
    &PARAMSPECARGS_TYPE,
    &PARAMSPECKWARGS_TYPE,
    &TYPEALIAS_TYPE,
    &NODEFAULT_TYPE,
    &GENERIC_TYPE,
];

