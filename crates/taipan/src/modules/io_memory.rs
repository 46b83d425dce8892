//! In-memory streams of `_io`: `StringIO` and `BytesIO`.  Mirrors CPython's
//! `Modules/_io/stringio.c` and `Modules/_io/bytesio.c` (a buffer and a position;
//! writing past the end pads with NUL).

use std::cell::RefCell;

use crate::objects::bytes::{as_bytes_like, new_bytes};
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_string};
use crate::objects::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Vm};

struct Buffer<T> {
    data: Vec<T>,
    pos: usize,
    closed: bool,
}

impl<T: Copy + Default> Buffer<T> {
    fn new() -> Self {
        Buffer { data: Vec::new(), pos: 0, closed: false }
    }

    fn write(&mut self, items: &[T]) {
        if self.pos > self.data.len() {
            self.data.resize(self.pos, T::default());
        }
        let end = self.pos + items.len();
        if end > self.data.len() {
            self.data.resize(end, T::default());
        }
        self.data[self.pos..end].copy_from_slice(items);
        self.pos = end;
    }

    fn read(&mut self, n: Option<usize>) -> Vec<T> {
        let start = self.pos.min(self.data.len());
        let end = match n {
            Some(n) => start.saturating_add(n).min(self.data.len()),
            None => self.data.len(),
        };
        self.pos = end.max(self.pos);
        self.data[start..end].to_vec()
    }

    fn read_line(&mut self, limit: Option<usize>, is_end: impl Fn(&[T], usize) -> Option<usize>) -> Vec<T> {
        let start = self.pos.min(self.data.len());
        let rest = &self.data[start..];
        let mut end = match is_end(rest, 0) {
            Some(i) => start + i,
            None => self.data.len(),
        };
        if let Some(l) = limit {
            end = end.min(start + l);
        }
        self.pos = end.max(self.pos);
        self.data[start..end].to_vec()
    }
}

#[repr(C)]
pub struct PyStringIO {
    head: ObjectHead,
    buf: RefCell<Buffer<char>>,
    /// The `newline` argument: None (universal), "", "\n", "\r" or "\r\n".
    newline: RefCell<Option<String>>,
}

#[repr(C)]
pub struct PyBytesIO {
    head: ObjectHead,
    buf: RefCell<Buffer<u8>>,
}

pub static STRING_IO_LAYOUT: Layout = crate::payload_layout!(PyStringIO, "_io.StringIO", heap::no_traverse, heap::no_clear);
pub static BYTES_IO_LAYOUT: Layout = crate::payload_layout!(PyBytesIO, "_io.BytesIO", heap::no_traverse, heap::no_clear);

impl PyPayload for PyStringIO {
    fn layout() -> &'static Layout {
        &STRING_IO_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &STRING_IO_TYPE
    }
}

impl PyPayload for PyBytesIO {
    fn layout() -> &'static Layout {
        &BYTES_IO_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &BYTES_IO_TYPE
    }
}

pub static STRING_IO_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "StringIO",
    layout: &STRING_IO_LAYOUT,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    base: Some(&super::io::TEXT_IOBASE_TYPE),
    methods: STRING_IO_METHODS,
    getsets: STRING_IO_GETSETS,
    doc: Some("Text I/O implementation using an in-memory buffer."),
    module: Some("_io"),
});

pub static BYTES_IO_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "BytesIO",
    layout: &BYTES_IO_LAYOUT,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    base: Some(&super::io::BUFFERED_IOBASE_TYPE),
    methods: BYTES_IO_METHODS,
    getsets: BYTES_IO_GETSETS,
    doc: Some("Buffered I/O implementation using an in-memory bytes buffer."),
    module: Some("_io"),
});

fn closed_error() -> PyErr {
    value_error("I/O operation on closed file.")
}

fn sio(v: &Value) -> PyResult<&PyStringIO> {
    v.downcast::<PyStringIO>().ok_or_else(|| type_error("StringIO expected"))
}

fn bio(v: &Value) -> PyResult<&PyBytesIO> {
    v.downcast::<PyBytesIO>().ok_or_else(|| type_error("BytesIO expected"))
}

