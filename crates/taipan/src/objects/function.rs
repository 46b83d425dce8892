//! Functions and methods: Python functions, bound methods, built-in functions, method
//! descriptors and slot wrappers.
//!
//! Mirrors CPython's `Objects/funcobject.c`, `Objects/classobject.c` (bound methods) and
//! `Objects/descrobject.c` (method descriptors, `wrapper_descriptor`).

use std::cell::RefCell;

use super::dict::PyDict;
use super::str::{as_str, new_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, MethodKind, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

/// A function defined in Python.
#[repr(C)]
pub struct PyFunction {
    head: ObjectHead,
    /// The code object; `__code__` assignment replaces it (see `PyFunction::code`).
    code_slot: RefCell<Value>,
    /// Code objects replaced by `__code__` assignment, kept alive for the function's
    /// lifetime so `&PyCode` borrows handed out earlier stay valid.
    retired_code: RefCell<Vec<Value>>,
    pub globals: Value,
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Option<Value>>,
    pub kwdefaults: RefCell<Option<Value>>,
    pub closure: Option<Value>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Option<Value>>,
    pub type_params: RefCell<Option<Value>>,
}

fn function_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let f = unsafe { &*(head as *const ObjectHead as *const PyFunction) };
    if let Ok(c) = f.code_slot.try_borrow() {
        visit(&c);
    }
    if let Ok(r) = f.retired_code.try_borrow() {
        r.iter().for_each(&mut *visit);
    }
    visit(&f.globals);
    visit(&f.builtins);
    if let Some(c) = &f.closure {
        visit(c);
    }
    for cell in [&f.defaults, &f.kwdefaults, &f.annotations, &f.type_params] {
        if let Ok(v) = cell.try_borrow() {
            if let Some(v) = &*v {
                visit(v);
            }
        }
    }
    for cell in [&f.name, &f.qualname, &f.doc, &f.module] {
        if let Ok(v) = cell.try_borrow() {
            visit(&v);
        }
    }
}

fn function_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let f = unsafe { &*(head as *const ObjectHead as *const PyFunction) };
    for cell in [&f.defaults, &f.kwdefaults, &f.annotations, &f.type_params] {
        if let Some(v) = cell.borrow_mut().take() {
            out.push(v);
        }
    }
    for cell in [&f.doc, &f.module] {
        out.push(std::mem::replace(&mut *cell.borrow_mut(), super::singletons::none()));
    }
}

pub static FUNCTION_LAYOUT: Layout = crate::payload_layout!(PyFunction, "function", function_traverse, function_clear);

impl PyPayload for PyFunction {
    fn layout() -> &'static Layout {
        &FUNCTION_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &FUNCTION_TYPE
    }
}

pub static FUNCTION_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "function",
    layout: &FUNCTION_LAYOUT,
    flags: flags::HAVE_GC | flags::METHOD_DESCRIPTOR | flags::HAS_DICT | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: FUNCTION_GETSETS,
    doc: Some("Create a function object."),
    module: None,
});

impl PyFunction {
    pub fn code(&self) -> &super::code::PyCode {
        let v = self.code_slot.borrow();
        // The slot always holds a code object (checked by the setter). The code object
        // lives as long as `self`: it is either current or in `retired_code`, so the
        // reference may outlive the RefCell borrow.
        let p: *const super::code::PyCode = unsafe { v.downcast_unchecked::<super::code::PyCode>() };
        unsafe { &*p }
    }
    /// The current code object.
    pub fn code_value(&self) -> Value {
        self.code_slot.borrow().clone()
    }
}

pub fn new_function(code: Value, globals: Value, qualname: Value, closure: Option<Value>, default_builtins: Value) -> Value {
    let c = code.downcast::<super::code::PyCode>().expect("MakeFunction receives a code object");
    let name = c.name_value();
    let doc = c.docstring();
    let builtins = PyDict::get_str(&globals, "__builtins__")
        .map(|b| match super::module::as_module(&b) {
            Some(_) => super::module::module_dict(&b),
            None => b,
        })
        .unwrap_or(default_builtins);
    let module = PyDict::get_str(&globals, "__name__").unwrap_or_else(super::singletons::none);
    heap::alloc(
        &FUNCTION_TYPE,
        PyFunction {
            head: ObjectHead::uninit(),
            code_slot: RefCell::new(code),
            retired_code: RefCell::new(Vec::new()),
            globals,
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults: RefCell::new(None),
            kwdefaults: RefCell::new(None),
            closure,
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            annotations: RefCell::new(None),
            type_params: RefCell::new(None),
        },
    )
}

