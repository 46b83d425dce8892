//! `sys.settrace`: the events CPython's eval loop reports to a trace function
//! ('call', 'line', 'return', 'exception', 'opcode'), as debuggers (`bdb`/`pdb`) and
//! coverage tools expect them.
//!
//! Costs nothing while no trace function is set: `sys.settrace` keeps the eval breaker
//! raised, and the loop's breaker branch calls `trace_instruction` before each
//! instruction.  Per-frame state (the frame object holding `f_trace`, whether 'call'
//! was sent, the last line reported) lives in `Frame::extra`.
//!
//! Rules followed (CPython 3.13's `sys.settrace` documentation):
//! - 'call' when a frame starts running, and again each time a generator or
//!   coroutine resumes; the global function's result becomes the frame's `f_trace`.
//! - 'line' before the first instruction of a new line, or after a backward jump,
//!   to `f_trace` when `f_trace_lines`; its result replaces `f_trace`.
//! - 'return' when the frame returns or yields (with the value), or is left by an
//!   exception (with None).
//! - 'exception' when an exception is raised in, or propagates into, the frame.
//! - A trace function that raises is removed (as `sys.settrace(None)`), and its
//!   exception propagates.  Events are not reported while a trace function runs.

use super::frame::Frame;
use super::traceback::{live_frame_object, PyFrameObject};
use super::{PyResult, Vm};
use crate::objects::singletons::{is_none, none};
use crate::objects::str::new_str;
use crate::runtime::heap;
use crate::runtime::value::Value;

