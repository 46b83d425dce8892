//! The `posix` module: the operating-system calls `os` is built on.  Mirrors CPython's
//! `Modules/posixmodule.c` (the subset `os`, `importlib`, `runpy`, `pathlib` and
//! `shutil` need on Linux): paths are `str` (or `bytes`, answered in kind), errors are
//! `OSError` subclasses chosen by errno with the offending file name attached.

use std::ffi::{CString, OsStr};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::MetadataExt;

use super::ModuleDef;

#[path = "posix_process.rs"]
pub mod process;
use crate::objects::bytes::{as_bytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::exceptions;
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int};
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt, p};
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

/// A path argument converted for a system call (CPython's `path_t`).
struct PathArg {
    /// The original object (for error messages' `filename`).
    object: Value,
    bytes: Vec<u8>,
    /// Results are `bytes` when the argument was.
    is_bytes: bool,
}

impl PathArg {
    fn os(&self) -> &OsStr {
        OsStr::from_bytes(&self.bytes)
    }

    fn cstring(&self) -> PyResult<CString> {
        CString::new(self.bytes.clone()).map_err(|_| value_error("embedded null byte"))
    }

    fn error(&self, e: &std::io::Error) -> PyErr {
        os_error(e, Some(self.object.clone()))
    }
}

/// An OSError subclass for a failed system call, with the C library's message
/// (`PyErr_SetFromErrnoWithFilenameObject`).
fn os_error(e: &std::io::Error, filename: Option<Value>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    if exceptions::strerror(errno).is_some() || errno == 0 {
        return exceptions::os_error_from_io(e, filename);
    }
    // SAFETY: strerror returns a NUL-terminated static or thread-local message.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }.to_string_lossy().into_owned();
    let mut args = vec![new_int(errno as i64), new_string(msg)];
    args.extend(filename);
    PyErr::from_value(exceptions::new_exception(exceptions::os_error_subclass(errno as i64), args))
}

/// `os.fspath()`: str and bytes pass through, other objects go through `__fspath__`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if crate::objects::str::is_str(v) || as_bytes(v).is_some() {
        return Ok(v.clone());
    }
    match crate::vm::ops::lookup_special(v, "__fspath__") {
        Some(f) if !is_none(&f) => {
            let r = crate::vm::call::call(vm, &f, std::slice::from_ref(v))?;
            if crate::objects::str::is_str(&r) || as_bytes(&r).is_some() {
                Ok(r)
            } else {
                Err(type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    v.ty().name(),
                    r.ty().name()
                )))
            }
        }
        _ => Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", v.ty().name()))),
    }
}

fn path_arg(vm: &mut Vm, fname: &str, argname: &str, v: &Value, allow_fd: bool) -> PyResult<PathArg> {
    let bad = || {
        let kinds = if allow_fd { "string, bytes, os.PathLike or integer" } else { "string, bytes or os.PathLike" };
        type_error(format!("{fname}: {argname} should be {kinds}, not {}", v.ty().name()))
    };
    let has_fspath = crate::vm::ops::lookup_special(v, "__fspath__").is_some();
    let resolved = if crate::objects::str::is_str(v) || as_bytes(v).is_some() || has_fspath {
        fspath(vm, v).map_err(|e| if has_fspath { e } else { bad() })?
    } else {
        return Err(bad());
    };
    let (bytes, is_bytes) = match as_str(&resolved) {
        Some(s) => (s.as_bytes().to_vec(), false),
        None => (as_bytes(&resolved).map(<[u8]>::to_vec).unwrap_or_default(), true),
    };
    if bytes.contains(&0) {
        return Err(value_error(format!("{fname}: embedded null character in {argname}")));
    }
    Ok(PathArg { object: v.clone(), bytes, is_bytes })
}

fn path_result(bytes: Vec<u8>, as_bytes_result: bool) -> Value {
    if as_bytes_result {
        new_bytes(bytes)
    } else {
        new_string(String::from_utf8_lossy(&bytes).into_owned())
    }
}

fn last_os_error() -> std::io::Error {
    std::io::Error::last_os_error()
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = crate::vm::ops::index_value(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::new(&exceptions::OVERFLOW_ERROR, "fd is greater than maximum"))
}

fn posix_getcwd(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getcwd", 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(&e, None))?;
    Ok(path_result(d.into_os_string().into_vec(), false))
}

fn posix_getcwdb(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getcwdb", 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(&e, None))?;
    Ok(path_result(d.into_os_string().into_vec(), true))
}

fn posix_chdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chdir", &[p("path")]);
    let [path] = SIG.parse::<1>(args)?;
    let path = path_arg(vm, "chdir", "path", &path.unwrap_or_else(none), false)?;
    std::env::set_current_dir(path.os()).map_err(|e| path.error(&e))?;
    Ok(none())
}

fn posix_fspath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fspath", &[p("path")]);
    let [path] = SIG.parse::<1>(args)?;
    fspath(vm, &path.unwrap_or_else(none))
}

fn posix_listdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("listdir", &[opt("path")]);
    let [path] = SIG.parse::<1>(args)?;
    let path = match path.filter(|p| !is_none(p)) {
        Some(p) => path_arg(vm, "listdir", "path", &p, true)?,
        None => PathArg { object: new_str("."), bytes: b".".to_vec(), is_bytes: false },
    };
    let rd = std::fs::read_dir(path.os()).map_err(|e| path.error(&e))?;
    let mut out = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| path.error(&e))?;
        out.push(path_result(entry.file_name().into_vec(), path.is_bytes));
    }
    Ok(PyList::new_value(out))
}

/// Builds an `os.stat_result` from metadata.
fn stat_result(vm: &mut Vm, md: &std::fs::Metadata) -> PyResult<Value> {
    let ty = stat_result_type(vm)?;
    let time = |s: i64, ns: i64| new_float(s as f64 + ns as f64 * 1e-9);
    let ns = |s: i64, ns: i64| new_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + ns);
    let v = crate::objects::structseq::new_structseq(
        &ty,
        vec![
            new_int(md.mode() as i64),
            new_bigint(md.ino().into()),
            new_bigint(md.dev().into()),
            new_int(md.nlink() as i64),
            new_int(md.uid() as i64),
            new_int(md.gid() as i64),
            new_int(md.size() as i64),
            new_int(md.atime()),
            new_int(md.mtime()),
            new_int(md.ctime()),
        ],
    );
    if let Some(d) = crate::objects::object::instance_dict(&v) {
        PyDict::set_str(&d, "st_atime", time(md.atime(), md.atime_nsec()));
        PyDict::set_str(&d, "st_mtime", time(md.mtime(), md.mtime_nsec()));
        PyDict::set_str(&d, "st_ctime", time(md.ctime(), md.ctime_nsec()));
        PyDict::set_str(&d, "st_atime_ns", ns(md.atime(), md.atime_nsec()));
        PyDict::set_str(&d, "st_mtime_ns", ns(md.mtime(), md.mtime_nsec()));
        PyDict::set_str(&d, "st_ctime_ns", ns(md.ctime(), md.ctime_nsec()));
        PyDict::set_str(&d, "st_blksize", new_int(md.blksize() as i64));
        PyDict::set_str(&d, "st_blocks", new_int(md.blocks() as i64));
        PyDict::set_str(&d, "st_rdev", new_int(md.rdev() as i64));
    }
    Ok(v)
}

