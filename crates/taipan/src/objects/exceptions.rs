//! The built-in exception hierarchy.  Mirrors CPython's `Objects/exceptions.c`.
//!
//! Every exception instance is a `PyBaseException` (args, traceback, cause, context) with
//! an instance `__dict__`; subclass-specific attributes (`StopIteration.value`,
//! `OSError.errno`, `SyntaxError.lineno`, ...) are set in that dict by the class's
//! `__init__`, as plain attributes, which is what Python code observes.

use std::cell::{Cell, RefCell};

use super::dict::PyDict;
use super::singletons::{bool_value, none};
use super::str::{as_str, new_str, new_string};
use super::tuple::{as_tuple, new_tuple};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, Args, PyResult, Vm};

#[repr(C)]
pub struct PyBaseException {
    head: ObjectHead,
    pub args: RefCell<Value>,
    pub traceback: RefCell<Option<Value>>,
    pub cause: RefCell<Option<Value>>,
    pub context: RefCell<Option<Value>>,
    pub suppress_context: Cell<bool>,
}

fn exc_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let e = unsafe { &*(head as *const ObjectHead as *const PyBaseException) };
    if let Ok(a) = e.args.try_borrow() {
        visit(&a);
    }
    for c in [&e.traceback, &e.cause, &e.context] {
        if let Ok(v) = c.try_borrow() {
            if let Some(v) = &*v {
                visit(v);
            }
        }
    }
}

fn exc_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let e = unsafe { &*(head as *const ObjectHead as *const PyBaseException) };
    for c in [&e.traceback, &e.cause, &e.context] {
        if let Some(v) = c.borrow_mut().take() {
            out.push(v);
        }
    }
    out.push(std::mem::replace(&mut *e.args.borrow_mut(), super::tuple::empty_tuple()));
}

pub static EXC_LAYOUT: Layout = crate::payload_layout!(PyBaseException, "BaseException", exc_traverse, exc_clear);

impl PyPayload for PyBaseException {
    fn layout() -> &'static Layout {
        &EXC_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BASE_EXCEPTION
    }
}

macro_rules! exc_type {
    ($static:ident, $name:literal, $base:expr, $doc:literal) => {
        pub static $static: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &EXC_LAYOUT,
            flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT | flags::BASE_EXC_SUBCLASS | flags::WEAKREFABLE,
            base: Some($base),
            methods: &[],
            getsets: &[],
            doc: Some($doc),
            module: None,
        });
    };
}

pub static BASE_EXCEPTION: PyType = PyType::new_static(StaticTypeInit {
    name: "BaseException",
    layout: &EXC_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT | flags::BASE_EXC_SUBCLASS | flags::WEAKREFABLE,
    base: Some(&super::object::OBJECT_TYPE),
    methods: BASE_EXCEPTION_METHODS,
    getsets: BASE_EXCEPTION_GETSETS,
    doc: Some("Common base class for all exceptions"),
    module: None,
});

