//! The errors of CPython 3.13's tokenizer (`Parser/lexer/lexer.c`, `Parser/tokenizer/helpers.c`,
//! `Parser/pegen_errors.c`), found by running the same state machine over the whole source.
//!
//! ruff's lexer splits the source differently from CPython's in erroneous input (number
//! literals, f-string expression parts, indentation), so the tokenizer's decisions are
//! reproduced here: it produces no tokens, only the first error and the brackets still open
//! at the end of input.  Two kinds of errors exist, as in CPython:
//!
//! - *raised* errors (`_PyTokenizer_syntaxerror`: invalid characters and literals, unmatched
//!   brackets, unterminated strings) become the `SyntaxError` wherever they occur, because
//!   `_PyPegen_tokenize_full_source_to_check_for_errors` tokenizes the rest of the source
//!   after a parser error;
//! - *deferred* errors (a `tok->done` code: inconsistent tabs, bad dedent, backslash
//!   continuation, end of input) are only reported when the parser asks for that token, so
//!   an earlier parser error wins over them.

use crate::SyntaxErrorKind;

/// CPython's `MAXLEVEL`.
const MAX_LEVEL: usize = 200;
/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;
/// CPython's `MAXFSTRINGLEVEL`.
const MAX_FSTRING_LEVEL: usize = 150;
/// CPython's `MAX_EXPR_NESTING` (replacement fields nested in format specs).
const MAX_EXPR_NESTING: i32 = 3;

#[derive(Debug)]
pub(crate) struct TokError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: i64,
    /// Byte position where the token in error (or the indentation in error) starts.
    pub start: usize,
    /// Raised at once (`_PyTokenizer_syntaxerror`) rather than left in `tok->done`.
    pub raised: bool,
    /// Raised while an f-string was being tokenized (`tok_mode_stack_index > 0`).
    pub in_fstring: bool,
    /// Worded by the tokenizer itself (its `text` stops before the newline).
    pub raised_by_tokenizer: bool,
    /// Reported once the tokenizer reached the end of input (an unclosed bracket).
    pub at_eof: bool,
}

/// The innermost bracket still open at the end of input (`raise_unclosed_parentheses_error`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unclosed {
    pub open: char,
    pub lineno: u32,
    /// 1-based character offset of the bracket.
    pub offset: u32,
    /// Byte position of the bracket.
    pub pos: usize,
}

#[derive(Debug)]
pub(crate) struct TokOutcome {
    pub error: Option<TokError>,
    pub unclosed: Option<Unclosed>,
    /// Format specs of single-quoted f-strings ended by a newline (CPython 3.13.0 ends the
    /// spec there and tokenizes the rest of the field normally): the newline's position
    /// and that of the `}` closing the field, when only blanks lie between.
    pub spec_newlines: Vec<(usize, usize)>,
}

impl Unclosed {
    pub(crate) fn error(&self) -> TokError {
        TokError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: format!("'{}' was never closed", self.open),
            lineno: self.lineno,
            offset: self.offset,
            end_lineno: self.lineno,
            end_offset: 0,
            start: self.pos,
            raised: true,
            in_fstring: false,
            raised_by_tokenizer: false,
            at_eof: true,
        }
    }
}

/// One entry of CPython's tokenizer mode stack for an f-string.
struct FMode {
    quote: u8,
    size: usize,
    raw: bool,
    /// `curly_bracket_depth`: brackets open inside this f-string's replacement fields.
    curly: i32,
    /// `curly_bracket_expr_start_depth`.
    expr_start: i32,
    in_spec: bool,
    /// `TOK_REGULAR_MODE`: tokenizing a replacement field's expression.
    regular: bool,
    /// Where a newline ended this field's format spec.
    spec_newline: Option<usize>,
    start: usize,
    line_start: usize,
    lineno: u32,
}

struct Paren {
    ch: u8,
    lineno: u32,
    line_start: usize,
    pos: usize,
}

struct Tokenizer<'s> {
    src: &'s str,
    b: &'s [u8],
    pos: usize,
    line_start: usize,
    lineno: u32,
    parens: Vec<Paren>,
    indents: Vec<(u32, u32)>,
    atbol: bool,
    /// Where the current token (or line's indentation) starts.
    tok_start: usize,
    modes: Vec<FMode>,
    /// Byte offsets of characters ruff's lexer could not start a token with.
    bad_chars: &'s [usize],
    spec_newlines: Vec<(usize, usize)>,
}

