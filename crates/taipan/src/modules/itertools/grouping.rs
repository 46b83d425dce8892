//! `groupby` (with `_grouper`), `tee` (with `_tee` and `_tee_dataobject`),
//! `batched`, `pairwise` and `islice`, after the corresponding parts of CPython's
//! `Modules/itertoolsmodule.c`.

use super::{check_total, impl_trace, iter_type, set_iter_slots, ssize_arg, ITER_FLAGS};
use crate::objects::exceptions;
use crate::objects::singletons::is_none;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{flags, MethodDef};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt, p};
use crate::vm::{ops, runtime_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

// ---------------------------------------------------------------------------
// groupby and _grouper

struct GroupByState {
    it: Option<Value>,
    keyfunc: Option<Value>,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Identifies the current `_grouper`; bumped by every `next()` on the groupby so
    /// earlier groupers stop (CPython compares `currgrouper` pointers).
    generation: u64,
}
impl_trace!(GroupByState { it, keyfunc, tgtkey, currkey, currvalue } []);
iter_type!(
    PyGroupBy,
    GroupByState,
    GROUPBY_LAYOUT,
    GROUPBY_TYPE,
    "groupby",
    ITER_FLAGS,
    &[],
    "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping."
);

struct GrouperState {
    parent: Option<Value>,
    tgtkey: Option<Value>,
    generation: u64,
}
impl_trace!(GrouperState { parent, tgtkey } []);
iter_type!(
    PyGrouper,
    GrouperState,
    GROUPER_LAYOUT,
    GROUPER_TYPE,
    "_grouper",
    flags::HAVE_GC,
    &[],
    ""
);

fn groupby_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("groupby", &[p("iterable"), opt("key")]);
    check_total(args, "groupby", 2)?;
    let [iterable, key] = SIG.parse::<2>(args)?;
    let it = ops::iter(vm, &iterable.expect("required"))?;
    Ok(PyGroupBy::alloc(
        Some(cls),
        GroupByState {
            it: Some(it),
            keyfunc: key.filter(|k| !is_none(k)),
            tgtkey: None,
            currkey: None,
            currvalue: None,
            generation: 0,
        },
    ))
}

