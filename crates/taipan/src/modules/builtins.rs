//! The `builtins` module.  Mirrors CPython's `Python/bltinmodule.c`.

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator};

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::int::{as_int, new_int};
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, intern, new_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{as_type, MethodDef, PyType};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt, p, po, po_opt};
use crate::vm::{ops, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};


fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = pos[0].clone();
    let name = pos[1].clone();
    if crate::objects::function::as_function(&func).is_none() {
        return Err(type_error("__build_class__: func must be a function"));
    }
    if !crate::objects::str::is_str(&name) {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if as_type(b).is_some() {
            bases.push(b.clone());
            continue;
        }
        if let Some(g) = b.downcast::<crate::objects::genericalias::PyGenericAlias>() {
            bases.push(g.origin.clone());
            changed = true;
            continue;
        }
        match ops::lookup_special(b, "__mro_entries__") {
            Some(me) => {
                let r = crate::vm::call::call_method_value(vm, &me, b, &[new_tuple(orig_bases.clone())])?;
                let items = as_tuple(&r).ok_or_else(|| type_error("__mro_entries__ must return a tuple"))?;
                bases.extend_from_slice(items);
                changed = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let mut meta: Option<Value> = None;
    let mut kwnames = Vec::new();
    let mut kwvalues = Vec::new();
    for (k, v) in args.kwargs() {
        if as_str(k) == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kwnames.push(k.clone());
            kwvalues.push(v.clone());
        }
    }
    let is_class_meta = meta.as_ref().map(|m| as_type(m).is_some()).unwrap_or(true);
    let meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.ty().to_value(),
            None => crate::objects::typeobject::TYPE_TYPE.to_value(),
        },
    };
    let meta = if is_class_meta { crate::objects::typeobject_new::calculate_metaclass(&meta, &bases)? } else { meta };
    let bases_t = new_tuple(bases);
    let ns = match ops::getattr_opt(vm, &meta, &intern("__prepare__"))? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kwvalues.iter().cloned());
            crate::vm::call::call_with_kwnames(vm, &prep, &a, &kwnames)?
        }
        None => PyDict::new_value(),
    };
    if ns.ty().slots.getitem.get().is_none() {
        let mname = as_type(&meta).map(|t| t.name()).unwrap_or_else(|| "<metaclass>".into());
        return Err(type_error(format!("{mname}.__prepare__() must return a mapping, not {}", ns.ty().name())));
    }
    let cell = vm.run_class_body(&func, &ns)?;
    if changed {
        ops::setitem(vm, &ns, &intern("__orig_bases__"), &new_tuple(orig_bases))?;
    }
    let mut a = vec![name, bases_t, ns];
    a.extend(kwvalues);
    let cls = crate::vm::call::call_with_kwnames(vm, &meta, &a, &kwnames)?;
    if let Some(c) = cell.as_ref().and_then(|c| c.downcast::<crate::objects::cell::PyCell>()) {
        if let Some(v) = c.get() {
            if !v.is(&cls) && as_type(&cls).is_some() {
                let n = as_type(&cls).map(|t| t.name()).unwrap_or_default();
                return Err(type_error(format!(
                    "__class__ set to {} defining '{}' as {}",
                    ops::repr_string(vm, &v)?,
                    n,
                    ops::repr_string(vm, &cls)?
                )));
            }
        }
    }
    Ok(cls)
}

pub fn builtin_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("__import__", &[p("name"), opt("globals"), opt("locals"), opt("fromlist"), opt("level")]);
    let [name, globals, _locals, fromlist, level] = SIG.parse::<5>(args)?;
    let name = name.expect("required");
    let n = as_str(&name).ok_or_else(|| type_error("module name must be a string"))?.to_string();
    let level = match level {
        Some(l) => ops::index_value(vm, &l)?,
        None => 0,
    };
    if level < 0 {
        return Err(value_error("level must be >= 0"));
    }
    let globals = globals.filter(|g| !is_none(g)).unwrap_or_else(PyDict::new_value);
    let fromlist = fromlist.unwrap_or_else(none);
    if n.is_empty() && level == 0 {
        return Err(value_error("Empty module name"));
    }
    crate::vm::import::import_impl(vm, &n, &globals, &fromlist, level as usize)
}

fn b_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("abs")?;
    ops::unary_op(vm, x, crate::objects::typeobject::UnaryOp::Abs)
}

fn b_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [it] = args.exact::<1>("all")?;
    let it = ops::iter(vm, it)?;
    while let Some(x) = ops::next(vm, &it)? {
        if !ops::is_true(vm, &x)? {
            return Ok(bool_value(false));
        }
    }
    Ok(bool_value(true))
}

