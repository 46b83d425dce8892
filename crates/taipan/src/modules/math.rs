//! `math`: mathematical functions on floats and ints.
//!
//! Follows CPython 3.13's `Modules/mathmodule.c` and the `math` documentation page:
//! the same argument conversions (`__float__`, then `__index__`), the same error rules
//! ("math domain error" when a finite input yields NaN, "math range error" when it
//! overflows) and exact integer algorithms for `gcd`, `lcm`, `isqrt`, `comb`, `perm`
//! and `factorial` on arbitrary-precision ints.
//!
//! NOTE: `erf`, `erfc`, `gamma`, `lgamma`, `ldexp` and `remainder` call the platform
//! C library (which `std` already links), as CPython does for most of these; CPython
//! computes `gamma`/`lgamma` with its own Lanczos code, so results may differ from it
//! in the last bit for some arguments.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use taipan_compiler::bytecode::BinaryOperator;

use super::ModuleDef;
use crate::objects::float::{as_f64, new_float};
use crate::objects::int::{as_int, is_int, new_bigint, new_int, IntRef};
use crate::objects::singletons::{bool_value, is_none};
use crate::objects::tuple::new_tuple;
use crate::objects::typeobject::MethodDef;
use crate::runtime::value::Value;
use crate::vm::args::{kw, p, po};
use crate::vm::{
    ops, overflow_error, type_error, value_error, zero_division_error, Args, PyErr, PyResult, Sig,
    Vm,
};

/// The platform C math library.  Linked explicitly so these names resolve to it (as
/// CPython's do) rather than to the Rust runtime's own fallback implementations, which
/// can differ in the last bit.
mod libm {
    #[link(name = "m")]
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        // The Rust runtime ships its own `cbrt`, which wins the link; glibc's `_Float64`
        // alias reaches the C library's.
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
        pub fn cbrt(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn fmod(x: f64, y: f64) -> f64;
        pub fn hypot(x: f64, y: f64) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn lgamma(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn tgamma(x: f64) -> f64;
    }
}

/// Safe wrappers: every function above is pure.
macro_rules! libm_wrappers {
    ($($name:ident),*) => {
        $( pub(crate) fn $name(x: f64) -> f64 {
            // SAFETY: a pure C math function of one double.
            unsafe { libm::$name(x) }
        } )*
    };
}

/// The platform C library's functions (also used by `cmath`).
pub(crate) mod c {
    use super::libm;
    libm_wrappers!(
        acos, acosh, asin, asinh, atan, atanh, cbrt, cos, cosh, erf, erfc, exp, exp2, expm1,
        lgamma, log, log10, log1p, log2, sin, sinh, tan, tanh, tgamma
    );
    pub(crate) fn atan2(y: f64, x: f64) -> f64 {
        // SAFETY: a pure C math function.
        unsafe { libm::atan2(y, x) }
    }
    /// `atan2` and the `errno` it leaves (glibc reports an underflowing result as
    /// ERANGE, which `cmath.phase` turns into an OverflowError, as in CPython).
    pub(crate) fn atan2_errno(y: f64, x: f64) -> (f64, i32) {
        #[cfg(target_os = "linux")]
        {
            // SAFETY: `__errno_location` returns the calling thread's errno slot.
            unsafe { *libc::__errno_location() = 0 };
            let r = atan2(y, x);
            // SAFETY: as above.
            let e = unsafe { *libc::__errno_location() };
            (r, e)
        }
        #[cfg(not(target_os = "linux"))]
        {
            (atan2(y, x), 0)
        }
    }
    pub(crate) fn hypot(x: f64, y: f64) -> f64 {
        // SAFETY: a pure C math function.
        unsafe { libm::hypot(x, y) }
    }
    pub(crate) fn fmod(x: f64, y: f64) -> f64 {
        // SAFETY: a pure C math function.
        unsafe { libm::fmod(x, y) }
    }
    pub(crate) fn pow(x: f64, y: f64) -> f64 {
        // SAFETY: a pure C math function.
        unsafe { libm::pow(x, y) }
    }
}

fn domain_error() -> PyErr {
    value_error("math domain error")
}

fn range_error() -> PyErr {
    overflow_error("math range error")
}

/// `PyFloat_AsDouble`: floats, `__float__`, then `__index__`.
fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_f64(v) {
        return Ok(f);
    }
    ops::float_value(vm, v)
}

