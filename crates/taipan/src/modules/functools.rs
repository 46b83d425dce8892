//! `_functools`: the C accelerators of `functools` (CPython's `Modules/_functoolsmodule.c`).
//!
//! `Lib/functools.py` imports `reduce`, `partial` and `cmp_to_key` from here and falls
//! back to its pure-Python versions for whatever is missing.
//!
//! NOTE: `_lru_cache_wrapper` is deliberately absent, so `functools.lru_cache` uses the
//! pure-Python wrapper in `Lib/functools.py`.

use std::cell::RefCell;

use taipan_compiler::bytecode::ComparisonOperator;

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::int::new_int;
use crate::objects::singletons::{is_none, none};
use crate::objects::str::{as_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple, PyTuple};
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::p;
use crate::vm::{ops, type_error, Args, PyErr, PyResult, Sig, Vm};

fn is_callable(v: &Value) -> bool {
    v.ty().slots.call.get().is_some()
}

// ---------------------------------------------------------------------------
// reduce

fn functools_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("reduce", 2, 3)?;
    let (func, seq) = (&pos[0], &pos[1]);
    let it = match ops::iter(vm, seq) {
        Ok(it) => it,
        Err(e) if e.matches(&exceptions::TYPE_ERROR) => {
            return Err(type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = pos.get(2).cloned();
    while let Some(item) = ops::next(vm, &it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => crate::vm::call::call(vm, func, &[a, item])?,
        });
    }
    acc.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

// ---------------------------------------------------------------------------
// partial

/// `partial(func, /, *args, **keywords)`.  `args` is always a tuple and `keywords` a
/// dict (never None), as in CPython.
#[repr(C)]
pub struct PyPartial {
    head: ObjectHead,
    state: RefCell<PartialState>,
}

#[derive(Clone)]
struct PartialState {
    func: Value,
    args: Value,
    keywords: Value,
}

fn partial_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let p = unsafe { &*(head as *const ObjectHead as *const PyPartial) };
    if let Ok(s) = p.state.try_borrow() {
        visit(&s.func);
        visit(&s.args);
        visit(&s.keywords);
    }
}

fn partial_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    // SAFETY: only called for objects allocated with this layout.
    let p = unsafe { &*(head as *const ObjectHead as *const PyPartial) };
    if let Ok(mut s) = p.state.try_borrow_mut() {
        out.push(std::mem::replace(&mut s.func, none()));
        out.push(std::mem::replace(
            &mut s.args,
            crate::objects::tuple::empty_tuple(),
        ));
        out.push(std::mem::replace(&mut s.keywords, none()));
    }
}

pub static PARTIAL_LAYOUT: Layout =
    crate::payload_layout!(PyPartial, "partial", partial_traverse, partial_clear);

impl PyPayload for PyPartial {
    fn layout() -> &'static Layout {
        &PARTIAL_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &PARTIAL_TYPE
    }
}

pub static PARTIAL_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "partial",
    layout: &PARTIAL_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: PARTIAL_METHODS,
    getsets: PARTIAL_GETSETS,
    doc: Some(
        "Create a new function with partial application of the given arguments\nand keywords.",
    ),
    module: Some("functools"),
});

fn partial_state(v: &Value) -> PyResult<PartialState> {
    match v.downcast::<PyPartial>() {
        Some(p) => Ok(p.state.borrow().clone()),
        None => Err(type_error(format!(
            "descriptor requires a 'functools.partial' object but received a '{}'",
            v.ty().name()
        ))),
    }
}

/// Whether a partial's instance `__dict__` is absent or empty (CPython flattens nested
/// partials only when `part->dict == NULL`).
fn has_no_instance_attrs(v: &Value) -> bool {
    let Some(head) = v.as_head() else { return true };
    if !head.ty().has_dict() {
        return true;
    }
    match head.extras().first() {
        Some(slot) => match &*slot.borrow() {
            None => true,
            Some(d) => PyDict::len(d) == 0,
        },
        None => true,
    }
}

fn partial_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(first) {
        return Err(type_error("the first argument must be callable"));
    }
    let mut func = first.clone();
    let mut items: Vec<Value> = Vec::new();
    let keywords = PyDict::new_value();
    if first.downcast::<PyPartial>().is_some() && has_no_instance_attrs(first) {
        let inner = partial_state(first)?;
        func = inner.func;
        items.extend(as_tuple(&inner.args).unwrap_or(&[]).iter().cloned());
        for (k, v) in PyDict::items_vec(&inner.keywords) {
            PyDict::set_item(vm, &keywords, k, v)?;
        }
    }
    items.extend(pos[1..].iter().cloned());
    for (k, v) in args.kwargs() {
        PyDict::set_item(vm, &keywords, k.clone(), v.clone())?;
    }
    let ty = as_type(cls).unwrap_or(&PARTIAL_TYPE);
    Ok(heap::alloc(
        ty,
        PyPartial {
            head: ObjectHead::uninit(),
            state: RefCell::new(PartialState {
                func,
                args: new_tuple(items),
                keywords,
            }),
        },
    ))
}

