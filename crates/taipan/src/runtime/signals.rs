//! Signal delivery: SIGINT sets a flag that the eval loop turns into KeyboardInterrupt
//! between instructions (CPython's `Modules/signalmodule.c` trip/eval-breaker scheme).
//!
//! Invariant: the handler only stores to atomics (async-signal-safe).

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: libc::c_int) {
    INTERRUPTED.store(true, Ordering::Relaxed);
    super::heap::EVAL_BREAKER.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler (the default `signal.default_int_handler` behaviour).
pub fn install() {
    let handler = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
    // SAFETY: installing a handler that only touches atomics.
    unsafe {
        libc::signal(libc::SIGINT, handler);
    }
}

/// True once after a SIGINT arrived.
pub fn take_interrupt() -> bool {
    INTERRUPTED.swap(false, Ordering::Relaxed)
}
