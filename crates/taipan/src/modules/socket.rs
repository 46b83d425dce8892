//! The `_socket` module (Linux): the `socket` type `socket.py` subclasses, address
//! conversion, name resolution and the byte-order helpers.  Follows the documented
//! behaviour of CPython's `Modules/socketmodule.c` (the `socket` docs page): errors are
//! `OSError` subclasses chosen by errno, `gaierror`/`herror` for resolver failures and
//! `TimeoutError("timed out")` when a socket's timeout expires.
//!
//! Invariants the unsafe helpers at the top rely on:
//! - every pointer handed to the C library points into a live Rust buffer whose length is
//!   passed alongside it (`&[u8]`, `&mut [u8]`, a `SockAddr`'s storage and `len`);
//! - a `SockAddr` is a `sockaddr_storage` (large and aligned enough for every address
//!   family) plus the number of meaningful bytes, never more than its size;
//! - the `sockaddr_*` structs and `c_int` option values are plain integers, so any byte
//!   pattern is a valid value and copying them bytewise is sound;
//! - an `addrinfo` list returned by `getaddrinfo` is read fully and freed exactly once.
//!
//! A socket object owns its descriptor (`fd`, -1 once closed or detached) and closes it
//! when freed.  The timeout follows CPython: `None` (stored as -1 ns) is a blocking
//! descriptor; otherwise the descriptor is non-blocking and calls wait with `poll`
//! (CPython's `sock_call_ex`), 0 meaning "never wait".
//!
//! A call interrupted by a signal (EINTR) runs the Python signal handlers and, when they
//! raise nothing, is retried (PEP 475).  NOTE: the runtime installs its handlers with
//! `signal()`, whose BSD semantics restart blocking socket calls inside the kernel, so
//! only waits with a timeout (`poll`) see EINTR.  `sendmsg`/`recvmsg`, `CMSG_*`, `if_nameindex`, `getservby*`
//! and `getprotobyname` are not provided.  `gethostbyname_ex` and `gethostbyaddr` are
//! answered through `getaddrinfo`/`getnameinfo`, so the alias list is always empty.

use std::cell::Cell;
use std::ffi::{CStr, CString};
use std::io;
use std::time::{Duration, Instant};

use super::ModuleDef;
use crate::objects::bytearray::as_bytearray;
use crate::objects::bytes::new_bytes;
use crate::objects::exceptions::{self, EXC_LAYOUT};
use crate::objects::float::{as_f64, new_float};
use crate::objects::int::{as_i64, new_int};
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p, po, po_opt};
use crate::vm::{call, ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------------------
// System-call helpers: the only unsafe code in this file.
// ---------------------------------------------------------------------------------------

/// A socket address: CPython's `sock_addr_t` with its length.
#[derive(Clone, Copy)]
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

const STORAGE_SIZE: usize = std::mem::size_of::<libc::sockaddr_storage>();

impl SockAddr {
    fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain integers; all zeroes is a valid value.
        let storage = unsafe { std::mem::zeroed::<libc::sockaddr_storage>() };
        SockAddr { storage, len: STORAGE_SIZE as libc::socklen_t }
    }

    /// Copies a `sockaddr_in`/`sockaddr_in6`/`sockaddr_un` value in, `len` bytes of it
    /// meaningful.
    fn from_raw<T: Copy>(value: T, len: usize) -> SockAddr {
        const { assert!(std::mem::size_of::<T>() <= STORAGE_SIZE) };
        let mut a = SockAddr::empty();
        // SAFETY: T fits in the storage (checked above) and both are plain data; the
        // write is unaligned-tolerant.
        unsafe { std::ptr::write_unaligned(&mut a.storage as *mut _ as *mut T, value) };
        a.len = len.min(std::mem::size_of::<T>()) as libc::socklen_t;
        a
    }

    /// Reads the storage as a `sockaddr_*` struct (bytes past `len` are zero).
    fn read<T: Copy>(&self) -> T {
        const { assert!(std::mem::size_of::<T>() <= STORAGE_SIZE) };
        // SAFETY: T fits in the storage and is plain integers, so any bytes are valid.
        unsafe { std::ptr::read_unaligned(&self.storage as *const _ as *const T) }
    }

    fn family(&self) -> i32 {
        if (self.len as usize) < std::mem::size_of::<libc::sa_family_t>() {
            return libc::AF_UNSPEC;
        }
        self.storage.ss_family as i32
    }

    fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }

    fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn cvt_size(r: libc::ssize_t) -> io::Result<usize> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r as usize)
    }
}

fn sys_socket(family: i32, ty: i32, proto: i32) -> io::Result<i32> {
    // SAFETY: no pointers involved.
    cvt(unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) })
}

fn sys_socketpair(family: i32, ty: i32, proto: i32) -> io::Result<(i32, i32)> {
    let mut fds = [-1 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors socketpair writes.
    cvt(unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) })?;
    Ok((fds[0], fds[1]))
}

fn sys_close(fd: i32) -> io::Result<()> {
    // SAFETY: no pointers; closing a descriptor the caller owns.
    cvt(unsafe { libc::close(fd) }).map(drop)
}

fn sys_dup(fd: i32) -> io::Result<i32> {
    // SAFETY: no pointers.
    cvt(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

fn sys_set_nonblocking(fd: i32, nonblocking: bool) -> io::Result<()> {
    // SAFETY: no pointers.
    let flags = cvt(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    let new = if nonblocking { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    if new != flags {
        // SAFETY: no pointers.
        cvt(unsafe { libc::fcntl(fd, libc::F_SETFL, new) })?;
    }
    Ok(())
}

fn sys_bind(fd: i32, addr: &SockAddr) -> io::Result<()> {
    // SAFETY: the address points at `addr.len` valid bytes.
    cvt(unsafe { libc::bind(fd, addr.as_ptr(), addr.len) }).map(drop)
}

fn sys_connect(fd: i32, addr: &SockAddr) -> io::Result<()> {
    // SAFETY: the address points at `addr.len` valid bytes.
    cvt(unsafe { libc::connect(fd, addr.as_ptr(), addr.len) }).map(drop)
}

fn sys_listen(fd: i32, backlog: i32) -> io::Result<()> {
    // SAFETY: no pointers.
    cvt(unsafe { libc::listen(fd, backlog) }).map(drop)
}

fn sys_accept(fd: i32) -> io::Result<(i32, SockAddr)> {
    let mut addr = SockAddr::empty();
    // SAFETY: the storage and its length are valid for the kernel to fill.
    let newfd = cvt(unsafe { libc::accept4(fd, addr.as_mut_ptr(), &mut addr.len, libc::SOCK_CLOEXEC) })?;
    Ok((newfd, addr))
}

fn sys_send(fd: i32, data: &[u8], flags: i32) -> io::Result<usize> {
    // SAFETY: pointer and length describe `data`.
    cvt_size(unsafe { libc::send(fd, data.as_ptr().cast(), data.len(), flags) })
}

fn sys_sendto(fd: i32, data: &[u8], flags: i32, addr: &SockAddr) -> io::Result<usize> {
    // SAFETY: pointers and lengths describe `data` and `addr`.
    cvt_size(unsafe { libc::sendto(fd, data.as_ptr().cast(), data.len(), flags, addr.as_ptr(), addr.len) })
}

fn sys_recv(fd: i32, buf: &mut [u8], flags: i32) -> io::Result<usize> {
    // SAFETY: pointer and length describe `buf`.
    cvt_size(unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), flags) })
}

fn sys_recvfrom(fd: i32, buf: &mut [u8], flags: i32) -> io::Result<(usize, SockAddr)> {
    let mut addr = SockAddr::empty();
    // SAFETY: pointers and lengths describe `buf` and the address storage.
    let n = cvt_size(unsafe {
        libc::recvfrom(fd, buf.as_mut_ptr().cast(), buf.len(), flags, addr.as_mut_ptr(), &mut addr.len)
    })?;
    Ok((n, addr))
}

/// Receives into the spare capacity of an empty `buf`, whose length becomes the byte
/// count received (so a huge `bufsize` is never zero-filled).
fn sys_recvfrom_spare(fd: i32, buf: &mut Vec<u8>, flags: i32) -> io::Result<SockAddr> {
    let mut addr = SockAddr::empty();
    buf.clear();
    let cap = buf.capacity();
    // SAFETY: the kernel writes at most `cap` bytes into the vector's allocation and the
    // address into the storage, both described by their lengths.
    let n = cvt_size(unsafe {
        libc::recvfrom(fd, buf.as_mut_ptr().cast(), cap, flags, addr.as_mut_ptr(), &mut addr.len)
    })?;
    // SAFETY: the first `n` bytes (at most `cap`; MSG_TRUNC may report more) were
    // written by the kernel above.
    unsafe { buf.set_len(n.min(cap)) };
    Ok(addr)
}

fn sys_shutdown(fd: i32, how: i32) -> io::Result<()> {
    // SAFETY: no pointers.
    cvt(unsafe { libc::shutdown(fd, how) }).map(drop)
}

fn sys_getsockname(fd: i32, peer: bool) -> io::Result<SockAddr> {
    let mut addr = SockAddr::empty();
    // SAFETY: the storage and its length are valid for the kernel to fill.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, addr.as_mut_ptr(), &mut addr.len)
        } else {
            libc::getsockname(fd, addr.as_mut_ptr(), &mut addr.len)
        }
    };
    cvt(r)?;
    addr.len = addr.len.min(STORAGE_SIZE as libc::socklen_t);
    Ok(addr)
}

fn sys_setsockopt(fd: i32, level: i32, opt: i32, value: Option<&[u8]>, optlen: u32) -> io::Result<()> {
    let (ptr, len) = match value {
        Some(v) => (v.as_ptr(), v.len() as libc::socklen_t),
        None => (std::ptr::null(), optlen),
    };
    // SAFETY: the pointer and length describe `value`, or the pointer is NULL (the
    // kernel then reads nothing and checks `optlen` itself).
    cvt(unsafe { libc::setsockopt(fd, level, opt, ptr.cast(), len) }).map(drop)
}

fn sys_getsockopt(fd: i32, level: i32, opt: i32, buflen: usize) -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; buflen];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: pointer and length describe `buf`.
    cvt(unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr().cast(), &mut len) })?;
    buf.truncate(len as usize);
    Ok(buf)
}

/// Waits until `fd` is readable (or writable); `Ok(false)` when `timeout_ms` expired.
fn sys_poll_one(fd: i32, writing: bool, timeout_ms: i32) -> io::Result<bool> {
    let events = if writing { libc::POLLOUT } else { libc::POLLIN };
    let mut pfd = libc::pollfd { fd, events, revents: 0 };
    // SAFETY: one valid pollfd.
    let n = cvt(unsafe { libc::poll(&mut pfd, 1, timeout_ms) })?;
    Ok(n > 0)
}

