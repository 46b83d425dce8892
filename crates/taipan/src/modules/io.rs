//! File objects for `open()` and `sys.stdin`/`stdout`/`stderr`.
//!
//! NOTE: CPython's `_io` module (buffered/raw/text layers) is not implemented yet; this
//! file provides one native file type per mode family with the methods programs use
//! (`read`, `readline`, `readlines`, iteration, `write`, `writelines`, `seek`, `tell`,
//! `flush`, `close`, context management) and CPython's type names and reprs.  Text is
//! UTF-8 with universal newlines on input.

use std::cell::{Cell, RefCell};
use std::io::{Read, Seek, SeekFrom, Write};

use crate::objects::int::new_int;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p};
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

enum Target {
    Stdin,
    Stdout,
    Stderr,
    File(std::fs::File),
    /// A Python object with `read`/`write` (`TextIOWrapper(BytesIO())`,
    /// `BufferedReader(raw)`): reads are prefetched and writes pushed through by the
    /// methods, which can call Python.
    Object(Value),
}

struct Inner {
    target: Target,
    name: Value,
    mode: String,
    readable: bool,
    writable: bool,
    closed: bool,
    /// Pending output (flushed on newline when line buffered, on flush/close, and at exit).
    wbuf: Vec<u8>,
    /// Read-ahead input.
    rbuf: Vec<u8>,
    eof: bool,
    line_buffered: bool,
    /// An unbuffered binary file (`FileIO`).
    raw: bool,
    /// The text layer's `encoding`, `errors` and `write_through` as reported.
    /// NOTE: text is always decoded and encoded as UTF-8.
    encoding: String,
    errors: String,
    write_through: bool,
    /// A text file in an encoding other than UTF-8: its content is decoded through the
    /// codec registry when first read (all at once) and writes are encoded the same way.
    transcode: bool,
    transcoded: bool,
    /// False for `open(fd, closefd=False)`: the descriptor outlives the file object.
    closefd: bool,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Target::File(f) = std::mem::replace(&mut self.target, Target::Stdin) {
            let _ = release_file(f, self.closefd);
        }
    }
}

/// Closes a file's descriptor (only gives it up when `closefd` is false) without
/// letting Rust's `File` close it: a descriptor the program already closed with
/// `os.close` is an EBADF error here, where dropping the `File` would abort.
fn release_file(f: std::fs::File, closefd: bool) -> std::io::Result<()> {
    use std::os::fd::IntoRawFd;
    let fd = f.into_raw_fd();
    // SAFETY: closing a descriptor number has no memory effects.
    if closefd && unsafe { libc::close(fd) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

#[repr(C)]
pub struct PyFile {
    head: ObjectHead,
    /// Shared between a text stream and its `buffer` (one position, one set of buffers,
    /// so text and bytes written through either come out in order).
    inner: std::rc::Rc<RefCell<Inner>>,
    /// Whether this object reads and writes bytes (set again by `__init__` of a
    /// subclass instance).
    binary: Cell<bool>,
    /// The binary view of a text stream (`.buffer`), created on first use.
    buffer: RefCell<Option<Value>>,
}

pub static FILE_LAYOUT: Layout = crate::payload_layout!(PyFile, "_io.file", heap::no_traverse, heap::no_clear);

impl PyPayload for PyFile {
    fn layout() -> &'static Layout {
        &FILE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &TEXT_IO_TYPE
    }
}

macro_rules! file_type {
    ($s:ident, $name:literal) => {
        pub static $s: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &FILE_LAYOUT,
            flags: flags::BASETYPE | flags::HAVE_GC | flags::WEAKREFABLE | flags::HAS_FINALIZER,
            base: Some(&crate::objects::object::OBJECT_TYPE),
            methods: FILE_METHODS,
            getsets: FILE_GETSETS,
            doc: None,
            module: Some("_io"),
        });
    };
}

file_type!(TEXT_IO_TYPE, "TextIOWrapper");
file_type!(BUFFERED_READER_TYPE, "BufferedReader");
file_type!(BUFFERED_WRITER_TYPE, "BufferedWriter");
file_type!(BUFFERED_RANDOM_TYPE, "BufferedRandom");
file_type!(FILE_IO_TYPE, "FileIO");

thread_local! {
    /// `io.UnsupportedOperation`, created with the first file object (it derives from
    /// both OSError and ValueError, so it is a heap type).
    static UNSUPPORTED: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

/// `io.UnsupportedOperation`, creating it on first use.
pub fn unsupported_operation_type(vm: &mut Vm) -> PyResult<Value> {
    if let Some(t) = UNSUPPORTED.with(|u| u.borrow().clone()) {
        return Ok(t);
    }
    use crate::objects::exceptions::{OS_ERROR, VALUE_ERROR};
    let ns = crate::objects::dict::PyDict::new_value();
    crate::objects::dict::PyDict::set_str(&ns, "__module__", new_str("io"));
    let t = crate::objects::typeobject_new::type_new(
        vm,
        &crate::objects::typeobject::TYPE_TYPE.to_value(),
        "UnsupportedOperation",
        vec![OS_ERROR.to_value(), VALUE_ERROR.to_value()],
        &ns,
        &[],
    )?;
    UNSUPPORTED.with(|u| *u.borrow_mut() = Some(t.clone()));
    Ok(t)
}

/// An `io.UnsupportedOperation` error (plain OSError before the type exists).
pub fn unsupported_error(msg: &str) -> PyErr {
    match UNSUPPORTED.with(|u| u.borrow().clone()) {
        Some(t) => PyErr::from_value(crate::objects::exceptions::new_exception(
            crate::objects::typeobject::as_type(&t).unwrap_or(&crate::objects::exceptions::OS_ERROR),
            vec![new_str(msg)],
        )),
        None => PyErr::new(&crate::objects::exceptions::OS_ERROR, msg.to_string()),
    }
}

impl Drop for PyFile {
    fn drop(&mut self) {
        let mut inner = self.inner.borrow_mut();
        let _ = flush_inner(&mut inner);
    }
}

fn flush_inner(inner: &mut Inner) -> std::io::Result<()> {
    if inner.wbuf.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut inner.wbuf);
    match &mut inner.target {
        Target::Stdout => {
            let mut o = std::io::stdout().lock();
            o.write_all(&data)?;
            o.flush()
        }
        Target::Stderr => {
            let mut e = std::io::stderr().lock();
            e.write_all(&data)?;
            e.flush()
        }
        Target::File(f) => f.write_all(&data),
        Target::Stdin => Ok(()),
        Target::Object(_) => {
            inner.wbuf = data;
            Ok(())
        }
    }
}

fn new_file(target: Target, name: Value, mode: &str, binary: bool, readable: bool, writable: bool, line_buffered: bool) -> Value {
    new_file_of(target, name, mode, binary, readable, writable, line_buffered, false)
}