fn b_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [it] = args.exact::<1>("any")?;
    let it = ops::iter(vm, it)?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::is_true(vm, &x)? {
            return Ok(bool_value(true));
        }
    }
    Ok(bool_value(false))
}

fn b_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("ascii")?;
    ops::ascii(vm, x)
}

fn format_radix(vm: &mut Vm, x: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let i = ops::index(vm, x)?;
    let b = crate::objects::int::as_bigint(&i).unwrap_or_default();
    use num_traits::Signed;
    let digits = b.abs().to_str_radix(radix);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(new_string(format!("{sign}{prefix}{digits}")))
}

fn b_bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("bin")?;
    format_radix(vm, x, 2, "0b")
}
fn b_oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("oct")?;
    format_radix(vm, x, 8, "0o")
}
fn b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("hex")?;
    format_radix(vm, x, 16, "0x")
}

fn b_breakpoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let hook = super::sys::get_sys_attr(vm, "breakpointhook").ok_or_else(|| crate::vm::runtime_error("lost sys.breakpointhook"))?;
    crate::vm::call::call_with_kwnames(vm, &hook, args.values, args.kwnames)
}

fn b_callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("callable")?;
    Ok(bool_value(is_callable(x)))
}

pub fn is_callable(x: &Value) -> bool {
    x.ty().slots.call.get().is_some()
}

fn b_chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("chr")?;
    let i = ops::index(vm, x)?;
    let n = crate::objects::int::as_i64(&i).ok_or_else(|| crate::vm::overflow_error("Python int too large to convert to C int"))?;
    if !(0..=0x10ffff).contains(&n) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    match crate::objects::str::char_from_code_point(n as u32) {
        Some(c) => Ok(new_string(c.to_string())),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("ord")?;
    if let Some(s) = crate::objects::str::as_pystr(x) {
        if s.char_len() != 1 {
            return Err(type_error(format!("ord() expected a character, but string of length {} found", s.char_len())));
        }
        return Ok(new_int(crate::objects::str::code_point(s.char_at(0)) as i64));
    }
    if let Some(b) = crate::objects::bytes::as_bytes_like(x) {
        if b.len() != 1 {
            return Err(type_error(format!("ord() expected a character, but string of length {} found", b.len())));
        }
        return Ok(new_int(b[0] as i64));
    }
    Err(type_error(format!("ord() expected string of length 1, but {} found", x.ty().name())))
}

