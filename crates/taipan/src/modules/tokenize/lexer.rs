//! The tokenizer state machine behind `_tokenize.TokenizerIter`, reproducing CPython 3.13's
//! lexer (`Parser/lexer/lexer.c`, `Parser/lexer/buffer.c`, `Parser/tokenizer/readline_tokenizer.c`
//! and the error helpers of `Parser/tokenizer/helpers.c`) for the readline-driven mode.
//!
//! The buffer holds characters rather than UTF-8 bytes, so every offset the lexer keeps is
//! a column in code points, which is what `tokenize` reports.  Where CPython reports a
//! byte count (the offset of "unexpected EOF in multi-line statement") the caller converts.
//!
//! Buffer invariants (as in CPython's `tok_underflow_readline`):
//!
//! - one call of `readline` appends one *chunk* and advances `lineno` by one, whatever the
//!   chunk contains; `line_start` is the start of the newest chunk;
//! - the buffer is emptied before reading when no token is in progress (`start` is None)
//!   and no f-string is open, so a token's text and the lines it spans stay in the buffer
//!   until it is returned;
//! - a chunk that does not end in `\n` gets one appended (`implicit_newline`).
//!
//! Positions saved across a reset (`multi_line_start`, f-string starts) may point past the
//! end of the emptied buffer; every read through them is clamped, so they can never panic.
//!
//! The first error wins: `raise_syntax` records it only while no error is pending, and
//! once `done` is not `Ok` no more input is read.  Tokenizing may continue after an error
//! was reported (CPython's iterator does the same), which only ever reads what is buffered.

/// Token numbers of CPython 3.13's `Lib/token.py`.
pub mod tok {
    pub const ENDMARKER: u8 = 0;
    pub const NAME: u8 = 1;
    pub const NUMBER: u8 = 2;
    pub const STRING: u8 = 3;
    pub const NEWLINE: u8 = 4;
    pub const INDENT: u8 = 5;
    pub const DEDENT: u8 = 6;
    pub const LPAR: u8 = 7;
    pub const RPAR: u8 = 8;
    pub const LSQB: u8 = 9;
    pub const RSQB: u8 = 10;
    pub const COLON: u8 = 11;
    pub const COMMA: u8 = 12;
    pub const SEMI: u8 = 13;
    pub const PLUS: u8 = 14;
    pub const MINUS: u8 = 15;
    pub const STAR: u8 = 16;
    pub const SLASH: u8 = 17;
    pub const VBAR: u8 = 18;
    pub const AMPER: u8 = 19;
    pub const LESS: u8 = 20;
    pub const GREATER: u8 = 21;
    pub const EQUAL: u8 = 22;
    pub const DOT: u8 = 23;
    pub const PERCENT: u8 = 24;
    pub const LBRACE: u8 = 25;
    pub const RBRACE: u8 = 26;
    pub const EQEQUAL: u8 = 27;
    pub const NOTEQUAL: u8 = 28;
    pub const LESSEQUAL: u8 = 29;
    pub const GREATEREQUAL: u8 = 30;
    pub const TILDE: u8 = 31;
    pub const CIRCUMFLEX: u8 = 32;
    pub const LEFTSHIFT: u8 = 33;
    pub const RIGHTSHIFT: u8 = 34;
    pub const DOUBLESTAR: u8 = 35;
    pub const PLUSEQUAL: u8 = 36;
    pub const MINEQUAL: u8 = 37;
    pub const STAREQUAL: u8 = 38;
    pub const SLASHEQUAL: u8 = 39;
    pub const PERCENTEQUAL: u8 = 40;
    pub const AMPEREQUAL: u8 = 41;
    pub const VBAREQUAL: u8 = 42;
    pub const CIRCUMFLEXEQUAL: u8 = 43;
    pub const LEFTSHIFTEQUAL: u8 = 44;
    pub const RIGHTSHIFTEQUAL: u8 = 45;
    pub const DOUBLESTAREQUAL: u8 = 46;
    pub const DOUBLESLASH: u8 = 47;
    pub const DOUBLESLASHEQUAL: u8 = 48;
    pub const AT: u8 = 49;
    pub const ATEQUAL: u8 = 50;
    pub const RARROW: u8 = 51;
    pub const ELLIPSIS: u8 = 52;
    pub const COLONEQUAL: u8 = 53;
    pub const EXCLAMATION: u8 = 54;
    pub const OP: u8 = 55;
    pub const FSTRING_START: u8 = 59;
    pub const FSTRING_MIDDLE: u8 = 60;
    pub const FSTRING_END: u8 = 61;
    pub const COMMENT: u8 = 62;
    pub const NL: u8 = 63;
    pub const ERRORTOKEN: u8 = 64;
}

use tok::*;

/// CPython's `MAXINDENT`.
const MAX_INDENT: usize = 100;
/// CPython's `MAXLEVEL`.
const MAX_LEVEL: usize = 200;
/// CPython's `MAXFSTRINGLEVEL`.
const MAX_FSTRING_LEVEL: usize = 150;
/// CPython's `MAX_EXPR_NESTING`.
const MAX_EXPR_NESTING: i32 = 3;
const TAB_SIZE: usize = 8;

/// `tok->done`: why the tokenizer stopped (`Include/errcode.h`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Done {
    Ok,
    /// `E_EOF`: end of input.
    Eof,
    /// `E_ERROR`: a syntax error was raised.
    Error,
    /// `E_DEDENT`: unindent does not match any outer level.
    Dedent,
    /// `E_TABSPACE`: inconsistent tabs and spaces.
    TabSpace,
    /// `E_TOODEEP`: too many indentation levels.
    TooDeep,
    /// `E_LINECONT`: a character after a line continuation.
    LineCont,
    /// `E_DECODE`: reading a line failed (the exception is the host's).
    Decode,
    /// `E_EOFS` / `E_EOLS`: end of input or line inside a string.
    Eofs,
    Eols,
}