pub fn as_function(v: &Value) -> Option<&PyFunction> {
    v.downcast::<PyFunction>()
}

pub fn is_python_function(v: &Value) -> bool {
    v.downcast::<PyFunction>().is_some()
}

fn function_descr_get(_vm: &mut Vm, f: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    match obj {
        Some(o) if !super::singletons::is_none(o) => Ok(new_bound_method(f.clone(), o.clone())),
        _ => Ok(f.clone()),
    }
}

fn function_call(vm: &mut Vm, f: &Value, args: Args) -> PyResult<Value> {
    crate::vm::call::call_python_function(vm, f, args)
}

fn function_repr(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let func = f.downcast::<PyFunction>().ok_or_else(|| type_error("function expected"))?;
    let q = func.qualname.borrow().clone();
    Ok(new_string(format!("<function {} at {:#x}>", as_str(&q).unwrap_or("?"), f.word())))
}

fn this(v: &Value) -> PyResult<&PyFunction> {
    v.downcast::<PyFunction>().ok_or_else(|| type_error("function expected"))
}

fn get_name(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.name.borrow().clone())
}
fn set_name(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    match v.filter(|v| super::str::is_str(v)) {
        Some(v) => {
            *this(f)?.name.borrow_mut() = v.clone();
            Ok(())
        }
        None => Err(type_error("__name__ must be set to a string object")),
    }
}
fn get_qualname(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.qualname.borrow().clone())
}
fn set_qualname(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    match v.filter(|v| super::str::is_str(v)) {
        Some(v) => {
            *this(f)?.qualname.borrow_mut() = v.clone();
            Ok(())
        }
        None => Err(type_error("__qualname__ must be set to a string object")),
    }
}
fn get_doc(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.doc.borrow().clone())
}
fn set_doc(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    *this(f)?.doc.borrow_mut() = v.cloned().unwrap_or_else(super::singletons::none);
    Ok(())
}
fn get_module(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.module.borrow().clone())
}
fn set_module(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    *this(f)?.module.borrow_mut() = v.cloned().unwrap_or_else(super::singletons::none);
    Ok(())
}
fn get_defaults(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.defaults.borrow().clone().unwrap_or_else(super::singletons::none))
}
fn set_defaults(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.filter(|v| !super::singletons::is_none(v));
    if let Some(v) = v {
        if super::tuple::as_tuple(v).is_none() {
            return Err(type_error("__defaults__ must be set to a tuple object"));
        }
    }
    *this(f)?.defaults.borrow_mut() = v.cloned();
    Ok(())
}
fn get_kwdefaults(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.kwdefaults.borrow().clone().unwrap_or_else(super::singletons::none))
}
fn set_kwdefaults(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.filter(|v| !super::singletons::is_none(v));
    if let Some(v) = v {
        if v.downcast::<PyDict>().is_none() {
            return Err(type_error("__kwdefaults__ must be set to a dict object"));
        }
    }
    *this(f)?.kwdefaults.borrow_mut() = v.cloned();
    Ok(())
}
fn get_code(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.code_value())
}
fn set_code(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let func = this(f)?;
    let Some(v) = v.filter(|v| v.downcast::<super::code::PyCode>().is_some()) else {
        return Err(type_error("__code__ must be set to a code object"));
    };
    let new = v.downcast::<super::code::PyCode>().expect("checked above");
    let nfree = new.code.freevars.len();
    let nclosure = func.closure.as_ref().and_then(super::tuple::as_tuple).map(|t| t.len()).unwrap_or(0);
    if nfree != nclosure {
        let q = func.qualname.borrow().clone();
        return Err(crate::vm::value_error(format!(
            "{}() requires a code object with {nclosure} free vars, not {nfree}",
            super::str::as_str(&q).unwrap_or("?")
        )));
    }
    let old = func.code_slot.replace(v.clone());
    func.retired_code.borrow_mut().push(old);
    Ok(())
}
fn get_globals(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.globals.clone())
}
fn get_builtins(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.builtins.clone())
}
fn get_closure(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.closure.clone().unwrap_or_else(super::singletons::none))
}
fn get_annotations(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let func = this(f)?;
    let mut a = func.annotations.borrow_mut();
    if a.is_none() {
        *a = Some(PyDict::new_value());
    }
    Ok(a.clone().expect("set above"))
}
fn set_annotations(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    *this(f)?.annotations.borrow_mut() = v.cloned();
    Ok(())
}
fn get_type_params(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.type_params.borrow().clone().unwrap_or_else(super::tuple::empty_tuple))
}
fn set_type_params(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    *this(f)?.type_params.borrow_mut() = v.cloned();
    Ok(())
}

