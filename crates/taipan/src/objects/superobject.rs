//! `super`.  Mirrors CPython's `super_*` functions in `Objects/typeobject.c`.

use super::str::{as_str, new_string};
use super::typeobject::{as_type, flags, GetSetDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{runtime_error, type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PySuper {
    head: ObjectHead,
    /// The class `super()` was called in (`__thisclass__`).
    this: Value,
    /// The instance or class (`__self__`), and the type to search from (`__self_class__`).
    obj: Option<Value>,
    obj_type: Option<Value>,
}

fn super_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PySuper) };
    visit(&s.this);
    if let Some(o) = &s.obj {
        visit(o);
    }
    if let Some(o) = &s.obj_type {
        visit(o);
    }
}

pub static SUPER_LAYOUT: Layout = crate::payload_layout!(PySuper, "super", super_traverse, heap::no_clear);

impl PyPayload for PySuper {
    fn layout() -> &'static Layout {
        &SUPER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SUPER_TYPE
    }
}

pub static SUPER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "super",
    layout: &SUPER_LAYOUT,
    flags: flags::HAVE_GC | flags::BASETYPE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: SUPER_GETSETS,
    doc: Some("super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)"),
    module: None,
});

/// The type to start the MRO search from (CPython's `supercheck`).
fn supercheck(vm: &mut Vm, this: &PyType, obj: &Value) -> PyResult<Value> {
    if let Some(t) = as_type(obj) {
        if t.is_subtype(this) {
            return Ok(obj.clone());
        }
    }
    if obj.ty().is_subtype(this) {
        return Ok(obj.ty().to_value());
    }
    if let Ok(cls) = crate::vm::ops::getattr_str(vm, obj, "__class__") {
        if let Some(c) = as_type(&cls) {
            if c.is_subtype(this) {
                return Ok(cls);
            }
        }
    }
    let (kind, name) = match as_type(obj) {
        Some(t) => ("type", t.name().to_string()),
        None => ("instance of", obj.ty().name().to_string()),
    };
    Err(type_error(format!(
        "super(type, obj): obj ({kind} {name}) is not an instance or subtype of type ({}).",
        this.name()
    )))
}

pub fn new_super(vm: &mut Vm, this: &Value, obj: &Value) -> PyResult<Value> {
    let t = as_type(this).ok_or_else(|| type_error(format!("super() argument 1 must be a type, not {}", this.ty().name())))?;
    let obj_type = supercheck(vm, t, obj)?;
    Ok(heap::alloc(&SUPER_TYPE, PySuper { head: ObjectHead::uninit(), this: this.clone(), obj: Some(obj.clone()), obj_type: Some(obj_type) }))
}

fn super_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("super")?;
    let pos = args.check("super", 0, 2)?;
    let ty = as_type(cls).unwrap_or(&SUPER_TYPE);
    let (this, obj) = match pos.len() {
        0 => zero_arg_super(vm)?,
        1 => (pos[0].clone(), None),
        _ => (pos[0].clone(), Some(pos[1].clone()).filter(|o| !super::singletons::is_none(o))),
    };
    let t = as_type(&this).ok_or_else(|| type_error(format!("super() argument 1 must be a type, not {}", this.ty().name())))?;
    let obj_type = match &obj {
        Some(o) => Some(supercheck(vm, t, o)?),
        None => None,
    };
    Ok(heap::alloc(ty, PySuper { head: ObjectHead::uninit(), this, obj, obj_type }))
}