const STAT_FIELDS: &[&str] =
    &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];

/// The float times and other extra fields live in the instance dict and win over the
/// integer times of the sequence part (CPython's stat_result has both).
fn stat_getattro(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(d) = crate::objects::object::instance_dict(v) {
        if let Some(x) = PyDict::get_item_opt(vm, &d, name)? {
            return Ok(x);
        }
    }
    if let Some(i) = as_str(name).and_then(|n| STAT_FIELDS.iter().position(|f| *f == n)) {
        if let Some(x) = crate::objects::tuple::as_tuple(v).and_then(|t| t.get(i)) {
            return Ok(x.clone());
        }
    }
    crate::objects::object::generic_getattr(vm, v, name)
}

fn stat_result_type(vm: &mut Vm) -> PyResult<Value> {
    if let Some(t) = vm.modules_state.posix_stat_result.clone() {
        return Ok(t);
    }
    let t = crate::objects::structseq::new_structseq_type(vm, "os", "stat_result", STAT_FIELDS)?;
    if let Some(ty) = crate::objects::typeobject::as_type(&t) {
        ty.slots.getattro.set(Some(stat_getattro));
    }
    vm.modules_state.posix_stat_result = Some(t.clone());
    Ok(t)
}

fn do_stat(vm: &mut Vm, fname: &'static str, args: Args, follow_default: bool) -> PyResult<Value> {
    static SIG: Sig = Sig::new("stat", &[p("path"), kw("dir_fd"), kw("follow_symlinks")]);
    let [path, _dir_fd, follow] = SIG.parse::<3>(args)?;
    let path = path.unwrap_or_else(none);
    let follow = match follow {
        Some(f) => crate::vm::ops::is_true(vm, &f)?,
        None => follow_default,
    };
    if crate::objects::int::as_int(&path).is_some() && !crate::objects::str::is_str(&path) {
        let fd = fd_arg(vm, &path)?;
        return fstat_fd(vm, fd);
    }
    let pa = path_arg(vm, fname, "path", &path, true)?;
    let md = if follow { std::fs::metadata(pa.os()) } else { std::fs::symlink_metadata(pa.os()) };
    let md = md.map_err(|e| pa.error(&e))?;
    stat_result(vm, &md)
}

fn fstat_fd(vm: &mut Vm, fd: i32) -> PyResult<Value> {
    use std::os::fd::FromRawFd;
    // SAFETY: the File is never dropped (ManuallyDrop), so the descriptor stays open.
    let f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    let md = f.metadata().map_err(|e| os_error(&e, None))?;
    stat_result(vm, &md)
}

fn posix_stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_stat(vm, "stat", args, true)
}

fn posix_lstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    do_stat(vm, "lstat", args, false)
}

fn posix_fstat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("fstat", &[p("fd")]);
    let [fd] = SIG.parse::<1>(args)?;
    let fd = fd_arg(vm, &fd.unwrap_or_else(none))?;
    if fd < 0 {
        return Err(os_error(&std::io::Error::from_raw_os_error(libc::EBADF), None));
    }
    fstat_fd(vm, fd)
}

fn one_path_op(vm: &mut Vm, args: Args, sig: &'static Sig, op: fn(&OsStr) -> std::io::Result<()>) -> PyResult<Value> {
    let [path, _dir_fd] = sig.parse::<2>(args)?;
    let pa = path_arg(vm, sig.fname, "path", &path.unwrap_or_else(none), false)?;
    op(pa.os()).map_err(|e| pa.error(&e))?;
    Ok(none())
}

fn posix_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("remove", &[p("path"), kw("dir_fd")]);
    one_path_op(vm, args, &SIG, |p| std::fs::remove_file(p))
}

fn posix_unlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unlink", &[p("path"), kw("dir_fd")]);
    one_path_op(vm, args, &SIG, |p| std::fs::remove_file(p))
}

fn posix_rmdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("rmdir", &[p("path"), kw("dir_fd")]);
    one_path_op(vm, args, &SIG, |p| std::fs::remove_dir(p))
}

fn posix_mkdir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("mkdir", &[p("path"), opt("mode"), kw("dir_fd")]);
    let [path, mode, _dir_fd] = SIG.parse::<3>(args)?;
    let pa = path_arg(vm, "mkdir", "path", &path.unwrap_or_else(none), false)?;
    let mode = match mode {
        Some(m) => crate::vm::ops::index_value(vm, &m)? as libc::mode_t,
        None => 0o777,
    };
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    if unsafe { libc::mkdir(c.as_ptr(), mode) } != 0 {
        return Err(pa.error(&last_os_error()));
    }
    Ok(none())
}

fn two_path_op(vm: &mut Vm, args: Args, sig: &'static Sig) -> PyResult<Value> {
    let [src, dst, _a, _b] = sig.parse::<4>(args)?;
    let s = path_arg(vm, sig.fname, "src", &src.unwrap_or_else(none), false)?;
    let d = path_arg(vm, sig.fname, "dst", &dst.unwrap_or_else(none), false)?;
    std::fs::rename(s.os(), d.os()).map_err(|e| {
        let errno = e.raw_os_error().unwrap_or(0) as i64;
        let msg = exceptions::strerror(errno as i32).unwrap_or_else(|| e.to_string());
        let ty = exceptions::os_error_subclass(errno);
        PyErr::from_value(exceptions::new_exception(
            ty,
            vec![new_int(errno), new_string(msg), s.object.clone(), new_int(0), d.object.clone()],
        ))
    })?;
    Ok(none())
}

fn posix_rename(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("rename", &[p("src"), p("dst"), kw("src_dir_fd"), kw("dst_dir_fd")]);
    two_path_op(vm, args, &SIG)
}

fn posix_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("replace", &[p("src"), p("dst"), kw("src_dir_fd"), kw("dst_dir_fd")]);
    two_path_op(vm, args, &SIG)
}

