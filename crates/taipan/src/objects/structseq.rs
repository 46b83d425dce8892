//! Struct sequences: tuples with named fields (`sys.flags`, `time.struct_time`, ...).
//! Mirrors CPython's `Objects/structseq.c`: each struct sequence is a subclass of
//! `tuple` whose field names are kept in the class (`_structseq_fields`).

use super::dict::PyDict;
use super::str::{as_str, intern, new_str, new_string};
use super::tuple::{as_tuple, new_tuple, new_tuple_of_type, TUPLE_TYPE};
use super::typeobject::{as_type, flags, PyType};
use crate::runtime::heap;
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

/// Creates a struct-sequence type `module.name` with `fields`.
pub fn new_structseq_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<Value> {
    let dict = PyDict::new_value();
    PyDict::set_str(&dict, "__module__", new_str(module));
    let names: Vec<Value> = fields.iter().map(|f| intern(f)).collect();
    PyDict::set_str(&dict, "_structseq_fields", new_tuple(names.clone()));
    PyDict::set_str(&dict, "n_fields", super::int::new_int(fields.len() as i64));
    PyDict::set_str(&dict, "n_sequence_fields", super::int::new_int(fields.len() as i64));
    PyDict::set_str(&dict, "n_unnamed_fields", super::int::new_int(0));
    PyDict::set_str(&dict, "__match_args__", new_tuple(names));
    let t = super::typeobject_new::type_new(
        vm,
        &super::typeobject::TYPE_TYPE.to_value(),
        name,
        vec![TUPLE_TYPE.to_value()],
        &dict,
        &[],
    )?;
    if let Some(ty) = as_type(&t) {
        ty.flags.set(ty.flags.get() & !flags::BASETYPE);
        ty.slots.getattro.set(Some(structseq_getattro));
        ty.slots.setattro.set(Some(structseq_setattro));
        ty.slots.repr.set(Some(structseq_repr));
        ty.slots.new.set(Some(structseq_new));
        ty.set_qualname(name.to_string());
    }
    Ok(t)
}

/// An instance of struct-sequence type `ty` with `values`.
pub fn new_structseq(ty: &Value, values: Vec<Value>) -> Value {
    match as_type(ty) {
        Some(t) => new_tuple_of_type(t, values),
        None => new_tuple(values),
    }
}

fn fields_of(t: &PyType) -> Vec<Value> {
    t.lookup_str("_structseq_fields").and_then(|f| as_tuple(&f).map(|t| t.to_vec())).unwrap_or_default()
}

fn structseq_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let fields = fields_of(v.ty());
    if let Some(i) = fields.iter().position(|f| as_str(f) == as_str(name)) {
        if let Some(items) = as_tuple(v) {
            if let Some(x) = items.get(i) {
                return Ok(x.clone());
            }
        }
    }
    super::object::generic_getattr(vm, v, name)
}

/// Fields are read-only member descriptors in CPython; extra attributes (kept in the
/// instance dict, e.g. `os.stat_result.st_mtime`) are set natively only.
fn structseq_setattro(_vm: &mut Vm, v: &Value, name: &Value, _value: Option<&Value>) -> PyResult<()> {
    let t = v.ty();
    if fields_of(t).iter().any(|f| as_str(f) == as_str(name)) || t.lookup(name).is_some() {
        return Err(crate::vm::attribute_error(v, name, "readonly attribute".to_string()));
    }
    let module = super::typeobject_methods::type_module_name(t).unwrap_or_default();
    let tname = if module.is_empty() || module == "builtins" { t.name() } else { format!("{module}.{}", t.name()) };
    Err(crate::vm::attribute_error(
        v,
        name,
        format!("'{tname}' object has no attribute '{}' and no __dict__ for setting new attributes", as_str(name).unwrap_or("?")),
    ))
}

fn structseq_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = v.ty();
    let module = super::typeobject_methods::type_module_name(t).unwrap_or_default();
    let fields = fields_of(t);
    let items = as_tuple(v).unwrap_or(&[]).to_vec();
    let mut parts = Vec::new();
    for (f, x) in fields.iter().zip(items.iter()) {
        parts.push(format!("{}={}", as_str(f).unwrap_or("?"), crate::vm::ops::repr_string(vm, x)?));
    }
    let prefix = if module.is_empty() || module == "builtins" { t.name() } else { format!("{module}.{}", t.name()) };
    Ok(new_string(format!("{prefix}({})", parts.join(", "))))
}

fn structseq_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    let t = as_type(cls).ok_or_else(|| type_error("structseq expected"))?;
    let n = fields_of(t).len();
    let seq = pos.first().ok_or_else(|| type_error(format!("{}() missing required argument 'sequence' (pos 1)", t.name())))?;
    let items = crate::vm::ops::collect_iter(vm, seq)?;
    if items.len() != n {
        return Err(type_error(format!(
            "{}.{}() takes a {}-sequence ({}-sequence given)",
            super::typeobject_methods::type_module_name(t).unwrap_or_default(),
            t.name(),
            n,
            items.len()
        )));
    }
    Ok(heap::alloc(t, super::tuple::PyTuple::payload(items)))
}
