//! The hash modules behind `hashlib`: `_md5`, `_sha1`, `_sha2`, `_sha3` and `_blake2`
//! (CPython's `Modules/md5module.c`, `sha1module.c`, `sha2module.c`, `sha3module.c`,
//! `blake2module.c` and their shared header `Modules/hashlib.h`).
//!
//! Each algorithm lives in its own file, written from its specification (RFC 1321 for
//! MD5, FIPS 180-4 for SHA-1 and SHA-2, FIPS 202 for SHA-3 and SHAKE, RFC 7693 for
//! BLAKE2) with known-answer tests; the file also declares the module and its types.
//! This file holds what the five modules share: the hash object (`PyHash`, one layout
//! for every hash type), its methods and attributes, and the argument conversions.
//!
//! Taipan has no `_hashlib` (OpenSSL), so `hashlib` takes these constructors directly,
//! as a CPython built without OpenSSL does.  NOTE: that is also why
//! `hashlib.pbkdf2_hmac` and `hashlib.scrypt` do not exist: CPython 3.13 only gets them
//! from `_hashlib`.

pub mod blake2;
pub mod md5;
pub mod sha1;
pub mod sha2;
pub mod sha3;

use std::cell::RefCell;

use crate::objects::bytearray::as_bytearray;
use crate::objects::bytes::{as_bytes, new_bytes};
use crate::objects::int::{as_int, new_int};
use crate::objects::str::{as_str, new_string};
use crate::objects::typeobject::{GetSetDef, MethodDef, PyType};
use crate::runtime::heap::{self, Layout, ObjectHead, PyPayload};
use crate::runtime::value::Value;
use crate::vm::{ops, overflow_error, type_error, value_error, Args, PyResult, Vm};

// ---------------------------------------------------------------------------------------
// Block buffering shared by the Merkle–Damgård hashes (MD5, SHA-1, SHA-2)
// ---------------------------------------------------------------------------------------

/// Collects input into `N`-byte blocks for a compression function, and applies the
/// MD-strengthening padding (a 1 bit, zeros, the message length in bits) at the end.
#[derive(Clone)]
pub(crate) struct BlockBuffer<const N: usize> {
    buf: [u8; N],
    used: usize,
    /// Bytes absorbed so far, modulo 2**128.
    total: u128,
}

impl<const N: usize> BlockBuffer<N> {
    pub(crate) const fn new() -> Self {
        BlockBuffer {
            buf: [0; N],
            used: 0,
            total: 0,
        }
    }

    /// Feeds `data`, calling `compress` on every completed block.
    #[inline]
    pub(crate) fn update(&mut self, mut data: &[u8], mut compress: impl FnMut(&[u8; N])) {
        self.total = self.total.wrapping_add(data.len() as u128);
        if self.used > 0 {
            let take = (N - self.used).min(data.len());
            self.buf[self.used..self.used + take].copy_from_slice(&data[..take]);
            self.used += take;
            data = &data[take..];
            if self.used < N {
                return;
            }
            compress(&self.buf);
            self.used = 0;
        }
        let mut blocks = data.chunks_exact(N);
        for block in &mut blocks {
            if let Ok(block) = <&[u8; N]>::try_from(block) {
                compress(block);
            }
        }
        let rest = blocks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.used = rest.len();
    }

    /// Pads the message: `0x80`, zeros, then the bit length in the last `len_bytes`
    /// bytes of a block, big- or little-endian; compresses the final block(s).
    pub(crate) fn finish(
        &mut self,
        len_bytes: usize,
        big_endian: bool,
        mut compress: impl FnMut(&[u8; N]),
    ) {
        let bits = self.total.wrapping_mul(8);
        let mut i = self.used;
        self.buf[i] = 0x80;
        i += 1;
        if i > N - len_bytes {
            self.buf[i..].fill(0);
            compress(&self.buf);
            i = 0;
        }
        self.buf[i..N - len_bytes].fill(0);
        let field = &mut self.buf[N - len_bytes..];
        if big_endian {
            field.copy_from_slice(&bits.to_be_bytes()[16 - len_bytes..]);
        } else {
            field.copy_from_slice(&bits.to_le_bytes()[..len_bytes]);
        }
        compress(&self.buf);
    }
}

// ---------------------------------------------------------------------------------------
// The running state of any of the algorithms
// ---------------------------------------------------------------------------------------

