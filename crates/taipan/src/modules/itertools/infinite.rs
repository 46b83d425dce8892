//! The infinite iterators `count`, `cycle` and `repeat` (CPython's `count_*`,
//! `cycle_*` and `repeat_*` in `Modules/itertoolsmodule.c`).

use taipan_compiler::bytecode::BinaryOperator;

use super::{check_total, impl_trace, iter_type, set_iter_slots, ssize_arg, Trace, ITER_FLAGS};
use crate::objects::int::{as_int, is_int, new_int, IntRef};
use crate::objects::str::new_string;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::opt;
use crate::vm::{ops, type_error, Args, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------
// count

/// `count` counts in an `i64` while the step is 1 and the count fits (CPython's fast
/// mode), and with the number protocol otherwise.
enum CountState {
    Fast(i64),
    Slow {
        cnt: Option<Value>,
        step: Option<Value>,
    },
}

impl Trace for CountState {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let CountState::Slow { cnt, step } = self {
            cnt.iter().chain(step.iter()).for_each(visit);
        }
    }
    fn take(&mut self, out: &mut Vec<Value>) {
        if let CountState::Slow { cnt, step } = self {
            out.extend(cnt.take());
            out.extend(step.take());
        }
    }
}

iter_type!(
    PyCount,
    CountState,
    COUNT_LAYOUT,
    COUNT_TYPE,
    "count",
    ITER_FLAGS,
    &[],
    "Return a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step"
);

/// `PyNumber_Check`: ints, floats, complex, and anything with `__index__`,
/// `__int__` or `__float__`.
fn is_number(v: &Value) -> bool {
    if is_int(v) || crate::objects::float::as_f64(v).is_some() {
        return true;
    }
    let s = &v.ty().slots;
    s.index.get().is_some()
        || s.int.get().is_some()
        || s.float.get().is_some()
        || v.ty().with_name(|n| n == "complex")
}

fn count_new(_vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("count", &[opt("start"), opt("step")]);
    check_total(args, "count", 2)?;
    let [start, step] = SIG.parse::<2>(args)?;
    for v in start.iter().chain(step.iter()) {
        if !is_number(v) {
            return Err(type_error("a number is required"));
        }
    }
    let step_is_one = match &step {
        None => true,
        Some(s) => matches!(as_int(s), Some(IntRef::Small(1))),
    };
    let fast_start = match &start {
        None => Some(0),
        Some(s) => match as_int(s) {
            Some(IntRef::Small(i)) => Some(i),
            _ => None,
        },
    };
    let state = match (fast_start, step_is_one) {
        (Some(i), true) => CountState::Fast(i),
        _ => CountState::Slow {
            cnt: Some(start.unwrap_or_else(|| new_int(0))),
            step: Some(step.unwrap_or_else(|| new_int(1))),
        },
    };
    Ok(PyCount::alloc(Some(cls), state))
}

fn count_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyCount::of(this)?;
    let (cnt, step) = match &mut *st.borrow_mut() {
        CountState::Fast(i) => match i.checked_add(1) {
            Some(n) if n < crate::runtime::value::SMALL_INT_MAX => {
                let r = *i;
                *i = n;
                return Ok(Some(new_int(r)));
            }
            _ => (new_int(*i), new_int(1)),
        },
        CountState::Slow {
            cnt: Some(c),
            step: Some(s),
        } => (c.clone(), s.clone()),
        CountState::Slow { .. } => return Ok(None),
    };
    let next = ops::binary_op(vm, &cnt, &step, BinaryOperator::Add)?;
    *st.borrow_mut() = CountState::Slow {
        cnt: Some(next),
        step: Some(step),
    };
    Ok(Some(cnt))
}

fn count_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let name = this.ty().name();
    let (cnt, step) = match &*PyCount::of(this)?.borrow() {
        CountState::Fast(i) => (new_int(*i), None),
        CountState::Slow { cnt, step } => (cnt.clone().unwrap_or_else(|| new_int(0)), step.clone()),
    };
    let cnt = ops::repr_string(vm, &cnt)?;
    match step {
        Some(s) if !matches!(as_int(&s), Some(IntRef::Small(1))) => {
            let s = ops::repr_string(vm, &s)?;
            Ok(new_string(format!("{name}({cnt}, {s})")))
        }
        _ => Ok(new_string(format!("{name}({cnt})"))),
    }
}

