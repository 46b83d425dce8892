//! `posix`'s process functions: `fork` with the `register_at_fork` hooks, the `exec*`
//! family, `wait`/`waitpid`, process groups and sessions, user and group ids,
//! `pidfd_open`, `system`.
//! Follows the documented behaviour of CPython's `Modules/posixmodule.c` (the "Process
//! Management" section of the `os` docs page).  Included from `posix.rs`, whose
//! helpers (`os_error`, `fd_arg`, `path_arg`, `check`) it shares.
//!
//! Safety invariants of the `unsafe` blocks here:
//! - pointers handed to the C library point into live Rust buffers (`CString`s, and the
//!   NULL-terminated pointer arrays of [`CStringArray`], which own what they point to);
//! - `fork()` is called with only the Python thread running Python code (Taipan has no
//!   other Python threads; the binary's launcher thread is blocked in `join` and holds
//!   no locks), so the child may keep running Rust and Python code as CPython's does.
//!
//! Fork safety: the child continues the same `Vm` on the forking thread.  The
//! `after_in_child` hooks run (so `threading` and `random` reinitialise themselves) and
//! pending signals recorded before the fork are dropped, as CPython's
//! `PyOS_AfterFork_Child` does.  When the child's program ends, the launcher thread
//! does not exist in it: `main.rs` exits the process from the Python thread instead.

use std::ffi::CString;

use super::{check, fd_arg, fspath, int_arg, os_error, path_arg};
use crate::objects::bytes::as_bytes;
use crate::objects::int::new_int;
use crate::objects::list::as_list;
use crate::objects::singletons::none;
use crate::objects::str::as_str;
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt, p};
use crate::vm::{type_error, value_error, Args, PyResult, Sig, Vm};

/// Owned C strings plus the NULL-terminated array of pointers into them (`char *[]`).
pub struct CStringArray {
    _strings: Vec<CString>,
    ptrs: Vec<*const libc::c_char>,
}

impl CStringArray {
    pub fn new(items: Vec<CString>) -> CStringArray {
        let mut ptrs: Vec<*const libc::c_char> = items.iter().map(|s| s.as_ptr()).collect();
        ptrs.push(std::ptr::null());
        CStringArray { _strings: items, ptrs }
    }

    pub fn as_ptr(&self) -> *const *const libc::c_char {
        self.ptrs.as_ptr()
    }
}

/// `PyUnicode_FSConverter`: str (UTF-8, lone surrogates from `surrogateescape` back
/// to their bytes), bytes, or an `os.PathLike`, without NUL bytes.
pub fn fs_encode(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let v = fspath(vm, v)?;
    let bytes = match as_str(&v) {
        Some(s) if s.is_ascii() || !s.chars().any(|c| c as u32 >= 0x100000) => s.as_bytes().to_vec(),
        Some(_) => {
            let r = crate::vm::call::call_method(
                vm,
                &v,
                "encode",
                &[crate::objects::str::new_str("utf-8"), crate::objects::str::new_str("surrogateescape")],
            )?;
            as_bytes(&r).map(<[u8]>::to_vec).unwrap_or_default()
        }
        None => as_bytes(&v).map(<[u8]>::to_vec).unwrap_or_default(),
    };
    if bytes.contains(&0) {
        return Err(value_error("embedded null byte"));
    }
    Ok(bytes)
}

fn to_cstring(bytes: Vec<u8>) -> PyResult<CString> {
    CString::new(bytes).map_err(|_| value_error("embedded null byte"))
}

// --- fork and its hooks ----------------------------------------------------------------

/// Callbacks registered with `os.register_at_fork`.
#[derive(Default)]
pub struct ForkHooks {
    pub before: Vec<Value>,
    pub after_in_child: Vec<Value>,
    pub after_in_parent: Vec<Value>,
}

#[derive(Clone, Copy)]
enum Hook {
    Before,
    Child,
    Parent,
}

/// Runs one list of hooks; errors are reported as unraisable (`run_at_forkers`).
/// `before` hooks run last registered first, the others in registration order.
fn run_hooks(vm: &mut Vm, which: Hook) {
    let hooks = &vm.modules_state.fork_hooks;
    let mut list = match which {
        Hook::Before => hooks.before.clone(),
        Hook::Child => hooks.after_in_child.clone(),
        Hook::Parent => hooks.after_in_parent.clone(),
    };
    if matches!(which, Hook::Before) {
        list.reverse();
    }
    for f in list {
        if let Err(e) = crate::vm::call::call(vm, &f, &[]) {
            vm.write_unraisable(&e, Some(&f), None);
        }
    }
}

