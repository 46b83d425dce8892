//! `itertools`: iterator building blocks (CPython's `Modules/itertoolsmodule.c`).
//!
//! Every tool is a built-in type whose `tp_iter` returns the object itself and whose
//! `tp_iternext` computes the next item.  Constructors take their arguments eagerly and
//! call `iter()` on their inputs at construction, exactly where CPython does, so errors
//! surface at the same moment (`chain(1)` only fails on `next()`).
//!
//! Each type's state lives in a `RefCell`; it is never borrowed while Python code runs:
//! the iterators and callables needed are cloned out first, and the state is updated
//! afterwards.
//!
//! Layout: this file has the shared machinery and the simple filters and maps;
//! `infinite.rs` has `count`, `cycle`, `repeat`; `grouping.rs` has `groupby`, `tee`,
//! `batched`, `pairwise`, `islice`; `combinatorics.rs` the combinatoric generators.

use std::cell::RefCell;

use super::ModuleDef;
use crate::objects::int::as_int;
use crate::objects::singletons::is_none;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::{MethodDef, PyType};
use crate::runtime::value::Value;
use crate::vm::args::p;
use crate::vm::{ops, overflow_error, type_error, Args, PyResult, Sig, Vm};

mod combinatorics;
mod grouping;
mod infinite;

/// What a type's state owns, for the cycle collector.
trait Trace {
    fn trace(&self, visit: &mut dyn FnMut(&Value));
    /// Moves out the references that can form cycles.
    fn take(&mut self, out: &mut Vec<Value>);
}

/// Implements `Trace` for a state struct from its `Option<Value>` and `Vec<Value>`
/// fields.
macro_rules! impl_trace {
    ($state:ty { $($opt:ident),* } [ $($vec:ident),* ]) => {
        impl $crate::modules::itertools::Trace for $state {
            fn trace(&self, visit: &mut dyn FnMut(&Value)) {
                $( if let Some(v) = &self.$opt { visit(v); } )*
                $( self.$vec.iter().for_each(&mut *visit); )*
            }
            fn take(&mut self, out: &mut Vec<Value>) {
                $( out.extend(self.$opt.take()); )*
                $( out.append(&mut self.$vec); )*
            }
        }
    };
}
pub(crate) use impl_trace;

/// Declares an iterator type: the payload struct holding `RefCell<$state>`, its layout
/// and its static `PyType` (`__module__` is `itertools`).
macro_rules! iter_type {
    ($payload:ident, $state:ty, $layout:ident, $ty:ident, $name:literal, $flags:expr, $methods:expr, $doc:literal) => {
        #[repr(C)]
        pub struct $payload {
            head: $crate::runtime::heap::ObjectHead,
            state: std::cell::RefCell<$state>,
        }

        impl $payload {
            fn traverse(head: &$crate::runtime::heap::ObjectHead, visit: &mut dyn FnMut(&Value)) {
                // SAFETY: only called for objects allocated with this layout.
                let p = unsafe {
                    &*(head as *const $crate::runtime::heap::ObjectHead as *const $payload)
                };
                if let Ok(s) = p.state.try_borrow() {
                    $crate::modules::itertools::Trace::trace(&*s, visit);
                }
            }
            fn clear(head: &$crate::runtime::heap::ObjectHead, out: &mut Vec<Value>) {
                // SAFETY: only called for objects allocated with this layout.
                let p = unsafe {
                    &*(head as *const $crate::runtime::heap::ObjectHead as *const $payload)
                };
                if let Ok(mut s) = p.state.try_borrow_mut() {
                    $crate::modules::itertools::Trace::take(&mut *s, out);
                }
            }
            #[allow(dead_code)]
            fn alloc(cls: Option<&Value>, state: $state) -> Value {
                let ty = cls
                    .and_then($crate::objects::typeobject::as_type)
                    .unwrap_or(&$ty);
                $crate::runtime::heap::alloc(
                    ty,
                    $payload {
                        head: $crate::runtime::heap::ObjectHead::uninit(),
                        state: std::cell::RefCell::new(state),
                    },
                )
            }
            /// The state of `v`, which must be an instance.
            fn of(v: &Value) -> $crate::vm::PyResult<&std::cell::RefCell<$state>> {
                match v.downcast::<$payload>() {
                    Some(p) => Ok(&p.state),
                    None => Err($crate::vm::type_error(format!(
                        "descriptor requires a 'itertools.{}' object but received a '{}'",
                        $name,
                        v.ty().name()
                    ))),
                }
            }
        }

        pub static $layout: $crate::runtime::heap::Layout =
            $crate::payload_layout!($payload, $name, $payload::traverse, $payload::clear);

        impl $crate::runtime::heap::PyPayload for $payload {
            fn layout() -> &'static $crate::runtime::heap::Layout {
                &$layout
            }
            fn static_type() -> &'static $crate::objects::typeobject::PyType {
                &$ty
            }
        }

        pub static $ty: $crate::objects::typeobject::PyType =
            $crate::objects::typeobject::PyType::new_static(
                $crate::objects::typeobject::StaticTypeInit {
                    name: $name,
                    layout: &$layout,
                    flags: $flags,
                    base: Some(&$crate::objects::object::OBJECT_TYPE),
                    methods: $methods,
                    getsets: &[],
                    doc: Some($doc),
                    module: Some("itertools"),
                },
            );
    };
}
pub(crate) use iter_type;

