//! Descriptors: `property`, `classmethod`, `staticmethod`, getset descriptors of built-in
//! types, and member descriptors for `__slots__`.
//!
//! Mirrors CPython's `Objects/descrobject.c` (property, getset, member) and
//! `Objects/funcobject.c` (classmethod, staticmethod).

use std::cell::RefCell;

use super::str::{as_str, new_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{attribute_error, type_error, Args, PyResult, Vm};

// ----- getset descriptors of built-in types -----

#[repr(C)]
pub struct PyGetSetDescr {
    head: ObjectHead,
    pub def: &'static GetSetDef,
    pub owner: *const PyType,
}

pub static GETSET_LAYOUT: Layout = crate::payload_layout!(PyGetSetDescr, "getset_descriptor", heap::no_traverse, heap::no_clear);

impl PyPayload for PyGetSetDescr {
    fn layout() -> &'static Layout {
        &GETSET_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &GETSET_DESCR_TYPE
    }
}

pub static GETSET_DESCR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "getset_descriptor",
    layout: &GETSET_LAYOUT,
    flags: 0,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: super::function::DATA_DESCR_GETSETS,
    doc: None,
    module: None,
});

pub fn new_getset_descr(def: &'static GetSetDef, owner: &PyType) -> Value {
    heap::alloc(&GETSET_DESCR_TYPE, PyGetSetDescr { head: ObjectHead::uninit(), def, owner })
}

fn getset_owner(g: &PyGetSetDescr) -> &PyType {
    // Owners outlive their dict entries (static types or the heap type holding the dict).
    unsafe { &*g.owner }
}

fn getset_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let g = d.downcast::<PyGetSetDescr>().ok_or_else(|| type_error("getset expected"))?;
    match obj {
        Some(o) if !super::singletons::is_none(o) || super::singletons::NONE_TYPE.is_subtype(getset_owner(g)) => {
            if !o.ty().is_subtype(getset_owner(g)) {
                return Err(type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    g.def.name,
                    getset_owner(g).tp_name(),
                    o.ty().tp_name()
                )));
            }
            (g.def.get)(vm, o)
        }
        _ => Ok(d.clone()),
    }
}

fn getset_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let g = d.downcast::<PyGetSetDescr>().ok_or_else(|| type_error("getset expected"))?;
    match g.def.set {
        Some(set) => set(vm, obj, value),
        None => Err(attribute_error(
            obj,
            &new_str(g.def.name),
            format!(
                "attribute '{}' of '{}' objects is not writable",
                g.def.name,
                getset_owner(g).tp_name()
            ),
        )),
    }
}

fn getset_repr(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let g = d.downcast::<PyGetSetDescr>().ok_or_else(|| type_error("getset expected"))?;
    Ok(new_string(format!("<attribute '{}' of '{}' objects>", g.def.name, getset_owner(g).tp_name())))
}

// ----- member descriptors (`__slots__`) -----

#[repr(C)]
pub struct PyMemberDescr {
    head: ObjectHead,
    pub name: Value,
    /// Index into the instance's extras block.
    pub index: usize,
    pub owner: *const PyType,
}

pub static MEMBER_LAYOUT: Layout = crate::payload_layout!(PyMemberDescr, "member_descriptor", heap::no_traverse, heap::no_clear);

impl PyPayload for PyMemberDescr {
    fn layout() -> &'static Layout {
        &MEMBER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &MEMBER_DESCR_TYPE
    }
}

pub static MEMBER_DESCR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "member_descriptor",
    layout: &MEMBER_LAYOUT,
    flags: 0,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: super::function::DATA_DESCR_GETSETS,
    doc: None,
    module: None,
});

pub fn new_member_descr(name: Value, index: usize, owner: &PyType) -> Value {
    heap::alloc(&MEMBER_DESCR_TYPE, PyMemberDescr { head: ObjectHead::uninit(), name, index, owner })
}

