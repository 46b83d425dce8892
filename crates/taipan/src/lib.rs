//! Taipan: a Python 3.13 implementation in Rust.
//!
//! The crate is layered (see `docs/architecture.md`):
//! - `runtime`: values, the heap, reference counting, the cycle collector (the `unsafe`
//!   code lives here);
//! - `objects`: the built-in types (CPython's `Objects/`);
//! - `vm`: frames, the eval loop, calls, imports, tracebacks (CPython's `Python/`);
//! - `modules`: native modules (CPython's `Modules/`);
//! - [`Interpreter`]: the embedding API the `taipan` binary is a client of.

pub mod modules;
pub mod objects;
pub mod runtime;
pub mod vm;

use objects::dict::PyDict;
use objects::str::new_str;
use runtime::value::Value;
use vm::{Config, PyErr, PyResult, Vm};

/// Compiles source into a code object, mapping compile errors to Python exceptions.
pub fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: taipan_compiler::Mode) -> PyResult<Value> {
    let opts = taipan_compiler::CompileOptions { optimize: vm.config.optimize };
    match taipan_compiler::compile(source, filename, mode, opts) {
        Ok(code) => Ok(objects::code::new_code(vm, std::rc::Rc::new(code))),
        Err(e) => Err(compile_error_to_exception(&e)),
    }
}

fn compile_error_to_exception(e: &taipan_compiler::CompileError) -> PyErr {
    use objects::exceptions::*;
    use taipan_compiler::SyntaxErrorKind;
    if e.msg == taipan_compiler::NULL_BYTES_MSG {
        return PyErr::new(&SYNTAX_ERROR, e.msg.clone());
    }
    if e.msg == taipan_compiler::RECURSION_MSG {
        return PyErr::new(&RECURSION_ERROR, e.msg.clone());
    }
    if e.msg == taipan_compiler::PARSER_STACK_MSG {
        return PyErr::new(&MEMORY_ERROR, e.msg.clone());
    }
    let ty = match e.kind {
        SyntaxErrorKind::SyntaxError => &SYNTAX_ERROR,
        SyntaxErrorKind::IndentationError => &INDENTATION_ERROR,
        SyntaxErrorKind::TabError => &TAB_ERROR,
    };
    let int = objects::int::new_int;
    let text = match &e.text {
        Some(t) => new_str(t),
        None => objects::singletons::none(),
    };
    let details = objects::tuple::new_tuple(vec![
        new_str(&e.filename),
        int(e.lineno as i64),
        int(e.offset as i64),
        text,
        int(e.end_lineno as i64),
        int(e.end_offset as i64),
    ]);
    PyErr::with_args(ty, vec![new_str(&e.msg), details])
}

static INIT: std::sync::Once = std::sync::Once::new();

/// One-time process set-up: built-in types and string hashing.
fn init_runtime(hash_seed: Option<u64>) {
    INIT.call_once(|| {
        objects::str::init_hash_key(hash_seed);
        objects::init_types();
        modules::io::init_types();
        for t in modules::io::FILE_TYPES {
            objects::typeobject_methods::init_static_type(t);
        }
        runtime::signals::install();
    });
}

impl Vm {
    /// Creates an interpreter: builtins, sys, and the `__main__` module.
    pub fn new(config: Config) -> PyResult<Vm> {
        init_runtime(config.hash_seed);
        let sys_modules = PyDict::new_value();
        let marker = 0u8;
        let mut vm = Vm {
            frames: Vec::new(),
            current_frame: std::ptr::null(),
            builtins: objects::singletons::none(),
            builtins_dict: PyDict::new_value(),
            sys_modules: sys_modules.clone(),
            sys: objects::singletons::none(),
            exc_info: None,
            depth: 0,
            recursion_limit: 1000,
            stack_base: &marker as *const u8 as usize,
            stack_size: 200 << 20,
            config,
            modules_state: modules::ModulesState { gc_enabled: true, switch_interval: 0.005, ..Default::default() },
            int_max_str_digits: 4300,
            reraising: false,
            unwind_at: None,
            exec_stack: Vec::new(),
            trace_func: None,
            tracing: false,
            profile_func: None,
            repr_stack: Default::default(),
            native_depth: 0,
            frame_pool: Vec::new(),
        };
        let builtins = modules::create_module(&mut vm, &modules::builtins::MODULE)?;
        vm.builtins_dict = objects::module::module_dict(&builtins);
        vm.builtins = builtins.clone();
        PyDict::set_str(&sys_modules, "builtins", builtins);
        let sys = modules::create_module(&mut vm, &modules::sys::MODULE)?;
        vm.sys = sys.clone();
        PyDict::set_str(&sys_modules, "sys", sys.clone());
        let builtins = vm.builtins.clone();
        vm::import::init_builtin_module_attrs(&mut vm, &builtins, "builtins")?;
        vm::import::init_builtin_module_attrs(&mut vm, &sys, "sys")?;
        let main = objects::module::new_module("__main__", None);
        let md = objects::module::module_dict(&main);
        PyDict::set_str(&md, "__builtins__", vm.builtins.clone());
        PyDict::set_str(&md, "__annotations__", PyDict::new_value());
        PyDict::set_str(&sys_modules, "__main__", main);
        Ok(vm)
    }

