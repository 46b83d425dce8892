//! The `_typing` module: primitives of `typing`.  Mirrors CPython's
//! `Modules/_typingmodule.c`; the objects themselves live in `objects/typevar.rs`.

use super::ModuleDef;
use crate::objects::typeobject::MethodDef;
use crate::objects::typevar;
use crate::runtime::value::Value;
use crate::vm::{Args, PyResult, Vm};

/// `_typing._idfunc(x)`: returns `x` (`typing.NewType.__call__`).
fn typing_idfunc(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("_idfunc")?;
    Ok(x.clone())
}

pub static TYPING_METHODS: &[MethodDef] = &[MethodDef::method("_idfunc", typing_idfunc)];

fn init(_vm: &mut Vm, m: &Value) -> PyResult<()> {
    for t in typevar::TYPING_TYPES {
        if !std::ptr::eq(*t, &typevar::NODEFAULT_TYPE) {
            super::add_object(m, &t.name(), t.to_value());
        }
    }
    super::add_object(m, "NoDefault", typevar::no_default());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_typing",
    doc: Some("Primitives and accelerators for the typing module.\n"),
    methods: TYPING_METHODS,
    init: Some(init),
};