exc_type!(BASE_EXCEPTION_GROUP, "BaseExceptionGroup", &BASE_EXCEPTION, "A combination of multiple unrelated exceptions.");
exc_type!(GENERATOR_EXIT, "GeneratorExit", &BASE_EXCEPTION, "Request that a generator exit.");
exc_type!(KEYBOARD_INTERRUPT, "KeyboardInterrupt", &BASE_EXCEPTION, "Program interrupted by user.");
exc_type!(SYSTEM_EXIT, "SystemExit", &BASE_EXCEPTION, "Request to exit from the interpreter.");
exc_type!(EXCEPTION, "Exception", &BASE_EXCEPTION, "Common base class for all non-exit exceptions.");
exc_type!(ARITHMETIC_ERROR, "ArithmeticError", &EXCEPTION, "Base class for arithmetic errors.");
exc_type!(FLOATING_POINT_ERROR, "FloatingPointError", &ARITHMETIC_ERROR, "Floating-point operation failed.");
exc_type!(OVERFLOW_ERROR, "OverflowError", &ARITHMETIC_ERROR, "Result too large to be represented.");
exc_type!(ZERO_DIVISION_ERROR, "ZeroDivisionError", &ARITHMETIC_ERROR, "Second argument to a division or modulo operation was zero.");
exc_type!(ASSERTION_ERROR, "AssertionError", &EXCEPTION, "Assertion failed.");
exc_type!(ATTRIBUTE_ERROR, "AttributeError", &EXCEPTION, "Attribute not found.");
exc_type!(BUFFER_ERROR, "BufferError", &EXCEPTION, "Buffer error.");
exc_type!(EOF_ERROR, "EOFError", &EXCEPTION, "Read beyond end of file.");
exc_type!(EXCEPTION_GROUP, "ExceptionGroup", &BASE_EXCEPTION_GROUP, "");
exc_type!(IMPORT_ERROR, "ImportError", &EXCEPTION, "Import can't find module, or can't find name in module.");
exc_type!(MODULE_NOT_FOUND_ERROR, "ModuleNotFoundError", &IMPORT_ERROR, "Module not found.");
exc_type!(LOOKUP_ERROR, "LookupError", &EXCEPTION, "Base class for lookup errors.");
exc_type!(INDEX_ERROR, "IndexError", &LOOKUP_ERROR, "Sequence index out of range.");
exc_type!(KEY_ERROR, "KeyError", &LOOKUP_ERROR, "Mapping key not found.");
exc_type!(MEMORY_ERROR, "MemoryError", &EXCEPTION, "Out of memory.");
exc_type!(NAME_ERROR, "NameError", &EXCEPTION, "Name not found globally.");
exc_type!(UNBOUND_LOCAL_ERROR, "UnboundLocalError", &NAME_ERROR, "Local name referenced but not bound to a value.");
exc_type!(OS_ERROR, "OSError", &EXCEPTION, "Base class for I/O related errors.");
exc_type!(BLOCKING_IO_ERROR, "BlockingIOError", &OS_ERROR, "I/O operation would block.");
exc_type!(CHILD_PROCESS_ERROR, "ChildProcessError", &OS_ERROR, "Child process error.");
exc_type!(CONNECTION_ERROR, "ConnectionError", &OS_ERROR, "Connection error.");
exc_type!(BROKEN_PIPE_ERROR, "BrokenPipeError", &CONNECTION_ERROR, "Broken pipe.");
exc_type!(CONNECTION_ABORTED_ERROR, "ConnectionAbortedError", &CONNECTION_ERROR, "Connection aborted.");
exc_type!(CONNECTION_REFUSED_ERROR, "ConnectionRefusedError", &CONNECTION_ERROR, "Connection refused.");
exc_type!(CONNECTION_RESET_ERROR, "ConnectionResetError", &CONNECTION_ERROR, "Connection reset.");
exc_type!(FILE_EXISTS_ERROR, "FileExistsError", &OS_ERROR, "File already exists.");
exc_type!(FILE_NOT_FOUND_ERROR, "FileNotFoundError", &OS_ERROR, "File not found.");
exc_type!(INTERRUPTED_ERROR, "InterruptedError", &OS_ERROR, "Interrupted by signal.");
exc_type!(IS_A_DIRECTORY_ERROR, "IsADirectoryError", &OS_ERROR, "Operation doesn't work on directories.");
exc_type!(NOT_A_DIRECTORY_ERROR, "NotADirectoryError", &OS_ERROR, "Operation only works on directories.");
exc_type!(PERMISSION_ERROR, "PermissionError", &OS_ERROR, "Not enough permissions.");
exc_type!(PROCESS_LOOKUP_ERROR, "ProcessLookupError", &OS_ERROR, "Process not found.");
exc_type!(TIMEOUT_ERROR, "TimeoutError", &OS_ERROR, "Timeout expired.");
exc_type!(REFERENCE_ERROR, "ReferenceError", &EXCEPTION, "Weak ref proxy used after referent went away.");
exc_type!(RUNTIME_ERROR, "RuntimeError", &EXCEPTION, "Unspecified run-time error.");
exc_type!(NOT_IMPLEMENTED_ERROR, "NotImplementedError", &RUNTIME_ERROR, "Method or function hasn't been implemented yet.");
exc_type!(PYTHON_FINALIZATION_ERROR, "PythonFinalizationError", &RUNTIME_ERROR, "Operation blocked during Python finalization.");
exc_type!(RECURSION_ERROR, "RecursionError", &RUNTIME_ERROR, "Recursion limit exceeded.");
exc_type!(STOP_ASYNC_ITERATION, "StopAsyncIteration", &EXCEPTION, "Signal the end from iterator.__anext__().");
exc_type!(STOP_ITERATION, "StopIteration", &EXCEPTION, "Signal the end from iterator.__next__().");
exc_type!(SYNTAX_ERROR, "SyntaxError", &EXCEPTION, "Invalid syntax.");
exc_type!(INDENTATION_ERROR, "IndentationError", &SYNTAX_ERROR, "Improper indentation.");
exc_type!(TAB_ERROR, "TabError", &INDENTATION_ERROR, "Improper mixture of spaces and tabs.");
exc_type!(SYSTEM_ERROR, "SystemError", &EXCEPTION, "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.");
exc_type!(TYPE_ERROR, "TypeError", &EXCEPTION, "Inappropriate argument type.");
exc_type!(VALUE_ERROR, "ValueError", &EXCEPTION, "Inappropriate argument value (of correct type).");
exc_type!(UNICODE_ERROR, "UnicodeError", &VALUE_ERROR, "Unicode related error.");
exc_type!(UNICODE_DECODE_ERROR, "UnicodeDecodeError", &UNICODE_ERROR, "Unicode decoding error.");
exc_type!(UNICODE_ENCODE_ERROR, "UnicodeEncodeError", &UNICODE_ERROR, "Unicode encoding error.");
exc_type!(UNICODE_TRANSLATE_ERROR, "UnicodeTranslateError", &UNICODE_ERROR, "Unicode translation error.");
exc_type!(WARNING, "Warning", &EXCEPTION, "Base class for warning categories.");
exc_type!(BYTES_WARNING, "BytesWarning", &WARNING, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.");
exc_type!(DEPRECATION_WARNING, "DeprecationWarning", &WARNING, "Base class for warnings about deprecated features.");
exc_type!(ENCODING_WARNING, "EncodingWarning", &WARNING, "Base class for warnings about encodings.");
exc_type!(FUTURE_WARNING, "FutureWarning", &WARNING, "Base class for warnings about constructs that will change semantically\nin the future.");
exc_type!(IMPORT_WARNING, "ImportWarning", &WARNING, "Base class for warnings about probable mistakes in module imports");
exc_type!(PENDING_DEPRECATION_WARNING, "PendingDeprecationWarning", &WARNING, "Base class for warnings about features which will be deprecated\nin the future.");
exc_type!(RESOURCE_WARNING, "ResourceWarning", &WARNING, "Base class for warnings about resource usage.");
exc_type!(RUNTIME_WARNING, "RuntimeWarning", &WARNING, "Base class for warnings about dubious runtime behavior.");
exc_type!(SYNTAX_WARNING, "SyntaxWarning", &WARNING, "Base class for warnings about dubious syntax.");
exc_type!(UNICODE_WARNING, "UnicodeWarning", &WARNING, "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.");
exc_type!(USER_WARNING, "UserWarning", &WARNING, "Base class for warnings generated by user code.");

/// Every built-in exception type, in the order `builtins` exposes them.
pub fn all_exception_types() -> &'static [&'static PyType] {
    ALL_EXCEPTION_TYPES
}