impl Vm {
    /// `sys.settrace(func)` (None removes the trace function).  Frames already running
    /// are taken as called, at their current line.
    pub fn set_trace_function(&mut self, func: Option<Value>) {
        if func.is_some() && self.trace_func.is_none() {
            for f in self.frame_chain() {
                let mut extra = f.extra.borrow_mut();
                let e = extra.get_or_insert_with(Default::default);
                e.call_sent = true;
                e.last_line = f.line();
                e.last_ip = f.lasti;
            }
        }
        self.trace_func = func;
        if self.trace_func.is_some() {
            heap::EVAL_BREAKER.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// The frame object of the executing frame `f` (made with its `f_back` chain the
    /// first time).
    fn traced_frame_object(&self, f: &Frame) -> Value {
        if f.extra.borrow().as_ref().is_some_and(|e| e.obj.is_some()) {
            return live_frame_object(f, None);
        }
        self.frame_at_depth(0).unwrap_or_else(|| live_frame_object(f, None))
    }

    /// Calls `func(frame, event, arg)` with tracing suspended; a failing trace
    /// function is removed.
    fn call_tracer(&mut self, func: &Value, frame: &Value, event: &str, arg: Value) -> PyResult<Value> {
        self.tracing = true;
        let r = super::call::call(self, func, &[frame.clone(), new_str(event), arg]);
        self.tracing = false;
        if r.is_err() {
            self.set_trace_function(None);
        }
        r
    }

    /// Before the instruction at `f.ip`: 'call' on entry, then 'line' and 'opcode'.
    pub(crate) fn trace_instruction(&mut self, f: &Frame) -> PyResult<()> {
        let Some(global) = self.trace_func.clone() else { return Ok(()) };
        if self.tracing {
            return Ok(());
        }
        let call_sent = f.extra.borrow().as_ref().is_some_and(|e| e.call_sent);
        if !call_sent {
            {
                let mut extra = f.extra.borrow_mut();
                let e = extra.get_or_insert_with(Default::default);
                e.call_sent = true;
                // A resumed generator continues its line: no line event for it.
                e.last_line = if f.lasti > 0 || f.ip > 0 { f.line() } else { None };
                e.last_ip = f.lasti;
            }
            let frame = self.traced_frame_object(f);
            let local = self.call_tracer(&global, &frame, "call", none())?;
            if let Some(fo) = frame.downcast::<PyFrameObject>() {
                *fo.trace.borrow_mut() = (!is_none(&local)).then_some(local);
            }
        }
        // The object exists once 'call' was handled; it is refreshed (locals copied)
        // only when an event is delivered, not on every instruction.
        let existing = f.extra.borrow().as_ref().and_then(|e| e.obj.clone());
        let frame = match existing {
            Some(obj) => obj,
            None => self.traced_frame_object(f),
        };
        let Some(fo) = frame.downcast::<PyFrameObject>() else { return Ok(()) };
        let line = f.code().line_of(f.ip);
        let (last_line, last_ip) = f.extra.borrow().as_ref().map(|e| (e.last_line, e.last_ip)).unwrap_or((None, 0));
        let new_line = line.is_some() && (line != last_line || f.ip < last_ip);
        if let Some(e) = f.extra.borrow_mut().as_mut() {
            if line.is_some() {
                e.last_line = line;
            }
            e.last_ip = f.ip;
        }
        let local = fo.trace.borrow().clone();
        let Some(local) = local else { return Ok(()) };
        let deliver_line = new_line && fo.trace_lines.get();
        if deliver_line || fo.trace_opcodes.get() {
            live_frame_object(f, None);
        }
        if deliver_line {
            // The line about to run is the frame's current line.
            fo.lineno.set(line);
            let next = self.call_tracer(&local, &frame, "line", none())?;
            *fo.trace.borrow_mut() = (!is_none(&next)).then_some(next);
        }
        if fo.trace_opcodes.get() {
            let local = fo.trace.borrow().clone();
            if let Some(local) = local {
                fo.lineno.set(line);
                let next = self.call_tracer(&local, &frame, "opcode", none())?;
                *fo.trace.borrow_mut() = (!is_none(&next)).then_some(next);
            }
        }
        Ok(())
    }

    /// 'return' as `f` returns or yields `value` (None when an exception leaves it).
    pub(crate) fn trace_return(&mut self, f: &Frame, value: Option<&Value>) -> PyResult<()> {
        if self.trace_func.is_none() || self.tracing {
            return Ok(());
        }
        let sent = f.extra.borrow_mut().as_mut().map(|e| std::mem::replace(&mut e.call_sent, false)).unwrap_or(false);
        if !sent {
            return Ok(());
        }
        let frame = self.traced_frame_object(f);
        let Some(fo) = frame.downcast::<PyFrameObject>() else { return Ok(()) };
        let local = fo.trace.borrow().clone();
        if let Some(local) = local {
            let next = self.call_tracer(&local, &frame, "return", value.cloned().unwrap_or_else(none))?;
            *fo.trace.borrow_mut() = (!is_none(&next)).then_some(next);
        }
        Ok(())
    }

    /// 'exception' as `exc` is raised in or propagates into `f`.
    pub(crate) fn trace_exception(&mut self, f: &Frame, exc: &Value) -> PyResult<()> {
        if self.trace_func.is_none() || self.tracing {
            return Ok(());
        }
        if !f.extra.borrow().as_ref().is_some_and(|e| e.call_sent) {
            return Ok(());
        }
        let frame = self.traced_frame_object(f);
        let Some(fo) = frame.downcast::<PyFrameObject>() else { return Ok(()) };
        let local = fo.trace.borrow().clone();
        if let Some(local) = local {
            let tb = crate::objects::exceptions::traceback_of(exc).unwrap_or_else(none);
            let arg = crate::objects::tuple::new_tuple(vec![exc.ty().to_value(), exc.clone(), tb]);
            let next = self.call_tracer(&local, &frame, "exception", arg)?;
            *fo.trace.borrow_mut() = (!is_none(&next)).then_some(next);
        }
        Ok(())
    }
}

/// `sys.setprofile`: 'call' and 'return' for Python frames (a generator's resume and
/// yield included; 'return' with None when an exception leaves the frame), 'c_call',
/// 'c_return' and 'c_exception' around calls of built-in functions and method
/// descriptors made by the eval loop.  The profile function's result is ignored.
impl Vm {
    pub fn set_profile_function(&mut self, func: Option<Value>) {
        if func.is_some() && self.profile_func.is_none() {
            for f in self.frame_chain() {
                f.extra.borrow_mut().get_or_insert_with(Default::default).prof_sent = true;
            }
        }
        self.profile_func = func;
        if self.profile_func.is_some() {
            heap::EVAL_BREAKER.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn call_profiler(&mut self, frame: &Value, event: &str, arg: Value) -> PyResult<()> {
        let Some(func) = self.profile_func.clone() else { return Ok(()) };
        self.tracing = true;
        let r = super::call::call(self, &func, &[frame.clone(), new_str(event), arg]);
        self.tracing = false;
        if r.is_err() {
            self.set_profile_function(None);
        }
        r.map(|_| ())
    }

    /// 'call' before the first instruction of an activation.
    pub(crate) fn profile_start(&mut self, f: &Frame) -> PyResult<()> {
        if self.tracing {
            return Ok(());
        }
        let sent = f.extra.borrow().as_ref().is_some_and(|e| e.prof_sent);
        if sent {
            return Ok(());
        }
        f.extra.borrow_mut().get_or_insert_with(Default::default).prof_sent = true;
        let frame = self.traced_frame_object(f);
        self.call_profiler(&frame, "call", none())
    }

    pub(crate) fn profile_return(&mut self, f: &Frame, value: Option<&Value>) -> PyResult<()> {
        if self.tracing {
            return Ok(());
        }
        let sent = f.extra.borrow_mut().as_mut().map(|e| std::mem::replace(&mut e.prof_sent, false)).unwrap_or(false);
        if !sent {
            return Ok(());
        }
        let frame = self.traced_frame_object(f);
        self.call_profiler(&frame, "return", value.cloned().unwrap_or_else(none))
    }

    /// Calls `callable`, reporting 'c_call'/'c_return'/'c_exception' when it is a
    /// built-in function or method descriptor.
    pub(crate) fn profile_c_call(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let native = callable.downcast::<crate::objects::function::PyBuiltinFunction>().is_some()
            || callable.downcast::<crate::objects::function::PyMethodDescr>().is_some();
        if !native || self.tracing {
            return super::call::call_with_kwnames(self, callable, args, kwnames);
        }
        let frame = match self.current_frame_ref() {
            Some(f) => self.traced_frame_object(f),
            None => none(),
        };
        self.call_profiler(&frame, "c_call", callable.clone())?;
        let r = super::call::call_with_kwnames(self, callable, args, kwnames);
        let event = if r.is_ok() { "c_return" } else { "c_exception" };
        self.call_profiler(&frame, event, callable.clone())?;
        r
    }
}
