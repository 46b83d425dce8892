//! The `_signal` module.  Mirrors CPython's `Modules/signalmodule.c`: Python-level
//! handlers run in the main thread between instructions (the runtime's C handler only
//! records the signal, see `runtime/signals.rs`); `SIG_DFL`/`SIG_IGN` restore the
//! process dispositions.

use std::cell::RefCell;

use super::ModuleDef;
use crate::objects::exceptions;
use crate::objects::int::new_int;
use crate::objects::singletons::none;
use crate::objects::str::{new_str, new_string};
use crate::objects::typeobject::MethodDef;
use crate::runtime::signals::{self, Disposition, NSIG};
use crate::runtime::value::Value;
use crate::vm::{type_error, value_error, Args, PyErr, PyResult, Vm};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

thread_local! {
    /// The Python-level handler of each signal (None: never set from Python).
    static HANDLERS: RefCell<Vec<Option<Value>>> = RefCell::new(vec![None; NSIG]);
    /// `_signal.default_int_handler`, once the module exists.
    static DEFAULT_INT_HANDLER: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn handler_of(sig: usize) -> Option<Value> {
    HANDLERS.with(|h| h.borrow().get(sig).cloned().flatten())
}

/// Runs the handlers of the signals that arrived (called from the eval breaker).
/// Without a Python handler, SIGINT raises KeyboardInterrupt.
pub fn run_handlers(vm: &mut Vm) -> PyResult<()> {
    for sig in signals::take_tripped() {
        let handler = handler_of(sig as usize);
        match handler {
            Some(h) if !crate::objects::int::is_int(&h) => {
                let frame = vm.frame_at_depth(0).unwrap_or_else(none);
                crate::vm::call::call(vm, &h, &[new_int(sig as i64), frame])?;
            }
            Some(_) => {}
            None if sig == libc::SIGINT => return Err(PyErr::new_empty(&exceptions::KEYBOARD_INTERRUPT)),
            None => {}
        }
    }
    Ok(())
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = crate::vm::ops::index_value(vm, v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn signal_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sig, handler] = args.exact::<2>("signal")?;
    let sig = signum_arg(vm, sig)?;
    let disposition = match crate::objects::int::as_i64(handler) {
        Some(SIG_DFL) if crate::objects::int::is_int(handler) => Disposition::Default,
        Some(SIG_IGN) if crate::objects::int::is_int(handler) => Disposition::Ignore,
        _ if super::builtins::is_callable(handler) => Disposition::Trip,
        _ => return Err(type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    let old = handler_of(sig as usize).unwrap_or_else(|| initial_handler(sig));
    signals::set_disposition(sig, disposition).map_err(|e| exceptions::os_error_from_io(&e, None))?;
    HANDLERS.with(|h| h.borrow_mut()[sig as usize] = Some(handler.clone()));
    Ok(old)
}

/// What `getsignal` reports before Python set a handler.
fn initial_handler(sig: i32) -> Value {
    if sig == libc::SIGINT {
        return DEFAULT_INT_HANDLER.with(|d| d.borrow().clone()).unwrap_or_else(none);
    }
    // SAFETY: querying with a null new action only reads the current disposition.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) } != 0 {
        return none();
    }
    match old.sa_sigaction {
        libc::SIG_DFL => new_int(SIG_DFL),
        libc::SIG_IGN => new_int(SIG_IGN),
        _ => none(),
    }
}

fn signal_getsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sig] = args.exact::<1>("getsignal")?;
    let sig = signum_arg(vm, sig)?;
    Ok(handler_of(sig as usize).unwrap_or_else(|| initial_handler(sig)))
}

fn signal_default_int_handler(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::new_empty(&exceptions::KEYBOARD_INTERRUPT))
}

fn signal_raise_signal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sig] = args.exact::<1>("raise_signal")?;
    let sig = signum_arg(vm, sig)?;
    // SAFETY: raise delivers the signal to this thread; handlers only touch atomics.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(exceptions::os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    run_handlers(vm)?;
    Ok(none())
}