fn b_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compile", &[p("source"), p("filename"), p("mode"), opt("flags"), opt("dont_inherit"), opt("optimize"), kw("_feature_version")]);
    let [source, filename, mode, flags, _di, _opt, _fv] = SIG.parse::<7>(args)?;
    let source = source.expect("required");
    let filename = filename.expect("required");
    let mode = mode.expect("required");
    let fname = match as_str(&filename) {
        Some(s) => s.to_string(),
        None => match crate::objects::bytes::as_bytes_like(&filename) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => return Err(type_error(format!("compile() argument 'filename' must be str, bytes or os.PathLike, not {}", filename.ty().name()))),
        },
    };
    let mode_s = as_str(&mode).unwrap_or("").to_string();
    if let Some(fl) = &flags {
        // PyCF_MASK (future features) | CO_NESTED | PyCF_COMPILE_MASK.
        const ALLOWED: i64 = 0x01FE_0000 | 0x10 | 0x0400 | 0x1000 | 0x2000 | 0x0200 | 0x4000 | 0x8000;
        let v = crate::vm::ops::index_value(vm, fl)?;
        if v & !ALLOWED != 0 {
            return Err(value_error("compile(): unrecognised flags"));
        }
    }
    if let Some(tree_or_code) = super::ast::compile_hook(vm, &source, &fname, &mode_s, flags.as_ref(), _opt.as_ref(), source_text)? {
        return Ok(tree_or_code);
    }
    let m = match mode_s.as_str() {
        "exec" => taipan_compiler::Mode::Exec,
        "eval" => taipan_compiler::Mode::Eval,
        "single" => taipan_compiler::Mode::Single,
        _ => return Err(value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if source.downcast::<crate::objects::code::PyCode>().is_some() {
        return Ok(source);
    }
    let text = source_text(vm, &source, "compile", &fname)?;
    crate::compile_source(vm, &text, &fname, m)
}

fn source_text(vm: &mut Vm, source: &Value, fname: &str, filename: &str) -> PyResult<String> {
    if let Some(s) = as_str(source) {
        if s.contains('\0') {
            return Err(PyErr::new(&crate::objects::exceptions::SYNTAX_ERROR, "source code string cannot contain null bytes"));
        }
        return Ok(s.to_string());
    }
    if let Some(b) = crate::objects::bytes::as_bytes_like(source) {
        if b.contains(&0) {
            return Err(PyErr::new(&crate::objects::exceptions::SYNTAX_ERROR, "source code string cannot contain null bytes"));
        }
        return crate::vm::source::decode_source(vm, &b, crate::vm::source::Origin::Bytes(filename));
    }
    Err(type_error(format!("{fname}() arg 1 must be a string, bytes or code object")))
}

fn exec_or_eval(vm: &mut Vm, args: Args, fname: &str, mode: taipan_compiler::Mode) -> PyResult<Value> {
    static EXEC_SIG: Sig = Sig::new("exec", &[po("source"), po_opt("globals"), po_opt("locals"), kw("closure")]);
    static EVAL_SIG: Sig = Sig::new("eval", &[po("source"), po_opt("globals"), po_opt("locals")]);
    let (source, globals, locals) = if fname == "exec" {
        let [s, g, l, _c] = EXEC_SIG.parse::<4>(args)?;
        (s.expect("required"), g, l)
    } else {
        let [s, g, l] = EVAL_SIG.parse::<3>(args)?;
        (s.expect("required"), g, l)
    };
    let globals = globals.filter(|g| !is_none(g));
    let locals = locals.filter(|l| !is_none(l));
    if let Some(g) = &globals {
        if g.downcast::<PyDict>().is_none() {
            return Err(type_error(format!(
                "{}() globals must be a dict, not {}",
                fname,
                g.ty().name()
            )));
        }
    }
    if let Some(l) = &locals {
        if l.ty().slots.getitem.get().is_none() {
            return Err(type_error(format!("locals must be a mapping")));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), l) => {
            let l = l.unwrap_or_else(|| g.clone());
            (g, l)
        }
        (None, l) => {
            let g = vm.current_globals().unwrap_or_else(PyDict::new_value);
            let l = l.or_else(|| vm.current_locals()).unwrap_or_else(|| g.clone());
            (g, l)
        }
    };
    if PyDict::get_str(&globals, "__builtins__").is_none() {
        PyDict::set_str(&globals, "__builtins__", vm.builtins.clone());
    }
    let code = if source.downcast::<crate::objects::code::PyCode>().is_some() {
        source
    } else {
        let text = source_text(vm, &source, fname, "<string>")?;
        let text = if mode == taipan_compiler::Mode::Eval { text.trim_start_matches([' ', '\t']).to_string() } else { text };
        crate::compile_source(vm, &text, "<string>", mode)?
    };
    let builtins = match PyDict::get_str(&globals, "__builtins__") {
        Some(b) if crate::objects::module::as_module(&b).is_some() => crate::objects::module::module_dict(&b),
        Some(b) => b,
        None => vm.builtins_dict.clone(),
    };
    let frame = crate::vm::frame::Frame::for_module(code, globals, Some(locals), builtins);
    let r = vm.run_frame(frame)?;
    Ok(if fname == "exec" { none() } else { r })
}

fn b_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, "exec", taipan_compiler::Mode::Exec)
}
fn b_eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_or_eval(vm, args, "eval", taipan_compiler::Mode::Eval)
}

fn b_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o, n] = args.exact::<2>("delattr")?;
    check_name(n)?;
    ops::setattr(vm, o, n, None)?;
    Ok(none())
}

fn check_name(n: &Value) -> PyResult<()> {
    if !crate::objects::str::is_str(n) {
        return Err(type_error(format!("attribute name must be string, not '{}'", n.ty().name())));
    }
    Ok(())
}

/// `dir(obj)` as sorted strings.
pub fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Vec<String>> {
    let d = ops::lookup_special(obj, "__dir__").ok_or_else(|| type_error("object does not provide __dir__"))?;
    let r = crate::vm::call::call_method_value(vm, &d, obj, &[])?;
    let items = ops::collect_iter(vm, &r)?;
    let mut names: Vec<String> = items.iter().filter_map(|v| as_str(v).map(str::to_string)).collect();
    names.sort();
    names.dedup();
    Ok(names)
}

