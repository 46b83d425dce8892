//! `_lsprof`: the profiler `cProfile` is built on (CPython's `Modules/_lsprof.c`).
//!
//! An enabled `Profiler` installs one of its own methods as the profile function
//! (`Vm::profile_func`), so it sees the same events as `sys.setprofile`: 'call' and
//! 'return' for Python frames, 'c_call'/'c_return'/'c_exception' for built-ins.
//! Each activation is timed on a stack; an entry per function (keyed by code object,
//! or by label for built-ins) accumulates call counts, recursive calls, total time
//! (outermost activations only) and inline time (minus callees), and a sub-entry per
//! callee does the same for each caller/callee pair.  `getstats()` reports them as
//! `profiler_entry`/`profiler_subentry` struct sequences, as `pstats` expects.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Instant;

use super::ModuleDef;
use crate::objects::function::{PyBuiltinFunction, PyMethodDescr};
use crate::objects::int::new_int;
use crate::objects::singletons::{is_none, none};
use crate::objects::str::{as_str, new_str};
use crate::objects::typeobject::{as_type, flags, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::opt;
use crate::vm::{ops, type_error, Args, PyResult, Sig, Vm};

/// A function being profiled: a Python code object or a built-in's label.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Code(usize),
    Builtin(String),
}

#[derive(Default, Clone)]
struct Stats {
    calls: u64,
    recursive: u64,
    total: f64,
    inline: f64,
    /// Activations of this function (or pair) now on the stack.
    level: u32,
}

struct Entry {
    /// The code object, or the label string for built-ins.
    object: Value,
    stats: Stats,
    callees: HashMap<Key, Stats>,
}

struct Active {
    key: Key,
    start: f64,
    /// Time spent in callees of this activation.
    sub: f64,
}

#[derive(Default)]
struct State {
    entries: HashMap<Key, Entry>,
    order: Vec<Key>,
    stack: Vec<Active>,
    builtins: bool,
    subcalls: bool,
    enabled: bool,
}

#[repr(C)]
pub struct PyProfiler {
    head: ObjectHead,
    state: RefCell<State>,
    /// A Python timer (None: a monotonic clock in seconds) and its unit.
    timer: RefCell<Option<Value>>,
    unit: std::cell::Cell<f64>,
    epoch: Instant,
}

pub static PROFILER_LAYOUT: Layout = crate::payload_layout!(PyProfiler, "Profiler", heap::no_traverse, heap::no_clear);

impl PyPayload for PyProfiler {
    fn layout() -> &'static Layout {
        &PROFILER_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &PROFILER_TYPE
    }
}

pub static PROFILER_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Profiler",
    layout: &PROFILER_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: PROFILER_METHODS,
    getsets: &[],
    doc: Some("Build a profiler object using the specified timer function.\n\nThe default timer is a fast built-in one based on real time.\nFor custom timer functions returning integers, 'timeunit' can\nbe a float specifying a scale (that is, how long each integer unit\nis, in seconds)."),
    module: Some("_lsprof"),
});

/// A timer's or time unit's value as a float (`float(x)`).
fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(x) = crate::objects::float::to_f64_operand(v)? {
        return Ok(x);
    }
    let f = crate::vm::call::call(vm, &crate::objects::float::FLOAT_TYPE.to_value(), std::slice::from_ref(v))?;
    crate::objects::float::as_f64(&f).ok_or_else(|| type_error("must be real number"))
}

fn this(v: &Value) -> PyResult<&PyProfiler> {
    v.downcast::<PyProfiler>().ok_or_else(|| type_error(format!("descriptor requires a '_lsprof.Profiler' object but received a '{}'", v.ty().name())))
}

fn profiler_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&PROFILER_TYPE);
    Ok(heap::alloc(
        ty,
        PyProfiler {
            head: ObjectHead::uninit(),
            state: RefCell::new(State { builtins: true, subcalls: true, ..Default::default() }),
            timer: RefCell::new(None),
            unit: std::cell::Cell::new(0.0),
            epoch: Instant::now(),
        },
    ))
}

fn profiler_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    static SIG: Sig = Sig::new("Profiler", &[opt("timer"), opt("timeunit"), opt("subcalls"), opt("builtins")]);
    let [timer, unit, subcalls, builtins] = SIG.parse::<4>(args)?;
    let p = this(v)?;
    *p.timer.borrow_mut() = timer.filter(|t| !is_none(t));
    let unit = match unit {
        Some(u) => to_f64(vm, &u)?,
        None => 0.0,
    };
    p.unit.set(unit);
    let mut st = p.state.borrow_mut();
    st.subcalls = match subcalls {
        Some(s) => ops::is_true(vm, &s)?,
        None => true,
    };
    st.builtins = match builtins {
        Some(b) => ops::is_true(vm, &b)?,
        None => true,
    };
    Ok(())
}

