//! The `_warnings` module: CPython's `Python/_warnings.c` behaviour.
//!
//! It exports what `warnings.py` takes from it (`filters`, `_defaultaction`,
//! `_onceregistry`, `warn`, `warn_explicit`, `_filters_mutated`), so the pure-Python
//! fallbacks there are not used (their `warn_explicit` passes `source` where the file
//! goes).  As in CPython, the filters, default action and once-registry are read from
//! the `warnings` module when it is imported (`catch_warnings` replaces
//! `warnings.filters`), else from this module; a matching warning is shown by calling
//! `warnings._showwarnmsg(WarningMessage(...))`.

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{as_type, MethodDef};
use crate::objects::{exceptions, int::new_int};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt, p};
use crate::vm::{ops, type_error, Args, PyErr, PyResult, Sig, Vm};

/// `warnings.<name>` when `warnings` is imported, else `_warnings.<own>`.
fn setting(vm: &mut Vm, name: &str, own: &str) -> PyResult<Value> {
    if let Some(w) = crate::vm::import::sys_modules_get(vm, "warnings") {
        if let Some(v) = ops::getattr_opt(vm, &w, &crate::objects::str::intern(name))? {
            return Ok(v);
        }
    }
    let m = crate::vm::import::sys_modules_get(vm, "_warnings").ok_or_else(|| crate::vm::runtime_error("_warnings is not initialised"))?;
    ops::getattr_str(vm, &m, own)
}

fn filters_version(vm: &Vm) -> i64 {
    vm.modules_state.warnings_filters_version as i64
}

fn warnings_filters_mutated(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("_filters_mutated", 0, 0)?;
    vm.modules_state.warnings_filters_version += 1;
    Ok(none())
}

/// The action of the first filter matching (text, category, module, lineno).
fn get_action(vm: &mut Vm, text: &Value, category: &Value, module: &Value, lineno: i64) -> PyResult<(String, Value)> {
    let filters = setting(vm, "filters", "filters")?;
    let Some(list) = crate::objects::list::as_list(&filters) else {
        return Err(PyErr::new(&exceptions::VALUE_ERROR, "_warnings.filters must be a list"));
    };
    for (i, item) in list.snapshot().into_iter().enumerate() {
        let parts = as_tuple(&item).filter(|t| t.len() == 5).map(<[Value]>::to_vec);
        let Some([action, msg, cat, module_re, ln]) = parts.and_then(|v| <[Value; 5]>::try_from(v).ok()) else {
            return Err(PyErr::new(&exceptions::VALUE_ERROR, format!("_warnings.filters item {i} isn't a 5-tuple")));
        };
        let matches = |vm: &mut Vm, re: &Value, s: &Value| -> PyResult<bool> {
            if is_none(re) {
                return Ok(true);
            }
            // A plain string (the default filters' '__main__') must equal the text.
            if std::ptr::eq(re.ty(), &crate::objects::str::STR_TYPE) {
                return Ok(as_str(re).is_some() && as_str(re) == as_str(s));
            }
            let r = crate::vm::call::call_method(vm, re, "match", std::slice::from_ref(s))?;
            ops::is_true(vm, &r)
        };
        if !matches(vm, &msg, text)? {
            continue;
        }
        let cat_ok = crate::modules::builtins::issubclass(vm, category, &cat)?;
        if !cat_ok || !matches(vm, &module_re, module)? {
            continue;
        }
        let ln = ops::index_value(vm, &ln)?;
        if ln != 0 && ln != lineno {
            continue;
        }
        let a = as_str(&action).ok_or_else(|| type_error("action must be a string"))?.to_string();
        return Ok((a, item));
    }
    let default = setting(vm, "defaultaction", "_defaultaction")?;
    let a = as_str(&default).ok_or_else(|| type_error("_warnings.defaultaction must be a string"))?.to_string();
    Ok((a, none()))
}

/// Whether `registry[key]` is set (clearing a registry made under other filters).
fn already_warned(vm: &mut Vm, registry: &Value, key: &Value, should_set: bool) -> PyResult<bool> {
    if is_none(registry) {
        return Ok(false);
    }
    let version = filters_version(vm);
    match PyDict::get_str(registry, "version") {
        Some(v) if crate::objects::int::as_i64(&v) == Some(version) => {
            if let Some(hit) = PyDict::get_item_opt(vm, registry, key)? {
                if ops::is_true(vm, &hit)? {
                    return Ok(true);
                }
            }
        }
        _ => {
            crate::vm::call::call_method(vm, registry, "clear", &[])?;
            PyDict::set_str(registry, "version", new_int(version));
        }
    }
    if should_set {
        PyDict::set_item(vm, registry, key.clone(), bool_value(true))?;
    }
    Ok(false)
}

fn module_from_filename(filename: &Value) -> Value {
    match as_str(filename) {
        Some("") => new_str("<unknown>"),
        Some(f) => new_str(f.strip_suffix(".py").unwrap_or(f)),
        None => filename.clone(),
    }
}

