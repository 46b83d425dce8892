//! The `_md5` module (CPython's `Modules/md5module.c`) and MD5 itself, written from
//! RFC 1321: 64-byte blocks of little-endian words, four rounds of sixteen steps.

use super::{BlockBuffer, State, GETSETS, MD_METHODS};
use crate::modules::ModuleDef;
use crate::objects::typeobject::{MethodDef, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt};
use crate::vm::{Args, PyResult, Sig, Vm};

pub(crate) const DIGEST_SIZE: usize = 16;
pub(crate) const BLOCK_SIZE: usize = 64;

/// RFC 1321 section 3.3: the initial state A, B, C, D.
const INIT: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];

/// Section 3.4: T[i] is the integer part of 2**32 * |sin(i + 1)| (checked by a test).
#[rustfmt::skip]
const T: [u32; 64] = [
    0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee,
    0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
    0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be,
    0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
    0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa,
    0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
    0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed,
    0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
    0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c,
    0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
    0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05,
    0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
    0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039,
    0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
    0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1,
    0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
];

/// The left rotations of each round's four steps.
const SHIFTS: [[u32; 4]; 4] = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
];

#[derive(Clone)]
pub(crate) struct Md5 {
    state: [u32; 4],
    block: BlockBuffer<BLOCK_SIZE>,
}

impl Md5 {
    pub(crate) fn new() -> Md5 {
        Md5 {
            state: INIT,
            block: BlockBuffer::new(),
        }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        let state = &mut self.state;
        self.block.update(data, |b| compress(state, b));
    }

    pub(crate) fn finish(mut self) -> [u8; DIGEST_SIZE] {
        let state = &mut self.state;
        self.block.finish(8, false, |b| compress(state, b));
        let mut out = [0u8; DIGEST_SIZE];
        for (chunk, word) in out.chunks_exact_mut(4).zip(self.state) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        out
    }
}

/// One step: `a = b + ((a + f + X[k] + T[i]) <<< s)`, then the registers rotate.
macro_rules! step {
    ($a:ident, $b:ident, $c:ident, $d:ident, $f:expr, $x:expr, $t:expr, $s:expr) => {{
        let rotated = $a
            .wrapping_add($f)
            .wrapping_add($x)
            .wrapping_add($t)
            .rotate_left($s);
        $a = $d;
        $d = $c;
        $c = $b;
        $b = $b.wrapping_add(rotated);
    }};
}

fn compress(state: &mut [u32; 4], block: &[u8; BLOCK_SIZE]) {
    let mut x = [0u32; 16];
    for (w, chunk) in x.iter_mut().zip(block.chunks_exact(4)) {
        *w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    let [mut a, mut b, mut c, mut d] = *state;
    for i in 0..16 {
        step!(a, b, c, d, (b & c) | (!b & d), x[i], T[i], SHIFTS[0][i % 4]);
    }
    for i in 16..32 {
        step!(
            a,
            b,
            c,
            d,
            (b & d) | (c & !d),
            x[(5 * i + 1) % 16],
            T[i],
            SHIFTS[1][i % 4]
        );
    }
    for i in 32..48 {
        step!(
            a,
            b,
            c,
            d,
            b ^ c ^ d,
            x[(3 * i + 5) % 16],
            T[i],
            SHIFTS[2][i % 4]
        );
    }
    for i in 48..64 {
        step!(
            a,
            b,
            c,
            d,
            c ^ (b | !d),
            x[(7 * i) % 16],
            T[i],
            SHIFTS[3][i % 4]
        );
    }
    state[0] = state[0].wrapping_add(a);
    state[1] = state[1].wrapping_add(b);
    state[2] = state[2].wrapping_add(c);
    state[3] = state[3].wrapping_add(d);
}

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

/// `_md5.MD5Type`, whose instances `md5()` returns (it cannot be instantiated directly).
pub static MD5_TYPE: PyType = PyType::new_static(StaticTypeInit {
    name: "md5",
    layout: &super::HASH_LAYOUT,
    flags: 0,
    base: Some(&crate::objects::object::OBJECT_TYPE),
    methods: MD_METHODS,
    getsets: GETSETS,
    doc: None,
    module: Some("_md5"),
});

/// `md5(string=b'', *, usedforsecurity=True)`.
fn md5_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("md5", &[opt("string"), kw("usedforsecurity")]);
    let [data, usedforsecurity] = SIG.parse::<2>(args)?;
    super::construct(vm, &MD5_TYPE, State::Md5(Md5::new()), data, usedforsecurity)
}

fn md5_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        MD5_TYPE.slots.new.set(Some(super::no_new));
        crate::objects::typeobject_methods::init_static_type(&MD5_TYPE);
    });
    super::super::add_object(module, "MD5Type", MD5_TYPE.to_value());
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_md5",
    doc: None,
    methods: &[MethodDef {
        doc: "Return a new MD5 hash object; optionally initialized with a string.",
        ..MethodDef::method("md5", md5_new)
    }],
    init: Some(md5_module_init),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::hash::hex_of;

    fn md5(data: &[u8]) -> String {
        let mut h = Md5::new();
        h.update(data);
        hex_of(&h.finish())
    }

    #[test]
    fn sine_table() {
        for (i, &t) in T.iter().enumerate() {
            let expected = (((i + 1) as f64).sin().abs() * 4_294_967_296.0) as u64;
            assert_eq!(u64::from(t), expected, "T[{}]", i + 1);
        }
    }

    /// The test suite of RFC 1321, appendix A.5.
    #[test]
    fn rfc1321_suite() {
        assert_eq!(md5(b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5(b"a"), "0cc175b9c0f1b6a831c399e269772661");
        assert_eq!(md5(b"abc"), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(md5(b"message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
        assert_eq!(
            md5(b"abcdefghijklmnopqrstuvwxyz"),
            "c3fcd3d76192e4007dfb496cca67e13b"
        );
        assert_eq!(
            md5(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
            "d174ab98d277d9f5a5611c2c9f419d9f"
        );
        assert_eq!(
            md5(
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890"
            ),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
    }

    /// Every message length from 0 to 299 (each padding case): the hash of the
    /// concatenated digests of `b"a" * n`, as CPython computes it.
    #[test]
    fn every_padding_length() {
        let digests: Vec<u8> = (0..300)
            .flat_map(|n| {
                let mut h = Md5::new();
                h.update(&vec![b'a'; n]);
                h.finish()
            })
            .collect();
        assert_eq!(md5(&digests), "4a0125a7ff7488a489fe225c37fc99fc");
    }

    #[test]
    fn incremental_updates_match_one_shot() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7 + 3) as u8).collect();
        let whole = md5(&data);
        for split in [0, 1, 55, 56, 63, 64, 65, 128, 999, 1000] {
            let mut h = Md5::new();
            h.update(&data[..split]);
            h.update(&data[split..]);
            assert_eq!(hex_of(&h.finish()), whole, "split at {split}");
        }
    }
}