fn signal_strsignal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sig] = args.exact::<1>("strsignal")?;
    let sig = signum_arg(vm, sig)?;
    // SAFETY: strsignal returns a NUL-terminated message (or null).
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(none());
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    Ok(if s.starts_with("Unknown signal") || s.starts_with("Real-time signal") { none() } else { new_string(s) })
}

fn signal_valid_signals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("valid_signals", 0, 0)?;
    // glibc reserves 32 and 33 for its threads implementation.
    let items = (1..NSIG as i64).filter(|s| *s != 32 && *s != 33).map(new_int).collect();
    crate::objects::set::new_set(vm, items)
}

fn signal_alarm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [secs] = args.exact::<1>("alarm")?;
    let secs = crate::vm::ops::index_value(vm, secs)?;
    // SAFETY: alarm has no memory effects.
    Ok(new_int(unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as u32) } as i64))
}

fn timeval_of(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as libc::suseconds_t;
    // A non-zero interval shorter than a microsecond still arms the timer.
    if whole == 0.0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: whole as libc::time_t, tv_usec: usec }
}

fn itimer_tuple(v: &libc::itimerval) -> Value {
    let secs = |t: &libc::timeval| crate::objects::float::new_float(t.tv_sec as f64 + t.tv_usec as f64 / 1e6);
    crate::objects::tuple::new_tuple(vec![secs(&v.it_value), secs(&v.it_interval)])
}

fn itimer_error(vm: &mut Vm, e: &std::io::Error) -> PyErr {
    let module = crate::vm::import::import_module(vm, "_signal").ok();
    let cls = module.and_then(|m| crate::vm::ops::getattr_str(vm, &m, "ItimerError").ok());
    match cls {
        Some(c) => {
            let errno = e.raw_os_error().unwrap_or(0);
            let msg = exceptions::strerror(errno).unwrap_or_else(|| e.to_string());
            match crate::vm::call::call(vm, &c, &[new_int(errno as i64), new_str(&msg)]) {
                Ok(exc) => PyErr::from_value(exc),
                Err(err) => err,
            }
        }
        None => exceptions::os_error_from_io(e, None),
    }
}

/// `setitimer(which, seconds, interval=0.0)`: the previous (delay, interval).
fn signal_setitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("setitimer", 2, 3)?;
    let which = crate::vm::ops::index_value(vm, &pos[0])? as libc::c_int;
    let num = |_vm: &mut Vm, v: &Value| -> PyResult<f64> {
        match crate::objects::float::to_f64_operand(v)? {
            Some(x) => Ok(x),
            None => Err(type_error(format!("must be real number, not {}", v.ty().name()))),
        }
    };
    let secs = num(vm, &pos[1])?;
    let interval = match pos.get(2) {
        Some(v) => num(vm, v)?,
        None => 0.0,
    };
    let new = libc::itimerval { it_value: timeval_of(secs), it_interval: timeval_of(interval) };
    // SAFETY: both itimerval structs are valid for the call.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(itimer_error(vm, &std::io::Error::last_os_error()));
    }
    Ok(itimer_tuple(&old))
}

/// `getitimer(which)`: the current (delay, interval).
fn signal_getitimer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [which] = args.exact::<1>("getitimer")?;
    let which = crate::vm::ops::index_value(vm, which)? as libc::c_int;
    // SAFETY: `cur` is valid for the call.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(itimer_error(vm, &std::io::Error::last_os_error()));
    }
    Ok(itimer_tuple(&cur))
}

fn signal_pause(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("pause", 0, 0)?;
    // SAFETY: pause only blocks until a signal arrives.
    unsafe { libc::pause() };
    run_handlers(vm)?;
    Ok(none())
}