/// Flags of the public iterator types: subclassable and collected.
const ITER_FLAGS: u32 =
    crate::objects::typeobject::flags::BASETYPE | crate::objects::typeobject::flags::HAVE_GC;

/// `tp_iter` of every itertools type.
fn iter_self(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(v.clone())
}

/// `Py_ssize_t` conversion of an `__index__` value (`PyNumber_AsSsize_t` with
/// OverflowError).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = ops::index(vm, v)?;
    as_int(&i)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// The message of CPython's old keyword-argument parser for too many arguments.
fn check_total(args: Args, name: &str, max: usize) -> PyResult<()> {
    let n = args.values.len();
    if n > max {
        return Err(type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Sets `tp_iter`, `tp_iternext` and `tp_new` of a type.
fn set_iter_slots(
    ty: &'static PyType,
    new: crate::objects::typeobject::NewFn,
    next: crate::objects::typeobject::IterNextFn,
) {
    ty.slots.iter.set(Some(iter_self));
    ty.slots.iternext.set(Some(next));
    ty.slots.new.set(Some(new));
}

// ---------------------------------------------------------------------------
// accumulate

struct AccumulateState {
    it: Option<Value>,
    func: Option<Value>,
    total: Option<Value>,
    initial: Option<Value>,
}
impl_trace!(AccumulateState { it, func, total, initial } []);
iter_type!(
    PyAccumulate,
    AccumulateState,
    ACCUMULATE_LAYOUT,
    ACCUMULATE_TYPE,
    "accumulate",
    ITER_FLAGS,
    &[],
    "Return series of accumulated sums (or other binary function results)."
);

fn accumulate_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "accumulate",
        &[
            p("iterable"),
            crate::vm::args::opt("func"),
            crate::vm::args::kw("initial"),
        ],
    );
    let npos = args.positional().len();
    if npos > 2 {
        return Err(type_error(format!(
            "accumulate() takes at most 2 positional arguments ({npos} given)"
        )));
    }
    let [iterable, func, initial] = SIG.parse::<3>(args)?;
    let it = ops::iter(vm, &iterable.expect("required"))?;
    Ok(PyAccumulate::alloc(
        Some(cls),
        AccumulateState {
            it: Some(it),
            func: func.filter(|f| !is_none(f)),
            total: None,
            initial: initial.filter(|i| !is_none(i)),
        },
    ))
}

fn accumulate_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyAccumulate::of(this)?;
    let initial = st.borrow_mut().initial.take();
    if let Some(init) = initial {
        st.borrow_mut().total = Some(init.clone());
        return Ok(Some(init));
    }
    let (it, func, total) = {
        let s = st.borrow();
        (s.it.clone(), s.func.clone(), s.total.clone())
    };
    let Some(it) = it else { return Ok(None) };
    let Some(item) = ops::next(vm, &it)? else {
        return Ok(None);
    };
    let new_total = match (total, func) {
        (None, _) => item,
        (Some(t), None) => ops::binary_op(
            vm,
            &t,
            &item,
            taipan_compiler::bytecode::BinaryOperator::Add,
        )?,
        (Some(t), Some(f)) => crate::vm::call::call(vm, &f, &[t, item])?,
    };
    st.borrow_mut().total = Some(new_total.clone());
    Ok(Some(new_total))
}

// ---------------------------------------------------------------------------
// chain

struct ChainState {
    /// Iterator over the iterables still to chain.
    source: Option<Value>,
    /// Iterator over the current iterable.
    active: Option<Value>,
}
impl_trace!(ChainState { source, active } []);
iter_type!(
    PyChain,
    ChainState,
    CHAIN_LAYOUT,
    CHAIN_TYPE,
    "chain",
    ITER_FLAGS,
    CHAIN_METHODS,
    "Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted."
);

