//! Symbol tables: which names each scope binds, reads, and shares with nested scopes.
//!
//! Follows CPython 3.13's `Python/symtable.c`: a first pass (`Builder`) records, per block,
//! every name with its `DEF_*` flags; a second pass (`analyze_block`) resolves each name to
//! one of `LOCAL`, `GLOBAL_EXPLICIT`, `GLOBAL_IMPLICIT`, `FREE` or `CELL`, inlines list / set /
//! dict comprehensions into their enclosing scope (PEP 709), and finds the implicit
//! `__class__` / `__classdict__` cells of class bodies.
//!
//! Blocks are keyed by the address of the AST node that opens them (plus a small tag, for
//! the PEP 695 nodes that open several blocks), exactly as CPython keys them by pointer.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 64;
pub const DEF_IMPORT: u32 = 128;
pub const DEF_ANNOT: u32 = 256;
pub const DEF_COMP_ITER: u32 = 512;
pub const DEF_TYPE_PARAM: u32 = 1024;
pub const DEF_COMP_CELL: u32 = 2048;
pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

const SCOPE_OFFSET: u32 = 12;
const SCOPE_MASK: u32 = 7;

/// The resolved scope of a name (CPython's `LOCAL` ... `CELL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Unknown = 0,
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
}

impl Scope {
    fn from_bits(bits: u32) -> Scope {
        match bits {
            1 => Scope::Local,
            2 => Scope::GlobalExplicit,
            3 => Scope::GlobalImplicit,
            4 => Scope::Free,
            5 => Scope::Cell,
            _ => Scope::Unknown,
        }
    }
}

/// The scope of the symbol flags `flags`.
pub fn scope_of(flags: u32) -> Scope {
    Scope::from_bits((flags >> SCOPE_OFFSET) & SCOPE_MASK)
}

fn with_scope(flags: u32, scope: Scope) -> u32 {
    (flags & !(SCOPE_MASK << SCOPE_OFFSET)) | ((scope as u32) << SCOPE_OFFSET)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
    Annotation,
    TypeVarBound,
    TypeAlias,
    TypeParams,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comprehension {
    None,
    List,
    Set,
    Dict,
    Generator,
}

/// Which of a node's blocks a key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockTag {
    Main,
    TypeParams,
    Bound,
    Default,
}

pub type BlockKey = (usize, BlockTag);

pub fn key_of<T>(node: &T, tag: BlockTag) -> BlockKey {
    (node as *const T as usize, tag)
}

/// An insertion-ordered name -> flags map (CPython's `ste_symbols` dict keeps order).
#[derive(Clone, Debug, Default)]
pub struct SymbolMap {
    names: Vec<String>,
    flags: Vec<u32>,
    index: HashMap<String, usize>,
}

impl SymbolMap {
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(name).map(|&i| self.flags[i])
    }
    pub fn set(&mut self, name: &str, flags: u32) {
        match self.index.get(name) {
            Some(&i) => self.flags[i] = flags,
            None => {
                self.index.insert(name.to_string(), self.names.len());
                self.names.push(name.to_string());
                self.flags.push(flags);
            }
        }
    }
    pub fn remove(&mut self, name: &str) {
        if let Some(i) = self.index.remove(name) {
            self.names.remove(i);
            self.flags.remove(i);
            for (j, n) in self.names.iter().enumerate().skip(i) {
                self.index.insert(n.clone(), j);
            }
        }
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.names.iter().map(|s| s.as_str()).zip(self.flags.iter().copied())
    }
    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }
}

/// One block (CPython's `PySTEntryObject`).
#[derive(Clone, Debug)]
pub struct Block {
    pub kind: BlockType,
    pub name: String,
    pub symbols: SymbolMap,
    /// Parameters in declaration order (`ste_varnames`).
    pub varnames: Vec<String>,
    pub children: Vec<usize>,
    pub nested: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub comprehension: Comprehension,
    pub comp_inlined: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub can_see_class_scope: bool,
    pub has_free: bool,
    pub child_free: bool,
    pub lineno: u32,
    pub range: TextRange,
    /// Recorded `global` / `nonlocal` statements: name -> statement range.
    directives: HashMap<String, TextRange>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    mangled_names: Option<HashSet<String>>,
    pub scope_info: Option<&'static str>,
}

