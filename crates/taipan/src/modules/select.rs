//! The `select` module (Linux): `select()`, `poll` objects and `epoll` objects, as
//! documented for CPython's `Modules/selectmodule.c`.  File arguments are descriptors or
//! objects with `fileno()` (`PyObject_AsFileDescriptor`); failed system calls raise the
//! errno's `OSError` subclass (`select.error` is `OSError`).
//!
//! Invariants the unsafe helpers at the top rely on: every pointer handed to the C
//! library points into a live Rust buffer whose length is passed with it (`pollfd` and
//! `epoll_event` slices); an epoll object owns its descriptor (-1 once closed) and closes
//! it when freed.
//!
//! NOTE: `select()` is answered with `poll(2)` (same readiness rules: readable on
//! input, hang-up or error; writable on output or error; exceptional on priority data),
//! keeping `select()`'s FD_SETSIZE limit.  A wait interrupted by a signal runs the Python
//! signal handlers, then resumes with the time left (PEP 475).

use std::cell::{Cell, RefCell};
use std::io;
use std::time::{Duration, Instant};

use super::ModuleDef;
use crate::objects::exceptions;
use crate::objects::float::as_f64;
use crate::objects::int::{as_i64, new_int};
use crate::objects::list::PyList;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p, po};
use crate::vm::{call, ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------------------
// System-call helpers: the only unsafe code in this file.
// ---------------------------------------------------------------------------------------

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn sys_poll(fds: &mut [libc::pollfd], timeout_ms: i32) -> io::Result<usize> {
    // SAFETY: pointer and length describe `fds`.
    cvt(unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) }).map(|n| n as usize)
}

fn sys_epoll_create() -> io::Result<i32> {
    // SAFETY: no pointers.
    cvt(unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) })
}

fn sys_epoll_ctl(epfd: i32, op: i32, fd: i32, events: u32) -> io::Result<()> {
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    // SAFETY: `ev` is a valid event for the duration of the call.
    cvt(unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) }).map(drop)
}

fn sys_epoll_wait(epfd: i32, maxevents: usize, timeout_ms: i32) -> io::Result<Vec<(i32, u32)>> {
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents];
    // SAFETY: pointer and length describe `evs`.
    let n = cvt(unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), evs.len() as libc::c_int, timeout_ms) })?;
    Ok(evs[..n as usize].iter().map(|e| (e.u64 as u32 as i32, e.events)).collect())
}

