//! `time`: clocks, sleeping and calendar conversions (CPython's `Modules/timemodule.c`).
//!
//! Clocks read POSIX `clock_gettime` (std already links the C library; CPython reads the
//! same clocks), so `process_time` and `thread_time` are real CPU clocks.  Calendar
//! conversions are done in Rust with proleptic Gregorian arithmetic.
//!
//! NOTE: local time is UTC: `localtime`, `mktime`, `ctime`, `timezone`, `altzone`,
//! `daylight` and `tzname` behave as CPython does when the zone is UTC (the case on
//! machines without `TZ`), whatever `TZ` says.  `tzset` is therefore absent.
//! NOTE: `strptime` delegates to the pure-Python `_strptime` module, as CPython does.
//! NOTE: `get_clock_info` returns a small `namespace` object of this module's own
//! (CPython returns a `types.SimpleNamespace`, which has the same repr and attributes).

use super::ModuleDef;
use crate::objects::float::{as_f64, new_float};
use crate::objects::int::{as_int, new_bigint, new_int, IntRef};
use crate::objects::singletons::{bool_value, is_none, none};
use crate::objects::str::{as_str, new_str, new_string};
use crate::objects::tuple::{as_tuple, new_tuple, new_tuple_of_type, TUPLE_LAYOUT, TUPLE_TYPE};
use crate::objects::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyResult, Vm};

// ---------------------------------------------------------------------------
// Clocks

const CLOCK_REALTIME: i32 = 0;
const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
const CLOCK_MONOTONIC_RAW: i32 = 4;
const CLOCK_BOOTTIME: i32 = 7;
const CLOCK_TAI: i32 = 11;

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
    fn clock_getres(clk: i32, ts: *mut Timespec) -> i32;
}

/// Nanoseconds on clock `clk`, or the OSError CPython raises.
fn clock_ns(clk: i32) -> PyResult<i128> {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter with the platform's `timespec` layout.
    let rc = unsafe { clock_gettime(clk, &mut ts) };
    if rc != 0 {
        return Err(crate::vm::PyErr::new(
            &crate::objects::exceptions::OS_ERROR,
            "[Errno 22] Invalid argument",
        ));
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn ns_value(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(i) => new_int(i),
        Err(_) => new_bigint(num_bigint::BigInt::from(ns)),
    }
}

fn ns_to_seconds(ns: i128) -> Value {
    new_float(ns as f64 * 1e-9)
}

macro_rules! clock_fns {
    ($secs:ident, $nanos:ident, $name:literal, $clk:expr) => {
        fn $secs(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check(concat!("time.", $name), 0, 0)?;
            Ok(ns_to_seconds(clock_ns($clk)?))
        }
        fn $nanos(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            args.check(concat!("time.", $name, "_ns"), 0, 0)?;
            Ok(ns_value(clock_ns($clk)?))
        }
    };
}

clock_fns!(time_time, time_time_ns, "time", CLOCK_REALTIME);
clock_fns!(
    time_monotonic,
    time_monotonic_ns,
    "monotonic",
    CLOCK_MONOTONIC
);
clock_fns!(
    time_perf_counter,
    time_perf_counter_ns,
    "perf_counter",
    CLOCK_MONOTONIC
);
clock_fns!(
    time_process_time,
    time_process_time_ns,
    "process_time",
    CLOCK_PROCESS_CPUTIME_ID
);
clock_fns!(
    time_thread_time,
    time_thread_time_ns,
    "thread_time",
    CLOCK_THREAD_CPUTIME_ID
);

fn clock_id(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = ops::index_value(vm, v)?;
    i32::try_from(i).map_err(|_| overflow_error("signed integer is greater than maximum"))
}

fn time_clock_gettime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [clk] = args.exact::<1>("time.clock_gettime")?;
    let clk = clock_id(vm, clk)?;
    Ok(ns_to_seconds(clock_ns(clk)?))
}

fn time_clock_gettime_ns(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [clk] = args.exact::<1>("time.clock_gettime_ns")?;
    let clk = clock_id(vm, clk)?;
    Ok(ns_value(clock_ns(clk)?))
}