impl Block {
    pub fn scope(&self, name: &str) -> Scope {
        self.symbols.get(name).map(scope_of).unwrap_or(Scope::Unknown)
    }
    pub fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            BlockType::Function
                | BlockType::Annotation
                | BlockType::TypeVarBound
                | BlockType::TypeAlias
                | BlockType::TypeParams
        )
    }
}

/// A symbol-table error: message and the source range it points at.
#[derive(Clone, Debug)]
pub struct SymtableError {
    pub msg: String,
    pub range: TextRange,
}

type SResult<T> = Result<T, SymtableError>;

fn err<T>(msg: impl Into<String>, range: TextRange) -> SResult<T> {
    Err(SymtableError { msg: msg.into(), range })
}

/// The symbol tables of one compilation.
#[derive(Debug)]
pub struct SymbolTable {
    pub blocks: Vec<Block>,
    pub by_key: HashMap<BlockKey, usize>,
    pub future_annotations: bool,
}

impl SymbolTable {
    pub fn top(&self) -> &Block {
        &self.blocks[0]
    }
    pub fn lookup(&self, key: BlockKey) -> Option<usize> {
        self.by_key.get(&key).copied()
    }
}

/// `_Py_Mangle`: private name mangling inside classes.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(private) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

const MAX_DEPTH: u32 = 2000;

struct Builder {
    blocks: Vec<Block>,
    by_key: HashMap<BlockKey, usize>,
    stack: Vec<usize>,
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
}

pub fn build(body: &[Stmt], eval: Option<&Expr>, future_annotations: bool) -> SResult<SymbolTable> {
    let mut b = Builder {
        blocks: Vec::new(),
        by_key: HashMap::new(),
        stack: Vec::new(),
        private: None,
        future_annotations,
        depth: 0,
    };
    b.enter(BlockType::Module, "top", (0, BlockTag::Main), TextRange::default(), 0);
    if let Some(e) = eval {
        b.visit_expr(e)?;
    } else {
        for s in body {
            b.visit_stmt(s)?;
        }
    }
    b.stack.pop();
    let mut table = SymbolTable { blocks: b.blocks, by_key: b.by_key, future_annotations };
    analyze(&mut table)?;
    Ok(table)
}

impl Builder {
    fn cur(&mut self) -> &mut Block {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.blocks[i]
    }
    fn cur_ref(&self) -> &Block {
        &self.blocks[*self.stack.last().unwrap_or(&0)]
    }

