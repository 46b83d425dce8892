//! The `_blake2` module (CPython's `Modules/blake2module.c`) and BLAKE2b / BLAKE2s,
//! written from RFC 7693 (the compression function F and mixing function G of
//! sections 3.1 and 3.2, the message schedule SIGMA of 2.7, the initial values of
//! 2.6) and the BLAKE2 paper's parameter block (salt, personalization and the tree
//! hashing parameters, section 2.8 of "BLAKE2: simpler, smaller, fast as MD5").
//!
//! The last block is always compressed by `finish`, with the final flag set (and the
//! last-node flag when asked), so `update` keeps up to one full block buffered.

use super::sha2::{SHA256_INIT, SHA512_INIT};
use super::{bytes_like, c_int, c_unsigned, State, GETSETS, METHODS};
use crate::modules::ModuleDef;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::typeobject::{as_type, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::args::{kw, po_opt};
use crate::vm::{ops, overflow_error, value_error, Args, PyResult, Sig, Vm};

pub(crate) const BLAKE2B_BLOCK_SIZE: usize = 128;
pub(crate) const BLAKE2S_BLOCK_SIZE: usize = 64;

/// RFC 7693 section 2.7: the message word permutations, one per round (mod 10).
#[rustfmt::skip]
const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// The parameter block's fields, already checked against the variant's limits.
pub(crate) struct Params<'a> {
    pub digest_size: u8,
    pub key: &'a [u8],
    pub salt: &'a [u8],
    pub person: &'a [u8],
    pub fanout: u8,
    pub depth: u8,
    pub leaf_size: u32,
    pub node_offset: u64,
    pub node_depth: u8,
    pub inner_size: u8,
    pub last_node: bool,
}

/// Defines one BLAKE2 variant: its word type, block size, round count, IV, the
/// rotations of G and the width in bytes of `node_offset` in the parameter block.
macro_rules! blake2_variant {
    ($name:ident, $word:ty, $block:expr, $rounds:expr, $iv:expr, [$r1:expr, $r2:expr, $r3:expr, $r4:expr], $offset_len:expr) => {
        #[derive(Clone)]
        pub(crate) struct $name {
            h: [$word; 8],
            /// Message bytes compressed so far (the counter t of RFC 7693).
            t: u128,
            buf: [u8; $block],
            used: usize,
            digest_size: usize,
            last_node: bool,
        }

        impl $name {
            const WORD: usize = std::mem::size_of::<$word>();

            pub(crate) fn new(p: &Params) -> $name {
                // The parameter block: eight words, little-endian.
                let mut block = [0u8; 8 * Self::WORD];
                block[0] = p.digest_size;
                block[1] = p.key.len() as u8;
                block[2] = p.fanout;
                block[3] = p.depth;
                block[4..8].copy_from_slice(&p.leaf_size.to_le_bytes());
                block[8..8 + $offset_len]
                    .copy_from_slice(&p.node_offset.to_le_bytes()[..$offset_len]);
                block[8 + $offset_len] = p.node_depth;
                block[9 + $offset_len] = p.inner_size;
                let salt_at = 4 * Self::WORD;
                block[salt_at..salt_at + p.salt.len()].copy_from_slice(p.salt);
                let person_at = 6 * Self::WORD;
                block[person_at..person_at + p.person.len()].copy_from_slice(p.person);
                let mut h = $iv;
                for (word, chunk) in h.iter_mut().zip(block.chunks_exact(Self::WORD)) {
                    let mut bytes = [0u8; std::mem::size_of::<$word>()];
                    bytes.copy_from_slice(chunk);
                    *word ^= <$word>::from_le_bytes(bytes);
                }
                let mut state = $name {
                    h,
                    t: 0,
                    buf: [0; $block],
                    used: 0,
                    digest_size: usize::from(p.digest_size),
                    last_node: p.last_node,
                };
                // A key is hashed as a first block of its own, zero-padded.
                if !p.key.is_empty() {
                    state.buf[..p.key.len()].copy_from_slice(p.key);
                    state.used = $block;
                }
                state
            }

            pub(crate) fn digest_size(&self) -> usize {
                self.digest_size
            }

            pub(crate) fn update(&mut self, mut data: &[u8]) {
                if data.is_empty() {
                    return;
                }
                let take = ($block - self.used).min(data.len());
                self.buf[self.used..self.used + take].copy_from_slice(&data[..take]);
                self.used += take;
                data = &data[take..];
                if data.is_empty() {
                    return;
                }
                // More input follows the full buffer, so it is not the last block.
                self.t += $block as u128;
                Self::compress(&mut self.h, &self.buf, self.t, false, false);
                while data.len() > $block {
                    let (block, rest) = data.split_at($block);
                    self.t += $block as u128;
                    if let Ok(block) = <&[u8; $block]>::try_from(block) {
                        Self::compress(&mut self.h, block, self.t, false, false);
                    }
                    data = rest;
                }
                self.buf[..data.len()].copy_from_slice(data);
                self.used = data.len();
            }

            pub(crate) fn finish(mut self) -> Vec<u8> {
                self.t += self.used as u128;
                self.buf[self.used..].fill(0);
                Self::compress(&mut self.h, &self.buf, self.t, true, self.last_node);
                self.h
                    .iter()
                    .flat_map(|w| w.to_le_bytes())
                    .take(self.digest_size)
                    .collect()
            }

            /// The compression function F (RFC 7693 section 3.2).
            fn compress(
                h: &mut [$word; 8],
                block: &[u8; $block],
                t: u128,
                last: bool,
                last_node: bool,
            ) {
                let mut m = [0 as $word; 16];
                for (word, chunk) in m.iter_mut().zip(block.chunks_exact(Self::WORD)) {
                    let mut bytes = [0u8; std::mem::size_of::<$word>()];
                    bytes.copy_from_slice(chunk);
                    *word = <$word>::from_le_bytes(bytes);
                }
                let mut v = [0 as $word; 16];
                v[..8].copy_from_slice(h);
                v[8..].copy_from_slice(&$iv);
                v[12] ^= t as $word;
                v[13] ^= (t >> (8 * Self::WORD)) as $word;
                if last {
                    v[14] = !v[14];
                }
                if last_node {
                    v[15] = !v[15];
                }
                // The mixing function G (section 3.1).
                #[inline(always)]
                fn g(
                    v: &mut [$word; 16],
                    a: usize,
                    b: usize,
                    c: usize,
                    d: usize,
                    x: $word,
                    y: $word,
                ) {
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
                    v[d] = (v[d] ^ v[a]).rotate_right($r1);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right($r2);
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
                    v[d] = (v[d] ^ v[a]).rotate_right($r3);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right($r4);
                }
                for round in 0..$rounds {
                    let s = &SIGMA[round % 10];
                    g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                    g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                    g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                    g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                    g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                    g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                    g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                    g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    h[i] ^= v[i] ^ v[i + 8];
                }
            }
        }
    };
}

