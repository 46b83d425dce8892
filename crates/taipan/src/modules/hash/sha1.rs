//! The `_sha1` module (CPython's `Modules/sha1module.c`) and SHA-1 itself, written from
//! FIPS 180-4 sections 4.1.1, 5 and 6.1: 64-byte blocks of big-endian words, an
//! 80-word message schedule, four stages of twenty steps.

use super::{BlockBuffer, State, GETSETS, MD_METHODS};
use crate::modules::ModuleDef;
use crate::objects::typeobject::{MethodDef, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt};
use crate::vm::{Args, PyResult, Sig, Vm};

pub(crate) const DIGEST_SIZE: usize = 20;
pub(crate) const BLOCK_SIZE: usize = 64;

/// Section 5.3.1: the initial hash value.
const INIT: [u32; 5] = [
    0x6745_2301,
    0xefcd_ab89,
    0x98ba_dcfe,
    0x1032_5476,
    0xc3d2_e1f0,
];

/// Section 4.2.1: the constant of each stage of twenty steps.
const K: [u32; 4] = [0x5a82_7999, 0x6ed9_eba1, 0x8f1b_bcdc, 0xca62_c1d6];

#[derive(Clone)]
pub(crate) struct Sha1 {
    h: [u32; 5],
    block: BlockBuffer<BLOCK_SIZE>,
}

impl Sha1 {
    pub(crate) fn new() -> Sha1 {
        Sha1 {
            h: INIT,
            block: BlockBuffer::new(),
        }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        let h = &mut self.h;
        self.block.update(data, |b| compress(h, b));
    }

    pub(crate) fn finish(mut self) -> [u8; DIGEST_SIZE] {
        let h = &mut self.h;
        self.block.finish(8, true, |b| compress(h, b));
        let mut out = [0u8; DIGEST_SIZE];
        for (chunk, word) in out.chunks_exact_mut(4).zip(self.h) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }
}

/// Section 6.1.2, steps 1 to 4, for one block.  The schedule is kept in a ring of 16
/// words and the rounds are unrolled by five, so the working variables rotate by renaming.
fn compress(h: &mut [u32; 5], block: &[u8; BLOCK_SIZE]) {
    let mut w = [0u32; 16];
    for (word, chunk) in w.iter_mut().zip(block.chunks_exact(4)) {
        *word = u32::from_be_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    let [mut a, mut b, mut c, mut d, mut e] = *h;
    // f is Ch, Parity, Maj, Parity for the four stages of twenty rounds (section 4.1.1).
    #[inline(always)]
    fn ch(x: u32, y: u32, z: u32) -> u32 {
        (x & y) ^ (!x & z)
    }
    #[inline(always)]
    fn parity(x: u32, y: u32, z: u32) -> u32 {
        x ^ y ^ z
    }
    #[inline(always)]
    fn maj(x: u32, y: u32, z: u32) -> u32 {
        (x & y) ^ (x & z) ^ (y & z)
    }
    /// One round: T folds into e and b rotates; the caller renames the rest.
    #[inline(always)]
    fn round(
        a: u32,
        b: &mut u32,
        c: u32,
        d: u32,
        e: &mut u32,
        f: impl Fn(u32, u32, u32) -> u32,
        kw: u32,
    ) {
        *e = e
            .wrapping_add(a.rotate_left(5))
            .wrapping_add(f(*b, c, d))
            .wrapping_add(kw);
        *b = b.rotate_left(30);
    }
    // Twenty rounds with one function and constant, five at a time.
    macro_rules! stage {
        ($first:expr, $f:expr, $k:expr) => {
            for t in ($first..$first + 20).step_by(5) {
                // W[j] = ROTL1(W[j-3] ^ W[j-8] ^ W[j-14] ^ W[j-16]) from j = 16, in the ring.
                for j in t.max(16)..t + 5 {
                    w[j & 15] = (w[(j + 13) & 15] ^ w[(j + 8) & 15] ^ w[(j + 2) & 15] ^ w[j & 15])
                        .rotate_left(1);
                }
                let kw = |i: usize| $k.wrapping_add(w[(t + i) & 15]);
                round(a, &mut b, c, d, &mut e, $f, kw(0));
                round(e, &mut a, b, c, &mut d, $f, kw(1));
                round(d, &mut e, a, b, &mut c, $f, kw(2));
                round(c, &mut d, e, a, &mut b, $f, kw(3));
                round(b, &mut c, d, e, &mut a, $f, kw(4));
            }
        };
    }
    stage!(0, ch, K[0]);
    stage!(20, parity, K[1]);
    stage!(40, maj, K[2]);
    stage!(60, parity, K[3]);
    for (word, v) in h.iter_mut().zip([a, b, c, d, e]) {
        *word = word.wrapping_add(v);
    }
}

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

/// `_sha1.SHA1Type`, whose instances `sha1()` returns (it cannot be instantiated directly).
pub static SHA1_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "sha1",
    layout: &super::HASH_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: MD_METHODS,
    getsets: GETSETS,
    doc: None,
    module: Some("_sha1"),
});

/// `sha1(string=b'', *, usedforsecurity=True)`.
fn sha1_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha1", &[opt("string"), kw("usedforsecurity")]);
    let [data, usedforsecurity] = SIG.parse::<2>(args)?;
    super::construct(
        vm,
        &SHA1_TYPE,
        State::Sha1(Sha1::new()),
        data,
        usedforsecurity,
    )
}

fn sha1_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        SHA1_TYPE.slots.new.set(Some(super::no_new));
        crate::objects::typeobject_methods::init_static_type(&SHA1_TYPE);
    });
    super::super::add_object(module, "SHA1Type", SHA1_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_sha1",
    doc: None,
    methods: &[MethodDef {
        doc: "Return a new SHA1 hash object; optionally initialized with a string.",
        ..MethodDef::method("sha1", sha1_new)
    }],
    init: Some(sha1_module_init),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::hash::hex_of;

    fn sha1(data: &[u8]) -> String {
        let mut h = Sha1::new();
        h.update(data);
        hex_of(&h.finish())
    }

    /// The examples of FIPS 180 (one block, two blocks, a million 'a's).
    #[test]
    fn fips_examples() {
        assert_eq!(sha1(b""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(sha1(b"abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(
            sha1(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        let mut h = Sha1::new();
        for _ in 0..1000 {
            h.update(&[b'a'; 1000]);
        }
        assert_eq!(
            hex_of(&h.finish()),
            "34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        );
    }

    /// Every message length from 0 to 299 (each padding case): the hash of the
    /// concatenated digests of `b"a" * n`, as CPython computes it.
    #[test]
    fn every_padding_length() {
        let digests: Vec<u8> = (0..300)
            .flat_map(|n| {
                let mut h = Sha1::new();
                h.update(&vec![b'a'; n]);
                h.finish()
            })
            .collect();
        assert_eq!(sha1(&digests), "59fd9a7a8ec7eb10d31fe6c625152f122c4e1606");
    }
}
