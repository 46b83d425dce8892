//! `_ast`: the node classes of Python's abstract syntax tree, and `compile()` to and from
//! an AST.
//!
//! Mirrors CPython's `Python/Python-ast.c` (which `Parser/asdl_c.py` generates from
//! `Parser/Python.asdl`): `ast.AST` with its constructor (`ast_type_init`) and
//! `__reduce__` (`ast_type_reduce`), one heap class per ASDL type and constructor, with
//! `_fields`, `__match_args__`, `_attributes`, `_field_types` and `None` defaults for
//! optional fields, and the singletons (`Load()`, `Add()`, ...) that parsed trees share.
//! The class table (`nodes.rs`) is generated from the ASDL description by `gen_nodes.py`.
//! `convert.rs` turns the compiler's parse tree into these objects (CPython's `ast2obj`).

mod convert;
mod nodes;
mod optimize;
mod validate;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::object::{PyBaseObject, OBJECT_LAYOUT, OBJECT_TYPE};
use crate::objects::singletons::none;
use crate::objects::str::{as_str, intern, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{as_type, flags, MethodDef, PyType, StaticTypeInit, TYPE_TYPE};
use crate::runtime::heap::{self, ObjectHead};
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, Args, PyErr, PyResult, Vm};

/// `compile()` flags (CPython's `Include/cpython/compile.h`).
pub const PYCF_ONLY_AST: i64 = 0x0400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;
pub const PYCF_OPTIMIZED_AST: i64 = 0x8000 | PYCF_ONLY_AST;

/// How often a field occurs (ASDL's plain, `?` and `*`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Card {
    One,
    Opt,
    Seq,
}

/// One node class: an ASDL type (`abstract_`, the base of its constructors) or a
/// constructor / product type.
pub struct NodeDef {
    pub name: &'static str,
    pub base: &'static str,
    pub abstract_: bool,
    /// The class itself defines `_attributes` (sums and products do, constructors inherit).
    pub own_attributes: bool,
    /// Instances carry `lineno`, `col_offset`, `end_lineno`, `end_col_offset`.
    pub positions: bool,
    /// `end_lineno` / `end_col_offset` are optional (`int?`), so the class defaults them to None.
    pub end_optional: bool,
    /// (name, ASDL type, cardinality).
    pub fields: &'static [(&'static str, &'static str, Card)],
    pub doc: &'static str,
}

const POSITIONS: [&str; 4] = ["lineno", "col_offset", "end_lineno", "end_col_offset"];

// ---- ast.AST -----------------------------------------------------------------------------

/// `ast.AST`: a built-in class whose instances are plain objects with a `__dict__`.
pub static AST_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "AST",
    layout: &OBJECT_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT,
    base: Some(&OBJECT_TYPE),
    methods: AST_METHODS,
    getsets: &[],
    doc: None,
    module: Some("ast"),
});

static AST_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", ast_type_reduce)];

fn ast_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&AST_TYPE);
    Ok(heap::alloc(ty, PyBaseObject { head: ObjectHead::uninit() }))
}

fn is_ast(v: &Value) -> bool {
    v.ty().is_subtype(&AST_TYPE)
}

/// `warnings.warn(msg, DeprecationWarning, 1)`: the warning is attributed to the Python
/// code calling the constructor, and may be turned into an error.
fn deprecation_warning(vm: &mut Vm, msg: String) -> PyResult<()> {
    let warnings = crate::vm::import::import_module(vm, "warnings")?;
    let warn = ops::getattr_str(vm, &warnings, "warn")?;
    let cat = crate::objects::exceptions::DEPRECATION_WARNING.to_value();
    crate::vm::call::call(vm, &warn, &[new_str(&msg), cat, crate::objects::int::new_int(1)])?;
    Ok(())
}

fn contains(vm: &mut Vm, seq: &Value, key: &Value) -> PyResult<bool> {
    ops::contains(vm, seq, key)
}

