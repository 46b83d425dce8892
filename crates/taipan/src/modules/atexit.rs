//! The `atexit` module: functions run when the interpreter finalizes.
//! Mirrors CPython's `Modules/atexitmodule.c`: callbacks run last registered first;
//! an exception in one is reported through `sys.unraisablehook` ("Exception ignored
//! in atexit callback") and the others still run.

use super::ModuleDef;
use crate::objects::int::new_int;
use crate::objects::singletons::none;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, Args, PyResult, Vm};

/// One registered callback: the function, its positional arguments and its keywords.
pub struct Callback {
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(Value, Value)>,
}

fn register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    let Some(func) = pos.first() else {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    };
    if !super::builtins::is_callable(func) {
        return Err(type_error("the first argument must be callable"));
    }
    let kwargs = args.kwargs().map(|(k, v)| (k.clone(), v.clone())).collect();
    vm.modules_state.atexit.push(Callback { func: func.clone(), args: pos[1..].to_vec(), kwargs });
    Ok(func.clone())
}

fn unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [func] = args.exact::<1>("unregister")?;
    // Compare with ==, which may run Python code: take the list out while comparing.
    let list = std::mem::take(&mut vm.modules_state.atexit);
    let mut kept = Vec::with_capacity(list.len());
    let mut result = Ok(());
    for cb in list {
        if result.is_ok() {
            match ops::eq(vm, &cb.func, func) {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => result = Err(e),
            }
        }
        kept.push(cb);
    }
    // Callbacks registered by __eq__ meanwhile go after the kept ones.
    kept.append(&mut vm.modules_state.atexit);
    vm.modules_state.atexit = kept;
    result.map(|_| none())
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_clear", 0, 0)?;
    let old = std::mem::take(&mut vm.modules_state.atexit);
    drop(old);
    Ok(none())
}

fn ncallbacks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_ncallbacks", 0, 0)?;
    Ok(new_int(vm.modules_state.atexit.len() as i64))
}

fn run_exitfuncs_py(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_run_exitfuncs", 0, 0)?;
    run_exitfuncs(vm);
    Ok(none())
}

/// Runs and forgets every registered callback, newest first.
pub fn run_exitfuncs(vm: &mut Vm) {
    while let Some(cb) = vm.modules_state.atexit.pop() {
        let mut values = cb.args.clone();
        let mut names = Vec::with_capacity(cb.kwargs.len());
        for (k, v) in &cb.kwargs {
            names.push(k.clone());
            values.push(v.clone());
        }
        let r = crate::vm::call::call_with_kwnames(vm, &cb.func, &values, &names);
        if let Err(e) = r {
            if !e.matches(&crate::objects::exceptions::SYSTEM_EXIT) {
                let r = ops::repr_string(vm, &cb.func).unwrap_or_default();
                vm.write_unraisable(&e, None, Some(&format!("Exception ignored in atexit callback {r}")));
            }
        }
    }
}

static METHODS: &[MethodDef] = &[
    MethodDef::method("register", register),
    MethodDef::method("unregister", unregister),
    MethodDef::method("_clear", clear),
    MethodDef::method("_ncallbacks", ncallbacks),
    MethodDef::method("_run_exitfuncs", run_exitfuncs_py),
];

pub static MODULE: ModuleDef = ModuleDef {
    name: "atexit",
    doc: Some("allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n"),
    methods: METHODS,
    init: None,
};