    /// Sets the native stack budget (the binary runs Python on a thread with a big stack).
    pub fn set_stack_limit(&mut self, base: usize, size: usize) {
        self.stack_base = base;
        self.stack_size = size;
    }

    pub fn main_dict(&self) -> Value {
        let m = PyDict::get_str(&self.sys_modules, "__main__").unwrap_or_else(objects::singletons::none);
        objects::module::module_dict(&m)
    }

    /// Counts a native re-entry (CPython's C recursion limit): RecursionError past
    /// `NATIVE_RECURSION_LIMIT` nested calls or when the native stack runs low.
    #[inline]
    pub fn enter_native(&mut self) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth > vm::NATIVE_RECURSION_LIMIT {
            self.native_depth -= 1;
            return Err(vm::recursion_error());
        }
        if let Err(e) = self.check_native_stack() {
            self.native_depth -= 1;
            return Err(e);
        }
        Ok(())
    }

    #[inline]
    pub fn leave_native(&mut self) {
        self.native_depth -= 1;
    }

    /// `Py_ReprEnter`: false when `v` is already being repr'd (recursive containers).
    pub fn repr_enter(&mut self, v: &Value) -> bool {
        self.repr_stack.insert(v.word())
    }

    pub fn repr_leave(&mut self, v: &Value) {
        self.repr_stack.remove(&v.word());
    }

    /// The executing frame, if any (see `vm::frame` invariant 3).
    pub fn current_frame_ref(&self) -> Option<&vm::frame::Frame> {
        if self.current_frame.is_null() {
            None
        } else {
            // Valid while the loop that set it runs; callers use it during their call only.
            Some(unsafe { &*self.current_frame })
        }
    }

    pub fn current_globals(&self) -> Option<Value> {
        self.current_frame_ref().map(|f| f.globals.clone())
    }

    /// `locals()`: the mapping of module/class code, or a snapshot of a function's
    /// variables (PEP 667).
    pub fn current_locals(&self) -> Option<Value> {
        let f = self.current_frame_ref()?;
        if let Some(l) = &f.locals {
            return Some(l.clone());
        }
        let code = f.code();
        let d = PyDict::new_value();
        for (i, name) in code.code.varnames.iter().enumerate() {
            if let Some(Some(v)) = f.fast.get(i) {
                PyDict::set_str(&d, name, v.clone());
            }
        }
        for (i, name) in code.code.cellvars.iter().chain(code.code.freevars.iter()).enumerate() {
            if let Some(v) = f.cells.get(i).and_then(|c| c.downcast::<objects::cell::PyCell>()).and_then(|c| c.get()) {
                PyDict::set_str(&d, name, v);
            }
        }
        Some(d)
    }

    /// `sys._getframe(depth)` as a frame snapshot.
    /// The chain of `f_back` links is built with it, outermost frame first.
    /// The active frames, outermost first: each eval loop's suspended callers, then
    /// the frame it was executing when it called into native code, ..., then the
    /// executing frame.
    pub fn frame_chain(&self) -> Vec<&vm::frame::Frame> {
        let mut chain: Vec<&vm::frame::Frame> = Vec::with_capacity(self.frames.len() + 1);
        let mut prev = 0;
        for &(base, caller) in &self.exec_stack {
            let base = base.min(self.frames.len());
            chain.extend(self.frames[prev.min(base)..base].iter().map(|b| &**b));
            if !caller.is_null() {
                // Valid: the loop executing it is suspended below the current one.
                chain.push(unsafe { &*caller });
            }
            prev = base;
        }
        chain.extend(self.frames[prev.min(self.frames.len())..].iter().map(|b| &**b));
        if let Some(cur) = self.current_frame_ref() {
            chain.push(cur);
        }
        chain
    }

    /// `sys._getframe(depth)`: the frame object of the active frame `depth` levels
    /// below the current one, with its `f_back` chain.
    pub fn frame_at_depth(&self, depth: usize) -> Option<Value> {
        let chain = self.frame_chain();
        if depth >= chain.len() {
            return None;
        }
        let top = chain.len() - 1 - depth;
        let mut back = None;
        for f in &chain[..=top] {
            back = Some(vm::traceback::live_frame_object(f, back));
        }
        back
    }

    /// Runs a class body function with `ns` as its locals; returns its result (the
    /// `__class__` cell or None).
    pub fn run_class_body(&mut self, func: &Value, ns: &Value) -> PyResult<Option<Value>> {
        let mut frame = vm::frame::bind_function_frame(self, func, &[], &[])?;
        frame.locals = Some(ns.clone());
        let r = self.run_frame(frame)?;
        Ok(if objects::singletons::is_none(&r) { None } else { Some(r) })
    }

    /// Reports an exception that cannot be raised (`PyErr_WriteUnraisable`).
    /// `PyErr_WriteUnraisable`: `msg` None means the default "Exception ignored in".
    pub fn write_unraisable(&mut self, err: &PyErr, obj: Option<&Value>, msg: Option<&str>) {
        let exc = err.exc.clone();
        let args = objects::namespace::new_namespace(vec![
            ("exc_type", exc.ty().to_value()),
            ("exc_value", exc.clone()),
            ("exc_traceback", objects::exceptions::traceback_of(&exc).unwrap_or_else(objects::singletons::none)),
            ("err_msg", msg.map(new_str).unwrap_or_else(objects::singletons::none)),
            ("object", obj.cloned().unwrap_or_else(objects::singletons::none)),
        ]);
        let hook = modules::sys::get_sys_attr(self, "unraisablehook");
        let ok = match hook {
            Some(h) => vm::call::call(self, &h, &[args]).is_ok(),
            None => false,
        };
        if !ok {
            let text = vm::traceback::format_exception(self, &exc);
            eprint!("{}: \n{text}", msg.unwrap_or("Exception ignored in"));
        }
    }

    /// Runs `source` as the `__main__` module (a script or `-c` code).
    pub fn run_main_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        let code = compile_source(self, source, filename, taipan_compiler::Mode::Exec)?;
        let globals = self.main_dict();
        if filename != "<string>" {
            PyDict::set_str(&globals, "__file__", new_str(filename));
        }
        PyDict::set_str(&globals, "__cached__", objects::singletons::none());
        let frame = vm::frame::Frame::for_module(code, globals.clone(), Some(globals), self.builtins_dict.clone());
        let r = self.run_frame(frame);
        self.run_pending()?;
        r
    }

    /// Flushes the standard streams (at exit).
    pub fn flush_std_streams(&mut self) {
        for n in ["stdout", "stderr"] {
            if let Some(f) = modules::sys::get_sys_attr(self, n) {
                if modules::io::is_native_stream(&f) {
                    modules::io::flush_quietly(&f);
                } else if !objects::singletons::is_none(&f) {
                    let _ = vm::call::call_method(self, &f, "flush", &[]);
                }
            }
        }
    }

    /// Handles an exception that reached the top level: `SystemExit` gives the exit
    /// status; anything else goes through `sys.excepthook` and gives 1.
    pub fn handle_uncaught(&mut self, err: PyErr) -> i32 {
        let exc = err.exc;
        if exc.ty().is_subtype(&objects::exceptions::SYSTEM_EXIT) {
            return self.system_exit_status(&exc);
        }
        let _ = modules::sys::flush_stdout(self);
        let hook = modules::sys::get_sys_attr(self, "excepthook");
        let tb = objects::exceptions::traceback_of(&exc).unwrap_or_else(objects::singletons::none);
        match hook {
            Some(h) => {
                if let Err(e2) = vm::call::call(self, &h, &[exc.ty().to_value(), exc.clone(), tb]) {
                    modules::sys::write_stderr(self, "Error in sys.excepthook:\n");
                    vm::traceback::print_exception(self, &e2.exc);
                    modules::sys::write_stderr(self, "\nOriginal exception was:\n");
                    vm::traceback::print_exception(self, &exc);
                }
            }
            None => {
                modules::sys::write_stderr(self, "sys.excepthook is missing\n");
                vm::traceback::print_exception(self, &exc);
            }
        }
        if exc.ty().is_subtype(&objects::exceptions::KEYBOARD_INTERRUPT) {
            // As CPython: the process then ends by SIGINT (`runtime::signals`).
            runtime::signals::UNHANDLED_INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
            return 130;
        }
        1
    }

    fn system_exit_status(&mut self, exc: &Value) -> i32 {
        let code = objects::exceptions::get_attr_field(exc, "code").unwrap_or_else(objects::singletons::none);
        if objects::singletons::is_none(&code) {
            return 0;
        }
        if let Some(i) = objects::int::as_int(&code) {
            return i.to_i64().map(|v| v as i32).unwrap_or(-1);
        }
        let _ = modules::sys::flush_stdout(self);
        let s = vm::ops::str_string(self, &code).unwrap_or_default();
        modules::sys::write_stderr(self, &format!("{s}\n"));
        1
    }
}