/// `super()` with no arguments: the `__class__` cell and first argument of the caller.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Option<Value>)> {
    let Some(f) = vm.current_frame_ref() else {
        return Err(runtime_error("super(): no current frame"));
    };
    let code = f.code();
    if code.code.argcount == 0 && code.code.flags & taipan_compiler::code::flags::VARARGS == 0 {
        return Err(runtime_error("super(): no arguments"));
    }
    let first = match code.code.cell2arg.iter().position(|c| *c == Some(0)) {
        Some(ci) => f.cells[ci].downcast::<super::cell::PyCell>().and_then(|c| c.get()),
        None => f.fast.first().cloned().flatten(),
    };
    let first = match first {
        Some(v) if code.code.argcount == 0 => super::tuple::as_tuple(&v).and_then(|t| t.first().cloned()),
        other => other,
    };
    let Some(first) = first else {
        return Err(runtime_error("super(): arg[0] deleted"));
    };
    let ncell = code.code.cellvars.len();
    let class_cell = code
        .code
        .freevars
        .iter()
        .position(|n| n.as_ref() == "__class__")
        .map(|i| ncell + i)
        .or_else(|| code.code.cellvars.iter().position(|n| n.as_ref() == "__class__"));
    let Some(ci) = class_cell else {
        return Err(runtime_error("super(): __class__ cell not found"));
    };
    let cls = f.cells[ci].downcast::<super::cell::PyCell>().and_then(|c| c.get());
    match cls {
        Some(c) if as_type(&c).is_some() => Ok((c, Some(first))),
        Some(_) => Err(runtime_error("super(): __class__ is not a type")),
        None => Err(runtime_error("super(): empty __class__ cell")),
    }
}

fn this(v: &Value) -> PyResult<&PySuper> {
    v.downcast::<PySuper>().ok_or_else(|| type_error("super expected"))
}

fn super_getattro(vm: &mut Vm, sv: &Value, name: &Value) -> PyResult<Value> {
    let s = this(sv)?;
    let skip = as_str(name) == Some("__class__");
    if let (Some(start), false) = (s.obj_type.clone(), skip) {
        let start_t = as_type(&start).ok_or_else(|| type_error("bad super"))?;
        let mro = start_t.mro.borrow().clone();
        let this_ptr = s.this.as_ptr();
        let obj = s.obj.clone();
        if let Some(pos) = mro.iter().position(|t| std::ptr::eq(t.as_ptr(), this_ptr)) {
            for t in &mro[pos + 1..] {
                let Some(tt) = as_type(t) else { continue };
                if let Some(attr) = tt.own_attr(name) {
                    if let Some(get) = attr.ty().slots.descr_get.get() {
                        let inst = obj.as_ref().filter(|o| !o.is(&start));
                        return get(vm, &attr, inst, Some(&start));
                    }
                    return Ok(attr);
                }
            }
        }
    }
    super::object::generic_getattr(vm, sv, name)
}

fn super_descr_get(vm: &mut Vm, sv: &Value, obj: Option<&Value>, _ty: Option<&Value>) -> PyResult<Value> {
    let s = this(sv)?;
    match obj {
        Some(o) if s.obj.is_none() && !super::singletons::is_none(o) => {
            let this = s.this.clone();
            new_super(vm, &this, o)
        }
        _ => Ok(sv.clone()),
    }
}

fn super_repr(_vm: &mut Vm, sv: &Value) -> PyResult<Value> {
    let s = this(sv)?;
    let name = as_type(&s.this).map(|t| t.name()).unwrap_or_default();
    Ok(new_string(match &s.obj_type {
        Some(t) => format!("<super: <class '{}'>, <{} object>>", name, as_type(t).map(|t| t.name()).unwrap_or_default()),
        None => format!("<super: <class '{name}'>, NULL>"),
    }))
}

fn super_init(_vm: &mut Vm, _v: &Value, _args: Args) -> PyResult<()> {
    Ok(())
}

fn get_thisclass(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.this.clone())
}
fn get_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.obj.clone().unwrap_or_else(super::singletons::none))
}
fn get_self_class(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(this(v)?.obj_type.clone().unwrap_or_else(super::singletons::none))
}

pub static SUPER_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("__thisclass__", get_thisclass),
    GetSetDef::new("__self__", get_self),
    GetSetDef::new("__self_class__", get_self_class),
];

pub fn init_type() {
    let s = &SUPER_TYPE.slots;
    s.new.set(Some(super_new));
    s.init.set(Some(super_init));
    s.getattro.set(Some(super_getattro));
    s.descr_get.set(Some(super_descr_get));
    s.repr.set(Some(super_repr));
}
