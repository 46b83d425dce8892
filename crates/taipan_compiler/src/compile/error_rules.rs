//! The `invalid_*` rules of CPython 3.13's `Grammar/python.gram` that ruff words
//! differently, matched on the tokens of the logical line where ruff's parser failed.
//!
//! CPython's second parser pass tries these alternatives to word a `SyntaxError`; each
//! function here names the rule it reproduces.  A rule only decides the message and the
//! location; it never accepts input ruff rejected.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::errors::ErrorBuilder;
use crate::CompileError;

/// The significant tokens (no comments or non-logical newlines).
struct Toks<'a> {
    t: Vec<(TokenKind, TextRange)>,
    src: &'a str,
}

fn is_open(k: TokenKind) -> bool {
    matches!(k, TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace | TokenKind::FStringStart | TokenKind::TStringStart)
}

fn is_close(k: TokenKind) -> bool {
    matches!(k, TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace | TokenKind::FStringEnd | TokenKind::TStringEnd)
}

fn is_name(k: TokenKind) -> bool {
    k == TokenKind::Name || k.is_soft_keyword()
}

fn is_augassign(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::PlusEqual
            | TokenKind::MinusEqual
            | TokenKind::StarEqual
            | TokenKind::SlashEqual
            | TokenKind::PercentEqual
            | TokenKind::AmperEqual
            | TokenKind::VbarEqual
            | TokenKind::CircumflexEqual
            | TokenKind::LeftShiftEqual
            | TokenKind::RightShiftEqual
            | TokenKind::DoubleStarEqual
            | TokenKind::DoubleSlashEqual
            | TokenKind::AtEqual
    )
}