/// `PyOS_BeforeFork`.
pub fn before_fork(vm: &mut Vm) {
    run_hooks(vm, Hook::Before);
}

/// `PyOS_AfterFork_Parent`.
pub fn after_fork_parent(vm: &mut Vm) {
    run_hooks(vm, Hook::Parent);
}

/// `PyOS_AfterFork_Child`: signals that arrived before the fork belong to the parent.
pub fn after_fork_child(vm: &mut Vm) {
    let _ = crate::runtime::signals::take_tripped();
    run_hooks(vm, Hook::Child);
}

fn posix_fork(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("fork", 0, 0)?;
    before_fork(vm);
    // SAFETY: see the module invariants: one thread runs Python code.
    let pid = unsafe { libc::fork() };
    let err = std::io::Error::last_os_error();
    if pid == 0 {
        after_fork_child(vm);
    } else {
        after_fork_parent(vm);
    }
    if pid == -1 {
        return Err(os_error(&err, None));
    }
    Ok(new_int(pid as i64))
}

fn posix_register_at_fork(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("register_at_fork", &[kw("before"), kw("after_in_child"), kw("after_in_parent")]);
    let [before, child, parent] = SIG.parse::<3>(args)?;
    if before.is_none() && child.is_none() && parent.is_none() {
        return Err(type_error("At least one argument is required."));
    }
    for (v, name) in [(&before, "before"), (&child, "after_in_child"), (&parent, "after_in_parent")] {
        if let Some(v) = v {
            if !super::super::builtins::is_callable(v) {
                return Err(type_error(format!("'{name}' must be callable, not {}", v.ty().name())));
            }
        }
    }
    let hooks = &mut vm.modules_state.fork_hooks;
    hooks.before.extend(before);
    hooks.after_in_child.extend(child);
    hooks.after_in_parent.extend(parent);
    Ok(none())
}

// --- exec ------------------------------------------------------------------------------

/// The items of `argv` (a tuple or list) as C strings, with CPython's checks; `who`
/// starts the messages ("execv() arg 2", "execve: argv").
fn exec_argv(vm: &mut Vm, argv: &Value, who: &str) -> PyResult<CStringArray> {
    let items = match (as_tuple(argv), as_list(argv)) {
        (Some(t), _) => t.to_vec(),
        (None, Some(l)) => l.snapshot(),
        _ => return Err(type_error(format!("{who} must be a tuple or list"))),
    };
    if items.is_empty() {
        return Err(value_error(format!("{who} must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(to_cstring(fs_encode(vm, it)?)?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(value_error(format!("{who} first element cannot be empty")));
    }
    Ok(CStringArray::new(out))
}

/// `KEY=VALUE` strings from a mapping (`parse_envlist`).
pub fn env_list(vm: &mut Vm, env: &Value) -> PyResult<CStringArray> {
    if env.ty().slots.getitem.get().is_none() {
        return Err(type_error("execve: environment must be a mapping object"));
    }
    let keys = crate::vm::call::call_method(vm, env, "keys", &[])?;
    let keys = crate::vm::ops::collect_iter(vm, &keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = crate::vm::ops::getitem(vm, env, &k)?;
        let mut kb = fs_encode(vm, &k)?;
        let vb = fs_encode(vm, &v)?;
        if kb.is_empty() || kb[1..].contains(&b'=') {
            return Err(value_error("illegal environment variable name"));
        }
        kb.push(b'=');
        kb.extend(vb);
        out.push(to_cstring(kb)?);
    }
    Ok(CStringArray::new(out))
}

fn posix_execv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [path, argv] = args.exact::<2>("execv")?;
    let pa = path_arg(vm, "execv", "path", path, false)?;
    let argv = exec_argv(vm, argv, "execv() arg 2")?;
    let c = pa.cstring()?;
    // SAFETY: `c` and `argv` are NUL-terminated and outlive the call.
    unsafe { libc::execv(c.as_ptr(), argv.as_ptr()) };
    Err(os_error(&std::io::Error::last_os_error(), None))
}

fn posix_execve(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("execve", &[p("path"), p("argv"), p("env")]);
    let [path, argv, env] = SIG.parse::<3>(args)?;
    let path = path.unwrap_or_else(none);
    let pa = path_arg(vm, "execve", "path", &path, false)?;
    let argv = exec_argv(vm, &argv.unwrap_or_else(none), "execve: argv")?;
    let envp = env_list(vm, &env.unwrap_or_else(none))?;
    let c = pa.cstring()?;
    // SAFETY: `c`, `argv` and `envp` are NUL-terminated and outlive the call.
    unsafe { libc::execve(c.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    Err(pa.error(&std::io::Error::last_os_error()))
}

// --- wait ------------------------------------------------------------------------------

/// Retries `f` after EINTR, running the Python signal handlers in between (PEP 475).
pub(super) fn retry_eintr<T: Copy + PartialEq + From<i8>>(vm: &mut Vm, mut f: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let r = f();
        if r != T::from(-1) {
            return Ok(r);
        }
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINTR) {
            return Err(os_error(&e, None));
        }
        super::super::signal::run_handlers(vm)?;
    }
}

fn posix_waitpid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("waitpid")?;
    // waitpid's pid_t argument makes CPython parse it the old way, hence this wording.
    let [pid, options] = args.positional() else {
        return Err(type_error(format!("waitpid() takes exactly 2 arguments ({} given)", args.positional().len())));
    };
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let options = int_arg(vm, options)? as libc::c_int;
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid out-pointer.
    let r = retry_eintr(vm, || unsafe { libc::waitpid(pid, &mut status, options) })?;
    Ok(new_tuple(vec![new_int(r as i64), new_int(status as i64)]))
}

fn posix_wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("wait", 0, 0)?;
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid out-pointer.
    let r = retry_eintr(vm, || unsafe { libc::wait(&mut status) })?;
    Ok(new_tuple(vec![new_int(r as i64), new_int(status as i64)]))
}

