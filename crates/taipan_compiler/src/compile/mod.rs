//! Code generation: AST + symbol table -> code objects.
//!
//! Follows CPython 3.13's `Python/compile.c` (the `compiler_*` functions and their
//! `compiler_unit` stack).  This module holds the compiler state shared by the per-role
//! files: units, the instruction stream with labels and pseudo-instructions, name
//! resolution (`compiler_nameop`), constants, and the frame-block stack used to unwind
//! `return` / `break` / `continue` (`compiler_unwind_fblock`).
//!
//! - `stmt.rs`: statements (`compiler_visit_stmt`, try / with / loops / imports)
//! - `expr.rs`: expressions, calls, f-strings, jumps for conditions (`compiler_visit_expr1`)
//! - `function.rs`: functions, lambdas, classes, comprehensions, PEP 695 scopes
//! - `pattern.rs`: `match` statements (`compiler_pattern*`)
//! - `fold.rs`: constant folding (`Python/ast_opt.c`)
//! - `assemble.rs`: blocks, exception table, stack depth, jump layout (`flowgraph.c`, `assemble.c`)
//! - `errors.rs`: parser errors mapped to CPython's `SyntaxError`s (`Parser/pegen_errors.c`)

pub(crate) mod assemble;
pub(crate) mod errors;
mod error_rules;
mod tokenizer;
mod expr;
mod fold;
mod function;
mod pattern;
mod stmt;
mod strlit;

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::Opcode;
use crate::code::{flags, CodeObject, Constant, Position};
use crate::symtable::{self, BlockType, Scope, SymbolTable};
use crate::{CompileError, Mode, SyntaxErrorKind};

pub(crate) use assemble::Label;

/// CPython's `CO_MAXBLOCKS`.
const MAX_BLOCKS: usize = 21;
/// Bound on AST recursion while compiling (CPython's C stack guard).
const MAX_DEPTH: u32 = 1500;
/// CPython's `STACK_USE_GUIDELINE`.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// An IR operation: a real opcode or one of CPython's pseudo-instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    /// Handler pushes the exception (depth unchanged below it).
    SetupFinally,
    /// Handler pushes lasti and the exception.
    SetupCleanup,
    /// Like `SetupCleanup`, but the handler's depth excludes the `__enter__` result.
    SetupWith,
    PopBlock,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct IrInstr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<Label>,
    pub loc: Position,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Item {
    Instr(IrInstr),
    Label(Label),
}

/// What kind of code a unit compiles (CPython's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
    Comprehension,
    TypeParams,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockDatum<'a> {
    None,
    Body(&'a [Stmt]),
    Name(&'a str),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    pub block: Option<Label>,
    pub exit: Option<Label>,
    pub datum: FBlockDatum<'a>,
    pub loc: Position,
}

/// An insertion-ordered set of names with their indexes.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameList {
    pub list: Vec<Rc<str>>,
    map: HashMap<Rc<str>, u32>,
}

impl NameList {
    pub fn index(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.map.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        let i = self.list.len() as u32;
        self.list.push(rc.clone());
        self.map.insert(rc, i);
        i
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.map.get(name).copied()
    }
    pub fn len(&self) -> usize {
        self.list.len()
    }
}

/// Hashable identity of a constant for de-duplication (CPython's `_PyCode_ConstantKey`:
/// `1`, `1.0` and `True` stay distinct, as do `0.0` and `-0.0`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Code(usize),
}

fn const_key(c: &Constant) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::True => ConstKey::True,
        Constant::False => ConstKey::False,
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Int(i) => ConstKey::Int(i.clone()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(const_key).collect()),
        Constant::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(const_key).collect()),
        Constant::Code(c) => ConstKey::Code(Rc::as_ptr(c) as usize),
    }
}

