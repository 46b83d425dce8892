//! The eval loop: fetch, decode, dispatch.  Mirrors CPython's `Python/ceval.c` and
//! `Python/bytecodes.c`; opcode bodies that are more than a few lines live in
//! `eval_ops.rs`.
//!
//! `execute` owns the frame switching and exception unwinding (see `frame.rs` for the
//! frame-stack invariants); `run_instructions` is the tight dispatch loop over one frame,
//! returning to `execute` only for calls into Python code, returns, yields and errors.

use taipan_compiler::bytecode::{BinaryOperator, ComparisonOperator, Opcode};

use super::frame::Frame;
use super::{ops, PyErr, PyResult, Vm};
use crate::objects::code::PyCode;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::as_str;
use crate::objects::typeobject::UnaryOp;
use crate::runtime::heap;
use crate::runtime::value::Value;

/// Why `run_instructions` stopped.
pub(crate) enum Control {
    Return(Value),
    Yield(Value),
    Call(Box<Frame>),
}

/// How a loop invocation ended.
pub enum Exec {
    Return(Value, Box<Frame>),
    Yield(Value, Box<Frame>),
    Error(PyErr, Box<Frame>),
}

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(Some(v)) => v,
            _ => none(),
        }
    };
}

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(Some(v)) => v.clone(),
            _ => none(),
        }
    };
}