// --- process groups, sessions, descriptors ----------------------------------------------

fn posix_killpg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pgid, sig] = args.exact::<2>("killpg")?;
    let pgid = int_arg(vm, pgid)? as libc::pid_t;
    let sig = int_arg(vm, sig)? as libc::c_int;
    // SAFETY: killpg has no memory effects.
    check(unsafe { libc::killpg(pgid, sig) })?;
    vm.run_pending()?;
    Ok(none())
}

fn posix_getpgid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("getpgid", &[p("pid")]);
    let [pid] = SIG.parse::<1>(args)?;
    let pid = int_arg(vm, &pid.unwrap_or_else(none))? as libc::pid_t;
    // SAFETY: getpgid has no memory effects.
    Ok(new_int(check(unsafe { libc::getpgid(pid) })? as i64))
}

fn posix_setpgid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pid, pgrp] = args.exact::<2>("setpgid")?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    let pgrp = int_arg(vm, pgrp)? as libc::pid_t;
    // SAFETY: setpgid has no memory effects.
    check(unsafe { libc::setpgid(pid, pgrp) })?;
    Ok(none())
}

fn posix_setpgrp(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setpgrp", 0, 0)?;
    // SAFETY: setpgid has no memory effects.
    check(unsafe { libc::setpgid(0, 0) })?;
    Ok(none())
}

fn posix_setsid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("setsid", 0, 0)?;
    // SAFETY: setsid has no memory effects.
    check(unsafe { libc::setsid() })?;
    Ok(none())
}

fn posix_getsid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pid] = args.exact::<1>("getsid")?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    // SAFETY: getsid has no memory effects.
    Ok(new_int(check(unsafe { libc::getsid(pid) })? as i64))
}

fn posix_pipe2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [flags] = args.exact::<1>("pipe2")?;
    let flags = int_arg(vm, flags)? as libc::c_int;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), flags) })?;
    Ok(new_tuple(vec![new_int(fds[0] as i64), new_int(fds[1] as i64)]))
}

fn posix_closerange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [lo, hi] = args.exact::<2>("closerange")?;
    let lo = fd_arg(vm, lo)?.max(0);
    let hi = fd_arg(vm, hi)?;
    for fd in lo..hi {
        // SAFETY: closing descriptor numbers has no memory effects; errors are ignored
        // as CPython's `_Py_closerange` does.
        unsafe { libc::close(fd) };
    }
    Ok(none())
}