fn time_clock_getres(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [clk] = args.exact::<1>("time.clock_getres")?;
    let clk = clock_id(vm, clk)?;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter with the platform's `timespec` layout.
    if unsafe { clock_getres(clk, &mut ts) } != 0 {
        return Err(crate::vm::PyErr::new(
            &crate::objects::exceptions::OS_ERROR,
            "[Errno 22] Invalid argument",
        ));
    }
    Ok(new_float(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9))
}

/// `time.sleep(secs)`: CPython's `_PyTime_FromSecondsObject` conversion, then a sleep.
fn time_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [secs] = args.exact::<1>("time.sleep")?;
    let too_large = || overflow_error("timestamp too large to convert to C PyTime_t");
    let ns: i128 = if let Some(f) = as_f64(secs) {
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = (f * 1e9).round();
        if ns.abs() >= 9.223_372_036_854_776e18 {
            return Err(too_large());
        }
        ns as i128
    } else {
        let i = ops::index(vm, secs)?;
        let s = as_int(&i).and_then(|i| i.to_i64()).ok_or_else(too_large)?;
        (s as i128)
            .checked_mul(1_000_000_000)
            .filter(|n| i64::try_from(*n).is_ok())
            .ok_or_else(too_large)?
    };
    if ns < 0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    // Sleeps until the deadline; a signal interrupts the wait to run the Python
    // handlers (KeyboardInterrupt ends it), then the rest is slept (PEP 475).
    let deadline = std::time::Instant::now() + std::time::Duration::from_nanos(ns as u64);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Ok(none());
        }
        let req = libc::timespec { tv_sec: left.as_secs() as libc::time_t, tv_nsec: left.subsec_nanos() as libc::c_long };
        // SAFETY: `req` is a valid timespec; the remainder pointer may be null.
        let rc = unsafe { libc::nanosleep(&req, std::ptr::null_mut()) };
        if rc == 0 {
            return Ok(none());
        }
        if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            super::signal::run_handlers(vm)?;
        }
    }
}

// ---------------------------------------------------------------------------
// struct_time

pub static STRUCT_TIME_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "struct_time",
    layout: &TUPLE_LAYOUT,
    flags: flags::HAVE_GC | flags::TUPLE_SUBCLASS | flags::SEQUENCE,
    base: Some(&TUPLE_TYPE),
    methods: STRUCT_TIME_METHODS,
    getsets: STRUCT_TIME_GETSETS,
    doc: Some("The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details."),
    module: Some("time"),
});

const FIELDS: [&str; 9] = [
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// A `struct_time`: nine visible items plus `tm_zone` and `tm_gmtoff`, kept in the
/// instance's two extra words.
fn new_struct_time(items: Vec<Value>, zone: Value, gmtoff: Value) -> Value {
    let v = new_tuple_of_type(&STRUCT_TIME_TYPE, items);
    if let Some(head) = v.as_head() {
        let extras = head.extras();
        if let (Some(z), Some(g)) = (extras.first(), extras.get(1)) {
            *z.borrow_mut() = Some(zone);
            *g.borrow_mut() = Some(gmtoff);
        }
    }
    v
}

fn extra_field(v: &Value, i: usize) -> Value {
    v.as_head()
        .and_then(|h| h.extras().get(i).and_then(|c| c.borrow().clone()))
        .unwrap_or_else(none)
}

fn struct_time_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    use crate::vm::args::{opt, p};
    static SIG: crate::vm::Sig = crate::vm::Sig::new("struct_time", &[p("sequence"), opt("dict")]);
    let [seq, dict] = SIG.parse::<2>(args)?;
    let items = ops::collect_iter(vm, &seq.expect("required"))?;
    let n = items.len();
    if n < 9 {
        return Err(type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({n}-sequence given)"
        )));
    }
    if n > 11 {
        return Err(type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({n}-sequence given)"
        )));
    }
    let mut extra = [none(), none()];
    for (i, v) in items[9..].iter().enumerate() {
        extra[i] = v.clone();
    }
    if let Some(d) = dict.filter(|d| !is_none(d)) {
        for (i, name) in ["tm_zone", "tm_gmtoff"].iter().enumerate() {
            if 9 + i >= n {
                if let Some(v) = crate::objects::dict::PyDict::get_item_opt(vm, &d, &new_str(name))?
                {
                    extra[i] = v;
                }
            }
        }
    }
    let [zone, gmtoff] = extra;
    Ok(new_struct_time(items[..9].to_vec(), zone, gmtoff))
}

