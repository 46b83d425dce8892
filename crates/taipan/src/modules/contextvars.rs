//! The `_contextvars` module: `ContextVar`, `Token`, `Context` and `copy_context`.
//! Follows the semantics of CPython's `Python/context.c` (PEP 567).
//!
//! A `Context` maps context variables to values. CPython uses an immutable HAMT so
//! that `copy_context()` is O(1); here a context owns a dict and copying it copies
//! the dict (contexts hold few variables in practice). `ContextVar.set` replaces the
//! current context's mapping in place, which is what CPython's assignment of a new
//! HAMT to `ctx->ctx_vars` amounts to as seen from Python.
//!
//! The interpreter has one current context (`ModulesState::current_context`),
//! created on first use; `Context.run` makes another one current for the call.

use std::cell::{Cell, RefCell};

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::singletons::none;
use crate::objects::str::new_string;
use crate::objects::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Vm};

// ----- Context -----

#[repr(C)]
pub struct PyContext {
    head: ObjectHead,
    vars: RefCell<Value>,
    entered: Cell<bool>,
    /// The context that was current before `run` entered this one.
    prev: RefCell<Option<Value>>,
}

fn context_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let c = unsafe { &*(head as *const ObjectHead as *const PyContext) };
    if let Ok(v) = c.vars.try_borrow() {
        visit(&v);
    }
    if let Ok(p) = c.prev.try_borrow() {
        if let Some(p) = &*p {
            visit(p);
        }
    }
}

fn context_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let c = unsafe { &*(head as *const ObjectHead as *const PyContext) };
    if let Ok(mut v) = c.vars.try_borrow_mut() {
        out.push(std::mem::replace(&mut *v, PyDict::new_value()));
    }
    if let Ok(mut p) = c.prev.try_borrow_mut() {
        if let Some(p) = p.take() {
            out.push(p);
        }
    }
}

pub static CONTEXT_LAYOUT: Layout = crate::payload_layout!(PyContext, "Context", context_traverse, context_clear);

impl PyPayload for PyContext {
    fn layout() -> &'static Layout {
        &CONTEXT_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &CONTEXT_TYPE
    }
}

pub static CONTEXT_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Context",
    layout: &CONTEXT_LAYOUT,
    flags: flags::HAVE_GC | flags::MAPPING,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: CONTEXT_METHODS,
    getsets: &[],
    doc: None,
    module: Some("_contextvars"),
});

fn new_context(vars: Value) -> Value {
    heap::alloc(&CONTEXT_TYPE, PyContext { head: ObjectHead::uninit(), vars: RefCell::new(vars), entered: Cell::new(false), prev: RefCell::new(None) })
}

fn ctx(v: &Value) -> PyResult<&PyContext> {
    v.downcast::<PyContext>()
        .ok_or_else(|| type_error(format!("a Context object is required, got {}", v.ty().name())))
}

/// The current context, created empty on first use.
fn current(vm: &mut Vm) -> Value {
    if let Some(c) = &vm.modules_state.current_context {
        return c.clone();
    }
    let c = new_context(PyDict::new_value());
    vm.modules_state.current_context = Some(c.clone());
    c
}

fn vars_of(c: &PyContext) -> Value {
    c.vars.borrow().clone()
}

fn context_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    if !args.values.is_empty() {
        return Err(type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(PyDict::new_value()))
}

