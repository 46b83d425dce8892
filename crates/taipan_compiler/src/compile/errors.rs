//! Syntax errors: ruff's parse errors turned into CPython's `SyntaxError`s.
//!
//! Follows CPython 3.13's `Parser/pegen_errors.c` (`_PyPegen_set_syntax_error`,
//! `_PyPegen_tokenize_full_source_to_check_for_errors`: the first tokenizer error anywhere
//! in the source wins over a parser error; an unclosed bracket is reported when the parser
//! stops at the end of the input or on a later line), `Parser/tokenizer.c` (bracket
//! matching, unterminated strings, number literals, indentation) and the `invalid_*` rules
//! of `Grammar/python.gram` for the parser errors CPython words specially.  Also
//! `Python/future.c` (`from __future__` checks).

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Mod, Stmt};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType, Parsed};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{line_text, tokenizer, LineIndex};
use crate::{CompileError, SyntaxErrorKind};

/// Nesting depth beyond which an AST is not dropped (its drop glue recurses).
const DEEP_AST: u32 = 1000;

struct DepthProbe {
    depth: u32,
    deep: bool,
}

impl<'a> Visitor<'a> for DepthProbe {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.deep {
            return;
        }
        self.depth += 1;
        if self.depth > DEEP_AST {
            self.deep = true;
        } else {
            visitor::walk_stmt(self, stmt);
        }
        self.depth -= 1;
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.deep {
            return;
        }
        self.depth += 1;
        if self.depth > DEEP_AST {
            self.deep = true;
        } else {
            visitor::walk_expr(self, expr);
        }
        self.depth -= 1;
    }
}

/// Whether the AST nests deeper than is safe to drop recursively.
pub(crate) fn is_deep(parsed: &Parsed<Mod>) -> bool {
    if parsed.tokens().len() < DEEP_AST as usize {
        return false;
    }
    let mut probe = DepthProbe { depth: 0, deep: false };
    match parsed.syntax() {
        Mod::Module(m) => {
            for s in &m.body {
                probe.visit_stmt(s);
            }
        }
        Mod::Expression(e) => probe.visit_expr(&e.body),
    }
    probe.deep
}

/// Builds a `CompileError`; `col` and `end_col` are byte columns, converted to CPython's
/// 1-based character offsets.
pub(super) struct ErrorBuilder<'s> {
    pub src: &'s str,
    pub filename: &'s str,
    pub lines: LineIndex,
    /// `exec`/`single` input, to which the tokenizer appends a newline (not `eval` input).
    pub exec_input: bool,
}

impl ErrorBuilder<'_> {
    fn char_offset(&self, line: u32, byte_col: u32) -> u32 {
        let Some(start) = self.lines.line_start(line) else { return byte_col + 1 };
        let start = start as usize;
        let end = (start + byte_col as usize).min(self.src.len());
        match self.src.get(start..end) {
            Some(s) => s.chars().count() as u32 + 1,
            None => byte_col + 1,
        }
    }

    pub(super) fn at(&self, kind: SyntaxErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let (lineno, col) = self.lines.line_col(range.start().to_u32());
        // A NEWLINE token ends on its own line, one past the line's last character.
        let newline_end = range.end() > range.start() && self.src[..range.end().to_usize()].ends_with('\n');
        let end = if newline_end { range.end() - TextSize::from(1) } else { range.end() };
        let (end_lineno, end_col) = self.lines.line_col(end.to_u32());
        let mut end_offset = self.char_offset(end_lineno, end_col) as i64;
        if newline_end {
            end_offset += 1;
        }
        CompileError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno,
            offset: self.char_offset(lineno, col),
            end_lineno,
            end_offset,
            text: pegen_text(self, line_text(self.src, &self.lines, lineno)),
        }
    }

    /// An error at the NEWLINE token at `pos` (one character wide, also when the tokenizer
    /// added it at the end of input).
    pub(super) fn at_newline(&self, msg: impl Into<String>, pos: TextSize) -> CompileError {
        // A comment ending the line belongs to the NEWLINE token.
        let pos = pos.min(TextSize::from(self.src.len() as u32));
        let start = comment_start(self.src, pos.to_usize()).map(|c| TextSize::from(c as u32)).unwrap_or(pos);
        if self.src[pos.to_usize()..].starts_with(['\n', '\r']) {
            return self.syntax(msg, TextRange::new(start, pos + TextSize::from(1)));
        }
        let mut e = self.syntax(msg, TextRange::new(start, pos));
        if self.exec_input {
            e.end_offset += 1;
        }
        e
    }

    /// An error located at token `t` (`RAISE_SYNTAX_ERROR` at the last token read).
    pub(super) fn at_token(&self, msg: impl Into<String>, t: &Token) -> CompileError {
        if matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
            return self.at_newline(msg, t.start());
        }
        self.syntax(msg, t.range())
    }

    pub(super) fn syntax(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.at(SyntaxErrorKind::SyntaxError, msg, range)
    }
}

fn open_of(k: TokenKind) -> Option<char> {
    match k {
        TokenKind::Lpar => Some('('),
        TokenKind::Lsqb => Some('['),
        TokenKind::Lbrace => Some('{'),
        _ => None,
    }
}

fn close_of(k: TokenKind) -> Option<char> {
    match k {
        TokenKind::Rpar => Some(')'),
        TokenKind::Rsqb => Some(']'),
        TokenKind::Rbrace => Some('}'),
        _ => None,
    }
}

fn fstring_message(e: &ruff_python_parser::InterpolatedStringErrorType) -> String {
    use ruff_python_parser::InterpolatedStringErrorType::*;
    match e {
        UnclosedLbrace => "f-string: expecting '}'".into(),
        InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
        SingleRbrace => "f-string: single '}' is not allowed".into(),
        UnterminatedString => "unterminated f-string literal".into(),
        UnterminatedTripleQuotedString => "unterminated triple-quoted f-string literal".into(),
        LambdaWithoutParentheses => "f-string: lambda expressions are not allowed without parentheses".into(),
        ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: conversion type must come right after the exclamation mark".into()
        }
        NewlineInFormatSpec => "f-string: newlines are not allowed in format specifiers for single quoted f-strings".into(),
    }
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Targets {
    Star,
    Del,
    For,
}