fn member_check<'a>(m: &PyMemberDescr, o: &'a Value) -> PyResult<&'a ObjectHead> {
    let owner = unsafe { &*m.owner };
    if !o.ty().is_subtype(owner) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            as_str(&m.name).unwrap_or("?"),
            owner.name(),
            o.ty().name()
        )));
    }
    o.as_head().ok_or_else(|| type_error("bad slot owner"))
}

fn member_get(_vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let m = d.downcast::<PyMemberDescr>().ok_or_else(|| type_error("member expected"))?;
    let Some(o) = obj.filter(|o| !super::singletons::is_none(o)) else {
        return Ok(d.clone());
    };
    let head = member_check(m, o)?;
    let v = head.extras().get(m.index).and_then(|c| c.borrow().clone());
    v.ok_or_else(|| {
        attribute_error(
            o,
            &m.name,
            format!("'{}' object has no attribute '{}'", o.ty().name(), as_str(&m.name).unwrap_or("?")),
        )
    })
}

fn member_set(_vm: &mut Vm, d: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let m = d.downcast::<PyMemberDescr>().ok_or_else(|| type_error("member expected"))?;
    let head = member_check(m, obj)?;
    let slot = head.extras().get(m.index).ok_or_else(|| type_error("bad slot index"))?;
    match value {
        Some(v) => {
            let old = slot.borrow_mut().replace(v.clone());
            drop(old);
            Ok(())
        }
        None => {
            let old = slot.borrow_mut().take();
            if old.is_none() {
                // CPython raises AttributeError(name) here, with no obj/name attributes.
                return Err(crate::vm::PyErr::new(&super::exceptions::ATTRIBUTE_ERROR, as_str(&m.name).unwrap_or("?")));
            }
            drop(old);
            Ok(())
        }
    }
}

fn member_repr(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let m = d.downcast::<PyMemberDescr>().ok_or_else(|| type_error("member expected"))?;
    let owner = unsafe { &*m.owner };
    Ok(new_string(format!("<member '{}' of '{}' objects>", as_str(&m.name).unwrap_or("?"), owner.tp_name())))
}

// ----- staticmethod / classmethod -----

#[repr(C)]
pub struct PyStaticMethod {
    head: ObjectHead,
    pub callable: RefCell<Value>,
}

fn sm_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyStaticMethod) };
    if let Ok(c) = s.callable.try_borrow() {
        visit(&c);
    }
}

fn sm_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyStaticMethod) };
    out.push(std::mem::replace(&mut *s.callable.borrow_mut(), super::singletons::none()));
}

pub static STATICMETHOD_LAYOUT: Layout = crate::payload_layout!(PyStaticMethod, "staticmethod", sm_traverse, sm_clear);

impl PyPayload for PyStaticMethod {
    fn layout() -> &'static Layout {
        &STATICMETHOD_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &STATICMETHOD_TYPE
    }
}

pub static STATICMETHOD_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "staticmethod",
    layout: &STATICMETHOD_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: WRAPPER_GETSETS,
    doc: Some("Convert a function to be a static method."),
    module: None,
});

pub static CLASSMETHOD_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "classmethod",
    layout: &STATICMETHOD_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: WRAPPER_GETSETS,
    doc: Some("Convert a function to be a class method."),
    module: None,
});

pub fn new_staticmethod(f: Value) -> Value {
    heap::alloc(&STATICMETHOD_TYPE, PyStaticMethod { head: ObjectHead::uninit(), callable: RefCell::new(f) })
}

fn wrapped(v: &Value) -> PyResult<Value> {
    v.downcast::<PyStaticMethod>()
        .map(|s| s.callable.borrow().clone())
        .ok_or_else(|| type_error("staticmethod/classmethod expected"))
}

fn wrapper_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&STATICMETHOD_TYPE);
    let name = if ty.is_subtype(&CLASSMETHOD_TYPE) { "classmethod" } else { "staticmethod" };
    args.no_kwargs(name)?;
    let pos = args.check(name, 1, 1)?;
    Ok(heap::alloc(ty, PyStaticMethod { head: ObjectHead::uninit(), callable: RefCell::new(pos[0].clone()) }))
}

