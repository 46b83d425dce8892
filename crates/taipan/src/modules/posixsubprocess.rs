//! The `_posixsubprocess` module: `fork_exec`, the fork-and-exec step of
//! `subprocess.Popen` on POSIX.  Follows the documented behaviour of CPython 3.13's
//! `Modules/_posixsubprocess.c` (the arguments `subprocess.py` passes, the checks and
//! their messages, and the child's error report that `Popen._execute_child` parses).
//!
//! Safety invariants:
//! - everything the child needs (C strings, pointer arrays, descriptor lists) is built
//!   in the parent before `fork()`; between `fork()` and `exec` the child only makes
//!   async-signal-safe system calls on integers and on those prepared buffers, and
//!   never allocates (the error report is formatted in a stack buffer);
//! - the exception is `preexec_fn`: as CPython does, the child then runs the
//!   `after_in_child` fork hooks and calls back into the VM, which is sound because the
//!   forking thread is the only one that runs Python code (see `posix_process.rs`).
//!
//! The child reports a failure on `errpipe_write` as `"OSError:<hex errno>:"` (exec
//! failed), `"OSError:<hex errno>:noexec"` (a step before exec failed),
//! `"OSError:<hex errno>:noexec:chdir"` (the `cwd` change failed) or
//! `"SubprocessError:0:Exception occurred in preexec_fn."`, then exits with 255.
//! NOTE: `allow_vfork` is accepted and ignored: Taipan always uses `fork()`.

use std::ffi::CString;

use super::posix::process::{after_fork_child, after_fork_parent, before_fork, fs_encode, id_value, CStringArray};
use super::ModuleDef;
use crate::objects::bytes::as_bytes;
use crate::objects::exceptions;
use crate::objects::int::new_int;
use crate::objects::list::as_list;
use crate::objects::singletons::is_none;
use crate::objects::tuple::as_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::{ops, type_error, value_error, Args, PyErr, PyResult, Vm};

/// `NGROUPS_MAX` on Linux.
const MAX_GROUPS: usize = 65536;

/// What the child does between `fork()` and `exec`, all prepared by the parent.
struct ChildPlan {
    exec_array: CStringArray,
    argv: Option<CStringArray>,
    envp: Option<CStringArray>,
    cwd: Option<CString>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    close_fds: bool,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: libc::pid_t,
    gid: Option<libc::gid_t>,
    extra_groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    child_umask: i32,
    /// Sorted, ascending.
    fds_to_keep: Vec<i32>,
    /// The highest descriptor number to close when `close_range` is unavailable.
    max_fd: i32,
}

/// Where a failure in the child happened (decides the report's last field).
#[derive(Clone, Copy)]
enum Stage {
    BeforeExec,
    Chdir,
    Exec,
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Writes all of `buf` to `fd`, retrying after EINTR; errors are ignored (the child
/// cannot do anything about them).
fn write_all_noraise(fd: i32, mut buf: &[u8]) {
    while !buf.is_empty() {
        // SAFETY: `buf` is a live slice of `buf.len()` bytes.
        let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if n < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return;
        }
        buf = &buf[n as usize..];
    }
}

/// The child's error report (no allocation: a stack buffer).
fn report_errno(fd: i32, err: i32, stage: Stage) {
    let mut buf = [0u8; 64];
    let mut len = 0;
    let mut put = |bytes: &[u8]| {
        for b in bytes {
            if len < buf.len() {
                buf[len] = *b;
                len += 1;
            }
        }
    };
    put(b"OSError:");
    let mut digits = [0u8; 8];
    let mut nd = 0;
    let mut e = err as u32;
    while e != 0 && nd < digits.len() {
        digits[nd] = b"0123456789abcdef"[(e % 16) as usize];
        e /= 16;
        nd += 1;
    }
    for i in (0..nd).rev() {
        put(&digits[i..i + 1]);
    }
    put(b":");
    match stage {
        Stage::BeforeExec => put(b"noexec"),
        Stage::Chdir => put(b"noexec:chdir"),
        Stage::Exec => {}
    }
    write_all_noraise(fd, &buf[..len]);
}

fn set_inheritable(fd: i32, inheritable: bool) -> Result<(), i32> {
    // SAFETY: fcntl on a descriptor number has no memory effects.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(errno());
    }
    let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    // SAFETY: as above.
    if new != flags && unsafe { libc::fcntl(fd, libc::F_SETFD, new) } < 0 {
        return Err(errno());
    }
    Ok(())
}