/// A `SyntaxError` raised by the lexer (`_syntaxerror_range`): the arguments of
/// `SyntaxError(msg, ("<string>", lineno, offset, text, lineno, end_offset))`.
#[derive(Debug, Clone)]
pub struct SyntaxErr {
    pub msg: String,
    pub lineno: u32,
    pub offset: i64,
    pub text: String,
    pub end_offset: i64,
}

/// What the lexer needs from its caller: lines, and warnings.
pub trait Host {
    /// The next chunk of input; `Ok(None)` at the end; `Err` when reading raised (the
    /// host keeps the exception).
    fn readline(&mut self) -> Result<Option<String>, ()>;
    /// Issues `SyntaxWarning(msg)` for line `lineno`.
    fn warn(&mut self, msg: &str, lineno: u32) -> WarnOutcome;
}

pub enum WarnOutcome {
    Ignored,
    /// The warning was turned into an exception of its own category: report it as a
    /// `SyntaxError` instead (`_PyTokenizer_parser_warn`).
    AsError,
    /// Some other exception, kept by the host.
    Failed,
}

/// One token: its type and where its text lies in the buffer (None for tokens without
/// text, as CPython's NULL `p_start`/`p_end`).
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub kind: u8,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// One entry of the tokenizer mode stack (`tokenizer_mode`): entry 0 is the regular
/// mode, each open f-string pushes one.
#[derive(Clone, Debug)]
struct Mode {
    /// True while the f-string's literal part is being read (`TOK_FSTRING_MODE`), false
    /// while a replacement field's expression is (`TOK_REGULAR_MODE`).
    fstring: bool,
    quote: char,
    quote_size: usize,
    raw: bool,
    start: usize,
    multi_line_start: usize,
    line_start_lineno: u32,
    curly_depth: i32,
    expr_start_depth: i32,
    in_format_spec: bool,
    debug: bool,
}

impl Mode {
    fn regular() -> Mode {
        Mode {
            fstring: false,
            quote: '\0',
            quote_size: 0,
            raw: false,
            start: 0,
            multi_line_start: 0,
            line_start_lineno: 0,
            curly_depth: 0,
            expr_start_depth: 0,
            in_format_spec: false,
            debug: false,
        }
    }
    /// `INSIDE_FSTRING_EXPR`.
    fn in_expr(&self) -> bool {
        self.expr_start_depth >= 0
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit())
}

/// `_PyToken_OneChar`.
fn one_char(c: char) -> u8 {
    match c {
        '!' => EXCLAMATION,
        '%' => PERCENT,
        '&' => AMPER,
        '(' => LPAR,
        ')' => RPAR,
        '*' => STAR,
        '+' => PLUS,
        ',' => COMMA,
        '-' => MINUS,
        '.' => DOT,
        '/' => SLASH,
        ':' => COLON,
        ';' => SEMI,
        '<' => LESS,
        '=' => EQUAL,
        '>' => GREATER,
        '@' => AT,
        '[' => LSQB,
        ']' => RSQB,
        '^' => CIRCUMFLEX,
        '{' => LBRACE,
        '|' => VBAR,
        '}' => RBRACE,
        '~' => TILDE,
        _ => OP,
    }
}

/// `_PyToken_TwoChars`.
fn two_chars(c1: char, c2: Option<char>) -> u8 {
    let Some(c2) = c2 else { return OP };
    match (c1, c2) {
        ('!', '=') | ('<', '>') => NOTEQUAL,
        ('%', '=') => PERCENTEQUAL,
        ('&', '=') => AMPEREQUAL,
        ('*', '*') => DOUBLESTAR,
        ('*', '=') => STAREQUAL,
        ('+', '=') => PLUSEQUAL,
        ('-', '=') => MINEQUAL,
        ('-', '>') => RARROW,
        ('/', '/') => DOUBLESLASH,
        ('/', '=') => SLASHEQUAL,
        (':', '=') => COLONEQUAL,
        ('<', '<') => LEFTSHIFT,
        ('<', '=') => LESSEQUAL,
        ('=', '=') => EQEQUAL,
        ('>', '=') => GREATEREQUAL,
        ('>', '>') => RIGHTSHIFT,
        ('@', '=') => ATEQUAL,
        ('^', '=') => CIRCUMFLEXEQUAL,
        ('|', '=') => VBAREQUAL,
        _ => OP,
    }
}

/// `_PyToken_ThreeChars`.
fn three_chars(c1: char, c2: Option<char>, c3: Option<char>) -> u8 {
    let (Some(c2), Some(c3)) = (c2, c3) else { return OP };
    match (c1, c2, c3) {
        ('*', '*', '=') => DOUBLESTAREQUAL,
        ('.', '.', '.') => ELLIPSIS,
        ('/', '/', '=') => DOUBLESLASHEQUAL,
        ('<', '<', '=') => LEFTSHIFTEQUAL,
        ('>', '>', '=') => RIGHTSHIFTEQUAL,
        _ => OP,
    }
}

/// Where a number literal continues after its integer part (the labels of CPython's
/// number scanner).
#[derive(Clone, Copy, PartialEq, Eq)]
enum NumTail {
    /// After the integer digits: a `.` may follow.
    Integer,
    /// After the `.`: digits may follow.
    Fraction,
    /// At an exponent or imaginary suffix.
    Suffix,
}