fn sys_gethostname() -> io::Result<Vec<u8>> {
    let mut buf = vec![0u8; 1025];
    // SAFETY: pointer and length (one byte kept for the NUL) describe `buf`.
    cvt(unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len() - 1) })?;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    buf.truncate(end);
    Ok(buf)
}

/// The C library's message for an errno.
fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a NUL-terminated message that stays valid until the next
    // call; it is copied out at once.
    unsafe { CStr::from_ptr(libc::strerror(errno)) }.to_string_lossy().into_owned()
}

fn gai_strerror(code: i32) -> String {
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    unsafe { CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned()
}

/// A resolver failure: the `EAI_*` code, and errno for `EAI_SYSTEM`.
struct GaiError {
    code: i32,
    os: Option<io::Error>,
}

fn gai_error(code: i32) -> GaiError {
    let os = (code == libc::EAI_SYSTEM).then(io::Error::last_os_error);
    GaiError { code, os }
}

struct AddrInfo {
    family: i32,
    socktype: i32,
    protocol: i32,
    canonname: Vec<u8>,
    addr: SockAddr,
}

fn sys_getaddrinfo(
    host: Option<&CStr>,
    port: Option<&CStr>,
    family: i32,
    socktype: i32,
    protocol: i32,
    flags: i32,
) -> Result<Vec<AddrInfo>, GaiError> {
    // SAFETY: addrinfo is plain integers and pointers; all zeroes (NULL pointers) is the
    // documented way to start a hints value.
    let mut hints = unsafe { std::mem::zeroed::<libc::addrinfo>() };
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings are NUL-terminated or NULL, hints is initialised and `res`
    // receives a list that is freed below.
    let code = unsafe {
        libc::getaddrinfo(
            host.map_or(std::ptr::null(), CStr::as_ptr),
            port.map_or(std::ptr::null(), CStr::as_ptr),
            &hints,
            &mut res,
        )
    };
    if code != 0 {
        return Err(gai_error(code));
    }
    let mut out = Vec::new();
    let mut cur = res;
    while !cur.is_null() {
        // SAFETY: `cur` is a node of the list getaddrinfo returned, not yet freed; its
        // address has `ai_addrlen` bytes and its canonical name is NULL or NUL-terminated.
        let ai = unsafe { &*cur };
        let mut addr = SockAddr::empty();
        let n = (ai.ai_addrlen as usize).min(STORAGE_SIZE);
        if !ai.ai_addr.is_null() {
            // SAFETY: `ai_addr` has at least `n` readable bytes; the storage has room.
            unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, addr.as_mut_ptr() as *mut u8, n) };
        }
        addr.len = n as libc::socklen_t;
        let canonname = if ai.ai_canonname.is_null() {
            Vec::new()
        } else {
            // SAFETY: see above.
            unsafe { CStr::from_ptr(ai.ai_canonname) }.to_bytes().to_vec()
        };
        out.push(AddrInfo { family: ai.ai_family, socktype: ai.ai_socktype, protocol: ai.ai_protocol, canonname, addr });
        cur = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

fn sys_getnameinfo(addr: &SockAddr, flags: i32) -> Result<(Vec<u8>, Vec<u8>), GaiError> {
    let mut host = vec![0u8; 1025];
    let mut serv = vec![0u8; 32];
    // SAFETY: the address describes `addr.len` bytes; the output buffers' pointers and
    // lengths describe `host` and `serv`.
    let code = unsafe {
        libc::getnameinfo(
            addr.as_ptr(),
            addr.len,
            host.as_mut_ptr().cast(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr().cast(),
            serv.len() as libc::socklen_t,
            flags,
        )
    };
    if code != 0 {
        return Err(gai_error(code));
    }
    let cut = |mut v: Vec<u8>| {
        let end = v.iter().position(|&b| b == 0).unwrap_or(v.len());
        v.truncate(end);
        v
    };
    Ok((cut(host), cut(serv)))
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

macro_rules! socket_exc {
    ($static:ident, $name:literal, $base:expr) => {
        pub static $static: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &EXC_LAYOUT,
            flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT | flags::BASE_EXC_SUBCLASS | flags::WEAKREFABLE,
            base: Some($base),
            methods: &[],
            getsets: &[],
            doc: None,
            module: Some("socket"),
        });
    };
}

socket_exc!(HERROR, "herror", &exceptions::OS_ERROR);
socket_exc!(GAIERROR, "gaierror", &exceptions::OS_ERROR);

/// The OSError subclass CPython raises for an errno (`PyErr_SetFromErrno`).
pub(crate) fn errno_error(errno: i32) -> PyErr {
    let ty: &PyType = match errno {
        libc::ESHUTDOWN | libc::EPIPE => &exceptions::BROKEN_PIPE_ERROR,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &exceptions::BLOCKING_IO_ERROR,
        libc::ECONNABORTED => &exceptions::CONNECTION_ABORTED_ERROR,
        libc::ECONNREFUSED => &exceptions::CONNECTION_REFUSED_ERROR,
        libc::ECONNRESET => &exceptions::CONNECTION_RESET_ERROR,
        libc::ETIMEDOUT => &exceptions::TIMEOUT_ERROR,
        _ => exceptions::os_error_subclass(errno as i64),
    };
    PyErr::from_value(exceptions::new_exception(ty, vec![new_int(errno as i64), new_string(strerror(errno))]))
}

fn os_err(e: &io::Error) -> PyErr {
    errno_error(e.raw_os_error().unwrap_or(libc::EIO))
}

fn gai_err(e: GaiError) -> PyErr {
    if let Some(os) = e.os {
        return os_err(&os);
    }
    PyErr::from_value(exceptions::new_exception(
        &GAIERROR,
        vec![new_int(e.code as i64), new_string(gai_strerror(e.code))],
    ))
}

fn timeout_error() -> PyErr {
    PyErr::new(&exceptions::TIMEOUT_ERROR, "timed out")
}

fn plain_os_error(msg: &str) -> PyErr {
    PyErr::new(&exceptions::OS_ERROR, msg)
}

// ---------------------------------------------------------------------------------------
// Argument helpers
// ---------------------------------------------------------------------------------------

/// A C `int` argument (the `i` format unit).
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = ops::index(vm, v)?;
    match as_i64(&n) {
        Some(i) if i > i32::MAX as i64 => Err(overflow_error("signed integer is greater than maximum")),
        Some(i) if i < i32::MIN as i64 => Err(overflow_error("signed integer is less than minimum")),
        Some(i) => Ok(i as i32),
        None if is_negative_big(&n) => Err(overflow_error("signed integer is less than minimum")),
        None => Err(overflow_error("signed integer is greater than maximum")),
    }
}

fn is_negative_big(n: &Value) -> bool {
    crate::objects::int::as_bigint(n).is_some_and(|b| b.sign() == num_bigint::Sign::Minus)
}