#[derive(Clone)]
pub(crate) enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    /// SHA-224 and SHA-256.
    Sha256(sha2::Sha256),
    /// SHA-384 and SHA-512.
    Sha512(sha2::Sha512),
    /// The four SHA-3 hashes and the two SHAKE functions.
    Keccak(sha3::Keccak),
    Blake2b(blake2::Blake2b),
    Blake2s(blake2::Blake2s),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha512(h) => h.update(data),
            State::Keccak(h) => h.update(data),
            State::Blake2b(h) => h.update(data),
            State::Blake2s(h) => h.update(data),
        }
    }

    /// The digest of the data so far (the state itself is left as it is).  For SHAKE,
    /// whose `digest` takes a length, this is the empty digest of `digest_size` 0.
    fn digest(&self) -> Vec<u8> {
        match self {
            State::Md5(h) => h.clone().finish().to_vec(),
            State::Sha1(h) => h.clone().finish().to_vec(),
            State::Sha256(h) => h.clone().finish(),
            State::Sha512(h) => h.clone().finish(),
            State::Keccak(h) => h.clone().finish(h.digest_size()),
            State::Blake2b(h) => h.clone().finish(),
            State::Blake2s(h) => h.clone().finish(),
        }
    }

    fn name(&self) -> &'static str {
        match self {
            State::Md5(_) => "md5",
            State::Sha1(_) => "sha1",
            State::Sha256(h) => h.name(),
            State::Sha512(h) => h.name(),
            State::Keccak(h) => h.name(),
            State::Blake2b(_) => "blake2b",
            State::Blake2s(_) => "blake2s",
        }
    }

    fn digest_size(&self) -> usize {
        match self {
            State::Md5(_) => md5::DIGEST_SIZE,
            State::Sha1(_) => sha1::DIGEST_SIZE,
            State::Sha256(h) => h.digest_size(),
            State::Sha512(h) => h.digest_size(),
            State::Keccak(h) => h.digest_size(),
            State::Blake2b(h) => h.digest_size(),
            State::Blake2s(h) => h.digest_size(),
        }
    }

    fn block_size(&self) -> usize {
        match self {
            State::Md5(_) => md5::BLOCK_SIZE,
            State::Sha1(_) => sha1::BLOCK_SIZE,
            State::Sha256(_) => sha2::SHA256_BLOCK_SIZE,
            State::Sha512(_) => sha2::SHA512_BLOCK_SIZE,
            State::Keccak(h) => h.rate(),
            State::Blake2b(_) => blake2::BLAKE2B_BLOCK_SIZE,
            State::Blake2s(_) => blake2::BLAKE2S_BLOCK_SIZE,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The hash object
// ---------------------------------------------------------------------------------------

/// An instance of any of the hash types (`_md5.md5`, `_sha2.SHA256Type`,
/// `_sha3.shake_128`, `_blake2.blake2b`, ...): they differ only in their type object.
#[repr(C)]
pub struct PyHash {
    head: ObjectHead,
    /// Boxed: the states of the SHA-2 family carry a 128-bit length.
    state: RefCell<Box<State>>,
}

pub static HASH_LAYOUT: Layout =
    crate::payload_layout!(PyHash, "hash", heap::no_traverse, heap::no_clear);

impl PyPayload for PyHash {
    fn layout() -> &'static Layout {
        &HASH_LAYOUT
    }
    fn static_type() -> &'static PyType {
        &md5::MD5_TYPE
    }
}

/// A new hash object of type `ty` in state `state`.
fn new_hash(ty: &PyType, state: State) -> Value {
    heap::alloc(
        ty,
        PyHash {
            head: ObjectHead::uninit(),
            state: RefCell::new(Box::new(state)),
        },
    )
}

/// The hash object behind `self` (the method descriptors have checked its type).
fn this(v: &Value) -> PyResult<&PyHash> {
    v.downcast::<PyHash>().ok_or_else(|| {
        type_error(format!(
            "descriptor requires a hash object but received a '{}'",
            v.ty().name()
        ))
    })
}

/// `type.method`, as CPython names a method in its argument errors.
fn qualname(args: &Args, method: &str) -> String {
    let ty = args
        .values
        .first()
        .map(|v| v.ty().name())
        .unwrap_or_default();
    format!("{ty}.{method}")
}

/// `tp_new` of the MD5, SHA-1 and SHA-2 types, which only their module's functions
/// create (CPython's `Py_TPFLAGS_DISALLOW_INSTANTIATION`).
pub(crate) fn no_new(_vm: &mut Vm, cls: &Value, _args: Args) -> PyResult<Value> {
    let name = crate::objects::typeobject::as_type(cls)
        .map(|t| t.tp_name())
        .unwrap_or_default();
    Err(type_error(format!("cannot create '{name}' instances")))
}

/// The body shared by every constructor once its arguments are parsed: the
/// `usedforsecurity` flag is converted (and ignored: every algorithm is available),
/// then the initial data, if any, is hashed.
pub(crate) fn construct(
    vm: &mut Vm,
    ty: &PyType,
    state: State,
    data: Option<Value>,
    usedforsecurity: Option<Value>,
) -> PyResult<Value> {
    if let Some(flag) = usedforsecurity {
        ops::is_true(vm, &flag)?;
    }
    construct_with(ty, state, data.as_ref())
}

