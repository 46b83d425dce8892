//! Generators, coroutines and async generators.  Mirrors CPython's `Objects/genobject.c`.
//!
//! A generator owns its suspended frame; resuming moves the frame into a fresh eval-loop
//! invocation (`Vm::execute`) that returns when the frame yields, returns or raises
//! (frame invariant 2 in `vm/frame.rs`).

use std::cell::{Cell, RefCell};

use super::singletons::{is_none, none};
use super::str::{as_str, new_string};
use super::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::eval::Exec;
use crate::vm::frame::Frame;
use crate::vm::{ops, runtime_error, type_error, Args, PyErr, PyResult, Vm};
use taipan_compiler::code::flags as co;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Created,
    Suspended,
    Running,
    Closed,
}

#[repr(C)]
pub struct PyGenerator {
    head: ObjectHead,
    frame: RefCell<Option<Box<Frame>>>,
    state: Cell<State>,
    pub code: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// The exception being handled inside the generator while it is suspended.
    exc_state: RefCell<Option<Value>>,
    /// For coroutines: has `await`/`send` started it (for "never awaited" bookkeeping).
    pub awaited: Cell<bool>,
}

fn gen_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let g = unsafe { &*(head as *const ObjectHead as *const PyGenerator) };
    visit(&g.code);
    if let Ok(f) = g.frame.try_borrow() {
        if let Some(f) = &*f {
            visit_frame(f, visit);
        }
    }
    if let Ok(e) = g.exc_state.try_borrow() {
        if let Some(e) = &*e {
            visit(e);
        }
    }
}

/// Visits every value a frame holds (for the cycle collector).
pub fn visit_frame(f: &Frame, visit: &mut dyn FnMut(&Value)) {
    visit(&f.code);
    visit(&f.globals);
    visit(&f.builtins);
    if let Some(func) = &f.func {
        visit(func);
    }
    if let Some(l) = &f.locals {
        visit(l);
    }
    f.fast.iter().flatten().for_each(&mut *visit);
    f.cells.iter().for_each(&mut *visit);
    f.stack.iter().flatten().for_each(&mut *visit);
}

fn gen_clear(head: &ObjectHead, out: &mut Vec<Value>) {
    let g = unsafe { &*(head as *const ObjectHead as *const PyGenerator) };
    if let Ok(mut f) = g.frame.try_borrow_mut() {
        if let Some(mut fr) = f.take() {
            out.extend(fr.fast.drain(..).flatten());
            out.append(&mut fr.cells);
            out.extend(fr.stack.drain(..).flatten());
            g.state.set(State::Closed);
        }
    }
}

pub static GEN_LAYOUT: Layout = crate::payload_layout!(PyGenerator, "generator", gen_traverse, gen_clear);

impl PyPayload for PyGenerator {
    fn layout() -> &'static Layout {
        &GEN_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &GENERATOR_TYPE
    }
}

macro_rules! gen_type {
    ($static:ident, $name:literal, $methods:expr) => {
        pub static $static: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &GEN_LAYOUT,
            flags: flags::HAVE_GC | flags::WEAKREFABLE | flags::HAS_FINALIZER,
            base: Some(&super::object::OBJECT_TYPE),
            methods: $methods,
            getsets: GEN_GETSETS,
            doc: None,
            module: None,
        });
    };
}

gen_type!(GENERATOR_TYPE, "generator", GEN_METHODS);
gen_type!(COROUTINE_TYPE, "coroutine", CORO_METHODS);
gen_type!(ASYNC_GENERATOR_TYPE, "async_generator", ASYNC_GEN_METHODS);

pub fn new_generator(frame: Box<Frame>, code_flags: u32) -> Value {
    let ty: &PyType = if code_flags & co::COROUTINE != 0 {
        &COROUTINE_TYPE
    } else if code_flags & co::ASYNC_GENERATOR != 0 {
        &ASYNC_GENERATOR_TYPE
    } else {
        &GENERATOR_TYPE
    };
    let code = frame.code.clone();
    let (name, qualname) = match &frame.func {
        Some(f) => match f.downcast::<super::function::PyFunction>() {
            Some(func) => (func.name.borrow().clone(), func.qualname.borrow().clone()),
            None => (none(), none()),
        },
        None => (none(), none()),
    };
    heap::alloc(
        ty,
        PyGenerator {
            head: ObjectHead::uninit(),
            frame: RefCell::new(Some(frame)),
            state: Cell::new(State::Created),
            code,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            exc_state: RefCell::new(None),
            awaited: Cell::new(false),
        },
    )
}

pub fn as_generator(v: &Value) -> Option<&PyGenerator> {
    v.downcast::<PyGenerator>()
}