/// A C `unsigned int` argument (the `I` format unit, which wraps like C).
fn c_uint(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = ops::index(vm, v)?;
    match as_i64(&n) {
        Some(i) => Ok(i as u32),
        None => Ok(0),
    }
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn buffer_arg(v: &Value) -> PyResult<Vec<u8>> {
    crate::objects::bytes::as_bytes_like(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", v.ty().name())))
}

/// A writable buffer (bytearray or writable memoryview): its length.
fn writable_len(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<usize> {
    if let Some(ba) = as_bytearray(v) {
        return Ok(ba.data.borrow().len());
    }
    if std::ptr::eq(v.ty(), &crate::objects::memoryview::MEMORYVIEW_TYPE) {
        let ro = ops::getattr_str(vm, v, "readonly")?;
        if !ops::is_true(vm, &ro)? {
            let n = ops::getattr_str(vm, v, "nbytes")?;
            return Ok(as_i64(&n).unwrap_or(0).max(0) as usize);
        }
    }
    Err(type_error(format!("{fname}() argument 1 must be read-write bytes-like object, not {}", v.ty().name())))
}

/// Copies `data` to the start of a writable buffer checked by `writable_len`.
fn write_into(vm: &mut Vm, v: &Value, data: &[u8]) -> PyResult<()> {
    if data.is_empty() {
        return Ok(());
    }
    if let Some(ba) = as_bytearray(v) {
        let mut buf = ba.data.borrow_mut();
        let n = data.len().min(buf.len());
        buf[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    let fmt = ops::getattr_str(vm, v, "format")?;
    let flat = if as_str(&fmt) == Some("B") { v.clone() } else { call::call_method(vm, v, "cast", &[new_str("B")])? };
    let key = crate::objects::slice::new_slice(new_int(0), new_int(data.len() as i64), none());
    ops::setitem(vm, &flat, &key, &new_bytes(data.to_vec()))
}

/// A host name argument (CPython's `idna_converter`): bytes as given, str encoded.
fn host_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        if s.is_ascii() {
            return Ok(s.as_bytes().to_vec());
        }
        let b = call::call_method(vm, v, "encode", &[new_str("idna")])?;
        return Ok(crate::objects::bytes::as_bytes(&b).map(<[u8]>::to_vec).unwrap_or_default());
    }
    if let Some(b) = crate::objects::bytes::as_bytes(v) {
        return Ok(b.to_vec());
    }
    if let Some(ba) = as_bytearray(v) {
        return Ok(ba.data.borrow().clone());
    }
    Err(type_error(format!("str, bytes or bytearray expected, not {}", v.ty().name())))
}

fn cstring(bytes: Vec<u8>) -> PyResult<CString> {
    CString::new(bytes).map_err(|_| type_error("host name must not contain null character"))
}

// ---------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------

fn ipv4_sockaddr(ip: [u8; 4], port: u16) -> SockAddr {
    let sin = libc::sockaddr_in {
        sin_family: libc::AF_INET as libc::sa_family_t,
        sin_port: port.to_be(),
        sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(ip) },
        sin_zero: [0; 8],
    };
    SockAddr::from_raw(sin, std::mem::size_of::<libc::sockaddr_in>())
}

fn ipv6_sockaddr(ip: [u8; 16], port: u16, flowinfo: u32, scope_id: u32) -> SockAddr {
    let sin6 = libc::sockaddr_in6 {
        sin6_family: libc::AF_INET6 as libc::sa_family_t,
        sin6_port: port.to_be(),
        sin6_flowinfo: flowinfo.to_be(),
        sin6_addr: libc::in6_addr { s6_addr: ip },
        sin6_scope_id: scope_id,
    };
    SockAddr::from_raw(sin6, std::mem::size_of::<libc::sockaddr_in6>())
}

/// CPython's `setipaddr`: resolves a host argument to an address of family `af`
/// (AF_INET, AF_INET6 or AF_UNSPEC), port 0.
fn setipaddr(vm: &mut Vm, host: &Value, af: i32) -> PyResult<SockAddr> {
    let name = host_bytes(vm, host)?;
    if name.is_empty() {
        return match af {
            libc::AF_INET6 => Ok(ipv6_sockaddr([0; 16], 0, 0, 0)),
            _ => Ok(ipv4_sockaddr([0; 4], 0)),
        };
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if af != libc::AF_INET && af != libc::AF_UNSPEC {
            return Err(plain_os_error("address family mismatched"));
        }
        return Ok(ipv4_sockaddr([255; 4], 0));
    }
    if af != libc::AF_INET6 {
        if let Some(ip) = std::str::from_utf8(&name).ok().and_then(parse_ipv4_strict) {
            return Ok(ipv4_sockaddr(ip, 0));
        }
    }
    let cname = cstring(name)?;
    let infos = sys_getaddrinfo(Some(&cname), None, af, 0, 0, 0).map_err(gai_err)?;
    match infos.into_iter().next() {
        Some(ai) => Ok(ai.addr),
        None => Err(gai_err(GaiError { code: libc::EAI_NONAME, os: None })),
    }
}

/// Dotted-quad IPv4 text as `inet_pton(AF_INET)` accepts it.
fn parse_ipv4_strict(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split('.');
    for slot in out.iter_mut() {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if part.len() > 1 && part.starts_with('0') {
            return None;
        }
        *slot = part.parse::<u16>().ok().filter(|&n| n <= 255)? as u8;
    }
    if parts.next().is_some() {
        return None;
    }
    Some(out)
}

/// IPv4 text as `inet_aton` accepts it: one to four numbers (decimal, 0-octal or
/// 0x-hex), the last filling the remaining bytes; parsing stops at whitespace.
fn parse_ipv4_aton(s: &str) -> Option<[u8; 4]> {
    let s = s.split(|c: char| c.is_ascii_whitespace()).next().unwrap_or("");
    let mut nums: Vec<u64> = Vec::new();
    for part in s.split('.') {
        if nums.len() == 4 {
            return None;
        }
        let (digits, radix) = if let Some(h) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            (h, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (part, 10)
        };
        if part.is_empty() || (radix != 16 && digits.is_empty() && part != "0") {
            return None;
        }
        let v = if digits.is_empty() { 0 } else { u64::from_str_radix(digits, radix).ok()? };
        if v > u32::MAX as u64 {
            return None;
        }
        nums.push(v);
    }
    let (last, head) = nums.split_last()?;
    let free_bytes = 4 - head.len();
    if head.iter().any(|&n| n > 255) || (free_bytes < 4 && *last >= 1u64 << (8 * free_bytes)) {
        return None;
    }
    let mut val: u32 = 0;
    for (i, &n) in head.iter().enumerate() {
        val |= (n as u32) << (24 - 8 * i);
    }
    val |= *last as u32;
    Some(val.to_be_bytes())
}

/// IPv6 text as `inet_ntop(AF_INET6)` writes it: the longest run (two or more) of zero
/// groups as `::`, and an embedded IPv4 address for the compatible and mapped forms.
fn format_ipv6(ip: &[u8; 16]) -> String {
    let words: Vec<u16> = ip.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
    let (mut best, mut best_len, mut cur, mut cur_len) = (usize::MAX, 0, 0, 0);
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            if cur_len == 0 {
                cur = i;
            }
            cur_len += 1;
            if cur_len > best_len {
                best = cur;
                best_len = cur_len;
            }
        } else {
            cur_len = 0;
        }
    }
    if best_len < 2 {
        best = usize::MAX;
    }
    let mut out = String::new();
    let mut i = 0;
    while i < 8 {
        if i == best {
            out.push_str(if i == 0 { "::" } else { ":" });
            i += best_len;
            continue;
        }
        if i == 6
            && best == 0
            && (best_len == 6 || (best_len == 7 && words[7] != 1) || (best_len == 5 && words[5] == 0xffff))
        {
            out.push_str(&format!("{}.{}.{}.{}", ip[12], ip[13], ip[14], ip[15]));
            return out;
        }
        out.push_str(&format!("{:x}", words[i]));
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
    out
}

fn ipv4_text(ip: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3])
}

/// The IP part of an address as text (CPython's `make_ipv4_addr` / `make_ipv6_addr`).
fn ip_text(addr: &SockAddr) -> String {
    match addr.family() {
        libc::AF_INET6 => {
            let sin6: libc::sockaddr_in6 = addr.read();
            format_ipv6(&sin6.sin6_addr.s6_addr)
        }
        _ => {
            let sin: libc::sockaddr_in = addr.read();
            ipv4_text(sin.sin_addr.s_addr.to_ne_bytes())
        }
    }
}