static ALL_EXCEPTION_TYPES: &[&PyType] = &[
        &BASE_EXCEPTION, &BASE_EXCEPTION_GROUP, &GENERATOR_EXIT, &KEYBOARD_INTERRUPT, &SYSTEM_EXIT, &EXCEPTION,
        &ARITHMETIC_ERROR, &FLOATING_POINT_ERROR, &OVERFLOW_ERROR, &ZERO_DIVISION_ERROR, &ASSERTION_ERROR,
        &ATTRIBUTE_ERROR, &BUFFER_ERROR, &EOF_ERROR, &EXCEPTION_GROUP, &IMPORT_ERROR, &MODULE_NOT_FOUND_ERROR,
        &LOOKUP_ERROR, &INDEX_ERROR, &KEY_ERROR, &MEMORY_ERROR, &NAME_ERROR, &UNBOUND_LOCAL_ERROR, &OS_ERROR,
        &BLOCKING_IO_ERROR, &CHILD_PROCESS_ERROR, &CONNECTION_ERROR, &BROKEN_PIPE_ERROR,
        &CONNECTION_ABORTED_ERROR, &CONNECTION_REFUSED_ERROR, &CONNECTION_RESET_ERROR, &FILE_EXISTS_ERROR,
        &FILE_NOT_FOUND_ERROR, &INTERRUPTED_ERROR, &IS_A_DIRECTORY_ERROR, &NOT_A_DIRECTORY_ERROR,
        &PERMISSION_ERROR, &PROCESS_LOOKUP_ERROR, &TIMEOUT_ERROR, &REFERENCE_ERROR, &RUNTIME_ERROR,
        &NOT_IMPLEMENTED_ERROR, &PYTHON_FINALIZATION_ERROR, &RECURSION_ERROR, &STOP_ASYNC_ITERATION,
        &STOP_ITERATION, &SYNTAX_ERROR, &INDENTATION_ERROR, &TAB_ERROR, &SYSTEM_ERROR, &TYPE_ERROR,
        &VALUE_ERROR, &UNICODE_ERROR, &UNICODE_DECODE_ERROR, &UNICODE_ENCODE_ERROR, &UNICODE_TRANSLATE_ERROR,
        &WARNING, &BYTES_WARNING, &DEPRECATION_WARNING, &ENCODING_WARNING, &FUTURE_WARNING, &IMPORT_WARNING,
        &PENDING_DEPRECATION_WARNING, &RESOURCE_WARNING, &RUNTIME_WARNING, &SYNTAX_WARNING, &UNICODE_WARNING,
        &USER_WARNING,
    ];

fn exc(v: &Value) -> PyResult<&PyBaseException> {
    v.downcast::<PyBaseException>().ok_or_else(|| type_error(format!("descriptor requires a 'BaseException' object but received a '{}'", v.ty().name())))
}