fn check_var(vm: &mut Vm, k: &Value) -> PyResult<()> {
    if k.downcast::<PyContextVar>().is_none() {
        let r = crate::vm::ops::repr_string(vm, k)?;
        return Err(type_error(format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

fn context_getitem(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<Value> {
    check_var(vm, k)?;
    let vars = vars_of(ctx(c)?);
    match PyDict::get_item_opt(vm, &vars, k)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(&crate::objects::exceptions::KEY_ERROR, vec![k.clone()])),
    }
}

fn context_contains(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<bool> {
    check_var(vm, k)?;
    let vars = vars_of(ctx(c)?);
    Ok(PyDict::get_item_opt(vm, &vars, k)?.is_some())
}

fn context_len(_vm: &mut Vm, c: &Value) -> PyResult<usize> {
    Ok(PyDict::len(&vars_of(ctx(c)?)))
}

fn context_iter(vm: &mut Vm, c: &Value) -> PyResult<Value> {
    let keys = crate::objects::list::PyList::new_value(PyDict::keys_vec(&vars_of(ctx(c)?)));
    crate::vm::ops::iter(vm, &keys)
}

fn m_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("get", 2, 3)?;
    check_var(vm, &pos[1])?;
    let vars = vars_of(ctx(&pos[0])?);
    Ok(PyDict::get_item_opt(vm, &vars, &pos[1])?.unwrap_or_else(|| pos.get(2).cloned().unwrap_or_else(none)))
}

fn m_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [c] = args.exact::<1>("keys")?;
    let vars = vars_of(ctx(c)?);
    crate::vm::call::call_method(vm, &vars, "keys", &[])
}
fn m_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [c] = args.exact::<1>("values")?;
    let vars = vars_of(ctx(c)?);
    crate::vm::call::call_method(vm, &vars, "values", &[])
}
fn m_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [c] = args.exact::<1>("items")?;
    let vars = vars_of(ctx(c)?);
    crate::vm::call::call_method(vm, &vars, "items", &[])
}

fn m_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [c] = args.exact::<1>("copy")?;
    let vars = vars_of(ctx(c)?);
    Ok(new_context(PyDict::copy_value(vm, &vars)?))
}

/// `Context.run(callable, *args, **kwargs)`: calls with this context current.
fn m_run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(type_error("run() missing 1 required positional argument"));
    }
    let cv = pos[0].clone();
    let c = ctx(&cv)?;
    if c.entered.get() {
        let r = crate::vm::ops::repr_string(vm, &cv)?;
        return Err(crate::vm::runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = current(vm);
    c.entered.set(true);
    *c.prev.borrow_mut() = Some(prev.clone());
    vm.modules_state.current_context = Some(cv.clone());
    let callable = pos[1].clone();
    let rest = Args::with_kw(&args.values[2..], args.kwnames);
    let r = crate::vm::call::call_with_kwnames(vm, &callable, rest.values, rest.kwnames);
    c.entered.set(false);
    c.prev.borrow_mut().take();
    vm.modules_state.current_context = Some(prev);
    r
}

pub static CONTEXT_METHODS: &[MethodDef] = &[
    MethodDef::method("run", m_run),
    MethodDef::method("copy", m_copy),
    MethodDef::method("get", m_get),
    MethodDef::method("keys", m_keys),
    MethodDef::method("values", m_values),
    MethodDef::method("items", m_items),
];

// ----- ContextVar -----

#[repr(C)]
pub struct PyContextVar {
    head: ObjectHead,
    name: Value,
    default: Option<Value>,
}

fn var_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let v = unsafe { &*(head as *const ObjectHead as *const PyContextVar) };
    visit(&v.name);
    if let Some(d) = &v.default {
        visit(d);
    }
}

pub static VAR_LAYOUT: Layout = crate::payload_layout!(PyContextVar, "ContextVar", var_traverse, heap::no_clear);

impl PyPayload for PyContextVar {
    fn layout() -> &'static Layout {
        &VAR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &CONTEXT_VAR_TYPE
    }
}

pub static CONTEXT_VAR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "ContextVar",
    layout: &VAR_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: VAR_METHODS,
    getsets: VAR_GETSETS,
    doc: None,
    module: Some("_contextvars"),
});

fn var(v: &Value) -> PyResult<&PyContextVar> {
    v.downcast::<PyContextVar>().ok_or_else(|| type_error("ContextVar expected"))
}

fn var_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: crate::vm::args::Sig =
        crate::vm::args::Sig::new("ContextVar", &[crate::vm::args::p("name"), crate::vm::args::kw("default")]);
    let [name, default] = SIG.parse::<2>(args)?;
    let name = name.unwrap_or_else(none);
    if !crate::objects::str::is_str(&name) {
        return Err(type_error("context variable name must be a str"));
    }
    Ok(heap::alloc(&CONTEXT_VAR_TYPE, PyContextVar { head: ObjectHead::uninit(), name, default }))
}

