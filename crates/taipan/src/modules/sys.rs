//! The `sys` module.  Mirrors CPython's `Python/sysmodule.c`.

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Vm};

pub fn get_sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    PyDict::get_str(&crate::objects::module::module_dict(&vm.sys), name)
}

pub fn set_sys_attr(vm: &Vm, name: &str, v: Value) {
    PyDict::set_str(&crate::objects::module::module_dict(&vm.sys), name, v);
}

fn write_to(vm: &mut Vm, name: &str, text: &str) -> PyResult<()> {
    match get_sys_attr(vm, name) {
        Some(f) if super::io::is_native_stream(&f) => super::io::stream_write(vm, &f, text),
        Some(f) if !is_none(&f) => {
            crate::vm::call::call_method(vm, &f, "write", &[new_str(text)])?;
            Ok(())
        }
        _ => Ok(()),
    }
}

pub fn write_stdout(vm: &mut Vm, text: &str) -> PyResult<()> {
    write_to(vm, "stdout", text)
}

/// Writes to `sys.stderr`, falling back to the process's stderr.
pub fn write_stderr(vm: &mut Vm, text: &str) {
    if write_to(vm, "stderr", text).is_err() {
        eprint!("{text}");
    }
}

pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    if let Some(f) = get_sys_attr(vm, "stdout") {
        if super::io::is_native_stream(&f) {
            return super::io::stream_flush(vm, &f);
        }
        if !is_none(&f) {
            crate::vm::call::call_method(vm, &f, "flush", &[])?;
        }
    }
    Ok(())
}

/// A module spec (a namespace with CPython's `ModuleSpec` attributes).
pub fn make_spec(_vm: &mut Vm, name: &str, origin: &str, package: Option<bool>) -> PyResult<Value> {
    let parent = match package {
        Some(_) => name.to_string(),
        None => name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default(),
    };
    let origin_v = if origin.is_empty() { none() } else { new_str(origin) };
    let locations = match package {
        Some(_) => crate::objects::list::PyList::new_value(Vec::new()),
        None => none(),
    };
    Ok(crate::objects::namespace::new_namespace(vec![
        ("name", new_str(name)),
        ("loader", none()),
        ("origin", origin_v),
        ("loader_state", none()),
        ("submodule_search_locations", locations),
        ("cached", none()),
        ("parent", new_str(&parent)),
        ("has_location", bool_value(!origin.is_empty() && origin != "built-in" && origin != "frozen")),
        ("_initializing", bool_value(false)),
    ]))
}

const STDLIB_NAMES: &[&str] = &[
    "abc", "argparse", "array", "ast", "asyncio", "base64", "binascii", "bisect", "builtins", "bz2", "calendar", "cmath",
    "codecs", "collections", "colorsys", "contextlib", "contextvars", "copy", "copyreg", "csv", "ctypes", "dataclasses",
    "datetime", "decimal", "difflib", "dis", "email", "enum", "errno", "faulthandler", "fnmatch", "fractions",
    "functools", "gc", "getopt", "getpass", "gettext", "glob", "gzip", "hashlib", "heapq", "hmac", "html", "http",
    "importlib", "inspect", "io", "ipaddress", "itertools", "json", "keyword", "linecache", "locale", "logging",
    "lzma", "marshal", "math", "mimetypes", "multiprocessing", "numbers", "operator", "os", "pathlib", "pdb",
    "pickle", "platform", "pprint", "profile", "queue", "random", "re", "reprlib", "secrets", "select", "selectors",
    "shelve", "shlex", "shutil", "signal", "socket", "sqlite3", "ssl", "stat", "statistics", "string", "struct",
    "subprocess", "sys", "sysconfig", "tempfile", "textwrap", "threading", "time", "timeit", "tkinter", "token",
    "tokenize", "traceback", "types", "typing", "unicodedata", "unittest", "urllib", "uuid", "warnings", "weakref",
    "xml", "zipfile", "zlib", "zoneinfo",
];

pub fn is_stdlib_module_name(name: &str) -> bool {
    STDLIB_NAMES.contains(&name)
}