/// The embedding API: an interpreter with its configuration.
pub struct Interpreter {
    pub vm: Vm,
    finalized: bool,
}

impl Drop for Interpreter {
    fn drop(&mut self) {
        self.finalize();
    }
}

impl Interpreter {
    pub fn new(config: Config) -> Result<Interpreter, String> {
        match Vm::new(config) {
            Ok(mut vm) => {
                // CPython's start-up imports `encodings` (the codec search function;
                // `encodings.CodecRegistryError` is a LookupError subclass programs see).
                // Without a standard library there is nothing to import.
                if vm.config.stdlib.is_some() {
                    let _ = vm::import::import_module(&mut vm, "encodings");
                }
                Ok(Interpreter { vm, finalized: false })
            }
            Err(e) => Err(format!("failed to start the interpreter: {}", e.exc.ty().name())),
        }
    }

    /// Runs `source` in `__main__`; returns the process exit status.
    pub fn run_source(&mut self, source: &str, filename: &str) -> i32 {
        let r = self.vm.run_main_source(source, filename);
        let status = match r {
            Ok(_) => 0,
            Err(e) => self.vm.handle_uncaught(e),
        };
        self.finish(status)
    }

    /// Runs pending finalizers and flushes the standard streams.
    pub fn finish(&mut self, status: i32) -> i32 {
        let _ = self.vm.run_pending();
        self.vm.flush_std_streams();
        status
    }

