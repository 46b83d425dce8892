//! The import system: `import`, `from ... import`, `__import__` and running modules.
//!
//! NOTE: CPython runs `importlib._bootstrap` for this; Taipan implements the same
//! observable behaviour natively for speed of start-up: `sys.modules` caching, native
//! modules first, then `sys.path` entries (packages with `__init__.py`, plain modules,
//! namespace packages), parent packages imported first and submodules bound on their
//! parents, relative imports from `__package__`/`__name__`, and CPython's error messages.

use super::frame::Frame;
use super::{type_error, PyErr, PyResult, Vm};
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::module::{module_dict, module_name};
use crate::objects::singletons::{is_none, none};
use crate::objects::str::{as_str, intern, new_str};
use crate::runtime::value::Value;

fn module_not_found(name: &str) -> PyErr {
    let e = PyErr::new(&exceptions::MODULE_NOT_FOUND_ERROR, format!("No module named '{name}'"));
    exceptions::set_attr_fields(&e.exc, "name", new_str(name));
    e
}

/// Resolves a relative import (CPython's `resolve_name`).
fn resolve_name(vm: &mut Vm, name: &str, globals: &Value, level: usize) -> PyResult<String> {
    let package = PyDict::get_str(globals, "__package__").filter(|p| !is_none(p));
    let package = match package {
        Some(p) => as_str(&p).ok_or_else(|| type_error("package must be a string"))?.to_string(),
        None => {
            let spec_parent = PyDict::get_str(globals, "__spec__")
                .filter(|s| !is_none(s))
                .and_then(|s| super::ops::getattr_str(vm, &s, "parent").ok())
                .and_then(|p| as_str(&p).map(str::to_string));
            match spec_parent {
                Some(p) => p,
                None => {
                    let modname = PyDict::get_str(globals, "__name__")
                        .and_then(|n| as_str(&n).map(str::to_string))
                        .ok_or_else(|| PyErr::new(&exceptions::KEY_ERROR, "'__name__' not in globals"))?;
                    if PyDict::get_str(globals, "__path__").is_some() {
                        modname
                    } else {
                        modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
                    }
                }
            }
        }
    };
    if package.is_empty() {
        return Err(PyErr::new(&exceptions::IMPORT_ERROR, "attempted relative import with no known parent package"));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((p, _)) => base = p,
            None => {
                return Err(PyErr::new(&exceptions::IMPORT_ERROR, "attempted relative import beyond top-level package"));
            }
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// `sys.modules[name]` when present and not None.
pub(crate) fn sys_modules_get(vm: &Vm, name: &str) -> Option<Value> {
    PyDict::get_str(&vm.sys_modules, name).filter(|m| !is_none(m))
}

/// `sys.modules[name]`: `Ok(None)` when absent, CPython's "import of X halted" error
/// when the entry is None.
fn sys_modules_lookup(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    match PyDict::get_str(&vm.sys_modules, name) {
        Some(m) if is_none(&m) => {
            let e = PyErr::new(&exceptions::MODULE_NOT_FOUND_ERROR, format!("import of {name} halted; None in sys.modules"));
            exceptions::set_attr_fields(&e.exc, "name", new_str(name));
            Err(e)
        }
        other => Ok(other),
    }
}

/// Imports `name` (absolute, dotted) and returns the leaf module.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(m) = sys_modules_lookup(vm, name)? {
        return Ok(m);
    }
    let mut parent: Option<Value> = None;
    let mut prefix = String::new();
    for part in name.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        let m = match sys_modules_lookup(vm, &prefix)? {
            Some(m) => m,
            None => {
                let m = load_module(vm, &prefix, parent.as_ref())?;
                if let Some(p) = &parent {
                    let _ = super::ops::setattr(vm, p, &intern(part), Some(&m));
                }
                m
            }
        };
        parent = Some(m);
    }
    parent.ok_or_else(|| module_not_found(name))
}

/// Search locations for a module: its parent's `__path__`, or `sys.path`.
fn search_paths(vm: &mut Vm, parent: Option<&Value>, fullname: &str) -> PyResult<Vec<String>> {
    match parent {
        Some(p) => {
            let Some(path) = super::ops::getattr_opt(vm, p, &intern("__path__"))? else {
                let e = PyErr::new(
                    &exceptions::MODULE_NOT_FOUND_ERROR,
                    format!("No module named '{fullname}'; '{}' is not a package", module_name(p)),
                );
                exceptions::set_attr_fields(&e.exc, "name", new_str(fullname));
                return Err(e);
            };
            let items = super::ops::collect_iter(vm, &path)?;
            Ok(items.iter().filter_map(|v| as_str(v).map(str::to_string)).collect())
        }
        None => {
            let path = crate::modules::sys::get_sys_attr(vm, "path").unwrap_or_else(none);
            let items = super::ops::collect_iter(vm, &path).unwrap_or_default();
            Ok(items.iter().filter_map(|v| as_str(v).map(str::to_string)).collect())
        }
    }
}