fn b_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("dir", 0, 1)?;
    let items: Vec<Value> = match pos.first() {
        None => {
            let l = vm.current_locals().or_else(|| vm.current_globals()).unwrap_or_else(PyDict::new_value);
            let keys = match l.downcast::<PyDict>() {
                Some(_) => PyDict::keys_vec(&l),
                None => {
                    let k = crate::vm::call::call_method(vm, &l, "keys", &[])?;
                    ops::collect_iter(vm, &k)?
                }
            };
            keys
        }
        Some(obj) => {
            let d = ops::lookup_special(obj, "__dir__").ok_or_else(|| type_error("object does not provide __dir__"))?;
            let r = crate::vm::call::call_method_value(vm, &d, obj, &[])?;
            ops::collect_iter(vm, &r)?
        }
    };
    let sorted = crate::objects::list::sort_values(vm, items, None, false)?;
    Ok(crate::objects::list::PyList::new_value(sorted))
}

fn b_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [a, b] = args.exact::<2>("divmod")?;
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        if y.is_zero() {
            return Err(crate::vm::zero_division_error("integer division or modulo by zero"));
        }
        let _ = x;
        let q = ops::binary_op(vm, a, b, BinaryOperator::FloorDivide)?;
        let r = ops::binary_op(vm, a, b, BinaryOperator::Remainder)?;
        return Ok(new_tuple(vec![q, r]));
    }
    let fa = crate::objects::float::to_f64_operand(a)?;
    let fb = crate::objects::float::to_f64_operand(b)?;
    if let (Some(x), Some(y)) = (fa, fb) {
        if crate::objects::float::as_f64(a).is_some() || crate::objects::float::as_f64(b).is_some() {
            if y == 0.0 {
                return Err(crate::vm::zero_division_error("float divmod()"));
            }
            let (q, r) = crate::objects::float::float_divmod(x, y);
            return Ok(new_tuple(vec![crate::objects::float::new_float(q), crate::objects::float::new_float(r)]));
        }
    }
    for (obj, other, name) in [(a, b, "__divmod__"), (b, a, "__rdivmod__")] {
        if let Some(f) = ops::lookup_special(obj, name) {
            let r = crate::vm::call::call_method_value(vm, &f, obj, std::slice::from_ref(other))?;
            if !crate::objects::singletons::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.ty().name(),
        b.ty().name()
    )))
}

fn b_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("format", 1, 2)?;
    let spec = pos.get(1).cloned().unwrap_or_else(crate::objects::str::empty_str);
    if !crate::objects::str::is_str(&spec) {
        return Err(type_error(format!("format() argument 2 must be str, not {}", spec.ty().name())));
    }
    ops::format(vm, &pos[0], &spec)
}

fn b_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("getattr", 2, 3)?;
    check_name(&pos[1])?;
    match pos.get(2) {
        None => ops::getattr(vm, &pos[0], &pos[1]),
        Some(d) => Ok(ops::getattr_opt(vm, &pos[0], &pos[1])?.unwrap_or_else(|| d.clone())),
    }
}

fn b_globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("globals", 0, 0)?;
    Ok(vm.current_globals().unwrap_or_else(PyDict::new_value))
}

fn b_locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("locals", 0, 0)?;
    Ok(vm.current_locals().or_else(|| vm.current_globals()).unwrap_or_else(PyDict::new_value))
}

fn b_hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o, n] = args.exact::<2>("hasattr")?;
    check_name(n)?;
    Ok(bool_value(ops::getattr_opt(vm, o, n)?.is_some()))
}

fn b_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("hash")?;
    Ok(new_int(ops::hash(vm, o)?))
}

fn b_id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("id")?;
    Ok(crate::objects::int::new_usize(o.word()))
}

fn b_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("input", 0, 1)?;
    if let Some(prompt) = pos.first() {
        let s = ops::str_string(vm, prompt)?;
        super::sys::write_stdout(vm, &s)?;
        super::sys::flush_stdout(vm)?;
    }
    let stdin = super::sys::get_sys_attr(vm, "stdin").ok_or_else(|| crate::vm::runtime_error("input(): lost sys.stdin"))?;
    let line = crate::vm::call::call_method(vm, &stdin, "readline", &[])?;
    let s = as_str(&line).unwrap_or("").to_string();
    if s.is_empty() {
        return Err(PyErr::new(&crate::objects::exceptions::EOF_ERROR, "EOF when reading a line"));
    }
    Ok(new_string(s.strip_suffix('\n').unwrap_or(&s).to_string()))
}

