//! The `_random` module: the `Random` type behind `random.Random`, a Mersenne Twister
//! (MT19937, Matsumoto and Nishimura, 1998) with CPython's seeding and output rules, as
//! documented for `random` and implemented in CPython's `Modules/_randommodule.c`.
//!
//! What must match CPython bit for bit:
//! - `seed(n)` for an int uses `init_by_array` with the 32-bit words of `abs(n)`, least
//!   significant first (one zero word for 0); other hashable seeds use `hash(x)` taken
//!   as an unsigned 64-bit number.  `None` seeds from 624 words of the OS's random source.
//! - `random()` builds a 53-bit float from two outputs: `(a >> 5) * 2**26 + (b >> 6)`.
//! - `getrandbits(k)` fills 32-bit words from the least significant end; the last
//!   (most significant) word keeps the top bits of its output.
//! - `getstate()` is the 624 state words plus the position; `setstate` checks it.
//! - A new object is all zeros at position 0 until `__init__` seeds it (a subclass whose
//!   `__init__` does not call it gets that state, as in CPython).
//!
//! `random.Random` (in `random.py`) subclasses this type and handles str/bytes seeds,
//! `gauss_next` and pickling itself.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::ModuleDef;
use crate::objects::float::new_float;
use crate::objects::int::{as_int, new_bigint, new_int, IntRef};
use crate::objects::singletons::{is_none, none};
use crate::objects::tuple::{as_tuple, new_tuple};
use crate::objects::typeobject::{as_type, flags, InitFn, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next word to temper.
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    /// `init_genrand`: the linear recurrence that fills the state from one word.
    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: mixes a key of any (non-zero) length into the state.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        let mt = &mut self.state;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// Regenerates all 624 words (the "twist").
    fn twist(&mut self) {
        let mt = &mut self.state;
        for k in 0..N {
            let y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// `genrand_uint32`: the next tempered output.
    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_random`: a float in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }
}

#[repr(C)]
pub struct PyRandom {
    head: ObjectHead,
    mt: RefCell<Box<Mt>>,
}

pub static RANDOM_LAYOUT: Layout =
    crate::payload_layout!(PyRandom, "Random", heap::no_traverse, heap::no_clear);

impl PyPayload for PyRandom {
    fn layout() -> &'static Layout {
        &RANDOM_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &RANDOM_TYPE
    }
}

pub static RANDOM_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Random",
    layout: &RANDOM_LAYOUT,
    flags: flags::BASETYPE,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: RANDOM_METHODS,
    getsets: &[],
    doc: Some("Random() -> create a random number generator with its own internal state."),
    module: Some("_random"),
});

fn this(v: &Value) -> PyResult<&PyRandom> {
    v.downcast::<PyRandom>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            v.ty().name()
        ))
    })
}

/// `tp_new`: a zeroed generator at position 0, seeded by `__init__`.
fn random_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let ty = as_type(cls).unwrap_or(&RANDOM_TYPE);
    Ok(heap::alloc(
        ty,
        PyRandom {
            head: ObjectHead::uninit(),
            mt: RefCell::new(Box::new(Mt {
                state: [0; N],
                index: 0,
            })),
        },
    ))
}

/// `random_init`: `Random([seed])`; keywords are refused unless a subclass overrides
/// `__init__`.
fn random_init(vm: &mut Vm, v: &Value, args: Args) -> PyResult<()> {
    let ty = v.ty();
    let own_init = std::ptr::eq(ty, &RANDOM_TYPE)
        || ty
            .slots
            .init
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, random_init as InitFn));
    if own_init && args.has_kwargs() {
        return Err(type_error("Random() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(type_error("Random() requires 0 or 1 argument"));
    }
    seed_impl(vm, v, pos.first())
}

/// 624 words from the system's random source, or time and pid when it fails
/// (`random_seed_urandom`, then `random_seed_time_pid`).
fn urandom_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    if ok {
        return buf
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    vec![
        now as u32,
        (now >> 32) as u32,
        std::process::id(),
        (now >> 64) as u32,
    ]
}

/// The 32-bit words of a non-negative int, least significant first (at least one).
fn key_words(n: &BigInt) -> Vec<u32> {
    let (_, digits) = n.to_u32_digits();
    if digits.is_empty() {
        vec![0]
    } else {
        digits
    }
}

/// `random_seed`.
fn seed_impl(vm: &mut Vm, v: &Value, arg: Option<&Value>) -> PyResult<()> {
    let r = this(v)?;
    let key = match arg.filter(|a| !is_none(a)) {
        None => urandom_key(),
        Some(a) => match as_int(a) {
            // `int.__abs__` even for subclasses (never a subclass's own `__abs__`).
            Some(IntRef::Small(i)) => key_words(&BigInt::from(i).abs()),
            Some(IntRef::Big(b)) => key_words(&b.abs()),
            None => {
                let h = ops::hash(vm, a)?;
                key_words(&BigInt::from(h as u64))
            }
        },
    };
    r.mt.borrow_mut().init_by_array(&key);
    Ok(())
}

fn m_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("Random.seed() takes no keyword arguments"));
    }
    let pos = args.positional();
    let Some((v, rest)) = pos.split_first() else {
        return Err(type_error("unbound method Random.seed() needs an argument"));
    };
    if rest.len() > 1 {
        return Err(type_error(format!(
            "seed expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    seed_impl(vm, v, rest.first())?;
    Ok(none())
}

fn m_random(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("Random.random")?;
    let x = this(v)?.mt.borrow_mut().next_f64();
    Ok(new_float(x))
}

fn m_getstate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs("Random.getstate")?;
    let r = this(v)?;
    let mt = r.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| new_int(i64::from(w))).collect();
    items.push(new_int(mt.index as i64));
    Ok(new_tuple(items))
}

/// `PyLong_AsUnsignedLong`, then truncation to 32 bits, as `random_setstate` does.
fn state_word(v: &Value) -> PyResult<u32> {
    match as_int(v) {
        None => Err(type_error("an integer is required")),
        Some(i) if i.is_negative() => Err(overflow_error(
            "can't convert negative value to unsigned int",
        )),
        Some(i) => i
            .to_bigint()
            .to_u64()
            .map(|w| w as u32)
            .ok_or_else(|| overflow_error("Python int too large to convert to C unsigned long")),
    }
}

fn m_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, state) = args.one_arg("Random.setstate")?;
    let r = this(v)?;
    let Some(items) = as_tuple(state) else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, item) in words.iter_mut().zip(items) {
        *w = state_word(item)?;
    }
    let index = match as_int(&items[N]) {
        Some(i) => i.to_i64(),
        None => {
            let i = ops::index(vm, &items[N])?;
            as_int(&i).and_then(|i| i.to_i64())
        }
    }
    .ok_or_else(|| overflow_error("Python int too large to convert to C long"))?;
    if !(0..=N as i64).contains(&index) {
        return Err(value_error("invalid state"));
    }
    let mut mt = r.mt.borrow_mut();
    mt.state = words;
    mt.index = index as usize;
    Ok(none())
}

/// `_random_Random_getrandbits_impl`: `k` is a C int.
fn m_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, k) = args.one_arg("Random.getrandbits")?;
    let r = this(v)?;
    let k = ops::index(vm, k)?;
    let k = as_int(&k)
        .and_then(|i| i.to_i64())
        .filter(|k| i32::try_from(*k).is_ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    let mut mt = r.mt.borrow_mut();
    if k <= 32 {
        let x = if k == 0 { 0 } else { mt.next_u32() >> (32 - k) };
        return Ok(new_int(i64::from(x)));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut digits = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut w = mt.next_u32();
        if left < 32 {
            w >>= 32 - left;
        }
        digits.push(w);
        left -= 32;
    }
    drop(mt);
    Ok(new_bigint(BigInt::from_slice(Sign::Plus, &digits)))
}

/// A method entry with its docstring.
const fn documented(m: MethodDef, doc: &'static str) -> MethodDef {
    MethodDef { doc, ..m }
}

static RANDOM_METHODS: &[MethodDef] = &[
    documented(MethodDef::method("random", m_random), "random() -> x in the interval [0, 1)."),
    documented(
        MethodDef::method("seed", m_seed),
        "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier.",
    ),
    documented(MethodDef::method("getstate", m_getstate), "getstate() -> tuple containing the current state."),
    documented(MethodDef::method("setstate", m_setstate), "setstate(state) -> None.  Restores generator state."),
    documented(
        MethodDef::method("getrandbits", m_getrandbits),
        "getrandbits(k) -> x.  Generates an int with k random bits.",
    ),
];

fn init_types() {
    RANDOM_TYPE.slots.new.set(Some(random_new));
    RANDOM_TYPE.slots.init.set(Some(random_init));
    crate::objects::typeobject_methods::init_static_type(&RANDOM_TYPE);
}

fn random_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "Random", RANDOM_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_random",
    doc: Some("Module implements the Mersenne Twister random number generator."),
    methods: &[],
    init: Some(random_module_init),
};