/// One code object being compiled (CPython's `struct compiler_unit`).
pub(crate) struct Unit<'a> {
    pub block: usize,
    pub scope_type: ScopeType,
    pub name: String,
    pub qualname: String,
    pub items: Vec<Item>,
    pub nlabels: u32,
    pub consts: Vec<Constant>,
    const_map: HashMap<ConstKey, u32>,
    pub names: NameList,
    pub varnames: NameList,
    pub cellvars: NameList,
    pub freevars: NameList,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    pub in_inlined_comp: u32,
    pub fasthidden: HashMap<String, bool>,
    pub static_attributes: Option<BTreeSet<String>>,
}

/// Converts byte offsets to CPython positions.
pub(crate) struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0u32];
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }
    /// (1-based line, 0-based byte column).
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        (line as u32 + 1, offset - self.starts[line])
    }
    pub fn line_start(&self, line: u32) -> Option<u32> {
        self.starts.get(line.checked_sub(1)? as usize).copied()
    }
}

pub(crate) type CResult<T> = Result<T, CompileError>;

pub(crate) struct Compiler<'a> {
    pub src: &'a str,
    pub lines: LineIndex,
    pub filename: Rc<str>,
    pub st: SymbolTable,
    pub units: Vec<Unit<'a>>,
    pub optimize: u8,
    pub interactive: bool,
    pub future_annotations: bool,
    pub fold_cache: HashMap<usize, Option<Constant>>,
    pub depth: u32,
    /// The location instructions are attributed to (CPython passes `loc` explicitly).
    pub loc: Position,
}

pub(crate) const NO_LOCATION: Position = Position { line: 0, end_line: 0, col: 0, end_col: 0 };

impl<'a> Compiler<'a> {
    pub fn new(src: &'a str, filename: &str, st: SymbolTable, optimize: u8, interactive: bool) -> Self {
        let future_annotations = st.future_annotations;
        Compiler {
            src,
            lines: LineIndex::new(src),
            filename: Rc::from(filename),
            st,
            units: Vec::new(),
            optimize,
            interactive,
            future_annotations,
            fold_cache: HashMap::new(),
            depth: 0,
            loc: NO_LOCATION,
        }
    }

    // ---- locations and errors ---------------------------------------------------------

    pub fn pos(&self, range: TextRange) -> Position {
        let (line, col) = self.lines.line_col(range.start().to_u32());
        let (end_line, end_col) = self.lines.line_col(range.end().to_u32());
        Position { line, end_line, col, end_col }
    }

    pub fn set_loc(&mut self, range: TextRange) -> Position {
        let new = self.pos(range);
        std::mem::replace(&mut self.loc, new)
    }