/// CPython's `is_error`/`math_1` rule applied to `r = f(x)`.
fn check_1(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

fn ldexp_f(x: f64, e: i64) -> f64 {
    let e = e.clamp(-3000, 3000) as i32;
    // SAFETY: a pure libm function.
    unsafe { libm::ldexp(x, e) }
}

macro_rules! math1 {
    ($fname:ident, $pyname:literal, $f:expr, $overflow:expr) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let [x] = args.exact::<1>(concat!("math.", $pyname))?;
            let x = to_f64(vm, x)?;
            let f: fn(f64) -> f64 = $f;
            Ok(new_float(check_1(x, f(x), $overflow)?))
        }
    };
}

math1!(math_acos, "acos", c::acos, false);
math1!(math_acosh, "acosh", c::acosh, false);
math1!(math_asin, "asin", c::asin, false);
math1!(math_asinh, "asinh", c::asinh, false);
math1!(math_atan, "atan", c::atan, false);
math1!(math_atanh, "atanh", c::atanh, false);
math1!(math_cbrt, "cbrt", c::cbrt, false);
math1!(math_cos, "cos", c::cos, false);
math1!(math_cosh, "cosh", c::cosh, true);
math1!(math_exp, "exp", c::exp, true);
math1!(math_exp2, "exp2", c::exp2, true);
math1!(math_expm1, "expm1", c::expm1, true);
math1!(math_fabs, "fabs", f64::abs, false);
math1!(math_log1p, "log1p", c::log1p, false);
math1!(math_sin, "sin", c::sin, false);
math1!(math_sinh, "sinh", c::sinh, true);
math1!(math_sqrt, "sqrt", f64::sqrt, false);
math1!(math_tan, "tan", c::tan, false);
math1!(math_tanh, "tanh", c::tanh, false);
math1!(math_erf, "erf", c::erf, false);
math1!(math_erfc, "erfc", c::erfc, false);

fn math_gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.gamma")?;
    let x = to_f64(vm, x)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(new_float(x));
    }
    if x == f64::NEG_INFINITY || x == 0.0 || (x < 0.0 && x == x.floor()) {
        return Err(domain_error());
    }
    // Integral arguments are exact factorials, as in CPython.
    if x == x.floor() && x <= 23.0 {
        return Ok(new_float(
            factorial_of(x as u64 - 1).to_f64().unwrap_or(f64::INFINITY),
        ));
    }
    let r = c::tgamma(x);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

fn math_lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.lgamma")?;
    let x = to_f64(vm, x)?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    if x.is_infinite() {
        return Ok(new_float(f64::INFINITY));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain_error());
    }
    // The sign C's lgamma stores in `signgam` is not used.
    let r = c::lgamma(x);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

/// `math_2`'s error rule for two-argument functions.
fn check_2(x: f64, y: f64, r: f64) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

fn two_floats(vm: &mut Vm, args: Args, name: &str) -> PyResult<(f64, f64)> {
    let [x, y] = args.exact::<2>(name)?;
    Ok((to_f64(vm, x)?, to_f64(vm, y)?))
}

fn math_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two_floats(vm, args, "atan2")?;
    Ok(new_float(check_2(y, x, c::atan2(y, x))?))
}

fn math_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "copysign")?;
    Ok(new_float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(x));
    }
    let r = c::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(new_float(r))
}

fn math_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "remainder")?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    if y.is_nan() {
        return Ok(new_float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error());
    }
    if y.is_infinite() {
        return Ok(new_float(x));
    }
    // SAFETY: a pure libm function (IEEE 754 remainder is exactly specified).
    Ok(new_float(unsafe { libm::remainder(x, y) }))
}

