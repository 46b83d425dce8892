//! The `_sha2` module (CPython's `Modules/sha2module.c`) and the SHA-2 family, written
//! from FIPS 180-4: SHA-256 (section 6.2) and SHA-224 (6.3, its initial value and a
//! truncated output), SHA-512 (6.4) and SHA-384 (6.5, likewise).
//!
//! The constants are those of sections 4.2.2, 4.2.3 and 5.3: the first 32 or 64 bits of
//! the fractional parts of the cube roots (K) and square roots (initial values) of the
//! first primes; a test recomputes them.

use super::{BlockBuffer, State, GETSETS, MD_METHODS};
use crate::modules::ModuleDef;
use crate::objects::typeobject::{MethodDef, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::args::{kw, opt};
use crate::vm::{Args, PyResult, Sig, Vm};

pub(crate) const SHA256_BLOCK_SIZE: usize = 64;
pub(crate) const SHA512_BLOCK_SIZE: usize = 128;

/// Section 4.2.2: cube roots of the first 64 primes.
#[rustfmt::skip]
const K256: [u32; 64] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
];

/// Section 5.3.3: square roots of the first 8 primes (also BLAKE2s's IV).
#[rustfmt::skip]
pub(crate) const SHA256_INIT: [u32; 8] =
    [0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19];

/// Section 5.3.2: the second 32 bits of the square roots of the 9th to 16th primes.
#[rustfmt::skip]
const SHA224_INIT: [u32; 8] =
    [0xc105_9ed8, 0x367c_d507, 0x3070_dd17, 0xf70e_5939, 0xffc0_0b31, 0x6858_1511, 0x64f9_8fa7, 0xbefa_4fa4];

/// Section 4.2.3: cube roots of the first 80 primes.
#[rustfmt::skip]
const K512: [u64; 80] = [
    0x428a_2f98_d728_ae22, 0x7137_4491_23ef_65cd, 0xb5c0_fbcf_ec4d_3b2f, 0xe9b5_dba5_8189_dbbc,
    0x3956_c25b_f348_b538, 0x59f1_11f1_b605_d019, 0x923f_82a4_af19_4f9b, 0xab1c_5ed5_da6d_8118,
    0xd807_aa98_a303_0242, 0x1283_5b01_4570_6fbe, 0x2431_85be_4ee4_b28c, 0x550c_7dc3_d5ff_b4e2,
    0x72be_5d74_f27b_896f, 0x80de_b1fe_3b16_96b1, 0x9bdc_06a7_25c7_1235, 0xc19b_f174_cf69_2694,
    0xe49b_69c1_9ef1_4ad2, 0xefbe_4786_384f_25e3, 0x0fc1_9dc6_8b8c_d5b5, 0x240c_a1cc_77ac_9c65,
    0x2de9_2c6f_592b_0275, 0x4a74_84aa_6ea6_e483, 0x5cb0_a9dc_bd41_fbd4, 0x76f9_88da_8311_53b5,
    0x983e_5152_ee66_dfab, 0xa831_c66d_2db4_3210, 0xb003_27c8_98fb_213f, 0xbf59_7fc7_beef_0ee4,
    0xc6e0_0bf3_3da8_8fc2, 0xd5a7_9147_930a_a725, 0x06ca_6351_e003_826f, 0x1429_2967_0a0e_6e70,
    0x27b7_0a85_46d2_2ffc, 0x2e1b_2138_5c26_c926, 0x4d2c_6dfc_5ac4_2aed, 0x5338_0d13_9d95_b3df,
    0x650a_7354_8baf_63de, 0x766a_0abb_3c77_b2a8, 0x81c2_c92e_47ed_aee6, 0x9272_2c85_1482_353b,
    0xa2bf_e8a1_4cf1_0364, 0xa81a_664b_bc42_3001, 0xc24b_8b70_d0f8_9791, 0xc76c_51a3_0654_be30,
    0xd192_e819_d6ef_5218, 0xd699_0624_5565_a910, 0xf40e_3585_5771_202a, 0x106a_a070_32bb_d1b8,
    0x19a4_c116_b8d2_d0c8, 0x1e37_6c08_5141_ab53, 0x2748_774c_df8e_eb99, 0x34b0_bcb5_e19b_48a8,
    0x391c_0cb3_c5c9_5a63, 0x4ed8_aa4a_e341_8acb, 0x5b9c_ca4f_7763_e373, 0x682e_6ff3_d6b2_b8a3,
    0x748f_82ee_5def_b2fc, 0x78a5_636f_4317_2f60, 0x84c8_7814_a1f0_ab72, 0x8cc7_0208_1a64_39ec,
    0x90be_fffa_2363_1e28, 0xa450_6ceb_de82_bde9, 0xbef9_a3f7_b2c6_7915, 0xc671_78f2_e372_532b,
    0xca27_3ece_ea26_619c, 0xd186_b8c7_21c0_c207, 0xeada_7dd6_cde0_eb1e, 0xf57d_4f7f_ee6e_d178,
    0x06f0_67aa_7217_6fba, 0x0a63_7dc5_a2c8_98a6, 0x113f_9804_bef9_0dae, 0x1b71_0b35_131c_471b,
    0x28db_77f5_2304_7d84, 0x32ca_ab7b_40c7_2493, 0x3c9e_be0a_15c9_bebc, 0x431d_67c4_9c10_0d4c,
    0x4cc5_d4be_cb3e_42b6, 0x597f_299c_fc65_7e2a, 0x5fcb_6fab_3ad6_faec, 0x6c44_198c_4a47_5817,
];

