//! The `_thread` module.  Follows the behaviour of CPython's `Modules/_threadmodule.c`
//! (the `_thread` docs page) for an interpreter that runs one thread.
//!
//! NOTE: Taipan has no threads yet.  `start_new_thread` and `start_joinable_thread`
//! raise RuntimeError("can't start new thread") until they land; locks are plain flags,
//! and a blocking acquire of a held lock waits (servicing signals, whose handlers may
//! release it) as CPython's would deadlock.  `_local` keeps one namespace per instance,
//! which is exact while there is only the main thread.

use std::cell::Cell;

use super::ModuleDef;
use crate::objects::exceptions;
use crate::objects::float::new_float;
use crate::objects::int::new_int;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::new_string;
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{as_type, flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::opt;
use crate::vm::{ops, runtime_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

/// `PY_TIMEOUT_MAX` in seconds, as CPython reports it on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

fn current_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

fn ident_value(id: u64) -> Value {
    crate::objects::int::new_bigint(num_bigint::BigInt::from(id))
}

fn address(v: &Value) -> usize {
    v.as_head()
        .map(|h| h as *const ObjectHead as usize)
        .unwrap_or(0)
}

/// `lock_acquire_parse_args`: (blocking, timeout in seconds or None for "forever").
fn parse_acquire(vm: &mut Vm, args: Args, fname: &'static str) -> PyResult<(bool, Option<f64>)> {
    static SIG: Sig = Sig::new("acquire", &[opt("blocking"), opt("timeout")]);
    let _ = fname;
    let [blocking, timeout] = SIG.parse::<2>(args.shift())?;
    let blocking = match blocking {
        Some(b) => ops::is_true(vm, &b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => ops::float_value(vm, &t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr::new(
            &exceptions::OVERFLOW_ERROR,
            "timestamp out of range for platform time_t",
        ));
    }
    if !blocking {
        return Ok((false, Some(0.0)));
    }
    Ok((true, if timeout == -1.0 { None } else { Some(timeout) }))
}

/// Waits until `free()` holds or the timeout passes, running signal handlers meanwhile.
fn wait_until(vm: &mut Vm, timeout: Option<f64>, free: &dyn Fn() -> bool) -> PyResult<bool> {
    let start = std::time::Instant::now();
    loop {
        if free() {
            return Ok(true);
        }
        if let Some(t) = timeout {
            if start.elapsed().as_secs_f64() >= t {
                return Ok(false);
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        vm.run_pending()?;
    }
}

// ---------------------------------------------------------------------------------------
// lock
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyLock {
    head: ObjectHead,
    locked: Cell<bool>,
}

pub static LOCK_LAYOUT: Layout =
    crate::payload_layout!(PyLock, "lock", heap::no_traverse, heap::no_clear);

impl PyPayload for PyLock {
    fn layout() -> &'static Layout {
        &LOCK_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &LOCK_TYPE
    }
}

pub static LOCK_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "lock",
    layout: &LOCK_LAYOUT,
    flags: flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: LOCK_METHODS,
    getsets: &[],
    doc: Some("A lock object is a synchronization primitive.  To create a lock,\ncall threading.Lock().  Methods are:\n\nacquire() -- lock the lock, possibly blocking until it can be obtained\nrelease() -- unlock of the lock\nlocked() -- test whether the lock is currently locked\n\nA lock is not owned by the thread that locked it; another thread may\nunlock it.  A thread attempting to lock a lock that it has already locked\nwill block until another thread unlocks it.  Deadlocks may ensue."),
    module: Some("_thread"),
});

fn new_lock() -> Value {
    heap::alloc(
        &LOCK_TYPE,
        PyLock {
            head: ObjectHead::uninit(),
            locked: Cell::new(false),
        },
    )
}

fn lock_this(v: &Value) -> PyResult<&PyLock> {
    v.downcast::<PyLock>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_thread.lock' object but received a '{}'",
            v.ty().name()
        ))
    })
}

fn lock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.positional().first().cloned() else {
        return Err(type_error("acquire() needs a lock"));
    };
    let (blocking, timeout) = parse_acquire(vm, args, "acquire")?;
    let lock = lock_this(&this)?;
    if !lock.locked.get() {
        lock.locked.set(true);
        return Ok(bool_value(true));
    }
    if !blocking {
        return Ok(bool_value(false));
    }
    let free = || this.downcast::<PyLock>().is_some_and(|l| !l.locked.get());
    let got = wait_until(vm, timeout, &free)?;
    if got {
        lock_this(&this)?.locked.set(true);
    }
    Ok(bool_value(got))
}