pub static FUNCTION_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("__name__", get_name, set_name),
    GetSetDef::with_set("__qualname__", get_qualname, set_qualname),
    GetSetDef::with_set("__doc__", get_doc, set_doc),
    GetSetDef::with_set("__module__", get_module, set_module),
    GetSetDef::with_set("__defaults__", get_defaults, set_defaults),
    GetSetDef::with_set("__kwdefaults__", get_kwdefaults, set_kwdefaults),
    GetSetDef::with_set("__code__", get_code, set_code),
    GetSetDef::new("__globals__", get_globals),
    GetSetDef::new("__builtins__", get_builtins),
    GetSetDef::new("__closure__", get_closure),
    GetSetDef::with_set("__annotations__", get_annotations, set_annotations),
    GetSetDef::with_set("__type_params__", get_type_params, set_type_params),
];

/// A function bound to an instance (`obj.method`).
#[repr(C)]
pub struct PyMethod {
    head: ObjectHead,
    pub func: Value,
    pub self_: Value,
}

fn method_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let m = unsafe { &*(head as *const ObjectHead as *const PyMethod) };
    visit(&m.func);
    visit(&m.self_);
}

pub static METHOD_LAYOUT: Layout = crate::payload_layout!(PyMethod, "method", method_traverse, heap::no_clear);

impl PyPayload for PyMethod {
    fn layout() -> &'static Layout {
        &METHOD_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &METHOD_TYPE
    }
}

pub static METHOD_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "method",
    layout: &METHOD_LAYOUT,
    flags: flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: METHOD_GETSETS,
    doc: Some("Create a bound instance method object."),
    module: None,
});

/// `method-wrapper`: a slot wrapper (`int.__add__`) bound to an instance. It shares
/// the bound method's layout and behaviour; only its type (name and repr) differ.
pub static METHOD_WRAPPER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "method-wrapper",
    layout: &METHOD_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: METHOD_GETSETS,
    doc: None,
    module: None,
});

pub fn new_method_wrapper(wrapper: Value, self_: Value) -> Value {
    heap::alloc(&METHOD_WRAPPER_TYPE, PyMethod { head: ObjectHead::uninit(), func: wrapper, self_ })
}

fn method_wrapper_repr(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let bm = m.downcast::<PyMethod>().ok_or_else(|| type_error("method-wrapper expected"))?;
    let (func, self_) = (bm.func.clone(), bm.self_.clone());
    let name = crate::vm::ops::getattr_str(vm, &func, "__name__").unwrap_or_else(|_| new_str("?"));
    Ok(new_string(format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        as_str(&name).unwrap_or("?"),
        self_.ty().tp_name(),
        self_.word()
    )))
}

pub fn new_bound_method(func: Value, self_: Value) -> Value {
    heap::alloc(&METHOD_TYPE, PyMethod { head: ObjectHead::uninit(), func, self_ })
}

fn method_call(vm: &mut Vm, m: &Value, args: Args) -> PyResult<Value> {
    let bm = m.downcast::<PyMethod>().ok_or_else(|| type_error("method expected"))?;
    let (func, self_) = (bm.func.clone(), bm.self_.clone());
    let mut all = Vec::with_capacity(args.values.len() + 1);
    all.push(self_);
    all.extend_from_slice(args.values);
    crate::vm::call::call_with_kwnames(vm, &func, &all, args.kwnames)
}