/// A size argument: None or negative means "all".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v.filter(|v| !is_none(v)) {
        None => Ok(None),
        Some(v) => {
            let n = crate::vm::ops::index_value(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

// --- StringIO ---------------------------------------------------------------------

fn translate_in(s: &str, newline: Option<&str>) -> String {
    match newline {
        None => s.replace("\r\n", "\n").replace('\r', "\n"),
        Some("\r") => s.replace('\n', "\r"),
        Some("\r\n") => s.replace('\n', "\r\n"),
        _ => s.to_string(),
    }
}

fn sio_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = crate::objects::typeobject::as_type(cls).unwrap_or(&STRING_IO_TYPE);
    Ok(heap::alloc(
        ty,
        PyStringIO { head: ObjectHead::uninit(), buf: RefCell::new(Buffer::new()), newline: RefCell::new(Some("\n".into())) },
    ))
}

fn sio_init(_vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("StringIO", &[opt("initial_value"), opt("newline")]);
    let [initial, newline] = SIG.parse::<2>(args)?;
    let newline = match newline {
        None => Some("\n".to_string()),
        Some(n) if is_none(&n) => None,
        Some(n) => {
            let s = as_str(&n).ok_or_else(|| type_error(format!("newline must be str or None, not {}", n.ty().name())))?;
            if !matches!(s, "" | "\n" | "\r" | "\r\n") {
                return Err(value_error(format!("illegal newline value: {s}")));
            }
            Some(s.to_string())
        }
    };
    let initial = match initial.filter(|i| !is_none(i)) {
        None => String::new(),
        Some(i) => as_str(&i)
            .ok_or_else(|| type_error(format!("initial_value must be str or None, not {}", i.ty().name())))?
            .to_string(),
    };
    let this = sio(v)?;
    let text = translate_in(&initial, newline.as_deref());
    *this.newline.borrow_mut() = newline;
    let mut b = this.buf.borrow_mut();
    *b = Buffer::new();
    b.data = text.chars().collect();
    Ok(())
}

fn sio_open(v: &Value) -> PyResult<std::cell::RefMut<'_, Buffer<char>>> {
    let b = sio(v)?.buf.borrow_mut();
    if b.closed {
        return Err(closed_error());
    }
    Ok(b)
}

fn sio_getvalue(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("getvalue")?;
    let b = sio_open(v)?;
    Ok(new_string(b.data.iter().collect()))
}

fn sio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("read", 1, 2)?;
    let n = size_arg(vm, pos.get(1))?;
    let mut b = sio_open(&pos[0])?;
    Ok(new_string(b.read(n).into_iter().collect()))
}

fn line_end_char(newline: Option<&str>) -> impl Fn(&[char], usize) -> Option<usize> + '_ {
    move |rest: &[char], _| match newline {
        Some("\r") => rest.iter().position(|c| *c == '\r').map(|i| i + 1),
        Some("\r\n") => rest.windows(2).position(|w| w == ['\r', '\n']).map(|i| i + 2),
        Some("") => {
            let i = rest.iter().position(|c| *c == '\n' || *c == '\r')?;
            Some(if rest[i] == '\r' && rest.get(i + 1) == Some(&'\n') { i + 2 } else { i + 1 })
        }
        _ => rest.iter().position(|c| *c == '\n').map(|i| i + 1),
    }
}

fn sio_readline_inner(v: &Value, limit: Option<usize>) -> PyResult<String> {
    let newline = sio(v)?.newline.borrow().clone();
    let mut b = sio_open(v)?;
    Ok(b.read_line(limit, line_end_char(newline.as_deref())).into_iter().collect())
}

fn sio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readline", 1, 2)?;
    let n = size_arg(vm, pos.get(1))?;
    Ok(new_string(sio_readline_inner(&pos[0], n)?))
}

fn sio_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readlines", 1, 2)?;
    let hint = size_arg(vm, pos.get(1))?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = sio_readline_inner(&pos[0], None)?;
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        lines.push(new_string(line));
        if hint.map(|h| total >= h).unwrap_or(false) {
            break;
        }
    }
    Ok(PyList::new_value(lines))
}