/// A new object in `state` that has hashed `data` (the last step of every constructor).
pub(crate) fn construct_with(
    ty: &PyType,
    mut state: State,
    data: Option<&Value>,
) -> PyResult<Value> {
    if let Some(data) = data {
        with_buffer(data, |bytes| state.update(bytes))?;
    }
    Ok(new_hash(ty, state))
}

// ---------------------------------------------------------------------------------------
// Argument conversions
// ---------------------------------------------------------------------------------------

/// `GET_BUFFER_VIEW_OR_ERROUT` (`Modules/hashlib.h`): the bytes of a buffer object,
/// borrowed for the duration of `f`; str is refused with its own message.
pub(crate) fn with_buffer<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    if as_str(v).is_some() {
        return Err(type_error("Strings must be encoded before hashing"));
    }
    if let Some(b) = as_bytes(v) {
        return Ok(f(b));
    }
    if let Some(a) = as_bytearray(v) {
        return Ok(f(&a.data.borrow()));
    }
    if let Some(a) = crate::modules::array::as_array(v) {
        return Ok(f(&a.data.borrow()));
    }
    if let Some(result) = crate::objects::memoryview::with_contiguous_bytes(v, f) {
        return result;
    }
    Err(type_error("object supporting the buffer API required"))
}

/// Argument Clinic's `Py_buffer` converter: the bytes of a bytes-like object.
pub(crate) fn bytes_like(v: &Value) -> PyResult<Vec<u8>> {
    if as_str(v).is_none() {
        if let Some(b) = as_bytes(v) {
            return Ok(b.to_vec());
        }
        if let Some(a) = as_bytearray(v) {
            return Ok(a.data.borrow().clone());
        }
        if let Some(a) = crate::modules::array::as_array(v) {
            return Ok(a.data.borrow().clone());
        }
        if let Some(result) = crate::objects::memoryview::with_contiguous_bytes(v, <[u8]>::to_vec) {
            return result;
        }
    }
    Err(type_error(format!(
        "a bytes-like object is required, not '{}'",
        v.ty().name()
    )))
}

/// Argument Clinic's `int` converter (`PyLong_AsInt` after `__index__`).
pub(crate) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let i = ops::index(vm, v)?;
    as_int(&i)
        .and_then(|i| i.to_i64())
        .and_then(|i| i32::try_from(i).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// Argument Clinic's `unsigned_long` and `unsigned_long_long` converters
/// (`_PyLong_UnsignedLong_Converter`): an int (no `__index__`), not negative, that fits
/// 64 bits; `overflow` is the message of the C conversion that fails.
pub(crate) fn c_unsigned(v: &Value, overflow: &str) -> PyResult<u64> {
    use num_traits::ToPrimitive;
    match as_int(v) {
        None => Err(type_error("an integer is required")),
        Some(i) if i.is_negative() => Err(value_error("value must be positive")),
        Some(i) => i
            .to_bigint()
            .to_u64()
            .ok_or_else(|| overflow_error(overflow)),
    }
}

/// Lowercase hexadecimal digits of `bytes` (`_Py_strhex`).
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Methods and attributes
// ---------------------------------------------------------------------------------------

fn hash_update(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, data) = args.one_arg(&qualname(&args, "update"))?;
    let h = this(v)?;
    with_buffer(data, |bytes| h.state.borrow_mut().update(bytes))?;
    Ok(crate::objects::singletons::none())
}

fn hash_digest(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs(&qualname(&args, "digest"))?;
    Ok(new_bytes(this(v)?.state.borrow().digest()))
}

fn hash_hexdigest(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.noargs(&qualname(&args, "hexdigest"))?;
    Ok(new_string(hex(&this(v)?.state.borrow().digest())))
}

fn copy_of(v: &Value) -> PyResult<Value> {
    let state = (**this(v)?.state.borrow()).clone();
    Ok(new_hash(v.ty(), state))
}

/// `copy` of the SHA-3 and BLAKE2 objects (a plain `METH_NOARGS` method).
fn hash_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    copy_of(args.noargs(&qualname(&args, "copy"))?)
}

/// `copy` of the MD5, SHA-1 and SHA-2 objects, which CPython declares with a
/// defining-class parameter: any argument gets its terser message.
fn md_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 || args.has_kwargs() {
        return Err(type_error("copy() takes no arguments"));
    }
    copy_of(&pos[0])
}