#[expect(clippy::too_many_arguments, reason = "warn_explicit's parameters")]
fn warn_explicit_impl(
    vm: &mut Vm,
    category: Value,
    message: Value,
    filename: Value,
    lineno: i64,
    module: Option<Value>,
    registry: Value,
    source: Value,
) -> PyResult<Value> {
    let module = module.filter(|m| !is_none(m)).unwrap_or_else(|| module_from_filename(&filename));
    if !is_none(&registry) && registry.downcast::<PyDict>().is_none() {
        return Err(type_error("'registry' must be a dict or None"));
    }
    let warning_type = exceptions::WARNING.to_value();
    let (text, category, message) = if crate::modules::builtins::isinstance(vm, &message, &warning_type)? {
        (ops::str(vm, &message)?, message.ty().to_value(), message)
    } else {
        let instance = crate::vm::call::call(vm, &category, std::slice::from_ref(&message))?;
        (message, category, instance)
    };
    let key = new_tuple(vec![text.clone(), category.clone(), new_int(lineno)]);
    if already_warned(vm, &registry, &key, false)? {
        return Ok(none());
    }
    let (action, item) = get_action(vm, &text, &category, &module, lineno)?;
    match action.as_str() {
        "error" => return Err(PyErr::from_value(message)),
        "ignore" => return Ok(none()),
        "always" | "all" => {}
        "once" => {
            if !is_none(&registry) {
                PyDict::set_item(vm, &registry, key, bool_value(true))?;
            }
            let once = setting(vm, "onceregistry", "_onceregistry")?;
            let oncekey = new_tuple(vec![text.clone(), category.clone()]);
            if already_warned(vm, &once, &oncekey, true)? {
                return Ok(none());
            }
        }
        "module" => {
            if !is_none(&registry) {
                PyDict::set_item(vm, &registry, key, bool_value(true))?;
                let altkey = new_tuple(vec![text.clone(), category.clone(), new_int(0)]);
                if already_warned(vm, &registry, &altkey, true)? {
                    return Ok(none());
                }
            }
        }
        "default" => {
            if !is_none(&registry) {
                PyDict::set_item(vm, &registry, key, bool_value(true))?;
            }
        }
        _ => {
            let a = ops::repr(vm, &new_str(&action))?;
            let i = ops::repr(vm, &item)?;
            return Err(crate::vm::runtime_error(format!(
                "Unrecognized action ({}) in warnings.filters:\n {}",
                as_str(&a).unwrap_or(""),
                as_str(&i).unwrap_or("")
            )));
        }
    }
    show(vm, message, category, filename, lineno, source)?;
    Ok(none())
}

/// `warnings._showwarnmsg(warnings.WarningMessage(message, category, filename, lineno,
/// None, None, source))`, or a plain line on stderr without the `warnings` module.
fn show(vm: &mut Vm, message: Value, category: Value, filename: Value, lineno: i64, source: Value) -> PyResult<()> {
    let warnings = match crate::vm::import::sys_modules_get(vm, "warnings") {
        Some(w) => Some(w),
        None if !is_none(&source) => crate::vm::import::import_module(vm, "warnings").ok(),
        None => None,
    };
    let Some(warnings) = warnings else {
        let text = ops::str(vm, &message)?;
        let name = as_type(&category).map(|t| t.name()).unwrap_or_default();
        let line = format!("{}:{}: {}: {}\n", as_str(&filename).unwrap_or("?"), lineno, name, as_str(&text).unwrap_or(""));
        super::sys::write_stderr(vm, &line);
        return Ok(());
    };
    let show_fn = ops::getattr_str(vm, &warnings, "_showwarnmsg")?;
    let cls = ops::getattr_str(vm, &warnings, "WarningMessage")?;
    let msg = crate::vm::call::call(vm, &cls, &[message, category, filename, new_int(lineno), none(), none(), source])?;
    if !crate::modules::builtins::is_callable(&show_fn) {
        return Err(type_error("warnings._showwarnmsg() must be set to a callable"));
    }
    crate::vm::call::call(vm, &show_fn, &[msg])?;
    Ok(())
}

fn is_internal_filename(name: &str) -> bool {
    name.contains("importlib") && name.contains("_bootstrap")
}