/// `math.pow`: C99 Annex F special cases, then the domain/range rule.
fn math_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && c::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = c::pow(x, y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 {
                domain_error()
            } else {
                range_error()
            });
        }
        r
    };
    Ok(new_float(r))
}

fn math_fma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, y, z] = args.exact::<3>("fma")?;
    let (x, y, z) = (to_f64(vm, x)?, to_f64(vm, y)?, to_f64(vm, z)?);
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(value_error("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(overflow_error("overflow in fma"));
        }
    }
    Ok(new_float(r))
}

fn math_degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.degrees")?;
    let x = to_f64(vm, x)?;
    Ok(new_float(x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.radians")?;
    let x = to_f64(vm, x)?;
    Ok(new_float(x * (std::f64::consts::PI / 180.0)))
}

fn math_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.isfinite")?;
    Ok(bool_value(to_f64(vm, x)?.is_finite()))
}

fn math_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.isinf")?;
    Ok(bool_value(to_f64(vm, x)?.is_infinite()))
}

fn math_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.isnan")?;
    Ok(bool_value(to_f64(vm, x)?.is_nan()))
}

fn math_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.frexp")?;
    let (m, e) = crate::objects::float::frexp(to_f64(vm, x)?);
    Ok(new_tuple(vec![new_float(m), new_int(e as i64)]))
}

fn math_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x, i] = args.exact::<2>("ldexp")?;
    let x = to_f64(vm, x)?;
    let Some(e) = as_int(i) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    let e = match e {
        IntRef::Small(n) => n,
        IntRef::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    let r = ldexp_f(x, e);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(new_float(r))
}

fn math_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.modf")?;
    let x = to_f64(vm, x)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(new_tuple(vec![new_float(frac), new_float(int)]))
}

/// Result of `__floor__`/`__ceil__`/`__trunc__` when the type defines it.
fn call_special(vm: &mut Vm, x: &Value, name: &str) -> PyResult<Option<Value>> {
    match ops::lookup_special(x, name) {
        Some(m) => crate::vm::call::call_method_value(vm, &m, x, &[]).map(Some),
        None => Ok(None),
    }
}

fn float_to_int(f: f64) -> PyResult<Value> {
    crate::objects::float::f64_to_int(f)
}

fn math_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.floor")?;
    if x.downcast_exact::<crate::objects::float::PyFloat>()
        .is_some()
    {
        return float_to_int(as_f64(x).unwrap_or(0.0).floor());
    }
    if is_int(x) {
        return crate::objects::int::int_int(vm, x);
    }
    if let Some(r) = call_special(vm, x, "__floor__")? {
        return Ok(r);
    }
    float_to_int(to_f64(vm, x)?.floor())
}

fn math_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.ceil")?;
    if x.downcast_exact::<crate::objects::float::PyFloat>()
        .is_some()
    {
        return float_to_int(as_f64(x).unwrap_or(0.0).ceil());
    }
    if is_int(x) {
        return crate::objects::int::int_int(vm, x);
    }
    if let Some(r) = call_special(vm, x, "__ceil__")? {
        return Ok(r);
    }
    float_to_int(to_f64(vm, x)?.ceil())
}

fn math_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.trunc")?;
    if x.downcast_exact::<crate::objects::float::PyFloat>()
        .is_some()
    {
        return float_to_int(as_f64(x).unwrap_or(0.0).trunc());
    }
    if is_int(x) {
        return crate::objects::int::int_int(vm, x);
    }
    match call_special(vm, x, "__trunc__")? {
        Some(r) => Ok(r),
        None => Err(type_error(format!(
            "type {} doesn't define __trunc__ method",
            x.ty().name()
        ))),
    }
}

// ---------------------------------------------------------------------------
// Logarithms

/// A positive big int as `m * 2**e` with `0.5 <= m <= 1` (CPython's `_PyLong_Frexp`,
/// correctly rounded to 53 bits).
fn bigint_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    if bits <= 64 {
        let v = b.to_u64().unwrap_or(0) as f64;
        let (m, e) = crate::objects::float::frexp(v);
        return (m, e as i64);
    }
    let shift = bits - 64;
    let mut top = (b >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit keeps the rounding of the 64 -> 53 bit conversion correct.
    if b.trailing_zeros().unwrap_or(0) < shift {
        top |= 1;
    }
    let m = top as f64 / 18446744073709551616.0;
    (m, shift as i64 + 64)
}