/// CPython's `_PyPegen_get_invalid_target`.
fn invalid_target(e: &Expr, t: Targets) -> Option<&Expr> {
    match e {
        Expr::List(l) => l.elts.iter().find_map(|x| invalid_target(x, t)),
        Expr::Tuple(l) => l.elts.iter().find_map(|x| invalid_target(x, t)),
        Expr::Starred(s) => {
            if t == Targets::Del {
                Some(e)
            } else {
                invalid_target(&s.value, t)
            }
        }
        Expr::Compare(c) => {
            if t == Targets::For {
                if c.ops.first() == Some(&ast::CmpOp::In) {
                    return invalid_target(&c.left, t);
                }
                return None;
            }
            Some(e)
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// Finds the CPython message for an invalid assignment / deletion target near `at`.
struct TargetFinder<'s> {
    src: &'s str,
    at: TextRange,
    found: Option<(String, TextRange)>,
}

/// Whether ruff's error recovery left a part of `e` missing (an empty node).
fn has_missing(e: &Expr) -> bool {
    struct Missing(bool);
    impl<'a> Visitor<'a> for Missing {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if expr.range().is_empty() || matches!(expr, Expr::Starred(s) if s.value.range().is_empty()) {
                self.0 = true;
            } else if !self.0 {
                visitor::walk_expr(self, expr);
            }
        }
    }
    let mut m = Missing(false);
    m.visit_expr(e);
    m.0
}

/// Whether `e` is a `bitwise_or` in CPython's grammar (not a comparison, `not`, boolean
/// operation, conditional, lambda, named or starred expression, or unparenthesized yield).
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::Compare(_)
            | Expr::BoolOp(_)
            | Expr::If(_)
            | Expr::Lambda(_)
            | Expr::Named(_)
            | Expr::Starred(_)
            | Expr::Yield(_)
            | Expr::YieldFrom(_)
            | Expr::Generator(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
        && !matches!(e, Expr::Tuple(t) if !t.parenthesized)
}

/// The `bitwise_or` a parse of `e` starts with, if any (the left operand of a comparison,
/// the first element of a tuple, ...), and whether more of `e` follows it.
fn leading_bitwise_or(e: &Expr) -> Option<(&Expr, bool)> {
    match e {
        Expr::Tuple(t) if !t.parenthesized => t.elts.first().and_then(leading_bitwise_or).map(|(x, _)| (x, true)),
        Expr::Compare(c) => leading_bitwise_or(&c.left).map(|(x, _)| (x, true)),
        Expr::BoolOp(b) => b.values.first().and_then(leading_bitwise_or).map(|(x, _)| (x, true)),
        Expr::If(i) => leading_bitwise_or(&i.body).map(|(x, _)| (x, true)),
        _ if is_bitwise_or(e) => Some((e, false)),
        _ => None,
    }
}

impl TargetFinder<'_> {
    /// Whether the expression starting at `start` is wrapped in parentheses.
    fn parenthesized_at(&self, start: TextSize) -> bool {
        self.src[..start.to_usize()].trim_end().ends_with('(')
    }

    /// CPython's `invalid_assignment` rule, in its order of alternatives.
    fn check_assign(&mut self, a: &ast::StmtAssign) {
        let Some(t0) = a.targets.first() else { return };
        if a.targets.iter().any(has_missing) {
            return;
        }
        let next = a.targets.get(1).map(|t| &*t).unwrap_or(&*a.value);
        // `invalid_named_expression` on the element of the first target right before `=`.
        let last = match t0 {
            Expr::Tuple(t) if !t.parenthesized => t.elts.last(),
            _ => Some(t0),
        };
        let after_eq = leading_bitwise_or(next).filter(|(_, more)| *more || a.targets.len() == 1);
        if let (Some(e), Some((b, _))) = (last, after_eq) {
            let bare_name = matches!(e, Expr::Name(_)) && !self.parenthesized_at(e.start());
            if bare_name {
                self.found = Some((
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(),
                    TextRange::new(e.start(), b.end()),
                ));
                return;
            }
            let excluded = matches!(
                e,
                Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)
            );
            if !excluded && (is_bitwise_or(e) || self.parenthesized_at(e.start())) && !matches!(e, Expr::Starred(_)) {
                self.found = Some((
                    format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)),
                    e.range(),
                ));
                return;
            }
        }
        for t in &a.targets {
            if matches!(t, Expr::Yield(_) | Expr::YieldFrom(_)) && !self.parenthesized_at(t.start()) {
                self.found = Some(("assignment to yield expression not possible".into(), t.range()));
                return;
            }
            if let Some(bad) = invalid_target(t, Targets::Star) {
                self.found = Some((format!("cannot assign to {}", expr_name(bad)), bad.range()));
                return;
            }
        }
    }
}