/// `AST.__init__`: positional arguments fill `_fields` in order, keywords set fields or
/// attributes; missing fields get their 3.13 defaults (`None` for `?`, `[]` for `*`,
/// `Load()` for `expr_context`) or a DeprecationWarning.  CPython's `ast_type_init`.
fn ast_type_init(vm: &mut Vm, this: &Value, args: Args) -> PyResult<()> {
    let ty = this.ty().to_value();
    let tname = this.ty().name();
    let fields = ops::getattr_opt(vm, &ty, &intern("_fields"))?;
    let field_names: Vec<Value> = match &fields {
        Some(f) => ops::collect_iter(vm, f)?,
        None => Vec::new(),
    };
    let pos = args.positional();
    if pos.len() > field_names.len() {
        let n = field_names.len();
        return Err(type_error(format!(
            "{tname} constructor takes at most {n} positional argument{}",
            if n == 1 { "" } else { "s" }
        )));
    }
    let mut remaining: Vec<Value> = field_names.clone();
    let remove = |vm: &mut Vm, remaining: &mut Vec<Value>, name: &Value| -> PyResult<bool> {
        for i in 0..remaining.len() {
            if ops::eq(vm, &remaining[i], name)? {
                remaining.remove(i);
                return Ok(true);
            }
        }
        Ok(false)
    };
    for (name, value) in field_names.iter().zip(pos) {
        ops::setattr(vm, this, name, Some(value))?;
        remove(vm, &mut remaining, name)?;
    }
    let mut attributes: Option<Value> = None;
    for (key, value) in args.kwargs() {
        let is_field = match &fields {
            Some(f) => contains(vm, f, key)?,
            None => false,
        };
        if is_field {
            if !remove(vm, &mut remaining, key)? {
                return Err(type_error(format!(
                    "{tname} got multiple values for argument '{}'",
                    as_str(key).unwrap_or("?")
                )));
            }
        } else {
            if attributes.is_none() {
                attributes = Some(ops::getattr_str(vm, &ty, "_attributes")?);
            }
            let attrs = attributes.clone().unwrap_or_else(none);
            if !contains(vm, &attrs, key)? {
                deprecation_warning(
                    vm,
                    format!(
                        "{tname}.__init__ got an unexpected keyword argument '{}'. Support for arbitrary keyword arguments is deprecated and will be removed in Python 3.15.",
                        as_str(key).unwrap_or("?")
                    ),
                )?;
            }
        }
        ops::setattr(vm, this, key, Some(value))?;
    }
    if remaining.is_empty() {
        return Ok(());
    }
    let Some(field_types) = ops::getattr_opt(vm, &ty, &intern("_field_types"))? else {
        // A user-defined subclass without `_field_types`: missing fields stay unset.
        return Ok(());
    };
    for name in remaining {
        let nm = ops::str_string(vm, &name)?;
        let ftype = match field_types.downcast::<PyDict>() {
            Some(_) => PyDict::get_item_opt(vm, &field_types, &name)?,
            None => None,
        };
        match ftype {
            None => {
                deprecation_warning(
                    vm,
                    format!("Field '{nm}' is missing from {tname}._field_types. This will become an error in Python 3.15."),
                )?;
            }
            Some(t) if std::ptr::eq(t.ty(), &crate::objects::genericalias::UNION_TYPE) => {}
            Some(t) if std::ptr::eq(t.ty(), &crate::objects::genericalias::GENERIC_ALIAS_TYPE) => {
                ops::setattr(vm, this, &name, Some(&crate::objects::list::PyList::new_value(Vec::new())))?;
            }
            Some(t) if is_expr_context(&t) => {
                let load = state(vm)?.singleton("Load");
                ops::setattr(vm, this, &name, Some(&load))?;
            }
            Some(_) => {
                deprecation_warning(
                    vm,
                    format!("{tname}.__init__ missing 1 required positional argument: '{nm}'. This will become an error in Python 3.15."),
                )?;
            }
        }
    }
    Ok(())
}

fn is_expr_context(t: &Value) -> bool {
    STATE.with(|s| s.borrow().as_ref().map(|st| st.class("expr_context").is(t)).unwrap_or(false))
}

/// `AST.__reduce__`: `(type, (None,) * k, __dict__)` where the first `k` fields are set,
/// so unpickling passes the required fields positionally. CPython's `ast_type_reduce`.
fn ast_type_reduce(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__reduce__")?;
    let ty = this.ty().to_value();
    let Some(dict) = crate::objects::object::instance_dict(this) else {
        return Ok(new_tuple(vec![ty, new_tuple(Vec::new())]));
    };
    let mut positional = Vec::new();
    if let Some(fields) = ops::getattr_opt(vm, &ty, &intern("_fields"))? {
        for name in ops::collect_iter(vm, &fields)? {
            if PyDict::get_item_opt(vm, &dict, &name)?.is_none() {
                break;
            }
            positional.push(none());
        }
    }
    Ok(new_tuple(vec![ty, new_tuple(positional), dict]))
}