/// CPython's `makesockaddr`: a socket address as a Python value.
fn make_sockaddr(addr: &SockAddr) -> Value {
    if addr.len == 0 {
        return none();
    }
    match addr.family() {
        libc::AF_INET => {
            let sin: libc::sockaddr_in = addr.read();
            new_tuple(vec![new_string(ip_text(addr)), new_int(u16::from_be(sin.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            let sin6: libc::sockaddr_in6 = addr.read();
            new_tuple(vec![
                new_string(ip_text(addr)),
                new_int(u16::from_be(sin6.sin6_port) as i64),
                new_int(u32::from_be(sin6.sin6_flowinfo) as i64),
                new_int(sin6.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            let sun: libc::sockaddr_un = addr.read();
            let off = std::mem::size_of::<libc::sa_family_t>();
            let n = (addr.len as usize).saturating_sub(off).min(sun.sun_path.len());
            let path: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if path.first() == Some(&0) {
                return new_bytes(path);
            }
            let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
            new_string(String::from_utf8_lossy(&path[..end]).into_owned())
        }
        family => {
            let sa: libc::sockaddr = addr.read();
            let data: Vec<u8> = sa.sa_data.iter().map(|&c| c as u8).collect();
            new_tuple(vec![new_int(family as i64), new_bytes(data)])
        }
    }
}

fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<i64> {
    let n = ops::index(vm, v)?;
    match as_i64(&n) {
        Some(p) if (i32::MIN as i64..=i32::MAX as i64).contains(&p) => Ok(p),
        _ => Err(overflow_error(format!("{caller}(): port must be 0-65535."))),
    }
}

/// CPython's `getsockaddrarg`: a Python address for a socket of `family`.
fn sockaddr_arg(vm: &mut Vm, family: i32, addr: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path = if let Some(s) = as_str(addr) {
                s.as_bytes().to_vec()
            } else if let Some(b) = crate::objects::bytes::as_bytes_like(addr) {
                b
            } else {
                return Err(type_error(format!("a bytes-like object is required, not '{}'", addr.ty().name())));
            };
            // SAFETY-free construction: sockaddr_un is plain data, built field by field.
            let mut sun = SockAddr::empty().read::<libc::sockaddr_un>();
            let abstract_ns = path.first() == Some(&0);
            if path.len() > sun.sun_path.len() || (!abstract_ns && path.len() == sun.sun_path.len()) {
                return Err(plain_os_error("AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, &s) in sun.sun_path.iter_mut().zip(&path) {
                *d = s as libc::c_char;
            }
            let len = std::mem::size_of::<libc::sa_family_t>() + path.len() + usize::from(!abstract_ns);
            Ok(SockAddr::from_raw(sun, len))
        }
        libc::AF_INET => {
            let Some(items) = as_tuple(addr) else {
                return Err(type_error(format!("{caller}(): AF_INET address must be tuple, not {}", addr.ty().name())));
            };
            if items.len() != 2 {
                return Err(type_error("AF_INET address must be a pair (host, port)"));
            }
            let (host, port) = (items[0].clone(), items[1].clone());
            host_bytes(vm, &host)?;
            let port = port_arg(vm, &port, caller)?;
            let a = setipaddr(vm, &host, libc::AF_INET)?;
            if !(0..=0xffff).contains(&port) {
                return Err(overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            let sin: libc::sockaddr_in = a.read();
            Ok(ipv4_sockaddr(sin.sin_addr.s_addr.to_ne_bytes(), port as u16))
        }
        libc::AF_INET6 => {
            let Some(items) = as_tuple(addr) else {
                return Err(type_error(format!("{caller}(): AF_INET6 address must be tuple, not {}", addr.ty().name())));
            };
            if !(2..=4).contains(&items.len()) {
                return Err(type_error("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"));
            }
            let items = items.to_vec();
            host_bytes(vm, &items[0])?;
            let port = port_arg(vm, &items[1], caller)?;
            let flowinfo = match items.get(2) {
                Some(v) => c_uint(vm, v)?,
                None => 0,
            };
            let scope_id = match items.get(3) {
                Some(v) => c_uint(vm, v)?,
                None => 0,
            };
            let a = setipaddr(vm, &items[0], libc::AF_INET6)?;
            if !(0..=0xffff).contains(&port) {
                return Err(overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            if flowinfo > 0xfffff {
                return Err(overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
            }
            let sin6: libc::sockaddr_in6 = a.read();
            let scope = if scope_id == 0 { sin6.sin6_scope_id } else { scope_id };
            Ok(ipv6_sockaddr(sin6.sin6_addr.s6_addr, port as u16, flowinfo, scope))
        }
        _ => Err(plain_os_error(&format!("{caller}(): bad family"))),
    }
}

// ---------------------------------------------------------------------------------------
// Timeouts
// ---------------------------------------------------------------------------------------

thread_local! {
    /// `getdefaulttimeout()` in nanoseconds, -1 for None.
    static DEFAULT_TIMEOUT: Cell<i64> = const { Cell::new(-1) };
}

/// A timeout argument in nanoseconds (-1 for None), rounded up as CPython's
/// `_PyTime_ROUND_TIMEOUT`.
fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if is_none(v) {
        return Ok(-1);
    }
    let too_large = || overflow_error("timestamp too large to convert to C PyTime_t");
    let ns = if let Some(f) = as_f64(v) {
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).ceil();
        if ns.abs() >= 9.223_372_036_854_776e18 {
            return Err(too_large());
        }
        ns as i64
    } else {
        let i = ops::index(vm, v)?;
        let s = as_i64(&i).ok_or_else(too_large)?;
        s.checked_mul(1_000_000_000).ok_or_else(too_large)?
    };
    if ns < 0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(ns)
}

fn timeout_value(ns: i64) -> Value {
    if ns < 0 {
        none()
    } else {
        new_float(ns as f64 / 1e9)
    }
}

/// Milliseconds for `poll` until `deadline` (rounded up, clamped to a C int).
fn poll_ms(deadline: Option<Instant>) -> i32 {
    match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            let ms = left.as_nanos().div_ceil(1_000_000);
            ms.min(i32::MAX as u128) as i32
        }
    }
}

fn deadline_after(ns: i64) -> Option<Instant> {
    Instant::now().checked_add(Duration::from_nanos(ns.max(0) as u64))
}

// ---------------------------------------------------------------------------------------
// The socket type
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PySocket {
    head: ObjectHead,
    fd: Cell<i32>,
    family: Cell<i32>,
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// Nanoseconds; -1 is None (blocking).
    timeout: Cell<i64>,
}

impl Drop for PySocket {
    fn drop(&mut self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            let _ = sys_close(fd);
        }
    }
}

pub static SOCKET_LAYOUT: Layout = crate::payload_layout!(PySocket, "_socket.socket", heap::no_traverse, heap::no_clear);

impl PyPayload for PySocket {
    fn layout() -> &'static Layout {
        &SOCKET_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &SOCKET_TYPE
    }
}

pub static SOCKET_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "socket",
    layout: &SOCKET_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: SOCKET_METHODS,
    getsets: SOCKET_GETSETS,
    doc: Some("socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type."),
    module: Some("_socket"),
});

fn this(v: &Value) -> PyResult<&PySocket> {
    v.downcast::<PySocket>().ok_or_else(|| {
        type_error(format!("descriptor requires a '_socket.socket' object but received a '{}'", v.ty().name()))
    })
}

fn new_socket_value(ty: &PyType, fd: i32, family: i32, kind: i32, proto: i32) -> Value {
    heap::alloc(
        ty,
        PySocket {
            head: ObjectHead::uninit(),
            fd: Cell::new(fd),
            family: Cell::new(family),
            kind: Cell::new(kind),
            proto: Cell::new(proto),
            timeout: Cell::new(-1),
        },
    )
}

/// CPython's `init_sockobject`: records the kind and applies the default timeout.
fn init_sockobject(s: &PySocket, fd: i32, family: i32, kind: i32, proto: i32) -> PyResult<()> {
    s.fd.set(fd);
    s.family.set(family);
    s.kind.set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    if kind & libc::SOCK_NONBLOCK != 0 {
        s.timeout.set(0);
    } else {
        let t = DEFAULT_TIMEOUT.with(Cell::get);
        s.timeout.set(t);
        if t >= 0 {
            sys_set_nonblocking(fd, true).map_err(|e| os_err(&e))?;
        }
    }
    Ok(())
}

/// A new `_socket.socket` for a descriptor the caller owns (accepted or created).
fn wrap_fd(fd: i32, family: i32, kind: i32, proto: i32) -> PyResult<Value> {
    let v = new_socket_value(&SOCKET_TYPE, -1, family, kind, proto);
    if let Err(e) = init_sockobject(this(&v)?, fd, family, kind, proto) {
        let _ = sys_close(fd);
        return Err(e);
    }
    Ok(v)
}

fn socket_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&SOCKET_TYPE);
    Ok(new_socket_value(ty, -1, libc::AF_INET, libc::SOCK_STREAM, 0))
}

fn socket_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    static SIG: Sig = Sig::new("socket", &[opt("family"), opt("type"), opt("proto"), opt("fileno")]);
    let [family, kind, proto, fileno] = SIG.parse::<4>(args)?;
    let mut family = match family { Some(f) => c_int(vm, &f)?, None => -1 };
    let mut kind = match kind { Some(t) => c_int(vm, &t)?, None => -1 };
    let mut proto = match proto { Some(p) => c_int(vm, &p)?, None => -1 };
    let s = this(v)?;
    let fd = match fileno.filter(|f| !is_none(f)) {
        Some(f) => {
            if as_f64(&f).is_some() {
                return Err(type_error("'float' object cannot be interpreted as an integer"));
            }
            let n = ops::index(vm, &f)?;
            let fd = match as_i64(&n) {
                Some(fd) if fd < 0 => return Err(value_error("negative file descriptor")),
                Some(fd) if fd <= i32::MAX as i64 => fd as i32,
                _ => return Err(overflow_error("Python int too large to convert to C int")),
            };
            let int_opt = |opt: i32| -> PyResult<i32> {
                let b = sys_getsockopt(fd, libc::SOL_SOCKET, opt, 4).map_err(|e| os_err(&e))?;
                Ok(i32::from_ne_bytes(b.get(..4).and_then(|b| b.try_into().ok()).unwrap_or([0; 4])))
            };
            if family == -1 {
                family = int_opt(libc::SO_DOMAIN)?;
            }
            if kind == -1 {
                kind = int_opt(libc::SO_TYPE)?;
            }
            if proto == -1 {
                proto = int_opt(libc::SO_PROTOCOL)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            sys_socket(family, kind, proto).map_err(|e| os_err(&e))?
        }
    };
    let old = s.fd.replace(-1);
    if old >= 0 && old != fd {
        let _ = sys_close(old);
    }
    init_sockobject(s, fd, family, kind, proto)
}

fn socket_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = this(v)?;
    Ok(new_string(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

/// CPython's `sock_call_ex`: runs `f` on the descriptor until it succeeds, waiting for
/// readiness first while the socket has a positive timeout (bounded by `deadline`).
fn sock_call<T>(
    vm: &mut Vm,
    s: &PySocket,
    writing: bool,
    deadline: Option<Option<Instant>>,
    mut f: impl FnMut(i32) -> io::Result<T>,
) -> PyResult<T> {
    let timeout = s.timeout.get();
    let deadline = match deadline {
        Some(d) => d,
        None if timeout > 0 => deadline_after(timeout),
        None => None,
    };
    loop {
        let fd = s.fd.get();
        if timeout > 0 {
            let ms = poll_ms(deadline);
            match sys_poll_one(fd, writing, ms) {
                Ok(true) => {}
                Ok(false) if deadline.is_some() && ms >= 0 => {
                    if poll_ms(deadline) == 0 {
                        return Err(timeout_error());
                    }
                    continue;
                }
                Ok(false) => continue,
                Err(e) if e.raw_os_error() == Some(libc::EINTR) => {
                    super::signal::run_handlers(vm)?;
                    continue;
                }
                Err(e) => return Err(os_err(&e)),
            }
        }
        match f(fd) {
            Ok(v) => return Ok(v),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => {
                super::signal::run_handlers(vm)?;
                continue;
            }
            Err(e) if timeout > 0 && matches!(e.raw_os_error(), Some(libc::EAGAIN)) => continue,
            Err(e) => return Err(os_err(&e)),
        }
    }
}

fn sock_bind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, addr] = args.exact::<2>("bind")?;
    let s = this(this_v)?;
    let a = sockaddr_arg(vm, s.family.get(), addr, "bind")?;
    sys_bind(s.fd.get(), &a).map_err(|e| os_err(&e))?;
    Ok(none())
}

fn sock_listen(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("listen", 1, 2)?;
    let s = this(&pos[0])?;
    let backlog = match pos.get(1) {
        Some(b) => c_int(vm, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    sys_listen(s.fd.get(), backlog).map_err(|e| os_err(&e))?;
    Ok(none())
}

fn sock_accept(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("_accept")?;
    let s = this(this_v)?;
    let (fd, addr) = sock_call(vm, s, false, None, sys_accept)?;
    Ok(new_tuple(vec![new_int(fd as i64), make_sockaddr(&addr)]))
}

/// CPython's `internal_connect`: 0 on success, else the errno (raised when `raise`).
fn internal_connect(vm: &mut Vm, s: &PySocket, addr: &SockAddr, raise: bool) -> PyResult<i32> {
    let fail = |errno: i32| if raise { Err(errno_error(errno)) } else { Ok(errno) };
    let err = match sys_connect(s.fd.get(), addr) {
        Ok(()) => return Ok(0),
        Err(e) => e.raw_os_error().unwrap_or(libc::EIO),
    };
    let timeout = s.timeout.get();
    let wait = (err == libc::EINTR && timeout != 0) || (err == libc::EINPROGRESS && timeout > 0);
    if !wait {
        return fail(err);
    }
    let deadline = if timeout > 0 { deadline_after(timeout) } else { None };
    loop {
        let ms = poll_ms(deadline);
        match sys_poll_one(s.fd.get(), true, ms) {
            Ok(true) => break,
            Ok(false) if deadline.is_some() && poll_ms(deadline) == 0 => {
                return if raise { Err(timeout_error()) } else { Ok(libc::EWOULDBLOCK) };
            }
            Ok(false) => continue,
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => {
                super::signal::run_handlers(vm)?;
                continue;
            }
            Err(e) => return fail(e.raw_os_error().unwrap_or(libc::EIO)),
        }
    }
    let b = match sys_getsockopt(s.fd.get(), libc::SOL_SOCKET, libc::SO_ERROR, 4) {
        Ok(b) => b,
        Err(e) => return fail(e.raw_os_error().unwrap_or(libc::EIO)),
    };
    let so_error = i32::from_ne_bytes(b.get(..4).and_then(|b| b.try_into().ok()).unwrap_or([0; 4]));
    if so_error == 0 {
        Ok(0)
    } else {
        fail(so_error)
    }
}

fn sock_connect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, addr] = args.exact::<2>("connect")?;
    let s = this(this_v)?;
    let a = sockaddr_arg(vm, s.family.get(), addr, "connect")?;
    internal_connect(vm, s, &a, true)?;
    Ok(none())
}

fn sock_connect_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, addr] = args.exact::<2>("connect_ex")?;
    let s = this(this_v)?;
    let a = sockaddr_arg(vm, s.family.get(), addr, "connect_ex")?;
    Ok(new_int(internal_connect(vm, s, &a, false)? as i64))
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(f) => c_int(vm, f),
        None => Ok(0),
    }
}

fn sock_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("send", 2, 3)?;
    let s = this(&pos[0])?;
    let data = buffer_arg(&pos[1])?;
    let flags = flags_arg(vm, pos.get(2))?;
    let n = sock_call(vm, s, true, None, |fd| sys_send(fd, &data, flags))?;
    Ok(new_int(n as i64))
}