enum Found {
    Source { file: String, package_dir: Option<String> },
    Namespace(Vec<String>),
}

fn find_in(paths: &[String], short: &str) -> Option<Found> {
    let mut namespace = Vec::new();
    for dir in paths {
        // FileFinder('') searches the current directory under its absolute name.
        let base = if dir.is_empty() {
            std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_else(|_| ".".to_string())
        } else {
            dir.clone()
        };
        let pkg = std::path::Path::new(&base).join(short);
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Some(Found::Source { file: init.to_string_lossy().into_owned(), package_dir: Some(pkg.to_string_lossy().into_owned()) });
        }
        let file = std::path::Path::new(&base).join(format!("{short}.py"));
        if file.is_file() {
            return Some(Found::Source { file: file.to_string_lossy().into_owned(), package_dir: None });
        }
        if pkg.is_dir() {
            namespace.push(pkg.to_string_lossy().into_owned());
        }
    }
    if namespace.is_empty() {
        None
    } else {
        Some(Found::Namespace(namespace))
    }
}

/// Gives a native module its `__spec__` (origin "built-in") and `__package__`.
pub fn init_builtin_module_attrs(vm: &mut Vm, m: &Value, fullname: &str) -> PyResult<()> {
    let d = module_dict(m);
    PyDict::set_str(&d, "__spec__", crate::modules::sys::make_spec(vm, fullname, "built-in", None)?);
    PyDict::set_set_package(&d, fullname, false);
    Ok(())
}

fn load_module(vm: &mut Vm, fullname: &str, parent: Option<&Value>) -> PyResult<Value> {
    if let Some(m) = load_via_importlib(vm, fullname)? {
        return Ok(m);
    }
    if let Some(def) = crate::modules::find_builtin(fullname) {
        let m = crate::modules::create_module(vm, def)?;
        init_builtin_module_attrs(vm, &m, fullname)?;
        PyDict::set_item(vm, &vm.sys_modules.clone(), new_str(fullname), m.clone())?;
        return Ok(m);
    }
    let short = fullname.rsplit('.').next().unwrap_or(fullname);
    let paths = search_paths(vm, parent, fullname)?;
    let Some(found) = find_in(&paths, short) else {
        return Err(module_not_found(fullname));
    };
    let module = crate::objects::module::new_module(fullname, None);
    let d = module_dict(&module);
    match found {
        Found::Namespace(dirs) => {
            let path = crate::objects::list::PyList::new_value(dirs.iter().map(|p| new_str(p)).collect());
            PyDict::set_str(&d, "__path__", path.clone());
            PyDict::set_str(&d, "__package__", new_str(fullname));
            let spec = crate::modules::sys::make_spec(vm, fullname, "", Some(true))?;
            super::ops::setattr(vm, &spec, &intern("submodule_search_locations"), Some(&path))?;
            PyDict::set_str(&d, "__spec__", spec);
            PyDict::set_str(&d, "__file__", none());
            PyDict::set_item(vm, &vm.sys_modules.clone(), new_str(fullname), module.clone())?;
            Ok(module)
        }
        Found::Source { file, package_dir } => {
            PyDict::set_str(&d, "__file__", new_str(&file));
            let is_pkg = package_dir.is_some();
            if let Some(dir) = &package_dir {
                PyDict::set_str(&d, "__path__", crate::objects::list::PyList::new_value(vec![new_str(dir)]));
            }
            PyDict::set_set_package(&d, fullname, is_pkg);
            let frozen = is_frozen_stdlib(vm, fullname, &file);
            let spec = if frozen { frozen_spec(vm, fullname)? } else { file_spec(vm, fullname, &file, package_dir.as_deref())? };
            if let Some(loader) = super::ops::getattr_opt(vm, &spec, &intern("loader"))? {
                PyDict::set_str(&d, "__loader__", loader);
            }
            PyDict::set_str(&d, "__spec__", spec.clone());
            if !frozen {
                PyDict::set_str(&d, "__cached__", none());
            }
            PyDict::set_str(&d, "__builtins__", vm.builtins.clone());
            PyDict::set_item(vm, &vm.sys_modules.clone(), new_str(fullname), module.clone())?;
            // `_initializing` marks the module as partially initialized while its body
            // runs (CPython's `_load_unlocked`), for the circular-import messages.
            let initializing = intern("_initializing");
            let _ = super::ops::setattr(vm, &spec, &initializing, Some(&crate::objects::singletons::bool_value(true)));
            let code_filename = if frozen { format!("<frozen {fullname}>") } else { file.clone() };
            let result = run_source_file(vm, &file, &code_filename, &d);
            let _ = super::ops::setattr(vm, &spec, &initializing, Some(&crate::objects::singletons::bool_value(false)));
            if let Err(e) = result {
                let _ = PyDict::del_str(&vm.sys_modules.clone(), fullname);
                return Err(e);
            }
            if fullname == "importlib" {
                install_importlib_finders(vm)?;
            }
            // The module may have replaced itself in sys.modules.
            Ok(sys_modules_get(vm, fullname).unwrap_or(module))
        }
    }
}