#[expect(clippy::too_many_arguments, reason = "one flag per property of the stream")]
fn new_file_of(target: Target, name: Value, mode: &str, binary: bool, readable: bool, writable: bool, line_buffered: bool, raw: bool) -> Value {
    let (default_encoding, default_errors) = match target {
        Target::Stdin | Target::Stdout => ("utf-8", if c_locale() { "surrogateescape" } else { "strict" }),
        Target::Stderr => ("utf-8", "backslashreplace"),
        _ => ("UTF-8", "strict"),
    };
    let ty: &PyType = if !binary {
        &TEXT_IO_TYPE
    } else if raw {
        &FILE_IO_TYPE
    } else if writable && readable {
        &BUFFERED_RANDOM_TYPE
    } else if writable && !readable {
        &BUFFERED_WRITER_TYPE
    } else {
        &BUFFERED_READER_TYPE
    };
    heap::alloc(
        ty,
        PyFile {
            head: ObjectHead::uninit(),
            binary: Cell::new(binary),
            buffer: RefCell::new(None),
            inner: std::rc::Rc::new(RefCell::new(Inner {
                target,
                name,
                mode: mode.to_string(),
                readable,
                writable,
                closed: false,
                wbuf: Vec::new(),
                rbuf: Vec::new(),
                eof: false,
                line_buffered,
                raw,
                encoding: default_encoding.to_string(),
                errors: default_errors.to_string(),
                write_through: false,
                transcode: false,
                transcoded: false,
                closefd: true,
            })),
        },
    )
}

/// `.buffer` of a text stream: a BufferedReader/BufferedWriter over the same stream.
fn g_buffer(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let file = this(f)?;
    if file.binary.get() {
        return Err(crate::objects::object::no_attribute(f, &crate::objects::str::intern("buffer")));
    }
    if let Some(b) = file.buffer.borrow().clone() {
        return Ok(b);
    }
    if let Some(obj) = target_object(file) {
        return Ok(obj);
    }
    let (readable, writable) = {
        let i = file.inner.borrow();
        (i.readable, i.writable)
    };
    let ty: &PyType = match (readable, writable) {
        (true, true) => &BUFFERED_RANDOM_TYPE,
        (false, true) => &BUFFERED_WRITER_TYPE,
        _ => &BUFFERED_READER_TYPE,
    };
    let view = heap::alloc(
        ty,
        PyFile { head: ObjectHead::uninit(), inner: file.inner.clone(), binary: Cell::new(true), buffer: RefCell::new(None) },
    );
    *file.buffer.borrow_mut() = Some(view.clone());
    Ok(view)
}

/// Whether the C library's locale is "C"/"POSIX" (also C.UTF-8): CPython's standard
/// input and output then use the "surrogateescape" error handler.
fn c_locale() -> bool {
    let var = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
    match var {
        None => true,
        Some(l) => matches!(l.as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "C.utf-8"),
    }
}

/// `sys.stdin`, `sys.stdout`, `sys.stderr`.
pub fn std_streams(unbuffered: bool) -> (Value, Value, Value) {
    let tty = |fd: i32| unsafe_isatty(fd);
    let stdout = new_file(Target::Stdout, new_str("<stdout>"), "w", false, false, true, tty(1));
    let stderr = new_file(Target::Stderr, new_str("<stderr>"), "w", false, false, true, true);
    for f in [&stdout, &stderr] {
        if let Some(file) = f.downcast::<PyFile>() {
            file.inner.borrow_mut().write_through = unbuffered;
        }
    }
    (new_file(Target::Stdin, new_str("<stdin>"), "r", false, true, false, false), stdout, stderr)
}

fn unsafe_isatty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}

pub fn is_native_stream(v: &Value) -> bool {
    v.downcast::<PyFile>().is_some()
}

fn this(v: &Value) -> PyResult<&PyFile> {
    v.downcast::<PyFile>().ok_or_else(|| type_error("file object expected"))
}

fn closed_error() -> PyErr {
    value_error("I/O operation on closed file.")
}

fn io_error(e: std::io::Error) -> PyErr {
    crate::objects::exceptions::os_error_from_io(&e, None)
}

/// Writes text to a native stream.
pub fn stream_write(vm: &mut Vm, f: &Value, s: &str) -> PyResult<()> {
    stream_write_buffered(f, s)?;
    push_writes(vm, this(f)?)
}

fn stream_write_buffered(f: &Value, s: &str) -> PyResult<()> {
    let file = this(f)?;
    let mut inner = file.inner.borrow_mut();
    if inner.closed {
        return Err(closed_error());
    }
    if !inner.writable {
        return Err(unsupported_error("not writable"));
    }
    if crate::objects::str::may_have_surrogates(s) {
        // Lone surrogates (objects/str.rs NOTE) go through the UTF-8 encoder and
        // the stream's error handler: strict fails, surrogateescape restores bytes.
        use crate::objects::str_methods::{encode_str, is_native_error_handler, Codec};
        let errors = if is_native_error_handler(&inner.errors) { inner.errors.clone() } else { "strict".to_string() };
        let data = encode_str(s, Codec::Utf8, &errors)?;
        inner.wbuf.extend_from_slice(&data);
    } else {
        inner.wbuf.extend_from_slice(s.as_bytes());
    }
    let flush_now = match inner.target {
        Target::Stderr => true,
        Target::Stdout => inner.write_through || (inner.line_buffered && s.contains('\n')) || inner.wbuf.len() > 1 << 16,
        _ => inner.wbuf.len() > 1 << 16,
    };
    if flush_now {
        flush_inner(&mut inner).map_err(io_error)?;
    }
    Ok(())
}

pub fn stream_flush(_vm: &mut Vm, f: &Value) -> PyResult<()> {
    let file = this(f)?;
    let mut inner = file.inner.borrow_mut();
    flush_inner(&mut inner).map_err(io_error)
}

/// Fills `rbuf` until it holds a newline (or `want` bytes) or EOF.
fn fill(inner: &mut Inner, want: Option<usize>, until_newline: bool) -> std::io::Result<()> {
    loop {
        if let Some(w) = want {
            if inner.rbuf.len() >= w {
                return Ok(());
            }
        }
        if until_newline && inner.rbuf.contains(&b'\n') {
            return Ok(());
        }
        if inner.eof {
            return Ok(());
        }
        let mut chunk = vec![0u8; 65536];
        let n = match &mut inner.target {
            // One read (which reports EINTR, unlike `read_line`): a terminal gives a
            // line at a time anyway; more than a line from a pipe stays in `rbuf`.
            Target::Stdin => std::io::stdin().read(&mut chunk)?,
            Target::File(f) => f.read(&mut chunk)?,
            _ => 0,
        };
        if n == 0 {
            inner.eof = true;
            return Ok(());
        }
        inner.rbuf.extend_from_slice(&chunk[..n]);
    }
}

/// The wrapped object of a stream over a Python object.
fn target_object(f: &PyFile) -> Option<Value> {
    match &f.inner.borrow().target {
        Target::Object(o) => Some(o.clone()),
        _ => None,
    }
}

/// For streams over a Python object: reads from it (without holding a borrow while it
/// runs) until the read-ahead buffer satisfies `fill`'s condition or it is exhausted.
fn prefill(vm: &mut Vm, f: &PyFile, want: Option<usize>, until_newline: bool) -> PyResult<()> {
    transcode_input(vm, f)?;
    let Some(obj) = target_object(f) else { return Ok(()) };
    loop {
        {
            let inner = f.inner.borrow();
            if inner.eof || want.map(|w| inner.rbuf.len() >= w).unwrap_or(false) || (until_newline && inner.rbuf.contains(&b'\n')) {
                return Ok(());
            }
        }
        // read1 where the wrapped stream has it: a pipe answers with what has arrived.
        let has_read1 = crate::vm::ops::getattr_opt(vm, &obj, &crate::objects::str::intern("read1"))?.is_some();
        let chunk = crate::vm::call::call_method(vm, &obj, if has_read1 { "read1" } else { "read" }, &[new_int(8192)])?;
        let bytes = if is_none(&chunk) { Vec::new() } else {
            crate::objects::bytes::as_bytes_like(&chunk)
                .ok_or_else(|| type_error(format!("underlying read() should have returned a bytes-like object, not '{}'", chunk.ty().name())))?
        };
        let mut inner = f.inner.borrow_mut();
        if bytes.is_empty() {
            inner.eof = true;
            return Ok(());
        }
        inner.rbuf.extend_from_slice(&bytes);
    }
}

