//! The `_imp` module: the native half of `importlib`.  Mirrors CPython's
//! `Python/import.c` (`_imp` functions) for an interpreter with built-in modules and
//! no frozen modules, extension modules or bytecode caches.

use super::ModuleDef;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, none};
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyErr, PyResult, Vm};

fn name_arg(v: &Value, fname: &str) -> PyResult<String> {
    as_str(v)
        .map(str::to_string)
        .ok_or_else(|| type_error(format!("{fname}() argument must be str, not {}", v.ty().name())))
}

/// `_imp.is_builtin(name)`: 1 for a native module, -1 for `sys`/`builtins` (which
/// cannot be initialised again), 0 otherwise.
fn imp_is_builtin(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("is_builtin")?;
    let name = name_arg(name, "is_builtin")?;
    Ok(new_int(match name.as_str() {
        "sys" | "builtins" => -1,
        n if super::find_builtin(n).is_some() => 1,
        _ => 0,
    }))
}

/// `_imp.create_builtin(spec)`: the module for `spec.name`; a native module already in
/// `sys.modules` is handed back (Taipan's native modules are initialised once).
fn imp_create_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [spec] = args.exact::<1>("create_builtin")?;
    let name_v = crate::vm::ops::getattr_str(vm, spec, "name")?;
    let name = as_str(&name_v)
        .map(str::to_string)
        .ok_or_else(|| type_error(format!("name must be string, not {}", name_v.ty().name())))?;
    if let Some(m) = PyDict::get_str(&vm.sys_modules, &name).filter(|m| crate::objects::module::as_module(m).is_some()) {
        return Ok(m);
    }
    match super::find_builtin(&name) {
        Some(def) => super::create_module(vm, def),
        None => {
            let e = PyErr::new(&exceptions::IMPORT_ERROR, format!("no built-in module named {name}"));
            exceptions::set_attr_fields(&e.exc, "name", new_str(&name));
            Err(e)
        }
    }
}

fn imp_exec_builtin(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("exec_builtin")?;
    Ok(new_int(0))
}

fn imp_exec_dynamic(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("exec_dynamic")?;
    Ok(new_int(0))
}

fn imp_create_dynamic(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("create_dynamic", 1, 2)?;
    let name = crate::vm::ops::getattr_str(vm, &pos[0], "name")?;
    let name = crate::vm::ops::str_string(vm, &name)?;
    let e = PyErr::new(&exceptions::IMPORT_ERROR, format!("extension modules are not supported: {name}"));
    exceptions::set_attr_fields(&e.exc, "name", new_str(&name));
    Err(e)
}

fn imp_false_for_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("is_frozen")?;
    Ok(bool_value(false))
}

fn frozen_error(name: &Value) -> PyErr {
    let n = as_str(name).unwrap_or("?");
    let e = PyErr::new(&exceptions::IMPORT_ERROR, format!("No such frozen object named '{n}'"));
    exceptions::set_attr_fields(&e.exc, "name", name.clone());
    e
}

fn imp_find_frozen(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("find_frozen", 1, 1)?;
    Ok(none())
}

fn imp_get_frozen_object(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("get_frozen_object", 1, 2)?;
    Err(frozen_error(&pos[0]))
}

fn imp_is_frozen_package(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("is_frozen_package")?;
    Err(frozen_error(name))
}

fn imp_frozen_module_names(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_frozen_module_names", 0, 0)?;
    Ok(new_tuple(Vec::new()))
}

fn imp_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(none())
}

fn imp_lock_held(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("lock_held", 0, 0)?;
    Ok(bool_value(false))
}

fn imp_fix_co_filename(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<2>("_fix_co_filename")?;
    Ok(none())
}

fn imp_extension_suffixes(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("extension_suffixes", 0, 0)?;
    Ok(PyList::new_value(Vec::new()))
}

fn imp_override_multi_interp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("_override_multi_interp_extensions_check")?;
    Ok(new_int(-1))
}

/// `_imp._override_frozen_modules_for_tests(override)`: whether frozen modules are used
/// (tests force fresh imports with it).  Taipan loads the standard library from source
/// (its "frozen" modules only report `<frozen NAME>` filenames), so there is nothing to
/// switch; the call is accepted as CPython's is.
fn imp_override_frozen_modules(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [flag] = args.exact::<1>("_override_frozen_modules_for_tests")?;
    crate::vm::ops::index_value(vm, flag)?;
    Ok(crate::objects::singletons::none())
}

/// `_imp.source_hash(key, source)`: an 8-byte keyed hash of source bytes (only used
/// for hash-based .pyc files, which Taipan never reads).
fn imp_source_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::kw_req;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("source_hash", &[kw_req("key"), kw_req("source")]);
    let [key, source] = SIG.parse::<2>(args)?;
    let key = crate::vm::ops::index_value(vm, &key.unwrap_or_else(none))?;
    let source = crate::objects::bytes::as_bytes_like(&source.unwrap_or_else(none))
        .ok_or_else(|| type_error("a bytes-like object is required"))?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ key as u64;
    for b in source {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    Ok(new_bytes(h.to_le_bytes().to_vec()))
}

pub static IMP_METHODS: &[MethodDef] = &[
    MethodDef::method("is_builtin", imp_is_builtin),
    MethodDef::method("create_builtin", imp_create_builtin),
    MethodDef::method("exec_builtin", imp_exec_builtin),
    MethodDef::method("create_dynamic", imp_create_dynamic),
    MethodDef::method("exec_dynamic", imp_exec_dynamic),
    MethodDef::method("is_frozen", imp_false_for_name),
    MethodDef::method("find_frozen", imp_find_frozen),
    MethodDef::method("get_frozen_object", imp_get_frozen_object),
    MethodDef::method("is_frozen_package", imp_is_frozen_package),
    MethodDef::method("_frozen_module_names", imp_frozen_module_names),
    MethodDef::method("acquire_lock", imp_noop),
    MethodDef::method("release_lock", imp_noop),
    MethodDef::method("lock_held", imp_lock_held),
    MethodDef::method("_fix_co_filename", imp_fix_co_filename),
    MethodDef::method("extension_suffixes", imp_extension_suffixes),
    MethodDef::method("_override_multi_interp_extensions_check", imp_override_multi_interp),
    MethodDef::method("source_hash", imp_source_hash),
    MethodDef::method("_override_frozen_modules_for_tests", imp_override_frozen_modules),
];

fn init(_vm: &mut Vm, m: &Value) -> PyResult<()> {
    super::add_object(m, "check_hash_based_pycs", new_str("default"));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_imp",
    doc: Some("(Extremely) low-level import machinery bits as used by importlib."),
    methods: IMP_METHODS,
    init: Some(init),
};