fn partial_call(vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    let st = partial_state(this)?;
    let mut values: Vec<Value> = as_tuple(&st.args).unwrap_or(&[]).to_vec();
    values.extend(args.positional().iter().cloned());
    // `{**self.keywords, **kwargs}`: overridden keys keep their place.
    let mut names: Vec<Value> = Vec::new();
    let mut kwvalues: Vec<Value> = Vec::new();
    let mut call_kw: Vec<(Value, Option<Value>)> = args
        .kwargs()
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    for (k, v) in PyDict::items_vec(&st.keywords) {
        let key = as_str(&k);
        let overriding = call_kw
            .iter_mut()
            .find(|(ck, cv)| cv.is_some() && key.is_some() && as_str(ck) == key);
        let value = match overriding {
            Some((_, cv)) => cv.take().unwrap_or(v),
            None => v,
        };
        names.push(k);
        kwvalues.push(value);
    }
    for (k, v) in call_kw {
        if let Some(v) = v {
            names.push(k);
            kwvalues.push(v);
        }
    }
    values.extend(kwvalues);
    crate::vm::call::call_with_kwnames(vm, &st.func, &values, &names)
}

fn partial_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let ty = this.ty();
    let module = crate::objects::typeobject_methods::type_module_name(ty);
    let qual = ty.qualname();
    let name = match module.as_deref() {
        Some(m) => format!("{m}.{qual}"),
        None => qual,
    };
    if !vm.repr_enter(this) {
        return Ok(crate::objects::str::new_str("..."));
    }
    let result = (|| {
        let st = partial_state(this)?;
        let mut parts = vec![ops::repr_string(vm, &st.func)?];
        for a in as_tuple(&st.args).unwrap_or(&[]).to_vec() {
            parts.push(ops::repr_string(vm, &a)?);
        }
        for (k, v) in PyDict::items_vec(&st.keywords) {
            let key = ops::str_string(vm, &k)?;
            parts.push(format!("{key}={}", ops::repr_string(vm, &v)?));
        }
        Ok(new_string(format!("{name}({})", parts.join(", "))))
    })();
    vm.repr_leave(this);
    result
}

/// CPython 3.13's `partial.__get__`: no binding yet, but a `FutureWarning` when looked
/// up through an instance.
fn partial_descr_get(
    vm: &mut Vm,
    this: &Value,
    obj: Option<&Value>,
    _ty: Option<&Value>,
) -> PyResult<Value> {
    if obj.is_some_and(|o| !is_none(o)) {
        super::warnings_warn(
            vm,
            &exceptions::FUTURE_WARNING,
            "functools.partial will be a method descriptor in future Python versions; wrap it in staticmethod() if you want to preserve the old behavior",
        );
    }
    Ok(this.clone())
}

fn readonly(_vm: &mut Vm, _this: &Value, _value: Option<&Value>) -> PyResult<()> {
    Err(PyErr::new(
        &exceptions::ATTRIBUTE_ERROR,
        "readonly attribute",
    ))
}

fn partial_get_func(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(partial_state(this)?.func)
}

fn partial_get_args(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(partial_state(this)?.args)
}

fn partial_get_keywords(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(partial_state(this)?.keywords)
}

fn instance_dict_or_none(v: &Value) -> Value {
    if has_no_instance_attrs(v) {
        return none();
    }
    crate::objects::object::instance_dict(v).unwrap_or_else(none)
}

fn partial_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__reduce__")?;
    let st = partial_state(this)?;
    Ok(new_tuple(vec![
        this.ty().to_value(),
        new_tuple(vec![st.func.clone()]),
        new_tuple(vec![
            st.func,
            st.args,
            st.keywords,
            instance_dict_or_none(this),
        ]),
    ]))
}

fn partial_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, state] = args.exact::<2>("__setstate__")?;
    let invalid = || type_error("invalid partial state");
    let items = match as_tuple(state) {
        Some(t) if t.len() == 4 => t.to_vec(),
        _ => return Err(invalid()),
    };
    let (func, fargs, kw, dict) = (&items[0], &items[1], &items[2], &items[3]);
    if !is_callable(func)
        || as_tuple(fargs).is_none()
        || (!is_none(kw) && kw.downcast::<PyDict>().is_none())
    {
        return Err(invalid());
    }
    let fargs = if fargs.downcast_exact::<PyTuple>().is_some() {
        fargs.clone()
    } else {
        new_tuple(as_tuple(fargs).unwrap_or(&[]).to_vec())
    };
    let keywords = if is_none(kw) {
        PyDict::new_value()
    } else if kw.downcast_exact::<PyDict>().is_some() {
        kw.clone()
    } else {
        PyDict::copy_value(vm, kw)?
    };
    let Some(p) = this.downcast::<PyPartial>() else {
        return Err(invalid());
    };
    let old = std::mem::replace(
        &mut *p.state.borrow_mut(),
        PartialState {
            func: func.clone(),
            args: fargs,
            keywords,
        },
    );
    drop(old);
    if is_none(dict) {
        crate::objects::object::set_instance_dict(this, PyDict::new_value());
    } else {
        crate::objects::object::set_instance_dict(this, dict.clone());
    }
    Ok(none())
}

