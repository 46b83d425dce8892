//! The virtual machine: interpreter state, calls, errors and the eval loop.
//!
//! `Vm` is CPython's `PyThreadState` + `PyInterpreterState` rolled into one (Taipan runs
//! one thread of Python at a time for now).  Every native function receives `&mut Vm`.

pub mod args;
pub mod call;
pub mod eval;
pub mod eval_ops;
pub mod frame;
pub mod import;
pub mod ops;
pub mod source;
pub mod suggestions;
pub mod trace;
pub mod traceback;

use crate::objects::exceptions;
use crate::objects::typeobject::PyType;
use crate::runtime::value::Value;

pub use args::{Args, Sig};
pub use frame::Frame;

/// A raised Python exception: always an instance of `BaseException`.
#[derive(Clone, Debug)]
pub struct PyErr {
    pub exc: Value,
}

pub type PyResult<T = Value> = Result<T, PyErr>;

/// A built-in function or method implemented in Rust.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult<Value>;

impl PyErr {
    /// `ty(msg)`.
    pub fn new(ty: &PyType, msg: impl Into<String>) -> PyErr {
        let msg = crate::objects::str::new_str(&msg.into());
        PyErr { exc: exceptions::new_exception(ty, vec![msg]) }
    }
    /// `ty()` with no arguments.
    pub fn new_empty(ty: &PyType) -> PyErr {
        PyErr { exc: exceptions::new_exception(ty, vec![]) }
    }
    /// `ty(*args)`.
    pub fn with_args(ty: &PyType, args: Vec<Value>) -> PyErr {
        PyErr { exc: exceptions::new_exception(ty, args) }
    }
    pub fn from_value(exc: Value) -> PyErr {
        PyErr { exc }
    }
    /// Whether the exception is an instance of `ty`.
    pub fn matches(&self, ty: &PyType) -> bool {
        self.exc.ty().is_subtype(ty)
    }
}

/// Shorthands for the common errors.
pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::TYPE_ERROR, msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::VALUE_ERROR, msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::INDEX_ERROR, msg)
}
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::OVERFLOW_ERROR, msg)
}
pub fn zero_division_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::ZERO_DIVISION_ERROR, msg)
}
pub fn runtime_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::RUNTIME_ERROR, msg)
}
pub fn not_implemented_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::NOT_IMPLEMENTED_ERROR, msg)
}
pub fn memory_error() -> PyErr {
    PyErr::new_empty(&exceptions::MEMORY_ERROR)
}
pub fn system_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(&exceptions::SYSTEM_ERROR, msg)
}
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&exceptions::KEY_ERROR, vec![key])
}
pub fn stop_iteration(value: Option<Value>) -> PyErr {
    match value {
        Some(v) => PyErr::with_args(&exceptions::STOP_ITERATION, vec![v]),
        None => PyErr::new_empty(&exceptions::STOP_ITERATION),
    }
}
/// CPython 3.13's C recursion limit (`Py_C_RECURSION_LIMIT`).
pub const NATIVE_RECURSION_LIMIT: usize = 10_000;

pub fn recursion_error_with(msg: String) -> PyErr {
    PyErr::new(&exceptions::RECURSION_ERROR, msg)
}
pub fn recursion_error() -> PyErr {
    PyErr::new(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded")
}
/// `AttributeError` with CPython's `name` and `obj` attributes set.
pub fn attribute_error(obj: &Value, name: &Value, msg: String) -> PyErr {
    let err = PyErr::new(&exceptions::ATTRIBUTE_ERROR, msg);
    exceptions::set_attr_fields(&err.exc, "name", name.clone());
    exceptions::set_attr_fields(&err.exc, "obj", obj.clone());
    err
}

/// Configuration of one interpreter (command line and environment).
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub argv: Vec<String>,
    /// `sys.path` entries before the standard library.
    pub path: Vec<String>,
    /// CPython 3.13's `Lib` folder, when found.
    pub stdlib: Option<String>,
    pub stdlib_searched: Vec<String>,
    pub executable: String,
    pub dev_mode: bool,
    pub isolated: bool,
    pub ignore_environment: bool,
    pub dont_write_bytecode: bool,
    pub unbuffered: bool,
    pub inspect: bool,
    pub interactive: bool,
    pub quiet: bool,
    pub optimize: u8,
    pub verbose: u8,
    pub safe_path: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub warnoptions: Vec<String>,
    pub xoptions: Vec<String>,
    pub hash_seed: Option<u64>,
}

/// The interpreter state.
pub struct Vm {
    /// Suspended caller frames of the running eval loops (the executing frame is owned by
    /// the innermost loop; `current_frame` points at it).
    pub frames: Vec<Box<Frame>>,
    /// The executing frame, or null between calls (see `vm::frame`'s invariants).
    pub(crate) current_frame: *const Frame,
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys_modules: Value,
    pub sys: Value,
    /// The exception being handled (`sys.exception()`), or None.
    pub exc_info: Option<Value>,
    /// Python frames plus native re-entries currently active.
    pub depth: usize,
    pub recursion_limit: usize,
    /// Address near the bottom of the native stack, and how much may be used.
    pub(crate) stack_base: usize,
    pub(crate) stack_size: usize,
    pub config: Config,
    /// `sys.flags`-relevant and misc state of native modules.
    pub modules_state: crate::modules::ModulesState,
    pub int_max_str_digits: usize,
    /// Set by re-raising instructions so the unwinder adds no traceback entry.
    pub(crate) reraising: bool,
    /// Instruction index the exception-table search starts from after a `Reraise`.
    pub(crate) unwind_at: Option<usize>,
    /// Objects whose `repr` is in progress (`Py_ReprEnter`).
    pub(crate) repr_stack: std::collections::HashSet<usize>,
    /// Nested native re-entries (repr of nested containers, dunders called from Rust).
    pub(crate) native_depth: usize,
    /// Finished frames kept for reuse (their vectors keep their capacity).
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// One entry per eval loop below the innermost: the length of `frames` when the
    /// next loop started and the frame its caller loop was executing (so the whole
    /// chain of active frames can be walked, `Vm::frame_chain`).
    pub(crate) exec_stack: Vec<(usize, *const Frame)>,
    /// `sys.settrace`'s function, and whether a trace function is running now.
    pub trace_func: Option<Value>,
    pub(crate) tracing: bool,
    /// `sys.setprofile`'s function.
    pub profile_func: Option<Value>,
}

impl Vm {
    /// Raises `RecursionError` when Python recursion or the native stack is too deep.
    #[inline]
    pub fn check_recursion(&self) -> PyResult<()> {
        if self.depth > self.recursion_limit {
            return Err(recursion_error());
        }
        self.check_native_stack()
    }

    /// Guards native re-entry (a dunder called from Rust, a deep `repr`): raises
    /// RecursionError before the native stack runs out, whatever the recursion limit.
    #[inline]
    pub fn check_native_stack(&self) -> PyResult<()> {
        let here = &self as *const _ as usize;
        let used = self.stack_base.saturating_sub(here);
        if used > self.stack_size {
            return Err(recursion_error());
        }
        Ok(())
    }
}
