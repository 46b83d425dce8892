//! Frames: the activation records of Python code, and argument binding.
//!
//! Mirrors CPython's `_PyInterpreterFrame` (`Include/internal/pycore_frame.h`) and
//! `initialize_locals` in `Python/ceval.c`.
//!
//! Frame-stack invariants (see docs/architecture.md, "Frames"):
//! 1. A Python-to-Python call never recurses on the Rust stack: the eval loop owns the
//!    executing `Box<Frame>`, pushes its caller onto `Vm::frames` and continues with the
//!    callee; `ReturnValue` pops it back.  Each loop invocation remembers the depth of
//!    `Vm::frames` it started at and returns to its Rust caller when its base frame ends.
//! 2. A generator's frame lives in the generator object while suspended and is always
//!    the base frame of the loop invocation that resumes it.
//! 3. `Vm::current_frame` points at the frame the innermost loop is executing; natives
//!    that inspect their caller (`super()`, `locals()`) read it during their call only.

use super::{type_error, PyResult, Vm};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::function::PyFunction;
use crate::objects::str::{as_str, intern};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::runtime::value::Value;
use taipan_compiler::code::flags as co;

pub struct Frame {
    pub code: Value,
    pub func: Option<Value>,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class bodies (and `exec` code).
    pub locals: Option<Value>,
    pub fast: Vec<Option<Value>>,
    /// Cells for cellvars, then the closure's cells for freevars.
    pub cells: Vec<Value>,
    pub stack: Vec<Option<Value>>,
    /// Index of the next instruction.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    /// Exception handlers entered (PushExcInfo) and not yet left (PopExcept): a
    /// generator suspended with this above zero keeps its own handled exception.
    pub handlers: u32,
    /// The frame's Python frame object and tracing state, once asked for (by
    /// `sys._getframe`, `sys.settrace`); `None` for almost every frame.
    pub extra: std::cell::RefCell<Option<Box<FrameExtra>>>,
}

/// What a frame keeps once Python code has seen it as an object.
#[derive(Default)]
pub struct FrameExtra {
    /// The frame object: the same object every time this frame is asked for, so
    /// debuggers can compare frames with `is`.
    pub obj: Option<Value>,
    /// The trace function has been told of this activation ('call' sent).
    pub call_sent: bool,
    /// The profile function has been told of this activation.
    pub prof_sent: bool,
    /// Line and instruction of the previous line event.
    pub last_line: Option<u32>,
    pub last_ip: usize,
}

impl Frame {
    #[inline(always)]
    pub fn code(&self) -> &PyCode {
        // Frames are only built with code objects.
        unsafe { self.code.downcast_unchecked::<PyCode>() }
    }

    /// A frame for module-level or `exec` code.
    pub fn for_module(code: Value, globals: Value, locals: Option<Value>, builtins: Value) -> Box<Frame> {
        let c = code.downcast::<PyCode>().expect("module frames run code objects");
        let nfast = c.code.varnames.len();
        let ncells = c.code.cellvars.len() + c.code.freevars.len();
        let stacksize = c.code.stacksize as usize;
        let cells = (0..ncells).map(|_| crate::objects::cell::new_cell(None)).collect();
        Box::new(Frame {
            code,
            func: None,
            globals,
            builtins,
            locals,
            fast: vec![None; nfast],
            cells,
            stack: Vec::with_capacity(stacksize + 2),
            ip: 0,
            lasti: 0,
            extra: Default::default(),
            handlers: 0,
        })
    }

    pub fn line(&self) -> Option<u32> {
        self.code().line_of(self.lasti)
    }
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        _ => {
            let (last, rest) = names.split_last().expect("len >= 3");
            format!("{}, and {}", rest.join(", "), last)
        }
    }
}

/// Builds the frame for calling `func` with `args` (positional then keyword values,
/// named by `kwnames`), binding parameters as CPython's `initialize_locals` does.
/// Displays a function's `__qualname__` when formatted (for argument errors).
struct LazyQualname<'a>(&'a PyFunction);