fn lock_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.positional().first() else {
        return Err(type_error("release() needs a lock"));
    };
    let lock = lock_this(this)?;
    if !lock.locked.get() {
        return Err(runtime_error("release unlocked lock"));
    }
    lock.locked.set(false);
    Ok(none())
}

fn lock_locked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("locked")?;
    Ok(bool_value(lock_this(this)?.locked.get()))
}

fn lock_at_fork_reinit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("_at_fork_reinit")?;
    lock_this(this)?.locked.set(false);
    Ok(none())
}

fn lock_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let state = if lock_this(v)?.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    Ok(new_string(format!(
        "<{state} _thread.lock object at {:#x}>",
        address(v)
    )))
}

fn lock_new(_vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.check("lock", 0, 0)?;
    Ok(new_lock())
}

static LOCK_METHODS: &[MethodDef] = &[
    MethodDef::method("acquire", lock_acquire),
    MethodDef::method("acquire_lock", lock_acquire),
    MethodDef::method("release", lock_release),
    MethodDef::method("release_lock", lock_release),
    MethodDef::method("locked", lock_locked),
    MethodDef::method("locked_lock", lock_locked),
    MethodDef::method("__enter__", lock_acquire),
    MethodDef::method("__exit__", lock_release),
    MethodDef::method("_at_fork_reinit", lock_at_fork_reinit),
];

// ---------------------------------------------------------------------------------------
// RLock
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyRLock {
    head: ObjectHead,
    owner: Cell<u64>,
    count: Cell<u64>,
}

pub static RLOCK_LAYOUT: Layout =
    crate::payload_layout!(PyRLock, "RLock", heap::no_traverse, heap::no_clear);

impl PyPayload for PyRLock {
    fn layout() -> &'static Layout {
        &RLOCK_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &RLOCK_TYPE
    }
}

pub static RLOCK_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "RLock",
    layout: &RLOCK_LAYOUT,
    flags: flags::BASETYPE | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: RLOCK_METHODS,
    getsets: &[],
    doc: None,
    module: Some("_thread"),
});

fn rlock_this(v: &Value) -> PyResult<&PyRLock> {
    v.downcast::<PyRLock>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_thread.RLock' object but received a '{}'",
            v.ty().name()
        ))
    })
}

fn rlock_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&RLOCK_TYPE);
    Ok(heap::alloc(
        ty,
        PyRLock {
            head: ObjectHead::uninit(),
            owner: Cell::new(0),
            count: Cell::new(0),
        },
    ))
}

fn rlock_acquire(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.positional().first().cloned() else {
        return Err(type_error("acquire() needs a lock"));
    };
    let (blocking, timeout) = parse_acquire(vm, args, "acquire")?;
    let me = current_ident();
    let r = rlock_this(&this)?;
    if r.count.get() > 0 && r.owner.get() == me {
        let n = r.count.get().checked_add(1).ok_or_else(|| {
            PyErr::new(
                &exceptions::OVERFLOW_ERROR,
                "Internal lock count overflowed",
            )
        })?;
        r.count.set(n);
        return Ok(bool_value(true));
    }
    if r.count.get() == 0 {
        r.owner.set(me);
        r.count.set(1);
        return Ok(bool_value(true));
    }
    if !blocking {
        return Ok(bool_value(false));
    }
    let free = || {
        this.downcast::<PyRLock>()
            .is_some_and(|l| l.count.get() == 0)
    };
    let got = wait_until(vm, timeout, &free)?;
    if got {
        let r = rlock_this(&this)?;
        r.owner.set(me);
        r.count.set(1);
    }
    Ok(bool_value(got))
}

fn rlock_release(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.positional().first() else {
        return Err(type_error("release() needs a lock"));
    };
    let r = rlock_this(this)?;
    if r.count.get() == 0 || r.owner.get() != current_ident() {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
    }
    Ok(none())
}

fn rlock_locked(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("locked")?;
    Ok(bool_value(rlock_this(this)?.count.get() > 0))
}