/// CPython's `loghelper`: ints too large for a float are logged as `m * 2**e`.
fn log_helper(vm: &mut Vm, x: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(x) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error());
        }
        if let IntRef::Big(b) = i {
            // Only ints too large for a float take the frexp route (as in CPython, where
            // the float conversion overflows).
            if crate::objects::float::bigint_to_f64(b).is_none() {
                let (m, e) = bigint_frexp(b);
                return Ok(f(m) + f(2.0) * e as f64);
            }
        }
    }
    let v = to_f64(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        return Err(domain_error());
    }
    Ok(f(v))
}

fn math_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("log", 1, 2)?;
    let num = log_helper(vm, &pos[0], c::log)?;
    let Some(base) = pos.get(1) else {
        return Ok(new_float(num));
    };
    let den = log_helper(vm, base, c::log)?;
    if den == 0.0 {
        return Err(zero_division_error("float division by zero"));
    }
    Ok(new_float(num / den))
}

fn math_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.log2")?;
    Ok(new_float(log_helper(vm, x, c::log2)?))
}

fn math_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.log10")?;
    Ok(new_float(log_helper(vm, x, c::log10)?))
}

// ---------------------------------------------------------------------------
// Sums, products and norms

/// `math.fsum`: exact summation with Shewchuk's non-overlapping partials, rounded
/// once at the end (half-even), as described in the `math.fsum` documentation.
fn math_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [seq] = args.exact::<1>("math.fsum")?;
    let it = ops::iter(vm, seq)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = ops::next(vm, &it)? {
        let original = to_f64(vm, &item)?;
        let mut x = original;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite partial either comes from an inf/nan input or is an
                // overflow of finite inputs.
                if original.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the discarded tail is exactly half an ulp and
        // the next partial pushes it one way.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(new_float(hi))
}

fn math_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("prod", &[po("iterable"), kw("start")]);
    if args.positional().len() > 1 {
        return Err(type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.positional().len()
        )));
    }
    let [iterable, start] = SIG.parse::<2>(args)?;
    let iterable = iterable.expect("required");
    let mut total = start.unwrap_or_else(|| new_int(1));
    let it = ops::iter(vm, &iterable)?;
    while let Some(item) = ops::next(vm, &it)? {
        total = ops::binary_op(vm, &total, &item, BinaryOperator::Multiply)?;
    }
    Ok(total)
}

/// Exact `a*b` as `hi + lo`.
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}

/// Exact `a+b` as `hi + lo` (Knuth's branch-free two-sum).
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// The Euclidean norm of `v` (CPython's `vector_norm`): scaled by the largest
/// component, squares summed in double-double precision, then a square root with one
/// correction step, so the result is almost always correctly rounded.
fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, e) = crate::objects::float::frexp(max);
    let e = e as i64;
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &x in v {
        let x = ldexp_f(x.abs(), -e);
        let (p, pe) = two_prod(x, x);
        let (s, se) = two_sum(hi, p);
        hi = s;
        lo += se + pe;
    }
    let (s, se) = two_sum(hi, lo);
    hi = s;
    lo = se;
    let mut h = hi.sqrt();
    let residual = (-h).mul_add(h, hi) + lo;
    h += residual / (2.0 * h);
    ldexp_f(h, e)
}