fn wrapper_init(vm: &mut Vm, v: &Value, _args: Args) -> PyResult<()> {
    // Copy __name__, __doc__, ... from the wrapped callable (functools.update_wrapper-like).
    let f = wrapped(v)?;
    if let Some(d) = super::object::instance_dict(v) {
        for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let Ok(val) = crate::vm::ops::getattr_str(vm, &f, attr) {
                super::dict::PyDict::set_str(&d, attr, val);
            }
        }
    }
    Ok(())
}

fn staticmethod_get(_vm: &mut Vm, d: &Value, _obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    wrapped(d)
}

fn staticmethod_call(vm: &mut Vm, d: &Value, args: Args) -> PyResult<Value> {
    let f = wrapped(d)?;
    crate::vm::call::call_with_kwnames(vm, &f, args.values, args.kwnames)
}

fn classmethod_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, ty: Option<&Value>) -> PyResult<Value> {
    let f = wrapped(d)?;
    let cls = match ty {
        Some(t) if !super::singletons::is_none(t) => t.clone(),
        _ => obj.map(|o| o.ty().to_value()).ok_or_else(|| type_error("__get__(None, None) is invalid"))?,
    };
    let _ = vm;
    Ok(super::function::new_bound_method(f, cls))
}

fn wrapper_repr(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let f = wrapped(d)?;
    let r = crate::vm::ops::repr_string(vm, &f)?;
    let name = if d.ty().is_subtype(&CLASSMETHOD_TYPE) { "classmethod" } else { "staticmethod" };
    Ok(new_string(format!("<{name}({r})>")))
}

fn get_func(_vm: &mut Vm, d: &Value) -> PyResult<Value> {
    wrapped(d)
}

fn get_isabstract(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let f = wrapped(d)?;
    match crate::vm::ops::getattr_opt(vm, &f, &super::str::intern("__isabstractmethod__"))? {
        Some(v) => Ok(super::singletons::bool_value(crate::vm::ops::is_true(vm, &v)?)),
        None => Ok(super::singletons::bool_value(false)),
    }
}

pub static WRAPPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__func__", get_func),
    GetSetDef::new("__wrapped__", get_func),
    GetSetDef::new("__isabstractmethod__", get_isabstract),
];

// ----- property -----

#[repr(C)]
pub struct PyProperty {
    head: ObjectHead,
    pub fget: RefCell<Option<Value>>,
    pub fset: RefCell<Option<Value>>,
    pub fdel: RefCell<Option<Value>>,
    pub doc: RefCell<Option<Value>>,
    pub name: RefCell<Option<Value>>,
}

fn prop_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let p = unsafe { &*(head as *const ObjectHead as *const PyProperty) };
    for c in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name] {
        if let Ok(v) = c.try_borrow() {
            if let Some(v) = &*v {
                visit(v);
            }
        }
    }
}

fn prop_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let p = unsafe { &*(head as *const ObjectHead as *const PyProperty) };
    for c in [&p.fget, &p.fset, &p.fdel, &p.doc] {
        if let Some(v) = c.borrow_mut().take() {
            out.push(v);
        }
    }
}

pub static PROPERTY_LAYOUT: Layout = crate::payload_layout!(PyProperty, "property", prop_traverse, prop_clear);

impl PyPayload for PyProperty {
    fn layout() -> &'static Layout {
        &PROPERTY_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &PROPERTY_TYPE
    }
}

pub static PROPERTY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "property",
    layout: &PROPERTY_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: PROPERTY_METHODS,
    getsets: PROPERTY_GETSETS,
    doc: Some("Property attribute."),
    module: None,
});

fn prop(v: &Value) -> PyResult<&PyProperty> {
    v.downcast::<PyProperty>().ok_or_else(|| type_error("property expected"))
}