impl<'a> Visitor<'a> for TargetFinder<'_> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() || !stmt.range().contains(self.at.start()) {
            return;
        }
        match stmt {
            Stmt::Assign(a) => self.check_assign(a),
            // `invalid_assignment`: `a=star_expressions augassign annotated_rhs` needs both
            // sides to be expressions.
            Stmt::AugAssign(a) if has_missing(&a.target) || has_missing(&a.value) => {}
            Stmt::AnnAssign(a) if has_missing(&a.target) || has_missing(&a.annotation) => {}
            Stmt::AugAssign(a) if !matches!(&*a.target, Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_)) => {
                self.found = Some((
                    format!("'{}' is an illegal expression for augmented assignment", expr_name(&a.target)),
                    a.target.range(),
                ));
            }
            Stmt::AnnAssign(a) => match &*a.target {
                Expr::Tuple(_) => {
                    self.found = Some(("only single target (not tuple) can be annotated".into(), a.target.range()))
                }
                Expr::List(_) => {
                    self.found = Some(("only single target (not list) can be annotated".into(), a.target.range()))
                }
                Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) => {}
                // `invalid_assignment`: `a=expression ':' expression`.
                Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Starred(_) => {}
                _ if a.annotation.range().is_empty() => {}
                _ => self.found = Some(("illegal target for annotation".into(), a.target.range())),
            },
            Stmt::Delete(d) => {
                for t in &d.targets {
                    if let Some(bad) = invalid_target(t, Targets::Del) {
                        if self.found.is_none() {
                            self.found = Some((format!("cannot delete {}", expr_name(bad)), bad.range()));
                        }
                    }
                }
            }
            Stmt::For(f) => {
                if let Some(bad) = invalid_target(&f.target, Targets::For) {
                    self.found = Some((format!("cannot assign to {}", expr_name(bad)), bad.range()));
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    if let Some(v) = &item.optional_vars {
                        if let Some(bad) = invalid_target(v, Targets::Star) {
                            if self.found.is_none() {
                                self.found = Some((format!("cannot assign to {}", expr_name(bad)), bad.range()));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        if self.found.is_none() {
            visitor::walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            Expr::Named(n) if !matches!(&*n.target, Expr::Name(_)) && n.target.range().contains(self.at.start()) => {
                self.found = Some((
                    format!("cannot use assignment expressions with {}", expr_name(&n.target)),
                    n.target.range(),
                ));
                return;
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                let gens = match expr {
                    Expr::ListComp(c) => &c.generators,
                    Expr::SetComp(c) => &c.generators,
                    Expr::DictComp(c) => &c.generators,
                    Expr::Generator(c) => &c.generators,
                    _ => return,
                };
                for g in gens {
                    if let Some(bad) = invalid_target(&g.target, Targets::For) {
                        self.found = Some((format!("cannot assign to {}", expr_name(bad)), bad.range()));
                        return;
                    }
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }
}

fn find_target_error(src: &str, parsed: &Parsed<Mod>, at: TextRange) -> Option<(String, TextRange)> {
    let mut f = TargetFinder { src, at, found: None };
    match parsed.syntax() {
        Mod::Module(m) => {
            for s in &m.body {
                if f.found.is_none() {
                    f.visit_stmt(s);
                }
            }
        }
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found
}

fn token_index_at(tokens: &[Token], offset: TextSize) -> usize {
    tokens.partition_point(|t| t.start() < offset)
}

fn keyword_text(k: TokenKind) -> Option<&'static str> {
    Some(match k {
        TokenKind::If => "'if' statement",
        TokenKind::Elif => "'elif' statement",
        TokenKind::Else => "'else' statement",
        TokenKind::For => "'for' statement",
        TokenKind::While => "'while' statement",
        TokenKind::With => "'with' statement",
        TokenKind::Try => "'try' statement",
        TokenKind::Except => "'except' statement",
        TokenKind::Finally => "'finally' statement",
        TokenKind::Def => "function definition",
        TokenKind::Class => "class definition",
        TokenKind::Match => "'match' statement",
        TokenKind::Case => "'case' statement",
        _ => return None,
    })
}

/// The header keyword of the compound statement whose `:` precedes token `idx`.
fn block_header(tokens: &[Token], colon_idx: usize) -> Option<(TokenKind, TextRange)> {
    let mut depth = 0i32;
    let mut i = colon_idx;
    while i > 0 {
        i -= 1;
        let k = tokens[i].kind();
        if close_of(k).is_some() {
            depth += 1;
        } else if open_of(k).is_some() {
            depth -= 1;
        }
        if depth == 0 && matches!(k, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) {
            break;
        }
    }
    let mut j = i;
    while j < colon_idx {
        let k = tokens[j].kind();
        if matches!(
            k,
            TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::NonLogicalNewline | TokenKind::Comment
        ) || k == TokenKind::At
        {
            j += 1;
            continue;
        }
        if k == TokenKind::Async {
            j += 1;
            continue;
        }
        if keyword_text(k).is_some() {
            return Some((k, tokens[j].range()));
        }
        return None;
    }
    None
}

fn is_name_like(k: TokenKind) -> bool {
    k == TokenKind::Name || k.is_soft_keyword()
}

fn starts_expression(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::True
            | TokenKind::False
            | TokenKind::None
            | TokenKind::Ellipsis
            | TokenKind::Not
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Lambda
            | TokenKind::Await
    ) || k.is_soft_keyword()
}

/// Maps a ruff parser (not lexer) error to CPython's wording and location.
fn parser_error(b: &ErrorBuilder, parsed: &Parsed<Mod>, err: &ParseError) -> CompileError {
    let tokens: &[Token] = parsed.tokens();
    let loc = err.location;
    let idx = token_index_at(tokens, loc.start());
    let tok = tokens.get(idx);
    let prev = if idx > 0 { tokens.get(idx - 1) } else { None };
    let level_at = |i: usize| -> i32 {
        let mut d = 0;
        for t in &tokens[..i.min(tokens.len())] {
            if open_of(t.kind()).is_some() {
                d += 1;
            } else if close_of(t.kind()).is_some() {
                d -= 1;
            }
        }
        d
    };
    let rules_apply = !matches!(
        &err.error,
        ParseErrorType::UnexpectedIndentation
            | ParseErrorType::FStringError(_)
            | ParseErrorType::TStringError(_)
            | ParseErrorType::Lexical(_)
            | ParseErrorType::InvalidAssignmentTarget
            | ParseErrorType::InvalidDeleteTarget
            | ParseErrorType::InvalidAugmentedAssignmentTarget
            | ParseErrorType::InvalidAnnotatedAssignmentTarget
            | ParseErrorType::InvalidNamedAssignmentTarget
    ) && !matches!(&err.error, ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block"));
    if in_fstring(tokens, idx) {
        if let Some(e) = super::error_rules::fstring_field(b, tokens, loc.start()) {
            return e;
        }
    }
    if rules_apply {
        if let Some(e) = super::error_rules::check(b, tokens, loc.start()) {
            return e;
        }
    }
    match &err.error {
        ParseErrorType::UnexpectedIndentation => {
            let (line, _) = b.lines.line_col(loc.start().to_u32());
            let text = line_text(b.src, &b.lines, line).unwrap_or_default();
            let indent = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
            let mut e = b.at(SyntaxErrorKind::IndentationError, "unexpected indent", loc);
            e.lineno = line;
            e.offset = indent as u32;
            e.end_lineno = line;
            e.end_offset = -1;
            return e;
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected an indented block") => {
            let colon_idx = tokens[..idx.min(tokens.len())].iter().rposition(|t| t.kind() == TokenKind::Colon);
            let header = colon_idx.and_then(|c| block_header(tokens, c));
            let what = header.and_then(|(k, _)| keyword_text(k)).unwrap_or("'if' statement");
            let hline = header.map(|(_, r)| b.lines.line_col(r.start().to_u32()).0).unwrap_or(1);
            let msg = format!("expected an indented block after {what} on line {hline}");
            let after_colon = colon_idx.map(|c| c + 1).unwrap_or(idx).min(tokens.len());
            let at_end = tokens[after_colon..].iter().all(|t| {
                matches!(
                    t.kind(),
                    TokenKind::Newline
                        | TokenKind::NonLogicalNewline
                        | TokenKind::Comment
                        | TokenKind::Dedent
                        | TokenKind::EndOfFile
                )
            });
            if at_end {
                // The parser stopped at ENDMARKER: reported at the end of the last line
                // holding anything (a comment counts).
                let last = last_content_line(b.src);
                let mut e = b.at(SyntaxErrorKind::IndentationError, msg, TextRange::empty(loc.start()));
                let text = line_text(b.src, &b.lines, last).unwrap_or_default();
                e.lineno = last;
                e.end_lineno = last;
                e.offset = text.trim_end_matches(['\n', '\r']).chars().count() as u32 + 1;
                e.end_offset = -1;
                e.text = pegen_text(b, Some(text));
                return e;
            }
            let (line, _) = b.lines.line_col(loc.start().to_u32());
            let text = line_text(b.src, &b.lines, line).unwrap_or_default();
            let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
            let start = b.lines.line_start(line).unwrap_or(0) + indent as u32;
            // The caret covers the first token of the unindented line.
            let end = tokens
                .iter()
                .find(|t| t.start().to_u32() >= start && !t.range().is_empty())
                .map(|t| t.end().to_u32())
                .unwrap_or(start);
            return b.at(SyntaxErrorKind::IndentationError, msg, TextRange::new(TextSize::from(start), TextSize::from(end)));
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget => {
            if let Some((msg, r)) = find_target_error(b.src, parsed, loc) {
                return b.syntax(msg, r);
            }
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Only single target (not ") => {
            // `invalid_ann_assign_target` (a list or parenthesized tuple) or the first
            // element of an unparenthesized tuple.
            let msg = msg.replacen("Only", "only", 1);
            let bracketed = b.src[loc.start().to_usize()..].starts_with(['(', '[']);
            let r = if bracketed {
                loc
            } else {
                let end = tokens[idx..]
                    .iter()
                    .position(|t| t.kind() == TokenKind::Comma)
                    .and_then(|c| tokens.get(idx + c - 1))
                    .map(|t| t.end())
                    .unwrap_or(loc.end());
                TextRange::new(loc.start(), end.max(loc.start()))
            };
            return b.syntax(msg, r);
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Bytes literal cannot be mixed") => {
            // `RAISE_SYNTAX_ERROR`: at the token after the strings.
            return match tokens.iter().find(|t| t.start() >= loc.end()) {
                Some(t) => b.at_token("cannot mix bytes and nonbytes literals", t),
                None => b.syntax("cannot mix bytes and nonbytes literals", loc),
            };
        }
        ParseErrorType::InvalidStarredExpressionUsage if b.src[..loc.start().to_usize()].trim_end().ends_with('(') => {
            return b.syntax("cannot use starred expression here", loc);
        }
        ParseErrorType::EmptyTypeParams => {
            return b.syntax("Type parameter list cannot be empty", TextRange::empty(loc.start()));
        }
        ParseErrorType::Lexical(LexicalErrorType::Eof) => {
            let line_end = b.src.trim_end_matches(['\n', '\r']).len() as u32;
            return b.syntax("unexpected EOF while parsing", TextRange::empty(TextSize::from(line_end)));
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            return b.syntax("Generator expression must be parenthesized", loc);
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            if let Some(t) = tokens.iter().find(|t| t.start() >= loc.end()) {
                return b.at_token("positional argument follows keyword argument", t);
            }
            return b.syntax("positional argument follows keyword argument", TextRange::empty(loc.end()));
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            if let Some(t) = tokens.iter().find(|t| t.start() >= loc.end()) {
                return b.at_token("positional argument follows keyword argument unpacking", t);
            }
            return b.syntax("positional argument follows keyword argument unpacking", TextRange::empty(loc.end()));
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            let comma = tokens[..idx.min(tokens.len())].iter().rposition(|t| t.kind() == TokenKind::Comma);
            // `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, last starred argument)` from the comma `a`.
            let r = comma.map(|c| TextRange::new(tokens[c].start(), loc.end().max(tokens[c].end()))).unwrap_or(loc);
            return b.syntax("iterable argument unpacking follows keyword argument unpacking", r);
        }
        ParseErrorType::ExpectedExpression if in_fstring(tokens, idx) => {
            let msg = if tok.map(|t| t.kind() == TokenKind::Rbrace).unwrap_or(false) {
                "f-string: valid expression required before '}'"
            } else {
                "f-string: expecting '}'"
            };
            return b.syntax(msg, loc);
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => {
            let if_idx = tokens[..idx.min(tokens.len())].iter().rposition(|t| t.kind() == TokenKind::If);
            let start = if_idx.map(|i| expression_start(tokens, i.saturating_sub(1))).unwrap_or(idx);
            // `invalid_expression`: `a=disjunction 'if' b=disjunction !('else'|':')`.
            let end = tokens[..idx.min(tokens.len())]
                .iter()
                .rev()
                .find(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment) && !t.range().is_empty())
                .map(|t| t.end());
            let r = match (tokens.get(start), end) {
                (Some(s), Some(e)) if e > s.start() => TextRange::new(s.start(), e),
                (Some(s), _) => s.range(),
                _ => loc,
            };
            return b.syntax("expected 'else' after 'if' expression", r);
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => {
            let at_end = b.src[loc.start().to_usize().min(b.src.len())..].trim().is_empty();
            let r = if at_end {
                let trimmed = b.src.trim_end();
                TextRange::empty(TextSize::from(trimmed.len() as u32))
            } else {
                loc
            };
            let mut e = b.syntax("expected 'except' or 'finally' block", r);
            if at_end {
                e.end_offset = -1;
            }
            return e;
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            return b.syntax("parameter without a default follows parameter with a default", loc);
        }
        ParseErrorType::ExpectedKeywordParam => {
            let r = tok.map(|t| t.range()).unwrap_or(loc);
            let star = tokens[..idx.min(tokens.len())].iter().rposition(|t| t.kind() == TokenKind::Star);
            let r = star.map(|s| tokens[s].range()).unwrap_or(r);
            return b.syntax("named arguments must follow bare *", r);
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            return b.syntax("arguments cannot follow var-keyword argument", loc);
        }
        ParseErrorType::VarParameterWithDefault => {
            return b.syntax("var-positional argument cannot have default value", loc);
        }
        ParseErrorType::EmptyImportNames
            if tok.is_none_or(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile)) =>
        {
            // `invalid_import`: `'import' NEWLINE`.
            return b.syntax("Expected one or more names after 'import'", TextRange::empty(loc.start()));
        }
        ParseErrorType::FStringError(fe) | ParseErrorType::TStringError(fe) => {
            if matches!(fe, ruff_python_parser::InterpolatedStringErrorType::InvalidConversionFlag) {
                let c = b.src[loc.start().to_usize().min(b.src.len())..].chars().next().unwrap_or('?');
                return b.syntax(format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"), loc);
            }
            return b.syntax(fstring_message(fe), loc);
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, .. } => {
            let r = match prev {
                Some(p) if tok.map(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile)).unwrap_or(true) => {
                    TextRange::empty(p.end())
                }
                _ => loc,
            };
            let header = tokens[..idx.min(tokens.len())]
                .iter()
                .rposition(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent))
                .map(|i| i + 1)
                .unwrap_or(0);
            let first = tokens.get(header).map(|t| t.kind());
            if matches!(first, Some(TokenKind::If | TokenKind::Elif | TokenKind::While)) {
                if let Some(eq) = tokens[header..(idx + 1).min(tokens.len())].iter().position(|t| t.kind() == TokenKind::Equal) {
                    let eq = header + eq;
                    if eq > header + 1 && is_name_like(tokens[eq - 1].kind()) {
                        // `invalid_named_expression`: `a=NAME '=' b=bitwise_or`, range a..b.
                        let start = tokens[eq - 1].start();
                        let mut depth = 0i32;
                        let mut end = tokens[eq].end();
                        for t in &tokens[eq + 1..] {
                            let k = t.kind();
                            if depth == 0 && (ends_bitwise_or(k) || close_of(k).is_some()) {
                                break;
                            }
                            if open_of(k).is_some() {
                                depth += 1;
                            } else if close_of(k).is_some() {
                                depth -= 1;
                            }
                            if !matches!(k, TokenKind::Comment | TokenKind::NonLogicalNewline) {
                                end = t.end();
                            }
                        }
                        return b.syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", TextRange::new(start, end));
                    }
                }
            }
            let mut depth = 0i32;
            let mut innermost = None;
            for t in tokens[..idx.min(tokens.len())].iter().rev() {
                if close_of(t.kind()).is_some() {
                    depth += 1;
                } else if let Some(o) = open_of(t.kind()) {
                    if depth == 0 {
                        innermost = Some(o);
                        break;
                    }
                    depth -= 1;
                }
            }
            if innermost == Some('{') {
                if let Some(p) = prev {
                    let start = expression_start(tokens, idx - 1);
                    return b.syntax("':' expected after dictionary key", TextRange::new(tokens[start].start(), p.end()));
                }
            }
            // `invalid_if_stmt`, `invalid_while_stmt`, `invalid_class_def_raw`, ... only
            // match a header ended by NEWLINE; `for`, `def`, `try`, ... use the forced `&&':'`.
            let at_newline = tok.map(|t| matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile)).unwrap_or(true);
            // The headers with a forced `&&':'` report it wherever the colon is missing.
            let mut head = header;
            while matches!(tokens.get(head).map(|t| t.kind()), Some(TokenKind::Async)) {
                head += 1;
            }
            let forced = matches!(
                tokens.get(head).map(|t| t.kind()),
                Some(TokenKind::Def | TokenKind::Try | TokenKind::Finally | TokenKind::Else | TokenKind::For)
            );
            let header_kw = matches!(
                tokens.get(head).map(|t| t.kind()),
                Some(
                    TokenKind::If
                        | TokenKind::Elif
                        | TokenKind::While
                        | TokenKind::Class
                        | TokenKind::With
                        | TokenKind::Except
                        | TokenKind::Match
                        | TokenKind::Case
                )
            );
            if at_newline && (forced || header_kw) {
                if let Some(t) = tok {
                    return b.at_newline("expected ':'", t.start());
                }
            }
            if forced && innermost.is_none() {
                return b.syntax("expected ':'", r);
            }
        }
        _ => {}
    }
    let Some(tok) = tok else { return b.syntax("invalid syntax", loc) };
    let k = tok.kind();
    if k == TokenKind::ColonEqual && idx > 0 {
        let start = expression_start(tokens, idx - 1);
        let inner: Vec<TokenKind> = tokens[start..idx].iter().map(|t| t.kind()).collect();
        let named = match inner.as_slice() {
            [TokenKind::Lpar, n, TokenKind::Rpar] if is_name_like(*n) => Some(("name", tokens[start + 1].range())),
            s if s.contains(&TokenKind::Dot) && s.last().map(|l| is_name_like(*l)).unwrap_or(false) => {
                Some(("attribute", tokens[start].range()))
            }
            s if s.last() == Some(&TokenKind::Rsqb) => Some(("subscript", tokens[start].range())),
            _ => None,
        };
        if let Some((what, r)) = named {
            return b.syntax(format!("cannot use assignment expressions with {what}"), r);
        }
    }
    if matches!(k, TokenKind::Newline | TokenKind::EndOfFile) {
        let before = b.src[..tok.start().to_usize().min(b.src.len())].trim_end_matches([' ', '\t']);
        if before.ends_with('\\') && b.src[tok.start().to_usize().min(b.src.len())..].trim().is_empty() {
            let line_end = b.src.trim_end_matches(['\n', '\r']).len() as u32;
            return b.syntax("unexpected EOF while parsing", TextRange::empty(TextSize::from(line_end)));
        }
    }
    if let Some(prev) = prev {
        if prev.kind() == TokenKind::Name && starts_expression(k) && idx >= 1 {
            let prev_text = &b.src[prev.range()];
            let stmt_start = idx == 1
                || matches!(tokens[idx - 2].kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi);
            if stmt_start && (prev_text == "print" || prev_text == "exec") {
                // `invalid_legacy_expression`: `a=NAME !'(' b=star_expressions`.
                let end = tokens[idx..]
                    .iter()
                    .take_while(|t| !matches!(t.kind(), TokenKind::Newline | TokenKind::Semi | TokenKind::EndOfFile))
                    .filter(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
                    .last()
                    .map(|t| t.end())
                    .unwrap_or(prev.end());
                return b.syntax(
                    format!("Missing parentheses in call to '{prev_text}'. Did you mean {prev_text}(...)?"),
                    TextRange::new(prev.start(), end),
                );
            }
        }
        let prev_ends_expr = matches!(
            prev.kind(),
            TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringEnd
                | TokenKind::Rpar
                | TokenKind::Rsqb
                | TokenKind::Rbrace
                | TokenKind::True
                | TokenKind::False
                | TokenKind::None
        );
        // `invalid_expression` applies to expressions, not to a `def`'s parameters.
        let in_params = {
            let mut depth = 0i32;
            let mut open = None;
            for (i, t) in tokens[..idx].iter().enumerate().rev() {
                if close_of(t.kind()).is_some() {
                    depth += 1;
                } else if open_of(t.kind()).is_some() {
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                    depth -= 1;
                }
            }
            open.is_some_and(|o| o >= 2 && tokens[o].kind() == TokenKind::Lpar && tokens[o - 2].kind() == TokenKind::Def)
        };
        if prev_ends_expr && starts_expression(k) && level_at(idx) > 0 && !in_params {
            let start = expression_start(tokens, idx - 1);
            return b.syntax("invalid syntax. Perhaps you forgot a comma?", TextRange::new(tokens[start].start(), tok.end()));
        }
    }
    if matches!(k, TokenKind::Newline | TokenKind::EndOfFile) {
        if let Some(prev) = prev {
            if prev.kind() == TokenKind::Name || prev.kind().is_keyword() {
                return b.at_newline("invalid syntax", tok.start());
            }
        }
    }
    b.at_token("invalid syntax", tok)
}

/// Whether token kind `k` cannot continue a `bitwise_or` expression.
fn ends_bitwise_or(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Colon
            | TokenKind::Newline
            | TokenKind::EndOfFile
            | TokenKind::Semi
            | TokenKind::EqEqual
            | TokenKind::NotEqual
            | TokenKind::Less
            | TokenKind::Greater
            | TokenKind::LessEqual
            | TokenKind::GreaterEqual
            | TokenKind::In
            | TokenKind::Is
            | TokenKind::Not
            | TokenKind::And
            | TokenKind::Or
            | TokenKind::If
            | TokenKind::Else
            | TokenKind::Comma
            | TokenKind::Equal
            | TokenKind::ColonEqual
            | TokenKind::For
            | TokenKind::Async
    )
}

/// Whether token `idx` is inside an f-string replacement field.
fn in_fstring(tokens: &[Token], idx: usize) -> bool {
    let mut depth = 0i32;
    for t in &tokens[..idx.min(tokens.len())] {
        match t.kind() {
            TokenKind::FStringStart => depth += 1,
            TokenKind::FStringEnd => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Start token of the primary expression ending at token `end` (for the comma hint).
fn expression_start(tokens: &[Token], end: usize) -> usize {
    let mut i = end;
    let mut depth = 0;
    loop {
        let k = tokens[i].kind();
        if close_of(k).is_some() {
            depth += 1;
        } else if open_of(k).is_some() {
            if depth == 0 {
                return i + 1;
            }
            depth -= 1;
        }
        if depth == 0 {
            let before = if i > 0 { Some(tokens[i - 1].kind()) } else { None };
            match before {
                Some(TokenKind::Dot) => {
                    i -= 1;
                    continue;
                }
                Some(b) if (is_name_like(b) || close_of(b).is_some()) && matches!(k, TokenKind::Lpar | TokenKind::Lsqb) => {}
                _ => {
                    if k != TokenKind::Dot {
                        return i;
                    }
                }
            }
        }
        if i == 0 {
            return 0;
        }
        i -= 1;
    }
}

/// The CPython `SyntaxError` for a source ruff could not parse cleanly, if any.
///
/// Mirrors `_PyPegen_run_parser` / `_PyPegen_set_syntax_error`: an error the tokenizer raises
/// anywhere wins (unless it is raised inside an f-string after the parser already failed);
/// an error the tokenizer only records (`tok->done`) wins when the parser got that far; an
/// unclosed bracket is reported when the parser failed at the end of input or on a later
/// line than the bracket.
pub(crate) fn syntax_error(src: &str, filename: &str, parsed: &Parsed<Mod>) -> Option<CompileError> {
    let errors = parsed.errors();
    let unsupported = parsed.unsupported_syntax_errors();
    let exec_input = !matches!(parsed.syntax(), Mod::Expression(_));
    let b = ErrorBuilder { src, filename, lines: LineIndex::new(src), exec_input };
    let mut bad_chars: Vec<usize> = errors
        .iter()
        .filter_map(|e| match &e.error {
            ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { .. }) => Some(e.location.start().to_usize()),
            _ => None,
        })
        .collect();
    bad_chars.sort_unstable();
    let tok = tokenizer::check(src, &bad_chars);
    let tokens: &[Token] = parsed.tokens();
    let mut sorted: Vec<&ParseError> = errors.iter().filter(|e| is_parser_level(&e.error)).collect();
    sorted.sort_by_key(|e| e.location.start());
    // Errors ruff's lexer found where CPython's tokenizer found none: the parser fails there.
    // A target ruff rejects for a missing operand (`await = 1`) is no target error in
    // CPython: its parser fails at the next error.
    let target_error = |e: &&ParseError| {
        matches!(
            e.error,
            ParseErrorType::InvalidAssignmentTarget
                | ParseErrorType::InvalidDeleteTarget
                | ParseErrorType::InvalidAugmentedAssignmentTarget
                | ParseErrorType::InvalidAnnotatedAssignmentTarget
                | ParseErrorType::InvalidNamedAssignmentTarget
        ) && find_target_error(src, parsed, e.location).is_none()
    };
    if sorted.len() > 1 && target_error(&sorted[0]) {
        sorted.remove(0);
    }
    let first = sorted.first().copied().or_else(|| errors.iter().min_by_key(|e| e.location.start()));
    let parser_pos = first.map(|e| e.location.start().to_usize()).or_else(|| unsupported.first().map(|u| u.range.start().to_usize()));
    if let Some(te) = tok.error {
        let indent_first = first.is_some_and(|e| matches!(e.error, ParseErrorType::UnexpectedIndentation));
        let wins = match parser_pos {
            None => true,
            // `_PyPegen_set_syntax_error` reports an INDENT/DEDENT failure without
            // tokenizing the rest of the source.
            Some(p) if indent_first && te.start > p => false,
            Some(p) => {
                // The parser has read the token it failed at; a `tok->done` error, or one
                // raised inside an f-string, only counts if tokenizing reached it by then.
                let at = tokens.iter().rev().find(|t| t.start().to_usize() <= p);
                let end = at.map(|t| t.end().to_usize().max(p)).unwrap_or(p);
                // After an f-string's start the parser always reads its next token.
                let fstring_start = at.is_some_and(|t| t.kind() == TokenKind::FStringStart);
                let reached = te.start <= p || te.start < end || (fstring_start && te.start == end);
                !(te.in_fstring || !te.raised) || reached
            }
        };
        if wins {
            return Some(tok_error(&b, te));
        }
    }
    if let Some(err) = first {
        if let Some(u) = tok.unclosed {
            let idx = token_index_at(tokens, err.location.start());
            let at_eof = tokens[idx.min(tokens.len())..].iter().all(|t| {
                t.range().is_empty()
                    || matches!(
                    t.kind(),
                    TokenKind::Newline
                        | TokenKind::NonLogicalNewline
                        | TokenKind::EndOfFile
                        | TokenKind::Dedent
                        | TokenKind::Comment
                )
            });
            let (err_line, _) = b.lines.line_col(err.location.start().to_u32());
            // A parser error inside a bracket left open until the end of input, close
            // enough to it for the parser's lookahead to read the end of input (whose
            // line is then the error's line in `_PyPegen_tokenize_full_source_to_check_for_errors`).
            let left = tokens[idx.min(tokens.len())..]
                .iter()
                .filter(|t| {
                    !t.range().is_empty()
                        && !matches!(
                            t.kind(),
                            TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Dedent
                        )
                })
                .count();
            let eof_line = last_content_line(b.src) + u32::from(b.src.ends_with('\n'));
            let near_eof = err.location.start().to_usize() >= u.pos && left <= 2 && eof_line > u.lineno;
            if at_eof || u.lineno < err_line || near_eof {
                return Some(tok_error(&b, u.error()));
            }
        }
        if let ParseErrorType::Lexical(le) = &err.error {
            return Some(parser_level_lexical_error(&b, tokens, le, err.location));
        }
        // The second pass's `invalid_*` rules parse the string right where the parser
        // failed, and decoding it raises its escape error first.
        let at = tokens.iter().find(|t| t.end() > err.location.start()).map(|t| t.range());
        let escape = sorted.iter().find(|e| {
            matches!(
                e.error,
                ParseErrorType::Lexical(
                    LexicalErrorType::UnicodeError
                        | LexicalErrorType::MissingUnicodeLbrace
                        | LexicalErrorType::MissingUnicodeRbrace
                )
            ) && at.is_some_and(|r| r.contains_inclusive(e.location.start()))
        });
        if let Some(ParseError { error: ParseErrorType::Lexical(le), location }) = escape.copied() {
            return Some(parser_level_lexical_error(&b, tokens, le, *location));
        }
        let mut e = parser_error(&b, parsed, err);
        if matches!(parsed.syntax(), Mod::Expression(_)) {
            eval_end_of_input(&b, &mut e);
        }
        return Some(e);
    }
    if let Some(u) = unsupported.first() {
        if let Some(e) = super::error_rules::check(&b, tokens, u.range.start()) {
            return Some(e);
        }
        let idx = token_index_at(tokens, u.range.start());
        let r = tokens.get(idx).map(|t| t.range()).unwrap_or(u.range);
        return Some(b.syntax("invalid syntax", r));
    }
    None
}

/// `eval` input gets no newline appended, so an error at the end of input is at the
/// ENDMARKER token: column 0 of the last line holding anything but blanks.
fn eval_end_of_input(b: &ErrorBuilder, e: &mut CompileError) {
    let (eline, ecol) = b.lines.line_col(b.src.len() as u32);
    if e.lineno != eline || e.offset != b.char_offset(eline, ecol) {
        return;
    }
    let last = b.src.rsplit('\n').next().unwrap_or("");
    let lineno = b.src.matches('\n').count() as u32 + u32::from(!last.trim().is_empty());
    e.lineno = lineno;
    e.end_lineno = lineno;
    e.offset = 0;
    e.end_offset = 0;
    e.text = Some(line_text(b.src, &b.lines, lineno).unwrap_or_default());
}

/// Whether a ruff error is one CPython's parser (not its tokenizer) reports.
fn is_parser_level(e: &ParseErrorType) -> bool {
    match e {
        ParseErrorType::Lexical(le) => match le {
            LexicalErrorType::UnrecognizedToken { tok } => tok.is_ascii(),
            LexicalErrorType::InvalidByteLiteral | LexicalErrorType::Eof => true,
            LexicalErrorType::UnicodeError
            | LexicalErrorType::MissingUnicodeLbrace
            | LexicalErrorType::MissingUnicodeRbrace => true,
            _ => false,
        },
        _ => true,
    }
}

/// A ruff lexer error that CPython reports from its parser (its tokenizer accepts the text).
fn parser_level_lexical_error(b: &ErrorBuilder, tokens: &[Token], e: &LexicalErrorType, range: TextRange) -> CompileError {
    let token_range = tokens
        .iter()
        .find(|t| t.range().contains(range.start()) || t.start() == range.start())
        .map(|t| t.range())
        .unwrap_or(range);
    if matches!(
        e,
        LexicalErrorType::UnicodeError | LexicalErrorType::MissingUnicodeLbrace | LexicalErrorType::MissingUnicodeRbrace
    ) {
        if let Some(err) = super::error_rules::string_escape_error(b, tokens, range.start()) {
            return err;
        }
    }
    match e {
        LexicalErrorType::InvalidByteLiteral => b.syntax("bytes can only contain ASCII literal characters", token_range),
        LexicalErrorType::Eof => {
            let line_end = b.src.trim_end_matches(['\n', '\r']).len() as u32;
            b.syntax("unexpected EOF while parsing", TextRange::empty(TextSize::from(line_end)))
        }
        _ => b.syntax("invalid syntax", range),
    }
}

/// Where the comment that runs up to `end` (a line end) starts, if the line has one.
fn comment_start(src: &str, end: usize) -> Option<usize> {
    let line_start = src[..end].rfind(['\n', '\r']).map(|p| p + 1).unwrap_or(0);
    let line = &src[line_start..end];
    let mut quote: Option<char> = None;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '#') => return Some(line_start + i),
            _ => {}
        }
    }
    None
}

/// The number of the last line holding anything but blanks (where the tokenizer ends).
fn last_content_line(src: &str) -> u32 {
    let trimmed = src.trim_end_matches([' ', '\t', '\x0c', '\n', '\r']);
    trimmed.matches('\n').count() as u32 + 1
}

/// The source line as the parser reports it: the tokenizer adds a newline to input that
/// lacks one.
fn pegen_text(b: &ErrorBuilder, line: Option<String>) -> Option<String> {
    line.map(|mut t| {
        if b.exec_input && !t.ends_with('\n') {
            t.push('\n');
        }
        t
    })
}

fn tok_error(b: &ErrorBuilder, e: tokenizer::TokError) -> CompileError {
    CompileError {
        kind: e.kind,
        msg: e.msg,
        filename: b.filename.to_string(),
        lineno: e.lineno,
        offset: e.offset,
        end_lineno: e.end_lineno,
        end_offset: e.end_offset,
        // The parser's `text` holds the newline only when the tokenizer is still on the
        // error's line (`_PyPegen_raise_error_known_location`).
        text: if e.raised_by_tokenizer || (e.at_eof && e.lineno < last_content_line(b.src)) {
            // `_syntaxerror_range` cuts the line at its newline.
            line_text(b.src, &b.lines, e.lineno).map(|t| t.trim_end_matches(['\n', '\r']).to_string())
        } else {
            pegen_text(b, line_text(b.src, &b.lines, e.lineno))
        },
    }
}

/// CPython 3.13.0 ends a single-quoted f-string's format spec at a newline and reads the
/// rest of the field as ordinary tokens; ruff rejects the newline.  Returns the source with each such `spec<newline><blanks>}` rewritten to
/// `spec}` followed by backslash-newlines (line continuations of the literal text, so
/// the value and the line numbers stay the same) for ruff to parse instead.
pub(crate) fn spec_newline_rewrite(src: &str, parsed: &Parsed<Mod>) -> Option<String> {
    let newline_in_spec = |e: &ParseError| {
        matches!(
            e.error,
            ParseErrorType::Lexical(LexicalErrorType::FStringError(
                ruff_python_parser::InterpolatedStringErrorType::NewlineInFormatSpec
            ))
        )
    };
    if !parsed.errors().iter().any(newline_in_spec) {
        return None;
    }
    let tok = tokenizer::check(src, &[]);
    if tok.spec_newlines.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(src.len() + 8);
    let mut last = 0;
    for &(nl, brace) in &tok.spec_newlines {
        out.push_str(&src[last..nl]);
        out.push('}');
        for _ in 0..src[nl..brace].matches('\n').count() {
            out.push_str("\\\n");
        }
        last = brace + 1;
    }
    out.push_str(&src[last..]);
    Some(out)
}

/// Whether CPython's parser would exceed its stack (`MAXSTACK`, 6000 rule calls): each
/// prefix operator of a chain (`- - - x`, `not not x`) costs one call and each `**` of a
/// right-associative power chain two, on top of about 31 for a statement.
pub(crate) fn parser_stack_overflows(parsed: &Parsed<Mod>) -> bool {
    const MAXSTACK: usize = 6000;
    const BASE: usize = 31;
    let mut run = 0usize;
    let mut pow = 0usize;
    let mut prev_operand = false;
    for t in parsed.tokens() {
        let k = t.kind();
        if matches!(k, TokenKind::Comment | TokenKind::NonLogicalNewline) {
            continue;
        }
        let unary = matches!(k, TokenKind::Not | TokenKind::Tilde) || (matches!(k, TokenKind::Minus | TokenKind::Plus) && !prev_operand);
        if unary {
            run += 1;
            if run + BASE >= MAXSTACK {
                return true;
            }
        } else {
            run = 0;
        }
        if k == TokenKind::DoubleStar {
            pow += 1;
            if 2 * pow + BASE >= MAXSTACK {
                return true;
            }
        } else if !(prev_operand || matches!(k, TokenKind::Name | TokenKind::Int | TokenKind::Float)) {
            pow = 0;
        }
        prev_operand = matches!(
            k,
            TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringEnd
                | TokenKind::Rpar
                | TokenKind::Rsqb
                | TokenKind::Rbrace
                | TokenKind::True
                | TokenKind::False
                | TokenKind::None
                | TokenKind::Ellipsis
        );
    }
    false
}

/// `bad_single_statement`: `single` mode accepts one statement line (simple statements
/// joined by `;`, or one compound statement).
pub(crate) fn single_statement_error(src: &str, filename: &str, parsed: &Parsed<Mod>) -> Option<CompileError> {
    let Mod::Module(m) = parsed.syntax() else { return None };
    let first = m.body.first()?;
    let newline = parsed.tokens().iter().find(|t| t.start() >= first.end() && t.kind() == TokenKind::Newline)?;
    if !m.body.iter().any(|s| s.start() >= newline.end()) {
        return None;
    }
    let b = ErrorBuilder { src, filename, lines: LineIndex::new(src), exec_input: true };
    Some(b.syntax("multiple statements found while compiling a single statement", newline.range()))
}

/// `from __future__` features in effect (CPython's `future.c`).
#[derive(Default)]
pub(crate) struct Future {
    pub annotations: bool,
}

pub(crate) fn check_future(src: &str, filename: &str, body: &[Stmt]) -> Result<Future, CompileError> {
    let mut f = Future::default();
    let mut allowed = true;
    let lines = LineIndex::new(src);
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::ImportFrom(imp) if imp.level == 0 && imp.module.as_ref().map(|m| m.id.as_str()) == Some("__future__") => {
                if !allowed {
                    return Err(super::make_error(
                        src,
                        filename,
                        &lines,
                        "from __future__ imports must occur at the beginning of the file".into(),
                        s.range(),
                        SyntaxErrorKind::SyntaxError,
                    ));
                }
                for a in &imp.names {
                    match a.name.id.as_str() {
                        "annotations" => f.annotations = true,
                        "nested_scopes" | "generators" | "division" | "absolute_import" | "with_statement"
                        | "print_function" | "unicode_literals" | "barry_as_FLUFL" | "generator_stop" => {}
                        "braces" => {
                            return Err(super::make_error(
                                src,
                                filename,
                                &lines,
                                "not a chance".into(),
                                s.range(),
                                SyntaxErrorKind::SyntaxError,
                            ))
                        }
                        other => {
                            return Err(super::make_error(
                                src,
                                filename,
                                &lines,
                                format!("future feature {other} is not defined"),
                                s.range(),
                                SyntaxErrorKind::SyntaxError,
                            ))
                        }
                    }
                }
            }
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => allowed = false,
        }
    }
    Ok(f)
}

/// Whether interactive input needs more lines (see `crate::is_incomplete_input`).
pub(crate) fn is_incomplete(source: &str) -> bool {
    let opts = ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module)
        .with_target_version(ruff_python_ast::PythonVersion::PY313);
    let parsed = ruff_python_parser::parse_unchecked(source, opts);
    let tokens: &[Token] = parsed.tokens();
    let deep = is_deep(&parsed);
    let result = incomplete_tokens(source, &parsed, tokens);
    if deep {
        std::mem::forget(parsed);
    }
    result
}

fn incomplete_tokens(source: &str, parsed: &Parsed<Mod>, tokens: &[Token]) -> bool {
    for e in parsed.errors() {
        if let ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) = &e.error {
            let rest = &source[e.location.start().to_usize().min(source.len())..];
            let q = rest.find(['\'', '"']).unwrap_or(0);
            let rest = &rest[q..];
            if rest.starts_with("'''") || rest.starts_with("\"\"\"") {
                return true;
            }
        }
        if let ParseErrorType::Lexical(LexicalErrorType::FStringError(
            ruff_python_parser::InterpolatedStringErrorType::UnterminatedTripleQuotedString,
        )) = &e.error
        {
            return true;
        }
    }
    let mut depth = 0i32;
    for t in tokens {
        if open_of(t.kind()).is_some() {
            depth += 1;
        } else if close_of(t.kind()).is_some() {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        }
    }
    if depth > 0 {
        return true;
    }
    let trimmed = source.trim_end_matches(['\n', '\r', ' ', '\t']);
    if trimmed.ends_with('\\') {
        return true;
    }
    if trimmed.is_empty() {
        return false;
    }
    let last_line = trimmed.rsplit('\n').next().unwrap_or("");
    if last_line.trim_start().starts_with('#') {
        return false;
    }
    if trimmed.ends_with(':') {
        return true;
    }
    let has_block = tokens.iter().any(|t| t.kind() == TokenKind::Indent);
    has_block && !source.ends_with("\n\n")
}