fn kind_name(v: &Value) -> &'static str {
    if std::ptr::eq(v.ty(), &COROUTINE_TYPE) {
        "coroutine"
    } else if std::ptr::eq(v.ty(), &ASYNC_GENERATOR_TYPE) {
        "async generator"
    } else {
        "generator"
    }
}

pub enum SendResult {
    Yield(Value),
    Return(Value),
}

enum Resume {
    Send(Value),
    Throw(PyErr),
}

/// Resumes generator `gv` (CPython's `gen_send_ex2`).
fn resume(vm: &mut Vm, gv: &Value, input: Resume) -> PyResult<SendResult> {
    let g = as_generator(gv).ok_or_else(|| type_error("generator expected"))?;
    // Each resume nests an eval loop on the native stack (`yield from` chains).
    vm.check_native_stack()?;
    let kind = kind_name(gv);
    match g.state.get() {
        State::Running => {
            return Err(crate::vm::value_error(format!("{kind} already executing")));
        }
        State::Closed => {
            return match input {
                Resume::Throw(e) => Err(e),
                Resume::Send(_) => {
                    if std::ptr::eq(gv.ty(), &COROUTINE_TYPE) {
                        Err(runtime_error("cannot reuse already awaited coroutine"))
                    } else if std::ptr::eq(gv.ty(), &ASYNC_GENERATOR_TYPE) {
                        Err(PyErr::new_empty(&super::exceptions::STOP_ASYNC_ITERATION))
                    } else {
                        Ok(SendResult::Return(none()))
                    }
                }
            };
        }
        State::Created => {
            if let Resume::Send(v) = &input {
                if !is_none(v) {
                    return Err(type_error(format!("can't send non-None value to a just-started {kind}")));
                }
            }
        }
        State::Suspended => {}
    }
    let Some(mut frame) = g.frame.borrow_mut().take() else {
        return Err(runtime_error("generator frame is missing"));
    };
    let started = g.state.get() != State::Created;
    let throw = match input {
        Resume::Send(v) => {
            if started {
                frame.stack.push(Some(v));
            }
            None
        }
        Resume::Throw(e) => {
            // As CPython's gen_send_ex2, a throw also pushes a sent value (None): the
            // handler around a `yield from`/`await` (CleanupThrow) expects the
            // delegate's slot and the sent value's on the stack.
            if started {
                frame.stack.push(Some(none()));
            }
            Some(e)
        }
    };
    g.state.set(State::Running);
    // Exception state: the generator's own handled exception replaces the caller's
    // while it runs.
    let saved_exc = vm.exc_info.clone();
    if let Some(own) = g.exc_state.borrow_mut().take() {
        vm.exc_info = Some(own);
    }
    let exec = vm.execute(frame, throw);
    let g = as_generator(gv).ok_or_else(|| type_error("generator expected"))?;
    let inside = vm.exc_info.clone();
    vm.exc_info = saved_exc;
    match exec {
        Exec::Yield(v, frame) => {
            // Suspended inside an except/finally block: that handler's exception is the
            // generator's own (CPython's gi_exc_state), even when it is the very object
            // the caller is handling (a Task throwing the exception it caught).
            *g.exc_state.borrow_mut() = if frame.handlers > 0 { inside } else { None };
            *g.frame.borrow_mut() = Some(frame);
            g.state.set(State::Suspended);
            Ok(SendResult::Yield(v))
        }
        Exec::Return(v, frame) => {
            g.state.set(State::Closed);
            drop(frame);
            if std::ptr::eq(gv.ty(), &ASYNC_GENERATOR_TYPE) && is_none(&v) {
                return Err(PyErr::new_empty(&super::exceptions::STOP_ASYNC_ITERATION));
            }
            Ok(SendResult::Return(v))
        }
        Exec::Error(e, frame) => {
            g.state.set(State::Closed);
            drop(frame);
            // PEP 479: StopIteration escaping a generator becomes RuntimeError (CPython
            // wraps generator functions and expressions, not generator lambdas).
            let is_lambda = g.code.downcast::<super::code::PyCode>().is_some_and(|c| &*c.code.name == "<lambda>");
            if e.exc.ty().is_subtype(&super::exceptions::STOP_ITERATION) && !is_lambda {
                let msg = format!("{kind} raised StopIteration");
                let err = runtime_error(msg);
                super::exceptions::set_cause(&err.exc, Some(e.exc.clone()));
                super::exceptions::set_context(&err.exc, Some(e.exc));
                return Err(err);
            }
            if std::ptr::eq(gv.ty(), &ASYNC_GENERATOR_TYPE) && e.exc.ty().is_subtype(&super::exceptions::STOP_ASYNC_ITERATION) {
                let err = runtime_error("async generator raised StopAsyncIteration");
                super::exceptions::set_cause(&err.exc, Some(e.exc.clone()));
                super::exceptions::set_context(&err.exc, Some(e.exc));
                return Err(err);
            }
            Err(e)
        }
    }
}