/// Advances the underlying iterator: `currvalue`, `currkey = key(currvalue)`.
/// `Ok(false)` when it is exhausted (CPython's `groupby_step`).
fn groupby_step(vm: &mut Vm, parent: &Value) -> PyResult<bool> {
    let st = PyGroupBy::of(parent)?;
    let (it, keyfunc) = {
        let s = st.borrow();
        (s.it.clone(), s.keyfunc.clone())
    };
    let Some(it) = it else { return Ok(false) };
    let Some(value) = ops::next(vm, &it)? else {
        return Ok(false);
    };
    let key = match keyfunc {
        Some(f) => crate::vm::call::call(vm, &f, std::slice::from_ref(&value))?,
        None => value.clone(),
    };
    let mut s = st.borrow_mut();
    let old = (s.currvalue.replace(value), s.currkey.replace(key));
    drop(s);
    drop(old);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyGroupBy::of(this)?;
    st.borrow_mut().generation += 1;
    loop {
        let (currkey, tgtkey) = {
            let s = st.borrow();
            (s.currkey.clone(), s.tgtkey.clone())
        };
        if let Some(ck) = currkey {
            match tgtkey {
                None => break,
                Some(tk) => {
                    if !ops::eq(vm, &tk, &ck)? {
                        break;
                    }
                }
            }
        }
        if !groupby_step(vm, this)? {
            return Ok(None);
        }
    }
    let (key, generation) = {
        let mut s = st.borrow_mut();
        s.tgtkey = s.currkey.clone();
        (s.currkey.clone(), s.generation)
    };
    let Some(key) = key else { return Ok(None) };
    let grouper = PyGrouper::alloc(
        None,
        GrouperState {
            parent: Some(this.clone()),
            tgtkey: Some(key.clone()),
            generation,
        },
    );
    Ok(Some(new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let (parent, tgtkey, generation) = {
        let s = PyGrouper::of(this)?.borrow();
        match (s.parent.clone(), s.tgtkey.clone()) {
            (Some(p), Some(t)) => (p, t, s.generation),
            _ => return Ok(None),
        }
    };
    let pst = PyGroupBy::of(&parent)?;
    if pst.borrow().generation != generation {
        return Ok(None);
    }
    let needs_step = pst.borrow().currvalue.is_none();
    if needs_step && !groupby_step(vm, &parent)? {
        return Ok(None);
    }
    let Some(currkey) = pst.borrow().currkey.clone() else {
        return Ok(None);
    };
    if !ops::eq(vm, &tgtkey, &currkey)? {
        return Ok(None);
    }
    let value = pst.borrow_mut().currvalue.take();
    Ok(value)
}

// ---------------------------------------------------------------------------
// tee: `_tee` iterators reading a shared linked list of `_tee_dataobject` blocks

/// Items per `_tee_dataobject` block; a block is freed once every `_tee` has moved
/// past it.
const TEE_BLOCK: usize = 57;

struct TeeDataState {
    it: Option<Value>,
    values: Vec<Value>,
    next: Option<Value>,
    running: bool,
}
impl_trace!(TeeDataState { it, next }[values]);
iter_type!(
    PyTeeData,
    TeeDataState,
    TEEDATA_LAYOUT,
    TEEDATA_TYPE,
    "_tee_dataobject",
    flags::HAVE_GC,
    &[],
    "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects."
);

struct TeeState {
    data: Option<Value>,
    index: usize,
}
impl_trace!(TeeState { data } []);
iter_type!(
    PyTee,
    TeeState,
    TEE_LAYOUT,
    TEE_TYPE,
    "_tee",
    flags::HAVE_GC,
    TEE_METHODS,
    "Iterator wrapped to make it copyable."
);

fn new_teedata(it: Value) -> Value {
    PyTeeData::alloc(
        None,
        TeeDataState {
            it: Some(it),
            values: Vec::new(),
            next: None,
            running: false,
        },
    )
}

/// A `_tee` over `it`, or a copy when `it` already is one (`tee_fromiterable`).
fn tee_fromiterable(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    let it = ops::iter(vm, iterable)?;
    if it.downcast::<PyTee>().is_some() {
        return tee_copy_of(&it);
    }
    Ok(PyTee::alloc(
        None,
        TeeState {
            data: Some(new_teedata(it)),
            index: 0,
        },
    ))
}

fn tee_copy_of(v: &Value) -> PyResult<Value> {
    let (data, index) = {
        let s = PyTee::of(v)?.borrow();
        (s.data.clone(), s.index)
    };
    Ok(PyTee::alloc(None, TeeState { data, index }))
}

fn tee_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("_tee")?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "_tee expected 1 argument, got {}",
            pos.len()
        )));
    }
    tee_fromiterable(vm, &pos[0])
}

/// Item `i` of a block, reading the shared iterator when `i` is just past the end.
fn teedata_getitem(vm: &mut Vm, block: &Value, i: usize) -> PyResult<Option<Value>> {
    let st = PyTeeData::of(block)?;
    let it = {
        let s = st.borrow();
        if let Some(v) = s.values.get(i) {
            return Ok(Some(v.clone()));
        }
        if s.running {
            return Err(runtime_error("cannot re-enter the tee iterator"));
        }
        match s.it.clone() {
            Some(it) => it,
            None => return Ok(None),
        }
    };
    st.borrow_mut().running = true;
    let r = ops::next(vm, &it);
    st.borrow_mut().running = false;
    match r? {
        Some(x) => {
            st.borrow_mut().values.push(x.clone());
            Ok(Some(x))
        }
        None => Ok(None),
    }
}

/// The block after `block`, created on first use.
fn teedata_jump(block: &Value) -> PyResult<Value> {
    let st = PyTeeData::of(block)?;
    let mut s = st.borrow_mut();
    if let Some(n) = &s.next {
        return Ok(n.clone());
    }
    let Some(it) = s.it.clone() else {
        return Err(PyErr::new(
            &exceptions::RUNTIME_ERROR,
            "tee data block without an iterator",
        ));
    };
    let next = new_teedata(it);
    s.next = Some(next.clone());
    Ok(next)
}

fn tee_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyTee::of(this)?;
    let (mut data, mut index) = {
        let s = st.borrow();
        match s.data.clone() {
            Some(d) => (d, s.index),
            None => return Ok(None),
        }
    };
    if index >= TEE_BLOCK {
        data = teedata_jump(&data)?;
        index = 0;
        let mut s = st.borrow_mut();
        let old = s.data.replace(data.clone());
        s.index = 0;
        drop(s);
        drop(old);
    }
    let r = teedata_getitem(vm, &data, index)?;
    if r.is_some() {
        st.borrow_mut().index = index + 1;
    }
    Ok(r)
}

fn tee_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__copy__")?;
    tee_copy_of(this)
}