fn sys_close(fd: i32) -> io::Result<()> {
    // SAFETY: no pointers; closing a descriptor the caller owns.
    cvt(unsafe { libc::close(fd) }).map(drop)
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn os_err(e: &io::Error) -> PyErr {
    super::socket::errno_error(e.raw_os_error().unwrap_or(libc::EIO))
}

/// `PyObject_AsFileDescriptor`: an int, or the result of the object's `fileno()`.
pub(crate) fn as_file_descriptor(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = if crate::objects::int::is_int(v) {
        v.clone()
    } else {
        let Some(f) = ops::getattr_opt(vm, v, &crate::objects::str::intern("fileno"))? else {
            return Err(type_error("argument must be an int, or have a fileno() method."));
        };
        let r = call::call(vm, &f, &[])?;
        if !crate::objects::int::is_int(&r) {
            return Err(type_error("fileno() returned a non-integer"));
        }
        r
    };
    let fd = match as_i64(&n) {
        Some(fd) if fd > i32::MAX as i64 => return Err(overflow_error("Python int too large to convert to C int")),
        Some(fd) if fd < i32::MIN as i64 => return Err(overflow_error("Python int too large to convert to C int")),
        Some(fd) => fd as i32,
        None => return Err(overflow_error("Python int too large to convert to C int")),
    };
    if fd < 0 {
        return Err(value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// A timeout in nanoseconds rounded up (CPython's `_PyTime_ROUND_TIMEOUT`); `scale` is
/// 1e9 for seconds, 1e6 for milliseconds.  None gives None.
fn timeout_ns(vm: &mut Vm, v: &Value, scale: i64, type_msg: &str) -> PyResult<Option<i64>> {
    if is_none(v) {
        return Ok(None);
    }
    let too_large = || overflow_error("timestamp too large to convert to C PyTime_t");
    if let Some(f) = as_f64(v) {
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * scale as f64).ceil();
        if ns.abs() >= 9.223_372_036_854_776e18 {
            return Err(too_large());
        }
        return Ok(Some(ns as i64));
    }
    if !crate::objects::int::is_int(v) && v.ty().slots.index.get().is_none() {
        return Err(type_error(type_msg.to_string()));
    }
    let i = ops::index(vm, v)?;
    let n = as_i64(&i).ok_or_else(too_large)?;
    Ok(Some(n.checked_mul(scale).ok_or_else(too_large)?))
}

fn deadline_after(ns: i64) -> Option<Instant> {
    Instant::now().checked_add(Duration::from_nanos(ns.max(0) as u64))
}

/// Milliseconds left until `deadline` (rounded up, clamped); -1 waits forever.
fn ms_left(deadline: Option<Instant>, infinite: bool) -> i32 {
    if infinite {
        return -1;
    }
    match deadline {
        None => i32::MAX,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
        }
    }
}

/// Polls until something is ready or the timeout (ns, None = forever) expires,
/// retrying after EINTR with the time left.
fn poll_retry(vm: &mut Vm, fds: &mut [libc::pollfd], timeout: Option<i64>) -> PyResult<usize> {
    let deadline = timeout.and_then(deadline_after);
    loop {
        let ms = ms_left(deadline, timeout.is_none());
        match sys_poll(fds, ms) {
            Ok(0) if timeout.is_some() && deadline.is_none() => continue,
            Ok(0) if timeout.is_some() && ms_left(deadline, false) > 0 => continue,
            Ok(n) => return Ok(n),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => super::signal::run_handlers(vm)?,
            Err(e) => return Err(os_err(&e)),
        }
    }
}

// ---------------------------------------------------------------------------------------
// select()
// ---------------------------------------------------------------------------------------

const FD_SETSIZE: i32 = 1024;
const READ_SET: i16 = libc::POLLIN | libc::POLLRDNORM | libc::POLLRDBAND | libc::POLLHUP | libc::POLLERR;
const WRITE_SET: i16 = libc::POLLOUT | libc::POLLWRNORM | libc::POLLWRBAND | libc::POLLERR;

fn select_select(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("select", 3, 4)?;
    let timeout = match pos.get(3) {
        Some(t) => {
            let t = timeout_ns(vm, t, 1_000_000_000, "timeout must be a float or None")?;
            if t.is_some_and(|t| t < 0) {
                return Err(value_error("timeout must be non-negative"));
            }
            t
        }
        None => None,
    };
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::new();
    for seq in &pos[..3] {
        let items = if crate::objects::list::as_list(seq).is_some() || crate::objects::tuple::as_tuple(seq).is_some() {
            ops::collect_iter(vm, seq)?
        } else {
            let it = ops::iter(vm, seq).map_err(|e| {
                if e.matches(&exceptions::TYPE_ERROR) {
                    type_error("arguments 1-3 must be sequences")
                } else {
                    e
                }
            })?;
            let mut out = Vec::new();
            while let Some(x) = ops::next(vm, &it)? {
                out.push(x);
            }
            out
        };
        let mut entries = Vec::with_capacity(items.len());
        for item in items {
            let fd = as_file_descriptor(vm, &item)?;
            if fd >= FD_SETSIZE {
                return Err(value_error("filedescriptor out of range in select()"));
            }
            entries.push((item, fd));
        }
        lists.push(entries);
    }
    let wanted = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut pfds: Vec<libc::pollfd> = Vec::new();
    for (list, &ev) in lists.iter().zip(&wanted) {
        for (_, fd) in list {
            match pfds.iter_mut().find(|p| p.fd == *fd) {
                Some(p) => p.events |= ev,
                None => pfds.push(libc::pollfd { fd: *fd, events: ev, revents: 0 }),
            }
        }
    }
    poll_retry(vm, &mut pfds, timeout)?;
    if pfds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(super::socket::errno_error(libc::EBADF));
    }
    let masks = [READ_SET, WRITE_SET, libc::POLLPRI];
    let mut out = Vec::new();
    for (list, &mask) in lists.iter().zip(&masks) {
        let mut ready = Vec::new();
        for (item, fd) in list {
            let revents = pfds.iter().find(|p| p.fd == *fd).map_or(0, |p| p.revents);
            if revents & mask != 0 {
                ready.push(item.clone());
            }
        }
        out.push(PyList::new_value(ready));
    }
    Ok(new_tuple(out))
}

// ---------------------------------------------------------------------------------------
// poll objects
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyPoll {
    head: ObjectHead,
    /// Registered descriptors with their event masks, in registration order.
    fds: RefCell<Vec<(i32, i16)>>,
}

pub static POLL_LAYOUT: Layout = crate::payload_layout!(PyPoll, "select.poll", heap::no_traverse, heap::no_clear);

impl PyPayload for PyPoll {
    fn layout() -> &'static Layout {
        &POLL_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &POLL_TYPE
    }
}