fn rlock_is_owned(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("_is_owned")?;
    let r = rlock_this(this)?;
    Ok(bool_value(
        r.count.get() > 0 && r.owner.get() == current_ident(),
    ))
}

fn rlock_recursion_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("_recursion_count")?;
    let r = rlock_this(this)?;
    let n = if r.owner.get() == current_ident() {
        r.count.get()
    } else {
        0
    };
    Ok(new_int(n as i64))
}

fn rlock_release_save(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("_release_save")?;
    let r = rlock_this(this)?;
    if r.count.get() == 0 {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    let saved = new_tuple(vec![
        new_int(r.count.get() as i64),
        ident_value(r.owner.get()),
    ]);
    r.count.set(0);
    r.owner.set(0);
    Ok(saved)
}

fn rlock_acquire_restore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this, state] = args.exact::<2>("_acquire_restore")?;
    let Some([count, owner]) = as_tuple(state).and_then(|t| <&[Value; 2]>::try_from(t).ok()) else {
        return Err(type_error(
            "_acquire_restore() argument must be a (count, owner) tuple",
        ));
    };
    let count = ops::index_value(vm, count)?.max(0) as u64;
    let owner = crate::objects::int::as_bigint(owner)
        .and_then(|b| num_traits::ToPrimitive::to_u64(&b))
        .unwrap_or(0);
    let r = rlock_this(this)?;
    if r.count.get() > 0 {
        let free = || {
            this.downcast::<PyRLock>()
                .is_some_and(|l| l.count.get() == 0)
        };
        wait_until(vm, None, &free)?;
    }
    let r = rlock_this(this)?;
    r.count.set(count);
    r.owner.set(owner);
    Ok(none())
}

fn rlock_at_fork_reinit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("_at_fork_reinit")?;
    let r = rlock_this(this)?;
    r.count.set(0);
    r.owner.set(0);
    Ok(none())
}

fn rlock_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = rlock_this(v)?;
    let state = if r.count.get() > 0 {
        "locked"
    } else {
        "unlocked"
    };
    let name = if std::ptr::eq(v.ty(), &RLOCK_TYPE) {
        "_thread.RLock".to_string()
    } else {
        v.ty().name()
    };
    Ok(new_string(format!(
        "<{state} {name} object owner={} count={} at {:#x}>",
        r.owner.get(),
        r.count.get(),
        address(v)
    )))
}

static RLOCK_METHODS: &[MethodDef] = &[
    MethodDef::method("acquire", rlock_acquire),
    MethodDef::method("release", rlock_release),
    MethodDef::method("locked", rlock_locked),
    MethodDef::method("_is_owned", rlock_is_owned),
    MethodDef::method("_recursion_count", rlock_recursion_count),
    MethodDef::method("_release_save", rlock_release_save),
    MethodDef::method("_acquire_restore", rlock_acquire_restore),
    MethodDef::method("_at_fork_reinit", rlock_at_fork_reinit),
    MethodDef::method("__enter__", rlock_acquire),
    MethodDef::method("__exit__", rlock_release),
];

// ---------------------------------------------------------------------------------------
// _local
// ---------------------------------------------------------------------------------------

pub static LOCAL_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "_local",
    layout: &crate::objects::object::OBJECT_LAYOUT,
    flags: flags::BASETYPE | flags::HAVE_GC | flags::HAS_DICT | flags::WEAKREFABLE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: Some("Thread-local data"),
    module: Some("_thread"),
});

fn local_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&LOCAL_TYPE);
    if !args.values.is_empty() && crate::objects::object::is_object_init(ty) {
        return Err(type_error("Initialization arguments are not supported"));
    }
    Ok(crate::objects::object::new_instance(ty))
}

// ---------------------------------------------------------------------------------------
// _ThreadHandle
// ---------------------------------------------------------------------------------------

#[repr(C)]
pub struct PyThreadHandle {
    head: ObjectHead,
    ident: Cell<u64>,
    started: Cell<bool>,
    done: Cell<bool>,
}

pub static HANDLE_LAYOUT: Layout = crate::payload_layout!(
    PyThreadHandle,
    "_ThreadHandle",
    heap::no_traverse,
    heap::no_clear
);

impl PyPayload for PyThreadHandle {
    fn layout() -> &'static Layout {
        &HANDLE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &HANDLE_TYPE
    }
}