fn struct_time_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let items = as_tuple(v).unwrap_or(&[]).to_vec();
    let mut parts = Vec::with_capacity(9);
    for (name, item) in FIELDS.iter().zip(items.iter()) {
        parts.push(format!("{name}={}", ops::repr_string(vm, item)?));
    }
    Ok(new_string(format!(
        "time.struct_time({})",
        parts.join(", ")
    )))
}

fn struct_time_reduce(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [this] = args.exact::<1>("__reduce__")?;
    let items = as_tuple(this).unwrap_or(&[]).to_vec();
    let d = crate::objects::dict::PyDict::new_value();
    crate::objects::dict::PyDict::set_str(&d, "tm_zone", extra_field(this, 0));
    crate::objects::dict::PyDict::set_str(&d, "tm_gmtoff", extra_field(this, 1));
    Ok(new_tuple(vec![
        STRUCT_TIME_TYPE.to_value(),
        new_tuple(vec![new_tuple(items), d]),
    ]))
}

static STRUCT_TIME_METHODS: &[MethodDef] = &[MethodDef::method("__reduce__", struct_time_reduce)];

macro_rules! field_getter {
    ($fname:ident, $index:expr) => {
        fn $fname(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
            Ok(as_tuple(v)
                .and_then(|t| t.get($index).cloned())
                .unwrap_or_else(none))
        }
    };
}

field_getter!(get_tm_year, 0);
field_getter!(get_tm_mon, 1);
field_getter!(get_tm_mday, 2);
field_getter!(get_tm_hour, 3);
field_getter!(get_tm_min, 4);
field_getter!(get_tm_sec, 5);
field_getter!(get_tm_wday, 6);
field_getter!(get_tm_yday, 7);
field_getter!(get_tm_isdst, 8);

fn get_tm_zone(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(extra_field(v, 0))
}

fn get_tm_gmtoff(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(extra_field(v, 1))
}

static STRUCT_TIME_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("tm_year", get_tm_year),
    GetSetDef::new("tm_mon", get_tm_mon),
    GetSetDef::new("tm_mday", get_tm_mday),
    GetSetDef::new("tm_hour", get_tm_hour),
    GetSetDef::new("tm_min", get_tm_min),
    GetSetDef::new("tm_sec", get_tm_sec),
    GetSetDef::new("tm_wday", get_tm_wday),
    GetSetDef::new("tm_yday", get_tm_yday),
    GetSetDef::new("tm_isdst", get_tm_isdst),
    GetSetDef::new("tm_zone", get_tm_zone),
    GetSetDef::new("tm_gmtoff", get_tm_gmtoff),
];

// ---------------------------------------------------------------------------
// Calendar arithmetic

/// A broken-down time, with CPython's field conventions (`mon` 1-12, `wday` 0 = Monday,
/// `yday` 1-366).
#[derive(Clone, Debug)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
    zone: Option<String>,
    gmtoff: Option<i64>,
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days from 1970-01-01 to `year-mon-mday` (proleptic Gregorian, `mon` 1-12).
fn days_from_civil(year: i64, mon: i64, mday: i64) -> i64 {
    let y = if mon <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mon + 9) % 12;
    let doy = (153 * mp + 2) / 5 + mday - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01 as `(year, mon, mday)`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let mon = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + if mon <= 2 { 1 } else { 0 };
    (year, mon, mday)
}

fn broken_down_utc(t: i64, zone: &str) -> Tm {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        // 1970-01-01 was a Thursday (3 with Monday = 0).
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1) + 1,
        isdst: 0,
        zone: Some(zone.to_string()),
        gmtoff: Some(0),
    }
}

