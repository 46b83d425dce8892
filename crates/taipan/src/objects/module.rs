//! `module` objects.  Mirrors CPython's `Objects/moduleobject.c`.

use super::dict::PyDict;
use super::str::{as_str, intern, new_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{attribute_error, type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyModule {
    head: ObjectHead,
    pub dict: Value,
}

fn module_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let m = unsafe { &*(head as *const ObjectHead as *const PyModule) };
    visit(&m.dict);
}

pub static MODULE_LAYOUT: Layout = crate::payload_layout!(PyModule, "module", module_traverse, heap::no_clear);

impl PyPayload for PyModule {
    fn layout() -> &'static Layout {
        &MODULE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &MODULE_TYPE
    }
}

pub static MODULE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "module",
    layout: &MODULE_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: MODULE_METHODS,
    getsets: MODULE_GETSETS,
    doc: Some("Create a module object.\n\nThe name must be a string; the optional doc argument can have any type."),
    module: None,
});

pub fn new_module(name: &str, doc: Option<&str>) -> Value {
    let dict = PyDict::new_value();
    PyDict::set_str(&dict, "__name__", new_str(name));
    PyDict::set_str(&dict, "__doc__", doc.map(new_str).unwrap_or_else(super::singletons::none));
    PyDict::set_str(&dict, "__package__", super::singletons::none());
    PyDict::set_str(&dict, "__loader__", super::singletons::none());
    PyDict::set_str(&dict, "__spec__", super::singletons::none());
    heap::alloc(&MODULE_TYPE, PyModule { head: ObjectHead::uninit(), dict })
}

pub fn as_module(v: &Value) -> Option<&PyModule> {
    v.downcast::<PyModule>()
}

pub fn module_dict(v: &Value) -> Value {
    as_module(v).map(|m| m.dict.clone()).unwrap_or_else(PyDict::new_value)
}

pub fn module_name(v: &Value) -> String {
    as_module(v)
        .and_then(|m| PyDict::get_str(&m.dict, "__name__"))
        .and_then(|n| as_str(&n).map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn module_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&MODULE_TYPE);
    Ok(heap::alloc(ty, PyModule { head: ObjectHead::uninit(), dict: PyDict::new_value() }))
}

fn module_init(_vm: &mut Vm, m: &Value, args: Args) -> PyResult<()> {
    use crate::vm::args::{opt, p};
    static SIG: crate::vm::Sig = crate::vm::Sig::new("module", &[p("name"), opt("doc")]);
    let [name, doc] = SIG.parse::<2>(args)?;
    let name = name.expect("required");
    if !super::str::is_str(&name) {
        return Err(type_error(format!("module.__init__() argument 'name' must be str, not {}", name.ty().name())));
    }
    let d = module_dict(m);
    PyDict::set_str(&d, "__name__", name);
    PyDict::set_str(&d, "__doc__", doc.unwrap_or_else(super::singletons::none));
    for k in ["__package__", "__loader__", "__spec__"] {
        if PyDict::get_str(&d, k).is_none() {
            PyDict::set_str(&d, k, super::singletons::none());
        }
    }
    Ok(())
}

fn module_getattro(vm: &mut Vm, m: &Value, name: &Value) -> PyResult<Value> {
    // `PyObject_GenericGetAttr` with the module's own dict as the instance dict:
    // data descriptors of the type, then the module dict, then other class attributes
    // (so a module's `__doc__` is its own, never the type's docstring).
    let dict = module_dict(m);
    let descr = m.ty().lookup(name);
    if let Some(d) = &descr {
        if let (Some(get), Some(_)) = (d.ty().slots.descr_get.get(), d.ty().slots.descr_set.get()) {
            let tv = m.ty().to_value();
            return get(vm, d, Some(m), Some(&tv));
        }
    }
    if let Some(v) = PyDict::get_item_opt(vm, &dict, name)? {
        return Ok(v);
    }
    if let Some(d) = descr {
        if let Some(get) = d.ty().slots.descr_get.get() {
            let tv = m.ty().to_value();
            return get(vm, &d, Some(m), Some(&tv));
        }
        return Ok(d);
    }
    if let Some(v) = super::object::generic_getattr_opt(vm, m, name)? {
        return Ok(v);
    }
    if let Some(getattr) = PyDict::get_str(&dict, "__getattr__") {
        return crate::vm::call::call(vm, &getattr, std::slice::from_ref(name));
    }
    let mname = module_name(m);
    let attr = as_str(name).unwrap_or("?");
    // CPython's module_getattro: a module still executing its body (its spec's
    // `_initializing` is true) gets the circular-import hint.
    let initializing = match PyDict::get_str(&dict, "__spec__").filter(|s| !super::singletons::is_none(s)) {
        Some(spec) => match crate::vm::ops::getattr_opt(vm, &spec, &intern("_initializing")) {
            Ok(Some(v)) => crate::vm::ops::is_true(vm, &v).unwrap_or(false),
            _ => false,
        },
        None => false,
    };
    if initializing {
        return Err(attribute_error(
            m,
            name,
            format!("partially initialized module '{mname}' has no attribute '{attr}' (most likely due to a circular import)"),
        ));
    }
    Err(attribute_error(m, name, format!("module '{mname}' has no attribute '{attr}'")))
}