/// A new exception instance of `ty` with `args`, with subclass attributes initialised
/// (what `ty(*args)` gives for built-in exception types).
pub fn new_exception(ty: &PyType, args: Vec<Value>) -> Value {
    let e = alloc_exception(ty, new_tuple(args.clone()));
    init_fields(ty, &e, &args);
    e
}

fn alloc_exception(ty: &PyType, args: Value) -> Value {
    heap::alloc(
        ty,
        PyBaseException {
            head: ObjectHead::uninit(),
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
        },
    )
}

/// Sets an attribute in the exception's instance dict.
pub fn set_attr_fields(e: &Value, name: &str, value: Value) {
    if let Some(d) = super::object::instance_dict(e) {
        PyDict::set_str(&d, name, value);
    }
}

pub fn get_attr_field(e: &Value, name: &str) -> Option<Value> {
    super::object::instance_dict(e).and_then(|d| PyDict::get_str(&d, name))
}

/// Subclass-specific attributes from the constructor arguments.
fn init_fields(ty: &PyType, e: &Value, args: &[Value]) {
    let arg = |i: usize| args.get(i).cloned().unwrap_or_else(none);
    if ty.is_subtype(&STOP_ITERATION) {
        set_attr_fields(e, "value", arg(0));
    } else if ty.is_subtype(&SYSTEM_EXIT) {
        let code = match args.len() {
            0 => none(),
            1 => arg(0),
            _ => new_tuple(args.to_vec()),
        };
        set_attr_fields(e, "code", code);
    } else if ty.is_subtype(&OS_ERROR) {
        let (errno, strerror, filename, filename2) = if (2..=5).contains(&args.len()) {
            (arg(0), arg(1), if args.len() > 2 { arg(2) } else { none() }, if args.len() > 4 { arg(4) } else { none() })
        } else {
            (none(), none(), none(), none())
        };
        set_attr_fields(e, "errno", errno);
        set_attr_fields(e, "strerror", strerror);
        // BlockingIOError(errno, strerror, characters_written).
        let filename = if ty.is_subtype(&BLOCKING_IO_ERROR) && args.len() >= 3 && super::int::is_int(&filename) {
            set_attr_fields(e, "characters_written", filename);
            none()
        } else {
            filename
        };
        set_attr_fields(e, "filename", filename);
        set_attr_fields(e, "filename2", filename2);
        if (2..=5).contains(&args.len()) && args.len() > 2 {
            // args keeps only (errno, strerror) when a filename is given.
            if let Ok(b) = exc(e) {
                *b.args.borrow_mut() = new_tuple(vec![arg(0), arg(1)]);
            }
        }
    } else if ty.is_subtype(&SYNTAX_ERROR) {
        set_attr_fields(e, "msg", arg(0));
        let details = args.get(1).and_then(|d| as_tuple(d).map(|t| t.to_vec()));
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (i, n) in names.iter().enumerate() {
            let v = details.as_ref().and_then(|d| d.get(i).cloned()).unwrap_or_else(none);
            set_attr_fields(e, n, v);
        }
        set_attr_fields(e, "print_file_and_line", none());
    } else if ty.is_subtype(&IMPORT_ERROR) {
        set_attr_fields(e, "msg", arg(0));
        set_attr_fields(e, "name", none());
        set_attr_fields(e, "path", none());
        set_attr_fields(e, "name_from", none());
    } else if ty.is_subtype(&NAME_ERROR) || ty.is_subtype(&ATTRIBUTE_ERROR) {
        set_attr_fields(e, "name", none());
        if ty.is_subtype(&ATTRIBUTE_ERROR) {
            set_attr_fields(e, "obj", none());
        }
    } else if ty.is_subtype(&UNICODE_ERROR) && args.len() == 5 {
        let names = if ty.is_subtype(&UNICODE_TRANSLATE_ERROR) {
            &["object", "start", "end", "reason", ""][..]
        } else {
            &["encoding", "object", "start", "end", "reason"][..]
        };
        for (i, n) in names.iter().enumerate() {
            if !n.is_empty() {
                set_attr_fields(e, n, arg(i));
            }
        }
    } else if ty.is_subtype(&BASE_EXCEPTION_GROUP) {
        set_attr_fields(e, "message", arg(0));
        let excs = args.get(1).map(|v| match super::list::as_list(v) {
            Some(l) => new_tuple(l.snapshot()),
            None => v.clone(),
        });
        set_attr_fields(e, "exceptions", excs.unwrap_or_else(super::tuple::empty_tuple));
    }
}

pub fn stop_iteration_has_value(e: &Value) -> bool {
    match get_attr_field(e, "value") {
        Some(v) => !super::singletons::is_none(&v),
        None => false,
    }
}

/// `StopIteration.value` (None when absent).
pub fn stop_iteration_value(e: &Value) -> Value {
    get_attr_field(e, "value").unwrap_or_else(none)
}