fn sio_write(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, s] = args.exact::<2>("write")?;
    let text = as_str(s).ok_or_else(|| type_error(format!("string argument expected, got '{}'", s.ty().name())))?;
    let newline = sio(v)?.newline.borrow().clone();
    let n = text.chars().count();
    let translated = translate_in(text, newline.as_deref());
    let chars: Vec<char> = translated.chars().collect();
    sio_open(v)?.write(&chars);
    Ok(new_int(n as i64))
}

fn sio_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, lines] = args.exact::<2>("writelines")?;
    for line in crate::vm::ops::collect_iter(vm, lines)? {
        let argv = [v.clone(), line];
        sio_write(vm, Args::new(&argv))?;
    }
    Ok(none())
}

fn sio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("seek", 2, 3)?;
    let offset = crate::vm::ops::index_value(vm, &pos[1])?;
    let whence = match pos.get(2) {
        Some(w) => crate::vm::ops::index_value(vm, w)?,
        None => 0,
    };
    let mut b = sio_open(&pos[0])?;
    match whence {
        0 => {
            if offset < 0 {
                return Err(value_error(format!("Negative seek position {offset}")));
            }
            b.pos = offset as usize;
        }
        1 | 2 if offset != 0 => return Err(super::io::unsupported_error("Can't do nonzero cur-relative seeks")),
        1 => {}
        2 => b.pos = b.data.len(),
        _ => return Err(value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    Ok(new_int(b.pos as i64))
}

fn sio_tell(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("tell")?;
    Ok(new_int(sio_open(v)?.pos as i64))
}

fn sio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("truncate", 1, 2)?;
    let size = match pos.get(1).filter(|v| !is_none(v)) {
        Some(s) => {
            let n = crate::vm::ops::index_value(vm, s)?;
            if n < 0 {
                return Err(value_error(format!("Negative size value {n}")));
            }
            Some(n as usize)
        }
        None => None,
    };
    let mut b = sio_open(&pos[0])?;
    let size = size.unwrap_or(b.pos);
    if size < b.data.len() {
        b.data.truncate(size);
    }
    Ok(new_int(size as i64))
}

fn sio_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("close")?;
    let mut b = sio(v)?.buf.borrow_mut();
    b.closed = true;
    b.data = Vec::new();
    Ok(none())
}

fn sio_iternext(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = sio_readline_inner(v, None)?;
    Ok(if line.is_empty() { None } else { Some(new_string(line)) })
}

fn sio_closed(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(sio(v)?.buf.borrow().closed))
}

fn sio_newlines(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(none())
}

fn sio_line_buffering(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    sio_open(v)?;
    Ok(bool_value(false))
}

// --- BytesIO ----------------------------------------------------------------------

fn bio_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = crate::objects::typeobject::as_type(cls).unwrap_or(&BYTES_IO_TYPE);
    Ok(heap::alloc(ty, PyBytesIO { head: ObjectHead::uninit(), buf: RefCell::new(Buffer::new()) }))
}

fn bio_init(_vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    use crate::vm::args::opt;
    static SIG: crate::vm::Sig = crate::vm::Sig::new("BytesIO", &[opt("initial_bytes")]);
    let [initial] = SIG.parse::<1>(args)?;
    let data = match initial.filter(|i| !is_none(i)) {
        None => Vec::new(),
        Some(i) => as_bytes_like(&i).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", i.ty().name())))?,
    };
    let mut b = bio(v)?.buf.borrow_mut();
    *b = Buffer::new();
    b.data = data;
    Ok(())
}

fn bio_open(v: &Value) -> PyResult<std::cell::RefMut<'_, Buffer<u8>>> {
    let b = bio(v)?.buf.borrow_mut();
    if b.closed {
        return Err(closed_error());
    }
    Ok(b)
}

fn bio_getvalue(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("getvalue")?;
    Ok(new_bytes(bio_open(v)?.data.clone()))
}

