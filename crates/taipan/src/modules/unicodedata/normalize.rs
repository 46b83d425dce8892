//! Unicode normalization (UAX #15): `unicodedata.normalize` and `is_normalized`,
//! following the behaviour of `nfd_nfkd` / `nfc_nfkc` in CPython 3.13's
//! `Modules/unicodedata.c`: full (recursive) decomposition with the algorithmic Hangul
//! syllables, canonical reordering by combining class, then canonical composition in
//! which a character is blocked by an earlier uncombined one of equal or higher class.
//!
//! For `ucd_3_2_0` (`old`), characters unassigned in Unicode 3.2 are left alone and the
//! 3.2 decomposition corrections apply; combining classes and compositions are the
//! current ones, as in CPython.

use super::tables as t;
use super::{combining, unassigned_3_2_0};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Form {
    pub fn parse(name: &str) -> Option<Form> {
        Some(match name {
            "NFC" => Form::Nfc,
            "NFKC" => Form::Nfkc,
            "NFD" => Form::Nfd,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }
    fn compat(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }
    fn composed(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }
}

/// The raw decomposition mapping of `cp`: (tag index, code points); tag 0 is canonical.
pub fn decomposition(cp: u32) -> Option<(u32, &'static [u32])> {
    let off = crate::objects::unicodectype::lookup3(
        &t::DECOMP_LEVEL1,
        &t::DECOMP_LEVEL2,
        &t::DECOMP_LEVEL3,
        t::DECOMP_SHIFT2,
        t::DECOMP_SHIFT3,
        cp,
    );
    if off == 0 {
        return None;
    }
    let head = *t::DECOMP_DATA.get(off - 1)?;
    let len = (head & 0xff) as usize;
    let cps = t::DECOMP_DATA.get(off..off + len)?;
    Some((head >> 8, cps))
}

fn correction_3_2_0(cp: u32) -> Option<u32> {
    t::NORMALIZATION_3_2_0
        .binary_search_by_key(&cp, |e| e.0)
        .ok()
        .map(|i| t::NORMALIZATION_3_2_0[i].1)
}

/// NFD / NFKD of `input` (code points), canonically ordered.
fn decompose(input: &[u32], compat: bool, old: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(input.len() + 8);
    let mut stack: Vec<u32> = Vec::new();
    for &first in input {
        stack.push(first);
        while let Some(cp) = stack.pop() {
            if (S_BASE..S_BASE + S_COUNT).contains(&cp) {
                let s = cp - S_BASE;
                out.push(L_BASE + s / N_COUNT);
                out.push(V_BASE + (s % N_COUNT) / T_COUNT);
                if !s.is_multiple_of(T_COUNT) {
                    out.push(T_BASE + s % T_COUNT);
                }
                continue;
            }
            if old {
                if let Some(r) = correction_3_2_0(cp) {
                    stack.push(r);
                    continue;
                }
                if unassigned_3_2_0(cp) {
                    out.push(cp);
                    continue;
                }
            }
            match decomposition(cp) {
                Some((tag, cps)) if tag == 0 || compat => stack.extend(cps.iter().rev()),
                _ => out.push(cp),
            }
        }
    }
    // Canonical ordering: a stable sort of each run of non-starters by combining class.
    let mut i = 0;
    while i < out.len() {
        if combining(out[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && combining(out[i]) != 0 {
            i += 1;
        }
        if i - start > 1 {
            out[start..i].sort_by_key(|&c| combining(c));
        }
    }
    out
}

fn find_composite(first: u32, second: u32) -> Option<u32> {
    t::COMPOSITIONS
        .binary_search_by(|e| (e.0, e.1).cmp(&(first, second)))
        .ok()
        .map(|i| t::COMPOSITIONS[i].2)
}

fn is_first(cp: u32) -> bool {
    let i = t::COMPOSITIONS.partition_point(|e| e.0 < cp);
    t::COMPOSITIONS.get(i).is_some_and(|e| e.0 == cp)
}

/// Canonical composition of a decomposed, canonically ordered sequence.
fn compose(data: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(data.len());
    let mut skipped = vec![false; data.len()];
    let mut i = 0;
    while i < data.len() {
        if skipped[i] {
            i += 1;
            continue;
        }
        let code = data[i];
        // Hangul: L V (T) from decomposed jamo.
        if (L_BASE..L_BASE + L_COUNT).contains(&code)
            && data
                .get(i + 1)
                .is_some_and(|v| (V_BASE..V_BASE + V_COUNT).contains(v))
            && !skipped[i + 1]
        {
            let mut s = S_BASE + ((code - L_BASE) * V_COUNT + (data[i + 1] - V_BASE)) * T_COUNT;
            i += 2;
            if let Some(&tj) = data.get(i) {
                if T_BASE < tj && tj < T_BASE + T_COUNT && !skipped[i] {
                    s += tj - T_BASE;
                    i += 1;
                }
            }
            out.push(s);
            continue;
        }
        if !is_first(code) {
            out.push(code);
            i += 1;
            continue;
        }
        let mut current = code;
        let mut comb = 0u8;
        let mut j = i + 1;
        while j < data.len() {
            if skipped[j] {
                j += 1;
                continue;
            }
            let code1 = data[j];
            let comb1 = combining(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    // Blocked.
                    j += 1;
                    continue;
                }
            }
            match find_composite(current, code1) {
                Some(c) => {
                    current = c;
                    skipped[j] = true;
                    j += 1;
                    if !is_first(current) {
                        break;
                    }
                }
                None => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    j += 1;
                }
            }
        }
        out.push(current);
        i += 1;
    }
    out
}

/// `form` of `input`.
pub fn normalize(input: &[u32], form: Form, old: bool) -> Vec<u32> {
    let d = decompose(input, form.compat(), old);
    if form.composed() {
        compose(&d)
    } else {
        d
    }
}
