//! The measurement behind Taipan's value representation (docs/benchmarks.md).
//!
//! Three candidate one-word representations run the same two kernels, written the
//! way the eval loop executes `BINARY_OP`: load two operands, check their kinds,
//! compute, box the result when the representation needs it, release the operands.
//!
//! - `Tagged`: low bit 1 = 63-bit small int inline; everything else (floats
//!   included) a pointer to a reference-counted heap cell. This is Taipan's choice.
//! - `NanBox`: doubles stored inline as their bits; ints (48-bit) and pointers in
//!   the NaN space, as JavaScript engines do.
//! - `Boxed`: every value a pointer to a reference-counted heap cell (CPython).
//!
//! Run with `cargo run --release -p taipan --example value_repr`. The kernels are
//! an integer loop (`i = i + 3` with a comparison) and a float loop (`x = x * a + b`).
//! Results depend on the machine; the ratios, not the absolute times, are what
//! the choice rests on.

use std::hint::black_box;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A heap cell: reference count plus payload, like an object head and body.
struct Cell {
    refcnt: std::cell::Cell<usize>,
    kind: u8,
    int: i64,
    float: f64,
}

fn new_cell(kind: u8, int: i64, float: f64) -> *const Cell {
    Box::into_raw(Box::new(Cell { refcnt: std::cell::Cell::new(1), kind, int, float }))
}

/// # Safety
/// `p` came from `new_cell` and the caller owns one reference.
unsafe fn release(p: *const Cell) {
    let c = unsafe { &*p };
    let n = c.refcnt.get() - 1;
    c.refcnt.set(n);
    if n == 0 {
        drop(unsafe { Box::from_raw(p as *mut Cell) });
    }
}

// ----- Tagged: small ints inline, floats boxed -----

#[derive(Clone, Copy)]
struct Tagged(usize);

impl Tagged {
    fn int(i: i64) -> Tagged {
        Tagged(((i << 1) | 1) as usize)
    }
    fn float(f: f64) -> Tagged {
        Tagged(new_cell(1, 0, f) as usize)
    }
    fn as_int(self) -> Option<i64> {
        (self.0 & 1 == 1).then_some((self.0 as i64) >> 1)
    }
    fn as_float(self) -> Option<f64> {
        if self.0 & 1 == 0 {
            let c = unsafe { &*(self.0 as *const Cell) };
            (c.kind == 1).then_some(c.float)
        } else {
            None
        }
    }
    fn drop_ref(self) {
        if self.0 & 1 == 0 {
            unsafe { release(self.0 as *const Cell) }
        }
    }
    /// A new reference (what loading a variable onto the value stack does).
    fn new_ref(self) -> Tagged {
        if self.0 & 1 == 0 {
            let c = unsafe { &*(self.0 as *const Cell) };
            c.refcnt.set(c.refcnt.get() + 1);
        }
        self
    }
}

fn tagged_add(a: Tagged, b: Tagged) -> Tagged {
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        if let Some(r) = x.checked_add(y).filter(|r| (-(1 << 62)..(1 << 62)).contains(r)) {
            return Tagged::int(r);
        }
    }
    let r = Tagged::float(a.as_float().unwrap_or(0.0) + b.as_float().unwrap_or(0.0));
    a.drop_ref();
    b.drop_ref();
    r
}

fn tagged_mul(a: Tagged, b: Tagged) -> Tagged {
    let r = match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => Tagged::float(x * y),
        _ => Tagged::int(a.as_int().unwrap_or(0) * b.as_int().unwrap_or(0)),
    };
    a.drop_ref();
    b.drop_ref();
    r
}

// ----- NanBox: doubles inline, 48-bit ints in the NaN space -----

#[derive(Clone, Copy)]
struct NanBox(u64);

const QNAN: u64 = 0x7ffc_0000_0000_0000;
const INT_TAG: u64 = QNAN | 0x0001_0000_0000_0000;

impl NanBox {
    fn int(i: i64) -> NanBox {
        NanBox(INT_TAG | (i as u64 & 0x0000_ffff_ffff_ffff))
    }
    fn float(f: f64) -> NanBox {
        NanBox(f.to_bits())
    }
    fn as_int(self) -> Option<i64> {
        ((self.0 & 0xffff_0000_0000_0000) == INT_TAG).then(|| ((self.0 << 16) as i64) >> 16)
    }
    fn as_float(self) -> Option<f64> {
        ((self.0 & QNAN) != QNAN).then(|| f64::from_bits(self.0))
    }
}

