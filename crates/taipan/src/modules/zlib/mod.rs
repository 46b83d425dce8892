//! The `zlib` module: deflate compression through the zlib library.  Follows the `zlib`
//! documentation page and the behaviour of CPython 3.13's `Modules/zlibmodule.c`
//! (`zlib_error`, `save_unconsumed_input`, the output loops of each method), including
//! its error messages.  The compression itself is zlib's C code (`ffi.rs`, the module's
//! only `unsafe`), so compressed bytes are the ones CPython produces.
//!
//! NOTE: CPython grows its output in blocks (`_BlocksOutputBuffer`); the bytes zlib
//! produces do not depend on the size of the output space offered, so Taipan simply
//! grows one `Vec`.

mod ffi;

use std::cell::RefCell;
use std::ffi::c_int;

use ffi::{
    Step, Stream, Z_BUF_ERROR, Z_DATA_ERROR, Z_MEM_ERROR, Z_NEED_DICT, Z_OK, Z_STREAM_END,
    Z_STREAM_ERROR, Z_VERSION_ERROR,
};

use super::hash::{bytes_like, c_int as int_arg};
use super::ModuleDef;
use crate::objects::bytes::new_bytes;
use crate::objects::exceptions::{self, EXC_LAYOUT};
use crate::objects::int::{as_int, new_int};
use crate::objects::singletons::bool_value;
use crate::objects::str::new_str;
use crate::objects::typeobject::{flags, GetSetDef, MethodDef, PyType, StaticTypeInit};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::args::{opt, p, po, po_opt};
use crate::vm::{ops, type_error, value_error, Args, PyErr, PyResult, Sig, Vm};

const MAX_WBITS: c_int = 15;
const DEFLATED: c_int = 8;
const DEF_MEM_LEVEL: c_int = 8;
const DEF_BUF_SIZE: i64 = 16384;
const Z_NO_FLUSH: c_int = 0;
const Z_SYNC_FLUSH: c_int = 2;
const Z_FINISH: c_int = 4;
const Z_DEFAULT_COMPRESSION: c_int = -1;
const Z_DEFAULT_STRATEGY: c_int = 0;

/// The least output space offered to one zlib call.
const CHUNK: usize = 16 * 1024;

/// `zlib.error`.
pub static ZLIB_ERROR: PyType = PyType::new_static(StaticTypeInit {
    name: "error",
    layout: &EXC_LAYOUT,
    flags: flags::BASETYPE
        | flags::HAVE_GC
        | flags::HAS_DICT
        | flags::BASE_EXC_SUBCLASS
        | flags::WEAKREFABLE,
    base: Some(&exceptions::EXCEPTION),
    methods: &[],
    getsets: &[],
    doc: None,
    module: Some("zlib"),
});

/// `zlib_error`: zlib's message for `err`, or a description of the code.
fn zlib_error(err: c_int, msg: Option<String>, context: &str) -> PyErr {
    let msg = if err == Z_VERSION_ERROR {
        Some("library version mismatch".to_owned())
    } else {
        msg
    };
    let msg = msg.or_else(|| {
        match err {
            Z_BUF_ERROR => Some("incomplete or truncated stream"),
            Z_STREAM_ERROR => Some("inconsistent stream state"),
            Z_DATA_ERROR => Some("invalid input data"),
            _ => None,
        }
        .map(str::to_owned)
    });
    match msg {
        Some(m) => PyErr::new(&ZLIB_ERROR, format!("Error {err} {context}: {m}")),
        None => PyErr::new(&ZLIB_ERROR, format!("Error {err} {context}")),
    }
}

fn memory_error(msg: &str) -> PyErr {
    PyErr::new(&exceptions::MEMORY_ERROR, msg)
}