blake2_variant!(
    Blake2b,
    u64,
    BLAKE2B_BLOCK_SIZE,
    12,
    SHA512_INIT,
    [32, 24, 16, 63],
    8
);
blake2_variant!(
    Blake2s,
    u32,
    BLAKE2S_BLOCK_SIZE,
    10,
    SHA256_INIT,
    [16, 12, 8, 7],
    6
);

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

/// The sizes of a variant (CPython's `BLAKE2B_*` / `BLAKE2S_*` constants).
struct Limits {
    name: &'static str,
    salt: usize,
    person: usize,
    key: usize,
    digest: usize,
}

const BLAKE2B: Limits = Limits {
    name: "blake2b",
    salt: 16,
    person: 16,
    key: 64,
    digest: 64,
};
const BLAKE2S: Limits = Limits {
    name: "blake2s",
    salt: 8,
    person: 8,
    key: 32,
    digest: 32,
};

/// `_blake2.blake2b`.
pub static BLAKE2B_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "blake2b",
    layout: &super::HASH_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: METHODS,
    getsets: GETSETS,
    doc: Some("Return a new BLAKE2b hash object."),
    module: Some("_blake2"),
});

/// `_blake2.blake2s`.
pub static BLAKE2S_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "blake2s",
    layout: &super::HASH_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: METHODS,
    getsets: GETSETS,
    doc: Some("Return a new BLAKE2s hash object."),
    module: Some("_blake2"),
});

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1,
/// depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
/// usedforsecurity=True)`, and `blake2s` likewise.  Arguments are converted in order,
/// then checked in the order of CPython's `py_blake2b_or_s_new`, then the data is hashed.
fn blake2_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    const PARAMS: &[crate::vm::args::Param] = &[
        po_opt("data"),
        kw("digest_size"),
        kw("key"),
        kw("salt"),
        kw("person"),
        kw("fanout"),
        kw("depth"),
        kw("leaf_size"),
        kw("node_offset"),
        kw("node_depth"),
        kw("inner_size"),
        kw("last_node"),
        kw("usedforsecurity"),
    ];
    static SIG_B: Sig = Sig::new("blake2b", PARAMS);
    static SIG_S: Sig = Sig::new("blake2s", PARAMS);
    let ty = as_type(cls).unwrap_or(&BLAKE2B_TYPE);
    let is_b = !std::ptr::eq(ty, &BLAKE2S_TYPE);
    let limits = if is_b { BLAKE2B } else { BLAKE2S };
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, usedforsecurity] =
        (if is_b { &SIG_B } else { &SIG_S }).parse::<13>(args)?;

    let mut int_or = |v: Option<Value>, default: i32| -> PyResult<i32> {
        v.map_or(Ok(default), |v| c_int(vm, &v))
    };
    let digest_size = int_or(digest_size, limits.digest as i32)?;
    let key = key.map(|v| bytes_like(&v)).transpose()?.unwrap_or_default();
    let salt = salt
        .map(|v| bytes_like(&v))
        .transpose()?
        .unwrap_or_default();
    let person = person
        .map(|v| bytes_like(&v))
        .transpose()?
        .unwrap_or_default();
    let fanout = int_or(fanout, 1)?;
    let depth = int_or(depth, 1)?;
    let leaf_size = leaf_size
        .map(|v| c_unsigned(&v, "Python int too large to convert to C unsigned long"))
        .transpose()?
        .unwrap_or(0);
    let node_offset = node_offset
        .map(|v| c_unsigned(&v, "int too big to convert"))
        .transpose()?
        .unwrap_or(0);
    let node_depth = int_or(node_depth, 0)?;
    let inner_size = int_or(inner_size, 0)?;
    let last_node = match last_node {
        Some(v) => ops::is_true(vm, &v)?,
        None => false,
    };
    if let Some(v) = usedforsecurity {
        ops::is_true(vm, &v)?;
    }

    let max_digest = limits.digest as i32;
    if !(1..=max_digest).contains(&digest_size) {
        return Err(value_error(format!(
            "digest_size must be between 1 and {max_digest} bytes"
        )));
    }
    if salt.len() > limits.salt {
        return Err(value_error(format!(
            "maximum salt length is {} bytes",
            limits.salt
        )));
    }
    if person.len() > limits.person {
        return Err(value_error(format!(
            "maximum person length is {} bytes",
            limits.person
        )));
    }
    if !(0..=255).contains(&fanout) {
        return Err(value_error("fanout must be between 0 and 255"));
    }
    if !(1..=255).contains(&depth) {
        return Err(value_error("depth must be between 1 and 255"));
    }
    let leaf_size =
        u32::try_from(leaf_size).map_err(|_| overflow_error("leaf_size is too large"))?;
    if !is_b && node_offset >= 1 << 48 {
        return Err(overflow_error("node_offset is too large"));
    }
    if !(0..=255).contains(&node_depth) {
        return Err(value_error("node_depth must be between 0 and 255"));
    }
    if !(0..=max_digest).contains(&inner_size) {
        return Err(value_error(format!(
            "inner_size must be between 0 and is {max_digest}"
        )));
    }
    if key.len() > limits.key {
        return Err(value_error(format!(
            "maximum key length is {} bytes",
            limits.key
        )));
    }

    let params = Params {
        digest_size: digest_size as u8,
        key: &key,
        salt: &salt,
        person: &person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size,
        node_offset,
        node_depth: node_depth as u8,
        inner_size: inner_size as u8,
        last_node,
    };
    let state = if is_b {
        State::Blake2b(Blake2b::new(&params))
    } else {
        State::Blake2s(Blake2s::new(&params))
    };
    super::construct_with(ty, state, data.as_ref())
}