fn posix_access(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("access", &[p("path"), p("mode"), kw("dir_fd"), kw("effective_ids"), kw("follow_symlinks")]);
    let [path, mode, _, _, _] = SIG.parse::<5>(args)?;
    let pa = path_arg(vm, "access", "path", &path.unwrap_or_else(none), false)?;
    let mode = crate::vm::ops::index_value(vm, &mode.unwrap_or_else(none))? as i32;
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    Ok(bool_value(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}

fn posix_readlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("readlink", &[p("path"), kw("dir_fd")]);
    let [path, _] = SIG.parse::<2>(args)?;
    let pa = path_arg(vm, "readlink", "path", &path.unwrap_or_else(none), false)?;
    let target = std::fs::read_link(pa.os()).map_err(|e| pa.error(&e))?;
    Ok(path_result(target.into_os_string().into_vec(), pa.is_bytes))
}

fn posix_symlink(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("symlink", &[p("src"), p("dst"), opt("target_is_directory"), kw("dir_fd")]);
    let [src, dst, _, _] = SIG.parse::<4>(args)?;
    let s = path_arg(vm, "symlink", "src", &src.unwrap_or_else(none), false)?;
    let d = path_arg(vm, "symlink", "dst", &dst.unwrap_or_else(none), false)?;
    std::os::unix::fs::symlink(s.os(), d.os()).map_err(|e| s.error(&e))?;
    Ok(none())
}

fn posix_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("open", &[p("path"), p("flags"), opt("mode"), kw("dir_fd")]);
    let [path, flags, mode, _] = SIG.parse::<4>(args)?;
    let pa = path_arg(vm, "open", "path", &path.unwrap_or_else(none), false)?;
    let flags = crate::vm::ops::index_value(vm, &flags.unwrap_or_else(none))? as i32;
    let mode = match mode {
        Some(m) => crate::vm::ops::index_value(vm, &m)? as libc::c_uint,
        None => 0o777,
    };
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode) };
    if fd < 0 {
        return Err(pa.error(&last_os_error()));
    }
    Ok(new_int(fd as i64))
}

fn posix_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("close", &[p("fd")]);
    let [fd] = SIG.parse::<1>(args)?;
    let fd = fd_arg(vm, &fd.unwrap_or_else(none))?;
    // SAFETY: closing a descriptor number has no memory effects.
    if unsafe { libc::close(fd) } != 0 {
        return Err(os_error(&last_os_error(), None));
    }
    Ok(none())
}

fn posix_read(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, n] = args.exact::<2>("read")?;
    let fd = fd_arg(vm, fd)?;
    let n = crate::vm::ops::index_value(vm, n)?;
    if n < 0 {
        return Err(value_error("negative length"));
    }
    let mut buf = vec![0u8; (n as usize).min(1 << 30)];
    // SAFETY: `buf` is valid for `buf.len()` bytes.
    let got = process::retry_eintr(vm, || unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) })?;
    buf.truncate(got as usize);
    Ok(new_bytes(buf))
}

fn posix_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, data] = args.exact::<2>("write")?;
    let fd = fd_arg(vm, fd)?;
    let data = crate::objects::bytes::as_bytes_like(data)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", data.ty().name())))?;
    // SAFETY: `data` is valid for `data.len()` bytes.
    let n = process::retry_eintr(vm, || unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) })?;
    Ok(new_int(n as i64))
}

fn posix_lseek(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, pos, how] = args.exact::<3>("lseek")?;
    let fd = fd_arg(vm, fd)?;
    let pos = crate::vm::ops::index_value(vm, pos)?;
    let how = crate::vm::ops::index_value(vm, how)? as i32;
    // SAFETY: lseek only moves the descriptor's offset.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 {
        return Err(os_error(&last_os_error(), None));
    }
    Ok(new_int(r))
}

fn posix_isatty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("isatty")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: isatty only inspects the descriptor.
    Ok(bool_value(unsafe { libc::isatty(fd) } == 1))
}

fn posix_strerror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code] = args.exact::<1>("strerror")?;
    let code = crate::vm::ops::index_value(vm, code)? as i32;
    // SAFETY: strerror returns a NUL-terminated static or thread-local message.
    Ok(new_string(unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) }.to_string_lossy().into_owned()))
}