pub static POLL_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "poll",
    layout: &POLL_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: POLL_METHODS,
    getsets: &[],
    doc: None,
    module: Some("select"),
});

fn poll_this(v: &Value) -> PyResult<&PyPoll> {
    v.downcast::<PyPoll>()
        .ok_or_else(|| type_error(format!("descriptor requires a 'select.poll' object but received a '{}'", v.ty().name())))
}

/// An event mask for `poll` (C `unsigned short`).
fn ushort_mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let n = ops::index(vm, v)?;
    match as_i64(&n) {
        Some(m) if m < 0 => Err(overflow_error("Python int too large to convert to C unsigned short")),
        Some(m) if m > 0xffff => Err(overflow_error("Python int too large to convert to C unsigned short")),
        Some(m) => Ok(m as u16 as i16),
        None => Err(overflow_error("Python int too large to convert to C unsigned short")),
    }
}

fn select_poll(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("poll", 0, 0)?;
    Ok(heap::alloc(&POLL_TYPE, PyPoll { head: ObjectHead::uninit(), fds: RefCell::new(Vec::new()) }))
}

fn poll_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("register", 2, 3)?;
    let p = poll_this(&pos[0])?;
    let fd = as_file_descriptor(vm, &pos[1])?;
    let mask = match pos.get(2) {
        Some(m) => ushort_mask(vm, m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(none())
}

fn poll_modify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, fd, mask] = args.exact::<3>("modify")?;
    let p = poll_this(this_v)?;
    let fd = as_file_descriptor(vm, fd)?;
    let mask = ushort_mask(vm, mask)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask,
        None => return Err(super::socket::errno_error(libc::ENOENT)),
    }
    Ok(none())
}

fn poll_unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v, fd] = args.exact::<2>("unregister")?;
    let p = poll_this(this_v)?;
    let fd = as_file_descriptor(vm, fd)?;
    let mut fds = p.fds.borrow_mut();
    match fds.iter().position(|e| e.0 == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(none())
        }
        None => Err(PyErr::from_value(exceptions::new_exception(&exceptions::KEY_ERROR, vec![new_int(fd as i64)]))),
    }
}

fn poll_poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("poll", 1, 2)?;
    let p = poll_this(&pos[0])?;
    let timeout = match pos.get(1) {
        Some(t) => timeout_ns(vm, t, 1_000_000, "timeout must be an integer or None")?.filter(|&t| t >= 0),
        None => None,
    };
    let mut pfds: Vec<libc::pollfd> =
        p.fds.borrow().iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    poll_retry(vm, &mut pfds, timeout)?;
    let out = pfds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| new_tuple(vec![new_int(p.fd as i64), new_int(p.revents as u16 as i64)]))
        .collect();
    Ok(PyList::new_value(out))
}

static POLL_METHODS: &[MethodDef] = &[
    MethodDef::method("modify", poll_modify),
    MethodDef::method("poll", poll_poll),
    MethodDef::method("register", poll_register),
    MethodDef::method("unregister", poll_unregister),
];

// ---------------------------------------------------------------------------------------
// epoll objects
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyEpoll {
    head: ObjectHead,
    /// The epoll descriptor; -1 once closed.
    epfd: Cell<i32>,
}

impl Drop for PyEpoll {
    fn drop(&mut self) {
        let fd = self.epfd.replace(-1);
        if fd >= 0 {
            let _ = sys_close(fd);
        }
    }
}

pub static EPOLL_LAYOUT: Layout = crate::payload_layout!(PyEpoll, "select.epoll", heap::no_traverse, heap::no_clear);

impl PyPayload for PyEpoll {
    fn layout() -> &'static Layout {
        &EPOLL_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &EPOLL_TYPE
    }
}

pub static EPOLL_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "epoll",
    layout: &EPOLL_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: EPOLL_METHODS,
    getsets: EPOLL_GETSETS,
    doc: Some("select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object\n\nsizehint must be a positive integer or -1 for the default size. The\nsizehint is used to optimize internal data structures. It doesn't limit\nthe maximum number of monitored events."),
    module: Some("select"),
});

