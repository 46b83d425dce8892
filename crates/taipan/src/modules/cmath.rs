//! `cmath`: mathematical functions for complex numbers.
//!
//! Follows CPython 3.13's `Modules/cmathmodule.c` and the `cmath` documentation: the
//! special values of C99 Annex G (infinities, NaNs and signed zeros, one 7x7 table per
//! function indexed by the class of the real and imaginary parts), the same formulas
//! for finite arguments (so results agree bit for bit, with the platform C library for
//! the real functions, as in CPython), and the same error rule: each function reports
//! "invalid/divide-by-zero" (`ValueError: math domain error`) or "overflow"
//! (`OverflowError: math range error`) as CPython's implementation sets `errno`.

use std::f64::consts::{E, LN_10, LN_2, PI, TAU};

use super::math::c;
use super::ModuleDef;
use crate::objects::complex::{
    as_complex, c_quot, is_real_number, new_complex, try_complex_special_method, C,
};
use crate::objects::float::{as_f64, new_float};
use crate::objects::singletons::bool_value;
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::{arity_error, kw, p};
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

/// The outcome CPython signals through `errno`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Errno {
    Ok,
    /// EDOM: invalid operation or division by zero.
    Dom,
    /// ERANGE: overflow.
    Range,
}

type Res = (C, Errno);

const fn cx(re: f64, im: f64) -> C {
    C { re, im }
}

fn math_error(e: Errno) -> PyErr {
    match e {
        Errno::Range => overflow_error("math range error"),
        _ => value_error("math domain error"),
    }
}

// ---------------------------------------------------------------------------------------
// Constants of the algorithms
// ---------------------------------------------------------------------------------------

/// `CM_LARGE_DOUBLE`: above it, sqrt/log/inverse functions rescale to avoid overflow.
const LARGE: f64 = f64::MAX / 4.0;

/// `log(CM_LARGE_DOUBLE)`: above it, exp/cosh/sinh/tanh take the overflow-safe route.
fn log_large() -> f64 {
    c::log(LARGE)
}

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

/// 2**53 and 2**-27: turn subnormal parts normal before a square root (`CM_SCALE_UP`,
/// `CM_SCALE_DOWN`) or a logarithm (`DBL_MANT_DIG`).
const SCALE_UP: f64 = 9007199254740992.0;
const SCALE_DOWN: f64 = 1.0 / 134217728.0;
const MANT_DIG: f64 = 53.0;

// ---------------------------------------------------------------------------------------
// Special values (C99 Annex G)
// ---------------------------------------------------------------------------------------

/// The class of a double, the index into the special-value tables.
fn special_type(d: f64) -> usize {
    if d.is_nan() {
        6
    } else if d.is_infinite() {
        if d > 0.0 {
            5
        } else {
            0
        }
    } else if d != 0.0 {
        if d.is_sign_positive() {
            4
        } else {
            1
        }
    } else if d.is_sign_positive() {
        3
    } else {
        2
    }
}

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// Entries for finite arguments, never read.
const U: f64 = f64::NAN;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;

type Table = [[(f64, f64); 7]; 7];

/// Rows: the class of the real part (-inf, -x, -0, +0, +x, +inf, nan); columns: the
/// class of the imaginary part, in the same order.
#[rustfmt::skip]
static ACOS_SV: Table = [
    [(P34, INF), (PI, INF), (PI, INF), (PI, -INF), (PI, -INF), (P34, -INF), (N, INF)],
    [(P12, INF), (U, U), (U, U), (U, U), (U, U), (P12, -INF), (N, N)],
    [(P12, INF), (U, U), (P12, 0.), (P12, -0.), (U, U), (P12, -INF), (P12, N)],
    [(P12, INF), (U, U), (P12, 0.), (P12, -0.), (U, U), (P12, -INF), (P12, N)],
    [(P12, INF), (U, U), (U, U), (U, U), (U, U), (P12, -INF), (N, N)],
    [(P14, INF), (0., INF), (0., INF), (0., -INF), (0., -INF), (P14, -INF), (N, INF)],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];