/// The sub-iterator a suspended generator is delegating to (`yield from` / `await`).
fn delegate(g: &PyGenerator) -> Option<Value> {
    let f = g.frame.borrow();
    let f = f.as_ref()?;
    let code = f.code();
    let word = *code.code.instructions.get(f.lasti)?;
    let ins = taipan_compiler::bytecode::Instr(word);
    if ins.op() == taipan_compiler::bytecode::Opcode::YieldValue && ins.arg() == 1 && g.state.get() == State::Suspended {
        return f.stack.last().cloned().flatten();
    }
    None
}

/// `Send`'s protocol: drives `receiver` with `v`.
pub fn send_to(vm: &mut Vm, receiver: &Value, v: Value) -> PyResult<SendResult> {
    if as_generator(receiver).is_some() {
        return resume(vm, receiver, Resume::Send(v));
    }
    if is_none(&v) {
        if let Some(next) = receiver.ty().slots.iternext.get() {
            return match next(vm, receiver) {
                Ok(Some(x)) => Ok(SendResult::Yield(x)),
                Ok(None) => Ok(SendResult::Return(none())),
                Err(e) if e.matches(&super::exceptions::STOP_ITERATION) => {
                    Ok(SendResult::Return(super::exceptions::stop_iteration_value(&e.exc)))
                }
                Err(e) => Err(e),
            };
        }
    }
    match crate::vm::call::call_method(vm, receiver, "send", &[v]) {
        Ok(x) => Ok(SendResult::Yield(x)),
        Err(e) if e.matches(&super::exceptions::STOP_ITERATION) => {
            Ok(SendResult::Return(super::exceptions::stop_iteration_value(&e.exc)))
        }
        Err(e) => Err(e),
    }
}

fn result_to_value(r: SendResult) -> PyResult<Value> {
    match r {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(if is_none(&v) { crate::vm::stop_iteration(None) } else { crate::vm::stop_iteration(Some(v)) }),
    }
}

fn gen_iternext(vm: &mut Vm, gv: &Value) -> PyResult<Option<Value>> {
    match resume(vm, gv, Resume::Send(none()))? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(v) if is_none(&v) => Ok(None),
        SendResult::Return(v) => Err(crate::vm::stop_iteration(Some(v))),
    }
}

fn m_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, v] = args.exact::<2>("send")?;
    if let Some(gen) = as_generator(g) {
        gen.awaited.set(true);
    }
    let r = resume(vm, g, Resume::Send(v.clone()))?;
    result_to_value(r)
}

/// Builds the exception `throw(typ[, val[, tb]])` raises.
fn make_throw_exception(vm: &mut Vm, pos: &[Value]) -> PyResult<PyErr> {
    let typ = &pos[0];
    let val = pos.get(1).filter(|v| !is_none(v));
    let tb = pos.get(2).filter(|v| !is_none(v));
    if let Some(tb) = tb {
        if tb.downcast::<crate::vm::traceback::PyTraceback>().is_none() {
            return Err(type_error("throw() third argument must be a traceback object"));
        }
    }
    let exc = if super::exceptions::is_exception_type(typ) {
        let made = match val {
            Some(v) if v.ty().is_subtype(super::typeobject::as_type(typ).expect("checked type")) => v.clone(),
            Some(v) => {
                let args = match super::tuple::as_tuple(v) {
                    Some(t) => t.to_vec(),
                    None => vec![v.clone()],
                };
                crate::vm::call::call(vm, typ, &args)?
            }
            None => crate::vm::call::call(vm, typ, &[])?,
        };
        if !super::exceptions::is_exception_instance(&made) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                ops::repr_string(vm, typ)?,
                made.ty().name()
            )));
        }
        made
    } else if super::exceptions::is_exception_instance(typ) {
        if val.is_some() {
            return Err(type_error("instance exception may not have a separate value"));
        }
        typ.clone()
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.ty().name()
        )));
    };
    if let Some(tb) = tb {
        super::exceptions::set_traceback(&exc, Some(tb.clone()));
    }
    Ok(PyErr::from_value(exc))
}