fn posix_urandom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("urandom")?;
    let n = crate::vm::ops::index_value(vm, n)?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`.
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            return Err(os_error(&last_os_error(), None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(buf))
}

fn posix_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [code] = args.exact::<1>("_exit")?;
    let code = crate::vm::ops::index_value(vm, code)?;
    // NOTE: as CPython's, `_exit` does not flush Python's buffers: data a forked child
    // inherited unflushed must not be written twice.
    // SAFETY: _exit ends the process at once.
    unsafe { libc::_exit(code as i32) }
}

fn posix_putenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [k, v] = args.exact::<2>("putenv")?;
    let k = path_arg(vm, "putenv", "name", k, false)?;
    let v = path_arg(vm, "putenv", "value", v, false)?;
    if k.bytes.is_empty() || k.bytes.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: Taipan runs Python on one thread; nothing reads the environment concurrently.
    unsafe { std::env::set_var(k.os(), v.os()) };
    Ok(none())
}

fn posix_unsetenv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [k] = args.exact::<1>("unsetenv")?;
    let k = path_arg(vm, "unsetenv", "name", k, false)?;
    if k.bytes.is_empty() || k.bytes.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    // SAFETY: as in putenv.
    unsafe { std::env::remove_var(k.os()) };
    Ok(none())
}

fn posix_umask(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [mask] = args.exact::<1>("umask")?;
    let mask = crate::vm::ops::index_value(vm, mask)? as libc::mode_t;
    // SAFETY: umask has no memory effects.
    Ok(new_int(unsafe { libc::umask(mask) } as i64))
}

macro_rules! noarg_int {
    ($fn_name:ident, $py:literal, $call:expr) => {
        fn $fn_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check($py, 0, 0)?;
            // SAFETY: these process queries have no memory effects.
            Ok(new_int(unsafe { $call } as i64))
        }
    };
}

noarg_int!(posix_getpid, "getpid", libc::getpid());
noarg_int!(posix_getppid, "getppid", libc::getppid());
noarg_int!(posix_getuid, "getuid", libc::getuid());
noarg_int!(posix_geteuid, "geteuid", libc::geteuid());
noarg_int!(posix_getgid, "getgid", libc::getgid());
noarg_int!(posix_getegid, "getegid", libc::getegid());

fn posix_cpu_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("cpu_count", 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => new_int(n.get() as i64),
        Err(_) => none(),
    })
}

fn posix_device_encoding(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("device_encoding")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: isatty only inspects the descriptor.
    Ok(if unsafe { libc::isatty(fd) } == 1 { new_str("UTF-8") } else { none() })
}

fn posix_uname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("uname", 0, 0)?;
    // SAFETY: utsname is plain data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return Err(os_error(&last_os_error(), None));
    }
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect();
        new_string(String::from_utf8_lossy(&bytes).into_owned())
    };
    let t = crate::objects::structseq::new_structseq_type(vm, "posix", "uname_result", &["sysname", "nodename", "release", "version", "machine"])?;
    Ok(crate::objects::structseq::new_structseq(
        &t,
        vec![field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)],
    ))
}

fn posix_get_terminal_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("get_terminal_size", 0, 1)?;
    let fd = match pos.first() {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    // SAFETY: winsize is plain data that TIOCGWINSZ fills.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } != 0 {
        return Err(os_error(&last_os_error(), None));
    }
    let t = terminal_size_type(vm)?;
    Ok(crate::objects::structseq::new_structseq(&t, vec![new_int(ws.ws_col as i64), new_int(ws.ws_row as i64)]))
}

thread_local! {
    static TERMINAL_SIZE: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// `os.terminal_size`, created once.
fn terminal_size_type(vm: &mut Vm) -> PyResult<Value> {
    if let Some(t) = TERMINAL_SIZE.with(|t| t.borrow().clone()) {
        return Ok(t);
    }
    let t = crate::objects::structseq::new_structseq_type(vm, "os", "terminal_size", &["columns", "lines"])?;
    TERMINAL_SIZE.with(|c| *c.borrow_mut() = Some(t.clone()));
    Ok(t)
}

fn posix_kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pid, sig] = args.exact::<2>("kill")?;
    let pid = crate::vm::ops::index_value(vm, pid)? as libc::pid_t;
    let sig = crate::vm::ops::index_value(vm, sig)? as i32;
    // SAFETY: kill has no memory effects.
    if unsafe { libc::kill(pid, sig) } != 0 {
        return Err(os_error(&last_os_error(), None));
    }
    vm.run_pending()?;
    Ok(none())
}

/// `posix._path_normpath`: CPython's `_Py_normpath` (no filesystem access).
fn posix_path_normpath(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_path_normpath", &[p("path")]);
    let [path] = SIG.parse::<1>(args)?;
    let path = path.unwrap_or_else(none);
    let pa = path_arg(vm, "_path_normpath", "path", &path, false)?;
    let b = &pa.bytes;
    if b.is_empty() {
        return Ok(path_result(b".".to_vec(), pa.is_bytes));
    }
    let initial = if b.starts_with(b"//") && !b.starts_with(b"///") { 2 } else if b.starts_with(b"/") { 1 } else { 0 };
    let mut comps: Vec<&[u8]> = Vec::new();
    for c in b.split(|x| *x == b'/') {
        if c.is_empty() || c == b"." {
            continue;
        }
        if c != b".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&&b".."[..]) {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = b"/".repeat(initial);
    out.extend(comps.join(&b'/'));
    if out.is_empty() {
        out.push(b'.');
    }
    Ok(path_result(out, pa.is_bytes))
}

fn environ_dict(vm: &mut Vm) -> PyResult<Value> {
    let d = PyDict::new_value();
    for (k, v) in std::env::vars_os() {
        PyDict::set_item(vm, &d, new_bytes(k.into_vec()), new_bytes(v.into_vec()))?;
    }
    Ok(d)
}

pub static POSIX_METHODS: &[MethodDef] = &[
    MethodDef::method("getcwd", posix_getcwd),
    MethodDef::method("getcwdb", posix_getcwdb),
    MethodDef::method("chdir", posix_chdir),
    MethodDef::method("fspath", posix_fspath),
    MethodDef::method("listdir", posix_listdir),
    MethodDef::method("scandir", posix_scandir),
    MethodDef::method("stat", posix_stat),
    MethodDef::method("lstat", posix_lstat),
    MethodDef::method("fstat", posix_fstat),
    MethodDef::method("remove", posix_remove),
    MethodDef::method("unlink", posix_unlink),
    MethodDef::method("rmdir", posix_rmdir),
    MethodDef::method("mkdir", posix_mkdir),
    MethodDef::method("rename", posix_rename),
    MethodDef::method("replace", posix_replace),
    MethodDef::method("access", posix_access),
    MethodDef::method("readlink", posix_readlink),
    MethodDef::method("symlink", posix_symlink),
    MethodDef::method("open", posix_open),
    MethodDef::method("close", posix_close),
    MethodDef::method("read", posix_read),
    MethodDef::method("write", posix_write),
    MethodDef::method("lseek", posix_lseek),
    MethodDef::method("isatty", posix_isatty),
    MethodDef::method("strerror", posix_strerror),
    MethodDef::method("urandom", posix_urandom),
    MethodDef::method("_exit", posix_exit),
    MethodDef::method("putenv", posix_putenv),
    MethodDef::method("unsetenv", posix_unsetenv),
    MethodDef::method("umask", posix_umask),
    MethodDef::method("getpid", posix_getpid),
    MethodDef::method("getppid", posix_getppid),
    MethodDef::method("getuid", posix_getuid),
    MethodDef::method("geteuid", posix_geteuid),
    MethodDef::method("getgid", posix_getgid),
    MethodDef::method("getegid", posix_getegid),
    MethodDef::method("cpu_count", posix_cpu_count),
    MethodDef::method("device_encoding", posix_device_encoding),
    MethodDef::method("uname", posix_uname),
    MethodDef::method("get_terminal_size", posix_get_terminal_size),
    MethodDef::method("kill", posix_kill),
    MethodDef::method("_path_normpath", posix_path_normpath),
    MethodDef::method("_path_splitroot_ex", posix_path_splitroot_ex),
    MethodDef::method("chmod", posix_chmod),
    MethodDef::method("fchmod", posix_fchmod),
    MethodDef::method("chown", posix_chown),
    MethodDef::method("lchown", posix_lchown),
    MethodDef::method("fchown", posix_fchown),
    MethodDef::method("link", posix_link),
    MethodDef::method("truncate", posix_truncate),
    MethodDef::method("ftruncate", posix_ftruncate),
    MethodDef::method("fsync", posix_fsync),
    MethodDef::method("fdatasync", posix_fdatasync),
    MethodDef::method("dup", posix_dup),
    MethodDef::method("dup2", posix_dup2),
    MethodDef::method("pipe", posix_pipe),
    MethodDef::method("get_inheritable", posix_get_inheritable),
    MethodDef::method("set_inheritable", posix_set_inheritable),
    MethodDef::method("get_blocking", posix_get_blocking),
    MethodDef::method("set_blocking", posix_set_blocking),
    MethodDef::method("times", posix_times),
    MethodDef::method("utime", posix_utime),
    MethodDef::method("getpgrp", posix_getpgrp),
    MethodDef::method("getloadavg", posix_getloadavg),
    MethodDef::method("abort", posix_abort),
    MethodDef::method("WIFEXITED", posix_wifexited),
    MethodDef::method("WEXITSTATUS", posix_wexitstatus),
    MethodDef::method("WIFSIGNALED", posix_wifsignaled),
    MethodDef::method("WTERMSIG", posix_wtermsig),
    MethodDef::method("WIFSTOPPED", posix_wifstopped),
    MethodDef::method("WSTOPSIG", posix_wstopsig),
    MethodDef::method("WCOREDUMP", posix_wcoredump),
    MethodDef::method("WIFCONTINUED", posix_wifcontinued),
    MethodDef::method("waitstatus_to_exitcode", posix_waitstatus_to_exitcode),
];

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let add = super::add_object;
    init_posix_types();
    add(m, "environ", environ_dict(vm)?);
    add(m, "DirEntry", DIR_ENTRY_TYPE.to_value());
    add(m, "terminal_size", terminal_size_type(vm)?);
    add(m, "error", exceptions::OS_ERROR.to_value());
    let stat_t = stat_result_type(vm)?;
    add(m, "stat_result", stat_t);
    let consts: &[(&str, i64)] = &[
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_NDELAY", libc::O_NDELAY as i64),
        ("O_ASYNC", libc::O_ASYNC as i64),
        ("O_NOATIME", libc::O_NOATIME as i64),
        ("O_PATH", libc::O_PATH as i64),
        ("O_TMPFILE", libc::O_TMPFILE as i64),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
        ("TMP_MAX", 238328),
        ("NGROUPS_MAX", 65536),
    ];
    for (n, v) in consts {
        add(m, n, new_int(*v));
    }
    process::add_to_module(m);
    add(m, "_have_functions", PyList::new_value(vec![new_str("HAVE_FSTAT")]));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "posix",
    doc: Some("This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls."),
    methods: POSIX_METHODS,
    init: Some(init),
};

// --- os.scandir(): `DirEntry` and the `ScandirIterator` --------------------------------

use std::cell::RefCell;

use crate::objects::typeobject::{flags, GetSetDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};

#[repr(C)]
pub struct PyDirEntry {
    head: ObjectHead,
    name: Value,
    path: Value,
    /// The entry's own type (symlinks not followed), from the directory listing.
    file_type: Option<std::fs::FileType>,
    ino: u64,
    /// `stat()` results, cached: (followed, not followed).
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

fn direntry_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: objects of DIR_ENTRY_TYPE have the PyDirEntry layout.
    let e = unsafe { &*(head as *const ObjectHead as *const PyDirEntry) };
    visit(&e.name);
    visit(&e.path);
    for c in [&e.stat, &e.lstat] {
        if let Ok(v) = c.try_borrow() {
            if let Some(v) = &*v {
                visit(v);
            }
        }
    }
}

pub static DIR_ENTRY_LAYOUT: Layout = crate::payload_layout!(PyDirEntry, "posix.DirEntry", direntry_traverse, heap::no_clear);

impl PyPayload for PyDirEntry {
    fn layout() -> &'static Layout {
        &DIR_ENTRY_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DIR_ENTRY_TYPE
    }
}

pub static DIR_ENTRY_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "DirEntry",
    layout: &DIR_ENTRY_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: DIR_ENTRY_METHODS,
    getsets: DIR_ENTRY_GETSETS,
    doc: None,
    module: Some("posix"),
});

#[repr(C)]
pub struct PyScandirIterator {
    head: ObjectHead,
    dir: RefCell<Option<std::fs::ReadDir>>,
    base: Vec<u8>,
    is_bytes: bool,
}

pub static SCANDIR_LAYOUT: Layout = crate::payload_layout!(PyScandirIterator, "posix.ScandirIterator", heap::no_traverse, heap::no_clear);

impl PyPayload for PyScandirIterator {
    fn layout() -> &'static Layout {
        &SCANDIR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SCANDIR_ITERATOR_TYPE
    }
}

pub static SCANDIR_ITERATOR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "ScandirIterator",
    layout: &SCANDIR_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: SCANDIR_METHODS,
    getsets: &[],
    doc: None,
    module: Some("posix"),
});

fn posix_scandir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("scandir", &[opt("path")]);
    let [path] = SIG.parse::<1>(args)?;
    let (pa, shown_base) = match path.filter(|p| !is_none(p)) {
        Some(p) => {
            let pa = path_arg(vm, "scandir", "path", &p, true)?;
            let base = pa.bytes.clone();
            (pa, base)
        }
        None => (PathArg { object: new_str("."), bytes: b".".to_vec(), is_bytes: false }, Vec::new()),
    };
    let rd = std::fs::read_dir(pa.os()).map_err(|e| pa.error(&e))?;
    Ok(heap::alloc(
        &SCANDIR_ITERATOR_TYPE,
        PyScandirIterator { head: ObjectHead::uninit(), dir: RefCell::new(Some(rd)), base: shown_base, is_bytes: pa.is_bytes },
    ))
}

fn scandir_this(v: &Value) -> PyResult<&PyScandirIterator> {
    v.downcast::<PyScandirIterator>().ok_or_else(|| type_error("ScandirIterator expected"))
}

fn scandir_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn scandir_next(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = scandir_this(v)?;
    let entry = {
        let mut dir = it.dir.borrow_mut();
        let Some(rd) = dir.as_mut() else { return Ok(None) };
        match rd.next() {
            None => {
                *dir = None;
                return Ok(None);
            }
            Some(Err(e)) => return Err(os_error(&e, Some(path_result(it.base.clone(), it.is_bytes)))),
            Some(Ok(e)) => e,
        }
    };
    let name = entry.file_name().into_vec();
    // CPython joins with "/" unless the given path is empty (scandir() of ".").
    let mut full = it.base.clone();
    if !full.is_empty() && !full.ends_with(b"/") {
        full.push(b'/');
    }
    full.extend(&name);
    use std::os::unix::fs::DirEntryExt;
    Ok(Some(heap::alloc(
        &DIR_ENTRY_TYPE,
        PyDirEntry {
            head: ObjectHead::uninit(),
            name: path_result(name, it.is_bytes),
            path: path_result(full, it.is_bytes),
            file_type: entry.file_type().ok(),
            ino: entry.ino(),
            stat: RefCell::new(None),
            lstat: RefCell::new(None),
        },
    )))
}

fn scandir_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("close")?;
    *scandir_this(v)?.dir.borrow_mut() = None;
    Ok(none())
}

fn scandir_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__enter__")?;
    Ok(v.clone())
}

fn scandir_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if let Some(v) = pos.first() {
        *scandir_this(v)?.dir.borrow_mut() = None;
    }
    Ok(none())
}

static SCANDIR_METHODS: &[MethodDef] = &[
    MethodDef::method("close", scandir_close),
    MethodDef::method("__enter__", scandir_enter),
    MethodDef::method("__exit__", scandir_exit),
];

fn entry_this(v: &Value) -> PyResult<&PyDirEntry> {
    v.downcast::<PyDirEntry>().ok_or_else(|| type_error("DirEntry expected"))
}

fn follow_kw(vm: &mut Vm, args: Args, fname: &'static str) -> PyResult<(Value, bool)> {
    let pos = args.positional();
    let this = pos.first().cloned().ok_or_else(|| type_error(format!("{fname}() needs self")))?;
    if pos.len() > 1 {
        return Err(type_error(format!("DirEntry.{fname}() takes no positional arguments")));
    }
    let mut follow = true;
    for (k, v) in args.kwargs() {
        if as_str(k) != Some("follow_symlinks") {
            return Err(type_error(format!("DirEntry.{fname}() got an unexpected keyword argument '{}'", as_str(k).unwrap_or("?"))));
        }
        follow = crate::vm::ops::is_true(vm, v)?;
    }
    Ok((this, follow))
}

fn entry_stat_value(vm: &mut Vm, v: &Value, follow: bool) -> PyResult<Value> {
    let e = entry_this(v)?;
    let is_link = e.file_type.map(|t| t.is_symlink()).unwrap_or(false);
    let cache = if follow && is_link { &e.stat } else { &e.lstat };
    if let Some(s) = cache.borrow().clone() {
        return Ok(s);
    }
    let bytes = match as_str(&e.path) {
        Some(s) => s.as_bytes().to_vec(),
        None => as_bytes(&e.path).map(<[u8]>::to_vec).unwrap_or_default(),
    };
    let p = OsStr::from_bytes(&bytes);
    let md = if follow { std::fs::metadata(p) } else { std::fs::symlink_metadata(p) };
    let md = md.map_err(|err| os_error(&err, Some(e.path.clone())))?;
    let s = stat_result(vm, &md)?;
    *cache.borrow_mut() = Some(s.clone());
    Ok(s)
}

fn entry_stat(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, follow) = follow_kw(vm, args, "stat")?;
    entry_stat_value(vm, &this, follow)
}

/// `is_dir()`/`is_file()`: from the listing, or a `stat()` through a symlink; a file
/// that vanished answers False.
fn entry_test(vm: &mut Vm, args: Args, fname: &'static str, want_dir: bool) -> PyResult<Value> {
    let (this, follow) = follow_kw(vm, args, fname)?;
    let e = entry_this(&this)?;
    let ft = e.file_type;
    let is_link = ft.map(|t| t.is_symlink()).unwrap_or(false);
    if let (Some(t), false) = (ft, follow && is_link) {
        return Ok(bool_value(if want_dir { t.is_dir() } else { t.is_file() }));
    }
    match entry_stat_value(vm, &this, follow) {
        Ok(st) => {
            let mode = crate::vm::ops::getattr_str(vm, &st, "st_mode")?;
            let mode = crate::objects::int::as_i64(&mode).unwrap_or(0) as u32 & libc::S_IFMT;
            Ok(bool_value(if want_dir { mode == libc::S_IFDIR } else { mode == libc::S_IFREG }))
        }
        Err(err) if err.matches(&exceptions::FILE_NOT_FOUND_ERROR) => Ok(bool_value(false)),
        Err(err) => Err(err),
    }
}

fn entry_is_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    entry_test(vm, args, "is_dir", true)
}

fn entry_is_file(vm: &mut Vm, args: Args) -> PyResult<Value> {
    entry_test(vm, args, "is_file", false)
}

fn entry_is_symlink(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("is_symlink")?;
    Ok(bool_value(entry_this(v)?.file_type.map(|t| t.is_symlink()).unwrap_or(false)))
}

fn entry_is_junction(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.exact::<1>("is_junction")?;
    Ok(bool_value(false))
}

fn entry_inode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("inode")?;
    Ok(new_bigint(entry_this(v)?.ino.into()))
}

fn entry_fspath(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [v] = args.exact::<1>("__fspath__")?;
    Ok(entry_this(v)?.path.clone())
}

fn entry_class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, item] = args.exact::<2>("__class_getitem__")?;
    let types = crate::vm::import::import_module(vm, "types")?;
    let alias = crate::vm::ops::getattr_str(vm, &types, "GenericAlias")?;
    crate::vm::call::call(vm, &alias, &[cls.clone(), item.clone()])
}

fn entry_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = crate::vm::ops::repr_string(vm, &entry_this(v)?.name)?;
    Ok(new_string(format!("<DirEntry {name}>")))
}

fn entry_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(entry_this(v)?.name.clone())
}

fn entry_path(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(entry_this(v)?.path.clone())
}

fn no_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let name = crate::objects::typeobject::as_type(cls).map(|t| t.name()).unwrap_or_default();
    Err(type_error(format!("cannot create 'posix.{name}' instances")))
}

static DIR_ENTRY_METHODS: &[MethodDef] = &[
    MethodDef::method("stat", entry_stat),
    MethodDef::method("is_dir", entry_is_dir),
    MethodDef::method("is_file", entry_is_file),
    MethodDef::method("is_symlink", entry_is_symlink),
    MethodDef::method("is_junction", entry_is_junction),
    MethodDef::method("inode", entry_inode),
    MethodDef::method("__fspath__", entry_fspath),
    MethodDef::classmethod("__class_getitem__", entry_class_getitem),
];

static DIR_ENTRY_GETSETS: &[GetSetDef] = &[GetSetDef::new("name", entry_name), GetSetDef::new("path", entry_path)];

/// Slots of this module's static types (set up when the module is first imported).
fn init_posix_types() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        DIR_ENTRY_TYPE.slots.repr.set(Some(entry_repr));
        DIR_ENTRY_TYPE.slots.new.set(Some(no_new));
        SCANDIR_ITERATOR_TYPE.slots.iter.set(Some(scandir_iter));
        SCANDIR_ITERATOR_TYPE.slots.iternext.set(Some(scandir_next));
        SCANDIR_ITERATOR_TYPE.slots.new.set(Some(no_new));
        for t in [&DIR_ENTRY_TYPE, &SCANDIR_ITERATOR_TYPE] {
            crate::objects::typeobject_methods::init_static_type(t);
        }
    });
}

// --- more system calls ----------------------------------------------------------------

/// Fails with the current errno when `r` is -1.
fn check(r: libc::c_int) -> PyResult<libc::c_int> {
    if r == -1 {
        return Err(os_error(&last_os_error(), None));
    }
    Ok(r)
}

fn check_path(r: libc::c_int, pa: &PathArg) -> PyResult<()> {
    if r == -1 {
        return Err(pa.error(&last_os_error()));
    }
    Ok(())
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::vm::ops::index_value(vm, v)
}

fn posix_chmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chmod", &[p("path"), p("mode"), kw("dir_fd"), kw("follow_symlinks")]);
    let [path, mode, _, _] = SIG.parse::<4>(args)?;
    let mode = int_arg(vm, &mode.unwrap_or_else(none))? as libc::mode_t;
    let path = path.unwrap_or_else(none);
    if crate::objects::int::is_int(&path) {
        let fd = fd_arg(vm, &path)?;
        // SAFETY: fchmod has no memory effects.
        check(unsafe { libc::fchmod(fd, mode) })?;
        return Ok(none());
    }
    let pa = path_arg(vm, "chmod", "path", &path, true)?;
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    check_path(unsafe { libc::chmod(c.as_ptr(), mode) }, &pa)?;
    Ok(none())
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)` (`path` may be a
/// file descriptor); -1 leaves an id unchanged.
fn posix_chown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("chown", &[p("path"), p("uid"), p("gid"), kw("dir_fd"), kw("follow_symlinks")]);
    let [path, uid, gid, _, follow] = SIG.parse::<5>(args)?;
    let uid = process::id_value(vm, &uid.unwrap_or_else(none), "uid")?;
    let gid = process::id_value(vm, &gid.unwrap_or_else(none), "gid")?;
    let follow = match follow {
        Some(f) => crate::vm::ops::is_true(vm, &f)?,
        None => true,
    };
    let path = path.unwrap_or_else(none);
    if crate::objects::int::is_int(&path) {
        let fd = fd_arg(vm, &path)?;
        // SAFETY: fchown takes integers only.
        check(unsafe { libc::fchown(fd, uid, gid) })?;
        return Ok(none());
    }
    let pa = path_arg(vm, "chown", "path", &path, true)?;
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    let rc = unsafe { if follow { libc::chown(c.as_ptr(), uid, gid) } else { libc::lchown(c.as_ptr(), uid, gid) } };
    check_path(rc, &pa)?;
    Ok(none())
}