/// Section 5.3.5: square roots of the first 8 primes (also BLAKE2b's IV).
#[rustfmt::skip]
pub(crate) const SHA512_INIT: [u64; 8] = [
    0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
];

/// Section 5.3.4: square roots of the 9th to 16th primes.
#[rustfmt::skip]
const SHA384_INIT: [u64; 8] = [
    0xcbbb_9d5d_c105_9ed8, 0x629a_292a_367c_d507, 0x9159_015a_3070_dd17, 0x152f_ecd8_f70e_5939,
    0x6733_2667_ffc0_0b31, 0x8eb4_4a87_6858_1511, 0xdb0c_2e0d_64f9_8fa7, 0x47b5_481d_befa_4fa4,
];

// ---------------------------------------------------------------------------------------
// SHA-256 and SHA-224
// ---------------------------------------------------------------------------------------

#[derive(Clone)]
pub(crate) struct Sha256 {
    h: [u32; 8],
    block: BlockBuffer<SHA256_BLOCK_SIZE>,
    /// 28 for SHA-224, 32 for SHA-256.
    digest_size: usize,
}

impl Sha256 {
    pub(crate) fn new224() -> Sha256 {
        Sha256 {
            h: SHA224_INIT,
            block: BlockBuffer::new(),
            digest_size: 28,
        }
    }

    pub(crate) fn new256() -> Sha256 {
        Sha256 {
            h: SHA256_INIT,
            block: BlockBuffer::new(),
            digest_size: 32,
        }
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.digest_size == 28 {
            "sha224"
        } else {
            "sha256"
        }
    }

    pub(crate) fn digest_size(&self) -> usize {
        self.digest_size
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        let h = &mut self.h;
        self.block.update(data, |b| compress256(h, b));
    }

    pub(crate) fn finish(mut self) -> Vec<u8> {
        let h = &mut self.h;
        self.block.finish(8, true, |b| compress256(h, b));
        self.h
            .iter()
            .flat_map(|w| w.to_be_bytes())
            .take(self.digest_size)
            .collect()
    }
}