/// `isinstance(obj, cls)` with tuples, unions and `__instancecheck__`.
pub fn isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if std::ptr::eq(obj.ty(), t) {
            return Ok(true);
        }
        if std::ptr::eq(cls.ty(), &crate::objects::typeobject::TYPE_TYPE) {
            return recursive_isinstance(vm, obj, cls);
        }
    }
    if let Some(items) = as_tuple(cls) {
        let items = items.to_vec();
        for c in items {
            vm.check_native_stack()?;
            if isinstance(vm, obj, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(items) = crate::objects::genericalias::union_args(cls) {
        for c in items {
            if isinstance(vm, obj, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = ops::lookup_special(cls, "__instancecheck__") {
        vm.check_recursion()?;
        let r = crate::vm::call::call_method_value(vm, &check, cls, std::slice::from_ref(obj))?;
        return ops::is_true(vm, &r);
    }
    recursive_isinstance(vm, obj, cls)
}

pub fn recursive_isinstance(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = as_type(cls) {
        if obj.ty().is_subtype(t) {
            return Ok(true);
        }
        if let Some(c) = ops::getattr_opt(vm, obj, &intern("__class__"))? {
            if let Some(ct) = as_type(&c) {
                if !std::ptr::eq(ct, obj.ty()) {
                    return Ok(ct.is_subtype(t));
                }
            }
        }
        return Ok(false);
    }
    if ops::getattr_opt(vm, cls, &intern("__bases__"))?.map(|b| as_tuple(&b).is_some()) != Some(true) {
        return Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    let c = ops::getattr_opt(vm, obj, &intern("__class__"))?;
    match c {
        Some(c) => abstract_issubclass(vm, &c, cls),
        None => Ok(false),
    }
}

fn abstract_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    let mut d = derived.clone();
    for _ in 0..10_000 {
        if d.is(cls) {
            return Ok(true);
        }
        let Some(bases) = ops::getattr_opt(vm, &d, &intern("__bases__"))? else { return Ok(false) };
        let Some(items) = as_tuple(&bases).map(|t| t.to_vec()) else { return Ok(false) };
        match items.len() {
            0 => return Ok(false),
            1 => d = items[0].clone(),
            _ => {
                for b in items {
                    vm.check_native_stack()?;
                    if abstract_issubclass(vm, &b, cls)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
    }
    Err(crate::vm::recursion_error())
}

pub fn issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (as_type(derived), as_type(cls)) {
        if std::ptr::eq(cls.ty(), &crate::objects::typeobject::TYPE_TYPE) {
            return Ok(d.is_subtype(c));
        }
    }
    if let Some(items) = as_tuple(cls) {
        let items = items.to_vec();
        for c in items {
            vm.check_native_stack()?;
            if issubclass(vm, derived, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(items) = crate::objects::genericalias::union_args(cls) {
        for c in items {
            if issubclass(vm, derived, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(check) = ops::lookup_special(cls, "__subclasscheck__") {
        vm.check_recursion()?;
        let r = crate::vm::call::call_method_value(vm, &check, cls, std::slice::from_ref(derived))?;
        return ops::is_true(vm, &r);
    }
    recursive_issubclass(vm, derived, cls)
}

pub fn recursive_issubclass(vm: &mut Vm, derived: &Value, cls: &Value) -> PyResult<bool> {
    if let (Some(d), Some(c)) = (as_type(derived), as_type(cls)) {
        return Ok(d.is_subtype(c));
    }
    let has_bases = |vm: &mut Vm, v: &Value| -> PyResult<bool> {
        Ok(ops::getattr_opt(vm, v, &intern("__bases__"))?.map(|b| as_tuple(&b).is_some()) == Some(true))
    };
    if !has_bases(vm, derived)? {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    if !has_bases(vm, cls)? {
        return Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    abstract_issubclass(vm, derived, cls)
}

fn b_isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o, c] = args.exact::<2>("isinstance")?;
    Ok(bool_value(isinstance(vm, o, c)?))
}

fn b_issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [d, c] = args.exact::<2>("issubclass")?;
    if as_type(d).is_none() && ops::getattr_opt(vm, d, &intern("__bases__"))?.is_none() {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    Ok(bool_value(issubclass(vm, d, c)?))
}

fn b_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("iter", 1, 2)?;
    match pos.get(1) {
        None => ops::iter(vm, &pos[0]),
        Some(sentinel) => {
            if !is_callable(&pos[0]) {
                return Err(type_error("iter(v, w): v must be callable"));
            }
            Ok(crate::objects::iter::new_call_iter(pos[0].clone(), sentinel.clone()))
        }
    }
}

fn b_aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("aiter")?;
    // PyObject_GetAIter's messages, not the 'async for' ones.
    let Some(f) = ops::lookup_special(o, "__aiter__") else {
        return Err(type_error(format!("'{}' object is not an async iterable", o.ty().name())));
    };
    let it = crate::vm::call::call_method_value(vm, &f, o, &[])?;
    if ops::lookup_special(&it, "__anext__").is_none() {
        return Err(type_error(format!("aiter() returned not an async iterator of type '{}'", it.ty().name())));
    }
    Ok(it)
}

fn b_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("anext", 1, 2)?;
    let f = ops::lookup_special(&pos[0], "__anext__")
        .ok_or_else(|| type_error(format!("'{}' object is not an async iterator", pos[0].ty().name())))?;
    let awaitable = crate::vm::call::call_method_value(vm, &f, &pos[0], &[])?;
    Ok(match pos.get(1) {
        Some(default) => crate::objects::generator::new_anext_awaitable(awaitable, default.clone()),
        None => awaitable,
    })
}

fn b_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("len")?;
    Ok(crate::objects::int::new_usize(ops::len(vm, o)?))
}

fn min_max(vm: &mut Vm, args: Args, name: &str, op: ComparisonOperator) -> PyResult<Value> {
    let pos = args.positional();
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match as_str(k) {
            Some("key") => key = Some(v.clone()).filter(|v| !is_none(v)),
            Some("default") => default = Some(v.clone()),
            Some(other) => return Err(type_error(format!("{name}() got an unexpected keyword argument '{other}'"))),
            None => return Err(type_error("keywords must be strings")),
        }
    }
    if pos.is_empty() {
        return Err(type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items: Vec<Value> = if pos.len() == 1 {
        ops::collect_iter(vm, &pos[0])?
    } else {
        if default.is_some() {
            return Err(type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
        }
        pos.to_vec()
    };
    if items.is_empty() {
        return default.ok_or_else(|| value_error(format!("{name}() iterable argument is empty")));
    }
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => crate::vm::call::call(vm, f, std::slice::from_ref(&it))?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                let r = ops::richcompare(vm, &k, bk, op)?;
                if ops::is_true(vm, &r)? {
                    best = Some((k, it));
                }
            }
        }
    }
    Ok(best.map(|(_, v)| v).unwrap_or_else(none))
}

fn b_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", ComparisonOperator::Gt)
}
fn b_min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", ComparisonOperator::Lt)
}

fn b_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("next", 1, 2)?;
    let it = &pos[0];
    let Some(f) = it.ty().slots.iternext.get() else {
        return Err(type_error(format!("'{}' object is not an iterator", it.ty().name())));
    };
    match f(vm, it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::vm::stop_iteration(None)),
        },
        Err(e) if e.matches(&crate::objects::exceptions::STOP_ITERATION) && pos.len() == 2 => Ok(pos[1].clone()),
        Err(e) => Err(e),
    }
}

fn b_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pow", &[p("base"), p("exp"), opt("mod")]);
    let [b, e, m] = SIG.parse::<3>(args)?;
    let (b, e) = (b.expect("required"), e.expect("required"));
    match m.filter(|m| !is_none(m)) {
        None => ops::binary_op(vm, &b, &e, BinaryOperator::Power),
        Some(m) => ops::ternary_pow(vm, &b, &e, &m),
    }
}

fn b_print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file: Option<Value> = None;
    let mut flush = false;
    for (k, v) in args.kwargs() {
        match as_str(k) {
            Some("sep") => sep = Some(v.clone()).filter(|v| !is_none(v)),
            Some("end") => end = Some(v.clone()).filter(|v| !is_none(v)),
            Some("file") => file = Some(v.clone()).filter(|v| !is_none(v)),
            Some("flush") => flush = ops::is_true(vm, v)?,
            Some(other) => return Err(type_error(format!("print() got an unexpected keyword argument '{other}'"))),
            None => return Err(type_error("keywords must be strings")),
        }
    }
    for (n, v) in [("sep", &sep), ("end", &end)] {
        if let Some(v) = v {
            if !crate::objects::str::is_str(v) {
                return Err(type_error(format!("{n} must be None or a string, not {}", v.ty().name())));
            }
        }
    }
    let sep_s = sep.as_ref().and_then(as_str).unwrap_or(" ").to_string();
    let end_s = end.as_ref().and_then(as_str).unwrap_or("\n").to_string();
    let file = match file {
        Some(f) => f,
        None => match super::sys::get_sys_attr(vm, "stdout") {
            Some(f) if !is_none(&f) => f,
            _ => return Ok(none()),
        },
    };
    // Fast path: our own stdout stream.
    if super::io::is_native_stream(&file) {
        let mut out = String::new();
        for (i, v) in args.positional().iter().enumerate() {
            if i > 0 {
                out.push_str(&sep_s);
            }
            out.push_str(&ops::str_string(vm, v)?);
        }
        out.push_str(&end_s);
        super::io::stream_write(vm, &file, &out)?;
        if flush {
            super::io::stream_flush(vm, &file)?;
        }
        return Ok(none());
    }
    let write = ops::getattr_str(vm, &file, "write")?;
    for (i, v) in args.positional().iter().enumerate() {
        if i > 0 {
            crate::vm::call::call(vm, &write, &[new_str(&sep_s)])?;
        }
        let s = ops::str(vm, v)?;
        crate::vm::call::call(vm, &write, &[s])?;
    }
    crate::vm::call::call(vm, &write, &[new_str(&end_s)])?;
    if flush {
        crate::vm::call::call_method(vm, &file, "flush", &[])?;
    }
    Ok(none())
}

fn b_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o] = args.exact::<1>("repr")?;
    ops::repr(vm, o)
}