/// `warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
fn warnings_warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("warn", &[p("message"), opt("category"), opt("stacklevel"), opt("source"), kw("skip_file_prefixes")]);
    let [message, category, stacklevel, source, skip] = SIG.parse::<5>(args)?;
    let message = message.unwrap_or_else(none);
    let warning_type = exceptions::WARNING.to_value();
    let category = if crate::modules::builtins::isinstance(vm, &message, &warning_type)? {
        message.ty().to_value()
    } else {
        match category.filter(|c| !is_none(c)) {
            None => exceptions::USER_WARNING.to_value(),
            Some(c) => {
                let ok = as_type(&c).is_some() && crate::modules::builtins::issubclass(vm, &c, &warning_type)?;
                if !ok {
                    return Err(type_error(format!("category must be a Warning subclass, not '{}'", c.ty().name())));
                }
                c
            }
        }
    };
    let mut stacklevel = match stacklevel {
        Some(s) => ops::index_value(vm, &s)?,
        None => 1,
    };
    let prefixes: Vec<String> = match skip.filter(|s| !is_none(s)) {
        Some(s) => {
            let t = as_tuple(&s).ok_or_else(|| type_error("warn() argument 'skip_file_prefixes' must be tuple, not ".to_string() + &s.ty().name()))?;
            t.iter().filter_map(|x| as_str(x).map(str::to_string)).collect()
        }
        None => Vec::new(),
    };
    if !prefixes.is_empty() && stacklevel < 2 {
        stacklevel = 2;
    }
    let source = source.unwrap_or_else(none);
    // The frame `stacklevel` levels up, skipping importlib's bootstrap frames (and
    // files under `skip_file_prefixes`) above the first.
    let located = {
        let chain = vm.frame_chain();
        let skipped = |f: &crate::vm::frame::Frame| {
            let name = &*f.code().code.filename;
            is_internal_filename(name) || prefixes.iter().any(|p| name.starts_with(p.as_str()))
        };
        let mut idx = chain.len().checked_sub(1);
        let mut level = stacklevel;
        while level > 1 {
            let Some(i) = idx else { break };
            let mut j = i.checked_sub(1);
            while let Some(k) = j {
                if !skipped(chain[k]) {
                    break;
                }
                j = k.checked_sub(1);
            }
            idx = j;
            level -= 1;
        }
        idx.map(|i| {
            let f = chain[i];
            (f.globals.clone(), f.code.clone(), f.line().unwrap_or(0) as i64)
        })
    };
    let (globals, filename, lineno) = match located {
        Some((g, code, line)) => {
            let file = code.downcast::<crate::objects::code::PyCode>().map(|c| new_str(&c.code.filename)).unwrap_or_else(none);
            (g, file, line)
        }
        None => (crate::objects::module::module_dict(&vm.sys), new_str("<sys>"), 0),
    };
    let registry = match PyDict::get_str(&globals, "__warningregistry__") {
        Some(r) => r,
        None => {
            let r = PyDict::new_value();
            PyDict::set_str(&globals, "__warningregistry__", r.clone());
            r
        }
    };
    let module = match PyDict::get_str(&globals, "__name__") {
        Some(n) if as_str(&n).is_some() => n,
        _ => new_str("<string>"),
    };
    warn_explicit_impl(vm, category, message, filename, lineno, Some(module), registry, source)
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None,
/// module_globals=None, source=None)`.
fn warnings_warn_explicit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "warn_explicit",
        &[p("message"), p("category"), p("filename"), p("lineno"), opt("module"), opt("registry"), opt("module_globals"), opt("source")],
    );
    let [message, category, filename, lineno, module, registry, _globals, source] = SIG.parse::<8>(args)?;
    let filename = filename.unwrap_or_else(none);
    if as_str(&filename).is_none() {
        return Err(type_error(format!("warn_explicit() argument 3 must be str, not {}", filename.ty().name())));
    }
    let lineno = ops::index_value(vm, &lineno.unwrap_or_else(none))?;
    warn_explicit_impl(
        vm,
        category.unwrap_or_else(none),
        message.unwrap_or_else(none),
        filename,
        lineno,
        module,
        registry.unwrap_or_else(none),
        source.unwrap_or_else(none),
    )
}

fn init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    let filter = |action: &str, category: &crate::objects::typeobject::PyType, module: Option<&str>| {
        new_tuple(vec![new_str(action), none(), category.to_value(), module.map(new_str).unwrap_or_else(none), new_int(0)])
    };
    let filters = PyList::new_value(vec![
        filter("default", &exceptions::DEPRECATION_WARNING, Some("__main__")),
        filter("ignore", &exceptions::DEPRECATION_WARNING, None),
        filter("ignore", &exceptions::PENDING_DEPRECATION_WARNING, None),
        filter("ignore", &exceptions::IMPORT_WARNING, None),
        filter("ignore", &exceptions::RESOURCE_WARNING, None),
    ]);
    super::add_object(module, "filters", filters);
    super::add_object(module, "_defaultaction", new_str("default"));
    super::add_object(module, "_onceregistry", PyDict::new_value());
    Ok(())
}

pub static WARNINGS_METHODS: &[MethodDef] = &[
    MethodDef::method("warn", warnings_warn),
    MethodDef::method("warn_explicit", warnings_warn_explicit),
    MethodDef::method("_filters_mutated", warnings_filters_mutated),
];

pub static MODULE: ModuleDef = ModuleDef {
    name: "_warnings",
    doc: Some("_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up."),
    methods: WARNINGS_METHODS,
    init: Some(init),
};