fn var_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("get", 1, 2)?;
    let this = var(&pos[0])?;
    let c = current(vm);
    let vars = vars_of(ctx(&c)?);
    if let Some(v) = PyDict::get_item_opt(vm, &vars, &pos[0])? {
        return Ok(v);
    }
    if let Some(d) = pos.get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = &this.default {
        return Ok(d.clone());
    }
    Err(PyErr::with_args(&crate::objects::exceptions::LOOKUP_ERROR, vec![pos[0].clone()]))
}

fn var_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, value] = args.exact::<2>("set")?;
    var(v)?;
    let c = current(vm);
    let vars = vars_of(ctx(&c)?);
    let old = PyDict::get_item_opt(vm, &vars, v)?;
    PyDict::set_item(vm, &vars, v.clone(), value.clone())?;
    Ok(heap::alloc(
        &TOKEN_TYPE,
        PyToken { head: ObjectHead::uninit(), ctx: c, var: v.clone(), old: RefCell::new(old), used: Cell::new(false) },
    ))
}

fn var_reset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, token] = args.exact::<2>("reset")?;
    var(v)?;
    let Some(t) = token.downcast::<PyToken>() else {
        let r = crate::vm::ops::repr_string(vm, token)?;
        return Err(type_error(format!("expected an instance of Token, got {r}")));
    };
    if t.used.get() {
        return Err(crate::vm::runtime_error(format!("{} has already been used once", crate::vm::ops::repr_string(vm, token)?)));
    }
    if !t.var.is(v) {
        return Err(value_error(format!("{} was created by a different ContextVar", crate::vm::ops::repr_string(vm, token)?)));
    }
    let c = current(vm);
    if !t.ctx.is(&c) {
        return Err(value_error(format!("{} was created in a different Context", crate::vm::ops::repr_string(vm, token)?)));
    }
    t.used.set(true);
    let vars = vars_of(ctx(&c)?);
    match t.old.borrow().clone() {
        Some(o) => PyDict::set_item(vm, &vars, v.clone(), o)?,
        None => {
            PyDict::del_item_opt(vm, &vars, v)?;
        }
    }
    Ok(none())
}

fn var_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let this = var(v)?;
    let name = crate::vm::ops::repr_string(vm, &this.name)?;
    let default = match &this.default {
        Some(d) => format!(" default={}", crate::vm::ops::repr_string(vm, d)?),
        None => String::new(),
    };
    Ok(new_string(format!("<ContextVar name={name}{default} at {:#x}>", v.word())))
}

fn var_hash(_vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::objects::object::object_hash(_vm, v)
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(var(v)?.name.clone())
}

pub static VAR_METHODS: &[MethodDef] = &[
    MethodDef::method("get", var_get),
    MethodDef::method("set", var_set),
    MethodDef::method("reset", var_reset),
    MethodDef::classmethod("__class_getitem__", crate::objects::genericalias::class_getitem),
];

pub static VAR_GETSETS: &[GetSetDef] = &[GetSetDef::new("name", get_name)];

// ----- Token -----

#[repr(C)]
pub struct PyToken {
    head: ObjectHead,
    ctx: Value,
    var: Value,
    old: RefCell<Option<Value>>,
    used: Cell<bool>,
}

fn token_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let t = unsafe { &*(head as *const ObjectHead as *const PyToken) };
    visit(&t.ctx);
    visit(&t.var);
    if let Ok(o) = t.old.try_borrow() {
        if let Some(o) = &*o {
            visit(o);
        }
    }
}

pub static TOKEN_LAYOUT: Layout = crate::payload_layout!(PyToken, "Token", token_traverse, heap::no_clear);

impl PyPayload for PyToken {
    fn layout() -> &'static Layout {
        &TOKEN_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TOKEN_TYPE
    }
}

pub static TOKEN_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Token",
    layout: &TOKEN_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: TOKEN_METHODS,
    getsets: TOKEN_GETSETS,
    doc: None,
    module: Some("_contextvars"),
});