/// `gen.throw(exc)` including delegation to a `yield from` sub-iterator.
fn throw_into(vm: &mut Vm, gv: &Value, err: PyErr) -> PyResult<SendResult> {
    let g = as_generator(gv).ok_or_else(|| type_error("generator expected"))?;
    if let Some(sub) = delegate(g) {
        let is_exit = err.matches(&super::exceptions::GENERATOR_EXIT);
        // Ok(Some(v)): the delegate yielded v; Err(e): throw e into our frame (a finished
        // delegate shows up as StopIteration(value), which CleanupThrow unpacks).
        let sub_result: PyResult<Option<Value>> = if is_exit {
            close_value(vm, &sub).map(|_| None)
        } else if as_generator(&sub).is_some() {
            g.state.set(State::Running);
            let r = throw_into(vm, &sub, err.clone());
            if let Some(g) = as_generator(gv) {
                g.state.set(State::Suspended);
            }
            match r {
                Ok(SendResult::Yield(v)) => Ok(Some(v)),
                Ok(SendResult::Return(v)) => Err(crate::vm::stop_iteration(Some(v))),
                Err(e) => Err(e),
            }
        } else {
            match ops::lookup_special(&sub, "throw") {
                Some(t) => crate::vm::call::call_method_value(vm, &t, &sub, &[err.exc.clone()]).map(Some),
                None => Err(err.clone()),
            }
        };
        return match sub_result {
            Ok(Some(v)) => Ok(SendResult::Yield(v)),
            Ok(None) => resume(vm, gv, Resume::Throw(err)),
            Err(e) => resume(vm, gv, Resume::Throw(e)),
        };
    }
    resume(vm, gv, Resume::Throw(err))
}

fn m_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("throw", 2, 4)?;
    let err = make_throw_exception(vm, &pos[1..])?;
    let r = throw_into(vm, &pos[0], err)?;
    result_to_value(r)
}

/// `gen.close()`: the return value (3.13) or None.
fn close_value(vm: &mut Vm, gv: &Value) -> PyResult<Value> {
    if as_generator(gv).is_none() {
        return match ops::lookup_special(gv, "close") {
            Some(c) => crate::vm::call::call_method_value(vm, &c, gv, &[]),
            None => Ok(none()),
        };
    }
    let g = as_generator(gv).ok_or_else(|| type_error("generator expected"))?;
    match g.state.get() {
        State::Created => {
            g.state.set(State::Closed);
            let old = g.frame.borrow_mut().take();
            drop(old);
            return Ok(none());
        }
        State::Closed => return Ok(none()),
        _ => {}
    }
    let exit = PyErr::new_empty(&super::exceptions::GENERATOR_EXIT);
    match throw_into(vm, gv, exit) {
        Ok(SendResult::Yield(_)) => {
            let kind = kind_name(gv);
            Err(runtime_error(format!("{kind} ignored GeneratorExit")))
        }
        Ok(SendResult::Return(v)) => Ok(v),
        Err(e) if e.matches(&super::exceptions::GENERATOR_EXIT) || e.matches(&super::exceptions::STOP_ITERATION) => Ok(none()),
        Err(e) => Err(e),
    }
}

fn m_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g] = args.exact::<1>("close")?;
    close_value(vm, g)
}

/// Finalizer: closes a suspended generator when it is collected.
pub fn finalize(vm: &mut Vm, gv: &Value) {
    let Some(g) = as_generator(gv) else { return };
    if g.state.get() == State::Created && std::ptr::eq(gv.ty(), &COROUTINE_TYPE) {
        let q = g.qualname.borrow().clone();
        let msg = format!("coroutine '{}' was never awaited", as_str(&q).unwrap_or("?"));
        crate::modules::warnings_warn(vm, &super::exceptions::RUNTIME_WARNING, &msg);
    }
    if g.state.get() != State::Suspended {
        return;
    }
    if let Err(e) = close_value(vm, gv) {
        vm.write_unraisable(&e, Some(gv), None);
    }
}

fn gen_repr(_vm: &mut Vm, gv: &Value) -> PyResult<Value> {
    let g = as_generator(gv).ok_or_else(|| type_error("generator expected"))?;
    let q = g.qualname.borrow().clone();
    Ok(new_string(format!("<{} object {} at {:#x}>", gv.ty().name(), as_str(&q).unwrap_or("?"), gv.word())))
}

fn self_iter(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(as_generator(v).map(|g| g.name.borrow().clone()).unwrap_or_else(none))
}
fn set_name(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    if let (Some(g), Some(val)) = (as_generator(v), val) {
        *g.name.borrow_mut() = val.clone();
    }
    Ok(())
}
fn get_qualname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(as_generator(v).map(|g| g.qualname.borrow().clone()).unwrap_or_else(none))
}
fn set_qualname(_vm: &mut Vm, v: &Value, val: Option<&Value>) -> PyResult<()> {
    if let (Some(g), Some(val)) = (as_generator(v), val) {
        *g.qualname.borrow_mut() = val.clone();
    }
    Ok(())
}
fn get_running(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::singletons::bool_value(as_generator(v).map(|g| g.state.get() == State::Running).unwrap_or(false)))
}
fn get_suspended(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(super::singletons::bool_value(as_generator(v).map(|g| g.state.get() == State::Suspended).unwrap_or(false)))
}
fn get_code(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(as_generator(v).map(|g| g.code.clone()).unwrap_or_else(none))
}
fn get_frame(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(g) = as_generator(v) else { return Ok(none()) };
    let f = g.frame.borrow();
    match &*f {
        Some(fr) if g.state.get() != State::Closed => Ok(crate::vm::traceback::frame_snapshot(fr)),
        _ => Ok(none()),
    }
}
fn get_yieldfrom(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(as_generator(v).and_then(delegate).unwrap_or_else(none))
}