/// One zlib call over `input` with fresh output space appended to `out` (at most
/// `limit` bytes in all when given); returns the step and whether the space was filled.
fn step_into(
    s: &mut Stream,
    input: &[u8],
    out: &mut Vec<u8>,
    limit: Option<usize>,
    flush: c_int,
) -> (Step, bool) {
    let mut room = out.len().max(CHUNK);
    if let Some(limit) = limit {
        room = room.min(limit.saturating_sub(out.len()));
    }
    let start = out.len();
    out.resize(start + room, 0);
    let step = s.step(input, &mut out[start..], flush);
    out.truncate(start + step.produced);
    let filled = step.produced == room;
    (step, filled)
}

/// A `Py_ssize_t` argument.
fn ssize_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => ops::index_value(vm, &v),
        None => Ok(default),
    }
}

fn int_or(vm: &mut Vm, v: Option<Value>, default: c_int) -> PyResult<c_int> {
    match v {
        Some(v) => int_arg(vm, &v),
        None => Ok(default),
    }
}

/// An `unsigned int(bitwise=True)` argument: `__index__`, then the low 32 bits.
fn bitwise_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    use num_bigint::BigInt;
    use num_integer::Integer;
    use num_traits::ToPrimitive;
    let i = ops::index(vm, v)?;
    let b = as_int(&i).map(|i| i.to_bigint()).unwrap_or_default();
    Ok(b.mod_floor(&BigInt::from(1u64 << 32)).to_u32().unwrap_or(0))
}

// ---------------------------------------------------------------------------------------
// One-shot functions
// ---------------------------------------------------------------------------------------

/// `zlib_compress_impl`.
fn compress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compress", &[po("data"), opt("level"), opt("wbits")]);
    let [data, level, wbits] = SIG.parse::<3>(args)?;
    let data = bytes_like(data.as_ref().expect("required"))?;
    let level = int_or(vm, level, Z_DEFAULT_COMPRESSION)?;
    let wbits = int_or(vm, wbits, MAX_WBITS)?;
    let mut s = Stream::deflate_init(level, DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY)
        .map_err(|(code, msg)| match code {
            Z_MEM_ERROR => memory_error("Out of memory while compressing data"),
            Z_STREAM_ERROR => PyErr::new(&ZLIB_ERROR, "Bad compression level"),
            _ => zlib_error(code, msg, "while compressing data"),
        })?;
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let rest = &data[pos..];
        let flush = if rest.len() <= u32::MAX as usize {
            Z_FINISH
        } else {
            Z_NO_FLUSH
        };
        let (step, _) = step_into(&mut s, rest, &mut out, None, flush);
        pos += step.consumed;
        match step.code {
            Z_STREAM_END => break,
            Z_OK | Z_BUF_ERROR => {}
            code => {
                s.end();
                return Err(zlib_error(code, s.msg(), "while compressing data"));
            }
        }
    }
    match s.end() {
        Z_OK => Ok(new_bytes(out)),
        code => Err(zlib_error(code, s.msg(), "while finishing compression")),
    }
}

/// `zlib_decompress_impl`.
fn decompress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decompress", &[po("data"), opt("wbits"), opt("bufsize")]);
    let [data, wbits, bufsize] = SIG.parse::<3>(args)?;
    let data = bytes_like(data.as_ref().expect("required"))?;
    let wbits = int_or(vm, wbits, MAX_WBITS)?;
    if ssize_arg(vm, bufsize, DEF_BUF_SIZE)? < 0 {
        return Err(value_error("bufsize must be non-negative"));
    }
    let mut s = Stream::inflate_init(wbits).map_err(|(code, msg)| match code {
        Z_MEM_ERROR => memory_error("Out of memory while decompressing data"),
        _ => zlib_error(code, msg, "while preparing to decompress data"),
    })?;
    let mut out = Vec::new();
    let mut pos = 0;
    let code = loop {
        let rest = &data[pos..];
        let flush = if rest.len() <= u32::MAX as usize {
            Z_FINISH
        } else {
            Z_NO_FLUSH
        };
        let (step, filled) = step_into(&mut s, rest, &mut out, None, flush);
        pos += step.consumed;
        match step.code {
            Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
            Z_MEM_ERROR => {
                s.end();
                return Err(memory_error("Out of memory while decompressing data"));
            }
            code => {
                let msg = s.msg();
                s.end();
                return Err(zlib_error(code, msg, "while decompressing data"));
            }
        }
        if step.code == Z_STREAM_END || (!filled && pos == data.len()) {
            break step.code;
        }
    };
    if code != Z_STREAM_END {
        let msg = s.msg();
        s.end();
        return Err(zlib_error(code, msg, "while decompressing data"));
    }
    match s.end() {
        Z_OK => Ok(new_bytes(out)),
        code => Err(zlib_error(code, s.msg(), "while finishing decompression")),
    }
}