#[rustfmt::skip]
static ACOSH_SV: Table = [
    [(INF, -P34), (INF, -PI), (INF, -PI), (INF, PI), (INF, PI), (INF, P34), (INF, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0., -P12), (0., P12), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0., -P12), (0., P12), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

#[rustfmt::skip]
static ASINH_SV: Table = [
    [(-INF, -P14), (-INF, -0.), (-INF, -0.), (-INF, 0.), (-INF, 0.), (-INF, P14), (-INF, N)],
    [(-INF, -P12), (U, U), (U, U), (U, U), (U, U), (-INF, P12), (N, N)],
    [(-INF, -P12), (U, U), (-0., -0.), (-0., 0.), (U, U), (-INF, P12), (N, N)],
    [(INF, -P12), (U, U), (0., -0.), (0., 0.), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, -0.), (N, 0.), (N, N), (INF, N), (N, N)],
];

#[rustfmt::skip]
static ATANH_SV: Table = [
    [(-0., -P12), (-0., -P12), (-0., -P12), (-0., P12), (-0., P12), (-0., P12), (-0., N)],
    [(-0., -P12), (U, U), (U, U), (U, U), (U, U), (-0., P12), (N, N)],
    [(-0., -P12), (U, U), (-0., -0.), (-0., 0.), (U, U), (-0., P12), (-0., N)],
    [(0., -P12), (U, U), (0., -0.), (0., 0.), (U, U), (0., P12), (0., N)],
    [(0., -P12), (U, U), (U, U), (U, U), (U, U), (0., P12), (N, N)],
    [(0., -P12), (0., -P12), (0., -P12), (0., P12), (0., P12), (0., P12), (0., N)],
    [(0., -P12), (N, N), (N, N), (N, N), (N, N), (0., P12), (N, N)],
];