fn b_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("round", &[p("number"), opt("ndigits")]);
    let [n, nd] = SIG.parse::<2>(args)?;
    let n = n.expect("required");
    let f = ops::lookup_special(&n, "__round__").ok_or_else(|| type_error(format!("type {} doesn't define __round__ method", n.ty().name())))?;
    match nd.filter(|d| !is_none(d)) {
        None => crate::vm::call::call_method_value(vm, &f, &n, &[]),
        Some(d) => crate::vm::call::call_method_value(vm, &f, &n, &[d]),
    }
}

fn b_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [o, n, v] = args.exact::<3>("setattr")?;
    check_name(n)?;
    ops::setattr(vm, o, n, Some(v))?;
    Ok(none())
}

fn b_sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = ops::collect_iter(vm, &pos[0])?;
    let list = crate::objects::list::PyList::new_value(items);
    let mut all = vec![list.clone()];
    all.extend(args.kw_values().iter().cloned());
    let sort = crate::objects::list::LIST_TYPE.lookup_str("sort").ok_or_else(|| type_error("list.sort missing"))?;
    crate::vm::call::call_with_kwnames(vm, &sort, &all, args.kwnames)?;
    Ok(list)
}

fn b_sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sum", &[po("iterable"), opt("start")]);
    let [it, start] = SIG.parse::<2>(args)?;
    let start = start.unwrap_or_else(|| new_int(0));
    if crate::objects::str::is_str(&start) {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::objects::bytes::as_bytes_like(&start).is_some() && start.ty().slots.binop[BinaryOperator::Add as usize].get().is_some() && !crate::objects::int::is_int(&start) {
        let n = start.ty().name();
        if n == "bytes" {
            return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
        }
        if n == "bytearray" {
            return Err(type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
        }
    }
    let it = ops::iter(vm, &it.expect("required"))?;
    let mut acc = start;
    // Float partial sum with Neumaier compensation, as CPython 3.12+ (`c` is the
    // running compensation); folded into `acc` when a non-float arrives.
    let mut fsum: Option<(f64, f64)> = None;
    let flush = |acc: &mut Value, fsum: &mut Option<(f64, f64)>| {
        if let Some((s, c)) = fsum.take() {
            *acc = crate::objects::float::new_float(if c.is_finite() { s + c } else { s });
        }
    };
    while let Some(x) = ops::next(vm, &it)? {
        if fsum.is_none() {
            if let (Some(a), Some(b)) = (acc.as_small_int(), x.as_small_int()) {
                if let Some(s) = a.checked_add(b) {
                    acc = new_int(s);
                    continue;
                }
            }
        }
        let acc_f = match &fsum {
            Some(_) => None,
            None => crate::objects::float::as_f64(&acc).filter(|_| acc.downcast_exact::<crate::objects::float::PyFloat>().is_some()),
        };
        let x_f = if x.downcast_exact::<crate::objects::float::PyFloat>().is_some() {
            crate::objects::float::as_f64(&x)
        } else if fsum.is_some() && x.as_small_int().is_some() {
            x.as_small_int().map(|i| i as f64)
        } else {
            None
        };
        if let (Some(b), true) = (x_f, fsum.is_some() || acc_f.is_some()) {
            let (s, c) = fsum.unwrap_or((acc_f.unwrap_or(0.0), 0.0));
            let t = s + b;
            let c = if s.abs() >= b.abs() { c + ((s - t) + b) } else { c + ((b - t) + s) };
            fsum = Some((t, c));
            continue;
        }
        flush(&mut acc, &mut fsum);
        acc = ops::binary_op(vm, &acc, &x, BinaryOperator::Add)?;
    }
    flush(&mut acc, &mut fsum);
    Ok(acc)
}

fn b_vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("vars", 0, 1)?;
    match pos.first() {
        None => Ok(vm.current_locals().or_else(|| vm.current_globals()).unwrap_or_else(PyDict::new_value)),
        Some(o) => ops::getattr_opt(vm, o, &intern("__dict__"))?.ok_or_else(|| type_error("vars() argument must have __dict__ attribute")),
    }
}