fn crc32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("crc32")?;
    let pos = args.check("crc32", 1, 2)?;
    let data = bytes_like(&pos[0])?;
    let value = match pos.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 0,
    };
    Ok(new_int(i64::from(ffi::crc32(value, &data))))
}

fn adler32(vm: &mut Vm, args: Args) -> PyResult<Value> {
    args.no_kwargs("adler32")?;
    let pos = args.check("adler32", 1, 2)?;
    let data = bytes_like(&pos[0])?;
    let value = match pos.get(1) {
        Some(v) => bitwise_u32(vm, v)?,
        None => 1,
    };
    Ok(new_int(i64::from(ffi::adler32(value, &data))))
}

// ---------------------------------------------------------------------------------------
// Compress objects
// ---------------------------------------------------------------------------------------

/// `compobject` for compression: a `zlib.Compress`.
#[repr(C)]
pub struct PyCompress {
    head: ObjectHead,
    stream: RefCell<Stream>,
}

pub static COMPRESS_LAYOUT: Layout =
    crate::payload_layout!(PyCompress, "Compress", heap::no_traverse, heap::no_clear);

impl PyPayload for PyCompress {
    fn layout() -> &'static Layout {
        &COMPRESS_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &COMPRESS_TYPE
    }
}

pub static COMPRESS_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Compress",
    layout: &COMPRESS_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: COMPRESS_METHODS,
    getsets: &[],
    doc: None,
    module: Some("zlib"),
});

static COMPRESS_METHODS: &[MethodDef] = &[
    MethodDef::method("compress", comp_compress),
    MethodDef::method("flush", comp_flush),
    MethodDef::method("copy", comp_copy),
    MethodDef::method("__copy__", comp_copy),
    MethodDef::method("__deepcopy__", comp_deepcopy),
];

fn this_comp(v: &Value) -> PyResult<&PyCompress> {
    v.downcast::<PyCompress>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'zlib.Compress' object but received a '{}'",
            v.ty().name()
        ))
    })
}

/// `zlib_compressobj_impl`.
fn compressobj(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new(
        "compressobj",
        &[
            opt("level"),
            opt("method"),
            opt("wbits"),
            opt("memLevel"),
            opt("strategy"),
            opt("zdict"),
        ],
    );
    let [level, method, wbits, mem_level, strategy, zdict] = SIG.parse::<6>(args)?;
    let level = int_or(vm, level, Z_DEFAULT_COMPRESSION)?;
    let method = int_or(vm, method, DEFLATED)?;
    let wbits = int_or(vm, wbits, MAX_WBITS)?;
    let mem_level = int_or(vm, mem_level, DEF_MEM_LEVEL)?;
    let strategy = int_or(vm, strategy, Z_DEFAULT_STRATEGY)?;
    let zdict = zdict.map(|z| bytes_like(&z)).transpose()?;
    let mut s = Stream::deflate_init(level, method, wbits, mem_level, strategy).map_err(
        |(code, msg)| match code {
            Z_MEM_ERROR => memory_error("Can't allocate memory for compression object"),
            Z_STREAM_ERROR => value_error("Invalid initialization option"),
            _ => zlib_error(code, msg, "while creating compression object"),
        },
    )?;
    if let Some(zdict) = zdict {
        match s.set_dictionary(&zdict) {
            Z_OK => {}
            Z_STREAM_ERROR => return Err(value_error("Invalid dictionary")),
            _ => return Err(value_error("deflateSetDictionary()")),
        }
    }
    Ok(heap::alloc(
        &COMPRESS_TYPE,
        PyCompress {
            head: ObjectHead::uninit(),
            stream: RefCell::new(s),
        },
    ))
}