    /// A compiler-stage `SyntaxError` at `range` (CPython's `compiler_error`: byte offsets + 1).
    pub fn error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        make_error(self.src, &self.filename, &self.lines, msg.into(), range, SyntaxErrorKind::SyntaxError)
    }

    pub fn error_at(&self, msg: impl Into<String>, pos: Position) -> CompileError {
        let text = line_text(self.src, &self.lines, pos.line);
        CompileError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: pos.line,
            offset: pos.col + 1,
            end_lineno: pos.end_line,
            end_offset: pos.end_col as i64 + 1,
            text,
        }
    }

    pub fn enter_depth(&mut self, range: TextRange) -> CResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("too many nested parentheses", range));
        }
        Ok(())
    }

    // ---- units -------------------------------------------------------------------------

    pub fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }
    pub fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }
    pub fn ste(&self) -> &symtable::Block {
        &self.st.blocks[self.unit_ref().block]
    }

    /// `compiler_enter_scope`.
    pub fn enter_scope(&mut self, name: &str, scope_type: ScopeType, block: usize, firstlineno: u32) {
        let b = &self.st.blocks[block];
        let mut varnames = NameList::default();
        for v in &b.varnames {
            varnames.index(v);
        }
        let mut cells: Vec<&str> = b
            .symbols
            .iter()
            .filter(|(_, f)| symtable::scope_of(*f) == Scope::Cell || f & symtable::DEF_COMP_CELL != 0)
            .map(|(n, _)| n)
            .collect();
        cells.sort();
        let mut cellvars = NameList::default();
        for c in cells {
            cellvars.index(c);
        }
        if b.needs_class_closure {
            cellvars.index("__class__");
        }
        if b.needs_classdict {
            cellvars.index("__classdict__");
        }
        let mut frees: Vec<&str> = b
            .symbols
            .iter()
            .filter(|(_, f)| symtable::scope_of(*f) == Scope::Free || f & symtable::DEF_FREE_CLASS != 0)
            .map(|(n, _)| n)
            .collect();
        frees.sort();
        let mut freevars = NameList::default();
        for f in frees {
            freevars.index(f);
        }
        let private = if scope_type == ScopeType::Class {
            Some(name.to_string())
        } else {
            self.units.last().and_then(|u| u.private.clone())
        };
        let static_attributes = if scope_type == ScopeType::Class { Some(BTreeSet::new()) } else { None };
        let mut unit = Unit {
            block,
            scope_type,
            name: name.to_string(),
            qualname: name.to_string(),
            items: Vec::new(),
            nlabels: 0,
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: NameList::default(),
            varnames,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            firstlineno,
            fblocks: Vec::new(),
            private,
            in_inlined_comp: 0,
            fasthidden: HashMap::new(),
            static_attributes,
        };
        unit.qualname = self.compute_qualname(&unit);
        self.units.push(unit);
    }

    /// `compiler_set_qualname`.
    fn compute_qualname(&self, u: &Unit) -> String {
        if u.scope_type == ScopeType::Module {
            return u.name.clone();
        }
        let Some(parent) = self.units.last() else { return u.name.clone() };
        if parent.scope_type == ScopeType::Module {
            return u.name.clone();
        }
        let mut parent_idx = self.units.len() - 1;
        if parent.scope_type == ScopeType::TypeParams && parent_idx >= 1 {
            parent_idx -= 1;
            if self.units[parent_idx].scope_type == ScopeType::Module {
                return u.name.clone();
            }
        }
        let parent = &self.units[parent_idx];
        if matches!(u.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Class) {
            let mangled = symtable::mangle(parent.private.as_deref(), &u.name);
            let scope = self.st.blocks[parent.block].scope(&mangled);
            if scope == Scope::GlobalExplicit {
                return u.name.clone();
            }
        }
        let base = if matches!(parent.scope_type, ScopeType::Function | ScopeType::AsyncFunction | ScopeType::Lambda) {
            format!("{}.<locals>", parent.qualname)
        } else {
            parent.qualname.clone()
        };
        format!("{base}.{}", u.name)
    }

    /// `compiler_exit_scope` + `optimize_and_assemble`.
    pub fn exit_scope(&mut self) -> CResult<CodeObject> {
        let Some(unit) = self.units.pop() else {
            return Err(self.error("internal compiler error: no unit", TextRange::default()));
        };
        let block = &self.st.blocks[unit.block];
        let mut co_flags = 0;
        if block.kind != BlockType::Module && block.kind != BlockType::Class {
            co_flags |= flags::NEWLOCALS | flags::OPTIMIZED;
            if block.nested {
                co_flags |= flags::NESTED;
            }
            if block.generator && block.coroutine {
                co_flags |= flags::ASYNC_GENERATOR;
            } else if block.generator {
                co_flags |= flags::GENERATOR;
            } else if block.coroutine {
                co_flags |= flags::COROUTINE;
            }
            if block.varargs {
                co_flags |= flags::VARARGS;
            }
            if block.varkeywords {
                co_flags |= flags::VARKEYWORDS;
            }
        }
        if unit.freevars.len() == 0 && unit.cellvars.len() == 0 {
            co_flags |= flags::NOFREE;
        }
        let nargs = unit.argcount
            + unit.kwonlyargcount
            + u32::from(co_flags & flags::VARARGS != 0)
            + u32::from(co_flags & flags::VARKEYWORDS != 0);
        let cell2arg: Vec<Option<u32>> = unit
            .cellvars
            .list
            .iter()
            .map(|c| unit.varnames.get(c).filter(|&i| i < nargs))
            .collect();
        let asm = assemble::assemble(&unit.items, unit.nlabels as usize, &unit.consts)
            .map_err(|m| self.error(format!("internal compiler error: {m}"), TextRange::default()))?;
        Ok(CodeObject {
            name: Rc::from(unit.name.as_str()),
            qualname: Rc::from(unit.qualname.as_str()),
            filename: self.filename.clone(),
            flags: co_flags,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            instructions: asm.instructions,
            positions: asm.positions,
            consts: unit.consts,
            names: unit.names.list,
            varnames: unit.varnames.list,
            cellvars: unit.cellvars.list,
            freevars: unit.freevars.list,
            cell2arg,
            firstlineno: unit.firstlineno,
            stacksize: asm.stacksize,
            exception_table: asm.exception_table,
        })
    }

    // ---- emission ----------------------------------------------------------------------

    pub fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.nlabels += 1;
        Label(u.nlabels - 1)
    }

    pub fn use_label(&mut self, l: Label) {
        self.unit().items.push(Item::Label(l));
    }

    pub fn emit_full(&mut self, op: Op, arg: u32, target: Option<Label>, loc: Position) {
        if op == Op::Real(Opcode::BuildTuple) && arg > 0 && self.fold_tuple_on_constants(arg as usize, loc) {
            return;
        }
        self.unit().items.push(Item::Instr(IrInstr { op, arg, target, loc }));
    }

    /// `fold_tuple_on_constants` (flowgraph.c): `LoadConst`s directly followed by
    /// `BuildTuple n` become one `LoadConst` of the tuple.
    fn fold_tuple_on_constants(&mut self, n: usize, loc: Position) -> bool {
        let u = self.unit_ref();
        if u.items.len() < n {
            return false;
        }
        let tail = &u.items[u.items.len() - n..];
        let mut values = Vec::with_capacity(n);
        for it in tail {
            match it {
                Item::Instr(i) if i.op == Op::Real(Opcode::LoadConst) => match u.consts.get(i.arg as usize) {
                    Some(c) => values.push(c.clone()),
                    None => return false,
                },
                _ => return false,
            }
        }
        let len = self.unit_ref().items.len();
        self.unit().items.truncate(len - n);
        let idx = self.add_const(Constant::Tuple(Rc::from(values)));
        self.unit().items.push(Item::Instr(IrInstr { op: Op::Real(Opcode::LoadConst), arg: idx, target: None, loc }));
        true
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.loc;
        self.emit_full(Op::Real(op), arg, None, loc);
    }

    pub fn emit_at(&mut self, op: Opcode, arg: u32, loc: Position) {
        self.emit_full(Op::Real(op), arg, None, loc);
    }

    pub fn emit_noloc(&mut self, op: Opcode, arg: u32) {
        self.emit_full(Op::Real(op), arg, None, NO_LOCATION);
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label) {
        let loc = self.loc;
        self.emit_full(Op::Real(op), 0, Some(target), loc);
    }

    pub fn emit_jump_at(&mut self, op: Opcode, target: Label, loc: Position) {
        self.emit_full(Op::Real(op), 0, Some(target), loc);
    }

    pub fn emit_setup(&mut self, op: Op, target: Label, loc: Position) {
        self.emit_full(op, 0, Some(target), loc);
    }

    pub fn pop_block(&mut self) {
        self.emit_full(Op::PopBlock, 0, None, NO_LOCATION);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        let key = const_key(&c);
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    pub fn load_const_at(&mut self, c: Constant, loc: Position) {
        let i = self.add_const(c);
        self.emit_at(Opcode::LoadConst, i, loc);
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        let mangled = self.mangle(name);
        self.unit().names.index(&mangled)
    }

    pub fn name_index_raw(&mut self, name: &str) -> u32 {
        self.unit().names.index(name)
    }

    pub fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.unit_ref().private.as_deref(), name)
    }

    /// Index of a cell or free variable in the cell index space.
    pub fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.cellvars.get(name) {
            return i;
        }
        if let Some(i) = u.freevars.get(name) {
            return i + u.cellvars.len() as u32;
        }
        let i = u.freevars.index(name);
        i + u.cellvars.len() as u32
    }

    // ---- names (compiler_nameop) -------------------------------------------------------

    pub fn nameop(&mut self, name: &str, ctx: ast::ExprContext) -> CResult<()> {
        let loc = self.loc;
        self.nameop_at(name, ctx, loc)
    }

    pub fn nameop_at(&mut self, name: &str, ctx: ast::ExprContext, loc: Position) -> CResult<()> {
        use ast::ExprContext::*;
        let mangled = self.mangle(name);
        let ste = self.ste();
        let scope = ste.scope(&mangled);
        let function_like = ste.is_function_like();
        let kind = ste.kind;
        let can_see_class = ste.can_see_class_scope;
        #[derive(PartialEq)]
        enum OpType {
            Fast,
            Global,
            Deref,
            Name,
        }
        let mut optype = OpType::Name;
        match scope {
            Scope::Free | Scope::Cell => optype = OpType::Deref,
            Scope::Local => {
                if function_like || self.unit_ref().fasthidden.get(&mangled) == Some(&true) {
                    optype = OpType::Fast;
                }
            }
            Scope::GlobalImplicit => {
                if function_like {
                    optype = OpType::Global;
                }
            }
            Scope::GlobalExplicit => optype = OpType::Global,
            Scope::Unknown => {}
        }
        let store_or_del = |ctx| !matches!(ctx, Load | Invalid);
        match optype {
            OpType::Deref => {
                let idx = self.deref_index(&mangled);
                match ctx {
                    Load | Invalid => {
                        if kind == BlockType::Class && self.unit_ref().in_inlined_comp == 0 {
                            self.emit_at(Opcode::LoadLocals, 0, loc);
                            self.emit_at(Opcode::LoadFromDictOrDeref, idx, loc);
                        } else if can_see_class {
                            let cd = self.deref_index("__classdict__");
                            self.emit_at(Opcode::LoadDeref, cd, loc);
                            self.emit_at(Opcode::LoadFromDictOrDeref, idx, loc);
                        } else {
                            self.emit_at(Opcode::LoadDeref, idx, loc);
                        }
                    }
                    Store => self.emit_at(Opcode::StoreDeref, idx, loc),
                    Del => self.emit_at(Opcode::DeleteDeref, idx, loc),
                }
            }
            OpType::Fast => {
                let idx = self.unit().varnames.index(&mangled);
                let op = match ctx {
                    Load | Invalid => Opcode::LoadFast,
                    Store => Opcode::StoreFast,
                    Del => Opcode::DeleteFast,
                };
                self.emit_at(op, idx, loc);
            }
            OpType::Global => {
                let idx = self.unit().names.index(&mangled);
                match ctx {
                    Load | Invalid => {
                        if can_see_class && scope == Scope::GlobalImplicit {
                            let cd = self.deref_index("__classdict__");
                            self.emit_at(Opcode::LoadDeref, cd, loc);
                            self.emit_at(Opcode::LoadFromDictOrGlobals, idx, loc);
                        } else {
                            self.emit_at(Opcode::LoadGlobal, idx, loc);
                        }
                    }
                    Store => self.emit_at(Opcode::StoreGlobal, idx, loc),
                    Del => self.emit_at(Opcode::DeleteGlobal, idx, loc),
                }
            }
            OpType::Name => {
                let idx = self.unit().names.index(&mangled);
                let op = match ctx {
                    Load | Invalid => {
                        if kind == BlockType::Class && self.unit_ref().in_inlined_comp > 0 {
                            Opcode::LoadGlobal
                        } else {
                            Opcode::LoadName
                        }
                    }
                    Store => Opcode::StoreName,
                    Del => Opcode::DeleteName,
                };
                let _ = store_or_del;
                self.emit_at(op, idx, loc);
            }
        }
        Ok(())
    }

    // ---- frame blocks ------------------------------------------------------------------

    pub fn push_fblock(
        &mut self,
        kind: FBlockKind,
        block: Option<Label>,
        exit: Option<Label>,
        datum: FBlockDatum<'a>,
        range: TextRange,
    ) -> CResult<()> {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", range));
        }
        let loc = self.loc;
        self.unit().fblocks.push(FBlock { kind, block, exit, datum, loc });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    /// `compiler_unwind_fblock`.
    pub fn unwind_fblock(&mut self, info: FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::TryExcept => self.emit_full(Op::PopBlock, 0, None, self.loc),
            FBlockKind::FinallyTry => {
                self.emit_full(Op::PopBlock, 0, None, self.loc);
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, FBlockDatum::None, TextRange::default())?;
                }
                if let FBlockDatum::Body(body) = info.datum {
                    self.compile_body(body)?;
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.loc = NO_LOCATION;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit_full(Op::PopBlock, 0, None, self.loc);
                self.emit(Opcode::PopExcept, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.loc = info.loc;
                self.emit_full(Op::PopBlock, 0, None, self.loc);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FBlockKind::AsyncWith {
                    self.emit(Opcode::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from(true);
                }
                self.emit(Opcode::PopTop, 0);
                self.loc = NO_LOCATION;
            }
            FBlockKind::HandlerCleanup => {
                let name = if let FBlockDatum::Name(n) = info.datum { Some(n) } else { None };
                if name.is_some() {
                    self.emit_full(Op::PopBlock, 0, None, self.loc);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit_full(Op::PopBlock, 0, None, self.loc);
                self.emit(Opcode::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, ast::ExprContext::Store)?;
                    self.nameop(n, ast::ExprContext::Del)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds every frame block (or up to the innermost
    /// loop when `want_loop`), returning that loop's block.
    pub fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        want_loop: bool,
        range: TextRange,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(&top) = self.unit_ref().fblocks.last() else { return Ok(None) };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block", range));
        }
        if want_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.unit().fblocks.pop();
        self.unwind_fblock(top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, want_loop, range);
        self.unit().fblocks.push(top);
        r
    }

    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::Call, 2);
    }

    /// `compiler_add_yield_from`: the `Send` / `YieldValue 1` loop of `yield from` and `await`.
    pub fn add_yield_from(&mut self, _is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        let loc = self.loc;
        self.use_label(send);
        self.emit_jump(Opcode::Send, exit);
        self.emit_setup(Op::SetupFinally, fail, loc);
        self.emit(Opcode::YieldValue, 1);
        self.pop_block();
        self.emit_jump(Opcode::Jump, send);
        self.use_label(fail);
        self.emit(Opcode::CleanupThrow, 0);
        self.use_label(exit);
        self.emit(Opcode::EndSend, 0);
    }

    pub fn compile_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    /// The docstring of a body, if its first statement is a plain string expression.
    pub fn docstring(body: &[Stmt]) -> Option<String> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                return Some(s.value.to_str().to_string());
            }
        }
        None
    }
}