fn sys_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("exit", 0, 1)?;
    Err(match pos.first() {
        Some(c) => PyErr::with_args(&crate::objects::exceptions::SYSTEM_EXIT, vec![c.clone()]),
        None => PyErr::new_empty(&crate::objects::exceptions::SYSTEM_EXIT),
    })
}

fn sys_displayhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("displayhook")?;
    if is_none(v) {
        return Ok(none());
    }
    let bd = vm.builtins_dict.clone();
    PyDict::set_str(&bd, "_", none());
    let r = crate::vm::ops::repr_string(vm, v)?;
    write_stdout(vm, &format!("{r}\n"))?;
    PyDict::set_str(&bd, "_", v.clone());
    Ok(none())
}

fn sys_excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_t, v, _tb] = args.exact::<3>("excepthook")?;
    crate::vm::traceback::print_exception(vm, v);
    Ok(none())
}

fn sys_unraisablehook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [u] = args.exact::<1>("unraisablehook")?;
    let get = |vm: &mut Vm, n: &str| crate::vm::ops::getattr_str(vm, u, n).ok().filter(|v| !is_none(v));
    let msg = get(vm, "err_msg").and_then(|m| as_str(&m).map(str::to_string)).unwrap_or_else(|| "Exception ignored in".into());
    let obj = get(vm, "object");
    let exc = get(vm, "exc_value");
    let mut out = String::new();
    match obj {
        Some(o) => {
            let r = crate::vm::ops::repr_string(vm, &o).unwrap_or_else(|_| "<object repr() failed>".into());
            out.push_str(&format!("{msg}: {r}\n"));
        }
        None => out.push_str(&format!("{msg}:\n")),
    }
    if let Some(e) = exc {
        out.push_str(&crate::vm::traceback::format_exception(vm, &e));
    }
    write_stderr(vm, &out);
    Ok(none())
}

fn sys_exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("exc_info", 0, 0)?;
    Ok(match vm.exc_info.clone() {
        Some(e) => {
            let tb = crate::objects::exceptions::traceback_of(&e).unwrap_or_else(none);
            new_tuple(vec![e.ty().to_value(), e, tb])
        }
        None => new_tuple(vec![none(), none(), none()]),
    })
}

fn sys_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("exception", 0, 0)?;
    Ok(vm.exc_info.clone().unwrap_or_else(none))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getrecursionlimit", 0, 0)?;
    Ok(new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("setrecursionlimit")?;
    if crate::objects::float::as_f64(n).is_some() {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = crate::vm::ops::index_value(vm, n)?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.depth {
        return Err(crate::vm::recursion_error_with(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, vm.depth
        )));
    }
    vm.recursion_limit = n as usize;
    Ok(none())
}

fn sys_getrefcount(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("getrefcount")?;
    // One reference is the argument held by this call (as in CPython).
    Ok(new_int(crate::runtime::heap::refcount(o) as i64))
}

fn sys_intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("intern")?;
    if !crate::objects::str::is_str(s) {
        return Err(type_error(format!("intern() argument must be str, not {}", s.ty().name())));
    }
    if s.downcast_exact::<crate::objects::str::PyStr>().is_none() {
        return Err(type_error(format!("can't intern {}", s.ty().name())));
    }
    Ok(crate::objects::str::intern_value(s))
}

fn sys_getframe(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("_getframe", 0, 1)?;
    let depth = match pos.first() {
        Some(d) => crate::vm::ops::index_value(vm, d)?,
        None => 0,
    };
    let f = vm.frame_at_depth(depth as usize).ok_or_else(|| value_error("call stack is not deep enough"))?;
    Ok(f)
}

fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("getsizeof", 1, 2)?;
    match crate::vm::ops::lookup_special(&pos[0], "__sizeof__") {
        Some(f) => {
            let r = crate::vm::call::call_method_value(vm, &f, &pos[0], &[])?;
            let n = crate::vm::ops::index_value(vm, &r)?;
            if n < 0 {
                return Err(value_error("__sizeof__() should return >= 0"));
            }
            let gc = if pos[0].as_head().and_then(|h| h.gc_head()).is_some() { 16 } else { 0 };
            Ok(new_int(n + gc))
        }
        None => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(type_error(format!("Type {} doesn't define __sizeof__", pos[0].ty().name()))),
        },
    }
}