    /// Shuts the interpreter down, as `Py_FinalizeEx` does: runs the `atexit`
    /// callbacks, then clears `__main__` (so objects held by its globals see their
    /// `__del__` run) and collects cycles. Runs once; dropping the interpreter calls it.
    pub fn finalize(&mut self) {
        if self.finalized {
            return;
        }
        self.finalized = true;
        let vm = &mut self.vm;
        let _ = vm.run_pending();
        modules::atexit::run_exitfuncs(vm);
        let _ = vm.run_pending();
        vm.flush_std_streams();
        // _PyModule_ClearDict: names with one leading underscore first, then the
        // rest; values become None, `__builtins__` stays.
        let main = vm.main_dict();
        for pass in 0..2 {
            for k in PyDict::keys_vec(&main) {
                let Some(name) = objects::str::as_str(&k) else { continue };
                let underscore = name.starts_with('_') && !name.starts_with("__");
                if name == "__builtins__" || (pass == 0 && !underscore) {
                    continue;
                }
                let _ = PyDict::set_item(vm, &main, k.clone(), objects::singletons::none());
                let _ = vm.run_pending();
            }
        }
        runtime::gc::collect(vm, 2);
        let _ = vm.run_pending();
        vm.flush_std_streams();
    }

    /// Evaluates an expression in `__main__`.
    pub fn eval(&mut self, expr: &str) -> PyResult<Value> {
        let code = compile_source(&mut self.vm, expr, "<string>", taipan_compiler::Mode::Eval)?;
        let g = self.vm.main_dict();
        let frame = vm::frame::Frame::for_module(code, g.clone(), Some(g), self.vm.builtins_dict.clone());
        self.vm.run_frame(frame)
    }
}