fn init_ast_type() {
    if AST_TYPE.dict.borrow().is_some() {
        return;
    }
    let s = &AST_TYPE.slots;
    s.new.set(Some(ast_new));
    s.init.set(Some(ast_type_init));
    AST_TYPE.set_n_extra(1);
    crate::objects::typeobject_methods::init_static_type(&AST_TYPE);
    let empty = new_tuple(Vec::new());
    for name in ["_fields", "__match_args__", "_attributes"] {
        AST_TYPE.set_own_attr(&intern(name), empty.clone());
    }
}

// ---- Per-interpreter state: the classes and singletons --------------------------------

/// The node classes (indexed like `nodes::NODES`) and the shared singleton instances.
pub(crate) struct AstState {
    index: HashMap<&'static str, usize>,
    classes: Vec<Value>,
    singletons: HashMap<&'static str, Value>,
}

impl AstState {
    pub(crate) fn class(&self, name: &str) -> &Value {
        &self.classes[self.index[name]]
    }
    pub(crate) fn def(&self, name: &str) -> &'static NodeDef {
        &nodes::NODES[self.index[name]]
    }
    pub(crate) fn def_opt(&self, name: &str) -> Option<&'static NodeDef> {
        self.index.get(name).map(|&i| &nodes::NODES[i])
    }
    pub(crate) fn singleton(&self, name: &str) -> Value {
        self.singletons[name].clone()
    }
}

thread_local! {
    /// Set when `_ast` is first imported (CPython keeps this in the module state).
    static STATE: RefCell<Option<Rc<AstState>>> = const { RefCell::new(None) };
}

/// The node classes, importing `_ast` first if needed.
pub(crate) fn state(vm: &mut Vm) -> PyResult<Rc<AstState>> {
    if let Some(s) = STATE.with(|s| s.borrow().clone()) {
        return Ok(s);
    }
    crate::vm::import::import_module(vm, "_ast")?;
    STATE.with(|s| s.borrow().clone()).ok_or_else(|| crate::vm::runtime_error("_ast module state missing"))
}

fn str_tuple(names: impl IntoIterator<Item = &'static str>) -> Value {
    new_tuple(names.into_iter().map(intern).collect())
}

/// The Python type of an ASDL field type (`_field_types`): `T`, `T | None` or `list[T]`.
fn field_type(vm: &mut Vm, st: &AstState, asdl: &str, card: Card) -> PyResult<Value> {
    let t = match asdl {
        "identifier" | "string" => crate::objects::str::STR_TYPE.to_value(),
        "int" => crate::objects::int::INT_TYPE.to_value(),
        "constant" => OBJECT_TYPE.to_value(),
        node => st.class(node).clone(),
    };
    match card {
        Card::One => Ok(t),
        Card::Opt => {
            let none_t = none().ty().to_value();
            ops::binary_op(vm, &t, &none_t, taipan_compiler::bytecode::BinaryOperator::Or)
        }
        Card::Seq => ops::getitem(vm, &crate::objects::list::LIST_TYPE.to_value(), &t),
    }
}