pub static GEN_GETSETS: &[GetSetDef] = &[
    GetSetDef::with_set("__name__", get_name, set_name),
    GetSetDef::with_set("__qualname__", get_qualname, set_qualname),
    GetSetDef::new("gi_running", get_running),
    GetSetDef::new("gi_suspended", get_suspended),
    GetSetDef::new("gi_code", get_code),
    GetSetDef::new("gi_frame", get_frame),
    GetSetDef::new("gi_yieldfrom", get_yieldfrom),
    GetSetDef::new("cr_running", get_running),
    GetSetDef::new("cr_suspended", get_suspended),
    GetSetDef::new("cr_code", get_code),
    GetSetDef::new("cr_frame", get_frame),
    GetSetDef::new("cr_await", get_yieldfrom),
    GetSetDef::new("ag_running", get_running),
    GetSetDef::new("ag_code", get_code),
    GetSetDef::new("ag_frame", get_frame),
    GetSetDef::new("ag_await", get_yieldfrom),
];

pub static GEN_METHODS: &[MethodDef] = &[
    MethodDef::method("send", m_send),
    MethodDef::method("throw", m_throw),
    MethodDef::method("close", m_close),
];

fn m_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [c] = args.exact::<1>("__await__")?;
    Ok(new_coro_wrapper(c.clone()))
}

pub static CORO_METHODS: &[MethodDef] = &[
    MethodDef::method("send", m_send),
    MethodDef::method("throw", m_throw),
    MethodDef::method("close", m_close),
    MethodDef::method("__await__", m_await),
];

// ----- coroutine_wrapper: what coroutine.__await__() returns -----

#[repr(C)]
pub struct PyCoroWrapper {
    head: ObjectHead,
    coro: Value,
}

fn cw_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let w = unsafe { &*(head as *const ObjectHead as *const PyCoroWrapper) };
    visit(&w.coro);
}

pub static CORO_WRAPPER_LAYOUT: Layout = crate::payload_layout!(PyCoroWrapper, "coroutine_wrapper", cw_traverse, heap::no_clear);

impl PyPayload for PyCoroWrapper {
    fn layout() -> &'static Layout {
        &CORO_WRAPPER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &CORO_WRAPPER_TYPE
    }
}

pub static CORO_WRAPPER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "coroutine_wrapper",
    layout: &CORO_WRAPPER_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: CORO_WRAPPER_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

fn new_coro_wrapper(coro: Value) -> Value {
    heap::alloc(&CORO_WRAPPER_TYPE, PyCoroWrapper { head: ObjectHead::uninit(), coro })
}

fn wrapped_coro(v: &Value) -> PyResult<Value> {
    v.downcast::<PyCoroWrapper>().map(|w| w.coro.clone()).ok_or_else(|| type_error("coroutine_wrapper expected"))
}

fn cw_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = wrapped_coro(v)?;
    gen_iternext(vm, &c)
}

fn cw_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [w, x] = args.exact::<2>("send")?;
    let c = wrapped_coro(w)?;
    let r = resume(vm, &c, Resume::Send(x.clone()))?;
    result_to_value(r)
}

fn cw_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("throw", 2, 4)?;
    let c = wrapped_coro(&pos[0])?;
    let err = make_throw_exception(vm, &pos[1..])?;
    let r = throw_into(vm, &c, err)?;
    result_to_value(r)
}

fn cw_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [w] = args.exact::<1>("close")?;
    let c = wrapped_coro(w)?;
    close_value(vm, &c)
}

pub static CORO_WRAPPER_METHODS: &[MethodDef] =
    &[MethodDef::method("send", cw_send), MethodDef::method("throw", cw_throw), MethodDef::method("close", cw_close)];

