//! Default methods of the abstract I/O bases `_io._IOBase`, `_RawIOBase`,
//! `_BufferedIOBase` and `_TextIOBase`, which `io.IOBase` and friends (and so
//! user-defined streams) inherit.  Mirrors CPython's `Modules/_io/iobase.c` and the base
//! classes in `bufferedio.c` / `textio.c`: everything is expressed through the
//! subclass's own `read`/`readinto`/`write`/`seek`, and closing is recorded in the
//! instance attribute `__IOBase_closed`.

use crate::objects::bytes::{as_bytes_like, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::intern;
use crate::objects::typeobject::{GetSetDef, MethodDef};
use crate::runtime::value::Value;
use crate::vm::call::call_method;
use crate::vm::{type_error, value_error, Args, PyResult, Vm};

const CLOSED_ATTR: &str = "__IOBase_closed";

fn self_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.positional().first().ok_or_else(|| type_error(format!("descriptor '{name}' of '_io._IOBase' object needs an argument")))
}

fn is_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let c = crate::vm::ops::getattr_str(vm, v, "closed")?;
    crate::vm::ops::is_true(vm, &c)
}

fn check_closed(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if is_closed(vm, v)? {
        return Err(value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn unsupported(name: &str) -> crate::vm::PyErr {
    super::io::unsupported_error(name)
}

fn iobase_closed(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let closed = crate::objects::object::instance_dict(v).and_then(|d| PyDict::get_str(&d, CLOSED_ATTR));
    Ok(bool_value(closed.map(|c| c.is(&bool_value(true))).unwrap_or(false)))
}

fn iobase_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "close")?;
    if is_closed(vm, v)? {
        return Ok(none());
    }
    let r = call_method(vm, v, "flush", &[]);
    if let Some(d) = crate::objects::object::instance_dict(v) {
        PyDict::set_str(&d, CLOSED_ATTR, bool_value(true));
    }
    r.map(|_| none())
}

fn iobase_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "flush")?;
    check_closed(vm, v)?;
    Ok(none())
}

fn iobase_false(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(bool_value(false))
}

fn iobase_seek(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("seek"))
}

fn iobase_truncate(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("truncate"))
}

fn iobase_fileno(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("fileno"))
}

fn iobase_tell(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "tell")?;
    call_method(vm, v, "seek", &[new_int(0), new_int(1)])
}

fn iobase_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "isatty")?;
    check_closed(vm, v)?;
    Ok(bool_value(false))
}

fn iobase_check_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "_checkClosed")?;
    check_closed(vm, v)?;
    Ok(none())
}

fn check_capability(vm: &mut Vm, args: Args, method: &str, msg: &str) -> PyResult<Value> {
    let v = self_arg(&args, method)?;
    let r = call_method(vm, v, method, &[])?;
    if !crate::vm::ops::is_true(vm, &r)? {
        return Err(unsupported(msg));
    }
    Ok(bool_value(true))
}

fn iobase_check_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_capability(vm, args, "readable", "File or stream is not readable.")
}

fn iobase_check_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_capability(vm, args, "writable", "File or stream is not writable.")
}

fn iobase_check_seekable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_capability(vm, args, "seekable", "File or stream is not seekable.")
}

fn iobase_enter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "__enter__")?;
    check_closed(vm, v)?;
    Ok(v.clone())
}

fn iobase_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "__exit__")?;
    call_method(vm, v, "close", &[])
}

fn iobase_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    check_closed(vm, v)?;
    Ok(v.clone())
}

fn iobase_iternext(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = call_method(vm, v, "readline", &[])?;
    Ok(if crate::vm::ops::len(vm, &line)? == 0 { None } else { Some(line) })
}

fn limit_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v.filter(|v| !is_none(v)) {
        Some(v) => crate::vm::ops::index_value(vm, v),
        None => Ok(-1),
    }
}

/// `_IOBase.readline(size=-1)`: bytes read one at a time (or through `peek`) up to a
/// newline.
fn iobase_readline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readline", 1, 2)?;
    let v = &pos[0];
    let limit = limit_arg(vm, pos.get(1))?;
    let mut out: Vec<u8> = Vec::new();
    let has_peek = crate::vm::ops::getattr_opt(vm, v, &intern("peek"))?.is_some();
    while limit < 0 || (out.len() as i64) < limit {
        let mut want = 1i64;
        if has_peek {
            let ahead = call_method(vm, v, "peek", &[new_int(1)])?;
            let ahead = as_bytes_like(&ahead).ok_or_else(|| type_error("peek() should have returned a bytes object"))?;
            if !ahead.is_empty() {
                let upto = ahead.iter().position(|b| *b == b'\n').map(|i| i + 1).unwrap_or(ahead.len()) as i64;
                want = if limit >= 0 { upto.min(limit - out.len() as i64) } else { upto };
            }
        }
        let chunk = call_method(vm, v, "read", &[new_int(want)])?;
        if is_none(&chunk) {
            break;
        }
        let bytes = as_bytes_like(&chunk)
            .ok_or_else(|| type_error(format!("read() should have returned a bytes object, not '{}'", chunk.ty().name())))?;
        if bytes.is_empty() {
            break;
        }
        out.extend_from_slice(&bytes);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(out))
}

fn iobase_readlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("readlines", 1, 2)?;
    let v = &pos[0];
    let hint = limit_arg(vm, pos.get(1))?;
    let it = crate::vm::ops::iter(vm, v)?;
    let mut lines = Vec::new();
    let mut total = 0i64;
    while let Some(line) = crate::vm::ops::next(vm, &it)? {
        total += crate::vm::ops::len(vm, &line)? as i64;
        lines.push(line);
        if hint > 0 && total >= hint {
            break;
        }
    }
    Ok(PyList::new_value(lines))
}