// ---------------------------------------------------------------------------
// cycle

struct CycleState {
    it: Option<Value>,
    saved: Vec<Value>,
    /// Position in `saved` once the input is exhausted.
    index: usize,
    replaying: bool,
}
impl_trace!(CycleState { it }[saved]);
iter_type!(
    PyCycle,
    CycleState,
    CYCLE_LAYOUT,
    CYCLE_TYPE,
    "cycle",
    ITER_FLAGS,
    &[],
    "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."
);

fn cycle_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("cycle")?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "cycle expected 1 argument, got {}",
            pos.len()
        )));
    }
    let iterable = &pos[0];
    let it = ops::iter(vm, iterable)?;
    Ok(PyCycle::alloc(
        Some(cls),
        CycleState {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
            replaying: false,
        },
    ))
}

fn cycle_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyCycle::of(this)?;
    let (it, replaying) = {
        let s = st.borrow();
        (s.it.clone(), s.replaying)
    };
    if !replaying {
        if let Some(it) = it {
            if let Some(x) = ops::next(vm, &it)? {
                st.borrow_mut().saved.push(x.clone());
                return Ok(Some(x));
            }
        }
        let mut s = st.borrow_mut();
        s.it = None;
        s.replaying = true;
        s.index = 0;
    }
    let mut s = st.borrow_mut();
    if s.saved.is_empty() {
        return Ok(None);
    }
    if s.index >= s.saved.len() {
        s.index = 0;
    }
    let x = s.saved[s.index].clone();
    s.index += 1;
    Ok(Some(x))
}

// ---------------------------------------------------------------------------
// repeat

struct RepeatState {
    element: Option<Value>,
    /// Remaining repetitions; `None` repeats forever.
    remaining: Option<i64>,
}
impl_trace!(RepeatState { element } []);
iter_type!(
    PyRepeat,
    RepeatState,
    REPEAT_LAYOUT,
    REPEAT_TYPE,
    "repeat",
    ITER_FLAGS,
    REPEAT_METHODS,
    "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly."
);

fn repeat_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("repeat", &[crate::vm::args::p("object"), opt("times")]);
    check_total(args, "repeat", 2)?;
    let [element, times] = SIG.parse::<2>(args)?;
    let remaining = match times {
        Some(t) => Some(ssize_arg(vm, &t)?.max(0)),
        None => None,
    };
    Ok(PyRepeat::alloc(
        Some(cls),
        RepeatState { element, remaining },
    ))
}

fn repeat_next(_vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyRepeat::of(this)?;
    let mut s = st.borrow_mut();
    match &mut s.remaining {
        Some(0) => return Ok(None),
        Some(n) => *n -= 1,
        None => {}
    }
    Ok(s.element.clone())
}

fn repeat_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let name = this.ty().name();
    let (element, remaining) = {
        let s = PyRepeat::of(this)?.borrow();
        (s.element.clone(), s.remaining)
    };
    let Some(element) = element else {
        return Ok(new_string(format!("{name}()")));
    };
    let r = ops::repr_string(vm, &element)?;
    Ok(new_string(match remaining {
        Some(n) => format!("{name}({r}, {n})"),
        None => format!("{name}({r})"),
    }))
}

fn repeat_length_hint(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__length_hint__")?;
    match PyRepeat::of(this)?.borrow().remaining {
        Some(n) => Ok(new_int(n)),
        None => Err(type_error("len() of unsized object")),
    }
}

static REPEAT_METHODS: &[MethodDef] = &[MethodDef::method("__length_hint__", repeat_length_hint)];

pub(super) fn init_types() {
    set_iter_slots(&COUNT_TYPE, count_new, count_next);
    COUNT_TYPE.slots.repr.set(Some(count_repr));
    set_iter_slots(&CYCLE_TYPE, cycle_new, cycle_next);
    set_iter_slots(&REPEAT_TYPE, repeat_new, repeat_next);
    REPEAT_TYPE.slots.repr.set(Some(repeat_repr));
}