fn chain_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    args.no_kwargs("chain")?;
    let source = ops::iter(vm, &new_tuple(args.positional().to_vec()))?;
    Ok(PyChain::alloc(
        Some(cls),
        ChainState {
            source: Some(source),
            active: None,
        },
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("chain.from_iterable")?;
    let pos = args.positional();
    let (Some(cls), 2) = (pos.first(), pos.len()) else {
        return Err(type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            pos.len().saturating_sub(1)
        )));
    };
    let iterable = &pos[1];
    let source = ops::iter(vm, iterable)?;
    Ok(PyChain::alloc(
        Some(cls),
        ChainState {
            source: Some(source),
            active: None,
        },
    ))
}

fn chain_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyChain::of(this)?;
    loop {
        let active = st.borrow().active.clone();
        match active {
            Some(it) => {
                if let Some(x) = ops::next(vm, &it)? {
                    return Ok(Some(x));
                }
                st.borrow_mut().active = None;
            }
            None => {
                let Some(source) = st.borrow().source.clone() else {
                    return Ok(None);
                };
                match ops::next(vm, &source)? {
                    Some(iterable) => {
                        let it = ops::iter(vm, &iterable)?;
                        st.borrow_mut().active = Some(it);
                    }
                    None => {
                        st.borrow_mut().source = None;
                        return Ok(None);
                    }
                }
            }
        }
    }
}

static CHAIN_METHODS: &[MethodDef] = &[
    MethodDef::classmethod("from_iterable", chain_from_iterable),
    MethodDef::classmethod(
        "__class_getitem__",
        crate::objects::genericalias::class_getitem,
    ),
];

// ---------------------------------------------------------------------------
// compress

struct CompressState {
    data: Option<Value>,
    selectors: Option<Value>,
}
impl_trace!(CompressState { data, selectors } []);
iter_type!(
    PyCompress,
    CompressState,
    COMPRESS_LAYOUT,
    COMPRESS_TYPE,
    "compress",
    ITER_FLAGS,
    &[],
    "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements."
);

fn compress_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compress", &[p("data"), p("selectors")]);
    check_total(args, "compress", 2)?;
    let [data, selectors] = SIG.parse::<2>(args)?;
    let data = ops::iter(vm, &data.expect("required"))?;
    let selectors = ops::iter(vm, &selectors.expect("required"))?;
    Ok(PyCompress::alloc(
        Some(cls),
        CompressState {
            data: Some(data),
            selectors: Some(selectors),
        },
    ))
}

fn compress_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyCompress::of(this)?;
    let (data, selectors) = {
        let s = st.borrow();
        (s.data.clone(), s.selectors.clone())
    };
    let (Some(data), Some(selectors)) = (data, selectors) else {
        return Ok(None);
    };
    loop {
        let Some(d) = ops::next(vm, &data)? else {
            return Ok(None);
        };
        let Some(s) = ops::next(vm, &selectors)? else {
            return Ok(None);
        };
        if ops::is_true(vm, &s)? {
            return Ok(Some(d));
        }
    }
}

// ---------------------------------------------------------------------------
// dropwhile, takewhile, filterfalse, starmap: (function, iterator) pairs

struct PredicateState {
    func: Option<Value>,
    it: Option<Value>,
    /// dropwhile: the predicate has failed once; takewhile: iteration has stopped.
    done: bool,
}
impl_trace!(PredicateState { func, it } []);

iter_type!(
    PyDropWhile,
    PredicateState,
    DROPWHILE_LAYOUT,
    DROPWHILE_TYPE,
    "dropwhile",
    ITER_FLAGS,
    &[],
    "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted."
);
iter_type!(
    PyTakeWhile,
    PredicateState,
    TAKEWHILE_LAYOUT,
    TAKEWHILE_TYPE,
    "takewhile",
    ITER_FLAGS,
    &[],
    "Return successive entries from an iterable as long as the predicate evaluates to true for each entry."
);
iter_type!(
    PyFilterFalse,
    PredicateState,
    FILTERFALSE_LAYOUT,
    FILTERFALSE_TYPE,
    "filterfalse",
    ITER_FLAGS,
    &[],
    "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false."
);
iter_type!(
    PyStarMap,
    PredicateState,
    STARMAP_LAYOUT,
    STARMAP_TYPE,
    "starmap",
    ITER_FLAGS,
    &[],
    "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."
);