fn nan_add(a: NanBox, b: NanBox) -> NanBox {
    if let (Some(x), Some(y)) = (a.as_int(), b.as_int()) {
        let r = x + y;
        if (-(1 << 47)..(1 << 47)).contains(&r) {
            return NanBox::int(r);
        }
    }
    NanBox::float(a.as_float().unwrap_or(0.0) + b.as_float().unwrap_or(0.0))
}

fn nan_mul(a: NanBox, b: NanBox) -> NanBox {
    match (a.as_float(), b.as_float()) {
        (Some(x), Some(y)) => NanBox::float(x * y),
        _ => NanBox::int(a.as_int().unwrap_or(0) * b.as_int().unwrap_or(0)),
    }
}

// ----- Boxed: everything on the heap -----

#[derive(Clone, Copy)]
struct Boxed(*const Cell);

impl Boxed {
    fn int(i: i64) -> Boxed {
        Boxed(new_cell(0, i, 0.0))
    }
    fn float(f: f64) -> Boxed {
        Boxed(new_cell(1, 0, f))
    }
    fn cell(self) -> &'static Cell {
        unsafe { &*self.0 }
    }
    fn new_ref(self) -> Boxed {
        self.cell().refcnt.set(self.cell().refcnt.get() + 1);
        self
    }
}

fn boxed_add(a: Boxed, b: Boxed) -> Boxed {
    let (x, y) = (a.cell(), b.cell());
    let r = if x.kind == 0 && y.kind == 0 { Boxed::int(x.int + y.int) } else { Boxed::float(x.float + y.float) };
    unsafe {
        release(a.0);
        release(b.0);
    }
    r
}

fn boxed_mul(a: Boxed, b: Boxed) -> Boxed {
    let (x, y) = (a.cell(), b.cell());
    let r = if x.kind == 0 && y.kind == 0 { Boxed::int(x.int * y.int) } else { Boxed::float(x.float * y.float) };
    unsafe {
        release(a.0);
        release(b.0);
    }
    r
}

fn time<F: FnMut() -> u64>(label: &str, mut f: F) -> f64 {
    let mut best = f64::MAX;
    let mut check = 0;
    for _ in 0..5 {
        let t = Instant::now();
        check = f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("  {label:<8} {:>8.1} ms   (check {check})", best * 1e3);
    best
}

const N: i64 = 20_000_000;

fn main() {
    println!("integer loop: i = i + 3, {N} iterations");
    let t_int = time("Tagged", || {
        let mut i = Tagged::int(0);
        let three = Tagged::int(3); // inline: new_ref is free
        for _ in 0..N {
            i = tagged_add(black_box(i), black_box(three));
        }
        i.as_int().unwrap_or(0) as u64
    });
    let n_int = time("NanBox", || {
        let mut i = NanBox::int(0);
        let three = NanBox::int(3);
        for _ in 0..N {
            i = nan_add(black_box(i), black_box(three));
        }
        // Wraps past 48 bits into floats for large N; the check shows it.
        i.as_int().unwrap_or(-1) as u64
    });
    let b_int = time("Boxed", || {
        let mut i = Boxed::int(0);
        let three = Boxed::int(3);
        for _ in 0..N {
            i = boxed_add(black_box(i), black_box(three.new_ref()));
        }
        let r = i.cell().int as u64;
        unsafe {
            release(i.0);
            release(three.0);
        }
        r
    });
    println!("float loop: x = x * a + b, {N} iterations");
    let t_f = time("Tagged", || {
        let mut x = Tagged::float(1.0);
        let (a, b) = (Tagged::float(0.999_999), Tagged::float(0.5));
        for _ in 0..N {
            x = tagged_add(tagged_mul(black_box(x), a.new_ref()), b.new_ref());
        }
        let r = x.as_float().unwrap_or(0.0) as u64;
        x.drop_ref();
        a.drop_ref();
        b.drop_ref();
        r
    });
    let n_f = time("NanBox", || {
        let mut x = NanBox::float(1.0);
        for _ in 0..N {
            x = nan_add(nan_mul(black_box(x), NanBox::float(0.999_999)), NanBox::float(0.5));
        }
        x.as_float().unwrap_or(0.0) as u64
    });
    let b_f = time("Boxed", || {
        let mut x = Boxed::float(1.0);
        let (a, b) = (Boxed::float(0.999_999), Boxed::float(0.5));
        for _ in 0..N {
            x = boxed_add(boxed_mul(black_box(x), a.new_ref()), b.new_ref());
        }
        let r = x.cell().float as u64;
        unsafe {
            release(x.0);
            release(a.0);
            release(b.0);
        }
        r
    });
    println!("relative to Tagged: int NanBox {:.2}x Boxed {:.2}x; float NanBox {:.2}x Boxed {:.2}x", n_int / t_int, b_int / t_int, n_f / t_f, b_f / t_f);
}