/// `GetYieldFromIter`.
pub fn get_yield_from_iter(vm: &mut Vm, f: &Frame, v: Value) -> PyResult<Value> {
    if std::ptr::eq(v.ty(), &COROUTINE_TYPE) {
        let flags = f.code().code.flags;
        if flags & (co::COROUTINE | co::ITERABLE_COROUTINE) == 0 {
            return Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        return Ok(v);
    }
    if std::ptr::eq(v.ty(), &GENERATOR_TYPE) {
        return Ok(v);
    }
    ops::iter(vm, &v)
}

/// `GetAwaitable`: the iterator `await v` drives.
pub fn get_awaitable(vm: &mut Vm, v: Value, _where: usize) -> PyResult<Value> {
    if std::ptr::eq(v.ty(), &COROUTINE_TYPE) {
        if let Some(g) = as_generator(&v) {
            if delegate(g).is_some() {
                return Err(runtime_error("coroutine is being awaited already"));
            }
            g.awaited.set(true);
        }
        return Ok(v);
    }
    if let Some(g) = as_generator(&v) {
        if g.code.downcast::<super::code::PyCode>().map(|c| c.code.flags & co::ITERABLE_COROUTINE != 0).unwrap_or(false) {
            return Ok(v);
        }
    }
    let Some(aw) = ops::lookup_special(&v, "__await__") else {
        return Err(type_error(format!("object {} can't be used in 'await' expression", v.ty().tp_name())));
    };
    let it = crate::vm::call::call_method_value(vm, &aw, &v, &[])?;
    if std::ptr::eq(it.ty(), &COROUTINE_TYPE) || it.ty().slots.iternext.get().is_none() {
        return Err(type_error(format!("__await__() returned non-iterator of type '{}'", it.ty().name())));
    }
    Ok(it)
}

/// `GetAiter`.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(f) = ops::lookup_special(v, "__aiter__") else {
        return Err(type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            v.ty().name()
        )));
    };
    let it = crate::vm::call::call_method_value(vm, &f, v, &[])?;
    if ops::lookup_special(&it, "__anext__").is_none() {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            it.ty().name()
        )));
    }
    Ok(it)
}

/// `GetAnext`: the awaitable of `it.__anext__()`.
pub fn get_anext(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    let Some(f) = ops::lookup_special(it, "__anext__") else {
        return Err(type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            it.ty().name()
        )));
    };
    let aw = crate::vm::call::call_method_value(vm, &f, it, &[])?;
    let aw_type = aw.ty().name().to_string();
    get_awaitable(vm, aw, 0).map_err(|e| {
        if e.matches(&super::exceptions::TYPE_ERROR) {
            type_error(format!("'async for' received an invalid object from __anext__: {aw_type}"))
        } else {
            e
        }
    })
}

// ----- async generators -----

/// Values yielded by an async generator's own `yield` (as opposed to awaits passing
/// through) are wrapped so the `asend` awaitable can tell them apart.
#[repr(C)]
pub struct PyAsyncGenWrapped {
    head: ObjectHead,
    value: Value,
}

fn agw_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let w = unsafe { &*(head as *const ObjectHead as *const PyAsyncGenWrapped) };
    visit(&w.value);
}

pub static AGW_LAYOUT: Layout = crate::payload_layout!(PyAsyncGenWrapped, "async_generator_wrapped_value", agw_traverse, heap::no_clear);

impl PyPayload for PyAsyncGenWrapped {
    fn layout() -> &'static Layout {
        &AGW_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &AGW_TYPE
    }
}

pub static AGW_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "async_generator_wrapped_value",
    layout: &AGW_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: None,
});

pub fn wrap_async_gen_value(v: Value) -> Value {
    heap::alloc(&AGW_TYPE, PyAsyncGenWrapped { head: ObjectHead::uninit(), value: v })
}

/// The awaitable returned by `__anext__`, `asend`, `athrow` and `aclose`.
#[repr(C)]
pub struct PyAsyncGenSend {
    head: ObjectHead,
    agen: Value,
    /// The first value to send, or the exception to throw (athrow/aclose).
    first: RefCell<Option<Value>>,
    throw: RefCell<Option<PyErr>>,
    is_close: bool,
    done: Cell<bool>,
}

fn ags_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let s = unsafe { &*(head as *const ObjectHead as *const PyAsyncGenSend) };
    visit(&s.agen);
}

pub static AGS_LAYOUT: Layout = crate::payload_layout!(PyAsyncGenSend, "async_generator_asend", ags_traverse, heap::no_clear);

impl PyPayload for PyAsyncGenSend {
    fn layout() -> &'static Layout {
        &AGS_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &AGS_TYPE
    }
}

pub static AGS_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "async_generator_asend",
    layout: &AGS_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: AGS_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

fn new_asend(agen: Value, first: Option<Value>, throw: Option<PyErr>, is_close: bool) -> Value {
    heap::alloc(
        &AGS_TYPE,
        PyAsyncGenSend {
            head: ObjectHead::uninit(),
            agen,
            first: RefCell::new(first),
            throw: RefCell::new(throw),
            is_close,
            done: Cell::new(false),
        },
    )
}

