//! The combinatoric iterators `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`.  Their inputs are read into tuples ("pools") at
//! construction; each `next()` advances a vector of indices into the pools, in the
//! lexicographic order the `itertools` documentation specifies.

use super::{check_total, impl_trace, iter_type, set_iter_slots, ssize_arg, ITER_FLAGS};
use crate::objects::int::{as_int, IntRef};
use crate::objects::singletons::is_none;
use crate::objects::str::as_str;
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p};
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyResult, Sig, Vm};

/// Shared state: `pools` are tuples; `result` is `None` before the first item.
struct CombState {
    pools: Vec<Value>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}
impl_trace!(CombState {}[pools]);

impl CombState {
    fn new(pools: Vec<Value>, r: usize) -> CombState {
        CombState {
            pools,
            indices: Vec::new(),
            cycles: Vec::new(),
            r,
            started: false,
            stopped: false,
        }
    }
    /// The single pool of permutations/combinations.
    fn pool(&self) -> &[Value] {
        self.pools.first().and_then(as_tuple).unwrap_or(&[])
    }
    /// `tuple(pool[i] for i in indices[:r])`.
    fn select(&self) -> Value {
        let pool = self.pool();
        new_tuple(
            self.indices
                .iter()
                .take(self.r)
                .filter_map(|&i| pool.get(i).cloned())
                .collect(),
        )
    }
}

iter_type!(
    PyProduct,
    CombState,
    PRODUCT_LAYOUT,
    PRODUCT_TYPE,
    "product",
    ITER_FLAGS,
    &[],
    "Cartesian product of input iterables.  Equivalent to nested for-loops.\n\nFor example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\nThe leftmost iterators are in the outermost for-loop, so the output tuples\ncycle in a manner similar to an odometer (with the rightmost element changing\non every iteration).\n\nTo compute the product of an iterable with itself, specify the number\nof repetitions with the optional repeat keyword argument. For example,\nproduct(A, repeat=4) means the same as product(A, A, A, A).\n\nproduct('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\nproduct((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."
);
iter_type!(
    PyPermutations,
    CombState,
    PERMUTATIONS_LAYOUT,
    PERMUTATIONS_TYPE,
    "permutations",
    ITER_FLAGS,
    &[],
    "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"
);
iter_type!(
    PyCombinations,
    CombState,
    COMBINATIONS_LAYOUT,
    COMBINATIONS_TYPE,
    "combinations",
    ITER_FLAGS,
    &[],
    "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"
);
iter_type!(
    PyCwr,
    CombState,
    CWR_LAYOUT,
    CWR_TYPE,
    "combinations_with_replacement",
    ITER_FLAGS,
    &[],
    "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')"
);

fn pool_of(vm: &mut Vm, iterable: &Value) -> PyResult<Value> {
    Ok(new_tuple(ops::collect_iter(vm, iterable)?))
}

// ---------------------------------------------------------------------------
// product

fn product_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    let nkw = args.kwnames.len();
    if nkw > 1 {
        return Err(type_error(format!(
            "product() takes at most 1 keyword argument ({nkw} given)"
        )));
    }
    let mut repeat = 1i64;
    for (k, v) in args.kwargs() {
        if as_str(k) != Some("repeat") {
            return Err(type_error(format!(
                "product() got an unexpected keyword argument '{}'",
                as_str(k).unwrap_or("")
            )));
        }
        repeat = ssize_arg(vm, v)?;
        if repeat < 0 {
            return Err(value_error("repeat argument cannot be negative"));
        }
    }
    let mut distinct = Vec::with_capacity(args.positional().len());
    for a in args.positional() {
        distinct.push(pool_of(vm, a)?);
    }
    let total = distinct
        .len()
        .checked_mul(repeat as usize)
        .ok_or_else(|| overflow_error("repeat argument too large"))?;
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(distinct.iter().cloned());
    }
    let n = pools.len();
    let mut st = CombState::new(pools, n);
    st.indices = vec![0; n];
    Ok(PyProduct::alloc(Some(cls), st))
}

fn product_next(_vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let mut s = PyProduct::of(this)?.borrow_mut();
    if s.stopped {
        return Ok(None);
    }
    let pool_len =
        |s: &CombState, i: usize| s.pools.get(i).and_then(as_tuple).map_or(0, <[Value]>::len);
    if !s.started {
        s.started = true;
        if (0..s.pools.len()).any(|i| pool_len(&s, i) == 0) {
            s.stopped = true;
            return Ok(None);
        }
    } else {
        // Advance the odometer: the rightmost index moves fastest.
        let mut i = s.pools.len();
        loop {
            if i == 0 {
                s.stopped = true;
                return Ok(None);
            }
            i -= 1;
            let len = pool_len(&s, i);
            let Some(idx) = s.indices.get_mut(i) else {
                s.stopped = true;
                return Ok(None);
            };
            *idx += 1;
            if *idx < len {
                break;
            }
            *idx = 0;
        }
    }
    let items: Vec<Value> = s
        .indices
        .iter()
        .enumerate()
        .filter_map(|(i, &k)| {
            s.pools
                .get(i)
                .and_then(as_tuple)
                .and_then(|p| p.get(k))
                .cloned()
        })
        .collect();
    Ok(Some(new_tuple(items)))
}