fn sock_sendall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("sendall", 2, 3)?;
    let s = this(&pos[0])?;
    let data = buffer_arg(&pos[1])?;
    let flags = flags_arg(vm, pos.get(2))?;
    let timeout = s.timeout.get();
    let deadline = if timeout > 0 { deadline_after(timeout) } else { None };
    let mut sent = 0;
    while sent < data.len() {
        let rest = &data[sent..];
        sent += sock_call(vm, s, true, Some(deadline), |fd| sys_send(fd, rest, flags))?;
    }
    Ok(none())
}

fn sock_sendto(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("sendto", 3, 4)?;
    let s = this(&pos[0])?;
    let data = buffer_arg(&pos[1])?;
    let (flags, addr) = if pos.len() == 4 { (c_int(vm, &pos[2])?, &pos[3]) } else { (0, &pos[2]) };
    let a = sockaddr_arg(vm, s.family.get(), addr, "sendto")?;
    let n = sock_call(vm, s, true, None, |fd| sys_sendto(fd, &data, flags, &a))?;
    Ok(new_int(n as i64))
}

fn bufsize_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<usize> {
    let n = ops::index_value(vm, v)?;
    if n < 0 {
        return Err(value_error(format!("negative buffersize in {fname}")));
    }
    Ok(n as usize)
}

/// An empty receive buffer with room for `n` bytes, failing cleanly on absurd sizes.
fn recv_capacity(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| crate::vm::memory_error())?;
    Ok(v)
}

fn sock_recv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("recv", 2, 3)?;
    let s = this(&pos[0])?;
    let n = bufsize_arg(vm, &pos[1], "recv")?;
    let flags = flags_arg(vm, pos.get(2))?;
    let mut buf = recv_capacity(n)?;
    sock_call(vm, s, false, None, |fd| sys_recvfrom_spare(fd, &mut buf, flags))?;
    Ok(new_bytes(buf))
}

fn sock_recvfrom(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("recvfrom", 2, 3)?;
    let s = this(&pos[0])?;
    let n = bufsize_arg(vm, &pos[1], "recvfrom")?;
    let flags = flags_arg(vm, pos.get(2))?;
    let mut buf = recv_capacity(n)?;
    let addr = sock_call(vm, s, false, None, |fd| sys_recvfrom_spare(fd, &mut buf, flags))?;
    Ok(new_tuple(vec![new_bytes(buf), make_sockaddr(&addr)]))
}

/// Shared by `recv_into` and `recvfrom_into`: the byte count to read into `buffer`.
fn into_size(vm: &mut Vm, fname: &str, buffer: &Value, nbytes: Option<Value>) -> PyResult<usize> {
    let len = writable_len(vm, fname, buffer)?;
    let n = match nbytes {
        Some(n) => ops::index_value(vm, &n)?,
        None => 0,
    };
    if n < 0 {
        return Err(value_error(format!("negative buffersize in {fname}")));
    }
    let n = n as usize;
    if n > len {
        return Err(value_error(if fname == "recv_into" {
            "buffer too small for requested bytes".to_string()
        } else {
            "nbytes is greater than the length of the buffer".to_string()
        }));
    }
    Ok(if n == 0 { len } else { n })
}

fn sock_recv_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("recv_into", &[po("self"), p("buffer"), opt("nbytes"), opt("flags")]);
    let [this_v, buffer, nbytes, flags] = SIG.parse::<4>(args)?;
    let (this_v, buffer) = (this_v.unwrap_or_else(none), buffer.unwrap_or_else(none));
    let s = this(&this_v)?;
    let n = into_size(vm, "recv_into", &buffer, nbytes)?;
    let flags = flags_arg(vm, flags.as_ref())?;
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, s, false, None, |fd| sys_recv(fd, &mut buf, flags))?.min(n);
    write_into(vm, &buffer, &buf[..got])?;
    Ok(new_int(got as i64))
}

fn sock_recvfrom_into(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("recvfrom_into", &[po("self"), p("buffer"), opt("nbytes"), opt("flags")]);
    let [this_v, buffer, nbytes, flags] = SIG.parse::<4>(args)?;
    let (this_v, buffer) = (this_v.unwrap_or_else(none), buffer.unwrap_or_else(none));
    let s = this(&this_v)?;
    let n = into_size(vm, "recvfrom_into", &buffer, nbytes)?;
    let flags = flags_arg(vm, flags.as_ref())?;
    let mut buf = vec![0u8; n];
    let (got, addr) = sock_call(vm, s, false, None, |fd| sys_recvfrom(fd, &mut buf, flags))?;
    let got = got.min(n);
    write_into(vm, &buffer, &buf[..got])?;
    Ok(new_tuple(vec![new_int(got as i64), make_sockaddr(&addr)]))
}

fn sock_shutdown(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, how] = args.exact::<2>("shutdown")?;
    let s = this(this_v)?;
    let how = c_int(vm, how)?;
    sys_shutdown(s.fd.get(), how).map_err(|e| os_err(&e))?;
    Ok(none())
}

fn sock_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("close")?;
    let s = this(this_v)?;
    let fd = s.fd.replace(-1);
    if fd >= 0 {
        if let Err(e) = sys_close(fd) {
            if e.raw_os_error() != Some(libc::ECONNRESET) {
                return Err(os_err(&e));
            }
        }
    }
    Ok(none())
}

fn sock_detach(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("detach")?;
    Ok(new_int(this(this_v)?.fd.replace(-1) as i64))
}

fn sock_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("fileno")?;
    Ok(new_int(this(this_v)?.fd.get() as i64))
}

fn sock_getsockname(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("getsockname")?;
    let a = sys_getsockname(this(this_v)?.fd.get(), false).map_err(|e| os_err(&e))?;
    Ok(make_sockaddr(&a))
}

fn sock_getpeername(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("getpeername")?;
    let a = sys_getsockname(this(this_v)?.fd.get(), true).map_err(|e| os_err(&e))?;
    Ok(make_sockaddr(&a))
}

fn sock_setsockopt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("setsockopt", 4, 5)?;
    let s = this(&pos[0])?;
    let level = c_int(vm, &pos[1])?;
    let opt = c_int(vm, &pos[2])?;
    let value = &pos[3];
    let r = if pos.len() == 5 {
        if !is_none(value) {
            return Err(type_error(format!("setsockopt() argument 3 must be NoneType, not {}", value.ty().name())));
        }
        let optlen = c_uint(vm, &pos[4])?;
        sys_setsockopt(s.fd.get(), level, opt, None, optlen)
    } else if crate::objects::int::is_int(value) {
        let v = c_int(vm, value)?;
        sys_setsockopt(s.fd.get(), level, opt, Some(&v.to_ne_bytes()), 0)
    } else {
        let data = buffer_arg(value)?;
        sys_setsockopt(s.fd.get(), level, opt, Some(&data), 0)
    };
    r.map_err(|e| os_err(&e))?;
    Ok(none())
}

fn sock_getsockopt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("getsockopt", 3, 4)?;
    let s = this(&pos[0])?;
    let level = c_int(vm, &pos[1])?;
    let opt = c_int(vm, &pos[2])?;
    match pos.get(3).filter(|n| n.as_small_int() != Some(0)) {
        None => {
            let b = sys_getsockopt(s.fd.get(), level, opt, 4).map_err(|e| os_err(&e))?;
            let mut word = [0u8; 4];
            word[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
            Ok(new_int(i32::from_ne_bytes(word) as i64))
        }
        Some(n) => {
            let n = c_int(vm, n)?;
            if n <= 0 || n > 1024 {
                return Err(plain_os_error("getsockopt buflen out of range"));
            }
            let b = sys_getsockopt(s.fd.get(), level, opt, n as usize).map_err(|e| os_err(&e))?;
            Ok(new_bytes(b))
        }
    }
}

/// CPython's `internal_setblocking` after a timeout change.
fn apply_timeout(s: &PySocket, ns: i64) -> PyResult<()> {
    s.timeout.set(ns);
    sys_set_nonblocking(s.fd.get(), ns >= 0).map_err(|e| os_err(&e))
}

fn sock_setblocking(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, flag] = args.exact::<2>("setblocking")?;
    let s = this(this_v)?;
    let blocking = ops::is_true(vm, flag)?;
    apply_timeout(s, if blocking { -1 } else { 0 })?;
    Ok(none())
}

fn sock_getblocking(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("getblocking")?;
    Ok(bool_value(this(this_v)?.timeout.get() != 0))
}

fn sock_settimeout(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, t] = args.exact::<2>("settimeout")?;
    let s = this(this_v)?;
    let ns = timeout_arg(vm, t)?;
    apply_timeout(s, ns)?;
    Ok(none())
}

fn sock_gettimeout(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("gettimeout")?;
    Ok(timeout_value(this(this_v)?.timeout.get()))
}

fn get_family(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.family.get() as i64))
}

fn get_type(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.kind.get() as i64))
}

fn get_proto(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.proto.get() as i64))
}

fn get_timeout(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(timeout_value(this(v)?.timeout.get()))
}

static SOCKET_METHODS: &[MethodDef] = &[
    MethodDef::method("_accept", sock_accept),
    MethodDef::method("bind", sock_bind),
    MethodDef::method("close", sock_close),
    MethodDef::method("connect", sock_connect),
    MethodDef::method("connect_ex", sock_connect_ex),
    MethodDef::method("detach", sock_detach),
    MethodDef::method("fileno", sock_fileno),
    MethodDef::method("getblocking", sock_getblocking),
    MethodDef::method("getpeername", sock_getpeername),
    MethodDef::method("getsockname", sock_getsockname),
    MethodDef::method("getsockopt", sock_getsockopt),
    MethodDef::method("gettimeout", sock_gettimeout),
    MethodDef::method("listen", sock_listen),
    MethodDef::method("recv", sock_recv),
    MethodDef::method("recv_into", sock_recv_into),
    MethodDef::method("recvfrom", sock_recvfrom),
    MethodDef::method("recvfrom_into", sock_recvfrom_into),
    MethodDef::method("send", sock_send),
    MethodDef::method("sendall", sock_sendall),
    MethodDef::method("sendto", sock_sendto),
    MethodDef::method("setblocking", sock_setblocking),
    MethodDef::method("setsockopt", sock_setsockopt),
    MethodDef::method("settimeout", sock_settimeout),
    MethodDef::method("shutdown", sock_shutdown),
];

static SOCKET_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("family", get_family),
    GetSetDef::new("type", get_type),
    GetSetDef::new("proto", get_proto),
    GetSetDef::new("timeout", get_timeout),
];

// ---------------------------------------------------------------------------------------
// Module functions
// ---------------------------------------------------------------------------------------