/// Names of UTF-8 that the native text path handles itself.
fn is_utf8(encoding: &str) -> bool {
    let e: String = encoding.chars().filter(|c| *c != '-' && *c != '_').collect::<String>().to_ascii_lowercase();
    matches!(e.as_str(), "utf8" | "u8" | "utf" | "cp65001")
}

/// For text files in another encoding: decodes the rest of the file through the codec
/// registry into the (UTF-8) read-ahead buffer, once.
fn transcode_input(vm: &mut Vm, f: &PyFile) -> PyResult<()> {
    let (encoding, errors) = {
        let inner = f.inner.borrow();
        if !inner.transcode || inner.transcoded || f.binary.get() {
            return Ok(());
        }
        (inner.encoding.clone(), inner.errors.clone())
    };
    let raw = {
        let mut inner = f.inner.borrow_mut();
        inner.transcoded = true;
        loop {
            let before = inner.rbuf.len();
            fill(&mut inner, Some(before + 1), false).map_err(io_error)?;
            if inner.eof || inner.rbuf.len() == before {
                break;
            }
        }
        std::mem::take(&mut inner.rbuf)
    };
    let text = super::codecs::decode_with_registry(vm, &crate::objects::bytes::new_bytes(raw), &encoding, &errors)?;
    let mut inner = f.inner.borrow_mut();
    inner.rbuf = as_str(&text).unwrap_or("").as_bytes().to_vec();
    inner.eof = true;
    Ok(())
}

/// For streams over a Python object: hands pending output to its `write`.
fn push_writes(vm: &mut Vm, f: &PyFile) -> PyResult<()> {
    let Some(obj) = target_object(f) else { return Ok(()) };
    let data = std::mem::take(&mut f.inner.borrow_mut().wbuf);
    if !data.is_empty() {
        crate::vm::call::call_method(vm, &obj, "write", &[crate::objects::bytes::new_bytes(data)])?;
    }
    Ok(())
}

fn translate_newlines(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    }
}

fn to_text(bytes: Vec<u8>) -> String {
    translate_newlines(String::from_utf8_lossy(&bytes).into_owned())
}

fn result_value(binary: bool, bytes: Vec<u8>) -> Value {
    if binary {
        crate::objects::bytes::new_bytes(bytes)
    } else {
        new_string(to_text(bytes))
    }
}

fn readable_inner(file: &PyFile) -> PyResult<std::cell::RefMut<'_, Inner>> {
    let inner = file.inner.borrow_mut();
    if inner.closed {
        return Err(closed_error());
    }
    if !inner.readable {
        return Err(unsupported_error(match (file.binary.get(), inner.raw) {
            (_, true) => "File not open for reading",
            (true, false) => "read",
            (false, false) => "not readable",
        }));
    }
    Ok(inner)
}


/// `BufferedReader.read1(n=-1)`: up to `n` bytes with at most one read of the
/// underlying stream (what is buffered, else one `read` system call), so a pipe
/// returns what has arrived instead of waiting for `n` bytes.
fn m_read1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    eintr_retry(vm, |vm| m_read1_once(vm, args))
}

fn m_read1_once(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("read1", 1, 2)?;
    let n = match pos.get(1).filter(|v| !is_none(v)) {
        Some(v) => crate::vm::ops::index_value(vm, v)?,
        None => -1,
    };
    let file = this(&pos[0])?;
    if !file.binary.get() {
        return Err(crate::objects::object::no_attribute(&pos[0], &crate::objects::str::intern("read1")));
    }
    readable_inner(file)?;
    if let Some(obj) = target_object(file) {
        let has_read1 = crate::vm::ops::getattr_opt(vm, &obj, &crate::objects::str::intern("read1"))?.is_some();
        let avail = file.inner.borrow().rbuf.len();
        if avail == 0 {
            let chunk = crate::vm::call::call_method(vm, &obj, if has_read1 { "read1" } else { "read" }, &[new_int(if n < 0 { 8192 } else { n })])?;
            return Ok(if is_none(&chunk) { crate::objects::bytes::new_bytes(Vec::new()) } else { chunk });
        }
    }
    let mut inner = readable_inner(file)?;
    let want = if n < 0 { 8192 } else { n as usize };
    if inner.rbuf.is_empty() && !inner.eof && want > 0 {
        // One read of at most 1 MiB (a larger request still returns what one read gives).
        let mut chunk = vec![0u8; want.min(1 << 20)];
        let got = match &mut inner.target {
            Target::Stdin => std::io::stdin().read(&mut chunk).map_err(io_error)?,
            Target::File(f) => f.read(&mut chunk).map_err(io_error)?,
            _ => 0,
        };
        if got == 0 {
            inner.eof = true;
        }
        inner.rbuf.extend_from_slice(&chunk[..got]);
    }
    let take = if n < 0 { inner.rbuf.len() } else { want.min(inner.rbuf.len()) };
    let out: Vec<u8> = inner.rbuf.drain(..take).collect();
    Ok(result_value(true, out))
}

fn m_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    eintr_retry(vm, |vm| m_read_once(vm, args))
}

fn m_read_once(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("read", 1, 2)?;
    let n = match pos.get(1).filter(|v| !is_none(v)) {
        Some(v) => crate::vm::ops::index_value(vm, v)?,
        None => -1,
    };
    let file = this(&pos[0])?;
    readable_inner(file)?;
    prefill(vm, file, if n < 0 { None } else { Some(n as usize) }, false)?;
    let mut inner = readable_inner(file)?;
    let binary = file.binary.get();
    if n < 0 {
        loop {
            let before = inner.rbuf.len();
            fill(&mut inner, Some(before + 1), false).map_err(io_error)?;
            if inner.eof || inner.rbuf.len() == before {
                break;
            }
        }
        let all = std::mem::take(&mut inner.rbuf);
        return Ok(result_value(binary, all));
    }
    let n = n as usize;
    if binary {
        fill(&mut inner, Some(n), false).map_err(io_error)?;
        let take = n.min(inner.rbuf.len());
        let out: Vec<u8> = inner.rbuf.drain(..take).collect();
        return Ok(result_value(true, out));
    }
    // Text: n characters.
    loop {
        let text = String::from_utf8_lossy(&inner.rbuf).into_owned();
        if text.chars().count() >= n || inner.eof {
            let s: String = text.chars().take(n).collect();
            let used = s.len();
            let n = used.min(inner.rbuf.len());
            inner.rbuf.drain(..n);
            return Ok(new_string(translate_newlines(s)));
        }
        let want = inner.rbuf.len() + 1;
        fill(&mut inner, Some(want), false).map_err(io_error)?;
    }
}

/// `readinto(b)` of the binary types: reads up to `len(b)` bytes into the writable
/// buffer `b` (fewer only at end of file) and returns how many it read.
fn m_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    eintr_retry(vm, |vm| m_readinto_once(vm, args))
}