fn tm_to_value(tm: &Tm) -> Value {
    let items = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ]
    .map(new_int)
    .to_vec();
    let zone = tm.zone.as_deref().map(new_str).unwrap_or_else(none);
    let gmtoff = tm.gmtoff.map(new_int).unwrap_or_else(none);
    new_struct_time(items, zone, gmtoff)
}

/// Seconds argument of `gmtime`/`localtime`/`ctime` (`_PyTime_ObjectToTime_t`, floor).
fn seconds_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let out_of_range = || overflow_error("timestamp out of range for platform time_t");
    let t = match v.filter(|v| !is_none(v)) {
        None => (clock_ns(CLOCK_REALTIME)?.div_euclid(1_000_000_000)) as i64,
        Some(v) => {
            if let Some(f) = as_f64(v) {
                if f.is_nan() {
                    return Err(value_error("Invalid value NaN (not a number)"));
                }
                let f = f.floor();
                if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
                    return Err(out_of_range());
                }
                f as i64
            } else {
                let i = ops::index(vm, v)?;
                as_int(&i)
                    .and_then(|i| i.to_i64())
                    .ok_or_else(out_of_range)?
            }
        }
    };
    // Years must fit a C int, as glibc's gmtime requires.
    if t.unsigned_abs() > 67_767_976_233_316_800 {
        return Err(out_of_range());
    }
    Ok(t)
}

fn time_gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("gmtime", 0, 1)?;
    let t = seconds_arg(vm, pos.first())?;
    Ok(tm_to_value(&broken_down_utc(t, "GMT")))
}

fn time_localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("localtime", 0, 1)?;
    let t = seconds_arg(vm, pos.first())?;
    Ok(tm_to_value(&broken_down_utc(t, "UTC")))
}

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = ops::index(vm, v)?;
    match as_int(&i) {
        Some(IntRef::Small(n)) if i32::try_from(n).is_ok() => Ok(n),
        Some(i) if i.is_negative() => Err(overflow_error("signed integer is less than minimum")),
        _ => Err(overflow_error("signed integer is greater than maximum")),
    }
}

/// CPython's `gettmarg`: a 9-tuple or `struct_time` to a `Tm` (no range checks).
fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let Some(items) = as_tuple(v).map(<[Value]>::to_vec) else {
        return Err(type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        *slot = c_int(vm, item)?;
    }
    let (mut zone, mut gmtoff) = (None, None);
    if std::ptr::eq(v.ty(), &STRUCT_TIME_TYPE) {
        zone = as_str(&extra_field(v, 0)).map(str::to_string);
        gmtoff = as_int(&extra_field(v, 1)).and_then(|i| i.to_i64());
    }
    Ok(Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        // Python's Monday = 0 becomes C's Sunday = 0 and back, as CPython does.
        wday: ((f[6] + 1) % 7 + 6) % 7,
        yday: f[7],
        isdst: f[8],
        zone,
        gmtoff,
    })
}

/// The range checks `strftime` and `asctime` apply (CPython's `checktm` with its
/// zero-is-default fixes).
fn check_tm(tm: &mut Tm, raw_wday: bool) -> PyResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    } else if !(1..=12).contains(&tm.mon) {
        return Err(value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(1..=31).contains(&tm.mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(value_error("seconds out of range"));
    }
    if raw_wday {
        return Err(value_error("day of week out of range"));
    }
    if tm.yday == 0 {
        tm.yday = 1;
    } else if !(1..=366).contains(&tm.yday) {
        return Err(value_error("day of year out of range"));
    }
    tm.isdst = tm.isdst.clamp(-1, 1);
    Ok(())
}

/// `tm_arg` plus `check_tm`; a weekday below -1 is out of range (C's `tm_wday < 0`).
fn checked_tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let raw_wday = as_tuple(v).and_then(|t| t.get(6).cloned());
    let mut tm = tm_arg(vm, v, fname)?;
    let bad_wday = match raw_wday.as_ref().and_then(as_int) {
        Some(IntRef::Small(w)) => (w + 1) % 7 < 0,
        _ => false,
    };
    check_tm(&mut tm, bad_wday)?;
    Ok(tm)
}