/// `zlib_Compress_compress_impl`.
fn comp_compress(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("compress", &[po("self"), po("data")]);
    let [this, data] = SIG.parse::<2>(args)?;
    let this = this_comp(this.as_ref().expect("self"))?;
    let data = bytes_like(data.as_ref().expect("required"))?;
    let mut s = this.stream.borrow_mut();
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let (step, filled) = step_into(&mut s, &data[pos..], &mut out, None, Z_NO_FLUSH);
        pos += step.consumed;
        if step.code == Z_STREAM_ERROR {
            return Err(zlib_error(step.code, s.msg(), "while compressing data"));
        }
        if !filled && pos == data.len() {
            break;
        }
    }
    Ok(new_bytes(out))
}

/// `zlib_Compress_flush_impl`.
fn comp_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flush", &[po("self"), po_opt("mode")]);
    let [this, mode] = SIG.parse::<2>(args)?;
    let this = this_comp(this.as_ref().expect("self"))?;
    let mode = int_or(vm, mode, Z_FINISH)?;
    if mode == Z_NO_FLUSH {
        return Ok(new_bytes(Vec::new()));
    }
    let mut s = this.stream.borrow_mut();
    let mut out = Vec::new();
    let code = loop {
        let (step, filled) = step_into(&mut s, &[], &mut out, None, mode);
        if step.code == Z_STREAM_ERROR {
            return Err(zlib_error(step.code, s.msg(), "while flushing"));
        }
        if !filled {
            break step.code;
        }
    };
    if code == Z_STREAM_END && mode == Z_FINISH {
        let code = s.end();
        if code != Z_OK {
            return Err(zlib_error(code, s.msg(), "while finishing compression"));
        }
    } else if code != Z_OK && code != Z_BUF_ERROR {
        return Err(zlib_error(code, s.msg(), "while flushing"));
    }
    Ok(new_bytes(out))
}

/// `zlib_Compress_copy_impl`.
fn comp_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this_comp(args.noargs("copy")?)?;
    let copy = this
        .stream
        .borrow_mut()
        .copy()
        .map_err(|(code, msg)| match code {
            Z_STREAM_ERROR => value_error("Inconsistent stream state"),
            Z_MEM_ERROR => memory_error("Can't allocate memory for compression object"),
            _ => zlib_error(code, msg, "while copying compression object"),
        })?;
    Ok(heap::alloc(
        &COMPRESS_TYPE,
        PyCompress {
            head: ObjectHead::uninit(),
            stream: RefCell::new(copy),
        },
    ))
}

fn comp_deepcopy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _memo) = args.one_arg("__deepcopy__")?;
    comp_copy(vm, Args::new(std::slice::from_ref(this)))
}

// ---------------------------------------------------------------------------------------
// Decompress objects
// ---------------------------------------------------------------------------------------

struct DecompState {
    stream: Stream,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    zdict: Option<Vec<u8>>,
    eof: bool,
    /// False once `flush` has ended the zlib stream.
    initialised: bool,
}

/// `compobject` for decompression: a `zlib.Decompress`.
#[repr(C)]
pub struct PyDecompress {
    head: ObjectHead,
    state: RefCell<DecompState>,
}

pub static DECOMPRESS_LAYOUT: Layout = crate::payload_layout!(
    PyDecompress,
    "Decompress",
    heap::no_traverse,
    heap::no_clear
);

impl PyPayload for PyDecompress {
    fn layout() -> &'static Layout {
        &DECOMPRESS_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &DECOMPRESS_TYPE
    }
}