fn method_repr(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let bm = m.downcast::<PyMethod>().ok_or_else(|| type_error("method expected"))?;
    let (func, self_) = (bm.func.clone(), bm.self_.clone());
    let name = match crate::vm::ops::getattr_str(vm, &func, "__qualname__") {
        Ok(n) => n,
        Err(_) => crate::vm::ops::getattr_str(vm, &func, "__name__").unwrap_or_else(|_| new_str("?")),
    };
    let r = crate::vm::ops::repr_string(vm, &self_)?;
    Ok(new_string(format!("<bound method {} of {}>", as_str(&name).unwrap_or("?"), r)))
}

fn method_getattro(vm: &mut Vm, m: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = super::object::generic_getattr_opt(vm, m, name)? {
        return Ok(v);
    }
    let func = m.downcast::<PyMethod>().map(|b| b.func.clone()).ok_or_else(|| type_error("method expected"))?;
    crate::vm::ops::getattr(vm, &func, name)
}

fn method_richcompare(_vm: &mut Vm, a: &Value, b: &Value, op: taipan_compiler::bytecode::ComparisonOperator) -> PyResult<Value> {
    use taipan_compiler::bytecode::ComparisonOperator::*;
    let (Some(x), Some(y)) = (a.downcast::<PyMethod>(), b.downcast::<PyMethod>()) else {
        return Ok(super::singletons::not_implemented());
    };
    let same = x.func.is(&y.func) && x.self_.is(&y.self_);
    match op {
        Eq => Ok(super::singletons::bool_value(same)),
        Ne => Ok(super::singletons::bool_value(!same)),
        _ => Ok(super::singletons::not_implemented()),
    }
}

fn method_hash(vm: &mut Vm, m: &Value) -> PyResult<i64> {
    let bm = m.downcast::<PyMethod>().ok_or_else(|| type_error("method expected"))?;
    let (f, s) = (bm.func.clone(), bm.self_.clone());
    Ok(crate::vm::ops::hash(vm, &f)? ^ (s.word() as i64))
}

fn get_func(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(m.downcast::<PyMethod>().map(|b| b.func.clone()).ok_or_else(|| type_error("method expected"))?)
}
fn get_self(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(m.downcast::<PyMethod>().map(|b| b.self_.clone()).ok_or_else(|| type_error("method expected"))?)
}
fn get_method_doc(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    let f = get_func(vm, m)?;
    crate::vm::ops::getattr_str(vm, &f, "__doc__")
}

pub static METHOD_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__func__", get_func),
    GetSetDef::new("__self__", get_self),
    GetSetDef::new("__doc__", get_method_doc),
];

/// A built-in function (module function, or a method bound to its `self`).
#[repr(C)]
pub struct PyBuiltinFunction {
    head: ObjectHead,
    pub def: &'static MethodDef,
    /// Prepended to the arguments when set (a bound built-in method).
    pub bound: Option<Value>,
    /// The module (for module functions): `__self__` and `__module__`.
    pub module: Option<Value>,
    pub module_name: &'static str,
}

fn builtin_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let f = unsafe { &*(head as *const ObjectHead as *const PyBuiltinFunction) };
    if let Some(b) = &f.bound {
        visit(b);
    }
    if let Some(m) = &f.module {
        visit(m);
    }
}

pub static BUILTIN_LAYOUT: Layout =
    crate::payload_layout!(PyBuiltinFunction, "builtin_function_or_method", builtin_traverse, heap::no_clear);

impl PyPayload for PyBuiltinFunction {
    fn layout() -> &'static Layout {
        &BUILTIN_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BUILTIN_FUNCTION_TYPE
    }
}

/// `builtin_function_or_method.__reduce__`: module functions pickle by name, bound
/// methods as `getattr(self, name)`.
fn builtin_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("__reduce__")?;
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin function expected"))?;
    match &b.bound {
        Some(this) if !std::ptr::eq(this.ty(), &super::module::MODULE_TYPE) => {
            let getattr = crate::vm::ops::getattr_str(vm, &vm.builtins.clone(), "getattr")?;
            let inner = super::tuple::new_tuple(vec![this.clone(), new_str(b.def.name)]);
            Ok(super::tuple::new_tuple(vec![getattr, inner]))
        }
        _ => Ok(new_str(b.def.name)),
    }
}

static BUILTIN_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", builtin_reduce)];

pub static BUILTIN_FUNCTION_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "builtin_function_or_method",
    layout: &BUILTIN_LAYOUT,
    flags: flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: BUILTIN_METHODS,
    getsets: BUILTIN_GETSETS,
    doc: None,
    module: None,
});