    fn enter(&mut self, kind: BlockType, name: &str, key: BlockKey, range: TextRange, lineno: u32) {
        let parent = self.stack.last().copied();
        let nested = parent
            .map(|p| self.blocks[p].nested || self.blocks[p].is_function_like())
            .unwrap_or(false);
        let id = self.blocks.len();
        self.blocks.push(Block {
            kind,
            name: name.to_string(),
            symbols: SymbolMap::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            nested,
            generator: false,
            coroutine: false,
            comprehension: Comprehension::None,
            comp_inlined: false,
            varargs: false,
            varkeywords: false,
            needs_class_closure: false,
            needs_classdict: false,
            can_see_class_scope: false,
            has_free: false,
            child_free: false,
            lineno,
            range,
            directives: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
            mangled_names: None,
            scope_info: None,
        });
        if let Some(p) = parent {
            self.blocks[p].children.push(id);
        }
        self.by_key.insert(key, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn mangle(&self, name: &str) -> String {
        let cur = self.cur_ref();
        if let Some(set) = &cur.mangled_names {
            if !set.contains(name) {
                return name.to_string();
            }
        }
        mangle(self.private.as_deref(), name)
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> SResult<()> {
        let idx = *self.stack.last().unwrap_or(&0);
        self.add_def_in(idx, name, flag, range)
    }

    fn add_def_in(&mut self, idx: usize, name: &str, mut flag: u32, range: TextRange) -> SResult<()> {
        let mangled = self.mangle(name);
        if flag & DEF_TYPE_PARAM != 0 {
            if let Some(set) = &mut self.blocks[idx].mangled_names {
                set.insert(name.to_string());
            }
        }
        let block = &mut self.blocks[idx];
        let old = block.symbols.get(&mangled);
        let mut val = flag;
        if let Some(old) = old {
            if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                return err(format!("duplicate argument '{name}' in function definition"), range);
            }
            if flag & DEF_TYPE_PARAM != 0 && old & DEF_TYPE_PARAM != 0 {
                return err(format!("duplicate type parameter '{name}'"), range);
            }
            val |= old;
        }
        if block.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                );
            }
            val |= DEF_COMP_ITER;
            flag |= DEF_COMP_ITER;
        }
        let _ = flag;
        block.symbols.set(&mangled, val);
        if flag & DEF_PARAM != 0 {
            block.varnames.push(mangled.clone());
        }
        Ok(())
    }

    fn lookup(&self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.cur_ref().symbols.get(&mangled).unwrap_or(0)
    }

    fn deeper(&mut self, range: TextRange) -> SResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err("too many nested parentheses", range);
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> SResult<()> {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> SResult<()> {
        self.deeper(s.range())?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> SResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name.id, DEF_LOCAL, f.name.range)?;
                self.visit_defaults(&f.parameters)?;
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                if let Some(tp) = &f.type_params {
                    let has_defaults = f.parameters.posonlyargs.iter().chain(f.parameters.args.iter()).any(|p| p.default.is_some());
                    let has_kwdefaults = f.parameters.kwonlyargs.iter().any(|p| p.default.is_some());
                    self.enter_type_param_block(&f.name.id, key_of(&**tp, BlockTag::TypeParams), has_defaults, has_kwdefaults, false, s.range())?;
                    self.visit_type_params(tp)?;
                }
                self.visit_annotations(&f.parameters, f.returns.as_deref())?;
                self.enter(BlockType::Function, &f.name.id, key_of(f, BlockTag::Main), s.range(), 0);
                if f.is_async {
                    self.cur().coroutine = true;
                }
                self.visit_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.exit();
                if f.type_params.is_some() {
                    self.exit();
                }
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name.id, DEF_LOCAL, c.name.range)?;
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                let saved_private = self.private.clone();
                if let Some(tp) = &c.type_params {
                    self.enter_type_param_block(&c.name.id, key_of(&**tp, BlockTag::TypeParams), false, false, true, s.range())?;
                    self.private = Some(c.name.id.to_string());
                    self.cur().mangled_names = Some(HashSet::new());
                    self.visit_type_params(tp)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                self.enter(BlockType::Class, &c.name.id, key_of(c, BlockTag::Main), s.range(), 0);
                self.private = Some(c.name.id.to_string());
                if let Some(tp) = &c.type_params {
                    self.add_def("__type_params__", DEF_LOCAL, tp.range)?;
                    self.add_def(".type_params", USE, tp.range)?;
                }
                self.visit_body(&c.body)?;
                self.exit();
                if c.type_params.is_some() {
                    self.exit();
                }
                self.private = saved_private;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => {
                self.visit_expr(&t.name)?;
                let name = match &*t.name {
                    Expr::Name(n) => n.id.to_string(),
                    _ => String::new(),
                };
                let in_class = self.cur_ref().kind == BlockType::Class;
                if let Some(tp) = &t.type_params {
                    self.enter_type_param_block(&name, key_of(&**tp, BlockTag::TypeParams), false, false, false, s.range())?;
                    self.visit_type_params(tp)?;
                }
                self.enter(BlockType::TypeAlias, &name, key_of(t, BlockTag::Main), s.range(), 0);
                self.cur().can_see_class_scope = in_class;
                if in_class {
                    self.add_def("__classdict__", USE, t.value.range())?;
                }
                self.visit_expr(&t.value)?;
                self.exit();
                if t.type_params.is_some() {
                    self.exit();
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.lookup(&n.id);
                    let is_top = self.stack.len() == 1;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_top && a.simple {
                        let msg = if cur & DEF_GLOBAL != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        };
                        return err(msg, s.range());
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                self.visit_annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.visit_expr(&m.subject)?;
                for case in &m.cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                    if let Some(c) = &r.cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.orelse)?;
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.visit_alias(alias, s.range())?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    self.visit_alias(alias, s.range())?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let cur = self.lookup(&n.id);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to global declaration", n.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n.id)
                        };
                        return err(msg, s.range());
                    }
                    self.add_def(&n.id, DEF_GLOBAL, s.range())?;
                    self.record_directive(&n.id, s.range());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let cur = self.lookup(&n.id);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n.id)
                        };
                        return err(msg, s.range());
                    }
                    self.add_def(&n.id, DEF_NONLOCAL, s.range())?;
                    self.record_directive(&n.id, s.range());
                }
            }
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = self.mangle(name);
        self.cur().directives.entry(mangled).or_insert(range);
    }

    fn visit_alias(&mut self, alias: &ast::Alias, stmt_range: TextRange) -> SResult<()> {
        let full = alias.asname.as_ref().unwrap_or(&alias.name);
        let store = match full.id.find('.') {
            Some(dot) => &full.id[..dot],
            None => &full.id,
        };
        if store == "*" {
            if self.cur_ref().kind != BlockType::Module {
                let _ = stmt_range;
                return err("import * only allowed at module level", alias.range);
            }
            return Ok(());
        }
        self.add_def(store, DEF_IMPORT, alias.range)
    }

    fn enter_type_param_block(
        &mut self,
        name: &str,
        key: BlockKey,
        has_defaults: bool,
        has_kwdefaults: bool,
        is_class: bool,
        range: TextRange,
    ) -> SResult<()> {
        let current = self.cur_ref().kind;
        self.enter(BlockType::TypeParams, name, key, range, 0);
        if current == BlockType::Class {
            self.cur().can_see_class_scope = true;
            self.add_def("__classdict__", USE, range)?;
        }
        if is_class {
            self.add_def(".type_params", DEF_LOCAL, range)?;
            self.add_def(".type_params", USE, range)?;
            self.add_def(".generic_base", DEF_LOCAL, range)?;
            self.add_def(".generic_base", USE, range)?;
        }
        if has_defaults {
            self.add_def(".defaults", DEF_PARAM, range)?;
        }
        if has_kwdefaults {
            self.add_def(".kwdefaults", DEF_PARAM, range)?;
        }
        Ok(())
    }

    fn visit_type_params(&mut self, tps: &ast::TypeParams) -> SResult<()> {
        for tp in &tps.type_params {
            let (name, bound, default, default_info) = match tp {
                ast::TypeParam::TypeVar(t) => (&t.name, t.bound.as_deref(), t.default.as_deref(), "a TypeVar default"),
                ast::TypeParam::TypeVarTuple(t) => (&t.name, None, t.default.as_deref(), "a TypeVarTuple default"),
                ast::TypeParam::ParamSpec(t) => (&t.name, None, t.default.as_deref(), "a ParamSpec default"),
            };
            self.add_def(&name.id, DEF_TYPE_PARAM | DEF_LOCAL, tp.range())?;
            if let Some(b) = bound {
                let info = if matches!(b, Expr::Tuple(_)) { "a TypeVar constraint" } else { "a TypeVar bound" };
                self.visit_bound_or_default(b, &name.id, key_of(tp, BlockTag::Bound), info)?;
            }
            if let Some(d) = default {
                self.visit_bound_or_default(d, &name.id, key_of(tp, BlockTag::Default), default_info)?;
            }
        }
        Ok(())
    }

    fn visit_bound_or_default(&mut self, e: &Expr, name: &str, key: BlockKey, info: &'static str) -> SResult<()> {
        let in_class = self.cur_ref().can_see_class_scope;
        self.enter(BlockType::TypeVarBound, name, key, e.range(), 0);
        self.cur().can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", USE, e.range())?;
        }
        self.cur().scope_info = Some(info);
        self.visit_expr(e)?;
        self.exit();
        Ok(())
    }

    fn visit_defaults(&mut self, p: &ast::Parameters) -> SResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> SResult<()> {
        if self.future_annotations {
            self.enter(BlockType::Annotation, "_annotation", key_of(e, BlockTag::Main), e.range(), 0);
            self.visit_expr(e)?;
            self.exit();
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    fn visit_annotations(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> SResult<()> {
        let mut anns: Vec<&Expr> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(ann) = &a.parameter.annotation {
                anns.push(ann);
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = &v.annotation {
                anns.push(ann);
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(ann) = &a.parameter.annotation {
                anns.push(ann);
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(ann) = &v.annotation {
                anns.push(ann);
            }
        }
        if self.future_annotations {
            if !anns.is_empty() {
                self.enter(BlockType::Annotation, "_annotation", key_of(p, BlockTag::Main), p.range, 0);
                for a in &anns {
                    self.visit_expr(a)?;
                }
                self.exit();
            }
            if let Some(r) = returns {
                self.visit_annotation(r)?;
            }
            return Ok(());
        }
        for a in anns {
            self.visit_expr(a)?;
        }
        if let Some(r) = returns {
            self.visit_expr(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, p: &ast::Parameters) -> SResult<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            self.add_def(&a.parameter.name.id, DEF_PARAM, a.parameter.name.range)?;
        }
        for a in p.kwonlyargs.iter() {
            self.add_def(&a.parameter.name.id, DEF_PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name.id, DEF_PARAM, v.name.range)?;
            self.cur().varargs = true;
        }
        if let Some(v) = &p.kwarg {
            self.add_def(&v.name.id, DEF_PARAM, v.name.range)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> SResult<()> {
        self.deeper(p.range())?;
        match p {
            Pattern::MatchValue(v) => self.visit_expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for q in &s.patterns {
                    self.visit_pattern(q)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.visit_expr(k)?;
                }
                for q in m.patterns.iter() {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(&r.id, DEF_LOCAL, r.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls)?;
                for q in c.arguments.patterns.iter() {
                    self.visit_pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.visit_pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for q in &o.patterns {
                    self.visit_pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn in_annotation_block(&self) -> Option<&'static str> {
        let b = self.cur_ref();
        match b.kind {
            BlockType::Annotation => Some("an annotation"),
            BlockType::TypeVarBound => Some(b.scope_info.unwrap_or("a TypeVar bound")),
            BlockType::TypeAlias => Some("a type alias"),
            BlockType::TypeParams => Some("a type parameter"),
            _ => None,
        }
    }

    fn raise_if_annotation_block(&self, what: &str, range: TextRange) -> SResult<()> {
        if let Some(info) = self.in_annotation_block() {
            return err(format!("{what} cannot be used within {info}"), range);
        }
        Ok(())
    }

    fn raise_if_comprehension_block(&self, range: TextRange) -> SResult<()> {
        let msg = match self.cur_ref().comprehension {
            Comprehension::List => "'yield' inside list comprehension",
            Comprehension::Set => "'yield' inside set comprehension",
            Comprehension::Dict => "'yield' inside dict comprehension",
            _ => "'yield' inside generator expression",
        };
        err(msg, range)
    }

    fn is_async_def(&self) -> bool {
        let b = self.cur_ref();
        b.kind == BlockType::Function && b.coroutine && b.comprehension == Comprehension::None
    }

    fn visit_expr(&mut self, e: &Expr) -> SResult<()> {
        self.deeper(e.range())?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> SResult<()> {
        match e {
            Expr::Named(n) => {
                self.raise_if_annotation_block("named expression", e.range())?;
                self.handle_namedexpr(n)?;
            }
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::BinOp(b) => {
                self.visit_expr(&b.left)?;
                self.visit_expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_defaults(p)?;
                }
                self.enter(BlockType::Function, "lambda", key_of(l, BlockTag::Main), e.range(), 0);
                if let Some(p) = &l.parameters {
                    self.visit_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::ListComp(c) => self.handle_comprehension(e, "listcomp", &c.generators, &c.elt, None, Comprehension::List)?,
            Expr::SetComp(c) => self.handle_comprehension(e, "setcomp", &c.generators, &c.elt, None, Comprehension::Set)?,
            Expr::DictComp(c) => {
                let key = c.key.as_deref().unwrap_or(&c.value);
                self.handle_comprehension(e, "dictcomp", &c.generators, key, Some(&c.value), Comprehension::Dict)?
            }
            Expr::Generator(c) => {
                self.handle_comprehension(e, "genexpr", &c.generators, &c.elt, None, Comprehension::Generator)?
            }
            Expr::Await(a) => {
                self.raise_if_annotation_block("await expression", e.range())?;
                let b = self.cur_ref();
                if !b.is_function_like() {
                    return err("'await' outside function", e.range());
                }
                if !self.is_async_def() && b.comprehension == Comprehension::None {
                    return err("'await' outside async function", e.range());
                }
                self.visit_expr(&a.value)?;
                self.cur().coroutine = true;
            }
            Expr::Yield(y) => {
                self.raise_if_annotation_block("yield expression", e.range())?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
                self.cur().generator = true;
                if self.cur_ref().comprehension != Comprehension::None {
                    return self.raise_if_comprehension_block(e.range());
                }
            }
            Expr::YieldFrom(y) => {
                self.raise_if_annotation_block("yield expression", e.range())?;
                self.visit_expr(&y.value)?;
                self.cur().generator = true;
                if self.cur_ref().comprehension != Comprehension::None {
                    return self.raise_if_comprehension_block(e.range());
                }
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for v in c.comparators.iter() {
                    self.visit_expr(v)?;
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.visit_expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.visit_fstring_element(el)?;
                }
            }
            Expr::TString(t) => {
                for el in t.value.elements() {
                    self.visit_fstring_element(el)?;
                }
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Slice(s) => {
                if let Some(x) = &s.lower {
                    self.visit_expr(x)?;
                }
                if let Some(x) = &s.upper {
                    self.visit_expr(x)?;
                }
                if let Some(x) = &s.step {
                    self.visit_expr(x)?;
                }
            }
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ast::ExprContext::Load | ast::ExprContext::Invalid => USE,
                    _ => DEF_LOCAL,
                };
                self.add_def(&n.id, flag, n.range)?;
                if flag == USE && self.cur_ref().is_function_like() && n.id.as_str() == "super" {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => {
                for v in &l.elts {
                    self.visit_expr(v)?;
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.visit_expr(v)?;
                }
            }
        }
        Ok(())
    }

    fn visit_fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> SResult<()> {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.visit_expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.visit_fstring_element(el)?;
                }
            }
        }
        Ok(())
    }

    fn handle_namedexpr(&mut self, n: &ast::ExprNamed) -> SResult<()> {
        if self.cur_ref().comp_iter_expr > 0 {
            return err(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            );
        }
        if self.cur_ref().comprehension != Comprehension::None {
            if let Expr::Name(target) = &*n.target {
                self.extend_namedexpr_scope(target)?;
            }
        }
        self.visit_expr(&n.value)?;
        self.visit_expr(&n.target)
    }

    fn extend_namedexpr_scope(&mut self, target: &ast::ExprName) -> SResult<()> {
        let name = target.id.as_str();
        for i in (0..self.stack.len()).rev() {
            let idx = self.stack[i];
            let block = &self.blocks[idx];
            if block.comprehension != Comprehension::None {
                let flags = block.symbols.get(&self.mangle(name)).unwrap_or(0);
                if flags & DEF_COMP_ITER != 0 && flags & DEF_LOCAL != 0 {
                    return err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        target.range,
                    );
                }
                continue;
            }
            match block.kind {
                BlockType::Function => {
                    let flags = block.symbols.get(&self.mangle(name)).unwrap_or(0);
                    if flags & DEF_GLOBAL != 0 {
                        self.add_def(name, DEF_GLOBAL, target.range)?;
                    } else {
                        self.add_def(name, DEF_NONLOCAL, target.range)?;
                    }
                    self.record_directive(name, target.range);
                    return self.add_def_in(idx, name, DEF_LOCAL, target.range);
                }
                BlockType::Module => {
                    self.add_def(name, DEF_GLOBAL, target.range)?;
                    self.record_directive(name, target.range);
                    return self.add_def_in(idx, name, DEF_GLOBAL, target.range);
                }
                BlockType::Class => {
                    return err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.range,
                    )
                }
                BlockType::TypeParams => {
                    return err(
                        "assignment expression within a comprehension cannot be used within the definition of a generic",
                        target.range,
                    )
                }
                BlockType::TypeAlias => {
                    return err("assignment expression within a comprehension cannot be used in a type alias", target.range)
                }
                BlockType::TypeVarBound => {
                    return err("assignment expression within a comprehension cannot be used in a TypeVar bound", target.range)
                }
                BlockType::Annotation => continue,
            }
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: Comprehension,
    ) -> SResult<()> {
        let Some(outermost) = generators.first() else { return Ok(()) };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(BlockType::Function, &format!("<{name}>"), key_of(e, BlockTag::Main), e.range(), 0);
        self.cur().comprehension = kind;
        if outermost.is_async {
            self.cur().coroutine = true;
        }
        self.add_def(".0", DEF_PARAM, e.range())?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        for i in &outermost.ifs {
            self.visit_expr(i)?;
        }
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            for i in &g.ifs {
                self.visit_expr(i)?;
            }
            if g.is_async {
                self.cur().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == Comprehension::Generator;
        self.cur().generator = is_generator;
        let is_async = self.cur_ref().coroutine && !is_generator;
        self.exit();
        if is_async && !self.is_async_def() && self.cur_ref().comprehension == Comprehension::None {
            return err("asynchronous comprehension outside of an asynchronous function", e.range());
        }
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Analysis (CPython's analyze_block and friends).

type NameSet = HashSet<String>;

fn analyze(table: &mut SymbolTable) -> SResult<()> {
    let mut free = NameSet::new();
    let mut global = NameSet::new();
    let mut type_params = NameSet::new();
    analyze_block(table, 0, None, &mut free, &mut global, &mut type_params, None)
}

fn directive_range(block: &Block, name: &str) -> TextRange {
    block.directives.get(name).copied().unwrap_or(block.range)
}

#[allow(clippy::too_many_arguments)]
fn analyze_name(
    table: &mut SymbolTable,
    idx: usize,
    scopes: &mut HashMap<String, Scope>,
    name: &str,
    flags: u32,
    bound: Option<&NameSet>,
    local: &mut NameSet,
    free: &mut NameSet,
    global: &mut NameSet,
    type_params: &mut NameSet,
    class_entry: Option<usize>,
) -> SResult<()> {
    if flags & DEF_GLOBAL != 0 {
        if flags & DEF_NONLOCAL != 0 {
            return err(format!("name '{name}' is nonlocal and global"), directive_range(&table.blocks[idx], name));
        }
        scopes.insert(name.to_string(), Scope::GlobalExplicit);
        global.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_NONLOCAL != 0 {
        let Some(bound) = bound else {
            return err("nonlocal declaration not allowed at module level", directive_range(&table.blocks[idx], name));
        };
        if !bound.contains(name) {
            return err(format!("no binding for nonlocal '{name}' found"), directive_range(&table.blocks[idx], name));
        }
        if type_params.contains(name) {
            return err(
                format!("nonlocal binding not allowed for type parameter '{name}'"),
                directive_range(&table.blocks[idx], name),
            );
        }
        scopes.insert(name.to_string(), Scope::Free);
        table.blocks[idx].has_free = true;
        free.insert(name.to_string());
        return Ok(());
    }
    if flags & DEF_BOUND != 0 {
        scopes.insert(name.to_string(), Scope::Local);
        local.insert(name.to_string());
        global.remove(name);
        if flags & DEF_TYPE_PARAM != 0 {
            type_params.insert(name.to_string());
        } else {
            type_params.remove(name);
        }
        return Ok(());
    }
    if let Some(c) = class_entry {
        let class_flags = table.blocks[c].symbols.get(name).unwrap_or(0);
        if class_flags & DEF_GLOBAL != 0 {
            scopes.insert(name.to_string(), Scope::GlobalExplicit);
            return Ok(());
        } else if class_flags & DEF_BOUND != 0 && class_flags & DEF_NONLOCAL == 0 {
            scopes.insert(name.to_string(), Scope::GlobalImplicit);
            return Ok(());
        }
    }
    if let Some(bound) = bound {
        if bound.contains(name) {
            scopes.insert(name.to_string(), Scope::Free);
            table.blocks[idx].has_free = true;
            free.insert(name.to_string());
            return Ok(());
        }
    }
    if global.contains(name) {
        scopes.insert(name.to_string(), Scope::GlobalImplicit);
        return Ok(());
    }
    if table.blocks[idx].nested {
        table.blocks[idx].has_free = true;
    }
    scopes.insert(name.to_string(), Scope::GlobalImplicit);
    Ok(())
}

fn is_free_in_any_child(table: &SymbolTable, idx: usize, name: &str) -> bool {
    table.blocks[idx]
        .children
        .iter()
        .any(|&c| table.blocks[c].symbols.get(name).map(|f| scope_of(f) == Scope::Free).unwrap_or(false))
}

fn inline_comprehension(
    table: &mut SymbolTable,
    idx: usize,
    comp: usize,
    scopes: &mut HashMap<String, Scope>,
    comp_free: &mut NameSet,
    inlined_cells: &mut NameSet,
) {
    let symbols: Vec<(String, u32)> = table.blocks[comp].symbols.iter().map(|(k, v)| (k.to_string(), v)).collect();
    let mut remove_dunder_class = false;
    for (k, comp_flags) in symbols {
        if comp_flags & DEF_PARAM != 0 {
            continue;
        }
        let mut scope = scope_of(comp_flags);
        let only_flags = comp_flags & ((1 << SCOPE_OFFSET) - 1);
        if scope == Scope::Cell || only_flags & DEF_COMP_CELL != 0 {
            inlined_cells.insert(k.clone());
        }
        let existing = table.blocks[idx].symbols.get(&k);
        match existing {
            None => {
                if scope == Scope::Free && table.blocks[idx].kind == BlockType::Class && k == "__class__" {
                    scope = Scope::GlobalImplicit;
                    comp_free.remove(&k);
                    remove_dunder_class = true;
                }
                table.blocks[idx].symbols.set(&k, only_flags);
                scopes.insert(k.clone(), scope);
            }
            Some(existing) => {
                if existing & DEF_BOUND != 0
                    && !is_free_in_any_child(table, comp, &k)
                    && table.blocks[idx].kind != BlockType::Class
                {
                    comp_free.remove(&k);
                }
            }
        }
    }
    if remove_dunder_class {
        table.blocks[comp].symbols.remove("__class__");
    }
}

fn analyze_block(
    table: &mut SymbolTable,
    idx: usize,
    bound: Option<&NameSet>,
    free: &mut NameSet,
    global: &mut NameSet,
    type_params: &mut NameSet,
    class_entry: Option<usize>,
) -> SResult<()> {
    let mut local = NameSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal = NameSet::new();
    let mut newfree = NameSet::new();
    let mut newbound = NameSet::new();
    let mut inlined_cells = NameSet::new();
    let kind = table.blocks[idx].kind;

    if kind == BlockType::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }

    let symbols: Vec<(String, u32)> = table.blocks[idx].symbols.iter().map(|(k, v)| (k.to_string(), v)).collect();
    for (name, flags) in &symbols {
        analyze_name(table, idx, &mut scopes, name, *flags, bound, &mut local, free, global, type_params, class_entry)?;
    }

    if kind != BlockType::Class {
        if table.blocks[idx].is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(global.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
        newbound.insert("__classdict__".to_string());
    }

    let children = table.blocks[idx].children.clone();
    let mut new_children = Vec::new();
    for &child in &children {
        let new_class_entry = if table.blocks[child].can_see_class_scope {
            if kind == BlockType::Class {
                Some(idx)
            } else {
                class_entry
            }
        } else {
            None
        };
        let inline_comp = table.blocks[child].comprehension != Comprehension::None
            && !table.blocks[child].generator
            && !table.blocks[idx].can_see_class_scope;
        let mut child_free = NameSet::new();
        {
            let mut temp_bound = newbound.clone();
            let mut temp_global = newglobal.clone();
            let mut temp_type_params = type_params.clone();
            let _ = &mut temp_bound;
            analyze_block(
                table,
                child,
                Some(&temp_bound),
                &mut child_free,
                &mut temp_global,
                &mut temp_type_params,
                new_class_entry,
            )?;
        }
        let has_cells = table.blocks[child]
            .symbols
            .iter()
            .any(|(_, f)| scope_of(f) == Scope::Cell || f & DEF_COMP_CELL != 0);
        if inline_comp && !has_cells {
            inline_comprehension(table, idx, child, &mut scopes, &mut child_free, &mut inlined_cells);
            table.blocks[child].comp_inlined = true;
        }
        newfree.extend(child_free);
        if table.blocks[child].has_free || table.blocks[child].child_free {
            table.blocks[idx].child_free = true;
        }
        if table.blocks[child].comp_inlined {
            new_children.push(child);
            let grand = table.blocks[child].children.clone();
            new_children.extend(grand);
        } else {
            new_children.push(child);
        }
    }
    let _ = new_children;

    if table.blocks[idx].is_function_like() {
        for (name, scope) in scopes.iter_mut() {
            if *scope != Scope::Local {
                continue;
            }
            if !newfree.contains(name) && !inlined_cells.contains(name) {
                continue;
            }
            *scope = Scope::Cell;
            newfree.remove(name);
        }
    } else if kind == BlockType::Class {
        if newfree.remove("__class__") {
            table.blocks[idx].needs_class_closure = true;
        }
        if newfree.remove("__classdict__") {
            table.blocks[idx].needs_classdict = true;
        }
    }

    // update_symbols
    let classflag = kind == BlockType::Class || table.blocks[idx].can_see_class_scope;
    {
        let block = &mut table.blocks[idx];
        let names: Vec<(String, u32)> = block.symbols.iter().map(|(k, v)| (k.to_string(), v)).collect();
        for (name, mut flags) in names {
            if inlined_cells.contains(&name) {
                flags |= DEF_COMP_CELL;
            }
            let scope = scopes.get(&name).copied().unwrap_or(Scope::Unknown);
            block.symbols.set(&name, with_scope(flags, scope));
        }
        let mut free_sorted: Vec<&String> = newfree.iter().collect();
        free_sorted.sort();
        for name in free_sorted {
            if let Some(v) = block.symbols.get(name) {
                if classflag {
                    block.symbols.set(name, v | DEF_FREE_CLASS);
                }
                continue;
            }
            if let Some(b) = bound {
                if !b.contains(name.as_str()) {
                    continue;
                }
            } else {
                continue;
            }
            block.symbols.set(name, with_scope(0, Scope::Free));
        }
    }
    free.extend(newfree);
    Ok(())
}