/// The length argument of SHAKE's `digest` and `hexdigest` (`_SHAKE_digest`).
fn shake_length(args: &Args, method: &str) -> PyResult<(Value, usize)> {
    let (v, length) = args.one_arg(&qualname(args, method))?;
    let n = c_unsigned(length, "Python int too large to convert to C unsigned long")?;
    if n >= 1 << 29 {
        return Err(value_error("length is too large"));
    }
    Ok((v.clone(), n as usize))
}

fn shake_output(v: &Value, n: usize) -> PyResult<Vec<u8>> {
    match &**this(v)?.state.borrow() {
        State::Keccak(k) => Ok(k.clone().finish(n)),
        other => Ok(other.digest()),
    }
}

fn shake_digest(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, n) = shake_length(&args, "digest")?;
    Ok(new_bytes(shake_output(&v, n)?))
}

fn shake_hexdigest(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, n) = shake_length(&args, "hexdigest")?;
    Ok(new_string(hex(&shake_output(&v, n)?)))
}

fn get_name(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::objects::str::new_str(this(v)?.state.borrow().name()))
}

fn get_digest_size(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.state.borrow().digest_size() as i64))
}

fn get_block_size(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_int(this(v)?.state.borrow().block_size() as i64))
}

/// The sponge parameters of a SHA-3 object: (rate in bytes, padding suffix).
fn sponge(v: &Value) -> PyResult<(usize, u8)> {
    match &**this(v)?.state.borrow() {
        State::Keccak(k) => Ok((k.rate(), k.suffix())),
        _ => Err(type_error("not a SHA-3 object")),
    }
}

fn get_capacity_bits(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (rate, _) = sponge(v)?;
    Ok(new_int(1600 - 8 * rate as i64))
}

fn get_rate_bits(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (rate, _) = sponge(v)?;
    Ok(new_int(8 * rate as i64))
}

fn get_suffix(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let (_, suffix) = sponge(v)?;
    Ok(new_bytes(vec![suffix]))
}

/// A method entry with its docstring.
const fn documented(m: MethodDef, doc: &'static str) -> MethodDef {
    MethodDef { doc, ..m }
}

const COPY_DOC: &str = "Return a copy of the hash object.";
const DIGEST_DOC: &str = "Return the digest value as a bytes object.";
const HEXDIGEST_DOC: &str = "Return the digest value as a string of hexadecimal digits.";

/// Methods of the MD5, SHA-1 and SHA-2 objects.
pub(crate) static MD_METHODS: &[MethodDef] = &[
    documented(MethodDef::method("copy", md_copy), COPY_DOC),
    documented(MethodDef::method("digest", hash_digest), DIGEST_DOC),
    documented(
        MethodDef::method("hexdigest", hash_hexdigest),
        HEXDIGEST_DOC,
    ),
    documented(
        MethodDef::method("update", hash_update),
        "Update this hash object's state with the provided string.",
    ),
];

const UPDATE_BYTES_DOC: &str =
    "Update this hash object's state with the provided bytes-like object.";

/// Methods of the SHA-3 and BLAKE2 objects.
pub(crate) static METHODS: &[MethodDef] = &[
    documented(MethodDef::method("copy", hash_copy), COPY_DOC),
    documented(MethodDef::method("digest", hash_digest), DIGEST_DOC),
    documented(
        MethodDef::method("hexdigest", hash_hexdigest),
        HEXDIGEST_DOC,
    ),
    documented(MethodDef::method("update", hash_update), UPDATE_BYTES_DOC),
];

/// Methods of the SHAKE objects: the digest has the length asked for.
pub(crate) static SHAKE_METHODS: &[MethodDef] = &[
    documented(MethodDef::method("copy", hash_copy), COPY_DOC),
    documented(MethodDef::method("digest", shake_digest), DIGEST_DOC),
    documented(
        MethodDef::method("hexdigest", shake_hexdigest),
        HEXDIGEST_DOC,
    ),
    documented(MethodDef::method("update", hash_update), UPDATE_BYTES_DOC),
];

pub(crate) static GETSETS: &[GetSetDef] = &[
    GetSetDef::new("block_size", get_block_size),
    GetSetDef::new("name", get_name),
    GetSetDef::new("digest_size", get_digest_size),
];

pub(crate) static SHA3_GETSETS: &[GetSetDef] = &[
    GetSetDef::new("block_size", get_block_size),
    GetSetDef::new("name", get_name),
    GetSetDef::new("digest_size", get_digest_size),
    GetSetDef::new("_capacity_bits", get_capacity_bits),
    GetSetDef::new("_rate_bits", get_rate_bits),
    GetSetDef::new("_suffix", get_suffix),
];

#[cfg(test)]
pub(crate) fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap_or(0))
        .collect()
}

#[cfg(test)]
pub(crate) fn hex_of(bytes: &[u8]) -> String {
    hex(bytes)
}