impl std::fmt::Display for LazyQualname<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let q = self.0.qualname.borrow();
        f.write_str(as_str(&q).unwrap_or("?"))
    }
}

pub fn bind_function_frame(vm: &mut Vm, func_v: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Box<Frame>> {
    let func = func_v.downcast::<PyFunction>().ok_or_else(|| type_error("not a function"))?;
    let code_v = func.code_value();
    let pycode = func.code();
    let code = &pycode.code;
    // Only error messages need the name: format it lazily.
    let qualname = LazyQualname(func);
    let argcount = code.argcount as usize;
    let posonly = code.posonlyargcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & co::VARARGS != 0;
    let has_varkw = code.flags & co::VARKEYWORDS != 0;
    let nfast = code.varnames.len();
    // Reuse the locals vector of a pooled frame (recycle_frame left it empty).
    let mut fast: Vec<Option<Value>> = match vm.frame_pool.last_mut() {
        Some(f) => std::mem::take(&mut f.fast),
        None => Vec::new(),
    };
    fast.resize(nfast, None);
    let npos = args.len() - kwnames.len();
    let positional = &args[..npos];
    let kwvalues = &args[npos..];

    // Positional arguments.
    let n = npos.min(argcount);
    for (i, a) in positional.iter().take(n).enumerate() {
        fast[i] = Some(a.clone());
    }
    let varkw_index = argcount + kwonly + has_varargs as usize;
    let kwdict = if has_varkw { Some(PyDict::new_value()) } else { None };
    if has_varargs {
        let extra = if npos > argcount { positional[argcount..].to_vec() } else { Vec::new() };
        fast[argcount + kwonly] = Some(new_tuple(extra));
    }
    // Keyword arguments.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for (name, value) in kwnames.iter().zip(kwvalues.iter()) {
        let Some(name_s) = as_str(name) else {
            return Err(type_error(format!("{qualname}() keywords must be strings")));
        };
        let mut found = None;
        for (i, vn) in code.varnames.iter().enumerate().take(argcount + kwonly).skip(posonly) {
            if vn.as_ref() == name_s {
                found = Some(i);
                break;
            }
        }
        match found {
            Some(i) => {
                if fast[i].is_some() {
                    return Err(type_error(format!("{qualname}() got multiple values for argument '{name_s}'")));
                }
                fast[i] = Some(value.clone());
            }
            None => {
                if let Some(d) = &kwdict {
                    PyDict::set_item(vm, d, name.clone(), value.clone())?;
                    continue;
                }
                if code.varnames.iter().take(posonly).any(|v| v.as_ref() == name_s) {
                    posonly_as_kw.push(name_s.to_string());
                    continue;
                }
                let candidates: Vec<String> =
                    code.varnames.iter().take(argcount + kwonly).skip(posonly).map(|v| v.to_string()).collect();
                return Err(type_error(match super::suggestions::closest(&candidates, name_s) {
                    Some(s) => format!("{qualname}() got an unexpected keyword argument '{name_s}'. Did you mean '{s}'?"),
                    None => format!("{qualname}() got an unexpected keyword argument '{name_s}'"),
                }));
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    if let Some(d) = kwdict {
        fast[varkw_index] = Some(d);
    }
    // Too many positional arguments.
    if npos > argcount && !has_varargs {
        let defaults = func.defaults.borrow().clone();
        let ndefaults = defaults.as_ref().and_then(as_tuple).map(|t| t.len()).unwrap_or(0);
        let kwonly_given = (argcount..argcount + kwonly).filter(|i| fast[*i].is_some()).count();
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else if npos == 1 {
            "1 was given".to_string()
        } else {
            format!("{npos} were given")
        };
        return Err(type_error(format!("{qualname}() takes {takes} but {given}")));
    }
    // Defaults for missing positional parameters.
    if npos < argcount {
        let defaults = func.defaults.borrow().clone();
        let defaults: Vec<Value> = defaults.as_ref().and_then(as_tuple).map(|t| t.to_vec()).unwrap_or_default();
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in npos..argcount {
            if fast[i].is_none() {
                if i >= first_default {
                    fast[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(format!("'{}'", code.varnames[i]));
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
    }
    // Keyword-only defaults.
    if kwonly > 0 {
        let kwdefaults = func.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if fast[i].is_none() {
                let name = intern(&code.varnames[i]);
                let d = kwdefaults.as_ref().and_then(|d| PyDict::get_str_item(d, &name));
                match d {
                    Some(v) => fast[i] = Some(v),
                    None => missing.push(format!("'{}'", code.varnames[i])),
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
    }
    // Cells: cellvars (initialised from arguments when shadowed), then the closure.
    let mut cells = Vec::with_capacity(code.cellvars.len() + code.freevars.len());
    for (i, _) in code.cellvars.iter().enumerate() {
        let init = code.cell2arg.get(i).copied().flatten().and_then(|a| fast[a as usize].clone());
        cells.push(crate::objects::cell::new_cell(init));
    }
    if let Some(closure) = &func.closure {
        if let Some(t) = as_tuple(closure) {
            cells.extend(t.iter().cloned());
        }
    }
    let stacksize = code.stacksize as usize;
    Ok(make_frame(vm, func_v, func, code_v, fast, cells, stacksize))
}

/// A frame for `func` with its locals and cells bound, from the pool when possible.
fn make_frame(
    vm: &mut Vm,
    func_v: &Value,
    func: &PyFunction,
    code_v: Value,
    fast: Vec<Option<Value>>,
    cells: Vec<Value>,
    stacksize: usize,
) -> Box<Frame> {
    if let Some(mut frame) = vm.frame_pool.pop() {
        frame.code = code_v;
        frame.func = Some(func_v.clone());
        frame.globals = func.globals.clone();
        frame.builtins = func.builtins.clone();
        frame.fast = fast;
        frame.cells = cells;
        frame.stack.reserve(stacksize + 2);
        frame.ip = 0;
        frame.lasti = 0;
        frame.handlers = 0;
        return frame;
    }
    Box::new(Frame {
        code: code_v,
        func: Some(func_v.clone()),
        globals: func.globals.clone(),
        builtins: func.builtins.clone(),
        locals: None,
        fast,
        cells,
        stack: Vec::with_capacity(stacksize + 2),
        ip: 0,
        lasti: 0,
        extra: Default::default(),
        handlers: 0,
    })
}

/// The common call: a plain Python function (no `*args`, `**kwargs`, keyword-only
/// parameters or cell variables) called with exactly its positional parameters.
/// Moves the arguments `stack[first..]` into the new frame's locals without
/// building an argument vector. `None` when the fast path does not apply (the
/// stack is then untouched).
pub fn bind_exact_positional(vm: &mut Vm, func_v: &Value, stack: &mut Vec<Option<Value>>, first: usize) -> Option<Box<Frame>> {
    let func = func_v.downcast_exact::<PyFunction>()?;
    let pycode = func.code();
    let code = &pycode.code;
    let nargs = stack.len() - first;
    if code.argcount as usize != nargs
        || code.kwonlyargcount != 0
        || code.flags & (co::VARARGS | co::VARKEYWORDS) != 0
        || !code.cellvars.is_empty()
    {
        return None;
    }
    let mut fast: Vec<Option<Value>> = match vm.frame_pool.last_mut() {
        Some(f) => std::mem::take(&mut f.fast),
        None => Vec::new(),
    };
    fast.extend(stack.drain(first..));
    fast.resize(code.varnames.len(), None);
    let cells: Vec<Value> = match func.closure.as_ref().and_then(as_tuple) {
        Some(t) => t.to_vec(),
        None => Vec::new(),
    };
    let stacksize = code.stacksize as usize;
    Some(make_frame(vm, func_v, func, func.code_value(), fast, cells, stacksize))
}