// ---------------------------------------------------------------------------
// permutations

fn permutations_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("permutations", &[p("iterable"), opt("r")]);
    check_total(args, "permutations", 2)?;
    let [iterable, r] = SIG.parse::<2>(args)?;
    let pool = pool_of(vm, &iterable.expect("required"))?;
    let n = as_tuple(&pool).map_or(0, <[Value]>::len);
    let r = match r.filter(|r| !is_none(r)) {
        None => n as i64,
        Some(r) => match as_int(&r) {
            Some(IntRef::Small(i)) => i,
            Some(IntRef::Big(_)) => {
                return Err(overflow_error(
                    "Python int too large to convert to C ssize_t",
                ))
            }
            None => return Err(type_error("Expected int as r")),
        },
    };
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    let mut st = CombState::new(vec![pool], r as usize);
    st.indices = (0..n).collect();
    st.cycles = (0..(r as usize).min(n)).map(|i| n - i).collect();
    Ok(PyPermutations::alloc(Some(cls), st))
}

fn permutations_next(_vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let mut s = PyPermutations::of(this)?.borrow_mut();
    if s.stopped {
        return Ok(None);
    }
    let n = s.pool().len();
    let r = s.r;
    if !s.started {
        s.started = true;
        if r > n {
            s.stopped = true;
            return Ok(None);
        }
        return Ok(Some(s.select()));
    }
    if n == 0 || s.indices.len() != n || s.cycles.len() != r {
        s.stopped = true;
        return Ok(None);
    }
    for i in (0..r).rev() {
        s.cycles[i] -= 1;
        if s.cycles[i] == 0 {
            // Rotate indices[i:] one step to the left.
            let moved = s.indices.remove(i);
            s.indices.push(moved);
            s.cycles[i] = n - i;
        } else {
            let j = s.cycles[i];
            s.indices.swap(i, n - j);
            return Ok(Some(s.select()));
        }
    }
    s.stopped = true;
    Ok(None)
}

// ---------------------------------------------------------------------------
// combinations and combinations_with_replacement

fn comb_args(vm: &mut Vm, args: Args, sig: &Sig, name: &str) -> PyResult<CombState> {
    check_total(args, name, 2)?;
    let [iterable, r] = sig.parse::<2>(args)?;
    let pool = pool_of(vm, &iterable.expect("required"))?;
    let r = ssize_arg(vm, &r.expect("required"))?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    Ok(CombState::new(vec![pool], r as usize))
}

fn combinations_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("combinations", &[p("iterable"), p("r")]);
    let mut st = comb_args(vm, args, &SIG, "combinations")?;
    st.indices = (0..st.r).collect();
    Ok(PyCombinations::alloc(Some(cls), st))
}

fn combinations_next(_vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let mut s = PyCombinations::of(this)?.borrow_mut();
    if s.stopped {
        return Ok(None);
    }
    let (n, r) = (s.pool().len(), s.r);
    if !s.started {
        s.started = true;
        if r > n {
            s.stopped = true;
            return Ok(None);
        }
        return Ok(Some(s.select()));
    }
    // The rightmost index that has not reached its maximum, n - r + i.
    let Some(i) = (0..r)
        .rev()
        .find(|&i| s.indices.get(i).is_some_and(|&v| v != i + n - r))
    else {
        s.stopped = true;
        return Ok(None);
    };
    s.indices[i] += 1;
    for j in i + 1..r {
        s.indices[j] = s.indices[j - 1] + 1;
    }
    Ok(Some(s.select()))
}

fn cwr_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("combinations_with_replacement", &[p("iterable"), p("r")]);
    let mut st = comb_args(vm, args, &SIG, "combinations_with_replacement")?;
    st.indices = vec![0; st.r];
    Ok(PyCwr::alloc(Some(cls), st))
}

fn cwr_next(_vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let mut s = PyCwr::of(this)?.borrow_mut();
    if s.stopped {
        return Ok(None);
    }
    let (n, r) = (s.pool().len(), s.r);
    if !s.started {
        s.started = true;
        if n == 0 && r > 0 {
            s.stopped = true;
            return Ok(None);
        }
        return Ok(Some(s.select()));
    }
    let Some(i) = (0..r)
        .rev()
        .find(|&i| s.indices.get(i).is_some_and(|&v| v + 1 != n))
    else {
        s.stopped = true;
        return Ok(None);
    };
    let v = s.indices[i] + 1;
    for slot in &mut s.indices[i..r] {
        *slot = v;
    }
    Ok(Some(s.select()))
}

pub(super) fn init_types() {
    set_iter_slots(&PRODUCT_TYPE, product_new, product_next);
    set_iter_slots(&PERMUTATIONS_TYPE, permutations_new, permutations_next);
    set_iter_slots(&COMBINATIONS_TYPE, combinations_new, combinations_next);
    set_iter_slots(&CWR_TYPE, cwr_new, cwr_next);
}