fn posix_pidfd_open(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("pidfd_open", &[p("pid"), opt("flags")]);
    let [pid, flags] = SIG.parse::<2>(args)?;
    let pid = int_arg(vm, &pid.unwrap_or_else(none))? as libc::pid_t;
    let flags = match flags {
        Some(f) => int_arg(vm, &f)? as libc::c_uint,
        None => 0,
    };
    // SAFETY: pidfd_open takes two integers and returns a descriptor.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if fd < 0 {
        return Err(os_error(&std::io::Error::last_os_error(), None));
    }
    Ok(new_int(fd))
}

fn posix_system(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("system", &[p("command")]);
    let [command] = SIG.parse::<1>(args)?;
    let c = to_cstring(fs_encode(vm, &command.unwrap_or_else(none))?)?;
    // SAFETY: `c` is NUL-terminated.
    let r = unsafe { libc::system(c.as_ptr()) };
    Ok(new_int(r as i64))
}

fn posix_sched_getaffinity(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [pid] = args.exact::<1>("sched_getaffinity")?;
    let pid = int_arg(vm, pid)? as libc::pid_t;
    // SAFETY: cpu_set_t is plain data; the size passed is its size.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    check(unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set) })?;
    let mut cpus = Vec::new();
    for cpu in 0..libc::CPU_SETSIZE as usize {
        // SAFETY: `cpu` is below CPU_SETSIZE, inside `set`.
        if unsafe { libc::CPU_ISSET(cpu, &set) } {
            cpus.push(new_int(cpu as i64));
        }
    }
    crate::objects::set::new_set(vm, cpus)
}

fn posix_getgroups(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("getgroups", 0, 0)?;
    // SAFETY: a zero-length query returns the count; the buffer then has that room.
    let n = check(unsafe { libc::getgroups(0, std::ptr::null_mut()) })?;
    let mut groups = vec![0 as libc::gid_t; n as usize];
    let n = check(unsafe { libc::getgroups(n, groups.as_mut_ptr()) })?;
    groups.truncate(n as usize);
    Ok(crate::objects::list::PyList::new_value(groups.into_iter().map(|g| new_int(g as i64)).collect()))
}

fn posix_sched_yield(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("sched_yield", 0, 0)?;
    // SAFETY: sched_yield has no memory effects.
    check(unsafe { libc::sched_yield() })?;
    Ok(none())
}

/// `_Py_Uid_Converter`/`_Py_Gid_Converter`: an id; -1 is `u32::MAX` ("unchanged").
/// NOTE: the overflow wording follows CPython's (values that fit a C long but not an id
/// are "less than minimum").
pub fn id_value(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    let Some(n) = crate::vm::ops::index_opt(vm, v)? else {
        return Err(type_error(format!("{what} should be integer, not {}", v.ty().name())));
    };
    if n == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(n).map_err(|_| {
        let side = if n == i64::MAX { "greater than maximum" } else { "less than minimum" };
        crate::vm::PyErr::new(&crate::objects::exceptions::OVERFLOW_ERROR, format!("{what} is {side}"))
    })
}

macro_rules! set_ids {
    ($fn_name:ident, $py:literal, $what:literal, $n:literal, $call:expr) => {
        fn $fn_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let ids = args.exact::<$n>($py)?;
            let mut v = [0u32; $n];
            for (i, x) in ids.iter().enumerate() {
                v[i] = id_value(vm, x, $what)?;
            }
            let f: fn(&[u32; $n]) -> libc::c_int = $call;
            check(f(&v))?;
            Ok(none())
        }
    };
}

// SAFETY (these closures): the set*id calls take integers only.
set_ids!(posix_setuid, "setuid", "uid", 1, |v| unsafe { libc::setuid(v[0]) });
set_ids!(posix_setgid, "setgid", "gid", 1, |v| unsafe { libc::setgid(v[0]) });
set_ids!(posix_seteuid, "seteuid", "uid", 1, |v| unsafe { libc::seteuid(v[0]) });
set_ids!(posix_setegid, "setegid", "gid", 1, |v| unsafe { libc::setegid(v[0]) });
set_ids!(posix_setreuid, "setreuid", "uid", 2, |v| unsafe { libc::setreuid(v[0], v[1]) });
set_ids!(posix_setregid, "setregid", "gid", 2, |v| unsafe { libc::setregid(v[0], v[1]) });

