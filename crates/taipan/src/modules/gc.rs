//! The `gc` module.  Mirrors CPython's `Modules/gcmodule.c` over `runtime::gc`.

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, none};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::gc;
use crate::runtime::value::Value;
use crate::vm::{value_error, Args, PyResult, Vm};

fn m_collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("collect", &[opt("generation")]);
    let [g] = SIG.parse::<1>(args)?;
    let g = match g {
        Some(g) => crate::vm::ops::index_value(vm, &g)?,
        None => 2,
    };
    if !(0..=2).contains(&g) {
        return Err(value_error("invalid generation"));
    }
    vm.run_pending()?;
    let n = gc::collect(vm, g as usize);
    vm.run_pending()?;
    Ok(new_int(n as i64))
}

fn m_enable(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    gc::enable(true);
    Ok(none())
}
fn m_disable(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    gc::enable(false);
    Ok(none())
}
fn m_isenabled(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(bool_value(gc::is_enabled()))
}
fn m_get_count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let c = gc::counts();
    Ok(new_tuple(c.iter().map(|n| new_int(*n as i64)).collect()))
}
fn m_get_threshold(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let t = gc::thresholds();
    Ok(new_tuple(t.iter().map(|n| new_int(*n as i64)).collect()))
}
fn m_set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if args.has_kwargs() || pos.is_empty() || pos.len() > 3 {
        return Err(crate::vm::type_error("gc.set_threshold requires 1 to 3 arguments"));
    }
    let mut t = Vec::new();
    for v in pos {
        t.push(crate::vm::ops::index_value(vm, v)?.max(0) as usize);
    }
    gc::set_thresholds(&t);
    Ok(none())
}
fn m_get_objects(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("get_objects", &[opt("generation")]);
    let [g] = SIG.parse::<1>(args)?;
    let g = match g.filter(|g| !crate::objects::singletons::is_none(g)) {
        Some(g) => {
            let n = crate::vm::ops::index_value(vm, &g)?;
            if n < 0 {
                return Err(value_error("generation parameter must be greater or equal than 0"));
            }
            if n > 2 {
                return Err(value_error("generation parameter must be less than the number of available generations (3)"));
            }
            Some(n as usize)
        }
        None => None,
    };
    Ok(PyList::new_value(gc::objects(g)))
}
fn m_get_referrers(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(PyList::new_value(gc::referrers(args.positional())))
}
fn m_get_referents(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    for v in args.positional() {
        out.extend(gc::referents(v));
    }
    Ok(PyList::new_value(out))
}
fn m_is_tracked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("is_tracked")?;
    let tracked = gc::is_tracked(v) && !is_untracked_container(v);
    Ok(bool_value(tracked))
}

/// CPython untracks dicts holding only atomic values; report the same.
fn is_untracked_container(v: &Value) -> bool {
    if v.downcast_exact::<PyDict>().is_some() {
        return PyDict::items_vec(v).iter().all(|(k, x)| !gc::is_tracked(k) && !gc::is_tracked(x));
    }
    false
}

fn m_is_finalized(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("is_finalized")?;
    let f = v
        .as_head()
        .and_then(|h| h.gc_head())
        .map(|g| g.flags.get() & crate::runtime::heap::gcflags::FINALIZED != 0)
        .unwrap_or(false);
    Ok(bool_value(f))
}
fn m_freeze(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    gc::freeze();
    Ok(none())
}
fn m_unfreeze(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    gc::unfreeze();
    Ok(none())
}
fn m_get_freeze_count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_int(gc::freeze_count() as i64))
}
fn m_get_stats(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let items = gc::stats()
        .iter()
        .map(|(c, n, u)| {
            let d = PyDict::new_value();
            PyDict::set_str(&d, "collections", new_int(*c as i64));
            PyDict::set_str(&d, "collected", new_int(*n as i64));
            PyDict::set_str(&d, "uncollectable", new_int(*u as i64));
            d
        })
        .collect();
    Ok(PyList::new_value(items))
}
fn m_set_debug(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("set_debug")?;
    vm.modules_state.gc_debug = crate::vm::ops::index_value(vm, f)?;
    Ok(none())
}
fn m_get_debug(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_int(vm.modules_state.gc_debug))
}

/// Calls `gc.callbacks` with ("start"|"stop", info).
pub fn run_callbacks(vm: &mut Vm, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
    let Some(cbs) = vm.modules_state.gc_callbacks.clone() else { return };
    let items = crate::objects::list::as_list(&cbs).map(|l| l.snapshot()).unwrap_or_default();
    if items.is_empty() {
        return;
    }
    let info = PyDict::new_value();
    PyDict::set_str(&info, "generation", new_int(generation as i64));
    PyDict::set_str(&info, "collected", new_int(collected as i64));
    PyDict::set_str(&info, "uncollectable", new_int(uncollectable as i64));
    for cb in items {
        if let Err(e) = crate::vm::call::call(vm, &cb, &[new_str(phase), info.clone()]) {
            vm.write_unraisable(&e, Some(&cb), Some("Exception ignored in garbage collector callback"));
        }
    }
}

pub static GC_METHODS: &[MethodDef] = &[
    MethodDef::method("collect", m_collect),
    MethodDef::method("enable", m_enable),
    MethodDef::method("disable", m_disable),
    MethodDef::method("isenabled", m_isenabled),
    MethodDef::method("get_count", m_get_count),
    MethodDef::method("get_threshold", m_get_threshold),
    MethodDef::method("set_threshold", m_set_threshold),
    MethodDef::method("get_objects", m_get_objects),
    MethodDef::method("get_referrers", m_get_referrers),
    MethodDef::method("get_referents", m_get_referents),
    MethodDef::method("is_tracked", m_is_tracked),
    MethodDef::method("is_finalized", m_is_finalized),
    MethodDef::method("freeze", m_freeze),
    MethodDef::method("unfreeze", m_unfreeze),
    MethodDef::method("get_freeze_count", m_get_freeze_count),
    MethodDef::method("get_stats", m_get_stats),
    MethodDef::method("set_debug", m_set_debug),
    MethodDef::method("get_debug", m_get_debug),
];

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let callbacks = vm.modules_state.gc_callbacks.get_or_insert_with(|| PyList::new_value(Vec::new())).clone();
    let garbage = vm.modules_state.gc_garbage.get_or_insert_with(|| PyList::new_value(Vec::new())).clone();
    super::add_object(m, "callbacks", callbacks);
    super::add_object(m, "garbage", garbage);
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        super::add_object(m, n, new_int(v));
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "gc",
    doc: Some("This module provides access to the garbage collector for reference cycles."),
    methods: GC_METHODS,
    init: Some(init),
};
