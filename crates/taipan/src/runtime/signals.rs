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
    // SAFETY: the installed handler only touches atomics.
    let old = unsafe { libc::signal(sig, handler) };
    if old == libc::SIG_ERR {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Installs the SIGINT handler (the default `signal.default_int_handler` behaviour).
pub fn install() {
    let _ = set_disposition(libc::SIGINT, Disposition::Trip);
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