fn posix_setgroups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [groups] = args.exact::<1>("setgroups")?;
    if groups.ty().slots.iter.get().is_none() || crate::objects::str::is_str(groups) {
        return Err(type_error("setgroups argument must be a sequence"));
    }
    let items = crate::vm::ops::collect_iter(vm, groups)?;
    let mut ids = Vec::with_capacity(items.len());
    for g in &items {
        if !crate::objects::int::is_int(g) {
            return Err(type_error("groups must be integers"));
        }
        ids.push(id_value(vm, g, "gid")?);
    }
    // SAFETY: `ids` holds `ids.len()` group ids.
    check(unsafe { libc::setgroups(ids.len(), ids.as_ptr()) })?;
    Ok(none())
}

fn res_ids(vm: &mut Vm, args: Args, name: &str, get: fn(&mut [u32; 3]) -> libc::c_int) -> PyResult<Value> {
    args.check(name, 0, 0)?;
    let _ = vm;
    let mut ids = [0u32; 3];
    check(get(&mut ids))?;
    Ok(new_tuple(ids.iter().map(|i| new_int(*i as i64)).collect()))
}

fn posix_getresuid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // SAFETY: the three pointers are distinct elements of `ids`.
    res_ids(vm, args, "getresuid", |ids| {
        let [a, b, c] = ids;
        unsafe { libc::getresuid(a, b, c) }
    })
}

fn posix_getresgid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // SAFETY: the three pointers are distinct elements of `ids`.
    res_ids(vm, args, "getresgid", |ids| {
        let [a, b, c] = ids;
        unsafe { libc::getresgid(a, b, c) }
    })
}

pub static PROCESS_METHODS: &[MethodDef] = &[
    MethodDef::method("fork", posix_fork),
    MethodDef::method("register_at_fork", posix_register_at_fork),
    MethodDef::method("execv", posix_execv),
    MethodDef::method("execve", posix_execve),
    MethodDef::method("waitpid", posix_waitpid),
    MethodDef::method("wait", posix_wait),
    MethodDef::method("killpg", posix_killpg),
    MethodDef::method("getpgid", posix_getpgid),
    MethodDef::method("setpgid", posix_setpgid),
    MethodDef::method("setpgrp", posix_setpgrp),
    MethodDef::method("setsid", posix_setsid),
    MethodDef::method("getsid", posix_getsid),
    MethodDef::method("pipe2", posix_pipe2),
    MethodDef::method("closerange", posix_closerange),
    MethodDef::method("pidfd_open", posix_pidfd_open),
    MethodDef::method("system", posix_system),
    MethodDef::method("sched_getaffinity", posix_sched_getaffinity),
    MethodDef::method("getgroups", posix_getgroups),
    MethodDef::method("sched_yield", posix_sched_yield),
    MethodDef::method("setuid", posix_setuid),
    MethodDef::method("setgid", posix_setgid),
    MethodDef::method("seteuid", posix_seteuid),
    MethodDef::method("setegid", posix_setegid),
    MethodDef::method("setreuid", posix_setreuid),
    MethodDef::method("setregid", posix_setregid),
    MethodDef::method("setgroups", posix_setgroups),
    MethodDef::method("getresuid", posix_getresuid),
    MethodDef::method("getresgid", posix_getresgid),
];

/// Constants of the process functions.
pub const PROCESS_CONSTANTS: &[(&str, i64)] = &[
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("P_PID", libc::P_PID as i64),
    ("P_PGID", libc::P_PGID as i64),
    ("P_ALL", libc::P_ALL as i64),
    ("PIDFD_NONBLOCK", libc::O_NONBLOCK as i64),
];

/// Adds the process functions and constants to the `posix` module.
pub fn add_to_module(m: &Value) {
    for def in PROCESS_METHODS {
        let f = crate::objects::function::new_builtin_function(def, Some(m.clone()), "posix");
        super::super::add_object(m, def.name, f);
    }
    for (n, v) in PROCESS_CONSTANTS {
        super::super::add_object(m, n, new_int(*v));
    }
}