impl PyProfiler {
    fn now(&self, vm: &mut Vm) -> PyResult<f64> {
        let timer = self.timer.borrow().clone();
        match timer {
            None => Ok(self.epoch.elapsed().as_secs_f64()),
            Some(t) => {
                let r = crate::vm::call::call(vm, &t, &[])?;
                let x = to_f64(vm, &r)?;
                let unit = self.unit.get();
                Ok(if crate::objects::int::is_int(&r) && unit > 0.0 { x * unit } else { x })
            }
        }
    }

    fn enter(&self, key: Key, object: Value, now: f64) {
        let mut st = self.state.borrow_mut();
        if !st.entries.contains_key(&key) {
            st.order.push(key.clone());
            st.entries.insert(key.clone(), Entry { object, stats: Stats::default(), callees: HashMap::new() });
        }
        if let Some(e) = st.entries.get_mut(&key) {
            e.stats.level += 1;
        }
        let caller = st.stack.last().map(|a| a.key.clone());
        if st.subcalls {
            if let Some(c) = caller {
                if let Some(ce) = st.entries.get_mut(&c) {
                    ce.callees.entry(key.clone()).or_default().level += 1;
                }
            }
        }
        st.stack.push(Active { key, start: now, sub: 0.0 });
    }

    fn leave(&self, now: f64) {
        let mut st = self.state.borrow_mut();
        let Some(a) = st.stack.pop() else { return };
        let total = now - a.start;
        let inline = total - a.sub;
        if let Some(parent) = st.stack.last_mut() {
            parent.sub += total;
        }
        if let Some(e) = st.entries.get_mut(&a.key) {
            e.stats.level -= 1;
            if e.stats.level == 0 {
                e.stats.total += total;
            } else {
                e.stats.recursive += 1;
            }
            e.stats.inline += inline;
            e.stats.calls += 1;
        }
        if st.subcalls {
            let caller = st.stack.last().map(|p| p.key.clone());
            if let Some(c) = caller {
                if let Some(sub) = st.entries.get_mut(&c).and_then(|ce| ce.callees.get_mut(&a.key)) {
                    sub.level -= 1;
                    if sub.level == 0 {
                        sub.total += total;
                    } else {
                        sub.recursive += 1;
                    }
                    sub.inline += inline;
                    sub.calls += 1;
                }
            }
        }
    }
}

/// The label pstats shows for a built-in (`<built-in method builtins.len>`,
/// `<method 'append' of 'list' objects>`).
fn builtin_label(f: &Value) -> Option<String> {
    if let Some(b) = f.downcast::<PyBuiltinFunction>() {
        return Some(match &b.bound {
            Some(s) if !std::ptr::eq(s.ty(), &crate::objects::module::MODULE_TYPE) => {
                format!("<method '{}' of '{}' objects>", b.def.name, s.ty().tp_name())
            }
            _ if !b.module_name.is_empty() => format!("<built-in method {}.{}>", b.module_name, b.def.name),
            _ => format!("<built-in method {}>", b.def.name),
        });
    }
    f.downcast::<PyMethodDescr>()
        .map(|d| format!("<method '{}' of '{}' objects>", d.def.name, crate::objects::function::method_descr_owner_name(d)))
}

/// The profile function an enabled profiler installs: `(frame, event, arg)`.
fn profiler_dispatch(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, frame, event, arg] = args.exact::<4>("_dispatch")?;
    let prof = this(p)?;
    let event = as_str(event).unwrap_or("");
    let now = prof.now(vm)?;
    match event {
        "call" => {
            let code = ops::getattr_str(vm, frame, "f_code")?;
            prof.enter(Key::Code(code.as_ptr() as usize), code, now);
        }
        "return" => prof.leave(now),
        "c_call" => {
            if prof.state.borrow().builtins {
                if let Some(label) = builtin_label(arg) {
                    prof.enter(Key::Builtin(label.clone()), new_str(&label), now);
                }
            }
        }
        "c_return" | "c_exception" => {
            let native = arg.downcast::<PyBuiltinFunction>().is_some() || arg.downcast::<PyMethodDescr>().is_some();
            if prof.state.borrow().builtins && native {
                prof.leave(now);
            }
        }
        _ => {}
    }
    Ok(none())
}