pub struct Lexer {
    buf: Vec<char>,
    /// Whether every buffered character is ASCII (byte and character offsets agree).
    buf_ascii: bool,
    pub cur: usize,
    pub line_start: usize,
    pub multi_line_start: usize,
    /// Start of the token being read (`tok->start`), None between tokens.
    pub start: Option<usize>,
    pub lineno: u32,
    pub first_lineno: u32,
    pub done: Done,
    atbol: bool,
    pendin: i32,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    level: usize,
    /// Open brackets with the line each was opened on.
    parenstack: Vec<(char, u32)>,
    comment_newline: bool,
    pub implicit_newline: bool,
    decoding_erred: bool,
    modes: Vec<Mode>,
    pub extra_tokens: bool,
    /// The raised error not yet handed to Python (`PyErr_Occurred()` for lexer errors).
    pub error: Option<SyntaxErr>,
    /// A host exception is pending (readline or a warning raised).
    pub host_error: bool,
}

type Step = Result<Option<char>, ()>;

impl Lexer {
    pub fn new(extra_tokens: bool) -> Lexer {
        Lexer {
            buf: Vec::new(),
            buf_ascii: true,
            cur: 0,
            line_start: 0,
            multi_line_start: 0,
            start: None,
            lineno: 0,
            first_lineno: 0,
            done: Done::Ok,
            atbol: true,
            pendin: 0,
            indstack: vec![0],
            altindstack: vec![0],
            level: 0,
            parenstack: Vec::new(),
            comment_newline: false,
            implicit_newline: false,
            decoding_erred: false,
            modes: vec![Mode::regular()],
            extra_tokens,
            error: None,
            host_error: false,
        }
    }

    /// The end of the buffered input (`tok->inp`).
    pub fn inp(&self) -> usize {
        self.buf.len()
    }

    /// The buffered characters `a..b`, clamped to the buffer.
    pub fn chars(&self, a: usize, b: usize) -> &[char] {
        let b = b.min(self.buf.len());
        &self.buf[a.min(b)..b]
    }

    /// UTF-8 length of the buffered characters `a..b` (CPython counts some offsets in
    /// bytes).
    pub fn utf8_len(&self, a: usize, b: usize) -> usize {
        let chars = self.chars(a, b);
        if self.buf_ascii {
            chars.len()
        } else {
            chars.iter().map(|c| c.len_utf8()).sum()
        }
    }

    pub fn text(&self, a: usize, b: usize) -> String {
        self.chars(a, b).iter().collect()
    }

    pub fn char_at(&self, i: usize) -> Option<char> {
        self.buf.get(i).copied()
    }

    fn inside_fstring(&self) -> bool {
        self.modes.len() > 1
    }

    fn mode(&mut self) -> &mut Mode {
        let last = self.modes.len() - 1;
        &mut self.modes[last]
    }

    // ---------------------------------------------------------------------------------
    // Reading characters
    // ---------------------------------------------------------------------------------

    /// `tok_underflow_readline`: reads one more chunk.
    fn underflow(&mut self, host: &mut dyn Host) -> bool {
        if self.start.is_none() && !self.inside_fstring() {
            self.buf.clear();
            self.buf_ascii = true;
            self.cur = 0;
        }
        match host.readline() {
            Err(()) => {
                self.decoding_erred = true;
                self.host_error = true;
                self.done = Done::Decode;
                return false;
            }
            Ok(Some(chunk)) => {
                self.buf_ascii &= chunk.is_ascii();
                self.buf.extend(chunk.chars());
            }
            Ok(None) => {}
        }
        if self.buf.len() == self.cur {
            self.done = Done::Eof;
            return false;
        }
        self.implicit_newline = false;
        if self.buf.last() != Some(&'\n') {
            self.buf.push('\n');
            self.implicit_newline = true;
        }
        self.lineno += 1;
        true
    }

    /// `tok_nextc`: the next character, None at the end of input or after an error.
    fn nextc(&mut self, host: &mut dyn Host) -> Option<char> {
        loop {
            if self.cur < self.buf.len() {
                let c = self.buf[self.cur];
                self.cur += 1;
                return Some(c);
            }
            if self.done != Done::Ok {
                return None;
            }
            if !self.underflow(host) {
                self.cur = self.buf.len();
                return None;
            }
            self.line_start = self.cur;
            if self.buf[self.line_start..].contains(&'\0') {
                self.raise_syntax("source code cannot contain null bytes".into(), None, None);
                self.cur = self.buf.len();
                return None;
            }
        }
    }

    /// `tok_backup`.
    fn backup(&mut self, c: Option<char>) {
        if c.is_some() && self.cur > 0 {
            self.cur -= 1;
        }
    }

    // ---------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------

    /// `_syntaxerror_range`: records a SyntaxError located at the current line; the
    /// offset defaults to the characters read on it.
    fn raise_syntax(&mut self, msg: String, col: Option<i64>, end_col: Option<i64>) -> Token {
        if self.done != Done::Error && self.error.is_none() {
            let ls = self.line_start.min(self.buf.len());
            let read = self.cur.saturating_sub(ls) as i64;
            let col = col.unwrap_or(read);
            let end_col = end_col.unwrap_or(col);
            let line_end = self.buf[ls..]
                .iter()
                .position(|&c| c == '\n' || c == '\0')
                .map_or(self.buf.len(), |i| ls + i);
            self.error = Some(SyntaxErr {
                msg,
                lineno: self.lineno,
                offset: col,
                text: self.text(ls, line_end),
                end_offset: end_col,
            });
        }
        self.done = Done::Error;
        self.error_token()
    }

    fn error_token(&self) -> Token {
        Token { kind: ERRORTOKEN, start: None, end: None }
    }

    /// `_PyTokenizer_parser_warn`.
    fn warn(&mut self, host: &mut dyn Host, msg: String) -> Result<(), ()> {
        match host.warn(&msg, self.lineno) {
            WarnOutcome::Ignored => Ok(()),
            WarnOutcome::AsError => {
                self.raise_syntax(msg, None, None);
                Err(())
            }
            WarnOutcome::Failed => {
                self.host_error = true;
                self.done = Done::Error;
                Err(())
            }
        }
    }

