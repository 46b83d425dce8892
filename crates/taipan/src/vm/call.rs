//! Calling objects from Rust.  Mirrors CPython's `Objects/call.c` (`PyObject_Vectorcall`,
//! `PyObject_CallMethod`).  Calls made by the eval loop itself avoid this module for
//! Python functions (they push a frame instead; see `eval.rs`).

use super::{type_error, Args, PyResult, Vm};
use crate::objects::function::PyFunction;
use crate::objects::str::intern;
use crate::runtime::value::Value;
use taipan_compiler::code::flags as co;

/// `callable(*args)`.
pub fn call(vm: &mut Vm, callable: &Value, args: &[Value]) -> PyResult<Value> {
    call_with_kwnames(vm, callable, args, &[])
}

/// `callable(*positional, **dict(zip(kwnames, trailing values)))`.
pub fn call_with_kwnames(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if callable.downcast::<PyFunction>().is_some() {
        return call_python_function(vm, callable, Args::with_kw(args, kwnames));
    }
    match callable.ty().slots.call.get() {
        Some(f) => {
            vm.enter_native()?;
            let r = f(vm, callable, Args::with_kw(args, kwnames));
            vm.leave_native();
            r
        }
        None => Err(type_error(format!("'{}' object is not callable", callable.ty().name()))),
    }
}

/// Calls a function found on a type with `args[0]` as self (no binding allocation for
/// Python functions and method descriptors).
pub fn call_unbound_with_kwnames(vm: &mut Vm, func: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if func.downcast::<PyFunction>().is_some() || func.ty().has_flag(crate::objects::typeobject::flags::METHOD_DESCRIPTOR) {
        return call_with_kwnames(vm, func, args, kwnames);
    }
    // Other descriptors (staticmethod, classmethod, custom) bind first.
    if let Some(get) = func.ty().slots.descr_get.get() {
        let self_ = &args[0];
        let ty = self_.ty().to_value();
        let bound = get(vm, func, Some(self_), Some(&ty))?;
        return call_with_kwnames(vm, &bound, &args[1..], kwnames);
    }
    call_with_kwnames(vm, func, &args[1..], kwnames)
}

/// Calls `func` (looked up on `type(self)`) as a method of `self`.
pub fn call_method_value(vm: &mut Vm, func: &Value, self_: &Value, args: &[Value]) -> PyResult<Value> {
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(self_.clone());
    all.extend_from_slice(args);
    call_unbound_with_kwnames(vm, func, &all, &[])
}

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = super::ops::getattr(vm, obj, &intern(name))?;
    call(vm, &f, args)
}

/// Calls a Python function: runs a new frame, or makes a generator/coroutine.
pub fn call_python_function(vm: &mut Vm, func: &Value, args: Args) -> PyResult<Value> {
    let frame = super::frame::bind_function_frame(vm, func, args.values, args.kwnames)?;
    let flags = frame.code().code.flags;
    if flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR) != 0 {
        return Ok(crate::objects::generator::new_generator(frame, flags));
    }
    vm.run_frame(frame)
}