static DISPATCH_DEF: MethodDef = MethodDef::method("_dispatch", profiler_dispatch);

fn profiler_enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("enable", &[crate::vm::args::p("self"), opt("subcalls"), opt("builtins")]);
    let [me, subcalls, builtins] = SIG.parse::<3>(args)?;
    let me = me.unwrap_or_else(none);
    let p = this(&me)?;
    {
        let subcalls = match subcalls {
            Some(s) => Some(ops::is_true(vm, &s)?),
            None => None,
        };
        let builtins = match builtins {
            Some(b) => Some(ops::is_true(vm, &b)?),
            None => None,
        };
        let mut st = p.state.borrow_mut();
        if let Some(s) = subcalls {
            st.subcalls = s;
        }
        if let Some(b) = builtins {
            st.builtins = b;
        }
        st.enabled = true;
    }
    let hook = crate::objects::function::new_bound_builtin(&DISPATCH_DEF, me.clone());
    vm.set_profile_function(Some(hook));
    Ok(none())
}

/// Ends the activations still open (the call of `disable` itself among them).
fn flush(vm: &mut Vm, p: &PyProfiler) -> PyResult<()> {
    let now = p.now(vm)?;
    while !p.state.borrow().stack.is_empty() {
        p.leave(now);
    }
    Ok(())
}

fn profiler_disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me] = args.exact::<1>("disable")?;
    let p = this(me)?;
    if p.state.borrow().enabled {
        vm.set_profile_function(None);
        p.state.borrow_mut().enabled = false;
        flush(vm, p)?;
    }
    Ok(none())
}

fn profiler_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me] = args.exact::<1>("clear")?;
    let p = this(me)?;
    let mut st = p.state.borrow_mut();
    st.entries.clear();
    st.order.clear();
    st.stack.clear();
    Ok(none())
}

fn entry_types(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let m = crate::vm::import::import_module(vm, "_lsprof")?;
    Ok((ops::getattr_str(vm, &m, "profiler_entry")?, ops::getattr_str(vm, &m, "profiler_subentry")?))
}

fn profiler_getstats(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [me] = args.exact::<1>("getstats")?;
    let p = this(me)?;
    let (entry_t, sub_t) = entry_types(vm)?;
    let f = crate::objects::float::new_float;
    let st = p.state.borrow();
    let mut out = Vec::new();
    for key in &st.order {
        let Some(e) = st.entries.get(key) else { continue };
        let calls = if st.subcalls {
            let mut subs = Vec::new();
            for (ck, s) in &e.callees {
                let Some(callee) = st.entries.get(ck) else { continue };
                subs.push(crate::objects::structseq::new_structseq(
                    &sub_t,
                    vec![callee.object.clone(), new_int(s.calls as i64), new_int(s.recursive as i64), f(s.total), f(s.inline)],
                ));
            }
            crate::objects::list::PyList::new_value(subs)
        } else {
            none()
        };
        let s = &e.stats;
        out.push(crate::objects::structseq::new_structseq(
            &entry_t,
            vec![e.object.clone(), new_int(s.calls as i64), new_int(s.recursive as i64), f(s.total), f(s.inline), calls],
        ));
    }
    Ok(crate::objects::list::PyList::new_value(out))
}

pub static PROFILER_METHODS: &[MethodDef] = &[
    MethodDef::method("enable", profiler_enable),
    MethodDef::method("disable", profiler_disable),
    MethodDef::method("clear", profiler_clear),
    MethodDef::method("getstats", profiler_getstats),
];

fn init(vm: &mut Vm, module: &Value) -> PyResult<()> {
    PROFILER_TYPE.slots.new.set(Some(profiler_new));
    PROFILER_TYPE.slots.init.set(Some(profiler_init));
    crate::objects::typeobject_methods::init_static_type(&PROFILER_TYPE);
    super::add_object(module, "Profiler", PROFILER_TYPE.to_value());
    let entry = crate::objects::structseq::new_structseq_type(
        vm,
        "_lsprof",
        "profiler_entry",
        &["code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"],
    )?;
    super::add_object(module, "profiler_entry", entry);
    let sub = crate::objects::structseq::new_structseq_type(
        vm,
        "_lsprof",
        "profiler_subentry",
        &["code", "callcount", "reccallcount", "totaltime", "inlinetime"],
    )?;
    super::add_object(module, "profiler_subentry", sub);
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef { name: "_lsprof", doc: Some("Fast profiler"), methods: &[], init: Some(init) };
