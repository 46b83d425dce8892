//! The `_warnings` module.  Mirrors the entry points of CPython's `Python/_warnings.c`
//! that native code and `importlib._bootstrap` use.
//!
//! NOTE: the filters, registries and formatting live in the pure-Python `warnings`
//! module (CPython's fallback implementation, used because this module does not export
//! `filters`); `warn` and `warn_explicit` forward to it.

use super::ModuleDef;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{Args, PyResult, Vm};

fn forward(vm: &mut Vm, name: &str, args: Args) -> PyResult<Value> {
    let warnings = crate::vm::import::import_module(vm, "warnings")?;
    let f = crate::vm::ops::getattr_str(vm, &warnings, name)?;
    let mut values: Vec<Value> = args.positional().to_vec();
    let kwnames: Vec<Value> = args.kwargs().map(|(k, _)| k.clone()).collect();
    values.extend(args.kwargs().map(|(_, v)| v.clone()));
    crate::vm::call::call_with_kwnames(vm, &f, &values, &kwnames)
}

fn warnings_warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, "warn", args)
}

fn warnings_warn_explicit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    forward(vm, "warn_explicit", args)
}

pub static WARNINGS_METHODS: &[MethodDef] =
    &[MethodDef::method("warn", warnings_warn), MethodDef::method("warn_explicit", warnings_warn_explicit)];

pub static MODULE: ModuleDef = ModuleDef {
    name: "_warnings",
    doc: Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    methods: WARNINGS_METHODS,
    init: None,
};