fn ags_step(vm: &mut Vm, sv: &Value, input: Resume) -> PyResult<Value> {
    let s = sv.downcast::<PyAsyncGenSend>().ok_or_else(|| type_error("asend expected"))?;
    if s.done.get() {
        return Err(runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let agen = s.agen.clone();
    let is_close = s.is_close;
    let input = match s.throw.borrow_mut().take() {
        Some(e) => Resume::Throw(e),
        None => match s.first.borrow_mut().take() {
            Some(v) => Resume::Send(v),
            None => input,
        },
    };
    let r = match input {
        Resume::Throw(e) => throw_into(vm, &agen, e),
        send => resume(vm, &agen, send),
    };
    let s = sv.downcast::<PyAsyncGenSend>().ok_or_else(|| type_error("asend expected"))?;
    match r {
        Ok(SendResult::Yield(v)) => {
            if let Some(w) = v.downcast::<PyAsyncGenWrapped>() {
                s.done.set(true);
                if is_close {
                    return Err(runtime_error("async generator ignored GeneratorExit"));
                }
                return Err(crate::vm::stop_iteration(Some(w.value.clone())));
            }
            Ok(v)
        }
        Ok(SendResult::Return(_)) => {
            s.done.set(true);
            if is_close {
                return Err(crate::vm::stop_iteration(None));
            }
            Err(PyErr::new_empty(&super::exceptions::STOP_ASYNC_ITERATION))
        }
        Err(e) => {
            s.done.set(true);
            if is_close && (e.matches(&super::exceptions::STOP_ASYNC_ITERATION) || e.matches(&super::exceptions::GENERATOR_EXIT)) {
                return Err(crate::vm::stop_iteration(None));
            }
            Err(e)
        }
    }
}

fn ags_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match ags_step(vm, v, Resume::Send(none())) {
        Ok(x) => Ok(Some(x)),
        Err(e) => Err(e),
    }
}

fn ags_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s, v] = args.exact::<2>("send")?;
    ags_step(vm, s, Resume::Send(v.clone()))
}

fn ags_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("throw", 2, 4)?;
    let err = make_throw_exception(vm, &pos[1..])?;
    ags_step(vm, &pos[0], Resume::Throw(err))
}

fn ags_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("close")?;
    if let Some(a) = s.downcast::<PyAsyncGenSend>() {
        a.done.set(true);
    }
    Ok(none())
}

pub static AGS_METHODS: &[MethodDef] = &[
    MethodDef::method("__await__", ags_await),
    MethodDef::method("send", ags_send),
    MethodDef::method("throw", ags_throw),
    MethodDef::method("close", ags_close),
];

fn ag_anext(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g] = args.exact::<1>("__anext__")?;
    Ok(new_asend(g.clone(), None, None, false))
}
fn ag_aiter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g] = args.exact::<1>("__aiter__")?;
    Ok(g.clone())
}
fn ag_asend(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g, v] = args.exact::<2>("asend")?;
    Ok(new_asend(g.clone(), Some(v.clone()), None, false))
}
fn ag_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("athrow", 2, 4)?;
    let err = make_throw_exception(vm, &pos[1..])?;
    Ok(new_asend(pos[0].clone(), None, Some(err), false))
}
fn ag_aclose(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [g] = args.exact::<1>("aclose")?;
    Ok(new_asend(g.clone(), None, Some(PyErr::new_empty(&super::exceptions::GENERATOR_EXIT)), true))
}

pub static ASYNC_GEN_METHODS: &[MethodDef] = &[
    MethodDef::method("__anext__", ag_anext),
    MethodDef::method("__aiter__", ag_aiter),
    MethodDef::method("asend", ag_asend),
    MethodDef::method("athrow", ag_athrow),
    MethodDef::method("aclose", ag_aclose),
];

pub fn init_types() {
    for t in [&GENERATOR_TYPE, &COROUTINE_TYPE, &ASYNC_GENERATOR_TYPE] {
        t.slots.repr.set(Some(gen_repr));
    }
    GENERATOR_TYPE.slots.iter.set(Some(self_iter));
    GENERATOR_TYPE.slots.iternext.set(Some(gen_iternext));
    CORO_WRAPPER_TYPE.slots.iter.set(Some(self_iter));
    CORO_WRAPPER_TYPE.slots.iternext.set(Some(cw_next));
    AGS_TYPE.slots.iter.set(Some(self_iter));
    AGS_TYPE.slots.iternext.set(Some(ags_next));
    AGS_TYPE.slots.descr_get.set(None);
    ANEXT_AWAITABLE_TYPE.slots.iter.set(Some(self_iter));
    ANEXT_AWAITABLE_TYPE.slots.iternext.set(Some(aa_next));
    let _ = as_str;
}