pub static DECOMPRESS_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "Decompress",
    layout: &DECOMPRESS_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: DECOMPRESS_METHODS,
    getsets: DECOMPRESS_GETSETS,
    doc: None,
    module: Some("zlib"),
});

static DECOMPRESS_METHODS: &[MethodDef] = &[
    MethodDef::method("decompress", decomp_decompress),
    MethodDef::method("flush", decomp_flush),
    MethodDef::method("copy", decomp_copy),
    MethodDef::method("__copy__", decomp_copy),
    MethodDef::method("__deepcopy__", decomp_deepcopy),
];

static DECOMPRESS_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("unused_data", decomp_unused_data),
    GetSetDef::new("unconsumed_tail", decomp_unconsumed_tail),
    GetSetDef::new("eof", decomp_eof),
];

fn this_decomp(v: &Value) -> PyResult<&PyDecompress> {
    v.downcast::<PyDecompress>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'zlib.Decompress' object but received a '{}'",
            v.ty().name()
        ))
    })
}

fn decomp_unused_data(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bytes(
        this_decomp(v)?.state.borrow().unused_data.clone(),
    ))
}

fn decomp_unconsumed_tail(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bytes(
        this_decomp(v)?.state.borrow().unconsumed_tail.clone(),
    ))
}

fn decomp_eof(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(this_decomp(v)?.state.borrow().eof))
}

/// `zlib_decompressobj_impl`.
fn decompressobj(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decompressobj", &[opt("wbits"), opt("zdict")]);
    let [wbits, zdict] = SIG.parse::<2>(args)?;
    let wbits = int_or(vm, wbits, MAX_WBITS)?;
    let zdict = match zdict {
        Some(z) => Some(
            bytes_like(&z)
                .map_err(|_| type_error("zdict argument must support the buffer protocol"))?,
        ),
        None => None,
    };
    let mut stream = Stream::inflate_init(wbits).map_err(|(code, msg)| match code {
        Z_STREAM_ERROR => value_error("Invalid initialization option"),
        Z_MEM_ERROR => memory_error("Can't allocate memory for decompression object"),
        _ => zlib_error(code, msg, "while creating decompression object"),
    })?;
    if let (Some(zdict), true) = (&zdict, wbits < 0) {
        set_inflate_zdict(&mut stream, zdict)?;
    }
    Ok(heap::alloc(
        &DECOMPRESS_TYPE,
        PyDecompress {
            head: ObjectHead::uninit(),
            state: RefCell::new(DecompState {
                stream,
                unused_data: Vec::new(),
                unconsumed_tail: Vec::new(),
                zdict,
                eof: false,
                initialised: true,
            }),
        },
    ))
}

/// `set_inflate_zdict`.
fn set_inflate_zdict(s: &mut Stream, zdict: &[u8]) -> PyResult<()> {
    match s.set_dictionary(zdict) {
        Z_OK => Ok(()),
        code => Err(zlib_error(code, s.msg(), "while setting zdict")),
    }
}

/// The inflate loop shared by `Decompress.decompress` and `Decompress.flush`: inflates
/// `input` with `flush` until zlib leaves output space unused, the stream ends, an
/// error code comes back or `limit` bytes are out.  Returns the last code and how much
/// input was consumed.
fn inflate_loop(
    st: &mut DecompState,
    input: &[u8],
    out: &mut Vec<u8>,
    limit: Option<usize>,
    flush: c_int,
) -> PyResult<(c_int, usize)> {
    let mut pos = 0;
    let mut code = Z_OK;
    loop {
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        let (step, filled) = step_into(&mut st.stream, &input[pos..], out, limit, flush);
        pos += step.consumed;
        code = step.code;
        match code {
            Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
            Z_NEED_DICT if st.zdict.is_some() => {
                let zdict = st.zdict.clone().unwrap_or_default();
                set_inflate_zdict(&mut st.stream, &zdict)?;
                continue;
            }
            _ => break,
        }
        if !filled {
            break;
        }
    }
    Ok((code, pos))
}