fn sys_get_int_max_str_digits(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_int(vm.int_max_str_digits as i64))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::p;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("set_int_max_str_digits", &[p("maxdigits")]);
    let [n] = SIG.parse::<1>(args)?;
    let n = crate::vm::ops::index_value(vm, &n.expect("required"))?;
    if n != 0 && n < 640 {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(none())
}

fn sys_getdefaultencoding(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_str("utf-8"))
}

fn sys_getfilesystemencoding(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_str("surrogateescape"))
}

fn sys_breakpointhook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pdb = crate::vm::import::import_module(vm, "pdb")?;
    let f = crate::vm::ops::getattr_str(vm, &pdb, "set_trace")?;
    crate::vm::call::call_with_kwnames(vm, &f, args.values, args.kwnames)
}

fn sys_getswitchinterval(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(crate::objects::float::new_float(vm.modules_state.switch_interval))
}

fn sys_setswitchinterval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("setswitchinterval")?;
    let f = crate::vm::ops::float_value(vm, v)?;
    if f <= 0.0 {
        return Err(value_error("switch interval must be strictly positive"));
    }
    vm.modules_state.switch_interval = f;
    Ok(none())
}

/// `sys.settrace(function)`: see `vm::trace`.
fn sys_settrace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("settrace")?;
    vm.set_trace_function((!crate::objects::singletons::is_none(f)).then(|| f.clone()));
    Ok(crate::objects::singletons::none())
}

/// `sys.setprofile(function)`: see `vm::trace`.
fn sys_setprofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("setprofile")?;
    vm.set_profile_function((!crate::objects::singletons::is_none(f)).then(|| f.clone()));
    Ok(crate::objects::singletons::none())
}

fn sys_getprofile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getprofile", 0, 0)?;
    Ok(vm.profile_func.clone().unwrap_or_else(crate::objects::singletons::none))
}

fn sys_gettrace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("gettrace", 0, 0)?;
    Ok(vm.trace_func.clone().unwrap_or_else(crate::objects::singletons::none))
}

fn sys_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(none())
}

fn sys_is_finalizing(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(bool_value(false))
}

fn sys_is_gil_enabled(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(bool_value(true))
}

fn sys_get_cpu_count_config(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_get_cpu_count_config", 0, 0)?;
    Ok(new_int(-1))
}

/// `sys._getframemodulename(depth=0)`: `__name__` of the globals of the frame `depth`
/// levels up.
fn sys_getframemodulename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("_getframemodulename", &[opt("depth")]);
    let [depth] = SIG.parse::<1>(args)?;
    let depth = match depth {
        Some(d) => crate::vm::ops::index_value(vm, &d)?,
        None => 0,
    };
    let Some(frame) = vm.frame_at_depth(depth.max(0) as usize) else { return Ok(none()) };
    let globals = crate::vm::ops::getattr_str(vm, &frame, "f_globals")?;
    Ok(PyDict::get_str(&globals, "__name__").unwrap_or_else(none))
}

fn sys_call_tracing(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f, a] = args.exact::<2>("call_tracing")?;
    let items = crate::objects::tuple::as_tuple(a)
        .ok_or_else(|| type_error(format!("call_tracing() argument 2 must be tuple, not {}", a.ty().name())))?
        .to_vec();
    crate::vm::call::call(vm, f, &items)
}

fn sys_zero(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_int(0))
}

thread_local! {
    /// `sys.set_asyncgen_hooks` state: (firstiter, finalizer).
    static ASYNCGEN_HOOKS: std::cell::RefCell<(Option<Value>, Option<Value>)> = const { std::cell::RefCell::new((None, None)) };
    static ASYNCGEN_HOOKS_TYPE: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
    static CORO_ORIGIN_DEPTH: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

fn sys_get_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_asyncgen_hooks", 0, 0)?;
    let t = match ASYNCGEN_HOOKS_TYPE.with(|t| t.borrow().clone()) {
        Some(t) => t,
        None => {
            let t = crate::objects::structseq::new_structseq_type(vm, "builtins", "asyncgen_hooks", &["firstiter", "finalizer"])?;
            ASYNCGEN_HOOKS_TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
            t
        }
    };
    let (first, fin) = ASYNCGEN_HOOKS.with(|h| h.borrow().clone());
    Ok(crate::objects::structseq::new_structseq(&t, vec![first.unwrap_or_else(none), fin.unwrap_or_else(none)]))
}