fn epoll_this(v: &Value) -> PyResult<&PyEpoll> {
    v.downcast::<PyEpoll>()
        .ok_or_else(|| type_error(format!("descriptor requires a 'select.epoll' object but received a '{}'", v.ty().name())))
}

/// The open epoll descriptor, or CPython's "closed" ValueError.
fn epoll_fd(v: &Value) -> PyResult<i32> {
    let fd = epoll_this(v)?.epfd.get();
    if fd < 0 {
        return Err(value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn new_epoll(ty: &PyType, fd: i32) -> Value {
    heap::alloc(ty, PyEpoll { head: ObjectHead::uninit(), epfd: Cell::new(fd) })
}

fn epoll_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("epoll", &[opt("sizehint"), opt("flags")]);
    let [sizehint, flags] = SIG.parse::<2>(args)?;
    if let Some(s) = sizehint {
        let n = ops::index_value(vm, &s)?;
        if n == 0 || n < -1 {
            return Err(value_error("negative sizehint"));
        }
    }
    if let Some(f) = flags {
        let f = ops::index_value(vm, &f)?;
        if f != 0 && f != libc::EPOLL_CLOEXEC as i64 {
            return Err(super::socket::errno_error(libc::EINVAL));
        }
    }
    let ty = as_type(cls).unwrap_or(&EPOLL_TYPE);
    let fd = sys_epoll_create().map_err(|e| os_err(&e))?;
    Ok(new_epoll(ty, fd))
}

fn epoll_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("close")?;
    let fd = epoll_this(this_v)?.epfd.replace(-1);
    if fd >= 0 {
        sys_close(fd).map_err(|e| os_err(&e))?;
    }
    Ok(none())
}

fn epoll_closed(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(epoll_this(v)?.epfd.get() < 0))
}

fn epoll_fileno(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("fileno")?;
    Ok(new_int(epoll_fd(this_v)? as i64))
}

fn epoll_fromfd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [cls, fd] = args.exact::<2>("fromfd")?;
    let n = ops::index(vm, fd)?;
    let fd = match as_i64(&n) {
        Some(fd) if (i32::MIN as i64..=i32::MAX as i64).contains(&fd) => fd as i32,
        _ => return Err(overflow_error("Python int too large to convert to C int")),
    };
    let ty = as_type(cls).unwrap_or(&EPOLL_TYPE);
    Ok(new_epoll(ty, fd))
}

/// An event mask for `epoll` (C `unsigned int`, wrapping as CPython's `I` unit).
fn uint_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = ops::index(vm, v)?;
    Ok(as_i64(&n).map_or(0, |m| m as u32))
}

fn epoll_ctl_method(vm: &mut Vm, args: Args, name: &'static str, op: i32) -> PyResult<Value> {
    static REGISTER: Sig = Sig::new("register", &[po("self"), p("fd"), opt("eventmask")]);
    static MODIFY: Sig = Sig::new("modify", &[po("self"), p("fd"), p("eventmask")]);
    let sig = if name == "register" { &REGISTER } else { &MODIFY };
    let [this_v, fd, mask] = sig.parse::<3>(args)?;
    let this_v = this_v.unwrap_or_else(none);
    let epfd = epoll_fd(&this_v)?;
    let fd = as_file_descriptor(vm, &fd.unwrap_or_else(none))?;
    let mask = match mask {
        Some(m) => uint_mask(vm, &m)?,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    sys_epoll_ctl(epfd, op, fd, mask).map_err(|e| os_err(&e))?;
    Ok(none())
}

fn epoll_register(vm: &mut Vm, args: Args) -> PyResult<Value> {
    epoll_ctl_method(vm, args, "register", libc::EPOLL_CTL_ADD)
}

fn epoll_modify(vm: &mut Vm, args: Args) -> PyResult<Value> {
    epoll_ctl_method(vm, args, "modify", libc::EPOLL_CTL_MOD)
}

fn epoll_unregister(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("unregister", &[po("self"), p("fd")]);
    let [this_v, fd] = SIG.parse::<2>(args)?;
    let epfd = epoll_fd(&this_v.unwrap_or_else(none))?;
    let fd = as_file_descriptor(vm, &fd.unwrap_or_else(none))?;
    sys_epoll_ctl(epfd, libc::EPOLL_CTL_DEL, fd, 0).map_err(|e| os_err(&e))?;
    Ok(none())
}

fn epoll_poll(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("poll", &[po("self"), opt("timeout"), opt("maxevents")]);
    let [this_v, timeout, maxevents] = SIG.parse::<3>(args)?;
    let epfd = epoll_fd(&this_v.unwrap_or_else(none))?;
    let timeout = match timeout {
        Some(t) => timeout_ns(vm, &t, 1_000_000_000, "timeout must be an integer or None")?.filter(|&t| t >= 0),
        None => None,
    };
    let maxevents = match maxevents {
        Some(m) => ops::index_value(vm, &m)?,
        None => -1,
    };
    let maxevents = if maxevents == -1 {
        (FD_SETSIZE - 1) as usize
    } else if maxevents < 1 {
        return Err(value_error(format!("maxevents must be greater than 0, got {maxevents}")));
    } else {
        // epoll_wait reports at most this many per call; the buffer stays modest.
        maxevents.min(65536) as usize
    };
    let deadline = timeout.and_then(deadline_after);
    let events = loop {
        let ms = ms_left(deadline, timeout.is_none());
        match sys_epoll_wait(epfd, maxevents, ms) {
            Ok(ev) if ev.is_empty() && timeout.is_some() && (deadline.is_none() || ms_left(deadline, false) > 0) => {
                continue
            }
            Ok(ev) => break ev,
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => super::signal::run_handlers(vm)?,
            Err(e) => return Err(os_err(&e)),
        }
    };
    let out =
        events.into_iter().map(|(fd, ev)| new_tuple(vec![new_int(fd as i64), new_int(ev as i64)])).collect();
    Ok(PyList::new_value(out))
}

fn epoll_enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this_v] = args.exact::<1>("__enter__")?;
    epoll_fd(this_v)?;
    Ok(this_v.clone())
}