fn posix_lchown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("lchown", &[p("path"), p("uid"), p("gid")]);
    let [path, uid, gid] = SIG.parse::<3>(args)?;
    let uid = process::id_value(vm, &uid.unwrap_or_else(none), "uid")?;
    let gid = process::id_value(vm, &gid.unwrap_or_else(none), "gid")?;
    let pa = path_arg(vm, "lchown", "path", &path.unwrap_or_else(none), false)?;
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    check_path(unsafe { libc::lchown(c.as_ptr(), uid, gid) }, &pa)?;
    Ok(none())
}

fn posix_fchown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, uid, gid] = args.exact::<3>("fchown")?;
    let fd = fd_arg(vm, fd)?;
    let uid = process::id_value(vm, uid, "uid")?;
    let gid = process::id_value(vm, gid, "gid")?;
    // SAFETY: fchown takes integers only.
    check(unsafe { libc::fchown(fd, uid, gid) })?;
    Ok(none())
}

fn posix_fchmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, mode] = args.exact::<2>("fchmod")?;
    let fd = fd_arg(vm, fd)?;
    let mode = int_arg(vm, mode)? as libc::mode_t;
    // SAFETY: fchmod has no memory effects.
    check(unsafe { libc::fchmod(fd, mode) })?;
    Ok(none())
}