fn m_getaddrinfo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "getaddrinfo",
        &[p("host"), p("port"), opt("family"), opt("type"), opt("proto"), opt("flags")],
    );
    let [host, port, family, kind, proto, flags] = SIG.parse::<6>(args)?;
    let (host, port) = (host.unwrap_or_else(none), port.unwrap_or_else(none));
    let host = if is_none(&host) {
        None
    } else if as_str(&host).is_some() || crate::objects::bytes::as_bytes(&host).is_some() {
        Some(cstring(host_bytes(vm, &host)?)?)
    } else {
        return Err(type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port = if is_none(&port) {
        None
    } else if crate::objects::int::is_int(&port) {
        let p = ops::index(vm, &port)?;
        Some(cstring(ops::str_string(vm, &p)?.into_bytes())?)
    } else if let Some(s) = as_str(&port) {
        Some(cstring(s.as_bytes().to_vec())?)
    } else if let Some(b) = crate::objects::bytes::as_bytes(&port) {
        Some(cstring(b.to_vec())?)
    } else {
        return Err(plain_os_error("Int or String expected"));
    };
    let mut ints = [0i32; 4];
    for (slot, v) in ints.iter_mut().zip([family, kind, proto, flags]) {
        if let Some(v) = v {
            *slot = c_int(vm, &v)?;
        }
    }
    let infos = sys_getaddrinfo(host.as_deref(), port.as_deref(), ints[0], ints[1], ints[2], ints[3]).map_err(gai_err)?;
    let out = infos
        .iter()
        .map(|ai| {
            new_tuple(vec![
                new_int(ai.family as i64),
                new_int(ai.socktype as i64),
                new_int(ai.protocol as i64),
                new_string(String::from_utf8_lossy(&ai.canonname).into_owned()),
                make_sockaddr(&ai.addr),
            ])
        })
        .collect();
    Ok(PyList::new_value(out))
}

fn m_getnameinfo(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sa, flags] = args.exact::<2>("getnameinfo")?;
    let flags = c_int(vm, flags)?;
    let Some(items) = as_tuple(sa) else {
        return Err(type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let items = items.to_vec();
    let illegal = || type_error("getnameinfo(): illegal sockaddr argument");
    if !(2..=4).contains(&items.len()) || as_str(&items[0]).is_none() {
        return Err(illegal());
    }
    let port = c_int(vm, &items[1]).map_err(|_| illegal())?;
    let flowinfo = match items.get(2) { Some(v) => c_uint(vm, v)?, None => 0 };
    let scope_id = match items.get(3) { Some(v) => c_uint(vm, v)?, None => 0 };
    if flowinfo > 0xfffff {
        return Err(overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let host = cstring(as_str(&items[0]).unwrap_or("").as_bytes().to_vec())?;
    let serv = cstring(port.to_string().into_bytes())?;
    let infos = sys_getaddrinfo(Some(&host), Some(&serv), libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST)
        .map_err(gai_err)?;
    if infos.len() != 1 {
        return Err(plain_os_error("sockaddr resolved to multiple addresses"));
    }
    let mut addr = infos[0].addr;
    match addr.family() {
        libc::AF_INET => {
            if items.len() != 2 {
                return Err(plain_os_error("IPv4 sockaddr must be 2 tuple"));
            }
        }
        libc::AF_INET6 => {
            let sin6: libc::sockaddr_in6 = addr.read();
            addr = ipv6_sockaddr(sin6.sin6_addr.s6_addr, u16::from_be(sin6.sin6_port), flowinfo, scope_id);
        }
        _ => {}
    }
    let (h, s) = sys_getnameinfo(&addr, flags).map_err(gai_err)?;
    Ok(new_tuple(vec![
        new_string(String::from_utf8_lossy(&h).into_owned()),
        new_string(String::from_utf8_lossy(&s).into_owned()),
    ]))
}

fn m_gethostname(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("gethostname", 0, 0)?;
    let name = sys_gethostname().map_err(|e| os_err(&e))?;
    Ok(new_string(String::from_utf8_lossy(&name).into_owned()))
}

fn m_gethostbyname(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [host] = args.exact::<1>("gethostbyname")?;
    let a = setipaddr(vm, host, libc::AF_INET)?;
    Ok(new_string(ip_text(&a)))
}

fn m_gethostbyname_ex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [host] = args.exact::<1>("gethostbyname_ex")?;
    let name = host_bytes(vm, host)?;
    setipaddr(vm, host, libc::AF_INET)?;
    let cname = cstring(name.clone())?;
    let infos = sys_getaddrinfo(Some(&cname), None, libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME)
        .map_err(gai_err)?;
    let canon = infos.iter().find(|ai| !ai.canonname.is_empty()).map_or(name, |ai| ai.canonname.clone());
    let mut ips: Vec<String> = Vec::new();
    for ai in &infos {
        let t = ip_text(&ai.addr);
        if !ips.contains(&t) {
            ips.push(t);
        }
    }
    Ok(new_tuple(vec![
        new_string(String::from_utf8_lossy(&canon).into_owned()),
        PyList::new_value(vec![]),
        PyList::new_value(ips.into_iter().map(new_string).collect()),
    ]))
}

fn m_gethostbyaddr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [host] = args.exact::<1>("gethostbyaddr")?;
    let a = setipaddr(vm, host, libc::AF_UNSPEC)?;
    let (name, _) = sys_getnameinfo(&a, libc::NI_NAMEREQD).map_err(|_| {
        PyErr::from_value(exceptions::new_exception(&HERROR, vec![new_int(1), new_str("Unknown host")]))
    })?;
    Ok(new_tuple(vec![
        new_string(String::from_utf8_lossy(&name).into_owned()),
        PyList::new_value(vec![]),
        PyList::new_value(vec![new_string(ip_text(&a))]),
    ]))
}

fn m_inet_aton(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("inet_aton")?;
    let Some(text) = as_str(s) else {
        return Err(type_error(format!("inet_aton() argument must be str, not {}", s.ty().name())));
    };
    match parse_ipv4_aton(text) {
        Some(ip) => Ok(new_bytes(ip.to_vec())),
        None => Err(plain_os_error("illegal IP address string passed to inet_aton")),
    }
}

fn m_inet_ntoa(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [b] = args.exact::<1>("inet_ntoa")?;
    let data = buffer_arg(b)?;
    let ip: [u8; 4] = data.as_slice().try_into().map_err(|_| plain_os_error("packed IP wrong length for inet_ntoa"))?;
    Ok(new_string(ipv4_text(ip)))
}

fn m_inet_pton(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [af, s] = args.exact::<2>("inet_pton")?;
    let af = c_int(vm, af)?;
    let Some(text) = as_str(s) else {
        return Err(type_error(format!("inet_pton() argument 2 must be str, not {}", s.ty().name())));
    };
    let bad = || plain_os_error("illegal IP address string passed to inet_pton");
    match af {
        libc::AF_INET => Ok(new_bytes(parse_ipv4_strict(text).ok_or_else(bad)?.to_vec())),
        libc::AF_INET6 => {
            let ip: std::net::Ipv6Addr = text.parse().map_err(|_| bad())?;
            Ok(new_bytes(ip.octets().to_vec()))
        }
        _ => Err(errno_error(libc::EAFNOSUPPORT)),
    }
}

fn m_inet_ntop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [af, b] = args.exact::<2>("inet_ntop")?;
    let af = c_int(vm, af)?;
    let data = buffer_arg(b)?;
    let bad_len = || value_error("invalid length of packed IP address string");
    match af {
        libc::AF_INET => {
            let ip: [u8; 4] = data.as_slice().try_into().map_err(|_| bad_len())?;
            Ok(new_string(ipv4_text(ip)))
        }
        libc::AF_INET6 => {
            let ip: [u8; 16] = data.as_slice().try_into().map_err(|_| bad_len())?;
            Ok(new_string(format_ipv6(&ip)))
        }
        _ => Err(value_error(format!("unknown address family {af}"))),
    }
}

/// `htons`/`ntohs`: 16-bit byte swaps with CPython's range errors.
fn short_swap(vm: &mut Vm, args: Args, fname: &str) -> PyResult<Value> {
    let [x] = args.exact::<1>(fname)?;
    let n = ops::index(vm, x)?;
    let neg = || overflow_error(format!("{fname}: can't convert negative Python int to C 16-bit unsigned integer"));
    let big = || overflow_error(format!("{fname}: Python int too large to convert to C 16-bit unsigned integer"));
    let v = match as_i64(&n) {
        Some(v) if v < 0 => return Err(neg()),
        Some(v) if v > 0xffff => return Err(big()),
        Some(v) => v as u16,
        None if is_negative_big(&n) => {
            return Err(neg())
        }
        None => return Err(big()),
    };
    Ok(new_int(v.swap_bytes() as i64))
}

fn long_swap(vm: &mut Vm, args: Args, fname: &str) -> PyResult<Value> {
    let [x] = args.exact::<1>(fname)?;
    let n = ops::index(vm, x)?;
    let v = match as_i64(&n) {
        Some(v) if v < 0 => return Err(overflow_error("can't convert negative value to unsigned int")),
        Some(v) if v > u32::MAX as i64 => return Err(overflow_error("int larger than 32 bits")),
        Some(v) => v as u32,
        None if is_negative_big(&n) => {
            return Err(overflow_error("can't convert negative value to unsigned int"))
        }
        None => return Err(overflow_error("int larger than 32 bits")),
    };
    Ok(new_int(v.swap_bytes() as i64))
}

fn m_htons(vm: &mut Vm, args: Args) -> PyResult<Value> {
    short_swap(vm, args, "htons")
}

fn m_ntohs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    short_swap(vm, args, "ntohs")
}

fn m_htonl(vm: &mut Vm, args: Args) -> PyResult<Value> {
    long_swap(vm, args, "htonl")
}

fn m_ntohl(vm: &mut Vm, args: Args) -> PyResult<Value> {
    long_swap(vm, args, "ntohl")
}

fn m_getdefaulttimeout(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getdefaulttimeout", 0, 0)?;
    Ok(timeout_value(DEFAULT_TIMEOUT.with(Cell::get)))
}

fn m_setdefaulttimeout(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [t] = args.exact::<1>("setdefaulttimeout")?;
    let ns = timeout_arg(vm, t)?;
    DEFAULT_TIMEOUT.with(|d| d.set(ns));
    Ok(none())
}