/// Generates a SHA-2 compression function (sections 6.2.2 and 6.4.2, steps 1 to 4): the
/// message schedule kept in a ring of 16 words, the rounds unrolled by eight so that the
/// working variables a..h rotate by renaming rather than by moves.  The rotation amounts
/// are those of the functions Σ0, Σ1, σ0 and σ1 (sections 4.1.2 and 4.1.3).
macro_rules! sha2_compress {
    ($fname:ident, $word:ty, $block:expr, $k:ident,
     big_sigma0 = [$a0:expr, $a1:expr, $a2:expr], big_sigma1 = [$e0:expr, $e1:expr, $e2:expr],
     small_sigma0 = [$x0:expr, $x1:expr, $xs:expr], small_sigma1 = [$y0:expr, $y1:expr, $ys:expr]) => {
        fn $fname(h: &mut [$word; 8], block: &[u8; $block]) {
            const WORD: usize = std::mem::size_of::<$word>();
            let mut w = [0 as $word; 16];
            for (word, chunk) in w.iter_mut().zip(block.chunks_exact(WORD)) {
                let mut bytes = [0u8; WORD];
                bytes.copy_from_slice(chunk);
                *word = <$word>::from_be_bytes(bytes);
            }
            /// One round: T1 and T2 fold into d and h, the caller renames the rest.
            #[inline(always)]
            fn round(
                a: $word,
                b: $word,
                c: $word,
                d: &mut $word,
                e: $word,
                f: $word,
                g: $word,
                h: &mut $word,
                kw: $word,
            ) {
                let t1 = h
                    .wrapping_add(e.rotate_right($e0) ^ e.rotate_right($e1) ^ e.rotate_right($e2))
                    .wrapping_add((e & f) ^ (!e & g))
                    .wrapping_add(kw);
                let t2 = (a.rotate_right($a0) ^ a.rotate_right($a1) ^ a.rotate_right($a2))
                    .wrapping_add((a & b) ^ (a & c) ^ (b & c));
                *d = d.wrapping_add(t1);
                *h = t1.wrapping_add(t2);
            }
            let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = *h;
            let mut t = 0;
            while t < $k.len() {
                if t >= 16 {
                    // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], in the ring.
                    for j in t..t + 8 {
                        let w15 = w[(j + 1) & 15];
                        let w2 = w[(j + 14) & 15];
                        let s0 = w15.rotate_right($x0) ^ w15.rotate_right($x1) ^ (w15 >> $xs);
                        let s1 = w2.rotate_right($y0) ^ w2.rotate_right($y1) ^ (w2 >> $ys);
                        w[j & 15] = w[j & 15]
                            .wrapping_add(s0)
                            .wrapping_add(w[(j + 9) & 15])
                            .wrapping_add(s1);
                    }
                }
                let kw = |i: usize| $k[t + i].wrapping_add(w[(t + i) & 15]);
                round(a, b, c, &mut d, e, f, g, &mut hh, kw(0));
                round(hh, a, b, &mut c, d, e, f, &mut g, kw(1));
                round(g, hh, a, &mut b, c, d, e, &mut f, kw(2));
                round(f, g, hh, &mut a, b, c, d, &mut e, kw(3));
                round(e, f, g, &mut hh, a, b, c, &mut d, kw(4));
                round(d, e, f, &mut g, hh, a, b, &mut c, kw(5));
                round(c, d, e, &mut f, g, hh, a, &mut b, kw(6));
                round(b, c, d, &mut e, f, g, hh, &mut a, kw(7));
                t += 8;
            }
            for (word, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
                *word = word.wrapping_add(v);
            }
        }
    };
}

sha2_compress!(
    compress256,
    u32,
    SHA256_BLOCK_SIZE,
    K256,
    big_sigma0 = [2, 13, 22],
    big_sigma1 = [6, 11, 25],
    small_sigma0 = [7, 18, 3],
    small_sigma1 = [17, 19, 10]
);
sha2_compress!(
    compress512,
    u64,
    SHA512_BLOCK_SIZE,
    K512,
    big_sigma0 = [28, 34, 39],
    big_sigma1 = [14, 18, 41],
    small_sigma0 = [1, 8, 7],
    small_sigma1 = [19, 61, 6]
);

// ---------------------------------------------------------------------------------------
// SHA-512 and SHA-384
// ---------------------------------------------------------------------------------------

#[derive(Clone)]
pub(crate) struct Sha512 {
    h: [u64; 8],
    block: BlockBuffer<SHA512_BLOCK_SIZE>,
    /// 48 for SHA-384, 64 for SHA-512.
    digest_size: usize,
}

impl Sha512 {
    pub(crate) fn new384() -> Sha512 {
        Sha512 {
            h: SHA384_INIT,
            block: BlockBuffer::new(),
            digest_size: 48,
        }
    }

    pub(crate) fn new512() -> Sha512 {
        Sha512 {
            h: SHA512_INIT,
            block: BlockBuffer::new(),
            digest_size: 64,
        }
    }