fn property_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&PROPERTY_TYPE);
    Ok(heap::alloc(
        ty,
        PyProperty {
            head: ObjectHead::uninit(),
            fget: RefCell::new(None),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
            name: RefCell::new(None),
        },
    ))
}

fn property_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("property", &[opt("fget"), opt("fset"), opt("fdel"), opt("doc")]);
    let [fget, fset, fdel, doc] = SIG.parse::<4>(args)?;
    let not_none = |x: Option<Value>| x.filter(|x| !super::singletons::is_none(x));
    let p = prop(v)?;
    *p.fget.borrow_mut() = not_none(fget.clone());
    *p.fset.borrow_mut() = not_none(fset);
    *p.fdel.borrow_mut() = not_none(fdel);
    let mut doc = not_none(doc);
    if doc.is_none() {
        if let Some(g) = not_none(fget) {
            doc = crate::vm::ops::getattr_opt(vm, &g, &super::str::intern("__doc__"))?
                .filter(|d| !super::singletons::is_none(d));
        }
    }
    if let Some(d) = &doc {
        if !std::ptr::eq(v.ty(), &PROPERTY_TYPE) {
            if let Some(dict) = super::object::instance_dict(v) {
                super::dict::PyDict::set_str(&dict, "__doc__", d.clone());
            }
        }
    }
    *prop(v)?.doc.borrow_mut() = doc;
    Ok(())
}

fn property_qualname(vm: &mut Vm, p: &Value) -> String {
    let name = prop(p).ok().and_then(|p| p.name.borrow().clone());
    match name {
        Some(n) => {
            let _ = vm;
            as_str(&n).unwrap_or("?").to_string()
        }
        None => String::new(),
    }
}

fn property_get(vm: &mut Vm, d: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let Some(o) = obj.filter(|o| !super::singletons::is_none(o)) else {
        return Ok(d.clone());
    };
    let fget = prop(d)?.fget.borrow().clone();
    match fget {
        Some(f) => crate::vm::call::call(vm, &f, std::slice::from_ref(o)),
        None => {
            let name = property_qualname(vm, d);
            let msg = if name.is_empty() {
                format!("property of '{}' object has no getter", o.ty().name())
            } else {
                format!("property '{}' of '{}' object has no getter", name, o.ty().name())
            };
            Err(attribute_error(o, &new_str(&name), msg))
        }
    }
}

fn property_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    let p = prop(d)?;
    let (f, what) = match value {
        Some(_) => (p.fset.borrow().clone(), "setter"),
        None => (p.fdel.borrow().clone(), "deleter"),
    };
    match f {
        Some(f) => {
            match value {
                Some(v) => crate::vm::call::call(vm, &f, &[obj.clone(), v.clone()])?,
                None => crate::vm::call::call(vm, &f, std::slice::from_ref(obj))?,
            };
            Ok(())
        }
        None => {
            let name = property_qualname(vm, d);
            let msg = if name.is_empty() {
                format!("property of '{}' object has no {}", obj.ty().name(), what)
            } else {
                format!("property '{}' of '{}' object has no {}", name, obj.ty().name(), what)
            };
            Err(attribute_error(obj, &new_str(&name), msg))
        }
    }
}

fn property_copy(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let [p, f] = args.exact::<2>(["getter", "setter", "deleter"][which])?;
    let pp = prop(p)?;
    let mut parts = [pp.fget.borrow().clone(), pp.fset.borrow().clone(), pp.fdel.borrow().clone()];
    parts[which] = Some(f.clone());
    let doc = pp.doc.borrow().clone();
    let name = pp.name.borrow().clone();
    let none = super::singletons::none;
    let cls = p.ty().to_value();
    let new = crate::vm::call::call(
        vm,
        &cls,
        &[
            parts[0].clone().unwrap_or_else(none),
            parts[1].clone().unwrap_or_else(none),
            parts[2].clone().unwrap_or_else(none),
            doc.unwrap_or_else(none),
        ],
    )?;
    if let Ok(np) = prop(&new) {
        *np.name.borrow_mut() = name;
    }
    Ok(new)
}