pub fn new_builtin_function(def: &'static MethodDef, module: Option<Value>, module_name: &'static str) -> Value {
    heap::alloc(&BUILTIN_FUNCTION_TYPE, PyBuiltinFunction { head: ObjectHead::uninit(), def, bound: None, module, module_name })
}

pub fn new_bound_builtin(def: &'static MethodDef, self_: Value) -> Value {
    heap::alloc(&BUILTIN_FUNCTION_TYPE, PyBuiltinFunction { head: ObjectHead::uninit(), def, bound: Some(self_), module: None, module_name: "" })
}

/// Whether `v` is the built-in function implemented by `f`.
pub fn is_native_fn(v: &Value, f: crate::vm::NativeFn) -> bool {
    if let Some(b) = v.downcast::<PyBuiltinFunction>() {
        return b.def.func as usize == f as usize;
    }
    if let Some(sm) = v.downcast::<super::descr::PyStaticMethod>() {
        let inner = sm.callable.borrow().clone();
        return is_native_fn(&inner, f);
    }
    false
}

/// Whether `v` is a method implemented in Rust (descriptor or bound).
pub fn is_native_method(v: &Value) -> bool {
    v.downcast::<PyMethodDescr>().is_some() || v.downcast::<PyBuiltinFunction>().is_some()
}

fn builtin_call(vm: &mut Vm, f: &Value, args: Args) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin expected"))?;
    let func = b.def.func;
    match &b.bound {
        None => func(vm, args),
        Some(s) => {
            let mut all = Vec::with_capacity(args.values.len() + 1);
            all.push(s.clone());
            all.extend_from_slice(args.values);
            func(vm, Args::with_kw(&all, args.kwnames))
        }
    }
}

fn builtin_repr(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin expected"))?;
    match &b.bound {
        Some(s) if super::module::as_module(s).is_none() => Ok(new_string(format!(
            "<built-in method {} of {} object at {:#x}>",
            b.def.name,
            s.ty().name(),
            s.word()
        ))),
        _ => Ok(new_string(format!("<built-in function {}>", b.def.name))),
    }
}

fn builtin_get_name(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(new_str(f.downcast::<PyBuiltinFunction>().map(|b| b.def.name).unwrap_or("?")))
}
fn builtin_get_qualname(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin expected"))?;
    match &b.bound {
        Some(s) if super::module::as_module(s).is_none() => {
            let t = match super::typeobject::as_type(s) {
                Some(t) => t.qualname(),
                None => s.ty().qualname(),
            };
            Ok(new_string(format!("{}.{}", t, b.def.name)))
        }
        _ => Ok(new_str(b.def.name)),
    }
}
fn builtin_get_self(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin expected"))?;
    Ok(b.bound.clone().or_else(|| b.module.clone()).unwrap_or_else(super::singletons::none))
}
fn builtin_get_module(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin expected"))?;
    if b.module_name.is_empty() {
        return Ok(super::singletons::none());
    }
    Ok(new_str(b.module_name))
}
fn builtin_get_doc(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let b = f.downcast::<PyBuiltinFunction>().ok_or_else(|| type_error("builtin expected"))?;
    if b.def.doc.is_empty() {
        return Ok(super::singletons::none());
    }
    Ok(new_str(b.def.doc))
}

pub static BUILTIN_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__name__", builtin_get_name),
    GetSetDef::new("__qualname__", builtin_get_qualname),
    GetSetDef::new("__self__", builtin_get_self),
    GetSetDef::new("__module__", builtin_get_module),
    GetSetDef::new("__doc__", builtin_get_doc),
];

/// A method of a built-in type, stored in the type's dict (`list.append`).
#[repr(C)]
pub struct PyMethodDescr {
    head: ObjectHead,
    pub def: &'static MethodDef,
    pub owner: *const PyType,
}

pub static METHOD_DESCR_LAYOUT: Layout = crate::payload_layout!(PyMethodDescr, "method_descriptor", heap::no_traverse, heap::no_clear);

impl PyPayload for PyMethodDescr {
    fn layout() -> &'static Layout {
        &METHOD_DESCR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &METHOD_DESCR_TYPE
    }
}

pub static METHOD_DESCR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "method_descriptor",
    layout: &METHOD_DESCR_LAYOUT,
    flags: flags::METHOD_DESCRIPTOR,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: DESCR_GETSETS,
    doc: None,
    module: None,
});