    pub(crate) fn name(&self) -> &'static str {
        if self.digest_size == 48 {
            "sha384"
        } else {
            "sha512"
        }
    }

    pub(crate) fn digest_size(&self) -> usize {
        self.digest_size
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        let h = &mut self.h;
        self.block.update(data, |b| compress512(h, b));
    }

    pub(crate) fn finish(mut self) -> Vec<u8> {
        let h = &mut self.h;
        self.block.finish(16, true, |b| compress512(h, b));
        self.h
            .iter()
            .flat_map(|w| w.to_be_bytes())
            .take(self.digest_size)
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

macro_rules! sha2_type {
    ($static:ident, $name:literal) => {
        /// A `_sha2` hash type (instances come from the module's constructor functions).
        pub static $static: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &super::HASH_LAYOUT,
            flags: 0,
            base: Some(&crate::objects::object::OBJECT_TYPE),
            methods: MD_METHODS,
            getsets: GETSETS,
            doc: None,
            module: Some("_sha2"),
        });
    };
}

sha2_type!(SHA224_TYPE, "SHA224Type");
sha2_type!(SHA256_TYPE, "SHA256Type");
sha2_type!(SHA384_TYPE, "SHA384Type");
sha2_type!(SHA512_TYPE, "SHA512Type");

/// `shaNNN(string=b'', *, usedforsecurity=True)` for the four constructors.
fn sha2_new(vm: &mut Vm, args: Args, sig: &Sig, ty: &PyType, state: State) -> PyResult<Value> {
    let [data, usedforsecurity] = sig.parse::<2>(args)?;
    super::construct(vm, ty, state, data, usedforsecurity)
}

fn sha224_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha224", &[opt("string"), kw("usedforsecurity")]);
    sha2_new(
        vm,
        args,
        &SIG,
        &SHA224_TYPE,
        State::Sha256(Sha256::new224()),
    )
}

fn sha256_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha256", &[opt("string"), kw("usedforsecurity")]);
    sha2_new(
        vm,
        args,
        &SIG,
        &SHA256_TYPE,
        State::Sha256(Sha256::new256()),
    )
}

fn sha384_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha384", &[opt("string"), kw("usedforsecurity")]);
    sha2_new(
        vm,
        args,
        &SIG,
        &SHA384_TYPE,
        State::Sha512(Sha512::new384()),
    )
}

fn sha512_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    static SIG: Sig = Sig::new("sha512", &[opt("string"), kw("usedforsecurity")]);
    sha2_new(
        vm,
        args,
        &SIG,
        &SHA512_TYPE,
        State::Sha512(Sha512::new512()),
    )
}