pub fn traceback_of(e: &Value) -> Option<Value> {
    exc(e).ok().and_then(|b| b.traceback.borrow().clone())
}
pub fn set_traceback(e: &Value, tb: Option<Value>) {
    if let Ok(b) = exc(e) {
        *b.traceback.borrow_mut() = tb;
    }
}
pub fn cause_of(e: &Value) -> Option<Value> {
    exc(e).ok().and_then(|b| b.cause.borrow().clone())
}
pub fn set_cause(e: &Value, c: Option<Value>) {
    if let Ok(b) = exc(e) {
        *b.cause.borrow_mut() = c;
        b.suppress_context.set(true);
    }
}
pub fn context_of(e: &Value) -> Option<Value> {
    exc(e).ok().and_then(|b| b.context.borrow().clone())
}
pub fn set_context(e: &Value, c: Option<Value>) {
    if let Ok(b) = exc(e) {
        *b.context.borrow_mut() = c;
    }
}
pub fn suppress_context(e: &Value) -> bool {
    exc(e).map(|b| b.suppress_context.get()).unwrap_or(false)
}
pub fn args_of(e: &Value) -> Vec<Value> {
    exc(e).ok().and_then(|b| as_tuple(&b.args.borrow()).map(|t| t.to_vec())).unwrap_or_default()
}

pub fn is_exception_type(v: &Value) -> bool {
    super::typeobject::as_type(v).map(|t| t.is_subtype(&BASE_EXCEPTION)).unwrap_or(false)
}
pub fn is_exception_instance(v: &Value) -> bool {
    v.ty().is_subtype(&BASE_EXCEPTION)
}

/// Maps an errno to the OSError subclass CPython picks.
pub fn os_error_subclass(errno: i64) -> &'static PyType {
    match errno {
        2 => &FILE_NOT_FOUND_ERROR,
        17 => &FILE_EXISTS_ERROR,
        13 | 1 => &PERMISSION_ERROR,
        21 => &IS_A_DIRECTORY_ERROR,
        20 => &NOT_A_DIRECTORY_ERROR,
        32 => &BROKEN_PIPE_ERROR,
        104 => &CONNECTION_RESET_ERROR,
        111 => &CONNECTION_REFUSED_ERROR,
        103 => &CONNECTION_ABORTED_ERROR,
        11 | 115 | 114 => &BLOCKING_IO_ERROR,
        10 => &CHILD_PROCESS_ERROR,
        4 => &INTERRUPTED_ERROR,
        3 => &PROCESS_LOOKUP_ERROR,
        110 => &TIMEOUT_ERROR,
        _ => &OS_ERROR,
    }
}

/// An OSError (subclass by errno) for a Rust I/O error, with `filename`.
pub fn os_error_from_io(err: &std::io::Error, filename: Option<Value>) -> crate::vm::PyErr {
    let errno = err.raw_os_error().unwrap_or(0) as i64;
    let msg = strerror(errno as i32).unwrap_or_else(|| err.to_string());
    let ty = os_error_subclass(errno);
    let mut args = vec![super::int::new_int(errno), new_string(msg)];
    if let Some(f) = filename {
        args.push(f);
    }
    crate::vm::PyErr::from_value(new_exception(ty, args))
}

/// The C library's message for an errno (the common ones, as glibc spells them).
pub fn strerror(errno: i32) -> Option<String> {
    let s = match errno {
        1 => "Operation not permitted",
        2 => "No such file or directory",
        3 => "No such process",
        4 => "Interrupted system call",
        5 => "Input/output error",
        9 => "Bad file descriptor",
        10 => "No child processes",
        11 => "Resource temporarily unavailable",
        12 => "Cannot allocate memory",
        13 => "Permission denied",
        17 => "File exists",
        20 => "Not a directory",
        21 => "Is a directory",
        22 => "Invalid argument",
        24 => "Too many open files",
        28 => "No space left on device",
        29 => "Illegal seek",
        32 => "Broken pipe",
        36 => "File name too long",
        39 => "Directory not empty",
        104 => "Connection reset by peer",
        110 => "Connection timed out",
        111 => "Connection refused",
        _ => return None,
    };
    Some(s.to_string())
}

fn base_exception_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = super::typeobject::as_type(cls).unwrap_or(&BASE_EXCEPTION);
    let mut ty = ty;
    // OSError(errno, ...) picks the subclass for the errno.
    if std::ptr::eq(ty, &OS_ERROR) && args.positional().len() >= 2 {
        if let Some(n) = super::int::as_i64(&args.positional()[0]) {
            ty = os_error_subclass(n);
        }
    }
    let e = alloc_exception(ty, new_tuple(args.positional().to_vec()));
    Ok(e)
}