fn m_readinto_once(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, target) = args.one_arg("readinto")?;
    let file = this(v)?;
    readable_inner(file)?;
    let n = crate::vm::ops::len(vm, target)?;
    prefill(vm, file, Some(n), false)?;
    let data: Vec<u8> = {
        let mut inner = readable_inner(file)?;
        fill(&mut inner, Some(n), false).map_err(io_error)?;
        let take = n.min(inner.rbuf.len());
        inner.rbuf.drain(..take).collect()
    };
    match crate::objects::bytearray::as_bytearray(target) {
        Some(ba) if ba.data.borrow().len() >= data.len() => ba.data.borrow_mut()[..data.len()].copy_from_slice(&data),
        _ => {
            for (i, byte) in data.iter().enumerate() {
                crate::vm::ops::setitem(vm, target, &new_int(i as i64), &new_int(i64::from(*byte)))?;
            }
        }
    }
    Ok(new_int(data.len() as i64))
}

/// Methods only the binary types have (added to them by `init_types`).
static BINARY_FILE_METHODS: &[MethodDef] = &[MethodDef::method("readinto", m_readinto)];

fn read_line(inner: &mut Inner, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
    fill(inner, None, true)?;
    let end = match inner.rbuf.iter().position(|b| *b == b'\n') {
        Some(i) => i + 1,
        None => inner.rbuf.len(),
    };
    let end = limit.map(|l| l.min(end)).unwrap_or(end);
    Ok(inner.rbuf.drain(..end).collect())
}

fn m_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    eintr_retry(vm, |vm| m_readline_once(vm, args))
}

fn m_readline_once(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readline", 1, 2)?;
    let limit = match pos.get(1).filter(|v| !is_none(v)) {
        Some(v) => {
            let n = crate::vm::ops::index_value(vm, v)?;
            if n < 0 { None } else { Some(n as usize) }
        }
        None => None,
    };
    let file = this(&pos[0])?;
    readable_inner(file)?;
    prefill(vm, file, None, true)?;
    let mut inner = readable_inner(file)?;
    let binary = file.binary.get();
    let line = read_line(&mut inner, limit).map_err(io_error)?;
    Ok(result_value(binary, line))
}

fn m_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    eintr_retry(vm, |vm| m_readlines_once(vm, args))
}

fn m_readlines_once(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readlines", 1, 2)?;
    let file = this(&pos[0])?;
    readable_inner(file)?;
    prefill(vm, file, None, false)?;
    let mut out = Vec::new();
    {
        let mut inner = readable_inner(file)?;
        let binary = file.binary.get();
        loop {
            let line = read_line(&mut inner, None).map_err(io_error)?;
            if line.is_empty() {
                break;
            }
            out.push(result_value(binary, line));
        }
    }
    let _ = vm;
    Ok(crate::objects::list::PyList::new_value(out))
}

fn file_iternext(vm: &mut Vm, f: &Value) -> PyResult<Option<Value>> {
    eintr_retry(vm, |vm| file_iternext_once(vm, f))
}

/// Runs `op` again after a read interrupted by a signal, once the Python handlers ran
/// (a handler that raises, such as SIGINT's KeyboardInterrupt, ends the read; PEP 475).
fn eintr_retry<T>(vm: &mut Vm, mut op: impl FnMut(&mut Vm) -> PyResult<T>) -> PyResult<T> {
    loop {
        match op(vm) {
            Err(e) if e.matches(&crate::objects::exceptions::INTERRUPTED_ERROR) && crate::runtime::signals::pending() => {
                super::signal::run_handlers(vm)?;
            }
            r => return r,
        }
    }
}

fn file_iternext_once(vm: &mut Vm, f: &Value) -> PyResult<Option<Value>> {
    let file = this(f)?;
    readable_inner(file)?;
    prefill(vm, file, None, true)?;
    let mut inner = readable_inner(file)?;
    let binary = file.binary.get();
    let line = read_line(&mut inner, None).map_err(io_error)?;
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(result_value(binary, line)))
}

fn file_iter(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    if this(f)?.inner.borrow().closed {
        return Err(closed_error());
    }
    Ok(f.clone())
}

fn m_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f, data] = args.exact::<2>("write")?;
    let file = this(f)?;
    let binary = file.binary.get();
    if binary {
        let bytes = crate::objects::bytes::as_bytes_like(data)
            .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", data.ty().name())))?;
        let mut inner = file.inner.borrow_mut();
        if inner.closed {
            return Err(closed_error());
        }
        if !inner.writable {
            return Err(unsupported_error(if inner.raw { "File not open for writing" } else { "write" }));
        }
        inner.wbuf.extend_from_slice(&bytes);
        if matches!(inner.target, Target::Stderr) || inner.wbuf.len() > 1 << 16 {
            flush_inner(&mut inner).map_err(io_error)?;
        }
        drop(inner);
        push_writes(vm, file)?;
        return Ok(new_int(bytes.len() as i64));
    }
    let s = as_str(data).ok_or_else(|| type_error(format!("write() argument must be str, not {}", data.ty().name())))?.to_string();
    let transcode = {
        let inner = file.inner.borrow();
        inner.transcode.then(|| (inner.encoding.clone(), inner.errors.clone()))
    };
    if let Some((encoding, errors)) = transcode {
        let encoded = super::codecs::encode_with_registry(vm, data, &encoding, &errors)?;
        let bytes = crate::objects::bytes::as_bytes(&encoded).map(<[u8]>::to_vec).unwrap_or_default();
        let mut inner = file.inner.borrow_mut();
        if inner.closed {
            return Err(closed_error());
        }
        if !inner.writable {
            return Err(unsupported_error("not writable"));
        }
        inner.wbuf.extend_from_slice(&bytes);
        return Ok(new_int(s.chars().count() as i64));
    }
    stream_write(vm, f, &s)?;
    Ok(new_int(s.chars().count() as i64))
}

fn m_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f, lines] = args.exact::<2>("writelines")?;
    for l in crate::vm::ops::collect_iter(vm, lines)? {
        m_write(vm, Args::new(&[f.clone(), l]))?;
    }
    Ok(none())
}

fn m_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("flush")?;
    let file = this(f)?;
    if file.inner.borrow().closed {
        return Err(closed_error());
    }
    stream_flush(vm, f)?;
    // A wrapper flushes what it wraps (TextIOWrapper.flush calls buffer.flush()).
    push_writes(vm, file)?;
    if let Some(obj) = target_object(file) {
        crate::vm::call::call_method(vm, &obj, "flush", &[])?;
    }
    Ok(none())
}

fn m_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("close")?;
    let file = this(f)?;
    if file.inner.borrow().closed {
        return Ok(none());
    }
    push_writes(vm, file)?;
    let mut inner = file.inner.borrow_mut();
    flush_inner(&mut inner).map_err(io_error)?;
    inner.closed = true;
    if let Target::File(f) = std::mem::replace(&mut inner.target, Target::Stdin) {
        release_file(f, inner.closefd).map_err(io_error)?;
    }
    // A wrapper closes what it wraps (CPython's TextIOWrapper/Buffered close).
    if let Target::Object(obj) = &inner.target {
        let obj = obj.clone();
        drop(inner);
        crate::vm::call::call_method(vm, &obj, "close", &[])?;
    }
    Ok(none())
}

fn m_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("__enter__")?;
    if this(f)?.inner.borrow().closed {
        return Err(closed_error());
    }
    Ok(f.clone())
}