fn posix_call(r: libc::c_int) -> Result<libc::c_int, i32> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// Closes every descriptor from 3 up, except those in `keep` (`_close_open_fds`).
fn close_open_fds(keep: &[i32], max_fd: i32) {
    let close_range = |first: i32, last: i32| {
        if first > last {
            return;
        }
        // SAFETY: close_range takes integers only.
        let r = unsafe { libc::syscall(libc::SYS_close_range, first as libc::c_uint, last as libc::c_uint, 0 as libc::c_uint) };
        if r != 0 {
            for fd in first..=last.min(max_fd) {
                // SAFETY: closing descriptor numbers has no memory effects.
                unsafe { libc::close(fd) };
            }
        }
    };
    let mut start = 3;
    for &k in keep {
        if k < start {
            continue;
        }
        close_range(start, k - 1);
        start = k + 1;
    }
    close_range(start, i32::MAX);
}

/// The steps before `preexec_fn` (`child_exec` up to `reached_preexec`).
fn child_setup(plan: &ChildPlan) -> Result<(), (i32, Stage)> {
    let pre = |e: i32| (e, Stage::BeforeExec);
    for &fd in &plan.fds_to_keep {
        if fd != plan.errpipe_write {
            set_inheritable(fd, true).map_err(pre)?;
        }
    }
    // SAFETY (this block): system calls on descriptor numbers, ids and prepared C
    // strings; no memory is touched except those buffers.
    unsafe {
        for fd in [plan.p2cwrite, plan.c2pread, plan.errread] {
            if fd != -1 {
                posix_call(libc::close(fd)).map_err(pre)?;
            }
        }
        posix_call(libc::close(plan.errpipe_read)).map_err(pre)?;
        // A descriptor about to be replaced by another's dup2 is moved out of the way
        // first (its copy is closed at exec).
        let mut c2pwrite = plan.c2pwrite;
        if c2pwrite == 0 {
            c2pwrite = posix_call(libc::fcntl(c2pwrite, libc::F_DUPFD_CLOEXEC, 0)).map_err(pre)?;
        }
        let mut errwrite = plan.errwrite;
        while errwrite == 0 || errwrite == 1 {
            errwrite = posix_call(libc::fcntl(errwrite, libc::F_DUPFD_CLOEXEC, 0)).map_err(pre)?;
        }
        // dup2 clears close-on-exec; when the descriptor already has its number, clear
        // it by hand.
        for (fd, target) in [(plan.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                set_inheritable(fd, true).map_err(pre)?;
            } else if fd != -1 {
                posix_call(libc::dup2(fd, target)).map_err(pre)?;
            }
        }
        if let Some(cwd) = &plan.cwd {
            posix_call(libc::chdir(cwd.as_ptr())).map_err(|e| (e, Stage::Chdir))?;
        }
        if plan.child_umask >= 0 {
            libc::umask(plan.child_umask as libc::mode_t);
        }
        if plan.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if plan.call_setsid {
            posix_call(libc::setsid()).map_err(pre)?;
        }
        if plan.pgid_to_set >= 0 {
            posix_call(libc::setpgid(0, plan.pgid_to_set)).map_err(pre)?;
        }
        if let Some(groups) = plan.extra_groups.as_ref().filter(|g| !g.is_empty()) {
            posix_call(libc::setgroups(groups.len(), groups.as_ptr())).map_err(pre)?;
        }
        if let Some(gid) = plan.gid {
            posix_call(libc::setregid(gid, gid)).map_err(pre)?;
        }
        if let Some(uid) = plan.uid {
            posix_call(libc::setreuid(uid, uid)).map_err(pre)?;
        }
    }
    Ok(())
}

