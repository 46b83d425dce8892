//! Native modules: what CPython writes in C, Taipan writes here, with the same names.
//!
//! Each module declares a [`ModuleDef`]: its name, its functions (declared once as
//! [`MethodDef`]s) and an `init` hook that adds types and constants.  `BUILTIN_MODULES`
//! is the registry the import system consults before searching `sys.path`
//! (CPython's `PyImport_Inittab`).

pub mod builtins;
pub mod gc;
pub mod io;
pub mod io_memory;
pub mod io_base;
pub mod signal;
pub mod sys;
pub mod weakref;
pub mod math;
pub mod itertools;
pub mod time;
pub mod functools;
pub mod operator;
pub mod sre;
pub mod collections;
pub mod thread;
pub mod errno;
pub mod codecs;
pub mod string;
pub mod atexit;
pub mod contextvars;
pub mod posix;
pub mod posixsubprocess;
pub mod imp;
pub mod warnings;
pub mod tracemalloc;
pub mod lsprof;
pub mod marshal;
pub mod typing;
pub mod ast;
pub mod opcode;
pub mod tokenize;
pub mod random;
pub mod structmod;
pub mod binascii;
pub mod zlib;
pub mod socket;
pub mod select;
pub mod unicodedata;
pub mod cmath;
pub mod hash;
pub mod array;
pub mod csv;

use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

pub struct ModuleDef {
    pub name: &'static str,
    pub doc: Option<&'static str>,
    pub methods: &'static [MethodDef],
    /// Adds types, constants and state to the freshly created module.
    pub init: Option<fn(&mut Vm, &Value) -> PyResult<()>>,
}

/// State kept by native modules between calls.
#[derive(Default)]
pub struct ModulesState {
    /// `_warnings._filters_mutated()` count (registries made under older filters reset).
    pub warnings_filters_version: u64,
    pub gc_enabled: bool,
    pub gc_callbacks: Option<Value>,
    pub gc_garbage: Option<Value>,
    pub gc_debug: i64,
    pub switch_interval: f64,
    /// `_codecs`: search functions, the lookup cache and the error handlers.
    pub codec_search_path: Vec<Value>,
    pub codec_cache: Option<Value>,
    pub codec_errors: Option<Value>,
    /// `posix`: the `os.stat_result` type.
    pub posix_stat_result: Option<Value>,
    /// `atexit`: registered callbacks, oldest first.
    pub atexit: Vec<atexit::Callback>,
    /// `_contextvars`: the current context and the `Token.MISSING` marker.
    pub current_context: Option<Value>,
    pub context_missing: Option<Value>,
    /// `posix.register_at_fork` callbacks.
    pub fork_hooks: posix::process::ForkHooks,
}

/// Every native module, by import name.
pub fn builtin_modules() -> &'static [&'static ModuleDef] {
    BUILTIN_MODULES
}

static BUILTIN_MODULES: &[&ModuleDef] = &[&builtins::MODULE, &sys::MODULE, &gc::MODULE, &weakref::MODULE, &math::MODULE, &itertools::MODULE, &time::MODULE, &functools::MODULE, &operator::MODULE, &sre::MODULE, &collections::MODULE, &thread::MODULE, &errno::MODULE, &codecs::MODULE, &string::MODULE, &atexit::MODULE, &contextvars::MODULE, &posix::MODULE, &posixsubprocess::MODULE, &imp::MODULE, &warnings::MODULE, &tracemalloc::MODULE, &lsprof::MODULE, &marshal::MODULE, &io::MODULE, &typing::MODULE, &signal::MODULE, &tokenize::MODULE, &random::MODULE, &structmod::MODULE, &binascii::MODULE, &socket::MODULE, &select::MODULE, &unicodedata::MODULE, &cmath::MODULE, &hash::md5::MODULE, &hash::sha1::MODULE, &hash::sha2::MODULE, &hash::sha3::MODULE, &hash::blake2::MODULE, &zlib::MODULE, &ast::MODULE, &opcode::MODULE, &array::MODULE, &csv::MODULE];

pub fn find_builtin(name: &str) -> Option<&'static ModuleDef> {
    builtin_modules().iter().copied().find(|m| m.name == name)
}

/// Creates a module object from its definition (functions bound to the module).
pub fn create_module(vm: &mut Vm, def: &'static ModuleDef) -> PyResult<Value> {
    let module = crate::objects::module::new_module(def.name, def.doc);
    let dict = crate::objects::module::module_dict(&module);
    for m in def.methods {
        let f = crate::objects::function::new_builtin_function(m, Some(module.clone()), def.name);
        crate::objects::dict::PyDict::set_str(&dict, m.name, f);
    }
    if let Some(init) = def.init {
        init(vm, &module)?;
    }
    Ok(module)
}

/// Sets `module.name = value`.
pub fn add_object(module: &Value, name: &str, value: Value) {
    let dict = crate::objects::module::module_dict(module);
    crate::objects::dict::PyDict::set_str(&dict, name, value);
}

/// `warnings.warn(msg, category)`, falling back to printing the warning.
pub fn warnings_warn(vm: &mut Vm, category: &crate::objects::typeobject::PyType, msg: &str) {
    let result = crate::vm::import::import_module(vm, "warnings").and_then(|w| {
        let f = crate::vm::ops::getattr_str(vm, &w, "warn")?;
        crate::vm::call::call(vm, &f, &[crate::objects::str::new_str(msg), category.to_value()])
    });
    if result.is_err() {
        sys::write_stderr(vm, &format!("{}: {}\n", category.name(), msg));
    }
}