fn sys_set_asyncgen_hooks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("set_asyncgen_hooks", &[opt("firstiter"), opt("finalizer")]);
    let [first, fin] = SIG.parse::<2>(args)?;
    let _ = vm;
    for (v, what) in [(&fin, "finalizer"), (&first, "firstiter")] {
        if let Some(v) = v {
            if !is_none(v) && !super::builtins::is_callable(v) {
                return Err(type_error(format!("callable {what} expected, got {}", v.ty().name())));
            }
        }
    }
    ASYNCGEN_HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(f) = first {
            h.0 = if is_none(&f) { None } else { Some(f) };
        }
        if let Some(f) = fin {
            h.1 = if is_none(&f) { None } else { Some(f) };
        }
    });
    Ok(none())
}

fn sys_get_coro_depth(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_coroutine_origin_tracking_depth", 0, 0)?;
    Ok(new_int(CORO_ORIGIN_DEPTH.with(|d| d.get())))
}

fn sys_set_coro_depth(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::p;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("set_coroutine_origin_tracking_depth", &[p("depth")]);
    let [depth] = SIG.parse::<1>(args)?;
    let depth = crate::vm::ops::index_value(vm, &depth.unwrap_or_else(none))?;
    if depth < 0 {
        return Err(value_error("depth must be >= 0"));
    }
    CORO_ORIGIN_DEPTH.with(|d| d.set(depth));
    Ok(none())
}

/// `sys._current_frames()`: {thread id: frame} for the single thread running Python.
fn sys_current_frames(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_current_frames", 0, 0)?;
    let d = PyDict::new_value();
    if let Some(f) = vm.frame_at_depth(1).or_else(|| vm.frame_at_depth(0)) {
        // SAFETY: pthread_self has no memory effects.
        let ident = unsafe { libc::pthread_self() } as i64;
        PyDict::set_item(vm, &d, new_int(ident), f)?;
    }
    Ok(d)
}

