//! The SRE matching engine.  Mirrors CPython's `Modules/_sre/sre_lib.h` (`SRE(match)`,
//! `SRE(search)`, `SRE(count)`) over the code lists `Lib/re/_compiler.py` produces.
//!
//! Design: a backtracking interpreter whose only stack is an explicit `Vec<Entry>`, so
//! no pattern and no subject length can overflow the Rust stack.  Every change to the
//! match state (marks, `lastindex`, repeat counters) pushes an `Undo` entry; a choice
//! point (a BRANCH alternative, one fewer REPEAT_ONE item, one more MIN_UNTIL iteration,
//! ...) pushes an alternative entry.  Failing pops entries, undoing changes, until an
//! alternative resumes.  ASSERT, ASSERT_NOT, ATOMIC_GROUP and POSSESSIVE_REPEAT push a
//! `Barrier`; reaching their SUCCESS "cuts" the alternatives above the barrier (keeping
//! its undo entries, so later failures still restore the marks set inside).
//!
//! Invariant: `frames` holds the stack indexes of the live barriers, innermost last; a
//! SUCCESS inside a body always belongs to the innermost one (bodies nest lexically).

use super::charset::{self, category, char_loc_ignore, in_charset, in_charset_loc_ignore};

/// The opcodes of `Lib/re/_constants.py` (MAGIC 20230612), and the AT codes.
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;

    pub const AT_BEGINNING: u32 = 0;
    pub const AT_BEGINNING_LINE: u32 = 1;
    pub const AT_BEGINNING_STRING: u32 = 2;
    pub const AT_BOUNDARY: u32 = 3;
    pub const AT_NON_BOUNDARY: u32 = 4;
    pub const AT_END: u32 = 5;
    pub const AT_END_LINE: u32 = 6;
    pub const AT_END_STRING: u32 = 7;
    pub const AT_LOC_BOUNDARY: u32 = 8;
    pub const AT_LOC_NON_BOUNDARY: u32 = 9;
    pub const AT_UNI_BOUNDARY: u32 = 10;
    pub const AT_UNI_NON_BOUNDARY: u32 = 11;
}

/// `MAXREPEAT` of a 4-byte code word.
pub const MAXREPEAT: u32 = u32::MAX;

/// The result of a successful match: the span and every mark.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub marks: Vec<Option<usize>>,
    pub lastindex: isize,
}

impl Found {
    /// The span of group `g` (0 is the whole match), if it took part in the match.
    pub fn span(&self, g: usize) -> Option<(usize, usize)> {
        if g == 0 {
            return Some((self.start, self.end));
        }
        match (self.marks.get(2 * g - 2), self.marks.get(2 * g - 1)) {
            (Some(Some(a)), Some(Some(b))) if a <= b => Some((*a, *b)),
            _ => None,
        }
    }
}

/// One `REPEAT` in progress (CPython's `SRE_REPEAT`).
struct Repeat {
    count: isize,
    /// Index of the REPEAT's skip word.
    pattern: usize,
    prev: Option<usize>,
    last_pos: Option<usize>,
}

enum Undo {
    Mark(usize, Option<usize>),
    LastIndex(isize),
    CurRep(Option<usize>),
    RepCount(usize, isize),
    RepLast(usize, Option<usize>),
    RepTruncate(usize),
}

enum Frame {
    /// ASSERT: on success continue at `tail` from `pos`.
    Assert,
    AssertNot,
    Atomic,
    /// One iteration of POSSESSIVE_REPEAT `count` iterations in.
    Possessive { count: u32, min: u32, max: u32, body: usize },
}

enum Entry {
    Undo(Undo),
    Branch { next: usize, pos: usize },
    RepeatOne { tail: usize, start: usize, count: usize, min: usize, lit: Option<u32> },
    MinRepeatOne { tail: usize, item: usize, pos: usize, count: usize, max: usize },
    MaxUntilTail { pos: usize, tail: usize },
    MinUntilMore { rep: usize, pos: usize },
    Barrier { frame: Frame, pos: usize, tail: usize },
}