pub static HANDLE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "_ThreadHandle",
    layout: &HANDLE_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: HANDLE_METHODS,
    getsets: HANDLE_GETSETS,
    doc: None,
    module: Some("_thread"),
});

fn new_handle(ident: u64, started: bool) -> Value {
    heap::alloc(
        &HANDLE_TYPE,
        PyThreadHandle {
            head: ObjectHead::uninit(),
            ident: Cell::new(ident),
            started: Cell::new(started),
            done: Cell::new(false),
        },
    )
}

fn handle_this(v: &Value) -> PyResult<&PyThreadHandle> {
    v.downcast::<PyThreadHandle>()
        .ok_or_else(|| type_error("_ThreadHandle expected"))
}

fn handle_new(_vm: &mut Vm, _cls: &Value, _args: Args) -> PyResult<Value> {
    Ok(new_handle(0, false))
}

fn handle_ident(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(ident_value(handle_this(v)?.ident.get()))
}

fn handle_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("join", &[opt("timeout")]);
    let Some(this) = args.positional().first() else {
        return Err(type_error("join() needs a handle"));
    };
    let [timeout] = SIG.parse::<1>(args.shift())?;
    if let Some(t) = timeout.filter(|t| !is_none(t)) {
        ops::float_value(vm, &t)?;
    }
    let h = handle_this(this)?;
    if !h.started.get() {
        return Err(runtime_error("thread not started"));
    }
    if h.done.get() {
        return Ok(none());
    }
    if h.ident.get() == current_ident() {
        return Err(runtime_error("Cannot join current thread"));
    }
    Ok(none())
}

fn handle_is_done(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("is_done")?;
    Ok(bool_value(handle_this(this)?.done.get()))
}

fn handle_set_done(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("_set_done")?;
    handle_this(this)?.done.set(true);
    Ok(none())
}

fn handle_repr(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_string(format!(
        "<_thread._ThreadHandle object: ident={}>",
        handle_this(v)?.ident.get()
    )))
}

static HANDLE_METHODS: &[MethodDef] = &[
    MethodDef::method("join", handle_join),
    MethodDef::method("is_done", handle_is_done),
    MethodDef::method("_set_done", handle_set_done),
];

static HANDLE_GETSETS: &[GetSetDef] = &[GetSetDef::new("ident", handle_ident)];

// ---------------------------------------------------------------------------------------
// module functions
// ---------------------------------------------------------------------------------------

fn m_get_ident(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_ident", 0, 0)?;
    Ok(ident_value(current_ident()))
}

fn m_get_native_id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("get_native_id", 0, 0)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) };
    Ok(new_int(tid))
}

fn m_allocate_lock(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.check("allocate_lock", 0, 0)?;
    Ok(new_lock())
}

fn m_start_new_thread(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(runtime_error("can't start new thread"))
}

fn m_stack_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("stack_size", 0, 1)?;
    if let Some(size) = pos.first() {
        let n = ops::index_value(vm, size)?;
        if n != 0 && n < 32768 {
            return Err(value_error(format!("size not valid: {n} bytes")));
        }
        if n < 0 {
            return Err(value_error("size must be 0 or a positive value"));
        }
    }
    Ok(new_int(0))
}

fn m_count(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(new_int(0))
}

fn m_true(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(bool_value(true))
}

fn m_none(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(none())
}

fn m_get_main_thread_ident(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(ident_value(current_ident()))
}

fn m_make_thread_handle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [ident] = args.exact::<1>("_make_thread_handle")?;
    let id = match crate::objects::int::as_bigint(ident) {
        Some(b) => num_traits::ToPrimitive::to_u64(&b).unwrap_or(0),
        None => ops::index_value(vm, ident)? as u64,
    };
    Ok(new_handle(id, true))
}

fn m_exit(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::new_empty(&exceptions::SYSTEM_EXIT))
}

/// `interrupt_main(signum=SIGINT)`: simulates the signal arriving, when Python handles it.
fn m_interrupt_main(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("interrupt_main", &[opt("signum")]);
    let [signum] = SIG.parse::<1>(args)?;
    let signum = match signum {
        Some(s) => ops::index_value(vm, &s)?,
        None => libc::SIGINT as i64,
    };
    if !(1..65).contains(&signum) {
        return Err(value_error("signal number out of range"));
    }
    // SAFETY: querying (not changing) the disposition with a zeroed sigaction.
    let handled = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signum as libc::c_int, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction != libc::SIG_DFL
            && old.sa_sigaction != libc::SIG_IGN
    };
    if handled {
        // SAFETY: raising a signal whose handler is installed.
        unsafe {
            libc::raise(signum as libc::c_int);
        }
    }
    Ok(none())
}