/// `(function, iterable)` positional-only constructor arguments.
fn func_and_iter(vm: &mut Vm, args: Args, name: &str) -> PyResult<PredicateState> {
    args.no_kwargs(name)?;
    let [func, iterable] = args.exact::<2>(name)?;
    let it = ops::iter(vm, iterable)?;
    Ok(PredicateState {
        func: Some(func.clone()),
        it: Some(it),
        done: false,
    })
}

fn dropwhile_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let st = func_and_iter(vm, args, "dropwhile")?;
    Ok(PyDropWhile::alloc(Some(cls), st))
}

fn takewhile_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let st = func_and_iter(vm, args, "takewhile")?;
    Ok(PyTakeWhile::alloc(Some(cls), st))
}

fn filterfalse_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let st = func_and_iter(vm, args, "filterfalse")?;
    Ok(PyFilterFalse::alloc(Some(cls), st))
}

fn starmap_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let st = func_and_iter(vm, args, "starmap")?;
    Ok(PyStarMap::alloc(Some(cls), st))
}

fn func_iter_done(st: &RefCell<PredicateState>) -> Option<(Value, Value, bool)> {
    let s = st.borrow();
    Some((s.func.clone()?, s.it.clone()?, s.done))
}

fn dropwhile_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyDropWhile::of(this)?;
    let Some((func, it, done)) = func_iter_done(st) else {
        return Ok(None);
    };
    loop {
        let Some(item) = ops::next(vm, &it)? else {
            return Ok(None);
        };
        if done {
            return Ok(Some(item));
        }
        let r = crate::vm::call::call(vm, &func, std::slice::from_ref(&item))?;
        if !ops::is_true(vm, &r)? {
            st.borrow_mut().done = true;
            return Ok(Some(item));
        }
    }
}

fn takewhile_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyTakeWhile::of(this)?;
    let Some((func, it, done)) = func_iter_done(st) else {
        return Ok(None);
    };
    if done {
        return Ok(None);
    }
    let Some(item) = ops::next(vm, &it)? else {
        return Ok(None);
    };
    let r = crate::vm::call::call(vm, &func, std::slice::from_ref(&item))?;
    if ops::is_true(vm, &r)? {
        return Ok(Some(item));
    }
    st.borrow_mut().done = true;
    Ok(None)
}

fn filterfalse_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyFilterFalse::of(this)?;
    let Some((func, it, _)) = func_iter_done(st) else {
        return Ok(None);
    };
    loop {
        let Some(item) = ops::next(vm, &it)? else {
            return Ok(None);
        };
        let keep = if is_none(&func) {
            !ops::is_true(vm, &item)?
        } else {
            let r = crate::vm::call::call(vm, &func, std::slice::from_ref(&item))?;
            !ops::is_true(vm, &r)?
        };
        if keep {
            return Ok(Some(item));
        }
    }
}

fn starmap_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyStarMap::of(this)?;
    let Some((func, it, _)) = func_iter_done(st) else {
        return Ok(None);
    };
    let Some(item) = ops::next(vm, &it)? else {
        return Ok(None);
    };
    let call_args = ops::collect_iter(vm, &item)?;
    crate::vm::call::call(vm, &func, &call_args).map(Some)
}

// ---------------------------------------------------------------------------
// zip_longest

struct ZipLongestState {
    /// One slot per input; `None` once that input is exhausted.
    iters: Vec<Option<Value>>,
    fillvalue: Option<Value>,
    active: usize,
}

impl Trace for ZipLongestState {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.iters.iter().flatten().for_each(&mut *visit);
        if let Some(f) = &self.fillvalue {
            visit(f);
        }
    }
    fn take(&mut self, out: &mut Vec<Value>) {
        out.extend(self.iters.drain(..).flatten());
        out.extend(self.fillvalue.take());
        self.active = 0;
    }
}

iter_type!(
    PyZipLongest,
    ZipLongestState,
    ZIPLONGEST_LAYOUT,
    ZIPLONGEST_TYPE,
    "zip_longest",
    ITER_FLAGS,
    &[],
    "Return a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument."
);

fn zip_longest_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let mut fillvalue = None;
    for (k, v) in args.kwargs() {
        if crate::objects::str::as_str(k) == Some("fillvalue") {
            fillvalue = Some(v.clone());
        } else {
            return Err(type_error(
                "zip_longest() got an unexpected keyword argument",
            ));
        }
    }
    let mut iters = Vec::with_capacity(args.positional().len());
    for a in args.positional() {
        iters.push(Some(ops::iter(vm, a)?));
    }
    let active = iters.len();
    Ok(PyZipLongest::alloc(
        Some(cls),
        ZipLongestState {
            iters,
            fillvalue: Some(fillvalue.unwrap_or_else(crate::objects::singletons::none)),
            active,
        },
    ))
}

