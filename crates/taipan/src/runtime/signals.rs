//! Signal delivery: a C-level handler records which signals arrived and sets the eval
//! breaker; the eval loop then runs the Python-level handlers between instructions
//! (`modules::signal::run_handlers`), CPython's `Modules/signalmodule.c` trip scheme.
//! Until a program installs its own, SIGINT raises KeyboardInterrupt.
//!
//! Invariant: the C handler only stores to atomics and `write`s one byte to the wakeup
//! descriptor (`signal.set_wakeup_fd`), saving and restoring `errno`: all
//! async-signal-safe.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

/// Signal numbers are below this (`signal.NSIG`).
pub const NSIG: usize = 65;

static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_TRIPPED: AtomicBool = AtomicBool::new(false);
/// `signal.set_wakeup_fd`'s descriptor, -1 when none.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(flag) = TRIPPED.get(sig as usize) {
        flag.store(true, Ordering::Relaxed);
        ANY_TRIPPED.store(true, Ordering::Relaxed);
        super::heap::EVAL_BREAKER.store(true, Ordering::Relaxed);
        let fd = WAKEUP_FD.load(Ordering::Relaxed);
        if fd >= 0 {
            let byte = sig as u8;
            // SAFETY: errno is this thread's; write gets a one-byte live buffer.  A
            // full or closed descriptor is ignored (nothing can be done here).
            unsafe {
                let errno = *libc::__errno_location();
                libc::write(fd, (&byte as *const u8).cast(), 1);
                *libc::__errno_location() = errno;
            }
        }
    }
}

/// Sets the wakeup descriptor (-1: none) and returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::Relaxed)
}

/// What the process does on a signal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// Record it for the eval loop (a Python handler or KeyboardInterrupt).
    Trip,
}

/// Sets the process-level disposition of `sig`.
pub fn set_disposition(sig: i32, d: Disposition) -> std::io::Result<()> {
    let handler = match d {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Trip => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
    };
    // As CPython: no SA_RESTART, so a blocking call interrupted by the signal returns
    // EINTR and the caller runs the Python handlers before retrying (PEP 475).
    // SAFETY: `action` is fully initialised; the installed handler only touches atomics.
    let rc = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        action.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(sig, &action, std::ptr::null_mut())
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Set when a KeyboardInterrupt ended the program: the process then ends by SIGINT,
/// so a shell sees the interrupt (exit status 130 otherwise).
pub static UNHANDLED_INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Ends the process by SIGINT with the default disposition (CPython's exit after an
/// unhandled KeyboardInterrupt).  Returns only if the signal did not end it.
pub fn die_by_sigint() {
    // SAFETY: resetting a disposition and unblocking/raising a signal in this thread.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGINT);
    }
}

/// Blocks asynchronous signals in the calling thread, so the process's signals are
/// delivered to the thread running Python (the `taipan` launcher calls this after
/// starting it; an interrupted blocking call there then returns EINTR).
pub fn block_in_this_thread() {
    // SAFETY: `set` is initialised by sigfillset before use; only this thread's mask
    // changes.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for sync in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL] {
            libc::sigdelset(&mut set, sync);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Installs the SIGINT handler (the default `signal.default_int_handler` behaviour).
pub fn install() {
    let _ = set_disposition(libc::SIGINT, Disposition::Trip);
}

/// Whether a signal arrived that the Python handlers have not seen yet.
pub fn pending() -> bool {
    ANY_TRIPPED.load(Ordering::Relaxed)
}

/// The signals that arrived since the last call, in increasing order.
pub fn take_tripped() -> Vec<i32> {
    if !ANY_TRIPPED.swap(false, Ordering::Relaxed) {
        return Vec::new();
    }
    (1..NSIG).filter(|s| TRIPPED[*s].swap(false, Ordering::Relaxed)).map(|s| s as i32).collect()
}

/// True once after a SIGINT arrived (other tripped signals stay pending).
pub fn take_interrupt() -> bool {
    let hit = TRIPPED[libc::SIGINT as usize].swap(false, Ordering::Relaxed);
    if TRIPPED.iter().any(|t| t.load(Ordering::Relaxed)) {
        ANY_TRIPPED.store(true, Ordering::Relaxed);
    }
    hit
}