/// The standard-library modules CPython 3.13 freezes into its executable
/// (`_imp._frozen_module_names()`): their code reports `<frozen NAME>` as its file, so
/// tracebacks through them look like CPython's, and their spec's origin is "frozen".
const FROZEN_STDLIB: &[&str] = &[
    "importlib._bootstrap",
    "importlib._bootstrap_external",
    "zipimport",
    "abc",
    "codecs",
    "io",
    "_collections_abc",
    "_sitebuiltins",
    "genericpath",
    "ntpath",
    "posixpath",
    "os",
    "site",
    "stat",
    "importlib.util",
    "importlib.machinery",
    "runpy",
];

fn is_frozen_stdlib(vm: &Vm, fullname: &str, file: &str) -> bool {
    FROZEN_STDLIB.contains(&fullname)
        && vm.config.stdlib.as_deref().map(|lib| std::path::Path::new(file).starts_with(lib)).unwrap_or(false)
}

/// `ModuleSpec(name, FrozenImporter, origin='frozen')` once importlib is loaded, a
/// namespace with the same attributes before.
fn frozen_spec(vm: &mut Vm, fullname: &str) -> PyResult<Value> {
    if IMPORTLIB_READY.with(|r| r.get()) {
        if let Some(bootstrap) = sys_modules_get(vm, "importlib._bootstrap") {
            let spec_type = super::ops::getattr_str(vm, &bootstrap, "ModuleSpec")?;
            let importer = super::ops::getattr_str(vm, &bootstrap, "FrozenImporter")?;
            return super::call::call_with_kwnames(
                vm,
                &spec_type,
                &[new_str(fullname), importer, new_str("frozen")],
                &[intern("origin")],
            );
        }
    }
    crate::modules::sys::make_spec(vm, fullname, "frozen", None)
}