fn m_socketpair(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("socketpair", &[po_opt("family"), po_opt("type"), po_opt("proto")]);
    let [family, kind, proto] = SIG.parse::<3>(args)?;
    let family = match family { Some(v) => c_int(vm, &v)?, None => libc::AF_UNIX };
    let kind = match kind { Some(v) => c_int(vm, &v)?, None => libc::SOCK_STREAM };
    let proto = match proto { Some(v) => c_int(vm, &v)?, None => 0 };
    let (a, b) = sys_socketpair(family, kind, proto).map_err(|e| os_err(&e))?;
    let sa = match wrap_fd(a, family, kind, proto) {
        Ok(s) => s,
        Err(e) => {
            let _ = sys_close(b);
            return Err(e);
        }
    };
    let sb = wrap_fd(b, family, kind, proto)?;
    Ok(new_tuple(vec![sa, sb]))
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = ops::index(vm, v)?;
    match as_i64(&n) {
        Some(fd) if (i32::MIN as i64..=i32::MAX as i64).contains(&fd) => Ok(fd as i32),
        _ => Err(overflow_error("Python int too large to convert to C int")),
    }
}

fn m_dup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("dup")?;
    let fd = fd_arg(vm, fd)?;
    Ok(new_int(sys_dup(fd).map_err(|e| os_err(&e))? as i64))
}

fn m_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fd] = args.exact::<1>("close")?;
    let fd = fd_arg(vm, fd)?;
    if let Err(e) = sys_close(fd) {
        if e.raw_os_error() != Some(libc::ECONNRESET) {
            return Err(os_err(&e));
        }
    }
    Ok(none())
}

static SOCKET_MODULE_METHODS: &[MethodDef] = &[
    MethodDef::method("close", m_close),
    MethodDef::method("dup", m_dup),
    MethodDef::method("getaddrinfo", m_getaddrinfo),
    MethodDef::method("getdefaulttimeout", m_getdefaulttimeout),
    MethodDef::method("gethostbyaddr", m_gethostbyaddr),
    MethodDef::method("gethostbyname", m_gethostbyname),
    MethodDef::method("gethostbyname_ex", m_gethostbyname_ex),
    MethodDef::method("gethostname", m_gethostname),
    MethodDef::method("getnameinfo", m_getnameinfo),
    MethodDef::method("htonl", m_htonl),
    MethodDef::method("htons", m_htons),
    MethodDef::method("inet_aton", m_inet_aton),
    MethodDef::method("inet_ntoa", m_inet_ntoa),
    MethodDef::method("inet_ntop", m_inet_ntop),
    MethodDef::method("inet_pton", m_inet_pton),
    MethodDef::method("ntohl", m_ntohl),
    MethodDef::method("ntohs", m_ntohs),
    MethodDef::method("setdefaulttimeout", m_setdefaulttimeout),
    MethodDef::method("socketpair", m_socketpair),
];