fn now_tm(zone: &str) -> PyResult<Tm> {
    let t = clock_ns(CLOCK_REALTIME)?.div_euclid(1_000_000_000) as i64;
    Ok(broken_down_utc(t, zone))
}

const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn day_name(tm: &Tm) -> &'static str {
    DAY_NAMES[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTH_NAMES[(tm.mon - 1).rem_euclid(12) as usize]
}

fn asctime_string(tm: &Tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &day_name(tm)[..3],
        &month_name(tm)[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn time_asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("asctime", 0, 1)?;
    let tm = match pos.first() {
        Some(t) => checked_tm_arg(vm, t, "asctime")?,
        None => now_tm("UTC")?,
    };
    Ok(new_string(asctime_string(&tm)))
}

fn time_ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("ctime", 0, 1)?;
    let t = seconds_arg(vm, pos.first())?;
    Ok(new_string(asctime_string(&broken_down_utc(t, "UTC"))))
}

fn time_mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [t] = args.exact::<1>("time.mktime")?;
    let tm = tm_arg(vm, t, "mktime")?;
    // Normalise the month first, as C's mktime does; days, hours, ... carry naturally.
    let m0 = tm.mon - 1;
    let year = tm.year + m0.div_euclid(12);
    let mon = m0.rem_euclid(12) + 1;
    let days = days_from_civil(year, mon, 1) + tm.mday - 1;
    let secs =
        days as i128 * 86_400 + tm.hour as i128 * 3600 + tm.min as i128 * 60 + tm.sec as i128;
    Ok(new_float(secs as f64))
}

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let yday0 = tm.yday - 1;
    let wday = tm.wday.rem_euclid(7); // Monday = 0
                                      // The Monday starting the week that contains `yday0`, relative to Jan 1.
    let week = (yday0 - wday + 10) / 7;
    if week < 1 {
        let prev = tm.year - 1;
        let prev_len = if is_leap(prev) { 366 } else { 365 };
        let ptm = Tm {
            year: prev,
            yday: tm.yday + prev_len,
            ..tm.clone()
        };
        return iso_week(&ptm);
    }
    let year_len = if is_leap(tm.year) { 366 } else { 365 };
    if week == 53 && (yday0 - wday + 10) - year_len >= 7 {
        return (tm.year + 1, 1);
    }
    if week == 53 {
        // Week 53 exists only if Dec 31 is a Thursday or later in its week.
        let dec31_wday = (wday + (year_len - 1 - yday0)).rem_euclid(7);
        if dec31_wday < 3 {
            return (tm.year + 1, 1);
        }
    }
    (tm.year, week)
}