static TEE_METHODS: &[MethodDef] = &[MethodDef::method("__copy__", tee_copy)];

/// `itertools.tee(iterable, n=2, /)`.
pub(super) fn tee(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("itertools.tee")?;
    let pos = args.check("tee", 1, 2)?;
    let n = match pos.get(1) {
        Some(n) => ssize_arg(vm, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(new_tuple(Vec::new()));
    }
    let it = ops::iter(vm, &pos[0])?;
    let copy_name = crate::objects::str::intern("__copy__");
    let (first, copyfunc) = match ops::getattr_opt(vm, &it, &copy_name)? {
        Some(f) => (it, f),
        None => {
            let t = PyTee::alloc(
                None,
                TeeState {
                    data: Some(new_teedata(it)),
                    index: 0,
                },
            );
            let f = ops::getattr(vm, &t, &copy_name)?;
            (t, f)
        }
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(crate::vm::call::call(vm, &copyfunc, &[])?);
    }
    Ok(new_tuple(out))
}

// ---------------------------------------------------------------------------
// batched

struct BatchedState {
    it: Option<Value>,
    n: usize,
    strict: bool,
}
impl_trace!(BatchedState { it } []);
iter_type!(
    PyBatched,
    BatchedState,
    BATCHED_LAYOUT,
    BATCHED_TYPE,
    "batched",
    ITER_FLAGS,
    &[],
    "Batch data into tuples of length n. The last batch may be shorter than n.\n\nLoops over the input iterable and accumulates data into tuples\nup to size n.  The input is consumed lazily, just enough to\nfill a batch.  The result is yielded as soon as a batch is full\nor when the input iterable is exhausted.\n\n    >>> for batch in batched('ABCDEFG', 3):\n    ...     print(batch)\n    ...\n    ('A', 'B', 'C')\n    ('D', 'E', 'F')\n    ('G',)\n\nIf \"strict\" is True, raises a ValueError if the final batch is shorter\nthan n."
);

fn batched_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("batched", &[p("iterable"), p("n"), kw("strict")]);
    let npos = args.positional().len();
    if npos > 2 {
        return Err(type_error(format!(
            "batched() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let [iterable, n, strict] = SIG.parse::<3>(args)?;
    let n = ssize_arg(vm, &n.expect("required"))?;
    if n < 1 {
        return Err(value_error("n must be at least one"));
    }
    let it = ops::iter(vm, &iterable.expect("required"))?;
    let strict = match strict {
        Some(s) => ops::is_true(vm, &s)?,
        None => false,
    };
    Ok(PyBatched::alloc(
        Some(cls),
        BatchedState {
            it: Some(it),
            n: n as usize,
            strict,
        },
    ))
}

fn batched_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyBatched::of(this)?;
    let (it, n, strict) = {
        let s = st.borrow();
        (s.it.clone(), s.n, s.strict)
    };
    let Some(it) = it else { return Ok(None) };
    let mut batch = Vec::with_capacity(n.min(1024));
    while batch.len() < n {
        match ops::next(vm, &it) {
            Ok(Some(x)) => batch.push(x),
            Ok(None) => break,
            Err(e) => {
                st.borrow_mut().it = None;
                return Err(e);
            }
        }
    }
    if batch.len() < n {
        st.borrow_mut().it = None;
        if batch.is_empty() {
            return Ok(None);
        }
        if strict {
            return Err(value_error("batched(): incomplete batch"));
        }
    }
    Ok(Some(new_tuple(batch)))
}

// ---------------------------------------------------------------------------
// pairwise

struct PairwiseState {
    it: Option<Value>,
    old: Option<Value>,
}
impl_trace!(PairwiseState { it, old } []);
iter_type!(
    PyPairwise,
    PairwiseState,
    PAIRWISE_LAYOUT,
    PAIRWISE_TYPE,
    "pairwise",
    ITER_FLAGS,
    &[],
    "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), (s2, s3), ..."
);

fn pairwise_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("pairwise")?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(type_error(format!(
            "pairwise expected 1 argument, got {}",
            pos.len()
        )));
    }
    let it = ops::iter(vm, &pos[0])?;
    Ok(PyPairwise::alloc(
        Some(cls),
        PairwiseState {
            it: Some(it),
            old: None,
        },
    ))
}

fn pairwise_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyPairwise::of(this)?;
    let (it, old) = {
        let s = st.borrow();
        (s.it.clone(), s.old.clone())
    };
    let Some(it) = it else { return Ok(None) };
    let old = match old {
        Some(o) => o,
        None => match ops::next(vm, &it)? {
            Some(o) => {
                st.borrow_mut().old = Some(o.clone());
                o
            }
            None => {
                st.borrow_mut().it = None;
                return Ok(None);
            }
        },
    };
    match ops::next(vm, &it)? {
        Some(new) => {
            let prev = st.borrow_mut().old.replace(new.clone());
            drop(prev);
            Ok(Some(new_tuple(vec![old, new])))
        }
        None => {
            let mut s = st.borrow_mut();
            let dropped = (s.it.take(), s.old.take());
            drop(s);
            drop(dropped);
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------------------
// islice

struct IsliceState {
    it: Option<Value>,
    /// Index of the next item to return.
    next: i64,
    /// `None` for no limit.
    stop: Option<i64>,
    step: i64,
    /// Items consumed so far.
    count: i64,
}
impl_trace!(IsliceState { it } []);
iter_type!(
    PyIslice,
    IsliceState,
    ISLICE_LAYOUT,
    ISLICE_TYPE,
    "islice",
    ITER_FLAGS,
    &[],
    "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step determines how many values are\nskipped between successive calls.  Works like a slice() on a list\nbut returns an iterator."
);

const STOP_MSG: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDICES_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An islice bound: None, or an index fitting `Py_ssize_t`.
fn islice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if is_none(v) {
        return Ok(None);
    }
    ssize_arg(vm, v).map(Some)
}

fn islice_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("islice")?;
    let pos = args.check("islice", 2, 4)?;
    // CPython's islice_new: a bad start becomes -1 (reported as bad indices after the
    // stop check), a bad stop is reported at once, a bad step becomes -1.
    let (start_arg, stop_arg) = if pos.len() == 2 {
        (None, &pos[1])
    } else {
        (Some(&pos[1]), &pos[2])
    };
    let start = match start_arg {
        Some(v) => islice_bound(vm, v).unwrap_or(Some(-1)).unwrap_or(0),
        None => 0,
    };
    let stop = match islice_bound(vm, stop_arg) {
        Ok(Some(-1)) | Err(_) => return Err(value_error(STOP_MSG)),
        Ok(s) => s,
    };
    if start < 0 || stop.is_some_and(|s| s < 0) {
        return Err(value_error(INDICES_MSG));
    }
    let step = match pos.get(3) {
        Some(v) => islice_bound(vm, v).unwrap_or(Some(-1)).unwrap_or(1),
        None => 1,
    };
    if step < 1 {
        return Err(value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    let it = ops::iter(vm, &pos[0])?;
    Ok(PyIslice::alloc(
        Some(cls),
        IsliceState {
            it: Some(it),
            next: start,
            stop,
            step,
            count: 0,
        },
    ))
}

fn islice_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyIslice::of(this)?;
    let (it, next, stop) = {
        let s = st.borrow();
        (s.it.clone(), s.next, s.stop)
    };
    let Some(it) = it else { return Ok(None) };
    let exhausted = |st: &std::cell::RefCell<IsliceState>| {
        let old = st.borrow_mut().it.take();
        drop(old);
        Ok(None)
    };
    while st.borrow().count < next {
        if ops::next(vm, &it)?.is_none() {
            return exhausted(st);
        }
        st.borrow_mut().count += 1;
    }
    if stop.is_some_and(|s| st.borrow().count >= s) {
        return exhausted(st);
    }
    let Some(item) = ops::next(vm, &it)? else {
        return exhausted(st);
    };
    let mut s = st.borrow_mut();
    s.count += 1;
    let old = s.next;
    s.next = match old.checked_add(s.step) {
        Some(n) => match s.stop {
            Some(stop) if n > stop => stop,
            _ => n,
        },
        None => s.stop.unwrap_or(i64::MAX),
    };
    Ok(Some(item))
}

pub(super) fn init_types() {
    set_iter_slots(&GROUPBY_TYPE, groupby_new, groupby_next);
    GROUPER_TYPE.slots.iter.set(Some(super::iter_self));
    GROUPER_TYPE.slots.iternext.set(Some(grouper_next));
    set_iter_slots(&TEE_TYPE, tee_new, tee_next);
    set_iter_slots(&BATCHED_TYPE, batched_new, batched_next);
    set_iter_slots(&PAIRWISE_TYPE, pairwise_new, pairwise_next);
    set_iter_slots(&ISLICE_TYPE, islice_new, islice_next);
}