fn math_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("hypot")?;
    let mut coords = Vec::with_capacity(args.positional().len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in args.positional() {
        let x = to_f64(vm, v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(new_float(vector_norm(&coords, max, found_nan)))
}

fn math_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, q] = args.exact::<2>("dist")?;
    let p = ops::collect_iter(vm, p)?;
    let q = ops::collect_iter(vm, q)?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(q.iter()) {
        let x = (to_f64(vm, a)? - to_f64(vm, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(new_float(vector_norm(&diffs, max, found_nan)))
}

/// Accumulator of `sumprod`'s float path: a sum of exact products in triple-length
/// precision (hi + lo + tiny), rounded once at the end.
#[derive(Default)]
struct TripleSum {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl TripleSum {
    fn add_product(&mut self, a: f64, b: f64) {
        let (p, pe) = two_prod(a, b);
        let (s1, e1) = two_sum(self.hi, p);
        let (s2, e2) = two_sum(self.lo, pe);
        let (s3, e3) = two_sum(s2, e1);
        self.hi = s1;
        self.lo = s3;
        self.tiny += e2 + e3;
    }
    fn value(&self) -> f64 {
        let (s, e) = two_sum(self.hi, self.lo);
        s + (e + self.tiny)
    }
}

/// A float for `sumprod`'s float path: finite exact floats, and exact ints a float
/// holds exactly.
fn sumprod_float(v: &Value) -> Option<f64> {
    if v.downcast_exact::<crate::objects::float::PyFloat>()
        .is_some()
    {
        // Infinities and NaNs take the plain arithmetic path, where `inf * 1` stays
        // `inf` instead of turning the exact product's error term into a NaN.
        return as_f64(v).filter(|f| f.is_finite());
    }
    if crate::objects::int::is_exact_int(v) {
        if let Some(i) = v.as_small_int() {
            if i.unsigned_abs() <= 1 << 53 {
                return Some(i as f64);
            }
        }
    }
    None
}

/// `math.sumprod(p, q)`: exact for ints, extended precision for floats, the number
/// protocol for anything else; paths are flushed into the running total in order.
fn math_sumprod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [p, q] = args.exact::<2>("sumprod")?;
    let pi = ops::iter(vm, p)?;
    let qi = ops::iter(vm, q)?;
    let mut total = new_int(0);
    let mut int_acc: Option<BigInt> = None;
    let mut flt_acc: Option<TripleSum> = None;
    loop {
        let a = ops::next(vm, &pi)?;
        let b = ops::next(vm, &qi)?;
        let (a, b) = match (a, b) {
            (Some(a), Some(b)) => (a, b),
            (None, None) => break,
            _ => return Err(value_error("Inputs are not the same length")),
        };
        if crate::objects::int::is_exact_int(&a)
            && crate::objects::int::is_exact_int(&b)
            && flt_acc.is_none()
        {
            let prod = as_int(&a).map(|i| i.to_bigint()).unwrap_or_default()
                * as_int(&b).map(|i| i.to_bigint()).unwrap_or_default();
            *int_acc.get_or_insert_with(BigInt::zero) += prod;
            continue;
        }
        if let Some(acc) = int_acc.take() {
            total = ops::binary_op(vm, &total, &new_bigint(acc), BinaryOperator::Add)?;
        }
        if let (Some(x), Some(y)) = (sumprod_float(&a), sumprod_float(&b)) {
            flt_acc
                .get_or_insert_with(TripleSum::default)
                .add_product(x, y);
            continue;
        }
        if let Some(acc) = flt_acc.take() {
            total = ops::binary_op(vm, &total, &new_float(acc.value()), BinaryOperator::Add)?;
        }
        let prod = ops::binary_op(vm, &a, &b, BinaryOperator::Multiply)?;
        total = ops::binary_op(vm, &total, &prod, BinaryOperator::Add)?;
    }
    if let Some(acc) = int_acc.take() {
        total = ops::binary_op(vm, &total, &new_bigint(acc), BinaryOperator::Add)?;
    }
    if let Some(acc) = flt_acc.take() {
        total = ops::binary_op(vm, &total, &new_float(acc.value()), BinaryOperator::Add)?;
    }
    Ok(total)
}

// ---------------------------------------------------------------------------
// Comparisons and neighbours

fn math_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("isclose", &[p("a"), p("b"), kw("rel_tol"), kw("abs_tol")]);
    let [a, b, rel, abs] = SIG.parse::<4>(args)?;
    let a = to_f64(vm, &a.expect("required"))?;
    let b = to_f64(vm, &b.expect("required"))?;
    let rel_tol = match rel {
        Some(v) => to_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs {
        Some(v) => to_f64(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(bool_value(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(bool_value(false));
    }
    let diff = (b - a).abs();
    Ok(bool_value(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

/// Maps floats to integers in the same order (both zeros to 0).
fn order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    if bits < 0 {
        -(bits & i64::MAX)
    } else {
        bits
    }
}

fn from_order_key(k: i64, zero_sign: f64) -> f64 {
    if k == 0 {
        0.0f64.copysign(zero_sign)
    } else if k < 0 {
        -f64::from_bits((-k) as u64)
    } else {
        f64::from_bits(k as u64)
    }
}

fn math_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("nextafter", &[po("x"), po("y"), kw("steps")]);
    let n = args.positional().len();
    if n != 2 {
        return Err(type_error(format!(
            "nextafter() takes exactly 2 positional arguments ({n} given)"
        )));
    }
    let [x, y, steps] = SIG.parse::<3>(args)?;
    let x = to_f64(vm, &x.expect("required"))?;
    let y = to_f64(vm, &y.expect("required"))?;
    let steps: u64 = match steps.filter(|s| !is_none(s)) {
        None => 1,
        Some(s) => {
            let i = ops::index(vm, &s)?;
            match as_int(&i) {
                Some(i) if i.is_negative() => {
                    return Err(value_error("steps must be a non-negative integer"))
                }
                Some(i) => i.to_bigint().to_u64().unwrap_or(u64::MAX),
                None => 1,
            }
        }
    };
    if x.is_nan() {
        return Ok(new_float(x));
    }
    if y.is_nan() {
        return Ok(new_float(y));
    }
    if steps == 0 {
        return Ok(new_float(x));
    }
    let (kx, ky) = (order_key(x), order_key(y));
    let distance = (ky as i128 - kx as i128).unsigned_abs();
    if steps as u128 >= distance {
        return Ok(new_float(y));
    }
    let k = if ky > kx {
        kx + steps as i64
    } else {
        kx - steps as i64
    };
    Ok(new_float(from_order_key(k, x)))
}

fn math_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [x] = args.exact::<1>("math.ulp")?;
    let x = to_f64(vm, x)?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(x));
    }
    let up = x.next_up();
    if up.is_infinite() {
        return Ok(new_float(x - x.next_down()));
    }
    Ok(new_float(up - x))
}

// ---------------------------------------------------------------------------
// Integer functions

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = ops::index(vm, v)?;
    Ok(as_int(&i).map(|i| i.to_bigint()).unwrap_or_default())
}

fn math_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("gcd")?;
    let mut g = BigInt::zero();
    for v in args.positional() {
        let x = int_arg(vm, v)?;
        g = g.gcd(&x);
    }
    Ok(new_bigint(g))
}

fn math_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("lcm")?;
    let pos = args.positional();
    if pos.is_empty() {
        return Ok(new_int(1));
    }
    let mut l = int_arg(vm, &pos[0])?.abs();
    for v in &pos[1..] {
        let x = int_arg(vm, v)?;
        l = if l.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&x)
        };
    }
    Ok(new_bigint(l))
}