fn epoll_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("__exit__", 1, 4)?;
    let fd = epoll_this(&pos[0])?.epfd.replace(-1);
    if fd >= 0 {
        sys_close(fd).map_err(|e| os_err(&e))?;
    }
    Ok(none())
}

static EPOLL_METHODS: &[MethodDef] = &[
    MethodDef::method("__enter__", epoll_enter),
    MethodDef::method("__exit__", epoll_exit),
    MethodDef::method("close", epoll_close),
    MethodDef::method("fileno", epoll_fileno),
    MethodDef::classmethod("fromfd", epoll_fromfd),
    MethodDef::method("modify", epoll_modify),
    MethodDef::method("poll", epoll_poll),
    MethodDef::method("register", epoll_register),
    MethodDef::method("unregister", epoll_unregister),
];

static EPOLL_GETSETS: &[GetSetDef] = &[GetSetDef::new("closed", epoll_closed)];

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

/// The integer constants, with Linux's values.
static SELECT_CONSTANTS: &[(&str, i64)] = &[
    ("EPOLLERR", 8), ("EPOLLET", 2147483648), ("EPOLLEXCLUSIVE", 268435456), ("EPOLLHUP", 16),
    ("EPOLLIN", 1), ("EPOLLMSG", 1024), ("EPOLLONESHOT", 1073741824), ("EPOLLOUT", 4),
    ("EPOLLPRI", 2), ("EPOLLRDBAND", 128), ("EPOLLRDHUP", 8192), ("EPOLLRDNORM", 64),
    ("EPOLLWRBAND", 512), ("EPOLLWRNORM", 256), ("EPOLL_CLOEXEC", 524288), ("PIPE_BUF", 4096),
    ("POLLERR", 8), ("POLLHUP", 16), ("POLLIN", 1), ("POLLMSG", 1024), ("POLLNVAL", 32),
    ("POLLOUT", 4), ("POLLPRI", 2), ("POLLRDBAND", 128), ("POLLRDHUP", 8192),
    ("POLLRDNORM", 64), ("POLLWRBAND", 512), ("POLLWRNORM", 256),
];

static SELECT_METHODS: &[MethodDef] =
    &[MethodDef::method("poll", select_poll), MethodDef::method("select", select_select)];

fn select_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        EPOLL_TYPE.slots.new.set(Some(epoll_new));
        crate::objects::typeobject_methods::init_static_type(&POLL_TYPE);
        crate::objects::typeobject_methods::init_static_type(&EPOLL_TYPE);
    });
    super::add_object(module, "error", exceptions::OS_ERROR.to_value());
    super::add_object(module, "epoll", EPOLL_TYPE.to_value());
    for &(name, value) in SELECT_CONSTANTS {
        super::add_object(module, name, new_int(value));
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "select",
    doc: Some("This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors."),
    methods: SELECT_METHODS,
    init: Some(select_init),
};