fn base_exception_init(_vm: &mut Vm, e: &Value, args: Args) -> PyResult<()> {
    let ty = e.ty();
    let import_error = ty.is_subtype(&IMPORT_ERROR);
    // NameError(name=) and AttributeError(name=, obj=) take keyword-only fields.
    let kw_fields: &[&str] = if ty.is_subtype(&NAME_ERROR) {
        &["name"]
    } else if ty.is_subtype(&ATTRIBUTE_ERROR) {
        &["name", "obj"]
    } else {
        &[]
    };
    if args.has_kwargs() && !kw_fields.is_empty() {
        let cname = if ty.is_subtype(&NAME_ERROR) { "NameError" } else { "AttributeError" };
        for (k, _) in args.kwargs() {
            let n = as_str(k).unwrap_or("?");
            if !kw_fields.contains(&n) {
                return Err(type_error(format!("'{n}' is an invalid keyword argument for {cname}()")));
            }
        }
    }
    if args.has_kwargs() && !ty.is_heap_type() && !import_error && kw_fields.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", ty.name())));
    }
    let pos = args.positional().to_vec();
    *exc(e)?.args.borrow_mut() = new_tuple(pos.clone());
    // Initialise the fields of the nearest built-in base.
    let mut t: &PyType = ty;
    while t.is_heap_type() {
        match t.base() {
            Some(b) => t = b,
            None => break,
        }
    }
    if std::ptr::eq(t, &BASE_EXCEPTION_GROUP) || std::ptr::eq(t, &EXCEPTION_GROUP) {
        return Ok(());
    }
    // UnicodeEncodeError/DecodeError(encoding, object, start, end, reason) and
    // UnicodeTranslateError(object, start, end, reason) check their arguments.
    let unicode_arity = if ty.is_subtype(&UNICODE_ENCODE_ERROR) || ty.is_subtype(&UNICODE_DECODE_ERROR) {
        Some(5)
    } else if ty.is_subtype(&UNICODE_TRANSLATE_ERROR) {
        Some(4)
    } else {
        None
    };
    if let Some(n) = unicode_arity {
        if pos.len() != n {
            return Err(type_error(format!("function takes exactly {n} arguments ({} given)", pos.len())));
        }
        let off = if n == 5 { 1 } else { 0 };
        let decode = ty.is_subtype(&UNICODE_DECODE_ERROR);
        let must = |i: usize, ok: bool, what: &str| -> PyResult<()> {
            if ok {
                Ok(())
            } else {
                Err(type_error(format!("argument {} must be {what}, not {}", i + 1, pos[i].ty().name())))
            }
        };
        if n == 5 {
            must(0, super::str::is_str(&pos[0]), "str")?;
        }
        if !decode {
            must(off, super::str::is_str(&pos[off]), "str")?;
        }
        must(off + 1, super::int::is_int(&pos[off + 1]), "int")?;
        must(off + 2, super::int::is_int(&pos[off + 2]), "int")?;
        must(off + 3, super::str::is_str(&pos[off + 3]), "str")?;
    }
    init_fields(ty, e, &pos);
    for (k, v) in args.kwargs() {
        if let Some(n) = as_str(k).filter(|n| kw_fields.contains(n)) {
            set_attr_fields(e, n, v.clone());
        }
    }
    if import_error {
        // ImportError_init: keyword-only `name`, `path` and `name_from`.
        for (k, v) in args.kwargs() {
            match as_str(k) {
                Some(n @ ("name" | "path" | "name_from")) => set_attr_fields(e, n, v.clone()),
                _ => {
                    return Err(type_error(format!(
                        "'{}' is an invalid keyword argument for ImportError()",
                        as_str(k).unwrap_or("?")
                    )))
                }
            }
        }
    }
    Ok(())
}