/// `save_unconsumed_input`.  As in CPython, once the stream has ended the leftover
/// input goes to `unused_data` and, when there was an unconsumed tail before, stays in
/// `unconsumed_tail` too (the tail is measured from `next_in`, not `avail_in`).
fn save_unconsumed_input(st: &mut DecompState, rest: &[u8], code: c_int) {
    let mut avail_in = rest.len();
    if code == Z_STREAM_END && avail_in > 0 {
        st.unused_data.extend_from_slice(rest);
        avail_in = 0;
    }
    if avail_in > 0 || !st.unconsumed_tail.is_empty() {
        st.unconsumed_tail = rest.to_vec();
    }
}

/// `zlib_Decompress_decompress_impl`.
fn decomp_decompress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decompress", &[po("self"), po("data"), opt("max_length")]);
    let [this, data, max_length] = SIG.parse::<3>(args)?;
    let this = this_decomp(this.as_ref().expect("self"))?;
    let data = bytes_like(data.as_ref().expect("required"))?;
    let max_length = ssize_arg(vm, max_length, 0)?;
    if max_length < 0 {
        return Err(value_error("max_length must be non-negative"));
    }
    let limit = (max_length > 0).then_some(max_length as usize);
    let mut st = this.state.borrow_mut();
    let mut out = Vec::new();
    let (code, consumed) = inflate_loop(&mut st, &data, &mut out, limit, Z_SYNC_FLUSH)?;
    save_unconsumed_input(&mut st, &data[consumed..], code);
    if code == Z_STREAM_END {
        st.eof = true;
    } else if code != Z_OK && code != Z_BUF_ERROR {
        return Err(zlib_error(
            code,
            st.stream.msg(),
            "while decompressing data",
        ));
    }
    Ok(new_bytes(out))
}

/// `zlib_Decompress_flush_impl`.
fn decomp_flush(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("flush", &[po("self"), po_opt("length")]);
    let [this, length] = SIG.parse::<2>(args)?;
    let this = this_decomp(this.as_ref().expect("self"))?;
    if ssize_arg(vm, length, DEF_BUF_SIZE)? <= 0 {
        return Err(value_error("length must be greater than zero"));
    }
    let mut st = this.state.borrow_mut();
    let data = std::mem::take(&mut st.unconsumed_tail);
    let mut out = Vec::new();
    let (code, consumed) = inflate_loop(&mut st, &data, &mut out, None, Z_FINISH)?;
    st.unconsumed_tail = data.clone();
    save_unconsumed_input(&mut st, &data[consumed..], code);
    if code == Z_STREAM_END {
        st.eof = true;
        st.initialised = false;
        let code = st.stream.end();
        if code != Z_OK {
            return Err(zlib_error(
                code,
                st.stream.msg(),
                "while finishing decompression",
            ));
        }
    }
    Ok(new_bytes(out))
}

/// `zlib_Decompress_copy_impl`.
fn decomp_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = this_decomp(args.noargs("copy")?)?;
    let mut st = this.state.borrow_mut();
    if !st.initialised {
        return Err(value_error("Inconsistent stream state"));
    }
    let stream = st.stream.copy().map_err(|(code, msg)| match code {
        Z_STREAM_ERROR => value_error("Inconsistent stream state"),
        Z_MEM_ERROR => memory_error("Can't allocate memory for decompression object"),
        _ => zlib_error(code, msg, "while copying decompression object"),
    })?;
    let copy = DecompState {
        stream,
        unused_data: st.unused_data.clone(),
        unconsumed_tail: st.unconsumed_tail.clone(),
        zdict: st.zdict.clone(),
        eof: st.eof,
        initialised: true,
    };
    Ok(heap::alloc(
        &DECOMPRESS_TYPE,
        PyDecompress {
            head: ObjectHead::uninit(),
            state: RefCell::new(copy),
        },
    ))
}

fn decomp_deepcopy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (this, _memo) = args.one_arg("__deepcopy__")?;
    decomp_copy(vm, Args::new(std::slice::from_ref(this)))
}