pub static CLASSMETHOD_DESCR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "classmethod_descriptor",
    layout: &METHOD_DESCR_LAYOUT,
    flags: 0,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: DESCR_GETSETS,
    doc: None,
    module: None,
});

/// The dict entry for a `MethodDef` of type `owner`.
pub fn new_method_descr(def: &'static MethodDef, owner: &PyType) -> Value {
    match def.kind {
        MethodKind::Instance => heap::alloc(&METHOD_DESCR_TYPE, PyMethodDescr { head: ObjectHead::uninit(), def, owner }),
        MethodKind::Class => heap::alloc(&CLASSMETHOD_DESCR_TYPE, PyMethodDescr { head: ObjectHead::uninit(), def, owner }),
        MethodKind::Static => {
            let f = new_builtin_function(def, None, "");
            super::descr::new_staticmethod(f)
        }
    }
}

fn descr(v: &Value) -> PyResult<&PyMethodDescr> {
    v.downcast::<PyMethodDescr>().ok_or_else(|| type_error("method descriptor expected"))
}

fn owner_of(d: &PyMethodDescr) -> &PyType {
    // Owners are static types, or heap types kept alive by the dict holding the descriptor.
    unsafe { &*d.owner }
}

fn method_descr_get(_vm: &mut Vm, d: &Value, obj: Option<&Value>, ty: Option<&Value>) -> PyResult<Value> {
    let md = descr(d)?;
    if std::ptr::eq(d.ty(), &CLASSMETHOD_DESCR_TYPE) {
        let cls = match ty {
            Some(t) => t.clone(),
            None => obj.map(|o| o.ty().to_value()).unwrap_or_else(super::singletons::none),
        };
        return Ok(new_bound_builtin(md.def, cls));
    }
    match obj {
        Some(o) if !super::singletons::is_none(o) || std::ptr::eq(owner_of(md), &super::singletons::NONE_TYPE) => {
            check_self(md, o)?;
            Ok(new_bound_builtin(md.def, o.clone()))
        }
        _ => Ok(d.clone()),
    }
}

fn check_self(md: &PyMethodDescr, o: &Value) -> PyResult<()> {
    let owner = owner_of(md);
    if !o.ty().is_subtype(owner) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            md.def.name,
            owner.tp_name(),
            o.ty().tp_name()
        )));
    }
    Ok(())
}

fn method_descr_call(vm: &mut Vm, d: &Value, args: Args) -> PyResult<Value> {
    let md = descr(d)?;
    let func = md.def.func;
    if std::ptr::eq(d.ty(), &CLASSMETHOD_DESCR_TYPE) {
        return func(vm, args);
    }
    let Some(first) = args.positional().first() else {
        return Err(type_error(format!(
            "unbound method {}.{}() needs an argument",
            owner_of(md).name(),
            md.def.name
        )));
    };
    check_self(md, first)?;
    func(vm, args)
}

fn method_descr_repr(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let md = descr(d)?;
    Ok(new_string(format!("<method '{}' of '{}' objects>", md.def.name, owner_of(md).tp_name())))
}

/// The name and defining class of a built-in descriptor (method, slot wrapper, getset
/// or member descriptor): what `__name__`, `__qualname__` and `__objclass__` report.
fn descr_parts(d: &Value) -> Option<(String, &PyType)> {
    if let Some(md) = d.downcast::<PyMethodDescr>() {
        return Some((md.def.name.to_string(), owner_of(md)));
    }
    if let Some(w) = d.downcast::<super::slots::PyWrapperDescr>() {
        return Some((w.name.to_string(), w.owner()));
    }
    if let Some(g) = d.downcast::<super::descr::PyGetSetDescr>() {
        // SAFETY: owners outlive their descriptors (see `descr::getset_owner`).
        return Some((g.def.name.to_string(), unsafe { &*g.owner }));
    }
    if let Some(m) = d.downcast::<super::descr::PyMemberDescr>() {
        // SAFETY: as above; the owning type holds the descriptor in its dict.
        return Some((as_str(&m.name).unwrap_or("?").to_string(), unsafe { &*m.owner }));
    }
    None
}