fn m_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args.positional().first().cloned().ok_or_else(|| type_error("__exit__ needs self"))?;
    m_close(vm, Args::new(&[f]))?;
    Ok(none())
}

fn m_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("seek", 2, 3)?;
    let off = crate::vm::ops::index_value(vm, &pos[1])?;
    let whence = match pos.get(2) {
        Some(w) => crate::vm::ops::index_value(vm, w)?,
        None => 0,
    };
    let file = this(&pos[0])?;
    let mut inner = file.inner.borrow_mut();
    if inner.closed {
        return Err(closed_error());
    }
    flush_inner(&mut inner).map_err(io_error)?;
    let buffered = inner.rbuf.len() as i64;
    inner.rbuf.clear();
    inner.eof = false;
    let target = match whence {
        0 => SeekFrom::Start(off.max(0) as u64),
        1 => SeekFrom::Current(off - buffered),
        2 => SeekFrom::End(off),
        _ => return Err(value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    match &mut inner.target {
        Target::File(f) => Ok(new_int(f.seek(target).map_err(io_error)? as i64)),
        Target::Object(raw) => {
            // `_io__Buffered_seek_impl` over a Python raw stream: the buffered bytes
            // are dropped and the raw stream seeks (relative seeks account for them).
            let raw = raw.clone();
            drop(inner);
            let off = if whence == 1 { off - buffered } else { off };
            crate::vm::call::call_method(vm, &raw, "seek", &[new_int(off), new_int(whence)])
        }
        _ => Err(PyErr::new(&crate::objects::exceptions::OS_ERROR, "underlying stream is not seekable")),
    }
}

fn m_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("tell")?;
    let file = this(f)?;
    let mut inner = file.inner.borrow_mut();
    if inner.closed {
        return Err(closed_error());
    }
    flush_inner(&mut inner).map_err(io_error)?;
    let buffered = inner.rbuf.len() as i64;
    match &mut inner.target {
        Target::File(f) => Ok(new_int(f.stream_position().map_err(io_error)? as i64 - buffered)),
        Target::Object(raw) => {
            let raw = raw.clone();
            drop(inner);
            let pos = crate::vm::call::call_method(vm, &raw, "tell", &[])?;
            let pos = crate::vm::ops::index_value(vm, &pos)?;
            Ok(new_int(pos - buffered))
        }
        _ => Err(PyErr::new(&crate::objects::exceptions::OS_ERROR, "underlying stream is not seekable")),
    }
}

fn m_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("truncate", 1, 2)?;
    let file = this(&pos[0])?;
    let size = match pos.get(1).filter(|v| !is_none(v)) {
        Some(v) => Some(crate::vm::ops::index_value(vm, v)?),
        None => None,
    };
    let mut inner = file.inner.borrow_mut();
    flush_inner(&mut inner).map_err(io_error)?;
    match &mut inner.target {
        Target::File(f) => {
            let n = match size {
                Some(n) => n as u64,
                None => f.stream_position().map_err(io_error)?,
            };
            f.set_len(n).map_err(io_error)?;
            Ok(new_int(n as i64))
        }
        _ => Err(PyErr::new(&crate::objects::exceptions::OS_ERROR, "truncate")),
    }
}

fn m_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("fileno")?;
    let file = this(f)?;
    if let Some(obj) = target_object(file) {
        return crate::vm::call::call_method(vm, &obj, "fileno", &[]);
    }
    let inner = file.inner.borrow();
    Ok(new_int(match &inner.target {
        Target::Stdin => 0,
        Target::Stdout => 1,
        Target::Stderr => 2,
        Target::File(fl) => {
            use std::os::unix::io::AsRawFd;
            fl.as_raw_fd() as i64
        }
        Target::Object(_) => -1,
    }))
}

fn m_isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("isatty")?;
    let file = this(f)?;
    let inner = file.inner.borrow();
    Ok(bool_value(match &inner.target {
        Target::Stdin => unsafe_isatty(0),
        Target::Stdout => unsafe_isatty(1),
        Target::Stderr => unsafe_isatty(2),
        Target::File(_) | Target::Object(_) => false,
    }))
}

fn m_readable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("readable")?;
    Ok(bool_value(this(f)?.inner.borrow().readable))
}
fn m_writable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("writable")?;
    Ok(bool_value(this(f)?.inner.borrow().writable))
}
fn m_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [f] = args.exact::<1>("seekable")?;
    let file = this(f)?;
    if let Some(obj) = target_object(file) {
        return crate::vm::call::call_method(vm, &obj, "seekable", &[]);
    }
    let fd = match file.inner.borrow().target {
        Target::File(_) => return Ok(bool_value(true)),
        Target::Stdin => 0,
        Target::Stdout => 1,
        Target::Stderr => 2,
        Target::Object(_) => return Ok(bool_value(false)),
    };
    // SAFETY: lseek with SEEK_CUR and offset 0 does not move the descriptor.
    Ok(bool_value(unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } != -1))
}

pub static FILE_METHODS: &[MethodDef] = &[
    MethodDef::method("read", m_read),
    MethodDef::method("read1", m_read1),
    MethodDef::method("readline", m_readline),
    MethodDef::method("readlines", m_readlines),
    MethodDef::method("write", m_write),
    MethodDef::method("writelines", m_writelines),
    MethodDef::method("flush", m_flush),
    MethodDef::method("close", m_close),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
    MethodDef::method("seek", m_seek),
    MethodDef::method("tell", m_tell),
    MethodDef::method("truncate", m_truncate),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("readable", m_readable),
    MethodDef::method("writable", m_writable),
    MethodDef::method("seekable", m_seekable),
    MethodDef::method("reconfigure", m_reconfigure),
];

fn g_name(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(this(f)?.inner.borrow().name.clone())
}
/// `name` is writable as on CPython's FileIO (`tempfile.TemporaryFile` sets it to the
/// descriptor); the text and buffer layers share it.
fn s_name(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| crate::vm::attribute_error(f, &crate::objects::str::intern("name"), "cannot delete attribute".into()))?;
    this(f)?.inner.borrow_mut().name = v.clone();
    Ok(())
}
fn g_mode(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(new_str(&this(f)?.inner.borrow().mode))
}
/// `open()` and `tokenize.open()` set `mode` on the text layer.
fn s_mode(_vm: &mut Vm, f: &Value, v: Option<&Value>) -> PyResult<()> {
    let v = v.ok_or_else(|| crate::vm::attribute_error(f, &crate::objects::str::intern("mode"), "cannot delete attribute".into()))?;
    let m = as_str(v).ok_or_else(|| type_error(format!("mode must be str, not {}", v.ty().name())))?.to_string();
    this(f)?.inner.borrow_mut().mode = m;
    Ok(())
}
fn g_closed(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(bool_value(this(f)?.inner.borrow().closed))
}
fn g_encoding(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(new_str(&this(f)?.inner.borrow().encoding))
}
fn g_errors(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(new_str(&this(f)?.inner.borrow().errors))
}
fn g_write_through(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(bool_value(this(f)?.inner.borrow().write_through))
}
fn g_newlines(_vm: &mut Vm, _f: &Value) -> PyResult<Value> {
    Ok(none())
}