fn m_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn m_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn m_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

fn m_set_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, _owner, name] = args.exact::<3>("__set_name__")?;
    *prop(p)?.name.borrow_mut() = Some(name.clone());
    Ok(super::singletons::none())
}

pub static PROPERTY_METHODS: &[MethodDef] = &[
    MethodDef::method("getter", m_getter),
    MethodDef::method("setter", m_setter),
    MethodDef::method("deleter", m_deleter),
    MethodDef::method("__set_name__", m_set_name),
];

fn p_fget(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    Ok(prop(p)?.fget.borrow().clone().unwrap_or_else(super::singletons::none))
}
fn p_fset(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    Ok(prop(p)?.fset.borrow().clone().unwrap_or_else(super::singletons::none))
}
fn p_fdel(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    Ok(prop(p)?.fdel.borrow().clone().unwrap_or_else(super::singletons::none))
}
fn p_doc(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    Ok(prop(p)?.doc.borrow().clone().unwrap_or_else(super::singletons::none))
}
fn p_set_doc(_vm: &mut Vm, p: &Value, v: Option<&Value>) -> PyResult<()> {
    *prop(p)?.doc.borrow_mut() = v.cloned();
    Ok(())
}
fn p_isabstract(vm: &mut Vm, p: &Value) -> PyResult<Value> {
    let pp = prop(p)?;
    let funcs = [pp.fget.borrow().clone(), pp.fset.borrow().clone(), pp.fdel.borrow().clone()];
    for f in funcs.into_iter().flatten() {
        if let Some(v) = crate::vm::ops::getattr_opt(vm, &f, &super::str::intern("__isabstractmethod__"))? {
            if crate::vm::ops::is_true(vm, &v)? {
                return Ok(super::singletons::bool_value(true));
            }
        }
    }
    Ok(super::singletons::bool_value(false))
}
fn p_name(_vm: &mut Vm, p: &Value) -> PyResult<Value> {
    prop(p)?.name.borrow().clone().ok_or_else(|| attribute_error(p, &new_str("__name__"), "'property' object has no attribute '__name__'".into()))
}

pub static PROPERTY_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("fget", p_fget),
    GetSetDef::new("fset", p_fset),
    GetSetDef::new("fdel", p_fdel),
    GetSetDef::with_set("__doc__", p_doc, p_set_doc),
    GetSetDef::new("__isabstractmethod__", p_isabstract),
    GetSetDef::new("__name__", p_name),
];

pub fn init_types() {
    GETSET_DESCR_TYPE.slots.descr_get.set(Some(getset_get));
    GETSET_DESCR_TYPE.slots.descr_set.set(Some(getset_set));
    GETSET_DESCR_TYPE.slots.repr.set(Some(getset_repr));
    MEMBER_DESCR_TYPE.slots.descr_get.set(Some(member_get));
    MEMBER_DESCR_TYPE.slots.descr_set.set(Some(member_set));
    MEMBER_DESCR_TYPE.slots.repr.set(Some(member_repr));
    for t in [&STATICMETHOD_TYPE, &CLASSMETHOD_TYPE] {
        t.slots.new.set(Some(wrapper_new));
        t.slots.init.set(Some(wrapper_init));
        t.slots.repr.set(Some(wrapper_repr));
        t.set_n_extra(1);
    }
    STATICMETHOD_TYPE.slots.descr_get.set(Some(staticmethod_get));
    STATICMETHOD_TYPE.slots.call.set(Some(staticmethod_call));
    CLASSMETHOD_TYPE.slots.descr_get.set(Some(classmethod_get));
    let p = &PROPERTY_TYPE.slots;
    p.new.set(Some(property_new));
    p.init.set(Some(property_init));
    p.descr_get.set(Some(property_get));
    p.descr_set.set(Some(property_set));
}