impl Vm {
    /// Runs `frame` to completion (a call from Rust into Python code).
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        match self.execute(frame, None) {
            Exec::Return(v, f) => {
                drop(f);
                Ok(v)
            }
            Exec::Yield(_, _) => Err(super::system_error("yield outside a generator frame")),
            Exec::Error(e, f) => {
                drop(f);
                Err(e)
            }
        }
    }

    /// Executes `frame` (optionally raising `throw` at its current instruction first)
    /// until its base frame returns, yields or raises.
    pub fn execute(&mut self, frame: Box<Frame>, throw: Option<PyErr>) -> Exec {
        // Every nested loop is native recursion (a dunder called from Rust, a resumed
        // generator): stop before the native stack runs out.
        if let Err(e) = self.check_native_stack() {
            return Exec::Error(e, frame);
        }
        self.exec_stack.push((self.frames.len(), self.current_frame));
        let r = self.execute_loop(frame, throw);
        self.exec_stack.pop();
        r
    }

    fn execute_loop(&mut self, frame: Box<Frame>, throw: Option<PyErr>) -> Exec {
        let base = self.frames.len();
        let mut frame = frame;
        let mut pending = throw;
        if pending.is_none() {
            if let Err(e) = self.enter_frame() {
                return Exec::Error(e, frame);
            }
        } else {
            self.depth += 1;
        }
        let saved_current = self.current_frame;
        loop {
            self.current_frame = &*frame;
            let result = match pending.take() {
                Some(e) => Err(e),
                None => self.run_instructions(&mut frame),
            };
            match result {
                Ok(Control::Call(callee)) => {
                    if let Err(e) = self.enter_frame() {
                        pending = Some(e);
                        continue;
                    }
                    self.frames.push(frame);
                    frame = callee;
                }
                Ok(Control::Return(v)) => {
                    if self.trace_func.is_some() {
                        if let Err(e) = self.trace_return(&frame, Some(&v)) {
                            pending = Some(e);
                            continue;
                        }
                    }
                    if self.profile_func.is_some() {
                        if let Err(e) = self.profile_return(&frame, Some(&v)) {
                            pending = Some(e);
                            continue;
                        }
                    }
                    self.depth -= 1;
                    if self.frames.len() == base {
                        self.current_frame = saved_current;
                        return Exec::Return(v, frame);
                    }
                    let done = std::mem::replace(&mut frame, self.frames.pop().expect("caller frame below base"));
                    self.recycle_frame(done);
                    frame.stack.push(Some(v));
                }
                Ok(Control::Yield(v)) => {
                    if self.trace_func.is_some() {
                        if let Err(e) = self.trace_return(&frame, Some(&v)) {
                            pending = Some(e);
                            continue;
                        }
                    }
                    if self.profile_func.is_some() {
                        if let Err(e) = self.profile_return(&frame, Some(&v)) {
                            pending = Some(e);
                            continue;
                        }
                    }
                    self.depth -= 1;
                    self.current_frame = saved_current;
                    return Exec::Yield(v, frame);
                }
                Err(mut e) => {
                    let reraise = std::mem::take(&mut self.reraising);
                    if !reraise {
                        self.add_traceback(&e, &frame);
                        if self.trace_func.is_some() {
                            if let Err(te) = self.trace_exception(&frame, &e.exc) {
                                e = te;
                            }
                        }
                    }
                    let at = self.unwind_at.take().unwrap_or(frame.lasti);
                    if let Some(h) = frame.code().code.handler_for(at as u32).copied() {
                        frame.stack.truncate(h.depth as usize);
                        if h.lasti {
                            frame.stack.push(Some(new_int(frame.lasti as i64)));
                        }
                        frame.stack.push(Some(e.exc));
                        frame.ip = h.target as usize;
                        continue;
                    }
                    if self.trace_func.is_some() {
                        if let Err(te) = self.trace_return(&frame, None) {
                            e = te;
                        }
                    }
                    if self.profile_func.is_some() {
                        if let Err(pe) = self.profile_return(&frame, None) {
                            e = pe;
                        }
                    }
                    self.depth -= 1;
                    if self.frames.len() == base {
                        self.current_frame = saved_current;
                        return Exec::Error(e, frame);
                    }
                    let done = std::mem::replace(&mut frame, self.frames.pop().expect("caller frame below base"));
                    drop(done);
                    pending = Some(e);
                }
            }
        }
    }

    /// Keeps a finished frame for reuse by `frame::bind_function_frame`.
    fn recycle_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() >= 64 {
            return;
        }
        f.fast.clear();
        f.cells.clear();
        f.stack.clear();
        *f.extra.get_mut() = None;
        f.func = None;
        f.locals = None;
        self.frame_pool.push(f);
    }

    #[inline]
    fn enter_frame(&mut self) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            return Err(super::recursion_error());
        }
        Ok(())
    }

    /// Prepends a traceback entry for `frame` to the exception (CPython's
    /// `PyTraceBack_Here`) and sets its implicit `__context__` on first sight.
    fn add_traceback(&mut self, e: &PyErr, frame: &Frame) {
        let exc = &e.exc;
        let prev = crate::objects::exceptions::traceback_of(exc);
        let innermost = prev.is_none();
        if innermost {
            self.set_implicit_context(exc);
        }
        let with_locals = innermost && exc.ty().is_subtype(&crate::objects::exceptions::NAME_ERROR);
        let tb = super::traceback::new_traceback(prev, frame, with_locals);
        crate::objects::exceptions::set_traceback(exc, Some(tb));
    }

    /// `exc.__context__ = <the exception being handled>` avoiding cycles.
    pub fn set_implicit_context(&mut self, exc: &Value) {
        let Some(handled) = self.exc_info.clone() else { return };
        if handled.is(exc) {
            return;
        }
        // Break a cycle: if `exc` is already in handled's context chain, cut it there.
        let mut o = handled.clone();
        let mut steps = 0;
        while let Some(c) = crate::objects::exceptions::context_of(&o) {
            if c.is(exc) {
                crate::objects::exceptions::set_context(&o, None);
                break;
            }
            o = c;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        crate::objects::exceptions::set_context(exc, Some(handled));
    }

    /// Runs pending finalizers and weakref callbacks (the eval breaker).
    #[cold]
    pub fn run_pending(&mut self) -> PyResult<()> {
        // A trace function keeps the breaker raised: every instruction is reported.
        heap::EVAL_BREAKER.store(self.trace_func.is_some() || self.profile_func.is_some(), std::sync::atomic::Ordering::Relaxed);
        crate::runtime::gc::maybe_collect(self);
        crate::modules::signal::run_handlers(self)?;
        loop {
            let work = heap::take_pending();
            if work.is_empty() {
                return Ok(());
            }
            for p in work {
                match p {
                    heap::Pending::Finalize(obj) => self.call_finalizer(obj),
                    heap::Pending::WeakrefCallback { callback, weakref } => {
                        if let Err(e) = super::call::call(self, &callback, &[weakref]) {
                            self.write_unraisable(&e, Some(&callback), None);
                        }
                    }
                }
            }
        }
    }

    /// Calls `obj.__del__()`, reporting exceptions as unraisable.
    pub fn call_finalizer(&mut self, obj: Value) {
        if crate::objects::generator::as_generator(&obj).is_some() {
            // Generators and coroutines: close a suspended frame (tp_finalize).
            let saved = self.exc_info.clone();
            crate::objects::generator::finalize(self, &obj);
            self.exc_info = saved;
        } else if let Some(del) = obj.ty().lookup_str("__del__") {
            let saved = self.exc_info.clone();
            if let Err(e) = super::call::call_method_value(self, &del, &obj, &[]) {
                self.write_unraisable(&e, Some(&del), None);
            }
            self.exc_info = saved;
        }
        drop(obj);
    }

    /// The dispatch loop over one frame.
    fn run_instructions(&mut self, f: &mut Frame) -> Result<Control, PyErr> {
        let code_v = f.code.clone();
        let code: &PyCode = code_v.downcast::<PyCode>().ok_or_else(|| super::system_error("frame without code"))?;
        let instrs: &[(Opcode, u32)] = &code.decoded;
        loop {
            if heap::eval_breaker_set() {
                self.run_pending()?;
                if self.trace_func.is_some() {
                    self.trace_instruction(f)?;
                }
                if self.profile_func.is_some() {
                    self.profile_start(f)?;
                }
            }
            let Some(&(op, arg)) = instrs.get(f.ip) else {
                return Err(super::system_error("instruction pointer out of range"));
            };
            f.lasti = f.ip;
            f.ip += 1;
            let a = arg as usize;
            match op {
                Opcode::Nop | Opcode::ExtendedArg => {}
                Opcode::PopTop => {
                    f.stack.pop();
                }
                Opcode::PushNull => f.stack.push(None),
                Opcode::Copy => {
                    let n = f.stack.len();
                    let v = f.stack[n - a].clone();
                    f.stack.push(v);
                }
                Opcode::Swap => {
                    let n = f.stack.len();
                    f.stack.swap(n - 1, n - a);
                }
                Opcode::LoadConst => f.stack.push(Some(code.consts[a].clone())),
                Opcode::ReturnValue => {
                    let v = pop!(f);
                    return Ok(Control::Return(v));
                }
                Opcode::ReturnConst => return Ok(Control::Return(code.consts[a].clone())),
                Opcode::LoadFast => match &f.fast[a] {
                    Some(v) => {
                        let v = v.clone();
                        f.stack.push(Some(v));
                    }
                    None => return Err(unbound_local(&code.varnames[a])),
                },
                Opcode::StoreFast => {
                    let v = f.stack.pop().flatten();
                    let old = std::mem::replace(&mut f.fast[a], v);
                    drop(old);
                }
                Opcode::DeleteFast => {
                    if f.fast[a].is_none() {
                        return Err(unbound_local(&code.varnames[a]));
                    }
                    let old = f.fast[a].take();
                    drop(old);
                }
                Opcode::LoadFastAndClear => {
                    let v = f.fast[a].take();
                    f.stack.push(v);
                }
                Opcode::LoadDeref => {
                    let v = super::eval_ops::load_deref(code, f, a)?;
                    f.stack.push(Some(v));
                }
                Opcode::StoreDeref => {
                    let v = f.stack.pop().flatten();
                    if let Some(c) = f.cells[a].downcast::<crate::objects::cell::PyCell>() {
                        c.set(v);
                    }
                }
                Opcode::DeleteDeref => {
                    let cell = f.cells[a].clone();
                    if let Some(c) = cell.downcast::<crate::objects::cell::PyCell>() {
                        if c.get().is_none() {
                            return Err(unbound_local(&code.cellfree[a]));
                        }
                        c.set(None);
                    }
                }
                Opcode::LoadClosure => f.stack.push(Some(f.cells[a].clone())),
                Opcode::LoadFromDictOrDeref => {
                    let mapping = pop!(f);
                    let name = &code.cellfree[a];
                    let v = match super::eval_ops::mapping_get(self, &mapping, name)? {
                        Some(v) => v,
                        None => super::eval_ops::load_deref(code, f, a)?,
                    };
                    f.stack.push(Some(v));
                }
                Opcode::LoadName => {
                    let v = super::eval_ops::load_name(self, f, &code.names[a])?;
                    f.stack.push(Some(v));
                }
                Opcode::StoreName => {
                    let v = pop!(f);
                    super::eval_ops::store_name(self, f, &code.names[a], v)?;
                }
                Opcode::DeleteName => super::eval_ops::delete_name(self, f, &code.names[a])?,
                Opcode::LoadGlobal => {
                    let name = &code.names[a];
                    let v = match PyDict::get_str_item(&f.globals, name) {
                        Some(v) => v,
                        None => match PyDict::get_str_item(&f.builtins, name) {
                            Some(v) => v,
                            None => super::eval_ops::load_builtin_slow(self, &f.builtins, name)?,
                        },
                    };
                    f.stack.push(Some(v));
                }
                Opcode::StoreGlobal => {
                    let v = pop!(f);
                    PyDict::set_item(self, &f.globals, code.names[a].clone(), v)?;
                }
                Opcode::DeleteGlobal => {
                    if !PyDict::del_item_opt(self, &f.globals, &code.names[a])? {
                        return Err(super::eval_ops::name_error(&code.names[a]));
                    }
                }
                Opcode::LoadLocals => {
                    let l = f.locals.clone().ok_or_else(|| super::system_error("no locals found"))?;
                    f.stack.push(Some(l));
                }
                Opcode::LoadFromDictOrGlobals => {
                    let mapping = pop!(f);
                    let name = &code.names[a];
                    let v = match super::eval_ops::mapping_get(self, &mapping, name)? {
                        Some(v) => v,
                        None => match PyDict::get_str_item(&f.globals, name).or_else(|| PyDict::get_str_item(&f.builtins, name)) {
                            Some(v) => v,
                            None => super::eval_ops::load_builtin_slow(self, &f.builtins, name)?,
                        },
                    };
                    f.stack.push(Some(v));
                }
                Opcode::LoadAttr => {
                    let obj = pop!(f);
                    let name = &code.names[a];
                    let cache = &code.attr_cache[f.lasti];
                    let key = (obj.ty() as *const crate::objects::typeobject::PyType as usize, crate::objects::typeobject::type_epoch());
                    if cache.get() == key {
                        if let Ok(Some(v)) = crate::objects::object::instance_dict_get_str(&obj, name) {
                            f.stack.push(Some(v));
                            continue;
                        }
                    }
                    let v = ops::getattr(self, &obj, name)?;
                    if cache.get() != key && crate::objects::object::attr_in_instance_dict_only(obj.ty(), name, false) {
                        cache.set((obj.ty() as *const crate::objects::typeobject::PyType as usize, crate::objects::typeobject::type_epoch()));
                    }
                    f.stack.push(Some(v));
                }
                Opcode::LoadMethod => {
                    let obj = pop!(f);
                    let (m, s) = super::eval_ops::load_method(self, obj, &code.names[a])?;
                    f.stack.push(Some(m));
                    f.stack.push(s);
                }
                Opcode::StoreAttr => {
                    let obj = pop!(f);
                    let v = pop!(f);
                    let name = &code.names[a];
                    let cache = &code.attr_cache[f.lasti];
                    let key = (obj.ty() as *const crate::objects::typeobject::PyType as usize, crate::objects::typeobject::type_epoch());
                    if cache.get() == key && crate::objects::object::instance_dict_set_str(&obj, name, &v) {
                        continue;
                    }
                    ops::setattr(self, &obj, name, Some(&v))?;
                    if cache.get() != key && crate::objects::object::attr_in_instance_dict_only(obj.ty(), name, true) {
                        cache.set((obj.ty() as *const crate::objects::typeobject::PyType as usize, crate::objects::typeobject::type_epoch()));
                    }
                }
                Opcode::DeleteAttr => {
                    let obj = pop!(f);
                    ops::setattr(self, &obj, &code.names[a], None)?;
                }
                Opcode::BinarySubscr => {
                    let key = pop!(f);
                    let container = pop!(f);
                    let v = if let Some(l) = container.downcast_exact::<crate::objects::list::PyList>() {
                        match key.as_small_int() {
                            Some(i) => {
                                let items = l.items.borrow();
                                let n = items.len() as i64;
                                let idx = if i < 0 { i + n } else { i };
                                if idx < 0 || idx >= n {
                                    return Err(super::index_error("list index out of range"));
                                }
                                items[idx as usize].clone()
                            }
                            None => ops::getitem(self, &container, &key)?,
                        }
                    } else {
                        ops::getitem(self, &container, &key)?
                    };
                    f.stack.push(Some(v));
                }
                Opcode::StoreSubscr => {
                    let key = pop!(f);
                    let container = pop!(f);
                    let v = pop!(f);
                    // Fast path: `lst[i] = v` for an exact list and an in-range small int.
                    let mut done = false;
                    if let (Some(l), Some(i)) = (container.downcast_exact::<crate::objects::list::PyList>(), key.as_small_int()) {
                        let mut items = l.items.borrow_mut();
                        let n = items.len() as i64;
                        let idx = if i < 0 { i + n } else { i };
                        if idx >= 0 && idx < n {
                            let old = std::mem::replace(&mut items[idx as usize], v.clone());
                            drop(items);
                            drop(old);
                            done = true;
                        }
                    }
                    if !done {
                        ops::setitem(self, &container, &key, &v)?;
                    }
                }
                Opcode::DeleteSubscr => {
                    let key = pop!(f);
                    let container = pop!(f);
                    ops::delitem(self, &container, &key)?;
                }
                Opcode::BinarySlice => {
                    let stop = pop!(f);
                    let start = pop!(f);
                    let container = pop!(f);
                    let s = crate::objects::slice::new_slice(start, stop, none());
                    let v = ops::getitem(self, &container, &s)?;
                    f.stack.push(Some(v));
                }
                Opcode::StoreSlice => {
                    let stop = pop!(f);
                    let start = pop!(f);
                    let container = pop!(f);
                    let v = pop!(f);
                    let s = crate::objects::slice::new_slice(start, stop, none());
                    ops::setitem(self, &container, &s, &v)?;
                }
                Opcode::BuildSlice => {
                    let step = if a == 3 { pop!(f) } else { none() };
                    let stop = pop!(f);
                    let start = pop!(f);
                    f.stack.push(Some(crate::objects::slice::new_slice(start, stop, step)));
                }
                Opcode::BinaryOp => {
                    let rhs = pop!(f);
                    let lhs = pop!(f);
                    let op = BinaryOperator::from_arg(arg).ok_or_else(|| super::system_error("bad binary operator"))?;
                    let v = match (lhs.as_small_int(), rhs.as_small_int()) {
                        (Some(x), Some(y)) => match op.base() {
                            BinaryOperator::Add => match x.checked_add(y) {
                                Some(r) => new_int(r),
                                None => ops::binary_op(self, &lhs, &rhs, op)?,
                            },
                            BinaryOperator::Subtract => match x.checked_sub(y) {
                                Some(r) => new_int(r),
                                None => ops::binary_op(self, &lhs, &rhs, op)?,
                            },
                            BinaryOperator::Multiply => match x.checked_mul(y) {
                                Some(r) => new_int(r),
                                None => ops::binary_op(self, &lhs, &rhs, op)?,
                            },
                            _ => ops::binary_op(self, &lhs, &rhs, op)?,
                        },
                        _ => {
                            if let (Some(x), Some(y)) = (crate::objects::float::as_exact_f64(&lhs), crate::objects::float::as_exact_f64(&rhs)) {
                                match op.base() {
                                    BinaryOperator::Add => crate::objects::float::new_float(x + y),
                                    BinaryOperator::Subtract => crate::objects::float::new_float(x - y),
                                    BinaryOperator::Multiply => crate::objects::float::new_float(x * y),
                                    BinaryOperator::TrueDivide if y != 0.0 => crate::objects::float::new_float(x / y),
                                    _ => ops::binary_op(self, &lhs, &rhs, op)?,
                                }
                            } else {
                                ops::binary_op(self, &lhs, &rhs, op)?
                            }
                        }
                    };
                    f.stack.push(Some(v));
                }
                Opcode::UnaryNegative => {
                    let v = pop!(f);
                    let r = match v.as_small_int() {
                        Some(i) => new_int(-i),
                        None => ops::unary_op(self, &v, UnaryOp::Neg)?,
                    };
                    f.stack.push(Some(r));
                }
                Opcode::UnaryNot => {
                    let v = pop!(f);
                    let t = ops::is_true(self, &v)?;
                    f.stack.push(Some(bool_value(!t)));
                }
                Opcode::UnaryInvert => {
                    let v = pop!(f);
                    let r = ops::unary_op(self, &v, UnaryOp::Invert)?;
                    f.stack.push(Some(r));
                }
                Opcode::UnaryPositive => {
                    let v = pop!(f);
                    let r = ops::unary_op(self, &v, UnaryOp::Pos)?;
                    f.stack.push(Some(r));
                }
                Opcode::CompareOp => {
                    let rhs = pop!(f);
                    let lhs = pop!(f);
                    let op = ComparisonOperator::from_arg(arg).ok_or_else(|| super::system_error("bad comparison"))?;
                    let v = match (lhs.as_small_int(), rhs.as_small_int()) {
                        (Some(x), Some(y)) => bool_value(ops::ordering_matches(x.cmp(&y), op)),
                        _ => ops::richcompare(self, &lhs, &rhs, op)?,
                    };
                    f.stack.push(Some(v));
                }
                Opcode::IsOp => {
                    let rhs = pop!(f);
                    let lhs = pop!(f);
                    f.stack.push(Some(bool_value(lhs.is(&rhs) ^ (a != 0))));
                }
                Opcode::ContainsOp => {
                    let container = pop!(f);
                    let item = pop!(f);
                    let r = ops::contains(self, &container, &item)?;
                    f.stack.push(Some(bool_value(r ^ (a != 0))));
                }
                Opcode::Jump => f.ip = a,
                Opcode::PopJumpIfFalse => {
                    let v = pop!(f);
                    if !self.truth(&v)? {
                        f.ip = a;
                    }
                }
                Opcode::PopJumpIfTrue => {
                    let v = pop!(f);
                    if self.truth(&v)? {
                        f.ip = a;
                    }
                }
                Opcode::PopJumpIfNone => {
                    let v = pop!(f);
                    if is_none(&v) {
                        f.ip = a;
                    }
                }
                Opcode::PopJumpIfNotNone => {
                    let v = pop!(f);
                    if !is_none(&v) {
                        f.ip = a;
                    }
                }
                Opcode::JumpIfFalseOrPop => {
                    let v = top!(f);
                    if !self.truth(&v)? {
                        f.ip = a;
                    } else {
                        f.stack.pop();
                    }
                }
                Opcode::JumpIfTrueOrPop => {
                    let v = top!(f);
                    if self.truth(&v)? {
                        f.ip = a;
                    } else {
                        f.stack.pop();
                    }
                }
                Opcode::GetIter => {
                    let v = pop!(f);
                    let it = ops::iter(self, &v)?;
                    f.stack.push(Some(it));
                }
                Opcode::ForIter => {
                    let it = top!(f);
                    match ops::next(self, &it)? {
                        Some(v) => f.stack.push(Some(v)),
                        None => {
                            f.stack.pop();
                            f.ip = a;
                        }
                    }
                }
                Opcode::BuildTuple => {
                    let items = drain_values(f, a);
                    f.stack.push(Some(crate::objects::tuple::new_tuple(items)));
                }
                Opcode::BuildList => {
                    let items = drain_values(f, a);
                    f.stack.push(Some(crate::objects::list::PyList::new_value(items)));
                }
                Opcode::BuildSet => {
                    let items = drain_values(f, a);
                    let s = crate::objects::set::new_set(self, items)?;
                    f.stack.push(Some(s));
                }
                Opcode::BuildMap => {
                    let items = drain_values(f, 2 * a);
                    let d = PyDict::new_value();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        PyDict::set_item(self, &d, k, v)?;
                    }
                    f.stack.push(Some(d));
                }
                Opcode::BuildString => {
                    let items = drain_values(f, a);
                    let mut s = String::new();
                    for it in &items {
                        s.push_str(as_str(it).unwrap_or(""));
                    }
                    f.stack.push(Some(crate::objects::str::new_string(s)));
                }
                Opcode::ListAppend => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    if let Some(Some(l)) = f.stack.get(n - a) {
                        if let Some(list) = l.downcast::<crate::objects::list::PyList>() {
                            list.push(v);
                        }
                    }
                }
                Opcode::SetAdd => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    let s = f.stack[n - a].clone().unwrap_or_else(none);
                    crate::objects::set::set_add(self, &s, v)?;
                }
                Opcode::MapAdd => {
                    let v = pop!(f);
                    let k = pop!(f);
                    let n = f.stack.len();
                    let d = f.stack[n - a].clone().unwrap_or_else(none);
                    PyDict::set_item(self, &d, k, v)?;
                }
                Opcode::ListExtend => {
                    let it = pop!(f);
                    let n = f.stack.len();
                    let l = f.stack[n - a].clone().unwrap_or_else(none);
                    super::eval_ops::list_extend(self, &l, &it)?;
                }
                Opcode::SetUpdate => {
                    let it = pop!(f);
                    let n = f.stack.len();
                    let s = f.stack[n - a].clone().unwrap_or_else(none);
                    for x in ops::collect_iter(self, &it)? {
                        crate::objects::set::set_add(self, &s, x)?;
                    }
                }
                Opcode::DictUpdate => {
                    let m = pop!(f);
                    let n = f.stack.len();
                    let d = f.stack[n - a].clone().unwrap_or_else(none);
                    super::eval_ops::dict_update(self, &d, &m)?;
                }
                Opcode::DictMerge => {
                    let m = pop!(f);
                    let n = f.stack.len();
                    let d = f.stack[n - a].clone().unwrap_or_else(none);
                    let callable = f.stack.get(n - a - 3).cloned().flatten().unwrap_or_else(none);
                    super::eval_ops::dict_merge(self, &d, &m, &callable)?;
                }
                Opcode::ListToTuple => {
                    let l = pop!(f);
                    let items = crate::objects::list::as_list(&l).map(|l| l.snapshot()).unwrap_or_default();
                    f.stack.push(Some(crate::objects::tuple::new_tuple(items)));
                }
                Opcode::UnpackSequence => {
                    let seq = pop!(f);
                    let items = super::eval_ops::unpack(self, &seq, a)?;
                    for v in items.into_iter().rev() {
                        f.stack.push(Some(v));
                    }
                }
                Opcode::UnpackEx => {
                    let seq = pop!(f);
                    let items = super::eval_ops::unpack_ex(self, &seq, a & 0xff, a >> 8)?;
                    for v in items.into_iter().rev() {
                        f.stack.push(Some(v));
                    }
                }
                Opcode::Call | Opcode::CallKw => {
                    let kwnames = if op == Opcode::CallKw { Some(pop!(f)) } else { None };
                    if let Some(frame) = self.call_from_stack(f, a, kwnames)? {
                        return Ok(Control::Call(frame));
                    }
                }
                Opcode::CallFunctionEx => {
                    let kwargs = if a & 1 != 0 { Some(pop!(f)) } else { None };
                    let args = pop!(f);
                    let self_or_null = f.stack.pop().flatten();
                    let callable = pop!(f);
                    let v = super::eval_ops::call_function_ex(self, &callable, self_or_null, &args, kwargs.as_ref())?;
                    f.stack.push(Some(v));
                }
                Opcode::MakeFunction => {
                    let v = super::eval_ops::make_function(self, f, arg)?;
                    f.stack.push(Some(v));
                }
                Opcode::LoadBuildClass => {
                    let bc = PyDict::get_str(&f.builtins, "__build_class__")
                        .ok_or_else(|| PyErr::new(&crate::objects::exceptions::NAME_ERROR, "__build_class__ not found"))?;
                    f.stack.push(Some(bc));
                }
                Opcode::RaiseVarargs => {
                    let err = super::eval_ops::do_raise(self, f, a)?;
                    return Err(err);
                }
                Opcode::Reraise => {
                    let exc = pop!(f);
                    // The handler search starts from this instruction; the restored
                    // lasti is what a handler that pushes lasti sees (as CPython).
                    self.unwind_at = Some(f.lasti);
                    // `values[oparg]` stay on the stack (the handler's depth cuts
                    // them); `values[0]` is the lasti to restore.
                    if a != 0 {
                        let n = f.stack.len();
                        if let Some(Some(l)) = n.checked_sub(a as usize).and_then(|k| f.stack.get(k)) {
                            if let Some(i) = l.as_small_int() {
                                f.lasti = i as usize;
                            }
                        }
                    }
                    self.reraising = true;
                    return Err(PyErr::from_value(exc));
                }
                Opcode::PushExcInfo => {
                    let exc = pop!(f);
                    let prev = self.exc_info.replace(exc.clone()).unwrap_or_else(none);
                    f.stack.push(Some(prev));
                    f.stack.push(Some(exc));
                    f.handlers += 1;
                }
                Opcode::PopExcept => {
                    f.handlers = f.handlers.saturating_sub(1);
                    let prev = pop!(f);
                    self.exc_info = if is_none(&prev) { None } else { Some(prev) };
                }
                Opcode::CheckExcMatch => {
                    let ty = pop!(f);
                    let exc = top!(f);
                    let r = super::eval_ops::exception_matches(self, &exc, &ty)?;
                    f.stack.push(Some(bool_value(r)));
                }
                Opcode::CheckEgMatch => {
                    let ty = pop!(f);
                    let eg = pop!(f);
                    let (rest, matched) = super::eval_ops::exception_group_match(self, &eg, &ty)?;
                    // The handler runs with the matched part as the handled exception.
                    if !crate::objects::singletons::is_none(&matched) {
                        self.exc_info = Some(matched.clone());
                    }
                    f.stack.push(Some(rest));
                    f.stack.push(Some(matched));
                }
                Opcode::WithExceptStart => {
                    let n = f.stack.len();
                    let exc = f.stack[n - 1].clone().unwrap_or_else(none);
                    let exit = f.stack[n - 4].clone().unwrap_or_else(none);
                    let tb = crate::objects::exceptions::traceback_of(&exc).unwrap_or_else(none);
                    let r = super::call::call(self, &exit, &[exc.ty().to_value(), exc, tb])?;
                    f.stack.push(Some(r));
                }
                Opcode::CleanupThrow => {
                    let exc = pop!(f);
                    let _last_sent = pop!(f);
                    let _sub = pop!(f);
                    if exc.ty().is_subtype(&crate::objects::exceptions::STOP_ITERATION) {
                        f.stack.push(Some(none()));
                        f.stack.push(Some(crate::objects::exceptions::stop_iteration_value(&exc)));
                    } else {
                        self.reraising = true;
                        return Err(PyErr::from_value(exc));
                    }
                }
                Opcode::BeforeWith => {
                    let mgr = pop!(f);
                    let (exit, res) = super::eval_ops::before_with(self, &mgr, false)?;
                    f.stack.push(Some(exit));
                    f.stack.push(Some(res));
                }
                Opcode::BeforeAsyncWith => {
                    let mgr = pop!(f);
                    let (exit, res) = super::eval_ops::before_with(self, &mgr, true)?;
                    f.stack.push(Some(exit));
                    f.stack.push(Some(res));
                }
                Opcode::YieldValue => {
                    let v = pop!(f);
                    return Ok(Control::Yield(v));
                }
                Opcode::Send => {
                    let v = pop!(f);
                    let receiver = top!(f);
                    match crate::objects::generator::send_to(self, &receiver, v)? {
                        crate::objects::generator::SendResult::Yield(x) => f.stack.push(Some(x)),
                        crate::objects::generator::SendResult::Return(r) => {
                            f.stack.push(Some(r));
                            f.ip = a;
                        }
                    }
                }
                Opcode::EndSend => {
                    let v = pop!(f);
                    f.stack.pop();
                    f.stack.push(Some(v));
                }
                Opcode::GetYieldFromIter => {
                    let v = pop!(f);
                    let it = crate::objects::generator::get_yield_from_iter(self, f, v)?;
                    f.stack.push(Some(it));
                }
                Opcode::GetAwaitable => {
                    let v = pop!(f);
                    let it = crate::objects::generator::get_awaitable(self, v, a)?;
                    f.stack.push(Some(it));
                }
                Opcode::GetAiter => {
                    let v = pop!(f);
                    let it = crate::objects::generator::get_aiter(self, &v)?;
                    f.stack.push(Some(it));
                }
                Opcode::GetAnext => {
                    let it = top!(f);
                    let aw = crate::objects::generator::get_anext(self, &it)?;
                    f.stack.push(Some(aw));
                }
                Opcode::EndAsyncFor => {
                    let exc = pop!(f);
                    f.stack.pop();
                    if !exc.ty().is_subtype(&crate::objects::exceptions::STOP_ASYNC_ITERATION) {
                        self.reraising = true;
                        return Err(PyErr::from_value(exc));
                    }
                    self.exc_info = None;
                }
                Opcode::ConvertValue => {
                    let v = pop!(f);
                    let r = match arg {
                        taipan_compiler::bytecode::CONVERT_STR => ops::str(self, &v)?,
                        taipan_compiler::bytecode::CONVERT_REPR => ops::repr(self, &v)?,
                        _ => ops::ascii(self, &v)?,
                    };
                    f.stack.push(Some(r));
                }
                Opcode::FormatSimple => {
                    let v = pop!(f);
                    let r = if crate::objects::str::is_str(&v) && v.downcast_exact::<crate::objects::str::PyStr>().is_some() {
                        v
                    } else {
                        ops::format(self, &v, &crate::objects::str::empty_str())?
                    };
                    f.stack.push(Some(r));
                }
                Opcode::FormatWithSpec => {
                    let spec = pop!(f);
                    let v = pop!(f);
                    let r = ops::format(self, &v, &spec)?;
                    f.stack.push(Some(r));
                }
                Opcode::ImportName => {
                    let fromlist = pop!(f);
                    let level = pop!(f);
                    let m = super::import::import_name(self, f, &code.names[a], &fromlist, &level)?;
                    f.stack.push(Some(m));
                }
                Opcode::ImportFrom => {
                    let module = top!(f);
                    let v = super::import::import_from(self, &module, &code.names[a])?;
                    f.stack.push(Some(v));
                }
                Opcode::SetupAnnotations => super::eval_ops::setup_annotations(self, f)?,
                Opcode::MatchClass => {
                    let names = pop!(f);
                    let cls = pop!(f);
                    let subject = pop!(f);
                    let r = super::eval_ops::match_class(self, &subject, &cls, a, &names)?;
                    f.stack.push(Some(r));
                }
                Opcode::MatchMapping => {
                    let subject = top!(f);
                    let r = subject.ty().has_flag(crate::objects::typeobject::flags::MAPPING);
                    f.stack.push(Some(bool_value(r)));
                }
                Opcode::MatchSequence => {
                    let subject = top!(f);
                    let r = subject.ty().has_flag(crate::objects::typeobject::flags::SEQUENCE);
                    f.stack.push(Some(bool_value(r)));
                }
                Opcode::MatchKeys => {
                    let keys = top!(f);
                    let n = f.stack.len();
                    let subject = f.stack[n - 2].clone().unwrap_or_else(none);
                    let r = super::eval_ops::match_keys(self, &subject, &keys)?;
                    f.stack.push(Some(r));
                }
                Opcode::GetLen => {
                    let v = top!(f);
                    let n = ops::len(self, &v)?;
                    f.stack.push(Some(crate::objects::int::new_usize(n)));
                }
                Opcode::CallIntrinsic1 => {
                    let v = pop!(f);
                    let r = super::eval_ops::intrinsic1(self, f, arg, v)?;
                    f.stack.push(Some(r));
                }
                Opcode::CallIntrinsic2 => {
                    let v2 = pop!(f);
                    let v1 = pop!(f);
                    let r = super::eval_ops::intrinsic2(self, arg, v1, v2)?;
                    f.stack.push(Some(r));
                }
                Opcode::LoadAssertionError => {
                    f.stack.push(Some(crate::objects::exceptions::ASSERTION_ERROR.to_value()));
                }
            }
        }
    }

    #[inline]
    fn truth(&mut self, v: &Value) -> PyResult<bool> {
        ops::is_true(self, v)
    }

    /// `Call`/`CallKw`: a Python function gets a new frame (returned, for the caller to
    /// switch to); anything else is called here and its result pushed.
    fn call_from_stack(&mut self, f: &mut Frame, argc: usize, kwnames: Option<Value>) -> PyResult<Option<Box<Frame>>> {
        let n = f.stack.len();
        let base = n - argc - 2;
        let has_self = f.stack[base + 1].is_some();
        let callable = f.stack[base].clone().unwrap_or_else(none);
        if kwnames.is_none() {
            let first = if has_self { base + 1 } else { base + 2 };
            if let Some(frame) = super::frame::bind_exact_positional(self, &callable, &mut f.stack, first) {
                f.stack.truncate(base);
                let flags = frame.code().code.flags;
                use taipan_compiler::code::flags as co;
                if flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR) != 0 {
                    f.stack.push(Some(crate::objects::generator::new_generator(frame, flags)));
                    return Ok(None);
                }
                return Ok(Some(frame));
            }
        }
        let kw: &[Value] = kwnames.as_ref().and_then(crate::objects::tuple::as_tuple).unwrap_or(&[]);
        // Call with the arguments still on the stack (no argument vector).
        let first = if has_self { base + 1 } else { base + 2 };
        if let Some(args) = crate::runtime::value::as_values(&f.stack[first..]) {
            if callable.downcast_exact::<crate::objects::function::PyFunction>().is_some() {
                let frame = super::frame::bind_function_frame(self, &callable, args, kw);
                f.stack.truncate(base);
                let frame = frame?;
                let flags = frame.code().code.flags;
                use taipan_compiler::code::flags as co;
                if flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR) != 0 {
                    f.stack.push(Some(crate::objects::generator::new_generator(frame, flags)));
                    return Ok(None);
                }
                return Ok(Some(frame));
            }
            let r = if self.profile_func.is_some() { self.profile_c_call(&callable, args, kw) } else { super::call::call_with_kwnames(self, &callable, args, kw) };
            f.stack.truncate(base);
            f.stack.push(Some(r?));
            return Ok(None);
        }
        let args: Vec<Value> = f.stack.drain(base + 1..).skip(if has_self { 0 } else { 1 }).map(|v| v.unwrap_or_else(none)).collect();
        f.stack.truncate(base);
        if callable.downcast_exact::<crate::objects::function::PyFunction>().is_some() {
            let frame = super::frame::bind_function_frame(self, &callable, &args, kw)?;
            let flags = frame.code().code.flags;
            use taipan_compiler::code::flags as co;
            if flags & (co::GENERATOR | co::COROUTINE | co::ASYNC_GENERATOR) != 0 {
                f.stack.push(Some(crate::objects::generator::new_generator(frame, flags)));
                return Ok(None);
            }
            return Ok(Some(frame));
        }
        let r = if self.profile_func.is_some() { self.profile_c_call(&callable, &args, kw)? } else { super::call::call_with_kwnames(self, &callable, &args, kw)? };
        f.stack.push(Some(r));
        Ok(None)
    }
}

fn drain_values(f: &mut Frame, n: usize) -> Vec<Value> {
    let start = f.stack.len() - n;
    f.stack.drain(start..).map(|v| v.unwrap_or_else(none)).collect()
}

fn unbound_local(name: &Value) -> PyErr {
    let n = as_str(name).unwrap_or("?");
    let e = PyErr::new(
        &crate::objects::exceptions::UNBOUND_LOCAL_ERROR,
        format!("cannot access local variable '{n}' where it is not associated with a value"),
    );
    crate::objects::exceptions::set_attr_fields(&e.exc, "name", name.clone());
    e
}