    fn token(&self, kind: u8, start: usize, end: usize) -> Token {
        Token { kind, start: Some(start), end: Some(end) }
    }

    // ---------------------------------------------------------------------------------
    // Tokens
    // ---------------------------------------------------------------------------------

    /// `_PyTokenizer_Get`.
    pub fn next_token(&mut self, host: &mut dyn Host) -> Token {
        let t = if self.modes.last().is_some_and(|m| m.fstring) {
            self.fstring_mode(host)
        } else {
            self.regular_mode(host)
        };
        if self.decoding_erred {
            self.done = Done::Decode;
            return self.error_token();
        }
        t
    }

    /// Measures the indentation of a new line and queues INDENT/DEDENT tokens; returns
    /// whether the line is blank (only whitespace and a comment), or the error token.
    fn indentation(&mut self, host: &mut dyn Host) -> Result<bool, Token> {
        self.atbol = false;
        let (mut col, mut altcol, mut cont_col) = (0usize, 0usize, 0usize);
        let c = loop {
            let c = self.nextc(host);
            match c {
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                Some('\\') => {
                    // A backslash in the indentation: the first one fixes the level.
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    if self.continuation_line(host).is_err() {
                        return Err(self.error_token());
                    }
                }
                _ => break c,
            }
        };
        self.backup(c);
        let blank = matches!(c, Some('#' | '\n' | '\r'));
        if blank || self.level != 0 {
            return Ok(blank);
        }
        if cont_col != 0 {
            col = cont_col;
            altcol = cont_col;
        }
        let top = self.indstack.len() - 1;
        if col == self.indstack[top] {
            if altcol != self.altindstack[top] {
                return Err(self.indent_error());
            }
        } else if col > self.indstack[top] {
            if top + 1 >= MAX_INDENT {
                self.done = Done::TooDeep;
                self.cur = self.buf.len();
                return Err(self.error_token());
            }
            if altcol <= self.altindstack[top] {
                return Err(self.indent_error());
            }
            self.pendin += 1;
            self.indstack.push(col);
            self.altindstack.push(altcol);
        } else {
            while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                self.pendin -= 1;
                self.indstack.pop();
                self.altindstack.pop();
            }
            let top = self.indstack.len() - 1;
            if col != self.indstack[top] {
                self.done = Done::Dedent;
                self.cur = self.buf.len();
                return Err(self.error_token());
            }
            if altcol != self.altindstack[top] {
                return Err(self.indent_error());
            }
        }
        Ok(false)
    }

    /// `_PyTokenizer_indenterror`.
    fn indent_error(&mut self) -> Token {
        self.done = Done::TabSpace;
        self.cur = self.buf.len();
        self.error_token()
    }

    /// After a backslash: the newline it escapes, and a peek past it.
    fn continuation_line(&mut self, host: &mut dyn Host) -> Result<(), ()> {
        let mut c = self.nextc(host);
        if c == Some('\r') {
            c = self.nextc(host);
        }
        if c != Some('\n') {
            self.done = Done::LineCont;
            return Err(());
        }
        let c = self.nextc(host);
        if c.is_none() {
            self.done = Done::Eof;
            self.cur = self.buf.len();
            return Err(());
        }
        self.backup(c);
        Ok(())
    }

    /// `tok_get_normal_mode`.
    fn regular_mode(&mut self, host: &mut dyn Host) -> Token {
        'nextline: loop {
            self.start = None;
            let mut blankline = false;
            if self.atbol {
                match self.indentation(host) {
                    Ok(b) => blankline = b,
                    Err(t) => return t,
                }
            }
            self.start = Some(self.cur);
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return if self.extra_tokens {
                        self.token(DEDENT, self.cur, self.cur)
                    } else {
                        Token { kind: DEDENT, start: None, end: None }
                    };
                }
                self.pendin -= 1;
                return if self.extra_tokens {
                    self.token(INDENT, 0, self.cur)
                } else {
                    Token { kind: INDENT, start: None, end: None }
                };
            }
            let c = self.nextc(host);
            self.backup(c);

            'again: loop {
                self.start = None;
                let mut c = loop {
                    let c = self.nextc(host);
                    if !matches!(c, Some(' ' | '\t' | '\x0c')) {
                        break c;
                    }
                };
                let start = self.cur.saturating_sub(1);
                self.start = Some(start);

                if c == Some('#') {
                    while !matches!(c, None | Some('\n' | '\r')) {
                        c = self.nextc(host);
                    }
                    if self.extra_tokens {
                        self.backup(c);
                        self.comment_newline = blankline;
                        return self.token(COMMENT, start, self.cur);
                    }
                }

                let Some(ch) = c else {
                    if self.level > 0 || self.done != Done::Eof {
                        return self.error_token();
                    }
                    return Token { kind: ENDMARKER, start: None, end: None };
                };

                if is_ident_start(ch) {
                    return self.name_or_string(host, ch, start);
                }

                let mut c = c;
                if c == Some('\r') {
                    c = self.nextc(host);
                }
                if c == Some('\n') {
                    self.atbol = true;
                    if blankline || self.level > 0 {
                        if self.extra_tokens {
                            self.comment_newline = false;
                            return self.token(NL, start, self.cur);
                        }
                        continue 'nextline;
                    }
                    if self.comment_newline && self.extra_tokens {
                        self.comment_newline = false;
                        return self.token(NL, start, self.cur);
                    }
                    return self.token(NEWLINE, start, self.cur - 1);
                }
                let Some(ch) = c else {
                    // A lone '\r' at the end of input.
                    return self.operator(host, None, start);
                };

                if ch == '.' {
                    let c = self.nextc(host);
                    if is_digit(c) {
                        return self.number_tail(host, c, NumTail::Fraction, start);
                    }
                    if c == Some('.') {
                        let c3 = self.nextc(host);
                        if c3 == Some('.') {
                            return self.token(ELLIPSIS, start, self.cur);
                        }
                        self.backup(c3);
                    }
                    self.backup(c);
                    return self.token(DOT, start, self.cur);
                }

                if ch.is_ascii_digit() {
                    return self.number(host, ch, start);
                }

                if ch == '\'' || ch == '"' {
                    return self.string(host, ch, start);
                }

                if ch == '\\' {
                    if self.continuation_line(host).is_err() {
                        return self.error_token();
                    }
                    continue 'again;
                }

                return self.operator(host, Some(ch), start);
            }
        }
    }

    /// Identifiers, and string prefixes followed by a quote.
    fn name_or_string(&mut self, host: &mut dyn Host, first: char, start: usize) -> Token {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        let mut c = Some(first);
        loop {
            match c {
                Some('b' | 'B') if !(saw_b || saw_u || saw_f) => saw_b = true,
                Some('u' | 'U') if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                Some('r' | 'R') if !(saw_r || saw_u) => saw_r = true,
                Some('f' | 'F') if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            c = self.nextc(host);
            if let Some(q @ ('"' | '\'')) = c {
                return if saw_f { self.fstring_start(host, q, start) } else { self.string(host, q, start) };
            }
        }
        let mut nonascii = false;
        while let Some(ch) = c.filter(|&ch| is_ident_char(ch)) {
            nonascii |= !ch.is_ascii();
            c = self.nextc(host);
        }
        self.backup(c);
        if nonascii && !self.extra_tokens && !self.verify_identifier(start) {
            return self.error_token();
        }
        self.token(NAME, start, self.cur)
    }

    /// `verify_identifier` (PEP 3131), only checked without extra tokens.
    fn verify_identifier(&mut self, start: usize) -> bool {
        let chars: Vec<char> = self.chars(start, self.cur).to_vec();
        let bad = chars.iter().enumerate().position(|(i, &c)| {
            if i == 0 {
                !(c == '_' || c.is_alphabetic())
            } else {
                !(c == '_' || c.is_alphanumeric() || is_combining(c))
            }
        });
        let Some(i) = bad else { return true };
        let ch = chars[i];
        if i + 1 < chars.len() {
            self.cur = start + i + 1;
        }
        let cp = crate::objects::str::code_point(ch);
        let msg = if crate::objects::str::is_printable(ch) {
            format!("invalid character '{ch}' (U+{cp:04X})")
        } else {
            format!("invalid non-printable character U+{cp:04X}")
        };
        self.raise_syntax(msg, None, None);
        false
    }

    /// Operators, brackets and f-string punctuation.
    fn operator(&mut self, host: &mut dyn Host, c: Option<char>, start: usize) -> Token {
        let Some(ch) = c else {
            return self.token(OP, start, self.cur);
        };
        let fs = self.inside_fstring();
        if matches!(ch, ':' | '}' | '!' | '{') && fs && self.mode().in_expr() {
            let m = self.mode();
            let cursor = m.curly_depth - i32::from(ch != '{');
            if ch == ':' && cursor == m.expr_start_depth {
                m.fstring = true;
                m.in_format_spec = true;
                return self.token(COLON, start, self.cur);
            }
        }

        let c2 = self.nextc(host);
        let two = two_chars(ch, c2);
        if two != OP {
            let c3 = self.nextc(host);
            let three = three_chars(ch, c2, c3);
            if three != OP {
                return self.token(three, start, self.cur);
            }
            self.backup(c3);
            return self.token(two, start, self.cur);
        }
        self.backup(c2);

        match ch {
            '(' | '[' | '{' => {
                if self.level >= MAX_LEVEL {
                    return self.raise_syntax("too many nested parentheses".into(), None, None);
                }
                self.parenstack.push((ch, self.lineno));
                self.level += 1;
                if fs {
                    self.mode().curly_depth += 1;
                }
            }
            ')' | ']' | '}' => {
                if fs && ch == '}' && self.mode().curly_depth == 0 {
                    return self.raise_syntax("f-string: single '}' is not allowed".into(), None, None);
                }
                if !self.extra_tokens && self.level == 0 {
                    return self.raise_syntax(format!("unmatched '{ch}'"), None, None);
                }
                if self.level > 0 {
                    self.level -= 1;
                    let (opening, open_line) = self.parenstack.pop().unwrap_or(('(', 0));
                    let matched = matches!((opening, ch), ('(', ')') | ('[', ']') | ('{', '}'));
                    if !self.extra_tokens && !matched {
                        if fs && opening == '{' {
                            let m = self.mode();
                            if m.curly_depth - 1 == m.expr_start_depth {
                                return self.raise_syntax(format!("f-string: unmatched '{ch}'"), None, None);
                            }
                        }
                        let msg = if open_line != self.lineno {
                            format!("closing parenthesis '{ch}' does not match opening parenthesis '{opening}' on line {open_line}")
                        } else {
                            format!("closing parenthesis '{ch}' does not match opening parenthesis '{opening}'")
                        };
                        return self.raise_syntax(msg, None, None);
                    }
                }
                if fs {
                    let m = self.mode();
                    m.curly_depth -= 1;
                    if m.curly_depth < 0 {
                        return self.raise_syntax(format!("f-string: unmatched '{ch}'"), None, None);
                    }
                    if ch == '}' && m.curly_depth == m.expr_start_depth {
                        m.expr_start_depth -= 1;
                        m.fstring = true;
                        m.in_format_spec = false;
                        m.debug = false;
                    }
                }
            }
            _ => {}
        }

        if !(' '..='~').contains(&ch) && ch.is_ascii() {
            return self.raise_syntax(
                format!("invalid non-printable character U+{:04X}", ch as u32),
                None,
                None,
            );
        }
        if ch == '=' && self.mode().in_expr() {
            self.mode().debug = true;
        }
        self.token(one_char(ch), start, self.cur)
    }

    // ---------------------------------------------------------------------------------
    // Numbers
    // ---------------------------------------------------------------------------------

    /// Digits with single underscores between them (`tok_decimal_tail`); returns the
    /// character after them.
    fn decimal_tail(&mut self, host: &mut dyn Host) -> Step {
        loop {
            let mut c = self.nextc(host);
            while is_digit(c) {
                c = self.nextc(host);
            }
            if c != Some('_') {
                return Ok(c);
            }
            let c = self.nextc(host);
            if !is_digit(c) {
                self.backup(c);
                self.raise_syntax("invalid decimal literal".into(), None, None);
                return Err(());
            }
        }
    }

    /// `lookahead`: whether `word` follows and then no identifier character.
    fn lookahead(&mut self, host: &mut dyn Host, word: &str) -> bool {
        let mut read = Vec::new();
        let mut result = false;
        for expected in word.chars() {
            let c = self.nextc(host);
            read.push(c);
            if c != Some(expected) {
                break;
            }
        }
        if read.len() == word.chars().count() && read.last().copied().flatten() == word.chars().last() {
            let c = self.nextc(host);
            result = !c.is_some_and(is_ident_char);
            read.push(c);
        }
        for c in read.into_iter().rev() {
            self.backup(c);
        }
        result
    }

    /// `verify_end_of_number`: what may follow a number literal (checked only without
    /// extra tokens).
    fn verify_end_of_number(&mut self, host: &mut dyn Host, c: Option<char>, kind: &str) -> Result<(), ()> {
        if self.extra_tokens {
            return Ok(());
        }
        let keyword = match c {
            Some('a') => self.lookahead(host, "nd"),
            Some('e') => self.lookahead(host, "lse"),
            Some('f') => self.lookahead(host, "or"),
            Some('i') => {
                let c2 = self.nextc(host);
                self.backup(c2);
                matches!(c2, Some('f' | 'n' | 's'))
            }
            Some('o') => self.lookahead(host, "r"),
            Some('n') => self.lookahead(host, "ot"),
            _ => false,
        };
        if keyword {
            self.backup(c);
            self.warn(host, format!("invalid {kind} literal"))?;
            self.nextc(host);
        } else if c.is_some_and(|ch| ch.is_ascii() && is_ident_char(ch)) {
            self.backup(c);
            self.raise_syntax(format!("invalid {kind} literal"), None, None);
            return Err(());
        }
        Ok(())
    }

    /// Digits of a prefixed literal (`0x`, `0o`, `0b`) after the prefix.
    fn radix_digits(&mut self, host: &mut dyn Host, kind: &str, is_valid: fn(char) -> bool) -> Step {
        let mut c = self.nextc(host);
        loop {
            if c == Some('_') {
                c = self.nextc(host);
            }
            if !c.is_some_and(is_valid) {
                if kind != "hexadecimal" && is_digit(c) {
                    let d = c.unwrap_or('0');
                    self.raise_syntax(format!("invalid digit '{d}' in {kind} literal"), None, None);
                } else {
                    self.backup(c);
                    self.raise_syntax(format!("invalid {kind} literal"), None, None);
                }
                return Err(());
            }
            while c.is_some_and(is_valid) {
                c = self.nextc(host);
            }
            if c != Some('_') {
                break;
            }
        }
        if kind != "hexadecimal" && is_digit(c) {
            let d = c.unwrap_or('0');
            self.raise_syntax(format!("invalid digit '{d}' in {kind} literal"), None, None);
            return Err(());
        }
        self.verify_end_of_number(host, c, kind)?;
        Ok(c)
    }

    fn number(&mut self, host: &mut dyn Host, first: char, start: usize) -> Token {
        if first != '0' {
            return match self.decimal_tail(host) {
                Ok(c) => self.number_tail(host, c, NumTail::Integer, start),
                Err(()) => self.error_token(),
            };
        }
        let c = self.nextc(host);
        let radix = match c {
            Some('x' | 'X') => Some(("hexadecimal", (|c: char| c.is_ascii_hexdigit()) as fn(char) -> bool)),
            Some('o' | 'O') => Some(("octal", (|c: char| ('0'..='7').contains(&c)) as fn(char) -> bool)),
            Some('b' | 'B') => Some(("binary", (|c: char| c == '0' || c == '1') as fn(char) -> bool)),
            _ => None,
        };
        if let Some((kind, valid)) = radix {
            return match self.radix_digits(host, kind, valid) {
                Ok(c) => {
                    self.backup(c);
                    self.token(NUMBER, start, self.cur)
                }
                Err(()) => self.error_token(),
            };
        }
        // Zeros, possibly an old-style octal, or a float or imaginary starting with 0.
        let mut c = c;
        loop {
            if c == Some('_') {
                c = self.nextc(host);
                if !is_digit(c) {
                    self.backup(c);
                    return self.raise_syntax("invalid decimal literal".into(), None, None);
                }
            }
            if c != Some('0') {
                break;
            }
            c = self.nextc(host);
        }
        let zeros_end = self.cur;
        let mut nonzero = false;
        if is_digit(c) {
            nonzero = true;
            c = match self.decimal_tail(host) {
                Ok(c) => c,
                Err(()) => return self.error_token(),
            };
        }
        match c {
            Some('.') => {
                let c = self.nextc(host);
                self.number_tail(host, c, NumTail::Fraction, start)
            }
            Some('e' | 'E' | 'j' | 'J') => self.number_tail(host, c, NumTail::Suffix, start),
            _ if nonzero && !self.extra_tokens => {
                self.backup(c);
                // CPython gives this range in bytes.
                let col = self.utf8_len(self.line_start, start) as i64 + 1;
                let end = self.utf8_len(self.line_start, zeros_end) as i64;
                self.raise_syntax(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                        .into(),
                    Some(col),
                    Some(end),
                )
            }
            _ => {
                if self.verify_end_of_number(host, c, "decimal").is_err() {
                    return self.error_token();
                }
                self.backup(c);
                self.token(NUMBER, start, self.cur)
            }
        }
    }

    /// The rest of a decimal literal: fraction, exponent, imaginary suffix.
    fn number_tail(&mut self, host: &mut dyn Host, c: Option<char>, from: NumTail, start: usize) -> Token {
        match self.number_tail_inner(host, c, from) {
            Ok(c) => {
                self.backup(c);
                self.token(NUMBER, start, self.cur)
            }
            Err(Some(t)) => t,
            Err(None) => self.error_token(),
        }
    }

    /// Returns the character after the literal, or `Err(Some(token))` when the literal
    /// ends before an `e` that starts no exponent.
    fn number_tail_inner(&mut self, host: &mut dyn Host, c: Option<char>, from: NumTail) -> Result<Option<char>, Option<Token>> {
        let mut c = c;
        let mut stage = from;
        if stage == NumTail::Integer && c == Some('.') {
            c = self.nextc(host);
            stage = NumTail::Fraction;
        }
        if stage == NumTail::Fraction && is_digit(c) {
            c = self.decimal_tail(host).map_err(|()| None)?;
        }
        if let Some(e @ ('e' | 'E')) = c {
            c = self.nextc(host);
            if matches!(c, Some('+' | '-')) {
                c = self.nextc(host);
                if !is_digit(c) {
                    self.backup(c);
                    self.raise_syntax("invalid decimal literal".into(), None, None);
                    return Err(None);
                }
            } else if !is_digit(c) {
                self.backup(c);
                self.verify_end_of_number(host, Some(e), "decimal").map_err(|()| None)?;
                self.backup(Some(e));
                let start = self.start.unwrap_or(0);
                return Err(Some(self.token(NUMBER, start, self.cur)));
            }
            c = self.decimal_tail(host).map_err(|()| None)?;
        }
        if matches!(c, Some('j' | 'J')) {
            c = self.nextc(host);
            self.verify_end_of_number(host, c, "imaginary").map_err(|()| None)?;
        } else {
            self.verify_end_of_number(host, c, "decimal").map_err(|()| None)?;
        }
        Ok(c)
    }

    // ---------------------------------------------------------------------------------
    // Strings
    // ---------------------------------------------------------------------------------

    /// A string literal (not an f-string); the opening quote has been read.
    fn string(&mut self, host: &mut dyn Host, quote: char, start: usize) -> Token {
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut escaped_quote = false;
        let c = self.nextc(host);
        let mut pending = c;
        if c == Some(quote) {
            let c2 = self.nextc(host);
            if c2 == Some(quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
            pending = c2;
        }
        if pending != Some(quote) {
            self.backup(pending);
        }
        while end_quote_size != quote_size {
            let c = self.nextc(host);
            if self.done == Done::Error {
                return self.error_token();
            }
            if self.done == Done::Decode {
                break;
            }
            if c.is_none() || (quote_size == 1 && c == Some('\n')) {
                return self.unterminated_string(quote, quote_size, c, escaped_quote);
            }
            if c == Some(quote) {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            if c == Some('\\') {
                let mut e = self.nextc(host);
                if e == Some(quote) {
                    escaped_quote = true;
                }
                if e == Some('\r') {
                    e = self.nextc(host);
                }
                let _ = e;
            }
        }
        self.token(STRING, start, self.cur)
    }

    fn unterminated_string(&mut self, quote: char, quote_size: usize, c: Option<char>, escaped_quote: bool) -> Token {
        let start = self.start.unwrap_or(0);
        self.cur = start + 1;
        self.line_start = self.multi_line_start;
        let detected = self.lineno;
        self.lineno = self.first_lineno;
        if self.inside_fstring() {
            let m = self.modes.last().cloned().unwrap_or_else(Mode::regular);
            if m.quote == quote && m.quote_size == quote_size {
                return self.raise_syntax("f-string: expecting '}'".into(), None, None);
            }
        }
        let t = if quote_size == 3 {
            self.raise_syntax(
                format!("unterminated triple-quoted string literal (detected at line {detected})"),
                None,
                None,
            )
        } else if escaped_quote {
            self.raise_syntax(
                format!(
                    "unterminated string literal (detected at line {detected}); perhaps you escaped the end quote?"
                ),
                None,
                None,
            )
        } else {
            self.raise_syntax(format!("unterminated string literal (detected at line {detected})"), None, None)
        };
        if c != Some('\n') {
            self.done = if quote_size == 3 { Done::Eofs } else { Done::Eols };
        }
        t
    }

    /// FSTRING_START: pushes the f-string's mode.
    fn fstring_start(&mut self, host: &mut dyn Host, quote: char, start: usize) -> Token {
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;
        let mut quote_size = 1;
        let after = self.nextc(host);
        if after == Some(quote) {
            let after2 = self.nextc(host);
            if after2 == Some(quote) {
                quote_size = 3;
            } else {
                self.backup(after2);
                self.backup(after);
            }
        } else {
            self.backup(after);
        }
        if self.modes.len() >= MAX_FSTRING_LEVEL {
            return self.raise_syntax("too many nested f-strings".into(), None, None);
        }
        let first = self.char_at(start).unwrap_or('f');
        let raw = match first {
            'f' | 'F' => matches!(self.char_at(start + 1), Some('r' | 'R')),
            _ => true,
        };
        self.modes.push(Mode {
            fstring: true,
            quote,
            quote_size,
            raw,
            start,
            multi_line_start: self.line_start,
            line_start_lineno: self.lineno,
            curly_depth: 0,
            expr_start_depth: -1,
            in_format_spec: false,
            debug: false,
        });
        self.token(FSTRING_START, start, self.cur)
    }

    /// `tok_get_fstring_mode`: the literal parts of an f-string and its end.
    fn fstring_mode(&mut self, host: &mut dyn Host) -> Token {
        let start = self.cur;
        self.start = Some(start);
        self.first_lineno = self.lineno;
        let first = self.nextc(host);
        if first == Some('{') {
            let peek = self.nextc(host);
            self.backup(peek);
            self.backup(first);
            if peek != Some('{') {
                let m = self.mode();
                m.expr_start_depth += 1;
                if m.expr_start_depth >= MAX_EXPR_NESTING {
                    return self.raise_syntax("f-string: expressions nested too deeply".into(), None, None);
                }
                self.mode().fstring = false;
                return self.regular_mode(host);
            }
        } else {
            self.backup(first);
        }

        let m = self.modes.last().cloned().unwrap_or_else(Mode::regular);
        let mut closing = 0;
        while closing < m.quote_size {
            let q = self.nextc(host);
            if q != Some(m.quote) {
                self.backup(q);
                break;
            }
            closing += 1;
        }
        if closing == m.quote_size {
            self.modes.pop();
            return self.token(FSTRING_END, start, self.cur);
        }
        // Quotes that did not close the f-string stay read: they begin its literal part.
        self.fstring_middle(host, start)
    }

    fn fstring_middle(&mut self, host: &mut dyn Host, start: usize) -> Token {
        self.multi_line_start = self.line_start;
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        loop {
            let m = self.modes.last().cloned().unwrap_or_else(Mode::regular);
            if end_quote_size == m.quote_size {
                break;
            }
            let c = self.nextc(host);
            if self.done == Done::Error || self.done == Done::Decode {
                return self.error_token();
            }
            let in_format_spec = m.in_format_spec && m.in_expr();
            if c.is_none() || (m.quote_size == 1 && c == Some('\n')) {
                if self.decoding_erred {
                    return self.error_token();
                }
                if in_format_spec && c == Some('\n') {
                    self.backup(c);
                    let md = self.mode();
                    md.fstring = false;
                    md.in_format_spec = false;
                    return self.token(FSTRING_MIDDLE, start, self.cur);
                }
                self.cur = m.start + 1;
                self.line_start = m.multi_line_start;
                let detected = self.lineno;
                self.lineno = m.line_start_lineno;
                if m.quote_size == 3 {
                    let t = self.raise_syntax(
                        format!("unterminated triple-quoted f-string literal (detected at line {detected})"),
                        None,
                        None,
                    );
                    if c != Some('\n') {
                        self.done = Done::Eofs;
                    }
                    return t;
                }
                return self.raise_syntax(
                    format!("unterminated f-string literal (detected at line {detected})"),
                    None,
                    None,
                );
            }
            let ch = c.unwrap_or('\0');
            if ch == m.quote {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            match ch {
                '{' => {
                    let peek = self.nextc(host);
                    if peek != Some('{') || in_format_spec {
                        self.backup(peek);
                        self.backup(c);
                        let md = self.mode();
                        md.expr_start_depth += 1;
                        if md.expr_start_depth >= MAX_EXPR_NESTING {
                            return self.raise_syntax("f-string: expressions nested too deeply".into(), None, None);
                        }
                        let md = self.mode();
                        md.fstring = false;
                        md.in_format_spec = false;
                        return self.token(FSTRING_MIDDLE, start, self.cur);
                    }
                    return self.token(FSTRING_MIDDLE, start, self.cur - 1);
                }
                '}' => {
                    if unicode_escape {
                        return self.token(FSTRING_MIDDLE, start, self.cur);
                    }
                    let peek = self.nextc(host);
                    if peek == Some('}') && !in_format_spec && m.curly_depth == 0 {
                        return self.token(FSTRING_MIDDLE, start, self.cur - 1);
                    }
                    self.backup(peek);
                    self.backup(c);
                    let md = self.mode();
                    md.fstring = false;
                    md.in_format_spec = false;
                    return self.token(FSTRING_MIDDLE, start, self.cur);
                }
                '\\' => {
                    let mut peek = self.nextc(host);
                    if peek == Some('\r') {
                        peek = self.nextc(host);
                    }
                    if matches!(peek, Some('{' | '}')) {
                        if !m.raw {
                            let p = peek.unwrap_or('{');
                            if self.warn(host, format!("invalid escape sequence '\\{p}'")).is_err() {
                                return self.error_token();
                            }
                        }
                        self.backup(peek);
                        continue;
                    }
                    if !m.raw && peek == Some('N') {
                        let p2 = self.nextc(host);
                        if p2 == Some('{') {
                            unicode_escape = true;
                        } else {
                            self.backup(p2);
                        }
                    }
                }
                _ => {}
            }
        }
        // The closing quotes end the literal part; they are read again as FSTRING_END.
        let size = self.modes.last().map_or(0, |m| m.quote_size);
        self.cur = self.cur.saturating_sub(size);
        self.token(FSTRING_MIDDLE, start, self.cur)
    }
}

/// Combining marks, variation selectors and connector punctuation that `str.isidentifier`
/// accepts after the first character (a subset of XID_Continue beyond
/// `char::is_alphanumeric`).
///
/// NOTE: Taipan has no Unicode property tables for XID_Start/XID_Continue yet; this check
/// only runs without `extra_tokens` (never for `tokenize`).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0xFE20..=0xFE2F | 0x203F | 0x2040 | 0x2054 | 0xFE33 | 0xFE34 | 0xFE4D..=0xFE4F | 0xFF3F | 0x00B7 | 0x0387)
}