/// glibc's `strftime` for the C locale: `%[flags][width][E|O]conversion`, where the
/// flags are `_` (pad with spaces), `-` (no padding), `0` (pad with zeros) and `^`
/// (upper case); unknown conversions are copied unchanged.
fn format_time(fmt: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let zone = tm.zone.clone().unwrap_or_else(|| "UTC".to_string());
    let gmtoff = tm.gmtoff.unwrap_or(0);
    let sunday_wday = (tm.wday + 1).rem_euclid(7);
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut directive = String::from("%");
        let mut pad: Option<char> = None;
        let mut upper = false;
        let mut swap_case = false;
        while let Some(&fl) = chars.peek() {
            match fl {
                '_' | '-' | '0' => pad = Some(fl),
                '^' => upper = true,
                '#' => swap_case = true,
                _ => break,
            }
            directive.push(fl);
            chars.next();
        }
        let mut width = 0usize;
        while let Some(&d) = chars.peek() {
            let Some(v) = d.to_digit(10) else { break };
            width = width
                .saturating_mul(10)
                .saturating_add(v as usize)
                .min(4096);
            directive.push(d);
            chars.next();
        }
        let mut spec = chars.next();
        if let Some(sc) = spec {
            directive.push(sc);
        }
        if matches!(spec, Some('E') | Some('O')) {
            match chars.peek() {
                Some(n) if n.is_ascii_alphabetic() || *n == '%' => {
                    spec = chars.next();
                    directive.extend(spec);
                }
                _ => {
                    out.push_str(&directive);
                    continue;
                }
            }
        }
        let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        let mut f = String::new();
        match spec {
            Some('a') => f.push_str(&day_name(tm)[..3]),
            Some('A') => f.push_str(day_name(tm)),
            Some('b') | Some('h') => f.push_str(&month_name(tm)[..3]),
            Some('B') => f.push_str(month_name(tm)),
            Some('c') => f.push_str(&format_time("%a %b %e %H:%M:%S %Y", tm)),
            Some('C') => f.push_str(
                &(tm.year.div_euclid(100)
                    + if tm.year < 0 && tm.year % 100 == 0 {
                        1
                    } else {
                        0
                    })
                .to_string(),
            ),
            Some('d') => f.push_str(&format!("{:02}", tm.mday)),
            Some('D') => f.push_str(&format_time("%m/%d/%y", tm)),
            Some('e') => f.push_str(&format!("{:2}", tm.mday)),
            Some('F') => f.push_str(&format_time("%Y-%m-%d", tm)),
            Some('G') => f.push_str(&iso_week(tm).0.to_string()),
            Some('g') => f.push_str(&format!("{:02}", iso_week(tm).0.rem_euclid(100))),
            Some('H') => f.push_str(&format!("{:02}", tm.hour)),
            Some('I') => f.push_str(&format!("{hour12:02}")),
            Some('j') => f.push_str(&format!("{:03}", tm.yday)),
            Some('k') => f.push_str(&format!("{:2}", tm.hour)),
            Some('l') => f.push_str(&format!("{hour12:2}")),
            Some('m') => f.push_str(&format!("{:02}", tm.mon)),
            Some('M') => f.push_str(&format!("{:02}", tm.min)),
            Some('n') => f.push('\n'),
            Some('p') => f.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            Some('P') => f.push_str(if tm.hour < 12 { "am" } else { "pm" }),
            Some('r') => f.push_str(&format_time("%I:%M:%S %p", tm)),
            Some('R') => f.push_str(&format_time("%H:%M", tm)),
            Some('s') => {
                let days = days_from_civil(tm.year, tm.mon, tm.mday);
                f.push_str(
                    &(days * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec - gmtoff).to_string(),
                );
            }
            Some('S') => f.push_str(&format!("{:02}", tm.sec)),
            Some('t') => f.push('\t'),
            Some('T') => f.push_str(&format_time("%H:%M:%S", tm)),
            Some('u') => f.push_str(&(tm.wday.rem_euclid(7) + 1).to_string()),
            Some('U') => f.push_str(&format!("{:02}", (tm.yday - 1 + 7 - sunday_wday) / 7)),
            Some('V') => f.push_str(&format!("{:02}", iso_week(tm).1)),
            Some('w') => f.push_str(&sunday_wday.to_string()),
            Some('W') => f.push_str(&format!(
                "{:02}",
                (tm.yday - 1 + 7 - tm.wday.rem_euclid(7)) / 7
            )),
            Some('x') => f.push_str(&format_time("%m/%d/%y", tm)),
            Some('X') => f.push_str(&format_time("%H:%M:%S", tm)),
            Some('y') => f.push_str(&format!("{:02}", tm.year.rem_euclid(100))),
            Some('Y') => f.push_str(&tm.year.to_string()),
            Some('z') => {
                let sign = if gmtoff < 0 { '-' } else { '+' };
                let a = gmtoff.abs();
                f.push_str(&format!("{sign}{:02}{:02}", a / 3600, a % 3600 / 60));
            }
            Some('Z') => f.push_str(&zone),
            Some('%') => f.push('%'),
            _ => {
                out.push_str(&directive);
                continue;
            }
        }
        if swap_case {
            // glibc's `#`: names in upper case, `%p` and `%Z` in lower case.
            f = match spec {
                Some('a' | 'A' | 'b' | 'B' | 'h') => f.to_uppercase(),
                Some('p' | 'Z') => f.to_lowercase(),
                _ => f,
            };
        }
        apply_strftime_flags(&mut out, f, pad, width, upper);
    }
    out
}