/// Tries each executable in turn; returns the errno to report (the first that is not
/// ENOENT/ENOTDIR, as `os._execvpe`'s PATH search does).
fn child_exec(plan: &ChildPlan) -> i32 {
    let argv = plan.argv.as_ref().map(|a| a.as_ptr()).unwrap_or(std::ptr::null());
    let mut saved = 0;
    let mut last = 0;
    let mut p = plan.exec_array.as_ptr();
    // SAFETY: `exec_array`, `argv` and `envp` are NULL-terminated arrays of
    // NUL-terminated strings owned by `plan`.
    unsafe {
        while !(*p).is_null() {
            match &plan.envp {
                Some(envp) => libc::execve(*p, argv, envp.as_ptr()),
                None => libc::execv(*p, argv),
            };
            last = errno();
            if last != libc::ENOENT && last != libc::ENOTDIR && saved == 0 {
                saved = last;
            }
            p = p.add(1);
        }
    }
    if saved != 0 {
        saved
    } else {
        last
    }
}

/// The child after `fork()`: never returns.
fn run_child(vm: &mut Vm, plan: &ChildPlan, preexec_fn: Option<&Value>) -> ! {
    let fd = plan.errpipe_write;
    if let Some(f) = preexec_fn {
        after_fork_child(vm);
        if let Err((e, stage)) = child_setup(plan) {
            report_errno(fd, e, stage);
            // SAFETY: ends the child at once.
            unsafe { libc::_exit(255) }
        }
        if crate::vm::call::call(vm, f, &[]).is_err() {
            write_all_noraise(fd, b"SubprocessError:0:Exception occurred in preexec_fn.");
            // SAFETY: ends the child at once.
            unsafe { libc::_exit(255) }
        }
    } else if let Err((e, stage)) = child_setup(plan) {
        report_errno(fd, e, stage);
        // SAFETY: ends the child at once.
        unsafe { libc::_exit(255) }
    }
    if plan.close_fds {
        close_open_fds(&plan.fds_to_keep, plan.max_fd);
    }
    let e = child_exec(plan);
    if e != 0 {
        report_errno(fd, e, Stage::Exec);
    } else {
        write_all_noraise(fd, b"SubprocessError:0:");
    }
    // SAFETY: ends the child at once.
    unsafe { libc::_exit(255) }
}

// --- argument conversion (in the parent) -------------------------------------------------

/// `PyLong_AsInt`.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = ops::index_value(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::new(&exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"))
}

/// `_PySequence_BytesToCharpArray`: a sequence of bytes objects.
fn bytes_array(vm: &mut Vm, seq: &Value) -> PyResult<CStringArray> {
    let n = ops::len(vm, seq)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = ops::getitem(vm, seq, &new_int(i as i64))?;
        let Some(b) = as_bytes(&item) else {
            return Err(type_error(format!("expected bytes, {} found", item.ty().name())));
        };
        out.push(CString::new(b.to_vec()).map_err(|_| value_error("embedded null byte"))?);
    }
    Ok(CStringArray::new(out))
}