/// `_PyCompile_CleanDoc`: expand tabs, drop the common indentation of lines after the
/// first, and strip leading spaces of the first line.
pub(crate) fn clean_doc(doc: &str) -> String {
    let doc = expand_tabs(doc);
    let lines: Vec<&str> = doc.split('\n').collect();
    let mut margin = usize::MAX;
    for line in lines.iter().skip(1) {
        let stripped = line.trim_start_matches(' ');
        if !stripped.is_empty() {
            margin = margin.min(line.len() - stripped.len());
        }
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut out = String::with_capacity(doc.len());
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(line.trim_start_matches(' '));
        } else {
            out.push('\n');
            let mut skip = 0;
            for b in line.bytes().take(margin) {
                if b != b' ' {
                    break;
                }
                skip += 1;
            }
            out.push_str(&line[skip..]);
        }
    }
    out
}

fn expand_tabs(s: &str) -> String {
    if !s.contains('\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut col = 0usize;
    for ch in s.chars() {
        match ch {
            '\t' => {
                let n = 8 - (col % 8);
                for _ in 0..n {
                    out.push(' ');
                }
                col += n;
            }
            '\n' | '\r' => {
                out.push(ch);
                col = 0;
            }
            _ => {
                out.push(ch);
                col += 1;
            }
        }
    }
    out
}

pub(crate) fn line_text(src: &str, lines: &LineIndex, line: u32) -> Option<String> {
    let start = lines.line_start(line)? as usize;
    let end = lines.line_start(line + 1).map(|e| e as usize).unwrap_or(src.len());
    src.get(start..end).map(|s| s.to_string())
}

pub(crate) fn make_error(
    src: &str,
    filename: &str,
    lines: &LineIndex,
    msg: String,
    range: TextRange,
    kind: SyntaxErrorKind,
) -> CompileError {
    let (lineno, col) = lines.line_col(range.start().to_u32());
    let (end_lineno, end_col) = lines.line_col(range.end().to_u32());
    CompileError {
        kind,
        msg,
        filename: filename.to_string(),
        lineno,
        offset: col + 1,
        end_lineno,
        end_offset: end_col as i64 + 1,
        text: line_text(src, lines, lineno),
    }
}

/// Whether any statement (outside nested scopes) is an annotated assignment (`find_ann`).
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// Compiles a parsed module / expression into its top-level code object.
pub(crate) fn compile_top(
    src: &str,
    filename: &str,
    body: &[Stmt],
    expr: Option<&Expr>,
    mode: Mode,
    optimize: u8,
    st: SymbolTable,
) -> CResult<CodeObject> {
    let mut c = Compiler::new(src, filename, st, optimize, mode == Mode::Single);
    c.enter_scope("<module>", ScopeType::Module, 0, 1);
    match (mode, expr) {
        (Mode::Eval, Some(e)) => {
            c.compile_expr(e)?;
            c.loc = c.pos(e.range());
            c.emit(Opcode::ReturnValue, 0);
        }
        _ => {
            if mode == Mode::Single {
                if find_ann(body) {
                    c.loc = body.first().map(|s| c.pos(s.range())).unwrap_or(NO_LOCATION);
                    c.emit(Opcode::SetupAnnotations, 0);
                }
                for s in body {
                    c.compile_stmt(s)?;
                }
            } else {
                c.compile_module_body(body)?;
            }
            c.loc = NO_LOCATION;
            c.load_const(Constant::None);
            c.emit(Opcode::ReturnValue, 0);
        }
    }
    c.exit_scope()
}

impl<'a> Compiler<'a> {
    /// `compiler_body` for modules and class bodies.
    pub fn compile_module_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        if find_ann(body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        if body.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if !self.interactive {
            if let Some(doc) = Self::docstring(body) {
                first = 1;
                if self.optimize < 2 {
                    let Stmt::Expr(st) = &body[0] else { return Ok(()) };
                    let loc = self.pos(st.value.range());
                    self.load_const_at(Constant::Str(Rc::from(clean_doc(&doc).as_str())), loc);
                    self.nameop_at("__doc__", ast::ExprContext::Store, NO_LOCATION)?;
                }
            }
        }
        for s in &body[first..] {
            self.compile_stmt(s)?;
        }
        Ok(())
    }
}