fn blake2_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for (ty, limits) in [(&BLAKE2B_TYPE, BLAKE2B), (&BLAKE2S_TYPE, BLAKE2S)] {
            ty.slots.new.set(Some(blake2_new));
            crate::objects::typeobject_methods::init_static_type(ty);
            let dict = ty.dict_value();
            PyDict::set_str(&dict, "SALT_SIZE", new_int(limits.salt as i64));
            PyDict::set_str(&dict, "PERSON_SIZE", new_int(limits.person as i64));
            PyDict::set_str(&dict, "MAX_KEY_SIZE", new_int(limits.key as i64));
            PyDict::set_str(&dict, "MAX_DIGEST_SIZE", new_int(limits.digest as i64));
        }
    });
    for (ty, limits, prefix) in [
        (&BLAKE2B_TYPE, BLAKE2B, "BLAKE2B"),
        (&BLAKE2S_TYPE, BLAKE2S, "BLAKE2S"),
    ] {
        super::super::add_object(module, limits.name, ty.to_value());
        super::super::add_object(
            module,
            &format!("{prefix}_SALT_SIZE"),
            new_int(limits.salt as i64),
        );
        super::super::add_object(
            module,
            &format!("{prefix}_PERSON_SIZE"),
            new_int(limits.person as i64),
        );
        super::super::add_object(
            module,
            &format!("{prefix}_MAX_KEY_SIZE"),
            new_int(limits.key as i64),
        );
        super::super::add_object(
            module,
            &format!("{prefix}_MAX_DIGEST_SIZE"),
            new_int(limits.digest as i64),
        );
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_blake2",
    doc: Some("_blake2b provides BLAKE2b for hashlib\n"),
    methods: &[],
    init: Some(blake2_module_init),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::hash::hex_of;

    fn params(digest_size: u8, key: &[u8]) -> Params<'_> {
        Params {
            digest_size,
            key,
            salt: b"",
            person: b"",
            fanout: 1,
            depth: 1,
            leaf_size: 0,
            node_offset: 0,
            node_depth: 0,
            inner_size: 0,
            last_node: false,
        }
    }

    fn b(data: &[u8], p: &Params) -> String {
        let mut h = Blake2b::new(p);
        h.update(data);
        hex_of(&h.finish())
    }

    fn s(data: &[u8], p: &Params) -> String {
        let mut h = Blake2s::new(p);
        h.update(data);
        hex_of(&h.finish())
    }

    /// RFC 7693 appendices A and B.
    #[test]
    fn rfc7693_examples() {
        assert_eq!(
            b(b"abc", &params(64, b"")),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
        );
        assert_eq!(
            s(b"abc", &params(32, b"")),
            "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"
        );
    }

    /// Keyed hashing, as in the reference implementation's known-answer files.
    #[test]
    fn keyed() {
        let key: Vec<u8> = (0..64).collect();
        let msg: Vec<u8> = (0..=255).collect();
        assert_eq!(
            b(b"", &params(64, &key)),
            "10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568"
        );
        assert_eq!(
            s(b"", &params(32, &key[..32])),
            "48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49"
        );
        assert_eq!(
            b(&msg, &params(64, &key)),
            "b72071e096277edebb8ee5134dd3714996307ba3a55aa4733d412abbe28e909e10e57e6fbfb4ef53b3b960518294ff889a90829254412e2a60b85add07a3674f"
        );
        assert_eq!(
            s(&msg, &params(32, &key[..32])),
            "5211d1aefc0025be7f85c06b3e14e0fc645ae12bd41746485ea6d8a364a2eaee"
        );
    }

    /// Every parameter of the block, at its extremes (values from CPython).
    #[test]
    fn tree_parameters() {
        let mut p = params(33, b"");
        p.node_offset = u64::MAX;
        p.leaf_size = u32::MAX;
        p.last_node = true;
        assert_eq!(
            b(b"hi", &p),
            "039ba71ecee57f9ef7c256b3eece0cab0304b5b66d4aca238cb4d8278f00c26f05"
        );
        let mut p = params(17, b"");
        p.node_offset = (1 << 48) - 1;
        p.leaf_size = u32::MAX;
        p.last_node = true;
        p.salt = b"12345678";
        p.person = b"abcdefgh";
        assert_eq!(s(b"hi", &p), "a32307146d4b8812df757f08e588f8c3ef");
        let key = [b'k'; 64];
        let mut p = params(64, &key);
        p.salt = &[b'1'; 16];
        p.person = &[b'2'; 16];
        p.inner_size = 64;
        p.node_depth = 255;
        p.depth = 255;
        p.fanout = 255;
        assert_eq!(
            b(b"hi", &p),
            "eccec49b8d2be5174f121b529e82fe33174af9caec02d6cccd5fb60acde63aa7afa0337448698d993790d06d728705613c100eafefc8489660e836616882a409"
        );
    }

    /// Every message length from 0 to 399, plain and keyed: the hash of the
    /// concatenated digests of `b"a" * n`, as CPython computes it.
    #[test]
    fn every_length() {
        let chain_b = |key: &[u8]| {
            let p = params(64, key);
            let digests: Vec<u8> = (0..400)
                .flat_map(|n| {
                    let mut h = Blake2b::new(&p);
                    h.update(&vec![b'a'; n]);
                    h.finish()
                })
                .collect();
            b(&digests, &p)
        };
        let chain_s = |key: &[u8]| {
            let p = params(32, key);
            let digests: Vec<u8> = (0..400)
                .flat_map(|n| {
                    let mut h = Blake2s::new(&p);
                    h.update(&vec![b'a'; n]);
                    h.finish()
                })
                .collect();
            s(&digests, &p)
        };
        assert_eq!(
            chain_b(b""),
            "5f9d4597fe35e39201ec7f9db32e2dbf700c6c6d8402081e63380a17e224c114496ddc744268054f998b7373efb4fa5fb2d5263da61b34c99304c4209794751e"
        );
        assert_eq!(
            chain_s(b""),
            "686b62cb3836242a5adcfd104ba851337ceb637b9104eddba99f0282562f272b"
        );
        assert_eq!(
            chain_b(b"secret"),
            "313df35f497c482639e0939d2ad183395f39aae3cb9bbebef62d144329f0aeb2704321c46b6a59f1d0d732ac2563502686a727288ab1e05298276c0a1b195fae"
        );
        assert_eq!(
            chain_s(b"secret"),
            "f45b8eee676118b66d622f4778cc9289434c856d5b289b5893905716f8c74b3a"
        );
    }
}