fn module_setattro(vm: &mut Vm, m: &Value, name: &Value, value: Option<&Value>) -> PyResult<()> {
    if let Some(descr) = m.ty().lookup(name) {
        if let Some(set) = descr.ty().slots.descr_set.get() {
            return set(vm, &descr, m, value);
        }
    }
    let dict = module_dict(m);
    match value {
        Some(v) => PyDict::set_item(vm, &dict, name.clone(), v.clone()),
        None => {
            if PyDict::del_item_opt(vm, &dict, name)? {
                Ok(())
            } else {
                let mname = module_name(m);
                Err(attribute_error(m, name, format!("module '{mname}' has no attribute '{}'", as_str(name).unwrap_or("?"))))
            }
        }
    }
}

/// `repr(module)`: CPython's `_module_repr` / `_module_repr_from_spec`.
fn module_repr(vm: &mut Vm, m: &Value) -> PyResult<Value> {
    use crate::vm::ops::{getattr_opt, repr_string};
    use super::singletons::is_none;
    let dict = module_dict(m);
    let get = |vm: &mut Vm, o: &Value, n: &str| -> PyResult<Option<Value>> { getattr_opt(vm, o, &intern(n)) };
    if let Some(spec) = PyDict::get_str(&dict, "__spec__").filter(|s| !is_none(s)) {
        let name = match get(vm, &spec, "name")?.filter(|n| !is_none(n)) {
            Some(n) => repr_string(vm, &n)?,
            None => "'?'".into(),
        };
        let origin = get(vm, &spec, "origin")?.filter(|o| !is_none(o));
        return Ok(new_string(match origin {
            None => {
                let loader = get(vm, &spec, "loader")?.filter(|l| !is_none(l));
                let locations = get(vm, &spec, "submodule_search_locations")?.filter(|l| !is_none(l));
                match (loader, locations) {
                    (None, Some(locs)) => {
                        let list = super::list::PyList::new_value(crate::vm::ops::collect_iter(vm, &locs)?);
                        format!("<module {name} (namespace) from {}>", repr_string(vm, &list)?)
                    }
                    (None, None) => format!("<module {name}>"),
                    (Some(l), _) if l.ty().name() == "NamespaceLoader" => {
                        let path = get(vm, &l, "_path")?.unwrap_or_else(super::singletons::none);
                        let list = super::list::PyList::new_value(crate::vm::ops::collect_iter(vm, &path)?);
                        format!("<module {name} (namespace) from {}>", repr_string(vm, &list)?)
                    }
                    (Some(l), _) => format!("<module {name} ({})>", repr_string(vm, &l)?),
                }
            }
            Some(o) => {
                let has_location = match get(vm, &spec, "has_location")? {
                    Some(h) => crate::vm::ops::is_true(vm, &h)?,
                    None => false,
                };
                if has_location {
                    format!("<module {name} from {}>", repr_string(vm, &o)?)
                } else {
                    format!("<module {name} ({})>", crate::vm::ops::str_string(vm, &o)?)
                }
            }
        }));
    }
    let name = match PyDict::get_str(&dict, "__name__") {
        Some(n) => repr_string(vm, &n)?,
        None => "'?'".into(),
    };
    if let Some(f) = PyDict::get_str(&dict, "__file__") {
        return Ok(new_string(format!("<module {name} from {}>", repr_string(vm, &f)?)));
    }
    match PyDict::get_str(&dict, "__loader__").filter(|l| !is_none(l)) {
        Some(l) => Ok(new_string(format!("<module {name} ({})>", repr_string(vm, &l)?))),
        None => Ok(new_string(format!("<module {name}>"))),
    }
}

fn get_dict(_vm: &mut Vm, m: &Value) -> PyResult<Value> {
    Ok(module_dict(m))
}

fn m_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [m] = args.exact::<1>("__dir__")?;
    let dict = module_dict(m);
    if let Some(d) = PyDict::get_str(&dict, "__dir__") {
        return crate::vm::call::call(vm, &d, &[]);
    }
    Ok(super::list::PyList::new_value(PyDict::keys_vec(&dict)))
}

pub static MODULE_METHODS: &[MethodDef] = &[MethodDef::method("__dir__", m_dir)];
pub static MODULE_GETSETS: &[GetSetDef] = &[GetSetDef::new("__dict__", get_dict)];

pub fn init_type() {
    let s = &MODULE_TYPE.slots;
    s.new.set(Some(module_new));
    s.init.set(Some(module_init));
    s.getattro.set(Some(module_getattro));
    s.setattro.set(Some(module_setattro));
    s.repr.set(Some(module_repr));
}