fn create_classes(vm: &mut Vm) -> PyResult<AstState> {
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    let mut classes: Vec<Value> = Vec::new();
    let meta = TYPE_TYPE.to_value();
    for (i, def) in nodes::NODES.iter().enumerate() {
        let ns = PyDict::new_value();
        let fields = str_tuple(def.fields.iter().map(|f| f.0));
        PyDict::set_str(&ns, "_fields", fields.clone());
        PyDict::set_str(&ns, "__match_args__", fields);
        PyDict::set_str(&ns, "__module__", new_str("ast"));
        PyDict::set_str(&ns, "__doc__", new_str(def.doc));
        if def.own_attributes {
            let attrs = if def.positions { str_tuple(POSITIONS) } else { str_tuple([]) };
            PyDict::set_str(&ns, "_attributes", attrs);
        }
        for (name, _, card) in def.fields {
            if *card == Card::Opt {
                PyDict::set_str(&ns, name, none());
            }
        }
        if def.own_attributes && def.end_optional {
            PyDict::set_str(&ns, "end_lineno", none());
            PyDict::set_str(&ns, "end_col_offset", none());
        }
        let base = if def.base == "AST" { AST_TYPE.to_value() } else { classes[index[def.base]].clone() };
        let cls = crate::objects::typeobject_new::type_new(vm, &meta, def.name, vec![base], &ns, &[])?;
        index.insert(def.name, i);
        classes.push(cls);
    }
    let mut st = AstState { index, classes, singletons: HashMap::new() };
    // `_field_types` may refer to classes defined later in the ASDL, so it comes second.
    for (i, def) in nodes::NODES.iter().enumerate() {
        if def.abstract_ {
            continue;
        }
        let types = PyDict::new_value();
        for (name, asdl, card) in def.fields {
            let t = field_type(vm, &st, asdl, *card)?;
            PyDict::set_str(&types, name, t);
        }
        let cls = st.classes[i].clone();
        ops::setattr(vm, &cls, &intern("_field_types"), Some(&types))?;
        ops::setattr(vm, &cls, &intern("__annotations__"), Some(&types))?;
    }
    for def in nodes::NODES.iter() {
        if matches!(def.base, "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop") {
            let cls = st.class(def.name).clone();
            let ty = as_type(&cls).unwrap_or(&AST_TYPE);
            st.singletons.insert(def.name, heap::alloc(ty, PyBaseObject { head: ObjectHead::uninit() }));
        }
    }
    Ok(st)
}

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    init_ast_type();
    super::add_object(m, "AST", AST_TYPE.to_value());
    let st = create_classes(vm)?;
    for (def, cls) in nodes::NODES.iter().zip(&st.classes) {
        super::add_object(m, def.name, cls.clone());
    }
    let int = crate::objects::int::new_int;
    super::add_object(m, "PyCF_ONLY_AST", int(PYCF_ONLY_AST));
    super::add_object(m, "PyCF_TYPE_COMMENTS", int(PYCF_TYPE_COMMENTS));
    super::add_object(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", int(PYCF_ALLOW_TOP_LEVEL_AWAIT));
    super::add_object(m, "PyCF_OPTIMIZED_AST", int(PYCF_OPTIMIZED_AST));
    STATE.with(|s| *s.borrow_mut() = Some(Rc::new(st)));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef { name: "_ast", doc: None, methods: &[], init: Some(init) };

// ---- compile() --------------------------------------------------------------------------

/// The root node class `compile()` expects for a mode.
fn mode_root(mode: &str) -> Option<&'static str> {
    Some(match mode {
        "exec" => "Module",
        "eval" => "Expression",
        "single" => "Interactive",
        "func_type" => "FunctionType",
        _ => return None,
    })
}