/// `_excepthook(args)`: the default `threading.excepthook`; prints the thread's
/// uncaught exception (SystemExit is silent).
fn m_excepthook(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [hook_args] = args.exact::<1>("_excepthook")?;
    let Some([exc_type, exc_value, _tb, thread]) =
        as_tuple(hook_args).and_then(|t| <&[Value; 4]>::try_from(t).ok())
    else {
        return Err(type_error(
            "_thread._excepthook argument type must be ExceptHookArgs",
        ));
    };
    if exc_type.is(&exceptions::SYSTEM_EXIT.to_value()) {
        return Ok(none());
    }
    let name = if is_none(thread) {
        current_ident().to_string()
    } else {
        let n = ops::getattr_str(vm, thread, "name")?;
        ops::str_string(vm, &n)?
    };
    let mut text = format!("Exception in thread {name}:\n");
    if !is_none(exc_value) {
        text.push_str(&crate::vm::traceback::format_exception(vm, exc_value));
    } else {
        text.push_str(&format!(
            "{}\n",
            crate::vm::traceback::type_display(exc_type)
        ));
    }
    super::sys::write_stderr(vm, &text);
    Ok(none())
}

static THREAD_METHODS: &[MethodDef] = &[
    MethodDef::method("_excepthook", m_excepthook),
    MethodDef::method("get_ident", m_get_ident),
    MethodDef::method("get_native_id", m_get_native_id),
    MethodDef::method("allocate_lock", m_allocate_lock),
    MethodDef::method("allocate", m_allocate_lock),
    MethodDef::method("start_new_thread", m_start_new_thread),
    MethodDef::method("start_new", m_start_new_thread),
    MethodDef::method("start_joinable_thread", m_start_new_thread),
    MethodDef::method("stack_size", m_stack_size),
    MethodDef::method("_count", m_count),
    MethodDef::method("daemon_threads_allowed", m_true),
    MethodDef::method("_is_main_interpreter", m_true),
    MethodDef::method("_shutdown", m_none),
    MethodDef::method("_get_main_thread_ident", m_get_main_thread_ident),
    MethodDef::method("_make_thread_handle", m_make_thread_handle),
    MethodDef::method("exit", m_exit),
    MethodDef::method("exit_thread", m_exit),
    MethodDef::method("interrupt_main", m_interrupt_main),
];

fn init_types() {
    LOCK_TYPE.slots.repr.set(Some(lock_repr));
    LOCK_TYPE.slots.new.set(Some(lock_new));
    RLOCK_TYPE.slots.repr.set(Some(rlock_repr));
    RLOCK_TYPE.slots.new.set(Some(rlock_new));
    LOCAL_TYPE.slots.new.set(Some(local_new));
    LOCAL_TYPE.set_n_extra(1);
    HANDLE_TYPE.slots.new.set(Some(handle_new));
    HANDLE_TYPE.slots.repr.set(Some(handle_repr));
    for t in [&LOCK_TYPE, &RLOCK_TYPE, &LOCAL_TYPE, &HANDLE_TYPE] {
        crate::objects::typeobject_methods::init_static_type(t);
    }
}

fn thread_init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "LockType", LOCK_TYPE.to_value());
    super::add_object(module, "lock", LOCK_TYPE.to_value());
    super::add_object(module, "RLock", RLOCK_TYPE.to_value());
    super::add_object(module, "_local", LOCAL_TYPE.to_value());
    super::add_object(module, "_ThreadHandle", HANDLE_TYPE.to_value());
    super::add_object(module, "error", exceptions::RUNTIME_ERROR.to_value());
    super::add_object(module, "TIMEOUT_MAX", new_float(TIMEOUT_MAX));
    let hook_args = crate::objects::structseq::new_structseq_type(
        vm,
        "_thread",
        "_ExceptHookArgs",
        &["exc_type", "exc_value", "exc_traceback", "thread"],
    )?;
    super::add_object(module, "_ExceptHookArgs", hook_args);
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_thread",
    doc: Some("This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface."),
    methods: THREAD_METHODS,
    init: Some(thread_init),
};