thread_local! {
    /// `importlib`'s finders are installed (see `install_importlib_finders`).
    static IMPORTLIB_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// `importlib` is being imported because of a custom finder.
    static LOADING_IMPORTLIB: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `sys.meta_path` holds a finder other than importlib's standard three: then
/// imports go through `importlib._bootstrap` so the program's finders are consulted in
/// order, as in CPython.
fn has_custom_finders(vm: &mut Vm) -> PyResult<bool> {
    let Some(meta_path) = crate::modules::sys::get_sys_attr(vm, "meta_path") else { return Ok(false) };
    let Some(list) = crate::objects::list::as_list(&meta_path) else { return Ok(false) };
    let items = list.snapshot();
    if items.is_empty() {
        return Ok(false);
    }
    let mut standard = Vec::new();
    if let Some(b) = sys_modules_get(vm, "importlib._bootstrap") {
        for n in ["BuiltinImporter", "FrozenImporter"] {
            standard.extend(super::ops::getattr_opt(vm, &b, &intern(n))?);
        }
    }
    if let Some(e) = sys_modules_get(vm, "importlib._bootstrap_external") {
        standard.extend(super::ops::getattr_opt(vm, &e, &intern("PathFinder"))?);
    }
    Ok(items.iter().any(|f| !standard.iter().any(|s| s.is(f))))
}

/// Loads `fullname` with `importlib._bootstrap._find_and_load` when the program has
/// its own finders on `sys.meta_path`; `Ok(None)` means "use the native path".
fn load_via_importlib(vm: &mut Vm, fullname: &str) -> PyResult<Option<Value>> {
    if LOADING_IMPORTLIB.with(|l| l.get()) || fullname == "importlib" || fullname.starts_with("importlib.") {
        return Ok(None);
    }
    if !has_custom_finders(vm)? {
        return Ok(None);
    }
    if !IMPORTLIB_READY.with(|r| r.get()) {
        LOADING_IMPORTLIB.with(|l| l.set(true));
        let r = import_module(vm, "importlib");
        LOADING_IMPORTLIB.with(|l| l.set(false));
        r?;
    }
    let Some(bootstrap) = sys_modules_get(vm, "importlib._bootstrap") else { return Ok(None) };
    let find_and_load = super::ops::getattr_str(vm, &bootstrap, "_find_and_load")?;
    let gcd_import = super::ops::getattr_str(vm, &bootstrap, "_gcd_import")?;
    super::call::call(vm, &find_and_load, &[new_str(fullname), gcd_import]).map(Some)
}

/// The spec of a source module: CPython's `ModuleSpec` with a `SourceFileLoader` once
/// `importlib._bootstrap_external` is loaded, a lightweight namespace with the same
/// attributes before that (start-up imports do not pay for running importlib).
fn file_spec(vm: &mut Vm, fullname: &str, file: &str, package_dir: Option<&str>) -> PyResult<Value> {
    let locations = package_dir.map(|dir| crate::objects::list::PyList::new_value(vec![new_str(dir)]));
    if let Some(external) = sys_modules_get(vm, "importlib._bootstrap_external") {
        if let Some(f) = super::ops::getattr_opt(vm, &external, &intern("spec_from_file_location"))? {
            let mut args = vec![new_str(fullname), new_str(file)];
            let mut kwnames = Vec::new();
            if let Some(l) = &locations {
                args.push(l.clone());
                kwnames.push(intern("submodule_search_locations"));
            }
            let spec = super::call::call_with_kwnames(vm, &f, &args, &kwnames)?;
            if !is_none(&spec) {
                return Ok(spec);
            }
        }
    }
    let spec = crate::modules::sys::make_spec(vm, fullname, file, if package_dir.is_some() { Some(false) } else { None })?;
    if let Some(l) = &locations {
        super::ops::setattr(vm, &spec, &intern("submodule_search_locations"), Some(l))?;
    }
    Ok(spec)
}

/// Once `importlib` has set up `importlib._bootstrap` (CPython's `_bootstrap._install`
/// and `_bootstrap_external._install`, which CPython runs at start-up from the frozen
/// modules): `sys.meta_path` gets the built-in, frozen and path finders and
/// `sys.path_hooks` the file finder, so `importlib.import_module`, `find_spec`,
/// `reload` and `runpy` work with CPython's own machinery.
fn install_importlib_finders(vm: &mut Vm) -> PyResult<()> {
    let (Some(bootstrap), Some(external)) =
        (sys_modules_get(vm, "importlib._bootstrap"), sys_modules_get(vm, "importlib._bootstrap_external"))
    else {
        return Ok(());
    };
    let meta_path = crate::modules::sys::get_sys_attr(vm, "meta_path").unwrap_or_else(none);
    let items = super::ops::collect_iter(vm, &meta_path)?;
    let path_finder = super::ops::getattr_str(vm, &external, "PathFinder")?;
    if items.iter().any(|f| f.is(&path_finder)) {
        IMPORTLIB_READY.with(|r| r.set(true));
        return Ok(());
    }
    // Finders a program added before importing importlib stay in front.
    for finder in ["BuiltinImporter", "FrozenImporter"] {
        let f = super::ops::getattr_str(vm, &bootstrap, finder)?;
        super::call::call_method(vm, &meta_path, "append", &[f])?;
    }
    let install = super::ops::getattr_str(vm, &external, "_install")?;
    super::call::call(vm, &install, &[bootstrap])?;
    IMPORTLIB_READY.with(|r| r.set(true));
    // CPython's names for the two bootstrap modules.
    for (alias, name) in [("_frozen_importlib", "importlib._bootstrap"), ("_frozen_importlib_external", "importlib._bootstrap_external")] {
        if let Some(m) = sys_modules_get(vm, name) {
            PyDict::set_item(vm, &vm.sys_modules.clone(), new_str(alias), m)?;
        }
    }
    // Modules imported before now get CPython's specs and loaders too.
    for (name, module) in PyDict::items_vec(&vm.sys_modules.clone()) {
        let (Some(name), Some(_)) = (as_str(&name).map(str::to_string), crate::objects::module::as_module(&module)) else {
            continue;
        };
        let d = module_dict(&module);
        let Some(old) = PyDict::get_str(&d, "__spec__").filter(|s| std::ptr::eq(s.ty(), &crate::objects::namespace::NAMESPACE_TYPE)) else {
            continue;
        };
        let origin = super::ops::getattr_opt(vm, &old, &intern("origin"))?.and_then(|o| as_str(&o).map(str::to_string));
        if origin.as_deref() == Some("frozen") {
            let spec = frozen_spec(vm, &name)?;
            if let Some(loader) = super::ops::getattr_opt(vm, &spec, &intern("loader"))? {
                PyDict::set_str(&d, "__loader__", loader);
            }
            PyDict::set_str(&d, "__spec__", spec);
            continue;
        }
        let Some(file) = origin.filter(|o| o.ends_with(".py")) else { continue };
        let pkg_dir = PyDict::get_str(&d, "__path__")
            .and_then(|p| crate::objects::list::as_list(&p).and_then(|l| l.snapshot().first().cloned()))
            .and_then(|p| as_str(&p).map(str::to_string));
        let pkg_dir = if file.ends_with("/__init__.py") { pkg_dir } else { None };
        let spec = file_spec(vm, &name, &file, pkg_dir.as_deref())?;
        let initializing = super::ops::getattr_opt(vm, &old, &intern("_initializing"))?;
        if let Some(i) = initializing {
            super::ops::setattr(vm, &spec, &intern("_initializing"), Some(&i))?;
        }
        if let Some(loader) = super::ops::getattr_opt(vm, &spec, &intern("loader"))? {
            PyDict::set_str(&d, "__loader__", loader);
        }
        PyDict::set_str(&d, "__spec__", spec);
    }
    Ok(())
}

/// Compiles and runs a source file in `globals`; `code_filename` is the code's
/// `co_filename`.
pub fn run_source_file(vm: &mut Vm, file: &str, code_filename: &str, globals: &Value) -> PyResult<Value> {
    let bytes = std::fs::read(file).map_err(|e| exceptions::os_error_from_io(&e, Some(new_str(file))))?;
    let source = super::source::decode_source(vm, &bytes, super::source::Origin::Bytes(code_filename))?;
    let code = crate::compile_source(vm, &source, code_filename, taipan_compiler::Mode::Exec)?;
    let frame = Frame::for_module(code, globals.clone(), Some(globals.clone()), vm.builtins_dict.clone());
    vm.run_frame(frame)
}

impl PyDict {
    /// Sets `__package__` for a module dict.
    pub fn set_set_package(d: &Value, fullname: &str, is_pkg: bool) {
        let package = if is_pkg { fullname.to_string() } else { fullname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
        PyDict::set_str(d, "__package__", new_str(&package));
    }
}

/// `ImportName`: `__import__(name, globals, locals, fromlist, level)`.
pub fn import_name(vm: &mut Vm, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
    let import_fn = PyDict::get_str(&f.builtins, "__import__");
    if import_fn.is_none() {
        return Err(PyErr::new(&crate::objects::exceptions::IMPORT_ERROR, "__import__ not found"));
    }
    if let Some(imp) = import_fn {
        if !crate::objects::function::is_native_fn(&imp, crate::modules::builtins::builtin_import) {
            let locals = f.locals.clone().unwrap_or_else(none);
            return super::call::call(vm, &imp, &[name.clone(), f.globals.clone(), locals, fromlist.clone(), level.clone()]);
        }
    }
    let level = crate::objects::int::as_i64(level).unwrap_or(0).max(0) as usize;
    import_impl(vm, as_str(name).unwrap_or(""), &f.globals, fromlist, level)
}

/// The core of `__import__`.
pub fn import_impl(vm: &mut Vm, name: &str, globals: &Value, fromlist: &Value, level: usize) -> PyResult<Value> {
    let absolute = if level > 0 { resolve_name(vm, name, globals, level)? } else { name.to_string() };
    if absolute.is_empty() {
        return Err(super::value_error("Empty module name"));
    }
    let module = import_module(vm, &absolute)?;
    let has_fromlist = !is_none(fromlist) && super::ops::is_true(vm, fromlist)?;
    if !has_fromlist {
        if level == 0 || !name.is_empty() {
            // `import a.b.c` binds `a`; relative `from . import` never gets here.
            let top = if level == 0 {
                name.split('.').next().unwrap_or(name).to_string()
            } else {
                let cut = name.split('.').count() - 1;
                let parts: Vec<&str> = absolute.split('.').collect();
                parts[..parts.len() - cut].join(".")
            };
            return sys_modules_get(vm, &top).ok_or_else(|| module_not_found(&top));
        }
        return Ok(module);
    }
    // Import submodules named in the fromlist of a package.
    if super::ops::getattr_opt(vm, &module, &intern("__path__"))?.is_some() {
        for item in super::ops::collect_iter(vm, fromlist)? {
            let Some(n) = as_str(&item).map(str::to_string) else { continue };
            if n == "*" {
                if let Some(all) = super::ops::getattr_opt(vm, &module, &intern("__all__"))? {
                    for a in super::ops::collect_iter(vm, &all)? {
                        if let Some(an) = as_str(&a) {
                            let an = an.to_string();
                            if super::ops::getattr_opt(vm, &module, &a)?.is_none() {
                                let _ = import_module(vm, &format!("{absolute}.{an}"));
                            }
                        }
                    }
                }
                continue;
            }
            if super::ops::getattr_opt(vm, &module, &item)?.is_none() {
                match import_module(vm, &format!("{absolute}.{n}")) {
                    Ok(_) => {}
                    Err(e) if e.matches(&exceptions::MODULE_NOT_FOUND_ERROR) => {
                        let missing = exceptions::get_attr_field(&e.exc, "name").and_then(|v| as_str(&v).map(str::to_string));
                        if missing.as_deref() != Some(&format!("{absolute}.{n}")) {
                            return Err(e);
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(module)
}

/// `ImportFrom`: `from module import name`.
pub fn import_from(vm: &mut Vm, module: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = super::ops::getattr_opt(vm, module, name)? {
        return Ok(v);
    }
    let modname = super::ops::getattr_opt(vm, module, &intern("__name__"))?.and_then(|n| as_str(&n).map(str::to_string));
    let n = as_str(name).unwrap_or("?").to_string();
    if let Some(mn) = &modname {
        if let Some(sub) = sys_modules_get(vm, &format!("{mn}.{n}")) {
            return Ok(sub);
        }
    }
    let mn = modname.unwrap_or_else(|| "<unknown module name>".into());
    let file = super::ops::getattr_opt(vm, module, &intern("__file__"))?.and_then(|f| as_str(&f).map(str::to_string));
    let initializing = is_initializing(vm, module);
    let loc = file.unwrap_or_else(|| "unknown location".into());
    let msg = if initializing {
        format!("cannot import name '{n}' from partially initialized module '{mn}' (most likely due to a circular import) ({loc})")
    } else {
        format!("cannot import name '{n}' from '{mn}' ({loc})")
    };
    let e = PyErr::new(&exceptions::IMPORT_ERROR, msg);
    exceptions::set_attr_fields(&e.exc, "name", new_str(&mn));
    exceptions::set_attr_fields(&e.exc, "name_from", name.clone());
    if loc != "unknown location" {
        exceptions::set_attr_fields(&e.exc, "path", new_str(&loc));
    }
    Ok(Err(e)?)
}

fn is_initializing(vm: &mut Vm, module: &Value) -> bool {
    let Ok(Some(spec)) = super::ops::getattr_opt(vm, module, &intern("__spec__")) else { return false };
    match super::ops::getattr_opt(vm, &spec, &intern("_initializing")) {
        Ok(Some(v)) => super::ops::is_true(vm, &v).unwrap_or(false),
        _ => false,
    }
}

/// `from module import *`.
pub fn import_star(vm: &mut Vm, f: &Frame, module: &Value) -> PyResult<()> {
    let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
    let names: Vec<Value> = match super::ops::getattr_opt(vm, module, &intern("__all__"))? {
        Some(all) => super::ops::collect_iter(vm, &all)?,
        None => {
            let d = super::ops::getattr_str(vm, module, "__dict__")?;
            PyDict::keys_vec(&d).into_iter().filter(|k| as_str(k).map(|s| !s.starts_with('_')).unwrap_or(false)).collect()
        }
    };
    for n in names {
        if !crate::objects::str::is_str(&n) {
            return Err(type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                module_name(module),
                n.ty().name()
            )));
        }
        let v = super::ops::getattr(vm, module, &n)?;
        super::ops::setitem(vm, &locals, &n, &v)?;
    }
    Ok(())
}