/// Whether Python's `str.isprintable()` holds for `c` (general categories Cc, Cf, Co, Cs,
/// Zl, Zp and Zs other than the space are not printable; unassigned code points are not
/// tracked).
pub(crate) fn is_printable(c: char) -> bool {
    let u = c as u32;
    !matches!(u,
        0..=0x1f | 0x7f..=0xa0 | 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x890..=0x891
        | 0x8e2 | 0x1680 | 0x180e | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064
        | 0x2066..=0x206f | 0x3000 | 0xd800..=0xf8ff | 0xfeff | 0xfff9..=0xfffb | 0xfffe..=0xffff
        | 0x110bd | 0x110cd | 0x13430..=0x1343f | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a
        | 0xe0001 | 0xe0020..=0xe007f | 0xf0000..)
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_ident_char(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

type Step = Result<bool, TokError>;

impl<'s> Tokenizer<'s> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }
    fn peek_at(&self, n: usize) -> Option<u8> {
        self.b.get(self.pos + n).copied()
    }

    /// Characters from `line_start` to `pos` (CPython's `col_offset` of an error).
    fn chars(&self, line_start: usize, pos: usize) -> u32 {
        self.src.get(line_start..pos.min(self.b.len())).map(|s| s.chars().count() as u32).unwrap_or(0)
    }

    fn line_chars(&self) -> u32 {
        let end = self.b[self.line_start..].iter().position(|&c| c == b'\n').map(|p| self.line_start + p).unwrap_or(self.b.len());
        self.chars(self.line_start, end)
    }

    /// Advances over a line break at `pos` (`\n`, `\r\n` or `\r`), if any.
    fn newline(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => self.pos += 1,
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
            }
            _ => return false,
        }
        self.lineno += 1;
        self.line_start = self.pos;
        true
    }

    fn at_newline(&self) -> bool {
        matches!(self.peek(), Some(b'\n' | b'\r'))
    }

    /// `_PyTokenizer_syntaxerror`: located at the current position.
    fn raise(&self, msg: impl Into<String>) -> TokError {
        let col = self.chars(self.line_start, self.pos);
        self.raise_at(msg, col, col as i64)
    }

    fn raise_at(&self, msg: impl Into<String>, offset: u32, end_offset: i64) -> TokError {
        TokError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: self.lineno,
            offset,
            end_lineno: self.lineno,
            end_offset,
            start: self.tok_start,
            raised: true,
            in_fstring: !self.modes.is_empty(),
            raised_by_tokenizer: true,
            at_eof: false,
        }
    }

    fn deferred(&self, kind: SyntaxErrorKind, msg: &str, offset: u32, end_offset: i64) -> TokError {
        TokError {
            kind,
            msg: msg.into(),
            lineno: self.lineno,
            offset,
            end_lineno: self.lineno,
            end_offset,
            start: self.tok_start,
            raised: false,
            in_fstring: !self.modes.is_empty(),
            raised_by_tokenizer: false,
            at_eof: false,
        }
    }

    fn tab_error(&self) -> TokError {
        self.deferred(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", 1, 0)
    }

    fn run(&mut self) -> Result<(), TokError> {
        loop {
            let more = match self.modes.last() {
                Some(m) if !m.regular => self.fstring_mode()?,
                _ => self.normal_mode()?,
            };
            if !more {
                return Ok(());
            }
        }
    }

    /// Indentation at the beginning of a logical line (`tok->atbol`).
    fn indentation(&mut self) -> Result<(), TokError> {
        self.atbol = false;
        let (mut col, mut alt) = (0u32, 0u32);
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    alt += 1;
                }
                Some(b'\t') => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                Some(b'\x0c') => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let blank = matches!(self.peek(), Some(b'#' | b'\n' | b'\r'));
        if blank || !self.parens.is_empty() {
            return Ok(());
        }
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.deferred(SyntaxErrorKind::IndentationError, "too many levels of indentation", 1, 0));
            }
            if alt <= top_alt {
                return Err(self.tab_error());
            }
            self.indents.push((col, alt));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map(|i| i.0).unwrap_or(0) {
                self.indents.pop();
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let offset = self.line_chars() + 1;
                return Err(self.deferred(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    offset,
                    -1,
                ));
            }
            if alt != top_alt {
                return Err(self.tab_error());
            }
        }
        Ok(())
    }

    /// One token in `TOK_REGULAR_MODE` (`tok_get_normal_mode`); `Ok(false)` at the end.
    fn normal_mode(&mut self) -> Step {
        if self.atbol {
            self.tok_start = self.pos;
            self.indentation()?;
        }
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\x0c')) {
            self.pos += 1;
        }
        let start = self.pos;
        self.tok_start = start;
        let Some(c) = self.peek() else {
            return Ok(false);
        };
        if c == b'#' {
            while !self.at_newline() && self.peek().is_some() {
                self.pos += 1;
            }
            return Ok(true);
        }
        if c == b'\n' || c == b'\r' {
            self.newline();
            self.atbol = true;
            return Ok(true);
        }
        if is_ident_start(c) {
            return self.identifier_or_string(start);
        }
        if c.is_ascii_digit() || (c == b'.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) {
            return self.number(start);
        }
        if c == b'\'' || c == b'"' {
            return self.string(start, start);
        }
        if c == b'\\' {
            self.pos += 1;
            // CPython appends a newline to input that lacks one.
            if !self.at_newline() && self.peek().is_some() {
                // E_LINECONT: `col_offset = cur - buf - 1` after reading the next character.
                if self.peek().is_some() {
                    self.pos += self.src[self.pos..].chars().next().map(|ch| ch.len_utf8()).unwrap_or(1);
                }
                let offset = self.chars(self.line_start, self.pos);
                return Err(self.deferred(
                    SyntaxErrorKind::SyntaxError,
                    "unexpected character after line continuation character",
                    offset,
                    0,
                ));
            }
            let line_offset = self.line_chars() + 1;
            let had_newline = self.newline();
            if self.peek().is_none() {
                if let Some(u) = self.unclosed() {
                    let mut e = u.error();
                    e.raised = false;
                    return Err(e);
                }
                let mut e = self.deferred(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing", line_offset, -1);
                if had_newline {
                    e.lineno -= 1;
                    e.end_lineno -= 1;
                }
                return Err(e);
            }
            return Ok(true);
        }
        self.pos += 1;
        match c {
            b'(' | b'[' | b'{' => {
                if self.parens.len() >= MAX_LEVEL {
                    return Err(self.raise("too many nested parentheses"));
                }
                self.parens.push(Paren { ch: c, lineno: self.lineno, line_start: self.line_start, pos: start });
                if let Some(m) = self.modes.last_mut() {
                    m.curly += 1;
                }
            }
            b')' | b']' | b'}' => {
                if let Some(m) = self.modes.last() {
                    if m.curly == 0 && c == b'}' {
                        return Err(self.raise("f-string: single '}' is not allowed"));
                    }
                }
                let Some(open) = self.parens.pop() else {
                    return Err(self.raise(format!("unmatched '{}'", c as char)));
                };
                if !matches!((open.ch, c), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    if let Some(m) = self.modes.last() {
                        if open.ch == b'{' && m.curly - 1 == m.expr_start {
                            return Err(self.raise(format!("f-string: unmatched '{}'", c as char)));
                        }
                    }
                    let msg = if open.lineno != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open.ch as char, open.lineno
                        )
                    } else {
                        format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open.ch as char)
                    };
                    return Err(self.raise(msg));
                }
                if let Some(m) = self.modes.last_mut() {
                    m.curly -= 1;
                    if m.curly < 0 {
                        return Err(self.raise(format!("f-string: unmatched '{}'", c as char)));
                    }
                    if c == b'}' && m.curly == m.expr_start {
                        m.expr_start -= 1;
                        m.regular = false;
                        if let Some(nl) = m.spec_newline.take() {
                            let blank = self.b[nl..start].iter().all(|b| b.is_ascii_whitespace());
                            if blank && !m.raw {
                                self.spec_newlines.push((nl, start));
                            }
                        }
                    }
                }
            }
            b':' => {
                if let Some(m) = self.modes.last_mut() {
                    if m.expr_start >= 0 && m.curly - 1 == m.expr_start {
                        m.regular = false;
                        m.in_spec = true;
                    }
                }
            }
            _ if c >= 0x20 && c < 0x7f => {}
            _ => {
                // ASCII control characters (`Py_UNICODE_ISPRINTABLE` fails).
                return Err(self.raise(format!("invalid non-printable character U+{:04X}", c)));
            }
        }
        Ok(true)
    }

    fn identifier_or_string(&mut self, start: usize) -> Step {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            let Some(c) = self.peek() else { break };
            match c.to_ascii_lowercase() {
                b'b' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'u' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'r' if !(saw_r || saw_u) => saw_r = true,
                b'f' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            self.pos += 1;
            if matches!(self.peek(), Some(b'\'' | b'"')) {
                return if saw_f { self.fstring_start(start, saw_r) } else { self.string(start, self.pos) };
            }
        }
        while self.peek().is_some_and(is_ident_char) {
            self.pos += 1;
        }
        let ident = &self.src[start..self.pos];
        if !ident.is_ascii() {
            for (i, ch) in ident.char_indices() {
                let at = start + i;
                let bad = ch as u32 >= 128 && (self.bad_chars.binary_search(&at).is_ok() || !is_printable(ch));
                if bad {
                    self.pos = at + ch.len_utf8();
                    let msg = if is_printable(ch) {
                        format!("invalid character '{ch}' (U+{:04X})", ch as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", ch as u32)
                    };
                    return Err(self.raise(msg));
                }
            }
        }
        Ok(true)
    }

    /// A string literal whose quote is at `quote_pos` (CPython's `letter_quote`).
    fn string(&mut self, start: usize, quote_pos: usize) -> Step {
        let quote = self.b[quote_pos];
        self.pos = quote_pos + 1;
        let first_lineno = self.lineno;
        let multi_line_start = self.line_start;
        let mut size = 1;
        let mut end_quotes = 0;
        if self.peek() == Some(quote) {
            if self.peek_at(1) == Some(quote) {
                size = 3;
                self.pos += 2;
            } else {
                self.pos += 1;
                end_quotes = 1;
            }
        }
        let mut escaped_quote = false;
        while end_quotes != size {
            let c = self.peek();
            if c.is_none() || (size == 1 && self.at_newline()) {
                let detected = self.detected_line();
                self.lineno = first_lineno;
                self.line_start = multi_line_start;
                self.pos = start + 1;
                if let Some(m) = self.modes.last() {
                    if m.quote == quote && m.size == size {
                        return Err(self.raise("f-string: expecting '}'"));
                    }
                }
                let msg = if size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {detected})")
                } else if escaped_quote {
                    format!("unterminated string literal (detected at line {detected}); perhaps you escaped the end quote?")
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                return Err(self.raise(msg));
            }
            if self.newline() {
                end_quotes = 0;
                continue;
            }
            let c = c.unwrap_or(0);
            self.pos += 1;
            if c == quote {
                end_quotes += 1;
            } else {
                end_quotes = 0;
                if c == b'\\' {
                    if self.peek() == Some(quote) {
                        escaped_quote = true;
                    }
                    if !self.newline() && self.peek().is_some() {
                        self.pos += 1;
                    }
                }
            }
        }
        Ok(true)
    }

    fn fstring_start(&mut self, start: usize, raw: bool) -> Step {
        let quote = self.b[self.pos];
        self.pos += 1;
        let mut size = 1;
        if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
            size = 3;
            self.pos += 2;
        }
        if self.modes.len() + 1 >= MAX_FSTRING_LEVEL {
            return Err(self.raise("too many nested f-strings"));
        }
        self.modes.push(FMode {
            quote,
            size,
            raw,
            curly: 0,
            expr_start: -1,
            in_spec: false,
            regular: false,
            spec_newline: None,
            start,
            line_start: self.line_start,
            lineno: self.lineno,
        });
        Ok(true)
    }

    /// The literal part of an f-string (`tok_get_fstring_mode`).
    fn fstring_mode(&mut self) -> Step {
        self.tok_start = self.pos;
        let m = self.modes.last().expect("in an f-string");
        let (quote, size, raw) = (m.quote, m.size, m.raw);
        if self.b[self.pos..].iter().take(size).filter(|&&c| c == quote).count() == size
            && self.b.len() - self.pos >= size
        {
            self.pos += size;
            self.modes.pop();
            return Ok(true);
        }
        let mut end_quotes = 0;
        let mut named_escape = false;
        loop {
            let m = self.modes.last().expect("in an f-string");
            let in_spec = m.in_spec && m.expr_start >= 0;
            let c = self.peek();
            if c.is_none() || (size == 1 && self.at_newline()) {
                if in_spec && c.is_some() {
                    let pos = self.pos;
                    let m = self.modes.last_mut().expect("in an f-string");
                    m.regular = true;
                    m.in_spec = false;
                    m.spec_newline = Some(pos);
                    return Ok(true);
                }
                let detected = self.detected_line();
                let m = self.modes.last().expect("in an f-string");
                self.lineno = m.lineno;
                self.line_start = m.line_start;
                self.pos = m.start + 1;
                let msg = if size == 3 {
                    format!("unterminated triple-quoted f-string literal (detected at line {detected})")
                } else {
                    format!("unterminated f-string literal (detected at line {detected})")
                };
                return Err(self.raise(msg));
            }
            if self.newline() {
                end_quotes = 0;
                continue;
            }
            let c = c.unwrap_or(0);
            self.pos += 1;
            if c == quote {
                end_quotes += 1;
                if end_quotes == size {
                    self.modes.pop();
                    return Ok(true);
                }
                continue;
            }
            end_quotes = 0;
            match c {
                b'{' => {
                    if self.peek() != Some(b'{') || in_spec {
                        self.pos -= 1;
                        let m = self.modes.last_mut().expect("in an f-string");
                        m.expr_start += 1;
                        if m.expr_start >= MAX_EXPR_NESTING {
                            return Err(self.raise("f-string: expressions nested too deeply"));
                        }
                        m.regular = true;
                        m.in_spec = false;
                        return Ok(true);
                    }
                    self.pos += 1;
                }
                b'}' => {
                    if named_escape {
                        named_escape = false;
                        continue;
                    }
                    let double = self.peek() == Some(b'}');
                    let m = self.modes.last_mut().expect("in an f-string");
                    if double && !in_spec && m.curly == 0 {
                        self.pos += 1;
                    } else {
                        self.pos -= 1;
                        m.regular = true;
                        m.in_spec = false;
                        return Ok(true);
                    }
                }
                b'\\' => {
                    if self.peek() == Some(b'\r') {
                        self.pos += 1;
                    }
                    // The escaped character is skipped, except a brace (handled next).
                    match self.peek() {
                        Some(b'{' | b'}') | None => {}
                        Some(b'N') if !raw => {
                            self.pos += 1;
                            if self.peek() == Some(b'{') {
                                self.pos += 1;
                                named_escape = true;
                            }
                        }
                        Some(_) => {
                            if !self.newline() {
                                self.pos += 1;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A number literal (`tok_get_normal_mode`'s number section).
    fn number(&mut self, start: usize) -> Step {
        let c = self.b[self.pos];
        if c == b'.' {
            self.pos += 1;
            return self.fraction(start);
        }
        self.pos += 1;
        if c == b'0' {
            let radix = self.peek().map(|x| x.to_ascii_lowercase());
            let (kind, ok): (&str, fn(u8) -> bool) = match radix {
                Some(b'x') => ("hexadecimal", |d: u8| d.is_ascii_hexdigit()),
                Some(b'o') => ("octal", |d: u8| (b'0'..b'8').contains(&d)),
                Some(b'b') => ("binary", |d: u8| d == b'0' || d == b'1'),
                _ => return self.leading_zero(start),
            };
            self.pos += 1;
            loop {
                if self.peek() == Some(b'_') {
                    self.pos += 1;
                }
                match self.peek() {
                    Some(d) if ok(d) => {}
                    Some(d) if d.is_ascii_digit() && kind != "hexadecimal" => {
                        self.pos += 1;
                        return Err(self.raise(format!("invalid digit '{}' in {kind} literal", d as char)));
                    }
                    _ => return Err(self.raise(format!("invalid {kind} literal"))),
                }
                while self.peek().is_some_and(ok) {
                    self.pos += 1;
                }
                if self.peek() != Some(b'_') {
                    break;
                }
            }
            if kind != "hexadecimal" {
                if let Some(d) = self.peek().filter(|d| d.is_ascii_digit()) {
                    self.pos += 1;
                    return Err(self.raise(format!("invalid digit '{}' in {kind} literal", d as char)));
                }
            }
            self.verify_end(kind)?;
            return Ok(true);
        }
        self.pos -= 1;
        self.decimal_tail()?;
        match self.peek() {
            Some(b'.') => {
                self.pos += 1;
                self.fraction(start)
            }
            _ => self.exponent_or_imaginary(),
        }
    }

    /// `0` followed by more digits: only zeros, or a float/imaginary, are allowed.
    fn leading_zero(&mut self, start: usize) -> Step {
        loop {
            if self.peek() == Some(b'_') {
                self.pos += 1;
                if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    return Err(self.raise("invalid decimal literal"));
                }
            }
            if self.peek() != Some(b'0') {
                break;
            }
            self.pos += 1;
        }
        // `zeros_end` is `tok->cur` after the first non-zero character was read.
        let zeros_end = (self.pos + 1).min(self.b.len());
        let mut nonzero = false;
        if self.peek().is_some_and(|d| d.is_ascii_digit()) {
            nonzero = true;
            self.decimal_tail()?;
        }
        match self.peek().map(|x| x.to_ascii_lowercase()) {
            Some(b'.') => {
                self.pos += 1;
                self.fraction(start)
            }
            Some(b'e') | Some(b'j') => self.exponent_or_imaginary(),
            _ if nonzero => {
                let offset = (start + 1 - self.line_start) as u32;
                let end = (zeros_end - self.line_start) as i64;
                Err(self.raise_at(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    offset,
                    end,
                ))
            }
            _ => {
                self.verify_end("decimal")?;
                Ok(true)
            }
        }
    }

    fn fraction(&mut self, _start: usize) -> Step {
        if self.peek().is_some_and(|d| d.is_ascii_digit()) {
            self.decimal_tail()?;
        }
        self.exponent_or_imaginary()
    }

    fn exponent_or_imaginary(&mut self) -> Step {
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let e_pos = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
                if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    return Err(self.raise("invalid decimal literal"));
                }
            } else if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos = e_pos;
                self.verify_end("decimal")?;
                return Ok(true);
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(), Some(b'j' | b'J')) {
            self.pos += 1;
            self.verify_end("imaginary")?;
        } else {
            self.verify_end("decimal")?;
        }
        Ok(true)
    }

    /// `tok_decimal_tail`: digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), TokError> {
        loop {
            while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_some_and(|d| d.is_ascii_digit()) {
                return Err(self.raise("invalid decimal literal"));
            }
        }
    }

    /// `verify_end_of_number`: a literal directly followed by a name is an error, except
    /// for the keywords that may follow a number (a `SyntaxWarning` in CPython).
    fn verify_end(&mut self, kind: &str) -> Result<(), TokError> {
        let rest = &self.b[self.pos..];
        let keyword = ["and", "else", "for", "if", "in", "is", "or", "not"].iter().any(|k| rest.starts_with(k.as_bytes()));
        if keyword {
            return Ok(());
        }
        if let Some(&c) = rest.first() {
            if c < 128 && is_ident_char(c) {
                return Err(self.raise(format!("invalid {kind} literal")));
            }
        }
        Ok(())
    }

    /// The line CPython names in "(detected at line N)": the end of input after a final
    /// newline is still on the last line.
    fn detected_line(&self) -> u32 {
        if self.pos >= self.b.len() && self.pos == self.line_start && self.lineno > 1 {
            self.lineno - 1
        } else {
            self.lineno
        }
    }

    fn unclosed(&self) -> Option<Unclosed> {
        self.parens.last().map(|p| Unclosed {
            open: p.ch as char,
            lineno: p.lineno,
            offset: self.chars(p.line_start, p.pos) + 1,
            pos: p.pos,
        })
    }
}

/// Runs CPython's tokenizer over `src`; `bad_chars` are the sorted byte offsets of the
/// characters ruff's lexer rejected (used to tell identifier characters from others).
pub(crate) fn check(src: &str, bad_chars: &[usize]) -> TokOutcome {
    let mut t = Tokenizer {
        src,
        b: src.as_bytes(),
        pos: 0,
        line_start: 0,
        lineno: 1,
        parens: Vec::new(),
        indents: vec![(0, 0)],
        atbol: true,
        tok_start: 0,
        modes: Vec::new(),
        bad_chars,
        spec_newlines: Vec::new(),
    };
    let error = t.run().err();
    let unclosed = t.unclosed();
    TokOutcome { error, unclosed, spec_newlines: t.spec_newlines }
}
