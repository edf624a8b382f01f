//! Stable pseudonyms for member ids, so that a distribution can be shared without names.
//!
//! A pseudonym is `M-` followed by 16 hex digits of SipHash-2-4 (Aumasson & Bernstein 2012,
//! implemented here with `std` only) of the member id, keyed by a 128-bit key derived from a
//! secret passphrase. The same passphrase and id always give the same pseudonym (on every
//! machine, in every version and in all three languages), so a member can be followed across
//! years; without the passphrase the id cannot be recovered, even by trying every membership
//! number (a plain hash could be reversed that way, because membership numbers are few).

use super::distribute::Distribution;
use super::members::{Member, Personal};
use crate::error::ShuError;
use std::collections::HashMap;

/// SipHash-2-4 of `msg` with the key `(k0, k1)` (little-endian halves of the 16-byte key).
pub(crate) fn siphash24(k0: u64, k1: u64, msg: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    };
    let chunks = msg.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        let m = u64::from_le_bytes(b);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = [0u8; 8];
    for (d, s) in last.iter_mut().zip(tail) {
        *d = *s;
    }
    let mut m = u64::from_le_bytes(last);
    m |= (msg.len() as u64 & 0xff) << 56;
    v3 ^= m;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= m;
    v2 ^= 0xff;
    for _ in 0..4 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// Makes pseudonyms from a secret passphrase.
#[derive(Clone)]
pub struct Pseudonymiser {
    k0: u64,
    k1: u64,
}

impl std::fmt::Debug for Pseudonymiser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymiser(<key redacted>)")
    }
}

impl Pseudonymiser {
    /// A pseudonymiser for `passphrase`. The 128-bit SipHash key is
    /// `k0 = siphash24(0, 0, "koperasi-shu-k0:" + passphrase)`,
    /// `k1 = siphash24(0, 0, "koperasi-shu-k1:" + passphrase)` (UTF-8 bytes).
    ///
    /// Errors: [`ShuError::EmptyKey`] for an empty passphrase.
    pub fn new(passphrase: &str) -> Result<Pseudonymiser, ShuError> {
        if passphrase.is_empty() {
            return Err(ShuError::EmptyKey);
        }
        let derive = |label: &str| {
            let mut m = label.as_bytes().to_vec();
            m.extend_from_slice(passphrase.as_bytes());
            siphash24(0, 0, &m)
        };
        Ok(Pseudonymiser {
            k0: derive("koperasi-shu-k0:"),
            k1: derive("koperasi-shu-k1:"),
        })
    }

    /// The pseudonym of a member id: `M-` and 16 lower-case hex digits of
    /// `siphash24(k0, k1, id)` (the id's UTF-8 bytes, trimmed of surrounding spaces).
    pub fn pseudonym(&self, member_id: &str) -> String {
        format!(
            "M-{:016x}",
            siphash24(self.k0, self.k1, member_id.trim().as_bytes())
        )
    }
}

/// The pseudonym of `member_id` under `passphrase` (see [`Pseudonymiser`]).
///
/// Errors: [`ShuError::EmptyKey`].
pub fn shu_pseudonym(passphrase: &str, member_id: &str) -> Result<String, ShuError> {
    Ok(Pseudonymiser::new(passphrase)?.pseudonym(member_id))
}

/// `members` with each id replaced by its pseudonym, the name replaced by the same
/// pseudonym, the NIK and the source line removed. Dates, savings and transactions are kept
/// (the distribution needs them); they can still identify a member to someone who knows them,
/// so the export is pseudonymous, not anonymous in the strict sense.
///
/// Errors: [`ShuError::EmptyKey`]; [`ShuError::PseudonymCollision`] when two ids give one
/// pseudonym (odds about n^2 / 2^65: 3e-8 for a million members).
pub fn anonymise_members(members: &[Member], passphrase: &str) -> Result<Vec<Member>, ShuError> {
    let p = Pseudonymiser::new(passphrase)?;
    let mut seen: HashMap<String, &str> = HashMap::with_capacity(members.len());
    let mut out = Vec::with_capacity(members.len());
    for m in members {
        let pseudo = p.pseudonym(&m.id);
        check_collision(&mut seen, &pseudo, &m.id)?;
        out.push(Member {
            name: Some(Personal::new(pseudo.clone())),
            id: pseudo,
            nik: None,
            source_line: None,
            ..m.clone()
        });
    }
    Ok(out)
}

/// `distribution` with each member id replaced by its pseudonym (amounts unchanged).
///
/// Errors: as [`anonymise_members`].
pub fn anonymise_distribution(
    distribution: &Distribution,
    passphrase: &str,
) -> Result<Distribution, ShuError> {
    let p = Pseudonymiser::new(passphrase)?;
    let mut out = distribution.clone();
    let mut seen: HashMap<String, &str> = HashMap::with_capacity(out.members.len());
    for (o, m) in out.members.iter_mut().zip(&distribution.members) {
        let pseudo = p.pseudonym(&m.member_id);
        check_collision(&mut seen, &pseudo, &m.member_id)?;
        o.member_id = pseudo;
    }
    Ok(out)
}

fn check_collision<'a>(
    seen: &mut HashMap<String, &'a str>,
    pseudo: &str,
    id: &'a str,
) -> Result<(), ShuError> {
    match seen.insert(pseudo.to_string(), id) {
        Some(other) if other.trim() != id.trim() => Err(ShuError::PseudonymCollision {
            pseudonym: pseudo.to_string(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siphash_reference_vectors() {
        // Aumasson & Bernstein, "SipHash: a fast short-input PRF" (2012), appendix A:
        // key 00 01 .. 0f, message 00 01 .. 0e (15 bytes) gives a129ca6149be45e5;
        // the empty message gives 726fdb47dd0e0e31 (first entry of the reference vectors.h).
        let k0 = u64::from_le_bytes([0, 1, 2, 3, 4, 5, 6, 7]);
        let k1 = u64::from_le_bytes([8, 9, 10, 11, 12, 13, 14, 15]);
        let msg: Vec<u8> = (0u8..15).collect();
        assert_eq!(siphash24(k0, k1, &msg), 0xa129_ca61_49be_45e5);
        assert_eq!(siphash24(k0, k1, &[]), 0x726f_db47_dd0e_0e31);
    }

    #[test]
    fn pseudonyms_are_stable_and_keyed() {
        let a = shu_pseudonym("rahasia", "A-001").unwrap();
        assert_eq!(a, shu_pseudonym("rahasia", " A-001 ").unwrap());
        assert_ne!(a, shu_pseudonym("lain", "A-001").unwrap());
        assert_ne!(a, shu_pseudonym("rahasia", "A-002").unwrap());
        assert_eq!(a.len(), 18);
        assert_eq!(shu_pseudonym("", "x").unwrap_err().code(), "shu_empty_key");
    }
}