fn b_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::io::open(vm, args)
}

pub static BUILTIN_METHODS: &[MethodDef] = &[
    MethodDef::method("__build_class__", build_class),
    MethodDef::method("__import__", builtin_import),
    MethodDef::method("abs", b_abs),
    MethodDef::method("aiter", b_aiter),
    MethodDef::method("all", b_all),
    MethodDef::method("anext", b_anext),
    MethodDef::method("any", b_any),
    MethodDef::method("ascii", b_ascii),
    MethodDef::method("bin", b_bin),
    MethodDef::method("breakpoint", b_breakpoint),
    MethodDef::method("callable", b_callable),
    MethodDef::method("chr", b_chr),
    MethodDef::method("compile", b_compile),
    MethodDef::method("delattr", b_delattr),
    MethodDef::method("dir", b_dir),
    MethodDef::method("divmod", b_divmod),
    MethodDef::method("eval", b_eval),
    MethodDef::method("exec", b_exec),
    MethodDef::method("format", b_format),
    MethodDef::method("getattr", b_getattr),
    MethodDef::method("globals", b_globals),
    MethodDef::method("hasattr", b_hasattr),
    MethodDef::method("hash", b_hash),
    MethodDef::method("hex", b_hex),
    MethodDef::method("id", b_id),
    MethodDef::method("input", b_input),
    MethodDef::method("isinstance", b_isinstance),
    MethodDef::method("issubclass", b_issubclass),
    MethodDef::method("iter", b_iter),
    MethodDef::method("len", b_len),
    MethodDef::method("locals", b_locals),
    MethodDef::method("max", b_max),
    MethodDef::method("min", b_min),
    MethodDef::method("next", b_next),
    MethodDef::method("oct", b_oct),
    MethodDef::method("open", b_open),
    MethodDef::method("ord", b_ord),
    MethodDef::method("pow", b_pow),
    MethodDef::method("print", b_print),
    MethodDef::method("repr", b_repr),
    MethodDef::method("round", b_round),
    MethodDef::method("setattr", b_setattr),
    MethodDef::method("sorted", b_sorted),
    MethodDef::method("sum", b_sum),
    MethodDef::method("vars", b_vars),
];