fn posix_link(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("link", &[p("src"), p("dst"), kw("src_dir_fd"), kw("dst_dir_fd"), kw("follow_symlinks")]);
    let [src, dst, _, _, _] = SIG.parse::<5>(args)?;
    let s = path_arg(vm, "link", "src", &src.unwrap_or_else(none), false)?;
    let d = path_arg(vm, "link", "dst", &dst.unwrap_or_else(none), false)?;
    std::fs::hard_link(s.os(), d.os()).map_err(|e| s.error(&e))?;
    Ok(none())
}

fn posix_truncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [path, length] = args.exact::<2>("truncate")?;
    let length = int_arg(vm, length)?;
    if crate::objects::int::is_int(path) {
        let fd = fd_arg(vm, path)?;
        // SAFETY: ftruncate has no memory effects.
        check(unsafe { libc::ftruncate(fd, length) })?;
        return Ok(none());
    }
    let pa = path_arg(vm, "truncate", "path", path, true)?;
    let c = pa.cstring()?;
    // SAFETY: `c` is a valid NUL-terminated path.
    check_path(unsafe { libc::truncate(c.as_ptr(), length) }, &pa)?;
    Ok(none())
}

fn posix_ftruncate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, length] = args.exact::<2>("ftruncate")?;
    let fd = fd_arg(vm, fd)?;
    let length = int_arg(vm, length)?;
    // SAFETY: ftruncate has no memory effects.
    check(unsafe { libc::ftruncate(fd, length) })?;
    Ok(none())
}

