//! `taipan_compiler`: Python 3.13 source to Taipan code objects.
//!
//! The pipeline follows CPython's: source -> AST (Astral's `ruff_python_parser`) -> symbol
//! table (`symtable.rs`, CPython's `Python/symtable.c`) -> code generation (`compile/`,
//! CPython's `Python/compile.c` and `flowgraph.c`) -> [`CodeObject`].  This crate never
//! depends on the VM: constants are plain data ([`Constant`]).

pub mod bytecode;
pub mod code;

pub use code::{CodeObject, Constant, ExceptionTableEntry, Position};

/// What a piece of source is compiled as (`compile()`'s `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` string.
    Exec,
    /// A single expression (`eval`).
    Eval,
    /// One interactive statement: expression statements print their value (`Intrinsic1::Print`).
    Single,
}

/// The exception class a compile error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile error with CPython's fields (`SyntaxError.msg`, `lineno`, `offset`, ...).
/// `offset`/`end_offset` are 1-based character columns as CPython reports them;
/// `text` is the offending source line including its newline when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    pub text: Option<String>,
}

/// Compile-time options (`compile()`'s `flags`, `optimize` and `dont_inherit`).
#[derive(Clone, Copy, Debug, Default)]
pub struct CompileOptions {
    /// `-O` level: 1 drops `assert`, 2 also drops docstrings.
    pub optimize: u8,
}