/// Pads or unpads one converted field: numbers pad with zeros, text with spaces; a
/// `_`, `0` or `-` flag replaces a number's own padding (keeping its natural width).
fn apply_strftime_flags(
    out: &mut String,
    field: String,
    pad: Option<char>,
    width: usize,
    upper: bool,
) {
    let field = if upper { field.to_uppercase() } else { field };
    let natural = field.chars().count();
    let numeric =
        !field.trim().is_empty() && field.trim_start().chars().all(|c| c.is_ascii_digit());
    let (body, fill, target) = if numeric && pad.is_some() {
        let digits = field.trim_start_matches([' ', '0']);
        let digits = if digits.is_empty() { "0" } else { digits };
        match pad {
            Some('-') => (digits.to_string(), ' ', 0),
            Some('_') => (digits.to_string(), ' ', width.max(natural)),
            _ => (digits.to_string(), '0', width.max(natural)),
        }
    } else {
        let fill = if numeric || pad == Some('0') {
            '0'
        } else {
            ' '
        };
        (field, fill, width)
    };
    for _ in body.chars().count()..target {
        out.push(fill);
    }
    out.push_str(&body);
}

fn time_strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("strftime", 1, 2)?;
    let Some(fmt) = as_str(&pos[0]) else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            pos[0].ty().name()
        )));
    };
    let fmt = fmt.to_string();
    let tm = match pos.get(1) {
        Some(t) => checked_tm_arg(vm, t, "strftime")?,
        None => now_tm("UTC")?,
    };
    if fmt.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    Ok(new_string(format_time(&fmt, &tm)))
}

/// `time.strptime(string, format="%a %b %d %H:%M:%S %Y")`: `_strptime._strptime_time`.
fn time_strptime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.check("strptime", 1, 2)?.to_vec();
    let import = crate::objects::dict::PyDict::get_str(&vm.builtins_dict, "__import__")
        .ok_or_else(|| {
            crate::vm::PyErr::new(
                &crate::objects::exceptions::IMPORT_ERROR,
                "__import__ not found",
            )
        })?;
    let module = crate::vm::call::call(vm, &import, &[new_str("_strptime")])?;
    let f = ops::getattr_str(vm, &module, "_strptime_time")?;
    crate::vm::call::call(vm, &f, &pos)
}

// ---------------------------------------------------------------------------
// get_clock_info

/// The attribute holder `get_clock_info` returns (`namespace(...)`).
pub static NAMESPACE_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "SimpleNamespace",
    layout: &crate::objects::object::OBJECT_LAYOUT,
    flags: flags::HAS_DICT | flags::HAVE_GC,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("types"),
});

fn namespace_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(d) = crate::objects::object::instance_dict(v) else {
        return Ok(new_str("namespace()"));
    };
    let mut parts = Vec::new();
    for (k, val) in crate::objects::dict::PyDict::items_vec(&d) {
        parts.push(format!(
            "{}={}",
            as_str(&k).unwrap_or("?"),
            ops::repr_string(vm, &val)?
        ));
    }
    Ok(new_string(format!("namespace({})", parts.join(", "))))
}

fn time_get_clock_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [name] = args.exact::<1>("time.get_clock_info")?;
    let Some(name) = as_str(name) else {
        return Err(type_error(format!(
            "get_clock_info() argument must be str, not {}",
            name.ty().name()
        )));
    };
    let (implementation, monotonic, adjustable) = match name {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(value_error("unknown clock")),
    };
    let ns = crate::objects::object::new_instance(&NAMESPACE_TYPE);
    let d = crate::objects::object::instance_dict(&ns)
        .ok_or_else(|| type_error("namespace without a dict"))?;
    let entries = [
        ("implementation", new_str(implementation)),
        ("monotonic", bool_value(monotonic)),
        ("adjustable", bool_value(adjustable)),
        ("resolution", new_float(1e-9)),
    ];
    for (k, v) in entries {
        crate::objects::dict::PyDict::set_item(vm, &d, new_str(k), v)?;
    }
    Ok(ns)
}

// ---------------------------------------------------------------------------