fn zip_longest_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let st = PyZipLongest::of(this)?;
    let (iters, fill, active) = {
        let s = st.borrow();
        (
            s.iters.clone(),
            s.fillvalue
                .clone()
                .unwrap_or_else(crate::objects::singletons::none),
            s.active,
        )
    };
    if iters.is_empty() || active == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        let Some(it) = it else {
            out.push(fill.clone());
            continue;
        };
        let next = ops::next(vm, it);
        if next.is_err() {
            // An error ends the whole iteration, as in CPython.
            let mut s = st.borrow_mut();
            s.active = 0;
            let dropped = std::mem::take(&mut s.iters);
            drop(s);
            drop(dropped);
        }
        match next? {
            Some(x) => out.push(x),
            None => {
                let mut s = st.borrow_mut();
                s.active = s.active.saturating_sub(1);
                if s.active == 0 {
                    s.iters.clear();
                    return Ok(None);
                }
                if let Some(slot) = s.iters.get_mut(i) {
                    *slot = None;
                }
                out.push(fill.clone());
            }
        }
    }
    Ok(Some(new_tuple(out)))
}

// ---------------------------------------------------------------------------

pub static ITERTOOLS_METHODS: &[MethodDef] = &[MethodDef::method("tee", grouping::tee)];

/// Fills the slots of this module's types (once).
fn init_types() {
    set_iter_slots(&ACCUMULATE_TYPE, accumulate_new, accumulate_next);
    set_iter_slots(&CHAIN_TYPE, chain_new, chain_next);
    set_iter_slots(&COMPRESS_TYPE, compress_new, compress_next);
    set_iter_slots(&DROPWHILE_TYPE, dropwhile_new, dropwhile_next);
    set_iter_slots(&TAKEWHILE_TYPE, takewhile_new, takewhile_next);
    set_iter_slots(&FILTERFALSE_TYPE, filterfalse_new, filterfalse_next);
    set_iter_slots(&STARMAP_TYPE, starmap_new, starmap_next);
    set_iter_slots(&ZIPLONGEST_TYPE, zip_longest_new, zip_longest_next);
    infinite::init_types();
    grouping::init_types();
    combinatorics::init_types();
    for t in all_types() {
        crate::objects::typeobject_methods::init_static_type(t);
    }
}

fn all_types() -> [&'static PyType; 22] {
    [
        &ACCUMULATE_TYPE,
        &grouping::BATCHED_TYPE,
        &CHAIN_TYPE,
        &combinatorics::COMBINATIONS_TYPE,
        &combinatorics::CWR_TYPE,
        &COMPRESS_TYPE,
        &infinite::COUNT_TYPE,
        &infinite::CYCLE_TYPE,
        &DROPWHILE_TYPE,
        &FILTERFALSE_TYPE,
        &grouping::GROUPBY_TYPE,
        &grouping::GROUPER_TYPE,
        &grouping::ISLICE_TYPE,
        &grouping::PAIRWISE_TYPE,
        &combinatorics::PERMUTATIONS_TYPE,
        &combinatorics::PRODUCT_TYPE,
        &infinite::REPEAT_TYPE,
        &STARMAP_TYPE,
        &TAKEWHILE_TYPE,
        &grouping::TEE_TYPE,
        &grouping::TEEDATA_TYPE,
        &ZIPLONGEST_TYPE,
    ]
}

fn itertools_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    for t in all_types() {
        t.with_name(|name| super::add_object(module, name, t.to_value()));
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "itertools",
    doc: Some("Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\nIterators terminating on the shortest input sequence:\naccumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\nbatched(p, n) --> [p0, p1, ..., p_n-1], [p_n, p_n+1, ..., p_2n-1], ...\nchain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\nchain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\ncompress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\ndropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\ngroupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\nfilterfalse(pred, seq) --> elements of seq where pred(elem) is False\nislice(seq, [start,] stop [, step]) --> elements from\n       seq[start:stop:step]\npairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\nstarmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\ntee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\ntakewhile(pred, seq) --> seq[0], seq[1], until pred fails\nzip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\nCombinatoric generators:\nproduct(p, q, ... [repeat=1]) --> cartesian product\npermutations(p[, r])\ncombinations(p, r)\ncombinations_with_replacement(p, r)\n"),
    methods: ITERTOOLS_METHODS,
    init: Some(itertools_init),
};