fn fd_call(vm: &mut Vm, args: Args, name: &'static str, f: unsafe extern "C" fn(libc::c_int) -> libc::c_int) -> PyResult<Value> {
    let [fd] = args.exact::<1>(name)?;
    let fd = match crate::vm::ops::lookup_special(fd, "fileno") {
        Some(_) if !crate::objects::int::is_int(fd) => {
            let n = crate::vm::call::call_method(vm, fd, "fileno", &[])?;
            fd_arg(vm, &n)?
        }
        _ => fd_arg(vm, fd)?,
    };
    // SAFETY: these descriptor calls have no memory effects.
    Ok(new_int(check(unsafe { f(fd) })? as i64))
}

fn posix_fsync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fd_call(vm, args, "fsync", libc::fsync).map(|_| none())
}

fn posix_fdatasync(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fd_call(vm, args, "fdatasync", libc::fdatasync).map(|_| none())
}

fn posix_dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("dup")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: F_DUPFD_CLOEXEC duplicates a descriptor; no memory effects.
    Ok(new_int(check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })? as i64))
}

fn posix_dup2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("dup2", &[p("fd"), p("fd2"), opt("inheritable")]);
    let [fd, fd2, inheritable] = SIG.parse::<3>(args)?;
    let fd = fd_arg(vm, &fd.unwrap_or_else(none))?;
    let fd2 = fd_arg(vm, &fd2.unwrap_or_else(none))?;
    let inheritable = match inheritable {
        Some(v) => crate::vm::ops::is_true(vm, &v)?,
        None => true,
    };
    // SAFETY: dup2/dup3 have no memory effects (dup3 refuses fd == fd2, as CPython's).
    let r = if inheritable { unsafe { libc::dup2(fd, fd2) } } else { unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) } };
    Ok(new_int(check(r)? as i64))
}

fn posix_pipe(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pipe", 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok(crate::objects::tuple::new_tuple(vec![new_int(fds[0] as i64), new_int(fds[1] as i64)]))
}

fn posix_get_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("get_inheritable")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: F_GETFD only reads descriptor flags.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    Ok(bool_value(flags & libc::FD_CLOEXEC == 0))
}

fn posix_set_inheritable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, inheritable] = args.exact::<2>("set_inheritable")?;
    let fd = fd_arg(vm, fd)?;
    let inheritable = crate::vm::ops::is_true(vm, inheritable)?;
    // SAFETY: F_GETFD/F_SETFD only change descriptor flags.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    let flags = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    check(unsafe { libc::fcntl(fd, libc::F_SETFD, flags) })?;
    Ok(none())
}

