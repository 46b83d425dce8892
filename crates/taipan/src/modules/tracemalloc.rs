//! `_tracemalloc`: the module `tracemalloc` and `warnings` consult.
//!
//! NOTE: Taipan does not trace allocations yet.  Everything here answers as CPython's
//! module does while tracing is off (nothing traced, no tracebacks, zero traced
//! memory); `start()` raises NotImplementedError instead of pretending to trace.

use super::ModuleDef;
use crate::objects::int::new_int;
use crate::objects::singletons::{bool_value, none};
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{Args, PyErr, PyResult, Vm};

fn is_tracing(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("is_tracing", 0, 0)?;
    Ok(bool_value(false))
}

fn start(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("start", 0, 1)?;
    Err(PyErr::new(&crate::objects::exceptions::NOT_IMPLEMENTED_ERROR, "Taipan does not trace memory allocations yet"))
}

fn no_op(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("tracemalloc function", 0, 0)?;
    Ok(none())
}

fn get_traceback_limit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_traceback_limit", 0, 0)?;
    Ok(new_int(1))
}

fn get_traced_memory(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_traced_memory", 0, 0)?;
    Ok(crate::objects::tuple::new_tuple(vec![new_int(0), new_int(0)]))
}

fn get_tracemalloc_memory(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_tracemalloc_memory", 0, 0)?;
    Ok(new_int(0))
}

fn get_object_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_obj] = args.exact::<1>("_get_object_traceback")?;
    Ok(none())
}

fn get_traces(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_get_traces", 0, 0)?;
    Ok(crate::objects::list::PyList::new_value(Vec::new()))
}

pub static METHODS: &[MethodDef] = &[
    MethodDef::method("is_tracing", is_tracing),
    MethodDef::method("start", start),
    MethodDef::method("stop", no_op),
    MethodDef::method("clear_traces", no_op),
    MethodDef::method("reset_peak", no_op),
    MethodDef::method("get_traceback_limit", get_traceback_limit),
    MethodDef::method("get_traced_memory", get_traced_memory),
    MethodDef::method("get_tracemalloc_memory", get_tracemalloc_memory),
    MethodDef::method("_get_object_traceback", get_object_traceback),
    MethodDef::method("_get_traces", get_traces),
];

pub static MODULE: ModuleDef = ModuleDef { name: "_tracemalloc", doc: Some("Debug module to trace memory blocks allocated by Python."), methods: METHODS, init: None };
