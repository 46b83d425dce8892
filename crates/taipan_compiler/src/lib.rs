//! `taipan_compiler`: Python 3.13 source to Taipan code objects.
//!
//! The pipeline follows CPython's: source -> AST (Astral's `ruff_python_parser`) -> symbol
//! table (`symtable.rs`, CPython's `Python/symtable.c`) -> code generation (`compile/`,
//! CPython's `Python/compile.c` and `flowgraph.c`) -> [`CodeObject`].  This crate never
//! depends on the VM: constants are plain data ([`Constant`]).

pub mod bytecode;
pub mod code;
mod compile;
mod dis;
pub mod symtable;

pub use code::{CodeObject, Constant, ExceptionTableEntry, Position};
pub use dis::dis;

use ruff_python_ast::{Expr, Stmt};
use ruff_python_parser::{ParseOptions, Parsed};

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
///
/// Two messages stand for exceptions that are not `SyntaxError`s in CPython (with
/// `lineno == 0`): [`NULL_BYTES_MSG`] (a `ValueError`) and [`RECURSION_MSG`] (a
/// `RecursionError`, for expressions nested beyond the compiler's limit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    /// -1 for tokenizer errors, as CPython reports them.
    pub end_offset: i64,
    pub text: Option<String>,
}

/// `compile()` of a string with a NUL character raises `ValueError` with this message.
pub const NULL_BYTES_MSG: &str = "source code string cannot contain null bytes";
/// Source too deeply nested for CPython's parser raises `MemoryError` with this message.
pub const PARSER_STACK_MSG: &str = "Parser stack overflowed - Python source too complex to parse";
/// Nesting beyond the compiler's limit raises `RecursionError` with this message.
pub const RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

/// Compile-time options (`compile()`'s `flags`, `optimize` and `dont_inherit`).
#[derive(Clone, Copy, Debug, Default)]
pub struct CompileOptions {
    /// `-O` level: 1 drops `assert`, 2 also drops docstrings.
    pub optimize: u8,
}

fn bare_error(msg: &str, filename: &str) -> CompileError {
    CompileError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.to_string(),
        filename: filename.to_string(),
        lineno: 0,
        offset: 0,
        end_lineno: 0,
        end_offset: 0,
        text: None,
    }
}

/// Compiles `source` to a code object, as CPython's `compile(source, filename, mode)`.
pub fn compile(source: &str, filename: &str, mode: Mode, options: CompileOptions) -> Result<CodeObject, CompileError> {
    if source.contains('\0') {
        return Err(bare_error(NULL_BYTES_MSG, filename));
    }
    let pmode = match mode {
        Mode::Eval => ruff_python_parser::Mode::Expression,
        _ => ruff_python_parser::Mode::Module,
    };
    let opts = ParseOptions::from(pmode).with_target_version(ruff_python_ast::PythonVersion::PY313);
    let parsed = ruff_python_parser::parse_unchecked(source, opts.clone());
    if let Some(rewritten) = compile::errors::spec_newline_rewrite(source, &parsed) {
        // NOTE: errors elsewhere in such a source are located in the rewritten text, whose
        // columns differ after a rewritten format spec on its lines.
        let reparsed = ruff_python_parser::parse_unchecked(&rewritten, opts);
        let result = compile_parsed(&rewritten, filename, mode, options, &reparsed);
        if compile::errors::is_deep(&reparsed) {
            std::mem::forget(reparsed);
        }
        return result;
    }
    let result = compile_parsed(source, filename, mode, options, &parsed);
    if compile::errors::is_deep(&parsed) {
        // The AST's recursive drop could exhaust the native stack; leak it instead.
        std::mem::forget(parsed);
    }
    result
}

fn compile_parsed(
    source: &str,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
    parsed: &Parsed<ruff_python_ast::Mod>,
) -> Result<CodeObject, CompileError> {
    if compile::errors::parser_stack_overflows(parsed) {
        return Err(bare_error(PARSER_STACK_MSG, filename));
    }
    if let Some(e) = compile::errors::syntax_error(source, filename, parsed) {
        return Err(e);
    }
    if matches!(mode, Mode::Single) {
        if let Some(e) = compile::errors::single_statement_error(source, filename, parsed) {
            return Err(e);
        }
    }
    let (body, expr): (&[Stmt], Option<&Expr>) = match parsed.syntax() {
        ruff_python_ast::Mod::Module(m) => (&m.body, None),
        ruff_python_ast::Mod::Expression(e) => (&[], Some(&e.body)),
    };
    let future = compile::errors::check_future(source, filename, body)?;
    let st = symtable::build(body, expr, future.annotations).map_err(|e| {
        let lines = compile::LineIndex::new(source);
        let msg = if e.msg == "too many nested parentheses" { RECURSION_MSG.to_string() } else { e.msg };
        compile::make_error(source, filename, &lines, msg, e.range, SyntaxErrorKind::SyntaxError)
    })?;
    compile::compile_top(source, filename, body, expr, mode, options.optimize, st).map_err(|mut e| {
        if e.msg == "too many nested parentheses" {
            e.msg = RECURSION_MSG.to_string();
        }
        e
    })
}

/// Whether `source` is an unfinished interactive input: an open bracket, an unterminated
/// triple-quoted string, a trailing backslash, or a compound statement header whose block
/// has not been ended by a blank line (the REPL's continuation prompt).
pub fn is_incomplete_input(source: &str) -> bool {
    compile::errors::is_incomplete(source)
}
