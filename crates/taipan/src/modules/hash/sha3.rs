//! The `_sha3` module (CPython's `Modules/sha3module.c`) and the Keccak sponge, written
//! from FIPS 202: the permutation Keccak-f[1600] (section 3, with its round constants
//! and rotation offsets computed as the standard defines them), the sponge
//! construction (section 4) and the SHA-3 / SHAKE instances (section 6: suffix bits
//! `01` and `1111`, then `pad10*1`).
//!
//! Lanes are little-endian 64-bit words, lane (x, y) at index `x + 5 * y`.

use super::{State, METHODS, SHA3_GETSETS, SHAKE_METHODS};
use crate::modules::ModuleDef;
use crate::objects::typeobject::{as_type, PyType, StaticTypeInit};
use crate::runtime::value::Value;
use crate::vm::args::{kw, po_opt};
use crate::vm::{Args, PyResult, Sig, Vm};

/// Algorithm 5 (`rc`): one bit of the round-constant LFSR after `t` steps.
const fn rc_bit(t: usize) -> u64 {
    let mut r: u32 = 1;
    let mut i = 0;
    while i < t % 255 {
        r <<= 1;
        if r & 0x100 != 0 {
            r ^= 0x171;
        }
        i += 1;
    }
    (r & 1) as u64
}

/// Algorithm 6 (ι): the constant of each of the 24 rounds; bit `2**j - 1` of round
/// `ir` is `rc(j + 7 * ir)`.
const ROUND_CONSTANTS: [u64; 24] = {
    let mut out = [0u64; 24];
    let mut ir = 0;
    while ir < 24 {
        let mut j = 0;
        while j <= 6 {
            out[ir] |= rc_bit(j + 7 * ir) << ((1 << j) - 1);
            j += 1;
        }
        ir += 1;
    }
    out
};

/// Algorithm 2 (ρ): the rotation of lane (x, y), walking (x, y) -> (y, 2x + 3y).
const RHO: [u32; 25] = {
    let mut out = [0u32; 25];
    let (mut x, mut y) = (1usize, 0usize);
    let mut t = 0;
    while t < 24 {
        out[x + 5 * y] = (((t + 1) * (t + 2) / 2) % 64) as u32;
        let next_y = (2 * x + 3 * y) % 5;
        x = y;
        y = next_y;
        t += 1;
    }
    out
};

/// Keccak-f[1600] (Algorithm 7): 24 rounds of θ, ρ, π, χ, ι.
fn keccak_f(a: &mut [u64; 25]) {
    for rc in ROUND_CONSTANTS {
        // θ: each lane absorbs the parities of two neighbouring columns.
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        // ρ and π: lane (x, y) is rotated and moves to (y, 2x + 3y).
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = a[x + 5 * y].rotate_left(RHO[x + 5 * y]);
            }
        }
        // χ: the only non-linear step, along rows.
        for y in 0..5 {
            for x in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        // ι
        a[0] ^= rc;
    }
}

/// A sponge over Keccak-f[1600] with the given rate, domain suffix and output size.
#[derive(Clone)]
pub(crate) struct Keccak {
    a: [u64; 25],
    /// Bytes absorbed into the current block.
    used: usize,
    /// The rate in bytes (a multiple of 8).
    rate: usize,
    /// The domain-separation bits with the first padding bit: 0x06 (SHA-3), 0x1f (SHAKE).
    suffix: u8,
    /// The fixed digest size; 0 for SHAKE, whose length each digest call chooses.
    digest_size: usize,
}

impl Keccak {
    /// SHA3-`bits` (section 6.1): capacity twice the output size.
    pub(crate) fn sha3(bits: usize) -> Keccak {
        Keccak {
            a: [0; 25],
            used: 0,
            rate: 200 - bits / 4,
            suffix: 0x06,
            digest_size: bits / 8,
        }
    }

    /// SHAKE`security` (section 6.2): capacity twice the security strength.
    pub(crate) fn shake(security: usize) -> Keccak {
        Keccak {
            a: [0; 25],
            used: 0,
            rate: 200 - security / 4,
            suffix: 0x1f,
            digest_size: 0,
        }
    }

    pub(crate) fn rate(&self) -> usize {
        self.rate
    }

    pub(crate) fn suffix(&self) -> u8 {
        self.suffix
    }

    pub(crate) fn digest_size(&self) -> usize {
        self.digest_size
    }