fn fork_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.check("fork_exec", 23, 23)?;
    let close_fds = ops::is_true(vm, &a[2])?;
    let Some(keep) = as_tuple(&a[3]) else {
        return Err(type_error(format!("fork_exec() argument 4 must be tuple, not {}", a[3].ty().name())));
    };
    let keep = keep.to_vec();
    let mut ints = [0i32; 8];
    for (i, v) in a[6..14].iter().enumerate() {
        ints[i] = c_int(vm, v)?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] = ints;
    let restore_signals = ops::is_true(vm, &a[14])?;
    let call_setsid = ops::is_true(vm, &a[15])?;
    let pgid_to_set = c_int(vm, &a[16])?;
    let child_umask = c_int(vm, &a[20])?;
    let preexec_fn = (!is_none(&a[21])).then(|| a[21].clone());
    ops::is_true(vm, &a[22])?;

    if close_fds && errpipe_write < 3 {
        return Err(value_error("errpipe_write must be >= 3"));
    }
    let mut fds_to_keep = Vec::with_capacity(keep.len());
    for v in &keep {
        let fd = crate::objects::int::as_i64(v)
            .filter(|fd| (0..=i32::MAX as i64).contains(fd) && fds_to_keep.last().is_none_or(|prev| *fd > *prev as i64));
        match fd {
            Some(fd) if crate::objects::int::is_int(v) => fds_to_keep.push(fd as i32),
            _ => return Err(value_error("bad value(s) in fds_to_keep")),
        }
    }

    let exec_array = bytes_array(vm, &a[1])?;
    let argv = if is_none(&a[0]) {
        None
    } else {
        let items = match (as_tuple(&a[0]), as_list(&a[0])) {
            (Some(t), _) => t.to_vec(),
            (None, Some(l)) => l.snapshot(),
            _ => {
                if a[0].ty().slots.iter.get().is_none() {
                    return Err(type_error("argv must be a tuple"));
                }
                ops::collect_iter(vm, &a[0])?
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for it in &items {
            out.push(CString::new(fs_encode(vm, it)?).map_err(|_| value_error("embedded null byte"))?);
        }
        Some(CStringArray::new(out))
    };
    let envp = if is_none(&a[5]) { None } else { Some(bytes_array(vm, &a[5])?) };
    let cwd = if is_none(&a[4]) {
        None
    } else {
        Some(CString::new(fs_encode(vm, &a[4])?).map_err(|_| value_error("embedded null byte"))?)
    };
    let extra_groups = if is_none(&a[18]) {
        None
    } else {
        let Some(list) = as_list(&a[18]) else {
            return Err(type_error("setgroups argument must be a list"));
        };
        let items = list.snapshot();
        if items.len() > MAX_GROUPS {
            return Err(value_error("too many extra_groups"));
        }
        let mut groups = Vec::with_capacity(items.len());
        for g in &items {
            if !crate::objects::int::is_int(g) {
                return Err(type_error("extra_groups must be integers"));
            }
            groups.push(id_value(vm, g, "gid").map_err(|_| value_error("invalid group id"))?);
        }
        Some(groups)
    };
    let gid = if is_none(&a[17]) { None } else { Some(id_value(vm, &a[17], "gid")?).filter(|g| *g != u32::MAX) };
    let uid = if is_none(&a[19]) { None } else { Some(id_value(vm, &a[19], "uid")?).filter(|u| *u != u32::MAX) };
    // SAFETY: sysconf has no memory effects.
    let open_max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let max_fd = if open_max > 0 { open_max.min(i32::MAX as libc::c_long) as i32 } else { 256 };

    let plan = ChildPlan {
        exec_array,
        argv,
        envp,
        cwd,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        close_fds,
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        extra_groups,
        uid,
        child_umask,
        fds_to_keep,
        max_fd,
    };

    // With a preexec_fn the child runs Python code: the fork hooks run as for
    // os.fork(), and the collector stays off meanwhile.
    let gc_was_enabled = crate::runtime::gc::is_enabled();
    if preexec_fn.is_some() {
        crate::runtime::gc::enable(false);
        before_fork(vm);
    }
    // SAFETY: see the module invariants.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        run_child(vm, &plan, preexec_fn.as_ref());
    }
    let err = std::io::Error::last_os_error();
    if preexec_fn.is_some() {
        after_fork_parent(vm);
        crate::runtime::gc::enable(gc_was_enabled);
    }
    if pid == -1 {
        return Err(exceptions::os_error_from_io(&err, None));
    }
    Ok(new_int(pid as i64))
}

static METHODS: &[MethodDef] = &[MethodDef {
    doc: "Fork a child process, set up its standard descriptors, working directory, \
          session and ids, close the descriptors not in pass_fds when close_fds is \
          true, and exec the first executable of executable_list that can run.\n\n\
          Errors in the child before or at exec are reported on errpipe_write in the \
          form subprocess.py reads.  Returns the child's pid.",
    ..MethodDef::method("fork_exec", fork_exec)
}];

pub static MODULE: ModuleDef = ModuleDef {
    name: "_posixsubprocess",
    doc: Some("A POSIX helper for the subprocess module."),
    methods: METHODS,
    init: None,
};