pub struct Engine<'a> {
    code: &'a [u32],
    text: &'a [u32],
    end: usize,
    match_all: bool,
    must_advance: bool,
    start: usize,
    marks: Vec<Option<usize>>,
    lastindex: isize,
    reps: Vec<Repeat>,
    cur_rep: Option<usize>,
    stack: Vec<Entry>,
    frames: Vec<usize>,
}

impl<'a> Engine<'a> {
    pub fn new(code: &'a [u32], text: &'a [u32], end: usize, groups: usize) -> Engine<'a> {
        Engine {
            code,
            text,
            end: end.min(text.len()),
            match_all: false,
            must_advance: false,
            start: 0,
            marks: vec![None; 2 * groups],
            lastindex: -1,
            reps: Vec::new(),
            cur_rep: None,
            stack: Vec::new(),
            frames: Vec::new(),
        }
    }

    #[inline]
    fn c(&self, i: usize) -> u32 {
        self.code.get(i).copied().unwrap_or(op::FAILURE)
    }

    #[inline]
    fn ch(&self, pos: usize) -> u32 {
        self.text.get(pos).copied().unwrap_or(0)
    }

    /// The first code word after the INFO block.
    fn body_start(&self) -> usize {
        if self.c(0) == op::INFO {
            1 + self.c(1) as usize
        } else {
            0
        }
    }

    fn reset(&mut self) {
        self.marks.iter_mut().for_each(|m| *m = None);
        self.lastindex = -1;
        self.reps.clear();
        self.cur_rep = None;
        self.stack.clear();
        self.frames.clear();
    }

    fn found(&self, start: usize, end: usize) -> Found {
        Found { start, end, marks: self.marks.clone(), lastindex: self.lastindex }
    }

    /// `pattern.match` / `fullmatch` at `pos` (CPython's `sre_match`).
    pub fn match_at(&mut self, pos: usize, match_all: bool, must_advance: bool) -> Option<Found> {
        if pos > self.end {
            return None;
        }
        self.match_all = match_all;
        self.must_advance = must_advance;
        self.reset();
        let pc = self.body_start();
        self.run(pc, pos).map(|e| self.found(pos, e))
    }

    /// `pattern.search` from `pos` (CPython's `sre_search`).
    pub fn search(&mut self, pos: usize, must_advance: bool) -> Option<Found> {
        if pos > self.end {
            return None;
        }
        self.match_all = false;
        let pc = self.body_start();
        // Fast paths: a pattern anchored at the beginning, or starting with a literal.
        let anchored = self.c(pc) == op::AT && matches!(self.c(pc + 1), op::AT_BEGINNING | op::AT_BEGINNING_STRING);
        let first_lit = if self.c(pc) == op::LITERAL { Some(self.c(pc + 1)) } else { None };
        let mut p = pos;
        loop {
            let skip = first_lit.is_some_and(|l| p >= self.end || self.ch(p) != l);
            if !skip {
                self.must_advance = must_advance && p == pos;
                self.reset();
                if let Some(e) = self.run(pc, p) {
                    return Some(self.found(p, e));
                }
            }
            if anchored || p >= self.end {
                return None;
            }
            p += 1;
        }
    }

    fn set_mark(&mut self, i: usize, pos: usize) {
        if i >= self.marks.len() {
            return;
        }
        if i & 1 == 1 {
            self.stack.push(Entry::Undo(Undo::LastIndex(self.lastindex)));
            self.lastindex = (i / 2 + 1) as isize;
        }
        self.stack.push(Entry::Undo(Undo::Mark(i, self.marks[i])));
        self.marks[i] = Some(pos);
    }

    fn set_cur_rep(&mut self, r: Option<usize>) {
        self.stack.push(Entry::Undo(Undo::CurRep(self.cur_rep)));
        self.cur_rep = r;
    }

    fn set_rep_count(&mut self, r: usize, count: isize) {
        if let Some(rep) = self.reps.get_mut(r) {
            self.stack.push(Entry::Undo(Undo::RepCount(r, rep.count)));
            rep.count = count;
        }
    }

    fn set_rep_last(&mut self, r: usize, pos: usize) {
        if let Some(rep) = self.reps.get_mut(r) {
            self.stack.push(Entry::Undo(Undo::RepLast(r, rep.last_pos)));
            rep.last_pos = Some(pos);
        }
    }

    fn apply(&mut self, u: Undo) {
        match u {
            Undo::Mark(i, v) => {
                if let Some(m) = self.marks.get_mut(i) {
                    *m = v;
                }
            }
            Undo::LastIndex(v) => self.lastindex = v,
            Undo::CurRep(v) => self.cur_rep = v,
            Undo::RepCount(r, v) => {
                if let Some(rep) = self.reps.get_mut(r) {
                    rep.count = v;
                }
            }
            Undo::RepLast(r, v) => {
                if let Some(rep) = self.reps.get_mut(r) {
                    rep.last_pos = v;
                }
            }
            Undo::RepTruncate(n) => self.reps.truncate(n),
        }
    }

    /// Removes the alternatives above the innermost barrier and the barrier itself,
    /// keeping the undo entries; returns the barrier.
    fn cut(&mut self) -> Option<(Frame, usize, usize)> {
        let b = self.frames.pop()?;
        let above: Vec<Entry> = self.stack.drain(b + 1..).filter(|e| matches!(e, Entry::Undo(_))).collect();
        let barrier = self.stack.pop();
        self.stack.extend(above);
        match barrier {
            Some(Entry::Barrier { frame, pos, tail }) => Some((frame, pos, tail)),
            _ => None,
        }
    }

    /// Pops entries, undoing changes, until an alternative resumes; returns the new
    /// `(pc, pos)` or None when the match attempt failed.
    fn backtrack(&mut self) -> Option<(usize, usize)> {
        while let Some(e) = self.stack.pop() {
            match e {
                Entry::Undo(u) => self.apply(u),
                Entry::Branch { next, pos } => {
                    // `next` is the skip word of the alternative to try.
                    let skip = self.c(next) as usize;
                    if skip == 0 {
                        continue;
                    }
                    let after = next + skip;
                    if self.c(after) != 0 {
                        self.stack.push(Entry::Branch { next: after, pos });
                    }
                    return Some((next + 1, pos));
                }
                Entry::RepeatOne { tail, start, mut count, min, lit } => {
                    loop {
                        if count <= min {
                            break;
                        }
                        count -= 1;
                        match lit {
                            Some(l) if start + count >= self.end || self.ch(start + count) != l => continue,
                            _ => {}
                        }
                        self.stack.push(Entry::RepeatOne { tail, start, count, min, lit });
                        return Some((tail, start + count));
                    }
                }
                Entry::MinRepeatOne { tail, item, pos, count, max } => {
                    if count < max && pos < self.end && self.match_one(item, self.ch(pos)) {
                        self.stack.push(Entry::MinRepeatOne { tail, item, pos: pos + 1, count: count + 1, max });
                        return Some((tail, pos + 1));
                    }
                }
                Entry::MaxUntilTail { pos, tail } => {
                    let prev = self.cur_rep.and_then(|r| self.reps.get(r)).and_then(|r| r.prev);
                    self.set_cur_rep(prev);
                    return Some((tail, pos));
                }
                Entry::MinUntilMore { rep, pos } => {
                    let Some(r) = self.reps.get(rep) else { continue };
                    let count = r.count + 1;
                    let max = self.c(r.pattern + 2);
                    let body = r.pattern + 3;
                    if (count as u64 >= max as u64 && max != MAXREPEAT) || r.last_pos == Some(pos) {
                        continue;
                    }
                    self.set_rep_count(rep, count);
                    self.set_rep_last(rep, pos);
                    return Some((body, pos));
                }
                Entry::Barrier { frame, pos, tail } => {
                    self.frames.pop();
                    match frame {
                        Frame::Assert | Frame::Atomic => {}
                        Frame::AssertNot => return Some((tail, pos)),
                        Frame::Possessive { count, min, .. } => {
                            if count >= min {
                                return Some((tail, pos));
                            }
                        }
                    }
                }
            }
        }
        None
    }

    /// Whether the single-character item at `code[pc]` matches `ch` (the body of a
    /// REPEAT_ONE; CPython's `SRE(count)` cases).
    fn match_one(&self, pc: usize, ch: u32) -> bool {
        let code = self.code;
        let arg = self.c(pc + 1);
        match self.c(pc) {
            op::ANY => ch != '\n' as u32,
            op::ANY_ALL => true,
            op::LITERAL => ch == arg,
            op::NOT_LITERAL => ch != arg,
            op::LITERAL_IGNORE => charset::lower_ascii(ch) == arg,
            op::NOT_LITERAL_IGNORE => charset::lower_ascii(ch) != arg,
            op::LITERAL_UNI_IGNORE => charset::lower_unicode(ch) == arg,
            op::NOT_LITERAL_UNI_IGNORE => charset::lower_unicode(ch) != arg,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
            op::IN => in_charset(code, pc + 2, ch),
            op::IN_IGNORE => in_charset(code, pc + 2, charset::lower_ascii(ch)),
            op::IN_UNI_IGNORE => in_charset(code, pc + 2, charset::lower_unicode(ch)),
            op::IN_LOC_IGNORE => in_charset_loc_ignore(code, pc + 2, ch),
            op::CATEGORY => category(arg, ch),
            _ => false,
        }
    }

    /// How many items at `pc` match from `pos`, at most `max` (`SRE(count)`).
    fn count(&self, pc: usize, pos: usize, max: u32) -> usize {
        let limit = if max == MAXREPEAT { self.end } else { self.end.min(pos.saturating_add(max as usize)) };
        let mut p = pos;
        if self.c(pc) == op::ANY_ALL {
            return limit.saturating_sub(pos);
        }
        while p < limit && self.match_one(pc, self.text[p]) {
            p += 1;
        }
        p - pos
    }

    fn at(&self, code: u32, pos: usize) -> bool {
        let nl = '\n' as u32;
        let end = self.end;
        match code {
            op::AT_BEGINNING | op::AT_BEGINNING_STRING => pos == 0,
            op::AT_BEGINNING_LINE => pos == 0 || self.ch(pos - 1) == nl,
            op::AT_END => pos == end || (pos + 1 == end && self.ch(pos) == nl),
            op::AT_END_LINE => pos == end || self.ch(pos) == nl,
            op::AT_END_STRING => pos == end,
            op::AT_BOUNDARY | op::AT_NON_BOUNDARY => self.boundary(code == op::AT_BOUNDARY, pos, charset::is_ascii_word),
            op::AT_LOC_BOUNDARY | op::AT_LOC_NON_BOUNDARY => {
                self.boundary(code == op::AT_LOC_BOUNDARY, pos, charset::is_loc_word)
            }
            op::AT_UNI_BOUNDARY | op::AT_UNI_NON_BOUNDARY => {
                self.boundary(code == op::AT_UNI_BOUNDARY, pos, charset::is_uni_word)
            }
            _ => false,
        }
    }

    fn boundary(&self, want: bool, pos: usize, word: fn(u32) -> bool) -> bool {
        if self.end == 0 {
            return false;
        }
        let before = pos > 0 && word(self.ch(pos - 1));
        let here = pos < self.end && word(self.ch(pos));
        (before != here) == want
    }

    /// Compares the text of group `g` with the text at `pos`; returns the new position.
    fn groupref(&self, g: usize, pos: usize, fold: fn(u32) -> u32) -> Option<usize> {
        let (Some(Some(a)), Some(Some(b))) = (self.marks.get(2 * g), self.marks.get(2 * g + 1)) else {
            return None;
        };
        let (a, b) = (*a, *b);
        if a > b {
            return None;
        }
        let len = b - a;
        if pos + len > self.end {
            return None;
        }
        for k in 0..len {
            if fold(self.text[a + k]) != fold(self.text[pos + k]) {
                return None;
            }
        }
        Some(pos + len)
    }

    /// Runs the code from `pc` at `pos`; returns the end of the match.
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Option<usize> {
        self.start = pos;
        macro_rules! fail {
            () => {{
                match self.backtrack() {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                        continue;
                    }
                    None => return None,
                }
            }};
        }
        loop {
            let opcode = self.c(pc);
            match opcode {
                op::FAILURE => fail!(),
                op::SUCCESS => {
                    let Some(&b) = self.frames.last() else {
                        if (self.match_all && pos != self.end) || (self.must_advance && pos == self.start) {
                            fail!();
                        }
                        return Some(pos);
                    };
                    match &self.stack.get(b) {
                        Some(Entry::Barrier { frame: Frame::AssertNot, .. }) => {
                            // The negated body matched: undo it and fail.
                            while self.stack.len() > b + 1 {
                                if let Some(Entry::Undo(u)) = self.stack.pop() {
                                    self.apply(u);
                                }
                            }
                            self.stack.pop();
                            self.frames.pop();
                            fail!();
                        }
                        _ => {}
                    }
                    let Some((frame, saved, tail)) = self.cut() else { fail!() };
                    match frame {
                        Frame::Assert => {
                            pos = saved;
                            pc = tail;
                        }
                        Frame::Atomic => pc = tail,
                        Frame::AssertNot => fail!(),
                        Frame::Possessive { count, min, max, body } => {
                            let count = count + 1;
                            if pos == saved || (max != MAXREPEAT && count >= max) {
                                if count < min && pos != saved {
                                    fail!();
                                }
                                pc = tail;
                            } else {
                                let frame = Frame::Possessive { count, min, max, body };
                                self.frames.push(self.stack.len());
                                self.stack.push(Entry::Barrier { frame, pos, tail });
                                pc = body;
                            }
                        }
                    }
                }
                op::ANY => {
                    if pos >= self.end || self.ch(pos) == '\n' as u32 {
                        fail!();
                    }
                    pos += 1;
                    pc += 1;
                }
                op::ANY_ALL => {
                    if pos >= self.end {
                        fail!();
                    }
                    pos += 1;
                    pc += 1;
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE
                | op::CATEGORY => {
                    if pos >= self.end || !self.match_one(pc, self.ch(pos)) {
                        fail!();
                    }
                    pos += 1;
                    pc += 2;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    if pos >= self.end || !self.match_one(pc, self.ch(pos)) {
                        fail!();
                    }
                    pos += 1;
                    pc = pc + 1 + self.c(pc + 1) as usize;
                }
                op::AT => {
                    if !self.at(self.c(pc + 1), pos) {
                        fail!();
                    }
                    pc += 2;
                }
                op::INFO | op::JUMP => pc = pc + 1 + self.c(pc + 1) as usize,
                op::MARK => {
                    self.set_mark(self.c(pc + 1) as usize, pos);
                    pc += 2;
                }
                op::BRANCH => {
                    let first = pc + 1;
                    let skip = self.c(first) as usize;
                    if skip == 0 {
                        fail!();
                    }
                    let next = first + skip;
                    if self.c(next) != 0 {
                        self.stack.push(Entry::Branch { next, pos });
                    }
                    pc = first + 1;
                }
                op::REPEAT_ONE => {
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    let (min, max) = (self.c(pc + 2), self.c(pc + 3));
                    if (pos + min as usize) > self.end {
                        fail!();
                    }
                    let n = self.count(pc + 4, pos, max);
                    if n < min as usize {
                        fail!();
                    }
                    let lit = if self.c(tail) == op::LITERAL { Some(self.c(tail + 1)) } else { None };
                    let mut count = n;
                    if let Some(l) = lit {
                        // Only stop where the literal that follows can match.
                        while count > min as usize && (pos + count >= self.end || self.ch(pos + count) != l) {
                            count -= 1;
                        }
                    }
                    if count > min as usize {
                        self.stack.push(Entry::RepeatOne { tail, start: pos, count, min: min as usize, lit });
                    }
                    pos += count;
                    pc = tail;
                }
                op::MIN_REPEAT_ONE => {
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    let (min, max) = (self.c(pc + 2), self.c(pc + 3));
                    let n = if min == 0 { 0 } else { self.count(pc + 4, pos, min) };
                    if n < min as usize {
                        fail!();
                    }
                    pos += n;
                    let max = if max == MAXREPEAT { usize::MAX } else { max as usize };
                    self.stack.push(Entry::MinRepeatOne { tail, item: pc + 4, pos, count: n, max });
                    pc = tail;
                }
                op::POSSESSIVE_REPEAT_ONE => {
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    let (min, max) = (self.c(pc + 2), self.c(pc + 3));
                    let n = self.count(pc + 4, pos, max);
                    if n < min as usize {
                        fail!();
                    }
                    pos += n;
                    pc = tail;
                }
                op::REPEAT => {
                    let n = self.reps.len();
                    self.stack.push(Entry::Undo(Undo::RepTruncate(n)));
                    self.reps.push(Repeat { count: -1, pattern: pc + 1, prev: self.cur_rep, last_pos: None });
                    self.set_cur_rep(Some(n));
                    pc = pc + 1 + self.c(pc + 1) as usize;
                }
                op::MAX_UNTIL | op::MIN_UNTIL => {
                    let Some(r) = self.cur_rep else { fail!() };
                    let Some(rep) = self.reps.get(r) else { fail!() };
                    let count = rep.count + 1;
                    let (min, max) = (self.c(rep.pattern + 1), self.c(rep.pattern + 2));
                    let body = rep.pattern + 3;
                    let last = rep.last_pos;
                    let prev = rep.prev;
                    if count < min as isize {
                        self.set_rep_count(r, count);
                        pc = body;
                        continue;
                    }
                    if opcode == op::MAX_UNTIL {
                        if (max == MAXREPEAT || count < max as isize) && last != Some(pos) {
                            self.stack.push(Entry::MaxUntilTail { pos, tail: pc + 1 });
                            self.set_rep_count(r, count);
                            self.set_rep_last(r, pos);
                            pc = body;
                        } else {
                            self.set_cur_rep(prev);
                            pc += 1;
                        }
                    } else {
                        self.stack.push(Entry::MinUntilMore { rep: r, pos });
                        self.set_cur_rep(prev);
                        pc += 1;
                    }
                }
                op::POSSESSIVE_REPEAT => {
                    let skip = self.c(pc + 1) as usize;
                    let tail = pc + 1 + skip + 1;
                    let (min, max) = (self.c(pc + 2), self.c(pc + 3));
                    if max == 0 {
                        pc = tail;
                        continue;
                    }
                    let frame = Frame::Possessive { count: 0, min, max, body: pc + 4 };
                    self.frames.push(self.stack.len());
                    self.stack.push(Entry::Barrier { frame, pos, tail });
                    pc += 4;
                }
                op::ATOMIC_GROUP => {
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    self.frames.push(self.stack.len());
                    self.stack.push(Entry::Barrier { frame: Frame::Atomic, pos, tail });
                    pc += 2;
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    let back = self.c(pc + 2) as usize;
                    if back > pos {
                        if opcode == op::ASSERT {
                            fail!();
                        }
                        pc = tail;
                        continue;
                    }
                    let frame = if opcode == op::ASSERT { Frame::Assert } else { Frame::AssertNot };
                    self.frames.push(self.stack.len());
                    self.stack.push(Entry::Barrier { frame, pos, tail });
                    pos -= back;
                    pc += 3;
                }
                op::GROUPREF | op::GROUPREF_IGNORE | op::GROUPREF_UNI_IGNORE | op::GROUPREF_LOC_IGNORE => {
                    let fold: fn(u32) -> u32 = match opcode {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_IGNORE => charset::lower_ascii,
                        op::GROUPREF_UNI_IGNORE => charset::lower_unicode,
                        _ => charset::lower_locale,
                    };
                    match self.groupref(self.c(pc + 1) as usize, pos, fold) {
                        Some(p) => pos = p,
                        None => fail!(),
                    }
                    pc += 2;
                }
                op::GROUPREF_EXISTS => {
                    let g = self.c(pc + 1) as usize;
                    let set = matches!(
                        (self.marks.get(2 * g), self.marks.get(2 * g + 1)),
                        (Some(Some(a)), Some(Some(b))) if a <= b
                    );
                    if set {
                        pc += 3;
                    } else {
                        pc = pc + 1 + self.c(pc + 2) as usize;
                    }
                }
                _ => fail!(),
            }
        }
    }
}