pub static PARTIAL_METHODS: &[MethodDef] = &[
    MethodDef::method("__reduce__", partial_reduce),
    MethodDef::method("__setstate__", partial_setstate),
    MethodDef::classmethod(
        "__class_getitem__",
        crate::objects::genericalias::class_getitem,
    ),
];

pub static PARTIAL_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("func", partial_get_func, readonly),
    GetSetDef::with_set("args", partial_get_args, readonly),
    GetSetDef::with_set("keywords", partial_get_keywords, readonly),
];

// ---------------------------------------------------------------------------
// cmp_to_key

/// `functools.KeyWrapper`: `cmp_to_key(mycmp)` returns one without an object; calling
/// it wraps an object, and wrapped objects compare by `mycmp(a, b) <op> 0`.
#[repr(C)]
pub struct PyKeyWrapper {
    head: ObjectHead,
    cmp: Value,
    obj: Option<Value>,
}

fn key_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: only called for objects allocated with this layout.
    let k = unsafe { &*(head as *const ObjectHead as *const PyKeyWrapper) };
    visit(&k.cmp);
    if let Some(o) = &k.obj {
        visit(o);
    }
}

pub static KEYWRAPPER_LAYOUT: Layout =
    crate::payload_layout!(PyKeyWrapper, "KeyWrapper", key_traverse, heap::no_clear);

impl PyPayload for PyKeyWrapper {
    fn layout() -> &'static Layout {
        &KEYWRAPPER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &KEYWRAPPER_TYPE
    }
}

pub static KEYWRAPPER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "KeyWrapper",
    layout: &KEYWRAPPER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: KEYWRAPPER_GETSETS,
    doc: None,
    module: Some("functools"),
});

fn new_key_wrapper(cmp: Value, obj: Option<Value>) -> Value {
    heap::alloc(
        &KEYWRAPPER_TYPE,
        PyKeyWrapper {
            head: ObjectHead::uninit(),
            cmp,
            obj,
        },
    )
}

fn functools_cmp_to_key(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("cmp_to_key", &[p("mycmp")]);
    let [mycmp] = SIG.parse::<1>(args)?;
    Ok(new_key_wrapper(mycmp.expect("required"), None))
}

fn key_call(_vm: &mut Vm, this: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("K", &[p("obj")]);
    let [obj] = SIG.parse::<1>(args)?;
    let Some(k) = this.downcast::<PyKeyWrapper>() else {
        return Err(type_error("KeyWrapper expected"));
    };
    Ok(new_key_wrapper(k.cmp.clone(), obj))
}

fn key_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: ComparisonOperator) -> PyResult<Value> {
    let (Some(x), Some(y)) = (
        a.downcast_exact::<PyKeyWrapper>(),
        b.downcast_exact::<PyKeyWrapper>(),
    ) else {
        return Err(type_error("other argument must be K instance"));
    };
    let (Some(xo), Some(yo)) = (x.obj.clone(), y.obj.clone()) else {
        return Err(PyErr::new(&exceptions::ATTRIBUTE_ERROR, "object"));
    };
    let cmp = x.cmp.clone();
    let res = crate::vm::call::call(vm, &cmp, &[xo, yo])?;
    ops::richcompare(vm, &res, &new_int(0), op)
}

fn key_hash(_vm: &mut Vm, _v: &Value) -> PyResult<i64> {
    Err(type_error("unhashable type: 'functools.KeyWrapper'"))
}

fn key_get_obj(_vm: &mut Vm, this: &Value) -> PyResult<Value> {
    Ok(this
        .downcast::<PyKeyWrapper>()
        .and_then(|k| k.obj.clone())
        .unwrap_or_else(none))
}

pub static KEYWRAPPER_GETSETS: &[GetSetDef] = &[GetSetDef::new("obj", key_get_obj)];

// ---------------------------------------------------------------------------

pub static FUNCTOOLS_METHODS: &[MethodDef] = &[
    MethodDef::method("reduce", functools_reduce),
    MethodDef::method("cmp_to_key", functools_cmp_to_key),
];

/// Fills the slots of this module's types (once, through `ensure_types`).
fn init_types() {
    let s = &PARTIAL_TYPE.slots;
    s.new.set(Some(partial_new));
    s.call.set(Some(partial_call));
    s.repr.set(Some(partial_repr));
    s.descr_get.set(Some(partial_descr_get));
    PARTIAL_TYPE.set_n_extra(1);
    let s = &KEYWRAPPER_TYPE.slots;
    s.call.set(Some(key_call));
    s.richcompare.set(Some(key_richcompare));
    s.hash.set(Some(key_hash));
    crate::objects::typeobject_methods::init_static_type(&PARTIAL_TYPE);
    crate::objects::typeobject_methods::init_static_type(&KEYWRAPPER_TYPE);
}

/// Readies this module's types; also used by `_operator` (methodcaller pickling).
pub fn ensure_types() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
}

fn functools_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    ensure_types();
    super::add_object(module, "partial", PARTIAL_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_functools",
    doc: Some("Tools that operate on functions."),
    methods: FUNCTOOLS_METHODS,
    init: Some(functools_init),
};
