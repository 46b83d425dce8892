//! Line editing and history for the interactive prompt (what GNU readline gives
//! CPython's basic REPL): cursor movement, deletion, kill commands, history browsing,
//! and the history file `~/.python_history`, shared with CPython.
//!
//! Unsafe code: only the `termios` calls that switch the terminal to raw mode and back.
//! Invariants: `RawMode` is created only for a file descriptor that is a terminal, keeps
//! the settings it replaced, and restores them when dropped, so every exit from
//! `read_line` (return, error, panic unwinding) leaves the terminal as it found it.

use std::io::{self, Read, Write};

/// The terminal in raw mode for as long as this lives.
struct RawMode {
    fd: i32,
    saved: libc::termios,
}

impl RawMode {
    fn enter(fd: i32) -> io::Result<RawMode> {
        // SAFETY: `termios` is plain data; tcgetattr fills it or fails.
        let mut saved: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut saved) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let mut raw = saved;
        raw.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
        raw.c_iflag &= !(libc::IXON | libc::ICRNL);
        raw.c_cc[libc::VMIN] = 1;
        raw.c_cc[libc::VTIME] = 0;
        // SAFETY: `raw` is a valid termios derived from the current settings.
        if unsafe { libc::tcsetattr(fd, libc::TCSADRAIN, &raw) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(RawMode { fd, saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the settings read in `enter` on the same descriptor.
        unsafe {
            libc::tcsetattr(self.fd, libc::TCSADRAIN, &self.saved);
        }
    }
}

/// What reading a line gave.
pub enum Line {
    Text(String),
    /// Ctrl-D on an empty line.
    Eof,
    /// Ctrl-C.
    Interrupted,
}

pub struct LineEditor {
    history: Vec<String>,
    file: Option<std::path::PathBuf>,
    /// Lines added this session (appended to the file on `save`).
    new_lines: usize,
}

impl Drop for LineEditor {
    fn drop(&mut self) {
        self.save();
    }
}

/// At most this many lines are kept (readline's default history length for Python).
const HISTORY_MAX: usize = 1000;

impl LineEditor {
    /// An editor with the history of `~/.python_history` (none when `use_file` is false,
    /// as with `-I`).
    pub fn new(use_file: bool) -> LineEditor {
        let file = use_file.then(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".python_history"))).flatten();
        let history = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .map(|s| s.lines().filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>())
            .unwrap_or_default();
        let skip = history.len().saturating_sub(HISTORY_MAX);
        LineEditor { history: history[skip..].to_vec(), file, new_lines: 0 }
    }

    /// Appends this session's lines to the history file.
    pub fn save(&mut self) {
        let Some(path) = &self.file else { return };
        if self.new_lines == 0 {
            return;
        }
        let start = self.history.len().saturating_sub(self.new_lines);
        let mut text = String::new();
        for l in &self.history[start..] {
            text.push_str(l);
            text.push('\n');
        }
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = f.write_all(text.as_bytes());
        }
        self.new_lines = 0;
    }

    fn remember(&mut self, line: &str) {
        if line.trim().is_empty() || self.history.last().map(String::as_str) == Some(line) {
            return;
        }
        self.history.push(line.to_string());
        self.new_lines += 1;
        if self.history.len() > HISTORY_MAX {
            self.history.remove(0);
        }
    }

    /// Reads one line from the terminal on standard input, echoing `prompt` and the
    /// edits to standard output.  The returned text has no trailing newline.
    pub fn read_line(&mut self, prompt: &str) -> io::Result<Line> {
        let mut out = io::stdout();
        out.write_all(prompt.as_bytes())?;
        out.flush()?;
        let raw = RawMode::enter(0)?;
        let mut ed = Edit { line: Vec::new(), cursor: 0, prompt: prompt.to_string() };
        // Browsing history: index into `history` (len = the line being typed).
        let mut hist_pos = self.history.len();
        let mut draft: Vec<char> = Vec::new();
        let mut input = io::stdin().lock();
        let result = loop {
            let Some(key) = read_key(&mut input)? else { break Line::Eof };
            match key {
                Key::Enter => break Line::Text(ed.line.iter().collect()),
                Key::Interrupt => break Line::Interrupted,
                Key::Ctrl('d') => {
                    if ed.line.is_empty() {
                        break Line::Eof;
                    }
                    ed.delete();
                }
                Key::Char(c) => ed.insert(c),
                Key::Tab => {
                    for _ in 0..4 {
                        ed.insert(' ');
                    }
                }
                Key::Backspace => ed.backspace(),
                Key::Delete => ed.delete(),
                Key::Left | Key::Ctrl('b') => ed.cursor = ed.cursor.saturating_sub(1),
                Key::Right | Key::Ctrl('f') => ed.cursor = (ed.cursor + 1).min(ed.line.len()),
                Key::Home | Key::Ctrl('a') => ed.cursor = 0,
                Key::End | Key::Ctrl('e') => ed.cursor = ed.line.len(),
                Key::Ctrl('k') => ed.line.truncate(ed.cursor),
                Key::Ctrl('u') => {
                    ed.line.drain(..ed.cursor);
                    ed.cursor = 0;
                }
                Key::Ctrl('w') => ed.delete_word_back(),
                Key::Ctrl('l') => {
                    out.write_all(b"\x1b[H\x1b[2J")?;
                }
                Key::Up | Key::Ctrl('p') => {
                    if hist_pos > 0 {
                        if hist_pos == self.history.len() {
                            draft = ed.line.clone();
                        }
                        hist_pos -= 1;
                        ed.set(self.history[hist_pos].chars().collect());
                    }
                }
                Key::Down | Key::Ctrl('n') => {
                    if hist_pos < self.history.len() {
                        hist_pos += 1;
                        let text = if hist_pos == self.history.len() { draft.clone() } else { self.history[hist_pos].chars().collect() };
                        ed.set(text);
                    }
                }
                Key::Ctrl(_) | Key::Other => {}
            }
            ed.redraw(&mut out)?;
        };
        drop(raw);
        out.write_all(b"\r\n")?;
        out.flush()?;
        if let Line::Text(t) = &result {
            self.remember(t);
        }
        Ok(result)
    }
}