#[rustfmt::skip]
static COSH_SV: Table = [
    [(INF, N), (U, U), (INF, 0.), (INF, -0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, 0.), (U, U), (1., 0.), (1., -0.), (U, U), (N, 0.), (N, 0.)],
    [(N, 0.), (U, U), (1., -0.), (1., 0.), (U, U), (N, 0.), (N, 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

#[rustfmt::skip]
static EXP_SV: Table = [
    [(0., 0.), (U, U), (0., -0.), (0., 0.), (U, U), (0., 0.), (0., 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1., -0.), (1., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (1., -0.), (1., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

#[rustfmt::skip]
static LOG_SV: Table = [
    [(INF, -P34), (INF, -PI), (INF, -PI), (INF, PI), (INF, PI), (INF, P34), (INF, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (-INF, -PI), (-INF, PI), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (-INF, -0.), (-INF, 0.), (U, U), (INF, P12), (N, N)],
    [(INF, -P12), (U, U), (U, U), (U, U), (U, U), (INF, P12), (N, N)],
    [(INF, -P14), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, P14), (INF, N)],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];

#[rustfmt::skip]
static SINH_SV: Table = [
    [(INF, N), (U, U), (-INF, -0.), (-INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(0., N), (U, U), (-0., -0.), (-0., 0.), (U, U), (0., N), (0., N)],
    [(0., N), (U, U), (0., -0.), (0., 0.), (U, U), (0., N), (0., N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

#[rustfmt::skip]
static SQRT_SV: Table = [
    [(INF, -INF), (0., -INF), (0., -INF), (0., INF), (0., INF), (INF, INF), (N, INF)],
    [(INF, -INF), (U, U), (U, U), (U, U), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (0., -0.), (0., 0.), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (0., -0.), (0., 0.), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (U, U), (U, U), (U, U), (U, U), (INF, INF), (N, N)],
    [(INF, -INF), (INF, -0.), (INF, -0.), (INF, 0.), (INF, 0.), (INF, INF), (INF, N)],
    [(INF, -INF), (N, N), (N, N), (N, N), (N, N), (INF, INF), (N, N)],
];

#[rustfmt::skip]
static TANH_SV: Table = [
    [(-1., 0.), (U, U), (-1., -0.), (-1., 0.), (U, U), (-1., 0.), (-1., 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (-0., -0.), (-0., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (0., -0.), (0., 0.), (U, U), (N, N), (N, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(1., 0.), (U, U), (1., -0.), (1., 0.), (U, U), (1., 0.), (1., 0.)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];

/// `rect` is outside C99; its table follows exp(log(r) + i*phi).
#[rustfmt::skip]
static RECT_SV: Table = [
    [(INF, N), (U, U), (-INF, 0.), (-INF, -0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(0., 0.), (U, U), (-0., 0.), (-0., -0.), (U, U), (0., 0.), (0., 0.)],
    [(0., 0.), (U, U), (0., -0.), (0., 0.), (U, U), (0., 0.), (0., 0.)],
    [(N, N), (U, U), (U, U), (U, U), (U, U), (N, N), (N, N)],
    [(INF, N), (U, U), (INF, -0.), (INF, 0.), (U, U), (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

fn lookup(table: &Table, re: f64, im: f64) -> C {
    let (r, i) = table[special_type(re)][special_type(im)];
    cx(r, i)
}

fn is_finite(z: C) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

// ---------------------------------------------------------------------------------------
// The functions (each returns CPython's result and its errno)
// ---------------------------------------------------------------------------------------

fn c_sqrt(z: C) -> Res {
    if !is_finite(z) {
        return (lookup(&SQRT_SV, z.re, z.im), Errno::Ok);
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (cx(0.0, z.im), Errno::Ok);
    }
    let mut ax = z.re.abs();
    let ay = z.im.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up, then back down.
        ax *= SCALE_UP;
        (ax + c::hypot(ax, ay * SCALE_UP)).sqrt() * SCALE_DOWN
    } else {
        ax /= 8.0;
        2.0 * (ax + c::hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        cx(s, d.copysign(z.im))
    } else {
        cx(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

fn c_exp(z: C) -> Res {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                cx(INF.copysign(c::cos(z.im)), INF.copysign(c::sin(z.im)))
            } else {
                cx(0.0f64.copysign(c::cos(z.im)), 0.0f64.copysign(c::sin(z.im)))
            }
        } else {
            lookup(&EXP_SV, z.re, z.im)
        };
        let dom = z.im.is_infinite() && (z.re.is_finite() || z.re == INF);
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re > log_large() {
        let l = c::exp(z.re - 1.0);
        cx(l * c::cos(z.im) * E, l * c::sin(z.im) * E)
    } else {
        let l = c::exp(z.re);
        cx(l * c::cos(z.im), l * c::sin(z.im))
    };
    (r, overflow_check(r))
}

fn overflow_check(r: C) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    }
}

fn c_cosh(z: C) -> Res {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (co, si) = (c::cos(z.im), c::sin(z.im));
            if z.re > 0.0 {
                cx(INF.copysign(co), INF.copysign(si))
            } else {
                cx(INF.copysign(co), -INF.copysign(si))
            }
        } else {
            lookup(&COSH_SV, z.re, z.im)
        };
        let dom = z.im.is_infinite() && !z.re.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > log_large() {
        // cosh(x) overflows but cosh(z) may not: compute with x - 1 and multiply by e.
        let x1 = z.re - 1.0f64.copysign(z.re);
        cx(
            c::cos(z.im) * c::cosh(x1) * E,
            c::sin(z.im) * c::sinh(x1) * E,
        )
    } else {
        cx(c::cos(z.im) * c::cosh(z.re), c::sin(z.im) * c::sinh(z.re))
    };
    (r, overflow_check(r))
}

fn c_sinh(z: C) -> Res {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let (co, si) = (c::cos(z.im), c::sin(z.im));
            if z.re > 0.0 {
                cx(INF.copysign(co), INF.copysign(si))
            } else {
                cx(-INF.copysign(co), INF.copysign(si))
            }
        } else {
            lookup(&SINH_SV, z.re, z.im)
        };
        let dom = z.im.is_infinite() && !z.re.is_nan();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    let r = if z.re.abs() > log_large() {
        let x1 = z.re - 1.0f64.copysign(z.re);
        cx(
            c::cos(z.im) * c::sinh(x1) * E,
            c::sin(z.im) * c::cosh(x1) * E,
        )
    } else {
        cx(c::cos(z.im) * c::sinh(z.re), c::sin(z.im) * c::cosh(z.re))
    };
    (r, overflow_check(r))
}

fn c_tanh(z: C) -> Res {
    if !is_finite(z) {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * c::sin(z.im) * c::cos(z.im));
            cx(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            lookup(&TANH_SV, z.re, z.im)
        };
        let dom = z.im.is_infinite() && z.re.is_finite();
        return (r, if dom { Errno::Dom } else { Errno::Ok });
    }
    // tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) / (1+tan(y)^2 tanh(x)^2),
    // with 1-tanh(x)^2 computed as 1/cosh(x)^2 (or 4exp(-2|x|) for large x).
    if z.re.abs() > log_large() {
        let im = 4.0 * c::sin(z.im) * c::cos(z.im) * c::exp(-2.0 * z.re.abs());
        return (cx(1.0f64.copysign(z.re), im), Errno::Ok);
    }
    let tx = c::tanh(z.re);
    let ty = c::tan(z.im);
    let cxh = 1.0 / c::cosh(z.re);
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (
        cx(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cxh) * cxh),
        Errno::Ok,
    )
}

/// `c_log`: the natural logarithm.
fn c_log(z: C) -> Res {
    if !is_finite(z) {
        return (lookup(&LOG_SV, z.re, z.im), Errno::Ok);
    }
    let ax = z.re.abs();
    let ay = z.im.abs();
    let re = if ax > LARGE || ay > LARGE {
        c::log(c::hypot(ax / 2.0, ay / 2.0)) + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            // hypot(ax, ay) would be subnormal: rescale.
            c::log(c::hypot(ax * SCALE_UP, ay * SCALE_UP)) - MANT_DIG * LN_2
        } else {
            return (cx(-INF, c::atan2(z.im, z.re)), Errno::Dom);
        }
    } else {
        let h = c::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            // Near |z| = 1, log1p keeps the accuracy log(h) would lose.
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            c::log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            c::log(h)
        }
    };
    (cx(re, c::atan2(z.im, z.re)), Errno::Ok)
}

fn c_log10(z: C) -> Res {
    let (r, e) = c_log(z);
    (cx(r.re / LN_10, r.im / LN_10), e)
}

fn c_acos(z: C) -> Res {
    if !is_finite(z) {
        return (lookup(&ACOS_SV, z.re, z.im), Errno::Ok);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        // Avoid overflow for large arguments.
        let re = c::atan2(z.im.abs(), z.re);
        let l = c::log(c::hypot(z.re / 2.0, z.im / 2.0)) + LN_2 * 2.0;
        let im = if z.re < 0.0 {
            -l.copysign(z.im)
        } else {
            l.copysign(-z.im)
        };
        cx(re, im)
    } else {
        let s1 = c_sqrt(cx(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(cx(1.0 + z.re, z.im)).0;
        cx(
            2.0 * c::atan2(s1.re, s2.re),
            c::asinh(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

fn c_acosh(z: C) -> Res {
    if !is_finite(z) {
        return (lookup(&ACOSH_SV, z.re, z.im), Errno::Ok);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        cx(
            c::log(c::hypot(z.re / 2.0, z.im / 2.0)) + LN_2 * 2.0,
            c::atan2(z.im, z.re),
        )
    } else {
        let s1 = c_sqrt(cx(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(cx(z.re + 1.0, z.im)).0;
        cx(
            c::asinh(s1.re * s2.re + s1.im * s2.im),
            2.0 * c::atan2(s1.im, s2.re),
        )
    };
    (r, Errno::Ok)
}

fn c_asinh(z: C) -> Res {
    if !is_finite(z) {
        return (lookup(&ASINH_SV, z.re, z.im), Errno::Ok);
    }
    let r = if z.re.abs() > LARGE || z.im.abs() > LARGE {
        let l = c::log(c::hypot(z.re / 2.0, z.im / 2.0)) + LN_2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        cx(re, c::atan2(z.im, z.re.abs()))
    } else {
        let s1 = c_sqrt(cx(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(cx(1.0 - z.im, z.re)).0;
        cx(
            c::asinh(s1.re * s2.im - s2.re * s1.im),
            c::atan2(z.im, s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

fn c_atanh(z: C) -> Res {
    if !is_finite(z) {
        return (lookup(&ATANH_SV, z.re, z.im), Errno::Ok);
    }
    // atanh(z) = -atanh(-z): reduce to z.re >= 0.
    if z.re < 0.0 {
        let (r, e) = c_atanh(cx(-z.re, -z.im));
        return (cx(-r.re, -r.im), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large() || ay > sqrt_large() {
        // For large |z|, atanh(z) ~ 1/z +/- i*pi/2.
        let h = c::hypot(z.re / 2.0, z.im / 2.0);
        return (
            cx(z.re / 4.0 / h / h, -(PI / 2.0).copysign(-z.im)),
            Errno::Ok,
        );
    }
    if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (cx(INF, z.im), Errno::Dom);
        }
        let re = -c::log(ay.sqrt() / c::hypot(ay, 2.0).sqrt());
        return (cx(re, (c::atan2(2.0, -ay) / 2.0).copysign(z.im)), Errno::Ok);
    }
    let one_minus = 1.0 - z.re;
    let re = c::log1p(4.0 * z.re / (one_minus * one_minus + ay * ay)) / 4.0;
    let im = -c::atan2(-2.0 * z.im, one_minus * (1.0 + z.re) - ay * ay) / 2.0;
    (cx(re, im), Errno::Ok)
}

/// Rotations by i: f(z) = -i g(iz) for asin, atan, sin, tan; cos(z) = cosh(iz).
fn times_i(z: C) -> C {
    cx(-z.im, z.re)
}

fn minus_i((r, e): Res) -> Res {
    (cx(r.im, -r.re), e)
}

fn c_asin(z: C) -> Res {
    minus_i(c_asinh(times_i(z)))
}

fn c_atan(z: C) -> Res {
    minus_i(c_atanh(times_i(z)))
}

fn c_sin(z: C) -> Res {
    minus_i(c_sinh(times_i(z)))
}

fn c_tan(z: C) -> Res {
    minus_i(c_tanh(times_i(z)))
}

fn c_cos(z: C) -> Res {
    c_cosh(times_i(z))
}

/// `c_atan2`: the phase, with C99's answers for infinities and zeros, and the errno the
/// C library's `atan2` left (ERANGE when the result underflows).
fn c_phase(z: C) -> (f64, Errno) {
    if z.re.is_nan() || z.im.is_nan() {
        return (f64::NAN, Errno::Ok);
    }
    if z.im.is_infinite() {
        if z.re.is_infinite() {
            return (
                if z.re > 0.0 {
                    P14.copysign(z.im)
                } else {
                    P34.copysign(z.im)
                },
                Errno::Ok,
            );
        }
        return (P12.copysign(z.im), Errno::Ok);
    }
    if z.re.is_infinite() || z.im == 0.0 {
        let r = if z.re.is_sign_positive() {
            0.0f64.copysign(z.im)
        } else {
            PI.copysign(z.im)
        };
        return (r, Errno::Ok);
    }
    let (r, e) = c::atan2_errno(z.im, z.re);
    let e = match e {
        0 => Errno::Ok,
        libc::EDOM => Errno::Dom,
        _ => Errno::Range,
    };
    (r, e)
}

/// `_Py_c_abs`: hypot, infinite when either part is, ERANGE on overflow.
fn c_abs(z: C) -> (f64, Errno) {
    if !is_finite(z) {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = c::hypot(z.re, z.im);
    (
        r,
        if r.is_finite() {
            Errno::Ok
        } else {
            Errno::Range
        },
    )
}

fn c_rect(r: f64, phi: f64) -> Res {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (co, si) = (c::cos(phi), c::sin(phi));
            if r > 0.0 {
                cx(INF.copysign(co), INF.copysign(si))
            } else {
                cx(-INF.copysign(co), -INF.copysign(si))
            }
        } else {
            lookup(&RECT_SV, r, phi)
        };
        let dom = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if dom { Errno::Dom } else { Errno::Ok });
    }
    if phi == 0.0 {
        // r * phi keeps the sign of a zero phi.
        return (cx(r, r * phi), Errno::Ok);
    }
    (cx(r * c::cos(phi), r * c::sin(phi)), Errno::Ok)
}

// ---------------------------------------------------------------------------------------
// Argument conversion and the Python functions
// ---------------------------------------------------------------------------------------

/// `PyComplex_AsCComplex`: complex, `__complex__`, then a real number.
fn to_complex(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some((re, im)) = as_complex(v) {
        return Ok(cx(re, im));
    }
    if let Some(r) = try_complex_special_method(vm, v)? {
        let (re, im) = as_complex(&r).unwrap_or((0.0, 0.0));
        return Ok(cx(re, im));
    }
    Ok(cx(to_double(vm, v)?, 0.0))
}

/// `PyFloat_AsDouble`.
fn to_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_f64(v) {
        return Ok(f);
    }
    if !is_real_number(v) {
        return Err(type_error(format!(
            "must be real number, not {}",
            v.ty().name()
        )));
    }
    ops::float_value(vm, v)
}

/// A function of one complex argument (`cmath.NAME(z, /)`).
fn one_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    if args.has_kwargs() {
        return Err(type_error(format!(
            "cmath.{name}() takes no keyword arguments"
        )));
    }
    match args.positional() {
        [z] => Ok(z),
        other => Err(type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}

fn complex_result((r, e): Res) -> PyResult<Value> {
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(new_complex(r.re, r.im))
}

macro_rules! complex_functions {
    ($($pyfn:ident => $cfn:ident, $name:literal;)*) => {
        $(
            fn $pyfn(vm: &mut Vm, args: Args) -> PyResult<Value> {
                let z = to_complex(vm, one_arg(&args, $name)?)?;
                complex_result($cfn(z))
            }
        )*
    };
}

complex_functions! {
    cmath_acos => c_acos, "acos";
    cmath_acosh => c_acosh, "acosh";
    cmath_asin => c_asin, "asin";
    cmath_asinh => c_asinh, "asinh";
    cmath_atan => c_atan, "atan";
    cmath_atanh => c_atanh, "atanh";
    cmath_cos => c_cos, "cos";
    cmath_cosh => c_cosh, "cosh";
    cmath_exp => c_exp, "exp";
    cmath_log10 => c_log10, "log10";
    cmath_sin => c_sin, "sin";
    cmath_sinh => c_sinh, "sinh";
    cmath_sqrt => c_sqrt, "sqrt";
    cmath_tan => c_tan, "tan";
    cmath_tanh => c_tanh, "tanh";
}

fn cmath_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("cmath.log() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(arity_error("log", 1, 2, pos.len()));
    }
    let x = to_complex(vm, &pos[0])?;
    let (mut r, mut errno) = c_log(x);
    if let Some(base) = pos.get(1) {
        let y = to_complex(vm, base)?;
        // As in CPython, errno is the base's logarithm's (then the division's).
        let (ly, e) = c_log(y);
        errno = e;
        match c_quot(r, ly) {
            Some(q) => r = q,
            None => {
                r = cx(0.0, 0.0);
                errno = Errno::Dom;
            }
        }
    }
    complex_result((r, errno))
}

fn cmath_phase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = to_complex(vm, one_arg(&args, "phase")?)?;
    match c_phase(z) {
        (phi, Errno::Ok) => Ok(new_float(phi)),
        (_, e) => Err(math_error(e)),
    }
}

fn cmath_polar(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = to_complex(vm, one_arg(&args, "polar")?)?;
    // The errno of atan2 is overwritten by `_Py_c_abs`'s.
    let phi = c_phase(z).0;
    let (r, e) = c_abs(z);
    if e != Errno::Ok {
        return Err(math_error(e));
    }
    Ok(new_tuple(vec![new_float(r), new_float(phi)]))
}

fn cmath_rect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(type_error("cmath.rect() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() != 2 {
        return Err(arity_error("rect", 2, 2, pos.len()));
    }
    let r = to_double(vm, &pos[0])?;
    let phi = to_double(vm, &pos[1])?;
    complex_result(c_rect(r, phi))
}

fn cmath_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = to_complex(vm, one_arg(&args, "isfinite")?)?;
    Ok(bool_value(is_finite(z)))
}

fn cmath_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = to_complex(vm, one_arg(&args, "isnan")?)?;
    Ok(bool_value(z.re.is_nan() || z.im.is_nan()))
}

fn cmath_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = to_complex(vm, one_arg(&args, "isinf")?)?;
    Ok(bool_value(z.re.is_infinite() || z.im.is_infinite()))
}

fn cmath_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isclose", &[p("a"), p("b"), kw("rel_tol"), kw("abs_tol")]);
    let [a, b, rel, abs] = SIG.parse::<4>(args)?;
    let a = to_complex(vm, &a.expect("required"))?;
    let b = to_complex(vm, &b.expect("required"))?;
    let rel_tol = match rel {
        Some(v) => to_double(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => to_double(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(bool_value(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(bool_value(false));
    }
    let diff = c_abs(cx(a.re - b.re, a.im - b.im)).0;
    Ok(bool_value(
        diff <= rel_tol * c_abs(b).0 || diff <= rel_tol * c_abs(a).0 || diff <= abs_tol,
    ))
}

const fn documented(m: MethodDef, doc: &'static str) -> MethodDef {
    MethodDef { doc, ..m }
}

static CMATH_METHODS: &[MethodDef] = &[
    documented(MethodDef::method("acos", cmath_acos), "Return the arc cosine of z."),
    documented(MethodDef::method("acosh", cmath_acosh), "Return the inverse hyperbolic cosine of z."),
    documented(MethodDef::method("asin", cmath_asin), "Return the arc sine of z."),
    documented(MethodDef::method("asinh", cmath_asinh), "Return the inverse hyperbolic sine of z."),
    documented(MethodDef::method("atan", cmath_atan), "Return the arc tangent of z."),
    documented(MethodDef::method("atanh", cmath_atanh), "Return the inverse hyperbolic tangent of z."),
    documented(MethodDef::method("cos", cmath_cos), "Return the cosine of z."),
    documented(MethodDef::method("cosh", cmath_cosh), "Return the hyperbolic cosine of z."),
    documented(MethodDef::method("exp", cmath_exp), "Return the exponential value e**z."),
    documented(
        MethodDef::method("isclose", cmath_isclose),
        "Determine whether two complex numbers are close in value.\n\n  rel_tol\n    maximum difference for being considered \"close\", relative to the\n    magnitude of the input values\n  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n    magnitude of the input values\n\nReturn True if a is close in value to b, and False otherwise.\n\nFor the values to be considered close, the difference between them must be\nsmaller than at least one of the tolerances.\n\n-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\nnot close to anything, even itself. inf and -inf are only close to themselves.",
    ),
    documented(
        MethodDef::method("isfinite", cmath_isfinite),
        "Return True if both the real and imaginary parts of z are finite, else False.",
    ),
    documented(MethodDef::method("isinf", cmath_isinf), "Checks if the real or imaginary part of z is infinite."),
    documented(MethodDef::method("isnan", cmath_isnan), "Checks if the real or imaginary part of z not a number (NaN)."),
    documented(
        MethodDef::method("log", cmath_log),
        "log(z[, base]) -> the logarithm of z to the given base.\n\nIf the base is not specified, returns the natural logarithm (base e) of z.",
    ),
    documented(MethodDef::method("log10", cmath_log10), "Return the base-10 logarithm of z."),
    documented(MethodDef::method("phase", cmath_phase), "Return argument, also known as the phase angle, of a complex."),
    documented(
        MethodDef::method("polar", cmath_polar),
        "Convert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the phase angle.",
    ),
    documented(MethodDef::method("rect", cmath_rect), "Convert from polar coordinates to rectangular coordinates."),
    documented(MethodDef::method("sin", cmath_sin), "Return the sine of z."),
    documented(MethodDef::method("sinh", cmath_sinh), "Return the hyperbolic sine of z."),
    documented(MethodDef::method("sqrt", cmath_sqrt), "Return the square root of z."),
    documented(MethodDef::method("tan", cmath_tan), "Return the tangent of z."),
    documented(MethodDef::method("tanh", cmath_tanh), "Return the hyperbolic tangent of z."),
];

fn cmath_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    super::add_object(module, "pi", new_float(PI));
    super::add_object(module, "e", new_float(E));
    super::add_object(module, "tau", new_float(TAU));
    super::add_object(module, "inf", new_float(INF));
    super::add_object(module, "infj", new_complex(0.0, INF));
    super::add_object(module, "nan", new_float(f64::NAN));
    super::add_object(module, "nanj", new_complex(0.0, f64::NAN));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "cmath",
    doc: Some("This module provides access to mathematical functions for complex\nnumbers."),
    methods: CMATH_METHODS,
    init: Some(cmath_init),
};