// ---------------------------------------------------------------------------------------
// _ZlibDecompressor
// ---------------------------------------------------------------------------------------

struct ZdState {
    stream: Stream,
    /// Input given but not yet consumed (CPython's `input_buffer`).
    pending: Vec<u8>,
    unused_data: Vec<u8>,
    /// The zdict, or the type name of an object that is not bytes-like.
    zdict: Option<Result<Vec<u8>, String>>,
    eof: bool,
    needs_input: bool,
}

/// `ZlibDecompressor`: the one-way decompressor `gzip` reads with.
#[repr(C)]
pub struct PyZlibDecompressor {
    head: ObjectHead,
    state: RefCell<ZdState>,
}

pub static ZLIB_DECOMPRESSOR_LAYOUT: Layout = crate::payload_layout!(
    PyZlibDecompressor,
    "_ZlibDecompressor",
    heap::no_traverse,
    heap::no_clear
);

impl PyPayload for PyZlibDecompressor {
    fn layout() -> &'static Layout {
        &ZLIB_DECOMPRESSOR_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &ZLIB_DECOMPRESSOR_TYPE
    }
}

pub static ZLIB_DECOMPRESSOR_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "_ZlibDecompressor",
    layout: &ZLIB_DECOMPRESSOR_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: &[MethodDef::method("decompress", zd_decompress)],
    getsets: &[
        GetSetDef::new("eof", zd_eof),
        GetSetDef::new("unused_data", zd_unused_data),
        GetSetDef::new("needs_input", zd_needs_input),
    ],
    doc: None,
    module: Some("zlib"),
});

fn this_zd(v: &Value) -> PyResult<&PyZlibDecompressor> {
    v.downcast::<PyZlibDecompressor>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a 'zlib._ZlibDecompressor' object but received a '{}'",
            v.ty().name()
        ))
    })
}

fn zd_eof(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(this_zd(v)?.state.borrow().eof))
}

fn zd_unused_data(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_bytes(this_zd(v)?.state.borrow().unused_data.clone()))
}

fn zd_needs_input(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(bool_value(this_zd(v)?.state.borrow().needs_input))
}

/// `zlib__ZlibDecompressor_impl`.
fn zd_new(vm: &mut Vm, _cls: &Value, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("_ZlibDecompressor", &[opt("wbits"), opt("zdict")]);
    let [wbits, zdict] = SIG.parse::<2>(args)?;
    let wbits = int_or(vm, wbits, MAX_WBITS)?;
    let zdict = zdict.map(|z| bytes_like(&z).map_err(|_| z.ty().name().to_string()));
    let mut stream = Stream::inflate_init(wbits).map_err(|(code, msg)| match code {
        Z_STREAM_ERROR => value_error("Invalid initialization option"),
        Z_MEM_ERROR => memory_error("Can't allocate memory for decompression object"),
        _ => zlib_error(code, msg, "while creating decompression object"),
    })?;
    if let (Some(zdict), true) = (&zdict, wbits < 0) {
        zd_set_zdict(&mut stream, zdict)?;
    }
    Ok(heap::alloc(
        &ZLIB_DECOMPRESSOR_TYPE,
        PyZlibDecompressor {
            head: ObjectHead::uninit(),
            state: RefCell::new(ZdState {
                stream,
                pending: Vec::new(),
                unused_data: Vec::new(),
                zdict,
                eof: false,
                needs_input: true,
            }),
        },
    ))
}

fn zd_set_zdict(s: &mut Stream, zdict: &Result<Vec<u8>, String>) -> PyResult<()> {
    match zdict {
        Ok(z) => set_inflate_zdict(s, z),
        Err(name) => Err(type_error(format!(
            "a bytes-like object is required, not '{name}'"
        ))),
    }
}