/// The integer constants, with Linux's values.
static SOCKET_CONSTANTS: &[(&str, i64)] = &[
    ("AF_ALG", 38), ("AF_APPLETALK", 5), ("AF_ASH", 18), ("AF_ATMPVC", 8), ("AF_ATMSVC", 20),
    ("AF_AX25", 3), ("AF_BRIDGE", 7), ("AF_CAN", 29), ("AF_DECnet", 12), ("AF_ECONET", 19),
    ("AF_INET", 2), ("AF_INET6", 10), ("AF_IPX", 4), ("AF_IRDA", 23), ("AF_KEY", 15),
    ("AF_LLC", 26), ("AF_NETBEUI", 13), ("AF_NETLINK", 16), ("AF_NETROM", 6), ("AF_PACKET", 17),
    ("AF_PPPOX", 24), ("AF_QIPCRTR", 42), ("AF_RDS", 21), ("AF_ROSE", 11), ("AF_ROUTE", 16),
    ("AF_SECURITY", 14), ("AF_SNA", 22), ("AF_TIPC", 30), ("AF_UNIX", 1), ("AF_UNSPEC", 0),
    ("AF_VSOCK", 40), ("AF_WANPIPE", 25), ("AF_X25", 9), ("AI_ADDRCONFIG", 32), ("AI_ALL", 16),
    ("AI_CANONNAME", 2), ("AI_NUMERICHOST", 4), ("AI_NUMERICSERV", 1024), ("AI_PASSIVE", 1),
    ("AI_V4MAPPED", 8), ("ALG_OP_DECRYPT", 0), ("ALG_OP_ENCRYPT", 1), ("ALG_OP_SIGN", 2),
    ("ALG_OP_VERIFY", 3), ("ALG_SET_AEAD_ASSOCLEN", 4), ("ALG_SET_AEAD_AUTHSIZE", 5),
    ("ALG_SET_IV", 2), ("ALG_SET_KEY", 1), ("ALG_SET_OP", 3), ("ALG_SET_PUBKEY", 6),
    ("CAN_BCM", 2), ("CAN_BCM_CAN_FD_FRAME", 2048), ("CAN_BCM_RX_ANNOUNCE_RESUME", 256),
    ("CAN_BCM_RX_CHANGED", 12), ("CAN_BCM_RX_CHECK_DLC", 64), ("CAN_BCM_RX_DELETE", 6),
    ("CAN_BCM_RX_FILTER_ID", 32), ("CAN_BCM_RX_NO_AUTOTIMER", 128), ("CAN_BCM_RX_READ", 7),
    ("CAN_BCM_RX_RTR_FRAME", 1024), ("CAN_BCM_RX_SETUP", 5), ("CAN_BCM_RX_STATUS", 10),
    ("CAN_BCM_RX_TIMEOUT", 11), ("CAN_BCM_SETTIMER", 1), ("CAN_BCM_STARTTIMER", 2),
    ("CAN_BCM_TX_ANNOUNCE", 8), ("CAN_BCM_TX_COUNTEVT", 4), ("CAN_BCM_TX_CP_CAN_ID", 16),
    ("CAN_BCM_TX_DELETE", 2), ("CAN_BCM_TX_EXPIRED", 9), ("CAN_BCM_TX_READ", 3),
    ("CAN_BCM_TX_RESET_MULTI_IDX", 512), ("CAN_BCM_TX_SEND", 4), ("CAN_BCM_TX_SETUP", 1),
    ("CAN_BCM_TX_STATUS", 8), ("CAN_EFF_FLAG", 2147483648), ("CAN_EFF_MASK", 536870911),
    ("CAN_ERR_FLAG", 536870912), ("CAN_ERR_MASK", 536870911), ("CAN_ISOTP", 6),
    ("CAN_J1939", 7), ("CAN_RAW", 1), ("CAN_RAW_FD_FRAMES", 5), ("CAN_RAW_FILTER", 1),
    ("CAN_RAW_JOIN_FILTERS", 6), ("CAN_RAW_LOOPBACK", 3), ("CAN_RAW_RECV_OWN_MSGS", 4),
    ("CAN_RTR_FLAG", 1073741824), ("CAN_SFF_MASK", 2047), ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", -3), ("EAI_BADFLAGS", -1), ("EAI_FAIL", -4), ("EAI_FAMILY", -6),
    ("EAI_MEMORY", -10), ("EAI_NODATA", -5), ("EAI_NONAME", -2), ("EAI_OVERFLOW", -12),
    ("EAI_SERVICE", -8), ("EAI_SOCKTYPE", -7), ("EAI_SYSTEM", -11), ("ETHERTYPE_ARP", 2054),
    ("ETHERTYPE_IP", 2048), ("ETHERTYPE_IPV6", 34525), ("ETHERTYPE_VLAN", 33024),
    ("ETH_P_ALL", 3), ("INADDR_ALLHOSTS_GROUP", 3758096385), ("INADDR_ANY", 0),
    ("INADDR_BROADCAST", 4294967295), ("INADDR_LOOPBACK", 2130706433),
    ("INADDR_MAX_LOCAL_GROUP", 3758096639), ("INADDR_NONE", 4294967295),
    ("INADDR_UNSPEC_GROUP", 3758096384), ("IOCTL_VM_SOCKETS_GET_LOCAL_CID", 1977),
    ("IPPORT_RESERVED", 1024), ("IPPORT_USERRESERVED", 5000), ("IPPROTO_AH", 51),
    ("IPPROTO_DSTOPTS", 60), ("IPPROTO_EGP", 8), ("IPPROTO_ESP", 50), ("IPPROTO_FRAGMENT", 44),
    ("IPPROTO_GRE", 47), ("IPPROTO_HOPOPTS", 0), ("IPPROTO_ICMP", 1), ("IPPROTO_ICMPV6", 58),
    ("IPPROTO_IDP", 22), ("IPPROTO_IGMP", 2), ("IPPROTO_IP", 0), ("IPPROTO_IPIP", 4),
    ("IPPROTO_IPV6", 41), ("IPPROTO_MPTCP", 262), ("IPPROTO_NONE", 59), ("IPPROTO_PIM", 103),
    ("IPPROTO_PUP", 12), ("IPPROTO_RAW", 255), ("IPPROTO_ROUTING", 43), ("IPPROTO_RSVP", 46),
    ("IPPROTO_SCTP", 132), ("IPPROTO_TCP", 6), ("IPPROTO_TP", 29), ("IPPROTO_UDP", 17),
    ("IPPROTO_UDPLITE", 136), ("IPV6_CHECKSUM", 7), ("IPV6_DONTFRAG", 62), ("IPV6_DSTOPTS", 59),
    ("IPV6_HOPLIMIT", 52), ("IPV6_HOPOPTS", 54), ("IPV6_JOIN_GROUP", 20),
    ("IPV6_LEAVE_GROUP", 21), ("IPV6_MULTICAST_HOPS", 18), ("IPV6_MULTICAST_IF", 17),
    ("IPV6_MULTICAST_LOOP", 19), ("IPV6_NEXTHOP", 9), ("IPV6_PATHMTU", 61),
    ("IPV6_PKTINFO", 50), ("IPV6_RECVDSTOPTS", 58), ("IPV6_RECVHOPLIMIT", 51),
    ("IPV6_RECVHOPOPTS", 53), ("IPV6_RECVPATHMTU", 60), ("IPV6_RECVPKTINFO", 49),
    ("IPV6_RECVRTHDR", 56), ("IPV6_RECVTCLASS", 66), ("IPV6_RTHDR", 57),
    ("IPV6_RTHDRDSTOPTS", 55), ("IPV6_RTHDR_TYPE_0", 0), ("IPV6_TCLASS", 67),
    ("IPV6_UNICAST_HOPS", 16), ("IPV6_V6ONLY", 26), ("IP_ADD_MEMBERSHIP", 35),
    ("IP_ADD_SOURCE_MEMBERSHIP", 39), ("IP_BIND_ADDRESS_NO_PORT", 24), ("IP_BLOCK_SOURCE", 38),
    ("IP_DEFAULT_MULTICAST_LOOP", 1), ("IP_DEFAULT_MULTICAST_TTL", 1),
    ("IP_DROP_MEMBERSHIP", 36), ("IP_DROP_SOURCE_MEMBERSHIP", 40), ("IP_HDRINCL", 3),
    ("IP_MAX_MEMBERSHIPS", 20), ("IP_MULTICAST_IF", 32), ("IP_MULTICAST_LOOP", 34),
    ("IP_MULTICAST_TTL", 33), ("IP_OPTIONS", 4), ("IP_PKTINFO", 8), ("IP_RECVOPTS", 6),
    ("IP_RECVRETOPTS", 7), ("IP_RECVTOS", 13), ("IP_RETOPTS", 7), ("IP_TOS", 1),
    ("IP_TRANSPARENT", 19), ("IP_TTL", 2), ("IP_UNBLOCK_SOURCE", 37), ("J1939_EE_INFO_NONE", 0),
    ("J1939_EE_INFO_TX_ABORT", 1), ("J1939_FILTER_MAX", 512), ("J1939_IDLE_ADDR", 254),
    ("J1939_MAX_UNICAST_ADDR", 253), ("J1939_NLA_BYTES_ACKED", 1), ("J1939_NLA_PAD", 0),
    ("J1939_NO_ADDR", 255), ("J1939_NO_NAME", 0), ("J1939_NO_PGN", 262144),
    ("J1939_PGN_ADDRESS_CLAIMED", 60928), ("J1939_PGN_ADDRESS_COMMANDED", 65240),
    ("J1939_PGN_MAX", 262143), ("J1939_PGN_PDU1_MAX", 261888), ("J1939_PGN_REQUEST", 59904),
    ("MSG_CMSG_CLOEXEC", 1073741824), ("MSG_CONFIRM", 2048), ("MSG_CTRUNC", 8),
    ("MSG_DONTROUTE", 4), ("MSG_DONTWAIT", 64), ("MSG_EOR", 128), ("MSG_ERRQUEUE", 8192),
    ("MSG_FASTOPEN", 536870912), ("MSG_MORE", 32768), ("MSG_NOSIGNAL", 16384), ("MSG_OOB", 1),
    ("MSG_PEEK", 2), ("MSG_TRUNC", 32), ("MSG_WAITALL", 256), ("NETLINK_CRYPTO", 21),
    ("NETLINK_DNRTMSG", 14), ("NETLINK_FIREWALL", 3), ("NETLINK_IP6_FW", 13),
    ("NETLINK_NFLOG", 5), ("NETLINK_ROUTE", 0), ("NETLINK_USERSOCK", 2), ("NETLINK_XFRM", 6),
    ("NI_DGRAM", 16), ("NI_IDN", 32), ("NI_MAXHOST", 1025), ("NI_MAXSERV", 32),
    ("NI_NAMEREQD", 8), ("NI_NOFQDN", 4), ("NI_NUMERICHOST", 1), ("NI_NUMERICSERV", 2),
    ("PACKET_BROADCAST", 1), ("PACKET_FASTROUTE", 6), ("PACKET_HOST", 0),
    ("PACKET_LOOPBACK", 5), ("PACKET_MULTICAST", 2), ("PACKET_OTHERHOST", 3),
    ("PACKET_OUTGOING", 4), ("PF_CAN", 29), ("PF_PACKET", 17), ("PF_RDS", 21),
    ("SCM_CREDENTIALS", 2), ("SCM_J1939_DEST_ADDR", 1), ("SCM_J1939_DEST_NAME", 2),
    ("SCM_J1939_ERRQUEUE", 4), ("SCM_J1939_PRIO", 3), ("SCM_RIGHTS", 1), ("SHUT_RD", 0),
    ("SHUT_RDWR", 2), ("SHUT_WR", 1), ("SOCK_CLOEXEC", 524288), ("SOCK_DGRAM", 2),
    ("SOCK_NONBLOCK", 2048), ("SOCK_RAW", 3), ("SOCK_RDM", 4), ("SOCK_SEQPACKET", 5),
    ("SOCK_STREAM", 1), ("SOL_ALG", 279), ("SOL_CAN_BASE", 100), ("SOL_CAN_RAW", 101),
    ("SOL_IP", 0), ("SOL_RDS", 276), ("SOL_SOCKET", 1), ("SOL_TCP", 6), ("SOL_TIPC", 271),
    ("SOL_UDP", 17), ("SOMAXCONN", 4096), ("SO_ACCEPTCONN", 30), ("SO_BINDTODEVICE", 25),
    ("SO_BINDTOIFINDEX", 62), ("SO_BROADCAST", 6), ("SO_DEBUG", 1), ("SO_DOMAIN", 39),
    ("SO_DONTROUTE", 5), ("SO_ERROR", 4), ("SO_INCOMING_CPU", 49), ("SO_J1939_ERRQUEUE", 4),
    ("SO_J1939_FILTER", 1), ("SO_J1939_PROMISC", 2), ("SO_J1939_SEND_PRIO", 3),
    ("SO_KEEPALIVE", 9), ("SO_LINGER", 13), ("SO_MARK", 36), ("SO_OOBINLINE", 10),
    ("SO_PASSCRED", 16), ("SO_PASSSEC", 34), ("SO_PEERCRED", 17), ("SO_PEERSEC", 31),
    ("SO_PRIORITY", 12), ("SO_PROTOCOL", 38), ("SO_RCVBUF", 8), ("SO_RCVLOWAT", 18),
    ("SO_RCVTIMEO", 20), ("SO_REUSEADDR", 2), ("SO_REUSEPORT", 15), ("SO_SNDBUF", 7),
    ("SO_SNDLOWAT", 19), ("SO_SNDTIMEO", 21), ("SO_TYPE", 3),
    ("SO_VM_SOCKETS_BUFFER_MAX_SIZE", 2), ("SO_VM_SOCKETS_BUFFER_MIN_SIZE", 1),
    ("SO_VM_SOCKETS_BUFFER_SIZE", 0), ("TCP_CC_INFO", 26), ("TCP_CONGESTION", 13),
    ("TCP_CORK", 3), ("TCP_DEFER_ACCEPT", 9), ("TCP_FASTOPEN", 23),
    ("TCP_FASTOPEN_CONNECT", 30), ("TCP_FASTOPEN_KEY", 33), ("TCP_FASTOPEN_NO_COOKIE", 34),
    ("TCP_INFO", 11), ("TCP_INQ", 36), ("TCP_KEEPCNT", 6), ("TCP_KEEPIDLE", 4),
    ("TCP_KEEPINTVL", 5), ("TCP_LINGER2", 8), ("TCP_MAXSEG", 2), ("TCP_MD5SIG", 14),
    ("TCP_MD5SIG_EXT", 32), ("TCP_NODELAY", 1), ("TCP_NOTSENT_LOWAT", 25),
    ("TCP_QUEUE_SEQ", 21), ("TCP_QUICKACK", 12), ("TCP_REPAIR", 19), ("TCP_REPAIR_OPTIONS", 22),
    ("TCP_REPAIR_QUEUE", 20), ("TCP_REPAIR_WINDOW", 29), ("TCP_SAVED_SYN", 28),
    ("TCP_SAVE_SYN", 27), ("TCP_SYNCNT", 7), ("TCP_THIN_DUPACK", 17),
    ("TCP_THIN_LINEAR_TIMEOUTS", 16), ("TCP_TIMESTAMP", 24), ("TCP_TX_DELAY", 37),
    ("TCP_ULP", 31), ("TCP_USER_TIMEOUT", 18), ("TCP_WINDOW_CLAMP", 10),
    ("TCP_ZEROCOPY_RECEIVE", 35), ("TIPC_ADDR_ID", 3), ("TIPC_ADDR_NAME", 2),
    ("TIPC_ADDR_NAMESEQ", 1), ("TIPC_CFG_SRV", 0), ("TIPC_CLUSTER_SCOPE", 2),
    ("TIPC_CONN_TIMEOUT", 130), ("TIPC_CRITICAL_IMPORTANCE", 3), ("TIPC_DEST_DROPPABLE", 129),
    ("TIPC_HIGH_IMPORTANCE", 2), ("TIPC_IMPORTANCE", 127), ("TIPC_LOW_IMPORTANCE", 0),
    ("TIPC_MEDIUM_IMPORTANCE", 1), ("TIPC_NODE_SCOPE", 3), ("TIPC_PUBLISHED", 1),
    ("TIPC_SRC_DROPPABLE", 128), ("TIPC_SUBSCR_TIMEOUT", 3), ("TIPC_SUB_CANCEL", 4),
    ("TIPC_SUB_PORTS", 1), ("TIPC_SUB_SERVICE", 2), ("TIPC_TOP_SRV", 1),
    ("TIPC_WAIT_FOREVER", -1), ("TIPC_WITHDRAWN", 2), ("TIPC_ZONE_SCOPE", 1),
    ("UDPLITE_RECV_CSCOV", 11), ("UDPLITE_SEND_CSCOV", 10), ("VMADDR_CID_ANY", 4294967295),
    ("VMADDR_CID_HOST", 2), ("VMADDR_PORT_ANY", 4294967295),
    ("VM_SOCKETS_INVALID_VERSION", 4294967295),
];

fn socket_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let s = &SOCKET_TYPE.slots;
        s.new.set(Some(socket_new));
        s.init.set(Some(socket_init));
        s.repr.set(Some(socket_repr));
        crate::objects::typeobject_methods::init_static_type(&SOCKET_TYPE);
        for t in [&HERROR, &GAIERROR] {
            // Word 0 of the extras is the instance dict holding errno and strerror.
            t.set_n_extra(1);
            crate::objects::typeobject_methods::init_static_type(t);
        }
    });
    super::add_object(module, "socket", SOCKET_TYPE.to_value());
    super::add_object(module, "SocketType", SOCKET_TYPE.to_value());
    super::add_object(module, "error", exceptions::OS_ERROR.to_value());
    super::add_object(module, "timeout", exceptions::TIMEOUT_ERROR.to_value());
    super::add_object(module, "herror", HERROR.to_value());
    super::add_object(module, "gaierror", GAIERROR.to_value());
    super::add_object(module, "has_ipv6", bool_value(true));
    for &(name, value) in SOCKET_CONSTANTS {
        super::add_object(module, name, new_int(value));
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_socket",
    doc: Some("Implementation module for socket operations.\n\nSee the socket module for documentation."),
    methods: SOCKET_MODULE_METHODS,
    init: Some(socket_module_init),
};
