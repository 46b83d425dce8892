//! The `_weakref` module.  Mirrors CPython's `Modules/_weakref.c`.

use super::ModuleDef;
use crate::objects::typeobject::MethodDef;
use crate::objects::weakref;
use crate::runtime::value::Value;
use crate::vm::{Args, PyResult, Vm};

fn m_getweakrefcount(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("getweakrefcount")?;
    Ok(crate::objects::int::new_int(weakref::weakref_count(o) as i64))
}

fn m_getweakrefs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("getweakrefs")?;
    Ok(crate::objects::list::PyList::new_value(weakref::weakrefs_of(o)))
}

fn m_proxy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("proxy", 1, 2)?;
    let cb = pos.get(1).cloned().filter(|c| !crate::objects::singletons::is_none(c));
    weakref::new_proxy(&pos[0], cb)
}

fn m_remove_dead_weakref(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, key] = args.exact::<2>("_remove_dead_weakref")?;
    if let Some(w) = crate::objects::dict::PyDict::get_item_opt(vm, d, key)? {
        if weakref::referent(&w).is_none() {
            crate::objects::dict::PyDict::del_item_opt(vm, d, key)?;
        }
    }
    Ok(crate::objects::singletons::none())
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("getweakrefcount", m_getweakrefcount),
    MethodDef::method("getweakrefs", m_getweakrefs),
    MethodDef::method("proxy", m_proxy),
    MethodDef::method("_remove_dead_weakref", m_remove_dead_weakref),
];

fn init(_vm: &mut Vm, m: &Value) -> PyResult<()> {
    super::add_object(m, "ref", weakref::REF_TYPE.to_value());
    super::add_object(m, "ReferenceType", weakref::REF_TYPE.to_value());
    super::add_object(m, "ProxyType", weakref::PROXY_TYPE.to_value());
    super::add_object(m, "CallableProxyType", weakref::CALLABLE_PROXY_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef { name: "_weakref", doc: Some("Weak-reference support module."), methods: METHODS, init: Some(init) };