    pub(crate) fn name(&self) -> &'static str {
        match (self.suffix, self.rate) {
            (0x1f, 168) => "shake_128",
            (0x1f, _) => "shake_256",
            (_, 144) => "sha3_224",
            (_, 136) => "sha3_256",
            (_, 104) => "sha3_384",
            _ => "sha3_512",
        }
    }

    fn xor_byte(&mut self, pos: usize, byte: u8) {
        self.a[pos / 8] ^= u64::from(byte) << (8 * (pos % 8));
    }

    pub(crate) fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            if self.used == 0 && data.len() >= self.rate {
                let (block, rest) = data.split_at(self.rate);
                for (lane, chunk) in self.a.iter_mut().zip(block.chunks_exact(8)) {
                    let mut word = [0u8; 8];
                    word.copy_from_slice(chunk);
                    *lane ^= u64::from_le_bytes(word);
                }
                keccak_f(&mut self.a);
                data = rest;
                continue;
            }
            let take = (self.rate - self.used).min(data.len());
            for (k, &byte) in data[..take].iter().enumerate() {
                self.xor_byte(self.used + k, byte);
            }
            self.used += take;
            data = &data[take..];
            if self.used == self.rate {
                keccak_f(&mut self.a);
                self.used = 0;
            }
        }
    }

    /// Pads (suffix, then `pad10*1`) and squeezes `n` bytes.
    pub(crate) fn finish(mut self, n: usize) -> Vec<u8> {
        self.xor_byte(self.used, self.suffix);
        self.xor_byte(self.rate - 1, 0x80);
        keccak_f(&mut self.a);
        let mut out = Vec::with_capacity(n);
        loop {
            for lane in &self.a[..self.rate / 8] {
                let bytes = lane.to_le_bytes();
                let take = (n - out.len()).min(8);
                out.extend_from_slice(&bytes[..take]);
                if out.len() == n {
                    return out;
                }
            }
            keccak_f(&mut self.a);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------------------

type KeccakInit = fn() -> Keccak;

macro_rules! sha3_type {
    ($static:ident, $name:literal, $methods:expr, $doc:literal) => {
        /// A `_sha3` hash type.
        pub static $static: PyType = PyType::new_static(StaticTypeInit {
            name: $name,
            layout: &super::HASH_LAYOUT,
            flags: 0,
            base: Some(&crate::objects::object::OBJECT_TYPE),
            methods: $methods,
            getsets: SHA3_GETSETS,
            doc: Some($doc),
            module: Some("_sha3"),
        });
    };
}

sha3_type!(
    SHA3_224_TYPE,
    "sha3_224",
    METHODS,
    "sha3_224([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 28 bytes."
);
sha3_type!(
    SHA3_256_TYPE,
    "sha3_256",
    METHODS,
    "sha3_256([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 32 bytes."
);
sha3_type!(
    SHA3_384_TYPE,
    "sha3_384",
    METHODS,
    "sha3_384([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 48 bytes."
);
sha3_type!(
    SHA3_512_TYPE,
    "sha3_512",
    METHODS,
    "sha3_512([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object with a hashbit length of 64 bytes."
);
sha3_type!(
    SHAKE_128_TYPE,
    "shake_128",
    SHAKE_METHODS,
    "shake_128([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object."
);
sha3_type!(
    SHAKE_256_TYPE,
    "shake_256",
    SHAKE_METHODS,
    "shake_256([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object."
);

/// Each type with the sponge its instances start from.
static TYPES: [(&PyType, KeccakInit); 6] = [
    (&SHA3_224_TYPE, || Keccak::sha3(224)),
    (&SHA3_256_TYPE, || Keccak::sha3(256)),
    (&SHA3_384_TYPE, || Keccak::sha3(384)),
    (&SHA3_512_TYPE, || Keccak::sha3(512)),
    (&SHAKE_128_TYPE, || Keccak::shake(128)),
    (&SHAKE_256_TYPE, || Keccak::shake(256)),
];

/// `tp_new` of the six types: `T([data], *, usedforsecurity=True)`.
fn sha3_new(vm: &mut Vm, cls: &Value, args: Args) -> PyResult<Value> {
    // NOTE: CPython names every one of them `sha3_224` in argument errors (its six
    // types share one Argument Clinic function); so does Taipan.
    static SIG: Sig = Sig::new("sha3_224", &[po_opt("data"), kw("usedforsecurity")]);
    let [data, usedforsecurity] = SIG.parse::<2>(args)?;
    let ty = as_type(cls).unwrap_or(&SHA3_224_TYPE);
    let init = TYPES
        .iter()
        .find(|(t, _)| std::ptr::eq(*t, ty))
        .map_or(TYPES[0].1, |(_, init)| *init);
    super::construct(vm, ty, State::Keccak(init()), data, usedforsecurity)
}

fn sha3_module_init(_vm: &mut Vm, module: &Value) -> PyResult<()> {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for (ty, _) in &TYPES {
            ty.slots.new.set(Some(sha3_new));
            crate::objects::typeobject_methods::init_static_type(ty);
        }
    });
    for (ty, _) in &TYPES {
        super::super::add_object(module, &ty.name(), ty.to_value());
    }
    super::super::add_object(
        module,
        "implementation",
        crate::objects::str::new_str("HACL"),
    );
    Ok(())
}