/// `BytesIO.getbuffer()`.
/// NOTE: a read-only view of a snapshot of the contents, not a writable view sharing
/// the buffer (CPython's also blocks resizing while exported).
fn bio_getbuffer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("getbuffer")?;
    let data = new_bytes(bio_open(v)?.data.clone());
    crate::objects::memoryview::new_memoryview(&data).ok_or_else(|| crate::vm::type_error("memoryview of BytesIO failed"))
}

fn bio_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("read", 1, 2)?;
    let n = size_arg(vm, pos.get(1))?;
    Ok(new_bytes(bio_open(&pos[0])?.read(n)))
}

fn bio_readline_inner(v: &Value, limit: Option<usize>) -> PyResult<Vec<u8>> {
    Ok(bio_open(v)?.read_line(limit, |rest, _| rest.iter().position(|c| *c == b'\n').map(|i| i + 1)))
}

fn bio_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readline", 1, 2)?;
    let n = size_arg(vm, pos.get(1))?;
    Ok(new_bytes(bio_readline_inner(&pos[0], n)?))
}

fn bio_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readlines", 1, 2)?;
    let hint = size_arg(vm, pos.get(1))?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = bio_readline_inner(&pos[0], None)?;
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(new_bytes(line));
        if hint.map(|h| total >= h).unwrap_or(false) {
            break;
        }
    }
    Ok(PyList::new_value(lines))
}

fn bio_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, target] = args.exact::<2>("readinto")?;
    if let Some(n) = crate::objects::memoryview::writable_nbytes(target) {
        let data = bio_open(v)?.read(Some(n));
        return Ok(new_int(crate::objects::memoryview::write_into(target, &data) as i64));
    }
    let n = crate::vm::ops::len(vm, target)?;
    let data = bio_open(v)?.read(Some(n));
    for (i, byte) in data.iter().enumerate() {
        crate::vm::ops::setitem(vm, target, &new_int(i as i64), &new_int(*byte as i64))?;
    }
    Ok(new_int(data.len() as i64))
}

fn bio_write(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, data] = args.exact::<2>("write")?;
    let bytes = as_bytes_like(data).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", data.ty().name())))?;
    bio_open(v)?.write(&bytes);
    Ok(new_int(bytes.len() as i64))
}

fn bio_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, lines] = args.exact::<2>("writelines")?;
    for line in crate::vm::ops::collect_iter(vm, lines)? {
        let argv = [v.clone(), line];
        bio_write(vm, Args::new(&argv))?;
    }
    Ok(none())
}

fn bio_seek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("seek", 2, 3)?;
    let offset = crate::vm::ops::index_value(vm, &pos[1])?;
    let whence = match pos.get(2) {
        Some(w) => crate::vm::ops::index_value(vm, w)?,
        None => 0,
    };
    let mut b = bio_open(&pos[0])?;
    let base = match whence {
        0 => {
            if offset < 0 {
                return Err(value_error(format!("negative seek value {offset}")));
            }
            0
        }
        1 => b.pos as i64,
        2 => b.data.len() as i64,
        _ => return Err(value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    b.pos = base.saturating_add(offset).max(0) as usize;
    Ok(new_int(b.pos as i64))
}

fn bio_tell(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("tell")?;
    Ok(new_int(bio_open(v)?.pos as i64))
}

fn bio_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("truncate", 1, 2)?;
    let size = match pos.get(1).filter(|v| !is_none(v)) {
        Some(s) => {
            let n = crate::vm::ops::index_value(vm, s)?;
            if n < 0 {
                return Err(value_error(format!("negative size value {n}")));
            }
            Some(n as usize)
        }
        None => None,
    };
    let mut b = bio_open(&pos[0])?;
    let size = size.unwrap_or(b.pos);
    if size < b.data.len() {
        b.data.truncate(size);
    }
    Ok(new_int(size as i64))
}

fn bio_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("close")?;
    let mut b = bio(v)?.buf.borrow_mut();
    b.closed = true;
    b.data = Vec::new();
    Ok(none())
}

fn bio_iternext(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = bio_readline_inner(v, None)?;
    Ok(if line.is_empty() { None } else { Some(new_bytes(line)) })
}

fn bio_closed(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(bio(v)?.buf.borrow().closed))
}