fn sha2_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    let types = [
        ("SHA224Type", &SHA224_TYPE),
        ("SHA256Type", &SHA256_TYPE),
        ("SHA384Type", &SHA384_TYPE),
        ("SHA512Type", &SHA512_TYPE),
    ];
    ONCE.call_once(|| {
        for (_, ty) in types {
            ty.slots.new.set(Some(super::no_new));
            crate::objects::typeobject_methods::init_static_type(ty);
        }
    });
    for (name, ty) in types {
        super::super::add_object(module, name, ty.to_value());
    }
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_sha2",
    doc: None,
    methods: &[
        MethodDef {
            doc: "Return a new SHA-224 hash object; optionally initialized with a string.",
            ..MethodDef::method("sha224", sha224_new)
        },
        MethodDef {
            doc: "Return a new SHA-256 hash object; optionally initialized with a string.",
            ..MethodDef::method("sha256", sha256_new)
        },
        MethodDef {
            doc: "Return a new SHA-384 hash object; optionally initialized with a string.",
            ..MethodDef::method("sha384", sha384_new)
        },
        MethodDef {
            doc: "Return a new SHA-512 hash object; optionally initialized with a string.",
            ..MethodDef::method("sha512", sha512_new)
        },
    ],
    init: Some(sha2_module_init),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::hash::hex_of;
    use num_bigint::BigUint;

    fn sha256(data: &[u8], mut h: Sha256) -> String {
        h.update(data);
        hex_of(&h.finish())
    }

    fn sha512(data: &[u8], mut h: Sha512) -> String {
        h.update(data);
        hex_of(&h.finish())
    }

    const ABC448: &[u8] = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    const ABC896: &[u8] = b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

    /// The first `n` primes.
    fn primes(n: usize) -> Vec<u32> {
        let mut found: Vec<u32> = Vec::new();
        let mut k = 2;
        while found.len() < n {
            if found.iter().all(|p| k % p != 0) {
                found.push(k);
            }
            k += 1;
        }
        found
    }

    /// The first `bits` bits of the fractional part of `p ** (1 / root)`.
    fn frac_root(p: u32, root: u32, bits: u32) -> u64 {
        let scaled = BigUint::from(p) << (root * bits) as usize;
        let r = scaled.nth_root(root);
        let mask = (BigUint::from(1u8) << bits as usize) - 1u8;
        (r & mask).iter_u64_digits().next().unwrap_or(0)
    }

    #[test]
    fn constants_come_from_the_primes() {
        let p = primes(80);
        for i in 0..64 {
            assert_eq!(u64::from(K256[i]), frac_root(p[i], 3, 32), "K256[{i}]");
        }
        for i in 0..80 {
            assert_eq!(K512[i], frac_root(p[i], 3, 64), "K512[{i}]");
        }
        for i in 0..8 {
            assert_eq!(u64::from(SHA256_INIT[i]), frac_root(p[i], 2, 32));
            assert_eq!(
                u64::from(SHA224_INIT[i]),
                frac_root(p[i + 8], 2, 64) & 0xffff_ffff
            );
            assert_eq!(SHA512_INIT[i], frac_root(p[i], 2, 64));
            assert_eq!(SHA384_INIT[i], frac_root(p[i + 8], 2, 64));
        }
    }

    /// The examples of FIPS 180 (NIST's "SHA examples" document).
    #[test]
    fn fips_examples() {
        assert_eq!(
            sha256(b"abc", Sha256::new224()),
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"
        );
        assert_eq!(
            sha256(ABC448, Sha256::new224()),
            "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"
        );
        assert_eq!(
            sha256(b"", Sha256::new256()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256(b"abc", Sha256::new256()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256(ABC448, Sha256::new256()),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            sha512(b"abc", Sha512::new384()),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"
        );
        assert_eq!(
            sha512(ABC896, Sha512::new384()),
            "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"
        );
        assert_eq!(
            sha512(b"abc", Sha512::new512()),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            sha512(ABC896, Sha512::new512()),
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"
        );
    }

    #[test]
    fn a_million_as() {
        let mut h = Sha256::new256();
        let mut g = Sha512::new512();
        for _ in 0..1000 {
            h.update(&[b'a'; 1000]);
            g.update(&[b'a'; 1000]);
        }
        assert_eq!(
            hex_of(&h.finish()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        assert_eq!(
            hex_of(&g.finish()),
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        );
    }

    /// Every message length from 0 to 299 (each padding case): the hash of the
    /// concatenated digests of `b"a" * n`, as CPython computes it.
    #[test]
    fn every_padding_length() {
        let chain256 = |new: fn() -> Sha256| {
            let digests: Vec<u8> = (0..300)
                .flat_map(|n| sha256_bytes(&vec![b'a'; n], new()))
                .collect();
            sha256(&digests, new())
        };
        let chain512 = |new: fn() -> Sha512| {
            let digests: Vec<u8> = (0..300)
                .flat_map(|n| sha512_bytes(&vec![b'a'; n], new()))
                .collect();
            sha512(&digests, new())
        };
        assert_eq!(
            chain256(Sha256::new224),
            "1b22bc28d273be0efedaba513176d1be5d60188c91a9fb60da750d9b"
        );
        assert_eq!(
            chain256(Sha256::new256),
            "80e953e3b006c4bab43fd5d792f8bd29c122f6cf1497318365fe66bf2d61398d"
        );
        assert_eq!(
            chain512(Sha512::new384),
            "3e67e819ed3728f536cb6fdeeca3192d03c9330d9f59d3fd761a9da151e9b7cd74090f102bd163b4ac6bf95562bce2d9"
        );
        assert_eq!(
            chain512(Sha512::new512),
            "31c336adab577370612bbdd2a77b25de07ec8389de752295ba890ce160fc80654d34f23f93a5819b359f2a8ef15f3f274cbfa5becc521e5728397d60265ffb21"
        );
    }

    fn sha256_bytes(data: &[u8], mut h: Sha256) -> Vec<u8> {
        h.update(data);
        h.finish()
    }

    fn sha512_bytes(data: &[u8], mut h: Sha512) -> Vec<u8> {
        h.update(data);
        h.finish()
    }
}