fn exc_str_impl(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let ty = e.ty();
    let args = args_of(e);
    if ty.is_subtype(&KEY_ERROR) && args.len() == 1 {
        return crate::vm::ops::repr_string(vm, &args[0]);
    }
    if ty.is_subtype(&OS_ERROR) {
        let errno = get_attr_field(e, "errno").filter(|v| !super::singletons::is_none(v));
        let strerror = get_attr_field(e, "strerror").filter(|v| !super::singletons::is_none(v));
        let filename = get_attr_field(e, "filename").filter(|v| !super::singletons::is_none(v));
        let filename2 = get_attr_field(e, "filename2").filter(|v| !super::singletons::is_none(v));
        if let (Some(n), Some(s)) = (&errno, &strerror) {
            let n = crate::vm::ops::str_string(vm, n)?;
            let s = crate::vm::ops::str_string(vm, s)?;
            return Ok(match (filename, filename2) {
                (Some(f), Some(f2)) => format!(
                    "[Errno {n}] {s}: {} -> {}",
                    crate::vm::ops::repr_string(vm, &f)?,
                    crate::vm::ops::repr_string(vm, &f2)?
                ),
                (Some(f), None) => format!("[Errno {n}] {s}: {}", crate::vm::ops::repr_string(vm, &f)?),
                _ => format!("[Errno {n}] {s}"),
            });
        }
    }
    if ty.is_subtype(&SYNTAX_ERROR) {
        let msg = get_attr_field(e, "msg").unwrap_or_else(none);
        let msg_s = crate::vm::ops::str_string(vm, &msg)?;
        let filename = get_attr_field(e, "filename").filter(|v| super::str::is_str(v));
        let lineno = get_attr_field(e, "lineno").and_then(|v| super::int::as_i64(&v));
        let fname = filename.as_ref().and_then(as_str).map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        return Ok(match (fname, lineno) {
            (Some(f), Some(l)) => format!("{msg_s} ({f}, line {l})"),
            (Some(f), None) => format!("{msg_s} ({f})"),
            (None, Some(l)) => format!("{msg_s} (line {l})"),
            (None, None) => msg_s,
        });
    }
    if ty.is_subtype(&BASE_EXCEPTION_GROUP) {
        let msg = get_attr_field(e, "message").unwrap_or_else(none);
        let msg_s = crate::vm::ops::str_string(vm, &msg)?;
        let n = get_attr_field(e, "exceptions").and_then(|t| as_tuple(&t).map(|t| t.len())).unwrap_or(0);
        return Ok(format!("{msg_s} ({n} sub-exception{})", if n == 1 { "" } else { "s" }));
    }
    if ty.is_subtype(&UNICODE_DECODE_ERROR) || ty.is_subtype(&UNICODE_ENCODE_ERROR) {
        if let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
            get_attr_field(e, "encoding"),
            get_attr_field(e, "object"),
            get_attr_field(e, "start").and_then(|v| super::int::as_i64(&v)),
            get_attr_field(e, "end").and_then(|v| super::int::as_i64(&v)),
            get_attr_field(e, "reason"),
        ) {
            let enc = crate::vm::ops::str_string(vm, &enc)?;
            let reason = crate::vm::ops::str_string(vm, &reason)?;
            if ty.is_subtype(&UNICODE_DECODE_ERROR) {
                let bytes = super::bytes::as_bytes_like(&obj).unwrap_or_default();
                if end == start + 1 {
                    let b = bytes.get(start as usize).copied().unwrap_or(0);
                    return Ok(format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"));
                }
                return Ok(format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1));
            }
            let s = as_str(&obj).unwrap_or("");
            if end == start + 1 {
                let c = s.chars().nth(start as usize).map(super::str::code_point).unwrap_or(0);
                let cs = if c <= 0xff { format!("\\x{c:02x}") } else if c <= 0xffff { format!("\\u{c:04x}") } else { format!("\\U{c:08x}") };
                return Ok(format!("'{enc}' codec can't encode character '{cs}' in position {start}: {reason}"));
            }
            return Ok(format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1));
        }
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => crate::vm::ops::str_string(vm, &args[0]),
        _ => crate::vm::ops::str_string(vm, &new_tuple(args)),
    }
}

fn exc_str(vm: &mut Vm, e: &Value) -> PyResult<Value> {
    Ok(new_string(exc_str_impl(vm, e)?))
}

fn exc_repr(vm: &mut Vm, e: &Value) -> PyResult<Value> {
    let name = e.ty().name();
    let args = args_of(e);
    if e.ty().is_subtype(&BASE_EXCEPTION_GROUP) {
        let msg = get_attr_field(e, "message").unwrap_or_else(none);
        let excs = get_attr_field(e, "exceptions").unwrap_or_else(super::tuple::empty_tuple);
        let m = crate::vm::ops::repr_string(vm, &msg)?;
        let x = match args.get(1) {
            Some(orig) => crate::vm::ops::repr_string(vm, orig)?,
            None => crate::vm::ops::repr_string(vm, &excs)?,
        };
        return Ok(new_string(format!("{name}({m}, {x})")));
    }
    if args.len() == 1 {
        let r = crate::vm::ops::repr_string(vm, &args[0])?;
        return Ok(new_string(format!("{name}({r})")));
    }
    let r = crate::vm::ops::repr_string(vm, &new_tuple(args))?;
    Ok(new_string(format!("{name}{r}")))
}