/// `Resume` is internal; this helper lets other modules throw into generators.
pub fn throw_value(vm: &mut Vm, gv: &Value, exc: Value) -> PyResult<Value> {
    let r = throw_into(vm, gv, PyErr::from_value(exc))?;
    result_to_value(r)
}

pub fn send_value(vm: &mut Vm, gv: &Value, v: Value) -> PyResult<Value> {
    let r = resume(vm, gv, Resume::Send(v))?;
    result_to_value(r)
}

/// `coroutine.__await__` for `AGS_TYPE`-style awaitables used as iterators.
pub fn ags_await(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("__await__")?;
    Ok(s.clone())
}

// ----- anext_awaitable: what `anext(it, default)` returns -----

/// Awaits `it.__anext__()` and turns its `StopAsyncIteration` into a return of
/// `default` (CPython's `anextawaitable`).  The awaitable's iterator is made on the
/// first step and kept, so a coroutine is marked awaited once.
#[repr(C)]
pub struct PyAnextAwaitable {
    head: ObjectHead,
    wrapped: Value,
    default: Value,
    iter: RefCell<Option<Value>>,
}

fn aa_traverse(head: &ObjectHead, visit: &mut dyn FnMut(&Value)) {
    let a = unsafe { &*(head as *const ObjectHead as *const PyAnextAwaitable) };
    visit(&a.wrapped);
    visit(&a.default);
    if let Some(it) = a.iter.borrow().as_ref() {
        visit(it);
    }
}

pub static ANEXT_AWAITABLE_LAYOUT: Layout =
    crate::payload_layout!(PyAnextAwaitable, "anext_awaitable", aa_traverse, heap::no_clear);

impl PyPayload for PyAnextAwaitable {
    fn layout() -> &'static Layout {
        &ANEXT_AWAITABLE_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &ANEXT_AWAITABLE_TYPE
    }
}

pub static ANEXT_AWAITABLE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "anext_awaitable",
    layout: &ANEXT_AWAITABLE_LAYOUT,
    flags: flags::HAVE_GC,
    base: Some(&super::object::OBJECT_TYPE),
    methods: ANEXT_AWAITABLE_METHODS,
    getsets: &[],
    doc: None,
    module: None,
});

pub fn new_anext_awaitable(wrapped: Value, default: Value) -> Value {
    heap::alloc(
        &ANEXT_AWAITABLE_TYPE,
        PyAnextAwaitable { head: ObjectHead::uninit(), wrapped, default, iter: RefCell::new(None) },
    )
}

enum AnextStep {
    Send(Value),
    Throw(PyErr),
    Close,
}

fn aa_step(vm: &mut Vm, sv: &Value, step: AnextStep) -> PyResult<Value> {
    let a = sv.downcast::<PyAnextAwaitable>().ok_or_else(|| type_error("anext_awaitable expected"))?;
    let cached = a.iter.borrow().clone();
    let it = match cached {
        Some(it) => it,
        None => {
            let it = get_awaitable(vm, a.wrapped.clone(), 0)?;
            *a.iter.borrow_mut() = Some(it.clone());
            it
        }
    };
    let r = match step {
        AnextStep::Send(v) => send_to(vm, &it, v).and_then(result_to_value),
        AnextStep::Throw(err) if as_generator(&it).is_some() => throw_into(vm, &it, err).and_then(result_to_value),
        AnextStep::Throw(err) => match ops::lookup_special(&it, "throw") {
            Some(t) => crate::vm::call::call_method_value(vm, &t, &it, &[err.exc.clone()]),
            None => Err(err),
        },
        AnextStep::Close => close_value(vm, &it),
    };
    r.map_err(|e| {
        if e.matches(&super::exceptions::STOP_ASYNC_ITERATION) {
            crate::vm::stop_iteration(Some(a.default.clone()))
        } else {
            e
        }
    })
}

fn aa_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    aa_step(vm, v, AnextStep::Send(none())).map(Some)
}

fn aa_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s, x] = args.exact::<2>("send")?;
    aa_step(vm, s, AnextStep::Send(x.clone()))
}

fn aa_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("throw", 2, 4)?;
    let err = make_throw_exception(vm, &pos[1..])?;
    aa_step(vm, &pos[0], AnextStep::Throw(err))
}

fn aa_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [s] = args.exact::<1>("close")?;
    aa_step(vm, s, AnextStep::Close)
}

pub static ANEXT_AWAITABLE_METHODS: &[MethodDef] = &[
    MethodDef::method("send", aa_send),
    MethodDef::method("throw", aa_throw),
    MethodDef::method("close", aa_close),
    MethodDef::method("__await__", ags_await),
];