fn iobase_writelines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v, lines] = args.exact::<2>("writelines")?;
    check_closed(vm, v)?;
    let it = crate::vm::ops::iter(vm, lines)?;
    while let Some(line) = crate::vm::ops::next(vm, &it)? {
        call_method(vm, v, "write", &[line])?;
    }
    Ok(none())
}

pub static IOBASE_METHODS: &[MethodDef] = &[
    MethodDef::method("seek", iobase_seek),
    MethodDef::method("tell", iobase_tell),
    MethodDef::method("truncate", iobase_truncate),
    MethodDef::method("flush", iobase_flush),
    MethodDef::method("close", iobase_close),
    MethodDef::method("seekable", iobase_false),
    MethodDef::method("readable", iobase_false),
    MethodDef::method("writable", iobase_false),
    MethodDef::method("_checkClosed", iobase_check_closed),
    MethodDef::method("_checkSeekable", iobase_check_seekable),
    MethodDef::method("_checkReadable", iobase_check_readable),
    MethodDef::method("_checkWritable", iobase_check_writable),
    MethodDef::method("fileno", iobase_fileno),
    MethodDef::method("isatty", iobase_isatty),
    MethodDef::method("__enter__", iobase_enter),
    MethodDef::method("__exit__", iobase_exit),
    MethodDef::method("readline", iobase_readline),
    MethodDef::method("readlines", iobase_readlines),
    MethodDef::method("writelines", iobase_writelines),
];

pub static IOBASE_GETSETS: &[GetSetDef] = &[GetSetDef::new("closed", iobase_closed)];

/// `_RawIOBase.read(size=-1)`: through `readinto`.
fn rawiobase_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("read", 1, 2)?;
    let v = &pos[0];
    let size = limit_arg(vm, pos.get(1))?;
    if size < 0 {
        return call_method(vm, v, "readall", &[]);
    }
    let buf = crate::objects::bytearray::new_bytearray(vec![0u8; size as usize]);
    let n = call_method(vm, v, "readinto", &[buf.clone()])?;
    if is_none(&n) {
        return Ok(none());
    }
    let n = crate::vm::ops::index_value(vm, &n)?;
    if n < 0 || n > size {
        return Err(value_error(format!("readinto returned {n} outside buffer size {size}")));
    }
    let data = as_bytes_like(&buf).unwrap_or_default();
    Ok(new_bytes(data[..n as usize].to_vec()))
}

fn rawiobase_readall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = self_arg(&args, "readall")?;
    let mut out = Vec::new();
    loop {
        let chunk = call_method(vm, v, "read", &[new_int(8192)])?;
        if is_none(&chunk) {
            if out.is_empty() {
                return Ok(none());
            }
            break;
        }
        let bytes = as_bytes_like(&chunk).ok_or_else(|| type_error("read() should return bytes"))?;
        if bytes.is_empty() {
            break;
        }
        out.extend_from_slice(&bytes);
    }
    Ok(new_bytes(out))
}

pub static RAW_IOBASE_METHODS: &[MethodDef] =
    &[MethodDef::method("read", rawiobase_read), MethodDef::method("readall", rawiobase_readall)];

fn bufferediobase_unsupported_read(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("read"))
}

fn bufferediobase_unsupported_read1(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("read1"))
}

fn bufferediobase_unsupported_write(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("write"))
}

fn unsupported_detach(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("detach"))
}

fn readinto_via(vm: &mut Vm, args: Args, method: &str) -> PyResult<Value> {
    let [v, target] = args.exact::<2>("readinto")?;
    let n = crate::vm::ops::len(vm, target)?;
    let data = call_method(vm, v, method, &[new_int(n as i64)])?;
    let bytes = as_bytes_like(&data).ok_or_else(|| type_error("read() should return bytes"))?;
    for (i, b) in bytes.iter().enumerate().take(n) {
        crate::vm::ops::setitem(vm, target, &new_int(i as i64), &new_int(*b as i64))?;
    }
    Ok(new_int(bytes.len().min(n) as i64))
}

fn bufferediobase_readinto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    readinto_via(vm, args, "read")
}

fn bufferediobase_readinto1(vm: &mut Vm, args: Args) -> PyResult<Value> {
    readinto_via(vm, args, "read1")
}

pub static BUFFERED_IOBASE_METHODS: &[MethodDef] = &[
    MethodDef::method("read", bufferediobase_unsupported_read),
    MethodDef::method("read1", bufferediobase_unsupported_read1),
    MethodDef::method("write", bufferediobase_unsupported_write),
    MethodDef::method("detach", unsupported_detach),
    MethodDef::method("readinto", bufferediobase_readinto),
    MethodDef::method("readinto1", bufferediobase_readinto1),
];

fn textiobase_read(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("read"))
}

fn textiobase_readline(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("readline"))
}

fn textiobase_write(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(unsupported("write"))
}

fn g_none(_vm: &mut Vm, _v: &Value) -> PyResult<Value> {
    Ok(none())
}

pub static TEXT_IOBASE_METHODS: &[MethodDef] = &[
    MethodDef::method("read", textiobase_read),
    MethodDef::method("readline", textiobase_readline),
    MethodDef::method("write", textiobase_write),
    MethodDef::method("detach", unsupported_detach),
];

pub static TEXT_IOBASE_GETSETS: &[GetSetDef] =
    &[GetSetDef::new("encoding", g_none), GetSetDef::new("newlines", g_none), GetSetDef::new("errors", g_none)];

/// Slots of `_IOBase` (iteration).
pub fn init_types() {
    let s = &super::io::IOBASE_TYPE.slots;
    s.iter.set(Some(iobase_iter));
    s.iternext.set(Some(iobase_iternext));
}