fn get_args(_vm: &mut Vm, e: &Value) -> PyResult<Value> {
    Ok(exc(e)?.args.borrow().clone())
}
fn set_args(vm: &mut Vm, e: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("args may not be deleted"))?;
    let items = crate::vm::ops::collect_iter(vm, v)?;
    *exc(e)?.args.borrow_mut() = new_tuple(items);
    Ok(())
}
fn get_traceback(_vm: &mut Vm, e: &Value) -> PyResult<Value> {
    Ok(exc(e)?.traceback.borrow().clone().unwrap_or_else(none))
}
fn set_traceback_attr(_vm: &mut Vm, e: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("__traceback__ may not be deleted"))?;
    if super::singletons::is_none(v) {
        *exc(e)?.traceback.borrow_mut() = None;
    } else if v.downcast::<crate::vm::traceback::PyTraceback>().is_some() {
        *exc(e)?.traceback.borrow_mut() = Some(v.clone());
    } else {
        return Err(type_error("__traceback__ must be a traceback or None"));
    }
    Ok(())
}
fn get_cause(_vm: &mut Vm, e: &Value) -> PyResult<Value> {
    Ok(exc(e)?.cause.borrow().clone().unwrap_or_else(none))
}
fn set_cause_attr(_vm: &mut Vm, e: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("__cause__ may not be deleted"))?;
    if super::singletons::is_none(v) {
        *exc(e)?.cause.borrow_mut() = None;
    } else if is_exception_instance(v) {
        *exc(e)?.cause.borrow_mut() = Some(v.clone());
    } else {
        return Err(type_error("exception cause must be None or derive from BaseException"));
    }
    exc(e)?.suppress_context.set(true);
    Ok(())
}
fn get_context(_vm: &mut Vm, e: &Value) -> PyResult<Value> {
    Ok(exc(e)?.context.borrow().clone().unwrap_or_else(none))
}
fn set_context_attr(_vm: &mut Vm, e: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("__context__ may not be deleted"))?;
    if super::singletons::is_none(v) {
        *exc(e)?.context.borrow_mut() = None;
    } else if is_exception_instance(v) {
        *exc(e)?.context.borrow_mut() = Some(v.clone());
    } else {
        return Err(type_error("exception context must be None or derive from BaseException"));
    }
    Ok(())
}
fn get_suppress(_vm: &mut Vm, e: &Value) -> PyResult<Value> {
    Ok(bool_value(exc(e)?.suppress_context.get()))
}
fn set_suppress(vm: &mut Vm, e: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| type_error("__suppress_context__ may not be deleted"))?;
    let b = crate::vm::ops::is_true(vm, v)?;
    exc(e)?.suppress_context.set(b);
    Ok(())
}

fn m_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [e, tb] = args.exact::<2>("with_traceback")?;
    if super::singletons::is_none(tb) {
        set_traceback(e, None);
    } else {
        set_traceback(e, Some(tb.clone()));
    }
    Ok(e.clone())
}

fn m_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [e, note] = args.exact::<2>("add_note")?;
    if !super::str::is_str(note) {
        return Err(type_error(format!("note must be a str, not '{}'", note.ty().name())));
    }
    let dict = super::object::instance_dict(e).ok_or_else(|| type_error("cannot add notes"))?;
    let notes = match PyDict::get_str(&dict, "__notes__") {
        Some(n) => n,
        None => {
            let l = super::list::PyList::new_value(Vec::new());
            PyDict::set_str(&dict, "__notes__", l.clone());
            l
        }
    };
    match super::list::as_list(&notes) {
        Some(l) => l.push(note.clone()),
        None => return Err(type_error("Cannot add note: __notes__ is not a list")),
    }
    let _ = vm;
    Ok(none())
}

fn m_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [e] = args.exact::<1>("__reduce__")?;
    let a = exc(e)?.args.borrow().clone();
    let mut items = vec![e.ty().to_value(), a];
    if let Some(d) = super::object::instance_dict(e) {
        if PyDict::len(&d) > 0 {
            items.push(d);
        }
    }
    Ok(new_tuple(items))
}

fn m_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [e, state] = args.exact::<2>("__setstate__")?;
    if !super::singletons::is_none(state) {
        for (k, v) in PyDict::items_vec(state) {
            crate::vm::ops::setattr(vm, e, &k, Some(&v))?;
        }
    }
    Ok(none())
}

pub static BASE_EXCEPTION_METHODS: &[MethodDef] = &[
    MethodDef::method("with_traceback", m_with_traceback),
    MethodDef::method("add_note", m_add_note),
    MethodDef::method("__reduce__", m_reduce),
    MethodDef::method("__setstate__", m_setstate),
];

pub static BASE_EXCEPTION_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("args", get_args, set_args),
    GetSetDef::with_set("__traceback__", get_traceback, set_traceback_attr),
    GetSetDef::with_set("__cause__", get_cause, set_cause_attr),
    GetSetDef::with_set("__context__", get_context, set_context_attr),
    GetSetDef::with_set("__suppress_context__", get_suppress, set_suppress),
];

pub fn init_types() {
    // Every built-in exception class defines `__new__` and `__init__` itself, as
    // CPython's do (`Exception.__init__ is BaseException.__init__` is False).
    for t in all_exception_types() {
        t.set_n_extra(1);
        if std::ptr::eq(*t, &EXCEPTION_GROUP) {
            continue; // made by PyErr_NewException in CPython: nothing of its own
        }
        t.slots.new.set(Some(base_exception_new));
        t.slots.init.set(Some(base_exception_init));
    }
    let s = &BASE_EXCEPTION.slots;
    s.str.set(Some(exc_str));
    s.repr.set(Some(exc_repr));
    super::exception_group::init_types();
}

pub fn new_str_value(s: &str) -> Value {
    new_str(s)
}