fn descr_get_name(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(descr_parts(d).map(|(n, _)| new_string(n)).unwrap_or_else(|| new_str("?")))
}
fn descr_get_qualname(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(descr_parts(d).map(|(n, t)| new_string(format!("{}.{n}", t.qualname()))).unwrap_or_else(|| new_str("?")))
}
fn descr_get_objclass(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    Ok(descr_parts(d).map(|(_, t)| t.to_value()).unwrap_or_else(super::singletons::none))
}
fn descr_get_doc(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    if let Some(md) = d.downcast::<PyMethodDescr>() {
        if !md.def.doc.is_empty() {
            return Ok(new_str(md.def.doc));
        }
    }
    if let Some(g) = d.downcast::<super::descr::PyGetSetDescr>() {
        if !g.def.doc.is_empty() {
            return Ok(new_str(g.def.doc));
        }
    }
    if let Some(w) = d.downcast::<super::slots::PyWrapperDescr>() {
        if let Some((_, doc)) = super::slots::slot_doc(w.name) {
            return Ok(new_str(doc));
        }
    }
    Ok(super::singletons::none())
}
/// Slot wrappers have CPython's text signatures.
/// NOTE: built-in methods carry none yet, so `inspect.signature` of them raises
/// ValueError ("no signature found") rather than guessing.
fn descr_get_text_signature(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    if let Some(w) = d.downcast::<super::slots::PyWrapperDescr>() {
        if let Some((sig, _)) = super::slots::slot_doc(w.name) {
            return Ok(new_str(sig));
        }
    }
    Ok(super::singletons::none())
}

pub static DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__name__", descr_get_name),
    GetSetDef::new("__qualname__", descr_get_qualname),
    GetSetDef::new("__objclass__", descr_get_objclass),
    GetSetDef::new("__doc__", descr_get_doc),
    GetSetDef::new("__text_signature__", descr_get_text_signature),
];

/// What getset and member descriptors expose (no text signature).
pub static DATA_DESCR_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__name__", descr_get_name),
    GetSetDef::new("__qualname__", descr_get_qualname),
    GetSetDef::new("__objclass__", descr_get_objclass),
    GetSetDef::new("__doc__", descr_get_doc),
];

/// Whether `v` is the slot wrapper `__init__` of `owner` (used by `object.__init__`'s
/// excess-argument check).
pub fn is_native_wrapper_of(v: &Value, owner: &PyType) -> bool {
    v.downcast::<super::slots::PyWrapperDescr>().map(|w| std::ptr::eq(w.owner(), owner)).unwrap_or(false)
}

/// `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("method")?;
    let [func, obj] = args.exact::<2>("method")?;
    if !crate::modules::builtins::is_callable(func) {
        return Err(crate::vm::type_error("first argument must be callable"));
    }
    if super::singletons::is_none(obj) {
        return Err(crate::vm::type_error("instance must not be None"));
    }
    let _ = vm;
    Ok(new_bound_method(func.clone(), obj.clone()))
}

pub fn init_types() {
    METHOD_TYPE.slots.new.set(Some(method_new));
    let f = &FUNCTION_TYPE.slots;
    f.descr_get.set(Some(function_descr_get));
    f.call.set(Some(function_call));
    f.repr.set(Some(function_repr));
    FUNCTION_TYPE.set_n_extra(1);
    for t in [&METHOD_TYPE, &METHOD_WRAPPER_TYPE] {
        let m = &t.slots;
        m.call.set(Some(method_call));
        m.repr.set(Some(method_repr));
        m.getattro.set(Some(method_getattro));
        m.richcompare.set(Some(method_richcompare));
        m.hash.set(Some(method_hash));
    }
    METHOD_WRAPPER_TYPE.slots.repr.set(Some(method_wrapper_repr));
    let b = &BUILTIN_FUNCTION_TYPE.slots;
    b.call.set(Some(builtin_call));
    b.repr.set(Some(builtin_repr));
    for t in [&METHOD_DESCR_TYPE, &CLASSMETHOD_DESCR_TYPE] {
        t.slots.descr_get.set(Some(method_descr_get));
        t.slots.call.set(Some(method_descr_call));
        t.slots.repr.set(Some(method_descr_repr));
    }
}

/// The name of the class a method descriptor belongs to (for profiler labels).
pub fn method_descr_owner_name(d: &PyMethodDescr) -> String {
    owner_of(d).tp_name()
}