/// `zlib__ZlibDecompressor_decompress_impl` (with `decompress` and `decompress_buf`).
fn zd_decompress(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("decompress", &[po("self"), p("data"), opt("max_length")]);
    let [this, data, max_length] = SIG.parse::<3>(args)?;
    let this = this_zd(this.as_ref().expect("self"))?;
    let data = bytes_like(data.as_ref().expect("required"))?;
    let max_length = ssize_arg(vm, max_length, -1)?;
    let mut st = this.state.borrow_mut();
    if st.eof {
        return Err(PyErr::new(
            &exceptions::EOF_ERROR,
            "End of stream already reached",
        ));
    }
    let mut input = std::mem::take(&mut st.pending);
    input.extend_from_slice(&data);
    let limit = usize::try_from(max_length).ok();
    let mut out = Vec::new();
    let mut pos = 0;
    let mut code = Z_OK;
    loop {
        if limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        let (step, filled) =
            step_into(&mut st.stream, &input[pos..], &mut out, limit, Z_SYNC_FLUSH);
        pos += step.consumed;
        code = step.code;
        match code {
            Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
            Z_NEED_DICT if st.zdict.is_some() => {
                let zdict = st.zdict.clone().expect("checked");
                zd_set_zdict(&mut st.stream, &zdict)?;
                continue;
            }
            _ => break,
        }
        if !filled || code == Z_STREAM_END {
            break;
        }
    }
    if code == Z_STREAM_END {
        st.eof = true;
        st.stream.end();
    } else if code != Z_OK && code != Z_BUF_ERROR {
        return Err(zlib_error(
            code,
            st.stream.msg(),
            "while decompressing data",
        ));
    }
    let rest = &input[pos..];
    if st.eof {
        st.needs_input = false;
        if !rest.is_empty() {
            st.unused_data = rest.to_vec();
        }
    } else if rest.is_empty() {
        st.needs_input = true;
    } else {
        st.needs_input = false;
        st.pending = rest.to_vec();
    }
    Ok(new_bytes(out))
}

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

/// `tp_new` of `Compress` and `Decompress`, which only the module's functions create.
fn no_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let name = crate::objects::typeobject::as_type(cls)
        .map(|t| t.tp_name())
        .unwrap_or_default();
    Err(type_error(format!("cannot create '{name}' instances")))
}

static ZLIB_METHODS: &[MethodDef] = &[
    MethodDef::method("adler32", adler32),
    MethodDef::method("compress", compress),
    MethodDef::method("compressobj", compressobj),
    MethodDef::method("crc32", crc32),
    MethodDef::method("decompress", decompress),
    MethodDef::method("decompressobj", decompressobj),
];

fn zlib_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        use crate::objects::typeobject_methods::init_static_type;
        COMPRESS_TYPE.slots.new.set(Some(no_new));
        DECOMPRESS_TYPE.slots.new.set(Some(no_new));
        ZLIB_DECOMPRESSOR_TYPE.slots.new.set(Some(zd_new));
        init_static_type(&ZLIB_ERROR);
        init_static_type(&COMPRESS_TYPE);
        init_static_type(&DECOMPRESS_TYPE);
        init_static_type(&ZLIB_DECOMPRESSOR_TYPE);
    });
    let add = |name: &str, v: Value| super::add_object(module, name, v);
    add("error", ZLIB_ERROR.to_value());
    add("_ZlibDecompressor", ZLIB_DECOMPRESSOR_TYPE.to_value());
    let ints: &[(&str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS.into()),
        ("DEFLATED", DEFLATED.into()),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL.into()),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION.into()),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY.into()),
        ("Z_NO_FLUSH", Z_NO_FLUSH.into()),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", Z_SYNC_FLUSH.into()),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", Z_FINISH.into()),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for &(name, value) in ints {
        add(name, new_int(value));
    }
    let version = ffi::runtime_version();
    add("ZLIB_VERSION", new_str(&version));
    add("ZLIB_RUNTIME_VERSION", new_str(&version));
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "zlib",
    doc: None,
    methods: ZLIB_METHODS,
    init: Some(zlib_init),
};