/// `TextIOWrapper.reconfigure(*, encoding=None, errors=None, newline=None,
/// line_buffering=None, write_through=None)`.
fn m_reconfigure(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::vm::args::kw;
    static SIG: Sig = Sig::new(
        "reconfigure",
        &[p("self"), kw("encoding"), kw("errors"), kw("newline"), kw("line_buffering"), kw("write_through")],
    );
    let [f, encoding, errors, _newline, line_buffering, write_through] = SIG.parse::<6>(args)?;
    let f = f.unwrap_or_else(none);
    let str_arg = |v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v.filter(|v| !is_none(v)) {
            None => Ok(None),
            Some(v) => as_str(&v)
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| type_error(format!("reconfigure() argument '{what}' must be str or None, not {}", v.ty().name()))),
        }
    };
    let encoding = str_arg(encoding, "encoding")?;
    let errors = str_arg(errors, "errors")?;
    let lb = match line_buffering.filter(|v| !is_none(v)) {
        Some(v) => Some(crate::vm::ops::is_true(vm, &v)?),
        None => None,
    };
    let wt = match write_through.filter(|v| !is_none(v)) {
        Some(v) => Some(crate::vm::ops::is_true(vm, &v)?),
        None => None,
    };
    stream_flush(vm, &f)?;
    let file = this(&f)?;
    let mut inner = file.inner.borrow_mut();
    if let Some(e) = encoding {
        inner.encoding = e;
        if errors.is_none() {
            inner.errors = "strict".into();
        }
    }
    if let Some(e) = errors {
        inner.errors = e;
    }
    if let Some(l) = lb {
        inner.line_buffered = l;
    }
    if let Some(w) = wt {
        inner.write_through = w;
    }
    Ok(none())
}
fn g_line_buffering(_vm: &mut Vm, f: &Value) -> PyResult<Value> {
    Ok(bool_value(this(f)?.inner.borrow().line_buffered))
}

pub static FILE_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("name", g_name, s_name),
    GetSetDef::new("buffer", g_buffer),
    GetSetDef::with_set("mode", g_mode, s_mode),
    GetSetDef::new("closed", g_closed),
    GetSetDef::new("encoding", g_encoding),
    GetSetDef::new("errors", g_errors),
    GetSetDef::new("line_buffering", g_line_buffering),
    GetSetDef::new("write_through", g_write_through),
    GetSetDef::new("newlines", g_newlines),
];

fn file_repr(vm: &mut Vm, f: &Value) -> PyResult<Value> {
    let file = this(f)?;
    let (name, mode, binary) = {
        let i = file.inner.borrow();
        (i.name.clone(), i.mode.clone(), file.binary.get())
    };
    let n = crate::vm::ops::repr_string(vm, &name)?;
    let tn = format!("_io.{}", f.ty().name());
    Ok(new_string(if binary {
        format!("<{tn} name={n}>")
    } else {
        format!("<{tn} name={n} mode='{mode}' encoding='UTF-8'>")
    }))
}