fn init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    use crate::objects::*;
    let types: &[(&str, &PyType)] = &[
        ("bool", &singletons::BOOL_TYPE),
        ("bytearray", &bytearray::BYTEARRAY_TYPE),
        ("bytes", &bytes::BYTES_TYPE),
        ("classmethod", &descr::CLASSMETHOD_TYPE),
        ("complex", &complex::COMPLEX_TYPE),
        ("dict", &dict::DICT_TYPE),
        ("enumerate", &iter::ENUMERATE_TYPE),
        ("filter", &iter::FILTER_TYPE),
        ("float", &float::FLOAT_TYPE),
        ("frozenset", &set::FROZENSET_TYPE),
        ("int", &int::INT_TYPE),
        ("list", &list::LIST_TYPE),
        ("map", &iter::MAP_TYPE),
        ("memoryview", &memoryview::MEMORYVIEW_TYPE),
        ("object", &object::OBJECT_TYPE),
        ("property", &descr::PROPERTY_TYPE),
        ("range", &range::RANGE_TYPE),
        ("reversed", &iter::REVERSED_TYPE),
        ("set", &set::SET_TYPE),
        ("slice", &slice::SLICE_TYPE),
        ("staticmethod", &descr::STATICMETHOD_TYPE),
        ("str", &str::STR_TYPE),
        ("super", &superobject::SUPER_TYPE),
        ("tuple", &tuple::TUPLE_TYPE),
        ("type", &typeobject::TYPE_TYPE),
        ("zip", &iter::ZIP_TYPE),
    ];
    for (name, t) in types {
        super::add_object(module, name, t.to_value());
    }
    for t in exceptions::all_exception_types() {
        super::add_object(module, &t.name(), t.to_value());
    }
    super::add_object(module, "EnvironmentError", exceptions::OS_ERROR.to_value());
    super::add_object(module, "IOError", exceptions::OS_ERROR.to_value());
    super::add_object(module, "None", none());
    super::add_object(module, "Ellipsis", singletons::ellipsis());
    super::add_object(module, "NotImplemented", singletons::not_implemented());
    super::add_object(module, "True", bool_value(true));
    super::add_object(module, "False", bool_value(false));
    super::add_object(module, "__debug__", bool_value(true));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "builtins",
    doc: Some("Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in of that name is also needed."),
    methods: BUILTIN_METHODS,
    init: Some(init),
};