pub static MODULE: ModuleDef = ModuleDef {
    name: "_sha3",
    doc: None,
    methods: &[],
    init: Some(sha3_module_init),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modules::hash::hex_of;

    fn digest(mut k: Keccak, data: &[u8], n: usize) -> String {
        k.update(data);
        hex_of(&k.finish(n))
    }

    #[test]
    fn constants() {
        assert_eq!(ROUND_CONSTANTS[0], 1);
        assert_eq!(ROUND_CONSTANTS[1], 0x8082);
        assert_eq!(ROUND_CONSTANTS[23], 0x8000_0000_8000_8008);
        assert_eq!(RHO[1], 1);
        assert_eq!(RHO[0], 0);
        assert_eq!(RHO[2], 62);
    }

    #[test]
    fn sha3_known_answers() {
        let cases: [(usize, &str, &str); 4] = [
            (224, "6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7", "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"),
            (256, "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
            (
                384,
                "0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004",
                "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25",
            ),
            (
                512,
                "a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26",
                "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
            ),
        ];
        for (bits, empty, abc) in cases {
            assert_eq!(digest(Keccak::sha3(bits), b"", bits / 8), empty);
            assert_eq!(digest(Keccak::sha3(bits), b"abc", bits / 8), abc);
        }
        let mut k = Keccak::sha3(256);
        for _ in 0..1000 {
            k.update(&[b'a'; 1000]);
        }
        assert_eq!(
            hex_of(&k.finish(32)),
            "5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1"
        );
    }

    #[test]
    fn shake_known_answers() {
        assert_eq!(
            digest(Keccak::shake(128), b"", 32),
            "7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26"
        );
        assert_eq!(
            digest(Keccak::shake(256), b"", 64),
            "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762fd75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be"
        );
        // 500 bytes take several squeezes.
        assert!(
            digest(Keccak::shake(128), b"abc", 500).ends_with("03ec6f17f0ec650a292198275211a56b")
        );
        assert!(
            digest(Keccak::shake(256), b"abc", 500).ends_with("6088e20203aebafa8e9dffa94ed35ef1")
        );
    }

    /// Every message length from 0 to 399 (across several blocks): the hash of the
    /// concatenated digests of `b"a" * n`, as CPython computes it.
    #[test]
    fn every_length() {
        let chain = |new: fn() -> Keccak, n: usize| {
            let digests: Vec<u8> = (0..400)
                .flat_map(|len| {
                    let mut k = new();
                    k.update(&vec![b'a'; len]);
                    k.finish(n)
                })
                .collect();
            digest(new(), &digests, n)
        };
        assert_eq!(
            chain(|| Keccak::sha3(224), 28),
            "d7d22c4a4ac48c25520f0df29b71fe54a5a50e324d6f41960c00dc42"
        );
        assert_eq!(
            chain(|| Keccak::sha3(256), 32),
            "f47e052795490c64024a43e56e084a5ea7143f3102a9c296345e8fd9c1bd5930"
        );
        assert_eq!(
            chain(|| Keccak::shake(128), 16),
            "485ca05caeb1f00668a44b4d1c04d472"
        );
        assert_eq!(
            chain(|| Keccak::shake(256), 32),
            "4d4d9c185b2dd6e2354e9c82f31cf57dea5059db335b1b740e6228e9cf02d892"
        );
    }
}