fn posix_get_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("get_blocking")?;
    let fd = fd_arg(vm, fd)?;
    // SAFETY: F_GETFL only reads status flags.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(bool_value(flags & libc::O_NONBLOCK == 0))
}

fn posix_set_blocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd, blocking] = args.exact::<2>("set_blocking")?;
    let fd = fd_arg(vm, fd)?;
    let blocking = crate::vm::ops::is_true(vm, blocking)?;
    // SAFETY: F_GETFL/F_SETFL only change status flags.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    let flags = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
    check(unsafe { libc::fcntl(fd, libc::F_SETFL, flags) })?;
    Ok(none())
}

fn posix_times(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("times", 0, 0)?;
    // SAFETY: tms is plain data that times() fills.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf has no memory effects.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |x: libc::clock_t| new_float(x as f64 / ticks);
    let ty = crate::objects::structseq::new_structseq_type(vm, "posix", "times_result", &["user", "system", "children_user", "children_system", "elapsed"])?;
    Ok(crate::objects::structseq::new_structseq(&ty, vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), f(elapsed)]))
}

fn posix_utime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("utime", &[p("path"), opt("times"), kw("ns"), kw("dir_fd"), kw("follow_symlinks")]);
    let [path, times, ns, _, _] = SIG.parse::<5>(args)?;
    let pa = path_arg(vm, "utime", "path", &path.unwrap_or_else(none), true)?;
    let to_ts = |secs: f64| libc::timespec { tv_sec: secs.floor() as libc::time_t, tv_nsec: ((secs - secs.floor()) * 1e9) as libc::c_long };
    let spec: Option<[libc::timespec; 2]> = match (times.filter(|t| !is_none(t)), ns) {
        (Some(_), Some(_)) => return Err(value_error("utime: you may specify either 'times' or 'ns' but not both")),
        (Some(t), None) => {
            let items = crate::objects::tuple::as_tuple(&t)
                .filter(|i| i.len() == 2)
                .ok_or_else(|| type_error("utime: 'times' must be either a tuple of two ints or None"))?
                .to_vec();
            let a = crate::vm::ops::float_value(vm, &items[0])?;
            let m = crate::vm::ops::float_value(vm, &items[1])?;
            Some([to_ts(a), to_ts(m)])
        }
        (None, Some(n)) => {
            let items = crate::objects::tuple::as_tuple(&n)
                .filter(|i| i.len() == 2)
                .ok_or_else(|| type_error("utime: 'ns' must be a tuple of two ints"))?
                .to_vec();
            let mut out = [to_ts(0.0), to_ts(0.0)];
            for (i, x) in items.iter().enumerate() {
                let v = int_arg(vm, x)?;
                out[i] = libc::timespec { tv_sec: v.div_euclid(1_000_000_000), tv_nsec: v.rem_euclid(1_000_000_000) as libc::c_long };
            }
            Some(out)
        }
        (None, None) => None,
    };
    let c = pa.cstring()?;
    let ptr = spec.as_ref().map(|s| s.as_ptr()).unwrap_or(std::ptr::null());
    // SAFETY: `c` is a valid path and `ptr` is null or points at two timespecs.
    check_path(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, 0) }, &pa)?;
    Ok(none())
}

fn posix_getpgrp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getpgrp", 0, 0)?;
    // SAFETY: getpgrp has no memory effects.
    Ok(new_int(unsafe { libc::getpgrp() } as i64))
}

fn posix_getloadavg(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getloadavg", 0, 0)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for three values.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(PyErr::new(&exceptions::OS_ERROR, "Load averages are unobtainable"));
    }
    Ok(crate::objects::tuple::new_tuple(l.iter().map(|x| new_float(*x)).collect()))
}

fn posix_abort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("abort", 0, 0)?;
    vm.flush_std_streams();
    std::process::abort()
}

/// `posix._path_splitroot_ex(p)`: (drive, root, tail) with POSIX rules.
fn posix_path_splitroot_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_path_splitroot_ex", &[p("p")]);
    let [path] = SIG.parse::<1>(args)?;
    let pa = path_arg(vm, "_path_splitroot_ex", "p", &path.unwrap_or_else(none), false)?;
    let b = &pa.bytes;
    // One slash or three and more: root "/"; exactly two: root "//" (POSIX leaves it
    // implementation-defined, CPython keeps it).
    let (root, tail) = if b.first() != Some(&b'/') {
        (Vec::new(), b.clone())
    } else if b.get(1) != Some(&b'/') || b.get(2) == Some(&b'/') {
        (b"/".to_vec(), b[1..].to_vec())
    } else {
        (b[..2].to_vec(), b[2..].to_vec())
    };
    Ok(crate::objects::tuple::new_tuple(vec![
        path_result(Vec::new(), pa.is_bytes),
        path_result(root, pa.is_bytes),
        path_result(tail, pa.is_bytes),
    ]))
}

macro_rules! wait_macro {
    ($fn_name:ident, $py:literal, $body:expr) => {
        fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            static SIG: Sig = Sig::new($py, &[p("status")]);
            let [status] = SIG.parse::<1>(args)?;
            let status = int_arg(vm, &status.unwrap_or_else(none))? as libc::c_int;
            let f: fn(libc::c_int) -> Value = $body;
            Ok(f(status))
        }
    };
}

wait_macro!(posix_wifexited, "WIFEXITED", |s| bool_value(libc::WIFEXITED(s)));
wait_macro!(posix_wexitstatus, "WEXITSTATUS", |s| new_int(libc::WEXITSTATUS(s) as i64));
wait_macro!(posix_wifsignaled, "WIFSIGNALED", |s| bool_value(libc::WIFSIGNALED(s)));
wait_macro!(posix_wtermsig, "WTERMSIG", |s| new_int(libc::WTERMSIG(s) as i64));
wait_macro!(posix_wifstopped, "WIFSTOPPED", |s| bool_value(libc::WIFSTOPPED(s)));
wait_macro!(posix_wstopsig, "WSTOPSIG", |s| new_int(libc::WSTOPSIG(s) as i64));
wait_macro!(posix_wcoredump, "WCOREDUMP", |s| bool_value(libc::WCOREDUMP(s)));
wait_macro!(posix_wifcontinued, "WIFCONTINUED", |s| bool_value(libc::WIFCONTINUED(s)));

fn posix_waitstatus_to_exitcode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("waitstatus_to_exitcode", &[p("status")]);
    let [status] = SIG.parse::<1>(args)?;
    let s = int_arg(vm, &status.unwrap_or_else(none))? as libc::c_int;
    if libc::WIFEXITED(s) {
        return Ok(new_int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(new_int(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(value_error(format!("process stopped by delivery of signal {}", libc::WSTOPSIG(s))));
    }
    Err(value_error(format!("invalid wait status: {s}")))
}