impl Toks<'_> {
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.t.get(i).map(|t| t.0)
    }
    fn range(&self, i: usize) -> TextRange {
        self.t.get(i).map(|t| t.1).unwrap_or_else(|| TextRange::empty(TextSize::from(self.src.len() as u32)))
    }
    fn text(&self, i: usize) -> &str {
        self.t.get(i).map(|t| &self.src[t.1]).unwrap_or("")
    }
    fn span(&self, a: usize, b: usize) -> TextRange {
        TextRange::new(self.range(a).start(), self.range(b).end())
    }

    /// The index of the bracket closing the one at `open` (or `hi` if unclosed).
    fn matching(&self, open: usize, hi: usize) -> usize {
        let mut depth = 0;
        let hi = hi.min(self.t.len());
        for i in open..hi {
            let k = self.t[i].0;
            if is_open(k) {
                depth += 1;
            } else if is_close(k) {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
        }
        hi
    }

    /// Splits `lo..hi` at the commas outside brackets (empty parts included).
    fn split(&self, lo: usize, hi: usize, sep: TokenKind) -> Vec<(usize, usize)> {
        let mut parts = Vec::new();
        let mut depth = 0;
        let mut start = lo;
        let hi = hi.min(self.t.len());
        for i in lo..hi {
            let k = self.t[i].0;
            if is_open(k) {
                depth += 1;
            } else if is_close(k) {
                depth -= 1;
            } else if k == sep && depth == 0 {
                parts.push((start, i));
                start = i + 1;
            }
        }
        parts.push((start, hi));
        parts
    }

    /// The first token of kind `k` outside brackets in `lo..hi`.
    fn find_top(&self, lo: usize, hi: usize, k: TokenKind) -> Option<usize> {
        let mut depth = 0;
        for i in lo..hi.min(self.t.len()) {
            let kk = self.t[i].0;
            if is_open(kk) {
                depth += 1;
            } else if is_close(kk) {
                depth -= 1;
            } else if kk == k && depth == 0 {
                return Some(i);
            }
        }
        None
    }

    /// The innermost bracket enclosing token `idx`, not before `lo`.
    fn enclosing(&self, lo: usize, idx: usize) -> Option<usize> {
        let mut depth = 0;
        let mut i = idx.min(self.t.len());
        while i > lo {
            i -= 1;
            let k = self.t[i].0;
            if is_close(k) {
                depth += 1;
            } else if is_open(k) {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
        }
        None
    }
}

/// CPython's wording for the parser error at `at`, when one of the rules here applies.
pub(super) fn check(b: &ErrorBuilder, tokens: &[Token], at: TextSize) -> Option<CompileError> {
    let toks = Toks {
        t: tokens
            .iter()
            .filter(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
            .map(|t| (t.kind(), t.range()))
            .collect(),
        src: b.src,
    };
    let t = &toks;
    if t.t.is_empty() {
        return None;
    }
    let idx = t.t.partition_point(|x| x.1.end() <= at).min(t.t.len().saturating_sub(1));
    let lo = t.t[..idx]
        .iter()
        .rposition(|x| matches!(x.0, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi))
        .map(|i| i + 1)
        .unwrap_or(0);
    let hi = t.t[idx..]
        .iter()
        .position(|x| matches!(x.0, TokenKind::Newline | TokenKind::Semi | TokenKind::EndOfFile))
        .map(|i| idx + i)
        .unwrap_or(t.t.len());
    let (msg, range) = def_paren(t, lo, hi)
        .or_else(|| forced_colon(t, lo, idx, hi))
        .or_else(|| augassign(t, lo, idx, hi))
        .or_else(|| parameters(t, lo, idx, hi))
        .or_else(|| call_arguments(t, lo, idx, hi))
        .or_else(|| case_patterns(t, lo, hi))
        .or_else(|| except_clause(t, lo, hi))
        .or_else(|| import_from(t, lo, hi))
        .or_else(|| return_annotation(t, lo, hi))
        .or_else(|| starred_in_dict(t, lo, idx, hi))?;
    if range.is_empty() {
        return Some(b.at_newline(msg, range.start()));
    }
    Some(b.syntax(msg, range))
}

type Found = Option<(String, TextRange)>;

/// The forced `&&':'` of `try`, `finally`, `else` and `def` headers.
fn forced_colon(t: &Toks, lo: usize, idx: usize, hi: usize) -> Found {
    let expected = |i: usize| -> Found {
        if i != idx && !(i == hi && idx >= hi.saturating_sub(1)) {
            return None;
        }
        match t.kind(i) {
            Some(TokenKind::Colon) => None,
            Some(TokenKind::Newline | TokenKind::EndOfFile) | None => {
                Some(("expected ':'".into(), TextRange::empty(t.range(i).start())))
            }
            Some(_) => Some(("expected ':'".into(), t.range(i))),
        }
    };
    match t.kind(lo) {
        Some(TokenKind::Try) => expected(lo + 1),
        Some(TokenKind::Finally) if clause_of(t, lo, &[TokenKind::Try], &[TokenKind::Except, TokenKind::Else]) => {
            expected(lo + 1)
        }
        Some(TokenKind::Else)
            if clause_of(
                t,
                lo,
                &[TokenKind::If, TokenKind::For, TokenKind::While, TokenKind::Try],
                &[TokenKind::Elif, TokenKind::Except],
            ) =>
        {
            expected(lo + 1)
        }
        Some(TokenKind::Def) | Some(TokenKind::Async) => {
            let def = if t.kind(lo) == Some(TokenKind::Async) { lo + 1 } else { lo };
            if t.kind(def) != Some(TokenKind::Def) {
                return None;
            }
            let open = (def..hi).find(|&i| t.kind(i) == Some(TokenKind::Lpar))?;
            let close = t.matching(open, hi);
            if close >= hi || t.kind(close + 1) == Some(TokenKind::Rarrow) {
                return None;
            }
            expected(close + 1)
        }
        _ => None,
    }
}

/// Whether the clause starting at token `lo` follows a compound statement `openers` at
/// the same column (past other clauses `between`), as `else` or `finally` must.
fn clause_of(t: &Toks, lo: usize, openers: &[TokenKind], between: &[TokenKind]) -> bool {
    let col = |i: usize| {
        let start = t.range(i).start().to_usize();
        start - t.src[..start].rfind('\n').map(|p| p + 1).unwrap_or(0)
    };
    let my_col = col(lo);
    let mut i = lo;
    while i > 0 {
        i -= 1;
        let k = t.t[i].0;
        let line_start = i == 0 || matches!(t.t[i - 1].0, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent);
        if matches!(k, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) || !line_start || col(i) != my_col {
            continue;
        }
        let k = if k == TokenKind::Async { t.kind(i + 1).unwrap_or(k) } else { k };
        if openers.contains(&k) {
            return true;
        }
        if !between.contains(&k) {
            return false;
        }
    }
    false
}

/// `function_def_raw`: `'def' NAME &&'('` (a type parameter list may come first).
fn def_paren(t: &Toks, lo: usize, hi: usize) -> Found {
    let def = if t.kind(lo) == Some(TokenKind::Async) { lo + 1 } else { lo };
    if t.kind(def) != Some(TokenKind::Def) || !t.kind(def + 1).is_some_and(is_name) || def + 2 > hi {
        return None;
    }
    match t.kind(def + 2) {
        Some(TokenKind::Lpar | TokenKind::Lsqb) => None,
        Some(TokenKind::Newline | TokenKind::EndOfFile) | None => {
            Some(("expected '('".into(), TextRange::empty(t.range(def + 2).start())))
        }
        Some(_) => Some(("expected '('".into(), t.range(def + 2))),
    }
}

/// `invalid_assignment`: `a=star_expressions augassign annotated_rhs` with a tuple target.
fn augassign(t: &Toks, lo: usize, idx: usize, hi: usize) -> Found {
    let op = (lo..hi).find(|&i| is_augassign(t.t[i].0))?;
    if op != idx {
        return None;
    }
    t.find_top(lo, op, TokenKind::Comma)?;
    Some(("'tuple' is an illegal expression for augmented assignment".into(), t.span(lo, op - 1)))
}

/// `invalid_arguments` and `invalid_kwarg` in the innermost call around the error.
fn call_arguments(t: &Toks, lo: usize, idx: usize, hi: usize) -> Found {
    let mut open = t.enclosing(lo, idx)?;
    while t.kind(open) != Some(TokenKind::Lpar) || open == lo {
        open = t.enclosing(lo, open)?;
    }
    let callee = t.kind(open - 1)?;
    let is_call = is_name(callee)
        || matches!(callee, TokenKind::Rpar | TokenKind::Rsqb | TokenKind::String | TokenKind::FStringEnd);
    if !is_call || (open >= 2 && t.kind(open - 2) == Some(TokenKind::Def)) {
        return None;
    }
    let close = t.matching(open, hi);
    for (a, e) in t.split(open + 1, close, TokenKind::Comma) {
        if a >= e {
            continue;
        }
        let first = t.t[a].0;
        let eq = t.find_top(a, e, TokenKind::Equal);
        if matches!(first, TokenKind::True | TokenKind::False | TokenKind::None) && eq == Some(a + 1) {
            return Some((format!("cannot assign to {}", t.text(a)), t.span(a, a + 1)));
        }
        if first == TokenKind::Lambda {
            continue;
        }
        if is_name(first) && eq == Some(a + 1) {
            if t.find_top(a + 2, e, TokenKind::For).is_some() {
                return Some(("invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(), t.span(a, a + 1)));
            }
            if e == a + 2 {
                return Some(("expected argument value expression".into(), t.span(a, a + 1)));
            }
            continue;
        }
        match (first, eq) {
            (TokenKind::DoubleStar, Some(_)) => {
                return Some(("cannot assign to keyword argument unpacking".into(), t.span(a, e - 1)))
            }
            (TokenKind::Star, Some(_)) => {
                return Some(("cannot assign to iterable argument unpacking".into(), t.span(a, e - 1)))
            }
            (TokenKind::Star, None) if e == a + 1 => {
                return Some(("Invalid star expression".into(), t.range(a + 1)));
            }
            (_, Some(q)) if q > a => {
                return Some(("expression cannot contain assignment, perhaps you meant \"==\"?".into(), t.span(a, q)));
            }
            _ => {}
        }
    }
    None
}

/// `invalid_parameters`, `invalid_star_etc`, `invalid_kwds`, `invalid_default` and their
/// `lambda` forms.
fn parameters(t: &Toks, lo: usize, idx: usize, hi: usize) -> Found {
    let (start, end, lambda) = match (lo..=idx.min(hi.saturating_sub(1))).rev().find(|&i| t.kind(i) == Some(TokenKind::Lambda)) {
        Some(l) => {
            let colon = t.find_top(l + 1, hi, TokenKind::Colon).unwrap_or(hi);
            if colon < idx {
                return None;
            }
            (l + 1, colon, true)
        }
        None => {
            let def = (lo..hi).find(|&i| t.kind(i) == Some(TokenKind::Def))?;
            let open = (def..hi).find(|&i| t.kind(i) == Some(TokenKind::Lpar))?;
            let close = t.matching(open, hi);
            if idx < open || idx > close {
                return None;
            }
            (open + 1, close, false)
        }
    };
    let items: Vec<(usize, usize)> = t.split(start, end, TokenKind::Comma);
    let kind = |i: usize| t.kind(i);
    // invalid_parameters
    if let Some(&(a, e)) = items.first() {
        if e == a + 1 && kind(a) == Some(TokenKind::Slash) && items.len() > 1 {
            return Some(("at least one argument must precede /".into(), t.range(a)));
        }
    }
    let mut seen_slash = false;
    let mut seen_star = false;
    for &(a, e) in &items {
        if a >= e {
            continue;
        }
        match kind(a) {
            Some(TokenKind::Slash) => {
                if seen_slash && !seen_star {
                    return Some(("/ may appear only once".into(), t.range(a)));
                }
                if seen_star {
                    return Some(("/ must be ahead of *".into(), t.range(a)));
                }
                if e > a + 1 && kind(a + 1) == Some(TokenKind::Star) {
                    return Some(("expected comma between / and *".into(), t.range(a + 1)));
                }
                seen_slash = true;
            }
            Some(TokenKind::Star) => seen_star = true,
            Some(TokenKind::Lpar) if !seen_star => {
                // `param_no_default* '(' param_no_default+ ','? ')'`
                let close = t.matching(a, e);
                let names_only = close < e
                    && close > a + 1
                    && (a + 1..close).all(|i| {
                        let k = t.t[i].0;
                        if (i - a) % 2 == 1 { is_name(k) } else { k == TokenKind::Comma }
                    });
                if names_only {
                    let what = if lambda { "Lambda expression parameters" } else { "Function parameters" };
                    return Some((format!("{what} cannot be parenthesized"), t.span(a, close)));
                }
            }
            _ => {}
        }
    }
    // Left to right: defaults, `*`, `**`.
    let mut star_seen = false;
    for (n, &(a, e)) in items.iter().enumerate() {
        if a >= e {
            continue;
        }
        let eq = t.find_top(a, e, TokenKind::Equal);
        match kind(a) {
            Some(TokenKind::Star) => {
                if star_seen {
                    return Some(("* argument may appear only once".into(), t.range(a)));
                }
                star_seen = true;
                if e == a + 1 {
                    let next = items.get(n + 1);
                    let last = next.is_none() || next.is_some_and(|&(na, ne)| na >= ne);
                    let kwds = next.is_some_and(|&(na, _)| kind(na) == Some(TokenKind::DoubleStar));
                    if last || kwds {
                        let r = if lambda {
                            let after = if kwds { next.map(|x| x.0).unwrap_or(end) } else { end };
                            t.range(after)
                        } else {
                            t.range(a)
                        };
                        return Some(("named arguments must follow bare *".into(), r));
                    }
                } else if let Some(q) = eq {
                    return Some(("var-positional argument cannot have default value".into(), t.range(q)));
                }
            }
            Some(TokenKind::DoubleStar) => {
                if let Some(q) = eq {
                    return Some(("var-keyword argument cannot have default value".into(), t.range(q)));
                }
            }
            _ => {
                if eq == Some(e - 1) {
                    return Some(("expected default value expression".into(), t.range(e - 1)));
                }
            }
        }
    }
    None
}

/// `invalid_as_pattern`, `invalid_class_pattern` and the complex-literal checks of a
/// `case` line.
fn case_patterns(t: &Toks, lo: usize, hi: usize) -> Found {
    if t.kind(lo) != Some(TokenKind::Case) {
        return None;
    }
    let end = t.find_top(lo + 1, hi, TokenKind::If).or_else(|| t.find_top(lo + 1, hi, TokenKind::Colon)).unwrap_or(hi);
    for i in lo + 1..end {
        let k = t.t[i].0;
        if k == TokenKind::As {
            let n = i + 1;
            if t.kind(n).is_some_and(is_name) {
                if t.text(n) == "_" {
                    return Some(("cannot use '_' as a target".into(), t.range(n)));
                }
                continue;
            }
            let mut stop = n;
            let mut depth = 0;
            while stop < end {
                let kk = t.t[stop].0;
                if is_open(kk) {
                    depth += 1;
                } else if is_close(kk) {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                } else if depth == 0 && matches!(kk, TokenKind::Comma | TokenKind::Colon) {
                    break;
                }
                stop += 1;
            }
            return Some(("invalid pattern target".into(), t.span(n, stop.saturating_sub(1).max(n))));
        }
        let number = |k: Option<TokenKind>| matches!(k, Some(TokenKind::Int | TokenKind::Float | TokenKind::Complex));
        if number(Some(k)) && matches!(t.kind(i + 1), Some(TokenKind::Plus | TokenKind::Minus)) && number(t.kind(i + 2)) {
            if k == TokenKind::Complex {
                return Some(("real number required in complex literal".into(), t.range(i)));
            }
            if t.kind(i + 2) != Some(TokenKind::Complex) {
                return Some(("imaginary number required in complex literal".into(), t.range(i + 2)));
            }
        }
        if k == TokenKind::Lpar && i > lo + 1 && t.kind(i - 1).is_some_and(is_name) {
            let close = t.matching(i, end);
            let args = t.split(i + 1, close, TokenKind::Comma);
            let is_kw = |&(a, _): &(usize, usize)| t.kind(a).is_some_and(is_name) && t.kind(a + 1) == Some(TokenKind::Equal);
            if let Some(first_kw) = args.iter().position(is_kw) {
                let late: Vec<&(usize, usize)> = args[first_kw..].iter().filter(|x| x.0 < x.1 && !is_kw(x)).collect();
                if let (Some(f), Some(l)) = (late.first(), late.last()) {
                    return Some(("positional patterns follow keyword patterns".into(), t.span(f.0, l.1 - 1)));
                }
            }
        }
    }
    None
}

/// `invalid_except_stmt` and `invalid_try_stmt`.
fn except_clause(t: &Toks, lo: usize, hi: usize) -> Found {
    if t.kind(lo) != Some(TokenKind::Except) {
        return None;
    }
    let star = t.kind(lo + 1) == Some(TokenKind::Star);
    let first = if star { lo + 2 } else { lo + 1 };
    // The earlier clauses of the same `try` (same column); an `except` outside a `try`
    // is no clause at all.
    let col = |i: usize| {
        let start = t.range(i).start().to_usize();
        start - t.src[..start].rfind('\n').map(|p| p + 1).unwrap_or(0)
    };
    let my_col = col(lo);
    let mut other_form = false;
    let mut in_try = false;
    let mut i = lo;
    while i > 0 {
        i -= 1;
        let line_start = i == 0 || matches!(t.t[i - 1].0, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent);
        let structural = matches!(t.t[i].0, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent);
        if structural || !line_start || col(i) != my_col {
            continue;
        }
        match t.t[i].0 {
            TokenKind::Except => other_form |= (t.kind(i + 1) == Some(TokenKind::Star)) != star,
            TokenKind::Try => {
                in_try = true;
                break;
            }
            _ => break,
        }
    }
    if !in_try {
        return None;
    }
    if star && matches!(t.kind(first), Some(TokenKind::Colon | TokenKind::Newline)) {
        return Some(("expected one or more exception types".into(), t.range(first)));
    }
    if other_form {
        let r = if star { t.span(lo, lo + 1) } else { t.range(lo) };
        return Some(("cannot have both 'except' and 'except*' on the same 'try'".into(), r));
    }
    let colon = t.find_top(first, hi, TokenKind::Colon).unwrap_or(hi);
    let body_end = t.find_top(first, colon, TokenKind::As).unwrap_or(colon);
    if colon < hi && t.find_top(first, body_end, TokenKind::Comma).is_some() {
        let parts = t.split(first, body_end, TokenKind::Comma);
        let (a, e) = parts[0];
        let last = parts.last().map(|p| p.1).unwrap_or(e);
        if a < e && last > 0 {
            return Some(("multiple exception types must be parenthesized".into(), t.span(a, last - 1)));
        }
    }
    None
}

/// `invalid_import_from_targets`: `import_from_as_names ',' NEWLINE`; after `import *`
/// the parser fails at the next token.
fn import_from(t: &Toks, lo: usize, hi: usize) -> Found {
    if t.kind(lo) != Some(TokenKind::From) {
        return None;
    }
    let import = (lo..hi).find(|&i| t.kind(i) == Some(TokenKind::Import))?;
    if t.kind(import + 1) == Some(TokenKind::Star) && import + 2 < hi {
        return Some(("invalid syntax".into(), t.range(import + 2)));
    }
    if hi == 0 || t.kind(hi - 1) != Some(TokenKind::Comma) {
        return None;
    }
    if t.kind(import + 1) == Some(TokenKind::Lpar) {
        return None;
    }
    Some(("trailing comma not allowed without surrounding parentheses".into(), TextRange::empty(t.range(hi).start())))
}

/// `function_def_raw`: `'->' expression` is optional before the forced `&&':'`.
fn return_annotation(t: &Toks, lo: usize, hi: usize) -> Found {
    let def = if t.kind(lo) == Some(TokenKind::Async) { lo + 1 } else { lo };
    if t.kind(def) != Some(TokenKind::Def) {
        return None;
    }
    let arrow = (lo..hi).find(|&i| t.kind(i) == Some(TokenKind::Rarrow))?;
    if matches!(t.kind(arrow + 1), Some(TokenKind::Colon | TokenKind::Newline) | None) {
        return Some(("expected ':'".into(), t.range(arrow)));
    }
    None
}

/// A `*x` or `**x` element of a brace display followed by `:`: the parser fails at the
/// colon (neither `double_starred_kvpair` nor `star_named_expression` continues with it).
fn starred_in_dict(t: &Toks, lo: usize, idx: usize, hi: usize) -> Found {
    let open = t.enclosing(lo, idx + 1)?;
    if t.kind(open) != Some(TokenKind::Lbrace) {
        return None;
    }
    let close = t.matching(open, hi);
    for (a, e) in t.split(open + 1, close, TokenKind::Comma) {
        if matches!(t.kind(a), Some(TokenKind::Star | TokenKind::DoubleStar)) {
            if let Some(c) = t.find_top(a, e, TokenKind::Colon) {
                return Some(("invalid syntax".into(), t.range(c)));
            }
        }
    }
    None
}

/// The error `_PyPegen_decode_string` raises for a string literal whose escapes do not
/// decode (`_PyUnicode_DecodeUnicodeEscapeInternal`, `_PyBytes_DecodeEscape`), for the
/// string token where ruff found a bad escape.  Positions count bytes of the literal's
/// body, each non-ASCII character counting as the ten bytes of the `\UXXXXXXXX` escape
/// CPython rewrites it to first.
pub(super) fn string_escape_error(b: &ErrorBuilder, tokens: &[Token], at: TextSize) -> Option<CompileError> {
    let tok = tokens.iter().find(|t| t.kind() == TokenKind::String && t.start() <= at && at <= t.end())?;
    let text = &b.src[tok.range()];
    let prefix_len = text.find(['\'', '"'])?;
    let prefix = text[..prefix_len].to_ascii_lowercase();
    if prefix.contains('r') {
        return None;
    }
    let bytes_literal = prefix.contains('b');
    let rest = &text[prefix_len..];
    let q = if rest.starts_with("'''") || rest.starts_with("\"\"\"") { 3 } else { 1 };
    if rest.len() < 2 * q {
        return None;
    }
    let body = &rest[q..rest.len() - q];
    let body_start = tok.start().to_usize() + prefix_len + q;
    // (byte index in `body`, position as CPython's decoder counts it)
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut p = 0usize;
    for &(_, c) in &chars {
        pos.push(p);
        p += if c.is_ascii() { 1 } else { 10 };
    }
    pos.push(p);
    let report = |start: usize, end: usize, reason: &str| -> CompileError {
        let msg = if end <= start + 1 {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}: {reason}")
        } else {
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
        };
        b.syntax(msg, tok.range())
    };
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1 != '\\' {
            i += 1;
            continue;
        }
        let start = i;
        let Some(&(_, e)) = chars.get(i + 1) else { break };
        i += 2;
        let (count, reason) = match e {
            'x' => (2, "truncated \\xXX escape"),
            'u' if !bytes_literal => (4, "truncated \\uXXXX escape"),
            'U' if !bytes_literal => (8, "truncated \\UXXXXXXXX escape"),
            'N' if !bytes_literal => {
                let named = chars.get(i).map(|c| c.1) == Some('{');
                let close = chars[i..].iter().position(|c| c.1 == '}').map(|p| i + p);
                match (named, close) {
                    (true, Some(c)) if c > i + 1 => {
                        let abs_start = body_start + chars[start].0;
                        let abs_end = body_start + chars[c].0 + 1;
                        if (abs_start..=abs_end).contains(&at.to_usize()) {
                            return Some(report(pos[start], pos[c + 1], "unknown Unicode character name"));
                        }
                        i = c + 1;
                        continue;
                    }
                    (true, Some(c)) => return Some(report(pos[start], pos[c], "malformed \\N character escape")),
                    (true, None) => return Some(report(pos[start], pos[chars.len()], "malformed \\N character escape")),
                    (false, _) => return Some(report(pos[start], pos[i], "malformed \\N character escape")),
                }
            }
            _ => continue,
        };
        let digits = chars[i..].iter().take(count).take_while(|c| c.1.is_ascii_hexdigit()).count();
        if digits < count {
            let end = i + digits;
            if bytes_literal {
                let msg = format!("(value error) invalid \\x escape at position {}", pos[start]);
                return Some(b.syntax(msg, tok.range()));
            }
            return Some(report(pos[start], pos[end], reason));
        }
        if e == 'U' {
            let v: String = chars[i..i + 8].iter().map(|c| c.1).collect();
            if u32::from_str_radix(&v, 16).map(|v| v > 0x10ffff).unwrap_or(true) {
                return Some(report(pos[start], pos[i + 8], "illegal Unicode character"));
            }
        }
        i += count;
    }
    None
}

/// `invalid_replacement_field` and `invalid_conversion_character`: the f-string
/// replacement field around token position `at`.
pub(super) fn fstring_field(b: &ErrorBuilder, tokens: &[Token], at: TextSize) -> Option<CompileError> {
    let t = &Toks {
        t: tokens
            .iter()
            .filter(|t| !matches!(t.kind(), TokenKind::Comment | TokenKind::NonLogicalNewline))
            .map(|t| (t.kind(), t.range()))
            .collect(),
        src: b.src,
    };
    if t.t.is_empty() {
        return None;
    }
    let idx = t.t.partition_point(|x| x.1.end() <= at).min(t.t.len().saturating_sub(1));
    // The innermost `{` opening a replacement field (right after literal text, the start
    // of the f-string or another field).
    let mut open = idx;
    let open = loop {
        open = t.enclosing(0, open)?;
        if t.kind(open) == Some(TokenKind::Lbrace)
            && matches!(
                t.kind(open.checked_sub(1)?),
                Some(TokenKind::FStringStart | TokenKind::FStringMiddle | TokenKind::Rbrace | TokenKind::Colon)
            )
        {
            break open;
        }
    };
    let on_next = |i: usize, msg: &str| -> Option<CompileError> {
        Some(match t.t.get(i) {
            Some(&(k, r)) if matches!(k, TokenKind::Newline | TokenKind::EndOfFile) => b.at_newline(msg, r.start()),
            Some(&(_, r)) => b.syntax(msg, r),
            None => b.syntax(msg, TextRange::empty(TextSize::from(b.src.len() as u32))),
        })
    };
    let first = open + 1;
    match t.kind(first) {
        Some(k @ (TokenKind::Equal | TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace)) => {
            let c = match k {
                TokenKind::Equal => '=',
                TokenKind::Exclamation => '!',
                TokenKind::Colon => ':',
                _ => '}',
            };
            return Some(b.syntax(format!("f-string: valid expression required before '{c}'"), t.range(first)));
        }
        _ => {}
    }
    let starts_expression = t.kind(first).is_some_and(|k| {
        is_name(k)
            || matches!(
                k,
                TokenKind::Int
                    | TokenKind::Float
                    | TokenKind::Complex
                    | TokenKind::String
                    | TokenKind::FStringStart
                    | TokenKind::TStringStart
                    | TokenKind::Lpar
                    | TokenKind::Lsqb
                    | TokenKind::Lbrace
                    | TokenKind::Minus
                    | TokenKind::Plus
                    | TokenKind::Tilde
                    | TokenKind::Not
                    | TokenKind::Lambda
                    | TokenKind::Await
                    | TokenKind::Yield
                    | TokenKind::Star
                    | TokenKind::Ellipsis
                    | TokenKind::None
                    | TokenKind::True
                    | TokenKind::False
            )
    });
    if !starts_expression {
        return on_next(first, "f-string: expecting a valid expression after '{'");
    }
    // The end of the expression: the first of `=`, `!`, `:`, `}` outside brackets.
    let mut depth = 0;
    let mut j = first;
    let mut prev_ends_expr = false;
    while j < t.t.len() {
        let k = t.t[j].0;
        if depth == 0 && matches!(k, TokenKind::Equal | TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace) {
            break;
        }
        if depth == 0 && matches!(k, TokenKind::FStringEnd | TokenKind::FStringMiddle | TokenKind::Newline | TokenKind::EndOfFile) {
            break;
        }
        let starts = matches!(
            k,
            TokenKind::Name | TokenKind::Int | TokenKind::Float | TokenKind::Complex | TokenKind::String | TokenKind::FStringStart
        );
        if depth == 0 && prev_ends_expr && starts {
            // `invalid_expression`: two expressions side by side inside the braces.
            let end = if k == TokenKind::FStringStart { t.matching(j, t.t.len()) } else { j };
            return Some(b.syntax("invalid syntax. Perhaps you forgot a comma?", t.span(first, end)));
        }
        if is_open(k) {
            depth += 1;
        } else if is_close(k) {
            depth -= 1;
        }
        prev_ends_expr = depth == 0
            && (matches!(
                k,
                TokenKind::Name
                    | TokenKind::Int
                    | TokenKind::Float
                    | TokenKind::Complex
                    | TokenKind::String
                    | TokenKind::True
                    | TokenKind::False
                    | TokenKind::None
            ) || is_close(k));
        j += 1;
    }
    if t.kind(j) == Some(TokenKind::Equal) {
        j += 1;
        if !matches!(t.kind(j), Some(TokenKind::Exclamation | TokenKind::Colon | TokenKind::Rbrace)) {
            return on_next(j, "f-string: expecting '!', or ':', or '}'");
        }
    }
    if t.kind(j) == Some(TokenKind::Exclamation) {
        j += 1;
        match t.kind(j) {
            Some(TokenKind::Colon | TokenKind::Rbrace) => return on_next(j, "f-string: missing conversion character"),
            Some(k) if is_name(k) => {
                let name = t.text(j);
                if !matches!(name, "s" | "r" | "a") {
                    return Some(b.syntax(
                        format!("f-string: invalid conversion character '{name}': expected 's', 'r', or 'a'"),
                        t.range(j),
                    ));
                }
                j += 1;
            }
            _ => return on_next(j, "f-string: invalid conversion character"),
        }
        if !matches!(t.kind(j), Some(TokenKind::Colon | TokenKind::Rbrace)) {
            return on_next(j, "f-string: expecting ':' or '}'");
        }
    }
    match t.kind(j) {
        Some(TokenKind::Colon) => {
            // The format spec: literal text and nested fields up to the closing brace.
            let mut k = j + 1;
            loop {
                match t.kind(k) {
                    Some(TokenKind::FStringMiddle) => k += 1,
                    Some(TokenKind::Lbrace) => k = t.matching(k, t.t.len()) + 1,
                    Some(TokenKind::Rbrace) => return None,
                    _ => return on_next(k, "f-string: expecting '}', or format specs"),
                }
            }
        }
        Some(TokenKind::Rbrace) => None,
        _ => on_next(j, "f-string: expecting '=', or '!', or ':', or '}'"),
    }
}