pub static SYS_METHODS: &[MethodDef] = &[
    MethodDef::method("_get_cpu_count_config", sys_get_cpu_count_config),
    MethodDef::method("_getframemodulename", sys_getframemodulename),
    MethodDef::method("call_tracing", sys_call_tracing),
    MethodDef::method("getallocatedblocks", sys_zero),
    MethodDef::method("getunicodeinternedsize", sys_zero),
    MethodDef::method("_clear_type_cache", sys_noop),
    MethodDef::method("_clear_internal_caches", sys_noop),
    MethodDef::method("get_asyncgen_hooks", sys_get_asyncgen_hooks),
    MethodDef::method("set_asyncgen_hooks", sys_set_asyncgen_hooks),
    MethodDef::method("get_coroutine_origin_tracking_depth", sys_get_coro_depth),
    MethodDef::method("set_coroutine_origin_tracking_depth", sys_set_coro_depth),
    MethodDef::method("_current_frames", sys_current_frames),
    MethodDef::method("exit", sys_exit),
    MethodDef::method("displayhook", sys_displayhook),
    MethodDef::method("excepthook", sys_excepthook),
    MethodDef::method("unraisablehook", sys_unraisablehook),
    MethodDef::method("exc_info", sys_exc_info),
    MethodDef::method("exception", sys_exception),
    MethodDef::method("getrecursionlimit", sys_getrecursionlimit),
    MethodDef::method("setrecursionlimit", sys_setrecursionlimit),
    MethodDef::method("getrefcount", sys_getrefcount),
    MethodDef::method("intern", sys_intern),
    MethodDef::method("_getframe", sys_getframe),
    MethodDef::method("getsizeof", sys_getsizeof),
    MethodDef::method("get_int_max_str_digits", sys_get_int_max_str_digits),
    MethodDef::method("set_int_max_str_digits", sys_set_int_max_str_digits),
    MethodDef::method("getdefaultencoding", sys_getdefaultencoding),
    MethodDef::method("getfilesystemencoding", sys_getfilesystemencoding),
    MethodDef::method("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
    MethodDef::method("breakpointhook", sys_breakpointhook),
    MethodDef::method("getswitchinterval", sys_getswitchinterval),
    MethodDef::method("setswitchinterval", sys_setswitchinterval),
    MethodDef::method("audit", sys_noop),
    MethodDef::method("addaudithook", sys_noop),
    MethodDef::method("settrace", sys_settrace),
    MethodDef::method("gettrace", sys_gettrace),
    MethodDef::method("setprofile", sys_setprofile),
    MethodDef::method("getprofile", sys_getprofile),
    MethodDef::method("is_finalizing", sys_is_finalizing),
    MethodDef::method("_is_gil_enabled", sys_is_gil_enabled),
];

fn str_list(items: &[String]) -> Value {
    crate::objects::list::PyList::new_value(items.iter().map(|s| new_str(s)).collect())
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    use super::add_object as add;
    use crate::objects::structseq::{new_structseq, new_structseq_type};
    let f = crate::objects::float::new_float;
    let cfg = vm.config.clone();
    add(m, "argv", str_list(&cfg.argv));
    let orig: Vec<String> = std::env::args().collect();
    add(m, "orig_argv", str_list(if orig.is_empty() { &cfg.argv } else { &orig }));
    let mut path: Vec<String> = cfg.path.clone();
    if let Some(std) = &cfg.stdlib {
        path.push(std.clone());
        path.push(format!("{std}/lib-dynload"));
        path.push(format!("{std}/site-packages"));
    }
    add(m, "path", str_list(&path));
    add(m, "modules", vm.sys_modules.clone());
    add(m, "meta_path", crate::objects::list::PyList::new_value(Vec::new()));
    add(m, "path_hooks", crate::objects::list::PyList::new_value(Vec::new()));
    add(m, "path_importer_cache", PyDict::new_value());
    add(m, "executable", new_str(&cfg.executable));
    add(m, "_base_executable", new_str(&cfg.executable));
    let prefix = cfg.stdlib.as_ref().and_then(|s| s.strip_suffix("/lib/python3.13").map(str::to_string)).unwrap_or_else(|| "/usr/local".into());
    for n in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        add(m, n, new_str(&prefix));
    }
    add(m, "platlibdir", new_str("lib"));
    add(m, "_stdlib_dir", cfg.stdlib.as_deref().map(new_str).unwrap_or_else(none));
    add(m, "pycache_prefix", none());
    add(m, "version", new_str("3.13.0 (taipan 0.1.0) [Rust]"));
    let vi_t = new_structseq_type(vm, "sys", "version_info", &["major", "minor", "micro", "releaselevel", "serial"])?;
    let vi = new_structseq(&vi_t, vec![new_int(3), new_int(13), new_int(0), new_str("final"), new_int(0)]);
    add(m, "version_info", vi.clone());
    add(m, "hexversion", new_int(0x030d00f0));
    add(m, "api_version", new_int(1013));
    add(m, "copyright", new_str("Copyright (c) the Taipan developers.\nPython is Copyright (c) 2001 Python Software Foundation."));
    add(m, "platform", new_str("linux"));
    add(m, "byteorder", new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    add(m, "maxsize", new_int(i64::MAX));
    add(m, "maxunicode", new_int(0x10ffff));
    add(m, "float_repr_style", new_str("short"));
    add(m, "abiflags", new_str(""));
    add(m, "dont_write_bytecode", bool_value(cfg.dont_write_bytecode));
    add(m, "warnoptions", str_list(&cfg.warnoptions));
    // `-X name=value` gives {'name': 'value'}, `-X name` gives {'name': True}.
    let xoptions = PyDict::new_value();
    for x in &cfg.xoptions {
        match x.split_once('=') {
            Some((k, v)) => PyDict::set_str(&xoptions, k, new_str(v)),
            None => PyDict::set_str(&xoptions, x, bool_value(true)),
        }
    }
    add(m, "_xoptions", xoptions);
    add(m, "_git", new_tuple(vec![new_str("Taipan"), new_str(""), new_str("")]));
    add(m, "_framework", new_str(""));
    let mut names: Vec<&str> = super::builtin_modules().iter().map(|d| d.name).collect();
    names.sort();
    add(m, "builtin_module_names", new_tuple(names.iter().map(|n| new_str(n)).collect()));
    let stdlib_names: Vec<Value> = STDLIB_NAMES.iter().map(|n| new_str(n)).collect();
    add(m, "stdlib_module_names", crate::objects::set::new_frozenset(vm, stdlib_names)?);
    let impl_ns = crate::objects::namespace::new_namespace(vec![
        ("name", new_str("taipan")),
        // No bytecode cache: importlib then neither reads nor writes .pyc files.
        ("cache_tag", none()),
        ("version", vi),
        ("hexversion", new_int(0x030d00f0)),
        ("_multiarch", new_str("x86_64-linux-gnu")),
    ]);
    add(m, "implementation", impl_ns);
    let flags_t = new_structseq_type(
        vm,
        "sys",
        "flags",
        &[
            "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
            "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
            "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
        ],
    )?;
    let b = |x: bool| new_int(x as i64);
    let flags = new_structseq(
        &flags_t,
        vec![
            new_int(0),
            b(cfg.inspect),
            b(cfg.interactive),
            new_int(cfg.optimize as i64),
            b(cfg.dont_write_bytecode),
            b(cfg.no_user_site || cfg.isolated),
            b(cfg.no_site),
            b(cfg.ignore_environment || cfg.isolated),
            new_int(cfg.verbose as i64),
            new_int(0),
            b(cfg.quiet),
            new_int(if cfg.hash_seed == Some(0) { 0 } else { 1 }),
            b(cfg.isolated),
            bool_value(cfg.dev_mode),
            new_int(0),
            new_int(0),
            bool_value(cfg.safe_path || cfg.isolated),
            new_int(vm.int_max_str_digits as i64),
        ],
    );
    add(m, "flags", flags);
    let fi_t = new_structseq_type(
        vm,
        "sys",
        "float_info",
        &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
    )?;
    add(
        m,
        "float_info",
        new_structseq(
            &fi_t,
            vec![
                f(f64::MAX),
                new_int(1024),
                new_int(308),
                f(f64::MIN_POSITIVE),
                new_int(-1021),
                new_int(-307),
                new_int(15),
                new_int(53),
                f(f64::EPSILON),
                new_int(2),
                new_int(1),
            ],
        ),
    );
    let ii_t = new_structseq_type(vm, "sys", "int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"])?;
    add(m, "int_info", new_structseq(&ii_t, vec![new_int(30), new_int(4), new_int(4300), new_int(640)]));
    let hi_t = new_structseq_type(vm, "sys", "hash_info", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"])?;
    add(
        m,
        "hash_info",
        new_structseq(
            &hi_t,
            vec![
                new_int(64),
                new_int(crate::objects::int::HASH_MODULUS as i64),
                new_int(314159),
                new_int(0),
                new_int(1000003),
                new_str("siphash13"),
                new_int(64),
                new_int(128),
                new_int(0),
            ],
        ),
    );
    let ti_t = new_structseq_type(vm, "sys", "thread_info", &["name", "lock", "version"])?;
    add(m, "thread_info", new_structseq(&ti_t, vec![new_str("pthread"), new_str("semaphore"), new_str("NPTL 2.36")]));
    let (stdin, stdout, stderr) = super::io::std_streams(cfg.unbuffered);
    add(m, "stdin", stdin.clone());
    add(m, "stdout", stdout.clone());
    add(m, "stderr", stderr.clone());
    add(m, "__stdin__", stdin);
    add(m, "__stdout__", stdout);
    add(m, "__stderr__", stderr);
    let d = crate::objects::module::module_dict(m);
    for n in ["displayhook", "excepthook", "breakpointhook", "unraisablehook"] {
        if let Some(v) = PyDict::get_str(&d, n) {
            add(m, &format!("__{n}__"), v);
        }
    }
    let _ = new_string;
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "sys",
    doc: Some("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter."),
    methods: SYS_METHODS,
    init: Some(init),
};