fn math_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("math.isqrt")?;
    let n = int_arg(vm, n)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(new_bigint(n.sqrt()))
}

/// `start * (start+1) * ... * (start+count-1)` by binary splitting.
fn range_product(start: &BigInt, count: u64) -> BigInt {
    match count {
        0 => BigInt::one(),
        1 => start.clone(),
        2 => start * (start + 1u32),
        _ => {
            let half = count / 2;
            range_product(start, half) * range_product(&(start + half), count - half)
        }
    }
}

fn factorial_of(n: u64) -> BigInt {
    if n < 2 {
        return BigInt::one();
    }
    range_product(&BigInt::from(2u32), n - 1)
}

fn math_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n] = args.exact::<1>("math.factorial")?;
    let n = int_arg(vm, n)?;
    factorial_value(&n)
}

fn factorial_value(n: &BigInt) -> PyResult<Value> {
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(overflow_error(
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(new_bigint(factorial_of(n as u64)))
}

fn math_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("perm", 1, 2)?;
    let n = int_arg(vm, &pos[0])?;
    let k = match pos.get(1).filter(|k| !is_none(k)) {
        None => return factorial_value(&n),
        Some(k) => int_arg(vm, k)?,
    };
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new_int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(overflow_error("k must not exceed 9223372036854775807"));
    };
    let start = &n - k + 1u32;
    Ok(new_bigint(range_product(&start, k)))
}