// --- shared methods ---------------------------------------------------------------

fn is_closed(v: &Value) -> PyResult<bool> {
    if let Some(s) = v.downcast::<PyStringIO>() {
        return Ok(s.buf.borrow().closed);
    }
    Ok(bio(v)?.buf.borrow().closed)
}

fn check_open(v: &Value) -> PyResult<()> {
    if is_closed(v)? {
        return Err(closed_error());
    }
    Ok(())
}

fn m_true(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("readable")?;
    check_open(v)?;
    Ok(bool_value(true))
}

fn m_isatty(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("isatty")?;
    check_open(v)?;
    Ok(bool_value(false))
}

fn m_flush(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("flush")?;
    check_open(v)?;
    Ok(none())
}

fn m_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("fileno")?;
    Err(super::io::unsupported_error("fileno"))
}

fn m_detach(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("detach")?;
    Err(super::io::unsupported_error("detach"))
}

fn m_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__enter__")?;
    check_open(v)?;
    Ok(v.clone())
}

fn m_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.positional().first().cloned().ok_or_else(|| type_error("__exit__ needs self"))?;
    crate::vm::call::call_method(vm, &v, "close", &[])?;
    Ok(none())
}

fn m_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    check_open(v)?;
    Ok(v.clone())
}

fn g_none(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(none())
}

static STRING_IO_METHODS: &[MethodDef] = &[
    MethodDef::method("getvalue", sio_getvalue),
    MethodDef::method("read", sio_read),
    MethodDef::method("readline", sio_readline),
    MethodDef::method("readlines", sio_readlines),
    MethodDef::method("write", sio_write),
    MethodDef::method("writelines", sio_writelines),
    MethodDef::method("seek", sio_seek),
    MethodDef::method("tell", sio_tell),
    MethodDef::method("truncate", sio_truncate),
    MethodDef::method("close", sio_close),
    MethodDef::method("readable", m_true),
    MethodDef::method("writable", m_true),
    MethodDef::method("seekable", m_true),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("flush", m_flush),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("detach", m_detach),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
];

static STRING_IO_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("closed", sio_closed),
    GetSetDef::new("newlines", sio_newlines),
    GetSetDef::new("line_buffering", sio_line_buffering),
    GetSetDef::new("encoding", g_none),
    GetSetDef::new("errors", g_none),
];

static BYTES_IO_METHODS: &[MethodDef] = &[
    MethodDef::method("getvalue", bio_getvalue),
    MethodDef::method("getbuffer", bio_getbuffer),
    MethodDef::method("read", bio_read),
    MethodDef::method("read1", bio_read),
    MethodDef::method("readline", bio_readline),
    MethodDef::method("readlines", bio_readlines),
    MethodDef::method("readinto", bio_readinto),
    MethodDef::method("write", bio_write),
    MethodDef::method("writelines", bio_writelines),
    MethodDef::method("seek", bio_seek),
    MethodDef::method("tell", bio_tell),
    MethodDef::method("truncate", bio_truncate),
    MethodDef::method("close", bio_close),
    MethodDef::method("readable", m_true),
    MethodDef::method("writable", m_true),
    MethodDef::method("seekable", m_true),
    MethodDef::method("isatty", m_isatty),
    MethodDef::method("flush", m_flush),
    MethodDef::method("fileno", m_fileno),
    MethodDef::method("detach", m_detach),
    MethodDef::method("__enter__", m_enter),
    MethodDef::method("__exit__", m_exit),
];

static BYTES_IO_GETSETS: &[GetSetDef] = &[GetSetDef::new("closed", bio_closed)];

pub fn init_types() {
    let s = &STRING_IO_TYPE.slots;
    s.new.set(Some(sio_new));
    s.init.set(Some(sio_init));
    s.iter.set(Some(m_iter));
    s.iternext.set(Some(sio_iternext));
    let b = &BYTES_IO_TYPE.slots;
    b.new.set(Some(bio_new));
    b.init.set(Some(bio_init));
    b.iter.set(Some(m_iter));
    b.iternext.set(Some(bio_iternext));
}