/// `Token.MISSING`: the marker for "the variable had no value".
#[repr(C)]
pub struct PyMissing {
    head: ObjectHead,
}

pub static MISSING_LAYOUT: Layout = crate::payload_layout!(PyMissing, "Token.MISSING", heap::no_traverse, heap::no_clear);

impl PyPayload for PyMissing {
    fn layout() -> &'static Layout {
        &MISSING_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &MISSING_TYPE
    }
}

pub static MISSING_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Token.MISSING",
    layout: &MISSING_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: None,
});

fn missing(vm: &mut Vm) -> Value {
    if let Some(m) = &vm.modules_state.context_missing {
        return m.clone();
    }
    let m = heap::alloc(&MISSING_TYPE, PyMissing { head: ObjectHead::uninit() });
    vm.modules_state.context_missing = Some(m.clone());
    m
}

fn missing_repr(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(crate::objects::str::new_str("<Token.MISSING>"))
}

fn token(v: &Value) -> PyResult<&PyToken> {
    v.downcast::<PyToken>().ok_or_else(|| type_error("Token expected"))
}
fn token_var(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(token(v)?.var.clone())
}
fn token_old_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let old = token(v)?.old.borrow().clone();
    Ok(old.unwrap_or_else(|| missing(vm)))
}
fn token_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = token(v)?;
    let used = if t.used.get() { " used" } else { "" };
    let var_r = crate::vm::ops::repr_string(vm, &t.var.clone())?;
    Ok(new_string(format!("<Token{used} var={var_r} at {:#x}>", v.word())))
}
fn token_new(_vm: &mut Vm, _cls: &Value, _args: Args) -> PyResult<Value> {
    Err(crate::vm::runtime_error("Tokens can only be created by ContextVars"))
}

/// `Token.MISSING` as a class attribute (set up in `init`).
fn token_class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::objects::genericalias::class_getitem(vm, args)
}

pub static TOKEN_METHODS: &[MethodDef] = &[MethodDef::classmethod("__class_getitem__", token_class_getitem)];
pub static TOKEN_GETSETS: &[GetSetDef] = &[GetSetDef::new("var", token_var), GetSetDef::new("old_value", token_old_value)];

// ----- module -----

fn copy_context(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("copy_context", 0, 0)?;
    let c = current(vm);
    let vars = vars_of(ctx(&c)?);
    Ok(new_context(PyDict::copy_value(vm, &vars)?))
}

static METHODS: &[MethodDef] = &[MethodDef::method("copy_context", copy_context)];

fn init_types() {
    let s = &CONTEXT_TYPE.slots;
    s.new.set(Some(context_new));
    s.getitem.set(Some(context_getitem));
    s.contains.set(Some(context_contains));
    s.len.set(Some(context_len));
    s.iter.set(Some(context_iter));
    s.hash.set(Some(crate::vm::ops::hash_not_implemented));
    let v = &CONTEXT_VAR_TYPE.slots;
    v.new.set(Some(var_new));
    v.repr.set(Some(var_repr));
    v.hash.set(Some(var_hash));
    let t = &TOKEN_TYPE.slots;
    t.new.set(Some(token_new));
    t.repr.set(Some(token_repr));
    MISSING_TYPE.slots.repr.set(Some(missing_repr));
    for ty in [&CONTEXT_TYPE, &CONTEXT_VAR_TYPE, &TOKEN_TYPE, &MISSING_TYPE] {
        crate::objects::typeobject_methods::init_static_type(ty);
    }
}

fn module_init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    let m = missing(vm);
    TOKEN_TYPE.set_own_attr(&crate::objects::str::intern("MISSING"), m);
    super::add_object(module, "Context", CONTEXT_TYPE.to_value());
    super::add_object(module, "ContextVar", CONTEXT_VAR_TYPE.to_value());
    super::add_object(module, "Token", TOKEN_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_contextvars",
    doc: Some("Context Variables"),
    methods: METHODS,
    init: Some(module_init),
};