/// `open(file, mode='r', ...)`.
pub fn open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "open",
        &[p("file"), opt("mode"), opt("buffering"), opt("encoding"), opt("errors"), opt("newline"), opt("closefd"), opt("opener")],
    );
    let [file, mode, buffering, encoding, errors, _newline, closefd, opener] = SIG.parse::<8>(args)?;
    let text_opt = |v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v.filter(|v| !is_none(v)) {
            None => Ok(None),
            Some(v) => as_str(&v)
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| type_error(format!("open() argument '{what}' must be str or None, not {}", v.ty().name()))),
        }
    };
    let encoding = text_opt(encoding, "encoding")?;
    let errors = text_opt(errors, "errors")?;
    unsupported_operation_type(vm)?;
    let file = file.expect("required");
    let mode_s = match &mode {
        Some(m) => as_str(m).ok_or_else(|| type_error(format!("open() argument 'mode' must be str, not {}", m.ty().name())))?.to_string(),
        None => "r".to_string(),
    };
    let closefd = match closefd {
        Some(c) => crate::vm::ops::is_true(vm, &c)?,
        None => true,
    };
    let mut fd: Option<i32> = None;
    let path = if let Some(s) = as_str(&file) {
        s.to_string()
    } else if let Some(b) = crate::objects::bytes::as_bytes_like(&file) {
        String::from_utf8_lossy(&b).into_owned()
    } else if crate::objects::int::is_int(&file) {
        let n = crate::vm::ops::index_value(vm, &file)?;
        if n < 0 {
            return Err(value_error("negative file descriptor"));
        }
        fd = Some(i32::try_from(n).map_err(|_| PyErr::new(&crate::objects::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"))?);
        String::new()
    } else {
        match crate::vm::ops::lookup_special(&file, "__fspath__") {
            Some(f) => {
                let r = crate::vm::call::call_method_value(vm, &f, &file, &[])?;
                as_str(&r).map(str::to_string).ok_or_else(|| type_error("expected str from __fspath__"))?
            }
            None => return Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", file.ty().name()))),
        }
    };
    if path.contains('\0') {
        return Err(value_error("embedded null byte"));
    }
    let mut chars: Vec<char> = mode_s.chars().collect();
    let valid = chars.iter().all(|c| "rwxabt+U".contains(*c));
    let count = |c: char| chars.iter().filter(|x| **x == c).count();
    if !valid || mode_s.is_empty() || chars.iter().any(|c| count(*c) > 1) {
        return Err(value_error(format!("invalid mode: '{mode_s}'")));
    }
    let creating = count('x');
    let reading = count('r');
    let writing = count('w');
    let appending = count('a');
    let updating = count('+');
    let binary = count('b') > 0;
    if binary && count('t') > 0 {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if creating + reading + writing + appending > 1 {
        return Err(value_error("must have exactly one of create/read/write/append mode"));
    }
    if creating + reading + writing + appending == 0 {
        return Err(value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    chars.retain(|c| *c != 't');
    let mut opts = std::fs::OpenOptions::new();
    if reading > 0 {
        opts.read(true);
        if updating > 0 {
            opts.write(true);
        }
    } else if writing > 0 {
        opts.write(true).create(true).truncate(true);
        if updating > 0 {
            opts.read(true);
        }
    } else if appending > 0 {
        opts.append(true).create(true);
        if updating > 0 {
            opts.read(true);
        }
    } else {
        opts.write(true).create_new(true);
        if updating > 0 {
            opts.read(true);
        }
    }
    if fd.is_none() && !closefd {
        return Err(value_error("Cannot use closefd=False with file name"));
    }
    // A custom opener gets the path and the os.open flags and returns the descriptor.
    if let Some(op) = opener.filter(|o| !is_none(o)).filter(|_| fd.is_none()) {
        let mut flags = if updating > 0 {
            libc::O_RDWR
        } else if reading > 0 {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        if writing > 0 {
            flags |= libc::O_CREAT | libc::O_TRUNC;
        }
        if appending > 0 {
            flags |= libc::O_CREAT | libc::O_APPEND;
        }
        if creating > 0 {
            flags |= libc::O_CREAT | libc::O_EXCL;
        }
        let r = crate::vm::call::call(vm, &op, &[file.clone(), new_int((flags | libc::O_CLOEXEC) as i64)])?;
        let n = crate::vm::ops::index_value(vm, &r)?;
        if n < 0 {
            return Err(value_error(format!("opener returned {n}")));
        }
        fd = Some(i32::try_from(n).map_err(|_| PyErr::new(&crate::objects::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"))?);
    }
    let f = match fd {
        Some(fd) => {
            // SAFETY: fstat only inspects the descriptor; `st` is plain data it fills.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::fstat(fd, &mut st) } != 0 {
                return Err(crate::objects::exceptions::os_error_from_io(&std::io::Error::last_os_error(), None));
            }
            use std::os::fd::FromRawFd;
            // SAFETY: the descriptor is open (fstat succeeded); with closefd=False the
            // file gives it back instead of closing it (`Inner`'s Drop, `close`).
            unsafe { std::fs::File::from_raw_fd(fd) }
        }
        None => opts.open(&path).map_err(|e| crate::objects::exceptions::os_error_from_io(&e, Some(file.clone())))?,
    };
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(crate::objects::exceptions::os_error_from_io(&e, Some(file.clone())));
    }
    let readable = reading > 0 || updating > 0;
    let writable = writing > 0 || appending > 0 || creating > 0 || updating > 0;
    let shown_mode = if binary { mode_s.clone() } else { mode_s.replace('t', "") };
    let raw = match buffering.filter(|b| !is_none(b)) {
        Some(b) => crate::vm::ops::index_value(vm, &b)? == 0,
        None => false,
    };
    if raw && !binary {
        return Err(value_error("can't have unbuffered text I/O"));
    }
    if binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    let v = new_file_of(Target::File(f), file.clone(), &shown_mode, binary, readable, writable, false, raw);
    if let Some(e) = encoding.as_deref().filter(|e| !is_utf8(e)) {
        // An unknown encoding is a LookupError at open time, as in CPython.
        super::codecs::codec_lookup(vm, e)?;
    }
    if let Some(pf) = v.downcast::<PyFile>() {
        let mut inner = pf.inner.borrow_mut();
        inner.closefd = closefd;
        if let Some(e) = encoding {
            inner.transcode = !binary && !is_utf8(&e);
            inner.encoding = e;
        }
        if let Some(e) = errors {
            inner.errors = e;
        }
    }
    Ok(v)
}

fn file_finalize_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(none())
}

pub static FILE_DEL: MethodDef = MethodDef::method("__del__", file_finalize_noop);

pub fn init_types() {
    for t in [&TEXT_IO_TYPE, &BUFFERED_READER_TYPE, &BUFFERED_WRITER_TYPE, &BUFFERED_RANDOM_TYPE, &FILE_IO_TYPE] {
        let s = &t.slots;
        s.iter.set(Some(file_iter));
        s.iternext.set(Some(file_iternext));
        s.repr.set(Some(file_repr));
        t.flags.set(t.flags.get() & !flags::HAS_FINALIZER);
        s.init.set(Some(file_init));
    }
    super::io_memory::init_types();
    super::io_base::init_types();
    TEXT_IO_TYPE.slots.new.set(Some(textio_new));
    for t in [&BUFFERED_READER_TYPE, &BUFFERED_WRITER_TYPE, &BUFFERED_RANDOM_TYPE] {
        t.slots.new.set(Some(buffered_new));
    }
    FILE_IO_TYPE.slots.new.set(Some(fileio_new));
    for t in [&BUFFERED_READER_TYPE, &BUFFERED_WRITER_TYPE, &BUFFERED_RANDOM_TYPE, &FILE_IO_TYPE] {
        crate::objects::typeobject_methods::init_static_type(t);
        for m in BINARY_FILE_METHODS {
            crate::objects::dict::PyDict::set_str(&t.dict_value(), m.name, crate::objects::function::new_method_descr(m, t));
        }
    }
    for t in [&BUFFERED_RW_PAIR_TYPE, &INCREMENTAL_NEWLINE_DECODER_TYPE] {
        t.slots.new.set(Some(not_yet));
    }
}

/// Flushes a native stream at exit (errors ignored).
pub fn flush_quietly(v: &Value) {
    if let Some(f) = v.downcast::<PyFile>() {
        if let Ok(mut i) = f.inner.try_borrow_mut() {
            let _ = flush_inner(&mut i);
        }
    }
}

/// Every static type of this file (initialised once at start-up).
pub static FILE_TYPES: &[&PyType] = &[
    &TEXT_IO_TYPE,
    &BUFFERED_READER_TYPE,
    &BUFFERED_WRITER_TYPE,
    &BUFFERED_RANDOM_TYPE,
    &FILE_IO_TYPE,
    &IOBASE_TYPE,
    &RAW_IOBASE_TYPE,
    &BUFFERED_IOBASE_TYPE,
    &TEXT_IOBASE_TYPE,
    &super::io_memory::BYTES_IO_TYPE,
    &super::io_memory::STRING_IO_TYPE,
    &BUFFERED_RW_PAIR_TYPE,
    &INCREMENTAL_NEWLINE_DECODER_TYPE,
];

macro_rules! abstract_type {
    ($s:ident, $name:literal, $base:expr) => {
        abstract_type!($s, $name, $base, &[], &[]);
    };
    ($s:ident, $name:literal, $base:expr, $methods:expr, $getsets:expr) => {
        pub static $s: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &crate::objects::object::OBJECT_LAYOUT,
            flags: flags::BASETYPE,
            base: Some($base),
            methods: $methods,
            getsets: $getsets,
            doc: None,
            module: Some("_io"),
        });
    };
}

// The abstract bases; their default methods are in `io_base.rs`.
abstract_type!(IOBASE_TYPE, "_IOBase", &crate::objects::object::OBJECT_TYPE, super::io_base::IOBASE_METHODS, super::io_base::IOBASE_GETSETS);
abstract_type!(RAW_IOBASE_TYPE, "_RawIOBase", &IOBASE_TYPE, super::io_base::RAW_IOBASE_METHODS, &[]);
abstract_type!(BUFFERED_IOBASE_TYPE, "_BufferedIOBase", &IOBASE_TYPE, super::io_base::BUFFERED_IOBASE_METHODS, &[]);
abstract_type!(TEXT_IOBASE_TYPE, "_TextIOBase", &IOBASE_TYPE, super::io_base::TEXT_IOBASE_METHODS, super::io_base::TEXT_IOBASE_GETSETS);
// NOTE: the remaining layers are declared (so `io` imports and `isinstance` checks
// work) but cannot be instantiated yet.
abstract_type!(BUFFERED_RW_PAIR_TYPE, "BufferedRWPair", &BUFFERED_IOBASE_TYPE);
abstract_type!(INCREMENTAL_NEWLINE_DECODER_TYPE, "IncrementalNewlineDecoder", &crate::objects::object::OBJECT_TYPE);

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
/// write_through=False)` over any object with `read`/`write`.
/// NOTE: text is always decoded and encoded as UTF-8.
/// A subclass instance before `__init__` (CPython's io types set up in `__init__`;
/// Taipan's exact types do it in `__new__`): closed until initialised.
fn blank_for_subclass(cls: &Value) -> Option<Value> {
    let ty = crate::objects::typeobject::as_type(cls).filter(|t| t.is_heap_type())?;
    let v = new_file_of(Target::Object(none()), none(), "r", false, false, false, false, false);
    let file = v.downcast::<PyFile>()?;
    file.inner.borrow_mut().closed = true;
    let blank = heap::alloc(
        ty,
        PyFile { head: ObjectHead::uninit(), inner: file.inner.clone(), binary: Cell::new(false), buffer: RefCell::new(None) },
    );
    Some(blank)
}

/// `__init__` of a subclass instance of a file type: builds the stream as the built-in
/// type's constructor would and moves its state in.  Exact built-in instances were
/// set up by `__new__`.
fn file_init(vm: &mut Vm, obj: &Value, args: Args) -> PyResult<()> {
    let mut base = obj.ty();
    while base.is_heap_type() {
        match base.base() {
            Some(b) => base = b,
            None => return Ok(()),
        }
    }
    if std::ptr::eq(obj.ty(), base) {
        return Ok(());
    }
    let built = if std::ptr::eq(base, &TEXT_IO_TYPE) {
        textio_new(vm, &TEXT_IO_TYPE.to_value(), args)?
    } else if std::ptr::eq(base, &FILE_IO_TYPE) {
        fileio_new(vm, &FILE_IO_TYPE.to_value(), args)?
    } else {
        buffered_new(vm, &base.to_value(), args)?
    };
    let (me, src) = (this(obj)?, this(&built)?);
    std::mem::swap(&mut *me.inner.borrow_mut(), &mut *src.inner.borrow_mut());
    me.binary.set(src.binary.get());
    *me.buffer.borrow_mut() = src.buffer.borrow_mut().take();
    Ok(())
}

fn textio_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    if let Some(blank) = blank_for_subclass(cls) {
        return Ok(blank);
    }
    static SIG: Sig = Sig::new(
        "TextIOWrapper",
        &[p("buffer"), opt("encoding"), opt("errors"), opt("newline"), opt("line_buffering"), opt("write_through")],
    );
    let [buffer, encoding, errors, _newline, line_buffering, _write_through] = SIG.parse::<6>(args)?;
    let names = (
        encoding.as_ref().and_then(|e| as_str(e).map(str::to_string)),
        errors.as_ref().and_then(|e| as_str(e).map(str::to_string)),
    );
    let buffer = buffer.unwrap_or_else(none);
    if let Some(e) = encoding.filter(|e| !is_none(e)) {
        as_str(&e).ok_or_else(|| type_error(format!("TextIOWrapper() argument 'encoding' must be str or None, not {}", e.ty().name())))?;
    }
    let line_buffering = match line_buffering {
        Some(l) => crate::vm::ops::is_true(vm, &l)?,
        None => false,
    };
    let v = wrap_object(vm, cls, buffer, false, line_buffering)?;
    if let Some(pf) = v.downcast::<PyFile>() {
        let mut inner = pf.inner.borrow_mut();
        inner.encoding = names.0.unwrap_or_else(|| "UTF-8".into());
        if let Some(e) = names.1 {
            inner.errors = e;
        }
    }
    Ok(v)
}

/// `BufferedReader(raw)`, `BufferedWriter(raw)`, `BufferedRandom(raw)`.
fn buffered_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    if let Some(blank) = blank_for_subclass(cls) {
        return Ok(blank);
    }
    static SIG: Sig = Sig::new("BufferedReader", &[p("raw"), opt("buffer_size")]);
    let [raw, _size] = SIG.parse::<2>(args)?;
    wrap_object(vm, cls, raw.unwrap_or_else(none), true, false)
}

fn wrap_object(vm: &mut Vm, cls: &Value, obj: Value, binary: bool, line_buffering: bool) -> PyResult<Value> {
    let ask = |vm: &mut Vm, m: &str| -> PyResult<bool> {
        match crate::vm::ops::getattr_opt(vm, &obj, &crate::objects::str::intern(m))? {
            Some(f) => {
                let r = crate::vm::call::call(vm, &f, &[])?;
                crate::vm::ops::is_true(vm, &r)
            }
            None => Ok(false),
        }
    };
    let readable = ask(vm, "readable")?;
    let writable = ask(vm, "writable")?;
    let name = crate::vm::ops::getattr_opt(vm, &obj, &crate::objects::str::intern("name"))?.unwrap_or_else(none);
    let ty = crate::objects::typeobject::as_type(cls).unwrap_or(&TEXT_IO_TYPE);
    let mode = match (readable, writable) {
        (true, true) => "r+",
        (false, true) => "w",
        _ => "r",
    };
    let v = heap::alloc(
        ty,
        PyFile {
            head: ObjectHead::uninit(),
            binary: Cell::new(binary),
            buffer: RefCell::new(None),
            inner: std::rc::Rc::new(RefCell::new(Inner {
                target: Target::Object(obj),
                name,
                mode: mode.to_string(),
                readable,
                writable,
                closed: false,
                wbuf: Vec::new(),
                rbuf: Vec::new(),
                eof: false,
                line_buffered: line_buffering,
                raw: false,
                encoding: "utf-8".into(),
                errors: "strict".into(),
                write_through: false,
                transcode: false,
                transcoded: false,
                closefd: true,
            })),
        },
    );
    Ok(v)
}

/// `FileIO(name, mode='r')`: an unbuffered binary file.
fn fileio_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    if let Some(blank) = blank_for_subclass(cls) {
        return Ok(blank);
    }
    static SIG: Sig = Sig::new("FileIO", &[p("file"), opt("mode"), opt("closefd"), opt("opener")]);
    let [file, mode, closefd, opener] = SIG.parse::<4>(args)?;
    let mode = match mode {
        Some(m) => as_str(&m).ok_or_else(|| type_error(format!("FileIO() argument 'mode' must be str, not {}", m.ty().name())))?.to_string(),
        None => "r".to_string(),
    };
    if mode.contains('t') || mode.contains('b') && mode.matches('b').count() > 1 {
        return Err(value_error(format!("invalid mode: {mode}")));
    }
    let bmode = if mode.contains('b') { mode } else { format!("{mode}b") };
    let argv = [file.unwrap_or_else(none), new_str(&bmode), new_int(0), none(), none(), none(), closefd.unwrap_or_else(|| bool_value(true)), opener.unwrap_or_else(none)];
    open(vm, Args::new(&argv))
}

fn not_yet(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let name = crate::objects::typeobject::as_type(cls).map(|t| t.name()).unwrap_or_default();
    Err(crate::vm::not_implemented_error(format!("_io.{name} is not implemented yet")))
}

/// `_io.open_code(path)`: opens a file for reading code (`open(path, 'rb')`).
fn io_open_code(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("open_code", &[p("path")]);
    let [path] = SIG.parse::<1>(args)?;
    let path = path.unwrap_or_else(none);
    if !crate::objects::str::is_str(&path) {
        return Err(type_error(format!("open_code() argument 'path' must be str, not {}", path.ty().name())));
    }
    let argv = [path, new_str("rb")];
    open(vm, Args::new(&argv))
}

/// `_io.text_encoding(encoding, stacklevel=2)`.
fn io_text_encoding(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("text_encoding", 1, 2)?;
    if is_none(&pos[0]) {
        return Ok(new_str("utf-8"));
    }
    Ok(pos[0].clone())
}

fn io_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    open(vm, args)
}

pub static IO_METHODS: &[MethodDef] = &[
    MethodDef::method("open", io_open),
    MethodDef::method("open_code", io_open_code),
    MethodDef::method("text_encoding", io_text_encoding),
];

fn init_module(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let add = super::add_object;
    add(m, "DEFAULT_BUFFER_SIZE", new_int(8192));
    add(m, "BlockingIOError", crate::objects::exceptions::BLOCKING_IO_ERROR.to_value());
    add(m, "UnsupportedOperation", unsupported_operation_type(vm)?);
    for t in FILE_TYPES {
        add(m, &t.name(), t.to_value());
    }
    Ok(())
}

pub static MODULE: super::ModuleDef = super::ModuleDef {
    name: "_io",
    doc: Some("The io module provides the Python interfaces to stream handling. The\nbuiltin open function is defined in this module."),
    methods: IO_METHODS,
    init: Some(init_module),
};
