//! Code objects as the compiler produces them (CPython's `PyCodeObject`, `Objects/codeobject.c`).
//!
//! A `CodeObject` is plain data: the VM converts its constants into Python values once,
//! when it first loads the code.  Variables live in three index spaces:
//! - `varnames`: fast locals (`LoadFast` / `StoreFast`), arguments first, in CPython's order
//!   (positional-only, positional, keyword-only, `*args`, `**kwargs`, then other locals);
//! - cells: `cellvars` then `freevars` (`LoadDeref` / `StoreDeref` / `LoadClosure` index into
//!   this concatenation).  A cell variable that is also an argument is listed in both
//!   `varnames` and `cellvars`; `cell2arg` says which argument initialises it;
//! - `names`: globals, attributes and imported names.

use num_bigint::BigInt;
use std::rc::Rc;

/// `co_flags` bits, numbered as CPython's `CO_*` constants.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A constant in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

/// One row of the exception table: instructions `start..end` are covered; an exception
/// raised there pops the stack to `depth`, pushes the raising instruction's index if
/// `lasti`, pushes the exception, and jumps to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// Source position of one instruction, as CPython's `co_positions()` gives it:
/// 1-based lines, 0-based columns counted in UTF-8 bytes.  `line == 0` means "no position".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: the function name, `<module>`, `<lambda>`, `<genexpr>`, ...
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_flags` (see [`flags`]).
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Instructions (see `bytecode::Instr`).
    pub instructions: Vec<u32>,
    /// One position per instruction.
    pub positions: Vec<Position>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar, the index in `varnames` of the argument that initialises it.
    pub cell2arg: Vec<Option<u32>>,
    pub firstlineno: u32,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    pub exception_table: Vec<ExceptionTableEntry>,
}

impl CodeObject {
    /// Number of argument slots at the start of `varnames` (including `*args` / `**kwargs`).
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The innermost exception-table entry covering instruction `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionTableEntry> {
        // Entries are emitted innermost-first for overlapping ranges; the first match wins.
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }
}