struct Edit {
    line: Vec<char>,
    cursor: usize,
    prompt: String,
}

impl Edit {
    fn insert(&mut self, c: char) {
        self.line.insert(self.cursor, c);
        self.cursor += 1;
    }
    fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.line.remove(self.cursor);
        }
    }
    fn delete(&mut self) {
        if self.cursor < self.line.len() {
            self.line.remove(self.cursor);
        }
    }
    fn delete_word_back(&mut self) {
        let mut start = self.cursor;
        while start > 0 && self.line[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !self.line[start - 1].is_whitespace() {
            start -= 1;
        }
        self.line.drain(start..self.cursor);
        self.cursor = start;
    }
    fn set(&mut self, text: Vec<char>) {
        self.cursor = text.len();
        self.line = text;
    }
    /// Rewrites the prompt and line, then puts the cursor back in place.
    fn redraw(&self, out: &mut impl Write) -> io::Result<()> {
        let text: String = self.line.iter().collect();
        let back = self.line.len() - self.cursor;
        let mut s = format!("\r{}{}\x1b[K", self.prompt, text);
        if back > 0 {
            s.push_str(&format!("\x1b[{back}D"));
        }
        out.write_all(s.as_bytes())?;
        out.flush()
    }
}

enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Tab,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    Interrupt,
    Other,
}

fn read_byte(input: &mut impl Read) -> io::Result<Option<u8>> {
    let mut b = [0u8; 1];
    loop {
        match input.read(&mut b) {
            Ok(0) => return Ok(None),
            Ok(_) => return Ok(Some(b[0])),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Decodes one key press (UTF-8 characters, control keys, ANSI escape sequences).
fn read_key(input: &mut impl Read) -> io::Result<Option<Key>> {
    let Some(b) = read_byte(input)? else { return Ok(None) };
    Ok(Some(match b {
        b'\r' | b'\n' => Key::Enter,
        b'\t' => Key::Tab,
        3 => Key::Interrupt,
        127 | 8 => Key::Backspace,
        0x1b => match read_byte(input)? {
            Some(b'[') | Some(b'O') => match read_byte(input)? {
                Some(b'A') => Key::Up,
                Some(b'B') => Key::Down,
                Some(b'C') => Key::Right,
                Some(b'D') => Key::Left,
                Some(b'H') => Key::Home,
                Some(b'F') => Key::End,
                Some(d @ b'0'..=b'9') => {
                    // ESC [ n ~ (and longer parameter lists, ignored)
                    let mut last = d;
                    while !(last == b'~' || last.is_ascii_alphabetic()) {
                        match read_byte(input)? {
                            Some(x) => last = x,
                            None => break,
                        }
                    }
                    match (d, last) {
                        (b'1' | b'7', b'~') => Key::Home,
                        (b'4' | b'8', b'~') => Key::End,
                        (b'3', b'~') => Key::Delete,
                        _ => Key::Other,
                    }
                }
                _ => Key::Other,
            },
            _ => Key::Other,
        },
        1..=26 => Key::Ctrl((b'a' + b - 1) as char),
        0..=31 => Key::Other,
        _ => {
            // A UTF-8 sequence: its length comes from the lead byte.
            let len = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            let mut buf = vec![b];
            for _ in 1..len {
                match read_byte(input)? {
                    Some(x) => buf.push(x),
                    None => break,
                }
            }
            match std::str::from_utf8(&buf).ok().and_then(|s| s.chars().next()) {
                Some(c) => Key::Char(c),
                None => Key::Other,
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<String> {
        let mut input = bytes;
        let mut out = Vec::new();
        while let Some(k) = read_key(&mut input).unwrap() {
            out.push(match k {
                Key::Char(c) => format!("{c}"),
                Key::Ctrl(c) => format!("^{c}"),
                Key::Enter => "RET".into(),
                Key::Tab => "TAB".into(),
                Key::Backspace => "BS".into(),
                Key::Delete => "DEL".into(),
                Key::Left => "LEFT".into(),
                Key::Right => "RIGHT".into(),
                Key::Up => "UP".into(),
                Key::Down => "DOWN".into(),
                Key::Home => "HOME".into(),
                Key::End => "END".into(),
                Key::Interrupt => "INT".into(),
                Key::Other => "?".into(),
            });
        }
        out
    }

    #[test]
    fn decodes_keys() {
        assert_eq!(keys(b"a\x1b[D\x1b[3~\x1bOH\x1b[4~\x7f\x01\x03\r"), ["a", "LEFT", "DEL", "HOME", "END", "BS", "^a", "INT", "RET"]);
        assert_eq!(keys("é€".as_bytes()), ["é", "€"]);
        assert_eq!(keys(b"\x1b[1;5C"), ["?"]);
    }

    #[test]
    fn edits() {
        let mut e = Edit { line: Vec::new(), cursor: 0, prompt: String::new() };
        for c in "x + 2".chars() {
            e.insert(c);
        }
        e.cursor = 1;
        e.backspace();
        e.insert('y');
        assert_eq!(e.line.iter().collect::<String>(), "y + 2");
        e.cursor = e.line.len();
        e.delete_word_back();
        assert_eq!(e.line.iter().collect::<String>(), "y + ");
        e.cursor = 0;
        e.delete();
        assert_eq!(e.line.iter().collect::<String>(), " + ");
    }
}