fn math_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [n, k] = args.exact::<2>("comb")?;
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(overflow_error(
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let start = &n - k + 1u32;
    Ok(new_bigint(range_product(&start, k) / factorial_of(k)))
}

pub static MATH_METHODS: &[MethodDef] = &[
    MethodDef::method("acos", math_acos),
    MethodDef::method("acosh", math_acosh),
    MethodDef::method("asin", math_asin),
    MethodDef::method("asinh", math_asinh),
    MethodDef::method("atan", math_atan),
    MethodDef::method("atan2", math_atan2),
    MethodDef::method("atanh", math_atanh),
    MethodDef::method("cbrt", math_cbrt),
    MethodDef::method("ceil", math_ceil),
    MethodDef::method("comb", math_comb),
    MethodDef::method("copysign", math_copysign),
    MethodDef::method("cos", math_cos),
    MethodDef::method("cosh", math_cosh),
    MethodDef::method("degrees", math_degrees),
    MethodDef::method("dist", math_dist),
    MethodDef::method("erf", math_erf),
    MethodDef::method("erfc", math_erfc),
    MethodDef::method("exp", math_exp),
    MethodDef::method("exp2", math_exp2),
    MethodDef::method("expm1", math_expm1),
    MethodDef::method("fabs", math_fabs),
    MethodDef::method("factorial", math_factorial),
    MethodDef::method("floor", math_floor),
    MethodDef::method("fma", math_fma),
    MethodDef::method("fmod", math_fmod),
    MethodDef::method("frexp", math_frexp),
    MethodDef::method("fsum", math_fsum),
    MethodDef::method("gamma", math_gamma),
    MethodDef::method("gcd", math_gcd),
    MethodDef::method("hypot", math_hypot),
    MethodDef::method("isclose", math_isclose),
    MethodDef::method("isfinite", math_isfinite),
    MethodDef::method("isinf", math_isinf),
    MethodDef::method("isnan", math_isnan),
    MethodDef::method("isqrt", math_isqrt),
    MethodDef::method("lcm", math_lcm),
    MethodDef::method("ldexp", math_ldexp),
    MethodDef::method("lgamma", math_lgamma),
    MethodDef::method("log", math_log),
    MethodDef::method("log10", math_log10),
    MethodDef::method("log1p", math_log1p),
    MethodDef::method("log2", math_log2),
    MethodDef::method("modf", math_modf),
    MethodDef::method("nextafter", math_nextafter),
    MethodDef::method("perm", math_perm),
    MethodDef::method("pow", math_pow),
    MethodDef::method("prod", math_prod),
    MethodDef::method("radians", math_radians),
    MethodDef::method("remainder", math_remainder),
    MethodDef::method("sin", math_sin),
    MethodDef::method("sinh", math_sinh),
    MethodDef::method("sqrt", math_sqrt),
    MethodDef::method("sumprod", math_sumprod),
    MethodDef::method("tan", math_tan),
    MethodDef::method("tanh", math_tanh),
    MethodDef::method("trunc", math_trunc),
    MethodDef::method("ulp", math_ulp),
];

fn math_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    super::add_object(module, "pi", new_float(std::f64::consts::PI));
    super::add_object(module, "e", new_float(std::f64::consts::E));
    super::add_object(module, "tau", new_float(std::f64::consts::TAU));
    super::add_object(module, "inf", new_float(f64::INFINITY));
    super::add_object(module, "nan", new_float(f64::NAN));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "math",
    doc: Some(
        "This module provides access to the mathematical functions\ndefined by the C standard.",
    ),
    methods: MATH_METHODS,
    init: Some(math_init),
};