/// `set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the C handler writes each
/// signal's number as one byte to `fd` (which must be non-blocking).
/// NOTE: a full buffer is ignored silently (CPython warns when `warn_on_full_buffer`).
fn signal_set_wakeup_fd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: crate::vm::Sig = crate::vm::Sig::new(
        "set_wakeup_fd",
        &[crate::vm::args::po("fd"), crate::vm::args::kw("warn_on_full_buffer")],
    );
    let [fd, warn] = SIG.parse::<2>(args)?;
    let fd = crate::vm::ops::index_value(vm, &fd.unwrap_or_else(none))?;
    if let Some(w) = warn {
        crate::vm::ops::is_true(vm, &w)?;
    }
    let fd = i32::try_from(fd).map_err(|_| PyErr::new(&exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"))?;
    if fd != -1 {
        // SAFETY: fstat and fcntl only inspect the descriptor; `st` is plain data.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(exceptions::os_error_from_io(&std::io::Error::last_os_error(), None));
        }
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags < 0 {
            return Err(exceptions::os_error_from_io(&std::io::Error::last_os_error(), None));
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(new_int(signals::set_wakeup_fd(fd) as i64))
}

fn signal_siginterrupt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [sig, _flag] = args.exact::<2>("siginterrupt")?;
    signum_arg(vm, sig)?;
    Ok(none())
}

fn signal_pthread_kill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [_thread, sig] = args.exact::<2>("pthread_kill")?;
    let sig = crate::vm::ops::index_value(vm, sig)? as i32;
    if sig != 0 {
        // SAFETY: raise delivers the signal to this (the only Python) thread.
        if unsafe { libc::raise(sig) } != 0 {
            return Err(exceptions::os_error_from_io(&std::io::Error::last_os_error(), None));
        }
        run_handlers(vm)?;
    }
    Ok(none())
}

pub static SIGNAL_METHODS: &[MethodDef] = &[
    MethodDef::method("signal", signal_signal),
    MethodDef::method("getsignal", signal_getsignal),
    MethodDef::method("default_int_handler", signal_default_int_handler),
    MethodDef::method("raise_signal", signal_raise_signal),
    MethodDef::method("strsignal", signal_strsignal),
    MethodDef::method("valid_signals", signal_valid_signals),
    MethodDef::method("alarm", signal_alarm),
    MethodDef::method("setitimer", signal_setitimer),
    MethodDef::method("getitimer", signal_getitimer),
    MethodDef::method("pause", signal_pause),
    MethodDef::method("set_wakeup_fd", signal_set_wakeup_fd),
    MethodDef::method("siginterrupt", signal_siginterrupt),
    MethodDef::method("pthread_kill", signal_pthread_kill),
];

const SIGNAL_NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

fn init(vm: &mut Vm, m: &Value) -> PyResult<()> {
    let add = super::add_object;
    add(m, "SIG_DFL", new_int(SIG_DFL));
    add(m, "SIG_IGN", new_int(SIG_IGN));
    add(m, "NSIG", new_int(NSIG as i64));
    for (name, n) in SIGNAL_NAMES {
        add(m, name, new_int(*n as i64));
    }
    for (name, n) in [("SIG_BLOCK", 0), ("SIG_UNBLOCK", 1), ("SIG_SETMASK", 2), ("ITIMER_REAL", 0), ("ITIMER_VIRTUAL", 1), ("ITIMER_PROF", 2)] {
        add(m, name, new_int(n));
    }
    let d = crate::objects::module::module_dict(m);
    if let Some(h) = crate::objects::dict::PyDict::get_str(&d, "default_int_handler") {
        DEFAULT_INT_HANDLER.with(|c| *c.borrow_mut() = Some(h));
    }
    let ns = crate::objects::dict::PyDict::new_value();
    crate::objects::dict::PyDict::set_str(&ns, "__module__", new_str("signal"));
    let itimer_error = crate::objects::typeobject_new::type_new(
        vm,
        &crate::objects::typeobject::TYPE_TYPE.to_value(),
        "itimer_error",
        vec![exceptions::OS_ERROR.to_value()],
        &ns,
        &[],
    )?;
    add(m, "ItimerError", itimer_error);
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_signal",
    doc: Some("This module provides mechanisms to use signal handlers in Python."),
    methods: SIGNAL_METHODS,
    init: Some(init),
};