/// The part of builtin `compile()` that involves ASTs: returns `Some` when `source` is an
/// AST object or `flags` holds `PyCF_ONLY_AST`, `None` to let `compile()` go on as usual.
pub fn compile_hook(
    vm: &mut Vm,
    source: &Value,
    filename: &str,
    mode: &str,
    flags: Option<&Value>,
    optimize: Option<&Value>,
    text_of: fn(&mut Vm, &Value, &str, &str) -> PyResult<String>,
) -> PyResult<Option<Value>> {
    let fl = match flags {
        Some(f) => ops::index_value(vm, f)?,
        None => 0,
    };
    let only_ast = fl & PYCF_ONLY_AST != 0;
    // The mode is checked first, as in CPython's `builtin_compile_impl`.
    let Some(root) = mode_root(mode) else {
        return Err(value_error(if only_ast {
            "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
        } else {
            "compile() mode must be 'exec', 'eval' or 'single'"
        }));
    };
    if mode == "func_type" && !only_ast {
        return Err(value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"));
    }
    if is_ast(source) {
        let st = state(vm)?;
        let expected = as_type(st.class(root)).map(|t| source.ty().is_subtype(t)).unwrap_or(false);
        if !expected {
            return Err(type_error(format!("expected {root} node, got {}", source.ty().name())));
        }
        if only_ast {
            return Ok(Some(source.clone()));
        }
        return compile_ast_object(vm, source, filename, mode).map(Some);
    }
    if !only_ast {
        return Ok(None);
    }
    if crate::objects::str::as_str(source).is_none() && crate::objects::bytes::as_bytes_like(source).is_none() {
        return Err(type_error("compile() arg 1 must be a string, bytes or AST object"));
    }
    let text = text_of(vm, source, "compile", filename)?;
    let tree = parse_to_ast(vm, &text, filename, mode, fl & PYCF_TYPE_COMMENTS != 0)?;
    if fl & PYCF_OPTIMIZED_AST == PYCF_OPTIMIZED_AST {
        let level = match optimize {
            Some(o) if !o.is(&none()) => ops::index_value(vm, o)?,
            _ => -1,
        };
        let level = if level < 0 { vm.config.optimize as i64 } else { level };
        let st = state(vm)?;
        return optimize::Optimizer { st: &st, level }.visit(vm, &tree).map(Some);
    }
    Ok(Some(tree))
}

/// `compile(ast_object, filename, mode)`.
///
/// NOTE: the tree is turned back into source with the standard library's `ast.unparse`
/// and that text is compiled, so positions in the resulting code (tracebacks, `co_lines`)
/// come from the unparsed text rather than from the nodes' `lineno`/`col_offset`.
fn compile_ast_object(vm: &mut Vm, tree: &Value, filename: &str, mode: &str) -> PyResult<Value> {
    let st = state(vm)?;
    validate::Validator { st: &st, depth: 0 }.check(vm, tree, "mod")?;
    let ast_mod = crate::vm::import::import_module(vm, "ast")?;
    let unparse = ops::getattr_str(vm, &ast_mod, "unparse")?;
    let (m, node) = match mode {
        "eval" => (taipan_compiler::Mode::Eval, tree.clone()),
        _ => {
            // `ast.unparse` has no case for Interactive, and needs `type_ignores`, which
            // compile() does not: unparse the body as a fresh Module.
            let body = ops::getattr_opt(vm, tree, &intern("body"))?;
            let body = body.unwrap_or_else(|| crate::objects::list::PyList::new_value(Vec::new()));
            let empty = crate::objects::list::PyList::new_value(Vec::new());
            let module = crate::vm::call::call(vm, st.class("Module"), &[body, empty])?;
            let m = if mode == "single" { taipan_compiler::Mode::Single } else { taipan_compiler::Mode::Exec };
            (m, module)
        }
    };
    let text = crate::vm::call::call(vm, &unparse, &[node])?;
    let text = as_str(&text).unwrap_or("").to_string();
    crate::compile_source(vm, &text, filename, m)
}

/// Parses `source` and returns its AST (`compile(..., PyCF_ONLY_AST)`).
pub fn parse_to_ast(vm: &mut Vm, source: &str, filename: &str, mode: &str, type_comments: bool) -> PyResult<Value> {
    let st = state(vm)?;
    if mode == "func_type" {
        return convert::func_type(vm, &st, source, filename);
    }
    let pmode = if mode == "eval" { ruff_python_parser::Mode::Expression } else { ruff_python_parser::Mode::Module };
    let opts = ruff_python_parser::ParseOptions::from(pmode).with_target_version(ruff_python_ast::PythonVersion::PY313);
    let parsed = ruff_python_parser::parse_unchecked(source, opts);
    if !parsed.errors().is_empty() || !parsed.unsupported_syntax_errors().is_empty() {
        std::mem::forget(parsed);
        return Err(syntax_error(vm, source, filename, mode));
    }
    if exceeds_tokenizer_limits(parsed.tokens()) {
        std::mem::forget(parsed);
        return Err(syntax_error(vm, source, filename, mode));
    }
    if mode == "single" {
        if let ruff_python_ast::Mod::Module(m) = parsed.syntax() {
            if m.body.len() != 1 {
                // "multiple statements found while compiling a single statement" and
                // friends come from the compiler.
                if let Err(e) = crate::compile_source(vm, source, filename, taipan_compiler::Mode::Single) {
                    return Err(e);
                }
            }
        }
    }
    let tc = type_comments.then(|| convert::TypeComments::scan(source, parsed.tokens()));
    let (result, deep) = convert::convert_mod(&st, source, filename, parsed.syntax(), mode, tc);
    if deep {
        // The tree's recursive drop could exhaust the native stack; leak it instead.
        std::mem::forget(parsed);
    }
    result
}

/// Whether the source nests brackets or indentation beyond CPython's tokenizer limits
/// (`MAXLEVEL` 200, `MAXINDENT` 100), which ruff's parser does not enforce.
fn exceeds_tokenizer_limits(tokens: &ruff_python_ast::token::Tokens) -> bool {
    use ruff_python_ast::token::TokenKind;
    let (mut level, mut indent) = (0usize, 0usize);
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => level += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => level = level.saturating_sub(1),
            TokenKind::Indent => indent += 1,
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
        if level >= 200 || indent >= 100 {
            return true;
        }
    }
    false
}

/// The SyntaxError CPython reports for `source`: the compiler's error checks produce
/// CPython's messages and positions.
fn syntax_error(vm: &mut Vm, source: &str, filename: &str, mode: &str) -> PyErr {
    let m = match mode {
        "eval" => taipan_compiler::Mode::Eval,
        "single" => taipan_compiler::Mode::Single,
        _ => taipan_compiler::Mode::Exec,
    };
    match crate::compile_source(vm, source, filename, m) {
        Err(e) => e,
        Ok(_) => PyErr::new(&crate::objects::exceptions::SYNTAX_ERROR, "invalid syntax"),
    }
}