pub static TIME_METHODS: &[MethodDef] = &[
    MethodDef::method("asctime", time_asctime),
    MethodDef::method("clock_getres", time_clock_getres),
    MethodDef::method("clock_gettime", time_clock_gettime),
    MethodDef::method("clock_gettime_ns", time_clock_gettime_ns),
    MethodDef::method("ctime", time_ctime),
    MethodDef::method("get_clock_info", time_get_clock_info),
    MethodDef::method("gmtime", time_gmtime),
    MethodDef::method("localtime", time_localtime),
    MethodDef::method("mktime", time_mktime),
    MethodDef::method("monotonic", time_monotonic),
    MethodDef::method("monotonic_ns", time_monotonic_ns),
    MethodDef::method("perf_counter", time_perf_counter),
    MethodDef::method("perf_counter_ns", time_perf_counter_ns),
    MethodDef::method("process_time", time_process_time),
    MethodDef::method("process_time_ns", time_process_time_ns),
    MethodDef::method("sleep", time_sleep),
    MethodDef::method("strftime", time_strftime),
    MethodDef::method("strptime", time_strptime),
    MethodDef::method("thread_time", time_thread_time),
    MethodDef::method("thread_time_ns", time_thread_time_ns),
    MethodDef::method("time", time_time),
    MethodDef::method("time_ns", time_time_ns),
];

fn init_types() {
    STRUCT_TIME_TYPE.slots.new.set(Some(struct_time_new));
    STRUCT_TIME_TYPE.slots.repr.set(Some(struct_time_repr));
    STRUCT_TIME_TYPE.set_n_extra(2);
    NAMESPACE_TYPE.slots.repr.set(Some(namespace_repr));
    NAMESPACE_TYPE.set_n_extra(1);
    crate::objects::typeobject_methods::init_static_type(&STRUCT_TIME_TYPE);
    crate::objects::typeobject_methods::init_static_type(&NAMESPACE_TYPE);
    for (name, n) in [
        ("n_sequence_fields", 9),
        ("n_fields", 11),
        ("n_unnamed_fields", 0),
    ] {
        STRUCT_TIME_TYPE.set_own_attr(&crate::objects::str::intern(name), new_int(n));
    }
    let match_args = new_tuple(FIELDS.iter().map(|f| new_str(f)).collect());
    STRUCT_TIME_TYPE.set_own_attr(&crate::objects::str::intern("__match_args__"), match_args);
}

fn time_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(init_types);
    super::add_object(module, "struct_time", STRUCT_TIME_TYPE.to_value());
    for (name, v) in [
        ("CLOCK_REALTIME", CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW),
        ("CLOCK_BOOTTIME", CLOCK_BOOTTIME),
        ("CLOCK_TAI", CLOCK_TAI),
    ] {
        super::add_object(module, name, new_int(v as i64));
    }
    super::add_object(module, "_STRUCT_TM_ITEMS", new_int(11));
    super::add_object(module, "timezone", new_int(0));
    super::add_object(module, "altzone", new_int(0));
    super::add_object(module, "daylight", new_int(0));
    super::add_object(
        module,
        "tzname",
        new_tuple(vec![new_str("UTC"), new_str("UTC")]),
    );
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "time",
    doc: Some("This module provides various functions to manipulate time values.\n\nThere are two standard representations of time.  One is the number\nof seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\nor a floating-point number (to represent fractions of seconds).\nThe epoch is the point where the time starts, the return value of time.gmtime(0).\nIt is January 1, 1970, 00:00:00 (UTC) on all platforms.\n\nThe other representation is a tuple of 9 integers giving local time.\nThe tuple items are:\n  year (including century, e.g. 1998)\n  month (1-12)\n  day (1-31)\n  hours (0-23)\n  minutes (0-59)\n  seconds (0-59)\n  weekday (0-6, Monday is 0)\n  Julian day (day of the year, 1-366)\n  DST (Daylight Savings Time) flag (-1, 0 or 1)\nIf the DST flag is 0, the time is given in the regular time zone;\nif it is 1, the time is given in the DST time zone;\nif it is -1, mktime() should guess based on the date and time.\n"),
    methods: TIME_METHODS,
    init: Some(time_init),
};
